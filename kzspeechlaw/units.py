"""The pint unit registry: MCI, tenge, calendar terms and hours of community work.

The registry is built from the few definitions the law needs (no default definitions file), and
only when first used: ``import kzspeechlaw`` does not import pint, which takes longer to import
than the rest of the library. Calendar terms are their own dimensions: a month is not a number of
days, and hours of community work cannot be added to days of arrest by mistake.

The data keeps its amounts as :class:`Amount` (a number and a unit name, no pint): reading,
validating and showing the law needs no registry, and a record makes its pint quantities when a
caller first asks for one (:func:`quantity`).

>>> from kzspeechlaw import ureg
>>> (3 * ureg.year).to(ureg.month)
<Quantity(36, 'month')>
>>> amount("2 000 MCI")
<Quantity(2000, 'MCI')>
"""

from __future__ import annotations

import copyreg
import functools
import math
import numbers
import re
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from kzspeechlaw.errors import AmountError, quote
from kzspeechlaw.i18n import N_, Message

DEFINITIONS = (
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
)
"""The registry's units, in pint's definition syntax."""


@functools.cache
def registry() -> Any:
    """The library's registry (``kzspeechlaw.ureg``), built on first use.

    Units: ``MCI``, ``KZT``, ``year``, ``month``, ``day``, ``hour``.
    """
    import pint

    ureg: Any = pint.UnitRegistry(None, cache_folder=None)
    for definition in DEFINITIONS:
        ureg.define(definition)
    _remember_unit_texts(ureg)
    _refuse_changes_in_place(ureg)
    # pint unpickles amounts into its application registry, which lacks these units: amounts of
    # this registry pickle as (magnitude, unit) and unpickle into it (so do assessments, versions).
    copyreg.pickle(ureg.Quantity, lambda q: (_unpickle_quantity, (q.magnitude, unit_name(q))))
    copyreg.pickle(ureg.Unit, lambda u: (_unpickle_unit, (str(u),)))
    return ureg


IN_PLACE = ("ito", "ito_base_units", "ito_preferred", "ito_reduced_units", "ito_root_units", "ito_unprefixed")
"""pint's conversions in place. The registry's quantities refuse them: the data's amounts, a year's
MCI in tenge and the parts of assessments are shared by every caller (made once, remembered), so
``maximum.ito("month")`` would change the law every later answer reads; ``.to(...)`` gives a new
quantity. (pint's in-place arithmetic, ``q += ...``, already gives a new scalar quantity.)"""


def _refuse_changes_in_place(ureg: Any) -> None:
    for name in IN_PLACE:
        def refuse(self: Any, *args: Any, _name: str = name, **kwargs: Any) -> None:
            raise AmountError(f"cannot change {quote(self)} in place with .{_name}(): the library's quantities are "
                              f"immutable (shared by every answer); expected .{_name[1:]}(), which gives a new "
                              "quantity")

        refuse.__name__ = name
        setattr(ureg.Quantity, name, refuse)


def _unpickle_quantity(magnitude: Any, unit: str) -> Quantity:
    value: Quantity = registry().Quantity(magnitude, unit)
    return value


def _unpickle_unit(unit: str) -> Any:
    return registry().Unit(unit)


def _remember_unit_texts(ureg: Any) -> None:
    """Let the registry write each unit once: ``str(quantity.units)`` otherwise runs pint's general
    unit formatter (sorting, exponents, locales) on every call, and the JSON forms of assessments
    ask for it for every amount. Only the default, locale-free text is remembered."""
    try:
        from pint.delegates.formatter import Formatter
    except ImportError:  # pint before 0.24 formats units elsewhere: nothing to remember then
        return

    class RememberingFormatter(Formatter):
        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            self.unit_texts: dict[Any, str] = {}

        def format_unit(self, unit: Any, uspec: str = "", sort_func: Any = None, **babel_kwds: Any) -> str:
            pint_formatter: Any = super()
            units = getattr(unit, "_units", None)
            if units is None or uspec or sort_func or babel_kwds or self.default_format or self.locale:
                return str(pint_formatter.format_unit(unit, uspec, sort_func, **babel_kwds))
            key = (units, self.default_sort_func)
            text = self.unit_texts.get(key)
            if text is None:
                text = self.unit_texts[key] = str(pint_formatter.format_unit(unit))
            return text

    ureg.formatter = RememberingFormatter(ureg)


def __getattr__(name: str) -> Any:
    # ``ureg`` is a module attribute built on first access (see the module docstring).
    if name == "ureg":
        return registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    import pint
    Quantity = pint.Quantity[Any]
    ureg: pint.UnitRegistry[Any]
else:
    Quantity = Any
"""Type alias for a pint quantity of :data:`ureg` (pint's own generics are too loose to help)."""


