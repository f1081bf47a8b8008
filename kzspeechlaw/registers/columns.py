"""The rows of a CSV chunk whose keys are known, keyed and written column by column.

:mod:`~kzspeechlaw.registers.keyed` decides a row from its key; its loop reads a line at a time,
at some microseconds a row. Where ``numpy`` is installed (the ``fast`` extra), a chunk of plain
lines is keyed here at once: the cells are found from the positions of the delimiters, the act and
decision dates read from their ten bytes, the fact cells numbered by their bytes (a hash, each
row's bytes then compared with those of its hash's first row: a collision is never a wrong key),
and each row's key made from the dates' intervals and places among the deadlines exactly as
:func:`~kzspeechlaw.registers.keyed._key` makes it. The rows whose key the table knows, with an
answer of the brief record's form (the id and at most one date:
:attr:`~kzspeechlaw.registers.keys.Answer.pieces`), are written from their answer's pieces; the
others (a key not known, a date that does not read, a date field stated, an id with a leading
space) are left to the loop, which learns them. What the dates and the answers give is kept
between chunks beside the table (:class:`Kept`), so a chunk costs Python work only for what is new
in it.

A chunk is keyed here only where every row is a line of ASCII text without quotes, backslashes or
control characters (a carriage return only at a line's end), each with the header's number of
cells: lines whose cells and records the loop reads and writes exactly so. Any other chunk is the
loop's.

The parent's work on a chunk is done here the same way: the rows' pairs of intervals and their
processes (:func:`pairs`, :func:`taken`), the parts' records put back in the rows' order
(:func:`interleaved`), and the counts a tally is made from (:func:`counted`, :func:`regrouped`).
Without numpy, :func:`pairs` gives ``None`` (the router reads line by line) and the others work in
plain Python.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from kzspeechlaw.registers import rows
from kzspeechlaw.registers.keys import DECIDED_BITS, MAX_KEYS, Answer, Table, conduct_maps, route
from kzspeechlaw.registers.lines import TextLines

np: Any
try:
    import numpy as np
except ImportError:  # the loop alone
    np = None

_SPAN = 64
"""The longest run of fact cells (in bytes) keyed here: a longer one is the loop's."""

_WHEN = 11
"""Bits of an interval's number in a row's key."""

_BLANK, _OTHER = -2, -1
"""The codes of a blank date cell and of one not of the form ``YYYY-MM-DD``."""


def available() -> bool:
    """Whether chunks can be keyed here (``numpy`` is installed)."""
    return np is not None


class _Coded:
    """A number for each code of a cell (:func:`_date_codes`) met so far, kept sorted by code: each
    row's is found at C speed, and ``make`` gives it once, when the code is new."""

    def __init__(self, make: Callable[[int], int]) -> None:
        self.make = make
        self.codes = np.empty(0, dtype=np.int64)  # sorted
        self.values = np.empty(0, dtype=np.int64)  # of the codes, in their order

    def of(self, codes: Any) -> Any:
        """Each row's number (``codes``: each row's code)."""
        distinct, index = np.unique(codes, return_inverse=True)
        at = np.minimum(np.searchsorted(self.codes, distinct), max(len(self.codes) - 1, 0))
        if not len(self.codes) or not (self.codes[at] == distinct).all():
            new = np.setdiff1d(distinct, self.codes)  # in order: numbered as they come
            made = np.array([self.make(code) for code in new.tolist()], dtype=np.int64)
            self.codes, self.values = np.concatenate((self.codes, new)), np.concatenate((self.values, made))
            order = np.argsort(self.codes, kind="stable")
            self.codes, self.values = self.codes[order], self.values[order]
            at = np.searchsorted(self.codes, distinct)
        return self.values[at][index.reshape(-1)]


def _text(code: int) -> str:
    """The cell of a date's code (:func:`_date_codes`; not :data:`_OTHER`)."""
    return "" if code == _BLANK else f"{code // 10000:04d}-{code // 100 % 100:02d}-{code % 100:02d}"


