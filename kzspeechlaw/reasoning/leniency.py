"""Which of two versions of a provision is more lenient (lex mitior).

The comparison used, for the alternatives open to the offender's subject:

1. the *upper* end: the most severe kind of punishment available, ranked as the codes list them
   from mildest to most severe (CC 2014 Art. 40(1)-(2): fine, correctional work, community work,
   arrest, restriction of freedom, imprisonment; warning first in the AOC, Art. 41), and its
   maximum. Two versions of the 1997 Code are ranked by its own list (Art. 39(1): community work
   before correctional work, restriction of freedom before arrest;
   :data:`~kzspeechlaw.law.model.CC1997_RANK`), so a version that struck arrest, the heaviest kind
   there, is more lenient; a version of one code against one of another by the 2014 order;
2. the *lower* end: the mildest kind available and its minimum (an "up to" with no floor counts
   as zero here; the general part sets the same floor for both versions);
3. additional punishments: a mandatory one counts as heavier than an optional one or none.

An end's amount is kept per measure (MCI, tenge, months, days, hours; a year is twelve months),
and amounts are weighed only within one measure: kinds that share a rank, or one kind in two
codes, can be stated in different measures (correctional work in months under the 1997 Code, in
MCI under the 2014 Code). The 1997 Code's fine in the convicted person's wages or other income
for a period (:attr:`~kzspeechlaw.law.model.Penalty.INCOME_FINE`) ranks as a fine, because CC 1997
Art. 40(1) makes it a measure of the fine ("штраф есть денежное взыскание ... в размере,
соответствующем определенному количеству месячных расчетных показателей ..., либо в размере
заработной платы или иного дохода осужденного за определенный период"); its months of income are
not weighed against MCI, so adding or removing that measure alone leaves an end as it was. Where
the measures of one end point different ways, the comparison is mixed.

The later version is **more lenient** when no end is heavier and at least one is lighter (so
adding a milder alternative, such as the fine of 2,000-7,000 MCI added to CC 2014 Art. 174(1) in
2020, mitigates), **more severe** in the mirror case, and **mixed** where the ends point different
ways (then the act-time law stays, CC Art. 5, and the notes say so). Where the ends point one way,
a bound that both versions state of an alternative both have and that moved the other way makes the
change mixed too: the law is then milder in some respects and harsher in another (CC 2014 Art. 6(1)
and (3)), as CC 2014 Art. 375(2) with the floors of Law 180-VI against CC 1997 Art. 318(2): its
lowest fine is lighter, but its fine reaches «до трех тысяч» MCI where the 1997 one stopped at «от
пятисот до одной тысячи». A bound one version leaves unstated (an "up to" whose floor no general
part then set, as for arrest while suspended) is not weighed there.

Where the ends and the mandatory additional punishments weigh the same, what lies between them is
weighed: each alternative both versions have (a kind for one subject, in one measure) and each
mandatory additional punishment by its bounds, and the optional additional punishments (one added
can only worsen the offender's position, one removed only better it). All the same: **equal**; none
heavier and one lighter: more lenient (Law 180-VI lowered the floor of restriction of freedom, CC
2014 Art. 44(1)); the mirror: more severe (Law 188-VII raised the maximum fine of CC 2014 Art. 372
from 2,000 to 3,000 MCI); both: mixed. Where an alternative between the ends (or a mandatory
additional punishment) was added or removed, or restated in another measure (Law 393-IV struck
arrest from CC 1997 Art. 164(1); Law 490-IV the fine in months of income; Law 155-VIII added
community work to AOC 2014 Art. 434(1)), the later version is **unweighed**: whether such a law
«смягчающий ... наказание, или иным образом улучшающий положение лица» (CC 2014 Art. 6(1); in the
AOC, Art. 5(1): «либо иным образом улучшающий») is a question the bounds cannot answer, and the
comparison does not guess it. The act-time law stays, and the notes and the check of a sentence say
that the answer turns on it (:mod:`kzspeechlaw.reasoning.route`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple, TypeVar

from kzspeechlaw.errors import DataError
from kzspeechlaw.law.model import MAIN_RANK, Penalty, Sanction
from kzspeechlaw.units import Quantity, scale, unit_name

RANK = MAIN_RANK
"""Severity rank of each main punishment, mildest first, in the 2014 order
(:data:`kzspeechlaw.law.model.MAIN_RANK`): the default, and the ranking between versions of two
codes; two versions of one code are ranked by its own (:func:`~kzspeechlaw.law.model.main_rank`).
The loader refuses a main sanction of a kind either ranking lacks."""


class Leniency(enum.StrEnum):
    """How a later version compares with an earlier one for the offender."""

    MORE_LENIENT = "more_lenient"
    EQUAL = "equal"
    MORE_SEVERE = "more_severe"
    MIXED = "mixed"
    UNWEIGHED = "unweighed"
    """The ends weigh the same, the alternatives between them differ (see the module docstring)."""


class End(NamedTuple):
    """One end of a sanction: the rank of its kind and, per measure, its amount.

    ``amounts`` maps a measure (``"MCI"``, ``"KZT"``, ``"month"``, ``"day"``, ``"hour"``, or
    ``""`` for a kind with no amount) to the extreme amount among the alternatives of that rank:
    the largest maximum for the upper end, the smallest minimum for the lower end.
    """

    rank: int
    amounts: dict[str, float]


def _measure(quantity: Quantity | None, like: Quantity | None) -> tuple[str, float]:
    """The measure and size of ``quantity``; ``None`` (no bound) is zero in the measure of ``like``."""
    if quantity is None:
        return (_measure(like, None)[0] if like is not None else ""), 0.0
    base, factor = scale(unit_name(quantity))  # terms in years are weighed in months
    return base, float(quantity.magnitude) * factor


def _end(
    sanctions: Iterable[Sanction],
    pick_rank: Callable[[Iterable[int]], int],
    bound: Callable[[Sanction], tuple[Quantity | None, Quantity | None]],
    pick_size: Callable[[float, float], float],
    empty: int,
    rank_of: Mapping[Penalty, int],
) -> End:
    ranked = [(_rank(s, rank_of), s) for s in sanctions]
    if not ranked:
        return End(empty, {})
    rank = pick_rank(r for r, _ in ranked)
    amounts: dict[str, float] = {}
    for r, s in ranked:
        if r == rank:
            unit, size = _measure(*bound(s))
            amounts[unit] = pick_size(amounts[unit], size) if unit in amounts else size
    return End(rank, amounts)


def _rank(s: Sanction, rank_of: Mapping[Penalty, int]) -> int:
    """The severity rank of ``s`` in ``rank_of``; a kind with none raises
    :class:`~kzspeechlaw.DataError`, never ranking as the mildest."""
    rank = rank_of.get(s.kind)
    if rank is None:
        raise DataError("-", f"the sanction {s.kind.value}", "a kind of punishment without a severity rank "
                        "(kzspeechlaw.law.model.MAIN_RANK, CC1997_RANK) cannot be weighed as a main punishment")
    return rank


def upper(sanctions: Iterable[Sanction], rank: Mapping[Penalty, int] = RANK) -> End:
    """The heaviest punishment available: its rank and, per measure, the largest maximum."""
    return _end(sanctions, max, lambda s: (s.maximum, s.minimum), max, -1, rank)


def lower(sanctions: Iterable[Sanction], rank: Mapping[Penalty, int] = RANK) -> End:
    """The mildest punishment available: its rank and, per measure, the smallest minimum."""
    return _end(sanctions, min, lambda s: (s.minimum, s.maximum), min, 99, rank)


def _additional(sanctions: Iterable[Sanction]) -> tuple[int, float]:
    mandatory = _mandatory(sanctions)
    return (len(mandatory), sum(_measure(s.maximum, None)[1] for s in mandatory))


def compare(
    earlier: Iterable[Sanction],
    later: Iterable[Sanction],
    earlier_additional: Iterable[Sanction] = (),
    later_additional: Iterable[Sanction] = (),
    rank: Mapping[Penalty, int] = RANK,
) -> Leniency:
    """Compare the later alternatives with the earlier ones, the kinds ranked by ``rank`` (the 2014
    order, or one code's own: :func:`~kzspeechlaw.law.model.main_rank`; see the module docstring)."""
    old, new = tuple(earlier), tuple(later)
    top, bottom = _end_sign(upper(new, rank), upper(old, rank)), _end_sign(lower(new, rank), lower(old, rank))
    if top is None or bottom is None:
        return Leniency.MIXED
    signs = [top, bottom, _sign(_additional(later_additional), _additional(earlier_additional))]
    if all(s == 0 for s in signs):  # the ends weigh the same: what lies between them
        moves, (removed, added) = _moves(old, new)
        mandatory_moves, (struck, put) = _moves(_mandatory(earlier_additional), _mandatory(later_additional))
        if removed or added or struck or put:
            return Leniency.UNWEIGHED
        optional_moves, (dropped, joined) = _moves(_optional(earlier_additional), _optional(later_additional))
        # an optional additional punishment added can only worsen the offender's position, one removed only better it
        signs = [*moves, *mandatory_moves, *optional_moves, *[-1] * len(dropped), *[1] * len(joined)]
        if all(s == 0 for s in signs):
            return Leniency.EQUAL
    else:  # the ends decide, unless a bound both state of an alternative both have moved the other way
        signs += [*_moves(old, new, stated=True)[0],
                  *_moves(_mandatory(earlier_additional), _mandatory(later_additional), stated=True)[0],
                  *_moves(_optional(earlier_additional), _optional(later_additional), stated=True)[0]]
    if all(s <= 0 for s in signs):
        return Leniency.MORE_LENIENT
    if all(s >= 0 for s in signs):
        return Leniency.MORE_SEVERE
    return Leniency.MIXED


def _optional(additional: Iterable[Sanction]) -> tuple[Sanction, ...]:
    return tuple(s for s in additional if s.optional)


def _mandatory(additional: Iterable[Sanction]) -> tuple[Sanction, ...]:
    return tuple(s for s in additional if not s.optional)


def _moves(old: tuple[Sanction, ...], new: tuple[Sanction, ...], stated: bool = False) -> tuple[
        list[int], tuple[list[Sanction], list[Sanction]]]:
    """How each alternative present in both (a kind for one subject, in one measure) moved: +1 where
    a bound rose, -1 where one fell (a range that rose at one bound and fell at the other gives
    both); and the alternatives of each side that the other has not (added or removed, or stated
    in another measure). ``stated``: only bounds both sides state are weighed (an "up to" whose floor
    no general part then set, as for a suspended kind, is not a floor of zero)."""
    def key(s: Sanction) -> tuple[str, str | None, str, str]:
        return (s.kind.value, s.subject, _measure(s.minimum, s.maximum)[0], _measure(s.maximum, s.minimum)[0])

    def bounds(s: Sanction) -> tuple[float, float]:
        return _measure(s.minimum, s.maximum)[1], _measure(s.maximum, s.minimum)[1]

    groups: dict[tuple[str, str | None, str, str], tuple[list[Sanction], list[Sanction]]] = {}
    for side, sanctions in enumerate((old, new)):
        for s in sanctions:
            groups.setdefault(key(s), ([], []))[side].append(s)
    signs: list[int] = []
    removed: list[Sanction] = []
    added: list[Sanction] = []
    for before, after in groups.values():
        if len(before) != len(after):  # one kind more or less for the same subject: not paired
            removed += before
            added += after
            continue
        for o, s in zip(sorted(before, key=bounds), sorted(after, key=bounds), strict=True):
            if not stated or (o.minimum is not None and s.minimum is not None):
                signs.append(_sign(bounds(s)[0], bounds(o)[0]))
            if not stated or (o.maximum is not None and s.maximum is not None):
                signs.append(_sign(bounds(s)[1], bounds(o)[1]))
    return [x for x in signs if x], (removed, added)


def _end_sign(a: End, b: End) -> int | None:
    """+1 where ``a`` is heavier, -1 where lighter, 0 where nothing can be weighed apart, ``None``
    where two measures of the same rank point different ways."""
    if a.rank != b.rank:
        return 1 if a.rank > b.rank else -1
    signs = {_sign(a.amounts[m], b.amounts[m]) for m in a.amounts.keys() & b.amounts.keys()}
    if {1, -1} <= signs:
        return None
    return max(signs, key=abs, default=0)


_Comparable = TypeVar("_Comparable", tuple[int, float], float)


def _sign(a: _Comparable, b: _Comparable) -> int:
    return (a > b) - (a < b)
