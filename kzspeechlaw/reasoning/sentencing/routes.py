"""Routes out of punishment on the facts: reconciliation and repentance (CC 2014 Art. 68), active
repentance (Art. 65, named, not modelled), amnesty,
the conditional sentence (Art. 63), deferral (Art. 74); for administrative offences the victim's
complaint (AOC 2014 Art. 64), a court's release of a first offender (64(1-1)) and the trivial offence
(Art. 64-1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from kzspeechlaw.i18n import N_, Code, Message, join
from kzspeechlaw.law.amnesty_data import amnesties
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Category, Penalty, Provision, Regime
from kzspeechlaw.law.sentencing_rules import Rule, find, rules
from kzspeechlaw.law.timeline import timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning.sentencing.amounts import exact
from kzspeechlaw.reasoning.sentencing.circumstances import (
    Aggravating,
    Facts,
    Mitigating,
    all_of,
    any_of,
    names_minor,
)
from kzspeechlaw.reasoning.sentencing.ranges import SENTENCING_CODES

_BAR = {"extremist": N_("extremist"), "terrorist": N_("terrorist"), "criminal_group": N_("of a criminal group"),
        "grave": N_("grave"), "especially_grave": N_("especially grave")}
"""The bars of CC 2014 Art. 63(6) as the note names them."""


def _bars(rule: Rule, p: Provision, facts: Facts) -> list[str]:
    """The bars of ``rule`` (its ``excludes``) this crime meets, in one order: its category, an
    extremist or a terrorist crime (CC 2014 Art. 3(39), (30): the code's definitions the amnesties
    read too), a crime of a criminal group (the circumstance)."""
    def meets(bar: str) -> bool:
        if bar in ("extremist", "terrorist"):
            defined = amnesties().definitions.get((bar, p.ref.code))
            return (bar == "extremist" and p.extremist) or (defined is not None and defined.covers(p.ref))
        return facts.criminal_group if bar == "criminal_group" else bar == p.category.value

    return sorted(bar for bar in rule.excludes if meets(bar))

_AMNESTY_STATUS = {"released": N_("released"), "may_reach": N_("may_reach"),
                   "main_punishment": N_("main_punishment"), "conditional": N_("conditional"),
                   "excluded": N_("excluded"), "not_covered": N_("not_covered"), "refused": N_("refused")}
"""What an amnesty finding does, as the route's reason names it (its code, in words in another language)."""

RELEASE_STATUSES = ("open", "closed", "depends", "not_modelled")
"""Whether a release route is open on the facts (:class:`Release`)."""



@attrs.frozen(cache_hash=True)
class Release:
    """A route out of punishment: ``status`` one of :data:`RELEASE_STATUSES`, the ``article``,
    the ``conditions`` it needs and the ``reasons`` for the status."""

    route: str
    status: str
    article: str
    conditions: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"route": self.route, "status": self.status, "article": self.article,
                "conditions": list(self.conditions), "reasons": list(self.reasons)}


def _tri(value: bool | None, yes: str, no: str) -> str:
    return yes if value is True else no if value is False else "depends"


_RELEASES = Memo(maxsize=16384)


def releases(p: Provision, facts: Facts, kinds: Iterable[Penalty], act_date: dt.date, decided: dt.date,
             amnesty_findings: tuple[Any, ...] = ()) -> tuple[Release, ...]:
    """The release routes on these facts (reconciliation, amnesty, conditional sentence,
    deferral; for administrative offences the complaint, reconciliation and trivial offence).
    Remembered per version, facts, periods of the rules and amnesty findings."""
    kinds = tuple(kinds)
    interval = timeline().interval
    key = (p, facts, kinds, interval(act_date), interval(decided), amnesty_findings)
    return _RELEASES.get(key,
                         lambda: _releases(p, facts, kinds, act_date, decided, amnesty_findings))


