"""The ``kzspeechlaw`` command line (also ``python -m kzspeechlaw``).

Exit status 0 on success, 2 on bad input with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kzspeechlaw import coverage_report as coverage_mod
from kzspeechlaw import export, provisions
from kzspeechlaw import monthly_index as mci
from kzspeechlaw.dates import as_date
from kzspeechlaw.errors import LawError, OutOfCoverage
from kzspeechlaw.model import Provision
from kzspeechlaw.units import format_quantity

Handler = Callable[[argparse.Namespace], "str | dict[str, Any] | list[Any]"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2 (argparse's own convention)
        self.exit(2, f"kzspeechlaw: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return as_date(text, "date")
    except LawError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _title(p: Provision, lang: str) -> str:
    return p.title[lang]


def _sanction_lines(p: Provision, on: dt.date | None, indent: str = "  ") -> list[str]:
    lines = []
    for group, label in ((p.sanctions, ""), (p.additional, "additional: ")):
        for s in group:
            text = f"{indent}- {label}{s.describe()}"
            if on is not None:
                try:
                    low, high = export.tenge_bounds(s, on)
                except OutOfCoverage:
                    low = high = None
                if high is not None:
                    span = format_quantity(high) if low is None or low == high else (
                        f"{format_quantity(low)} to {format_quantity(high)}"
                    )
                    text += f"  [{'up to ' if low is None else ''}{span}]"
            lines.append(text)
    return lines


def _render_provision(p: Provision, lang: str, on: dt.date | None) -> str:
    until = f"to {p.valid_to - dt.timedelta(days=1)}" if p.valid_to else "still in force"
    lines = [
        f"{p.ref}  {_title(p, lang)}",
        f"in force {p.valid_from} {until}; given by Law {p.act}"
        + (f"; repealed by Law {p.repealed_by}" if p.repealed_by else ""),
        f"category: {p.category.value.replace('_', ' ')}"
        + ("; extremist crime (no limitation period)" if p.extremist else ""),
    ]
    if on is not None:
        try:
            lines.append(f"sanctions (alternatives), MCI on {on} = {format_quantity(mci.mci(on))}:")
        except OutOfCoverage as error:
            lines.append(f"sanctions (alternatives); no tenge amounts: {error}")
    else:
        lines.append("sanctions (alternatives):")
    lines += _sanction_lines(p, on)
    if p.successor:
        lines.append(f"successor: {p.successor}")
    lines.append(f"source: {p.source} ({'verified' if p.verified else 'UNVERIFIED'})")
    if p.notes:
        lines.append(f"notes: {p.notes}")
    return "\n".join(lines)


def _show(args: argparse.Namespace) -> str | dict[str, Any]:
    p = provisions.provision(args.ref, args.on)
    if args.json:
        out = export.provision_dict(p, mci_date=args.on)
        out["on"] = args.on.isoformat()
        out["schema"] = export.SCHEMA
        return out
    return _render_provision(p, args.lang, args.on)


def _history(args: argparse.Namespace) -> str | list[Any]:
    versions = provisions.history(args.ref)
    if args.json:
        return [export.provision_dict(p) for p in versions]
    return "\n\n".join(_render_provision(p, args.lang, None) for p in versions)


def _mci(args: argparse.Namespace) -> str | dict[str, Any]:
    value = mci.mci_value(args.date, args.purpose)
    if args.json:
        return {
            "date": args.date.isoformat(),
            "purpose": args.purpose,
            "kzt": value.kzt,
            "valid_from": value.valid_from.isoformat(),
            "act": value.act,
            "article": value.article,
            "source": value.source,
            "verified": value.verified,
            "notes": value.notes,
        }
    return (
        f"1 MCI on {args.date} = {value.kzt:,} KZT".replace(",", " ")
        + f" (from {value.valid_from}; Law {value.act}, {value.article}; {value.source})"
    )


def _compare(args: argparse.Namespace) -> str | dict[str, Any]:
    change = provisions.compare(args.ref, args.before, args.after)
    if args.json:
        return {
            "ref": str(change.ref),
            "before": change.before_date.isoformat(),
            "after": change.after_date.isoformat(),
            "changed": change.changed,
            "differences": [
                {"field": d.field, "before": d.before, "after": d.after}
                for d in change.differences
            ],
        }
    if not change.differences:
        return f"{change.ref}: no change between {change.before_date} and {change.after_date}"
    lines = [f"{change.ref}: {change.before_date} -> {change.after_date}"]
    for d in change.differences:
        lines.append(f"  {d.field}:\n    before: {d.before or '-'}\n    after:  {d.after or '-'}")
    return "\n".join(lines)


def _coverage(args: argparse.Namespace) -> str | dict[str, Any]:
    cov = coverage_mod.coverage()
    if args.json:
        return {
            "provisions_from": cov.provisions_from.isoformat(),
            "current_to": cov.current_to.isoformat(),
            "mci": {"from": cov.mci_from.isoformat(), "until": cov.mci_until.isoformat()},
            "verified_share": round(cov.verified_share, 3),
            "versions": [
                {
                    "ref": str(v.ref),
                    "valid_from": v.valid_from.isoformat(),
                    "valid_to": v.valid_to.isoformat() if v.valid_to else None,
                    "verified": v.verified,
                    "source": v.source,
                }
                for v in cov.versions
            ],
        }
    lines = [
        f"provisions from {cov.provisions_from}; statute texts current to {cov.current_to}; "
        f"MCI {cov.mci_from} to {cov.mci_until}; "
        f"{sum(v.verified for v in cov.versions)}/{len(cov.versions)} versions verified",
        f"{'part':<20} {'from':<10}  {'to':<10}  {'verified':<8}  source",
    ]
    for v in cov.versions:
        to = str(v.valid_to) if v.valid_to else "open"
        lines.append(
            f"{v.ref!s:<20} {v.valid_from!s:<10}  {to:<10}  {'yes' if v.verified else 'NO':<8}  {v.source}"
        )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools)."""
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable JSON output")
    common.add_argument("--lang", choices=("en", "ru", "kk"), default="en", help="language of titles")
    parser = _Parser(
        prog="kzspeechlaw",
        description="Kazakhstan's speech-related law by date: provisions, sanctions, MCI.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    show = sub.add_parser("show", parents=[common], help="the version of a part in force on a date")
    show.add_argument("ref", help="citation, e.g. 'CC2014 130(3)' or 'ч. 3 ст. 130 УК РК'")
    show.add_argument("--on", type=_date, required=True, help="date, YYYY-MM-DD")
    show.set_defaults(handler=_show)

    hist = sub.add_parser("history", parents=[common], help="every version of a part, oldest first")
    hist.add_argument("ref")
    hist.set_defaults(handler=_history)

    mci_cmd = sub.add_parser("mci", parents=[common], help="the MCI in tenge on a date")
    mci_cmd.add_argument("date", type=_date)
    mci_cmd.add_argument("--purpose", choices=mci.PURPOSES, default="fines")
    mci_cmd.set_defaults(handler=_mci)

    cmp_cmd = sub.add_parser("compare", parents=[common], help="what changed between two dates")
    cmp_cmd.add_argument("ref")
    cmp_cmd.add_argument("before", type=_date)
    cmp_cmd.add_argument("after", type=_date)
    cmp_cmd.set_defaults(handler=_compare)

    cov = sub.add_parser("coverage", parents=[common], help="every modelled part and version")
    cov.set_defaults(handler=_coverage)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2, already printed)
        return int(stop.code or 0)
    try:
        result = args.handler(args)
    except LawError as error:
        print(f"kzspeechlaw: error: {error}", file=sys.stderr)
        return 2
    if isinstance(result, str):
        print(result)
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0
