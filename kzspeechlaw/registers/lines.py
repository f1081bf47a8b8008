"""The physical lines of a register: decoded, each at most :data:`MAX_ROW_BYTES` long.

The rules (:mod:`kzspeechlaw.registers.reading` says them whole): UTF-8 with or without a
byte-order mark, each line that is not UTF-8 read as Windows-1251 (one warning, at the first); with
an explicit encoding, a line that does not decode is unreadable; a line longer than
:data:`MAX_ROW_BYTES` is unreadable (its start quoted); a carriage return inside a line (old Mac
line ends) ends a line.

A byte stream is read in blocks: a run of lines that keep every rule as they stand (none too
long, none with a lone carriage return, all decoding) is decoded at once; any other line is read
on its own as :func:`_line_by_line` reads every line of a text stream. The lines are the same,
and :class:`Lines` gives them one by one or a block's at once.
"""

from __future__ import annotations

import io
import itertools
import re
import warnings
from collections.abc import Iterator, Sequence
from typing import IO, Any, overload

import attrs

from kzspeechlaw.errors import QUOTE_LIMIT, InvalidIncident, RegisterWarning, cut
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.registers import scan

ENCODINGS = ("utf-8", "cp1251", "latin-1")
"""Encodings that may be named; without one, UTF-8 and then Windows-1251 (see the module doc)."""

MAX_ROW_BYTES = 65_536
"""The longest line a register may have (64 KiB; an incident's row is well under 1 KiB)."""

BLOCK_BYTES = 1 << 20
"""How much of a byte stream is read at a time."""

_ESCAPED = re.compile("[\udc80-\udcff]")
"""A byte that is not UTF-8, as ``surrogateescape`` decodes it."""
_UTF8_LINE = re.compile("^[^\n\udc80-\udcff]*[^\x00-\x7f\udc80-\udcff][^\n\udc80-\udcff]*$", re.MULTILINE)
"""A line that is UTF-8 and holds a letter beyond ASCII (where a register that is not UTF-8 holds
none, all of it is read as Windows-1251 at once)."""
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""What ``str.splitlines`` ends a line at besides a line feed (and a CR, which a run holds only
before one)."""


@attrs.frozen
class Unreadable:
    """A line the reader could not turn into a row: its start, and why."""

    value: Any
    message: str


class _Blocks:
    """A byte stream read in blocks, with ``readline(limit)`` as a binary stream has it and the
    complete lines buffered so far (:meth:`run`)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.data = b""
        self.pos = 0
        self.eof = False

    def _fill(self) -> None:
        # read1: what is there (a pipe's lines as they come), never waiting for a whole block
        read = getattr(self.stream, "read1", self.stream.read)
        block = read(BLOCK_BYTES)
        if not block:
            self.eof = True
        self.data = self.data[self.pos:] + block
        self.pos = 0

    def readline(self, limit: int) -> bytes:
        while True:
            end = self.data.find(b"\n", self.pos, self.pos + limit)
            if end >= 0:
                line = self.data[self.pos:end + 1]
                self.pos = end + 1
                return line
            if len(self.data) - self.pos >= limit:  # no line feed within the limit: a lone CR ends a line too
                end = self.data.rfind(b"\r", self.pos, self.pos + limit - 1)  # (the last byte's CR may be a CRLF's)
                line = self.data[self.pos:end + 1 if end >= 0 else self.pos + limit]
                self.pos += len(line)
                return line
            if self.eof:
                line = self.data[self.pos:]
                self.pos += len(line)
                return line
            self._fill()

    def run(self) -> bytes:
        """The complete lines buffered from the current position up to the first that breaks a
        rule as it stands: longer than :data:`MAX_ROW_BYTES`, or holding a lone carriage return
        (not consumed; empty where the next line is such a line)."""
        if self.data.find(b"\n", self.pos) < 0 and not self.eof:
            self._fill()
        end = self.data.rfind(b"\n", self.pos) + 1
        if end <= self.pos:
            return b""
        region = self.data[self.pos:end]
        lone = scan.lone_return(region)
        if lone >= 0:
            region = region[:region.rfind(b"\n", 0, lone) + 1]
        if not _short_lines(region):
            lengths = [len(piece) for piece in region.split(b"\n")]
            if max(lengths) > MAX_ROW_BYTES:
                first = next(i for i, n in enumerate(lengths) if n > MAX_ROW_BYTES)
                region = region[:sum(lengths[:first]) + first]
        return region


def _short_lines(region: bytes) -> bool:
    """Whether no line of ``region`` is longer than :data:`MAX_ROW_BYTES`, where a few searches
    show it: a run of that many bytes without a line feed holds a whole one of the blocks of half
    its length that the region is cut into, so where every block holds a line feed there is none
    (``False``: look at each line)."""
    half = MAX_ROW_BYTES // 2
    return all(region.find(b"\n", at, at + half) >= 0 for at in range(0, len(region) - half + 1, half))


