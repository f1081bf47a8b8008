"""The legal consequence of an incident decided on a date: lex mitior, decriminalisation,
the MCI date, general-part bounds, category, limitation, and a trace citing every step.

The rules encoded (texts in ``data/general.toml`` and the statute files):

- the law of the act's time governs (CC 2014 Art. 5; AOC 2014 Art. 4), unless a later law
  removes liability or is more lenient (CC 2014 Art. 6(1); AOC 2014 Art. 5(1)); a law that
  establishes or aggravates liability is not retroactive (CC Art. 6(3); AOC Art. 5(2));
- criminal fines and correctional work are converted with the MCI of the offence date
  (CC 2014 Arts. 41(1), 42(1)); administrative fines with the MCI of the day the case was
  opened (AOC 2014 Art. 44(1));
- limitation: CC 2014 Art. 71 (none for extremist crimes, Art. 71(6)); AOC 2014 Art. 62(1).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
from typing import Any, NamedTuple

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw import export, general_part, leniency
from kzspeechlaw.classify import Match, classify
from kzspeechlaw.coverage_report import warn_if_stale
from kzspeechlaw.dates import as_date, change_days, out_of_range
from kzspeechlaw.errors import DataError, InvalidIncident, OutOfCoverage
from kzspeechlaw.facts import ENTITIES
from kzspeechlaw.incident import Incident, check_incident
from kzspeechlaw.law import law
from kzspeechlaw.memo import Memo
from kzspeechlaw.model import Category, Penalty, Provision, Regime, Sanction
from kzspeechlaw.monthly_index import mci_value, to_tenge
from kzspeechlaw.refs import CC2014_FROM
from kzspeechlaw.units import Quantity, format_quantity, lesser, unit_name

OUTCOMES = ("liable", "decriminalised", "time_barred", "no_provision")


# Much of an assessment depends only on the data records (versions, their sanctions, general-part
# rules) or on a few amounts, which recur across incidents: those answers are remembered (Memo).


@attrs.frozen
class Step:
    """One step of the reasoning: what was decided, under which provision, from which source."""

    what: str
    citation: str
    source: str = ""


def _step_json(step: Step) -> str:
    """A step's JSON text: ``{"what", "citation", "source"}``."""
    text = export.string_json
    return f'{{"what": {text(step.what)}, "citation": {text(step.citation)}, "source": {text(step.source)}}}'


@attrs.frozen
class AssessedSanction:
    """An alternative of the governing sanction, bounded by the general part and in tenge.

    ``minimum``/``maximum`` are the bounds that apply (the statute's, with the general-part floor
    where the statute says only "up to"); ``available`` is false where the general part suspends
    the kind of punishment on the decision date.
    """

    sanction: Sanction
    minimum: Quantity | None
    maximum: Quantity | None
    minimum_kzt: Quantity | None
    maximum_kzt: Quantity | None
    floor: str | None = None
    available: bool = True
    note: str = ""

    @property
    def kind(self) -> Penalty:
        """The kind of punishment."""
        return self.sanction.kind

    def describe(self) -> str:
        """E.g. ``"fine 200 MCI to 3 000 MCI (505 000 KZT to 7 575 000 KZT)"``."""
        text = Sanction(self.kind, self.minimum, self.maximum, self.sanction.subject).describe()
        if self.maximum_kzt is not None:
            if self.minimum_kzt is None:
                text += f" (up to {format_quantity(self.maximum_kzt)})"
            elif self.minimum_kzt == self.maximum_kzt:
                text += f" ({format_quantity(self.maximum_kzt)})"
            else:
                text += f" ({format_quantity(self.minimum_kzt)} to {format_quantity(self.maximum_kzt)})"
        if not self.available:
            text += " [suspended]"
        return text


@attrs.frozen
class Limitation:
    """The limitation period: ``period`` (``None`` where none applies), its expiry and basis."""

    period: Quantity | None
    expires: dt.date | None
    article: str
    expired: bool
    certain: bool


