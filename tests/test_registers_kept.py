"""Registers as people keep them: Windows-1251, `;` or tab delimiters, extra columns, `DD.MM.YYYY`
dates, stray spaces and capitals, Excel workbooks and pandas DataFrames; one record per row.

Expected parts: slander in a telecommunications network is CC 2014 Art. 130(2), slander without
one 130(1) (the text of Art. 130 as in force in 2019)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli.commands import main
from kzspeechlaw.registers import batch, frame
from kzspeechlaw.registers.reading import read_register

TELECOM = "CC2014 130(2)"
PLAIN = "CC2014 130(1)"


def records_of(data: bytes | str, fmt: str | None = None, decided_on: str | None = "2019-12-01") -> list[dict[str, Any]]:
    stream = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    return [json.loads(r) for c in batch.run(read_register(stream, fmt), decided_on) for r in c.records]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_semicolons_and_windows_1251_with_an_extra_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("№;act_date;conduct;channel;Примечание;id\n"
            "1;15.03.2019;slander;telecom_network;газета;Дело-1\n"
            "2;15.03.2019;slander;;жалоба;Дело-2\n"
            "3;15.03.2019;gossip;;;Дело-3\n")
    path = tmp_path / "реестр.csv"
    path.write_bytes(text.encode("cp1251"))
    code, records, err = run_cli(capsys, "batch", str(path), "--decided-on", "01.12.2019")
    assert code == 0
    assert [r["id"] for r in records] == ["Дело-1", "Дело-2", "Дело-3"]
    assert [r.get("falls_under") for r in records] == [TELECOM, PLAIN, None]
    assert records[2]["error"]["field"] == "conduct"
    assert "Windows-1251" in err and "'№', 'примечание'" in err  # each warning once
    assert err.count("left out") == 1


def test_tab_delimited() -> None:
    text = "id\tact_date\tconduct\tchannel\nA\t2019-03-15\tslander\ttelecom_network\nB\t2019-03-15\tslander\t\n"
    assert [r["falls_under"] for r in records_of(text)] == [TELECOM, PLAIN]


def test_an_excel_sep_line_names_the_delimiter() -> None:
    text = "sep=;\nid;act_date;conduct;channel\nA;2019-03-15;slander;telecom_network\n"
    assert [(r["id"], r["falls_under"]) for r in records_of(text)] == [("A", TELECOM)]


def test_sets_in_a_semicolon_register_are_written_with_commas() -> None:
    text = 'act_date;conduct;discord\n2019-03-15;incitement_of_discord;"national,religious"\n'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (record,) = records_of(text)
    assert "error" not in record, record


def test_dates_day_first_and_values_as_people_type_them() -> None:
    text = ("ID, Act Date ,Conduct,Channel,Target,decided_on\n"
            "a,15.03.2019, Slander ,Telecom Network,PERSON,01.12.2019\n"
            "b,2019-03-15,slander,  ,  ,\n"
            "c,31.02.2019,slander,,,\n")
    records = records_of(text, decided_on="2019-12-01")
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert [r.get("falls_under") for r in records[:2]] == [TELECOM, PLAIN]
    assert records[2]["error"]["field"] == "act_date" and "DD.MM.YYYY" in records[2]["error"]["message"]


def test_day_first_dates_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["assess", "--act-date", "15.03.2019", "--conduct", "Slander", "--channel", "telecom network",
                 "--decided-on", "01.12.2019", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["governing"] == TELECOM and out["decided_on"] == "2019-12-01"


def test_blank_optional_facts_take_their_defaults() -> None:
    assert kz.Incident(act_date="2019-03-15", conduct="insult", target=None).target is kz.Target.PERSON
    assert kz.Incident(act_date="2019-03-15", conduct="insult", offender=None).offender is kz.Offender.NATURAL_PERSON
    nan = float("nan")
    inc = kz.Incident.from_dict({"act_date": "2019-03-15", "conduct": "slander", "channel": nan, "target": nan,
                                 "allegation": nan, "circumstances": nan, "proceedings_date": nan, "offender": " "})
    assert (inc.channel, inc.target, inc.allegation, inc.circumstances, inc.proceedings_date) == (
        None, kz.Target.PERSON, None, frozenset(), None)
    with pytest.raises(kz.InvalidIncident, match="act_date"):
        kz.Incident.from_dict({"act_date": nan, "conduct": "slander"})


def test_a_numpy_id_stays_a_number() -> None:
    np = pytest.importorskip("numpy")
    rows = [{"id": np.int64(7), "act_date": "2019-03-15", "conduct": "slander"},
            {"id": np.int64(8), "act_date": "2019-03-15", "conduct": "gossip"}]
    out = [json.loads(r.to_json(brief=True)) for r in kz.assess_many(rows, decided_on="2019-12-01")]
    assert [o["id"] for o in out] == [7, 8]


def test_dataframe_records_with_nan_cells() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [1, 2], "act_date": ["2019-03-15", "2019-03-15"], "conduct": ["slander", "slander"],
                       "channel": ["telecom_network", math.nan], "allegation": [math.nan, math.nan]})
    results = list(kz.assess_many(df.to_dict("records"), decided_on="2019-12-01"))
    assert [r.ok for r in results] == [True, True]
    assert [str(r.assessment.governing.ref) for r in results if r.assessment and r.assessment.governing] == [
        TELECOM, PLAIN]


def test_assess_frame_gives_one_row_per_row_in_order() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "Act Date": ["2019-03-15", "15.03.2019", None, "2019-03-15"],
        "conduct": ["slander", " Slander ", "slander", "gossip"],
        "channel": ["telecom_network", math.nan, math.nan, math.nan],
        "decided_on": [pd.Timestamp("2019-12-01"), pd.NaT, pd.NaT, pd.NaT],
        "comment": ["x", "y", "z", "w"],
    }, index=[30, 10, 20, 40])
    with pytest.warns(kz.RegisterWarning, match="'comment'"):
        out = kz.assess_frame(df, decided_on="2019-12-01")
    assert list(out.index) == [30, 10, 20, 40]
    assert list(out["id"]) == [1, 2, 3, 4]
    assert list(out["falls_under"][:2]) == [TELECOM, PLAIN]
    assert list(out["error_field"][2:]) == ["act_date", "conduct"]
    assert isinstance(out["mci_date"].iloc[0], dt.date) and pd.isna(out["error_field"].iloc[0])
    assert out["outcome"].iloc[0] == "liable"


def test_assess_frame_says_what_each_answer_depends_on() -> None:
    """The frame carries the brief record's ``depends_on`` (a pandas user sees the qualification a
    reader of the JSON sees): a tuple of fields, empty where the facts decide, None for an error."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["F1", "F2", "F3", "F4"],
                       "act_date": ["2021-03-15", "2023-03-05", "2021-03-15", "x"],
                       "conduct": ["false_information", "petty_hooliganism", "insult", "insult"],
                       "channel": ["telecom_network", "private", "telecom_network", None],
                       "target": [None, None, "authority_representative", None]})
    # F2 is private: with no channel, petty hooliganism turns on a public place (AOC 2014 Art. 434(1), «в
    # общественных местах»), and depends_on names the channel
    out = kz.assess_frame(df, decided_on="2023-06-01")
    assert list(out.columns) == list(frame.RESULT_COLUMNS) and out["depends_on"].dtype == object
    expected = [list(r.assessment.depends_on) if r.assessment is not None else None
                for r in kz.assess_many(df.to_dict("records"), decided_on="2023-06-01")]
    assert [list(d) if d is not None else None for d in out["depends_on"]] == expected
    assert expected[0] and expected[1] == [] and expected[3] is None
    assert list(out[out["depends_on"].str.len() > 0]["id"]) == [i for i, d in zip(out["id"], expected, strict=True) if d]


