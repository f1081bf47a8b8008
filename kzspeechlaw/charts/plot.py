"""Timelines of an article part's sanctions and of the MCI: as data, as a table, as a chart.

:func:`timeline` and :func:`mci_steps` need nothing beyond the library. The chart functions,
:func:`plot_timeline` and :func:`plot_mci`, need the optional ``plot`` extra
(``pip install 'kzspeechlaw[plot]'``): they import matplotlib only when called, draw with its
non-interactive Agg canvas (no window, no global pyplot state) and raise
:class:`PlotUnavailable` when matplotlib is missing.

A timeline follows a repealed part to its successor, so slander shows both codes:

>>> for period in timeline("CC2014 130(2)"):
...     print(period.ref, period.valid_from, period.max_fine_text())
CC2014 130(2) 2015-01-01 fine up to 2 000 MCI
CC2014 130(2) 2016-01-01 fine up to 2 000 MCI
AOC2014 73-3(2) 2020-07-10 fine 180 MCI (natural person); fine 650 MCI (official)
AOC2014 73-3(2) 2024-08-20 fine 180 MCI (natural person); fine 650 MCI (official)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from kzspeechlaw import export, outfile
from kzspeechlaw.errors import LawError, OutputError
from kzspeechlaw.i18n import gettext
from kzspeechlaw.law.coverage_report import coverage
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Penalty, Provision, Sanction, Subject
from kzspeechlaw.law.monthly_index import PURPOSES, mci_value
from kzspeechlaw.law.provisions import history
from kzspeechlaw.refs import Ref, parse
from kzspeechlaw.units import Quantity, format_quantity, ureg

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "CUSTODY",
    "MciStep",
    "Period",
    "PlotUnavailable",
    "mci_steps",
    "plot_mci",
    "plot_timeline",
    "timeline",
    "timeline_figure",
    "timeline_table",
]

CUSTODY = (Penalty.IMPRISONMENT, Penalty.RESTRICTION_OF_FREEDOM, Penalty.ARREST)
"""Custodial and restrictive punishments, most severe first (CC 2014 Art. 40; AOC 2014 Art. 41)."""

_INSTALL = "plotting needs matplotlib: install the 'plot' extra (pip install 'kzspeechlaw[plot]')"


class PlotUnavailable(LawError):
    """matplotlib, the ``plot`` extra, is not installed."""


@attrs.frozen
class Period:
    """One version on a timeline; ``successor_of`` names the repealed part it took over from."""

    provision: Provision
    successor_of: Ref | None = None

    @property
    def ref(self) -> Ref:
        """The article part."""
        return self.provision.ref

    @property
    def valid_from(self) -> dt.date:
        """First day in force."""
        return self.provision.valid_from

    @property
    def last_day(self) -> dt.date | None:
        """Last day in force (``None`` while in force)."""
        valid_to = self.provision.valid_to
        return valid_to - dt.timedelta(days=1) if valid_to is not None else None

    def fines(self) -> tuple[Sanction, ...]:
        """The fine alternatives, for every subject, in the statute's order."""
        return tuple(s for s in self.provision.sanctions if s.kind is Penalty.FINE)

    def custody(self) -> tuple[Sanction, ...]:
        """The most severe custodial alternative (see :data:`CUSTODY`) for each subject."""
        chosen: dict[Subject | None, Sanction] = {}
        for kind in reversed(CUSTODY):
            for s in self.provision.sanctions:
                if s.kind is kind:
                    chosen[s.subject] = s
        order = [s.subject for s in self.provision.sanctions]
        return tuple(chosen[k] for k in sorted(chosen, key=order.index))

    def max_fine_text(self, lang: str = "en") -> str:
        """The fines, described in ``lang``, or ``"-"`` where the version has none."""
        return "; ".join(s.describe(lang) for s in self.fines()) or "-"

    def custody_text(self, lang: str = "en") -> str:
        """The most severe custody, described in ``lang``, or ``"-"`` where the version has none."""
        return "; ".join(s.describe(lang) for s in self.custody()) or "-"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the version's dates (``valid_to`` exclusive, ``last_day_in_force`` the day
        before it) and act, and its fines and custody."""
        p = self.provision
        return {
            "ref": str(p.ref),
            "valid_from": p.valid_from.isoformat(),
            "valid_to": p.valid_to.isoformat() if p.valid_to else None,
            "last_day_in_force": self.last_day.isoformat() if self.last_day else None,
            "act": p.act,
            "repealed_by": p.repealed_by,
            "successor": str(p.successor) if p.successor else None,
            "successor_of": str(self.successor_of) if self.successor_of else None,
            "verified": p.verified,
            "fines": [export.sanction_dict(s) for s in self.fines()],
            "custody": [export.sanction_dict(s) for s in self.custody()],
        }


def timeline(citation: str | Ref, follow: bool = True) -> tuple[Period, ...]:
    """Every version of an article part, oldest first; with ``follow``, then its successor's.

    A part repealed with a ``successor`` (CC 2014 Art. 130 -> AOC 2014 Art. 73-3) continues with
    the successor's versions from the repeal date on.
    """
    periods = [Period(p) for p in history(citation)]
    seen = {p.ref for p in periods}
    index = 0
    while follow and index < len(periods):
        last = periods[index].provision
        index += 1
        if last.successor is None or last.valid_to is None or last.successor in seen:
            continue
        seen.add(last.successor)
        start = last.valid_to
        periods += [Period(p, last.ref) for p in history(last.successor) if p.valid_from >= start]
    return tuple(periods)


def timeline_table(periods: Iterable[Period], lang: str = "en") -> str:
    """A plain-text table: one line per version, with its fines and most severe custody, in ``lang``."""
    _ = functools.partial(gettext, lang=lang)
    rows: list[tuple[str, ...]] = [(_("from"), _("to"), _("part"), _("law"), _("fines"), _("most severe custody"))]
    notes: list[str] = []
    titles: dict[Ref, str] = {}
    for period in periods:
        p = period.provision
        titles[p.ref] = p.title[lang]  # the latest title of each part
        last = period.last_day
        rows.append((
            str(p.valid_from), str(last) if last else _("in force"), str(p.ref), p.act,
            period.max_fine_text(lang), period.custody_text(lang),
        ))
        if p.repealed_by is not None and p.valid_to is not None:
            said = _("{ref} repealed by Law {act} from {day}").format(ref=p.ref, act=p.repealed_by, day=p.valid_to)
            if p.successor:
                said = _("{text}; the conduct moved to {ref}").format(text=said, ref=p.successor)
            notes.append(said)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    by_title: dict[str, list[str]] = {}
    for ref, title in titles.items():
        by_title.setdefault(title, []).append(str(ref))
    lines = [f"{', '.join(refs)}  {title}" for title, refs in by_title.items()]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
              for row in rows]
    lines += notes
    return "\n".join(line.rstrip() for line in lines)


@attrs.frozen
class MciStep:
    """The MCI from ``valid_from`` (until the next step), with the budget law that set it."""

    valid_from: dt.date
    kzt: int
    act: str
    verified: bool


def mci_steps(purpose: str = "fines") -> tuple[MciStep, ...]:
    """The MCI series for ``purpose`` (``"fines"`` or ``"benefits"``), one step per change.

    >>> [(str(s.valid_from), s.kzt) for s in mci_steps()][-3:]
    [('2024-01-01', 3692), ('2025-01-01', 3932), ('2026-01-01', 4325)]
    """
    if purpose not in PURPOSES:
        raise LawError(f"unknown MCI purpose {purpose!r}: expected one of {PURPOSES}")
    steps: list[MciStep] = []
    for day in sorted({v.valid_from for v in law().mci_series}):
        value = mci_value(day, purpose)
        if value.valid_from == day and (not steps or steps[-1].kzt != value.kzt):
            steps.append(MciStep(day, value.kzt, value.act, value.verified))
    return tuple(steps)


# --- charts (matplotlib, imported lazily) -------------------------------------------------------


_COLOURS = {None: "tab:blue", Subject.NATURAL_PERSON: "tab:orange", Subject.OFFICIAL: "tab:green",
            Subject.LEGAL_ENTITY: "tab:red"}


def _figure(rows: int, height: float) -> Figure:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise PlotUnavailable(_INSTALL) from None
    figure = Figure(figsize=(10, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    figure.subplots(rows, 1, sharex=True, squeeze=False)
    return figure


CHART_FORMATS = ("png", "svg", "pdf")
"""The chart files that can be written, named by their extension."""


def chart_format(path: str | Path) -> str:
    """The chart format a file name asks for (its extension, one of :data:`CHART_FORMATS`); any
    other name raises :class:`~kzspeechlaw.errors.OutputError`, so that no other kind of file is
    ever overwritten by a chart."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in CHART_FORMATS:
        raise OutputError(str(path), f"a chart file name ending in {', '.join('.' + f for f in CHART_FORMATS)}")
    return fmt