class Amount(NamedTuple):
    """An amount as the data writes it: a number and the name of one unit of :data:`DEFINITIONS`
    (``Amount(3000, "MCI")``, ``Amount(2, "year")``), without pint. Equal amounts are equal
    tuples: the data writes each kind of amount in one unit."""

    magnitude: int | float
    unit: str

    def quantity(self) -> Quantity:
        """The pint quantity (built through the registry, which imports pint)."""
        return quantity(self.magnitude, self.unit)


SCALES: dict[str, tuple[str, int | float]] = {
    "MCI": ("MCI", 1), "KZT": ("KZT", 1), "month": ("month", 1), "year": ("month", 12), "day": ("day", 1),
    "hour": ("hour", 1),
}
"""Each unit's base unit and its size in it, as :data:`DEFINITIONS` give them (known without
building the registry; a test checks them against pint's)."""


@functools.lru_cache(maxsize=1024, typed=True)
def quantity(magnitude: int | float, unit: str) -> Quantity:
    """The quantity ``magnitude unit`` (``quantity(3000, "MCI")``), one object per amount (pint
    does not change a scalar quantity in place; building one costs more than looking it up)."""
    value: Quantity = registry().Quantity(magnitude, unit)
    return value


def as_amount(value: Amount | Quantity) -> Amount:
    """``value`` as an :class:`Amount` (a quantity: its number and unit name)."""
    if isinstance(value, Amount):
        return value
    return Amount(value.magnitude, unit_name(value))


def in_unit(value: Amount, unit: str) -> int | float:
    """The number of ``unit`` in ``value`` (``in_unit(Amount(24, "month"), "year") == 2``); units
    of different dimensions raise :class:`~kzspeechlaw.AmountError`."""
    (base, size), (to_base, to_size) = scale(value.unit), scale(unit)
    if base != to_base:
        raise AmountError(f"cannot express {value.magnitude} {value.unit} in {unit}")
    if size == to_size:
        return value.magnitude
    whole = value.magnitude * size
    return whole // to_size if isinstance(whole, int) and whole % to_size == 0 else whole / to_size


def comparable(a: Amount, b: Amount) -> bool:
    """True when ``a`` and ``b`` measure the same dimension (``year`` and ``month`` do)."""
    return scale(a.unit)[0] == scale(b.unit)[0]


def compare(a: Amount, b: Amount) -> int:
    """-1, 0 or 1 as ``a`` is less than, equal to or greater than ``b``, in the same dimension
    (else :class:`~kzspeechlaw.AmountError`)."""
    (base_a, size_a), (base_b, size_b) = scale(a.unit), scale(b.unit)
    if base_a != base_b:
        raise AmountError(f"cannot compare {a.magnitude} {a.unit} with {b.magnitude} {b.unit}")
    x, y = a.magnitude * size_a, b.magnitude * size_b
    return (x > y) - (x < y)


def amount_repr(value: Amount | Quantity | None) -> str:
    """``repr`` of an amount as pint writes a quantity's (``<Quantity(3000, 'MCI')>``), without pint."""
    if value is None:
        return "None"
    if isinstance(value, Amount):
        return f"<Quantity({value.magnitude}, '{value.unit}')>"
    return repr(value)

_AMOUNT = re.compile(r"(\d[\d ,]*(?:\.\d+)?) ?([A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі₸]+)")
_UNITS = {"MCI": "MCI", "KZT": "KZT", "year": "year", "years": "year", "month": "month",
          "months": "month", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
          # as Russian and Kazakh write them: «месячный расчетный показатель» (МРП), «айлық есептік
          # көрсеткіш» (АЕК), тенге, and the terms' words in the forms a number takes
          "МРП": "MCI", "мрп": "MCI", "АЕК": "MCI", "аек": "MCI", "тенге": "KZT", "теңге": "KZT", "₸": "KZT",
          "год": "year", "года": "year", "лет": "year", "жыл": "year",
          "месяц": "month", "месяца": "month", "месяцев": "month", "ай": "month",
          "день": "day", "дня": "day", "дней": "day", "сутки": "day", "суток": "day", "күн": "day", "тәулік": "day",
          "час": "hour", "часа": "hour", "часов": "hour", "сағат": "hour"}

_GROUPED = re.compile(r"(?!0)\d{1,3}(?:,\d{3})+(?:\.\d+)?")

_DECIMAL_OR_GROUP = re.compile(r"(?!0)\d{1,3}([.,])\d{3}")
"""A number such as ``10.000`` or ``1,500``: a decimal point or comma to one reader, a separator
grouping thousands to another (``10.000 KZT`` is ten thousand tenge where dots group them; ``1,500
year`` is a year and a half to a reader of Russian or Kazakh): refused, never read one way. Two or
more groups (``1,000,000``) or a decimal point after the group (``1,000.5``) read one way only."""

