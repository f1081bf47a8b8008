"""The register outputs say what the per-row assessments say: the tally's counts and sums, by month
too, against hand counts of small registers, on the keyed and the reference path.

Figures from the statute:

* CC 1997 Art. 130(2) (insult in the mass media): «наказывается штрафом от ста до четырехсот
  месячных расчетных показателей» (100 to 400 MCI).
* CC 1997 Art. 129(2) (slander in the mass media): «наказывается штрафом от двухсот до пятисот
  месячных расчетных показателей» (200 to 500 MCI).
* CC 1997 Art. 40(1): the fine in MCI «действующих на момент назначения наказания»: the MCI of the
  decision date; 1 512 tenge from 1 January 2011 (Law 357-IV, the 2011-2013 budget). No MCI is in
  the data before 1 January 2009, so a fine imposed in 2000 has no tenge amount.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from kzspeechlaw.cli.commands import main
from kzspeechlaw.i18n import use
from kzspeechlaw.registers import keyed
from kzspeechlaw.registers.keys import MONTH_BITS, month_code
from kzspeechlaw.registers.tally import Digest, Tally

COLUMNS = ["id", "act_date", "conduct", "channel", "decided_on"]

NO_TENGE = [
    # An insult in the mass media in May 1999, decided on 1 January 2000: liable under CC 1997
    # 130(2) (2 years' limitation for a crime of small gravity, not run), a fine of 100 to 400 MCI
    # with no tenge amount (no MCI is known for 2000).
    {"id": "Ж-1", "act_date": "1999-05-05", "conduct": "insult", "channel": "mass_media",
     "decided_on": "2000-01-01"},
    # A slander in the mass media in the same month, decided in 2026 (default): decriminalised
    # (CC 2014 Art. 130 repealed in 2020), no fine.
    {"id": "Ж-2", "act_date": "1999-05-20", "conduct": "slander", "channel": "mass_media", "decided_on": ""},
    # A slander in the mass media in May 2010, decided on 1 January 2011: liable under CC 1997
    # 129(2), 200 to 500 MCI at 1 512 tenge.
    {"id": "Ж-3", "act_date": "2010-05-05", "conduct": "slander", "channel": "mass_media",
     "decided_on": "2011-01-01"},
    # An error row (no such channel) with a Cyrillic id.
    {"id": "Ж-4", "act_date": "2010-05-05", "conduct": "slander", "channel": "радио", "decided_on": ""},
]


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.DictWriter(handle, COLUMNS)
        out.writeheader()
        out.writerows(rows)
    return path


def report(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> Any:
    assert main(["tally", str(path), "--decided-on", "2026-06-01", *extra]) == 0
    out = capsys.readouterr().out
    return json.loads(out) if "--json" in extra else out


@pytest.mark.parametrize("extra", [(), ("--chunk-size", "2"), ("--workers", "2", "--chunk-size", "3")])
def test_a_month_says_how_many_of_its_fines_have_no_tenge_amount(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...]) -> None:
    """A month whose liable row's fine has no tenge amount says so, as the totals do: its fine sums
    of 0 are short of that fine, not a month without fines."""
    t = report(write(tmp_path / "r.csv", NO_TENGE), capsys, "--json", *extra)
    assert (t["rows"], t["succeeded"], t["failed"]) == (4, 3, 1)
    assert t["by_outcome"] == {"decriminalised": 1, "liable": 2}
    assert t["fine_kzt"] == {"min": 200 * 1512, "max": 500 * 1512}
    assert t["fines_not_in_tenge"] == 1
    assert t["by_month"]["1999-05"] == {"rows": 2, "criminal": 2, "administrative": 0, "liable": 1,
                                        "fine_kzt_min": 0, "fine_kzt_max": 0, "fines_not_in_tenge": 1}
    assert t["by_month"]["2010-05"] == {"rows": 1, "criminal": 1, "administrative": 0, "liable": 1,
                                        "fine_kzt_min": 200 * 1512, "fine_kzt_max": 500 * 1512,
                                        "fines_not_in_tenge": 0}
    # The months' shares add up to the total.
    assert sum(m["fines_not_in_tenge"] for m in t["by_month"].values()) == t["fines_not_in_tenge"]


def test_the_text_tally_marks_the_month_whose_sums_are_short(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    text = report(write(tmp_path / "r.csv", NO_TENGE), capsys)
    lines = {line.split()[0]: line for line in text.splitlines() if line[:4].isdigit()}
    assert lines["1999-05"].endswith("+1 with no tenge amount")
    assert "tenge" not in lines["2010-05"]
    assert lines["2010-05"].endswith("302 400            756 000")


def _liable(month: str, not_in_tenge: bool) -> Digest:
    """A criminal liable row of ``month`` with no fine in tenge: a fine with no tenge amount
    (``not_in_tenge``), or no fine at all."""
    return Digest(True, "CC1997 130(2)", "CC1997", "criminal", "liable", month, None, None, "running", (),
                  not_in_tenge)


@pytest.mark.parametrize("first", [False, True])
def test_the_keyed_tally_counts_a_month_as_row_by_row(first: bool) -> None:
    """Grouped by month, a row with no fine and a row whose fine has no tenge amount (alike in
    regime, liability and tenge sums) are not counted as one kind: the month's count of fines with
    no tenge amount is that of the rows, whichever comes first."""
    digests = [_liable("1999-05", first), _liable("1999-05", not first)]
    codes = [(n << MONTH_BITS) + month_code("1999-05") for n in (0, 1, 1, 0, 1)]
    grouped, whole = keyed._tally(codes, digests)
    one_by_one = Tally()
    for c in codes:
        one_by_one.add(digests[c >> MONTH_BITS])
    assert whole
    assert grouped.to_dict() == one_by_one.to_dict()
    # By hand: rows 0 and 3 are of the first digest, 1, 2 and 4 of the second.
    expected = 2 if first else 3
    assert grouped.by_month["1999-05"].fines_not_in_tenge == expected
    assert grouped.fines_not_in_tenge == expected


def test_batch_and_summary_records_agree_with_the_tally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The brief records of the same register: the liable row with no tenge has its MCI range
    and no tenge range; the error row names its field."""
    path = write(tmp_path / "r.csv", NO_TENGE)
    assert main(["batch", str(path), "--decided-on", "2026-06-01"]) == 0
    records = [json.loads(line) for line in io.StringIO(capsys.readouterr().out)]
    by_id = {r["id"]: r for r in records}
    assert by_id["Ж-1"]["fine_mci"] == {"min": 100, "max": 400} and by_id["Ж-1"]["fine_kzt"] is None
    assert by_id["Ж-1"]["governing"] == "CC1997 130(2)"
    assert by_id["Ж-2"]["outcome"] == "decriminalised" and by_id["Ж-2"]["fine_kzt"] is None
    assert by_id["Ж-3"]["fine_kzt"] == {"min": 200 * 1512, "max": 500 * 1512}
    assert by_id["Ж-4"]["error"]["field"] == "channel"


def test_the_text_tally_names_a_limitation_not_modelled_in_words() -> None:
    """A governing part with no modelled limitation period is counted as ``not_modelled``: the text
    report says it in words, not as the code."""
    t = Tally()
    t.add(Digest(True, "CC1997 130(2)", "CC1997", "criminal", "liable", "1999-05", None, None, "not_modelled"))
    english = t.render()
    assert "not_modelled" not in english and "not modelled" in english
    with use("ru"):
        assert "не моделируется" in t.render()
