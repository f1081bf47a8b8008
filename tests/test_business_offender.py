"""A subject of small, medium or large business may be an individual entrepreneur, a natural person,
as well as a legal entity (Entrepreneurial Code Art. 24(4)-(6), «Субъектами ... предпринимательства
являются индивидуальные предприниматели и юридические лица», rus/sec001.md of
02-codes/2015/1029-predprinimatelskii-kodeks-respubliki-kazakhstan-94981, commit 0754257b): the
Criminal Code reaches the first alone (it punishes natural persons), and AOC 2014 Art. 73-3, whose
sanction names natural persons and officials, reaches no legal entity (Art. 33(1)). An answer that
takes the business as a legal entity names ``offender`` as the fact it turns on; a lawyer was told
"no provision" for an individual entrepreneur's insult.
"""

from __future__ import annotations

import pytest

from kzspeechlaw import Incident, Outcome, assess, classify


@pytest.mark.parametrize("kind", ["small_business", "medium_business", "large_business"])
def test_a_business_insult_turns_on_whether_it_is_an_entrepreneur(kind: str) -> None:
    # CC 2014 Art. 131(2): insult in the mass media, a criminal misdemeanour of a natural person
    a = assess(Incident(act_date="2016-03-01", conduct="insult", channel="mass_media", offender=kind), "2016-06-01")
    assert a.outcome is Outcome.NO_PROVISION
    assert "offender" in a.depends_on
    assert any("131(2)" in note and "individual entrepreneur" in note for note in a.notes)
    person = assess(Incident(act_date="2016-03-01", conduct="insult", channel="mass_media",
                             offender="natural_person"), "2016-06-01")
    assert person.outcome is Outcome.LIABLE and str(person.governing.ref) == "CC2014 131(2)"  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["legal_entity", "non_profit_organisation"])
def test_a_legal_entity_stays_decided(kind: str) -> None:
    # a legal entity or a non-profit organisation is never a natural person
    a = assess(Incident(act_date="2016-03-01", conduct="insult", channel="mass_media", offender=kind), "2016-06-01")
    assert a.outcome is Outcome.NO_PROVISION and "offender" not in a.depends_on


def test_a_business_slander_after_2020_turns_on_it_too() -> None:
    # AOC 2014 Art. 73-3(2) names natural persons and officials alone (from 10 July 2020)
    a = assess(Incident(act_date="2021-03-15", conduct="slander", channel="telecom_network", allegation="none",
                        offender="small_business", proceedings_date="2021-03-20"), "2021-04-01")
    assert a.outcome is Outcome.NO_PROVISION and "offender" in a.depends_on


def test_a_business_incitement_turns_on_it_beside_the_crime() -> None:
    # AOC 2014 Art. 453 fines the business; an entrepreneur's incitement of national discord is a
    # crime of a natural person (CC 2014 Art. 174(1))
    a = assess(Incident(act_date="2022-05-01", conduct="incitement_of_discord", discord="national",
                        channel="mass_media", offender="small_business", proceedings_date="2022-05-02"),
               "2022-06-01")
    assert a.governing is not None and a.governing.regime.value == "administrative"
    assert "offender" in a.depends_on
    assert any("CC2014 174(1)" in note for note in a.notes)


def test_no_doubt_where_the_entrepreneur_answers_alike() -> None:
    # a part that reaches both (no crime in reach): the kind of business does not decide liability
    for kind in ("small_business", "natural_person"):
        a = assess(Incident(act_date="2022-05-01", conduct="media_law_violation", channel="mass_media",
                            offender=kind, proceedings_date="2022-05-02"), "2022-06-01")
        assert "offender" not in a.depends_on


@pytest.mark.parametrize("kind", ["small_business", "medium_business", "large_business"])
def test_the_2026_fine_amnesty_reaches_an_entrepreneur(kind: str) -> None:
    # Law 329-VIII Art. 7(1): «Физические лица, являющиеся ... субъектами предпринимательства
    # (зарегистрированными в качестве индивидуальных предпринимателей ...) ... освобождаются от
    # наложенного административного штрафа»; a legal entity is not released
    import datetime as dt

    import kzspeechlaw as kz
    from kzspeechlaw.reasoning.amnesty.administrative import administrative_release

    # AOC 449(1), heard by the police (Art. 685(1)); 456-2 is heard by the courts alone (Art. 684(1)),
    # so no fine for it is released (tests/test_amnesty_recent_review.py)
    found = administrative_release(kz.ref("AOC2014 449(1)"), dt.date(2026, 5, 1), False, offender=kind)
    assert [a.id for a, _ in found] == ["329-VIII"]
    assert "natural person" in found[0][1] and "legal entity is not released" in found[0][1]
    assert administrative_release(kz.ref("AOC2014 449(1)"), dt.date(2026, 5, 1), False,
                                  offender="legal_entity") == ()


