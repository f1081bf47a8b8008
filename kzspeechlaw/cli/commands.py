"""The ``kzspeechlaw`` command line (also ``python -m kzspeechlaw``).

Exit status 0 on success, 2 on bad input with a one-line message on stderr. A bare
``kzspeechlaw`` prints the help (its commands) on stderr and exits 2, as any other call without a
command does; ``--help`` prints it on stdout and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import io
import os
import stat
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from kzspeechlaw import __version__, i18n, terms
from kzspeechlaw.errors import InvalidIncident, LawError, OutOfCoverage, OutputError, StaleDataWarning, message
from kzspeechlaw.i18n import N_, Message, render
from kzspeechlaw.i18n import gettext as _
from kzspeechlaw.law import facts as vocabulary
from kzspeechlaw.law.facts import DECIDING

if TYPE_CHECKING:
    import datetime as dt

    from kzspeechlaw.law.model import Provision
    from kzspeechlaw.reasoning.assessment import Assessment
    from kzspeechlaw.reasoning.incident import Incident

# Each command imports what it needs when it runs: `kzspeechlaw --help` loads neither the data nor
# the reasoning, and `show` no pint. The choices the parser offers are known here without importing
# the modules that own them (tests/test_startup.py checks them against those modules).
_PURPOSES = ("fines", "benefits")  # kzspeechlaw.law.monthly_index.PURPOSES
_FORMATS = ("csv", "jsonl", "xlsx")  # kzspeechlaw.registers.reading.FORMATS
_ENCODINGS = ("utf-8", "cp1251", "latin-1")  # kzspeechlaw.registers.reading.ENCODINGS

Handler = Callable[[argparse.Namespace], "str | dict[str, Any] | list[Any] | None"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2 (argparse's own convention)
        self.exit(2, f"kzspeechlaw: error: {message}\n")


def _date(text: str) -> dt.date:
    from kzspeechlaw.dates import user_date

    try:
        return user_date(text, "date")
    except LawError as error:
        raise argparse.ArgumentTypeError(message(error)) from None


def _title(p: Provision, lang: str) -> str:
    return p.title[lang]


def _q(quantity: Any) -> i18n.Localized:
    """A quantity in the current language's words, for a message (``{maximum:gen}`` in Russian)."""
    return i18n.localized(quantity)


def _sanction_lines(p: Provision, on: dt.date | None, indent: str = "  ") -> list[str]:
    from kzspeechlaw import export

    lines = []
    for group, extra in ((p.sanctions, False), (p.additional, True)):
        for s in group:
            what = render(s.describe())
            text = f"{indent}- " + (_("additional: {sanction}").format(sanction=what) if extra else what)
            if on is not None:
                try:
                    low, high = export.tenge_bounds(s, on)
                except OutOfCoverage:
                    low = high = None
                if high is not None:
                    span = _("up to {maximum}").format(maximum=_q(high)) if low is None else str(_q(high)) if (
                        low == high) else _("{minimum} to {maximum}").format(minimum=_q(low), maximum=_q(high))
                    text += f"  [{span}]"
            lines.append(text)
    return lines


def _render_provision(p: Provision, lang: str, on: dt.date | None) -> str:
    import datetime as dt

    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import monthly_index as mci

    if p.valid_to:
        span = _("in force from {start} to {end}").format(start=p.valid_from, end=p.valid_to - dt.timedelta(days=1))
    else:
        span = _("in force from {start} (still in force)").format(start=p.valid_from)
    law = _("{span}; given by Law {act}").format(span=span, act=p.act)
    if p.repealed_by:
        law = _("{text}; repealed by Law {act}").format(text=law, act=p.repealed_by)
    category = _("category: {category}").format(category=i18n.term(p.category))
    if p.extremist:
        category = _("{text}; extremist crime (no limitation period)").format(text=category)
    lines = [f"{p.ref}  {_title(p, lang)}", law, category]
    if on is not None:
        try:
            lines.append(_("sanctions (alternatives), MCI on {day} = {value}:").format(
                day=on, value=_q(mci.mci_amount(on))))
        except OutOfCoverage as error:
            lines.append(_("sanctions (alternatives); no tenge amounts: {error}").format(error=message(error)))
    else:
        lines.append(_("sanctions (alternatives):"))
    lines += _sanction_lines(p, on)
    if p.successor:
        lines.append(_("successor: {ref}").format(ref=p.successor))
    lines.append(_("source: {source} ({verified})").format(
        source=p.source, verified=_("verified") if p.verified else _("UNVERIFIED")))
    if p.notes:  # without the provenance of the reading (kept in --json and coverage)
        lines.append(_("notes (in English, as the data gives them):") if i18n.current() != "en" else "notes:")
        lines += wording.wrap(wording.plain_note(p.notes))
    return "\n".join(lines)


