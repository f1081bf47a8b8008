"""Many incidents at once: a register assessed row by row, and a tally of the results.

A *register* is a table of incidents: the fields of :data:`kzspeechlaw.reasoning.incident.FIELDS`, plus an
``id`` and an optional per-row ``decided_on``. It is read as CSV (sets as ``;``-separated values,
an empty cell is a field not given) or as JSON Lines (one object per line). Every row gives exactly
one result, in order: the assessment, or an error naming the field that stopped it. No row is ever
dropped, and memory does not grow with the register: rows are read, assessed and written one by one
(in bounded chunks when several processes share the work). A row is written as its brief record
(:func:`brief_dict`: outcome, parts, category, MCI date, fine range) or, on request, as the whole
assessment.

>>> rows = [
...     {"id": "a", "act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"},
...     {"id": "b", "act_date": "2019-03-15", "conduct": "gossip"},
... ]
>>> for r in assess_many(rows, decided_on="2019-12-01"):
...     print(r.id, r.assessment.outcome if r.ok else r.error.field)
a liable
b conduct
>>> t = tally(assess_many(rows, decided_on="2019-12-01"))
>>> t.succeeded, t.failed, dict(t.by_part), t.fine_kzt_max
(1, 1, {'CC2014 130(2)': 1}, 5050000)
"""

from __future__ import annotations

import collections
import datetime as dt
import gc
import itertools
import json
import os
import signal
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs

from kzspeechlaw import export
from kzspeechlaw.dates import as_date, user_date
from kzspeechlaw.errors import QUOTE_LIMIT, InvalidIncident, LawError, StaleDataWarning, cut, quote
from kzspeechlaw.law import coverage_report, general_part
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Penalty
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning.assessment import Assessment, assess
from kzspeechlaw.reasoning.incident import Incident, is_blank
from kzspeechlaw.reasoning.results import AssessedSanction
from kzspeechlaw.refs import parse
from kzspeechlaw.registers.reading import Register, Unreadable, decode
from kzspeechlaw.units import unit_name

OUTPUTS = ("brief", "full", "none")
"""What :func:`run` writes per row: the brief record (the default), the whole assessment, or
nothing (the tally only)."""

CHUNK_SIZE = 2000
"""Rows per unit of work when several processes share a register."""


# --- one row's result -------------------------------------------------------------------------


@attrs.frozen
class RowError:
    """Why a row could not be assessed: the field (``None`` when no one field is at fault), the
    value given and a one-line message."""

    field: str | None
    value: Any
    message: str

    def to_dict(self) -> dict[str, Any]:
        """``{"field", "value", "message"}``, JSON-ready."""
        return {"field": self.field, "value": _quoted(self.value), "message": self.message}


@attrs.frozen
class BatchResult:
    """One row's result: its position (1-based), its ``id``, and its assessment or error.

    A row without an ``id`` gets its position as its id.
    """

    row: int
    id: Any
    assessment: Assessment | None = None
    error: RowError | None = None

    @property
    def ok(self) -> bool:
        """True when the row was assessed."""
        return self.assessment is not None

    def to_dict(self, brief: bool = False) -> dict[str, Any]:
        """``id`` plus the whole ``Assessment.to_dict()`` (``brief``: plus :func:`brief_dict`, the
        record ``kzspeechlaw batch`` writes by default), or ``id`` plus ``error``."""
        ident = export.jsonable(self.id)
        if self.assessment is None:
            assert self.error is not None
            return {"id": ident, "error": self.error.to_dict()}
        if brief:
            return {"id": ident, **brief_dict(self.assessment)}
        return {"id": ident, **self.assessment.to_dict()}

    def to_json(self, brief: bool = False) -> str:
        """:meth:`to_dict` as one line of JSON text (non-ASCII characters kept)."""
        if self.assessment is None:
            return export.dumps(self.to_dict())
        body = _brief_json(self.assessment) if brief else self.assessment.to_json()
        return f'{{"id": {export.dumps(export.jsonable(self.id))}, {body[1:]}'