@attrs.frozen
class Assessment:
    """The legal consequence of ``incident`` decided on ``decided_on``.

    Its ``notes`` and ``trace`` are properties written when first read (not constructor
    arguments): a caller that needs only the outcome and the sanctions (a tally of a register) does
    not pay for the text.
    """

    incident: Incident
    decided_on: dt.date
    matches: tuple[Match, ...]
    governing: Provision | None
    outcome: str
    sanctions: tuple[AssessedSanction, ...]
    mci_date: dt.date | None
    category: Category | None
    limitation: Limitation | None

    @functools.cached_property
    def _explanation(self) -> _Explanation:
        return _explain(self)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the user should know: other provisions, caveats, assumptions, the limitation."""
        return self._explanation.notes

    @property
    def trace(self) -> tuple[Step, ...]:
        """Every step of the reasoning, each citing its provision or general-part article."""
        return self._explanation.trace

    def to_json(self) -> str:
        """The JSON text of :meth:`to_dict` (as ``json.dumps(..., ensure_ascii=False)`` writes it),
        with the pieces shared by many assessments (the governing version with its statute text,
        the matches, the sanctions) encoded once each: fast for long batches."""
        lim = self.limitation
        head = export.dumps({
            "schema": export.SCHEMA,
            "incident": self.incident.to_dict(),
            "decided_on": self.decided_on.isoformat(),
            "outcome": self.outcome,
        })
        governing = export.dumps(str(self.governing.ref) if self.governing is not None else None)
        version = export.provision_json(self.governing) if self.governing is not None else "null"
        sanctions = "[" + ", ".join(_sanction_json(s) for s in self.sanctions) + "]"
        tail = export.dumps({
            "mci_date": self.mci_date.isoformat() if self.mci_date else None,
            "category": self.category.value if self.category else None,
            "limitation": None if lim is None else {
                "period": _period_dict(lim.period),
                "expires": lim.expires.isoformat() if lim.expires else None,
                "article": lim.article,
                "expired": lim.expired,
                "certain": lim.certain,
            },
        })
        notes = ", ".join(map(export.string_json, self.notes))
        trace = ", ".join(map(_step_json, self.trace))
        return (f'{head[:-1]}, "matches": {_matches_json(self.matches)}, "governing": {governing}, '
                f'"governing_version": {version}, "sanctions": {sanctions}, {tail[1:-1]}, '
                f'"notes": [{notes}], "trace": [{trace}]}}')

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with a ``"schema"`` version key; a new dictionary on every call."""
        data: dict[str, Any] = json.loads(self.to_json())
        return data


_PERIODS = Memo()


def _period_dict(period: Quantity | None) -> dict[str, Any] | None:
    """A limitation period's JSON form, made once per period of the general part's rules."""
    return _PERIODS.get((id(period),), (period,), lambda: export.quantity_dict(period))


_MATCHES_JSON = Memo(maxsize=4096)


def _matches_json(matches: tuple[Match, ...]) -> str:
    """The matches' JSON text, encoded once per classification (classify shares its answers)."""
    return _MATCHES_JSON.get((id(matches),), (matches,), lambda: export.dumps([
        {"ref": str(m.provision.ref), "reasons": list(m.reasons),
         "set_aside": [{"ref": r, "why": why} for r, why in m.set_aside]}
        for m in matches
    ]))


_SANCTION_JSON = Memo(maxsize=4096)


def _sanction_json(s: AssessedSanction) -> str:
    """An assessed sanction's JSON text, encoded once per object (most are shared, see _penalties)."""
    return _SANCTION_JSON.get((id(s),), (s,), lambda: export.dumps({
        "kind": s.kind.value,
        "subject": s.sanction.subject.value if s.sanction.subject else None,
        "minimum": export.quantity_dict(s.minimum),
        "maximum": export.quantity_dict(s.maximum),
        "minimum_kzt": export.quantity_dict(s.minimum_kzt),
        "maximum_kzt": export.quantity_dict(s.maximum_kzt),
        "floor": s.floor,
        "available": s.available,
        "note": s.note,
        "text": s.describe(),
    }))


# --- the reasoning, step by step ---------------------------------------------------------------

_VERDICTS = Memo()
_CITES = Memo()
_OWN_SANCTIONS = Memo()