def _check(path: str | Path) -> None:
    chart_format(path)
    outfile.check_target(path)


def _save(figure: Figure, path: str | Path) -> Path:
    """Write the chart in the format of the file's extension, replacing the file only once the
    chart is whole (:func:`kzspeechlaw.outfile.replacing`); no folder is created."""
    fmt = chart_format(path)
    with outfile.replacing(path) as out:
        # No software or date stamp, so the same data always gives the same bytes.
        figure.savefig(out, format=fmt, metadata={"Software": None} if fmt == "png" else {"Creator": None})
    return Path(path)


def _days(*days: dt.date) -> npt.NDArray[np.datetime64]:
    import numpy

    return numpy.array(days, dtype="datetime64[D]")


_PALETTE = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown", "tab:pink",
            "tab:olive", "tab:cyan", "tab:gray")
_STYLES = {Subject.OFFICIAL: "--", Subject.LEGAL_ENTITY: ":"}  # natural persons (or no subject): solid

# The panels of a timeline chart: fines in MCI, terms in years, arrest in days (its own unit).
_PANELS = (("fine", "fine (MCI)"), ("term", "custody (years)"), ("arrest", "arrest (days)"))


def _label(period: Period, s: Sanction) -> str:
    who = f" ({s.subject.value.replace('_', ' ')})" if s.subject is not None else ""
    return f"{period.ref} {s.kind.value.replace('_', ' ')}{who}"


