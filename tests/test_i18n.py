"""The library in Russian and Kazakh: the catalogues, the choice of language, the command line's text.

The expected words are the codes' own: the kinds of punishment of CC 2014 Art. 40 in its Russian
text («штраф», «исправительные работы», «ограничение свободы», «лишение свободы») and its Kazakh text
(«айыппұл», «түзеу жұмыстары», «бас бостандығын шектеу», «бас бостандығынан айыру»; CC 2014, Kazakh
text of 10.01.2018 № 132-VI), and the Russian «Клевета» / Kazakh «Жала жабу» of Art. 130's title.
"""

from __future__ import annotations

import gettext
import json
import pickle
from pathlib import Path

import pytest

from kzspeechlaw import i18n, terms
from kzspeechlaw.cli import main
from kzspeechlaw.errors import InvalidIncident, UnknownLanguage, message
from kzspeechlaw.law.model import Penalty

LOCALE = Path(i18n.__file__).parent / "locale"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


SLANDER_2019 = ("--act-date", "2019-03-15", "--conduct", "slander", "--channel", "telecom_network",
                "--decided-on", "2019-12-01")


# --- the catalogues --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_each_mo_is_the_compilation_of_its_po(lang: str) -> None:
    """The committed .mo files are what gettext reads: they must hold exactly what the .po says
    (run ``pybabel compile -d kzspeechlaw/locale -D kzspeechlaw`` after editing a .po)."""
    pofile = pytest.importorskip("babel.messages.pofile")
    folder = LOCALE / lang / "LC_MESSAGES"
    with open(folder / "kzspeechlaw.po", "rb") as handle:
        catalogue = pofile.read_po(handle)
    expected = {(f"{m.context}\x04{m.id}" if m.context else m.id): m.string
                for m in catalogue if m.id and m.string and not m.fuzzy}
    with open(folder / "kzspeechlaw.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    found = {k: v for k, v in compiled._catalog.items() if k}  # type: ignore[attr-defined]
    assert found == expected


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    pofile = pytest.importorskip("babel.messages.pofile")
    import string

    with open(LOCALE / lang / "LC_MESSAGES" / "kzspeechlaw.po", "rb") as handle:
        catalogue = pofile.read_po(handle)
    with open(LOCALE / "kzspeechlaw.pot", "rb") as handle:
        template_ids = {(m.context, m.id) for m in pofile.read_po(handle) if m.id}
    for m in catalogue:
        if not m.id:
            continue
        assert m.string, f"{lang}: no translation of {m.id!r}"
        assert (m.context, m.id) in template_ids, f"{lang}: {m.id!r} is no longer in the code"
        names = {f for _, f, _, _ in string.Formatter().parse(m.id) if f}
        assert {f for _, f, _, _ in string.Formatter().parse(m.string) if f} == names, m.id


def test_sanction_kinds_are_the_codes_terms() -> None:
    codes = {
        "fine": ("штраф", "айыппұл"),
        "correctional_work": ("исправительные работы", "түзеу жұмыстары"),
        "community_service": ("общественные работы", "қоғамдық жұмыстар"),  # Art. 43(1)
        "arrest": ("арест", "қамаққа алу"),
        "restriction_of_freedom": ("ограничение свободы", "бас бостандығын шектеу"),
        "imprisonment": ("лишение свободы", "бас бостандығынан айыру"),
    }
    for code, (ru, kk) in codes.items():
        assert terms.word("penalty", code, "ru") == ru
        assert terms.word("penalty", code, "kk") == kk
        assert i18n.term(Penalty(code), "kk") == kk


# --- choosing the language -----------------------------------------------------------------------


@pytest.mark.parametrize(("given", "env", "expected"), [
    ("kk", {"KZSPEECHLAW_LANG": "ru", "LANG": "en_US.UTF-8"}, "kk"),
    (None, {"KZSPEECHLAW_LANG": "ru", "LANG": "kk_KZ.UTF-8"}, "ru"),
    (None, {"LANG": "kk_KZ.UTF-8"}, "kk"),
    (None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "kk_KZ.UTF-8"}, "ru"),
    (None, {"LANGUAGE": "kk:ru", "LC_ALL": "ru_RU.UTF-8"}, "kk"),
    (None, {"KZSPEECHLAW_LANG": "de", "LC_ALL": "de_DE.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
    (None, {"LANG": "C"}, "en"),
    (None, {}, "en"),
])
def test_argument_then_variable_then_locale_then_english(given: str | None, env: dict[str, str],
                                                         expected: str) -> None:
    assert i18n.choose(given, env) == expected


def test_an_unknown_language_is_a_law_error_naming_it() -> None:
    with pytest.raises(UnknownLanguage, match="'de'"):
        i18n.choose("de")
    with pytest.raises(UnknownLanguage), i18n.use("fr"):
        pass


def test_the_language_is_set_for_a_block_only() -> None:
    assert i18n.current() == "en"
    with i18n.use("kk"):
        assert i18n.gettext("Notes:") == "Ескертпелер:"
        with i18n.use("ru"):
            assert i18n.gettext("Notes:") == "Примечания:"
        assert i18n.current() == "kk"
    assert i18n.current() == "en" and i18n.gettext("Notes:") == "Notes:"


def test_a_message_is_its_english_text_and_travels_whole() -> None:
    m = i18n.Message("{kind} up to {maximum}", kind=Penalty.ARREST, maximum="30 days")
    assert m == "arrest up to 30 days" and json.dumps(m) == '"arrest up to 30 days"'
    again = pickle.loads(pickle.dumps(m))
    assert again == m and i18n.render(again, "ru") == "арест до 30 days"


# --- the command line ----------------------------------------------------------------------------


def test_show_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01", "--lang", "ru")
    assert code == 0
    assert out.startswith("CC2014 130(2)  Клевета\n")
    # CC 2014 Art. 130(2) as of 2019: fine up to 2 000 MCI, correctional work up to 2 000 MCI,
    # restriction of freedom or imprisonment up to two years; the MCI of 2019 is 2 525 tenge.
    assert "  - штраф до 2 000 МРП  [до 5 050 000 тенге]" in out
    assert "  - исправительные работы до 2 000 МРП" in out
    assert "  - ограничение свободы до 2 лет" in out and "  - лишение свободы до 2 лет" in out
    assert "категория: преступление небольшой тяжести" in out
    assert "санкции (альтернативные), МРП на 01.01.2019 = 2 525 тенге:" in out
    ours = out.split("\nпримечания (на английском, как в данных):")[0]  # the data's notes stay English
    assert "fine" not in ours and "correctional" not in ours and "sanctions" not in ours


def test_show_in_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01", "--lang", "kk")
    assert code == 0
    assert out.startswith("CC2014 130(2)  Жала жабу\n")
    assert "  - айыппұл 2 000 АЕК-ке дейін  [5 050 000 теңгеге дейін]" in out
    assert "  - түзеу жұмыстары 2 000 АЕК-ке дейін" in out
    assert "  - бас бостандығын шектеу 2 жылға дейін" in out and "  - бас бостандығынан айыру 2 жылға дейін" in out
    assert "санаты: онша ауыр емес қылмыс" in out
    ours = out.split("\nескертпелер (деректердегідей, ағылшын тілінде):")[0]
    assert "fine" not in ours and "sanctions" not in ours


def test_the_environment_chooses_when_no_argument_does(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZSPEECHLAW_LANG", "kk")
    _, out, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01")
    assert "айыппұл 2 000 АЕК-ке дейін" in out
    _, out, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01", "--lang", "en")
    assert "fine up to 2 000 MCI" in out and "айыппұл" not in out


def test_assess_in_russian_and_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", *SLANDER_2019, "--lang", "ru")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Деяние от 15.03.2019 (клевета;") and lines[0].endswith("решение на 01.12.2019")
    assert "Итог: ОТВЕТСТВЕННОСТЬ НАСТУПАЕТ" in lines
    assert "Применимая норма: CC2014 130(2) Клевета" in out
    assert "Категория: преступление небольшой тяжести" in lines
    # the general part's floor of six months (CC 2014 Arts. 44(1), 46(3)) under the two-year maximum
    assert "  - ограничение свободы от 6 месяцев до 2 лет" in lines
    assert "  - лишение свободы от 6 месяцев до 2 лет" in lines
    assert "Давность: 2 года, истекает 15.03.2021 (течёт)" in lines  # CC 2014 Art. 71(1)(2)
    assert "Ход рассуждения:" in lines and "Trace:" not in out and "Outcome" not in out

    code, out, _ = run(capsys, "assess", *SLANDER_2019, "--lang", "kk")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("15.03.2019 күнгі әрекет (жала жабу;")
    assert "Қорытынды: ЖАУАПТЫЛЫҚ ТУЫНДАЙДЫ" in lines
    assert "  - бас бостандығын шектеу 6 айдан 2 жылға дейін" in lines
    assert "Ескіру мерзімі: 2 жыл, 15.03.2021 өтеді (өтуде)" in lines
    assert "Пайымдау барысы:" in lines


def test_json_stays_english_whatever_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, english, _ = run(capsys, "assess", *SLANDER_2019, "--json")
    _, russian, _ = run(capsys, "assess", *SLANDER_2019, "--json", "--lang", "ru")
    _, kazakh, _ = run(capsys, "assess", *SLANDER_2019, "--json", "--lang", "kk")
    assert english == russian == kazakh
    data = json.loads(english)
    assert data["outcome"] == "liable" and data["sanctions"][0]["kind"] == "fine"
    _, shown, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01", "--json", "--lang", "kk")
    assert json.loads(shown)["sanctions"][0]["text"] == "fine up to 2 000 MCI"


def test_errors_in_russian_and_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "CC2014 130(1)", "--on", "2021-01-01", "--lang", "ru")
    # CC 2014 Art. 130 was repealed by Law 349-VI of 07.07.2020 (in force 10.07.2020): AOC Art. 73-3.
    assert code == 2
    assert err == ("kzspeechlaw: ошибка: CC2014 130(1) не действует на 01.01.2021: последний день действия — "
                   "09.07.2020 (утратила силу по Закону 349-VI); деяние перенесено в AOC2014 73-3(1) (эта дата "
                   "выведена, а не прочитана)\n")
    code, _, err = run(capsys, "show", "CC2014 130(1)", "--on", "2021-01-01", "--lang", "kk")
    assert code == 2
    assert err.startswith("kzspeechlaw: қате: CC2014 130(1) 01.01.2021 күні күшінде емес:")
    assert "349-VI Заңмен күші жойылды" in err
    code, _, err = run(capsys, "assess", "--act-date", "2019-03-15", "--conduct", "slander", "--lang", "ru")
    assert code == 2
    assert err == ("kzspeechlaw: ошибка: недопустимое поле инцидента 'decided_on': None; ожидается дата "
                   "решения (--decided-on ГГГГ-ММ-ДД)\n")
    code, _, err = run(capsys, "show", "CC2014 130(2)", "--on", "31.02.2019", "--lang", "kk")
    assert code == 2 and "күн болуы тиіс" in err


def test_the_message_of_an_error_in_a_language() -> None:
    error = InvalidIncident("act_date", "tomorrow", "a date (YYYY-MM-DD)")
    assert str(error) == "invalid incident field 'act_date': 'tomorrow'; expected a date (YYYY-MM-DD)"
    assert message(error, "kk") == "инциденттің жарамсыз өрісі 'act_date': 'tomorrow'; күтілетіні күн (ЖЖЖЖ-АА-КК)"


def test_help_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "--help", "--lang", "ru")
    assert code == 0 and "язык текстового вывода" in out and "дата, ГГГГ-ММ-ДД" in out


