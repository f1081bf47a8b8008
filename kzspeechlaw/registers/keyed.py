"""The keyed path: each row decided from a key, each key's answer computed once per register.

A register repeats a few combinations of facts over many dates, and the reasoning reads a date
only in a few ways: which interval of its time index the date is in (the days a version, a
general-part rule, a sentencing rule, an amnesty or the MCI changes), how it compares with the
deadlines counted from the act date (the limitation periods and outer periods of the general
part), and, in the notes, whether it lies within a month of an inferred in-force date. A row's
*key* holds exactly that:

- the cells of its facts, as written (every field but ``id``, ``act_date`` and ``decided_on``);
- the interval of the act date and of the decision date in :func:`index` (the reasoning's own
  index, with the amnesties' days; for whole assessments also the edges of the caveat windows and
  each day of an amnesty's unread cut-off window, whose notes count the days), and whether each is
  a change day itself;
- where the decision date falls among the act date and the act date plus each term of
  :func:`terms` (before, on or after each: ``bisect_left`` and ``bisect_right``).

Rows that state a date beyond the act and the decision (``proceedings_date``, ``referred_on``,
``evaded_from``, ``evaded_until``) are keyed by their exact act and decision dates.

The first row of a key is assessed on the reference path (:mod:`kzspeechlaw.registers.rows`):
its record is the answer, written out as it is. The record becomes the key's template where every
date in it is either one counted from the row (the act date, the decision date, a deadline: a
slot) or a date of the law's data, and no date of the row is also a date of the data (where one
is, the text could not tell them apart, and the row is not used as a template). Where a date in
the record is neither, the key's rows are keyed by their exact dates from then on: a wrong slot
is never guessed. Later rows of the key are written from the template with their own id and
dates, and counted from the key's digest with their own month. A row whose cells or dates fail,
and any error, takes the reference path: error records are the reference's own.

The key's sufficiency is checked by ``tests/test_keyed_batch.py``: registers generated over the
change days give byte-identical records and tallies on both paths.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from kzspeechlaw import export
from kzspeechlaw.dates import out_of_range, user_date
from kzspeechlaw.errors import LawError
from kzspeechlaw.law import coverage_report, general_part
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.timeline import Timeline
from kzspeechlaw.reasoning import amnesty, sentencing
from kzspeechlaw.reasoning.assessment import CAVEAT_WINDOW
from kzspeechlaw.reasoning.incident import is_blank
from kzspeechlaw.registers import rows
from kzspeechlaw.registers.reading import decode
from kzspeechlaw.registers.tally import Digest, Tally, digest
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
    also the edges of the windows of :data:`~kzspeechlaw.reasoning.assessment.CAVEAT_WINDOW` around
    each inferred in-force date, the end of the window after an unverified amnesty's entry into
    force, and each day of an unread cut-off's window (the notes count the days after it)."""
    days = set(sentencing.index().days) | set(amnesty.index().days)
    if full:
        for act in law().acts.values():
            if not act.verified and act.in_force is not None:
                days |= {act.in_force - CAVEAT_WINDOW, act.in_force + CAVEAT_WINDOW + _DAY}
        for a in amnesty.amnesties().laws:
            if not a.verified:
                days.add(a.in_force + amnesty.CAVEAT_WINDOW + _DAY)
            if a.cut_off_unread:
                days |= {a.committed_before + n * _DAY for n in range(amnesty.CAVEAT_WINDOW.days + 2)}
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
    days |= set(index(True).days)
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
    iso: str
    month: str
    interval: int
    change: bool
    deadlines: tuple[int, ...]  # ordinals of the act date and each deadline, in order
    slots: tuple[str, ...]  # the act date and each deadline as ISO text


class DecisionDay(NamedTuple):
    day: dt.date
    iso: str
    ordinal: int
    interval: int
    change: bool


# --- the table of keys -------------------------------------------------------------------------


