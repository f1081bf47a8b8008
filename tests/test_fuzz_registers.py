"""Fuzzing the register readers and the command line with arbitrary input.

The properties: a register gives exactly one record per non-blank physical line, in order, each
strict JSON, whatever the lines hold; the command line returns 0 or 2 (never a traceback, never
the internal-error status 1), within a time bound. CI runs the derandomized ``ci`` profile
(tests/conftest.py); ``KZSPEECHLAW_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz_registers.py``
runs a larger budget locally.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import tempfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzspeechlaw.cli.commands import main
from kzspeechlaw.registers import batch
from kzspeechlaw.registers.reading import COLUMNS, read_register

pytestmark = pytest.mark.filterwarnings("ignore::kzspeechlaw.errors.RegisterWarning")

EXAMPLES = int(os.environ.get("KZSPEECHLAW_FUZZ_EXAMPLES", "0")) or None
BOUND = dt.timedelta(seconds=10)  # per example, generous: the first one loads the data
fuzz = settings(max_examples=EXAMPLES, deadline=BOUND) if EXAMPLES else settings(deadline=BOUND)


def strict(line: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in a record")

    return json.loads(line, parse_constant=refuse)


def outputs(data: bytes, fmt: str | None) -> list[Any]:
    chunks = batch.run(read_register(io.BytesIO(data), fmt), "2020-01-01", chunk_size=7)
    return [strict(r) for c in chunks for r in c.records]


# Cells as a register might hold them: vocabulary, dates in many shapes, and anything at all.
WORDS = st.sampled_from(["slander", "insult", "telecom_network", "mass_media", "2019-03-15", "2020-07-10",
                         "9999-12-31", "0001-01-01", "15.03.2019", "", " ", "NaN", "emergency;group", '"', "'",
                         "\ufeff", "\u2028", "\x85", "\x00", "999999999999999999999999"])
CELL = st.one_of(WORDS, st.text(max_size=12))
NOT_LINE_BREAK = st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",))


@st.composite
def csv_registers(draw: st.DrawFn) -> tuple[bytes, int]:
    header = draw(st.lists(st.sampled_from(COLUMNS), min_size=0, max_size=6, unique=True))
    header = ["act_date", "conduct", *[c for c in header if c not in ("act_date", "conduct")]]
    lines = draw(st.lists(st.one_of(
        st.lists(CELL, min_size=1, max_size=len(header) + 2).map(",".join),
        st.text(NOT_LINE_BREAK, max_size=40),
    ), max_size=12))
    lines = [line for line in lines if "\r" not in line and "\n" not in line]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]))
    text = ",".join(header) + "\n" + "".join(f"{line}\n" for line in lines)
    data = text.encode(encoding, "replace")
    decoded = data.decode(encoding.removesuffix("-sig"), "replace").removeprefix("\ufeff")
    return data, sum(1 for line in decoded.split("\n")[1:] if line.replace(",", "").strip())  # not empty cells alone


@given(csv_registers())
@fuzz
def test_every_csv_line_gives_one_strict_record(register: tuple[bytes, int]) -> None:
    data, rows = register
    assert len(outputs(data, "csv")) == rows


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | WORDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(COLUMNS) | st.text(max_size=5),
                                                                  inner, max_size=5),
    max_leaves=12,
)


@given(st.lists(st.one_of(JSON.map(lambda v: json.dumps(v)), st.text(NOT_LINE_BREAK, min_size=1, max_size=30)),
                max_size=10))
@fuzz
def test_every_json_line_gives_one_strict_record(lines: list[str]) -> None:
    data = "".join(f"{line}\n" for line in lines).encode("utf-8", "surrogatepass")
    expected = sum(1 for line in data.split(b"\n") if line.decode("utf-8", "replace").strip())
    assert len(outputs(data, "jsonl")) == expected


@given(st.binary(max_size=300))
@fuzz
def test_arbitrary_bytes_never_crash_the_reader(data: bytes) -> None:
    for fmt in ("csv", "jsonl", None):
        try:
            outputs(b"act_date,conduct\n" + data if fmt == "csv" else data, fmt)
        except batch.InvalidIncident:  # a header the reader refuses, before any row
            assert fmt != "jsonl"


TOKENS = st.sampled_from([
    "show", "history", "compare", "mci", "classify", "assess", "coverage", "timeline", "batch", "tally",
    "--on", "--json", "--lang", "ru", "kk", "en", "--act-date", "--conduct", "--channel", "--target",
    "--allegation", "--circumstance", "--offender", "--decided-on", "--proceedings-date", "--purpose",
    "--workers", "--format", "--encoding", "--file", "--full", "--summary", "--help",
    "CC2014 130(2)", "ч. 3 ст. 130 УК РК", "AOC2014 73-3(2)", "CC1997 129(2)", "2019-09-23", "2021-03-01",
    "9999-12-31", "0001-01-01", "2019-02-30", "slander", "insult", "telecom_network", "mass_media", "judge",
    "emergency", "legal_entity", "fines", "benefits", "0", "-1", "999999", "nonexistent.csv", "x.jsonl",
    "CC2014 130(" + "9" * 5000 + ")", " " * 1000, "\ud800",
])


@given(st.lists(st.one_of(TOKENS, st.text(max_size=20)), max_size=8))
@fuzz
def test_the_command_line_answers_or_says_why_in_one_line(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as cwd, contextlib.chdir(cwd), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert code in (0, 2), (argv, err.getvalue())
    if code == 2:
        assert "Traceback" not in err.getvalue()


# Lines as a CSV register might hold them around its rows: plain rows, quoted cells (one closing on
# a later line: a note typed with Alt+Enter), blank and all-space lines, NULs, CRLF ends, lone CRs,
# and what else ends a line for str.splitlines (a text's own line separator, a form feed).
LINE = st.one_of(
    st.lists(st.sampled_from(["2019-03-15", "slander", "x", "", " ", "\u00a0a", "\x00"]), min_size=1, max_size=4)
    .map(",".join),
    st.sampled_from(['2019-03-15,slander,"a,b"', '2019-03-15,slander,"open', 'note"', "", " ", "\t", "\u3000",
                     " 2019-03-15,insult", "a\rb", "a\r \rb", "a\u2028b", "\x0c", '"', "\x00"]),
)


@given(st.lists(LINE, max_size=40), st.sampled_from(["\n", "\r\n"]), st.integers(8, 200), st.booleans())
@fuzz
def test_rows_read_in_runs_are_the_rows_read_line_by_line(
        lines: list[str], end: str, block: int, last_end: bool) -> None:
    """A byte stream's lines are taken in runs (a block's lines at once, :func:`lines._by_blocks`),
    a text stream's one by one: the rows are the same, however the runs cut the lines (small
    blocks: a quoted cell spans two runs), and the batch's chunks hold them in order."""
    from unittest import mock

    from kzspeechlaw.registers import lines as lines_module

    text = "act_date,conduct,notes" + end + end.join(lines) + (end if last_end else "")

    def read(stream: Any) -> list[Any]:
        return list(read_register(stream, "csv").rows)

    with mock.patch.object(lines_module, "BLOCK_BYTES", block):
        in_runs = read(io.BytesIO(text.encode()))
        register = read_register(io.BytesIO(text.encode()), "csv")
        chunked = [row for _, chunk in batch._chunks(register.rows.runs, 3, 1) for row in chunk]
    assert in_runs == read(io.BytesIO(text.encode()))  # in runs of a megabyte
    if "\r" not in text.replace("\r\n", ""):  # a text stream's readline ends a line at a lone CR as it is
        assert in_runs == read(io.StringIO(text, newline=""))
    assert [r if not isinstance(r, str) else r.rstrip("\r\n").split(",") for r in chunked] == in_runs
    assert all(r.strip() for r in chunked if isinstance(r, str))  # a blank line is no row, whatever ends it


