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
a statute text with the translator comment ``kk: unchecked``.

>>> word("penalty", "restriction_of_freedom", "ru"), word("penalty", "restriction_of_freedom", "kk")
('ограничение свободы', 'бас бостандығын шектеу')
>>> word("penalty", "no_such_kind", "ru")
'no such kind'
"""

from __future__ import annotations

from kzspeechlaw.i18n import NP_, pgettext

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
    "allegation": {
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
        "false_information": NP_("conduct", "knowingly false information"),
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
        "repentance": NP_("route", "active repentance"),
        "amnesty": NP_("route", "amnesty"),
        "conditional_sentence": NP_("route", "conditional sentence"),
        "deferral": NP_("route", "deferral of the sentence"),
        "no_complaint": NP_("route", "no complaint"),
        "trivial_offence": NP_("route", "trivial offence"),
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


def english(context: str, code: str) -> str:
    """The English words of ``code`` in ``context``; its code name with spaces where none is given."""
    return TABLES.get(context, {}).get(code) or code.replace("_", " ")


def word(context: str, code: str, lang: str) -> str:
    """``code`` of ``context`` (``"penalty"``, ``"category"`` ...) in ``lang``."""
    found = TABLES.get(context, {}).get(code)
    if found is None:
        return code.replace("_", " ")
    return pgettext(context, found, lang)
