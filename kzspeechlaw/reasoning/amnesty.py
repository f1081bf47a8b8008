"""Amnesty laws as dated data, and whether one reaches an assessed act.

Read from ``data/amnesties.toml`` (format in ``docs/data-format.md``). An amnesty law reaches
acts committed before its entry into force (Law 01.07.2026 No. 329-VIII Art. 4(1)) and releases
from criminal liability, terminating the pending case, the persons who committed offences of the
categories it names (Art. 1(1), (3)), except the crimes and persons it excludes (Art. 3). The
person may object (Art. 4(5)); the bodies «принимают меры к обеспечению исполнения» within six
months (Art. 4(4)), which does not end the release: the Law stays in force after that period.

:func:`findings` says, for the provision that governs an act, which amnesties in force on the
decision date reach it, by which rule, what excludes it, and which conditions the facts leave
open; :func:`releasing` picks the one that decides the outcome.

>>> import datetime as dt
>>> from kzspeechlaw.law.loader import law
>>> insult = law().provision(Ref("CC2014", "131", part=2), dt.date(2025, 9, 1))
>>> [(f.amnesty.id, f.status.value) for f in findings(insult, dt.date(2025, 9, 1), dt.date(2026, 9, 1))]
[('329-VIII', 'released')]
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw.errors import DataError, InvalidIncident
from kzspeechlaw.law.facts import ENTITIES, Offender
from kzspeechlaw.law.loader import DATA_DIR, _read_toml, _Reader
from kzspeechlaw.law.model import Category, Provision, Regime
from kzspeechlaw.law.timeline import Timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.refs import CODES, Ref

FILE = "amnesties.toml"

CATEGORIES = tuple(c for c in Category if c is not Category.ADMINISTRATIVE_OFFENCE)
"""The categories a release rule may name (CC 2014 Arts. 10-11)."""

STAGES = {
    "liability": "released from criminal liability: the pending case is terminated",
    "main_punishment": "at court, released from the main punishment only, where an additional punishment is mandatory",
    "punishment": "released from the punishment imposed (convicted persons)",
}
"""What a release rule does. :func:`findings` reads the ``liability`` and ``main_punishment``
rules, which concern cases pending on the amnesty's entry into force."""

CONDITIONS = {
    "damage_settled": "the crime caused no damage, or the damage was fully compensated, or no civil claim was filed",
    "social_category": "the person belongs to a social category the article lists (minors, pregnant women, "
                       "parents of minor children, disabled persons, older persons, veterans and the like)",
    "non_custodial_sentence": "the main punishment imposed is not custodial",
    "riot_connection": "the act was committed in Kazakhstan from 4 to 7 January 2022 in connection with the "
                       "mass riots or their suppression",
    "legalised_property": "the person legalised the property obtained by the act",
}
"""Conditions of a release rule, in the laws' words (English)."""

DEFINED = {"extremist": "an extremist crime", "terrorist": "a terrorist crime", "corruption": "a corruption crime"}
"""Exclusions by kind of crime, decided by the code's definition (CC 2014 Art. 3(29), (30), (39))."""

DEFINITIONS = {**DEFINED, "extremism_signs": "a crime containing signs of extremism"}
"""The kinds a ``[[definition]]`` may give: those of :data:`DEFINED` and, for the 1997 Code, the
crimes containing signs of extremism (CC 1997 Art. 41 note 2)."""

PERSONS = {
    "citizen": "a citizen of Kazakhstan",
    "individual_entrepreneur": "an individual entrepreneur registered in Kazakhstan",
    "private_notary": "a private notary",
    "private_bailiff": "a private bailiff",
    "advocate": "an advocate",
    "legal_consultant": "a legal consultant",
}
"""The natural persons an administrative chapter may name (Law 329-VIII Art. 7(1))."""

CAVEAT_WINDOW = dt.timedelta(days=31)
"""How close to an unverified entry-into-force date a date must be for the answer to say so; the
same window as :data:`kzspeechlaw.reasoning.assessment.CAVEAT_WINDOW`. An act up to this many days after the
earliest possible day gets a ``may_reach`` finding; a decision this close carries a note."""

EXCLUSIONS = {
    **DEFINED,
    "extremism_signs": "a crime containing signs of extremism",
    "listed": "an article the Law lists",
    "state_treason": "state treason",
    "riot_organisation": "the organisation of mass riots",
    "recidivism": "punishment imposed for recidivism or dangerous recidivism",
    "group": "a crime committed in a criminal group",
    "concurrence": "a concurrence of offences one of which the Law does not reach",
    "repeat_after_amnesty": "an intentional crime by a person earlier amnestied or pardoned",
    "cpc_335": "a punishment imposed in the cases of CPC Art. 335(2)(2)-(3)",
}
"""Kinds of exclusion. Those with ``refs`` are decided from the governing provision; the others
concern the person and are stated as open conditions unless :class:`Facts` settles them."""

