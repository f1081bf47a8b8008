"""Which of two versions of a provision is more lenient (lex mitior).

The comparison used, for the alternatives open to the offender's subject:

1. the *upper* end: the most severe kind of punishment available, ranked as the codes list them
   from mildest to most severe (CC 2014 Art. 40(1)-(2): fine, correctional work, community work,
   arrest, restriction of freedom, imprisonment; warning first in the AOC, Art. 41), and its
   maximum;
2. the *lower* end: the mildest kind available and its minimum (an "up to" with no floor counts
   as zero here; the general part sets the same floor for both versions);
3. additional punishments: a mandatory one counts as heavier than an optional one or none.

The later version is **more lenient** when no end is heavier and at least one is lighter (so
adding a milder alternative, such as the fine of 2,000-7,000 MCI added to CC 2014 Art. 174(1) in
2020, mitigates), **more severe** in the mirror case, **equal** when nothing differs, and
**mixed** otherwise (then the act-time law stays, CC Art. 5, and the notes say so).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from kzspeechlaw.model import Penalty, Sanction
from kzspeechlaw.units import ureg

RANK = {
    Penalty.WARNING: 0,
    Penalty.FINE: 1,
    Penalty.CORRECTIONAL_WORK: 2,
    Penalty.COMMUNITY_SERVICE: 3,
    Penalty.ARREST: 4,
    Penalty.SUSPENSION_OF_ACTIVITY: 4,
    Penalty.PROHIBITION_OF_ACTIVITY: 5,
    Penalty.EXPULSION: 5,
    Penalty.RESTRICTION_OF_FREEDOM: 6,
    Penalty.IMPRISONMENT: 7,
}
"""Severity rank of each main punishment, mildest first (CC 2014 Art. 40; AOC 2014 Art. 41)."""


class Leniency(enum.StrEnum):
    """How a later version compares with an earlier one for the offender."""

    MORE_LENIENT = "more_lenient"
    EQUAL = "equal"
    MORE_SEVERE = "more_severe"
    MIXED = "mixed"


def _size(quantity: object) -> float:
    if quantity is None:
        return 0.0
    unit = str(quantity.units)  # type: ignore[attr-defined]
    if unit in ("year", "month"):
        return float(quantity.to(ureg.month).magnitude)  # type: ignore[attr-defined]
    return float(quantity.magnitude)  # type: ignore[attr-defined]


def upper(sanctions: Iterable[Sanction]) -> tuple[int, float]:
    """The heaviest punishment available: (rank, maximum)."""
    return max(((RANK.get(s.kind, 0), _size(s.maximum)) for s in sanctions), default=(-1, 0.0))


def lower(sanctions: Iterable[Sanction]) -> tuple[int, float]:
    """The mildest punishment available: (rank, minimum)."""
    return min(((RANK.get(s.kind, 0), _size(s.minimum)) for s in sanctions), default=(99, 0.0))


def _additional(sanctions: Iterable[Sanction]) -> tuple[int, float]:
    mandatory = [s for s in sanctions if not s.optional]
    return (len(mandatory), sum(_size(s.maximum) for s in mandatory))


def compare(
    earlier: Iterable[Sanction],
    later: Iterable[Sanction],
    earlier_additional: Iterable[Sanction] = (),
    later_additional: Iterable[Sanction] = (),
) -> Leniency:
    """Compare the later alternatives with the earlier ones (see the module docstring)."""
    old, new = tuple(earlier), tuple(later)
    signs = [
        _sign(upper(new), upper(old)),
        _sign(lower(new), lower(old)),
        _sign(_additional(later_additional), _additional(earlier_additional)),
    ]
    if all(s == 0 for s in signs):
        return Leniency.EQUAL
    if all(s <= 0 for s in signs):
        return Leniency.MORE_LENIENT
    if all(s >= 0 for s in signs):
        return Leniency.MORE_SEVERE
    return Leniency.MIXED


def _sign(a: tuple[int, float], b: tuple[int, float]) -> int:
    return (a > b) - (a < b)