def _show(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw import export
    from kzspeechlaw.law import provisions

    p = provisions.provision(args.ref, args.on)
    if args.json:
        out = export.provision_dict(p, mci_date=args.on)
        out["on"] = args.on.isoformat()
        out["schema"] = export.SCHEMA
        return out
    return _render_provision(p, args.lang, args.on)


def _history(args: argparse.Namespace) -> str | list[Any]:
    from kzspeechlaw import export
    from kzspeechlaw.law import provisions

    versions = provisions.history(args.ref)
    if args.json:
        return [export.provision_dict(p) for p in versions]
    return "\n\n".join(_render_provision(p, args.lang, None) for p in versions)


def _mci(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw.law import monthly_index as mci

    value = mci.mci_value(args.date, args.purpose)
    if args.json:
        return value.to_dict(args.date, args.purpose)
    return _("1 MCI on {day} = {value} (from {start}; Law {act}, {article}; {source})").format(
        day=args.date, value=i18n.amount(value.kzt, "KZT"), start=value.valid_from, act=value.act,
        article=value.article, source=value.source)


def _compare(args: argparse.Namespace) -> str | dict[str, Any]:
    import datetime as dt

    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import provisions

    change = provisions.compare(args.ref, args.before, args.after)
    if args.json:
        return change.to_dict()
    if not change.differences:
        return _("{ref}: no change between {before} and {after}").format(
            ref=change.ref, before=change.before_date, after=change.after_date)
    old, new = change.before, change.after
    lines = [f"{change.ref}: {change.before_date} -> {change.after_date}"]
    if old is not None and new is None and old.valid_to is not None:
        ended = _("no longer in force: last day {day}").format(day=old.valid_to - dt.timedelta(days=1))
        if old.repealed_by:
            ended = _("{text}; repealed by Law {act}").format(text=ended, act=old.repealed_by)
        ended = (_("{text}; the conduct moved to {ref}").format(text=ended, ref=old.successor) if old.successor
                 else _("{text}; no successor in the data").format(text=ended))
        lines.append("  " + ended)
    elif new is not None and new is not old:
        said = (_("in force from {day}, given by Law {act}") if old is None
                else _("new version from {day}, given by Law {act}"))
        lines.append("  " + said.format(day=new.valid_from, act=new.act))
    for d in change.differences:
        if d.field == "in force":
            continue
        if d.before and d.after and (d.field in ("text", "elements") or d.field.startswith("title.")):
            lines.append("  " + _("{field} (words removed [-...-], added {{+...+}}):").format(field=d.field))
            lines += wording.wrap(wording.word_diff(d.before, d.after), "    ")
        else:
            lines.append(f"  {d.field}:\n    " + _("before: {value}").format(value=render(d.before or "-"))
                         + "\n    " + _("after:  {value}").format(value=render(d.after or "-")))
    return "\n".join(lines)


def _coverage(args: argparse.Namespace) -> str | dict[str, Any]:
    import datetime as dt

    from kzspeechlaw.law import coverage_report as coverage_mod

    cov = coverage_mod.coverage()
    if args.json:
        return cov.to_dict()
    lines = [
        _("provisions from {start}; statute texts current to {current_to}; MCI {mci_from} to {mci_until}; "
          "{verified}/{total} versions verified (text and dates read; {text_read} with the text read)").format(
            start=cov.provisions_from, current_to=cov.current_to, mci_from=cov.mci_from, mci_until=cov.mci_until,
            verified=sum(v.verified and coverage_mod.dates_read(v) for v in cov.versions), total=len(cov.versions),
            text_read=sum(v.verified for v in cov.versions)),
        "{:<20} {:<10}  {:<13}  {:<8}  {}".format(_("part"), _("from"), _("to (last day)"), _("verified"),
                                                  _("source")),
    ]
    for v in cov.versions:
        to = str(v.valid_to - dt.timedelta(days=1)) if v.valid_to else _("open")
        checked = (_("yes") if coverage_mod.dates_read(v) else _("text")) if v.verified else _("NO")
        lines.append(f"{v.ref!s:<20} {v.valid_from!s:<10}  {to:<13}  {checked:<8}  {v.source}")
    lines.append(_("statute texts current to, by code:"))
    lines += [f"  {c.id:<8} {c.current_to}  {c.edition}" for c in cov.codes]
    lines.append(_("scope register (speech articles; not modelled: why):"))
    for e in cov.scope:
        period = f" [{e.valid_from or ''}..{e.valid_to or ''})" if e.valid_from or e.valid_to else ""
        said = _("modelled") if e.status == "modelled" else _("NOT MODELLED{period}: {reason}").format(
            period=period, reason=e.reason)
        lines.append(f"  {e.ref:<16} {said}")
    return "\n".join(lines)


def _timeline(args: argparse.Namespace) -> str | list[Any]:
    from kzspeechlaw import timelines  # here: it loads the unit registry, which --help and show need not

    periods = timelines.timeline(args.ref)
    written = None
    if args.plot:
        from kzspeechlaw.charts import plot  # matplotlib, only for a chart

        written = plot.plot_timeline(args.ref, args.plot, lang=args.lang)
    if args.json:
        return [period.to_dict() for period in periods]
    table = timelines.timeline_table(periods, args.lang)
    return table + ("\n" + _("chart written to {path}").format(path=written) if written is not None else "")


def _incident(args: argparse.Namespace) -> Incident:
    from kzspeechlaw.dates import user_date
    from kzspeechlaw.reasoning.incident import Incident
    from kzspeechlaw.registers import reading as register_mod

    if args.file is not None:
        try:
            with open(args.file, "rb") as handle:
                raw = handle.read(register_mod.MAX_DOCUMENT_BYTES + 1)
        except OSError as error:
            raise InvalidIncident("file", args.file, Message("a readable JSON incident file ({reason})",
                                                             reason=error.strerror or "")) from None
        data = register_mod.decode(
            "jsonl", (), register_mod.decode_document(raw, args.file).replace("\n", " ").replace("\r", " ")
        )
        if isinstance(data, register_mod.Unreadable):
            raise InvalidIncident("file", args.file, Message("a JSON object with the incident's fields ({reason})",
                                                             reason=data.message))
        day = data.pop("decided_on", None)
        if args.decided_on is None and day is not None:
            if not isinstance(day, str):
                raise InvalidIncident("decided_on", day, N_("a date (YYYY-MM-DD)"))
            args.decided_on = user_date(day, "decided_on")
        data.pop("id", None)
        return Incident.from_dict(data)
    facts = {
        "act_date": args.act_date,
        "conduct": args.conduct,
        "channel": args.channel,
        "target": args.target,
        "allegation": args.allegation,
        "discord": args.discord,
        "circumstances": args.circumstance,
        "offender": args.offender,
        "proceedings_date": args.proceedings_date,
        "referred_on": args.referred_on,
        "evaded_from": args.evaded_from,
        "evaded_until": args.evaded_until,
        "in_connection_with_duties": args.in_connection_with_duties,
        "knowing_and_dangerous": args.knowing_and_dangerous,
        **{name: getattr(args, name) for name in _SENTENCING},
    }
    return Incident.from_dict({k: v for k, v in facts.items() if v is not None})


def _classify(args: argparse.Namespace) -> str | list[Any]:
    from kzspeechlaw.cli import wording
    from kzspeechlaw.reasoning.classification import classify

    incident = _incident(args)
    matches = classify(incident, on=args.on)
    if args.json:
        return [
            {
                "ref": str(m.provision.ref),
                "title": m.provision.title[args.lang],
                "reasons": list(m.reasons),
                "set_aside": [{"ref": r, "why": why} for r, why in m.set_aside],
                "undecided_by": list(m.undecided_by),
            }
            for m in matches
        ]
    if not matches:
        return _("No modelled provision covers these facts on {day}.").format(day=args.on or incident.act_date)
    lines = []
    for m in matches:
        lines.append(f"{m.provision.ref}  {m.provision.title[args.lang]}")
        for r in m.reasons:
            lines += wording.wrap(wording.words(render(r)), "    ", "  - ")
        for r, why in m.set_aside:
            lines += wording.wrap(wording.words(_("set aside {ref}: {why}").format(ref=r, why=render(why))),
                                  "    ", "  - ")
        if m.undecided_by:
            lines.append("  ! " + _("applies only if {facts}: the facts do not say").format(
                facts="; ".join(render(DECIDING[f]) for f in m.undecided_by)))
    return "\n".join(lines)


def _assess(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw.reasoning.assessment import assess

    incident = _incident(args)
    if args.decided_on is None:
        raise InvalidIncident("decided_on", None, N_("a decision date (--decided-on YYYY-MM-DD)"))
    result = assess(incident, args.decided_on)
    if args.json:
        return result.to_dict()
    return render_assessment(result, args.lang)


_SENTENCING = ("mitigating", "aggravating", "stage", "procedure", "reconciled", "harm_compensated", "complaint",
               "aggregate", "pregnant", "young_children")


def _check_sentence(args: argparse.Namespace) -> str | dict[str, Any]:
    """Whether ``--sentence "KIND AMOUNT UNIT"`` was within what the law allowed on the facts."""
    from kzspeechlaw.reasoning.assessment import assess
    from kzspeechlaw.units import amount

    incident = _incident(args)
    if args.decided_on is None:
        raise InvalidIncident("decided_on", None, N_("a decision date (--decided-on YYYY-MM-DD)"))
    kind, _sep, size = args.sentence.strip().partition(" ")
    a = assess(incident, args.decided_on)
    result = a.check(kind, amount(size))
    if args.json:
        return {**result.to_dict(), "governing": str(a.governing.ref) if a.governing else None,
                "releases": [r.to_dict() for r in a.releases]}
    verdict = _code("verdict", result.verdict).upper()
    lines = [_("{sentence} under {ref}, decided {day}: {verdict}").format(
        sentence=args.sentence, ref=a.governing.ref if a.governing else _("no provision"), day=a.decided_on,
        verdict=verdict if result.certain else _("{verdict} (not certain)").format(verdict=verdict))]
    lines += ["  " + _("rule: {rule}").format(rule=render(r)) for r in result.rules]
    lines += [f"  - {render(r)}" for r in result.reasons]
    lines += ["  " + _("depends on: {fact}").format(fact=render(d)) for d in result.depends_on]
    lines += [_("Release {route}: {status}").format(route=_route(r.route), status=_status(r.status))
              + (f" [{r.article}]" if r.article else "") for r in a.releases]
    return "\n".join(lines)


def _code(context: str, code: str) -> str:
    """A code of the library (an outcome, a route, a status) in words: in English its code name
    with spaces, in another language the term of :mod:`kzspeechlaw.terms`."""
    lang = i18n.current()
    return code.replace("_", " ") if lang == "en" else terms.word(context, code, lang)


def _route(code: str) -> str:
    return _code("route", code)


def _status(code: str) -> str:
    return _code("status", code)


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
        act.format(day=inc.act_date, conduct=i18n.term(inc.conduct), channel=i18n.term(inc.channel) if inc.channel
                   else "", target=i18n.term(inc.target), decided=a.decided_on),
        _("Outcome: {outcome}").format(outcome=_code("outcome", a.outcome).upper()),
    ]
    if a.depends_on:  # the outcome is the facts stated; the notes give each answer
        lines.append(_("Depends on (not stated): {facts}; see the notes").format(
            facts=", ".join(wording.words(f) for f in a.depends_on)))
    if a.governing is not None:
        g = a.governing
        lines.append(_("Governing: {ref} {title} (version from {day}, Law {act})").format(
            ref=g.ref, title=g.title[lang], day=g.valid_from, act=g.act))
        lines.append(_("Category: {category}").format(category=i18n.term(g.category)))
    if a.sanctions:
        lines.append(_("Sanctions (alternatives; MCI of {day}):").format(day=a.mci_date))
        for s in a.sanctions:
            lines.append(f"  - {render(s.describe())}")
            if s.imposable_rules:
                low = _q(s.imposable_minimum) if s.imposable_minimum is not None else _("no minimum")
                high = _q(s.imposable_maximum) if s.imposable_maximum is not None else _("no maximum")
                lines += wording.wrap(_("imposable on these facts: {minimum} to {maximum} ({rules})").format(
                    minimum=low, maximum=high, rules="; ".join(render(r) for r in s.imposable_rules)),
                    "      ", "    ")
    if a.governing is not None and a.releases:
        lines.append(_("Release routes:"))
        lines += [f"  - {_route(r.route)}: {_status(r.status)}" + (f" [{r.article}]" if r.article else "")
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
                period=_q(lim.period), day=lim.expires, status=status))
    english = 0  # notes and steps without a translation yet, shown in English
    if a.notes:
        lines.append(_("Notes:"))
        for n in a.notes:
            said = render(n)
            english += lang != "en" and said == n
            lines += wording.wrap(wording.words(wording.plain_note(said)), "    ", "  - ")
    lines.append(_("Trace:"))
    for i, step in enumerate(a.trace, 1):
        said = render(step.what)
        english += lang != "en" and said == step.what
        lines += wording.wrap(wording.words(said) + (f" [{step.citation}]" if step.citation else ""), "     ",
                              f"  {i}. ")
    if english:
        lines.append(_("Where a note or a step has no translation yet, it is shown in English."))
    return "\n".join(lines)


class _Progress:
    """A carriage-return counter of rows on stderr, once a run has lasted a second, on a terminal."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.active = not _closed(stream) and stream.isatty()
        self.started = time.monotonic()
        self.shown = False

    def update(self, rows: int) -> None:
        if self.active and time.monotonic() - self.started > 1.0:
            self.stream.write("\rkzspeechlaw: " + _("{rows} rows...").format(rows=f"{rows:,}".replace(",", " ")))
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()


def _register_stream(path: str, stack: contextlib.ExitStack) -> tuple[IO[bytes], list[os.stat_result]]:
    """The register's bytes, and what it is on disk (so that no output is written onto it)."""
    if path == "-":
        raw = getattr(sys.stdin, "buffer", None)
        if _closed(sys.stdin) or raw is None:
            raise InvalidIncident("file", "-", N_("an open standard input (it is closed)"))
        return raw, _regular_file_stat(raw)
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
    except OSError as error:
        raise InvalidIncident("file", path, Message("a readable register file ({reason})",
                                                    reason=error.strerror or "")) from None
    return handle, _regular_file_stat(handle)


def _closed(stream: IO[Any] | None) -> bool:
    """True for a standard stream that is closed: ``None`` (closed when the program started) or
    closed since."""
    return stream is None or bool(getattr(stream, "closed", False))


def _regular_file_stat(stream: IO[Any]) -> list[os.stat_result]:
    """``[os.fstat(stream)]`` where the stream is a regular file, else ``[]``."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return []
    return [info] if stat.S_ISREG(info.st_mode) else []


def _batch(args: argparse.Namespace) -> str | dict[str, Any] | None:
    """Assess a register: JSON Lines records (or, with --summary, the tally)."""
    from kzspeechlaw import outfile
    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers import reading as register_mod

    fmt = args.format or (None if args.file == "-" else register_mod.format_of(args.file))
    if fmt is None and args.file != "-":
        raise InvalidIncident("file", args.file, N_("a .csv, .jsonl or .xlsx register, or --format csv|jsonl|xlsx"))
    summary = args.command == "tally" or args.summary
    wanted = "none" if summary and args.output is None else "full" if args.full else "brief"
    tally = batch.Tally()
    progress = _Progress(sys.stderr)
    with contextlib.ExitStack() as stack:
        source, inputs = _register_stream(args.file, stack)
        register = register_mod.read_register(source, fmt, args.encoding)
        write: Callable[[bytes], Any] | None = None  # records arrive as UTF-8 JSON Lines, written as they are
        if args.output is not None and wanted != "none":
            outfile.check_target(args.output, inputs)  # the input is named first, whatever its name
            if register_mod.format_of(args.output) not in (None, "jsonl"):
                raise OutputError(args.output, N_("a JSON Lines file name (.jsonl): the records are JSON Lines"))
            write = stack.enter_context(outfile.replacing(args.output, inputs)).write
        elif wanted != "none":
            write = _stdout_writer(inputs)
        try:
            for chunk in batch.run(register, args.decided_on, output=wanted,
                                   workers=args.workers or batch.usable_cpus(),
                                   chunk_size=args.chunk_size or batch.CHUNK_SIZE):
                with _uninterrupted():  # a chunk is written and counted whole, or not at all
                    if write is not None:
                        write(chunk.output)
                    tally.merge(chunk.tally)
                progress.update(tally.rows)
            if args.output is None and sys.stdout is not None:
                sys.stdout.flush()
        except BrokenPipeError:
            _reader_gone()
            return None
        except KeyboardInterrupt:
            progress.done()
            where = _("{path} left as it was").format(path=args.output) if (
                args.output is not None and wanted != "none") else _(
                "the records of the first {rows} rows written, each whole").format(rows=tally.rows) if (
                wanted != "none") else _("no tally")
            said = _("interrupted after {rows} rows ({where})").format(rows=tally.rows, where=where)
            raise Interrupted(said) from None
        except OSError as error:
            if args.output is None:
                _reader_gone()
            raise OutputError(args.output or "standard output", Message("a writable file ({reason})",
                                                                        reason=error.strerror or "")) from None
    progress.done()
    _say("kzspeechlaw: " + _("{rows} rows: {succeeded} assessed, {failed} failed").format(
        rows=tally.rows, succeeded=tally.succeeded, failed=tally.failed))
    if summary:
        return tally.to_dict() if args.json else tally.render()
    return None


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Hold an interrupt (Ctrl-C) until the block is done, where the platform allows it."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Interrupted(Exception):
    """A run stopped by the user (Ctrl-C): the message says how far it got."""


def _stdout_writer(inputs: list[os.stat_result]) -> Callable[[bytes], Any]:
    """What writes records to standard output, refused where it is closed or is the register."""
    if _closed(sys.stdout):
        raise OutputError("standard output", N_("an open stream (it is closed)"))
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # a text-only stdout (e.g. captured): decode into it
        return lambda data: sys.stdout.write(data.decode("utf-8"))
    if any(os.path.samestat(info, other) for info in _regular_file_stat(raw) for other in inputs):
        raise OutputError("standard output", N_("a file other than the register (it would be overwritten)"))
    sys.stdout.flush()
    return raw.write  # type: ignore[no-any-return]


def _say(line: str) -> None:
    """One line on stderr, where there is one."""
    if not _closed(sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr)


def _reader_gone() -> None:
    """Stop writing quietly, as Unix tools do, when the reader of stdout has gone (e.g. ``head``)
    or it cannot take more: what is left in its buffer goes to the null device at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
        return
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no descriptor to redirect (e.g. captured)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        said = _("expected a whole number of at least 1, got {value}").format(value=repr(text))
        raise argparse.ArgumentTypeError(said)
    return int(text)


def _serve(args: argparse.Namespace) -> None:
    """Serve the page and the API until interrupted (the web modules are imported only here)."""
    from kzspeechlaw import web

    web.serve(args.host, args.port)


def _add_register_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=_("register of incidents: a .csv (delimiter , ; or tab), .jsonl or .xlsx "
                                       "file, or - for stdin"))
    parser.add_argument("--format", choices=_FORMATS, help=_("register format (default: by extension)"))
    parser.add_argument("--encoding", choices=_ENCODINGS,
                        help=_("the register's encoding (default: UTF-8, or Windows-1251 where it is not UTF-8)"))
    parser.add_argument("--decided-on", dest="decided_on", type=_date,
                        help=_("decision date for rows without a decided_on of their own"))
    parser.add_argument("--workers", type=_positive,  # default: batch.usable_cpus(), when the command runs
                        help=_("processes sharing a long register (default: the usable CPUs)"))
    parser.add_argument("--chunk-size", dest="chunk_size", type=_positive,  # default: batch.CHUNK_SIZE
                        help=argparse.SUPPRESS)


