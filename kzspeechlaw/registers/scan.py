"""Scanning a block of a register at C speed: counting its line feeds, finding a line that starts
with a space and a carriage return that does not end a line. Where ``numpy`` is installed (the
``fast`` extra), a large block's bytes are compared at once; elsewhere, and for a small block, the
standard library gives the same answers (its single-character ``count`` and regular expressions go
about a byte at a time: a tenth of a second apiece on a million-row register, read and counted in
the parent alone)."""

from __future__ import annotations

import re
from typing import Any

np: Any
try:
    import numpy as np
except ImportError:  # the standard library alone
    np = None

LARGE = 1 << 16
"""The bytes from which a block is scanned with numpy."""

SPACED = re.compile(r"\n\s")
"""A line feed followed by a space (as ``str.isspace`` has them: a line that starts with one, or a
blank line)."""

SPACED_CR = re.compile(r"\r[^\S\n]")
"""A carriage return followed by a space other than a line feed."""

LONE_CR = re.compile(rb"\r(?!\n)")
"""A carriage return that is not the start of ``\r\n``."""

_SPACES: Any = np.array([SPACED.fullmatch("\n" + chr(b)) is not None for b in range(256)]) if np is not None else None
"""Of each ASCII byte (and, unused, the others), whether :data:`SPACED` takes it after a line feed
(:data:`SPACED_CR` after a carriage return: the same but the line feed)."""


def line_feeds(data: bytes | bytearray) -> int:
    """How many line feeds ``data`` holds."""
    if np is None or len(data) < LARGE:
        return data.count(b"\n")
    return int(np.count_nonzero(np.frombuffer(data, dtype=np.uint8) == 10))


def line_feeds_in(text: str, start: int, end: int) -> int:
    """How many line feeds ``text[start:end]`` holds."""
    if np is None or end - start < LARGE or not text.isascii():
        return text.count("\n", start, end)
    return int(np.count_nonzero(np.frombuffer(text[start:end].encode("ascii"), dtype=np.uint8) == 10))


def lone_return(data: bytes) -> int:
    """Where the first carriage return of ``data`` that does not start ``\r\n`` is (:data:`LONE_CR`),
    or -1."""
    if b"\r" not in data:
        return -1
    if np is None or len(data) < LARGE:
        found = LONE_CR.search(data)
        return found.start() if found is not None else -1
    codes = np.frombuffer(data, dtype=np.uint8)
    returns = np.flatnonzero(codes == 13)
    lone = returns[np.append(codes[1:], 0)[returns] != 10]  # the last byte: followed by nothing
    return int(lone[0]) if len(lone) else -1


def spaced(text: str, after: str = "\n") -> bool:
    """Whether a line feed in ``text`` is followed by a space (:data:`SPACED`), or, ``after`` a
    carriage return, a space other than a line feed (:data:`SPACED_CR`)."""
    pattern = SPACED if after == "\n" else SPACED_CR
    if np is None or len(text) < LARGE or not text.isascii():  # isascii: known without reading the text
        return pattern.search(text) is not None
    data = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    following = data[1:][data[:-1] == ord(after)]
    return bool((_SPACES[following] & (following != 10)).any() if after == "\r" else _SPACES[following].any())


def starts_a_line(text: str, char: str) -> bool:
    """Whether a line of ``text`` after the first (after a line feed or a carriage return) starts
    with the ASCII character ``char``."""
    if np is None or len(text) < LARGE or not text.isascii():
        return "\n" + char in text or "\r" + char in text
    data = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    head = data[:-1]
    return bool((data[1:][(head == 10) | (head == 13)] == ord(char)).any())
