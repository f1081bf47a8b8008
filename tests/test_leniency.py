"""The lex mitior comparison: written down in kzspeechlaw.reasoning.leniency, tested here on the statute."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law.model import Penalty, Sanction
from kzspeechlaw.reasoning.leniency import RANK, Leniency, compare, lower, upper

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


# --- the 1997 Code's fine in months of income ---------------------------------------------------

MONTH, HOUR = kz.ureg.month, kz.ureg.hour


def test_income_fine_ranks_as_a_fine() -> None:
    """CC 1997 Art. 40(1): the fine is an amount in MCI 'либо в размере заработной платы или иного
    дохода осужденного за определенный период' — one punishment, the fine, in two measures."""
    assert RANK[Penalty.INCOME_FINE] == RANK[Penalty.FINE]
    income = Sanction(Penalty.INCOME_FINE, None, 2 * MONTH)
    work = Sanction(Penalty.CORRECTIONAL_WORK, None, 1 * YEAR)
    assert compare((work,), (work, income)) is Leniency.MORE_LENIENT  # a fine-rank alternative added
    assert compare((income,), (Sanction(Penalty.IMPRISONMENT, None, 1 * YEAR),)) is Leniency.MORE_SEVERE
    # the same rank as a fine in MCI: only the measures (MCI, months) differ, and they are not weighed
    assert compare((Sanction(Penalty.FINE, None, 100 * MCI),), (income,)) is Leniency.EQUAL


def test_months_of_income_are_not_weighed_against_mci() -> None:
    fine = Sanction(Penalty.FINE, 100 * MCI, 200 * MCI)
    income = Sanction(Penalty.INCOME_FINE, 2 * MONTH, 5 * MONTH)
    cheaper = Sanction(Penalty.FINE, 50 * MCI, 200 * MCI)
    dearer_income = Sanction(Penalty.INCOME_FINE, 3 * MONTH, 5 * MONTH)
    # the income measure alone, added or removed, does not move an end
    assert compare((fine, income), (fine,)) is Leniency.EQUAL
    assert compare((fine,), (fine, income)) is Leniency.EQUAL
    # each measure is weighed against itself; a year of income is twelve months
    assert compare((fine, income), (cheaper, income)) is Leniency.MORE_LENIENT
    year_of_income = Sanction(Penalty.INCOME_FINE, 2 * MONTH, 1 * YEAR)
    assert compare((fine, Sanction(Penalty.INCOME_FINE, 2 * MONTH, 12 * MONTH)), (fine, year_of_income)) is Leniency.EQUAL
    assert compare((fine, income), (fine, year_of_income)) is Leniency.MORE_SEVERE
    assert compare((fine, income), (fine, dearer_income)) is Leniency.MORE_SEVERE
    # two measures of the same end pointing different ways: mixed
    assert compare((fine, income), (cheaper, dearer_income)) is Leniency.MIXED


def test_490_iv_removing_the_income_fine_is_not_mitigation() -> None:
    """Law 09.11.2011 No. 490-IV struck the income measure from CC 1997 Arts. 129-130, 318-320 and
    left the rest of the sanction: the later version is not more lenient, so the act-time law stays."""
    for ref in ("CC1997 129(1)", "CC1997 129(2)", "CC1997 130(1)", "CC1997 130(2)", "CC1997 318(1)",
                "CC1997 318(2)", "CC1997 319(1)", "CC1997 319(2)", "CC1997 320(1)", "CC1997 320(2)"):
        before = kz.provision(ref, on=dt.date(2011, 11, 19))
        after = kz.provision(ref, on=dt.date(2011, 11, 20))
        assert any(s.kind is Penalty.INCOME_FINE for s in before.sanctions), ref
        assert not any(s.kind is Penalty.INCOME_FINE for s in after.sanctions), ref
        assert compare(before.sanctions, after.sanctions, before.additional, after.additional) is Leniency.EQUAL, ref


def test_ends_keep_each_measure() -> None:
    slander = kz.provision("CC1997 129(1)", on=dt.date(2009, 1, 1)).sanctions
    assert lower(slander) == (1, {"MCI": 100.0, "month": 0.0})
    assert upper(slander) == (3, {"hour": 180.0})


measured_kinds = st.sampled_from([
    (Penalty.FINE, MCI), (Penalty.INCOME_FINE, MONTH), (Penalty.CORRECTIONAL_WORK, MCI),
    (Penalty.CORRECTIONAL_WORK, MONTH), (Penalty.COMMUNITY_SERVICE, HOUR), (Penalty.ARREST, kz.ureg.day),
    (Penalty.ARREST, MONTH), (Penalty.IMPRISONMENT, YEAR),
])


@st.composite
def measured_sets(draw: st.DrawFn) -> tuple[Sanction, ...]:
    out = []
    for kind, unit in draw(st.lists(measured_kinds, min_size=1, max_size=4, unique=True)):
        high = draw(st.integers(1, 50))
        low = draw(st.one_of(st.none(), st.integers(1, high)))
        out.append(Sanction(kind, low * unit if low else None, high * unit))
    return tuple(out)


@given(measured_sets(), measured_sets())
def test_comparison_across_measures_is_antisymmetric(a: tuple[Sanction, ...], b: tuple[Sanction, ...]) -> None:
    mirror = {Leniency.MORE_LENIENT: Leniency.MORE_SEVERE, Leniency.MORE_SEVERE: Leniency.MORE_LENIENT}
    assert compare(b, a) is mirror.get(compare(a, b), compare(a, b))


@given(measured_sets())
def test_a_version_in_several_measures_equals_itself(a: tuple[Sanction, ...]) -> None:
    assert compare(a, a) is Leniency.EQUAL
