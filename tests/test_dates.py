"""Dates from users, and the days on which dated records change."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.dates import as_date, change_days, user_date
from kzspeechlaw.errors import DateError


class Record(NamedTuple):
    valid_from: dt.date
    valid_to: dt.date | None

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


DAYS = st.dates(dt.date(1997, 1, 1), dt.date(2030, 12, 31))


@st.composite
def records(draw: st.DrawFn) -> Record:
    start = draw(DAYS)
    end = draw(st.none() | st.dates(start + dt.timedelta(days=1), dt.date(2031, 1, 1)))
    return Record(start, end)


@given(st.lists(records(), max_size=8), DAYS)
def test_records_in_force_change_only_on_change_days(rs: list[Record], day: dt.date) -> None:
    days = change_days(rs)
    assert list(days) == sorted(set(days))
    before = [d for d in days if d <= day]
    first = before[-1] if before else dt.date.min
    assert [r.in_force_on(day) for r in rs] == [r.in_force_on(first) for r in rs]


def test_as_date_names_the_bad_value() -> None:
    assert as_date(" 2020-07-10 ") == dt.date(2020, 7, 10)
    assert as_date(dt.datetime(2020, 7, 10, 12)) == dt.date(2020, 7, 10)
    with pytest.raises(kz.LawError, match=r"decided_on must be a date .* got '10.07.2020'"):
        as_date("10.07.2020", "decided_on")


@pytest.mark.parametrize("text", ["2019-W11", "2019-W11-1", "2019W111", "20190305", "2019-064"])
def test_only_the_documented_forms_of_a_date_are_read(text: str) -> None:
    """``datetime.date.fromisoformat`` reads week dates and the basic form too (2019-W11 is 11 March
    2019): a register's or a user's cell in such a form is refused, never read as a day it does not
    write out."""
    with pytest.raises(DateError):
        user_date(text)
    with pytest.raises(DateError):
        as_date(text)
