"""The HTML page: a form of the facts and the assessment, rendered on the server.

The page works without JavaScript: the form is sent with GET, so the facts are in the URL's
query and the address of a result is its permalink. Every value shown comes from
:meth:`kzspeechlaw.Assessment.to_dict`, the same JSON the API returns.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from html import escape
from importlib import resources
from typing import Any

from kzspeechlaw import provision, terms
from kzspeechlaw.errors import LawError
from kzspeechlaw.i18n import N_, gettext, local_date
from kzspeechlaw.i18n import render as in_language
from kzspeechlaw.law.coverage_report import coverage
from kzspeechlaw.reasoning.limitation import stops_alone
from kzspeechlaw.web import i18n
from kzspeechlaw.web.chart import timeline_svg
from kzspeechlaw.web.form import Query, example_query, permalink, render_form

# --- the page ----------------------------------------------------------------------------------


@functools.cache
def _css() -> str:
    """The page's style sheet (``static/page.css``), inlined."""
    return resources.files("kzspeechlaw.web").joinpath("static/page.css").read_text("utf-8")


def render(query: Query, results: Sequence[dict[str, Any]], error: str | None, lang: str) -> str:
    """The whole page: the form filled from ``query`` and the assessments (one, or two to compare)."""
    w = i18n.word
    parts = [
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(w('title', lang))} · kzspeechlaw</title><style>{_css()}</style></head><body>",
        f'<a class="skip" href="#result">{escape(w("result", lang))}</a>',
        f"<header><h1>{escape(w('title', lang))}</h1>",
        f'<nav class="langs" aria-label="{escape(w("language", lang))}">',
    ]
    for code in i18n.LANGS:
        current = ' aria-current="true"' if code == lang else ""
        parts.append(f'<a href="{escape(permalink(query, lang=code))}" hreflang="{code}" lang="{code}"'
                     f'{current}>{i18n.LANG_NAMES[code]}</a>')
    parts.append(f'</nav><a href="/openapi.json">{escape(w("api", lang))}</a></header><main>')
    parts.append(render_form(query, lang))
    parts.append('<div id="result">')
    if error is not None:
        parts.append(f'<section class="card"><h2>{escape(w("error", lang))}</h2>'
                     f'<p class="error" id="error" role="alert">{escape(error)}</p></section>')
    elif len(results) == 1:
        parts.append(_result(results[0], query, lang))
    elif len(results) == 2:
        parts.append(_compare(results, query, lang))
    else:
        parts.append(f'<section class="card"><p class="intro">{escape(w("intro", lang))}</p>'
                     f'<p><a id="example" href="{escape(permalink(example_query(lang)))}">'
                     "2019: slander on Facebook · клевета в Facebook · Facebook-тегі жала</a></p></section>")
    parts.append("</div></main>")
    cov = coverage()
    parts.append(f"<footer>kzspeechlaw {kzspeechlaw_version()} · "
                 f"{escape(w('current_to', lang))} {local_date(cov.current_to, lang)}</footer></body></html>")
    return "".join(parts)


def kzspeechlaw_version() -> str:
    """The library's version, for the footer."""
    from kzspeechlaw import __version__

    return __version__


# --- an assessment -----------------------------------------------------------------------------


def _range(low: dict[str, Any] | None, high: dict[str, Any] | None, lang: str) -> str:
    if high is None:
        return ""
    top = i18n.amount(high["value"], high["unit"], lang)
    if low is None:  # Kazakh: the amount in the dative before «дейін» («үш жылға дейiнгi», CC 2014 Art. 174(2))
        return f"{i18n.word('up_to', lang)} {top}" if lang != "kk" else (
            f"{i18n.amount(high['value'], high['unit'], lang, case='dat')} {i18n.word('up_to', lang)}")
    if low == high:
        return top
    return f"{i18n.amount(low['value'], low['unit'], lang)} – {top}"


def _last_day(valid_to: str | None) -> str | None:
    """The last day in force of a version whose ``valid_to`` is the first day it no longer is."""
    return None if not valid_to else (dt.date.fromisoformat(valid_to) - dt.timedelta(days=1)).isoformat()


def _span(start: str, end: str | None, lang: str) -> str:
    """``"from 2016-01-01 to 2020-07-09"``, «с 01.01.2016 по 09.07.2020» (both days in force, ISO days
    written as the language writes a date); Kazakh puts its postpositions after the dates."""
    w = i18n.word
    start, end = local_date(start, lang), local_date(end, lang) if end else end
    if lang == "kk":
        return f"{start} {w('from', lang)}" + (f" {end} {w('to', lang)}" if end else "")
    return f"{w('from', lang)} {start}" + (f" {w('to', lang)} {end}" if end else "")


