"""An incident: the facts of one speech act, in the vocabulary of :mod:`kzspeechlaw.law.facts`.

>>> inc = Incident(act_date="2020-03-26", conduct="false_information",
...                channel="telecom_network", circumstances={"emergency"})
>>> sorted(inc.facts)[:3]
['channel:telecom_network', 'circumstance:emergency', 'conduct:false_information']
>>> Incident(act_date="26.03.2020", conduct=" Insult ", target=None).to_dict()["target"]
'person'
>>> Incident(act_date="2020-03-26", conduct="gossip")
Traceback (most recent call last):
...
kzspeechlaw.errors.InvalidIncident: invalid incident field 'conduct': 'gossip'; expected one of ...
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs

from kzspeechlaw.errors import InvalidIncident, LawError, quote
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.law.facts import (
    ENTITIES,
    Allegation,
    Channel,
    Circumstance,
    Conduct,
    Discord,
    Falsity,
    Link,
    Offender,
    Target,
)
from kzspeechlaw.reasoning import fields
from kzspeechlaw.reasoning.fields import FIELDS, is_blank
from kzspeechlaw.reasoning.sentencing import Aggravating, Aggregate, Mitigating, Procedure, Stage, names_minor

YOUNG_CHILDREN = (
    "a woman having a child under fourteen, or a man raising one alone (CC 2014 Arts. 45(3), 68(2), 74(1); AOC Art. "
    "50(2); CC 2014 Art. 43(3) and AOC Art. 49-1(7) name a child under three, which the answer leaves open); for a "
    "woman raising a child not her own, leave it unstated: CC 2014 Art. 45(3) from "
    "Law 72-VIII and Arts. 43(3), 68(2), 74(1) from Law 210-VIII name her («имеющим или воспитывающим»), the other "
    "wordings do not («имеющим»)")
"""What the incident's ``young_children`` states (the JSON Schema's description of it). One answer
cannot be true of a woman raising a child not her own under both kinds of wording that one
assessment may read, so she leaves it unstated, and the answer says what it turns on."""


class _Fields(type):
    """Builds an :class:`Incident` only from its own fields: an unknown keyword or one positional
    value too many raises :class:`~kzspeechlaw.InvalidIncident` (as :meth:`Incident.from_dict`
    does), not Python's ``TypeError``. Type checkers still read the fields' own signature."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        unknown = sorted(key for key in kwargs if key not in _FIELD_SET)
        if unknown:
            raise InvalidIncident(unknown[0], kwargs[unknown[0]],
                                  Message("a field among {fields}", fields=", ".join(FIELDS)))
        if len(args) > len(FIELDS):
            raise InvalidIncident("incident", args, Message("at most {count} values in the order of the fields "
                                                            "{fields}", count=len(FIELDS), fields=", ".join(FIELDS)))
        return super().__call__(*args, **kwargs)


