"""Amnesty laws as dated data: the records of ``data/amnesties.toml`` and their vocabularies.

An amnesty law reaches acts committed before its entry into force (Law 01.07.2026 No. 329-VIII
Art. 4(1)) and releases from criminal liability, terminating the pending case, the persons who
committed offences of the categories it names (Art. 1(1), (3)), except the crimes and persons it
excludes (Art. 3). The file's format is in ``docs/data-format.md``; the loader is
:mod:`kzspeechlaw.law.amnesty_data`, the reasoning :mod:`kzspeechlaw.reasoning.amnesty`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs
from dateutil.relativedelta import relativedelta

from kzspeechlaw.i18n import N_
from kzspeechlaw.law.model import Category, Provision
from kzspeechlaw.refs import Ref

CATEGORIES = tuple(c for c in Category if c is not Category.ADMINISTRATIVE_OFFENCE)
"""The categories a release rule may name (CC 2014 Arts. 10-11)."""

STAGES = {
    "liability": N_("released from criminal liability: the pending case is terminated"),
    "main_punishment": N_("at court, released from the main punishment only, where an additional punishment is "
                          "mandatory"),
    "punishment": N_("released from the punishment imposed (convicted persons)"),
}
"""What a release rule does. :func:`kzspeechlaw.reasoning.amnesty.findings` reads the
``liability`` and ``main_punishment`` rules, which concern cases pending on the amnesty's entry
into force."""

CONDITIONS = {
    "damage_settled": N_("the crime caused no damage, or the damage was fully compensated, or no civil claim was "
                         "filed"),
    "social_category": N_("the person belongs to a social category the article lists (minors, pregnant women, "
                          "parents of minor children, disabled persons, older persons, veterans and the like)"),
    "socially_vulnerable": N_("the person is socially vulnerable as Art. 1 of the Law defines it: a veteran; under "
                              "eighteen when the act was committed; on the Law's entry into force a woman of fifty or "
                              "more or a man of sixty or more, a pregnant woman, a woman with a child under eighteen, "
                              "or a man who is the sole parent of minor children (neither deprived of parental "
                              "rights); a parent who had a disabled child, or a person disabled from childhood, as a "
                              "dependant when the act was committed and when convicted; or a person with a group I "
                              "or II disability recognised before the Law's entry into force"),
    "non_custodial_sentence": N_("the main punishment imposed is not custodial"),
    "riot_connection": N_("the act was committed in Kazakhstan from 4 to 7 January 2022 in connection with the "
                          "mass riots or their suppression"),
    "legalised_property": N_("the person legalised the property obtained by the act"),
}
"""Conditions of a release rule, in the laws' words (English)."""

DEFINED = {"extremist": N_("an extremist crime"), "terrorist": N_("a terrorist crime"),
           "corruption": N_("a corruption crime")}
"""Exclusions by kind of crime, decided by the code's definition (CC 2014 Art. 3(29), (30), (39))."""

DEFINITIONS = {**DEFINED, "extremism_signs": "a crime containing signs of extremism"}
"""The kinds a ``[[definition]]`` may give: those of :data:`DEFINED` and, for the 1997 Code, the
crimes containing signs of extremism (CC 1997 Art. 41 note 2)."""

PERSONS = {
    "citizen": N_("a citizen of Kazakhstan"),
    "individual_entrepreneur": N_("an individual entrepreneur registered in Kazakhstan"),
    "private_notary": N_("a private notary"),
    "private_bailiff": N_("a private bailiff"),
    "advocate": N_("an advocate"),
    "legal_consultant": N_("a legal consultant"),
}
"""The natural persons an administrative chapter may name (Law 329-VIII Art. 7(1))."""

CAVEAT_WINDOW = dt.timedelta(days=31)
"""How close to an unverified entry-into-force date (of an amnesty law or of an amending act) a
date must be for the answer to say so. An act up to this many days after the earliest possible
day gets a ``may_reach`` finding; a decision this close carries a note."""


@attrs.frozen
class Window:
    """The days from ``first`` to ``last`` (both included) in which a date makes the answer say
    something it says of no other date: a caveat of :data:`CAVEAT_WINDOW`. ``counted``: what is
    said counts the days from ``first`` (the text differs from day to day)."""

    first: dt.date
    last: dt.date
    counted: bool = False

    def holds(self, day: dt.date) -> bool:
        """Whether ``day`` is in the window."""
        return self.first <= day <= self.last

    def place(self, day: dt.date) -> int | None:
        """Where ``day`` is in the window: ``None`` outside it; inside, the days from ``first``
        where ``counted``, else 0."""
        if not self.holds(day):
            return None
        return (day - self.first).days if self.counted else 0


