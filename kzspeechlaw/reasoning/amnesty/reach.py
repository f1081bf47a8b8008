"""Whether an amnesty law reaches an assessed act, by which rule, what excludes it, and which
conditions the facts leave open (:func:`findings`); :func:`releasing` picks the one that decides.

An amnesty law reaches acts committed before its entry into force (Law 01.07.2026 No. 329-VIII
Art. 4(1)) and releases from criminal liability, terminating the pending case, the persons who
committed offences of the categories it names (Art. 1(1), (3)), except the crimes and persons it
excludes (Art. 3). The person may object (Art. 4(5)); the bodies «принимают меры к обеспечению
исполнения» within six months (Art. 4(4)), which does not end the release: the Law stays in force
after that period.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from kzspeechlaw.i18n import N_, Message, join
from kzspeechlaw.law.amnesty_data import amnesties, decision_days, liability_bounds, reach_days
from kzspeechlaw.law.amnesty_laws import (
    CONDITIONS,
    DEFINED,
    EXCLUSIONS,
    STAGES,
    Amnesties,
    Amnesty,
    Definition,
    Exclusion,
    Release,
)
from kzspeechlaw.law.model import Category, Provision, Regime
from kzspeechlaw.law.timeline import Timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.terms import Cite

if TYPE_CHECKING:
    from kzspeechlaw.reasoning.classification import Match

_FACT_OF = {"damage_settled": "damage_settled", "social_category": "social_category",
            "socially_vulnerable": "social_category",
            "riot_connection": "riot_connection", "recidivism": "recidivist", "group": "criminal_group",
            "concurrence_grave": "concurrence_grave"}


@attrs.frozen(cache_hash=True)
class Facts:
    """Facts that settle an amnesty's conditions; ``None`` where not known. ``damage_settled`` and
    ``social_category`` are positive conditions of a release: unknown, they withhold it."""

    damage_settled: bool | None = None
    social_category: bool | None = None
    riot_connection: bool | None = None
    recidivist: bool | None = None
    objects: bool | None = None
    criminal_group: bool | None = None
    """The crime was committed by a criminal group (the incident's circumstance): the exclusion of
    crimes «в составе преступной группы, организованной группы ...» applies."""
    concurrence: bool | None = None
    """Other crimes are decided together (the incident's ``aggregate``); false where it is ``none`` or
    other administrative offences. Whether one of them falls outside the Law is never stated: true
    makes that exclusion a doubt that withholds the release."""
    concurrence_grave: bool | None = None
    """One of the crimes decided together is grave or especially grave (``aggregate``)."""


class Status(enum.StrEnum):
    """What an amnesty in force on the decision date does for the act."""

    RELEASED = "released"  # released from criminal liability (case terminated)
    MAY_REACH = "may_reach"  # the act is reached only if the Law entered into force later than assumed
    MAIN_PUNISHMENT = "main_punishment"  # released by the court from the main punishment only
    CONDITIONAL = "conditional"  # releases only on a condition the facts do not settle
    EXCLUDED = "excluded"  # the crime or the person is excluded
    NOT_COVERED = "not_covered"  # no release rule for this category or article
    REFUSED = "refused"  # the facts fail a condition, or the person objects


@attrs.frozen(cache_hash=True)
class Finding:
    """One amnesty reaching the act's date and code: its ``status``, the ``rule`` or ``exclusion``
    behind it, why, and the conditions left open. ``within_execution`` is false once the six
    months the bodies have to execute it have passed (the release still applies)."""

    amnesty: Amnesty
    status: Status
    rule: Release | None
    exclusion: Exclusion | None
    reason: str
    open_conditions: tuple[str, ...]
    within_execution: bool
    would: Status | None = None  # for ``may_reach``: what the Law does for the act if it reaches it

    @property
    def releases(self) -> bool:
        """True when this amnesty removes liability for the act on the decision date."""
        return self.status is Status.RELEASED



NO_FACTS = Facts()
"""No fact stated: every condition of a release and every exclusion about the person is open."""



def facts_of(incident: object) -> Facts:
    """The amnesty facts an incident states. Its ``harm_compensated`` (the harm was made good),
    where the incident has that field and it is true, settles that the damage was compensated
    (Law 329-VIII Art. 1(1)(2): «полностью его возместившие»); false leaves the condition open,
    since no damage may have been caused, or no civil claim filed. The circumstance
    ``criminal_group`` settles the exclusion of crimes of a criminal group (e.g. Law 329-VIII
    Art. 3(8)); ``aggregate`` the exclusions of a concurrence: ``none`` (or administrative offences
    alone) settles that there is none, a grave or especially grave one meets Law 521-IV Art. 5(3)
    («если одно из них является тяжким или особо тяжким»), and any other leaves open whether one of
    them falls outside the Law (Law 329-VIII Art. 3(10)), a doubt that withholds the release."""
    return _facts(getattr(incident, "harm_compensated", None) is True,
                  "criminal_group" in getattr(incident, "circumstances", ()),
                  getattr(getattr(incident, "aggregate", None), "value", None))


@functools.lru_cache(maxsize=64)
def _facts(damage_settled: bool, criminal_group: bool, value: str | None) -> Facts:
    """:func:`facts_of` from what it reads (one object for each of the few combinations)."""
    damage = True if damage_settled else None
    group = True if criminal_group else None
    if value is None:
        concurrence = grave = None
    elif value in ("none", "administrative_offence"):
        concurrence = grave = False
    else:
        concurrence, grave = True, value in ("grave", "especially_grave")
    found = Facts(damage_settled=damage, criminal_group=group, concurrence=concurrence, concurrence_grave=grave)
    return NO_FACTS if found == NO_FACTS else found


def findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts | None = None,
             data: Amnesties | None = None, committed: Provision | None = None) -> tuple[Finding, ...]:
    """What each amnesty in force on ``decided_on`` that reaches an act of ``act_date`` under
    ``p``'s code does for it, oldest first; an act just after an unread cut-off gets a
    ``may_reach`` finding (:meth:`Amnesty.may_reach`). ``p`` is the provision that governs the act
    (its category decides the release rule); an amnesty of another code only, ``committed``'s (the
    part the act fell under when committed, where a later code governs it: :func:`committed_part`),
    is weighed under that part: a later, milder code cannot undo the release (Law 521-IV reaches acts
    under the 1997 Code that the 2014 Code governs when decided). Only criminal provisions: the
    administrative chapter concerns fines already imposed (:func:`administrative_release`).
    Remembered for the shipped data: the answer depends on the dates only through the amnesties'
    dates."""
    if p.regime is not Regime.CRIMINAL:
        return ()
    facts = facts if facts is not None else NO_FACTS
    if data is None:
        return _FINDINGS.get(_key(p, act_date, decided_on, facts, committed),
                             lambda: _findings(p, act_date, decided_on, facts, amnesties(), committed))
    return _findings(p, act_date, decided_on, facts, data, committed)


def committed_part(matches: Sequence[Match], governing: Provision | None) -> Provision | None:
    """The part the act fell under when committed (the first of ``matches``), where a part of another
    code governs it: the amnesties of that code alone weigh the act under it (:func:`findings`)."""
    first = matches[0].provision if matches else None
    if first is None or governing is None or first.ref.code == governing.ref.code:
        return None
    return first


def released(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts | None = None,
             committed: Provision | None = None) -> bool:
    """``releasing(findings(p, act_date, decided_on, facts, committed=committed)) is not None``,
    remembered: the fast path for callers that need only the outcome."""
    first, last = liability_bounds()
    if decided_on < first or act_date >= last or p.regime is not Regime.CRIMINAL:
        return False  # before the first amnesty's entry into force, or after the last cut-off
    facts = facts if facts is not None else NO_FACTS
    return _RELEASED.get(_key(p, act_date, decided_on, facts, committed),
                         lambda: releasing(findings(p, act_date, decided_on, facts, committed=committed)) is not None)


_FINDINGS = Memo(maxsize=16384)
_RELEASED = Memo(maxsize=16384)


def _key(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts,
         committed: Provision | None) -> tuple[Provision, int, int, bool, Facts, Provision | None]:
    """What :func:`findings` depends on: the dates only through the amnesties' days (the act date's
    interval among :func:`kzspeechlaw.law.amnesty_data.reach_days`, the decision date's among
    :func:`~kzspeechlaw.law.amnesty_data.decision_days`) and whether the decision is after the act."""
    acts, decisions = _indices()
    return p, acts.interval(act_date), decisions.interval(decided_on), decided_on > act_date, facts, committed


@functools.cache
def _indices() -> tuple[Timeline, Timeline]:
    """The amnesties' days an act date is compared with, and those a decision date is (:func:`_key`)."""
    return Timeline(reach_days()), Timeline(decision_days())