class _Dates:
    """The dates of one column read so far (each given a number when first met), with what a key
    and a record take from them as arrays by number; a cell is coded by :func:`_date_codes`."""

    def __init__(self, read: Callable[[str], Any], terms: int) -> None:
        self.read = read
        self.terms = terms  # the act date and its deadlines (acts); 0 for decisions
        self.numbers = _Coded(self._add)
        self.days: list[Any] = []
        self.texts: list[str] = []  # the ISO text (acts: then the slots), by number
        self.text_of = np.empty(0, dtype=object)  # the arrays by number (:meth:`_arrays`)
        self.ok = np.empty(0, dtype=bool)
        self.ordinal = self.when = self.month = np.empty(0, dtype=np.int64)
        self.deadlines = np.empty((0, terms), dtype=np.int64)

    def numbered(self, codes: Any) -> Any:
        """Each row's date number (``codes``: each row's code)."""
        if len(self.days) > MAX_KEYS:  # memory stays bounded
            self.__init__(self.read, self.terms)  # type: ignore[misc]
        found = self.numbers.of(codes)
        if len(self.ok) != len(self.days):
            self._arrays()
        return found

    def _add(self, code: int) -> int:
        """A new date's number, its day read and noted."""
        day = None if code == _OTHER else self.read(_text(code))
        self.days.append(day)
        if self.terms:
            self.texts += (day.iso, *day.slots) if day is not None else ("",) * (self.terms + 1)
        else:
            self.texts.append(day.iso if day is not None else "")
        return len(self.days) - 1

    def _arrays(self) -> None:
        """The arrays by number, extended with the days added since they were made."""
        done = len(self.ok)
        days = self.days[done:]
        span = self.terms + 1
        extend = [
            ("text_of", _objects(self.texts[done * span:])),
            ("ok", np.array([d is not None for d in days], dtype=bool)),
            ("ordinal", np.array([d.ordinal if d else 0 for d in days], dtype=np.int64)),
            ("when", np.array([d.when if d else 0 for d in days], dtype=np.int64)),
        ]
        if self.terms:
            extend += [
                ("month", np.array([d.mcode if d else 0 for d in days], dtype=np.int64)),
                ("deadlines", np.array([d.deadlines if d else (0,) * self.terms for d in days],
                                       dtype=np.int64).reshape(len(days), self.terms)),
            ]
        for name, added in extend:
            setattr(self, name, np.concatenate((getattr(self, name), added)))


class _Answers:
    """The answers met so far with their pieces, each given a number, by a row's key as a number
    (:func:`key_chunk`), with their count codes and fields as arrays."""

    def __init__(self) -> None:
        self.number: dict[int, int] = {}
        self.codes: list[int] = []
        self.fields: list[int] = []
        self.heads: list[str] = []  # two by number: before an id written as it is, and as a string
        self.mids: list[str] = []
        self.tails: list[str] = []
        self.code_of = self.field_of = np.empty(0, dtype=np.int64)  # extended when answers are added (:meth:`arrays`)
        self.head_of = self.mid_of = self.tail_of = np.empty(0, dtype=object)

    def add(self, key: int, answer: Any) -> None:
        head, mid, field, tail = answer.pieces if answer.pieces is not None else ("", "", -1, "")
        self.number[key] = len(self.codes)
        self.codes.append(answer.code)
        self.fields.append(field)
        self.heads += (head, head + '"')
        self.mids += (mid, '"' + mid)
        self.tails.append(tail)

    def arrays(self) -> tuple[Any, Any]:
        """The count codes and fields by number (and the pieces: :attr:`head_of`...), extended with
        the answers added since they were made."""
        done = len(self.code_of)
        if done != len(self.codes):
            self.code_of = np.concatenate((self.code_of, np.array(self.codes[done:], dtype=np.int64)))
            self.field_of = np.concatenate((self.field_of, np.array(self.fields[done:], dtype=np.int64)))
            self.head_of = np.concatenate((self.head_of, _objects(self.heads[2 * done:])))
            self.mid_of = np.concatenate((self.mid_of, _objects(self.mids[2 * done:])))
            self.tail_of = np.concatenate((self.tail_of, _objects(self.tails[done:])))
        return self.code_of, self.field_of


def _objects(texts: list[str]) -> Any:
    """Texts as an array of objects (gathered by index at C speed)."""
    return np.array(texts, dtype=object) if texts else np.empty(0, dtype=object)


