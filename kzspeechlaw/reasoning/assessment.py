"""The legal consequence of an incident decided on a date (:func:`assess`): the part the facts
fall under, the governing law, the sanctions in MCI and tenge, the category, the limitation
period, the amnesties, and a trace citing every step, written as the reasoning decides.

The steps, each with its rules (texts in ``data/general.toml`` and the statute files):

- the route to the governing law (:mod:`kzspeechlaw.reasoning.route`): the law of the act's time
  governs (CC 2014 Art. 5; AOC 2014 Art. 4) unless a later law, compared as a whole, removes
  liability or is more lenient (CC 2014 Art. 6(1); AOC 2014 Art. 5(1)); a repeal removes
  liability only where no part in force still covers the act (re-qualification);
- the sanctions (:mod:`kzspeechlaw.reasoning.penalties`): the general part's floors, the MCI
  date (CC 2014 Arts. 41(1), 42(1); AOC 2014 Art. 44(1)), suspensions, the range a court may
  impose, the category;
- the limitation period, decided from the facts (:mod:`kzspeechlaw.reasoning.limitation`:
  CC 2014 Art. 71; CC 1997 Art. 69; AOC 2014 Art. 62);
- amnesty: a law in force on the decision date that releases the act from criminal liability
  makes the outcome ``amnestied`` (:mod:`kzspeechlaw.reasoning.amnesty`);
- the notes beside the outcome: facts left open, caveats (:mod:`kzspeechlaw.reasoning.explanation`).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import weakref
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any, NamedTuple

import attrs

from kzspeechlaw import export
from kzspeechlaw.dates import as_date, out_of_range
from kzspeechlaw.errors import AmountError, InvalidIncident, LawError, OutOfCoverage
from kzspeechlaw.i18n import N_, OR, Code, Message, join
from kzspeechlaw.law import monthly_index, scope
from kzspeechlaw.law.amnesty_laws import Window
from kzspeechlaw.law.coverage_report import warn_if_stale
from kzspeechlaw.law.facts import ENTITIES, ENTREPRENEURS, Offender
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Category, Penalty, Provision, Regime, Sanction
from kzspeechlaw.law.timeline import caveat_window, unread_publication_days
from kzspeechlaw.reasoning import amnesty, limitation, penalties, route, sentencing
from kzspeechlaw.reasoning.classification import ENTITY_TARGET, Match, impersonal, matching_parts
from kzspeechlaw.reasoning.explanation import (
    ENTITY_KINDS,
    Assess,
    Say,
    age_note,
    alternatives,
    channel_reading,
    classification_in_force,
    concurrent_unmodelled_notes,
    counted_from_unread,
    date_caveat,
    encroachment_note,
    entity_kind_open,
    falls_under_steps,
    in_force_notes,
    liable_from_14,
    limitation_note,
    open_element_fallback,
    open_element_notes,
    open_elements,
    open_facts,
    other_side,
    public_other,
    public_reading,
    public_reading_open,
    repeal_side,
    special_unmodelled,
    undecided_notes,
    unmodelled_amnesty_note,
    unread_wording,
    unstated_alternative_notes,
    unstated_alternatives,
    what_if_notes,
    with_scope,
)
from kzspeechlaw.reasoning.incident import (
    DECIDED_AFTER,
    Incident,
    check_incident,
    minor_stated,
    moved_before,
    moved_to,
)
from kzspeechlaw.reasoning.leniency import Leniency
from kzspeechlaw.reasoning.results import (
    AssessedSanction,
    LawAnswer,
    Limitation,
    Outcome,
    Step,
    limitation_dict,
    sanction_dict,
    step_dict,
)
from kzspeechlaw.reasoning.sentencing.amounts import exact
from kzspeechlaw.reasoning.time_rules import general_rule, time_rule
from kzspeechlaw.reasoning.unfinished import unfinished
from kzspeechlaw.terms import Cite
from kzspeechlaw.units import Quantity, sentence_amount


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
    outcome: Outcome
    """The legal consequence (:class:`~kzspeechlaw.reasoning.results.Outcome`: a string enum, written
    as its string)."""
    statutory: tuple[AssessedSanction, ...]
    """The governing sanctions as the general part and the MCI bound them, before the sentencing
    facts: :attr:`sanctions` without the ranges a court may impose (computed when first read)."""
    mci_date: dt.date | None
    category: Category | None
    """The governing part's category (CC 2014 Arts. 10-11; an administrative offence); where none governs
    (decriminalised, no provision, outside the modelled scope) the category of the part the act fell
    under when committed, for reference (the brief record gives none for ``no_provision`` and
    ``outside_scope``: no modelled part answers)."""
    limitation: Limitation | None
    general_day: dt.date | None = None
    """The day whose general part (floors and limits) governs with ``governing``: the act date, or
    the day a milder general part took effect (CC 2014 Art. 6(1)); ``None`` without a governing
    version."""

    @functools.cached_property
    def sanctions(self) -> tuple[AssessedSanction, ...]:
        """The governing sanctions with the range a court may impose on the sentencing facts
        (:func:`kzspeechlaw.reasoning.penalties.imposable`), written when first read."""
        g = self.governing
        if g is None or not self.statutory:
            return self.statutory
        return penalties.imposable(g, self.statutory, self.incident, self.general_day or self.incident.act_date,
                                   self.decided_on)

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
    def depends_on(self) -> tuple[str, ...]:
        """The facts left open on which this answer turns (names of
        :data:`~kzspeechlaw.reasoning.explanation.OPEN_FACTS`, e.g. ``knowing_and_dangerous``); empty
        where the facts stated decide it. The notes give the answer for each way the fact may go."""
        return open_facts(self, self._assessed, law_answer)

    @functools.cached_property
    def _assessed(self) -> Callable[[Incident, dt.date], Assessment]:
        """:func:`assess`, remembering what it answered: ``depends_on``, the notes and a sentence check
        assess the same incidents with a fact stated otherwise, and the notes this one again (this
        assessment is its own incident's: it is what :func:`assess` gave, as every one the library
        makes; one built or changed by hand is not, and its notes then compare with it as it is)."""
        known: dict[tuple[Incident, dt.date], Assessment] = {}
        own = weakref.ref(self)  # not held: no cycle keeps an assessment from being freed at once

        def assessed(incident: Incident, decided: dt.date) -> Assessment:
            this = own()
            if this is not None and incident is this.incident and decided == this.decided_on:
                return this
            found = known.get((incident, decided))
            if found is None:
                found = known[incident, decided] = assess(incident, decided)
            return found

        return assessed

    @functools.cached_property
    def releases(self) -> tuple[sentencing.Release, ...]:
        """The routes out of punishment open on the facts (:func:`kzspeechlaw.reasoning.sentencing.releases`)."""
        g = self.governing
        if g is None:
            return ()
        found = amnesty.findings(g, self.incident.act_date, self.decided_on, amnesty.facts_of(self.incident),
                                 committed=amnesty.committed_part(self.matches, g))
        return sentencing.releases(g, sentencing.Facts.of(self.incident), penalties.imposable_kinds(self.sanctions),
                                   self.incident.act_date, self.decided_on, found)

    def check(self, kind: Penalty | str, amount: Quantity) -> sentencing.Check:
        """Whether a sentence of ``kind`` and ``amount`` (``1 * ureg.year``, ``465192 * ureg.KZT``) was
        within what the law allowed on these facts (:func:`kzspeechlaw.reasoning.sentencing.check`).
        An amount no sentence can have (negative, not a finite number, a unit the law does not use)
        raises :class:`~kzspeechlaw.AmountError` (:func:`kzspeechlaw.units.sentence_amount`). ``kind`` is
        a :class:`~kzspeechlaw.Penalty`, its code or its words as the answers write them ("correctional
        work", "administrative arrest": :func:`~kzspeechlaw.reasoning.sentencing.as_penalty`); an unknown
        kind raises :class:`~kzspeechlaw.AmountError` naming the accepted words, and so does
        "administrative arrest" under a criminal article, whose arrest is another punishment (CC 2014
        Art. 40(1)(4) «арест»; AOC 2014 Art. 50 «Административный арест»)."""
        amount = sentence_amount(amount)
        g = self.governing
        if g is None and self.outcome is Outcome.OUTSIDE_SCOPE:  # not modelled: never a certain answer
            return sentencing.Check(sentencing.as_penalty(kind), amount, "kind_not_available", (), (N_(
                "The facts are outside the modelled scope: a part the library does not model may govern them, so "
                "the sentence is not weighed."),), certain=False, depends_on=self.depends_on)
        if g is None:
            why = Message("No sentence: the outcome is {outcome}.", outcome=Code(self.outcome))
            # a fact left open may give a part that governs (the notes say which); the in-force date of a
            # law is weighed below (_in_force_doubt), which names the law
            open_ = tuple(f for f in self.depends_on if f != "in_force")
            reasons = (why,) if not open_ else (why, Message(
                "The outcome turns on facts left open ({facts}): the verdict holds only on the facts stated.",
                facts=join(open_, ", ")))
            return _in_force_doubt(self, sentencing.Check(sentencing.as_penalty(kind), amount, "kind_not_available",
                                                          (), reasons, certain=not open_, depends_on=open_),
                                   kind, amount)
        extra: tuple[str, ...] = ()
        if self.outcome is Outcome.TIME_BARRED_UNLESS_STOPPED and self.limitation is not None and (
                self.limitation.unless == limitation.LAST_DAY):
            extra = (N_("The limitation period closes on the decision date: a sentence is due only if that day "
                        "still belongs to the period."),)
        elif self.outcome is Outcome.TIME_BARRED_UNLESS_STOPPED and self.limitation is not None and (
                limitation.stops_alone(self.limitation.unless, self.limitation.last_day)):
            extra = (N_("The limitation period has expired unless it was suspended or interrupted: a sentence "
                        "is due only if it was."),)
        elif self.outcome is Outcome.TIME_BARRED_UNLESS_STOPPED:  # a closing day among other doubts, a minor's
            # outer period, a no-limitation rule's entry into force: no suspension or interruption decides
            extra = (N_("The limitation period has expired unless what the answer depends on decides otherwise: a "
                        "sentence is due only if it does."),)
        elif self.outcome is not Outcome.LIABLE:
            extra = (Message("The outcome is {outcome}: no sentence is due.", outcome=Code(self.outcome)),)
        try:
            result = _sentence_check(self, g, kind, amount, extra)
        except AmountError as error:  # not this law's measure: a law left to the court may take it
            result = _measured_by_contested(self, g, kind, amount, extra, error)
        result = _open_element_doubt(self, g, _assumed_mci(self, g, _minor(self, result, kind, amount, extra), kind,
                                                           amount, extra))
        result = _wording_doubt(self, _reading_doubt(self, _unstated_doubt(self, result), kind, amount), kind,
                                amount)
        return _in_force_doubt(self, _unsettled(self, _contested(self, result, kind, amount, extra), kind, amount),
                               kind, amount)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with a ``"schema"`` version key; a new dictionary on every call."""
        return {
            "schema": export.SCHEMA,
            "incident": self.incident.to_dict(),
            "decided_on": self.decided_on.isoformat(),
            "outcome": self.outcome.value,
            "matches": [match_dict(m) for m in self.matches],
            "governing": str(self.governing.ref) if self.governing is not None else None,
            "governing_version": export.provision_dict(self.governing) if self.governing is not None else None,
            "sanctions": [sanction_dict(s) for s in self.sanctions],
            "mci_date": self.mci_date.isoformat() if self.mci_date else None,
            "category": self.category.value if self.category else None,
            "limitation": limitation_dict(self.limitation),
            "releases": [r.to_dict() for r in self.releases],
            "depends_on": list(self.depends_on),
            "notes": list(self.notes),
            "trace": [step_dict(step) for step in self.trace],
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as one line of JSON text (:func:`kzspeechlaw.export.dumps`)."""
        return export.dumps(self.to_dict())


def match_dict(match: Match, lang: str | None = None) -> dict[str, Any]:
    """A match's JSON form: the part (with its title in ``lang`` where given), the reasons, the parts
    it set aside and why, and the incident fields not stated on which it turns (empty where the
    facts decide it)."""
    title = {"title": match.provision.title[lang]} if lang is not None else {}
    return {"ref": str(match.provision.ref), **title, "reasons": list(match.reasons),
            "set_aside": [{"ref": r, "why": why} for r, why in match.set_aside],
            "undecided_by": list(match.undecided_by)}


def classification_json(incident: Incident, matches: tuple[Match, ...], on: dt.date,
                        lang: str | None = None) -> list[dict[str, Any]] | dict[str, Any]:
    """The JSON form of ``matches`` (:func:`~kzspeechlaw.classify` of ``incident`` on ``on``), as
    ``classify --json`` prints and ``POST /api/classify`` sends.

    Inside the modelled scope it is the list of :func:`match_dict` forms, most specific first; an
    empty list means no modelled provision covers the facts. Where nothing matches because the
    facts fall outside the modelled scope (:func:`kzspeechlaw.law.scope.outside`: an unmodelled
    article they may fall under, a conduct no modelled part deals with, a date before the data
    begins) it is an object, so that it is never read as "no offence"::

        {"matches": [], "on": "1995-03-12",
         "outside_scope": [{"article": "CC1997 ..." or null, "title": ... or null, "reason": ...,
                            "valid_from": ... or null, "valid_to": ... or null, "why": "..."}]}

    ``why`` is the line the text output prints (in English, as ``reasons`` are); ``lang`` gives
    the matches' titles in that language. ``open_elements`` names the elements of each part that the
    facts leave open (:func:`~kzspeechlaw.reasoning.explanation.open_elements`: a prior agreement the
    circumstance ``group`` does not state, CC 2014 Art. 274(2) «группой лиц по предварительному
    сговору»; the conditions of a breach that AOC 2014 Art. 456-2(3) requires): the part applies only
    where each is shown, as ``assess`` names them in ``depends_on``. ``in_force_notes`` (the same in
    each match, in English) gives the parts had a law whose in-force date was not read taken effect
    on the other side of ``on`` (:func:`~kzspeechlaw.reasoning.explanation.classification_in_force`:
    a slander of 09.07.2020 is CC 2014 Art. 130(2), but AOC 2014 Art. 73-3(2) had Law 349-VI, in
    force 10.07.2020 counted from a publication date not read in a primary text, taken effect by
    then), as the text output gives them after its list; empty where none applies. Where nothing
    matches, the object carries them too, and no modelled part with such notes is that object (with
    ``outside_scope`` empty), never ``[]``: the other side of the day would give a part.
    """
    in_force = [str(n) for n in classification_in_force(incident, on)]
    if matches:
        return [{**match_dict(m, lang), **_answerable_dict(*answerable(incident, m)),
                 "open_elements": list(open_elements(incident, m.provision)), "in_force_notes": in_force}
                for m in matches]
    outside = scope.outside(attrs.evolve(incident, act_date=on))  # e.g. before the data begins: not modelled
    if not outside and not impersonal(incident.facts):
        # no modelled part, unless a law whose in-force date was not read took effect on the other side
        return {"matches": [], "on": on.isoformat(), "outside_scope": [], "in_force_notes": in_force} if in_force \
            else []
    why = impersonal_note(incident.facts)
    entries = [scope.entry_dict(e) for e in outside] or [
        {"article": None, "title": None, "reason": str(why), "valid_from": None, "valid_to": None,
         "why": str(why)}]
    return {"matches": [], "on": on.isoformat(), "outside_scope": entries, "in_force_notes": in_force}


def answerable(incident: Incident, match: Match) -> tuple[bool | None, tuple[scope.Entry, ...]]:
    """What keeps ``assess`` from answering under a match that ``classify`` gives: whether the part
    reaches the offender (not a legal entity under the Criminal Code; AOC 2014 Art. 33(1); ``None``
    for a business that may be an individual entrepreneur, whom it reaches as a natural person:
    :data:`~kzspeechlaw.law.facts.ENTREPRENEURS`), and the unmodelled special articles that may
    displace it (:func:`_displaced`)."""
    entity, special = _displaced(incident, match.provision)
    reaches = not entity and match.provision.reaches(incident.offender)
    if not reaches and incident.offender in ENTREPRENEURS and match.provision.reaches(Offender.NATURAL_PERSON):
        return None, special
    return reaches, special


def _answerable_dict(reaches: bool | None, special: tuple[scope.Entry, ...]) -> dict[str, Any]:
    return {"reaches_offender": reaches, "may_be_displaced_by": [scope.entry_dict(e) for e in special]}


IMPERSONAL = N_("A slander or an insult is of another person («другого лица»: CC 2014 Arts. 130(1), 131(1); AOC "
                "2014 Art. 73-3(1); CC 1997 Arts. 129(1), 130(1)); the state or the public is not one, so no slander "
                "or insult part answers. The statements may fall under other articles, which the library does not "
                "weigh under this conduct: an insult of national honour and dignity or of religious feelings "
                "(conduct incitement_of_discord: CC 2014 Art. 174(1), CC 1997 Art. 164(1)), false information "
                "(conduct false_information: CC 2014 Art. 274, AOC 2014 Art. 456-2) or an article it does not "
                "model. No answer is given.")
"""Why a slander or an insult of the state or the public (:func:`~kzspeechlaw.reasoning.classification.
impersonal`) is outside the modelled scope: other articles may reach it."""

ENTITY_TARGET_NOTE = N_("A slander or an insult is of another person («другого лица»: CC 2014 Arts. 130(1), 131(1); "
                        "AOC 2014 Art. 73-3(1); CC 1997 Arts. 129(1), 130(1)): a slander defames that person's honour "
                        "and dignity or undermines that person's reputation, an insult humiliates that person's honour "
                        "and dignity. Whether a legal entity is such a "
                        "person is a reading the library does not model: the Civil Code protects a legal entity's "
                        "business reputation, not its honour and dignity (Civil Code Art. 143(6)), and that civil "
                        "protection is outside the modelled scope. No answer is given.")
"""Why a slander or an insult of a legal entity (:data:`~kzspeechlaw.reasoning.classification.ENTITY_TARGET`)
is outside the modelled scope."""


def impersonal_note(facts: frozenset[str]) -> str:
    """The note for a slander or an insult that :func:`~kzspeechlaw.reasoning.classification.impersonal`
    takes out of the general parts: :data:`ENTITY_TARGET_NOTE` for a legal entity, :data:`IMPERSONAL`
    for the state or the public."""
    return ENTITY_TARGET_NOTE if ENTITY_TARGET in facts else IMPERSONAL


def assess(incident: Incident, decided_on: dt.date | str) -> Assessment:
    """The legal consequence of ``incident`` decided on ``decided_on`` (see the module docstring).

    ``decided_on`` is a date on or after the act date, up to :data:`kzspeechlaw.dates.LAST_DAY`
    (2099-12-31); other values raise :class:`~kzspeechlaw.InvalidIncident` or
    :class:`~kzspeechlaw.DateError`, as does an ``incident`` that is not an :class:`Incident`.
    """
    return _reason(incident, _checked(incident, decided_on), None)


def law_answer(incident: Incident, decided_on: dt.date | str) -> LawAnswer:
    """What the law of ``decided_on`` answers for ``incident`` before the limitation period and the
    amnesties are weighed (:class:`~kzspeechlaw.reasoning.results.LawAnswer`): the same reasoning as
    :func:`assess` up to the governing part and its sanctions, for a note that compares the law of
    two dates; the same input errors."""
    found = _law(incident, _checked(incident, decided_on), None)
    if isinstance(found, Assessment):
        return LawAnswer(found.governing, found.statutory, found.outcome)
    return LawAnswer(found.governing, found.assessed.sanctions, None)


def _checked(incident: Incident, decided_on: dt.date | str) -> dt.date:
    """The decision date, where ``incident`` is an incident and the date is one it can be decided on
    (:func:`assess` says which)."""
    check_incident(incident)
    decided = as_date(decided_on, "decided_on")
    expected = out_of_range(decided)
    if expected is not None:
        raise InvalidIncident("decided_on", decided_on, expected)
    warn_if_stale(decided)
    if decided < incident.act_date:
        raise InvalidIncident(
            "decided_on", decided.isoformat(), Message("a date on or after the act date {day}", day=incident.act_date)
        )
    for name in DECIDED_AFTER:
        day = getattr(incident, name)
        if day is not None and day > decided:
            raise InvalidIncident(name, day.isoformat(),
                                  Message("a date on or before the decision date {day}", day=decided))
    return decided


class _Explanation(NamedTuple):
    notes: tuple[str, ...]
    trace: tuple[Step, ...]


def _explain(a: Assessment) -> _Explanation:
    """The notes and trace of an assessment: the same reasoning as :func:`assess`, run again with
    its text written (the decision is the same: every step is a pure function of the facts)."""
    say = Say(a._assessed)
    _reason(a.incident, a.decided_on, say)
    in_force_notes(say, a.incident, a.decided_on, law_answer, a)
    return _Explanation(tuple(say.notes), tuple(say.trace))


def _displaced(incident: Incident, first: Provision) -> tuple[bool, tuple[Any, ...]]:
    """Whether the part the facts fall under gives no route: a legal entity under a criminal code,
    or an unmodelled special article that may displace it (the entries of the scope register)."""
    entity = first.regime is Regime.CRIMINAL and not first.reaches(incident.offender)
    if entity:
        return entity, ()
    crimes = (scope.criminal_unmodelled(incident)
              if first.regime is Regime.ADMINISTRATIVE and incident.offender not in ENTITIES else ())
    return entity, tuple(dict.fromkeys((*scope.special_unmodelled(incident), *crimes)))


def date_windows(a: Assessment) -> tuple[tuple[Window, ...], tuple[Window, ...]]:
    """The windows in which the act date and the decision date change what the whole assessment
    says beyond the time index (:func:`kzspeechlaw.law.timeline.timeline`) and the limitation
    deadlines: near an inferred in-force date at a boundary of the route (either date:
    :func:`~kzspeechlaw.reasoning.explanation.date_caveat`), the days after an amnesty's unread
    cut-off where the governing part has a ``may_reach`` finding of it (the act date, counted:
    :meth:`~kzspeechlaw.law.amnesty_laws.Amnesty.may_reach`; whether the act is in the window is a
    matter of the index) and after an amnesty's unread entry into force (the decision date:
    :meth:`~kzspeechlaw.law.amnesty_laws.Amnesty.in_force_uncertain_on`). Incidents with these
    facts whose dates are in the same intervals of the index, on the same sides of the limitation
    deadlines and at the same places in these windows get the same text but for the dates
    themselves."""
    incident, decided = a.incident, a.decided_on
    near: tuple[Window, ...] = ()
    if a.matches and not any(_displaced(incident, a.matches[0].provision)):
        boundaries = route.find(a.matches, incident, decided).boundaries
        near = tuple(w for act, day in boundaries if (w := caveat_window(act, day)) is not None)
    reach: tuple[Window, ...] = ()
    if a.governing is not None:
        found = amnesty.findings(a.governing, incident.act_date, decided, amnesty.facts_of(incident),
                                 committed=amnesty.committed_part(a.matches, a.governing))
        reach = tuple(w for f in found if f.status is amnesty.Status.MAY_REACH
                      and (w := f.amnesty.reach_window) is not None)
    laws = amnesty.amnesties().laws
    return (*near, *reach), (*near, *(w for x in laws if (w := x.uncertain_window) is not None))


class _Governed(NamedTuple):
    """The law of an act that a part governs (:func:`_law`), before the limitation period and the
    amnesties are weighed."""

    matches: tuple[Match, ...]
    governing: Provision
    assessed: penalties.Penalties
    mci_date: dt.date | None
    general_day: dt.date


def _reason(incident: Incident, decided: dt.date, say: Say | None) -> Assessment:
    """Decide the consequence, writing each step of the trace and each note to ``say`` (where
    given) as the step is taken: the law that governs (:func:`_law`), then the limitation period
    and the amnesties."""
    found = _law(incident, decided, say)
    if isinstance(found, Assessment):
        return found
    matches, governing, assessed, mci_date, general_day = found
    period, outcome = _outcome(governing, incident, decided, matches)
    if say and period is None and governing.regime is Regime.CRIMINAL and minor_stated(incident):  # for_act
        say.note(N_("The facts state that the offender was a minor: the 1997 Code's rule on a minor's limitation "
                    "period was not read, so the library gives no period: an adult's has not run out, a minor's may "
                    "have, and then no sentence is due."))
    elif say and period is None:
        say.note(Message("The limitation period of {code} is not modelled.", code=governing.ref.code))
    elif say and period is not None:
        say.trace += limitation.trace(governing, incident, period, decided)
        say.note(limitation_note(governing, incident, period))
    if say:
        findings = amnesty.findings(governing, incident.act_date, decided, amnesty.facts_of(incident),
                                    committed=amnesty.committed_part(matches, governing))
        notes, steps = amnesty.explain(findings, incident.act_date, decided, outcome is Outcome.AMNESTIED)
        say.notes += notes
        say.trace += (Step(*step) for step in steps)
        if outcome is Outcome.LIABLE:  # a conviction on the decision date: a later amnesty may end its punishment
            say.notes += amnesty.later(amnesty.later_findings(governing, incident.act_date, decided,
                                                              amnesty.facts_of(incident),
                                                              amnesty.committed_part(matches, governing)))
        say.note(unmodelled_amnesty_note(governing, incident, decided, outcome))
    return Assessment(incident, decided, matches, governing, outcome, assessed.sanctions,
                      mci_date, governing.category, period, general_day)


def _law(incident: Incident, decided: dt.date, say: Say | None) -> Assessment | _Governed:
    """The law that governs the act on the decision date, writing each step to ``say`` (where
    given): classification, the route to the governing law (repeal, re-qualification, lex mitior
    over the whole law), the MCI date, the sanctions with the general part's bounds and the
    category; an assessment where no part governs (its outcome then decided)."""
    ask: Assess = assess if say is None or say.assess is None else say.assess
    matches = matching_parts(incident)
    if not matches:
        outside = scope.outside(incident)
        impersonal_ = impersonal(incident.facts)
        if say and outside:
            for entry in outside:
                say.trace.append(Step(Message("No modelled provision covers these facts on the act date {day}; "
                                              "{why}", day=incident.act_date, why=scope.describe(entry)),
                                      f"{entry.ref or entry.code} (not modelled)"))
                say.notes.append(Message("Outside the modelled scope: {why}. The facts may fall under it; the library "
                                         "gives no answer.", why=scope.describe(entry)) if entry.number
                                 else Message("Outside the modelled scope: {why}.", why=scope.describe(entry)))
            if impersonal_:
                say.note(impersonal_note(incident.facts))
        elif say:
            what_if_notes(say, incident, decided, matches, ask)
            say.trace.append(Step(Message("No modelled provision covers these facts on the act date {day}",
                                          day=incident.act_date), ""))
            if impersonal_:
                say.note(impersonal_note(incident.facts))
            else:
                say.note(encroachment_note(incident, decided, ask))
            say.notes += (
                Message("{ref} covers these facts on {day}, but no modelled provision did on the act date: a law "
                        "establishing liability is not retroactive (CC 2014 Art. 6(3); AOC 2014 Art. 5(2)).",
                        ref=str(m.provision.ref), day=decided)
                for m in matching_parts(incident, on=decided))
        outcome = Outcome.OUTSIDE_SCOPE if outside or impersonal_ else Outcome.NO_PROVISION
        return Assessment(incident, decided, matches, None, outcome, (), None, None, None)

    first = matches[0].provision
    if say:
        what_if_notes(say, incident, decided, matches, ask)
        say.trace += falls_under_steps(matches, incident.act_date)
        say.note(channel_reading(first, incident))
        say.note(public_reading(first, incident, decided, ask))
        say.notes += (Message("The facts also fall under {ref} ({title}).", ref=str(o.provision.ref),
                              title=o.provision.title)
                      for o in matches[1:] if not o.undecided_by)
        undecided_notes(say, incident, decided, matches, ask)
        say.notes += open_element_notes(incident, first)
        say.note(open_element_fallback(incident, matches))
        say.notes += unstated_alternative_notes(incident, first, decided)
        say.notes += concurrent_unmodelled_notes(incident, first)
    entity, special = _displaced(incident, first)
    if special:  # an unmodelled special article may displace the match: no answer
        if say:
            special_unmodelled(say, incident, decided, first, special, ask)
        return Assessment(incident, decided, matches, None, Outcome.OUTSIDE_SCOPE, (), None, first.category, None)
    if say:
        say.trace.append(Step(Message("The law in force at the time of the act governs ({ref} as of {day})",
                                      ref=str(first.ref), day=incident.act_date), *time_rule(first.regime, decided)))
    if entity:
        # an administrative article the data does not model may reach the entity (AOC 2014 Art. 490(2)
        # fines «на юридических лиц» an insult of religious feelings «если ... не содержат признаков
        # уголовно наказуемого деяния»): not a certain "no provision"
        administrative = tuple(e for e in scope.unmodelled_on(incident, incident.act_date)
                               if not e.code.startswith("CC")) or scope.unmodelled_codes(incident.act_date)
        if say:
            say.note(N_("A legal entity is not a subject of criminal liability; the Criminal Code punishes natural "
                        "persons."))
            say.notes += (Message("Outside the modelled scope: {why}. The facts may fall under it; the library "
                                  "gives no answer.", why=scope.describe(e)) for e in administrative)
        outcome = Outcome.OUTSIDE_SCOPE if administrative else Outcome.NO_PROVISION
        return Assessment(incident, decided, matches, None, outcome, (), None, first.category, None)

    way = route.find(matches, incident, decided)
    if say:
        say.trace += way.steps
        say.notes += way.notes
        for act, day in way.boundaries:
            say.note(date_caveat(act, day, incident.act_date, decided))
            say.note(other_side(incident, decided, matches, act, day))
            if way.governing is None:  # removed by a repeal: the decision date's side of its day
                say.note(repeal_side(incident, way.outcome, act, day, decided))
        say.notes += way.closing_notes
    governing = way.governing
    if governing is None:
        return Assessment(incident, decided, matches, None, way.outcome, (), None, first.category, None)
    if not governing.reaches(incident.offender):  # a legal entity beyond the administrative part (AOC 2014 Art. 33(1))
        if say:
            rule = general_rule("rule", "AOC2014", "legal_entity_liability", on=incident.act_date)
            say.note(Message("{ref} sets no sanction for a legal entity, and a legal entity is liable for an "
                             "administrative offence only in the cases the Special Part provides for ({rule}): no "
                             "modelled part these facts fall under reaches it. A natural person or an official who "
                             "made the statement is assessed as such (offender natural_person or official).",
                             ref=str(governing.ref), rule=rule.cite()))
            say.trace.append(Step(Message("{ref} sets no sanction for a legal entity: no administrative liability "
                                          "for it", ref=str(governing.ref)), rule.cite(), rule.source))
        return Assessment(incident, decided, matches, None, Outcome.NO_PROVISION, (), None, governing.category, None)

    if incident.offender in ENTITIES and governing.regime is Regime.ADMINISTRATIVE and not penalties.sanctions_for(
            governing, incident.offender.value):  # it fines other kinds of legal entity, not this one
        if say:
            what = Message("{ref} names no rate for a {subject}, though it fines other legal entities: whether and at "
                           "which rate this one is liable is not modelled (AOC 2014 Art. 33(1): a legal entity is "
                           "liable «в случаях, предусмотренных Особенной частью»).", ref=str(governing.ref),
                           subject=incident.offender)
            say.note(what)
            say.trace.append(Step(what, f"{governing.ref} (not modelled)"))
        return Assessment(incident, decided, matches, None, Outcome.OUTSIDE_SCOPE, (), None, governing.category, None)

    stopped = unfinished(governing, incident, decided)
    if stopped is not None:  # an unfinished crime the Code does not punish (CC 2014 Art. 24(2), (4))
        if say:
            say.note(stopped.note)
            say.trace.append(stopped.step)
        return Assessment(incident, decided, matches, None, stopped.outcome, (), None, governing.category, None)

    if say:  # the age of liability of the act's time (a later code's is not retroactive, CC 2014 Art. 6(3))
        say.note(age_note(first, incident, governing))
    subject = incident.offender.value
    mci_date, basis = penalties.mci_date(governing, incident, decided)
    general_day = way.general_day or incident.act_date
    assessed = penalties.for_subject(governing, subject, general_day, mci_date, decided, incident.act_date)
    if say:  # the imposable ranges are otherwise written when first read (Assessment.sanctions)
        sanctions = penalties.imposable(governing, assessed.sanctions, incident, general_day, decided)
        for before, after in zip(assessed.sanctions, sanctions, strict=True):
            if after.note != before.note:  # a condition the sentencing rules leave open (young_children)
                say.note(after.note)
        step, note = penalties.mci_date_step(governing, incident.act_date, mci_date, basis)
        say.note(note)
        say.trace.append(step)
        barred = governing.barred_for(incident.offender)
        if barred:
            rule = general_rule("rule", "AOC2014", "legal_entity_penalties", on=incident.act_date)
            kinds = join((Code(k) for k in dict.fromkeys(s.kind for s in barred)), ", ")
            say.note(Message("{ref} also provides {kinds}, which cannot be imposed on a legal entity ({rule}): "
                             "left out.", ref=str(governing.ref), kinds=kinds, rule=rule.cite()))
            say.trace.append(Step(Message("{kinds}: not imposable on a legal entity", kinds=kinds), rule.cite(),
                                  rule.source))
        if entity_kind_open(governing, incident):
            unnamed = [k for k in ENTITY_KINDS if not penalties.sanctions_for(governing, k.value)]
            say.note(Message("The facts do not say which kind of legal entity the offender is: {ref} names no rate for "
                             "a {kinds}, for which whether and at which rate it is liable is not modelled; the rates "
                             "above are those of the kinds it names.", ref=str(governing.ref),
                             kinds=join(unnamed, OR)))
        if not sanctions:
            say.note(Message("{ref} sets no sanction for a {subject}.", ref=str(governing.ref),
                             subject=incident.offender))
        for text in assessed.notes:  # one per sanction may say the same (no MCI for the date)
            say.note(text)
        if governing.exempt_sanctions:
            say.note(exempt_note(governing))
        if governing.additional:
            say.note(additional_note(governing))
        say.trace += assessed.steps
        say.trace += penalties.imposable_steps(sanctions, general_day, decided)
        if sanctions and not any(s.available for s in sanctions):
            say.note(N_("Every alternative is suspended on the decision date."))
        say.trace.append(penalties.category_step(governing))
    return _Governed(matches, governing, assessed, mci_date, general_day)


def _outcome(governing: Provision, incident: Incident, decided: dt.date,
             matches: tuple[Match, ...] = ()) -> tuple[Limitation | None, Outcome]:
    """The limitation period under ``governing`` and the outcome: liable, time-barred (or unless an
    open fact stopped the period), or amnestied by an amnesty law in force on the decision date
    (:mod:`kzspeechlaw.reasoning.amnesty`; one of the code of the act's time alone weighs the act
    under ``matches``' first part)."""
    period = limitation.for_act(governing, incident, decided)
    outcome = _limitation_outcome(period)
    if outcome is not Outcome.TIME_BARRED and amnesty.released(governing, incident.act_date, decided,
                                                               amnesty.facts_of(incident),
                                                               amnesty.committed_part(matches, governing)):
        outcome = Outcome.AMNESTIED
    return period, outcome


def _limitation_outcome(period: Limitation | None) -> Outcome:
    """Liable, time-barred, or time-barred unless an open fact stopped the period (see ``depends_on``)."""
    if period is None or not period.expired:
        return Outcome.LIABLE
    return Outcome.TIME_BARRED if period.certain else Outcome.TIME_BARRED_UNLESS_STOPPED


_PART_FACTS = frozenset({"channel", "allegation", "in_connection_with_duties", "knowing_and_dangerous"})
"""The facts left open that a check's part may turn on (those :func:`alternatives` states)."""


def _contested(a: Assessment, result: sentencing.Check, kind: Penalty | str, amount: Quantity,
               extra: tuple[str, ...]) -> sentencing.Check:
    """``result``, not certain where a later law that the comparison leaves to the court
    (:attr:`~kzspeechlaw.reasoning.route.Route.contested`: mixed, or different only between the
    mildest and the heaviest punishment) gives an outcome that spares the offender more, or the
    sentence another verdict; the reasons name that law and its outcome or verdict."""
    found = route.find(a.matches, a.incident, a.decided_on).contested
    if not found:
        return result
    said: list[str] = []
    names: list[str] = []
    for later in found:
        doubt = _doubt(later)
        outcome = _outcome(later.version, a.incident, a.decided_on, a.matches)[1]
        spares = _FAVOUR.get(outcome, 2) - _FAVOUR.get(a.outcome, 2)
        if spares > 0:  # no sentence due under that law, or maybe none
            names.append(doubt)
            said.append(Message("Under {law} the outcome would be {outcome}: the verdict above holds if that law is "
                                "not milder.", law=later.name, outcome=Code(outcome)))
            continue
        if spares < 0:  # a law that would revive liability is not milder
            continue
        other = _later_check(a, later, kind, amount, extra)  # None: not the same verdict
        if other is not None and other.verdict == result.verdict:
            continue
        names.append(doubt)
        said.append(Message("Under {law}: {reason} The verdict above holds if that law is not milder.",
                            law=later.name, reason=other.reasons[0]) if other is not None and other.reasons else
                    Message("Under {law} the sentence cannot be weighed against the sanction: the verdict above holds "
                            "if that law is not milder.", law=later.name))
    if not names:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, *said), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, *names))))