_MATCH_STEPS = Memo(maxsize=4096)


def _match_steps(matches: tuple[Match, ...]) -> tuple[str, tuple[Step, ...]]:
    """What the first match says (its part, title and reasons) and the steps setting its rivals
    aside: the same for every incident with these matches (classify shares its answers)."""

    def make() -> tuple[str, tuple[Step, ...]]:
        first = matches[0]
        p = first.provision
        steps = tuple(Step(f"{ref} set aside: {why}", str(p.ref), p.source) for ref, why in first.set_aside)
        return f"{p.ref} ({p.title['en']}): " + "; ".join(first.reasons), steps

    return _MATCH_STEPS.get((id(matches),), (matches,), make)


def _cite(p: Provision) -> str:
    return _CITES.get((id(p),), (p,), lambda: f"{p.ref} (version from {p.valid_from}, Law {p.act})")


_CC1997_RULE = "the 1997 Criminal Code's general part (not modelled)"


def _time_rule(regime: Regime, decided: dt.date, name: str = "time_of_act") -> tuple[str, str]:
    """Citation and source of the rule on the law's time (``time_of_act``, ``retroactivity``, ...).

    Criminal cases decided from 2015 apply the 2014 Code's rules (CC Arts. 5-6), administrative
    cases the AOC's (Arts. 4-5); earlier criminal decisions fall under the 1997 Code (not modelled).
    """
    if regime is Regime.CRIMINAL and decided < CC2014_FROM:
        return _CC1997_RULE, ""
    code = "CC2014" if regime is Regime.CRIMINAL else "AOC2014"
    rule = general_part.find("rule", code, name, on=decided)
    return (rule.cite(), rule.source) if rule is not None else (f"{code} ({name})", "")


def _retro_rule(regime: Regime, decided: dt.date) -> tuple[str, str]:
    return _time_rule(regime, decided, "retroactivity")


def _sanctions_for(p: Provision, subject: str) -> tuple[Sanction, ...]:
    """``p.sanctions_for(subject)``, remembered per version and subject."""
    return _OWN_SANCTIONS.get((id(p), subject), (p,), lambda: p.sanctions_for(subject))


def _leniency(earlier: Provision, later: Provision, subject: str) -> leniency.Leniency:
    """How ``later`` compares with ``earlier`` for ``subject`` (:func:`kzspeechlaw.leniency.compare`),
    remembered per pair of versions and subject."""
    return _VERDICTS.get((id(earlier), id(later), subject), (earlier, later), lambda: leniency.compare(
        _sanctions_for(earlier, subject), _sanctions_for(later, subject), earlier.additional, later.additional
    ))


def _later_versions(p: Provision, decided_on: dt.date) -> tuple[Provision, ...]:
    return tuple(
        v for v in law().versions[p.ref] if p.valid_from < v.valid_from <= decided_on
    )


CAVEAT_WINDOW = dt.timedelta(days=31)
"""How close to an inferred in-force date an act or decision must be for the notes to warn."""


def _date_caveat(act_id: str | None, day: dt.date | None, *near: dt.date) -> str | None:
    """A note where a boundary date near ``near`` rests on an act whose in-force date was not read."""
    act = law().acts.get(act_id) if act_id else None
    if act is None or act.verified or day is None or act.in_force != day:
        return None
    if not any(abs(d - day) <= CAVEAT_WINDOW for d in near):
        return None
    return (f"The in-force date {day} of Law {act.id} is inferred, not read in a primary text "
            f"({act.in_force_rule}); a date close to it needs checking.")


def _offence_class(p: Provision) -> str:
    return "criminal_misdemeanour" if p.category is Category.CRIMINAL_MISDEMEANOUR else "crime"


def general_limit(p: Provision, s: Sanction, on: dt.date) -> general_part.Rule | None:
    """The general-part limit for ``s`` in ``p``: by category, then misdemeanour/crime, then any."""
    for applies_to in (p.category.value, _offence_class(p), "any"):
        rule = general_part.find("limit", p.ref.code, s.kind.value, applies_to, on=on)
        if rule is not None:
            return rule
    return None


