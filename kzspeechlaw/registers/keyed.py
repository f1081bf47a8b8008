"""The keyed path: each row decided from a key, each key's answer computed once per register.

A register repeats a few combinations of facts over many dates, and the reasoning reads a date
only in a few ways: which interval of its time index the date is in (the days a version, a
general-part rule, a sentencing rule, an amnesty or the MCI changes), how it compares with the
deadlines counted from the act date (the limitation periods and outer periods of the general
part), and, in the notes, whether it lies within a month of an inferred in-force date. A row's
*key* holds exactly that:

- the cells of its facts, as written (every field but ``id``, ``act_date`` and ``decided_on``);
- the interval of the act date in :func:`~kzspeechlaw.registers.keys.act_index`, and of the
  decision date in :func:`~kzspeechlaw.registers.keys.decision_index`: the days of the reasoning's
  own index that it compares each with (and the scope register's, for the act). A date on a change
  day is keyed with the rest of the interval it begins: the reasoning compares a date with a
  change day only as the index does, half-open (:func:`~kzspeechlaw.law.timeline.in_force`, an
  amnesty's ``committed_before``), and its memos are keyed by the same intervals or finer ones.
  The index is the conduct's where a fact cell reads as one (:class:`~kzspeechlaw.registers.keys.
  ConductMaps`): of the special part, it holds the days of the versions an act of that conduct may
  be read against alone (:func:`~kzspeechlaw.reasoning.classification.reachable`, with the other
  parts of their articles, whose penalties an expedited payment weighs), for a version of a part
  an act never falls under bears on none of its answers otherwise, and of the scope register, the
  periods of the entries that name the conduct; with those of the conducts an act of it is also
  assessed as in a note (:func:`~kzspeechlaw.reasoning.classification.read_as`);
- whether the decision date is after the act date (``bisect_left`` over the act date alone), and
  its place among the *deadlines*, the act date and the act date plus each term of
  :func:`~kzspeechlaw.registers.keys.terms`: how many it is on or after plus how many it is after
  (``bisect_right + bisect_left``, odd on a deadline): the reasoning compares a decision date with
  a deadline as ``decided >= deadline`` and for equality (a decision on a period's last day is left
  open, :mod:`~kzspeechlaw.reasoning.limitation`), and with the act date for equality too. Every
  row of a key on a deadline is on the same one, so its record's date there is either slot alike;
- for whole assessments, where the dates are in the windows near unread dates that the key's
  notes read (:func:`~kzspeechlaw.reasoning.assessment.date_windows`: a caveat near an inferred
  in-force date on the route, the days counted after an unread amnesty cut-off): the key's first
  row gives its :class:`~kzspeechlaw.registers.keys.Windows`, and each place of a row's dates in
  them is a key of its own.

Rows that state a date beyond the act and the decision (``proceedings_date``, ``referred_on``,
``evaded_from``, ``evaded_until``) are keyed by their exact act and decision dates, and so are rows
whose facts name a minor (:data:`~kzspeechlaw.registers.keys.EXACT_FACTS`: a minor's halved
limitation periods are deadlines the keys do not count).

The first row of a key is assessed on the reference path (:mod:`kzspeechlaw.registers.rows`):
its record is the answer, written out as it is. The record becomes the key's template where every
date in it is either one counted from the row (the act date, the decision date, a deadline: a
slot) or a date of the law's data. Where a date of the row is also a date of the data, the text
cannot tell them apart: the template is then made by comparing the record with a *witness*'s, the
row with its dates moved by a few days within its key (a date that moves with them is a slot, one
that stays is the data's), and kept only where it writes the row's own record (a brief record
needs none: its one date, the MCI date, is always one of the row's). Where a date in
the record is neither, or no witness keeps the key, the key's rows are keyed by their exact dates
from then on: a wrong slot is never guessed. Later rows of the key are written from the template
(read once into a function of the id and the dates) with their own id and dates, and counted from
the key's digest with their own month (a number per row; the chunk's tally is made from the
counts of the numbers). A row whose cells or dates fail,
and any error, takes the reference path: error records are the reference's own.

With several worker processes, each assesses its part of every chunk: the rows of its keys (by the
intervals of the act and decision dates in the index of the days every conduct's holds:
:attr:`~kzspeechlaw.registers.keys.ConductMaps.routes`), so that no key is learned twice. The parent routes a CSV
chunk's rows and sends each process its own (:class:`Router`); a process sent a whole chunk finds
its rows itself (:meth:`~kzspeechlaw.registers.keys.Table.part`).

The key's sufficiency rests on how the reasoning reads dates (its memos are keyed by the same
intervals) and is checked by ``tests/test_keyed_batch.py``: registers generated over the change
days and the deadlines give byte-identical records, tallies and warnings on both paths.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import functools
import math
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from kzspeechlaw import export
from kzspeechlaw.law import coverage_report
from kzspeechlaw.reasoning.fields import is_blank
from kzspeechlaw.registers import columns, rows
from kzspeechlaw.registers.keys import (
    DATED,
    DECIDED_BITS,
    EXACT,
    MAX_KEYS,
    MONTH_BITS,
    SHARED_KEYS,
    ActDay,
    Answer,
    DecisionDay,
    Table,
    Windows,
    aligned,
    current,
    escaped,
    month_code,
    month_name,
    route,
    table,
    templated,
)
from kzspeechlaw.registers.lines import TextLines
from kzspeechlaw.registers.reading import decode
from kzspeechlaw.registers.tally import Digest, Tally, digest

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

    def where(name: str) -> int | None:
        return header.index(name) if name in header else None

    facts = tuple(i for i, name in enumerate(header)
                  if name in COLUMNS and name not in ("id", "act_date", "decided_on"))
    dated = tuple(i for i in facts if header[i] in DATED)
    return _Columns(len(header), where("id"), where("act_date"), where("decided_on"), facts, dated)


def fact_columns(header: tuple[str, ...]) -> tuple[str, ...]:
    """The fact columns of a header, in order: what a CSV row's key holds the cells of."""
    return tuple(header[i] for i in _columns(header).facts)


