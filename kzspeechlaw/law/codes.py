"""The code files (``cc1997.toml``, ``cc2014.toml``, ``aoc2014.toml``): a code, its articles and the
versions of their parts with their sanctions, checked record by record; the versions indexed by
reference and checked across the codes."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from kzspeechlaw.errors import AmountError, DataError, LawError
from kzspeechlaw.law.facts import OPEN_ELEMENTS, check_fact
from kzspeechlaw.law.model import MAIN_RANK, Act, Penalty, Provision, Regime, Sanction, Subject, main_rank
from kzspeechlaw.law.reader import Reader, read_toml
from kzspeechlaw.refs import Ref
from kzspeechlaw.units import Amount, comparable, compare, parse_amount

CODE_FILES = {"CC1997": "cc1997.toml", "CC2014": "cc2014.toml", "AOC2014": "aoc2014.toml"}

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


def _sanction(reader: Reader, item: Any, where: str, regime: Regime) -> Sanction:
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
    return Sanction(kind, minimum, maximum, subject, sub.get("optional", bool, False), regime=regime)


_VERSION_KEYS = (
    ["ref", "valid_from", "act", "source", "verified", "elements", "sanctions", "text"],
    ["valid_to", "repealed_by", "successor", "continued_by", "title", "absorbs", "displaces", "additional", "notes",
     "open_elements", "exempt_sanctions", "unless_crime", "narrowed", "text_read"],
)


def _open_elements(reader: Reader) -> tuple[str, ...]:
    """A version's ``open_elements``: each a key of :data:`~kzspeechlaw.law.facts.OPEN_ELEMENTS`."""
    names = tuple(reader.get("open_elements", list, []))
    for name in names:
        if name not in OPEN_ELEMENTS:
            raise reader.fail(f"open_elements: {name!r} is not one of {sorted(OPEN_ELEMENTS)}")
    return names


def load_code(directory: Path, code_id: str, acts: Mapping[str, Act],
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
        if "narrowed" in record and "repealed_by" not in record:
            raise reader.fail("narrowed needs repealed_by (the Law that narrowed the part)")
        elements = reader.get("elements", list)
        if not elements or not all(isinstance(c, list) and c for c in elements):
            raise reader.fail("elements must be a non-empty list of non-empty lists of facts")
        for clause in elements:
            for fact in clause:
                problem = check_fact(fact) if isinstance(fact, str) else f"{fact!r} is not a string"
                if problem:
                    raise reader.fail(problem)
        sanctions = tuple(
            _sanction(reader, item, f"sanctions[{i}]", code.regime)
            for i, item in enumerate(reader.get("sanctions", list))
        )
        if not sanctions:
            raise reader.fail("sanctions must list at least one alternative")
        for i, s in enumerate(sanctions):
            for name, rank in (("MAIN_RANK", MAIN_RANK), (f"main_rank({code_id!r})", main_rank(code_id))):
                if s.kind not in rank:
                    ranked = ", ".join(k.value for k in rank)
                    raise reader.fail(f"sanctions[{i}]: {s.kind.value} has no severity rank as a main punishment "
                                      f"(kzspeechlaw.law.model.{name} ranks {ranked})")
        additional = tuple(
            _sanction(reader, item, f"additional[{i}]", code.regime)
            for i, item in enumerate(reader.get("additional", list, []))
        )
        source = reader.get("source", str)
        if not source.startswith("https://"):
            raise reader.fail(f"source must be an https URL of the statute text, got {source!r}")
        text = reader.get("text", str)
        if reader.get("verified", bool) and not text.strip():
            raise reader.fail("a verified version must carry the statute text it was checked against")
        text_read = reader.get("text_read", bool, True)
        if not text_read and (record["verified"] or "valid_to" not in record):
            raise reader.fail("text_read = false needs verified = false and a valid_to (the next version's text, "
                              "read, is the other candidate)")
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
            narrowed=reader.get("narrowed", bool, False),
            successor=reader.ref(record["successor"], "successor") if "successor" in record else None,
            continued_by=reader.ref(record["continued_by"], "continued_by") if "continued_by" in record else None,
            extremist=article["extremist"],
            text=text,
            open_elements=_open_elements(reader),
            unless_crime=reader.get("unless_crime", bool, False),
            text_read=text_read,
            exempt_sanctions=tuple(_sanction(reader, item, f"exempt_sanctions[{i}]", code.regime)
                                   for i, item in enumerate(reader.get("exempt_sanctions", list, []))),
        )
        try:
            category = gravity.category_of(draft, categories)
        except LawError as error:
            raise reader.fail(str(error)) from None
        provisions.append(attrs.evolve(draft, category=category))
    return code, provisions


def index_versions(provisions: list[Provision]) -> dict[Ref, tuple[Provision, ...]]:
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


def check_links(index: Mapping[Ref, tuple[Provision, ...]], codes: Mapping[str, Code]) -> None:
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
