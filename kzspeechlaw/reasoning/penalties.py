"""The governing version's sanctions as assessed: the general part's floors and limits, the MCI
date and the tenge amounts, suspensions, the range a court may impose on the sentencing facts,
and the category.

- an "up to" criminal sanction gets the floor the general part sets for its kind (``data/general.toml``);
- criminal fines and correctional work are converted with the MCI of the offence date
  (CC 2014 Arts. 41(1), 42(1)), with that of the sentence under the 1997 Code (CC 1997
  Art. 40(1)); administrative fines with the MCI of the day the case was opened (AOC 2014
  Art. 44(1));
- the range a court may impose: :mod:`kzspeechlaw.reasoning.sentencing`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

import attrs

from kzspeechlaw.errors import OutOfCoverage
from kzspeechlaw.i18n import N_, Code, Message
from kzspeechlaw.law import general_part
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Category, Penalty, Provision, Regime, Sanction
from kzspeechlaw.law.monthly_index import changes, mci_value, to_tenge
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning import sentencing
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import AssessedSanction, Step
from kzspeechlaw.reasoning.sentencing.ranges import STILL_APPLIES
from kzspeechlaw.reasoning.time_rules import general_rule, interval, ranges_index, rules_index
from kzspeechlaw.units import Quantity, lesser, registry, unit_name

_OWN_SANCTIONS = Memo()


def sanctions_for(p: Provision, subject: str) -> tuple[Sanction, ...]:
    """``p.sanctions_for(subject)``, remembered per version and subject."""
    return _OWN_SANCTIONS.get((p, subject), lambda: p.sanctions_for(subject))


_EFFECTIVE = Memo()


def effective(p: Provision, subject: str, general_day: dt.date) -> tuple[Sanction, ...]:
    """``p``'s alternatives for ``subject`` as the general part in force on ``general_day`` makes
    them: an "up to" criminal sanction gets that general part's floor (remembered per version,
    subject and period of the general part)."""

    def make() -> tuple[Sanction, ...]:
        out = []
        for s in sanctions_for(p, subject):
            rule = _floor_rule(p, s, general_day)
            if rule is not None and rule.minimum is not None and s.maximum is not None:
                s = attrs.evolve(s, minimum=lesser(rule.minimum, s.maximum))
            out.append(s)
        return tuple(out)

    return _EFFECTIVE.get((p, subject, interval(general_day)), make)


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


def category_step(p: Provision) -> Step:
    """The step naming ``p``'s category and the general-part band it falls in (remembered per
    version)."""

    def make() -> Step:
        band = general_rule("category", p.ref.code, p.category.value, on=p.valid_from)
        return Step(Message("Category: {category}, from the sanction of {ref}", category=p.category, ref=str(p.ref)),
                    band.cite(), band.source)

    return _CATEGORY_STEPS.get(p, make)


def mci_date(p: Provision, incident: Incident, decided: dt.date) -> tuple[dt.date, str]:
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


def opening_days(incident: Incident, mci_day: dt.date, decided: dt.date) -> tuple[list[dt.date], bool]:
    """The days whose MCI may convert an administrative fine where the day the case was opened is not
    given (AOC 2014 Art. 44(1): the MCI «действующим на момент возбуждения дела об административном
    правонарушении»): ``mci_day`` (the act date's, assumed) and each later day on which the MCI
    changes, up to the last day the case can have been opened, the decision or, where given, the
    referral to court (a case is opened before it is referred); and whether that last day is after
    the data's MCI (the case may have been opened on a day whose MCI is not known)."""
    last = min(decided, incident.referred_on) if incident.referred_on is not None else decided
    return [mci_day, *changes(mci_day, last)], last > law().mci_until


_MCI_DATE_BASES = {
    "sentence": N_("Fines are converted with the MCI in force when the sentence is imposed, taken as the decision "
                   "date {day}"),
    "offence": N_("Fines and correctional work are converted with the MCI of the offence date {day}"),
    "opened": N_("Administrative fines use the MCI of the day the case was opened, {day}"),
    "assumed": N_("Administrative fines use the MCI of the day the case was opened; assumed {day} (the act date)"),
}
"""The trace step for each basis of the MCI date (:func:`mci_date`); ``{day}`` is the date."""


def mci_date_step(p: Provision, act_date: dt.date, mci_day: dt.date, basis: str) -> tuple[Step, str | None]:
    """The step saying which day's MCI converts the fines, and the note where it is assumed."""
    name = "mci_date_criminal_fine" if p.regime is Regime.CRIMINAL else "mci_date_administrative_fine"
    # The rule of the part's own code: from the code's first day where the act precedes it (an act
    # under the 1997 Code that the 2014 Code governs as the milder law).
    rule = general_rule("rule", p.ref.code, name, on=max(act_date, law().codes[p.ref.code].valid_from))
    citation, source = rule.cite(), rule.source
    note = None if basis != "assumed" else Message(
        "The proceedings date is not given; the MCI of the act date {day} is assumed. Administrative fines use the "
        "MCI of the day the case was opened ({rule}).", day=act_date, rule=citation)
    return Step(Message(_MCI_DATE_BASES[basis], day=mci_day), citation, source), note


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


def _bounds(p: Provision, s: Sanction, act_date: dt.date, mci_day: dt.date) -> _Bounds:
    minimum, maximum, floor, floor_step = s.minimum, s.maximum, None, None
    rule = _floor_rule(p, s, act_date)
    if rule is not None and rule.minimum is not None and maximum is not None:
        minimum, floor = lesser(rule.minimum, maximum), rule.cite()
        floor_step = Step(
            Message("{kind}: the article says only 'up to'; the general part sets the floor {floor}",
                    kind=Code(s.kind), floor=rule.minimum), rule.cite(), rule.source)
    low = high = tenge_note = None
    if maximum is not None and unit_name(maximum) == "MCI":
        try:
            low = to_tenge(minimum, mci_day) if minimum is not None else None
            high = to_tenge(maximum, mci_day)
        except OutOfCoverage as error:
            tenge_note = Message("No tenge amounts: {error}.", error=error.args[0] if error.args else str(error))
    return _Bounds(AssessedSanction(s, minimum, maximum, low, high, floor), floor_step, tenge_note)


def _mci_or_date(mci_day: dt.date) -> int | dt.date:
    """The MCI's value on ``mci_day`` or, outside the data, the date itself (see :func:`for_subject`)."""
    try:
        return mci_value(mci_day).kzt
    except OutOfCoverage:
        return mci_day


class Penalties(NamedTuple):
    """The governing version's sanctions for a subject as assessed, with the notes and the trace
    steps they bring (floors, suspensions, amounts outside the MCI data), in order."""

    sanctions: tuple[AssessedSanction, ...]
    notes: tuple[str, ...]
    steps: tuple[Step, ...]


_PENALTIES = Memo(maxsize=16384)


def for_subject(p: Provision, subject: str, act_date: dt.date, mci_day: dt.date, decided: dt.date,
                committed: dt.date) -> Penalties:
    """``p``'s sanctions for ``subject``: floors of the general part that governs (in force on
    ``act_date``: the act's date, or the day a milder general part took effect), tenge with the MCI
    of ``mci_day``, suspensions of a kind for an act of ``committed`` decided on ``decided``
    (:func:`kzspeechlaw.reasoning.sentencing.suspended`). Remembered: they depend on the
    dates only through the periods of the general part of ``p``'s code (its rules'
    :func:`~kzspeechlaw.reasoning.time_rules.rules_index`) and the MCI's value (outside the MCI data,
    the date, which the note names)."""
    mci = _mci_or_date(mci_day)
    period = rules_index(p.ref.code).interval
    key = (p, subject, period(act_date), mci, period(decided), period(committed))

    def make() -> Penalties:
        sanctions: list[AssessedSanction] = []
        notes: list[str] = []
        steps: list[Step] = []
        for s in sanctions_for(p, subject):
            bounds = _bounds(p, s, act_date, mci_day)
            if bounds.floor_step is not None:
                steps.append(bounds.floor_step)
            assessed = bounds.assessed
            off = sentencing.suspended(p.ref.code, s.kind, committed, decided)
            if off is not None:
                notes.append(Message("{text}.", text=off.note))
                steps.append(Step(off.note, off.cite(), off.rules[0].source))
                assessed = attrs.evolve(assessed, available=False, note=off.note, still_for=off.still_for)
            elif (later := sentencing.later_in_force(p.ref.code, s.kind, committed, decided)) is not None:
                notes.append(Message("{text}.", text=later))
                assessed = attrs.evolve(assessed, note=later)
            elif (lapse := sentencing.lapsed(p.ref.code, s.kind, committed, decided)) is not None:
                notes.append(Message("{text}.", text=lapse.note))
                steps.append(Step(lapse.note, lapse.rule.cite(), lapse.rule.source))
                assessed = attrs.evolve(assessed, note=lapse.note, depends_on=(sentencing.LAPSED,))
            if bounds.tenge_note is not None:
                notes.append(bounds.tenge_note)
            sanctions.append(assessed)
        if p.regime is Regime.CRIMINAL and p.ref.code not in sentencing.SENTENCING_CODES:
            # the general limits of each kind apply (CC 1997 Arts. 40-48), not the rest of the
            # code's sentencing rules, and the reader is told so
            notes.insert(0, Message("The sentencing rules of {code} are not modelled: the statutory range is shown.",
                                    code=p.ref.code))
        return Penalties(tuple(sanctions), tuple(notes), tuple(steps))

    return _PENALTIES.get(key, make)


_IMPOSABLE = Memo(maxsize=16384)


def imposable_steps(sanctions: tuple[AssessedSanction, ...], on: dt.date, decided: dt.date) -> list[Step]:
    """A trace step per sanction whose range the general part moved on the sentencing facts,
    citing the rules (CC 2014 Arts. 55-56; AOC 2014 Arts. 810, 819(2), 829-11)."""

    def text(q: Quantity | None) -> Quantity | str:
        return q if q is not None else "-"

    return [Step(Message("{kind}: the general part moves the range from {minimum} - {maximum} to {low} - {high} on "
                         "the sentencing facts", kind=s.kind, minimum=text(s.minimum), maximum=text(s.maximum),
                         low=text(s.imposable_minimum), high=text(s.imposable_maximum)),
                 ", ".join(s.imposable_rules), sentencing.sources(s.imposable_rules, on, decided))
            for s in sanctions if s.imposable_rules and s.available]


MINOR_FINE_MCI = 10
"""The most an administrative fine on a minor may be, in MCI, whatever the article's fine: AOC 2014
Art. 66(1), «Размер административного штрафа, налагаемого на несовершеннолетнего, не может превышать
десять месячных расчетных показателей независимо от размера штрафа, предусмотренного статьей Особенной
части настоящего раздела», the same in the texts of 11.07.2017 (old layout rus/sec002.md, commit
a84ebbd2e00cef4c87d07cc36ed4b33e53893a9b), 16.06.2024 (new layout rus/sec002-ch009.md, commit
21ae8644ab140631174d7da98dc263f14be5d09b) and 31.12.2025 (old layout rus/sec002-ch009.md, commit
1cb4df4436bda63b246eef5e2b060f53527a2cb1, whose footnote names Law 10.01.2025 No. 155-VIII for part 3
alone); no footnote names an earlier change, so the cap is taken to stand from 2015. Art. 65(1): a
minor is 16 or 17 at the time of the offence; Art. 28: no one younger is liable."""


def _minor_fine(p: Provision, facts: sentencing.Facts, s: AssessedSanction) -> AssessedSanction:
    """``s``, an administrative fine imposable on a minor (the mitigating circumstance stated), at
    most :data:`MINOR_FINE_MCI` (AOC 2014 Art. 66(1)), with no floor where the article's is above it
    (the article sets none for a minor); a check weighs the cap with the MCI of the day the case was
    opened (:func:`kzspeechlaw.reasoning.assessment._administrative_minor`)."""
    if (p.regime is not Regime.ADMINISTRATIVE or s.kind is not Penalty.FINE or s.barred or not s.available
            or not sentencing.names_minor(facts.mitigating) or s.imposable_maximum is None
            or unit_name(s.imposable_maximum) != "MCI"):
        return s
    high = lesser(s.imposable_maximum, registry().Quantity(MINOR_FINE_MCI, "MCI"))
    low = s.imposable_minimum
    if low is not None and (unit_name(low) != "MCI" or low.magnitude > MINOR_FINE_MCI):
        low = None
    return attrs.evolve(s, imposable_minimum=low, imposable_maximum=high,
                        imposable_rules=(*s.imposable_rules, "AOC 2014 Art. 66(1)"))


def imposable_kinds(sanctions: Iterable[AssessedSanction]) -> tuple[Penalty, ...]:
    """The kinds a court may impose on the facts: not suspended, and not barred on them (a range
    with no maximum where the statute gives one: :func:`kzspeechlaw.reasoning.sentencing.imposable`,
    e.g. no imprisonment once the harm was made good, CC 2014 Art. 55(1)(1))."""
    return tuple(s.kind for s in sanctions
                 if s.available and not (s.maximum is not None and s.imposable_maximum is None))


def imposable(p: Provision, sanctions: tuple[AssessedSanction, ...], incident: Incident, on: dt.date,
              decided: dt.date) -> tuple[AssessedSanction, ...]:
    """The sanctions with the range a court may impose on the sentencing facts
    (:func:`kzspeechlaw.reasoning.sentencing.imposable`), remembered per facts and periods of the
    days they read (:func:`~kzspeechlaw.reasoning.time_rules.ranges_index`)."""
    facts = sentencing.Facts.of(incident)
    circumstances = tuple(sorted(c.value for c in incident.circumstances))
    index = ranges_index(p.ref.code, p.ref.article)
    key = (p, sanctions, facts, circumstances, index.interval(on), index.interval(decided))

    def make() -> tuple[AssessedSanction, ...]:
        ranges = sentencing.imposable(p, sanctions, facts, circumstances, on, decided)
        found = []
        for s, r in zip(sanctions, ranges, strict=True):
            barred = not r.available and (s.available or (bool(s.still_for) and STILL_APPLIES not in r.kind_depends))
            found.append(_minor_fine(p, facts, attrs.evolve(
                s, imposable_minimum=r.minimum, imposable_maximum=r.maximum, imposable_rules=r.rules,
                note=s.note or r.caveat, barred=barred,
                depends_on=() if barred else s.depends_on)))  # a kind barred on the facts: no suspension decides it
        return tuple(found)

    return _IMPOSABLE.get(key, make)
