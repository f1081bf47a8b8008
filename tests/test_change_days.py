"""Both sides of every change day in the data: the day before and the day itself give the record the
data files say. The expectations are generated from the raw TOML records (read here with
``tomllib``, not through the loader), so this checks the index and the queries against the data.

For each ``[[version]]`` record of a code file: on ``valid_from`` the part's version is that record,
and on the day before it is the record ending on ``valid_from`` or none (``NotInForce``); on the last
day before ``valid_to`` it is still that record, and on ``valid_to`` the record starting then, or none.
For each ``[[mci]]`` record: the value on ``valid_from`` and on the day before, for fines (values
for "all" purposes) and for benefits (every value).
"""

from __future__ import annotations

import datetime as dt
import tomllib
import warnings
from pathlib import Path
from typing import Any

import pytest

import kzspeechlaw as kz

DATA = Path(kz.__file__).parent / "law" / "data"
CODE_FILES = ("cc1997.toml", "cc2014.toml", "aoc2014.toml")
DAY = dt.timedelta(days=1)


def records(file: str, table: str) -> list[dict[str, Any]]:
    with (DATA / file).open("rb") as f:
        return list(tomllib.load(f)[table])


VERSIONS = [r for file in CODE_FILES for r in records(file, "version")]


def expected(ref: str, day: dt.date) -> dt.date | None:
    """The valid_from of the record of ``ref`` whose [valid_from, valid_to) holds ``day``, from the
    records alone; None where no record does."""
    found = [r["valid_from"] for r in VERSIONS
             if r["ref"] == ref and r["valid_from"] <= day and ("valid_to" not in r or day < r["valid_to"])]
    assert len(found) <= 1, f"records of {ref} overlap on {day}"
    return found[0] if found else None


def answer(ref: str, day: dt.date) -> dt.date | None:
    """The library's answer: the valid_from of the version in force, or None (NotInForce)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kz.StaleDataWarning)
        try:
            return kz.provision(ref, day).valid_from
        except kz.NotInForce:
            return None


def checks() -> list[tuple[str, dt.date]]:
    days = set()
    for r in VERSIONS:
        days |= {(r["ref"], r["valid_from"] - DAY), (r["ref"], r["valid_from"])}
        if "valid_to" in r:
            days |= {(r["ref"], r["valid_to"] - DAY), (r["ref"], r["valid_to"])}
    return sorted(days)


CHECKS = checks()


def test_every_version_record_is_checked() -> None:
    assert len(VERSIONS) >= 190
    assert len(CHECKS) >= 2 * len(VERSIONS)


@pytest.mark.parametrize(("ref", "day"), CHECKS, ids=[f"{r} {d}" for r, d in CHECKS])
def test_version_on_each_side_of_a_change_day(ref: str, day: dt.date) -> None:
    assert answer(ref, day) == expected(ref, day)


MCI = records("mci.toml", "mci")


def mci_expected(day: dt.date, purpose: str) -> int | None:
    usable = [r for r in MCI if r["valid_from"] <= day and (purpose == "benefits" or r["purpose"] == "all")]
    return max(usable, key=lambda r: r["valid_from"])["kzt"] if usable else None


def mci_answer(day: dt.date, purpose: str) -> int | None:
    try:
        return int(kz.mci(day, purpose).magnitude)
    except kz.OutOfCoverage:
        return None


MCI_CHECKS = sorted({(r["valid_from"] + shift, purpose) for r in MCI for shift in (-DAY, dt.timedelta(0))
                     for purpose in ("fines", "benefits")})


@pytest.mark.parametrize(("day", "purpose"), MCI_CHECKS, ids=[f"{d} {p}" for d, p in MCI_CHECKS])
def test_mci_on_each_side_of_a_change_day(day: dt.date, purpose: str) -> None:
    assert mci_answer(day, purpose) == mci_expected(day, purpose)
