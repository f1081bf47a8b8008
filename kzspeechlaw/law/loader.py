"""Loads the data files, validates them across files, and answers point-in-time questions.

Layers: this module reads ``kzspeechlaw/law/data/*.toml`` into :mod:`kzspeechlaw.law.model` records and
indexes them by reference and date. It knows nothing of incidents or of the command line.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from kzspeechlaw.errors import (
    AmountError,
    CitationError,
    DataError,
    LawError,
    NotInForce,
    UnknownProvision,
)
from kzspeechlaw.i18n import Message
from kzspeechlaw.law.facts import check_fact
from kzspeechlaw.law.model import MAIN_RANK, Act, Penalty, Provision, Regime, Sanction, Subject
from kzspeechlaw.refs import CODES, MAX_CITATION, Ref, as_ref, parse
from kzspeechlaw.units import Amount, comparable, compare, parse_amount

DATA_DIR = Path(__file__).parent / "data"
CODE_FILES = {"CC1997": "cc1997.toml", "CC2014": "cc2014.toml", "AOC2014": "aoc2014.toml"}
LANGS = ("en", "ru", "kk")

# Units each kind of sanction may be stated in.
_UNITS_OF_KIND = {
    Penalty.FINE: {"MCI", "KZT"},
    # The 1997 Criminal Code's fine in the convicted person's wages or other income for a period
    # (CC 1997 Art. 40): a number of months, or a year ("от пяти месяцев до одного года").
    Penalty.INCOME_FINE: {"month", "year"},
    Penalty.CORRECTIONAL_WORK: {"MCI", "month", "year"},
    Penalty.COMMUNITY_SERVICE: {"hour"},
    Penalty.ARREST: {"day", "month"},
    Penalty.RESTRICTION_OF_FREEDOM: {"year", "month"},
    Penalty.IMPRISONMENT: {"year", "month"},
    Penalty.DEPRIVATION_OF_RIGHT: {"year", "month"},
    Penalty.EXPULSION: {"year"},
    Penalty.SUSPENSION_OF_ACTIVITY: {"month", "day"},
}


@attrs.frozen
class Code:
    """One code: its identifier, regime, titles and the dates it was in force."""

    id: str
    regime: Regime
    act: str
    title: Mapping[str, str]
    valid_from: dt.date
    valid_to: dt.date | None


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
            raise UnknownProvision(Message("{ref} is not in the data; see kzspeechlaw coverage", ref=str(ref)))
        return tuple(sorted(found, key=lambda p: (p.ref.sort_key(), p.valid_from)))

    def provision(self, ref: Ref, on: dt.date) -> Provision:
        """The version of the part ``ref`` in force on ``on``."""
        versions = self.versions.get(ref)
        if versions is None:
            parts = [r for r in self.versions if ref.contains(r)]
            if parts:
                raise UnknownProvision(Message("{ref} has several parts; name one of {parts}", ref=str(ref),
                                               parts=", ".join(map(str, sorted(parts)))))
            raise UnknownProvision(Message("{ref} is not in the data; see kzspeechlaw coverage", ref=str(ref)))
        for version in versions:
            if version.in_force_on(on):
                return version
        index = next((n for n, v in enumerate(versions) if v.valid_from > on), len(versions))
        before = versions[index - 1] if index > 0 else None
        after = versions[index] if index < len(versions) else None
        raise NotInForce(ref, on, before, after)


# --- loading -------------------------------------------------------------------------------------


class Reader:
    """Reads one file's records, turning every problem into a DataError naming file and record."""

    def __init__(self, file: str, record: str, data: Mapping[str, Any]) -> None:
        self.file, self.record, self.data = file, record, data

    def fail(self, rule: str) -> DataError:
        return DataError(self.file, self.record, rule)

    def only(self, required: Iterable[str], optional: Iterable[str] = ()) -> None:
        keys = set(self.data)
        missing = sorted(set(required) - keys)
        if missing:
            raise self.fail(f"missing key(s) {', '.join(missing)}")
        unknown = sorted(keys - set(required) - set(optional))
        if unknown:
            raise self.fail(f"unknown key(s) {', '.join(unknown)}")

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.data.get(key, default)
        if key in self.data and not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(f"{key} must be {names}, got {value!r}")
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if type(value) is not dt.date:
            raise self.fail(f"{key} must be a date (YYYY-MM-DD), got {value!r}")
        return value

    def title(self, key: str = "title") -> dict[str, str]:
        value = self.get(key, dict)
        if value is None or set(value) != set(LANGS) or not all(
            isinstance(v, str) and v for v in value.values()
        ):
            raise self.fail(f"{key} must give non-empty 'en', 'ru' and 'kk' strings, got {value!r}")
        return dict(value)

    def ref(self, text: Any, key: str) -> Ref:
        if not isinstance(text, str):
            raise self.fail(f"{key} must be a citation string, got {text!r}")
        try:
            ref = parse(text)
        except CitationError as error:
            raise self.fail(f"{key}: {error}") from None
        if str(ref) != text:
            raise self.fail(f"{key} {text!r} is not canonical; write {str(ref)!r}")
        return ref


