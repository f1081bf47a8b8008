"""From the range of a sanction to the sentence a court may lawfully impose, and a check of a
given sentence.

The rules are dated data (``data/sentencing.toml``, read by :mod:`kzspeechlaw.law.sentencing_rules`),
each with its text:

- CC 2014 Art. 55(2): with a mitigating circumstance and no aggravating one, the main punishment
  may not exceed a fraction of the maximum (½, ⅔, ¾ by category; criminal misdemeanours from
  Law 292-VI; of the most severe kind until Law 180-VI, of the main kind imposed after it);
- Art. 55(3): accelerated pre-trial investigation or a fulfilled procedural agreement: ½ (¾ for
  especially grave crimes from Law 210-VIII); order procedure: fines of 10-20 MCI
  (misdemeanours) and 50-200 MCI (small gravity) from Law 180-VI;
- Art. 55(4)-(6): below the minimum with exceptional circumstances, or where parts 2 or 3 apply;
- Art. 56: preparation ½, attempt ¾; combined with Art. 55 caps by Art. 55(7) from Law 180-VI;
- Art. 58 (aggregate: the final sentence's caps by the gravest category; AOC 2014 Art. 58: three
  times the code's maximum, named);
- releases: Art. 63 (conditional sentence, not for especially grave or extremist crimes),
  Art. 68(1) (mandatory release on reconciliation), 68(2) (a first grave crime by the persons it
  lists), 68(3) (sincere repentance), none for extremist crimes (68(4)); Art. 74(1) (deferral for
  pregnant women and parents of young children); amnesty (:mod:`kzspeechlaw.reasoning.amnesty`);
  AOC 2014 Art. 64 (73-3 only on the victim's complaint, closed on reconciliation; 64(1-1), a court's
  release of a first offender), Art. 64-1 (trivial offence);
- administrative penalties: AOC Art. 43(2) (where the sanction provides a warning, another penalty
  only with an aggravating circumstance, from Law 127-VI); Arts. 819(2), 829-11(2) (whoever decides
  the case, a body or a court, may cut a fine by up to 30 %), Arts. 810-811 (50 % paid within seven
  days, not where the sanction offers another penalty than a warning, an additional one included;
  before Law 127-VI for a natural person alone).

Where the facts do not settle a rule's condition (``None``: not stated), the bound that holds
either way is given, with the bound the rule would give and the fact that decides.

The modules: :mod:`.circumstances` (the facts), :mod:`.ranges` (caps and the imposable range),
:mod:`.verdict` (the check of a given sentence), :mod:`.routes` (release routes).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kzspeechlaw.law.sentencing_rules import FILE, Rule, find, load, rules
from kzspeechlaw.law.timeline import Timeline, timeline
from kzspeechlaw.reasoning.sentencing.circumstances import (
    Aggravating,
    Aggregate,
    Circumstances,
    Facts,
    Mitigating,
    Procedure,
    Stage,
    names_minor,
    present,
)

if TYPE_CHECKING:
    from kzspeechlaw.reasoning.sentencing.ranges import (
        LAPSED,
        SENTENCING_CODES,
        Cap,
        Lapsed,
        Open,
        Range,
        Suspended,
        arrest_exemption,
        imposable,
        lapsed,
        later_in_force,
        milder_kind,
        named_persons,
        suspended,
    )
    from kzspeechlaw.reasoning.sentencing.routes import RELEASE_STATUSES, Release, releases, sources
    from kzspeechlaw.reasoning.sentencing.verdict import (
        VERDICTS,
        Check,
        as_penalty,
        check,
        cited_exceptional,
        exceptional_rule,
        split_sentence,
    )

_LAZY = {
    **dict.fromkeys(("LAPSED", "SENTENCING_CODES", "Cap", "Lapsed", "Open", "Range", "Suspended", "arrest_exemption",
                     "imposable", "lapsed", "later_in_force", "milder_kind", "named_persons", "suspended"), "ranges"),
    **dict.fromkeys(("RELEASE_STATUSES", "Release", "releases", "sources"), "routes"),
    **dict.fromkeys(("VERDICTS", "Check", "as_penalty", "check", "cited_exceptional", "exceptional_rule",
                     "split_sentence"), "verdict"),
}
"""The names of the modules a caller may not need, imported on first use (PEP 562): ``show`` reads
a kind's suspension from :mod:`.ranges` without the release routes, whose amnesty data take long
to import."""


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


__all__ = ["FILE", "Aggravating", "Aggregate", "Circumstances", "Facts", "Mitigating", "Procedure", "Rule", "Stage",
           "Timeline", "find", "index", "load", "names_minor", "present", "rules", "timeline", *_LAZY]


def index() -> Timeline:
    """The time index the sentencing reasoning answers by: the one index of the law's data
    (:func:`kzspeechlaw.law.timeline.timeline`), which holds the sentencing rules' change days."""
    return timeline()


__all__ = [
    "FILE",
    "LAPSED",
    "RELEASE_STATUSES",
    "SENTENCING_CODES",
    "VERDICTS",
    "Aggravating",
    "Aggregate",
    "Cap",
    "Check",
    "Circumstances",
    "Facts",
    "Lapsed",
    "Mitigating",
    "Open",
    "Procedure",
    "Range",
    "Release",
    "Rule",
    "Stage",
    "Suspended",
    "arrest_exemption",
    "as_penalty",
    "check",
    "cited_exceptional",
    "exceptional_rule",
    "find",
    "imposable",
    "index",
    "lapsed",
    "later_in_force",
    "load",
    "milder_kind",
    "named_persons",
    "names_minor",
    "present",
    "releases",
    "rules",
    "sources",
    "split_sentence",
    "suspended",
]
