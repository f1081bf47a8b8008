"""The sentencing rules of the general part as dated data: ``data/sentencing.toml``.

Each ``[[rule]]`` is one version of a rule of the Criminal Code's or the Code of Administrative
Offences' general part that bounds or opens a sentence (caps of CC 2014 Arts. 55-56, the aggregate of
Art. 58, the releases of Arts. 63, 68, 74; AOC 2014 Arts. 43(2), 58, 64, 64-1, 810-811, 819(2), 829-11), with its
article, act, source, statute text and whether that text was read (format in the file's header and
``docs/data-format.md``). The reasoning over them is :mod:`kzspeechlaw.reasoning.sentencing`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from kzspeechlaw.dates import change_days
from kzspeechlaw.errors import AmountError, DataError
from kzspeechlaw.law.general_part import DATED_KEYS, DatedRule, checked_act, dated, indexed
from kzspeechlaw.law.loader import DATA_DIR, law
from kzspeechlaw.law.model import MAIN_RANK, Category, Penalty
from kzspeechlaw.law.reader import Reader, read_toml
from kzspeechlaw.units import Amount, Quantity, compare, parse_amount

FILE = "sentencing.toml"


class Stage(enum.StrEnum):
    """How far the offence went (CC 2014 Art. 56)."""

    COMPLETED = "completed"
    ATTEMPT = "attempt"  # покушение
    PREPARATION = "preparation"  # приготовление



_REQUIRED = ["code", "name", *DATED_KEYS[0]]
_OPTIONAL = [*DATED_KEYS[1], "base", "caps", "fraction", "ranges", "ratios", "feature_bars", "categories", "kinds",
             "excludes", "articles", "limits", "multiple", "persons"]
_LIMIT_KEYS = {c.value for c in Category} | {"pregnant", "young_children", "excluded_above", "minimum", "maximum"}
_CAP_KEYS = {c.value for c in Category} | {Stage.ATTEMPT.value, Stage.PREPARATION.value}
_EXCLUDES = {c.value for c in Category} | {"extremist", "terrorist", "criminal_group", "legal_entity", "other_parts"}
PERSONS = ("pregnant_woman", "woman_with_young_children", "man_raising_young_children_alone", "minor",
           "disability_group_1_2", "older_person", "woman_with_child_under_three",
           "man_raising_child_under_three_alone", "military", "non_resident_foreigner", "expelled_foreigner",
           "unable_to_work", "without_permanent_work", "full_time_student")
"""The persons a rule's wording names (``persons``: AOC 2014 Art. 50(2) and CC 2014 Art. 45(3), whom
arrest is not for; CC 2014 Art. 43(3) and AOC 2014 Art. 49-1(7), whom community service is not for;
CC 2014 Art. 42(2), from Law 180-VI 42(7), whom correctional work is not for; CC 2014 Art. 74(1),
from Law 210-VIII, those to whom the court grants a deferral («суд предоставляет отсрочку»);
and in the general part's suspensions, CC 2014 Art. 467(1-1), those to whom suspended arrest still
applies)."""


@attrs.frozen(kw_only=True)
class Rule(DatedRule):
    """One dated sentencing rule (a record of ``sentencing.toml``)."""

    code: str
    name: str
    base: str = ""
    caps: Mapping[str, Fraction] = attrs.field(factory=dict, repr=False)
    fraction: Fraction | None = None
    ranges: Mapping[str, tuple[Amount, Amount]] = attrs.field(factory=dict, repr=False)
    ratios: Mapping[str, tuple[tuple[Penalty, Amount, Amount], ...]] = attrs.field(factory=dict, repr=False)
    feature_bars: bool = False
    categories: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    articles: tuple[str, ...] = ()
    limits: Mapping[str, tuple[tuple[str, Amount], ...]] = attrs.field(factory=dict, repr=False)
    """Amounts by scope (CC 2014 Art. 58 caps by category; Art. 74 terms): ``(kind, amount)``.

    The amounts are kept as :class:`~kzspeechlaw.units.Amount` (no pint, as the law's data keeps
    them: the compiled rules load without building the unit registry, which the time index reads
    them for); :meth:`range`, :meth:`replacements` and :meth:`limit` give quantities."""
    multiple: int | None = None
    """A multiple of the code's maximum of a kind (AOC 2014 Art. 58(2))."""
    persons: frozenset[str] = frozenset()
    """The persons the wording names (:data:`PERSONS`; AOC 2014 Arts. 49-1(7), 50(2); CC 2014 Arts. 43(3),
    45(3), 74(1))."""

    def limit(self, scope: str, kind: str) -> Quantity | None:
        """The amount of ``kind`` that :attr:`limits` gives for ``scope``, or ``None``."""
        return next((q.quantity() for k, q in self.limits.get(scope, ()) if k == kind), None)

    def range(self, category: str) -> tuple[Quantity, Quantity] | None:
        """The range :attr:`ranges` gives for ``category`` (minimum, maximum), or ``None``."""
        found = self.ranges.get(category)
        return None if found is None else (found[0].quantity(), found[1].quantity())

    def replacements(self, category: str) -> tuple[tuple[Penalty, Quantity, Quantity], ...]:
        """The replacements :attr:`ratios` gives for ``category``: (kind, amount, per amount of MCI)."""
        return tuple((kind, size.quantity(), per.quantity()) for kind, size, per in self.ratios.get(category, ()))


