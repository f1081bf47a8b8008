"""Draw the sanctions of an article part over time as a PNG, and print the versions behind it.

Needs the plot extra (pip install 'kzspeechlaw[plot]').
Run: python examples/penalty_timeline.py ["CC2014 174(1)"] [--out FILE.png]
Without --out the chart goes to a new temporary folder (its path is printed): the script writes
nothing where it is run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import kzspeechlaw as kz
from kzspeechlaw import timelines
from kzspeechlaw.charts import plot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ref", nargs="?", default="CC2014 130(2)", help="article part (default: CC2014 130(2))")
    parser.add_argument("--out", help="chart to write, .png, .svg or .pdf (default: in a new temporary folder)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="kzspeechlaw-")) / "penalty_timeline.png"
    try:
        path = plot.plot_timeline(args.ref, out)
    except kz.LawError as error:  # an unknown citation, or matplotlib missing
        print(f"penalty_timeline: {error}", file=sys.stderr)
        return 2
    print(f"chart: {path.resolve()}")
    print(timelines.timeline_table(timelines.timeline(args.ref)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
