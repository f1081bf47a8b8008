"""The page's form: the query's fields, what an incident reads from them, the permalink of a query,
and the form filled from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import urlencode

from kzspeechlaw import Allegation, Channel, Circumstance, Conduct, Discord, Incident, Offender, Target
from kzspeechlaw.dates import user_date
from kzspeechlaw.errors import InvalidIncident, LawError
from kzspeechlaw.i18n import N_, Message
from kzspeechlaw.web import i18n

Query = Mapping[str, Sequence[str]]
"""The page's query: each field with its values (two fields, discord and circumstances, repeat)."""

DATE_FIELDS = ("act_date", "proceedings_date", "referred_on", "evaded_from", "evaded_until")
SELECTS: dict[str, tuple[str, ...]] = {
    "conduct": tuple(m.value for m in Conduct),
    "channel": tuple(m.value for m in Channel),
    "target": tuple(m.value for m in Target),
    "allegation": tuple(m.value for m in Allegation),
    "offender": tuple(m.value for m in Offender),
}
YES_NO = ("yes", "no")
FACTS: dict[str, tuple[str, ...]] = {
    "in_connection_with_duties": YES_NO,
    "knowing_and_dangerous": YES_NO,
    "mitigating": YES_NO,
    "aggravating": YES_NO,
    "stage": ("completed", "attempt", "preparation"),
    "procedure": ("ordinary", "accelerated", "plea_agreement", "order"),
    "reconciled": YES_NO,
    "harm_compensated": YES_NO,
    "complaint": YES_NO,
    "aggregate": ("none", "criminal_misdemeanour", "small_gravity", "medium_gravity", "grave", "especially_grave",
                  "administrative_offence"),
    "pregnant": YES_NO,
    "young_children": YES_NO,
}
"""The facts that decide between articles and move the sentence: each "not stated" unless chosen."""
CHECKS: dict[str, tuple[str, ...]] = {
    "discord": tuple(m.value for m in Discord),
    "circumstances": tuple(m.value for m in Circumstance),
}
PAGE_FIELDS = (*DATE_FIELDS, *SELECTS, *FACTS, *CHECKS, "decided_on", "compare_on", "lang")
"""Every query field the page reads."""

EXAMPLE = {"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network",
           "decided_on": "2019-09-23", "compare_on": "2021-09-23"}
"""The example linked from the page: a slander posted on Facebook in 2019, decided in 2019 and in 2021."""


def first(query: Query, name: str) -> str:
    """The field's first value, stripped (``""`` where absent)."""
    values = query.get(name) or ()
    return values[0].strip() if values else ""


def check_read(pairs: Sequence[tuple[str, str]]) -> None:
    """Refuse, as :class:`~kzspeechlaw.InvalidIncident`, a query the page would read other than it
    says: a parameter that stands for a field the query lacks (``circumstance``, the command line's
    ``--circumstance``; ``decision_date``; a Cyrillic look-alike letter:
    :func:`~kzspeechlaw.registers.reading.near_field`), which would be left out unread, or a field
    of one value given two, of which the first alone would be read. Other parameters (a messenger's
    ``fbclid``) are left alone."""
    from kzspeechlaw.registers.reading import near_field

    given = {name for name, _ in pairs}
    for name, value in pairs:
        if name in PAGE_FIELDS:
            continue
        meant = near_field(name, tuple(given), PAGE_FIELDS)
        if meant is not None:
            raise InvalidIncident(name, value, Message(
                "a field of the page: it looks like {field}, which the address lacks, and would be left out "
                "unread", field=repr(meant)))
    for name in PAGE_FIELDS:
        values = {value.strip() for key, value in pairs if key == name and value.strip()}
        if name not in CHECKS and len(values) > 1:
            raise InvalidIncident(name, ", ".join(sorted(values)), N_("one value"))


def incident_data(query: Query) -> dict[str, Any]:
    """The incident fields given in the query, as :meth:`kzspeechlaw.Incident.from_dict` reads them."""
    data: dict[str, Any] = {}
    for name in (*DATE_FIELDS, *SELECTS, *FACTS):
        value = first(query, name)
        if value:
            data[name] = value
    for name in CHECKS:
        values = [v for v in query.get(name) or () if v.strip()]
        if values:
            data[name] = values
    return data


def as_assessed(query: Query, incident: Incident) -> dict[str, list[str]]:
    """``query`` with each incident field it states written as ``incident`` read it: the values the
    form's choices hold (``target=Deputy`` as ``deputy``, ``mitigating=да`` as ``yes``, a date as
    ``YYYY-MM-DD``). The form filled from
    it, sent again, and the permalink built from it state the facts assessed; a value the form does
    not list (a set of mitigating kinds) is kept as :func:`render_form` shows it."""
    read = incident.to_dict()
    out = {name: list(values) for name, values in query.items()}
    for name in (*DATE_FIELDS, *SELECTS, *FACTS, *CHECKS):
        if not any(v.strip() for v in query.get(name) or ()):
            continue
        value = read[name]
        if isinstance(value, bool):
            out[name] = [YES_NO[0] if value else YES_NO[1]]
        elif isinstance(value, list) and value:
            out[name] = [str(v) for v in value] if name in CHECKS else [";".join(map(str, value))]
        elif isinstance(value, str):
            out[name] = [value]
    return out