_FACT_OF = {"damage_settled": "damage_settled", "social_category": "social_category",
            "riot_connection": "riot_connection", "recidivism": "recidivist"}


@attrs.frozen
class Title:
    """A law's title; ``kk`` is ``None`` where the Kazakh title was not read."""

    en: str
    ru: str
    kk: str | None = None


@attrs.frozen
class Release:
    """A rule releasing offences of ``categories`` under ``codes`` at ``stage``, on ``conditions``;
    ``articles``, where given, limits it to those articles (an inclusion list)."""

    article: str
    stage: str
    codes: tuple[str, ...]
    categories: tuple[Category, ...]
    conditions: tuple[str, ...]
    articles: tuple[Ref, ...]
    text: str = attrs.field(repr=False)

    def covers(self, p: Provision) -> bool:
        """True when ``p``'s code, category and article fall within the rule."""
        return (p.ref.code in self.codes and p.category in self.categories
                and (not self.articles or any(r.contains(p.ref) for r in self.articles)))


@attrs.frozen
class Exclusion:
    """An item of the Law's exclusion article: its kind, the refs it names and, for a list
    shortened in the extract read (``complete`` false), the refs known to be absent from it.
    ``convicted_only``: the item speaks of persons convicted («осужденных», 2016 and 2021), not of
    those who committed the crime; applied to a pending case only as the data's assumption."""

    article: str
    kind: str
    refs: tuple[Ref, ...]
    complete: bool
    not_listed: tuple[Ref, ...]
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)
    convicted_only: bool = False

    def names(self, ref: Ref) -> bool:
        """True when the item names ``ref`` or an article or part containing it."""
        return any(r.contains(ref) for r in self.refs)

    def undecided(self, ref: Ref) -> bool:
        """True when the list, shortened here, may name ``ref``: it lists that code, does not name
        ``ref`` among the items kept, and the extract does not say ``ref`` is absent."""
        return (not self.complete and any(r.code == ref.code for r in self.refs) and not self.names(ref)
                and not any(r.contains(ref) for r in self.not_listed))


@attrs.frozen
class Definition:
    """A code's definition of a kind of crime (``extremist``, ``terrorist``, ``corruption``)."""

    kind: str
    code: str
    article: str
    refs: tuple[Ref, ...]
    source: str
    verified: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)


@attrs.frozen
class Administrative:
    """The chapter releasing from administrative fines unpaid on ``fines_unpaid_on`` (2026: only
    fines of out-of-court bodies; ``court_penalties_excluded``), except the offences of ``refs``
    (a list shortened in the text read where ``complete`` is false, ``not_listed`` known to be
    absent from it); only the natural persons of ``persons`` (:data:`PERSONS`), where given."""

    article: str
    fines_unpaid_on: dt.date
    court_penalties_excluded: bool
    execution_article: str
    refs: tuple[Ref, ...]
    complete: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)
    not_listed: tuple[Ref, ...] = ()
    persons: tuple[str, ...] = ()
    persons_article: str | None = None


@attrs.frozen
class Amnesty:
    """One amnesty law: dates, the acts it reaches (committed in ``[committed_from,
    committed_before)`` under ``codes``), its release rules and exclusions."""

    id: str
    title: Title
    adopted: dt.date
    in_force: dt.date
    in_force_rule: str
    verified: bool
    source: str
    committed_from: dt.date | None
    committed_before: dt.date
    codes: tuple[str, ...]
    releases: tuple[Release, ...]
    exclusions: tuple[Exclusion, ...]
    execution_months: int | None
    execution_article: str | None
    objection_article: str | None
    administrative: Administrative | None
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)

    def reaches_date(self, act_date: dt.date) -> bool:
        """True when an act of ``act_date`` lies in the period the Law reaches."""
        return (self.committed_from is None or self.committed_from <= act_date) and act_date < self.committed_before

    @property
    def cut_off_unread(self) -> bool:
        """True when the cut-off is the entry into force (acts «до введения в действие») and that
        date was not read: the real cut-off may be later than ``committed_before``."""
        return not self.verified and self.committed_before == self.in_force

    def may_reach(self, act_date: dt.date) -> bool:
        """True when an act of ``act_date``, on or after the assumed cut-off, is reached if the
        Law entered into force later than assumed (within :data:`CAVEAT_WINDOW` of it)."""
        return self.cut_off_unread and dt.timedelta(0) <= act_date - self.committed_before <= CAVEAT_WINDOW

    @property
    def execution_ends(self) -> dt.date | None:
        """The last day of the execution period (six months from entry into force), if any."""
        if self.execution_months is None:
            return None
        end: dt.date = self.in_force + relativedelta(months=self.execution_months)
        return end

    def cite(self, article: str) -> str:
        """``"Law 329-VIII Art. 1(1)(1)"``, marked where the entry into force was not read."""
        return f"Law {self.id} {article}" + ("" if self.verified else " (in-force date unverified)")


