"""Incitement of discord, calls to seize power, terrorism propaganda: qualifying facts the statutes name in
words the incident's facts do not settle (a second review against the statute texts)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz

D = dt.date


def _governing(a: kz.Assessment) -> str:
    assert a.governing is not None
    return str(a.governing.ref)


# CC 1997 Art. 164(2), final text (01.01.2015, kazakhstan-law/codes 02-codes/1997/0715-ugolovnyi-kodeks-
# respubliki-kazakhstan-8/rus/part002-part008.md, commit 8c7ac3b33b5056fc818e6094307a49ddc6124385): «Те же
# действия, совершенные группой лиц или неоднократно, или соединенные с насилием либо угрозой его
# применения, а равно лицом с использованием своего служебного положения либо руководителем общественного
# объединения». CC 1997 Art. 31 (same commit, rus/part001.md) tells the forms apart: «1. Преступление
# признается совершенным группой лиц, если в его совершении совместно участвовали два или более
# исполнителей без предварительного сговора» and «3. Преступление признается совершенным организованной
# группой, если оно совершено устойчивой группой лиц, заранее объединившихся ...». Whether an act of a
# criminal group was one of a group of persons is not in the facts: part 1 is not a certain answer.
@pytest.mark.parametrize("act", [D(1999, 5, 1), D(2010, 5, 1), D(2014, 5, 1)])
def test_cc1997_164_a_criminal_group_leaves_the_group_of_persons_open(act: dt.date) -> None:
    inc = kz.Incident(act_date=act, conduct="incitement_of_discord", discord={"national"},
                      channel="public_speech", circumstances={"criminal_group"})
    a = kz.assess(inc, act + dt.timedelta(days=200))
    assert _governing(a) == "CC1997 164(2)"
    assert "group_of_persons" in a.depends_on
    assert any("группой лиц" in n for n in a.notes)


@pytest.mark.parametrize("also", ["group", "violence", "repeated"])
def test_cc1997_164_2_is_certain_where_a_named_fact_decides_it(also: str) -> None:
    # «группой лиц или неоднократно, или соединенные с насилием» (Art. 164(2)): each decides part 2 itself.
    inc = kz.Incident(act_date=D(2012, 6, 1), conduct="incitement_of_discord", discord={"religious"},
                      channel="public_speech", circumstances={"criminal_group", also})
    a = kz.assess(inc, D(2013, 1, 1))
    assert _governing(a) == "CC1997 164(2)"
    assert "group_of_persons" not in a.depends_on


# CC 2014 Arts. 179(2), 180(2), 256(2) name «группой лиц или группой лиц по предварительному сговору»
# (26.06.2020 and 07.07.2020 texts, shared/law/statutes/cc2014/179.md, 180.md, 256.md), not the criminal
# group, which the same Code names apart where it qualifies an act (Art. 174(3) «преступной группой»).
@pytest.mark.parametrize(("conduct", "part"), [("call_to_seize_power", "CC2014 179(2)"),
                                               ("call_to_separatism", "CC2014 180(2)"),
                                               ("terrorism_propaganda", "CC2014 256(2)")])
def test_cc2014_a_criminal_group_leaves_the_group_of_persons_open(conduct: str, part: str) -> None:
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct=conduct, channel="public_speech",
                      circumstances={"criminal_group"})
    a = kz.assess(inc, D(2020, 12, 1))
    assert _governing(a) == part
    assert "group_of_persons" in a.depends_on
    stated = kz.Incident(act_date=D(2020, 5, 1), conduct=conduct, channel="public_speech", circumstances={"group"})
    assert "group_of_persons" not in kz.assess(stated, D(2020, 12, 1)).depends_on


# CC 1997 Art. 170(2) (05.08.2011 and final texts): «Те же действия, совершенные с использованием средств
# массовой информации или организованной группой»; Art. 233-1(2) (05.08.2011 text): «... либо с
# использованием средств массовой информации». Neither names telecommunication networks (the Code names
# them first in Art. 242-1(2), Law 23.04.2014 No. 200-V: «средств массовой информации или
# информационно-коммуникационных сетей»): a post in a network raises the part only if it was made with the
# use of the mass media, a reading of the Law on the Mass Media the facts do not settle.
@pytest.mark.parametrize(("act", "conduct", "part"), [(D(2008, 5, 1), "call_to_seize_power", "CC1997 170(2)"),
                                                      (D(2013, 5, 1), "call_to_separatism", "CC1997 170(2)"),
                                                      (D(2008, 5, 1), "terrorism_propaganda", "CC1997 233-1(2)"),
                                                      (D(2013, 5, 1), "terrorism_propaganda", "CC1997 233-1(2)")])
def test_cc1997_a_post_in_a_network_leaves_the_mass_media_open(act: dt.date, conduct: str, part: str) -> None:
    post = kz.Incident(act_date=act, conduct=conduct, channel="telecom_network")
    a = kz.assess(post, act + dt.timedelta(days=200))
    assert _governing(a) == part
    assert "mass_media" in a.depends_on
    media = kz.Incident(act_date=act, conduct=conduct, channel="mass_media")
    assert "mass_media" not in kz.assess(media, act + dt.timedelta(days=200)).depends_on


def test_cc1997_170_2_an_organised_group_decides_it_whatever_the_channel() -> None:
    # «или организованной группой» (Art. 170(2)): the group qualifies the act; the channel does not matter.
    post = kz.Incident(act_date=D(2013, 5, 1), conduct="call_to_seize_power", channel="telecom_network",
                       circumstances={"criminal_group"})
    a = kz.assess(post, D(2013, 12, 1))
    assert _governing(a) == "CC1997 170(2)"
    assert "mass_media" not in a.depends_on


@pytest.mark.parametrize("act", [D(2020, 5, 1), D(2025, 5, 1)])
def test_aoc_453_5_repeated_war_propaganda_in_other_products(act: dt.date) -> None:
    # AOC 2014 Art. 453(4) (06.02.2023 and 20.08.2024 texts, shared/law/statutes/aoc2014/453.md): «Изготовление,
    # хранение, ввоз, перевозка, распространение ... иной продукции, не относящейся к средствам массовой
    # информации, содержащей сведения и материалы, направленные на пропаганду или агитацию ... войны ...»;
    # Art. 453(5): «Действия, предусмотренные частями третьей и четвертой настоящей статьи, совершенные
    # повторно в течение года после наложения административного взыскания, – влекут штраф ... на субъектов
    # крупного предпринимательства – в размере двух тысяч месячных расчетных показателей». A legal entity's
    # repeated war propaganda in a leaflet is part 5, not part 4 (which the Criminal Code does not reach: a
    # legal entity is no subject of it).
    inc = kz.Incident(act_date=act, conduct="call_to_aggressive_war", channel="public_work",
                      circumstances={"repeated"}, offender="large_business")
    a = kz.assess(inc, act + dt.timedelta(days=30))
    assert _governing(a) == "AOC2014 453(5)"
    fines = [s for s in a.sanctions if s.sanction.kind.value == "fine"]
    assert fines and all(str(s.maximum) == "2000 MCI" for s in fines)


@pytest.mark.parametrize(("act", "part"), [(D(2020, 5, 1), "AOC2014 456-1(2)"), (D(2024, 1, 1), "AOC2014 456-2(1)")])
def test_aoc_false_information_of_an_official_online_turns_on_the_holder_s_resource(act: dt.date, part: str) -> None:
    # AOC 2014 Art. 456-1(2) (06.02.2023 text, shared/law/statutes/aoc2014/456-1.md): «Размещение заведомо ложной
    # информации в средствах массовой информации, на интернет-ресурсе обладателя информации, на интернет-портале
    # открытых данных или иными способами, предусмотренными законодательством Республики Казахстан»; Art.
    # 456-2(1) (20.08.2024 text, 456-2.md), the same places. An official's post on a personal social-media
    # account is not by its channel alone one on the information holder's internet resource: the part is not
    # a certain answer for a post in a network, and it is for the mass media, which the part names.
    post = kz.Incident(act_date=act, conduct="false_information", channel="telecom_network", offender="official",
                       knowing_and_dangerous=False)
    a = kz.assess(post, act + dt.timedelta(days=20))
    assert _governing(a) == part
    assert "holder_resource" in a.depends_on
    media = kz.Incident(act_date=act, conduct="false_information", channel="mass_media", offender="official",
                        knowing_and_dangerous=False)
    assert "holder_resource" not in kz.assess(media, act + dt.timedelta(days=20)).depends_on


def test_aoc_490_2_is_named_beside_453_2_for_religious_discord() -> None:
    # AOC 2014 Art. 490(2) (12.07.2026 text, kazakhstan-law/codes 02-codes/2014/0705-ob-administrativnykh-
    # pravonarusheniiakh-81245/rus/sec002-ch027.md, commit 0369b8141605024aab3a7205899b78729c27ab60): «...
    # оскорбление их религиозных чувств ..., если все вышеизложенные действия не содержат признаков уголовно
    # наказуемого деяния, – влекут штраф ... на юридических лиц – в размере ста месячных расчетных
    # показателей»; Art. 58(1): «При совершении одним лицом двух или более административных правонарушений
    # административное взыскание налагается за каждое правонарушение в отдельности». A legal entity's mass-media
    # product inciting religious discord falls under Art. 453(2), and may also under Art. 490(2), which the data
    # does not model: the answer names it rather than give 453(2)'s fine as the whole consequence.
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="incitement_of_discord", discord={"religious"},
                      channel="mass_media", offender="legal_entity")
    a = kz.assess(inc, D(2020, 6, 1))
    assert _governing(a) == "AOC2014 453(2)"
    assert any("AOC2014 490" in n and "58(1)" in n for n in a.notes)
    national = kz.Incident(act_date=D(2020, 5, 1), conduct="incitement_of_discord", discord={"national"},
                           channel="mass_media", offender="legal_entity")
    assert not any("AOC2014 490" in n for n in kz.assess(national, D(2020, 6, 1)).notes)
