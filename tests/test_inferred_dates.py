"""An in-force date not read is the earliest the law could take effect, so that the answers doubt
the dates after it (the in-force doubt, the caveat notes) and never answer a date before the law's
real day under it with certainty.

The rules are those the laws state: «вводится в действие по истечении шестидесяти (десяти)
календарных дней (шести месяцев) после дня его первого официального опубликования». The earliest
publication is the day of adoption (a law is published after the President signs it, on the day
it bears at the earliest); where the publication was read, the rule counts from it."""

import datetime as dt
import re

import pytest
from dateutil.relativedelta import relativedelta

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess
from kzspeechlaw.law.loader import law

_NUMBERS = {"десяти": 10, "шестидесяти": 60, "двух": 2, "шести": 6}
_RULE = re.compile(r"по истечении (\S+) (календарных дней|месяцев) после (?:дня )?его первого официального опубликования")


def _term(rule: str) -> relativedelta | None:
    found = _RULE.search(rule)
    if found is None:
        return None
    n = _NUMBERS[found.group(1)]
    return relativedelta(days=n) if found.group(2) == "календарных дней" else relativedelta(months=n)


_COUNTED = [a for a in law().acts.values()
            if not a.verified and a.in_force is not None and _term(a.in_force_rule) is not None]


def test_the_rules_counted_are_found() -> None:
    assert {"94-VIII", "95-VIII", "19-VIII", "20-VIII", "187-VII", "127-VI", "257-VIII"} <= {a.id for a in _COUNTED}


@pytest.mark.parametrize("act", _COUNTED, ids=lambda a: a.id)
def test_an_in_force_date_not_read_is_the_earliest_possible(act: kz.Act) -> None:
    """The day after the term counted from the publication (read) or the adoption (earliest)."""
    term = _term(act.in_force_rule)
    assert term is not None
    start = act.published or act.adopted
    assert act.in_force == start + term + dt.timedelta(days=1)


def _disclosure(decided: str) -> kz.Assessment:
    return assess(Incident(act_date="2024-06-01", conduct="disclosure_of_minor_data",  # type: ignore[arg-type]
                           channel="telecom_network", offender="official", proceedings_date="2024-06-01",
                           referred_on="2024-06-01"), decided)


def test_a_decision_on_the_earliest_day_of_law_95_viii_is_not_certain() -> None:
    """Law 19.06.2024 No. 95-VIII (sixty days after publication) restated AOC Art. 451(4) without the
    telecommunication networks: from 19.08.2024 at the earliest. A decision that day was a certain
    'liable' under the old wording (the portal's first version with the law is of 20.08.2024)."""
    assert _disclosure("2024-08-19").outcome is kz.Outcome.OUTSIDE_SCOPE
    assert _disclosure("2024-08-18").outcome is kz.Outcome.LIABLE  # before any day the law could be in force


def test_an_act_on_the_earliest_day_is_weighed_under_both_laws() -> None:
    """Law 03.01.2023 No. 187-VII raised the fine of AOC Art. 434(1) from 5 to 20 MCI, sixty days
    after publication: from 05.03.2023 at the earliest (the portal's first edition with it is of
    07.03.2023). A harsher law has no retroactive force (AOC Art. 5(2)): a fine of 5 MCI for an act
    of 05.03.2023 is lawful if the law took effect later, so the check is not certain."""
    a = assess(Incident(act_date="2023-03-05", conduct="petty_hooliganism", channel="public_speech"), "2023-04-20")
    check = a.check("fine", 5 * kz.ureg.MCI)
    assert check.verdict == "below_minimum" and not check.certain
    assert any("187-VII" in d and "act date" in d for d in check.depends_on)
    assert "in_force" in a.depends_on
    early = assess(Incident(act_date="2023-03-04", conduct="petty_hooliganism", channel="public_speech"), "2023-04-20")
    # certain but for the repetition (AOC 434(2): «совершенные повторно в течение года после наложения
    # административного взыскания»), which the facts leave open
    assert early.check("fine", 5 * kz.ureg.MCI).depends_on == ("repeated",) and "in_force" not in early.depends_on


def test_a_new_offence_on_its_earliest_day_is_not_a_certain_liability() -> None:
    """Law 15.04.2024 No. 73-VIII inserted AOC Art. 127-2 (bullying of a minor), sixty days after
    publication: from 15.06.2024 at the earliest. An act that day may predate the article."""
    a = assess(Incident(act_date="2024-06-15", conduct="bullying_of_minor", channel="telecom_network"), "2024-07-20")
    assert a.outcome is kz.Outcome.LIABLE and "in_force" in a.depends_on
    assert any(n.startswith("Had Laws 72-VIII, 73-VIII taken effect after the act (their in-force date") for n in a.notes)
    later = assess(Incident(act_date="2024-07-20", conduct="bullying_of_minor", channel="telecom_network"),
                   "2024-08-20")
    assert "in_force" not in later.depends_on  # more than a month after the earliest day


def test_a_repeal_on_its_earliest_day_leaves_the_repealed_part_a_candidate() -> None:
    """Law 23-VIII repealed CC 2014 Art. 373 ten days after publication: from 23.07.2023 at the
    earliest. An insult of the First President on 24.07.2023 decided on 26.07.2023 falls under Art.
    131(2) only if the law was in force by the decision; else Art. 373(2) governs."""
    a = assess(Incident(act_date="2023-07-24", conduct="insult", channel="telecom_network",
                        target="first_president"), "2023-07-26")
    assert str(a.governing.ref) == "CC2014 131(2)" and "in_force" in a.depends_on
    assert any(n.startswith("Had Law 23-VIII taken effect after the decision") and "CC2014 373(2)" in n
               for n in a.notes)


def test_a_date_fixed_by_the_law_is_not_doubted() -> None:
    """CC 2014 (Law 226-V) took effect «с 1 января 2015 года» (Art. 467(1)); Laws 231-V and 235-V
    with it on a fixed day, not one counted from their publication."""
    a = assess(Incident(act_date="2014-12-20", conduct="insult", channel="mass_media"), "2015-01-10")
    assert "in_force" not in a.depends_on
