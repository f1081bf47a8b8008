"""The amnesty laws of 2021-2026 against their texts (shared/law/statutes/amnesty/ and the
kazakhstan-law/codes mirror)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw.reasoning import amnesty

D = dt.date


# --- Law 01.07.2026 No. 329-VIII, Chapter 2: fines for offences the courts alone hear -------------

@pytest.mark.parametrize("ref", ["AOC2014 73-3(1)", "AOC2014 73-3(2)", "AOC2014 73-3(3)", "AOC2014 434(1)",
                                 "AOC2014 451(1)", "AOC2014 451(3)", "AOC2014 453(2)", "AOC2014 456-1(2)",
                                 "AOC2014 456-2(1)", "AOC2014 456-2(3)", "AOC2014 127-2(2)"])
@pytest.mark.parametrize("by_court", [None, False])
def test_no_release_of_a_fine_only_a_court_imposes(ref: str, by_court: bool | None) -> None:
    """Law 329-VIII (03-laws/2026/0701-…-227195/rus.md, commit dd58426f…) Art. 7(1) releases from a
    fine «за административные правонарушения, дела которых относятся к подведомственности
    уполномоченных органов (должностных лиц), указанных в статьях 685 – 735-1 Кодекса», and Art. 8
    excludes the persons «1) на которых административное взыскание наложено судами». AOC 2014
    Art. 684(1) (sec003.md, editions 04.12.2024 commit 46793439… and 12.07.2026 commit 0369b814…):
    «Судьи специализированных районных и приравненных к ним судов по административным
    правонарушениям рассматривают дела ..., предусмотренных статьями 73, 73-3, 74, […] 127-2,
    […] 434, […] 451 (частями первой, второй, третьей, восьмой, девятой и семнадцатой), 453,
    456-1, 456-2»; Art. 683(2): officials hear cases «за исключением дел, указанных в статье
    684». A fine for these is always a court's: the 2026 Law releases none, even where who imposed
    it is not stated (``None``) or stated otherwise (``False``, which the Code rules out)."""
    assert amnesty.administrative_release(kz.ref(ref), D(2026, 5, 1), by_court) == ()


def test_a_fine_the_police_impose_is_still_released() -> None:
    """AOC Art. 685(1) gives the police «449 (частью первой)»; Art. 8(2) of Law 329-VIII does not
    name 449: a fine for it, imposed out of court and unpaid on the entry into force, is released
    (Art. 7(1)), with the conditions the facts leave open."""
    (found,) = amnesty.administrative_release(kz.ref("AOC2014 449(1)"), D(2026, 5, 1), None)
    assert found[0].id == "329-VIII" and "out-of-court" in found[1]
    assert amnesty.administrative_release(kz.ref("AOC2014 449(2)"), D(2026, 5, 1), None) == ()


# --- the full lists of excluded articles, read: articles they do not name ------------------------

@pytest.mark.parametrize("conduct, channel, act, decided, law", [
    ("desecration_of_state_symbols", "public_speech", D(2021, 10, 1), D(2022, 1, 20), "81-VII"),
    ("desecration_of_state_symbols", "public_speech", D(2025, 3, 1), D(2025, 8, 1), "195-VIII"),
    ("desecration_of_state_symbols", "public_speech", D(2026, 3, 1), D(2026, 9, 1), "329-VIII"),
    ("contempt_of_court", "public_speech", D(2021, 10, 1), D(2022, 1, 20), "81-VII"),
    ("contempt_of_court", "public_speech", D(2025, 3, 1), D(2025, 8, 1), "195-VIII"),
    ("contempt_of_court", "public_speech", D(2026, 3, 1), D(2026, 9, 1), "329-VIII"),
])
def test_articles_read_absent_from_the_full_lists_are_released(conduct: str, channel: str, act: dt.date,
                                                               decided: dt.date, law: str) -> None:
    """CC 2014 Art. 372 (desecration of state symbols, small gravity) and Art. 410 (contempt of
    court, a criminal misdemeanour) are released from liability by «1) лица, совершившие уголовные
    проступки и (или) преступления небольшой тяжести» (Law 81-VII Art. 2(1)(1); 195-VIII Art.
    2(1)(1); 329-VIII Art. 1(1)(1)), and the lists of excluded 2014-Code articles, read in full
    (81-VII Art. 4(13), 03-laws/2021/…-161347/rus.md commit 66a94de6…; 195-VIII Art. 4(15),
    03-laws/2025/…-211559/rus.md commit e538dfe6…; 329-VIII Art. 3(16), 03-laws/2026/…-227195/rus.md
    commit dd58426f…), go from «… (статья 380-2)» or «… (статья 407)» to «посягательство на жизнь
    судьи … (статья 408)» without 372 or 410. The release is no longer withheld as «shortened, not
    checked»: the assessment is ``amnestied``."""
    a = kz.assess(kz.Incident(act_date=act, conduct=conduct, channel=channel), decided_on=decided)
    assert str(a.governing.ref).split("(")[0] in ("CC2014 372", "CC2014 410")
    assert a.outcome.value == "amnestied"
    (route,) = [r for r in a.releases if r.route == "amnesty"]
    assert route.article == f"Law {law}"


@pytest.mark.parametrize("ref", ["CC1997 317-1(1)", "CC1997 342(1)", "CC1997 343(1)"])
def test_1997_code_articles_read_absent_from_the_full_lists(ref: str) -> None:
    """Small-gravity crimes of the 1997 Code «(с изменениями и дополнениями, внесенными ... до 1
    января 2015 года)» are released by 81-VII Art. 2(1)(1), 195-VIII Art. 2(1)(1) and 329-VIII
    Art. 1(1)(1); the lists of excluded 1997-Code articles, read in full (81-VII Art. 4(12),
    195-VIII Art. 4(14), 329-VIII Art. 3(15)), go from «применение насилия в отношении представителя
    власти (часть вторая статьи 321)» (2026: «… (статья 339)») to «посягательство на жизнь лица,
    осуществляющего правосудие или предварительное расследование (статья 340)», «… (часть
    четвертая статьи 341)» and «заведомо ложный донос (части вторая и третья статьи 351)»: no
    317-1, 342 or 343."""
    act = D(2014, 6, 1)
    p = kz.provision(ref, on=act)
    found = {f.amnesty.id: f.status for f in amnesty.findings(p, act, D(2026, 9, 1))}
    assert {i: found[i] for i in ("81-VII", "195-VIII", "329-VIII")} == dict.fromkeys(
        ("81-VII", "195-VIII", "329-VIII"), amnesty.Status.RELEASED)


@pytest.mark.parametrize("law, act, decided", [("81-VII", D(2021, 6, 1), D(2021, 12, 20)),
                                               ("195-VIII", D(2025, 1, 10), D(2025, 8, 1))])
def test_the_socially_vulnerable_are_those_art_1_defines(law: str, act: dt.date, decided: dt.date) -> None:
    """Laws 81-VII and 195-VIII Art. 2(1)(3) release «социально уязвимые лица, совершившие
    преступления средней тяжести»; Art. 1 defines them («В целях настоящего Закона к социально
    уязвимым лицам относятся: ветераны …; лица, не достигшие восемнадцатилетнего возраста на
    момент совершения уголовного правонарушения; женщины, которым исполнилось пятьдесят лет и
    старше, мужчины, которым исполнилось шестьдесят лет и старше на день введения в действие …;
    женщины, беременные …; женщины … имеющие детей … не достигших восемнадцатилетнего возраста …;
    мужчины … являющиеся … единственным родителем несовершеннолетних детей …; инвалиды первой или
    второй группы» (2025: «лица с инвалидностью первой или второй группы»)). Not every parent of
    minors nor every disabled person: the condition the finding states names the Law's terms."""
    p = kz.provision("CC2014 274(2)", on=act)  # medium gravity; only part 4 is in these lists
    (f,) = [f for f in amnesty.findings(p, act, decided) if f.amnesty.id == law]
    assert f.status is amnesty.Status.CONDITIONAL
    assert "Art. 1 of the Law" in f.reason and "group I or II disability" in f.reason
    assert "sole parent" in f.reason and "parents of minor children" not in f.reason
    # A fact that settles the category still releases (Art. 2(1)(3)).
    settled = [g for g in amnesty.findings(p, act, decided, amnesty.Facts(social_category=True)) if g.amnesty.id == law]
    assert settled[0].status is amnesty.Status.RELEASED


