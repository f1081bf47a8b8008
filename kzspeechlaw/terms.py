"""The vocabulary's codes in words: kinds of punishment, categories, subjects, outcomes and the
values of the facts, each an English message in a context of its own (``pgettext``), translated
by the catalogues of :mod:`kzspeechlaw.i18n`.

The Russian and Kazakh kinds of punishment are the codes' own terms: CC 2014 Art. 40 («Виды
наказаний»; Kazakh «Жаза түрлерi»: айыппұл, түзеу жұмыстары, қоғамдық жұмыстарға тарту, қамаққа
алу, бас бостандығын шектеу, бас бостандығынан айыру, мүлкін тәркілеу, белгiлi бiр лауазымды
атқару немесе белгiлi бiр қызметпен айналысу құқығынан айыру, шығарып жiберу; Kazakh text of
10.01.2018 № 132-VI, kazakhstan-law/codes commit d1252e4) and AOC 2014 Art. 41. Community service
is named as Art. 43(1) names the punishment itself: «общественные работы», «қоғамдық жұмыстар». Categories are
those of CC 2014 Art. 10-11 (Kazakh: қылмыстық теріс қылық, онша ауыр емес, ауырлығы орташа, ауыр,
аса ауыр қылмыс, as Art. 40 and 46 write them). The catalogues mark a Kazakh word not compared with
a statute text with the translator comment ``kk: unchecked``. The words of sentencing and release
in Kazakh (жеңілдететін, ауырлататын мән-жайлар; ерекше мән-жайлар; бұйрықты іс жүргізу; қылмысқа
дайындалу, оқталу; сіңіру, ішінара немесе толық қосу, түпкілікті жаза; шартты түрде соттау;
татуласу, келтірілген зиянды қалпына келтіру, шынайы өкіну) are those of CC 2014 Arts. 53-63 and 68
in Kazakh (kazakhstan-law/codes, kaz/sec004.md commit 0887da1, kaz/sec005.md commit 49c11fd); the
AOC's «әкімшілік қамаққа алу» is its Art. 14(2) (kaz/sec001.md commit 6268739). The amnesty's words
(негізгі, қосымша жаза; экстремизм белгілері; адам немесе оның заңды өкілі бұған қарсы; орындалмаған
әкімшілік айыппұл; the persons of its Art. 7(1)) and the way it cites itself («1-бабының 1-тармағы
2) тармақшасы», «4-бабының 4-тармағы») are those of Law 329-VIII in Kazakh
(03-laws/2026/0701-ob-amnistii-...-227195/kaz.md, commit dd58426).

>>> word("penalty", "restriction_of_freedom", "ru"), word("penalty", "restriction_of_freedom", "kk")
('ограничение свободы', 'бас бостандығын шектеу')
>>> word("penalty", "no_such_kind", "ru")
'no such kind'
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import re
from collections.abc import Iterator
from typing import Any, cast

from kzspeechlaw.i18n import N_, NP_, TERM_CONTEXTS, Message, current, gettext, local_date, pgettext, term

TABLES: dict[str, dict[str, str]] = {
    "penalty": {
        "fine": NP_("penalty", "fine"),
        "income_fine": NP_("penalty", "fine in wages or other income"),
        "correctional_work": NP_("penalty", "correctional work"),
        "community_service": NP_("penalty", "community service"),
        "arrest": NP_("penalty", "arrest"),
        "restriction_of_freedom": NP_("penalty", "restriction of freedom"),
        "imprisonment": NP_("penalty", "imprisonment"),
        "deprivation_of_right": NP_("penalty", "deprivation of the right to hold a post or engage in an activity"),
        "warning": NP_("penalty", "warning"),
        "confiscation": NP_("penalty", "confiscation"),
        "expulsion": NP_("penalty", "expulsion"),
        "suspension_of_activity": NP_("penalty", "suspension of activity"),
        "prohibition_of_activity": NP_("penalty", "prohibition of activity"),
    },
    "category": {
        "criminal_misdemeanour": NP_("category", "criminal misdemeanour"),
        "small_gravity": NP_("category", "crime of small gravity"),
        "medium_gravity": NP_("category", "crime of medium gravity"),
        "grave": NP_("category", "grave crime"),
        "especially_grave": NP_("category", "especially grave crime"),
        "administrative_offence": NP_("category", "administrative offence"),
    },
    "subject": {
        "natural_person": NP_("subject", "natural person"),
        "official": NP_("subject", "official"),
        "legal_entity": NP_("subject", "legal entity"),
        "small_business": NP_("subject", "small business"),
        "medium_business": NP_("subject", "medium business"),
        "large_business": NP_("subject", "large business"),
        "non_profit_organisation": NP_("subject", "non-profit organisation"),
    },
    "outcome": {
        "liable": NP_("outcome", "Liable"),
        "decriminalised": NP_("outcome", "Decriminalised"),
        "time_barred": NP_("outcome", "Time-barred"),
        "time_barred_unless_stopped": NP_("outcome", "Time-barred unless the period was suspended or interrupted"),
        "no_provision": NP_("outcome", "No provision applies"),
        "amnestied": NP_("outcome", "Released by amnesty"),
        "outside_scope": NP_("outcome", "Outside what the library models"),
    },
    "allegation": {  # CC 2014 Art. 130(3): «в совершении коррупционного преступления, тяжкого или особо тяжкого»
        "none": NP_("allegation", "no crime alleged"),
        "crime": NP_("allegation", "a crime"),
        "corruption_crime": NP_("allegation", "a corruption crime"),
        "grave_crime": NP_("allegation", "a grave crime"),
        "especially_grave_crime": NP_("allegation", "an especially grave crime"),
    },
    "conduct": {
        "slander": NP_("conduct", "slander"),
        "insult": NP_("conduct", "insult"),
        "encroachment_on_honour": NP_("conduct", "other encroachment on honour and dignity"),
        "desecration_of_image": NP_("conduct", "desecration of images (First President)"),
        "incitement_of_discord": NP_("conduct", "incitement of discord"),
        "false_information": NP_("conduct", "false information"),
        "call_to_seize_power": NP_("conduct", "calls to seize power"),
        "call_to_separatism": NP_("conduct", "calls to violate the unitary state"),
        "terrorism_propaganda": NP_("conduct", "propaganda of terrorism"),
        "call_to_mass_riots": NP_("conduct", "calls to mass riots"),
        "call_to_violence": NP_("conduct", "calls to violence"),
        "obstructing_journalist": NP_("conduct", "obstructing a journalist"),
        "desecration_of_state_symbols": NP_("conduct", "desecration of state symbols"),
        "petty_hooliganism": NP_("conduct", "petty hooliganism"),
        "media_law_violation": NP_("conduct", "violation of the media law"),
        "disclosure_of_minor_data": NP_("conduct", "disclosing a minor's identity"),
        "contempt_of_court": NP_("conduct", "contempt of court"),
        "call_to_aggressive_war": NP_("conduct", "propaganda of or public calls to unleash an aggressive war"),
        "drug_propaganda": NP_("conduct", "propaganda of narcotic drugs"),
        "suicide_propaganda": NP_("conduct", "propaganda of suicide"),
        "bullying_of_minor": NP_("conduct", "bullying of a minor"),
        "authorising_extremist_publication": NP_("conduct", "authorising the publication of extremist materials"),
    },
    "channel": {
        "private": NP_("channel", "private"),
        "public_speech": NP_("channel", "in public"),
        "mass_media": NP_("channel", "mass media"),
        "telecom_network": NP_("channel", "telecommunication networks (internet, social media)"),
        "public_work": NP_("channel", "a publicly shown work"),
    },
    "target": {
        "person": NP_("target", "a person"),
        "official": NP_("target", "an official"),
        "authority_representative": NP_("target", "a representative of authority"),
        "judge": NP_("target", "a judge"),
        "president": NP_("target", "the President"),
        "deputy": NP_("target", "a member of Parliament"),
        "journalist": NP_("target", "a journalist"),
        "serviceman": NP_("target", "a serviceman"),
        "family_member": NP_("target", "a member of the family"),
        "medical_worker": NP_("target", "a medical or pharmaceutical worker"),
        "candidate": NP_("target", "a candidate or political party"),
        "state": NP_("target", "the State"),
        "public": NP_("target", "the public"),
        "juror": NP_("target", "a juror"),
        "prosecutor": NP_("target", "a prosecutor"),
        "investigator": NP_("target", "a person conducting the pre-trial investigation"),
        "inquiry_officer": NP_("target", "an inquiry officer"),
        "expert": NP_("target", "an expert"),
        "bailiff": NP_("target", "a bailiff"),
        "advocate": NP_("target", "an advocate"),
        "first_president": NP_("target", "the First President"),
        "legal_entity": NP_("target", "a legal entity"),
    },
    "discord": {  # CC 2014 Art. 174: «социальной, национальной, родовой, расовой, сословной или религиозной розни»
        "social": NP_("discord", "social"),
        "national": NP_("discord", "national"),
        "clan": NP_("discord", "clan"),
        "racial": NP_("discord", "racial"),
        "class": NP_("discord", "class"),
        "religious": NP_("discord", "religious"),
    },
    "circumstance": {  # the English words are the code names, as the page has always shown them
        "emergency": NP_("circumstance", "emergency"),
        "martial_law": NP_("circumstance", "martial law"),
        "armed_conflict": NP_("circumstance", "armed conflict"),
        "mass_riots": NP_("circumstance", "mass riots"),
        "public_event": NP_("circumstance", "public event"),
        "group": NP_("circumstance", "group"),
        "criminal_group": NP_("circumstance", "criminal group"),
        "repeated": NP_("circumstance", "repeated"),
        "not_repeated": NP_("circumstance", "not repeated"),
        "official_position": NP_("circumstance", "official position"),
        "public_association_leader": NP_("circumstance", "public association leader"),
        "violence": NP_("circumstance", "violence"),
        "property_damage": NP_("circumstance", "property damage"),
        "foreign_funding": NP_("circumstance", "foreign funding"),
        "substantial_harm": NP_("circumstance", "substantial harm"),
        "major_damage": NP_("circumstance", "major damage"),
        "grave_consequences": NP_("circumstance", "grave consequences"),
        "foreign_publication": NP_("circumstance", "foreign publication"),
        "influencer": NP_("circumstance", "influencer"),
        "caused_suicide_attempt": NP_("circumstance", "caused suicide attempt"),
        "caused_suicide": NP_("circumstance", "caused suicide"),
    },
    "yes_no": {"yes": NP_("yes_no", "yes"), "no": NP_("yes_no", "no")},
    "stage": {
        "completed": NP_("stage", "completed"),
        "attempt": NP_("stage", "attempt"),
        "preparation": NP_("stage", "preparation"),
    },
    "procedure": {
        "ordinary": NP_("procedure", "ordinary"),
        "accelerated": NP_("procedure", "accelerated pre-trial investigation"),
        "plea_agreement": NP_("procedure", "procedural agreement"),
        "order": NP_("procedure", "order procedure"),
    },
    "verdict": {
        "within": NP_("verdict", "within"),
        "below_minimum_allowed": NP_("verdict", "below minimum allowed"),
        "below_minimum": NP_("verdict", "below minimum"),
        "above_maximum": NP_("verdict", "above maximum"),
        "kind_not_available": NP_("verdict", "kind not available"),
    },
    "route": {
        "reconciliation": NP_("route", "reconciliation"),
        "reconciliation_grave": NP_("route", "reconciliation (grave crime)"),
        "court_reconciliation": NP_("route", "reconciliation in court"),
        "private_reconciliation": NP_("route", "reconciliation (private prosecution)"),
        "repentance": NP_("route", "sincere repentance"),
        "active_repentance": NP_("route", "active repentance"),
        "change_of_situation": NP_("route", "change of situation"),
        "surety": NP_("route", "release with a surety"),
        "minor_release": NP_("route", "release of a minor"),
        "amnesty": NP_("route", "amnesty"),
        "conditional_sentence": NP_("route", "conditional sentence"),
        "deferral": NP_("route", "deferral of the sentence"),
        "no_complaint": NP_("route", "no complaint"),
        "trivial_offence": NP_("route", "trivial offence"),
    },
    "fact": {  # the facts an outcome may depend on (Assessment.depends_on)
        "channel": NP_("fact", "channel"),
        "allegation": NP_("fact", "allegation"),
        "in_connection_with_duties": NP_("fact", "in connection with duties"),
        "knowing_and_dangerous": NP_("fact", "knowing and dangerous"),
        "interruption": NP_("fact", "interruption"),
        "referral": NP_("fact", "referral"),
        "last_day": NP_("fact", "the period's last day"),
        "amnesty": NP_("fact", "amnesty"),
        "age": NP_("fact", "age"),
        "knowledge": NP_("fact", "knowledge"),
        "in_force": NP_("fact", "in force"),
        "harm_conditions": NP_("fact", "conditions for a breach"),
        "publication": NP_("fact", "publication"),
        "prior_agreement": NP_("fact", "prior agreement"),
        "group_of_persons": NP_("fact", "group of persons"),
        "group_by_agreement": NP_("fact", "group of persons by prior agreement"),
        "class_propaganda": NP_("fact", "class propaganda"),
        "media_product": NP_("fact", "mass-media product"),
        "mass_media": NP_("fact", "use of the mass media"),
        "speech_work_or_media": NP_("fact", "public speech, publicly shown work or mass media"),
        "holder_resource": NP_("fact", "information holder's internet resource"),
        "previous_conviction": NP_("fact", "previous conviction under the article"),
        "education_or_crowd": NP_("fact", "organisation of education or place of mass gathering"),
        "responsible_post": NP_("fact", "responsible state post"),
        "proceedings_date": NP_("fact", "proceedings date"),
        "repeated": NP_("fact", "repetition («повторно», «неоднократно»)"),
        "offender": NP_("fact", "entrepreneur or legal entity"),
        "target": NP_("fact", "representative of authority"),
        "publicly": NP_("fact", "«Публичное» also governing «иное посягательство»"),
        "wording": NP_("fact", "wording not read"),
        "propaganda": NP_("fact", "propaganda, not a call alone"),
    },
    "status": {
        "open": NP_("status", "open"),
        "closed": NP_("status", "closed"),
        "depends": NP_("status", "depends"),
        "not_modelled": NP_("status", "not modelled"),
        "running": NP_("status", "running"),
        "expired": NP_("status", "expired"),
        "suspended": NP_("status", "suspended"),
        "none": NP_("status", "none"),
    },
}
"""Each context's codes and their English words (the catalogues' message ids)."""


OPEN_TIME_BAR = NP_("outcome", "Time-barred unless what the answer depends on decides otherwise")
"""The words of ``time_barred_unless_stopped`` where the point left open is not a fact that would have
suspended or interrupted the period (the closing day, a no-limitation rule's entry into force, a
minor's outer period: :func:`kzspeechlaw.reasoning.limitation.stops_alone`): «unless the period was
suspended or interrupted» would name the wrong point, and a criminal misdemeanour's period is never
suspended or interrupted (CC 2014 Art. 71(3))."""


def outcome(code: str, lang: str, stops: bool = True) -> str:
    """The outcome ``code`` in words in ``lang``; ``time_barred_unless_stopped`` left open by no
    suspension or interruption alone (``stops`` false) as :data:`OPEN_TIME_BAR`."""
    if code == "time_barred_unless_stopped" and not stops:
        return pgettext("outcome", OPEN_TIME_BAR, lang)
    return word("outcome", code, lang)


def english(context: str, code: str) -> str:
    """The English words of ``code`` in ``context``; its code name with spaces where none is given."""
    return TABLES.get(context, {}).get(code) or code.replace("_", " ")


def word(context: str, code: str, lang: str) -> str:
    """``code`` of ``context`` (``"penalty"``, ``"category"`` ...) in ``lang``."""
    found = TABLES.get(context, {}).get(code)
    if _REGIME.get() == "administrative":
        found = _ADMINISTRATIVE.get((context, code), found)
    if found is None:
        return code.replace("_", " ")
    return pgettext(context, found, lang)


# --- the regime a term is said in -----------------------------------------------------------------

_REGIME: contextvars.ContextVar[str | None] = contextvars.ContextVar("kzspeechlaw_regime", default=None)

_ADMINISTRATIVE = {("penalty", "arrest"): NP_("penalty", "administrative arrest")}
"""Terms the Code of Administrative Offences words otherwise: its arrest is «административный
арест» (AOC 2014 Art. 41, 50), in Kazakh «әкімшілік қамаққа алу» (AOC 2014 Art. 14(2), (4), (7),
Kazakh text, kazakhstan-law/codes kaz/sec001.md, commit 6268739); the Criminal Code's is «арест»,
«қамаққа алу» (CC 2014 Art. 40, 45)."""


def own_words(regime_: object, context: str) -> dict[str, str]:
    """The codes of ``context`` that the code of ``regime_`` (a :class:`~kzspeechlaw.Regime` or its
    value) words otherwise, with their English words.

    >>> own_words("administrative", "penalty"), own_words("criminal", "penalty")
    ({'arrest': 'administrative arrest'}, {})
    """
    if str(getattr(regime_, "value", regime_)) != "administrative":
        return {}
    return {code: words for (ctx, code), words in _ADMINISTRATIVE.items() if ctx == context}


@contextlib.contextmanager
def regime(value: object) -> Iterator[None]:
    """Words the vocabulary's codes as the code of ``value`` (a :class:`~kzspeechlaw.Regime` or its
    value) does within the block: ``"administrative"`` makes an arrest «административный арест»."""
    token = _REGIME.set(str(getattr(value, "value", value)) if value is not None else None)
    try:
        yield
    finally:
        _REGIME.reset(token)


# --- citations ---------------------------------------------------------------------------------------

_CODES = {
    "CC 2014": N_("CC 2014 {cite}"), "CC 1997": N_("CC 1997 {cite}"), "AOC 2014": N_("AOC 2014 {cite}"),
    "CPC 2014": N_("CPC 2014 {cite}"), "CC": N_("CC {cite}"), "AOC": N_("AOC {cite}"), "CPC": N_("CPC {cite}"),
}
"""The codes a citation names before its articles: «ч. 4 ст. 68 УК 2014 года», «2014 жылғы ҚК
68-бабының 4-бөлігі», as the catalogues write the codes' citations elsewhere."""

