"""Before 2015 the Code of Administrative Offences of 2001 was in force, and the data models none of
its articles (scope.toml ``[[other_code]]`` AOC2001; its meta.yaml: «Утратил силу Кодексом
Республики Казахстан от 5 июля 2014 года № 235 (вводится в действие с 01.01.2015)»). An act of
those years that no modelled article reaches may have been an administrative offence under it: the
answer is outside the modelled scope, never a certain "no provision"."""

from __future__ import annotations

from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import Outcome


def test_false_information_not_knowing_before_2015_is_outside_the_scope() -> None:
    a = assess(Incident(act_date="2014-06-01", conduct="false_information", channel="telecom_network",
                        knowing_and_dangerous=False), "2014-09-01")
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2001" in str(n) and "not modelled" in str(n) for n in a.notes)


def test_a_legal_entity_under_the_1997_code_is_outside_the_scope() -> None:
    """CC 1997 Art. 129 punishes natural persons; the 2001 Code may have fined the entity."""
    a = assess(Incident(act_date="2012-05-01", conduct="slander", channel="mass_media", offender="legal_entity"),
               "2012-08-01")
    assert a.outcome is Outcome.OUTSIDE_SCOPE


def test_a_crime_of_the_1997_code_is_still_answered() -> None:
    a = assess(Incident(act_date="2012-05-01", conduct="slander", channel="mass_media"), "2012-08-01")
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and str(a.governing.ref).startswith("CC1997 129")


def test_after_2015_the_administrative_code_answers() -> None:
    a = assess(Incident(act_date="2016-06-01", conduct="false_information", channel="telecom_network",
                        knowing_and_dangerous=False), "2016-09-01")
    assert a.outcome is not Outcome.OUTSIDE_SCOPE


def test_a_call_to_war_before_2015_names_the_1997_article() -> None:
    """CC 1997 Art. 157 «Пропаганда и публичные призывы к развязыванию агрессивной войны» (final text)
    is not modelled: the answer names it, not "no article is known"."""
    a = assess(Incident(act_date="2012-03-01", conduct="call_to_aggressive_war", channel="mass_media"), "2012-06-01")
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("CC1997 157" in str(n) for n in a.notes)
    assert not any("the scope register names none" in str(n) for n in a.notes)


def test_a_desecration_of_the_presidents_image_is_not_a_certain_no_provision() -> None:
    """CC 2014 Art. 375(1) and CC 1997 Art. 318(1) punish «Публичное оскорбление или иное посягательство
    на честь и достоинство Президента Республики Казахстан»: whether a desecration of his images is
    such an encroachment is a reading, so the answer names the article and gives none."""
    for act, ref in (("2021-01-10", "CC2014 375"), ("2012-01-10", "CC1997 318")):
        a = assess(Incident(act_date=act, conduct="desecration_of_image", target="president",
                            channel="public_speech"), "2022-01-10")
        assert a.outcome is Outcome.OUTSIDE_SCOPE
        assert any(ref in str(n) for n in a.notes)
    private = assess(Incident(act_date="2021-01-10", conduct="desecration_of_image", target="president",
                              channel="private"), "2022-01-10")
    assert private.outcome is Outcome.NO_PROVISION  # «Публичное»: a private act is not reached
