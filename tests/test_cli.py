"""The command line: real queries, JSON output, one-line errors with exit status 2."""

import json
from pathlib import Path

import pytest

from kzspeechlaw.cli.commands import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_in_mci_and_tenge(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "ч. 3 ст. 130 УК РК", "--on", "2019-09-23")
    assert code == 0
    assert "CC2014 130(3)  Slander" in out
    assert "MCI on 2019-09-23 = 2 525 KZT" in out
    assert "fine up to 3 000 MCI  [up to 7 575 000 KZT]" in out


def test_show_json_and_lang(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "AOC2014 73-3(2)", "--on", "2021-03-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == "kzspeechlaw/1"
    fine = next(s for s in data["sanctions"] if s["kind"] == "fine" and s["subject"] == "official")
    assert fine["maximum_kzt"] == {"value": 650 * 2917, "unit": "KZT"}
    code, out, _ = run(capsys, "show", "CC2014 130(1)", "--on", "2019-01-01", "--lang", "kk")
    assert "Жала жабу" in out


def test_history_compare_mci_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history", "CC2014 130(2)")[1].count("CC2014 130(2)") == 2
    _, out, _ = run(capsys, "compare", "CC2014 130(1)", "2019-01-01", "2021-01-01", "--json")
    assert json.loads(out)["differences"] == [{"field": "in force", "before": "yes", "after": "no"}]
    assert "= 3 063 KZT" in run(capsys, "mci", "2022-06-01")[1]
    assert json.loads(run(capsys, "mci", "2022-06-01", "--purpose", "benefits", "--json")[1])["kzt"] == 3180
    assert "versions verified" in run(capsys, "coverage")[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "CC2014 130(1)", "--on", "2021-01-01"], "not in force on 2021-01-01"),
        (["show", "nonsense", "--on", "2021-01-01"], "cannot parse citation 'nonsense'"),
        (["show", "CC2014 130(1)", "--on", "2021-02-30"], "YYYY-MM-DD"),
        (["mci", "2030-01-01"], "no MCI is known for 2030-01-01"),
        (["history", "CC2014 999"], "not in the data"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_assess_from_flags_reads_like_a_memo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", "--act-date", "2019-03-15", "--conduct", "slander",
                       "--channel", "telecom_network", "--decided-on", "2021-01-01")
    assert code == 0
    assert "Outcome: DECRIMINALISED" in out
    assert "AOC2014 73-3(2)" in out and "Trace:" in out


def test_assess_from_a_file_with_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    incident = tmp_path / "incident.json"
    incident.write_text(json.dumps({
        "act_date": "2020-03-26", "conduct": "false_information", "channel": "telecom_network",
        "circumstances": ["emergency"], "decided_on": "2020-06-22",
    }), encoding="utf-8")
    code, out, _ = run(capsys, "assess", "--file", str(incident), "--json")
    data = json.loads(out)
    assert code == 0 and data["governing"] == "CC2014 274(4)(2)" and data["outcome"] == "liable"


def test_classify_with_repeatable_circumstances(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "classify", "--act-date", "2021-05-01", "--conduct", "incitement_of_discord",
                       "--discord", "national", "--channel", "public_speech", "--circumstance", "group",
                       "--circumstance", "repeated", "--json")
    refs = [m["ref"] for m in json.loads(out)]
    assert code == 0 and refs == ["CC2014 174(2)"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["assess", "--act-date", "2019-03-15", "--conduct", "gossip", "--decided-on", "2020-01-01"], "'conduct'"),
        (["assess", "--act-date", "2019-03-15", "--conduct", "slander"], "decided_on"),
        (["assess", "--file", "/nonexistent.json", "--decided-on", "2020-01-01"], "'file'"),
        (["classify", "--conduct", "slander"], "act_date"),
    ],
)
def test_bad_incidents_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["--port", "99999"], ["--host", ""], ["--host", "bogus host"]])
def test_serve_refuses_an_address_it_cannot_listen_on_in_one_line(argv: list[str],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("uvicorn")
    assert main(["serve", *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_debug_setting_of_0_keeps_the_one_line_error(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from kzspeechlaw.cli import commands

    monkeypatch.setenv("KZSPEECHLAW_DEBUG", "0")
    monkeypatch.setitem(commands.HANDLERS, "show", lambda args: 1 / 0)
    assert main(["show", "CC2014 130(3)", "--on", "2019-09-23"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_classify_before_the_data_begins_says_outside_the_modelled_scope(capsys: pytest.CaptureFixture[str]) -> None:
    """No code of the data was in force in 1995: that is not "no provision covers these facts"
    (a reader takes that for "not an offence"), but outside what the data models, as assess says."""
    assert main(["classify", "--act-date", "1995-06-01", "--conduct", "slander", "--channel", "mass_media"]) == 0
    out = capsys.readouterr().out
    assert "Outside the modelled scope on 1995-06-01" in out and "No modelled provision" not in out


@pytest.mark.parametrize(("argv", "article"), [
    (["--act-date", "1995-03-12", "--conduct", "slander", "--channel", "mass_media"], None),
    (["--act-date", "2025-03-12", "--conduct", "disclosure_of_minor_data", "--channel", "private",
      "--target", "president", "--offender", "official"], "AOC2014 79"),
])
def test_classify_json_outside_the_modelled_scope_is_not_the_empty_list(
        capsys: pytest.CaptureFixture[str], argv: list[str], article: str | None) -> None:
    """A tool reads ``[]`` as "no modelled provision covers these facts" (no offence in the data);
    outside the modelled scope the JSON is an object naming why, as the text says."""
    code, out, _ = run(capsys, "classify", *argv, "--json")
    data = json.loads(out)
    assert code == 0 and isinstance(data, dict) and data["matches"] == []
    assert data["on"] == argv[1] and [e["article"] for e in data["outside_scope"]] == [article]
    assert all(e["why"] for e in data["outside_scope"])
    text = run(capsys, "classify", *argv)[1]
    assert "Outside the modelled scope" in text and data["outside_scope"][0]["why"] in " ".join(text.split())


def test_classify_json_inside_the_scope_keeps_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    """Inside the modelled scope the JSON stays the list of matches: [] where none covers the facts."""
    argv = ["classify", "--act-date", "2021-03-15", "--conduct", "incitement_of_discord", "--channel", "private",
            "--discord", "national"]
    assert "No modelled provision covers these facts" in run(capsys, *argv)[1]
    assert json.loads(run(capsys, *argv, "--json")[1]) == []
    out = run(capsys, "classify", "--act-date", "2021-03-15", "--conduct", "insult", "--channel", "private", "--json")[1]
    assert [m["ref"] for m in json.loads(out)] == ["CC2014 131(1)"]


def test_classify_reads_an_incident_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``classify --file`` reads the document ``assess --file`` reads (its ``decided_on`` and ``id``
    set aside, as ``/api/classify`` does); it failed with an internal error."""
    path = tmp_path / "incident.json"
    path.write_text(json.dumps({"id": "c1", "act_date": "2019-03-15", "conduct": "slander",
                                "channel": "telecom_network", "decided_on": "2019-09-23"}), encoding="utf-8")
    code, out, err = run(capsys, "classify", "--file", str(path), "--json")
    assert (code, err) == (0, "") and [m["ref"] for m in json.loads(out)] == ["CC2014 130(2)"]


def test_help_to_a_full_disk_is_an_error_in_one_line() -> None:
    """argparse drops an error writing its help; the command line says it and exits 2, as for any
    output that cannot be written."""
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kzspeechlaw", "--help"], stdout=full, capture_output=False,
                              stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "cannot be written" in done.stderr
