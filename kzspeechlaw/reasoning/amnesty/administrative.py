"""The administrative chapter of an amnesty law: release from administrative fines imposed and
unpaid on its entry into force (:func:`administrative_release`)."""

from __future__ import annotations

import datetime as dt

from kzspeechlaw.errors import InvalidIncident
from kzspeechlaw.law.amnesty_data import amnesties
from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW, PERSONS, Amnesties, Amnesty
from kzspeechlaw.law.facts import ENTITIES, Offender
from kzspeechlaw.refs import Ref


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _offender(value: Offender | str | None) -> Offender | None:
    if value is None or isinstance(value, Offender):
        return value
    try:
        return Offender(value)
    except ValueError:
        raise InvalidIncident("offender", value, "one of " + ", ".join(o.value for o in Offender)) from None


def administrative_release(ref: Ref, imposed_on: dt.date, by_court: bool | None,
                           data: Amnesties | None = None, offender: Offender | str | None = None
                           ) -> tuple[tuple[Amnesty, str], ...]:
    """The amnesties whose administrative chapter releases from a fine for ``ref`` imposed on
    ``imposed_on`` and unpaid on their entry into force, each with what the facts leave open
    (who imposed it, when ``by_court`` is ``None``; who the ``offender`` is, when ``None``). Law
    329-VIII Arts 7-8: only fines of the out-of-court bodies of AOC Arts 685-735-1, a court's
    penalty excluded (Art. 8(1)); only natural persons who are citizens, individual
    entrepreneurs, private notaries, private bailiffs, advocates or legal consultants (Art. 7(1)).
    A fine imposed just after an unread entry into force is given with that date as the open
    condition. The six months of Art. 9(2) are for the bodies to take measures: they do not end
    the release."""
    who = _offender(offender)
    data = data if data is not None else amnesties()
    found = []
    for a in data.laws:
        part = a.administrative
        if part is None or any(r.contains(ref) for r in part.refs):
            continue
        if by_court and part.court_penalties_excluded:
            continue
        if part.persons and who in ENTITIES:
            continue  # legal entities are not among the persons released
        unread = not a.verified and part.fines_unpaid_on == a.in_force
        open_ = []
        if imposed_on > part.fines_unpaid_on:
            if not (unread and imposed_on - part.fines_unpaid_on <= CAVEAT_WINDOW):
                continue
            open_.append(f"the Law entered into force after {imposed_on}, the day the fine was imposed (it is taken "
                         f"as {a.in_force}, the earliest possible day; the date of its first official publication, "
                         f"which decides, was not read: {a.in_force_rule})")
            open_.append(f"the fine was unpaid (in whole or part) on the day the Law entered into force "
                         f"({part.article})")
        elif unread:
            open_.append(f"the fine was unpaid (in whole or part) on the day the Law entered into force, taken as "
                         f"{part.fines_unpaid_on}, the earliest possible day (unverified: its publication date was "
                         f"not read; {part.article})")
        else:
            open_.append(f"the fine was unpaid (in whole or part) on {part.fines_unpaid_on} ({part.article})")
        if part.persons:
            kinds = _or([PERSONS[x] for x in part.persons])
            if who is None:
                open_.append(f"the fine was imposed on a natural person who is {kinds} ({part.persons_article}); a "
                             "legal entity is not released")
            else:
                open_.append(f"the person is {kinds} ({part.persons_article})")
        if by_court is None and part.court_penalties_excluded:
            open_.append(f"it was imposed by an out-of-court body of AOC Arts 685-735-1, not by a court "
                         f"({part.article})")
        if not part.complete and not any(r.contains(ref) for r in part.not_listed):
            open_.append(f"the list of excluded offences ({part.article}) is shortened in the text read: "
                         f"whether it names {ref} was not checked")
        found.append((a, "; ".join(open_)))
    return tuple(found)