def _band(ax: Axes, start: dt.date, end: dt.date, low: float, high: float, colour: str,
          label: str, labelled: set[str], hatch: str | None, style: str = "-") -> None:
    """A sanction's range from ``low`` to ``high`` over the version's days: a shaded band with its
    maximum (and a minimum above zero) drawn as lines."""
    days = _days(start, end)
    ax.fill_between(days, [low, low], [high, high], color=colour, alpha=0.18, hatch=hatch, linewidth=0)
    ax.plot(days, [high, high], color=colour, linewidth=2, linestyle=style,
            label=None if label in labelled else label)
    if low > 0 and low != high:
        ax.plot(days, [low, low], color=colour, linewidth=1, linestyle=style)
    labelled.add(label)


def _panel_value(panel: str, quantity: Quantity | None) -> float:
    """A bound in its panel's unit: MCI as they are, terms in years, arrest in days."""
    if quantity is None:
        return 0.0
    if panel == "term":
        return float(quantity.to(ureg.year).magnitude)
    if panel == "arrest":
        return float(quantity.to(ureg.day).magnitude)
    return float(quantity.magnitude)


def _panel(s: Sanction) -> str:
    return "fine" if s.kind is Penalty.FINE else "arrest" if s.kind is Penalty.ARREST else "term"


