"""Speech against persons in office: findings of a review (CC 2014 Arts. 373-378, 410-411; CC 1997
Arts. 317-1-320, 342-343).

CC 2014 Art. 3(9) (07.11.2014 text, kazakhstan-law/codes 02-codes/2014/0703-…-81097/rus/sec001.md,
commit 016484a40b816f031a580b9ce335c1225045c810; the same words in the 16.09.2025 text, old layout
rus/sec001.md, commit 006d21b1c6f40a5a32cbf79b650b9cf72cba4aa8):

    «представитель власти – лицо, находящееся на государственной службе, наделенное в установленном
    законом Республики Казахстан порядке распорядительными полномочиями в отношении лиц, не
    находящихся от него в служебной зависимости, в том числе сотрудник правоохранительного или
    специального государственного органа …»

CC 2014 Art. 378(2) (12.07.2018 text, shared/law/statutes/cc2014/378.md): «То же деяние, совершенное
публично или с использованием средств массовой информации или сетей телекоммуникаций» of part 1,
«Оскорбление представителя власти при исполнении им своих служебных обязанностей или в связи с их
исполнением». A prosecutor, investigator, inquiry officer, bailiff or official may be such a person;
the vocabulary names them apart, so an insult of one of them in connection with the duties was a
certain CC 2014 Art. 131 (general insult) with nothing left open.
"""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz

ACT = dt.date(2019, 6, 1)
DECIDED = dt.date(2019, 7, 1)


@pytest.mark.parametrize("target", ["prosecutor", "investigator", "inquiry_officer", "bailiff", "official"])
def test_an_insult_of_one_who_may_be_a_representative_of_authority_names_art_378(target: str) -> None:
    incident = kz.Incident(act_date=ACT, conduct="insult", channel="telecom_network", target=target,
                           in_connection_with_duties=True)
    a = kz.assess(incident, decided_on=DECIDED)
    assert str(a.governing.ref) == "CC2014 131(2)"  # the facts as stated
    assert "target" in a.depends_on  # not a certain answer: Art. 3(9) may make the target one
    assert any("CC2014 378(2)" in n and "representative of authority" in n for n in a.notes)
    stated = kz.assess(incident.__class__(act_date=ACT, conduct="insult", channel="telecom_network",
                                          target="authority_representative", in_connection_with_duties=True),
                       decided_on=DECIDED)
    assert str(stated.governing.ref) == "CC2014 378(2)"
    assert stated.depends_on == ()


def test_the_link_left_open_is_stated_with_the_alternative() -> None:
    a = kz.assess(kz.Incident(act_date=ACT, conduct="insult", channel="private", target="investigator"),
                  decided_on=DECIDED)
    assert str(a.governing.ref) == "CC2014 131(1)"
    assert "target" in a.depends_on
    assert any("CC2014 378(1)" in n and "in_connection_with_duties=true" in n for n in a.notes)


def test_no_alternative_where_the_link_is_denied_or_the_act_is_a_slander() -> None:
    unlinked = kz.assess(kz.Incident(act_date=ACT, conduct="insult", channel="telecom_network",
                                     target="prosecutor", in_connection_with_duties=False), decided_on=DECIDED)
    assert str(unlinked.governing.ref) == "CC2014 131(2)"
    assert unlinked.depends_on == ()
    # slander of a prosecutor has its own article (CC 2014 Art. 411(2)); Art. 378 is an insult only
    slander = kz.assess(kz.Incident(act_date=ACT, conduct="slander", channel="telecom_network",
                                    target="prosecutor", in_connection_with_duties=True, allegation="none"),
                        decided_on=DECIDED)
    assert str(slander.governing.ref) == "CC2014 411(2)"
    assert "target" not in slander.depends_on


def test_the_1997_code_alike() -> None:
    """CC 1997 Art. 320(1) (01.01.2015 text, shared/law/statutes/cc1997/320.md): «Публичное
    оскорбление представителя власти при исполнении им своих служебных обязанностей или в связи с
    их исполнением»; note 1: «Представителем власти ... признается должностное лицо государственного
    органа, наделенное ... распорядительными полномочиями в отношении лиц, не находящихся от него в
    служебной зависимости»."""
    a = kz.assess(kz.Incident(act_date=dt.date(2014, 6, 1), conduct="insult", channel="public_speech",
                              target="official", in_connection_with_duties=True), decided_on=dt.date(2014, 7, 1))
    assert str(a.governing.ref) == "CC1997 130(2)"
    assert "target" in a.depends_on
    assert any("CC1997 320(1)" in n for n in a.notes)
