"""Amnesty answers a review found certain and wrong, each against the Law's text
(``shared/law/statutes/amnesty/``, kazakhstan-law/codes).

- Law 01.07.2026 No. 329-VIII Art. 3: «Действие настоящей главы не распространяется на лиц: ... 8)
  совершивших преступления в составе преступной группы, организованной группы, преступной организации,
  преступного сообщества ...; 10) совершивших уголовные правонарушения, при совокупности которых одно из
  них не подпадает под действие настоящего Закона; 11) совершивших уголовные правонарушения, входящие в
  совокупность приговоров, один из которых не подпадает под действие настоящего Закона; 12) совершивших
  умышленные преступления во время отбывания наказания». The same items: Law 23.06.2025 No. 195-VIII
  Art. 4(8), (10)-(12); Law 07.12.2021 No. 81-VII Art. 4(6), (8)-(10).
- Law 28.12.2011 No. 521-IV Art. 4: cases «о преступлениях небольшой и средней тяжести, совершенных до
  введения в действие настоящего Закона ... подлежат отказу в возбуждении и прекращению производством»;
  Art. 5(3): «При совокупности преступлений, если одно из них является тяжким или особо тяжким, амнистия
  не применяется.»

An insult in the media is a criminal misdemeanour (CC 2014 Art. 131(2)), which these laws release;
slander with an allegation of a grave crime was CC 1997 Art. 129(3), of medium gravity.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess


@pytest.mark.parametrize(("act", "decided"), [("2026-03-01", "2026-09-01"), ("2025-03-01", "2025-09-01"),
                                              ("2021-06-01", "2022-02-01")])
def test_a_criminal_group_withholds_the_release_of_a_misdemeanour(act: str, decided: str) -> None:
    """The item speaks of crimes («совершивших преступления в составе преступной группы»), and the Laws
    say «уголовные правонарушения» where they mean misdemeanours too (329-VIII Art. 3(10)-(11)); an
    insult in the media is a misdemeanour: whether the item reaches it is left open, not presumed."""
    plain = assess(Incident(act_date=act, conduct="insult", channel="mass_media"), decided)
    group = assess(Incident(act_date=act, conduct="insult", channel="mass_media", circumstances={"criminal_group"}),
                   decided)
    assert plain.outcome is kz.Outcome.AMNESTIED
    assert group.outcome is kz.Outcome.LIABLE and "amnesty" in group.depends_on
    amnesty_route = next(r for r in group.releases if r.route == "amnesty")
    assert amnesty_route.status != "applies"


def test_a_concurrence_with_a_grave_crime_is_excluded_under_the_2011_law() -> None:
    def outcome(aggregate: str) -> kz.Outcome:
        return assess(Incident(act_date="2011-12-01", conduct="insult", channel="mass_media", aggregate=aggregate),
                      "2012-03-01").outcome
    assert outcome("grave") is kz.Outcome.LIABLE
    assert outcome("especially_grave") is kz.Outcome.LIABLE
    assert outcome("small_gravity") is kz.Outcome.AMNESTIED


def test_other_crimes_decided_together_leave_the_later_laws_concurrence_item_open() -> None:
    """Whether one of them falls outside the Law is never stated: the release is withheld and named."""
    together = assess(Incident(act_date="2026-03-01", conduct="insult", channel="mass_media",
                               aggregate="small_gravity"), "2026-09-01")
    alone = assess(Incident(act_date="2026-03-01", conduct="insult", channel="mass_media", aggregate="none"),
                   "2026-09-01")
    assert together.outcome is kz.Outcome.LIABLE and "amnesty" in together.depends_on
    assert alone.outcome is kz.Outcome.AMNESTIED


def test_the_person_items_of_the_2026_law_are_named() -> None:
    a = assess(Incident(act_date="2026-03-01", conduct="insult", channel="mass_media"), "2026-09-01")
    said = " ".join(a.notes)
    assert "(Art. 3(11))" in said and "(Art. 3(12))" in said


@pytest.mark.parametrize("decided", ["2014-12-31", "2015-06-01", "2016-06-01"])
def test_the_2011_amnesty_still_reaches_an_act_the_2014_code_governs(decided: str) -> None:
    """A later, milder code cannot undo the release of an act the 2011 Law reached."""
    a = assess(Incident(act_date="2011-12-01", conduct="slander", channel="mass_media", allegation="grave_crime"),
               decided)
    assert a.outcome is kz.Outcome.AMNESTIED
    assert any("521-IV" in n for n in a.notes)


@pytest.mark.parametrize(("act", "decided"), [("2005-03-01", "2006-06-01"), ("2001-06-01", "2002-06-01"),
                                              ("1999-06-01", "2000-06-01")])
def test_an_act_an_amnesty_law_before_2011_may_have_released_leaves_the_amnesty_open(act: str, decided: str) -> None:
    """Law 13.07.1999 No. 415-I Art. 16 (kazakhstan-law/codes, 03-laws/1999/0712-...-3649/rus.md, commit
    a6809c0d3cdf03803f47bdb0523f8680798c61f5): «Прекратить производством все уголовные дела и дела, не
    рассмотренные судами, о преступлениях, совершенных до вступления в силу настоящего Закона ..., а
    также в отношении лиц, привлекаемых к уголовной ответственности за преступления, за которые
    предусмотрено наказание до пяти лет лишения свободы или наказание, не связанное с лишением свободы»;
    the same in Law 19.02.2002 No. 294 Art. 10 and Law 09.01.2006 No. 113 Art. 8. The data does not
    model the laws before Law 521-IV: the answer leaves the amnesty open and says why."""
    a = assess(Incident(act_date=act, conduct="slander", channel="mass_media", allegation="none"), decided)
    assert "amnesty" in a.depends_on
    assert any("415-I" in n and "not modelled" in n for n in a.notes)


def test_an_act_after_2011_is_not_held_open_for_the_earlier_amnesties() -> None:
    a = assess(Incident(act_date="2012-03-01", conduct="slander", channel="mass_media", allegation="none"),
               "2013-06-01")
    assert a.outcome is kz.Outcome.LIABLE and "amnesty" not in a.depends_on