def _bound_labels(s: Sanction, low: float, high: float) -> list[tuple[float, str, str]]:
    """The labels of a band: ``(value, text, vertical alignment)``: its maximum above the band's
    top, its minimum below its bottom (or one label for a fixed amount, "up to" where the article
    gives no minimum)."""
    if s.maximum is None:
        return [(low, f"from {format_quantity(s.minimum)}", "bottom")] if s.minimum is not None else []
    if s.minimum is None:
        return [(high, f"up to {format_quantity(s.maximum)}", "bottom")]
    if low == high:
        return [(high, format_quantity(s.maximum), "bottom")]
    return [(high, f"max {format_quantity(s.maximum)}", "bottom"), (low, f"min {format_quantity(s.minimum)}", "top")]


def _declutter(figure: Figure, texts: dict[Axes, list[Any]]) -> None:
    """Move labels up (or down) until none overprints another on the same panel."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    step = 72 / figure.dpi  # one pixel in points
    for labels in texts.values():
        placed: list[Any] = []
        for text in sorted(labels, key=lambda t: (t.get_window_extent(renderer).y0, t.get_window_extent(renderer).x0)):
            box = text.get_window_extent(renderer).expanded(1.04, 1.4)
            shift = 0
            while shift < 400 and any(box.translated(0, shift).overlaps(other) for other in placed):
                shift += 2
            if shift:
                x, y = text.xyann
                text.xyann = (x, y + shift * step)
            placed.append(box.translated(0, shift))


def plot_timeline(citation: str | Ref, path: str | Path, follow: bool = True, lang: str = "en",
                  until: dt.date | None = None) -> Path:
    """Draw the fines (MCI) and custody of every version as a chart in the format of the file's
    extension (:data:`CHART_FORMATS`); returns the path. The path is checked before drawing.

    Each version is a band from its minimum (zero for "up to") to its maximum, labelled with both;
    terms of imprisonment and restriction of freedom are in years, arrest in days on a panel of
    its own. Each part has its colour; an official's sanctions are dashed, a legal entity's dotted.
    The laws that gave the versions are named along the top; a repeal is a dashed line naming the
    successor, whose versions follow hatched. ``until`` ends the open versions (default: the date
    the statute texts are current to). Labels are moved apart where they would overprint.
    """
    _check(path)
    return _save(timeline_figure(citation, follow, lang, until), path)


def timeline_figure(citation: str | Ref, follow: bool = True, lang: str = "en",
                    until: dt.date | None = None) -> Figure:
    """The chart :func:`plot_timeline` writes, as a matplotlib figure (to draw elsewhere)."""
    periods = timeline(citation, follow)
    end = until or coverage().current_to
    end = max(end, max(p.valid_from for p in periods) + dt.timedelta(days=365))
    used = {_panel(s) for period in periods for s in (*period.fines(), *period.custody())} | {"fine"}
    panels = [(name, label) for name, label in _PANELS if name in used]
    figure = _figure(len(panels), 1.2 + 2.6 * len(panels))
    axes = {name: ax for (name, _), ax in zip(panels, figure.axes, strict=True)}
    colours = {ref: _PALETTE[i % len(_PALETTE)] for i, ref in enumerate(dict.fromkeys(p.ref for p in periods))}
    labelled: set[str] = set()
    texts: dict[Axes, list[Any]] = {}
    shown: dict[tuple[Any, ...], tuple[float, float]] = {}  # the bounds last labelled, per part and sanction
    laws: dict[dt.date, list[str]] = {}
    repeals: dict[tuple[dt.date, str], list[str]] = {}
    for period in periods:
        p = period.provision
        start, stop = p.valid_from, p.valid_to or end
        hatch = "//" if period.successor_of is not None else None
        colour = colours[p.ref]
        for s in (*period.fines(), *period.custody()):
            panel = _panel(s)
            ax = axes[panel]
            low, high = _panel_value(panel, s.minimum), _panel_value(panel, s.maximum)
            _band(ax, start, stop, low, high, colour, _label(period, s), labelled, hatch,
                  _STYLES.get(s.subject, "-") if s.subject is not None else "-")
            key = (p.ref, s.kind, s.subject)
            if shown.get(key) == (low, high):
                continue  # the same bounds as the version before: labelled there
            shown[key] = (low, high)
            for value, text, va in _bound_labels(s, low, high):
                texts.setdefault(ax, []).append(ax.annotate(
                    text, (start, value), xytext=(3, 2 if va == "bottom" else -2), textcoords="offset points",
                    ha="left", va=va, fontsize=7, color=colour, fontweight="bold"))
        if p.act not in laws.setdefault(start, []):
            laws[start].append(p.act)
        if p.repealed_by is not None and p.valid_to is not None:
            repeals.setdefault((p.valid_to, p.repealed_by), []).append(str(p.successor) if p.successor else "none")
    first = periods[0].provision
    title = next(p.provision.title[lang] for p in reversed(periods) if p.ref == first.ref)
    asked = citation if isinstance(citation, Ref) else parse(citation)
    whole = asked.part is None and len({p.ref for p in periods if p.ref.code == first.ref.code}) > 1
    figure.suptitle(f"{asked if whole else first.ref} {title}: sanctions by date")
    top = figure.axes[0]
    for (day, law_id), successors in repeals.items():
        for ax in figure.axes:
            ax.axvline(_days(day)[0], color="black", linestyle="--", linewidth=1)
        moved = ", ".join(dict.fromkeys(successors))
        texts.setdefault(top, []).append(top.annotate(
            f"repealed by Law {law_id}\n-> {moved}", (day, 0.97), xycoords=("data", "axes fraction"),
            xytext=(3, 0), textcoords="offset points", ha="left", va="top", fontsize=7))
    for (_, unit), ax in zip(panels, figure.axes, strict=True):
        ax.set_ylabel(unit)
        ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.15)  # room for the labels above the highest band
        ax.grid(True, alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    # The laws that gave the versions, along the top: one tick per day, however many parts changed.
    import matplotlib.dates

    law_axis = top.secondary_xaxis("top")
    law_axis.set_xticks([matplotlib.dates.date2num(day) for day in laws],  # type: ignore[no-untyped-call]
                        labels=["Law " + ", ".join(ids) for ids in laws.values()], fontsize=7, rotation=30,
                        ha="left")
    for ax in figure.axes[:-1]:
        ax.tick_params(labelbottom=False)
    _declutter(figure, texts)
    return figure


def plot_mci(path: str | Path) -> Path:
    """Draw the MCI in tenge by date (fines, and benefits where it differs) as a chart in the
    format of the file's extension."""
    _check(path)
    figure = _figure(1, 4.5)
    (ax,) = figure.axes
    end = coverage().mci_until + dt.timedelta(days=1)
    for purpose, style in (("fines", "-"), ("benefits", "--")):
        steps = mci_steps(purpose)
        if purpose == "benefits" and steps == mci_steps("fines"):
            continue
        xs = _days(*(s.valid_from for s in steps), end)
        ys = [s.kzt for s in steps] + [steps[-1].kzt]
        ax.step(xs, ys, where="post", linestyle=style, label=f"1 MCI in tenge ({purpose})")
        if purpose == "fines":
            for s in steps:
                ax.annotate(f"{s.kzt:,}".replace(",", " "), (s.valid_from, s.kzt),
                            textcoords="offset points", xytext=(2, 4), fontsize=7)
    ax.set_ylabel("KZT")
    ax.set_title("Monthly calculation index (MCI) by date")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper left")
    return _save(figure, path)