def _values(enum_type: type[enum.StrEnum], default: enum.StrEnum | None = None) -> str:
    """The vocabulary's values of a field, for its help (the default marked)."""
    return ", ".join(m.value + (" " + _("(default)") if m is default else "") for m in enum_type)


def _add_incident_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--file", help=_("a JSON file with the incident's fields"))
    parser.add_argument("--act-date", dest="act_date", help=_("date of the speech act, YYYY-MM-DD or DD.MM.YYYY"))
    parser.add_argument("--conduct", help=_("what was said or done: {values}")
                                          .format(values=_values(vocabulary.Conduct)))
    parser.add_argument("--channel", help=_("how it was made known: {values}")
                                          .format(values=_values(vocabulary.Channel)))
    parser.add_argument("--target", help=_("who it was about: {values}")
                                         .format(values=_values(vocabulary.Target, vocabulary.Target.PERSON)))
    parser.add_argument("--allegation", help=_("slander only, what it accused of: {values}")
                                             .format(values=_values(vocabulary.Allegation)))
    parser.add_argument("--discord", action="append",
                        help=_("incitement only, the kind of discord (repeatable): {values}")
                             .format(values=_values(vocabulary.Discord)))
    parser.add_argument("--circumstance", action="append",
                        help=_("a circumstance of the act (repeatable): {values}")
                             .format(values=_values(vocabulary.Circumstance)))
    parser.add_argument("--offender",
                        help=_("who acted: {values}")
                             .format(values=_values(vocabulary.Offender, vocabulary.Offender.NATURAL_PERSON)))
    parser.add_argument("--proceedings-date", dest="proceedings_date", help=_("day the case was opened"))
    parser.add_argument("--referred-on", dest="referred_on", help=_("day an administrative case was sent to court"))
    parser.add_argument("--evaded-from", dest="evaded_from", help=_("day the person began to evade the investigation"))
    parser.add_argument("--evaded-until", dest="evaded_until",
                        help=_("day of the arrest or surrender ending the evasion"))
    parser.add_argument("--in-connection-with-duties", dest="in_connection_with_duties", choices=("yes", "no"),
                        help=_("the act was connected with the target's duties (special articles); "
                               "default: not stated"))
    parser.add_argument("--knowing-and-dangerous", dest="knowing_and_dangerous", choices=("yes", "no"),
                        help=_("false information known to be false and creating a danger (CC Art. 274); "
                          "default: not stated"))
    for name, what in (("mitigating", _("yes, no, or kinds of CC Art. 53 (comma-separated)")),
                       ("aggravating", _("yes, no, or kinds of CC Art. 54")),
                       ("stage", "completed, attempt, preparation"),
                       ("procedure", "ordinary, accelerated, plea_agreement, order"),
                       ("reconciled", _("yes or no")), ("harm_compensated", _("yes or no")),
                       ("complaint", _("yes or no")),
                       ("aggregate", _("other offences decided together: none, or the gravest category among them "
                                       "(CC Art. 58; administrative_offence: AOC Art. 58)")),
                       ("pregnant", _("yes or no (deferral, CC Art. 74)")),
                       ("young_children", _("yes or no: a woman with children under 14, or a man raising them "
                                            "alone (CC Art. 74)"))):
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name,
                            help=_("sentencing fact: {what}").format(what=what))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools), its help in the current language."""
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help=_("machine-readable JSON output"))
    common.add_argument("--lang", choices=i18n.LANGS, help=_("language of the text output (en, ru, kk; default: "
                                                             "KZSPEECHLAW_LANG, else the locale, else en)"))
    parser = _Parser(
        prog="kzspeechlaw",
        description=_("Kazakhstan's speech-related law by date: provisions, sanctions, MCI."),
        epilog=_("Examples: {examples}. 'kzspeechlaw COMMAND --help' tells more.").format(
            examples="kzspeechlaw show 'CC2014 130(2)' --on 2019-01-01; kzspeechlaw assess --act-date 15.03.2019 "
            "--conduct slander --channel telecom_network --decided-on 01.12.2019; kzspeechlaw batch register.xlsx "
            "--decided-on 2019-12-01"),
    )
    parser.add_argument("--version", action="version", version=f"kzspeechlaw {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    show = sub.add_parser("show", parents=[common], help=_("the version of a part in force on a date"))
    show.add_argument("ref", help=_("citation, e.g. 'CC2014 130(3)' or 'ч. 3 ст. 130 УК РК'"))
    show.add_argument("--on", type=_date, required=True, help=_("date, YYYY-MM-DD"))
    show.set_defaults(handler=_show)

    hist = sub.add_parser("history", parents=[common], help=_("every version of a part, oldest first"))
    hist.add_argument("ref")
    hist.set_defaults(handler=_history)

    mci_cmd = sub.add_parser("mci", parents=[common], help=_("the MCI in tenge on a date"))
    mci_cmd.add_argument("date", type=_date)
    mci_cmd.add_argument("--purpose", choices=_PURPOSES, default="fines")
    mci_cmd.set_defaults(handler=_mci)

    cmp_cmd = sub.add_parser("compare", parents=[common], help=_("what changed between two dates"))
    cmp_cmd.add_argument("ref")
    cmp_cmd.add_argument("before", type=_date)
    cmp_cmd.add_argument("after", type=_date)
    cmp_cmd.set_defaults(handler=_compare)

    cls = sub.add_parser("classify", parents=[common], help=_("the provisions an incident falls under"))
    _add_incident_arguments(cls)
    cls.add_argument("--on", type=_date, help=_("date of the law to use (default: the act date)"))
    cls.set_defaults(handler=_classify)

    ass = sub.add_parser("assess", parents=[common], help=_("the legal consequence decided on a date"))
    _add_incident_arguments(ass)
    ass.add_argument("--decided-on", dest="decided_on", type=_date, help=_("decision date, YYYY-MM-DD"))
    ass.set_defaults(handler=_assess)

    chk = sub.add_parser("check-sentence", parents=[common],
        help=_("whether a sentence was within what the law allowed"))
    _add_incident_arguments(chk)
    chk.add_argument("--decided-on", dest="decided_on", type=_date, help=_("decision date, YYYY-MM-DD"))
    chk.add_argument("--sentence", required=True, help=_('kind and amount, e.g. "restriction_of_freedom 1 year"'))
    chk.set_defaults(handler=_check_sentence)

    cov = sub.add_parser("coverage", parents=[common], help=_("every modelled part and version"))
    cov.set_defaults(handler=_coverage)

    line = sub.add_parser("timeline", parents=[common], help=_("a part's versions and sanctions over time"))
    line.add_argument("ref", help=_("citation; a repealed part continues with its successor"))
    line.add_argument("--plot", metavar="FILE.png", help=_("also draw the timeline as a PNG (the 'plot' extra)"))
    line.set_defaults(handler=_timeline)
    bat = sub.add_parser("batch", parents=[common], help=_("assess a register of incidents (JSON Lines out)"),
                         description=_("One JSON record per row, in order: id, outcome, the part the act fell "
                                       "under and the governing part, category, MCI date and fine range (--full: "
                                       "the whole assessment), or the error."))
    _add_register_arguments(bat)
    bat.add_argument("--output", help=_("write the records to this file (default: stdout)"))
    bat.add_argument("--full", action="store_true",
                     help=_("whole assessments: matches, sanctions, limitation, notes, trace and the governing "
                       "version with its statute text (about 6 KB a row)"))
    bat.add_argument("--summary", action="store_true",
                     help=_("print the tally (records only to --output, if given)"))
    bat.set_defaults(handler=_batch, output=None)

    web = sub.add_parser("serve", help=_("the web page and JSON API (the 'web' extra)"))
    web.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default: 127.0.0.1)"))
    web.add_argument("--port", type=_positive, default=8000, help=_("port (default: 8000)"))
    web.set_defaults(handler=_serve)

    tal = sub.add_parser("tally", parents=[common], help=_("counts of a register: a monthly monitoring report"))
    _add_register_arguments(tal)
    tal.set_defaults(handler=_batch, output=None, full=False, summary=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0 done, 2 bad input or an output that cannot
    be written (one line on stderr), 130 interrupted, 1 a fault of the program itself (one line;
    ``KZSPEECHLAW_DEBUG=1`` shows the traceback)."""
    try:
        return _main(argv)
    except (KeyboardInterrupt, Interrupted) as stop:
        _say(f"kzspeechlaw: {stop}" if isinstance(stop, Interrupted) else "kzspeechlaw: " + _("interrupted"))
        return 130
    except Exception as error:
        if os.environ.get("KZSPEECHLAW_DEBUG"):
            raise
        from kzspeechlaw.registers import batch

        _say(f"kzspeechlaw: {batch.internal_error(error)}")
        return 1