_CATEGORY_RULE = {
    "CC2014": "CC2014 10, 11",
    "CC1997": "CC1997 10 (bands as CC2014 Art. 11; unverified)",
    "AOC2014": "AOC2014 25",
}


_CATEGORY_STEPS = Memo()


def _category_step(p: Provision, act_date: dt.date) -> Step:
    """The step naming ``p``'s category and the general-part band it falls in (remembered per
    version and period of the general part)."""

    def make() -> Step:
        band = general_part.find("category", p.ref.code, p.category.value, on=act_date)
        return Step(
            f"Category: {p.category.value.replace('_', ' ')}, from the sanction of {p.ref}",
            band.cite() if band is not None else _CATEGORY_RULE[p.ref.code],
            band.source if band is not None else p.source,
        )

    return _CATEGORY_STEPS.get((id(p), general_part.period(act_date)), (p,), make)


_MCI_DATE_ARTICLE = {"CC1997": "CC1997 40(1)", "CC2014": "CC2014 41(1), 42(1)", "AOC2014": "AOC2014 44(1)"}
"""The article fixing which day's MCI converts a fine, cited where the general part has no rule."""


def _mci_date(p: Provision, incident: Incident, decided: dt.date) -> tuple[dt.date, str]:
    """The date whose MCI converts the fines, and the basis (a key of :data:`_MCI_DATE_BASES`): the
    sentencing date under the 1997 code (CC 1997 Art. 40(1)), the offence date under the 2014 code
    (CC 2014 Arts. 41(1), 42(1)), the day the case was opened for administrative fines (AOC 2014
    Art. 44(1)), the act date where that day is not given."""
    if p.ref.code == "CC1997":
        return decided, "sentence"
    if p.regime is Regime.CRIMINAL:
        return incident.act_date, "offence"
    if incident.proceedings_date is not None:
        return incident.proceedings_date, "opened"
    return incident.act_date, "assumed"


_MCI_DATE_BASES = {
    "sentence": "Fines are converted with the MCI in force when the sentence is imposed, taken as the decision date {}",
    "offence": "Fines and correctional work are converted with the MCI of the offence date {}",
    "opened": "Administrative fines use the MCI of the day the case was opened, {}",
    "assumed": "Administrative fines use the MCI of the day the case was opened; assumed {} (the act date)",
}
"""The trace step for each basis of the MCI date (:func:`_mci_date`); ``{}`` is the date."""


def _mci_date_step(p: Provision, act_date: dt.date, mci_date: dt.date, basis: str) -> tuple[Step, str | None]:
    """The step saying which day's MCI converts the fines, and the note where it is assumed."""
    name = "mci_date_criminal_fine" if p.regime is Regime.CRIMINAL else "mci_date_administrative_fine"
    rule = general_part.find("rule", p.ref.code, name, on=act_date)
    citation, source = (rule.cite(), rule.source) if rule else (_MCI_DATE_ARTICLE[p.ref.code], "")
    note = None if basis != "assumed" else (
        f"The proceedings date is not given; the MCI of the act date {act_date} is assumed. "
        f"Administrative fines use the MCI of the day the case was opened ({citation}).")
    return Step(_MCI_DATE_BASES[basis].format(mci_date), citation, source), note


def _floor_rule(p: Provision, s: Sanction, on: dt.date) -> general_part.Rule | None:
    """The general-part rule that sets the minimum of an "up to" criminal sanction, if any."""
    if p.regime is not Regime.CRIMINAL or s.minimum is not None or s.maximum is None:
        return None
    rule = general_limit(p, s, on)
    if rule is None or rule.minimum is None or rule.minimum.dimensionality != s.maximum.dimensionality:
        return None
    return rule


class _Bounds(NamedTuple):
    """What the general part and the MCI make of a sanction: the sanction as assessed where no
    suspension applies, the step naming the floor, and the note where no MCI is known."""

    assessed: AssessedSanction
    floor_step: Step | None
    tenge_note: str | None


