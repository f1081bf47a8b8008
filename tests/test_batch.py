"""Registers of incidents: one record per row, in order, errors naming their field; the tally."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli.batching import _Progress
from kzspeechlaw.cli.commands import main
from kzspeechlaw.registers import batch, keyed, rows
from kzspeechlaw.registers.reading import read_register

COLUMNS = ["id", "act_date", "conduct", "channel", "target", "allegation", "discord", "circumstances",
           "decided_on"]

# A register with malformed rows among good ones: (row, the field its error must name or None).
REGISTER: list[tuple[dict[str, str], str | None]] = [
    ({"id": "ok-1", "act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network",
      "decided_on": "2019-12-01"}, None),
    ({"id": "bad-conduct", "act_date": "2019-03-15", "conduct": "gossip", "decided_on": "2019-12-01"}, "conduct"),
    ({"id": "bad-date", "act_date": "2019-02-30", "conduct": "insult", "decided_on": "2019-12-01"}, "act_date"),
    ({"id": "bad-channel", "act_date": "2020-03-26", "conduct": "false_information", "channel": "pigeon",
      "decided_on": "2020-06-22"}, "channel"),
    ({"id": "no-date", "act_date": "", "conduct": "slander", "decided_on": "2019-12-01"}, "act_date"),
    ({"id": "ok-sets", "act_date": "2020-03-26", "conduct": "false_information", "channel": "telecom_network",
      "circumstances": "emergency;group", "decided_on": "2020-06-22"}, None),
    ({"id": "ok-discord", "act_date": "2017-04-01", "conduct": "incitement_of_discord",
      "channel": "telecom_network", "discord": "national;religious", "decided_on": "2018-01-10"}, None),
    ({"id": "bad-decision", "act_date": "2019-03-15", "conduct": "slander", "decided_on": "2019-01-01"},
     "decided_on"),
    ({"id": "ok-default-date", "act_date": "2021-03-01", "conduct": "slander", "channel": "mass_media"}, None),
]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.DictWriter(handle, COLUMNS)
        out.writeheader()
        out.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            data: dict[str, Any] = {k: v for k, v in row.items() if v != ""}
            for key in ("circumstances", "discord"):
                if key in data:
                    data[key] = data[key].split(";")
            if row.get("act_date") == "":
                data["act_date"] = ""
            handle.write(json.dumps(data) + "\n")
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


BRIEF_KEYS = {"id", "outcome", "falls_under", "governing", "category", "mci_date", "limitation", "fine_mci",
              "fine_kzt", "depends_on"}


def check_records(records: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in records] == [row["id"] for row, _ in REGISTER]
    for record, (_, field) in zip(records, REGISTER, strict=True):
        if field is None:
            assert "error" not in record, record
            assert record["outcome"] in ("liable", "decriminalised", "time_barred", "time_barred_unless_stopped", "no_provision",
                                         "outside_scope")
        else:
            assert record["error"]["field"] == field, record
            assert record["error"]["message"]


# --- the API --------------------------------------------------------------------------------


def test_assess_many_gives_one_result_per_row_in_order() -> None:
    rows = [{k: v for k, v in row.items() if v != ""} for row, _ in REGISTER]
    results = list(kz.assess_many(rows, decided_on="2021-06-01"))
    assert [r.row for r in results] == list(range(1, len(REGISTER) + 1))
    check_records([r.to_dict() for r in results])
    bad_conduct = results[1]
    assert not bad_conduct.ok and bad_conduct.error is not None
    assert bad_conduct.error.value == "gossip"
    assert results[0].assessment is not None and str(results[0].assessment.governing.ref) == "CC2014 130(2)"
    assert results[5].assessment is not None
    assert results[5].assessment.incident.circumstances == {kz.Circumstance.EMERGENCY, kz.Circumstance.GROUP}


def test_assess_many_takes_incidents_and_needs_a_decision_date() -> None:
    inc = kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network")
    (ok,) = kz.assess_many([inc], decided_on="2019-12-01")
    assert ok.ok and ok.id == 1
    assert ok.to_dict() == {"id": 1, **kz.assess(inc, "2019-12-01").to_dict()}
    for brief in (False, True):  # the output line is the plain encoding of the record
        assert ok.to_json(brief) == json.dumps(ok.to_dict(brief), ensure_ascii=False)
    (missing,) = kz.assess_many([inc])
    assert missing.error is not None and missing.error.field == "decided_on"
    (junk,) = kz.assess_many([42])  # type: ignore[list-item]
    assert junk.error is not None and junk.error.field is None


def test_other_law_errors_have_no_field(monkeypatch: pytest.MonkeyPatch) -> None:
    def out_of_coverage(*args: object) -> None:
        raise kz.OutOfCoverage("no MCI is known for 2031-01-01")

    monkeypatch.setattr(rows, "assess", out_of_coverage)
    (result,) = kz.assess_many([REGISTER[0][0]])
    assert result.to_dict() == {"id": "ok-1", "error": {
        "field": None, "value": None, "message": "no MCI is known for 2031-01-01"}}


def test_brief_record() -> None:
    (result,) = kz.assess_many([REGISTER[0][0]])
    assert result.to_dict(brief=True) == {
        "id": "ok-1", "outcome": "liable", "falls_under": "CC2014 130(2)", "governing": "CC2014 130(2)",
        "category": "small_gravity",
        "mci_date": "2019-03-15", "limitation": "running", "fine_mci": {"min": 200, "max": 2000},
        "fine_kzt": {"min": 200 * 2525, "max": 2000 * 2525}, "depends_on": ["allegation"],  # 130(3) if it alleged a grave crime
    }


def test_brief_record_of_a_decriminalised_act_names_its_part() -> None:
    row = {"id": 7, "act_date": "2019-03-15", "conduct": "slander", "channel": "mass_media"}
    (result,) = kz.assess_many([row], decided_on="2021-06-01")  # CC 130 repealed from 2020-07-10
    assert result.to_dict(brief=True) == {
        "id": 7, "outcome": "decriminalised", "falls_under": "CC2014 130(2)", "governing": None,
        "category": "small_gravity", "mci_date": None, "limitation": None, "fine_mci": None, "fine_kzt": None,
        "depends_on": [],
    }


def test_no_provision_has_no_category_and_no_regime() -> None:
    """A legal entity's insult: no modelled part reaches it (the Criminal Code punishes natural
    persons). The brief record gives no category and the tally counts it under no regime, not as
    the criminal part it matched: a count of criminal cases does not hold it."""
    row = {"id": "E", "act_date": "2021-03-15", "conduct": "insult", "channel": "telecom_network",
           "offender": "legal_entity"}
    (result,) = kz.assess_many([row], decided_on="2021-06-01")
    brief = result.to_dict(brief=True)
    assert (brief["outcome"], brief["falls_under"], brief["governing"], brief["category"]) == (
        "no_provision", "CC2014 131(2)", None, None)
    t = batch.tally([result]).to_dict()
    assert t["by_regime"] == {"none": 1} and t["by_month"]["2021-03"]["criminal"] == 0
    assert t["by_part"] == {"CC2014 131(2)": 1}  # the part the act fell under is still counted


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_cli_register_with_malformed_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    rows = [row for row, _ in REGISTER]
    path = write_csv(tmp_path / "r.csv", rows) if suffix == ".csv" else write_jsonl(tmp_path / "r.jsonl", rows)
    code, records, err = run_cli(capsys, "batch", str(path), "--decided-on", "2021-06-01", "--full")
    assert code == 0
    check_records(records)
    assert "9 rows: 4 assessed, 5 failed" in err
    assert records[0]["schema"] == "kzspeechlaw/1" and records[0]["governing"] == "CC2014 130(2)"
    _, brief, _ = run_cli(capsys, "batch", str(path), "--decided-on", "2021-06-01")  # the default record
    check_records(brief)
    for full, short in zip(records, brief, strict=True):
        assert all(full[key] == short[key] for key in short if key in full and key != "limitation"), short
        if "outcome" in short:
            assert short["falls_under"] == (full["matches"][0]["ref"] if full["matches"] else None)
            assert short["limitation"] == (full["limitation"]["status"] if full["limitation"] else None)


def test_cli_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = write_csv(tmp_path / "r.csv", [row for row, _ in REGISTER]).read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    code, records, _ = run_cli(capsys, "batch", "-", "--decided-on", "2021-06-01")
    assert code == 0
    check_records(records)
    assert set(records[0]) == BRIEF_KEYS


def test_cli_jsonl_lines_that_are_not_objects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "act_date": "2019-03-15", "conduct": "slander", "decided_on": "2019-12-01"}\n'
                    "not json\n\n[1, 2]\n", encoding="utf-8")
    code, records, err = run_cli(capsys, "batch", str(path), "--output", str(tmp_path / "out.jsonl"))
    assert code == 0 and records == []
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in written] == ["a", 2, 3]
    assert written[1]["error"]["field"] is None and written[2]["error"]["field"] is None
    assert "3 rows: 1 assessed, 2 failed" in err


@pytest.mark.parametrize(
    ("header", "message"),
    [("id,conduct", "'act_date'"), ("act_date,conduct,act_date", "once"), ("act_date,Conduct,CONDUCT ", "once")],
)
def test_cli_bad_header_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str,
                                            message: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text(header + "\n2019-03-15,slander,x\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "batch", str(path))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_cli_needs_a_known_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text("act_date,conduct\n", encoding="utf-8")
    assert run_cli(capsys, "batch", str(path))[0] == 2
    assert run_cli(capsys, "batch", str(path), "--format", "csv")[0] == 0


@pytest.mark.parametrize("full", [[], ["--full"]])
def test_stale_decisions_warn_once(tmp_path: Path, capsys: pytest.CaptureFixture[str], full: list[str]) -> None:
    row = {"act_date": "2024-03-01", "conduct": "slander", "channel": "mass_media", "decided_on": "2026-06-01"}
    path = write_csv(tmp_path / "r.csv", [dict(row, id=str(i)) for i in range(5)])
    code, records, err = run_cli(capsys, "batch", str(path), *full)
    assert code == 0 and len(records) == 5
    assert err.count("warning:") == 1


def test_progress_counter_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = _Progress(stream)
    progress.update(10)
    assert stream.getvalue() == ""  # not yet: the run is young
    progress.started -= 5
    progress.update(12_345)
    progress.done()
    assert "\rkzspeechlaw: 12 345 rows..." in stream.getvalue() and stream.getvalue().endswith("\r")


# --- the tally -----------------------------------------------------------------------------


TALLY_ROWS = [
    # Two slanders of 2019 on CC 130(2): fine 200 to 2,000 MCI at 2,525 tenge each.
    {"id": "s1", "act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network",
     "decided_on": "2019-12-01"},
    {"id": "s2", "act_date": "2019-05-02", "conduct": "slander", "channel": "mass_media",
     "decided_on": "2020-01-15"},
    # An administrative slander of 2021 (AOC 73-3(2): a fixed fine of 180 MCI at 2,917 tenge).
    {"id": "a1", "act_date": "2021-03-01", "conduct": "slander", "channel": "mass_media",
     "decided_on": "2021-04-15"},
    # A 2019 slander decided after the decriminalisation: counted, no fine.
    {"id": "d1", "act_date": "2019-05-20", "conduct": "slander", "channel": "mass_media",
     "decided_on": "2021-01-10"},
    {"id": "x1", "act_date": "2019-05-20", "conduct": "gossip", "decided_on": "2021-01-10"},
]


def test_tally_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "r.csv", TALLY_ROWS)
    assert main(["tally", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["rows"], report["succeeded"], report["failed"]) == (5, 4, 1)
    assert report["by_part"] == {"CC2014 130(2)": 3, "AOC2014 73-3(2)": 1}
    assert report["by_code"] == {"AOC2014": 1, "CC2014": 3}
    assert report["by_outcome"] == {"decriminalised": 1, "liable": 3}
    assert report["by_regime"] == {"administrative": 1, "criminal": 3}
    assert report["by_month"]["2019-03"] == {"rows": 1, "criminal": 1, "administrative": 0, "liable": 1,
                                             "fine_kzt_min": 200 * 2525, "fine_kzt_max": 2000 * 2525,
                                             "fines_not_in_tenge": 0}
    assert report["by_month"]["2019-05"]["rows"] == 2 and report["by_month"]["2019-05"]["liable"] == 1
    assert report["fine_kzt"] == {"min": 2 * 200 * 2525 + 180 * 2917, "max": 2 * 2000 * 2525 + 180 * 2917}
    # Chunked (and in two processes), the partial tallies add up to the same report.
    assert main(["tally", str(path), "--json", "--chunk-size", "2", "--workers", "2"]) == 0
    assert json.loads(capsys.readouterr().out) == report
    assert batch.tally(kz.assess_many(TALLY_ROWS)).to_dict() == report


def test_tally_report_says_how_many_answers_are_undecided(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text report gives the count ``tally --json`` gives as ``undecided``: a reader of the
    table is told how many answers the facts stated do not decide."""
    path = write_csv(tmp_path / "r.csv", TALLY_ROWS)
    assert main(["tally", str(path), "--json"]) == 0
    undecided = json.loads(capsys.readouterr().out)["undecided"]
    assert undecided > 0
    assert main(["tally", str(path)]) == 0
    assert f"undecided: {undecided} (answers that turn on a fact" in capsys.readouterr().out


