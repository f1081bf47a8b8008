"""One row's result and the records ``kzspeechlaw batch`` writes of it.

A row gives a :class:`BatchResult`: its assessment, or a :class:`RowError` naming the field that
stopped it. It is written as the brief record (:func:`brief_dict`: outcome, parts, category, MCI
date, limitation status, fine range) or as the whole assessment, one line of JSON each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from kzspeechlaw import export
from kzspeechlaw.errors import QUOTE_LIMIT, cut, quote
from kzspeechlaw.law.model import Penalty, Provision
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning.assessment import Assessment
from kzspeechlaw.reasoning.results import AssessedSanction, Outcome
from kzspeechlaw.units import unit_name


@attrs.frozen
class RowError:
    """Why a row could not be assessed: the field (``None`` when no one field is at fault), the
    value given and a one-line message."""

    field: str | None
    value: Any
    message: str

    def to_dict(self) -> dict[str, Any]:
        """``{"field", "value", "message"}``, JSON-ready."""
        return {"field": self.field, "value": _quoted(self.value), "message": self.message}


@attrs.frozen
class BatchResult:
    """One row's result: its position (1-based), its ``id``, and its assessment or error.

    A row without an ``id`` gets its position as its id.
    """

    row: int
    id: Any
    assessment: Assessment | None = None
    error: RowError | None = None

    @property
    def ok(self) -> bool:
        """True when the row was assessed."""
        return self.assessment is not None

    def to_dict(self, brief: bool = False) -> dict[str, Any]:
        """``id`` plus the whole ``Assessment.to_dict()`` (``brief``: plus :func:`brief_dict`, the
        record ``kzspeechlaw batch`` writes by default), or ``id`` plus ``error``."""
        ident = export.jsonable(self.id)
        if self.assessment is None:
            assert self.error is not None
            return {"id": ident, "error": self.error.to_dict()}
        if brief:
            return {"id": ident, **brief_dict(self.assessment)}
        return {"id": ident, **self.assessment.to_dict()}

    def to_json(self, brief: bool = False) -> str:
        """:meth:`to_dict` as one line of JSON text (non-ASCII characters kept)."""
        return export.dumps(self.to_dict(brief))


def fine_range(a: Assessment) -> tuple[Any, Any, Any, Any] | None:
    """The fine an assessment allows: ``(min MCI, max MCI, min KZT, max KZT)`` as plain numbers.

    Over the fine alternatives open on the decision date: the lowest minimum and the highest
    maximum. ``None`` where no fine is open; a bound the law does not give (an "up to" without a
    floor, or an amount not in MCI) is ``None``.
    """
    statutory = a.statutory  # the bounds read here are the same before the imposable ranges are written
    return _FINES.get(statutory, lambda: _fine_range(statutory))


_FINES = Memo(maxsize=4096)  # assessed sanctions are mostly shared objects (see reasoning.penalties)


def _fine_range(sanctions: tuple[AssessedSanction, ...]) -> tuple[Any, Any, Any, Any] | None:
    lows_mci: list[Any] = []
    highs_mci: list[Any] = []
    lows_kzt: list[Any] = []
    highs_kzt: list[Any] = []
    for s in sanctions:
        if s.kind is not Penalty.FINE or not s.available or s.maximum is None:
            continue
        if unit_name(s.maximum) == "MCI":
            lows_mci.append(s.minimum)
            highs_mci.append(s.maximum)
            lows_kzt.append(s.minimum_kzt)
            highs_kzt.append(s.maximum_kzt)
        else:  # a fine stated in tenge: no range in MCI
            lows_mci.append(None)
            highs_mci.append(None)
            lows_kzt.append(s.minimum)
            highs_kzt.append(s.maximum)
    if not highs_kzt:
        return None
    return _extreme(min, lows_mci), _extreme(max, highs_mci), _extreme(min, lows_kzt), _extreme(max, highs_kzt)


def _extreme(pick: Callable[[list[Any]], Any], amounts: list[Any]) -> Any:
    """The smallest or largest magnitude (``pick``: ``min`` or ``max``), or ``None`` where any
    bound is missing."""
    magnitudes = [q.magnitude for q in amounts if q is not None]
    return pick(magnitudes) if len(magnitudes) == len(amounts) else None


def answering(a: Assessment) -> Provision | None:
    """The part whose regime and category a record and a count give: the governing part, or, for
    a decriminalised act, the part it fell under when committed (it was an offence of that kind then);
    ``None`` where no modelled part answers (``no_provision``: e.g. a legal entity the Criminal Code
    does not reach; ``outside_scope``)."""
    if a.governing is not None:
        return a.governing
    return a.matches[0].provision if a.outcome == Outcome.DECRIMINALISED and a.matches else None


def brief_dict(a: Assessment) -> dict[str, Any]:
    """The compact record: the outcome, the part the act fell under when committed
    (``falls_under``), the governing part (none where liability was removed), the category (of
    :func:`answering`'s part: none for ``no_provision`` and ``outside_scope``), the
    MCI date, the limitation status (``running``, ``expired``, ``suspended``, ``none``; null
    where no period is modelled), the fine range in MCI and tenge (:func:`fine_range`) and the
    facts left open on which the answer turns (``depends_on``, see
    :attr:`~kzspeechlaw.reasoning.assessment.Assessment.depends_on`: a count of outcomes can
    tell the answers the facts decided from those they did not)."""
    first = a.matches[0].provision if a.matches else None
    fine = fine_range(a)
    return {
        "outcome": a.outcome.value,
        "falls_under": str(first.ref) if first is not None else None,
        "governing": str(a.governing.ref) if a.governing is not None else None,
        "category": a.category.value if a.category is not None and answering(a) is not None else None,
        "mci_date": a.mci_date.isoformat() if a.mci_date is not None else None,
        "limitation": a.limitation.status if a.limitation is not None else None,
        "fine_mci": None if fine is None or fine[1] is None else {"min": fine[0], "max": fine[1]},
        "fine_kzt": None if fine is None or fine[3] is None else {"min": fine[2], "max": fine[3]},
        "depends_on": list(a.depends_on),
    }


def _quoted(value: Any) -> Any:
    """A value quoted in an error record: JSON-ready (:func:`kzspeechlaw.export.jsonable`), or,
    where its JSON text is long, that text cut to a quote (:func:`kzspeechlaw.errors.cut`)."""
    ready = export.jsonable(value)
    if isinstance(ready, str):
        return cut(ready)
    text = export.dumps(ready)
    return ready if len(text) <= QUOTE_LIMIT else cut(text)




def internal_error(error: Exception) -> str:
    """The one-line message of an error that is the library's fault, not the input's."""
    return f"internal error ({quote(error)}); please report it"


def record(result: BatchResult, brief: bool) -> str:
    """The row's output record, or its error record where writing the record fails."""
    try:
        return result.to_json(brief=brief)
    except Exception as error:
        return BatchResult(result.row, result.id, error=RowError(None, None, internal_error(error))).to_json()