EXCLUSIONS = {
    **DEFINED,
    "extremism_signs": N_("a crime containing signs of extremism"),
    "listed": N_("an article the Law lists"),
    "state_treason": N_("state treason"),
    "riot_organisation": N_("the organisation of mass riots"),
    "recidivism": N_("punishment imposed for recidivism or dangerous recidivism"),
    "group": N_("a crime committed in a criminal group"),
    "concurrence": N_("a concurrence of offences one of which the Law does not reach"),
    "concurrence_grave": N_("a concurrence of crimes one of which is grave or especially grave"),
    "sentence_concurrence": N_("offences in a concurrence of sentences one of which the Law does not reach"),
    "while_serving": N_("an intentional crime committed while serving a sentence"),
    "repeat_after_amnesty": N_("an intentional crime by a person earlier amnestied or pardoned"),
    "cpc_335": N_("a punishment imposed in the cases of CPC Art. 335(2)(2)-(3)"),
}
"""Kinds of exclusion. Those with ``refs`` are decided from the governing provision; the others
concern the person and are stated as open conditions unless the facts settle them
(:class:`kzspeechlaw.reasoning.amnesty.Facts`)."""


@attrs.frozen
class Title:
    """A law's title; ``kk`` is ``None`` where the Kazakh title was not read."""

    en: str
    ru: str
    kk: str | None = None


@attrs.frozen
class Release:
    """A rule releasing offences of ``categories`` under ``codes`` at ``stage``, on ``conditions``;
    ``articles``, where given, limits it to those articles (an inclusion list)."""

    article: str
    stage: str
    codes: tuple[str, ...]
    categories: tuple[Category, ...]
    conditions: tuple[str, ...]
    articles: tuple[Ref, ...]
    text: str = attrs.field(repr=False)

    def covers(self, p: Provision) -> bool:
        """True when ``p``'s code, category and article fall within the rule."""
        return (p.ref.code in self.codes and p.category in self.categories
                and (not self.articles or any(r.contains(p.ref) for r in self.articles)))


@attrs.frozen
class Exclusion:
    """An item of the Law's exclusion article: its kind, the refs it names and, for a list
    shortened in the extract read (``complete`` false), the refs known to be absent from it.
    ``convicted_only``: the item speaks of persons convicted («осужденных», 2016 and 2021), not of
    those who committed the crime; whether it reaches a pending case is left open (it withholds the
    release, :mod:`kzspeechlaw.reasoning.amnesty.reach`)."""

    article: str
    kind: str
    refs: tuple[Ref, ...]
    complete: bool
    not_listed: tuple[Ref, ...]
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)
    convicted_only: bool = False
    doubtful: tuple[Ref, ...] = ()
    """For an item the data decides by no definition (``extremism_signs`` for the 2014 Code, which
    defines no «преступления, содержащие признаки экстремизма»), the parts it may well reach: the
    item then withholds the release instead of being presumed absent (CC 2014 Art. 183, «Дача
    разрешения на публикацию ... экстремистских материалов»)."""

    def names(self, ref: Ref) -> bool:
        """True when the item names ``ref`` or an article or part containing it."""
        return any(r.contains(ref) for r in self.refs)

    def undecided(self, ref: Ref) -> bool:
        """True when the list, shortened here, may name ``ref``: it lists that code, does not name
        ``ref`` among the items kept, and the extract does not say ``ref`` is absent."""
        return (not self.complete and any(r.code == ref.code for r in self.refs) and not self.names(ref)
                and not any(r.contains(ref) for r in self.not_listed))


@attrs.frozen
class Definition:
    """A code's definition of a kind of crime (``extremist``, ``terrorist``, ``corruption``)."""

    kind: str
    code: str
    article: str
    refs: tuple[Ref, ...]
    source: str
    verified: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)

    def covers(self, ref: Ref) -> bool:
        """Whether the part ``ref`` is one of the crimes the definition lists."""
        return any(r.contains(ref) for r in self.refs)


@attrs.frozen
class Administrative:
    """The chapter releasing from administrative fines unpaid on ``fines_unpaid_on`` (2026: only
    fines of out-of-court bodies; ``court_penalties_excluded``), except the offences of ``refs``
    (a list shortened in the text read where ``complete`` is false, ``not_listed`` known to be
    absent from it); only the natural persons of ``persons`` (:data:`PERSONS`), where given; never
    the offences of ``court_only`` where court penalties are excluded."""

    article: str
    fines_unpaid_on: dt.date
    court_penalties_excluded: bool
    execution_article: str
    refs: tuple[Ref, ...]
    complete: bool
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)
    not_listed: tuple[Ref, ...] = ()
    persons: tuple[str, ...] = ()
    persons_article: str | None = None
    court_only: tuple[Ref, ...] = ()
    """Offences whose cases the Code gives to the courts alone (AOC 2014 Art. 684(1)): their fines
    are always a court's, so a chapter that excludes court penalties never releases them."""
    court_only_article: str | None = None


