"""Unfinished crimes the Criminal Code does not punish. CC 2014 Art. 24 (27.12.2019 edition, new
layout rus/sec002.md, commit d448f1a1...): «2. Уголовная ответственность наступает за приготовление
к тяжкому или особо тяжкому преступлению, а также за приготовление к террористическому
преступлению. ... 4. Уголовная ответственность наступает за покушение на преступление средней
тяжести, тяжкое или особо тяжкое преступление, а также за покушение на террористическое
преступление.» The categories are the parts' own (CC 2014 Art. 11)."""

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg
SETTLED = {"mitigating": False, "aggravating": False, "procedure": "ordinary", "harm_compensated": False}


@pytest.mark.parametrize(("facts", "stage", "outcome"), [
    # insult by the media, CC 2014 Art. 131(2): a criminal misdemeanour
    ({"conduct": "insult", "channel": "mass_media"}, "attempt", "no_provision"),
    # slander by the media before 2020, Art. 130(2), small gravity; no accusation of a crime (130(3) is medium)
    ({"conduct": "slander", "channel": "mass_media", "allegation": "none"}, "attempt", "no_provision"),
    ({"conduct": "slander", "channel": "mass_media", "allegation": "none"}, "preparation", "no_provision"),
    # knowingly false information by the media, Art. 274(2), medium gravity
    ({"conduct": "false_information", "channel": "mass_media", "knowing_and_dangerous": True}, "attempt", "liable"),
    ({"conduct": "false_information", "channel": "mass_media", "knowing_and_dangerous": True}, "preparation",
     "no_provision"),
    # incitement of national discord by a network, Art. 174(1), grave
    ({"conduct": "incitement_of_discord", "discord": {"national"}, "channel": "telecom_network"}, "preparation",
     "liable"),
])
def test_art_24_decides_whether_an_unfinished_crime_is_punished(facts: dict[str, object], stage: str,
                                                                 outcome: str) -> None:
    act, decided = ("2019-03-01", "2019-06-01") if facts["conduct"] == "slander" else ("2021-05-01", "2021-09-01")
    a = assess(Incident(act_date=act, stage=stage, **SETTLED, **facts), decided)  # type: ignore[arg-type]
    assert a.outcome == outcome
    if outcome == "no_provision":
        assert a.governing is None and not a.sanctions
        assert any("CC2014 24(" in n and "no criminal liability" in n for n in a.notes)
        assert a.check("fine", 50 * u.MCI).verdict == "kind_not_available"


def test_an_open_accusation_that_would_make_the_attempt_punishable_is_named() -> None:
    """An accusation of a grave crime gives Art. 130(3), medium gravity: an attempt at it is punished."""
    a = assess(Incident(act_date="2019-03-01", conduct="slander", channel="mass_media", stage="attempt"), "2019-06-01")
    assert a.outcome == "no_provision" and "allegation" in a.depends_on


def test_the_2014_code_frees_an_attempt_of_the_1997_codes_time() -> None:
    """CC 2014 Art. 6(1): «Уголовный закон, устраняющий преступность деяния ... имеет обратную силу»."""
    a = assess(Incident(act_date="2014-10-01", conduct="slander", channel="mass_media", allegation="none",
                        stage="attempt"), "2015-06-01")
    assert a.outcome == "no_provision" and any("CC 2014 Art. 6(1)" in n for n in a.notes)


def test_the_1997_codes_own_rules_are_not_answered() -> None:
    a = assess(Incident(act_date="2010-03-01", conduct="slander", channel="mass_media", allegation="none",
                        stage="attempt"), "2011-01-10")
    assert a.outcome == "outside_scope" and any("1997 Code's rules on preparation and attempt" in n for n in a.notes)


def test_an_unfinished_administrative_offence_is_not_answered() -> None:
    a = assess(Incident(act_date="2022-06-01", conduct="petty_hooliganism", channel="public_speech",
                        stage="attempt"), "2022-06-20")
    assert a.outcome == "outside_scope" and a.governing is None


def test_a_completed_or_unstated_stage_is_unchanged() -> None:
    for stage in ("completed", None):
        a = assess(Incident(act_date="2021-05-01", conduct="insult", channel="mass_media", stage=stage), "2021-09-01")
        assert a.outcome == "liable"
