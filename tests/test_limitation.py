"""Limitation decided from the facts: CC 2014 Art. 71, CC 1997 Art. 69, AOC 2014 Art. 62.

Expected dates are counted from the statute texts: CC 2014 Art. 71(1) (one year for a criminal
misdemeanour, two for small gravity, five for medium gravity), 71(3) (a misdemeanour's period is
never suspended), 71(4) (evasion suspends the period until arrest or surrender, within five years
for small gravity), 71(6) (none for extremist crimes); CC 1997 Art. 69(6) (none for crimes
against peace and security of mankind, the chapter of Art. 164); AOC 2014 Art. 62(1) (two months)
and 62(5) (the period stands still from the referral of the case to court).
"""

import datetime as dt
import json

import pytest

import kzspeechlaw as kz
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import LIMITATION_STATUSES

D = dt.date


def false_info(**facts: object) -> Incident:
    """Spreading false information, 2016: CC 2014 274(1), a crime of small gravity. Before the
    period runs out the outcome is ``amnestied``: Law 13.12.2016 No. 27-VI Art. 6(1) terminates the
    cases of small gravity committed before it, and its Art. 10 (six months to execute) does not
    end the release; once the period has run out, the limitation decides first."""
    return Incident(act_date=D(2016, 3, 1), conduct="false_information", knowing_and_dangerous=True,
                    **facts)  # type: ignore[arg-type]


def test_a_crime_whose_period_ran_out_is_time_barred() -> None:
    inc = Incident(act_date=D(2015, 3, 1), conduct="slander", allegation="corruption_crime")  # 130(3)
    assert assess(inc, decided_on=D(2020, 2, 29)).outcome == "liable"
    # five years, 71(1)(3); the period closes on 2020-03-01, which the procedure codes count in
    # (CPC 2014 Art. 48(4)): a decision on that day is open, the next day's certain
    on_it = assess(inc, decided_on=D(2020, 3, 1))
    assert on_it.outcome == "time_barred_unless_stopped" and "last_day" in on_it.depends_on
    assert (on_it.limitation.expires, on_it.limitation.certain, on_it.limitation.last_day) == (D(2020, 3, 1), False,
                                                                                                True)
    a = assess(inc, decided_on=D(2020, 3, 2))
    assert a.outcome == "time_barred"
    assert (a.limitation.status, a.limitation.expires, a.limitation.certain) == ("expired", D(2020, 3, 1), True)
    assert str(a.governing.ref) == "CC2014 130(3)"


def test_false_information_runs_two_years() -> None:
    a = assess(false_info(), decided_on=D(2018, 2, 28))
    assert (a.outcome, a.limitation.status, a.limitation.expires) == ("amnestied", "running", D(2018, 3, 1))
    assert "last_day" in assess(false_info(), decided_on=D(2018, 3, 1)).depends_on  # its closing day: open
    assert assess(false_info(), decided_on=D(2018, 3, 2)).outcome == "time_barred"


def test_evasion_suspends_the_period_within_the_outer_limit() -> None:
    evading = false_info(evaded_from=D(2017, 1, 1))
    a = assess(evading, decided_on=D(2019, 6, 1))
    assert a.outcome == "amnestied"
    assert (a.limitation.status, a.limitation.expires) == ("suspended", D(2021, 3, 1))  # 71(4)(1): five years
    assert any("71(4)" in step.citation for step in a.trace)
    assert any("evaded_until" in n for n in a.notes)
    on_it = assess(evading, decided_on=D(2021, 3, 1))  # the outer period's closing day: open
    assert "last_day" in on_it.depends_on and not on_it.limitation.certain
    barred = assess(evading, decided_on=D(2021, 3, 2))
    assert (barred.outcome, barred.limitation.status) == ("time_barred", "expired")


def test_the_period_runs_again_from_the_arrest() -> None:
    # Two years from 2016-03-01, standing still from 2017-01-01 to 2017-07-01 (181 days).
    inc = false_info(evaded_from=D(2017, 1, 1), evaded_until=D(2017, 7, 1))
    expires = D(2018, 3, 1) + dt.timedelta(days=181)
    a = assess(inc, decided_on=expires - dt.timedelta(days=1))
    assert (a.outcome, a.limitation.status, a.limitation.expires) == ("amnestied", "running", expires)
    assert "last_day" in assess(inc, decided_on=expires).depends_on  # its closing day: open
    assert assess(inc, decided_on=expires + dt.timedelta(days=1)).outcome == "time_barred"


