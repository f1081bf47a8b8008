"""The standard streams of the command line: closed or not, a line on stderr, a command's output,
records to stdout, and a reader of stdout that has gone."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from collections.abc import Callable
from typing import IO, Any

from kzspeechlaw.errors import OutputError
from kzspeechlaw.i18n import N_, Message


def closed(stream: IO[Any] | None) -> bool:
    """True for a standard stream that is closed: ``None`` (closed when the program started) or
    closed since."""
    return stream is None or bool(getattr(stream, "closed", False))


def regular_file_stat(stream: IO[Any]) -> list[os.stat_result]:
    """``[os.fstat(stream)]`` where the stream is a regular file, else ``[]``."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return []
    return [info] if stat.S_ISREG(info.st_mode) else []


def say(line: str) -> None:
    """One line on stderr, where there is one."""
    if not closed(sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr)


def emit(text: str) -> None:
    """Print a command's output; a reader that has gone is no error, a full or closed stdout is."""
    if closed(sys.stdout):
        raise OutputError("standard output", N_("an open stream (it is closed)"))
    try:
        # A lone surrogate (from input quoted back) is written as its escape, not refused.
        print(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        reader_gone()
    except OSError as error:
        reader_gone()
        raise OutputError("standard output", Message("a writable stream ({reason})",
                                                     reason=error.strerror or "")) from None


def stdout_writer(inputs: list[os.stat_result]) -> Callable[[bytes], Any]:
    """What writes records to standard output, refused where it is closed or is the register."""
    if closed(sys.stdout):
        raise OutputError("standard output", N_("an open stream (it is closed)"))
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # a text-only stdout (e.g. captured): decode into it
        return lambda data: sys.stdout.write(data.decode("utf-8"))
    if any(os.path.samestat(info, other) for info in regular_file_stat(raw) for other in inputs):
        raise OutputError("standard output", N_("a file other than the register (it would be overwritten)"))
    sys.stdout.flush()
    return raw.write  # type: ignore[no-any-return]


def reader_gone() -> None:
    """Stop writing quietly, as Unix tools do, when the reader of stdout has gone (e.g. ``head``)
    or it cannot take more: what is left in its buffer goes to the null device at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
        return
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no descriptor to redirect (e.g. captured)
