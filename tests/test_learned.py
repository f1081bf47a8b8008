"""Keys' answers kept between runs (:mod:`kzspeechlaw.registers.learned`): a later run writes the
reference's bytes from them, reads only what the same code and data wrote, and never stops on a
file it cannot read."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_keyed_batch import as_csv, registers

import kzspeechlaw
from kzspeechlaw.law import compiled
from kzspeechlaw.registers import batch, learned, rows
from kzspeechlaw.registers.reading import read_register

pytestmark = pytest.mark.filterwarnings("ignore::kzspeechlaw.errors.RegisterWarning",
                                        "ignore::kzspeechlaw.errors.StaleDataWarning")

REGISTER = [{"id": f"r{n}", "act_date": (dt.date(2016, 1, 5) + dt.timedelta(days=41 * n)).isoformat(),
             "conduct": ["slander", "insult", "false_information"][n % 3],
             "channel": ["mass_media", "telecom_network"][n % 2],
             "decided_on": (dt.date(2019, 6, 1) + dt.timedelta(days=23 * n)).isoformat()} for n in range(60)]


@contextlib.contextmanager
def cache_dir() -> Iterator[Path]:
    """A cache directory of its own for the block, in a process that imported the package some
    seconds after its files last changed (as any run but one started at once after an edit)."""
    before = {k: os.environ.get(k) for k in ("KZSPEECHLAW_CACHE_DIR", "KZSPEECHLAW_CACHE")}
    imported = kzspeechlaw._IMPORTED_NS
    with tempfile.TemporaryDirectory(prefix="kzspeechlaw-answers-") as where:
        os.environ["KZSPEECHLAW_CACHE_DIR"] = where
        os.environ.pop("KZSPEECHLAW_CACHE", None)
        kzspeechlaw._IMPORTED_NS = time.time_ns() + compiled.SETTLE_NS
        try:
            yield Path(where)
        finally:
            kzspeechlaw._IMPORTED_NS = imported
            for k, v in before.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def run(text: str, *, cache: bool = True, keyed: bool = True, workers: int = 1, output: str = "brief") -> bytes:
    return b"".join(c.output for c in batch.run(read_register(io.StringIO(text)), "2026-06-01", output=output,
                                                 workers=workers, chunk_size=25, keyed=keyed, cache=cache))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows assessed on the reference path (each new key's first row, and errors)."""
    seen: list[int] = []
    one_row = rows.one_row

    def counting(*args: Any) -> Any:
        seen.append(args[0])
        return one_row(*args)

    monkeypatch.setattr(rows, "one_row", counting)
    return seen


def files(where: Path) -> list[Path]:
    return sorted((where / "answers").glob("answers-*.pickle"))


def test_a_later_run_writes_from_the_answers_an_earlier_run_kept(counted: list[int]) -> None:
    """The second run of a register (read afresh: another register to the table) assesses no row:
    every key's answer was kept by the first, and its bytes are the reference's."""
    text = as_csv(REGISTER)
    reference = run(text, cache=False, keyed=False)
    with cache_dir() as where:
        counted.clear()
        assert run(text) == reference
        assert counted and files(where)
        counted.clear()
        assert run(text) == reference
        assert counted == []


def test_answers_kept_by_worker_processes_are_read_back(counted: list[int]) -> None:
    """With two worker processes, each keeps what it learned as it ends; a later run in one
    process reads both files."""
    text = as_csv(REGISTER * 3)
    reference = run(text, cache=False, keyed=False)
    with cache_dir() as where:
        assert run(text, workers=2) == reference
        assert len(files(where)) == 2
        counted.clear()
        assert run(text) == reference
        assert counted == [] and len(files(where)) == 2  # every key read, nothing new learned


