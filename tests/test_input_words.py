"""What a user types back is read where the library printed it, and nothing ambiguous is: a
sentence's kind in the words the answers write it ("administrative arrest", "restriction of
freedom"), a register's repeated ids, the page's and the API's parameter names in another case."""

from __future__ import annotations

from typing import Any

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli.commands import main
from kzspeechlaw.units import amount

# --- 1. a sentence's kind in the answers' words -----------------------------------------------------

SLANDER_2021 = ["--act-date", "2021-03-01", "--conduct", "slander", "--channel", "telecom_network",
                "--allegation", "none", "--decided-on", "2021-04-01"]
"""AOC 2014 Art. 73-3(2) (Law 349-VI text): «влечет штраф на физическое лицо в размере ста восьмидесяти
месячных расчетных показателей или административный арест на срок двадцать суток»."""

JOURNALIST_2021 = ["--act-date", "2021-03-01", "--conduct", "obstructing_journalist", "--decided-on", "2021-06-01"]
"""CC 2014 Art. 158(1): «... либо привлечением к общественным работам на срок до ста двадцати часов,
либо арестом на срок до сорока пяти суток»: the Criminal Code's «арест» (Art. 40(1)(4)), not the
AOC's «Административный арест» (AOC 2014 Art. 50)."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_the_printed_words_of_an_administrative_arrest_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    """The answer names AOC 73-3(2)'s arrest «административный арест на срок двадцать суток»
    "administrative arrest 20 days": typed back, it is the arrest of twenty days, checked as
    ``arrest`` is."""
    status, shown, _ = run(capsys, "show", "AOC2014 73-3(2)", "--on", "2021-03-01")
    assert status == 0 and "administrative arrest 20 days" in shown
    status, typed, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative arrest 20 days")
    assert status == 0 and err == ""
    assert typed.startswith("administrative arrest 20 days under AOC2014 73-3(2), decided 2021-04-01: WITHIN")
    status, plain, _ = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "arrest 20 days")
    assert typed.split(":", 1)[1] == plain.split(":", 1)[1]


@pytest.mark.parametrize("days", [15, 20, 21, 30])
def test_administrative_arrest_gives_the_verdict_of_arrest_under_the_aoc(days: int) -> None:
    """«административный арест на срок двадцать суток» (AOC 2014 Art. 73-3(2)): a fixed term, and
    the words of the answer give the same check as the code ``arrest``, any case and spacing."""
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network",
                              allegation="none"), decided_on="2021-04-01")
    expected = a.check("arrest", days * kz.ureg.day)
    for words in ("administrative arrest", "Administrative  Arrest", "administrative_arrest"):
        got = a.check(words, days * kz.ureg.day)
        assert (got.kind, got.verdict, got.certain, got.reasons, got.depends_on) == (
            expected.kind, expected.verdict, expected.certain, expected.reasons, expected.depends_on)
    assert a.check("administrative arrest", 21 * kz.ureg.day).verdict == "above_maximum"


def test_administrative_arrest_is_refused_under_a_criminal_article(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 158(1) «либо арестом на срок до сорока пяти суток» is the Criminal Code's
    «арест» (Art. 40(1)(4)); "administrative arrest" (AOC 2014 Art. 50) is not a punishment of that
    code, and no verdict is given for it: the message names the code's word."""
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="obstructing_journalist"), decided_on="2021-06-01")
    assert str(a.governing.ref) == "CC2014 158(1)"
    with pytest.raises(kz.AmountError, match=r"Criminal Code, whose arrest is written 'arrest'"):
        a.check("administrative arrest", 20 * kz.ureg.day)
    assert a.check("arrest", 20 * kz.ureg.day).verdict == "kind_not_available"  # suspended (CC 2014 Art. 467)
    status, out, err = run(capsys, "check-sentence", *JOURNALIST_2021, "--sentence", "administrative arrest 20 days")
    assert status == 2 and out == ""
    assert "CC2014 158(1) is an article of the Criminal Code, whose arrest is written 'arrest'" in err


@pytest.mark.parametrize("stated", [{}, {"circumstances": ["repeated"]},
                                    {"circumstances": ["repeated"], "knowing_and_dangerous": False}])
