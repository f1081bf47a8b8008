"""Remembered answers are pure functions of their keys (:mod:`kzspeechlaw.memo`): an incident's
assessment is the same whatever was assessed before it in the process.

The facts of a register's rows differ by a cell or two, on the same dates; a memo keyed by less
than its answer reads gives the later row the earlier row's answer. CC 2014 Art. 131 is insult,
Art. 378 insult of a representative of authority in connection with the performance of duties:
an act of 2013 under the 1997 Code, decided in 2018, falls under the part of the 2014 Code that
its own facts satisfy.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import os
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_keyed_batch import SPOKEN, facts

from kzspeechlaw.errors import LawError
from kzspeechlaw.law.loader import law
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning import amnesty, penalties
from kzspeechlaw.reasoning.assessment import assess, law_answer
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.time_rules import index

EXAMPLES = settings(max_examples=int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or 60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
"""The examples of each property (more with ``KZSPEECHLAW_FUZZ_EXAMPLES``)."""

ACTS = st.one_of(st.dates(dt.date(2010, 1, 1), dt.date(2014, 12, 31)), st.dates(dt.date(1998, 1, 1), dt.date(2024, 12, 31)))
"""Act dates, often before the 2014 Code (the part of the new code is then found from the facts)."""


def forget() -> None:
    """Every remembered answer of the process dropped (as in a fresh process)."""
    for obj in gc.get_objects():
        if isinstance(obj, Memo):
            obj._known.clear()
        elif isinstance(obj, functools._lru_cache_wrapper) and obj.__module__.startswith("kzspeechlaw.reasoning"):
            obj.cache_clear()


def record(cells: dict[str, Any], decided: dt.date) -> str:
    return json.dumps(assess(Incident.from_dict(cells), decided_on=decided).to_dict(), ensure_ascii=False,
                      sort_keys=True, default=str)


def test_the_route_reads_the_facts_of_its_own_incident() -> None:
    plain = {"act_date": "2013-07-02", "conduct": "insult"}
    official = {**plain, "target": "authority_representative", "in_connection_with_duties": True}
    decided = dt.date(2018, 7, 1)
    forget()
    alone = record(plain, decided)
    forget()
    record(official, decided)
    after = record(plain, decided)
    assert after == alone
    assert "CC2014 131(1)" in after and "CC2014 378(1)" not in after


@EXAMPLES
@given(st.one_of(st.sampled_from(SPOKEN), facts()), facts(),
       ACTS,
       st.integers(0, 4000))
def test_an_assessment_does_not_depend_on_the_one_before(cells: dict[str, str], more: dict[str, str],
                                                          act: dt.date, days: int) -> None:
    """An incident assessed after another of the same conduct and dates, with other facts as well,
    gives the record it gives in a fresh process (acts before the 2014 Code often: the part of
    the new code is found from the facts)."""
    first = {**more, **cells, "act_date": act.isoformat()}
    second = {**cells, "act_date": act.isoformat()}
    decided = act + dt.timedelta(days=days)
    try:
        forget()
        alone = record(second, decided)
        forget()
        record(first, decided)
    except LawError:
        assume(False)
    assert record(second, decided) == alone


@EXAMPLES
@given(st.one_of(st.sampled_from(SPOKEN), facts()), st.sampled_from(index().days), st.booleans(),
       st.integers(0, 60), st.integers(0, 60), st.integers(0, 3000))
def test_an_assessment_does_not_depend_on_one_across_a_change_day(cells: dict[str, str], day: dt.date, act_side: bool,
                                                                   before: int, after: int, later: int) -> None:
    """Two incidents of the same facts on either side of a day of the time index (the act dates, or
    the decision dates), each assessed after the other, give the records they give in a fresh
    process: a memo keyed by a date's period must hold every day on which its answer may change
    (e.g. the general part's rules of the code for the sanctions, the amnesties' days for what an
    amnesty does)."""
    if act_side:
        early = (day - dt.timedelta(days=1 + before), day + dt.timedelta(days=after + later))
        late = (day + dt.timedelta(days=after), early[1])
    else:
        act = day - dt.timedelta(days=1 + before + later)
        early, late = (act, day - dt.timedelta(days=1)), (act, day + dt.timedelta(days=after))
    dated = [({**cells, "act_date": a.isoformat()}, d) for a, d in (early, late)]
    try:
        forget()
        alone = [record(*dated[0]), ""]
        forget()
        alone[1] = record(*dated[1])
    except (LawError, OverflowError):
        assume(False)
    for first, second in ((0, 1), (1, 0)):
        forget()
        record(*dated[first])
        assert record(*dated[second]) == alone[second]


@EXAMPLES
@given(st.one_of(st.sampled_from(SPOKEN), facts()),
       ACTS,
       st.integers(0, 4000))
def test_the_law_answer_is_the_assessment_before_limitation_and_amnesty(cells: dict[str, str], act: dt.date,
                                                                         days: int) -> None:
    """:func:`law_answer` (what the notes on an inferred in-force date compare) gives the governing
    part and its sanctions that :func:`assess` gives, or, where no part governs, its outcome."""
    try:
        incident = Incident.from_dict({**cells, "act_date": act.isoformat()})
        a = assess(incident, act + dt.timedelta(days=days))
    except LawError:
        assume(False)
    found = law_answer(incident, a.decided_on)
    assert (found.governing, found.statutory) == (a.governing, a.statutory)
    assert found.outcome is (None if a.governing is not None else a.outcome)


def _found_afresh(compute: Callable[..., object], calls: Sequence[tuple[Any, ...]], *memos: Memo) -> None:
    """Each of ``calls`` answered with every earlier answer remembered (none forgotten: a key too
    coarse serves a call another's answer) is what it gives with ``memos`` emptied first."""
    warm = [compute(*call) for call in calls]
    for call, found in zip(calls, warm, strict=True):
        for memo in memos:
            memo._known.clear()
        assert compute(*call) == found, call


def _around(days: Sequence[dt.date]) -> list[dt.date]:
    return [d + dt.timedelta(days=shift) for d in days for shift in (-1, 0)]


REFS = {"CC2014 174(1)", "CC2014 274(2)", "CC2014 130(2)", "CC2014 131(1)", "CC1997 164(1)", "CC1997 129(1)",
        "CC1997 129(2)", "AOC2014 73-3(1)", "AOC2014 453(2)", "AOC2014 456-2(1)"}
"""Parts of each code whose sanctions and amnesties the remembered answers are checked on."""


def test_the_sanctions_remembered_are_those_computed_for_each_day() -> None:
    """The sanctions of a version as assessed (:func:`~kzspeechlaw.reasoning.penalties.for_subject`,
    remembered by periods of the general part of its code) are, on either side of every day of the
    time index, those computed afresh (the floors of CC 1997 Art. 45 from 1998, the suspensions of
    CC 2014 Art. 467 and the 1997 Code's commencement law)."""
    mci_day = dt.date(2020, 1, 1)
    versions = [v for ref, vs in law().versions.items() if str(ref) in REFS for v in vs]
    assert len({str(v.ref) for v in versions}) == len(REFS)
    calls = [(p, subject, act, mci_day, act + dt.timedelta(days=days), act) for p in versions
             for subject in ("natural_person", "legal_entity") for act in _around(index().days) for days in (0, 700)]
    _found_afresh(penalties.for_subject, calls, penalties._PENALTIES)


def test_what_an_amnesty_does_remembered_is_what_is_found_for_each_day() -> None:
    """What the amnesties do for an act (:func:`~kzspeechlaw.reasoning.amnesty.findings`, remembered
    by the amnesties' days) is, on either side of every day of the time index, what is found afresh."""
    from kzspeechlaw.reasoning.amnesty import reach

    decisions = [d for d in _around(index().days) if d.year >= 2011]
    versions = [v for ref, vs in law().versions.items() if str(ref) in REFS and ref.code != "AOC2014" for v in vs]
    calls = [(p, act, decided) for p in versions
             for act in _around(index().days) if dt.date(2009, 1, 1) <= act <= dt.date(2026, 12, 31)
             for decided in decisions[::8] if decided >= act]
    _found_afresh(lambda *call: (amnesty.findings(*call), amnesty.released(*call)), calls, reach._FINDINGS,
                  reach._RELEASED)


def test_the_limitation_rules_remembered_are_those_found_for_each_day() -> None:
    """The limitation rules compared between an act and a decision (remembered by the days a version
    or a limitation rule changes, or a code is replaced) are, on either side of every day of the time
    index for the act and for the decision, those found afresh."""
    from kzspeechlaw.reasoning import limitation

    days = _around(index().days)
    calls = []
    for cells in SPOKEN:
        for act in days[::2] + days[1::6]:
            try:
                incident = Incident.from_dict({**cells, "act_date": act.isoformat()})
                a = assess(incident, act)
            except LawError:
                continue
            if a.governing is not None:
                calls += [(a.governing, incident, decided) for decided in days[::3] if decided >= act]
    _found_afresh(limitation.for_act, calls, limitation._LATER_LIMITATION_RULES)


def test_the_routes_remembered_are_those_found_for_each_day() -> None:
    """The route to the governing law (remembered by the days a version or a general-part rule
    changes, or a code starts or ends) is, on either side of every day of the time index for the act
    and for the decision, the one found afresh."""
    from kzspeechlaw.reasoning import route
    from kzspeechlaw.reasoning.classification import matching_parts  # what the route reads (any day)

    days = _around(index().days)
    calls = []
    for cells in [*SPOKEN, {"conduct": "insult", "target": "judge", "in_connection_with_duties": "yes"},
                  {"conduct": "slander", "allegation": "grave_crime", "channel": "mass_media"}]:
        for act in days[::2] + days[1::6]:
            try:
                incident = Incident.from_dict({**cells, "act_date": act.isoformat()})
            except LawError:
                continue
            matches = matching_parts(incident)
            if matches:
                calls += [(matches, incident, decided) for decided in days[::3] if decided >= act]
    _found_afresh(route.find, calls, route._ROUTES)


def _assessed_calls(cells_list: Sequence[dict[str, Any]], acts: Sequence[dt.date], decisions: Sequence[dt.date],
                    ) -> list[tuple[Any, ...]]:
    """The incidents of ``cells_list`` with each act date, assessed on each decision date after it:
    ``(assessment, incident)`` where a part governs."""
    found = []
    for cells in cells_list:
        for act in acts:
            try:
                incident = Incident.from_dict({**cells, "act_date": act.isoformat()})
            except LawError:
                continue
            for decided in decisions:
                if decided >= act:
                    a = assess(incident, decided)
                    if a.governing is not None:
                        found.append((a, incident))
    return found


SENTENCED = [*SPOKEN, {"conduct": "slander", "allegation": "grave_crime", "channel": "mass_media", "mitigating": "yes",
                       "aggravating": "no", "procedure": "ordinary", "stage": "completed"},
             {"conduct": "insult", "target": "judge", "in_connection_with_duties": "yes", "stage": "attempt"},
             {"conduct": "false_information", "channel": "telecom_network", "circumstances": "emergency",
              "procedure": "plea_agreement"}]
"""Incidents with the sentencing facts the imposable ranges read stated, and without them."""


def test_the_imposable_ranges_remembered_are_those_computed_for_each_day() -> None:
    """The ranges a court may impose (:func:`~kzspeechlaw.reasoning.penalties.imposable`, remembered
    by the days of :func:`~kzspeechlaw.reasoning.time_rules.ranges_index`: the general-part and
    sentencing rules of the code, and the days a version of a part of the article starts or ends)
    are, on either side of every day of the time index for the act and for the decision, those
    computed afresh."""
    days = _around(index().days)
    calls = [(a.governing, a.statutory, incident, a.general_day or incident.act_date, a.decided_on)
             for a, incident in _assessed_calls(SENTENCED, days[::5] + days[1::7], days)]
    assert len(calls) > 2000
    _found_afresh(penalties.imposable, calls, penalties._IMPOSABLE)


def test_the_later_amnesties_remembered_are_those_found_for_each_day() -> None:
    """What an amnesty entering into force after the decision does for a person convicted then
    (:func:`~kzspeechlaw.reasoning.amnesty.later_findings`, remembered by the amnesties' days) and
    its notes are, on either side of every day of the time index, what is found afresh."""
    from kzspeechlaw.reasoning.amnesty import explanation, reach

    decisions = [d for d in _around(index().days) if d.year >= 2011]
    versions = [v for ref, vs in law().versions.items() if str(ref) in REFS and ref.code != "AOC2014" for v in vs]
    some = (reach.Facts(damage_settled=True, criminal_group=False, concurrence=False), reach.Facts(criminal_group=True))
    committed = [v for ref, vs in law().versions.items() if str(ref) == "CC1997 164(1)" for v in vs]
    acts = [act for act in _around(index().days) if dt.date(2009, 1, 1) <= act <= dt.date(2026, 12, 31)]
    calls = [(p, act, decided) for p in versions for act in acts for decided in decisions[::8] if decided >= act]
    calls += [(p, act, decided, facts, part) for p in versions for act in acts[::3]
              for decided in decisions[::16] if decided >= act
              for facts, part in (*((f, None) for f in some), (None, committed[-1]))]
    assert sum(1 for call in calls if amnesty.later_findings(*call)) > 100
    _found_afresh(lambda *call: (found := amnesty.later_findings(*call), amnesty.later(found)), calls, reach._LATER,
                  explanation._LATER_NOTES)


@EXAMPLES
@given(st.one_of(st.sampled_from(SENTENCED), facts()),
       ACTS,
       st.integers(0, 4000))
def test_the_notes_are_the_same_whether_depends_on_was_read_first(cells: dict[str, str], act: dt.date,
                                                                   days: int) -> None:
    """An assessment's notes reuse the assessments with a fact stated otherwise that its
    ``depends_on`` made: they are the notes of an assessment whose ``depends_on`` was never read."""
    try:
        incident = Incident.from_dict({**cells, "act_date": act.isoformat()})
        fresh = assess(incident, act + dt.timedelta(days=days))
        read = assess(incident, act + dt.timedelta(days=days))
        opened = read.depends_on
    except LawError:
        assume(False)
    assert (fresh.notes, fresh.trace) == (read.notes, read.trace)
    assert fresh.depends_on == opened
    # and the notes of the reasoning that remembers nothing: each incident with a fact stated
    # otherwise assessed afresh
    from kzspeechlaw.reasoning.assessment import _reason
    from kzspeechlaw.reasoning.explanation import Say, in_force_notes

    say = Say()
    _reason(incident, read.decided_on, say)
    in_force_notes(say, incident, read.decided_on, law_answer, read)
    assert (read.notes, read.trace) == (tuple(say.notes), tuple(say.trace))
