"""The administrative chapter of an amnesty law: release from administrative fines imposed and
unpaid on its entry into force (:func:`administrative_release`)."""

from __future__ import annotations

import datetime as dt

from kzspeechlaw.errors import InvalidIncident
from kzspeechlaw.i18n import OR, Message, join
from kzspeechlaw.law.amnesty_data import amnesties
from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW, PERSONS, Amnesties, Amnesty
from kzspeechlaw.law.facts import ENTITIES, ENTREPRENEURS, Offender
from kzspeechlaw.refs import Ref
from kzspeechlaw.terms import Cite


def _or(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return Message("{some}{sep}{last}", some=join(items[:-1], ", "), sep=OR, last=items[-1])


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
    An offence the courts alone hear (AOC Art. 684(1): 73-3, 434, 456-2 ...) is never released,
    whatever ``by_court`` says: its fine can only be a court's.
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
        if part.court_penalties_excluded and (by_court or any(r.contains(ref) for r in part.court_only)):
            continue  # a court's penalty; for the offences of court_only, every fine is a court's
        if part.persons and who in ENTITIES and who not in ENTREPRENEURS:
            continue  # legal entities are not among the persons released (a business may be an entrepreneur)
        unread = not a.verified and part.fines_unpaid_on == a.in_force
        open_ = []
        if imposed_on > part.fines_unpaid_on:
            if not (unread and imposed_on - part.fines_unpaid_on <= CAVEAT_WINDOW):
                continue
            open_.append(Message("the Law entered into force after {day}, the day the fine was imposed (it is "
                                 "taken as {in_force}, the earliest possible day; the date of its first official "
                                 "publication, which decides, was not read: {rule})", day=imposed_on,
                                 in_force=a.in_force, rule=Cite(a.in_force_rule, law=True)))
            open_.append(Message("the fine was unpaid (in whole or part) on the day the Law entered into force "
                                 "({article})", article=Cite(part.article, law=True)))
        elif unread:
            open_.append(Message("the fine was unpaid (in whole or part) on the day the Law entered into force, "
                                 "taken as {day}, the earliest possible day (unverified: its publication date was "
                                 "not read; {article})", day=part.fines_unpaid_on,
                                 article=Cite(part.article, law=True)))
        else:
            open_.append(Message("the fine was unpaid (in whole or part) on {day} ({article})",
                                 day=part.fines_unpaid_on, article=Cite(part.article, law=True)))
        if part.persons:
            kinds = _or([PERSONS[x] for x in part.persons])
            if who is None or who in ENTREPRENEURS:
                open_.append(Message("the fine was imposed on a natural person who is {kinds} ({article}); a "
                                     "legal entity is not released", kinds=kinds,
                                     article=Cite(part.persons_article or "", law=True)))
            else:
                open_.append(Message("the person is {kinds} ({article})", kinds=kinds,
                                     article=Cite(part.persons_article or "", law=True)))
        if by_court is None and part.court_penalties_excluded:
            open_.append(Message("it was imposed by an out-of-court body of AOC Arts 685-735-1, not by a court "
                                 "({article})", article=Cite(part.article, law=True)))
        if not part.complete and not any(r.contains(ref) for r in part.not_listed):
            open_.append(Message("the list of excluded offences ({article}) is shortened in the text read: "
                                 "whether it names {ref} was not checked", article=Cite(part.article, law=True),
                                 ref=str(ref)))
        found.append((a, join(open_, "; ")))
    return tuple(found)
