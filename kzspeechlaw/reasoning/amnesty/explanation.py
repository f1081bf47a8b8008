"""The notes and trace steps that say what the amnesties found for an act did (:func:`explain`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kzspeechlaw.i18n import Message, join
from kzspeechlaw.law.amnesty_laws import Amnesty
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning.amnesty.reach import Finding, Status, releasing
from kzspeechlaw.terms import Cite


def title(a: Amnesty) -> dict[str, str]:
    """The Law's title by language, for a message (the Russian one where the Kazakh was not read)."""
    return {"en": a.title.en, "ru": a.title.ru, "kk": a.title.kk or a.title.ru}


def _article(f: Finding) -> str:
    """The article of the Law a finding rests on."""
    if f.rule is not None:
        return Cite(f.rule.article, law=True)
    if f.exclusion is not None:
        return Cite(f.exclusion.article, law=True)
    if f.status is Status.REFUSED and f.amnesty.objection_article is not None:
        return Cite(f.amnesty.objection_article, law=True)
    return Cite(", ".join(r.article for r in f.amnesty.releases if r.stage == "liability"), law=True)


def _in_force_text(a: Amnesty) -> str:
    if a.verified:
        return Message("in force from {day}", day=a.in_force)
    return Message("in force from {day} at the earliest, its publication date not being read", day=a.in_force)


def _reach_text(a: Amnesty, act_date: dt.date) -> str:
    if a.committed_from is not None:
        last = a.committed_before - dt.timedelta(days=1)
        return Message("reaches acts of {start} to {end}, as the act of {day}", start=a.committed_from, end=last,
                       day=act_date)
    return Message("reaches acts committed before {end}, as the act of {day}", end=a.committed_before, day=act_date)


def _shortened(f: Finding) -> bool:
    """True for a conditional finding that rests on a list shortened in the text read."""
    return f.status is Status.CONDITIONAL and f.exclusion is not None


def _would(f: Finding) -> str:
    """What a ``may_reach`` finding's Law would do for the act if it reached it."""
    if f.would is Status.RELEASED:
        return Message("it would release the act from criminal liability ({reason})", reason=f.reason)
    if f.would is Status.MAIN_PUNISHMENT:
        return Message("the court would release from the main punishment only ({reason})", reason=f.reason)
    if f.would is Status.CONDITIONAL:
        return Message("it might release the act ({reason})", reason=f.reason) if _shortened(f) else \
            Message("it would release the act only under {reason}", reason=f.reason)
    return Message("it would still not release the act: {reason}", reason=f.reason)