class Answer(NamedTuple):
    """A key's answer: its record as a ``str.format`` template (``{0}`` the id's JSON text, ``{1}``
    the act date, ``{2}`` the decision date, ``{3}``... the deadlines; ``None`` for output
    ``none``) and its digest by month."""

    template: str | None
    digest: Digest
    months: dict[str, Digest]

    def counted(self, month: str) -> Digest:
        found = self.months.get(month)
        if found is None:
            found = self.months[month] = self.digest._replace(month=month)
        return found


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
        self.ids: dict[str, str] = {}

    def act(self, value: Any) -> ActDay | None:
        """The act date a cell gives, as the incident reads it (``None``: the row's error is the
        reference's)."""
        if not isinstance(value, str | dt.date):
            return None  # the reference path says what is wrong with it
        key = (type(value), value)
        found = self.acts.get(key, False)
        if found is not False:
            return found  # type: ignore[return-value]
        day = _day(value, "act_date")
        made = None if day is None else self._act_day(day)
        if len(self.acts) < MAX_KEYS:
            self.acts[key] = made
        return made

    def _act_day(self, day: dt.date) -> ActDay | None:
        try:
            deadlines = [day, *(day + term for term in self.terms)]
        except (OverflowError, ValueError):  # a deadline past the calendar's end
            return None
        deadlines.sort()
        iso = day.isoformat()
        return ActDay(day, iso, iso[:7], self.index.interval(day), day in self.index.days,
                      tuple(d.toordinal() for d in deadlines), tuple(d.isoformat() for d in deadlines))

    def decision(self, value: Any, default: dt.date | None) -> DecisionDay | None:
        """The decision date a cell (or the default) gives, as the reference reads it."""
        if value is not None and not isinstance(value, str | dt.date):
            return None
        key = (type(value), value)
        found = self.decisions.get(key, False)
        if found is not False:
            return found  # type: ignore[return-value]
        try:
            day = rows._decided(value, default)
        except LawError:
            day = None
        made = None if day is None or out_of_range(day) is not None else DecisionDay(
            day, day.isoformat(), day.toordinal(), self.index.interval(day), day in self.index.days)
        if len(self.decisions) < MAX_KEYS:
            self.decisions[key] = made
        return made

    def id_json(self, ident: Any) -> str:
        """The id as the record writes it."""
        if type(ident) is str:
            found = self.ids.get(ident)
            if found is None:
                found = export.dumps(export.jsonable(ident))
                if len(self.ids) < MAX_KEYS:
                    self.ids[ident] = found
            return found
        return export.dumps(export.jsonable(ident))

    def remember(self, key: tuple[Any, ...], answer: Answer | str) -> None:
        size = len(answer.template or "") if isinstance(answer, Answer) else 0
        if len(self.answers) >= MAX_KEYS or self.text + size > MAX_TEXT:
            self.answers.clear()
            self.text = 0
        self.answers[key] = answer
        self.text += size


def _day(value: Any, field: str) -> dt.date | None:
    """A date cell read as :class:`~kzspeechlaw.Incident` reads it, or ``None`` where it does not
    read (the reference path then gives the error)."""
    if is_blank(value):
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


# --- a chunk of rows ---------------------------------------------------------------------------


class _Columns(NamedTuple):
    width: int
    id: int | None
    act: int | None
    decided: int | None
    facts: tuple[int, ...]
    dated: tuple[int, ...]


@functools.lru_cache(maxsize=64)
def _columns(header: tuple[str, ...]) -> _Columns:
    from kzspeechlaw.registers.reading import COLUMNS

    known = [i for i, name in enumerate(header) if name in COLUMNS]

    def where(name: str) -> int | None:
        return header.index(name) if name in header else None

    facts = tuple(i for i in known if header[i] not in ("id", "act_date", "decided_on"))
    dated = tuple(i for i in facts if header[i] in DATED)
    return _Columns(len(header), where("id"), where("act_date"), where("decided_on"), facts, dated)


class _Row(NamedTuple):
    """What a row is keyed and written by."""

    facts: tuple[Any, ...]
    exact: bool
    ident: Any
    act: Any
    decided: Any


def _csv_row(cols: _Columns, cells: Any) -> _Row | None:
    if not isinstance(cells, list) or len(cells) != cols.width:
        return None
    facts = tuple([cells[i] for i in cols.facts])
    exact = any(cells[i].strip() for i in cols.dated)
    ident = cells[cols.id] if cols.id is not None else ""
    act = cells[cols.act] if cols.act is not None else ""
    decided = cells[cols.decided] if cols.decided is not None else ""
    return _Row(facts, exact, ident, act, decided)


def _mapping_row(item: Any) -> _Row | None:
    if not isinstance(item, Mapping):
        return None
    facts = []
    for name, value in item.items():
        if name in ("id", "act_date", "decided_on"):
            continue
        facts.append((type(name), name, value if type(value) is str else (type(value), repr(value))))
    try:
        facts.sort()
    except TypeError:  # keys of several types
        return None
    exact = any(name in item for name in DATED)
    return _Row(tuple(facts), exact, item.get("id"), item.get("act_date"), item.get("decided_on"))


