"""The table of a register's keys: what a date is keyed by, and each key's answer.

:mod:`kzspeechlaw.registers.keyed` says what a key is and why it decides a row's record; this
module holds the time index the dates are keyed by (:func:`index`), the deadlines they are compared
with (:func:`terms`), the dates of the law's data a record may hold (:func:`constant_dates`), the
table of answers of one register in one process (:class:`Table`), and the templates the answers
are written from (:func:`template`, :func:`aligned`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from kzspeechlaw.dates import out_of_range, user_date
from kzspeechlaw.errors import LawError
from kzspeechlaw.law import general_part
from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.timeline import Timeline, timeline
from kzspeechlaw.reasoning import amnesty
from kzspeechlaw.reasoning.fields import is_blank
from kzspeechlaw.registers import rows
from kzspeechlaw.registers.tally import Digest
from kzspeechlaw.units import unit_name

DATED = ("proceedings_date", "referred_on", "evaded_from", "evaded_until")
"""Fields holding dates the reasoning compares with the deadlines: a row stating one is keyed by
its exact act and decision dates."""

MAX_KEYS = 50_000
"""The most keys remembered per process; the table starts afresh when full (memory stays bounded
whatever the register's length)."""

MAX_TEXT = 64 << 20
"""The most characters of templates remembered per process (whole assessments are about 6 KB)."""

_DAY = dt.timedelta(days=1)
_ISO = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")


# --- what a date is keyed by -------------------------------------------------------------------


@functools.cache
def index(full: bool) -> Timeline:
    """The days on which the answer for a given act may change: the reasoning's index (versions,
    general part, MCI, sentencing rules) with the amnesties' days; for whole assessments (``full``)
    also the edges of the windows of :data:`~kzspeechlaw.law.amnesty_laws.CAVEAT_WINDOW` around
    each inferred in-force date, the end of the window after an unverified amnesty's entry into
    force, and each day of an unread cut-off's window (the notes count the days after it)."""
    days = set(timeline().days)
    if full:
        for act in law().acts.values():
            if not act.verified and act.in_force is not None:
                days |= {act.in_force - CAVEAT_WINDOW, act.in_force + CAVEAT_WINDOW + _DAY}
        for a in amnesty.amnesties().laws:
            if not a.verified:
                days.add(a.in_force + CAVEAT_WINDOW + _DAY)
            if a.cut_off_unread:
                days |= {a.committed_before + n * _DAY for n in range(CAVEAT_WINDOW.days + 2)}
    return Timeline(days)


@functools.cache
def terms() -> tuple[relativedelta, ...]:
    """Every limitation period and outer period of the general part, as calendar terms, shortest
    first (the deadlines a decision date is compared with)."""
    found: set[tuple[int, int]] = set()
    for rules in general_part.rules().values():
        for rule in rules:
            if rule.table != "limitation":
                continue
            for q in (rule.period, rule.maximum):
                if q is not None and unit_name(q) in ("year", "month"):
                    found.add((0, int(q.magnitude)) if unit_name(q) == "year" else (1, int(q.magnitude)))
    steps = sorted(found, key=lambda t: t[1] * (12 if t[0] == 0 else 1))
    return tuple(relativedelta(years=n) if unit == 0 else relativedelta(months=n) for unit, n in steps)


@functools.cache
def constant_dates() -> frozenset[str]:
    """Dates of the law's data as ISO text, and the days either side (the last day in force of a
    version, the last day an amnesty reaches): dates a record may hold whatever the row."""
    days: set[dt.date] = set()
    for path in sorted((Path(law_dir()) / "data").glob("*.toml")):
        for text in _ISO.findall(path.read_text(encoding="utf-8")):
            try:
                days.add(dt.date.fromisoformat(text))
            except ValueError:
                continue
    days |= set(timeline().days)
    for a in amnesty.amnesties().laws:
        if a.execution_ends is not None:
            days.add(a.execution_ends)
    near = {d + k * _DAY for d in days for k in (-1, 0, 1) if dt.date.min + _DAY <= d <= dt.date.max - _DAY}
    return frozenset(d.isoformat() for d in near)


def law_dir() -> str:
    """The directory of the law's package (its data files are in ``data/``)."""
    import kzspeechlaw.law

    return str(Path(kzspeechlaw.law.__file__).parent)


class ActDay(NamedTuple):
    """What a row's key and record take from its act date."""

    day: dt.date
    ordinal: int
    iso: str
    month: str
    when: int  # the interval of the index, twice, plus one on a change day
    deadlines: tuple[int, ...]  # ordinals of the act date and each deadline, in order
    slots: tuple[str, ...]  # the act date and each deadline as ISO text


class DecisionDay(NamedTuple):
    """What a row's key and record take from its decision date."""

    day: dt.date
    ordinal: int
    iso: str
    when: int


# --- the table of keys -------------------------------------------------------------------------


class Answer(NamedTuple):
    """A key's answer: its record as a ``str.format`` template (``{0}`` the id's JSON text, ``{1}``
    the act date, ``{2}`` the decision date, ``{3}``... the act date and the deadlines in order;
    ``None`` for output ``none``) and its digest (without the month, which is the row's)."""

    template: str | None
    digest: Digest


EXACT = "exact"
"""A key's entry where its rows are keyed by their exact dates."""


class Table:
    """The keys of one register in one process, with the dates already read."""

    def __init__(self, token: object, full: bool) -> None:
        self.token = token
        self.full = full
        self.index = index(full)
        self.terms = terms()
        self.answers: dict[tuple[Any, ...], Answer | str] = {}
        self.text = 0
        self.acts: dict[Any, ActDay | None] = {}
        self.decisions: dict[Any, DecisionDay | None] = {}
        self.learned: list[tuple[tuple[Any, ...], Answer | str]] = []  # since the chunk began

    def act(self, value: Any) -> ActDay | None:
        """The act date a cell gives, as the incident reads it (``None``: the row's error is the
        reference's)."""
        if value in self.acts:
            return self.acts[value]
        day = _day(value, "act_date")
        made = None if day is None else self._act_day(day)
        if len(self.acts) < MAX_KEYS:
            self.acts[value] = made
        return made

    def _when(self, day: dt.date) -> int:
        interval = self.index.interval(day)
        return 2 * interval + (interval > 0 and self.index.days[interval - 1] == day)

    def _act_day(self, day: dt.date) -> ActDay | None:
        try:
            deadlines = [day, *(day + term for term in self.terms)]
        except (OverflowError, ValueError):  # a deadline past the calendar's end
            return None
        deadlines.sort()
        iso = day.isoformat()
        return ActDay(day, day.toordinal(), iso, iso[:7], self._when(day),
                      tuple(d.toordinal() for d in deadlines), tuple(d.isoformat() for d in deadlines))

    def decision(self, value: Any, default: dt.date | None) -> DecisionDay | None:
        """The decision date a cell (or, blank, the default) gives, as the reference reads it."""
        if value in self.decisions:
            return self.decisions[value]
        try:
            day: dt.date | None = rows._decided(value, default)
        except LawError:
            day = None
        made = None if day is None or out_of_range(day) is not None else DecisionDay(
            day, day.toordinal(), day.isoformat(), self._when(day))
        if len(self.decisions) < MAX_KEYS:
            self.decisions[value] = made
        return made

    def remember(self, key: tuple[Any, ...], answer: Answer | str) -> None:
        size = len(answer.template or "") if isinstance(answer, Answer) else 0
        if len(self.answers) >= MAX_KEYS or self.text + size > MAX_TEXT:
            self.answers.clear()
            self.text = 0
        self.answers[key] = answer
        self.text += size
        self.learned.append((key, answer))

    def teach(self, news: Iterable[tuple[tuple[Any, ...], Answer | str]]) -> None:
        """Take the answers another process learned for this register."""
        for key, answer in news:
            if key not in self.answers:
                self.remember(key, answer)


def _day(value: Any, field: str) -> dt.date | None:
    """A date cell read as :class:`~kzspeechlaw.Incident` reads it, or ``None`` where it does not
    read (the reference path then gives the error)."""
    if not isinstance(value, str | dt.date) or is_blank(value):
        return None
    try:
        day = user_date(value, field)
    except LawError:
        return None
    return day if out_of_range(day) is None else None


_TABLE: Table | None = None


def table(token: object, full: bool) -> Table:
    """This process's table for the register ``token`` (a new one for a new register)."""
    global _TABLE
    if _TABLE is None or _TABLE.token != token or _TABLE.full != full:
        _TABLE = Table(token, full)
    return _TABLE


def escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _joined(literals: list[str], cuts: list[int]) -> str:
    """Literal text and slots in turn, as a ``str.format`` template."""
    out = []
    for n, literal in enumerate(literals):
        out.append(escaped(literal))
        if n < len(cuts):
            out.append(f"{{{cuts[n]}}}")
    return "".join(out)


def templated(body: str, slots: Sequence[str], fixed: frozenset[str]) -> str | None:
    """The record's text with the row's dates as slots (``{1}``...), braces doubled; ``None``
    where a date of the row in it is also a date of the data; :data:`EXACT` where it holds a date
    that is neither. Dates in ``fixed`` are the same for every row of the key: text."""
    constants = constant_dates()
    where: dict[str, int] = {}
    for n, s in enumerate(slots, 1):
        if s not in fixed:
            where.setdefault(s, n)
    literals: list[str] = []
    cuts: list[int] = []
    last = 0
    for m in _ISO.finditer(body):
        text = m.group()
        if text in where:
            if text in constants:
                return None  # a date of the row that is also one of the data's
            literals.append(body[last:m.start()])
            cuts.append(where[text])
            last = m.end()
        elif text not in constants and text not in fixed:
            return EXACT
    literals.append(body[last:])
    if any(s in literal for literal in literals for s in where):
        return EXACT  # a date of the row inside other text: no slot for it
    return _joined(literals, cuts)


def aligned(body: str, other: str, slots: Sequence[str], moved: Sequence[str]) -> str:
    """The template of two records of one key whose rows' dates differ (``slots`` and ``moved``):
    the same text around their dates, a date the same in both is text, a date that differs is the
    slot whose values the two rows give it; :data:`EXACT` where they do not line up so."""
    mine, theirs = list(_ISO.finditer(body)), list(_ISO.finditer(other))
    if len(mine) != len(theirs):
        return EXACT
    literals: list[str] = []
    cuts: list[int] = []
    last = last_other = 0
    for m, t in zip(mine, theirs, strict=True):
        if body[last:m.start()] != other[last_other:t.start()]:
            return EXACT
        if m.group() == t.group():
            continue  # the data's date: stays in the text
        slot = next((n for n, (a, b) in enumerate(zip(slots, moved, strict=True), 1)
                     if a == m.group() and b == t.group()), None)
        if slot is None:
            return EXACT
        literals.append(body[last:m.start()])
        cuts.append(slot)
        last, last_other = m.end(), t.end()
    if body[last:] != other[last_other:]:
        return EXACT
    literals.append(body[last:])
    return _joined(literals, cuts)
