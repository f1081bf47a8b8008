"""Answers remembered by value: a table keyed by the hashable values an answer is computed from
(data records hash by value, their hash computed once; dates enter as intervals of the time index).
Every remembered answer must be a pure function of its key: remembering then changes no result,
only the time it takes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """A table of remembered answers; ``maxsize`` bounds it (it is emptied when full), for keys
    made of records created per call rather than loaded once."""

    def __init__(self, maxsize: int | None = None) -> None:
        self._known: dict[Hashable, Any] = {}
        self._maxsize = maxsize

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for ``key``, computed once."""
        try:
            answer: T = self._known[key]
        except KeyError:
            if self._maxsize is not None and len(self._known) >= self._maxsize:
                self._known.clear()
            answer = self._known[key] = compute()
        return answer
