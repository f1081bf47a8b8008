"""The command line as people expect it: help on a bare call, a version, help listing the
vocabulary, words instead of code names, readable notes, compare naming the repealing law and the
successor, one convention for end dates.

Expected legal facts: CC 2014 Art. 130(2) was repealed by Law 01.07.2020 No. 349-VI from
10 July 2020 (so last in force on 9 July 2020), the conduct moving to AOC Art. 73-3(2); Law
24.11.2015 No. 419-V replaced 'информационно-коммуникационных сетей' with 'сетей
телекоммуникаций' throughout the Code from 1 January 2016."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import kzspeechlaw
from kzspeechlaw.cli.commands import main
from kzspeechlaw.cli.wording import WIDTH
from kzspeechlaw.law import facts

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_bare_call_shows_the_commands_and_exits_2() -> None:
    done = subprocess.run([sys.executable, "-m", "kzspeechlaw"], capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    for command in ("show", "compare", "assess", "batch", "timeline"):
        assert command in done.stderr
    assert "Traceback" not in done.stderr


def test_help_is_on_stdout_with_status_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "--version" in out


def test_version_has_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"kzspeechlaw {kzspeechlaw.__version__}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "kzspeechlaw.__version__"}


def test_help_lists_every_value_of_the_vocabulary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", "--help")
    flat = " ".join(out.split())
    assert code == 0 and ", ..." not in flat
    for enum in (facts.Conduct, facts.Channel, facts.Target, facts.Allegation, facts.Discord,
                 facts.Circumstance, facts.Offender):
        for member in enum:
            assert member.value in flat, member


def test_text_output_speaks_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01")
    assert "correctional work up to 2 000 MCI" in out and "restriction of freedom up to 2 years" in out
    assert "correctional_work" not in out and "restriction_of_freedom" not in out
    _, out, _ = run(capsys, "show", "AOC2014 73-3(2)", "--on", "2021-03-01")
    assert "(natural person)" in out and "natural_person" not in out
    _, out, _ = run(capsys, "assess", "--act-date", "2019-03-15", "--conduct", "slander", "--channel",
                    "telecom_network", "--decided-on", "2019-12-01")
    assert out.startswith("Act of 2019-03-15 (slander, telecom network, about a person)")
    assert "correctional work" in out


HASH = re.compile(r"\b[0-9a-f]{40}\b")


@pytest.mark.parametrize(("ref", "on"), [("CC1997 129(1)", "2000-01-01"), ("CC1997 129(2)", "2011-06-01"),
                                         ("AOC2014 73-3(2)", "2021-03-01")])
def test_notes_are_wrapped_and_free_of_paths(capsys: pytest.CaptureFixture[str], ref: str, on: str) -> None:
    _, data, _ = run(capsys, "show", ref, "--on", on, "--json")
    notes = json.loads(data)["notes"]
    assert HASH.search(notes) or ".md" in notes  # the JSON keeps the provenance
    _, out, _ = run(capsys, "show", ref, "--on", on)
    text = out[out.index("notes:"):]
    assert not HASH.search(text) and "commit" not in text and ".md" not in text and "02-codes" not in text
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert "( " not in text and "()" not in text and ";;" not in text


def test_compare_names_the_repealing_law_and_the_successor(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "CC2014 130(2)", "2019-01-01", "2021-01-01")
    assert code == 0
    assert "last day 2020-07-09" in out and "repealed by Law 349-VI" in out and "AOC2014 73-3(2)" in out
    _, data, _ = run(capsys, "compare", "CC2014 130(2)", "2019-01-01", "2021-01-01", "--json")
    before = json.loads(data)["before_version"]
    assert (before["repealed_by"], before["successor"]) == ("349-VI", "AOC2014 73-3(2)")
    assert (before["valid_to"], before["last_day_in_force"]) == ("2020-07-10", "2020-07-09")
    assert json.loads(data)["after_version"] is None


def test_compare_shows_the_changed_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "compare", "CC2014 130(2)", "2015-06-01", "2016-06-01")
    assert "new version from 2016-01-01, given by Law 419-V" in out
    flat = " ".join(out.split())
    assert "[-информационно-коммуникационных сетей,-] {+сетей телекоммуникаций,+}" in flat
    assert len(flat) < 1000  # the unchanged words are cut, not the whole text twice


def test_reversed_dates_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", "CC2014 130(2)", "2021-01-01", "2019-01-01")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "reversed" in err


def test_one_convention_for_end_dates(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01")
    assert "in force from 2016-01-01 to 2020-07-09" in out
    _, data, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-01-01", "--json")
    shown = json.loads(data)
    assert (shown["valid_to"], shown["last_day_in_force"]) == ("2020-07-10", "2020-07-09")
    _, data, _ = run(capsys, "coverage", "--json")
    version = next(v for v in json.loads(data)["versions"]
                   if v["ref"] == "CC2014 130(2)" and v["valid_from"] == "2016-01-01")
    assert version["last_day_in_force"] == "2020-07-09"
    _, data, _ = run(capsys, "timeline", "CC2014 130(2)", "--json")
    last = next(p for p in json.loads(data) if p["ref"] == "CC2014 130(2)" and p["valid_from"] == "2016-01-01")
    assert (last["valid_to"], last["last_day_in_force"]) == ("2020-07-10", "2020-07-09")


def test_completion_where_argcomplete_is_installed(tmp_path: Path) -> None:
    pytest.importorskip("argcomplete")
    out = tmp_path / "completions"
    env = {"_ARGCOMPLETE": "1", "COMP_LINE": "kzspeechlaw sh", "COMP_POINT": "14", "_ARGCOMPLETE_IFS": "\n",
           "_ARGCOMPLETE_STDOUT_FILENAME": str(out), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kzspeechlaw"], env=env, capture_output=True, text=True)
    assert "show" in out.read_text(encoding="utf-8").split()


def test_compare_across_several_laws_names_each_of_them(capsys: pytest.CaptureFixture[str]) -> None:
    # CC 2014 Art. 174(1) between 2019 and 2025: Law 349-VI (the fine added, «разжигание», 2020),
    # Law 19-VIII (online platforms, 2023) and Law 94-VIII («масс-медиа», 2024) each changed it.
    assert main(["compare", "CC2014 174(1)", "2019-01-01", "2025-01-01"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "new version from 2024-08-19, given by Law 94-VIII" in out
    assert "successive versions, from: 2020-07-10 (Law 349-VI), 2023-09-09 (Law 19-VIII), 2024-08-19 (Law 94-VIII)" in out
    assert main(["compare", "CC2014 174(1)", "2019-01-01", "2025-01-01", "--json"]) == 0
    laws = [v["act"] for v in json.loads(capsys.readouterr().out)["versions_between"]]
    assert laws == ["349-VI", "19-VIII", "94-VIII"]
    assert main(["compare", "CC2014 174(1)", "2024-01-01", "2025-01-01"]) == 0
    assert "successive" not in capsys.readouterr().out  # one law: the line above says it
