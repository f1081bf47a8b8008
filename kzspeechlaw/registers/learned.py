"""Keys' answers kept between runs: next month's register repeats most keys of this month's.

A key's answer (:mod:`kzspeechlaw.registers.keyed`: a brief record's template and its tally digest)
depends on the key and on the code and data that compute it, never on the register it is met in.
The command line keeps the answers its runs learn in the cache directory
(:func:`kzspeechlaw.law.compiled.cache_dir`; ``KZSPEECHLAW_CACHE=0`` turns this off), a file per
process and run, and reads them back before a run's first row: a key met before is not assessed
again. The API does so only when asked (``batch.run(..., cache=True)``): a program that changes the
library's code or data in its own process would otherwise keep answers the files do not give.

A file is named and headed by :func:`digest`, made of every file of the package (code, data,
catalogues), this Python and the versions of the libraries a record's text comes through: after
any change a file is not read, and is removed. A file that cannot be read, or that is not what was
written under its name, is passed over. Kept are the answers to the keys of CSV lines the keyed
path splits itself (the fact cells as one text), for brief records and the tally; whole
assessments are not kept (a register's are mostly its own, and large). At most
:data:`MAX_FILES` files are kept for a kind of register: past that, a run that reads them writes
them as one.

The files are :mod:`pickle` files, as the compiled law's are: whoever can write the cache directory
can run code as the user who reads it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path
from typing import Any

from kzspeechlaw.law import compiled
from kzspeechlaw.registers import rows
from kzspeechlaw.registers.keys import MAX_KEYS, Table

FORMAT = b"kzspeechlaw-answers/1\n"
"""The first bytes of a file of kept answers, before its digest and kind."""

MAX_FILES = 16
"""The most files kept for one kind of register before a run writes them as one."""

_PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
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


def _version(library: str, module: str) -> str:
    """A library's installed version (read without importing it: pint takes long to import), or
    its module's ``__version__`` where it was installed without its metadata."""
    import importlib
    import importlib.metadata

    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return str(getattr(importlib.import_module(module), "__version__", "unknown"))


def kind(task: rows.Task) -> str | None:
    """The name of the keys of a register's chunk: its output, delimiter and fact columns in
    order (the keys hold the fact cells joined by the delimiter); ``None`` for a chunk whose
    answers are not kept."""
    if task.format != "csv" or task.delimiter is None or task.output not in ("brief", "none"):
        return None
    from kzspeechlaw.registers.keyed import fact_columns

    return compiled._sha256("\0".join((task.output, task.delimiter, *fact_columns(task.header))).encode())[:16]


def _place(kind: str) -> tuple[Path, str] | None:
    where = compiled.cache_dir()
    return None if where is None else (where / "answers", f"answers-{digest()[:32]}-{kind}-")


def load(table: Table, kind: str) -> None:
    """Read the answers kept for ``kind`` into ``table`` and note that it keeps what it learns
    from now on (:func:`save`); remove the files of other digests."""
    place = _place(kind)
    if place is None:
        return
    folder, prefix = place
    table.kind = kind
    table.kept = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    read: list[Path] = []
    entries: list[Any] = []
    for name in names:
        path = folder / name
        if not name.startswith(prefix):
            if name.startswith("answers-") and not name.startswith(prefix[:len("answers-") + 32]):
                with contextlib.suppress(OSError):
                    path.unlink()  # another version's answers
            continue
        found = _read(path, prefix)
        if found is not None:
            read.append(path)
            entries += found
    table.preload(entries[:MAX_KEYS // 2])
    if len(read) > MAX_FILES:
        _write(folder, prefix, entries[:MAX_KEYS // 2])
        for path in read:
            with contextlib.suppress(OSError):
                path.unlink()


def _read(path: Path, prefix: str) -> list[Any] | None:
    import pickle

    head = FORMAT + prefix.encode() + b"\n"
    try:
        data = path.read_bytes()
        if not data.startswith(head):
            return None
        found = pickle.loads(memoryview(data)[len(head):])
    except Exception:  # unreadable, truncated, or made by other code: passed over
        return None
    return found if isinstance(found, list) else None


def save(table: Table | None) -> None:
    """Keep the answers ``table`` learned since it read the kept ones (:func:`load`), in a file
    of their own; silently nothing where it cannot be written."""
    if table is None or not table.kept or table.kind is None:
        return
    place = _place(table.kind)
    if place is not None:
        _write(*place, table.kept)
    table.kept = []


def _write(folder: Path, prefix: str, entries: list[Any]) -> None:
    import pickle
    import secrets

    try:
        payload = pickle.dumps(entries, protocol=compiled.PROTOCOL)
    except Exception:  # an answer that cannot be pickled costs only time
        return
    name = f"{prefix}{os.getpid()}-{secrets.token_hex(4)}.pickle"
    compiled._replace(folder / name, FORMAT + prefix.encode() + b"\n" + payload)
