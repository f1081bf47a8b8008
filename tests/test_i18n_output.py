"""Everything a person reads in Russian and Kazakh: the command line's text of ``assess`` (an
amnestied act, an act an amnesty may reach, a sentencing case), ``check-sentence``, ``compare`` and
``show`` holds no English word, and the law's terms are the codes' own.

Expected words: the AOC's arrest is «административный арест» (AOC 2014 Art. 73-3 in its Russian
text: «либо административный арест на срок двадцать суток») and «әкімшілік қамаққа алу» (AOC 2014
Art. 14(2), Kazakh text: «әкімшілік жазалау шарасы ретінде әкімшілік қамаққа алу»); the Criminal
Code's is «арест» (CC 2014 Art. 378(1): «либо арестом на срок до двадцати суток») and «қамаққа алу»
(CC 2014 Art. 40, Kazakh text). Amnesty Law 329-VIII cites its paragraphs as «подпункт 1) пункта 1
статьи 1» («ст. 1» of its «Статья 1», «пункт 3» of «3. Находящиеся в производстве дела ...»), and
releases «от уголовной ответственности» (Art. 1(1)).
"""

from __future__ import annotations

import json
import re

import pytest

from kzspeechlaw import i18n, terms
from kzspeechlaw.cli import main

AMNESTIED = ("assess", "--act-date", "2025-10-15", "--conduct", "insult", "--channel", "telecom_network",
             "--decided-on", "2026-09-01")
"""An insult posted in October 2025, decided in September 2026: Law 329-VIII of 01.07.2026 releases
criminal misdemeanours committed before its entry into force (Art. 1(1)(1), 1(3); Art. 4(1))."""

MAY_REACH = ("assess", "--act-date", "2026-07-05", "--conduct", "insult", "--channel", "telecom_network",
             "--decided-on", "2026-07-20")
"""An act a few days after the Law's earliest possible entry into force: reached only if its
publication, which was not read, came later."""

SENTENCING = ("--act-date", "2015-10-01", "--conduct", "incitement_of_discord", "--discord", "national",
              "--channel", "telecom_network", "--decided-on", "2016-03-30", "--mitigating", "repentance",
              "--aggravating", "no")
"""CC 2014 Art. 174(1) (restriction or deprivation of liberty of 2 to 7 years) with a mitigating
circumstance and no aggravating one: the caps of Art. 55(2) and the floor of Art. 55(6)."""

OUTPUTS = [
    AMNESTIED,
    MAY_REACH,
    ("assess", *SENTENCING),
    ("assess", "--act-date", "2021-03-15", "--conduct", "slander", "--channel", "telecom_network",
     "--decided-on", "2021-12-01"),
    ("check-sentence", *SENTENCING, "--sentence", "imprisonment 1 year"),
    ("check-sentence", "--act-date", "2019-03-15", "--conduct", "slander", "--channel", "telecom_network",
     "--decided-on", "2019-12-01", "--sentence", "restriction_of_freedom 3 years"),
    ("check-sentence", "--act-date", "2021-03-15", "--conduct", "slander", "--channel", "telecom_network",
     "--decided-on", "2021-12-01", "--sentence", "arrest 20 days"),
    ("compare", "CC2014 174(1)", "2015-01-01", "2016-06-01"),
    ("compare", "CC2014 130(2)", "2019-01-01", "2021-01-01"),
    ("show", "AOC2014 73-3(1)", "--on", "2021-01-01"),
    ("show", "CC2014 378(1)", "--on", "2021-01-01"),
    # outside the modelled scope: no modelled article of the 1997 Code deals with false information
    # before its Art. 242-1 (inserted in 2014)
    ("assess", "--act-date", "2003-03-01", "--conduct", "false_information", "--decided-on", "2004-01-01"),
]

FIELDS = ("mitigating", "aggravating", "procedure", "stage", "harm_compensated", "reconciled", "complaint",
          "pregnant", "young_children", "referred_on", "evaded_from", "evaded_until", "knowing_and_dangerous",
          "reconciliation_grave", "aggregate", "allegation")
"""Incident fields a note names for the reader to give (as typed on the command line)."""