def _measured_by_contested(a: Assessment, g: Provision, kind: Penalty | str, amount: Quantity,
                           extra: tuple[str, ...], error: AmountError) -> sentencing.Check:
    """A sentence the governing law's range cannot weigh (its kind in another measure: CC 1997
    correctional work in months, CC 2014 in MCI), where a later law the comparison leaves to the
    court (:func:`_contested`) measures it so: that law's verdict, not certain, the governing law's
    measure said; else the error stands."""
    for later in route.find(a.matches, a.incident, a.decided_on).contested:
        if _outcome(later.version, a.incident, a.decided_on, a.matches)[1] is not a.outcome:
            continue  # a law with another outcome is weighed by _contested, not here
        other = _later_check(a, later, kind, amount, extra)
        if other is None or other.verdict == "kind_not_available":
            continue  # that law did not weigh the amount either
        said = Message("The governing law {ref} cannot weigh the sentence ({error}); if {law} is applied: {reason} "
                       "The verdict holds if that law is milder.", ref=str(g.ref), error=str(error), law=later.name,
                       reason=other.reasons[0] if other.reasons else "-")
        return attrs.evolve(other, reasons=(said, *other.reasons[1:]), certain=False,
                            depends_on=tuple(dict.fromkeys((*other.depends_on, _doubt(later)))))
    raise error


