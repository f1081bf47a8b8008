"""The command line's argument parser: its commands, their arguments and the help, in the current
language."""

from __future__ import annotations

import argparse
import enum
from typing import TYPE_CHECKING, Any

from kzspeechlaw import __version__, i18n
from kzspeechlaw.errors import LawError, message
from kzspeechlaw.i18n import gettext as _
from kzspeechlaw.law import facts as vocabulary

if TYPE_CHECKING:
    import datetime as dt

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
        self.exit(2, f"kzspeechlaw: error: {message}\n")


def _date(text: str) -> dt.date:
    from kzspeechlaw.dates import user_date

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
    parser.add_argument("--chunk-size", dest="chunk_size", type=_positive,  # default: batch.CHUNK_SIZE
                        help=argparse.SUPPRESS)


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

    hist = sub.add_parser("history", parents=[common], help=_("every version of a part, oldest first"))
    hist.add_argument("ref")

    mci_cmd = sub.add_parser("mci", parents=[common], help=_("the MCI in tenge on a date"))
    mci_cmd.add_argument("date", type=_date)
    mci_cmd.add_argument("--purpose", choices=_PURPOSES, default="fines")

    cmp_cmd = sub.add_parser("compare", parents=[common], help=_("what changed between two dates"))
    cmp_cmd.add_argument("ref")
    cmp_cmd.add_argument("before", type=_date)
    cmp_cmd.add_argument("after", type=_date)

    cls = sub.add_parser("classify", parents=[common], help=_("the provisions an incident falls under"))
    _add_incident_arguments(cls)
    cls.add_argument("--on", type=_date, help=_("date of the law to use (default: the act date)"))

    ass = sub.add_parser("assess", parents=[common], help=_("the legal consequence decided on a date"))
    _add_incident_arguments(ass)
    ass.add_argument("--decided-on", dest="decided_on", type=_date, help=_("decision date, YYYY-MM-DD"))

    chk = sub.add_parser("check-sentence", parents=[common],
        help=_("whether a sentence was within what the law allowed"))
    _add_incident_arguments(chk)
    chk.add_argument("--decided-on", dest="decided_on", type=_date, help=_("decision date, YYYY-MM-DD"))
    chk.add_argument("--sentence", required=True, help=_('kind and amount, e.g. "restriction_of_freedom 1 year"'))

    sub.add_parser("coverage", parents=[common], help=_("every modelled part and version"))

    line = sub.add_parser("timeline", parents=[common], help=_("a part's versions and sanctions over time"))
    line.add_argument("ref", help=_("citation; a repealed part continues with its successor"))
    line.add_argument("--plot", metavar="FILE.png", help=_("also draw the timeline as a PNG (the 'plot' extra)"))
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
    bat.set_defaults(output=None)

    web = sub.add_parser("serve", help=_("the web page and JSON API (the 'web' extra)"))
    web.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default: 127.0.0.1)"))
    web.add_argument("--port", type=_positive, default=8000, help=_("port (default: 8000)"))

    tal = sub.add_parser("tally", parents=[common], help=_("counts of a register: a monthly monitoring report"))
    _add_register_arguments(tal)
    tal.set_defaults(output=None, full=False, summary=True)
    return parser