@pytest.mark.parametrize("days", [10, 11])
def test_administrative_arrest_with_a_criminal_alternative_is_never_more_certain(stated: dict[str, object],
                                                                                days: int) -> None:
    """AOC 2014 Art. 456-2(3) «влекут штраф на физических лиц – в размере двадцати», its part 4 (the
    same «совершенные повторно в течение года после наложения административного взыскания») «либо
    административный арест на срок до десяти суток», and CC 2014 Art. 274(2) where the knowing falsity
    and the danger are left open: "administrative arrest" cannot be weighed under the criminal
    alternative, and the check gives the verdict, certainty and open facts of ``arrest``."""
    a = kz.assess(kz.Incident(act_date="2024-03-01", conduct="false_information", channel="telecom_network",
                              **stated), decided_on="2024-06-01")
    plain, words = (a.check(kind, days * kz.ureg.day) for kind in ("arrest", "administrative arrest"))
    assert (words.verdict, words.certain, words.depends_on) == (plain.verdict, plain.certain, plain.depends_on)
    if "circumstances" in stated:  # part 4: «до десяти суток»
        assert words.verdict == ("within" if days == 10 else "above_maximum")


@pytest.mark.parametrize(("sentence", "kind", "amount"), [
    ("restriction of freedom 1 year", "restriction of freedom", "1 year"),
    ("correctional_work 200 MCI", "correctional_work", "200 MCI"),
    ("  community service   120 hours", "community service", "120 hours"),
    ("administrative arrest 20 days", "administrative arrest", "20 days"),
    ("fine 1 000 MCI", "fine", "1 000 MCI"),
    ("20 days", "", "20 days"),
    ("warning", "warning", ""),
    ("fine five MCI", "fine", "five MCI"),  # a kind, and an amount that does not read: the amount's error
    ("fine -5 MCI", "fine", "-5 MCI"),
    ("fine in wages or other income 2 months", "fine in wages or other income", "2 months"),
])
def test_a_sentence_is_split_at_its_amount(sentence: str, kind: str, amount: str) -> None:
    """The kind is the words before the amount's number, in any of the answers' spellings."""
    from kzspeechlaw.reasoning.sentencing import split_sentence

    assert split_sentence(sentence) == (kind, amount)


def test_the_answers_words_of_a_criminal_kind_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 130(2) (27.12.2019 text): «наказывается штрафом в размере до двух тысяч месячных
    расчетных показателей либо исправительными работами в том же размере, либо ограничением свободы на
    срок до двух лет, либо лишением свободы на тот же срок»: the answer writes "restriction of
    freedom up to 2 years", and "restriction of freedom 1 year" typed back is within it, as
    ``restriction_of_freedom 1 year`` is."""
    facts = ["--act-date", "2019-03-15", "--conduct", "slander", "--channel", "telecom_network",
             "--allegation", "none", "--decided-on", "2019-09-23"]
    _, shown, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-03-15")
    assert "restriction of freedom up to 2 years" in shown and "correctional work up to 2 000 MCI" in shown
    status, words, err = run(capsys, "check-sentence", *facts, "--sentence", "restriction of freedom 1 year")
    assert status == 0 and err == ""
    _, code, _ = run(capsys, "check-sentence", *facts, "--sentence", "restriction_of_freedom 1 year")
    assert words.split(":", 1)[1] == code.split(":", 1)[1] and ": WITHIN" in words.splitlines()[0]
    status, words, err = run(capsys, "check-sentence", *facts, "--sentence", "correctional work 2 001 MCI")
    assert status == 0 and ": ABOVE MAXIMUM" in words.splitlines()[0]


@pytest.mark.parametrize(("typed", "english"), [
    # CC 2014 Art. 130(2) (27.12.2019 text): «штрафом в размере до двух тысяч месячных расчетных
    # показателей ... либо ограничением свободы на срок до двух лет, либо лишением свободы на тот же срок»
    ("штраф 2000 МРП", "fine 2000 MCI"),
    ("Штраф 2 001 мрп", "fine 2001 MCI"),
    ("ограничение свободы 1 год", "restriction_of_freedom 1 year"),
    ("лишение свободы 2 года", "imprisonment 2 year"),
    ("лишение свободы 3 лет", "imprisonment 3 year"),
    ("исправительные работы 500 МРП", "correctional_work 500 MCI"),
    ("лишение свободы 6 месяцев", "imprisonment 6 month"),
    ("айыппұл 100 АЕК", "fine 100 MCI"),
    ("бас бостандығын шектеу 1 жыл", "restriction_of_freedom 1 year"),
    ("бас бостандығынан айыру 18 ай", "imprisonment 18 month"),
])
def test_a_sentence_in_russian_or_kazakh_is_read_as_in_english(capsys: pytest.CaptureFixture[str], typed: str,
                                                               english: str) -> None:
    """A lawyer writes the sentence as the judgment does: the kinds as the answers write them in
    Russian and Kazakh (CC 2014 Art. 40(1): «штраф», «исправительные работы», «привлечение к
    общественным работам», «арест»), the units as «МРП» (АЕК), «год»/«года»/«лет» (жыл), «месяцев»
    (ай), «суток» (тәулік): the verdict is the English sentence's."""
    facts = ["--act-date", "2019-03-15", "--conduct", "slander", "--channel", "telecom_network",
             "--allegation", "none", "--decided-on", "2019-09-23"]
    status, said, err = run(capsys, "check-sentence", *facts, "--sentence", typed)
    assert status == 0 and err == ""
    _, expected, _ = run(capsys, "check-sentence", *facts, "--sentence", english)
    assert said.split(":", 1)[1] == expected.split(":", 1)[1]


