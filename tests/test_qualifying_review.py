"""Qualifying alternatives no incident field states: a review of every modelled part's text for a
qualified part the basic part's answer would otherwise set aside without saying so (texts in the data
and shared/law/statutes/cc2014/)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz

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
