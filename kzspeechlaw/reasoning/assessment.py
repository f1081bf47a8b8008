"""The legal consequence of an incident decided on a date: lex mitior, decriminalisation,
the MCI date, general-part bounds, category, limitation, and a trace citing every step.

The rules encoded (texts in ``data/general.toml`` and the statute files):

- the law of the act's time governs (CC 2014 Art. 5; AOC 2014 Art. 4), unless a later law
  removes liability or is more lenient (CC 2014 Art. 6(1); AOC 2014 Art. 5(1)); a law that
  establishes or aggravates liability is not retroactive (CC Art. 6(3); AOC Art. 5(2)); the laws
  compared are whole: a version of the special part with the general part in force with it (its
  floors), so a milder general part is retroactive too, and two dates' parts are never combined;
- a repeal removes liability only where no part in force still covers the act: a part the facts
  satisfied when the act was committed (the general article a special one displaced) keeps it
  punishable, under the milder of the two (re-qualification, the same articles);
- criminal fines and correctional work are converted with the MCI of the offence date
  (CC 2014 Arts. 41(1), 42(1)); administrative fines with the MCI of the day the case was
  opened (AOC 2014 Art. 44(1));
- limitation, decided from the facts: CC 2014 Art. 71 (none for extremist crimes, Art. 71(6);
  suspended while the person evades, within the outer periods of 71(4)); CC 1997 Art. 69;
  AOC 2014 Art. 62(1), suspended from the referral of the case to court (62(5)); a later rule
  milder for the act governs (CC 2014 Art. 6(1)).
- amnesty: a law in force on the decision date that releases the act from criminal liability
  makes the outcome ``amnestied`` (:mod:`kzspeechlaw.reasoning.amnesty`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
from typing import Any, NamedTuple

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw import export
from kzspeechlaw.dates import as_date, out_of_range
from kzspeechlaw.errors import DataError, InvalidIncident, OutOfCoverage
from kzspeechlaw.law import general_part, scope
from kzspeechlaw.law.coverage_report import warn_if_stale
from kzspeechlaw.law.facts import DECIDING, ENTITIES, Allegation, Channel
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Category, Penalty, Provision, Regime, Sanction, amount_key
from kzspeechlaw.law.monthly_index import mci_value, to_tenge
from kzspeechlaw.law.timeline import Timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning import amnesty, leniency, sentencing
from kzspeechlaw.reasoning.classification import Match, classify
from kzspeechlaw.reasoning.incident import STATING, Incident, check_incident
from kzspeechlaw.refs import CC2014_FROM, parse
from kzspeechlaw.units import Quantity, format_quantity, lesser, unit_name

OUTCOMES = ("liable", "decriminalised", "time_barred", "no_provision", "amnestied", "outside_scope")
"""``outside_scope``: no modelled part matches, but the facts may fall under a speech article the
data does not model on the act date (the scope register, :mod:`kzspeechlaw.law.scope`, names it)."""


# Much of an assessment depends only on the data records (versions, their sanctions, general-part
# rules) or on a few amounts, which recur across incidents: those answers are remembered (Memo),
# keyed by value: the records hash by value and dates enter as intervals of the time index.


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


@attrs.frozen(eq=False)
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
    imposable_minimum: Quantity | None = None
    """The least a court may impose on the incident's sentencing facts (CC 2014 Art. 55(6); AOC
    Arts. 810, 829-11): :mod:`kzspeechlaw.reasoning.sentencing`; ``None`` where no lower bound is modelled."""
    imposable_maximum: Quantity | None = None
    """The most a court may impose on those facts (CC 2014 Arts. 55(2)-(3), 56)."""
    imposable_rules: tuple[str, ...] = ()
    """The rules that moved the statutory bounds to the imposable ones."""

    @functools.cached_property
    def _key(self) -> tuple[object, ...]:
        # By value, as amounts' numbers and units (pint compares and hashes quantities slowly).
        return (self.sanction, *map(amount_key, (self.minimum, self.maximum, self.minimum_kzt, self.maximum_kzt,
                                                 self.imposable_minimum, self.imposable_maximum)),
                self.floor, self.available, self.note, self.imposable_rules)

    def __eq__(self, other: object) -> bool:
        return self._key == other._key if isinstance(other, AssessedSanction) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

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


LIMITATION_STATUSES = ("running", "expired", "suspended", "none")
"""The states of a limitation period on the decision date (:attr:`Limitation.status`)."""


@attrs.frozen
class Limitation:
    """The limitation period: ``period`` (``None`` where none applies), its expiry and basis.

    ``status`` is one of :data:`LIMITATION_STATUSES`: ``running`` (not yet expired), ``expired``,
    ``suspended`` (standing still on the decision date: the case went to court, or the person
    evades; ``expires`` is then the outer limit where the code sets one) or ``none`` (no period
    applies). ``certain`` is false where a fact not given could keep an expired period from
    barring liability; ``unless`` names that fact.
    """

    period: Quantity | None
    expires: dt.date | None
    article: str
    expired: bool
    certain: bool
    status: str = "running"
    unless: str = ""


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
    general_day: dt.date | None = None
    """The day whose general part (floors and limits) governs with ``governing``: the act date, or
    the day a milder general part took effect (CC 2014 Art. 6(1)); ``None`` without a governing
    version."""

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

    @functools.cached_property
    def releases(self) -> tuple[sentencing.Release, ...]:
        """The routes out of punishment open on the facts (:func:`kzspeechlaw.reasoning.sentencing.releases`)."""
        g = self.governing
        if g is None:
            return ()
        found = amnesty.findings(g, self.incident.act_date, self.decided_on)
        return sentencing.releases(g, sentencing.Facts.of(self.incident), (s.kind for s in self.sanctions),
                                   self.incident.act_date, self.decided_on, found)

    def check(self, kind: Penalty | str, amount: Quantity) -> sentencing.Check:
        """Whether a sentence of ``kind`` and ``amount`` (``1 * ureg.year``, ``465192 * ureg.KZT``) was
        within what the law allowed on these facts (:func:`kzspeechlaw.reasoning.sentencing.check`)."""
        g = self.governing
        if g is None:
            why = f"No sentence: the outcome is {self.outcome}."
            return sentencing.Check(sentencing.as_penalty(kind), amount, "kind_not_available", (), (why,))
        extra = () if self.outcome == "liable" else (f"The outcome is {self.outcome}: no sentence is due.",)
        ranges = sentencing.imposable(g, self.sanctions, sentencing.Facts.of(self.incident),
                                      (c.value for c in self.incident.circumstances),
                                      self.general_day or self.incident.act_date, self.decided_on)
        return sentencing.check(ranges, kind, amount, self.mci_date, g.regime, extra)

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
                "status": lim.status,
                "unless": lim.unless or None,
            },
        })
        notes = ", ".join(map(export.string_json, self.notes))
        trace = ", ".join(map(_step_json, self.trace))
        return (f'{head[:-1]}, "matches": {_matches_json(self.matches)}, "governing": {governing}, '
                f'"governing_version": {version}, "sanctions": {sanctions}, {tail[1:-1]}, '
                f'"releases": {sentencing.releases_json(self.releases)}, "notes": [{notes}], "trace": [{trace}]}}')

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with a ``"schema"`` version key; a new dictionary on every call."""
        data: dict[str, Any] = json.loads(self.to_json())
        return data


