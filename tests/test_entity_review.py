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


SLANDER_130 = ("«Клевета, то есть распространение заведомо ложных сведений, порочащих честь и достоинство другого "
               "лица или подрывающих его репутацию»")
INSULT_131 = "«Оскорбление, то есть унижение чести и достоинства другого лица, выраженное в неприличной форме»"


@pytest.mark.parametrize("conduct", ["slander", "insult"])
@pytest.mark.parametrize("channel", ["private", "mass_media"])
@pytest.mark.parametrize("act", ["2012-06-01", "2016-06-01", "2021-06-01", "2025-06-01"])
def test_a_slander_or_insult_of_a_legal_entity_is_not_a_certain_answer(conduct: str, channel: str, act: str) -> None:
    """CC 2014 Art. 130(1) and AOC 2014 Art. 73-3(1), CC 1997 Art. 129(1): SLANDER_130; CC 2014 Art. 131(1)
    and CC 1997 Art. 130(1): INSULT_131 (shared/law/statutes cc2014/130.md, 131.md, aoc2014/73-3.md,
    cc1997/129.md, 130.md). The Civil Code protects a legal entity's business reputation only (Art.
    143(6), 21.12.2023 text, commit e114aa3a95517476a704d857536c1cb499d7db6c: «Правила настоящей статьи
    о защите деловой репутации гражданина соответственно применяются к защите деловой репутации
    юридического лица, за исключением требования о возмещении морального вреда»). Whether a legal entity
    is «другое лицо» whose honour and dignity or reputation these articles protect is not settled by
    their words, so the answer is none (outside the modelled scope), never a certain 'liable' under them."""
    a = assess(Incident(act_date=act, conduct=conduct, channel=channel, target="legal_entity"), act)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert a.governing is None and a.sanctions == ()
    assert any("legal entity" in str(n) and "Civil Code Art. 143(6)" in str(n) for n in a.notes)


def test_a_slander_of_a_person_is_still_answered() -> None:
    """The same facts with the target a person: AOC 2014 Art. 73-3(2) (SLANDER_130, «То же деяние,
    совершенное публично или с использованием масс-медиа или сетей телекоммуникаций»)."""
    a = assess(Incident(act_date="2021-06-01", conduct="slander", channel="mass_media"), "2021-06-01")
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 73-3(2)"
