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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from kzspeechlaw import export, outfile
from kzspeechlaw.coverage_report import coverage
from kzspeechlaw.errors import LawError, OutputError
from kzspeechlaw.law import law
from kzspeechlaw.model import Penalty, Provision, Sanction, Subject
from kzspeechlaw.monthly_index import PURPOSES, mci_value
from kzspeechlaw.provisions import history
from kzspeechlaw.refs import Ref
from kzspeechlaw.units import Quantity, ureg

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

    def max_fine_text(self) -> str:
        """The fines, described, or ``"-"`` where the version has none."""
        return "; ".join(s.describe() for s in self.fines()) or "-"

    def custody_text(self) -> str:
        """The most severe custody, described, or ``"-"`` where the version has none."""
        return "; ".join(s.describe() for s in self.custody()) or "-"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the version's dates and act, and its fines and custody."""
        p = self.provision
        return {
            "ref": str(p.ref),
            "valid_from": p.valid_from.isoformat(),
            "valid_to": p.valid_to.isoformat() if p.valid_to else None,
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
    """A plain-text table: one line per version, with its fines and most severe custody."""
    rows: list[tuple[str, ...]] = [("from", "to", "part", "law", "fines", "most severe custody")]
    notes: list[str] = []
    titles: dict[Ref, str] = {}
    for period in periods:
        p = period.provision
        titles[p.ref] = p.title[lang]  # the latest title of each part
        last = period.last_day
        rows.append((
            str(p.valid_from), str(last) if last else "in force", str(p.ref), p.act,
            period.max_fine_text(), period.custody_text(),
        ))
        if p.repealed_by is not None and p.valid_to is not None:
            moved = f"; the conduct moved to {p.successor}" if p.successor else ""
            notes.append(f"{p.ref} repealed by Law {p.repealed_by} from {p.valid_to}{moved}")
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


def _label(period: Period, s: Sanction) -> str:
    who = f" ({s.subject.value.replace('_', ' ')})" if s.subject is not None else ""
    return f"{period.ref} {s.kind.value.replace('_', ' ')}{who}"


def _band(ax: Axes, start: dt.date, end: dt.date, low: float, high: float, colour: str,
          label: str, labelled: set[str], hatch: str | None) -> None:
    ax.fill_between(_days(start, end), [low, low], [high, high], color=colour, alpha=0.25, hatch=hatch,
                    linewidth=0)
    ax.plot(_days(start, end), [high, high], color=colour, linewidth=2,
            label=None if label in labelled else label)
    labelled.add(label)


def _mark(ax: Axes, day: dt.date, text: str, style: str) -> None:
    ax.plot(_days(day, day), [0, 1], transform=ax.get_xaxis_transform(), color="black",
            linestyle=style, linewidth=1)
    if text:
        ax.annotate(f" {text}", (day, 0.02), xycoords=("data", "axes fraction"), ha="left",
                    va="bottom", fontsize=7, rotation=90)


def _years(quantity: Quantity | None) -> float:
    if quantity is None:
        return 0.0
    return float(quantity.to(ureg.year).magnitude)


def plot_timeline(citation: str | Ref, path: str | Path, follow: bool = True, lang: str = "en",
                  until: dt.date | None = None) -> Path:
    """Draw the fines (MCI) and terms of custody of every version as a chart in the format of the
    file's extension (:data:`CHART_FORMATS`); returns the path. The path is checked before drawing.

    Each version is a band from its minimum (zero for "up to") to its maximum; a repeal is a
    dashed line naming the successor, whose versions follow hatched. ``until`` ends the open
    versions (default: the date the statute texts are current to).
    """
    _check(path)
    periods = timeline(citation, follow)
    end = until or coverage().current_to
    end = max(end, max(p.valid_from for p in periods) + dt.timedelta(days=365))
    figure = _figure(2, 6.5)
    fine_ax, term_ax = figure.axes
    labelled: set[str] = set()
    for period in periods:
        p = period.provision
        start, stop = p.valid_from, p.valid_to or end
        hatch = "//" if period.successor_of is not None else None
        for s in period.fines():
            high = float(s.maximum.magnitude) if s.maximum is not None else 0.0
            low = float(s.minimum.magnitude) if s.minimum is not None else 0.0
            _band(fine_ax, start, stop, low, high, _COLOURS.get(s.subject, "tab:gray"),
                  _label(period, s) + " (MCI)", labelled, hatch)
        arrests = []
        for s in period.custody():
            if s.kind is Penalty.ARREST:
                arrests.append(s.describe())
                continue
            _band(term_ax, start, stop, _years(s.minimum), _years(s.maximum),
                  _COLOURS.get(s.subject, "tab:gray"), _label(period, s), labelled, hatch)
        if arrests:
            term_ax.annotate("\n".join(arrests), (start + (stop - start) / 2, 0.1),
                             xycoords=("data", "axes fraction"), ha="center", fontsize=8)
        # Each version starts with the law that gave it; a repeal is a dashed line.
        _mark(term_ax, start, f"Law {p.act}", ":")
        if p.repealed_by is not None and p.valid_to is not None:
            moved = f"\n  -> {p.successor}" if p.successor else ""
            for ax in (fine_ax, term_ax):
                _mark(ax, p.valid_to, "", "--")
            fine_ax.annotate(f" repealed by Law {p.repealed_by}{moved}", (p.valid_to, 0.6),
                             xycoords=("data", "axes fraction"), ha="left", va="top", fontsize=8)
    first = periods[0].provision
    title = next(p.provision.title[lang] for p in reversed(periods) if p.ref == first.ref)
    figure.suptitle(f"{first.ref} {title}: sanctions by date")
    fine_ax.set_ylabel("fine (MCI)")
    term_ax.set_ylabel("custody (years)")
    for ax in (fine_ax, term_ax):
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper left", fontsize=8)
    return _save(figure, path)


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
