"""Review of the law of the decision date: lex mitior, decriminalisation and re-qualification.

Figures from the statute texts (shared/law/statutes):

- CC 1997 Art. 317-1(2) (final text): «Те же деяния, совершенные с использованием средств массовой
  информации, - наказываются штрафом в размере от пятисот до одной тысячи месячных расчетных
  показателей ...»; it displaced Art. 130(2): «Оскорбление, содержащееся в ... средствах массовой
  информации».
- CC 2014 Art. 373: «Статья 373 исключена Законом РК от 12.07.2023 № 23-VIII»; Art. 131(2) stays in
  force: «наказывается штрафом в размере до двухсот месячных расчетных показателей либо
  исправительными работами в том же размере, либо привлечением к общественным работам на срок до
  ста восьмидесяти часов».
- CC 2014 Art. 41(2) as worded by Law 180-VI: «За уголовные проступки штраф устанавливается в
  пределах от двадцати до двухсот месячных расчетных показателей»; Art. 41(1): the MCI
  «действовавших на момент совершения уголовного правонарушения» (1 852 tenge in 2014).
- CC 2014 Art. 71(1): «1) один год после совершения уголовного проступка».
- CC 2014 Art. 6(1): only a law «устраняющий преступность или наказуемость деяния» removes liability.
"""

import datetime as dt

import kzspeechlaw as kz
from kzspeechlaw.law.model import Penalty, Sanction
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.leniency import Leniency, compare

D = dt.date
MCI, KZT = kz.ureg.MCI, kz.ureg.KZT

FIRST_PRESIDENT_1997 = Incident(act_date=D(2014, 6, 1), conduct="insult", target="first_president",
                                channel="mass_media")


def test_a_1997_insult_of_the_first_president_is_not_decriminalised_by_the_repeal_of_art_373() -> None:
    """An insult of the First President in the media in June 2014 was CC 1997 317-1(2), and also
    the insult in the media of Art. 130(2) that the special article displaced; from 2015 it is
    CC 2014 373(2), and public insult (Art. 131(2)) covers it from the Code's first day. Law 23-VIII
    repealed Art. 373 alone: the act stays a crime, re-qualified as Art. 131(2), not
    decriminalised (it was, before the fix)."""
    a = assess(FIRST_PRESIDENT_1997, decided_on=D(2024, 3, 1))
    assert a.outcome is not kz.Outcome.DECRIMINALISED
    assert a.governing is not None and str(a.governing.ref) == "CC2014 131(2)"
    fine = next(s for s in a.sanctions if s.kind.value == "fine")
    assert (fine.minimum, fine.maximum) == (20 * MCI, 200 * MCI)
    assert fine.maximum_kzt == 200 * 1852 * KZT
    # a criminal misdemeanour: one year from 2014-06-01, long past
    assert a.outcome is kz.Outcome.TIME_BARRED
    step = next(s.what for s in a.trace if "23-VIII" in s.what and "repealed" in s.what)
    # the part repealed is the 2014 Code's, and the survivor is named with the day it took over
    assert step.startswith("CC2014 373(2) was repealed by Law 23-VIII from 2023-07-23")
    assert "CC2014 131(2)" in step and "since 2015-01-01" in step
    note = next(n for n in a.notes if n.startswith("CC2014 373(2) ceased to apply on 2023-07-23"))
    assert "has been CC2014 131(2)" in note and "since 2015-01-01" in note


def test_before_the_repeal_the_1997_insult_falls_under_art_373() -> None:
    """Decided before Law 23-VIII (2023-07-23), the same act is compared with CC 2014 373(2) and
    is not re-qualified."""
    a = assess(FIRST_PRESIDENT_1997, decided_on=D(2023, 7, 1))
    assert a.outcome is not kz.Outcome.DECRIMINALISED
    assert not any("repealed" in s.what for s in a.trace)


def test_a_1997_slander_of_the_first_president_is_decriminalised() -> None:
    """Slander is not insult: CC 2014 Art. 130 was repealed by Law 349-VI in 2020 («Статья 130
    исключена»), so when Art. 373 went in 2023 no part of the Code covered the act, and AOC 2014
    Art. 73-3, which did not exist in 2014, does not reach it (AOC 2014 Art. 5(2))."""
    inc = Incident(act_date=D(2014, 6, 1), conduct="slander", target="first_president", channel="mass_media")
    a = assess(inc, decided_on=D(2024, 3, 1))
    assert a.outcome is kz.Outcome.DECRIMINALISED
    step = next(s.what for s in a.trace if "repealed" in s.what)
    assert step.startswith("CC2014 373(2) was repealed by Law 23-VIII")