@pytest.mark.parametrize(("typed", "kind"), [
    ("привлечение к общественным работам", "community_service"),  # CC 2014 Art. 40(1)(3)
    ("общественные работы", "community_service"),
    ("қамаққа алу", "arrest"),
    ("штраф в размере заработной платы или иного дохода", "income_fine"),  # not «штраф»: the whole words
    ("лишение права занимать определенную должность или заниматься определенной деятельностью",
     "deprivation_of_right"),  # «ё» typed as «е»
    ("белгілі бір лауазымды атқару немесе белгілі бір қызметпен айналысу құқығынан айыру",
     "deprivation_of_right"),  # the Kazakh «і», where the catalogue has a Latin «i»
])
def test_a_kind_s_russian_or_kazakh_words_name_that_kind(typed: str, kind: str) -> None:
    from kzspeechlaw.reasoning.sentencing import as_penalty

    assert as_penalty(typed).value == kind
    assert as_penalty(typed.upper()).value == kind


def test_an_arrest_in_russian_is_the_criminal_code_s_and_an_administrative_one_the_aoc_s(
        capsys: pytest.CaptureFixture[str]) -> None:
    """«арест» is the Criminal Code's (CC 2014 Art. 40(1)(4)), «административный арест на срок двадцать
    суток» the AOC's (AOC 2014 Art. 73-3(2), Law 349-VI text; Art. 50): typed in Russian, each is read
    as its English words are, and the AOC's is refused under a criminal article."""
    status, said, _ = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "административный арест 20 суток")
    _, expected, _ = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative arrest 20 days")
    assert status == 0 and ": WITHIN" in said.splitlines()[0]
    assert said.split(":", 1)[1] == expected.split(":", 1)[1]  # the first line echoes the sentence as typed
    status, said, _ = run(capsys, "check-sentence", *JOURNALIST_2021, "--sentence", "арест 30 суток")
    _, expected, _ = run(capsys, "check-sentence", *JOURNALIST_2021, "--sentence", "arrest 30 days")
    assert status == 0 and said.split(":", 1)[1] == expected.split(":", 1)[1]
    status, _, err = run(capsys, "check-sentence", *JOURNALIST_2021, "--sentence", "административный арест 30 суток")
    _, _, english = run(capsys, "check-sentence", *JOURNALIST_2021, "--sentence", "administrative arrest 30 days")
    assert status == 2 and err.replace("административный арест", "administrative arrest").replace(
        "'арест'", "'arrest'") == english  # the Criminal Code's arrest named in the words typed


@pytest.mark.parametrize(("text", "magnitude", "unit"), [
    ("100 МРП", 100, "MCI"), ("100 АЕК", 100, "MCI"), ("50 000 тенге", 50000, "KZT"), ("50 000 теңге", 50000, "KZT"),
    ("1 год", 1, "year"), ("2 года", 2, "year"), ("5 лет", 5, "year"), ("1 жыл", 1, "year"),
    ("1 месяц", 1, "month"), ("3 месяца", 3, "month"), ("6 месяцев", 6, "month"), ("6 ай", 6, "month"),
    ("1 день", 1, "day"), ("3 дня", 3, "day"), ("20 суток", 20, "day"), ("20 тәулік", 20, "day"),
    ("180 часов", 180, "hour"), ("1 час", 1, "hour"), ("2 часа", 2, "hour"), ("120 сағат", 120, "hour"),
    ("1,5 года", 1.5, "year"), ("100 мрп", 100, "MCI"),
])
def test_an_amount_s_unit_in_russian_or_kazakh_is_read(text: str, magnitude: float, unit: str) -> None:
    from kzspeechlaw.units import parse_amount

    found = parse_amount(text)
    assert (found.magnitude, found.unit) == (magnitude, unit)


