"""A register's repeated ids, looked for among its first rows.

A register's records are one per row, in order, each carrying the row's ``id``; a register that
gives two rows the same id is still assessed row by row (nothing is dropped or merged), but its
records no longer join back to it by id alone. :class:`RepeatedIds` finds such rows and
:meth:`~RepeatedIds.warning` names them, once, after the last chunk
(:class:`~kzspeechlaw.RegisterWarning`).

A row's id is the one its record writes: its ``id`` cell (CSV, workbook) or its object's ``id``
member (JSON Lines: read from the line's start where the object begins with it and the line ends
it, else from the whole line), and, for a row that gives none (blank) or cannot be read (a CSV
line or workbook row with more cells than the header, a line that is not a JSON object), its
position, which the record writes in its place: from 1, the first row after the header. Two ids
are the same where the records write the same value: ``"7"``, ``7`` and ``7.0`` are three, and a
row without an id at position 7 gives ``7``.

**Bounded.** The ids of the chunks that begin within the first :data:`CHECKED` rows are compared,
each remembered with its first row (a chunk is :data:`~kzspeechlaw.registers.batch.CHUNK_SIZE`
rows at most); a longer register's later rows are not: a warning given then says how far the ids
were compared, and no warning means none repeats among those rows. So memory and time stay
bounded whatever the register's length: the ids of a chunk of CSV lines held as text are found by
one regular expression over its whole lines, about 500 ns a row (some 50 ms for the first 100 000
rows, nothing after them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Sequence
from typing import Any

from kzspeechlaw.errors import quote
from kzspeechlaw.i18n import Message, join
from kzspeechlaw.reasoning.fields import is_blank
from kzspeechlaw.registers.lines import TextLines
from kzspeechlaw.registers.reading import CsvRows, Register, Unreadable, decode, split_line

CHECKED = 100_000
"""The rows whose ids are compared: those of the chunks that begin within the first this many rows."""

SHOWN = 5
"""The most repeated ids a warning names, and the most rows it names for each; the rest are counted."""

_JSON_ID = re.compile(r'\{\s*"id"\s*:\s*(?:"([^"\\]*)"|(-?[1-9][0-9]{0,15}|0))\s*[,}]')
"""A JSON Lines object that begins with its id: a string without escapes, or a whole number."""


def _key(value: Any) -> Hashable:
    """What two ids are compared by: a string as itself; any other value with its type (the records
    write ``1``, ``1.0``, ``"1"`` and ``true`` apart), an unhashable one by its JSON text."""
    if type(value) is str:
        return value
    try:
        hash(value)
    except TypeError:
        return ("json", json.dumps(value, sort_keys=True, default=str))
    return (type(value).__name__, value)


class RepeatedIds:
    """The rows of a register that repeat an earlier row's id (see the module doc): give each chunk
    to :meth:`note`, in order, then ask for :meth:`warning`."""

    def __init__(self, fmt: str, header: Sequence[str], delimiter: str | None = None) -> None:
        self.format = fmt
        self.header = tuple(header)
        self.width = len(header)
        self.at = header.index("id") if "id" in header else None
        self.delimiter = delimiter
        self.first: dict[Hashable, int] = {}  # each id compared, with its first row
        self.shown: dict[Hashable, tuple[Any, list[int], int]] = {}  # id: (value, its rows shown, rows not shown)
        self.repeats = 0  # rows that repeat an earlier row's id
        self.checked = 0  # rows whose ids were compared
        self.beyond = False  # whether rows after them were left unchecked

    @classmethod
    def of(cls, register: Register) -> RepeatedIds:
        """The ids of ``register``'s rows, to be noted: CSV lines are split by its delimiter."""
        delimiter = register.rows.delimiter if isinstance(register.rows, CsvRows) else None
        return cls(register.format, register.header, delimiter)

    def note(self, start: int, rows: Sequence[Any]) -> None:
        """The rows of a chunk, the first at position ``start``."""
        if not rows or (self.format != "jsonl" and self.at is None):
            return
        if start > CHECKED:
            self.beyond = True
            return
        self.checked = start + len(rows) - 1
        plain = self._plain(rows)  # each row's id cell as text, blank or not
        given: Sequence[Any] = plain if plain is not None else [self._id(raw) for raw in rows]
        first = self.first
        for row, value in enumerate(given, start):
            if value is None or (type(value) is str and not value.strip()):
                value = row  # the record's id: the row's position
            key = _key(value)
            earlier = first.setdefault(key, row)
            if earlier != row:
                self._repeat(key, row, earlier, value)

    def _plain(self, rows: Sequence[Any]) -> list[str] | None:
        """The id cells of a chunk of CSV lines held as text, found by one regular expression
        matching each whole line; ``None`` where a line has fewer cells than the id's column or more
        than the header (:func:`~kzspeechlaw.registers.reading.decode` refuses it), or the rows are not
        such lines."""
        if not isinstance(rows, TextLines) or self.at is None or self.delimiter is None:
            return None
        d = re.escape(self.delimiter)
        after = self.width - self.at - 1  # cells the line may have after the id's
        line = re.compile(rf"^(?:[^{d}\n]*{d}){{{self.at}}}([^{d}\r\n]*)(?:{d}[^{d}\r\n]*){{0,{after}}}\r?$",
                          re.MULTILINE)
        found = line.findall(rows.text, 0, len(rows.text) - 1)  # each line's, not past the last line feed
        return found if len(found) == len(rows) else None

    def _id(self, raw: Any) -> Any:
        """A row's id as the records give it, or ``None`` (blank, none, or a line not read)."""
        if isinstance(raw, Unreadable):
            return None
        if self.format == "jsonl":
            if type(raw) is str and (match := _JSON_ID.match(raw)) is not None and raw.rstrip().endswith("}"):
                return match[1] if match[1] is not None else int(match[2])
            data = decode("jsonl", (), raw)
        else:
            cells = split_line(raw, self.delimiter) if self.delimiter is not None and type(raw) is str else raw
            data = decode(self.format, self.header, cells)
        value = data.get("id") if isinstance(data, dict) else None
        return None if is_blank(value) else value

    def _repeat(self, key: Hashable, row: int, first: int, value: Any) -> None:
        """``row`` gives the id ``value`` of ``first``."""
        self.repeats += 1
        if key in self.shown:
            shown, rows, more = self.shown[key]
            if len(rows) < SHOWN:
                rows.append(row)
            else:
                self.shown[key] = (shown, rows, more + 1)
        elif len(self.shown) < SHOWN:
            self.shown[key] = (value, [first, row], 0)

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
                       "{named}{rest}; each row is assessed and counted on its own, and its record, where written, "
                       "joins back to the register by its order, not by id", named=named,
                       rest=Message("; and {count} more rows with an earlier row's id", count=rest) if rest else "")
        if self.beyond:
            text = Message("{text} (the ids of the first {count} rows were compared, not those of later rows)",
                           text=text, count=self.checked)
        return text


__all__ = ["CHECKED", "SHOWN", "RepeatedIds"]
