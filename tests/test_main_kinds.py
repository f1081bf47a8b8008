"""The main punishments of a crime under the 2014 Code (Art. 40(2)): a kind that is a main punishment
of a criminal misdemeanour alone (Art. 40(1)) is not available for a crime, not even as a milder
kind (Art. 55(4)), save where it is a punishment of a minor (Art. 81(1); Art. 90 for an offender of
18 to 20).

CC 2014 (kazakhstan-law/codes, 02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus/).
Art. 40 (sec003.md), 09.04.2016 text (commit 026bf5607328af3969f8b7e9fdea1211263229cf): part 1, a
criminal misdemeanour, «1) штраф; 2) исправительные работы; 3) привлечение к общественным работам;
4) арест»; part 2, a crime, «1) штраф; 2) исправительные работы; 3) ограничение свободы; 4) лишение
свободы; 5) смертная казнь». Law 12.07.2018 No. 180-VI added «2-1) привлечение к общественным
работам» to part 2 (12.07.2018 text, commit 99437a0af0791918a203673ba95ffee2862a1219); 2018-07-23 is
its earliest possible in-force date. Arrest is in no edition's part 2 up to 16.09.2025 (commit
b71affc4f3e6875437ee4a1c2aff60059082fd1b). Art. 81(1) (sec006.md, the same two editions): a minor's
punishments are the deprivation of the right to engage in an activity, a fine, correctional work,
community service, restriction of freedom and imprisonment, not arrest.

CC 2014 Art. 130(2) (slander in the media) is a crime of small gravity; its sanction provides
neither community service nor arrest. Art. 131(2) (insult in the media) is a criminal
misdemeanour. The expected values are the statute's, not the library's output.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg

NOT_MAIN = "not a main punishment for a crime"
AGE = "whether the offender was a minor"


def _check(conduct: str, act: str, decided: str, kind: str, amount: kz.Quantity, **facts: object) -> kz.Check:
    a = assess(Incident(act_date=act, conduct=conduct, channel="mass_media", **facts), decided)  # type: ignore[arg-type]
    assert a.governing is not None
    assert kind not in {s.kind.value for s in a.sanctions}  # the article does not provide it
    return a.check(kind, amount)


@pytest.mark.parametrize(("act", "decided"), [
    ("2016-05-01", "2016-09-01"),
    ("2019-05-01", "2019-09-01"),
    ("2024-05-01", "2024-09-01"),  # slander is no crime from 2020: false information (CC 2014 Art. 274) is
])
def test_arrest_is_never_available_for_a_crime(act: str, decided: str) -> None:
    """Neither a crime's main punishment (Art. 40(2)) nor a minor's (Art. 81(1)): certain."""
    conduct = "slander" if act < "2020" else "false_information"
    check = _check(conduct, act, decided, "arrest", 30 * u.day)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert NOT_MAIN in check.reasons[-1] and "CC2014 40(2)" in check.reasons[-1]


@pytest.mark.parametrize(("act", "decided"), [
    ("2016-05-01", "2016-09-01"),
    ("2015-01-01", "2018-07-22"),  # the last day before Law 180-VI's earliest in-force date
])
def test_community_service_for_a_crime_before_law_180_vi_turns_on_the_offenders_age(act: str,
                                                                                    decided: str) -> None:
    """Not a main punishment of a crime for an adult, but one of a minor's (Art. 81(1)(4)), which a court
    may give an offender of 18 to 20 (Art. 90): not available, and not certain, the age deciding."""
    check = _check("slander", act, decided, "community_service", 100 * u.hour)
    assert (check.verdict, check.certain) == ("kind_not_available", False)
    assert any(NOT_MAIN in r and "CC2014 40(2)" in r for r in check.reasons)
    assert any(AGE in d for d in check.depends_on)
    minor = _check("slander", act, decided, "community_service", 100 * u.hour, mitigating=["minor"])
    assert not minor.certain
    assert not any(NOT_MAIN in r for r in minor.reasons)


def test_a_pregnant_woman_is_still_certainly_barred_from_community_service() -> None:
    """Art. 43(3) bars community service for a pregnant woman whatever her age."""
    check = _check("slander", "2016-05-01", "2016-09-01", "community_service", 100 * u.hour, pregnant=True)
    assert (check.verdict, check.certain) == ("kind_not_available", True)


@pytest.mark.parametrize(("act", "decided"), [
    ("2019-05-01", "2019-09-01"),  # a main punishment of a crime on the act date (Law 180-VI)
    ("2016-05-01", "2018-09-01"),  # on the decision date: the later wording adds a kind, the milder law
])
def test_community_service_for_a_crime_after_law_180_vi_stays_a_milder_kind(act: str, decided: str) -> None:
    """A milder kind than the article provides: lawful only on exceptional circumstances (Art. 55(4)),
    so not certain; not a kind the Code leaves to misdemeanours."""
    check = _check("slander", act, decided, "community_service", 300 * u.hour)
    assert not check.certain
    assert not any(NOT_MAIN in r for r in check.reasons)


def test_a_criminal_misdemeanour_is_not_held_to_the_main_punishments_of_a_crime() -> None:
    """Arrest is a main punishment of a criminal misdemeanour (Art. 40(1)): for an insult in the media
    the check gives the suspension of arrest (Art. 467), not Art. 40(2)."""
    check = _check("insult", "2016-05-01", "2016-09-01", "arrest", 20 * u.day)
    assert check.verdict == "kind_not_available"
    assert not any("40(2)" in r for r in check.reasons)
    assert any("467" in r for r in check.reasons)


@pytest.mark.parametrize(("kind", "amount", "rule"), [
    ("expulsion", 5 * u.year, "51(2)"),  # «может быть назначено в качестве дополнительного вида наказания»
    ("confiscation", 100_000 * u.KZT, "48"),
])
@pytest.mark.parametrize("conduct", ["slander", "insult"])  # a crime and a criminal misdemeanour (2016)
def test_an_additional_punishment_of_the_2014_code_is_not_a_certain_no_such_kind(kind: str, amount: kz.Quantity,
                                                                                rule: str, conduct: str) -> None:
    """Art. 40(3) names confiscation (item 1) and expulsion (item 4) among the additional punishments
    of any criminal offence, and neither Art. 48 nor Art. 51 (09.04.2016 text) requires the article
    to provide them: a sentence of either may be lawful as an additional punishment, which the check
    does not weigh."""
    check = _check(conduct, "2016-05-01", "2016-09-01", kind, amount)
    assert (check.verdict, check.certain) == ("kind_not_available", False)
    assert any(rule in r and "additional punishment" in r for r in check.reasons)
    assert any("additional punishment" in d for d in check.depends_on)


FULL = dict(harm_compensated=False, reconciled=False, stage="completed", procedure="ordinary", aggravating=False,
            aggregate="none", pregnant=False, young_children=False, allegation="none")


@pytest.mark.parametrize(("kind", "amount", "verdict"), [
    # Art. 81(7): «Несовершеннолетним, совершившим преступление небольшой тяжести ..., лишение свободы не назначается»
    ("imprisonment", 1 * u.year, "kind_not_available"),
    # Art. 81(3) (09.04.2016 text): «Штраф назначается в размере от десяти до двухсот пятидесяти месячных
    # расчетных показателей»: 1,000 MCI is above 250
    ("fine", 1000 * u.MCI, "above_maximum"),
])
def test_a_stated_minors_sentence_is_never_certainly_within_the_adult_range(kind: str, amount: kz.Quantity,
                                                                            verdict: str) -> None:
    """Where the facts state the minor's mitigating circumstance, Art. 81 (09.04.2016 text) sets other
    kinds and limits: a sentence within the article's adult range but barred or beyond a minor's
    limits is certainly unlawful. Stated as an adult's case (no minor) the same sentence is lawful."""
    def check(**more: object) -> kz.Check:
        a = assess(Incident(act_date="2016-05-01", conduct="slander", channel="mass_media", **FULL, **more),  # type: ignore[arg-type]
                   "2016-09-01")
        return a.check(kind, amount)

    adult = check(mitigating=["repentance"])
    assert (adult.verdict, adult.certain) == ("within", True)
    minor = check(mitigating=["minor"])
    assert (minor.verdict, minor.certain) == (verdict, True)
    assert any("81(3)-(7)" in r for r in (*minor.rules, *minor.reasons))