@pytest.mark.parametrize("text", ["2 Years", "100 mci", "5 kzt", "1 Год", "1 YEAR"])
def test_an_amount_s_unit_is_read_in_its_own_case(text: str) -> None:
    # the data files and the answers write the units so: a unit in another case is refused, as before
    from kzspeechlaw.units import parse_amount

    with pytest.raises(kz.AmountError):
        parse_amount(text)


def test_a_bad_amount_after_the_answers_words_is_named_as_the_amount(capsys: pytest.CaptureFixture[str]) -> None:
    """"administrative arrest twenty days": the kind is read, the amount is what does not read."""
    status, _, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative arrest twenty days")
    assert status == 2 and "cannot read amount 'twenty days'" in err


def test_an_unknown_kind_is_refused_naming_the_accepted_words(capsys: pytest.CaptureFixture[str]) -> None:
    """A kind the answers never write is refused, and the message lists the words read, the AOC's
    «административный арест» among them with its code."""
    status, out, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative detention 20 days")
    assert status == 2 and out == ""
    assert "unknown kind of punishment 'administrative detention'" in err
    assert "; arrest; 'administrative arrest' (AOC articles only); " in err and "'restriction of freedom'" in err
    with pytest.raises(kz.AmountError, match="'correctional work'"):
        kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network"),
                  decided_on="2021-04-01").check("flogging", 20 * kz.ureg.day)


def test_a_sentence_with_no_kind_before_its_amount_is_refused_saying_so(capsys: pytest.CaptureFixture[str]) -> None:
    """"20 days arrest" names the amount first: the error says that no kind comes before the amount,
    with the words accepted (in Russian, around the words «или», «только статьи КоАП»)."""
    status, out, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "20 days arrest")
    assert status == 2 and out == "" and "no kind of punishment before the amount" in err
    assert "'administrative arrest' (AOC articles only)" in err
    status, out, err = run(capsys, "check-sentence", *SLANDER_2021, "--lang", "ru", "--sentence", "20 days arrest")
    assert status == 2 and "перед размером не указан вид наказания" in err
    assert "'administrative arrest' (только статьи КоАП)" in err and "correctional_work или 'correctional work'" in err


def test_a_kind_run_into_its_amount_is_refused_asking_for_the_space(capsys: pytest.CaptureFixture[str]) -> None:
    """"fine2 MCI": the words of a kind with the amount run into them are refused, naming both parts,
    never read as a sentence (in Russian too)."""
    status, out, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "fine2 MCI")
    assert status == 2 and out == ""
    assert "expected a space between the kind 'fine' and the amount '2 MCI'" in err
    status, _, err = run(capsys, "check-sentence", *SLANDER_2021, "--lang", "ru", "--sentence",
                         "administrative arrest20 days")
    assert status == 2 and "ожидается пробел между видом 'administrative arrest' и размером '20 days'" in err
    status, _, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "fine in wages or other income5 MCI")
    assert status == 2 and "between the kind 'fine in wages or other income' and the amount '5 MCI'" in err
    status, _, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "flogging20 days")
    assert status == 2 and "unknown kind of punishment 'flogging20 days': expected one of fine;" in err
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network"),
                  decided_on="2021-04-01")
    with pytest.raises(kz.AmountError, match="unknown kind of punishment 'fine 500 MCI': expected one of fine;"):
        a.check("fine 500 MCI", 500 * kz.ureg.MCI)  # the space is there: the whole sentence is not a kind


def test_a_long_sentence_is_split_in_one_pass() -> None:
    """A kind and an amount are split where the first word that begins with a number is, found in
    one pass: a long run of spaces before a word that is not a number (a pattern that tried every
    split took 38 s on 40,000 spaces) is read at once, as the words it holds."""
    from kzspeechlaw.reasoning.sentencing import split_sentence

    gap = " " * 50_000
    assert split_sentence("x" + gap + "y") == ("x" + gap + "y", "")
    assert split_sentence("fine" + gap + "5 MCI" + gap) == ("fine", "5 MCI")  # a kind's words: as words
    assert split_sentence("flogging" + gap + "5 days") == ("flogging", "5 days")