def test_answers_of_other_code_or_data_are_not_read_and_are_removed(counted: list[int],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A process of another version of the package (another digest) neither reads the answers kept
    by this one nor leaves them; another installation's are left alone."""
    text = as_csv(REGISTER)
    with cache_dir() as where:
        run(text)
        before = files(where)
        other = where / "answers" / before[0].name.replace("answers-", "answers-0", 1)  # another installation's
        other.write_bytes(before[0].read_bytes())
        monkeypatch.setattr(learned, "digest", lambda: ("0" * 64, 0))
        counted.clear()
        assert run(text) == run(text, cache=False, keyed=False)
        assert counted
        assert before and not set(before) & set(files(where))
        assert other.exists()


def test_files_changed_since_the_process_imported_the_package_stop_the_cache(
        counted: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a file of the package changed after the process imported it (an edit, an upgrade, even
    one undone: the same digest), its code or data may not be the files': it neither reads answers
    nor keeps its own."""
    text = as_csv(REGISTER)
    with cache_dir() as where:
        run(text)
        before = files(where)
        same = learned.digest()[0]
        monkeypatch.setattr(learned, "digest", lambda: (same, time.time_ns() + 2 * compiled.SETTLE_NS))
        twice = as_csv(REGISTER[:6] + REGISTER[:6])  # six keys: each of its rows has other facts
        reference = run(twice, cache=False, keyed=False)
        counted.clear()
        assert run(twice) == reference
        assert len(counted) == 6  # each key learned again, none read
        assert files(where) == before


def test_answers_are_kept_only_where_the_digest_holds_to_the_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files that changed during the run (another digest when the answers are to be kept): the
    answers learned are not kept."""
    text = as_csv(REGISTER)
    with cache_dir() as where:
        real = learned.digest
        calls: list[int] = []

        def changing() -> tuple[str, int]:
            calls.append(1)
            found, newest = real()
            return (found if len(calls) == 1 else "2" * 64), newest

        monkeypatch.setattr(learned, "digest", changing)
        run(text)
        assert len(calls) >= 2 and files(where) == []


def test_a_file_with_wrong_entries_is_passed_over(counted: list[int]) -> None:
    """A file whose checksum holds but whose entries are not answers (made by other code) is not
    read."""
    text = as_csv(REGISTER)
    with cache_dir() as where:
        run(text)
        for path in files(where):
            prefix = path.name[:path.name.rindex("-", 0, path.name.rindex("-")) + 1]
            path.unlink()
            learned._write(path.parent, prefix, [("slander,mass_media", (1, 2, 3, 4), "{{", None)])
        counted.clear()
        assert run(text) == run(text, cache=False, keyed=False)
        assert counted


def test_a_link_in_the_package_stops_only_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A package holding a link (a data folder linked from elsewhere): its target may change without
    the package's times; nothing is kept, the records are written."""
    package = tmp_path / "package"
    (package / "law").mkdir(parents=True)
    (package / "law" / "rules.toml").write_text("x = 1\n", encoding="utf-8")
    (package / "data").symlink_to(package / "law")
    monkeypatch.setattr(learned, "_PACKAGE", package)
    with pytest.raises(ValueError, match="a link"):
        learned.digest()
    text = as_csv(REGISTER)
    with cache_dir() as where:
        assert run(text) == run(text, cache=False, keyed=False)
        assert files(where) == []


def test_a_package_file_that_cannot_be_read_stops_only_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of the package that vanished (an editor's lock file, an upgrade half done): the run
    writes its records, and nothing is kept."""
    text = as_csv(REGISTER)
    with cache_dir() as where:
        def vanished() -> tuple[str, int]:
            raise FileNotFoundError("kzspeechlaw/registers/.#keyed.py")

        monkeypatch.setattr(learned, "digest", vanished)
        assert run(text) == run(text, cache=False, keyed=False)
        assert files(where) == []


def settled() -> None:
    """Wait, if need be, until the package's files last changed some seconds ago (a process started
    sooner keeps no answers: a file edited just before a test run)."""
    wait = learned.digest()[1] + compiled.SETTLE_NS + 200_000_000 - time.time_ns()
    if wait > 0:
        time.sleep(wait / 1e9)


def test_the_command_line_keeps_and_reads_answers(tmp_path: Path) -> None:
    """Two runs of ``kzspeechlaw batch``: the first keeps a file of answers per worker, the second
    writes the same bytes (and the reference's) from them, keeping nothing new."""
    import subprocess
    import sys

    settled()

    register = tmp_path / "register.csv"
    register.write_text(as_csv(REGISTER * 50), encoding="utf-8")
    env = dict(os.environ, KZSPEECHLAW_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("KZSPEECHLAW_CACHE", None)
    argv = [sys.executable, "-m", "kzspeechlaw", "batch", str(register), "--workers", "2", "--chunk-size", "500"]
    first = subprocess.run(argv, check=True, capture_output=True, env=env, cwd=tmp_path).stdout
    kept = files(tmp_path / "cache")
    again = subprocess.run(argv, check=True, capture_output=True, env=env, cwd=tmp_path).stdout
    assert len(kept) == 2 and files(tmp_path / "cache") == kept
    assert first == again == run(as_csv(REGISTER * 50), cache=False, keyed=False)


def test_a_damaged_file_is_passed_over(counted: list[int]) -> None:
    text = as_csv(REGISTER)
    reference = run(text, cache=False, keyed=False)
    with cache_dir() as where:
        run(text)
        for path in files(where):
            path.write_bytes(path.read_bytes()[:200])
        counted.clear()
        assert run(text) == reference
        assert counted


def test_another_order_of_columns_is_another_kind_of_keys(counted: list[int]) -> None:
    """A key holds the fact cells in the header's order: a register with its columns in another
    order does not read the answers of the first."""
    text = as_csv(REGISTER)
    header, *lines = text.splitlines()
    swapped = "\n".join(",".join(cells[i] for i in (0, 2, 1, *range(3, len(cells))))
                        for cells in (line.split(",") for line in [header, *lines])) + "\n"
    assert swapped != text
    with cache_dir():
        run(text)
        counted.clear()
        assert run(swapped) == run(swapped, cache=False, keyed=False)
        assert counted


def test_nothing_is_kept_when_the_cache_is_off_or_not_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    text = as_csv(REGISTER)
    with cache_dir() as where:
        run(text, cache=False)
        assert files(where) == []
        monkeypatch.setenv("KZSPEECHLAW_CACHE", "0")
        run(text)
        assert files(where) == []


def test_many_files_are_written_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past MAX_FILES files of a kind of keys, a run that reads them writes them as one."""
    monkeypatch.setattr(learned, "MAX_FILES", 2)
    with cache_dir() as where:
        for n in range(4):  # each run learns keys of its own
            run(as_csv(REGISTER[15 * n:15 * n + 15]))
        assert len(files(where)) <= 3
        assert run(as_csv(REGISTER)) == run(as_csv(REGISTER), cache=False, keyed=False)


@settings(max_examples=int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or 60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(registers(), st.sampled_from(["brief", "none"]), st.integers(0, 24))
def test_kept_answers_write_the_reference_bytes(register: list[dict[str, str]], output: str, cut: int) -> None:
    """Rows of keys learned by an earlier run, of another register (its first rows, other ids),
    are written as the reference writes them."""
    columns = dict.fromkeys((c for row in register for c in row), "")  # the same header: the same kind of keys
    earlier = [{**columns, **row, "id": f"e{n}"} for n, row in enumerate(register[:cut])]
    text = as_csv(register)
    with cache_dir():
        if earlier:
            run(as_csv(earlier), output=output)
        assert run(text, output=output) == run(text, cache=False, keyed=False, output=output)


_SPAWNED = """
import io, multiprocessing, sys, warnings
warnings.simplefilter("ignore")
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import read_register

text = "id,act_date,conduct,decided_on\\n" + "".join(
    f"r{i},{2018 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d},slander,2020-06-01\\n" for i in range(400))

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    out = b"".join(c.output for c in batch.run(read_register(io.StringIO(text)), workers=2, chunk_size=50,
                                               cache=True))
    ref = b"".join(c.output for c in batch.run(read_register(io.StringIO(text)), keyed=False))
    print("same" if out == ref else "DIFFER")
"""


def test_spawned_workers_keep_and_read_answers(tmp_path: Path) -> None:
    """Workers started afresh (``spawn``: macOS, Windows) look for the kept answers themselves and
    keep what they learn; a second run learns nothing new. The acts are of two years, whose rows
    go to the two workers (the rows of a pair of intervals of the dates go to one)."""
    import subprocess
    import sys

    settled()
    script = tmp_path / "spawned.py"
    script.write_text(_SPAWNED, encoding="utf-8")
    env = dict(os.environ, KZSPEECHLAW_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("KZSPEECHLAW_CACHE", None)
    kept: list[list[Path]] = []
    for _ in range(2):
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180, env=env)
        assert done.stdout.strip() == "same", done.stderr[-2000:]
        kept.append(files(tmp_path / "cache"))
    assert len(kept[0]) == 2 and kept[1] == kept[0]


def test_workers_that_know_the_kept_answers_take_consecutive_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked with the answers kept by an earlier run are sent consecutive runs of rows (no
    key new to them), and write the reference's bytes; where a chunk's workers learn many keys,
    the rows are routed by their keys again. A first run routes its first chunks by their keys,
    and its chunks of rows met before go in runs."""
    from kzspeechlaw.registers import keyed

    made: list[Noted] = []

    class Noted(keyed.Router):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.modes: list[bool] = []  # whether each chunk went in runs
            made.append(self)

        def route(self, task: Any) -> Any:
            self.modes.append(self.runs)
            return super().route(task)

    monkeypatch.setattr(keyed, "Router", Noted)
    text = as_csv(REGISTER * 3)
    reference = run(text, cache=False, keyed=False)
    with cache_dir():
        assert run(text, workers=2) == reference
        assert not made[-1].modes[0] and made[-1].modes[-1]  # the rows repeated: nothing new, in runs
        assert run(text, workers=2) == reference
        assert all(made[-1].modes)  # every key known: consecutive runs to the end
        wrong = [dict(row, conduct="gossip") if n % 5 == 0 else row for n, row in enumerate(REGISTER * 3)]
        assert run(as_csv(wrong), workers=2) == run(as_csv(wrong), cache=False, keyed=False)
        assert all(made[-1].modes)  # rows in error: no key to learn, still consecutive runs
        other = [dict(row, act_date=row["act_date"].replace("201", "200", 1)) for row in REGISTER * 3]
        assert run(as_csv(other), workers=2) == run(as_csv(other), cache=False, keyed=False)
        assert made[-1].modes[0] and not all(made[-1].modes)  # other years: many keys new, routed again


def test_the_digest_names_the_libraries_installations_without_importing_them() -> None:
    """The digest changes with an installation of pint, attrs or python-dateutil (their files'
    path, size and change times) and reads them without importing pint or ``importlib.metadata``
    (a batch whose answers were kept needs neither)."""
    code = ("import sys; from kzspeechlaw.registers import learned; learned.digest(); "
            "assert 'pint' not in sys.modules and 'importlib.metadata' not in sys.modules; "
            "import pint, os; assert learned._installed('pint').startswith(pint.__file__); "
            "assert learned._installed('no_such_module_here') == 'not installed'")
    subprocess.run([sys.executable, "-c", code], check=True)
