"""Writing an output file without losing anything: the old file stays whole until the new one is.

A regular file is written as a temporary file in the same folder and renamed onto its name only
when the writing succeeded, so an existing file is never left truncated or partial, and an
interrupted or failed run leaves it as it was. A device or pipe (``/dev/null``, a FIFO) is written
directly. A folder, a missing folder, or the input itself is refused with
:class:`~kzspeechlaw.errors.OutputError` before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from kzspeechlaw.errors import OutputError
from kzspeechlaw.i18n import N_, Message


def check_target(path: str | Path, inputs: Sequence[os.stat_result] = ()) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written: not a folder, its folder exists,
    not read-only, and it is not one of the ``inputs`` (the same file by device and inode, whatever
    its name)."""
    name = str(path)
    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise OutputError(name, Message("a file in an existing folder ({folder} does not exist)",
                                            folder=str(target.parent))) from None
        return
    except OSError as error:
        raise OutputError(name, Message("a writable file ({reason})", reason=error.strerror or "")) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(name, N_("a file name, not a folder"))
    if any(os.path.samestat(info, other) for other in inputs):
        raise OutputError(name, N_("a file other than the input (it would be overwritten)"))
    if stat.S_ISREG(info.st_mode) and not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        # read-only: replacing it by renaming would pass over what its mode says (even for root)
        raise OutputError(name, N_("a writable file (it is read-only)"))


@contextlib.contextmanager
def replacing(path: str | Path, inputs: Sequence[os.stat_result] = ()) -> Iterator[IO[bytes]]:
    """A binary stream whose bytes become the file ``path`` when the block ends without an error.

    Checked first with :func:`check_target`. On an error or an interrupt inside the block, the
    temporary file is removed and ``path`` is left as it was. A new file gets the permissions the
    umask allows; a replaced one keeps its own.
    """
    check_target(path, inputs)
    target = Path(path)
    try:
        info: os.stat_result | None = target.stat()
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):  # a device or a pipe: write it directly
        try:
            with open(target, "wb") as direct:
                yield direct
        except OSError as error:
            raise OutputError(str(path), Message("a writable file ({reason})", reason=error.strerror or "")) from None
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise OutputError(str(path), Message("a writable folder ({reason})", reason=error.strerror or "")) from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        if info is not None:
            mode = stat.S_IMODE(info.st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(str(path), Message("a writable file ({reason})", reason=error.strerror or "")) from None
        raise