@given(st.lists(st.one_of(LINE, st.sampled_from(["2019-03-15,slander,", "2019-03-15,insult,x", "2015-01-01,slander,"])),
                max_size=40), st.sampled_from(["\n", "\r\n"]), st.integers(8, 200), st.booleans(),
       st.sampled_from([1, 2, 7, 2000]))
@fuzz
def test_lines_read_in_runs_write_the_reference_bytes(lines: list[str], end: str, block: int, last_end: bool,
                                                      chunk_size: int) -> None:
    """The keyed path's records of a byte stream read in runs (a block's plain lines held as one
    text) are the reference's of the same register read line by line, whatever the chunks."""
    from unittest import mock

    from kzspeechlaw.registers import lines as lines_module

    text = "act_date,conduct,notes" + end + end.join(lines) + (end if last_end else "")

    def written(stream: Any, keyed: bool) -> tuple[bytes, dict[str, Any]]:
        chunks = list(batch.run(read_register(stream, "csv"), "2020-01-01", chunk_size=chunk_size, keyed=keyed))
        tally = batch.Tally()
        for chunk in chunks:
            tally.merge(chunk.tally)
        return b"".join(c.output for c in chunks), tally.to_dict()

    with mock.patch.object(lines_module, "BLOCK_BYTES", block):
        fast = written(io.BytesIO(text.encode()), True)
    assert fast == written(io.BytesIO(text.encode()), False)
    if "\r" not in text.replace("\r\n", ""):  # a text stream's readline ends a line at a lone CR as it is
        assert fast == written(io.StringIO(text, newline=""), False)


