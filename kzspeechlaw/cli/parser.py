"""The command line's argument parser: its commands, their arguments and the help, in the current
language.

Each command's parser is built when it is first looked up (:class:`_Commands`): a run builds the
one it runs, ``kzspeechlaw --help`` none (it lists the commands by their one-line help), so that
the help answers at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from kzspeechlaw import __version__, i18n
from kzspeechlaw.i18n import gettext as _

if TYPE_CHECKING:
    import datetime as dt
    import enum

# The choices the parser offers are known here without importing the modules that own them
# (tests/test_startup.py checks them against those modules): `kzspeechlaw --help` loads neither
# the data nor the reasoning.
_PURPOSES = ("fines", "benefits")  # kzspeechlaw.law.monthly_index.PURPOSES
_FORMATS = ("csv", "jsonl", "xlsx")  # kzspeechlaw.registers.reading.FORMATS
_ENCODINGS = ("utf-8", "cp1251", "latin-1")  # kzspeechlaw.registers.reading.ENCODINGS

# The sentencing facts, arguments of the incident commands.
SENTENCING = ("mitigating", "aggravating", "stage", "procedure", "reconciled", "harm_compensated", "complaint",
              "aggregate", "pregnant", "young_children")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2 (argparse's own convention)
        self.exit(2, "kzspeechlaw: " + i18n.gettext("error: {message}").format(message=message) + "\n")

    def _print_message(self, message: str, file: Any = None) -> None:
        """The help or usage written and flushed; a stream that cannot take it raises (argparse's own
        drops the error: ``--help`` to a full disk would say nothing and exit 0)."""
        if message:
            stream = file or sys.stdout
            stream.write(message)
            stream.flush()


def _date(text: str) -> dt.date:
    from kzspeechlaw.dates import user_date
    from kzspeechlaw.errors import LawError, message

    try:
        return user_date(text, "date")
    except LawError as error:
        raise argparse.ArgumentTypeError(message(error)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        said = _("expected a whole number of at least 1, got {value}").format(value=repr(text))
        raise argparse.ArgumentTypeError(said)
    return int(text)


def _values(enum_type: type[enum.StrEnum], default: enum.StrEnum | None = None) -> str:
    """The vocabulary's values of a field, for its help (the default marked)."""
    return ", ".join(m.value + (" " + _("(default)") if m is default else "") for m in enum_type)


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
    # --chunk-size's default: batch.CHUNK_SIZE, FULL_CHUNK_SIZE for --full
    parser.add_argument("--chunk-size", dest="chunk_size", type=_positive,
                        help=argparse.SUPPRESS)


def _add_incident_arguments(parser: argparse.ArgumentParser) -> None:
    from kzspeechlaw.law import facts as vocabulary

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
                       ("young_children", _("yes or no: a woman having a child under 14, or a man raising one "
                                            "alone (CC Art. 74); not given for a woman raising a child not her own"))):
        parser.add_argument(f"--{name.replace('_', '-')}", dest=name,
                            help=_("sentencing fact: {what}").format(what=what))


