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

from kzspeechlaw import __version__
from kzspeechlaw.errors import InvalidIncident, LawError, OutOfCoverage, OutputError, StaleDataWarning
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
        raise argparse.ArgumentTypeError(str(error)) from None


def _title(p: Provision, lang: str) -> str:
    return p.title[lang]


def _sanction_lines(p: Provision, on: dt.date | None, indent: str = "  ") -> list[str]:
    from kzspeechlaw import export
    from kzspeechlaw.units import format_quantity

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
    import datetime as dt

    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import monthly_index as mci
    from kzspeechlaw.units import format_quantity

    until = f"to {p.valid_to - dt.timedelta(days=1)}" if p.valid_to else "(still in force)"
    lines = [
        f"{p.ref}  {_title(p, lang)}",
        f"in force from {p.valid_from} {until}; given by Law {p.act}"
        + (f"; repealed by Law {p.repealed_by}" if p.repealed_by else ""),
        f"category: {p.category.value.replace('_', ' ')}"
        + ("; extremist crime (no limitation period)" if p.extremist else ""),
    ]
    if on is not None:
        try:
            lines.append(f"sanctions (alternatives), MCI on {on} = {format_quantity(mci.mci_amount(on))}:")
        except OutOfCoverage as error:
            lines.append(f"sanctions (alternatives); no tenge amounts: {error}")
    else:
        lines.append("sanctions (alternatives):")
    lines += _sanction_lines(p, on)
    if p.successor:
        lines.append(f"successor: {p.successor}")
    lines.append(f"source: {p.source} ({'verified' if p.verified else 'UNVERIFIED'})")
    if p.notes:  # without the provenance of the reading (kept in --json and coverage)
        lines.append("notes:")
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
    return (
        f"1 MCI on {args.date} = {value.kzt:,} KZT".replace(",", " ")
        + f" (from {value.valid_from}; Law {value.act}, {value.article}; {value.source})"
    )


def _compare(args: argparse.Namespace) -> str | dict[str, Any]:
    import datetime as dt

    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import provisions

    change = provisions.compare(args.ref, args.before, args.after)
    if args.json:
        return change.to_dict()
    if not change.differences:
        return f"{change.ref}: no change between {change.before_date} and {change.after_date}"
    old, new = change.before, change.after
    lines = [f"{change.ref}: {change.before_date} -> {change.after_date}"]
    if old is not None and new is None and old.valid_to is not None:
        ended = f"  no longer in force: last day {old.valid_to - dt.timedelta(days=1)}"
        ended += f"; repealed by Law {old.repealed_by}" if old.repealed_by else ""
        ended += f"; the conduct moved to {old.successor}" if old.successor else "; no successor in the data"
        lines.append(ended)
    elif new is not None and new is not old:
        lines.append(f"  {'in force' if old is None else 'new version'} from {new.valid_from}, given by Law {new.act}")
    for d in change.differences:
        if d.field == "in force":
            continue
        if d.before and d.after and (d.field in ("text", "elements") or d.field.startswith("title.")):
            lines.append(f"  {d.field} (words removed [-...-], added {{+...+}}):")
            lines += wording.wrap(wording.word_diff(d.before, d.after), "    ")
        else:
            lines.append(f"  {d.field}:\n    before: {d.before or '-'}\n    after:  {d.after or '-'}")
    return "\n".join(lines)


def _coverage(args: argparse.Namespace) -> str | dict[str, Any]:
    import datetime as dt

    from kzspeechlaw.law import coverage_report as coverage_mod

    cov = coverage_mod.coverage()
    if args.json:
        return cov.to_dict()
    lines = [
        f"provisions from {cov.provisions_from}; statute texts current to {cov.current_to}; "
        f"MCI {cov.mci_from} to {cov.mci_until}; "
        f"{sum(v.verified and coverage_mod.dates_read(v) for v in cov.versions)}/{len(cov.versions)} versions "
        f"verified (text and dates read; {sum(v.verified for v in cov.versions)} with the text read)",
        f"{'part':<20} {'from':<10}  {'to (last day)':<13}  {'verified':<8}  source",
    ]
    for v in cov.versions:
        to = str(v.valid_to - dt.timedelta(days=1)) if v.valid_to else "open"
        lines.append(
            f"{v.ref!s:<20} {v.valid_from!s:<10}  {to:<13}  "
            f"{('yes' if coverage_mod.dates_read(v) else 'text') if v.verified else 'NO':<8}  {v.source}"
        )
    lines.append("statute texts current to, by code:")
    lines += [f"  {c.id:<8} {c.current_to}  {c.edition}" for c in cov.codes]
    lines.append("scope register (speech articles; not modelled: why):")
    for e in cov.scope:
        period = f" [{e.valid_from or ''}..{e.valid_to or ''})" if e.valid_from or e.valid_to else ""
        said = "modelled" if e.status == "modelled" else f"NOT MODELLED{period}: {e.reason}"
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
    return table + (f"\nchart written to {written}" if written is not None else "")


