"""Dates in Russian and Kazakh text are written DD.MM.YYYY, as the codes and the courts write them;
English, JSON, registers and what a user types back stay ISO.

The codes' own footnotes write a date so: «Кодекс дополнен статьей 73-3 в соответствии с Законом РК
от 26.06.2020 № 349-VI» (AOC 2014 Art. 73-3, footnote), «ҚР 10.01.2018 № 132-VI (01.07.2018 бастап
қолданысқа енгізіледі)» (CC 2014 Art. 42, note).

The example throughout: a slander posted on 01.03.2022 on a social network, decided on 01.04.2022.
AOC 2014 Art. 73-3(2): «То же деяние, совершенное публично или с использованием средств массовой
информации или сетей телекоммуникаций»; Art. 62(1): «Лицо не подлежит привлечению к
административной ответственности по истечении двух месяцев со дня совершения административного
правонарушения» (two months from 01.03.2022: 01.05.2022); Art. 44(1): the MCI «действующим на
момент возбуждения дела» (no opening day given: the act date's, 01.03.2022, is assumed). Law
349-VI inserted Art. 73-3 «вводится в действие по истечении десяти календарных дней после дня его
первого официального опубликования»: the data's 10.07.2020 (published 29.06.2020; an inferred date).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import kzspeechlaw as kz
from kzspeechlaw import terms
from kzspeechlaw.cli.commands import main
from kzspeechlaw.cli.render import render_assessment
from kzspeechlaw.i18n import Message, local_date

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SLANDER_2022 = ("--act-date", "2022-03-01", "--conduct", "slander", "--channel", "telecom_network",
                "--allegation", "none", "--decided-on", "2022-04-01")
FACTS = {"act_date": "2022-03-01", "conduct": "slander", "channel": "telecom_network", "allegation": "none"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (dt.date(2022, 3, 1), "ru", "01.03.2022"),
    (dt.date(2022, 3, 1), "kk", "01.03.2022"),
    (dt.date(2022, 3, 1), "en", "2022-03-01"),
    ("2020-07-10", "ru", "10.07.2020"),  # a date of the JSON form, as the page reads it
    ("2020-07-10", "en", "2020-07-10"),
    ("-", "kk", "-"),  # not a date: as it is
])
def test_local_date(value: dt.date | str, lang: str, expected: str) -> None:
    assert local_date(value, lang) == expected


def test_a_message_writes_its_dates_in_the_language() -> None:
    said = Message("The period expires on {day}", day=dt.date(2022, 5, 1))
    assert str(said) == "The period expires on 2022-05-01"
    assert said.render("ru") == "Срок истекает 01.05.2022"
    assert said.render("kk") == "Мерзім 01.05.2022 өтеді"


def test_a_text_shown_in_english_keeps_its_dates() -> None:
    """A message no catalogue holds is shown in English, and so are its dates; a version's notes,
    English data, are shown as the data give them."""
    said = Message("A wording no catalogue holds, from {day}", day=dt.date(2022, 3, 1))
    assert said.render("ru") == said.render("kk") == "A wording no catalogue holds, from 2022-03-01"


def test_assess_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", *SLANDER_2022, "--lang", "ru")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Деяние от 01.03.2022 (клевета;") and lines[0].endswith("решение на 01.04.2022")
    assert "Применимая норма: AOC2014 73-3(2) Клевета (редакция с 10.07.2020, Закон 349-VI)" in lines
    assert "Санкции (альтернативные; МРП на 01.03.2022):" in lines  # AOC 2014 Art. 44(1)
    assert "Давность: 2 месяца, истекает 01.05.2022 (течёт)" in lines  # AOC 2014 Art. 62(1)
    text = _flat(out)
    assert "Срок давности истекает 01.05.2022" in text  # the note
    assert "AOC2014 73-3(2) в редакции на 01.03.2022" in text  # the trace (AOC 2014 Art. 4)
    assert "Срок истекает 01.05.2022" in text
    assert "2022-03-01" not in out and ISO.search(out) is None


def test_assess_in_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", *SLANDER_2022, "--lang", "kk")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("01.03.2022 күнгі әрекет (жала жабу;") and lines[0].endswith("шешім күні 01.04.2022")
    assert "Қолданылатын норма: AOC2014 73-3(2) Жала жабу (10.07.2020 бастап қолданылатын редакция, 349-VI Заң)" \
        in lines
    assert "Санкциялар (балама; 01.03.2022 күнгі АЕК):" in lines
    assert "Ескіру мерзімі: 2 ай, 01.05.2022 өтеді (өтуде)" in lines
    assert "Мерзім 01.05.2022 өтеді" in _flat(out)
    assert "2022-03-01" not in out and ISO.search(out) is None


def test_the_memo_of_the_library() -> None:
    a = kz.assess(kz.Incident.from_dict(FACTS), "2022-04-01")
    ru, kk = render_assessment(a, "ru"), render_assessment(a, "kk")
    assert "Деяние от 01.03.2022" in ru and "истекает 01.05.2022" in ru
    assert "01.03.2022 күнгі әрекет" in kk and "01.05.2022 өтеді" in kk
    assert ISO.search(ru) is None and ISO.search(kk) is None
    # the English memo as before: ISO
    en = render_assessment(a, "en")
    assert en.startswith("Act of 2022-03-01 (slander, telecom network, about a person) decided on 2022-04-01\n")
    assert "Limitation: 2 months, expires 2022-05-01 (running)" in en.splitlines()


def test_english_text_stays_iso(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "assess", *SLANDER_2022, "--lang", "en")
    lines = out.splitlines()
    assert lines[0] == "Act of 2022-03-01 (slander, telecom network, about a person) decided on 2022-04-01"
    assert "Governing: AOC2014 73-3(2) Slander (version from 2020-07-10, Law 349-VI)" in lines
    assert "Sanctions (alternatives; MCI of 2022-03-01):" in lines
    assert "Limitation: 2 months, expires 2022-05-01 (running)" in lines
    assert "01.03.2022" not in out


def test_json_stays_iso_in_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    outs = [run(capsys, "assess", *SLANDER_2022, "--json", "--lang", lang)[1] for lang in ("en", "ru", "kk")]
    assert outs[0] == outs[1] == outs[2]
    data = json.loads(outs[1])
    assert data["decided_on"] == "2022-04-01" and data["incident"]["act_date"] == "2022-03-01"
    assert data["mci_date"] == "2022-03-01" and data["limitation"]["expires"] == "2022-05-01"
    assert "01.03.2022" not in outs[1] and "01.05.2022" not in outs[1]


def test_a_register_stays_iso(capsys: pytest.CaptureFixture[str], tmp_path: pytest.TempPathFactory) -> None:
    register = tmp_path / "register.csv"  # type: ignore[operator]
    register.write_text("id,act_date,conduct,channel,allegation\n1,01.03.2022,slander,telecom_network,none\n",
                        encoding="utf-8")
    records = [run(capsys, "batch", str(register), "--decided-on", "2022-04-01", "--lang", lang)[1]
               for lang in ("en", "ru", "kk")]
    assert records[0] == records[1] == records[2]
    assert json.loads(records[1])["mci_date"] == "2022-03-01"


def test_show_and_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    """The MCI of 2022: 3 063 tenge from 01.01.2022 (Law 02.12.2021 No. 77-VII, Art. 9); Law 419-V of
    24.11.2015: «вводится в действие с 01.01.2016»."""
    _, out, _ = run(capsys, "show", "AOC2014 73-3(2)", "--on", "2022-03-01", "--lang", "ru")
    assert "санкции (альтернативные), МРП на 01.03.2022 = 3 063 тенге:" in out
    assert "действовала с 10.07.2020 по 18.08.2024" in out or "действует с 10.07.2020" in out
    _, out, _ = run(capsys, "show", "AOC2014 73-3(2)", "--on", "2022-03-01", "--lang", "kk")
    assert "санкциялар (балама), 01.03.2022 күнгі АЕК = 3 063 теңге:" in out
    assert "2022-03-01" not in out
    _, out, _ = run(capsys, "mci", "2022-03-01", "--lang", "ru")
    assert out.startswith("1 МРП на 01.03.2022 = 3 063 тенге (с 01.01.2022; Закон 77-VII")
    _, out, _ = run(capsys, "timeline", "CC2014 130(2)", "--lang", "ru")
    assert any(line.startswith("01.01.2016  09.07.2020  CC2014 130(2)    419-V") for line in out.splitlines())
    assert ISO.search(out) is None
    _, out, _ = run(capsys, "timeline", "CC2014 130(2)", "--lang", "kk")
    assert "CC2014 130(2) 349-VI Заңмен 10.07.2020 бастап күші жойылды" in out
    assert ISO.search(out) is None
    _, out, _ = run(capsys, "timeline", "CC2014 130(2)")
    assert any(line.startswith("2016-01-01  2020-07-09  CC2014 130(2)    419-V") for line in out.splitlines())


def test_compare_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "compare", "CC2014 130(2)", "2016-01-01", "2021-01-01", "--lang", "ru")
    assert out.startswith("CC2014 130(2): 01.01.2016 -> 01.01.2021\n")
    assert "последний день 09.07.2020" in out
    code, _, err = run(capsys, "show", "CC2014 130(1)", "--on", "2021-01-01", "--lang", "kk")
    assert code == 2 and "01.01.2021 күні күшінде емес" in err and "09.07.2020" in err
    assert ISO.search(err) is None
    _, out, _ = run(capsys, "classify", "--act-date", "1995-03-01", "--conduct", "slander", "--lang", "ru")
    assert "01.03.1995" in out and "01.01.1998" in out and ISO.search(out) is None  # CC 1997 from 01.01.1998


def test_a_citation_of_a_version() -> None:
    cited = "CC2014 130(2) (version from 2015-01-01, Law 226-V)"
    assert terms.citation(cited, "kk") == "CC2014 130(2) (01.01.2015 бастап қолданылатын редакция, 226-V Заң)"
    assert terms.citation(cited, "en") == cited


@pytest.fixture
def client() -> object:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    return TestClient(web_app.create_app(), raise_server_exceptions=False)


def _shown(html: str) -> str:
    """The page's text a reader sees, but the permalink (an address, typed back): no style sheet, no
    tags (their attributes hold the form's values, ISO for the browser)."""
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))
    return re.sub(r"/\?\S+", " ", text)


