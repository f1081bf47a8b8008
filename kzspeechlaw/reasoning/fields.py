"""The incident's fields and the parsers of their values: what a cell of a register or a value of a
mapping may say for each field, made the vocabulary's (:mod:`kzspeechlaw.law.facts`,
:mod:`kzspeechlaw.reasoning.sentencing`) or refused with :class:`~kzspeechlaw.InvalidIncident`."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import numbers
import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from kzspeechlaw.dates import out_of_range, user_date
from kzspeechlaw.errors import DateError, InvalidIncident, quote
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.law.facts import Allegation, Channel, Circumstance, Conduct, Discord, Offender, Target
from kzspeechlaw.reasoning.sentencing import Aggravating, Aggregate, Mitigating, Procedure, Stage

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
    "in_connection_with_duties",
    "knowing_and_dangerous",
    "mitigating",
    "aggravating",
    "stage",
    "procedure",
    "reconciled",
    "harm_compensated",
    "complaint",
    "aggregate",
    "pregnant",
    "young_children",
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
    if type(value) is enum_type:  # already a member (an incident evolved, a what-if)
        return value
    try:
        member: E = _members(enum_type)[_word(value)]
    except (KeyError, TypeError):  # TypeError: an unhashable value
        allowed = ", ".join(repr(m.value) for m in enum_type)
        raise InvalidIncident(field, value, Message("one of {values}", values=allowed)) from None
    return member


def _enum_set(enum_type: type[E], field: str, value: Any) -> frozenset[E]:
    """A set of values: an iterable of them, a text of them separated by ``;`` or ``,``, or a
    mapping of each value to ``True`` (present) or ``False`` (absent), as JSON checkboxes write
    it; a mapping's values must be booleans."""
    if type(value) is frozenset and all(type(v) is enum_type for v in value):
        return value  # already the incident's (an incident evolved, a what-if)
    if is_blank(value):
        return frozenset()
    if isinstance(value, str):
        # Long texts are not remembered (they would hold memory); registers repeat short cells.
        return _enum_text(enum_type, field, value) if len(value) <= 256 else _enum_text.__wrapped__(
            enum_type, field, value)
    if isinstance(value, Mapping):
        chosen = []
        for key, flag in value.items():
            member = _enum(enum_type, field, key.strip() if isinstance(key, str) else key)
            if not isinstance(flag, bool):
                raise InvalidIncident(field, dict(value), f"true or false for {member.value!r}, not {quote(flag)}")
            if flag:
                chosen.append(member)
        return frozenset(chosen)
    if not isinstance(value, Iterable):
        raise InvalidIncident(field, value, N_("a set of values"))
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
        day = user_date(value, field)
    except DateError:
        raise InvalidIncident(field, value, N_("a date (YYYY-MM-DD or DD.MM.YYYY)")) from None
    expected = out_of_range(day)
    if expected is not None:
        raise InvalidIncident(field, value, expected)
    return day


# One named converter per field (attrs and mypy need named functions).
def act_date(value: Any) -> dt.date:
    day = _date("act_date", value)
    if day is None:
        raise InvalidIncident("act_date", value, N_("a date (YYYY-MM-DD or DD.MM.YYYY): the field is required"))
    return day


def proceedings_date(value: Any) -> dt.date | None:
    return _date("proceedings_date", value)


def referred_on(value: Any) -> dt.date | None:
    return _date("referred_on", value)


def evaded_from(value: Any) -> dt.date | None:
    return _date("evaded_from", value)


def evaded_until(value: Any) -> dt.date | None:
    return _date("evaded_until", value)


def conduct(value: Any) -> Conduct:
    if is_blank(value):
        raise InvalidIncident("conduct", value, N_("a value (the field is required)"))
    return _enum(Conduct, "conduct", value)


def channel(value: Any) -> Channel | None:
    return None if is_blank(value) else _enum(Channel, "channel", value)


def target(value: Any) -> Target:
    return Target.PERSON if is_blank(value) else _enum(Target, "target", value)


def allegation(value: Any) -> Allegation | None:
    return None if is_blank(value) else _enum(Allegation, "allegation", value)