@pytest.mark.parametrize("data", [b"act_date,conduct\na,b\r \rc,d\n", b"act_date,conduct\na,b\r\rc,d\r\n",
                                  b"act_date,conduct\r \ra,b\n\t\r\nc,d"])
def test_a_blank_line_is_skipped_whatever_ends_it(data: bytes) -> None:
    """A line of spaces ended by a lone CR is blank, as one ended by a line feed (found by review:
    the runs' fast path looked for blank lines after line feeds alone)."""
    assert list(read_register(io.BytesIO(data), "csv").rows) == [["a", "b"], ["c", "d"]]


# --- yes/no cells as pandas and spreadsheets hold them -------------------------------------------

FLAGS = ("in_connection_with_duties", "knowing_and_dangerous", "reconciled", "harm_compensated", "complaint",
         "pregnant", "young_children", "mitigating", "aggravating")
INSULT = {"act_date": "2021-03-15", "conduct": "insult", "channel": "telecom_network",
          "target": "authority_representative"}


def _numpy_values() -> st.SearchStrategy[Any]:
    """numpy booleans and integers (none where numpy, an optional extra, is not installed)."""
    try:
        import numpy as np
    except ImportError:
        return st.nothing()
    return st.one_of(st.booleans().map(np.bool_),
                     st.tuples(st.sampled_from([np.int8, np.int64, np.uint8, np.uint64]), st.integers(0, 127))
                     .map(lambda t: t[0](t[1])))


@given(st.sampled_from(FLAGS), st.one_of(st.booleans(), st.integers(-3, 3), st.integers(), _numpy_values(),
                                         st.floats(allow_nan=False)))
@fuzz
def test_a_yes_no_field_takes_a_boolean_or_the_integer_1_or_0_as_its_text(field: str, value: Any) -> None:
    """A numpy boolean (a pandas ``boolean`` column's cell) and the numbers 1 and 0 (an Excel number,
    a pandas integer column, its 1.0 and 0.0 where blanks make it a float column) are read as
    ``"true"`` and ``"false"`` are; no other number is a yes or no (2, -1, 0.5 are refused, as
    "maybe" is)."""
    import numbers

    import kzspeechlaw as kz

    yes_no = isinstance(value, bool) or type(value).__name__ in ("bool", "bool_") or (
        isinstance(value, numbers.Real) and value in (0, 1))
    if not yes_no:
        with pytest.raises(kz.InvalidIncident, match=field):
            kz.Incident.from_dict({**INSULT, field: value})
        return
    as_text = kz.Incident.from_dict({**INSULT, field: "true" if value else "false"})
    assert kz.Incident.from_dict({**INSULT, field: value}) == as_text
    assert type(getattr(as_text, field)) is bool


def test_a_nullable_boolean_column_is_read_as_its_text() -> None:
    """A DataFrame's nullable ``boolean`` column and an integer 1/0 column give the answers their
    text gives; an empty cell is a fact not stated."""
    pd = pytest.importorskip("pandas")
    import kzspeechlaw as kz

    frame = pd.DataFrame([dict(INSULT)] * 3)
    as_text = kz.assess_frame(frame.assign(in_connection_with_duties=["true", None, "false"]), "2021-12-01")
    for column in (pd.array([True, None, False], dtype="boolean"), pd.array([1, None, 0], dtype="Int64"),
                   [1.0, float("nan"), 0.0]):  # an integer column with a blank, as pandas reads it: floats
        out = kz.assess_frame(frame.assign(in_connection_with_duties=column), "2021-12-01")
        assert out.equals(as_text) and out["error_message"].isna().all()
    assert list(as_text["governing"]) == ["CC2014 378(2)", "CC2014 131(2)", "CC2014 131(2)"]
