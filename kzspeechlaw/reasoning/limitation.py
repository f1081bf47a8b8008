"""The limitation period of the governing version for an act, decided from the facts given.

- CC 2014 Art. 71: none for extremist crimes (71(6)) and for the articles the data names; a
  criminal misdemeanour's period is never suspended or interrupted (71(3)); a crime's stands still
  while the person evades, within the outer periods of 71(4), and a new crime interrupts a grave
  one's (71(4));
- CC 1997 Art. 69: the period stands still while the person evades (69(3)), a new intentional
  crime interrupts it (69(4)), none for the articles the data names (69(6));
- AOC 2014 Art. 62(1): it stands still from the referral of the case to court (62(5)); an expert
  examination also suspends it, and a new offence interrupts it (62(5), (7));
- a later rule milder for the act governs (CC 2014 Art. 6(1)): the rule of the act's time is
  weighed against each later one up to the decision.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import NamedTuple

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw.dates import change_days
from kzspeechlaw.errors import DataError
from kzspeechlaw.i18n import N_, OR, Message, join
from kzspeechlaw.law import general_part
from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Category, Provision, Regime
from kzspeechlaw.law.timeline import Timeline
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning.classification import matching_parts
from kzspeechlaw.reasoning.incident import Incident, minor_stated
from kzspeechlaw.reasoning.results import Limitation, Step
from kzspeechlaw.reasoning.time_rules import index, interval, retro_rule, time_rule
from kzspeechlaw.refs import as_ref
from kzspeechlaw.units import Quantity, format_quantity, quantity, unit_name


class _LimitationRule(NamedTuple):
    """The limitation rule of one law for a version: the rule and, for a period, its unit, its
    number of units and its text, and the outer period while the person evades (``cap``, in the
    same terms: unit and number, or ``None``); ``version`` is the part whose category (or article)
    selects the rule."""

    rule: general_part.Rule
    unit: str
    magnitude: int
    text: str
    cap: tuple[str, int] | None
    version: Provision


class _LimitationChoice(NamedTuple):
    """The rules compared for an act (:func:`_limitation_rules`) and the one that governs: the rule
    of the act's time (``rules[0]``, of day ``days[0]``, the act date) and the others up to the
    decision that differ from it (of later laws, and of the act's own version where another governs:
    :func:`_limitation_rules`); ``chosen`` indexes the milder for this act and ``limitation``
    is the period decided under it."""

    rules: tuple[_LimitationRule, ...]
    days: tuple[dt.date, ...]
    chosen: int
    limitation: Limitation

    @property
    def found(self) -> _LimitationRule:
        return self.rules[self.chosen]

    @property
    def day(self) -> dt.date:
        return self.days[self.chosen]


_LIMITATION_RULES = Memo()
_LATER_LIMITATION_RULES = Memo(maxsize=16384)


def _term(rule: general_part.Rule, term: Quantity) -> tuple[str, int]:
    unit = unit_name(term)
    if unit not in ("year", "month"):
        raise DataError("general.toml", rule.article, f"a limitation period in {unit}: expected years or months")
    return unit, int(term.magnitude)


def _limitation_rule(p: Provision, on: dt.date) -> _LimitationRule | None:
    """The limitation rule of the general part for ``p`` in force on ``on`` (remembered per version
    and period of the general part): AOC Art. 62(1); CC 2014 Art. 71, none for extremist crimes
    (71(6)) and the articles the data names; CC 1997 Art. 69, none for the articles the data names
    (69(6))."""

    def make() -> _LimitationRule | None:
        code = p.ref.code
        if p.regime is Regime.ADMINISTRATIVE:
            rule = general_part.find("limitation", code, "administrative_offence", on=on)
        elif p.extremist:
            rule = general_part.find("limitation", code, "extremist", on=on)
        else:
            rule = (general_part.find("limitation", code, str(p.ref.article_ref), on=on)
                    or general_part.find("limitation", code, p.category.value, on=on))
        if rule is None:
            return None
        if rule.period is None:
            return _LimitationRule(rule, "", 0, "", None, p)
        unit, magnitude = _term(rule, rule.period)
        cap = _term(rule, rule.maximum) if rule.maximum is not None else None
        return _LimitationRule(rule, unit, magnitude, format_quantity(rule.period), cap, p)

    return _LIMITATION_RULES.get((p, interval(on)), make)


def _version_on(p: Provision, incident: Incident, day: dt.date) -> Provision | None:
    """The part that covers the act on ``day``: the version of ``p``'s part then in force, or, once
    ``p``'s code was replaced (CC 1997 by CC 2014 on 2015-01-01), the part of the new code the facts
    fall under, as in :func:`kzspeechlaw.reasoning.route.find`."""
    for version in law().versions.get(p.ref, ()):
        if version.in_force_on(day):
            return version
    end = law().codes[p.ref.code].valid_to
    if end is not None and day >= end:
        for m in matching_parts(incident, on=day):
            if m.provision.ref.code != p.ref.code and m.provision.regime is p.regime:
                return m.provision
    return None


def _limitation_rules(p: Provision, incident: Incident,
                      decided: dt.date) -> tuple[tuple[_LimitationRule, ...], tuple[dt.date, ...]]:
    """The limitation rules to compare for the act, with the days from which each is the law: the
    rule of the act's time for ``p`` (for the part the act fell under, where ``p`` is a later code's),
    then each later rule, up to the decision, that differs from those before it (a changed rule, or a
    later version or the new code's part in another category). Empty where the data has no rule
    for the act's time."""
    act = incident.act_date
    first = _limitation_rule(p, act)
    if first is None and p.regime is Regime.CRIMINAL:
        # p is the new code's part, milder than the act-time law (a 1997-code act governed by the 2014
        # Code): the rule of the act's time is the old code's, for the part the act fell under then.
        origin = next((m.provision for m in matching_parts(incident) if m.provision.ref.code != p.ref.code
                       and m.provision.regime is p.regime), None)
        first = _limitation_rule(origin, act) if origin is not None else None
    if first is None:
        return (), ()
    changes = _limitation_index().interval  # what make reads of the dates (_days_between)
    key = (p, incident.conduct, incident.facts, changes(act), changes(decided))

    def make() -> tuple[tuple[_LimitationRule, ...], tuple[dt.date | None, ...]]:
        rules: list[_LimitationRule] = [first]
        days: list[dt.date | None] = [None]  # None: from the act (the memo serves every act of its interval)
        for day in _days_between(act, decided):
            version = _version_on(p, incident, day)
            later = _limitation_rule(version, day) if version is not None else None
            if version is not None and later is not None and not any(later.rule is r.rule for r in rules):
                rules.append(later)
                # In force from the day its version and rule both were (that is ``day`` where it
                # is after the act), or from the act: the part's version in force at the act,
                # in another category than ``p``, is not a later law, whatever day of the index
                # first follows the act.
                start = max(version.valid_from, later.rule.valid_from)
                days.append(start if start > act else None)
        return tuple(rules), tuple(days)

    rules, days = _LATER_LIMITATION_RULES.get(key, make)
    return (first, *rules[1:]), (act, *(act if d is None else d for d in days[1:]))


def _days_between(act: dt.date, decided: dt.date) -> tuple[dt.date, ...]:
    """The days of the index in ``(act, decided]`` on which what :func:`_limitation_rules` reads may
    differ from the day before: the first of them, then each on which a version of the special part
    (which the part in force and the new code's classification read) or a limitation rule of the
    general part starts or ends, or a code is replaced. On the index's other days the same records
    are in force as on the day of these before them, so the same rules are met."""
    every = index().days
    start = bisect.bisect_right(every, act)
    if start == len(every) or every[start] > decided:
        return ()
    changes = _limitation_changes()
    return (every[start], *changes[bisect.bisect_right(changes, every[start]):bisect.bisect_right(changes, decided)])


@functools.cache
def _limitation_index() -> Timeline:
    """:func:`_limitation_changes` as an index: the rules :func:`_limitation_rules` finds between an
    act and a decision are the same for every act of one of its intervals and every decision of
    one (on the index's other days the same records are in force as on the day of these before
    them, and the first day of the index after the act finds the part and rule in force at the act),
    so they are remembered by them."""
    return Timeline(_limitation_changes())


@functools.cache
def _limitation_changes() -> tuple[dt.date, ...]:
    """The days of the index on which a version of the special part or a limitation rule of the
    general part starts or ends, or a code is replaced (:func:`_days_between`)."""
    data = law()
    versions = (v for parts in data.versions.values() for v in parts)
    limitation = (r for key, rs in general_part.rules().items() if key[0] == "limitation" for r in rs)
    ends = {c.valid_to for c in data.codes.values() if c.valid_to is not None}
    changed = {*change_days(versions), *general_part.changes(limitation), *ends}
    return tuple(d for d in index().days if d in changed)


_REFERRED = N_("the case was referred to court")
_RECEIPT = N_("the case took days to reach the court after the referral (as then worded, the period runs again once "
              "the court receives the case)")
_GROUNDS = (
    ("экспертизы", N_("an expert examination was ordered")),
    ("приводе", N_("a compelled appearance was decided")),
    ("прокурорского надзора", N_("an act of prosecutorial supervision was under consideration")),
    ("непреодолимой силы", N_("force majeure stopped the proceedings")),
)
"""The grounds of AOC 2014 Art. 62(5) that suspend an administrative period, each by the words that
name it in a wording (``экспертизы`` in every one; a compelled appearance, «приводе», from Law
127-VI; an act of prosecutorial supervision from Law 195-VII; force majeure, «непреодолимой силы»,
from the 12.07.2026 text)."""
_SUSPENDED_UNLESS = N_("{grounds} within the period, or a new administrative offence interrupted it")
"""What would have kept an expired administrative period from running out (the notes cite AOC 2014
Art. 62(5), (7) after it)."""
RECEIPT_NOT_IN_FORCE = N_("Law {act}, whose wording of Art. 62(5) lets the period run again, was not yet in force on "
                          "{day} (its in-force date, {start}, is inferred, not read): the referral then suspended "
                          "the period")
"""Why an expiry after a referral is not certain where the decision falls within :data:`CAVEAT_WINDOW`
after the unread in-force date of the wording that lets the period run again (:func:`_suspension_unless`)."""
RECEIPT_ENDED = N_("Law {act}, after whose wording of Art. 62(5) the period no longer runs again once the court "
                   "receives the case, was already in force on the act date, {day} (its in-force date, {start}, is "
                   "inferred, not read): the referral then suspended the period")
"""Why an expiry after a referral is not certain where the act falls within :data:`CAVEAT_WINDOW` after
the unread in-force date of the wording that ended the resumption on receipt (:func:`_suspension_unless`)."""
OR_ELSE = N_("; or ")
"""The separator before a doubt about a date that :data:`_SUSPENDED_UNLESS` is followed by."""
_IN_FORCE_DOUBTS = ("whose wording of Art. 62(5) lets the period run again,", "the period no longer runs again once")
"""Words of :data:`RECEIPT_NOT_IN_FORCE` and :data:`RECEIPT_ENDED` that no other ``unless`` holds
(:func:`receipt_open`)."""


def _suspension_unless(code: str, act: dt.date, decided: dt.date, referred: bool,
                       receipt: general_part.Rule | None) -> Message:
    """What would have kept an expired administrative period from running out: the grounds of AOC
    2014 Art. 62(5) of every wording in force on some day from the act to the decision (a ground
    must fall within the period, which the reader weighs: the facts give neither its days nor the
    ground's), a referral to court where ``referred`` is false (none is stated), the time the case
    took to reach the court under the wording that lets the period run again (``receipt``,
    :func:`_receipt_rule`), and a new offence (62(7)). Where ``receipt``'s first day was not read
    and the decision falls within :data:`CAVEAT_WINDOW` after it, that wording may not yet have been
    in force: the referral then suspended the period (:data:`RECEIPT_NOT_IN_FORCE`)."""
    texts = " ".join(rule.text for rule in _wordings(code, act, decided))
    grounds = [*(() if referred else (_REFERRED,)), *((_RECEIPT,) if receipt is not None else ()),
               *(said for words, said in _GROUNDS if words in texts or words == _GROUNDS[0][0])]
    listed = grounds[0] if len(grounds) == 1 else join((join(grounds[:-1], ", "), grounds[-1]), OR)
    unless: Message = Message(_SUSPENDED_UNLESS, grounds=listed)
    doubt = _receipt_doubt(code, act, decided, receipt) if receipt is not None else None
    return unless if doubt is None else join((unless, doubt), OR_ELSE)


def _receipt_doubt(code: str, act: dt.date, decided: dt.date, receipt: general_part.Rule) -> Message | None:
    """Where the wording that lets the period run again (``receipt``) may not have reached the act:
    it starts after the act on an unread in-force date and the decision falls within
    :data:`CAVEAT_WINDOW` after it (:data:`RECEIPT_NOT_IN_FORCE`), or the wording after it starts
    on or before the act on an unread in-force date and the act falls within that window after it
    (:data:`RECEIPT_ENDED`, the window :func:`_receipt_rule` reads the earlier wording in)."""
    if not receipt.verified and act < receipt.valid_from <= decided <= receipt.valid_from + CAVEAT_WINDOW:
        return Message(RECEIPT_NOT_IN_FORCE, act=receipt.act, day=decided, start=receipt.valid_from)
    after = next((rule for rule in _referral_rules(code) if rule.valid_from == receipt.valid_to), None)
    if after is not None and not after.verified and _RECEIPT_WORDS not in after.text and (
            after.valid_from <= act <= after.valid_from + CAVEAT_WINDOW):
        return Message(RECEIPT_ENDED, act=after.act, day=act, start=after.valid_from)
    return None


def receipt_open(lim: Limitation) -> bool:
    """Whether ``lim``'s expiry turns on when a wording of AOC 2014 Art. 62(5) took effect
    (:func:`_receipt_doubt`, by its own words)."""
    return any(words in lim.unless for words in _IN_FORCE_DOUBTS)


def _receipt_rule(code: str, act: dt.date, decided: dt.date) -> general_part.Rule | None:
    """AOC 2014 Art. 62(5) in the wording read in the 28.12.2017 text (Law 28.12.2017 No. 127-VI): the
    period runs again once the court receives the case («возобновляется с момента получения … дела …
    судом»), so a referral stops it only while the case is on its way. Before that law (the
    11.07.2017 text) and after Law 300-VI the period stands still from the referral. The milder
    wording governs where it was in force on any day from the act to the decision: a milder later
    law is retroactive («Закон, смягчающий ... либо иным образом улучшающий положение лица ... имеет
    обратную силу», AOC 2014 Art. 5(1)), and a harsher one does not reach an earlier act
    («Лицо, совершившее административное правонарушение, подлежит ответственности на основании
    законодательства, действовавшего во время совершения этого правонарушения», Art. 4(1); «Закон,
    ... иным образом ухудшающий положение лица, ... обратной силы не имеет», Art. 5(2)). Nor does a
    wording whose first day was not read (the earliest day it could take effect) decide an act within
    :data:`CAVEAT_WINDOW` after that day: the wording before it may still have been in force. The
    record of that wording (what a step cites), or ``None`` where the period stands still."""
    rules = _wordings(code, act, decided)
    first = min(rules, key=lambda rule: rule.valid_from, default=None)  # the act's
    # within the window, its last day included (as Window.holds): the earlier wording may still apply
    if first is not None and not first.verified and act <= first.valid_from + CAVEAT_WINDOW:
        before = general_part.find("rule", code, "limitation_referral", on=first.valid_from - dt.timedelta(days=1))
        rules += [before] if before is not None else []
    return next((rule for rule in rules if _RECEIPT_WORDS in rule.text), None)


def _referral_rules(code: str) -> tuple[general_part.Rule, ...]:
    """The wordings of AOC 2014 Art. 62(5) in the data, in order."""
    return general_part.rules().get(("rule", code, "limitation_referral"), ())


def _wordings(code: str, act: dt.date, decided: dt.date) -> list[general_part.Rule]:
    """The wordings of AOC 2014 Art. 62(5) in force on some day from the act to the decision."""
    return list(general_part.in_force_between("rule", code, "limitation_referral", first=act, last=decided))


_RECEIPT_WORDS = "дела об административном правонарушении судом"
"""The words of AOC 2014 Art. 62(5) by which the period runs again once the court receives the case
(«возобновляется с момента получения ... дела об административном правонарушении судом»)."""


def for_act(p: Provision, incident: Incident, decided_on: dt.date) -> Limitation | None:
    """The limitation period of ``p`` for this act, decided from the facts given, or ``None``
    where the data has no rule: the period under the mildest of the rule of the act's time and the
    other rules compared up to the decision (CC 2014 Art. 6(1): a law improving the position is
    retroactive), see :func:`_limitation_choice`. Also ``None`` where the facts state that the
    offender was a minor and the period of a rule the library does not halve (the 1997 Code's, whose
    rule for minors was not read: :func:`halved`) still runs: a minor's may have run out."""
    choice = _limitation_choice(p, incident, decided_on)
    if choice is None:
        return None
    lim = choice.limitation
    if (lim.status in ("running", "suspended") and minor_stated(incident)
            and not halved(choice.found.rule, incident)):
        return None
    return _exemption_open(choice, incident, lim)


EXEMPTION_IN_FORCE = N_("the rule that no limitation period applies to this article ({article}) was already in force "
                        "on the act date (its wording was first read in a later text, and when it took effect was "
                        "not read)")
"""Why an expiry is not certain where an act precedes the first day a no-limitation rule was read but
may already have fallen under it (:func:`_exemption_open`)."""


def _exemption_open(choice: _LimitationChoice, incident: Incident, lim: Limitation) -> Limitation:
    """``lim``, an expired period of an act that may already have fallen under a no-limitation rule
    for its article: one whose ``may_start`` (the earliest day its wording may have been in force)
    is on or before the act, and whose first day read is after it (CC 1997 Art. 69(6), terrorist
    crimes). The period is kept (a harsher rule is not applied before the evidence supports it), but
    its expiry is not certain."""
    starts = _may_start()
    if not lim.expired or not starts:
        return lim
    act = incident.act_date
    for found in choice.rules:
        p = found.version
        rule = next((r for r in starts.get((p.ref.code, p.ref.article), ())
                     if r.may_start is not None and r.may_start <= act < r.valid_from), None)
        if rule is not None:
            doubt = Message(EXEMPTION_IN_FORCE, article=rule.cite())
            unless = join((lim.unless, doubt), OR) if lim.unless else doubt
            return attrs.evolve(lim, certain=False, unless=unless)
    return lim


@functools.cache
def _may_start() -> dict[tuple[str, str], tuple[general_part.Rule, ...]]:
    """The no-limitation rules that give a ``may_start``, by the code and article of their key
    (``("limitation", "CC1997", "CC1997 233-1")``; few: CC 1997 Art. 69(6) for Art. 233-1), so that
    an expired period of any other article is not looked up."""
    found: dict[tuple[str, str], tuple[general_part.Rule, ...]] = {}
    for key, rules in general_part.rules().items():
        starting = tuple(r for r in rules if key[0] == "limitation" and r.none and r.may_start is not None)
        if starting:
            ref = as_ref(key[2])
            found[ref.code, ref.article] = starting
    return found


def exemption_open(lim: Limitation) -> bool:
    """Whether ``lim``'s expiry turns on when a no-limitation rule took effect (:func:`_exemption_open`)."""
    return _exemption_said(lim.unless)


def _exemption_said(unless: str) -> bool:
    """Whether an expired period's ``unless`` names a no-limitation rule's in-force date
    (:data:`EXEMPTION_IN_FORCE`, by its own words)."""
    return EXEMPTION_IN_FORCE.partition(" ({article})")[0] in unless


def _limitation_choice(p: Provision, incident: Incident, decided_on: dt.date) -> _LimitationChoice | None:
    """Each rule of :func:`_limitation_rules` applied to the facts, and the one most favourable to
    the person chosen: an expired period before a running or suspended one, a certain expiry
    before one a fact not given could undo, then the earlier end; a period before none at all
    (CC 2014 Art. 6(1); the rule of the act's time on a tie, CC 2014 Art. 5)."""
    rules, days = _limitation_rules(p, incident, decided_on)
    if not rules:
        return None
    outcomes = [_limitation_under(found, day, incident, decided_on) for found, day in zip(rules, days, strict=True)]

    def favour(i: int) -> tuple[int, dt.date]:
        lim = outcomes[i]
        end = lim.expires or dt.date.max
        if lim.status == "none":
            return 3, end
        if lim.expired:
            return (0 if lim.certain else 1), end
        return 2, end

    chosen = min(range(len(outcomes)), key=favour)
    return _LimitationChoice(rules, days, chosen, outcomes[chosen])


def _interruption(rule: general_part.Rule, day: dt.date) -> str:
    """The fact that would keep an expired period of a grave or especially grave crime from barring
    liability under ``rule`` (:attr:`~kzspeechlaw.reasoning.results.Limitation.unless`): a new crime
    interrupted it, any intentional crime (CC 1997 Art. 69(4); CC 2014 Art. 71(4) until Law 180-VI)
    or a grave or especially grave one (CC 2014 Art. 71(4) as worded by Law 180-VI)."""
    code = rule.key[0]
    evasion = general_part.find("rule", code, "limitation_evasion", on=day)
    if code == "CC2014" and evasion is not None and "новое тяжкое или особо тяжкое преступление" in evasion.text:
        return NEW_GRAVE_CRIME
    return NEW_INTENTIONAL_CRIME


NEW_GRAVE_CRIME = N_("a new grave or especially grave crime interrupted the period")
NEW_INTENTIONAL_CRIME = N_("a new intentional crime interrupted the period")
"""What :func:`_interruption` says, alone or among a period's other doubts."""


def interruption_open(lim: Limitation) -> bool:
    """Whether a new crime may have interrupted ``lim``: whether :func:`_interruption` is among its
    doubts (not a closing day's or a minor's halved outer period's alone)."""
    return any(said in lim.unless for said in (NEW_GRAVE_CRIME, NEW_INTENTIONAL_CRIME))


LAST_DAY = N_("the decision date, the period's closing day (the act's date in its last month or year), still belongs "
              "to the period (the Codes do not say; the procedure codes end a term counted in months or years on "
              "that day: CPC 2014 Art. 48(4), AOC 2014 Art. 739(5))")
"""Why a decision on the day a period closes (its anniversary) is not certainly too late: the Codes count the period
«со дня совершения» and say it has run out («истекли») without saying on which day; the procedure
codes end a term counted in months or years «в соответствующие месяц и число» (CPC 2014 Art. 48(4),
AOC 2014 Art. 739(5)), not counting the day it starts from, so that the anniversary is the last day
within it; counting the act's own day, the period ends the day before."""


LAST_DAY_EVASION = N_("the period's closing day (the act's date in its last month or year), when the evasion began, "
                      "still belongs to the period, which the evasion then suspended (the Codes do not say; the "
                      "procedure codes end a term counted in months or years on that day: CPC 2014 Art. 48(4))")
"""Why an evasion that began on the day a period closes may have suspended it (:data:`LAST_DAY`)."""

LAST_DAY_REFERRAL = N_("the period's closing day (the act's date in its last month or year), when the case was "
                       "referred to court, still belongs to the period, which the referral then suspended (the Codes "
                       "do not say; AOC 2014 Art. 739(5) ends a term counted in months or years on that day)")
"""Why a referral on the day a period closes may have suspended it (:data:`LAST_DAY`)."""

LAST_DAYS = (LAST_DAY, LAST_DAY_EVASION, LAST_DAY_REFERRAL)
"""The doubts about a period's closing day, as :attr:`Limitation.unless` says them alone."""


def _on_last_day(lim: Limitation, decided_on: dt.date) -> Limitation:
    """``lim``, where the decision is on the day its period ends (:data:`LAST_DAY`), not a certain
    expiry: the doubt joins the fact that already leaves it open."""
    if not lim.expired or lim.expires != decided_on:
        return lim
    unless = join((lim.unless, LAST_DAY), OR) if lim.unless else LAST_DAY
    return attrs.evolve(lim, certain=False, unless=unless, last_day=True)


OUTER_PERIODS = {"CC2014": "CC2014 71(4)", "CC1997": "CC1997 69(3)"}
"""Where each code sets the outer periods after which liability lapses while the person evades (the
rule's ``maximum``): cited beside the period's article where the outer period is the end."""


MINOR_PERIODS = {"CC2014": "CC 2014 Art. 88", "AOC2014": "AOC 2014 Art. 71"}
"""The rules that halve the limitation periods for a minor, by code. CC 2014 Art. 88: «Сроки давности
привлечения к уголовной ответственности или обвинительного приговора при освобождении
несовершеннолетних от уголовной ответственности или отбывания наказания сокращаются наполовину»
(09.04.2016 and 16.09.2025 texts, rus/sec006.md, commits 026bf5607328af3969f8b7e9fdea1211263229cf and
b71affc4f3e6875437ee4a1c2aff60059082fd1b). AOC 2014 Art. 71: «Сроки давности, предусмотренные статьей
62 настоящего Кодекса, при освобождении несовершеннолетних от административной ответственности или
исполнения административного взыскания сокращаются наполовину», the same in the texts of 11.07.2017
(commit a84ebbd2e00cef4c87d07cc36ed4b33e53893a9b), 16.06.2024 (commit
21ae8644ab140631174d7da98dc263f14be5d09b) and 31.12.2025 (commit 1cb4df4436bda63b246eef5e2b060f53527a2cb1),
with no amendment footnote: taken to stand from 2015."""


def halved(rule: general_part.Rule, incident: Incident) -> bool:
    """Whether ``rule``'s period is halved for the act: a rule of a code in :data:`MINOR_PERIODS`
    (the 1997 Code's rule for minors was not read) whose period is a whole number of months once
    halved, and facts that state the offender was a minor. The outer period while the person evades
    is not halved: the articles speak of the periods."""
    if rule.key[0] not in MINOR_PERIODS or not minor_stated(incident):
        return False
    period = rule.period_amount
    if period is None:
        return False
    months = period.magnitude * 12 if period.unit == "year" else period.magnitude
    return period.unit in ("year", "month") and months % 2 == 0


def _evaded_by(incident: Incident, decided_on: dt.date) -> dt.date | None:
    """The day the person began to evade, where that was on or before the decision: an evasion that
    begins later has not stopped the period on the decision date («Течение сроков давности
    приостанавливается, если лицо, совершившее преступление, уклоняется от следствия или суда»,
    CC 2014 Art. 71(4)), which runs as though none were stated."""
    evaded = incident.evaded_from
    return evaded if evaded is not None and evaded <= decided_on else None


def _limitation_under(found: _LimitationRule, day: dt.date, incident: Incident, decided_on: dt.date) -> Limitation:
    """The limitation period under one rule (:func:`_period_under`), a decision on its last day left
    open (:func:`_on_last_day`)."""
    return _on_last_day(_period_under(found, day, incident, decided_on), decided_on)


MINOR_OUTER = N_("the outer period after which liability lapses while the person evades (CC 2014 Art. 71(4)) is "
                 "not halved for a minor (Art. 88 halves «сроки давности привлечения к уголовной ответственности» "
                 "and does not say whether the outer periods are among them)")
"""Why a minor's liability after the halved outer period is not certainly barred (:func:`_minor_outer`)."""


def stops_alone(unless: str, last_day: bool) -> bool:
    """Whether an expired period is left open only by facts that would have suspended or interrupted
    it (a referral to court, an expert examination, a new offence or crime: CC 2014 Art. 71(4), AOC
    2014 Art. 62(5), (7)), as ``unless`` and ``last_day`` of a :class:`Limitation` (or its JSON) say:
    not where the open point is whether the closing day still belongs to the period
    (:data:`LAST_DAY`, ``last_day``), whether a no-limitation rule was in force
    (:data:`EXEMPTION_IN_FORCE`) or whether a minor's outer period is halved (:data:`MINOR_OUTER`),
    which no suspension or interruption decides (CC 2014 Art. 71(3): a criminal misdemeanour's period
    is never suspended or interrupted)."""
    return bool(unless) and not last_day and not _exemption_said(unless) and MINOR_OUTER not in unless


def _period_under(found: _LimitationRule, day: dt.date, incident: Incident, decided_on: dt.date) -> Limitation:
    """The limitation period under one rule (:func:`_period_of`), where the facts state a minor who
    evades, weighed against the halved outer period (:func:`_minor_outer`)."""
    return _minor_outer(found, day, incident, decided_on, _period_of(found, day, incident, decided_on))


def _minor_outer(found: _LimitationRule, day: dt.date, incident: Incident, decided_on: dt.date,
                 lim: Limitation) -> Limitation:
    """``lim``, a minor's period that stands still or runs on, prolonged by an evasion, on the
    decision date, left open where the halved outer period has run out: CC 2014 Art. 88 halves
    «Сроки давности привлечения к уголовной ответственности», and the outer periods of Art. 71(4),
    after which «лицо не может быть привлечено к уголовной ответственности, если со времени совершения
    преступления давность не была прервана и истекли следующие сроки», are such terms too by their
    words; the Code does not say whether Art. 88 halves them (:data:`MINOR_OUTER`)."""
    rule, p = found.rule, found.version
    if (found.cap is None or _evaded_by(incident, decided_on) is None or lim.status not in ("running", "suspended")
            or p.category is Category.CRIMINAL_MISDEMEANOUR or not halved(rule, incident)):
        return lim
    unit, magnitude = found.cap
    half = _expiry(incident.act_date, (magnitude * 12 if unit == "year" else magnitude) // 2, "month")
    if decided_on < half:
        return lim
    outer = OUTER_PERIODS[rule.key[0]]
    article = lim.article if lim.article.endswith(f", {outer}") else f"{lim.article}, {outer}"
    grave = p.category in (Category.GRAVE, Category.ESPECIALLY_GRAVE)
    unless = join((_interruption(rule, day), MINOR_OUTER), OR) if grave else MINOR_OUTER
    return Limitation(lim.period, half, article, True, False, "expired", unless)


def _period_of(found: _LimitationRule, day: dt.date, incident: Incident, decided_on: dt.date) -> Limitation:
    """The limitation period under one rule (``found``, the law of ``day``), decided from the facts:

    - a criminal misdemeanour: the period is never suspended (CC 2014 Art. 71(3));
    - a crime: it stands still while the person evades (``evaded_from`` to ``evaded_until``) and
      runs again from the arrest or surrender, but never beyond the outer period of CC 2014
      Art. 71(4) (CC 1997 Art. 69(3)); without ``evaded_from`` no evasion is assumed;
    - an administrative offence: it stands still from the referral of the case to court
      (``referred_on``, AOC Art. 62(5)), except under the wording of 62(5) that lets it run again once
      the court receives the case (:func:`_receipt_rule`); an expired period stays undecided, since an expert
      examination also suspends it and a new offence interrupts it (62(5), (7)).
    """
    rule, p = found.rule, found.version
    if rule.none:
        return Limitation(None, None, rule.cite(), expired=False, certain=True, status="none")
    act = incident.act_date
    period, cited, unit, magnitude = rule.period, rule.cite(), found.unit, found.magnitude
    if halved(rule, incident):
        magnitude = (magnitude * 12 if unit == "year" else magnitude) // 2
        unit, period, cited = "month", quantity(magnitude, "month"), f"{cited}, {MINOR_PERIODS[rule.key[0]]}"
    expires = _expiry(act, magnitude, unit)
    if p.regime is Regime.ADMINISTRATIVE:
        referred = incident.referred_on
        receipt = _receipt_rule(p.ref.code, act, decided_on) if referred is not None and referred < expires else None
        resumes = receipt is not None
        if referred is not None and referred < expires and not resumes:
            return Limitation(period, expires, cited, False, True, "suspended")
        expired = decided_on >= expires
        if expired and referred == expires and not resumes:  # referred on the closing day: it stopped the period
            # if that day is within it (LAST_DAY_REFERRAL)
            return Limitation(period, expires, cited, True, False, "expired",
                              join((_suspension_unless(p.ref.code, act, decided_on, True, None), LAST_DAY_REFERRAL),
                                   OR), last_day=True)
        if expired:  # never certain: an expert examination suspends, a new offence interrupts (62(5), 62(7))
            return Limitation(period, expires, cited, True, False, "expired",
                              _suspension_unless(p.ref.code, act, decided_on, referred is not None, receipt))
        return Limitation(period, expires, cited, False, True, "running")
    evaded = _evaded_by(incident, decided_on)
    if p.category is not Category.CRIMINAL_MISDEMEANOUR and evaded == expires and decided_on > expires:
        # the evasion began on the closing day: it suspended the period if that day is within it
        grave = p.category in (Category.GRAVE, Category.ESPECIALLY_GRAVE)
        unless = join((_interruption(rule, day), LAST_DAY_EVASION), OR) if grave else LAST_DAY_EVASION
        return Limitation(period, expires, cited, True, False, "expired", unless, last_day=True)
    if p.category is not Category.CRIMINAL_MISDEMEANOUR and evaded is not None and evaded < expires:
        cap = _expiry(act, found.cap[1], found.cap[0]) if found.cap is not None else None
        outer = f"{cited}, {OUTER_PERIODS[rule.key[0]]}" if cap is not None else cited  # the cap's own article
        if cap is not None and decided_on >= cap:  # the outer period bars liability only where no new crime
            # interrupted the period («если ... давность не была прервана», CC 2014 Art. 71(4); CC 1997 Art. 69(3))
            certain = p.category not in (Category.GRAVE, Category.ESPECIALLY_GRAVE)
            return Limitation(period, cap, outer, True, certain, "expired", "" if certain else _interruption(rule, day))
        until = incident.evaded_until
        if until is None or until > decided_on:
            return Limitation(period, cap, outer, False, True, "suspended")
        expires = expires + (until - evaded)
        if cap is not None and cap <= expires:
            expires, cited = cap, outer
    expired = decided_on >= expires
    # A new crime interrupts the period of a grave one (CC 2014 Art. 71(4); CC 1997 Art. 69(4)).
    certain = not (expired and p.category in (Category.GRAVE, Category.ESPECIALLY_GRAVE))
    unless = "" if certain else _interruption(rule, day)
    return Limitation(period, expires, cited, expired, certain, "expired" if expired else "running", unless)


def _governing_rule_step(p: Provision, choice: _LimitationChoice, decided: dt.date) -> Step | None:
    """The step saying which limitation rule governs and why, where other rules were compared."""
    if len(choice.rules) == 1:
        return None
    first, found = choice.rules[0], choice.found

    def names(r: _LimitationRule) -> Message:
        what = (Message("{period} from the act", period=r.rule.period) if r.rule.period is not None
                else Message("no limitation"))
        if r.cap is not None:
            what = Message("{text}, {cap} at most while the person evades", text=what, cap=r.rule.maximum)
        if r.version.ref == p.ref and r.version.category is p.category:
            return Message("{rule}: {text}", rule=r.rule.cite(), text=what)
        return Message("{rule} for {ref} ({category}): {text}", rule=r.rule.cite(), ref=str(r.version.ref),
                       category=r.version.category, text=what)

    if choice.chosen == 0:
        later = join(Message("{rule}, from {day}", rule=names(r), day=d)
                     for r, d in zip(choice.rules[1:], choice.days[1:], strict=True))
        return Step(Message("The limitation rule of the act's time governs ({first}): the other rules compared, up "
                            "to the decision, are not milder for this act ({later})", first=names(first), later=later),
                    *time_rule(p.regime, decided))
    return Step(Message("A later limitation rule is milder for this act and applies retroactively: {found}, in force "
                        "from {day}, against the rule of the act's time ({first})", found=names(found),
                        day=choice.day, first=names(first)),
                *retro_rule(p.regime, decided))


def trace(p: Provision, incident: Incident, lim: Limitation, decided: dt.date) -> tuple[Step, ...]:
    """The steps deciding the limitation: which rule governs, the period, and what stopped it where
    the facts say."""
    choice = _limitation_choice(p, incident, decided)
    assert choice is not None  # a limitation was found for this version and act date
    found, day = choice.found, choice.day
    rule, version = found.rule, found.version
    said = _governing_rule_step(p, choice, decided)
    steps = [] if said is None else [said]
    if lim.status == "none":
        return (*steps, Step(N_("No limitation period applies to this offence"), rule.cite(), rule.source))
    period_article = lim.article.removesuffix(f", {OUTER_PERIODS.get(rule.key[0], '')}")  # the period's own article
    steps.append(Step(Message("Limitation {period} from the act", period=lim.period), period_article, rule.source))
    code = rule.key[0]
    if version.regime is Regime.ADMINISTRATIVE:
        referral = general_part.find("rule", code, "limitation_referral", on=day)
        if lim.status != "suspended" and incident.referred_on is not None:  # the wording that lets it run again
            referral = _receipt_rule(code, incident.act_date, decided) or referral
        where = (referral.cite(), referral.source) if referral is not None else ("AOC2014 62(5)", "")
        if incident.referred_on is not None:
            day = incident.referred_on
            steps.append(Step(
                Message("The case was referred to court on {day}: the period stands still from then", day=day)
                if lim.status == "suspended" else
                Message("The case was referred to court on {day}: the period runs again once the court receives the "
                        "case (Art. 62(5) in the wording cited, the mildest in force from the act to the decision)",
                        day=day)
                if lim.expires is not None and day < lim.expires else
                Message("The case was referred to court on {day}: after the period ran out on {end}", day=day,
                        end=lim.expires), *where))
    elif version.category is Category.CRIMINAL_MISDEMEANOUR:
        if incident.evaded_from is not None:
            rule3 = general_part.find("rule", code, "limitation_misdemeanour", on=day)
            steps.append(Step(N_("Evasion does not suspend the period of a criminal misdemeanour"),
                              *((rule3.cite(), rule3.source) if rule3 else ("CC2014 71(3)", ""))))
    elif (start := _evaded_by(incident, decided)) is not None:
        evasion = general_part.find("rule", code, "limitation_evasion", on=day)
        where = (evasion.cite(), evasion.source) if evasion is not None else (f"{code} (evasion)", "")
        if lim.status == "suspended":
            what = (Message("The person evaded from {day}: the period stands still until the arrest or surrender, and "
                            "liability lapses on {end} at the latest", day=start, end=lim.expires)
                    if lim.expires is not None else
                    Message("The person evaded from {day}: the period stands still until the arrest or surrender",
                            day=start))
        elif lim.unless and MINOR_OUTER in lim.unless:
            what = Message("The person evaded from {day}; halved for a minor, the outer period ran out on {end}",
                           day=start, end=lim.expires)
        elif start >= _expiry(incident.act_date, found.magnitude, found.unit):
            what = Message("The person evaded from {day}, after the period had run out", day=start)
        elif found.cap is not None and lim.expires == _expiry(incident.act_date, found.cap[1], found.cap[0]):
            what = Message("The person evaded from {day}, but the outer period runs out on {end} whatever the "
                           "evasion", day=start, end=lim.expires)
        else:
            what = Message("The period stood still from {day} to the arrest or surrender on {end}", day=start,
                           end=incident.evaded_until)
        steps.append(Step(what, *where))
    if lim.status in ("running", "expired"):
        steps.append(Step(Message("The period expires on {day}; the decision date is on or after it", day=lim.expires)
                          if lim.expired else Message("The period expires on {day}", day=lim.expires),
                          rule.cite(), rule.source))
    return tuple(steps)


@functools.lru_cache(maxsize=1 << 16)
def _expiry(act_date: dt.date, magnitude: int, unit: str) -> dt.date:
    """``act_date`` plus a term of years or months, in calendar terms (relativedelta); remembered,
    as registers repeat act dates and the calendar arithmetic is slow (a few years of act dates
    times a few terms fit)."""
    term = relativedelta(years=magnitude) if unit == "year" else relativedelta(months=magnitude)
    expiry: dt.date = act_date + term
    return expiry
