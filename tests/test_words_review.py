"""The words of the answers: each code's own term for a kind of punishment, English data in Russian
and Kazakh text said to be English, caveats that the text gives and the JSON must give too, and
sentences checked against the statute texts."""

from __future__ import annotations

import json
import re

import pytest

import kzspeechlaw as kz
from kzspeechlaw import export, terms
from kzspeechlaw.cli.commands import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


# --- 1. the kind of punishment in its code's words -----------------------------------------------


def test_an_administrative_arrest_is_described_in_its_code_s_words() -> None:
    """AOC 2014 Art. 50 (06.02.2023 text): «Статья 50. Административный арест. 1. Административный
    арест устанавливается на срок до тридцати суток»; AOC 2014 Art. 73-3(2): «штраф на физических лиц
    в размере ста восьмидесяти ... либо административный арест на срок двадцать суток». Kazakh: AOC
    2014 Art. 14(2) «әкімшілік қамаққа алу»."""
    arrest = [s for s in kz.provision("AOC2014 73-3(2)", on="2021-03-01").sanctions if s.kind is kz.Penalty.ARREST]
    assert [s.describe("ru") for s in arrest] == ["административный арест 20 суток (физическое лицо)",
                                                  "административный арест 25 суток (должностное лицо)"]
    assert [s.describe("kk") for s in arrest] == ["әкімшілік қамаққа алу 20 тәулік (жеке тұлға)",
                                                  "әкімшілік қамаққа алу 25 тәулік (лауазымды адам)"]
    assert [str(s.describe()) for s in arrest] == ["administrative arrest 20 days (natural person)",
                                                   "administrative arrest 25 days (official)"]


def test_a_criminal_arrest_stays_arrest_in_any_block() -> None:
    """CC 2014 Art. 45: «Статья 45. Арест»; Art. 378(1): «либо арестом на срок до двадцати суток».
    A criminal sanction keeps its code's word even where an administrative one is rendered."""
    arrest = [s for s in kz.provision("CC2014 378(1)", on="2021-01-01").sanctions if s.kind is kz.Penalty.ARREST]
    with terms.regime("administrative"):
        assert [s.describe("ru") for s in arrest] == ["арест до 20 суток"]
        assert [s.describe("kk") for s in arrest] == ["қамаққа алу 20 тәулікке дейін"]
    assert [str(s.describe()) for s in arrest] == ["arrest up to 20 days"]


def test_the_json_text_of_an_administrative_arrest() -> None:
    """The JSON's ``text`` of an AOC 2014 Art. 73-3(2) arrest («административный арест», Art. 50),
    in the provision's and the assessment's form alike."""
    p = kz.provision("AOC2014 73-3(2)", on="2021-03-01")
    texts = [export.sanction_dict(s)["text"] for s in p.sanctions]
    assert "administrative arrest 20 days (natural person)" in texts and "arrest 20 days (natural person)" not in texts
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network"),
                  decided_on="2021-04-20")
    shown = [s["text"] for s in json.loads(a.to_json())["sanctions"]]
    assert "administrative arrest 20 days (natural person)" in shown
    assert [s.describe("ru") for s in a.sanctions if s.kind is kz.Penalty.ARREST] == [
        "административный арест 20 суток (физическое лицо)"]


# --- 2. the budget law's article in Russian and Kazakh text ---------------------------------------

_LATIN_WORD = re.compile(r"\b(?![IVX]+\b)[A-Za-z]{2,}\b")
"""A word in Latin letters that is not a Roman numeral of a law's number (``77-VII``)."""


def _latin_words(text: str) -> list[str]:
    return _LATIN_WORD.findall(re.sub(r"https?://\S+", " ", text))


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize(("day", "purpose", "quoted"), [
    # Law 04.12.2019 No. 276-VI Art. 7: «Установить с 1 апреля 2020 года: ... 3) месячный расчетный
    # показатель для исчисления пособий и иных социальных выплат, а также применения штрафных санкций ...
    # – 2 778 тенге».
    ("2020-05-01", "fines", "«Установить с 1 апреля 2020 года:», подп. 3"),
    # Law 02.12.2021 No. 77-VII Art. 9 (12.05.2022 text): «Установить с 1 апреля 2022 года: ... 3)
    # месячный расчетный показатель для исчисления пособий и иных социальных выплат – 3 180 тенге»;
    # «Статья 9 с изменениями, внесенными Законом РК от 12.05.2022 № 121-VII».
    ("2022-06-01", "benefits", "с изменениями, внесенными Законом РК от 12.05.2022 № 121-VII"),
])
def test_the_mci_s_article_is_not_english_in_russian_or_kazakh(capsys: pytest.CaptureFixture[str], lang: str,
                                                               day: str, purpose: str, quoted: str) -> None:
    out = run(capsys, "mci", day, "--purpose", purpose, "--lang", lang)
    assert quoted in out
    assert _latin_words(out) == [], out