@attrs.frozen
class Incident(metaclass=_Fields):
    """The facts of a speech act. Strings or the enums of :mod:`kzspeechlaw.law.facts` are accepted:
    values trimmed and case-folded, dates ISO or ``DD.MM.YYYY``; a blank value (``None``, ``""``,
    ``NaN``) is a fact not stated, so an optional field takes its default.

    ``act_date`` is the day of the act (first publication); ``proceedings_date``, when known, the
    day the case was opened (it fixes the MCI of administrative fines, AOC Art. 44(1)). Both lie
    in :data:`kzspeechlaw.dates.FIRST_DAY` .. :data:`kzspeechlaw.dates.LAST_DAY` (1991-12-16 to
    2099-12-31); an aware datetime counts by its day in Kazakhstan's time
    (:func:`kzspeechlaw.dates.as_date`).

    ``discord`` and ``circumstances`` are sets: an iterable of values, a text of values separated
    by ``;`` or ``,``, or a mapping of values to booleans (``{"emergency": true}``; a value mapped
    to ``false`` is absent, anything but a boolean is refused).
    The facts that stop a limitation period, when known: ``referred_on``, the day an
    administrative case was sent to court (the period stands still from then, AOC Art. 62(5));
    ``evaded_from``, the day from which the person evaded the investigation or the court, and
    ``evaded_until``, the day of the arrest or surrender that ended it (the period of a crime
    stands still in between, CC 2014 Art. 71(4); CC 1997 Art. 69(3)).
    ``in_connection_with_duties``: whether the act was connected with the target's office (the
    link the special articles require, :class:`~kzspeechlaw.law.facts.Link`); ``None``, not stated,
    leaves the special and the general article side by side. ``knowing_and_dangerous``: whether
    false information was knowingly false and created a danger of a breach of public order or of
    substantial harm (:class:`~kzspeechlaw.law.facts.Falsity`; the crime of CC 2014 Art. 274 against
    the administrative offence of AOC 2014 Art. 456-2); ``None``: not stated.
    The sentencing facts (:mod:`kzspeechlaw.reasoning.sentencing`), each ``None`` where not stated:
    ``mitigating`` and ``aggravating`` circumstances (``True``/``False`` or a set of the kinds of
    CC 2014 Arts. 53-54), the ``stage`` (CC Art. 56), the ``procedure`` (CC Art. 55(3)), whether
    the person ``reconciled`` with the victim and the ``harm_compensated`` (CC Art. 68; AOC
    Art. 64), and whether the victim made a ``complaint`` (AOC Art. 64(1)); the ``aggregate``, other
    offences decided together (``none``, or the gravest category among them; CC Art. 58, AOC
    Art. 58), and whether the person is ``pregnant`` or has ``young_children`` (a woman having a
    child under fourteen, or a man raising one alone: :data:`YOUNG_CHILDREN`): for a
    deferral of the sentence (CC Art. 74) and the kinds a person may not be given (community
    service, CC Art. 43(3), AOC Art. 49-1(7); arrest, CC Art. 45(3), AOC Art. 50(2)).
    Unknown values and contradictory facts raise :class:`~kzspeechlaw.InvalidIncident`.
    """

    act_date: dt.date = attrs.field(default=None, converter=fields.act_date)  # required: None is refused
    conduct: Conduct = attrs.field(default=None, converter=fields.conduct)  # required: None is refused
    channel: Channel | None = attrs.field(default=None, converter=fields.channel)
    target: Target = attrs.field(default=Target.PERSON, converter=fields.target)
    allegation: Allegation | None = attrs.field(default=None, converter=fields.allegation)
    discord: frozenset[Discord] = attrs.field(factory=frozenset, converter=fields.discord)
    circumstances: frozenset[Circumstance] = attrs.field(factory=frozenset, converter=fields.circumstances)
    offender: Offender = attrs.field(default=Offender.NATURAL_PERSON, converter=fields.offender)
    proceedings_date: dt.date | None = attrs.field(default=None, converter=fields.proceedings_date)
    referred_on: dt.date | None = attrs.field(default=None, converter=fields.referred_on)
    evaded_from: dt.date | None = attrs.field(default=None, converter=fields.evaded_from)
    evaded_until: dt.date | None = attrs.field(default=None, converter=fields.evaded_until)
    in_connection_with_duties: bool | None = attrs.field(default=None, converter=fields.in_connection_with_duties)
    knowing_and_dangerous: bool | None = attrs.field(default=None, converter=fields.knowing_and_dangerous)
    mitigating: bool | frozenset[Mitigating] | None = attrs.field(default=None, converter=fields.mitigating)
    aggravating: bool | frozenset[Aggravating] | None = attrs.field(default=None, converter=fields.aggravating)
    stage: Stage | None = attrs.field(default=None, converter=fields.stage)
    procedure: Procedure | None = attrs.field(default=None, converter=fields.procedure)
    reconciled: bool | None = attrs.field(default=None, converter=fields.reconciled)
    harm_compensated: bool | None = attrs.field(default=None, converter=fields.harm_compensated)
    complaint: bool | None = attrs.field(default=None, converter=fields.complaint)
    aggregate: Aggregate | None = attrs.field(default=None, converter=fields.aggregate)
    pregnant: bool | None = attrs.field(default=None, converter=fields.pregnant)
    young_children: bool | None = attrs.field(default=None, converter=fields.young_children)
    facts: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.allegation is not None and self.conduct is not Conduct.SLANDER:
            raise InvalidIncident(
                "allegation", self.allegation.value, N_("no allegation unless conduct is 'slander'")
            )
        if self.discord and self.conduct is not Conduct.INCITEMENT_OF_DISCORD:
            raise InvalidIncident(
                "discord", sorted(d.value for d in self.discord),
                N_("no discord unless conduct is 'incitement_of_discord'")
            )
        if self.conduct is Conduct.INCITEMENT_OF_DISCORD and not self.discord:
            raise InvalidIncident(
                "discord", [], N_("at least one kind of discord for 'incitement_of_discord'")
            )
        if self.proceedings_date is not None and self.proceedings_date < self.act_date:
            raise InvalidIncident(
                "proceedings_date",
                self.proceedings_date.isoformat(),
                Message("a date on or after the act date {day}", day=self.act_date),
            )
        for name in ("referred_on", "evaded_from"):
            day = getattr(self, name)
            if day is not None and day < self.act_date:
                raise InvalidIncident(
                    name, day.isoformat(), Message("a date on or after the act date {day}", day=self.act_date)
                )
        if self.evaded_until is not None and (self.evaded_from is None or self.evaded_until < self.evaded_from):
            raise InvalidIncident(
                "evaded_until", self.evaded_until.isoformat(),
                N_("a date on or after evaded_from (the evasion it ends)") if self.evaded_from is not None
                else N_("no end of evasion without evaded_from"),
            )
        if self.offender in ENTITIES and names_minor(self.mitigating):
            raise InvalidIncident(
                "mitigating", "minor", f"no minor's circumstance for an offender that is a {self.offender.value} "
                "(a minor is a person under 18 at the time of the act: CC 2014 Art. 80(1), AOC 2014 Art. 65(1))"
            )
        if {Circumstance.REPEATED, Circumstance.NOT_REPEATED} <= self.circumstances:
            raise InvalidIncident(
                "circumstances", "repeated, not_repeated", N_("repeated or not_repeated, not both")
            )
        if self.channel is Channel.PRIVATE and Circumstance.PUBLIC_EVENT in self.circumstances:
            raise InvalidIncident(
                "channel", "private", N_("a public channel when the act was at a public event")
            )
        facts = _facts(self.conduct, self.channel, self.target, self.allegation, self.discord,
                       self.circumstances, self.offender, self.in_connection_with_duties,
                       self.knowing_and_dangerous)
        object.__setattr__(self, "facts", facts)

    def varied(self, **changes: Any) -> Incident:
        """The incident with ``changes`` (as :func:`attrs.evolve` gives it): each changed value goes
        through its field's converter and the checks of the whole incident run again; the fields
        that do not change are not converted again (the reasoning's what-ifs make many such)."""
        made = object.__new__(Incident)
        for name, convert in _CONVERTERS:
            if name in changes:
                object.__setattr__(made, name, convert(changes.pop(name)))
            else:
                object.__setattr__(made, name, getattr(self, name))
        if changes:
            raise TypeError(f"Incident has no field {sorted(changes)[0]!r}")
        made.__attrs_post_init__()
        return made

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Incident:
        """Build from a JSON-like mapping; anything else, and unknown keys, raise
        :class:`InvalidIncident` (an unknown key is named as its text)."""
        if not isinstance(data, Mapping):
            raise InvalidIncident("incident", data, N_("a mapping of incident fields"))
        unknown = sorted((key for key in data if key not in _FIELD_SET), key=_key_text)
        if unknown:
            raise InvalidIncident(_key_text(unknown[0]), data[unknown[0]],
                                  Message("a field among {fields}", fields=", ".join(FIELDS)))
        for required in ("act_date", "conduct"):
            if required not in data or is_blank(data[required]):
                raise InvalidIncident(required, data.get(required), N_("a value (the field is required)"))
        try:
            return cls(**data)
        except InvalidIncident:
            raise
        except (LawError, TypeError, ValueError) as error:
            raise InvalidIncident("incident", dict(data), str(error)) from None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready facts (sets as sorted lists, dates as ISO strings)."""
        return {
            "act_date": self.act_date.isoformat(),
            "conduct": self.conduct.value,
            "channel": self.channel.value if self.channel else None,
            "target": self.target.value,
            "allegation": self.allegation.value if self.allegation else None,
            "discord": sorted(d.value for d in self.discord),
            "circumstances": sorted(c.value for c in self.circumstances),
            "offender": self.offender.value,
            "proceedings_date": self.proceedings_date.isoformat() if self.proceedings_date else None,
            "referred_on": self.referred_on.isoformat() if self.referred_on else None,
            "evaded_from": self.evaded_from.isoformat() if self.evaded_from else None,
            "evaded_until": self.evaded_until.isoformat() if self.evaded_until else None,
            "in_connection_with_duties": self.in_connection_with_duties,
            "knowing_and_dangerous": self.knowing_and_dangerous,
            "mitigating": _kinds_json(self.mitigating),
            "aggravating": _kinds_json(self.aggravating),
            "stage": self.stage.value if self.stage else None,
            "procedure": self.procedure.value if self.procedure else None,
            "reconciled": self.reconciled,
            "harm_compensated": self.harm_compensated,
            "complaint": self.complaint,
            "aggregate": self.aggregate.value if self.aggregate else None,
            "pregnant": self.pregnant,
            "young_children": self.young_children,
        }


_FIELD_SET = frozenset(FIELDS)
_CONVERTERS: tuple[tuple[str, Callable[[Any], Any]], ...] = tuple(
    (f.name, cast(Callable[[Any], Any], f.converter)) for f in attrs.fields(Incident) if f.init)
"""Each field of an incident given to it, with its converter (every such field has one)."""

STATING: dict[str, str] = {"link": "in_connection_with_duties", "falsity": "knowing_and_dangerous"}
"""The incident field that states each deciding element field (:data:`kzspeechlaw.law.facts.DECIDING`)."""


DECIDED_AFTER = ("referred_on", "proceedings_date")
"""The dates of an incident a decision comes after: a case is opened and referred to court before it
is decided (:func:`~kzspeechlaw.reasoning.assessment.assess` refuses a later one)."""


def moved_before(incident: Incident, eve: dt.date, decision: bool) -> Incident:
    """``incident`` with its act date, and where the ``decision`` moves too its dates a decision
    comes after (:data:`DECIDED_AFTER`), no later than ``eve``: the day before a law's inferred
    in-force date, for the answer had the law not yet taken effect."""
    moved: dict[str, dt.date] = {"act_date": min(incident.act_date, eve)}
    if decision:
        moved |= {name: min(day, eve) for name in DECIDED_AFTER if (day := getattr(incident, name)) is not None}
    return incident.varied(**moved)


def moved_to(incident: Incident, day: dt.date) -> Incident:
    """``incident`` with its act on ``day`` (a law's in-force date that may be later than the law's
    real one), and its dates that come after the act no earlier than it."""
    moved: dict[str, dt.date] = {"act_date": day}
    for name in ("proceedings_date", "referred_on", "evaded_from", "evaded_until"):
        if (value := getattr(incident, name)) is not None:
            moved[name] = max(value, day)
    return incident.varied(**moved)


def minor_stated(incident: Incident) -> bool:
    """Whether the facts state that the offender was a minor: the mitigating circumstance ``minor``
    (:func:`~kzspeechlaw.reasoning.sentencing.names_minor`)."""
    return names_minor(incident.mitigating)


def check_incident(value: object) -> None:
    """Raise :class:`InvalidIncident` (field ``"incident"``) unless ``value`` is an :class:`Incident`."""
    if not isinstance(value, Incident):
        raise InvalidIncident(
            "incident", value, "a kzspeechlaw.Incident (build one from a mapping with Incident.from_dict)"
        )


def _key_text(key: object) -> str:
    """A mapping key as the field name an error gives (keys other than text are written out)."""
    return key if isinstance(key, str) else quote(key)


def _kinds_json(value: bool | frozenset[Any] | None) -> bool | list[str] | None:
    return sorted(v.value for v in value) if isinstance(value, frozenset) else value


@functools.lru_cache(maxsize=4096)
def _facts(
    conduct: Conduct, channel: Channel | None, target: Target, allegation: Allegation | None,
    discord: frozenset[Discord], circumstances: frozenset[Circumstance], offender: Offender,
    in_connection_with_duties: bool | None = None, knowing_and_dangerous: bool | None = None,
) -> frozenset[str]:
    """An incident's facts as ``field:value`` strings, the vocabulary of the elements in the data
    (remembered: registers repeat the same facts with other dates)."""
    facts = {f"conduct:{conduct.value}", f"target:{target.value}", f"offender:{offender.value}"}
    if offender in ENTITIES:
        facts.add("offender:legal_entity")
    if channel is not None:
        facts.add(f"channel:{channel.value}")
    if allegation is not None:
        facts.add(f"allegation:{allegation.value}")
    facts.update(f"discord:{d.value}" for d in discord)
    facts.update(f"circumstance:{c.value}" for c in circumstances)
    if in_connection_with_duties is not None:
        facts.add(f"link:{(Link.DUTIES if in_connection_with_duties else Link.NONE).value}")
    if knowing_and_dangerous is not None:
        facts.add(f"falsity:{(Falsity.KNOWING_DANGEROUS if knowing_and_dangerous else Falsity.OTHER).value}")
    return frozenset(facts)


_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of an incident file (shipped as ``data/incident.schema.json``)."""

    def values(enum_type: type[enum.StrEnum]) -> list[str]:
        return [m.value for m in enum_type]

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kzspeechlaw incident",
        "description": "The facts of one speech act, as read by kzspeechlaw.Incident.from_dict "
        "and the classify, assess and batch commands.",
        "type": "object",
        "required": ["act_date", "conduct"],
        "additionalProperties": False,
        "properties": {
            "id": {"description": "batch files only: the row's identifier, echoed in the output",
                   "type": ["string", "integer"]},
            "decided_on": {"description": "assess and batch: the decision date", **_DATE},
            "act_date": {"description": "the date of the speech act (first publication)", **_DATE},
            "conduct": {"enum": values(Conduct)},
            "channel": {"enum": [*values(Channel), None]},
            "target": {"enum": values(Target), "default": "person"},
            "allegation": {"description": "what a slander accuses its target of",
                           "enum": [*values(Allegation), None]},
            "discord": {"type": "array", "items": {"enum": values(Discord)}, "uniqueItems": True},
            "circumstances": {"type": "array", "items": {"enum": values(Circumstance)}, "uniqueItems": True,
                              "not": {"allOf": [{"contains": {"const": c.value}}  # one or the other, not both
                                                for c in (Circumstance.REPEATED, Circumstance.NOT_REPEATED)]}},
            "offender": {"enum": values(Offender), "default": "natural_person"},
            "proceedings_date": {
                "description": "the day the case was opened (fixes the MCI of administrative fines, "
                "AOC Art. 44(1))",
                "anyOf": [_DATE, {"type": "null"}],
            },
            "referred_on": {
                "description": "the day an administrative case was sent to court: the limitation period "
                "stands still from then (AOC Art. 62(5))",
                "anyOf": [_DATE, {"type": "null"}],
            },
            "evaded_from": {
                "description": "the day from which the person evaded the investigation or the court: the "
                "limitation period of a crime stands still from then (CC 2014 Art. 71(4))",
                "anyOf": [_DATE, {"type": "null"}],
            },
            "evaded_until": {
                "description": "the day of the arrest or surrender that ended the evasion: the period runs "
                "again from then (CC 2014 Art. 71(4)); needs evaded_from",
                "anyOf": [_DATE, {"type": "null"}],
            },
            "in_connection_with_duties": {
                "description": "whether the act was connected with the target's duties (при исполнении "
                "обязанностей или в связи с их исполнением; в связи с рассмотрением дел, досудебным "
                "расследованием, исполнением судебного акта); null or absent: not stated, and the special "
                "and the general article are both given",
                "type": ["boolean", "null"],
            },
            "knowing_and_dangerous": {
                "description": "false information only: whether it was knowingly false and created a danger "
                "of a breach of public order or of substantial harm (заведомо ложная информация, создающая "
                "опасность ...: the crime of CC 2014 Art. 274, not the offence of AOC 2014 Art. 456-2); null "
                "or absent: not stated, and both are given",
                "type": ["boolean", "null"],
            },
            "mitigating": {
                "description": "mitigating circumstances: true/false, or the kinds of CC 2014 Art. 53 "
                "(CC Art. 55(2)); null: not stated",
                "anyOf": [{"type": ["boolean", "null"]},
                          {"type": "array", "items": {"enum": values(Mitigating)}, "uniqueItems": True}],
            },
            "aggravating": {
                "description": "aggravating circumstances: true/false, or the kinds of CC 2014 Art. 54 "
                "(CC Art. 55(2)); null: not stated",
                "anyOf": [{"type": ["boolean", "null"]},
                          {"type": "array", "items": {"enum": values(Aggravating)}, "uniqueItems": True}],
            },
            "stage": {"description": "completed, or stopped at attempt or preparation (CC 2014 Art. 56)",
                      "enum": [*values(Stage), None]},
            "procedure": {"description": "the procedure of the case (CC 2014 Art. 55(3))",
                          "enum": [*values(Procedure), None]},
            "reconciled": {"description": "reconciled with the victim (CC 2014 Art. 68; AOC Art. 64)",
                           "type": ["boolean", "null"]},
            "harm_compensated": {"description": "the harm was made good (CC 2014 Art. 68)",
                                 "type": ["boolean", "null"]},
            "complaint": {"description": "the victim complained (AOC Art. 64(1))", "type": ["boolean", "null"]},
            "aggregate": {"description": "other offences decided together: none, or the gravest category among "
                          "them (CC 2014 Art. 58; AOC Art. 58: administrative_offence)",
                          "enum": [*values(Aggregate), None]},
            "pregnant": {"description": "the convicted person is a pregnant woman (CC 2014 Arts. 43(3), 45(3), "
                                        "74(1); AOC Arts. 49-1(7), 50(2))", "type": ["boolean", "null"]},
            "young_children": {"description": YOUNG_CHILDREN,
                               "type": ["boolean", "null"]},
        },
    }
