"""The general part of the codes as dated rules: penalty limits, categories, limitation, suspensions.

Read from ``data/general.toml`` (format in ``docs/data-format.md``). Each rule carries its article,
the act that gave it, the statute text and whether that text was read (``verified``).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from kzspeechlaw.dates import change_days
from kzspeechlaw.errors import AmountError, DataError
from kzspeechlaw.law.loader import DATA_DIR, law
from kzspeechlaw.law.model import Category, record_repr, stored_amount, stored_quantity
from kzspeechlaw.law.reader import Reader, read_toml
from kzspeechlaw.law.timeline import in_force, timeline
from kzspeechlaw.units import Amount, Quantity, compare, parse_amount

TABLES = {
    "limit": (["code", "kind", "applies_to"], ["min", "max"]),
    "category": (["code", "category"], ["max_imprisonment"]),
    "limitation": (["code", "applies_to"], ["period", "none", "max", "may_start"]),
    "suspension": (["code", "kind"], ["persons"]),
    "rule": (["code", "name"], []),
}


@attrs.frozen(kw_only=True)
class DatedRule:
    """The fields and the in-force test of a dated rule with its citation, whatever its table:
    general-part rules here, sentencing rules in :mod:`kzspeechlaw.law.sentencing_rules`."""

    valid_from: dt.date
    valid_to: dt.date | None
    article: str
    act: str
    source: str
    verified: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)

    def in_force_on(self, on: dt.date) -> bool:
        """True when ``on`` lies in ``[valid_from, valid_to)``."""
        return in_force(self.valid_from, self.valid_to, on)

    def cite(self) -> str:
        """``"CC2014 41(2)"`` with ``" (unverified)"`` where the text or a date was not read."""
        return self.article + ("" if self.verified else " (unverified)")


R = TypeVar("R", bound=DatedRule)
K = TypeVar("K", bound=Hashable)

DATED_KEYS = (["valid_from", "article", "act", "source", "verified", "text"], ["valid_to", "notes"])
"""The keys of a dated rule's record (required, optional)."""


def dated(reader: Reader) -> dict[str, Any]:
    """The :class:`DatedRule` fields of a record, as keyword arguments (``valid_to`` after
    ``valid_from``)."""
    valid_from = reader.date("valid_from")
    valid_to = reader.date("valid_to", required=False)
    assert valid_from is not None
    if valid_to is not None and valid_to <= valid_from:
        raise reader.fail(f"valid_to {valid_to} is not after valid_from {valid_from}")
    return {"valid_from": valid_from, "valid_to": valid_to, "article": reader.get("article", str),
            "act": reader.get("act", str), "source": reader.get("source", str),
            "verified": reader.get("verified", bool), "text": reader.get("text", str),
            "notes": reader.get("notes", str, "")}


def checked_act(reader: Reader, rule: DatedRule, acts: Mapping[str, Any]) -> None:
    """Raise :class:`DataError` where ``rule``'s act is not one of ``acts`` (empty: not checked)."""
    if acts and rule.act not in acts:
        raise reader.fail(f"act {rule.act!r} is not in acts.toml")


def indexed(file: str, found: Iterable[tuple[K, R]]) -> dict[K, tuple[R, ...]]:
    """Dated rules indexed by key, oldest first; two rules of one key that overlap raise
    :class:`DataError` naming ``file`` and the later rule."""
    index: dict[K, list[R]] = {}
    for key, rule in found:
        index.setdefault(key, []).append(rule)
    for key, rules in index.items():
        rules.sort(key=lambda r: r.valid_from)
        for earlier, later in itertools.pairwise(rules):
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                raise DataError(file, f"{later.article} from {later.valid_from}", f"overlaps {key}")
    return {k: tuple(v) for k, v in index.items()}


@attrs.frozen(kw_only=True, repr=False)
class Rule(DatedRule):
    """One dated general-part rule. ``key`` identifies it within its table (e.g. kind, applies_to).

    ``minimum``, ``maximum`` and ``period`` are pint quantities; the data's rules keep them as
    :class:`~kzspeechlaw.units.Amount` and make each quantity when it is first asked for.
    """

    table: str
    key: tuple[str, ...]
    _minimum: Quantity | Amount | None = None
    _maximum: Quantity | Amount | None = None
    _period: Quantity | Amount | None = None
    none: bool = False
    may_start: dt.date | None = None
    """For a limitation rule naming an article (``none`` for it), the earliest day its wording may
    already have been in force, where the texts read do not show when it took effect: an act from
    then until ``valid_from`` may fall under it (CC 1997 Art. 69(6) on terrorist crimes, first read
    in the 08.04.2010 text, missing from the 26.03.2007 one)."""
    persons: frozenset[str] = frozenset()
    """For a suspension, the persons to whom the suspended article still applies (CC 2014 Art.
    467(1-1): «ее положения применяются в отношении военнослужащих»), of
    :data:`~kzspeechlaw.law.sentencing_rules.PERSONS`."""

    minimum = stored_quantity("_minimum", "The rule's least amount (a pint quantity), if it sets one.")
    maximum = stored_quantity("_maximum", "The rule's greatest amount (a pint quantity), if it sets one.")
    period = stored_quantity("_period", "The rule's period (a limitation period, a category's bound), if it "
                                        "sets one.")
    minimum_amount = stored_amount("_minimum")
    maximum_amount = stored_amount("_maximum")
    period_amount = stored_amount("_period")

    def __repr__(self) -> str:
        return record_repr(self)


