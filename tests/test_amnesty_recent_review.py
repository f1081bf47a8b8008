"""The amnesty laws of 2021-2026 against their texts (shared/law/statutes/amnesty/ and the
kazakhstan-law/codes mirror)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw.reasoning import amnesty

D = dt.date


# --- Law 01.07.2026 No. 329-VIII, Chapter 2: fines for offences the courts alone hear -------------

@pytest.mark.parametrize("ref", ["AOC2014 73-3(1)", "AOC2014 73-3(2)", "AOC2014 73-3(3)", "AOC2014 434(1)",
                                 "AOC2014 451(1)", "AOC2014 451(3)", "AOC2014 453(2)", "AOC2014 456-1(2)",
                                 "AOC2014 456-2(1)", "AOC2014 456-2(3)", "AOC2014 127-2(2)"])
@pytest.mark.parametrize("by_court", [None, False])
def test_no_release_of_a_fine_only_a_court_imposes(ref: str, by_court: bool | None) -> None:
    """Law 329-VIII (03-laws/2026/0701-…-227195/rus.md, commit dd58426f…) Art. 7(1) releases from a
    fine «за административные правонарушения, дела которых относятся к подведомственности
    уполномоченных органов (должностных лиц), указанных в статьях 685 – 735-1 Кодекса», and Art. 8
    excludes the persons «1) на которых административное взыскание наложено судами». AOC 2014
    Art. 684(1) (sec003.md, editions 04.12.2024 commit 46793439… and 12.07.2026 commit 0369b814…):
    «Судьи специализированных районных и приравненных к ним судов по административным
    правонарушениям рассматривают дела ..., предусмотренных статьями 73, 73-3, 74, […] 127-2,
    […] 434, […] 451 (частями первой, второй, третьей, восьмой, девятой и семнадцатой), 453,
    456-1, 456-2»; Art. 683(2): officials hear cases «за исключением дел, указанных в статье
    684». A fine for these is always a court's: the 2026 Law releases none, even where who imposed
    it is not stated (``None``) or stated otherwise (``False``, which the Code rules out)."""
    assert amnesty.administrative_release(kz.ref(ref), D(2026, 5, 1), by_court) == ()


def test_a_fine_the_police_impose_is_still_released() -> None:
    """AOC Art. 685(1) gives the police «449 (частью первой)»; Art. 8(2) of Law 329-VIII does not
    name 449: a fine for it, imposed out of court and unpaid on the entry into force, is released
    (Art. 7(1)), with the conditions the facts leave open."""
    (found,) = amnesty.administrative_release(kz.ref("AOC2014 449(1)"), D(2026, 5, 1), None)
    assert found[0].id == "329-VIII" and "out-of-court" in found[1]
    assert amnesty.administrative_release(kz.ref("AOC2014 449(2)"), D(2026, 5, 1), None) == ()