def _act(act: str, lang: str) -> str:
    """``"Law 419-V"``; Kazakh puts the number first, as the codes cite a law («ҚР 26.06.2020
    № 349-VI ... Заңымен», CC 2014 Art. 174, note)."""
    law = i18n.word("law", lang)
    return f"{act} {law}" if lang == "kk" else f"{law} {act}"


def _title(ref: str, titles: Mapping[str, str], lang: str) -> str:
    return f"{ref} «{titles.get(lang) or titles.get('en', '')}»"


def _outcome(d: dict[str, Any], lang: str, ident: str) -> str:
    """The outcome, and the facts not stated on which it turns (``depends_on``: the notes give each
    answer), as the command line says them."""
    code = str(d.get("outcome"))
    open_ = " outcome-open" if d.get("depends_on") else ""  # not coloured as settled where a fact not stated decides
    lim = d.get("limitation") or {}
    stops = stops_alone(lim.get("unless") or "", bool(lim.get("last_day")))
    out = (f'<p class="outcome outcome-{escape(code)}{open_}" id="{ident}" data-outcome="{escape(code)}">'
           f"{escape(i18n.outcome(code, lang, stops))}</p>")
    if d.get("depends_on"):
        facts = ", ".join(terms.word("fact", f, lang) for f in d["depends_on"])
        said = gettext("Depends on (not stated): {facts}; see the notes", lang).format(facts=facts)
        out += f'<p class="warn depends" id="{ident}-depends" role="note">{escape(said)}</p>'
    return out


def _law(d: dict[str, Any], lang: str, suffix: str = "") -> str:
    """The governing version, and the part the act fell under when committed where it differs."""
    w = i18n.word
    out = []
    g = d.get("governing_version")
    if g is not None:
        check = (w("verified", lang) if g.get("dates_read") else w("dates_inferred", lang)) if g.get("verified") \
            else w("unverified", lang)
        span = _span(g["valid_from"], _last_day(g.get("valid_to")), lang)
        out.append(f"<h3>{escape(w('governing', lang))}</h3><p id=\"governing{suffix}\"><strong>"
                   f"{escape(_title(g['ref'], g['title'], lang))}</strong><br><span class=\"muted\">"
                   f"{escape(w('version', lang))} {escape(span)}; "
                   f"{escape(_act(g['act'], lang))}; {escape(check)}</span></p>")
        if d.get("category"):
            out.append(f"<p>{escape(w('category', lang))}: {escape(i18n.category(d['category'], lang))}</p>")
        out.append(f"<details><summary>{escape(w('statute_text', lang))}</summary>"
                   f'<blockquote lang="ru">{escape(g.get("text") or "")}</blockquote>'
                   f'<p><a href="{escape(g["source"])}" rel="noopener">{escape(g["source"])}</a></p></details>')
    act_day = dt.date.fromisoformat(d["incident"]["act_date"])
    first = next(iter(d.get("matches", ())), None)  # the part the act fell under, where the facts decide it
    answered = d.get("outcome") not in ("no_provision", "outside_scope")  # not a legal entity's, nor a part an
    # unmodelled article may displace: the command line names no part there either
    fell = [first["ref"]] if answered and first and not first.get("undecided_by") and first["ref"] != d.get(
        "governing") else []
    if fell:
        names = []
        for ref in fell:
            try:
                names.append(_title(ref, provision(ref, on=act_day).title, lang))
            except LawError:
                names.append(ref)
        out.append(f"<h3>{escape(w('fell_under', lang))} ({local_date(d['incident']['act_date'], lang)})</h3>"
                   f'<p id="fell-under{suffix}">{escape("; ".join(names))}</p>')
    return "".join(out)


