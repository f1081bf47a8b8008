"""The reference path: a register assessed row by row, each row read into an
:class:`~kzspeechlaw.Incident`, assessed and written on its own.

:mod:`kzspeechlaw.registers.keyed` gives the same bytes faster; this path is what it is tested
against, and what it falls back on for every row it does not decide from a key (errors first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from kzspeechlaw.dates import as_date, out_of_range, user_date
from kzspeechlaw.errors import InvalidIncident, LawError, StaleDataWarning
from kzspeechlaw.law import coverage_report
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.fields import is_blank
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.registers.reading import Unreadable, decode, split_line
from kzspeechlaw.registers.records import BatchResult, RowError, internal_error, record
from kzspeechlaw.registers.tally import Tally, digest


def _decided(raw: Any, default: dt.date | None) -> dt.date:
    if is_blank(raw):
        if default is None:
            raise InvalidIncident(
                "decided_on", None, "a decision date: a decided_on column, or a default for every row"
            )
        return default
    try:
        return user_date(raw, "decided_on")
    except LawError:
        raise InvalidIncident("decided_on", raw, "a date (YYYY-MM-DD or DD.MM.YYYY)") from None


def default_decision(decided_on: dt.date | str | None) -> dt.date | None:
    """The default decision date of a register's rows, checked before any row is read: a date in the
    range the library assesses (:func:`kzspeechlaw.dates.out_of_range`), else :class:`InvalidIncident`
    naming ``decided_on`` (a placeholder such as ``9999-12-31`` would make every row that takes it an
    error record)."""
    if decided_on is None:
        return None
    default = as_date(decided_on, "decided_on")
    expected = out_of_range(default)
    if expected is not None:
        raise InvalidIncident("decided_on", decided_on, expected)
    return default


def _assess_row(row: int, item: Any, default: dt.date | None) -> BatchResult:
    """Assess one row: an :class:`Incident`, a mapping of its fields (with ``id`` and
    ``decided_on``), or an unreadable row from a reader."""
    ident: Any = row
    try:
        if isinstance(item, Incident):
            return BatchResult(row, ident, assess(item, _decided(None, default)))
        if isinstance(item, Unreadable):
            return BatchResult(row, ident, error=RowError(None, item.value, item.message))
        if not isinstance(item, Mapping):
            return BatchResult(row, ident, error=RowError(
                None, item, "expected an incident or a mapping of its fields"))
        data = dict(item)
        given = data.pop("id", None)
        if not is_blank(given):
            ident = given
        raw_day = data.pop("decided_on", None)
        incident = Incident.from_dict(data)
        return BatchResult(row, ident, assess(incident, _decided(raw_day, default)))
    except Exception as error:
        return BatchResult(row, ident, error=_row_error(error))


def _row_error(error: Exception) -> RowError:
    """The error record of a row its assessment stopped on: ``InvalidIncident`` names its field,
    another :class:`~kzspeechlaw.LawError` gives field ``None``, anything else is a fault of the
    program, said as one."""
    if isinstance(error, InvalidIncident):
        return RowError(error.field, error.value, str(error))
    if isinstance(error, LawError):
        return RowError(None, None, str(error))
    return RowError(None, None, internal_error(error))


def assess_many(
    incidents: Iterable[Incident | Mapping[str, Any]], decided_on: dt.date | str | None = None
) -> Iterator[BatchResult]:
    """Assess each incident in turn, yielding one :class:`BatchResult` per item, in order.

    An item is an :class:`~kzspeechlaw.Incident` or a mapping of its fields, which may also carry
    an ``id`` and its own ``decided_on``; ``decided_on`` here is the default for items without one
    (an item with neither is an error naming ``decided_on``). A row that cannot be assessed gives
    a result with an ``error`` instead of raising: ``InvalidIncident`` names its field, any other
    :class:`~kzspeechlaw.LawError` gives field ``None``. Lazy: results are produced as the
    incidents are consumed.
    """
    if isinstance(incidents, str | bytes | Mapping) or not isinstance(incidents, Iterable):  # checked at once
        raise InvalidIncident("incidents", incidents, "an iterable of incidents (Incident objects or mappings of "
                              "their fields), not a text or a single mapping")
    default = default_decision(decided_on)
    return (_assess_row(row, item, default) for row, item in enumerate(incidents, 1))


class Task(NamedTuple):
    """Consecutive rows of a register to assess: the position of the first (1-based), the
    register's format and header, the raw rows, the default decision date, the output wanted
    (``brief``, ``full`` or ``none``) and, for a CSV register's lines left unsplit
    (:class:`~kzspeechlaw.registers.reading.CsvRows`), their delimiter."""

    start: int
    format: str
    header: tuple[str, ...]
    rows: Sequence[Any]
    default: dt.date | None
    output: str
    delimiter: str | None = None

    def cells(self, raw: Any) -> Any:
        """A row as the reader gives it (a CSV line left unsplit, split)."""
        return split_line(raw, self.delimiter) if self.delimiter is not None and type(raw) is str else raw


class ChunkResult(NamedTuple):
    """The results of consecutive rows: their output records as JSON Lines in UTF-8, one line per
    row (empty when no output is wanted), their tally, and the distinct warnings their
    assessments give (:class:`~kzspeechlaw.StaleDataWarning` for a decision after the data's
    current-to date)."""

    output: bytes
    tally: Tally
    warnings: list[tuple[type[Warning], str]]

    @property
    def records(self) -> list[str]:
        """The output records, one JSON text per row (a record never holds a raw line feed)."""
        return self.output.decode("utf-8").split("\n")[:-1]


def one_row(row: int, item: Any, default: dt.date | None, output: str) -> tuple[BatchResult, str | None]:
    """One row's result and its output record (``None`` for output ``none``)."""
    result = settled(_assess_row(row, item, default))
    if output == "full":
        result = explained(result)
    return result, (record(result, output == "brief") if output != "none" else None)


