"""Amnesty laws as dated data, and whether one reaches an assessed act.

Read from ``data/amnesties.toml`` (format in ``docs/data-format.md``). An amnesty law reaches
acts committed before its entry into force (Law 01.07.2026 No. 329-VIII Art. 4(1)) and releases
from criminal liability, terminating the pending case, the persons who committed offences of the
categories it names (Art. 1(1), (3)), except the crimes and persons it excludes (Art. 3). The
person may object (Art. 4(5)); the bodies execute it within six months (Art. 4(4)).

:func:`findings` says, for the provision that governs an act, which amnesties in force on the
decision date reach it, by which rule, what excludes it, and which conditions the facts leave
open; :func:`releasing` picks the one that decides the outcome.

>>> import datetime as dt
>>> from kzspeechlaw.law import law
>>> insult = law().provision(Ref("CC2014", "131", part=2), dt.date(2025, 9, 1))
>>> [(f.amnesty.id, f.status.value) for f in findings(insult, dt.date(2025, 9, 1), dt.date(2026, 9, 1))]
[('329-VIII', 'released')]
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw.errors import DataError
from kzspeechlaw.law import DATA_DIR, _read_toml, _Reader
from kzspeechlaw.memo import Memo
from kzspeechlaw.model import Category, Provision, Regime
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

PRESUMED = frozenset({"damage_settled"})
"""Conditions that, where the facts do not settle them, leave the release standing with the
condition stated (Law 329-VIII Art. 1(1)(2)); any other unsettled condition withholds it."""

DEFINED = {"extremist": "an extremist crime", "terrorist": "a terrorist crime", "corruption": "a corruption crime"}
"""Exclusions by kind of crime, decided by the code's definition (CC 2014 Art. 3(29), (30), (39))."""

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
    shortened in the extract read (``complete`` false), the refs known to be absent from it."""

    article: str
    kind: str
    refs: tuple[Ref, ...]
    complete: bool
    not_listed: tuple[Ref, ...]
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)

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
    fines of out-of-court bodies; ``court_penalties_excluded``), except the offences of ``refs``."""

    article: str
    fines_unpaid_on: dt.date
    court_penalties_excluded: bool
    execution_article: str
    refs: tuple[Ref, ...]
    complete: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)


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
    """Facts that settle an amnesty's conditions; ``None`` where not known."""

    damage_settled: bool | None = None
    social_category: bool | None = None
    riot_connection: bool | None = None
    recidivist: bool | None = None
    objects: bool | None = None


class Status(enum.StrEnum):
    """What an amnesty in force on the decision date does for the act."""

    RELEASED = "released"  # released from criminal liability (case terminated)
    MAIN_PUNISHMENT = "main_punishment"  # released by the court from the main punishment only
    CONDITIONAL = "conditional"  # releases only on a condition the facts do not settle
    EXCLUDED = "excluded"  # the crime or the person is excluded
    NOT_COVERED = "not_covered"  # no release rule for this category or article
    REFUSED = "refused"  # the facts fail a condition, or the person objects


@attrs.frozen
class Finding:
    """One amnesty reaching the act's date and code: its ``status``, the ``rule`` or ``exclusion``
    behind it, why, and the conditions left open."""

    amnesty: Amnesty
    status: Status
    rule: Release | None
    exclusion: Exclusion | None
    reason: str
    open_conditions: tuple[str, ...]
    within_execution: bool

    @property
    def releases(self) -> bool:
        """True when this amnesty removes liability for the act on the decision date."""
        return self.status is Status.RELEASED and self.within_execution


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
    if kind not in DEFINED:
        raise reader.fail(f"kind {kind!r} is not one of {', '.join(map(repr, DEFINED))}")
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
    reader.only(["article", "kind", "text"], ["refs", "complete", "not_listed", "notes"])
    kind = reader.get("kind", str)
    if kind not in EXCLUSIONS:
        raise reader.fail(f"kind {kind!r} is not one of {', '.join(map(repr, EXCLUSIONS))}")
    refs = _refs(reader, "refs", required=kind == "listed")
    if kind in DEFINED and refs:
        raise reader.fail(f"a {kind} exclusion takes its crimes from the code's definition, not from refs")
    return Exclusion(reader.get("article", str), kind, refs, reader.get("complete", bool, True),
                     _refs(reader, "not_listed"), reader.get("text", str), reader.get("notes", str, ""))


