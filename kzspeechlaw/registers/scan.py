"""Scanning a block of a register at C speed: counting its line feeds and finding a line that
starts with a space. Where ``numpy`` is installed (the ``fast`` extra), a large block's bytes are
compared at once; elsewhere, and for a small block, the standard library gives the same answers
(its single-character ``count`` and regular expressions go about a byte at a time: a tenth of a
second apiece on a million-row register, read and counted in the parent alone)."""

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

_SPACES: Any = np.array([SPACED.fullmatch("\n" + chr(b)) is not None for b in range(256)]) if np is not None else None
"""Of each ASCII byte (and, unused, the others), whether :data:`SPACED` takes it after a line feed."""


def line_feeds(data: bytes | bytearray) -> int:
    """How many line feeds ``data`` holds."""
    if np is None or len(data) < LARGE:
        return data.count(b"\n")
    return int(np.count_nonzero(np.frombuffer(data, dtype=np.uint8) == 10))


def spaced(text: str) -> bool:
    """Whether a line feed in ``text`` is followed by a space (:data:`SPACED`)."""
    if np is None or len(text) < LARGE or not text.isascii():  # isascii: known without reading the text
        return SPACED.search(text) is not None
    data = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return bool(_SPACES[data[1:][data[:-1] == 10]].any())
