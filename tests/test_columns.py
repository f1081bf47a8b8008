"""The rows of known keys keyed and written column by column (:mod:`kzspeechlaw.registers.columns`)
give the reference path's bytes, and the column readers read what the loop reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_keyed_batch import ACT_DAYS, DATED, DEADLINES, SPOKEN, both, decisions, facts

from kzspeechlaw.registers import columns, keys
from kzspeechlaw.registers.reading import COLUMNS

np = pytest.importorskip("numpy")

pytestmark = pytest.mark.filterwarnings("ignore::kzspeechlaw.errors.RegisterWarning",
                                        "ignore::kzspeechlaw.errors.StaleDataWarning")

IDS = ["", "a", "r1", "007", "  ", " x", "x ", "{1}", "2019-03-15", "a;b", "-"]
"""Ids of plain lines: blank, padded, numeric, braced and date-like ones."""


@st.composite
def plain_registers(draw: st.DrawFn) -> list[dict[str, str]]:
    """Rows of a few combinations of facts over a few act dates, repeated: most keys are met
    again in later rows, whose lines are all plain ASCII (what the columns key)."""
    combos = draw(st.lists(st.one_of(st.sampled_from(SPOKEN), facts()), min_size=1, max_size=3))
    acts = draw(st.lists(ACT_DAYS, min_size=1, max_size=3))
    term = draw(st.sampled_from(DEADLINES))
    later = draw(st.lists(st.sampled_from(acts).flatmap(lambda act: decisions(act, term)), min_size=1,
                          max_size=3))  # keys repeat
    out = []
    for _ in range(draw(st.integers(1, 80))):
        row = dict(draw(st.sampled_from(combos)))
        act = draw(st.sampled_from(acts))
        row["act_date"] = act.isoformat() if draw(st.integers(0, 15)) else draw(st.sampled_from(
            ["2019-02-30", "15.03.2019", "", "2019-3-15"]))
        row["decided_on"] = draw(st.sampled_from(later)) if draw(st.integers(0, 3)) else draw(decisions(act, term))
        row["id"] = draw(st.sampled_from(IDS))
        if draw(st.integers(0, 15)) == 0:
            row[draw(st.sampled_from(DATED))] = (act + dt.timedelta(days=draw(st.integers(-5, 900)))).isoformat()
        out.append(row)
    return out


def as_lines(rows_: list[dict[str, str]], end: str = "\n", order: int = 0) -> str:
    """The register as CSV, its columns in one of a few orders (the id first or last, the decision
    date first), with the given line ends."""
    names = [c for c in COLUMNS if any(c in r for r in rows_)]
    names = ["id", "act_date", *[c for c in names if c not in ("id", "act_date", "decided_on")], "decided_on"]
    if order == 1:
        names = [*names[1:], names[0]]
    elif order == 2:
        names = [names[-1], *names[:-1]]
    text = io.StringIO()
    writer = csv.writer(text, lineterminator=end)
    writer.writerow(names)
    for r in rows_:
        writer.writerow([r.get(c, "") for c in names])
    return text.getvalue()


def written(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A counter of the rows the columns write (what the loop does not)."""
    count = [0]
    key_chunk = columns.key_chunk

    def counting(*args: Any, **kwargs: Any) -> Any:
        found = key_chunk(*args, **kwargs)
        if found is not None:
            count[0] += len(found.done)
        return found

    monkeypatch.setattr(columns, "key_chunk", counting)
    return count