@pytest.mark.parametrize("conduct, circumstances", [("petty_hooliganism", ()), ("petty_hooliganism", ("repeated",)),
                                                    ("bullying_of_minor", ())])
def test_a_sanction_naming_no_subject_does_not_reach_a_legal_entity(conduct: str, circumstances: tuple[str, ...]) -> None:
    # AOC 2014 Art. 33(1): a legal entity is liable «в случаях, предусмотренных Особенной частью»;
    # Art. 434(1) «влекут штраф в размере двадцати месячных расчетных показателей либо
    # административный арест» names no legal entity, nor does Art. 127-2 (a reviewer: a large
    # business was liable for petty hooliganism)
    a = assess(Incident(act_date="2024-10-15", conduct=conduct, channel="public_speech", offender="legal_entity",
                        circumstances=set(circumstances), proceedings_date="2024-10-15"), "2024-10-20")
    assert a.outcome is Outcome.NO_PROVISION and a.governing is None
    assert any("33(1)" in note for note in a.notes)


def test_elements_naming_a_legal_entity_reach_it() -> None:
    # AOC 2014 Art. 451(3): repeated violations «влекут запрещение выпуска (выхода в эфир) средства
    # массовой информации», the outlet's own penalty, for an official or a legal entity (its elements)
    import datetime as dt

    from kzspeechlaw.law.loader import law
    from kzspeechlaw.refs import parse

    part = law().provision(parse("AOC2014 451(3)"), dt.date(2020, 1, 1))
    assert part.reaches("legal_entity") and part.reaches("small_business")
    assert not law().provision(parse("AOC2014 434(1)"), dt.date(2020, 1, 1)).reaches("legal_entity")


def test_classify_json_says_a_part_does_not_reach_a_legal_entity() -> None:
    # classify lists the part the facts meet; the JSON says whether it reaches the offender and what
    # unmodelled article may displace it, as assess decides (a review: CC 2014 131(2) for an entity)
    import datetime as dt

    from kzspeechlaw.reasoning.assessment import classification_json

    inc = Incident(act_date="2019-05-01", conduct="insult", channel="mass_media", offender="legal_entity")
    (found,) = classification_json(inc, classify(inc), dt.date(2019, 5, 1))  # type: ignore[misc]
    assert found["ref"] == "CC2014 131(2)" and found["reaches_offender"] is False
    serviceman = Incident(act_date="2022-05-01", conduct="insult", channel="telecom_network", target="serviceman")
    (found,) = classification_json(serviceman, classify(serviceman), dt.date(2022, 5, 1))  # type: ignore[misc]
    assert found["reaches_offender"] is True
    assert "CC2014 440" in [e["article"] for e in found["may_be_displaced_by"]]


def test_classify_leaves_an_entrepreneur_open() -> None:
    # a small business may be an individual entrepreneur, whom CC 2014 131(2) reaches as a natural
    # person: classify's reaches_offender is null (open), as assess names offender
    import datetime as dt

    from kzspeechlaw.reasoning.assessment import classification_json

    inc = Incident(act_date="2019-05-01", conduct="insult", channel="mass_media", offender="small_business")
    (found,) = classification_json(inc, classify(inc), dt.date(2019, 5, 1))  # type: ignore[misc]
    assert found["reaches_offender"] is None


@pytest.mark.parametrize("channel", ["public_speech", "telecom_network", "mass_media"])
def test_a_legal_entity_s_insult_of_religious_feelings_may_fall_under_aoc_490_2(channel: str) -> None:
    # CC 2014 Art. 174(1) («на оскорбление ... религиозных чувств граждан») punishes natural persons
    # alone, but AOC 2014 Art. 490(2), not modelled, fines a legal entity for the same insult where it
    # is not a crime (12.07.2026 text, rus/sec002-ch027.md, commit 0369b814...): «... оскорбление их
    # религиозных чувств ..., если все вышеизложенные действия не содержат признаков уголовно
    # наказуемого деяния, – влекут штраф ... на юридических лиц – в размере ста месячных расчетных
    # показателей». It was a certain "no provision".
    a = assess(Incident(act_date="2021-03-01", conduct="incitement_of_discord", discord={"religious"},
                        channel=channel, offender="legal_entity"), "2021-04-01")
    if a.governing is not None:  # the media dissemination of AOC 453(2), modelled, reaches it
        assert str(a.governing.ref) == "AOC2014 453(2)" and channel != "public_speech"
        assert channel == "mass_media" or "media_product" in a.depends_on
        return
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2014 490" in note for note in a.notes)