@pytest.mark.parametrize(("sentence", "ru", "kk"), [
    ("fine 10.000 KZT", "не удалось прочитать размер '10.000 KZT': точку в 10.000 одни читают как десятичную",
     "'10.000 KZT' мөлшерін оқу мүмкін емес"),
    ("fine ten MCI", "не удалось прочитать размер 'ten MCI': ожидается '<число> <единица>'",
     "'ten MCI' мөлшерін оқу мүмкін емес: '<сан> <бірлік>' күтіледі"),
    ("fine 1,5,5 MCI", "не удалось прочитать размер '1,5,5 MCI': ожидается одна десятичная запятая",
     "'1,5,5 MCI' мөлшерін оқу мүмкін емес"),
])
def test_an_amount_that_does_not_read_is_refused_in_the_language_asked(
        capsys: pytest.CaptureFixture[str], sentence: str, ru: str, kk: str) -> None:
    """The amount's errors are written in the language asked, as the kind's are; the amount as typed."""
    for lang, said in (("ru", ru), ("kk", kk)):
        status, out, err = run(capsys, "check-sentence", *SLANDER_2021, "--lang", lang, "--sentence", sentence)
        assert status == 2 and out == "" and said in err, err
    status, _, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", sentence)
    assert status == 2 and f"cannot read amount '{sentence.split(' ', 1)[1]}'" in err


# --- 2. a register's repeated ids ---------------------------------------------------------------------

REPEATED = ("id,act_date,conduct,channel,decided_on\n"
            "A-1,2019-03-15,slander,telecom_network,2019-12-01\n"
            "A-2,2019-03-15,slander,telecom_network,2019-12-01\n"
            "A-1,2019-05-02,slander,mass_media,2019-12-01\n"
            ",2019-05-02,slander,mass_media,2019-12-01\n"
            "  ,2019-05-02,slander,mass_media,2019-12-01\n"
            "A-2,2019-05-02,gossip,,2019-12-01\n"
            "A-1,2019-05-02,slander,mass_media,2019-12-01\n")
"""Rows 1, 3 and 7 give the id A-1, rows 2 and 6 the id A-2; rows 4 and 5 none (blank, spaces)."""

NAMED = "'A-1' at rows 1, 3, 7; 'A-2' at rows 2, 6;"


def _run(text: str, **options: Any) -> tuple[list[str], list[str]]:
    """The records of a register run through the batch, and the register warnings it gave."""
    import io
    import warnings

    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers.reading import read_register

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunks = list(batch.run(read_register(io.BytesIO(text.encode())), **options))
    records = [r for c in chunks for r in c.records]
    return records, [str(w.message) for w in caught if issubclass(w.category, kz.RegisterWarning)]


@pytest.mark.parametrize("options", [{}, {"keyed": False}, {"chunk_size": 2}, {"chunk_size": 2, "keyed": False},
                                     {"workers": 2, "chunk_size": 3}, {"output": "none"}])
def test_rows_that_repeat_an_id_are_warned_of_and_keep_their_records(options: dict[str, Any]) -> None:
    """Each row keeps its record, in order (nothing dropped or merged), and one warning names the
    repeated ids with their rows, the same on the keyed and the reference path, in one chunk or
    across chunks, in one process or two; blank ids are no id."""
    import json

    records, said = _run(REPEATED, **options)
    if options.get("output") != "none":
        assert [json.loads(r)["id"] for r in records] == ["A-1", "A-2", "A-1", 4, 5, "A-2", "A-1"]
    assert len(said) == 1 and NAMED in said[0] and "more" not in said[0]


def test_a_register_of_distinct_ids_gives_no_warning() -> None:
    """Distinct ids, or none, are not warned of; nor is an id that only looks like another row's
    position (the records write the id ``"4"`` as a string, the position 4 as a number)."""
    text = REPEATED.replace("A-1,2019-05-02", "A-3,2019-05-02", 1).replace("A-2,2019-05-02", "4,2019-05-02")
    text = text.replace("A-1,2019-05-02,slander,mass_media,2019-12-01\n", "A-9,2019-05-02,slander,mass_media,"
                                                                           "2019-12-01\n")
    assert _run(text)[1] == []
    assert _run("act_date,conduct\n2019-03-15,slander\n2019-03-15,slander\n", decided_on="2019-12-01")[1] == []


def test_json_lines_ids_are_the_values_the_records_write() -> None:
    """``"7"``, ``7`` and ``7.0`` are three ids (the records write them apart); an id that is not the
    object's first member is read all the same; a line that is not JSON has none."""
    lines = ['{"id": "A-1", "act_date": "2019-03-15", "conduct": "slander"}',
             '{"act_date": "2019-03-15", "id": 7, "conduct": "slander"}',
             '{"id":"A-1","act_date": "2019-03-15", "conduct": "slander"}',
             '{"id": 7, "act_date": "2019-03-15", "conduct": "slander"}',
             '{"id": "7", "act_date": "2019-03-15", "conduct": "slander"}',
             '{"id": 7.0, "act_date": "2019-03-15", "conduct": "slander"}',
             '{"id": ["x"], "act_date": "2019-03-15", "conduct": "slander"}',
             '{"conduct": "slander", "id": ["x"], "act_date": "2019-03-15"}',
             'not json, "id": "A-1"']
    records, said = _run("\n".join(lines) + "\n", decided_on="2019-12-01")
    assert len(records) == 9
    assert len(said) == 1 and "'A-1' at rows 1, 3; 7 at rows 2, 4; ['x'] at rows 7, 8;" in said[0]


