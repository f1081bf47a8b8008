"""Findings of a review of the speech articles beyond slander, insult, incitement, false information
and offences against officials (CC 2014 Arts 158, 161, 179, 180, 183, 256, 272, 299-1, 313-1; CC
1997 Arts 170, 233-1; their AOC counterparts). Expected values come from the statute texts in
shared/law/statutes/ (kazakhstan-law/codes), quoted at each test.
"""

from __future__ import annotations

import pytest

from kzspeechlaw import Incident, Outcome, assess, classify


@pytest.mark.parametrize("offender", ["legal_entity", "small_business", "medium_business", "non_profit_organisation"])
def test_a_legal_entity_s_permission_to_publish_extremist_materials_may_fall_under_aoc_453_2(offender: str) -> None:
    # CC 2014 Art. 183 (12.07.2018 text): «Дача разрешения на публикацию в печати и других средствах
    # массовой информации сведений и материалов, направленных на разжигание ... вражды, пропагандирующих
    # сословную исключительность, войну, содержащих призывы к насильственному захвату власти ...» — a
    # crime, so of natural persons only. AOC 2014 Art. 453(2) (06.02.2023 text, commit 01b4b90f):
    # «Распространение на территории Республики Казахстан продукции средств массовой информации,
    # содержащей сведения и материалы, направленные на пропаганду или агитацию насильственного изменения
    # конституционного строя, нарушения целостности Республики Казахстан, подрыва безопасности
    # государства, войны, разжигания ... розни ... – влечет штраф ... на субъектов малого
    # предпринимательства или некоммерческие организации – в размере пятидесяти, на субъектов среднего
    # предпринимательства – в размере ста, на субъектов крупного предпринимательства – в размере двухсот
    # месячных расчетных показателей». A legal entity that let its mass medium publish such materials
    # was a certain "no provision"; once they are published it disseminated a media product with them.
    inc = Incident(act_date="2019-08-01", conduct="authorising_extremist_publication", channel="mass_media",
                   offender=offender)
    a = assess(inc, "2019-09-01")
    assert a.outcome is not Outcome.NO_PROVISION
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 453(2)"
    assert "publication" in a.depends_on  # the permission alone does not say the materials went out
    amounts = {s.sanction.subject: s.minimum.magnitude for s in a.sanctions}  # type: ignore[union-attr]
    expected = {"small_business": 50, "non_profit_organisation": 50, "medium_business": 100, "large_business": 200}
    for subject, amount in amounts.items():
        assert amount == expected[str(subject)]
    assert any(str(m.provision.ref) == "AOC2014 453(2)" for m in classify(inc))


def test_a_natural_person_s_permission_stays_the_crime_of_cc_183() -> None:
    # AOC 2014 Art. 453(2) applies only «если эти действия не содержат признаков уголовно наказуемого
    # деяния»; CC 2014 Art. 183 «наказывается штрафом в размере до двухсот месячных расчетных
    # показателей либо исправительными работами в том же размере, либо привлечением к общественным работам
    # на срок до двухсот часов, либо арестом на срок до пятидесяти суток».
    a = assess(Incident(act_date="2019-08-01", conduct="authorising_extremist_publication", channel="mass_media"),
               "2019-09-01")
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and str(a.governing.ref) == "CC2014 183"
    assert "publication" not in a.depends_on
    # before Law 180-VI, the 24.11.2015 text (old layout rus/sec007-ch003.md, commit f8d87165...):
    # «наказывается штрафом в размере до пятисот месячных расчетных показателей либо исправительными
    # работами в том же размере, либо привлечением к общественным работам на срок до трехсот часов, либо
    # арестом на срок до девяноста суток»
    b = assess(Incident(act_date="2016-08-01", conduct="authorising_extremist_publication", channel="mass_media"),
               "2016-09-01")
    assert b.outcome is Outcome.LIABLE
    assert b.governing is not None and str(b.governing.ref) == "CC2014 183"
    assert {(s.kind.value, s.maximum.magnitude) for s in b.governing.sanctions if s.maximum is not None} >= {
        ("fine", 500), ("community_service", 300)}


def test_publishing_is_not_asked_of_an_act_of_dissemination() -> None:
    # The open element concerns the permission only: a legal entity's own dissemination of war
    # propaganda in the mass media is the act AOC 2014 Art. 453(2) names.
    a = assess(Incident(act_date="2019-08-01", conduct="call_to_aggressive_war", channel="mass_media",
                        offender="legal_entity"), "2019-09-01")
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 453(2)"
    assert "publication" not in a.depends_on