def _later_check(a: Assessment, later: route.Contested, kind: Penalty | str, amount: Quantity,
                 extra: tuple[str, ...]) -> sentencing.Check | None:
    """The check of the sentence under a later law the comparison leaves to the court: its version
    with the general part of its day, the MCI that law takes; ``None`` where its range cannot weigh
    the amount."""
    version = later.version
    mci_date = penalties.mci_date(version, a.incident, a.decided_on)[0]
    assessed = penalties.for_subject(version, a.incident.offender.value, later.day, mci_date, a.decided_on,
                                     a.incident.act_date)
    ranges = sentencing.imposable(version, assessed.sanctions, sentencing.Facts.of(a.incident),
                                  tuple(c.value for c in a.incident.circumstances), later.day, a.decided_on)
    try:
        return sentencing.check(ranges, kind, amount, mci_date, version, later.day, extra)
    except LawError:
        return None


def _doubt(later: route.Contested) -> Message:
    """What a verdict turns on where a later law is left to the court (:func:`_doubts` reads it)."""
    return Message(_UNWEIGHED_DOUBT if later.verdict is Leniency.UNWEIGHED else _MIXED_DOUBT, law=later.name)


_FAVOUR = {Outcome.LIABLE: 0, Outcome.TIME_BARRED_UNLESS_STOPPED: 1}
"""How far an outcome spares the offender: liable, time-barred unless the period was stopped, and
(2, any other) no liability at all."""

