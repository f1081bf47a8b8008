"""Loads the data files, validates them across files, and answers point-in-time questions.

Layers: this module reads ``kzspeechlaw/law/data/*.toml`` into :mod:`kzspeechlaw.law.model` records
(each record through :class:`~kzspeechlaw.law.reader.Reader`, the codes' files with
:mod:`kzspeechlaw.law.codes`) and indexes them by reference and date. It knows nothing of incidents
or of the command line.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from kzspeechlaw.errors import DataError, LawError, NotInForce, UnknownProvision
from kzspeechlaw.i18n import Message
from kzspeechlaw.law.codes import CODE_FILES, Code, check_links, index_versions, load_code
from kzspeechlaw.law.model import Act, Provision
from kzspeechlaw.law.reader import Reader, read_toml
from kzspeechlaw.refs import CODES, MAX_CITATION, Ref, as_ref

DATA_DIR = Path(__file__).parent / "data"


@attrs.frozen
class MciValue:
    """The tenge value of one MCI from ``valid_from``, for ``purpose`` (``"all"`` or ``"benefits"``)."""

    valid_from: dt.date
    kzt: int
    purpose: str
    act: str
    article: str
    source: str
    verified: bool
    notes: str = ""

    def to_dict(self, on: dt.date, purpose: str) -> dict[str, Any]:
        """JSON-ready, as the MCI asked for on ``on`` for ``purpose`` (``kzspeechlaw mci --json``,
        ``GET /api/mci``)."""
        return {
            "date": on.isoformat(), "purpose": purpose, "kzt": self.kzt, "valid_from": self.valid_from.isoformat(),
            "act": self.act, "article": self.article, "source": self.source, "verified": self.verified,
            "notes": self.notes,
        }


@attrs.frozen
class Law:
    """All the data, validated and indexed. Build it with :func:`load`."""

    codes: Mapping[str, Code]
    acts: Mapping[str, Act]
    versions: Mapping[Ref, tuple[Provision, ...]]
    mci_series: tuple[MciValue, ...]
    mci_until: dt.date
    current_to: dt.date
    general: Mapping[tuple[str, ...], tuple[Any, ...]] = attrs.field(factory=dict, repr=False)
    """The general part's rules (:func:`kzspeechlaw.law.general_part.load`), read with the codes
    (which take their categories from it)."""

    def versions_of(self, ref: Ref) -> tuple[Provision, ...]:
        """Every version of ``ref`` (a part, or all parts of an article), oldest first."""
        if ref in self.versions:
            return self.versions[ref]
        found = [p for r, ps in self.versions.items() if ref.contains(r) for p in ps]
        if not found:
            raise _not_in_data(ref)
        return tuple(sorted(found, key=lambda p: (p.ref.sort_key(), p.valid_from)))

    def provision(self, ref: Ref, on: dt.date) -> Provision:
        """The version of the part ``ref`` in force on ``on``."""
        versions = self.versions.get(ref)
        if versions is None:
            parts = [r for r in self.versions if ref.contains(r)]
            if parts:
                raise UnknownProvision(Message("{ref} has several parts; name one of {parts}", ref=str(ref),
                                               parts=", ".join(map(str, sorted(parts)))))
            raise _not_in_data(ref)
        for version in versions:
            if version.in_force_on(on):
                return version
        index = next((n for n, v in enumerate(versions) if v.valid_from > on), len(versions))
        before = versions[index - 1] if index > 0 else None
        after = versions[index] if index < len(versions) else None
        inferred = ((before is not None and after is None and not self.bounds_read(before)[1])
                    or (after is not None and before is None and not self.bounds_read(after)[0]))
        moved_in_part = before is not None and self.moved_in_part(before)
        raise NotInForce(ref, on, before, after, inferred, moved_in_part)

    def moved_in_part(self, version: Provision) -> bool:
        """Whether the successor of the repealed ``version`` reaches only some of the acts it reached:
        a clause of the successor's elements (as worded on its first day) that no clause of
        ``version``'s implies. CC 2014 Art. 130(3) («повлекшая тяжкие последствия» among its limbs)
        moved to AOC 2014 Art. 73-3(3), which names the accusations alone."""
        if version.successor is None or version.valid_to is None:
            return False
        try:
            heir = self.provision(version.successor, version.valid_to)
        except LawError:
            return True  # no successor's version that day: nothing shows the move is whole
        return not all(any(set(old) <= set(new) for old in version.elements) for new in heir.elements)

    def bounds_read(self, version: Provision) -> tuple[bool, bool]:
        """Whether the start and the end of ``version`` were read rather than computed: each is the
        code's own start or end, or the in-force date, recorded as verified, of the act that made the
        change (the version's own act at the start; at the end the repealing act or the next
        version's); an open end is read."""
        code = self.codes[version.ref.code]

        def read(act_id: str | None, day: dt.date) -> bool:
            act = self.acts.get(act_id) if act_id is not None else None
            return act is not None and act.verified and act.in_force == day

        start = version.valid_from == code.valid_from or read(version.act, version.valid_from)
        end_day = version.valid_to
        if end_day is None or end_day == code.valid_to:
            return start, True
        nxt = next((v for v in self.versions[version.ref] if v.valid_from == end_day), None)
        return start, read(version.repealed_by or (nxt.act if nxt is not None else None), end_day)


# --- loading -------------------------------------------------------------------------------------


def _load_acts(directory: Path) -> tuple[dict[str, Act], dt.date]:
    data = read_toml(directory, "acts.toml")
    meta = Reader("acts.toml", "[data]", data.get("data", {}))
    meta.only(["current_to"], ["notes"])
    current_to = meta.date("current_to")
    assert current_to is not None
    acts: dict[str, Act] = {}
    for index, record in enumerate(data.get("act", [])):
        reader = Reader("acts.toml", f"act #{index + 1} ({record.get('id', '?')})", record)
        reader.only(
            ["id", "title", "adopted", "in_force_rule", "source", "verified"],
            ["published", "published_read", "in_force", "notes"],
        )
        act = Act(
            id=reader.get("id", str),
            title=reader.get("title", str),
            adopted=reader.date("adopted"),  # type: ignore[arg-type]
            in_force=reader.date("in_force", required=False),
            in_force_rule=reader.get("in_force_rule", str),
            published=reader.date("published", required=False),
            source=reader.get("source", str),
            verified=reader.get("verified", bool),
            notes=reader.get("notes", str, ""),
            published_read=reader.get("published_read", bool, True),
        )
        if act.id in acts:
            raise reader.fail(f"act {act.id} is listed twice")
        if act.in_force is not None and act.in_force < act.adopted and "01.01" not in act.in_force_rule:
            raise reader.fail(f"in_force {act.in_force} is before adoption {act.adopted}")
        acts[act.id] = act
    return acts, current_to


def _load_mci(directory: Path, acts: Mapping[str, Act]) -> tuple[tuple[MciValue, ...], dt.date]:
    data = read_toml(directory, "mci.toml")
    head = Reader("mci.toml", "[coverage]", data.get("coverage", {}))
    head.only(["until"])
    until = head.date("until")
    assert until is not None
    series: list[MciValue] = []
    for index, record in enumerate(data.get("mci", [])):
        reader = Reader("mci.toml", f"mci #{index + 1} ({record.get('valid_from', '?')})", record)
        reader.only(
            ["valid_from", "kzt", "purpose", "act", "article", "source", "verified"], ["notes"]
        )
        value = MciValue(
            valid_from=reader.date("valid_from"),  # type: ignore[arg-type]
            kzt=reader.get("kzt", int),
            purpose=reader.get("purpose", str),
            act=reader.get("act", str),
            article=reader.get("article", str),
            source=reader.get("source", str),
            verified=reader.get("verified", bool),
            notes=reader.get("notes", str, ""),
        )
        if value.kzt <= 0:
            raise reader.fail(f"kzt must be positive, got {value.kzt}")
        if value.purpose not in ("all", "benefits"):
            raise reader.fail(f"purpose must be 'all' or 'benefits', got {value.purpose!r}")
        if value.act not in acts:
            raise reader.fail(f"act {value.act!r} is not in acts.toml")
        if series and value.valid_from <= series[-1].valid_from and not (
            value.valid_from == series[-1].valid_from and value.purpose != series[-1].purpose
        ):
            raise reader.fail("values must be in date order, one per date and purpose")
        if value.valid_from > until:
            raise reader.fail(f"valid_from is after the coverage end {until}")
        series.append(value)
    if not series:
        raise DataError("mci.toml", "-", "no [[mci]] values")
    return tuple(series), until


def _not_in_data(ref: Ref) -> UnknownProvision:
    """The error for a part the data does not hold, with the scope register's reason where it
    lists the article as not modelled (``scope.toml``)."""
    from kzspeechlaw.law.scope import describe, register  # here: the register is read for this message

    listed = [e for e in register().entries
              if e.status == "not_modelled" and e.code == ref.code and e.number == ref.article]
    if listed:
        return UnknownProvision(Message("{ref} is not in the data: {why}; see kzspeechlaw coverage", ref=str(ref),
                                        why=describe(listed[0])))
    return UnknownProvision(Message("{ref} is not in the data; see kzspeechlaw coverage", ref=str(ref)))


def check_continuations(index: Mapping[Ref, tuple[Provision, ...]]) -> None:
    """Each ``continued_by`` names a part of the same code, in force from the day the part that
    names it ends: the repealing law restated the rule there the same day (AOC 2014 Art. 456-1(2)
    in Art. 456-2(1)), so the repeal leaves no gap. Only the last version of a repealed part may
    name one, and not beside a ``successor`` (new liability, not retroactive: the two readings
    exclude each other). Anything else is a :class:`DataError` naming the version."""
    for ref, versions in index.items():
        for p in versions:
            target = p.continued_by
            if target is None:
                continue
            file, record = CODE_FILES[ref.code], f"{ref} from {p.valid_from}"
            if p is not versions[-1] or p.valid_to is None or p.repealed_by is None:
                raise DataError(file, record, f"continued_by {target} needs the last version of a repealed part "
                                              "(valid_to and repealed_by)")
            if p.successor is not None:
                raise DataError(file, record, f"continued_by {target} and successor {p.successor} exclude each "
                                              "other: a rule that continues is no new liability")
            if target.code != ref.code:
                raise DataError(file, record, f"continued_by {target} is not a part of {ref.code}")
            if target == ref or target not in index:
                raise DataError(file, record, f"continued_by {target} is not another part in the data (name one "
                                              "part, e.g. 'AOC2014 456-2(1)')")
            if not any(v.in_force_on(p.valid_to) for v in index[target]):
                raise DataError(file, record, f"continued_by {target} is not in force on {p.valid_to}, the day "
                                              f"{ref} ends")


def load(directory: Path | str | None = None) -> Law:
    """Read and validate every data file; raises :class:`DataError` naming file and record."""
    root = Path(directory) if directory is not None else DATA_DIR
    acts, current_to = _load_acts(root)
    from kzspeechlaw.law import general_part  # here: it imports this module (the data's folder, law())

    general = general_part.load(root, acts)
    categories = tuple(r for key, rules in general.items() if key[0] == "category" for r in rules)
    codes: dict[str, Code] = {}
    provisions: list[Provision] = []
    for code_id in CODES:
        code, parts = load_code(root, code_id, acts, categories)
        codes[code_id] = code
        provisions.extend(parts)
    index = index_versions(provisions)
    check_links(index, codes)
    check_continuations(index)
    series, until = _load_mci(root, acts)
    return Law(codes, acts, index, series, until, current_to, general)


@functools.cache
def law() -> Law:
    """The library's data, loaded once on first use: from its compiled form where that was made
    from exactly these data files and this code, else read and written to it
    (:mod:`kzspeechlaw.law.compiled`)."""
    from kzspeechlaw.law import compiled

    return compiled.cached(DATA_DIR, load, Law)


def resolve(ref: Ref | str, on: dt.date | None = None) -> Ref:
    """A :class:`Ref` from a citation (cached for strings); anything else raises
    :class:`~kzspeechlaw.CitationError`."""
    if isinstance(ref, Ref):
        return ref
    if not isinstance(ref, str) or len(ref) > MAX_CITATION:
        return as_ref(ref, on)  # raises CitationError naming the value (not remembered)
    return _parse_cached(ref, on)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, on: dt.date | None) -> Ref:
    return as_ref(text, on)
