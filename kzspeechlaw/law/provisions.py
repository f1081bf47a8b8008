"""Point-in-time questions about provisions: which version applied, its history, what changed.

>>> import datetime as dt
>>> p = provision("CC2014 130(3)", on=dt.date(2019, 9, 23))
>>> for s in p.sanctions:
...     print(s.describe())
fine up to 3 000 MCI
correctional work up to 3 000 MCI
restriction of freedom up to 3 years
imprisonment up to 3 years
>>> provision("CC2014 130(1)", on=dt.date(2021, 1, 1))
Traceback (most recent call last):
...
kzspeechlaw.errors.NotInForce: CC2014 130(1) is not in force on 2021-01-01: it was last in force on 2020-07-09 \
(repealed by Law 349-VI); the conduct moved to AOC2014 73-3(1) (that date is inferred, not read)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from kzspeechlaw.dates import as_date
from kzspeechlaw.errors import CitationError, DateError, NotInForce, quote
from kzspeechlaw.i18n import Message
from kzspeechlaw.law.coverage_report import warn_if_stale
from kzspeechlaw.law.loader import law, resolve
from kzspeechlaw.law.model import Provision, Sanction
from kzspeechlaw.refs import CODES, Ref


def ref(text: str | Ref, on: dt.date | str | None = None) -> Ref:
    """Parse a citation; a code named without its year is resolved by ``on``."""
    return resolve(text, as_date(on, "on") if on is not None else None)


def provision(citation: str | Ref, on: dt.date | str) -> Provision:
    """The version of that article part in force on ``on``.

    Raises :class:`~kzspeechlaw.UnknownProvision` for a part the data does not hold and
    :class:`~kzspeechlaw.NotInForce` (naming the successor) for a date it did not apply.
    """
    day = as_date(on, "on")
    cited = resolve(citation, day)
    warn_if_stale(day, (cited.code,))
    return law().provision(cited, day)


def history(citation: str | Ref) -> tuple[Provision, ...]:
    """Every version of an article part (or of every part of an article), oldest first."""
    return law().versions_of(resolve(citation))


def in_force(on: dt.date | str, code: str | None = None) -> tuple[Provision, ...]:
    """Every modelled part in force on ``on``, optionally of one code, in article order (a code
    outside :data:`kzspeechlaw.refs.CODES` raises :class:`~kzspeechlaw.CitationError`)."""
    day = as_date(on, "on")
    if code is not None and not (isinstance(code, str) and code in CODES):
        raise CitationError(Message("unknown code {code}: expected one of {codes}", code=quote(code),
                                    codes=", ".join(CODES)))
    warn_if_stale(day, None if code is None else (code,))
    found: list[Provision] = []
    for ref_, versions in law().versions.items():
        if code is not None and ref_.code != code:
            continue
        found.extend(v for v in versions if v.in_force_on(day))
    return tuple(sorted(found, key=lambda p: p.ref.sort_key()))


@attrs.frozen
class Difference:
    """One field that differs between two versions; ``before``/``after`` are display strings."""

    field: str
    before: str | None
    after: str | None


@attrs.frozen
class Change:
    """What changed in an article part between two dates (``None`` where not in force)."""

    ref: Ref
    before_date: dt.date
    after_date: dt.date
    before: Provision | None
    after: Provision | None
    differences: tuple[Difference, ...]
    between: tuple[Provision, ...] = ()
    """The versions that came into force after ``before_date``, up to ``after_date``, oldest first:
    the laws that made the differences (more than one where the part changed more than once)."""

    @property
    def changed(self) -> bool:
        """True when anything differs (including entering or leaving force)."""
        return bool(self.differences)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``kzspeechlaw compare --json``, ``GET /api/compare``); each version's
        ``valid_to`` is exclusive and ``last_day_in_force`` the day before it."""
        return {
            "ref": str(self.ref),
            "before": self.before_date.isoformat(),
            "after": self.after_date.isoformat(),
            "changed": self.changed,
            "before_version": _version_summary(self.before),
            "after_version": _version_summary(self.after),
            "differences": [{"field": d.field, "before": d.before, "after": d.after} for d in self.differences],
            "versions_between": [_version_summary(v) for v in self.between],
        }


