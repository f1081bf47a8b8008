"""Many incidents at once: a register assessed in chunks of rows, in one process or several.

A *register* is a table of incidents: the fields of :data:`kzspeechlaw.reasoning.fields.FIELDS`, plus an
``id`` and an optional per-row ``decided_on``. It is read as CSV (sets as ``;``-separated values,
an empty cell is a field not given) or as JSON Lines (one object per line). Every row gives exactly
one result, in order: the assessment, or an error naming the field that stopped it. No row is ever
dropped, and memory does not grow with the register: rows are read, assessed and written in
bounded chunks. A row is written as its brief record (:func:`brief_dict`: outcome, parts, category,
MCI date, fine range) or, on request, as the whole assessment.

The parts: :mod:`~kzspeechlaw.registers.records` (a row's result and its records),
:mod:`~kzspeechlaw.registers.tally` (the counts), :mod:`~kzspeechlaw.registers.rows` (the
reference path: each row read into an incident and assessed on its own) and
:mod:`~kzspeechlaw.registers.keyed` (each row decided from a key, each key's answer computed once
per register: the same bytes, the default of :func:`run`); this module runs chunks and re-exports
what callers use.

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
import contextlib
import datetime as dt
import gc
import itertools
import os
import signal
import struct
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from kzspeechlaw.errors import InvalidIncident, RegisterWarning
from kzspeechlaw.i18n import Message
from kzspeechlaw.law import general_part
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.timeline import data_dates
from kzspeechlaw.registers import columns, keys, rows, scan
from kzspeechlaw.registers import keyed as keyed_path
from kzspeechlaw.registers.ids import RepeatedIds
from kzspeechlaw.registers.lines import TextLines
from kzspeechlaw.registers.reading import CsvRows, Register
from kzspeechlaw.registers.records import BatchResult, RowError, brief_dict, fine_range, internal_error
from kzspeechlaw.registers.rows import ChunkResult, assess_many
from kzspeechlaw.registers.tally import Digest, Month, Tally, digest, tally

__all__ = [
    "CHUNK_SIZE", "FULL_CHUNK_SIZE", "OUTPUTS", "BatchResult", "ChunkResult", "Digest", "Month", "RowError", "Tally",
    "WorkerLost", "assess_many", "brief_dict", "digest", "fine_range", "internal_error", "keep_freed_memory",
    "max_workers", "repeated_ids", "run", "tally", "usable_cpus",
]

OUTPUTS = ("brief", "full", "none")
"""What :func:`run` writes per row: the brief record (the default), the whole assessment, or
nothing (the tally only)."""

CHUNK_SIZE = 20_000
"""Rows per unit of work (a chunk: read, assessed, written and counted at once) for brief records
and the tally (a chunk's tally costs by the months and answers in it, which grow more slowly than
its rows). By default the first chunk is a quarter of it and each next one twice the last, so that
a short register is still shared between worker processes."""

FULL_CHUNK_SIZE = 1000
"""Rows per chunk of whole assessments (about 10 KB a row: a chunk in flight stays about 10 MB)."""

IN_FLIGHT = 2
"""Chunks in flight at a time with several worker processes (:func:`_in_parts`): one being put
together here while the workers assess the next."""

FULL_IN_FLIGHT = 4
"""Chunks of whole assessments in flight at a time: a worker's part of a chunk may hold many keys
to learn (a millisecond or more each) and the other's few, and with more chunks sent the other
goes on meanwhile (a million rows of the benchmark's register on two workers: 20.8-21.6 s, against
22.0-22.5 s with two in flight; about 20 MB more memory)."""


class _Task(NamedTuple):
    """A chunk of rows (:class:`kzspeechlaw.registers.rows.Task`), the token of the register it is
    from (its keys are not another register's), the path that assesses it (keyed, or the
    reference row by row), and, where the parent routed its rows (:class:`~kzspeechlaw.registers.
    keyed.Router`), each row's process (a process is then sent its own rows alone)."""

    rows: rows.Task
    token: object
    keyed: bool
    where: bytes | None = None
    cache: bool = False  # whether the keys' answers are kept between runs (:mod:`.learned`)
    taught: tuple[tuple[Any, ...], ...] = ()  # the answers other processes learned (:class:`_Lessons`)


