"""The route from the version in force at the act to the governing law, up to the decision date.

- the law of the act's time governs (CC 2014 Art. 5; AOC 2014 Art. 4), unless a later law removes
  liability or is more lenient (CC 2014 Art. 6(1); AOC 2014 Art. 5(1)); a law that establishes or
  aggravates liability is not retroactive (CC Art. 6(3); AOC Art. 5(2));
- the laws compared are whole (:mod:`kzspeechlaw.reasoning.leniency`): a version of the special
  part with the general part in force with it (its floors), so a milder general part is
  retroactive too, and two dates' parts are never combined;
- a code replaced (CC 1997 by CC 2014) leaves the act punishable where the new code covers the facts;
- a part repealed by a law that restated its rule the same day in another part of the code
  (``continued_by``: AOC 2014 Art. 456-1(2) in Art. 456-2(1), Law 10.07.2023 No. 20-VIII) leaves
  the act punishable: the continuing part's versions join the laws compared, so the law of the act's
  time governs unless the continuing one is milder as a whole;
- a repeal removes liability only where no part in force still covers the act: a part the facts
  satisfied when the act was committed (the general article a special one displaced) keeps it
  punishable, under the milder of the two (re-qualification, the same articles).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections.abc import Sequence
from typing import NamedTuple

from kzspeechlaw.dates import change_days
from kzspeechlaw.i18n import N_, Message, join
from kzspeechlaw.law import general_part, scope
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision, Regime, Sanction, main_rank
from kzspeechlaw.law.timeline import Timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning import leniency
from kzspeechlaw.reasoning.classification import Match, holds, matching_parts
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.penalties import effective
from kzspeechlaw.reasoning.results import Outcome, Step
from kzspeechlaw.reasoning.time_rules import cite, interval, retro_rule, time_rule
from kzspeechlaw.refs import CC2014_FROM, parse


class Contested(NamedTuple):
    """A later law the comparison leaves to the court: the version, the day its general part is
    taken from, the verdict (:attr:`~kzspeechlaw.reasoning.leniency.Leniency.MIXED` or
    :attr:`~kzspeechlaw.reasoning.leniency.Leniency.UNWEIGHED`) and its name in words."""

    version: Provision
    day: dt.date
    verdict: leniency.Leniency
    name: Message


class Route(NamedTuple):
    """The way from the act-time version to the governing one: the versions in force from the act
    to the decision (CC 1997 versions followed by their CC 2014 heirs), the governing version
    (``None`` where a repeal removed liability, with the ``outcome``), the steps and notes saying
    so, and the (act, in-force date) boundaries crossed, whose dates may need a caveat."""

    governing: Provision | None
    outcome: Outcome
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    boundaries: tuple[tuple[str | None, dt.date | None], ...]
    closing_notes: tuple[str, ...]
    general_day: dt.date | None = None
    contested: tuple[Contested, ...] = ()
    """The later laws the comparison leaves to the court: milder in some respects and harsher in others
    (:attr:`~kzspeechlaw.reasoning.leniency.Leniency.MIXED`), or different only between the
    mildest and the heaviest punishment (:attr:`~kzspeechlaw.reasoning.leniency.Leniency.UNWEIGHED`).
    The governing law is kept, and a sentence is checked against each of them too
    (:meth:`~kzspeechlaw.reasoning.assessment.Assessment.check`)."""


_WHOLE_VERDICTS = Memo()


def _whole_leniency(earlier: Provision, earlier_day: dt.date, later: Provision, later_day: dt.date,
                    subject: str) -> leniency.Leniency:
    """How the law of ``later_day`` (``later`` with the general part then in force) compares with
    that of ``earlier_day`` (``earlier`` with its general part): whole laws, never parts of two
    dates combined (CC 2014 Arts. 5-6; AOC 2014 Arts. 4-5). Remembered."""
    if earlier.regime is Regime.CRIMINAL and later.regime is Regime.ADMINISTRATIVE:
        # no longer a crime: «Закон, устраняющий преступность ... деяния ... имеет обратную силу» (CC 2014
        # Art. 6(1)), whatever the administrative penalty weighs against the criminal one
        return leniency.Leniency.MORE_LENIENT
    key = (earlier, interval(earlier_day), later, interval(later_day), subject)
    # two versions of one code by its own order of punishments (CC 1997 Art. 39(1)), of two by the 2014 one
    rank = main_rank(later.ref.code) if earlier.ref.code == later.ref.code else leniency.RANK
    return _WHOLE_VERDICTS.get(key, lambda: leniency.compare(
        effective(earlier, subject, earlier_day), effective(later, subject, later_day),
        earlier.additional, later.additional, rank,
    ))


@functools.cache
def _general_acts(day: dt.date) -> tuple[str, ...]:
    """The acts whose general-part rules take effect on ``day`` (a day of :func:`general_part.days`)."""
    return tuple(sorted({r.act for rs in general_part.rules().values() for r in rs if r.valid_from == day}))


_REGIME_WORDS = {"criminal": N_("Criminal"), "administrative": N_("Administrative")}
"""A code's regime as the first word of a sentence."""