def test_assess_frame_needs_the_two_columns() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(kz.InvalidIncident, match="act_date"):
        kz.assess_frame(pd.DataFrame({"conduct": ["slander"]}))


def write_workbook(path: Path, rows: list[list[Any]]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_an_excel_workbook_gives_one_record_per_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.xlsx"
    write_workbook(path, [
        ["id", "Act date", "conduct", "channel", "Комментарий"],
        [101, dt.datetime(2019, 3, 15), "slander", "telecom_network", "газета"],
        [102, "15.03.2019", "Slander", None, None],
        [None, None, None, None, None],
        [103, dt.date(2019, 3, 15), "gossip", None, "?"],
        ["", "2019-03-15", "slander", "mass_media", None, "a cell beyond the header"],
    ])
    code, records, err = run_cli(capsys, "batch", str(path), "--decided-on", "2019-12-01")
    assert code == 0, err
    assert [r["id"] for r in records] == [101, 102, 103, 4]
    assert [r.get("falls_under") for r in records[:2]] == [TELECOM, PLAIN]
    assert records[2]["error"]["field"] == "conduct"
    assert "6 cells for 5 columns" in records[3]["error"]["message"]
    assert "'комментарий'" in err


def test_a_workbook_that_is_not_one_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"act_date,conduct\n")
    code, _, err = run_cli(capsys, "batch", str(path))
    assert code == 2 and "Excel workbook" in err and len(err.strip().splitlines()) == 1


def test_a_workbook_without_the_extra_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"PK")
    code, _, err = run_cli(capsys, "batch", str(path))
    assert code == 2 and "kzspeechlaw[excel]" in err