def test_a_legal_entity_s_incitement_of_national_discord_stays_no_provision() -> None:
    # Art. 490(2) is about religious feelings only; no unmodelled article in the register fits.
    a = assess(Incident(act_date="2021-03-01", conduct="incitement_of_discord", discord={"national"},
                        channel="public_speech", offender="legal_entity"), "2021-04-01")
    assert a.outcome is Outcome.NO_PROVISION


@pytest.mark.parametrize("channel", ["mass_media", "public_work"])
def test_a_legal_entity_s_incitement_before_2015_may_fall_under_the_2001_administrative_code(channel: str) -> None:
    # CC 1997 Art. 164 punishes natural persons; the Code of Administrative Offences of 30.01.2001
    # No. 155 (in force until 01.01.2015, meta.yaml of 02-codes/2001/0130-...-8096 at commit fd80e0f8),
    # which the data does not model, Art. 344 in the 05.12.2003 wording (rus/sec002-ch022.md, same
    # commit): «Изготовление, хранение, ввоз, перевозка, распространение ... продукции средств
    # массовой информации, содержащей сведения и материалы, направленные на пропаганду или агитацию
    # ... разжигания социальной, расовой, национальной, религиозной, сословной и родовой розни ... –
    # влекут штраф ... на юридических лиц - в размере до двухсот месячных расчетных показателей»
    # (part 2 the same for «иной продукции»). It was a certain "no provision".
    a = assess(Incident(act_date="2010-03-01", conduct="incitement_of_discord", discord={"national"},
                        channel=channel, offender="legal_entity"), "2010-04-01")
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2001 344" in note for note in a.notes)
    # from 2015 the modelled AOC 2014 Art. 453 answers instead
    b = assess(Incident(act_date="2016-03-01", conduct="incitement_of_discord", discord={"national"},
                        channel=channel, offender="legal_entity"), "2016-04-01")
    assert b.governing is not None and str(b.governing.ref).startswith("AOC2014 453(")
    assert not any("AOC2001" in note for note in b.notes)


def test_a_legal_entity_s_incitement_in_a_network_may_be_a_media_product_under_aoc_453_2() -> None:
    # AOC 2014 Art. 453(2), 06.02.2023 text: «Распространение ... продукции средств массовой
    # информации, содержащей сведения и материалы, направленные на ... разжигания социальной, расовой,
    # национальной, религиозной, сословной и родовой розни ... – влечет штраф ... на субъектов малого
    # предпринимательства или некоммерческие организации – в размере пятидесяти ...». The Law of
    # 23.07.1999 «О средствах массовой информации», Art. 1 (03-laws/1999/0723-...-3749/rus.md at
    # commit 273c5750...): «4) средство массовой информации - ... включая интернет-ресурсы; 5)
    # продукция средства массовой информации - ... информация, размещенная на интернет-ресурсе». A
    # legal entity's post in a network was a certain "no provision"; it turns on whether the post was
    # such a product.
    a = assess(Incident(act_date="2021-03-01", conduct="incitement_of_discord", discord={"national"},
                        channel="telecom_network", offender="non_profit_organisation"), "2021-04-01")
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 453(2)"
    assert "media_product" in a.depends_on
    assert {f"{s.minimum.magnitude:g}" for s in a.sanctions} == {"50"}  # type: ignore[union-attr]
    # the mass media named: no doubt on that element
    b = assess(Incident(act_date="2021-03-01", conduct="incitement_of_discord", discord={"national"},
                        channel="mass_media", offender="non_profit_organisation"), "2021-04-01")
    assert "media_product" not in b.depends_on
    # a natural person's post is the crime of CC 2014 Art. 174(1) («с использованием ... сетей
    # телекоммуникаций»), the administrative part applying only «если эти действия не содержат
    # признаков уголовно наказуемого деяния»
    c = assess(Incident(act_date="2021-03-01", conduct="incitement_of_discord", discord={"national"},
                        channel="telecom_network"), "2021-04-01")
    assert c.governing is not None and str(c.governing.ref) == "CC2014 174(1)"


@pytest.mark.parametrize("channel", ["mass_media", "telecom_network"])
def test_a_natural_person_s_incitement_is_not_also_said_to_fall_under_aoc_453_2(channel: str) -> None:
    # AOC 2014 Art. 453(2) applies «если эти действия не содержат признаков уголовно наказуемого
    # деяния»: where CC 2014 Art. 174(1) reaches the act, the facts do not also fall under it (the
    # notes said they did).
    inc = Incident(act_date="2021-03-01", conduct="incitement_of_discord", discord={"national"}, channel=channel)
    (match,) = classify(inc)
    assert str(match.provision.ref) == "CC2014 174(1)"
    assert "AOC2014 453" not in str(match.set_aside)
    a = assess(inc, "2021-05-01")
    assert not any("also fall under AOC2014 453" in note for note in a.notes)