_VERDICT_WORDS = {
    "more_lenient": N_("more lenient"), "more_severe": N_("more severe"), "equal": N_("equal"), "mixed": N_("mixed"),
    "unweighed": N_("not weighed (the same mildest and heaviest punishment, other alternatives between them)"),
}
"""A leniency verdict in words (:class:`~kzspeechlaw.reasoning.leniency.Leniency`)."""


def _general_changes(day: dt.date) -> str:
    """The acts whose general-part rules take effect on ``day``, e.g. ``"Law 180-VI"``."""
    return ", ".join(f"Law {a}" for a in _general_acts(day)) or "an amendment"


def _laws(versions: tuple[Provision, ...], act_date: dt.date,
          decided: dt.date) -> tuple[tuple[Provision, dt.date], ...]:
    """The laws in force from the act to the decision, in order: each a version of the special part
    with the day from which the general part then in force is taken. A new law starts wherever the
    version or the general part changes."""
    days = _general_index()
    laws: list[tuple[Provision, dt.date]] = []
    cursor = act_date
    for v in versions:
        start = max(v.valid_from, cursor)
        after = decided + dt.timedelta(days=1)
        end = min(v.valid_to, after) if v.valid_to is not None else after
        laws.append((v, start))
        laws += [(v, d) for d in days.between(start, end)]
        cursor = max(cursor, end)
    return tuple(laws)


def _later_versions(p: Provision, decided_on: dt.date) -> tuple[Provision, ...]:
    """The versions of ``p``'s part that took effect after it, up to the decision date."""
    versions = law().versions[p.ref]
    starts = _starts(versions)
    return tuple(versions[bisect.bisect_right(starts, p.valid_from):bisect.bisect_right(starts, decided_on)])


def _starts(versions: Sequence[Provision]) -> list[dt.date]:
    """The first days of a part's versions, in their order (which is by that day: checked)."""
    known = _STARTS.get(id(versions))
    if known is None or known[0] is not versions:
        starts = [v.valid_from for v in versions]
        if starts != sorted(starts):
            raise AssertionError("a part's versions are not in the order of their first days")
        known = _STARTS[id(versions)] = (versions, starts)
    return known[1]


_STARTS: dict[int, tuple[Sequence[Provision], list[dt.date]]] = {}  # by the versions' object, kept alive here


@functools.cache
def _route_index() -> Timeline:
    """The days on which what :func:`find` reads of the dates may change: a version of the special
    part (the part's own, a new code's, a continuing or a surviving part's) or a rule of the general
    part starts or ends, a code starts or ends, or the 2014 Code's rules on the law's time take over
    (:func:`~kzspeechlaw.reasoning.time_rules.time_rule`). Not the MCI's days, nor the amnesties'."""
    data = law()
    versions = (v for parts in data.versions.values() for v in parts)
    return Timeline((*change_days(versions), *general_part.days(), *change_days(data.codes.values()), CC2014_FROM))


@functools.cache
def _general_index() -> Timeline:
    """The days on which some rule of the general part starts or ends."""
    return Timeline(general_part.days())


def _covered(matches: tuple[Match, ...]) -> dict[str, str]:
    """The parts the facts satisfied on the act date: each match (``""``) and each rival it set
    aside, with why it was set aside (absorbed by a qualified part, displaced by a special one). A
    match the facts do not decide (``undecided_by``) is not among them: the answer takes the facts
    stated, and the notes give the other (a slander of a judge with the link to the case not
    stated is not kept punishable under CC 2014 Art. 411 after Art. 130's repeal)."""
    decided = [m for m in matches if not m.undecided_by]
    covered = {str(m.provision.ref): "" for m in decided}
    covered.update((ref, why) for m in decided for ref, why in m.set_aside)
    return covered