_AMBIGUOUS = {
    ".": N_("cannot read amount {text}: {number} has a decimal point to some readers and a dot grouping thousands "
            "to others; expected {whole} or '{spaced}' for thousands, {decimal} for a decimal number"),
    ",": N_("cannot read amount {text}: {number} has a decimal comma to some readers and a comma grouping "
            "thousands to others; expected {whole} or '{spaced}' for thousands, {decimal} for a decimal number"),
}
"""The error for a number :data:`_DECIMAL_OR_GROUP` refuses, by its separator."""

MAX_AMOUNT = 100
"""The longest amount text read, in characters; longer texts raise :class:`~kzspeechlaw.AmountError`."""


def amount(text: str) -> Quantity:
    """Parse ``"1000 MCI"``, ``"2 year"``, ``"15 day"`` or ``"120 hour"`` into a quantity; the units
    also as Russian and Kazakh write them (``"1000 МРП"``, ``"2 года"``, ``"15 суток"``, ``"100 АЕК"``,
    ``"1 жыл"``: :data:`_UNITS`).

    Spaces group thousands (``"465 192 KZT"``), and so do commas where two or more groups of three
    digits follow (``"1,000,000 KZT"``) or a decimal point does (``"1,000.5 KZT"``); any other single
    comma is a decimal comma (``"1,5 year"``; ``"0,500 year"`` is half a year), as Russian and Kazakh
    write it. A dot is a decimal point. A number that one comma or one dot grouping thousands would
    read otherwise (``"1,500 year"``: one and a half or fifteen hundred; ``"10.000 KZT"``: ten or
    ten thousand) is refused, naming both ways to write it.

    Raises :class:`~kzspeechlaw.AmountError`, also for anything but a text of at most
    :data:`MAX_AMOUNT` characters; time is linear in the text's length.
    """
    value = parse_amount(text)
    parsed: Quantity = registry().Quantity(value.magnitude, value.unit)
    return parsed


def parse_amount(text: str) -> Amount:
    """What :func:`amount` reads, as an :class:`Amount` (no pint): ``parse_amount("2 000 MCI")
    == Amount(2000, "MCI")``; the same errors."""
    if not isinstance(text, str) or len(text) > MAX_AMOUNT:
        raise AmountError(Message("cannot read amount {text}: expected a text of at most {limit} characters",
                                  text=quote(text), limit=MAX_AMOUNT))
    match = _AMOUNT.fullmatch(" ".join(text.split()))
    if match is None or match.group(2) not in _UNITS:
        raise AmountError(Message("cannot read amount {text}: expected '<number> <unit>' with unit one of {units}",
                                  text=quote(text), units=str(sorted(set(_UNITS.values())))))
    number = match.group(1).replace(" ", "")
    if ambiguous := _DECIMAL_OR_GROUP.fullmatch(number):
        separator = ambiguous.group(1)
        head, tail = number.split(separator)
        # a decimal the reader cannot take for a group: no trailing zeros, or one more
        decimal = f"{head}{separator}{tail.rstrip('0') or '0'}" if tail.endswith("0") else f"{number}0"
        raise AmountError(Message(_AMBIGUOUS[separator], text=quote(text), number=number, whole=head + tail,
                                  spaced=f"{head} {tail}", decimal=decimal))
    if "," in number:
        # A comma groups thousands only where every comma is followed by three digits ("1,000");
        # otherwise it is the decimal comma of Russian and Kazakh writing ("1,5 year", "50,5 MCI").
        if _GROUPED.fullmatch(number):
            number = number.replace(",", "")
        elif number.count(",") == 1 and "." not in number:
            number = number.replace(",", ".")
        else:
            raise AmountError(Message("cannot read amount {text}: expected one decimal comma or commas grouping "
                                      "thousands", text=quote(text)))
    magnitude: int | float = float(number) if "." in number else int(number)
    return Amount(magnitude, _UNITS[match.group(2)])


def sentence_amount(value: object) -> Quantity:
    """``value`` if it is an amount a sentence can have: a quantity of the registry in one of its
    units (:data:`DEFINITIONS`) whose magnitude is a finite real number of at least 0; else
    :class:`~kzspeechlaw.AmountError` naming it (``-5 MCI``, ``nan year``, ``1e400 MCI`` as a whole
    number, ``5 MCI / day``, a text, ``None``)."""
    if not hasattr(value, "magnitude") or not hasattr(value, "unit_items"):
        raise AmountError(f"the sentence {quote(value)} is not an amount: expected e.g. 1 * kz.ureg.year")
    magnitude: Any = value.magnitude
    try:
        number = float(magnitude) if isinstance(magnitude, numbers.Real) and not isinstance(magnitude, bool) else None
    except (OverflowError, ValueError):
        number = None
    if number is None or not 0 <= number < math.inf:
        raise AmountError(f"the sentence {quote(value)} is not an amount a sentence can have: expected a finite "
                          "number of at least 0")
    unit = unit_name(cast("Quantity", value))
    if unit not in SCALES:
        raise AmountError(f"the sentence {quote(value)} is not in a unit of the law: expected one of "
                          f"{', '.join(SCALES)}")
    return cast("Quantity", value)


