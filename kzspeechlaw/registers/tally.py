"""The tally of a register's results: counts by code, part, outcome, regime, limitation status and
month of the act date, and the sums of the fine ranges in tenge: the shape of a monthly
monitoring report."""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import attrs

from kzspeechlaw.errors import LawError
from kzspeechlaw.i18n import N_, current, gettext
from kzspeechlaw.refs import parse
from kzspeechlaw.registers.records import BatchResult, answering, fine_range
from kzspeechlaw.terms import word


class Digest(NamedTuple):
    """What the tally needs of one row (small, so that worker processes can send it back)."""

    ok: bool
    part: str | None
    code: str | None
    regime: str | None
    outcome: str | None
    month: str | None
    fine_kzt_min: Any
    fine_kzt_max: Any
    limitation: str | None = None
    depends_on: tuple[str, ...] = ()
    fine_not_in_tenge: bool = False
    """A liable row's fine in MCI with no tenge amount: no MCI is known for the date that converts it."""


def digest(result: BatchResult) -> Digest:
    """The row's contribution to the tally.

    The part (and its code) counted is the governing one or, where none governs (decriminalised,
    no provision, outside the modelled scope), the part the act fell under at the time. The regime
    is that of :func:`~kzspeechlaw.registers.records.answering`'s part (the governing one, or a
    decriminalised act's), ``None`` (counted as ``none``) for ``no_provision`` and
    ``outside_scope``: a legal entity's insult, which the Criminal Code does not reach, is not
    counted as criminal. Fines are counted for liable rows only; a fine with no tenge amount (no
    MCI is known for its date) is flagged, not counted as 0.
    """
    a = result.assessment
    if a is None:
        return Digest(False, None, None, None, None, None, None, None, None)
    p = a.governing or (a.matches[0].provision if a.matches else None)
    answers = answering(a)
    fine = fine_range(a) if a.outcome == "liable" else None
    return Digest(
        True,
        str(p.ref) if p is not None else None,
        p.ref.code if p is not None else None,
        answers.regime.value if answers is not None else None,
        a.outcome,
        a.incident.act_date.isoformat()[:7],
        fine[2] if fine is not None else None,
        fine[3] if fine is not None else None,
        a.limitation.status if a.limitation is not None else "not_modelled" if a.governing is not None else None,
        a.depends_on,
        fine is not None and fine[3] is None and fine[1] is not None,
    )


@attrs.define
class Month:
    """One month of act dates: rows, criminal and administrative, liable, the fine sums, and the
    liable rows whose fine has no tenge amount (left out of those sums)."""

    rows: int = 0
    criminal: int = 0
    administrative: int = 0
    liable: int = 0
    fine_kzt_min: int | float = 0
    fine_kzt_max: int | float = 0
    fines_not_in_tenge: int = 0

    def add(self, other: Month) -> None:
        """Add the counts of ``other`` (the same month of other rows)."""
        self.rows += other.rows
        self.criminal += other.criminal
        self.administrative += other.administrative
        self.liable += other.liable
        self.fine_kzt_min += other.fine_kzt_min
        self.fine_kzt_max += other.fine_kzt_max
        self.fines_not_in_tenge += other.fines_not_in_tenge

    def count(self, d: Digest, n: int) -> None:
        """Count ``n`` assessed rows of digest ``d`` in this month."""
        self.rows += n
        if d.regime == "criminal":
            self.criminal += n
        elif d.regime == "administrative":
            self.administrative += n
        if d.outcome == "liable":
            self.liable += n
        if d.fine_kzt_max is not None:
            self.fine_kzt_min += (d.fine_kzt_min or 0) * n
            self.fine_kzt_max += d.fine_kzt_max * n
        elif d.fine_not_in_tenge:
            self.fines_not_in_tenge += n