@attrs.frozen
class Amnesties:
    """Every amnesty law, oldest first, and the definitions their exclusions use."""

    laws: tuple[Amnesty, ...]
    definitions: Mapping[tuple[str, str], Definition] = attrs.field(eq=False)


@attrs.frozen
class Facts:
    """Facts that settle an amnesty's conditions; ``None`` where not known. ``damage_settled`` and
    ``social_category`` are positive conditions of a release: unknown, they withhold it."""

    damage_settled: bool | None = None
    social_category: bool | None = None
    riot_connection: bool | None = None
    recidivist: bool | None = None
    objects: bool | None = None


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


# --- loading -----------------------------------------------------------------------------------


def load(directory: Path | str | None = None) -> Amnesties:
    """Read and validate ``amnesties.toml``; raises :class:`DataError` naming file, record, rule."""
    root = Path(directory) if directory is not None else DATA_DIR
    data = _read_toml(root, FILE)
    definitions: dict[tuple[str, str], Definition] = {}
    for n, record in enumerate(data.get("definition", [])):
        d = _definition(_Reader(FILE, f"definition #{n + 1} ({record.get('kind', '?')})", record))
        if (d.kind, d.code) in definitions:
            raise DataError(FILE, f"definition #{n + 1}", f"{d.kind} for {d.code} is defined twice")
        definitions[d.kind, d.code] = d
    laws: list[Amnesty] = []
    for n, record in enumerate(data.get("amnesty", [])):
        amnesty = _amnesty(record, f"amnesty #{n + 1} ({record.get('id', '?')})")
        if any(a.id == amnesty.id for a in laws):
            raise DataError(FILE, f"amnesty #{n + 1} ({amnesty.id})", "listed twice")
        laws.append(amnesty)
    if not laws:
        raise DataError(FILE, "-", "no [[amnesty]] records")
    return Amnesties(tuple(sorted(laws, key=lambda a: a.in_force)), definitions)


@functools.cache
def amnesties() -> Amnesties:
    """The amnesty laws, loaded once."""
    return load()


def _refs(reader: _Reader, key: str, required: bool = False) -> tuple[Ref, ...]:
    values = reader.get(key, list, None)
    if values is None:
        if required:
            raise reader.fail(f"missing key(s) {key}")
        return ()
    return tuple(reader.ref(v, key) for v in values)


def _text_list(reader: _Reader, key: str, allowed: Iterable[str], required: bool = True) -> tuple[str, ...]:
    values = reader.get(key, list, None)
    if values is None:
        if required:
            raise reader.fail(f"missing key(s) {key}")
        return ()
    allowed = tuple(allowed)
    for v in values:
        if v not in allowed:
            raise reader.fail(f"{key}: {v!r} is not one of {', '.join(map(repr, allowed))}")
    return tuple(values)


def _definition(reader: _Reader) -> Definition:
    reader.only(["kind", "code", "article", "refs", "source", "verified", "text"], ["notes"])
    kind = reader.get("kind", str)
    if kind not in DEFINITIONS:
        raise reader.fail(f"kind {kind!r} is not one of {', '.join(map(repr, DEFINITIONS))}")
    code = reader.get("code", str)
    if code not in CODES:
        raise reader.fail(f"code {code!r} is not one of {', '.join(CODES)}")
    refs = _refs(reader, "refs", required=True)
    for r in refs:
        if r.code != code:
            raise reader.fail(f"refs: {r} is not of code {code}")
    return Definition(kind, code, reader.get("article", str), refs, reader.get("source", str),
                      reader.get("verified", bool), reader.get("text", str), reader.get("notes", str, ""))


def _title(reader: _Reader) -> Title:
    value = reader.get("title", dict)
    if (value is None or not {"en", "ru"} <= set(value) or not set(value) <= {"en", "ru", "kk"}
            or not all(isinstance(v, str) and v for v in value.values())):
        raise reader.fail(f"title must give non-empty 'en' and 'ru' strings (and 'kk' only where read), got {value!r}")
    return Title(value["en"], value["ru"], value.get("kk"))


