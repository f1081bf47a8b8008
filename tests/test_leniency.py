"""The lex mitior comparison: written down in kzspeechlaw.leniency, tested here on the statute."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.leniency import Leniency, compare
from kzspeechlaw.model import Penalty, Sanction

MCI, YEAR = kz.ureg.MCI, kz.ureg.year


def test_adding_a_fine_to_174_1_is_mitigation() -> None:
    before = kz.provision("CC2014 174(1)", on=dt.date(2020, 1, 1))
    after = kz.provision("CC2014 174(1)", on=dt.date(2021, 1, 1))
    assert compare(before.sanctions, after.sanctions) is Leniency.MORE_LENIENT
    assert compare(after.sanctions, before.sanctions) is Leniency.MORE_SEVERE


def test_180_vi_lowered_274() -> None:
    before = kz.provision("CC2014 274(3)", on=dt.date(2017, 1, 1))
    after = kz.provision("CC2014 274(3)", on=dt.date(2019, 1, 1))
    assert compare(before.sanctions, after.sanctions) is Leniency.MORE_LENIENT


def test_wording_only_change_is_equal() -> None:
    a, b = kz.history("CC2014 130(2)")
    assert compare(a.sanctions, b.sanctions, a.additional, b.additional) is Leniency.EQUAL


def test_mixed_change() -> None:
    old = (Sanction(Penalty.FINE, None, 100 * MCI), Sanction(Penalty.IMPRISONMENT, None, 2 * YEAR))
    new = (Sanction(Penalty.IMPRISONMENT, 1 * YEAR, 1 * YEAR),)
    assert compare(old, new) is Leniency.MIXED


def test_mandatory_ban_is_heavier_than_optional() -> None:
    main = (Sanction(Penalty.IMPRISONMENT, 5 * YEAR, 10 * YEAR),)
    optional = (Sanction(Penalty.DEPRIVATION_OF_RIGHT, None, 3 * YEAR, optional=True),)
    mandatory = (Sanction(Penalty.DEPRIVATION_OF_RIGHT, None, 3 * YEAR),)
    assert compare(main, main, mandatory, optional) is Leniency.MORE_LENIENT


kinds = st.sampled_from([Penalty.FINE, Penalty.CORRECTIONAL_WORK, Penalty.RESTRICTION_OF_FREEDOM, Penalty.IMPRISONMENT])


@st.composite
def sanction_sets(draw: st.DrawFn) -> tuple[Sanction, ...]:
    out = []
    for kind in draw(st.sets(kinds, min_size=1)):
        unit = MCI if kind in (Penalty.FINE, Penalty.CORRECTIONAL_WORK) else YEAR
        high = draw(st.integers(1, 50))
        low = draw(st.one_of(st.none(), st.integers(1, high)))
        out.append(Sanction(kind, low * unit if low else None, high * unit))
    return tuple(out)


@given(sanction_sets(), sanction_sets())
def test_comparison_is_antisymmetric(a: tuple[Sanction, ...], b: tuple[Sanction, ...]) -> None:
    mirror = {Leniency.MORE_LENIENT: Leniency.MORE_SEVERE, Leniency.MORE_SEVERE: Leniency.MORE_LENIENT}
    forward, backward = compare(a, b), compare(b, a)
    assert backward is mirror.get(forward, forward)


@given(sanction_sets())
def test_a_version_equals_itself(a: tuple[Sanction, ...]) -> None:
    assert compare(a, a) is Leniency.EQUAL
