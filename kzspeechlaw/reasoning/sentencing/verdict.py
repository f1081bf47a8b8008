"""Whether a given sentence lies within what the law allowed on the facts (:func:`check`)."""

from __future__ import annotations

import datetime as dt
import functools
from fractions import Fraction
from typing import Any

import attrs

from kzspeechlaw.errors import AmountError
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import MAIN_RANK, Penalty, Regime
from kzspeechlaw.law.monthly_index import mci_value
from kzspeechlaw.reasoning.sentencing.amounts import as_quantity, exact
from kzspeechlaw.reasoning.sentencing.ranges import Range, most_severe
from kzspeechlaw.units import Quantity, format_quantity, scale, unit_name

VERDICTS = ("within", "below_minimum_allowed", "below_minimum", "above_maximum", "kind_not_available")
"""What :meth:`kzspeechlaw.Assessment.check` can say of a sentence."""



@attrs.frozen
class Check:
    """Whether a sentence was within what the law allowed: ``verdict`` (one of :data:`VERDICTS`),
    the ``rules`` applied, the ``reasons``; ``certain`` is false where a fact not stated decides,
    and ``depends_on`` names it."""

    kind: Penalty
    amount: Quantity
    verdict: str
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    certain: bool = True
    depends_on: tuple[str, ...] = ()
    unpaid: tuple[str, ...] = ()
    """For a criminal fine: what it is replaced with if it is not paid (CC 2014 Art. 41(6))."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"kind": self.kind.value, "amount": format_quantity(self.amount), "verdict": self.verdict,
                "rules": list(self.rules), "reasons": list(self.reasons), "certain": self.certain,
                "depends_on": list(self.depends_on), "unpaid": list(self.unpaid)}


@functools.cache
def criminal_kinds() -> frozenset[Penalty]:
    """The kinds the data gives as main punishments of the criminal codes: those a court may choose
    as a milder kind than the article provides (CC 2014 Art. 55(4)), weighed by :data:`MAIN_RANK`
    (the administrative penalties it also ranks, such as a warning, are not punishments of a code)."""
    return frozenset(s.kind for versions in law().versions.values() for p in versions
                     if p.regime is Regime.CRIMINAL for s in p.sanctions)


def as_penalty(kind: Penalty | str) -> Penalty:
    """``kind`` as a :class:`~kzspeechlaw.Penalty`; an unknown kind raises :class:`AmountError`."""
    try:
        return Penalty(kind)
    except ValueError:
        raise AmountError(f"unknown kind of punishment {kind!r}: expected one of "
                          f"{', '.join(p.value for p in Penalty)}") from None


def _value(q: Quantity, like: Quantity, mci_date: dt.date | None) -> Fraction:
    """``q`` as an exact number in the base unit of ``like``; tenge against MCI with the MCI of
    ``mci_date``."""
    unit, value = exact(q)
    want, _ = scale(unit_name(like))
    if unit == want:
        return value
    if unit == "KZT" and want == "MCI" and mci_date is not None:
        return value / mci_value(mci_date).kzt
    raise AmountError(f"cannot compare {format_quantity(q)} with {format_quantity(like)}: expected an amount "
                      f"in {unit_name(like)}" + (" or KZT" if want == "MCI" else ""))


def check(ranges: tuple[Range, ...], kind: Penalty | str, sentence: Quantity, mci_date: dt.date | None,
          regime: Regime, extra: tuple[str, ...] = ()) -> Check:
    """Whether ``sentence`` of ``kind`` lies within ``ranges`` (see :class:`Check`)."""
    penalty = as_penalty(kind)
    if not hasattr(sentence, "magnitude") or not hasattr(sentence, "unit_items"):
        raise AmountError(f"the sentence {sentence!r} is not an amount: expected e.g. 1 * kz.ureg.year")
    found = [r for r in ranges if r.kind is penalty]
    available = [r for r in found if r.available]
    if not available:
        kinds = [r.kind for r in ranges if r.available]
        harsher = most_severe(kinds)
        if found:
            why = f"{penalty.value} is not available on these facts: " + (
                "; ".join(reason for r in found for reason in r.reasons) or "suspended by the general part")
            return Check(penalty, sentence, "kind_not_available", (), (why, *extra))
        milder = harsher is not None and penalty in criminal_kinds() and MAIN_RANK[penalty] < MAIN_RANK[harsher]
        why = f"The sanction has no {penalty.value}; it provides {', '.join(k.value for k in kinds) or 'nothing'}."
        if milder and regime is Regime.CRIMINAL:
            return Check(penalty, sentence, "kind_not_available", (), (
                why, "A milder kind than the article provides is lawful only where the court found exceptional "
                "circumstances (CC 2014 Art. 55(4)).", *extra), certain=False,
                depends_on=("exceptional circumstances found by the court (CC 2014 Art. 55(4))",))
        return Check(penalty, sentence, "kind_not_available", (), (why, *extra))
    best: tuple[Check, Range] | None = None
    for r in available:
        result = _check_one(r, penalty, sentence, mci_date, regime, extra)
        if best is None or _rank(result) < _rank(best[0]):
            best = (result, r)
    assert best is not None
    result, r = best
    if r.kind_depends and result.verdict != "above_maximum":
        result = attrs.evolve(result, certain=False, depends_on=(*result.depends_on, *r.kind_depends))
    if r.unpaid and r.maximum is not None:
        mci = _value(sentence, r.maximum, mci_date)
        result = attrs.evolve(result, unpaid=tuple(
            f"{format_quantity(_replacement(size, per, mci))} of {kind.value} ({r.unpaid_rule})"
            for kind, size, per in r.unpaid))
    return result


def _replacement(size: Quantity, per: Quantity, mci: Fraction) -> Quantity:
    """What ``mci`` unpaid MCI become at ``size`` per ``per`` MCI (CC 2014 Art. 41(6))."""
    unit, value = exact(size)
    return as_quantity(unit, value * mci / exact(per)[1])


def _rank(c: Check) -> tuple[int, int]:
    order = ("within", "below_minimum_allowed", "below_minimum", "above_maximum", "kind_not_available")
    return (0 if c.certain else 1, order.index(c.verdict))


def _check_one(r: Range, penalty: Penalty, sentence: Quantity, mci_date: dt.date | None, regime: Regime,
               extra: tuple[str, ...]) -> Check:
    like = r.maximum if r.maximum is not None else r.statutory_minimum
    if like is None:
        return Check(penalty, sentence, "within", r.rules, (N_("The sanction sets no amount for this kind."), *extra))
    value = _value(sentence, like, mci_date)
    text = Message("{amount}", amount=sentence)
    reasons = (*r.reasons, *extra)
    if r.maximum is not None and value > _value(r.maximum, like, mci_date) and r.aggregate:
        return _aggregate_check(r, penalty, sentence, value, like, mci_date, reasons)
    if r.maximum is not None and value > _value(r.maximum, like, mci_date):
        return Check(penalty, sentence, "above_maximum", r.rules, (
            Message("{sentence} is above the maximum {maximum} that the law allowed on these facts.", sentence=text,
                    maximum=r.maximum),
            *reasons))
    if r.lowest_maximum is not None and value > _value(r.lowest_maximum, like, mci_date):
        return Check(penalty, sentence, "within", r.rules, (
            Message("{sentence} is within the maximum {maximum} on the stated facts, but above {lowest}, the maximum "
                    "if the facts not stated ({facts}) bring a cap: it would then be above the maximum.",
                    sentence=text, maximum=r.maximum, lowest=r.lowest_maximum, facts=", ".join(r.depends_on)),
            *reasons),
            certain=False, depends_on=r.depends_on)
    minimum = r.statutory_minimum
    if minimum is None or value >= _value(minimum, like, mci_date):
        return Check(penalty, sentence, "within", r.rules, (
            Message("{sentence} is within the range the law allowed on these facts.", sentence=text), *reasons))
    below = Message("{sentence} is below the sanction's minimum {minimum}", sentence=text, minimum=minimum)
    if not r.modelled:
        return Check(penalty, sentence, "below_minimum", r.rules, (Message("{text}.", text=below), *reasons),
                     certain=False,
                     depends_on=("the code's rules for a sentence below the minimum (not modelled)",))
    if r.below_minimum is not False and r.floor is not None and value < _value(r.floor, like, mci_date):
        floor = "" if r.floor == minimum else f" and below {format_quantity(r.floor)}"
        why = f"{below}{floor}, the lowest the general part allows for this kind."
        if penalty in (Penalty.FINE, Penalty.CORRECTIONAL_WORK) and regime is Regime.CRIMINAL:
            return Check(penalty, sentence, "below_minimum", r.rules, (why, *reasons), certain=False, depends_on=(
                "a fine or correctional work below the general minimum where Art. 55 applies "
                "(CC 2014 Arts. 41(7), 42; not modelled)",))
        return Check(penalty, sentence, "below_minimum", r.rules, (why, *reasons))
    if r.below_minimum is True:
        return Check(penalty, sentence, "below_minimum_allowed", r.below_rules, (
            f"{below}, which {', '.join(r.below_rules)} allowed on these facts.", *reasons))
    if r.below_minimum is None:
        return Check(penalty, sentence, "below_minimum_allowed", r.below_rules, (
            f"{below}: allowed if the facts not stated ({', '.join(r.below_depends)}) bring the case under "
            f"{', '.join(r.below_rules)}" + (", or if the court found exceptional circumstances (CC 2014 Art. 55(4))."
                                              if regime is Regime.CRIMINAL else "."),
            *reasons), certain=False, depends_on=r.below_depends)
    if regime is Regime.CRIMINAL:
        return Check(penalty, sentence, "below_minimum", r.rules, (
            f"{below}; on the stated facts only exceptional circumstances found by the court "
            "(CC 2014 Art. 55(4)) allow it.", *reasons),
            certain=False, depends_on=("exceptional circumstances found by the court (CC 2014 Art. 55(4))",))
    return Check(penalty, sentence, "below_minimum", r.rules, (Message("{text}.", text=below), *reasons))



def _aggregate_check(r: Range, penalty: Penalty, sentence: Quantity, value: Fraction, like: Quantity,
                     mci_date: dt.date | None, reasons: tuple[str, ...]) -> Check:
    """A sentence above the offence's own maximum where other offences are decided together: lawful
    only as the final sentence over the aggregate, within its bound (CC 2014 Art. 58)."""
    text = format_quantity(sentence)
    rules = (*r.rules, *r.aggregate_rules)
    own = f"{text} is above the maximum {format_quantity(r.maximum) if r.maximum is not None else '-'} for this " \
          "offence alone"
    top = r.aggregate_maximum
    if top is not None and value > _value(top, like, mci_date):
        return Check(penalty, sentence, "above_maximum", rules, (
            f"{own}, and above {format_quantity(top)}, the most the final sentence over the aggregate may "
            f"reach ({', '.join(r.aggregate_rules)}).", *reasons))
    final = "whether the sentence is the final one over the aggregate of offences (CC 2014 Art. 58(1))"
    depends: tuple[str, ...] = (final,)
    if r.aggregate_lowest is None or value > _value(r.aggregate_lowest, like, mci_date):
        depends += r.aggregate_depends
    return Check(penalty, sentence, "within", rules, (
        f"{own}; as the final sentence over the aggregate it is within the law "
        + (f"(at most {format_quantity(top)}, {', '.join(r.aggregate_rules)})" if top is not None else
           f"if {', '.join(r.aggregate_depends)} allow it ({', '.join(r.aggregate_rules)})") + ".", *reasons),
        certain=False, depends_on=depends)
