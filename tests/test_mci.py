"""The MCI series and conversion, with figures from the budget laws and the seed reports."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz

D = dt.date


@pytest.mark.parametrize(
    ("day", "kzt"),
    [
        (D(2009, 6, 30), 1273),
        (D(2009, 7, 1), 1296),
        (D(2012, 12, 31), 1618),
        (D(2013, 5, 1), 1731),
        (D(2014, 12, 31), 1852),
        (D(2015, 1, 1), 1982),
        (D(2016, 6, 1), 2121),
        (D(2017, 11, 30), 2269),
        (D(2018, 1, 1), 2405),
        (D(2019, 9, 23), 2525),
        (D(2020, 3, 31), 2651),
        (D(2020, 4, 1), 2778),
        (D(2021, 7, 1), 2917),
        (D(2022, 1, 1), 3063),
        (D(2022, 12, 31), 3063),
        (D(2023, 1, 1), 3450),
        (D(2024, 2, 12), 3692),
        (D(2025, 12, 31), 3932),
        (D(2026, 11, 23), 4325),
    ],
)
def test_mci_for_fines_by_date(day: dt.date, kzt: int) -> None:
    assert kz.mci(day) == kzt * kz.ureg.KZT


def test_benefits_value_of_april_2022_is_separate_from_fines() -> None:
    assert kz.mci(D(2022, 4, 1), purpose="benefits") == 3180 * kz.ureg.KZT
    assert kz.mci(D(2022, 3, 31), purpose="benefits") == 3063 * kz.ureg.KZT
    assert kz.mci(D(2022, 4, 1)) == 3063 * kz.ureg.KZT


def test_seed_figures() -> None:
    # Adil Soz, November 2017: state duty of 5 MCI = 11,345 tenge.
    assert kz.to_tenge(5 * kz.ureg.MCI, on=D(2017, 11, 15)) == 11345 * kz.ureg.KZT
    # Adil Soz, June 2020: Art. 434(1) fine of 5 MCI = 13,890 tenge on 19 June 2020.
    assert kz.to_tenge(5 * kz.ureg.MCI, on=D(2020, 6, 19)) == 13890 * kz.ureg.KZT


def test_iso_strings_are_accepted() -> None:
    assert kz.mci("2020-06-19") == 2778 * kz.ureg.KZT


@pytest.mark.parametrize("day", [D(2008, 12, 31), D(2027, 1, 1), D(1998, 1, 1)])
def test_dates_outside_the_series_raise(day: dt.date) -> None:
    with pytest.raises(kz.OutOfCoverage, match=day.isoformat()):
        kz.mci(day)


def test_bad_inputs_raise_library_errors() -> None:
    with pytest.raises(kz.DateError, match="2020-02-30"):
        kz.mci("2020-02-30")
    with pytest.raises(kz.LawError, match="MCI or KZT"):
        kz.to_tenge(3 * kz.ureg.year, on=D(2020, 1, 1))
    with pytest.raises(kz.LawError, match="purpose"):
        kz.mci(D(2020, 1, 1), purpose="taxes")


def test_kzt_passes_through_and_units_do_not_mix() -> None:
    assert kz.to_tenge(100 * kz.ureg.KZT, on=D(2020, 1, 1)) == 100 * kz.ureg.KZT
    with pytest.raises(Exception, match="Cannot convert"):
        (1 * kz.ureg.MCI).to(kz.ureg.KZT)


dates = st.dates(min_value=D(2009, 1, 1), max_value=D(2026, 12, 31))


@given(dates, st.integers(min_value=0, max_value=20_000))
def test_conversion_is_linear_and_matches_the_series(day: dt.date, n: int) -> None:
    one = kz.mci(day)
    assert kz.to_tenge(n * kz.ureg.MCI, on=day) == n * one
    assert kz.to_tenge(n * kz.ureg.MCI, on=day).magnitude == n * one.magnitude


@given(dates, dates)
def test_the_mci_never_falls(a: dt.date, b: dt.date) -> None:
    early, late = sorted((a, b))
    assert kz.mci(early) <= kz.mci(late)


@pytest.mark.parametrize("amount", [float("nan"), float("inf"), -5])
def test_an_amount_that_is_not_a_finite_non_negative_number_is_refused(amount: float) -> None:
    with pytest.raises(kz.AmountError):
        kz.to_tenge(amount * kz.ureg.MCI, on="2019-09-23")


def test_a_tenge_amount_is_returned_only_for_a_date_and_purpose_that_read() -> None:
    assert kz.to_tenge(3 * kz.ureg.KZT, on="2019-09-23") == 3 * kz.ureg.KZT
    with pytest.raises(kz.DateError):
        kz.to_tenge(3 * kz.ureg.KZT, on="garbage")
    with pytest.raises(kz.AmountError):
        kz.to_tenge(3 * kz.ureg.KZT, on="2019-09-23", purpose="nonsense")


def test_numpy_and_decimal_amounts_are_read_as_numbers_and_checked() -> None:
    """numpy's integers would wrap past 64 bits and numpy's or Decimal's NaN would pass a check of
    Python's types alone: each is read as Python's number and checked the same."""
    from decimal import Decimal

    np = pytest.importorskip("numpy")
    assert kz.to_tenge(np.int64(10**17) * kz.ureg.MCI, on="2020-03-01").magnitude == 10**17 * 2651
    for bad in (Decimal("-5"), Decimal("NaN"), np.float32("nan"), np.int64(-5)):
        with pytest.raises(kz.AmountError):
            kz.to_tenge(bad * kz.ureg.MCI, on="2020-03-01")
    with pytest.raises(kz.AmountError):
        kz.to_tenge(kz.ureg.Quantity(np.array([1.0, -1.0]), "MCI"), on="2020-03-01")


def test_a_fraction_of_an_mci_converts_as_its_decimal() -> None:
    """0.1 MCI at the 2024 MCI of 3,692 tenge (Law of 05.12.2023 No. 43-VIII, Art. 9) is
    369.20 tenge: the product of the decimals, without binary floating point's 369.20000000000005."""
    on = dt.date(2024, 5, 1)
    assert kz.to_tenge(0.1 * kz.ureg.MCI, on=on).magnitude == 369.2
    assert kz.to_tenge(0.7 * kz.ureg.MCI, on=on).magnitude == 2584.4
    assert kz.to_tenge(2.2 * kz.ureg.MCI, on=on).magnitude == 8122.4
    assert kz.to_tenge(3.0 * kz.ureg.MCI, on=on).magnitude == 11076