def _sanctions(d: dict[str, Any], lang: str) -> str:
    w = i18n.word
    if not d.get("sanctions"):
        return ""
    mci = f" ({escape(w('mci_date', lang))} {local_date(d['mci_date'], lang)})" if d.get("mci_date") else ""
    out = [f"<h3>{escape(w('sanctions', lang))}{mci}</h3>"
           "<div class=\"table-wrap\"><table class=\"sanctions\"><thead><tr>"
           f"<th scope=\"col\">{escape(w('kind', lang))}</th><th scope=\"col\">{escape(w('range', lang))}</th>"
           f"<th scope=\"col\">{escape(w('tenge', lang))}</th></tr></thead><tbody>"]
    administrative = str(d.get("governing") or "").startswith("AOC")
    for s in d["sanctions"]:
        kind = _kind(s, administrative, lang)
        said = "suspended" if not s.get("available", True) else "may_be_suspended" if s.get("depends_on") else ""
        note = f' <span class="muted">— {escape(w(said, lang))}</span>' if said else ""
        out.append(f'<tr data-kind="{escape(str(s["kind"]))}"><td>{escape(kind)}{note}</td>'
                   f'<td class="num">{escape(_range(s.get("minimum"), s.get("maximum"), lang))}</td>'
                   f'<td class="num tenge">{escape(_range(s.get("minimum_kzt"), s.get("maximum_kzt"), lang))}</td>'
                   "</tr>")
    out.append("</tbody></table></div>")
    imposable = [(s, _kind(s, administrative, lang)) for s in d["sanctions"] if s.get("imposable_rules")]
    if imposable:
        barred = gettext(_BARRED, lang)
        out.append(f"<h3>{escape(w('imposable', lang))}</h3><ul class=\"imposable\">")
        out += [f'<li data-kind="{escape(str(s["kind"]))}">{escape(kind)}: '
                f'{escape(barred if s.get("barred") else _imposable(s, lang))} '
                f'<span class="muted">({escape("; ".join(terms.citation(r, lang) for r in s["imposable_rules"]))})'
                '</span></li>' for s, kind in imposable]
        out.append("</ul>")
    if d.get("releases"):
        out.append(f"<h3>{escape(w('releases', lang))}</h3><ul class=\"releases\">")
        for r in d["releases"]:
            article = (f' <span class="muted">[{escape(terms.citation(r["article"], lang))}]</span>'
                       if r.get("article") else "")
            out.append(f'<li data-route="{escape(r["route"])}">{escape(i18n.route(r["route"], lang))}: '
                       f'{escape(i18n.status(r["status"], lang))}{article}</li>')
        out.append("</ul>")
    return "".join(out)


def _kind(s: dict[str, Any], administrative: bool, lang: str) -> str:
    """A sanction's kind in the words of its code, with whom it is for where the code sets amounts by
    subject (AOC 2014 Art. 456-2(1): «штраф на должностных лиц, субъектов малого предпринимательства
    ... в размере тридцати, на субъектов среднего предпринимательства – в размере пятидесяти»), in the
    table and in the imposable ranges alike: a range without its subject is another subject's too."""
    w = i18n.word
    with terms.regime("administrative" if administrative else None):
        kind = i18n.penalty(str(s["kind"]), lang)
    if s.get("subject"):
        subject = i18n.subject(s["subject"], lang)  # as the command line: the subject alone in Russian,
        # whose «для» would need the genitive the term does not have; «... үшін» in Kazakh
        kind += (f" ({w('for_whom', lang)} {subject})" if lang == "en" else f" ({subject})" if lang == "ru"
                 else f" ({subject} {w('for_whom', lang)})")
    return kind


def _imposable(s: dict[str, Any], lang: str) -> str:
    """A sanction's imposable range in words, or a dash where no bound is modelled."""
    return _range(s.get("imposable_minimum"), s.get("imposable_maximum"), lang) or "—"


_BARRED = N_("not imposable on these facts")
"""What the page says of a kind the general part bars on the facts (no range left), as the command
line does."""


def _limitation(d: dict[str, Any], lang: str) -> str:
    w = i18n.word
    lim = d.get("limitation")
    if lim is None:
        return ""
    if lim.get("period") is None:
        text = w("no_limitation", lang)
    else:
        text = i18n.amount(lim["period"]["value"], lim["period"]["unit"], lang)
        if lim.get("expires"):
            expires = local_date(lim["expires"], lang)  # Kazakh: the verb last
            text += f", {expires} {w('expires', lang)}" if lang == "kk" else f", {w('expires', lang)} {expires}"
        status = i18n.status(lim["status"], lang)
        if lim.get("unless"):  # an expiry a fact not stated may undo, as the command line says it
            status = gettext("{status} unless {fact}", lang).format(status=status,
                                                                    fact=in_language(lim["unless"], lang))
        text += f" ({status})"
    return (f"<h3>{escape(w('limitation', lang))}</h3><p>{escape(text)} "
            f'<span class="muted">({escape(terms.citation(lim.get("article") or "", lang))})</span></p>')


def _notes(d: dict[str, Any], lang: str) -> str:
    if not d.get("notes"):
        return ""
    shown = d.get("notes_shown") or [{"text": n, "lang": "en"} for n in d["notes"]]
    items = "".join(f'<li lang="{n["lang"]}">{escape(n["text"])}</li>' for n in shown)
    return (f"<h3>{escape(i18n.word('notes', lang))}</h3>" + _english_hint(shown, lang)
            + f'<ul class="notes">{items}</ul>')


