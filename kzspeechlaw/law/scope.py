"""The scope register (``data/scope.toml``): the speech articles of each code, modelled or not.

An article is in the register when its elements are a statement, a publication or a call. Each
entry is either ``modelled`` (its versions are in the code's data file) or ``not_modelled`` with
the reason, and, where known, the incident conducts and targets that may fall under it and the
period it covers. The register is what lets the library tell "no provision" from "outside what
the data models":

- :func:`outside` gives, for an incident no modelled part matches, the unmodelled articles its
  facts may fall under on the act date, or the note that no modelled article deals with its
  conduct then; :func:`kzspeechlaw.assess` answers ``outside_scope`` instead of ``no_provision``;
- :func:`special_unmodelled` gives, where parts match, the unmodelled articles aimed at the
  incident's target (a special article that could displace the match); ``assess`` then answers
  ``outside_scope`` too, and says what the answer is if a fact the article ``requires`` is false.

>>> from kzspeechlaw.reasoning.incident import Incident
>>> [e.ref for e in outside(Incident(act_date="2010-05-01", conduct="call_to_aggressive_war",
...                                  channel="mass_media"))]
['CC1997 157']
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from kzspeechlaw.errors import DataError
from kzspeechlaw.i18n import Code, Message
from kzspeechlaw.law.codes import CODE_FILES
from kzspeechlaw.law.facts import DECIDING, Channel, Conduct, Target, check_fact
from kzspeechlaw.law.loader import DATA_DIR, law
from kzspeechlaw.law.reader import Reader, read_toml
from kzspeechlaw.law.timeline import in_force, timeline

if TYPE_CHECKING:  # the register is data: it reads an incident's facts without importing the reasoning
    from kzspeechlaw.reasoning.incident import Incident

FILE = "scope.toml"
STATUSES = ("modelled", "not_modelled")


@attrs.frozen
class CodeScope:
    """A code's newest edition read (``current_to``) and the chapters searched for the register."""

    id: str
    current_to: dt.date
    edition: str
    chapters_read: str


@attrs.frozen
class OtherCode:
    """A code in force in the data's years that the data does not model at all (the Code of
    Administrative Offences of 2001 before AOC 2014): its articles may be listed as unmodelled
    entries, each with the period it covers."""

    id: str
    title: str
    valid_from: dt.date
    valid_to: dt.date
    dates_verified: bool = True
    source: str = ""
    notes: str = ""


@attrs.frozen
class Entry:
    """One article of the register (an article may have a modelled and an unmodelled entry, for
    the periods modelled and not)."""

    code: str
    number: str
    status: str
    title: str = ""
    reason: str = ""
    conducts: tuple[Conduct, ...] = ()
    targets: tuple[Target, ...] = ()
    channels: tuple[Channel, ...] = ()
    """The channels the entry is for (any where empty; a channel not stated fits): a part that names
    some ways of making an act known and not others."""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    dates_verified: bool = True
    source: str = ""
    notes: str = ""
    requires: tuple[str, ...] = ()
    facts: tuple[tuple[str, ...], ...] = ()
    """Facts the article is reached only with, as clauses of an element list (each clause one of its
    facts; every clause): a part aimed at some circumstances or kinds and not others (AOC 2014
    Art. 478: incitement «в местности, где объявлено чрезвычайное или военное положение»)."""

    @property
    def ref(self) -> str:
        """The article's citation, ``"CC1997 170"``; the code alone for an entry about a whole code."""
        return f"{self.code} {self.number}".strip()

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the entry's period (and its code's life; an entry of a code the
        data does not model states its period, :class:`OtherCode`)."""
        if self.code not in CODE_FILES:
            return in_force(self.valid_from or dt.date.min, self.valid_to, day)
        code = law().codes[self.code]
        start = self.valid_from or code.valid_from
        end = self.valid_to or code.valid_to
        return in_force(start, end, day)

    def fits(self, incident: Incident, day: dt.date) -> bool:
        """Whether the incident's conduct (and target and channel, where the entry names them) is the
        entry's, on ``day``, and the incident does not state otherwise a fact the article requires
        (``requires``: deciding facts such as ``link:duties``, which may be left unstated)."""
        if incident.conduct not in self.conducts or (self.targets and incident.target not in self.targets):
            return False
        if self.channels and incident.channel is not None and incident.channel not in self.channels:
            return False  # a channel not stated may be one of them
        if not all(any(fact in incident.facts for fact in clause) for clause in self.facts):
            return False
        stated_otherwise = any(
            fact not in incident.facts and any(f.startswith(fact.partition(":")[0] + ":") for f in incident.facts)
            for fact in self.requires
        )
        return not stated_otherwise and self.covers(day)


@attrs.frozen
class Register:
    """The register: the codes' editions and the entries in file order."""

    codes: tuple[CodeScope, ...]
    entries: tuple[Entry, ...]
    others: tuple[OtherCode, ...] = ()