_PERIODS = Memo()


def _period_dict(period: Quantity | None) -> dict[str, Any] | None:
    """A limitation period's JSON form, made once per period of the general part's rules."""
    key = None if period is None else (period.magnitude, unit_name(period))
    return _PERIODS.get(key, lambda: export.quantity_dict(period))


_MATCHES_JSON = Memo(maxsize=4096)


def _matches_json(matches: tuple[Match, ...]) -> str:
    """The matches' JSON text, encoded once per classification (classify shares its answers)."""
    return _MATCHES_JSON.get(matches, lambda: export.dumps([
        {"ref": str(m.provision.ref), "reasons": list(m.reasons),
         "set_aside": [{"ref": r, "why": why} for r, why in m.set_aside]}
        for m in matches
    ]))


_SANCTION_JSON = Memo(maxsize=4096)


def _sanction_json(s: AssessedSanction) -> str:
    """An assessed sanction's JSON text, encoded once per object (most are shared, see _penalties)."""
    return _SANCTION_JSON.get(s, lambda: export.dumps({
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
        "imposable_minimum": export.quantity_dict(s.imposable_minimum),
        "imposable_maximum": export.quantity_dict(s.imposable_maximum),
        "imposable_rules": list(s.imposable_rules),
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

    return _MATCH_STEPS.get(matches, make)


def _cite(p: Provision) -> str:
    return _CITES.get(p, lambda: f"{p.ref} (version from {p.valid_from}, Law {p.act})")


_CC1997_RULE = "the 1997 Criminal Code's general part (not modelled)"


def _time_rule(regime: Regime, decided: dt.date, name: str = "time_of_act") -> tuple[str, str]:
    """Citation and source of the rule on the law's time (``time_of_act``, ``retroactivity``, ...).

    Criminal cases decided from 2015 apply the 2014 Code's rules (CC Arts. 5-6), administrative
    cases the AOC's (Arts. 4-5); earlier criminal decisions fall under the 1997 Code (not modelled).
    """
    if regime is Regime.CRIMINAL and decided < CC2014_FROM:
        return _CC1997_RULE, ""
    code = "CC2014" if regime is Regime.CRIMINAL else "AOC2014"
    rule = _general_rule("rule", code, name, on=decided)
    return rule.cite(), rule.source


def _general_rule(table: str, code: str, name: str, on: dt.date) -> general_part.Rule:
    """The general-part rule ``name`` of ``code`` in force on ``on``; the data must have it: a
    missing rule raises :class:`~kzspeechlaw.DataError` rather than a citation made up in its place."""
    rule = general_part.find(table, code, name, on=on)
    if rule is None:
        raise DataError("general.toml", f"{table} {code} {name}", f"no record is in force on {on.isoformat()}")
    return rule


def _retro_rule(regime: Regime, decided: dt.date) -> tuple[str, str]:
    return _time_rule(regime, decided, "retroactivity")


def _sanctions_for(p: Provision, subject: str) -> tuple[Sanction, ...]:
    """``p.sanctions_for(subject)``, remembered per version and subject."""
    return _OWN_SANCTIONS.get((p, subject), lambda: p.sanctions_for(subject))


def _leniency(earlier: Provision, later: Provision, subject: str) -> leniency.Leniency:
    """How ``later`` compares with ``earlier`` for ``subject`` (:func:`kzspeechlaw.reasoning.leniency.compare`),
    remembered per pair of versions and subject."""
    return _VERDICTS.get((earlier, later, subject), lambda: leniency.compare(
        _sanctions_for(earlier, subject), _sanctions_for(later, subject), earlier.additional, later.additional
    ))


_EFFECTIVE = Memo()


def _effective(p: Provision, subject: str, general_day: dt.date) -> tuple[Sanction, ...]:
    """``p``'s alternatives for ``subject`` as the general part in force on ``general_day`` makes
    them: an "up to" criminal sanction gets that general part's floor (remembered per version,
    subject and period of the general part)."""

    def make() -> tuple[Sanction, ...]:
        out = []
        for s in _sanctions_for(p, subject):
            rule = _floor_rule(p, s, general_day)
            if rule is not None and rule.minimum is not None and s.maximum is not None:
                s = attrs.evolve(s, minimum=lesser(rule.minimum, s.maximum))
            out.append(s)
        return tuple(out)

    return _EFFECTIVE.get((p, subject, _interval(general_day)), make)


_WHOLE_VERDICTS = Memo()


def _whole_leniency(earlier: Provision, earlier_day: dt.date, later: Provision, later_day: dt.date,
                    subject: str) -> leniency.Leniency:
    """How the law of ``later_day`` (``later`` with the general part then in force) compares with
    that of ``earlier_day`` (``earlier`` with its general part): whole laws, never parts of two
    dates combined (CC 2014 Arts. 5-6; AOC 2014 Arts. 4-5). Remembered."""
    key = (earlier, _interval(earlier_day), later, _interval(later_day), subject)
    return _WHOLE_VERDICTS.get(key, lambda: leniency.compare(
        _effective(earlier, subject, earlier_day), _effective(later, subject, later_day),
        earlier.additional, later.additional,
    ))


@functools.cache
def _general_acts(day: dt.date) -> tuple[str, ...]:
    """The acts whose general-part rules take effect on ``day`` (a day of :func:`general_part.days`)."""
    return tuple(sorted({r.act for rs in general_part.rules().values() for r in rs if r.valid_from == day}))


def _general_changes(day: dt.date) -> str:
    """The acts whose general-part rules take effect on ``day``, e.g. ``"Law 180-VI"``."""
    return ", ".join(f"Law {a}" for a in _general_acts(day)) or "an amendment"


def _laws(versions: tuple[Provision, ...], act_date: dt.date,
          decided: dt.date) -> tuple[tuple[Provision, dt.date], ...]:
    """The laws in force from the act to the decision, in order: each a version of the special part
    with the day from which the general part then in force is taken. A new law starts wherever the
    version or the general part changes."""
    days = _general_index()
    laws: list[tuple[Provision, dt.date]] = []
    cursor = act_date
    for v in versions:
        start = max(v.valid_from, cursor)
        after = decided + dt.timedelta(days=1)
        end = min(v.valid_to, after) if v.valid_to is not None else after
        laws.append((v, start))
        laws += [(v, d) for d in days.between(start, end)]
        cursor = max(cursor, end)
    return tuple(laws)


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


_CATEGORY_STEPS = Memo()


def _category_step(p: Provision, act_date: dt.date) -> Step:
    """The step naming ``p``'s category and the general-part band it falls in (remembered per
    version and period of the general part)."""

    def make() -> Step:
        band = _general_rule("category", p.ref.code, p.category.value, on=p.valid_from)
        return Step(f"Category: {p.category.value.replace('_', ' ')}, from the sanction of {p.ref}",
                    band.cite(), band.source)

    return _CATEGORY_STEPS.get(p, make)


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
    # The rule of the part's own code: from the code's first day where the act precedes it (an act
    # under the 1997 Code that the 2014 Code governs as the milder law).
    rule = _general_rule("rule", p.ref.code, name, on=max(act_date, law().codes[p.ref.code].valid_from))
    citation, source = rule.cite(), rule.source
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
    """``p``'s sanctions for ``subject``: floors of the general part that governs (in force on
    ``act_date``: the act's date, or the day a milder general part took effect), tenge
    with the MCI of ``mci_date``, suspensions in force at the decision. Remembered: they depend
    on the dates only through the periods of the general part and the MCI's value (outside the
    MCI data, the date, which the note names)."""
    mci = _mci_or_date(mci_date)
    key = (p, subject, _interval(act_date), mci, _interval(decided))

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

    return _PENALTIES.get(key, make)


_IMPOSABLE = Memo(maxsize=16384)


def _imposable_steps(sanctions: tuple[AssessedSanction, ...], on: dt.date, decided: dt.date) -> list[Step]:
    """A trace step per sanction whose range the general part moved on the sentencing facts,
    citing the rules (CC 2014 Arts. 55-56; AOC 2014 Arts. 810, 829-11)."""

    def text(q: Quantity | None) -> str:
        return format_quantity(q) if q is not None else "-"

    return [Step(f"{s.kind.value.replace('_', ' ')}: the general part moves the range from {text(s.minimum)} - "
                 f"{text(s.maximum)} to {text(s.imposable_minimum)} - {text(s.imposable_maximum)} on the "
                 "sentencing facts", ", ".join(s.imposable_rules), sentencing.sources(s.imposable_rules, on, decided))
            for s in sanctions if s.imposable_rules and s.available]


def _imposable(p: Provision, sanctions: tuple[AssessedSanction, ...], incident: Incident, on: dt.date,
               decided: dt.date) -> tuple[AssessedSanction, ...]:
    """The sanctions with the range a court may impose on the sentencing facts
    (:func:`kzspeechlaw.reasoning.sentencing.imposable`), remembered per facts and periods of the rules."""
    facts = sentencing.Facts.of(incident)
    circumstances = tuple(sorted(c.value for c in incident.circumstances))
    key = (p, sanctions, facts, circumstances, _interval(on), _interval(decided))

    def make() -> tuple[AssessedSanction, ...]:
        ranges = sentencing.imposable(p, sanctions, facts, circumstances, on, decided)
        return tuple(attrs.evolve(s, imposable_minimum=r.minimum, imposable_maximum=r.maximum,
                                  imposable_rules=r.rules) for s, r in zip(sanctions, ranges, strict=True))

    return _IMPOSABLE.get(key, make)


class _LimitationRule(NamedTuple):
    """The limitation rule of one law for a version: the rule and, for a period, its unit, its
    number of units and its text, and the outer period while the person evades (``cap``, in the
    same terms: unit and number, or ``None``); ``version`` is the part whose category (or article)
    selects the rule."""

    rule: general_part.Rule
    unit: str
    magnitude: int
    text: str
    cap: tuple[str, int] | None
    version: Provision


class _LimitationChoice(NamedTuple):
    """The rules compared for an act (:func:`_limitation_rules`) and the one that governs: the rule
    of the act's time (``rules[0]``, of day ``days[0]``, the act date) and the rules in force later up
    to the decision that differ from it; ``chosen`` indexes the milder for this act and ``limitation``
    is the period decided under it."""

    rules: tuple[_LimitationRule, ...]
    days: tuple[dt.date, ...]
    chosen: int
    limitation: Limitation

    @property
    def found(self) -> _LimitationRule:
        return self.rules[self.chosen]

    @property
    def day(self) -> dt.date:
        return self.days[self.chosen]


_LIMITATION_RULES = Memo()
_LATER_LIMITATION_RULES = Memo(maxsize=16384)


def _term(rule: general_part.Rule, term: Quantity) -> tuple[str, int]:
    unit = unit_name(term)
    if unit not in ("year", "month"):
        raise DataError("general.toml", rule.article, f"a limitation period in {unit}: expected years or months")
    return unit, int(term.magnitude)


def _limitation_rule(p: Provision, on: dt.date) -> _LimitationRule | None:
    """The limitation rule of the general part for ``p`` in force on ``on`` (remembered per version
    and period of the general part): AOC Art. 62(1); CC 2014 Art. 71, none for extremist crimes
    (71(6)) and the articles the data names; CC 1997 Art. 69, none for the articles the data names
    (69(6))."""

    def make() -> _LimitationRule | None:
        code = p.ref.code
        if p.regime is Regime.ADMINISTRATIVE:
            rule = general_part.find("limitation", code, "administrative_offence", on=on)
        elif p.extremist:
            rule = general_part.find("limitation", code, "extremist", on=on)
        else:
            rule = (general_part.find("limitation", code, str(p.ref.article_ref), on=on)
                    or general_part.find("limitation", code, p.category.value, on=on))
        if rule is None:
            return None
        if rule.period is None:
            return _LimitationRule(rule, "", 0, "", None, p)
        unit, magnitude = _term(rule, rule.period)
        cap = _term(rule, rule.maximum) if rule.maximum is not None else None
        return _LimitationRule(rule, unit, magnitude, format_quantity(rule.period), cap, p)

    return _LIMITATION_RULES.get((p, _interval(on)), make)


def _version_on(p: Provision, incident: Incident, day: dt.date) -> Provision | None:
    """The part that covers the act on ``day``: the version of ``p``'s part then in force, or, once
    ``p``'s code was replaced (CC 1997 by CC 2014 on 2015-01-01), the part of the new code the facts
    fall under, as in :func:`_route`."""
    for version in law().versions.get(p.ref, ()):
        if version.in_force_on(day):
            return version
    end = law().codes[p.ref.code].valid_to
    if end is not None and day >= end:
        for m in classify(incident, on=day):
            if m.provision.ref.code != p.ref.code and m.provision.regime is p.regime:
                return m.provision
    return None


def _limitation_rules(p: Provision, incident: Incident,
                      decided: dt.date) -> tuple[tuple[_LimitationRule, ...], tuple[dt.date, ...]]:
    """The limitation rules to compare for the act, with the days from which each is the law: the
    rule of the act's time for ``p`` (for the part the act fell under, where ``p`` is a later code's),
    then each later rule, up to the decision, that differs from those before it (a changed rule, or a
    later version or the new code's part in another category). Empty where the data has no rule
    for the act's time."""
    act = incident.act_date
    first = _limitation_rule(p, act)
    if first is None and p.regime is Regime.CRIMINAL:
        # p is the new code's part, milder than the act-time law (a 1997-code act governed by the 2014
        # Code): the rule of the act's time is the old code's, for the part the act fell under then.
        origin = next((m.provision for m in classify(incident) if m.provision.ref.code != p.ref.code
                       and m.provision.regime is p.regime), None)
        first = _limitation_rule(origin, act) if origin is not None else None
    if first is None:
        return (), ()
    key = (p, incident.conduct, incident.facts, _interval(act), _interval(decided))

    def make() -> tuple[tuple[_LimitationRule, ...], tuple[dt.date, ...]]:
        rules, days = [first], [act]
        for day in _index().days:
            if not act < day <= decided:
                continue
            version = _version_on(p, incident, day)
            later = _limitation_rule(version, day) if version is not None else None
            if later is not None and not any(later.rule is r.rule for r in rules):
                rules.append(later)
                days.append(day)
        return tuple(rules), tuple(days)

    rules, days = _LATER_LIMITATION_RULES.get(key, make)
    return (first, *rules[1:]), (act, *days[1:])


_REFERRAL_PROVISO = ("the case was referred to court within the period, an expert examination was ordered, or a new "
                     "administrative offence interrupted it")
_ADMINISTRATIVE_PROVISO = ("an expert examination was ordered or a compelled appearance decided within the period "
                           "(AOC 2014 Art. 62(5)), or a new administrative offence interrupted it (62(7))")
_RECEIPT_PROVISO = ("the case took days to reach the court after the referral (AOC 2014 Art. 62(5) as then worded: "
                    "the period runs again once the court receives the case), an expert examination was ordered or "
                    "a compelled appearance decided within the period, or a new administrative offence interrupted "
                    "it (62(7))")


def _resumes_on_receipt(code: str, referred: dt.date) -> bool:
    """AOC 2014 Art. 62(5) in the wording read in the 28.12.2017 text: the period runs again once the
    court receives the case («возобновляется с момента получения … дела … судом»), so a referral
    stops it only while the case is on its way."""
    rule = general_part.find("rule", code, "limitation_referral", on=referred)
    return rule is not None and "дела об административном правонарушении судом" in rule.text


def _limitation(p: Provision, incident: Incident, decided_on: dt.date) -> Limitation | None:
    """The limitation period of ``p`` for this act, decided from the facts given, or ``None``
    where the data has no rule: the period under the milder of the rule of the act's time and the
    rules in force later up to the decision (CC 2014 Art. 6(1): a law improving the position is
    retroactive), see :func:`_limitation_choice`."""
    choice = _limitation_choice(p, incident, decided_on)
    return choice.limitation if choice is not None else None


def _limitation_choice(p: Provision, incident: Incident, decided_on: dt.date) -> _LimitationChoice | None:
    """Each rule of :func:`_limitation_rules` applied to the facts, and the one most favourable to
    the person chosen: an expired period before a running or suspended one, a certain expiry
    before one a fact not given could undo, then the earlier end; a period before none at all
    (CC 2014 Art. 6(1); the rule of the act's time on a tie, CC 2014 Art. 5)."""
    rules, days = _limitation_rules(p, incident, decided_on)
    if not rules:
        return None
    outcomes = [_limitation_under(found, day, incident, decided_on) for found, day in zip(rules, days, strict=True)]

    def favour(i: int) -> tuple[int, dt.date]:
        lim = outcomes[i]
        end = lim.expires or dt.date.max
        if lim.status == "none":
            return 3, end
        if lim.expired:
            return (0 if lim.certain else 1), end
        return 2, end

    chosen = min(range(len(outcomes)), key=favour)
    return _LimitationChoice(rules, days, chosen, outcomes[chosen])


def _interruption(rule: general_part.Rule, day: dt.date) -> str:
    """What a new crime must be to interrupt a grave or especially grave crime's period under
    ``rule``: any intentional crime (CC 1997 Art. 69(4); CC 2014 Art. 71(4) until Law 180-VI) or a
    grave or especially grave one (CC 2014 Art. 71(4) as worded by Law 180-VI)."""
    code = rule.key[0]
    evasion = general_part.find("rule", code, "limitation_evasion", on=day)
    if code == "CC2014" and evasion is not None and "новое тяжкое или особо тяжкое преступление" in evasion.text:
        return "no new grave or especially grave crime interrupted the period"
    return "no new intentional crime interrupted the period"


def _limitation_under(found: _LimitationRule, day: dt.date, incident: Incident, decided_on: dt.date) -> Limitation:
    """The limitation period under one rule (``found``, the law of ``day``), decided from the facts:

    - a criminal misdemeanour: the period is never suspended (CC 2014 Art. 71(3));
    - a crime: it stands still while the person evades (``evaded_from`` to ``evaded_until``) and
      runs again from the arrest or surrender, but never beyond the outer period of CC 2014
      Art. 71(4) (CC 1997 Art. 69(3)); without ``evaded_from`` no evasion is assumed;
    - an administrative offence: it stands still from the referral of the case to court
      (``referred_on``, AOC Art. 62(5)), except under the wording of 62(5) that lets it run again once
      the court receives the case (:func:`_resumes_on_receipt`); an expired period stays undecided, since an expert
      examination also suspends it and a new offence interrupts it (62(5), (7)).
    """
    rule, p = found.rule, found.version
    if rule.none:
        return Limitation(None, None, rule.cite(), expired=False, certain=True, status="none")
    act = incident.act_date
    expires = _expiry(act, found.magnitude, found.unit)
    if p.regime is Regime.ADMINISTRATIVE:
        referred = incident.referred_on
        resumes = referred is not None and referred < expires and _resumes_on_receipt(p.ref.code, referred)
        if referred is not None and referred < expires and not resumes:
            return Limitation(rule.period, expires, rule.cite(), False, True, "suspended")
        expired = decided_on >= expires
        if expired:  # never certain: an expert examination suspends, a new offence interrupts (62(5), 62(7))
            return Limitation(rule.period, expires, rule.cite(), True, False, "expired",
                              _REFERRAL_PROVISO if referred is None
                              else _RECEIPT_PROVISO if resumes else _ADMINISTRATIVE_PROVISO)
        return Limitation(rule.period, expires, rule.cite(), False, True, "running")
    evaded = incident.evaded_from
    if p.category is not Category.CRIMINAL_MISDEMEANOUR and evaded is not None and evaded < expires:
        cap = _expiry(act, found.cap[1], found.cap[0]) if found.cap is not None else None
        if cap is not None and decided_on >= cap:
            return Limitation(rule.period, cap, rule.cite(), True, True, "expired")
        until = incident.evaded_until
        if until is None or until > decided_on:
            return Limitation(rule.period, cap, rule.cite(), False, True, "suspended")
        expires = expires + (until - evaded)
        if cap is not None:
            expires = min(expires, cap)
    expired = decided_on >= expires
    # A new crime interrupts the period of a grave one (CC 2014 Art. 71(4); CC 1997 Art. 69(4)).
    certain = not (expired and p.category in (Category.GRAVE, Category.ESPECIALLY_GRAVE))
    unless = "" if certain else _interruption(rule, day)
    return Limitation(rule.period, expires, rule.cite(), expired, certain, "expired" if expired else "running", unless)


def _governing_rule_step(p: Provision, choice: _LimitationChoice, decided: dt.date) -> Step | None:
    """The step saying which limitation rule governs and why, where later rules were compared."""
    if len(choice.rules) == 1:
        return None
    first, found = choice.rules[0], choice.found

    def names(r: _LimitationRule) -> str:
        what = (r.text + " from the act") if r.text else "no limitation"
        if r.cap is not None:
            what += f", {format_quantity(r.rule.maximum)} at most while the person evades"
        part = "" if r.version.ref == p.ref else f" for {r.version.ref} ({r.version.category.value.replace('_', ' ')})"
        return f"{r.rule.cite()}{part}: {what}"

    if choice.chosen == 0:
        later = "; ".join(f"{names(r)}, from {d}" for r, d in zip(choice.rules[1:], choice.days[1:], strict=True))
        return Step(f"The limitation rule of the act's time governs ({names(first)}): the rules in force later, up "
                    f"to the decision, are not milder for this act ({later})", *_time_rule(p.regime, decided))
    return Step(f"A later limitation rule is milder for this act and applies retroactively: {names(found)}, in force "
                f"from {choice.day}, against the rule of the act's time ({names(first)})",
                *_retro_rule(p.regime, decided))


def _limitation_steps(p: Provision, incident: Incident, lim: Limitation, decided: dt.date) -> tuple[Step, ...]:
    """The steps deciding the limitation: which rule governs, the period, and what stopped it where
    the facts say."""
    choice = _limitation_choice(p, incident, decided)
    assert choice is not None  # a limitation was found for this version and act date
    found, day = choice.found, choice.day
    rule, version = found.rule, found.version
    said = _governing_rule_step(p, choice, decided)
    steps = [] if said is None else [said]
    if lim.status == "none":
        return (*steps, Step("No limitation period applies to this offence", rule.cite(), rule.source))
    steps.append(Step(f"Limitation {found.text} from the act", rule.cite(), rule.source))
    code = rule.key[0]
    if version.regime is Regime.ADMINISTRATIVE:
        referral = general_part.find("rule", code, "limitation_referral", on=day)
        where = (referral.cite(), referral.source) if referral is not None else ("AOC2014 62(5)", "")
        if incident.referred_on is not None:
            steps.append(Step(
                f"The case was referred to court on {incident.referred_on}: "
                + ("the period stands still from then" if lim.status == "suspended"
                   else "the period runs again once the court receives the case (Art. 62(5) as then worded)"
                   if lim.expires is not None and incident.referred_on < lim.expires
                   else f"after the period ran out on {lim.expires}"), *where))
    elif version.category is Category.CRIMINAL_MISDEMEANOUR:
        if incident.evaded_from is not None:
            rule3 = general_part.find("rule", code, "limitation_misdemeanour", on=day)
            steps.append(Step("Evasion does not suspend the period of a criminal misdemeanour",
                              *((rule3.cite(), rule3.source) if rule3 else ("CC2014 71(3)", ""))))
    elif incident.evaded_from is not None:
        evasion = general_part.find("rule", code, "limitation_evasion", on=day)
        where = (evasion.cite(), evasion.source) if evasion is not None else (f"{code} (evasion)", "")
        if lim.status == "suspended":
            what = (f"The person evaded from {incident.evaded_from}: the period stands still until the arrest or "
                    f"surrender, and liability lapses on {lim.expires} at the latest" if lim.expires is not None
                    else f"The person evaded from {incident.evaded_from}: the period stands still until the arrest "
                    "or surrender")
        elif incident.evaded_from >= _expiry(incident.act_date, found.magnitude, found.unit):
            what = f"The person evaded from {incident.evaded_from}, after the period had run out"
        elif found.cap is not None and lim.expires == _expiry(incident.act_date, found.cap[1], found.cap[0]):
            what = (f"The person evaded from {incident.evaded_from}, but the outer period runs out on "
                    f"{lim.expires} whatever the evasion")
        else:
            what = (f"The period stood still from {incident.evaded_from} to the arrest or surrender on "
                    f"{incident.evaded_until}")
        steps.append(Step(what, *where))
    if lim.status in ("running", "expired"):
        steps.append(Step(f"The period expires on {lim.expires}"
                          + ("; the decision date is on or after it" if lim.expired else ""), rule.cite(), rule.source))
    return tuple(steps)


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
    general_day: dt.date | None = None


_ROUTES = Memo(maxsize=16384)


@functools.cache
def _index() -> Timeline:
    """The time index of the assessment: the law's data with the sentencing rules' change days
    (:func:`kzspeechlaw.reasoning.sentencing.index`)."""
    return sentencing.index()


def _interval(day: dt.date) -> int:
    """Which interval of :func:`_index` ``day`` is in."""
    return _index().interval(day)


@functools.cache
def _general_index() -> Timeline:
    """The days on which some rule of the general part starts or ends."""
    return Timeline(general_part.days())


def _covered(matches: tuple[Match, ...]) -> dict[str, str]:
    """The parts the facts satisfied on the act date: each match (``""``) and each rival it set
    aside, with why it was set aside (absorbed by a qualified part, displaced by a special one)."""
    covered = {str(m.provision.ref): "" for m in matches}
    covered.update((ref, why) for m in matches for ref, why in m.set_aside)
    return covered


def _survivors(matches: tuple[Match, ...], incident: Incident, repealed_on: dt.date,
               decided: dt.date) -> tuple[Provision, ...]:
    """Re-qualification: the versions that keep the act punishable after the part it fell under
    was repealed on ``repealed_on``, oldest first, up to ``decided`` (empty where none does).

    A surviving part is one the same facts satisfy on the day of the repeal and that already
    covered the act when it was committed (set aside then as the general or basic part, see
    :func:`_covered`): a part that did not reach the act then would establish liability, which
    is not retroactive (CC 2014 Art. 6(3); AOC 2014 Art. 5(2)). Where that part is in turn
    repealed before ``decided``, the search repeats from that day; a gap leaves the act
    unpunishable (the repeal is retroactive, CC 2014 Art. 6(1); AOC 2014 Art. 5(1)).
    """
    covered = _covered(matches)
    found: list[Provision] = []
    day = repealed_on
    while day <= decided:
        heir = _surviving_part(incident, covered, day)
        if heir is None:
            return ()
        found += (heir, *_later_versions(heir, decided))
        end = found[-1].valid_to
        if end is None or end > decided:
            return tuple(found)
        day = end
    return tuple(found)


def _surviving_part(incident: Incident, covered: dict[str, str], day: dt.date) -> Provision | None:
    """The most specific part in force on ``day`` that the facts satisfy (a match or a rival it
    sets aside) and that covered the act when committed."""
    for m in classify(incident, on=day):
        if str(m.provision.ref) in covered:
            return m.provision
        for ref, _ in m.set_aside:
            if ref in covered:
                return law().provision(parse(ref), day)
    return None


def _requalification_step(first: Provision, last: Provision, heir: Provision, matches: tuple[Match, ...],
                          decided: dt.date) -> Step:
    """The step saying that a repeal did not remove liability: the facts still fall under ``heir``."""
    why = _covered(matches)[str(heir.ref)]
    then = f" (then {why})" if why else ""
    retro = general_part.find("rule", "CC2014" if first.regime is Regime.CRIMINAL else "AOC2014",
                              "non_retroactivity", on=decided)
    rules = _time_rule(first.regime, decided)[0] + ", " + _retro_rule(first.regime, decided)[0]
    if retro is not None and not (first.regime is Regime.CRIMINAL and decided < CC2014_FROM):
        rules += ", " + retro.cite()
    return Step(
        f"{first.ref} was repealed by Law {last.repealed_by or 'the end of the code'} from {last.valid_to}, "
        f"before the decision, but the same facts fall under {heir.ref} ({heir.title['en']}), which covered "
        f"the act when it was committed{then} and is in force after the repeal: the repeal does not remove "
        f"liability, and the act stays punishable under the milder of {first.ref} and {heir.ref} "
        "(re-qualification)", rules, heir.source)


def _governing_law_step(first: Provision, governing: Provision, general_day: dt.date | None,
                        decided: dt.date) -> Step:
    """The step naming which version of each part governs, and why (``general_day`` ``None``: the
    general part of the act's time)."""
    general = f"in force on {general_day}" if general_day is not None else "in force at the time of the act"
    if governing is first and general_day is None:
        why = "no later law is milder as a whole, so the law of the act's time governs"
        rule = _time_rule(first.regime, decided)
    else:
        why = ("the later law is milder as a whole and reaches the act; a harsher part of another date is never "
               "combined with it")
        rule = _retro_rule(first.regime, decided)
    articles = "AOC 2014 Arts. 4-5" if governing.regime is Regime.ADMINISTRATIVE else "CC 2014 Arts. 5-6"
    return Step(
        f"Governing law: the special part {governing.ref} as from {governing.valid_from} (Law {governing.act}) with "
        f"the general part {general}: {why} ({articles})", *rule)


def _route(matches: tuple[Match, ...], incident: Incident, decided: dt.date) -> _Route:
    """Removal of liability (CC Art. 6(1); AOC Art. 5(1)) and lex mitior among the versions from
    the act to the decision. Remembered: it depends on the decision date only through the versions
    and general-part rules in force on it, and on the incident through its classification."""
    subject = incident.offender.value
    key = (matches, subject, _interval(decided),
           _interval(incident.act_date))

    def make() -> _Route:
        first = matches[0].provision
        steps: list[Step] = []
        notes: list[str] = []
        repeals: list[tuple[str | None, dt.date | None]] = []
        general_moves: list[tuple[str | None, dt.date | None]] = []
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
            survivors = _survivors(matches, incident, last.valid_to, decided)
            if survivors:
                heir = survivors[0]
                steps.append(_requalification_step(first, last, heir, matches, decided))
                notes.append(f"{first.ref} ceased to apply on {last.valid_to} (Law {last.repealed_by}), but the "
                             f"act was and remains {heir.ref} ({heir.title['en']}); it stays punishable under "
                             "the milder of the two.")
                repeals.append((last.repealed_by, last.valid_to))
                versions = (*versions, *survivors)
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

        # general_day: the day whose general part governs; None while it is the act's own (the
        # route is shared by acts of one period of the general part, so no act date is written).
        governing, general_day = first, None
        laws = _laws(versions, incident.act_date, decided)
        for (before, before_day), (later, day) in itertools.pairwise(laws):
            general_only = later is before
            if general_only and _effective(later, subject, day) == _effective(later, subject, before_day):
                continue  # the general part changed nothing that this part's sanctions depend on
            verdict = _whole_leniency(governing, general_day or incident.act_date, later, day, subject)
            if general_only:
                general_moves += [(act, day) for act in _general_acts(day)]
                said = (f"The general part as amended from {day} ({_general_changes(day)}), with the version of "
                        f"{later.ref} from {later.valid_from}, is {verdict.value.replace('_', ' ')} as a whole")
            else:
                same_general = _effective(later, subject, day) == _effective(
                    later, subject, general_day or incident.act_date)
                with_general = "" if same_general else f", with the general part in force on {day},"
                said = (f"The version of {later.ref} from {later.valid_from} (Law {later.act}){with_general} is "
                        f"{verdict.value.replace('_', ' ')}")
            if verdict == "more_lenient":
                steps.append(Step(said + ": it applies retroactively", *_retro_rule(first.regime, decided)))
                governing, general_day = later, (None if day == incident.act_date else day)
            elif verdict == "mixed":
                steps.append(Step(said + ": the law applied so far stays", *_time_rule(first.regime, decided)))
                notes.append(f"The law of {day} ({later.ref} from {later.valid_from} with the general part then in "
                             "force) is milder in some respects and harsher in others; the court compares them on "
                             "the facts (CC 2014 Art. 6).")
            else:
                steps.append(Step(said + ": the law applied so far stays", *_time_rule(first.regime, decided)))
        if len(laws) > 1:
            steps.append(_governing_law_step(first, governing, general_day, decided))
        unverified = tuple(
            f"The version of {v.ref} from {v.valid_from} is not verified against the statute text: {v.notes}"
            for v in ((first,) if governing is first else (first, governing)) if not v.verified
        )
        boundaries = (*repeals, *general_moves, *((v.act, v.valid_from) for v in versions))
        return _Route(governing, "liable", tuple(steps), tuple(notes), boundaries, unverified, general_day)

    return _ROUTES.get(key, make)


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
    return _reason(incident, decided, None)


_WHAT_IF = (
    ("channel", None, {"channel": Channel.TELECOM_NETWORK},
     "how the act was made known (channel not stated)",
     "made public (channel=telecom_network; public_speech and mass_media alike)",
     "takes the act as not made public"),
    ("allegation", Allegation.CRIME, {"allegation": Allegation.GRAVE_CRIME},
     "how grave the crime alleged was (allegation=crime)",
     "an accusation of a grave crime (allegation=grave_crime; especially_grave_crime and corruption_crime alike)",
     "takes the crime alleged as neither grave nor corruption"),
)
"""Facts an incident may leave open on which the law turns: the field, the value that leaves it
open, the value whose answer the notes give, and the words of the note."""


def _answer(a: Assessment) -> str:
    """An assessment in a few words, for a note that sets it beside another: the outcome, or the
    governing part with the outcome and its sanctions."""
    if a.governing is None:
        return a.outcome
    return f"{a.governing.ref} ({a.outcome}: " + "; ".join(s.describe() for s in a.sanctions) + ")"


def _what_if_notes(incident: Incident, decided: dt.date, matches: tuple[Match, ...]) -> tuple[str, ...]:
    """Where a fact the law turns on is left open (no channel; a crime alleged without its gravity),
    the answer had it been the other way, beside the one given."""
    notes = []
    for field, open_value, other, what, alternative, taken in _WHAT_IF:
        if getattr(incident, field) != open_value:
            continue
        alt = assess(attrs.evolve(incident, **other), decided)
        if [m.provision.ref for m in alt.matches[:1]] == [m.provision.ref for m in matches[:1]]:
            continue
        notes.append(f"The facts do not say {what}, and the law turns on it: {alternative} it gives "
                     f"{_answer(alt)}. The assessment above {taken}.")
    return tuple(notes)


def _undecided_notes(incident: Incident, decided: dt.date, matches: tuple[Match, ...]) -> tuple[str, ...]:
    """For each deciding fact the incident leaves unstated (``Match.undecided_by``): the candidates
    side by side, each with its consequence, and the fact that decides between them."""
    notes = []
    for fields in dict.fromkeys(m.undecided_by for m in matches if m.undecided_by):
        names = [STATING[f] for f in fields]
        asks = "; ".join(DECIDING[f] for f in fields)
        outcomes = []
        for value in (True, False):
            stated = attrs.evolve(incident, **dict.fromkeys(names, value))
            alt = assess(stated, decided)
            outcomes.append(f"{', '.join(f'{n}={str(value).lower()}' for n in names)} gives {_answer(alt)}")
        notes.append(f"The facts do not say whether {asks} ({', '.join(names)} not stated), and the law turns "
                     f"on it: {outcomes[0]}; {outcomes[1]}. The assessment above takes only the facts stated.")
    return tuple(notes)


class _Explanation(NamedTuple):
    notes: tuple[str, ...]
    trace: tuple[Step, ...]


class _Say:
    """Where the reasoning writes as it decides: the steps of its trace and its notes (a caller
    that reads only the outcome passes none, and pays nothing for the text)."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.trace: list[Step] = []

    def note(self, text: str | None) -> None:
        """A note, unless empty or already said."""
        if text and text not in self.notes:
            self.notes.append(text)


def _explain(a: Assessment) -> _Explanation:
    """The notes and trace of an assessment: the same reasoning as :func:`assess`, run again with
    its text written (the decision is the same: every step is a pure function of the facts)."""
    say = _Say()
    _reason(a.incident, a.decided_on, say)
    return _Explanation(tuple(say.notes), tuple(say.trace))


def _reason(incident: Incident, decided: dt.date, say: _Say | None) -> Assessment:
    """Decide the consequence, writing each step of the trace and each note to ``say`` (where
    given) as the step is taken: classification, the route to the governing law (repeal,
    re-qualification, lex mitior over the whole law), the MCI date, the sanctions with the general
    part's bounds, the category, the limitation period and the amnesties."""
    matches = classify(incident)
    if not matches:
        outside = scope.outside(incident)
        if say and outside:
            for entry in outside:
                say.trace.append(Step(f"No modelled provision covers these facts on the act date {incident.act_date}; "
                                      + scope.describe(entry), f"{entry.ref or entry.code} (not modelled)"))
                say.notes.append(f"Outside the modelled scope: {scope.describe(entry)}."
                                 + (" The facts may fall under it; the library gives no answer." if entry.number
                                    else ""))
        elif say:
            say.notes += _what_if_notes(incident, decided, matches)
            say.trace.append(Step(f"No modelled provision covers these facts on the act date {incident.act_date}", ""))
            say.notes += (
                f"{m.provision.ref} covers these facts on {decided}, but no modelled provision did on the act date: "
                "a law establishing liability is not retroactive (CC 2014 Art. 6(3); AOC 2014 Art. 5(2))."
                for m in classify(incident, on=decided))
        return Assessment(incident, decided, matches, None, "outside_scope" if outside else "no_provision", (),
                          None, None, None)

    first = matches[0].provision
    if say:
        say.notes += _what_if_notes(incident, decided, matches)
        say.trace += _falls_under_steps(matches, incident.act_date)
        say.notes += (f"The facts also fall under {o.provision.ref} ({o.provision.title['en']})."
                      for o in matches[1:] if not o.undecided_by)
        say.notes += _undecided_notes(incident, decided, matches)
    entity = first.regime is Regime.CRIMINAL and incident.offender in ENTITIES
    special = () if entity else scope.special_unmodelled(incident)
    if special:  # an unmodelled special article may displace the match: no answer
        if say:
            _say_special_unmodelled(say, incident, decided, first, special)
        return Assessment(incident, decided, matches, None, "outside_scope", (), None, first.category, None)
    if say:
        say.trace.append(Step(f"The law in force at the time of the act governs ({first.ref} as of "
                              f"{incident.act_date})", *_time_rule(first.regime, decided)))
    if entity:
        if say:
            say.note("A legal entity is not a subject of criminal liability; the Criminal Code punishes natural "
                     "persons.")
        return Assessment(incident, decided, matches, None, "no_provision", (), None, first.category, None)

    route = _route(matches, incident, decided)
    if say:
        say.trace += route.steps
        say.notes += route.notes
        for act, day in route.boundaries:
            say.note(_date_caveat(act, day, incident.act_date, decided))
        say.notes += route.closing_notes
    governing = route.governing
    if governing is None:
        return Assessment(incident, decided, matches, None, route.outcome, (), None, first.category, None)

    subject = incident.offender.value
    mci_date, basis = _mci_date(governing, incident, decided)
    general_day = route.general_day or incident.act_date
    penalties = _penalties(governing, subject, general_day, mci_date, decided)
    sanctions = _imposable(governing, penalties.sanctions, incident, general_day, decided)
    if say:
        step, note = _mci_date_step(governing, incident.act_date, mci_date, basis)
        say.note(note)
        say.trace.append(step)
        if not sanctions:
            say.note(f"{governing.ref} sets no sanction for a {subject.replace('_', ' ')}.")
        say.notes += penalties.notes
        say.trace += penalties.steps
        say.trace += _imposable_steps(sanctions, general_day, decided)
        if sanctions and not any(s.available for s in sanctions):
            say.note("Every alternative is suspended on the decision date.")
        say.trace.append(_category_step(governing, incident.act_date))

    if incident.referred_on is not None and incident.referred_on > decided:
        raise InvalidIncident("referred_on", incident.referred_on.isoformat(),
                              f"a date on or before the decision date {decided}")
    limitation = _limitation(governing, incident, decided)
    if say and limitation is None:
        say.note(f"The limitation period of {governing.ref.code} is not modelled.")
    elif say and limitation is not None:
        say.trace += _limitation_steps(governing, incident, limitation, decided)
        say.note(_limitation_note(governing, incident, limitation))
    barred = limitation is not None and limitation.expired and limitation.certain
    outcome = "time_barred" if barred else "liable"
    facts = amnesty.facts_of(incident)
    if outcome == "liable" and amnesty.released(governing, incident.act_date, decided, facts):
        outcome = "amnestied"  # an amnesty law in force on the decision date (kzspeechlaw.reasoning.amnesty)
    if say:
        notes, steps = amnesty.explain(amnesty.findings(governing, incident.act_date, decided, facts),
                                       incident.act_date, decided, outcome == "amnestied")
        say.notes += notes
        say.trace += (Step(*step) for step in steps)
    return Assessment(incident, decided, matches, governing, outcome, sanctions,
                      mci_date, governing.category, limitation, general_day)


def _say_special_unmodelled(say: _Say, incident: Incident, decided: dt.date, first: Provision,
                            special: tuple[scope.Entry, ...]) -> None:
    """Why no answer is given: an unmodelled special article may displace ``first``; and what the
    answer is where the fact it requires is stated false."""
    for entry in special:
        say.trace.append(Step(f"A special article may displace {first.ref}: {scope.describe(entry)}",
                              f"{entry.ref} (not modelled)"))
        say.notes.append(f"Outside the modelled scope: the special article {scope.describe(entry)}. If it "
                         f"applies, it displaces {first.ref}; the library gives no answer.")
        unstated = [f for f in entry.requires if f.partition(":")[0] in STATING
                    and getattr(incident, STATING[f.partition(":")[0]]) is None]
        for fact in unstated:
            name = STATING[fact.partition(":")[0]]
            alt = assess(attrs.evolve(incident, **{name: False}), decided)
            say.notes.append(f"If {name}=false, {entry.ref} cannot apply and the answer is {alt.outcome}"
                             + (f" under {alt.governing.ref}." if alt.governing else "."))


def _falls_under_steps(matches: tuple[Match, ...], act_date: dt.date) -> tuple[Step, ...]:
    """The first steps: the part the act falls under, and the rivals it sets aside."""
    first = matches[0].provision
    falls_under, set_aside = _match_steps(matches)
    return (Step(f"The act of {act_date} falls under {falls_under}", _cite(first), first.source), *set_aside)


def _limitation_note(p: Provision, incident: Incident, lim: Limitation) -> str:
    """What the notes say of the limitation period (empty where none applies). The rule that governs
    may be a later code's (:func:`_limitation_choice`): its article names the code and, for CC 2014
    Art. 71(1)(1), a criminal misdemeanour."""
    if lim.status == "none":
        return ""
    code = lim.article.split()[0]
    if lim.status == "suspended":
        if p.regime is Regime.ADMINISTRATIVE:
            return (f"The limitation period ({lim.article}) stands still from the referral of the case to court on "
                    f"{incident.referred_on} (AOC 2014 Art. 62(5)).")
        lapse = (f"liability lapses on {lim.expires} at the latest" if lim.expires is not None
                 else "no outer limit is established in the data")
        return (f"The limitation period ({lim.article}) stands still while the person evades (from "
                f"{incident.evaded_from}); it runs again from the arrest or surrender (give evaded_until), and "
                f"{lapse} ({_EVASION_ARTICLE.get(code, code)}).")
    if not lim.expired:
        return f"The limitation period runs to {lim.expires} ({lim.article})."
    if lim.certain:
        if lim.article.startswith("CC2014 71(1)(1)"):
            return (f"The limitation period expired on {lim.expires} ({lim.article}); it is never suspended or "
                    "interrupted for a criminal misdemeanour (CC 2014 Art. 71(3)).")
        if incident.evaded_from is not None:
            return f"The limitation period expired on {lim.expires} ({lim.article}), the evasion notwithstanding."
        return (f"The limitation period expired on {lim.expires} ({lim.article}); the facts give no evasion that "
                "would have suspended it (give evaded_from where the person evaded the investigation or the court).")
    if p.regime is Regime.ADMINISTRATIVE:
        referral = ("" if incident.referred_on is None
                    else f" The case was referred to court on {incident.referred_on}, after the period.")
        return (f"The limitation period expired on {lim.expires} ({lim.article}) unless {lim.unless} (AOC 2014 "
                f"Art. 62(5), (7)).{referral} Liability stays open until that is known.")
    return (f"The limitation period expired on {lim.expires} ({lim.article}) unless {lim.unless} "
            f"({_INTERRUPTION_ARTICLE.get(code, code)}); the facts given do not say, so liability stays open.")


_EVASION_ARTICLE = {"CC2014": "CC 2014 Art. 71(4)", "CC1997": "CC 1997 Art. 69(3)"}
_INTERRUPTION_ARTICLE = {"CC2014": "CC 2014 Art. 71(4)", "CC1997": "CC 1997 Art. 69(4)"}