ALLOWED = re.compile(
    r"https?://\S+"                      # a source's address
    r"|\b(?:CC|AOC|CPC)\d{4}\b"          # the library's references: CC2014 174(1)
    r"|\b\d+-[IVXІ]+\b"                   # a law's number: 329-VIII, 180-VІ
    r"|\b[a-z_]+:[a-z_]+\b"              # an element of a part: conduct:insult
    r"|\b[a-z_]+=[a-z_]+\b"              # a field with its value as typed: channel=mass_media
    r"|\b(?:" + "|".join(FIELDS) + r")\b"
)
ENGLISH = re.compile(r"[A-Za-z]{4,}")


def english_words(text: str) -> list[str]:
    """The runs of four or more Latin letters left once references, addresses, law numbers,
    elements and incident fields are taken out."""
    return ENGLISH.findall(ALLOWED.sub(" ", text))


def test_the_check_finds_english() -> None:
    assert english_words("штраф до 100 МРП (CC2014 131(1), 329-VIII). Provided that") == ["Provided", "that"]
    assert english_words("ст. 68 УК 2014 года [CC2014 68(1)] https://zan.gov.kz/client conduct:insult") == []


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def readable(text: str, lang: str) -> str:
    """``text`` without the notes ``show`` gives in English as the data holds them (labelled so)."""
    label = i18n.gettext("notes (in English, as the data gives them):", lang)
    return text.split(label)[0]


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("argv", OUTPUTS, ids=lambda argv: "-".join(argv[:2]))
def test_no_english_word_remains(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], lang: str) -> None:
    text = readable(run(capsys, *argv, "--lang", lang), lang)
    lines = [line for line in text.splitlines() if english_words(line)]
    assert lines == []


def test_the_amnesty_in_russian_and_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    ru = " ".join(run(capsys, *AMNESTIED, "--lang", "ru").split())
    assert "Итог: ОСВОБОЖДЕНИЕ ПО АМНИСТИИ" in ru
    assert "подп. 1) п. 1 ст. 1, п. 3 ст. 1: освобождение от уголовной ответственности" in ru
    assert "При условии, что: деяние не содержит признаков экстремизма (п. 3 ст. 3)" in ru
    assert "лицо (или его законный представитель) не возражает (п. 5 ст. 4)" in ru
    assert "Provided that" not in ru and "Art." not in ru and "unverified" not in ru
    kk = " ".join(run(capsys, *AMNESTIED, "--lang", "kk").split())
    assert "Мына шартпен:" in kk and "1-бабының 1-тармағының 1) тармақшасы" in kk
    assert "Provided that" not in kk and "Art." not in kk


def test_an_amnesty_that_may_reach_the_act(capsys: pytest.CaptureFixture[str]) -> None:
    ru = " ".join(run(capsys, *MAY_REACH, "--lang", "ru").split())
    assert "Закон 329-VIII" in ru and "может распространяться на деяние" in ru
    assert "(дата вступления в силу не сверена)" in ru
    assert "Зависит от (не указано): условие амнистии" in ru


def test_the_imposable_range_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "check-sentence", *SENTENCING, "--sentence", "imprisonment 1 year", "--lang", "ru")
    # Art. 55(2) in 2015: at most two thirds of the maximum of seven years, 56 months.
    assert out.startswith("лишение свободы 1 год по CC2014 174(1)")
    assert "лишение свободы: не более 2/3 максимума, 56 месяцев, при условии: смягчающее обстоятельство при " \
           "отсутствии отягчающих" in out
    assert "(CC2014 55(2) (не сверено))" in out


def test_the_administrative_arrest(capsys: pytest.CaptureFixture[str]) -> None:
    ru = run(capsys, "show", "AOC2014 73-3(1)", "--on", "2021-01-01", "--lang", "ru")
    assert "  - административный арест 15 суток (физическое лицо)" in ru.splitlines()
    kk = run(capsys, "show", "AOC2014 73-3(1)", "--on", "2021-01-01", "--lang", "kk")
    assert "  - әкімшілік қамаққа алу 15 тәулік (жеке тұлға)" in kk.splitlines()
    en = run(capsys, "show", "AOC2014 73-3(1)", "--on", "2021-01-01")
    assert "  - administrative arrest 15 days (natural person)" in en.splitlines()  # AOC 2014 Art. 50
    check = run(capsys, "check-sentence", "--act-date", "2021-03-15", "--conduct", "slander", "--channel",
                "telecom_network", "--decided-on", "2021-12-01", "--sentence", "arrest 20 days", "--lang", "ru")
    assert check.startswith("административный арест 20 суток по AOC2014 73-3(2)")


