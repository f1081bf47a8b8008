"""What the documentation shows, checked against the statutes: the timeline marks a version whose
in-force date was computed, not read.

The AOC 2014 Art. 73-3(2) wording «с использованием масс-медиа» comes from Law 19.06.2024
No. 95-VIII, which «вводится в действие по истечении шестидесяти календарных дней после дня его
первого официального опубликования» (footnote under Art. 73-3, 20.08.2024 text): its publication
date was not read, so 19.08.2024 is a computed date. The amendments of CC 2014 Art. 174(1) by
Law 26.06.2020 No. 349-VI and Law 19.06.2024 No. 94-VIII take effect by the same kind of rule
(«по истечении десяти календарных дней» / «шестидесяти календарных дней» «после дня его первого
официального опубликования»), and neither publication was read in a primary text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kzspeechlaw import timelines
from kzspeechlaw.cli.commands import main


def _table(ref: str, lang: str = "en") -> str:
    return timelines.timeline_table(timelines.timeline(ref), lang)


def test_timeline_marks_an_amendment_whose_date_was_computed() -> None:
    out = _table("CC2014 130(2)")
    assert "AOC2014 73-3(2) in force from 2024-08-19, given by Law 95-VIII (a date inferred, not read)" in out


def test_timeline_does_not_repeat_an_inferred_repeal_day() -> None:
    # 2020-07-10 is already marked by the repeal line of CC 2014 Art. 130(2).
    out = _table("CC2014 130(2)")
    assert "CC2014 130(2) repealed by Law 349-VI from 2020-07-10 (a date inferred, not read)" in out
    assert "in force from 2020-07-10" not in out


def test_timeline_of_174_marks_each_computed_date_and_not_the_read_ones() -> None:
    out = _table("CC2014 174(1)")
    for day, act in (("2020-07-10", "349-VI"), ("2024-08-19", "94-VIII")):
        assert f"CC2014 174(1) in force from {day}, given by Law {act} (a date inferred, not read)" in out
    # Law 24.11.2015 No. 419-V: «вводится в действие с 01.01.2016», a date read in the text.
    assert "in force from 2016-01-01" not in out
    assert "in force from 2015-01-01" not in out


def test_timeline_mark_is_translated() -> None:
    out = _table("CC2014 130(2)", "ru")
    assert "AOC2014 73-3(2) действует с 19.08.2024, редакция Закона 95-VIII (дата выведена, а не прочитана)" in out


def test_timeline_command_prints_the_mark(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "AOC2014 73-3(2)"]) == 0
    out = capsys.readouterr().out
    assert "AOC2014 73-3(2) in force from 2024-08-19, given by Law 95-VIII (a date inferred, not read)" in out


def test_monitoring_report_names_the_fact_an_answer_turns_on() -> None:
    """CC 2014 Art. 274 punishes «распространение заведомо ложной информации, создающей опасность
    нарушения общественного порядка или причинения существенного вреда»: the report's facts of the
    Ilyashev case do not state the knowledge or the danger, so the example says the answer turns on
    them rather than print a bare «liable»."""
    script = Path(__file__).resolve().parent.parent / "examples" / "monitoring_report.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True)
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Ilyashev"))
    assert lines[at + 2].strip() == "turns on (not stated): knowing_and_dangerous"


def test_timeline_custody_follows_the_1997_codes_own_order() -> None:
    """CC 1997 Art. 129(2) (08.07.2005 text): «... либо ограничением свободы на срок до двух лет,
    либо арестом на срок до шести месяцев». The 1997 Code lists its punishments mildest first
    (Art. 39(1)): «ж) ограничение свободы; з) арест; ... лишение свободы», so the most severe
    custody of that version is arrest, not restriction of freedom (the 2014 Code's Art. 40 order)."""
    first = timelines.timeline("CC1997 129(2)")[0]
    assert first.custody_text() == "arrest up to 6 months"
    # CC 2014 keeps its own order (Art. 40): restriction of freedom above arrest, imprisonment above both.
    assert timelines.timeline("CC2014 130(2)")[1].custody_text() == "imprisonment up to 2 years"


def test_timeline_chart_draws_the_1997_codes_arrest_in_months(tmp_path: Path) -> None:
    """The arrest of CC 1997 Art. 129(2) is «на срок до шести месяцев»: a term in months, drawn with
    the other terms in years, not on the panel of arrest in days (AOC 2014, CC 2014 Art. 45)."""
    pytest.importorskip("matplotlib")
    from kzspeechlaw.charts import plot

    path = plot.plot_timeline("CC1997 129(2)", tmp_path / "slander-1997.png")
    assert path.read_bytes().startswith(b"\x89PNG")