def _fraction(reader: Reader, key: str, text: Any) -> Fraction:
    try:
        value = Fraction(text) if isinstance(text, str) else None
    except (ValueError, ZeroDivisionError):
        value = None
    if value is None or not 0 < value <= 1:
        raise reader.fail(f"{key} must be a fraction between 0 and 1 such as '1/2', got {text!r}")
    return value


def _ratio(reader: Reader, key: str, text: Any) -> tuple[Penalty, Amount, Amount]:
    """``"imprisonment 1 day per 4 MCI"`` -> (kind, 1 day, 4 MCI)."""
    try:
        head, per = str(text).split(" per ")
        kind, size = head.split(" ", 1)
        result = (Penalty(kind), parse_amount(size), parse_amount(per))
    except (ValueError, AmountError):
        raise reader.fail(f"ratios[{key!r}]: {text!r} is not '<kind> <amount> per <amount> MCI'") from None
    if result[2].unit != "MCI":
        raise reader.fail(f"ratios[{key!r}]: {text!r} must be per an amount of MCI")
    return result


def _rule(reader: Reader, record: Mapping[str, Any]) -> Rule:
    reader.only(_REQUIRED, _OPTIONAL)
    fields = dated(reader)
    base = reader.get("base", str, "")
    if base not in ("", "most_severe", "each_main"):
        raise reader.fail(f"base must be 'most_severe' or 'each_main', got {base!r}")
    caps = reader.get("caps", dict, {})
    if caps and not base:
        raise reader.fail("caps need a base ('most_severe' or 'each_main')")
    for key in caps:
        if key not in _CAP_KEYS:
            raise reader.fail(f"caps key {key!r} is not a category or a stage")
    ranges: dict[str, tuple[Amount, Amount]] = {}
    for key, pair in reader.get("ranges", dict, {}).items():
        if key not in {c.value for c in Category} or not isinstance(pair, list) or len(pair) != 2:
            raise reader.fail(f"ranges[{key!r}] must be a category with [min, max], got {pair!r}")
        try:
            low, high = parse_amount(pair[0]), parse_amount(pair[1])
            reversed_pair = compare(low, high) > 0
        except (AmountError, TypeError) as error:
            raise reader.fail(f"ranges[{key!r}]: {error}") from None
        if reversed_pair:
            raise reader.fail(f"ranges[{key!r}]: min {pair[0]} is greater than max {pair[1]}")
        ranges[key] = (low, high)
    ratios: dict[str, tuple[tuple[Penalty, Amount, Amount], ...]] = {}
    for key, items in reader.get("ratios", dict, {}).items():
        if key not in {c.value for c in Category} or not isinstance(items, list):
            raise reader.fail(f"ratios[{key!r}] must be a category with a list of replacements, got {items!r}")
        ratios[key] = tuple(_ratio(reader, key, item) for item in items)
    lists = {name: reader.get(name, list, []) for name in ("categories", "kinds", "excludes", "articles", "persons")}
    for name, values in lists.items():
        if not all(isinstance(v, str) for v in values):
            raise reader.fail(f"{name} must be a list of strings")
    if bad := [c for c in lists["categories"] if c not in {c.value for c in Category}]:
        raise reader.fail(f"categories: {bad[0]!r} is not a category")
    if bad := [k for k in lists["kinds"] if k not in {p.value for p in Penalty}]:
        raise reader.fail(f"kinds: {bad[0]!r} is not a kind of punishment")
    if bad := [k for k in lists["kinds"] if Penalty(k) not in MAIN_RANK]:
        raise reader.fail(f"kinds: {bad[0]!r} is not a main punishment of the ranking (law.model.MAIN_RANK)")
    if bad := [e for e in lists["excludes"] if e not in _EXCLUDES]:
        raise reader.fail(f"excludes: {bad[0]!r} is not a category, 'extremist', 'terrorist', 'criminal_group', "
                          "'legal_entity' or 'other_parts'")
    if bad := [e for e in lists["persons"] if e not in PERSONS]:
        raise reader.fail(f"persons: {bad[0]!r} is not one of {', '.join(PERSONS)}")
    if record.get("name") == "expedited_payment" and "fine" not in lists["kinds"]:
        raise reader.fail("kinds: expedited_payment needs the kinds a sanction may provide, the fine among them "
                          "(AOC Art. 810(2)(1))")
    fraction = record.get("fraction")
    limits = _limits(reader, reader.get("limits", dict, {}))
    multiple = reader.get("multiple", int, 0) or None
    if multiple is not None and multiple < 1:
        raise reader.fail(f"multiple must be a positive whole number, got {multiple!r}")
    return Rule(
        code=reader.get("code", str), name=reader.get("name", str), base=base,
        caps={k: _fraction(reader, f"caps[{k!r}]", v) for k, v in caps.items()},
        fraction=None if fraction is None else _fraction(reader, "fraction", fraction), ranges=ranges, ratios=ratios,
        feature_bars=reader.get("feature_bars", bool, False), categories=frozenset(lists["categories"]),
        kinds=frozenset(lists["kinds"]), excludes=frozenset(lists["excludes"]), articles=tuple(lists["articles"]),
        limits=limits, multiple=multiple, persons=frozenset(lists["persons"]), **fields,
    )


