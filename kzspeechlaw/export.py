"""JSON-ready dictionaries of the library's values (stable keys; amounts as numbers with units)."""

from __future__ import annotations

import datetime as dt
import json
import math
import operator
import re
from collections.abc import Mapping
from typing import Any

from kzspeechlaw.errors import OutOfCoverage, quote
from kzspeechlaw.law.model import Provision, Sanction
from kzspeechlaw.law.monthly_index import mci_value
from kzspeechlaw.units import Amount, Quantity, unit_name

SCHEMA = "kzspeechlaw/1"
"""Version of the JSON shape; bumped when a key changes meaning or disappears."""


def quantity_dict(quantity: Quantity | Amount | None) -> dict[str, Any] | None:
    """``{"value": 1000, "unit": "MCI"}`` or ``None`` (of a quantity or an :class:`~kzspeechlaw.units.Amount`).
    The unit is written by its name (:func:`~kzspeechlaw.units.unit_name`), whatever display format
    pint is set to (``"year"``, not ``"yr"`` after ``ureg.formatter.default_format = "~"``)."""
    if quantity is None:
        return None
    magnitude = quantity.magnitude
    if isinstance(magnitude, float) and magnitude.is_integer():
        magnitude = int(magnitude)
    return {"value": magnitude, "unit": unit_name(quantity)}


def tenge_bounds(sanction: Sanction, on: dt.date) -> tuple[Amount | None, Amount | None]:
    """The sanction's minimum and maximum in tenge with the MCI of ``on`` (``None`` if not MCI), as
    amounts: the arithmetic of :func:`~kzspeechlaw.to_tenge`, without pint."""
    high, low = sanction.maximum_amount, sanction.minimum_amount
    if high is None or high.unit != "MCI":
        return None, None
    kzt = mci_value(on).kzt
    return (Amount(low.magnitude * kzt, "KZT") if low is not None else None), Amount(high.magnitude * kzt, "KZT")


def sanction_dict(sanction: Sanction, mci_date: dt.date | None = None) -> dict[str, Any]:
    """A sanction; with ``mci_date``, MCI amounts are also given in tenge."""
    out: dict[str, Any] = {
        "kind": sanction.kind.value,
        "minimum": quantity_dict(sanction.minimum_amount),
        "maximum": quantity_dict(sanction.maximum_amount),
        "subject": sanction.subject.value if sanction.subject is not None else None,
        "optional": sanction.optional,
        "text": sanction.describe(),
    }
    if mci_date is not None:
        try:
            low, high = tenge_bounds(sanction, mci_date)
        except OutOfCoverage:
            low = high = None
        out["minimum_kzt"] = quantity_dict(low)
        out["maximum_kzt"] = quantity_dict(high)
    return out


def provision_dict(provision: Provision, mci_date: dt.date | None = None) -> dict[str, Any]:
    """A provision version with its sanctions (in tenge too, given ``mci_date``). ``valid_to`` is
    the first day the version is no longer in force (exclusive, as in the data files);
    ``last_day_in_force`` the day before it, the last day it applied (both ``None`` while in force);
    ``verified`` whether its text was read, ``dates_read`` whether its dates were too
    (:meth:`~kzspeechlaw.law.loader.Law.bounds_read`), ``text_read`` false where no text read shows
    the wording of the version's period (its ``text`` and sanctions are the last read before it:
    :attr:`~kzspeechlaw.law.model.Provision.text_read`)."""
    from kzspeechlaw.law.loader import law  # here: the law's data imports this module
    return {
        "ref": str(provision.ref),
        "eid": provision.ref.eid,
        "title": dict(provision.title),
        "regime": provision.regime.value,
        "valid_from": provision.valid_from.isoformat(),
        "valid_to": provision.valid_to.isoformat() if provision.valid_to else None,
        "last_day_in_force": (provision.valid_to - dt.timedelta(days=1)).isoformat() if provision.valid_to else None,
        "category": provision.category.value,
        "sanctions": [sanction_dict(s, mci_date) for s in provision.sanctions],
        "additional": [sanction_dict(s, mci_date) for s in provision.additional],
        "elements": [list(clause) for clause in provision.elements],
        "act": provision.act,
        "repealed_by": provision.repealed_by,
        "narrowed": provision.narrowed,
        "successor": str(provision.successor) if provision.successor else None,
        "continued_by": str(provision.continued_by) if provision.continued_by else None,
        "absorbs": [str(r) for r in provision.absorbs],
        "displaces": [str(r) for r in provision.displaces],
        "extremist": provision.extremist,
        "open_elements": list(provision.open_elements),
        "exempt_sanctions": [sanction_dict(s, mci_date) for s in provision.exempt_sanctions],
        "source": provision.source,
        "verified": provision.verified,
        "dates_read": all(law().bounds_read(provision)),
        "text_read": provision.text_read,
        "notes": provision.notes,
        "text": provision.text,
    }