_UNWEIGHED_DOUBT = N_("whether {law} is milder (not weighed: it differs from the governing law only between the "
                      "mildest and the heaviest punishment)")
_MIXED_DOUBT = N_("whether {law} is milder as a whole (it is milder in some respects and harsher in others: the "
                  "court compares them on the facts)")


def _doubts(check: sentencing.Check) -> list[str]:
    """What a check's verdict turns on besides the facts: the later laws left to the court
    (:func:`_contested`)."""
    return [d for d in check.depends_on if isinstance(d, Message) and d.template in (_UNWEIGHED_DOUBT, _MIXED_DOUBT)]


def _sentence_check(a: Assessment, g: Provision, kind: Penalty | str, amount: Quantity,
                    extra: tuple[str, ...], mci_date: dt.date | None = None) -> sentencing.Check:
    """The check of :meth:`Assessment.check` before the doubts that may make it not certain: a kind
    the offender cannot be given (a legal entity, AOC 2014 Art. 41(2)), a milder kind that is not
    available (:func:`~kzspeechlaw.reasoning.sentencing.milder_kind`), else the sentence against the
    imposable ranges (:func:`~kzspeechlaw.reasoning.sentencing.check`), an amount in tenge converted
    with the MCI of ``mci_date`` (default: the assessment's). Words naming another code's penalty
    ("administrative arrest" under a criminal article) raise :class:`~kzspeechlaw.AmountError`
    (:func:`~kzspeechlaw.reasoning.sentencing.as_penalty`)."""
    penalty = sentencing.as_penalty(kind, g)
    if any(s.kind is penalty for s in g.barred_for(a.incident.offender)):
        rule = general_rule("rule", "AOC2014", "legal_entity_penalties", on=a.incident.act_date)
        why = Message("{ref} provides {kind}, but it cannot be imposed on a legal entity ({rule}).",
                      ref=str(g.ref), kind=Code(penalty), rule=rule.cite())
        return sentencing.Check(penalty, amount, "kind_not_available", (rule.cite(),), (why, *extra))
    facts, on = sentencing.Facts.of(a.incident), a.general_day or a.incident.act_date
    if g.exempt_sanctions:
        exempt = sentencing.arrest_exemption(g, facts, on, a.decided_on)
        if isinstance(exempt, sentencing.Range) and all(s.kind is not penalty for s in g.exempt_sanctions):
            why = Message("The facts name a person to whom administrative arrest does not apply: the article's next "
                          "part applies, which gives no {kind}.", kind=Code(penalty))
            return sentencing.Check(penalty, amount, "kind_not_available", exempt.rules,
                                    (exempt_note(g), *exempt.reasons, why, *extra))
        if any(s.kind is penalty for s in g.exempt_sanctions) and all(s.kind is not penalty for s in a.sanctions):
            return _exempt_check(a, g, penalty, amount, extra, mci_date or a.mci_date, exempt)
    milder = (sentencing.milder_kind(g, penalty, facts, on, a.decided_on, a.incident.act_date)
              if all(s.kind is not penalty for s in a.sanctions) else sentencing.Open())
    if isinstance(milder, sentencing.Range):  # not even as a milder kind
        why = Message("The sanction has no {kind}, and as a milder kind ({rule}) it is not available on these "
                      "facts: {why}", kind=Code(penalty),
                      rule=sentencing.cited_exceptional(sentencing.exceptional_rule(g.ref.code, on)),
                      why=join(milder.reasons, "; "))
        return sentencing.Check(penalty, amount, "kind_not_available", milder.rules, (why, *extra))
    ranges = sentencing.imposable(g, a.sanctions, facts, (c.value for c in a.incident.circumstances), on,
                                  a.decided_on)
    result = sentencing.check(ranges, kind, amount, mci_date or a.mci_date, g, on, extra)
    result = _entity_kinds(a, g, ranges, penalty, amount, result, mci_date or a.mci_date, on, extra)
    if milder.depends and not result.certain:  # the persons a milder kind is not for, left open
        result = attrs.evolve(result, reasons=(*result.reasons, *milder.reasons),
                              depends_on=(*result.depends_on, *milder.depends))
    return result