class _Row(NamedTuple):
    """What a row is keyed and written by: its fact cells (a key of their own), whether it is
    keyed by its exact dates, its id, act date and decision date as given."""

    facts: Any
    exact: bool
    ident: Any
    act: Any
    decided: Any


def _picker(indices: tuple[int, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The cells at ``indices``, always as a tuple (``itemgetter`` of one index gives the cell)."""
    if len(indices) == 1:
        at = indices[0]
        return lambda cells: (cells[at],)
    return operator.itemgetter(*indices) if indices else (lambda cells: ())


def _csv_reader(cols: _Columns, delimiter: str) -> Callable[[Any, bool], _Row | None]:
    """What a CSV row is keyed by (``None`` for a row of another width, or unreadable: the
    reference path reads it): its fact cells joined by the delimiter where they were split from a
    line (no cell then holds it), as a tuple where the ``csv`` module read them."""
    pick = _picker(cols.facts)
    width, dated = cols.width, cols.dated

    def read(cells: Any, split: bool) -> _Row | None:
        if type(cells) is not list or len(cells) != width:
            return None
        facts = pick(cells)
        return _Row(delimiter.join(facts) if split else facts,
                    bool(dated) and any(cells[i].strip() for i in dated),
                    cells[cols.id] if cols.id is not None else None,
                    cells[cols.act] if cols.act is not None else None,
                    cells[cols.decided] if cols.decided is not None else None)

    return read


def _mapping_row(item: Any) -> _Row | None:
    if not isinstance(item, Mapping):
        return None
    facts = []
    for name, value in item.items():
        if name in ("id", "act_date", "decided_on"):
            continue
        facts.append((type(name).__name__, name, value if type(value) is str else (type(value), repr(value))))
    try:
        facts.sort()
    except TypeError:  # keys of several types
        return None
    act, decided = item.get("act_date"), item.get("decided_on")
    if not isinstance(act, str | dt.date) or not (decided is None or isinstance(decided, str | dt.date)):
        return None
    return _Row(tuple(facts), any(name in item for name in DATED), item.get("id"), act, decided)


class _Chunk:
    """The records, count codes (:meth:`~kzspeechlaw.registers.keys.Table.code` plus the month)
    and latest decision date of a chunk's rows so far: of all its rows, or of those that are
    ``part`` of ``parts`` (:meth:`~kzspeechlaw.registers.keys.Table.part`), with each row's part
    noted (the parent checks that the processes agree)."""

    def __init__(self, task: rows.Task, keys: Table, part: int, parts: int, where: bytes | None = None) -> None:
        self.task = task
        self.keys = keys
        self.part = part
        self.parts = parts
        self.where = where
        self.mine = bytearray() if parts > 1 and where is None else None
        self.lines: list[rows.Written] = []  # a record written from a long template is bytes, in pieces
        self.output: bytes | None = None  # every row's records joined, where the chunk was keyed column by column
        self.codes: list[int] = []
        self.latest = 0  # the ordinal of the latest decision date of a row assessed
        self.learned = 0  # keys learned (their answers kept in the table)

    def takes(self, offset: int, cells: _Row | None) -> bool:
        """Whether this process assesses a row (at ``offset`` in the chunk, keyed by ``cells``)."""
        if self.parts == 1:
            return True
        if self.where is not None:
            return self.where[offset] == self.part
        keys = self.keys
        act = keys.act(cells.act) if cells is not None else None
        decided = keys.decision(cells.decided, self.task.default) if cells is not None else None
        found = keys.part(act, decided, offset, self.parts)
        if self.mine is not None:
            self.mine.append(found)
        return found == self.part

    def row(self, row: int, raw: Any, cells: _Row | None, item: Any = None) -> None:
        """Write and count one row from its key, or on the reference path (where it teaches the
        table its key's answer)."""
        keys, learn = self.keys, None
        if cells is not None:
            act, decided = keys.act(cells.act), keys.decision(cells.decided, self.task.default)
            if act is not None and decided is not None and decided.ordinal >= act.ordinal:
                number = keys.number(cells.facts)
                key: tuple[Any, ...] = ((number, act.day, decided.day) if cells.exact or number in keys.exact_facts
                                        else keys.key(number, act, decided))
                answer = keys.answers.get(key)
                windows = None
                if isinstance(answer, Windows):
                    windows = answer
                    key = (key, windows.place(act, decided))
                    answer = keys.answers.get(key)
                if isinstance(answer, str):  # EXACT
                    key = (number, act.day, decided.day)
                    answer = keys.answers.get(key)
                if isinstance(answer, Answer):
                    if answer.write is not None:
                        ident = cells.ident
                        named = ident is not None and not is_blank(ident)
                        self.lines.append(answer.write(_id_json(ident) if named else str(row), act, decided))
                    self.codes.append(answer.code + act.mcode)
                    self.latest = max(self.latest, decided.ordinal)
                    return
                learn = _Learn(key, act, decided, windows)
        if item is None:
            item = decode(self.task.format, self.task.header, raw)
        result, line = rows.one_row(row, item, self.task.default, self.task.output)
        if line is not None:
            self.lines.append(line)
        if result.assessment is not None:
            self.latest = max(self.latest, result.assessment.decided_on.toordinal())
        found = digest(result)
        self.codes.append(keys.code(found._replace(month=None)) + month_code(found.month))
        if learn is not None:
            before = len(keys.answers)
            learn.learn(result, line, found, self, row, item)
            self.learned += len(keys.answers) > before  # an error row's key is never kept: not learned

    def result(self) -> rows.Share:
        tally, whole = _tally(self.codes, self.keys.digests)
        parts = self.mine if self.where is None else bytearray(self.where)
        taught, self.keys.taught = self.keys.taught or (), None
        return rows.share(self.lines if self.output is None else self.output, tally, whole, self.latest, parts,
                          self.part, self.learned, taught)


@functools.lru_cache(maxsize=64)
def _conduct_cell(header: tuple[str, ...], delimiter: str) -> Callable[[Any], Any]:
    """The cell a row's conduct is read from, given its fact cells as a key holds them (joined by
    the delimiter, a tuple of cells, or a mapping row's items: :class:`_Row`); ``None`` where
    they hold none (the row is then keyed by the whole time index:
    :meth:`~kzspeechlaw.registers.keys.Table.number`)."""
    cols = _columns(header)
    at = next((n for n, i in enumerate(cols.facts) if header[i] == "conduct"), None)
    count = len(cols.facts)

    def cell(facts: Any) -> Any:
        if type(facts) is str:
            cells = facts.split(delimiter)
            return cells[at] if at is not None and len(cells) == count else None
        if type(facts) is not tuple:
            return None
        if all(type(c) is str for c in facts):
            return facts[at] if at is not None and len(facts) == count else None
        return next((item[2] for item in facts if type(item) is tuple and len(item) == 3
                     and item[:2] == ("str", "conduct") and type(item[2]) is str), None)

    return cell


def _table(task: rows.Task, token: object) -> Table:
    """This process's table for the register ``token``, reading a row's conduct as ``task``'s
    rows hold it."""
    keys = table(token, task.output == "full")
    keys.conduct = _conduct_cell(task.header, task.delimiter or ",")
    return keys


class Router:
    """Which of ``parts`` processes assesses each row of a register's CSV chunks, decided where the
    register is read, so that a process is sent its rows alone: the rows of one pair of intervals
    of the act and decision dates (:attr:`~kzspeechlaw.registers.keys.ActDay.route`, of the days
    every conduct's index holds) go to one process (every row of a key has the pair, so no key is
    learned twice). The pairs new in a chunk are given out largest first, each to the process with
    the least *spread* among those whose share of the chunk stays within its due (else to the one
    with fewest of the chunk's rows), so that each chunk is shared out evenly however few intervals
    its dates fall in, and so are the keys to learn: a process's spread is the sum, over the pairs
    it was given, of the square root of the pair's rows in the chunk where it was new (a pair's
    keys grow with its rows, but ever more slowly: its facts and deadlines are few). Giving the
    pairs of one act interval to one process instead left one process learning nearly twice the
    keys of the other on the benchmark's register. A row whose dates do not read (or that is not a
    row of the header's width) goes by its position in the chunk.

    Where the processes learn few keys, the rows go in consecutive *runs*, one per process:
    routing and putting the records back in order cost the parent about as much as the processes'
    work on the rows of known keys, while a key new to both processes is learned twice. After each
    chunk the parent tells the router how many keys its processes learned (:meth:`learned`): at
    most one in :data:`RUNS_FROM` rows, the next chunks go in runs; more than one in
    :data:`RUNS_UNTIL`, they are routed again; and never once they have learned
    :data:`~kzspeechlaw.registers.keys.SHARED_KEYS` in all (each process would hold every key).
    Where every process was forked with the answers kept by earlier runs (``known``), the first
    chunks go in runs."""

    def __init__(self, parts: int, known: bool = False) -> None:
        self.parts = parts
        self.runs = known  # consecutive runs of rows, one per process (the class doc)
        self.total = 0  # keys the processes learned so far
        self.routes = columns.Routes()  # the routes of the dates met, column by column
        self.acts: dict[Any, int] = {}  # a cell as the line holds it: the act date's interval (-1: none)
        self.decisions: dict[Any, int] = {}
        self.pairs: dict[int, int] = {}  # a pair of intervals (a number): its process
        self.spread = [0] * parts  # each process's pairs, by :data:`SPREAD` (the class doc)

    def route(self, task: rows.Task) -> tuple[bytes, list[Sequence[Any]]] | None:
        """A byte per row of the chunk, its process, and each process's rows in order; ``None`` for
        a chunk not of CSV lines (each process then finds its rows itself: :meth:`_Chunk.takes`)."""
        if task.format != "csv" or task.delimiter is None:
            return None
        cols = _columns(task.header)
        width, at_act, at_decided = cols.width, cols.act, cols.decided
        if at_act is None:
            return None
        parts = self.parts
        if self.runs:  # few keys new to the processes: consecutive runs of rows, one per process
            runs = _consecutive(task.rows, parts)
            return in_runs([len(run) for run in runs]), runs
        if len(self.acts) > MAX_KEYS or len(self.decisions) > MAX_KEYS:  # memory stays bounded
            self.acts.clear()
            self.decisions.clear()
        acts, decisions, default = self.acts, self.decisions, task.default
        act_of, decision_of = acts.get, decisions.get
        delimiter, after = task.delimiter, at_act + 1
        before = width - at_decided if at_decided is not None else 0  # the decision's cell, counted from the end
        found: list[int] = []  # each row's pair of intervals (-1: its dates do not read)
        add = found.append
        by_columns = columns.pairs(task.rows, width, at_act, at_decided, delimiter, self.routes, default)
        for raw in task.rows if by_columns is None else ():
            if raw.__class__ is str:  # a line of another width is routed all the same: any process reads it
                split = raw.split(delimiter, after)
                cell = split[at_act] if len(split) > at_act else None
                split = raw.rsplit(delimiter, before) if before else []
                given = split[-before] if 0 < before <= len(split) else None  # the first cell: no piece before it
            elif raw.__class__ is list and len(raw) == width:
                cell, given = raw[at_act], raw[at_decided] if at_decided is not None else None
            else:
                add(-1)
                continue
            act = act_of(cell)
            if act is None:
                act = acts[cell] = self._interval(cell, False)
            decided = decision_of(given)
            if decided is None:
                decided = decisions[given] = self._interval(given, True, default)
            add(act << DECIDED_BITS | decided if act >= 0 and decided >= 0 else -1)
        if by_columns is not None:  # placed and taken column by column
            self._place(columns.counted(by_columns), len(by_columns))
            return columns.taken(task.rows, by_columns, self.pairs, parts)
        self._place(collections.Counter(found), len(found))
        process_of = self.pairs.get
        ats = [process_of(pair, -1) for pair in found]
        if -1 in ats:  # by position
            ats = [at if at >= 0 else offset % parts for offset, at in enumerate(ats)]
        taken: list[list[Any]] = [[] for _ in range(parts)]
        takes = [t.append for t in taken]
        for raw, at in zip(task.rows, ats, strict=True):
            takes[at](raw)
        return bytes(ats), [*taken]

    def learned(self, rows: int, keys: int) -> None:
        """After a chunk of ``rows`` rows whose processes learned ``keys`` keys: whether the next
        chunks go in runs (the class doc)."""
        self.total += keys
        self.runs = self.total <= SHARED_KEYS and keys * (RUNS_UNTIL if self.runs else RUNS_FROM) <= rows

    def _interval(self, cell: Any, decision: bool, default: dt.date | None = None) -> int:
        """The interval of the act date, or of the ``decision`` date (blank: ``default``), a cell
        gives, as the processes read it (``-1`` where it does not read)."""
        if isinstance(cell, str):
            cell = cell.rstrip("\r\n")
        return route(cell, decision, default)

    def _place(self, counts: Mapping[int, int], rows: int) -> None:
        """Give each pair new in a chunk of ``rows`` rows (with ``counts`` of them) a process, as
        the class doc says."""
        # Loads in whole numbers, each times ``parts`` (exact, so the order in which the counts come
        # does not matter): the chunk's rows by position are given evenly.
        parts = self.parts
        load = [counts.get(-1, 0)] * parts
        new = []
        for pair, n in counts.items():
            if pair < 0:  # by position: counted above
                continue
            at = self.pairs.get(pair)
            if at is None:
                new.append((n, pair))
            else:
                load[at] += n * parts
        spread = self.spread
        for n, pair in sorted(new, reverse=True):
            due = [p for p in range(parts) if load[p] + n * parts <= rows]  # its due: rows / parts
            at = min(due, key=lambda p: (spread[p], load[p])) if due else load.index(min(load))
            self.pairs[pair] = at
            load[at] += n * parts
            spread[at] += math.isqrt(SPREAD * n)


RUNS_FROM = 50
"""Rows per key learned at most, in a routed chunk, for the next chunks to go in runs
(:class:`Router`). Routing a row and putting its record back cost the parent about two
microseconds, and a key learned by both processes costs one of them about half a millisecond more:
a chunk in runs costs less while fewer than one row in about 250 has a key new to both, and by
the time at most one row in 50 has a key new to the processes, most such keys are met by one
process alone. On the benchmark's million rows the later 46 of 52 chunks go in runs, and 9,293
keys are learned in all, against 9,017 by one process (9,147 where the rows go in runs only from
one key in 200 rows: from the fourteenth chunk)."""

RUNS_UNTIL = 20
"""Rows per key learned at most, in a chunk that went in runs, for the next to go in runs too
(fewer than :data:`RUNS_FROM`: a chunk's count varies, and a key learned by both processes is
counted twice)."""


SPREAD = 10_000
"""The scale of a pair's spread (:class:`Router`): its square root in whole numbers, exact in any
order of counting."""


def _consecutive(lines: Sequence[Any], parts: int) -> list[Sequence[Any]]:
    """A chunk's rows in ``parts`` consecutive runs, the first ones a row longer where they do not
    share out evenly (lines held as text stay text, cut in one pass: :meth:`~kzspeechlaw.registers.
    lines.TextLines.pieces`)."""
    size = -(-len(lines) // parts)
    if not isinstance(lines, TextLines):
        return [lines[n * size:(n + 1) * size] for n in range(parts)]
    return [*lines.pieces([min(n * size, len(lines)) for n in range(1, parts)])]


def in_runs(counts: list[int]) -> bytes:
    """The parts of a chunk's rows given in consecutive runs: ``counts[n]`` rows of part ``n`` in
    turn (what :meth:`Router.route` gives where every process knows the keys; the parent then
    joins the shares as they are)."""
    return b"".join(bytes([n]) * count for n, count in enumerate(counts))


def prepare(task: rows.Task, token: object) -> None:
    """Before a register's first row: this process's table for it, with the answers earlier runs
    kept for its kind of keys (:mod:`~kzspeechlaw.registers.learned`); worker processes forked
    after it have them."""
    from kzspeechlaw.registers import learned

    keys = _table(task, token)
    if keys.prepared:
        return
    keys.prepared = True
    found = learned.kind(task)
    if found is not None:
        learned.load(keys, found)


def preloaded(token: object) -> bool:
    """Whether this process's table for the register ``token`` holds answers kept by earlier runs
    (worker processes forked now have them all: the :class:`Router`'s first chunks go in runs)."""
    keys = current()
    return keys is not None and keys.token == token and keys.kind is not None and bool(keys.answers)


def keep() -> None:
    """Keep the answers this process learned for the register it assessed last (where
    :func:`prepare` read the kept ones)."""
    from kzspeechlaw.registers import learned

    learned.save(current())


def run_chunk(task: rows.Task, token: object, part: int = 0, parts: int = 1,
              where: bytes | None = None, taught: Iterable[tuple[Any, ...]] = ()) -> rows.Share:
    """Assess a task's rows from their keys (the same bytes, tally and warnings as
    :func:`kzspeechlaw.registers.rows.run_chunk`): all of them, or with ``parts`` processes those
    that are ``part``: as ``where`` gives them (:meth:`Router.route`: the task then holds this
    part's rows alone, in order), or else by :meth:`~kzspeechlaw.registers.keys.Table.part` (a
    key's rows are all one process's, so no key is learned twice). ``taught``: the answers the
    other processes learned from their rows (:attr:`~kzspeechlaw.registers.rows.Share.taught`),
    remembered first. Where the rows are routed, and the records brief (a whole assessment's
    answers are large, and the router sends those rows by their keys always), the share holds
    the answers learned here for the other processes: so the rows can go in runs (:class:`Router`)
    without a key learned by one process being learned again by the others."""
    keys = _table(task, token)
    keys.fresh()
    keys.preload(taught, SHARED_KEYS)
    keys.taught = [] if where is not None and parts > 1 and not keys.full else None
    chunk = _Chunk(task, keys, part, parts, where)
    with coverage_report.stale_checks_silenced():
        if task.format == "csv":
            _csv_chunk(chunk)
        else:
            for offset, raw in enumerate(task.rows):
                item = decode(task.format, task.header, raw)
                cells = _mapping_row(item)
                if chunk.takes(offset, cells):
                    chunk.row(task.start + offset, raw, cells, item)
    return chunk.result()


def _csv_chunk(chunk: _Chunk) -> None:
    """A CSV chunk's rows: the lines split here of the header's width, whose key is known and that
    state no date but the act's and the decision's, written here (the hot loop of a long
    register); the others by :meth:`_Chunk.row`."""
    task, keys = chunk.task, chunk.keys
    cols = _columns(task.header)
    delimiter = task.delimiter or ","
    reader = _csv_reader(cols, delimiter)
    split = task.delimiter is not None  # lines without quotes, left for this process to split
    pick = _picker(cols.facts)
    width, dated, at_id, at_act, at_decided = cols.width, cols.dated, cols.id, cols.act, cols.decided
    where = chunk.where
    if at_act is None or not split:  # never routed (Router.route)
        for offset, raw in enumerate(task.rows):
            cells = task.cells(raw)
            found = reader(cells, type(raw) is str)
            if chunk.takes(offset, found):
                chunk.row(task.start + offset, cells, found)
        return
    answers, acts, decisions, numbers, maps = keys.answers, keys.acts, keys.decisions, keys.facts, keys.maps
    exact_facts = keys.exact_facts
    answer_of, act_of, decision_of, number_of = answers.get, acts.get, decisions.get, numbers.get
    default = task.default
    part, parts = chunk.part, chunk.parts if where is None else 1  # routed: the rows of other parts are skipped
    note = chunk.mine.append if chunk.mine is not None else None
    add_line, add_code = chunk.lines.append, chunk.codes.append
    bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
    join = delimiter.join
    latest = chunk.latest
    places: Any = range(task.start, task.start + len(task.rows))  # each row's position in the register
    if where is not None:  # routed: the task holds this process's rows alone
        places = _places(where, chunk.part, task.start)
    lines: Sequence[Any] = task.rows
    known = None
    if parts == 1 and not keys.full:  # the rows of known keys keyed and written column by column
        known = columns.key_chunk(task.rows, places, width, at_id, at_act, at_decided, cols.facts, dated, delimiter,
                                  keys, default, task.output != "none")
        if known is not None:
            lines = known.lines
            places = [places[i] for i in known.slow]
    for row, raw in zip(places, lines, strict=True):
        if raw.__class__ is not str:  # read by the csv module, or unreadable
            cells = raw
        else:
            cells = raw.rstrip("\r\n").split(delimiter)
            if len(cells) == width:
                cell = cells[at_act]
                act = act_of(cell)
                if act is None and cell not in acts:
                    act = keys.act(cell)
                given = cells[at_decided] if at_decided is not None else None
                decided = decision_of(given)
                if decided is None and given not in decisions:
                    decided = keys.decision(given, default)
                if parts > 1:  # the row's part, as Table.part gives it
                    at = (act[9] * 31 + decided[5] if act is not None and decided is not None
                          else row - task.start) % parts
                    if note is not None:
                        note(at)
                    if at != part:
                        continue
                if act is not None and decided is not None and not (dated and any(cells[i].strip() for i in dated)):
                    _, ordinal, _, _, when, deadlines, _, mcode, _, _ = act
                    at = decided[1]
                    if at >= ordinal:
                        facts = join(pick(cells))
                        number = number_of(facts)
                        if number is None:
                            number = keys.number(facts)
                        if number not in exact_facts:  # else keyed by the exact dates (the row)
                            by_act, by_decision, _ = maps[number]
                            key = (number, by_act[when], by_decision[decided[3]], bisect_left(deadlines, at, 0, 1),
                                   bisect_right(deadlines, at) + bisect_left(deadlines, at))
                            answer = answer_of(key)
                            if answer.__class__ is Windows:  # a whole assessment's: by the dates' places too
                                answer = answer_of((key, answer.place(act, decided)))
                            if answer.__class__ is Answer:
                                write = answer.write
                                if write is not None:
                                    ident = cells[at_id] if at_id is not None else ""
                                    if ident.isascii() and ident.isprintable() and "\\" not in ident \
                                            and ident.strip():  # no quote: the line has none
                                        ident = f'"{ident}"'
                                    else:
                                        ident = _id_json(ident) if ident and not ident.isspace() else str(row)
                                    add_line(write(ident, act, decided))
                                add_code(answer.code + mcode)
                                if at > latest:
                                    latest = at
                                continue
                chunk.latest = latest
                chunk.row(row, cells, reader(cells, True))
                latest = chunk.latest
                continue
        found = reader(cells, False) if cells.__class__ is list else None  # a split line of another width: None
        if chunk.takes(row - task.start, found):
            chunk.latest = latest
            chunk.row(row, cells, found)
            latest = chunk.latest
    chunk.latest = latest
    if known is not None:
        chunk.output, chunk.codes = known.merged(chunk.lines, chunk.codes)
        chunk.latest = max(latest, known.latest)


def _places(where: bytes, part: int, start: int) -> Sequence[int]:
    """The positions in the register (the chunk's first row at ``start``) of the rows ``where``
    gives to ``part`` (a byte per row): a range where they are one run (:func:`in_runs`)."""
    mine = bytes((part,))
    first, count = where.find(mine), where.count(mine)
    if count == 0 or where.rfind(mine) - first + 1 == count:
        return range(start + max(first, 0), start + max(first, 0) + count)
    return [start + offset for offset, p in enumerate(where) if p == part]


def _id_json(ident: Any) -> str:
    """A row's id as its record writes it."""
    if type(ident) is str and ident.isascii() and ident.isprintable() and '"' not in ident and "\\" not in ident:
        return f'"{ident}"'
    return export.dumps(export.jsonable(ident))


class _Learn(NamedTuple):
    """A key met for the first time, the row's dates, and, for a whole assessment, the key's
    :class:`~kzspeechlaw.registers.keys.Windows` where met before (the key is then the key and
    the dates' places in them)."""

    key: tuple[Any, ...]
    act: ActDay
    decided: DecisionDay
    windows: Windows | None

    @property
    def exact(self) -> bool:
        return len(self.key) == 3

    def key_of(self, keys: Table, act: ActDay, decided: DecisionDay) -> tuple[Any, ...]:
        """The key of the row with other dates (not keyed by its exact dates)."""
        base = self.key[0] if self.windows is not None else self.key
        key = keys.key(base[0], act, decided)
        return key if self.windows is None else (key, self.windows.place(act, decided))

    def learn(self, result: Any, line: str | None, found: Digest, chunk: _Chunk, row: int, item: Any) -> None:
        """Remember the key's answer from its first row, where the row was assessed and its record
        makes a template (see the module doc)."""
        keys = chunk.keys
        if result.assessment is None:
            return  # errors are written by the reference path, row by row
        if keys.full and not self.exact and self.windows is None:  # the key's first row: its windows
            windows = Windows.of(result.assessment)
            keys.remember(self.key, windows)
            placed = self._replace(key=(self.key, windows.place(self.act, self.decided)), windows=windows)
            placed.learn(result, line, found, chunk, row, item)
            return
        template: str | None = None
        if line is not None:
            head = f'{{"id": {_id_json(result.id)}, '
            if not line.startswith(head) or '"error": ' in line[len(head):len(head) + 9]:
                return
            body = line[len(head):]
            if self.exact:  # keyed by the exact dates: nothing to fill in but the id
                made: str | None = escaped(body)
            else:
                slots, fixed = self.slots(self.act, self.decided)
                made = templated(body, slots, fixed, row_dates=not keys.full)  # brief: its MCI date
                if made is None and isinstance(item, Mapping):
                    made = self._witness(body, head, chunk, row, item)
            if made is None or made == EXACT:  # no witness: the exact dates, as for a date of neither kind
                keys.remember(self.key, EXACT)
                return
            template = '{{"id": {0}, ' + made
        answer = keys.answer(template, found._replace(month=None))
        if template is not None and answer.write is not None:
            ident = head[7:-2]
            written = answer.write(ident, self.act, self.decided)
            if (template.format(ident, *self.slots(self.act, self.decided)[0]) != line
                    or rows.joined([written]) != rows.joined([line])):
                keys.remember(self.key, EXACT)  # never: the template writes its own row's record
                return
        keys.remember(self.key, answer)

    @property
    def act_fixed(self) -> bool:
        """Whether the key fixes the act date: keyed by the exact dates, or at a counted place of a
        window (:meth:`~kzspeechlaw.registers.keys.Windows.pins_act`), it is that day for every row."""
        return self.exact or (self.windows is not None and self.windows.pins_act(self.key[1]))

    def slots(self, act: ActDay, decided: DecisionDay) -> tuple[tuple[str, ...], frozenset[str]]:
        """The slots' values for a row's dates, and those the key fixes (a fixed act date and its
        deadlines: :attr:`act_fixed`)."""
        slots = (act.iso, decided.iso, *act.slots)
        return slots, frozenset(set(act.slots) | {act.iso} if self.act_fixed else ())

    def _witness(self, body: str, head: str, chunk: _Chunk, row: int, item: Mapping[str, Any]) -> str | None:
        """The template, where a date of the row is also one of the data's, from a *witness*: the
        row with its dates moved by a few days, where that keeps its key and moves every slot the
        key does not fix (a deadline at a month's end may not move). A date that moves with the
        row's dates is a slot, one that does not is the data's; ``None`` where no move does so."""
        keys = chunk.keys
        for shift in (1, -1, 2, -2, 3, -3, 4, -4, 6, -6, 9, -9, 13, -13):
            move = dt.timedelta(days=shift)
            try:
                act = self.act if self.act_fixed else keys.act((self.act.day + move).isoformat())
                decided = keys.decision((self.decided.day + move).isoformat(), None)
            except OverflowError:
                continue
            if act is None or decided is None or decided.ordinal < act.ordinal or (act, decided) == (
                    self.act, self.decided):
                continue
            if self.key_of(keys, act, decided) != self.key:
                continue
            (mine, fixed), theirs = self.slots(self.act, self.decided), self.slots(act, decided)[0]
            if any(a == b and a not in fixed for a, b in zip(mine, theirs, strict=True)):
                continue  # a deadline that does not move (a month's end: 29 and 30 December + 2 months)
            moved = {**item, "act_date": act.iso, "decided_on": decided.iso}
            result, other = rows.one_row(row, moved, chunk.task.default, chunk.task.output)
            if result.assessment is None or other is None or not other.startswith(head):
                return EXACT
            return aligned(body, other[len(head):], self.slots(self.act, self.decided)[0],
                            self.slots(act, decided)[0])
        return None


def _tally(codes: list[int], digests: list[Digest]) -> tuple[Tally, bool]:
    """The tally of a chunk's rows from their count codes (a digest's number and a month: see
    :meth:`~kzspeechlaw.registers.keys.Table.code`), equal ones counted together, or in row order
    where a fine is not a whole number (a sum of floats depends on the order of its terms); and
    whether every fine is a whole number."""
    part = Tally()
    shift, low = MONTH_BITS, (1 << MONTH_BITS) - 1
    numbers = columns.regrouped(codes, shift)  # rows per digest
    if not all(rows.is_whole(digests[d].fine_kzt_min) and rows.is_whole(digests[d].fine_kzt_max) for d in numbers):
        for c in codes:
            part.add(digests[c >> shift]._replace(month=month_name(c & low)))
        return part, False
    # A month counts a digest by its regime, whether it is liable and its fines (in tenge, or with
    # no tenge amount): digests alike in these are counted together (sums of whole numbers).
    kinds: dict[int, int] = {}
    alike: dict[tuple[Any, ...], int] = {}
    for d in numbers:
        g = digests[d]
        kinds[d] = alike.setdefault((g.ok, g.regime, g.outcome == "liable", g.fine_kzt_min, g.fine_kzt_max,
                                       g.fine_not_in_tenge), d)
    by_month = columns.regrouped(codes, shift, kinds)
    part.add_grouped(((digests[d], n) for d, n in numbers.items()),
                     ((month_name(c & low), digests[c >> shift], n) for c, n in by_month.items()))
    return part, True
