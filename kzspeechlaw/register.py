"""Reading registers: CSV or JSON Lines, from a file, a byte stream or a text stream.

Every physical line of a register gives exactly one row, in order, whatever it holds: the rules
below decide what a line is, and a line that breaks one becomes an *unreadable* row (an error
record naming the cause) instead of stopping the register or swallowing its neighbours.

- **Encoding.** UTF-8, with or without a byte-order mark; a register that is not UTF-8 is read as
  Windows-1251 (what Excel writes on a Russian- or Kazakh-locale machine) from its first line that
  is not UTF-8 on. With an explicit ``encoding``, a line that does not decode is unreadable.
- **Size.** A line longer than :data:`MAX_ROW_BYTES` is unreadable (its start is quoted).
- **Lines.** A CSV cell cannot span lines: a line whose quotes do not close on it is unreadable,
  and the next line is read as the next row. Blank lines are skipped.
- **JSON Lines** are strict JSON (no ``NaN`` or ``Infinity``); a line that is not a JSON object,
  nests too deep or holds a number too long to read is unreadable.

>>> import io
>>> text = 'id,act_date,conduct\\nA,2019-03-15,slander\\nB,"2019-03-15,slander\\nC,2019-03-15,insult\\n'
>>> for row in read_register(io.StringIO(text)).rows:
...     print(row if isinstance(row, list) else row.message)
['A', '2019-03-15', 'slander']
a quoted cell that does not close on its line (unexpected end of data)
['C', '2019-03-15', 'insult']
"""

from __future__ import annotations

import csv
import itertools
import json
import warnings
from collections.abc import Iterator, Sequence
from typing import IO, Any

import attrs

from kzspeechlaw.errors import QUOTE_LIMIT, InvalidIncident, RegisterWarning, cut
from kzspeechlaw.incident import FIELDS

COLUMNS = (*FIELDS, "id", "decided_on")
"""The columns (CSV) or keys (JSON Lines) of a register, in the order of its CSV form."""

FORMATS = ("csv", "jsonl")
"""Register formats: CSV with a header row, or JSON Lines."""

ENCODINGS = ("utf-8", "cp1251", "latin-1")
"""Encodings that may be named; without one, UTF-8 and then Windows-1251 (see the module doc)."""

MAX_ROW_BYTES = 65_536
"""The longest line a register may have (64 KiB; an incident's row is well under 1 KiB)."""

@attrs.frozen
class Unreadable:
    """A line the reader could not turn into a row: its start, and why."""

    value: Any
    message: str


@attrs.frozen
class Register:
    """An open register: its format, its CSV header, and its rows, in order: for CSV a list of
    cells, for JSON Lines a line of text, or :class:`Unreadable` (decoded to a mapping of fields
    by :func:`decode`, where the row is assessed)."""

    format: str
    header: tuple[str, ...]
    rows: Iterator[Any]


def format_of(name: str) -> str | None:
    """The format a file name implies (``.csv``, ``.jsonl`` / ``.ndjson``), or ``None``."""
    lower = name.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


def _lines(stream: IO[str] | IO[bytes], encoding: str | None) -> Iterator[str | Unreadable]:
    """The stream's physical lines as text, each at most :data:`MAX_ROW_BYTES` long (a longer
    one, or one that does not decode, as :class:`Unreadable`), the byte-order mark removed."""
    if encoding is not None and encoding not in ENCODINGS:
        raise InvalidIncident("encoding", encoding, f"one of {', '.join(ENCODINGS)}")
    current = encoding or "utf-8"
    first = True
    for number in itertools.count(1):
        line = stream.readline(MAX_ROW_BYTES + 1)
        if not line:
            return
        ending = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) > MAX_ROW_BYTES and not line.endswith(ending):  # type: ignore[arg-type]
            start = line[:QUOTE_LIMIT]
            while line and not line.endswith(ending):  # type: ignore[arg-type]
                line = stream.readline(MAX_ROW_BYTES + 1)  # skip the rest of this line
            shown = start.decode(current, "replace") if isinstance(start, bytes) else start
            yield Unreadable(cut(shown), f"a line over {MAX_ROW_BYTES} bytes")
            first = False
            continue
        if isinstance(line, bytes):
            try:
                text = line.decode(current)
            except UnicodeDecodeError as error:
                if encoding is not None or current != "utf-8":
                    yield Unreadable(cut(line.decode(current, "replace").rstrip("\r\n")),
                                     f"not {current} text ({error.reason} at byte {error.start})")
                    first = False
                    continue
                current = "cp1251"  # not UTF-8: Excel's Cyrillic encoding from here on
                warnings.warn(f"the register is not UTF-8 text: read as Windows-1251 from line {number} on "
                              "(name its encoding with --encoding where it is another)", RegisterWarning, stacklevel=2)
                try:
                    text = line.decode(current)
                except UnicodeDecodeError as again:
                    yield Unreadable(cut(line.decode(current, "replace").rstrip("\r\n")),
                                     f"neither UTF-8 nor Windows-1251 text ({again.reason} at byte {again.start})")
                    first = False
                    continue
        else:
            text = line
        if first:
            text = text.removeprefix("\ufeff")
            first = False
        if "\r" in text.rstrip("\r\n"):  # old Mac line ends: one row per line all the same
            yield from (piece + "\r" for piece in text.rstrip("\r\n").split("\r"))
        else:
            yield text


