"""kzspeechlaw: Kazakhstan's speech-related law as effective-dated data.

>>> import datetime as dt
>>> import kzspeechlaw as kz
>>> kz.to_tenge(5 * kz.ureg.MCI, on=dt.date(2020, 6, 19))
<Quantity(13890, 'KZT')>
>>> str(kz.ref("ч. 3 ст. 130 УК РК"))
'CC2014 130(3)'
"""

from __future__ import annotations

import importlib
import time as _time
from typing import TYPE_CHECKING, Any

_IMPORTED_NS = _time.time_ns()
"""When this process imported the package (:mod:`kzspeechlaw.registers.learned` keeps answers only
where every file of the package is older: the code and data loaded since are then the files')."""

if TYPE_CHECKING:  # the names for type checkers; at run time each is imported on first use
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
        UnknownLanguage,
        UnknownProvision,
    )
    from kzspeechlaw.i18n import Message, render
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
    from kzspeechlaw.units import ureg

__version__ = "0.1.0"
"""The version: its one source (the package metadata reads it, see pyproject.toml)."""

_SOURCES = {
    "kzspeechlaw.errors": (
        "AmountError CitationError DataError DateError InvalidIncident LawError NotInForce OutOfCoverage "
        "OutputError RegisterWarning StaleDataWarning UnknownLanguage UnknownProvision"
    ),
    "kzspeechlaw.i18n": "Message render",
    "kzspeechlaw.law.coverage_report": "Coverage coverage",
    "kzspeechlaw.law.facts": "Allegation Channel Circumstance Conduct Discord Offender Target",
    "kzspeechlaw.law.model": "Act Category Penalty Provision Regime Sanction Subject",
    "kzspeechlaw.law.monthly_index": "mci to_tenge",
    "kzspeechlaw.law.provisions": "Change Difference compare history in_force provision ref",
    "kzspeechlaw.reasoning.assessment": "Assessment assess",
    "kzspeechlaw.reasoning.classification": "Match classify",
    "kzspeechlaw.reasoning.incident": "Incident",
    "kzspeechlaw.reasoning.leniency": "Leniency",
    "kzspeechlaw.reasoning.results": "AssessedSanction Limitation Outcome Step",
    "kzspeechlaw.refs": "Ref",
    "kzspeechlaw.registers.batch": "assess_many",
    "kzspeechlaw.registers.frame": "assess_frame",
}
_MODULE_OF = {name: module for module, names in _SOURCES.items() for name in names.split()}
"""Where each public name is defined: ``import kzspeechlaw`` imports none of it (no pint, no
reasoning, no data read); a name is imported on first use (PEP 562) and kept in the package."""


def __getattr__(name: str) -> Any:
    # ``ureg`` (the pint registry) is built on each use (it is built once): the package never
    # holds it, so that ``kz.ureg`` never imports pint before it is asked for.
    if name == "ureg":
        from kzspeechlaw.units import registry

        return registry()
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
    "Message",
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
    "UnknownLanguage",
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
    "render",
    "to_tenge",
    "ureg",
]