class Kept:
    """What is kept beside a table between chunks: its dates by column and default, its answers
    by key (stale once the table starts afresh)."""

    def __init__(self, keys: Table) -> None:
        self.generation = keys.generation
        self.acts = _Dates(keys.act, len(keys.terms) + 1)
        self.decisions: dict[Any, _Dates] = {}
        self.answers = _Answers()
        maps = conduct_maps()  # each row's intervals in its conduct's index (by number)
        self.act_maps = np.array(maps.acts, dtype=np.int64)
        self.decision_maps = np.array(maps.decisions, dtype=np.int64)


def _kept(keys: Table) -> Kept:
    kept = keys.columns
    if kept is None or kept.generation != keys.generation:
        kept = keys.columns = Kept(keys)
    return kept  # type: ignore[no-any-return]


class Known(NamedTuple):
    """A chunk keyed here: the rows left to the loop (offsets, in order) and their lines, the
    offsets of the rows written here, their records' pieces (``None`` for output ``none``: see
    :func:`_written`) and count codes, and the latest decision date of the rows written here (an
    ordinal, 0 for none)."""

    slow: list[int]
    lines: list[str]
    done: Any  # offsets, ascending
    pieces: Any
    codes: Any
    latest: int

    def merged(self, lines: list[Any], codes: list[int]) -> tuple[bytes, list[int]]:
        """The records of every row, in order, with the loop's (``lines``, of the rows of
        :attr:`slow`), as the chunk's bytes (:func:`~kzspeechlaw.registers.rows.joined`), and the
        count codes of every row. The pieces are joined once, with the loop's records put in
        between, and encoded once (a brief chunk's records are some megabytes: each copy of them
        cost more than putting them together)."""
        order = None
        if self.slow:
            order = _in_order(np.concatenate((self.done, np.asarray(self.slow, dtype=np.int64))))
            merged = np.concatenate((self.codes, np.asarray(codes, dtype=np.int64)))[order].tolist()
        else:
            merged = self.codes.tolist()
        if self.pieces is None:
            return b"", merged
        pieces = self.pieces
        if any(type(line) is not str for line in lines):  # bytes: one record per row
            both = [*map("".join, pieces[:, :-1].tolist()), *lines]
            return rows.joined(both if order is None else list(map(both.__getitem__, order.tolist()))), merged
        flat = pieces.ravel().tolist()  # each row's pieces, the last its line feed
        if lines:  # each of the loop's records before the first row written here after it
            width = pieces.shape[1]
            at = (np.searchsorted(self.done, np.asarray(self.slow, dtype=np.int64)) * width).tolist()
            out: list[str] = []
            last = 0
            for a, line in zip(at, lines, strict=True):
                out += flat[last:a]
                out += (line, "\n")
                last = a
            out += flat[last:]
            flat = out
        return rows.encoded("".join(flat)), merged


