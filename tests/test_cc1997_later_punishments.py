"""The punishments the 1997 Code's commencement law put into force later.

Law 16.07.1997 No. 168 «О введении в действие Уголовного кодекса Республики Казахстан», Art. 4,
as worded by Law 10.12.2009 No. 228-IV (kazakhstan-law/codes, 03-laws/1997/0715-o-vvedenii-v-
deistvie-ugolovnogo-kodeksa-respubliki-kazakhstan-104446/rus.md, commit bcc54a56753004df476411775f4baea9b044c374):
«Положения Уголовного Кодекса Республики Казахстан о наказании в виде привлечения к общественным
работам вводятся в действие с 1 января 2000 года, о наказании в виде ограничения свободы - с 1
января 2003 года, ... о наказании в виде ареста - с 1 января 2010 года.» Arrest was deferred by the
2003 wording «не позднее 2008 года» (31.12.2003 edition, commit d7ea9a33cd4c44c208898db2dac06127ff3dfdc6);
2009 is left unsettled.

CC 1997 Art. 129(2) (slander in the media) provided community service, restriction of freedom and
arrest until Law 393-IV struck arrest from it (cc1997.toml). The expected values are the dates
above, not the library's output.
"""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess
from kzspeechlaw.reasoning.sentencing import Check

u = kz.ureg


def _slander(act: str, decided: str) -> kz.Assessment:
    a = assess(Incident(act_date=act, conduct="slander", channel="mass_media"), decided)
    assert a.governing is not None and str(a.governing.ref) == "CC1997 129(2)"
    return a


@pytest.mark.parametrize(("kind", "amount", "before", "from_"), [
    ("community_service", 180 * u.hour, "1999-12-31", "2000-01-01"),
    ("restriction_of_freedom", 1 * u.year, "2002-12-31", "2003-01-01"),
    ("arrest", 3 * u.month, "2008-12-31", "2009-01-01"),
])
def test_a_kind_is_available_from_the_day_the_law_put_it_into_force(kind: str, amount: kz.Quantity, before: str,
                                                                     from_: str) -> None:
    """The day before the date of Art. 4 the kind is not available; from that day it is."""
    early = _slander(before, before)
    assert not next(s for s in early.sanctions if s.kind.value == kind).available
    check = early.check(kind, amount)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert "Law 168 Art. 4" in check.reasons[0]
    late = _slander(from_, from_)
    assert next(s for s in late.sanctions if s.kind.value == kind).available
    assert late.check(kind, amount).verdict == "within"


def test_a_kind_in_force_by_the_decision_but_not_on_the_act_date_is_left_open() -> None:
    """Community service for an act of 1999 decided in 2001: in force from 2000-01-01. A kind added to
    a sanction may make it milder or harsher, and the 1997 Code's rule on the law's time is not
    modelled: the kind stays available, the check is not certain and says why."""
    a = _slander("1999-06-01", "2001-06-01")
    assert next(s for s in a.sanctions if s.kind.value == "community_service").available
    check = a.check("community_service", 200 * u.hour)
    assert (check.verdict, check.certain) == ("within", False)
    assert any("was not yet in force on the act date" in r for r in check.reasons)


def test_arrest_in_2009_is_not_called_suspended() -> None:
    """The 2003 wording put arrest into force «не позднее 2008 года»; Law 228-IV named 1 January 2010
    only in December 2009. Whether arrest was in force in 2009 is unsettled, so it is not called
    suspended then, and a check is not certain (the 1997 Code's sentencing rules are not modelled)."""
    check = _slander("2009-03-01", "2009-06-01").check("arrest", 3 * u.month)
    assert (check.verdict, check.certain) == ("within", False)


def test_the_kinds_in_force_from_1998_are_not_touched() -> None:
    """A fine and correctional work were in force from the Code's first day (Art. 1 of the law)."""
    a = _slander("1998-03-01", "1998-09-01")
    assert {s.kind.value for s in a.sanctions if s.available} >= {"fine", "correctional_work"}
    assert {s.kind.value for s in a.sanctions if not s.available} == {
        "community_service", "restriction_of_freedom", "arrest"}


def test_the_records_are_dated_as_the_law_words_them() -> None:
    """The data's records: one per kind, from the Code's first day to the date of Art. 4."""
    from kzspeechlaw.law import general_part

    ends = {kind: general_part.find("suspension", "CC1997", kind, on=dt.date(1998, 1, 1))
            for kind in ("community_service", "restriction_of_freedom", "arrest")}
    assert {k: (r.valid_from, r.valid_to, r.verified) for k, r in ends.items() if r is not None} == {
        "community_service": (dt.date(1998, 1, 1), dt.date(2000, 1, 1), False),
        "restriction_of_freedom": (dt.date(1998, 1, 1), dt.date(2003, 1, 1), False),
        "arrest": (dt.date(1998, 1, 1), dt.date(2009, 1, 1), False),
    }


def test_a_kind_not_yet_in_force_is_not_available_as_a_milder_kind_either() -> None:
    """CC 1997 Art. 129(3) (a slander accusing of a grave crime) provides restriction of freedom and
    imprisonment. Community service in 1999 was not yet in force, so not even exceptional
    circumstances (CC 1997 Art. 55(1)) let a court give it; from 2000 it is a milder kind, lawful
    only on them."""
    def check(act: str, decided: str) -> Check:
        a = assess(Incident(act_date=act, conduct="slander", channel="mass_media", allegation="grave_crime"), decided)
        assert a.governing is not None and str(a.governing.ref) == "CC1997 129(3)"
        return a.check("community_service", 180 * u.hour)

    early = check("1999-03-01", "1999-09-01")
    assert (early.verdict, early.certain) == ("kind_not_available", True)
    assert "Law 168 Art. 4" in early.reasons[0]
    later = check("2000-03-01", "2000-09-01")
    assert (later.verdict, later.certain) == ("kind_not_available", False)
    assert any("exceptional circumstances" in r for r in later.reasons)