def discord(value: Any) -> frozenset[Discord]:
    return _enum_set(Discord, "discord", value)


def circumstances(value: Any) -> frozenset[Circumstance]:
    return _enum_set(Circumstance, "circumstances", value)


def offender(value: Any) -> Offender:
    return Offender.NATURAL_PERSON if is_blank(value) else _enum(Offender, "offender", value)


_TRUTH = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False,
          "истина": True, "ложь": False,  # a Russian Excel's TRUE and FALSE, as its CSV files write them
          "да": True, "нет": False, "иә": True, "ия": True, "жоқ": False,  # yes and no, in Russian and Kazakh
          "жок": False}  # «жоқ» typed without the Kazakh keyboard's «қ»


def yes_no(word: str) -> bool | None:
    """The yes or no a word says, as a register's cell or a query parameter gives it (``true``,
    ``да``, ``ИСТИНА``, ``0`` ...: :func:`_flag`), else ``None``."""
    return _TRUTH.get(word.strip().lower())


def _truth(value: Any) -> bool | None:
    """The yes or no a value that is not text holds: a ``bool``, a numpy boolean (a cell of a pandas
    ``bool`` or nullable ``boolean`` column), or the number 0 or 1 (a spreadsheet's number, a
    pandas integer column, or its ``1.0``/``0.0`` where the column has blanks and so holds floats);
    ``None`` for any other value: no other number (``2``, ``0.5``) is read as yes or no."""
    if isinstance(value, bool):
        return value
    if getattr(getattr(value, "dtype", None), "kind", None) == "b" and getattr(value, "shape", None) == ():
        return bool(value)  # numpy.bool_, not a subclass of bool
    if isinstance(value, numbers.Real) and value in (0, 1):  # 1, 0, 1.0, 0.0 (NaN is neither)
        return bool(value)
    return None


def _flag(field: str, value: Any) -> bool | None:
    """A yes/no fact: ``True``/``False`` (or a numpy boolean), the number 1 or 0, or text (``true``,
    ``false``, ``yes``, ``no``, ``1``, ``0``; ``ИСТИНА`` and ``ЛОЖЬ``, as a Russian Excel writes
    them; ``да``/``нет``, ``иә``/``жоқ``) as in a CSV cell; ``None`` or empty is "not stated"."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        found = yes_no(value)
        if found is not None:
            return found
    else:
        truth = _truth(value)
        if truth is not None:
            return truth
    raise InvalidIncident(field, value, N_("true, false or nothing (not stated)"))


def _kinds(enum_type: type[E], field: str, value: Any) -> bool | frozenset[E] | None:
    """Circumstances: present or absent (a yes/no value), a set of the statute's kinds, or None."""
    if isinstance(value, str):
        if yes_no(value) is not None or value == "":
            return _flag(field, value)
    elif value is None or _truth(value) is not None:
        return _flag(field, value)
    return _enum_set(enum_type, field, value)


def mitigating(value: Any) -> bool | frozenset[Mitigating] | None:
    return _kinds(Mitigating, "mitigating", value)


def aggravating(value: Any) -> bool | frozenset[Aggravating] | None:
    return _kinds(Aggravating, "aggravating", value)


def stage(value: Any) -> Stage | None:
    return None if value is None or value == "" else _enum(Stage, "stage", value)


def procedure(value: Any) -> Procedure | None:
    return None if value is None or value == "" else _enum(Procedure, "procedure", value)


def reconciled(value: Any) -> bool | None:
    return _flag("reconciled", value)


def harm_compensated(value: Any) -> bool | None:
    return _flag("harm_compensated", value)


def complaint(value: Any) -> bool | None:
    return _flag("complaint", value)


def aggregate(value: Any) -> Aggregate | None:
    return None if value is None or value == "" else _enum(Aggregate, "aggregate", value)


def pregnant(value: Any) -> bool | None:
    return _flag("pregnant", value)


def young_children(value: Any) -> bool | None:
    return _flag("young_children", value)


def in_connection_with_duties(value: Any) -> bool | None:
    return _flag("in_connection_with_duties", value)


def knowing_and_dangerous(value: Any) -> bool | None:
    return _flag("knowing_and_dangerous", value)