def test_every_mci_article_is_in_the_statute_s_words() -> None:
    """The ``article`` of every MCI record cites the budget law as its Russian text does («ст. 8», «ст. 10
    (в редакции Закона РК от 31.03.2014 № 182-V)»), so that no Russian or Kazakh answer shows it in
    English unmarked."""
    from kzspeechlaw.law.loader import law

    assert [(str(v.valid_from), v.article) for v in law().mci_series if _latin_words(v.article)] == []


# --- 3. the in-force caveat of classify in the JSON ------------------------------------------------

def _classify_json(capsys: pytest.CaptureFixture[str], act: str, *more: str) -> list[dict[str, object]]:
    out = json.loads(run(capsys, "classify", "--act-date", act, "--conduct", "slander", "--channel",
                         "telecom_network", "--json", *more))
    assert isinstance(out, list)
    return out


def test_classify_json_gives_the_in_force_caveat_near_law_349_vi(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 130, footnote: «Статья 130 исключена Законом РК от 26.06.2020 № 349-VI (вводится в
    действие по истечении десяти календарных дней после дня его первого официального опубликования)»: in
    force 10.07.2020 only from a publication of 29.06.2020 that no primary text gives; published on the
    day of its adoption, 07.07.2020. An act of 09.07.2020: CC 2014 Art. 130(2), or AOC 2014 Art. 73-3(2)."""
    before = _classify_json(capsys, "2020-07-09")
    assert [m["ref"] for m in before] == ["CC2014 130(2)"]
    notes = before[0]["in_force_notes"]
    assert isinstance(notes, list) and len(notes) == 1
    assert "349-VI" in notes[0] and "2020-07-10" in notes[0] and "2020-07-07" in notes[0]
    assert "AOC2014 73-3(2)" in notes[0]
    text = run(capsys, "classify", "--act-date", "2020-07-09", "--conduct", "slander", "--channel", "telecom_network")
    assert "AOC2014 73-3(2)" in text  # the text output gives the same caveat


def test_classify_json_has_no_caveat_far_from_it(capsys: pytest.CaptureFixture[str]) -> None:
    far = _classify_json(capsys, "2021-03-01")
    assert [(m["ref"], m["in_force_notes"]) for m in far] == [("AOC2014 73-3(2)", [])]
    earlier = _classify_json(capsys, "2019-03-15")
    assert [(m["ref"], m["in_force_notes"]) for m in earlier] == [("CC2014 130(2)", [])]


def test_classify_by_the_law_of_a_day_near_law_349_vi(capsys: pytest.CaptureFixture[str]) -> None:
    """The law of 08.07.2020 asked for an act of 01.06.2020 (``--on``): CC 2014 Art. 130(2), or AOC 2014
    Art. 73-3(2) had Law 349-VI taken effect on 07.07.2020 (its footnote above); in the JSON and the
    text alike, where the text gave no caveat for a day other than the act's."""
    near = _classify_json(capsys, "2020-06-01", "--on", "2020-07-08")
    assert [m["ref"] for m in near] == ["CC2014 130(2)"]
    notes = near[0]["in_force_notes"]
    assert isinstance(notes, list) and len(notes) == 1 and "AOC2014 73-3(2)" in notes[0] and "2020-07-08" in notes[0]
    text = run(capsys, "classify", "--act-date", "2020-06-01", "--on", "2020-07-08", "--conduct", "slander",
               "--channel", "telecom_network")
    assert "349-VI" in text and "AOC2014 73-3(2)" in text
    far = _classify_json(capsys, "2020-06-01", "--on", "2020-06-02")
    assert [(m["ref"], m["in_force_notes"]) for m in far] == [("CC2014 130(2)", [])]


def test_api_classify_gives_the_caveat() -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from kzspeechlaw.web import app as web_app

    client = TestClient(web_app.create_app(), raise_server_exceptions=False)
    document = {"act_date": "2020-07-09", "conduct": "slander", "channel": "telecom_network"}
    near = client.post("/api/classify", json=document).json()
    assert [m["ref"] for m in near] == ["CC2014 130(2)"] and "349-VI" in near[0]["in_force_notes"][0]
    later = client.post("/api/classify", params={"on": "2020-07-08"}, json={**document, "act_date": "2020-06-01"})
    assert "AOC2014 73-3(2)" in later.json()[0]["in_force_notes"][0]
    far = client.post("/api/classify", json={**document, "act_date": "2021-03-01"}).json()
    assert far[0]["in_force_notes"] == []


# --- 4. sentences checked against the statute ------------------------------------------------------

_DISCORD = dict(act_date="2021-03-15", conduct="incitement_of_discord", discord={"national"}, channel="telecom_network")


@pytest.mark.parametrize(("kind", "amount"), [("fine", 1999 * kz.ureg.MCI), ("imprisonment", 22 * kz.ureg.month),
                                              ("restriction_of_freedom", 22 * kz.ureg.month)])
def test_a_sentence_below_the_minimum_is_never_within(kind: str, amount: object) -> None:
    """CC 2014 Art. 174(1) (26.06.2020 text): «наказываются штрафом в размере от двух тысяч до семи тысяч
    месячных расчетных показателей либо ограничением свободы на срок от двух до семи лет, либо лишением
    свободы на тот же срок»; Art. 55(6): «При наличии обстоятельств, указанных в частях второй или третьей
    настоящей статьи, наказание может быть назначено ниже низшего предела». 1 999 MCI and 22 months are
    below the minimum: lawful only if the facts not stated bring Art. 55(2)-(3) (or the court found
    exceptional circumstances, Art. 55(4)), never "within" the range, though they lie above the lowest
    cap those facts could bring (1 750 MCI, 21 months)."""
    check = kz.assess(kz.Incident(**_DISCORD), "2021-09-01").check(kind, amount)
    assert (check.verdict, check.certain) == ("below_minimum_allowed", False)
    assert {"mitigating", "procedure", "stage"} <= set(check.depends_on)
    assert "CC2014 55(6)" in check.rules


def test_a_sentence_at_the_minimum_above_the_lowest_cap_stays_within() -> None:
    """CC 2014 Art. 174(1): «от двух тысяч до семи тысяч месячных расчетных показателей»: 2 000 MCI is
    within the range, and above a cap the facts not stated may bring (not certain)."""
    check = kz.assess(kz.Incident(**_DISCORD), "2021-09-01").check("fine", 2000 * kz.ureg.MCI)
    assert (check.verdict, check.certain) == ("within", False)


_AGGREGATE = dict(act_date="2021-03-15", conduct="slander", channel="telecom_network", allegation="grave_crime",
                  offender="official", aggregate="administrative_offence")


@pytest.mark.parametrize(("days", "verdict", "certain"), [(30, "within", False), (31, "within", False),
                                                          (45, "within", False), (46, "above_maximum", True),
                                                          (90, "above_maximum", True)])
def test_the_final_administrative_arrest_over_an_aggregate(days: int, verdict: str, certain: bool) -> None:
    """AOC 2014 Art. 58(2) (12.07.2026 text): «окончательный размер взыскания ... для административного ареста не
    может превышать срок, установленный частью первой статьи 50 настоящего Кодекса»; Art. 50(1) (06.02.2023
    text): «Административный арест устанавливается на срок до тридцати суток, а за нарушение требований режима
    чрезвычайного положения - до сорока пяти суток». AOC 2014 Art. 73-3(3), an official: «административный
    арест на срок тридцать суток». Over an aggregate, more than forty-five days is never lawful; thirty-one to
    forty-five turn on a breach of a state of emergency among the offences, which no field states."""
    check = kz.assess(kz.Incident(**_AGGREGATE), "2021-05-01").check("arrest", days * kz.ureg.day)
    assert (check.verdict, check.certain) == (verdict, certain)
    if 30 < days <= 45:
        assert any("state of emergency" in str(d) for d in check.depends_on)


def test_the_aggregate_arrest_reason_names_the_bound_that_applies() -> None:
    """Art. 50(1): «до тридцати суток, а за нарушение требований режима чрезвычайного положения - до
    сорока пяти суток». A natural person's own maximum under 73-3(3) is twenty-five days: twenty-eight is
    within thirty whatever the offences; thirty-one is within the law only with such a breach among them."""
    incident = kz.Incident(**{**_AGGREGATE, "offender": "natural_person"})
    a = kz.assess(incident, "2021-05-01")
    settled = str(a.check("arrest", 28 * kz.ureg.day).reasons[0])  # the verdict's own sentence
    assert "at most 30 days" in settled and "45 days" not in settled
    open_ = str(a.check("arrest", 31 * kz.ureg.day).reasons[0])
    assert "turns on whether a breach of the requirements of a state of emergency" in open_
    assert "at most 45 days if so, else at most 30 days" in open_
    # 12.07.2026 text (kazakhstan-law/codes, old layout rus/sec002.md, commit 1f175b88...): «за нарушение
    # требований режима чрезвычайного или военного положения - до сорока пяти суток», once Law 155-VIII is in force
    assert "or, once Law 10.01.2025 No. 155-VIII is in force, of martial law" in open_


@pytest.mark.parametrize(("offender", "mci", "verdict", "certain"), [
    ("natural_person", 600, "within", False), ("natural_person", 601, "above_maximum", True),
    ("official", 2250, "within", False), ("official", 2251, "above_maximum", True)])
def test_the_final_administrative_fine_over_an_aggregate(offender: str, mci: int, verdict: str, certain: bool) -> None:
    """AOC 2014 Art. 58(2): «окончательный размер взыскания не может превышать трехкратный максимальный предел,
    установленный настоящим Кодексом для данного вида взыскания»; Art. 44(2) (06.02.2023 text): «Размер
    штрафа, налагаемого на физическое лицо, не может превышать двести месячных расчетных показателей. Размер
    штрафа, налагаемого на должностное лицо ... не может превышать семьсот пятьдесят месячных расчетных
    показателей». So at most 600 MCI for a natural person, 2 250 for an official, as the final fine."""
    check = kz.assess(kz.Incident(**{**_AGGREGATE, "offender": offender}), "2021-05-01").check(
        "fine", mci * kz.ureg.MCI)
    assert (check.verdict, check.certain) == (verdict, certain)


def test_the_in_force_caveat_is_given_where_nothing_matches(capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 451(4)-(5) as restated by Law 19.06.2024 No. 95-VIII name dissemination «в масс-медиа»:
    a disclosure of a minor's data in a telecommunication network on 19.08.2024, the earliest day Laws
    94-VIII and 95-VIII could take effect (their publication not read), is outside the modelled scope by
    the new wording, and under part 4 by the old one had they taken effect after the act. Both answers
    are given, in the text and in the JSON object; neither drops the second."""
    argv = ["classify", "--act-date", "2024-08-19", "--conduct", "disclosure_of_minor_data", "--channel",
            "telecom_network"]
    assert main(argv) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert text.startswith("Outside the modelled scope") and "AOC2014 451(4)" in text and "94-VIII, 95-VIII" in text
    assert main([*argv, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["matches"] == [] and answer["outside_scope"]
    assert len(answer["in_force_notes"]) == 1 and "AOC2014 451(4)" in answer["in_force_notes"][0]


def test_the_final_fine_of_a_non_profit_organisation_over_an_aggregate() -> None:
    """AOC 2014 Art. 44(2) (06.02.2023 text): «Размер штрафа, налагаемого на должностное лицо, ... а также
    некоммерческие организации, не может превышать семьсот пятьдесят месячных расчетных показателей»;
    Art. 58(2): «не может превышать трехкратный максимальный предел»: 2 250 MCI as the final fine."""
    inc = kz.Incident(act_date="2024-03-15", conduct="false_information", channel="telecom_network",
                      offender="non_profit_organisation", aggregate="administrative_offence")
    a = kz.assess(inc, "2024-05-01")
    assert str(a.governing.ref) == "AOC2014 456-2(1)"
    assert a.check("fine", 2250 * kz.ureg.MCI).verdict == "within"
    assert a.check("fine", 2251 * kz.ureg.MCI).verdict == "above_maximum"


def test_a_sentence_check_heads_an_outcome_that_is_not_liability(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 71(1): «Лицо освобождается от уголовной ответственности, если со дня совершения
    уголовного правонарушения истекли следующие сроки: 1) один год после совершения уголовного проступка».
    An insult of 01.03.2019 (then a criminal misdemeanour, CC 2014 Art. 131) decided on 01.06.2020 is time
    barred: a fine within the range is not a lawful sentence, and the first line says so, not "WITHIN"
    alone; the JSON gives the outcome."""
    argv = ["check-sentence", "--act-date", "2019-03-01", "--conduct", "insult", "--channel", "telecom_network",
            "--sentence", "fine 50 MCI"]
    assert main([*argv, "--decided-on", "2020-06-01"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(": WITHIN; but the outcome is TIME BARRED")
    assert main([*argv, "--decided-on", "2020-06-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "time_barred"
    assert main([*argv, "--decided-on", "2019-06-01"]) == 0  # within the year: liable, the verdict alone
    assert capsys.readouterr().out.splitlines()[0].endswith(": WITHIN")