def _findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts,
              data: Amnesties, committed: Provision | None = None) -> tuple[Finding, ...]:
    found = []
    for a in data.laws:
        part = p if p.ref.code in a.codes else committed if committed is not None and committed.ref.code in a.codes \
            else None
        if a.in_force > decided_on or part is None:
            continue
        if a.reaches_date(act_date):
            found.append(_finding(a, part, decided_on, facts, data.definitions))
        elif a.may_reach(act_date) and act_date < decided_on:
            # The Law reaches the act only if it entered into force after it (and by the decision).
            f = _finding(a, part, decided_on, facts, data.definitions)
            found.append(attrs.evolve(f, status=Status.MAY_REACH, would=f.status))
    return tuple(found)


def later_findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts | None = None,
                   committed: Provision | None = None) -> tuple[Finding, ...]:
    """What each amnesty law entering into force after ``decided_on`` (at its earliest possible
    day), and reaching an act of ``act_date``, does for the act weighed on that day: for a person
    convicted on ``decided_on``, such a Law releases from the main punishment still to be served
    (:attr:`Amnesty.convicted_article`: Law 329-VIII Art. 1(5)), not one served (Art. 3(9)). Only
    the Laws that have that item; criminal provisions only. The items of a list about persons
    convicted («осужденных», 81-VII Art. 4(13)) reach the person convicted."""
    if p.regime is not Regime.CRIMINAL:
        return ()
    facts = facts if facts is not None else NO_FACTS
    return _LATER.get(_key(p, act_date, decided_on, facts, committed),
                      lambda: _later_findings(p, act_date, decided_on, facts, committed))


