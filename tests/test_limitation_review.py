"""Limitation answers that were confident and wrong, with the expected values counted by hand from
the statute texts (shared/law/statutes: AOC 2014 Arts. 4, 5, 62; CC 2014 Art. 71)."""

import datetime as dt

from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident

D = dt.date


def hooliganism(**facts: object) -> Incident:
    return Incident(conduct="petty_hooliganism", channel="public_speech", **facts)


def test_a_referral_before_law_300_vi_could_take_effect_does_not_stop_the_period_for_good() -> None:
    """AOC 434(1) of 01.12.2019, referred to court on 31.12.2019, decided on 01.06.2020.

    62(1): «по истечении двух месяцев со дня совершения» — the period closes on 01.02.2020. The
    wording under which the referral stops the period for good is first read in the edition labelled
    30.12.2019, the day Law 300-VI was adopted, and that law «вводится в действие по истечении десяти
    календарных дней после дня его первого официального опубликования» (footnote under Art. 62):
    on 31.12.2019 it was not in force, so 62(5) read «Исчисление этих сроков возобновляется с момента
    получения … дела об административном правонарушении судом» (28.12.2017 text). The 32 days left
    on 31.12.2019 run again once the court received the case (a day not stated): by 01.06.2020 the
    period has run out unless the case took months to arrive or another ground stopped it. Expected:
    expired on 01.02.2020, not certain, «time_barred_unless_stopped», naming the referral. (It said
    «suspended»: liable, certainly.)"""
    a = assess(hooliganism(act_date=D(2019, 12, 1), referred_on=D(2019, 12, 31)), decided_on=D(2020, 6, 1))
    lim = a.limitation
    assert lim is not None
    assert (lim.status, lim.expires, lim.expired, lim.certain) == ("expired", D(2020, 2, 1), True, False)
    assert "receives the case" in lim.unless
    assert a.outcome == "time_barred_unless_stopped" and "referral" in a.depends_on


def test_the_later_62_5_wording_does_not_reach_an_earlier_act() -> None:
    """The same act of 01.12.2019, referred on 20.01.2020, when the later 62(5) wording may be in force.

    AOC 2014 Art. 4(1): «Лицо, совершившее административное правонарушение, подлежит
    ответственности на основании законодательства, действовавшего во время совершения этого
    правонарушения»; Art. 5(2): «Закон, … иным образом ухудшающий положение лица, … обратной силы не
    имеет». The later wording, under which the period no longer runs again once the court receives
    the case, worsens the position: the act's own wording governs, and the period (closing on
    01.02.2020, 12 days left on 20.01.2020) has run out by 01.06.2020 unless the days in transit or
    another ground kept it alive. Expected: as above, not «suspended»."""
    a = assess(hooliganism(act_date=D(2019, 12, 1), referred_on=D(2020, 1, 20)), decided_on=D(2020, 6, 1))
    lim = a.limitation
    assert lim is not None
    assert (lim.status, lim.expires, lim.certain) == ("expired", D(2020, 2, 1), False)
    assert a.outcome == "time_barred_unless_stopped" and "referral" in a.depends_on


def test_an_act_under_the_later_62_5_wording_still_stops_on_referral() -> None:
    """AOC 434(1) of 01.03.2020, referred on 01.04.2020 (two months: closing day 01.05.2020): under
    62(5) from the 30.12.2019 edition the period «приостанавливается с момента … направления дела в
    суд» and resumes only on an expert's results or a compelled appearance: on 01.06.2020 it stands
    still."""
    lim = assess(hooliganism(act_date=D(2020, 3, 1), referred_on=D(2020, 4, 1)), decided_on=D(2020, 6, 1)).limitation
    assert lim is not None
    assert (lim.status, lim.expires, lim.certain) == ("suspended", D(2020, 5, 1), True)


def test_an_evasion_that_begins_after_the_decision_has_not_stopped_the_period() -> None:
    """CC 2014 274(1) (knowingly false information) of 01.03.2016, small gravity: «два года после
    совершения преступления небольшой тяжести» (71(1)(2)), so the period closes on 01.03.2018. The
    period «приостанавливается, если лицо … уклоняется от следствия или суда» (71(4)); an evasion
    from 01.06.2017 has not begun on a decision of 01.01.2017. Expected: running, closing on
    01.03.2018 (it said «suspended», with the outer period's 01.03.2026 as the end)."""
    inc = Incident(act_date=D(2016, 3, 1), conduct="false_information", knowing_and_dangerous=True,
                   evaded_from=D(2017, 6, 1))
    lim = assess(inc, decided_on=D(2017, 1, 1)).limitation
    assert lim is not None
    assert (lim.status, lim.expires, lim.expired) == ("running", D(2018, 3, 1), False)
    # from the evasion's first day the period stands still, within the outer ten years of 71(4)
    # as worded before Law 180-VI (09.04.2016 text: «десять лет после совершения преступления
    # небольшой тяжести»): 01.03.2026
    later = assess(inc, decided_on=D(2017, 6, 1)).limitation
    assert later is not None
    assert (later.status, later.expires) == ("suspended", D(2026, 3, 1))