def test_importing_the_package_loads_neither_pandas_nor_openpyxl() -> None:
    code = "import sys, kzspeechlaw; print(sorted({'pandas', 'openpyxl', 'numpy'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_formula_without_a_stored_value_and_merged_cells_are_error_records(tmp_path: Any) -> None:
    """A workbook written by a program keeps a formula without its value (openpyxl writes ``<v/>``),
    and merged cells keep their value in their first cell alone: read as blank cells, either would
    be a fact not stated (a slander in the mass media read as one of no channel). Each such row is
    an error record; the first row of a merged range, and a formula's stored value, even an empty
    text, are read as they are."""
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "act_date", "conduct", "channel"])
    sheet.append(["A", "2019-03-15", "slander", '=IF(1,"mass_media","private")'])
    sheet.append(["B", "2019-03-15", "slander", "mass_media"])
    sheet.append(["C", "2019-03-15", "slander", None])
    sheet.append(["D", "2019-03-15", "slander", "mass_media"])
    sheet.append(["E", "2019-03-15", "mass_media", None])
    sheet.append(["F", "2019-03-15", "slander", '=IF(1,"","x")'])
    sheet.merge_cells("D3:D4")
    sheet.merge_cells("C6:D6")
    path = tmp_path / "register.xlsx"
    book.save(path)
    # F's formula as a spreadsheet program saves it: an empty text result, stored
    stored = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stored, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="D7"><f>IF(1,"","x")</f><v /></c>',
                                    b'<c r="D7" t="str"><f>IF(1,"","x")</f><v></v></c>')
                assert b'<c r="D7" t="str">' in data
            dst.writestr(item, data)
    with open(stored, "rb") as f:
        out = b"".join(c.output for c in batch.run(read_register(f, "xlsx"), "2019-12-01")).decode().splitlines()
    assert len(out) == 6
    assert "cell D2" in out[0]
    assert '"id": "B"' in out[1] and '"falls_under": "CC2014 130(2)"' in out[1]  # the merged range's first row
    assert "merged cells D3:D4" in out[2]
    assert '"falls_under": "CC2014 130(2)"' in out[3]
    assert "merged cells C6:D6" in out[4]
    assert '"id": "F"' in out[5] and '"error"' not in out[5]  # an empty text, stored: channel not stated


def test_merged_cells_and_formulas_in_a_column_left_out_refuse_no_row(tmp_path: Any) -> None:
    """A note merged over rows, or a formula without its value, in a column that is not read (nor
    a comment box right of the register's columns) leaves no fact unstated: the rows were error
    records all the same (four of six here)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "act_date", "conduct", "note", "channel"])
    for n in range(6):
        sheet.append([f"R{n}", "2019-03-15", "insult", "see" if n == 0 else "=1+1" if n == 5 else None, "mass_media"])
    sheet.merge_cells("D2:D4")
    sheet.merge_cells("G4:I6")
    sheet.merge_cells("E6:E7")  # a read column: R5's channel is held by R4's cell alone
    path = tmp_path / "register.xlsx"
    book.save(path)
    with open(path, "rb") as f, pytest.warns(kz.RegisterWarning, match="note"):
        out = [json.loads(r) for c in batch.run(read_register(f, "xlsx"), "2019-12-01") for r in c.records]
    assert [r.get("governing") for r in out] == ["CC2014 131(2)"] * 5 + [None]
    assert "merged cells E6:E7" in out[5]["error"]["message"]


def test_an_error_quotes_a_workbook_row_with_its_empty_cells_empty(tmp_path: Any) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["id", "act_date", "conduct", "channel"])
    book.active.append(["A", "2019-03-15", "insult", None, "a note past the header"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    with open(path, "rb") as f:
        (record,) = [json.loads(r) for c in batch.run(read_register(f, "xlsx"), "2019-12-01") for r in c.records]
    assert record["error"]["value"] == ["A", "2019-03-15", "insult", "", "a note past the header"]  # not "None"


def test_a_sheet_without_cell_references_or_with_a_document_type_is_read_with_care(tmp_path: Any) -> None:
    """A cell's reference (``r``) is optional: an unstored formula in a cell without one is still
    found. A sheet declaring a document type (whose entities could expand without end) is refused."""
    import re
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["id", "act_date", "conduct", "channel"])
    book.active.append(["A", "2019-03-15", "slander", '="mass_media"'])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)

    def rewritten(name: str, change: Any) -> Path:
        target = tmp_path / name
        with zipfile.ZipFile(plain) as src, zipfile.ZipFile(target, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                dst.writestr(item, change(data) if item.filename == "xl/worksheets/sheet1.xml" else data)
        return target

    bare = rewritten("bare.xlsx", lambda data: re.sub(rb' r="[A-Z]*[0-9]+"', b"", data))
    with open(bare, "rb") as f:
        out = b"".join(c.output for c in batch.run(read_register(f, "xlsx"), "2019-12-01")).decode()
    assert "a formula with no stored value in cell D2" in out
    typed = rewritten("typed.xlsx", lambda data: data.replace(
        b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet', 1))
    with open(typed, "rb") as f, pytest.raises(kz.InvalidIncident, match="document type"):
        read_register(f, "xlsx")
