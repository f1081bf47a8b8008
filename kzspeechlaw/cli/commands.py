"""The ``kzspeechlaw`` command line (also ``python -m kzspeechlaw``): the command handlers and ``main``.

Exit status 0 on success, 2 on bad input with a one-line message on stderr. A bare
``kzspeechlaw`` prints the help (its commands) on stderr and exits 2, as any other call without a
command does; ``--help`` prints it on stdout and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from kzspeechlaw import i18n
from kzspeechlaw.cli.parser import SENTENCING, build_parser
from kzspeechlaw.i18n import N_, Message, local_date, render
from kzspeechlaw.i18n import gettext as _

if TYPE_CHECKING:
    from kzspeechlaw.law.model import Provision
    from kzspeechlaw.reasoning.incident import Incident

# Each command imports what it needs when it runs, the command line's own modules included:
# `kzspeechlaw --help` imports the parser and the language module alone (no data, no
# reasoning, no renderer), and `show` no pint.


def _show(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw.law import provisions

    p = provisions.provision(args.ref, args.on)
    if args.json:
        from kzspeechlaw import export

        out = export.provision_dict(p, mci_date=args.on)
        out["on"] = args.on.isoformat()
        out["schema"] = export.SCHEMA
        return out
    from kzspeechlaw.cli.render import render_provision

    return render_provision(p, args.lang, args.on)


def _history(args: argparse.Namespace) -> str | list[Any]:
    from kzspeechlaw import export
    from kzspeechlaw.cli.render import render_provision
    from kzspeechlaw.law import provisions

    versions = provisions.history(args.ref)
    if args.json:
        return [export.provision_dict(p) for p in versions]
    return "\n\n".join(render_provision(p, args.lang, None) for p in versions)


def _mci(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw.law import monthly_index as mci

    value = mci.mci_value(args.date, args.purpose)
    if args.json:
        return value.to_dict(args.date, args.purpose)
    return _("1 MCI on {day} = {value} (from {start}; Law {act}, {article}; {source})").format(
        day=local_date(args.date), value=i18n.amount(value.kzt, "KZT"), start=local_date(value.valid_from),
        act=value.act, article=value.article, source=value.source)


def _compare(args: argparse.Namespace) -> str | dict[str, Any]:
    import datetime as dt

    from kzspeechlaw import terms
    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import provisions
    from kzspeechlaw.law.loader import law
    from kzspeechlaw.timelines import ended_by, moved_to

    change = provisions.compare(args.ref, args.before, args.after)
    if args.json:
        return change.to_dict()
    if not change.differences and change.before is None:  # never in force from one date to the other
        return _("{ref}: not in force on {before}, nor on {after}, nor in between").format(
            ref=change.ref, before=local_date(change.before_date), after=local_date(change.after_date))
    if not change.differences:
        return _("{ref}: no change between {before} and {after}").format(
            ref=change.ref, before=local_date(change.before_date), after=local_date(change.after_date))
    old, new = change.before, change.after
    lines = [f"{change.ref}: {local_date(change.before_date)} -> {local_date(change.after_date)}"]
    if old is not None and new is None and old.valid_to is not None:
        ended = (_("no longer in force as modelled: last day {day}") if old.narrowed  # the part goes on, narrowed
                 else _("no longer in force: last day {day}")).format(
                     day=local_date(old.valid_to - dt.timedelta(days=1)))
        if not law().bounds_read(old)[1]:
            ended = _("{text} (a date inferred, not read)").format(text=ended)
        if old.repealed_by:
            ended = ended_by(ended, old)
        replaced = old.valid_to == law().codes[old.ref.code].valid_to  # the whole code, not the part
        ended = (moved_to(ended, old) if old.successor
                 else _("{text}; its rule continues in {ref}").format(text=ended, ref=old.continued_by)
                 if old.continued_by
                 else _("{text}; the code was replaced: an earlier act is assessed under the part of the new code "
                        "its facts fall under, where that law is milder (classify, assess)").format(text=ended)
                 if replaced else _("{text}; no successor in the data").format(text=ended))
        lines.append("  " + ended)
    elif new is not None and new is not old:
        said = (_("in force from {day}, given by Law {act}") if old is None
                else _("new version from {day}, given by Law {act}"))
        said = said.format(day=local_date(new.valid_from), act=new.act)
        lines.append("  " + (said if law().bounds_read(new)[0] else _("{text} (a date inferred, not read)").format(
            text=said)))
    if len(change.between) > 1:  # the differences below are the sum of several laws' changes
        laws = ", ".join(_("{day} (Law {act})").format(day=local_date(v.valid_from), act=v.act) for v in change.between)
        lines += wording.wrap(_("the differences below were made by successive versions, from: {laws}").format(
            laws=laws), "  ")
    for d in change.differences:
        if d.field == "in force":
            continue
        label = wording.field(d.field)
        if d.field == "version" and new is not None:
            lines += wording.wrap(_(
                "no difference in the title, elements, sanctions or text the data records; {read}").format(
                read=_("the new version's text was read") if new.verified
                else _("the new version's text was not read, so what the law changed is not known")), "  ")
        if d.field == "version" and old is not None and new is not None:
            lines += [f"  {label}:", "    " + _("before: {value}").format(value=_span(old)),
                      "    " + _("after:  {value}").format(value=_span(new))]
            continue
        if d.field == "in force in between":
            if d is change.differences[0]:
                lines.append("  " + _("in force only in between:"))
                lines += ["    " + _span(v) for v in change.between]
            continue
        if d.field == "category" and d.before and d.after:
            from kzspeechlaw.law.model import Category

            lines.append(f"  {label}:\n    " + _("before: {value}").format(value=i18n.term(Category(d.before)))
                         + "\n    " + _("after:  {value}").format(value=i18n.term(Category(d.after))))
            continue
        if d.before and d.after and (d.field in ("text", "elements") or d.field.startswith("title.")):
            lines.append("  " + _("{field} (words removed [-...-], added {{+...+}}):").format(field=label))
            before, after = (wording.elements(d.before), wording.elements(d.after)) if d.field == "elements" else (
                d.before, d.after)
            lines += wording.wrap(wording.word_diff(before, after), "    ")
        else:
            shown = new or old
            with terms.regime(shown.regime if shown is not None else None):
                lines.append(f"  {label}:\n    " + _("before: {value}").format(value=render(d.before or "-"))
                             + "\n    " + _("after:  {value}").format(value=render(d.after or "-")))
    return "\n".join(lines)


def _span(version: Provision) -> str:
    """A version's days in force and its laws, in the language of the output; its dates marked
    where one of them was computed, not read."""
    import datetime as dt

    from kzspeechlaw.law.loader import law
    from kzspeechlaw.timelines import ended_by

    last = local_date(version.valid_to - dt.timedelta(days=1)) if version.valid_to else _("in force")
    said = _("{start} to {end} (Law {act})").format(start=local_date(version.valid_from), end=last, act=version.act)
    if version.repealed_by:
        said = ended_by(said, version)
    return said if all(law().bounds_read(version)) else _("{text} (dates inferred, not read)").format(text=said)


def _coverage(args: argparse.Namespace) -> str | dict[str, Any]:
    import datetime as dt

    from kzspeechlaw.law import coverage_report as coverage_mod

    cov = coverage_mod.coverage()
    if args.json:
        return cov.to_dict()
    lines = [
        _("provisions from {start}; statute texts current to {current_to}; MCI {mci_from} to {mci_until}; "
          "{verified}/{total} versions verified (text and dates read; {text_read} with the text read)").format(
            start=local_date(cov.provisions_from), current_to=local_date(cov.current_to),
            mci_from=local_date(cov.mci_from), mci_until=local_date(cov.mci_until),
            verified=sum(v.verified and coverage_mod.dates_read(v) for v in cov.versions), total=len(cov.versions),
            text_read=sum(v.verified for v in cov.versions)),
        "{:<20} {:<10}  {:<13}  {:<8}  {}".format(_("part"), _("from"), _("to (last day)"), _("verified"),
                                                  _("source")),
    ]
    for v in cov.versions:
        to = local_date(v.valid_to - dt.timedelta(days=1)) if v.valid_to else _("open")
        checked = (_("yes") if coverage_mod.dates_read(v) else _("text")) if v.verified else _("NO")
        lines.append(f"{v.ref!s:<20} {local_date(v.valid_from):<10}  {to:<13}  {checked:<8}  {v.source}")
    lines.append(_("statute texts current to, by code:"))
    lines += [f"  {c.id:<8} {local_date(c.current_to)}  {c.edition}" for c in cov.codes]
    lines.append(_("scope register (speech articles; not modelled: why):"))
    for e in cov.scope:
        start, end = (local_date(d) if d else "" for d in (e.valid_from, e.valid_to))
        period = f" [{start}..{end})" if e.valid_from or e.valid_to else ""
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
    from kzspeechlaw.errors import InvalidIncident
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
        day = data.pop("decided_on", None)  # classify has no decision date: its document's is set aside, as the web's
        if "decided_on" in vars(args) and args.decided_on is None and day is not None:
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
        **{name: getattr(args, name) for name in SENTENCING},
    }
    return Incident.from_dict({k: v for k, v in facts.items() if v is not None})


def _classify(args: argparse.Namespace) -> str | list[Any] | dict[str, Any]:
    import attrs

    from kzspeechlaw import terms
    from kzspeechlaw.cli import wording
    from kzspeechlaw.law import coverage_report, scope
    from kzspeechlaw.law.facts import DECIDING, OPEN_ELEMENTS
    from kzspeechlaw.reasoning.assessment import answerable, classification_json, impersonal_note
    from kzspeechlaw.reasoning.classification import impersonal, matching_parts
    from kzspeechlaw.reasoning.explanation import classification_in_force, open_elements

    incident = _incident(args)
    matches = matching_parts(incident, on=args.on)  # kz.classify's answer, with the scope said below
    day = args.on or incident.act_date
    coverage_report.warn_if_stale(day)  # as show and assess warn: the data cannot speak past its date
    if args.json:  # outside the modelled scope an object, not the [] of "no modelled provision"
        return classification_json(incident, matches, day, args.lang)
    caveats: list[str] = []  # a law whose in-force date was not read, near the day: another answer
    for note in classification_in_force(incident, day):
        caveats += wording.wrap(terms.citation(render(note), args.lang), "  ", "! ")
    if not matches:
        outside = scope.outside(attrs.evolve(incident, act_date=day))  # e.g. before the data begins: not modelled
        if outside:
            said = [_("Outside the modelled scope on {day}: {why}.").format(
                day=local_date(day), why="; ".join(render(scope.describe(entry)) for entry in outside))]
        elif impersonal(incident.facts):
            said = wording.wrap(_("Outside the modelled scope on {day}: {why}").format(
                day=local_date(day), why=render(impersonal_note(incident.facts))), "  ", "")
        else:
            said = [_("No modelled provision covers these facts on {day}.").format(day=local_date(day))]
        return "\n".join([*said, *caveats])
    lines = []
    for m in matches:
        lines.append(f"{m.provision.ref}  {m.provision.title[args.lang]}")
        reaches, special = answerable(incident, m)  # as the JSON says it
        if reaches is None:
            lines.append("  ! " + _("it reaches the offender ({offender}) only as an individual entrepreneur, a "
                                    "natural person (offender=natural_person)").format(
                                        offender=incident.offender.value))
        elif not reaches:
            lines.append("  ! " + _("it does not reach the offender ({offender}): no liability under it").format(
                offender=incident.offender.value))
        for entry in special:
            lines += wording.wrap(_("an article not modelled may displace it: {why}").format(
                why=render(scope.describe(entry))), "    ", "  ! ")
        for r in m.reasons:
            lines += wording.wrap(wording.words(render(r)), "    ", "  - ")
        for r, why in m.set_aside:
            lines += wording.wrap(wording.words(_("set aside {ref}: {why}").format(ref=r, why=render(why))),
                                  "    ", "  - ")
        if m.undecided_by:
            lines.append("  ! " + _("applies only if {facts}: the facts do not say").format(
                facts="; ".join(render(DECIDING[f]) for f in m.undecided_by)))
        for name in open_elements(incident, m.provision):  # as assess names them (depends_on)
            lines += wording.wrap(_("applies only where it is shown {what}; the facts do not state it").format(
                what=render(OPEN_ELEMENTS[name])), "    ", "  ! ")
    return "\n".join([*lines, *caveats])


def _assess(args: argparse.Namespace) -> str | dict[str, Any]:
    from kzspeechlaw.cli.render import render_assessment
    from kzspeechlaw.errors import InvalidIncident
    from kzspeechlaw.reasoning.assessment import assess

    incident = _incident(args)
    if args.decided_on is None:
        raise InvalidIncident("decided_on", None, N_("a decision date (--decided-on YYYY-MM-DD)"))
    result = assess(incident, args.decided_on)
    if args.json:
        return result.to_dict()
    return render_assessment(result, args.lang)


def _check_sentence(args: argparse.Namespace) -> str | dict[str, Any]:
    """Whether ``--sentence "KIND AMOUNT UNIT"`` was within what the law allowed on the facts: the
    kind in its code or its words as the answers write them (``"administrative arrest 20 days"``:
    :func:`~kzspeechlaw.reasoning.sentencing.split_sentence`)."""
    from kzspeechlaw.cli.render import render_check
    from kzspeechlaw.errors import InvalidIncident
    from kzspeechlaw.reasoning.assessment import assess
    from kzspeechlaw.reasoning.sentencing import as_penalty, split_sentence
    from kzspeechlaw.units import amount

    incident = _incident(args)
    if args.decided_on is None:
        raise InvalidIncident("decided_on", None, N_("a decision date (--decided-on YYYY-MM-DD)"))
    kind, size = split_sentence(args.sentence)
    as_penalty(kind)  # an unknown kind is refused before the facts are weighed, naming the accepted words
    a = assess(incident, args.decided_on)
    result = a.check(kind, amount(size))
    if args.json:
        return {**result.to_dict(), "governing": str(a.governing.ref) if a.governing else None,
                "outcome": a.outcome.value, "releases": [r.to_dict() for r in a.releases]}
    return render_check(a, result, args.sentence)


def _serve(args: argparse.Namespace) -> None:
    """Serve the page and the API until interrupted (the web modules are imported only here)."""
    from kzspeechlaw import web

    web.serve(args.host, args.port)


def _register(args: argparse.Namespace) -> str | dict[str, Any] | list[Any] | None:
    """``batch`` and ``tally`` (:func:`kzspeechlaw.cli.batching.assess_register`)."""
    from kzspeechlaw.cli.batching import assess_register

    return assess_register(args)


Handler = Callable[[argparse.Namespace], "str | dict[str, Any] | list[Any] | None"]

HANDLERS: dict[str, Handler] = {
    "show": _show, "history": _history, "mci": _mci, "compare": _compare, "classify": _classify,
    "assess": _assess, "check-sentence": _check_sentence, "coverage": _coverage, "timeline": _timeline,
    "batch": _register, "tally": _register, "serve": _serve,
}
"""What runs each command of :func:`~kzspeechlaw.cli.parser.build_parser`."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0 done, 2 bad input or an output that cannot
    be written (one line on stderr), 130 interrupted, 1 a fault of the program itself (one line;
    ``KZSPEECHLAW_DEBUG=1`` shows the traceback)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        from kzspeechlaw.cli.streams import say

        say("kzspeechlaw: " + _("interrupted"))
        return 130
    except Exception as error:
        from kzspeechlaw.cli.streams import say

        batching = sys.modules.get("kzspeechlaw.cli.batching")  # raised only by its commands, once imported
        if batching is not None and isinstance(error, batching.Interrupted):
            say(f"kzspeechlaw: {error}")
            return 130
        if os.environ.get("KZSPEECHLAW_DEBUG", "").strip().lower() not in ("", "0", "false", "no", "off"):
            raise
        from kzspeechlaw.registers import batch

        if isinstance(error, batch.WorkerLost):  # not a fault of the program: say what happened
            code = error.exit_code
            detail = _("signal {number}").format(number=-code) if code is not None and code < 0 else _(
                "exit code {code}").format(code=code)
            say("kzspeechlaw: " + _("worker process {worker} stopped ({detail}), and so did the run; run it again, "
                                    "with fewer --workers if it recurs").format(worker=error.worker, detail=detail))
            return 1
        say(f"kzspeechlaw: {batch.internal_error(error)}")
        return 1


ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"), N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("show program's version number and exit"),
)
"""The words argparse writes itself (help headings, usage errors), translated where the catalogue has them."""