def _amnesty(record: Mapping[str, Any], name: str) -> Amnesty:
    reader = _Reader(FILE, name, record)
    reader.only(
        ["id", "title", "adopted", "in_force", "in_force_rule", "verified", "source", "committed_before",
         "codes", "text"],
        ["committed_from", "execution_months", "execution_article", "objection_article", "notes", "release",
         "exclusion", "administrative"],
    )
    adopted, in_force = reader.date("adopted"), reader.date("in_force")
    before, since = reader.date("committed_before"), reader.date("committed_from", required=False)
    assert adopted is not None and in_force is not None and before is not None
    if in_force < adopted:
        raise reader.fail(f"in_force {in_force} is before adoption {adopted}")
    if before > in_force:
        raise reader.fail(f"committed_before {before} is after the entry into force {in_force}")
    if since is not None and since >= before:
        raise reader.fail(f"committed_from {since} is not before committed_before {before}")
    codes = _text_list(reader, "codes", CODES)
    months = reader.get("execution_months", int, None)
    execution = reader.get("execution_article", str, None)
    if months is not None and months <= 0:
        raise reader.fail(f"execution_months must be positive, got {months}")
    if (months is None) != (execution is None):
        raise reader.fail("execution_months and execution_article go together")
    releases = tuple(_release(record["id"] if isinstance(record.get("id"), str) else "?", n, item, codes)
                     for n, item in enumerate(reader.get("release", list, [])))
    exclusions = tuple(_exclusion(f"{name} exclusion #{n + 1}", item)
                       for n, item in enumerate(reader.get("exclusion", list, [])))
    admin = reader.get("administrative", dict, None)
    return Amnesty(
        id=reader.get("id", str),
        title=_title(reader),
        adopted=adopted,
        in_force=in_force,
        in_force_rule=reader.get("in_force_rule", str),
        verified=reader.get("verified", bool),
        source=reader.get("source", str),
        committed_from=since,
        committed_before=before,
        codes=codes,
        releases=releases,
        exclusions=exclusions,
        execution_months=months,
        execution_article=execution,
        objection_article=reader.get("objection_article", str, None),
        administrative=None if admin is None else _administrative(_Reader(FILE, f"{name} administrative", admin)),
        text=reader.get("text", str),
        notes=reader.get("notes", str, ""),
    )


def _release(law_id: str, n: int, record: Any, codes: tuple[str, ...]) -> Release:
    reader = _Reader(FILE, f"amnesty {law_id} release #{n + 1} ({_article_of(record)})", _mapping(record))
    reader.only(["article", "stage", "codes", "categories", "text"], ["conditions", "articles"])
    stage = reader.get("stage", str)
    if stage not in STAGES:
        raise reader.fail(f"stage {stage!r} is not one of {', '.join(map(repr, STAGES))}")
    own = _text_list(reader, "codes", CODES)
    outside = [c for c in own if c not in codes]
    if outside:
        raise reader.fail(f"codes {', '.join(outside)} are not among the Law's codes {', '.join(codes)}")
    categories = _text_list(reader, "categories", [c.value for c in CATEGORIES])
    return Release(
        article=reader.get("article", str),
        stage=stage,
        codes=own,
        categories=tuple(Category(c) for c in categories),
        conditions=_text_list(reader, "conditions", CONDITIONS, required=False),
        articles=_refs(reader, "articles"),
        text=reader.get("text", str),
    )


def _exclusion(name: str, record: Any) -> Exclusion:
    reader = _Reader(FILE, f"{name} ({_article_of(record)})", _mapping(record))
    reader.only(["article", "kind", "text"], ["refs", "complete", "not_listed", "notes", "convicted_only"])
    kind = reader.get("kind", str)
    if kind not in EXCLUSIONS:
        raise reader.fail(f"kind {kind!r} is not one of {', '.join(map(repr, EXCLUSIONS))}")
    refs = _refs(reader, "refs", required=kind == "listed")
    if kind in DEFINED and refs:
        raise reader.fail(f"a {kind} exclusion takes its crimes from the code's definition, not from refs")
    return Exclusion(reader.get("article", str), kind, refs, reader.get("complete", bool, True),
                     _refs(reader, "not_listed"), reader.get("text", str), reader.get("notes", str, ""),
                     reader.get("convicted_only", bool, False))


def _administrative(reader: _Reader) -> Administrative:
    reader.only(["article", "fines_unpaid_on", "court_penalties_excluded", "execution_article", "refs", "text"],
                ["complete", "notes", "not_listed", "persons", "persons_article"])
    unpaid = reader.date("fines_unpaid_on")
    assert unpaid is not None
    refs, not_listed = _refs(reader, "refs", required=True), _refs(reader, "not_listed")
    for key, values in (("refs", refs), ("not_listed", not_listed)):
        for r in values:
            if r.code != "AOC2014":
                raise reader.fail(f"{key}: {r} is not an article of the Code of Administrative Offences")
    persons = _text_list(reader, "persons", PERSONS, required=False)
    persons_article = reader.get("persons_article", str, None)
    if bool(persons) != (persons_article is not None):
        raise reader.fail("persons and persons_article go together")
    return Administrative(reader.get("article", str), unpaid, reader.get("court_penalties_excluded", bool),
                          reader.get("execution_article", str), refs, reader.get("complete", bool, True),
                          reader.get("text", str), reader.get("notes", str, ""), not_listed, persons,
                          persons_article)


def _mapping(record: Any) -> Mapping[str, Any]:
    return record if isinstance(record, Mapping) else {"": record}


def _article_of(record: Any) -> str:
    return str(record.get("article", "?")) if isinstance(record, Mapping) else "?"


# --- reasoning ---------------------------------------------------------------------------------

NO_FACTS = Facts()
"""No fact stated: every condition of a release and every exclusion about the person is open."""

_HARM_MADE_GOOD = Facts(damage_settled=True)


