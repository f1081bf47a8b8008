"""Amounts as exact numbers in their base unit, for the fractions of the general part."""

from __future__ import annotations

from fractions import Fraction

from kzspeechlaw.memo import Memo
from kzspeechlaw.units import Quantity, registry, scale, unit_name


def exact(q: Quantity) -> tuple[str, Fraction]:
    """An amount in its base unit as an exact number: ``7 year`` -> ``("month", 84)``."""
    unit, size = scale(unit_name(q))
    return unit, Fraction(q.magnitude) * Fraction(size)


def as_quantity(unit: str, value: Fraction) -> Quantity:
    """An exact amount as a quantity: whole years where the months make years, else the base unit."""
    ureg = registry()
    if unit == "month" and value.denominator == 1 and value.numerator % 12 == 0:
        years: Quantity = ureg.Quantity(value.numerator // 12, "year")
        return years
    magnitude: int | float = value.numerator if value.denominator == 1 else float(value)
    exact: Quantity = ureg.Quantity(magnitude, unit)
    return exact


_TIMES = Memo(maxsize=4096)
"""Each fraction of an amount met (:func:`times`)."""


def times(q: Quantity, fraction: Fraction) -> Quantity:
    """``fraction`` of the amount ``q``, exactly (:func:`as_quantity`); remembered by the amount's
    number and unit (few amounts and fractions recur in every sentence's caps)."""

    def make() -> Quantity:
        unit, value = exact(q)
        return as_quantity(unit, value * fraction)

    return _TIMES.get((q.magnitude, unit_name(q), fraction), make)