# --- a conviction before an amnesty law's entry into force ---------------------------------------

def _later_notes(a: kz.Assessment, law: str) -> list[str]:
    return [str(n) for n in a.notes if str(n).startswith(f"Law {law} (") and "after the decision date" in str(n)]


def test_a_later_amnesty_ends_the_main_punishment_of_a_conviction() -> None:
    """An insult of 15.10.2025 (CC 2014 131(2), a criminal misdemeanour) convicted on 01.03.2026 is
    ``liable`` on that day: Law 329-VIII was not yet in force. It reaches the act («Положения
    настоящей главы распространяются на лиц, совершивших преступления до введения в действие
    настоящего Закона», Art. 4(1)), and «Осужденные, подпадающие под действие пункта 1 настоящей
    статьи, подлежат освобождению от дальнейшего отбывания только основного наказания» (Art.
    1(5)), except those «в отношении которых наказание исполнено и отбывших наказание» (Art.
    3(9)). The notes say so; the outcome on the decision date is unchanged."""
    a = kz.assess(kz.Incident(act_date=D(2025, 10, 15), conduct="insult", channel="telecom_network"),
                  decided_on=D(2026, 3, 1))
    assert a.outcome.value == "liable"
    (note,) = _later_notes(a, "329-VIII")
    assert "main punishment still to be served (Art. 1(5)" in note and "(Art. 3(9))" in note
    assert "in force from 2026-07-01 at the earliest" in note