def fine_range(a: Assessment) -> tuple[Any, Any, Any, Any] | None:
    """The fine an assessment allows: ``(min MCI, max MCI, min KZT, max KZT)`` as plain numbers.

    Over the fine alternatives open on the decision date: the lowest minimum and the highest
    maximum. ``None`` where no fine is open; a bound the law does not give (an "up to" without a
    floor, or an amount not in MCI) is ``None``.
    """
    return _fine(a.sanctions).range


class _Fine(NamedTuple):
    """A fine range and the brief record's members that give it, as JSON text."""

    range: tuple[Any, Any, Any, Any] | None
    json: str


_FINES = Memo(maxsize=4096)  # assessed sanctions are mostly shared objects (see assess._penalties)


def _fine(sanctions: tuple[AssessedSanction, ...]) -> _Fine:
    def make() -> _Fine:
        fine = _fine_range(sanctions)
        members = export.dumps({
            "fine_mci": None if fine is None or fine[1] is None else {"min": fine[0], "max": fine[1]},
            "fine_kzt": None if fine is None or fine[3] is None else {"min": fine[2], "max": fine[3]},
        })
        return _Fine(fine, members)

    return _FINES.get(sanctions, make)


def _fine_range(sanctions: tuple[AssessedSanction, ...]) -> tuple[Any, Any, Any, Any] | None:
    lows_mci: list[Any] = []
    highs_mci: list[Any] = []
    lows_kzt: list[Any] = []
    highs_kzt: list[Any] = []
    for s in sanctions:
        if s.kind is not Penalty.FINE or not s.available or s.maximum is None:
            continue
        if unit_name(s.maximum) == "MCI":
            lows_mci.append(s.minimum)
            highs_mci.append(s.maximum)
            lows_kzt.append(s.minimum_kzt)
            highs_kzt.append(s.maximum_kzt)
        else:  # a fine stated in tenge: no range in MCI
            lows_mci.append(None)
            highs_mci.append(None)
            lows_kzt.append(s.minimum)
            highs_kzt.append(s.maximum)
    if not highs_kzt:
        return None
    return _extreme(min, lows_mci), _extreme(max, highs_mci), _extreme(min, lows_kzt), _extreme(max, highs_kzt)


def _extreme(pick: Callable[[list[Any]], Any], amounts: list[Any]) -> Any:
    """The smallest or largest magnitude (``pick``: ``min`` or ``max``), or ``None`` where any
    bound is missing."""
    magnitudes = [q.magnitude for q in amounts if q is not None]
    return pick(magnitudes) if len(magnitudes) == len(amounts) else None


def brief_dict(a: Assessment) -> dict[str, Any]:
    """The compact record: the outcome, the part the act fell under when committed
    (``falls_under``), the governing part (none where liability was removed), the category, the
    MCI date, the limitation status (``running``, ``expired``, ``suspended``, ``none``; null
    where no period is modelled) and the fine range in MCI and tenge (:func:`fine_range`)."""
    data: dict[str, Any] = json.loads(_brief_json(a))
    return data


_BRIEF_HEADS = Memo(maxsize=4096)


def _brief_json(a: Assessment) -> str:
    """:func:`brief_dict` as JSON text, spliced from pieces that many assessments share."""
    first = a.matches[0].provision if a.matches else None
    governing, category = a.governing, a.category
    key = (first, governing, a.outcome, category)
    head = _BRIEF_HEADS.get(key, lambda: export.dumps({
        "outcome": a.outcome,
        "falls_under": str(first.ref) if first is not None else None,
        "governing": str(governing.ref) if governing is not None else None,
        "category": category.value if category is not None else None,
    }))
    mci_date = f'"{a.mci_date.isoformat()}"' if a.mci_date is not None else "null"
    limitation = f'"{a.limitation.status}"' if a.limitation is not None else "null"
    return f'{head[:-1]}, "mci_date": {mci_date}, "limitation": {limitation}, {_fine(a.sanctions).json[1:]}'


def _quoted(value: Any) -> Any:
    """A value quoted in an error record: JSON-ready (:func:`kzspeechlaw.export.jsonable`), or,
    where its JSON text is long, that text cut to a quote (:func:`kzspeechlaw.errors.cut`)."""
    ready = export.jsonable(value)
    if isinstance(ready, str):
        return cut(ready)
    text = export.dumps(ready)
    return ready if len(text) <= QUOTE_LIMIT else cut(text)


