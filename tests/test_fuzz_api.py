"""Fuzzing the public API: every function, given anything, returns or raises a LawError.

Arbitrary JSON-like values (with NaN, infinities, integers beyond Python's digit limit, lone
surrogates), dates from ``date.min`` to ``date.max``, naive and aware datetimes, objects of no
known type, and near-miss citations and incidents go through ``kz.ref``, ``kz.provision``,
``kz.history``, ``kz.in_force``, ``kz.compare``, ``kz.mci``, ``kz.to_tenge``, ``kz.Ref``,
``kz.Incident`` and ``Incident.from_dict``, ``kz.classify``, ``kz.assess`` and ``kz.assess_many``
(which never raises: one result per item, each strict JSON). Each call must also finish within a
generous time bound (seconds, not microseconds: no flaky timing).

The example budget is the hypothesis profile's (``tests/conftest.py``: the derandomized ``ci``
profile in CI, 200 examples a test, well under a minute for the module). For a longer search run
locally, set ``KZSPEECHLAW_FUZZ_EXAMPLES``::

    KZSPEECHLAW_FUZZ_EXAMPLES=20000 PYTHONPATH=$PWD python -m pytest -q tests/test_fuzz_api.py
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw import dates, refs
from kzspeechlaw.law import facts
from kzspeechlaw.reasoning.fields import FIELDS

_BUDGET = os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES")
fuzz = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    **({"max_examples": int(_BUDGET)} if _BUDGET else {}),
)

SECONDS = 5.0
"""The most one call may take (a linear parse of the largest input here takes milliseconds)."""


def returns_or_raises_law_error(call: Callable[[], Any]) -> Any:
    """Run ``call``: it must return or raise a LawError, within :data:`SECONDS`."""
    started = time.perf_counter()
    try:
        result = call()
    except kz.LawError:
        result = None
    assert time.perf_counter() - started < SECONDS
    return result


# --- strategies -----------------------------------------------------------------------------------

# Integers beyond Python's digit limit for text (4300 digits), built from small choices.
HUGE = st.builds(lambda digits, sign: sign * 10**digits, st.integers(4300, 4400), st.sampled_from([1, -1]))
SCALARS = (
    st.none() | st.booleans() | st.integers() | HUGE
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text() | st.sampled_from(["\ud800", "a\udfffb", "", " ", "NaN", "Infinity", "\u2028", "\x00"])
)
JSON_LIKE = st.recursive(
    SCALARS, lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
OFFSETS = st.builds(dt.timezone, st.timedeltas(min_value=-dt.timedelta(hours=23, minutes=59),
                                               max_value=dt.timedelta(hours=23, minutes=59)))
DATES = st.dates()  # date.min .. date.max
DATETIMES = st.datetimes(timezones=st.none() | st.timezones() | OFFSETS)
LIKELY_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2110, 12, 31))
DATE_TEXTS = (DATES | LIKELY_DATES).map(dt.date.isoformat) | st.from_regex(r"\A\s?[0-9]{4}-[0-9]{2}-[0-9]{2}\s?\Z")
OBJECTS = st.builds(object) | st.binary(max_size=8) | st.sets(st.integers(), max_size=3) | st.just(math.pi) \
    | st.tuples(st.integers(), st.text(max_size=3)) | st.complex_numbers()
ANYTHING = JSON_LIKE | DATES | DATETIMES | OBJECTS
DAYS = DATES | LIKELY_DATES | DATETIMES | DATE_TEXTS | ANYTHING | st.integers(1, 200_000).map(lambda n: " " * n + "2020-01-01")

_PIECES = ["CC2014", "CC1997", "AOC2014", "CC", "УК", "РК", "КоАП", "ҚК", "ӘҚБтК", "ч.", "ст.", "п.", "части", "статьи",
           "Art.", "Article", "of the", "Criminal Code", "130", "174", "274", "73-3", "(", ")", "(3)", "(4)(2)", "-бабы",
           "-бөлігі", "-тармағы", "1997", "2014", "года", " ", ",", ".", "№", "—", "\u00a0", "9" * 60, "0", "-"]
# Long texts built from small choices: a piece repeated up to 200,000 times, between two others.
LONG_TEXTS = st.builds(lambda a, piece, n, b: a + piece * n + b, st.sampled_from(_PIECES), st.sampled_from(_PIECES),
                       st.integers(1, 200_000), st.sampled_from(_PIECES))
CITATIONS = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join) | LONG_TEXTS | st.text() | ANYTHING
CODES = st.sampled_from([*refs.CODES, "XX", "", None]) | ANYTHING


def _field_values(field: str) -> st.SearchStrategy[Any]:
    enum_field = "circumstance" if field == "circumstances" else field
    if field in ("act_date", "proceedings_date", "referred_on", "evaded_from", "evaded_until"):
        return DAYS
    if field in ("in_connection_with_duties", "knowing_and_dangerous", "reconciled", "harm_compensated", "complaint",
                 "pregnant", "young_children"):
        return st.none() | st.booleans() | st.sampled_from(["yes", "no", "true", "false", ""]) | ANYTHING
    if field in ("mitigating", "aggravating", "stage", "procedure"):
        return st.none() | st.booleans() | st.sampled_from(["yes", "no", "repentance", "attempt", "preparation",
                                                            "completed", "ordinary", "accelerated", "order",
                                                            "plea_agreement", "repentance;hardship"]) | ANYTHING
    if field == "aggregate":
        return st.none() | st.sampled_from(["none", "criminal_misdemeanour", "grave", "especially_grave",
                                            "administrative_offence", "medium_gravity", "several", ""]) | ANYTHING
    values = [m.value for m in facts.FIELDS[enum_field]]
    members = st.sampled_from(values)
    if field in ("discord", "circumstances"):
        return (st.lists(members, max_size=3) | st.dictionaries(members, st.booleans() | SCALARS, max_size=3)
                | st.lists(members, max_size=3).map(";".join) | ANYTHING)
    return members | ANYTHING | st.builds(lambda m, n: f"{m};" * n, members, st.integers(1, 100_000))


INCIDENT_DICTS = st.fixed_dictionaries(
    {"act_date": DAYS, "conduct": _field_values("conduct")},
    optional={f: _field_values(f) for f in FIELDS if f not in ("act_date", "conduct")},
) | st.dictionaries(st.sampled_from([*FIELDS, "id", "decided_on"]) | st.text(max_size=6) | st.integers(), ANYTHING,
                    max_size=5) | ANYTHING


@st.composite
def plausible_incidents(draw: st.DrawFn) -> kz.Incident:
    """Valid incidents across the range of dates the library assesses (others are refused)."""
    conduct = draw(st.sampled_from(list(facts.Conduct)))
    discord = draw(st.sets(st.sampled_from(list(facts.Discord)), min_size=1, max_size=2)) \
        if conduct is facts.Conduct.INCITEMENT_OF_DISCORD else set()
    act = draw(st.dates(dates.FIRST_DAY, dates.LAST_DAY) | LIKELY_DATES.filter(
        lambda d: dates.FIRST_DAY <= d <= dates.LAST_DAY))
    try:
        return kz.Incident(
            act_date=act, conduct=conduct, channel=draw(st.none() | st.sampled_from(list(facts.Channel))),
            target=draw(st.sampled_from(list(facts.Target))), discord=discord,
            allegation=draw(st.sampled_from(list(facts.Allegation))) if conduct is facts.Conduct.SLANDER else None,
            circumstances=draw(st.sets(st.sampled_from(list(facts.Circumstance)), max_size=3)),
            offender=draw(st.sampled_from(list(facts.Offender))),
        )
    except kz.InvalidIncident:  # contradictory facts (a private act at a public event)
        return kz.Incident(act_date=act, conduct="slander")


INCIDENTS = plausible_incidents() | INCIDENT_DICTS.map(lambda d: returns_or_raises_law_error(lambda: kz.Incident.from_dict(d)))


# --- the properties -------------------------------------------------------------------------------


@fuzz
@given(CITATIONS, st.none() | DAYS)
def test_ref(text: Any, on: Any) -> None:
    returns_or_raises_law_error(lambda: kz.ref(text, on=on))


@fuzz
@given(CITATIONS, DAYS)
def test_provision(text: Any, on: Any) -> None:
    returns_or_raises_law_error(lambda: kz.provision(text, on))


@fuzz
@given(CITATIONS)
def test_history(text: Any) -> None:
    returns_or_raises_law_error(lambda: kz.history(text))


@fuzz
@given(DAYS, st.none() | CODES)
def test_in_force(on: Any, code: Any) -> None:
    returns_or_raises_law_error(lambda: kz.in_force(on, code=code))


@fuzz
@given(CITATIONS, DAYS, DAYS)
def test_compare(text: Any, before: Any, after: Any) -> None:
    returns_or_raises_law_error(lambda: kz.compare(text, before, after))


@fuzz
@given(DAYS, st.sampled_from(["fines", "benefits"]) | ANYTHING)
def test_mci(on: Any, purpose: Any) -> None:
    returns_or_raises_law_error(lambda: kz.mci(on, purpose=purpose))


@fuzz
@given(st.integers() | st.floats(allow_nan=True, allow_infinity=True) | HUGE, st.sampled_from(["MCI", "KZT", "year"]),
       DAYS, st.booleans(), ANYTHING)
def test_to_tenge(magnitude: Any, unit: str, on: Any, quantity: bool, other: Any) -> None:
    amount = kz.ureg.Quantity(magnitude, unit) if quantity else other
    returns_or_raises_law_error(lambda: kz.to_tenge(amount, on))


@fuzz
@given(st.sampled_from([*refs.CODES, "XX"]) | ANYTHING, st.from_regex(r"\A[0-9]{1,6}(-[0-9]{1,6})?\Z") | ANYTHING,
       st.none() | st.integers() | HUGE | ANYTHING, st.none() | st.integers() | ANYTHING)
def test_ref_class(code: Any, article: Any, part: Any, clause: Any) -> None:
    ref = returns_or_raises_law_error(lambda: kz.Ref(code, article, part=part, clause=clause))
    if ref is not None:
        assert kz.ref(str(ref)) == ref  # what the class accepts, the parser reads back


@fuzz
@given(INCIDENT_DICTS)
def test_incident_from_dict(data: Any) -> None:
    incident = returns_or_raises_law_error(lambda: kz.Incident.from_dict(data))
    if incident is not None:
        assert kz.Incident.from_dict(incident.to_dict()) == incident


@fuzz
@given(st.dictionaries(st.sampled_from(FIELDS), ANYTHING | DAYS, max_size=len(FIELDS)))
def test_incident(kwargs: dict[str, Any]) -> None:
    returns_or_raises_law_error(lambda: kz.Incident(**kwargs))


@fuzz
@given(INCIDENTS | ANYTHING, st.none() | DAYS)
def test_classify(incident: Any, on: Any) -> None:
    returns_or_raises_law_error(lambda: kz.classify(incident, on=on))


@fuzz
@given(INCIDENTS | ANYTHING, DAYS)
def test_assess(incident: Any, decided_on: Any) -> None:
    assessment = returns_or_raises_law_error(lambda: kz.assess(incident, decided_on))
    if assessment is not None:
        assert json.loads(assessment.to_json())["outcome"] == assessment.outcome
        assert assessment.notes is not None and assessment.trace


def _strict(text: str) -> Any:
    text.encode("utf-8")

    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    return json.loads(text, parse_constant=refuse)


@fuzz
@given(st.lists(plausible_incidents() | INCIDENT_DICTS | st.fixed_dictionaries(
    {"act_date": DAYS, "conduct": _field_values("conduct")},
    optional={"id": ANYTHING, "decided_on": DAYS, "channel": _field_values("channel")}), max_size=5),
    st.none() | DAYS)
def test_assess_many(items: list[Any], decided_on: Any) -> None:
    def run() -> list[Any]:
        return list(kz.assess_many(items, decided_on=decided_on))

    # The default decision date is checked at the call; every item then gives one result.
    results = returns_or_raises_law_error(run)
    if results is None:
        return
    assert [r.row for r in results] == list(range(1, len(items) + 1))
    for result in results:
        assert result.ok == (result.error is None)
        _strict(result.to_json())
        _strict(result.to_json(brief=True))