@attrs.define
class Tally:
    """Counts of a register's results: the shape of a monthly monitoring report.

    Counts by code, by article part (the governing part, or the act-time part where none
    governs), by outcome and by regime (criminal or administrative: the governing part's, or a
    decriminalised act's part's; ``none`` where no modelled part answers: no provision, outside the
    modelled scope), and per month of the act date (its criminal and administrative columns count
    by the same regime; its ``fines_not_in_tenge`` the month's share of :attr:`fines_not_in_tenge`);
    and the sums of the fine ranges in tenge over the liable rows (an "up to" fine without a floor
    adds 0 to the sum of minima; a fine with no tenge amount, where no MCI is known for its date,
    adds nothing and is counted in :attr:`fines_not_in_tenge`).
    """

    succeeded: int = 0
    failed: int = 0
    by_code: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_part: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_outcome: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_regime: collections.Counter[str] = attrs.field(factory=collections.Counter)
    by_limitation: collections.Counter[str] = attrs.field(factory=collections.Counter)
    """Limitation statuses (``running``, ``expired``, ``suspended``, ``none``; ``not_modelled``
    where no period is modelled, ``not_applicable`` where no provision governs)."""
    by_month: dict[str, Month] = attrs.field(factory=dict)
    fine_kzt_min: int | float = 0
    fine_kzt_max: int | float = 0
    undecided: int = 0
    """Rows whose answer turns on a fact the row leaves open (``Assessment.depends_on`` not empty):
    their outcomes are counted above as the facts stated give them."""
    by_depends_on: collections.Counter[str] = attrs.field(factory=collections.Counter)
    """The open facts those rows turn on, each row counted once per fact."""
    fines_not_in_tenge: int = 0
    """Liable rows whose fine has no tenge amount (no MCI is known for the date that converts it):
    left out of the fine sums, which are then short of them."""

    @property
    def rows(self) -> int:
        """Every row read."""
        return self.succeeded + self.failed

    def add(self, d: Digest, count: int = 1) -> None:
        """Count one row, or ``count`` rows of the same digest (their fines whole numbers of tenge,
        or ``count`` 1: sums of floats depend on the order of their terms)."""
        if self._totals(d, count):
            self.by_month.setdefault(d.month or "none", Month()).count(d, count)

    def add_counted(self, counts: Mapping[tuple[Digest, str | None], int]) -> None:
        """Count rows by digest and month (each digest's own month left out): what :meth:`add`
        counts, row by row, where every fine is a whole number."""
        by_digest: collections.Counter[Digest] = collections.Counter()
        for (d, name), n in counts.items():
            by_digest[d] += n
            if d.ok:
                self.by_month.setdefault(name or "none", Month()).count(d, n)
        for d, n in by_digest.items():
            self._totals(d, n)

    def add_grouped(self, totals: Iterable[tuple[Digest, int]],
                    months: Iterable[tuple[str | None, Digest, int]]) -> None:
        """Count rows grouped: ``n`` rows of each digest in the totals, and per month ``n`` rows
        counted as the digest given (one that the month counts alike: the same regime, liability
        and whole-number fines), as :meth:`add` counts them row by row."""
        for d, n in totals:
            self._totals(d, n)
        by_month = self.by_month
        for name, d, n in months:
            if d.ok:
                month = by_month.get(name or "none")
                if month is None:
                    month = by_month[name or "none"] = Month()
                month.count(d, n)

    def _totals(self, d: Digest, n: int) -> bool:
        """Count ``n`` rows of digest ``d`` in the register's totals; whether they were assessed."""
        if not d.ok:
            self.failed += n
            return False
        self.succeeded += n
        self.by_code[d.code or "none"] += n
        self.by_part[d.part or "none"] += n
        self.by_outcome[d.outcome or "none"] += n
        self.by_regime[d.regime or "none"] += n
        self.by_limitation[d.limitation or "not_applicable"] += n
        if d.depends_on:
            self.undecided += n
            for fact in d.depends_on:
                self.by_depends_on[fact] += n
        if d.fine_kzt_max is not None:
            self.fine_kzt_min += (d.fine_kzt_min or 0) * n
            self.fine_kzt_max += d.fine_kzt_max * n
        elif d.fine_not_in_tenge:
            self.fines_not_in_tenge += n
        return True

    def merge(self, other: Tally) -> None:
        """Add the counts of ``other`` (the tally of other rows) to these."""
        self.succeeded += other.succeeded
        self.failed += other.failed
        for mine, theirs in ((self.by_code, other.by_code), (self.by_part, other.by_part),
                             (self.by_outcome, other.by_outcome), (self.by_regime, other.by_regime),
                             (self.by_limitation, other.by_limitation),
                             (self.by_depends_on, other.by_depends_on)):
            mine.update(theirs)
        by_month = self.by_month
        for name, counts in other.by_month.items():
            month = by_month.get(name)
            if month is None:  # a month new here: a copy of the other's (a chunk's tally has some hundreds)
                month = by_month[name] = Month()
            month.add(counts)
        self.fine_kzt_min += other.fine_kzt_min
        self.fine_kzt_max += other.fine_kzt_max
        self.undecided += other.undecided
        self.fines_not_in_tenge += other.fines_not_in_tenge

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, keys sorted within each count."""
        return {
            "schema": "kzspeechlaw/tally/1",
            "rows": self.rows,
            "succeeded": self.succeeded,
            "failed": self.failed,
            "by_code": dict(sorted(self.by_code.items())),
            "by_part": dict(sorted(self.by_part.items(), key=lambda kv: _part_key(kv[0]))),
            "by_outcome": dict(sorted(self.by_outcome.items())),
            "by_regime": dict(sorted(self.by_regime.items())),
            "by_limitation": dict(sorted(self.by_limitation.items())),
            "by_month": {m: attrs.asdict(v) for m, v in sorted(self.by_month.items())},
            "fine_kzt": {"min": self.fine_kzt_min, "max": self.fine_kzt_max},
            "fines_not_in_tenge": self.fines_not_in_tenge,
            "undecided": self.undecided,
            "by_depends_on": dict(sorted(self.by_depends_on.items())),
        }

    def render(self) -> str:
        """A plain-text report in the current language (:mod:`kzspeechlaw.i18n`): the rows, the
        undecided rows (:attr:`undecided`), the counts, then one line per month with the fine sums
        (and the month's fines with no tenge amount, which those sums leave out)."""
        def num(n: float) -> str:
            return f"{n:,}".replace(",", " ")

        def name_of(title: str, name: str) -> str:
            if title == "outcome":
                return word("outcome", name, current())
            if title == "limitation" and name == "not_modelled":  # the status's own word, as elsewhere
                return word("status", name, current())
            if title == "depends on (not stated)":  # the fact's words, as the memo's "depends on" line has them
                return word("fact", name, current())
            return gettext(_NAMES[name]) if name in _NAMES else name

        lines = [gettext("rows: {rows} ({assessed} assessed, {failed} failed)").format(
            rows=num(self.rows), assessed=num(self.succeeded), failed=num(self.failed)),
            gettext("undecided: {undecided} (answers that turn on a fact the row leaves open; counted below as "
                    "the facts stated give them)").format(undecided=num(self.undecided))]
        data = self.to_dict()
        for title, key in (("outcome", "by_outcome"), ("regime", "by_regime"), ("limitation", "by_limitation"),
                           ("code", "by_code"), ("article part", "by_part"),
                           ("depends on (not stated)", "by_depends_on")):
            lines.append(f"{gettext(_TITLES[title])}:")
            named = [(name_of(title, name), num(count)) for name, count in data[key].items()]
            width = max((len(n) for n, _ in named), default=0)
            lines += [f"  {n:<{max(width, 22)}} {c:>10}" for n, c in named]
        month, rows, criminal, admin, liable, low, high = (gettext(h) for h in _HEADS)
        lines += ["", f"{month:<8} {rows:>8} {criminal:>9} {admin:>8} {liable:>8} {low:>18} {high:>18}"]
        for name, m in sorted(self.by_month.items()):
            short = "  " + gettext("+{count} with no tenge amount").format(count=num(m.fines_not_in_tenge)) if (
                m.fines_not_in_tenge) else ""  # the month's sums are short of these fines
            lines.append(f"{name:<8} {num(m.rows):>8} {num(m.criminal):>9} {num(m.administrative):>8} "
                         f"{num(m.liable):>8} {num(m.fine_kzt_min):>18} {num(m.fine_kzt_max):>18}{short}")
        total, label = self.by_regime, gettext("total")  # (a call inside an f-string is not extracted)
        lines.append(f"{label:<8} {num(self.succeeded):>8} {num(total['criminal']):>9} "
                     f"{num(total['administrative']):>8} {num(self.by_outcome['liable']):>8} "
                     f"{num(self.fine_kzt_min):>18} {num(self.fine_kzt_max):>18}")
        if self.fines_not_in_tenge:
            lines.append(gettext("fines with no tenge amount (no MCI is known for their date), left out of the sums: "
                                 "{count}").format(count=num(self.fines_not_in_tenge)))
        return "\n".join(lines)


_TITLES = {"depends on (not stated)": N_("depends on (not stated)"),
           "outcome": N_("outcome"), "regime": N_("regime"), "limitation": N_("limitation"), "code": N_("code"),
           "article part": N_("article part")}
_NAMES = {"criminal": N_("criminal"), "administrative": N_("administrative"), "none": N_("none"),
          "running": N_("running"), "expired": N_("expired"), "suspended": N_("suspended"),
          "not_applicable": N_("not applicable")}
_HEADS = (N_("month"), N_("rows"), N_("criminal"), N_("admin."), N_("liable"), N_("fines min KZT"),
          N_("fines max KZT"))
"""The report's words, marked for the catalogue (``pybabel extract``) and translated when written."""


def _part_key(text: str) -> tuple[Any, ...]:
    """Parts in code and article order, ``none`` last."""
    try:
        return (0, parse(text).sort_key())
    except LawError:
        return (1, text)


def tally(results: Iterable[BatchResult]) -> Tally:
    """Count results (e.g. from :func:`assess_many`) into a :class:`Tally`."""
    t = Tally()
    for result in results:
        t.add(digest(result))
    return t