# --- assessing rows ---------------------------------------------------------------------------


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
    except InvalidIncident as error:
        return BatchResult(row, ident, error=RowError(error.field, error.value, str(error)))
    except LawError as error:
        return BatchResult(row, ident, error=RowError(None, None, str(error)))
    except Exception as error:
        return BatchResult(row, ident, error=RowError(None, None, internal_error(error)))


def internal_error(error: Exception) -> str:
    """The one-line message of an error that is the library's fault, not the input's."""
    return f"internal error ({quote(error)}); please report it"


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
    default = as_date(decided_on, "decided_on") if decided_on is not None else None
    for row, item in enumerate(incidents, 1):
        yield _assess_row(row, item, default)


# --- the tally --------------------------------------------------------------------------------


class Digest(NamedTuple):
    """What the tally needs of one row (small, so that worker processes can send it back)."""

    ok: bool
    part: str | None
    code: str | None
    regime: str | None
    outcome: str | None
    month: str | None
    fine_kzt_min: Any
    fine_kzt_max: Any
    limitation: str | None = None


def digest(result: BatchResult) -> Digest:
    """The row's contribution to the tally.

    The part counted is the governing one or, where none governs (decriminalised, no provision),
    the part the act fell under at the time. Fines are counted for liable rows only.
    """
    a = result.assessment
    if a is None:
        return Digest(False, None, None, None, None, None, None, None, None)
    p = a.governing or (a.matches[0].provision if a.matches else None)
    fine = fine_range(a) if a.outcome == "liable" else None
    return Digest(
        True,
        str(p.ref) if p is not None else None,
        p.ref.code if p is not None else None,
        p.regime.value if p is not None else None,
        a.outcome,
        a.incident.act_date.isoformat()[:7],
        fine[2] if fine is not None else None,
        fine[3] if fine is not None else None,
        a.limitation.status if a.limitation is not None else "not_modelled" if a.governing is not None else None,
    )


@attrs.define
class Month:
    """One month of act dates: rows, criminal and administrative, liable, and the fine sums."""

    rows: int = 0
    criminal: int = 0
    administrative: int = 0
    liable: int = 0
    fine_kzt_min: int | float = 0
    fine_kzt_max: int | float = 0


