"""Findings of a review of register input: a row silently misread is a confident wrong answer."""

from __future__ import annotations

import io
import json

import pytest

import kzspeechlaw.registers.batch as batch
from kzspeechlaw import InvalidIncident, RegisterWarning
from kzspeechlaw.registers.reading import read_register


def records(text: str, decided: str = "2021-12-01") -> list[dict[str, object]]:
    return [json.loads(r) for chunk in batch.run(read_register(io.StringIO(text)), decided) for r in chunk.records]


@pytest.mark.parametrize("column", [
    "circumstance",  # the field is `circumstances` (the command line's option is singular)
    "сhannel",  # a Cyrillic «с»
    "\u200bchannel",  # an invisible character
    "\ufeffid",  # a byte-order mark inside the header
    "channel (канал)",  # a bilingual header
    "decision_date",  # another name of decided_on
])
def test_a_column_close_to_a_field_is_refused_not_left_out(column: str) -> None:
    # Left out, the row would be assessed without the fact: circumstance=emergency makes false
    # information CC 2014 Art. 274(4)(2), not 274(2).
    text = f"act_date,conduct,{column}\n2021-03-05,false_information,emergency\n"
    with pytest.raises(InvalidIncident, match="looks like"):
        read_register(io.StringIO(text))


@pytest.mark.parametrize("column", ["offence", "offense", "channel_name", "offender_name", "complainant",
                                    "proceedings", "date", "decision", "region", "notes"])
def test_a_column_a_register_keeps_beside_the_fields_is_left_out(column: str) -> None:
    with pytest.warns(RegisterWarning, match=column):
        read_register(io.StringIO(f"act_date,conduct,channel,{column}\n2021-03-05,insult,mass_media,x\n"))


def test_a_near_name_beside_its_field_is_left_out() -> None:
    with pytest.warns(RegisterWarning, match="circumstance"):
        read_register(io.StringIO("act_date,conduct,circumstances,circumstance\n2021-03-05,insult,,x\n"))


def test_a_column_unlike_any_field_is_still_left_out_with_a_warning() -> None:
    with pytest.warns(RegisterWarning, match="notes"):
        found = records("id,act_date,conduct,channel,notes\nA,2021-03-05,insult,mass_media,seen\n")
    assert found[0]["governing"] == "CC2014 131(2)"


def test_a_stray_quote_does_not_swallow_the_next_row() -> None:
    # Row B read alone has all five cells: it is a row of its own, not the rest of A's note. Read
    # as one row, A took B's channel (private: 131(1)) and B had no record at all.
    text = ('id,act_date,conduct,notes,channel\nA,2021-03-05,insult,"see below,mass_media\n'
            'B,2021-03-05,slander,screen 12",private\nC,2021-03-05,insult,,mass_media\n')
    with pytest.warns(RegisterWarning):
        found = records(text)
    assert len(found) == 3 and "error" in found[0]
    assert found[1]["id"] == "B" and found[2]["governing"] == "CC2014 131(2)"


def test_a_stray_quote_before_a_row_with_its_last_cell_left_out() -> None:
    text = ('id,act_date,conduct,notes,channel\nA,2021-03-05,insult,"see below,mass_media\n'
            'B,2021-03-05,slander,screen 12"\nC,2021-03-05,insult,,mass_media\n')
    with pytest.warns(RegisterWarning):
        found = records(text)
    assert len(found) == 3 and "error" in found[0] and found[1]["id"] == "B"


@pytest.mark.parametrize("text", [
    'id,act_date,conduct,notes,channel\nA,2021-03-05,insult,"line one\nline two, more",mass_media\n',
    # a continuation line with as many cells as the header, but no date and conduct of a row
    'id,act_date,conduct,notes\nA,2021-03-05,insult,"Жалоба поступила\nст. 131, ч. 2, дело 5, г. Алматы"\n',
])
def test_a_note_over_two_lines_is_still_one_row(text: str) -> None:
    with pytest.warns(RegisterWarning):
        found = records(text)
    assert len(found) == 1 and "error" not in found[0]


@pytest.mark.parametrize("text", [
    'notes,id,act_date,conduct,channel\n"Жалоба\nст. 131",A,2021-03-05,insult,mass_media\n'
    'x,B,2021-03-05,insult,private\n',
    'id,notes,act_date,conduct,channel\nA,"one\ntwo\nthree",2021-03-05,insult,mass_media\n'
    'B,x,2021-03-05,insult,private\n',
])
def test_a_note_over_lines_before_the_date_and_conduct_is_one_row(text: str) -> None:
    # The note's last line holds the row's date and conduct, so read alone it is a row too: it was
    # taken for one, the note's first line became an error record, and two rows gave three records.
    with pytest.warns(RegisterWarning):
        found = records(text)
    assert [(r["id"], r["governing"]) for r in found] == [("A", "CC2014 131(2)"), ("B", "CC2014 131(1)")]


