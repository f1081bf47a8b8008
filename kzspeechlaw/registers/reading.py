"""Reading registers: CSV, JSON Lines or Excel workbooks, from a file, a byte stream or a text stream.

Every physical line of a register gives exactly one row, in order, whatever it holds: the rules
below decide what a line is, and a line that breaks one becomes an *unreadable* row (an error
record naming the cause) instead of stopping the register or swallowing its neighbours.

- **Encoding.** UTF-8, with or without a byte-order mark; a line that is not UTF-8 is read as
  Windows-1251 (what Excel writes on a Russian- or Kazakh-locale machine), so that one stray byte
  in a UTF-8 register changes no other line. With an explicit ``encoding``, a line that does not
  decode is unreadable.
- **Size.** A line longer than :data:`MAX_ROW_BYTES` is unreadable (its start is quoted).
- **Lines.** A cell of an incident field cannot span lines: a line whose quotes do not close on it
  is unreadable, and the next line is read as the next row; a quoted cell of another column (a
  note with line breaks) may span up to :data:`SPAN_LINES` lines. Blank lines are skipped, and so
  are lines of delimiters and spaces alone (``;;;;``: Excel's export of a sheet's empty rows), as a
  workbook's empty rows are.
- **Delimiter.** A CSV's delimiter is the one of ``,``, ``;`` and tab that its header line holds
  most often (``;`` is what Excel writes where the decimal separator is a comma; a set of values
  in such a file is written ``emergency,group``), or the one a first line ``sep=;`` names (as
  Excel writes and reads it).
- **Columns.** Header names are trimmed and case-folded (``Act Date`` is ``act_date``). A column
  that is not an incident field, ``id`` or ``decided_on`` is left out of the rows, with one
  :class:`~kzspeechlaw.RegisterWarning` naming it; a repeated column, or none for ``act_date`` or
  ``conduct``, stops the register before any row is read.
- **Cells.** An empty or all-space cell is a field not stated.
- **Excel** (``.xlsx``, the ``excel`` extra): the first sheet, read row by row (openpyxl's
  read-only mode), its first non-empty row the header; a row of empty cells is skipped like a
  blank line. Cells keep their type: a date cell is a date, a number a number. A row with a
  formula whose value was never stored (a workbook written by a program) or a cell of merged cells
  past the first (which alone holds their value), in a column that is read, is unreadable: read as
  blank, either would be a fact not stated.
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
import io
import itertools
import json
import math
import re
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from typing import IO, Any, TypeGuard

import attrs

from kzspeechlaw.dates import user_date
from kzspeechlaw.errors import InvalidIncident, LawError, RegisterWarning, cut, quote
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.law.facts import Conduct
from kzspeechlaw.reasoning.fields import FIELDS, is_blank
from kzspeechlaw.registers import scan
from kzspeechlaw.registers.lines import BLOCK_BYTES, Lines, Run, TextLines, physical_lines
from kzspeechlaw.registers.lines import ENCODINGS as ENCODINGS
from kzspeechlaw.registers.lines import MAX_ROW_BYTES as MAX_ROW_BYTES
from kzspeechlaw.registers.lines import Unreadable as Unreadable

COLUMNS = (*FIELDS, "id", "decided_on")
"""The columns (CSV) or keys (JSON Lines) of a register, in the order of its CSV form."""

_KNOWN = frozenset(COLUMNS)
_CONDUCTS = frozenset(c.value for c in Conduct)

FORMATS = ("csv", "jsonl", "xlsx")
"""Register formats: CSV with a header row, JSON Lines, or an Excel workbook (the ``excel`` extra)."""

DELIMITERS = (",", ";", "\t")
"""The CSV delimiters a header line is sniffed for (the first wins a tie)."""

@attrs.frozen
class Register:
    """An open register: its format, its CSV header, and its rows, in order: for CSV a list of
    cells, for JSON Lines a line of text, or :class:`Unreadable` (decoded to a mapping of fields
    by :func:`decode`, where the row is assessed)."""

    format: str
    header: tuple[str, ...]
    rows: Iterator[Any]


def format_of(name: str) -> str | None:
    """The format a file name implies (``.csv`` / ``.tsv``, ``.jsonl`` / ``.ndjson``, ``.xlsx``),
    or ``None``."""
    lower = name.lower()
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


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


SPAN_LINES = 50
"""The most lines a quoted cell of a column that is not an incident field may span (a note typed
with Alt+Enter in Excel); a cell of an incident field never spans lines."""


def split_line(line: str, delimiter: str) -> list[str]:
    """The cells of a CSV line without quotes: what the ``csv`` module reads of it."""
    return line.rstrip("\r\n").split(delimiter)


class CsvRows:
    """A CSV register's rows after the header, each a list of cells (or :class:`Unreadable`), read
    as they are asked for; :attr:`lines` gives the same rows with each line that holds no quote
    left unsplit (:func:`split_line` splits it), so that a batch splits it where it is assessed,
    and :attr:`runs` the same again in runs (a block's lines at once: a list, or
    :class:`~kzspeechlaw.registers.lines.TextLines`, its lines held as one text). The three read
    the same rows: one of them is read."""

    def __init__(self, runs: Iterator[Sequence[list[str] | str | Unreadable]], delimiter: str) -> None:
        self.runs = runs
        self.lines = itertools.chain.from_iterable(runs)
        self.delimiter = delimiter

    def __iter__(self) -> CsvRows:
        return self

    def __next__(self) -> list[str] | Unreadable:
        row = next(self.lines)
        return split_line(row, self.delimiter) if isinstance(row, str) else row


def _stands(line: str | Unreadable | None, delimiter: str) -> TypeGuard[str]:
    """Whether a line is a row as it stands: text, not blank, with neither a quote nor a NUL (the
    cells the csv module reads of it are :func:`split_line`'s), and a cell that is not blank."""
    return (type(line) is str and '"' not in line and "\x00" not in line and not line.isspace() and line != ""
            and not line.replace(delimiter, "").isspace() and line.replace(delimiter, "") != "")


_EMPTY_CELLS = {d: re.compile(rf"[^\S\r\n]*{re.escape(d)}(?:[^\S\r\n]|{re.escape(d)})*(?:[\r\n]|\Z)")
                for d in (",", ";", "\t", "|")}
"""A line of empty cells (delimiters and spaces alone), by delimiter: the CSV form of an empty row
of a spreadsheet (Excel exports the empty rows at the foot of its used range so)."""
_EMPTY_AFTER_BREAK = {d: re.compile(rf"[\n\r]{re.escape(d)}(?:[^\S\r\n]|{re.escape(d)})*(?:[\r\n]|\Z)")
                      for d in _EMPTY_CELLS}
"""Such a line after a line end, starting with the delimiter (one that starts with a space is found
as a line that does: :func:`scan.spaced`)."""


def _empty_row_in(text: str, delimiter: str) -> bool:
    """Whether a line of ``text`` that does not start with a space is of empty cells; looked for
    only where a line starts with the delimiter."""
    if not text.startswith(delimiter) and not scan.starts_a_line(text, delimiter):
        return False
    return bool(_EMPTY_CELLS[delimiter].match(text) or _EMPTY_AFTER_BREAK[delimiter].search(text))


def _plain_head(run: Run, delimiter: str) -> int:
    """How many lines at the start of ``run`` are rows as they stand (:func:`_stands`). All of them
    is found in the run's text at once."""
    try:  # not text: a TypeError
        text = run.text if isinstance(run, TextLines) else "".join(run)  # type: ignore[arg-type]
    except TypeError:
        text = '"'
    # A line that starts with a space (as ``str.strip`` has them), after the first: one after a line
    # feed, or after a lone CR (which ends a line too: a line of a space and a CR is blank); where
    # none does, none is blank. Each scan looks at the line ends alone (one that looked for blank
    # lines at every line's start took 60 times as long; one pattern for both ends, 5 times).
    if '"' not in text and "\x00" not in text and not text[:1].isspace() and not scan.spaced(text) and (
            "\r" not in text or not scan.spaced(text, "\r")) and not _empty_row_in(text, delimiter):
        return len(run)
    return next((n for n, line in enumerate(run) if not _stands(line, delimiter)), len(run))


def _csv_runs(source: Lines, delimiter: str = ",") -> Iterator[Sequence[list[str] | str | Unreadable]]:
    """The rows, in runs: the header as a list of cells, then each row as a list of cells, a line
    that holds no quote as it is (:func:`split_line` splits it), or :class:`Unreadable`. After the
    header, the source's lines that are rows as they stand (:func:`_plain_head`) are given as they
    come, in runs; any other line is read on its own."""
    feed = _Feed()
    reader = csv.reader(feed, strict=True, delimiter=delimiter)
    header: list[str] | None = None
    again: list[str | Unreadable] = []  # lines taken by a span that failed, to be read as rows
    while True:
        if header is not None and not again:  # the lines that are rows as they stand, at once
            run = source.run()
            if run is None:
                return
            plain = _plain_head(run, delimiter)
            if plain:
                yield run if plain == len(run) else run[:plain]  # lines of text
            if plain == len(run):
                continue
            source.unread(run[plain:])  # the next read one by one
        line = again.pop(0) if again else next(source, None)
        if header is not None and _stands(line, delimiter):
            yield [line]
            continue
        if line is None:
            return
        if isinstance(line, Unreadable):
            yield [line]
            continue
        if not line.replace(delimiter, "").strip():  # blank, or a row of empty cells (as a workbook's is)
            continue
        feed.line = line
        try:
            cells = next(reader)
        except csv.Error as error:
            feed.line = None
            taken: list[str | Unreadable] = []
            spanned = _span(line, taken, again, source, delimiter, header)
            if spanned is not None:
                yield [spanned]
                continue
            again[:0] = taken
            yield [Unreadable(cut(line.rstrip("\r\n")), f"a quoted cell that does not close on its line ({error})")]
            continue
        except StopIteration:  # pragma: no cover - a fed line always gives a record
            continue
        feed.line = None
        if header is None:
            header = cells
        yield [cells]


def _span(first: str, taken: list[str | Unreadable], again: list[str | Unreadable], source: Iterator[str | Unreadable],
          delimiter: str, header: list[str] | None) -> list[str] | None:
    """The record whose quoted cell opened on ``first`` closes on a later line, where that cell is
    in a column that is not an incident field (:data:`SPAN_LINES`, :data:`MAX_ROW_BYTES`); the
    lines read are kept in ``taken`` to be read again as rows otherwise."""
    if header is None:
        return None
    text = first
    while len(taken) < SPAN_LINES and len(text) <= MAX_ROW_BYTES:
        line = again.pop(0) if again else next(source, None)
        if line is None:
            return None
        taken.append(line)
        if isinstance(line, Unreadable):
            return None
        text += line
        try:
            records = list(csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter))
        except csv.Error:
            continue  # still inside the quoted cell
        if len(records) != 1 or len(records[0]) > len(header):
            return None
        record = records[0]
        spanning = [i for i, cell in enumerate(record) if "\n" in cell or "\r" in cell]
        if any(column_name(header[i]) in COLUMNS for i in spanning):
            return None
        lines = taken
        if spanning and max(spanning) < _first_fact(header):
            # The record's date and conduct are read from its last line, which reads alone as a row
            # too; a stray quote is then told by the first line, which without it would be a row.
            lines = [first.replace('"', ""), *taken[:-1]]
        if any(_row_of_its_own(line, delimiter, header) for line in lines):
            return None  # a stray quote, not a cell over several lines
        return record
    return None


