"""Lines held as one text (:class:`~kzspeechlaw.registers.lines.TextLines`): read as the list
``splitlines(keepends=True)`` gives, cut and put into chunks as text, never changing a row."""

from __future__ import annotations

import pickle
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kzspeechlaw.registers import batch, scan
from kzspeechlaw.registers.lines import TextLines

LINE = st.text(st.characters(blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=8).flatmap(
    lambda body: st.sampled_from((body + "\n", body + "\r\n")))
"""A line as a block holds it: no line break but its line feed (``\\r\\n`` too)."""

LINES = st.lists(LINE, max_size=12)


@given(LINES, st.data())
def test_text_lines_read_as_the_list_of_their_lines(lines: list[str], data: st.DataObject) -> None:
    held = TextLines("".join(lines))
    assert len(held) == len(lines) and list(held) == lines and held == lines
    start, stop = data.draw(st.integers(-15, 15)), data.draw(st.integers(-15, 15))
    assert held[start:stop] == lines[start:stop]
    if lines:
        at = data.draw(st.integers(-len(lines), len(lines) - 1))
        assert held[at] == lines[at]
    again = pickle.loads(pickle.dumps(held))
    assert again == lines and len(again) == len(lines)


@given(LINES, st.data())
def test_a_cut_gives_the_lines_before_and_after_it(lines: list[str], data: st.DataObject) -> None:
    count = data.draw(st.integers(0, len(lines)))
    head, rest = TextLines("".join(lines)).cut(count)
    assert (list(head), list(rest)) == (lines[:count], lines[count:])
    assert (len(head), len(rest)) == (count, len(lines) - count)
    assert head.text + rest.text == "".join(lines)


RUN = st.one_of(LINES.map(lambda lines: TextLines("".join(lines))), st.lists(st.lists(st.text(max_size=3)), max_size=5))
"""A run as the reader gives it: lines held as text, or a list of rows (cells)."""


@given(st.lists(RUN, max_size=8), st.integers(1, 7), st.one_of(st.none(), st.integers(1, 7)))
def test_chunks_hold_the_rows_in_order_and_lines_stay_text(runs: list[Any], size: int, first: int | None) -> None:
    """The chunks are the rows of the runs in order, in chunks of ``first`` rows doubling up to
    ``size`` (the last what is left), each with its first row's position; a chunk of lines held as
    text alone is text itself."""
    rows = [row for run in runs for row in run]
    chunks = list(batch._chunks(runs, size, first))
    assert [row for _, chunk in chunks for row in chunk] == rows
    take, start = min(first or size, size), 1
    for n, (at, chunk) in enumerate(chunks):
        assert at == start
        assert len(chunk) == take or (n == len(chunks) - 1 and 0 < len(chunk) < take)
        start += len(chunk)
        take = min(2 * take, size)
    if all(isinstance(run, TextLines) for run in runs):
        assert all(isinstance(chunk, TextLines) for _, chunk in chunks)


@given(st.text(st.sampled_from("ab,\n \t\r\x0b\x1c\x85\xa0é"), max_size=40), st.integers(0, 3))
def test_the_scans_agree_with_the_standard_library(text: str, repeat: int) -> None:
    """Counting line feeds and finding a line that starts with a space give what ``bytes.count``
    and the pattern give, on blocks large enough to be scanned with numpy too."""
    block = text * (1 + repeat * (scan.LARGE // max(len(text), 1)))
    data = block.encode("utf-8")
    assert scan.line_feeds(data) == data.count(b"\n")
    assert scan.spaced(block) == (scan.SPACED.search(block) is not None)
    assert scan.spaced(block, "\r") == (scan.SPACED_CR.search(block) is not None)
    lone = scan.LONE_CR.search(data)
    assert scan.lone_return(data) == (lone.start() if lone is not None else -1)
    for end in (0, len(block) // 3, len(block)):
        assert scan.line_feeds_before(block, end) == block.count("\n", 0, end)