def test_a_criminal_arrest_stays_arrest(capsys: pytest.CaptureFixture[str]) -> None:
    ru = run(capsys, "show", "CC2014 378(1)", "--on", "2021-01-01", "--lang", "ru")
    assert any(line.startswith("  - арест до 20 суток") for line in ru.splitlines()) and "административный" not in ru
    kk = run(capsys, "show", "CC2014 378(1)", "--on", "2021-01-01", "--lang", "kk")
    assert any(line.startswith("  - қамаққа алу 20 тәулікке дейін") for line in kk.splitlines())
    assert "әкімшілік қамаққа" not in kk


def test_compare_names_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    kk = run(capsys, "compare", "CC2014 174(1)", "2015-01-01", "2016-06-01", "--lang", "kk")
    assert "  мәтін (алынған сөздер [-...-], қосылғандар {+...+}):" in kk.splitlines()
    ru = run(capsys, "compare", "CC2014 174(1)", "2015-01-01", "2016-06-01", "--lang", "ru")
    assert "  текст (" in ru and "text (" not in ru
    en = run(capsys, "compare", "CC2014 174(1)", "2015-01-01", "2016-06-01")
    assert "  text (words removed [-...-], added {+...+}):" in en.splitlines()


@pytest.mark.parametrize("argv", [AMNESTIED, MAY_REACH, ("assess", *SENTENCING)], ids=["amnestied", "may", "range"])
def test_json_does_not_change_with_the_language(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    english = run(capsys, *argv, "--json")
    assert run(capsys, *argv, "--json", "--lang", "ru") == english == run(capsys, *argv, "--json", "--lang", "kk")
    data = json.loads(english)
    if argv is AMNESTIED:  # the stored notes are the English text
        assert any(note.startswith("Amnestied under Law 329-VIII") and "Provided that:" in note
                   for note in data["notes"])


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("CC 2014 Art. 68(4)", "ru", "ч. 4 ст. 68 УК 2014 года"),
    ("CC 2014 Art. 68(4)", "kk", "2014 жылғы ҚК 68-бабының 4-бөлігі"),
    ("AOC Art. 810(2)(1)", "ru", "п. 1) ч. 2 ст. 810 КоАП"),
    ("Law 329-VIII Art. 1(1)(2), 1(3)", "ru", "подп. 2) п. 1 ст. 1, п. 3 ст. 1 Закона 329-VIII"),
    ("Law 329-VIII Art. 1(1)(2), 1(3)", "kk", "329-VIII Заңның 1-бабының 1-тармағының 2) тармақшасы, "
                                              "1-бабының 3-тармағы"),
    ("CC2014 130(2) (version from 2015-01-01, Law 226-V)", "ru", "CC2014 130(2) (редакция с 01.01.2015, Закон 226-V)"),
    ("CC2014 55(2) (unverified)", "en", "CC2014 55(2) (unverified)"),
])
def test_citations(text: str, lang: str, expected: str) -> None:
    assert terms.citation(text, lang) == expected


def test_a_citation_keeps_its_english_value() -> None:
    import pickle

    cite = terms.Cite("Art. 3(6)", law=True)
    assert cite == "Art. 3(6)" and i18n.render(cite, "ru") == "п. 6 ст. 3"
    assert i18n.render(i18n.Message("excluded ({article})", article=cite), "en") == "excluded (Art. 3(6))"
    copy = pickle.loads(pickle.dumps(cite))
    assert copy == cite and copy.law and i18n.render(copy, "kk") == "3-бабының 6-тармағы"


