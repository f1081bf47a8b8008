"""Timelines: the data behind them, the `timeline` command, and the charts (matplotlib optional)."""

import sys
from pathlib import Path
from typing import Any

import pytest

from kzspeechlaw import timelines
from kzspeechlaw.charts import plot
from kzspeechlaw.cli.commands import main


def test_timeline_follows_the_successor() -> None:
    periods = timelines.timeline("CC2014 130(2)")
    # AOC 73-3(2) is split at 2024-08-19 (Law 19.06.2024 No. 95-VIII: 'масс-медиа'; wording only).
    assert [str(p.ref) for p in periods] == ["CC2014 130(2)", "CC2014 130(2)", "AOC2014 73-3(2)", "AOC2014 73-3(2)"]
    assert periods[-1].successor_of is not None and str(periods[-1].successor_of) == "CC2014 130(2)"
    assert periods[1].last_day is not None and str(periods[1].last_day) == "2020-07-09"
    assert [str(p.ref) for p in timelines.timeline("CC2014 130(2)", follow=False)] == ["CC2014 130(2)"] * 2
    assert periods[-1].custody_text() == "administrative arrest 20 days (natural person); administrative arrest 25 days (official)"


def test_mci_steps_fines_and_benefits() -> None:
    fines = {str(s.valid_from): s.kzt for s in timelines.mci_steps()}
    benefits = {str(s.valid_from): s.kzt for s in timelines.mci_steps("benefits")}
    assert fines["2020-04-01"] == 2778 and "2022-04-01" not in fines
    assert benefits["2022-04-01"] == 3180


def test_timeline_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "CC2014 174(1)"]) == 0
    out = capsys.readouterr().out
    assert "2016-01-01  2020-07-09  CC2014 174(1)  419-V    -" in out
    assert "2024-08-19  in force    CC2014 174(1)  94-VIII  fine 2 000 MCI to 7 000 MCI" in out
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

    code = "import kzspeechlaw.cli.commands, sys; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def boxes_overlap(figure: Any) -> list[tuple[str, str]]:
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    clashes = []
    for ax in figure.axes:
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
        for i, (a, box) in enumerate(boxes):
            clashes += [(a, b) for b, other in boxes[i + 1:] if box.overlaps(other)]
    return clashes


def test_a_whole_article_chart_is_legible() -> None:
    pytest.importorskip("matplotlib")
    figure = plot.timeline_figure("CC2014 130")
    fine_ax, term_ax, arrest_ax = figure.axes
    assert [ax.get_ylabel() for ax in figure.axes] == ["fine (MCI)", "custody (years)", "arrest (days)"]
    # CC 2014 Art. 130 (1)-(3): fines up to 1 000, 2 000, 3 000 MCI; imprisonment up to 1, 2, 3 years.
    fines = {t.get_text() for t in fine_ax.texts}
    assert {"up to 1 000 MCI", "up to 2 000 MCI", "up to 3 000 MCI"} <= fines
    assert {t.get_text() for t in term_ax.texts} == {"up to 1 year", "up to 2 years", "up to 3 years"}
    # AOC Art. 73-3: arrest of 15, 20 and 25 days for natural persons, in days on their own axis.
    assert {"15 days", "20 days", "25 days"} <= {t.get_text() for t in arrest_ax.texts}
    assert not any("day" in t.get_text() for ax in (fine_ax, term_ax) for t in ax.texts)
    assert boxes_overlap(figure) == []
    assert figure.get_suptitle().startswith("CC2014 130 Slander")


def test_a_range_is_labelled_with_its_minimum_and_maximum() -> None:
    pytest.importorskip("matplotlib")
    figure = plot.timeline_figure("CC2014 174(1)")
    # CC 2014 Art. 174(1) from 10 July 2020 (Law 349-VI): a fine of 2 000 to 7 000 MCI, or
    # imprisonment of 2 to 7 years.
    assert {"min 2 000 MCI", "max 7 000 MCI"} <= {t.get_text() for t in figure.axes[0].texts}
    assert {"min 2 years", "max 7 years"} <= {t.get_text() for t in figure.axes[1].texts}
    assert len(figure.axes) == 2 and boxes_overlap(figure) == []