def load(directory: Path | str | None = None) -> Register:
    """Read and validate ``scope.toml``; raises :class:`~kzspeechlaw.DataError` naming the record."""
    root = Path(directory) if directory is not None else DATA_DIR
    data = read_toml(root, FILE)
    codes = []
    for index, record in enumerate(data.get("code", [])):
        reader = Reader(FILE, f"code #{index + 1} ({record.get('id', '?')})", record)
        reader.only(["id", "current_to", "edition", "chapters_read"])
        if record["id"] not in CODE_FILES:
            raise reader.fail(f"id {record['id']!r} is not one of {sorted(CODE_FILES)}")
        current_to = reader.date("current_to")
        assert current_to is not None
        codes.append(CodeScope(record["id"], current_to, reader.get("edition", str), reader.get("chapters_read", str)))
    if sorted(c.id for c in codes) != sorted(CODE_FILES):
        raise DataError(FILE, "[[code]]", f"one record per code: {sorted(CODE_FILES)}")
    others = []
    for index, record in enumerate(data.get("other_code", [])):
        reader = Reader(FILE, f"other_code #{index + 1} ({record.get('id', '?')})", record)
        reader.only(["id", "title", "valid_from", "valid_to", "source"], ["dates_verified", "notes"])
        start, end = reader.date("valid_from"), reader.date("valid_to")
        assert start is not None and end is not None
        if record["id"] in CODE_FILES or end <= start:
            raise reader.fail("an other code is one the data does not model, with valid_to after valid_from")
        others.append(OtherCode(record["id"], reader.get("title", str), start, end,
                                reader.get("dates_verified", bool, True), reader.get("source", str),
                                reader.get("notes", str, "")))
    other = {o.id: o for o in others}
    entries = []
    for index, record in enumerate(data.get("article", [])):
        where = f"article #{index + 1} ({record.get('code', '?')} {record.get('number', '?')})"
        reader = Reader(FILE, where, record)
        reader.only(["code", "number", "status"], ["title", "reason", "conducts", "targets", "channels", "valid_from",
                                                  "valid_to", "dates_verified", "source", "notes",
                                                  "requires", "facts"])
        code, status = reader.get("code", str), reader.get("status", str)
        if code not in CODE_FILES and (code not in other or status != "not_modelled"):
            raise reader.fail(f"code {code!r} is not one of {sorted(CODE_FILES)} nor an unmodelled other_code "
                              f"{sorted(other)}")
        if status not in STATUSES:
            raise reader.fail(f"status {status!r} is not one of {list(STATUSES)}")
        if status == "not_modelled" and not (record.get("reason") and record.get("title") and record.get("source")):
            raise reader.fail("an unmodelled article needs its title, the reason and the source it was seen in")
        try:
            conducts = tuple(Conduct(c) for c in reader.get("conducts", list, []))
            targets = tuple(Target(t) for t in reader.get("targets", list, []))
            channels = tuple(Channel(c) for c in reader.get("channels", list, []))
        except ValueError as error:
            raise reader.fail(str(error)) from None
        entry = Entry(
            code=code,
            number=reader.get("number", str),
            status=status,
            title=reader.get("title", str, ""),
            reason=reader.get("reason", str, ""),
            conducts=conducts,
            targets=targets,
            channels=channels,
            valid_from=reader.date("valid_from", required=False) or (other[code].valid_from if code in other else None),
            valid_to=reader.date("valid_to", required=False) or (other[code].valid_to if code in other else None),
            dates_verified=reader.get("dates_verified", bool, True)
            and (code not in other or other[code].dates_verified),
            source=reader.get("source", str, ""),
            notes=reader.get("notes", str, ""),
            requires=tuple(reader.get("requires", list, [])),
            facts=tuple(tuple(clause) for clause in reader.get("facts", list, [])),
        )
        for fact in entry.requires:
            problem = check_fact(fact) if isinstance(fact, str) else f"{fact!r} is not a string"
            if problem or fact.partition(":")[0] not in DECIDING:
                raise reader.fail(problem or f"requires {fact!r}: only facts of {sorted(DECIDING)} may be required")
        for clause in entry.facts:
            problems = [check_fact(f) if isinstance(f, str) else f"{f!r} is not a string" for f in clause] or [
                "an empty clause"]
            if any(problems):
                raise reader.fail(f"facts {list(clause)!r}: {next(p for p in problems if p)}")
        if entry.valid_from and entry.valid_to and entry.valid_to <= entry.valid_from:
            raise reader.fail(f"valid_to {entry.valid_to} is not after valid_from {entry.valid_from}")
        entries.append(entry)
    return Register(tuple(codes), tuple(entries), tuple(others))