def facts_of(incident: object) -> Facts:
    """The amnesty facts an incident states. Its ``harm_compensated`` (the harm was made good),
    where the incident has that field and it is true, settles that the damage was compensated
    (Law 329-VIII Art. 1(1)(2): «полностью его возместившие»); false leaves the condition open,
    since no damage may have been caused, or no civil claim filed."""
    return _HARM_MADE_GOOD if getattr(incident, "harm_compensated", None) is True else NO_FACTS


def findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts | None = None,
             data: Amnesties | None = None) -> tuple[Finding, ...]:
    """What each amnesty in force on ``decided_on`` that reaches an act of ``act_date`` under
    ``p``'s code does for it, oldest first; an act just after an unread cut-off gets a
    ``may_reach`` finding (:meth:`Amnesty.may_reach`). ``p`` is the provision that governs the act
    (its category decides the release rule). Only criminal provisions: the administrative chapter
    concerns fines already imposed (:func:`administrative_release`). Remembered for the shipped
    data: the answer depends on the dates only through the amnesties' dates."""
    if p.regime is not Regime.CRIMINAL:
        return ()
    facts = facts if facts is not None else NO_FACTS
    if data is None:
        return _FINDINGS.get(_key(p, act_date, decided_on, facts),
                             lambda: _findings(p, act_date, decided_on, facts, amnesties()))
    return _findings(p, act_date, decided_on, facts, data)


def released(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts | None = None) -> bool:
    """``releasing(findings(p, act_date, decided_on, facts)) is not None``, remembered: the fast
    path for callers that need only the outcome."""
    first, last = _BOUNDS or _bounds()
    if decided_on < first or act_date >= last or p.regime is not Regime.CRIMINAL:
        return False  # before the first amnesty's entry into force, or after the last cut-off
    facts = facts if facts is not None else NO_FACTS
    return _RELEASED.get(_key(p, act_date, decided_on, facts),
                         lambda: releasing(findings(p, act_date, decided_on, facts)) is not None)


_BOUNDS: tuple[dt.date, ...] = ()


def _bounds() -> tuple[dt.date, ...]:
    """The first entry into force of a law that releases from liability, and the latest cut-off of
    those laws: no amnesty releases a decision before the one or an act on or after the other."""
    global _BOUNDS
    laws = [a for a in amnesties().laws if any(r.stage == "liability" for r in a.releases)]
    _BOUNDS = (min(a.in_force for a in laws), max(a.committed_before for a in laws))
    return _BOUNDS


_FINDINGS = Memo(maxsize=16384)
_RELEASED = Memo(maxsize=16384)


def _key(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts) -> tuple[Provision, int, int, bool, Facts]:
    interval = (_INDEX or index()).interval
    return p, interval(act_date), interval(decided_on), decided_on > act_date, facts


_INDEX: Timeline | None = None


def index() -> Timeline:
    """The time index of what :func:`findings` answers: it may change only on the bounds of the
    periods the laws reach (and of the window after an unread cut-off), their entry into force and
    the day after their execution period (computed once)."""
    global _INDEX
    days: set[dt.date] = set()
    for a in amnesties().laws:
        days.update((a.committed_before, a.in_force))
        if a.committed_from is not None:
            days.add(a.committed_from)
        if a.execution_ends is not None:
            days.add(a.execution_ends + dt.timedelta(days=1))
        if a.cut_off_unread:
            days.add(a.committed_before + CAVEAT_WINDOW + dt.timedelta(days=1))
    _INDEX = Timeline(days)
    return _INDEX


def _findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts,
              data: Amnesties) -> tuple[Finding, ...]:
    found = []
    for a in data.laws:
        if a.in_force > decided_on or p.ref.code not in a.codes:
            continue
        if a.reaches_date(act_date):
            found.append(_finding(a, p, decided_on, facts, data.definitions))
        elif a.may_reach(act_date) and act_date < decided_on:
            # The Law reaches the act only if it entered into force after it (and by the decision).
            f = _finding(a, p, decided_on, facts, data.definitions)
            found.append(attrs.evolve(f, status=Status.MAY_REACH, would=f.status))
    return tuple(found)


