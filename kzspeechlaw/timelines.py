"""Timelines of an article part's sanctions and of the MCI, as data and as a plain-text table.

Nothing beyond the library is needed; the charts of :mod:`kzspeechlaw.charts.plot` draw these.
A timeline follows a repealed part to its successor, so slander shows both codes:

>>> for period in timeline("CC2014 130(2)"):
...     print(period.ref, period.valid_from, period.max_fine_text())
CC2014 130(2) 2015-01-01 fine up to 2 000 MCI
CC2014 130(2) 2016-01-01 fine up to 2 000 MCI
AOC2014 73-3(2) 2020-07-10 fine 180 MCI (natural person); fine 650 MCI (official)
AOC2014 73-3(2) 2024-08-19 fine 180 MCI (natural person); fine 650 MCI (official)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from kzspeechlaw import export, terms
from kzspeechlaw.i18n import gettext, local_date
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Penalty, Provision, Sanction, Subject, main_rank
from kzspeechlaw.law.monthly_index import check_purpose, mci_value
from kzspeechlaw.law.provisions import history
from kzspeechlaw.refs import Ref

__all__ = ["CUSTODY", "MciStep", "Period", "mci_steps", "timeline", "timeline_table"]

CUSTODY = (Penalty.IMPRISONMENT, Penalty.RESTRICTION_OF_FREEDOM, Penalty.ARREST)
"""Custodial and restrictive punishments, most severe first (CC 2014 Art. 40; AOC 2014 Art. 41); the
1997 Code puts arrest above restriction of freedom (Art. 39(1)), which :meth:`Period.custody` follows."""

@attrs.frozen
class Period:
    """One version on a timeline; ``successor_of`` names the repealed part it took over from."""

    provision: Provision
    successor_of: Ref | None = None

    @property
    def ref(self) -> Ref:
        """The article part."""
        return self.provision.ref

    @property
    def valid_from(self) -> dt.date:
        """First day in force."""
        return self.provision.valid_from

    @property
    def last_day(self) -> dt.date | None:
        """Last day in force (``None`` while in force)."""
        valid_to = self.provision.valid_to
        return valid_to - dt.timedelta(days=1) if valid_to is not None else None

    def fines(self) -> tuple[Sanction, ...]:
        """The fine alternatives, for every subject, in the statute's order."""
        return tuple(s for s in self.provision.sanctions if s.kind is Penalty.FINE)

    def custody(self) -> tuple[Sanction, ...]:
        """The most severe custodial alternative (see :data:`CUSTODY`) for each subject, by the
        order of the version's own code (:func:`~kzspeechlaw.law.model.main_rank`: arrest above
        restriction of freedom in CC 1997 Art. 39(1), below it in CC 2014 Art. 40)."""
        rank = main_rank(self.provision.ref.code)
        chosen: dict[Subject | None, Sanction] = {}
        for kind in sorted(CUSTODY, key=rank.__getitem__):  # mildest first: the most severe is kept
            for s in self.provision.sanctions:
                if s.kind is kind:
                    chosen[s.subject] = s
        order = [s.subject for s in self.provision.sanctions]
        return tuple(chosen[k] for k in sorted(chosen, key=order.index))

    def max_fine_text(self, lang: str = "en") -> str:
        """The fines, described in ``lang``, or ``"-"`` where the version has none."""
        return "; ".join(s.describe(lang) for s in self.fines()) or "-"

    def custody_text(self, lang: str = "en") -> str:
        """The most severe custody, described in ``lang``, or ``"-"`` where the version has none."""
        return "; ".join(s.describe(lang) for s in self.custody()) or "-"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the version's dates (``valid_to`` exclusive, ``last_day_in_force`` the day
        before it; ``dates_read`` whether both were read, not computed) and act, and its fines and
        custody."""
        p = self.provision
        return {
            "ref": str(p.ref),
            "valid_from": p.valid_from.isoformat(),
            "valid_to": p.valid_to.isoformat() if p.valid_to else None,
            "last_day_in_force": self.last_day.isoformat() if self.last_day else None,
            "act": p.act,
            "repealed_by": p.repealed_by,
            "successor": str(p.successor) if p.successor else None,
            "successor_of": str(self.successor_of) if self.successor_of else None,
            "continued_by": str(p.continued_by) if p.continued_by else None,
            "narrowed": p.narrowed,
            "verified": p.verified,
            "dates_read": all(law().bounds_read(p)),
            "fines": [export.sanction_dict(s) for s in self.fines()],
            "custody": [export.sanction_dict(s) for s in self.custody()],
        }


def timeline(citation: str | Ref, follow: bool = True) -> tuple[Period, ...]:
    """Every version of an article part, oldest first; with ``follow``, then its successor's.

    A part repealed with a ``successor`` (CC 2014 Art. 130 -> AOC 2014 Art. 73-3) or whose rule is
    ``continued_by`` another (AOC 2014 Art. 456-1(2) -> 456-2(1)) continues with that part's
    versions from the repeal date on.
    """
    periods = [Period(p) for p in history(citation)]
    seen = {p.ref for p in periods}
    index = 0
    while follow and index < len(periods):
        last = periods[index].provision
        index += 1
        heir = last.successor or last.continued_by
        if heir is None or last.valid_to is None or heir in seen:
            continue
        seen.add(heir)
        start = last.valid_to
        periods += [Period(p, last.ref) for p in history(heir) if p.valid_from >= start]
    return tuple(periods)


def ended_by(text: str, p: Provision, lang: str | None = None) -> str:
    """``text`` and how Law ``p.repealed_by`` ended the version ``p``: it repealed the part, or
    narrowed it to a wording the data does not model (``narrowed``: AOC 2014 Art. 456-1(4))."""
    said = (gettext("{text}; narrowed by Law {act} to a wording the data does not model", lang) if p.narrowed
            else gettext("{text}; repealed by Law {act}", lang))
    return said.format(text=text, act=p.repealed_by)


def moved_to(text: str, p: Provision, lang: str | None = None) -> str:
    """``text`` and where the conduct of the repealed version ``p`` moved (its ``successor``), "as far
    as that part's elements reach" where the successor reaches only some of its acts
    (:meth:`~kzspeechlaw.law.loader.Law.moved_in_part`: CC 2014 130(3) in AOC 2014 73-3(3))."""
    said = (gettext("{text}; the conduct moved to {ref}, as far as that part's elements reach", lang)
            if law().moved_in_part(p) else gettext("{text}; the conduct moved to {ref}", lang))
    return said.format(text=text, ref=p.successor)


def timeline_table(periods: Iterable[Period], lang: str = "en") -> str:
    """A plain-text table: one line per version, with its fines and most severe custody, in ``lang``;
    then a line for each version whose in-force date was computed, not read, and for each repeal."""
    _ = functools.partial(gettext, lang=lang)
    day = functools.partial(local_date, lang=lang)
    rows: list[tuple[str, ...]] = [(_("from"), _("to"), _("part"), _("law"), _("fines"), _("most severe custody"))]
    notes: list[str] = []
    titles: dict[Ref, str] = {}
    marked: set[dt.date] = set()  # inferred days a repeal line already marks
    for period in periods:
        p = period.provision
        if not law().bounds_read(p)[0] and p.valid_from not in marked:
            said = _("in force from {day}, given by Law {act}").format(day=day(p.valid_from), act=p.act)
            notes.append(_("{text} (a date inferred, not read)").format(text=f"{p.ref} {said}"))
        titles[p.ref] = p.title[lang]  # the latest title of each part
        last = period.last_day
        with terms.regime(p.regime):  # the AOC's arrest is «административный арест»
            rows.append((
                day(p.valid_from), day(last) if last else _("in force"), str(p.ref), p.act,
                period.max_fine_text(lang), period.custody_text(lang),
            ))
        if p.repealed_by is not None and p.valid_to is not None:
            said = (_("{ref} narrowed by Law {act} from {day} to a wording the data does not model") if p.narrowed else
                    _("{ref} repealed by Law {act} from {day}")).format(ref=p.ref, act=p.repealed_by,
                                                                                      day=day(p.valid_to))
            if not law().bounds_read(p)[1]:
                said = _("{text} (a date inferred, not read)").format(text=said)
                marked.add(p.valid_to)
            if p.successor:
                said = moved_to(said, p, lang)
            elif p.continued_by:
                said = _("{text}; its rule continues in {ref}").format(text=said, ref=p.continued_by)
            notes.append(said)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    by_title: dict[str, list[str]] = {}
    for ref, title in titles.items():
        by_title.setdefault(title, []).append(str(ref))
    lines = [f"{', '.join(refs)}  {title}" for title, refs in by_title.items()]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
              for row in rows]
    lines += notes
    return "\n".join(line.rstrip() for line in lines)


@attrs.frozen
class MciStep:
    """The MCI from ``valid_from`` (until the next step), with the budget law that set it."""

    valid_from: dt.date
    kzt: int
    act: str
    verified: bool


def mci_steps(purpose: str = "fines") -> tuple[MciStep, ...]:
    """The MCI series for ``purpose`` (``"fines"`` or ``"benefits"``), one step per change.

    >>> [(str(s.valid_from), s.kzt) for s in mci_steps()][-3:]
    [('2024-01-01', 3692), ('2025-01-01', 3932), ('2026-01-01', 4325)]
    """
    check_purpose(purpose)
    steps: list[MciStep] = []
    for day in sorted({v.valid_from for v in law().mci_series}):
        value = mci_value(day, purpose)
        if value.valid_from == day and (not steps or steps[-1].kzt != value.kzt):
            steps.append(MciStep(day, value.kzt, value.act, value.verified))
    return tuple(steps)
