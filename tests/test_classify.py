"""Classification: elements as data, absorption of basic parts, displacement of general articles."""

import datetime as dt

import kzspeechlaw as kz
from kzspeechlaw.law.loader import law

D = dt.date


def refs(inc: kz.Incident, on: dt.date | None = None) -> list[str]:
    return [str(m.provision.ref) for m in kz.classify(inc, on=on)]


def test_slander_of_a_judge_is_411_not_130() -> None:
    # Art. 411(1): "Клевета в отношении судьи ... в связи с рассмотрением дел или материалов в суде".
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="slander", channel="mass_media", target="judge",
                      in_connection_with_duties=True)
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 411(1)"
    aside = dict(match.set_aside)
    assert "displaced by the special provision CC2014 411(1)" in aside["CC2014 130(2)"]
    assert any("target:judge" in r for r in match.reasons)


def test_slander_of_a_prosecutor_accusing_a_grave_crime_is_411_3() -> None:
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="slander", target="prosecutor", allegation="grave_crime",
                      in_connection_with_duties=True)
    assert refs(inc) == ["CC2014 411(3)"]


def test_insult_of_a_police_officer_is_378_not_131() -> None:
    inc = kz.Incident(act_date=D(2021, 5, 1), conduct="insult", channel="public_speech",
                      target="authority_representative", in_connection_with_duties=True)
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 378(2)"
    assert {r for r, _ in match.set_aside} >= {"CC2014 131(2)", "CC2014 378(1)"}


def test_qualified_part_absorbs_the_basic_parts() -> None:
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="slander", channel="telecom_network",
                      allegation="corruption_crime")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 130(3)"
    assert {r for r, _ in match.set_aside} == {"CC2014 130(1)", "CC2014 130(2)"}


def test_private_slander_is_part_1_and_public_part_2() -> None:
    assert refs(kz.Incident(act_date=D(2019, 5, 1), conduct="slander", channel="private")) == ["CC2014 130(1)"]
    assert refs(kz.Incident(act_date=D(2019, 5, 1), conduct="slander")) == ["CC2014 130(1)"]


def test_classification_follows_the_date() -> None:
    post = kz.Incident(act_date=D(2019, 5, 1), conduct="slander", channel="telecom_network")
    assert refs(post) == ["CC2014 130(2)"]
    assert refs(post, on=D(2021, 5, 1)) == ["AOC2014 73-3(2)"]
    assert refs(post, on="2014-05-01") == ["CC1997 129(2)"]


def test_emergency_false_information_is_274_4_2() -> None:
    inc = kz.Incident(act_date=D(2020, 3, 26), conduct="false_information", channel="telecom_network",
                      circumstances={"emergency"})
    assert refs(inc)[0] == "CC2014 274(4)(2)"


def test_no_match_is_empty() -> None:
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="incitement_of_discord", channel="private",
                      discord={"social"})
    assert kz.classify(inc) == ()


def test_the_1997_code_reads_an_open_internet_post_alike_in_every_article() -> None:
    """One channel rule for the 1997 Code (data/cc1997.toml header): wherever a text asks for a
    public act or the mass media, an internet post open to the public satisfies it."""
    for versions in law().versions.values():
        for v in versions:
            if v.ref.code != "CC1997":
                continue
            for clause in v.elements:
                if "channel:mass_media" in clause:
                    assert "channel:telecom_network" in clause, f"{v.ref} from {v.valid_from}"