def _survivors(covered: dict[str, str], incident: Incident, repealed_on: dt.date,
               decided: dt.date) -> tuple[Provision, ...]:
    """Re-qualification: the versions that keep the act punishable after the part it fell under
    was repealed on ``repealed_on``, oldest first, up to ``decided`` (empty where none does).

    A surviving part is one the same facts satisfy on the day of the repeal and that already
    covered the act when it was committed (set aside then as the general or basic part, see
    :func:`_covered`; ``covered``), or, where the code was replaced, that covered it from the new
    code's first day (:func:`find`): a part that did not reach the act then would establish
    liability, which is not retroactive (CC 2014 Art. 6(3); AOC 2014 Art. 5(2)). Where that part is
    in turn repealed before ``decided``, the search repeats from that day; a gap leaves the act
    unpunishable (the repeal is retroactive, CC 2014 Art. 6(1); AOC 2014 Art. 5(1)).
    """
    found: list[Provision] = []
    day = repealed_on
    while day <= decided:
        heir = _surviving_part(incident, covered, day)
        if heir is None:
            return ()
        found += (heir, *_later_versions(heir, decided))
        end = found[-1].valid_to
        if end is None or end > decided:
            return tuple(found)
        day = end
    return tuple(found)


def _surviving_part(incident: Incident, covered: dict[str, str], day: dt.date) -> Provision | None:
    """The most specific part in force on ``day`` that the facts satisfy (a match or a rival it
    sets aside) and that covered the act when committed."""
    for m in matching_parts(incident, on=day):
        if m.undecided_by:
            continue  # a part the facts stated do not meet
        if str(m.provision.ref) in covered:
            return m.provision
        for ref, _ in m.set_aside:
            if ref in covered:
                return law().provision(parse(ref), day)
    return None


def _requalification_step(first: Provision, last: Provision, heir: Provision, why: str,
                          replaced_on: dt.date | None, decided: dt.date) -> Step:
    """The step saying that a repeal of ``last``'s part did not remove liability: the facts still
    fall under ``heir``, which covered the act when it was committed (then ``why``: set aside for
    the reason given, or ``""``) or, where ``replaced_on`` is given, from that day, when the code
    in force at the act was replaced (CC 1997 by CC 2014)."""
    retro = general_part.find("rule", "CC2014" if first.regime is Regime.CRIMINAL else "AOC2014",
                              "non_retroactivity", on=decided)
    rules = time_rule(first.regime, decided)[0] + ", " + retro_rule(first.regime, decided)[0]
    if retro is not None and not (first.regime is Regime.CRIMINAL and decided < CC2014_FROM):
        rules += ", " + retro.cite()
    values = {"ref": str(last.ref), "act": last.repealed_by or Message("the end of the code"), "day": last.valid_to,
              "heir": str(heir.ref), "title": heir.title, "why": why}
    if heir.regime is not first.regime:  # a crime left an administrative offence
        return Step(Message(
            "{ref} was repealed by Law {act} from {day}, before the decision: the act is no longer a crime, and "
            "criminal liability is removed; the same facts fall under {heir} ({title}), an administrative offence "
            "that covered the act's elements when it was committed and is in force after the repeal, and the act is "
            "assessed under it (re-qualification; whether it reaches an act that was a crime when committed is not "
            "settled by the texts, see the notes)", **values), retro_rule(first.regime, decided)[0], heir.source)
    if replaced_on is not None:  # covered from the first day of the code that replaced the act-time one
        return Step(
            Message("{ref} was repealed by Law {act} from {day}, before the decision, but the same facts fall under "
                    "{heir} ({title}), which has covered the act since {start}, when its code replaced the one in "
                    "force when the act was committed (then {why}), and is in force after the repeal: the repeal does "
                    "not remove liability, and the act stays punishable under the milder of the laws in force since "
                    "the act (re-qualification)", start=replaced_on, **values) if why else
            Message("{ref} was repealed by Law {act} from {day}, before the decision, but the same facts fall under "
                    "{heir} ({title}), which has covered the act since {start}, when its code replaced the one in "
                    "force when the act was committed, and is in force after the repeal: the repeal does not remove "
                    "liability, and the act stays punishable under the milder of the laws in force since the act "
                    "(re-qualification)", start=replaced_on, **values), rules, heir.source)
    return Step(
        Message("{ref} was repealed by Law {act} from {day}, before the decision, but the same facts fall under "
                "{heir} ({title}), which covered the act when it was committed (then {why}) and is in force after "
                "the repeal: the repeal does not remove liability, and the act stays punishable under the milder of "
                "{ref} and {heir} (re-qualification)", **values) if why else
        Message("{ref} was repealed by Law {act} from {day}, before the decision, but the same facts fall under "
                "{heir} ({title}), which covered the act when it was committed and is in force after the repeal: "
                "the repeal does not remove liability, and the act stays punishable under the milder of {ref} and "
                "{heir} (re-qualification)", **values), rules, heir.source)