def test_tally_of_two_slanders_via_the_api_and_the_table(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    t = batch.tally(kz.assess_many(TALLY_ROWS[:2]))
    assert (t.fine_kzt_min, t.fine_kzt_max) == (2 * 200 * 2525, 2 * 2000 * 2525)
    assert dict(t.by_part) == {"CC2014 130(2)": 2}
    path = write_csv(tmp_path / "r.csv", TALLY_ROWS[:2])
    assert main(["batch", str(path), "--summary"]) == 0
    table = capsys.readouterr().out
    assert "CC2014 130(2)" in table and "1 010 000" in table and "10 100 000" in table


# --- a long register ---------------------------------------------------------------------------


KINDS = [
    {"conduct": "slander", "channel": "telecom_network"},
    {"conduct": "insult", "channel": "mass_media"},
    {"conduct": "false_information", "channel": "telecom_network", "circumstances": "emergency"},
    {"conduct": "incitement_of_discord", "channel": "mass_media", "discord": "national;social"},
]


def long_register(n: int) -> tuple[list[dict[str, str]], set[int]]:
    rows, bad = [], set()
    for i in range(n):
        year = 2016 + i % 8
        row = {"id": f"r{i}", "act_date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
               "decided_on": f"{year + 1}-06-30", **KINDS[i % len(KINDS)]}
        if i % 4999 == 17:
            row["channel"] = "carrier_pigeon"
            bad.add(i)
        rows.append(row)
    return rows, bad


def test_twenty_thousand_rows_via_the_api() -> None:
    rows, bad = long_register(20_000)
    count = 0
    for count, result in enumerate(kz.assess_many(rows), 1):
        assert result.id == f"r{count - 1}"
        assert result.ok == (count - 1 not in bad)
    assert count == 20_000


def test_twenty_thousand_rows_via_the_cli_in_parallel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows, bad = long_register(20_000)
    path = write_csv(tmp_path / "long.csv", rows)
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli(capsys, "batch", str(path), "--workers", "2", "--chunk-size", "1000",
                           "--output", str(out))
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 20_000
    assert [r["id"] for r in records] == [f"r{i}" for i in range(20_000)]
    assert {i for i, r in enumerate(records) if "error" in r} == bad
    assert f"20000 rows: {20_000 - len(bad)} assessed, {len(bad)} failed" in err


def test_run_yields_chunks_of_json_lines_in_order() -> None:
    rows, bad = long_register(500)
    text = "".join(json.dumps(r) + "\n" for r in rows)
    chunks = list(batch.run(read_register(io.StringIO(text)), output="full", chunk_size=200))
    assert [c.tally.rows for c in chunks] == [200, 200, 100]
    records = [json.loads(line) for c in chunks for line in c.records]
    assert [r["id"] for r in records] == [r["id"] for r in rows]
    assert all(r["schema"] == "kzspeechlaw/1" for i, r in enumerate(records) if i not in bad)
    assert b"".join(c.output for c in chunks).decode("utf-8").count("\n") == 500


def test_run_writes_brief_records_by_default_and_refuses_an_unknown_output() -> None:
    rows, bad = long_register(50)
    text = "".join(json.dumps(r) + "\n" for r in rows)
    (chunk,) = batch.run(read_register(io.StringIO(text)))
    first = next(json.loads(line) for i, line in enumerate(chunk.records) if i not in bad)
    assert set(first) == BRIEF_KEYS
    register = read_register(io.StringIO(text))
    with pytest.raises(kz.InvalidIncident, match=r"'fuller'.*one of brief, full, none"):
        batch.run(register, output="fuller")  # refused at the call, before any row is read
    for name, bad in (("chunk_size", 0), ("workers", 0), ("chunk_size", 2.5)):
        with pytest.raises(kz.InvalidIncident, match=f"field '{name}'"):
            batch.run(register, **{name: bad})  # type: ignore[arg-type]


def test_an_explanation_that_fails_is_the_rows_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(a: object) -> None:
        raise kz.OutOfCoverage("no text for this step")

    monkeypatch.setattr(sys.modules["kzspeechlaw.reasoning.assessment"], "_explain", broken)  # the package's assess is the function
    text = "".join(json.dumps(row) + "\n" for row, _ in REGISTER)
    full = [json.loads(line) for c in batch.run(read_register(io.StringIO(text)), "2021-06-01", output="full")
            for line in c.records]
    assert [r["id"] for r in full] == [row["id"] for row, _ in REGISTER]
    for record, (_, field) in zip(full, REGISTER, strict=True):  # good rows now fail, without a field
        assert record["error"]["field"] == field
        assert (record["error"]["message"] == "no text for this step") == (field is None)
    (brief,) = batch.run(read_register(io.StringIO(text)), "2021-06-01")  # brief records need no text
    assert brief.tally.succeeded == 4


# --- import stays light ------------------------------------------------------------------------


def test_import_does_not_import_pint() -> None:
    code = "import sys, kzspeechlaw; assert 'pint' not in sys.modules; kzspeechlaw.ureg; assert 'pint' in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_time_index_and_sentencing_rules_load_without_pint() -> None:
    """A register's keys read the days of every rule, the sentencing rules' among them: those load
    without the unit registry (their amounts are kept as ``Amount``), which a batch whose answers
    were kept never needs; the rules still give quantities when asked."""
    code = ("import sys; from kzspeechlaw.registers import keys; from kzspeechlaw.law import sentencing_rules as s; "
            "keys.act_index(); keys.decision_index(); s.rules(); assert 'pint' not in sys.modules; "
            "import datetime as dt; rule = s.find('CC2014', 'unpaid_fine', dt.date(2020, 1, 1)); "
            "assert rule is not None and all(str(per.units) == 'MCI' for cat in rule.ratios "
            "for _, _, per in rule.replacements(cat)); assert 'pint' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_tally_counts_limitation_statuses() -> None:
    rows = [
        # CC 2014 131(1), a criminal misdemeanour: one year (Art. 71(1)(1)), run out by 2021
        {"id": "old-insult", "act_date": "2019-03-15", "conduct": "insult", "decided_on": "2021-03-15"},
        {"id": "slander", "act_date": "2019-03-15", "conduct": "slander", "decided_on": "2019-12-01"},
        {"id": "gossip", "act_date": "2019-03-15", "conduct": "gossip", "decided_on": "2019-12-01"},
    ]
    results = list(kz.assess_many(rows))
    assert [r.to_dict(brief=True).get("limitation") for r in results] == ["expired", "running", None]
    assert dict(batch.tally(results).by_limitation) == {"expired": 1, "running": 1}


def test_tally_counts_the_answers_the_facts_did_not_decide() -> None:
    # AOC 2014 Art. 62(1): two months; Art. 62(5), (7): a referral, an expert examination or a new
    # offence within them stops or interrupts the period, which the rows do not say. CC 2014
    # Art. 274 needs knowingly false information creating a danger; AOC Art. 456-2 does not.
    register = [
        {"id": 1, "act_date": "2025-06-15", "conduct": "slander", "channel": "telecom_network", "decided_on": "2025-10-01",
         "allegation": "none"},
        {"id": 2, "act_date": "2019-03-15", "conduct": "slander", "channel": "mass_media", "decided_on": "2019-09-23",
         "allegation": "none"},
        {"id": 3, "act_date": "2016-05-01", "conduct": "false_information", "channel": "telecom_network",
         "decided_on": "2017-01-01"},
    ]
    t = batch.tally(kz.assess_many(register))
    assert t.undecided == 2
    assert t.by_depends_on["referral"] == 1 and t.by_depends_on["knowing_and_dangerous"] == 1
    assert t.to_dict()["undecided"] == 2


@pytest.mark.parametrize("fault", ["raise", "exit"])
def test_a_worker_fault_stops_the_run_instead_of_hanging(monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    """A fault of the program in a worker process is raised in the parent; a worker that dies
    (killed, out of memory) is said, not waited for."""
    import multiprocessing
    import os

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers must be forked to see the broken chunk")

    def broken(*args: Any) -> Any:
        if fault == "raise":
            raise ValueError("boom in a worker")
        os._exit(3)

    monkeypatch.setattr(batch.keyed_path, "run_chunk", broken)  # the workers are forked after this
    rows_, _ = long_register(50)
    text = "".join(json.dumps(r) + "\n" for r in rows_)
    expected = (ValueError, "boom in a worker") if fault == "raise" else (RuntimeError, "exit code 3")
    with pytest.raises(expected[0], match=expected[1]):
        list(batch.run(read_register(io.StringIO(text)), workers=2, chunk_size=10))


class _Source:
    """A caller's own object kept beside a row's fields (its repr holds its address)."""


def _python_register(items: list[dict[str, Any]]) -> Any:
    from kzspeechlaw.registers.reading import Register

    return Register("python", (), iter(items))


def _quiet_bytes(register: Any, **kwargs: Any) -> bytes:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return b"".join(c.output for c in batch.run(register, **kwargs))


def test_rows_that_cannot_be_sent_to_a_worker_are_assessed_in_the_parent() -> None:
    """A register built in Python may hold a value that cannot be pickled (a function): its chunk
    is assessed in the parent, whole; no chunk is lost and the run does not wait for ever."""
    def items() -> list[dict[str, Any]]:
        return [{"id": f"r{i}", "act_date": "2019-03-15", "conduct": "slander", "note": (lambda: None) if i == 7 else "",
                 "decided_on": "2020-06-01"} for i in range(100)]

    register = items()  # the same objects in both runs (an error record quotes the function)
    parallel = _quiet_bytes(_python_register(register), workers=2, chunk_size=10)
    assert parallel == _quiet_bytes(_python_register(register), keyed=False, chunk_size=10)
    assert parallel.count(b"\n") == 100


def test_values_whose_text_differs_between_processes_do_not_move_a_row() -> None:
    """A row's part is read from its dates, never from the text of its values (an object's repr
    holds its address, a set's order its process's hash seed): every row is written once."""
    def items() -> list[dict[str, Any]]:
        return [{"id": f"r{i}", "act_date": f"2019-{1 + i % 12:02d}-15", "conduct": "incitement_of_discord",
                 "discord": {"social", "national", "religious"} if i % 2 else {"social", "religious"},
                 "source": _Source(), "decided_on": "2020-06-01"} for i in range(300)]

    import re

    register = items()
    parallel = _quiet_bytes(_python_register(register), workers=2, chunk_size=50)
    reference = _quiet_bytes(_python_register(register), keyed=False, chunk_size=50)
    address = re.compile(rb"0x[0-9a-f]+")  # a copy of the object in a worker is at another address
    assert address.sub(b"0x", parallel) == address.sub(b"0x", reference)
    assert [json.loads(line)["id"] for line in parallel.splitlines()] == [f"r{i}" for i in range(300)]


_KILLED_WHILE_SENDING = """
import io, os, warnings
warnings.simplefilter("ignore")
from kzspeechlaw.registers import batch, rows
from kzspeechlaw.registers.reading import read_register
from kzspeechlaw.registers.tally import Tally

def run_chunk(task, part=0, parts=1):
    if parts > 1 and part == 1:  # a part larger than a pipe holds
        return rows.Share(b"x" * (1 << 21), Tally(), True, 0, b"", 1)
    return real(task, part, parts)

def written(fd, data):
    if len(data) > 1 << 20:  # half of the records written, then the worker dies
        os.write(fd, bytes(data[: len(data) // 2]))
        os._exit(9)
    return wrote(fd, data)

real, batch._run_chunk = batch._run_chunk, run_chunk
wrote, batch._written = batch._written, written
text = "act_date,conduct,decided_on\\n" + "2019-03-15,slander,2019-12-01\\n" * 20
try:
    list(batch.run(read_register(io.StringIO(text)), workers=2, chunk_size=10))
except RuntimeError as error:
    print("stopped:", error)
"""


def test_a_worker_killed_while_sending_its_part_stops_the_run(tmp_path: Path) -> None:
    """A worker killed half-way through sending its part: the parent sees the pipe end and says
    which worker ended, instead of waiting for the rest for ever."""
    import multiprocessing
    import os
    import signal

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers must be forked to run the patched chunk")
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WHILE_SENDING], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        out = child.communicate(timeout=60)[0]
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail("the run waits for ever for a worker that died")
    assert "stopped: batch worker 1 ended with exit code 9" in out


def test_a_register_that_fails_half_way_gives_the_chunks_read_before() -> None:
    """Where reading the register fails (a disk error), the chunks read before it are given before
    the error, as in one process."""
    from kzspeechlaw.registers.reading import Register

    def items() -> Any:
        for i in range(25):
            yield {"id": f"r{i}", "act_date": "2019-03-15", "conduct": "slander", "decided_on": "2020-06-01"}
        raise OSError("the disk went away")

    for workers in (1, 2):
        got = []
        with pytest.raises(OSError, match="disk"):
            for chunk in batch.run(Register("python", (), items()), workers=workers, chunk_size=10):
                got.append(chunk.tally.rows)
        assert got == [10, 10], workers


_SPAWNED = """
import multiprocessing, sys, warnings
warnings.simplefilter("ignore")
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import Register

ROWS = [{"id": f"r{i}", "act_date": f"2019-{1 + i % 12:02d}-15", "conduct": "incitement_of_discord",
         "discord": {"social", "national", "religious"} if i % 2 else {"social", "religious"},
         "decided_on": "2020-06-01"} for i in range(200)]

def run(**kwargs):
    return b"".join(c.output for c in batch.run(Register("python", (), iter(ROWS)), chunk_size=50, **kwargs))

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print("same" if run(workers=2) == run(keyed=False) else "DIFFER")
"""


def test_spawned_workers_write_the_reference_bytes(tmp_path: Path) -> None:
    """Workers started afresh (``spawn``, the start method of macOS and Windows: each its own hash
    seed, so a set is iterated in another order) take their parts and write the reference's bytes."""
    script = tmp_path / "spawned.py"
    script.write_text(_SPAWNED, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180)
    assert done.stdout.strip() == "same", done.stderr[-2000:]


_ORPHANED = """
import io, multiprocessing, os, signal, sys, warnings
warnings.simplefilter("ignore")
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import read_register

text = "act_date,conduct,decided_on\\n" + "".join(f"2019-03-{1 + i % 28:02d},slander,2020-06-01\\n" for i in range(400))
chunks = batch.run(read_register(io.StringIO(text)), workers=4, chunk_size=20)
next(chunks)
with open(sys.argv[1], "w") as out:
    out.write(" ".join(str(p.pid) for p in multiprocessing.active_children()))
os.kill(os.getpid(), signal.SIGKILL)  # the parent killed (the OOM killer, kill -9): no clean-up runs
"""


def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """Workers whose parent was killed end on their own (they would otherwise wait for chunks for
    ever, holding the parent's output open)."""
    import time

    if not Path("/proc").is_dir():
        pytest.skip("reads the processes' state in /proc")
    pid_file = tmp_path / "workers"
    subprocess.run([sys.executable, "-c", _ORPHANED, str(pid_file)], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)  # not waiting for the workers' end of its output
    pids = [int(p) for p in pid_file.read_text(encoding="ascii").split()]
    assert len(pids) == 4

    def alive(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 6  # each checks every second, all at once
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(p) for p in pids)


def test_parts_that_disagree_stop_the_run() -> None:
    """The parent checks that the processes' parts of a chunk fit: the same part twice, or
    processes that disagree on a row's part, are an error, never a row written twice or lost. The
    same share given for both parts is told by its count of rows: the parts here have 23 and 27."""
    rows_, _ = long_register(50)
    text = "".join(json.dumps(r) + "\n" for r in rows_)
    task = next(batch._tasks(read_register(io.StringIO(text)), None, "brief", 50, True))
    first, second = batch._run_chunk(task, 0, 2), batch._run_chunk(task, 1, 2)
    assert first.parts is not None and first.parts.count(0) != first.parts.count(1)
    assert batch._merged(task, [first, second]).output.count(b"\n") == 50
    twice = first._replace(part=1)
    other = second._replace(parts=bytes(1 - p for p in (second.parts or b"")))
    short = second._replace(output=second.output.split(b"\n", 1)[1])  # a record lost
    extra = second._replace(output=second.output + b'{"id": "x"}\n')  # a record too many
    cut = second._replace(output=second.output[:-1])  # the last record's end lost
    for shares in ([first, twice], [first, other], [first, short], [first, extra], [first, cut]):
        with pytest.raises(RuntimeError, match="do not fit"):
            batch._merged(task, shares)


def test_parts_in_runs_that_disagree_stop_the_run() -> None:
    """Where the rows go to the processes in runs (each a consecutive part of the chunk), the parent
    counts each part's records: a record lost, one too many or a last record cut stops the run; and
    putting the parts together leaves them as they came."""
    rows_, _ = long_register(40)
    fields = list(dict.fromkeys(name for row in rows_ for name in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows_)
    text = out.getvalue()
    task = next(batch._tasks(read_register(io.StringIO(text)), None, "brief", 40, True))
    router = keyed.Router(2, known=True)  # in runs from the first chunk
    shares = batch._shares(task, router, 2)
    assert shares[0].where == keyed.in_runs([20, 20])
    first, second = (batch._run_chunk(s, n, 2) for n, s in enumerate(shares))
    rows_before = first.tally.rows
    assert batch._merged(task, [first, second]).output.count(b"\n") == 40
    assert first.tally.rows == rows_before == 20  # not added into
    short = second._replace(output=second.output.split(b"\n", 1)[1])
    extra = second._replace(output=second.output + b'{"id": "x"}\n')
    cut = second._replace(output=second.output[:-1])
    for broken in (short, extra, cut):
        with pytest.raises(RuntimeError, match="do not fit"):
            batch._merged(task, [first, broken])


def test_the_command_line_says_a_worker_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """A worker process that dies (the system's out-of-memory killer, kill -9) is said as what it
    is, in one line, not as a fault of the program to report."""
    import multiprocessing
    import os

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers must be forked to see the broken chunk")
    monkeypatch.setattr(batch.keyed_path, "run_chunk", lambda *args: os._exit(3))
    rows_, _ = long_register(50)
    path = write_csv(tmp_path / "r.csv", rows_)
    code, _, err = run_cli(capsys, "batch", str(path), "--workers", "2", "--chunk-size", "10")
    assert code == 1
    assert err == ("kzspeechlaw: worker process 0 stopped (exit code 3), and so did the run; run it again, "
                   "with fewer --workers if it recurs\n")


@pytest.mark.parametrize("apart", [True, False])
def test_a_workers_share_crosses_its_pipe_whole(monkeypatch: pytest.MonkeyPatch, apart: bool) -> None:
    """A worker's share is sent with its records apart from the rest (read straight into one
    buffer where the pipe is a file descriptor; else pickled with the rest), and a fault as
    itself: what arrives is what was sent."""
    import multiprocessing
    import pickle
    import threading

    from kzspeechlaw.registers import batch, rows
    from kzspeechlaw.registers.tally import Tally

    monkeypatch.setattr(batch, "_APART", apart and batch._APART)

    share = rows.Share(b"".join(b"%d\n" % n for n in range(300_000)), Tally(), True, 7, b"\x00\x01", 1, 3)
    fault = batch._Fault(ValueError("x"), "traceback")
    reader, writer = multiprocessing.Pipe(duplex=False)
    sending = threading.Thread(target=lambda: [batch._send(writer, x) for x in (share, fault)])
    sending.start()  # the records are larger than the pipe holds: read while they are written
    got = [batch._received(reader, pickle.loads(reader.recv_bytes())) for _ in range(2)]
    sending.join()
    assert got[0] == share and bytes(got[0].output) == share.output
    assert isinstance(got[1], batch._Fault) and got[1].traceback == "traceback"


def test_shares_of_a_chunk_without_rows_fit_together() -> None:
    """A chunk of no rows, in parts, gives no records (the parts fit)."""
    from kzspeechlaw.registers import batch, rows
    from kzspeechlaw.registers.tally import Tally

    task = batch._Task(rows.Task(1, "csv", ("act_date",), [], None, "brief", ","), object(), True)
    shares = [rows.Share(bytearray(), Tally(), True, 0, b"", n) for n in range(2)]
    assert batch._merged(task, shares).output == b""


def test_a_thread_that_cannot_start_stops_the_run_with_its_own_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the system refuses a thread that reads a worker's shares (a limit on threads), the run
    stops with that error, not another one raised while ending the run, and the workers end."""
    import multiprocessing
    import threading

    start = threading.Thread.start
    seen: list[str] = []

    def refusing(self: threading.Thread) -> None:
        if self.name.startswith("batch worker"):
            seen.append(self.name)
            if len(seen) == 2:
                raise RuntimeError("can't start new thread")
        start(self)

    monkeypatch.setattr(threading.Thread, "start", refusing)
    lines = "".join(f"r{i},2019-03-15,slander,telecom_network\n" for i in range(40))
    register = read_register(io.StringIO("id,act_date,conduct,channel\n" + lines))
    with pytest.raises(RuntimeError, match="can't start new thread"):
        list(batch.run(register, "2020-01-01", workers=2, chunk_size=10))
    assert seen == ["batch worker 0", "batch worker 1"]
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("output", ["brief", "full"])
def test_chunks_in_flight_are_bounded(output: str) -> None:
    """With several workers, the parent reads ahead a bounded number of chunks (memory stays
    bounded whatever the register's length): two, or four of whole assessments, whose parts of a
    chunk may differ much in the keys they learn."""
    read: list[int] = []

    def items() -> Any:
        for i in range(40):
            read.append(i)
            yield {"id": f"r{i}", "act_date": "2019-03-15", "conduct": "slander", "decided_on": "2020-06-01"}

    results = batch.run(_python_register(items()), output=output, workers=2, chunk_size=3)
    next(results)
    ahead = len(read)
    results.close()
    assert ahead == 3 * {"brief": 2, "full": 4}[output]


def test_tally_says_how_many_fines_have_no_tenge_amount(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A liable row whose fine has no tenge amount (no MCI is known for the day the case was opened,
    AOC 2014 Art. 44(1)) is not summed as 0 tenge without a word: the tally counts it. The other
    row's fine is 180 MCI (AOC 2014 Art. 73-3(2)) at 4 325 tenge (Law 08.12.2025 No. 239-VIII,
    Art. 7: «Установить с 1 января 2026 года: … 4) месячный расчетный показатель – 4 325 тенге»)."""
    import datetime as dt

    from kzspeechlaw.law.loader import law

    after = law().mci_until + dt.timedelta(days=30)
    slander = {"conduct": "slander", "channel": "mass_media", "allegation": "none"}
    register = [
        {"id": "known", "act_date": "2026-06-01", "proceedings_date": "2026-06-02", "decided_on": "2026-06-20",
         **slander},
        {"id": "after", "act_date": after.isoformat(), "proceedings_date": (after + dt.timedelta(days=1)).isoformat(),
         "decided_on": (after + dt.timedelta(days=20)).isoformat(), **slander},
    ]
    t = batch.tally(kz.assess_many(register))
    assert t.by_outcome["liable"] == 2
    assert (t.fine_kzt_min, t.fine_kzt_max) == (180 * 4325, 180 * 4325)
    assert t.fines_not_in_tenge == 1
    path = write_jsonl(tmp_path / "r.jsonl", register)
    assert main(["tally", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["fines_not_in_tenge"] == 1
    assert main(["tally", str(path)]) == 0
    assert "fines with no tenge amount (no MCI is known for their date), left out of the sums: 1" in (
        capsys.readouterr().out)


def test_the_allocator_is_set_for_the_command_line_process_alone(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``batch.keep_freed_memory`` (glibc keeps up to 256 MB of freed memory for the rest of the
    process) is for the processes a batch runs alone: the command line run as a program, not a
    program that calls :func:`main` with its arguments (as the guides do), whose allocator is its
    own."""
    calls: list[int] = []
    monkeypatch.setattr(batch, "keep_freed_memory", lambda: calls.append(1))
    register = tmp_path / "r.csv"
    register.write_text("act_date,conduct\n2019-03-15,slander\n", encoding="utf-8")
    argv = ["batch", str(register), "--decided-on", "2020-01-01", "--output", str(tmp_path / "out.jsonl")]
    assert main(argv) == 0
    assert calls == []
    monkeypatch.setattr(sys, "argv", ["kzspeechlaw", *argv])
    assert main() == 0
    assert calls == [1]