def _incident(args: argparse.Namespace) -> Incident:
    from kzspeechlaw.dates import user_date
    from kzspeechlaw.reasoning.incident import Incident
    from kzspeechlaw.registers import reading as register_mod

    if args.file is not None:
        try:
            with open(args.file, "rb") as handle:
                raw = handle.read(register_mod.MAX_DOCUMENT_BYTES + 1)
        except OSError as error:
            raise InvalidIncident("file", args.file, f"a readable JSON incident file ({error.strerror})") from None
        data = register_mod.decode(
            "jsonl", (), register_mod.decode_document(raw, args.file).replace("\n", " ").replace("\r", " ")
        )
        if isinstance(data, register_mod.Unreadable):
            raise InvalidIncident("file", args.file, f"a JSON object with the incident's fields ({data.message})")
        day = data.pop("decided_on", None)
        if args.decided_on is None and day is not None:
            if not isinstance(day, str):
                raise InvalidIncident("decided_on", day, "a date (YYYY-MM-DD)")
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
        return f"No modelled provision covers these facts on {args.on or incident.act_date}."
    lines = []
    for m in matches:
        lines.append(f"{m.provision.ref}  {m.provision.title[args.lang]}")
        for r in m.reasons:
            lines += wording.wrap(wording.words(r), "    ", "  - ")
        for r, why in m.set_aside:
            lines += wording.wrap(wording.words(f"set aside {r}: {why}"), "    ", "  - ")
        if m.undecided_by:
            lines.append(f"  ! applies only if {'; '.join(DECIDING[f] for f in m.undecided_by)}: the facts do not say")
    return "\n".join(lines)


