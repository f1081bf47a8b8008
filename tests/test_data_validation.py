"""Malformed data files must raise DataError naming the file and the record."""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

import kzspeechlaw as kz
from kzspeechlaw.law.loader import DATA_DIR, load
from kzspeechlaw.law.model import Penalty


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for f in DATA_DIR.glob("*.toml"):
        shutil.copy(f, tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_shipped_data_loads() -> None:
    load()


def test_overlapping_versions(data: Path) -> None:
    edit(data / "cc2014.toml", "valid_from = 2016-01-01\nvalid_to = 2020-07-10", "valid_from = 2015-06-01\nvalid_to = 2020-07-10")
    with pytest.raises(kz.DataError, match=r"cc2014\.toml: CC2014 130\(2\) from 2015-06-01: overlaps"):
        load(data)


def test_min_above_max(data: Path) -> None:
    edit(data / "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }', '{ kind = "fine", min = "2000 MCI", max = "1000 MCI" }')
    with pytest.raises(kz.DataError, match=r"cc2014\.toml: version #1 \(CC2014 130\(1\)\).*min 2000 MCI is greater than max"):
        load(data)


def test_unknown_act(data: Path) -> None:
    edit(data / "aoc2014.toml", 'act = "349-VI"', 'act = "999-IX"')
    with pytest.raises(kz.DataError, match=r"aoc2014\.toml: version #1 \(AOC2014 73-3\(1\)\): act '999-IX'"):
        load(data)


def test_unknown_element(data: Path) -> None:
    edit(data / "cc2014.toml", '"conduct:slander"', '"conduct:gossip"')
    with pytest.raises(kz.DataError, match="'gossip' is not one of"):
        load(data)


def test_wrong_unit_for_kind(data: Path) -> None:
    edit(data / "cc2014.toml", '{ kind = "imprisonment", max = "1 year" }', '{ kind = "imprisonment", max = "1 MCI" }')
    with pytest.raises(kz.DataError, match="imprisonment cannot be measured in MCI"):
        load(data)


def test_non_canonical_ref(data: Path) -> None:
    edit(data / "cc2014.toml", 'ref = "CC2014 130(1)"', 'ref = "ч. 1 ст. 130 УК РК"')
    with pytest.raises(kz.DataError, match="not canonical"):
        load(data)


def test_misspelt_key(data: Path) -> None:
    edit(data / "cc2014.toml", "verified = true", "verifed = true")
    with pytest.raises(kz.DataError, match=re.escape("version #1 (CC2014 130(1)): missing key(s) verified")):
        load(data)


def test_version_outside_code_life(data: Path) -> None:
    edit(data / "aoc2014.toml", "valid_from = 2020-07-10", "valid_from = 2014-07-10")
    with pytest.raises(kz.DataError, match="outside the code's life"):
        load(data)


def test_mci_out_of_order(data: Path) -> None:
    edit(data / "mci.toml", "valid_from = 2013-01-01", "valid_from = 2008-01-01")
    with pytest.raises(kz.DataError, match=r"mci\.toml: mci #\d+ \(2008-01-01\): values must be in date order"):
        load(data)


def test_broken_toml(data: Path) -> None:
    (data / "acts.toml").write_text("[[act]\nid=", encoding="utf-8")
    with pytest.raises(kz.DataError, match=r"acts\.toml: -: not valid TOML"):
        load(data)


def test_missing_file(data: Path) -> None:
    (data / "mci.toml").unlink()
    with pytest.raises(kz.DataError, match=r"mci\.toml: -: file not found"):
        load(data)


# The 1997 Code's fine in months of income (CC 1997 Art. 40(1)-(2)): a term, never an amount.


def test_an_income_fine_is_measured_in_months(data: Path) -> None:
    edit(data / "cc1997.toml", '{ kind = "income_fine", max = "2 month" }', '{ kind = "income_fine", max = "2 MCI" }')
    with pytest.raises(kz.DataError, match=r"cc1997\.toml: .*income_fine cannot be measured in MCI"):
        load(data)


def test_an_income_fine_may_end_in_a_year(data: Path) -> None:
    edit(data / "cc1997.toml", '{ kind = "income_fine", max = "2 month" }', '{ kind = "income_fine", max = "1 year" }')
    loaded = load(data)
    p = next(p for p in loaded.versions[kz.ref("CC1997 129(1)")] if p.valid_from == dt.date(1998, 1, 1))
    income_fines = [s for s in (*p.sanctions, *p.additional) if s.kind is Penalty.INCOME_FINE]
    assert income_fines[0].maximum == 1 * kz.ureg.year
