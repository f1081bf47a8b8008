"""Keys' answers kept between runs: next month's register repeats most keys of this month's.

A key's answer (:mod:`kzspeechlaw.registers.keyed`: a brief record's template and its tally digest)
depends on the key and on the code and data that compute it, never on the register it is met in.
The command line keeps the answers its runs learn in the cache directory
(:func:`kzspeechlaw.law.compiled.cache_dir`; ``KZSPEECHLAW_CACHE=0`` turns this off), a file per
process and run, and reads them back before a run's first row: a key met before is not assessed
again.

Answers are named by :func:`digest`, made of every file of the package (code, data, catalogues),
this Python and the versions of the libraries a record's text comes through, and a process reads
or keeps them only where it knows that its code and data are those files: it must have called
:func:`begin` before it imported the code or read the data that make an answer (the command line
does, first thing; a program calls it before importing the registers, then passes
``batch.run(..., cache=True)``), and the files must still be what they were then when it reads the
answers and when it keeps its own. After any change to the package (an upgrade, an edited data
file) nothing kept before is read, and the old files are removed. A file that cannot be read, or
that is not what was written under its name, is passed over; a cache that cannot be read or
written never stops a run.

Kept are the answers to the keys of CSV lines the keyed path splits itself (the fact cells as one
text), for brief records and the tally; whole assessments are not kept (a register's are mostly
its own, and large). A run reads the newest files first, up to half the keys a table holds
(:data:`~kzspeechlaw.registers.keys.MAX_KEYS`); where there are more than :data:`MAX_FILES` of a
kind of register, it writes what it read as one file and removes the rest. Files untouched for
:data:`MAX_AGE_DAYS` days are removed, whatever their kind.

The files are :mod:`pickle` files, as the compiled law's are: whoever can write the cache directory
can run code as the user who reads it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kzspeechlaw.registers.keys import Table
    from kzspeechlaw.registers.rows import Task

FORMAT = b"kzspeechlaw-answers/1\n"
"""The first bytes of a file of kept answers, before its digest and kind."""

MAX_FILES = 16
"""The most files kept for one kind of register before a run writes them as one."""

MAX_AGE_DAYS = 60
"""Days after which a file of answers not written or read again is removed."""

_PACKAGE = Path(__file__).resolve().parent.parent

_MAKERS = ("kzspeechlaw.law", "kzspeechlaw.reasoning", "kzspeechlaw.registers.", "kzspeechlaw.units",
           "kzspeechlaw.dates", "kzspeechlaw.refs")
"""The modules whose code makes an answer, or reads the data that does (as name prefixes)."""

_BEGUN: list[str | None] = []
"""The digest of the package's files when :func:`begin` was called (``None``: too late, or the
files could not be read); empty before."""


def begin() -> None:
    """Note the package's files as they are before the code and data that make an answer are
    loaded: only then may this process read and keep answers (see the module doc)."""
    if _BEGUN:
        return
    loaded = any(name.startswith(_MAKERS) and name != __name__ for name in sys.modules)
    _BEGUN.append(None if loaded else _digest_or_none())


def digest() -> str:
    """The SHA-256 digest (hex) of what a key's answer is made by: every file of the package but
    compiled bytecode, this Python, and the versions of pint, attrs and python-dateutil."""
    import hashlib

    found = hashlib.sha256()
    found.update(f"{FORMAT!r}\0{sys.version}\0".encode())
    for library, module in (("pint", "pint"), ("attrs", "attrs"), ("python-dateutil", "dateutil")):
        found.update(f"{library} {_version(library, module)}\0".encode())
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            found.update(f"{os.path.relpath(path, _PACKAGE)}\0{len(data)}\0".encode())
            found.update(data)
    return found.hexdigest()


def _digest_or_none() -> str | None:
    try:
        return digest()
    except Exception:  # a file that vanished or cannot be read: nothing kept or read
        return None


def _version(library: str, module: str) -> str:
    """A library's installed version (read without importing it: pint takes long to import), or
    its module's ``__version__`` where it was installed without its metadata."""
    import importlib
    import importlib.metadata

    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return str(getattr(importlib.import_module(module), "__version__", "unknown"))


def _trusted() -> str | None:
    """The digest under which this process may read and keep answers now: the one noted by
    :func:`begin`, where the files still give it; else ``None``."""
    if not _BEGUN or _BEGUN[0] is None:
        return None
    return _BEGUN[0] if _digest_or_none() == _BEGUN[0] else None


