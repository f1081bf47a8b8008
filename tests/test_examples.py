"""Every script in examples/ runs and prints what its docstring promises."""

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, *args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True, text=True, timeout=120, check=False, cwd=cwd,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_slander_2020() -> None:
    out = run("slander_2020.py")
    assert "AOC2014 73-3(2)  administrative_offence fine 180 MCI (natural person)" in out
    assert "  2019-09-23  liable          CC2014 130(2)  fine 200 MCI to 2 000 MCI (505 000 KZT to 5 050 000 KZT)" in out
    assert "  2021-06-01  decriminalised  -              no sanction" in out


def test_penalty_timeline(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = run("penalty_timeline.py", "CC2014 174(1)", "--out", str(tmp_path / "chart.png"))
    assert f"chart: {tmp_path / 'chart.png'}" in out
    # Law 349-VI added the fine of 2,000-7,000 MCI; Laws 19-VIII and 94-VIII changed only the channel words
    assert "2020-07-10  2023-09-08  CC2014 174(1)  349-VI   fine 2 000 MCI to 7 000 MCI" in out
    assert "2023-09-09  2024-08-18  CC2014 174(1)  19-VIII  fine 2 000 MCI to 7 000 MCI" in out
    assert "2024-08-19  in force    CC2014 174(1)  94-VIII  fine 2 000 MCI to 7 000 MCI" in out
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_penalty_timeline_writes_only_where_told(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = run("penalty_timeline.py", "CC2014 130(2)", cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing left in the working directory
    chart = Path(next(line for line in out.splitlines() if line.startswith("chart: "))[len("chart: "):])
    assert chart.read_bytes().startswith(b"\x89PNG")
    chart.unlink()
    chart.parent.rmdir()


def test_examples_leave_the_working_directory_as_it_was(tmp_path: Path) -> None:
    for script in ("slander_2020.py", "monitoring_report.py"):
        run(script, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_monitoring_report() -> None:
    lines = run("monitoring_report.py").splitlines()
    ilyashev = next(line for line in lines if line.startswith("Ilyashev"))
    assert "2020-03-26  2020-06-22  liable          CC2014 274(4)(2)" in ilyashev
    in_2021 = next(line for line in lines if line.startswith("the same slander, if decided in 2021"))
    assert "decriminalised" in in_2021
    assert any("AOC2014 434(1)    fine 5 MCI (13 890 KZT)" in line for line in lines)