def read_toml(directory: Path, name: str) -> dict[str, Any]:
    import tomllib  # here, not at the top: the data is read on first use, not on import

    path = directory / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataError(name, "-", "file not found") from None
    except tomllib.TOMLDecodeError as error:
        raise DataError(name, "-", f"not valid TOML: {error}") from None




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
            ["published", "in_force", "notes"],
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
        )
        if act.id in acts:
            raise reader.fail(f"act {act.id} is listed twice")
        if act.in_force is not None and act.in_force < act.adopted and "01.01" not in act.in_force_rule:
            raise reader.fail(f"in_force {act.in_force} is before adoption {act.adopted}")
        acts[act.id] = act
    return acts, current_to


def _sanction(reader: Reader, item: Any, where: str) -> Sanction:
    if not isinstance(item, dict):
        raise reader.fail(f"{where} must be a table, got {item!r}")
    sub = Reader(reader.file, f"{reader.record}: {where}", item)
    sub.only(["kind"], ["min", "max", "amount", "subject", "optional"])
    try:
        kind = Penalty(sub.get("kind", str))
    except ValueError:
        raise sub.fail(f"kind {item['kind']!r} is not one of {[p.value for p in Penalty]}") from None
    if "amount" in item and ({"min", "max"} & set(item)):
        raise sub.fail("give either amount (a fixed figure) or min/max (a range), not both")

    def quantity(key: str) -> Amount | None:
        if key not in item:
            return None
        try:
            value = parse_amount(sub.get(key, str))
        except AmountError as error:
            raise sub.fail(str(error)) from None
        if kind in _UNITS_OF_KIND and value.unit not in _UNITS_OF_KIND[kind]:
            raise sub.fail(f"{kind.value} cannot be measured in {value.unit}")
        return value

    fixed = quantity("amount")
    minimum = fixed if fixed is not None else quantity("min")
    maximum = fixed if fixed is not None else quantity("max")
    if minimum is not None and maximum is not None:
        if not comparable(minimum, maximum):
            raise sub.fail("min and max are in different units")
        if compare(minimum, maximum) > 0:
            raise sub.fail(f"min {minimum.magnitude} {minimum.unit} is greater than max "
                           f"{maximum.magnitude} {maximum.unit}")
    subject_text = sub.get("subject", str)
    try:
        subject = Subject(subject_text) if subject_text is not None else None
    except ValueError:
        raise sub.fail(f"subject {subject_text!r} is not one of {[s.value for s in Subject]}") from None
    return Sanction(kind, minimum, maximum, subject, sub.get("optional", bool, False))


_VERSION_KEYS = (
    ["ref", "valid_from", "act", "source", "verified", "elements", "sanctions", "text"],
    ["valid_to", "repealed_by", "successor", "title", "absorbs", "displaces", "additional", "notes"],
)