def _administrative(reader: _Reader) -> Administrative:
    reader.only(["article", "fines_unpaid_on", "court_penalties_excluded", "execution_article", "refs", "text"],
                ["complete", "notes"])
    unpaid = reader.date("fines_unpaid_on")
    assert unpaid is not None
    refs = _refs(reader, "refs", required=True)
    for r in refs:
        if r.code != "AOC2014":
            raise reader.fail(f"refs: {r} is not an article of the Code of Administrative Offences")
    return Administrative(reader.get("article", str), unpaid, reader.get("court_penalties_excluded", bool),
                          reader.get("execution_article", str), refs, reader.get("complete", bool, True),
                          reader.get("text", str), reader.get("notes", str, ""))


def _mapping(record: Any) -> Mapping[str, Any]:
    return record if isinstance(record, Mapping) else {"": record}


def _article_of(record: Any) -> str:
    return str(record.get("article", "?")) if isinstance(record, Mapping) else "?"


# --- reasoning ---------------------------------------------------------------------------------


def findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts | None = None,
             data: Amnesties | None = None) -> tuple[Finding, ...]:
    """What each amnesty in force on ``decided_on`` that reaches an act of ``act_date`` under
    ``p``'s code does for it, oldest first. ``p`` is the provision that governs the act (its
    category decides the release rule). Only criminal provisions: the administrative chapter
    concerns fines already imposed (:func:`administrative_release`). Remembered for the shipped
    data without facts: the answer depends on the dates only through the amnesties' dates."""
    if p.regime is not Regime.CRIMINAL:
        return ()
    if data is None and facts is None:
        return _FINDINGS.get(_key(p, act_date, decided_on), (p,),
                             lambda: _findings(p, act_date, decided_on, Facts(), amnesties()))
    return _findings(p, act_date, decided_on, facts or Facts(), data or amnesties())


def released(p: Provision, act_date: dt.date, decided_on: dt.date) -> bool:
    """``releasing(findings(p, act_date, decided_on)) is not None``, remembered: the fast path
    for callers that need only the outcome."""
    if not bisect_right(_WINDOWS or _windows(), decided_on) & 1 or p.regime is not Regime.CRIMINAL:
        return False  # outside every execution period: no amnesty releases on this day
    return _RELEASED.get(_key(p, act_date, decided_on), (p,),
                         lambda: releasing(findings(p, act_date, decided_on)) is not None)


_WINDOWS: tuple[dt.date, ...] = ()