def test_an_income_fine_is_no_punishment_of_the_2014_code() -> None:
    """The 1997 Code's fine in wages or other income (CC 1997 Art. 40(1)-(2)) is none of the 2014 Code's
    punishments (Art. 40; its fine is in MCI, Art. 41(1)): not a milder kind either, certainly."""
    check = _check("slander", "2016-05-01", "2016-09-01", "income_fine", 3 * u.month)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert not any("exceptional circumstances" in r for r in check.reasons)


@pytest.mark.parametrize(("conduct", "extra", "from_14"), [
    ("slander", {}, False),  # CC 2014 Art. 130: not in Art. 15(2)'s list, liability from 16
    ("incitement_of_discord", {"discord": ["national"]}, True),  # Art. 174: in the list, from 14
])
def test_a_stated_minors_liability_turns_on_the_age(conduct: str, extra: dict[str, object], from_14: bool) -> None:
    """CC 2014 Art. 15 (27.12.2019 text): liable from 16 (part 1), from 14 for the crimes part 2 lists,
    among them Art. 174 and not Art. 130. A minor is 14 to 17 (Art. 80(1)): with the minor stated,
    the answer leaves the age open (whether there is liability at all, and a minor's punishments,
    Art. 81, which it does not apply); without it, not."""
    facts = dict(act_date="2016-05-01", conduct=conduct, channel="mass_media", **extra)
    minor = assess(Incident(**facts, mitigating=["minor"]), "2016-09-01")  # type: ignore[arg-type]
    adult = assess(Incident(**facts, mitigating=["repentance"]), "2016-09-01")  # type: ignore[arg-type]
    assert "age" in minor.depends_on and "age" not in adult.depends_on
    note = next(n for n in minor.notes if "was a minor" in n)
    assert "15(1)-(2)" in note and "81" in note
    assert ("from 14" in note and "from 16" not in note) is from_14


