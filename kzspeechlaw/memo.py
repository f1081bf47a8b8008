"""Answers remembered by the identity of the immutable data records they were computed from.

Versions, sanctions and general-part rules are immutable but not cheaply hashable (titles are
dicts, amounts pint quantities), so a key is made of their ids plus any plain values. A memo keeps
the records of each key alive, so no other object can take one of those ids while the answer is
remembered. Every remembered answer must be a pure function of its key: remembering then changes
no result, only the time it takes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """A table of remembered answers; ``maxsize`` bounds it (it is emptied when full), for keys
    made of records created per call rather than loaded once."""

    def __init__(self, maxsize: int | None = None) -> None:
        self._known: dict[tuple[Any, ...], tuple[tuple[object, ...], Any]] = {}
        self._maxsize = maxsize

    def get(self, key: tuple[Any, ...], records: tuple[object, ...], compute: Callable[[], T]) -> T:
        """The answer for ``key`` (the ids of ``records``, then plain values), computed once."""
        known = self._known.get(key)
        if known is None:
            if self._maxsize is not None and len(self._known) >= self._maxsize:
                self._known.clear()
            known = self._known[key] = (records, compute())
        answer: T = known[1]
        return answer