def _bounds(p: Provision, s: Sanction, act_date: dt.date, mci_date: dt.date) -> _Bounds:
    minimum, maximum, floor, floor_step = s.minimum, s.maximum, None, None
    rule = _floor_rule(p, s, act_date)
    if rule is not None and rule.minimum is not None and maximum is not None:
        minimum, floor = lesser(rule.minimum, maximum), rule.cite()
        floor_step = Step(
            f"{s.kind.value}: the article says only 'up to'; the general part sets the floor "
            f"{format_quantity(rule.minimum)}", rule.cite(), rule.source)
    low = high = tenge_note = None
    if maximum is not None and unit_name(maximum) == "MCI":
        try:
            low = to_tenge(minimum, mci_date) if minimum is not None else None
            high = to_tenge(maximum, mci_date)
        except OutOfCoverage as error:
            tenge_note = f"No tenge amounts: {error}."
    return _Bounds(AssessedSanction(s, minimum, maximum, low, high, floor), floor_step, tenge_note)


def _mci_or_date(mci_date: dt.date) -> int | dt.date:
    """The MCI's value on ``mci_date`` or, outside the data, the date itself (see _penalties)."""
    try:
        return mci_value(mci_date).kzt
    except OutOfCoverage:
        return mci_date


class _Penalties(NamedTuple):
    """The governing version's sanctions for a subject as assessed, with the notes and the trace
    steps they bring (floors, suspensions, amounts outside the MCI data), in order."""

    sanctions: tuple[AssessedSanction, ...]
    notes: tuple[str, ...]
    steps: tuple[Step, ...]


_PENALTIES = Memo(maxsize=16384)


def _penalties(p: Provision, subject: str, act_date: dt.date, mci_date: dt.date, decided: dt.date) -> _Penalties:
    """``p``'s sanctions for ``subject``: floors of the general part in force at the act, tenge
    with the MCI of ``mci_date``, suspensions in force at the decision. Remembered: they depend
    on the dates only through the periods of the general part and the MCI's value (outside the
    MCI data, the date, which the note names)."""
    mci = _mci_or_date(mci_date)
    key = (id(p), subject, general_part.period(act_date), mci, general_part.period(decided))

    def make() -> _Penalties:
        sanctions: list[AssessedSanction] = []
        notes: list[str] = []
        steps: list[Step] = []
        for s in _sanctions_for(p, subject):
            bounds = _bounds(p, s, act_date, mci_date)
            if bounds.floor_step is not None:
                steps.append(bounds.floor_step)
            assessed = bounds.assessed
            suspension = general_part.find("suspension", p.ref.code, s.kind.value, on=decided)
            if suspension is not None:
                note = f"{s.kind.value} is suspended on the decision date ({suspension.cite()})"
                notes.append(note + ".")
                steps.append(Step(note, suspension.cite(), suspension.source))
                assessed = attrs.evolve(assessed, available=False, note=note)
            if bounds.tenge_note is not None:
                notes.append(bounds.tenge_note)
            sanctions.append(assessed)
        return _Penalties(tuple(sanctions), tuple(notes), tuple(steps))

    return _PENALTIES.get(key, (p,), make)


class _LimitationRule(NamedTuple):
    """The limitation rule for a version at the act date: the rule and, for a period, its unit,
    its number of units and its text."""

    rule: general_part.Rule
    unit: str
    magnitude: int
    text: str


_LIMITATION_RULES = Memo()


def _limitation_rule(p: Provision, act_date: dt.date) -> _LimitationRule | None:
    """The limitation rule of the general part for ``p`` at the act date (remembered per version
    and period of the general part): AOC Art. 62(1); CC Art. 71, none for extremist crimes (71(6))."""

    def make() -> _LimitationRule | None:
        code = p.ref.code
        if p.regime is Regime.ADMINISTRATIVE:
            rule = general_part.find("limitation", code, "administrative_offence", on=act_date)
        elif p.extremist:
            rule = general_part.find("limitation", code, "extremist", on=act_date)
        else:
            rule = general_part.find("limitation", code, p.category.value, on=act_date)
        if rule is None:
            return None
        if rule.period is None:
            return _LimitationRule(rule, "", 0, "")
        unit = unit_name(rule.period)
        if unit not in ("year", "month"):
            raise DataError("general.toml", rule.article, f"a limitation period in {unit}: expected years or months")
        return _LimitationRule(rule, unit, int(rule.period.magnitude), format_quantity(rule.period))

    return _LIMITATION_RULES.get((id(p), general_part.period(act_date)), (p,), make)