def _run_chunk(task: _Task, part: int = 0, parts: int = 1) -> rows.Share:
    """A chunk's rows assessed here: all of them, or with ``parts`` processes those that are
    ``part``."""
    if task.keyed:
        if task.cache:  # a worker started afresh (not forked) looks for the kept answers itself
            keyed_path.prepare(task.rows, task.token)
        return keyed_path.run_chunk(task.rows, task.token, part, parts, task.where, task.taught)
    return rows.run_chunk(task.rows, part, parts)


def _merged(task: _Task, shares: list[rows.Share]) -> ChunkResult:
    """A chunk's result from the shares of its rows assessed in several processes: the records
    put back in the rows' order, the tallies added, the latest decision date of all. Where a
    share counts a fine that is not a whole number of tenge, the sums depend on the order of their
    terms: the chunk is then assessed again here, whole. Shares that do not fit together (the
    processes disagree on a row's process, a row twice, or none) stop the run: never a record
    lost or out of place. A share is known by the number of its part, the parts its process read
    the rows into and its counts of rows and records, not by its records' contents: a process that
    wrote another part's rows under its own number, as many as its own, would not be told apart
    (a fault of the program, not of a register)."""
    if not all(s.whole for s in shares):
        return _run_chunk(task).result()
    where = shares[0].parts
    count = len(task.rows.rows)
    written = task.rows.output != "none"
    mine = [where.count(n) for n in range(len(shares))] if where is not None else []  # each part's rows
    runs = where is not None and where == keyed_path.in_runs(mine)  # the parts' rows one after another
    ends = [columns.line_ends(s.output, mine[n]) for n, s in enumerate(shares)] if written and mine and not runs else []
    lines = [scan.line_feeds(s.output) for s in shares] if runs else [len(e) for e in ends]  # records in each part
    fits = where is not None and len(where) == count and all(
        s.parts == where and s.part == n for n, s in enumerate(shares)) and (
        sum(s.tally.rows for s in shares) == count) and all(
        lines[n] == mine[n] and s.output[-1:] in (b"", b"\n") for n, s in enumerate(shares) if written)
    if not fits:
        raise RuntimeError(f"the worker processes' parts of the chunk from row {task.rows.start} do not fit together")
    assert where is not None
    if not written:
        output = b""
    elif runs:
        output = b"".join(s.output for s in shares)
    else:
        output = columns.interleaved(where, [s.output for s in shares], ends)
    tally = Tally()
    for s in shares:
        tally.merge(s.tally)
    latest = max(s.latest for s in shares)
    return ChunkResult(output, tally, rows.stale_warnings(latest))


def _shares(task: _Task, router: keyed_path.Router, workers: int, lessons: _Lessons | None = None) -> list[_Task]:
    """The chunk as each of ``workers`` processes is sent it: where the router routes its rows, each
    process's own rows and where every row goes, with the answers the others learned since its last
    chunk (``lessons``); else the whole chunk (each process finds its rows itself)."""
    routed = router.route(task.rows) if task.keyed else None
    if routed is None:
        return [task] * workers
    where, taken = routed
    return [task._replace(where=where, rows=task.rows._replace(rows=mine),
                          taught=lessons.given(n) if lessons is not None else ()) for n, mine in enumerate(taken)]


def _learned(task: _Task, shares: list[rows.Share], router: keyed_path.Router, lessons: _Lessons) -> None:
    """What the parent notes of a chunk's shares: whether the next chunks go in runs, and the
    answers the workers learned, for the others, while the workers have learned at most
    :data:`~kzspeechlaw.registers.keys.SHARED_KEYS` keys in all (past it the rows no longer go in
    runs); nothing for whole assessments, whose answers are not passed on
    (:func:`~kzspeechlaw.registers.keyed.run_chunk`): their rows stay routed by their keys."""
    if task.rows.output == "full":
        return
    router.learned(len(task.rows.rows), sum(s.learned for s in shares))
    if router.total <= keys.SHARED_KEYS:
        lessons.learned(shares)


