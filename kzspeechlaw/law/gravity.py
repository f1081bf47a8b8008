"""Gravity categories (Criminal Code 2014 Arts. 10-11; Criminal Code 1997 Art. 10).

A criminal provision is a *criminal misdemeanour* (CC 2014 Art. 10(3)) when none of its
alternatives is restriction of freedom or imprisonment; otherwise it is a crime whose category
follows from the maximum imprisonment it allows (CC 2014 Art. 11(2)-(5)): up to 2 years small
gravity, up to 5 medium, up to 12 grave, above 12 especially grave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzspeechlaw.law.model import Category, Penalty, Regime
from kzspeechlaw.units import registry

if TYPE_CHECKING:
    from kzspeechlaw.law.model import Provision

__all__ = ["Category", "category_of"]

# CC 2014 Art. 11 (and CC 1997 Art. 10): upper bounds of imprisonment, in years, per category.
_THRESHOLDS = (
    (2, Category.SMALL_GRAVITY),
    (5, Category.MEDIUM_GRAVITY),
    (12, Category.GRAVE),
)

_CUSTODIAL = (Penalty.IMPRISONMENT, Penalty.RESTRICTION_OF_FREEDOM)


def category_of(provision: Provision) -> Category:
    """The category of ``provision`` from its own sanction (Art. 10-11 of the criminal codes)."""
    if provision.regime is Regime.ADMINISTRATIVE:
        return Category.ADMINISTRATIVE_OFFENCE
    custodial = [s for s in provision.sanctions if s.kind in _CUSTODIAL]
    if not custodial:
        if provision.ref.code == "CC2014":
            return Category.CRIMINAL_MISDEMEANOUR
        return Category.SMALL_GRAVITY
    imprisonment = [
        s.maximum for s in custodial if s.kind is Penalty.IMPRISONMENT and s.maximum is not None
    ]
    if not imprisonment:
        # Art. 11 measures by "лишение свободы"; a crime without it falls in the lowest band.
        return Category.SMALL_GRAVITY
    years = max(q.to(registry().year).magnitude for q in imprisonment)
    for limit, category in _THRESHOLDS:
        if years <= limit:
            return category
    return Category.ESPECIALLY_GRAVE