def unit_name(quantity: Quantity | Amount) -> str:
    """The name of a quantity's unit, ``"MCI"``, ``"year"``: what ``str(quantity.units)`` gives for
    the library's one-unit quantities, read without running pint's unit formatter (an
    :class:`Amount`'s own unit)."""
    if isinstance(quantity, Amount):
        return quantity.unit
    units = getattr(quantity, "_units", None)  # pint's container of the units: a few distinct ones
    name = _UNIT_NAMES.get(units) if units is not None else None
    if name is None:
        items = list(quantity.unit_items())
        one = len(items) == 1 and items[0][1] == 1  # one unit to the first power: its name
        name = str(items[0][0]) if one else str(quantity.units)
        if units is not None and len(_UNIT_NAMES) < 256:
            _UNIT_NAMES[units] = name
    return name


_UNIT_NAMES: dict[Any, str] = {}
"""The names of the units met, by pint's container of them (reading them is slow, and the law's
quantities have a handful of units)."""


def scale(unit: str) -> tuple[str, int | float]:
    """A unit's base unit and its size in it: ``"year"`` -> ``("month", 12)``, ``"MCI"`` ->
    ``("MCI", 1)`` (from :data:`DEFINITIONS`; :data:`SCALES` without pint, else the registry)."""
    known = SCALES.get(unit)
    return known if known is not None else registry_scale(unit)


@functools.cache
def registry_scale(unit: str) -> tuple[str, int | float]:
    """:func:`scale` as the registry computes it (a unit outside :data:`SCALES`, an alias)."""
    base = registry().Quantity(1, unit).to_root_units()
    size: int | float = base.magnitude
    return unit_name(base), size


def lesser(a: Quantity, b: Quantity) -> Quantity:
    """``min(a, b)`` for two amounts: ``a`` unless ``b`` is smaller, compared as plain numbers
    (pint's comparison converts both amounts on every call)."""
    (base_a, size_a), (base_b, size_b) = scale(unit_name(a)), scale(unit_name(b))
    if base_a != base_b:
        return min(a, b)  # pint raises its DimensionalityError, as before
    return b if b.magnitude * size_b < a.magnitude * size_a else a


def format_quantity(quantity: Quantity | Amount) -> str:
    """``"3 000 MCI"``, ``"2 years"``, ``"15 days"``, ``"≈4 666.67 MCI"``: thousands spaced, a fraction
    as :func:`digits` writes it, unit names pluralised (a quantity or an :class:`Amount`)."""
    magnitude = quantity.magnitude
    unit = unit_name(quantity)
    if unit in ("year", "month", "day", "hour") and magnitude != 1:
        unit += "s"
    return f"{digits(magnitude)} {unit}"


def digits(number: float, space: str = " ", point: str = ".") -> str:
    """``number`` with its thousands separated by ``space`` and the decimal ``point``: as given
    where it has at most :data:`EXACT_DECIMALS` decimals (a sentence of 2 000.004 MCI is not the
    maximum of 2 000), else, as a computed fraction is (a cap of two thirds of 7 000 MCI, CC 2014
    Art. 55(2): «двух третей»), to two decimals (below 0.01, to three significant digits) marked
    ``≈``.

    >>> digits(4666.666666666667), digits(13.5, point=","), digits(2_525), digits(2000.004), digits(0.005)
    ('≈4 666.67', '13,5', '2 525', '2 000.004', '0.005')
    """
    if isinstance(number, int) or float(number).is_integer():
        return f"{int(number):,}".replace(",", space)
    given = repr(number)
    if "e" not in given and len(given.partition(".")[2]) <= EXACT_DECIMALS:
        shown, approximate = f"{number:,}", False
    else:
        shown = f"{number:,.2f}".rstrip("0").rstrip(".") if abs(number) >= 0.01 else f"{number:.3g}"
        approximate = float(shown.replace(",", "")) != number
    shown = "".join(space if c == "," else point if c == "." else c for c in shown)
    return ("≈" if approximate else "") + shown


EXACT_DECIMALS = 4
"""The most decimals a number is written with as it is (:func:`digits`): an amount a user gives, or
a quarter of a term; a longer fraction is one the library computed (two thirds of a maximum)."""
