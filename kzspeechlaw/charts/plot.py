"""Timelines of an article part's sanctions and of the MCI as charts (the ``plot`` extra).

The data and the table are :mod:`kzspeechlaw.timelines`. :func:`plot_timeline` and
:func:`plot_mci` need the optional ``plot`` extra (``pip install 'kzspeechlaw[plot]'``): they
import matplotlib only when called, draw with its non-interactive Agg canvas (no window, no
global pyplot state) and raise :class:`PlotUnavailable` when matplotlib is missing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzspeechlaw import outfile
from kzspeechlaw.errors import LawError, OutputError
from kzspeechlaw.law.coverage_report import coverage
from kzspeechlaw.law.model import Penalty, Sanction, Subject
from kzspeechlaw.refs import Ref, parse
from kzspeechlaw.timelines import Period, mci_steps, timeline
from kzspeechlaw.units import Quantity, format_quantity, ureg

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["CHART_FORMATS", "PlotUnavailable", "chart_format", "plot_mci", "plot_timeline", "timeline_figure"]

_INSTALL = "plotting needs matplotlib: install the 'plot' extra (pip install 'kzspeechlaw[plot]')"


class PlotUnavailable(LawError):
    """matplotlib, the ``plot`` extra, is not installed."""


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
    """The panel of a sanction: fines; arrest counted in days (CC 2014, AOC 2014); other terms in
    years, the 1997 Code's arrest, counted in months, among them."""
    if s.kind is Penalty.FINE:
        return "fine"
    bound = s.maximum if s.maximum is not None else s.minimum
    in_days = bound is not None and bound.check("[term_day]")
    return "arrest" if s.kind is Penalty.ARREST and in_days else "term"


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
    repeals: dict[tuple[dt.date, str, bool], list[str]] = {}
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
            repeals.setdefault((p.valid_to, p.repealed_by, p.narrowed), []).append(
                str(p.successor) if p.successor else "none")
    first = periods[0].provision
    title = next(p.provision.title[lang] for p in reversed(periods) if p.ref == first.ref)
    asked = citation if isinstance(citation, Ref) else parse(citation)
    whole = asked.part is None and len({p.ref for p in periods if p.ref.code == first.ref.code}) > 1
    figure.suptitle(f"{asked if whole else first.ref} {title}: sanctions by date")
    top = figure.axes[0]
    for (day, law_id, narrowed), successors in repeals.items():
        for ax in figure.axes:
            ax.axvline(_days(day)[0], color="black", linestyle="--", linewidth=1)
        moved = ", ".join(dict.fromkeys(successors))
        texts.setdefault(top, []).append(top.annotate(
            f"{'narrowed' if narrowed else 'repealed'} by Law {law_id}\n-> {moved}", (day, 0.97),
            xycoords=("data", "axes fraction"),
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
