"""The speech articles of CC 2014 and AOC 2014 found by reading the codes' Special Parts article by
article, listed in the scope register as not modelled. Expected headings are the statutes' own
(kazakhstan-law/codes, the commits named in each entry's source), never the library's output."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law import scope
from kzspeechlaw.law.facts import Conduct, Target
from kzspeechlaw.law.loader import DATA_DIR as DATA

D = dt.date
ENTRIES = scope.register().entries


def unmodelled(ref: str) -> scope.Entry:
    """The article's first unmodelled entry (an article may have another for some facts only, as AOC
    2014 Art. 104 for an insult by a legal entity)."""
    entries = [e for e in ENTRIES if e.ref == ref and e.status == "not_modelled"]
    assert entries, ref
    return entries[0]


@pytest.mark.parametrize(
    ("ref", "heading"),
    [
        # CC 2014, 16.09.2025 text (old layout, commit 006d21b1...)
        ("CC2014 419", "Заведомо ложный донос"),
        ("CC2014 273", "Заведомо ложное сообщение об акте терроризма"),
        ("CC2014 115", "Угроза"),
        ("CC2014 402", "Действия, провоцирующие к продолжению участия в забастовке, признанной судом незаконной"),
        ("CC2014 420", "Заведомо ложные показания, заключения эксперта, специалиста или неправильный перевод"),
        ("CC2014 185", "Незаконное собирание, распространение, разглашение государственных секретов"),
        # AOC 2014: Chapter 32 at 05.11.2022, Chapter 11 at 07.01.2023, Chapter 25 at 01.09.2025
        ("AOC2014 652", "Нарушение законодательства Республики Казахстан в области воинской службы"),
        ("AOC2014 104", "Распространение заведомо ложных сведений о кандидатах, политических партиях"),
        ("AOC2014 438", "Заведомо ложный вызов специальных служб"),
    ],
)
def test_a_speech_article_read_in_the_code_is_listed_under_its_heading(ref: str, heading: str) -> None:
    entry = unmodelled(ref)
    assert entry.title == heading
    assert entry.reason
    assert re.search(r"commit [0-9a-f]{40}", entry.source), entry.source


def test_cc_380_has_the_heading_of_law_136_vii_and_keeps_the_old_one_in_the_notes() -> None:
    # 16.09.2025 text: "Статья 380. Угроза или насильственные действия в отношении представителя
    # власти", part 1 "Угроза убийством, причинением вреда здоровью ..." (Law 11.07.2022 No. 136-VII);
    # 24.11.2015 text: "Применение насилия в отношении представителя власти".
    entry = unmodelled("CC2014 380")
    assert entry.title == "Угроза или насильственные действия в отношении представителя власти"
    assert "Применение насилия в отношении представителя власти" in entry.notes
    assert "136-VII" in entry.reason and "136-VII" in entry.notes


def test_an_article_added_by_a_later_law_starts_no_earlier_than_that_law_and_says_the_date_is_unread() -> None:
    # "Кодекс дополнен статьей 217-1 в соответствии с Законом РК от 12.07.2022 № 139-VII (вводится в
    # действие по истечении шестидесяти календарных дней ...)": the publication date was not read.
    pyramid = unmodelled("CC2014 217-1")
    assert pyramid.valid_from == D(2022, 7, 12) and not pyramid.dates_verified
    # AOC 652, title "в редакции Закона РК от 29.12.2014 № 272-V (вводится в действие 01.01.2015)":
    # the Code's whole life, no period of its own.
    assert unmodelled("AOC2014 652").valid_from is None


@pytest.mark.parametrize(
    "ref",
    # statements to authorities that are not dissemination, and articles bound to a place or a
    # state of emergency the vocabulary cannot state
    ["CC2014 419", "CC2014 273", "AOC2014 438", "AOC2014 434-1"],
)
def test_an_article_the_vocabulary_cannot_narrow_is_listed_without_conducts(ref: str) -> None:
    entry = unmodelled(ref)
    assert entry.conducts == () and entry.targets == ()
    assert "conduct" in entry.reason


def test_an_ordinary_slander_or_insult_is_still_answered_by_the_modelled_articles() -> None:
    slander = kz.Incident(act_date=D(2023, 5, 1), conduct="slander", channel="mass_media", target="person")
    a = kz.assess(slander, decided_on=D(2023, 6, 1))
    assert a.outcome == "liable" and a.governing is not None
    assert str(a.governing.ref).startswith("AOC2014 73-3")
    listed = ("AOC2014 652", "AOC2014 104", "AOC2014 112", "CC2014 419", "AOC2014 73 ")
    assert not any(ref in note for note in a.notes for ref in listed)


def test_a_private_incitement_is_not_sent_outside_the_scope_by_the_event_articles() -> None:
    # CC 2014 Art. 174 needs publicity ("публично или с использованием средств массовой информации
    # ..."); AOC Art. 434-1(1)(2) needs a sports or cultural event, Art. 478 an area under emergency
    # (its entry requires the circumstance), Art. 490(2) an insult of religious feelings: a private
    # incitement of national discord, with neither circumstance, falls under none.
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="incitement_of_discord", channel="private",
                      discord={"national"})
    a = kz.assess(inc, decided_on=D(2020, 6, 1))
    assert a.outcome == "no_provision"
    assert not any("434-1" in n or "478" in n or "490" in n for n in a.notes)


@pytest.mark.parametrize("state", ["emergency", "martial_law"])
@pytest.mark.parametrize("kind", ["national", "religious"])
def test_a_private_incitement_in_an_area_under_emergency_or_martial_law_may_be_aoc_478(state: str,
                                                                                          kind: str) -> None:
    # AOC 2014 Art. 478(1), 12.07.2026 text (new layout rus/sec002-ch027.md, commit 0369b814...):
    # «Действия, провоцирующие нарушение правопорядка или разжигающие национальную и религиозную
    # рознь, ... совершенные в местности, где объявлено чрезвычайное или военное положение, – влекут
    # штраф в размере сорока месячных расчетных показателей либо административный арест на срок до
    # тридцати суток». No channel is named: a private act CC 2014 Art. 174 does not reach may be one.
    # It was "no provision".
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="incitement_of_discord", channel="private",
                      discord={kind}, circumstances={state})
    a = kz.assess(inc, decided_on=D(2020, 6, 1))
    assert a.outcome == "outside_scope"
    assert any("AOC2014 478" in n for n in a.notes)
    assert "AOC2014 478" in [e.ref for e in scope.outside(inc)]


def test_a_private_incitement_of_social_discord_under_emergency_is_not_aoc_478() -> None:
    # Art. 478(1) names only «национальную и религиозную рознь».
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="incitement_of_discord", channel="private",
                      discord={"social"}, circumstances={"emergency"})
    assert kz.assess(inc, decided_on=D(2020, 6, 1)).outcome == "no_provision"


def test_a_private_insult_of_religious_feelings_may_be_aoc_490_2() -> None:
    # AOC 2014 Art. 490(2), 12.07.2026 text (rus/sec002-ch027.md, commit 0369b814...): «Воспрепятствование
    # законной религиозной деятельности, а равно нарушение гражданских прав физических лиц по мотивам
    # отношения к религии или оскорбление их религиозных чувств ..., если все вышеизложенные действия не
    # содержат признаков уголовно наказуемого деяния, – влекут штраф на физических лиц в размере двадцати
    # пяти ... месячных расчетных показателей». CC 2014 Art. 174(1) (incitement «на оскорбление ...
    # религиозных чувств граждан») needs publicity; a private one was "no provision".
    inc = kz.Incident(act_date=D(2021, 3, 1), conduct="incitement_of_discord", channel="private",
                      discord={"religious"})
    a = kz.assess(inc, decided_on=D(2021, 4, 1))
    assert a.outcome == "outside_scope"
    assert [e.ref for e in scope.outside(inc)] == ["AOC2014 490"]
    # a public one is the crime, answered under Art. 174(1)
    public = kz.Incident(act_date=D(2021, 3, 1), conduct="incitement_of_discord", channel="public_speech",
                         discord={"religious"})
    b = kz.assess(public, decided_on=D(2021, 4, 1))
    assert b.outcome == "liable" and b.governing is not None and str(b.governing.ref) == "CC2014 174(1)"


def test_an_entry_s_facts_are_checked_at_load(tmp_path: Path) -> None:
    text = (DATA / "scope.toml").read_text(encoding="utf-8").replace(
        'facts = [["discord:religious"]]', 'facts = [["discord:tribal"]]')
    (tmp_path / "scope.toml").write_text(text, encoding="utf-8")
    with pytest.raises(kz.DataError, match="discord:tribal"):
        scope.load(tmp_path)


@pytest.mark.parametrize(
    ("ref", "heading", "valid_from", "dates_verified"),
    [
        # new layout rus/sec002-ch012.md, -ch025.md, -ch032.md at commit 8c3174b4... (02.03.2026)
        ("AOC2014 127-3", "Нарушение законодательства Республики Казахстан в области защиты прав детей",
         D(2026, 3, 2), False),
        ("AOC2014 135-1", "Несообщение должностными лицами о фактах оставления новорожденного, поступления и "
         "доставления детей-сирот и детей, оставшихся без попечения родителей", D(2024, 7, 5), False),
        ("AOC2014 434-3", "Нарушение требований законодательства Республики Казахстан о ношении в общественных "
         "местах предметов одежды, препятствующих распознаванию лица", D(2026, 3, 2), False),
        ("AOC2014 668-2", "Воспрепятствование законной деятельности регионального уполномоченного органа по "
         "защите прав детей Республики Казахстан", D(2026, 3, 2), False),
        # "Кодекс дополнен статьей 653-1 ... Законом РК от 05.11.2022 № 158-VII (вводится в действие с 01.01.2023)"
        ("AOC2014 653-1", "Проявление неуважения к Конституционному Суду", D(2023, 1, 1), True),
    ],
)
def test_the_2026_aoc_articles_named_in_the_jurisdiction_articles_are_read_and_listed(
        ref: str, heading: str, valid_from: dt.date, dates_verified: bool) -> None:
    # Arts 730-1 and 685 of the 12.07.2026 edition name 127-3, 135-1, 668-2 and 434-3; their texts
    # are in the 02.03.2026 version, so each is listed under its heading, without conducts.
    entry = unmodelled(ref)
    assert entry.title == heading
    assert entry.valid_from == valid_from and entry.dates_verified is dates_verified
    assert "8c3174b492545560d703dff472505f046a6484ef" in entry.source
    assert entry.conducts == () and entry.targets == ()
    aoc = next(c for c in scope.register().codes if c.id == "AOC2014")
    assert "(Arts 127-135-1) in the 02.03.2026 version" in aoc.chapters_read


def test_the_four_child_protection_and_face_covering_articles_are_said_not_to_be_speech() -> None:
    for ref in ("AOC2014 127-3", "AOC2014 135-1", "AOC2014 434-3", "AOC2014 668-2"):
        assert unmodelled(ref).reason.startswith("not a speech offence"), ref


def test_cc_380_3_is_listed_with_law_252_viii_and_its_text() -> None:
    # 03.01.2026 text (new layout rus/sec006-ch016.md, commit 0554b686...): "Статья 380-3. Угроза или
    # применение насилия в отношении медицинского работника или водителя транспортного средства скорой
    # медицинской помощи"; "Вводится в действие по истечении шестидесяти календарных дней после дня его
    # первого официального опубликования в соответствии с Законом РК от 03.01.2026 № 252-VIII." The
    # 12.06.2026 text (old layout rus/sec007-ch016.md, commit af5927f7...): "1. Угроза применения насилия
    # в отношении медицинского работника ... при исполнении или в связи с исполнением им своих служебных
    # или профессиональных обязанностей либо из мести за их выполнение –"
    entry = unmodelled("CC2014 380-3")
    assert entry.title == ("Угроза или применение насилия в отношении медицинского работника или водителя "
                           "транспортного средства скорой медицинской помощи")
    assert entry.valid_from == D(2026, 1, 3) and not entry.dates_verified
    assert "0554b6865ea54115d1cd6f64b382a72da7af41a0" in entry.source and "252-VIII" in entry.source
    assert "af5927f75284aa7ea25f7f312e8ababbf11b745a" in entry.source
    assert "threat" in entry.reason and "12.06.2026 text" in entry.reason
    assert "Угроза применения насилия в отношении медицинского работника" in entry.notes
    cc = next(c for c in scope.register().codes if c.id == "CC2014")
    assert cc.current_to == D(2026, 6, 12) and "af5927f75284aa7ea25f7f312e8ababbf11b745a" in cc.edition


def test_cc_380_3_has_no_conducts_as_the_vocabulary_has_no_threat() -> None:
    # No conduct "threat" exists: the incident vocabulary cannot even state it, so the entry has none.
    assert "threat" not in {c.value for c in Conduct}
    assert unmodelled("CC2014 380-3").conducts == ()


def test_cli_coverage_lists_the_new_entries(capsys: pytest.CaptureFixture[str]) -> None:
    from kzspeechlaw.cli.commands import main

    assert main(["coverage"]) == 0
    out = capsys.readouterr().out
    assert "CC2014 419       NOT MODELLED" in out and "AOC2014 652      NOT MODELLED" in out
    assert main(["coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    titles = {e["article"]: e["title"] for e in data["scope"] if e["status"] == "not_modelled"}
    assert titles["CC2014 273"] == "Заведомо ложное сообщение об акте терроризма"


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=D(1998, 1, 1), max_value=D(2026, 6, 30)),
    st.sampled_from(list(Conduct)),
    st.sampled_from([None, *Target]),
)
def test_only_an_entry_naming_the_conduct_is_ever_given_as_the_reason(day: dt.date, conduct: Conduct,
                                                                      target: Target | None) -> None:
    # An entry without conducts is a listing: it never makes an incident outside the scope.
    inc = kz.Incident(act_date=day, conduct=conduct, target=target,
                      discord={"national"} if conduct == "incitement_of_discord" else ())
    for entry in (*scope.outside(inc), *scope.special_unmodelled(inc)):
        assert entry.number == "" or conduct in entry.conducts, entry.ref


@pytest.mark.parametrize(("target", "conduct", "article"), [
    # AOC 2014 Art. 652(1): "Оскорбление одним военнослужащим другого во время исполнения или в связи с
    # исполнением обязанностей воинской службы"; CC 2014 Art. 440: humiliation between servicemen.
    ("serviceman", "insult", "AOC2014 652"),
    # AOC 2014 Art. 73: "оскорбительное приставание, унижение ... к лицам, состоящим с правонарушителем в
    # семейно-бытовых отношениях".
    ("family_member", "insult", "AOC2014 73"),
    # AOC 2014 Art. 80-1(2): disrespect to medical workers "выраженное в нецензурной брани ...".
    ("medical_worker", "insult", "AOC2014 80-1"),
    # AOC 2014 Art. 104: "Распространение заведомо ложных сведений о кандидатах, политических партиях".
    ("candidate", "slander", "AOC2014 104"),
])
def test_a_special_article_aimed_at_the_target_is_named_not_passed_over(target: str, conduct: str, article: str) -> None:
    inc = kz.Incident(act_date="2021-05-01", conduct=conduct, channel="telecom_network", target=target)
    a = kz.assess(inc, "2021-06-01")
    assert a.outcome == "outside_scope" and a.governing is None
    assert any(article + " (" in note for note in a.notes), a.notes


def test_a_listed_article_asked_for_by_name_says_why_it_is_not_modelled() -> None:
    with pytest.raises(kz.UnknownProvision) as caught:
        kz.provision("CC2014 440", on="2020-01-01")
    message = str(caught.value)
    assert "is not in the data: CC2014 440 (Нарушение уставных правил взаимоотношений между военнослужащими" in message
    with pytest.raises(kz.UnknownProvision, match=r"^CC2014 999 is not in the data; see kzspeechlaw coverage$"):
        kz.provision("CC2014 999", on="2020-01-01")


@pytest.mark.parametrize("conduct", ["call_to_mass_riots", "call_to_violence"])
@pytest.mark.parametrize("act", [D(1998, 1, 1), D(2010, 5, 1), D(2014, 12, 31)])
def test_a_call_to_riots_or_violence_under_the_1997_code_names_its_art_241(conduct: str, act: dt.date) -> None:
    # CC 1997 Art. 241(3), 23.04.2014 text (rus/sec006-ch009.md at commit 1a946b05): «Призывы к активному
    # неподчинению законным требованиям представителей власти и к массовым беспорядкам, а равно призывы к
    # насилию над гражданами» — a crime the data does not model, not the 2001 Administrative Code alone.
    a = kz.assess(kz.Incident(act_date=act, conduct=conduct, channel="public_speech"), decided_on=D(2015, 6, 1))
    assert a.outcome == "outside_scope"
    assert any("CC1997 241" in note for note in a.notes)
    assert unmodelled("CC1997 241").title == "Массовые беспорядки"
