"""From the range of a sanction to the sentence a court may lawfully impose, and a check of a
given sentence.

The rules are dated data (``data/sentencing.toml``, format in its header), each with its text:

- CC 2014 Art. 55(2): with a mitigating circumstance and no aggravating one, the main punishment
  may not exceed a fraction of the maximum (½, ⅔, ¾ by category; criminal misdemeanours from
  Law 292-VI; of the most severe kind until Law 180-VI, of the main kind imposed after it);
- Art. 55(3): accelerated pre-trial investigation or a fulfilled procedural agreement: ½ (¾ for
  especially grave crimes from Law 210-VIII); order procedure: fines of 10-20 MCI
  (misdemeanours) and 50-200 MCI (small gravity) from Law 180-VI;
- Art. 55(4)-(6): below the minimum with exceptional circumstances, or where parts 2 or 3 apply;
- Art. 56: preparation ½, attempt ¾; combined with Art. 55 caps by Art. 55(7) from Law 180-VI;
- Art. 58 (aggregate: the final sentence's caps by the gravest category; AOC 2014 Art. 58: three
  times the code's maximum, named);
- releases: Art. 63 (conditional sentence, not for especially grave or extremist crimes),
  Art. 68(1) (mandatory release on reconciliation), 68(2) (a first grave crime by the persons it
  lists), 68(3) (sincere repentance), none for extremist crimes (68(4)); Art. 74(1) (deferral for
  pregnant women and parents of young children); amnesty (:mod:`kzspeechlaw.reasoning.amnesty`);
  AOC 2014 Art. 64 (73-3 only on the victim's complaint, closed on reconciliation; 64(1-1), a court's
  release of a first offender), Art. 64-1 (trivial offence);
- administrative fines: AOC Art. 829-11(2) (a court may cut a fine by up to 30 %), Arts. 810-811
  (50 % paid within seven days, not where the sanction offers another penalty than a warning).

Where the facts do not settle a rule's condition (``None``: not stated), the bound that holds
either way is given, with the bound the rule would give and the fact that decides.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from kzspeechlaw import export
from kzspeechlaw.dates import change_days
from kzspeechlaw.errors import AmountError, DataError
from kzspeechlaw.law import general_part
from kzspeechlaw.law.loader import DATA_DIR, _read_toml, _Reader, law
from kzspeechlaw.law.model import Category, Penalty, Provision, Regime
from kzspeechlaw.law.monthly_index import mci_value
from kzspeechlaw.law.timeline import Timeline, timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.units import Quantity, amount, format_quantity, registry, scale, unit_name

FILE = "sentencing.toml"


class Mitigating(enum.StrEnum):
    """Mitigating circumstances, the items of CC 2014 Art. 53(1) (and ``other``, Art. 53(2))."""

    FIRST_TIME_BY_CHANCE = "first_time_by_chance"  # 1) впервые ... вследствие случайного стечения
    MINOR = "minor"  # 2) несовершеннолетие
    PREGNANCY = "pregnancy"  # 3) беременность
    YOUNG_CHILD = "young_child"  # 4) наличие малолетнего ребенка
    AID_TO_VICTIM = "aid_to_victim"  # 5) оказание помощи потерпевшему
    HARM_MADE_GOOD = "harm_made_good"  # 6) добровольное возмещение ущерба, заглаживание вреда
    HARDSHIP = "hardship"  # 7) стечение тяжелых обстоятельств, сострадание
    COERCION = "coercion"  # 8) принуждение, зависимость
    JUSTIFICATION_EXCEEDED = "justification_exceeded"  # 9) нарушение условий правомерности
    VICTIM_MISCONDUCT = "victim_misconduct"  # 10) противоправность поведения потерпевшего
    REPENTANCE = "repentance"  # 11) чистосердечное раскаяние, явка с повинной, содействие
    OTHER = "other"  # ч.2: иные обстоятельства


class Aggravating(enum.StrEnum):
    """Aggravating circumstances, the closed list of CC 2014 Art. 54(1)."""

    REPETITION = "repetition"  # 1) неоднократность, рецидив
    GRAVE_CONSEQUENCES = "grave_consequences"  # 2) тяжкие последствия
    GROUP = "group"  # 3) группа лиц, преступная группа
    ACTIVE_ROLE = "active_role"  # 4) особо активная роль
    INVOLVING_INCAPABLE = "involving_incapable"  # 5) привлечение невменяемых, малолетних
    HATRED_MOTIVE = "hatred_motive"  # 6) мотив ненависти, мести, сокрытия
    VULNERABLE_VICTIM = "vulnerable_victim"  # 7) беременная, малолетний, беспомощный
    VICTIM_DUTY = "victim_duty"  # 8) в связи с выполнением служебного, общественного долга
    CRUELTY = "cruelty"  # 9) особая жестокость
    WEAPONS = "weapons"  # 10) оружие, принуждение, общеопасный способ
    EMERGENCY = "emergency"  # 11) чрезвычайное положение, массовые беспорядки
    INTOXICATION = "intoxication"  # 12) опьянение
    OATH = "oath"  # 13) нарушение присяги
    TRUST = "trust"  # 14) использование доверия
    UNIFORM = "uniform"  # 15) форменная одежда представителя власти
    OFFICER = "officer"  # 16) сотрудник правоохранительного органа, судья


class Stage(enum.StrEnum):
    """How far the offence went (CC 2014 Art. 56)."""

    COMPLETED = "completed"
    ATTEMPT = "attempt"  # покушение
    PREPARATION = "preparation"  # приготовление


class Procedure(enum.StrEnum):
    """The procedure of the case (CC 2014 Art. 55(3))."""

    ORDINARY = "ordinary"
    ACCELERATED = "accelerated"  # ускоренное досудебное расследование
    PLEA_AGREEMENT = "plea_agreement"  # процессуальное соглашение, все условия выполнены
    ORDER = "order"  # приказное производство


class Aggregate(enum.StrEnum):
    """Other offences decided together with this one (CC 2014 Art. 58; AOC 2014 Art. 58): ``none``,
    or the gravest category among them (``administrative_offence``: other administrative offences
    heard by the same judge or body)."""

    NONE = "none"
    CRIMINAL_MISDEMEANOUR = "criminal_misdemeanour"
    SMALL_GRAVITY = "small_gravity"
    MEDIUM_GRAVITY = "medium_gravity"
    GRAVE = "grave"
    ESPECIALLY_GRAVE = "especially_grave"
    ADMINISTRATIVE_OFFENCE = "administrative_offence"


VERDICTS = ("within", "below_minimum_allowed", "below_minimum", "above_maximum", "kind_not_available")
"""What :meth:`kzspeechlaw.Assessment.check` can say of a sentence."""

RELEASE_STATUSES = ("open", "closed", "depends", "not_modelled")
"""Whether a release route is open on the facts (:class:`Release`)."""

SEVERITY = (Penalty.WARNING, Penalty.FINE, Penalty.INCOME_FINE, Penalty.CORRECTIONAL_WORK, Penalty.COMMUNITY_SERVICE,
            Penalty.ARREST, Penalty.RESTRICTION_OF_FREEDOM, Penalty.IMPRISONMENT)
"""Main kinds from the mildest to the most severe, in the order of CC 2014 Art. 40's lists."""

_FEATURES = {"emergency": Aggravating.EMERGENCY, "mass_riots": Aggravating.EMERGENCY, "group": Aggravating.GROUP,
             "criminal_group": Aggravating.GROUP, "repeated": Aggravating.REPETITION,
             "grave_consequences": Aggravating.GRAVE_CONSEQUENCES}
"""Qualifying circumstances of the special part that are aggravating circumstances of CC Art. 54(1)."""


# --- the data ----------------------------------------------------------------------------------

_REQUIRED = ["code", "name", "valid_from", "article", "act", "source", "verified", "text"]
_OPTIONAL = ["valid_to", "notes", "base", "caps", "fraction", "ranges", "ratios", "feature_bars", "categories", "kinds",
             "excludes", "articles", "limits", "multiple"]
_LIMIT_KEYS = {c.value for c in Category} | {"pregnant", "young_children", "excluded_above"}
_CAP_KEYS = {c.value for c in Category} | {Stage.ATTEMPT.value, Stage.PREPARATION.value}
_EXCLUDES = {c.value for c in Category} | {"extremist"}


