"""kzspeechlaw: Kazakhstan's speech-related law as effective-dated data.

>>> import datetime as dt
>>> import kzspeechlaw as kz
>>> kz.to_tenge(5 * kz.ureg.MCI, on=dt.date(2020, 6, 19))
<Quantity(13890, 'KZT')>
>>> str(kz.ref("ч. 3 ст. 130 УК РК"))
'CC2014 130(3)'
"""

from typing import Any

from kzspeechlaw import units
from kzspeechlaw.errors import (
    AmountError,
    CitationError,
    DataError,
    DateError,
    InvalidIncident,
    LawError,
    NotInForce,
    OutOfCoverage,
    OutputError,
    RegisterWarning,
    StaleDataWarning,
    UnknownProvision,
)
from kzspeechlaw.law.coverage_report import Coverage, coverage
from kzspeechlaw.law.facts import Allegation, Channel, Circumstance, Conduct, Discord, Offender, Target
from kzspeechlaw.law.model import Act, Category, Penalty, Provision, Regime, Sanction, Subject
from kzspeechlaw.law.monthly_index import mci, to_tenge
from kzspeechlaw.law.provisions import Change, Difference, compare, history, in_force, provision, ref
from kzspeechlaw.reasoning.assessment import Assessment, assess
from kzspeechlaw.reasoning.classification import Match, classify
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.leniency import Leniency
from kzspeechlaw.reasoning.results import AssessedSanction, Limitation, Outcome, Step
from kzspeechlaw.refs import Ref
from kzspeechlaw.registers.batch import assess_many
from kzspeechlaw.registers.frame import assess_frame

__version__ = "0.1.0"
"""The version: its one source (the package metadata reads it, see pyproject.toml)."""


def __getattr__(name: str) -> Any:
    # ``ureg`` (the pint registry) is built on first use: importing the package does not import pint.
    if name == "ureg":
        return units.registry()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Act",
    "Allegation",
    "AmountError",
    "AssessedSanction",
    "Assessment",
    "Category",
    "Change",
    "Channel",
    "Circumstance",
    "CitationError",
    "Conduct",
    "Coverage",
    "DataError",
    "DateError",
    "Difference",
    "Discord",
    "Incident",
    "InvalidIncident",
    "LawError",
    "Leniency",
    "Limitation",
    "Match",
    "NotInForce",
    "Offender",
    "OutOfCoverage",
    "Outcome",
    "OutputError",
    "Penalty",
    "Provision",
    "Ref",
    "Regime",
    "RegisterWarning",
    "Sanction",
    "StaleDataWarning",
    "Step",
    "Subject",
    "Target",
    "UnknownProvision",
    "assess",
    "assess_frame",
    "assess_many",
    "classify",
    "compare",
    "coverage",
    "history",
    "in_force",
    "mci",
    "provision",
    "ref",
    "to_tenge",
    "ureg",
]