def _continuation(incident: Incident, last: Provision, decided: dt.date) -> tuple[Provision, ...]:
    """The versions of the part that continues ``last``'s rule (``continued_by``) from the day
    ``last`` ends up to ``decided``, oldest first; empty where ``last`` names none or the facts do
    not satisfy the continuing part (the rule restated reaches less: the repeal then removes
    liability for this act, AOC 2014 Art. 5(1); CC 2014 Art. 6(1))."""
    if last.continued_by is None or last.valid_to is None:
        return ()
    heir = law().provision(last.continued_by, last.valid_to)
    if not holds(heir.elements, incident.facts):
        return ()
    return (heir, *_later_versions(heir, decided))


def _continuation_step(last: Provision, heir: Provision, decided: dt.date) -> Step:
    """The step saying that a repeal did not remove liability: the repealing law restated the rule
    in ``heir`` the same day (AOC 2014 Arts. 4-5; CC 2014 Arts. 5-6)."""
    articles = N_("AOC 2014 Arts. 4-5") if last.regime is Regime.ADMINISTRATIVE else N_("CC 2014 Arts. 5-6")
    rules = time_rule(last.regime, decided)[0] + ", " + retro_rule(last.regime, decided)[0]
    if last.repealed_by is not None:
        rules += f", Law {last.repealed_by}"
    if last.narrowed:  # the part goes on in a narrower wording: what moved is the rule the act fell under
        return Step(
            Message("Law {act} narrowed {ref} from {day}, before the decision, to a wording the data does not model, "
                    "and restated the rule the act fell under in {heir} ({title}), in force from that day: liability "
                    "is not removed, and the law of the act's time governs unless {heir} is milder as a whole "
                    "({articles})", ref=str(last.ref), act=last.repealed_by, day=last.valid_to, heir=str(heir.ref),
                    title=heir.title, articles=articles),
            rules, heir.source)
    return Step(
        Message("{ref} was repealed by Law {act} from {day}, before the decision, but the same law restated its rule "
                "in {heir} ({title}), in force from that day: the repeal does not remove liability, and the law of "
                "the act's time governs unless {heir} is milder as a whole ({articles})", ref=str(last.ref),
                act=last.repealed_by, day=last.valid_to, heir=str(heir.ref), title=heir.title, articles=articles),
        rules, heir.source)


def _governing_law_step(first: Provision, governing: Provision, general_day: dt.date | None,
                        decided: dt.date) -> Step:
    """The step naming which version of each part governs, and why (``general_day`` ``None``: the
    general part of the act's time)."""
    general = (Message("in force on {day}", day=general_day) if general_day is not None
               else Message("in force at the time of the act"))
    if governing is first and general_day is None:
        why = Message("no later law is milder as a whole, so the law of the act's time governs")
        rule = time_rule(first.regime, decided)
    else:
        why = Message("the later law is milder as a whole and reaches the act; a harsher part of another date is "
                      "never combined with it")
        rule = retro_rule(first.regime, decided)
    articles = N_("AOC 2014 Arts. 4-5") if governing.regime is Regime.ADMINISTRATIVE else N_("CC 2014 Arts. 5-6")
    return Step(Message("Governing law: the special part {ref} as from {day} (Law {act}) with the general part "
                        "{general}: {why} ({articles})", ref=str(governing.ref), day=governing.valid_from,
                        act=governing.act, general=general, why=why, articles=articles), *rule)


def _alternatives(p: Provision, subject: str, day: dt.date) -> tuple[Sanction, ...]:
    """What a court could impose under ``p`` with the general part of ``day``: its alternatives for
    ``subject`` and its additional punishments."""
    return (*effective(p, subject, day), *p.additional)