@attrs.frozen
class Rule(general_part.DatedRule):
    """One dated sentencing rule (a record of ``sentencing.toml``)."""

    code: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None
    article: str
    act: str
    source: str
    verified: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)
    base: str = ""
    caps: Mapping[str, Fraction] = attrs.field(factory=dict, repr=False)
    fraction: Fraction | None = None
    ranges: Mapping[str, tuple[Quantity, Quantity]] = attrs.field(factory=dict, repr=False)
    ratios: Mapping[str, tuple[tuple[Penalty, Quantity, Quantity], ...]] = attrs.field(factory=dict, repr=False)
    feature_bars: bool = False
    categories: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    articles: tuple[str, ...] = ()
    limits: Mapping[str, tuple[tuple[str, Quantity], ...]] = attrs.field(factory=dict, repr=False)
    """Amounts by scope (CC 2014 Art. 58 caps by category; Art. 74 terms): ``(kind, amount)``."""
    multiple: int | None = None
    """A multiple of the code's maximum of a kind (AOC 2014 Art. 58(2))."""

    def limit(self, scope: str, kind: str) -> Quantity | None:
        """The amount of ``kind`` that :attr:`limits` gives for ``scope``, or ``None``."""
        return next((q for k, q in self.limits.get(scope, ()) if k == kind), None)


def _fraction(reader: _Reader, key: str, text: Any) -> Fraction:
    try:
        value = Fraction(text) if isinstance(text, str) else None
    except (ValueError, ZeroDivisionError):
        value = None
    if value is None or not 0 < value <= 1:
        raise reader.fail(f"{key} must be a fraction between 0 and 1 such as '1/2', got {text!r}")
    return value


def _ratio(reader: _Reader, key: str, text: Any) -> tuple[Penalty, Quantity, Quantity]:
    """``"imprisonment 1 day per 4 MCI"`` -> (kind, 1 day, 4 MCI)."""
    try:
        head, per = str(text).split(" per ")
        kind, size = head.split(" ", 1)
        result = (Penalty(kind), amount(size), amount(per))
    except (ValueError, AmountError):
        raise reader.fail(f"ratios[{key!r}]: {text!r} is not '<kind> <amount> per <amount> MCI'") from None
    if unit_name(result[2]) != "MCI":
        raise reader.fail(f"ratios[{key!r}]: {text!r} must be per an amount of MCI")
    return result


def _rule(reader: _Reader, record: Mapping[str, Any]) -> Rule:
    reader.only(_REQUIRED, _OPTIONAL)
    valid_from, valid_to = reader.date("valid_from"), reader.date("valid_to", required=False)
    assert valid_from is not None
    if valid_to is not None and valid_to <= valid_from:
        raise reader.fail(f"valid_to {valid_to} is not after valid_from {valid_from}")
    base = reader.get("base", str, "")
    if base not in ("", "most_severe", "each_main"):
        raise reader.fail(f"base must be 'most_severe' or 'each_main', got {base!r}")
    caps = reader.get("caps", dict, {})
    if caps and not base:
        raise reader.fail("caps need a base ('most_severe' or 'each_main')")
    for key in caps:
        if key not in _CAP_KEYS:
            raise reader.fail(f"caps key {key!r} is not a category or a stage")
    ranges: dict[str, tuple[Quantity, Quantity]] = {}
    for key, pair in reader.get("ranges", dict, {}).items():
        if key not in {c.value for c in Category} or not isinstance(pair, list) or len(pair) != 2:
            raise reader.fail(f"ranges[{key!r}] must be a category with [min, max], got {pair!r}")
        try:
            low, high = amount(pair[0]), amount(pair[1])
        except (AmountError, TypeError) as error:
            raise reader.fail(f"ranges[{key!r}]: {error}") from None
        if low > high:
            raise reader.fail(f"ranges[{key!r}]: min {pair[0]} is greater than max {pair[1]}")
        ranges[key] = (low, high)
    ratios: dict[str, tuple[tuple[Penalty, Quantity, Quantity], ...]] = {}
    for key, items in reader.get("ratios", dict, {}).items():
        if key not in {c.value for c in Category} or not isinstance(items, list):
            raise reader.fail(f"ratios[{key!r}] must be a category with a list of replacements, got {items!r}")
        ratios[key] = tuple(_ratio(reader, key, item) for item in items)
    lists = {name: reader.get(name, list, []) for name in ("categories", "kinds", "excludes", "articles")}
    for name, values in lists.items():
        if not all(isinstance(v, str) for v in values):
            raise reader.fail(f"{name} must be a list of strings")
    if bad := [c for c in lists["categories"] if c not in {c.value for c in Category}]:
        raise reader.fail(f"categories: {bad[0]!r} is not a category")
    if bad := [k for k in lists["kinds"] if k not in {p.value for p in Penalty}]:
        raise reader.fail(f"kinds: {bad[0]!r} is not a kind of punishment")
    if bad := [e for e in lists["excludes"] if e not in _EXCLUDES]:
        raise reader.fail(f"excludes: {bad[0]!r} is not a category or 'extremist'")
    fraction = record.get("fraction")
    limits = _limits(reader, reader.get("limits", dict, {}))
    multiple = reader.get("multiple", int, 0) or None
    if multiple is not None and multiple < 1:
        raise reader.fail(f"multiple must be a positive whole number, got {multiple!r}")
    return Rule(
        code=reader.get("code", str), name=reader.get("name", str), valid_from=valid_from, valid_to=valid_to,
        article=reader.get("article", str), act=reader.get("act", str), source=reader.get("source", str),
        verified=reader.get("verified", bool), text=reader.get("text", str), notes=reader.get("notes", str, ""),
        base=base, caps={k: _fraction(reader, f"caps[{k!r}]", v) for k, v in caps.items()},
        fraction=None if fraction is None else _fraction(reader, "fraction", fraction), ranges=ranges, ratios=ratios,
        feature_bars=reader.get("feature_bars", bool, False), categories=frozenset(lists["categories"]),
        kinds=frozenset(lists["kinds"]), excludes=frozenset(lists["excludes"]), articles=tuple(lists["articles"]),
        limits=limits, multiple=multiple,
    )


def _limits(reader: _Reader, table: Mapping[str, Any]) -> dict[str, tuple[tuple[str, Quantity], ...]]:
    """``{"criminal_misdemeanour": ["fine 400 MCI"]}`` -> ``{"criminal_misdemeanour": (("fine", 400 MCI),)}``."""
    out: dict[str, tuple[tuple[str, Quantity], ...]] = {}
    kinds = {p.value for p in Penalty} | {"deferral"}
    for key, items in table.items():
        if key not in _LIMIT_KEYS or not isinstance(items, list):
            raise reader.fail(f"limits[{key!r}] must be a category, pregnant, young_children or excluded_above "
                              f"with a list of '<kind> <amount>', got {items!r}")
        pairs: list[tuple[str, Quantity]] = []
        for item in items:
            try:
                kind, size = str(item).split(" ", 1)
                pairs.append((kind, amount(size)))
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
    data = _read_toml(root, FILE)
    unknown = sorted(set(data) - {"rule"})
    if unknown:
        raise DataError(FILE, "-", f"unknown table {unknown[0]!r} (expected [[rule]])")
    acts = law().acts if directory is None else {}
    index: dict[tuple[str, str], list[Rule]] = {}
    for n, record in enumerate(data.get("rule", [])):
        reader = _Reader(FILE, f"rule #{n + 1} ({record.get('article', '?')})", record)
        rule = _rule(reader, record)
        if acts and rule.act not in acts:
            raise reader.fail(f"act {rule.act!r} is not in acts.toml")
        index.setdefault((rule.code, rule.name), []).append(rule)
    for key, rules in index.items():
        rules.sort(key=lambda r: r.valid_from)
        for earlier, later in itertools.pairwise(rules):
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                raise DataError(FILE, f"{later.article} from {later.valid_from}", f"overlaps {key}")
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def rules() -> Mapping[tuple[str, str], tuple[Rule, ...]]:
    """The shipped rules, loaded once."""
    return load()


def find(code: str, name: str, on: dt.date) -> Rule | None:
    """The rule ``name`` of ``code`` in force on ``on``, or ``None``."""
    return next((r for r in rules().get((code, name), ()) if r.in_force_on(on)), None)