@attrs.define
class Tally:
    """Counts of a register's results: the shape of a monthly monitoring report.

    Counts by code, by article part (the governing part, or the act-time part where none
    governs), by outcome and by regime (criminal, administrative, or ``none`` where no provision
    applies), and per month of the act date; and the sums of the fine ranges in tenge over the
    liable rows (an "up to" fine without a floor adds 0 to the sum of minima).
    """

    succeeded: int = 0
    failed: int = 0
    by_code: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_part: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_outcome: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_regime: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_limitation: collections.Counter[str] = attrs.field(factory=collections.Counter)
    """Limitation statuses (``running``, ``expired``, ``suspended``, ``none``; ``not_modelled``
    where no period is modelled, ``not_applicable`` where no provision governs)."""
    by_month: dict[str, Month] = attrs.field(factory=dict)
    fine_kzt_min: int | float = 0
    fine_kzt_max: int | float = 0

    @property
    def rows(self) -> int:
        """Every row read."""
        return self.succeeded + self.failed

    def add(self, d: Digest) -> None:
        """Count one row."""
        if not d.ok:
            self.failed += 1
            return
        self.succeeded += 1
        self.by_code[d.code or "none"] += 1
        self.by_part[d.part or "none"] += 1
        self.by_outcome[d.outcome or "none"] += 1
        self.by_regime[d.regime or "none"] += 1
        self.by_limitation[d.limitation or "not_applicable"] += 1
        month = self.by_month.setdefault(d.month or "none", Month())
        month.rows += 1
        if d.regime == "criminal":
            month.criminal += 1
        elif d.regime == "administrative":
            month.administrative += 1
        if d.outcome == "liable":
            month.liable += 1
        if d.fine_kzt_max is not None:
            low = d.fine_kzt_min or 0
            month.fine_kzt_min += low
            month.fine_kzt_max += d.fine_kzt_max
            self.fine_kzt_min += low
            self.fine_kzt_max += d.fine_kzt_max

    def merge(self, other: Tally) -> None:
        """Add the counts of ``other`` (the tally of other rows) to these."""
        self.succeeded += other.succeeded
        self.failed += other.failed
        for mine, theirs in ((self.by_code, other.by_code), (self.by_part, other.by_part),
                             (self.by_outcome, other.by_outcome), (self.by_regime, other.by_regime),
                             (self.by_limitation, other.by_limitation)):
            mine.update(theirs)
        for name, counts in other.by_month.items():
            month = self.by_month.setdefault(name, Month())
            for field in attrs.fields(Month):
                setattr(month, field.name, getattr(month, field.name) + getattr(counts, field.name))
        self.fine_kzt_min += other.fine_kzt_min
        self.fine_kzt_max += other.fine_kzt_max

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, keys sorted within each count."""
        return {
            "schema": "kzspeechlaw/tally/1",
            "rows": self.rows,
            "succeeded": self.succeeded,
            "failed": self.failed,
            "by_code": dict(sorted(self.by_code.items())),
            "by_part": dict(sorted(self.by_part.items(), key=lambda kv: _part_key(kv[0]))),
            "by_outcome": dict(sorted(self.by_outcome.items())),
            "by_regime": dict(sorted(self.by_regime.items())),
            "by_limitation": dict(sorted(self.by_limitation.items())),
            "by_month": {m: attrs.asdict(v) for m, v in sorted(self.by_month.items())},
            "fine_kzt": {"min": self.fine_kzt_min, "max": self.fine_kzt_max},
        }

    def render(self) -> str:
        """A plain-text report: the counts, then one line per month with the fine sums."""
        def num(n: float) -> str:
            return f"{n:,}".replace(",", " ")

        lines = [f"rows: {num(self.rows)} ({num(self.succeeded)} assessed, {num(self.failed)} failed)"]
        data = self.to_dict()
        for title, key in (("outcome", "by_outcome"), ("regime", "by_regime"), ("limitation", "by_limitation"),
                           ("code", "by_code"),
                           ("article part", "by_part")):
            lines.append(f"{title}:")
            lines += [f"  {name:<22} {num(count):>10}" for name, count in data[key].items()]
        head = f"{'month':<8} {'rows':>8} {'criminal':>9} {'admin.':>8} {'liable':>8} " \
               f"{'fines min KZT':>18} {'fines max KZT':>18}"
        lines += ["", head]
        for name, m in sorted(self.by_month.items()):
            lines.append(f"{name:<8} {num(m.rows):>8} {num(m.criminal):>9} {num(m.administrative):>8} "
                         f"{num(m.liable):>8} {num(m.fine_kzt_min):>18} {num(m.fine_kzt_max):>18}")
        total = self.by_regime
        lines.append(f"{'total':<8} {num(self.succeeded):>8} {num(total['criminal']):>9} "
                     f"{num(total['administrative']):>8} {num(self.by_outcome['liable']):>8} "
                     f"{num(self.fine_kzt_min):>18} {num(self.fine_kzt_max):>18}")
        return "\n".join(lines)


def _part_key(text: str) -> tuple[Any, ...]:
    """Parts in code and article order, ``none`` last."""
    try:
        return (0, parse(text).sort_key())
    except LawError:
        return (1, text)


def tally(results: Iterable[BatchResult]) -> Tally:
    """Count results (e.g. from :func:`assess_many`) into a :class:`Tally`."""
    t = Tally()
    for result in results:
        t.add(digest(result))
    return t


# --- running a register, in one process or several ---------------------------------------------


class _Task(NamedTuple):
    start: int
    format: str
    header: tuple[str, ...]
    rows: list[Any]
    default: dt.date | None
    output: str  # one of OUTPUTS


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


def _run_chunk(task: _Task) -> ChunkResult:
    lines: list[str] = []
    part = Tally()
    latest: dt.date | None = None  # the latest decision date, for the one stale-data warning
    with coverage_report.stale_checks_silenced():  # per thread: other registers keep their warnings
        for offset, raw in enumerate(task.rows):
            result = _assess_row(task.start + offset, decode(task.format, task.header, raw), task.default)
            if task.output == "full":
                result = _explained(result)
            if task.output != "none":
                lines.append(_record(result, task.output == "brief"))
            if result.assessment is not None and (latest is None or result.assessment.decided_on > latest):
                latest = result.assessment.decided_on
            part.add(digest(result))
    # One block of bytes per chunk: cheap to send back from a worker process and to write out.
    # A lone surrogate (only possible inside a JSON string) is written as its JSON escape.
    output = "".join(f"{line}\n" for line in lines).encode("utf-8", "backslashreplace")
    stale = coverage_report.stale_message(latest) if latest is not None else None
    return ChunkResult(output, part, [(StaleDataWarning, stale)] if stale else [])


def _record(result: BatchResult, brief: bool) -> str:
    """The row's output record, or its error record where writing the record fails."""
    try:
        return result.to_json(brief=brief)
    except Exception as error:
        return BatchResult(result.row, result.id, error=RowError(None, None, internal_error(error))).to_json()


