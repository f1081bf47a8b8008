"""The limitation rules by date and the milder of them (CC 2014 Arts. 6(1), 71; CC 1997 Art. 69).

Expected values are read in the statute texts (kazakhstan-law/codes):

- CC 1997 Art. 69, 08.07.2005 text (commit 08c51aaef6aba738ebafa5f58455ecba645af98a): 69(1)(в) «десять
  лет … тяжкого», (г) «пятнадцать лет … особо тяжкого»; 69(3) «прошло двадцать пять лет»;
- 26.03.2007 text (commit e2e334cedcdcd8b1c1a9d007f79b10035d2f5283, Law 210): «пятнадцать» and
  «двадцать»; the data applies them from 2007-03-26;
- 18.01.2011 and final 01.01.2015 texts (commits 7a594e4df1d5e5a79839839d74e6bf48e26359e1,
  8c7ac3b33b5056fc818e6094307a49ddc6124385, Law 393-IV, from 2011-01-29 in the data): 69(3) «а) десять
  лет … небольшой тяжести; б) пятнадцать … средней; в) двадцать … тяжкого; г) двадцать пять … особо
  тяжкого»; the final 69(6) (Law 490-IV, from 2011-11-20) adds especially grave crimes against the
  person, the constitutional order and state security, in the economic sphere, against public safety;
- CC 2014 Art. 71 original wording, 09.04.2016 text (commit 026bf5607328af3969f8b7e9fdea1211263229cf):
  71(1)(4) «пятнадцать лет … тяжкого», (5) «двадцать лет … особо тяжкого»; 71(4) «десять …
  пятнадцать … двадцать … двадцать пять лет», interrupted by «новое умышленное преступление»;
  71(6) also «коррупционные преступления» and «в сфере экономической деятельности»;
- as worded by Law 180-VI (12.07.2018 text, from 2018-07-23 in the data): 71(1)(4) «десять лет»,
  (5) «пятнадцать лет»; 71(4) «пять … десять … пятнадцать … двадцать лет»; interrupted by «новое
  тяжкое или особо тяжкое преступление».
"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzspeechlaw.law import general_part
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.units import amount

D = dt.date
DAY = dt.timedelta(days=1)


def years(n: int) -> object:
    return amount(f"{n} year")


# (code, applies_to, split day, (period, max) the day before, (period, max) on the day)
SPLITS = [
    ("CC1997", "grave", D(2007, 3, 26), (10, 25), (15, 25)),
    ("CC1997", "especially_grave", D(2007, 3, 26), (15, 25), (20, 25)),
    ("CC1997", "small_gravity", D(2011, 1, 29), (2, 25), (2, 10)),
    ("CC1997", "medium_gravity", D(2011, 1, 29), (5, 25), (5, 15)),
    ("CC1997", "grave", D(2011, 1, 29), (15, 25), (15, 20)),
    ("CC1997", "especially_grave", D(2011, 1, 29), (20, 25), (20, 25)),
    ("CC2014", "small_gravity", D(2018, 7, 23), (2, 10), (2, 5)),
    ("CC2014", "medium_gravity", D(2018, 7, 23), (5, 15), (5, 10)),
    ("CC2014", "grave", D(2018, 7, 23), (15, 20), (10, 15)),
    ("CC2014", "especially_grave", D(2018, 7, 23), (20, 25), (15, 20)),
]


@pytest.mark.parametrize(("code", "applies_to", "day", "before", "after"), SPLITS)
def test_both_sides_of_each_split(code: str, applies_to: str, day: dt.date,
                                  before: tuple[int, int], after: tuple[int, int]) -> None:
    for on, (period, outer) in ((day - DAY, before), (day, after)):
        rule = general_part.find("limitation", code, applies_to, on=on)
        assert rule is not None
        assert (rule.period, rule.maximum) == (years(period), years(outer)), on


def test_the_1997_code_ends_on_2015_01_01() -> None:
    assert general_part.find("limitation", "CC1997", "grave", on=D(2014, 12, 31)) is not None
    assert general_part.find("limitation", "CC1997", "grave", on=D(2015, 1, 1)) is None


def test_the_texts_change_where_the_rules_do() -> None:
    def text(table: str, *key: str, on: dt.date) -> str:
        rule = general_part.find(table, *key, on=on)
        assert rule is not None
        return rule.text

    assert "прошло двадцать пять лет" in text("rule", "CC1997", "limitation_evasion", on=D(2011, 1, 28))
    assert "а) десять лет" in text("rule", "CC1997", "limitation_evasion", on=D(2011, 1, 29))
    assert "в сфере экономической" not in text("limitation", "CC1997", "CC1997 164", on=D(2011, 11, 19))
    assert "в сфере экономической" in text("limitation", "CC1997", "CC1997 164", on=D(2011, 11, 20))
    assert "коррупционные преступления" in text("limitation", "CC2014", "extremist", on=D(2018, 7, 22))
    assert "коррупционные преступления" not in text("limitation", "CC2014", "extremist", on=D(2018, 7, 23))
    assert "новое умышленное преступление" in text("rule", "CC2014", "limitation_evasion", on=D(2018, 7, 22))
    assert "новое тяжкое или особо тяжкое" in text("rule", "CC2014", "limitation_evasion", on=D(2018, 7, 23))
    assert "1) десять лет" in text("rule", "CC2014", "limitation_evasion", on=D(2018, 7, 22))
    assert "1) пять лет" in text("rule", "CC2014", "limitation_evasion", on=D(2018, 7, 23))


def test_a_misdemeanours_year_is_one_record_read_in_both_wordings() -> None:
    before = general_part.find("limitation", "CC2014", "criminal_misdemeanour", on=D(2018, 7, 22))
    assert before is not None and before.verified and before.period == years(1)
    assert general_part.find("limitation", "CC2014", "criminal_misdemeanour", on=D(2018, 7, 23)) is before


# --- the reproduction: a 2014 act under the 1997 Code, the person evading ----------------------

def false_info_2014() -> Incident:
    """CC 1997 242-1(2), medium gravity; under the 2014 Code CC 2014 274(2), medium gravity."""
    return Incident(act_date=D(2014, 6, 1), conduct="false_information", channel="mass_media",
                    knowing_and_dangerous=True, evaded_from=D(2014, 9, 1))


def test_the_1997_outer_limit_for_medium_gravity_is_fifteen_years() -> None:
    a = assess(false_info_2014(), decided_on=D(2014, 12, 31))  # only the 1997 Code is in force
    assert str(a.governing.ref) == "CC1997 242-1(2)"
    assert (a.outcome, a.limitation.status, a.limitation.expires) == ("liable", "suspended", D(2029, 6, 1))


def test_the_reproduction_is_time_barred() -> None:
    # 69(3)(б): fifteen years, 2029-06-01; CC 2014 71(4)(2) as worded by 180-VI, the milder later
    # law for CC 2014 274(2): ten years, 2024-06-01.
    a = assess(false_info_2014(), decided_on=D(2031, 1, 1))
    assert a.outcome == "time_barred"
    assert (a.limitation.status, a.limitation.expires, a.limitation.certain) == ("expired", D(2024, 6, 1), True)
    assert a.limitation.article.startswith("CC2014 71(1)(3)")
    milder = [s for s in a.trace if s.what.startswith("A later limitation rule is milder")]
    assert len(milder) == 1 and "CC2014 274(2)" in milder[0].what and "6(1)" in milder[0].citation


def test_the_milder_outer_limit_holds_before_it_runs_out() -> None:
    a = assess(false_info_2014(), decided_on=D(2024, 5, 31))
    assert (a.outcome, a.limitation.status, a.limitation.expires) == ("liable", "suspended", D(2024, 6, 1))
    assert "last_day" in assess(false_info_2014(), decided_on=D(2024, 6, 1)).depends_on  # its closing day: open
    assert assess(false_info_2014(), decided_on=D(2024, 6, 2)).outcome == "time_barred"


def test_a_1997_insult_becomes_a_misdemeanour_whose_year_is_never_suspended() -> None:
    # CC 1997 130(2), small gravity (two years, suspended by evasion); the 2014 Code's 131(2) is a
    # criminal misdemeanour: one year, never suspended (CC 2014 Art. 71(1)(1), 71(3)).
    inc = Incident(act_date=D(2014, 6, 1), conduct="insult", channel="mass_media", evaded_from=D(2014, 9, 1))
    assert assess(inc, decided_on=D(2014, 12, 1)).limitation.status == "suspended"
    a = assess(inc, decided_on=D(2015, 7, 1))
    assert (a.outcome, a.limitation.expires) == ("time_barred", D(2015, 6, 1))


# --- a grave crime of 2016 under CC 2014 Art. 71 ----------------------------------------------

def grave_2016(**facts: object) -> Incident:
    """CC 2014 274(4)(2): false information during a state of emergency, grave in 2016 and after."""
    return Incident(act_date=D(2016, 3, 1), conduct="false_information", knowing_and_dangerous=True,
                    circumstances={"emergency"}, **facts)  # type: ignore[arg-type]


def test_a_2016_grave_crime_decided_in_2017_runs_fifteen_years() -> None:
    a = assess(grave_2016(), decided_on=D(2017, 6, 1))
    assert str(a.governing.ref) == "CC2014 274(4)(2)" and a.category.value == "grave"
    assert (a.limitation.status, a.limitation.expires) == ("running", D(2031, 3, 1))  # 71(1)(4), 2015
    assert a.limitation.article.startswith("CC2014 71(1)(4)")
    assert not any("later limitation rule" in s.what for s in a.trace)


@pytest.mark.parametrize(("decided", "expires"), [(D(2018, 7, 22), D(2031, 3, 1)), (D(2018, 7, 23), D(2026, 3, 1)),
                                                  (D(2019, 1, 1), D(2026, 3, 1))])
def test_the_milder_180_vi_period_reaches_a_2016_act(decided: dt.date, expires: dt.date) -> None:
    a = assess(grave_2016(), decided_on=decided)
    assert (a.limitation.status, a.limitation.expires) == ("running", expires)
    later = any(s.what.startswith("A later limitation rule is milder") for s in a.trace)
    assert later == (decided >= D(2018, 7, 23))


def test_the_outer_limit_of_a_2016_grave_crime() -> None:
    evading = grave_2016(evaded_from=D(2016, 6, 1))
    before = assess(evading, decided_on=D(2017, 6, 1))
    assert (before.limitation.status, before.limitation.expires) == ("suspended", D(2036, 3, 1))  # 20 years
    after = assess(evading, decided_on=D(2019, 1, 1))
    assert (after.limitation.status, after.limitation.expires) == ("suspended", D(2031, 3, 1))  # 15 years
    assert any("CC2014 71(4)" in s.citation for s in after.trace)


def test_what_interrupts_follows_the_wording_that_governs() -> None:
    a = assess(grave_2016(), decided_on=D(2031, 3, 1) - DAY)  # the 180-VI wording governs: 10 years
    assert a.outcome == "time_barred_unless_stopped" and "interruption" in a.depends_on and a.limitation.expired and not a.limitation.certain
    assert a.limitation.unless == "a new grave or especially grave crime interrupted the period"


@settings(max_examples=40, deadline=None)
@given(st.dates(D(2014, 9, 1), D(2040, 1, 1)), st.dates(D(2014, 9, 1), D(2040, 1, 1)))
def test_a_later_decision_never_meets_a_harsher_limitation(first: dt.date, second: dt.date) -> None:
    # Later rules are only ever taken where milder: the end of the period can only come earlier.
    # (Decisions from the evasion's first day: before it the period runs as though none were stated.)
    early, late = sorted((first, second))
    a, b = (assess(false_info_2014(), decided_on=d).limitation for d in (early, late))
    assert a is not None and b is not None and a.expires is not None and b.expires is not None
    assert b.expires <= a.expires


# --- the 1997 Code's splits seen through an assessment -----------------------------------------

@pytest.mark.parametrize(("act", "expires"), [(D(2007, 3, 25), D(2017, 3, 25)), (D(2007, 3, 26), D(2022, 3, 26))])
def test_law_210_lengthened_the_grave_period(act: dt.date, expires: dt.date) -> None:
    # CC 1997 233-1(2), grave: ten years before Law 210 (the data's 2007-03-26), fifteen from it;
    # the longer period does not reach earlier acts.
    a = assess(Incident(act_date=act, conduct="terrorism_propaganda", channel="mass_media"), decided_on=D(2012, 1, 1))
    assert str(a.governing.ref) == "CC1997 233-1(2)"
    assert (a.limitation.status, a.limitation.expires) == ("running", expires)
    assert a.limitation.article.startswith("CC1997 69(1)(в)")


def test_an_expired_1997_grave_period_stays_open_to_an_interruption() -> None:
    a = assess(Incident(act_date=D(2007, 3, 25), conduct="terrorism_propaganda", channel="mass_media"),
               decided_on=D(2017, 3, 26))
    assert a.outcome == "time_barred_unless_stopped" and a.limitation.expired and not a.limitation.certain
    assert a.limitation.unless == "a new intentional crime interrupted the period"


@pytest.mark.parametrize("act", [D(2011, 1, 28), D(2011, 1, 29)])
def test_law_393_iv_outer_limit_reaches_earlier_acts(act: dt.date) -> None:
    # CC 1997 129(2), small gravity: 25 years at most before 393-IV, ten from it; the milder limit
    # reaches the act of the day before (CC 1997 Art. 5(1)).
    inc = Incident(act_date=act, conduct="slander", channel="mass_media", evaded_from=D(2011, 3, 1))
    a = assess(inc, decided_on=D(2012, 1, 1))
    assert (a.limitation.status, a.limitation.expires) == ("suspended", act.replace(year=2021))
    later = [s for s in a.trace if s.what.startswith("A later limitation rule is milder")]
    assert len(later) == (1 if act < D(2011, 1, 29) else 0)


@pytest.mark.parametrize(("act", "status"), [(D(2011, 1, 28), "running"), (D(2011, 1, 29), "none"),
                                             (D(2011, 8, 4), "none")])
def test_propaganda_of_terrorism_loses_its_period_under_the_terrorist_wording(act: dt.date, status: str) -> None:
    # CC 1997 233-1 is a terrorist crime (Art. 233 note 2, already in the 18.01.2011 text); 69(6)
    # exempted terrorist crimes (08.04.2010 and 18.01.2011 texts). The data applies the exemption
    # from 2011-01-29, its boundary of that wording; an earlier act keeps its period (fifteen
    # years, 69(1)(в)). An act of 2011-08-04 was given a period (the exemption began 2011-08-05).
    a = assess(Incident(act_date=act, conduct="terrorism_propaganda", channel="mass_media"), decided_on=D(2020, 1, 1))
    assert str(a.governing.ref) == "CC1997 233-1(2)" and a.limitation.status == status
    if status == "running":
        assert a.limitation.expires == D(2026, 1, 28)


@pytest.mark.parametrize("act", [D(2017, 3, 1), D(2017, 7, 3)])
def test_the_rule_of_the_version_in_force_at_the_act_is_dated_from_the_act(act: dt.date) -> None:
    """CC 2014 Art. 274(3) was grave until Law 180-VI made it of medium gravity from 2018-07-23: an
    act of 2017 decided in 2025 falls under the later version, and the rule of the version in force
    at the act (71(1)(4), fifteen years) is listed as in force from the act, not from whichever day
    of the time index first follows it (an amnesty's entry into force, 2017-06-14, was named for
    the first of these acts, 2018-01-01 for the second)."""
    incident = Incident(act_date=act, conduct="false_information", channel="mass_media",
                        circumstances=["grave_consequences"])
    a = assess(incident, D(2025, 6, 1))
    assert a.governing is not None and str(a.governing.ref) == "CC2014 274(3)"
    said = next(str(s.what) for s in a.trace if "limitation rule of the act's time governs" in str(s.what))
    assert f"15 years from the act, 20 years at most while the person evades, from {act.isoformat()}" in said
    assert "2017-06-14" not in said and "2018-01-01" not in said
    assert "from 2018-07-23" in said  # Law 180-VI's rule for the later version's category
