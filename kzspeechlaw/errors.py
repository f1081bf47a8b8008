"""The library's exceptions. Every one is a :class:`LawError`, so callers can catch one class."""

from __future__ import annotations

import datetime as dt
import enum
import numbers
from typing import TYPE_CHECKING, Any

from kzspeechlaw.i18n import Message

if TYPE_CHECKING:
    from kzspeechlaw.law.model import Provision
    from kzspeechlaw.refs import Ref


QUOTE_LIMIT = 200
"""The most characters of a value that an error message quotes. The value itself stays whole on
the error's attributes; only the message is cut, so a 10 MB bad value gives a short message."""


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` for an error message, cut after ``limit`` characters with an ellipsis and
    the full length.

    Never raises: an integer beyond Python's digit limit is named by its number of digits, a value
    whose ``repr`` fails otherwise (nested too deep, a broken ``__repr__``) by its type.

    >>> quote("2020-07-10")
    "'2020-07-10'"
    >>> quote("x" * 1000)
    "'xxx...xxx… (1002 characters)"
    >>> quote(10 ** 5000)
    '<an integer of 5001 digits>'
    """
    try:
        text = repr(_plain(value))
    except ValueError:
        if isinstance(value, int):
            return f"<an integer of {_digits(value)} digits>"
        return f"<{type(value).__name__} object>"
    except Exception:  # any failure of a caller's __repr__ must not hide the error being reported
        return f"<{type(value).__name__} object>"
    return cut(text, limit)


def _plain(value: object) -> object:
    """A date, an enum member or a pint quantity as a person writes it (``'2020-07-10'``,
    ``'slander'``, ``'-5 MCI'``), not as Python's ``repr`` (``datetime.date(2020, 7, 10)``); any
    other value as itself."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum) and isinstance(value.value, str):
        return value.value
    if type(value).__name__ == "Quantity" and hasattr(value, "magnitude") and hasattr(value, "units"):
        magnitude: Any = value.magnitude
        units: Any = value.units
        if isinstance(magnitude, int) and not isinstance(magnitude, bool) and _digits(magnitude) > 4000:
            return f"<an integer of {_digits(magnitude)} digits> {units}"
        return f"{magnitude} {units}" if isinstance(magnitude, numbers.Number) else value
    return value


def cut(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` as it is, or its first ``limit`` characters with an ellipsis and the full length.

    >>> cut("x" * 1000, 5)
    'xxxxx… (1000 characters)'
    """
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def _digits(number: int) -> int:
    """The number of decimal digits of ``number`` (without converting it to text)."""
    magnitude = abs(number)
    if magnitude == 0:
        return 1
    digits = int((magnitude.bit_length() - 1) * 0.30102999566398120) + 1
    return digits + 1 if magnitude >= 10**digits else digits


class LawError(Exception):
    """Base class of every error raised by kzspeechlaw.

    ``str(error)`` is the message in English; where it is a :class:`~kzspeechlaw.i18n.Message`,
    :func:`message` writes it in another language.
    """


def message(error: BaseException, lang: str | None = None) -> str:
    """An error's message in ``lang`` (default: the current language of :mod:`kzspeechlaw.i18n`).

    >>> message(InvalidIncident("act_date", "tomorrow", "a date (YYYY-MM-DD)"), "ru")
    "недопустимое поле инцидента 'act_date': 'tomorrow'; ожидается дата (ГГГГ-ММ-ДД)"
    """
    from kzspeechlaw.i18n import render

    text = error.args[0] if len(error.args) == 1 and isinstance(error.args[0], str) else str(error)
    return render(text, lang)


class CitationError(LawError, ValueError):
    """A citation that cannot be parsed; the message says what was expected."""


class UnknownProvision(LawError, LookupError):
    """A well-formed citation of an article part the data does not model."""


def _one_day() -> dt.timedelta:
    import datetime as dt  # here: the command line's help imports this module, and needs no dates

    return dt.timedelta(days=1)


class NotInForce(LawError, LookupError):
    """The article part exists in the data but not on the date asked.

    ``before`` and ``after`` are the nearest versions on either side (or ``None``);
    ``successor`` is where the conduct moved when the part was repealed, as new liability;
    ``continued_by`` the part in which its rule continues; ``inferred``: the date of the bound
    the answer rests on was computed, not read (the message says so); ``moved_in_part``: the
    successor reaches only some of the acts the part reached (the message says so:
    :meth:`~kzspeechlaw.law.loader.Law.moved_in_part`).
    """

    def __init__(
        self,
        ref: Ref,
        on: dt.date,
        before: Provision | None,
        after: Provision | None,
        inferred: bool = False,
        moved_in_part: bool = False,
    ) -> None:
        self.ref = ref
        self.on = on
        self.before = before
        self.after = after
        self.successor = before.successor if before is not None else None
        self.continued_by = before.continued_by if before is not None else None
        how: Message
        if before is not None and after is None:
            assert before.valid_to is not None
            last = before.valid_to - _one_day()
            how = Message("it was last in force on {day}", day=last)
            if before.repealed_by is not None:
                how = (Message("{how} (Law {law} narrowed the part to a wording the data does not model)",
                               how=how, law=before.repealed_by) if before.narrowed else
                       Message("{how} (repealed by Law {law})", how=how, law=before.repealed_by))
            if self.successor is not None:
                how = (Message("{how}; the conduct moved to {successor}, as far as that part's elements reach",
                               how=how, successor=str(self.successor)) if moved_in_part else
                       Message("{how}; the conduct moved to {successor}", how=how, successor=str(self.successor)))
            if self.continued_by is not None:
                how = Message("{how}; its rule continues in {ref}", how=how, ref=str(self.continued_by))
        elif after is not None and before is None:
            how = Message("its first version applies from {day}", day=after.valid_from)
        elif before is not None and after is not None:
            how = Message("no version between {end} and {start}", end=before.valid_to, start=after.valid_from)
        else:
            how = Message("no version at all")
        if inferred:  # the bound the answer rests on is an in-force date computed, not read
            how = Message("{how} (that date is inferred, not read)", how=how)
        narrowed = before is not None and after is None and before.narrowed  # the part goes on, not as modelled
        super().__init__(Message("{ref} is not in force as modelled on {day}: {how}", ref=str(ref), day=on,
                                 how=how) if narrowed else
                         Message("{ref} is not in force on {day}: {how}", ref=str(ref), day=on, how=how))


class OutOfCoverage(LawError, LookupError):
    """A date the data does not cover (for instance an MCI not yet set by a budget law)."""


class InvalidIncident(LawError, ValueError):
    """Incident facts that are unknown or contradict each other.

    ``field`` names the offending field and ``value`` the value given.
    """

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(Message("invalid incident field {field}: {value}; expected {expected}",
                                 field=quote(field), value=quote(value), expected=expected))


class InvalidParameter(LawError, ValueError):
    """A web API request whose query parameter is missing or not allowed; names the endpoint, the
    parameter, the value given (``None`` when missing) and what was expected."""

    def __init__(self, endpoint: str, name: str, value: str | None, expected: str) -> None:
        self.endpoint = endpoint
        self.name = name
        self.value = value
        given = "is missing" if value is None else f"is {quote(value)}"
        super().__init__(f"{endpoint}: the query parameter {quote(name)} {given}; expected {expected}")


class DataError(LawError):
    """A bad data file: names the file, the record and the rule broken."""

    def __init__(self, file: str, record: str, rule: str) -> None:
        self.file = file
        self.record = record
        self.rule = rule
        super().__init__(f"{file}: {record}: {rule}")


class DateError(LawError, ValueError):
    """A value that is not a date (dates are ``datetime.date`` or ISO ``YYYY-MM-DD`` strings)."""


class AmountError(LawError, ValueError):
    """An amount that is not ``<number> <unit>`` with a known unit."""


class OutputError(LawError):
    """An output that cannot be written: a folder, a missing folder, the input itself, or a full
    or closed stream. ``path`` names it."""

    def __init__(self, path: str, expected: str) -> None:
        self.path = path
        self.expected = expected
        super().__init__(Message("cannot write {path}: expected {expected}", path=repr(path), expected=expected))


class UnknownLanguage(LawError, ValueError):
    """A language the library does not write in (``en``, ``ru`` and ``kk`` are)."""

    def __init__(self, lang: object) -> None:
        self.lang = lang
        super().__init__(Message("unknown language {lang}: expected one of 'en', 'ru', 'kk'", lang=quote(lang)))


class StaleDataWarning(UserWarning):
    """A query dated after the newest statute text read: the law may have changed since."""


class RegisterWarning(UserWarning):
    """A register read on an assumption its reader should know of (e.g. its encoding)."""