def key_chunk(rows: Sequence[Any], places: Sequence[int], width: int, at_id: int | None, at_act: int,
              at_decided: int | None, facts: tuple[int, ...], dated: tuple[int, ...], delimiter: str,
              keys: Table, default: Any, written: bool) -> Known | None:
    """Key a chunk's lines (``places``: each row's position in the register) and write those whose
    answer ``keys`` knows; ``None`` where the chunk is not one this module keys (see the module
    doc)."""
    cut = _cells(rows, width, delimiter)
    if cut is None or max(len(keys.act_index.days), len(keys.decision_index.days)) >= 1 << _WHEN or (
            2 * (len(keys.terms) + 1) >= 32):  # each place in a row's key as a number has its bits (below)
        return None
    text, data, starts, ends = cut
    n = len(rows)
    kept = _kept(keys)
    numbered = _facts(data, text, starts, ends, facts, delimiter, keys, kept)
    if numbered is None:
        return None
    acts, a, decisions, d = _days(kept, keys, data, starts, ends, at_act, at_decided, default)
    decided = decisions.ordinal[d]
    conduct = np.array([m[2] for m in keys.maps], dtype=np.int64)[numbered]
    a_when, d_when = kept.act_maps[conduct, acts.when[a]], kept.decision_maps[conduct, decisions.when[d]]
    ok = acts.ok[a] & decisions.ok[d] & (decided >= acts.ordinal[a])
    for at in dated:  # a date field stated: keyed by the exact dates (the loop)
        ok &= ends[:, at] == starts[:, at]
    if keys.exact_facts:  # facts keyed by the exact dates (keys.EXACT_FACTS): the loop's
        ok &= ~np.isin(numbered, np.fromiter(keys.exact_facts, dtype=np.int64))
    quoted = np.zeros(n, dtype=bool)
    if at_id is not None:
        quoted = ends[:, at_id] > starts[:, at_id]
        ok &= ~(quoted & (data[starts[:, at_id]] == 32))  # a leading space: the loop's
    deadlines = acts.deadlines[a]
    before = (deadlines[:, :1] < decided[:, None]).sum(1)  # after the act date (the first deadline)
    place = (deadlines <= decided[:, None]).sum(1) + (deadlines < decided[:, None]).sum(1)  # odd on a deadline
    key = ((numbered << _WHEN | a_when) << _WHEN | d_when) << 8 | before << 5 | place
    key = np.where(ok, key, -1)

    answers = kept.answers
    distinct, index = np.unique(key, return_inverse=True)
    slot = [answers.number.get(k, -1) for k in distinct.tolist()]
    for at, k in enumerate(distinct.tolist()):
        if slot[at] < 0 and k >= 0:
            found = keys.answers.get((k >> (2 * _WHEN + 8), k >> (_WHEN + 8) & ((1 << _WHEN) - 1),
                                      k >> 8 & ((1 << _WHEN) - 1), k >> 5 & 7, k & 31))
            if isinstance(found, Answer) and (not written or found.pieces is not None):
                answers.add(k, found)
                slot[at] = answers.number[k]
    of_row = np.array(slot, dtype=np.int64)[index.reshape(-1)]
    done = np.flatnonzero(of_row >= 0)
    slow = np.flatnonzero(of_row < 0).tolist()
    line_ends = np.append(starts[1:, 0], len(text))  # each line's end, after its line feed
    lines = list(map(text.__getitem__, map(slice, starts[slow, 0].tolist(), line_ends[slow].tolist())))
    k_done = of_row[done]
    code_of, field_of = answers.arrays()
    codes = code_of[k_done] + acts.month[a[done]]
    latest = int(decided[done].max()) if len(done) else 0
    pieces = None
    if written:
        pieces = _written(answers, k_done, field_of[k_done], done, a[done], d[done], quoted[done], acts, decisions,
                         text, starts, ends, at_id, places)
    return Known(slow, lines, done, pieces, codes, latest)


def _cells(rows: Sequence[Any], width: int, delimiter: str) -> tuple[str, Any, Any, Any] | None:
    """A chunk's lines as one text (as it is where they are held as text: :class:`~kzspeechlaw.
    registers.lines.TextLines`), its bytes (sixteen NUL bytes after them) and where each cell of
    each row starts and ends in them; ``None`` where a row is not a line this module reads (see
    the module doc)."""
    if np is None or not rows or len(delimiter) != 1:
        return None
    try:
        text = rows.text if isinstance(rows, TextLines) else "".join(rows)
    except TypeError:  # a row not a line
        return None
    n = len(rows)
    if not text.isascii() or '"' in text or "\\" in text:
        return None
    data = np.frombuffer((text + "\0" * 16).encode("ascii"), dtype=np.uint8)
    split = ord(delimiter)
    body = data[:-16]
    returns = np.count_nonzero(body == 13) if "\r" in text else 0
    allowed = n + returns + (np.count_nonzero(body == split) if split < 32 else 0)
    if np.count_nonzero(body == 10) != n or np.count_nonzero(body < 32) != allowed or (body == 127).any():
        return None
    seps = np.flatnonzero((body == split) | (body == 10))
    if len(seps) != n * width:
        return None
    ends = seps.reshape(n, width)
    if not (body[ends[:, -1]] == 10).all():
        return None
    starts = np.empty_like(ends)
    starts[:, 1:] = ends[:, :-1] + 1
    starts[0, 0] = 0
    starts[1:, 0] = ends[:-1, -1] + 1
    if returns:  # each a line's end "\r\n" (a carriage return anywhere else: the loop's); its last cell ends before it
        crlf = body[ends[:, -1] - 1] == 13
        if np.count_nonzero(crlf) != returns:
            return None
        ends[:, -1] -= crlf
    return text, data, starts, ends