@pytest.mark.parametrize("text", [
    # a stray quote opening the first cell: the line without it is row A, the next rows are rows
    'notes,id,act_date,conduct,channel\n"oops,A,2021-03-05,insult,mass_media\n'
    'C",C,2021-03-05,insult,private\n',
    'notes,id,act_date,conduct,channel\n"oops,A,2021-03-05,insult,mass_media\n'
    'x,B,2021-03-05,insult,private\nC",C,2021-03-05,insult,private\n',
])
def test_a_stray_quote_before_the_date_and_conduct_does_not_swallow_a_row(text: str) -> None:
    with pytest.warns(RegisterWarning):
        found = records(text)
    assert "error" in found[0] and [r["id"] for r in found[1:]] == ["B", "C"][-(len(found) - 1):]


def test_a_workbook_with_its_register_after_a_sheet_of_instructions_names_the_sheets() -> None:
    # The refusal said both sheets had a register's header, the instructions too.
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Инструкция"
    book.active.append(["Заполните лист «Реестр»"])
    real = book.create_sheet("Реестр")
    real.append(["id", "act_date", "conduct"])
    real.append(["r1", "2021-03-05", "insult"])
    data = io.BytesIO()
    book.save(data)
    with pytest.raises(InvalidIncident, match="the first sheet 'Инструкция' has no header naming act_date and "
                                              "conduct, the sheets 'Реестр' have one"):
        read_register(io.BytesIO(data.getvalue()), "xlsx")


def test_a_workbook_with_data_on_two_sheets_is_refused() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    template = book.active
    template.title = "Шаблон"
    template.append(["id", "act_date", "conduct", "channel"])
    template.append(["пример", "2021-03-05", "insult", "mass_media"])
    template.sheet_state = "hidden"
    real = book.create_sheet("Реестр")
    real.append(["id", "act_date", "conduct", "channel"])
    real.append(["r1", "2021-03-05", "insult", "mass_media"])
    data = io.BytesIO()
    book.save(data)
    with pytest.raises(InvalidIncident, match="Реестр"):
        read_register(io.BytesIO(data.getvalue()), "xlsx")
    book.remove(real)
    book.create_sheet("empty")
    lists = book.create_sheet("Списки")  # the lists behind a form's drop-down cells: not a register
    lists.append(["insult", "slander", "mass_media"])
    lists.sheet_state = "hidden"
    data = io.BytesIO()
    book.save(data)
    assert read_register(io.BytesIO(data.getvalue()), "xlsx").header == ("id", "act_date", "conduct", "channel")


@pytest.mark.parametrize("rows", [40, 4000])
def test_old_mac_line_ends_give_a_row_a_line_however_long_the_register(rows: int) -> None:
    """A carriage return alone ends a line (Excel for Mac's "CSV (Macintosh)" ends every line so):
    a register of such lines longer than a line may be (64 KiB) gave one line over the limit, the
    header, and was refused whole; lines of a register that end so for more than 64 KiB between
    two line feeds were one unreadable row."""
    line = "2019-03-15,slander\r"
    text = "act_date,conduct\r" + line * rows
    assert list(read_register(io.BytesIO(text.encode()), "csv").rows) == [["2019-03-15", "slander"]] * rows
    mixed = "act_date,conduct\n" + line * rows + "\n2019-03-15,insult\n"
    assert list(read_register(io.BytesIO(mixed.encode()), "csv").rows) == [
        *[["2019-03-15", "slander"]] * rows, ["2019-03-15", "insult"]]
    long = "act_date,conduct\r" + line * 3 + "x" * 70_000 + "\r" + line * rows  # a line over the limit alone
    found = list(read_register(io.BytesIO(long.encode()), "csv").rows)
    assert found[:3] + found[4:] == [["2019-03-15", "slander"]] * (3 + rows)
    assert "a line over 65536 bytes" in found[3].message


@pytest.mark.parametrize(("yes", "no"), [("ИСТИНА", "ЛОЖЬ"), ("истина", "ложь"), ("да", "нет"), ("Иә", "Жоқ"),
                                         ("ия", "жоқ")])
def test_yes_and_no_as_a_russian_excel_and_people_write_them(yes: str, no: str) -> None:
    # A Russian Excel saves TRUE and FALSE in a CSV file as ИСТИНА and ЛОЖЬ: every such row was an
    # error record. Knowingly false and dangerous information spread in a telecom network in 2021 is
    # CC 2014 Art. 274(2) («с использованием ... сетей телекоммуникаций»); stated not so, it is not.
    head = "id,act_date,conduct,channel,knowing_and_dangerous\n"
    body = "1,2021-03-05,false_information,telecom_network,{y}\n2,2021-03-05,false_information,telecom_network,{n}\n"
    found = records(head + body.format(y=yes, n=no))
    assert found == records(head + body.format(y="true", n="false"))
    assert [r["governing"] for r in found] == ["CC2014 274(2)", None]
