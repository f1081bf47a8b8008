"""The timeline chart of an article part and its successor, as inline SVG drawn on the server.

No plotting library is needed: the chart is a few rectangles and lines computed from
:func:`kzspeechlaw.timelines.timeline`. Fines are bands in MCI (from the minimum, zero for "up to", to
the maximum); custody is a band in years, an arrest labelled in its own unit (days). A repeal is a
dashed line; the successor's versions are hatched. Marked days (the act, the decisions) are drawn
as labelled vertical lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Any

from kzspeechlaw import terms, timelines
from kzspeechlaw.law.coverage_report import coverage
from kzspeechlaw.web import i18n

WIDTH, LEFT, RIGHT = 720, 64, 12
PANEL = 120  # the height of each panel
TOP_FINES, TOP_CUSTODY = 28, 28 + PANEL + 44
HEIGHT = TOP_CUSTODY + PANEL + 30
_COLOURS = {None: "#1f77b4", "natural_person": "#e07b00", "official": "#2a9d3a", "legal_entity": "#c0392b"}
_YEARS = {"year": 1.0, "month": 1 / 12, "day": 1 / 365, "hour": 1 / (365 * 24)}


def _years(q: dict[str, Any] | None) -> float:
    if q is None:
        return 0.0
    return float(q["value"]) * _YEARS.get(str(q["unit"]), 0.0)


def _mci(q: dict[str, Any] | None) -> float:
    return float(q["value"]) if q is not None and q["unit"] == "MCI" else 0.0


def _nice(top: float) -> float:
    """A round number at least ``top``, for an axis."""
    if top <= 0:
        return 1.0
    step = 10.0 ** (len(str(int(top))) - 1)
    for mult in (1, 2, 2.5, 5, 10):
        if step * mult >= top:
            return step * mult
    return top  # pragma: no cover


def timeline_svg(ref: str, lang: str, marks: Sequence[tuple[dt.date, str]] = ()) -> str:
    """The chart of ``ref``'s versions (and its successor's) as an ``<svg>`` element."""
    periods = [p.to_dict() for p in timelines.timeline(ref)]
    first = dt.date.fromisoformat(periods[0]["valid_from"])
    end = max(coverage().current_to, dt.date.fromisoformat(periods[-1]["valid_from"]) + dt.timedelta(days=365),
              *(day + dt.timedelta(days=90) for day, _ in marks))
    start = min(first, *(day - dt.timedelta(days=90) for day, _ in marks))
    span = (end - start).days or 1

    def x(day: dt.date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / span

    fine_top = _nice(max([_mci(f["maximum"]) for p in periods for f in p["fines"]] or [0]))
    term_top = _nice(max([_years(c["maximum"]) for p in periods for c in p["custody"]] or [0]))

    def y(value: float, top: float, panel: int) -> float:
        return panel + PANEL - PANEL * min(value / top, 1.0)

    out: list[str] = []
    title = f"{ref}: {i18n.word('timeline', lang)}"
    out.append(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="chart-title">{escape(title)}</title>'
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="1" '
        'opacity="0.35"/></pattern></defs>'
    )
    for panel, top, label, unit in ((TOP_FINES, fine_top, i18n.word("fines_mci", lang), "MCI"),
                                    (TOP_CUSTODY, term_top, i18n.word("custody_years", lang), "year")):
        out.append(f'<text x="{LEFT}" y="{panel - 8}" class="axis-title">{escape(label)}</text>')
        out.append(f'<rect x="{LEFT}" y="{panel}" width="{WIDTH - LEFT - RIGHT}" height="{PANEL}" class="panel"/>')
        for frac in (0, 0.5, 1):
            value = top * frac
            ty = y(value, top, panel)
            text = f"{value:,.0f}".replace(",", " ") if unit == "MCI" else f"{value:g}"
            out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" class="grid"/>'
                       f'<text x="{LEFT - 4}" y="{ty + 4:.1f}" class="tick" text-anchor="end">{text}</text>')
    subjects = list(dict.fromkeys(s["subject"] for p in periods for s in (*p["fines"], *p["custody"])))
    lx = float(WIDTH - RIGHT)
    for who in reversed([s for s in subjects if s is not None]):  # a legend of the per-subject bands
        text = i18n.subject(who, lang)
        lx -= 24 + 6.5 * len(text)
        out.append(f'<rect x="{lx:.1f}" y="{TOP_FINES - 17}" width="10" height="10" '
                   f'fill="{_COLOURS.get(who, "#777")}"/><text x="{lx + 13:.1f}" y="{TOP_FINES - 8}" '
                   f'class="label">{escape(text)}</text>')
    shown: list[str] = []
    for p in periods:
        lo, hi = dt.date.fromisoformat(p["valid_from"]), (
            dt.date.fromisoformat(p["valid_to"]) if p["valid_to"] else end)
        x0, x1 = x(lo), x(hi)
        hatched = p["successor_of"] is not None
        for fine in p["fines"]:
            colour = _COLOURS.get(fine["subject"], "#777")
            y_hi, y_lo = y(_mci(fine["maximum"]), fine_top, TOP_FINES), y(_mci(fine["minimum"]), fine_top, TOP_FINES)
            out.append(_band(x0, x1, y_hi, y_lo, colour, hatched))
        arrests = []
        for term in p["custody"]:
            colour = _COLOURS.get(term["subject"], "#777")
            y_hi = y(_years(term["maximum"]), term_top, TOP_CUSTODY)
            y_lo = y(_years(term["minimum"]), term_top, TOP_CUSTODY)
            out.append(_band(x0, x1, y_hi, y_lo, colour, hatched))
            if term["kind"] == "arrest" and term["maximum"] is not None:
                who = f" ({i18n.subject(term['subject'], lang)})" if term["subject"] else ""
                with terms.regime("administrative" if str(p["ref"]).startswith("AOC") else None):
                    arrest = i18n.penalty("arrest", lang)
                arrests.append(arrest + " "
                               + i18n.amount(term["maximum"]["value"], term["maximum"]["unit"], lang) + who)
        if arrests == shown:  # the same arrest as the version before: labelled once
            arrests = []
        else:
            shown = arrests
        for n, text in enumerate(arrests):
            out.append(f'<text x="{(x0 + x1) / 2:.1f}" y="{TOP_CUSTODY + PANEL - 30 - 14 * n}" class="label" '
                       f'text-anchor="middle">{escape(text)}</text>')
        out.append(f'<line x1="{x0:.1f}" x2="{x0:.1f}" y1="{TOP_FINES}" y2="{TOP_CUSTODY + PANEL}" class="start"/>')
        if p["repealed_by"] and p["valid_to"]:
            moved = f" → {p['successor']}" if p["successor"] else ""
            out.append(f'<line x1="{x1:.1f}" x2="{x1:.1f}" y1="{TOP_FINES - 4}" y2="{TOP_CUSTODY + PANEL}" '
                       f'class="repeal"/><text x="{x1 + 3:.1f}" y="{TOP_FINES + 12}" class="label">'
                       f'{escape(p["ref"] + moved)}</text>')
    for n, (day, text) in enumerate(marks):
        mx = x(day)
        out.append(f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{TOP_FINES}" y2="{TOP_CUSTODY + PANEL}" class="mark"/>'
                   f'<text x="{mx + 3:.1f}" y="{TOP_CUSTODY + 12 + 13 * n}" class="mark-label">{escape(text)}</text>')
    for year in range(start.year + 1, end.year + 1):
        tx = x(dt.date(year, 1, 1))
        if tx > WIDTH - RIGHT - 10:
            break
        out.append(f'<text x="{tx:.1f}" y="{HEIGHT - 10}" class="tick" text-anchor="middle">{year}</text>')
    out.append("</svg>")
    return "".join(out)


def _band(x0: float, x1: float, y_hi: float, y_lo: float, colour: str, hatched: bool) -> str:
    height = max(y_lo - y_hi, 2.0)
    band = (f'<rect x="{x0:.1f}" y="{y_hi:.1f}" width="{max(x1 - x0, 1):.1f}" height="{height:.1f}" '
            f'fill="{colour}" fill-opacity="0.25"/>'
            f'<line x1="{x0:.1f}" x2="{x1:.1f}" y1="{y_hi:.1f}" y2="{y_hi:.1f}" stroke="{colour}" stroke-width="2"/>')
    if hatched:
        band += (f'<rect x="{x0:.1f}" y="{y_hi:.1f}" width="{max(x1 - x0, 1):.1f}" height="{height:.1f}" '
                 'fill="url(#hatch)"/>')
    return band
