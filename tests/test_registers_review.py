"""Registers as a press-freedom monitor keeps them in Excel and exports them: what comes out must
be one record per case, the same as each case assessed alone.

Expected parts and fines, from the Criminal Code of 2014 as in force in 2019 (Art. 130 "Клевета",
edition of 27.12.2019, /work/shared/law/statutes/cc2014/130.md): part 1 "Клевета, то есть
распространение заведомо ложных сведений, порочащих честь и достоинство другого лица ..." and part 2
"То же деяние, совершенное публично или с использованием средств массовой информации или сетей
телекоммуникаций"; a slander typed without a channel is part 1, one in a telecommunications network
part 2.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli.commands import main
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import read_register

TELECOM = "CC2014 130(2)"
PLAIN = "CC2014 130(1)"

# Excel's "CSV (разделители - запятые)" on a Russian-locale machine: a semicolon, Windows-1251, CRLF, and
# the empty rows at the foot of the sheet's used range written as rows of empty cells.
EXPORT = ("id;act_date;conduct;channel;decided_on;Примечание\r\n"
          "Дело-1;15.03.2019;Slander;Telecom network;23.09.2019;пост в Facebook\r\n"
          "Дело-2;15.03.2019;slander;;23.09.2019;\r\n"
          ";;;;;\r\n"
          ";;;;;\r\n"
          " ; ;;;; \r\n")
CASES = [("Дело-1", "2019-03-15", "telecom_network", TELECOM), ("Дело-2", "2019-03-15", None, PLAIN)]


def records_of(data: bytes | str, fmt: str | None = None, decided_on: str | None = None, **options: Any
               ) -> list[dict[str, Any]]:
    stream = io.BytesIO(data) if isinstance(data, bytes) else io.StringIO(data)
    return [json.loads(r) for c in batch.run(read_register(stream, fmt), decided_on, **options) for r in c.records]


def alone(act_date: str, channel: str | None, decided_on: str) -> dict[str, Any]:
    """The brief record of one case assessed through the API on its own."""
    incident = kz.Incident(act_date=act_date, conduct="slander", channel=channel)
    return batch.brief_dict(kz.assess(incident, decided_on=decided_on))


@pytest.mark.parametrize("options", [{}, {"keyed": False}, {"workers": 2, "chunk_size": 1}])
def test_the_empty_rows_excel_exports_at_the_foot_of_a_sheet_are_not_cases(options: dict[str, Any]) -> None:
    """Two cases, two records: a row of empty cells (``;;;;;``) is what Excel writes for an empty row
    of the sheet, which the workbook's own reader skips; it is not a case whose act date is
    missing."""
    records = records_of(EXPORT.encode("cp1251"), **options)
    assert [r["id"] for r in records] == [c[0] for c in CASES]
    for record, (_, act, channel, part) in zip(records, CASES, strict=True):
        assert record["falls_under"] == part
        assert {k: v for k, v in record.items() if k != "id"} == alone(act, channel, "2019-09-23")


def test_the_tally_counts_the_cases_not_the_empty_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "реестр.csv"
    path.write_bytes(EXPORT.encode("cp1251"))
    assert main(["tally", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    tally = json.loads(out)
    assert (tally["rows"], tally["succeeded"], tally["failed"]) == (2, 2, 0)
    assert tally["by_part"] == {PLAIN: 1, TELECOM: 1}
    assert tally["by_month"]["2019-03"]["rows"] == 2
    assert "2 rows: 2 assessed, 0 failed" in err


def test_a_csv_export_and_its_workbook_give_the_same_records(tmp_path: Path) -> None:
    """The same sheet, saved as a workbook or exported as CSV, is the same register: the empty rows
    between and after its cases (and one before its header) are skipped by both readers."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None] * 6)
    for row in EXPORT.splitlines()[:2]:
        sheet.append(row.split(";"))
    sheet.append([None] * 6)
    sheet.append(EXPORT.splitlines()[2].split(";"))
    path = tmp_path / "реестр.xlsx"
    book.save(path)
    csv_text = ";;;;;\r\n" + "\r\n".join(EXPORT.splitlines()[:2]) + "\r\n;;;;;\r\n" + EXPORT.splitlines()[2] + "\r\n"
    with open(path, "rb") as handle:
        from_book = records_of(handle.read(), "xlsx")
    assert records_of(csv_text.encode("utf-8-sig")) == from_book
    assert [r["id"] for r in from_book] == ["Дело-1", "Дело-2"]


def test_a_row_with_one_cell_given_is_still_a_row() -> None:
    """A row of empty cells but one (a note typed beside no case, an id with no facts) is a row: its
    error names the missing act date; a quoted empty cell is a cell as given, read as a row."""
    text = 'id;act_date;conduct;note\r\n;;;забыли дату\r\nД-2;;;\r\n"";"";"";""\r\n'
    errors = [r["error"]["field"] for r in records_of(text, decided_on="2019-12-01")]
    assert errors == ["act_date", "act_date", "act_date"]