def test_a_kind_between_the_articles_kinds_is_weighed_against_one_not_yet_in_force() -> None:
    """CC 1997 Art. 164(1) as worded from 2000 to 2002 provides a fine, correctional work and arrest
    (arrest not yet in force). Restriction of freedom is milder than arrest (CC 1997 Art. 39(1)):
    whether Art. 55(1) lets a court give it, with arrest provided but not in force, the data does not
    decide, so the answer is not certain, and the sanction's kinds are all named."""
    a = assess(Incident(act_date="2000-06-01", conduct="incitement_of_discord", discord="national",
                        channel="mass_media"), "2003-02-01")
    assert a.governing is not None and str(a.governing.ref) == "CC1997 164(1)"
    check = a.check("restriction_of_freedom", 1 * u.year)
    assert (check.verdict, check.certain) == ("kind_not_available", False)
    assert "arrest" in check.reasons[0]


def test_a_milder_kind_put_into_force_after_the_act_says_so() -> None:
    """Community service for an act of 1999 under CC 1997 Art. 129(3), decided in June 2000: a milder
    kind than the article provides, in force by the decision but not on the act date."""
    a = assess(Incident(act_date="1999-06-01", conduct="slander", channel="mass_media", allegation="grave_crime"),
               "2000-06-01")
    check = a.check("community_service", 180 * u.hour)
    assert (check.verdict, check.certain) == ("kind_not_available", False)
    assert any("was not yet in force on the act date" in r for r in check.reasons)
    assert any("put into force after the act" in d for d in check.depends_on)


def test_the_deprivation_of_a_right_is_a_milder_main_punishment_of_the_1997_code() -> None:
    """CC 1997 Art. 39(1)(б) lists the deprivation of the right to hold a position or to engage in an
    activity among the main punishments, after the fine (08.04.2010 text, rus/sec003.md, commit
    45d68aea3c5b05bd7c1f312ec3ae6cec647065b2): under Art. 129(3) (restriction of freedom,
    imprisonment) it is a milder kind, lawful only on exceptional circumstances (Art. 55(1)); under
    CC 2014 it is an additional punishment alone (Art. 40(3)(3); 09.04.2016 text, rus/sec003.md, commit
    026bf5607328af3969f8b7e9fdea1211263229cf), so not a milder main kind. Under both codes a court may
    add it though the article does not provide it (CC 1997 Art. 41(3), CC 2014 Art. 50(3)): the
    check, which weighs the main punishments, is never certain that it is unlawful."""
    old = assess(Incident(act_date="2005-06-01", conduct="slander", channel="mass_media", allegation="grave_crime"),
                 "2005-09-01").check("deprivation_of_right", 2 * u.year)
    assert (old.verdict, old.certain) == ("kind_not_available", False)
    assert any("exceptional circumstances" in r for r in old.reasons)
    new = assess(Incident(act_date="2016-06-01", conduct="slander", channel="mass_media", allegation="grave_crime"),
                 "2016-09-01").check("deprivation_of_right", 2 * u.year)
    assert (new.verdict, new.certain) == ("kind_not_available", False)
    assert any("CC 2014 Art. 50(3)" in r for r in new.reasons)
    assert not any("exceptional circumstances" in r for r in new.reasons)
    assert any("CC 1997 Art. 41(3)" in r for r in old.reasons)


def test_an_additional_punishment_the_article_provides_is_not_called_unavailable() -> None:
    """CC 2014 Art. 161(2) provides imprisonment with the deprivation of a right as an additional
    punishment: a check of that kind is not a certain "no such kind"."""
    a = assess(Incident(act_date="2018-06-01", conduct="call_to_aggressive_war", channel="mass_media"), "2018-09-01")
    assert a.governing is not None and str(a.governing.ref) == "CC2014 161(2)"
    assert any(s.kind.value == "deprivation_of_right" for s in a.governing.additional)
    check = a.check("deprivation_of_right", 2 * u.year)
    assert (check.verdict, check.certain) == ("kind_not_available", False)
    assert any("as an additional punishment" in r for r in check.reasons)


def test_the_act_date_decides_even_where_a_later_version_governs() -> None:
    """An insult of a representative of authority of 2002 decided in 2011: CC 1997 Art. 320(1) as
    worded by Law 393-IV governs (a later general day), but restriction of freedom was not in force
    on the act date (from 2003-01-01): the assessment and the check say so."""
    a = assess(Incident(act_date="2002-06-01", conduct="insult", target="authority_representative",
                        channel="public_speech", in_connection_with_duties=True), "2011-06-01")
    assert a.governing is not None and str(a.governing.ref) == "CC1997 320(1)"
    assert any("restriction_of_freedom was not yet in force on the act date" in n for n in a.notes)
    check = a.check("restriction_of_freedom", 1 * u.year)
    assert (check.verdict, check.certain) == ("within", False)
    assert any("was not yet in force on the act date" in r for r in check.reasons)
