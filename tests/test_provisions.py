"""Point-in-time lookups against figures read in the statute texts."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law.loader import law

D = dt.date
MCI = kz.ureg.MCI
YEAR = kz.ureg.year
DAY = kz.ureg.day


def by_kind(p: kz.Provision, subject: str | None = None) -> dict[str, tuple[object, object]]:
    return {s.kind.value: (s.minimum, s.maximum) for s in p.sanctions_for(subject)}


def test_cc2014_130_3_in_september_2019() -> None:
    p = kz.provision("CC2014 130(3)", on=D(2019, 9, 23))
    assert by_kind(p) == {
        "fine": (None, 3000 * MCI),
        "correctional_work": (None, 3000 * MCI),
        "restriction_of_freedom": (None, 3 * YEAR),
        "imprisonment": (None, 3 * YEAR),
    }
    assert p.category is kz.Category.MEDIUM_GRAVITY
    assert p.title["ru"] == "Клевета"


@pytest.mark.parametrize(("part", "mci", "years"), [(1, 1000, 1), (2, 2000, 2), (3, 3000, 3)])
def test_cc2014_130_parts(part: int, mci: int, years: int) -> None:
    p = kz.provision(f"CC2014 130({part})", on=D(2018, 1, 1))
    assert by_kind(p)["fine"] == (None, mci * MCI)
    assert by_kind(p)["imprisonment"] == (None, years * YEAR)


def test_cc2014_130_last_day_and_successor() -> None:
    assert kz.provision("CC2014 130(2)", on=D(2020, 7, 9)).valid_to == D(2020, 7, 10)
    with pytest.raises(kz.NotInForce) as caught:
        kz.provision("CC2014 130(2)", on=D(2020, 7, 10))
    assert caught.value.successor == kz.ref("AOC2014 73-3(2)")
    assert caught.value.before is not None and caught.value.after is None
    assert "AOC2014 73-3(2)" in str(caught.value)


def test_aoc_73_3_fixed_amounts_per_subject() -> None:
    on = D(2021, 3, 1)
    expected = {
        1: ((160, 15), (550, 20)),
        2: ((180, 20), (650, 25)),
        3: ((200, 25), (750, 30)),
    }
    for part, ((np_fine, np_days), (off_fine, off_days)) in expected.items():
        p = kz.provision(f"AOC2014 73-3({part})", on=on)
        assert by_kind(p, "natural_person") == {
            "fine": (np_fine * MCI, np_fine * MCI),
            "arrest": (np_days * DAY, np_days * DAY),
        }
        assert by_kind(p, "official") == {
            "fine": (off_fine * MCI, off_fine * MCI),
            "arrest": (off_days * DAY, off_days * DAY),
        }
        assert p.category is kz.Category.ADMINISTRATIVE_OFFENCE


def test_aoc_73_3_did_not_exist_before_july_2020() -> None:
    with pytest.raises(kz.NotInForce, match="first version applies from 2020-07-10"):
        kz.provision("AOC2014 73-3(1)", on=D(2020, 7, 9))


def test_history_oldest_first() -> None:
    versions = kz.history("CC2014 130(2)")
    assert [v.valid_from for v in versions] == [D(2015, 1, 1), D(2016, 1, 1)]
    assert "информационно-коммуникационных" in versions[0].text
    assert "телекоммуникаций" in versions[1].text
    whole = kz.history("CC2014 130")
    assert {str(v.ref) for v in whole} == {"CC2014 130(1)", "CC2014 130(2)", "CC2014 130(3)"}


def test_in_force_lists_parts_of_the_day() -> None:
    before = {str(p.ref) for p in kz.in_force(D(2020, 7, 9))}
    after = {str(p.ref) for p in kz.in_force(D(2020, 7, 10))}
    assert "CC2014 130(1)" in before and "CC2014 130(1)" not in after
    assert "AOC2014 73-3(1)" in after and "AOC2014 73-3(1)" not in before
    assert all(p.ref.code == "AOC2014" for p in kz.in_force(D(2021, 1, 1), code="AOC2014"))


def test_compare_reports_entry_into_force() -> None:
    change = kz.compare("AOC2014 73-3(1)", D(2020, 1, 1), D(2021, 1, 1))
    assert change.changed
    assert change.differences[0].field == "in force"
    assert not kz.compare("CC2014 130(1)", D(2016, 1, 1), D(2019, 1, 1)).changed


def test_compare_shows_wording_change() -> None:
    change = kz.compare("CC2014 130(2)", D(2015, 6, 1), D(2016, 6, 1))
    assert [d.field for d in change.differences] == ["text"]


def test_unknown_provisions() -> None:
    with pytest.raises(kz.UnknownProvision, match="CC2014 999"):
        kz.provision("CC2014 999(1)", on=D(2020, 1, 1))
    with pytest.raises(kz.UnknownProvision, match="several parts"):
        kz.provision("CC2014 130", on=D(2019, 1, 1))
    with pytest.raises(kz.CitationError):
        kz.provision("Article one hundred and thirty", on=D(2019, 1, 1))
    with pytest.raises(kz.DateError):
        kz.provision("CC2014 130(1)", on="yesterday")


# --- the temporal invariant: exactly one version on every date a part exists ------------------

PARTS = sorted(law().versions)


@given(st.sampled_from(PARTS), st.dates(min_value=D(1998, 1, 1), max_value=D(2030, 12, 31)))
def test_at_most_one_version_and_none_outside_its_life(ref: kz.Ref, day: dt.date) -> None:
    versions = law().versions[ref]
    live = [v for v in versions if v.in_force_on(day)]
    assert len(live) <= 1
    first, last = versions[0], versions[-1]
    inside = first.valid_from <= day and (last.valid_to is None or day < last.valid_to)
    if inside and all(v.repealed_by is None for v in versions[:-1]):
        assert len(live) == 1
        assert kz.provision(ref, day) is live[0]
    if not live:
        with pytest.raises(kz.NotInForce):
            kz.provision(ref, day)


def test_queries_after_the_data_date_warn() -> None:
    from kzspeechlaw.law import scope

    current_to = next(c.current_to for c in scope.register().codes if c.id == "CC2014")  # the code's own date
    assert current_to >= law().current_to  # the global date is the earliest of the codes in force
    with pytest.warns(kz.StaleDataWarning, match=current_to.isoformat()):
        kz.provision("CC2014 131(1)", on=current_to + dt.timedelta(days=1))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", kz.StaleDataWarning)
        kz.provision("CC2014 131(1)", on=current_to)


def test_a_part_in_force_only_between_the_dates_is_a_change() -> None:
    """CC 2014 Art. 130(3) took effect with the Code on 2015-01-01 and was repealed by Law 349-VI
    (2020-07-10, inferred): between 2014-01-01 and 2021-01-01 it is in force on neither day, and
    the answer says it was in force in between, never "no change"."""
    change = kz.compare("CC2014 130(3)", "2014-01-01", "2021-01-01")
    assert change.changed
    assert [(d.field, d.before) for d in change.differences] == [("in force in between", "no")]
    assert change.differences[0].after is not None and change.differences[0].after.startswith("2015-01-01 to 2020-07-09")
    assert not kz.compare("CC2014 130(3)", "2021-01-01", "2022-01-01").changed


def test_a_successor_that_reaches_some_limbs_alone_is_said_to() -> None:
    """CC 2014 Art. 130(3) punished slander «соединенные с обвинением лица в совершении коррупционного,
    тяжкого или особо тяжкого преступления, а равно повлекшие тяжкие последствия»; its successor, AOC
    2014 Art. 73-3(3), names the accusations alone («соединенные с обвинением лица в совершении
    коррупционного, тяжкого или особо тяжкого преступления»): a slander with grave consequences did
    not move there. Parts 1 and 2 moved whole to 73-3(1) and 73-3(2)."""
    with pytest.raises(kz.NotInForce) as raised:
        kz.provision("CC2014 130(3)", on=dt.date(2021, 1, 1))
    assert "the conduct moved to AOC2014 73-3(3), as far as that part's elements reach" in str(raised.value)
    with pytest.raises(kz.NotInForce) as whole:
        kz.provision("CC2014 130(2)", on=dt.date(2021, 1, 1))
    assert "the conduct moved to AOC2014 73-3(2) (" in str(whole.value)
    assert [law().moved_in_part(kz.provision(f"CC2014 130({n})", on=dt.date(2019, 9, 23))) for n in (1, 2, 3)] == [
        False, False, True]