def _days(kept: Kept, keys: Table, data: Any, starts: Any, ends: Any, at_act: int, at_decided: int | None,
          default: Any) -> tuple[_Dates, Any, _Dates, Any]:
    """The act and decision dates read so far, and each row's number in them."""
    acts = kept.acts
    a = acts.numbered(_date_codes(data, starts[:, at_act], ends[:, at_act]))
    if at_decided is None:
        cells = np.full(len(starts), _BLANK, dtype=np.int64)
    else:
        cells = _date_codes(data, starts[:, at_decided], ends[:, at_decided])
    decisions = kept.decisions.get(default)
    if decisions is None:
        decisions = kept.decisions[default] = _Dates(
            (lambda cell: keys.decision(None, default)) if at_decided is None else (
                lambda cell: keys.decision(cell, default)), 0)
    return acts, a, decisions, decisions.numbered(cells)


class Routes:
    """The routes (:func:`~kzspeechlaw.registers.keys.route`) of the dates of a register's act and
    decision cells read so far, by their codes (:func:`_date_codes`), for :func:`pairs`."""

    def __init__(self) -> None:
        self.columns: dict[tuple[bool, Any], _Coded] = {}  # by column and default

    def of(self, codes: Any, decision: bool, default: Any) -> Any:
        """Each cell's route (``codes``: each cell's code)."""
        coded = self.columns.get((decision, default))
        if coded is None or len(coded.codes) > MAX_KEYS:  # memory stays bounded
            coded = self.columns[decision, default] = _Coded(
                lambda code: -1 if code == _OTHER else route(_text(code), decision, default))
        return coded.of(codes)


def pairs(rows: Sequence[Any], width: int, at_act: int, at_decided: int | None, delimiter: str, routes: Routes,
          default: Any) -> Any:
    """Each line's pair of the intervals of its act and decision dates, as
    :class:`~kzspeechlaw.registers.keyed.Router` numbers them (``-1`` where a date does not read,
    or is not written ``YYYY-MM-DD``); ``None`` where a row is not a line this module reads."""
    cut = _cells(rows, width, delimiter)
    if cut is None:
        return None
    _, data, starts, ends = cut
    a = routes.of(_date_codes(data, starts[:, at_act], ends[:, at_act]), False, None)
    d = routes.of(np.full(len(starts), _BLANK, dtype=np.int64) if at_decided is None else
                  _date_codes(data, starts[:, at_decided], ends[:, at_decided]), True, default)
    return np.where((a >= 0) & (d >= 0), a << DECIDED_BITS | d, -1)


def _in_order(positions: Any) -> Any:
    """Where each row is among items given at ``positions`` (each row's position, every row once):
    the items taken at these indices are in the rows' order."""
    at = np.empty(len(positions), dtype=np.int64)
    at[positions] = np.arange(len(positions))
    return at


LONG_LINE = 1024
"""The length (bytes) from which lines are found one by one (:func:`line_ends`)."""


def line_ends(output: bytes | bytearray, lines: int) -> Any:
    """Where each line of ``output`` ends, just after its line feed (a last line without its line
    feed is not one): an array, or a list without numpy. ``lines``, how many the caller expects,
    chooses the way: long lines (whole assessments, 9 KB) are found one by one, at C speed, short
    ones (brief records) all at once with numpy."""
    if np is not None and len(output) < LONG_LINE * lines:
        return np.flatnonzero(np.frombuffer(output, dtype=np.uint8) == 10) + 1
    ends = []
    find = output.find
    at = find(b"\n")
    while at != -1:
        ends.append(at + 1)
        at = find(b"\n", at + 1)
    return ends


def interleaved(where: bytes, outputs: list[bytes | bytearray], ends: list[Any]) -> bytes:
    """The records of the parts' outputs put back in the rows' order (``where``: each row's part;
    each output holds one line per row of its part, in order; ``ends``: their :func:`line_ends`).
    Rows of one part next to each other are taken as one piece of its output, and the pieces are
    joined once: the records' bytes are copied once."""
    views = [memoryview(output) for output in outputs]
    if np is None:
        taken = [0] * len(outputs)
        pieces = []
        for p in where:
            k = taken[p]
            pieces.append(views[p][ends[p][k - 1] if k else 0:ends[p][k]])
            taken[p] = k + 1
        return b"".join(pieces)
    parts = np.frombuffer(where, dtype=np.uint8)
    if not len(parts):
        return b""
    starts = np.empty(len(parts), dtype=np.int64)  # each row's record in its part's output
    stops = np.empty(len(parts), dtype=np.int64)
    for p in range(len(outputs)):
        mine = parts == p
        stop = np.asarray(ends[p], dtype=np.int64)
        stops[mine] = stop
        starts[mine] = stop - np.diff(stop, prepend=0)  # where the line before it ends
    firsts = np.flatnonzero(np.concatenate(([True], parts[1:] != parts[:-1])))  # each run of one part's rows
    lasts = np.append(firsts[1:], len(parts)) - 1
    return b"".join(map(memoryview.__getitem__, map(views.__getitem__, parts[firsts].tolist()),
                        map(slice, starts[firsts].tolist(), stops[lasts].tolist())))


