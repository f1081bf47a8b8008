"""A register's repeated ids, looked for as its chunks are read, in bounded memory.

A register's records are one per row, in order, each carrying the row's ``id``; a register that
gives two rows the same id is still assessed row by row (nothing is dropped or merged), but its
records no longer join back to it by id alone. :class:`RepeatedIds` finds such rows and
:meth:`~RepeatedIds.warning` names them, once, after the last chunk
(:class:`~kzspeechlaw.RegisterWarning`).

A row's id is its ``id`` cell (CSV, workbook) or its object's ``id`` member (JSON Lines: read
from the line's start where the object begins with it, else from the whole line), not blank; a
row whose line cannot be read has none. Two ids are the same where the records write the same
value: ``"7"``, ``7`` and ``7.0`` are three. Rows are numbered as the records number a row
without an id: from 1, the first row after the header.

**Bounded memory.** The ids of the first :data:`REMEMBERED` rows that give one are remembered,
with each one's first row; every row's id is compared with them and with the ids of the other
rows of its chunk (:data:`~kzspeechlaw.registers.batch.CHUNK_SIZE` rows at most). So every repeat
is found in a register of up to :data:`REMEMBERED` rows; in a longer one, a repeat of an id first
given after that many rows is found only where both rows are in one chunk, and the warning says
so.

**Cost.** With numpy (the ``fast`` extra) the ids are compared by a 128-bit hash of their bytes
(two 64-bit multiplicative hashes, :func:`hashed`: no Python object per row; two ids that differ
are taken for one only where both hashes agree, by chance about one in 10^28 for a million rows),
those of a chunk of CSV lines held as text found in its bytes at once: about 120 ns a row (23 ms
of CPU for the benchmark's 200 000 rows, whose batch takes about a second). Without numpy they are
compared as Python values, those of a chunk of CSV lines held as text found by one regular
expression (about 300 ns a row).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Hashable, Sequence
from typing import Any

from kzspeechlaw.errors import quote
from kzspeechlaw.i18n import Message, join
from kzspeechlaw.reasoning.fields import is_blank
from kzspeechlaw.registers.lines import TextLines
from kzspeechlaw.registers.reading import Unreadable, decode, split_line

np: Any
try:
    import numpy as np
except ImportError:  # compared as Python values
    np = None

REMEMBERED = 100_000
"""The most ids remembered, those of the first rows that give one (numpy: 24 bytes each; else
about 100)."""

SHOWN = 5
"""The most repeated ids a warning names, and the most rows it names for each; the rest are counted."""

_JSON_ID = re.compile(r'\{\s*"id"\s*:\s*(?:"([^"\\]*)"|(-?[1-9][0-9]{0,15}|0))\s*[,}]')
"""A JSON Lines object that begins with its id: a string without escapes, or a whole number."""

_M64 = (1 << 64) - 1
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F)
"""The multipliers of the two hashes (:func:`hashed`)."""


def _key(value: Any) -> Hashable:
    """What two ids are compared by without numpy: a string as itself; any other value with its
    type (the records write ``1``, ``1.0``, ``"1"`` and ``true`` apart), an unhashable one by its
    JSON text."""
    if type(value) is str:
        return value
    try:
        hash(value)
    except TypeError:
        return ("json", json.dumps(value, sort_keys=True, default=str))
    return (type(value).__name__, value)


def _bytes(value: Any) -> bytes:
    """What two ids are compared by with numpy: a string's UTF-8 bytes; any other value its type
    and JSON text after a byte no UTF-8 text begins with."""
    if type(value) is str:
        return value.encode("utf-8", "surrogatepass")
    return b"\xff" + type(value).__name__.encode() + b"\xff" + json.dumps(value, sort_keys=True,
                                                                           default=str).encode()


def hashed(data: Any, starts: Any, ends: Any) -> tuple[Any, Any]:
    """The two 64-bit hashes of each byte string ``data[starts:ends]`` (``data``: a uint8 array
    with eight bytes to spare after its last string): read eight bytes at a time, little-endian,
    the last word cut to the string; ``h = (h * m1) ^ w`` and ``g = (g ^ w) * m2`` from its length,
    word by word. A string's hashes are its own, whatever the others' (:func:`_hashed_alone` gives
    the same)."""
    length = (ends - starts).astype(np.int64)
    h = length.astype(np.uint64)
    g = h.copy()
    words = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data.data, strides=(1,))  # a word at every byte
    masks = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
    m1, m2 = np.uint64(_MIX[0]), np.uint64(_MIX[1])
    longest = int(length.max()) if len(length) else 0
    shortest = int(length.min()) if len(length) else 0
    for at in range(0, longest, 8):
        word = words[np.minimum(starts + at, len(words) - 1)] & masks[np.clip(length - at, 0, 8)]
        if at < shortest:  # every string has bytes here
            h, g = (h * m1) ^ word, (g ^ word) * m2
        else:
            live = length > at
            h, g = np.where(live, (h * m1) ^ word, h), np.where(live, (g ^ word) * m2, g)
    return h, g


def _hashed_alone(text: bytes) -> tuple[int, int]:
    """:func:`hashed` of one byte string, in plain Python."""
    h = g = len(text)
    for at in range(0, len(text), 8):
        word = int.from_bytes(text[at:at + 8], "little")
        h = ((h * _MIX[0]) & _M64) ^ word
        g = ((g ^ word) * _MIX[1]) & _M64
    return h, g


class RepeatedIds:
    """The rows of a register that repeat an earlier row's id (see the module doc): give each chunk
    to :meth:`note`, in order, then ask for :meth:`warning`."""

    def __init__(self, fmt: str, header: Sequence[str], delimiter: str | None = None) -> None:
        self.format = fmt
        self.at = header.index("id") if "id" in header else None
        self.delimiter = delimiter
        self.shown: dict[Hashable, tuple[Any, list[int], int]] = {}  # id: (value, its rows shown, rows not shown)
        self.repeats = 0  # rows that repeat an earlier row's id
        self.full = False  # whether an id was left unremembered (:data:`REMEMBERED`)
        self.first: dict[Hashable, int] = {}  # without numpy: an id of the first rows, its first row
        if np is not None:  # with numpy: the ids' hashes, sorted by the first, and each one's first row
            self.h = np.empty(0, dtype=np.uint64)
            self.g = np.empty(0, dtype=np.uint64)
            self.row = np.empty(0, dtype=np.int64)

    def note(self, start: int, rows: Sequence[Any]) -> None:
        """The rows of a chunk, the first at position ``start``."""
        if not rows or (self.format != "jsonl" and self.at is None):
            return
        if np is None:
            plain = self._plain(rows)
            if plain is not None:  # each row's id cell as text, blank or not
                given: dict[Hashable, int] = dict(zip(plain, range(start, start + len(plain)), strict=True))
                blank = plain.count("")
                given.pop("", None)
                if len(given) == len(plain) - blank and self.first.keys().isdisjoint(given):  # no id repeats
                    room = REMEMBERED - len(self.first)
                    self.full = self.full or len(given) > room
                    self.first.update(given if len(given) <= room else itertools.islice(given.items(), max(room, 0)))
                    return
                self._each(start, [i if i.strip() else None for i in plain], plain)
                return
            values = [self._id(raw) for raw in rows]
            self._each(start, [None if v is None else _key(v) for v in values], values)
            return
        found = self._cells(rows)
        if found is not None:
            data, starts, ends, text = found
            given = ends > starts
            spaced = np.flatnonzero(given & ((data[starts] <= 32) | (data[starts] >= 128))).tolist()
            for i in spaced:  # a cell of spaces is blank (str.strip's spaces: NO-BREAK SPACE too)
                given[i] = bool(text[int(starts[i]):int(ends[i])].decode("utf-8", "surrogatepass").strip())

            def value(i: int) -> Any:
                return text[int(starts[i]):int(ends[i])].decode("utf-8", "surrogatepass")
        else:
            values = [self._id(raw) for raw in rows]
            encoded = [b"" if v is None else _bytes(v) for v in values]
            lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
            ends = np.cumsum(lengths)
            starts = ends - lengths
            data = np.frombuffer(b"".join(encoded) + bytes(8), dtype=np.uint8)
            given = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))

            def value(i: int) -> Any:
                return values[i]
        h, g = hashed(data, starts, ends)
        self._compare(start, h, g, given, value)

    def _plain(self, rows: Sequence[Any]) -> list[str] | None:
        """Without numpy: the id cells of a chunk of CSV lines held as text, found by one regular
        expression; ``None`` where a line has fewer cells than the id's column, or the rows are not
        such lines."""
        if not isinstance(rows, TextLines) or self.at is None or self.delimiter is None:
            return None
        d = re.escape(self.delimiter)
        cell = re.compile(rf"\n(?:[^{d}\n]*{d}){{{self.at}}}([^{d}\r\n]*)")
        found = cell.findall("\n" + rows.text, 0, len(rows.text))  # each line's, not past the last line feed
        return found if len(found) == len(rows) else None

    def _cells(self, rows: Sequence[Any]) -> tuple[Any, Any, Any, bytes] | None:
        """The bytes of a chunk of CSV lines held as text and where each row's id cell starts and
        ends in them; ``None`` where a line has fewer cells than the id's column (each row's id is
        then read alone), or the rows are not such lines."""
        if not isinstance(rows, TextLines) or self.at is None or self.delimiter is None or len(self.delimiter) != 1:
            return None
        text = rows.text.encode("utf-8", "surrogatepass")
        data = np.frombuffer(text + bytes(24), dtype=np.uint8)
        body = data[:len(text)]
        breaks = np.flatnonzero(body == 10)
        if len(breaks) != len(rows):
            return None
        starts = np.empty(len(breaks), dtype=np.int64)
        starts[0], starts[1:] = 0, breaks[:-1] + 1
        if self.at:
            marks = np.flatnonzero((body == ord(self.delimiter)) | (body == 10))
            at = np.searchsorted(marks, starts) + np.arange(self.at)[:, None]  # the marks ending the cells before
            if (at >= len(marks)).any() or (body[marks[np.minimum(at, len(marks) - 1)]] == 10).any():
                return None
            starts = marks[at[-1]] + 1
            ends = marks[np.searchsorted(marks, starts)]
        else:  # the first cell: its end looked for in the first bytes of each line, then further
            words = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data.data, strides=(1,))  # a word at every byte
            head = np.empty((len(starts), 2), dtype="<u8")
            head[:, 0], head[:, 1] = words[starts], words[starts + 8]
            grid = head.view(np.uint8).reshape(len(starts), 16)  # each line's first sixteen bytes
            stop = (grid == ord(self.delimiter)) | (grid == 10)
            first = stop.argmax(1)
            found = stop[np.arange(len(starts)), first]
            ends = np.where(found, starts + first, breaks)
            pending = np.flatnonzero(~found)
            if len(pending):
                cut = np.append(np.flatnonzero(body == ord(self.delimiter)), len(body))
                ends[pending] = np.minimum(cut[np.searchsorted(cut, starts[pending])], breaks[pending])
        crlf = (ends == breaks) & (ends > starts) & (body[np.maximum(ends - 1, 0)] == 13)  # "\r\n"
        ends = ends - crlf.astype(np.int64)
        return data, starts, ends, text

    def _id(self, raw: Any) -> Any:
        """A row's id as the records give it, or ``None`` (blank, none, or a line not read)."""
        if isinstance(raw, Unreadable):
            return None
        if self.format == "jsonl":
            if type(raw) is str and (match := _JSON_ID.match(raw)) is not None:
                return match[1] if match[1] is not None else int(match[2])
            data = decode("jsonl", (), raw)
            value = data.get("id") if isinstance(data, dict) else None
        else:
            assert self.at is not None
            cells = split_line(raw, self.delimiter) if self.delimiter is not None and type(raw) is str else raw
            value = cells[self.at] if self.at < len(cells) else None
        return None if is_blank(value) else value

    def _compare(self, start: int, h: Any, g: Any, given: Any, value: Any) -> None:
        """A chunk's ids by their hashes (:func:`hashed`; ``given``: the rows that give one): the
        rows that repeat an id of the chunk or a remembered one, then the chunk's new ids
        remembered."""
        if given.all():
            rows = np.arange(len(given))
        else:
            rows = np.flatnonzero(given)
            h, g = h[rows], g[rows]
        order = np.argsort(h, kind="stable")  # by id, then row (ids whose first hashes alone are equal: not kept apart)
        h, g, rows = h[order], g[order], rows[order]
        again = np.zeros(len(rows), dtype=bool)  # the rows whose id a row of the chunk before them gives
        again[1:] = (h[1:] == h[:-1]) & (g[1:] == g[:-1])
        known = np.zeros(len(rows), dtype=bool)  # the rows whose id is remembered
        near = np.zeros(len(rows), dtype=np.int64)
        if len(self.h):
            near = np.minimum(np.searchsorted(self.h, h), len(self.h) - 1)
            known = (self.h[near] == h) & (self.g[near] == g)
        if again.any() or known.any():
            group = np.maximum.accumulate(np.where(again, 0, np.arange(len(rows))))  # each row's id's first row
            firsts = np.where(known[group], self.row[near[group]] if len(self.row) else -1, rows[group] + start)
            for i in sorted(np.flatnonzero(again | known).tolist(), key=lambda i: int(rows[i])):
                row = int(rows[i])
                self._repeat((int(h[i]), int(g[i])), row + start, int(firsts[i]), lambda row=row: value(row))
        new = ~again & ~known
        self._remember(h[new], g[new], rows[new] + start)

    def _remember(self, h: Any, g: Any, rows: Any) -> None:
        """Ids new to the memory, as far as :data:`REMEMBERED` allows (the first rows' first)."""
        room = REMEMBERED - len(self.h)
        if len(h) > room:
            self.full = True
            keep = np.sort(np.argsort(rows, kind="stable")[:max(room, 0)])
            h, g, rows = h[keep], g[keep], rows[keep]
        if not len(h):
            return
        h, g, rows = np.concatenate((self.h, h)), np.concatenate((self.g, g)), np.concatenate((self.row, rows))
        order = np.argsort(h, kind="stable")  # two sorted runs: merged
        self.h, self.g, self.row = h[order], g[order], rows[order]

    def _each(self, start: int, keys: Sequence[Hashable | None], values: Sequence[Any]) -> None:
        """A chunk's rows one by one, without numpy."""
        local: dict[Hashable, int] = {}  # the chunk's ids not remembered
        for row, key, value in zip(itertools.count(start), keys, values, strict=False):
            if key is None:
                continue
            first = self.first.get(key, local.get(key))
            if first is None:
                if len(self.first) < REMEMBERED:
                    self.first[key] = row
                else:
                    self.full = True
                    local[key] = row
                continue
            self._repeat(key, row, first, lambda value=value: value)

    def _repeat(self, key: Hashable, row: int, first: int, value: Any) -> None:
        """``row`` gives the id of ``first`` (``value()``: that id)."""
        self.repeats += 1
        if key in self.shown:
            shown, rows, more = self.shown[key]
            if len(rows) < SHOWN:
                rows.append(row)
            else:
                self.shown[key] = (shown, rows, more + 1)
        elif len(self.shown) < SHOWN:
            self.shown[key] = (value(), [first, row], 0)

    def warning(self) -> Message | None:
        """The warning naming the repeated ids and their rows (the first :data:`SHOWN` of each), or
        ``None`` where no row repeats an id."""
        if not self.repeats:
            return None
        named = join((Message("{id} at rows {rows} and {count} more", id=quote(value, 60),
                              rows=", ".join(map(str, rows)), count=more) if more else
                      Message("{id} at rows {rows}", id=quote(value, 60), rows=", ".join(map(str, rows)))
                      for value, rows, more in self.shown.values()), "; ")
        counted = sum(len(rows) - 1 + more for _, rows, more in self.shown.values())
        rest = self.repeats - counted
        text = Message("rows with the same id (rows counted from 1, as the records number a row without an id): "
                       "{named}{rest}; each row keeps its own record, in order, so the records join back to the "
                       "register by their order, not by id", named=named,
                       rest=Message("; and {count} more rows with an earlier row's id", count=rest) if rest else "")
        if self.full:
            text = Message("{text} (the ids of the first {count} rows are remembered: a repeat of a later row's id is "
                           "found only within its chunk of rows)", text=text, count=REMEMBERED)
        return text


__all__ = ["REMEMBERED", "SHOWN", "RepeatedIds", "hashed"]
