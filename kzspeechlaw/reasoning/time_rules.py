"""The law's time as an assessment reads it: the general part's rules on which law governs an act
(CC 2014 Arts. 5-6; AOC 2014 Arts. 4-5) and the citations the steps give, and the time index
whose periods key the answers an assessment remembers (:class:`kzspeechlaw.memo.Memo`).
"""

from __future__ import annotations

import datetime as dt
import functools

from kzspeechlaw.dates import change_days
from kzspeechlaw.errors import DataError
from kzspeechlaw.i18n import N_
from kzspeechlaw.law import general_part
from kzspeechlaw.law.model import Provision, Regime
from kzspeechlaw.law.timeline import Timeline, rule_days
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning import sentencing
from kzspeechlaw.refs import CC2014_FROM

_CC1997_RULE = N_("the 1997 Criminal Code's general part (not modelled)")


def time_rule(regime: Regime, decided: dt.date, name: str = "time_of_act") -> tuple[str, str]:
    """Citation and source of the rule on the law's time (``time_of_act``, ``retroactivity``, ...).

    Criminal cases decided from 2015 apply the 2014 Code's rules (CC Arts. 5-6), administrative
    cases the AOC's (Arts. 4-5); earlier criminal decisions fall under the 1997 Code (not modelled).
    """
    if regime is Regime.CRIMINAL and decided < CC2014_FROM:
        return _CC1997_RULE, ""
    code = "CC2014" if regime is Regime.CRIMINAL else "AOC2014"
    rule = general_rule("rule", code, name, on=decided)
    return rule.cite(), rule.source


def retro_rule(regime: Regime, decided: dt.date) -> tuple[str, str]:
    """Citation and source of the rule that a law removing liability or milder is retroactive."""
    return time_rule(regime, decided, "retroactivity")


def general_rule(table: str, code: str, name: str, on: dt.date) -> general_part.Rule:
    """The general-part rule ``name`` of ``code`` in force on ``on``; the data must have it: a
    missing rule raises :class:`~kzspeechlaw.DataError` rather than a citation made up in its place."""
    rule = general_part.find(table, code, name, on=on)
    if rule is None:
        raise DataError("general.toml", f"{table} {code} {name}", f"no record is in force on {on.isoformat()}")
    return rule


_CITES = Memo()


def cite(p: Provision) -> str:
    """A version's citation, e.g. ``"CC2014 130(2) (version from 2015-01-01, Law 226-V)"``."""
    return _CITES.get(p, lambda: f"{p.ref} (version from {p.valid_from}, Law {p.act})")


@functools.cache
def index() -> Timeline:
    """The time index of the assessment: the law's data with the sentencing rules' change days
    (:func:`kzspeechlaw.reasoning.sentencing.index`)."""
    return sentencing.index()


def interval(day: dt.date) -> int:
    """Which interval of :func:`index` ``day`` is in."""
    return index().interval(day)


@functools.cache
def rules_index(code: str) -> Timeline:
    """The days on which a general-part or sentencing rule of ``code`` starts or ends: an answer that
    reads those rules of the code alone, and the dates in no other way, is the same on every day of
    an interval (the key of :func:`kzspeechlaw.reasoning.penalties.for_subject`)."""
    return Timeline(rule_days({code}))


@functools.cache
def ranges_index(code: str, article: str) -> Timeline:
    """The days on which the imposable ranges of a part of ``article`` of ``code`` may change
    (:func:`kzspeechlaw.reasoning.sentencing.imposable` reads its dates in no other way): those of
    :func:`rules_index`, and the days a version of a part of the article starts or ends (the
    penalties its other parts provide, AOC 2014 Art. 810(2)(1) before Law 155-VIII). The key of
    :func:`kzspeechlaw.reasoning.penalties.imposable`."""
    from kzspeechlaw.reasoning.sentencing.ranges import article_versions  # the versions the ranges read

    return Timeline((*rules_index(code).days, *change_days(article_versions(code, article))))
