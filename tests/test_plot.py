"""Timelines: the data behind them, the `timeline` command, and the charts (matplotlib optional)."""

import sys
from pathlib import Path

import pytest

from kzspeechlaw import plot
from kzspeechlaw.cli import main


def test_timeline_follows_the_successor() -> None:
    periods = plot.timeline("CC2014 130(2)")
    # AOC 73-3(2) is split at 2024-08-20 (Law 19.06.2024 No. 95-VIII: 'масс-медиа'; wording only).
    assert [str(p.ref) for p in periods] == ["CC2014 130(2)", "CC2014 130(2)", "AOC2014 73-3(2)", "AOC2014 73-3(2)"]
    assert periods[-1].successor_of is not None and str(periods[-1].successor_of) == "CC2014 130(2)"
    assert periods[1].last_day is not None and str(periods[1].last_day) == "2020-07-09"
    assert [str(p.ref) for p in plot.timeline("CC2014 130(2)", follow=False)] == ["CC2014 130(2)"] * 2
    assert periods[-1].custody_text() == "arrest 20 days (natural person); arrest 25 days (official)"


def test_mci_steps_fines_and_benefits() -> None:
    fines = {str(s.valid_from): s.kzt for s in plot.mci_steps()}
    benefits = {str(s.valid_from): s.kzt for s in plot.mci_steps("benefits")}
    assert fines["2020-04-01"] == 2778 and "2022-04-01" not in fines
    assert benefits["2022-04-01"] == 3180


def test_timeline_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "CC2014 174(1)"]) == 0
    out = capsys.readouterr().out
    assert "2016-01-01  2020-07-09  CC2014 174(1)  419-V   -" in out
    assert main(["timeline", "CC2014 130(2)", "--json"]) == 0
    assert '"successor_of": "CC2014 130(2)"' in capsys.readouterr().out


def test_timeline_plot_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "t.png"
    assert main(["timeline", "CC2014 130(2)", "--plot", str(target)]) == 0
    assert f"chart written to {target}" in capsys.readouterr().out
    first = target.read_bytes()
    assert first.startswith(b"\x89PNG")
    plot.plot_timeline("CC2014 130(2)", target)
    assert target.read_bytes() == first  # the same data gives the same bytes
    assert plot.plot_mci(tmp_path / "mci.png").stat().st_size > 0


@pytest.mark.parametrize("fmt, magic", [("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_the_chart_format_is_the_extensions(tmp_path: Path, fmt: str, magic: bytes) -> None:
    pytest.importorskip("matplotlib")
    assert plot.plot_timeline("CC2014 130(2)", tmp_path / f"t.{fmt}").read_bytes().startswith(magic)


@pytest.mark.parametrize("name, expected", [
    ("register.csv", "a chart file name ending in .png, .svg, .pdf"),  # a CSV is never replaced by a chart
    ("missing/t.png", "does not exist"),  # no folder is created
    ("folder.png", "a file name, not a folder"),
])
def test_plot_refuses_what_it_must_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                             expected: str) -> None:
    (tmp_path / "register.csv").write_text("id,act_date,conduct\n", encoding="utf-8")
    (tmp_path / "folder.png").mkdir()
    assert main(["timeline", "CC2014 130(2)", "--plot", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err
    assert (tmp_path / "register.csv").read_text(encoding="utf-8") == "id,act_date,conduct\n"
    assert not (tmp_path / "missing").exists()


def test_without_matplotlib_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    assert main(["timeline", "CC2014 130(2)", "--plot", str(tmp_path / "t.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "install the 'plot' extra" in err
    assert not (tmp_path / "t.png").exists()


def test_plot_is_not_imported_with_the_package() -> None:
    import subprocess

    code = "import kzspeechlaw.cli, sys; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