def permalink(query: Query, **changes: str) -> str:
    """The page's address for the query (empty fields left out), with ``changes`` applied."""
    pairs: list[tuple[str, str]] = []
    for name in PAGE_FIELDS:
        if name in changes:
            continue
        for value in query.get(name) or ():
            if value.strip():
                pairs.append((name, value.strip()))
    pairs += [(k, v) for k, v in changes.items() if v]
    return "/?" + urlencode(pairs) if pairs else "/"


def example_query(lang: str) -> dict[str, list[str]]:
    """The query of :data:`EXAMPLE`, in ``lang``."""
    return {**{k: [v] for k, v in EXAMPLE.items()}, "lang": [lang]}


def render_form(query: Query, lang: str) -> str:
    """The form of the facts and the dates, filled from ``query``."""
    w = i18n.word
    out = ['<form method="get" action="/" aria-label="' + escape(w("facts", lang)) + '">',
           f'<input type="hidden" name="lang" value="{lang}">',
           f"<fieldset><legend>{escape(w('facts', lang))}</legend>",
           _date_input("act_date", query, lang, required=True)]
    for name in ("conduct", "channel", "target"):
        out.append(_select(name, query, lang, required=name == "conduct"))
    out.append(_select("allegation", query, lang))
    out.append(_select("offender", query, lang))
    more = any(first(query, n) for n in ("allegation",)) or any(query.get(n) for n in CHECKS)
    out.append(f'<details class="more"{" open" if more else ""}><summary>'
               f"{escape(w('discord', lang))} · {escape(w('circumstances', lang))}</summary>")
    for name, values in CHECKS.items():
        chosen = set(query.get(name) or ())
        out.append(f'<fieldset><legend>{escape(w(name, lang))}</legend><div class="checks">')
        for value in values:
            checked = " checked" if value in chosen else ""
            out.append(f'<label><input type="checkbox" name="{name}" value="{value}"{checked}> '
                       f"{escape(i18n.choice(name, value, lang))}</label>")
        out.append("</div></fieldset>")
    out.append("</details></fieldset>")
    stated = any(first(query, n) for n in FACTS)
    out.append(f'<fieldset><details class="more"{" open" if stated else ""}><summary>'
               f"{escape(w('sentencing_facts', lang))}</summary>")
    out += [_select(name, query, lang) for name in FACTS]
    out.append("</details></fieldset>")
    out.append(f"<fieldset><legend>{escape(w('dates', lang))}</legend>")
    out.append(_date_input("decided_on", query, lang, required=True))
    out.append(_date_input("compare_on", query, lang))
    later = any(first(query, n) for n in DATE_FIELDS[1:])
    out.append(f'<details class="more"{" open" if later else ""}><summary>{escape(w("dates", lang))}: '
               f"{escape(w('optional', lang))}</summary>")
    for name in DATE_FIELDS[1:]:
        out.append(_date_input(name, query, lang))
    out.append("</details></fieldset>")
    out.append(f'<button type="submit" id="submit">{escape(w("submit", lang))}</button></form>')
    return "".join(out)


def _date_input(name: str, query: Query, lang: str, required: bool = False) -> str:
    value = escape(_iso(first(query, name)))
    req = " required" if required else ""
    return (f'<label for="{name}">{escape(i18n.word(name, lang))}</label>'
            f'<input type="date" id="{name}" name="{name}" value="{value}"{req}>')


def _select(name: str, query: Query, lang: str, required: bool = False) -> str:
    chosen = first(query, name)
    out = [f'<label for="{name}">{escape(i18n.word(name, lang))}</label>'
           f'<select id="{name}" name="{name}"{" required" if required else ""}>']
    if name not in ("target", "offender"):
        out.append(f'<option value="">{i18n.word("none", lang)}</option>')
    values = SELECTS.get(name) or FACTS[name]
    for value in values:
        selected = " selected" if value == chosen else ""
        out.append(f'<option value="{value}"{selected}>{escape(i18n.choice(name, value, lang))}</option>')
    if chosen and chosen not in values:  # a value the choices lack (a set of kinds): kept, not lost on sending
        out.append(f'<option value="{escape(chosen)}" selected>{escape(chosen)}</option>')
    out.append("</select>")
    return "".join(out)


def _iso(value: str) -> str:
    """A date as a date field holds it (``YYYY-MM-DD``): one typed ``DD.MM.YYYY`` is read as the
    assessment reads it, and kept in the form (the field would otherwise show it empty, and a
    resubmitted form would lose it); anything else as it is."""
    try:
        return user_date(value).isoformat() if value else value
    except LawError:
        return value