def _assess(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw.reasoning.assessment import assess

    incident = _incident(args)
    if args.decided_on is None:
        raise InvalidIncident("decided_on", None, "a decision date (--decided-on YYYY-MM-DD)")
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
        raise InvalidIncident("decided_on", None, "a decision date (--decided-on YYYY-MM-DD)")
    kind, _, size = args.sentence.strip().partition(" ")
    a = assess(incident, args.decided_on)
    result = a.check(kind, amount(size))
    if args.json:
        return {**result.to_dict(), "governing": str(a.governing.ref) if a.governing else None,
                "releases": [r.to_dict() for r in a.releases]}
    lines = [f"{args.sentence} under {a.governing.ref if a.governing else 'no provision'}, decided {a.decided_on}: "
             f"{result.verdict.replace('_', ' ').upper()}" + ("" if result.certain else " (not certain)")]
    lines += [f"  rule: {r}" for r in result.rules] + [f"  - {r}" for r in result.reasons]
    lines += [f"  depends on: {d}" for d in result.depends_on]
    lines += [f"Release {r.route.replace('_', ' ')}: {r.status}" + (f" [{r.article}]" if r.article else "")
              for r in a.releases]
    return "\n".join(lines)


def render_assessment(a: Assessment, lang: str = "en") -> str:
    """A readable memo of an assessment."""
    from kzspeechlaw.cli import wording
    from kzspeechlaw.units import format_quantity

    inc = a.incident
    lines = [
        f"Act of {inc.act_date} ({wording.words(inc.conduct.value)}"
        + (f", {wording.words(inc.channel.value)}" if inc.channel else "")
        + f", about a {wording.words(inc.target.value)}) decided on {a.decided_on}",
        f"Outcome: {a.outcome.replace('_', ' ').upper()}",
    ]
    if a.depends_on:  # the outcome is the facts stated; the notes give each answer
        lines.append(f"Depends on (not stated): {', '.join(wording.words(f) for f in a.depends_on)}; see the notes")
    if a.governing is not None:
        g = a.governing
        lines.append(f"Governing: {g.ref} {g.title[lang]} (version from {g.valid_from}, Law {g.act})")
        lines.append(f"Category: {g.category.value.replace('_', ' ')}")
    if a.sanctions:
        lines.append(f"Sanctions (alternatives; MCI of {a.mci_date}):")
        for s in a.sanctions:
            lines.append(f"  - {s.describe()}")
            if s.imposable_rules:
                low = format_quantity(s.imposable_minimum) if s.imposable_minimum is not None else "no minimum"
                high = format_quantity(s.imposable_maximum) if s.imposable_maximum is not None else "no maximum"
                lines += wording.wrap(f"imposable on these facts: {low} to {high} ({'; '.join(s.imposable_rules)})",
                                      "      ", "    ")
    if a.governing is not None and a.releases:
        lines.append("Release routes:")
        lines += [f"  - {r.route.replace('_', ' ')}: {r.status}" + (f" [{r.article}]" if r.article else "")
                  for r in a.releases]
    if a.limitation is not None:
        lim = a.limitation
        lines.append(
            "Limitation: none" if lim.period is None
            else f"Limitation: {format_quantity(lim.period)}, expires {lim.expires} ({lim.status}"
            + (f" unless {lim.unless})" if lim.unless else ")")
        )
    if a.notes:
        lines.append("Notes:")
        for n in a.notes:
            lines += wording.wrap(wording.words(wording.plain_note(n)), "    ", "  - ")
    lines.append("Trace:")
    for i, step in enumerate(a.trace, 1):
        what = wording.words(step.what) + (f" [{step.citation}]" if step.citation else "")
        lines += wording.wrap(what, "     ", f"  {i}. ")
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
            self.stream.write(f"\rkzspeechlaw: {rows:,} rows...".replace(",", " "))
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
            raise InvalidIncident("file", "-", "an open standard input (it is closed)")
        return raw, _regular_file_stat(raw)
    try:
        handle = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - closed by the stack
    except OSError as error:
        raise InvalidIncident("file", path, f"a readable register file ({error.strerror})") from None
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
        raise InvalidIncident("file", args.file, "a .csv, .jsonl or .xlsx register, or --format csv|jsonl|xlsx")
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
                raise OutputError(args.output, "a JSON Lines file name (.jsonl): the records are JSON Lines")
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
            where = f"{args.output} left as it was" if args.output is not None and wanted != "none" else (
                f"the records of the first {tally.rows} rows written, each whole" if wanted != "none" else "no tally")
            raise Interrupted(f"interrupted after {tally.rows} rows ({where})") from None
        except OSError as error:
            if args.output is None:
                _reader_gone()
            raise OutputError(args.output or "standard output", f"a writable file ({error.strerror})") from None
    progress.done()
    _say(f"kzspeechlaw: {tally.rows} rows: {tally.succeeded} assessed, {tally.failed} failed")
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
        raise OutputError("standard output", "an open stream (it is closed)")
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:  # a text-only stdout (e.g. captured): decode into it
        return lambda data: sys.stdout.write(data.decode("utf-8"))
    if any(os.path.samestat(info, other) for info in _regular_file_stat(raw) for other in inputs):
        raise OutputError("standard output", "a file other than the register (it would be overwritten)")
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
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _serve(args: argparse.Namespace) -> None:
    """Serve the page and the API until interrupted (the web modules are imported only here)."""
    from kzspeechlaw import web

    web.serve(args.host, args.port)


def _add_register_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="register of incidents: a .csv (delimiter , ; or tab), .jsonl or .xlsx file, "
                        "or - for stdin")
    parser.add_argument("--format", choices=_FORMATS, help="register format (default: by extension)")
    parser.add_argument("--encoding", choices=_ENCODINGS,
                        help="the register's encoding (default: UTF-8, or Windows-1251 where it is not UTF-8)")
    parser.add_argument("--decided-on", dest="decided_on", type=_date,
                        help="decision date for rows without a decided_on of their own")
    parser.add_argument("--workers", type=_positive,  # default: batch.usable_cpus(), when the command runs
                        help="processes sharing a long register (default: the usable CPUs)")
    parser.add_argument("--chunk-size", dest="chunk_size", type=_positive,  # default: batch.CHUNK_SIZE
                        help=argparse.SUPPRESS)