def _distinct(laws: list[Contested], subject: str) -> list[Contested]:
    """The first of ``laws`` with each set of punishments and general part (a later one with the
    same adds nothing to check a sentence against)."""
    seen: list[tuple[tuple[Sanction, ...], object]] = []
    kept = []
    for law_ in laws:
        punishments = (_alternatives(law_.version, subject, law_.day), interval(law_.day))
        if punishments not in seen:
            seen.append(punishments)
            kept.append(law_)
    return kept


def _unweighed_note(governing: Provision, governing_day: dt.date, later: Contested, subject: str,
                    decided: dt.date) -> Message:
    """The note on a later law that differs from the governing one only between its mildest and
    heaviest punishment (:attr:`~kzspeechlaw.reasoning.leniency.Leniency.UNWEIGHED`): what differs,
    and that whether it is milder is not weighed."""
    old, new = _alternatives(governing, subject, governing_day), _alternatives(later.version, subject, later.day)
    changes: list[Message] = []
    for s in new:
        same_kind = [o for o in old if o.kind is s.kind]
        if not same_kind:
            changes.append(Message("adds {sanction}", sanction=s.describe()))
        elif s not in old:
            changes.append(Message("{old} becomes {new}", old=join((o.describe() for o in same_kind), "; "),
                                   new=s.describe()))
    changes += (Message("removes {sanction}", sanction=o.describe()) for o in old
                if not any(s.kind is o.kind for s in new))
    rule, source = retro_rule(later.version.regime, decided)
    if not source:  # a rule not modelled (the 1997 Code's general part)
        return Message("Under {law}, the mildest and the heaviest punishment are the same as under the law applied "
                       "so far, but what lies between them differs ({changes}). Whether that makes it milder is not "
                       "weighed here: the law applied so far is kept, and a sentence is checked against both.",
                       law=later.name, changes=join(changes, "; "))
    return Message("Under {law}, the mildest and the heaviest punishment are the same as under the law applied so far, "
                   "but what lies between them differs ({changes}). Whether that makes it milder ({rule}) is not "
                   "weighed here: the law applied so far is kept, and a sentence is checked against both.",
                   law=later.name, changes=join(changes, "; "), rule=rule)


def _law_name(later: Provision, day: dt.date, general_only: bool) -> Message:
    """A later law in words: its version, or the general part that changed with the version it
    governs with."""
    if general_only:
        return Message("the law of {day} (the general part as amended by {laws}, with {ref} from {start})", day=day,
                       laws=_general_changes(day), ref=str(later.ref), start=later.valid_from)
    return Message("the law of {day} ({ref} from {start}, Law {act})", day=day, ref=str(later.ref),
                   start=later.valid_from, act=later.act)


_ROUTES = Memo(maxsize=16384)


def _excludes(v: Provision, incident: Incident) -> bool:
    """Whether a later version of the part the act fell under no longer covers its facts: a clause
    of its elements that none of the facts meets, though the facts state each of its fields (a field
    left unstated is not taken to exclude it, nor is a clause naming a circumstance, which the facts
    may not list)."""
    facts = incident.facts
    stated = {fact.partition(":")[0] for fact in facts}
    for clause in v.elements:
        fields = {option.partition(":")[0] for option in clause}
        if facts.isdisjoint(clause) and "circumstance" not in fields and fields <= stated:
            return True
    return False


