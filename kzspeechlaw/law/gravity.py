"""Gravity categories (Criminal Code 2014 Arts. 10-11; Criminal Code 1997 Art. 10; AOC 2014 Art. 25),
decided by the ``category`` records of ``general.toml``.

A criminal provision is a *criminal misdemeanour* (CC 2014 Art. 10(3)) when none of its
alternatives is restriction of freedom or imprisonment and its code then has the category;
otherwise it is a crime whose category follows from the maximum imprisonment it allows, by the
bands (``max_imprisonment``) of the code in force on the version's first day (CC 2014
Art. 11(2)-(5)): the lowest band whose bound the maximum does not exceed, or the band without a
bound. A code or day without bands raises :class:`~kzspeechlaw.DataError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kzspeechlaw.errors import DataError
from kzspeechlaw.law.model import Category, Penalty, Regime
from kzspeechlaw.units import in_unit

if TYPE_CHECKING:
    from kzspeechlaw.law.general_part import Rule
    from kzspeechlaw.law.model import Provision

__all__ = ["Category", "category_of"]

_CUSTODIAL = (Penalty.IMPRISONMENT, Penalty.RESTRICTION_OF_FREEDOM)


def category_of(provision: Provision, categories: Iterable[Rule]) -> Category:
    """The category of ``provision`` from its own sanction and the ``category`` records of the
    general part (``categories``: every record of that table, of any code and date)."""
    code, day = provision.ref.code, provision.valid_from
    bands = {Category(r.key[1]): r for r in categories if r.key[0] == code and r.in_force_on(day)}
    if provision.regime is Regime.ADMINISTRATIVE:
        return _present(bands, Category.ADMINISTRATIVE_OFFENCE, code, day)
    custodial = [s for s in provision.sanctions if s.kind in _CUSTODIAL]
    if not custodial:
        if Category.CRIMINAL_MISDEMEANOUR in bands:
            return Category.CRIMINAL_MISDEMEANOUR
        return _present(bands, Category.SMALL_GRAVITY, code, day)
    imprisonment = [
        s.maximum_amount for s in custodial if s.kind is Penalty.IMPRISONMENT and s.maximum_amount is not None
    ]
    if not imprisonment:
        # Art. 11 measures by "лишение свободы"; a crime without it falls in the lowest band.
        return _present(bands, Category.SMALL_GRAVITY, code, day)
    years = max(in_unit(q, "year") for q in imprisonment)
    bounded = sorted((in_unit(r.period_amount, "year"), c) for c, r in bands.items() if r.period_amount is not None)
    for limit, category in bounded:
        if years <= limit:
            return category
    unbounded = [c for c, r in bands.items() if r.period_amount is None and c is not Category.CRIMINAL_MISDEMEANOUR
                 and c is not Category.ADMINISTRATIVE_OFFENCE]
    if len(unbounded) != 1:
        raise DataError("general.toml", f"category records of {code} on {day}",
                        "exactly one band without max_imprisonment is needed above the bounded ones")
    return unbounded[0]


def _present(bands: dict[Category, Rule], category: Category, code: str, day: object) -> Category:
    if category not in bands:
        raise DataError("general.toml", f"category records of {code} on {day}",
                        f"no {category.value} record is in force: the category cannot be decided")
    return category