def load(directory: Path | str | None = None,
         acts: Mapping[str, Any] | None = None) -> Mapping[tuple[str, ...], tuple[Rule, ...]]:
    """Read and validate ``general.toml``; rules indexed by ``(table, *key)``, oldest first. Each
    rule's act must be one of ``acts`` (default: the library's acts, for the shipped data)."""
    root = Path(directory) if directory is not None else DATA_DIR
    data = read_toml(root, "general.toml")
    if acts is None:
        acts = law().acts if directory is None else {}
    found: list[tuple[tuple[str, ...], Rule]] = []
    for table, (keys, extra) in TABLES.items():
        for n, record in enumerate(data.get(table, [])):
            reader = Reader("general.toml", f"{table} #{n + 1} ({record.get('article', '?')})", record)
            reader.only(keys + DATED_KEYS[0], extra + DATED_KEYS[1])
            rule = _rule(reader, table, keys, record)
            if table == "category" and rule.key[1] not in {c.value for c in Category}:
                raise reader.fail(f"category {rule.key[1]!r} is not one of {', '.join(c.value for c in Category)}")
            checked_act(reader, rule, acts)
            found.append(((table, *rule.key), rule))
    return indexed("general.toml", found)


def _rule(reader: Reader, table: str, keys: list[str], record: Mapping[str, Any]) -> Rule:
    def quantity(name: str) -> Amount | None:
        if name not in record:
            return None
        try:
            return parse_amount(reader.get(name, str))
        except AmountError as error:
            raise reader.fail(str(error)) from None

    fields = dated(reader)
    minimum, maximum = quantity("min"), quantity("max")
    if minimum is not None and maximum is not None and _greater(reader, minimum, maximum):
        raise reader.fail(f"min {_text(minimum)} is greater than max {_text(maximum)}")
    period = quantity("period")
    if period is None or not period.magnitude:  # a period of zero is no period
        period = quantity("max_imprisonment")
    none = reader.get("none", bool, False)
    if table == "limitation" and (period is None) == (not none):
        raise reader.fail("a limitation gives either a period or none = true")
    from kzspeechlaw.law.sentencing_rules import PERSONS  # here: that module reads this one

    may_start = reader.date("may_start", required=False)
    if may_start is not None and (not none or not may_start < fields["valid_from"]):
        raise reader.fail("may_start needs none = true and a day before valid_from")
    persons = reader.get("persons", list, [])
    if bad := [e for e in persons if e not in PERSONS]:
        raise reader.fail(f"persons: {bad[0]!r} is not one of {', '.join(PERSONS)}")
    return Rule(table=table, key=tuple(reader.get(k, str) for k in keys), minimum=minimum, maximum=maximum,
                period=period, none=none, may_start=may_start, persons=frozenset(persons), **fields)


def rules() -> Mapping[tuple[str, ...], tuple[Rule, ...]]:
    """The general part of the library's data, loaded once with it (:func:`kzspeechlaw.law.loader.law`)."""
    return law().general


@functools.cache
def days() -> tuple[dt.date, ...]:
    """The days on which some rule of the general part starts or ends, in order."""
    return changes(r for rs in rules().values() for r in rs)


def changes(found: Iterable[Rule]) -> tuple[dt.date, ...]:
    """The days on which one of ``found`` starts or ends, and the ``may_start`` days of limitation
    rules (from which an act may already fall under one): an answer may change on each."""
    found = tuple(found)
    return tuple(sorted({*change_days(found), *(r.may_start for r in found if r.may_start is not None)}))


@functools.cache
def holds(table: str, code: str) -> bool:
    """Whether the data hold any rule of ``table`` for ``code`` (``holds("limit", "CC1997")``: the
    general limits of each kind of penalty of the 1997 Code, Arts. 40-48)."""
    return any(key[:2] == (table, code) for key in rules())


def find(table: str, *key: str, on: dt.date) -> Rule | None:
    """The rule of ``table`` with ``key`` in force on ``on``, or ``None``."""
    return _find(table, key, timeline().interval(on))


def in_force_between(table: str, *key: str, first: dt.date, last: dt.date) -> tuple[Rule, ...]:
    """The rules of ``table`` with ``key`` in force on some day from ``first`` to ``last`` (both
    included), in order."""
    return tuple(rule for rule in rules().get((table, *key), ())
                 if rule.valid_from <= last and (rule.valid_to is None or rule.valid_to > first))


@functools.lru_cache(maxsize=4096)
def _find(table: str, key: tuple[str, ...], interval: int) -> Rule | None:
    """:func:`find` for any day of an interval of the time index."""
    day = timeline().start(interval)
    for rule in rules().get((table, *key), ()):
        if rule.in_force_on(day):
            return rule
    return None


def _greater(reader: Reader, low: Amount, high: Amount) -> bool:
    try:
        return compare(low, high) > 0
    except AmountError:
        raise reader.fail(f"min {_text(low)} and max {_text(high)} are in different units") from None


def _text(value: Amount) -> str:
    """An amount as pint writes a quantity (``3000 MCI``), for the messages that quoted quantities."""
    return f"{value.magnitude} {value.unit}"
