"""The law's compiled form: the parsed and validated data kept in a cache file, so that a start
reads one file instead of parsing the TOML data and checking it again.

The file is keyed by a SHA-256 digest of everything the compiled law is made from: the bytes of
every data file, the source of the modules that read, check and hold it (``kzspeechlaw/law/*.py``
and the foundation modules under them), the package version (the source of
``kzspeechlaw/__init__.py``, its one place) and the Python version. Any change to
one of them gives another key, and the law is read from the data again and written under it: a
compiled law is never older than its data. A file that cannot be read, or whose contents are not
what was written under its key, is never trusted: the data is read instead and the file rewritten.
Files are written whole or not at all (a temporary file, then an atomic rename). A cache directory
that is missing and cannot be made, or that cannot be written, only costs the time of reading the
data (no error, no warning).

Hashing every data and code file on every start would cost more than reading the compiled law, so
the digest is kept beside it in a stamp (``<tag>-<python>.stamp``, one per data directory and
Python) with each file's size, modification and status-change times (nanoseconds), inode and
device: where every file's status is still what the stamp recorded, the digest is the stamp's;
where any differs, or a file was added or removed, the files are hashed again. A stamp is written
only for files last changed some seconds (:data:`SETTLE_NS`) before they were looked at, so that a
file changed again within the same tick of the file system's clock, with the same size, cannot
pass for the one recorded; the status-change time cannot be set back by a program (as the
modification time can), and a file replaced by another has another inode.

Where the file lives:

- ``KZSPEECHLAW_CACHE=0`` turns the compiled form off (the data is read on every start);
- ``KZSPEECHLAW_CACHE_DIR``, if set, names the directory;
- otherwise the user's cache directory: ``$XDG_CACHE_HOME/kzspeechlaw`` (``~/.cache/kzspeechlaw``)
  on Linux and other Unix systems, ``~/Library/Caches/kzspeechlaw`` on macOS,
  ``%LOCALAPPDATA%\\kzspeechlaw\\Cache`` on Windows.

The file is a :mod:`pickle`: whoever can write the cache directory can run code as the user who
reads it, as with the user's own installed packages. Point ``KZSPEECHLAW_CACHE_DIR`` at no
directory that others may write.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

try:  # the unpickler itself: the `pickle` module around it is needed only to write
    from _pickle import loads
except ImportError:  # another Python implementation
    from pickle import loads

T = TypeVar("T")

ENABLE = "KZSPEECHLAW_CACHE"
"""The environment variable that turns the compiled form off when set to ``0``."""

DIRECTORY = "KZSPEECHLAW_CACHE_DIR"
"""The environment variable naming the cache directory."""

FORMAT = b"kzspeechlaw-compiled/1\n"
"""The first bytes of a compiled file, before its key."""

PROTOCOL = 5
"""The pickle protocol written (Python 3.8 and later read it)."""

STAMP = "kzspeechlaw-stamp/1"
"""The first line of a stamp: the digest of the files and the status of each when it was made."""

SETTLE_NS = 3_000_000_000
"""How long before it is looked at a file must have last changed for its status to be recorded in
a stamp (nanoseconds): more than the coarsest file system clock (FAT's two seconds)."""

_PACKAGE = Path(__file__).resolve().parent.parent
_SOURCES = ("law/*.py", "refs.py", "units.py", "dates.py", "errors.py", "__init__.py")
"""The modules whose code makes or holds the compiled law (globs under the package directory), and
``__init__.py``, which holds the package version."""


def cache_dir() -> Path | None:
    """The directory of compiled files, or ``None`` where ``KZSPEECHLAW_CACHE=0``."""
    if os.environ.get(ENABLE, "").strip() == "0":
        return None
    given = os.environ.get(DIRECTORY, "")
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "kzspeechlaw" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kzspeechlaw"
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "kzspeechlaw"


def _files(directory: Path) -> list[Path]:
    """The data files (every file of the data directory) and the modules' sources, in a fixed order."""
    return [Path(name) for name in _listing(directory)]


def _listing(directory: Path) -> list[str]:
    """:func:`_files` as paths' text (without making a :class:`~pathlib.Path` of each on every start)."""
    with os.scandir(directory) as entries:
        data = sorted(e.path for e in entries if e.is_file())
    return [*data, *_sources(str(_PACKAGE))]


@functools.cache
def _sources(package: str) -> tuple[str, ...]:
    """The modules' sources (:data:`_SOURCES` under ``package``), sorted; listed once a process (the
    code a process runs is the code it imported; each file's status is still looked at each time)."""
    code: set[str] = set()
    for pattern in _SOURCES:
        folder, _sep, name = pattern.rpartition("/")
        where = os.path.join(package, folder) if folder else package
        if "*" not in name:
            if os.path.isfile(os.path.join(where, name)):
                code.add(os.path.join(where, name))
            continue
        head, _star, tail = name.partition("*")  # one star: "law/*.py"
        with os.scandir(where) as entries:
            code.update(e.path for e in entries if e.name.startswith(head) and e.name.endswith(tail) and e.is_file())
    return tuple(sorted(code))


def _salt() -> str:
    """What the digest is made of besides the files: the format, this Python and the protocol."""
    return f"{FORMAT!r}\0{sys.implementation.cache_tag}\0{sys.version}\0pickle {PROTOCOL}\0"


def key(directory: Path, files: Iterable[Path] | None = None) -> str:
    """The SHA-256 digest (hex) that names the compiled law of the data in ``directory``."""
    import hashlib  # here: OpenSSL's SHA-256 is the faster on a megabyte, but slow to load

    digest = hashlib.sha256()
    digest.update(_salt().encode())
    for path in _files(directory) if files is None else files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _sha256(data: bytes) -> str:
    """The SHA-256 digest (hex) of a few bytes, without loading OpenSSL as hashlib does (CPython's
    own ``_sha256``, ``_sha2`` from 3.12): the cache file's name needs one on every start."""
    import importlib

    for module in ("_sha256", "_sha2"):
        with contextlib.suppress(ImportError, AttributeError):
            return str(importlib.import_module(module).sha256(data).hexdigest())
    import hashlib  # another Python implementation

    return hashlib.sha256(data).hexdigest()


@functools.lru_cache(maxsize=16)
def _tag(directory: Path) -> str:
    """A short name of the data directory (the same for each of its compiled files)."""
    return _sha256(os.fsencode(directory.resolve()))[:16]


def _place(where: Path, name: str, directory: Path, digest: str) -> tuple[Path, str]:
    """The compiled file's path, and the prefix its siblings (older keys) share: the same ``name``
    from the same data directory."""
    prefix = f"{name}-{_tag(directory)}-"
    return where / f"{prefix}{digest[:32]}.pickle", prefix


Status = tuple[tuple[Any, ...], ...]
"""Each file's path, size, modification and status-change times (ns), inode and device."""

_KNOWN: dict[Status, str] = {}
"""The digests worked out by this process, by the status of the files they were made from."""


STAMPS = os.name == "posix"
"""Whether a stamp may stand for the hashes: only where ``st_ctime`` is the time of the last status
change, which no program can set back (on Windows it is the creation time)."""


def unchanged_since(directory: Path, status: Status) -> bool:
    """Whether the data files of ``directory`` still have ``status`` (no file changed, added or
    removed since it was taken)."""
    try:
        return _status(_listing(directory)) == status
    except OSError:
        return False


def _status(files: Sequence[str]) -> Status:
    found = []
    for path in files:
        st = os.stat(path)
        found.append((path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev))
    return tuple(found)


def _settled(status: Status, now: int) -> bool:
    """Whether every file last changed at least :data:`SETTLE_NS` before ``now`` (and not after)."""
    limit = now - SETTLE_NS
    return all(mtime <= limit and ctime <= limit for _path, _size, mtime, ctime, _ino, _dev in status)


def digest_of(directory: Path, where: Path) -> str:
    """:func:`key` of ``directory``, taken from the stamp in ``where`` (or from this process's
    memory) where every file's status is what it recorded, else computed and recorded."""
    return _digest(directory, where)[0]


def _digest(directory: Path, where: Path) -> tuple[str, Status]:
    """:func:`digest_of`, with the files' status it was taken for (looked at once)."""
    now = time.time_ns()  # before the files are looked at: a later change is later than this
    files = _listing(directory)
    status = _status(files)
    if not STAMPS:  # no status time that a program cannot set back: every start hashes the files
        return key(directory, [Path(f) for f in files]), status
    known = _KNOWN.get(status)
    if known is not None:
        return known, status
    stamp = where / f"{_tag(directory)}-{_sha256(_salt().encode())[:8]}.stamp"  # each Python its own
    recorded = _read_stamp(stamp)
    if recorded is not None and recorded[0] == status:
        digest = recorded[1]
    else:
        digest = key(directory, [Path(f) for f in files])
        if not _settled(status, now):
            return digest, status
        _write_stamp(stamp, status, digest)
    _KNOWN[status] = digest
    return digest, status


def _read_stamp(path: Path) -> tuple[Status, str] | None:
    """The status and digest a stamp records, or ``None`` (no stamp, or not one of this format,
    Python and protocol)."""
    try:
        with path.open(encoding="utf-8", newline="\n") as handle:
            lines = handle.read().split("\n")
        if len(lines) < 4 or lines[0] != STAMP or lines[1] != _sha256(_salt().encode()):
            return None
        digest = lines[2]
        status = []
        for line in lines[3:]:
            if not line:
                continue
            path_text, *numbers = line.split("\0")
            size, mtime, ctime, ino, dev = (int(n) for n in numbers)
            status.append((path_text, size, mtime, ctime, ino, dev))
    except (OSError, ValueError):
        return None
    return tuple(status), digest


def _write_stamp(path: Path, status: Status, digest: str) -> None:
    """Record ``status`` and ``digest`` in the stamp ``path`` whole or not at all; silently."""
    lines = [STAMP, _sha256(_salt().encode()), digest]
    lines += ["\0".join(str(v) for v in entry) for entry in status]
    with contextlib.suppress(UnicodeError):  # a file name that is not text: no stamp, the files hashed
        _replace(path, ("\n".join(lines) + "\n").encode("utf-8"))


def cached(directory: Path, build: Callable[[Path], T], kind: type[T], name: str = "law") -> T:
    """What ``build`` makes of the data in ``directory`` (an instance of ``kind``): read from the
    cache file ``name`` where it holds the compiled form of exactly this data and code, else
    built and written to it for the next start. Errors of ``build`` (a bad data file) are raised
    as they are; the cache itself never raises."""
    where = cache_dir()
    if where is None:
        return build(directory)
    try:
        digest, before = _digest(directory, where)
    except OSError:  # a data file that cannot be read: reading the data says which, and why
        return build(directory)
    path, prefix = _place(where, name, directory, digest)
    found = _read(path, digest, kind)
    if found is not None:
        return found
    law = build(directory)
    if unchanged_since(directory, before):  # a file changed while it was read: not kept under this digest
        _write(path, prefix, digest, law)
    return law


def _read(path: Path, digest: str, kind: type[T]) -> T | None:
    """The compiled law in ``path`` if it is one, written under ``digest``; else ``None``."""
    import gc

    head = FORMAT + digest.encode() + b"\n"
    collecting = gc.isenabled()
    try:
        with path.open("rb") as handle:
            data = handle.read()
        if not data.startswith(head):
            return None
        gc.disable()  # tens of thousands of new objects, no garbage: the collector's passes are waste
        value = loads(memoryview(data)[len(head):])
    except Exception:  # unreadable, truncated, or made by other code: not trusted, read the data
        return None
    finally:
        if collecting:
            gc.enable()
    return value if isinstance(value, kind) else None


def _write(path: Path, prefix: str, digest: str, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all, and remove the files of older keys of the
    same data directory; any failure leaves things as they were, silently."""
    import pickle

    try:
        payload = pickle.dumps(value, protocol=PROTOCOL)
    except Exception:  # a value that cannot be pickled costs only time
        return
    if not _replace(path, FORMAT + digest.encode() + b"\n" + payload, prefix):
        return
    with contextlib.suppress(OSError):
        for old in path.parent.glob(f"{prefix}*.pickle"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()


def _replace(path: Path, payload: bytes, prefix: str = "") -> bool:
    """Write ``payload`` to ``path`` whole or not at all (a temporary file, then an atomic rename);
    whether it was written. A failure leaves things as they were, silently."""
    import tempfile

    temp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{prefix or path.name}", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(temp, path)
        temp = None
    except Exception:  # a cache that cannot be written costs only time
        return False
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return True