def releasing(found: Iterable[Finding]) -> Finding | None:
    """The amnesty that removes liability on the decision date (the first in force), if any."""
    return next((f for f in found if f.releases), None)


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _not_covered(a: Amnesty, p: Provision) -> str:
    """Why no release rule of ``a`` covers ``p``: its code, its category or the article lists."""
    rules = [r for r in a.releases if r.stage == "liability"]
    kind = p.category.value.replace("_", " ")
    if not any(p.ref.code in r.codes for r in rules):
        return f"the Law releases from liability no offence of {p.ref.code}"
    listing = [r for r in rules if p.ref.code in r.codes and p.category in r.categories]
    if listing:  # the category fits: an inclusion list leaves the article out
        return (f"{p.ref} is not among the articles that {', '.join(r.article for r in listing)} of the Law "
                "name: it releases only the offences it lists")
    named = sorted({c.value.replace("_", " ") for r in rules for c in r.categories})
    return f"{p.ref} ({kind}) is not of a category the Law releases from liability ({', '.join(named) or 'none'})"


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
    assumed: Exclusion | None = None
    for ex in a.exclusions:
        what = EXCLUSIONS[ex.kind]
        if ex.kind in DEFINED:
            definition = definitions.get((ex.kind, code))
            if ex.kind == "extremist" and p.extremist:
                return make(Status.EXCLUDED, None, ex, f"{p.ref} is {what} ({ex.article})")
            if definition is not None:
                if any(r.contains(p.ref) for r in definition.refs):
                    return make(Status.EXCLUDED, None, ex, f"{p.ref} is {what} ({definition.article}; {ex.article})")
            elif ex.kind == "extremist" and signs is not None:
                # The 1997 Code defines no extremist crimes, only crimes containing signs of extremism.
                named = any(r.contains(p.ref) for r in signs.refs)
                if named and signs_item is not None:
                    return make(Status.EXCLUDED, None, signs_item,
                                f"{p.ref} is {EXCLUSIONS['extremism_signs']} ({signs.article}; {signs_item.article})")
                if named:
                    doubtful.append(f"{p.ref}, which {signs.article} counts among the crimes containing signs of "
                                    f"extremism, is not {what} ({ex.article}; {code} defines no extremist crimes)")
                elif signs_item is None:
                    open_conditions.append(f"the act is not {what} ({ex.article}; {code} defines no extremist "
                                           f"crimes, and {signs.article} does not count {p.ref} among the crimes "
                                           "containing signs of extremism)")
            else:
                open_conditions.append(f"the act is not {what} ({ex.article}; the {code} definition "
                                       "is not modelled)")
        elif ex.refs:
            if ex.names(p.ref):
                if ex.convicted_only:
                    assumed = assumed or ex
                    continue
                return make(Status.EXCLUDED, None, ex, f"{ex.article} names {p.ref} ({what})")
            if ex.undecided(p.ref):
                undecided = ex
        elif ex.kind == "extremism_signs":
            if signs is None:
                open_conditions.append(f"the act contains no signs of extremism ({ex.article})")
            elif any(r.contains(p.ref) for r in signs.refs):
                return make(Status.EXCLUDED, None, ex, f"{p.ref} is {what} ({signs.article}; {ex.article})")
        else:
            fact = getattr(facts, _FACT_OF[ex.kind]) if ex.kind in _FACT_OF else None
            if fact is True:
                return make(Status.EXCLUDED, None, ex, f"{what} ({ex.article})")
            if fact is None:
                convicted = ", an item about persons convicted" if ex.convicted_only else ""
                open_conditions.append(f"not excluded as {what} ({ex.article}{convicted})")
    if a.objection_article is not None:
        if facts.objects:
            return make(Status.REFUSED, None, None, f"the person objects ({a.objection_article})")
        if facts.objects is None:
            open_conditions.append(f"the person (or legal representative) does not object ({a.objection_article})")

    result = _by_rules(a, p, facts, make, open_conditions, doubtful, undecided)
    if assumed is None:
        return result
    # 2016 and 2021: the list excludes persons convicted; a pending case is excluded by assumption.
    if result.status in (Status.RELEASED, Status.MAIN_PUNISHMENT):
        without = f"without it, the Law would release the act ({result.reason}): the outcome rests on that assumption"
    elif result.status is Status.CONDITIONAL:
        without = f"without it, the Law would release the act only under {result.reason}"
    else:
        without = f"without it, the Law would not release the act either: {result.reason}"
    return make(Status.EXCLUDED, None, assumed,
                f"{assumed.article} names {p.ref} ({EXCLUSIONS[assumed.kind]}), but the item speaks of persons "
                "convicted («осужденных»): to a case still pending it is applied as the data's assumption; "
                + without, result.open_conditions)


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
                failed.append(f"{CONDITIONS[c]} ({rule.article}): the facts say not")
                break
            (met if fact else withheld).append(CONDITIONS[c])
        else:
            if withheld:
                alternatives.append((rule, withheld))
                continue
            stated = f" ({'; '.join(met)}, as the facts state)" if met else ""
            if doubtful:
                return make(Status.CONDITIONAL, rule, None,
                            f"{rule.article} if {'; '.join(doubtful)}", open_conditions)
            if undecided is not None:
                return make(Status.CONDITIONAL, rule, undecided,
                            f"{undecided.article} is shortened in the text read: whether it names {p.ref} "
                            "was not checked", open_conditions)
            mandatory = any(not s.optional for s in p.additional)
            court = next((r for r in a.releases if r.stage == "main_punishment" and r.covers(p)), None)
            if mandatory and court is not None:
                return make(Status.MAIN_PUNISHMENT, court, None,
                            f"{p.ref} carries a mandatory additional punishment: the court releases from the "
                            f"main punishment only ({court.article}){stated}", open_conditions)
            return make(Status.RELEASED, rule, None,
                        f"{rule.article}: {STAGES[rule.stage]}{stated}", open_conditions)
    if alternatives:
        also = [*doubtful]
        if undecided is not None:
            also.append(f"{undecided.article}, shortened in the text read, does not name {p.ref}")
        return make(Status.CONDITIONAL, alternatives[0][0], None,
                    "; or ".join(f"{rule.article} if {'; '.join(w)}" for rule, w in alternatives),
                    [*also, *open_conditions])
    return make(Status.REFUSED, rules[0], None, "; ".join(failed))


