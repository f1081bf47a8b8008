"""Registers and outputs as they arrive in real life: nothing lost, nothing overwritten, no crash.

Each test is a reproduction of a failure seen with the earlier reader and writer; the expected
values are what the documented contract says (docs/reliability.md): one record per physical
line, in order, each strict JSON; a file is never overwritten by a failed or interrupted run.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.cli.commands import main
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import MAX_ROW_BYTES, read_register

ROOT = Path(__file__).resolve().parent.parent
ROW = "2019-03-15,slander,telecom_network,2019-12-01"
HEADER = "id,act_date,conduct,channel,decided_on"


def strict(line: str) -> dict[str, Any]:
    """A record parsed as strict JSON: NaN and Infinity are refused."""
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in a record")

    data: dict[str, Any] = json.loads(line, parse_constant=refuse)
    return data


def records(text: str) -> list[dict[str, Any]]:
    return [strict(line) for line in text.split("\n") if line]


def register(path: Path, rows: int) -> Path:
    path.write_text(HEADER + "\n" + "".join(f"r{i},{ROW}\n" for i in range(rows)), encoding="utf-8")
    return path


def cli(*argv: str, stdin: bytes | None = None, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "kzspeechlaw", *argv], input=stdin, capture_output="stdout" not in kwargs,
                          env=env, check=False, timeout=120, **kwargs)


# --- nothing lost ------------------------------------------------------------------------------


def test_output_onto_the_input_is_refused_and_the_input_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = register(tmp_path / "s.csv", 3000)
    before = source.read_bytes()
    os.link(source, tmp_path / "same.csv")  # the same file by another name
    for target in ("s.csv", "same.csv"):
        assert main(["batch", str(source), "--output", str(tmp_path / target)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "other than the input" in err
    assert source.read_bytes() == before


def test_stdout_appending_to_the_input_is_refused(tmp_path: Path) -> None:
    source = register(tmp_path / "s.csv", 10)
    before = source.read_bytes()
    with source.open("ab") as out:
        done = cli("batch", str(source), stdout=out, stderr=subprocess.PIPE)
    assert done.returncode == 2 and b"other than the register" in done.stderr
    assert source.read_bytes() == before


def test_output_dash_is_standard_output_and_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``--output -`` writes the records to standard output, as no ``--output`` does, and makes no
    file named ``-``; with ``--summary`` (the tally on standard output) it is refused."""
    source = register(tmp_path / "s.csv", 5)
    monkeypatch.chdir(tmp_path)
    assert main(["batch", str(source)]) == 0
    expected = capsys.readouterr().out
    assert main(["batch", str(source), "--output", "-"]) == 0
    assert capsys.readouterr().out == expected and len(records(expected)) == 5
    assert main(["batch", str(source), "--summary", "--output", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "--summary" in captured.err
    assert not (tmp_path / "-").exists()


def test_a_failed_run_leaves_the_existing_output_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = register(tmp_path / "s.csv", 5000)
    target = tmp_path / "out.jsonl"
    target.write_text("yesterday's records\n", encoding="utf-8")
    real = batch.run

    def failing(*args: Any, **kwargs: Any) -> Any:
        for i, chunk in enumerate(real(*args, **kwargs)):
            if i == 1:
                raise OSError(28, "No space left on device")
            yield chunk

    monkeypatch.setattr(batch, "run", failing)
    assert main(["batch", str(source), "--output", str(target), "--chunk-size", "1000"]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "yesterday's records\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "s.csv"]  # no temporary left


def test_a_successful_run_replaces_the_output_keeping_its_permissions(tmp_path: Path) -> None:
    source = register(tmp_path / "s.csv", 3)
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    assert main(["batch", str(source), "--output", str(target)]) == 0
    assert [r["id"] for r in records(target.read_text(encoding="utf-8"))] == ["r0", "r1", "r2"]
    assert target.stat().st_mode & 0o777 == 0o640


def test_an_unclosed_quote_costs_its_own_line_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,act_date,conduct\nA,2019-03-15,slander\nB,"2019-03-15,slander\nC,2019-03-15,insult\n'
                    'D,2019-03-15,insult\n', encoding="utf-8")
    assert main(["batch", str(path), "--decided-on", "2019-12-01"]) == 0
    out = records(capsys.readouterr().out)
    assert [r["id"] for r in out] == ["A", 2, "C", "D"]
    assert "quoted cell that does not close" in out[1]["error"]["message"]


# --- encodings, sizes and strict JSON ----------------------------------------------------------


def test_a_windows_1251_register_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.csv"
    path.write_bytes("id,act_date,conduct\nДело-1,2019-03-15,insult\nДело-2,2019-03-15,slander\n".encode("cp1251"))
    assert main(["batch", str(path), "--decided-on", "2019-12-01"]) == 0
    out, err = capsys.readouterr()
    assert [r["id"] for r in records(out)] == ["Дело-1", "Дело-2"]
    assert "read as Windows-1251" in err


class _Unbuffered:
    """A byte stream read a line at a time (not in blocks)."""

    def __init__(self, data: bytes) -> None:
        self.data = io.BytesIO(data)

    def readline(self, size: int | None = -1) -> bytes:
        return self.data.readline(size)


@pytest.mark.parametrize("wrap", [io.BytesIO, _Unbuffered])
def test_one_stray_byte_in_a_utf_8_register_changes_no_other_row(wrap: Any) -> None:
    # Read as Windows-1251 from the stray byte on, every later row's id was another text
    # ('Р”РµР»Рѕ-3'), and the records no longer joined back to the register.
    lines = ["id,act_date,conduct,channel", "Дело-1,2019-03-15,insult,", "Дело-2,2019-03-15,insult,",
             *(f"Дело-{n},2019-03-15,insult," for n in range(3, 40))]
    data = "\n".join(lines[:2]).encode() + b"\nN-2\xff,2019-03-15,insult,\n" + "\n".join(lines[2:]).encode()
    with pytest.warns(kz.RegisterWarning, match="line 3"):
        register = read_register(wrap(data + b"\n"))
        ids = [r["id"] for chunk in batch.run(register, "2019-12-01") for r in map(json.loads, chunk.records)]
    assert ids == ["Дело-1", "N-2я", *(f"Дело-{n}" for n in range(2, 40))]  # the stray byte's own line as Windows-1251


def test_a_windows_1251_register_with_utf_8_lines_reads_each_as_it_is() -> None:
    data = ("id,act_date,conduct\nДело-1,2019-03-15,insult\n".encode("cp1251") + "Дело-2,2019-03-15,insult\n".encode()
            + "Дело-3,2019-03-15,insult\n".encode("cp1251") + b"D-\x98,2019-03-15,insult\n")
    with pytest.warns(kz.RegisterWarning, match="Windows-1251"):
        rows = list(read_register(io.BytesIO(data)).rows)
    assert [r[0] for r in rows[:3]] == ["Дело-1", "Дело-2", "Дело-3"]
    assert "neither UTF-8 nor Windows-1251" in rows[3].message


def test_a_latin_1_register_is_read_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes("id,act_date,conduct\nÉ-1,2019-03-15,insult\n".encode("latin-1"))
    assert main(["batch", str(path), "--decided-on", "2019-12-01", "--encoding", "latin-1"]) == 0
    assert [r["id"] for r in records(capsys.readouterr().out)] == ["É-1"]
    assert main(["batch", str(path), "--decided-on", "2019-12-01", "--encoding", "utf-8"]) == 0
    (row,) = records(capsys.readouterr().out)
    assert "not utf-8 text" in row["error"]["message"]


def test_an_incident_file_with_a_byte_order_mark_or_in_windows_1251(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "i.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"act_date": "2019-03-15", "conduct": "insult", "decided_on": "2019-06-01"}')
    assert main(["assess", "--file", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "liable"


@pytest.mark.parametrize("value", ["null", "12345", "[]", '"2019-02-30"'])
def test_an_incident_files_bad_decision_date_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         value: str) -> None:
    path = tmp_path / "i.json"
    path.write_text(f'{{"act_date": "2019-03-15", "conduct": "insult", "decided_on": {value}}}', encoding="utf-8")
    assert main(["assess", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "decided_on" in err


def test_long_lines_become_error_rows_with_a_short_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.csv"
    path.write_text("id,act_date,conduct\nA,2019-03-15," + "x" * 200_000 + "\nB,2019-03-15,insult\n"
                    "C,2019-03-15," + "y" * 131_073 + "\n", encoding="utf-8")
    assert main(["batch", str(path), "--decided-on", "2019-12-01"]) == 0
    out = capsys.readouterr().out
    rows = records(out)
    assert [r.get("outcome") for r in rows] == [None, "liable", None]
    assert f"over {MAX_ROW_BYTES} bytes" in rows[0]["error"]["message"]
    assert len(out) < 2_000  # the values are quoted shortened


def test_json_lines_that_cannot_be_read_become_error_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        '{"id": "ok", "act_date": "2019-03-15", "conduct": "insult"}',
        '{"id": ' + "9" * 5000 + ', "act_date": "2019-03-15", "conduct": "insult"}',
        "[" * 20_000 + "]" * 20_000,
        '{"id": "\\ud800", "act_date": "2019-03-15", "conduct": "insult"}',
        '{"id": NaN, "act_date": "2019-03-15", "conduct": "insult"}',
        '{"id": "x", "act_date": "2019-03-15", "conduct": "\\ud800"}',
        '{"id": "a\u2028b\u0085c", "act_date": "2019-03-15", "conduct": "insult"}',
    ]
    path = tmp_path / "j.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["batch", str(path), "--decided-on", "2019-12-01"]) == 0
    rows = records(capsys.readouterr().out)
    assert len(rows) == len(lines)
    assert [("error" in r) for r in rows] == [False, True, True, False, True, True, False]
    assert rows[3]["id"] == "\ud800" and rows[6]["id"] == "a\u2028b\u0085c"


def test_chunk_records_split_on_line_feeds_only() -> None:
    text = '{"id": "a\u2028b", "act_date": "2019-03-15", "conduct": "insult"}\n' \
           '{"id": "c\u0085d", "act_date": "2019-03-15", "conduct": "insult"}\n'
    (chunk,) = batch.run(read_register(io.StringIO(text)), "2019-12-01")
    assert [strict(r)["id"] for r in chunk.records] == ["a\u2028b", "c\u0085d"]


def test_json_lines_after_blank_lines_are_json_lines() -> None:
    reg = read_register(io.BytesIO(b'\n\n{"id": 1, "act_date": "2019-03-15", "conduct": "insult"}\n'))
    assert reg.format == "jsonl"


def test_ids_that_json_cannot_hold_are_written_as_text() -> None:
    class Tag:
        def __str__(self) -> str:
            return "tag-7"

    rows = [{"id": Tag(), "act_date": "2019-03-15", "conduct": "insult"},
            {"id": float("nan"), "act_date": "2019-03-15", "conduct": "insult"},
            {"id": 10**400, "act_date": "2019-03-15", "conduct": "insult"}]
    out = [strict(r.to_json()) for r in kz.assess_many(rows, decided_on="2019-12-01")]
    assert [o["id"] for o in out] == ["tag-7", 2, 10**400]  # NaN states no id: the row's position


def test_a_huge_bad_value_gives_a_short_error_record() -> None:
    (result,) = kz.assess_many([{"act_date": "2019-03-15", "conduct": "x" * 10_000_000}], decided_on="2019-12-01")
    assert not result.ok and len(result.to_json()) < 2_000


# --- streams, devices and bounds ---------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_device_is_one_line(tmp_path: Path) -> None:
    source = register(tmp_path / "s.csv", 100)
    done = cli("batch", str(source), "--output", "/dev/full")
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1 and b"No space left" in done.stderr
    with open("/dev/full", "wb") as full:
        for argv in (["batch", str(source)], ["show", "CC2014 130(2)", "--on", "2019-01-01"]):
            done = cli(*argv, stdout=full, stderr=subprocess.PIPE)
            assert done.returncode == 2 and done.stderr.count(b"\n") == 1, done.stderr


def test_closed_standard_streams(tmp_path: Path) -> None:
    source = register(tmp_path / "s.csv", 5)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    base = [sys.executable, "-m", "kzspeechlaw"]
    # stdin closed: `batch - <&-`
    done = subprocess.run([*base, "batch", "-", "--format", "csv"], stdin=subprocess.DEVNULL, env=env,
                          capture_output=True, check=False, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2 and b"standard input" in done.stderr
    # stdout closed: records cannot go anywhere
    done = subprocess.run([*base, "batch", str(source)], env=env, stderr=subprocess.PIPE, check=False,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 2 and b"standard output" in done.stderr and b"Traceback" not in done.stderr
    # stderr closed too: the records still go to the file
    target = tmp_path / "o.jsonl"
    done = subprocess.run([*base, "batch", str(source), "--output", str(target)], env=env, check=False,
                          preexec_fn=lambda: (os.close(1), os.close(2)))
    assert done.returncode == 0 and len(target.read_text(encoding="utf-8").splitlines()) == 5


def test_workers_are_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = register(tmp_path / "s.csv", 5)
    assert main(["batch", str(source), "--workers", str(batch.max_workers() + 1)]) == 2
    assert "at most" in capsys.readouterr().err
    with pytest.raises(kz.InvalidIncident, match="workers"):
        batch.run(read_register(source.open("rb")), workers=10_000)


def test_an_interrupt_keeps_the_output_and_says_how_far_it_got(tmp_path: Path) -> None:
    """Ctrl-C while a register streams in: exit 130, one line, the records written whole, an
    existing output file untouched."""
    target = tmp_path / "out.jsonl"
    target.write_text("kept\n", encoding="utf-8")
    for output in ([], ["--output", str(target)]):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen(
            [sys.executable, "-m", "kzspeechlaw", "batch", "-", "--format", "csv", "--workers", "1",
             "--chunk-size", "100", *output], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write((HEADER + "\n" + "".join(f"r{i},{ROW}\n" for i in range(250))).encode())
        child.stdin.flush()  # two chunks of 100 rows can be assessed; the rest waits for more input
        if output:  # the records go to a temporary file beside the target until the run succeeds
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not any(
                    p.name.endswith(".part") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
                time.sleep(0.05)
        first = b"" if output else os.read(child.stdout.fileno(), 1 << 20)  # the first records are out
        time.sleep(0.5)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
        out = first + out
        assert child.returncode == 130, err
        assert err.count(b"\n") == 1 and b"interrupted after" in err and b"Traceback" not in err
        if output:
            assert target.read_text(encoding="utf-8") == "kept\n"
        else:
            assert len(records(out.decode())) == 200 and out.endswith(b"\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_registers_in_threads_keep_their_own_warnings(tmp_path: Path) -> None:
    """The stale-data warning belongs to the register whose decisions are after the data's
    current-to date, whatever other threads do, and the caller's warning filters stay."""
    filters = list(warnings.filters)
    stale = f"id,act_date,conduct,decided_on\nA,2019-03-15,insult,{kz.coverage().current_to.replace(year=2099)}\n"
    fresh = "id,act_date,conduct,decided_on\nA,2019-03-15,insult,2019-12-01\n"
    found: dict[int, set[bool]] = {n: set() for n in range(8)}

    def work(n: int) -> None:
        for _ in range(20):
            text = stale if n % 2 else fresh
            chunks = list(batch._run(read_register(io.StringIO(text)), None, "brief", 1, 2000))
            found[n].add(bool(chunks[0].warnings))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == {n: {bool(n % 2)} for n in range(8)}
    assert warnings.filters == filters


def test_a_note_with_line_breaks_in_an_ignored_column_is_one_row(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Excel writes a cell typed with Alt+Enter as a quoted cell spanning lines: in a column that is
    not an incident field it is read whole, and no row is invented from its second line."""
    path = tmp_path / "notes.csv"
    path.write_text('id,act_date,conduct,channel,note\n1,2019-03-15,insult,mass_media,"line1\nline2"\n'
                    '2,2019-03-15,insult,private,x\n', encoding="utf-8")
    assert main(["batch", str(path), "--decided-on", "2019-12-01"]) == 0
    out, err = capsys.readouterr()
    assert [(r["id"], r["falls_under"]) for r in records(out)] == [("1", "CC2014 131(2)"), ("2", "CC2014 131(1)")]
    assert "2 rows: 2 assessed" in err


def test_an_interrupt_waits_for_the_chunk_being_written() -> None:
    """Ctrl-C while a chunk is written and counted is raised after it, also where another thread
    could take the signal (a blocked signal goes to a thread that does not block it, and Python
    then raises it in the main thread all the same)."""
    from kzspeechlaw.cli.batching import _uninterrupted

    idle = threading.Event()
    other = threading.Thread(target=idle.wait, daemon=True)
    other.start()
    reached = False
    try:
        with pytest.raises(KeyboardInterrupt), _uninterrupted():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.2)  # an interrupt let through is raised here
            reached = True
    finally:
        idle.set()
    assert reached


@given(st.lists(st.sampled_from([0, 1, 40, MAX_ROW_BYTES // 2 - 1, MAX_ROW_BYTES // 2, MAX_ROW_BYTES - 1,
                                 MAX_ROW_BYTES, MAX_ROW_BYTES + 1, 2 * MAX_ROW_BYTES + 3]), min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_the_long_line_search_misses_no_long_line(lengths: list[int]) -> None:
    """A block of lines said to hold none longer than the limit after a few searches holds none
    (where the searches cannot tell, each line is looked at), with lines just under and over it."""
    from kzspeechlaw.registers.lines import _short_lines

    region = b"".join(b"x" * n + b"\n" for n in lengths)
    if _short_lines(region):
        assert max(lengths) <= MAX_ROW_BYTES


def test_a_read_only_output_file_is_left_as_it_was(tmp_path: Path) -> None:
    """A read-only file says it is not to be written: it is not replaced by renaming over it (which
    its mode would not stop, and root's writes pass over modes anyway)."""
    from kzspeechlaw.errors import OutputError
    from kzspeechlaw.outfile import check_target

    target = tmp_path / "out.jsonl"
    target.write_text("kept\n")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        check_target(target)
    assert target.read_text() == "kept\n"
