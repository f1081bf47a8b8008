"""The command line's text: a provision with its sanctions, an assessment's memo, a sentence's check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzspeechlaw import i18n, terms
from kzspeechlaw.errors import OutOfCoverage, message
from kzspeechlaw.i18n import gettext as _
from kzspeechlaw.i18n import render

if TYPE_CHECKING:
    import datetime as dt

    from kzspeechlaw.law.model import Provision
    from kzspeechlaw.reasoning.assessment import Assessment
    from kzspeechlaw.reasoning.sentencing import Check


def _title(p: Provision, lang: str) -> str:
    return p.title[lang]


def _q(quantity: Any) -> i18n.Localized:
    """A quantity in the current language's words, for a message (``{maximum:gen}`` in Russian)."""
    return i18n.localized(quantity)


def _day(value: dt.date | None) -> str:
    """A date in the current language (:func:`kzspeechlaw.i18n.local_date`: «01.03.2022» in Russian and
    Kazakh)."""
    return str(value) if value is None else i18n.local_date(value)


def _fill(template: str, **values: Any) -> str:
    """``template`` (a translated text) filled in with ``values``, in Kazakh with the case each
    postposition governs asked of the amounts (:func:`kzspeechlaw.i18n.cased`)."""
    if i18n.current() == "kk":
        template = i18n.cased(template, values)
    return template.format(**values)


def _sanction_lines(p: Provision, on: dt.date | None, indent: str = "  ") -> list[str]:
    from kzspeechlaw import export
    from kzspeechlaw.law import general_part
    from kzspeechlaw.law.coverage_report import stale_codes

    lines = []
    for group, extra in ((p.sanctions, False), (p.additional, True)):
        for s in group:
            with terms.regime(p.regime):
                what = render(s.describe())
            text = f"{indent}- " + (_("additional: {sanction}").format(sanction=what) if extra else what)
            if on is not None:
                try:
                    low, high = export.tenge_bounds(s, on)
                except OutOfCoverage:
                    low = high = None
                if high is not None:
                    span = _fill(_("up to {maximum}"), maximum=_q(high)) if low is None else str(_q(high)) if (
                        low == high) else _fill(_("{minimum} to {maximum}"), minimum=_q(low), maximum=_q(high))
                    text += f"  [{span}]"
                # the general part holds the kind back (the sentencing layer imported only then: show stays quick)
                held = general_part.find("suspension", p.ref.code, s.kind.value, on=on) is not None
                # or held back until a day after the newest text read (sentencing.lapsed decides)
                ended = not held and any(
                    r.valid_to is not None and r.valid_to <= on and stale_codes(r.valid_to, p.ref.code)
                    for r in general_part.rules().get(("suspension", p.ref.code, s.kind.value), ()))
                if held or ended:
                    from kzspeechlaw.reasoning import sentencing
                off = sentencing.suspended(p.ref.code, s.kind, on, on) if held else None
                if off is not None:
                    said = _("suspended on {day}: {rule}").format(day=_day(on), rule=_cite(off.cite()))
                    if off.still_for:  # the article still applies to these persons (CC 2014 Art. 467(1-1))
                        said = _("{text}; save for {persons}").format(
                            text=said, persons=render(sentencing.named_persons(off.still_for)))
                    text += f"  ({said})"
                elif ended and (lapse := sentencing.lapsed(p.ref.code, s.kind, on, on)) is not None:
                    text += f"  ({render(lapse.note)})"
            lines.append(text)
    return lines