# --- JSON text ------------------------------------------------------------------------------------

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)  # made once: json.dumps makes one per call
_SURROGATE = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile("[\x85\u2028\u2029]")
"""Line breaks to ``str.splitlines`` that JSON leaves raw: a JSON Lines record holding one would be cut in
two by a reader that splits it so."""

MAX_DEPTH = 64
"""How deep :func:`jsonable` follows nested containers; deeper ones are written as a short text."""


def dumps(value: Any) -> str:
    """``value`` as one line of strict JSON text; never raises.

    What ``json.dumps(value, ensure_ascii=False)`` writes whenever that is strict JSON; otherwise
    ``value`` is first made JSON-ready by :func:`jsonable` (``NaN`` and infinities become the texts
    ``"NaN"``, ``"Infinity"``, ``"-Infinity"``; objects JSON does not know, their ``str``). A lone
    surrogate is written as its escape (``\\ud800``), so the text always encodes as UTF-8; so is a line
    break that ``str.splitlines`` reads and JSON leaves raw (U+0085, U+2028, U+2029), so a record
    is one line to any reader.

    >>> print(dumps({"id": float("nan"), "value": "x" + chr(0xD800), "n": [1, 2.5]}))
    {"id": "NaN", "value": "x\\ud800", "n": [1, 2.5]}
    """
    try:
        text = _ENCODER.encode(value)
    except (TypeError, ValueError, RecursionError):  # unknown types, NaN, long integers, depth, cycles
        text = _ENCODER.encode(jsonable(value))
    if text.isascii():
        return text
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = _BREAKS.sub(_escape, text)
    try:
        text.encode("utf-8")  # at C speed: the pattern's search takes a character at a time
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escape, text)
    return text


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of ``value`` that :func:`dumps` writes as strict JSON: ``None``, booleans,
    text, whole numbers and finite floats as they are; ``NaN``, ``Infinity`` and ``-Infinity`` as
    those texts; an integer beyond Python's digit limit as a text naming its length; dates as ISO
    text; mappings with text keys; sets as lists in a stable order; lists and tuples as lists;
    anything else as its ``str``. Containers nested deeper than :data:`MAX_DEPTH` levels, or
    containing themselves, are cut with a short text."""
    return _jsonable(value, 0, set())


def _jsonable(value: Any, depth: int, path: set[int]) -> Any:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return _integer(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else _non_finite(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, Mapping | list | tuple | set | frozenset):
        whole = _whole_number(value)  # an integer of another type (numpy's int64 from a DataFrame)
        return _integer(whole) if whole is not None else _text(value)
    if depth >= MAX_DEPTH:
        return f"<nested deeper than {MAX_DEPTH} levels>"
    if id(value) in path:
        return "<a container inside itself>"
    path.add(id(value))
    try:
        if isinstance(value, Mapping):
            return {_key(k): _jsonable(v, depth + 1, path) for k, v in value.items()}
        items = [_jsonable(v, depth + 1, path) for v in value]
        if isinstance(value, set | frozenset):
            items.sort(key=dumps)
        return items
    finally:
        path.discard(id(value))


def _whole_number(value: Any) -> int | None:
    """``operator.index(value)`` for a value whose type is an integer type other than ``int``."""
    if not hasattr(type(value), "__index__"):
        return None
    try:
        return operator.index(value)
    except Exception:
        return None


def _non_finite(value: float) -> str:
    """The spelling of Python's JSON encoder, as text: ``"NaN"``, ``"Infinity"``, ``"-Infinity"``."""
    if math.isnan(value):
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def _integer(value: int) -> int | str:
    try:
        int.__repr__(value)
    except ValueError:  # beyond Python's digit limit for integer text
        return quote(value)
    return value


def _key(key: Any) -> str:
    """A mapping key as JSON writes it (``true``, ``null``, ``1``, ``2.5``), or its text."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool | int | float):
        plain = _jsonable(key, 0, set())
        return plain if isinstance(plain, str) else _ENCODER.encode(plain)
    return _text(key)


def _text(value: Any) -> str:
    """``str(value)``, or a short description where ``str`` fails."""
    try:
        return str(value)
    except Exception:  # a caller's object whose __str__ fails
        return quote(value)