def test_evasion_after_the_period_ran_out_changes_nothing() -> None:
    a = assess(false_info(evaded_from=D(2018, 4, 1)), decided_on=D(2018, 5, 1))
    assert a.outcome == "time_barred" and a.limitation.expires == D(2018, 3, 1)


def test_a_misdemeanours_period_is_never_suspended() -> None:
    inc = Incident(act_date=D(2021, 2, 1), conduct="insult", channel="telecom_network", evaded_from=D(2021, 3, 1))
    a = assess(inc, decided_on=D(2022, 2, 2))  # a year and a day: the period closed on 2022-02-01
    assert a.outcome == "time_barred"
    assert any("71(3)" in step.citation for step in a.trace)


def test_extremist_crimes_have_no_limitation() -> None:
    inc = Incident(act_date=D(2016, 1, 26), conduct="incitement_of_discord", channel="telecom_network",
                   discord={"national"})
    a = assess(inc, decided_on=D(2024, 1, 1))
    assert a.outcome == "liable" and a.limitation.status == "none" and a.limitation.period is None


def test_terrorist_crimes_have_no_limitation() -> None:
    # Art. 3(30) lists Art. 256 among the terrorist crimes; Art. 71(6) exempts them.
    inc = Incident(act_date=D(2016, 3, 1), conduct="terrorism_propaganda", channel="telecom_network")
    a = assess(inc, decided_on=D(2024, 6, 1))
    assert a.outcome == "liable" and a.limitation.status == "none"
    assert a.limitation.article.startswith("CC2014 71(6)")


def test_the_1997_code_exempts_art_164() -> None:
    inc = Incident(act_date=D(2014, 6, 1), conduct="incitement_of_discord", channel="telecom_network",
                   discord={"religious"})
    a = assess(inc, decided_on=D(2014, 12, 1))
    assert str(a.governing.ref) == "CC1997 164(1)"
    assert a.limitation.status == "none" and a.limitation.article.startswith("CC1997 69(6)")


SLANDER_2021 = {"act_date": D(2021, 6, 1), "conduct": "slander", "channel": "telecom_network", "allegation": "none",
                "proceedings_date": D(2021, 6, 5)}


def test_an_administrative_period_without_the_referral_date_stays_open() -> None:
    a = assess(Incident(**SLANDER_2021), decided_on=D(2021, 9, 1))
    assert a.outcome == "time_barred_unless_stopped" and a.depends_on == ("referral",)
    lim = a.limitation
    assert (lim.status, lim.expires, lim.certain) == ("expired", D(2021, 8, 1), False)
    assert lim.unless.startswith("the case was referred to court, an expert examination was ordered")
    assert a.to_dict()["limitation"]["status"] == "expired"


def test_referral_within_the_period_suspends_it() -> None:
    a = assess(Incident(**SLANDER_2021, referred_on=D(2021, 7, 20)), decided_on=D(2021, 9, 1))
    assert (a.outcome, a.limitation.status) == ("liable", "suspended")
    assert any("62(5)" in step.citation for step in a.trace)


def test_referral_after_the_period_still_leaves_the_other_suspensions_open() -> None:
    """AOC 2014 Art. 62(5) also suspends the period from an expert examination or a compelled
    appearance, and 62(7) interrupts it on a new offence: a late referral alone does not decide."""
    a = assess(Incident(**SLANDER_2021, referred_on=D(2021, 8, 5)), decided_on=D(2021, 9, 1))
    assert (a.outcome, a.limitation.status, a.limitation.certain) == ("time_barred_unless_stopped", "expired", False)
    assert "expert examination" in a.limitation.unless and "new administrative offence" in a.limitation.unless


def test_a_referral_after_the_decision_is_rejected() -> None:
    with pytest.raises(kz.InvalidIncident, match="referred_on"):
        assess(Incident(**SLANDER_2021, referred_on=D(2021, 9, 5)), decided_on=D(2021, 9, 1))


@pytest.mark.parametrize("facts", [
    {"evaded_until": "2017-01-01"},
    {"evaded_from": "2017-02-01", "evaded_until": "2017-01-01"},
    {"evaded_from": "2016-01-01"},
    {"referred_on": "2016-02-01"},
])
def test_stopping_facts_are_checked(facts: dict[str, str]) -> None:
    with pytest.raises(kz.InvalidIncident):
        Incident.from_dict({"act_date": "2016-03-01", "conduct": "false_information", **facts})


