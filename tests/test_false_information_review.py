"""False information (CC 2014 Art. 274, CC 1997 Art. 242-1, AOC 2014 Arts. 456-1, 456-2): answers
checked against the statute texts in a review."""

from __future__ import annotations

import datetime as dt

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