@attrs.frozen
class Amnesty:
    """One amnesty law: dates, the acts it reaches (committed in ``[committed_from,
    committed_before)`` under ``codes``), its release rules and exclusions."""

    id: str
    title: Title
    adopted: dt.date
    in_force: dt.date
    in_force_rule: str
    verified: bool
    source: str
    committed_from: dt.date | None
    committed_before: dt.date
    codes: tuple[str, ...]
    releases: tuple[Release, ...]
    exclusions: tuple[Exclusion, ...]
    execution_months: int | None
    execution_article: str | None
    objection_article: str | None
    administrative: Administrative | None
    text: str = attrs.field(repr=False)
    notes: str = attrs.field(default="", repr=False)
    convicted_article: str | None = None
    """The item releasing persons already convicted of a released offence from the main punishment
    still to be served («подлежат освобождению от дальнейшего отбывания только основного
    наказания», Law 329-VIII Art. 1(5)); ``served_article`` excludes those who served it."""
    served_article: str | None = None

    def reaches_date(self, act_date: dt.date) -> bool:
        """True when an act of ``act_date`` lies in the period the Law reaches."""
        return (self.committed_from is None or self.committed_from <= act_date) and act_date < self.committed_before

    @property
    def cut_off_unread(self) -> bool:
        """True when the cut-off is the entry into force (acts «до введения в действие») and that
        date was not read: the real cut-off may be later than ``committed_before``."""
        return not self.verified and self.committed_before == self.in_force

    def may_reach(self, act_date: dt.date) -> bool:
        """True when an act of ``act_date``, on or after the assumed cut-off, is reached if the
        Law entered into force later than assumed (within :data:`CAVEAT_WINDOW` of it)."""
        window = self.reach_window
        return window is not None and window.holds(act_date)

    @property
    def reach_window(self) -> Window | None:
        """The act dates of :meth:`may_reach` (what is said of them counts the days after the
        cut-off); ``None`` where the cut-off was read."""
        if not self.cut_off_unread:
            return None
        return Window(self.committed_before, self.committed_before + CAVEAT_WINDOW, counted=True)

    def in_force_uncertain_on(self, day: dt.date) -> bool:
        """True when ``day`` falls within :data:`CAVEAT_WINDOW` from an entry into force that was
        not read (taken as the earliest possible day): the Law may not yet have been in force."""
        window = self.uncertain_window
        return window is not None and window.holds(day)

    @property
    def uncertain_window(self) -> Window | None:
        """The days of :meth:`in_force_uncertain_on`; ``None`` where the entry into force was read."""
        return None if self.verified else Window(self.in_force, self.in_force + CAVEAT_WINDOW)

    @property
    def execution_ends(self) -> dt.date | None:
        """The last day of the execution period (six months from entry into force), if any."""
        if self.execution_months is None:
            return None
        end: dt.date = self.in_force + relativedelta(months=self.execution_months)
        return end

    def cite(self, article: str) -> str:
        """``"Law 329-VIII Art. 1(1)(1)"``, marked where the entry into force was not read."""
        return f"Law {self.id} {article}" + ("" if self.verified else " (in-force date unverified)")


@attrs.frozen
class Amnesties:
    """Every amnesty law, oldest first, and the definitions their exclusions use; ``unmodelled``,
    the laws the data does not hold (:class:`Unmodelled`)."""

    laws: tuple[Amnesty, ...]
    definitions: Mapping[tuple[str, str], Definition] = attrs.field(eq=False)
    unmodelled: Unmodelled | None = None

    def unmodelled_may_reach(self, act_date: dt.date, decided_on: dt.date) -> bool:
        """Whether an amnesty law the data does not hold may have released an act of ``act_date``
        decided on ``decided_on``: an act before :attr:`Unmodelled.before`, decided after it was
        committed."""
        u = self.unmodelled
        return u is not None and act_date < u.before and decided_on > act_date


@attrs.frozen
class Unmodelled:
    """The amnesty laws the data does not model: those adopted before ``before``; ``laws``, the
    numbers of those read, which ended pending cases on crimes punishable by up to five years'
    imprisonment or by a punishment not custodial (``text``)."""

    before: dt.date
    laws: tuple[str, ...]
    text: str
    notes: str = attrs.field(default="", repr=False)

