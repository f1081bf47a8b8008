"""The monthly calculation index (MCI, МРП) by date, and conversion of MCI amounts to tenge.

The MCI is set each year by the republican budget law; in 2009 and 2020 it changed on 1 July and
1 April. From 1 April 2022 the law set 3,180 tenge "для исчисления пособий и иных социальных
выплат" only, so fines stayed at 3,063 tenge for the whole of 2022: pass ``purpose="benefits"``
for the benefits value.

>>> import datetime as dt
>>> from kzspeechlaw import ureg
>>> mci(dt.date(2020, 6, 19))
<Quantity(2778, 'KZT')>
>>> to_tenge(5 * ureg.MCI, on=dt.date(2017, 11, 1))
<Quantity(11345, 'KZT')>
>>> mci(dt.date(2022, 6, 1)), mci(dt.date(2022, 6, 1), purpose="benefits")
(<Quantity(3063, 'KZT')>, <Quantity(3180, 'KZT')>)
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import numbers
import sys
from typing import Any

from kzspeechlaw.dates import as_date
from kzspeechlaw.errors import AmountError, OutOfCoverage, quote
from kzspeechlaw.i18n import Message
from kzspeechlaw.law.loader import MciValue, law
from kzspeechlaw.law.timeline import timeline
from kzspeechlaw.units import Amount, Quantity, registry, unit_name

PURPOSES = ("fines", "benefits")
"""``"fines"``: fines, taxes and other payments (the default); ``"benefits"``: social payments."""


@functools.cache
def _series(purpose: str) -> tuple[MciValue, ...]:
    values: list[MciValue] = []
    for value in law().mci_series:
        if value.purpose == "all" or (purpose == "benefits" and value.purpose == "benefits"):
            if values and values[-1].valid_from == value.valid_from:
                values[-1] = value
            else:
                values.append(value)
    return tuple(values)


@functools.cache
def _value(purpose: str, interval: int) -> MciValue | None:
    """The MCI record for ``purpose`` in force through ``interval`` of the time index."""
    day = timeline().start(interval)
    return next((v for v in reversed(_series(purpose)) if v.valid_from <= day), None)


def mci_value(on: dt.date | str, purpose: str = "fines") -> MciValue:
    """The MCI record (value, budget law, article, source) in force on ``on``."""
    check_purpose(purpose)
    day = as_date(on, "on")
    value = _value(purpose, timeline().interval(day))
    until = law().mci_until
    if value is None or day > until:
        raise OutOfCoverage(Message("no MCI is known for {day}: the data covers {first} to {last}",
                                    day=day, first=_series(purpose)[0].valid_from, last=until))
    return value


def changes(after: dt.date, until: dt.date, purpose: str = "fines") -> tuple[dt.date, ...]:
    """The days after ``after``, up to ``until`` and the data's current-to date, on which the MCI for
    ``purpose`` takes another value."""
    check_purpose(purpose)
    last = min(until, law().mci_until)
    return tuple(v.valid_from for v in _series(purpose) if after < v.valid_from <= last)


def mci(on: dt.date | str, purpose: str = "fines") -> Quantity:
    """The tenge value of one MCI on ``on`` (for fines unless ``purpose="benefits"``)."""
    value: Quantity = registry().Quantity(mci_value(on, purpose).kzt, _tenge())
    return value


def mci_amount(on: dt.date | str, purpose: str = "fines") -> Amount:
    """:func:`mci` as an :class:`~kzspeechlaw.units.Amount` (``Amount(2778, "KZT")``), without pint."""
    return Amount(mci_value(on, purpose).kzt, "KZT")


def check_purpose(purpose: object) -> None:
    """Raise :class:`~kzspeechlaw.AmountError` unless ``purpose`` is one of :data:`PURPOSES`."""
    if not (isinstance(purpose, str) and purpose in PURPOSES):
        raise AmountError(f"unknown MCI purpose {quote(purpose)}: expected one of {', '.join(PURPOSES)}")


def to_tenge(quantity: Quantity, on: dt.date | str, purpose: str = "fines") -> Quantity:
    """Convert an amount in MCI (or already in KZT) to tenge with the MCI of ``on``. An amount that
    is negative or not a finite number raises :class:`~kzspeechlaw.AmountError`, as do other
    units and an amount whose tenge is too large for a finite number; ``on`` and ``purpose`` are
    checked for an amount in KZT too."""
    try:
        unit, magnitude = unit_name(quantity), quantity.magnitude
    except AttributeError:
        raise AmountError(f"expected a pint quantity in MCI or KZT, got {quote(quantity)}") from None
    if unit not in ("MCI", "KZT"):
        raise AmountError(f"cannot convert {quote(quantity)} to tenge: expected an amount in MCI or KZT")
    magnitude = _amount(magnitude, quantity)
    if unit == "KZT":
        check_purpose(purpose)
        as_date(on, "on")
        return quantity
    kzt = mci_value(on, purpose).kzt  # checks the purpose and the date
    if isinstance(magnitude, int | float):
        tenge = _tenge_amount(magnitude, kzt)
        if type(tenge.magnitude) is float and not math.isfinite(tenge.magnitude):  # 1e308 MCI overflows
            raise AmountError(f"cannot convert {quote(quantity)} to tenge: expected an amount whose tenge is a "
                              f"finite number (at most {math.floor(sys.float_info.max / kzt):.6g} MCI at {kzt} "
                              "tenge)")
        return tenge
    array: Quantity = registry().Quantity(magnitude * kzt, _tenge())  # an array of amounts
    return array


def _amount(magnitude: object, quantity: object) -> Any:
    """A quantity's magnitude as Python's number (numpy's and ``Decimal`` too: a numpy integer
    would wrap past 64 bits), or an array of them, each finite and at least 0; else
    :class:`~kzspeechlaw.AmountError`."""
    if (type(magnitude) is int and magnitude >= 0) or (type(magnitude) is float and 0 <= magnitude < math.inf):
        return magnitude  # the common case, at once
    value: Any = None
    if type(magnitude).__name__ in ("bool", "bool_"):
        pass
    elif isinstance(magnitude, numbers.Integral):
        value = int(magnitude)
    elif isinstance(magnitude, numbers.Real) or type(magnitude).__name__ == "Decimal":
        value = float(magnitude)  # type: ignore[arg-type]
    elif hasattr(magnitude, "dtype") and hasattr(magnitude, "shape"):  # an array: every amount checked
        import numpy as np

        array: Any = magnitude
        if array.dtype.kind in "iuf" and bool(np.all(np.isfinite(array) & (array >= 0))):
            return array.astype(float) if array.dtype.kind in "iu" else array
    if value is None or not 0 <= value < math.inf:  # NaN fails both comparisons
        raise AmountError(f"cannot convert {quote(quantity)} to tenge: expected a finite amount of at least 0")
    return value


@functools.lru_cache(maxsize=4096, typed=True)
def _tenge_amount(mci_amount: int | float, kzt: int) -> Quantity:
    """``mci_amount`` MCI at ``kzt`` tenge each, in tenge. Remembered: a fine's bounds in a year
    recur across incidents, and building a pint quantity costs more than the arithmetic (the
    quantities are shared as the data's own amounts are; pint does not change a scalar in place).
    A fraction of an MCI is multiplied as the decimal it is written as, so that 0.1 MCI at 3,692
    tenge is 369.2 tenge, not binary floating point's 369.20000000000005."""
    if type(mci_amount) is float and not mci_amount.is_integer():
        import decimal  # here: whole amounts, nearly all of them, need none

        fraction: Quantity = registry().Quantity(float(decimal.Decimal(repr(mci_amount)) * kzt), _tenge())
        return fraction
    whole: Quantity = registry().Quantity(mci_amount * kzt, _tenge())
    return whole


@functools.cache
def _tenge() -> Any:
    """The tenge unit (a quantity built from the unit itself skips parsing its name)."""
    return registry().Unit("KZT")