def _first_fact(header: Sequence[str]) -> int:
    """The first of the columns ``act_date`` and ``conduct`` (the header's length where it lacks one)."""
    names = [column_name(h) for h in header]
    return min((names.index(name) for name in ("act_date", "conduct") if name in names), default=len(names))


def _row_of_its_own(line: str | Unreadable, delimiter: str, header: Sequence[str]) -> bool:
    """Whether a physical line read alone is a row: a date where the header has ``act_date`` and a
    conduct of the vocabulary where it has ``conduct`` (a note's next line holds neither)."""
    if isinstance(line, Unreadable):
        return False
    names = [column_name(h) for h in header]
    cells = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter), [])
    if "act_date" not in names or "conduct" not in names:
        return False
    at, conduct = names.index("act_date"), names.index("conduct")
    if max(at, conduct) >= len(cells) or column_name(cells[conduct]) not in _CONDUCTS:
        return False
    try:
        user_date(cells[at].strip())
    except LawError:
        return False
    return True


_SEP_LINE = re.compile(r"sep=([,;\t|])")


def sniff_delimiter(line: str) -> str:
    r"""The delimiter of a CSV header line: the one of :data:`DELIMITERS` it holds most often,
    ``,`` where it holds none.

    >>> sniff_delimiter("id;act_date;conduct"), sniff_delimiter("id\tact_date"), sniff_delimiter("conduct")
    (';', '\t', ',')
    """
    return max(DELIMITERS, key=line.count)