def _values(enum_type: type[enum.StrEnum], default: enum.StrEnum | None = None) -> str:
    """The vocabulary's values of a field, for its help (the default marked)."""
    return ", ".join(m.value + (" (default)" if m is default else "") for m in enum_type)


def _add_incident_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--file", help="a JSON file with the incident's fields")
    parser.add_argument("--act-date", dest="act_date", help="date of the speech act, YYYY-MM-DD or DD.MM.YYYY")
    parser.add_argument("--conduct", help=f"what was said or done: {_values(vocabulary.Conduct)}")
    parser.add_argument("--channel", help=f"how it was made known: {_values(vocabulary.Channel)}")
    parser.add_argument("--target", help=f"who it was about: {_values(vocabulary.Target, vocabulary.Target.PERSON)}")
    parser.add_argument("--allegation", help=f"slander only, what it accused of: {_values(vocabulary.Allegation)}")
    parser.add_argument("--discord", action="append",
                        help=f"incitement only, the kind of discord (repeatable): {_values(vocabulary.Discord)}")
    parser.add_argument("--circumstance", action="append",
                        help=f"a circumstance of the act (repeatable): {_values(vocabulary.Circumstance)}")
    parser.add_argument("--offender",
                        help=f"who acted: {_values(vocabulary.Offender, vocabulary.Offender.NATURAL_PERSON)}")
    parser.add_argument("--proceedings-date", dest="proceedings_date", help="day the case was opened")
    parser.add_argument("--referred-on", dest="referred_on", help="day an administrative case was sent to court")
    parser.add_argument("--evaded-from", dest="evaded_from", help="day the person began to evade the investigation")
    parser.add_argument("--evaded-until", dest="evaded_until", help="day of the arrest or surrender ending the evasion")
    parser.add_argument("--in-connection-with-duties", dest="in_connection_with_duties", choices=("yes", "no"),
                        help="the act was connected with the target's duties (special articles); default: not stated")
    parser.add_argument("--knowing-and-dangerous", dest="knowing_and_dangerous", choices=("yes", "no"),
                        help="false information known to be false and creating a danger (CC Art. 274); "
                        "default: not stated")
    for name, what in (("mitigating", "yes, no, or kinds of CC Art. 53 (comma-separated)"),
                       ("aggravating", "yes, no, or kinds of CC Art. 54"), ("stage", "completed, attempt, preparation"),
                       ("procedure", "ordinary, accelerated, plea_agreement, order"),
                       ("reconciled", "yes or no"), ("harm_compensated", "yes or no"), ("complaint", "yes or no"),
                       ("aggregate", "other offences decided together: none, or the gravest category among them "
                        "(CC Art. 58; administrative_offence: AOC Art. 58)"),
                       ("pregnant", "yes or no (deferral, CC Art. 74)"),
                       ("young_children", "yes or no: a woman with children under 14, or a man raising them alone "
                        "(CC Art. 74)")):
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name, help=f"sentencing fact: {what}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools)."""
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable JSON output")
    common.add_argument("--lang", choices=("en", "ru", "kk"), default="en", help="language of titles")
    parser = _Parser(
        prog="kzspeechlaw",
        description="Kazakhstan's speech-related law by date: provisions, sanctions, MCI.",
        epilog="Examples: kzspeechlaw show 'CC2014 130(2)' --on 2019-01-01; kzspeechlaw assess --act-date "
        "15.03.2019 --conduct slander --channel telecom_network --decided-on 01.12.2019; kzspeechlaw "
        "batch register.xlsx --decided-on 2019-12-01. 'kzspeechlaw COMMAND --help' tells more.",
    )
    parser.add_argument("--version", action="version", version=f"kzspeechlaw {__version__}")
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
    mci_cmd.add_argument("--purpose", choices=_PURPOSES, default="fines")
    mci_cmd.set_defaults(handler=_mci)

    cmp_cmd = sub.add_parser("compare", parents=[common], help="what changed between two dates")
    cmp_cmd.add_argument("ref")
    cmp_cmd.add_argument("before", type=_date)
    cmp_cmd.add_argument("after", type=_date)
    cmp_cmd.set_defaults(handler=_compare)

    cls = sub.add_parser("classify", parents=[common], help="the provisions an incident falls under")
    _add_incident_arguments(cls)
    cls.add_argument("--on", type=_date, help="date of the law to use (default: the act date)")
    cls.set_defaults(handler=_classify)

    ass = sub.add_parser("assess", parents=[common], help="the legal consequence decided on a date")
    _add_incident_arguments(ass)
    ass.add_argument("--decided-on", dest="decided_on", type=_date, help="decision date, YYYY-MM-DD")
    ass.set_defaults(handler=_assess)

    chk = sub.add_parser("check-sentence", parents=[common], help="whether a sentence was within what the law allowed")
    _add_incident_arguments(chk)
    chk.add_argument("--decided-on", dest="decided_on", type=_date, help="decision date, YYYY-MM-DD")
    chk.add_argument("--sentence", required=True, help='kind and amount, e.g. "restriction_of_freedom 1 year"')
    chk.set_defaults(handler=_check_sentence)

    cov = sub.add_parser("coverage", parents=[common], help="every modelled part and version")
    cov.set_defaults(handler=_coverage)

    line = sub.add_parser("timeline", parents=[common], help="a part's versions and sanctions over time")
    line.add_argument("ref", help="citation; a repealed part continues with its successor")
    line.add_argument("--plot", metavar="FILE.png", help="also draw the timeline as a PNG (the 'plot' extra)")
    line.set_defaults(handler=_timeline)
    bat = sub.add_parser("batch", parents=[common], help="assess a register of incidents (JSON Lines out)",
                         description="One JSON record per row, in order: id, outcome, the part the act fell "
                         "under and the governing part, category, MCI date and fine range (--full: the "
                         "whole assessment), or the error.")
    _add_register_arguments(bat)
    bat.add_argument("--output", help="write the records to this file (default: stdout)")
    bat.add_argument("--full", action="store_true",
                     help="whole assessments: matches, sanctions, limitation, notes, trace and the governing "
                     "version with its statute text (about 6 KB a row)")
    bat.add_argument("--summary", action="store_true",
                     help="print the tally (records only to --output, if given)")
    bat.set_defaults(handler=_batch, output=None)

    web = sub.add_parser("serve", help="the web page and JSON API (the 'web' extra)")
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    web.add_argument("--port", type=_positive, default=8000, help="port (default: 8000)")
    web.set_defaults(handler=_serve)

    tal = sub.add_parser("tally", parents=[common], help="counts of a register: a monthly monitoring report")
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
        _say(f"kzspeechlaw: {stop}" if isinstance(stop, Interrupted) else "kzspeechlaw: interrupted")
        return 130
    except Exception as error:
        if os.environ.get("KZSPEECHLAW_DEBUG"):
            raise
        from kzspeechlaw.registers import batch

        _say(f"kzspeechlaw: {batch.internal_error(error)}")
        return 1


def _main(argv: Sequence[str] | None) -> int:
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
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StaleDataWarning)
            result = args.handler(args)
            if result is not None:
                import json

                _emit(result if isinstance(result, str) else json.dumps(result, ensure_ascii=False, indent=2))
    except LawError as error:
        _say(f"kzspeechlaw: error: {error}")
        return 2
    for message in dict.fromkeys(str(w.message) for w in caught):
        _say(f"kzspeechlaw: warning: {message}")
    return 0


def _emit(text: str) -> None:
    """Print a command's output; a reader that has gone is no error, a full or closed stdout is."""
    if _closed(sys.stdout):
        raise OutputError("standard output", "an open stream (it is closed)")
    try:
        # A lone surrogate (from input quoted back) is written as its escape, not refused.
        print(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    except OSError as error:
        _reader_gone()
        raise OutputError("standard output", f"a writable stream ({error.strerror})") from None