def _limitation(p: Provision, incident: Incident, decided_on: dt.date) -> Limitation | None:
    """The limitation period of ``p`` for this act, or ``None`` where the data has no rule."""
    found = _limitation_rule(p, incident.act_date)
    if found is None:
        return None
    rule = found.rule
    if rule.none:
        return Limitation(None, None, rule.cite(), expired=False, certain=True)
    expires = _expiry(incident.act_date, found.magnitude, found.unit)
    # CC 2014 Art. 71(3): the period for a criminal misdemeanour is never suspended or interrupted.
    certain = p.category is Category.CRIMINAL_MISDEMEANOUR
    return Limitation(rule.period, expires, rule.cite(), decided_on >= expires, certain)


def _limitation_step(p: Provision, act_date: dt.date, lim: Limitation) -> Step:
    found = _limitation_rule(p, act_date)
    assert found is not None  # a limitation was found for this version and act date
    rule = found.rule
    if lim.expires is None:
        return Step("No limitation period applies to this offence", rule.cite(), rule.source)
    return Step(
        f"Limitation {found.text} from the act: expires {lim.expires}"
        + ("; the decision date is after it" if lim.expired else ""),
        rule.cite(),
        rule.source,
    )


@functools.lru_cache(maxsize=1 << 16)
def _expiry(act_date: dt.date, magnitude: int, unit: str) -> dt.date:
    """``act_date`` plus a term of years or months, in calendar terms (relativedelta); remembered,
    as registers repeat act dates and the calendar arithmetic is slow (a few years of act dates
    times a few terms fit)."""
    term = relativedelta(years=magnitude) if unit == "year" else relativedelta(months=magnitude)
    expiry: dt.date = act_date + term
    return expiry


class _Route(NamedTuple):
    """The way from the act-time version to the governing one: the versions in force from the act
    to the decision (CC 1997 versions followed by their CC 2014 heirs), the governing version
    (``None`` where a repeal removed liability, with the ``outcome``), the steps and notes saying
    so, and the (act, in-force date) boundaries crossed, whose dates may need a caveat."""

    governing: Provision | None
    outcome: str
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    boundaries: tuple[tuple[str | None, dt.date | None], ...]
    closing_notes: tuple[str, ...]


_ROUTES = Memo(maxsize=16384)


@functools.cache
def _law_days() -> tuple[dt.date, ...]:
    """The days on which some version starts or ends, or the 2014 Criminal Code took effect."""
    days = change_days(v for versions in law().versions.values() for v in versions)
    return tuple(sorted({*days, CC2014_FROM}))