def _english_hint(shown: Sequence[Mapping[str, Any]], lang: str) -> str:
    """The line that says English is shown, where a note or a step ``shown`` is in English or holds
    English data (``english``; without the key, ``lang``), beside them: not only under the trace,
    which the comparison folds away."""
    if not any(n.get("english", n["lang"] == "en") for n in shown):
        return ""
    hint = i18n.word("notes_lang", lang)
    return f'<p class="muted">{escape(hint)}</p>' if hint else ""


def _trace(d: dict[str, Any], lang: str) -> str:
    items = []
    steps = d.get("trace", ())
    shown = d.get("trace_shown") or [{"text": step["what"], "lang": "en"} for step in steps]
    for step, what in zip(steps, shown, strict=True):
        cite = escape(terms.citation(step.get("citation") or "", lang))
        source = step.get("source") or ""
        if source.startswith(("https://", "http://")) and cite:
            cite = f'<a href="{escape(source)}" rel="noopener">{cite}</a>'
        items.append(f'<li><span lang="{what["lang"]}">{escape(what["text"])}</span>'
                     + (f" [{cite}]" if cite else "") + "</li>")
    return (f"<h3>{escape(i18n.word('trace', lang))}</h3>" + _english_hint(shown, lang)
            + f'<ol class="trace">{"".join(items)}</ol>')


def _stale(days: Sequence[str], lang: str) -> str:
    current_to = coverage().current_to
    late = [day for day in days if dt.date.fromisoformat(day) > current_to]
    if not late:
        return ""
    said = gettext("the statute texts in the data are current to {day}: the law may have changed since.", lang)
    shown = local_date(current_to, lang)
    return (f'<p class="warn" role="note">{escape(i18n.word("warning", lang))}: {escape(local_date(late[0], lang))} '
            f"&gt; {shown} — {escape(said.format(day=shown))}</p>")


def _chart(d: Sequence[dict[str, Any]], lang: str) -> str:
    first_d = d[0]
    ref = first_d.get("governing") or next((m["ref"] for m in first_d.get("matches", ())), None)
    if ref is None:
        return ""
    w = i18n.word
    marks = [(dt.date.fromisoformat(first_d["incident"]["act_date"]), w("act_date", lang))]
    marks += [(dt.date.fromisoformat(x["decided_on"]), f"{w('decided', lang)} {local_date(x['decided_on'], lang)}")
              for x in d]
    try:
        svg = timeline_svg(ref, lang, marks)
    except LawError:
        return ""
    return f'<section class="card"><h2>{escape(w("timeline", lang))}</h2><div class="chart-wrap">{svg}</div></section>'


def _result(d: dict[str, Any], query: Query, lang: str) -> str:
    w = i18n.word
    link = permalink(query)
    return "".join([
        f'<section class="card" aria-labelledby="result-h"><h2 id="result-h">{escape(w("result", lang))}: '
        f'{escape(w("decided", lang))} {local_date(d["decided_on"], lang)}</h2>',
        _stale([d["decided_on"]], lang),
        _outcome(d, lang, "outcome"), _law(d, lang), _sanctions(d, lang), _limitation(d, lang),
        _notes(d, lang), _trace(d, lang),
        f'<p class="muted">{escape(w("permalink", lang))}: <a class="permalink" id="permalink" '
        f'href="{escape(link)}">{escape(link)}</a></p></section>',
        _chart([d], lang),
    ])


def _compare(results: Sequence[dict[str, Any]], query: Query, lang: str) -> str:
    w = i18n.word
    columns = []
    for n, d in enumerate(results, 1):
        columns.append(
            f'<div class="side" id="side-{n}"><h3>{escape(w("decided", lang))} {local_date(d["decided_on"], lang)}</h3>'
            + _stale([d["decided_on"]], lang) + _outcome(d, lang, f"outcome-{n}") + _law(d, lang, f"-{n}")
            + _sanctions(d, lang) + _limitation(d, lang) + _notes(d, lang)
            + f'<details><summary>{escape(w("trace", lang))}</summary>{_trace(d, lang)}</details></div>'
        )
    link = permalink(query)
    return "".join([
        f'<section class="card" aria-labelledby="result-h"><h2 id="result-h">{escape(w("compare", lang))}</h2>',
        f'<div class="compare" id="compare">{"".join(columns)}</div>',
        f'<p class="muted">{escape(w("permalink", lang))}: <a class="permalink" id="permalink" '
        f'href="{escape(link)}">{escape(link)}</a></p></section>',
        _chart(results, lang),
    ])