def test_a_referral_within_a_month_of_the_earliest_day_of_law_300_vi_stays_open() -> None:
    """AOC 434(1) of 12.01.2020, referred on 20.01.2020, decided on 01.06.2020. Two months: the
    period closes on 12.03.2020. Law 300-VI of 30.12.2019 «вводится в действие по истечении десяти
    календарных дней после дня его первого официального опубликования»; its publication day was not
    read, so 10.01.2020 is only the earliest day its wording of 62(5) could govern, and on 20.01.2020
    the earlier one («Исчисление этих сроков возобновляется с момента получения … дела об
    административном правонарушении судом») may still have been in force, under which the period
    ran again once the court received the case. Expected: expired on 12.03.2020, not certain."""
    a = assess(hooliganism(act_date=D(2020, 1, 12), referred_on=D(2020, 1, 20)), decided_on=D(2020, 6, 1))
    lim = a.limitation
    assert lim is not None
    assert (lim.status, lim.expires, lim.certain) == ("expired", D(2020, 3, 12), False)
    assert a.outcome == "time_barred_unless_stopped" and "referral" in a.depends_on


def minor_evading() -> Incident:
    """CC 2014 274(2) (knowingly false information by telecom), medium gravity, of 10.01.2020, by a
    minor who evades from 01.02.2020. Art. 71(1)(3): «пять лет после совершения преступления средней
    тяжести», halved by Art. 88 («Сроки давности привлечения к уголовной ответственности … сокращаются
    наполовину»): 30 months, to 10.07.2022; the evasion began within them and stops them (71(4)).
    The outer period of 71(4)(2) as worded by Law 180-VI: «десять лет после совершения преступления
    средней тяжести» — 10.01.2030; halved, 10.01.2025."""
    return Incident(act_date=D(2020, 1, 10), conduct="false_information", knowing_and_dangerous=True,
                    channel="telecom_network", mitigating="minor", evaded_from=D(2020, 2, 1))


def test_a_minors_evasion_past_the_halved_outer_period_is_left_open() -> None:
    """Art. 88 halves «сроки давности привлечения к уголовной ответственности»; the outer periods of
    71(4) are terms after which «лицо не может быть привлечено к уголовной ответственности, если со
    времени совершения преступления давность не была прервана и истекли следующие сроки», and the Code
    does not say whether Art. 88 reaches them. On 01.01.2027 the halved outer period (10.01.2025) has
    run out, the whole one (10.01.2030) has not: expired on 10.01.2025 unless the outer period is not
    halved, the age named, no interruption (a medium-gravity crime's period is not interrupted, 71(4)).
    (It said «suspended» to 10.01.2030: liable, certainly.)"""
    a = assess(minor_evading(), decided_on=D(2027, 1, 1))
    lim = a.limitation
    assert lim is not None
    assert (lim.status, lim.expires, lim.expired, lim.certain) == ("expired", D(2025, 1, 10), True, False)
    assert "not halved for a minor" in lim.unless
    assert a.outcome == "time_barred_unless_stopped"
    assert "age" in a.depends_on and "interruption" not in a.depends_on


def test_a_minors_evasion_before_the_halved_outer_period_still_suspends() -> None:
    """The day before 10.01.2025 the period stands still under either reading; on 10.01.2025, the
    halved outer period's closing day, the answer is open on that day too; from 10.01.2030 the whole
    outer period has run out as well: time-barred whatever the reading (a medium-gravity crime's
    period is not interrupted)."""
    before = assess(minor_evading(), decided_on=D(2025, 1, 9)).limitation
    assert before is not None and (before.status, before.expires, before.certain) == ("suspended", D(2030, 1, 10), True)
    on_it = assess(minor_evading(), decided_on=D(2025, 1, 10)).limitation
    assert on_it is not None and (on_it.status, on_it.expires, on_it.certain) == ("expired", D(2025, 1, 10), False)
    late = assess(minor_evading(), decided_on=D(2030, 1, 11))
    assert late.outcome == "time_barred" and late.limitation is not None and late.limitation.certain


def test_the_note_does_not_put_a_referral_within_the_period_after_it() -> None:
    """The referral of 31.12.2019 is before the closing day 01.02.2020 (two months from 01.12.2019,
    62(1)): the note must not say it came after the period (it did), but that the period ran again
    once the court received the case («Исчисление этих сроков возобновляется с момента получения …
    дела об административном правонарушении судом», 28.12.2017 text)."""
    a = assess(hooliganism(act_date=D(2019, 12, 1), referred_on=D(2019, 12, 31)), decided_on=D(2020, 6, 1))
    note = next(n for n in a.notes if "referred to court on 2019-12-31" in n)
    assert "after the period" not in note and "within the period" in note
