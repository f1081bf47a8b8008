"""The page's own words, through the catalogues of :mod:`kzspeechlaw.i18n` (one for the whole
library): labels and headings here; the vocabulary's terms (kinds of punishment, categories,
subjects, outcomes, the form's choices) in :mod:`kzspeechlaw.terms`; units in
:func:`kzspeechlaw.i18n.amount`.

>>> word("submit", "ru"), penalty("correctional_work", "kk"), amount(505000, "KZT", "ru")
('Оценить', 'түзеу жұмыстары', '505\u00a0000 тенге')
"""

from __future__ import annotations

from kzspeechlaw import i18n, terms
from kzspeechlaw.i18n import LANG_NAMES, LANGS, N_

__all__ = ["LANGS", "LANG_NAMES", "amount", "category", "choice", "lang_of", "outcome", "penalty", "route", "status",
           "subject", "word"]

_WORDS: dict[str, str] = {
    "title": N_("Speech offences by date"),
    "intro": N_("Describe a speech act and the date of the decision: the page applies the law "
                "of Kazakhstan as it stood, with lex mitior, and shows every step with its source."),
    "facts": N_("The facts"),
    "act_date": N_("Date of the act"),
    "conduct": N_("Conduct"),
    "channel": N_("Channel"),
    "target": N_("About whom"),
    "allegation": N_("What the slander alleges"),
    "discord": N_("Discord incited"),
    "circumstances": N_("Circumstances"),
    "offender": N_("Offender"),
    "dates": N_("The proceedings"),
    "proceedings_date": N_("Case opened on"),
    "referred_on": N_("Sent to court on (administrative)"),
    "evaded_from": N_("Evaded from"),
    "evaded_until": N_("Evasion ended on"),
    "decided_on": N_("Decision date"),
    "compare_on": N_("Compare with a decision on (optional)"),
    "none": N_("—"),
    "optional": N_("optional"),
    "sentencing_facts": N_("Facts that decide the article and the sentence (optional)"),
    "in_connection_with_duties": N_("During or in connection with the target's duties"),
    "knowing_and_dangerous": N_("Knowingly false and dangerous (CC Art. 274)"),
    "mitigating": N_("Mitigating circumstances"),
    "aggravating": N_("Aggravating circumstances"),
    "stage": N_("Stage"),
    "procedure": N_("Procedure"),
    "reconciled": N_("Reconciled with the victim"),
    "harm_compensated": N_("Harm made good"),
    "complaint": N_("The victim's complaint"),
    "aggregate": N_("Other offences decided together (gravest)"),
    "pregnant": N_("Pregnant woman"),
    "young_children": N_("Young children (a woman having them, or a man raising them alone; for a woman raising "
                         "another's child, leave blank)"),
    "imposable": N_("What a court may impose on these facts"),
    "releases": N_("Release routes"),
    "submit": N_("Assess"),
    "result": N_("Result"),
    "outcome": N_("Outcome"),
    "decided": N_("Decided on"),
    "governing": N_("The law that governs"),
    "fell_under": N_("When committed, the act fell under"),
    "version": N_("version in force"),
    "from": N_("from"),
    "to": N_("to"),
    "law": N_("Law"),
    "statute_text": N_("Statute text"),
    "category": N_("Category"),
    "sanctions": N_("Sanctions (alternatives)"),
    "kind": N_("Kind"),
    "range": N_("Range"),
    "tenge": N_("In tenge"),
    "mci_date": N_("MCI of"),
    "suspended": N_("not applicable on the decision date"),
    "may_be_suspended": N_("may not be applicable: see the notes"),
    "additional": N_("additional"),
    "up_to": N_("up to"),
    "limitation": N_("Limitation"),
    "no_limitation": N_("no limitation period applies"),
    "expires": N_("expires"),
    "notes": N_("Notes"),
    "notes_lang": N_("Where a note or a step has no translation yet, it is shown in English."),
    "trace": N_("How the answer was reached"),
    "timeline": N_("The article over time"),
    "fines_mci": N_("fine (MCI)"),
    "custody_years": N_("custody (years)"),
    "in_force": N_("in force"),
    "current_to": N_("statute texts current to"),
    "repealed": N_("repealed by Law"),
    "compare": N_("Two decision dates side by side"),
    "permalink": N_("Link to this assessment"),
    "error": N_("The facts cannot be assessed"),
    "warning": N_("Caution"),
    "verified": N_("verified"),
    "unverified": N_("NOT verified against the statute"),
    "dates_inferred": N_("text verified; its dates inferred, not read"),
    "api": N_("JSON API"),
    "language": N_("Language"),
    "for_whom": N_("for"),
}
"""The page's words by key, in English (the catalogues' message ids)."""

_CHOICE_TABLES = {
    **dict.fromkeys(("in_connection_with_duties", "knowing_and_dangerous", "mitigating", "aggravating", "reconciled",
                     "harm_compensated", "complaint", "pregnant", "young_children"), "yes_no"),
    "aggregate": "category", "stage": "stage", "procedure": "procedure", "conduct": "conduct", "channel": "channel",
    "target": "target", "offender": "subject", "allegation": "allegation", "discord": "discord",
    "circumstances": "circumstance",
}
"""The table of :mod:`kzspeechlaw.terms` that names each field's choices."""


def lang_of(value: str | None) -> str:
    """A supported language code, the default where ``value`` is none of them."""
    return value if value in LANGS else LANGS[0]


def word(key: str, lang: str) -> str:
    """The page's word for ``key`` in ``lang``."""
    if key == "notes_lang" and lang == LANGS[0]:
        return ""
    return i18n.gettext(_WORDS[key], lang)


def outcome(code: str, lang: str, stops: bool = True) -> str:
    """The outcome in words; an outcome this page does not know is shown as its code name. A time bar
    left open by no suspension or interruption alone (``stops`` false) is said as such
    (:func:`kzspeechlaw.terms.outcome`)."""
    return terms.outcome(code, lang, stops)


def penalty(code: str, lang: str) -> str:
    """The kind of punishment in words."""
    return terms.word("penalty", code, lang)


def category(code: str, lang: str) -> str:
    """The category of the offence in words."""
    return terms.word("category", code, lang)


def subject(code: str, lang: str) -> str:
    """Whom a sanction is for, in words."""
    return terms.word("subject", code, lang)


def route(code: str, lang: str) -> str:
    """A release route in words (its code name with spaces in English)."""
    return code.replace("_", " ") if lang == LANGS[0] else terms.word("route", code, lang)


def status(code: str, lang: str) -> str:
    """The status of a release route in words (its code name with spaces in English)."""
    return code.replace("_", " ") if lang == LANGS[0] else terms.word("status", code, lang)


def choice(field: str, code: str, lang: str) -> str:
    """A value of a form field in words (its code name where none is given)."""
    if field == "aggregate" and code == "none":
        return i18n.gettext(_NONE, lang)
    return terms.word(_CHOICE_TABLES.get(field, field), code, lang)


_NONE = N_("none")


def amount(value: float, unit: str, lang: str, case: str = "") -> str:
    """``"505 000 тенге"``, ``"2 года"``: thousands spaced (no-break spaces), the unit in the
    language's grammatical number (and ``case``, as :func:`kzspeechlaw.i18n.amount` takes it)."""
    return i18n.amount(value, unit, lang, space="\u00a0", case=case)