def explain(found: Iterable[Finding], act_date: dt.date, decided_on: dt.date, applied: bool = True
            ) -> tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """Notes and trace steps (``what``, ``citation``, ``source``) for :func:`findings`' answer;
    ``applied`` is false where another ground (limitation) decided the outcome first."""
    notes: list[str] = []
    steps: list[tuple[str, str, str]] = []
    found = tuple(found)
    decisive = releasing(found)
    for f in found:
        a = f.amnesty
        article = _article(f)
        provided = Message(" Provided that: {conditions}.", conditions=join(f.open_conditions, "; ")) \
            if f.open_conditions else ""
        if f.status is Status.MAY_REACH:
            days = (act_date - a.committed_before).days
            steps.append((Message("Amnesty Law {law} of {adopted} reaches acts committed before its entry into "
                                  "force, taken as {in_force}, the earliest possible day; the act of {day} is {days} "
                                  "days after it, reached only if the Law entered into force later: {would}; not "
                                  "relied on", law=a.id, adopted=a.adopted, in_force=a.in_force, day=act_date,
                                  days=days, would=_would(f)),
                          a.cite(article), a.source))
            notes.append(Message("Law {law} ({title}) may reach the act: it reaches acts committed before its entry "
                                 "into force, taken as {in_force}, the earliest possible day. If it entered into "
                                 "force after {day} (and by {decided}), {would}. What decides is the date of its "
                                 "first official publication, which was not read ({rule}); the outcome does not rest "
                                 "on it.{provided}", law=a.id, title=title(a), in_force=a.in_force, day=act_date,
                                 decided=decided_on, would=_would(f), rule=Cite(a.in_force_rule, law=True),
                                 provided=provided))
            continue
        head = Message("Amnesty Law {law} of {adopted}, {in_force}, {reach}", law=a.id, adopted=a.adopted,
                       in_force=_in_force_text(a), reach=_reach_text(a, act_date))
        if f is decisive and applied:
            steps.append((Message("{head}: {reason}; the act is amnestied", head=head, reason=f.reason),
                          a.cite(article), a.source))
            notes.append(Message("Amnestied under Law {law} ({title}), {reason}.{provided}", law=a.id,
                                 title=title(a), reason=f.reason, provided=provided))
            if not f.within_execution:
                steps.append((Message("The execution period of Law {law} ended on {day}; the Law stays in force and "
                                      "its release applies to the case decided later", law=a.id,
                                      day=a.execution_ends),
                              a.cite(a.execution_article or article), a.source))
                notes.append(Message("The bodies were to execute Law {law} within {months} months ({article}), "
                                     "until {day}. That period has passed, but nothing in the Law ends the release "
                                     "with it and the Law stays in force: the release applies to this case too.",
                                     law=a.id, months=a.execution_months,
                                     article=Cite(a.execution_article or "", law=True), day=a.execution_ends))
        elif f is decisive:
            steps.append((Message("{head}: {reason}; the outcome already rests on another ground", head=head,
                                  reason=f.reason), a.cite(article), a.source))
            notes.append(Message("Law {law} ({article}) would also release the act from criminal liability."
                                 "{provided}", law=a.id, article=article, provided=provided))
        elif f.status is Status.RELEASED:
            steps.append((Message("{head}: {reason}; an earlier amnesty already decides", head=head,
                                  reason=f.reason), a.cite(article), a.source))
            notes.append(Message("Law {law} ({article}) would also release the act from criminal liability.",
                                 law=a.id, article=article))
        elif f.status is Status.MAIN_PUNISHMENT:
            steps.append((Message("{head}: {reason}", head=head, reason=f.reason), a.cite(article), a.source))
            notes.append(Message("Law {law}: {reason}; the additional punishment remains.{provided}", law=a.id,
                                 reason=f.reason, provided=provided))
        elif _shortened(f):
            steps.append((Message("{head}; it may release the act, but {reason}: not relied on", head=head,
                                  reason=f.reason), a.cite(article), a.source))
            notes.append(Message("Law {law} may release the act from criminal liability ({article}): {reason}; the "
                                 "facts given do not decide it, so the outcome does not rest on it.{provided}",
                                 law=a.id, article=article, reason=f.reason, provided=provided))
        elif f.status is Status.CONDITIONAL:
            steps.append((Message("{head}; it releases the act under {reason}, which the facts do not say: not "
                                  "relied on", head=head, reason=f.reason), a.cite(article), a.source))
            notes.append(Message("Released under Law {law} {reason}; the facts do not say, so the outcome does not "
                                 "rest on it.{provided}", law=a.id, reason=f.reason, provided=provided))
        else:
            steps.append((Message("{head}, but does not release it: {reason}", head=head, reason=f.reason),
                          a.cite(article), a.source))
            if f.exclusion is not None and f.exclusion.convicted_only:
                notes.append(Message("Law {law}: {reason}.", law=a.id, reason=f.reason))
        if a.in_force_uncertain_on(decided_on):
            notes.append(Message("The entry into force of Law {law} ({rule}) is taken as {in_force}, the earliest "
                                 "possible day; the publication date was not read, and on the decision date {day} "
                                 "the Law may not yet have been in force: this needs checking.", law=a.id,
                                 rule=Cite(a.in_force_rule, law=True), in_force=a.in_force, day=decided_on))
    return tuple(notes), tuple(steps)


def later(found: Iterable[Finding]) -> tuple[str, ...]:
    """Notes on the amnesty laws that entered into force after the decision date and reach the act
    (:func:`~kzspeechlaw.reasoning.amnesty.reach.later_findings`): a person convicted of it is
    released from the main punishment still to be served, not one who served it (Law 329-VIII Art.
    1(5), 3(9)). Nothing is said where the Law excludes the act or does not cover it."""
    found = tuple(found)
    return _LATER_NOTES.get(found, lambda: _later(found))


_LATER_NOTES = Memo(maxsize=4096)


def _later(found: tuple[Finding, ...]) -> tuple[str, ...]:
    notes: list[str] = []
    for f in found:
        a = f.amnesty
        if f.status not in (Status.RELEASED, Status.MAIN_PUNISHMENT, Status.CONDITIONAL):
            continue
        provided = Message(" Provided that: {conditions}.", conditions=join(f.open_conditions, "; ")) \
            if f.open_conditions else ""
        head = Message("Law {law} ({title}), {in_force}, after the decision date, reaches the act", law=a.id,
                       title=title(a), in_force=_in_force_text(a))
        convicted, served = Cite(a.convicted_article or "", law=True), Cite(a.served_article or "", law=True)
        if _shortened(f):
            what = Message("a person convicted of it may be released from the main punishment still to be served "
                           "({convicted}), but {reason}", convicted=convicted, reason=f.reason)
        elif f.status is Status.CONDITIONAL:
            what = Message("a person convicted of it is released from the main punishment still to be served "
                           "({convicted}) only under {reason}, which the facts do not say", convicted=convicted,
                           reason=f.reason)
        else:
            what = Message("a person convicted of it is released from the main punishment still to be served "
                           "({convicted}; the offence is one {rule} releases)", convicted=convicted,
                           rule=_article(f))
        notes.append(Message("{head}: {what}; not a person who has served it ({served}).{provided}", head=head,
                             what=what, served=served, provided=provided))
    return tuple(notes)
