"""The pint unit registry: MCI, tenge, calendar terms and hours of community work.

The registry is built from the few definitions the law needs (no default definitions file), so
importing it is fast. Calendar terms are their own dimensions: a month is not a number of days,
and hours of community work cannot be added to days of arrest by mistake.

>>> from kzspeechlaw import ureg
>>> (3 * ureg.year).to(ureg.month)
<Quantity(36, 'month')>
>>> amount("2 000 MCI")
<Quantity(2000, 'MCI')>
"""

from __future__ import annotations

import re
from typing import Any

import pint

from kzspeechlaw.errors import AmountError

ureg: Any = pint.UnitRegistry(None, cache_folder=None)
"""The library's registry. Units: ``MCI``, ``KZT``, ``year``, ``month``, ``day``, ``hour``."""

for _definition in (
    # Monthly calculation index (месячный расчетный показатель, МРП): its tenge value is set
    # yearly by the budget law, so MCI and KZT are separate dimensions, converted only with a date.
    "MCI = [mci] = МРП = AEK",
    "KZT = [currency] = tenge = ₸",
    # Terms of custody and restriction: calendar months and days (not convertible to each other).
    "month = [term_month] = mo",
    "year = 12 * month = yr",
    "day = [term_day] = d = сутки",
    # Community work (общественные работы) is measured in hours of work.
    "hour = [work] = h",
):
    ureg.define(_definition)

Quantity = Any
"""Type alias for a pint quantity of :data:`ureg` (pint's own generics are too loose to help)."""

_AMOUNT = re.compile(r"^\s*(\d[\d\s,]*(?:\.\d+)?)\s*([A-Za-zА-Яа-я₸]+)\s*$")
_UNITS = {"MCI": "MCI", "KZT": "KZT", "year": "year", "years": "year", "month": "month",
          "months": "month", "day": "day", "days": "day", "hour": "hour", "hours": "hour"}


def amount(text: str) -> Quantity:
    """Parse ``"1000 MCI"``, ``"2 year"``, ``"15 day"`` or ``"120 hour"`` into a quantity."""
    match = _AMOUNT.match(text)
    if match is None or match.group(2) not in _UNITS:
        raise AmountError(
            f"cannot read amount {text!r}: expected '<number> <unit>' with unit one of "
            f"{sorted(set(_UNITS.values()))}"
        )
    number = match.group(1).replace(" ", "").replace(",", "")
    magnitude: int | float = float(number) if "." in number else int(number)
    return ureg.Quantity(magnitude, _UNITS[match.group(2)])


def format_quantity(quantity: Quantity) -> str:
    """``"3 000 MCI"``, ``"2 years"``, ``"15 days"``: thousands spaced, unit names pluralised."""
    magnitude = quantity.magnitude
    if isinstance(magnitude, float) and magnitude.is_integer():
        magnitude = int(magnitude)
    unit = str(quantity.units)
    if unit in ("year", "month", "day", "hour") and magnitude != 1:
        unit += "s"
    return f"{magnitude:,} {unit}".replace(",", " ")