def physical_lines(stream: IO[str] | IO[bytes], encoding: str | None) -> Lines:
    """The stream's physical lines as text, each at most :data:`MAX_ROW_BYTES` long (a longer
    one, or one that does not decode, as :class:`Unreadable`), the byte-order mark removed."""
    if encoding is not None and encoding not in ENCODINGS:
        raise InvalidIncident("encoding", encoding, f"one of {', '.join(ENCODINGS)}")
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        return Lines(_by_blocks(_Blocks(stream), encoding))
    return Lines(_line_by_line(stream, encoding))


class TextLines(Sequence[str]):
    """Consecutive lines, each ending in a line feed (``\r\n`` too), held as one text: what a
    block decodes to, kept whole until a line is asked for, so that a run of lines read, cut into
    chunks and sent to a worker process is split, joined and pickled line by line nowhere (a
    million rows' lines cost a fifth of a second of CPU that way). It is the list
    ``text.splitlines(keepends=True)`` in every way a sequence is read (indexing, slicing,
    iterating, comparing), a slice being a list; :meth:`pieces` cuts it without splitting it.
    Only a text that ``splitlines`` splits at its line feeds alone is held so (no other line
    break, no lone carriage return)."""

    __slots__ = ("_lines", "_size", "text")

    def __init__(self, text: str, size: int | None = None) -> None:
        self.text = text
        self._size = text.count("\n") if size is None else size  # its lines
        self._lines: list[str] | None = None

    def _split(self) -> list[str]:
        """The lines, split once (this list is the one read: never given to a caller, who could
        change it and so the rows, but not the text)."""
        if self._lines is None:
            self._lines = self.text.splitlines(keepends=True)
        return self._lines

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._split()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._split())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TextLines):
            return self.text == other.text
        return isinstance(other, list) and self._split() == other

    __hash__ = None  # type: ignore[assignment]  # a list's equal: not hashable

    def __repr__(self) -> str:
        return f"TextLines({self._size} lines)"

    def __reduce__(self) -> tuple[Any, ...]:
        return TextLines, (self.text, self._size)  # the text alone: pickled in one piece

    def pieces(self, cuts: Sequence[int]) -> list[TextLines]:
        """The lines cut before each line of ``cuts`` (ascending, each from 0 to ``len(self)``):
        ``len(cuts) + 1`` consecutive pieces, each held as text, the text read and copied once
        whatever their number (a piece cut at a time, the rest copied each time, cost the square of
        a block's lines for chunks of a few rows)."""
        text, at, before = self.text, 0, 0
        found: list[TextLines] = []
        for count in cuts:
            if not before <= count <= self._size:
                raise IndexError(f"cannot cut {self._size} lines after {count}")
            end = self._start(count, at, before)
            found.append(TextLines(text[at:end], count - before))
            at, before = end, count
        found.append(TextLines(text[at:], self._size - before))
        return found

    def _start(self, count: int, at: int, before: int) -> int:
        """Where line ``count`` starts (the text's end for ``len(self)``), from ``at``, where line
        ``before`` starts: found from an estimate of where it is, counting the line feeds up to it
        and moving line by line from there."""
        text = self.text
        if count == before:
            return at
        if count == self._size:
            return len(text)
        estimate = at + (len(text) - at) * (count - before) // (self._size - before)
        start = text.rfind("\n", at, estimate) + 1 or at  # a line's start
        seen = before + scan.line_feeds_in(text, at, start)  # lines before it
        while seen < count:
            start = text.find("\n", start) + 1
            seen += 1
        while seen > count:
            start = text.rfind("\n", 0, start - 1) + 1
            seen -= 1
        return start


Run = Sequence[str | Unreadable]
"""Lines read at once: a list, or, where they are text that needs no splitting but at line feeds,
:class:`TextLines`."""


class Lines:
    """A stream's physical lines, one at a time, or in *runs* (:meth:`run`): the lines of a block
    decoded at once come as one run, a :data:`Run` (a reader that takes a million lines one by one
    spends more on taking them than on reading them)."""

    def __init__(self, runs: Iterator[Run]) -> None:
        self._runs = runs
        self._run: Run = []
        self._at = 0

    def __iter__(self) -> Lines:
        return self

    def __next__(self) -> str | Unreadable:
        while self._at >= len(self._run):
            self._run, self._at = next(self._runs), 0
        self._at += 1
        return self._run[self._at - 1]

    def run(self) -> Run | None:
        """The lines of the current run not yet taken, or the next run where all are (``None`` at
        the end)."""
        run = self._run[self._at:] if self._at < len(self._run) else next(self._runs, None)
        self._run, self._at = [], 0
        return run

    def unread(self, lines: Run) -> None:
        """Give ``lines`` back: they are taken again, before the rest."""
        self._run, self._at = [*lines, *self._run[self._at:]], 0


