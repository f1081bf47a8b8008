"""Probes around the documented cases (tests/cases, /work/shared/law/cases.md): the same facts
with another target, channel or date. Expected values come from the statute texts quoted in each
test (/work/shared/law/statutes, kazakhstan-law/codes), counted by hand, never from the library.
"""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import Outcome
from kzspeechlaw.units import ureg

D = dt.date


# --- «Публичное оскорбление или иное посягательство на честь и достоинство Президента» -------------
# CC 2014 Art. 375(1) (cc2014/375.md): «Публичное оскорбление или иное посягательство на честь и
# достоинство Президента Республики Казахстан – наказывается штрафом в размере до двух тысяч месячных
# расчетных показателей ...»; Art. 373(1) (cc2014/373.md) the same words of the First President; CC 1997
# Art. 318(1) (cc1997/318.md) likewise. «Публичное» (neuter) may qualify «оскорбление» alone or both
# neuter nouns: the words do not decide whether a slander not made publicly is within the part.


@pytest.mark.parametrize(("target", "act", "decided", "special"), [
    ("president", D(2024, 3, 1), D(2024, 9, 1), "CC2014 375(1)"),
    ("president", D(2016, 6, 1), D(2016, 9, 1), "CC2014 375(1)"),
    ("first_president", D(2018, 6, 1), D(2018, 9, 1), "CC2014 373(1)"),
    ("president", D(2012, 6, 1), D(2012, 9, 1), "CC1997 318(1)"),
])
def test_a_private_slander_of_the_president_depends_on_the_reading_of_publichnoe(
        target: str, act: dt.date, decided: dt.date, special: str) -> None:
    """The special part governs only on the data's reading: the answer names ``publicly`` in
    ``depends_on`` (the note gives the other reading's answer), not a certain liability."""
    a = assess(Incident(act_date=act, conduct="slander", target=target, channel="private"), decided)
    assert a.outcome is Outcome.LIABLE and a.governing is not None and str(a.governing.ref) == special
    assert "publicly" in a.depends_on
    assert a.to_dict()["depends_on"] == list(a.depends_on)


def test_a_sentence_under_the_presidents_article_for_a_private_slander_is_not_certain() -> None:
    """1,500 MCI is within CC 2014 Art. 375(1) («штрафом в размере до двух тысяч месячных расчетных
    показателей»), but on the other reading the act of 2016 is the general slander, CC 2014 Art. 130(1)
    («наказывается штрафом в размере до одной тысячи месячных расчетных показателей», cc2014/130.md), and
    1,500 > 1,000: the check holds on the data's reading only."""
    a = assess(Incident(act_date=D(2016, 6, 1), conduct="slander", target="president", channel="private"),
               D(2016, 9, 1))
    check = a.check("fine", 1500 * ureg.MCI)
    assert check.verdict == "within"
    assert not check.certain and "publicly" in check.depends_on


@pytest.mark.parametrize(("conduct", "channel"), [("slander", "mass_media"), ("slander", "public_speech"),
                                                  ("insult", "private"), ("insult", "telecom_network")])
def test_where_the_words_decide_the_reading_is_not_named(conduct: str, channel: str) -> None:
    """A public slander is within Art. 375 on either reading; a private insult outside it on either
    («Публичное оскорбление»)."""
    a = assess(Incident(act_date=D(2024, 3, 1), conduct=conduct, target="president", channel=channel),
               D(2024, 9, 1))
    assert "publicly" not in a.depends_on


def test_the_reading_is_not_named_where_both_readings_give_the_same_part() -> None:
    """CC 2014 Art. 373 was deleted by Law 12.07.2023 No. 23-VIII (cc2014/373.md); a private slander of
    the First President of January 2023 decided in October 2023 is the general slander, AOC 2014 Art.
    73-3(1) («Клевета, то есть распространение заведомо ложных сведений, порочащих честь и достоинство
    другого лица»), on either reading."""
    a = assess(Incident(act_date=D(2023, 1, 10), conduct="slander", target="first_president", channel="private"),
               D(2023, 10, 1))
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 73-3(1)"
    assert "publicly" not in a.depends_on


# --- Batyrbekov, 2019: slander and insult, 2 y 10 m (seed 000) ------------------------------------
# CC 2014 Art. 58(2), second paragraph (12.07.2018 text, cc2014/58.md): «Если совокупность уголовных
# правонарушений включает в себя только уголовные проступки, преступления небольшой тяжести и средней
# тяжести, то окончательно наказание назначается путем поглощения менее строгого наказания более
# строгим». Art. 40(1) (cc2014/40.md): for a criminal misdemeanour only «штраф; исправительные работы;
# привлечение к общественным работам; арест». Art. 130(2) (2019): «лишением свободы на тот же срок», up
# to two years (README: "(2) publicly / mass media / networks: 2,000 MCI, 2 years").


