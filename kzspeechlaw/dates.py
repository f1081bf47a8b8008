"""Dates: accepting them from users (``datetime.date`` or an ISO ``YYYY-MM-DD`` string; where
people type them, in incidents, registers and on the command line, ``DD.MM.YYYY`` too), and the
days on which dated records change."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Protocol

from kzspeechlaw.errors import DateError, quote
from kzspeechlaw.i18n import Message

TIME_ZONE = "Asia/Almaty"
"""The time zone in which the law's calendar days are counted for an aware ``datetime``: the
capital's (Astana keeps Almaty's time). The IANA zone carries the historical offsets, including
Kazakhstan's move to a single zone, UTC+5, on 2024-03-01."""

FIRST_DAY = dt.date(1991, 12, 16)
"""The first day an act or decision may fall on: the Republic of Kazakhstan's independence (the
library models the Republic's codes; earlier acts fell under the Kazakh SSR's law)."""

LAST_DAY = dt.date(2099, 12, 31)
"""The last day an act or decision may fall on. Later days lie beyond anything the data can say
(its statute texts are current to a date in the 2020s) and are most often placeholders such as
``9999-12-31`` or ``2999-12-31``: they are refused rather than assessed under today's law (the
limitation arithmetic also stays within the calendar)."""


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The one ISO form a date string may take (``datetime.date.fromisoformat`` also reads week dates,
``2019-W11``, and the basic form, ``20190305``: read as days the user did not write)."""


def as_date(value: dt.date | str, name: str = "date") -> dt.date:
    """Return ``value`` as a date; strings must be ISO ``YYYY-MM-DD``.

    A naive ``datetime`` is taken as its own calendar date. An aware one is an instant: its date
    is the calendar day in Kazakhstan's time (:data:`TIME_ZONE`, ``Asia/Almaty``) at that instant,
    so the same instant gives the same day whatever zone it is written in: 2020-07-09 19:00 UTC
    and 2020-07-10 01:00 +06:00 are both 2020-07-10. (Before 2024-03-01 western regions kept
    UTC+5; an act there within an hour of midnight is best given as a date.)

    Anything else (``None``, numbers, booleans, lists, other strings) raises
    :class:`~kzspeechlaw.DateError` naming ``name`` and the value.

    >>> import datetime as dt
    >>> as_date(dt.datetime(2020, 7, 9, 19, tzinfo=dt.timezone.utc))
    datetime.date(2020, 7, 10)
    >>> as_date(dt.datetime(2020, 7, 9, 19))
    datetime.date(2020, 7, 9)
    """
    if isinstance(value, dt.datetime):
        return _datetime_date(value, name)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DateError(Message("{name} must be a date or an ISO date string YYYY-MM-DD, got {value}", name=name,
                            value=quote(value)))


def _datetime_date(value: dt.datetime, name: str) -> dt.date:
    try:
        offset = value.utcoffset()
    except Exception as error:  # a tzinfo of the caller's that fails
        raise DateError(f"{name}: the time zone of {quote(value)} fails: {error}") from None
    if offset is None:
        return value.date()
    try:
        return value.astimezone(_zone()).date()
    except (OverflowError, ValueError):
        raise DateError(
            f"{name}: {quote(value)} is outside the calendar in Kazakhstan's time ({TIME_ZONE})"
        ) from None


@functools.cache
def _zone() -> dt.tzinfo:
    import zoneinfo  # here: it reads the search path of the time-zone database, which a date does not need

    try:
        return zoneinfo.ZoneInfo(TIME_ZONE)
    except zoneinfo.ZoneInfoNotFoundError:
        raise DateError(
            f"an aware datetime needs the time zone {TIME_ZONE} from the system's time-zone database "
            "or the tzdata package; give a date instead"
        ) from None


def out_of_range(day: dt.date) -> str | None:
    """What is expected of an act or decision date when ``day`` lies outside
    :data:`FIRST_DAY` .. :data:`LAST_DAY`, else ``None``."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return Message("a date from {first} to {last} (the range the library assesses)", first=FIRST_DAY, last=LAST_DAY)


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
        raise DateError(_not_a_date(name, value))
    try:
        return as_date(value, name)
    except DateError:
        raise DateError(_not_a_date(name, value)) from None


def _not_a_date(name: str, value: object) -> Message:
    return Message("{name} must be a date (YYYY-MM-DD or DD.MM.YYYY), got {value}", name=name, value=quote(value))


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