@functools.cache
def register() -> Register:
    """The library's scope register, loaded once on first use (from its compiled form where
    that was made from exactly these data files, :mod:`kzspeechlaw.law.compiled`)."""
    from kzspeechlaw.law import compiled

    return compiled.cached(DATA_DIR, load, Register, name="scope")


def _modelled_conduct(conduct: Conduct, day: dt.date) -> bool:
    """Whether some modelled part in force on ``day`` has ``conduct`` among its elements."""
    return _modelled_in(conduct, timeline().interval(day))


@functools.lru_cache(maxsize=4096)
def _modelled_in(conduct: Conduct, interval: int) -> bool:
    """:func:`_modelled_conduct` for every day of ``interval`` of the time index."""
    fact, day = f"conduct:{conduct.value}", timeline().start(interval)
    return any(
        v.in_force_on(day) and any(fact in clause for clause in v.elements)
        for versions in law().versions.values()
        for v in versions
    )


def unmodelled_on(incident: Incident, day: dt.date) -> tuple[Entry, ...]:
    """The unmodelled register entries the incident's facts fit on ``day``."""
    return tuple(e for e in register().entries if e.status == "not_modelled" and e.fits(incident, day))


def unmodelled_codes(day: dt.date) -> tuple[Entry, ...]:
    """An entry for each code the data does not model that was in force on ``day``
    (:class:`OtherCode`: the Code of Administrative Offences of 2001 before 2015): an act that no
    modelled article reaches, and that no listed article of such a code fits, may still have been an
    offence under another of its articles, so it is outside the modelled scope, never a certain
    "no provision"."""
    return tuple(
        Entry(code=o.id, number="", status="not_modelled", title=o.title, valid_from=o.valid_from,
              valid_to=o.valid_to, dates_verified=o.dates_verified, source=o.source,
              reason=Message("{code} ({title}) was in force on {day} and is not modelled: an article of it may reach "
                             "these facts", code=o.id, title=o.title, day=day))
        for o in register().others if in_force(o.valid_from, o.valid_to, day))


