"""The stamp of the compiled law: the digest of the data and code files is taken from it, without
hashing them again, only while every file's status (size, times, inode) is what it recorded; a file
edited, replaced, added or removed is hashed again, and the law read again, even with the same size
and the old modification time put back. Files changed in the last seconds are never recorded."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from kzspeechlaw.law import compiled, loader

# The fixtures `data` and `cache` are in conftest.py.


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled however recently they changed (the copies were made just now)."""
    monkeypatch.setattr(compiled, "SETTLE_NS", -(10**18))


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The data directories whose files were hashed, one entry a time."""
    calls: list[Path] = []
    key = compiled.key

    def counting(directory: Path, files: object = None) -> str:
        calls.append(directory)
        return key(directory, files)  # type: ignore[arg-type]

    monkeypatch.setattr(compiled, "key", counting)
    return calls


def _mci_2020(law: loader.Law) -> int:
    return next(v.kzt for v in law.mci_series if v.valid_from == dt.date(2020, 4, 1))


def _load(data: Path) -> loader.Law:
    return compiled.cached(data, loader.load, loader.Law)


def _forget() -> None:
    """As a new process: nothing remembered but the files of the cache directory."""
    compiled._KNOWN.clear()


def _edit_same_size(path: Path, keep_mtime: bool) -> None:
    """2 778 tenge becomes 2 779: the same size; the modification time put back if asked."""
    before = path.stat()
    time.sleep(0.05)  # past the file system clock's tick: the status-change time moves on
    path.write_text(path.read_text(encoding="utf-8").replace("kzt = 2778", "kzt = 2779"), encoding="utf-8")
    if keep_mtime:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert after.st_size == before.st_size
    assert not keep_mtime or after.st_mtime_ns == before.st_mtime_ns


def test_files_changed_just_now_are_not_recorded(data: Path, cache: Path, hashed: list[Path]) -> None:
    # Law 04.12.2019 No. 276-VI, Art. 7: 2 778 tenge from 1 April 2020.
    assert _mci_2020(_load(data)) == 2778
    assert not list(cache.glob("*.stamp"))  # the copies are seconds old: their status proves nothing yet
    assert _mci_2020(_load(data)) == 2778
    assert len(hashed) == 2  # hashed each time, read from the compiled law the second


def test_a_settled_stamp_spares_the_hashing(data: Path, cache: Path, settled: None, hashed: list[Path]) -> None:
    built = _load(data)
    assert len(list(cache.glob("*.stamp"))) == 1 and len(hashed) == 1
    _forget()
    assert _load(data) == built
    assert compiled.cached(data, loader.load, loader.Law, name="other") is not None
    assert len(hashed) == 1  # the digest came from the stamp, then from memory


@pytest.mark.parametrize("keep_mtime", [False, True])
def test_an_edit_of_the_same_size_is_seen(data: Path, cache: Path, settled: None, keep_mtime: bool) -> None:
    assert _mci_2020(_load(data)) == 2778
    _edit_same_size(data / "mci.toml", keep_mtime)
    assert _mci_2020(_load(data)) == 2779  # in this process
    _forget()
    assert _mci_2020(_load(data)) == 2779  # and in the next


def test_a_replaced_file_is_seen(data: Path, cache: Path, settled: None) -> None:
    assert _mci_2020(_load(data)) == 2778
    path = data / "mci.toml"
    before = path.stat()
    other = data.parent / "mci.toml.new"
    other.write_text(path.read_text(encoding="utf-8").replace("kzt = 2778", "kzt = 2779"), encoding="utf-8")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    _forget()
    assert _mci_2020(_load(data)) == 2779


def test_an_added_or_removed_file_is_seen(data: Path, cache: Path, settled: None, hashed: list[Path]) -> None:
    _load(data)
    (data / "notes.txt").write_text("a file the loader does not read, but part of the data directory\n")
    _forget()
    _load(data)
    assert len(hashed) == 2
    (data / "notes.txt").unlink()
    _forget()
    _load(data)
    assert len(hashed) == 3
    assert len(list(cache.glob("*.stamp"))) == 1  # one stamp per data directory, rewritten


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other python"])
def test_a_damaged_stamp_costs_only_the_hashing(data: Path, cache: Path, settled: None, hashed: list[Path],
                                                monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    built = _load(data)
    (stamp,) = cache.glob("*.stamp")
    raw = stamp.read_bytes()
    if damage == "other python":
        monkeypatch.setattr(compiled, "_salt", lambda: "another Python\0")
    else:
        stamp.write_bytes({"garbage": b"\x00\xff not a stamp", "truncated": raw[: len(raw) // 2], "empty": b""}[damage])
    _forget()
    assert _load(data) == built
    assert len(hashed) == 2


def test_the_digest_is_the_key(data: Path, cache: Path, settled: None) -> None:
    assert compiled.digest_of(data, cache) == compiled.key(data)
    _forget()
    assert compiled.digest_of(data, cache) == compiled.key(data)  # from the stamp


def test_status_times_are_compared_to_the_moment_before_looking(data: Path) -> None:
    status = compiled._status(compiled._listing(data))
    newest = max(max(mtime, ctime) for _path, _size, mtime, ctime, _ino, _dev in status)
    assert not compiled._settled(status, newest + compiled.SETTLE_NS - 1)
    assert compiled._settled(status, newest + compiled.SETTLE_NS)


def test_each_python_keeps_its_own_stamp(data: Path, cache: Path, settled: None, hashed: list[Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    salt = compiled._salt
    _load(data)
    monkeypatch.setattr(compiled, "_salt", lambda: "another Python\0")
    _forget()
    _load(data)
    assert len(hashed) == 2 and len(list(cache.glob("*.stamp"))) == 2
    monkeypatch.setattr(compiled, "_salt", salt)
    _forget()
    _load(data)
    assert len(hashed) == 2  # this Python's stamp was left as it was


def test_without_a_status_time_that_cannot_be_set_back_every_start_hashes(
        data: Path, cache: Path, settled: None, hashed: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # On Windows st_ctime is the creation time: a stamp could be fooled by an edit with its old mtime.
    monkeypatch.setattr(compiled, "STAMPS", False)
    built = _load(data)
    _forget()
    assert _load(data) == built
    assert len(hashed) == 2 and not list(cache.glob("*.stamp"))


def test_data_changed_while_it_was_read_is_not_kept_under_the_digest_taken_before(
        data: Path, cache: Path, settled: None) -> None:
    mci = data / "mci.toml"
    original = mci.read_text(encoding="utf-8")

    def build_while_edited(directory: Path) -> loader.Law:
        _edit_same_size(mci, keep_mtime=False)  # 2 779 while the data is read ...
        law = loader.load(directory)
        time.sleep(0.05)
        mci.write_text(original, encoding="utf-8")  # ... and 2 778 again: the digest taken before holds
        return law

    assert _mci_2020(compiled.cached(data, build_while_edited, loader.Law)) == 2779
    _forget()
    assert _mci_2020(_load(data)) == 2778  # read again, not the pickle of the reading in between