def test_excels_unicode_text_is_refused_for_its_encoding_not_for_its_header(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel's "Текст в Юникоде" is UTF-16 with tabs: its header does name act_date and conduct, and
    an error saying it does not would send the analyst to the wrong cell."""
    path = tmp_path / "реестр.csv"
    path.write_bytes("id\tact_date\tconduct\r\nД-1\t15.03.2019\tslander\r\n".encode("utf-16"))
    assert main(["batch", str(path), "--decided-on", "2019-12-01", "--lang", "ru"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "UTF-16" in err and "header" not in err


def test_a_workbook_named_as_a_csv_is_refused_as_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["act_date", "conduct"])
    path = tmp_path / "реестр.csv"
    book.save(path)
    assert main(["batch", str(path), "--decided-on", "2019-12-01"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "--format xlsx" in err and "PK" not in err


MARKED = [
    ("reading.py", "a header row naming at least act_date and conduct"),
    ("reading.py", "each column once"),
    ("reading.py", "columns that are not incident fields left out: {columns} (the fields are {fields})"),
    ("lines.py", "the register is not UTF-8 text: its lines that are not UTF-8, from line {line} on, read as "
                 "Windows-1251 (name its encoding with --encoding where it is another)"),
]


@pytest.mark.parametrize(("module", "text"), MARKED, ids=[t[:30] for _, t in MARKED])
def test_what_the_reader_says_of_a_header_and_an_encoding_goes_to_the_catalogue(module: str, text: str) -> None:
    """With ``--lang ru`` a refused header and the reader's warnings were half English («ожидается a
    header row naming ...»): their texts were not marked, so ``pybabel extract`` (CONTRIBUTING.md's
    keywords) never offered them for translation."""
    extract = pytest.importorskip("babel.messages.extract")  # the `i18n` extra
    DEFAULT_KEYWORDS, extract_from_file = extract.DEFAULT_KEYWORDS, extract.extract_from_file
    keywords = {**DEFAULT_KEYWORDS, "Message": None, "NP_": ((1, "c"), 2)}
    path = Path(kz.__file__).parent / "registers" / module
    found = {m[1] for m in extract_from_file("python", str(path), keywords=keywords)}
    assert text in found


def test_the_warnings_of_a_register_are_messages_that_keep_their_english_text() -> None:
    text = "№;act_date;conduct\r\n1;15.03.2019;клевета\r\n".encode("cp1251")
    with pytest.warns(kz.RegisterWarning) as caught:
        read_register(io.BytesIO(text)).rows.__next__()
    said = [w.message.args[0] for w in caught]  # type: ignore[union-attr]
    assert all(isinstance(s, kz.Message) for s in said)
    assert any("from line 1 on, read as Windows-1251" in s for s in said)  # the header's "№" is not UTF-8
    assert any("left out: '№'" in s for s in said)


@pytest.mark.parametrize("column", ["Дата решения", "Дата приговора", "Дата вступления в законную силу",
                                    "Дата постановления суда", "Шешім күні", "Үкім күні"])
def test_a_decision_date_column_named_in_russian_or_kazakh_is_refused_not_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str) -> None:
    """Left out, every row was assessed on ``--decided-on``: a slander posted on 15.03.2019 and
    decided on 23.09.2019 fell under CC 2014 Art. 130(2) then (in force until Law 349-VI: "Статья 130
    исключена Законом РК от 26.06.2020 № 349-VI", from 10.07.2020), but read as decided on
    01.06.2021 it came out ``decriminalised``: a confident wrong answer for a case the court decided."""
    path = tmp_path / "реестр.csv"
    path.write_bytes(f"id;act_date;conduct;channel;{column}\r\nД-1;15.03.2019;slander;telecom_network;23.09.2019\r\n"
                     .encode("cp1251" if column[0] in "ДР" else "utf-8"))
    assert main(["batch", str(path), "--decided-on", "2021-06-01", "--lang", "ru"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and "decided_on" in err


@pytest.mark.parametrize("column", ["Решение суда", "Дата возбуждения дела", "Дата публикации", "Дата"])
def test_other_russian_columns_are_still_left_out_with_a_warning(column: str) -> None:
    text = f"act_date;conduct;decided_on;{column}\r\n15.03.2019;slander;23.09.2019;x\r\n"
    with pytest.warns(kz.RegisterWarning, match="left out"):
        assert records_of(text)[0]["governing"] == PLAIN


def test_a_russian_decision_date_beside_decided_on_is_left_out() -> None:
    text = "act_date;conduct;decided_on;Дата решения\r\n15.03.2019;slander;23.09.2019;23.09.2019\r\n"
    with pytest.warns(kz.RegisterWarning, match="дата_решения"):
        assert records_of(text)[0]["governing"] == PLAIN


@pytest.mark.parametrize("default", ["9999-12-31", "1990-01-01"])
def test_a_default_decision_date_out_of_range_is_bad_input_not_a_register_of_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], default: str) -> None:
    """``--decided-on 9999-12-31`` (a placeholder for "not yet decided") was taken, and every row
    without its own decision date became an error record, exit 0: a million-row register answered
    with a million errors for one mistyped flag. The API refuses such a date for a decision
    ("placeholders such as 9999-12-31 are refused", docs/api.md): the default is refused before any
    row is read, the output left as it was."""
    register = tmp_path / "реестр.csv"
    register.write_text("id;act_date;conduct;decided_on\nД-1;15.03.2019;slander;\nД-2;15.03.2019;slander;23.09.2019\n")
    output = tmp_path / "records.jsonl"
    output.write_text("kept\n")
    for command in (["batch", "--output", str(output)], ["batch", "--summary", "--output", str(output)], ["tally"]):
        assert main([*command, str(register), "--decided-on", default]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert len(err.splitlines()) == 1 and "decided_on" in err and "1991-12-16" in err
    assert output.read_text() == "kept\n"
    with pytest.raises(kz.InvalidIncident, match="decided_on"):
        batch.run(read_register(io.StringIO(register.read_text())), default)
    with pytest.raises(kz.InvalidIncident, match="decided_on"):
        kz.assess_many([{"act_date": "2019-03-15", "conduct": "slander"}], decided_on=default)
    pandas = pytest.importorskip("pandas")
    with pytest.raises(kz.InvalidIncident, match="decided_on"):
        from kzspeechlaw.registers.frame import assess_frame

        assess_frame(pandas.DataFrame({"act_date": ["2019-03-15"], "conduct": ["slander"]}), decided_on=default)


@pytest.mark.parametrize("encoding", ["cp1251", "latin-1"])
def test_a_utf8_register_read_in_another_named_encoding_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    """Excel's "CSV UTF-8" starts with UTF-8's byte-order mark. Read as Windows-1251 because the
    analyst named it, the mark became «п»ї» at the head of the first column: the id column was left
    out (the records carried row numbers) and every Cyrillic id would have been garbled («Дело-1» as
    «Р”РµР»Рѕ-1»). The mark says which encoding the file is in: a named other one is refused."""
    path = tmp_path / "реестр.csv"
    path.write_bytes("id;act_date;conduct;decided_on\r\nДело-1;15.03.2019;slander;23.09.2019\r\n".encode("utf-8-sig"))
    assert main(["batch", str(path), "--encoding", encoding]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and "UTF-8" in err
    assert main(["batch", str(path), "--encoding", "utf-8"]) == 0
    out, _ = capsys.readouterr()
    assert json.loads(out)["id"] == "Дело-1" and json.loads(out)["falls_under"] == PLAIN


def test_the_russian_tally_names_the_open_facts_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The «зависит от (не указано)» count printed the code names (``allegation``,
    ``knowing_and_dangerous``) in a Russian or Kazakh report: the memo names the same facts in the
    language's words. A slander in a network, what it accused of not stated, turns on the
    allegation: CC 2014 Art. 130(3) «соединенные с обвинением лица в совершении коррупционного,
    тяжкого или особо тяжкого преступления» (edition 27.12.2019)."""
    path = tmp_path / "реестр.csv"
    path.write_text("act_date;conduct;channel;decided_on\n15.03.2019;slander;telecom_network;23.09.2019\n")
    from kzspeechlaw.terms import word

    for lang in ("ru", "kk"):
        assert main(["tally", str(path), "--lang", lang]) == 0
        out = capsys.readouterr().out
        block = out.split(":\n")[-1]  # the last count: the open facts, then the month table
        assert "allegation" not in block
        assert f"  {word('fact', 'allegation', lang)} " in block


@pytest.mark.parametrize("blank_ids", [False, True])
def test_empty_rows_inside_a_long_register_are_skipped_too(blank_ids: bool) -> None:
    """A block of a register is scanned at once (with numpy, where installed, from 64 KiB): the
    empty rows within it are found there as one by one."""
    rows = [f"{'' if blank_ids else n};15.03.2019;slander;;23.09.2019;" for n in range(4000)]
    for at in (1, 1999, 3998):
        rows[at] = ";;;;;"
    text = "id;act_date;conduct;channel;decided_on;note\r\n" + "\r\n".join(rows) + "\r\n"
    assert len(text) > 65_536
    records = records_of(text.encode())
    assert len(records) == 3997 and all(r["falls_under"] == PLAIN for r in records)


@pytest.mark.parametrize("name", ["реестр.xls", "Реестр.XLSM", "реестр.ods", "отчёт.docx", "отчёт.pdf"])
def test_records_never_replace_a_spreadsheet_or_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           name: str) -> None:
    """``--output реестр.xlsx`` and ``.csv`` were refused, but the old Excel format, an
    OpenDocument sheet or a report was replaced by JSON Lines when the run succeeded: the analyst's
    file was gone."""
    register = tmp_path / "реестр.csv"
    register.write_text("act_date;conduct;decided_on\n15.03.2019;slander;23.09.2019\n")
    document = tmp_path / name
    document.write_bytes(b"\xd0\xcf\x11\xe0 the analyst's file")
    assert main(["batch", str(register), "--output", str(document)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert document.read_bytes() == b"\xd0\xcf\x11\xe0 the analyst's file"
    assert main(["batch", str(register), "--output", str(tmp_path / "records.jsonl")]) == 0