def _by_blocks(blocks: _Blocks, encoding: str | None) -> Iterator[Run]:
    state = _State(encoding)
    while True:
        if state.number:  # the first line (its byte-order mark) is read on its own
            region = blocks.run()
            try:
                text = state.decoded(region)
            except UnicodeDecodeError as error:  # the lines before the one that does not decode
                region = region[:region.rfind(b"\n", 0, error.start) + 1]
                text = state.decoded(region)
            if region:
                blocks.pos += len(region)
                lines: Run
                if not any(other in text for other in _OTHER_BREAKS):  # splitlines' lines are the same
                    lines = TextLines(text, scan.line_feeds(region))  # a line feed is one byte in both
                else:
                    lines = [line + "\n" for line in text.split("\n")]
                    lines.pop()  # the empty text after the last line feed
                state.number += len(lines)
                yield lines
                continue
        found = state.line(blocks)
        if found is None:
            return
        yield found


class _State:
    """What reading lines one by one carries from line to line: the encoding, the line number."""

    def __init__(self, encoding: str | None) -> None:
        self.encoding = encoding
        self.current = encoding or "utf-8"
        self.number = 0

    def decoded(self, region: bytes) -> str:
        """Whole lines as text (see :meth:`line`); a :class:`UnicodeDecodeError` whose ``start`` is in
        the first line that does not decode."""
        if self.encoding is not None or self.current == "utf-8":
            return region.decode(self.current)
        text = region.decode("utf-8", "surrogateescape")  # a byte that is not UTF-8 as a lone surrogate
        if _ESCAPED.search(text) is None:
            return text
        if _UTF8_LINE.search(text) is None:  # no line is UTF-8 beyond ASCII
            return region.decode("cp1251")
        lines, at = [], 0
        for line, raw in zip(text.split("\n"), region.split(b"\n"), strict=True):  # a line feed is one byte in both
            if _ESCAPED.search(line) is not None:
                try:
                    line = raw.decode("cp1251")
                except UnicodeDecodeError as error:
                    raise UnicodeDecodeError("cp1251", region, at + error.start, at + error.end, error.reason) from None
            lines.append(line)
            at += len(raw) + 1
        return "\n".join(lines)

    def line(self, stream: Any) -> list[str | Unreadable] | None:
        """The next physical line (or the pieces a lone carriage return cuts it into), or ``None``
        at the end."""
        line = stream.readline(MAX_ROW_BYTES + 1)
        if not line:
            return None
        self.number += 1
        if self.number == 1 and self.encoding not in (None, "utf-8") and line[:3] == b"\xef\xbb\xbf":
            # UTF-8's byte-order mark: read in another encoding, every letter beyond ASCII would be
            # another letter (Cyrillic ids garbled, the first column's name not a field's)
            raise InvalidIncident("encoding", self.encoding, N_(
                "the register's own encoding: it starts with UTF-8's byte-order mark, so it is UTF-8 text (give "
                "--encoding utf-8, or none)"))
        ending = b"\n" if isinstance(line, bytes) else "\n"
        if len(line) > MAX_ROW_BYTES and not line.endswith(ending):
            start = line[:QUOTE_LIMIT]
            while line and not line.endswith(ending):
                line = stream.readline(MAX_ROW_BYTES + 1)  # skip the rest of this line
                if isinstance(stream, _Blocks) and line.endswith(b"\r"):  # it ends at a lone CR:
                    stream.pos -= len(line) - line.index(b"\r") - 1  # the lines after it read next
                    break
            shown = start.decode(self.current, "replace") if isinstance(start, bytes) else start
            return [Unreadable(cut(shown), f"a line over {MAX_ROW_BYTES} bytes")]
        if isinstance(line, bytes):
            decoded = _decoded(line, self.encoding or "utf-8")  # a line that is UTF-8 is read as UTF-8
            if isinstance(decoded, UnicodeDecodeError) and self.encoding is None:
                if self.current == "utf-8":
                    self.current = "cp1251"  # not UTF-8: Excel's Cyrillic encoding from here on
                    warnings.warn(Message("the register is not UTF-8 text: its lines that are not UTF-8, from line "
                                          "{line} on, read as Windows-1251 (name its encoding with --encoding "
                                          "where it is another)", line=self.number), RegisterWarning, stacklevel=2)
                decoded = _decoded(line, self.current)
            if isinstance(decoded, UnicodeDecodeError):
                what = "neither UTF-8 nor Windows-1251 text" if self.encoding is None else f"not {self.current} text"
                return [Unreadable(cut(line.decode(self.current, "replace").rstrip("\r\n")),
                                   f"{what} ({decoded.reason} at byte {decoded.start})")]
            text = decoded
        else:
            text = line
        if self.number == 1:
            text = text.removeprefix("\ufeff")
        if "\r" in text.rstrip("\r\n"):  # old Mac line ends: one row per line all the same
            return [piece + "\r" for piece in text.rstrip("\r\n").split("\r")]
        return [text]


def _line_by_line(stream: IO[str] | IO[bytes], encoding: str | None) -> Iterator[list[str | Unreadable]]:
    state = _State(encoding)
    for _ in itertools.count():
        found = state.line(stream)
        if found is None:
            return
        yield found


def _decoded(line: bytes, encoding: str) -> str | UnicodeDecodeError:
    """The line as text, or why it does not decode."""
    try:
        return line.decode(encoding)
    except UnicodeDecodeError as error:
        return error