class _Lessons:
    """The answers each worker process learned (:attr:`~kzspeechlaw.registers.rows.Share.taught`),
    to be sent to each other one with its next routed chunk: a key's rows may go to any process
    once they go in runs (:class:`~kzspeechlaw.registers.keyed.Router`), and a key one process
    learned is then not learned again by another. A key's answer is the same in every process."""

    def __init__(self, workers: int) -> None:
        self.due: list[list[tuple[Any, ...]]] = [[] for _ in range(workers)]

    def learned(self, shares: list[rows.Share]) -> None:
        for share in shares:
            for n, due in enumerate(self.due):
                if n != share.part:
                    due += share.taught

    def given(self, worker: int) -> tuple[tuple[Any, ...], ...]:
        found, self.due[worker] = tuple(self.due[worker]), []
        return found


_REGISTERS = itertools.count()


_SAMPLE = {"act_date": "2019-03-15", "conduct": "slander", "channel": "mass_media"}


def _warm(assessing: bool = True) -> None:
    """Load before work starts (in the parent, so that the workers forked from it have it): the
    data, the time index and deadlines the keys are read by, and, where the workers will assess
    rows (``assessing``), what assessing a row imports and builds (one row assessed: pint and its
    registry among them)."""
    law()
    general_part.rules()
    keys.act_index()
    keys.decision_index()
    keys.terms()
    data_dates()
    if assessing:
        rows.one_row(0, _SAMPLE, dt.date(2019, 12, 1), "brief")


HEAP_BLOCK_BYTES = 32 << 20
"""The largest block a batch process takes from its heap, not mapped on its own (glibc's most)."""

HEAP_KEPT_BYTES = 256 << 20
"""The free memory a batch process keeps at the top of its heap before giving it back."""