# --- explanation -------------------------------------------------------------------------------


def _article(f: Finding) -> str:
    """The article of the Law a finding rests on."""
    if f.rule is not None:
        return f.rule.article
    if f.exclusion is not None:
        return f.exclusion.article
    if f.status is Status.REFUSED and f.amnesty.objection_article is not None:
        return f.amnesty.objection_article
    return ", ".join(r.article for r in f.amnesty.releases if r.stage == "liability")


def _in_force_text(a: Amnesty) -> str:
    if a.verified:
        return f"in force from {a.in_force}"
    return f"in force from {a.in_force} at the earliest, its publication date not being read"


def _reach_text(a: Amnesty, act_date: dt.date) -> str:
    if a.committed_from is not None:
        last = a.committed_before - dt.timedelta(days=1)
        return f"reaches acts of {a.committed_from} to {last}, as the act of {act_date}"
    return f"reaches acts committed before {a.committed_before}, as the act of {act_date}"


def _shortened(f: Finding) -> bool:
    """True for a conditional finding that rests on a list shortened in the text read."""
    return f.status is Status.CONDITIONAL and f.exclusion is not None


def _would(f: Finding) -> str:
    """What a ``may_reach`` finding's Law would do for the act if it reached it."""
    if f.would is Status.RELEASED:
        return f"it would release the act from criminal liability ({f.reason})"
    if f.would is Status.MAIN_PUNISHMENT:
        return f"the court would release from the main punishment only ({f.reason})"
    if f.would is Status.CONDITIONAL:
        return f"it might release the act ({f.reason})" if _shortened(f) else \
            f"it would release the act only under {f.reason}"
    return f"it would still not release the act: {f.reason}"


def explain(found: Iterable[Finding], act_date: dt.date, decided_on: dt.date, applied: bool = True
            ) -> tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """Notes and trace steps (``what``, ``citation``, ``source``) for :func:`findings`' answer;
    ``applied`` is false where another ground (limitation) decided the outcome first."""
    notes: list[str] = []
    steps: list[tuple[str, str, str]] = []
    found = tuple(found)
    decisive = releasing(found)
    for f in found:
        a = f.amnesty
        article = _article(f)
        conditions = "; ".join(f.open_conditions)
        provided = f" Provided that: {conditions}." if conditions else ""
        if f.status is Status.MAY_REACH:
            days = (act_date - a.committed_before).days
            steps.append((f"Amnesty Law {a.id} of {a.adopted} reaches acts committed before its entry into force, "
                          f"taken as {a.in_force}, the earliest possible day; the act of {act_date} is {days} days "
                          f"after it, reached only if the Law entered into force later: {_would(f)}; not relied on",
                          a.cite(article), a.source))
            notes.append(f"Law {a.id} ({a.title.en}) may reach the act: it reaches acts committed before its entry "
                         f"into force, taken as {a.in_force}, the earliest possible day. If it entered into force "
                         f"after {act_date} (and by {decided_on}), {_would(f)}. What decides is the date of its "
                         f"first official publication, which was not read ({a.in_force_rule}); the outcome does not "
                         f"rest on it.{provided}")
            continue
        head = f"Amnesty Law {a.id} of {a.adopted}, {_in_force_text(a)}, {_reach_text(a, act_date)}"
        if f is decisive and applied:
            steps.append((f"{head}: {f.reason}; the act is amnestied", a.cite(article), a.source))
            notes.append(f"Amnestied under Law {a.id} ({a.title.en}), {f.reason}.{provided}")
            if not f.within_execution:
                steps.append((f"The execution period of Law {a.id} ended on {a.execution_ends}; the Law stays in "
                              "force and its release applies to the case decided later", a.cite(
                                  a.execution_article or article), a.source))
                notes.append(f"The bodies were to execute Law {a.id} within {a.execution_months} months "
                             f"({a.execution_article}), until {a.execution_ends}. That period has passed, but nothing "
                             "in the Law ends the release with it and the Law stays in force: the release applies "
                             "to this case too.")
        elif f is decisive:
            steps.append((f"{head}: {f.reason}; the outcome already rests on another ground",
                          a.cite(article), a.source))
            notes.append(f"Law {a.id} ({article}) would also release the act from criminal liability.{provided}")
        elif f.status is Status.RELEASED:
            steps.append((f"{head}: {f.reason}; an earlier amnesty already decides", a.cite(article), a.source))
            notes.append(f"Law {a.id} ({article}) would also release the act from criminal liability.")
        elif f.status is Status.MAIN_PUNISHMENT:
            steps.append((f"{head}: {f.reason}", a.cite(article), a.source))
            notes.append(f"Law {a.id}: {f.reason}; the additional punishment remains.{provided}")
        elif _shortened(f):
            steps.append((f"{head}; it may release the act, but {f.reason}: not relied on", a.cite(article), a.source))
            notes.append(f"Law {a.id} may release the act from criminal liability ({article}): {f.reason}; "
                         f"the facts given do not decide it, so the outcome does not rest on it.{provided}")
        elif f.status is Status.CONDITIONAL:
            steps.append((f"{head}; it releases the act under {f.reason}, which the facts do not say: not relied on",
                          a.cite(article), a.source))
            notes.append(f"Released under Law {a.id} {f.reason}; the facts do not say, so the outcome does not "
                         f"rest on it.{provided}")
        else:
            steps.append((f"{head}, but does not release it: {f.reason}", a.cite(article), a.source))
            if f.exclusion is not None and f.exclusion.convicted_only:
                notes.append(f"Law {a.id}: {f.reason}.")
        if not a.verified and dt.timedelta(0) <= decided_on - a.in_force <= CAVEAT_WINDOW:
            notes.append(f"The entry into force of Law {a.id} ({a.in_force_rule}) is taken as {a.in_force}, the "
                         "earliest possible day; the publication date was not read, and on the decision date "
                         f"{decided_on} the Law may not yet have been in force: this needs checking.")
    return tuple(notes), tuple(steps)