def additional_note(g: Provision) -> str:
    """The additional punishments ``g``'s sanction prescribes beside the main ones (CC 2014 Art. 40(2)-(3),
    CC 1997 Art. 39(2)-(3)): mandatory where the sanction joins them with «с …» alone («с лишением права
    занимать определенные должности … на срок до трех лет», CC 2014 Art. 161(2); «с конфискацией
    имущества», Art. 256), optional where it adds «или без такового» (Art. 174(2)). The sanctions above
    and a sentence check weigh the main punishments alone."""
    def said(s: Sanction) -> str:
        return s.describe() if s.optional else Message("{text} (mandatory)", text=s.describe())

    return Message("Besides the main punishment, the sanction of {ref} prescribes {additional}; the sanctions above "
                   "and a sentence check weigh the main punishments alone.", ref=str(g.ref),
                   additional=join((said(s) for s in g.additional), ", "))


def _entity_kinds(a: Assessment, g: Provision, ranges: tuple[sentencing.Range, ...], penalty: Penalty,
                  amount: Quantity, result: sentencing.Check, mci_date: dt.date | None, on: dt.date,
                  extra: tuple[str, ...]) -> sentencing.Check:
    """``result`` for a legal entity of unstated kind, whose sanctions are every entity rate of the
    article (:meth:`~kzspeechlaw.law.model.Provision.sanctions_for`: a small, a medium, a large
    business, a non-profit organisation; AOC 2014 Art. 453(2) «влечет штраф ... на субъектов малого
    предпринимательства или некоммерческие организации – в размере пятидесяти, на субъектов среднего
    предпринимательства – в размере ста, на субъектов крупного предпринимательства – в размере двухсот
    месячных расчетных показателей»). Those rates are not alternatives a court chooses between but the law for each kind
    of entity: the sentence is weighed against each kind's rates, the reasons give each verdict, and
    where they differ the check is not certain and names ``offender``."""
    subjects = tuple(dict.fromkeys(s.sanction.subject for s in a.sanctions
                                   if s.kind is penalty and s.sanction.subject is not None))
    if a.incident.offender is not Offender.LEGAL_ENTITY or len(subjects) < 2:
        return result
    each = [(subject, sentencing.check(tuple(r for s, r in zip(a.sanctions, ranges, strict=True)
                                             if s.sanction.subject in (None, subject)),
                                       penalty, amount, mci_date, g, on, extra)) for subject in subjects]
    verdicts = join((Message("For a {subject}: {text}", subject=subject, text=check.reasons[0])
                     for subject, check in each), " ")
    if len({check.verdict for _, check in each}) == 1:
        return attrs.evolve(result, reasons=(
            Message("The facts do not say which kind of legal entity the offender is; the verdict is the same "
                    "for each. {verdicts}", verdicts=verdicts), *result.reasons[1:]))
    return attrs.evolve(result, certain=False, depends_on=(*result.depends_on, "offender"), reasons=(
        Message("The facts do not say which kind of legal entity the offender is, and the verdict turns on it. "
                "{verdicts}", verdicts=verdicts), *result.reasons[1:]))


