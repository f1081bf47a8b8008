"""Offenders and targets that are not an ordinary natural person: where the statute's words reach the
act (or may), the answer is never a certain "no provision".

The expected values come from the statute texts quoted in each test (kazakhstan-law/codes, the
commits named), not from the library's output.
"""

from __future__ import annotations

import pytest

from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import Outcome


@pytest.mark.parametrize("offender", ["natural_person", "legal_entity", "small_business"])
@pytest.mark.parametrize("act", ["2016-06-01", "2021-06-01", "2025-06-01"])
def test_an_encroachment_on_a_candidates_honour_names_aoc_104(offender: str, act: str) -> None:
    """AOC 2014 Art. 104 (07.01.2023 text, new layout rus/sec002-ch011.md at commit
    c31819044c43a37d1cf9a8004ac0f9003cc3e7c6): «Распространение заведомо ложных сведений о кандидатах,
    политических партиях или совершение иных действий, порочащих их честь, достоинство и деловую
    репутацию, в целях влияния на исход выборов – влечет штраф на физических лиц в размере двадцати, на
    должностных лиц, субъектов малого предпринимательства или некоммерческие организации – в размере
    тридцати ...». An encroachment on a candidate's honour other than a slander may be such an «иное
    действие» (with an electoral purpose the facts do not state): not a certain "no provision", for a
    person or an entity."""
    a = assess(Incident(act_date=act, conduct="encroachment_on_honour", target="candidate", channel="mass_media",
                        offender=offender), act)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2014 104" in str(n) for n in a.notes)


@pytest.mark.parametrize("act", ["2016-06-01", "2021-06-01"])
def test_a_legal_entitys_insult_of_a_candidate_names_aoc_104(act: str) -> None:
    """The Criminal Code's insult does not reach a legal entity (CC 2014 Art. 15(1), 24.11.2015 text in
    sentencing.toml: «Уголовной ответственности подлежит вменяемое физическое лицо, достигшее ко времени
    совершения уголовного правонарушения шестнадцатилетнего возраста»), but AOC 2014 Art. 104 fines legal
    entities for «иных действий, порочащих их честь, достоинство и деловую репутацию» of candidates and
    parties («на субъектов среднего предпринимательства – в размере сорока, на субъектов крупного
    предпринимательства – в размере пятидесяти месячных расчетных показателей»): outside the modelled
    scope, not a certain "no provision"."""
    a = assess(Incident(act_date=act, conduct="insult", target="candidate", channel="mass_media",
                        offender="legal_entity"), act)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2014 104" in str(n) for n in a.notes)


def test_a_natural_persons_insult_of_a_candidate_stays_a_crime() -> None:
    """CC 2014 Art. 131(2) («Оскорбление, то есть унижение чести и достоинства другого лица, выраженное в
    неприличной форме», in the mass media): the entry for legal entities does not touch a person's insult."""
    a = assess(Incident(act_date="2021-06-01", conduct="insult", target="candidate", channel="mass_media"),
               "2021-06-01")
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and str(a.governing.ref) == "CC2014 131(2)"


@pytest.mark.parametrize("act", ["2016-06-01", "2021-06-01", "2025-06-01"])
def test_an_encroachment_on_a_family_members_honour_names_aoc_73(act: str) -> None:
    """AOC 2014 Art. 73(1) (20.08.2024 text, new layout rus/sec002-ch009.md at commit
    c8795e65ccd7e615a33f0d6dbd036184780f6a50): «Нецензурная брань, оскорбительное приставание, унижение,
    повреждение предметов домашнего обихода и другие действия, выражающие неуважение к лицам, состоящим с
    правонарушителем в семейно-бытовых отношениях, нарушающие их спокойствие, совершенные в жилище ... –
    влекут предупреждение либо административный арест на пять суток»: an encroachment on a family
    member's honour may be «унижение» or another such act, so it is not a certain "no provision"."""
    a = assess(Incident(act_date=act, conduct="encroachment_on_honour", target="family_member", channel="private"),
               act)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2014 73 " in str(n) for n in a.notes)
