"""Classifications a review found certain and wrong, each against the statute text
(statutes/aoc2014/453.md, 456-2.md; cc2014/274.md, 378.md, 411.md)."""

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess


def test_war_propaganda_by_a_company_in_the_media_is_aoc_453_2() -> None:
    """AOC Art. 453(2) (06.02.2023): «Распространение ... продукции средств массовой информации,
    содержащей сведения и материалы, направленные на пропаганду или агитацию ... войны ...»; fines
    «на субъектов малого предпринимательства ... – в размере пятидесяти» MCI."""
    a = assess(Incident(act_date="2022-08-15", conduct="call_to_aggressive_war", channel="mass_media",
                        offender="small_business"), "2022-10-01")
    assert a.outcome is kz.Outcome.LIABLE and str(a.governing.ref) == "AOC2014 453(2)"
    fine = next(s for s in a.sanctions if s.kind.value == "fine")
    assert fine.maximum == 50 * kz.ureg.MCI
    # a natural person: the crime of CC 2014 Art. 161(2) takes precedence («если ... не содержат
    # признаков уголовно наказуемого деяния»)
    person = assess(Incident(act_date="2022-08-15", conduct="call_to_aggressive_war", channel="mass_media"),
                    "2022-10-01")
    assert str(person.governing.ref) == "CC2014 161(2)"


def test_a_publicly_shown_work_is_public() -> None:
    """«То же деяние, совершенное публично» (CC 2014 Arts. 131(2), 378(2); AOC Art. 73-3(2)) and
    «Публичное оскорбление» (Art. 376(1)) read as «Публичное» in Arts. 373(1) and 375(1)."""
    def governing(**facts: object) -> str:
        a = assess(Incident(act_date="2022-05-01", channel="public_work", **facts), "2022-06-01")  # type: ignore[arg-type]
        return str(a.governing.ref)
    assert governing(conduct="insult") == "CC2014 131(2)"
    assert governing(conduct="insult", target="deputy", in_connection_with_duties=True) == "CC2014 376(1)"
    assert governing(conduct="insult", target="authority_representative",
                     in_connection_with_duties=True) == "CC2014 378(2)"
    assert governing(conduct="slander", allegation="none") == "AOC2014 73-3(2)"


def test_an_accused_corruption_crime_of_unstated_gravity_leaves_411_3_open() -> None:
    """CC 2014 Art. 411(3): «соединенные с обвинением лица в совершении тяжкого или особо тяжкого
    преступления»; a corruption crime may be grave or not (Art. 3(29) lists crimes of every gravity)."""
    a = assess(Incident(act_date="2021-05-01", conduct="slander", channel="mass_media", target="judge",
                        in_connection_with_duties=True, allegation="corruption_crime"), "2021-09-01")
    assert str(a.governing.ref) == "CC2014 411(1)" and "allegation" in a.depends_on
    assert any("CC2014 411(3)" in n for n in a.notes)


def test_false_information_on_a_platform_turns_on_the_conditions_it_created() -> None:
    """AOC Art. 456-2(3): «ложной информации пользователями онлайн-платформ, создающей условия
    нарушения общественного порядка, прав и законных интересов граждан ...»."""
    a = assess(Incident(act_date="2024-09-20", conduct="false_information", knowing_and_dangerous=False,
                        channel="telecom_network"), "2024-10-20")
    assert str(a.governing.ref) == "AOC2014 456-2(3)" and "harm_conditions" in a.depends_on
    assert not a.check("fine", 20 * kz.ureg.MCI).certain


def test_a_group_qualifies_274_2_only_by_prior_agreement() -> None:
    """CC 2014 Art. 274(2): «1) группой лиц по предварительному сговору»; the circumstance group
    names a group of persons with or without it."""
    def open_facts(channel: str) -> tuple[str, ...]:
        return assess(Incident(act_date="2021-05-01", conduct="false_information", knowing_and_dangerous=True,
                               circumstances={"group"}, channel=channel), "2021-09-01").depends_on  # type: ignore[arg-type]
    assert "prior_agreement" in open_facts("public_speech")
    assert "prior_agreement" not in open_facts("mass_media")  # item 3 qualifies it anyway
