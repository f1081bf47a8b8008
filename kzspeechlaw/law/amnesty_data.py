"""Reads and validates ``data/amnesties.toml`` into :mod:`kzspeechlaw.law.amnesty_laws` records.

A problem raises :class:`~kzspeechlaw.errors.DataError` naming the file, the record and the rule
broken. The laws' dates are change days of the one time index (:func:`days`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kzspeechlaw.errors import DataError
from kzspeechlaw.law.amnesty_laws import (
    CATEGORIES,
    CAVEAT_WINDOW,
    CONDITIONS,
    DEFINED,
    DEFINITIONS,
    EXCLUSIONS,
    PERSONS,
    STAGES,
    Administrative,
    Amnesties,
    Amnesty,
    Definition,
    Exclusion,
    Release,
    Title,
    Unmodelled,
)
from kzspeechlaw.law.loader import DATA_DIR
from kzspeechlaw.law.model import Category
from kzspeechlaw.law.reader import Reader, read_toml
from kzspeechlaw.refs import CODES, Ref

FILE = "amnesties.toml"


def load(directory: Path | str | None = None) -> Amnesties:
    """Read and validate ``amnesties.toml``; raises :class:`DataError` naming file, record, rule."""
    root = Path(directory) if directory is not None else DATA_DIR
    data = read_toml(root, FILE)
    definitions: dict[tuple[str, str], Definition] = {}
    for n, record in enumerate(data.get("definition", [])):
        d = _definition(Reader(FILE, f"definition #{n + 1} ({record.get('kind', '?')})", record))
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
    unmodelled = None
    if "unmodelled" in data:
        reader = Reader(FILE, "unmodelled", data["unmodelled"])
        reader.only(["before", "laws", "text"], ["notes"])
        before = reader.date("before")
        assert before is not None
        unmodelled = Unmodelled(before, tuple(str(x) for x in reader.get("laws", list)), reader.get("text", str),
                                reader.get("notes", str, ""))
    return Amnesties(tuple(sorted(laws, key=lambda a: a.in_force)), definitions, unmodelled)


@functools.cache
def amnesties() -> Amnesties:
    """The amnesty laws, loaded once: from their compiled form where it is of this data and code
    (:mod:`kzspeechlaw.law.compiled`), else read and checked."""
    from kzspeechlaw.law import compiled

    # load() with no directory: the shipped data, checked against the library's acts
    return compiled.cached(DATA_DIR, lambda _directory: load(), Amnesties, name="amnesties")


def _refs(reader: Reader, key: str, required: bool = False) -> tuple[Ref, ...]:
    values = reader.get(key, list, None)
    if values is None:
        if required:
            raise reader.fail(f"missing key(s) {key}")
        return ()
    return tuple(reader.ref(v, key) for v in values)


def _text_list(reader: Reader, key: str, allowed: Iterable[str], required: bool = True) -> tuple[str, ...]:
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


def _definition(reader: Reader) -> Definition:
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


def _title(reader: Reader) -> Title:
    value = reader.get("title", dict)
    if (value is None or not {"en", "ru"} <= set(value) or not set(value) <= {"en", "ru", "kk"}
            or not all(isinstance(v, str) and v for v in value.values())):
        raise reader.fail(f"title must give non-empty 'en' and 'ru' strings (and 'kk' only where read), got {value!r}")
    return Title(value["en"], value["ru"], value.get("kk"))


def _amnesty(record: Mapping[str, Any], name: str) -> Amnesty:
    reader = Reader(FILE, name, record)
    reader.only(
        ["id", "title", "adopted", "in_force", "in_force_rule", "verified", "source", "committed_before",
         "codes", "text"],
        ["committed_from", "execution_months", "execution_article", "objection_article", "notes", "release",
         "exclusion", "administrative", "convicted_article", "served_article"],
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
    convicted, served = reader.get("convicted_article", str, None), reader.get("served_article", str, None)
    if (convicted is None) != (served is None):
        raise reader.fail("convicted_article and served_article go together")
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
        administrative=None if admin is None else _administrative(Reader(FILE, f"{name} administrative", admin)),
        text=reader.get("text", str),
        notes=reader.get("notes", str, ""),
        convicted_article=convicted,
        served_article=served,
    )


def _release(law_id: str, n: int, record: Any, codes: tuple[str, ...]) -> Release:
    reader = Reader(FILE, f"amnesty {law_id} release #{n + 1} ({_article_of(record)})", _mapping(record))
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
    reader = Reader(FILE, f"{name} ({_article_of(record)})", _mapping(record))
    reader.only(["article", "kind", "text"], ["refs", "complete", "not_listed", "notes", "convicted_only",
                                               "doubtful"])
    kind = reader.get("kind", str)
    if kind not in EXCLUSIONS:
        raise reader.fail(f"kind {kind!r} is not one of {', '.join(map(repr, EXCLUSIONS))}")
    refs = _refs(reader, "refs", required=kind == "listed")
    if kind in DEFINED and refs:
        raise reader.fail(f"a {kind} exclusion takes its crimes from the code's definition, not from refs")
    return Exclusion(reader.get("article", str), kind, refs, reader.get("complete", bool, True),
                     _refs(reader, "not_listed"), reader.get("text", str), reader.get("notes", str, ""),
                     reader.get("convicted_only", bool, False), _refs(reader, "doubtful"))


def _administrative(reader: Reader) -> Administrative:
    reader.only(["article", "fines_unpaid_on", "court_penalties_excluded", "execution_article", "refs", "text"],
                ["complete", "notes", "not_listed", "persons", "persons_article", "court_only", "court_only_article"])
    unpaid = reader.date("fines_unpaid_on")
    assert unpaid is not None
    refs, not_listed = _refs(reader, "refs", required=True), _refs(reader, "not_listed")
    court_only = _refs(reader, "court_only")
    for key, values in (("refs", refs), ("not_listed", not_listed), ("court_only", court_only)):
        for r in values:
            if r.code != "AOC2014":
                raise reader.fail(f"{key}: {r} is not an article of the Code of Administrative Offences")
    persons = _text_list(reader, "persons", PERSONS, required=False)
    persons_article = reader.get("persons_article", str, None)
    if bool(persons) != (persons_article is not None):
        raise reader.fail("persons and persons_article go together")
    court_only_article = reader.get("court_only_article", str, None)
    if bool(court_only) != (court_only_article is not None):
        raise reader.fail("court_only and court_only_article go together")
    return Administrative(reader.get("article", str), unpaid, reader.get("court_penalties_excluded", bool),
                          reader.get("execution_article", str), refs, reader.get("complete", bool, True),
                          reader.get("text", str), reader.get("notes", str, ""), not_listed, persons,
                          persons_article, court_only, court_only_article)


def _mapping(record: Any) -> Mapping[str, Any]:
    return record if isinstance(record, Mapping) else {"": record}


def _article_of(record: Any) -> str:
    return str(record.get("article", "?")) if isinstance(record, Mapping) else "?"



def reach_days() -> tuple[dt.date, ...]:
    """Days on which what an amnesty does for an act may change (change days of the one time index,
    :func:`kzspeechlaw.law.timeline.timeline`, with :func:`decision_days`): the bounds of the
    periods of acts the laws reach, of the window after an unread cut-off, and of the acts an
    unmodelled law may have released (:class:`~kzspeechlaw.law.amnesty_laws.Unmodelled`). Only an act date is
    compared with them (:meth:`~kzspeechlaw.law.amnesty_laws.Amnesty.reaches_date`,
    :meth:`~kzspeechlaw.law.amnesty_laws.Amnesty.may_reach`)."""
    found: set[dt.date] = set()
    for a in amnesties().laws:
        found.add(a.committed_before)
        if a.committed_from is not None:
            found.add(a.committed_from)
        if a.cut_off_unread:
            found.add(a.committed_before + CAVEAT_WINDOW + dt.timedelta(days=1))
    unmodelled = amnesties().unmodelled
    if unmodelled is not None:  # the acts an unmodelled law may have released end there
        found.add(unmodelled.before)
    return tuple(sorted(found))


def decision_days() -> tuple[dt.date, ...]:
    """The laws' entry into force and the day after their execution period: a decision date is
    compared with these (an amnesty applies to cases decided while it is in force and, for
    :attr:`~kzspeechlaw.law.amnesty_laws.Amnesty.execution_ends`, within its execution)."""
    found: set[dt.date] = set()
    for a in amnesties().laws:
        found.add(a.in_force)
        if a.execution_ends is not None:
            found.add(a.execution_ends + dt.timedelta(days=1))
    return tuple(sorted(found))


@functools.cache
def liability_bounds() -> tuple[dt.date, dt.date]:
    """The first entry into force of a law that releases from liability, and the latest cut-off of
    those laws: no amnesty releases a decision before the one or an act on or after the other."""
    laws = [a for a in amnesties().laws if any(r.stage == "liability" for r in a.releases)]
    return min(a.in_force for a in laws), max(a.committed_before for a in laws)