def _version_summary(p: Provision | None) -> dict[str, Any] | None:
    """The dates and laws of a version."""
    if p is None:
        return None
    return {
        "valid_from": p.valid_from.isoformat(),
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
        "last_day_in_force": (p.valid_to - dt.timedelta(days=1)).isoformat() if p.valid_to else None,
        "act": p.act,
        "repealed_by": p.repealed_by,
        "successor": str(p.successor) if p.successor else None,
        "continued_by": str(p.continued_by) if p.continued_by else None,
        "narrowed": p.narrowed,
    }


def _sanction_map(sanctions: tuple[Sanction, ...]) -> Mapping[str, str]:
    out: dict[str, str] = {}
    for s in sanctions:
        key = s.kind.value + (f" ({s.subject.value})" if s.subject is not None else "")
        out[key] = s.describe()
    return out


def _diff(before: Provision, after: Provision) -> list[Difference]:
    diffs = []
    for lang in ("en", "ru", "kk"):
        if before.title[lang] != after.title[lang]:
            diffs.append(Difference(f"title.{lang}", before.title[lang], after.title[lang]))
    if before.elements != after.elements:
        diffs.append(
            Difference("elements", _elements_text(before.elements), _elements_text(after.elements))
        )
    if before.category != after.category:  # CC 2014 Art. 274(3) by Law 180-VI: grave to medium gravity
        diffs.append(Difference("category", before.category.value, after.category.value))
    for name, old, new in (
        ("sanction", before.sanctions, after.sanctions),
        ("additional", before.additional, after.additional),
    ):
        old_map, new_map = _sanction_map(old), _sanction_map(new)
        for key in list(old_map) + [k for k in new_map if k not in old_map]:
            if old_map.get(key) != new_map.get(key):
                diffs.append(Difference(f"{name}: {key}", old_map.get(key), new_map.get(key)))
    if before.text != after.text:
        diffs.append(Difference("text", before.text, after.text))
    return diffs


def _elements_text(elements: tuple[tuple[str, ...], ...]) -> str:
    return " AND ".join("(" + " OR ".join(clause) + ")" for clause in elements)


def _span(p: Provision) -> str:
    """A version's days in force and its laws, as a difference shows them."""
    last = (p.valid_to - dt.timedelta(days=1)).isoformat() if p.valid_to else "-"
    ended = (f"; narrowed by Law {p.repealed_by} to a wording the data does not model" if p.narrowed else
             f"; repealed by Law {p.repealed_by}") if p.repealed_by else ""
    return f"{p.valid_from.isoformat()} to {last} (Law {p.act}{ended})"


def _version_or_none(ref_: Ref, day: dt.date) -> Provision | None:
    try:
        return law().provision(ref_, day)
    except NotInForce:
        return None


def compare(citation: str | Ref, before: dt.date | str, after: dt.date | str) -> Change:
    """What changed in an article part between ``before`` and ``after`` (``before`` on or before
    ``after``, else :class:`~kzspeechlaw.DateError`)."""
    day1, day2 = as_date(before, "before"), as_date(after, "after")
    if day1 > day2:
        raise DateError(Message("the dates are reversed: before ({before}) must be on or before after ({after})",
                                before=day1, after=day2))
    ref_ = resolve(citation, day1)
    versions = law().versions_of(ref_)  # raises UnknownProvision for a part the data does not hold
    old, new = _version_or_none(ref_, day1), _version_or_none(ref_, day2)
    between = tuple(v for v in versions if v.ref == ref_ and day1 < v.valid_from <= day2)
    if old is None and new is None:  # in force in between, or never: said as such, never as "no change"
        diffs: list[Difference] = [Difference("in force in between", "no", _span(v)) for v in between]
    elif old is None or new is None:
        diffs = [
            Difference(
                "in force",
                "yes" if old is not None else "no",
                "yes" if new is not None else "no",
            )
        ]
    elif old is new:
        diffs = []
    else:  # another version is a change the data records even where none of its fields differ
        diffs = _diff(old, new) or [Difference("version", _span(old), _span(new))]
    return Change(ref_, day1, day2, old, new, tuple(diffs), between)
