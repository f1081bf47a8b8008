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
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_keyed_batch import SPOKEN, facts

from kzspeechlaw.errors import LawError
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident


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


@settings(max_examples=int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or 60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.sampled_from(SPOKEN), facts()), facts(),
       st.one_of(st.dates(dt.date(2010, 1, 1), dt.date(2014, 12, 31)), st.dates(dt.date(1998, 1, 1), dt.date(2024, 12, 31))),
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