def test_every_assessment_with_a_period_has_a_status() -> None:
    for inc, day in [(false_info(), D(2017, 1, 1)), (Incident(**SLANDER_2021), D(2021, 7, 1))]:
        a = assess(inc, decided_on=day)
        assert a.limitation.status in LIMITATION_STATUSES
        assert a.limitation.status == "running"


def test_the_command_line_takes_the_stopping_facts(capsys: pytest.CaptureFixture[str]) -> None:
    from kzspeechlaw.cli.commands import main

    code = main(["assess", "--act-date", "2016-03-01", "--conduct", "false_information",
                 "--evaded-from", "2017-01-01", "--decided-on", "2019-06-01", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["outcome"] == "amnestied"
    assert data["incident"]["evaded_from"] == "2017-01-01"
    assert data["limitation"]["status"] == "suspended" and data["limitation"]["expires"] == "2021-03-01"


def test_an_expired_period_that_an_open_fact_could_have_stopped_is_not_a_liable_headline() -> None:
    """AOC 2014 Art. 62(1): two months; 62(5), (7): a referral, an examination or a new offence
    would have stopped them. The facts say neither, so the answer is neither plain "liable" nor plain
    "time-barred", and the fact that decides is named."""
    a = assess(Incident(**SLANDER_2021), decided_on=D(2021, 9, 1))
    assert a.outcome is kz.Outcome.TIME_BARRED_UNLESS_STOPPED
    assert a.to_dict()["outcome"] == "time_barred_unless_stopped" and a.to_dict()["depends_on"] == ["referral"]
    check = a.check("fine", 180 * kz.ureg.MCI)
    assert any("only if" in reason for reason in check.reasons)
    # Within the two months the same act is plainly liable.
    assert assess(Incident(**SLANDER_2021), decided_on=D(2021, 7, 31)).outcome == "liable"


@pytest.mark.parametrize("facts", [{"conduct": "slander"}, {"conduct": "insult"},
                                   {"conduct": "incitement_of_discord", "discord": {"social"}}])
def test_a_referral_after_the_decision_is_refused_whatever_the_facts_lead_to(facts: dict[str, object]) -> None:
    # A referral to court cannot postdate the decision, even where no single provision governs.
    inc = Incident(act_date=D(1998, 1, 1), referred_on=D(1998, 3, 1), **facts)
    with pytest.raises(kz.InvalidIncident, match="referred_on"):
        assess(inc, decided_on=D(1998, 2, 28))


def test_an_evasion_from_the_closing_day_may_have_suspended_the_period() -> None:
    # CC 2014 Art. 71(1)(2): two years for private slander (130(1), small gravity), closing on
    # 2019-03-01; an evasion from that day suspended the period if the day is within it (CPC 2014 Art.
    # 48(4) counts it in), not if the period ended the day before: open (a review)
    facts = dict(act_date=D(2017, 3, 1), conduct="slander", channel="mass_media", allegation="none")
    assert assess(Incident(**facts, evaded_from=D(2019, 2, 28)), D(2019, 7, 1)).outcome == "liable"  # type: ignore[arg-type]
    on_it = assess(Incident(**facts, evaded_from=D(2019, 3, 1)), D(2019, 7, 1))  # type: ignore[arg-type]
    assert on_it.outcome == "time_barred_unless_stopped" and on_it.depends_on == ("last_day",)
    assert assess(Incident(**facts, evaded_from=D(2019, 3, 2)), D(2019, 7, 1)).outcome == "time_barred"  # type: ignore[arg-type]


def test_a_referral_on_the_closing_day_names_that_day() -> None:
    # AOC 2014 Art. 62(1): two months, closing on 2021-05-01; a referral that day (Art. 62(5)) stopped
    # the period if the day is within it (Art. 739(5) counts it in)
    inc = Incident(act_date=D(2021, 3, 1), conduct="slander", channel="private", allegation="none",
                   referred_on=D(2021, 5, 1))
    a = assess(inc, D(2021, 6, 1))
    assert a.outcome == "time_barred_unless_stopped" and "last_day" in a.depends_on
    assert not any("after the period" in n for n in a.notes)
