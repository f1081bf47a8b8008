"""An answer that turns on a fact the incident leaves open says so in ``depends_on`` (and in the
JSON and the memo), so that a reader counting outcomes sees which of them the facts did not decide."""

from __future__ import annotations

import datetime as dt

import attrs

import kzspeechlaw as kz
from kzspeechlaw.cli.render import render_assessment
from kzspeechlaw.reasoning.explanation import OPEN_FACTS

D = dt.date


def test_false_information_without_knowing_falsity_depends_on_it() -> None:
    # CC 2014 Art. 274(1) requires "заведомо ложной информации, создающей опасность нарушения
    # общественного порядка или причинения существенного вреда"; AOC 2014 Art. 456-2 has no such
    # danger: unstated, the fact decides between a crime and an administrative offence.
    inc = kz.Incident(act_date=D(2016, 5, 1), conduct="false_information", channel="telecom_network")
    a = kz.assess(inc, D(2017, 1, 1))
    assert "knowing_and_dangerous" in a.depends_on
    assert a.to_dict()["depends_on"] == list(a.depends_on)
    assert "Depends on (not stated): knowing_and_dangerous" in render_assessment(a)
    stated = kz.assess(kz.Incident(act_date=D(2016, 5, 1), conduct="false_information", channel="telecom_network",
                                   knowing_and_dangerous=True), D(2017, 1, 1))
    assert "knowing_and_dangerous" not in stated.depends_on


def test_unstated_channel_of_incitement_is_named() -> None:
    # CC 2014 Art. 174(1) punishes incitement "совершенные публично или с использованием средств массовой
    # информации или сетей телекоммуникаций": without the channel the answer turns on it.
    inc = kz.Incident(act_date=D(2019, 3, 1), conduct="incitement_of_discord", discord={"national"})
    assert "channel" in kz.assess(inc, D(2019, 9, 1)).depends_on


def test_a_slander_decided_by_its_facts_depends_on_nothing() -> None:
    inc = kz.Incident(act_date=D(2019, 3, 15), conduct="slander", channel="mass_media", allegation="none")
    assert kz.assess(inc, D(2019, 9, 23)).depends_on == ()


def test_a_slander_that_does_not_say_what_it_alleged_depends_on_the_allegation() -> None:
    # CC 2014 Art. 130(3) (2019): slander «соединенная с обвинением лица в совершении ... тяжкого или
    # особо тяжкого преступления» - up to three years; 130(2) up to two. The facts do not say which.
    inc = kz.Incident(act_date=D(2019, 3, 15), conduct="slander", channel="mass_media")
    a = kz.assess(inc, D(2019, 9, 23))
    assert str(a.governing.ref) == "CC2014 130(2)" and a.depends_on == ("allegation",)
    assert any("CC2014 130(3)" in note and "allegation=none" in note for note in a.notes)
    # Once both parts are repealed (Law 349-VI, 10.07.2020) the answer is the same either way.
    assert kz.assess(inc, D(2021, 1, 10)).depends_on == ()


def test_an_uncertain_expiry_of_an_administrative_offence_names_the_referral() -> None:
    # AOC 2014 Art. 62(1): two months from the day of the offence; Art. 62(5): the period stands still
    # from the referral of the case to court. The facts do not say whether the case was referred in time.
    inc = kz.Incident(act_date=D(2021, 3, 1), conduct="slander", channel="mass_media", allegation="none")
    a = kz.assess(inc, D(2023, 6, 1))
    assert a.limitation is not None and a.limitation.expired and not a.limitation.certain
    assert a.depends_on == ("referral", "proceedings_date")  # the MCI changed in 2022 and 2023: the tenge turns on the opening day
    referred = kz.Incident(act_date=D(2021, 3, 1), conduct="slander", channel="mass_media", referred_on=D(2021, 4, 1))
    assert "referral" not in kz.assess(referred, D(2023, 6, 1)).depends_on
    assert set(a.depends_on) <= set(OPEN_FACTS)


def test_a_1997_code_internet_post_states_the_reading_of_the_data() -> None:
    # CC 1997 Art. 129(2): "в публичном выступлении, публично демонстрирующемся произведении или средствах
    # массовой информации" names no networks; the data reads a public internet post as one of them.
    post = kz.Incident(act_date=D(2012, 3, 1), conduct="slander", channel="telecom_network")
    a = kz.assess(post, D(2012, 9, 1))
    assert a.governing is not None and a.governing.ref.code == "CC1997"
    assert any("names no telecommunication networks" in n for n in a.notes)
    paper = kz.Incident(act_date=D(2012, 3, 1), conduct="slander", channel="mass_media")
    assert not any("telecommunication networks" in n for n in kz.assess(paper, D(2012, 9, 1)).notes)


def test_an_act_before_the_data_begins_is_outside_it_not_an_act_no_law_punished() -> None:
    # The 1997 Criminal Code took effect on 1 January 1998; the law before it is not in the data.
    a = kz.assess(kz.Incident(act_date=D(1997, 12, 31), conduct="slander", channel="mass_media"), D(1998, 2, 1))
    assert a.outcome == "outside_scope"
    assert not any("not retroactive" in n for n in a.notes)
    assert any("the data begins on 1998-01-01" in n for n in a.notes)


