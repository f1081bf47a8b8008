"""The parts of an assessment and their JSON: the outcome, the steps of the trace, the sanctions
as assessed and the limitation period (:class:`kzspeechlaw.reasoning.assessment.Assessment` holds them).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any

import attrs

from kzspeechlaw import export
from kzspeechlaw.i18n import Message
from kzspeechlaw.law.facts import Offender
from kzspeechlaw.law.model import Penalty, Provision, Sanction, amount_key
from kzspeechlaw.memo import Memo
from kzspeechlaw.units import Quantity


class Outcome(enum.StrEnum):
    """The legal consequence an assessment arrives at; its JSON value is the member's value."""

    LIABLE = "liable"
    """A governing version punishes the act, and neither limitation nor an amnesty releases it."""
    DECRIMINALISED = "decriminalised"
    """A repeal removed criminal liability, and no part in force still covers the act (CC 2014 Art. 6(1))."""
    TIME_BARRED = "time_barred"
    """The limitation period expired, and no fact the incident leaves open could have suspended or
    interrupted it. A fact the part itself turns on may still be open (``depends_on``, e.g. an
    accusation of a grave crime that would give a longer period): the notes give that answer."""
    TIME_BARRED_UNLESS_STOPPED = "time_barred_unless_stopped"
    """The limitation period expired on the facts given, but a point left open (named in
    ``depends_on``; :attr:`Limitation.unless` says it) would keep liability: a fact that would have
    suspended or interrupted the period (a referral to court, an expert examination, evasion, a new
    offence: CC 2014 Art. 71; CC 1997 Art. 69; AOC 2014 Art. 62(5), (7)), or a point no suspension or
    interruption decides: whether the decision date, the period's closing day, still belongs to it
    (``last_day``), whether a minor's outer period is halved (``age``), whether a no-limitation rule
    was already in force (``in_force``). Liable if it does, time-barred if not."""
    NO_PROVISION = "no_provision"
    """No modelled part covered the act when committed; an administrative offence abolished since
    (AOC 2014 Art. 5(1)); a legal entity under the Criminal Code, which punishes natural persons; or a
    legal entity under an administrative part whose sanction names no legal entity (AOC 2014 Art. 33(1));
    a preparation or an attempt the Criminal Code does not punish (CC 2014 Art. 24(2), (4))."""
    AMNESTIED = "amnestied"
    """An amnesty law in force on the decision date releases the act (:mod:`kzspeechlaw.reasoning.amnesty`)."""
    OUTSIDE_SCOPE = "outside_scope"
    """No modelled part answers, but the facts may fall under a speech article the data does not
    model on the act date (the scope register, :mod:`kzspeechlaw.law.scope`, names it), or turn on
    a rule it does not model (a preparation or an attempt under the 1997 Code or the Code of
    Administrative Offences). A sentence check is then never certain."""


@attrs.frozen
class Step:
    """One step of the reasoning: what was decided, under which provision, from which source."""

    what: str
    citation: str
    source: str = ""


def step_dict(step: Step) -> dict[str, str]:
    """A step's JSON form: ``{"what", "citation", "source"}``."""
    return {"what": step.what, "citation": step.citation, "source": step.source}


