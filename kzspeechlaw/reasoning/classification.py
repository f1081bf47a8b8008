"""Facts to provisions: the parts whose elements an incident satisfies, most specific first.

A part matches when every clause of its elements holds (a clause holds when the incident has any
one of its facts). Among the matches, a qualified part absorbs the basic parts it names
(``absorbs``) and a special article displaces the general one (``displaces``): both relations are
data. Each match says which fact satisfied which element, and which rivals it set aside. A crime
the facts decide sets the administrative parts aside: liability under the AOC's Special Part arises
only where the offence «по своему характеру не влекут за собой ... уголовной ответственности» (AOC
2014 Art. 25(2)).

Facts that do not decide. Some element fields may be left unstated by an incident
(:data:`kzspeechlaw.law.facts.DECIDING`): the link to the target's duties (CC 2014 Arts. 376, 378,
410, 411; CC 1997 Arts. 319, 320, 342, 343) and the knowledge and danger of false information
(CC 2014 Art. 274, CC 1997 Art. 242-1). A part whose every unmet clause could be met by such an
unstated fact is returned as a candidate with ``undecided_by`` naming the fields; it sets aside no
rival that holds without it (the general article stays, since the fact may be missing), and it
comes after the matches the stated facts establish. Stating the fact decides: the special part
displaces the general one, or drops out.

>>> import datetime as dt
>>> from kzspeechlaw.reasoning.incident import Incident, check_incident
>>> post = Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network")
>>> [str(m.provision.ref) for m in classify(post)]
['CC2014 130(2)']
>>> classify(post)[0].set_aside
(('CC2014 130(1)', 'absorbed by the qualified part CC2014 130(2)'),)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable
from typing import NamedTuple

import attrs

from kzspeechlaw.dates import as_date
from kzspeechlaw.errors import OutOfCoverage
from kzspeechlaw.i18n import OR, Message, join
from kzspeechlaw.law.coverage_report import warn_if_stale
from kzspeechlaw.law.facts import DECIDING, Conduct
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision, Regime
from kzspeechlaw.law.timeline import timeline
from kzspeechlaw.reasoning.incident import Incident, check_incident


@attrs.frozen(cache_hash=True)
class Match:
    """A provision the facts satisfy, with the reasons and the rivals it set aside.

    ``undecided_by`` names the element fields (of :data:`~kzspeechlaw.law.facts.DECIDING`) that the
    part also requires and the incident does not state: empty for a match the facts establish.
    """

    provision: Provision
    reasons: tuple[str, ...]
    set_aside: tuple[tuple[str, str], ...] = ()
    undecided_by: tuple[str, ...] = ()


@functools.cache
def _by_conduct() -> dict[str, tuple[Provision, ...]]:
    """Every version, indexed by the conduct facts its elements accept (each part names one)."""
    index: dict[str, list[Provision]] = {}
    for versions in law().versions.values():
        for version in versions:
            conducts = {f for clause in version.elements for f in clause if f.startswith("conduct:")}
            for fact in conducts or {"*"}:
                index.setdefault(fact, []).append(version)
    return {k: tuple(v) for k, v in index.items()}


def holds(clauses: Iterable[Collection[str]], facts: frozenset[str]) -> bool:
    """Whether ``facts`` meet every clause of a part's elements (any one fact of each clause)."""
    return all(not facts.isdisjoint(clause) for clause in clauses)


class _Candidate(NamedTuple):
    """A version and its elements as sets of facts (a clause holds when it meets the incident's facts)."""

    version: Provision
    clauses: tuple[frozenset[str], ...]

    def satisfied_by(self, facts: frozenset[str]) -> bool:
        return holds(self.clauses, facts)

    def open_fields(self, facts: frozenset[str], unstated: frozenset[str]) -> tuple[str, ...] | None:
        """The unstated deciding fields that could meet the clauses ``facts`` do not meet, or ``None``
        when some unmet clause has no fact in them (the part does not apply)."""
        fields: set[str] = set()
        for clause in self.clauses:
            if clause.isdisjoint(facts):
                clause_fields = {fact.partition(":")[0] for fact in clause} & unstated
                if not clause_fields:
                    return None
                fields |= clause_fields
        return tuple(sorted(fields))


