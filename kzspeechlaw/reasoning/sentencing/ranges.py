"""The range a court may impose for each alternative of a sanction: the caps of CC 2014
Arts. 55-56 (combined by Art. 55(7)), the minimum and below it (Art. 55(4)-(6)), the order procedure
(Art. 55(3)), the unpaid fine (Art. 41(6)), the aggregate of offences (Art. 58; AOC 2014 Art. 58) and
the reductions of an administrative fine (AOC Arts. 810-811, 819(2), 829-11) and the warning
the AOC puts first (Art. 43(2)).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, NamedTuple

import attrs

from kzspeechlaw.i18n import N_, Code, Message, join
from kzspeechlaw.law import general_part
from kzspeechlaw.law.coverage_report import stale_codes
from kzspeechlaw.law.facts import ENTITIES, ENTREPRENEURS, Offender
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import MAIN_RANK, Category, Penalty, Provision, Regime, main_rank
from kzspeechlaw.law.sentencing_rules import Rule, find
from kzspeechlaw.law.timeline import caveat_window
from kzspeechlaw.reasoning.sentencing.amounts import exact, times
from kzspeechlaw.reasoning.sentencing.circumstances import (
    Aggravating,
    Aggregate,
    Facts,
    Procedure,
    Stage,
    all_of,
    any_of,
    counted_aggravating,
    names_minor,
    offence_features,
    present,
)
from kzspeechlaw.terms import Cite
from kzspeechlaw.units import Quantity, unit_name


@attrs.frozen
class Cap:
    """A fraction of the maximum that applies when ``holds`` (``None``: the facts do not say)."""

    fraction: Fraction
    rule: Rule
    holds: bool | None
    why: str
    facts: tuple[str, ...] = ()
    """The facts (incident fields, or a reading of the text) that decide ``holds`` when it is ``None``."""


@attrs.frozen
class Range:
    """What a court may impose for one sanction alternative on the facts.

    ``minimum``/``maximum`` hold on the stated facts; ``lowest_maximum`` is the maximum if every
    fact not stated turns out to lower it, and ``depends_on`` names those facts. ``below_minimum``
    says whether a sentence below ``minimum`` is allowed (``None``: it depends), ``floor`` the
    lowest amount it may then reach (``None``: no floor modelled).
    """

    kind: Penalty
    minimum: Quantity | None
    maximum: Quantity | None
    lowest_maximum: Quantity | None
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    depends_on: tuple[str, ...] = ()
    below_minimum: bool | None = False
    below_rules: tuple[str, ...] = ()
    floor: Quantity | None = None
    available: bool = True
    statutory_minimum: Quantity | None = None
    modelled: bool = True
    unpaid: tuple[tuple[Penalty, Quantity, Quantity], ...] = ()
    unpaid_rule: str = ""
    below_depends: tuple[str, ...] = ()
    """The facts that decide ``below_minimum`` where it is ``None``."""
    kind_depends: tuple[str, ...] = ()
    """The facts that decide whether the kind may be imposed at all (CC 2014 Arts. 43(3), 45(3), 55(1);
    AOC 2014 Arts. 49-1(7), 50(2))."""
    caveat: str = ""
    """A condition on the kind that an assessment says beside its range (a fact given that does not
    decide it: :func:`_not_for`)."""
    aggregate: bool = False
    """Other offences are decided together: a sentence above ``maximum`` may be the final one (Art. 58)."""
    aggregate_maximum: Quantity | None = None
    """The most the final sentence of this kind may reach over the aggregate (``None``: no cap modelled)."""
    aggregate_lowest: Quantity | None = None
    """That bound if the facts not stated (``aggregate_depends``) give the lower cap."""
    aggregate_rules: tuple[str, ...] = ()
    aggregate_depends: tuple[str, ...] = ()
    unpaid_bar: str = ""
    """Whom the rule of the decision date does not let arrest replace an unpaid fine for, where the
    facts name none of them (:func:`_replaceable`): said beside the arrest of ``unpaid``."""



SENTENCING_CODES = ("CC2014",)
"""The criminal codes whose sentencing rules the data models (the general part's caps, mitigation,
the aggregate, the release routes): of another, a sanction's range is the article's with the
general limits of each kind, and the answers say that the rest is not modelled."""

def most_severe(kinds: Iterable[Penalty], rank: Mapping[Penalty, int] = MAIN_RANK) -> Penalty | None:
    """The most severe of ``kinds`` by a ranking of main punishments (:data:`MAIN_RANK`, or a code's:
    :func:`~kzspeechlaw.law.model.main_rank`)."""
    ranked = [k for k in kinds if k in rank]
    return max(ranked, key=rank.__getitem__) if ranked else None


def _cap_rules(p: Provision, on: dt.date, decided: dt.date, name: str) -> tuple[Rule, ...]:
    """The versions of rule ``name`` in force on ``on`` and on the decision date, that of ``on``
    first (a milder later rule is retroactive, CC 2014 Art. 6(1)): for a cap each is tried, the
    lower wins."""
    found = [find(p.ref.code, name, day) for day in (on, decided)]
    unique = {(r.code, r.name, r.valid_from): r for r in found if r is not None}
    return tuple(unique.values())


_DUTY = "link:duties"
_DUTY_READING = N_("whether the link to the victim's duties is the aggravating circumstance of Art. 54(1)(8)")
"""From Law 210-VIII, Art. 55(2) «не применяются, если отягчающие обстоятельства предусмотрены в
качестве признака уголовного правонарушения» (16.09.2025 text). Art. 54(1)(8) names «совершение
уголовного правонарушения в отношении лица или его близких в связи с выполнением данным лицом своего
служебного, профессионального или общественного долга»; Arts. 376 and 378 punish an insult «при
исполнении ... обязанностей или в связи с их исполнением» (the element ``link:duties``): whether that
feature is the circumstance is a reading, so the cap neither holds nor fails on the facts."""

_READING = "whether the 2014 wording «наиболее строгого вида» bounds a milder kind"
"""Before Law 180-VI the caps were fractions of the most severe kind's maximum: whether they also
bound a milder kind measured in the same unit (restriction of freedom beside imprisonment) is not
settled by the text; the data then give both answers."""


def _caps(p: Provision, kind: Penalty, severe: tuple[Penalty, Quantity | None] | None, own_max: Quantity | None,
          facts: Facts, features: frozenset[Aggravating], on: dt.date,
          decided: dt.date) -> tuple[list[Cap], list[Cap], list[Cap], bool]:
    """The Art. 55(2)/(3) caps for the category (whatever the kind: their circumstances open
    Art. 55(6)), those of them and the Art. 56 caps that reach ``kind``, and whether the caps combine
    (Art. 55(7), from Law 180-VI)."""
    category = p.category.value
    mitigating, aggravating = present(facts.mitigating), counted_aggravating(facts, features)
    fast = (Procedure.ACCELERATED, Procedure.PLEA_AGREEMENT)
    procedure = None if facts.procedure is None else facts.procedure in fast
    stage = facts.stage
    gates: list[Cap] = []
    caps56: list[Cap] = []

    def reach(cap: Cap) -> Cap | None:
        """``cap`` as it bounds ``kind``: whole for the main kind, or for the most severe kind under the
        2014 wording; uncertain (the same share of the most severe kind's maximum) for a milder kind
        measured in the same unit; ``None`` where it cannot reach the kind."""
        if cap.rule.base == "each_main" or (severe is not None and kind is severe[0]):
            return cap
        severe_max = severe[1] if severe is not None else None
        if severe_max is None or own_max is None or exact(severe_max)[0] != exact(own_max)[0] or cap.holds is False:
            return None
        share = cap.fraction * exact(severe_max)[1] / exact(own_max)[1]
        if share >= 1:
            return None
        fact = _FACT_OF.get(cap.rule.name, ()) if cap.holds is None else ()
        return Cap(share, cap.rule, None, Message("{why}, and if the cap of the most severe kind bounds this kind "
                                                  "too", why=cap.why), (*fact, _READING))

    for rule in _cap_rules(p, on, decided, "mitigating_cap"):
        if category in rule.caps:
            holds = all_of(mitigating, None if aggravating is None else not aggravating)
            why = N_("a mitigating circumstance and no aggravating one")
            facts_: tuple[str, ...] = ()
            if rule.feature_bars and features:
                holds, why = False, N_("not applied: an aggravating circumstance is a feature of the offence")
            elif rule.feature_bars and holds is not False and any(_DUTY in a for a in p.elements):
                holds, facts_ = None, (_DUTY_READING,)
                why = N_("a mitigating circumstance and no aggravating one, unless the offence's link to the victim's "
                         "duties is the aggravating circumstance of Art. 54(1)(8), a feature of the offence")
            gates.append(Cap(rule.caps[category], rule, holds, why, facts_))
    for rule in _cap_rules(p, on, decided, "procedure_cap"):
        if category in rule.caps:
            gates.append(Cap(rule.caps[category], rule, procedure,
                             N_("accelerated pre-trial investigation or a fulfilled procedural agreement")))
    caps55 = [c for c in map(reach, gates) if c is not None]
    for rule in _cap_rules(p, on, decided, "unfinished_cap"):
        if category in rule.excludes:
            continue
        for name in (Stage.ATTEMPT, Stage.PREPARATION):
            holds = None if stage is None else stage is name
            if name.value in rule.caps and holds is not False:
                cap = reach(Cap(rule.caps[name.value], rule, holds, _STOPPED[name.value]))
                if cap is not None:
                    caps56.append(cap)
    compound = any(find(p.ref.code, "unfinished_compound", day) is not None for day in (on, decided))
    return gates, caps55, caps56, compound


def _combined(caps55: list[Cap], caps56: list[Cap], compound: bool, counted: tuple[bool | None, ...]) -> Fraction:
    """The fraction of the maximum left by the caps whose ``holds`` is in ``counted``."""
    f55 = min((c.fraction for c in caps55 if c.holds in counted), default=Fraction(1))
    f56 = min((c.fraction for c in caps56 if c.holds in counted), default=Fraction(1))
    return f55 * f56 if compound else min(f55, f56)


def _floor(p: Provision, kind: Penalty, on: dt.date) -> Quantity | None:
    """The general-part minimum of ``kind`` (CC 2014 Arts. 41-46), if modelled."""
    offence = "criminal_misdemeanour" if p.category is Category.CRIMINAL_MISDEMEANOUR else "crime"
    for applies_to in (p.category.value, offence, "any"):
        rule = general_part.find("limit", p.ref.code, kind.value, applies_to, on=on)
        if rule is not None:
            return rule.minimum
    return None


def imposable(p: Provision, sanctions: Iterable[Any], facts: Facts, circumstances: Iterable[str],
              on: dt.date, decided: dt.date) -> tuple[Range, ...]:
    """The range a court may impose for each of ``sanctions`` (assessed alternatives of ``p``, with
    ``kind``, ``minimum``, ``maximum``, ``available``), the general part of ``on`` governing (with a
    milder rule of the decision date, CC Art. 6(1))."""
    items = tuple(sanctions)
    if p.regime is Regime.ADMINISTRATIVE:
        return tuple(_with_aggregate(p, _administrative(p, s, items, facts, on, decided), facts, on, decided,
                                     s.subject) for s in items)
    if p.ref.code not in SENTENCING_CODES:  # the statutory range; an aggregate still names its rules, not modelled
        return tuple(_suspended(s, _with_aggregate(p, Range(s.kind, s.minimum, s.maximum, s.maximum, (), (
            *((s.note,) if s.available and s.note else ()),  # a kind in force since the act (:func:`later_in_force`)
            Message("The sentencing rules of {code} are not modelled: the statutory range is shown.",
                    code=p.ref.code)),
            below_minimum=None, available=s.available, statutory_minimum=s.minimum, modelled=False,
            floor=s.minimum if getattr(s, "floor", None) else None),  # the general part's floor (CC 1997 Arts. 40-48)
            facts, on, decided)) for s in items)
    done = frozenset(circumstances)  # read twice: the features and a minor's imprisonment (:func:`_for_minor`)
    features = offence_features(p, done)
    top = most_severe(s.kind for s in items)
    severe = None if top is None else (top, next(s.maximum for s in items if s.kind is top))
    kinds = tuple(s.kind for s in items)
    return tuple(_lapse(p.ref.code, s, _suspended(s, _for_minor(p, s, _with_aggregate(p, _criminal(
        p, attrs.evolve(s, available=True) if _spares(s) else s, kinds, severe, facts, features, on, decided),
        facts, on, decided), facts, done, on, decided)), on, decided) for s in items)


MINOR_EARNINGS = N_("whether the minor had earnings or property of their own (a fine), or earnings or other permanent "
                    "income (correctional work), as CC 2014 Art. 81(3)-(4) requires; not incident fields")
"""What decides a minor's fine or correctional work besides its amount (:func:`_for_minor`)."""

MINOR_DEATH = N_("whether a crime that caused a suicide is one «связанное с причинением смерти», for which CC 2014 "
                 "Art. 81(7) does not bar a minor's imprisonment (not read)")
"""What decides a minor's imprisonment for a crime of small or medium gravity that caused a suicide."""

MINOR_ARTICLE_FLOOR = N_("whether a minor's punishment may go below the article's own minimum to the limits of CC "
                         "2014 Art. 81 (not read)")
"""What decides a minor's punishment where the article's own minimum is above Art. 81's maximum."""


def _below(a: Quantity | None, b: Quantity | None) -> bool:
    """Whether amount ``a`` is less than ``b`` (units of one measure); ``False`` where either is missing."""
    if a is None or b is None:
        return False
    (unit_a, value_a), (unit_b, value_b) = exact(a), exact(b)
    return unit_a == unit_b and value_a < value_b


def _for_minor(p: Provision, s: Any, r: Range, facts: Facts, circumstances: frozenset[str], on: dt.date,
               decided: dt.date) -> Range:
    """``r`` for an offender the facts state was a minor (the mitigating circumstance: 14 to 17 at the
    act, CC 2014 Art. 80(1)), within the limits of a minor's punishments (Art. 81, the rule
    ``minor_limits`` of ``on`` and of the decision date, the lower limit winning, Art. 6(1)):
    «Несовершеннолетним, совершившим преступление небольшой тяжести или преступление средней
    тяжести, не связанное с причинением смерти, лишение свободы не назначается» (part 7: not
    available; open where the act caused a suicide, :data:`MINOR_DEATH`); «не свыше десяти лет»
    (part 7), «на срок до двух лет» (part 6), and the fine, correctional work and community service
    «в размере от ... до ...» of parts 3-5, whose floors take the place of the general part's; a
    fine or correctional work only with the minor's own earnings or property (:data:`MINOR_EARNINGS`).
    The final sentence over an aggregate has the same bounds, save imprisonment over one with an
    especially grave crime, for which part 7 may allow twelve years."""
    if not r.available or not names_minor(facts.mitigating):
        return r
    rules = _cap_rules(p, on, decided, "minor_limits")
    if not rules:
        return r
    kind, cited = r.kind, _cites(rules)
    if kind is Penalty.IMPRISONMENT and any(p.category.value in x.categories for x in rules):
        if "caused_suicide" not in circumstances:
            return Range(kind, None, None, None, cited, (Message(
                "No imprisonment for a minor who committed a crime of small or medium gravity not causing death "
                "({rule}).", rule=Cite(", ".join(cited))),), available=False)
        r = attrs.evolve(r, kind_depends=(*r.kind_depends, MINOR_DEATH), reasons=(*r.reasons, Message(
            "imprisonment: not for a minor who committed a crime of small or medium gravity not causing death "
            "({rule}); whether one that caused a suicide is such a crime is not read", rule=Cite(", ".join(cited)))))
    highs = [q for q in (x.limit("maximum", kind.value) for x in rules) if q is not None]
    lows = [q for q in (x.limit("minimum", kind.value) for x in rules) if q is not None]
    if not highs and not lows:
        return r
    cap = min(highs, key=lambda q: exact(q)[1]) if highs else None
    floor = min(lows, key=lambda q: exact(q)[1]) if lows else None
    depends = [*r.kind_depends, *((MINOR_EARNINGS,) if kind in (Penalty.FINE, Penalty.CORRECTIONAL_WORK) else ())]
    low, statutory, lowest = r.minimum, r.statutory_minimum, r.floor
    general = bool(getattr(s, "floor", None))  # the sanction's minimum is the general part's (Arts. 41-46)
    if not general and _below(cap, statutory):  # the article's own minimum above a minor's maximum
        depends.append(MINOR_ARTICLE_FLOOR)
        low = statutory = floor if floor is not None else r.floor
    elif floor is not None:
        if general or low is None or _below(low, floor):  # the general part's floor gives way to Art. 81's
            low = floor
        if general or statutory is None or _below(statutory, floor):
            statutory = floor
        lowest = floor
    high = r.maximum if cap is None or (r.maximum is not None and not _below(cap, r.maximum)) else cap
    low_high = r.lowest_maximum if cap is None or (r.lowest_maximum is not None and not _below(
        cap, r.lowest_maximum)) else cap
    bound = (Message("{minimum} to {maximum}", minimum=floor, maximum=cap) if floor is not None and cap is not None
             else Message("at most {maximum}", maximum=cap) if cap is not None
             else Message("at least {minimum}", minimum=floor))
    said = Message("{kind}: a minor's punishment, {bound} ({rule})", kind=Code(kind), bound=bound,
                   rule=Cite(", ".join(cited)))
    # Over an aggregate with an especially grave crime, which may be aggravated murder or an act of
    # terrorism, part 7 allows twelve years: the final sentence keeps the aggregate's bound then.
    final = None if kind is Penalty.IMPRISONMENT and facts.aggregate is Aggregate.ESPECIALLY_GRAVE else cap
    aggregate = r.aggregate_maximum if final is None or not _below(final, r.aggregate_maximum) else final
    aggregate_lowest = r.aggregate_lowest if final is None or not _below(final, r.aggregate_lowest) else final
    return attrs.evolve(r, minimum=low, maximum=high, lowest_maximum=low_high, statutory_minimum=statutory,
                        floor=lowest, rules=tuple(dict.fromkeys((*r.rules, *cited))), reasons=(*r.reasons, said),
                        kind_depends=tuple(dict.fromkeys(depends)), aggregate_maximum=aggregate,
                        aggregate_lowest=aggregate_lowest)


def _suspended(s: Any, r: Range) -> Range:
    """The range of a kind the general part suspends (:func:`suspended`), the suspension (the
    sanction's note) its first reason: why the kind is not available. Where the suspended article
    still applies to some persons (``still_for``: military personnel, expelled foreigners), ``r``
    is the range as if it applied: if the facts leave it available, whether the offender is one of
    them decides (:data:`STILL_APPLIES`), with what else decides it for them, and the sentence is
    checked against it (:func:`~kzspeechlaw.reasoning.sentencing.verdict.check`)."""
    note = getattr(s, "note", "")
    if s.available or not note:
        return r
    depends = (STILL_APPLIES, *r.kind_depends) if _spares(s) and r.available else ()
    return attrs.evolve(r, available=False, reasons=(note, *r.reasons), kind_depends=depends)


def _lapse(code: str, s: Any, r: Range, on: dt.date, decided: dt.date) -> Range:
    """The range of an available kind whose suspension ended after the newest text of the code read
    (:func:`lapsed`): shown, and open on whether a later law extended the suspension (:data:`LAPSED`)."""
    found = lapsed(code, s.kind, on, decided) if s.available and r.available else None
    if found is None:
        return r
    return attrs.evolve(r, reasons=(found.note, *r.reasons),
                        kind_depends=tuple(dict.fromkeys((LAPSED, *r.kind_depends))))


def _spares(s: Any) -> bool:
    """Whether a sanction the general part suspends still applies to some persons (``still_for``)."""
    return bool(getattr(s, "still_for", ()))


def later_in_force(code: str, kind: Penalty, act: dt.date, decided: dt.date) -> str | None:
    """Where the 1997 Code's commencement law had not yet put ``kind`` into force on the act date
    but had by the decision (Law 16.07.1997 No. 168 Art. 4), a reason saying that whether it
    applies to the act is open: a kind added to a sanction may make it milder or harsher, and the
    1997 Code's rule on the law's time is not modelled (nor is when in 2009 arrest came in)."""
    if code != "CC1997":
        return None
    rule = general_part.find("suspension", code, kind.value, on=act)
    if rule is None or general_part.find("suspension", code, kind.value, on=decided) is not None:
        return None
    return Message("{kind} was not yet in force on the act date ({rule}): whether it applies to the act is not "
                   "modelled", kind=Code(kind), rule=rule.cite())


class Suspended(NamedTuple):
    """A kind of punishment the general part suspends for the offender (:func:`suspended`): why,
    the rules, and the persons to whom the suspended article still applies."""

    note: str
    rules: tuple[general_part.Rule, ...]
    still_for: frozenset[str]

    def cite(self) -> str:
        """The rules' citations, the act date's first."""
        return _cited(self.rules)


def _cited(rules: Iterable[general_part.Rule | Rule]) -> str:
    """The citations of ``rules`` in their order, each once, as one text (:func:`_cites`)."""
    return ", ".join(_cites(rules))


def suspended(code: str, kind: Penalty, act: dt.date, decided: dt.date) -> Suspended | None:
    """Whether the general part suspends ``kind`` for an act of ``act`` decided on ``decided``
    (CC 2014 Art. 467(1), 467(1-1); for the 1997 Code, the punishments its commencement law put
    into force later, Law 16.07.1997 No. 168 Art. 4): where it does on the decision date (a later
    suspension improves the offender's position and reaches the act, Art. 6(1)), or did on the act
    date (a later law that provides the kind worsens it and does not, Art. 6(3)), or, on neither,
    did on a day between them (that milder law reached the act, Art. 6(1), and the later one that
    provides the kind again does not, Art. 6(3): an act under the 1997 Code decided after the
    suspension ended); the persons to whom the suspended article still applies on every day from
    the act to the decision (military personnel; from the 2020 wording, foreigners sentenced to
    expulsion; none while Art. 467(1) held it back for everyone, 2015-2016)."""
    at_act = general_part.find("suspension", code, kind.value, on=act)
    at_decision = general_part.find("suspension", code, kind.value, on=decided)
    if code == "CC1997" and at_decision is None:
        return None  # in force by the decision: whether it reaches the act is the 1997 Code's (:func:`later_in_force`)
    rules = tuple(r for r in (at_act, at_decision if at_decision is not at_act else None) if r is not None)
    span = general_part.in_force_between("suspension", code, kind.value, first=act, last=decided)
    between = not rules  # none on either date: one held only in between
    rules = rules or span
    if not rules:
        return None
    spared = frozenset.intersection(*(r.persons for r in rules))
    narrower = tuple(r for r in span if r not in rules and not spared <= r.persons)  # spared fewer in between
    still = frozenset.intersection(spared, *(r.persons for r in narrower))
    cited = Cite(_cited(rules))
    if between:
        note = Message("{kind} was suspended after the act, before the decision date ({rule})", kind=Code(kind),
                       rule=cited)
    elif at_act is None or at_act is at_decision:
        note = Message("{kind} is suspended on the decision date ({rule})", kind=Code(kind), rule=cited)
    elif at_decision is None:
        note = Message("{kind} was suspended on the act date ({rule})", kind=Code(kind), rule=cited)
    else:
        note = Message("{kind} was suspended on the act date and is on the decision date ({rule})", kind=Code(kind),
                       rule=cited)
    if narrower:
        note = Message("{text}; between the act and the decision it was suspended for more persons ({rule}), a "
                       "milder law that reached the act (CC 2014 Art. 6(1))", text=note, rule=Cite(_cited(narrower)))
    if still:
        note = Message("{text}, save for {persons}", text=note, persons=named_persons(still))
    if at_decision is None:
        note = Message("{text}: a later law that provides it does not reach the act (CC 2014 Art. 6(3))", text=note)
    return Suspended(note, (*rules, *narrower), still)


class Lapsed(NamedTuple):
    """A suspension of a kind that ended after the newest text of its code the data reads
    (:func:`lapsed`): what is said of it, and the rule whose end it is."""

    note: Message
    rule: general_part.Rule


def lapsed(code: str, kind: Penalty, act: dt.date, decided: dt.date) -> Lapsed | None:
    """Where no suspension of ``kind`` holds on any day from the act date to the decision date, but
    one ended by the act date on a day after the newest text of the code the data reads (``scope.toml``
    ``current_to``), a reason saying that whether the kind applies is open: the end is the day the
    text read gives («Приостановить до 1 января 2027 года действие статьи 45», CC 2014 Art.
    467(1-1) in the texts read to 12.06.2026), and a later law may have moved it, as Laws 290-VI
    and 88-VII each did on the day the suspension ran out. ``None`` where a suspension holds
    (:func:`suspended`), or none ended, or the data reads a text of the code from its end on (which
    shows whether it ran out)."""
    if general_part.in_force_between("suspension", code, kind.value, first=act, last=decided):
        return None  # one held on some day from the act to the decision (:func:`suspended`)
    rules = general_part.rules().get(("suspension", code, kind.value), ())
    ended = max((r for r in rules if r.valid_to is not None and r.valid_to <= decided),
                key=lambda r: r.valid_to or decided, default=None)
    if ended is None or ended.valid_to is None or not stale_codes(ended.valid_to, code):
        return None
    return Lapsed(Message("{kind} was suspended until {end} in the newest text of {code} the data reads ({rule}); "
                          "whether a later law extended the suspension is not known", kind=Code(kind),
                          end=ended.valid_to, code=code, rule=Cite(ended.cite())), ended)


LATER_IN_FORCE = N_("whether a kind of punishment put into force after the act applies to it (not modelled)")
"""What decides a milder kind the 1997 Code's commencement law put into force between the act and
the decision (:func:`later_in_force`)."""

STILL_APPLIES = N_("whether the offender is one of the persons to whom the suspended article still applies (not "
                   "an incident field)")
"""What decides a kind the general part suspends save for some persons (CC 2014 Art. 467(1-1):
military personnel, foreigners sentenced to expulsion; no incident field states them)."""

LAPSED = N_("whether a law extended the suspension of the kind beyond the end the newest text read gives (not in "
            "the data)")
"""What decides a kind whose suspension ended after the newest text of the code read (:func:`lapsed`)."""


def named_persons(persons: Iterable[str]) -> Message:
    """The persons of :data:`PERSON_WORDS` in ``persons``, in words and in that order."""
    return join((words for person, words in PERSON_WORDS.items() if person in persons), ", ")


def _criminal(p: Provision, s: Any, kinds: tuple[Penalty, ...], severe: tuple[Penalty, Quantity | None] | None,
              facts: Facts,
              features: frozenset[Aggravating], on: dt.date, decided: dt.date) -> Range:
    kind, minimum, maximum = s.kind, s.minimum, s.maximum
    rules: list[str] = []
    reasons: list[str] = []
    depends: list[str] = []
    low: Quantity | None
    if facts.procedure is Procedure.ORDER:
        order = next((r for r in _cap_rules(p, on, decided, "order_fine")), None)
        found = order.range(p.category.value) if order is not None else None
        if order is not None and found is not None:
            if kind is not Penalty.FINE:
                return Range(kind, None, None, None, (order.cite(),), (
                    Message("In the order procedure the sentence is a fine ({rule}).", rule=Cite(order.cite())),),
                    available=False)
            low, high = found
            return Range(kind, low, high, high, (order.cite(),), (
                Message("Order procedure: a fine of {minimum} to {maximum} ({rule}).", minimum=low, maximum=high,
                        rule=Cite(order.cite())),),
                below_minimum=False, statutory_minimum=low)  # the procedure's own floor, checked as the article's
        reasons.append(N_("The order procedure's fines are not modelled for this category; the ordinary range is "
                          "shown."))
    kind_depends: tuple[str, ...] = ()
    caveat = ""
    # The persons a kind is not for (CC 2014 Arts. 43(3), 45(3); not while Art. 467(1-1) suspends the
    # kind): Arts. 55 and 56 still bound the range where the facts leave it open.
    if s.available:
        not_for = _not_for(kind, p, facts, on, decided)
        if isinstance(not_for, Range):
            return not_for
        kind_depends, caveat = not_for.depends, not_for.caveat
        reasons += not_for.reasons
    barred = find(p.ref.code, "no_imprisonment", on)
    if (barred is not None and kind.value in barred.kinds and p.category.value in barred.categories
            and any(k in MAIN_RANK and MAIN_RANK[k] < MAIN_RANK[kind] for k in kinds)):
        if facts.harm_compensated is True:
            return Range(kind, None, None, None, (barred.cite(),), (
                Message("No imprisonment: the harm was made good and the sanction has a milder main kind ({rule}).",
                        rule=Cite(barred.cite())),),
                available=False)
        if facts.harm_compensated is None:
            kind_depends = (*kind_depends, "harm_compensated")
            reasons.append(Message("{kind}: not imposed if the person made good the harm ({rule}): not stated "
                                   "(harm_compensated)", kind=Code(kind), rule=Cite(barred.cite())))
    gates, caps55, caps56, compound = _caps(p, kind, severe, maximum, facts, features, on, decided)
    high = low_high = maximum
    if maximum is not None and (caps55 or caps56):
        high = times(maximum, _combined(caps55, caps56, compound, (True,)))
        low_high = times(maximum, _combined(caps55, caps56, compound, (True, None)))
    for cap in (*caps55, *caps56):
        amount_text = times(maximum, cap.fraction) if maximum is not None else "-"
        if cap.holds is True:
            rules.append(cap.rule.cite())
            reasons.append(Message("{kind}: at most {fraction} of the maximum, {amount}, with {why} ({rule})",
                                   kind=Code(kind), fraction=cap.fraction, amount=amount_text, why=cap.why,
                                   rule=Cite(cap.rule.cite())))
        elif cap.holds is None:
            fact = cap.facts or _FACT_OF.get(cap.rule.name, (cap.rule.name,))
            depends += fact
            reasons.append(Message("{kind}: at most {amount} ({fraction} of the maximum, {rule}) if {why}: not "
                                   "settled ({facts})", kind=Code(kind), amount=amount_text, fraction=cap.fraction,
                                   rule=Cite(cap.rule.cite()), why=cap.why, facts=join(fact, ", ")))
        elif cap.why.startswith("not applied"):
            reasons.append(Message("{kind}: {why} ({rule})", kind=Code(kind), why=cap.why,
                                   rule=Cite(cap.rule.cite())))
    if compound and any(c.holds is True for c in caps56) and any(c.holds is True for c in caps55):
        rule = find(p.ref.code, "unfinished_compound", on) or find(p.ref.code, "unfinished_compound", decided)
        rules.append(rule.cite() if rule is not None else "")
    below = any_of(*(c.holds for c in gates))
    below_rule = find(p.ref.code, "below_minimum", on)
    below_rules: tuple[str, ...] = ()
    below_depends: tuple[str, ...] = ()
    floor = _floor(p, kind, on) if minimum is not None else None
    if below_rule is not None and gates:
        wanted = (True,) if below is True else (None,)
        below_rules = (below_rule.cite(), *dict.fromkeys(c.rule.cite() for c in gates if c.holds in wanted))
        if below is None:
            below_depends = tuple(dict.fromkeys(f for c in gates if c.holds is None for f in _FACT_OF[c.rule.name]))
    else:
        below = False
    low = minimum
    if below is True and minimum is not None:
        low = floor
        rules += below_rules
        reasons.append(Message("{kind}: below the minimum {minimum} allowed ({rules}), down to the general-part "
                               "minimum {floor}", kind=Code(kind), minimum=minimum,
                               rules=join(map(Cite, below_rules), ", "), floor=floor) if floor is not None else
                       Message("{kind}: below the minimum {minimum} allowed ({rules}); the general-part minimum of "
                               "this kind is not modelled", kind=Code(kind), minimum=minimum,
                               rules=join(map(Cite, below_rules), ", ")))
    unpaid = find(p.ref.code, "unpaid_fine", on) if kind is Penalty.FINE else None
    ratios, bar = _replaceable(p, unpaid.replacements(p.category.value), facts, decided) if unpaid is not None else (
        (), None)
    return Range(kind, low, high, low_high, tuple(dict.fromkeys(r for r in rules if r)), tuple(dict.fromkeys(reasons)),
                 tuple(dict.fromkeys(depends)), below, below_rules, floor, s.available, minimum, True,
                 ratios, unpaid.cite() if unpaid is not None and ratios else "", below_depends, kind_depends,
                 caveat=caveat, unpaid_bar=Message(
                     "not for a minor, a pregnant woman, a woman having or raising a young child, a man raising one "
                     "alone, a woman of 58 or a man of 63 or over, or a person with a disability of group 1 or 2 "
                     "({rule})",
                     rule=Cite(bar.cite())) if bar is not None else "")


def _replaceable(p: Provision, ratios: tuple[tuple[Penalty, Quantity, Quantity], ...], facts: Facts,
                 decided: dt.date) -> tuple[tuple[tuple[Penalty, Quantity, Quantity], ...], Rule | None]:
    """The replacements of an unpaid fine (Art. 41(6)) open to the offender: from Law 72-VIII «Арест
    не назначается и не применяется в порядке замены наказания к несовершеннолетним, беременным
    женщинам, женщинам, имеющим или воспитывающим малолетнего ребенка, мужчинам, воспитывающим в
    одиночку малолетнего ребенка, ...» (CC 2014 Art. 45(3), 16.06.2024 text: the rule
    ``no_replacement_arrest`` of the decision date), so arrest is left out where the facts name such
    a person (a minor, by the mitigating circumstance; ``pregnant``; ``young_children``), and else
    kept with the persons named beside it (``Range.unpaid_bar``: the facts do not say that the
    offender is none of them; a woman raising a child not her own leaves ``young_children`` unstated).
    The replacements, and the rule where it names the persons beside a kept arrest."""
    rule = find(p.ref.code, "no_replacement_arrest", decided)
    if rule is None:
        return ratios, None
    named = (("minor" in rule.persons and names_minor(facts.mitigating))
             or ("pregnant_woman" in rule.persons and facts.pregnant is True)
             or ("woman_with_young_children" in rule.persons and facts.young_children is True))
    kept = tuple(r for r in ratios if not (named and r[0] is Penalty.ARREST))
    return kept, rule if any(r[0] is Penalty.ARREST for r in kept) else None


def milder_kind(p: Provision, kind: Penalty, facts: Facts, on: dt.date, decided: dt.date,
                committed: dt.date) -> Range | Open:
    """Whether ``kind``, a kind ``p``'s sanction does not provide and a court could give only as a
    milder kind (CC 2014 Art. 55(4)), is not a main punishment for a crime (Art. 40: :func:`_not_main`)
    or is barred for the person the facts state (CC 2014 Arts. 43(3), 45(3)): a range not available
    where it is, else what the facts leave open (:class:`Open`).
    Where the general part suspends the kind for an act of ``committed`` (:func:`suspended`; ``on``
    may be the later day a milder general part took effect) it is not available, the suspension
    its first reason, unless the suspended article still applies to some persons and the facts
    leave it open for them: whether the offender is one of them decides then (:data:`STILL_APPLIES`).
    Under CC 1997 only a kind not yet in force is barred (Law 168 Art. 4: its other sentencing rules
    are not modelled); the AOC has no milder kind."""
    if p.ref.code not in SENTENCING_CODES:
        rank = main_rank(p.ref.code)
        top = most_severe((s.kind for s in p.sanctions), rank)
        if p.regime is not Regime.CRIMINAL or top is None or kind not in rank or rank[kind] >= rank[top]:
            return Open()  # not a milder kind of a criminal code
        off = suspended(p.ref.code, kind, committed, decided)
        if off is not None and not off.still_for:
            return Range(kind, None, None, None, (off.cite(),), (off.note,), available=False)
        gone = _abolished(p.ref.code, kind, on, decided)
        if gone is not None:
            return gone
        later = later_in_force(p.ref.code, kind, committed, decided)
        return Open((LATER_IN_FORCE,), (later,)) if later else Open()
    main = _not_main(p, kind, facts, on, decided)
    if isinstance(main, Range):
        return main
    found = _not_for(kind, p, facts, on, decided)
    if main is not None and isinstance(found, Open):
        found = Open((*main.depends, *found.depends), (*main.reasons, *found.reasons), found.caveat)
    off = suspended(p.ref.code, kind, committed, decided)
    if off is None:
        lapse = lapsed(p.ref.code, kind, committed, decided)
        if lapse is None or isinstance(found, Range):
            return found
        return Open((LAPSED, *found.depends), (lapse.note, *found.reasons), found.caveat)
    if isinstance(found, Range) or not off.still_for:
        return Range(kind, None, None, None, (off.cite(),), (off.note, *found.reasons), available=False)
    return Open((STILL_APPLIES, *found.depends), (off.note, *found.reasons), found.caveat)


def _abolished(code: str, kind: Penalty, on: dt.date, decided: dt.date) -> Range | None:
    """A kind the code no longer had on ``on`` nor on the decision date: its general limits end
    before both (CC 1997 arrest, replaced by «содержание на гауптвахте» for service members alone by
    Law 393-IV, Art. 39(1)(ж)): not even a milder kind (Art. 55(1) chooses among the code's own
    kinds). ``None`` where the data hold no limits of the kind, or one is in force."""
    found = general_part.rules().get(("limit", code, kind.value, "crime"), ())
    if not found or any(r.in_force_on(day) for r in found for day in (on, decided)):
        return None
    last = max(found, key=lambda r: r.valid_from)
    if last.valid_to is None or last.valid_to > on:
        return None
    return Range(kind, None, None, None, (last.cite(),), (Message(
        "{kind} was no longer a punishment of {code} on {day}: its general limits ({rule}) are not in force from {end}",
        kind=Code(kind), code=code, day=on, rule=Cite(last.cite()), end=last.valid_to),), available=False)


def _not_main(p: Provision, kind: Penalty, facts: Facts, on: dt.date, decided: dt.date) -> Range | Open | None:
    """Where ``kind`` is a main punishment of a criminal misdemeanour alone (CC 2014 Art. 40(1): the
    rule ``misdemeanour_kinds``), not of a crime (Art. 40(2): ``main_kinds``), in the wording of
    ``on`` and of the decision date (a later wording that adds the kind is the milder law,
    Art. 6(1)), a court may not give it for a crime, not even as a milder kind: a range not
    available. Unless it is a punishment of a minor (Art. 81(1): ``minor_kinds``), which a court
    may also give an offender of 18 to 20 (Art. 90): then the offender's age decides
    (:data:`FOR_MINORS`), or, where the facts state the minor's mitigating circumstance, nothing
    here. ``None`` where the kind is a main punishment of a crime, is in neither list, or is an
    additional punishment the article provides (the check weighs that apart:
    :func:`~kzspeechlaw.reasoning.sentencing.verdict.check`)."""
    if any(s.kind is kind for s in p.additional):
        return None
    crime = [r for r in _cap_rules(p, on, decided, "main_kinds") if p.category.value in r.categories]
    lesser = _cap_rules(p, on, decided, "misdemeanour_kinds")
    if not crime or any(kind.value in r.kinds for r in crime) or all(kind.value not in r.kinds for r in lesser):
        return None
    cites = _cites((*crime, *lesser))
    why = Message("{kind} is not a main punishment for a crime ({rule})", kind=Code(kind), rule=Cite(", ".join(cites)))
    minors = [r for r in _cap_rules(p, on, decided, "minor_kinds") if kind.value in r.kinds]
    if not minors:
        return Range(kind, None, None, None, cites, (why,), available=False)
    if names_minor(facts.mitigating):
        return None
    said = Message("{kind} is a punishment of a minor ({rule}), within the terms that article sets, and a court may "
                   "sentence an offender who was 18 to 20 under the rules for minors (CC 2014 Art. 90)",
                   kind=Code(kind), rule=Cite(_cited(minors)))
    return Open((FOR_MINORS,), (why, said))


FOR_MINORS = N_("whether the offender was a minor (the mitigating circumstance minor, where stated, says so) or, at "
                "18 to 20, sentenced under the rules for minors (CC 2014 Arts. 81, 90)")
"""What decides a kind that is a main punishment of a crime only for those persons (:func:`_not_main`)."""


_GRAVITY = (Category.CRIMINAL_MISDEMEANOUR, Category.SMALL_GRAVITY, Category.MEDIUM_GRAVITY, Category.GRAVE,
            Category.ESPECIALLY_GRAVE)


def _aggregate_bound(rule: Rule, gravest: Category, kind: Penalty) -> tuple[Quantity | None, Quantity | None,
                                                                             tuple[str, ...], str]:
    """What CC 2014 Art. 58 lets the final sentence of ``kind`` reach when ``gravest`` is the gravest
    category of the aggregate: (the bound, the bound if the undecided fact gives the lower one, the
    facts that decide, how the sentences combine)."""
    general = (Message("the general-part maximum of {kind} (Art. 58(1); not modelled)", kind=Code(kind)),)
    if gravest is Category.CRIMINAL_MISDEMEANOUR:
        q = rule.limit(gravest.value, kind.value)
        return q, q, () if q is not None else general, N_("misdemeanours only: absorption or addition (Art. 58(2))")
    if gravest.value in rule.categories:
        return None, None, (N_("the sentences for the other offences: absorption only, the final sentence is the "
                               "most severe of them (Art. 58(2))"),), N_("absorption only (Art. 58(2))")
    q20 = rule.limit(Category.GRAVE.value, kind.value)
    if gravest is Category.GRAVE:
        return q20, q20, () if q20 is not None else general, N_("absorption or addition (Art. 58(3))")
    q25 = rule.limit(Category.ESPECIALLY_GRAVE.value, kind.value)
    if q25 is None:
        return None, None, general, N_("absorption or addition (Art. 58(3)-(4))")
    return q25, q20, (N_("whether an especially grave crime of the aggregate is punishable by imprisonment of up to "
                         "twenty years (Art. 58(4); otherwise Art. 58(3))"),), N_("addition (Art. 58(4))")


def _absorbs_no_kind(p: Provision, other: Aggregate, kind: Penalty, on: dt.date, decided: dt.date) -> bool:
    """Whether the other offences of an aggregate CC 2014 Art. 58(2) combines by absorption alone
    («только уголовные проступки, преступления небольшой тяжести и средней тяжести ... путем
    поглощения менее строгого наказания более строгим») are criminal misdemeanours, none of which
    may be punished by ``kind`` (Art. 40(1) names штраф, исправительные работы, привлечение к
    общественным работам, арест): the final sentence of ``kind`` is then this offence's own."""
    if other is not Aggregate.CRIMINAL_MISDEMEANOUR or p.category is Category.CRIMINAL_MISDEMEANOUR:
        return False
    lesser = _cap_rules(p, on, decided, "misdemeanour_kinds")
    return bool(lesser) and all(kind.value not in r.kinds for r in lesser)


def _with_aggregate(p: Provision, r: Range, facts: Facts, on: dt.date, decided: dt.date,
                    subject: Offender | None = None) -> Range:
    """``r`` with what the final sentence over an aggregate may reach (CC 2014 Art. 58; AOC 2014
    Art. 58), where the facts say other offences are decided together. Each offence's own sentence
    stays within ``r`` (Art. 58(1): a punishment for each offence separately). ``subject``: whom an
    administrative sanction is for (its fine's general limit, AOC 2014 Art. 44(2))."""
    other = facts.aggregate
    if other is None or other is Aggregate.NONE or not r.available:
        return r
    kind = Code(r.kind)
    administrative = p.regime is Regime.ADMINISTRATIVE
    if administrative != (other is Aggregate.ADMINISTRATIVE_OFFENCE):
        return attrs.evolve(r, reasons=(*r.reasons, Message(
            "{kind}: an aggregate of {other} offences does not combine with a {category} offence; the aggregate is "
            "not applied", kind=kind, other=_OTHER.get(other.value, other.value.replace("_", " ")),
            category=_OTHER.get(p.category.value, p.category.value.replace("_", " ")))))
    found = _cap_rules(p, on, decided, "aggregate") if p.ref.code in ("CC2014", "AOC2014") else ()
    if not found:
        return attrs.evolve(r, aggregate=True, reasons=(*r.reasons, Message(
            "{kind}: the rules for an aggregate of offences of {code} are not modelled", kind=kind, code=p.ref.code)),
                            aggregate_depends=(Message("the aggregate rules of {code} (not modelled)",
                                                       code=p.ref.code),))
    if administrative:
        rule = found[-1]
        if r.kind is Penalty.ARREST and (bounded := _aggregate_arrest(p, r, rule, on)) is not None:
            return bounded
        if r.kind is Penalty.FINE and (bounded := _aggregate_fine(p, r, rule, subject or facts.offender, on,
                                                                  decided)) is not None:
            return bounded
        limit = (N_("the term of AOC 2014 Art. 50(1)") if r.kind is Penalty.ARREST
                 else Message("{multiple} times the Code's maximum of {kind}", multiple=rule.multiple, kind=kind))
        return attrs.evolve(r, aggregate=True, aggregate_rules=(rule.cite(),), aggregate_depends=(
            Message("{limit} (AOC 2014 Art. 58(2); not computed)", limit=limit),), reasons=(*r.reasons, (
                Message("{kind}: with other offences heard by the same judge or body, a penalty for each; "
                        "penalties of one kind at most {limit} in all ({rule})", kind=kind, limit=limit,
                        rule=Cite(rule.cite())))))
    gravest = max(p.category, Category(other.value), key=_GRAVITY.index)
    best: tuple[Quantity | None, Quantity | None, tuple[str, ...], str, Rule] | None = None
    for rule in found:
        top, lowest, depends, how = _aggregate_bound(rule, gravest, r.kind)
        if best is None or (top is not None and (best[0] is None or exact(top)[1] < exact(best[0])[1])):
            best = (top, lowest, depends, how, rule)
    assert best is not None
    top, lowest, depends, how, rule = best
    if top is None and r.maximum is not None and _absorbs_no_kind(p, other, r.kind, on, decided):
        # absorption only: the final sentence is the most severe one imposed, and a misdemeanour's is
        # never of this kind: this offence's own maximum bounds it
        top = lowest = r.maximum
        depends = ()
        how = Message("absorption only (Art. 58(2)), and a criminal misdemeanour carries no {kind} ({rule})",
                      kind=kind, rule=Cite(_cited(_cap_rules(p, on, decided, "misdemeanour_kinds"))))
    bound = (Message("at most {maximum}", maximum=top) if top is not None and lowest == top else
             Message("at most {lowest}, or {maximum} if {fact}", lowest=lowest, maximum=top, fact=depends[0])
             if top is not None and lowest is not None else Message("bounded by {facts}", facts=join(depends, ", ")))
    return attrs.evolve(r, aggregate=True, aggregate_maximum=top, aggregate_lowest=lowest,
                        aggregate_rules=(rule.cite(),), aggregate_depends=depends, reasons=(*r.reasons, (
                            Message("{kind}: the final sentence over the aggregate (gravest: {gravest}; {how}) "
                                    "{bound} ({rule})", kind=kind, gravest=gravest, how=how, bound=bound,
                                    rule=Cite(rule.cite())))))



EMERGENCY_AMONG = N_("whether a breach of the requirements of a state of emergency (or, once Law 10.01.2025 No. "
                     "155-VIII is in force, of martial law) is among the offences (AOC 2014 Art. 50(1): up to "
                     "forty-five days)")
"""What decides whether the final administrative arrest over an aggregate may reach forty-five days."""


def _aggregate_arrest(p: Provision, r: Range, rule: Rule, on: dt.date) -> Range | None:
    """``r``, an administrative arrest, with the most the final arrest over an aggregate may reach:
    AOC 2014 Art. 58(2), «для административного ареста не может превышать срок, установленный частью
    первой статьи 50», and Art. 50(1), «на срок до тридцати суток, а за нарушение требований режима
    чрезвычайного положения - до сорока пяти суток» («чрезвычайного или военного положения» after Law
    10.01.2025 No. 155-VIII, sixty days after its publication, a date not read; 12.07.2026 text) (the
    general part's limits of arrest); ``None``
    where the data hold no such limit on ``on``."""
    usual = general_part.find("limit", p.ref.code, "arrest", "any", on=on)
    if usual is None or usual.maximum is None:
        return None
    emergency = general_part.find("limit", p.ref.code, "arrest", "state_of_emergency_violation", on=on)
    top = emergency.maximum if emergency is not None and emergency.maximum is not None else usual.maximum
    lowest = usual.maximum
    depends = (EMERGENCY_AMONG,) if exact(top)[1] > exact(lowest)[1] else ()
    cited = (rule.cite(), usual.cite())
    bound = (Message("at most {lowest}, or {maximum} if a breach of the requirements of a state of emergency (or, "
                     "once Law 155-VIII is in force, of martial law) is among them", lowest=lowest, maximum=top)
             if depends
             else Message("at most {maximum}", maximum=top))
    return attrs.evolve(r, aggregate=True, aggregate_maximum=top, aggregate_lowest=lowest, aggregate_rules=cited,
                        aggregate_depends=depends, reasons=(*r.reasons, Message(
                            "{kind}: with other offences heard by the same judge or body, a penalty for each; the "
                            "final arrest {bound} ({rules})", kind=Code(r.kind), bound=bound,
                            rules=join(map(Cite, cited), ", "))))


def _aggregate_fine(p: Provision, r: Range, rule: Rule, subject: Offender, on: dt.date,
                    decided: dt.date) -> Range | None:
    """``r``, an administrative fine of ``subject``, with the most the final fine over an aggregate may
    reach: AOC 2014 Art. 58(2), «не может превышать трехкратный максимальный предел, установленный
    настоящим Кодексом для данного вида взыскания», the limit being the subject's of Art. 44(2) («Размер
    штрафа, налагаемого на физическое лицо, не может превышать двести месячных расчетных показателей»;
    «пятьсот» before Law 28.12.2017 No. 127-VI); of the limits in force on ``on`` and on the decision
    date the lower (a milder later law is retroactive, AOC 2014 Art. 5(1): «Закон, смягчающий ...
    либо иным образом улучшающий положение лица ... имеет обратную силу», as :func:`_cap_rules`
    takes caps). Where that limit starts on an amending law's in-force date that was not read (the
    earliest possible day) and the decision falls on it or within
    :data:`~kzspeechlaw.law.amnesty_laws.CAVEAT_WINDOW` after it
    (:func:`~kzspeechlaw.law.timeline.caveat_window`), the law may not yet have taken effect: the
    limit before it stays open (the bound turns on it, and the later limit is not said to apply).
    ``None`` where the data hold no limit for the subject (a legal entity of unstated kind) or the
    rule gives no multiple."""
    limits = [(found, found.maximum) for day in (on, decided)
              if (found := general_part.find("limit", p.ref.code, "fine", subject.value, on=day)) is not None
              and found.maximum is not None]
    if not limits or rule.multiple is None:
        return None
    limit, maximum = limits[0]  # of equal ones, the law of ``on``
    later = len(limits) > 1 and _below(limits[1][1], maximum)
    if later:
        limit, maximum = limits[1]
    lowest = top = times(maximum, Fraction(rule.multiple))
    depends: tuple[str, ...] = ()
    window = caveat_window(limit.act, limit.valid_from)
    if window is not None and window.holds(decided):  # the law may not yet have taken effect
        before = general_part.find("limit", p.ref.code, "fine", subject.value, on=limit.valid_from - dt.timedelta(1))
        if before is not None and before.maximum is not None and _below(maximum, before.maximum):
            top = times(before.maximum, Fraction(rule.multiple))
            depends = (Message("whether Law {act} was not yet in force on the decision date (its in-force date, {day} "
                               "at the earliest, was not read)", act=limit.act, day=limit.valid_from),)
    retroactive = general_part.find("rule", p.ref.code, "retroactivity", on=decided) if later and not depends else None
    cited = (rule.cite(), limit.cite(), *((retroactive.cite(),) if retroactive is not None else ()))
    bound = (Message("at most {maximum} ({multiple} times {limit})", maximum=lowest, multiple=rule.multiple,
                     limit=maximum) if not depends else Message(
        "at most {lowest} ({multiple} times {limit}), or {maximum} if Law {act} was not yet in force on the decision "
        "date", lowest=lowest, multiple=rule.multiple, limit=maximum, maximum=top, act=limit.act))
    milder = () if retroactive is None else (Message(
        "the limit in force on the decision date, lower than the one of {day}, applies: a milder later law is "
        "retroactive (AOC 2014 Art. 5(1))", day=on),)
    return attrs.evolve(r, aggregate=True, aggregate_maximum=top, aggregate_lowest=lowest, aggregate_rules=cited,
                        aggregate_depends=depends, reasons=(*r.reasons, Message(
                            "{kind}: with other offences heard by the same judge or body, a penalty for each; the "
                            "final fine {bound} ({rules})", kind=Code(r.kind), bound=bound,
                            rules=join(map(Cite, cited), ", ")), *milder))


_STOPPED = {"attempt": N_("the offence stopped at attempt"),
            "preparation": N_("the offence stopped at preparation")}
"""The condition of an Art. 56 cap, by stage."""


_OTHER = {"criminal_misdemeanour": N_("criminal misdemeanour"), "small_gravity": N_("small gravity"),
          "medium_gravity": N_("medium gravity"), "grave": N_("grave"), "especially_grave": N_("especially grave"),
          "administrative_offence": N_("administrative offence")}
"""The categories as the aggregate's note has always named them (the code name in words)."""


_FACT_OF = {"mitigating_cap": ("mitigating", "aggravating"), "procedure_cap": ("procedure",),
            "unfinished_cap": ("stage",)}
"""The incident fields that decide each rule's condition."""


OFFENDER_IS_A_WOMAN = N_("whether the offender is a woman: the wording of AOC 2014 Art. 50(2) then in force did not "
                         "name a man raising children under fourteen alone (not an incident field)")
"""What decides arrest for a parent of young children under the wording of Art. 50(2) before Law 127-VI."""

CHILD_UNDER_THREE = N_("whether the child is under three: young_children says under fourteen, and community service "
                       "is not for a woman with a child under three or a man raising one alone (not an incident "
                       "field)")
"""What decides community service for a parent of young children (CC 2014 Art. 43(3); AOC 2014 Art. 49-1(7))."""

BEYOND_FACTS = N_("whether the offender is one of the other persons the article excludes (by age, disability and "
                  "the like: not incident fields)")
"""What decides a kind for the persons the general part's rule names that no incident field states
(CC 2014 Arts. 43(3), 45(3); AOC 2014 Arts. 49-1(7), 50(2)): a check within the range is not
certain, and a reason names them (:data:`PERSON_WORDS`)."""

PERSON_WORDS = {
    "minor": N_("minors"),
    "disability_group_1_2": N_("persons with a disability of group 1 or 2"),
    "older_person": N_("older women and men (58 and 63, as the article words the ages)"),
    "military": N_("military personnel"),
    "non_resident_foreigner": N_("foreigners and stateless persons not residing in Kazakhstan"),
    "expelled_foreigner": N_("foreigners and stateless persons sentenced to expulsion as an additional punishment"),
    "unable_to_work": N_("persons found unable to work"),
    "without_permanent_work": N_("persons without permanent work"),
    "full_time_student": N_("full-time students"),
}
"""The persons of :data:`~kzspeechlaw.law.sentencing_rules.PERSONS` that no incident field states,
in the words a reason names them (:func:`named_persons`)."""

_NOT_FOR = {Penalty.ARREST: "no_arrest", Penalty.COMMUNITY_SERVICE: "no_community_service",
            Penalty.CORRECTIONAL_WORK: "no_correctional_work"}
"""The rule naming the persons a kind is not for (CC 2014 Arts. 42(2) and, from Law 180-VI, 42(7), 43(3),
45(3); AOC 2014 Arts. 49-1(7), 50(2))."""

NOT_AT_WORK = N_("whether the offender is able to work, has permanent work and is not a full-time student "
                 "(CC 2014 Art. 42; not incident fields)")
"""What decides correctional work: «Исправительные работы не назначаются лицам, признанным
нетрудоспособными либо не имеющим постоянной работы или обучающимся в учебных заведениях с отрывом
от производства» (CC 2014 Art. 42(7), 27.12.2018 and 16.09.2025 texts; before Law 180-VI Art. 42(2),
09.04.2016 text, the same persons): no incident field states them (:func:`_beyond_facts`)."""

_AT_WORK = frozenset({"unable_to_work", "without_permanent_work", "full_time_student"})
"""The persons of CC 2014 Art. 42 (:data:`NOT_AT_WORK`)."""


class Open(NamedTuple):
    """What the persons' rule leaves open on the facts: the facts that decide, the reasons, and the
    caveat said beside the range."""

    depends: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    caveat: str = ""


def _not_for(kind: Penalty, p: Provision, facts: Facts, on: dt.date, decided: dt.date) -> Range | Open:
    """``kind`` for the persons the general part's rule names (:func:`_persons`), and, where a rule
    makes it need the offender's consent (AOC 2014 Art. 49-1(2): the rule ``consent``), that
    consent, which no incident field states (:data:`CONSENT`)."""
    found = _persons(kind, p, facts, on, decided)
    if isinstance(found, Range):
        return found
    consent = find(p.ref.code, "consent", on)
    if consent is None or kind.value not in consent.kinds:
        return found
    said = Message("{kind}: imposed only with the offender's consent ({rule}), which no incident field states",
                   kind=Code(kind), rule=Cite(consent.cite()))
    return found._replace(depends=(*found.depends, CONSENT), reasons=(*found.reasons, said))


CONSENT = N_("whether the offender consented to community work (AOC 2014 Art. 49-1(2); not an incident field)")
"""What decides administrative community work beside the persons it is not for (:func:`_not_for`)."""


def arrest_exemption(p: Provision, facts: Facts, on: dt.date, decided: dt.date) -> Range | Open:
    """Whether arrest is barred for the offender under ``p`` (:func:`_persons`): a range not
    available where the facts name a person the general part exempts, else what stays open."""
    return _persons(Penalty.ARREST, p, facts, on, decided)


def _persons(kind: Penalty, p: Provision, facts: Facts, on: dt.date, decided: dt.date) -> Range | Open:
    """``kind`` for the persons the general part's rule names (:data:`_NOT_FOR`): those the wording of
    ``on`` names, or of the decision date where it names more (a law that improves the offender's
    position is retroactive, CC Art. 6(1), AOC Art. 5(1)). A range not available where the facts
    name such a person (a minor, by the mitigating circumstance; ``pregnant``; ``young_children``, a
    parent of children under fourteen, for arrest); else what stays open: ``pregnant`` or
    ``young_children`` not stated; for a parent of young children, whether the offender is a woman
    where the wording names mothers alone (AOC Art. 50(2) before Law 127-VI:
    :data:`OFFENDER_IS_A_WOMAN`) or whether the child is under three
    (community service: :data:`CHILD_UNDER_THREE`), said beside the range too; and always, where the
    rule names them, whether the offender is one of the persons no incident field states
    (:data:`BEYOND_FACTS`: age, disability, military service, residence)."""
    name = _NOT_FOR.get(kind)
    if name is None:
        return Open()
    rules = _cap_rules(p, on, decided, name)
    if not rules:
        return Open()
    both = ("woman_with_young_children", "man_raising_young_children_alone")  # children under fourteen: arrest
    parent = next((r for r in rules if all(n in r.persons for n in both)), None)
    mother = next((r for r in rules if both[0] in r.persons), None)
    under_three = next((r for r in rules if "woman_with_child_under_three" in r.persons), None)
    pregnant = next((r for r in rules if "pregnant_woman" in r.persons), None)
    minor = next((r for r in rules if "minor" in r.persons), None)
    if minor is not None and names_minor(facts.mitigating):  # the mitigating circumstance: under 18 at the act
        return Range(kind, None, None, None, (minor.cite(),), (Message(
            "No {kind} for a minor ({rule}).", kind=Code(kind), rule=Cite(minor.cite())),), available=False)
    found = (pregnant if facts.pregnant is True else None) or (parent if facts.young_children is True else None)
    if found is not None:
        said = (Message("No community service for a pregnant woman ({rule}).", rule=Cite(found.cite()))
                if kind is Penalty.COMMUNITY_SERVICE else
                Message("No administrative arrest for a pregnant woman, a woman with children under fourteen or "
                        "a man raising them alone ({rule}).", rule=Cite(found.cite()))
                if p.regime is Regime.ADMINISTRATIVE else
                Message("No arrest for a pregnant woman, a woman with children under fourteen or a man raising "
                        "them alone ({rule}).", rule=Cite(found.cite())))
        return Range(kind, None, None, None, (found.cite(),), (said,), available=False)
    named = {"pregnant": pregnant is not None,  # the incident's fields that the rules' persons turn on
             "young_children": any(r is not None for r in (parent, mother, under_three))}
    unstated = tuple(f for f in ("pregnant", "young_children") if named[f] and getattr(facts, f) is None)
    if facts.young_children is True and mother is not None:
        others = _beyond_facts(kind, rules, named=False)
        caveat = Message("{kind}: not for a woman with children under fourteen ({rule}); that wording did not "
                         "name a man raising them alone: whether the offender is a woman decides (young_children)",
                         kind=Code(kind), rule=Cite(mother.cite()))
        return Open((*unstated, OFFENDER_IS_A_WOMAN, *others.depends), (caveat, *others.reasons), caveat)
    others = _beyond_facts(kind, rules, named=bool(unstated))  # the reason below names every person
    reasons: tuple[str, ...] = ()
    if unstated:
        rule = parent or under_three or rules[-1]
        reasons += (Message("{kind}: not for {who} ({rule}): not stated ({facts})", kind=Code(kind),
                            who=_who(kind, p, parent is not None), rule=Cite(rule.cite()), facts=", ".join(unstated)),)
    if facts.young_children is True and under_three is not None:
        caveat = Message("{kind}: not for a woman with a child under three or a man raising one alone ({rule}); "
                         "young_children says under fourteen: whether the child is under three decides",
                         kind=Code(kind), rule=Cite(under_three.cite()))
        return Open((*unstated, CHILD_UNDER_THREE, *others.depends), (*reasons, caveat, *others.reasons), caveat)
    return Open((*unstated, *others.depends), (*reasons, *others.reasons))


def _beyond_facts(kind: Penalty, rules: tuple[Rule, ...], named: bool) -> Open:
    """The persons ``rules`` name that no incident field states (:data:`BEYOND_FACTS`), as the fact
    that decides, with a reason naming them unless a reason already ``named`` every person; nothing
    where the rules name none."""
    found = [r for r in rules if r.persons & PERSON_WORDS.keys()]
    if not found:
        return Open()
    beyond = NOT_AT_WORK if all(r.persons <= _AT_WORK for r in found) else BEYOND_FACTS
    if named:
        return Open((beyond,))
    said = Message("{kind}: also not imposed on {persons} ({rule}), which no incident field states",
                   kind=Code(kind), persons=named_persons(frozenset().union(*(r.persons for r in found))),
                   rule=Cite(_cited(found)))
    return Open((beyond,), (said,))


def _who(kind: Penalty, p: Provision, parents: bool) -> str:
    """The persons a kind is not for, as the reason names them."""
    if kind is Penalty.ARREST:
        return (N_("a pregnant woman, a woman with children under fourteen or a man raising them alone, a minor, a "
                   "person with a disability of group 1 or 2, or an older person") if parents else
                N_("a pregnant woman, a woman with children under fourteen, a minor, a person with a disability of "
                   "group 1 or 2, or an older person"))
    if p.regime is Regime.ADMINISTRATIVE:
        return N_("a pregnant woman, a woman with a child under three or a man raising one alone, a minor, a person "
                  "with a disability of group 1 or 2, a woman of 58 or over, a man of 63 or over, or a foreigner or "
                  "stateless person not residing in Kazakhstan")
    return N_("a pregnant woman, a woman with a child under three or a man raising one alone, a woman of 58 or "
              "over, a man of 63 or over, a person with a disability of group 1 or 2, or a member of the military")


def _administrative(p: Provision, s: Any, items: tuple[Any, ...], facts: Facts, on: dt.date,
                    decided: dt.date) -> Range:
    """AOC penalties: where the sanction provides a warning, another kind needs an aggravating
    circumstance (Art. 43(2), :func:`_warning_first`). A fine may be cut by up to 30 % by whoever
    decides the case (Art. 819(2) before Law 127-VI; after it Art. 819(2) for a body, Art. 829-11(2)
    for a court: :func:`_reduction`); paying 50 % within seven days closes a case whose sanction
    offers nothing but a fine (from Law 127-VI, or a warning: the rule's ``kinds``), before Law 127-VI
    for a natural person alone (Arts. 810-811: :func:`_expedited`).
    Arrest is not for the persons Art. 50(2) names, community work not for those of Art. 49-1(7)
    (:func:`_not_for`)."""
    kind, minimum, maximum = s.kind, s.minimum, s.maximum
    not_for = _not_for(kind, p, facts, on, decided) if s.available else Open()
    if isinstance(not_for, Range):
        return not_for
    warned = _warning_first(p, kind, items, facts, on, decided) if s.available else Open()
    if isinstance(warned, Range):
        return warned
    depends, said = (*not_for.depends, *warned.depends), (*not_for.reasons, *warned.reasons)
    if kind is not Penalty.FINE or minimum is None or unit_name(minimum) != "MCI":
        return Range(kind, minimum, maximum, maximum, (), said, available=s.available,
                     statutory_minimum=minimum, kind_depends=depends, caveat=not_for.caveat)
    reasons = list(said)
    routes: list[tuple[Fraction, tuple[Rule, ...]]] = []
    possible: list[tuple[Fraction, tuple[Rule, ...], str]] = []
    for route in (_reduction(p, facts, on, decided, minimum), _expedited(p, items, facts, on, decided, minimum)):
        if route is None:
            continue
        fraction, rules, fact, reason = route
        reasons.append(reason)
        if fraction is not None and fact is None:
            routes.append((fraction, rules))
        elif fraction is not None and fact is not None:
            possible.append((fraction, rules, fact))
    common = {"available": s.available, "statutory_minimum": minimum, "kind_depends": depends}
    if not routes and not possible:
        return Range(kind, minimum, maximum, maximum, (), tuple(reasons), **common)
    if not routes:
        fraction = min(f for f, _, _ in possible)
        return Range(kind, minimum, maximum, maximum, (), tuple(reasons),
                     below_depends=tuple(dict.fromkeys(f for _, _, f in possible)), below_minimum=None,
                     below_rules=_cites(r for _, rules, _ in possible for r in rules),
                     floor=times(minimum, fraction), **common)
    fraction = min(f for f, _ in routes)
    cited = _cites(r for _, rules in routes for r in rules)
    lower = [(f, rules, fact) for f, rules, fact in possible if f < fraction]
    if lower:  # open down to ``fraction``; below it, where the facts not stated allow a lower route
        return Range(kind, times(minimum, fraction), maximum, maximum, cited, tuple(reasons), below_minimum=None,
                     below_rules=_cites(r for _, rules, _ in lower for r in rules),
                     below_depends=tuple(dict.fromkeys(fact for _, _, fact in lower)),
                     floor=times(minimum, min(f for f, _, _ in lower)), **common)
    return Range(kind, times(minimum, fraction), maximum, maximum, cited, tuple(reasons), below_minimum=True,
                 below_rules=cited, floor=times(minimum, fraction), **common)


def _cites(rules: Iterable[general_part.Rule | Rule]) -> tuple[str, ...]:
    """The citations of ``rules``, each article once, in order, marked unverified where any of its
    records is (two records of CC 2014 Art. 467(1-1), one read and one not, cite it once)."""
    unverified: dict[str, bool] = {}
    for r in rules:
        unverified[r.article] = unverified.get(r.article, False) or not r.verified
    return tuple(article + (" (unverified)" if marked else "") for article, marked in unverified.items())


Route = tuple[Fraction | None, tuple[Rule, ...], str | None, str]
"""A way below a fine's minimum (:func:`_reduction`, :func:`_expedited`): the share of the minimum it
reaches (``None``: closed), its rules, the fact that decides it (``None``: open on the facts), the reason."""


def _reduction(p: Provision, facts: Facts, on: dt.date, decided: dt.date, minimum: Quantity) -> Route | None:
    """The cut of a fine by up to 30 % by whoever decides the case: a court (the rule
    ``court_reduction``: AOC 2014 Art. 819(2) «Судья, орган (должностное лицо) ... вправе сократить
    размер административного штрафа ... но не более чем на тридцать процентов» before Law 127-VI,
    Art. 829-11(2) «Суд ... вправе сократить» after it) or a body (``body_reduction``: Art. 819(2),
    «Орган (должностное лицо)» after Law 127-VI). Open where the decider the facts allow has the power
    (a court, where the case went there: ``referred_on``; else a court or a body), else the decider
    decides (``referred_on``); ``None`` where no rule is in force. A power of the procedure, looked up on
    the decision date (:func:`_procedural`)."""
    court, body = (_procedural(p, name, on, decided) for name in ("court_reduction", "body_reduction"))
    held = [r for r in (court, body) if r is not None and r.fraction is not None]
    if not held:
        return None
    fraction = 1 - min(r.fraction for r in held if r.fraction is not None)
    amount, percent = times(minimum, fraction), int((1 - fraction) * 100)
    if facts.court:
        if court is None or court.fraction is None:
            return None
        return (fraction, (court,), None, Message("A court may reduce the fine by up to {percent} % to {amount} "
                                                   "({rule})", percent=percent, amount=amount,
                                                   rule=Cite(court.cite())))
    rules = join(map(Cite, _cites(held)), ", ")
    if court in held and body in held:
        return (fraction, tuple(held), None, Message(
            "A court or a body deciding the case may reduce the fine by up to {percent} % to {amount} ({rules})",
            percent=percent, amount=amount, rules=rules))
    return (fraction, tuple(held), "referred_on", Message(
        "A court may reduce the fine by up to {percent} % to {amount} ({rule}); whether a court decided the case is "
        "not stated (referred_on)", percent=percent, amount=amount, rule=rules) if court in held else Message(
        "A body deciding the case may reduce the fine by up to {percent} % to {amount} ({rule}); whether a court "
        "decided it instead is not stated (referred_on)", percent=percent, amount=amount, rule=rules))


NATURAL_PERSON = N_("whether the offender, a business subject, is an individual entrepreneur, a natural person "
                    "(AOC 2014 Art. 810(1) before Law 127-VI)")
"""What decides the seven-day payment before Law 127-VI for a business subject (:func:`_expedited`)."""


WHOLE_ARTICLE = N_("whether «санкцией статьи» (AOC 2014 Art. 810(2)(1) before Law 155-VIII) means the sanctions "
                   "of the whole article, whose other parts provide other penalties")
"""What decides the seven-day payment where another part of the article provides another penalty,
under the wording before Law 155-VIII (:func:`_other_parts`)."""


def _other_parts(p: Provision, paid: Rule, on: dt.date) -> tuple[str, ...]:
    """The kinds of penalty, beyond ``paid``'s, that the article's other parts in force on ``on``
    provide (main or additional): under «санкцией статьи» (AOC 2014 Art. 810(2)(1) before Law 155-VIII)
    they may close the payment for every part of the article."""
    found = {x.kind.value for v in article_versions(p.ref.code, p.ref.article)
             if v.ref.part != p.ref.part and v.in_force_on(on) for x in (*v.sanctions, *v.additional)}
    return tuple(sorted(found - paid.kinds))


@functools.lru_cache(maxsize=256)
def article_versions(code: str, article: str) -> tuple[Provision, ...]:
    """Every version of every part of an article (remembered: the law's data do not change in a
    process)."""
    return tuple(v for ref, versions in law().versions.items() if ref.code == code and ref.article == article
                 for v in versions)


def _procedural(p: Provision, name: str, on: dt.date, decided: dt.date) -> Rule | None:
    """A rule of the procedure part of AOC 2014 (Arts. 810-811, 819(2), 829-11(2)): the one in force
    when the case is decided, else the act date's (a rule in force then and repealed by the decision
    is not lost to the person: AOC 2014 Art. 5(1) lets a milder law reach back, and no modelled one
    is harsher)."""
    return find(p.ref.code, name, decided) or find(p.ref.code, name, on)


def _expedited(p: Provision, items: tuple[Any, ...], facts: Facts, on: dt.date, decided: dt.date,
               minimum: Quantity) -> Route | None:
    """Paying a share of the fine within seven days (the rule ``expedited_payment``, AOC 2014 Arts.
    810-811): not where «санкцией ... предусмотрены иные виды взыскания» (Art. 810(2)(1)) beyond the
    rule's ``kinds``, an additional penalty such as confiscation included; before Law 127-VI only where
    «установлено совершившее его физическое лицо» (Art. 810(1); the rule ``excludes`` legal_entity): not
    for a legal entity or a non-profit organisation, and for a business subject only if it is an
    individual entrepreneur (:data:`NATURAL_PERSON`). ``None`` where no rule is in force."""
    paid = _procedural(p, "expedited_payment", on, decided)
    if paid is None or paid.fraction is None:
        return None
    # The part's sanction as written (Art. 810(2)(1): «санкцией ... предусмотрены иные виды
    # взыскания»), with the alternatives that name no subject even where the offender cannot be
    # given them (a legal entity's arrest, Art. 41(2)), and the additional penalties for anyone or
    # for this offender (AOC 453(2): «с конфискацией продукции средств массовой информации»).
    offender = facts.offender
    entity = offender in ENTITIES
    written = (*(i.kind for i in items), *(x.kind for x in p.sanctions if x.subject is None),
               *(x.kind for x in p.additional if x.subject is None or x.subject is offender
                 or (entity and x.subject is Offender.LEGAL_ENTITY)))
    others = sorted({k.value for k in written if k.value not in paid.kinds})  # a warning too, before 127-VI
    if others:
        return (None, (paid,), None, Message(
            "Paying {fraction} of the fine within seven days ({rule}) is not open: the sanction also provides {kinds} "
            "(AOC Art. 810(2)(1))", fraction=paid.fraction, rule=Cite(paid.cite()),
            kinds=join((Code(Penalty(k)) for k in others), ", ")))
    if "legal_entity" in paid.excludes and entity and offender not in ENTREPRENEURS:  # never a natural person
        return (None, (paid,), None, Message(
            "Paying {fraction} of the fine within seven days ({rule}) is not open: it then reached a natural person "
            "alone, not a legal entity (AOC Art. 810(1))", fraction=paid.fraction, rule=Cite(paid.cite())))
    amount = times(minimum, paid.fraction)
    elsewhere = _other_parts(p, paid, decided) if "other_parts" in paid.excludes else ()
    if elsewhere:
        return (paid.fraction, (paid,), WHOLE_ARTICLE, Message(
            "Paying {amount} within seven days closes the case ({rule}) unless «санкцией статьи» (AOC Art. "
            "810(2)(1) before Law 155-VIII) means the whole article, whose other parts provide {kinds}", amount=amount,
            rule=Cite(paid.cite()), kinds=join((Code(Penalty(k)) for k in elsewhere), ", ")))
    if "legal_entity" in paid.excludes and entity:
        return (paid.fraction, (paid,), NATURAL_PERSON, Message(
            "Paying {amount} within seven days closes the case ({rule}) if the offender is an individual "
            "entrepreneur: it then reached a natural person alone (AOC Art. 810(1))", amount=amount,
            rule=Cite(paid.cite())))
    return (paid.fraction, (paid,), None, Message("Paying {amount} within seven days closes the case ({rule})",
                                                  amount=amount, rule=Cite(paid.cite())))


def _warning_first(p: Provision, kind: Penalty, items: tuple[Any, ...], facts: Facts, on: dt.date,
                   decided: dt.date) -> Range | Open:
    """AOC 2014 Art. 43(2) (the rule ``warning_first``, from Law 127-VI): «При отсутствии
    обстоятельств, предусмотренных статьей 57 ..., суд (судья), орган (должностное лицо), налагающий
    административное взыскание, обязан применить предупреждение, предусмотренное соответствующей
    статьей Особенной части». Where the sanction provides a warning (the rule's ``kinds``), another
    kind is lawful only with an aggravating circumstance of Art. 57: not available where the facts say
    there is none; open where one is stated (``True``); else the circumstance decides (``aggravating``),
    a list of the kinds of CC 2014 Art. 54(1) too, which is not Art. 57's list. The rule of the act's
    day, or of the decision's where only it has one (it improves the offender's position, AOC Art. 5(1))."""
    rule = find(p.ref.code, "warning_first", on) or find(p.ref.code, "warning_first", decided)
    if rule is None or kind.value in rule.kinds or not any(i.kind.value in rule.kinds for i in items):
        return Open()
    value = facts.aggravating
    if value is True:
        return Open()
    if present(value) is False and facts.circumstances:  # stated none, yet circumstances Art. 57 may name
        return Open(("aggravating",), (Message(
            "{kind}: only with an aggravating circumstance of AOC Art. 57, else the warning the sanction provides must "
            "be imposed ({rule}): their absence is stated, yet the facts state {circumstances}, which Art. 57 may "
            "count (aggravating)", kind=Code(kind), rule=Cite(rule.cite()),
            circumstances=join(sorted(facts.circumstances), ", ")),))
    if present(value) is False:
        return Range(kind, None, None, None, (rule.cite(),), (Message(
            "the sanction provides a warning, which must be imposed where no aggravating circumstance of AOC Art. 57 "
            "is present ({rule}), and none is", rule=Cite(rule.cite())),), available=False)
    said = (Message("{kind}: only with an aggravating circumstance of AOC Art. 57, else the warning the sanction "
                    "provides must be imposed ({rule}): not stated (aggravating)", kind=Code(kind),
                    rule=Cite(rule.cite())) if value is None else
            Message("{kind}: only with an aggravating circumstance of AOC Art. 57, else the warning the sanction "
                    "provides must be imposed ({rule}): whether those stated, named by CC 2014 Art. 54(1), are "
                    "among those of Art. 57 decides (aggravating)", kind=Code(kind), rule=Cite(rule.cite())))
    return Open(("aggravating",), (said,))