def render_provision(p: Provision, lang: str, on: dt.date | None) -> str:
    import datetime as dt

    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import monthly_index as mci
    from kzspeechlaw.law.loader import law as law_data
    from kzspeechlaw.timelines import ended_by

    if p.valid_to:
        span = _("in force from {start} to {end}").format(start=_day(p.valid_from),
                                                           end=_day(p.valid_to - dt.timedelta(days=1)))
    else:
        span = _("in force from {start} (still in force)").format(start=_day(p.valid_from))
    law = _("{span}; given by Law {act}").format(span=span, act=p.act)
    if p.repealed_by:
        law = ended_by(law, p)
    category = _("category: {category}").format(category=i18n.term(p.category))
    if p.extremist:
        category = _("{text}; extremist crime (no limitation period)").format(text=category)
    lines = [f"{p.ref}  {_title(p, lang)}", law, category]
    if on is not None:
        try:
            lines.append(_("sanctions (alternatives), MCI on {day} = {value}:").format(
                day=_day(on), value=_q(mci.mci_amount(on))))
        except OutOfCoverage as error:
            lines.append(_("sanctions (alternatives); no tenge amounts: {error}").format(error=message(error)))
    else:
        lines.append(_("sanctions (alternatives):"))
    lines += _sanction_lines(p, on)
    if p.successor:
        lines.append((_("successor: {ref}, as far as that part's elements reach") if law_data().moved_in_part(p) else
                      _("successor: {ref}")).format(ref=p.successor))
    if p.continued_by:
        lines.append(_("its rule continues in: {ref}").format(ref=p.continued_by))
    checked = (_("verified") if all(law_data().bounds_read(p)) else _("text verified; dates inferred, not read")
               ) if p.verified else _("UNVERIFIED")
    lines.append(_("source: {source} ({verified})").format(source=p.source, verified=checked))
    if p.notes:  # without the provenance of the reading (kept in --json and coverage)
        lines.append(_("notes (in English, as the data gives them):") if i18n.current() != "en" else "notes:")
        lines += wording.wrap(wording.plain_note(p.notes))
    return "\n".join(lines)


def _code(context: str, code: str) -> str:
    """A code of the library (an outcome, a route, a status) in words: in English its code name
    with spaces, in another language the term of :mod:`kzspeechlaw.terms`."""
    lang = i18n.current()
    return code.replace("_", " ") if lang == "en" else terms.word(context, code, lang)


def _cite(text: str) -> str:
    """A citation (a rule's, a step's, a route's) in the current language (:func:`terms.citation`)."""
    return text.render() if isinstance(text, i18n.Message) else terms.citation(render(text), i18n.current())


def _route(code: str) -> str:
    return _code("route", code)


def _status(code: str) -> str:
    return _code("status", code)


def _outcome(a: Assessment, lang: str) -> str:
    """The outcome in words (in English its code name); a time bar left open by no suspension or
    interruption alone is not said to turn on one, in English either (:func:`kzspeechlaw.terms.outcome`:
    CC 2014 Art. 71(3), a criminal misdemeanour's period is never suspended or interrupted)."""
    from kzspeechlaw.reasoning.limitation import stops_alone

    lim = a.limitation
    stops = lim is None or stops_alone(lim.unless, lim.last_day)
    if lang == "en" and (a.outcome != "time_barred_unless_stopped" or stops):  # a StrEnum: no import
        return _code("outcome", a.outcome)
    return terms.outcome(a.outcome, lang, stops)


def render_assessment(a: Assessment, lang: str | None = None) -> str:
    """A readable memo of an assessment, in ``lang`` (default: the current language)."""
    with i18n.use(lang or i18n.current()) as lang:
        return _memo(a, lang)