def _load_code(directory: Path, code_id: str, acts: Mapping[str, Act],
               categories: tuple[Any, ...]) -> tuple[Code, list[Provision]]:
    from kzspeechlaw.law import gravity  # imported with the data: a compiled law needs none of it

    file = CODE_FILES[code_id]
    data = read_toml(directory, file)
    head = Reader(file, "[code]", data.get("code", {}))
    head.only(["id", "regime", "act", "valid_from", "title"], ["valid_to"])
    if head.get("id", str) != code_id:
        raise head.fail(f"id must be {code_id!r}")
    try:
        regime = Regime(head.get("regime", str))
    except ValueError:
        raise head.fail("regime must be 'criminal' or 'administrative'") from None
    code = Code(
        code_id,
        regime,
        head.get("act", str),
        head.title(),
        head.date("valid_from"),  # type: ignore[arg-type]
        head.date("valid_to", required=False),
    )
    if code.act not in acts:
        raise head.fail(f"act {code.act!r} is not in acts.toml")

    articles: dict[str, dict[str, Any]] = {}
    for index, record in enumerate(data.get("article", [])):
        reader = Reader(file, f"article #{index + 1} ({record.get('number', '?')})", record)
        reader.only(["number", "title"], ["extremist", "notes"])
        number = reader.get("number", str)
        if number in articles:
            raise reader.fail(f"article {number} is declared twice")
        articles[number] = {"title": reader.title(), "extremist": reader.get("extremist", bool, False)}

    provisions = []
    for index, record in enumerate(data.get("version", [])):
        reader = Reader(file, f"version #{index + 1} ({record.get('ref', '?')})", record)
        reader.only(*_VERSION_KEYS)
        ref = reader.ref(record["ref"], "ref")
        if ref.code != code_id:
            raise reader.fail(f"ref {ref} belongs to {ref.code}, not to {file}")
        article = articles.get(ref.article)
        if article is None:
            raise reader.fail(f"article {ref.article} has no [[article]] record")
        valid_from = reader.date("valid_from")
        valid_to = reader.date("valid_to", required=False)
        assert valid_from is not None
        if valid_to is not None and valid_to <= valid_from:
            raise reader.fail(f"valid_to {valid_to} is not after valid_from {valid_from}")
        if valid_from < code.valid_from or (
            code.valid_to is not None and (valid_to is None or valid_to > code.valid_to)
        ):
            raise reader.fail(
                f"dates [{valid_from}, {valid_to}) fall outside the code's life "
                f"[{code.valid_from}, {code.valid_to})"
            )
        for key in ("act", "repealed_by"):
            if key in record and reader.get(key, str) not in acts:
                raise reader.fail(f"{key} {record[key]!r} is not in acts.toml")
        if "repealed_by" in record and valid_to is None:
            raise reader.fail("repealed_by needs valid_to (the first day no longer in force)")
        elements = reader.get("elements", list)
        if not elements or not all(isinstance(c, list) and c for c in elements):
            raise reader.fail("elements must be a non-empty list of non-empty lists of facts")
        for clause in elements:
            for fact in clause:
                problem = check_fact(fact) if isinstance(fact, str) else f"{fact!r} is not a string"
                if problem:
                    raise reader.fail(problem)
        sanctions = tuple(
            _sanction(reader, item, f"sanctions[{i}]")
            for i, item in enumerate(reader.get("sanctions", list))
        )
        if not sanctions:
            raise reader.fail("sanctions must list at least one alternative")
        for i, s in enumerate(sanctions):
            if s.kind not in MAIN_RANK:
                ranked = ", ".join(k.value for k in MAIN_RANK)
                raise reader.fail(f"sanctions[{i}]: {s.kind.value} has no severity rank as a main punishment "
                                  f"(kzspeechlaw.law.model.MAIN_RANK ranks {ranked})")
        additional = tuple(
            _sanction(reader, item, f"additional[{i}]")
            for i, item in enumerate(reader.get("additional", list, []))
        )
        source = reader.get("source", str)
        if not source.startswith("https://"):
            raise reader.fail(f"source must be an https URL of the statute text, got {source!r}")
        text = reader.get("text", str)
        if reader.get("verified", bool) and not text.strip():
            raise reader.fail("a verified version must carry the statute text it was checked against")
        draft = Provision(
            ref=ref,
            title=reader.title() if "title" in record else article["title"],
            regime=code.regime,
            valid_from=valid_from,
            valid_to=valid_to,
            sanctions=sanctions,
            additional=additional,
            elements=tuple(tuple(clause) for clause in elements),
            act=record["act"],
            source=source,
            verified=record["verified"],
            category=gravity.Category.ADMINISTRATIVE_OFFENCE,
            notes=reader.get("notes", str, ""),
            absorbs=tuple(reader.ref(r, "absorbs") for r in reader.get("absorbs", list, [])),
            displaces=tuple(reader.ref(r, "displaces") for r in reader.get("displaces", list, [])),
            repealed_by=record.get("repealed_by"),
            successor=reader.ref(record["successor"], "successor") if "successor" in record else None,
            extremist=article["extremist"],
            text=text,
        )
        try:
            category = gravity.category_of(draft, categories)
        except LawError as error:
            raise reader.fail(str(error)) from None
        provisions.append(attrs.evolve(draft, category=category))
    return code, provisions