@pytest.mark.parametrize(("act", "decided", "rule"), [
    ("2005-05-01", "2005-09-01", "CC1997 15(1)-(2)"),  # 08.04.2010 text: Art. 129 not in part 2's list
    ("2022-05-01", "2022-09-01", "AOC2014 28"),  # liable from 16, no younger age for any offence
])
def test_the_other_codes_ages_of_liability(act: str, decided: str, rule: str) -> None:
    """CC 1997 Art. 15 and AOC 2014 Art. 28 make a person liable from 16 (the 1997 Code from 14 for
    the crimes it lists, slander not among them): a stated minor's slander leaves the age open."""
    facts = dict(act_date=act, conduct="slander", channel="mass_media")
    minor = assess(Incident(**facts, mitigating=["minor"]), decided)  # type: ignore[arg-type]
    assert "age" in minor.depends_on
    note = next(n for n in minor.notes if "was a minor" in n)
    assert rule in note and "from 16" in note


def test_the_age_of_liability_is_the_act_times() -> None:
    """An insult of 2014-12-20 fell under CC 1997 Art. 130; decided in 2015 the 2014 Code governs it
    (the milder law). The age of liability is the one of the act's time (CC 1997 Art. 15: from 16,
    Art. 130 not in its part 2), not the later code's: a later law cannot make an act punishable
    that was not (CC 2014 Art. 6(3))."""
    a = assess(Incident(act_date="2014-12-20", conduct="insult", channel="mass_media", mitigating=["minor"]),
               "2015-06-01")
    assert a.governing is not None and a.governing.ref.code == "CC2014"
    assert "age" in a.depends_on
    note = next(n for n in a.notes if "was a minor" in n)
    assert "CC1997 15(1)-(2)" in note and "from 16" in note


def test_a_minors_limitation_period_is_halved() -> None:
    """CC 2014 Art. 88 (09.04.2016 and 16.09.2025 texts): «Сроки давности ... при освобождении
    несовершеннолетних ... сокращаются наполовину». An insult of 2019-11-01 is a criminal misdemeanour,
    one year (Art. 71(1)(1)): an adult's period runs to 2020-11-01, a minor's ran out on 2020-05-01."""
    facts = dict(act_date="2019-11-01", conduct="insult", channel="mass_media")
    adult = assess(Incident(**facts), "2020-09-01")  # type: ignore[arg-type]
    assert adult.outcome.value == "liable" and adult.limitation is not None
    assert adult.limitation.expires.isoformat() == "2020-11-01"
    for decided, outcome in (("2020-04-30", "liable"), ("2020-05-01", "time_barred_unless_stopped"),
                             ("2020-05-02", "time_barred"), ("2020-09-01", "time_barred")):
        minor = assess(Incident(**facts, mitigating=["minor"]), decided)  # type: ignore[arg-type]
        assert minor.outcome.value == outcome
        assert minor.limitation is not None and minor.limitation.expires.isoformat() == "2020-05-01"
        assert "88" in minor.limitation.article and "age" in minor.depends_on


def test_the_1997_codes_rule_for_minors_is_not_read() -> None:
    """The 1997 Code's rule on a minor's limitation period was not read: a stated minor's slander of
    2010 (two years, CC 1997 Art. 69(1)) decided within them gets no period, and the note says why;
    after them, time-barred whatever the rule (a minor's cannot be longer)."""
    facts = dict(act_date="2010-03-01", conduct="slander", channel="mass_media", mitigating=["minor"])
    running = assess(Incident(**facts), "2011-06-01")  # type: ignore[arg-type]
    assert running.limitation is None and any("1997 Code's rule" in n for n in running.notes)
    assert assess(Incident(**facts), "2012-12-01").outcome.value == "time_barred"  # type: ignore[arg-type]