def test_the_timeline_api_checks_and_uses_the_language() -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    client = TestClient(web_app.create_app(), raise_server_exceptions=False)
    r = client.get("/api/timeline", params={"ref": "CC2014 130(2)", "lang": "de"})
    assert r.status_code == 400 and "'lang' is 'de'" in r.json()["error"]
    plain = client.get("/api/timeline", params={"ref": "CC2014 130(2)"}).json()
    assert all("title" not in period for period in plain)
    ru = client.get("/api/timeline", params={"ref": "CC2014 130(2)", "lang": "ru"}).json()
    assert ru[0]["title"] == "Клевета" and ru[-1]["ref"] == "AOC2014 73-3(2)"
    assert [{k: v for k, v in p.items() if k != "title"} for p in ru] == plain
    kk = client.get("/api/timeline", params={"ref": "CC2014 130(2)", "lang": "kk"}).json()
    assert kk[0]["title"] == "Жала жабу"


def test_the_page_in_russian_and_kazakh() -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    import html

    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    client = TestClient(web_app.create_app(), raise_server_exceptions=False)
    slander_2021 = {"act_date": "2021-03-15", "conduct": "slander", "channel": "telecom_network",
                    "decided_on": "2021-12-01"}
    assert "административный арест" in html.unescape(client.get("/", params={**slander_2021, "lang": "ru"}).text)
    assert "әкімшілік қамаққа алу" in html.unescape(client.get("/", params={**slander_2021, "lang": "kk"}).text)
    amnestied = {"act_date": "2025-10-15", "conduct": "insult", "channel": "telecom_network",
                 "decided_on": "2026-09-01", "lang": "ru"}
    page = html.unescape(client.get("/", params=amnestied).text)
    assert "При условии, что:" in page and "Provided that" not in page and "(unverified)" not in page
    form = html.unescape(client.get("/", params={"lang": "kk"}).text)
    assert "ұлттық" in form and "ауыр зардаптар" in form and "grave consequences" not in form


def test_the_check_words_the_administrative_arrest_in_its_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    # AOC 2014 Art. 73-3(2): «штраф ... либо административный арест на срок двадцать суток»; a
    # sentence of a kind the sanction lacks is answered with the kinds it has, in the Code's words.
    check = run(capsys, "check-sentence", "--act-date", "2021-03-15", "--conduct", "slander", "--channel",
                "telecom_network", "--allegation", "none", "--decided-on", "2021-04-01", "--sentence",
                "imprisonment 1 year", "--lang", "ru")
    assert "она предусматривает: штраф, административный арест." in check
    kk = run(capsys, "check-sentence", "--act-date", "2021-03-15", "--conduct", "slander", "--channel",
             "telecom_network", "--allegation", "none", "--decided-on", "2021-04-01", "--sentence",
             "imprisonment 1 year", "--lang", "kk")
    assert "әкімшілік қамаққа алу" in kk.split("\n", 1)[1]


def test_an_aoc_sanction_named_in_a_note_is_an_administrative_arrest(capsys: pytest.CaptureFixture[str]) -> None:
    # AOC 2014 Art. 73-3(3): «административный арест на срок до двадцати пяти суток» (natural persons).
    from kzspeechlaw.cli.commands import main

    assert main(["assess", "--act-date", "2021-03-01", "--conduct", "slander", "--channel", "mass_media",
                 "--decided-on", "2021-04-01", "--lang", "ru"]) == 0
    notes = " ".join(capsys.readouterr().out.split("Примечания:")[1].split())
    assert "административный арест 25 суток" in notes
    assert notes.count("арест 25 суток") == notes.count("административный арест 25 суток")


def test_laws_of_one_earliest_day_are_spoken_of_in_the_plural(capsys: pytest.CaptureFixture[str]) -> None:
    """Laws 72-VIII and 73-VIII share their earliest in-force day (15.06.2024): the note names
    them both, «Законы ... вступили», not «Закон ... вступил»."""
    argv = ("assess", "--act-date", "2024-06-15", "--conduct", "bullying_of_minor", "--channel", "telecom_network",
            "--decided-on", "2024-07-20")
    ru = " ".join(run(capsys, *argv, "--lang", "ru").split())
    assert "Если бы Законы 72-VIII, 73-VIII вступили в силу после деяния (дата их вступления в силу" in ru
    assert "Закон 72-VIII, 73-VIII" not in ru
    en = " ".join(run(capsys, *argv).split())
    assert "Had Laws 72-VIII, 73-VIII taken effect after the act (their in-force date" in en
