"""One time index: the days on which the data changes, and which interval between them a date is in.

Every dated record of the data is in force on ``[valid_from, valid_to)`` (:func:`in_force`). The
days on which some record starts or ends cut time into intervals; between two consecutive change
days the same records are in force, so any answer computed from the records alone is the same for
every day of one interval. :func:`timeline` knows the change days of the law's data: the versions
of the special part (and the day the 2014 Criminal Code took effect), the general-part rules and
the monthly calculation index; the reasoning adds its own dated rules (sentencing, amnesties) with
:meth:`Timeline.merged`. Interval numbers are the keys of remembered answers.

>>> import datetime as dt
>>> t = Timeline((dt.date(2015, 1, 1), dt.date(2020, 1, 1)))
>>> t.interval(dt.date(2014, 12, 31)), t.interval(dt.date(2015, 1, 1)), t.interval(dt.date(2021, 1, 1))
(0, 1, 2)
>>> in_force(dt.date(2015, 1, 1), dt.date(2020, 1, 1), dt.date(2020, 1, 1))
False
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from kzspeechlaw.dates import change_days
from kzspeechlaw.refs import CC2014_FROM

if TYPE_CHECKING:
    from kzspeechlaw.law.amnesty_laws import Window
    from kzspeechlaw.law.model import Act, Provision


def in_force(valid_from: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    """True when ``on`` lies in the half-open interval ``[valid_from, valid_to)`` (``valid_to``
    ``None``: open-ended)."""
    return valid_from <= on and (valid_to is None or on < valid_to)


def _ordered(days: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return tuple(sorted(set(days)))


@attrs.frozen
class Timeline:
    """Change days in order; interval ``n`` runs from ``days[n - 1]`` (inclusive) to ``days[n]``
    (exclusive); interval 0 is every day before the first change day."""

    days: tuple[dt.date, ...] = attrs.field(converter=_ordered)

    def interval(self, day: dt.date) -> int:
        """Which interval ``day`` is in (by bisection)."""
        return bisect.bisect_right(self.days, day)

    def start(self, interval: int) -> dt.date:
        """The first day of ``interval`` (``date.min`` for interval 0): a day that stands for all of it."""
        return self.days[interval - 1] if interval > 0 else dt.date.min

    def between(self, after: dt.date, before: dt.date) -> tuple[dt.date, ...]:
        """The change days ``d`` with ``after < d < before``, in order."""
        return self.days[bisect.bisect_right(self.days, after):bisect.bisect_left(self.days, before)]


@functools.cache
def timeline() -> Timeline:
    """The index of the law's data: every day a version of the special part, a general-part or
    sentencing rule or the MCI starts or ends (or the MCI data ends), every day on which what an
    amnesty law does may change (:func:`kzspeechlaw.law.amnesty_data.reach_days` and
    :func:`~kzspeechlaw.law.amnesty_data.decision_days`), and the day the 2014
    Criminal Code took effect. The days are kept with the compiled law
    (:mod:`kzspeechlaw.law.compiled`), so a lookup reads neither the sentencing nor the amnesty
    data."""
    from kzspeechlaw.law import compiled  # here, not at the top: the modules it reads read the index
    from kzspeechlaw.law.loader import DATA_DIR

    return compiled.cached(DATA_DIR, _build, Timeline, name="timeline")


def _build(directory: Path) -> Timeline:
    from kzspeechlaw.law import amnesty_data

    return Timeline((*_law_days(), *amnesty_data.reach_days(), *amnesty_data.decision_days()))


@functools.cache
def data_dates() -> frozenset[str]:
    """The dates of the law's data as ISO text, and the days either side (the last day in force of
    a version, the last day an amnesty reaches): every date the data files write, every day of
    :func:`timeline` and the day an amnesty's execution ends. Kept with the compiled law
    (:mod:`kzspeechlaw.law.compiled`)."""
    from kzspeechlaw.law import compiled
    from kzspeechlaw.law.loader import DATA_DIR

    return compiled.cached(DATA_DIR, _data_dates, frozenset, name="data-dates")


ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
"""An ISO date, not within a longer run of digits."""


def _data_dates(directory: Path) -> frozenset[str]:
    from kzspeechlaw.law import amnesty_data

    days: set[dt.date] = set()
    for path in sorted(directory.glob("*.toml")):
        if path.name.startswith("."):  # not a data file: an editor's lock or backup
            continue
        for text in ISO_DATE.findall(path.read_text(encoding="utf-8")):
            try:
                days.add(dt.date.fromisoformat(text))
            except ValueError:
                continue
    days |= set(timeline().days)
    days |= {a.execution_ends for a in amnesty_data.amnesties().laws if a.execution_ends is not None}
    step = dt.timedelta(days=1)
    near = {d + k * step for d in days for k in (-1, 0, 1) if dt.date.min + step <= d <= dt.date.max - step}
    return frozenset(d.isoformat() for d in near)


def act_days(versions: Iterable[Provision] | None = None) -> tuple[dt.date, ...]:
    """The days of :func:`timeline` with which the reasoning may compare an act date: all but the
    amnesties' entry into force and the day after their execution period
    (:func:`kzspeechlaw.law.amnesty_data.decision_days`), which only a decision date is compared
    with; of the special part, the days of ``versions`` alone where given (default: every
    version). Read from the data each time (not kept with the compiled law)."""
    from kzspeechlaw.law import amnesty_data

    return _ordered((*_law_days(versions), *amnesty_data.reach_days()))


def decision_days(versions: Iterable[Provision] | None = None) -> tuple[dt.date, ...]:
    """The days of :func:`timeline` with which the reasoning may compare a decision date: all but
    the bounds of the acts an amnesty reaches (:func:`kzspeechlaw.law.amnesty_data.reach_days`),
    which only an act date is compared with; of the special part, the days of ``versions`` alone
    where given. Read from the data each time."""
    from kzspeechlaw.law import amnesty_data

    return _ordered((*_law_days(versions), *amnesty_data.decision_days()))


def _law_days(versions: Iterable[Provision] | None = None) -> tuple[dt.date, ...]:
    """The days of :func:`timeline` but the amnesties' (of the special part, those of ``versions``
    where given)."""
    from kzspeechlaw.law import general_part, sentencing_rules
    from kzspeechlaw.law.loader import law

    data = law()
    if versions is None:
        versions = (v for parts in data.versions.values() for v in parts)
    versions = tuple(versions)
    days = (
        *change_days(versions),
        *general_part.days(),
        *sentencing_rules.days(),
        *(m.valid_from for m in data.mci_series),
        data.mci_until + dt.timedelta(days=1),
        CC2014_FROM,
    )
    changes = code_days(versions)
    return (*days, *window_ends(changes), *early_starts(changes))


def early_starts(days: Iterable[dt.date]) -> tuple[dt.date, ...]:
    """Of ``days``, those of :func:`unread_publication_days`, each moved to the earliest day its laws
    could have taken effect: from it up to the day a decision is weighed as if they had already
    taken effect too (:func:`kzspeechlaw.reasoning.explanation.in_force_what_ifs`)."""
    counted = set(days)
    return tuple(sorted(earliest for day, _, earliest in unread_publication_days() if day in counted))


def code_days(versions: Iterable[Provision]) -> tuple[dt.date, ...]:
    """The days on which one of ``versions``, or a general-part or sentencing rule of their codes,
    starts or ends: the days an answer on those versions may change on."""
    versions = tuple(versions)
    return (*change_days(versions), *rule_days({v.ref.code for v in versions}))


def rule_days(codes: Collection[str]) -> tuple[dt.date, ...]:
    """The days on which a general-part or sentencing rule of one of ``codes`` starts or ends."""
    from kzspeechlaw.law import general_part, sentencing_rules

    general = [r for key, rs in general_part.rules().items() if key[1] in codes for r in rs]
    sentencing = [r for (code, _), rs in sentencing_rules.rules().items() if code in codes for r in rs]
    return (*general_part.changes(general), *change_days(sentencing))


def window_ends(days: Iterable[dt.date]) -> tuple[dt.date, ...]:
    """Of ``days``, those of :func:`inferred_days`, each moved to the day after the window that
    follows it (:data:`~kzspeechlaw.law.amnesty_laws.CAVEAT_WINDOW`): within it an act or a decision
    is weighed as if the act had not yet taken effect too
    (:func:`kzspeechlaw.reasoning.explanation.in_force_what_ifs`). A day on which nothing the
    reasoning reads changes moves no answer, so its window needs no end."""
    from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW

    inferred = {day for day, _ in inferred_days()}
    return tuple(sorted(d + CAVEAT_WINDOW + dt.timedelta(days=1) for d in inferred.intersection(days)))


@functools.cache
def inferred_days() -> tuple[tuple[dt.date, tuple[str, ...]], ...]:
    """Each in-force date of the acts that was inferred from a rule counted from the publication,
    which was not read (the earliest the act could take effect), with the acts taking effect on it;
    not a day on which an act whose date was read takes effect too (a day before it would undo that
    act as well)."""
    from kzspeechlaw.law.loader import law

    acts = law().acts.values()
    read = {a.in_force for a in acts if a.verified}
    counted = [a for a in acts if a.in_force is not None and not a.verified and a.in_force not in read
               and "официального опубликования" in a.in_force_rule]
    return tuple((day, tuple(sorted(a.id for a in counted if a.in_force == day)))
                 for day in sorted({a.in_force for a in counted if a.in_force is not None}))


@functools.cache
def unread_publication_days() -> tuple[tuple[dt.date, tuple[str, ...], dt.date], ...]:
    """Each in-force date counted from a publication date that was not read in a primary text (the
    act's ``published`` given with ``published_read = false``, its in-force date not verified), with
    the acts taking effect on it and
    the earliest day they could have taken effect: published on the day of adoption, the same count
    from that day (Law 349-VI: adopted 26.06.2020, «по истечении десяти календарных дней после дня
    его первого официального опубликования», published 29.06.2020 by a secondary report, so in force
    10.07.2020, but from 07.07.2020 had it been published when adopted)."""
    from kzspeechlaw.law.loader import law

    found: dict[tuple[dt.date, dt.date], list[str]] = {}
    for a in law().acts.values():
        if a.verified or a.published_read or a.in_force is None or a.published is None or a.adopted >= a.published:
            continue
        earliest = a.adopted + (a.in_force - a.published)
        found.setdefault((a.in_force, earliest), []).append(a.id)
    return tuple((day, tuple(sorted(ids)), earliest) for (day, earliest), ids in sorted(found.items()))


def caveat(act_id: str | None, day: dt.date | None) -> tuple[Act, Window] | None:
    """The act a boundary ``day`` rests on, where that day is its in-force date and was not read,
    and the dates near it (:data:`~kzspeechlaw.law.amnesty_laws.CAVEAT_WINDOW` either side)."""
    from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW, Window
    from kzspeechlaw.law.loader import law

    act = law().acts.get(act_id) if act_id else None
    if act is None or act.verified or day is None or act.in_force != day:
        return None
    return act, Window(day - CAVEAT_WINDOW, day + CAVEAT_WINDOW)


def caveat_window(act_id: str | None, day: dt.date | None) -> Window | None:
    """The dates near a boundary ``day`` that rests on an act whose in-force date was not read
    (:data:`~kzspeechlaw.law.amnesty_laws.CAVEAT_WINDOW` either side); ``None`` where the date was
    read or is not the act's."""
    found = caveat(act_id, day)
    return None if found is None else found[1]
