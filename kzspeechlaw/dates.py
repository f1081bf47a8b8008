"""Accepting dates from users: ``datetime.date`` or an ISO ``YYYY-MM-DD`` string."""

from __future__ import annotations

import datetime as dt

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