def _route(matches: tuple[Match, ...], incident: Incident, decided: dt.date) -> _Route:
    """Removal of liability (CC Art. 6(1); AOC Art. 5(1)) and lex mitior among the versions from
    the act to the decision. Remembered: it depends on the decision date only through the versions
    and general-part rules in force on it, and on the incident through its classification."""
    subject = incident.offender.value
    key = (id(matches), subject, bisect.bisect_right(_law_days(), decided), general_part.period(decided))

    def make() -> _Route:
        first = matches[0].provision
        steps: list[Step] = []
        notes: list[str] = []
        versions = (first, *_later_versions(first, decided))
        last = versions[-1]
        code_end = law().codes[first.ref.code].valid_to
        if last.valid_to is not None and last.valid_to <= decided and last.valid_to == code_end:
            # The code itself was replaced (CC 1997 by CC 2014 on 2015-01-01): the conduct stays
            # punishable if the new code covers the facts; compare under the new code's versions.
            heirs = [m for m in classify(incident, on=last.valid_to) if m.provision.ref.code != first.ref.code]
            if heirs:
                heir = heirs[0].provision
                steps.append(Step(
                    f"{first.regime.value.capitalize()} code {first.ref.code} was replaced on {last.valid_to}; "
                    f"the facts fall under {heir.ref} of the new code: "
                    + "; ".join(heirs[0].reasons), _cite(heir), heir.source))
                versions = (*versions, heir, *_later_versions(heir, decided))
                last = versions[-1]
        if last.valid_to is not None and last.valid_to <= decided:
            repealed = last.repealed_by or "the end of the code"
            what = "decriminalised" if first.regime is Regime.CRIMINAL else "abolished"
            retro = _retro_rule(first.regime, decided)
            steps.append(Step(
                f"{first.ref} was repealed by Law {repealed} from {last.valid_to}, before the decision: "
                f"the act is {what}, and the repeal reaches earlier acts", *retro))
            notes.append(f"{first.ref} ceased to apply on {last.valid_to} (Law {repealed}); "
                         f"liability is removed retroactively ({retro[0]}).")
            closing = () if last.successor is None else (
                f"The conduct is now {last.successor}, which does not reach acts committed before "
                f"{last.valid_to}: the law of the act's time applies and a law establishing liability is not "
                "retroactive (AOC 2014 Arts. 4, 5(2)).",)
            outcome = "decriminalised" if first.regime is Regime.CRIMINAL else "no_provision"
            return _Route(None, outcome, tuple(steps), tuple(notes), ((last.repealed_by, last.valid_to),), closing)

        governing = first
        for later in versions[1:]:
            verdict = _leniency(governing, later, subject)
            said = (f"The version of {later.ref} from {later.valid_from} (Law {later.act}) is "
                    f"{verdict.value.replace('_', ' ')}")
            if verdict == "more_lenient":
                steps.append(Step(said + ": it applies retroactively", *_retro_rule(first.regime, decided)))
                governing = later
            elif verdict == "mixed":
                steps.append(Step(said + ": the act-time law stays", *_time_rule(first.regime, decided)))
                notes.append(f"The version of {later.ref} from {later.valid_from} is milder in some respects and "
                             "harsher in others; the court compares them on the facts (CC 2014 Art. 6).")
            else:
                steps.append(Step(said + ": the act-time law stays", *_time_rule(first.regime, decided)))
        unverified = tuple(
            f"The version of {v.ref} from {v.valid_from} is not verified against the statute text: {v.notes}"
            for v in ((first,) if governing is first else (first, governing)) if not v.verified
        )
        boundaries = tuple((v.act, v.valid_from) for v in versions)
        return _Route(governing, "liable", tuple(steps), tuple(notes), boundaries, unverified)

    return _ROUTES.get(key, (matches,), make)


def assess(incident: Incident, decided_on: dt.date | str) -> Assessment:
    """The legal consequence of ``incident`` decided on ``decided_on`` (see the module docstring).

    ``decided_on`` is a date on or after the act date, up to :data:`kzspeechlaw.dates.LAST_DAY`
    (2099-12-31); other values raise :class:`~kzspeechlaw.InvalidIncident` or
    :class:`~kzspeechlaw.DateError`, as does an ``incident`` that is not an :class:`Incident`.
    """
    check_incident(incident)
    decided = as_date(decided_on, "decided_on")
    expected = out_of_range(decided)
    if expected is not None:
        raise InvalidIncident("decided_on", decided_on, expected)
    warn_if_stale(decided)
    if decided < incident.act_date:
        raise InvalidIncident(
            "decided_on", decided.isoformat(), f"a date on or after the act date {incident.act_date}"
        )
    matches = classify(incident)
    if not matches:
        return Assessment(incident, decided, matches, None, "no_provision", (), None, None, None)
    first = matches[0].provision
    if first.regime is Regime.CRIMINAL and incident.offender in ENTITIES:
        return Assessment(incident, decided, matches, None, "no_provision", (), None, first.category, None)
    route = _route(matches, incident, decided)
    governing = route.governing
    if governing is None:
        return Assessment(incident, decided, matches, None, route.outcome, (), None, first.category, None)
    mci_date, _ = _mci_date(governing, incident, decided)
    sanctions = _penalties(governing, incident.offender.value, incident.act_date, mci_date, decided).sanctions
    limitation = _limitation(governing, incident, decided)
    barred = limitation is not None and limitation.expired and limitation.certain
    return Assessment(incident, decided, matches, governing, "time_barred" if barred else "liable", sanctions,
                      mci_date, governing.category, limitation)


