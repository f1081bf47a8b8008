"""JSON-ready dictionaries of the library's values (stable keys; amounts as numbers with units)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from kzspeechlaw.errors import OutOfCoverage
from kzspeechlaw.memo import Memo
from kzspeechlaw.model import Provision, Sanction
from kzspeechlaw.monthly_index import to_tenge
from kzspeechlaw.units import Quantity

SCHEMA = "kzspeechlaw/1"
"""Version of the JSON shape; bumped when a key changes meaning or disappears."""


def quantity_dict(quantity: Quantity | None) -> dict[str, Any] | None:
    """``{"value": 1000, "unit": "MCI"}`` or ``None``."""
    if quantity is None:
        return None
    magnitude = quantity.magnitude
    if isinstance(magnitude, float) and magnitude.is_integer():
        magnitude = int(magnitude)
    return {"value": magnitude, "unit": str(quantity.units)}


def tenge_bounds(sanction: Sanction, on: dt.date) -> tuple[Quantity | None, Quantity | None]:
    """The sanction's minimum and maximum in tenge with the MCI of ``on`` (``None`` if not MCI)."""
    if sanction.maximum is None or str(sanction.maximum.units) != "MCI":
        return None, None
    low = to_tenge(sanction.minimum, on) if sanction.minimum is not None else None
    return low, to_tenge(sanction.maximum, on)


def sanction_dict(sanction: Sanction, mci_date: dt.date | None = None) -> dict[str, Any]:
    """A sanction; with ``mci_date``, MCI amounts are also given in tenge."""
    out: dict[str, Any] = {
        "kind": sanction.kind.value,
        "minimum": quantity_dict(sanction.minimum),
        "maximum": quantity_dict(sanction.maximum),
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
    ``last_day_in_force`` the day before it, the last day it applied (both ``None`` while in force)."""
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
        "successor": str(provision.successor) if provision.successor else None,
        "absorbs": [str(r) for r in provision.absorbs],
        "displaces": [str(r) for r in provision.displaces],
        "extremist": provision.extremist,
        "source": provision.source,
        "verified": provision.verified,
        "notes": provision.notes,
        "text": provision.text,
    }


# --- JSON text ------------------------------------------------------------------------------------

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # made once: json.dumps makes one per call


def dumps(value: Any) -> str:
    """``value`` as JSON text, as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    return _ENCODER.encode(value)


string_json: Callable[[str], str] = (
    json.encoder.encode_basestring_ascii if _ENCODER.ensure_ascii else json.encoder.encode_basestring
)
"""A string as JSON text, as :func:`dumps` writes it (the encoder's own function: for texts
encoded one by one, as the steps of a trace)."""


_PROVISION_JSON = Memo()


def provision_json(provision: Provision) -> str:
    """``provision_dict(provision)`` as JSON text, encoded once per version (long outputs, such as
    a batch of assessments, repeat the same versions with their statute texts)."""
    return _PROVISION_JSON.get((id(provision),), (provision,), lambda: dumps(provision_dict(provision)))