class _Feed:
    """One line at a time for a ``csv.reader``, so that a record can never take a second line."""

    line: str | None = None

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        line, self.line = self.line, None
        if line is None:
            raise StopIteration
        return line


def _csv_rows(lines: Iterator[str | Unreadable]) -> Iterator[list[str] | Unreadable]:
    feed = _Feed()
    reader = csv.reader(feed, strict=True)
    for line in lines:
        if isinstance(line, Unreadable):
            yield line
            continue
        if not line.strip():
            continue
        feed.line = line
        try:
            cells = next(reader)
        except csv.Error as error:
            yield Unreadable(cut(line.rstrip("\r\n")), f"a quoted cell that does not close on its line ({error})")
            feed.line = None
            continue
        except StopIteration:  # pragma: no cover - a fed line always gives a record
            continue
        if feed.line is not None:  # pragma: no cover - the record did not take its line
            feed.line = None
        yield cells


def read_register(stream: IO[str] | IO[bytes], fmt: str | None = None, encoding: str | None = None) -> Register:
    """Open a register from a byte stream (decoded as the module doc says) or a text stream.

    Without ``fmt``, a first non-blank line starting with ``{`` means JSON Lines, anything else
    CSV. A CSV header with an unknown or repeated column, or without ``act_date`` and ``conduct``,
    raises :class:`InvalidIncident` before any row is read; so does an unknown format or encoding.
    """
    if fmt is not None and fmt not in FORMATS:
        raise InvalidIncident("format", fmt, f"one of {', '.join(FORMATS)}")
    lines = _lines(stream, encoding)
    if fmt is None:  # sniffed from the first line that is not blank
        seen: list[str | Unreadable] = []
        for line in lines:
            seen.append(line)
            if not isinstance(line, str) or line.strip():
                break
        first = seen[-1] if seen else ""
        fmt = "jsonl" if isinstance(first, str) and first.lstrip().startswith("{") else "csv"
        lines = itertools.chain(seen, lines)
    if fmt == "jsonl":
        return Register("jsonl", (), (x for x in lines if not isinstance(x, str) or x.strip()))
    rows = _csv_rows(lines)
    first_row = next(rows, [])
    if isinstance(first_row, Unreadable):
        raise InvalidIncident("header", first_row.value, f"a header row naming the columns ({first_row.message})")
    header = tuple(cell.strip() for cell in first_row)
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise InvalidIncident("column", unknown[0], f"a column among {', '.join(COLUMNS)}")
    repeated = [c for c in header if header.count(c) > 1]
    if repeated:
        raise InvalidIncident("column", repeated[0], "each column once")
    missing = [c for c in ("act_date", "conduct") if c not in header]
    if missing:
        raise InvalidIncident("column", missing[0], "a header row naming at least act_date and conduct")
    return Register("csv", header, rows)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def decode(fmt: str, header: Sequence[str], raw: Any) -> Any:
    """A row as a mapping of its fields (empty CSV cells left out), or :class:`Unreadable`."""
    if isinstance(raw, Unreadable):
        return raw
    if fmt == "csv":
        if len(raw) > len(header):
            return Unreadable([cut(c) for c in raw[: len(header) + 1]], f"{len(raw)} cells for {len(header)} columns")
        return {k: v for k, v in zip(header, raw, strict=False) if v != ""}
    if fmt == "jsonl":
        try:
            data = json.loads(raw, parse_constant=_no_constant)
        except RecursionError:
            return Unreadable(cut(raw.rstrip("\r\n")), "not valid JSON: nested too deep")
        except ValueError as error:  # bad JSON, NaN, or an integer too long to read
            return Unreadable(cut(raw.rstrip("\r\n")), f"not valid JSON: {error}")
        if not isinstance(data, dict):
            return Unreadable(cut(raw.rstrip("\r\n")), "a JSON object with the incident's fields")
        return data
    return raw


MAX_DOCUMENT_BYTES = 1_048_576
"""The largest single incident document (1 MiB)."""


def decode_document(data: bytes, name: str) -> str:
    """A single document (e.g. an incident file) as text: UTF-8 with or without a byte-order
    mark, else Windows-1251. More than :data:`MAX_DOCUMENT_BYTES` raises :class:`InvalidIncident`
    naming the file ``name``."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InvalidIncident("file", name, f"a document of at most {MAX_DOCUMENT_BYTES} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", "replace")