def test_a_1997_slander_names_the_2014_part_that_was_repealed() -> None:
    """A slander in the media of 2013 (CC 1997 129(2), from 2015 CC 2014 130(2)) decided in 2021 is
    decriminalised by Law 349-VI, which repealed CC 2014 Art. 130, not the 1997 article (that
    ended with its Code on 2015-01-01)."""
    inc = Incident(act_date=D(2013, 6, 1), conduct="slander", channel="mass_media")
    a = assess(inc, decided_on=D(2021, 3, 1))
    assert a.outcome is kz.Outcome.DECRIMINALISED
    step = next(s.what for s in a.trace if "349-VI" in s.what)
    assert step.startswith("CC2014 130(2) was repealed by Law 349-VI from 2020-07-10")
    assert not any("CC1997 129(2) was repealed" in s.what for s in a.trace)


# --- A bound that moved against the ends ---------------------------------------------------------

YEAR = kz.ureg.year

CC1997_318_2 = (  # «штрафом в размере от пятисот до одной тысячи месячных расчетных показателей, либо
    # исправительными работами на срок от одного года до двух лет, либо ограничением свободы на срок до
    # трех лет, либо лишением свободы на тот же срок» (the terms' floors left to the general part)
    Sanction(Penalty.FINE, 500 * MCI, 1000 * MCI),
    Sanction(Penalty.CORRECTIONAL_WORK, 1 * YEAR, 2 * YEAR),
    Sanction(Penalty.RESTRICTION_OF_FREEDOM, None, 3 * YEAR),
    Sanction(Penalty.IMPRISONMENT, None, 3 * YEAR),
)
CC2014_375_2_LAW_180_VI = (  # «штрафом в размере до трех тысяч месячных расчетных показателей либо
    # исправительными работами в том же размере, либо ограничением свободы на срок до трех лет, либо
    # лишением свободы на тот же срок»; the fine's floor for a crime under Law 180-VI: «за преступления
    # – в пределах от двухсот» (Art. 41(2)); the terms' floors left to the general part
    Sanction(Penalty.FINE, 200 * MCI, 3000 * MCI),
    Sanction(Penalty.CORRECTIONAL_WORK, 200 * MCI, 3000 * MCI),
    Sanction(Penalty.RESTRICTION_OF_FREEDOM, None, 3 * YEAR),
    Sanction(Penalty.IMPRISONMENT, None, 3 * YEAR),
)


def test_a_lighter_lowest_fine_beside_a_higher_maximum_fine_is_mixed() -> None:
    """The heaviest punishment is the same (imprisonment up to three years), the mildest lighter (a
    fine from 200 MCI, not 500), but the fine both allow reaches 3,000 MCI where it stopped at 1,000:
    milder in one respect, harsher in another (CC 2014 Art. 6(1), (3)). It was «more lenient»."""
    assert compare(CC1997_318_2, CC2014_375_2_LAW_180_VI) is Leniency.MIXED
    assert compare(CC2014_375_2_LAW_180_VI, CC1997_318_2) is Leniency.MIXED


def test_bounds_that_all_fall_stay_more_lenient() -> None:
    """CC 2014 Art. 378(1) before and after Law 180-VI: «до ста ... до ста двадцати часов ... до сорока
    пяти суток» became «до восьмидесяти ... до восьмидесяти часов ... до двадцати суток»: every bound
    falls, the change is milder."""
    before = (Sanction(Penalty.FINE, None, 100 * MCI), Sanction(Penalty.CORRECTIONAL_WORK, None, 100 * MCI),
              Sanction(Penalty.COMMUNITY_SERVICE, None, 120 * kz.ureg.hour),
              Sanction(Penalty.ARREST, None, 45 * kz.ureg.day))
    after = (Sanction(Penalty.FINE, None, 80 * MCI), Sanction(Penalty.CORRECTIONAL_WORK, None, 80 * MCI),
             Sanction(Penalty.COMMUNITY_SERVICE, None, 80 * kz.ureg.hour), Sanction(Penalty.ARREST, None, 20 * kz.ureg.day))
    assert compare(before, after) is Leniency.MORE_LENIENT


def test_a_floor_the_earlier_law_left_unstated_is_not_a_rise() -> None:
    """CC 2014 Art. 378(1) of 2016, arrest suspended (Art. 467(1): Art. 45 «вводится в действие с 1
    января 2017 года»), so no floor: «арестом на срок до сорока пяти суток»; the same part with the
    general part of Law 180-VI: «до двадцати суток», floor «от десяти до пятидесяти суток» (Art. 45(2)).
    The fine «до ста» / «до восьмидесяти», its floor for a misdemeanour «от двадцати пяти» before Law
    180-VI and «от двадцати» after (Art. 41(2)). The unstated floor is not weighed as zero against ten
    days: every stated bound falls, milder."""
    before = (Sanction(Penalty.FINE, 25 * MCI, 100 * MCI), Sanction(Penalty.ARREST, None, 45 * kz.ureg.day))
    after = (Sanction(Penalty.FINE, 20 * MCI, 80 * MCI), Sanction(Penalty.ARREST, 10 * kz.ureg.day, 20 * kz.ureg.day))
    assert compare(before, after) is Leniency.MORE_LENIENT