_ARTICLE = {
    # (levels, is a law): the message in context "code" (a code's parts, «часть», «бөлік») or "law"
    # (a law's paragraphs, «пункт», «тармақ»; Law 329-VIII: «подпункт 2) пункта 1 статьи 1»).
    (0, False): NP_("code", "Art. {article}"), (0, True): NP_("law", "Art. {article}"),
    (1, False): NP_("code", "Art. {article}({part})"), (1, True): NP_("law", "Art. {article}({part})"),
    (2, False): NP_("code", "Art. {article}({part})({item})"),
    (2, True): NP_("law", "Art. {article}({part})({item})"),
}
_ARTICLES = NP_("code", "Arts {articles}")

_MARKS = (
    (re.compile(r" \(unverified\)"), N_(" (unverified)")),
    (re.compile(r" \(in-force date unverified\)"), N_(" (in-force date unverified)")),
    (re.compile(r" \(not modelled\)"), N_(" (not modelled)")),
)
_VERSION = re.compile(r"\(version from (?P<day>\d{4}-\d{2}-\d{2}), Law (?P<act>[^)]+)\)")
_ITEM = r"\d+(?:-\d+)*(?:\(\w+\))*(?:-\(\w+\))?"
_CITE = re.compile(rf"(?:(?P<code>CC 2014|CC 1997|AOC 2014|CPC 2014|CC|AOC|CPC) )?"
                   rf"(?P<art>Arts?)\.? (?P<items>{_ITEM}(?:(?:, | and ){_ITEM})*)")