def test_a_workbook_s_repeated_ids_are_warned_of(tmp_path: Any) -> None:
    """A workbook's id cells keep their type: the number 7 twice is one id repeated, "7" another."""
    openpyxl = pytest.importorskip("openpyxl")
    import io
    import warnings

    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers.reading import read_register

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "act_date", "conduct", "decided_on"])
    for ident in (7, "7", 7, "B"):
        sheet.append([ident, "2019-03-15", "slander", "2019-12-01"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    with warnings.catch_warnings(record=True) as caught, open(path, "rb") as handle:
        warnings.simplefilter("always")
        records = [r for c in batch.run(read_register(io.BytesIO(handle.read()), "xlsx")) for r in c.records]
    said = [str(w.message) for w in caught if issubclass(w.category, kz.RegisterWarning)]
    assert len(records) == 4 and len(said) == 1 and "7 at rows 1, 3;" in said[0] and "'7'" not in said[0]


def test_the_warning_is_bounded() -> None:
    """Eight ids repeated: five named, each with at most five rows, the rest counted."""
    head = "id,act_date,conduct,decided_on\n"
    rows = [f"X{n % 8},2019-03-15,slander,2019-12-01\n" for n in range(8 * 7)]  # each id on seven rows
    _, said = _run(head + "".join(rows))
    assert len(said) == 1
    assert "'X0' at rows 1, 9, 17, 25, 33 and 2 more" in said[0] and "'X5'" not in said[0]
    assert "and 18 more rows with an earlier row's id" in said[0]  # 48 repeats: 5 * (4 shown + 2 more), 3 * 6


def test_the_ids_of_the_first_rows_are_compared_and_the_warning_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the first ten rows checked (chunks of eight: those beginning at rows 1 and 9, so sixteen
    rows): a repeat among them is found, one of a later row is not, and the warning says how far the
    ids were compared; the ids held stay those of the rows compared."""
    from kzspeechlaw.registers import ids
    from kzspeechlaw.registers.lines import TextLines

    monkeypatch.setattr(ids, "CHECKED", 10)
    head = "id,act_date,conduct,decided_on\n"
    rows = [f"R{n},2019-03-15,slander,2019-12-01\n" for n in range(1, 41)]
    rows[13] = rows[1]  # row 14 repeats row 2 (both compared)
    rows[34] = rows[14]  # row 35 repeats row 15 (a later chunk: not compared)
    _, said = _run(head + "".join(rows), chunk_size=8)
    assert len(said) == 1 and "'R2' at rows 2, 14" in said[0] and "R15'" not in said[0]
    assert "the ids of the first 16 rows were compared" in said[0]
    kept = ids.RepeatedIds("csv", ("id", "act_date", "conduct"), ",")
    for start in range(1, 1000, 100):
        kept.note(start, TextLines("".join(f"Q{n},2019-03-15,slander\n" for n in range(start, start + 100))))
    assert kept.warning() is None and len(kept.first) == 100


def _reference(ids_: list[Any]) -> tuple[int, dict[Any, list[int]]]:
    """The rows repeating an earlier row's id, counted, and each repeated id's rows, naively."""
    seen: dict[Any, list[int]] = {}
    for row, ident in enumerate(ids_, 1):
        if ident is not None:
            seen.setdefault(ident, []).append(row)
    return sum(len(r) - 1 for r in seen.values()), {k: r for k, r in seen.items() if len(r) > 1}


def test_repeats_are_those_a_naive_count_finds() -> None:
    """Registers of ids short and long (over 16 and over 64 bytes), Cyrillic, blank or spaces, the id
    first or third, lines ending in CRLF, chunks of lines held as text or of rows: the repeats found
    are those of a naive count."""
    import io
    import random

    from kzspeechlaw.registers import ids
    from kzspeechlaw.registers.lines import TextLines
    from kzspeechlaw.registers.reading import read_register

    rnd = random.Random(7)
    pool = ["a", "b", "A-1", "дело-1", "x" * 17, "y" * 70, "y" * 69 + "z", "z" * 16, "", "  ", " a", "a "]
    for case in range(60):
        at = rnd.choice([0, 2])
        end = rnd.choice(["\n", "\r\n"])
        n = rnd.randint(1, 60)
        cells = [rnd.choice(pool) for _ in range(n)]
        lines = []
        for cell in cells:
            row = ["2019-03-15", "slander", "mass_media"]
            row.insert(at, cell)
            lines.append(",".join(row) + end)
        header = ["act_date", "conduct", "channel"]
        header.insert(at, "id")
        expected = _reference([c if c.strip() else None for c in cells])
        found = ids.RepeatedIds("csv", header, ",")
        start = 1
        size = rnd.choice([1, 3, 7, 100])
        while start <= n:
            part = lines[start - 1:start - 1 + size]
            found.note(start, TextLines("".join(part)) if case % 2 else part)
            start += len(part)
        assert found.repeats == expected[0], (cells, at)
        for _value, rows, more in found.shown.values():
            assert any(r[:len(rows)] == rows and len(r) == len(rows) + more for r in expected[1].values())
        text = ",".join(header) + "\n" + "".join(lines)  # and through the reader
        register = read_register(io.StringIO(text))
        again = ids.RepeatedIds("csv", register.header, ",")
        again.note(1, list(register.rows))
        assert again.repeats == expected[0]


def test_the_ids_compared_are_those_the_records_write() -> None:
    """A row the reader refuses (a cut JSON line; a CSV line with more cells than the header: «5 cells
    for 4 columns») and a row without an id write their position as their record's id: a cut line
    that begins with another row's id repeats nothing, and a row without an id at position 2 repeats
    a row whose id is the number 2."""
    import json

    cut = '{"id": 1, "act_date": "2019-03-15", "conduct": "insult"}\n{"id": 1, "act_date": "2019-03-15",\n'
    records, said = _run(cut, decided_on="2019-12-01")
    assert [json.loads(r)["id"] for r in records] == [1, 2] and said == []
    extra = "id,act_date,conduct,channel\na,2019-03-15,insult,,extra\na,2019-03-15,insult,\n"
    records, said = _run(extra, decided_on="2019-12-01")
    assert [json.loads(r)["id"] for r in records] == [1, "a"] and said == []
    numbered = '{"id": 2, "act_date": "2019-03-15", "conduct": "insult"}\n{"act_date": "2019-03-15", "conduct": "insult"}\n'
    records, said = _run(numbered, decided_on="2019-12-01")
    assert [json.loads(r)["id"] for r in records] == [2, 2] and len(said) == 1 and "2 at rows 1, 2" in said[0]


def test_the_command_line_and_the_web_api_give_the_warning(tmp_path: Any,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """``batch`` and ``tally`` write the warning on stderr after the summary line; ``POST /api/batch``
    gives it in an ``X-Kzspeechlaw-Warning`` header before the records, with the columns left out,
    and not again in the server's log after them."""
    path = tmp_path / "register.csv"
    path.write_text(REPEATED)
    for command in ("batch", "tally"):
        status, _, err = run(capsys, command, str(path), "--workers", "1")
        assert status == 0
        lines = err.splitlines()
        assert lines[0].startswith("kzspeechlaw: 7 rows") and NAMED in lines[1] and "warning" in lines[1]
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    client = TestClient(web_app.create_app())
    noted = "".join(line.replace(",", ",note," if n == 0 else ",x,", 1) for n, line in
                    enumerate(REPEATED.splitlines(keepends=True)))  # a column after the id's, left out
    import warnings

    with warnings.catch_warnings(record=True) as logged:
        warnings.simplefilter("always")
        r = client.post("/api/batch", params={"format": "csv"}, content=noted.encode())
        assert r.status_code == 200 and len(r.text.splitlines()) == 7
    assert not [w for w in logged if issubclass(w.category, kz.RegisterWarning)]
    said = r.headers.get_list("x-kzspeechlaw-warning")
    assert len(said) == 2 and "'note'" in said[0] and NAMED in said[1]


# --- 3. the page's and the API's parameter names in another case --------------------------------------


@pytest.fixture
def client() -> Any:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    return TestClient(web_app.create_app(), raise_server_exceptions=False)


def test_no_two_names_of_a_route_differ_in_case_alone() -> None:
    """What makes a name in another case safe to read as the name: it can stand for one alone."""
    pytest.importorskip("starlette")
    from kzspeechlaw.web import app as web_app

    for path in ["/", *web_app.openapi_document()["paths"]]:
        names = web_app.known_names(path)
        assert len({n.lower() for n in names}) == len(names), path


def test_the_page_reads_lang_in_another_case(client: Any) -> None:
    """``Lang=ru`` gives the page in Russian, as ``lang=ru`` does (it was read as no language)."""
    assert '<html lang="ru">' in client.get("/", params={"Lang": "ru"}).text
    facts = {"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network", "decided_on": "2019-09-23"}
    plain = client.get("/", params={**facts, "lang": "ru"})
    cased = client.get("/", params={**{k.upper(): v for k, v in facts.items()}, "LANG": "ru"})
    assert plain.status_code == cased.status_code == 200 and '<html lang="ru">' in cased.text
    assert plain.text == cased.text  # the same facts assessed, the same permalinks


def test_the_page_refuses_a_look_alike_name_in_capitals(client: Any) -> None:
    """``CHАNNEL`` with a Cyrillic «А» is no case of ``channel``: the page refuses it as a field it
    resembles, as it does ``chаnnel``, rather than assess the slander with no channel (CC 2014
    Art. 130(1) where the channel states 130(2))."""
    facts = {"act_date": "2019-03-15", "conduct": "slander", "decided_on": "2019-09-23"}
    for name in ("CH\u0410NNEL", "ch\u0430nnel", "Ch\u0430nnel"):
        r = client.get("/", params={**facts, name: "mass_media"})
        assert r.status_code == 400 and "channel" in r.text and "130(1)" not in r.text, name


def test_the_api_reads_a_name_in_another_case_and_refuses_one_given_twice(client: Any) -> None:
    """The API reads ``Ref`` and ``ON`` as ``ref`` and ``on``; ``lang`` and ``Lang`` together are one
    parameter given twice; a name the route does not take is refused in any case, as written; a
    look-alike letter outside ASCII is not a case (KELVIN SIGN; a Cyrillic «о» in ``оn``)."""
    plain = client.get("/api/provision", params={"ref": "CC2014 130(2)", "on": "2019-03-15"})
    cased = client.get("/api/provision", params={"Ref": "CC2014 130(2)", "ON": "2019-03-15"})
    assert plain.status_code == cased.status_code == 200 and plain.json() == cased.json()
    r = client.get("/api/timeline", params=[("ref", "CC2014 130(2)"), ("lang", "ru"), ("Lang", "kk")])
    assert r.status_code == 400 and "'lang' is 'ru, kk'; expected one value" in r.json()["error"]
    r = client.get("/api/mci", params={"on": "2019-01-01", "Lang": "ru"})
    assert r.status_code == 400 and "'Lang' is 'ru'" in r.json()["error"]
    r = client.get("/api/provision", params={"ref": "CC2014 130(2)", "\u212a": "x", "оn": "2019-03-15"})
    assert r.status_code == 400


# --- 3. an amount's separators --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1.000 MCI", "10.000 KZT", "465.192 KZT", "2.500 year"])
def test_an_amount_a_dot_may_group_or_not_is_refused(text: str) -> None:
    """``10.000 KZT`` is ten tenge with a decimal point and ten thousand where a dot groups
    thousands, as some write a fine: a sentence check read one way would be a thousand times off.
    The number is refused, naming both ways to write it."""
    with pytest.raises(kz.AmountError, match="decimal point to some readers and a dot grouping thousands"):
        amount(text)


@pytest.mark.parametrize(("text", "expected"), [("0,500 year", 0.5), ("1,000.5 KZT", 1000.5), ("2000.004 MCI", 2000.004),
                                                ("1,5 year", 1.5), ("12.50 MCI", 12.5), ("1,000,000 KZT", 1000000)])
def test_an_amount_one_reading_fits_is_read_so(text: str, expected: float) -> None:
    """Commas group thousands where two groups follow, or a decimal point does; a single comma is not
    a group after a leading 0 (``0,500`` is half a year); a dot with more or fewer than three digits
    after it, or after a group of four digits, is a decimal point."""
    assert amount(text).magnitude == expected


@pytest.mark.parametrize(("text", "whole", "decimal"), [("1,500 year", "1500", "1,5"), ("1,000 KZT", "1000", "1,0"),
                                                        ("20,000 MCI", "20000", "20,0"), ("100,250 KZT", "100250",
                                                                                         "100,25"),
                                                        ("1,234 KZT", "1234", "1,2340")])
def test_one_comma_before_three_digits_is_refused(text: str, whole: str, decimal: str) -> None:
    """«1,500 года» is a year and a half to a reader of Russian or Kazakh, whose decimal separator is
    the comma, and fifteen hundred to a reader who groups thousands with it: a sentence check read one
    way would be a thousand times off, as with the dot. Refused, naming both ways to write it."""
    with pytest.raises(kz.AmountError, match="decimal comma to some readers and a comma grouping thousands") as caught:
        amount(text)
    assert f"expected {whole} or" in str(caught.value) and f"{decimal} for a decimal number" in str(caught.value)