def test_a_1997_media_insult_of_the_president_stays_under_the_1997_article() -> None:
    """An insult of the President in the media of September 2014 (CC 1997 318(2)) decided in June 2019:
    the 2014 Code's Art. 375(2) with the general part of Law 180-VI is mixed against it (above), so the
    law of the act's time governs (CC 2014 Art. 5) and a sentence is checked against both. It used to
    govern under Art. 375(2), with a fine up to 3,000 MCI the 1997 article never allowed."""
    a = assess(Incident(act_date=D(2014, 9, 1), conduct="insult", target="president", channel="mass_media"),
               decided_on=D(2019, 6, 1))
    assert a.governing is not None and str(a.governing.ref) == "CC1997 318(2)"
    fine = next(s for s in a.sanctions if s.kind.value == "fine")
    assert (fine.minimum, fine.maximum) == (500 * MCI, 1000 * MCI)
    assert any("180-VI" in s.what and "is mixed" in s.what for s in a.trace)
    # 2,000 MCI: above the 1997 maximum, within the 2014 one: the check cannot be certain
    check = a.check("fine", 2000 * MCI)
    assert check.verdict == "above_maximum" and not check.certain


# --- The in-force date of Law 349-VI ----------------------------------------------------------------

SLANDER_2019 = Incident(act_date=D(2019, 6, 1), conduct="slander", channel="mass_media", allegation="none")


def test_a_decision_days_before_the_counted_in_force_date_of_349_vi_is_left_open() -> None:
    """Law 26.06.2020 No. 349-VI (repealing CC 2014 Art. 130) «вводится в действие по истечении
    десяти календарных дней после дня его первого официального опубликования»; its publication on
    29.06.2020 comes from a secondary report, so 10.07.2020 (the ten days 30.06-09.07) is not the
    earliest possible day: published on the day of adoption, 26.06, it would be in force from
    07.07.2020 (the ten days 27.06-06.07). A decision of 08.07.2020 on a 2019 slander was answered
    «liable» with nothing open; now the answer turns on the in-force date and the note gives the
    other answer (decriminalised)."""
    a = assess(SLANDER_2019, decided_on=D(2020, 7, 8))
    assert a.outcome is kz.Outcome.LIABLE
    assert "in_force" in a.depends_on
    note = next(n for n in a.notes if n.startswith("Had Law 349-VI taken effect by the decision"))
    assert "2020-07-07" in note and "2020-07-10" in note and "decriminalised" in note
    # a fine of 300 MCI is within CC 2014 Art. 130(2) («штрафом в размере до двух тысяч»), but no
    # punishment at all had the Law taken effect: the check is not certain and names the Law
    check = a.check("fine", 300 * MCI)
    assert check.verdict == "within" and not check.certain
    assert any("349-VI" in str(d) for d in check.depends_on)


def test_before_the_earliest_day_of_349_vi_nothing_is_open() -> None:
    """On 06.07.2020 Law 349-VI cannot have been in force (07.07.2020 at the earliest)."""
    a = assess(SLANDER_2019, decided_on=D(2020, 7, 6))
    assert a.outcome is kz.Outcome.LIABLE and "in_force" not in a.depends_on
    assert not any("349-VI" in n for n in a.notes)
    assert not any("349-VI" in str(d) for d in a.check("fine", 300 * MCI).depends_on)


def test_an_act_days_before_the_counted_in_force_date_of_349_vi_is_left_open() -> None:
    """A slander in the media of 08.07.2020, decided on 01.09.2020: under the data CC 2014 Art. 130(2)
    was in force at the act and was repealed before the decision (decriminalised, and AOC Art. 73-3
    does not reach an earlier act, AOC Art. 5(2)). Had Law 349-VI been published when adopted, it was
    in force from 07.07.2020 and the act was an administrative offence under the Art. 73-3(2) it
    inserted: «180 MCI» for a natural person. The answer turns on the in-force date."""
    inc = Incident(act_date=D(2020, 7, 8), conduct="slander", channel="mass_media", allegation="none")
    a = assess(inc, decided_on=D(2020, 9, 1))
    assert a.outcome is kz.Outcome.DECRIMINALISED
    assert "in_force" in a.depends_on
    note = next(n for n in a.notes if n.startswith("Had Law 349-VI taken effect by the act"))
    assert "2020-07-07" in note and "AOC2014 73-3(2)" in note
    # an act of 06.07.2020 predates any day the Law could take effect
    b = assess(inc.varied(act_date=D(2020, 7, 6)), decided_on=D(2020, 9, 1))
    assert b.outcome is kz.Outcome.DECRIMINALISED and "in_force" not in b.depends_on