@functools.cache
def _candidates(conduct: str) -> tuple[_Candidate, ...]:
    """The versions an act of ``conduct`` may fall under, in :func:`_by_conduct` order."""
    index = _by_conduct()
    versions = index.get(f"conduct:{conduct}", ()) + index.get("*", ())
    return tuple(_Candidate(v, tuple(frozenset(clause) for clause in v.elements)) for v in versions)


READ_AS: dict[Conduct, tuple[Conduct, ...]] = {Conduct.ENCROACHMENT_ON_HONOUR: (Conduct.SLANDER, Conduct.INSULT)}
"""The conducts an act of another conduct is also assessed as, each answer in a note of its whole
assessment: an «иное посягательство на честь и достоинство» no modelled part covers, as a slander
and as an insult (:func:`~kzspeechlaw.reasoning.explanation.encroachment_note`)."""


def read_as(conduct: str) -> tuple[str, ...]:
    """``conduct`` and every conduct an act of it is also assessed as (:data:`READ_AS`, and theirs):
    the versions and scope entries of each bear on its answers (the batch keys its dates by them:
    :func:`kzspeechlaw.registers.keys.act_index`)."""
    found = [str(conduct)]
    for value in found:
        try:
            more = READ_AS.get(Conduct(value), ())
        except ValueError:  # not a conduct of the vocabulary: read as itself alone
            continue
        found += [c.value for c in more if c.value not in found]
    return tuple(found)


@functools.cache
def reachable(conduct: str) -> tuple[Provision, ...]:
    """Every version the reasoning may read for an act of ``conduct``: each version of each part
    it may fall under (:func:`_candidates`), and of each part those name, again and again (the
    qualified part's basic ones, ``absorbs``; the general article a special one displaces; the
    ``successor`` and ``continued_by`` a repeal names). The reasoning reaches a version only from
    the act's matches and these names (:mod:`kzspeechlaw.reasoning.route`, the limitation's
    ``_version_on``), from a part whose elements name the conduct (whether any modelled part
    deals with it: :func:`kzspeechlaw.law.scope.outside`), or, for the kinds of penalty an
    expedited payment weighs, from the other parts of their articles
    (:func:`kzspeechlaw.reasoning.sentencing.ranges.article_versions`): the batch keys an act's
    dates by these versions' days, with those parts' and those of the conducts it is also assessed
    as (:func:`kzspeechlaw.registers.keys.conduct_maps`)."""
    versions = law().versions
    refs = {c.version.ref for c in _candidates(conduct)}
    todo = list(refs)
    while todo:
        for version in versions.get(todo.pop(), ()):
            for named in (*version.absorbs, *version.displaces, version.successor, version.continued_by):
                if named is None:
                    continue
                for ref in (r for r in versions if named.contains(r) and r not in refs):  # an article: its parts
                    refs.add(ref)
                    todo.append(ref)
    return tuple(v for ref in sorted(refs, key=lambda r: r.sort_key()) for v in versions[ref])


@functools.lru_cache(maxsize=4096)
def _in_force(conduct: str, interval: int) -> tuple[_Candidate, ...]:
    """The candidates for ``conduct`` in force through ``interval`` of the time index."""
    day = timeline().start(interval)
    return tuple(c for c in _candidates(conduct) if c.version.in_force_on(day))