def test_no_later_release_note_where_the_later_law_excludes_the_act() -> None:
    """Knowingly false information of 01.03.2025 (CC 2014 274(2), medium gravity) convicted on
    01.05.2025: Law 195-VIII (23.06.2025) releases it only «не повлекшие причинение ущерба, либо
    полностью его возместившие или по которым не предъявлен гражданский иск» or for the socially
    vulnerable (Art. 2(1)(2)-(3)), so its note is conditional; Law 329-VIII names «распространение
    заведомо ложной информации (статья 274)» (Art. 3(16)): no note of a release."""
    a = kz.assess(kz.Incident(act_date=D(2025, 3, 1), conduct="false_information", channel="telecom_network",
                              knowing_and_dangerous=True), decided_on=D(2025, 5, 1))
    (note,) = _later_notes(a, "195-VIII")
    assert "only under Art. 2(1)(2), 2(3) if" in note and "which the facts do not say" in note
    assert _later_notes(a, "329-VIII") == []


def test_no_later_note_for_a_law_in_force_on_the_decision_date() -> None:
    """Decided after 01.07.2026, the insult is amnestied by Law 329-VIII itself (Art. 1(1)(1), 1(3)):
    no note of a later release."""
    a = kz.assess(kz.Incident(act_date=D(2025, 10, 15), conduct="insult", channel="telecom_network"),
                  decided_on=D(2026, 9, 1))
    assert a.outcome.value == "amnestied" and _later_notes(a, "329-VIII") == []


def test_a_list_of_persons_convicted_reaches_a_person_convicted() -> None:
    """Law 81-VII Art. 4(13) excludes persons «осужденных за следующие преступления …: … массовые
    беспорядки (статья 272)». A call to mass riots (CC 2014 272(3)) of 01.06.2021 convicted on
    01.09.2021 is such a person: the Law, in force from 07.12.2021 at the earliest, does not release
    him from the main punishment, and no note says it may."""
    a = kz.assess(kz.Incident(act_date=D(2021, 6, 1), conduct="call_to_mass_riots", channel="telecom_network"),
                  decided_on=D(2021, 9, 1))
    assert str(a.governing.ref).startswith("CC2014 272")
    assert _later_notes(a, "81-VII") == []
    p = a.governing
    (f,) = [f for f in amnesty.later_findings(p, D(2021, 6, 1), D(2021, 9, 1)) if f.amnesty.id == "81-VII"]
    assert f.status is amnesty.Status.EXCLUDED and f.exclusion is not None and f.exclusion.article == "Art. 4(13)"