def run_chunk(task: rows.Task, token: object) -> rows.ChunkResult:
    """Assess a task's rows from their keys (the same bytes, tally and warnings as
    :func:`kzspeechlaw.registers.rows.run_chunk`)."""
    full, output = task.output == "full", task.output
    keys = table(token, full)
    lines: list[str] = []
    counted: list[Digest] = []
    latest = 0  # the ordinal of the latest decision date of a row assessed
    reference = 0
    cols = _columns(task.header) if task.format == "csv" else None
    with coverage_report.stale_checks_silenced():
        for offset, raw in enumerate(task.rows):
            row = task.start + offset
            item: Any = None
            if cols is not None:
                cells = _csv_row(cols, raw)
            else:
                item = decode(task.format, task.header, raw)
                cells = _mapping_row(item)
            answer = None
            if cells is not None:
                act = keys.act(cells.act)
                decided = keys.decision(cells.decided, task.default)
                if act is not None and decided is not None and decided.day >= act.day:
                    key = _key(cells, act, decided)
                    answer = keys.answers.get(key)
                    if answer == EXACT:
                        key = (cells.facts, act.day, decided.day)
                        answer = keys.answers.get(key)
                    if isinstance(answer, Answer):
                        ident = cells.ident if not is_blank(cells.ident) else row
                        if answer.template is not None:
                            lines.append(answer.template.format(keys.id_json(ident), act.iso, decided.iso,
                                                                *act.slots))
                        counted.append(answer.counted(act.month))
                        latest = max(latest, decided.ordinal)
                        continue
                    answer = _Learn(key, act, decided)  # type: ignore[assignment]
            if item is None:
                item = decode(task.format, task.header, raw)
            result, line = rows.one_row(row, item, task.default, output)
            reference += 1
            if line is not None:
                lines.append(line)
            if result.assessment is not None:
                latest = max(latest, result.assessment.decided_on.toordinal())
            found = digest(result)
            counted.append(found)
            if isinstance(answer, _Learn):
                answer.learn(result, line, found, keys, output)
    part = _tally(counted)
    return rows.chunk_result(lines, part, dt.date.fromordinal(latest) if latest else None)


def _key(cells: _Row, act: ActDay, decided: DecisionDay) -> tuple[Any, ...]:
    if cells.exact:
        return (cells.facts, act.day, decided.day)
    at = decided.ordinal
    return (cells.facts, act.interval, act.change, decided.interval, decided.change,
            bisect.bisect_left(act.deadlines, at), bisect.bisect_right(act.deadlines, at))


class _Learn(NamedTuple):
    """A key met for the first time, and the row's dates."""

    key: tuple[Any, ...]
    act: ActDay
    decided: DecisionDay

    def learn(self, result: Any, line: str | None, found: Digest, keys: Table, output: str) -> None:
        """Remember the key's answer from its first row, where the row was assessed and its record
        makes a template (see the module doc)."""
        if result.assessment is None:
            return  # errors are written by the reference path, row by row
        template: str | None = None
        if line is not None:
            head = f'{{"id": {keys.id_json(result.id)}, '
            if not line.startswith(head) or '"error": ' in line[len(head):len(head) + 9]:
                return
            slots = (self.act.iso, self.decided.iso, *self.act.slots)
            made = _template(line[len(head):], slots, exact=len(self.key) == 3)
            if made is None:
                return
            if made == EXACT:
                keys.remember(self.key, EXACT)
                return
            template = '{{"id": {0}, ' + made
        keys.remember(self.key, Answer(template, found._replace(month=None), {}))


def _template(body: str, slots: Sequence[str], exact: bool) -> str | None:
    """The record's text with the row's dates as slots (``{1}``...), braces doubled; ``None``
    where a date of the row is also a date of the data; :data:`EXACT` where the record holds a date
    that is neither."""
    if exact:
        return body.replace("{", "{{").replace("}", "}}")
    constants = constant_dates()
    if any(s in constants for s in slots):
        return None
    where: dict[str, int] = {}
    for n, s in enumerate(slots, 1):
        where.setdefault(s, n)
    literals: list[str] = []
    cuts: list[int] = []
    last = 0
    for m in _ISO.finditer(body):
        text = m.group()
        if text in where:
            literals.append(body[last:m.start()])
            cuts.append(where[text])
            last = m.end()
        elif text not in constants:
            return EXACT
    literals.append(body[last:])
    if any(s in literal for literal in literals for s in where):
        return EXACT  # a date of the row inside other text: no slot for it
    escaped = [literal.replace("{", "{{").replace("}", "}}") for literal in literals]
    return "".join(piece for n, literal in enumerate(escaped)
                   for piece in ((literal, f"{{{cuts[n]}}}") if n < len(cuts) else (literal,)))


def _tally(counted: list[Digest]) -> Tally:
    """The tally of a chunk's digests, in row order where a fine is not a whole number."""
    part = Tally()
    if all(_whole(d.fine_kzt_min) and _whole(d.fine_kzt_max) for d in counted):
        for d, n in collections.Counter(counted).items():
            part.add(d, n)
    else:
        for d in counted:
            part.add(d)
    return part


def _whole(value: Any) -> bool:
    return value is None or type(value) is int