@functools.cache
def index() -> Timeline:
    """The time index of the law's data (:func:`kzspeechlaw.law.timeline.timeline`) with the days
    on which some sentencing rule starts or ends: :func:`find` answers the same for any two days of
    one interval."""
    return timeline().merged(change_days(r for rs in rules().values() for r in rs))


# --- the facts ---------------------------------------------------------------------------------

Circumstances = bool | frozenset[Any] | None
"""``True``/``False`` (present or absent), a set of kinds (an empty set is ``False``), or ``None``."""


@attrs.frozen
class Facts:
    """The sentencing facts of an incident; ``None`` is "not stated"."""

    mitigating: Circumstances = None
    aggravating: Circumstances = None
    stage: Stage | None = None
    procedure: Procedure | None = None
    reconciled: bool | None = None
    harm_compensated: bool | None = None
    complaint: bool | None = None
    court: bool | None = None
    """A court decided the case: ``True`` where the incident gives the day an administrative case
    was sent to court (``referred_on``), else not stated."""
    aggregate: Aggregate | None = None
    """The other offences decided together (CC 2014 Art. 58; AOC 2014 Art. 58)."""
    pregnant: bool | None = None
    """The convicted person is a pregnant woman (CC 2014 Art. 74(1))."""
    young_children: bool | None = None
    """The convicted person is a woman with young children, or a man raising them alone (Art. 74(1))."""
    criminal_group: bool = False
    """The offence was committed by a criminal group (the incident's circumstance)."""

    @classmethod
    def of(cls, incident: Any) -> Facts:
        """The sentencing facts of an :class:`~kzspeechlaw.Incident`."""
        i = incident
        return cls(i.mitigating, i.aggravating, i.stage, i.procedure, i.reconciled, i.harm_compensated,
                   i.complaint, True if i.referred_on is not None else None, i.aggregate, i.pregnant,
                   i.young_children, "criminal_group" in i.circumstances)


def present(value: Circumstances) -> bool | None:
    """Whether circumstances are present: ``True``, ``False``, or ``None`` (not stated)."""
    if value is None or isinstance(value, bool):
        return value
    return bool(value)


def _and(*values: bool | None) -> bool | None:
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


def _or(*values: bool | None) -> bool | None:
    if any(v is True for v in values):
        return True
    return False if all(v is False for v in values) else None


def _features(p: Provision, circumstances: Iterable[str]) -> frozenset[Aggravating]:
    """The aggravating circumstances that are features of the offence as charged (CC Art. 54(2))."""
    elements = {e for alternative in p.elements for e in alternative}
    return frozenset(_FEATURES[c] for c in circumstances if c in _FEATURES and f"circumstance:{c}" in elements)


def _aggravating(facts: Facts, features: frozenset[Aggravating]) -> bool | None:
    """Aggravating circumstances that count: a feature of the offence is not counted again (Art. 54(2))."""
    value = facts.aggravating
    if isinstance(value, frozenset):
        return bool(value - features)
    return value


# --- amounts -----------------------------------------------------------------------------------


def _base(q: Quantity) -> tuple[str, Fraction]:
    """An amount in its base unit as an exact number: ``7 year`` -> ``("month", 84)``."""
    unit, size = scale(unit_name(q))
    return unit, Fraction(q.magnitude) * Fraction(size)