_TEXTS = Memo(maxsize=16384)
"""The English text of each assessed sanction met (:meth:`AssessedSanction.describe`)."""


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
    still_for: frozenset[str] = frozenset()
    """The persons to whom a suspended kind still applies on both the act date and the decision date
    (CC 2014 Art. 467(1-1): military personnel, foreigners sentenced to expulsion), of
    :data:`~kzspeechlaw.law.sentencing_rules.PERSONS` (:func:`kzspeechlaw.reasoning.sentencing.suspended`)."""
    imposable_minimum: Quantity | None = None
    """The least a court may impose on the incident's sentencing facts (CC 2014 Art. 55(6); AOC
    Arts. 810, 819(2), 829-11): :mod:`kzspeechlaw.reasoning.sentencing`; ``None`` where no lower bound is modelled."""
    imposable_maximum: Quantity | None = None
    """The most a court may impose on those facts (CC 2014 Arts. 55(2)-(3), 56)."""
    imposable_rules: tuple[str, ...] = ()
    """The rules that moved the statutory bounds to the imposable ones."""
    depends_on: tuple[str, ...] = ()
    """What decides whether an available kind applies at all where the data cannot: :data:`~kzspeechlaw.
    reasoning.sentencing.ranges.LAPSED`, a suspension that ended after the newest text of the code read
    (:func:`kzspeechlaw.reasoning.sentencing.lapsed`; the ``note`` says which); nothing for a kind
    ``barred`` on the incident's facts, which no suspension decides."""
    barred: bool = False
    """The kind is not imposable on the incident's facts (``imposable_rules`` say why: AOC 2014 Art.
    43(2) where no aggravating circumstance is present; Art. 50(2), CC 2014 Art. 45(3) for the persons
    they name), as distinct from no bound modelled: a kind in force, or one the general part holds
    back save for some persons (``still_for``) whom the facts rule out too."""

    @functools.cached_property
    def _key(self) -> tuple[object, ...]:
        # By value, as amounts' numbers and units (pint compares and hashes quantities slowly).
        return (self.sanction, *map(amount_key, (self.minimum, self.maximum, self.minimum_kzt, self.maximum_kzt,
                                                 self.imposable_minimum, self.imposable_maximum)),
                self.floor, self.available, self.note, self.still_for, self.imposable_rules, self.barred,
                self.depends_on)

    def __eq__(self, other: object) -> bool:
        return self._key == other._key if isinstance(other, AssessedSanction) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

    @property
    def kind(self) -> Penalty:
        """The kind of punishment."""
        return self.sanction.kind

    @property
    def subject(self) -> Offender | None:
        """Whom the alternative is for (``None``: any offender)."""
        return self.sanction.subject

    def describe(self, lang: str | None = None) -> str:
        """E.g. ``"fine 200 MCI to 3 000 MCI (505 000 KZT to 7 575 000 KZT)"``; in ``lang`` where
        given (``"штраф от 200 МРП до 3 000 МРП (от 505 000 тенге до 7 575 000 тенге)"``), else in
        English as a :class:`~kzspeechlaw.i18n.Message`, as :meth:`Sanction.describe`."""
        text = _TEXTS.get((self, self.sanction.regime), self._english)
        return text if lang is None or not isinstance(text, Message) else text.render(lang)

    def _english(self) -> str:
        text = Sanction(self.kind, self.minimum, self.maximum, self.sanction.subject,
                        regime=self.sanction.regime).describe()
        if self.maximum_kzt is not None:
            if self.minimum_kzt is None:
                text = Message("{text} (up to {maximum})", text=text, maximum=self.maximum_kzt)
            elif self.minimum_kzt == self.maximum_kzt:
                text = Message("{text} ({amount})", text=text, amount=self.maximum_kzt)
            else:
                text = Message("{text} ({minimum} to {maximum})", text=text, minimum=self.minimum_kzt,
                               maximum=self.maximum_kzt)
        if not self.available:
            text = Message("{text} [suspended]", text=text)
        elif self.depends_on:
            text = Message("{text} [may be suspended: see the notes]", text=text)
        return text


def sanction_dict(s: AssessedSanction) -> dict[str, Any]:
    """An assessed sanction's JSON form."""
    return {
        "kind": s.kind.value,
        "subject": s.sanction.subject.value if s.sanction.subject else None,
        "minimum": export.quantity_dict(s.minimum),
        "maximum": export.quantity_dict(s.maximum),
        "minimum_kzt": export.quantity_dict(s.minimum_kzt),
        "maximum_kzt": export.quantity_dict(s.maximum_kzt),
        "floor": s.floor,
        "available": s.available,
        "note": s.note,
        "still_for": sorted(s.still_for),
        "depends_on": list(s.depends_on),
        "text": s.describe(),
        "imposable_minimum": export.quantity_dict(s.imposable_minimum),
        "imposable_maximum": export.quantity_dict(s.imposable_maximum),
        "imposable_rules": list(s.imposable_rules),
        "barred": s.barred,
    }


LIMITATION_STATUSES = ("running", "expired", "suspended", "none")
"""The states of a limitation period on the decision date (:attr:`Limitation.status`)."""


@attrs.frozen
class Limitation:
    """The limitation period: ``period`` (``None`` where none applies), its expiry and basis.

    ``status`` is one of :data:`LIMITATION_STATUSES`: ``running`` (not yet expired), ``expired``,
    ``suspended`` (standing still on the decision date: the case went to court, or the person
    evades; ``expires`` is then the outer limit where the code sets one) or ``none`` (no period
    applies). ``certain`` is false where a fact not given could keep an expired period from
    barring liability; ``unless`` names that fact. ``last_day``: the decision, or an evasion or a
    referral to court that would have stopped the period, falls on the day ``expires`` names, the
    period's closing day, which may still belong to it (``unless`` says so).
    """

    period: Quantity | None
    expires: dt.date | None
    article: str
    expired: bool
    certain: bool
    status: str = "running"
    unless: str = ""
    last_day: bool = False


@attrs.frozen
class LawAnswer:
    """What the law answers before the limitation period and the amnesties are weighed: the
    governing part with its sanctions as the general part and the MCI bound them, or, where no part
    governs, the outcome (:func:`kzspeechlaw.reasoning.assessment.law_answer`). ``outcome`` is
    ``None`` where a part governs: whether liability is time-barred or amnestied is not weighed."""

    governing: Provision | None
    statutory: tuple[AssessedSanction, ...]
    outcome: Outcome | None


def limitation_dict(lim: Limitation | None) -> dict[str, Any] | None:
    """A limitation's JSON form (``None`` where no period is modelled)."""
    if lim is None:
        return None
    return {
        "period": _period_dict(lim.period),
        "expires": lim.expires.isoformat() if lim.expires else None,
        "article": lim.article,
        "expired": lim.expired,
        "certain": lim.certain,
        "status": lim.status,
        "unless": lim.unless or None,
        "last_day": lim.last_day,
    }


def _period_dict(period: Quantity | None) -> dict[str, Any] | None:
    """A limitation period's JSON form."""
    return export.quantity_dict(period)