def counted(values: Any) -> dict[int, int]:
    """How many times each number occurs in ``values`` (a sequence or array of whole numbers)."""
    if np is None:
        return dict(collections.Counter(values))
    distinct, counts = np.unique(np.asarray(values, dtype=np.int64), return_counts=True)
    return dict(zip(distinct.tolist(), counts.tolist(), strict=True))


def regrouped(codes: Any, shift: int, kinds: dict[int, int] | None = None) -> dict[int, int]:
    """How many of ``codes`` there are of each high part (``code >> shift``), or, given ``kinds``
    (a number for each high part), of each code with its high part replaced by its kind's."""
    low = (1 << shift) - 1
    if np is None:
        if kinds is None:
            return dict(collections.Counter(c >> shift for c in codes))
        return dict(collections.Counter(kinds[c >> shift] << shift | c & low for c in codes))
    values = np.asarray(codes, dtype=np.int64)
    high = values >> shift
    if kinds is not None:
        numbered = np.array(sorted(kinds), dtype=np.int64)
        kind = np.array([kinds[h] for h in numbered.tolist()], dtype=np.int64)[np.searchsorted(numbered, high)]
        return counted(kind << shift | values & low)
    return counted(high)


def taken(rows: Sequence[Any], pairs: Any, process_of: dict[int, int], parts: int) -> tuple[bytes,
                                                                                          list[Sequence[Any]]]:
    """Each row's process (a byte per row) and each process's rows in order, as
    :meth:`~kzspeechlaw.registers.keyed.Router.route` gives them: a row's pair's process
    (``process_of``), or for a row without one, its position modulo ``parts``."""
    distinct, index = np.unique(pairs, return_inverse=True)
    at = np.array([process_of.get(p, -1) for p in distinct.tolist()], dtype=np.int64)[index.reshape(-1)]
    if (at < 0).any():  # by position
        at = np.where(at < 0, np.arange(len(at)) % parts, at)
    taken: list[Sequence[Any]] = [list(map(rows.__getitem__, np.flatnonzero(at == n).tolist())) for n in range(parts)]
    return at.astype(np.uint8).tobytes(), taken


def _date_codes(data: Any, starts: Any, ends: Any) -> Any:
    """Each cell's code: ``YYYYMMDD`` as a number for a cell of that form, :data:`_BLANK` for an
    empty one, :data:`_OTHER` for any other (the loop reads it)."""
    length = ends - starts
    shaped = length == 10
    cells = data[np.where(shaped, starts, 0)[:, None] + np.arange(10)].astype(np.int64) - 48
    digits = cells[:, [0, 1, 2, 3, 5, 6, 8, 9]]
    shaped &= ((digits >= 0) & (digits <= 9)).all(1) & (cells[:, 4] == -3) & (cells[:, 7] == -3)
    ymd = digits @ np.array([10**7, 10**6, 10**5, 10**4, 1000, 100, 10, 1], dtype=np.int64)
    return np.where(shaped, ymd, np.where(length == 0, _BLANK, _OTHER))