def _releases(p: Provision, facts: Facts, kinds: tuple[Penalty, ...], act_date: dt.date, decided: dt.date,
              amnesty_findings: tuple[Any, ...]) -> tuple[Release, ...]:
    if p.regime is Regime.ADMINISTRATIVE:
        return _administrative_releases(p, facts, act_date, decided)
    if p.ref.code not in SENTENCING_CODES:
        return (Release("reconciliation", "not_modelled", "", (), (
            Message("{code}'s releases are not modelled.", code=p.ref.code),)),)
    # The rules of the act's time; for an act before the Code took effect that the Code governs as
    # the milder law (CC 2014 Art. 6(1)), those of its first day: none of its rules is older.
    act_date = max(act_date, law().codes[p.ref.code].valid_from)
    out: list[Release] = list(_complaint_routes(find(p.ref.code, "private_prosecution", act_date), p, facts,
                                              "private_reconciliation", prosecutor=True))
    rule = find(p.ref.code, "reconciliation", act_date)
    if rule is not None:
        conditions = (N_("reconciled with the victim (reconciled)"), N_("harm made good (harm_compensated)"))
        barred = _excluded_68(rule, p, facts)
        if barred is not None:
            out.append(Release("reconciliation", "closed", rule.cite(), conditions, (barred,)))
        elif p.category.value not in rule.categories:
            out.append(Release("reconciliation", "closed", rule.cite(), conditions, (
                Message("Art. 68(1) covers misdemeanours and small or medium crimes, not a {category} crime; for a "
                        "grave crime see Art. 68(2) (reconciliation_grave).", category=Code(p.category)),)))
        else:
            both = all_of(facts.reconciled, facts.harm_compensated)
            status = _tri(both, "open", "closed")
            why = {"open": N_("Release is mandatory: the person reconciled and made good the harm."),
                   "closed": N_("The person did not reconcile or did not make good the harm."),
                   "depends": N_("Mandatory release if the person reconciled and made good the harm: not stated.")
                   }[status]
            earlier = _earlier_release(p, act_date) if status == "open" else None
            status, said = ("depends", (why, earlier)) if earlier else (status, (why,))
            out.append(Release("reconciliation", status, rule.cite(), conditions, said))
    out += _reconciliation_grave(p, facts, act_date)
    out.append(Release("active_repentance", "not_modelled", "CC2014 65", (
        N_("a criminal misdemeanour, or a first crime"),
        N_("surrender, help with the investigation, harm made good")), (
        N_("A person who committed a criminal misdemeanour, or a crime for the first time, may be released on active "
           "repentance (CC 2014 Art. 65(1)); not for extremist or terrorist crimes, crimes of a criminal group and "
           "others (Art. 65(2)). The release is discretionary and is not modelled."),)))
    out.append(Release("change_of_situation", "not_modelled", "CC2014 70", (
        N_("the act ceased to be socially dangerous by the time of trial, through a change of situation"),
        N_("or a first criminal misdemeanour or small or medium crime, and blameless conduct since")), (
        N_("The court must release a person whose act ceased to be socially dangerous by the time of trial through a "
           "change of situation (CC 2014 Art. 70(1)), or who committed a first criminal misdemeanour or crime of "
           "small or medium gravity and, through blameless conduct since, cannot be deemed socially dangerous by "
           "then (Art. 70(2)): «подлежит освобождению судом». Both are the court's findings, not incident fields, "
           "and are not modelled."),)))
    out += _surety(p, facts, act_date)
    out += _minor_release(p, facts, act_date)
    found = tuple(amnesty_findings)
    if found:
        releasing = [f for f in found if getattr(f, "releases", False)]
        undecided = ("conditional", "main_punishment", "may_reach")
        status = "open" if releasing else (
            "depends" if any(str(getattr(f, "status", "")) in undecided for f in found) else "closed")
        out.append(Release("amnesty", status, ", ".join(f"Law {f.amnesty.id}" for f in found), (),
                           tuple(Message("Law {law}: {status} ({reason})", law=f.amnesty.id,
                                         status=_AMNESTY_STATUS.get(str(f.status), str(f.status)), reason=f.reason)
                                 for f in found)))
    else:
        out.append(Release("amnesty", "closed", "", (), (N_("No amnesty law reaches this act on the decision date."),)))
    cond = find(p.ref.code, "conditional", decided) or find(p.ref.code, "conditional", act_date)
    if cond is not None:
        conditions = (N_("imprisonment imposed (CC 2014 Art. 63(1))"),
                      N_("no recidivism, no criminal group (Art. 63(6))"))
        bars = _bars(cond, p, facts)
        if bars:
            reasons = join((_BAR.get(e, e.replace("_", " ")) for e in bars), ", ")
            out.append(Release("conditional_sentence", "closed", cond.cite(), conditions,
                               (Message("Not for this crime ({reasons}; CC 2014 Art. 63(6)).", reasons=reasons),)))
        elif names_minor(facts.mitigating) and p.category in (Category.SMALL_GRAVITY, Category.MEDIUM_GRAVITY) and any(
                s.kind is Penalty.IMPRISONMENT for s in p.sanctions):  # not imposable for the crime (Art. 81(7))
            out.append(Release("conditional_sentence", "depends", cond.cite(), conditions, (_MINOR_81_7,)))
        elif Penalty.IMPRISONMENT not in set(kinds):
            out.append(Release("conditional_sentence", "closed", cond.cite(), conditions, (
                N_("Only a sentence of imprisonment can be made conditional; the sanction has none.")
                if not any(s.kind is Penalty.IMPRISONMENT for s in p.sanctions) else
                N_("Only a sentence of imprisonment can be made conditional; on these facts imprisonment cannot be "
                   "imposed."),)))
        elif p.category not in (Category.GRAVE, Category.ESPECIALLY_GRAVE) or _no_recidivism(facts):
            out.append(Release("conditional_sentence", "open", cond.cite(), conditions, (
                N_("A court may make a sentence of imprisonment conditional (probation for the whole term)."),)))
        else:
            out.append(Release("conditional_sentence", "depends", cond.cite(), conditions, (
                N_("A court may make a sentence of imprisonment conditional, but not in a recidivism of crimes "
                   "(Art. 63(6)): a prior conviction is not stated (aggravating: repetition)."),)))
    out.append(_deferral(p, facts, act_date, decided))
    return tuple(out)