def exempt_note(g: Provision, penalty: Penalty | None = None) -> str:
    """What the article's next part gives instead of ``g``'s sanction to the persons to whom
    administrative arrest does not apply (:attr:`~kzspeechlaw.law.model.Provision.exempt_sanctions`),
    of kind ``penalty`` where given."""
    return Message("For the persons to whom administrative arrest does not apply ({rule}), the article's next part "
                   "gives {sanction} instead of the sanction of {ref}.", rule=Cite("AOC 2014 Art. 50(2)"),
                   sanction=join((s.describe() for s in g.exempt_sanctions if penalty is None or s.kind is penalty),
                                 ", "), ref=str(g.ref))


def _exempt_check(a: Assessment, g: Provision, penalty: Penalty, amount: Quantity, extra: tuple[str, ...],
                  mci_date: dt.date | None, exempt: sentencing.Range | sentencing.Open) -> sentencing.Check:
    """A sentence of a kind that the article's next part gives, instead of ``g``'s arrest, to the
    persons to whom administrative arrest does not apply (:attr:`~kzspeechlaw.law.model.Provision.exempt_sanctions`;
    AOC 2014 Art. 434(3): «совершенные лицами, к которым административный арест в соответствии с
    частью второй статьи 50 настоящего Кодекса не применяется, – влекут штраф в размере двадцати
    месячных расчетных показателей»): weighed against that sanction, and certain only where the facts
    name such a person (a pregnant woman, a parent of children under fourteen: Art. 50(2)); else
    whether the offender is one decides (to anyone else part 2 gives no such kind): ``exempt``, whether
    arrest is barred for the offender (:func:`~kzspeechlaw.reasoning.sentencing.arrest_exemption`)."""
    facts, on = sentencing.Facts.of(a.incident), a.general_day or a.incident.act_date
    part = attrs.evolve(g, sanctions=g.exempt_sanctions, exempt_sanctions=())
    assessed = penalties.for_subject(part, a.incident.offender.value, on, mci_date or a.incident.act_date,
                                     a.decided_on, a.incident.act_date)
    ranges = sentencing.imposable(part, assessed.sanctions, facts, (c.value for c in a.incident.circumstances), on,
                                  a.decided_on)
    result = sentencing.check(ranges, penalty, amount, mci_date, part, on, extra)
    why = exempt_note(g, penalty)
    if isinstance(exempt, sentencing.Range):  # the facts name such a person
        return attrs.evolve(result, reasons=(why, *result.reasons, *exempt.reasons))
    return attrs.evolve(result, reasons=(why, *result.reasons, *exempt.reasons), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, *exempt.depends))))


def _assumed_mci(a: Assessment, g: Provision, result: sentencing.Check, kind: Penalty | str, amount: Quantity,
                 extra: tuple[str, ...]) -> sentencing.Check:
    """``result``, not certain where an administrative fine given in tenge was weighed with the MCI of
    the act date because the day the case was opened is not given (AOC 2014 Art. 44(1): that day's
    MCI), and the MCI of a later day up to the decision, when the case may have been opened, gives
    another verdict (or is not in the data); ``proceedings_date`` then decides."""
    if g.regime is not Regime.ADMINISTRATIVE or a.incident.proceedings_date is not None or a.mci_date is None:
        return result
    if minor_stated(a.incident):  # a minor's fine is weighed against the cap on each day (_administrative_minor)
        return result
    try:
        in_tenge = exact(amount)[0] == "KZT"
    except (AmountError, AttributeError):
        in_tenge = False
    if not in_tenge:
        return result
    rule = general_rule("rule", "AOC2014", "mci_date_administrative_fine", on=a.incident.act_date).cite()
    said: list[str] = []
    days, beyond = penalties.opening_days(a.incident, a.mci_date, a.decided_on)
    for day in days[1:]:
        try:
            other: sentencing.Check | None = _sentence_check(a, g, kind, amount, extra, mci_date=day)
        except LawError:
            other = None
        if other is not None and other.verdict == result.verdict:
            continue
        said.append(Message("The day the case was opened is not given, and administrative fines use its MCI ({rule}): "
                            "with the case opened on or after {day} the verdict differs ({reason}).", rule=Cite(rule),
                            day=day, reason=other.reasons[0] if other is not None and other.reasons else "-"))
        break
    if not said and beyond:
        said.append(Message("The day the case was opened is not given, and administrative fines use its MCI ({rule}): "
                            "the MCI after {day} is not in the data, and the case may have been opened later.",
                            rule=Cite(rule), day=law().mci_until))
    if not said:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, *said), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, "proceedings_date"))))


def _unstated_doubt(a: Assessment, result: sentencing.Check) -> sentencing.Check:
    """``result``, not certain where a heavier part that absorbs the one the act falls under also
    reaches it on an alternative no incident field states
    (:func:`~kzspeechlaw.reasoning.explanation.unstated_alternatives`, e.g. CC 2014 Art. 299-1(2),
    item 3), «в организациях образования, а также на объектах массового скопления людей»): the
    sentence is weighed against the part's sanctions, and the heavier part's may allow it (or
    bar it)."""
    if not a.matches:
        return result
    first = a.matches[0].provision
    names = unstated_alternatives(a.incident, first, a.decided_on)
    if not names:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, *unstated_alternative_notes(a.incident, first, a.decided_on)),
                        certain=False, depends_on=tuple(dict.fromkeys((*result.depends_on, *names))))


def _reading_doubt(a: Assessment, result: sentencing.Check, kind: Penalty | str,
                   amount: Quantity) -> sentencing.Check:
    """``result``, not certain where the governing part reaches the act only on the data's reading of
    «Публичное оскорбление или иное посягательство на честь и достоинство» (CC 2014 Arts. 375(1),
    373(1); CC 1997 Arts. 318(1), 317-1(1):
    :func:`~kzspeechlaw.reasoning.explanation.public_reading_open`) and the same act about another
    person, the answer on the other reading, gives another verdict."""
    g = a.governing
    if g is None or not a.matches or g.ref != a.matches[0].provision.ref or not public_reading_open(g, a.incident):
        return result
    other = public_other(a.incident, a.decided_on, assess)
    try:
        verdict = other.check(kind, amount)
    except LawError:  # an amount the other part's range cannot be compared with: not the same verdict
        verdict = None
    if verdict is not None and verdict.verdict == result.verdict and verdict.certain:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, Message(
        "Read with «Публичное» governing «иное посягательство» too, {ref} does not reach an act not made publicly: "
        "the same act about another person gives {outcome}, and the verdict above holds on the data's reading "
        "only.", ref=str(g.ref), outcome=with_scope(other, Code(other.outcome)))), certain=False,
        depends_on=tuple(dict.fromkeys((*result.depends_on, "publicly"))))


