"""Keys' answers kept between runs: next month's register repeats most keys of this month's.

A key's answer (:mod:`kzspeechlaw.registers.keyed`: a brief record's template and its tally digest)
depends on the key and on the code and data that compute it, never on the register it is met in.
The command line keeps the answers its runs learn in the cache directory
(:func:`kzspeechlaw.law.compiled.cache_dir`; ``KZSPEECHLAW_CACHE=0`` turns this off), a file per
process and run, and reads them back before a run's first row: a key met before is not assessed
again. The API does so when asked (``batch.run(..., cache=True)``), in a program that does not
change the library's code or data in its own memory.

Answers are named by :func:`digest`, made of every file of the package (code, data, catalogues),
this Python and the installations of the libraries a record's text comes through. A process reads or
keeps them only where every file of the package last changed some seconds
(:data:`~kzspeechlaw.law.compiled.SETTLE_NS`) before it imported the package, so that the code and
data it loaded are the files', and where the files are still the same when it keeps its own: an
edited data file or an upgrade, even one undone, stops a running process from reading or keeping
answers, and later processes read none kept before it. Nothing is kept where the package holds a
link (its target's changes are not the package's), nor where a file's status-change time can be
set back by a program (Windows). A file that cannot be read, or whose
contents are not what was written under its name and checksum, is passed over; a cache that
cannot be read or written never stops a run.

Kept are the answers to the keys of CSV lines the keyed path splits itself (the fact cells as one
text), for brief records and the tally; whole assessments are not kept (a register's are mostly
its own, and large). A run reads the newest files first, up to half the keys a table holds
(:data:`~kzspeechlaw.registers.keys.MAX_KEYS`), and touches them; where there are more than
:data:`MAX_FILES` of a kind of register, it writes what it read as one file and removes the rest.
It removes the files of this installation's other digests, and any file not written or read for
:data:`MAX_AGE_DAYS` days.

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

FORMAT = b"kzspeechlaw-answers/3\n"
"""The first bytes of a file of kept answers, before its name and the checksum of its contents."""

MAX_FILES = 16
"""The most files kept for one kind of register before a run writes them as one."""

MAX_AGE_DAYS = 60
"""Days after which a file of answers not written or read again is removed."""

_PACKAGE = Path(__file__).resolve().parent.parent


def digest() -> tuple[str, int]:
    """The SHA-256 digest (hex) of what a key's answer is made by: every file of the package (but
    the bytecode caches), this Python, and the installed pint, attrs and python-dateutil (:func:`_installed`); and
    the latest time (ns) a file or folder of the package changed (its modification or status
    change). Raises where a file cannot be read, or is a link."""
    import hashlib

    found = hashlib.sha256()
    found.update(f"{FORMAT!r}\0{sys.version}\0".encode())
    for module in ("pint", "attr", "dateutil"):
        found.update(f"{module} {_installed(module)}\0".encode())
    newest = 0
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        newest = max(newest, _changed(folder))
        for name in sorted(names) + subfolders:
            path = os.path.join(folder, name)
            if os.path.islink(path):  # its target's changes are not the folder's: not vouched for
                raise ValueError(f"a link in the package: {path}")
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
                newest = max(newest, _changed(handle.fileno()))
            found.update(f"{os.path.relpath(path, _PACKAGE)}\0{len(data)}\0".encode())
            found.update(data)
    return found.hexdigest(), newest


def _changed(file: str | int) -> int:
    status = os.stat(file)
    return max(status.st_mtime_ns, status.st_ctime_ns)


def _installed(module: str) -> str:
    """Which installation of a library a module is: the path, size and change times of its file
    (an upgrade or reinstallation writes it anew, and its status change time cannot be set back),
    found without importing it (pint takes long to import) and without reading the packages'
    metadata (``importlib.metadata`` takes a tenth of a batch's start to import)."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "not installed"
    status = os.stat(origin)
    return f"{origin} {status.st_size} {status.st_mtime_ns} {status.st_ctime_ns}"


def trusted() -> str | None:
    """The digest under which this process may read and keep answers now: where every file of the
    package last changed some seconds before the process imported it; else ``None`` (also where a
    file cannot be read)."""
    import kzspeechlaw
    from kzspeechlaw.law.compiled import SETTLE_NS, STAMPS

    if not STAMPS:  # no status-change time that a program cannot set back (Windows): nothing kept
        return None
    try:
        found, newest = digest()
    except Exception:  # a file that vanished or cannot be read: nothing kept or read
        return None
    return found if newest <= kzspeechlaw._IMPORTED_NS - SETTLE_NS else None


def kind(task: Task) -> str | None:
    """The name of the keys of a register's chunk: its output, delimiter and fact columns in
    order (the keys hold the fact cells joined by the delimiter); ``None`` for a chunk whose
    answers are not kept."""
    if task.format != "csv" or task.delimiter is None or task.output not in ("brief", "none"):
        return None
    from kzspeechlaw.law.compiled import _sha256
    from kzspeechlaw.registers.keyed import fact_columns

    return _sha256("\0".join((task.output, task.delimiter, *fact_columns(task.header))).encode())[:16]


def _place(found: str, kind: str) -> tuple[Path, str, str] | None:
    """The folder of kept answers, the prefix of this installation's files (the package's folder
    and this Python), and of their files of ``kind`` under digest ``found``."""
    from kzspeechlaw.law.compiled import _sha256, cache_dir

    where = cache_dir()
    if where is None:
        return None
    mine = f"answers-{_sha256(os.fsencode(_PACKAGE) + sys.version.encode())[:12]}-"  # this installation, this Python
    return where / "answers", mine, f"{mine}{found[:32]}-{kind}-"


def load(table: Table, kind: str) -> None:
    """Read the answers kept for ``kind`` into ``table`` (newest first, up to half its keys), with
    the digest it keeps what it learns under from now on (:func:`save`); remove old files and this
    installation's of other digests. Nothing where this process may not (see the module doc); any
    failure leaves the table as it is and keeps nothing."""
    found = trusted()
    if found is None:
        return
    try:
        place = _place(found, kind)
        if place is None:
            return
        folder, mine, prefix = place
        entries, read, rest = _gather(folder, mine, prefix)
        table.preload(entries)
    except Exception:  # a cache that cannot be read costs only time
        return
    table.kind, table.kept, table.digest = kind, [], found
    if len(read) + len(rest) > MAX_FILES:
        _write(folder, prefix, entries)
        for path in (*read, *rest):
            with contextlib.suppress(OSError):
                path.unlink()


def _gather(folder: Path, mine: str, prefix: str) -> tuple[list[Any], list[Path], list[Path]]:
    """The entries of the newest files of ``prefix`` up to the bound (each key once), the files
    read and the others of that prefix; this installation's files of other digests, old files and
    writes that never ended removed."""
    from kzspeechlaw.registers.keys import MAX_KEYS

    try:
        listed = list(os.scandir(folder))
    except OSError:
        return [], [], []
    now = time.time()
    same = prefix[:len(mine) + 33]  # this installation's files of this digest
    ours: list[tuple[float, Path]] = []
    for entry in listed:
        with contextlib.suppress(OSError):
            name, changed = entry.name, entry.stat().st_mtime
            old = changed < now - MAX_AGE_DAYS * 86400
            if name.startswith(prefix) and name.endswith(".pickle") and not old:
                ours.append((changed, Path(entry.path)))
                continue
            other_digest = name.startswith(mine) and not name.startswith(same)
            unfinished = name.startswith(".answers-") and changed < now - 86400  # a write that never ended
            if (name.startswith("answers-") and (old or other_digest)) or unfinished:
                os.unlink(entry.path)
    ours.sort(reverse=True)
    bound = MAX_KEYS // 2
    entries: dict[tuple[Any, Any], Any] = {}
    read: list[Path] = []
    rest: list[Path] = []
    for _changed_at, path in ours:
        if len(entries) >= bound:
            rest.append(path)
            continue
        got = _read(path, prefix)
        if got is None:
            continue
        read.append(path)
        with contextlib.suppress(OSError):
            os.utime(path)  # read: kept another MAX_AGE_DAYS
        for answer in got:
            entries.setdefault(answer[:2], answer)  # the fact cells and the dates' places: a key
            if len(entries) >= bound:
                break
    return list(entries.values()), read, rest


def _read(path: Path, prefix: str) -> list[tuple[Any, ...]] | None:
    """The entries of a file of kept answers, where it is one whole, as written under ``prefix``;
    else ``None``."""
    import pickle

    from kzspeechlaw.law.compiled import _sha256

    head = FORMAT + prefix.encode() + b"\n"
    try:
        data = path.read_bytes()
        if not data.startswith(head):
            return None
        checksum, _line, payload = data[len(head):].partition(b"\n")
        if checksum.decode() != _sha256(payload):
            return None
        found = pickle.loads(payload)
    except Exception:  # unreadable, truncated, or made by other code: passed over
        return None
    return found if isinstance(found, list) and all(map(_entry, found)) else None


def _entry(entry: Any) -> bool:
    """Whether ``entry`` is a kept answer: the fact cells, the dates' places, and a template with
    its tally digest, or :data:`~kzspeechlaw.registers.keys.EXACT` alone."""
    from kzspeechlaw.registers.keys import EXACT
    from kzspeechlaw.registers.tally import Digest

    if not (isinstance(entry, tuple) and len(entry) == 4):
        return False
    facts, when, template, made = entry
    dated = type(when) is tuple and len(when) == 4 and all(type(n) is int for n in when)
    answered = (template is None or type(template) is str) and type(made) is Digest
    return type(facts) is str and dated and ((template == EXACT and made is None) or answered)


def save(table: Table | None) -> None:
    """Keep the answers ``table`` learned since it read the kept ones (:func:`load`), in a file
    of their own, where this process may still (the files unchanged); silently nothing where
    they cannot be written."""
    if table is None or not table.kept or table.kind is None:
        return
    kept, table.kept = table.kept, []
    try:
        found = trusted()
        place = _place(found, table.kind) if found is not None and found == table.digest else None
        if place is not None:
            _write(place[0], place[2], kept)
    except Exception:  # a cache that cannot be written costs only time
        return


def _write(folder: Path, prefix: str, entries: list[Any]) -> None:
    import pickle
    import secrets

    from kzspeechlaw.law.compiled import PROTOCOL, _replace, _sha256

    try:
        payload = pickle.dumps(entries, protocol=PROTOCOL)
    except Exception:  # an answer that cannot be pickled costs only time
        return
    name = f"{prefix}{os.getpid()}-{secrets.token_hex(4)}.pickle"
    _replace(folder / name, FORMAT + prefix.encode() + b"\n" + _sha256(payload).encode() + b"\n" + payload)