def outside(incident: Incident) -> tuple[Entry, ...]:
    """Why an incident that no modelled part matches is outside the modelled scope: the unmodelled
    register entries its conduct (and target) fit on the act date, or, where none does and no
    modelled part in force deals with its conduct at all, a synthetic entry saying so. Empty when
    the facts fall inside the modelled scope (then ``no_provision`` is the answer)."""
    day = incident.act_date
    fitting = unmodelled_on(incident, day) or unmodelled_codes(day)
    if fitting or _modelled_conduct(incident.conduct, day):
        return fitting
    codes = [c for c in law().codes.values() if in_force(c.valid_from, c.valid_to, day)]
    if not codes:  # before the first code of the data: the law then in force is not modelled
        first = min(c.valid_from for c in law().codes.values())
        return (Entry(code="", number="", status="not_modelled", title="",
                      reason=Message("the data begins on {first}: the law in force on {day} is not modelled",
                                     first=first, day=day)),)
    return tuple(
        Entry(code=c.id, number="", status="not_modelled", title="",
              reason=Message("no modelled article of {code} deals with the conduct '{conduct}' on {day}, and the "
                             "scope register names none", code=c.id, conduct=Code(incident.conduct), day=day))
        for c in codes
    )


def special_unmodelled(incident: Incident) -> tuple[Entry, ...]:
    """Unmodelled articles aimed at the incident's target (entries naming targets) that its facts
    fit on the act date: they may displace the general part that matched."""
    day = incident.act_date
    return tuple(e for e in _aimed_unmodelled() if e.fits(incident, day))


def criminal_unmodelled(incident: Incident) -> tuple[Entry, ...]:
    """Unmodelled articles of a criminal code that the incident's facts fit on the act date: for a
    natural person, they may take precedence over an administrative part that matched (the AOC's
    «если эти действия не содержат признаков уголовно наказуемого деяния»; a crime is not an
    administrative offence, AOC 2014 Art. 25(2))."""
    day = incident.act_date
    return tuple(e for e in _criminal_unmodelled() if e.fits(incident, day))


@functools.cache
def _criminal_unmodelled() -> tuple[Entry, ...]:
    """The unmodelled entries of the criminal codes that name conducts."""
    return tuple(e for e in register().entries
                 if e.status == "not_modelled" and e.code.startswith("CC") and e.conducts)


@functools.cache
def _aimed_unmodelled() -> tuple[Entry, ...]:
    """The unmodelled entries that name targets."""
    return tuple(e for e in register().entries if e.status == "not_modelled" and e.targets)


def describe(entry: Entry) -> str:
    """One line: the article, its title and why it is not modelled."""
    if not entry.number:
        return entry.reason
    if not (entry.valid_from or entry.valid_to):
        return Message("{ref} ({title}) is not modelled: {reason}", ref=entry.ref, title=entry.title,
                       reason=entry.reason)
    start = entry.valid_from or Message("the start")
    end = entry.valid_to or Message("today")
    if entry.dates_verified:
        return Message("{ref} ({title}) is not modelled for {start} to {end}: {reason}", ref=entry.ref,
                       title=entry.title, start=start, end=end, reason=entry.reason)
    return Message("{ref} ({title}) is not modelled for {start} to {end} (dates not verified): {reason}",
                   ref=entry.ref, title=entry.title, start=start, end=end, reason=entry.reason)


def entry_dict(entry: Entry) -> dict[str, object]:
    """An entry's JSON form: the article (``None`` for an entry about a whole code or the data's
    dates), its title, why it is not modelled, its period, and :func:`describe`'s line as ``why``
    (English text)."""
    return {"article": entry.ref or None, "title": entry.title or None, "reason": str(entry.reason) or None,
            "valid_from": entry.valid_from.isoformat() if entry.valid_from else None,
            "valid_to": entry.valid_to.isoformat() if entry.valid_to else None,
            "why": str(describe(entry))}