def _explained(result: BatchResult) -> BatchResult:
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


def _warm() -> None:
    """Load the data before work starts (in a worker process, or before forking workers)."""
    law()
    general_part.rules()


def _start_worker() -> None:
    """A worker process: the data loaded, then set aside from garbage collection (it lives as long
    as the process, and every full collection would otherwise walk it again). An interrupt (Ctrl-C)
    is the parent's to handle: it ends the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm()
    gc.freeze()


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def max_workers() -> int:
    """The most processes :func:`run` starts: four per usable CPU (more only add memory)."""
    return 4 * usable_cpus()


def _chunks(rows: Iterable[Any], size: int) -> Iterator[tuple[int, list[Any]]]:
    """Consecutive lists of ``size`` rows, each with the position of its first row (1-based)."""
    rows = iter(rows)
    start = 1
    while chunk := list(itertools.islice(rows, size)):
        yield start, chunk
        start += len(chunk)


def run(
    register: Register,
    decided_on: dt.date | str | None = None,
    *,
    output: str = "brief",
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[ChunkResult]:
    """Assess a register chunk by chunk, in order; ``output`` is one of :data:`OUTPUTS`. With
    ``workers > 1`` and more than one chunk of rows, chunks are assessed in that many processes, at
    most two chunks per worker in flight at a time, so memory stays bounded whatever the register's
    length. Warnings raised in the rows are re-issued once each
    (:class:`~kzspeechlaw.StaleDataWarning` for a decision after the data's current-to date).
    """
    if output not in OUTPUTS:
        raise InvalidIncident("output", output, f"one of {', '.join(OUTPUTS)}")
    _check_count("chunk_size", chunk_size, "rows")
    _check_count("workers", workers, "processes")
    if workers > max_workers():
        raise InvalidIncident("workers", workers, f"at most {max_workers()} processes (four per usable CPU)")
    default = as_date(decided_on, "decided_on") if decided_on is not None else None
    return _run(register, default, output, workers, chunk_size)  # the arguments checked before any row


def _check_count(name: str, value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidIncident(name, value, f"a whole number of {what}, at least 1")


def _run(register: Register, default: dt.date | None, output: str, workers: int,
         chunk_size: int) -> Iterator[ChunkResult]:
    tasks = (
        _Task(start, register.format, register.header, chunk, default, output)
        for start, chunk in _chunks(register.rows, chunk_size)
    )
    issued: set[tuple[type[Warning], str]] = set()

    def reissue(chunk: ChunkResult) -> ChunkResult:
        for warning in chunk.warnings:
            if warning not in issued:
                issued.add(warning)
                category, message = warning
                warnings.warn(message, category, stacklevel=3)
        return chunk

    first = next(tasks, None)
    if first is None:
        return
    second = next(tasks, None)
    if workers <= 1 or second is None:
        for task in itertools.chain([first], [second] if second else [], tasks):
            yield reissue(_run_chunk(task))
        return
    import multiprocessing  # here: only a long register in several processes needs it

    _warm()  # forked workers inherit the loaded data
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker) as pool:
        pending: collections.deque[Any] = collections.deque()
        for task in itertools.chain([first, second], tasks):
            pending.append(pool.apply_async(_run_chunk, (task,)))
            if len(pending) >= 2 * workers:
                yield reissue(pending.popleft().get())
        while pending:
            yield reissue(pending.popleft().get())
