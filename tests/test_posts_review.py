"""Internet posts under the 1997 Criminal Code, and previous convictions: qualifying words the 1997
Code writes without telecommunication networks, and a limb on a person previously convicted that
no incident fact states (a review against the statute texts, shared/law/statutes/cc1997/ and
kazakhstan-law/codes 02-codes/1997/0715-ugolovnyi-kodeks-respubliki-kazakhstan-8/)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz

D = dt.date


def _governing(a: kz.Assessment) -> str:
    assert a.governing is not None
    return str(a.governing.ref)


def _assess(act: dt.date, **facts: object) -> kz.Assessment:
    return kz.assess(kz.Incident(act_date=act, **facts), act + dt.timedelta(days=200))


# CC 1997 Arts. 317-1(2), 318(2), 319(2), 320(2), every text read (final 01.01.2015 text, rus/part002-part019.md,
# commit 8c7ac3b33b5056fc818e6094307a49ddc6124385; shared/law/statutes/cc1997/317-1.md, 318.md, 319.md, 320.md):
# «Те же деяния, совершенные с использованием средств массовой информации» (317-1(2)); «То же деяние,
# совершенное с использованием средств массовой информации» (318(2), 319(2), 320(2)): the words of Art. 170(2)
# («Те же действия, совершенные с использованием средств массовой информации или организованной группой»),
# naming no telecommunication networks. A post alone does not decide part 2; part 1 («Публичное оскорбление
# ...») is what the facts meet without it.
@pytest.mark.parametrize("act", [D(2005, 5, 1), D(2011, 6, 1), D(2013, 5, 1)])
@pytest.mark.parametrize(("facts", "part2", "part1"), [
    ({"conduct": "insult", "target": "president"}, "318(2)", "318(1)"),
    ({"conduct": "slander", "target": "president"}, "318(2)", "318(1)"),
    ({"conduct": "insult", "target": "deputy", "in_connection_with_duties": True}, "319(2)", "319(1)"),
    ({"conduct": "insult", "target": "authority_representative", "in_connection_with_duties": True},
     "320(2)", "320(1)"),
])
def test_cc1997_318_320_a_post_leaves_the_mass_media_open(act: dt.date, facts: dict[str, object], part2: str,
                                                          part1: str) -> None:
    a = _assess(act, channel="telecom_network", **facts)
    assert _governing(a) == f"CC1997 {part2}"
    assert "mass_media" in a.depends_on
    assert any("с использованием средств массовой информации" in n for n in a.notes)
    assert any(f"CC1997 {part1}" in n and f"instead of CC1997 {part2}" in n for n in a.notes)


@pytest.mark.parametrize("act", [D(2010, 8, 1), D(2013, 5, 1)])
def test_cc1997_317_1_a_post_leaves_the_mass_media_open(act: dt.date) -> None:
    # Art. 317-1 (inserted by Law 14.06.2010 No. 290-IV; 29.12.2010, 05.08.2011 and 01.01.2015 texts): «2. Те же
    # деяния, совершенные с использованием средств массовой информации».
    a = _assess(act, conduct="insult", target="first_president", channel="telecom_network")
    assert _governing(a) == "CC1997 317-1(2)"
    assert "mass_media" in a.depends_on
    assert any("CC1997 317-1(1) instead of CC1997 317-1(2)" in n for n in a.notes)


@pytest.mark.parametrize("act", [D(2005, 5, 1), D(2011, 6, 1), D(2013, 5, 1)])
def test_cc1997_318_the_real_mass_media_stay_certain(act: dt.date) -> None:
    a = _assess(act, conduct="insult", target="president", channel="mass_media")
    assert _governing(a) == "CC1997 318(2)"
    assert "mass_media" not in a.depends_on
    assert not any("instead of" in n for n in a.notes)


# CC 1997 Art. 129(2), every text read (08.07.2005, rus/sec006-ch001.md, commit
# 08c51aaef6aba738ebafa5f58455ecba645af98a; 01.01.2015, rus/part002-part005.md, commit
# 8c7ac3b33b5056fc818e6094307a49ddc6124385; shared/law/statutes/cc1997/129.md): «Клевета, содержащаяся в
# публичном выступлении, либо в публично демонстрирующемся произведении, либо в средствах массовой
# информации»; Art. 130(2) alike: «Оскорбление, содержащееся в публичном выступлении, либо в публично
# демонстрирующемся произведении, либо в средствах массовой информации» (130.md). No network is named, and
# part 1 («Клевета, то есть распространение заведомо ложных сведений ...»; «Оскорбление, то есть унижение
# чести и достоинства другого лица, выраженное в неприличной форме») needs no channel.
@pytest.mark.parametrize("act", [D(2005, 5, 1), D(2010, 5, 1), D(2011, 6, 1), D(2013, 5, 1)])
@pytest.mark.parametrize(("conduct", "article"), [("slander", "129"), ("insult", "130")])
def test_cc1997_129_130_a_post_leaves_part_2_open(act: dt.date, conduct: str, article: str) -> None:
    extra = {"allegation": "none"} if conduct == "slander" else {}
    a = _assess(act, conduct=conduct, channel="telecom_network", **extra)
    assert _governing(a) == f"CC1997 {article}(2)"
    assert "speech_work_or_media" in a.depends_on
    assert any("в публично демонстрирующемся произведении" in n for n in a.notes)
    assert any(f"CC1997 {article}(1) instead of CC1997 {article}(2)" in n for n in a.notes)
    assert not any("is applied here reading an internet post" in n for n in a.notes)  # no certain inference


@pytest.mark.parametrize("channel", ["mass_media", "public_speech", "public_work"])
@pytest.mark.parametrize(("conduct", "article"), [("slander", "129"), ("insult", "130")])
def test_cc1997_129_130_a_named_channel_stays_certain(channel: str, conduct: str, article: str) -> None:
    extra = {"allegation": "none"} if conduct == "slander" else {}
    a = _assess(D(2010, 5, 1), conduct=conduct, channel=channel, **extra)
    assert _governing(a) == f"CC1997 {article}(2)"
    assert "speech_work_or_media" not in a.depends_on


def test_cc1997_129_3_an_accusation_of_a_grave_crime_does_not_turn_on_the_post() -> None:
    # Art. 129(3): «Клевета, соединенная с обвинением лица в совершении коррупционного, тяжкого или особо
    # тяжкого преступления» names no channel: a post decides nothing there.
    a = _assess(D(2010, 5, 1), conduct="slander", channel="telecom_network", allegation="grave_crime")
    assert _governing(a) == "CC1997 129(3)"
    assert "speech_work_or_media" not in a.depends_on


def test_cc1997_242_1_2_names_the_networks_itself() -> None:
    # Art. 242-1(2) (Law 23.04.2014 No. 200-V): «3) с использованием средств массовой информации или
    # информационно-коммуникационных сетей»: a post is the Code's own words, a certain answer.
    a = _assess(D(2014, 8, 1), conduct="false_information", channel="telecom_network")
    assert "mass_media" not in a.depends_on
    assert "speech_work_or_media" not in a.depends_on


# CC 1997 Art. 170(2), 15.07.1997 and 19.02.2002 texts (rus/sec003-ch005.md, commits
# edc306138e11a5a01422c4f3fe04f07db76c9fb1 and 9ad95260109d819902555f1c49a28881ffc61dd0): «Те же действия,
# совершенные с использованием средств массовой информации или организованной группой, а равно лицом, ранее
# судимым по настоящей статье»; the 05.08.2011 text (Law 10.12.2009 No. 227-IV, «вводятся в действие с
# 01.01.2010» in the footnote) ends at «организованной группой». No incident fact states a previous
# conviction: a part 1 answer of 1998-2009 turns on it.
@pytest.mark.parametrize(("act", "channel"), [(D(1999, 5, 1), "public_work"), (D(2005, 5, 1), "public_speech"),
                                              (D(2009, 6, 1), "public_speech")])
def test_cc1997_170_1_before_2010_turns_on_a_previous_conviction(act: dt.date, channel: str) -> None:
    a = kz.assess(kz.Incident(act_date=act, conduct="call_to_seize_power", channel=channel), act + dt.timedelta(days=150))
    assert _governing(a) == "CC1997 170(1)"
    assert "previous_conviction" in a.depends_on
    assert any("CC1997 170(2)" in n and "ранее судимым по настоящей статье" in n for n in a.notes)


def test_cc1997_170_1_from_2010_names_no_previous_conviction() -> None:
    a = _assess(D(2011, 5, 1), conduct="call_to_separatism", channel="public_speech")
    assert _governing(a) == "CC1997 170(1)"
    assert "previous_conviction" not in a.depends_on
    assert not any("ранее судимым" in n for n in a.notes)


def test_cc1997_170_a_previous_conviction_no_longer_decides_after_law_227_iv() -> None:
    # The words are gone on the decision date (from 01.01.2010): a later law that improves the position of a
    # previously convicted offender (part 1 in place of part 2) has retroactive force (CC 1997 Art. 5).
    a = kz.assess(kz.Incident(act_date=D(2005, 5, 1), conduct="call_to_seize_power", channel="public_speech"),
                  D(2010, 3, 1))
    assert "previous_conviction" not in a.depends_on


def test_cc1997_170_2_already_reached_names_no_previous_conviction() -> None:
    a = _assess(D(2005, 5, 1), conduct="call_to_seize_power", channel="mass_media")
    assert _governing(a) == "CC1997 170(2)"
    assert "previous_conviction" not in a.depends_on


def test_cc1997_129_an_unstated_channel_does_not_promise_part_2_for_a_post() -> None:
    # Art. 129(2) names «публичном выступлении ... публично демонстрирующемся произведении ... средствах
    # массовой информации», no networks: the note on the unstated channel gives part 2 for a public speech and the
    # mass media, and for a post only on the reading the facts leave open.
    a = _assess(D(2010, 5, 1), conduct="slander", allegation="none")
    assert _governing(a) == "CC1997 129(1)"
    assert "channel" in a.depends_on
    note = next(n for n in a.notes if "channel not stated" in n)
    assert "CC1997 129(2)" in note
    assert "channel=telecom_network only where" in note
