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
import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

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
    data = sorted(p for p in directory.iterdir() if p.is_file())
    code = sorted({p for pattern in _SOURCES for p in _PACKAGE.glob(pattern)})
    return data + code


def key(directory: Path, files: Iterable[Path] | None = None) -> str:
    """The SHA-256 digest (hex) that names the compiled law of the data in ``directory``."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT!r}\0{sys.implementation.cache_tag}\0{sys.version}\0pickle {PROTOCOL}\0".encode())
    for path in _files(directory) if files is None else files:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _place(where: Path, name: str, directory: Path, digest: str) -> tuple[Path, str]:
    """The compiled file's path, and the prefix its siblings (older keys) share: the same ``name``
    from the same data directory."""
    tag = hashlib.sha256(os.fsencode(directory.resolve())).hexdigest()[:16]
    prefix = f"{name}-{tag}-"
    return where / f"{prefix}{digest[:32]}.pickle", prefix


def cached(directory: Path, build: Callable[[Path], T], kind: type[T], name: str = "law") -> T:
    """What ``build`` makes of the data in ``directory`` (an instance of ``kind``): read from the
    cache file ``name`` where it holds the compiled form of exactly this data and code, else
    built and written to it for the next start. Errors of ``build`` (a bad data file) are raised
    as they are; the cache itself never raises."""
    where = cache_dir()
    if where is None:
        return build(directory)
    try:
        digest = key(directory)
    except OSError:  # a data file that cannot be read: reading the data says which, and why
        return build(directory)
    path, prefix = _place(where, name, directory, digest)
    found = _read(path, digest, kind)
    if found is not None:
        return found
    law = build(directory)
    _write(path, prefix, digest, law)
    return law


def _read(path: Path, digest: str, kind: type[T]) -> T | None:
    """The compiled law in ``path`` if it is one, written under ``digest``; else ``None``."""
    head = FORMAT + digest.encode() + b"\n"
    try:
        with path.open("rb") as handle:
            data = handle.read()
        if not data.startswith(head):
            return None
        value = loads(memoryview(data)[len(head):])
    except Exception:  # unreadable, truncated, or made by other code: not trusted, read the data
        return None
    return value if isinstance(value, kind) else None


def _write(path: Path, prefix: str, digest: str, value: object) -> None:
    """Write ``value`` to ``path`` whole or not at all, and remove the files of older keys of the
    same data directory; any failure leaves things as they were, silently."""
    import pickle
    import tempfile

    temp: str | None = None
    try:
        payload = pickle.dumps(value, protocol=PROTOCOL)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{prefix}", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(FORMAT + digest.encode() + b"\n")
            handle.write(payload)
        os.replace(temp, path)
        temp = None
        for old in path.parent.glob(f"{prefix}*.pickle"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
    except Exception:  # a cache that cannot be written costs only time
        return
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