def column_name(cell: Any) -> str:
    """A header cell as a column name: trimmed, case-folded, inner spaces and hyphens as ``_``."""
    return "_".join(str(cell if cell is not None else "").replace("-", " ").split()).casefold()


def read_register(stream: IO[str] | IO[bytes], fmt: str | None = None, encoding: str | None = None) -> Register:
    """Open a register from a byte stream (decoded as the module doc says) or a text stream.

    Without ``fmt``, a first non-blank line starting with ``{`` means JSON Lines, anything else
    CSV (an Excel workbook is named by ``fmt="xlsx"``, and must be a byte stream). A header with a
    repeated column, or without ``act_date`` and ``conduct``, raises :class:`InvalidIncident`
    before any row is read; so does an unknown format or encoding. Unknown columns are left out
    with one :class:`~kzspeechlaw.RegisterWarning`.
    """
    if fmt is not None and fmt not in FORMATS:
        raise InvalidIncident("format", fmt, f"one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        return _read_workbook(stream)
    lines = physical_lines(stream, encoding)
    # The first line that is not blank: it tells JSON Lines from CSV, and a CSV's delimiter.
    seen: list[str | Unreadable] = []
    for line in lines:
        seen.append(line)
        if not isinstance(line, str) or line.strip():
            break
    first = seen[-1] if seen else ""
    start = first if isinstance(first, str) else first.value if isinstance(first.value, str) else ""
    if fmt == "jsonl":  # each line its own record, as ever (an error record where it is not JSON)
        start = ""
    if start.startswith("PK\x03\x04"):  # a zip archive: an Excel workbook named as a CSV
        raise InvalidIncident("file", getattr(stream, "name", "stream"), N_(
            "a CSV or JSON Lines register: this is a zip archive, as an Excel workbook is; name it .xlsx or give "
            "--format xlsx"))
    if "\x00" in start:  # no header or JSON line holds a NUL; UTF-16 text does
        raise InvalidIncident("file", getattr(stream, "name", "stream"), N_(
            "a register in UTF-8 or Windows-1251 text: its first line holds NUL bytes, as UTF-16 text (Excel's "
            "'Unicode text') or a file that is not text does; save it as 'CSV UTF-8'"))
    if fmt is None:
        fmt = "jsonl" if isinstance(first, str) and first.lstrip().startswith("{") else "csv"
    delimiter = sniff_delimiter(first) if isinstance(first, str) else ","
    if fmt == "csv" and isinstance(first, str) and (named := _SEP_LINE.fullmatch(first.strip("\r\n"))):
        delimiter = named[1]  # Excel's "sep=;" line names the delimiter; the header follows it
        seen = [next((x for x in lines if not isinstance(x, str) or x.strip()), "")]
    lines.unread(seen)  # read again, as rows
    if fmt == "jsonl":
        return Register("jsonl", (), (x for x in lines if not isinstance(x, str) or x.strip()))
    runs = _csv_runs(lines, delimiter)
    first_row = next(runs, [[]])[0]
    if isinstance(first_row, Unreadable):
        raise InvalidIncident("header", first_row.value, f"a header row naming the columns ({first_row.message})")
    assert not isinstance(first_row, str)  # the header is read by the csv module
    return Register("csv", check_header(first_row), CsvRows(runs, delimiter))


SYNONYMS = {"decision_date": "decided_on", "date_of_decision": "decided_on", "decided": "decided_on",
            "decision_day": "decided_on"}
"""Other names a register gives the decision date by (its readers would leave them out unread)."""

_DECISION_DATE = re.compile(r"(?=.*(?:дата|күн))(?=.*(?:решени|приговор|постановлени|вступлени|шешім|үкім))"
                            r"(?!.*(?:возбужд|қозға))")
"""A Russian or Kazakh column name of the day a case was decided: a date («дата», «күні») of a
decision, verdict or order or of its entry into force («решения», «приговора», «постановления»,
«вступления в силу», «шешім», «үкім»), not of the opening of a case («возбуждения», «қозғалған»).
Left out, the rows would be assessed on the default decision date."""

_LOOK_ALIKES = str.maketrans("аеорсухкмтвнАЕОРСУХКМТВН", "aeopcyxkmtbhaeopcyxkmtbh")
"""Cyrillic letters that look like Latin ones, as the Latin letters (a header typed in two layouts)."""


def near_field(name: str, header: Sequence[str] = (), fields: Sequence[str] = COLUMNS) -> str | None:
    """The incident field an unknown column's name stands for, where a reader would take it for
    that field, and the header does not already name that field: the same name with an invisible
    character or a Cyrillic look-alike letter, in any letter case (a column name is case-folded
    already; a page's name in capitals with a look-alike, ``CHАNNEL``, would be read as no field),
    with one letter added, dropped or changed (a plural:
    ``circumstance``), followed by a gloss in brackets or in another script (``channel (канал)``),
    or another name of the decision date (:data:`SYNONYMS`, or a Russian or Kazakh one:
    ``дата_решения``, ``шешім_күні``); ``None`` for any other name, so that
    the columns a register keeps beside the fields (``offence``, ``channel_name``) are left out.
    ``fields``: the names a reader takes (a register's columns; the page's query fields).

    >>> near_field("circumstance"), near_field("сhannel"), near_field("channel_(канал)")
    ('circumstances', 'channel', 'channel')
    >>> near_field("offence"), near_field("channel_name"), near_field("circumstance", ["circumstances"])
    (None, None, None)
    """
    plain = "".join(c for c in name if unicodedata.category(c) != "Cf").translate(_LOOK_ALIKES).lower()
    found = SYNONYMS.get(plain) or ("decided_on" if _DECISION_DATE.match(name) else None)
    for field in fields:
        if found is not None:
            break
        rest = plain[len(field):] if plain.startswith(field) else None
        if plain == field or _one_edit(plain, field) or (
                rest is not None and rest[:1] == "_" and (rest[1:2] == "(" or not _latin(rest))):
            found = field
    return found if found is not None and found not in header else None


def _latin(text: str) -> bool:
    """Whether ``text`` holds a Latin letter."""
    return any("a" <= c <= "z" for c in text.casefold())


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter added, dropped or changed (``a != b``; both longer than
    four letters, so that short names are not taken for one another)."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def check_header(cells: Sequence[Any]) -> tuple[str, ...]:
    """The column names of a header row (or a DataFrame's columns), checked as :func:`read_register`
    says: unknown ones warned of (their cells are left out of the rows), a repeated one or none for
    ``act_date`` or ``conduct`` refused."""
    header = tuple(column_name(cell) for cell in cells)
    unknown = [c for c in header if c not in _KNOWN]
    for name in unknown:
        meant = near_field(name, header)
        if meant is not None:
            raise InvalidIncident("column", name, Message(
                "a column name the fields do not resemble: it looks like {field}, which the header lacks, and would "
                "be left out unread; rename it {field}, or to a name unlike any field's", field=repr(meant)))
    if unknown:
        shown = ", ".join(repr(cut(c)) if c else "one without a name" for c in dict.fromkeys(unknown))
        warnings.warn(Message("columns that are not incident fields left out: {columns} (the fields are {fields})",
                              columns=shown, fields=", ".join(COLUMNS)), RegisterWarning, stacklevel=3)
    repeated = [c for c in header if c and header.count(c) > 1]
    if repeated:
        raise InvalidIncident("column", repeated[0], N_("each column once"))
    missing = [c for c in ("act_date", "conduct") if c not in header]
    if missing:
        raise InvalidIncident("column", missing[0], N_("a header row naming at least act_date and conduct"))
    return header


def _read_workbook(stream: IO[str] | IO[bytes]) -> Register:
    """An Excel workbook's first sheet as a register (see the module doc)."""
    try:
        import openpyxl  # the `excel` extra: imported only for a workbook
    except ImportError:
        raise InvalidIncident("format", "xlsx", "the 'excel' extra installed to read a workbook "
                              "(pip install 'kzspeechlaw[excel]'), or a CSV export of it") from None
    if isinstance(stream, io.TextIOBase):
        raise InvalidIncident("file", "text stream", "a workbook's bytes (open it in binary mode)")
    data = stream.read()  # a zip archive, read from its end: here once, for the values and for the checks
    if not isinstance(data, bytes):
        raise InvalidIncident("file", "text stream", "a workbook's bytes (open it in binary mode)")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        unstored, merged = _sheet_marks(data, book)
    except Exception as error:  # not a zip archive, or not a workbook inside
        raise InvalidIncident("file", getattr(stream, "name", "stream"),
                              f"an Excel workbook (.xlsx) ({type(error).__name__}: {cut(str(error))})") from None
    others = [sheet.title for sheet in book.worksheets[1:] if _holds_register(sheet)]
    if others and not _holds_register(book.worksheets[0]):  # a sheet of instructions before the register
        raise InvalidIncident("file", getattr(stream, "name", "stream"), Message(
            "a workbook whose first sheet is the register: the first sheet {first} has no header naming act_date and "
            "conduct, the sheets {sheets} have one; move the register's sheet first, or export it as CSV",
            first=repr(cut(book.worksheets[0].title)), sheets=", ".join(repr(cut(t)) for t in others)))
    if others:
        shown = ", ".join(repr(cut(t)) for t in [book.worksheets[0].title, *others])
        raise InvalidIncident("file", getattr(stream, "name", "stream"), Message(
            "a workbook with one register: the sheets {sheets} have a header naming act_date and conduct, and only "
            "the first would be read; save the register's sheet alone, or export it as CSV", sheets=shown))
    rows = _sheet_rows(book, unstored, merged)
    first_row = next(rows, ())
    cells = list(first_row)
    while cells and is_blank(cells[-1]):  # a sheet's used range may be wider than its header
        cells.pop()
    return Register("xlsx", check_header(cells), rows)


def _holds_register(sheet: Any) -> bool:
    """Whether a sheet of a workbook (read only) is a register too: its first row that is not blank
    names ``act_date`` and ``conduct`` (a sheet of lists or instructions is not)."""
    if not hasattr(sheet, "iter_rows"):  # a chart sheet
        return False
    sheet.reset_dimensions()  # a stale stored size would hide the cells past it
    for row in sheet.iter_rows(values_only=True):
        if any(not is_blank(cell) for cell in row):
            names = {column_name(cell) for cell in row}
            return "act_date" in names and "conduct" in names
    return False


_MERGE = re.compile(rb"""<(?:\w+:)?mergeCell\s+ref\s*=\s*["']([A-Z]{1,3})([0-9]+):([A-Z]{1,3})([0-9]+)["']""")
_FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
_OVERLAP = 64
"""Bytes of a block kept before the next (:func:`_sheet_marks`): a tag cut between two blocks is whole in them."""


Merge = tuple[str, int, int, int, int]
"""A merged range of a sheet: its name (``D2:D4``), its first and last row, its first and last column (from 1)."""


def _sheet_marks(data: bytes, book: Any) -> tuple[frozenset[str], tuple[Merge, ...]]:
    """The first sheet's cells holding a formula with no stored value (``D2``; a spreadsheet program
    stores each formula's value, a program writing the file may not), and its merged ranges, read
    from the sheet's XML: a merged range's value is held by its first cell alone."""
    import zipfile

    from openpyxl.utils import column_index_from_string

    path = getattr(book.worksheets[0], "_worksheet_path", None) if book.worksheets else None
    if path is None:  # not known where the sheet is: nothing found (the cells read as they are)
        return frozenset(), ()
    formulas, tail = False, b""
    found: dict[bytes, tuple[bytes, ...]] = {}  # each range once, though two blocks may both hold it
    archive = zipfile.ZipFile(io.BytesIO(data))
    with archive.open(path) as xml:  # in blocks: a sheet's text may be large
        while block := xml.read(BLOCK_BYTES):
            text, tail = tail + block, (tail + block)[-_OVERLAP:]
            formulas = formulas or _FORMULA.search(text) is not None
            if b"<!DOCTYPE" in text or b"<!ENTITY" in text:  # a sheet has no DTD: its entities could expand without end
                raise ValueError("the sheet declares a document type, which a workbook's sheet does not")
            found.update((m[0], m.groups()) for m in _MERGE.finditer(text))
    merged = tuple((f"{a.decode()}{top.decode()}:{b.decode()}{bottom.decode()}", int(top), int(bottom),
                    column_index_from_string(a.decode()), column_index_from_string(b.decode()))
                   for a, top, b, bottom in found.values() if (a, top) != (b, bottom))
    return (_unstored(archive, path) if formulas else frozenset()), merged


def _unstored(archive: Any, path: str) -> frozenset[str]:
    """The cells of the sheet at ``path`` with a formula (``<f>``) and no value stored: no value
    element (``<v>``), or an empty one in a cell not of text (a text result may be empty, a number
    may not: openpyxl writes ``<v/>`` for a formula it did not compute), parsed as a stream. A row
    or cell without its reference (``r``, optional) is the one after the last."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils import column_index_from_string, get_column_letter

    cells: set[str] = set()
    row = column = 0
    with archive.open(path) as xml:
        for event, element in iterparse(xml, events=("start", "end")):
            name = element.tag.rpartition("}")[2]
            if event == "start":
                if name == "row":
                    row, column = int(element.get("r") or row + 1), 0
                continue
            if name == "c":
                ref = element.get("r")
                column = column_index_from_string(ref.rstrip("0123456789")) if ref else column + 1
                parts = {child.tag.rpartition("}")[2]: child for child in element}
                value, text = parts.get("v"), element.get("t") in ("str", "inlineStr")
                if "f" in parts and (value is None or (not value.text and not text)):
                    cells.add(f"{get_column_letter(column)}{row}")
                element.clear()
            elif name == "row":
                element.clear()
    return frozenset(cells)


def _sheet_rows(book: Any, unstored: frozenset[str] = frozenset(), merged: tuple[Merge, ...] = ()) -> Iterator[Any]:
    """The first sheet's rows that hold something, as tuples of cell values, the book closed at the
    end. After the header, a row is :class:`Unreadable` where a cell of a column that is read (an
    incident field, ``id``, ``decided_on``) holds a formula whose value was never stored
    (``unstored``) or lies in a merged range past its first cell (``merged``, from
    :func:`_sheet_marks`): read as blank, either would be a fact not stated. A column left out, or
    past the header (whose cells holding a value are an error all the same), is not looked at."""
    from openpyxl.utils import get_column_letter

    try:
        if book.worksheets:
            header = False
            read: frozenset[int] = frozenset()  # the columns read (from 1)
            sheet = book.worksheets[0]
            sheet.reset_dimensions()  # a stale stored size would leave out columns past it
            for number, row in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
                lost = [ref for at in sorted(read)  # a cell's name made only where a workbook has such cells
                        if (ref := f"{get_column_letter(at)}{number}") in unstored] if unstored else []
                blank = all(is_blank(cell) for cell in row)
                spans = [ref for ref, top, bottom, first, last in merged if top <= number <= bottom and any(
                    first + (number == top) <= at <= last for at in read)]
                if header and lost:
                    yield Unreadable(_shown(row), f"a formula with no stored value in cell {lost[0]} "
                                     "(the workbook was not saved by a spreadsheet program): save it in one, or "
                                     "export it as CSV")
                elif header and spans and not blank:
                    yield Unreadable(_shown(row), f"row {number} lies in the merged cells {spans[0]}, "
                                     "whose value only their first cell holds: unmerge them and give each cell its "
                                     "value")
                elif not blank:
                    if not header:
                        read = frozenset(at for at, cell in enumerate(row, 1) if column_name(cell) in _KNOWN)
                    header = True
                    yield row
    finally:
        book.close()


def _shown(cells: Sequence[Any]) -> list[str]:
    """A workbook's row as an error quotes it: each cell as text, an empty one as ``""`` (not ``"None"``)."""
    return [cut(str(c)) if c is not None else "" for c in cells]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    """A JSON number as a float, where it is one (``1e400`` is not: read as infinity, written back as
    ``"Infinity"``, an id would no longer join its row)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {cut(text)} is too large")
    return value


def _one_of_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members, where no name is given twice (JSON keeps the last of two, which would
    assess a row on one of two values silently)."""
    found = dict(pairs)
    if len(found) != len(pairs):
        twice = next(name for n, (name, _) in enumerate(pairs) if any(name == other for other, _ in pairs[:n]))
        raise ValueError(f"the member {quote(twice)} is given twice")
    return found


def decode(fmt: str, header: Sequence[str], raw: Any) -> Any:
    """A row as a mapping of its fields (empty cells and unknown columns left out), or
    :class:`Unreadable`."""
    if isinstance(raw, Unreadable):
        return raw
    if fmt == "csv":
        if len(raw) > len(header):
            return Unreadable([cut(c) for c in raw[: len(header) + 1]], f"{len(raw)} cells for {len(header)} columns")
        return {k: v for k, v in zip(header, raw, strict=False) if v.strip() and k in _KNOWN}
    if fmt == "xlsx":
        extra = [c for c in raw[len(header):] if not is_blank(c)]
        if extra:
            return Unreadable(_shown(raw[: len(header) + 1]),
                              f"{len(header) + len(extra)} cells for {len(header)} columns")
        return {k: v for k, v in zip(header, raw, strict=False) if k in _KNOWN and not is_blank(v)}
    if fmt == "jsonl":
        try:
            data = json.loads(raw, parse_constant=_no_constant, parse_float=_finite, object_pairs_hook=_one_of_each)
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