def _narrowed_route(first: Provision, narrowed: Provision, incident: Incident, decided: dt.date,
                    steps: tuple[Step, ...]) -> Route:
    """The route where a later wording of the part (``narrowed``, in force by the decision) no longer
    covers the facts: liability for the act is removed, and the change reaches earlier acts (CC 2014
    Art. 6(1); AOC 2014 Art. 5(1)), as a repeal does; outside the modelled scope where the scope
    register names the later wording as not modelled for such facts (whether it still reaches them
    was not read: AOC 2014 Art. 451(4)-(5) «в масс-медиа»)."""
    retro = retro_rule(first.regime, decided)
    elements = join((join(clause, " or ") for clause in narrowed.elements), "; ")
    unread = scope.unmodelled_on(incident, narrowed.valid_from)
    if unread:
        step = Step(Message("{ref} as worded by Law {act} from {day}, before the decision, does not cover these facts "
                            "as the data reads it (its elements: {elements}), but whether it still reaches them was "
                            "not read", ref=str(first.ref), act=narrowed.act, day=narrowed.valid_from,
                            elements=elements),
                    *retro)
        note = Message("{ref} as worded from {day} (Law {act}) may no longer cover these facts, but whether it does "
                       "was not read: {why}. If it does not, liability is removed retroactively ({rule}); the library "
                       "gives no answer.", ref=str(first.ref), day=narrowed.valid_from, act=narrowed.act,
                       why=join((scope.describe(e) for e in unread), "; "), rule=retro[0])
        boundary = ((narrowed.act, narrowed.valid_from),)
        return Route(None, Outcome.OUTSIDE_SCOPE, (*steps, step), (note,), boundary, ())
    step = Step(Message("{ref} as worded by Law {act} from {day}, before the decision, no longer covers these facts "
                        "(its elements: {elements}): liability for the act is removed, and the change reaches earlier "
                        "acts", ref=str(first.ref), act=narrowed.act, day=narrowed.valid_from, elements=elements),
                *retro)
    note = Message("{ref} as worded from {day} (Law {act}) no longer covers these facts; liability is removed "
                   "retroactively ({rule}).", ref=str(first.ref), day=narrowed.valid_from, act=narrowed.act,
                   rule=retro[0])
    outcome = Outcome.DECRIMINALISED if first.regime is Regime.CRIMINAL else Outcome.NO_PROVISION
    return Route(None, outcome, (*steps, step), (note,), ((narrowed.act, narrowed.valid_from),), ())