def test_an_amnesty_on_its_inferred_first_day_is_not_a_settled_release() -> None:
    # The 2021 amnesty law's publication date was not read: its in-force date is the earliest
    # possible one, so a release decided on that day depends on it.
    inc = kz.Incident(act_date=D(2021, 6, 1), conduct="insult", channel="telecom_network")
    first_day = kz.assess(inc, D(2021, 12, 7))
    assert first_day.outcome == "amnestied" and "amnesty" in first_day.depends_on
    assert "amnesty" not in kz.assess(inc, D(2022, 3, 7)).depends_on


def test_an_article_of_the_other_code_is_not_said_to_displace_a_crime() -> None:
    # AOC 2014 Art. 104 (false information about candidates) and CC 2014 Art. 130 (slander, a crime
    # in 2016): nothing in the AOC text makes an administrative article displace a crime.
    inc = kz.Incident(act_date=D(2016, 5, 1), conduct="slander", channel="mass_media", target="candidate")
    a = kz.assess(inc, D(2016, 9, 1))
    assert a.outcome == "outside_scope"
    assert not any("displaces CC2014" in n for n in a.notes)
    assert any("which of the two applies is not modelled" in n for n in a.notes)


def _allegation_note(inc: kz.Incident, decided: dt.date) -> str:
    a = kz.assess(inc, decided)
    assert "allegation" in a.depends_on
    (note,) = [n for n in a.notes if "allegation=grave_crime" in n]
    return note


def test_the_allegation_note_names_corruption_only_where_the_heavier_part_covers_it() -> None:
    # CC 2014 Art. 411(3): "соединенные с обвинением лица в совершении тяжкого или особо тяжкого
    # преступления" (no corruption crime); CC 1997 Art. 129(3) before Law 484 (2003): "тяжкого или
    # особо тяжкого" only; CC 2014 Art. 130(3): "коррупционного, тяжкого или особо тяжкого".
    judge = kz.Incident(act_date=D(2019, 3, 1), conduct="slander", target="judge", in_connection_with_duties=True)
    old = kz.Incident(act_date=D(2003, 3, 1), conduct="slander", channel="mass_media")
    person = kz.Incident(act_date=D(2019, 3, 1), conduct="slander", channel="mass_media")
    for inc, decided in ((judge, D(2019, 9, 1)), (old, D(2003, 9, 1))):
        note = _allegation_note(inc, decided)
        assert "allegation=corruption_crime alike" not in note
        assert "but not allegation=corruption_crime" in note
        corrupt = kz.assess(attrs.evolve(inc, allegation="corruption_crime"), decided)
        grave = kz.assess(attrs.evolve(inc, allegation="grave_crime"), decided)
        assert corrupt.governing is not None and grave.governing is not None
        assert corrupt.governing.ref != grave.governing.ref  # what the note says, the library answers
    note = _allegation_note(person, D(2019, 9, 1))
    assert "allegation=especially_grave_crime and allegation=corruption_crime alike" in note
    assert "но не allegation=corruption_crime" in kz.render(_allegation_note(judge, D(2019, 9, 1)), "ru")
    assert "бірақ allegation=corruption_crime емес" in kz.render(_allegation_note(judge, D(2019, 9, 1)), "kk")


def test_the_channel_note_names_public_speech_only_where_the_heavier_part_covers_it() -> None:
    # CC 2014 Art. 274(2)(3) (2019): "с использованием средств массовой информации или сетей
    # телекоммуникаций" - a public speech is not among them (part 1); Art. 180(2) alike. Art. 174(1):
    # "публично или с использованием средств массовой информации или сетей телекоммуникаций".
    false_info = kz.Incident(act_date=D(2019, 3, 1), conduct="false_information", knowing_and_dangerous=True)
    separatism = kz.Incident(act_date=D(2019, 3, 1), conduct="call_to_separatism")
    discord = kz.Incident(act_date=D(2019, 3, 1), conduct="incitement_of_discord", discord={"national"})
    for inc in (false_info, separatism):
        a = kz.assess(inc, D(2019, 9, 1))
        assert "channel" in a.depends_on
        (note,) = [n for n in a.notes if "channel=telecom_network" in n]
        assert "channel=public_speech and channel=mass_media alike" not in note
        assert "channel=mass_media alike, but not channel=public_speech" in note
        assert "но не channel=public_speech" in kz.render(note, "ru")
        speech = kz.assess(attrs.evolve(inc, channel="public_speech"), D(2019, 9, 1))
        media = kz.assess(attrs.evolve(inc, channel="mass_media"), D(2019, 9, 1))
        assert speech.governing is not None and media.governing is not None
        assert speech.governing.ref != media.governing.ref
    a = kz.assess(discord, D(2019, 9, 1))
    assert any("channel=public_speech and channel=mass_media alike" in n for n in a.notes)


def test_a_fact_whose_two_answers_are_both_time_barred_is_not_named() -> None:
    # CC 1997 Art. 129(1) and (2) as worded by Law 490-IV (fines, community and correctional work,
    # restriction of freedom up to two years; no imprisonment) are both crimes of small gravity, with a
    # two-year period (Art. 69(1)(a)): a slander of March 2012 decided in May 2016 is time-barred
    # whether or not it was made public, so the channel does not decide the answer.
    inc = kz.Incident(act_date=D(2012, 3, 1), conduct="slander", allegation="none")
    a = kz.assess(inc, D(2016, 5, 1))
    for channel in ("private", "mass_media"):
        assert kz.assess(attrs.evolve(inc, channel=channel), D(2016, 5, 1)).outcome == "time_barred"
    assert a.outcome == "time_barred" and a.depends_on == ()