@settings(max_examples=int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or 150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(plain_registers(), st.sampled_from(["brief", "brief", "none"]), st.sampled_from(["\n", "\r\n"]),
       st.sampled_from([0, 1, 2]), st.sampled_from([None, "2026-06-01"]), st.sampled_from([5, 11, 2000]),
       st.sampled_from([1, 1, 2]))
def test_rows_keyed_by_columns_write_the_reference_bytes(register: list[dict[str, str]], output: str, end: str,
                                                          order: int, default: str | None, chunk_size: int,
                                                          parts: int) -> None:
    """Registers of plain lines, whose keys repeat: the rows the columns write and those the loop
    writes give the reference's bytes, tally and warnings, in one process or in parts."""
    fast, reference = both(as_lines(register, end, order), output, default, chunk_size, parts)
    assert fast == reference


def test_a_long_register_of_repeated_keys_is_mostly_written_by_the_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A register like a month's of many: five combinations of facts over a few years, each key
    met many times; the columns write most of its rows, and the bytes are the reference's."""
    count = written(monkeypatch)
    draw = random.Random(20261203)
    lines = []
    for n in range(3000):
        act = dt.date(2016, 1, 1) + dt.timedelta(days=draw.randrange(2000))
        decided = act + dt.timedelta(days=draw.randrange(1500))
        lines.append({**draw.choice(SPOKEN), "id": f"case-{n}" if n % 97 else "", "act_date": act.isoformat(),
                      "decided_on": decided.isoformat() if n % 89 else ""})
    text = as_lines(lines, "\r\n")
    for parts in (1, 2):
        count[0] = 0
        fast, reference = both(text, "brief", "2026-06-01", 500, parts)
        assert fast == reference
        assert count[0] > len(lines) // 2


@pytest.mark.parametrize("parts", [1, 2])
def test_without_numpy_the_loop_writes_every_row(monkeypatch: pytest.MonkeyPatch, parts: int) -> None:
    """Without ``numpy`` (the ``fast`` extra not installed) the loop writes every row, the router
    reads line by line and the parts' records are put back in order in plain Python: the same
    bytes."""
    monkeypatch.setattr(columns, "np", None)
    rows_ = [{**SPOKEN[n % 3], "id": f"r{n}", "act_date": f"2019-03-{1 + n % 28:02d}",
              "decided_on": f"2020-0{1 + n % 9}-15"} for n in range(200)]
    fast, reference = both(as_lines(rows_), "brief", None, 50, parts)
    assert fast == reference


def test_fact_cells_sharing_a_hash_are_left_to_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where two runs of fact cells of one length share a hash (here every one does: the mixing
    constant made zero), the chunk is the loop's: never a key taken for another's."""
    count = written(monkeypatch)
    monkeypatch.setattr(columns, "_MIX", np.uint64(0))
    rows_ = [{"conduct": c, "channel": "mass_media", "id": f"r{n}", "act_date": "2019-03-15",
              "decided_on": "2019-12-01"} for n, c in enumerate(["insult", "slander", "insult", "slander"] * 10)]
    fast, reference = both(as_lines(rows_), "brief", None, 2000, 1)
    assert fast == reference
    assert count[0] == 0


def test_many_runs_of_fact_cells_never_wrap_into_one_key() -> None:
    """Fact columns apart from each other (a column of notes between each two) are numbered run by
    run and the numbers combined: sixteen runs of sixteen blank cells of different widths (each
    reads as not stated) are more combinations than a 64-bit number holds, and an insult whose
    cells are a slander's must still be keyed as an insult (CC 2014 131(1), not 130(1))."""
    other = ["channel", "target", "allegation", "discord", "circumstances", "offender", "in_connection_with_duties",
             "knowing_and_dangerous", "mitigating", "aggravating", "stage", "procedure", "reconciled",
             "harm_compensated", "complaint", "aggregate"]
    header = ["id", "act_date", "decided_on", "conduct", *(c for n, name in enumerate(other) for c in (f"note{n}", name))]
    lines = [[f"s{k}", "2019-03-15", "2019-12-01", "slander",
              *(c for j in range(16) for c in ("", " " * ((k + j) % 16)))] for k in range(16)]
    lines.append(["i0", "2019-03-15", "2019-12-01", "insult", *lines[0][4:]])
    text = ",".join(header) + "\n" + "".join(",".join(line) + "\n" for line in lines * 2)
    fast, reference = both(text, "brief", None, 17)
    assert fast == reference
    assert b'"falls_under": "CC2014 131(1)"' in fast[0][1]


@given(st.lists(st.binary(max_size=20).filter(lambda b: b"\n" not in b), min_size=1, max_size=30))
def test_spans_number_byte_strings_as_equality_does(strings: list[bytes]) -> None:
    """Each span's number is shared exactly by the spans of the same bytes."""
    data = b"\n".join(strings) + b"\0" * 16
    starts, at = [], 0
    for s in strings:
        starts.append(at)
        at += len(s) + 1
    begin = np.array(starts, dtype=np.int64)
    end = begin + np.array([len(s) for s in strings], dtype=np.int64)
    found = columns._spans(np.frombuffer(data, dtype=np.uint8), begin, end)
    assert found is not None
    index, count = found
    assert count == len(set(strings))
    for i, a in enumerate(strings):
        for j, b in enumerate(strings):
            assert (index[i] == index[j]) == (a == b)


@pytest.mark.parametrize(("cell", "code"), [("2019-03-15", 20190315), ("", columns._BLANK),
                                            ("2019-3-15", columns._OTHER), ("2019-03-1x", columns._OTHER),
                                            ("15.03.2019", columns._OTHER), ("2019/03/15", columns._OTHER),
                                            (" 2019-03-15", columns._OTHER), ("0000-00-00", 0)])
def test_a_date_cell_is_coded_by_its_ten_bytes(cell: str, code: int) -> None:
    data = np.frombuffer((cell + "\n" + "\0" * 16).encode(), dtype=np.uint8)
    found = columns._date_codes(data, np.array([0]), np.array([len(cell.encode())]))
    assert found.tolist() == [code]


def test_a_date_that_does_not_read_is_the_loops() -> None:
    """A cell of the date's form that is no day (30 February, the year 0) reads as the table reads
    it: not at all."""
    table = keys.Table(object(), False)
    dates = columns._Dates(table.act, len(table.terms) + 1)
    numbers = dates.numbered(np.array([20190230, 20190315, 0, columns._OTHER], dtype=np.int64))
    assert [dates.days[n] is None for n in numbers.tolist()] == [True, False, True, True]


CELL = st.text(st.sampled_from("ab1-, \r\t;{}"), max_size=4)
"""Cells of plain characters, with delimiters and carriage returns among them."""


@settings(max_examples=int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or 200, deadline=None)
@given(st.lists(st.tuples(st.lists(CELL, min_size=1, max_size=4), st.sampled_from(["\n", "\r\n", "\r\r\n"])),
                min_size=1, max_size=6), st.integers(1, 4))
def test_cells_are_found_where_the_loop_splits_a_line_or_left_to_it(lines: list[tuple[list[str], str]],
                                                                    width: int) -> None:
    """A chunk is cut into cells only where every line is plain and of the header's width, each
    cell what the loop reads (the line without its end, split at the delimiter); a carriage return
    anywhere but at a line's end, or another control character, leaves the chunk to the loop."""
    rows = [",".join(cells) + end for cells, end in lines]
    found = columns._cells(rows, width, ",")
    bare = [row[:-2] if row.endswith("\r\n") else row[:-1] for row in rows]
    plain = all("\r" not in b and "\t" not in b and b.count(",") == width - 1 for b in bare)
    assert (found is not None) == plain
    if found is not None:
        text, _, starts, ends = found
        cut = [[text[s:e] for s, e in zip(starts[r].tolist(), ends[r].tolist(), strict=True)] for r in range(len(rows))]
        assert cut == [b.split(",") for b in bare]


def routes(chunks: list[list[str]], header: tuple[str, ...], parts: int, default: dt.date | None = None) -> None:
    """Route the chunks in turn by columns and line by line, and check each row goes to one
    process either way."""
    from kzspeechlaw.registers import keyed, rows

    routers = [keyed.Router(parts) for _ in range(2)]
    start = 1
    for lines in chunks:
        task = rows.Task(start, "csv", header, lines, default, "brief", ",")
        start += len(lines)
        by_columns = routers[0].route(task)
        pairs = columns.pairs
        try:
            columns.pairs = lambda *args: None  # type: ignore[assignment]
            by_loop = routers[1].route(task)
        finally:
            columns.pairs = pairs  # type: ignore[assignment]
        assert by_columns == by_loop


def test_rows_are_placed_whatever_order_their_pairs_are_counted_in() -> None:
    """The counts of a chunk's pairs come in another order by columns than line by line: the
    processes' loads are exact, so the rows are placed alike (found by the review)."""
    header = ("id", "act_date", "conduct", "decided_on")
    first = [("2016-07-01", "2019-01-01"), ("2015-03-01", "2024-09-01"), ("2018-02-01", "2024-09-01"),
             ("2020-05-01", "2024-09-01")]
    second = [("2015-03-01", "2019-01-01"), ("2020-05-01", "2024-09-01"), ("2020-05-01", "2019-01-01"),
              ("2016-07-01", "2019-01-01"), ("2015-03-01", "2019-01-01"), ("2020-05-01", ""),
              ("2020-05-01", "2019-01-01"), ("2016-07-01", "2024-09-01"), ("2015-03-01", "2019-01-01"),
              ("2015-03-01", "2024-09-01"), ("2015-03-01", "2024-09-01")]
    routes([[f"r{n},{a},insult,{d}\n" for n, (a, d) in enumerate(dates)] for dates in (first, second)], header, 3)


@settings(max_examples=int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or 60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(plain_registers(), st.sampled_from([None, "2026-06-01"]), st.sampled_from([2, 3]), st.sampled_from([1, 3]))
def test_the_columns_route_rows_as_the_loop_does(register: list[dict[str, str]], default: str | None, parts: int,
                                                 chunks: int) -> None:
    """The router gives each row the process it gives it line by line, chunk after chunk (dates
    written ``YYYY-MM-DD`` or blank: another form is routed by position here)."""
    import re

    shaped = re.compile(r"(\d{4}-\d{2}-\d{2})?")
    register = [r for r in register if all(shaped.fullmatch(r.get(c, "")) for c in ("act_date", "decided_on"))]
    if not register:
        return
    lines = as_lines(register).splitlines(keepends=True)
    size = -(-(len(lines) - 1) // chunks)
    routes([lines[start:start + size] for start in range(1, len(lines), size)],
           tuple(lines[0].rstrip("\n").split(",")), parts, dt.date.fromisoformat(default) if default else None)


@pytest.mark.parametrize("loop", [["b1"], [b"b1"], []])
def test_known_rows_are_merged_with_the_loops_in_row_order(loop: list[Any]) -> None:
    """The records written here and the loop's are put back in the rows' order, as the bytes the
    share gives (each record with its line feed), and the count codes with them (a record of the
    loop's may be bytes, a long template's)."""
    pieces = np.array([["{", "a0", ",", "", "}", "\n"], ["{", "a2", ",", "2019-01-01", "}", "\n"]], dtype=object)
    slow = [1] if loop else []
    known = columns.Known(slow, ["b1\n"] if loop else [], np.array([0, 2]), pieces, np.array([10, 12]), 0)
    output, codes = known.merged(loop, [11] if loop else [])
    assert output == b"{a0,}\n" + (b"b1\n" if loop else b"") + b"{a2,2019-01-01}\n"
    assert codes == ([10, 11, 12] if loop else [10, 12])


def test_the_loops_records_first_and_last_are_put_in_their_places() -> None:
    """The loop's records of the chunk's first and last rows, and of two rows in turn, go before,
    after and between the records written here, each in its row's place."""
    pieces = np.array([["{", f"a{n}", "", "", "}", "\n"] for n in (1, 2, 5)], dtype=object)
    known = columns.Known([0, 3, 4, 6], ["b0\n", "b3\n", "b4\n", "b6\n"], np.array([1, 2, 5]), pieces, np.array([1, 2, 5]),
                          0)
    output, codes = known.merged(["b0", "b3", "b4", "b6"], [0, 3, 4, 6])
    assert output == b"b0\n{a1}\n{a2}\nb3\nb4\n{a5}\nb6\n"
    assert codes == list(range(7))


def test_dates_started_afresh_past_the_bound_still_read_each_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past :data:`~kzspeechlaw.registers.keys.MAX_KEYS` dates the store starts afresh (memory stays
    bounded), and each row's number still gives its own date, in every array."""
    monkeypatch.setattr(columns, "MAX_KEYS", 5)
    table = keys.Table(object(), False)
    dates = columns._Dates(table.act, len(table.terms) + 1)
    days = [dt.date(2019, 3, 1) + dt.timedelta(days=n) for n in range(20)]
    for start in range(0, 20, 4):
        chunk = [d.year * 10000 + d.month * 100 + d.day for d in days[start:start + 4]] * 2
        numbers = dates.numbered(np.array(chunk, dtype=np.int64)).tolist()
        for code, n in zip(chunk, numbers, strict=True):
            day = dt.date(code // 10000, code // 100 % 100, code % 100)
            assert dates.days[n].day == day
            assert dates.ordinal[n] == day.toordinal()
            assert dates.text_of[n * (dates.terms + 1)] == day.isoformat()  # its text, then its slots
            assert dates.deadlines[n].tolist() == list(dates.days[n].deadlines)
    assert len(dates.days) <= 12


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 3).flatmap(lambda parts: st.tuples(st.just(parts), st.lists(st.tuples(
    st.integers(0, parts - 1), st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")), st.booleans()),
    max_size=40))))
def test_parts_records_are_put_back_in_the_rows_order(case: tuple[int, list[tuple[int, bytes, bool]]]) -> None:
    """Each part's lines are found (short lines at once, long ones one by one, or without numpy)
    and the records are put back in the rows' order, as taking them row by row does."""
    parts, rows_ = case
    records = [text + (b"x" * 3000 if long else b"") + b"\n" for _, text, long in rows_]
    where = bytes(p for p, _, _ in rows_)
    outputs = [bytearray(b"".join(r for (p, _, _), r in zip(rows_, records, strict=True) if p == n))
               for n in range(parts)]
    for numpy in (np, None):
        columns.np = numpy
        try:
            ends = [columns.line_ends(out, where.count(n)) for n, out in enumerate(outputs)]
            assert [len(e) for e in ends] == [where.count(n) for n in range(parts)]
            assert columns.interleaved(where, outputs, ends) == b"".join(records)
        finally:
            columns.np = np


def test_records_in_text_bytes_and_pieces_are_joined_as_their_text() -> None:
    """A share's records, as text, as bytes and as a long template's pieces, make one block of
    bytes, a line feed after each."""
    from kzspeechlaw.registers import rows

    lines: list[Any] = ["{\"id\": 1}", "{\"id\": \"ж\"}".encode(), [b"{\"id\": ", b"", b"3}"], "{\"a\": \"\\ud800\"}"]
    assert rows.joined(lines) == "{\"id\": 1}\n{\"id\": \"ж\"}\n{\"id\": 3}\n{\"a\": \"\\ud800\"}\n".encode()
    assert rows.joined(lines[:1] + lines[3:]) == rows.encoded("\n".join([lines[0], lines[3]]) + "\n")
    assert rows.joined([]) == b""


def test_a_subclass_of_text_is_joined_as_its_text() -> None:
    """A record given as a subclass of ``str`` is encoded as text is."""
    from kzspeechlaw.i18n import Message
    from kzspeechlaw.registers import rows

    assert rows.joined([Message("ж"), b"x"]) == "ж\nx\n".encode()
