"""Write ``tests/snapshots/sanctions.json``: every modelled part's sanctions on the first day of
every month from 1998 to 2026, as the library answers today.

Run from the repository root after a deliberate change of the data, and review the diff::

    PYTHONPATH=$PWD python tests/snapshots/make.py

Each part's months are stored as runs: ``[first month, sanctions]`` for every month where the
answer changes (``null`` where the part is not in force), one part per line, so that a change of
the data shows as a changed line naming the part and the month.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import kzspeechlaw as kz

PATH = Path(__file__).with_name("sanctions.json")
FIRST_YEAR, LAST_YEAR = 1998, 2026
Runs = dict[str, list[tuple[str, str | None]]]


def months() -> list[dt.date]:
    return [dt.date(year, month, 1) for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)]


def describe(p: kz.Provision) -> str:
    """The sanction alternatives, then the additional punishments after a '+'."""
    main = "; ".join(s.describe() for s in p.sanctions)
    extra = "; ".join(s.describe() for s in p.additional)
    return f"{main} + {extra}" if extra else main


def runs() -> Runs:
    """Per part, the runs of months with the same answer of :func:`kzspeechlaw.in_force`."""
    answers: dict[str, list[str | None]] = {}
    refs: dict[str, kz.Ref] = {}
    days = months()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kz.StaleDataWarning)
        for i, day in enumerate(days):
            for p in kz.in_force(day):
                refs[str(p.ref)] = p.ref
                answers.setdefault(str(p.ref), [None] * len(days))[i] = describe(p)
    out: Runs = {}
    for ref in sorted(answers, key=lambda r: (r.split()[0], refs[r].sort_key())):
        out[ref] = [(f"{day:%Y-%m}", text) for k, (day, text) in enumerate(zip(days, answers[ref], strict=True))
                    if k == 0 or answers[ref][k - 1] != text]
    return out


def dumps(data: Runs) -> str:
    """JSON with one part per line."""
    lines = [f"  {json.dumps(ref)}: {json.dumps(data[ref], ensure_ascii=False)}" for ref in data]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    PATH.write_text(dumps(runs()), encoding="utf-8")
    print(f"wrote {PATH}")


if __name__ == "__main__":
    main()
