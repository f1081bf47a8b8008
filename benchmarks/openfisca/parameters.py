"""The OpenFisca parameters of :mod:`slander` (dated YAML), written from kzspeechlaw's data files.

    python benchmarks/openfisca/parameters.py OUT_DIR

Runs with any Python >= 3.11 (``tomllib``) and reads ``kzspeechlaw/law/data/{mci,cc1997,cc2014,aoc2014,
general}.toml`` of this checkout: only the values the fine for slander in public, in the mass media or
a telecom network needs, consecutive versions with the same value merged into one entry.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys
import tomllib
from typing import Any

DATA = pathlib.Path(__file__).resolve().parents[2] / "kzspeechlaw" / "law" / "data"

Point = tuple[dt.date, int, str]


def load(name: str) -> dict[str, Any]:
    with open(DATA / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)


def mci_of(text: str) -> int:
    """``"2000 MCI"`` -> 2000."""
    number, unit = text.split()
    if unit != "MCI":
        raise ValueError(f"not an amount of MCI: {text!r}")
    return int(number)


def series(points: list[Point]) -> list[Point]:
    """The points in date order where the value changes."""
    out: list[Point] = []
    last: object = object()
    for day, value, ref in sorted(points):
        if value != last:
            out.append((day, value, ref))
            last = value
    return out


def write(path: pathlib.Path, description: str, unit: str, points: list[Point], stop: dt.date | None = None) -> None:
    lines = [f'description: "{description}"', "metadata:", f"  unit: {unit}", "values:"]
    for day, value, ref in series([p for p in points if stop is None or p[0] < stop]):  # none past the end
        lines += [f"  {day.isoformat()}:", f"    value: {value}", f'    reference: "{ref}"']
    if stop is not None:
        lines += [f"  {stop.isoformat()}:", "    value: null"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def versions(code: str, ref: str) -> list[dict[str, Any]]:
    return [v for v in load(code)["version"] if v["ref"] == ref]


def fine(version: dict[str, Any], subject: str | None = None) -> dict[str, Any]:
    (found,) = [s for s in version["sanctions"] if s["kind"] == "fine" and s.get("subject") == subject]
    return found


def main(out: pathlib.Path) -> None:
    # The MCI set for fines too (purpose "all"; the 2022-04-01 value is for benefits only).
    mci = [(r["valid_from"], r["kzt"], f"Law {r['act']}, {r['article']}") for r in load("mci")["mci"]
           if r["purpose"] == "all"]
    write(out / "mci.yaml", "Monthly calculation index (MCI) applied to fines", "currency-KZT", mci)
    node = out / "slander_public"
    node.mkdir(parents=True, exist_ok=True)
    (node / "index.yaml").write_text(
        'description: "Fines for slander made publicly, in the mass media or a telecom network"\n', encoding="utf-8")

    # CC 1997 Art. 129(2): the sanction states both bounds.
    v97 = versions("cc1997", "CC1997 129(2)")
    end97 = max(v["valid_to"] for v in v97)
    for key, bound in (("fine_min", "min"), ("fine_max", "max")):
        write(node / "cc1997_129_2" / f"{key}.yaml", f"CC 1997 Art. 129(2): fine, {bound} (MCI)", "MCI",
              [(v["valid_from"], mci_of(fine(v)[bound]), f"CC1997 129(2), act {v['act']}") for v in v97], end97)

    # CC 2014 Art. 130(2): the sanction states the maximum; the minimum is the general part's minimum
    # fine for a crime (the data's limit of kind "fine" for crimes).
    v14 = versions("cc2014", "CC2014 130(2)")
    end14 = max(v["valid_to"] for v in v14)
    write(node / "cc2014_130_2" / "fine_max.yaml", "CC 2014 Art. 130(2): fine, max (MCI)", "MCI",
          [(v["valid_from"], mci_of(fine(v)["max"]), f"CC2014 130(2), act {v['act']}") for v in v14], end14)
    limits = [x for x in load("general")["limit"]
              if x["code"] == "CC2014" and x["kind"] == "fine" and x["applies_to"] == "crime"]
    articles = ", ".join(sorted({x["article"] for x in limits}))
    write(node / "cc2014_130_2" / "fine_min.yaml",
          f"CC 2014 Art. 130(2): fine, min (MCI) = general minimum for a crime, {articles}", "MCI",
          [(x["valid_from"], mci_of(x["min"]), f"{x['article']}, act {x['act']}") for x in limits], end14)

    # AOC 2014 Art. 73-3(2): a fixed fine on a natural person (the offender the register assumes).
    v73 = versions("aoc2014", "AOC2014 73-3(2)")
    write(node / "aoc2014_73_3_2" / "fine.yaml", "AOC 2014 Art. 73-3(2): fine on a natural person (MCI, fixed)",
          "MCI", [(v["valid_from"], mci_of(fine(v, "natural_person")["amount"]), f"AOC2014 73-3(2), act {v['act']}")
                  for v in v73])


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