def _memo(a: Assessment, lang: str) -> str:
    from kzspeechlaw.cli import wording

    inc = a.incident
    act = (_("Act of {day} ({conduct}, {channel}, about a {target}) decided on {decided}") if inc.channel
           else _("Act of {day} ({conduct}, about a {target}) decided on {decided}"))
    lines = [
        act.format(day=_day(inc.act_date), conduct=i18n.term(inc.conduct), channel=i18n.term(inc.channel) if inc.channel
                   else "", target=i18n.term(inc.target), decided=_day(a.decided_on)),
        _("Outcome: {outcome}").format(outcome=_outcome(a, lang).upper()),
    ]
    if a.depends_on:  # the outcome is the facts stated; the notes give each answer
        lines.append(_("Depends on (not stated): {facts}; see the notes").format(
            facts=", ".join(wording.words(f) if lang == "en" else terms.word("fact", f, lang) for f in a.depends_on)))
    if a.governing is not None:
        g = a.governing
        lines.append(_("Governing: {ref} {title} (version from {day}, Law {act})").format(
            ref=g.ref, title=g.title[lang], day=_day(g.valid_from), act=g.act))
        lines.append(_("Category: {category}").format(category=i18n.term(g.category)))
    if a.sanctions:
        lines.append(_("Sanctions (alternatives; MCI of {day}):").format(day=_day(a.mci_date)))
        for s in a.sanctions:
            with terms.regime(a.governing.regime if a.governing is not None else None):
                lines.append(f"  - {render(s.describe())}")
            if s.barred:
                lines += wording.wrap(_("not imposable on these facts ({rules})").format(
                    rules="; ".join(_cite(r) for r in s.imposable_rules)), "      ", "    ")
            elif s.imposable_rules:
                low = _q(s.imposable_minimum) if s.imposable_minimum is not None else _("no minimum")
                high = _q(s.imposable_maximum) if s.imposable_maximum is not None else _("no maximum")
                lines += wording.wrap(_fill(_("imposable on these facts: {minimum} to {maximum} ({rules})"),
                    minimum=low, maximum=high, rules="; ".join(_cite(r) for r in s.imposable_rules)),
                    "      ", "    ")
    if a.governing is not None and a.releases:
        lines.append(_("Release routes:"))
        lines += [f"  - {_route(r.route)}: {_status(r.status)}" + (f" [{_cite(r.article)}]" if r.article else "")
                  for r in a.releases]
    if a.limitation is not None:
        lim = a.limitation
        if lim.period is None:
            lines.append(_("Limitation: none"))
        else:
            status = _status(lim.status)
            if lim.unless:
                status = _("{status} unless {fact}").format(status=status, fact=render(lim.unless))
            lines.append(_("Limitation: {period}, expires {day} ({status})").format(
                period=_q(lim.period), day=_day(lim.expires), status=status))
    english = 0  # notes and steps without a translation yet, shown in English
    if a.notes:
        lines.append(_("Notes:"))
        for n in a.notes:
            said = render(n)
            english += lang != "en" and (said == n or i18n.has_english(said))
            lines += wording.wrap(wording.words(wording.plain_note(terms.citation(said, lang))), "    ", "  - ")
    lines.append(_("Trace:"))
    for i, step in enumerate(a.trace, 1):
        said = render(step.what)
        english += lang != "en" and (said == step.what or i18n.has_english(said))
        cited = f" [{_cite(step.citation)}]" if step.citation else ""
        lines += wording.wrap(wording.words(terms.citation(said, lang)) + cited, "     ",
                              f"  {i}. ")
    if english:
        lines.append(_("Where a note or a step has no translation yet, it is shown in English."))
    return "\n".join(lines)


def _open_point(said: str) -> str:
    """A point a sentence check depends on: a fact the memo names too (``offender``, ``repeated``)
    in the words of the fact (in English its code name), another (a rule not modelled) as written."""
    lang = i18n.current()
    if lang != "en" and said in terms.TABLES["fact"]:
        return terms.word("fact", said, lang)
    return _cite(render(said))


def render_check(a: Assessment, result: Check, sentence: str) -> str:
    """Whether ``sentence`` was within what the law allowed (``result``, of ``a``), with its rules
    and the release routes."""
    verdict = _code("verdict", result.verdict).upper()
    with terms.regime(a.governing.regime if a.governing is not None else None):  # the sentence, its reasons
        if i18n.current() != "en":  # the sentence as parsed, in the law's words
            sentence = f"{i18n.term(result.kind)} {i18n.quantity(result.amount)}"
        reasons = [f"  - {_cite(render(r))}" for r in result.reasons]
    heading = _("{sentence} under {ref}, decided {day}: {verdict}").format(
        sentence=sentence, ref=a.governing.ref if a.governing else _("no provision"), day=_day(a.decided_on),
        verdict=verdict if result.certain else _("{verdict} (not certain)").format(verdict=verdict))
    if a.governing is not None and a.outcome != "liable":  # a StrEnum: the range's verdict is not the answer
        heading = _("{heading}; but the outcome is {outcome}").format(
            heading=heading, outcome=_outcome(a, i18n.current()).upper())
    lines = [heading]
    lines += ["  " + _("rule: {rule}").format(rule=_cite(r)) for r in result.rules]
    lines += reasons
    lines += ["  " + _("depends on: {fact}").format(fact=_open_point(d)) for d in result.depends_on]
    lines += [_("Release {route}: {status}").format(route=_route(r.route), status=_status(r.status))
              + (f" [{_cite(r.article)}]" if r.article else "") for r in a.releases]
    return "\n".join(lines)
