"""Sentencing answers a review found certain and wrong, each against the CC 2014 text
(statutes/cc2014/: 44.md, 65.md, 68.md)."""

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg


def _false_information(act: str, decided: str, **facts: object) -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="false_information", channel="private",  # type: ignore[arg-type]
                           knowing_and_dangerous=True, **facts), decided)


def test_restriction_of_freedom_below_the_general_minimum_is_not_certainly_unlawful() -> None:
    """Art. 44(4) (27.12.2018, 01.01.2023, 16.09.2025 texts): «При назначении более мягкого наказания,
    чем предусмотрено за данное уголовное правонарушение, назначении наказания за неоконченное
    преступление ... срок ограничения свободы может быть ниже низшего предела»."""
    a = assess(Incident(act_date="2021-05-01", conduct="false_information", channel="mass_media",
                        knowing_and_dangerous=True, mitigating=True, aggravating=False), "2021-09-01")
    check = a.check("restriction_of_freedom", 3 * u.month)
    assert check.verdict == "below_minimum" and not check.certain
    assert any("44(4)" in d for d in check.depends_on)


def test_reconciliation_turns_on_an_earlier_release_from_law_292_vi() -> None:
    """Art. 68(4)(8), added by Law 292-VI (27.12.2019 text): not «в течение срока давности ...
    умышленное преступление после освобождения от уголовной ответственности в связи с примирением
    сторон за ранее совершенное преступление»; the 12.07.2018 text of part 4 has no such item."""
    facts = {"reconciled": True, "harm_compensated": True, "aggravating": False}
    after = {r.route: r for r in _false_information("2021-05-01", "2021-09-01", **facts).releases}
    assert after["reconciliation"].status == "depends"
    assert any("68(4)(8)" in r for r in after["reconciliation"].reasons)
    before = {r.route: r for r in _false_information("2019-05-01", "2019-09-01", **facts).releases}
    assert before["reconciliation"].status == "open"
    # a criminal misdemeanour is not a crime: item 8 does not reach it (insult, Art. 131(2))
    insult = assess(Incident(act_date="2021-05-01", conduct="insult", channel="mass_media", **facts),  # type: ignore[arg-type]
                    "2021-09-01")
    assert {r.route: r.status for r in insult.releases}["reconciliation"] == "open"


def test_active_repentance_is_named_as_not_modelled() -> None:
    """Art. 65(1): «Лицо, совершившее уголовный проступок либо впервые совершившее преступление, может
    быть освобождено от уголовной ответственности ...»: discretionary, not modelled, never 'closed'."""
    routes = {r.route: r for r in _false_information("2021-05-01", "2021-09-01").releases}
    assert routes["active_repentance"].status == "not_modelled"
    assert routes["active_repentance"].article == "CC2014 65"
    assert routes["repentance"].article.startswith("CC2014 68(3)")


def test_a_conditional_sentence_needs_imprisonment_the_facts_allow_and_no_recidivism() -> None:
    """Art. 63(1): «назначив наказание в виде лишения свободы»; Art. 55(1)(1): no imprisonment once
    the harm was made good where a milder main kind is provided; Art. 63(6): «не применяется к лицам
    при рецидиве преступлений»."""
    def route(**facts: object) -> str:
        a = assess(Incident(act_date="2019-03-01", conduct="slander", channel="mass_media",  # type: ignore[arg-type]
                            allegation="none", **facts), "2019-06-01")
        return {r.route: r.status for r in a.releases}["conditional_sentence"]
    assert route(harm_compensated=True, aggravating=False) == "closed"
    assert route(harm_compensated=False, aggravating=False) == "open"
    # «Рецидивом преступлений признается совершение лицом тяжкого преступления, если ранее это лицо
    # осуждалось к лишению свободы за совершение тяжкого преступления» (Art. 14(1), 27.12.2019): a
    # slander (Art. 130(2), small gravity) cannot be one; a grave crime (Art. 161(2)) can
    assert route(harm_compensated=False) == "open"

    def grave(**facts: object) -> str:
        a = assess(Incident(act_date="2021-05-01", conduct="call_to_aggressive_war", channel="mass_media",  # type: ignore[arg-type]
                            **facts), "2021-09-01")
        return {r.route: r.status for r in a.releases}["conditional_sentence"]
    assert grave() == "depends" and grave(aggravating={"repetition"}) == "depends"
    assert grave(aggravating=False) == "open"


def test_the_cap_of_art_55_2_for_an_insult_of_an_officer_from_law_210_viii_is_not_certain() -> None:
    """Art. 55(2) from Law 210-VIII (16.09.2025 text): «Положения настоящей части не применяются, если
    отягчающие обстоятельства предусмотрены в качестве признака уголовного правонарушения»; Art.
    54(1)(8) names an offence «в связи с выполнением данным лицом своего служебного ... долга», and
    Art. 378 an insult «при исполнении им своих служебных обязанностей или в связи с их исполнением»."""
    a = assess(Incident(act_date="2025-10-01", conduct="insult", target="authority_representative",
                        in_connection_with_duties=True, mitigating=True, aggravating=False), "2026-01-20")
    check = a.check("fine", 70 * u.MCI)  # above half of 80 MCI, within 80
    assert not check.certain and any("54(1)(8)" in d for d in check.depends_on)


def test_a_sentence_within_a_cap_below_the_minimum_is_not_certainly_unlawful() -> None:
    """CC 2014 Art. 174(3) (imprisonment 12 to 20 years) prepared: Art. 56(2) caps it at half of 20."""
    a = assess(Incident(act_date="2021-05-01", conduct="incitement_of_discord", discord={"national"},
                        channel="telecom_network", circumstances={"grave_consequences"}, stage="preparation"),
               "2021-09-01")
    assert str(a.governing.ref) == "CC2014 174(3)"
    within = a.check("imprisonment", 9 * u.year)
    assert within.verdict == "below_minimum" and not within.certain
    assert a.check("imprisonment", 11 * u.year).verdict == "above_maximum"  # above the cap: certain
