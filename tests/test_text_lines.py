"""Lines held as one text (:class:`~kzspeechlaw.registers.lines.TextLines`): read as the list
``splitlines(keepends=True)`` gives, cut and put into chunks as text, never changing a row."""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Sequence
from typing import Any, overload

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzspeechlaw.registers import batch, keyed, scan
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
    head, rest = TextLines("".join(lines)).pieces([count])
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
    for start, end in ((0, 0), (0, len(block) // 3), (len(block) // 5, len(block))):
        assert scan.line_feeds_in(block, start, end) == block.count("\n", start, end)


class _Counted(Sequence[str]):
    """A run of lines that counts the rows its slices copy."""

    def __init__(self, lines: list[str], copied: list[int]) -> None:
        self.lines, self.copied = lines, copied

    def __len__(self) -> int:
        return len(self.lines)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            found = self.lines[index]
            self.copied.append(len(found))
            return found
        return self.lines[index]


def _texts_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each text a ``TextLines`` is made of from now on (what cutting copied)."""
    made: list[int] = []
    init = TextLines.__init__

    def counted(self: TextLines, text: str, size: int | None = None) -> None:
        made.append(len(text))
        init(self, text, size)

    monkeypatch.setattr(TextLines, "__init__", counted)
    return made


@pytest.mark.parametrize("size", [1, 2, 7])
def test_a_long_run_is_cut_into_chunks_in_one_pass(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """Chunking a block's run copies each of its rows about once, whatever the chunk size: a
    block of a million short lines with ``--chunk-size 1`` was copied again, all but a row of it,
    for each chunk (as text, or as a list where a cell held another line break)."""
    lines = [f"2019-03-{n % 28 + 1:02d},slander\n" for n in range(3000)]
    made = _texts_made(monkeypatch)
    text = "".join(lines)
    chunks = list(batch._chunks([TextLines(text[:38]), TextLines(text[38:])], size))
    assert [row for _, chunk in chunks for row in chunk] == lines
    assert sum(made) <= 3 * len(text)
    copied: list[int] = []
    chunks = list(batch._chunks([lines[:3], _Counted(lines[3:], copied)], size))
    assert [row for _, chunk in chunks for row in chunk] == lines
    assert sum(copied) <= 2 * len(lines)


def test_consecutive_runs_of_lines_held_as_text_copy_the_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"2019-03-{n % 28 + 1:02d},slander\n" for n in range(1001)]
    made = _texts_made(monkeypatch)
    text = "".join(lines)
    for parts in (1, 2, 3, 255):
        made.clear()
        runs = keyed._consecutive(TextLines(text), parts)
        assert len(runs) == parts and [row for run in runs for row in run] == lines
        size = -(-len(lines) // parts)
        assert [len(run) for run in runs] == [len(lines[n * size:(n + 1) * size]) for n in range(parts)]
        assert sum(made) <= 2 * len(text) + 1


@given(LINES, st.data())
def test_pieces_are_the_lines_between_the_cuts(lines: list[str], data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(lines)), max_size=5)))
    pieces = TextLines("".join(lines)).pieces(cuts)
    bounds = [0, *cuts, len(lines)]
    assert [list(p) for p in pieces] == [lines[a:b] for a, b in itertools.pairwise(bounds)]
    assert [len(p) for p in pieces] == [b - a for a, b in itertools.pairwise(bounds)]
    assert "".join(p.text for p in pieces) == "".join(lines)


def test_what_a_caller_reads_of_text_lines_leaves_them_as_they_are() -> None:
    """No list a caller is given aliases the lines the text is read as: changing it changes no row
    (the keyed path reads the text, the reference the lines: they would differ)."""
    held = TextLines("a,b\nc,d\n")
    given: list[Any] = [list(held), held[:], held[0:1], [*held]]
    given += [getattr(held, name)() for name in dir(held)
              if not name.startswith("_") and name not in ("count", "index", "cut", "pieces")
              and callable(getattr(held, name))]
    for read in given:
        if isinstance(read, list) and read:
            read[0] = "x,y\n"
            read.append("e,f\n")
    assert list(held) == held[:] == ["a,b\n", "c,d\n"] and held == ["a,b\n", "c,d\n"]
    assert len(held) == 2 and held.text == "a,b\nc,d\n"