def _windows() -> tuple[dt.date, ...]:
    """The execution periods of the amnesties that can release without facts (a liability rule
    with no condition beyond :data:`PRESUMED`), as alternating start and end days (the end the
    day after the last), merged: a day lies inside one when an odd number of bounds precede it."""
    global _WINDOWS
    last = dt.date.max - dt.timedelta(days=1)
    spans = sorted((a.in_force, (a.execution_ends or last) + dt.timedelta(days=1)) for a in amnesties().laws
                   if any(r.stage == "liability" and set(r.conditions) <= PRESUMED for r in a.releases))
    merged: list[list[dt.date]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    _WINDOWS = tuple(day for span in merged for day in span)
    return _WINDOWS


_FINDINGS = Memo(maxsize=16384)
_RELEASED = Memo(maxsize=16384)


def _key(p: Provision, act_date: dt.date, decided_on: dt.date) -> tuple[int, int, int]:
    days = _DAYS or _days()
    return id(p), bisect_right(days, act_date), bisect_right(days, decided_on)


_DAYS: tuple[dt.date, ...] = ()


def _days() -> tuple[dt.date, ...]:
    """The days on which what :func:`findings` answers may change: the bounds of the periods the
    laws reach, their entry into force and the day after their execution period (computed once)."""
    global _DAYS
    days: set[dt.date] = set()
    for a in amnesties().laws:
        days.update((a.committed_before, a.in_force))
        if a.committed_from is not None:
            days.add(a.committed_from)
        if a.execution_ends is not None:
            days.add(a.execution_ends + dt.timedelta(days=1))
    _DAYS = tuple(sorted(days))
    return _DAYS


def _findings(p: Provision, act_date: dt.date, decided_on: dt.date, facts: Facts,
              data: Amnesties) -> tuple[Finding, ...]:
    return tuple(
        _finding(a, p, decided_on, facts, data.definitions)
        for a in data.laws
        if a.in_force <= decided_on and a.reaches_date(act_date) and p.ref.code in a.codes
    )


def releasing(found: Iterable[Finding]) -> Finding | None:
    """The amnesty that removes liability on the decision date (the first in force), if any."""
    return next((f for f in found if f.releases), None)


def _finding(a: Amnesty, p: Provision, decided: dt.date, facts: Facts,
             definitions: Mapping[tuple[str, str], Definition]) -> Finding:
    ends = a.execution_ends
    within = ends is None or decided <= ends

    def make(status: Status, rule: Release | None, exclusion: Exclusion | None, reason: str,
             open_conditions: tuple[str, ...] = ()) -> Finding:
        return Finding(a, status, rule, exclusion, reason, open_conditions, within)

    open_conditions: list[str] = []
    undecided: Exclusion | None = None
    for ex in a.exclusions:
        what = EXCLUSIONS[ex.kind]
        if ex.kind in DEFINED:
            definition = definitions.get((ex.kind, p.ref.code))
            if ex.kind == "extremist" and p.extremist:
                return make(Status.EXCLUDED, None, ex, f"{p.ref} is {what} ({ex.article})")
            if definition is None:
                open_conditions.append(f"the act is not {what} ({ex.article}; the {p.ref.code} definition "
                                       "is not modelled)")
            elif any(r.contains(p.ref) for r in definition.refs):
                return make(Status.EXCLUDED, None, ex, f"{p.ref} is {what} ({definition.article}; {ex.article})")
        elif ex.refs:
            if ex.names(p.ref):
                return make(Status.EXCLUDED, None, ex, f"{ex.article} names {p.ref} ({what})")
            if ex.undecided(p.ref):
                undecided = ex
        elif ex.kind == "extremism_signs":
            open_conditions.append(f"the act contains no signs of extremism ({ex.article})")
        else:
            fact = getattr(facts, _FACT_OF[ex.kind]) if ex.kind in _FACT_OF else None
            if fact is True:
                return make(Status.EXCLUDED, None, ex, f"{what} ({ex.article})")
            if fact is None:
                open_conditions.append(f"not excluded as {what} ({ex.article})")
    if a.objection_article is not None:
        if facts.objects:
            return make(Status.REFUSED, None, None, f"the person objects ({a.objection_article})")
        if facts.objects is None:
            open_conditions.append(f"the person (or legal representative) does not object ({a.objection_article})")

    rules = [r for r in a.releases if r.stage == "liability" and r.covers(p)]
    if not rules:
        named = sorted({c.value.replace("_", " ") for r in a.releases if r.stage == "liability" for c in r.categories})
        return make(Status.NOT_COVERED, None, None,
                    f"{p.ref} ({p.category.value.replace('_', ' ')}) is not among the offences the Law releases "
                    f"from liability ({', '.join(named) or 'none'})")
    failed: list[str] = []
    conditional: tuple[Release, list[str]] | None = None
    for rule in rules:
        stated: list[str] = []
        withheld: list[str] = []
        for c in rule.conditions:
            fact = getattr(facts, _FACT_OF[c]) if c in _FACT_OF else None
            if fact is False:
                failed.append(f"{CONDITIONS[c]} ({rule.article}): the facts say not")
                break
            if fact is None:
                (stated if c in PRESUMED else withheld).append(f"{CONDITIONS[c]} ({rule.article})")
        else:
            if withheld:
                conditional = conditional or (rule, withheld)
                continue
            conds = (*stated, *open_conditions)
            if undecided is not None:
                return make(Status.CONDITIONAL, rule, undecided,
                            f"{undecided.article} is shortened in the text read: whether it names {p.ref} "
                            "was not checked", conds)
            mandatory = any(not s.optional for s in p.additional)
            court = next((r for r in a.releases if r.stage == "main_punishment" and r.covers(p)), None)
            if mandatory and court is not None:
                return make(Status.MAIN_PUNISHMENT, court, None,
                            f"{p.ref} carries a mandatory additional punishment: the court releases from the "
                            f"main punishment only ({court.article})", conds)
            return make(Status.RELEASED, rule, None, f"{rule.article}: {STAGES[rule.stage]}", conds)
    if conditional is not None:
        rule, withheld = conditional
        return make(Status.CONDITIONAL, rule, None, "it releases only if " + "; ".join(withheld),
                    tuple(open_conditions))
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


CAVEAT_WINDOW = dt.timedelta(days=31)
"""How close to an unverified entry-into-force date a date must be for the notes to warn."""


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
        head = f"Amnesty Law {a.id} of {a.adopted}, {_in_force_text(a)}, {_reach_text(a, act_date)}"
        article = _article(f)
        conditions = "; ".join(f.open_conditions)
        provided = f" Provided that: {conditions}." if conditions else ""
        if f is decisive and applied:
            steps.append((f"{head}: {f.reason}; the act is amnestied", a.cite(article), a.source))
            notes.append(f"Amnestied under Law {a.id} ({a.title.en}), {article}: "
                         f"{STAGES['liability']}.{provided}")
        elif f is decisive:
            steps.append((f"{head}: {f.reason}; the outcome already rests on another ground",
                          a.cite(article), a.source))
            notes.append(f"Law {a.id} ({article}) would also release the act from criminal liability.{provided}")
        elif f.status is Status.RELEASED:
            ends = a.execution_ends
            steps.append((f"{head}: {f.reason}, but its execution period ended on {ends}, before the decision",
                          a.cite(a.execution_article or article), a.source))
            if decisive is None:
                notes.append(f"Law {a.id} ({article}) released acts like this one from "
                             f"criminal liability; the bodies were to execute it within {a.execution_months} "
                             f"months ({a.execution_article}), until {ends}. Whether it still applies to a case "
                             f"decided on {decided_on} is not modelled: the outcome stays liable.{provided}")
        elif f.status is Status.MAIN_PUNISHMENT:
            steps.append((f"{head}: {f.reason}", a.cite(article), a.source))
            notes.append(f"Law {a.id}: {f.reason}; the additional punishment remains.{provided}")
        elif f.status is Status.CONDITIONAL:
            steps.append((f"{head}; it may release the act, but {f.reason}: not relied on", a.cite(article), a.source))
            notes.append(f"Law {a.id} may release the act from criminal liability ({article}): {f.reason}; "
                         f"the facts given do not decide it, so the outcome does not rest on it.{provided}")
        else:
            steps.append((f"{head}, but does not release it: {f.reason}", a.cite(article), a.source))
        ends = a.execution_ends
        if not a.verified and (abs(decided_on - a.in_force) <= CAVEAT_WINDOW
                               or abs(act_date - a.committed_before) <= CAVEAT_WINDOW
                               or (ends is not None and abs(decided_on - ends) <= CAVEAT_WINDOW)):
            notes.append(f"The entry into force of Law {a.id} ({a.in_force_rule}) is taken as {a.in_force}, the "
                         "earliest possible day; the publication date was not read, and a date close to it, "
                         "or to the end of the execution period counted from it, needs checking.")
    return tuple(notes), tuple(steps)


# --- the administrative chapter ----------------------------------------------------------------


def administrative_release(ref: Ref, imposed_on: dt.date, by_court: bool | None,
                           data: Amnesties | None = None) -> tuple[tuple[Amnesty, str], ...]:
    """The amnesties whose administrative chapter releases from a fine for ``ref`` imposed on
    ``imposed_on`` and unpaid on their entry into force, each with what the facts leave open
    (who imposed it, when ``by_court`` is ``None``). Law 329-VIII Arts 7-8: only fines of the
    out-of-court bodies of AOC Arts 685-735-1; a court's penalty is excluded (Art. 8(1))."""
    data = data if data is not None else amnesties()
    found = []
    for a in data.laws:
        part = a.administrative
        if part is None or imposed_on > part.fines_unpaid_on or any(r.contains(ref) for r in part.refs):
            continue
        if by_court and part.court_penalties_excluded:
            continue
        open_ = ["the fine was unpaid (in whole or part) on " + str(part.fines_unpaid_on)]
        if by_court is None and part.court_penalties_excluded:
            open_.append(f"it was imposed by an out-of-court body of AOC Arts 685-735-1, not by a court "
                         f"({part.article})")
        if not part.complete:
            open_.append(f"the list of excluded offences ({part.article}) is shortened in the text read: "
                         f"whether it names {ref} was not checked")
        found.append((a, "; ".join(open_)))
    return tuple(found)
