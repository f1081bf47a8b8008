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
_RULE = re.compile(r"по истечении (\S+) (календарных дней|месяцев) после дня его первого официального опубликования")


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
