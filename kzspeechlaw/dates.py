"""Dates: accepting them from users (``datetime.date`` or an ISO ``YYYY-MM-DD`` string), and the
days on which dated records change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

from kzspeechlaw.errors import DateError


def as_date(value: dt.date | str, name: str = "date") -> dt.date:
    """Return ``value`` as a date; strings must be ISO ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DateError(f"{name} must be a date or an ISO date string YYYY-MM-DD, got {value!r}")


class Dated(Protocol):
    """A record in force from ``valid_from`` until ``valid_to`` (exclusive; ``None``: still in force)."""

    @property
    def valid_from(self) -> dt.date: ...

    @property
    def valid_to(self) -> dt.date | None: ...


def change_days(records: Iterable[Dated]) -> tuple[dt.date, ...]:
    """The days, in order, on which some record starts or ends: between two consecutive days the
    same records are in force."""
    days: set[dt.date] = set()
    for r in records:
        days.add(r.valid_from)
        if r.valid_to is not None:
            days.add(r.valid_to)
    return tuple(sorted(days))
