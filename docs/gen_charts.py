"""Draw the charts the docs show, into ``docs/img/`` (git-ignored), from the library's data.

Run before ``mkdocs build`` (``python docs/gen_charts.py``; CI does); it is also an MkDocs hook
(``hooks:`` in ``mkdocs.yml``), so a plain ``mkdocs build`` or ``mkdocs serve`` draws them too.
A chart file is replaced only when its bytes change. Needs the ``plot`` extra (matplotlib).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kzspeechlaw.charts import plot

IMG = Path(__file__).with_name("img")

CHARTS: dict[str, Callable[[Path], Path]] = {
    "timeline-cc2014-130-2.png": lambda path: plot.plot_timeline("CC2014 130(2)", path),
    "timeline-cc2014-174-1.png": lambda path: plot.plot_timeline("CC2014 174(1)", path),
    "mci.png": plot.plot_mci,
}
"""File name in ``docs/img/`` -> the function that draws it."""


def write(directory: Path = IMG) -> list[Path]:
    """Draw every chart; returns the files that were (re)written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, draw in CHARTS.items():
            fresh = draw(Path(scratch) / name).read_bytes()
            target = directory / name
            if not target.exists() or target.read_bytes() != fresh:
                target.write_bytes(fresh)
                written.append(target)
    return written


def on_pre_build(config: Any) -> None:
    """MkDocs hook: draw the charts before the build collects the files."""
    write()


if __name__ == "__main__":
    changed = set(write())
    for name in CHARTS:
        path = IMG / name
        print(f"{path}: {'written' if path in changed else 'unchanged'}")
