"""The ``batch`` and ``tally`` commands: the register's stream, the output file, the progress
counter and what an interruption leaves."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

from kzspeechlaw.cli.streams import closed, reader_gone, regular_file_stat, say, stdout_writer
from kzspeechlaw.errors import InvalidIncident, OutputError
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.i18n import gettext as _

if TYPE_CHECKING:
    import argparse
    import os


_DOCUMENTS = (".xls", ".xlsm", ".xlsb", ".xltx", ".ods", ".numbers", ".doc", ".docx", ".odt", ".rtf", ".pdf",
              ".pptx", ".zip")
"""Names of spreadsheets and documents (another register, a report) that records in JSON Lines never
replace: ``--output реестр.xls`` is refused as ``реестр.xlsx`` and ``реестр.csv`` are."""


class Interrupted(Exception):
    """A run stopped by the user (Ctrl-C): the message says how far it got."""


class _Progress:
    """A carriage-return counter of rows on stderr, once a run has lasted a second, on a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.active = not closed(stream) and stream.isatty()
        self.started = time.monotonic()
        self.shown = False

    def update(self, rows: int) -> None:
        if self.active and time.monotonic() - self.started > 1.0:
            self.stream.write("\rkzspeechlaw: " + _("{rows} rows...").format(rows=f"{rows:,}".replace(",", " ")))
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()


def _register_stream(path: str, stack: contextlib.ExitStack) -> tuple[IO[bytes], list[os.stat_result]]:
    """The register's bytes, and what it is on disk (so that no output is written onto it)."""
    if path == "-":
        raw = getattr(sys.stdin, "buffer", None)
        if closed(sys.stdin) or raw is None:
            raise InvalidIncident("file", "-", N_("an open standard input (it is closed)"))
        return raw, regular_file_stat(raw)
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
    except OSError as error:
        raise InvalidIncident("file", path, Message("a readable register file ({reason})",
                                                    reason=error.strerror or "")) from None
    return handle, regular_file_stat(handle)


def assess_register(args: argparse.Namespace) -> str | dict[str, Any] | None:
    """Assess a register: JSON Lines records (or, with --summary, the tally)."""
    from kzspeechlaw import outfile
    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers import reading as register_mod

    fmt = args.format or (None if args.file == "-" else register_mod.format_of(args.file))
    if fmt is None and args.file != "-":
        raise InvalidIncident("file", args.file, N_("a .csv, .jsonl or .xlsx register, or --format csv|jsonl|xlsx"))
    summary = args.command == "tally" or args.summary
    output = None if args.output == "-" else args.output  # "-": standard output, as for the register
    if args.output == "-" and summary:
        raise OutputError(args.output, N_("a file name: with --summary the tally is printed to stdout"))
    wanted = "none" if summary and output is None else "full" if args.full else "brief"
    tally = batch.Tally()
    if getattr(args, "own_process", False):  # a program that calls main() keeps its own allocator
        batch.keep_freed_memory()
    progress = _Progress(sys.stderr)
    with contextlib.ExitStack() as stack:
        source, inputs = _register_stream(args.file, stack)
        register = register_mod.read_register(source, fmt, args.encoding)
        write: Callable[[bytes], Any] | None = None  # records arrive as UTF-8 JSON Lines, written as they are
        if output is not None and wanted != "none":
            outfile.check_target(output, inputs)  # the input is named first, whatever its name
            if register_mod.format_of(output) not in (None, "jsonl") or output.lower().endswith(_DOCUMENTS):
                raise OutputError(output, N_("a JSON Lines file name (.jsonl): the records are JSON Lines"))
            write = stack.enter_context(outfile.replacing(output, inputs)).write
        elif wanted != "none":
            write = stdout_writer(inputs)
        try:
            for chunk in batch.run(register, args.decided_on, output=wanted,
                                   workers=args.workers or batch.usable_cpus(),
                                   chunk_size=args.chunk_size, cache=True):
                with _uninterrupted():  # a chunk is written and counted whole, or not at all
                    if write is not None:
                        write(chunk.output)
                    tally.merge(chunk.tally)
                progress.update(tally.rows)
            if output is None and sys.stdout is not None:
                sys.stdout.flush()
        except BrokenPipeError:
            reader_gone()
            return None
        except KeyboardInterrupt:
            progress.done()
            where = _("{path} left as it was").format(path=output) if (
                output is not None and wanted != "none") else _(
                "the records of the first {rows} rows written, each whole").format(rows=tally.rows) if (
                wanted != "none") else _("no tally")
            said = _("interrupted after {rows} rows ({where})").format(rows=tally.rows, where=where)
            raise Interrupted(said) from None
        except OSError as error:
            if output is None:
                reader_gone()
            raise OutputError(output or "standard output", Message("a writable file ({reason})",
                                                                   reason=error.strerror or "")) from None
    progress.done()
    say("kzspeechlaw: " + _("{rows} rows: {succeeded} assessed, {failed} failed").format(
        rows=tally.rows, succeeded=tally.succeeded, failed=tally.failed))
    if summary:
        return tally.to_dict() if args.json else tally.render()
    return None


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold an interrupt (Ctrl-C) until the block is done: it is noted while the block runs and
    raised after it. (Not by blocking the signal: the system then gives it to another thread, and
    Python raises it in the block all the same.)"""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread has handlers
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and previous is not signal.SIG_IGN:
        if callable(previous) and previous is not signal.default_int_handler:
            previous(signal.SIGINT, None)
        else:
            raise KeyboardInterrupt