_MINOR_81_7 = N_("A minor is not sentenced to imprisonment for a crime of small or medium gravity not causing death "
                 "(CC 2014 Art. 81(7)), so this crime alone gives no sentence to make conditional; only imprisonment "
                 "imposed together with other crimes or an earlier sentence could be (Art. 63(3)): not stated "
                 "(aggregate).")
"""CC 2014 Art. 81(7), the same in the 09.04.2016, 07.07.2020 and 16.09.2025 texts: «Несовершеннолетним,
совершившим преступление небольшой тяжести или преступление средней тяжести, не связанное с
причинением смерти, лишение свободы не назначается»; Art. 63(3) still foresees a minor's conditional
sentence «при повторном совершении преступления небольшой или средней тяжести в период пробационного
контроля», where the sentences are joined: so the route depends, never open, for a minor (the
mitigating circumstance ``minor``: 14 to 17 at the act, Art. 80(1))."""

_NOT_69 = {"extremist": N_("Not for extremist crimes (CC 2014 Art. 69(6))."),
           "terrorist": N_("Not for terrorist crimes (CC 2014 Art. 69(6))."),
           "criminal_group": N_("Not for crimes of a criminal group (CC 2014 Art. 69(6)).")}


def _surety(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    """CC 2014 Art. 69: «Лицо, впервые совершившее уголовный проступок либо преступление небольшой или
    средней тяжести, ..., за совершение которого соответствующей статьей или частью статьи Особенной
    части настоящего Кодекса предусмотрен штраф в числе иных видов основных наказаний, может быть
    освобождено судом от уголовной ответственности [from Law 292-VI: от наказания] с установлением
    поручительства» (09.04.2016 and 27.12.2019 texts), not for extremist, terrorist or criminal-group
    crimes (part 6). A court's power, and whether the offence is the first is no incident field: the
    route is closed or depends, never open."""
    rule = find(p.ref.code, "surety", act_date)
    if rule is None:
        return ()
    conditions = (N_("a first criminal offence"), N_("a surety's bail (CC 2014 Art. 69(2))"))
    bars = _bars(rule, p, facts)
    barred = next((_NOT_69[bar] for bar in ("extremist", "terrorist", "criminal_group") if bar in bars), None)
    if barred is not None:
        return (Release("surety", "closed", rule.cite(), conditions, (barred,)),)
    if p.category.value not in rule.categories:
        return (Release("surety", "closed", rule.cite(), conditions, (
            Message("Art. 69(1) covers misdemeanours and small or medium crimes, not a {category} crime.",
                    category=Code(p.category)),)),)
    if not any(s.kind.value in rule.kinds for s in p.sanctions):
        return (Release("surety", "closed", rule.cite(), conditions, (
            N_("Art. 69(1) needs a fine among the main punishments of the part's sanction; it has none."),)),)
    return (Release("surety", "depends", rule.cite(), conditions, (
        N_("A court may release a person who committed a first offence with a surety who pays a bail (its "
           "discretion): whether the offence is the first is not stated."),)),)


def _minor_release(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    """CC 2014 Art. 83(1)-(2), for a minor (the mitigating circumstance ``minor``): «Несовершеннолетний,
    совершивший уголовный проступок или преступление небольшой тяжести либо впервые совершивший
    преступление средней тяжести, может быть освобожден судом от уголовной ответственности, если
    установлено, что его исправление возможно без привлечения к уголовной ответственности», and from
    punishment one «впервые осужденный» for such an offence (09.04.2016 to 16.09.2025 texts). The
    court's finding on correction is no incident field: closed for a graver crime, else depends. A
    minor's first grave crime is Art. 83(3), the route of Art. 68(2)."""
    rule = find(p.ref.code, "minor_release", act_date)
    if rule is None or not names_minor(facts.mitigating):
        return ()
    conditions = (N_("a minor (mitigating: minor)"),
                  N_("a criminal misdemeanour or a crime of small gravity, or a first crime of medium gravity "
                     "(Art. 83(1)); a first conviction for one of them (Art. 83(2))"),
                  N_("the court finds the minor's correction possible without liability or punishment"))
    if p.category.value not in rule.categories:
        return (Release("minor_release", "closed", rule.cite(), conditions, (
            Message("Art. 83(1)-(2) cover misdemeanours and small or medium crimes, not a {category} crime; a minor's "
                    "first grave crime only as Art. 68(2) allows (Art. 83(3); reconciliation_grave).",
                    category=Code(p.category)),)),)
    return (Release("minor_release", "depends", rule.cite(), conditions, (
        N_("A court may release a minor from criminal liability (Art. 83(1); a crime of medium gravity only if the "
           "first) or from punishment (Art. 83(2); a first conviction) where it finds the minor's correction "
           "possible without them: a finding on the case, not stated."),)),)


def _deferral(p: Provision, facts: Facts, act_date: dt.date, decided: dt.date) -> Release:
    """Deferral of serving the sentence for a pregnant woman (up to a year) or a woman with young
    children or a man raising them alone (up to five years, not past the child's fourteenth
    birthday), at the court's discretion, and from Law 210-VIII granted to the parents («суд
    предоставляет отсрочку»: the rule's ``persons``); not where imprisonment over five years is
    imposed for an extremist crime or a crime of a criminal group (CC 2014 Art. 74(1))."""
    rule = find(p.ref.code, "deferral", decided) or find(p.ref.code, "deferral", act_date)
    if rule is None:
        return Release("deferral", "not_modelled", "CC2014 74", (N_("pregnancy or young children (CC 2014 Art. 74)"),),
                       (Message("No deferral rule of {code} in force on {day} is modelled.", code=p.ref.code,
                                day=decided),))
    pregnant, children = rule.limit("pregnant", "deferral"), rule.limit("young_children", "deferral")
    over = rule.limit("excluded_above", Penalty.IMPRISONMENT.value)
    granted = bool(rule.persons & _PARENTS)  # «суд предоставляет отсрочку»: not at the court's discretion
    raising = _names_raising(rule)
    conditions = (Message("a pregnant woman (pregnant): up to {maximum}", maximum=pregnant if pregnant else "-"),
                  Message("a woman having or raising a young child, or a man raising one alone (young_children): up "
                          "to {maximum}, not past the child's fourteenth birthday",
                          maximum=children if children else "-")
                  if raising else
                  Message("a woman with young children, or a man raising them alone (young_children): up to "
                          "{maximum}, not past the child's fourteenth birthday", maximum=children if children else "-"))
    person = any_of(facts.pregnant, facts.young_children)
    if person is False:
        return Release("deferral", "closed", rule.cite(), conditions, (
            N_("The person is neither a pregnant woman nor a woman having or raising a young child or a man raising "
               "one alone as Art. 74(1) needs.") if raising else
            N_("The person is neither a pregnant woman nor a woman with young children or a man raising them alone "
               "as Art. 74(1) needs."),))
    excluded = [_CRIMES[bar] for bar in _bars(rule, p, facts) if bar in _CRIMES]
    longest = max((s.maximum for s in p.sanctions if s.kind is Penalty.IMPRISONMENT and s.maximum is not None),
                  key=lambda q: exact(q)[1], default=None)
    reasons: list[str] = []
    status = "open" if person else "depends"
    if excluded and over is not None and longest is not None and exact(longest)[1] > exact(over)[1]:
        status = "depends"
        reasons.append(Message("Not granted if imprisonment over {over} is imposed for {crime} (the sanction allows "
                               "up to {longest}): it depends on the sentence.", over=over, crime=excluded[0],
                               longest=longest))
    elif excluded:
        reasons.append(Message("The exclusion for {crime} needs imprisonment over {over}, which the sanction does "
                               "not reach.", crime=excluded[0], over=over if over else "-"))
    unstated = ", ".join(f for f in ("pregnant", "young_children") if getattr(facts, f) is None)  # of those it reads
    if granted and facts.young_children is not False:  # granted to the parents, not at discretion
        since = (Message("Law {act}, in force from {day}", act=rule.act, day=rule.valid_from) if rule.verified
                 else Message("Law {act}, in force from {day} at the earliest: its in-force date was not read",
                              act=rule.act, day=rule.valid_from))
        if facts.young_children is True:
            reasons.append(Message("The court grants the deferral to a woman having or raising a young child or a "
                                   "man raising one alone («суд предоставляет отсрочку»; {since}).", since=since))
        elif facts.pregnant is True:
            reasons.append(Message("A court may defer serving the sentence of a pregnant woman (its discretion); to a "
                                   "woman having or raising a young child or a man raising one alone it grants the "
                                   "deferral ({since}): not stated (young_children).", since=since))
        elif facts.pregnant is False:  # only the parents' deferral is left to be stated
            reasons.append(Message("The court grants the deferral to a woman having or raising a young child or a "
                                   "man raising one alone ({since}): not stated (young_children).", since=since))
        else:
            reasons.append(Message("A court may defer serving the sentence of a pregnant woman, and grants the "
                                   "deferral to a woman having or raising a young child or a man raising one alone "
                                   "({since}): not stated ({fields}).", since=since, fields=unstated))
    elif person is True:
        reasons.append(N_("A court may defer serving the sentence (its discretion)."))
    elif facts.young_children is False:  # only a pregnant woman's deferral is left to be stated
        reasons.append(N_("A court may defer serving the sentence of a pregnant woman (its discretion): not stated "
                          "(pregnant)."))
    elif facts.pregnant is False:  # only the parents', at the discretion of the first wording
        reasons.append(N_("A court may defer serving the sentence of a woman with young children or a man raising "
                          "them alone (its discretion): not stated (young_children)."))
    else:
        reasons.append(Message("A court may defer serving the sentence if the person is a pregnant woman, a woman "
                               "with young children or a man raising them alone: not stated ({fields}).",
                               fields=unstated))
    return Release("deferral", status, rule.cite(), conditions, tuple(reasons))


_PARENTS = frozenset({"woman_with_young_children", "man_raising_young_children_alone"})
"""The persons of a deferral rule to whom the court grants it (CC 2014 Art. 74(1) from Law 210-VIII)."""


def _names_raising(rule: Rule) -> bool:
    """Whether ``rule``'s wording names a woman raising a young child too, not only one having one:
    CC 2014 Arts. 68(2) and 74(1) from Law 210-VIII («имеющие или воспитывающие», «имеющим или
    воспитывающим малолетнего ребенка»; before it «имеющие», «имеющим малолетних детей»)."""
    return "или воспитывающ" in rule.text


def _complaint_routes(rule: Rule | None, p: Provision, facts: Facts, reconciliation: str,
                      prosecutor: bool = False) -> tuple[Release, ...]:
    """A case opened only on the victim's complaint and closed on reconciliation (CPC 2014
    Art. 32(2) for CC 2014 Art. 131, and Art. 130 while it stood; AOC 2014 Art. 64(1) for 73-3).
    With ``prosecutor`` (CPC 2014 Art. 32(4), 27.12.2019 to 16.09.2025 texts: «Прокурор начинает
    либо продолжает производство по делу частного ... обвинения и при отсутствии жалобы
    потерпевшего, если деяние затрагивает интересы лица, находящегося в беспомощном или зависимом
    состоянии либо по другим причинам не способного самостоятельно воспользоваться принадлежащими
    ему правами») a case without a complaint is not closed for certain: no incident field states
    whether the victim is such a person."""
    out: list[Release] = []
    if rule is not None and f"{p.ref.code} {p.ref.article}" in rule.articles:
        complaint = _tri(facts.complaint, "closed", "depends" if prosecutor else "open")
        out.append(Release("no_complaint", complaint, rule.cite(), (N_("no complaint by the victim (complaint)"),), (
            {"open": N_("No case without the victim's complaint: none was made."),
             "closed": N_("The victim complained."),
             "depends": N_("No case without the victim's complaint, unless the prosecutor starts it because the act "
                           "touches the interests of a person who is helpless or dependent or otherwise unable to "
                           "use their rights (CPC 2014 Art. 32(4)): not stated.")
             if prosecutor and facts.complaint is False else
             N_("A case is opened only on the victim's complaint: not stated.")}[complaint],)))
        status = _tri(facts.reconciled, "open", "closed")
        agreement = (N_("reconciliation of the victim with the person (reconciled)"),)
        out.append(Release(reconciliation, status, rule.cite(), agreement, (
            {"open": N_("The case must be closed: the victim and the person reconciled."),
             "closed": N_("The parties did not reconcile."),
             "depends": N_("The case is closed on reconciliation: not stated.")}[status],)))
    return tuple(out)


def _administrative_releases(p: Provision, facts: Facts, act_date: dt.date, decided: dt.date) -> tuple[Release, ...]:
    out = list(_complaint_routes(find(p.ref.code, "complaint_only", act_date), p, facts, "reconciliation"))
    out += _court_reconciliation(p, facts, act_date)
    # AOC 2014 Art. 64-1: «При малозначительности совершенного административного правонарушения
    # судья, орган ... может освободить»: triviality is a condition no incident field states. A law
    # «иным образом улучшающий положение лица ... имеет обратную силу» (Art. 5(1)): the article
    # reaches an earlier act decided once it is in force.
    trivial = find(p.ref.code, "trivial", act_date) or find(p.ref.code, "trivial", decided)
    if trivial is not None:
        out.append(Release("trivial_offence", "depends", trivial.cite(), (N_("the offence is trivial"),), (
            N_("A judge or body may release with an oral remark where the offence is trivial: whether it is, is "
               "their reading of the case (the circumstances, the offender, the object and any harm), not "
               "stated."),)))
    return tuple(out)


_CRIMES = {"extremist": N_("an extremist crime"), "terrorist": N_("a terrorist crime"),
           "criminal_group": N_("a crime of a criminal group")}
"""The bars of CC 2014 Art. 74(1) as the deferral's reasons name them."""

_NOT_68 = {"extremist": N_("Not for extremist crimes (CC 2014 Art. 68(4))."),
           "terrorist": N_("Not for terrorist crimes (CC 2014 Art. 68(4))."),
           "criminal_group": N_("Not for crimes of a criminal group (CC 2014 Art. 68(4)).")}


def _excluded_68(rule: Rule, p: Provision, facts: Facts) -> str | None:
    """Why CC 2014 Art. 68(4) bars the release: an extremist or a terrorist crime, or one of a
    criminal group (the first that applies)."""
    bars = _bars(rule, p, facts)
    return next((_NOT_68[bar] for bar in ("extremist", "terrorist", "criminal_group") if bar in bars), None)


def _no_recidivism(facts: Facts) -> bool:
    """Whether the facts rule out a recidivism of crimes, which bars a conditional sentence (CC 2014
    Art. 63(6): «не применяется к лицам при рецидиве преступлений»): no aggravating circumstance, or
    those stated without Art. 54(1)(1) («неоднократность ..., рецидив преступлений»). Only a grave
    crime can be one: «Рецидивом преступлений признается совершение лицом тяжкого преступления, если
    ранее это лицо осуждалось к лишению свободы за совершение тяжкого преступления» (Art. 14(1),
    27.12.2019 text, no amendment footnote), the caller's test."""
    value = facts.aggravating
    return value is False or (isinstance(value, frozenset) and Aggravating.REPETITION not in value)


def _earlier_release(p: Provision, act_date: dt.date) -> str | None:
    """Why a release on reconciliation still turns on a fact the incident does not state: from Law
    292-VI, Art. 68 does not reach «в течение срока давности ... умышленное преступление после
    освобождения от уголовной ответственности в связи с примирением сторон за ранее совершенное
    преступление» (Art. 68(4)(8), 27.12.2019 text): a crime, not a misdemeanour (every modelled
    crime is intentional)."""
    rule = find(p.ref.code, "earlier_reconciliation_bar", act_date)
    if rule is None or p.category is Category.CRIMINAL_MISDEMEANOUR:
        return None
    return Message("Not where the person, within the limitation period of Art. 71(1), had been released on "
                   "reconciliation for an earlier crime ({rule}): not stated.", rule=rule.cite())


def _repented(facts: Facts) -> bool | None:
    """Sincere repentance (CC 2014 Art. 53(1)(11)): ``True`` where the mitigating kinds name it."""
    value = facts.mitigating
    if isinstance(value, frozenset):
        return Mitigating.REPENTANCE in value or None
    return False if value is False else None


def _reconciliation_grave(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    """CC 2014 Art. 68(2) (certain persons «впервые совершившие тяжкое преступление», reconciled and
    harm made good: the court may release) and Art. 68(3) (harm to the interests of society or the
    state: the court may release on sincere repentance and the harm made good), each barred by
    Art. 68(4). Neither is ever open: whether the grave crime is the first, and whether the harm was
    to society or the state, are no incident fields."""
    out: list[Release] = []
    grave = find(p.ref.code, "reconciliation_grave", act_date)
    if grave is not None and p.category.value in grave.categories:
        conditions = (N_("a minor, a pregnant woman (pregnant), a woman having or raising a young child or a man "
                         "raising one alone (young_children), a woman of 58 or a man of 63 or over")
                      if _names_raising(grave) else
                      N_("a minor, a pregnant woman (pregnant), a woman with young children or a man raising them "
                         "alone (young_children), a woman of 58 or a man of 63 or over"), N_("a first grave crime"),
                      N_("reconciled with the victim (reconciled)"), N_("harm made good (harm_compensated)"))
        barred = _excluded_68(grave, p, facts)
        person = _person_68(facts)
        both = all_of(facts.reconciled, facts.harm_compensated)
        # «впервые совершившие тяжкое преступление»: no incident field says whether the grave crime is
        # the first, so the route is closed or depends, never open (as Art. 69's «впервые»)
        status = "closed" if barred or both is False else "depends"
        stated = all_of(person, both)
        why = barred or (N_("The person did not reconcile or did not make good the harm.") if status == "closed" else
                         N_("A court may release one of the persons of Art. 68(2) who reconciled and made good the "
                            "harm, for a first grave crime only: whether this is the person's first grave crime is "
                            "not stated.") if stated else
                         Message("A court may release one of the persons of Art. 68(2) who committed a first grave "
                                 "crime, reconciled and made good the harm: not settled ({facts}, a first grave "
                                 "crime).", facts=join(
                                     (f for f, v in ((N_("pregnant, young_children or age"), person),
                                                     ("reconciled", facts.reconciled),
                                                     ("harm_compensated", facts.harm_compensated)) if v is None),
                                     ", ")))
        earlier = _earlier_release(p, act_date) if stated and status == "depends" else None
        reasons = (why, earlier) if earlier else (why,)
        out.append(Release("reconciliation_grave", status, grave.cite(), conditions, reasons))
    public = find(p.ref.code, "repentance", act_date)
    if public is not None:
        needs = (N_("harm to the interests of society or the state"), N_("sincere repentance (mitigating: repentance)"),
                 N_("harm made good (harm_compensated)"))
        barred = _excluded_68(public, p, facts)
        if p.category.value not in public.categories:
            out.append(Release("repentance", "closed", public.cite(), needs, (
                Message("Art. 68(3) reaches the persons of parts 1 and 2, not a {category} crime.",
                        category=p.category),)))
        else:
            met = all_of(_repented(facts), facts.harm_compensated)
            if p.category is Category.GRAVE:
                met = all_of(met, _person_68(facts))
            status = "closed" if barred or met is False else "depends"
            why = barred or (N_("The person did not repent or did not make good the harm.") if status == "closed" else
                             N_("A court may release where the offence harmed the interests of society or the state "
                                "and the person sincerely repented and made good the harm: whether the harm was to "
                                "society or the state is a reading of the case.") if met else
                             N_("A court may release where the offence harmed the interests of society or the state "
                                "and the person sincerely repented and made good the harm: not stated (mitigating: "
                                "repentance, harm_compensated, the persons of Art. 68(2)).")
                             if p.category is Category.GRAVE else
                             N_("A court may release where the offence harmed the interests of society or the state "
                                "and the person sincerely repented and made good the harm: not stated (mitigating: "
                                "repentance, harm_compensated)."))
            out.append(Release("repentance", status, public.cite(), needs, (why,)))
    return tuple(out)


def _person_68(facts: Facts) -> bool | None:
    """Whether the facts make the person one of CC 2014 Art. 68(2)'s (a minor, a pregnant woman, a
    parent of young children; the ages it names are no incident field): ``True``, or ``None``."""
    return True if (facts.pregnant or facts.young_children or names_minor(facts.mitigating)) else None


def _court_reconciliation(p: Provision, facts: Facts, act_date: dt.date) -> tuple[Release, ...]:
    """AOC 2014 Art. 64(1-1): a court may release «Лица, впервые совершившие» an offence under Art. 73-3
    who reconciled and made good the harm. Whether the offence is the first is no incident field:
    the route is closed or depends, never open. The bar «не распространяются на лиц, освобожденных в
    течение года ... по статье 73» is a condition only where the wording of the act's day has it
    (the dated records of the part, ``first_offence_reconciliation``: not in the 07.07.2020 to
    03.03.2023 texts; in the 16.06.2024 text), or where that wording was not read."""
    rule = find(p.ref.code, "court_reconciliation", act_date)
    if rule is None or f"{p.ref.code} {p.ref.article}" not in rule.articles:
        return ()
    wording = find(p.ref.code, "first_offence_reconciliation", act_date)
    year_bar = wording is None or "в течение года" in wording.text
    conditions = (N_("a first offence"), N_("reconciled with the victim (reconciled)"),
                  N_("harm made good (harm_compensated)")) + (
        (N_("no release under AOC Art. 73 on reconciliation within the year"),) if year_bar else ())
    both = all_of(facts.reconciled, facts.harm_compensated)
    status = "closed" if both is False else "depends"
    why = (N_("The person did not reconcile or did not make good the harm.") if both is False else
           N_("A court may release a person who reconciled and made good the harm, for a first offence only: "
              "whether this is the person's first offence is not stated.") if both else
           N_("A court may release a first-time offender who reconciled and made good the harm: not "
              "stated (reconciled, harm_compensated, a first offence)."))
    return (Release("court_reconciliation", status, rule.cite(), conditions, (why,)),)


def sources(citations: Iterable[str], *days: dt.date) -> str:
    """The sources of the rules cited as ``citations`` (:meth:`Rule.cite`) in force on any of
    ``days``, space-separated, in the order cited."""
    found: dict[str, None] = {}
    for cite in citations:
        rule = next((r for rs in rules().values() for r in rs if r.cite() == cite
                     and any(r.in_force_on(day) for day in days)), None)
        if rule is not None:
            found[rule.source] = None
    return " ".join(found)