def _slander_2019(allegation: str | None) -> kz.Assessment:
    return assess(Incident(act_date=D(2019, 1, 15), conduct="slander", channel="telecom_network",
                           allegation=allegation, aggregate="criminal_misdemeanour"), D(2019, 9, 23))


def test_absorbing_a_misdemeanour_cannot_raise_imprisonment_above_the_crimes_own_maximum() -> None:
    """With an insult (a misdemeanour) decided together, the final imprisonment is the slander's own,
    at most 2 years: 34 months (2 y 10 m) is above it, not "within if the other sentences allow it"."""
    check = _slander_2019("none").check("imprisonment", 34 * ureg.month)
    assert check.verdict == "above_maximum", check.reasons
    assert _slander_2019("none").check("imprisonment", 24 * ureg.month).verdict == "within"


def test_the_batyrbekov_sentence_depends_on_what_the_slander_alleged() -> None:
    """Art. 130(3) (accusation of a grave crime) reaches three years: 34 months fits it, so with the
    allegation unstated the verdict is not certain and names it."""
    check = _slander_2019(None).check("imprisonment", 34 * ureg.month)
    assert not check.certain and "allegation" in check.depends_on


def test_a_misdemeanour_aggregate_leaves_a_fine_to_the_other_sentences() -> None:
    """A misdemeanour may be fined (Art. 40(1) «штраф»): the bound stays open for that kind."""
    check = _slander_2019("none").check("fine", 2500 * ureg.MCI)
    assert check.verdict == "within" and not check.certain


# --- Probes that agree with the statute (kept as regressions) ------------------------------------


def test_yergalieva_2018_slander_resumed_after_law_349_vi_is_decriminalised() -> None:
    """Seed 004 (Adil Soz, June 2020): a private prosecution for slander «Article 130, part 2» begun on
    2018-04-17 over a Facebook comment, resumed in June 2020. Law 26.06.2020 No. 349-VI deleted CC 2014
    Art. 130 (in force ten days after its publication on 29.06.2020); a law removing liability is
    retroactive (CC 2014 Art. 6(1)). Decided on 2020-09-01 (after any in-force doubt), the act is
    decriminalised. The comment's day is not stated: 2018-04-10, before the proceedings."""
    a = assess(Incident(act_date=D(2018, 4, 10), conduct="slander", channel="telecom_network"), D(2020, 9, 1))
    assert a.outcome is Outcome.DECRIMINALISED


def test_yergalieva_2018_insult_is_time_barred_by_june_2020() -> None:
    """The same comment as an insult (CC 2014 Art. 131(2), a criminal misdemeanour): «один год после
    совершения уголовного проступка» (Art. 71(1)(1)), and the period of a misdemeanour «не
    приостанавливается и не прерывается» (Art. 71(3)): an act before 2018-04-17 is time-barred by
    2019-04-17, long before June 2020."""
    a = assess(Incident(act_date=D(2018, 4, 10), conduct="insult", channel="telecom_network"), D(2020, 6, 15))
    assert a.outcome is Outcome.TIME_BARRED


@pytest.mark.parametrize(("decided", "outcome", "last_day"), [
    (D(2023, 11, 18), Outcome.LIABLE, False),
    (D(2023, 11, 19), Outcome.TIME_BARRED_UNLESS_STOPPED, True),
    (D(2023, 11, 20), Outcome.TIME_BARRED_UNLESS_STOPPED, False),
])
def test_radio_azattyq_two_months_from_19_september(decided: dt.date, outcome: Outcome, last_day: bool) -> None:
    """AOC 2014 Art. 62(1): «по истечении двух месяцев со дня совершения административного
    правонарушения»: the article of 2023-09-19 closes on 2023-11-19; whether that day still belongs to
    the period, and whether the case was referred to court in time (Art. 62(5)), are left open."""
    a = assess(Incident(act_date=D(2023, 9, 19), conduct="false_information", channel="mass_media",
                        offender="non_profit_organisation", proceedings_date=D(2023, 10, 1)), decided)
    assert a.outcome is outcome
    assert ("last_day" in a.depends_on) is last_day
    assert ("referral" in a.depends_on) is (outcome is not Outcome.LIABLE)