def _facts(data: Any, text: str, starts: Any, ends: Any, facts: tuple[int, ...], delimiter: str,
           keys: Table, kept: Kept) -> Any:
    """Each row's number of its fact cells in the table (as the loop joins them: :meth:`~kzspeechlaw.
    registers.keys.Table.number`); ``None`` where a run of cells is too long, two share a hash, or
    numbering them would start the table afresh."""
    n = len(starts)
    runs: list[list[int]] = []
    for at in facts:
        if runs and runs[-1][-1] == at - 1:
            runs[-1].append(at)
        else:
            runs.append([at])
    combined = np.zeros(n, dtype=np.int64)  # the runs' indices as one number in mixed radix, below ``size``
    size = 1
    spans = []
    for run in runs:
        s, e = starts[:, run[0]], ends[:, run[-1]]
        coded = _spans(data, s, e)
        if coded is None:
            return None
        index, count = coded
        if size * count > _WIDEST:  # numbered afresh first (fewer than n): a 64-bit number must not wrap
            distinct, combined = np.unique(combined, return_inverse=True)
            combined, size = combined.reshape(-1), len(distinct)
        combined = combined * count + index
        size *= count
        spans.append((s, e))
    distinct, first, index = np.unique(combined, return_index=True, return_inverse=True)
    numbers = []
    generation = keys.generation
    for r in first.tolist():
        cells = delimiter.join(text[int(s[r]):int(e[r])] for s, e in spans)
        number = keys.facts.get(cells)
        if number is None:
            if len(keys.facts) + len(distinct) >= MAX_KEYS:
                return None
            number = keys.number(cells)
        numbers.append(number)
    if keys.generation != generation:  # the numbers started afresh meanwhile: those before are stale
        return None
    return np.array(numbers, dtype=np.int64)[index.reshape(-1)]


_WIDEST = 1 << 62
"""The most distinct numbers the fact runs' indices are combined into (:func:`_facts`): past it they
are numbered afresh first, since rows whose numbers wrapped around to one value would share a key."""


_MIX: Any = np.uint64(0x9E3779B97F4A7C15) if np is not None else None
_MASKS: Any = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64) if np is not None else None
"""The low ``k`` bytes of a word (``k`` from 0 to 8)."""


def _spans(data: Any, starts: Any, ends: Any) -> tuple[Any, int] | None:
    """Each row's index among the distinct byte strings ``data[starts:ends]`` and their count: the
    bytes read eight at a time, hashed, and every row's compared with its hash's first row's
    (``None`` where one is longer than :data:`_SPAN`, or two strings share a hash)."""
    length = ends - starts
    longest = int(length.max()) if len(length) else 0
    if longest > _SPAN:
        return None
    words8 = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data.data, strides=(1,))  # a word at every byte
    columns = []
    h = length.astype(np.uint64)
    for at in range(0, max(longest, 1), 8):
        rest = np.clip(length - at, 0, 8)
        word = words8[np.minimum(starts + at, len(words8) - 1)] & _MASKS[rest]
        columns.append(word)
        h = (h * _MIX) ^ word
    distinct, first, index = np.unique(h, return_index=True, return_inverse=True)
    index = index.reshape(-1)
    back = first[index]
    if not (length == length[back]).all() or not all((w == w[back]).all() for w in columns):
        return None
    return index, len(distinct)


def _written(answers: _Answers, k_done: Any, fields: Any, done: Any, a_done: Any, d_done: Any, quoted: Any,
             acts: _Dates, decisions: _Dates, text: str, starts: Any, ends: Any, at_id: int | None,
             places: Sequence[int]) -> Any:
    """The records of the rows written here as their pieces, a row of six texts each: the text
    before the id (with an opening quote where the id is written as a string), the id (or the
    row's position where it is blank), the text after it, the date field, the text after the
    field, and a line feed; from their answers' pieces."""
    which = k_done * 2 + quoted
    out = np.empty((len(done), 6), dtype=object)
    out[:, 0] = answers.head_of[which]
    if at_id is not None:
        ids = list(map(text.__getitem__, map(slice, starts[done, at_id].tolist(), ends[done, at_id].tolist())))
        if not quoted.all():
            for i in np.flatnonzero(~quoted).tolist():
                ids[i] = str(places[int(done[i])])
    else:
        ids = [str(places[i]) for i in done.tolist()]
    out[:, 1] = _objects(ids)
    out[:, 2] = answers.mid_of[which]
    out[:, 3] = ""
    for field, dates, at in ((1, acts, a_done * (acts.terms + 1)), (2, decisions, d_done),
                             (3, acts, a_done * (acts.terms + 1) + fields - 2)):
        rows = fields == field if field < 3 else fields >= field
        if rows.any():
            out[rows, 3] = dates.text_of[at[rows]]
    out[:, 4] = answers.tail_of[k_done]
    out[:, 5] = "\n"
    return out


__all__ = ["Kept", "Known", "Routes", "available", "counted", "interleaved", "key_chunk", "line_ends", "pairs",
           "regrouped", "taken"]
