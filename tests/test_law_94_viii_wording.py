"""Law 19.06.2024 No. 94-VIII: the channel words of eleven modelled CC 2014 parts, each a version of
its own from the law's inferred in-force date. Expected words and figures are the statute's (the
16.09.2025 text, kazakhstan-law/codes old layout, commit 006d21b1...; the 03.01.2026 text of
Chapter 16, new layout, commit 0554b686...), never the library's output."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision
from kzspeechlaw.refs import parse

D = dt.date
SPLIT = D(2024, 8, 19)  # sixty days after a publication on the day of adoption, 19.06.2024: the earliest
BEFORE = SPLIT - dt.timedelta(days=1)

OR_ = "масс-медиа, сетей телекоммуникаций или онлайн-платформ"
AND_ = "масс-медиа, сетей телекоммуникаций и онлайн-платформ"
OLD = "средств массовой информации или сетей телекоммуникаций"
# Law 10.07.2023 No. 19-VIII, 19.04.2024 text (old layout, commit a7241ec5...), Arts 174(1) and 274(2)(3)
MID = "средств массовой информации, сетей телекоммуникаций и онлайн-платформ"

PARTS = [
    ("CC2014 131(2)", OLD, OR_),
    ("CC2014 161(2)", OLD, OR_),
    ("CC2014 174(1)", MID, AND_),
    ("CC2014 179(2)", OLD, OR_),
    ("CC2014 180(2)", OLD, OR_),
    ("CC2014 256(2)", OLD, OR_),
    ("CC2014 274(2)", MID, AND_),
    ("CC2014 299-1(2)", "средств массовой информации или электронных информационных ресурсов", OR_),
    ("CC2014 375(2)", OLD, OR_),
    ("CC2014 376(2)", OLD, OR_),
    ("CC2014 378(2)", OLD, OR_),
]


def version_on(ref: str, day: dt.date) -> Provision:
    (found,) = [v for v in law().versions[parse(ref)] if v.in_force_on(day)]
    return found


def maxima(p: Provision) -> dict[str, str]:
    return {s.kind.value: f"{s.maximum.magnitude:g} {s.maximum.units}" for s in p.sanctions if s.maximum is not None}


@pytest.mark.parametrize(("ref", "old", "new"), PARTS)
def test_the_part_reads_the_old_words_before_the_law_and_its_words_from_it(ref: str, old: str, new: str) -> None:
    before, after = version_on(ref, BEFORE), version_on(ref, SPLIT)
    assert old in before.text and new not in before.text
    assert new in after.text and old not in after.text
    assert after.act == "94-VIII" and after.valid_from == SPLIT and after.valid_to is None
    assert before.valid_to == SPLIT
    # the text is read (16.09.2025), the date is not
    assert after.source.endswith("/81097/rus/16.09.2025")
    assert not law().acts["94-VIII"].verified


@pytest.mark.parametrize(("ref", "old", "new"), PARTS)
def test_only_the_words_changed_elements_and_sanctions_did_not(ref: str, old: str, new: str) -> None:
    before, after = version_on(ref, BEFORE), version_on(ref, SPLIT)
    assert before.elements == after.elements
    assert before.sanctions == after.sanctions
    assert before.text.replace(old, new) == after.text


def test_the_law_has_an_inferred_unverified_date_within_the_window_the_texts_allow() -> None:
    act = law().acts["94-VIII"]
    assert act.adopted == D(2024, 6, 19) and act.in_force == SPLIT and not act.verified
    # sixty days after a publication no earlier than adoption; the 05.09.2024 text already has the words
    assert D(2024, 8, 19) <= act.in_force <= D(2024, 9, 5)
    assert "05.09.2024" in act.notes or "ea7a1a69166f3cfee395793914f783f93621f5a3" in act.notes


def test_insulting_a_police_officer_on_an_online_platform_in_2025_is_378_2_in_the_new_words() -> None:
    # 378(2), 16.09.2025 and 03.01.2026 texts: "То же деяние, совершенное публично или с использованием
    # масс-медиа, сетей телекоммуникаций или онлайн-платформ, – наказывается штрафом в размере до ста
    # шестидесяти месячных расчетных показателей ... на срок до ста шестидесяти часов, либо арестом
    # на срок до сорока суток."
    inc = kz.Incident(act_date=D(2025, 3, 1), conduct="insult", channel="telecom_network",
                      target="authority_representative", in_connection_with_duties=True)
    a = kz.assess(inc, decided_on=D(2025, 6, 1))
    assert a.outcome == "liable" and a.governing is not None
    assert str(a.governing.ref) == "CC2014 378(2)" and a.governing.act == "94-VIII"
    assert "онлайн-платформ" in a.governing.text
    assert maxima(a.governing) == {"fine": "160 MCI", "correctional_work": "160 MCI",
                                   "community_service": "160 hour", "arrest": "40 day"}


def test_an_insult_of_the_president_in_the_media_in_2023_keeps_the_old_words_and_figures() -> None:
    # 375(2), 12.07.2018-12.07.2023 texts: "То же деяние, совершенное с использованием средств массовой
    # информации или сетей телекоммуникаций, – наказывается штрафом в размере до трех тысяч ... либо
    # лишением свободы на тот же срок" (до трех лет).
    inc = kz.Incident(act_date=D(2023, 11, 1), conduct="insult", channel="mass_media", target="president")
    (match,) = [m for m in kz.classify(inc) if str(m.provision.ref) == "CC2014 375(2)"]
    assert match.provision.act == "419-V" and OLD in match.provision.text
    assert maxima(match.provision)["fine"] == "3000 MCI" and maxima(match.provision)["imprisonment"] == "3 year"


@pytest.mark.parametrize("ref", ["CC2014 174(1)", "CC2014 274(2)"])
def test_law_19_viii_words_stand_between_the_older_ones_and_law_94_viii(ref: str) -> None:
    start = D(2023, 9, 9)  # Law 19-VIII: 10.07.2023 + sixty days, the earliest possible
    older, middle = version_on(ref, start - dt.timedelta(days=1)), version_on(ref, start)
    assert OLD in older.text and MID not in older.text
    assert MID in middle.text and middle.act == "19-VIII"
    assert middle.valid_from == start and middle.valid_to == SPLIT
    assert middle.source.endswith("/81097/rus/19.04.2024")
    assert older.text.replace(OLD, MID) == middle.text
    assert older.sanctions == middle.sanctions and older.elements == middle.elements
    act = law().acts["19-VIII"]
    assert act.adopted == D(2023, 7, 10) and act.in_force == start and not act.verified
    # sixty days after a publication no earlier than adoption; the 19.04.2024 text has the words
    assert D(2023, 9, 8) <= act.in_force <= D(2024, 4, 19)


def test_inciting_discord_online_in_2024_is_174_1_in_law_19_viii_words_with_its_fine() -> None:
    # 174(1), 19.04.2024 text: "... если эти деяния совершены публично или с использованием средств
    # массовой информации, сетей телекоммуникаций и онлайн-платформ ... – наказываются штрафом в размере
    # от двух тысяч до семи тысяч месячных расчетных показателей либо ограничением свободы на срок от двух
    # до семи лет, либо лишением свободы на тот же срок."
    inc = kz.Incident(act_date=D(2024, 3, 1), conduct="incitement_of_discord", channel="telecom_network",
                      discord={"national"})
    (match,) = [m for m in kz.classify(inc) if str(m.provision.ref) == "CC2014 174(1)"]
    assert match.provision.act == "19-VIII" and MID in match.provision.text
    fine = next(s for s in match.provision.sanctions if s.kind.value == "fine")
    assert fine.minimum is not None and fine.maximum is not None
    assert f"{fine.minimum.magnitude:g}" == "2000" and f"{fine.maximum.magnitude:g}" == "7000"