def _quantity(unit: str, value: Fraction) -> Quantity:
    """An exact amount as a quantity: whole years where the months make years, else the base unit."""
    ureg = registry()
    if unit == "month" and value.denominator == 1 and value.numerator % 12 == 0:
        return ureg.Quantity(value.numerator // 12, "year")
    magnitude: int | float = value.numerator if value.denominator == 1 else float(value)
    return ureg.Quantity(magnitude, unit)


def _times(q: Quantity, fraction: Fraction) -> Quantity:
    unit, value = _base(q)
    return _quantity(unit, value * fraction)


# --- the imposable range -----------------------------------------------------------------------


@attrs.frozen
class Cap:
    """A fraction of the maximum that applies when ``holds`` (``None``: the facts do not say)."""

    fraction: Fraction
    rule: Rule
    holds: bool | None
    why: str
    facts: tuple[str, ...] = ()
    """The facts (incident fields, or a reading of the text) that decide ``holds`` when it is ``None``."""


@attrs.frozen
class Range:
    """What a court may impose for one sanction alternative on the facts.

    ``minimum``/``maximum`` hold on the stated facts; ``lowest_maximum`` is the maximum if every
    fact not stated turns out to lower it, and ``depends_on`` names those facts. ``below_minimum``
    says whether a sentence below ``minimum`` is allowed (``None``: it depends), ``floor`` the
    lowest amount it may then reach (``None``: no floor modelled).
    """

    kind: Penalty
    minimum: Quantity | None
    maximum: Quantity | None
    lowest_maximum: Quantity | None
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    depends_on: tuple[str, ...] = ()
    below_minimum: bool | None = False
    below_rules: tuple[str, ...] = ()
    floor: Quantity | None = None
    available: bool = True
    statutory_minimum: Quantity | None = None
    modelled: bool = True
    unpaid: tuple[tuple[Penalty, Quantity, Quantity], ...] = ()
    unpaid_rule: str = ""
    below_depends: tuple[str, ...] = ()
    """The facts that decide ``below_minimum`` where it is ``None``."""
    kind_depends: tuple[str, ...] = ()
    """The facts that decide whether the kind may be imposed at all (CC 2014 Art. 55(1))."""
    aggregate: bool = False
    """Other offences are decided together: a sentence above ``maximum`` may be the final one (Art. 58)."""
    aggregate_maximum: Quantity | None = None
    """The most the final sentence of this kind may reach over the aggregate (``None``: no cap modelled)."""
    aggregate_lowest: Quantity | None = None
    """That bound if the facts not stated (``aggregate_depends``) give the lower cap."""
    aggregate_rules: tuple[str, ...] = ()
    aggregate_depends: tuple[str, ...] = ()


def _most_severe(kinds: Iterable[Penalty]) -> Penalty | None:
    ranked = [k for k in kinds if k in SEVERITY]
    return max(ranked, key=SEVERITY.index) if ranked else None


def _cap_rules(p: Provision, on: dt.date, decided: dt.date, name: str) -> tuple[Rule, ...]:
    """The versions of rule ``name`` in force on ``on`` and on the decision date (a milder later
    rule is retroactive, CC 2014 Art. 6(1)): each is tried, the lower cap wins."""
    found = [find(p.ref.code, name, day) for day in (on, decided)]
    unique = {(r.code, r.name, r.valid_from): r for r in found if r is not None}
    return tuple(unique.values())


_READING = "whether the 2014 wording «наиболее строгого вида» bounds a milder kind"
"""Before Law 180-VI the caps were fractions of the most severe kind's maximum: whether they also
bound a milder kind measured in the same unit (restriction of freedom beside imprisonment) is not
settled by the text; the data then give both answers."""


def _caps(p: Provision, kind: Penalty, severe: tuple[Penalty, Quantity | None] | None, own_max: Quantity | None,
          facts: Facts, features: frozenset[Aggravating], on: dt.date,
          decided: dt.date) -> tuple[list[Cap], list[Cap], list[Cap], bool]:
    """The Art. 55(2)/(3) caps for the category (whatever the kind: their circumstances open
    Art. 55(6)), those of them and the Art. 56 caps that reach ``kind``, and whether the caps combine
    (Art. 55(7), from Law 180-VI)."""
    category = p.category.value
    mitigating, aggravating = present(facts.mitigating), _aggravating(facts, features)
    fast = (Procedure.ACCELERATED, Procedure.PLEA_AGREEMENT)
    procedure = None if facts.procedure is None else facts.procedure in fast
    stage = facts.stage
    gates: list[Cap] = []
    caps56: list[Cap] = []

    def reach(cap: Cap) -> Cap | None:
        """``cap`` as it bounds ``kind``: whole for the main kind, or for the most severe kind under the
        2014 wording; uncertain (the same share of the most severe kind's maximum) for a milder kind
        measured in the same unit; ``None`` where it cannot reach the kind."""
        if cap.rule.base == "each_main" or (severe is not None and kind is severe[0]):
            return cap
        severe_max = severe[1] if severe is not None else None
        if severe_max is None or own_max is None or _base(severe_max)[0] != _base(own_max)[0] or cap.holds is False:
            return None
        share = cap.fraction * _base(severe_max)[1] / _base(own_max)[1]
        if share >= 1:
            return None
        fact = _FACT_OF.get(cap.rule.name, ()) if cap.holds is None else ()
        return Cap(share, cap.rule, None, f"{cap.why}, and if the cap of the most severe kind bounds this kind too",
                   (*fact, _READING))

    for rule in _cap_rules(p, on, decided, "mitigating_cap"):
        if category in rule.caps:
            holds = _and(mitigating, None if aggravating is None else not aggravating)
            why = "a mitigating circumstance and no aggravating one"
            if rule.feature_bars and features:
                holds, why = False, "not applied: an aggravating circumstance is a feature of the offence"
            gates.append(Cap(rule.caps[category], rule, holds, why))
    for rule in _cap_rules(p, on, decided, "procedure_cap"):
        if category in rule.caps:
            gates.append(Cap(rule.caps[category], rule, procedure,
                             "accelerated pre-trial investigation or a fulfilled procedural agreement"))
    caps55 = [c for c in map(reach, gates) if c is not None]
    for rule in _cap_rules(p, on, decided, "unfinished_cap"):
        if category in rule.excludes:
            continue
        for name in (Stage.ATTEMPT, Stage.PREPARATION):
            holds = None if stage is None else stage is name
            if name.value in rule.caps and holds is not False:
                cap = reach(Cap(rule.caps[name.value], rule, holds, f"the offence stopped at {name.value}"))
                if cap is not None:
                    caps56.append(cap)
    compound = any(find(p.ref.code, "unfinished_compound", day) is not None for day in (on, decided))
    return gates, caps55, caps56, compound


def _combined(caps55: list[Cap], caps56: list[Cap], compound: bool, counted: tuple[bool | None, ...]) -> Fraction:
    """The fraction of the maximum left by the caps whose ``holds`` is in ``counted``."""
    f55 = min((c.fraction for c in caps55 if c.holds in counted), default=Fraction(1))
    f56 = min((c.fraction for c in caps56 if c.holds in counted), default=Fraction(1))
    return f55 * f56 if compound else min(f55, f56)


def _floor(p: Provision, kind: Penalty, on: dt.date) -> Quantity | None:
    """The general-part minimum of ``kind`` (CC 2014 Arts. 41-46), if modelled."""
    offence = "criminal_misdemeanour" if p.category is Category.CRIMINAL_MISDEMEANOUR else "crime"
    for applies_to in (p.category.value, offence, "any"):
        rule = general_part.find("limit", p.ref.code, kind.value, applies_to, on=on)
        if rule is not None:
            return rule.minimum
    return None


def imposable(p: Provision, sanctions: Iterable[Any], facts: Facts, circumstances: Iterable[str],
              on: dt.date, decided: dt.date) -> tuple[Range, ...]:
    """The range a court may impose for each of ``sanctions`` (assessed alternatives of ``p``, with
    ``kind``, ``minimum``, ``maximum``, ``available``), the general part of ``on`` governing (with a
    milder rule of the decision date, CC Art. 6(1))."""
    items = tuple(sanctions)
    if p.regime is Regime.ADMINISTRATIVE:
        return tuple(_with_aggregate(p, _administrative(p, s, items, facts, on), facts, on, decided) for s in items)
    if p.ref.code != "CC2014":
        return tuple(Range(s.kind, s.minimum, s.maximum, s.maximum, (), (
            f"The sentencing rules of {p.ref.code} are not modelled: the statutory range is shown.",),
            below_minimum=None, available=s.available, statutory_minimum=s.minimum, modelled=False)
            for s in items)
    features = _features(p, circumstances)
    most_severe = _most_severe(s.kind for s in items)
    severe = None if most_severe is None else (most_severe, next(s.maximum for s in items if s.kind is most_severe))
    kinds = tuple(s.kind for s in items)
    return tuple(_with_aggregate(p, _criminal(p, s, kinds, severe, facts, features, on, decided), facts, on, decided)
                 for s in items)


def _criminal(p: Provision, s: Any, kinds: tuple[Penalty, ...], severe: tuple[Penalty, Quantity | None] | None,
              facts: Facts,
              features: frozenset[Aggravating], on: dt.date, decided: dt.date) -> Range:
    kind, minimum, maximum = s.kind, s.minimum, s.maximum
    rules: list[str] = []
    reasons: list[str] = []
    depends: list[str] = []
    if facts.procedure is Procedure.ORDER:
        order = next((r for r in _cap_rules(p, on, decided, "order_fine")), None)
        if order is not None and p.category.value in order.ranges:
            if kind is not Penalty.FINE:
                return Range(kind, None, None, None, (order.cite(),), (
                    f"In the order procedure the sentence is a fine ({order.cite()}).",), available=False)
            low, high = order.ranges[p.category.value]
            return Range(kind, low, high, high, (order.cite(),), (
                f"Order procedure: a fine of {format_quantity(low)} to {format_quantity(high)} ({order.cite()}).",),
                below_minimum=False)
        reasons.append("The order procedure's fines are not modelled for this category; the ordinary range is shown.")
    kind_depends: tuple[str, ...] = ()
    barred = find(p.ref.code, "no_imprisonment", on)
    if (barred is not None and kind.value in barred.kinds and p.category.value in barred.categories
            and any(k in SEVERITY and SEVERITY.index(k) < SEVERITY.index(kind) for k in kinds)):
        if facts.harm_compensated is True:
            return Range(kind, None, None, None, (barred.cite(),), (
                f"No imprisonment: the harm was made good and the sanction has a milder main kind ({barred.cite()}).",),
                available=False)
        if facts.harm_compensated is None:
            kind_depends = ("harm_compensated",)
            reasons.append(f"{kind.value}: not imposed if the person made good the harm ({barred.cite()}): not stated "
                           "(harm_compensated)")
    gates, caps55, caps56, compound = _caps(p, kind, severe, maximum, facts, features, on, decided)
    high = low_high = maximum
    if maximum is not None and (caps55 or caps56):
        high = _times(maximum, _combined(caps55, caps56, compound, (True,)))
        low_high = _times(maximum, _combined(caps55, caps56, compound, (True, None)))
    for cap in (*caps55, *caps56):
        amount_text = format_quantity(_times(maximum, cap.fraction)) if maximum is not None else "-"
        if cap.holds is True:
            rules.append(cap.rule.cite())
            reasons.append(f"{kind.value}: at most {cap.fraction} of the maximum, {amount_text}, with {cap.why} "
                           f"({cap.rule.cite()})")
        elif cap.holds is None:
            fact = cap.facts or _FACT_OF.get(cap.rule.name, (cap.rule.name,))
            depends += fact
            reasons.append(f"{kind.value}: at most {amount_text} ({cap.fraction} of the maximum, {cap.rule.cite()}) "
                           f"if {cap.why}: not settled ({', '.join(fact)})")
        elif cap.why.startswith("not applied"):
            reasons.append(f"{kind.value}: {cap.why} ({cap.rule.cite()})")
    if compound and any(c.holds is True for c in caps56) and any(c.holds is True for c in caps55):
        rule = find(p.ref.code, "unfinished_compound", on) or find(p.ref.code, "unfinished_compound", decided)
        rules.append(rule.cite() if rule is not None else "")
    below = _or(*(c.holds for c in gates))
    below_rule = find(p.ref.code, "below_minimum", on)
    below_rules: tuple[str, ...] = ()
    below_depends: tuple[str, ...] = ()
    floor = _floor(p, kind, on) if minimum is not None else None
    if below_rule is not None and gates:
        wanted = (True,) if below is True else (None,)
        below_rules = (below_rule.cite(), *dict.fromkeys(c.rule.cite() for c in gates if c.holds in wanted))
        if below is None:
            below_depends = tuple(dict.fromkeys(f for c in gates if c.holds is None for f in _FACT_OF[c.rule.name]))
    else:
        below = False
    low = minimum
    if below is True and minimum is not None:
        low = floor
        rules += below_rules
        reasons.append(f"{kind.value}: below the minimum {format_quantity(minimum)} allowed ({', '.join(below_rules)})"
                       + (f", down to the general-part minimum {format_quantity(floor)}" if floor is not None else
                          "; the general-part minimum of this kind is not modelled"))
    unpaid = find(p.ref.code, "unpaid_fine", on) if kind is Penalty.FINE else None
    ratios = unpaid.ratios.get(p.category.value, ()) if unpaid is not None else ()
    return Range(kind, low, high, low_high, tuple(dict.fromkeys(r for r in rules if r)), tuple(reasons),
                 tuple(dict.fromkeys(depends)), below, below_rules, floor, s.available, minimum, True,
                 ratios, unpaid.cite() if unpaid is not None and ratios else "", below_depends, kind_depends)


_GRAVITY = (Category.CRIMINAL_MISDEMEANOUR, Category.SMALL_GRAVITY, Category.MEDIUM_GRAVITY, Category.GRAVE,
            Category.ESPECIALLY_GRAVE)


def _aggregate_bound(rule: Rule, gravest: Category, kind: Penalty) -> tuple[Quantity | None, Quantity | None,
                                                                             tuple[str, ...], str]:
    """What CC 2014 Art. 58 lets the final sentence of ``kind`` reach when ``gravest`` is the gravest
    category of the aggregate: (the bound, the bound if the undecided fact gives the lower one, the
    facts that decide, how the sentences combine)."""
    general = (f"the general-part maximum of {kind.value} (Art. 58(1); not modelled)",)
    if gravest is Category.CRIMINAL_MISDEMEANOUR:
        q = rule.limit(gravest.value, kind.value)
        return q, q, () if q is not None else general, "misdemeanours only: absorption or addition (Art. 58(2))"
    if gravest.value in rule.categories:
        return None, None, ("the sentences for the other offences: absorption only, the final sentence is the "
                            "most severe of them (Art. 58(2))",), "absorption only (Art. 58(2))"
    q20 = rule.limit(Category.GRAVE.value, kind.value)
    if gravest is Category.GRAVE:
        return q20, q20, () if q20 is not None else general, "absorption or addition (Art. 58(3))"
    q25 = rule.limit(Category.ESPECIALLY_GRAVE.value, kind.value)
    if q25 is None:
        return None, None, general, "absorption or addition (Art. 58(3)-(4))"
    return q25, q20, ("whether an especially grave crime of the aggregate is punishable by imprisonment of up to "
                      "twenty years (Art. 58(4); otherwise Art. 58(3))",), "addition (Art. 58(4))"


def _with_aggregate(p: Provision, r: Range, facts: Facts, on: dt.date, decided: dt.date) -> Range:
    """``r`` with what the final sentence over an aggregate may reach (CC 2014 Art. 58; AOC 2014
    Art. 58), where the facts say other offences are decided together. Each offence's own sentence
    stays within ``r`` (Art. 58(1): a punishment for each offence separately)."""
    other = facts.aggregate
    if other is None or other is Aggregate.NONE or not r.available:
        return r
    kind = r.kind.value
    administrative = p.regime is Regime.ADMINISTRATIVE
    if administrative != (other is Aggregate.ADMINISTRATIVE_OFFENCE):
        return attrs.evolve(r, reasons=(*r.reasons, f"{kind}: an aggregate of {other.value.replace('_', ' ')} "
                                        f"offences does not combine with a {p.category.value.replace('_', ' ')} "
                                        "offence; the aggregate is not applied"))
    found = _cap_rules(p, on, decided, "aggregate") if p.ref.code in ("CC2014", "AOC2014") else ()
    if not found:
        return attrs.evolve(r, aggregate=True, reasons=(*r.reasons, f"{kind}: the rules for an aggregate of "
                                                        f"offences of {p.ref.code} are not modelled"),
                            aggregate_depends=(f"the aggregate rules of {p.ref.code} (not modelled)",))
    if administrative:
        rule = found[-1]
        limit = ("the term of AOC 2014 Art. 50(1)" if r.kind is Penalty.ARREST
                 else f"{rule.multiple} times the Code's maximum of {kind}")
        return attrs.evolve(r, aggregate=True, aggregate_rules=(rule.cite(),), aggregate_depends=(
            f"{limit} (AOC 2014 Art. 58(2); not computed)",), reasons=(*r.reasons, (
                f"{kind}: with other offences heard by the same judge or body, a penalty for each; penalties of "
                f"one kind at most {limit} in all ({rule.cite()})")))
    gravest = max(p.category, Category(other.value), key=_GRAVITY.index)
    best: tuple[Quantity | None, Quantity | None, tuple[str, ...], str, Rule] | None = None
    for rule in found:
        top, lowest, depends, how = _aggregate_bound(rule, gravest, r.kind)
        if best is None or (top is not None and (best[0] is None or _base(top)[1] < _base(best[0])[1])):
            best = (top, lowest, depends, how, rule)
    assert best is not None
    top, lowest, depends, how, rule = best
    bound = (f"at most {format_quantity(top)}" if top is not None and lowest == top else
             f"at most {format_quantity(lowest)}, or {format_quantity(top)} if {depends[0]}"
             if top is not None and lowest is not None else "bounded by " + ", ".join(depends))
    return attrs.evolve(r, aggregate=True, aggregate_maximum=top, aggregate_lowest=lowest,
                        aggregate_rules=(rule.cite(),), aggregate_depends=depends, reasons=(*r.reasons, (
                            f"{kind}: the final sentence over the aggregate (gravest: "
                            f"{gravest.value.replace('_', ' ')}; {how}) {bound} ({rule.cite()})")))


def _aggregate_check(r: Range, penalty: Penalty, sentence: Quantity, value: Fraction, like: Quantity,
                     mci_date: dt.date | None, reasons: tuple[str, ...]) -> Check:
    """A sentence above the offence's own maximum where other offences are decided together: lawful
    only as the final sentence over the aggregate, within its bound (CC 2014 Art. 58)."""
    text = format_quantity(sentence)
    rules = (*r.rules, *r.aggregate_rules)
    own = f"{text} is above the maximum {format_quantity(r.maximum) if r.maximum is not None else '-'} for this " \
          "offence alone"
    top = r.aggregate_maximum
    if top is not None and value > _value(top, like, mci_date):
        return Check(penalty, sentence, "above_maximum", rules, (
            f"{own}, and above {format_quantity(top)}, the most the final sentence over the aggregate may "
            f"reach ({', '.join(r.aggregate_rules)}).", *reasons))
    final = "whether the sentence is the final one over the aggregate of offences (CC 2014 Art. 58(1))"
    depends: tuple[str, ...] = (final,)
    if r.aggregate_lowest is None or value > _value(r.aggregate_lowest, like, mci_date):
        depends += r.aggregate_depends
    return Check(penalty, sentence, "within", rules, (
        f"{own}; as the final sentence over the aggregate it is within the law "
        + (f"(at most {format_quantity(top)}, {', '.join(r.aggregate_rules)})" if top is not None else
           f"if {', '.join(r.aggregate_depends)} allow it ({', '.join(r.aggregate_rules)})") + ".", *reasons),
        certain=False, depends_on=depends)


_FACT_OF = {"mitigating_cap": ("mitigating", "aggravating"), "procedure_cap": ("procedure",),
            "unfinished_cap": ("stage",)}
"""The incident fields that decide each rule's condition."""


def _administrative(p: Provision, s: Any, items: tuple[Any, ...], facts: Facts, on: dt.date) -> Range:
    """AOC fines: a court may cut them by up to 30 % (Art. 829-11(2)); paying 50 % within seven
    days closes a case whose sanction offers nothing but a fine or a warning (Arts. 810-811)."""
    kind, minimum, maximum = s.kind, s.minimum, s.maximum
    if kind is not Penalty.FINE or minimum is None or unit_name(minimum) != "MCI":
        return Range(kind, minimum, maximum, maximum, (), (), available=s.available, statutory_minimum=minimum)
    reasons: list[str] = []
    routes: list[tuple[Fraction, Rule]] = []
    possible: list[tuple[Fraction, Rule]] = []
    court = find(p.ref.code, "court_reduction", on)
    if court is not None and court.fraction is not None:
        (routes if facts.court else possible).append((1 - court.fraction, court))
        reasons.append(f"A court may reduce the fine by up to {int(court.fraction * 100)} % "
                       f"to {format_quantity(_times(minimum, 1 - court.fraction))} ({court.cite()})"
                       + ("" if facts.court else "; whether a court decided the case is not stated (referred_on)"))
    paid = find(p.ref.code, "expedited_payment", on)
    if paid is not None and paid.fraction is not None:
        others = sorted({i.kind.value for i in items if i.kind not in (Penalty.FINE, Penalty.WARNING)})
        if others:
            reasons.append(f"Paying {paid.fraction} of the fine within seven days ({paid.cite()}) is not open: the "
                           f"sanction also provides {', '.join(others)} (AOC Art. 810(2)(1))")
        else:
            routes.append((paid.fraction, paid))
            reasons.append(f"Paying {format_quantity(_times(minimum, paid.fraction))} within seven days closes the "
                           f"case ({paid.cite()})")
    if not routes and not possible:
        return Range(kind, minimum, maximum, maximum, (), tuple(reasons), available=s.available,
                     statutory_minimum=minimum)
    if not routes:
        fraction, _ = min(possible, key=lambda r: r[0])
        return Range(kind, minimum, maximum, maximum, (), tuple(reasons), below_depends=("referred_on",),
                     below_minimum=None,
                     below_rules=tuple(r.cite() for _, r in possible), floor=_times(minimum, fraction),
                     available=s.available, statutory_minimum=minimum)
    fraction, _ = min(routes + possible, key=lambda r: r[0])
    return Range(kind, _times(minimum, fraction), maximum, maximum, tuple(r.cite() for _, r in routes),
                 tuple(reasons), below_minimum=True, below_rules=tuple(r.cite() for _, r in routes),
                 floor=_times(minimum, fraction), available=s.available, statutory_minimum=minimum)


# --- the check ---------------------------------------------------------------------------------


@attrs.frozen
class Check:
    """Whether a sentence was within what the law allowed: ``verdict`` (one of :data:`VERDICTS`),
    the ``rules`` applied, the ``reasons``; ``certain`` is false where a fact not stated decides,
    and ``depends_on`` names it."""

    kind: Penalty
    amount: Quantity
    verdict: str
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    certain: bool = True
    depends_on: tuple[str, ...] = ()
    unpaid: tuple[str, ...] = ()
    """For a criminal fine: what it is replaced with if it is not paid (CC 2014 Art. 41(6))."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"kind": self.kind.value, "amount": format_quantity(self.amount), "verdict": self.verdict,
                "rules": list(self.rules), "reasons": list(self.reasons), "certain": self.certain,
                "depends_on": list(self.depends_on), "unpaid": list(self.unpaid)}


def as_penalty(kind: Penalty | str) -> Penalty:
    """``kind`` as a :class:`~kzspeechlaw.Penalty`; an unknown kind raises :class:`AmountError`."""
    try:
        return Penalty(kind)
    except ValueError:
        raise AmountError(f"unknown kind of punishment {kind!r}: expected one of "
                          f"{', '.join(p.value for p in Penalty)}") from None


def _value(q: Quantity, like: Quantity, mci_date: dt.date | None) -> Fraction:
    """``q`` as an exact number in the base unit of ``like``; tenge against MCI with the MCI of
    ``mci_date``."""
    unit, value = _base(q)
    want, _ = scale(unit_name(like))
    if unit == want:
        return value
    if unit == "KZT" and want == "MCI" and mci_date is not None:
        return value / mci_value(mci_date).kzt
    raise AmountError(f"cannot compare {format_quantity(q)} with {format_quantity(like)}: expected an amount "
                      f"in {unit_name(like)}" + (" or KZT" if want == "MCI" else ""))


def check(ranges: tuple[Range, ...], kind: Penalty | str, sentence: Quantity, mci_date: dt.date | None,
          regime: Regime, extra: tuple[str, ...] = ()) -> Check:
    """Whether ``sentence`` of ``kind`` lies within ``ranges`` (see :class:`Check`)."""
    penalty = as_penalty(kind)
    if not hasattr(sentence, "magnitude") or not hasattr(sentence, "unit_items"):
        raise AmountError(f"the sentence {sentence!r} is not an amount: expected e.g. 1 * kz.ureg.year")
    found = [r for r in ranges if r.kind is penalty]
    available = [r for r in found if r.available]
    if not available:
        kinds = [r.kind for r in ranges if r.available]
        harsher = _most_severe(kinds)
        if found:
            why = f"{penalty.value} is not available on these facts: " + (
                "; ".join(reason for r in found for reason in r.reasons) or "suspended by the general part")
            return Check(penalty, sentence, "kind_not_available", (), (why, *extra))
        milder = harsher is not None and penalty in SEVERITY and SEVERITY.index(penalty) < SEVERITY.index(harsher)
        why = f"The sanction has no {penalty.value}; it provides {', '.join(k.value for k in kinds) or 'nothing'}."
        if milder and regime is Regime.CRIMINAL:
            return Check(penalty, sentence, "kind_not_available", (), (
                why, "A milder kind than the article provides is lawful only where the court found exceptional "
                "circumstances (CC 2014 Art. 55(4)).", *extra), certain=False,
                depends_on=("exceptional circumstances found by the court (CC 2014 Art. 55(4))",))
        return Check(penalty, sentence, "kind_not_available", (), (why, *extra))
    best: tuple[Check, Range] | None = None
    for r in available:
        result = _check_one(r, penalty, sentence, mci_date, regime, extra)
        if best is None or _rank(result) < _rank(best[0]):
            best = (result, r)
    assert best is not None
    result, r = best
    if r.kind_depends and result.verdict != "above_maximum":
        result = attrs.evolve(result, certain=False, depends_on=(*result.depends_on, *r.kind_depends))
    if r.unpaid and r.maximum is not None:
        mci = _value(sentence, r.maximum, mci_date)
        result = attrs.evolve(result, unpaid=tuple(
            f"{format_quantity(_replacement(size, per, mci))} of {kind.value} ({r.unpaid_rule})"
            for kind, size, per in r.unpaid))
    return result


def _replacement(size: Quantity, per: Quantity, mci: Fraction) -> Quantity:
    """What ``mci`` unpaid MCI become at ``size`` per ``per`` MCI (CC 2014 Art. 41(6))."""
    unit, value = _base(size)
    return _quantity(unit, value * mci / _base(per)[1])


def _rank(c: Check) -> tuple[int, int]:
    order = ("within", "below_minimum_allowed", "below_minimum", "above_maximum", "kind_not_available")
    return (0 if c.certain else 1, order.index(c.verdict))


def _check_one(r: Range, penalty: Penalty, sentence: Quantity, mci_date: dt.date | None, regime: Regime,
               extra: tuple[str, ...]) -> Check:
    like = r.maximum if r.maximum is not None else r.statutory_minimum
    if like is None:
        return Check(penalty, sentence, "within", r.rules, ("The sanction sets no amount for this kind.", *extra))
    value = _value(sentence, like, mci_date)
    text = format_quantity(sentence)
    reasons = (*r.reasons, *extra)
    if r.maximum is not None and value > _value(r.maximum, like, mci_date) and r.aggregate:
        return _aggregate_check(r, penalty, sentence, value, like, mci_date, reasons)
    if r.maximum is not None and value > _value(r.maximum, like, mci_date):
        return Check(penalty, sentence, "above_maximum", r.rules, (
            f"{text} is above the maximum {format_quantity(r.maximum)} that the law allowed on these facts.",
            *reasons))
    if r.lowest_maximum is not None and value > _value(r.lowest_maximum, like, mci_date):
        return Check(penalty, sentence, "within", r.rules, (
            f"{text} is within the maximum {format_quantity(r.maximum)} on the stated facts, but above "
            f"{format_quantity(r.lowest_maximum)}, the maximum if the facts not stated ({', '.join(r.depends_on)}) "
            "bring a cap: it would then be above the maximum.", *reasons),
            certain=False, depends_on=r.depends_on)
    minimum = r.statutory_minimum
    if minimum is None or value >= _value(minimum, like, mci_date):
        return Check(penalty, sentence, "within", r.rules, (
            f"{text} is within the range the law allowed on these facts.", *reasons))
    below = f"{text} is below the sanction's minimum {format_quantity(minimum)}"
    if not r.modelled:
        return Check(penalty, sentence, "below_minimum", r.rules, (f"{below}.", *reasons), certain=False,
                     depends_on=("the code's rules for a sentence below the minimum (not modelled)",))
    if r.below_minimum is not False and r.floor is not None and value < _value(r.floor, like, mci_date):
        floor = "" if r.floor == minimum else f" and below {format_quantity(r.floor)}"
        why = f"{below}{floor}, the lowest the general part allows for this kind."
        if penalty in (Penalty.FINE, Penalty.CORRECTIONAL_WORK) and regime is Regime.CRIMINAL:
            return Check(penalty, sentence, "below_minimum", r.rules, (why, *reasons), certain=False, depends_on=(
                "a fine or correctional work below the general minimum where Art. 55 applies "
                "(CC 2014 Arts. 41(7), 42; not modelled)",))
        return Check(penalty, sentence, "below_minimum", r.rules, (why, *reasons))
    if r.below_minimum is True:
        return Check(penalty, sentence, "below_minimum_allowed", r.below_rules, (
            f"{below}, which {', '.join(r.below_rules)} allowed on these facts.", *reasons))
    if r.below_minimum is None:
        return Check(penalty, sentence, "below_minimum_allowed", r.below_rules, (
            f"{below}: allowed if the facts not stated ({', '.join(r.below_depends)}) bring the case under "
            f"{', '.join(r.below_rules)}" + (", or if the court found exceptional circumstances (CC 2014 Art. 55(4))."
                                              if regime is Regime.CRIMINAL else "."),
            *reasons), certain=False, depends_on=r.below_depends)
    if regime is Regime.CRIMINAL:
        return Check(penalty, sentence, "below_minimum", r.rules, (
            f"{below}; on the stated facts only exceptional circumstances found by the court "
            "(CC 2014 Art. 55(4)) allow it.", *reasons),
            certain=False, depends_on=("exceptional circumstances found by the court (CC 2014 Art. 55(4))",))
    return Check(penalty, sentence, "below_minimum", r.rules, (f"{below}.", *reasons))


# --- releases ----------------------------------------------------------------------------------


@attrs.frozen(cache_hash=True)
class Release:
    """A route out of punishment: ``status`` one of :data:`RELEASE_STATUSES`, the ``article``,
    the ``conditions`` it needs and the ``reasons`` for the status."""

    route: str
    status: str
    article: str
    conditions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"route": self.route, "status": self.status, "article": self.article,
                "conditions": list(self.conditions), "reasons": list(self.reasons)}


def _tri(value: bool | None, yes: str, no: str) -> str:
    return yes if value is True else no if value is False else "depends"


_RELEASES = Memo(maxsize=16384)
_RELEASES_JSON = Memo(maxsize=16384)


def releases(p: Provision, facts: Facts, kinds: Iterable[Penalty], act_date: dt.date, decided: dt.date,
             amnesty_findings: tuple[Any, ...] = ()) -> tuple[Release, ...]:
    """The release routes on these facts (reconciliation, amnesty, conditional sentence,
    deferral; for administrative offences the complaint, reconciliation and trivial offence).
    Remembered per version, facts, periods of the rules and amnesty findings."""
    kinds = tuple(kinds)
    interval = index().interval
    key = (p, facts, kinds, interval(act_date), interval(decided), amnesty_findings)
    return _RELEASES.get(key,
                         lambda: _releases(p, facts, kinds, act_date, decided, amnesty_findings))


def releases_json(found: tuple[Release, ...]) -> str:
    """The JSON text of a list of releases, encoded once per answer of :func:`releases`."""
    return _RELEASES_JSON.get(found, lambda: export.dumps([r.to_dict() for r in found]))


def _releases(p: Provision, facts: Facts, kinds: tuple[Penalty, ...], act_date: dt.date, decided: dt.date,
              amnesty_findings: tuple[Any, ...]) -> tuple[Release, ...]:
    if p.regime is Regime.ADMINISTRATIVE:
        return _administrative_releases(p, facts, act_date)
    if p.ref.code != "CC2014":
        return (Release("reconciliation", "not_modelled", "", (), (f"{p.ref.code}'s releases are not modelled.",)),)
    out: list[Release] = list(_complaint_routes(find(p.ref.code, "private_prosecution", act_date), p, facts,
                                              "private_reconciliation"))
    rule = find(p.ref.code, "reconciliation", act_date)
    if rule is not None:
        conditions = ("reconciled with the victim (reconciled)", "harm made good (harm_compensated)")
        if p.extremist and "extremist" in rule.excludes:
            out.append(Release("reconciliation", "closed", rule.cite(), conditions,
                               ("Not for extremist crimes (CC 2014 Art. 68(4)).",)))
        elif p.category.value not in rule.categories:
            out.append(Release("reconciliation", "closed", rule.cite(), conditions, (
                f"Art. 68(1) covers misdemeanours and small or medium crimes, not a {p.category.value} crime; "
                "for a grave crime see Art. 68(2) (reconciliation_grave).",)))
        else:
            both = _and(facts.reconciled, facts.harm_compensated)
            status = _tri(both, "open", "closed")
            why = {"open": "Release is mandatory: the person reconciled and made good the harm.",
                   "closed": "The person did not reconcile or did not make good the harm.",
                   "depends": "Mandatory release if the person reconciled and made good the harm: not stated."}[status]
            out.append(Release("reconciliation", status, rule.cite(), conditions, (why,)))
    out += _reconciliation_grave(p, facts, act_date)
    found = tuple(amnesty_findings)
    if found:
        releasing = [f for f in found if getattr(f, "releases", False)]
        undecided = ("conditional", "main_punishment", "may_reach")
        status = "open" if releasing else (
            "depends" if any(str(getattr(f, "status", "")) in undecided for f in found) else "closed")
        out.append(Release("amnesty", status, ", ".join(f"Law {f.amnesty.id}" for f in found), (),
                           tuple(f"Law {f.amnesty.id}: {f.status} ({f.reason})" for f in found)))
    else:
        out.append(Release("amnesty", "closed", "", (), ("No amnesty law reaches this act on the decision date.",)))
    cond = find(p.ref.code, "conditional", decided) or find(p.ref.code, "conditional", act_date)
    if cond is not None:
        conditions = ("imprisonment imposed (CC 2014 Art. 63(1))", "no recidivism, no criminal group (Art. 63(6))")
        barred = [e for e in cond.excludes if e == p.category.value or (e == "extremist" and p.extremist)]
        if barred:
            out.append(Release("conditional_sentence", "closed", cond.cite(), conditions,
                               (f"Not for this crime ({barred[0].replace('_', ' ')}; CC 2014 Art. 63(6)).",)))
        elif Penalty.IMPRISONMENT not in set(kinds):
            out.append(Release("conditional_sentence", "closed", cond.cite(), conditions,
                               ("Only a sentence of imprisonment can be made conditional; the sanction has none.",)))
        else:
            out.append(Release("conditional_sentence", "open", cond.cite(), conditions, (
                "A court may make a sentence of imprisonment conditional (probation for the whole term).",)))
    out.append(_deferral(p, facts, act_date, decided))
    return tuple(out)


def _deferral(p: Provision, facts: Facts, act_date: dt.date, decided: dt.date) -> Release:
    """Deferral of serving the sentence for a pregnant woman (up to a year) or a woman with young
    children or a man raising them alone (up to five years, not past the child's fourteenth
    birthday), at the court's discretion; not where imprisonment over five years is imposed for an
    extremist crime or a crime of a criminal group (CC 2014 Art. 74(1))."""
    rule = find(p.ref.code, "deferral", decided) or find(p.ref.code, "deferral", act_date)
    if rule is None:
        return Release("deferral", "not_modelled", "CC2014 74", ("pregnancy or young children (CC 2014 Art. 74)",),
                       (f"No deferral rule of {p.ref.code} in force on {decided} is modelled.",))
    pregnant, children = rule.limit("pregnant", "deferral"), rule.limit("young_children", "deferral")
    over = rule.limit("excluded_above", Penalty.IMPRISONMENT.value)
    conditions = (f"a pregnant woman (pregnant): up to {format_quantity(pregnant) if pregnant else '-'}",
                  f"a woman with young children, or a man raising them alone (young_children): up to "
                  f"{format_quantity(children) if children else '-'}, not past the child's fourteenth birthday")
    person = _or(facts.pregnant, facts.young_children)
    if person is False:
        return Release("deferral", "closed", rule.cite(), conditions,
                       ("The person is neither a pregnant woman nor a parent of young children as Art. 74(1) needs.",))
    excluded = [why for why, hit in (("an extremist crime", p.extremist and "extremist" in rule.excludes),
                                     ("a crime of a criminal group", facts.criminal_group)) if hit]
    longest = max((s.maximum for s in p.sanctions if s.kind is Penalty.IMPRISONMENT and s.maximum is not None),
                  key=lambda q: _base(q)[1], default=None)
    reasons: list[str] = []
    status = "open" if person else "depends"
    if excluded and over is not None and longest is not None and _base(longest)[1] > _base(over)[1]:
        status = "depends"
        reasons.append(f"Not granted if imprisonment over {format_quantity(over)} is imposed for {excluded[0]} "
                       f"(the sanction allows up to {format_quantity(longest)}): it depends on the sentence.")
    elif excluded:
        reasons.append(f"The exclusion for {excluded[0]} needs imprisonment over "
                       f"{format_quantity(over) if over else '-'}, which the sanction does not reach.")
    reasons.append({True: "A court may defer serving the sentence (its discretion).",
                    None: "A court may defer serving the sentence if the person is a pregnant woman or a parent of "
                          "young children: not stated (pregnant, young_children)."}[person])
    return Release("deferral", status, rule.cite(), conditions, tuple(reasons))


def _complaint_routes(rule: Rule | None, p: Provision, facts: Facts, reconciliation: str) -> tuple[Release, ...]:
    """A case opened only on the victim's complaint and closed on reconciliation (CPC 2014
    Art. 32(2) for CC 2014 Art. 131, and Art. 130 while it stood; AOC 2014 Art. 64(1) for 73-3)."""
    out: list[Release] = []
    if rule is not None and f"{p.ref.code} {p.ref.article}" in rule.articles:
        complaint = _tri(facts.complaint, "closed", "open")
        out.append(Release("no_complaint", complaint, rule.cite(), ("no complaint by the victim (complaint)",), (
            {"open": "No case without the victim's complaint: none was made.",
             "closed": "The victim complained.",
             "depends": "A case is opened only on the victim's complaint: not stated."}[complaint],)))
        status = _tri(facts.reconciled, "open", "closed")
        agreement = ("reconciliation of the victim with the person (reconciled)",)
        out.append(Release(reconciliation, status, rule.cite(), agreement, (
            {"open": "The case must be closed: the victim and the person reconciled.",
             "closed": "The parties did not reconcile.",
             "depends": "The case is closed on reconciliation: not stated."}[status],)))
    return tuple(out)


def _administrative_releases(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    out = list(_complaint_routes(find(p.ref.code, "complaint_only", act_date), p, facts, "reconciliation"))
    out += _court_reconciliation(p, facts, act_date)
    trivial = find(p.ref.code, "trivial", act_date)
    if trivial is not None:
        out.append(Release("trivial_offence", "open", trivial.cite(), ("the offence is trivial",), (
            "A judge or body may release with an oral remark where the offence is trivial (the court's judgement).",)))
    return tuple(out)


def _excluded_68(rule: Rule, p: Provision, facts: Facts) -> str | None:
    """Why CC 2014 Art. 68(4) bars the release: an extremist crime, or one of a criminal group."""
    if p.extremist and "extremist" in rule.excludes:
        return "Not for extremist crimes (CC 2014 Art. 68(4))."
    if facts.criminal_group:
        return "Not for crimes of a criminal group (CC 2014 Art. 68(4))."
    return None


def _repented(facts: Facts) -> bool | None:
    """Sincere repentance (CC 2014 Art. 53(1)(11)): ``True`` where the mitigating kinds name it."""
    value = facts.mitigating
    if isinstance(value, frozenset):
        return Mitigating.REPENTANCE in value or None
    return False if value is False else None


def _reconciliation_grave(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    """CC 2014 Art. 68(2) (certain persons, a first grave crime, reconciled and harm made good: the
    court may release) and Art. 68(3) (harm to the interests of society or the state: the court may
    release on sincere repentance and the harm made good), each barred by Art. 68(4)."""
    out: list[Release] = []
    grave = find(p.ref.code, "reconciliation_grave", act_date)
    if grave is not None and p.category.value in grave.categories:
        conditions = ("a minor, a pregnant woman (pregnant), a woman with young children or a man raising them alone "
                      "(young_children), a woman of 58 or a man of 63 or over", "a first grave crime",
                      "reconciled with the victim (reconciled)", "harm made good (harm_compensated)")
        barred = _excluded_68(grave, p, facts)
        person = True if (facts.pregnant or facts.young_children) else None
        both = _and(facts.reconciled, facts.harm_compensated)
        status = "closed" if barred or both is False else "open" if _and(person, both) else "depends"
        why = barred or {
            "closed": "The person did not reconcile or did not make good the harm.",
            "open": "A court may release: one of the persons of Art. 68(2) reconciled and made good the harm "
                    "(if it is the first grave crime).",
            "depends": "A court may release one of the persons of Art. 68(2) who reconciled and made good the harm: "
                       "not settled (" + ", ".join(f for f, v in (("pregnant, young_children or age", person),
                                                                   ("reconciled", facts.reconciled),
                                                                   ("harm_compensated", facts.harm_compensated))
                                                   if v is None) + ")."}[status]
        out.append(Release("reconciliation_grave", status, grave.cite(), conditions, (why,)))
    public = find(p.ref.code, "repentance", act_date)
    if public is not None:
        needs = ("harm to the interests of society or the state", "sincere repentance (mitigating: repentance)",
                 "harm made good (harm_compensated)")
        barred = _excluded_68(public, p, facts)
        category = p.category.value.replace("_", " ")
        if p.category.value not in public.categories:
            out.append(Release("repentance", "closed", public.cite(), needs, (
                f"Art. 68(3) reaches the persons of parts 1 and 2, not a {category} crime.",)))
        else:
            met = _and(_repented(facts), facts.harm_compensated)
            if p.category is Category.GRAVE:
                met = _and(met, True if (facts.pregnant or facts.young_children) else None)
            status = "closed" if barred or met is False else "depends"
            why = barred or ("The person did not repent or did not make good the harm." if status == "closed" else
                             "A court may release where the offence harmed the interests of society or the state and "
                             "the person sincerely repented and made good the harm" + (
                                 ": whether the harm was to society or the state is a reading of the case."
                                 if met else ": not stated (mitigating: repentance, harm_compensated"
                                 + (", the persons of Art. 68(2)" if p.category is Category.GRAVE else "") + ")."))
            out.append(Release("repentance", status, public.cite(), needs, (why,)))
    return tuple(out)


def _court_reconciliation(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    """AOC 2014 Art. 64(1-1): a court may release a first-time offender under Art. 73-3 who reconciled
    and made good the harm (not within a year of a release under Art. 73)."""
    rule = find(p.ref.code, "court_reconciliation", act_date)
    if rule is None or f"{p.ref.code} {p.ref.article}" not in rule.articles:
        return ()
    conditions = ("a first offence", "reconciled with the victim (reconciled)", "harm made good (harm_compensated)",
                  "no release under AOC Art. 73 on reconciliation within the year")
    both = _and(facts.reconciled, facts.harm_compensated)
    status = _tri(both, "open", "closed")
    why = {"open": "A court may release: the person reconciled and made good the harm (if a first offence).",
           "closed": "The person did not reconcile or did not make good the harm.",
           "depends": "A court may release a first-time offender who reconciled and made good the harm: not stated "
                      "(reconciled, harm_compensated)."}[status]
    return (Release("court_reconciliation", status, rule.cite(), conditions, (why,)),)


def sources(citations: Iterable[str], *days: dt.date) -> str:
    """The sources of the rules cited as ``citations`` (:meth:`Rule.cite`) in force on any of
    ``days``, space-separated, in the order cited."""
    found: dict[str, None] = {}
    for cite in citations:
        rule = next((r for rs in rules().values() for r in rs if r.cite() == cite
                     and any(r.in_force_on(day) for day in days)), None)
        if rule is not None:
            found[rule.source] = None
    return " ".join(found)
