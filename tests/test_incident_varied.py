"""``Incident.varied`` gives what :func:`attrs.evolve` gives: the same incident, or the same error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_keyed_batch import SPOKEN, facts

from kzspeechlaw.errors import LawError
from kzspeechlaw.reasoning.incident import Incident

CHANGES = st.dictionaries(st.sampled_from(["act_date", "channel", "target", "allegation", "offender", "discord",
                                           "circumstances", "in_connection_with_duties", "knowing_and_dangerous",
                                           "proceedings_date", "mitigating"]),
                          st.one_of(st.none(), st.sampled_from(["mass_media", "private", "judge", "crime", "national",
                                                                "legal_entity", "small_business", "emergency",
                                                                "yes", "no", "minor", "2019-05-01", "bogus"]),
                                    st.booleans(), st.dates(dt.date(2010, 1, 1), dt.date(2024, 12, 31))),
                          max_size=3)


def _outcome(make: Any) -> tuple[str, Any]:
    try:
        made = make()
    except (LawError, TypeError, ValueError) as error:
        return type(error).__name__, str(error)
    return "ok", (made, made.to_dict(), made.facts)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.sampled_from(SPOKEN), facts()), st.dates(dt.date(2010, 1, 1), dt.date(2024, 12, 31)), CHANGES)
def test_varied_is_evolve(cells: dict[str, str], act: dt.date, changes: dict[str, Any]) -> None:
    try:
        incident = Incident.from_dict({**cells, "act_date": act.isoformat()})
    except LawError:
        assume(False)
    assert _outcome(lambda: incident.varied(**changes)) == _outcome(lambda: attrs.evolve(incident, **changes))


def test_an_unknown_field_is_refused() -> None:
    incident = Incident(act_date="2020-01-01", conduct="insult")
    try:
        incident.varied(colour="red")
    except TypeError as error:
        assert "colour" in str(error)
    else:
        raise AssertionError("an unknown field was taken")
