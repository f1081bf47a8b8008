"""The notes and trace steps that say what the amnesties found for an act did (:func:`explain`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kzspeechlaw.i18n import Message
from kzspeechlaw.law.amnesty_laws import Amnesty
from kzspeechlaw.reasoning.amnesty.reach import Finding, Status, releasing


def _article(f: Finding) -> str:
    """The article of the Law a finding rests on."""
    if f.rule is not None:
        return f.rule.article
    if f.exclusion is not None:
        return f.exclusion.article
    if f.status is Status.REFUSED and f.amnesty.objection_article is not None:
        return f.amnesty.objection_article
    return ", ".join(r.article for r in f.amnesty.releases if r.stage == "liability")


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
        return f"it would release the act from criminal liability ({f.reason})"
    if f.would is Status.MAIN_PUNISHMENT:
        return f"the court would release from the main punishment only ({f.reason})"
    if f.would is Status.CONDITIONAL:
        return f"it might release the act ({f.reason})" if _shortened(f) else \
            f"it would release the act only under {f.reason}"
    return f"it would still not release the act: {f.reason}"


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
        conditions = "; ".join(f.open_conditions)
        provided = f" Provided that: {conditions}." if conditions else ""
        if f.status is Status.MAY_REACH:
            days = (act_date - a.committed_before).days
            steps.append((f"Amnesty Law {a.id} of {a.adopted} reaches acts committed before its entry into force, "
                          f"taken as {a.in_force}, the earliest possible day; the act of {act_date} is {days} days "
                          f"after it, reached only if the Law entered into force later: {_would(f)}; not relied on",
                          a.cite(article), a.source))
            notes.append(f"Law {a.id} ({a.title.en}) may reach the act: it reaches acts committed before its entry "
                         f"into force, taken as {a.in_force}, the earliest possible day. If it entered into force "
                         f"after {act_date} (and by {decided_on}), {_would(f)}. What decides is the date of its "
                         f"first official publication, which was not read ({a.in_force_rule}); the outcome does not "
                         f"rest on it.{provided}")
            continue
        head = Message("Amnesty Law {law} of {adopted}, {in_force}, {reach}", law=a.id, adopted=a.adopted,
                       in_force=_in_force_text(a), reach=_reach_text(a, act_date))
        if f is decisive and applied:
            steps.append((Message("{head}: {reason}; the act is amnestied", head=head, reason=f.reason),
                          a.cite(article), a.source))
            notes.append(Message("Amnestied under Law {law} ({title}), {reason}.{provided}", law=a.id,
                                 title=a.title.en, reason=f.reason, provided=provided))
            if not f.within_execution:
                steps.append((f"The execution period of Law {a.id} ended on {a.execution_ends}; the Law stays in "
                              "force and its release applies to the case decided later", a.cite(
                                  a.execution_article or article), a.source))
                notes.append(f"The bodies were to execute Law {a.id} within {a.execution_months} months "
                             f"({a.execution_article}), until {a.execution_ends}. That period has passed, but nothing "
                             "in the Law ends the release with it and the Law stays in force: the release applies "
                             "to this case too.")
        elif f is decisive:
            steps.append((f"{head}: {f.reason}; the outcome already rests on another ground",
                          a.cite(article), a.source))
            notes.append(f"Law {a.id} ({article}) would also release the act from criminal liability.{provided}")
        elif f.status is Status.RELEASED:
            steps.append((f"{head}: {f.reason}; an earlier amnesty already decides", a.cite(article), a.source))
            notes.append(f"Law {a.id} ({article}) would also release the act from criminal liability.")
        elif f.status is Status.MAIN_PUNISHMENT:
            steps.append((f"{head}: {f.reason}", a.cite(article), a.source))
            notes.append(f"Law {a.id}: {f.reason}; the additional punishment remains.{provided}")
        elif _shortened(f):
            steps.append((Message("{head}; it may release the act, but {reason}: not relied on", head=head,
                                  reason=f.reason), a.cite(article), a.source))
            notes.append(Message("Law {law} may release the act from criminal liability ({article}): {reason}; the "
                                 "facts given do not decide it, so the outcome does not rest on it.{provided}",
                                 law=a.id, article=article, reason=f.reason, provided=provided))
        elif f.status is Status.CONDITIONAL:
            steps.append((f"{head}; it releases the act under {f.reason}, which the facts do not say: not relied on",
                          a.cite(article), a.source))
            notes.append(f"Released under Law {a.id} {f.reason}; the facts do not say, so the outcome does not "
                         f"rest on it.{provided}")
        else:
            steps.append((Message("{head}, but does not release it: {reason}", head=head, reason=f.reason),
                          a.cite(article), a.source))
            if f.exclusion is not None and f.exclusion.convicted_only:
                notes.append(Message("Law {law}: {reason}.", law=a.id, reason=f.reason))
        if a.in_force_uncertain_on(decided_on):
            notes.append(f"The entry into force of Law {a.id} ({a.in_force_rule}) is taken as {a.in_force}, the "
                         "earliest possible day; the publication date was not read, and on the decision date "
                         f"{decided_on} the Law may not yet have been in force: this needs checking.")
    return tuple(notes), tuple(steps)

