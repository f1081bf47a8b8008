"""Unfinished crimes that carry no criminal liability.

CC 2014 Art. 24(2): «Уголовная ответственность наступает за приготовление к тяжкому или особо
тяжкому преступлению, а также за приготовление к террористическому преступлению»; Art. 24(4): «...
за покушение на преступление средней тяжести, тяжкое или особо тяжкое преступление, а также за
покушение на террористическое преступление». The categories each stage reaches are the data's
(``sentencing.toml``, rules ``preparation_liability`` and ``attempt_liability``); the terrorist
crimes are the Code's definition (Art. 3(30)), as the amnesties read it. The 1997 Code's rules on
preparation and attempt (its Arts. 24 and 56) were not read: an unfinished act that Code governs
gets no answer, unless the 2014 Code, retroactive where it removes criminality (Art. 6(1)), frees
it whatever the 1997 Code said; nor were the Code of Administrative Offences' rules on an unfinished
offence."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from kzspeechlaw.i18n import Message
from kzspeechlaw.law import sentencing_rules
from kzspeechlaw.law.amnesty_data import amnesties
from kzspeechlaw.law.model import Provision, Regime
from kzspeechlaw.law.sentencing_rules import Rule, Stage
from kzspeechlaw.reasoning.classification import matching_parts
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import Outcome, Step

_RULES = {Stage.PREPARATION: "preparation_liability", Stage.ATTEMPT: "attempt_liability"}


class Unfinished(NamedTuple):
    """Why an unfinished act gets no sentence: the outcome, the note and the step of the trace."""

    outcome: Outcome
    note: str
    step: Step


def rule(p: Provision, stage: Stage | None, on: dt.date) -> Rule | None:
    """The rule of ``p``'s code in force ``on`` under which ``p`` at ``stage`` carries no criminal
    liability; ``None`` where it does (or the code has no such rule)."""
    name = _RULES.get(stage) if stage is not None else None
    if name is None or p.regime is not Regime.CRIMINAL:
        return None
    found = sentencing_rules.find(p.ref.code, name, on)
    if found is None or p.category.value in found.categories or _terrorist(p):
        return None
    return found


def _terrorist(p: Provision) -> bool:
    defined = amnesties().definitions.get(("terrorist", p.ref.code))
    return defined is not None and defined.covers(p.ref)


def unfinished(governing: Provision, incident: Incident, decided: dt.date) -> Unfinished | None:
    """Where the stated stage leaves ``governing`` no sentence: no criminal liability (the 2014
    Code's rule, for its own parts, or for a 1997 Code act whose part on the decision date it
    frees), or no answer (the 1997 Code's rules and the administrative code's, not modelled).
    ``None`` otherwise."""
    stage = incident.stage
    if stage not in _RULES:
        return None
    if governing.regime is not Regime.CRIMINAL:
        what = Message("The Code of Administrative Offences' rules on an unfinished offence were not read: whether "
                       "{ref} at the stage {stage} is punishable is not answered.", stage=stage, ref=str(governing.ref))
        return Unfinished(Outcome.OUTSIDE_SCOPE, what, Step(what, f"{governing.ref.code} (not modelled)"))
    found = rule(governing, stage, decided)
    if found is not None:
        return _none(governing, stage, found)
    if governing.ref.code != "CC1997":
        return None
    later = matching_parts(incident, on=decided)
    rules = [rule(m.provision, stage, decided) for m in later if m.provision.ref.code == "CC2014"]
    first = rules[0] if rules and len(rules) == len(later) and all(rules) else None
    if first is not None:
        return _none(later[0].provision, stage, first, later=True)
    what = Message("The 1997 Code's rules on preparation and attempt (its Arts. 24 and 56) are not modelled: whether "
                   "{ref} at the stage {stage} was punishable, and within which bounds, is not answered.", stage=stage,
                   ref=str(governing.ref))
    return Unfinished(Outcome.OUTSIDE_SCOPE, what, Step(what, "CC1997 24, 56 (not modelled)"))


def _none(p: Provision, stage: Stage, found: Rule, later: bool = False) -> Unfinished:
    what = (Message("Preparation of {ref} ({category}) carries no criminal liability: the Code punishes preparation "
                    "only of a grave, an especially grave or a terrorist crime ({rule}).", ref=str(p.ref),
                    category=p.category, rule=found.cite()) if stage is Stage.PREPARATION else
            Message("An attempt at {ref} ({category}) carries no criminal liability: the Code punishes an attempt "
                    "only at a crime of medium gravity, a grave, an especially grave or a terrorist crime ({rule}).",
                    ref=str(p.ref), category=p.category, rule=found.cite()))
    note = Message("{what} The 2014 Code decides for an act of the 1997 Code's time too, whatever that Code said: "
                   "a law that removes the criminality of an act is retroactive (CC 2014 Art. 6(1)).", what=what
                   ) if later else what
    return Unfinished(Outcome.NO_PROVISION, note, Step(what, found.cite(), found.source))