def _wording_doubt(a: Assessment, result: sentencing.Check, kind: Penalty | str,
                   amount: Quantity) -> sentencing.Check:
    """``result``, not certain where the governing version's wording was not read (``text_read``
    false: :func:`~kzspeechlaw.reasoning.explanation.unread_wording`) and the next version's text,
    read, would give another verdict had it governed the act: the check then holds only on the last
    text read, and names ``wording``. Weighed as an act on the next version's first day decided on
    the same date, with the same MCI; a decision before that day cannot be weighed."""
    g = a.governing
    after = unread_wording(g) if g is not None else None
    if after is None:
        return result
    other: sentencing.Check | None = None
    if a.decided_on >= after.valid_from:
        moved = assess(moved_to(a.incident, after.valid_from), a.decided_on)
        if moved.mci_date is not None and a.mci_date is not None:
            moved = attrs.evolve(moved, mci_date=a.mci_date)
        try:
            with _weighing(after.act):  # the texts are weighed here, not the date of the next law
                other = moved.check(kind, amount)
        except (AmountError, OutOfCoverage):
            other = None
    if other is not None and other.verdict == result.verdict and (other.certain or not result.certain):
        return result
    head = Message("The wording of {ref} in force on the act date was not read: the data keep the last text read, "
                   "and the next text read, in force from {day} ({act}), may have governed the act", ref=str(g.ref),
                   day=after.valid_from, act=after.act) if g is not None else ""
    said = (Message("{head}; under it: {reason} The verdict above holds on the last text read only.", head=head,
                    reason=other.reasons[0]) if other is not None and other.reasons else
            Message("{head}; the sentence could not be weighed against it: the verdict above holds on the last text "
                    "read only.", head=head))
    return attrs.evolve(result, reasons=(*result.reasons, said), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, "wording"))))


def _open_element_doubt(a: Assessment, g: Provision, result: sentencing.Check) -> sentencing.Check:
    """``result``, not certain where the part the act falls under, or the governing one, has an
    element the facts leave open (:func:`~kzspeechlaw.reasoning.explanation.open_elements`, e.g. the
    knowledge of «заведомо ложной» in AOC 2014 Art. 456-1(2)): without it no sentence is due."""
    names = open_elements(a.incident, a.matches[0].provision, g) if a.matches else ()
    if not names or (result.verdict == "kind_not_available" and result.certain):
        return result
    return attrs.evolve(result, reasons=(*result.reasons, *open_element_notes(a.incident, a.matches[0].provision)),
                        certain=False, depends_on=tuple(dict.fromkeys((*result.depends_on, *names))))


def _minor(a: Assessment, result: sentencing.Check, kind: Penalty | str, amount: Quantity,
           extra: tuple[str, ...]) -> sentencing.Check:
    """``result`` where the facts state that the offender was a minor (the mitigating circumstance
    ``minor``). Under the 2014 Code the ranges hold a minor's punishments (Art. 81, the rule
    ``minor_limits``: :func:`~kzspeechlaw.reasoning.sentencing.ranges.imposable`), so a kind barred
    or an amount beyond them stands; a sentence within them is not certain where the part is not one
    of those Art. 15(2) makes a person liable for from 14: whether the offender was 16 at the act
    decides whether there is liability at all (``age``). Under the AOC, see
    :func:`_administrative_minor`."""
    g = a.governing
    if g is None or not minor_stated(a.incident):
        return result
    if g.ref.code == "AOC2014":
        return _administrative_minor(a, result, kind, amount, extra)
    if g.ref.code == "CC2014" and result.verdict == "kind_not_available" and not result.certain:
        return _minor_milder(a, result, kind, amount)
    if g.ref.code != "CC2014" or result.verdict != "within" or liable_from_14(g, a.incident):
        return result
    why = Message("The offender was a minor (the mitigating circumstance stated): a person is liable for {ref} from "
                  "16 (CC 2014 Art. 15(1)), so whether the offender was 16 at the time of the act decides whether any "
                  "sentence is lawful.", ref=str(g.ref))
    return attrs.evolve(result, reasons=(*result.reasons, why), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, "age"))))


def _minor_milder(a: Assessment, result: sentencing.Check, kind: Penalty | str,
                  amount: Quantity) -> sentencing.Check:
    """``result``, a kind the article does not provide, which a court may give only as a milder kind
    (CC 2014 Art. 55(4)): certainly above the maximum where ``amount`` is above a minor's limit of the
    kind (Art. 81(3)-(7), the rule ``minor_limits`` of the act's and the decision's day, the lower
    winning: :func:`~kzspeechlaw.reasoning.sentencing.ranges.imposable`), as a milder kind too; e.g.
    «Привлечение к общественным работам назначается на срок от сорока до ста пятидесяти часов»
    (Art. 81(5), 09.04.2016 text): 200 hours is above it."""
    penalty = sentencing.as_penalty(kind)
    if penalty is Penalty.IMPRISONMENT and a.incident.aggregate is sentencing.Aggregate.ESPECIALLY_GRAVE:
        return result  # over such an aggregate Art. 81(7) allows twelve years (aggravated murder, terrorism)
    days = (a.general_day or a.incident.act_date, a.decided_on)
    rules = list({r.valid_from: r for r in (sentencing.find("CC2014", "minor_limits", d) for d in days)
                  if r is not None}.values())
    caps = [q for q in (r.limit("maximum", penalty.value) for r in rules) if q is not None]
    if not caps:
        return result
    cap = min(caps, key=lambda q: exact(q)[1])
    try:
        (unit, value), (cap_unit, cap_value) = exact(amount), exact(cap)
    except (AmountError, AttributeError, KeyError, ValueError):
        return result
    if unit != cap_unit or value <= cap_value:
        return result
    cited = tuple(dict.fromkeys(r.cite() for r in rules))
    why = Message("Even as a milder kind, a minor's {kind} is at most {maximum} ({rule}): {amount} is above it.",
                  kind=Code(penalty), maximum=cap, rule=Cite(", ".join(cited)), amount=amount)
    return sentencing.Check(penalty, amount, "above_maximum", cited, (*result.reasons[:1], why))


def _administrative_minor(a: Assessment, result: sentencing.Check, kind: Penalty | str, amount: Quantity,
                          extra: tuple[str, ...]) -> sentencing.Check:
    """A check under the AOC where the facts state that the offender was a minor. A fine, where the
    part provides one, is capped at :data:`~kzspeechlaw.reasoning.penalties.MINOR_FINE_MCI` (Art. 66(1)
    caps the article's fine, and sets no floor): above the cap with the MCI of every day the case may
    have been opened, or above the article's own fine, it is above the maximum, certainly where that
    is so for a minor of 16 or 17 as for a younger person, who is not liable (Art. 28); else within
    but not certain (the age decides, and ``proceedings_date`` where the day's MCI does). Any other
    certain verdict but an unavailable kind (arrest for a minor, Art. 50(2), is one: the ranges bar
    it) is not certain: the age decides."""
    why = Message("The offender was a minor (the mitigating circumstance stated): a minor's administrative fine is at "
                  "most {limit} MCI whatever the article's fine ({rule}), and a person under 16 is not liable at "
                  "all.", limit=penalties.MINOR_FINE_MCI, rule=Cite("AOC 2014 Art. 66(1)"))
    if result.verdict == "kind_not_available" and result.certain:
        return result
    if sentencing.as_penalty(kind) is Penalty.FINE:
        counts = _in_mci(a, amount)
        if counts and all(n > penalties.MINOR_FINE_MCI for n in counts):
            return sentencing.Check(Penalty.FINE, amount, "above_maximum", ("AOC 2014 Art. 66(1)",), (why, *extra))
        if result.verdict == "above_maximum":  # above the article's own fine: above a minor's too
            return attrs.evolve(result, reasons=(*result.reasons, why))
        known = bool(counts) and all(n <= penalties.MINOR_FINE_MCI for n in counts)
        verdict = "within" if counts and counts[0] <= penalties.MINOR_FINE_MCI else "above_maximum"
        return sentencing.Check(Penalty.FINE, amount, verdict, ("AOC 2014 Art. 66(1)", *result.rules),
                                (why, *result.reasons), certain=False,
                                depends_on=tuple(dict.fromkeys(("age", *(() if known else ("proceedings_date",)),
                                                                *result.depends_on))))
    if not result.certain:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, why), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, "age"))))


def _in_mci(a: Assessment, amount: Quantity) -> list[Fraction]:
    """A fine in MCI: as given, or in tenge with the MCI of the day the case was opened (given), else
    of each day from the act to the decision that the MCI changes (AOC 2014 Art. 44(1)), the act
    date's first; empty where it cannot be told (another unit, or a day after the data's MCI)."""
    try:
        unit, value = exact(amount)
    except (AmountError, AttributeError):
        return []
    if unit == "MCI":
        return [value]
    if unit != "KZT" or a.mci_date is None:
        return []
    days, beyond = (penalties.opening_days(a.incident, a.mci_date, a.decided_on) if a.incident.proceedings_date is None
                    else ([a.mci_date], False))
    return [] if beyond else [value / monthly_index.mci_value(day).kzt for day in days]