_LAW_ARTICLES = re.compile(rf"\bLaw (?P<act>[^\s,;)\]]+) (?P<art>Arts?)\.? (?P<items>{_ITEM}(?:(?:, | and ){_ITEM})*)")
_LAW = re.compile(r"\bLaw (?P<act>\d+-[^\s,;)\]]+)")
_NOTE = re.compile(r"\bnote (\d+)\b")


def _item(text: str, law: bool, lang: str) -> str:
    """One article with its parts (``68(4)``, ``1(1)(2)``) as the language cites it."""
    found = re.fullmatch(r"(\d+(?:-\d+)*)((?:\(\w+\))*)", text)
    if found is None:  # a range of parts ("335(2)(2)-(3)"): the article, its parts as written
        return pgettext("code", "Art. {article}", lang).format(article=text)
    article, parts = found[1], re.findall(r"\((\w+)\)", found[2])
    if len(parts) > 2:
        return pgettext("code", "Art. {article}", lang).format(article=text)
    template = pgettext("law" if law else "code", _ARTICLE[(len(parts), law)], lang)
    return template.format(article=article, part=parts[0] if parts else "", item=parts[1] if len(parts) > 1 else "")


def citation(text: str, lang: str, law: bool = False) -> str:
    """A citation (``"CC2014 55(2) (unverified)"``, ``"Law 329-VIII Art. 1(1)(1), 1(3)"``,
    ``"CC 2014 Art. 68(4)"``) in ``lang``: the articles as the codes cite them, the marks in words.
    The library's references (``CC2014 55(2)``) stay as they are; ``law`` reads the parts of an
    article without a code's name as a law's paragraphs («пункт», «тармақ»).

    >>> citation("CC 2014 Art. 68(4)", "ru"), citation("Law 329-VIII Art. 1(1)(2), 1(3)", "ru")
    ('ч. 4 ст. 68 УК 2014 года', 'подп. 2) п. 1 ст. 1, п. 3 ст. 1 Закона 329-VIII')
    >>> citation("CC2014 55(2) (unverified)", "kk")
    'CC2014 55(2) (тексерілмеген)'
    """
    if lang == "en" or not text:
        return text
    for pattern, words in _MARKS:
        text = pattern.sub(lambda m, w=words: gettext(w, lang), text)  # type: ignore[misc]
    text = _VERSION.sub(lambda m: gettext(N_("(version from {day}, Law {act})"), lang).format(
        day=local_date(m["day"], lang), act=m["act"]), text)

    def articles(m: re.Match[str], law: bool) -> str:
        items = re.split(r", | and ", m["items"])
        if m["art"] == "Arts" and len(items) == 1:
            return pgettext("code", _ARTICLES, lang).format(articles=items[0])
        return ", ".join(_item(i, law, lang) for i in items)

    def coded(m: re.Match[str]) -> str:
        cited = articles(m, law and not m["code"])
        return gettext(_CODES[m["code"]], lang).format(cite=cited) if m["code"] else cited

    text = _LAW_ARTICLES.sub(lambda m: gettext(N_("{articles} of Law {act}"), lang).format(
        articles=articles(m, True), act=m["act"]), text)
    text = _CITE.sub(coded, text)
    text = _NOTE.sub(lambda m: gettext(N_("note {number}"), lang).format(number=m[1]), text)
    return _LAW.sub(lambda m: gettext(N_("Law {act}"), lang).format(act=m["act"]), text)


