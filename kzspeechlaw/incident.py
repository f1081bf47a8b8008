"""An incident: the facts of one speech act, in the vocabulary of :mod:`kzspeechlaw.facts`.

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
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from kzspeechlaw.dates import user_date
from kzspeechlaw.errors import DateError, InvalidIncident, LawError
from kzspeechlaw.facts import ENTITIES, Allegation, Channel, Circumstance, Conduct, Discord, Offender, Target

E = TypeVar("E", bound=enum.StrEnum)

FIELDS = (
    "act_date",
    "conduct",
    "channel",
    "target",
    "allegation",
    "discord",
    "circumstances",
    "offender",
    "proceedings_date",
    "referred_on",
    "evaded_from",
    "evaded_until",
)
"""The incident's fields, in the order of its JSON and CSV forms."""


def is_blank(value: Any) -> bool:
    """True for a value that states nothing: ``None``, an empty or all-space string, or a missing
    number or date of a table (``NaN``, pandas' ``NaT`` and ``NA``). A field given such a value is
    not stated (it takes its default)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, int | dt.date) and not isinstance(value, dt.datetime):
        return False
    try:
        return bool(value != value)  # NaN and NaT differ from themselves
    except (TypeError, ValueError):  # pandas' NA has no truth value; an array, no single one
        return type(value).__name__ == "NAType"


_SPACES = re.compile(r"[\s-]+")


def _word(value: Any) -> Any:
    """A vocabulary value as people write it, made the vocabulary's: trimmed, case-folded, inner
    spaces and hyphens as underscores (``" Telecom network "`` is ``telecom_network``)."""
    return _SPACES.sub("_", value.strip()).casefold() if isinstance(value, str) else value


@functools.cache
def _members(enum_type: type[E]) -> dict[str, E]:
    """The members of an enum by value (a member is found too: it equals its value)."""
    return {m.value: m for m in enum_type}


def _enum(enum_type: type[E], field: str, value: Any) -> E:
    try:
        member: E = _members(enum_type)[_word(value)]
    except (KeyError, TypeError):  # TypeError: an unhashable value
        allowed = ", ".join(repr(m.value) for m in enum_type)
        raise InvalidIncident(field, value, f"one of {allowed}") from None
    return member


def _enum_set(enum_type: type[E], field: str, value: Any) -> frozenset[E]:
    if is_blank(value):
        return frozenset()
    if isinstance(value, str):
        return _enum_text(enum_type, field, value)
    if not isinstance(value, Iterable):
        raise InvalidIncident(field, value, "a set of values")
    return frozenset(_enum(enum_type, field, v) for v in value if not is_blank(v))


@functools.lru_cache(maxsize=1024)
def _enum_text(enum_type: type[E], field: str, text: str) -> frozenset[E]:
    """A set written as text, values separated by ``;`` or ``,`` (as in a CSV cell); remembered,
    as registers repeat the same few cells."""
    return frozenset(_enum(enum_type, field, v) for v in text.replace(";", ",").split(",") if v.strip())


def _date(field: str, value: Any) -> dt.date | None:
    if is_blank(value):
        return None
    try:
        return user_date(value, field)
    except DateError:
        raise InvalidIncident(field, value, "a date (YYYY-MM-DD or DD.MM.YYYY)") from None


# One named converter per field (attrs and mypy need named functions).
def _act_date(value: Any) -> dt.date:
    day = _date("act_date", value)
    if day is None:
        raise InvalidIncident("act_date", value, "a date (YYYY-MM-DD or DD.MM.YYYY)")
    return day


def _proceedings_date(value: Any) -> dt.date | None:
    return _date("proceedings_date", value)


def _referred_on(value: Any) -> dt.date | None:
    return _date("referred_on", value)


def _evaded_from(value: Any) -> dt.date | None:
    return _date("evaded_from", value)


def _evaded_until(value: Any) -> dt.date | None:
    return _date("evaded_until", value)


def _conduct(value: Any) -> Conduct:
    return _enum(Conduct, "conduct", value)


def _channel(value: Any) -> Channel | None:
    return None if is_blank(value) else _enum(Channel, "channel", value)


def _target(value: Any) -> Target:
    return Target.PERSON if is_blank(value) else _enum(Target, "target", value)


def _allegation(value: Any) -> Allegation | None:
    return None if is_blank(value) else _enum(Allegation, "allegation", value)


def _discord(value: Any) -> frozenset[Discord]:
    return _enum_set(Discord, "discord", value)


def _circumstances(value: Any) -> frozenset[Circumstance]:
    return _enum_set(Circumstance, "circumstances", value)


def _offender(value: Any) -> Offender:
    return Offender.NATURAL_PERSON if is_blank(value) else _enum(Offender, "offender", value)


@attrs.frozen
class Incident:
    """The facts of a speech act. Strings or the enums of :mod:`kzspeechlaw.facts` are accepted:
    values trimmed and case-folded, dates ISO or ``DD.MM.YYYY``; a blank value (``None``, ``""``,
    ``NaN``) is a fact not stated, so an optional field takes its default.

    ``act_date`` is the day of the act (first publication); ``proceedings_date``, when known, the
    day the case was opened (it fixes the MCI of administrative fines, AOC Art. 44(1)).
    The facts that stop a limitation period, when known: ``referred_on``, the day an
    administrative case was sent to court (the period stands still from then, AOC Art. 62(5));
    ``evaded_from``, the day from which the person evaded the investigation or the court, and
    ``evaded_until``, the day of the arrest or surrender that ended it (the period of a crime
    stands still in between, CC 2014 Art. 71(4); CC 1997 Art. 69(3)).
    Unknown values and contradictory facts raise :class:`~kzspeechlaw.InvalidIncident`.
    """

    act_date: dt.date = attrs.field(converter=_act_date)
    conduct: Conduct = attrs.field(converter=_conduct)
    channel: Channel | None = attrs.field(default=None, converter=_channel)
    target: Target = attrs.field(default=Target.PERSON, converter=_target)
    allegation: Allegation | None = attrs.field(default=None, converter=_allegation)
    discord: frozenset[Discord] = attrs.field(factory=frozenset, converter=_discord)
    circumstances: frozenset[Circumstance] = attrs.field(factory=frozenset, converter=_circumstances)
    offender: Offender = attrs.field(default=Offender.NATURAL_PERSON, converter=_offender)
    proceedings_date: dt.date | None = attrs.field(default=None, converter=_proceedings_date)
    referred_on: dt.date | None = attrs.field(default=None, converter=_referred_on)
    evaded_from: dt.date | None = attrs.field(default=None, converter=_evaded_from)
    evaded_until: dt.date | None = attrs.field(default=None, converter=_evaded_until)
    facts: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.allegation is not None and self.conduct is not Conduct.SLANDER:
            raise InvalidIncident(
                "allegation", self.allegation.value, "no allegation unless conduct is 'slander'"
            )
        if self.discord and self.conduct is not Conduct.INCITEMENT_OF_DISCORD:
            raise InvalidIncident(
                "discord", sorted(self.discord), "no discord unless conduct is 'incitement_of_discord'"
            )
        if self.conduct is Conduct.INCITEMENT_OF_DISCORD and not self.discord:
            raise InvalidIncident(
                "discord", [], "at least one kind of discord for 'incitement_of_discord'"
            )
        if self.proceedings_date is not None and self.proceedings_date < self.act_date:
            raise InvalidIncident(
                "proceedings_date",
                self.proceedings_date.isoformat(),
                f"a date on or after the act date {self.act_date.isoformat()}",
            )
        for name in ("referred_on", "evaded_from"):
            day = getattr(self, name)
            if day is not None and day < self.act_date:
                raise InvalidIncident(
                    name, day.isoformat(), f"a date on or after the act date {self.act_date.isoformat()}"
                )
        if self.evaded_until is not None and (self.evaded_from is None or self.evaded_until < self.evaded_from):
            raise InvalidIncident(
                "evaded_until", self.evaded_until.isoformat(),
                "a date on or after evaded_from (the evasion it ends)" if self.evaded_from is not None
                else "no end of evasion without evaded_from",
            )
        if self.channel is Channel.PRIVATE and Circumstance.PUBLIC_EVENT in self.circumstances:
            raise InvalidIncident(
                "channel", "private", "a public channel when the act was at a public event"
            )
        facts = _facts(self.conduct, self.channel, self.target, self.allegation, self.discord,
                       self.circumstances, self.offender)
        object.__setattr__(self, "facts", facts)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Incident:
        """Build from a JSON-like mapping; unknown keys raise :class:`InvalidIncident`."""
        unknown = sorted(data.keys() - _FIELD_SET)
        if unknown:
            raise InvalidIncident(unknown[0], data[unknown[0]], f"a field among {', '.join(FIELDS)}")
        for required in ("act_date", "conduct"):
            if required not in data or is_blank(data[required]):
                raise InvalidIncident(required, data.get(required), "a value (the field is required)")
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
        }


_FIELD_SET = frozenset(FIELDS)


@functools.lru_cache(maxsize=4096)
def _facts(
    conduct: Conduct, channel: Channel | None, target: Target, allegation: Allegation | None,
    discord: frozenset[Discord], circumstances: frozenset[Circumstance], offender: Offender,
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
            "circumstances": {"type": "array", "items": {"enum": values(Circumstance)}, "uniqueItems": True},
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
        },
    }
