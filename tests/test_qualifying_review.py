"""Qualifying alternatives no incident field states: a review of every modelled part's text for a
qualified part the basic part's answer would otherwise set aside without saying so (texts in the data
and shared/law/statutes/cc2014/)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw.units import ureg

D = dt.date


def _assess(act: dt.date, **facts: object) -> kz.Assessment:
    return kz.assess(kz.Incident(act_date=act, **facts), act + dt.timedelta(days=150))


def _governing(a: kz.Assessment) -> str:
    assert a.governing is not None
    return str(a.governing.ref)


# CC 2014 Art. 299-1(2), every version (Laws 292-VI, 131-VII, 94-VIII): «Те же действия, совершенные: ...
# 3) в организациях образования, а также на объектах массового скопления людей; ...». No incident field
# states the place: a part 1 answer turns on it.
@pytest.mark.parametrize("act", [D(2021, 5, 1), D(2023, 5, 1), D(2025, 1, 10)])
@pytest.mark.parametrize("channel", ["private", "public_speech"])
def test_cc2014_299_1_1_turns_on_an_organisation_of_education_or_a_crowd(act: dt.date, channel: str) -> None:
    a = _assess(act, conduct="drug_propaganda", channel=channel)
    assert _governing(a) == "CC2014 299-1(1)"
    assert "education_or_crowd" in a.depends_on
    assert any("CC2014 299-1(2)" in n and "в организациях образования" in n for n in a.notes)


def test_cc2014_299_1_2_already_reached_names_no_place() -> None:
    # item 2) «неоднократно» qualifies it anyway
    a = _assess(D(2023, 5, 1), conduct="drug_propaganda", channel="public_speech", circumstances=["repeated"])
    assert _governing(a) == "CC2014 299-1(2)"
    assert "education_or_crowd" not in a.depends_on


# CC 2014 Art. 161(2), both versions (Law 419-V from 2016, Law 94-VIII): «То же деяние, совершенное с
# использованием ... либо должностным лицом, занимающим ответственную государственную должность». The
# circumstance official_position («с использованием своего служебного положения») is not that status.
@pytest.mark.parametrize("act", [D(2018, 5, 1), D(2025, 1, 10)])
@pytest.mark.parametrize("circumstances", [[], ["official_position"]])
def test_cc2014_161_1_turns_on_a_responsible_state_post(act: dt.date, circumstances: list[str]) -> None:
    a = _assess(act, conduct="call_to_aggressive_war", channel="public_speech", circumstances=circumstances)
    assert _governing(a) == "CC2014 161(1)"
    assert "responsible_post" in a.depends_on
    assert any("CC2014 161(2)" in n and "ответственную государственную должность" in n for n in a.notes)


def test_cc2014_161_2_already_reached_names_no_post() -> None:
    a = _assess(D(2018, 5, 1), conduct="call_to_aggressive_war", channel="mass_media")
    assert _governing(a) == "CC2014 161(2)"
    assert "responsible_post" not in a.depends_on


def test_a_previous_conviction_is_still_named_alone() -> None:
    a = _assess(D(2005, 5, 1), conduct="call_to_seize_power", channel="public_speech")
    assert "previous_conviction" in a.depends_on
    assert "education_or_crowd" not in a.depends_on and "responsible_post" not in a.depends_on


# A sentence weighed against part 1's sanctions is not certain where part 2 may govern: CC 2014 Art. 299-1(1)
# «наказывается лишением свободы на срок до трех лет», 299-1(2) «от трех до шести лет»; Art. 161(1) «до пяти
# лет», 161(2) «от трех до семи лет»; CC 1997 Art. 170(1) before 2002 «лишением свободы на срок до трех лет»
# (from 19.02.2002 «до пяти лет»), 170(2) «от трех до пяти лет» («от трех до семи лет» from 2002).
@pytest.mark.parametrize(("act", "facts", "years", "name"), [
    (D(2023, 5, 1), {"conduct": "drug_propaganda", "channel": "private"}, 4, "education_or_crowd"),
    (D(2023, 5, 1), {"conduct": "call_to_aggressive_war", "channel": "public_speech"}, 6, "responsible_post"),
    (D(2005, 5, 1), {"conduct": "call_to_seize_power", "channel": "public_speech"}, 6, "previous_conviction"),
])
def test_a_sentence_above_part_1_is_not_certain_where_part_2_may_govern(
        act: dt.date, facts: dict[str, object], years: int, name: str) -> None:
    check = _assess(act, **facts).check("imprisonment", years * ureg.year)
    assert check.verdict == "above_maximum"
    assert not check.certain
    assert name in check.depends_on


def test_a_sentence_under_part_2_reached_is_weighed_as_before() -> None:
    a = _assess(D(2023, 5, 1), conduct="drug_propaganda", channel="public_speech", circumstances=["repeated"])
    check = a.check("imprisonment", 7 * ureg.year)
    assert check.verdict == "above_maximum"
    assert "education_or_crowd" not in check.depends_on


# AOC 2014 Art. 434(1), every version: «Мелкое хулиганство, то есть нецензурная брань в общественных местах, ...»
# (from 2024 «Нецензурная брань в общественных местах, ...»): a public place (channel public_speech), not a post in
# a network. With the channel not stated the answer was a certain 'no provision': the what-if tried a post alone.
@pytest.mark.parametrize("act", [D(2016, 5, 1), D(2021, 5, 1), D(2025, 10, 1)])
def test_petty_hooliganism_with_no_channel_turns_on_a_public_place(act: dt.date) -> None:
    a = _assess(act, conduct="petty_hooliganism")
    assert a.outcome == "no_provision"
    assert "channel" in a.depends_on
    assert any("channel=public_speech" in n and "AOC2014 434(1)" in n for n in a.notes)
    assert _governing(_assess(act, conduct="petty_hooliganism", channel="public_speech")) == "AOC2014 434(1)"


def test_a_private_petty_hooliganism_is_still_certain() -> None:
    a = _assess(D(2021, 5, 1), conduct="petty_hooliganism", channel="private")
    assert a.outcome == "no_provision" and "channel" not in a.depends_on


def test_an_insult_of_the_president_with_no_channel_gives_both_public_parts() -> None:
    # CC 2014 Art. 375(1) «Публичное оскорбление ...»; 375(2) «... с использованием средств массовой информации
    # или сетей телекоммуникаций»: a post gives part 2, a public speech part 1.
    a = _assess(D(2021, 5, 1), conduct="insult", target="president")
    assert _governing(a) == "CC2014 131(1)"
    assert any("CC2014 375(2)" in n and "channel=telecom_network" in n for n in a.notes)
    assert any("CC2014 375(1)" in n and "channel=public_speech)" in n for n in a.notes)


# CC 2014 Art. 299-1(2), item 1): «группой лиц по предварительному сговору»; no criminal group. Art. 31 (16.09.2025
# text, kazakhstan-law/codes rus/sec002.md, commit 006d21b1c6f40a5a32cbf79b650b9cf72cba4aa8) tells the forms apart:
# (2) «группой лиц по предварительному сговору, если в нем участвовали лица, заранее договорившиеся о совместном
# совершении уголовного правонарушения»; (3) «преступной группой, если оно совершено организованной группой, ...».
# A criminal group's drug propaganda was a certain part 1.
@pytest.mark.parametrize("act", [D(2021, 5, 1), D(2023, 5, 1), D(2025, 1, 10)])
def test_cc2014_299_1_a_criminal_group_leaves_the_prior_agreement_open(act: dt.date) -> None:
    a = _assess(act, conduct="drug_propaganda", channel="public_speech", circumstances=["criminal_group"])
    assert _governing(a) == "CC2014 299-1(2)"
    assert "group_by_agreement" in a.depends_on
    assert any("CC2014 299-1(2) applies only where" in n and "criminal_group" in n for n in a.notes)


def test_cc2014_299_1_a_criminal_group_that_is_also_repeated_is_part_2_for_certain() -> None:
    a = _assess(D(2023, 5, 1), conduct="drug_propaganda", channel="public_speech",
                circumstances=["criminal_group", "repeated"])
    assert _governing(a) == "CC2014 299-1(2)"
    assert "group_by_agreement" not in a.depends_on


def test_no_unstated_alternative_is_named_for_a_legal_entity() -> None:
    # no part of the Criminal Code reaches it: a heavier part's alternative decides nothing
    a = _assess(D(2023, 5, 1), conduct="call_to_aggressive_war", channel="public_speech", offender="legal_entity")
    assert a.governing is None
    assert not any("161(2) also reaches" in n for n in a.notes)