class InRegime(Message):
    """A message written with the words of the code of ``regime`` (:func:`regime`), wherever it is
    rendered: an AOC sanction named in a note reads «административный арест»."""

    regime: str | None

    def __new__(cls, inner: str, regime_: object) -> InRegime:
        self = cast("InRegime", super().__new__(cls, "{text}", text=inner))
        self.regime = str(getattr(regime_, "value", regime_)) if regime_ is not None else None
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (InRegime, (self.values["text"], self.regime))

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language), in its code's words."""
        with regime(self.regime):
            return super().render(lang)


class Term(Message):
    """A code of the vocabulary as the code of ``regime`` words it, wherever it is rendered and in
    English too: an arrest under the Code of Administrative Offences is "administrative arrest",
    «административный арест», «әкімшілік қамаққа алу» (AOC 2014 Art. 50), under the Criminal Code
    "arrest", «арест», «қамаққа алу» (CC 2014 Art. 45).

    >>> from kzspeechlaw.law.model import Penalty
    >>> str(Term(Penalty.ARREST, "administrative")), Term(Penalty.ARREST, "administrative").render("ru")
    ('administrative arrest', 'административный арест')
    >>> str(Term(Penalty.ARREST, "criminal")), Term(Penalty.ARREST, "criminal").render("kk")
    ('arrest', 'қамаққа алу')
    """

    member: enum.Enum
    regime: str | None

    def __new__(cls, member: enum.Enum, regime_: object) -> Term:
        said = str(getattr(regime_, "value", regime_)) if regime_ is not None else None
        code = str(member.value)
        own = _ADMINISTRATIVE.get((TERM_CONTEXTS[type(member).__name__], code)) if said == "administrative" else None
        self = cast("Term", super().__new__(cls, own or code.replace("_", " ")))
        self.member, self.regime = member, said
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Term, (self.member, self.regime))

    def render(self, lang: str | None = None) -> str:
        """The term in ``lang`` (default: the current language), in its code's words."""
        lang = lang or current()
        if lang == "en":
            return str(self)
        with regime(self.regime):
            return term(self.member, lang)


class Cite(Message):
    """A citation as a value of a message: its English text as given, in another language written
    by :func:`citation` (``law``: the article of a law, whose parts are paragraphs)."""

    law: bool

    def __new__(cls, text: str, law: bool = False) -> Cite:
        self = cast("Cite", super().__new__(cls, str(text)))
        self.law = law
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Cite, (str(self), self.law))

    def render(self, lang: str | None = None) -> str:
        """The citation in ``lang`` (default: the current language)."""
        return citation(str(self), lang or current(), self.law)
