"""Dates: accepting them from users (``datetime.date`` or an ISO ``YYYY-MM-DD`` string; where
people type them, in incidents, registers and on the command line, ``DD.MM.YYYY`` too), and the
days on which dated records change."""

from __future__ import annotations

import datetime as dt
import re
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


_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def user_date(value: dt.date | str, name: str = "date") -> dt.date:
    """Return ``value`` as a date, as :func:`as_date` does, also accepting ``DD.MM.YYYY`` (the way
    dates are written in Kazakhstan, and what a Russian-locale spreadsheet exports), for dates that
    people type: incident fields, register cells, the command line's dates. The data files keep to
    ISO dates alone.

    >>> user_date("26.03.2020"), user_date("2020-03-26")
    (datetime.date(2020, 3, 26), datetime.date(2020, 3, 26))
    """
    if isinstance(value, str) and (m := _DAY_FIRST.fullmatch(value.strip())):
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
        raise DateError(f"{name} must be a date (YYYY-MM-DD or DD.MM.YYYY), got {value!r}")
    try:
        return as_date(value, name)
    except DateError:
        raise DateError(f"{name} must be a date (YYYY-MM-DD or DD.MM.YYYY), got {value!r}") from None


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