def find(matches: tuple[Match, ...], incident: Incident, decided: dt.date) -> Route:
    """Removal of liability (CC Art. 6(1); AOC Art. 5(1)) and lex mitior among the versions from
    the act to the decision. Remembered: it depends on the decision date only through the versions
    and general-part rules in force on it, and on the incident through its classification and its
    facts (the part of a new code, a continuing or a surviving part, each found from the facts), and
    on both dates only through the days a version or a general-part rule changes or a code starts
    or ends (:func:`_route_index`)."""
    subject = incident.offender.value
    period = _route_index().interval
    key = (matches, subject, period(decided), period(incident.act_date), incident.conduct, incident.facts)

    def make() -> Route:
        first = matches[0].provision
        steps: list[Step] = []
        notes: list[str] = []
        repeals: list[tuple[str | None, dt.date | None]] = []
        general_moves: list[tuple[str | None, dt.date | None]] = []
        versions = (first, *_later_versions(first, decided))
        narrowed = next((v for v in versions[1:] if _excludes(v, incident)), None)
        if narrowed is not None:  # a later wording no longer covers the facts: as a repeal from its first day
            versions = versions[:versions.index(narrowed)]
        last = versions[-1]
        covered = _covered(matches)  # the parts that reach the act and may survive a repeal (_survivors)
        replaced_on: dt.date | None = None  # the day a new code took over, where it did before the decision
        code_end = law().codes[first.ref.code].valid_to
        if last.valid_to is not None and last.valid_to <= decided and last.valid_to == code_end:
            # The code itself was replaced (CC 1997 by CC 2014 on 2015-01-01): the conduct stays
            # punishable if the new code covers the facts; compare under the new code's versions.
            heirs = [m for m in matching_parts(incident, on=last.valid_to)  # the new code's parts, not another code's
                     if m.provision.ref.code != first.ref.code and m.provision.regime is first.regime]
            if heirs:
                heir = heirs[0].provision
                steps.append(Step(
                    Message("{regime} code {code} was replaced on {day}; the facts fall under {ref} of the new code: "
                            "{reasons}", regime=_REGIME_WORDS[first.regime.value], code=first.ref.code,
                            day=last.valid_to, ref=str(heir.ref), reasons=join(heirs[0].reasons)),
                    cite(heir), heir.source))
                versions = (*versions, heir, *_later_versions(heir, decided))
                last = versions[-1]
                # The act stayed punishable under the new code from its first day: the parts of it the facts then
                # satisfied (the heir, and the general parts a special one displaced) reach the act as the old
                # code's did, and one of them still in force after a repeal of the heir keeps it punishable
                # (CC 2014 Art. 6(1) removes liability only where the act is no longer a crime).
                replaced_on = heir.valid_from
                covered = {**_covered(tuple(heirs)), **covered}
        seen = {last.ref}
        while (narrowed is None and last.valid_to is not None and last.valid_to <= decided
               and last.continued_by not in seen):
            # The repealing law restated the rule in another part the same day (continued_by): the
            # act stays punishable, and the continuing part's versions join the laws compared.
            continuing = _continuation(incident, last, decided)
            if not continuing:
                break
            heir = continuing[0]
            steps.append(_continuation_step(last, heir, decided))
            notes.append(Message("{ref} ceased to apply on {day} (Law {act}), which restated its rule in {heir} "
                                 "({title}) from the same day: the act stays punishable, under {ref} unless {heir} "
                                 "is milder as a whole.", ref=str(last.ref), day=last.valid_to, act=last.repealed_by,
                                 heir=str(heir.ref), title=heir.title))
            repeals.append((last.repealed_by, last.valid_to))
            seen.add(heir.ref)
            versions = (*versions, *continuing)
            last = versions[-1]
        if last.valid_to is not None and last.valid_to <= decided and narrowed is None:
            survivors = _survivors(covered, incident, last.valid_to, decided)
            if survivors:
                heir = survivors[0]
                from_replacement = replaced_on if str(heir.ref) not in _covered(matches) else None
                steps.append(_requalification_step(first, last, heir, covered[str(heir.ref)], from_replacement,
                                                   decided))
                notes.append(Message("{ref} ceased to apply on {day} (Law {act}), but the act has been {heir} "
                                     "({title}) since {start}, when its code replaced the one in force at the act, and "
                                     "remains so; it stays punishable under the milder of the laws.", ref=str(last.ref),
                                     day=last.valid_to, act=last.repealed_by, heir=str(heir.ref), title=heir.title,
                                     start=from_replacement)
                             if heir.regime is first.regime and from_replacement is not None else
                             Message("{ref} ceased to apply on {day} (Law {act}), but the act was and remains {heir} "
                                     "({title}); it stays punishable under the milder of the two.", ref=str(last.ref),
                                     day=last.valid_to, act=last.repealed_by, heir=str(heir.ref), title=heir.title)
                             if heir.regime is first.regime else
                             Message("{ref} ceased to apply on {day} (Law {act}): the act is no longer a crime, and "
                                     "criminal liability is removed (CC 2014 Art. 6(1)). The act is assessed under "
                                     "{heir} ({title}), an administrative offence whose elements it met when "
                                     "committed; whether administrative liability reaches an act that was then a "
                                     "crime is not settled by the texts (administrative liability arises only "
                                     "where the offence does not by its nature entail criminal liability, AOC "
                                     "2014 Art. 25(2), and a law establishing liability is not retroactive, "
                                     "Arts. 4(1), 5(2); Art. 62(6) allows administrative "
                                     "liability after a criminal case is terminated) and is not modelled: the "
                                     "administrative answer below holds only if it does. Where a criminal case over "
                                     "the act was terminated, administrative liability may be imposed no later than "
                                     "three months from the day the decision to terminate it was received (AOC 2014 "
                                     "Art. 62(6)): not modelled, and the limitation period below does not count it.",
                                     ref=str(last.ref), day=last.valid_to, act=last.repealed_by, heir=str(heir.ref),
                                     title=heir.title))
                repeals.append((last.repealed_by, last.valid_to))
                versions = (*versions, *survivors)
                last = versions[-1]
        if narrowed is not None:
            return _narrowed_route(first, narrowed, incident, decided, tuple(steps))
        if last.valid_to is not None and last.valid_to <= decided:
            repealed = last.repealed_by or "the end of the code"
            what = "decriminalised" if first.regime is Regime.CRIMINAL else "abolished"
            retro = retro_rule(first.regime, decided)
            steps.append(Step(
                Message("{ref} was repealed by Law {act} from {day}, before the decision: the act is decriminalised, "
                        "and the repeal reaches earlier acts", ref=str(last.ref), act=repealed, day=last.valid_to)
                if what == "decriminalised" else
                Message("{ref} was repealed by Law {act} from {day}, before the decision: the act is abolished, and "
                        "the repeal reaches earlier acts", ref=str(last.ref), act=repealed, day=last.valid_to),
                *retro))
            notes.append(Message("{ref} ceased to apply on {day} (Law {act}); liability is removed retroactively "
                                 "({rule}).", ref=str(last.ref), day=last.valid_to, act=repealed, rule=retro[0]))
            meets = last.successor is not None and any(
                m.provision.ref == last.successor or any(ref == str(last.successor) for ref, _ in m.set_aside)
                for m in matching_parts(incident, on=last.valid_to))
            closing = () if last.successor is None else (Message(
                "The conduct is now {successor}, which does not reach acts committed before {day}: the law of the "
                "act's time applies and a law establishing liability is not retroactive (AOC 2014 Arts. 4, 5(2)).",
                successor=str(last.successor), day=last.valid_to) if meets else Message(
                "The rule continues in {successor} only as far as its elements reach, and the facts given do not meet "
                "them; it would not reach acts committed before {day} either: the law of the act's time applies and a "
                "law establishing liability is not retroactive (AOC 2014 Arts. 4, 5(2)).",
                successor=str(last.successor), day=last.valid_to),)
            outcome = Outcome.DECRIMINALISED if first.regime is Regime.CRIMINAL else Outcome.NO_PROVISION
            return Route(None, outcome, tuple(steps), tuple(notes), ((last.repealed_by, last.valid_to),), closing)

        # general_day: the day whose general part governs; None while it is the act's own (the
        # route is shared by acts of one period of the general part, so no act date is written).
        governing, general_day = first, None
        contested: list[Contested] = []  # left to the court (Route.contested)
        laws = _laws(versions, incident.act_date, decided)
        for (before, before_day), (later, day) in itertools.pairwise(laws):
            general_only = later is before
            if general_only and effective(later, subject, day) == effective(later, subject, before_day):
                continue  # the general part changed nothing that this part's sanctions depend on
            verdict = _whole_leniency(governing, general_day or incident.act_date, later, day, subject)
            how = _VERDICT_WORDS.get(verdict.value, verdict.value.replace("_", " "))
            if general_only:
                general_moves += [(act, day) for act in _general_acts(day)]
                said = Message("The general part as amended from {day} ({laws}), with the version of {ref} from "
                               "{start}, is {verdict} as a whole", day=day, laws=_general_changes(day),
                               ref=str(later.ref), start=later.valid_from, verdict=how)
            else:
                same_general = effective(later, subject, day) == effective(
                    later, subject, general_day or incident.act_date)
                said = (Message("{ref} (the version from {start}, Law {act}) is an administrative offence: the act "
                                "is no longer a crime, which is {verdict}", ref=str(later.ref), start=later.valid_from,
                                act=later.act, verdict=how)
                        if later.regime is not governing.regime else
                        Message("The version of {ref} from {start} (Law {act}) is {verdict}", ref=str(later.ref),
                                start=later.valid_from, act=later.act, verdict=how) if same_general
                        else Message("The version of {ref} from {start} (Law {act}), with the general part in force "
                                     "on {day}, is {verdict}", ref=str(later.ref), start=later.valid_from,
                                     act=later.act, day=day, verdict=how))
            if verdict is leniency.Leniency.MORE_LENIENT:
                steps.append(Step(Message("{said}: it applies retroactively", said=said),
                                  *retro_rule(first.regime, decided)))
                governing, general_day = later, (None if day == incident.act_date else day)
                contested = []  # compared with the law applied before
            elif verdict is leniency.Leniency.MIXED:
                steps.append(Step(Message("{said}: the law applied so far stays", said=said),
                                  *time_rule(first.regime, decided)))
                notes.append(Message("The law of {day} ({ref} from {start} with the general part then in force) is "
                                     "milder in some respects and harsher in others; the court compares them on the "
                                     "facts (CC 2014 Art. 6).", day=day, ref=str(later.ref), start=later.valid_from))
                contested.append(Contested(later, day, verdict, _law_name(later, day, general_only)))
            else:
                steps.append(Step(Message("{said}: the law applied so far stays", said=said),
                                  *time_rule(first.regime, decided)))
                if verdict is leniency.Leniency.UNWEIGHED:
                    contested.append(Contested(later, day, verdict, _law_name(later, day, general_only)))
        if len(laws) > 1:
            steps.append(_governing_law_step(first, governing, general_day, decided))
        contested = _distinct(contested, subject)
        notes += (_unweighed_note(governing, general_day or incident.act_date, c, subject, decided)
                  for c in contested if c.verdict is leniency.Leniency.UNWEIGHED)
        unverified = tuple(
            Message("The version of {ref} from {day} is not verified against the statute text: {notes}",
                    ref=str(v.ref), day=v.valid_from, notes=v.notes)
            for v in ((first,) if governing is first else (first, governing)) if not v.verified
        )
        boundaries = (*repeals, *general_moves, *((v.act, v.valid_from) for v in versions))
        return Route(governing, Outcome.LIABLE, tuple(steps), tuple(notes), boundaries, unverified, general_day,
                     tuple(contested))

    return _ROUTES.get(key, make)