class _Explanation(NamedTuple):
    notes: tuple[str, ...]
    trace: tuple[Step, ...]


def _explain(a: Assessment) -> _Explanation:
    """The notes and trace of an assessment, following the steps :func:`assess` took."""
    incident, decided, matches = a.incident, a.decided_on, a.matches
    notes: list[str] = []
    trace: list[Step] = []
    if not matches:
        trace.append(Step(f"No modelled provision covers these facts on the act date {incident.act_date}", ""))
        for m in classify(incident, on=decided):
            notes.append(
                f"{m.provision.ref} covers these facts on {decided}, but no modelled provision did on the act "
                "date: a law establishing liability is not retroactive (CC 2014 Art. 6(3); AOC 2014 Art. 5(2))."
            )
        return _Explanation(tuple(notes), tuple(trace))

    first = matches[0].provision
    falls_under, set_aside = _match_steps(matches)
    trace.append(Step(f"The act of {incident.act_date} falls under {falls_under}", _cite(first), first.source))
    trace += set_aside
    for other in matches[1:]:
        notes.append(f"The facts also fall under {other.provision.ref} ({other.provision.title['en']}).")
    trace.append(Step(f"The law in force at the time of the act governs ({first.ref} as of {incident.act_date})",
                      *_time_rule(first.regime, decided)))

    if first.regime is Regime.CRIMINAL and incident.offender in ENTITIES:
        notes.append("A legal entity is not a subject of criminal liability; the Criminal Code punishes "
                     "natural persons.")
        return _Explanation(tuple(notes), tuple(trace))

    route = _route(matches, incident, decided)
    trace += route.steps
    notes += route.notes
    for act, day in route.boundaries:
        caveat = _date_caveat(act, day, incident.act_date, decided)
        if caveat and caveat not in notes:
            notes.append(caveat)
    notes += route.closing_notes
    governing = a.governing
    if governing is None:
        return _Explanation(tuple(notes), tuple(trace))

    subject = incident.offender.value
    mci_date, basis = _mci_date(governing, incident, decided)
    mci_step, mci_note = _mci_date_step(governing, incident.act_date, mci_date, basis)
    if mci_note is not None:
        notes.append(mci_note)
    trace.append(mci_step)
    penalties = _penalties(governing, subject, incident.act_date, mci_date, decided)
    if not penalties.sanctions:
        notes.append(f"{governing.ref} sets no sanction for a {subject.replace('_', ' ')}.")
    notes += penalties.notes
    trace += penalties.steps
    if penalties.sanctions and not any(s.available for s in penalties.sanctions):
        notes.append("Every alternative is suspended on the decision date.")
    trace.append(_category_step(governing, incident.act_date))

    limitation = a.limitation
    if limitation is None:
        notes.append(f"The limitation period of {governing.ref.code} is not modelled.")
    else:
        trace.append(_limitation_step(governing, incident.act_date, limitation))
    if limitation is not None and limitation.expired:
        if limitation.certain:
            notes.append(f"The limitation period expired on {limitation.expires} ({limitation.article}); it is "
                         "never suspended or interrupted for a criminal misdemeanour (CC 2014 Art. 71(3)).")
        else:
            how = ("the person evaded investigation or trial, CC 2014 Art. 71(4)"
                   if governing.regime is Regime.CRIMINAL
                   else "an expert examination or a transfer of the case, AOC 2014 Art. 62(5)")
            notes.append(f"The limitation period expired on {limitation.expires} ({limitation.article}) unless it "
                         f"was suspended (e.g. {how}); the facts given do not say.")
    elif limitation is not None and limitation.expires is not None:
        notes.append(f"The limitation period runs to {limitation.expires} ({limitation.article}).")
    return _Explanation(tuple(notes), tuple(trace))