def _reasons(provision: Provision, facts: frozenset[str], open_fields: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    reasons = []
    for clause in provision.elements:
        hit = next((fact for fact in clause if fact in facts), None)
        if hit is None:
            if any(fact.partition(":")[0] in open_fields for fact in clause):
                reasons.append(Message("not stated: the element ({clause}) decides", clause=join(clause, OR)))
                continue
            return None
        reasons.append(
            Message("{fact} satisfies the element ({clause})", fact=hit, clause=join(clause, OR)) if len(clause) > 1
            else Message("{fact} satisfies the element {element}", fact=hit, element=hit)
        )
    return tuple(reasons)


def classify(incident: Incident, on: dt.date | str | None = None) -> tuple[Match, ...]:
    """The parts in force on ``on`` (default: the act date) whose elements the facts satisfy.

    Most specific first (most elements, then citation order), the parts the facts do not decide
    last (``undecided_by``); parts absorbed or displaced by another match are left out and named in
    that match's ``set_aside``. No match means no *modelled* part: :func:`~kzspeechlaw.assess` says
    whether the facts fall outside the modelled scope. A day before the first code of the data
    (1998-01-01) raises :class:`~kzspeechlaw.OutOfCoverage` (the law then in force is not modelled:
    no answer, not an empty one); a day after a code's current-to date warns
    (:class:`~kzspeechlaw.StaleDataWarning`), as :func:`~kzspeechlaw.provision` does.
    """
    check_incident(incident)
    day = as_date(on, "on") if on is not None else incident.act_date
    first = min(code.valid_from for code in law().codes.values())
    if day < first:
        raise OutOfCoverage(Message("the data begins on {first}: the law in force on {day} is not modelled",
                                    first=first, day=day))
    found = matching_parts(incident, day)
    warn_if_stale(day, {m.provision.ref.code for m in found} or None)
    return found


def matching_parts(incident: Incident, on: dt.date | str | None = None) -> tuple[Match, ...]:
    """:func:`classify` for the reasoning: any day, no warning (an empty answer before the data
    begins; the callers say why)."""
    check_incident(incident)
    day = as_date(on, "on") if on is not None else incident.act_date
    conduct = incident.conduct  # a StrEnum member: it formats as its value (see _candidates)
    return _matches(conduct, timeline().interval(day), incident.facts)


NOT_A_PERSON = frozenset({"target:state", "target:public"})
"""Targets that are not «другого лица», the person a slander or an insult is of."""

ENTITY_TARGET = "target:legal_entity"
"""A target whether «другого лица» reaches is a reading the data does not model: slander harms «честь и
достоинство другого лица» or «его репутацию», insult is «унижение чести и достоинства другого лица» (CC
2014 Arts. 130(1), 131(1); AOC 2014 Art. 73-3(1); CC 1997 Arts. 129(1), 130(1)), while the Civil Code
gives a legal entity the protection of its business reputation alone (Art. 143(6): «Правила настоящей
статьи о защите деловой репутации гражданина соответственно применяются к защите деловой репутации
юридического лица, за исключением требования о возмещении морального вреда»)."""

PERSONAL = frozenset({"conduct:slander", "conduct:insult"})
"""Conducts whose general parts speak of «другого лица» (:data:`NOT_A_PERSON`)."""


def impersonal(facts: frozenset[str]) -> bool:
    """A slander or an insult of the state or the public, or of a legal entity: no part that names no
    target of its own reaches the first two (:data:`NOT_A_PERSON`), and whether one reaches a legal
    entity is not modelled (:data:`ENTITY_TARGET`)."""
    return (not NOT_A_PERSON.isdisjoint(facts) or ENTITY_TARGET in facts) and not PERSONAL.isdisjoint(facts)


@functools.lru_cache(maxsize=8192)
def _matches(conduct: str, interval: int, facts: frozenset[str]) -> tuple[Match, ...]:
    """:func:`classify`'s answer, which depends only on the facts and on the versions in force:
    remembered, since those change on a few dozen days and registers repeat the same facts."""
    stated = {fact.partition(":")[0] for fact in facts}
    unstated = frozenset(field for field in DECIDING if field not in stated)
    hits: list[tuple[Provision, tuple[str, ...], tuple[str, ...]]] = []
    for candidate in _in_force(conduct, interval):
        if candidate.satisfied_by(facts):
            reasons = _reasons(candidate.version, facts)
            if reasons is not None:
                hits.append((candidate.version, reasons, ()))
        elif unstated:
            open_fields = candidate.open_fields(facts, unstated)
            if open_fields:
                reasons = _reasons(candidate.version, facts, open_fields)
                if reasons is not None:
                    hits.append((candidate.version, reasons, open_fields))
    if impersonal(facts):
        # slander and insult are «другого лица» (CC 2014 Arts. 130(1), 131(1); AOC 2014 Art. 73-3(1); CC 1997
        # Arts. 129(1), 130(1)): a part that names no target of its own does not reach the state or the public,
        # and whether it reaches a legal entity is a reading not modelled (ENTITY_TARGET)
        hits = [hit for hit in hits if any(f.startswith("target:") for c in hit[0].elements for f in c)]
    if "offender:legal_entity" in facts and any(p.regime is not Regime.CRIMINAL for p, _, _ in hits):
        # A legal entity is not a subject of criminal liability: a criminal part cannot displace the
        # administrative part beside it (AOC 2014 456-2(1) beside CC 2014 274); whether that part
        # reaches the entity is the assessment's (Provision.reaches, AOC 2014 Art. 33(1)).
        hits = [hit for hit in hits if hit[0].regime is not Regime.CRIMINAL]
    if any(p.regime is Regime.CRIMINAL and not open_ for p, _, open_ in hits):
        # A part that applies only «если эти действия не содержат признаков уголовно наказуемого деяния»
        # (AOC 2014 Art. 453(2)) does not reach an act that a criminal part the facts decide makes a crime
        # (a legal entity's criminal parts are gone above, so it stays for the entity).
        hits = [hit for hit in hits if not hit[0].unless_crime]
    rivals: dict[int, list[tuple[int, str]]] = {}
    for i, (loser, _, loser_open) in enumerate(hits):
        for j, (winner, _, winner_open) in enumerate(hits):
            if not set(winner_open) <= set(loser_open):
                continue  # a part the facts may not meet sets aside nothing that holds without it
            if any(r.contains(loser.ref) for r in winner.absorbs):
                rivals.setdefault(i, []).append(
                    (j, Message("absorbed by the qualified part {ref}", ref=str(winner.ref))))
            elif any(r.contains(loser.ref) for r in winner.displaces):
                rivals.setdefault(i, []).append(
                    (j, Message("displaced by the special provision {ref}", ref=str(winner.ref))))
    # Credit each part set aside to a surviving winner (130(3) over 130(2) over 130(1)).
    set_aside: dict[int, list[tuple[str, str]]] = {}
    for i, beaten_by in rivals.items():
        j, why = next(((j, why) for j, why in beaten_by if j not in rivals), beaten_by[0])
        set_aside.setdefault(j, []).append((str(hits[i][0].ref), why))
    matches = [
        Match(version, reasons, tuple(set_aside.get(i, ())), open_fields)
        for i, (version, reasons, open_fields) in enumerate(hits)
        if i not in rivals
    ]
    matches.sort(key=lambda m: (bool(m.undecided_by), -len(m.provision.elements), m.provision.ref.sort_key()))
    crime = next((i for i, m in enumerate(matches) if m.provision.regime is Regime.CRIMINAL and not m.undecided_by),
                 None)
    if crime is not None:
        # Nor does any other administrative part reach it: liability under the AOC's Special Part «наступает,
        # если эти правонарушения по своему характеру не влекут за собой в соответствии с законодательством
        # уголовной ответственности» (AOC 2014 Art. 25(2)); e.g. AOC 2014 Art. 73-3 beside CC 2014 Art. 375
        # (a slander of the President). Credited to the criminal part that governs, the first the facts decide.
        ref = str(matches[crime].provision.ref)
        aside = [(str(m.provision.ref), Message("AOC 2014 Art. 25(2): the act is a crime under {ref}", ref=ref))
                 for m in matches if m.provision.regime is not Regime.CRIMINAL]
        if aside:
            matches[crime] = attrs.evolve(matches[crime], set_aside=(*matches[crime].set_aside, *aside))
            matches = [m for m in matches if m.provision.regime is Regime.CRIMINAL]
    return tuple(matches)
