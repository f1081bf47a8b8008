"""Amnesty laws and whether one reaches an assessed act.

The laws are dated data (``data/amnesties.toml``, format in ``docs/data-format.md``), read by
:mod:`kzspeechlaw.law.amnesty_data` (:func:`load`, :func:`amnesties`) into the records of
:mod:`kzspeechlaw.law.amnesty_laws` (:class:`Amnesty` and its parts).
:func:`findings` says, for the provision that governs an act, which amnesties in force on the
decision date reach it, by which rule, what excludes it, and which conditions the facts leave
open; :func:`releasing` picks the one that decides the outcome; :func:`explain` words them;
:func:`administrative_release` reads the administrative chapters.

>>> import datetime as dt
>>> from kzspeechlaw.law.loader import law
>>> insult = law().provision(Ref("CC2014", "131", part=2), dt.date(2025, 9, 1))
>>> [(f.amnesty.id, f.status.value) for f in findings(insult, dt.date(2025, 9, 1), dt.date(2026, 9, 1))]
[('329-VIII', 'released')]
"""

from __future__ import annotations

from kzspeechlaw.law.amnesty_data import amnesties, load
from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW, Amnesty
from kzspeechlaw.reasoning.amnesty.administrative import administrative_release
from kzspeechlaw.reasoning.amnesty.explanation import explain, later
from kzspeechlaw.reasoning.amnesty.reach import (
    NO_FACTS,
    Facts,
    Finding,
    Status,
    committed_part,
    facts_of,
    findings,
    later_findings,
    released,
    releasing,
)
from kzspeechlaw.refs import Ref

__all__ = [
    "CAVEAT_WINDOW",
    "NO_FACTS",
    "Amnesty",
    "Facts",
    "Finding",
    "Ref",
    "Status",
    "administrative_release",
    "amnesties",
    "committed_part",
    "explain",
    "facts_of",
    "findings",
    "later",
    "later_findings",
    "load",
    "released",
    "releasing",
]