def keep_freed_memory() -> None:
    """Let this process reuse the memory it frees (glibc, Linux): by default each block of more
    than 128 KB (a chunk's arrays, its records) is mapped on its own and unmapped when freed, and
    the system clears every page of it again when the next chunk maps it; blocks of up to
    :data:`HEAP_BLOCK_BYTES` are then taken from the heap, which keeps up to
    :data:`HEAP_KEPT_BYTES` free. A million-row run on two workers made 140,000 page faults and
    spent 0.39 s in the system, against 57,000 and 0.20 s so (its peak memory within a few MB).
    For the processes a batch runs alone: the workers and the command line run as a program, not
    a program that calls :func:`run` or :func:`kzspeechlaw.cli.commands.main` (its allocator is
    its own). Nothing elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):  # not glibc's C library
        return
    mallopt(-3, HEAP_BLOCK_BYTES)  # M_MMAP_THRESHOLD
    mallopt(-1, HEAP_KEPT_BYTES)  # M_TRIM_THRESHOLD


def _serve(tasks: Any, results: Any, part: int, parts: int, parent_pid: int, assessing: bool = True) -> None:
    """A worker process: the data loaded, then set aside from garbage collection (it lives as long
    as the process, and every full collection would otherwise walk it again), and collected less
    often (a key's first row makes thousands of objects, few of them garbage in cycles: the
    collector's passes were a twentieth of a first run's time in one process); then its part of
    each chunk it is sent (pickled), until it is sent ``None`` or its parent is gone (``assessing``:
    whether to load what assessing a row needs first, as :func:`_warm`). An interrupt
    (Ctrl-C) is the parent's to handle: it ends the workers. A fault is sent back, with its
    traceback, to be raised in the parent."""
    import multiprocessing
    import pickle
    import queue
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    keep_freed_memory()
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it started this process
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _warm(assessing)
    gc.freeze()
    gc.set_threshold(20_000)
    parent = multiprocessing.parent_process()
    while True:
        try:
            payload = tasks.get(timeout=1)
        except queue.Empty:
            if os.getppid() != parent_pid or (parent is not None and not parent.is_alive()):
                return  # the parent was killed: nobody reads what this would write
            continue
        if payload is None:
            keyed_path.keep()  # the answers learned, where the register's keys are kept
            return
        try:
            done: Any = _run_chunk(pickle.loads(payload), part, parts)
        except BaseException as error:  # a fault of the program: the parent raises it
            done = _Fault(_portable(error), traceback.format_exc())
        try:
            _send(results, done)
        except OSError:  # the parent stopped reading
            return


_APART = os.name == "posix"
"""Whether a worker's records are sent apart from the rest of its share, as raw bytes on its pipe
(:func:`_send`, :func:`_received`): where the pipe is a file descriptor."""

_LENGTH = struct.Struct("!Q")


def _send(connection: Any, done: Any) -> None:
    """A worker's share of a chunk (or its fault) sent to the parent. The records are sent apart
    (:data:`_APART`), after the rest pickled: neither side copies them into a pickle, and the
    parent reads them straight into their buffer (:func:`_received`; whole assessments are about
    9 KB a row, and copying them was a third of a run's time)."""
    import pickle

    if not (_APART and isinstance(done, rows.Share)):
        connection.send_bytes(pickle.dumps(done, pickle.HIGHEST_PROTOCOL))
        return
    connection.send_bytes(pickle.dumps(done._replace(output=b""), pickle.HIGHEST_PROTOCOL))
    _written(connection.fileno(), _LENGTH.pack(len(done.output)))
    _written(connection.fileno(), done.output)


def _written(fd: int, data: bytes | bytearray) -> None:
    """All of ``data`` written to ``fd`` (a write to a pipe may take part of it)."""
    view, done = memoryview(data), 0
    while done < len(view):
        done += os.write(fd, view[done:])


def _received(connection: Any, found: Any) -> Any:
    """What a worker sent (:func:`_send`): its share with its records read from the pipe, or its
    fault. Raises ``EOFError`` where the pipe ends first (the worker died)."""
    if not (_APART and isinstance(found, rows.Share)):
        return found
    size = _LENGTH.unpack(_read(connection.fileno(), _LENGTH.size))[0]
    return found._replace(output=_read(connection.fileno(), size))


def _read(fd: int, size: int) -> bytearray:
    """``size`` bytes read from ``fd`` into one buffer."""
    buffer = bytearray(size)
    view, done = memoryview(buffer), 0
    while done < size:
        got = os.readv(fd, [view[done:]])
        if not got:
            raise EOFError
        done += got
    return buffer


PIPE_BYTES = 1 << 20
"""The size asked for a worker's pipe to the parent where the system allows it (Linux; 64 KB by
default): a chunk's records cross it in fewer turns of the two processes."""

WIDENED_BYTES = 16 << 20
"""The most the workers' pipes are widened to in all: past a user's soft limit (Linux: 64 MB by
default) the system gives that user's new pipes a page or two."""


def _widened(connection: Any) -> None:
    with contextlib.suppress(AttributeError, OSError, ValueError):  # another system, or a lower limit
        import fcntl

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _portable(error: BaseException) -> BaseException:
    """The exception, or one that says it, where it cannot be sent to another process."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


class WorkerLost(RuntimeError):
    """A worker process of :func:`run` ended before it gave its part of a chunk (killed: by the
    system where memory ran out, or by a person): the run stops, as no row may be lost."""

    def __init__(self, worker: int, exit_code: int | None) -> None:
        self.worker = worker
        self.exit_code = exit_code
        how = (f"was killed by signal {-exit_code}" if exit_code is not None and exit_code < 0
               else f"ended with exit code {exit_code}")
        super().__init__(f"batch worker {worker} {how}")


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Interrupts (Ctrl-C) held back from this thread while the block runs, where the platform
    allows it: a process started in it begins with them held too."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _Fault(NamedTuple):
    """A worker's exception and its traceback, sent back to be raised in the parent."""

    error: BaseException
    traceback: str


_LOST = object()
"""What is received from a worker whose pipe ended."""


class _WorkerTraceback(Exception):
    """The traceback of an exception raised in a worker process (the cause of the one raised)."""


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def max_workers() -> int:
    """The most processes :func:`run` starts: four per usable CPU (more only add memory), and at
    most 255 (a row's process is noted in a byte)."""
    return min(4 * usable_cpus(), 255)


def _chunks(runs: Iterable[Sequence[Any]], size: int, first: int | None = None) -> Iterator[tuple[int, Sequence[Any]]]:
    """Consecutive chunks of ``size`` rows (from ``first`` rows, doubling up to ``size``), each with
    the position of its first row (1-based), from the rows in runs (sequences of consecutive rows).
    Lines held as text (:class:`~kzspeechlaw.registers.lines.TextLines`) stay text: a chunk of
    such runs alone is one (cut and joined as text), any other a list of its rows. A run is cut
    into all the chunks it ends at once, each of its rows copied once (one chunk cut at a time,
    with the rest copied each time, cost the square of a block's rows for chunks of a few rows)."""
    start = 1
    take = min(first or size, size)
    pending: list[Sequence[Any]] = []  # runs not yet given, fewer than ``take`` rows in all
    count = 0
    for run in runs:
        n = len(run)
        if not n:
            continue
        if count + n < take:
            pending.append(run)
            count += n
            continue
        cuts = [take - count]  # where the run is cut: the chunks it ends, and the rest
        take = min(2 * take, size)
        while n - cuts[-1] >= take:
            cuts.append(cuts[-1] + take)
            take = min(2 * take, size)
        pieces = run.pieces(cuts) if isinstance(run, TextLines) else [
            run[at:end] for at, end in zip([0, *cuts], [*cuts, n], strict=True)]
        for piece in pieces[:-1]:
            pending.append(piece)
            chunk = _joined(pending)
            yield start, chunk
            start += len(chunk)
            pending = []
        rest = pieces[-1]
        pending, count = ([rest], len(rest)) if len(rest) else ([], 0)
    if count:
        yield start, _joined(pending)


def _joined(runs: list[Sequence[Any]]) -> Sequence[Any]:
    """The rows of consecutive runs as one chunk: text where they are all lines held as text, else
    a list."""
    texts = [run for run in runs if isinstance(run, TextLines)]
    if len(texts) == len(runs):
        return texts[0] if len(texts) == 1 else TextLines("".join(run.text for run in texts), sum(map(len, texts)))
    return [row for run in runs for row in run]


def run(
    register: Register,
    decided_on: dt.date | str | None = None,
    *,
    output: str = "brief",
    workers: int = 1,
    chunk_size: int | None = None,
    keyed: bool = True,
    cache: bool = False,
    check_ids: bool = True,
) -> Iterator[ChunkResult]:
    """Assess a register chunk by chunk, in order; ``output`` is one of :data:`OUTPUTS`. With
    ``workers > 1`` and more than one chunk of rows, each chunk is assessed in that many processes,
    each its part of the rows, at most :data:`IN_FLIGHT` chunks in flight at a time
    (:data:`FULL_IN_FLIGHT` of whole assessments), so memory stays bounded whatever the register's
    length. Warnings raised in the rows are re-issued once each
    (:class:`~kzspeechlaw.StaleDataWarning` for a decision after the data's current-to date); after
    the last chunk, one :class:`~kzspeechlaw.RegisterWarning` names the rows that repeat an earlier
    row's id (:class:`~kzspeechlaw.registers.ids.RepeatedIds`, in bounded memory), whose records are
    still one per row, in order; not with ``check_ids=False``, for a caller that gave it before the
    records (:func:`repeated_ids`: the web API's header).

    Rows are decided from their keys (:mod:`kzspeechlaw.registers.keyed`), or with ``keyed=False``
    one by one (:mod:`kzspeechlaw.registers.rows`, the reference): the bytes are the same. With
    ``cache=True`` the keys' answers are kept in the cache directory between runs, as the command
    line keeps them (:mod:`kzspeechlaw.registers.learned`: not in a program that changes the
    library's code or data in its memory).
    """
    if output not in OUTPUTS:
        raise InvalidIncident("output", output, f"one of {', '.join(OUTPUTS)}")
    first_size = None
    if chunk_size is None:
        chunk_size = FULL_CHUNK_SIZE if output == "full" else CHUNK_SIZE
        first_size = chunk_size // 4  # a register of a few chunks' rows is still shared between the workers
    _check_count("chunk_size", chunk_size, "rows")
    _check_count("workers", workers, "processes")
    if workers > max_workers():
        raise InvalidIncident("workers", workers,
                              f"at most {max_workers()} processes (four per usable CPU, 255 in all)")
    default = rows.default_decision(decided_on)
    return _run(register, default, output, workers, chunk_size, keyed, cache, first_size,  # arguments checked first
                check_ids)


def _check_count(name: str, value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidIncident(name, value, f"a whole number of {what}, at least 1")


def _tasks(register: Register, default: dt.date | None, output: str, chunk_size: int,
           keyed: bool, first_size: int | None = None, cache: bool = False,
           ids: RepeatedIds | None = None) -> Iterator[_Task]:
    """The register's chunks of rows, read as they are asked for, their ids noted in ``ids``."""
    token = (os.getpid(), next(_REGISTERS))  # the keys of one register are not another's
    source: Iterable[Sequence[Any]] = ([row] for row in register.rows)
    delimiter = None
    if isinstance(register.rows, CsvRows):  # lines without quotes split where they are assessed
        source, delimiter = register.rows.runs, register.rows.delimiter
    for start, chunk in _chunks(source, chunk_size, first_size):
        if ids is not None:
            ids.note(start, chunk)
        yield _Task(rows.Task(start, register.format, register.header, chunk, default, output, delimiter), token,
                    keyed, cache=cache)


def repeated_ids(register: Register) -> Message | None:
    """The warning :func:`run` gives after its last record for the rows of ``register`` that repeat
    an earlier row's id (:class:`~kzspeechlaw.registers.ids.RepeatedIds`), or ``None``: its rows read
    and not assessed (they are used up), for a caller that says it before the records (the web
    API's header)."""
    ids = RepeatedIds.of(register)
    for _ in _tasks(register, None, "none", CHUNK_SIZE, False, CHUNK_SIZE // 4, ids=ids):
        pass
    return ids.warning()


def _run(register: Register, default: dt.date | None, output: str, workers: int,
         chunk_size: int, keyed: bool = True, cache: bool = False,
         first_size: int | None = None, check_ids: bool = True) -> Iterator[ChunkResult]:
    cache = cache and keyed  # the answers kept are the keyed path's
    ids = RepeatedIds.of(register) if check_ids else None
    tasks = _tasks(register, default, output, chunk_size, keyed, first_size, cache, ids)
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
    if cache:
        keyed_path.prepare(first.rows, first.token)
    second = next(tasks, None)
    if workers <= 1 or second is None:
        for task in itertools.chain([first], [second] if second else [], tasks):
            yield reissue(_run_chunk(task).result())
    else:
        known = cache and keyed_path.preloaded(first.token)  # every worker forked with the kept answers
        yield from map(reissue, _in_parts(itertools.chain([first, second], tasks), workers, known))
    if cache:
        keyed_path.keep()  # what this process learned (the workers keep theirs as they end)
    said = ids.warning() if ids is not None else None
    if said is not None:  # after the last record: every row was read
        warnings.warn(said, RegisterWarning, stacklevel=2)


def _in_parts(tasks: Iterator[_Task], workers: int, known: bool = False) -> Iterator[ChunkResult]:
    """Each chunk assessed in ``workers`` processes, each its part of the rows (a key's rows are
    one process's: :func:`_shares`), at most :data:`IN_FLIGHT` chunks in flight
    (:data:`FULL_IN_FLIGHT` of whole assessments), so memory stays bounded whatever the register's
    length. A chunk is pickled here, each process's share once (a chunk
    whose rows cannot be pickled is assessed here, whole); a worker that dies, even half-way
    through sending its part, stops the run with an error. Where reading the register fails, the
    chunks already read are given first. Each worker's shares are read as they come, by a thread
    here, so that a worker is not left blocked on a full pipe while another is awaited (the CPUs
    of a million-row run on two were idle for 4.6-4.9 s of their time that way, 3.3 s this way).
    Once every chunk is sent the workers are told to stop
    (each keeps what it learned after its last chunk, while the last are put together here); when
    the run is abandoned (an error, Ctrl-C) they are ended."""
    import multiprocessing  # here: only a long register in several processes needs it
    import pickle
    import queue
    import threading

    # Forked workers inherit the loaded data. Where they were forked with the answers kept by
    # earlier runs, most rows are written from them: a worker that meets a new key builds what
    # assessing needs itself (pint's registry is a twentieth of such a run's time in this process).
    _warm(assessing=not known)
    context = multiprocessing.get_context()
    inboxes: list[Any] = []
    readers: list[Any] = []
    processes: list[Any] = []
    received: list[queue.SimpleQueue[Any]] = []
    receivers: list[threading.Thread] = []

    def receive(n: int) -> None:
        """Worker ``n``'s shares read as they come (a thread: a worker whose share is larger than
        its pipe is not held up while another's is awaited), until its pipe ends."""
        while True:
            try:
                found = _received(readers[n], pickle.loads(readers[n].recv_bytes()))
            except (EOFError, OSError):  # the worker is gone (OSError: in the middle of a message)
                received[n].put(_LOST)
                return
            except BaseException as error:  # not what a worker sends: raised where it is awaited
                received[n].put(_Fault(error, ""))
                return
            received[n].put(found)

    def share(n: int) -> rows.Share:
        found = received[n].get()
        if found is _LOST:
            received[n].put(_LOST)  # the pipe stays ended
            processes[n].join(timeout=1)
            raise WorkerLost(n, processes[n].exitcode)
        if isinstance(found, _Fault):
            raise found.error from (_WorkerTraceback(found.traceback) if found.traceback else None)
        return found  # type: ignore[no-any-return]

    def result(task: _Task, payloads: list[bytes] | None) -> ChunkResult:
        if payloads is None:
            return _run_chunk(task).result()
        shares = [share(n) for n in range(workers)]
        _learned(task, shares, router, lessons)
        return _merged(task, shares)

    router = keyed_path.Router(workers, known)
    lessons = _Lessons(workers)

    def sent(task: _Task) -> list[bytes] | None:
        """What each worker is sent of a chunk (:func:`_shares`), pickled; ``None`` where the rows
        cannot be pickled."""
        try:
            shares = _shares(task, router, workers, lessons)
            if shares[0].where is None:  # the whole chunk to each: pickled once
                return [pickle.dumps(task, pickle.HIGHEST_PROTOCOL)] * workers
            return [pickle.dumps(t, pickle.HIGHEST_PROTOCOL) for t in shares]
        except Exception:  # a row that cannot be sent to another process
            return None

    finished = told = False
    try:
        for n in range(workers):
            inbox = context.Queue()
            inbox.cancel_join_thread()  # the parent's exit does not wait for a worker that is gone
            reader, writer = context.Pipe(duplex=False)
            if workers * PIPE_BYTES <= WIDENED_BYTES:
                _widened(reader)
            process = context.Process(target=_serve, args=(inbox, writer, n, workers, os.getpid(), not known),
                                      daemon=True)
            inboxes.append(inbox)
            readers.append(reader)
            processes.append(process)
            with _interrupts_held():  # until the worker ignores them itself
                process.start()
            # The worker's alone (closed before the next worker is forked, which would hold it
            # too): a worker that dies then ends its pipe, and the parent is not left waiting.
            writer.close()
        for n in range(workers):  # once every worker is forked (a fork copies no thread)
            received.append(queue.SimpleQueue())
            receiver = threading.Thread(target=receive, args=(n,), name=f"batch worker {n}", daemon=True)
            receiver.start()
            receivers.append(receiver)  # once started: the threads joined at the end are these
        pending: collections.deque[tuple[_Task, list[bytes] | None]] = collections.deque()
        while True:
            try:
                task = next(tasks)
            except StopIteration:
                break
            except Exception:  # reading the register failed: the chunks read before it first
                while pending:
                    yield result(*pending.popleft())
                raise
            payloads = sent(task)
            if payloads is not None:
                for inbox, payload in zip(inboxes, payloads, strict=True):
                    inbox.put(payload)
            pending.append((task, payloads))
            if len(pending) >= (FULL_IN_FLIGHT if task.rows.output == "full" else IN_FLIGHT):
                yield result(*pending.popleft())
        for inbox in inboxes:  # every chunk sent: each worker keeps what it learned once its last is done,
            inbox.put(None)  # while the last are put together here
        told = True
        while pending:
            yield result(*pending.popleft())
        finished = True
    finally:
        if not told:
            for inbox in inboxes:
                inbox.put(None)
        for process in processes:
            if not finished:
                process.terminate()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        for receiver in receivers:  # each at the end of its pipe now: its reader is closed after it
            receiver.join()
        for reader in readers:
            reader.close()
        for inbox in inboxes:
            inbox.close()