_DOUBT = {
    True: (N_("whether Law {act} was in force on the act date (its in-force date {day} is the earliest possible, its "
              "publication not read)"),
           N_("Had Law {act} taken effect after the act (its in-force date {day} is the earliest possible, its "
              "publication not read)"),
           N_("{head}: {reason} The verdict above holds if the Law was in force on the act date."),
           N_("{head}, the sentence could not be weighed against that law's sanction: the verdict above holds if the "
              "Law was in force on the act date.")),
    False: (N_("whether Law {act} was in force on the decision date (its in-force date {day} is the earliest "
               "possible, its publication not read)"),
            N_("Had Law {act} taken effect after the decision (its in-force date {day} is the earliest possible, its "
               "publication not read)"),
            N_("{head}: {reason} The verdict above holds if the Law was in force on the decision date."),
            N_("{head}, the sentence could not be weighed against that law's sanction: the verdict above holds if "
               "the Law was in force on the decision date.")),
}
"""The words of :func:`_in_force_doubt`, by whether the act (``True``) or the decision is near the date."""

_COUNTED_DOUBT = {
    True: (N_("whether Law {act} was in force on the act date (its in-force date {day} is counted from a publication "
              "date not read in a primary text)"),
           N_("Had Law {act} taken effect after the act (its in-force date {day} is counted from a publication date "
              "not read in a primary text)")),
    False: (N_("whether Law {act} was in force on the decision date (its in-force date {day} is counted from a "
               "publication date not read in a primary text)"),
            N_("Had Law {act} taken effect after the decision (its in-force date {day} is counted from a publication "
               "date not read in a primary text)")),
}
"""The first two of :data:`_DOUBT`'s words for a date counted from an unread publication
(:func:`~kzspeechlaw.reasoning.explanation.counted_from_unread`: not the earliest possible)."""

_EARLY_DOUBT = (
    N_("whether Law {act} was already in force on the decision date (its in-force date {day} is counted from a "
       "publication date not read in a primary text: from {earliest} at the earliest)"),
    N_("Had Law {act} taken effect by the decision (its in-force date {day} is counted from a publication date not "
       "read in a primary text: from {earliest} at the earliest)"),
    N_("{head}: {reason} The verdict above holds if the Law was not yet in force on the decision date."),
    N_("{head}, the outcome would be {outcome}: the verdict above holds if the Law was not yet in force on the "
       "decision date."),
)
"""The words of :func:`_in_force_doubt` where the decision may come after a law whose in-force date
was counted from an unread publication date (:func:`~kzspeechlaw.law.timeline.unread_publication_days`)."""


_WEIGHING: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("_WEIGHING", default=frozenset())
"""The laws whose in-force doubt :func:`_in_force_doubt` is weighing: a check made as if such a law were
(or were not yet) in force does not weigh that law's doubt again, for that would only ask the
question being answered (and ask it back and forth without end)."""


@contextlib.contextmanager
def _weighing(*acts: str | None) -> Iterator[None]:
    """Within it, :func:`_in_force_doubt` leaves ``acts`` out (:data:`_WEIGHING`)."""
    token = _WEIGHING.set(_WEIGHING.get() | {act for act in acts if act is not None})
    try:
        yield
    finally:
        _WEIGHING.reset(token)


def _in_force_doubt(a: Assessment, result: sentencing.Check, kind: Penalty | str,
                    amount: Quantity) -> sentencing.Check:
    """``result``, not certain where a version or repeal on the route rests on a law whose in-force
    date was inferred (the earliest it could be: :func:`~kzspeechlaw.law.timeline.caveat_window`),
    the decision falls within a month after that date, and the case as if the law had not yet been
    in force gives another verdict: the check then holds only if the law was in force on the decision
    date, and names it. As if not in force: decided the day before the date, and an act on or after
    it moved to that day too; the MCI stays the decision date's (a fine's tenge are not what the law
    changed). The laws looked at: those of the route's versions, repeals and general part, and those
    of the governing code's sentencing rules taking effect between the act and the decision."""
    if not a.matches:
        return result
    names: list[str] = []
    said: list[str] = []
    decided, act_date = a.decided_on, a.incident.act_date
    laws = route.find(a.matches, a.incident, decided).boundaries
    if a.governing is not None:  # and the sentencing rules read on the act and decision dates
        laws += tuple((r.act, r.valid_from) for (code, _), rs in sentencing.rules().items()
                      if code == a.governing.ref.code for r in rs if r.valid_from <= decided)
    windows = {(act, day): caveat_window(act, day) for act, day in laws}
    read = {day for (_, day), window in windows.items() if window is None}  # days of laws whose dates were read
    weighing = _WEIGHING.get()
    for (act, day), window in windows.items():
        if window is None or day is None or day > decided or day in read or act in weighing:
            continue  # (a law of a read date the same day: the day before would undo it too)
        if day <= act_date and not window.holds(act_date):
            continue  # the act itself long after the date: the law was in force by then
        eve = day - dt.timedelta(days=1)
        on_act = not window.holds(decided)  # the act just after the date, the decision long after it
        if on_act and day > act_date:
            continue
        incident = moved_before(a.incident, eve, decision=not on_act)
        try:
            before = assess(incident, decided if on_act else eve)
            if before.mci_date is not None and a.mci_date is not None:
                before = attrs.evolve(before, mci_date=a.mci_date)
            with _weighing(act):
                other: sentencing.Check | None = before.check(kind, amount)
        except (AmountError, OutOfCoverage):  # not comparable, or the day before beyond the data: not the same
            other = None
        if other is not None and other.verdict == result.verdict and (other.certain or not result.certain):
            continue  # (the same verdict, but not certain there: this one is not either)
        name, had, holds, unweighed = _DOUBT[on_act]
        if counted_from_unread(day):
            name, had = _COUNTED_DOUBT[on_act]
        names.append(Message(name, act=act, day=day))
        head = Message(had, act=act, day=day)
        said.append(Message(holds, head=head, reason=other.reasons[0]) if other is not None and other.reasons else
                    Message(unweighed, head=head))
    for day, acts, earliest in unread_publication_days():
        if not earliest <= decided < day or weighing.issuperset(acts):
            continue
        # the decision before the date counted, but perhaps after the law took effect: as if decided on that date
        later = assess(a.incident, day)
        try:
            with _weighing(*acts):
                other = later.check(kind, amount) if later.governing is not None else None
        except (AmountError, OutOfCoverage):
            other = None
        if other is not None and other.verdict == result.verdict and (other.certain or not result.certain):
            continue  # (the same verdict under the law of that date)
        name, had, holds, gone = _EARLY_DOUBT
        for act in acts:
            names.append(Message(name, act=act, day=day, earliest=earliest))
            head = Message(had, act=act, day=day, earliest=earliest)
            said.append(Message(holds, head=head, reason=other.reasons[0]) if other is not None and other.reasons
                        else Message(gone, head=head, outcome=Code(later.outcome)))
    if not names:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, *said), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, *names))))


def _unsettled(a: Assessment, result: sentencing.Check, kind: Penalty | str, amount: Quantity) -> sentencing.Check:
    """``result``, not certain where a fact ``a`` leaves open would give another part and another
    verdict, or a part whose verdict turns on a further fact left open
    (:func:`~kzspeechlaw.reasoning.explanation.alternatives`): the check holds on the facts stated
    only, and names the facts and the part they would give."""
    names: list[str] = []
    said: list[str] = []
    for field, stated, alt in alternatives(a, a._assessed):
        try:
            other = alt.check(kind, amount)
        except LawError:  # an amount the other part's range cannot be compared with: not the same verdict
            other = None
        deeper = [d for d in other.depends_on if d in _PART_FACTS] if other is not None else []
        doubts = _doubts(other) if other is not None else []
        # a repetition part («повторно», «неоднократно») whose own verdict is open (for the persons arrest
        # does not apply to, AOC 2014 Art. 434(3)): the same verdict there does not settle it, and the
        # reason names its facts
        beyond = ([d for d in other.depends_on if d not in result.depends_on and d not in deeper and d not in doubts]
                  if field == "repeated" and other is not None and not other.certain else [])
        if other is not None and other.verdict == result.verdict and not deeper and not doubts and not beyond:
            continue
        names += [*field.split(", "), *deeper, *doubts]
        if alt.governing is None:
            said.append(Message("With {facts} the outcome is {outcome}: the verdict above holds on the facts stated "
                                "only.", facts=stated, outcome=Code(alt.outcome)))
        elif other is not None and other.verdict == result.verdict:
            said.append(Message("With {facts} the governing part is {ref}, whose verdict turns on {more} too: the "
                                "verdict above holds on the facts stated only.", facts=stated,
                                ref=str(alt.governing.ref),
                                more=join([*([", ".join([*deeper, *beyond])] if deeper or beyond else []), *doubts],
                                          "; ")))
        else:
            said.append(Message("With {facts} the governing part is {ref}, and the verdict differs: the verdict above "
                                "holds on the facts stated only.", facts=stated, ref=str(alt.governing.ref)))
    if not names:
        return result
    return attrs.evolve(result, reasons=(*result.reasons, *said), certain=False,
                        depends_on=tuple(dict.fromkeys((*result.depends_on, *names))))