def _index(provisions: list[Provision]) -> dict[Ref, tuple[Provision, ...]]:
    grouped: dict[Ref, list[Provision]] = {}
    for provision in provisions:
        grouped.setdefault(provision.ref, []).append(provision)
    index = {}
    for ref in sorted(grouped):
        versions = sorted(grouped[ref], key=lambda p: p.valid_from)
        for earlier, later in itertools.pairwise(versions):
            file = CODE_FILES[ref.code]
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                raise DataError(
                    file,
                    f"{ref} from {later.valid_from}",
                    f"overlaps the version from {earlier.valid_from} (to {earlier.valid_to})",
                )
            if earlier.valid_to < later.valid_from and earlier.repealed_by is None:
                raise DataError(
                    file,
                    f"{ref} from {earlier.valid_from}",
                    f"gap until {later.valid_from} but the version names no repealed_by",
                )
        index[ref] = tuple(versions)
    parents = {r.article_ref for r in index if r.part is not None} | {
        Ref(r.code, r.article, r.part) for r in index if r.clause is not None
    }
    for ref in index:
        if ref in parents:
            raise DataError(CODE_FILES[ref.code], str(ref), "is modelled both whole and in parts")
    return index


def _check_links(index: Mapping[Ref, tuple[Provision, ...]], codes: Mapping[str, Code]) -> None:
    known = set(index)
    for versions in index.values():
        for p in versions:
            file = CODE_FILES[p.ref.code]
            record = f"{p.ref} from {p.valid_from}"
            for key, refs in (("absorbs", p.absorbs), ("displaces", p.displaces)):
                for target in refs:
                    if not any(target.contains(k) for k in known):
                        raise DataError(file, record, f"{key} {target} is not in the data")
            if p.successor is not None and not any(p.successor.contains(k) for k in known):
                raise DataError(file, record, f"successor {p.successor} is not in the data")
            code = codes[p.ref.code]
            ended = p.valid_to is not None and p.valid_to != code.valid_to
            if ended and p.repealed_by is None and p is versions[-1]:
                raise DataError(file, record, f"ends on {p.valid_to} but names no repealed_by")


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


def load(directory: Path | str | None = None) -> Law:
    """Read and validate every data file; raises :class:`DataError` naming file and record."""
    root = Path(directory) if directory is not None else DATA_DIR
    acts, current_to = _load_acts(root)
    from kzspeechlaw.law import general_part  # it reads this module's reader

    general = general_part.load(root, acts)
    categories = tuple(r for key, rules in general.items() if key[0] == "category" for r in rules)
    codes: dict[str, Code] = {}
    provisions: list[Provision] = []
    for code_id in CODES:
        code, parts = _load_code(root, code_id, acts, categories)
        codes[code_id] = code
        provisions.extend(parts)
    index = _index(provisions)
    _check_links(index, codes)
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