_LATER = Memo(maxsize=16384)


def _later_findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts,
                    committed: Provision | None) -> tuple[Finding, ...]:
    data = amnesties()
    found = []
    for a in data.laws:
        part = p if p.ref.code in a.codes else committed if committed is not None and committed.ref.code in a.codes \
            else None
        if a.convicted_article is not None and a.in_force > decided_on and part is not None \
                and a.reaches_date(act_date):
            # the person is convicted: the items about persons convicted («осужденных») reach him
            convicted = attrs.evolve(a, exclusions=tuple(attrs.evolve(ex, convicted_only=False)
                                                         for ex in a.exclusions))
            found.append(attrs.evolve(_finding(convicted, part, a.in_force, facts, data.definitions), amnesty=a))
    return tuple(found)


def releasing(found: Iterable[Finding]) -> Finding | None:
    """The amnesty that removes liability on the decision date (the first in force), if any."""
    return next((f for f in found if f.releases), None)


def _cite(article: str) -> Cite:
    """An article of the Law (its paragraphs «пункт», «тармақ») as a value of a message."""
    return Cite(article, law=True)


def _not_covered(a: Amnesty, p: Provision) -> str:
    """Why no release rule of ``a`` covers ``p``: its code, its category or the article lists."""
    rules = [r for r in a.releases if r.stage == "liability"]
    if not any(p.ref.code in r.codes for r in rules):
        return Message("the Law releases from liability no offence of {code}", code=p.ref.code)
    listing = [r for r in rules if p.ref.code in r.codes and p.category in r.categories]
    if listing:  # the category fits: an inclusion list leaves the article out
        return Message("{ref} is not among the articles that {articles} of the Law name: it releases only the "
                       "offences it lists", ref=str(p.ref), articles=_cite(", ".join(r.article for r in listing)))
    named = sorted({c for r in rules for c in r.categories}, key=lambda c: c.value.replace("_", " "))
    return Message("{ref} ({kind}) is not of a category the Law releases from liability ({named})", ref=str(p.ref),
                   kind=p.category, named=join(named, ", ") if named else N_("none"))