# --- the web page --------------------------------------------------------------------------------


def test_the_page_speaks_the_language_asked() -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    client = TestClient(web_app.create_app(), raise_server_exceptions=False)
    facts = {"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}
    r = client.get("/", params={**facts, "conduct": "gossip", "decided_on": "2019-09-23", "lang": "ru"})
    assert r.status_code == 400 and "недопустимое поле инцидента &#x27;conduct&#x27;" in r.text
    r = client.get("/", params={**facts, "lang": "kk"})
    assert r.status_code == 400 and "шешім күні (ЖЖЖЖ-АА-КК)" in r.text
    r = client.get("/", params={**facts, "decided_on": "2019-09-23", "lang": "kk"})
    assert "айыппұл" in r.text and "бас бостандығын шектеу" in r.text


def test_the_reasoning_in_russian_and_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    """The notes and trace of a post of March 2019 decided in June 2021: CC 2014 Art. 130 was
    repealed by Law 349-VI from 10.07.2020 and the conduct moved to AOC Art. 73-3, which does not
    reach earlier acts (CC 2014 Art. 6(1); AOC 2014 Arts. 4, 5(2))."""
    code, out, _ = run(capsys, "assess", *SLANDER_2019[:-1], "2021-06-01", "--lang", "ru")
    assert code == 0
    text = " ".join(out.split())
    assert "Итог: ДЕЯНИЕ ДЕКРИМИНАЛИЗИРОВАНО" in text
    assert "CC2014 130(2) утратила силу с 10.07.2020 (Закон 349-VI); ответственность устранена с обратной силой" in text
    assert "Деяние теперь предусмотрено AOC2014 73-3(2), которая не распространяется на деяния, совершённые до " \
           "10.07.2020" in text
    assert "CC2014 130(1) отклонена: поглощается квалифицированной частью CC2014 130(2)" in text
    assert "ceased to apply" not in text and "set aside" not in text
    code, out, _ = run(capsys, "assess", *SLANDER_2019, "--lang", "kk")
    text = " ".join(out.split())
    assert "Ескіру мерзімі әрекет жасалған күннен бастап 2 жыл" in text  # CC 2014 Art. 71(1)(2)
    assert "Мерзім 15.03.2021 өтеді" in text
    assert "the general part sets the floor" not in text


def test_check_sentence_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    # CC 2014 Art. 130(2) in 2019: restriction of freedom up to two years.
    code, out, _ = run(capsys, "check-sentence", *SLANDER_2019, "--sentence", "restriction_of_freedom 3 years",
                       "--lang", "ru")
    assert code == 0
    assert ": ВЫШЕ МАКСИМУМА" in out.splitlines()[0]
    assert "3 года — выше максимума (2 года)" in out


def test_describe_of_an_assessed_sanction() -> None:
    import kzspeechlaw as kz

    a = kz.assess(kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network"), "2019-09-23")
    # CC 2014 Art. 130(2) with the floors of Arts. 41(2) and 44(1); the MCI of 2019 is 2 525 tenge.
    assert a.sanctions[0].describe() == "fine 200 MCI to 2 000 MCI (505 000 KZT to 5 050 000 KZT)"
    assert a.sanctions[0].describe("ru") == "штраф от 200 МРП до 2 000 МРП (от 505 000 тенге до 5 050 000 тенге)"
    assert a.sanctions[2].describe("kk") == "бас бостандығын шектеу 6 айдан 2 жылға дейін"
    assert a.to_dict()["sanctions"][0]["text"] == "fine 200 MCI to 2 000 MCI (505 000 KZT to 5 050 000 KZT)"


def test_tally_report_in_russian_and_kazakh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "r.jsonl"
    register.write_text('{"id": 1, "act_date": "2019-03-15", "conduct": "slander", "channel": "mass_media", '
                        '"decided_on": "2019-09-23"}\n', encoding="utf-8")
    assert main(["tally", str(register), "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "строк: 1 (оценено: 1, с ошибкой: 0)" in out and "месяц" in out and "уголовная" in out
    assert main(["tally", str(register), "--lang", "kk"]) == 0
    assert "жолдар: 1" in capsys.readouterr().out


def test_every_fact_an_answer_may_depend_on_has_words() -> None:
    """Each name ``depends_on`` may give (the open facts, the open elements) has its words in the
    table of facts, so the memo's «Зависит от» line shows no English code name in Russian or Kazakh."""
    from kzspeechlaw.law.facts import OPEN_ELEMENTS
    from kzspeechlaw.reasoning.explanation import OPEN_FACTS
    from kzspeechlaw.terms import TABLES

    assert sorted((set(OPEN_FACTS) | set(OPEN_ELEMENTS)) - set(TABLES["fact"])) == []