class _Commands(Mapping[str, argparse.ArgumentParser]):
    """The commands' parsers by name (the choices of the parser's commands), each built when first
    looked up: by the parsing of the command named, by ``parents`` or by a documentation tool.

    ``--help`` and an unknown command need only the names and their one-line help, which
    :meth:`add` gives at once. A command's parser is made by the commands action's own
    ``add_parser`` (its ``prog``, its parser class) and its arguments added by its builder, in the
    language of :func:`build_parser`'s call."""

    def __init__(self, action: argparse._SubParsersAction[_Parser], lang: str) -> None:
        self._action = action
        self._lang = lang
        self._waiting: dict[str, Callable[[str], argparse.ArgumentParser]] = {}
        self._built: dict[str, argparse.ArgumentParser] = {}
        self._names: list[str] = []
        action._name_parser_map = action.choices = self  # type: ignore[assignment]

    def add(self, name: str, help: str, build: Callable[[str], argparse.ArgumentParser]) -> None:
        """The command ``name``, listed with ``help``; ``build(name)`` makes its parser (by
        :meth:`parser`) and adds its arguments."""
        self._action._choices_actions.append(self._action._ChoicesPseudoAction(name, (), help))
        self._names.append(name)
        self._waiting[name] = build

    def parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A command's parser, made as ``add_parser`` makes it (no help: :meth:`add` listed it)."""
        return self._action.add_parser(name, **kwargs)

    def __setitem__(self, name: str, parser: argparse.ArgumentParser) -> None:  # add_parser's own
        self._built[name] = parser

    def __getitem__(self, name: str) -> argparse.ArgumentParser:
        found = self._built.get(name)
        if found is None:
            build = self._waiting.pop(name)  # KeyError for a name that is no command, as argparse expects
            with i18n.use(self._lang):
                found = build(name)
            self._built[name] = found
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._built or name in self._waiting

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools), its help in the current language;
    each command's arguments are added when its parser is first looked up (``choices[name]``)."""
    common_parsers: list[argparse.ArgumentParser] = []

    def common() -> list[argparse.ArgumentParser]:
        """The options every command but ``serve`` has (made once, for the first that needs them)."""
        if not common_parsers:
            made = _Parser(add_help=False)
            made.add_argument("--json", action="store_true", help=_("machine-readable JSON output"))
            made.add_argument("--lang", choices=i18n.LANGS, help=_("language of the text output (en, ru, kk; "
                                                                   "default: KZSPEECHLAW_LANG, else the locale, "
                                                                   "else en)"))
            common_parsers.append(made)
        return common_parsers

    parser = _Parser(
        prog="kzspeechlaw",
        description=_("Kazakhstan's speech-related law by date: provisions, sanctions, MCI."),
        epilog=_("Examples: {examples}. 'kzspeechlaw COMMAND --help' tells more.").format(
            examples="kzspeechlaw show 'CC2014 130(2)' --on 2019-01-01; kzspeechlaw assess --act-date 15.03.2019 "
            "--conduct slander --channel telecom_network --decided-on 01.12.2019; kzspeechlaw batch register.xlsx "
            "--decided-on 2019-12-01"),
    )
    parser.add_argument("--version", action="version", version=f"kzspeechlaw {__version__}")
    commands = _Commands(parser.add_subparsers(dest="command", required=True, parser_class=_Parser),
                         i18n.current())

    def show(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        cmd.add_argument("ref", help=_("citation, e.g. 'CC2014 130(3)' or 'ч. 3 ст. 130 УК РК'"))
        cmd.add_argument("--on", type=_date, required=True, help=_("date, YYYY-MM-DD or DD.MM.YYYY"))
        return cmd

    def history(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        cmd.add_argument("ref")
        return cmd

    def mci(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        cmd.add_argument("date", type=_date)
        cmd.add_argument("--purpose", choices=_PURPOSES, default="fines")
        return cmd

    def compare(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        cmd.add_argument("ref")
        cmd.add_argument("before", type=_date)
        cmd.add_argument("after", type=_date)
        return cmd

    def classify(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        _add_incident_arguments(cmd)
        cmd.add_argument("--on", type=_date, help=_("date of the law to use (default: the act date)"))
        return cmd

    def assess(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        _add_incident_arguments(cmd)
        cmd.add_argument("--decided-on", dest="decided_on", type=_date,
                         help=_("decision date, YYYY-MM-DD or DD.MM.YYYY"))
        return cmd

    def check_sentence(name: str) -> argparse.ArgumentParser:
        cmd = assess(name)
        cmd.add_argument("--sentence", required=True,
                         help=_('kind and amount, e.g. "restriction_of_freedom 1 year"'))
        return cmd

    def coverage(name: str) -> argparse.ArgumentParser:
        return commands.parser(name, parents=common())

    def timeline(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        cmd.add_argument("ref", help=_("citation; a repealed part continues with its successor"))
        cmd.add_argument("--plot", metavar="FILE.png", help=_("also draw the timeline as a PNG (the 'plot' extra)"))
        return cmd

    def batch(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common(),
                              description=_("One JSON record per row, in order: id, outcome, the part the act fell "
                                            "under and the governing part, category, MCI date and fine range "
                                            "(--full: the whole assessment), or the error."))
        _add_register_arguments(cmd)
        cmd.add_argument("--output", help=_("write the records to this file (default, or -: stdout)"))
        cmd.add_argument("--full", action="store_true",
                         help=_("whole assessments: matches, sanctions, limitation, notes, trace and the governing "
                                "version with its statute text (about 10 KB a row)"))
        cmd.add_argument("--summary", action="store_true",
                         help=_("print the tally (records only to --output, if given)"))
        cmd.set_defaults(output=None)
        return cmd

    def serve(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name)
        cmd.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default: 127.0.0.1)"))
        cmd.add_argument("--port", type=_positive, default=8000, help=_("port (default: 8000)"))
        return cmd

    def tally(name: str) -> argparse.ArgumentParser:
        cmd = commands.parser(name, parents=common())
        _add_register_arguments(cmd)
        cmd.set_defaults(output=None, full=False, summary=True)
        return cmd

    commands.add("show", _("the version of a part in force on a date"), show)
    commands.add("history", _("every version of a part, oldest first"), history)
    commands.add("mci", _("the MCI in tenge on a date"), mci)
    commands.add("compare", _("what changed between two dates"), compare)
    commands.add("classify", _("the provisions an incident falls under"), classify)
    commands.add("assess", _("the legal consequence decided on a date"), assess)
    commands.add("check-sentence", _("whether a sentence was within what the law allowed"), check_sentence)
    commands.add("coverage", _("every modelled part and version"), coverage)
    commands.add("timeline", _("a part's versions and sanctions over time"), timeline)
    commands.add("batch", _("assess a register of incidents (JSON Lines out)"), batch)
    commands.add("serve", _("the web page and JSON API (the 'web' extra)"), serve)
    commands.add("tally", _("counts of a register: a monthly monitoring report"), tally)
    return parser