def _finding(a: Amnesty, p: Provision, decided: dt.date, facts: Facts,
             definitions: Mapping[tuple[str, str], Definition]) -> Finding:
    ends = a.execution_ends
    within = ends is None or decided <= ends

    def make(status: Status, rule: Release | None, exclusion: Exclusion | None, reason: str,
             open_conditions: Iterable[str] = ()) -> Finding:
        return Finding(a, status, rule, exclusion, reason, tuple(open_conditions), within)

    code = p.ref.code
    signs = definitions.get(("extremism_signs", code))
    signs_item = next((ex for ex in a.exclusions if ex.kind == "extremism_signs"), None)
    open_conditions: list[str] = []  # exclusions presumed absent, stated
    doubtful: list[str] = []  # exclusions that may well apply: they withhold the release
    undecided: Exclusion | None = None
    for ex in a.exclusions:
        what = EXCLUSIONS[ex.kind]
        if ex.kind in DEFINED:
            definition = definitions.get((ex.kind, code))
            if ex.kind == "extremist" and p.extremist:
                return make(Status.EXCLUDED, None, ex, Message("{ref} is {what} ({article})", ref=str(p.ref),
                                                               what=what, article=_cite(ex.article)))
            if definition is not None:
                if definition.covers(p.ref):
                    return make(Status.EXCLUDED, None, ex, Message("{ref} is {what} ({article})", ref=str(p.ref),
                                                                   what=what,
                                                                   article=_cite(f"{definition.article}; "
                                                                                 f"{ex.article}")))
            elif ex.kind == "extremist" and signs is not None:
                # The 1997 Code defines no extremist crimes, only crimes containing signs of extremism.
                named = signs.covers(p.ref)
                if named and signs_item is not None:
                    return make(Status.EXCLUDED, None, signs_item,
                                Message("{ref} is {what} ({article})", ref=str(p.ref),
                                        what=EXCLUSIONS["extremism_signs"],
                                        article=_cite(f"{signs.article}; {signs_item.article}")))
                if named:
                    doubtful.append(Message("{ref}, which {signs} counts among the crimes containing signs of "
                                            "extremism, is not {what} ({article}; {code} defines no extremist crimes)",
                                            ref=str(p.ref), signs=_cite(signs.article), what=what,
                                            article=_cite(ex.article), code=code))
                elif signs_item is None:
                    open_conditions.append(Message("the act is not {what} ({article}; {code} defines no extremist "
                                                   "crimes, and {signs} does not count {ref} among the crimes "
                                                   "containing signs of extremism)", what=what,
                                                   article=_cite(ex.article), code=code, signs=_cite(signs.article),
                                                   ref=str(p.ref)))
            else:
                open_conditions.append(Message("the act is not {what} ({article}; the {code} definition is not "
                                               "modelled)", what=what, article=_cite(ex.article), code=code))
        elif ex.refs:
            if ex.names(p.ref):
                if ex.convicted_only:  # a case still pending may not be meant: it withholds the release
                    doubtful.append(Message("the item on {what} ({article}) does not reach this act: it speaks of "
                                            "{whom}", what=what, article=_cite(ex.article),
                                            whom=N_("persons convicted («осужденных»)")))
                    continue
                return make(Status.EXCLUDED, None, ex, Message("{article} names {ref} ({what})",
                                                               article=_cite(ex.article), ref=str(p.ref), what=what))
            if ex.undecided(p.ref):
                undecided = ex
        elif ex.kind == "extremism_signs":
            if signs is None and any(r.contains(p.ref) for r in ex.doubtful):
                doubtful.append(Message("the act contains no signs of extremism ({article}), which {ref}, an offence "
                                        "about extremist materials, may well be taken to contain ({code} defines no "
                                        "crimes containing signs of extremism)", article=_cite(ex.article),
                                        ref=str(p.ref), code=code))
            elif signs is None:
                open_conditions.append(Message("the act contains no signs of extremism ({article})",
                                               article=_cite(ex.article)))
            elif signs.covers(p.ref):
                return make(Status.EXCLUDED, None, ex, Message("{ref} is {what} ({article})", ref=str(p.ref),
                                                               what=what,
                                                               article=_cite(f"{signs.article}; {ex.article}")))
        elif ex.kind == "concurrence" and facts.concurrence is not None:
            if facts.concurrence:  # other crimes decided together: whether one falls outside the Law is open
                doubtful.append(Message("none of the other crimes decided together falls outside the Law ({article})",
                                        article=_cite(ex.article)))
        elif ex.kind == "group" and facts.criminal_group and (
                ex.convicted_only or p.category is Category.CRIMINAL_MISDEMEANOUR):
            # the item speaks of crimes («преступления»), or of persons convicted: a misdemeanour, or a
            # case still pending, may not be meant
            doubtful.append(Message("the item on {what} ({article}) does not reach this act: it speaks of {whom}",
                                    what=what, article=_cite(ex.article),
                                    whom=N_("persons convicted («осужденных»)") if ex.convicted_only
                                    else N_("crimes («преступления»), and the act is a criminal misdemeanour")))
        else:
            fact = getattr(facts, _FACT_OF[ex.kind]) if ex.kind in _FACT_OF else None
            if fact is True:
                return make(Status.EXCLUDED, None, ex, Message("{what} ({article})", what=what,
                                                               article=_cite(ex.article)))
            if fact is None:
                open_conditions.append(
                    Message("not excluded as {what} ({article}, an item about persons convicted)", what=what,
                            article=_cite(ex.article)) if ex.convicted_only else
                    Message("not excluded as {what} ({article})", what=what, article=_cite(ex.article)))
    if a.objection_article is not None:
        if facts.objects:
            return make(Status.REFUSED, None, None, Message("the person objects ({article})",
                                                            article=_cite(a.objection_article)))
        if facts.objects is None:
            open_conditions.append(Message("the person (or legal representative) does not object ({article})",
                                           article=_cite(a.objection_article)))

    return _by_rules(a, p, facts, make, open_conditions, doubtful, undecided)


