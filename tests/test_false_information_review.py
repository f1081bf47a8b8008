"""False information (CC 2014 Art. 274, CC 1997 Art. 242-1, AOC 2014 Arts. 456-1, 456-2): answers
checked against the statute texts in a review."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz

D = dt.date


def test_cc1997_242_1_names_the_networks_itself() -> None:
    # CC 1997 Art. 242-1(2), inserted by Law 23.04.2014 No. 200-V (final 01.01.2015 text, kazakhstan-law/codes
    # 02-codes/1997/0715-ugolovnyi-kodeks-respubliki-kazakhstan-8, commit 8c7ac3b33b5056fc818e6094307a49ddc6124385):
    # «То же деяние, совершенное: ... 3) с использованием средств массовой информации или
    # информационно-коммуникационных сетей». The Code names the networks here: no inference of the data
    # reads the internet post into the part, and no note may say the Code names none.
    post = kz.Incident(act_date=D(2014, 6, 1), conduct="false_information", channel="telecom_network",
                       knowing_and_dangerous=True)
    a = kz.assess(post, D(2014, 9, 1))
    assert a.governing is not None and str(a.governing.ref) == "CC1997 242-1(2)"
    assert not any("names no telecommunication networks" in n for n in a.notes)


def test_cc1997_242_1_4_turns_on_the_group_not_on_the_post() -> None:
    # CC 1997 Art. 242-1(4): «Деяния, предусмотренные частями первой, второй или третьей настоящей
    # статьи, совершенные: 1) организованной группой; 2) в условиях чрезвычайного положения ...» names no
    # channel: an internet post by an organised group falls under it whatever the channel.
    post = kz.Incident(act_date=D(2014, 6, 1), conduct="false_information", channel="telecom_network",
                       circumstances={"criminal_group"}, knowing_and_dangerous=True)
    a = kz.assess(post, D(2014, 9, 1))
    assert a.governing is not None and str(a.governing.ref) == "CC1997 242-1(4)"
    assert not any("names no telecommunication networks" in n for n in a.notes)


def test_cc1997_slander_online_still_states_the_reading() -> None:
    # CC 1997 Art. 129(2) («в публичном выступлении, публично демонстрирующемся произведении или средствах
    # массовой информации») names no networks: the note stays where the post alone meets the clause.
    post = kz.Incident(act_date=D(2012, 3, 1), conduct="slander", channel="telecom_network")
    assert any("names no telecommunication networks" in n for n in kz.assess(post, D(2012, 9, 1)).notes)


def test_classify_names_the_elements_the_facts_leave_open() -> None:
    # CC 2014 Art. 274(2) (12.07.2018 text, kazakhstan-law/codes rus/sec006-ch009.md, commit
    # 99437a0af0791918a203673ba95ffee2862a1219): «То же деяние, совершенное: 1) группой лиц по
    # предварительному сговору; ...». A group alone does not say there was a prior agreement: without
    # it the act stays under part 1, which classify may not set aside as settled (assess: depends_on).
    from kzspeechlaw.reasoning.assessment import classification_json

    group = kz.Incident(act_date=D(2020, 3, 26), conduct="false_information", channel="private",
                        circumstances={"group"}, knowing_and_dangerous=True)
    (found,) = classification_json(group, kz.classify(group), D(2020, 3, 26))  # type: ignore[misc]
    assert found["ref"] == "CC2014 274(2)" and found["open_elements"] == ["prior_agreement"]
    assert "prior_agreement" in kz.assess(group, D(2020, 6, 1)).depends_on
    online = kz.Incident(act_date=D(2020, 3, 26), conduct="false_information", channel="telecom_network",
                         circumstances={"group"}, knowing_and_dangerous=True)
    (found,) = classification_json(online, kz.classify(online), D(2020, 3, 26))  # type: ignore[misc]
    assert found["open_elements"] == []  # the network meets item 3) whatever the group agreed
    # AOC 2014 Art. 456-2(3) (10.09.2023 text, commit ceb805c2f31e56b67b5315832cc80147f9e7e1e2): «Размещение,
    # распространение ложной информации пользователями онлайн-платформ, создающей условия нарушения
    # общественного порядка, ...» - the conditions are an element the facts cannot state.
    post = kz.Incident(act_date=D(2024, 3, 26), conduct="false_information", channel="telecom_network",
                       knowing_and_dangerous=False)
    (found,) = classification_json(post, kz.classify(post), D(2024, 3, 26))  # type: ignore[misc]
    assert found["ref"] == "AOC2014 456-2(3)" and found["open_elements"] == ["harm_conditions"]


def test_classify_text_names_the_elements_the_facts_leave_open(capsys: pytest.CaptureFixture[str]) -> None:
    # AOC 2014 Art. 456-1(2) (06.02.2023 text, commit 01b4b90f09f8f7226ea3bcfa0b36892bc5a19ac3): «Размещение
    # заведомо ложной информации в средствах массовой информации ...»: the author's knowledge is open.
    from kzspeechlaw.cli import main

    assert main(["classify", "--act-date", "2020-03-26", "--conduct", "false_information", "--channel",
                 "mass_media", "--offender", "official", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    head = out.partition("CC2014 274(2)")[0]
    assert head.startswith("AOC2014 456-1(2)")
    assert "applies only where it is shown that the author knew the information to be false" in head