def _language(argv: Sequence[str]) -> str:
    """The language of the output: the last ``--lang`` given, else the environment's choice (a bad
    ``--lang`` is reported by the parser, in the environment's language)."""
    wanted = None
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            wanted = argv[n + 1]
        elif arg.startswith("--lang="):
            wanted = arg.partition("=")[2]
        elif arg == "--":
            break
    return i18n.choose(wanted if wanted in i18n.LANGS else None)


def _main(argv: Sequence[str] | None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    with i18n.use(_language(words)) as lang:
        return _run(argv, lang)


def _run(argv: Sequence[str] | None, lang: str) -> int:
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # shell completion, where the `completion` extra is installed
        with contextlib.suppress(ImportError):
            import argcomplete

            argcomplete.autocomplete(parser)
    if not (sys.argv[1:] if argv is None else argv):  # a bare call: what the commands are
        if not _closed(sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2, already printed)
        return int(stop.code or 0)
    if getattr(args, "lang", None) is None:
        args.lang = lang
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StaleDataWarning)
            result = args.handler(args)
            if result is not None:
                import json

                _emit(result if isinstance(result, str) else json.dumps(result, ensure_ascii=False, indent=2))
    except LawError as error:
        _say("kzspeechlaw: " + _("error: {message}").format(message=message(error)))
        return 2
    for said in dict.fromkeys(message(w.message) if isinstance(w.message, Warning) else str(w.message)
                              for w in caught):
        _say("kzspeechlaw: " + _("warning: {message}").format(message=said))
    return 0


def _emit(text: str) -> None:
    """Print a command's output; a reader that has gone is no error, a full or closed stdout is."""
    if _closed(sys.stdout):
        raise OutputError("standard output", N_("an open stream (it is closed)"))
    try:
        # A lone surrogate (from input quoted back) is written as its escape, not refused.
        print(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    except OSError as error:
        _reader_gone()
        raise OutputError("standard output", Message("a writable stream ({reason})",
                                                     reason=error.strerror or "")) from None