def test_the_page_in_russian_and_kazakh(client: object) -> None:
    from starlette.testclient import TestClient

    assert isinstance(client, TestClient)
    query = {**FACTS, "act_date": "01.03.2022", "decided_on": "2022-04-01"}
    ru = client.get("/", params={**query, "lang": "ru"}).text
    shown = _shown(ru)
    assert "истекает 01.05.2022" in shown and "МРП на дату 01.03.2022" in shown
    assert "Решение на дату 01.04.2022" in shown
    assert "с 10.07.2020" in shown
    assert ISO.search(shown) is None
    # the fields keep the ISO a date field needs; the permalink too
    assert 'name="act_date" value="2022-03-01"' in ru and "decided_on=2022-04-01" in ru
    kk = client.get("/", params={**query, "lang": "kk"}).text
    shown = _shown(kk)
    assert "01.05.2022 өтеді" in shown and "10.07.2020 бастап" in shown
    assert ISO.search(shown) is None
    assert 'name="act_date" value="2022-03-01"' in kk


def test_the_page_in_english_and_the_api(client: object) -> None:
    from starlette.testclient import TestClient

    assert isinstance(client, TestClient)
    shown = _shown(client.get("/", params={**FACTS, "decided_on": "2022-04-01", "lang": "en"}).text)
    assert "expires 2022-05-01" in shown and "01.05.2022" not in shown
    data = client.post("/api/assess", json={**FACTS, "decided_on": "2022-04-01"}).json()
    assert data["limitation"]["expires"] == "2022-05-01" and data["mci_date"] == "2022-03-01"
