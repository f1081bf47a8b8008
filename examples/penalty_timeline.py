"""Draw the sanctions of an article part over time as a PNG, and print the versions behind it.

Needs the plot extra (pip install 'kzspeechlaw[plot]').
Run: python examples/penalty_timeline.py ["CC2014 174(1)"] [--out FILE.png]
"""

from __future__ import annotations

import argparse
import sys

import kzspeechlaw as kz
from kzspeechlaw import plot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ref", nargs="?", default="CC2014 130(2)", help="article part (default: CC2014 130(2))")
    parser.add_argument("--out", default="penalty_timeline.png", help="PNG to write (default: ./penalty_timeline.png)")
    args = parser.parse_args(argv)
    try:
        path = plot.plot_timeline(args.ref, args.out)
    except kz.LawError as error:  # an unknown citation, or matplotlib missing
        print(f"penalty_timeline: {error}", file=sys.stderr)
        return 2
    print(f"chart: {path.resolve()}")
    print(plot.timeline_table(plot.timeline(args.ref)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