def _limits(reader: Reader, table: Mapping[str, Any]) -> dict[str, tuple[tuple[str, Amount], ...]]:
    """``{"criminal_misdemeanour": ["fine 400 MCI"]}`` -> ``{"criminal_misdemeanour": (("fine", 400 MCI),)}``."""
    out: dict[str, tuple[tuple[str, Amount], ...]] = {}
    kinds = {p.value for p in Penalty} | {"deferral"}
    for key, items in table.items():
        if key not in _LIMIT_KEYS or not isinstance(items, list):
            raise reader.fail(f"limits[{key!r}] must be a category, pregnant, young_children, excluded_above, "
                              f"minimum or maximum with a list of '<kind> <amount>', got {items!r}")
        pairs: list[tuple[str, Amount]] = []
        for item in items:
            try:
                kind, size = str(item).split(" ", 1)
                pairs.append((kind, parse_amount(size)))
            except (ValueError, AmountError):
                raise reader.fail(f"limits[{key!r}]: {item!r} is not '<kind> <amount>'") from None
            if kind not in kinds:
                raise reader.fail(f"limits[{key!r}]: {kind!r} is not a kind of punishment or 'deferral'")
        out[key] = tuple(pairs)
    return out


def load(directory: Path | str | None = None) -> Mapping[tuple[str, str], tuple[Rule, ...]]:
    """Read and validate ``sentencing.toml``: rules indexed by ``(code, name)``, oldest first.
    A problem raises :class:`~kzspeechlaw.errors.DataError` naming the file, record and rule."""
    root = Path(directory) if directory is not None else DATA_DIR
    data = read_toml(root, FILE)
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise DataError(FILE, "-", f"unknown table {unknown[0]!r} (expected [[rule]])")
    acts = law().acts if directory is None else {}
    found: list[tuple[tuple[str, str], Rule]] = []
    for n, record in enumerate(data.get("rule", [])):
        reader = Reader(FILE, f"rule #{n + 1} ({record.get('article', '?')})", record)
        rule = _rule(reader, record)
        checked_act(reader, rule, acts)
        found.append(((rule.code, rule.name), rule))
    return indexed(FILE, found)


@functools.cache
def rules() -> Mapping[tuple[str, str], tuple[Rule, ...]]:
    """The shipped rules, loaded once: from their compiled form where it is of this data and code
    (:mod:`kzspeechlaw.law.compiled`), else read and checked."""
    from kzspeechlaw.law import compiled

    # load() with no directory: the shipped data, checked against the library's acts
    return compiled.cached(DATA_DIR, lambda _directory: load(), dict, name="sentencing")


def find(code: str, name: str, on: dt.date) -> Rule | None:
    """The rule ``name`` of ``code`` in force on ``on``, or ``None``."""
    return next((r for r in rules().get((code, name), ()) if r.in_force_on(on)), None)


@functools.cache
def days() -> tuple[dt.date, ...]:
    """The days on which some sentencing rule starts or ends, in order (they are change days of the
    one time index, :func:`kzspeechlaw.law.timeline.timeline`)."""
    return change_days(r for rs in rules().values() for r in rs)