def _by_rules(a: Amnesty, p: Provision, facts: Facts, make: Callable[..., Finding], open_conditions: list[str],
              doubtful: list[str], undecided: Exclusion | None) -> Finding:
    """The finding from ``a``'s release rules, once no exclusion decided. A condition of a rule
    is a positive fact (no damage or damage compensated, a social category): unknown, it withholds
    the release, which is then stated as conditional, never presumed."""
    rules = [r for r in a.releases if r.stage == "liability" and r.covers(p)]
    if not rules:
        return make(Status.NOT_COVERED, None, None, _not_covered(a, p))
    failed: list[str] = []
    alternatives: list[tuple[Release, list[str]]] = []
    for rule in rules:
        withheld: list[str] = []
        met: list[str] = []
        for c in rule.conditions:
            fact = getattr(facts, _FACT_OF[c]) if c in _FACT_OF else None
            if fact is False:
                failed.append(Message("{condition} ({article}): the facts say not", condition=CONDITIONS[c],
                                      article=_cite(rule.article)))
                break
            (met if fact else withheld).append(CONDITIONS[c])
        else:
            if withheld:
                alternatives.append((rule, withheld))
                continue
            stated = Message(" ({met}, as the facts state)", met=join(met, "; ")) if met else ""
            if not p.verified and not rule.articles:
                # The release rests on the category, and the wording that sets it was not read.
                doubtful = [*doubtful, Message("the wording of {ref} in force on the act date, not read, makes it "
                                               "{kind} as the wording last read does", ref=str(p.ref),
                                               kind=p.category)]
            if doubtful:
                return make(Status.CONDITIONAL, rule, None,
                            Message("{article} if {doubts}", article=_cite(rule.article), doubts=join(doubtful, "; ")),
                            open_conditions)
            if undecided is not None:
                return make(Status.CONDITIONAL, rule, undecided,
                            Message("{article} is shortened in the text read: whether it names {ref} was not checked",
                                    article=_cite(undecided.article), ref=str(p.ref)), open_conditions)
            mandatory = any(not s.optional for s in p.additional)
            court = next((r for r in a.releases if r.stage == "main_punishment" and r.covers(p)), None)
            if mandatory and court is not None:
                return make(Status.MAIN_PUNISHMENT, court, None,
                            Message("{ref} carries a mandatory additional punishment: the court releases from the "
                                    "main punishment only ({article}){stated}", ref=str(p.ref),
                                    article=_cite(court.article), stated=stated), open_conditions)
            return make(Status.RELEASED, rule, None,
                        Message("{article}: {stage}{stated}", article=_cite(rule.article), stage=STAGES[rule.stage],
                                stated=stated), open_conditions)
    if alternatives:
        also = [*doubtful]
        if undecided is not None:
            also.append(Message("{article}, shortened in the text read, does not name {ref}",
                                article=_cite(undecided.article), ref=str(p.ref)))
        return make(Status.CONDITIONAL, alternatives[0][0], None,
                    join((Message("{article} if {conditions}", article=_cite(rule.article),
                                  conditions=join(w, "; ")) for rule, w in alternatives), N_("; or ")),
                    [*also, *open_conditions])
    return make(Status.REFUSED, rules[0], None, join(failed, "; "))