@contextlib.contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while the command line runs (argparse looks up its
    module-level ``_`` each time it writes one); English leaves argparse as it is."""
    if lang == "en":
        yield
        return
    before = argparse._  # type: ignore[attr-defined]
    argparse._ = functools.partial(i18n.gettext, lang=lang)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before  # type: ignore[attr-defined]


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
    with i18n.use(_language(words)) as lang, argparse_words(lang):
        return _run(argv, lang)


def _unwritten(error: BaseException) -> int:
    """2 and one line where standard output could not take the help, as for any command's output
    (quietly where its reader has gone)."""
    from kzspeechlaw.cli.streams import reader_gone, say

    reader_gone()
    if not isinstance(error, BrokenPipeError):
        say("kzspeechlaw: " + _("error: {message}").format(message=_(
            "standard output cannot be written ({reason})").format(reason=getattr(error, "strerror", None) or error)))
        return 2
    return 0


def _run(argv: Sequence[str] | None, lang: str) -> int:
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # shell completion, where the `completion` extra is installed
        with contextlib.suppress(ImportError):
            import argcomplete

            argcomplete.autocomplete(parser)
    if not (sys.argv[1:] if argv is None else argv):  # a bare call: what the commands are
        from kzspeechlaw.cli.streams import closed

        if not closed(sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                parser.print_help(sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2, already printed)
        return int(stop.code or 0)
    except (OSError, ValueError) as error:  # the help could not be written (a full disk, a closed stream)
        return _unwritten(error)
    if getattr(args, "lang", None) is None:
        args.lang = lang
    args.own_process = argv is None  # the process's own command line, not a program's call of main()
    from kzspeechlaw.cli.streams import emit, say
    from kzspeechlaw.errors import LawError, StaleDataWarning, message

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", StaleDataWarning)
            result = HANDLERS[args.command](args)
            if result is not None:
                import json

                emit(result if isinstance(result, str) else json.dumps(result, ensure_ascii=False, indent=2))
    except LawError as error:
        say("kzspeechlaw: " + _("error: {message}").format(message=message(error)))
        return 2
    for said in dict.fromkeys(message(w.message) if isinstance(w.message, Warning) else str(w.message)
                              for w in caught):
        say("kzspeechlaw: " + _("warning: {message}").format(message=said))
    return 0