def settled(result: BatchResult) -> BatchResult:
    """The result with the facts its answer turns on decided (every record and the tally read
    them; deciding them assesses the incident with each open fact stated), or the row's error
    where that fails (a date that only an alternative's reasoning checks): no error stops the
    register."""
    if result.assessment is not None:
        try:
            _ = result.assessment.depends_on
        except Exception as error:
            return BatchResult(result.row, result.id, error=_row_error(error))
    return result


def encoded(text: str) -> bytes:
    """Text as the records' bytes: UTF-8, a lone surrogate (only possible inside a JSON string) as
    its JSON escape. Each character is encoded alone, so pieces encoded apart join as the whole."""
    return text.encode("utf-8", "backslashreplace")


Written = str | bytes | list[bytes]
"""A record as a writer gives it: its text, its bytes, or its bytes in pieces (a long template's)."""


def joined(lines: Sequence[Written]) -> bytes:
    """Records, as text, already encoded (:func:`encoded`) or encoded in pieces, as one block of
    bytes with a line feed after each (cheap to send back from a worker process and to write
    out): the bytes are copied once."""
    if not lines:
        return b""
    if set(map(type, lines)) == {str}:  # at C speed: a brief chunk's lines are all text
        return encoded("\n".join(lines) + "\n")  # type: ignore[arg-type]
    out: list[bytes] = []
    add, extend = out.append, out.extend
    for line in lines:
        if isinstance(line, list):
            extend(line)
        elif isinstance(line, str):
            add(encoded(line))
        else:
            add(line)
        add(b"\n")
    return b"".join(out)


def stale_warnings(latest: int) -> list[tuple[type[Warning], str]]:
    """The stale-data warning of a chunk whose latest decision date has the ordinal ``latest``
    (0: no row assessed), if any."""
    stale = coverage_report.stale_message(dt.date.fromordinal(latest)) if latest else None
    return [(StaleDataWarning, stale)] if stale else []


class Share(NamedTuple):
    """What one of ``parts`` processes gives of a chunk: the records of the rows it assessed, in
    order (as :attr:`ChunkResult.output`), their tally, whether every fine counted in it is a whole
    number of tenge (a sum of other numbers depends on the order of its terms), the ordinal of its
    latest decision date (0 for none), and, where there are several parts, the part each row of
    the chunk was assessed in (a byte per row: every process notes them, and they must agree)."""

    output: bytes | bytearray  # bytearray: as the parent reads it from a worker
    tally: Tally
    whole: bool
    latest: int
    parts: bytes | None = None
    part: int = 0
    """Which of the parts this share is."""
    learned: int = 0
    """Keys met for the first time in this process whose answers it learned from this share's rows."""
    taught: tuple[tuple[Any, ...], ...] = ()
    """Those answers, for the other processes (:meth:`~kzspeechlaw.registers.keys.Table.preload`
    reads them), where the parent passes them on."""

    def result(self) -> ChunkResult:
        """The chunk's result, where this share is the whole chunk."""
        return ChunkResult(bytes(self.output), self.tally, stale_warnings(self.latest))


def share(lines: Sequence[Written] | bytes, tally: Tally, whole: bool, latest: int, parts: bytearray | None,
          part: int, learned: int = 0, taught: Sequence[tuple[Any, ...]] = ()) -> Share:
    """Part ``part``'s share of a chunk: its lines (or their bytes, :func:`joined`), tally, fines'
    wholeness, latest decision, the rows' parts and the keys learned from its rows (with the
    answers for the other parts)."""
    output = lines if isinstance(lines, bytes) else joined(lines)
    return Share(output, tally, whole, latest, bytes(parts) if parts is not None else None, part, learned,
                 tuple(taught))


def run_chunk(task: Task, part: int = 0, parts: int = 1) -> Share:
    """Assess a task's rows one by one (the reference the keyed path is tested against); with
    ``parts`` processes, the rows whose position in the chunk is ``part`` modulo ``parts``."""
    lines: list[str] = []
    tally = Tally()
    whole = True
    latest = 0  # the latest decision date, for the one stale-data warning
    mine = bytearray(n % parts for n in range(len(task.rows))) if parts > 1 else None
    with coverage_report.stale_checks_silenced():  # per thread: other registers keep their warnings
        for offset, raw in enumerate(task.rows):
            if offset % parts != part:
                continue
            item = decode(task.format, task.header, task.cells(raw))
            result, line = one_row(task.start + offset, item, task.default, task.output)
            if line is not None:
                lines.append(line)
            if result.assessment is not None:
                latest = max(latest, result.assessment.decided_on.toordinal())
            found = digest(result)
            whole = whole and is_whole(found.fine_kzt_min) and is_whole(found.fine_kzt_max)
            tally.add(found)
    return share(lines, tally, whole, latest, mine, part)


def is_whole(value: Any) -> bool:
    """Whether a fine of a digest is none or a whole number (sums of them do not depend on order)."""
    return value is None or type(value) is int


def explained(result: BatchResult) -> BatchResult:
    """The result with its assessment's notes and trace written (they are written when first
    read), or the row's error where writing them fails: no error stops the register."""
    if result.assessment is not None:
        try:
            _ = result.assessment.notes
        except LawError as error:
            return BatchResult(result.row, result.id, error=RowError(None, None, str(error)))
        except Exception as error:
            return BatchResult(result.row, result.id, error=RowError(None, None, internal_error(error)))
    return result