def kind(task: Task) -> str | None:
    """The name of the keys of a register's chunk: its output, delimiter and fact columns in
    order (the keys hold the fact cells joined by the delimiter); ``None`` for a chunk whose
    answers are not kept."""
    if task.format != "csv" or task.delimiter is None or task.output not in ("brief", "none"):
        return None
    from kzspeechlaw.law.compiled import _sha256
    from kzspeechlaw.registers.keyed import fact_columns

    return _sha256("\0".join((task.output, task.delimiter, *fact_columns(task.header))).encode())[:16]


def _folder() -> Path | None:
    from kzspeechlaw.law.compiled import cache_dir

    where = cache_dir()
    return None if where is None else where / "answers"


def load(table: Table, kind: str) -> None:
    """Read the answers kept for ``kind`` into ``table`` (newest first, up to half its keys), and
    note that it keeps what it learns from now on (:func:`save`); remove the files of other
    digests, and old ones. Nothing where this process may not (see the module doc); any failure
    leaves the table as it is and keeps nothing."""
    found = _trusted()
    folder = _folder()
    if found is None or folder is None:
        return
    prefix = f"answers-{found[:32]}-{kind}-"
    try:
        entries, read, rest = _gather(folder, prefix, found)
        table.preload(entries)
    except Exception:  # a cache that cannot be read costs only time
        return
    table.kind, table.kept = kind, []
    if len(read) + len(rest) > MAX_FILES:
        _write(folder, prefix, entries)
        for path in (*read, *rest):
            with contextlib.suppress(OSError):
                path.unlink()


def _gather(folder: Path, prefix: str, found: str) -> tuple[list[Any], list[Path], list[Path]]:
    """The entries of the newest files of ``prefix`` up to the bound (each key once), the files
    read and the others of that prefix; files of other digests, and old ones, removed."""
    from kzspeechlaw.registers.keys import MAX_KEYS

    try:
        listed = list(os.scandir(folder))
    except OSError:
        return [], [], []
    mine: list[tuple[float, Path]] = []
    old = time.time() - MAX_AGE_DAYS * 86400
    for entry in listed:
        with contextlib.suppress(OSError):
            name, changed = entry.name, entry.stat().st_mtime
            if name.startswith(prefix) and name.endswith(".pickle") and changed >= old:
                mine.append((changed, Path(entry.path)))
            elif name.startswith(("answers-", ".answers-")) and (
                    changed < old or not name.lstrip(".").startswith(f"answers-{found[:32]}-")
                    or (name.startswith(".") and changed < time.time() - 86400)):
                os.unlink(entry.path)  # another version's, or old, or a write that never ended
    mine.sort(reverse=True)
    bound = MAX_KEYS // 2
    entries: dict[tuple[Any, Any], Any] = {}
    read: list[Path] = []
    rest: list[Path] = []
    for _changed, path in mine:
        if len(entries) >= bound:
            rest.append(path)
            continue
        got = _read(path, prefix)
        if got is None:
            continue
        read.append(path)
        for answer in got:
            entries.setdefault(answer[:2], answer)  # the fact cells and the dates' places: a key
            if len(entries) >= bound:
                break
    return list(entries.values()), read, rest


def _read(path: Path, prefix: str) -> list[tuple[Any, ...]] | None:
    import pickle

    head = FORMAT + prefix.encode() + b"\n"
    try:
        data = path.read_bytes()
        if not data.startswith(head):
            return None
        found = pickle.loads(memoryview(data)[len(head):])
    except Exception:  # unreadable, truncated, or made by other code: passed over
        return None
    if not isinstance(found, list) or not all(isinstance(e, tuple) and len(e) == 4 for e in found):
        return None
    return found


def save(table: Table | None) -> None:
    """Keep the answers ``table`` learned since it read the kept ones (:func:`load`), in a file
    of their own, where this process may still (the files unchanged); silently nothing where
    they cannot be written."""
    if table is None or not table.kept or table.kind is None:
        return
    kept, table.kept = table.kept, []
    try:
        found = _trusted()
        folder = _folder()
        if found is not None and folder is not None:
            _write(folder, f"answers-{found[:32]}-{table.kind}-", kept)
    except Exception:  # a cache that cannot be written costs only time
        return


def _write(folder: Path, prefix: str, entries: list[Any]) -> None:
    import pickle
    import secrets

    from kzspeechlaw.law.compiled import PROTOCOL, _replace

    try:
        payload = pickle.dumps(entries, protocol=PROTOCOL)
    except Exception:  # an answer that cannot be pickled costs only time
        return
    name = f"{prefix}{os.getpid()}-{secrets.token_hex(4)}.pickle"
    _replace(folder / name, FORMAT + prefix.encode() + b"\n" + payload)