# --- the administrative chapter ----------------------------------------------------------------


def _offender(value: Offender | str | None) -> Offender | None:
    if value is None or isinstance(value, Offender):
        return value
    try:
        return Offender(value)
    except ValueError:
        raise InvalidIncident("offender", value, "one of " + ", ".join(o.value for o in Offender)) from None


def administrative_release(ref: Ref, imposed_on: dt.date, by_court: bool | None,
                           data: Amnesties | None = None, offender: Offender | str | None = None
                           ) -> tuple[tuple[Amnesty, str], ...]:
    """The amnesties whose administrative chapter releases from a fine for ``ref`` imposed on
    ``imposed_on`` and unpaid on their entry into force, each with what the facts leave open
    (who imposed it, when ``by_court`` is ``None``; who the ``offender`` is, when ``None``). Law
    329-VIII Arts 7-8: only fines of the out-of-court bodies of AOC Arts 685-735-1, a court's
    penalty excluded (Art. 8(1)); only natural persons who are citizens, individual
    entrepreneurs, private notaries, private bailiffs, advocates or legal consultants (Art. 7(1)).
    A fine imposed just after an unread entry into force is given with that date as the open
    condition. The six months of Art. 9(2) are for the bodies to take measures: they do not end
    the release."""
    who = _offender(offender)
    data = data if data is not None else amnesties()
    found = []
    for a in data.laws:
        part = a.administrative
        if part is None or any(r.contains(ref) for r in part.refs):
            continue
        if by_court and part.court_penalties_excluded:
            continue
        if part.persons and who in ENTITIES:
            continue  # legal entities are not among the persons released
        unread = not a.verified and part.fines_unpaid_on == a.in_force
        open_ = []
        if imposed_on > part.fines_unpaid_on:
            if not (unread and imposed_on - part.fines_unpaid_on <= CAVEAT_WINDOW):
                continue
            open_.append(f"the Law entered into force after {imposed_on}, the day the fine was imposed (it is taken "
                         f"as {a.in_force}, the earliest possible day; the date of its first official publication, "
                         f"which decides, was not read: {a.in_force_rule})")
            open_.append(f"the fine was unpaid (in whole or part) on the day the Law entered into force "
                         f"({part.article})")
        elif unread:
            open_.append(f"the fine was unpaid (in whole or part) on the day the Law entered into force, taken as "
                         f"{part.fines_unpaid_on}, the earliest possible day (unverified: its publication date was "
                         f"not read; {part.article})")
        else:
            open_.append(f"the fine was unpaid (in whole or part) on {part.fines_unpaid_on} ({part.article})")
        if part.persons:
            kinds = _or([PERSONS[x] for x in part.persons])
            if who is None:
                open_.append(f"the fine was imposed on a natural person who is {kinds} ({part.persons_article}); a "
                             "legal entity is not released")
            else:
                open_.append(f"the person is {kinds} ({part.persons_article})")
        if by_court is None and part.court_penalties_excluded:
            open_.append(f"it was imposed by an out-of-court body of AOC Arts 685-735-1, not by a court "
                         f"({part.article})")
        if not part.complete and not any(r.contains(ref) for r in part.not_listed):
            open_.append(f"the list of excluded offences ({part.article}) is shortened in the text read: "
                         f"whether it names {ref} was not checked")
        found.append((a, "; ".join(open_)))
    return tuple(found)
