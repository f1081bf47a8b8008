"""The main punishments of a crime under the 2014 Code (Art. 40(2)): a kind that is not one of them
is not available even as a milder kind (Art. 55(4)).

CC 2014 Art. 40 (kazakhstan-law/codes, 02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/
rus/sec003.md). Part 2, the main punishments «к лицу, признанному виновным в совершении
преступления», in the 09.04.2016 text (commit 026bf5607328af3969f8b7e9fdea1211263229cf): «1) штраф;
2) исправительные работы; 3) ограничение свободы; 4) лишение свободы; 5) смертная казнь». Law
12.07.2018 No. 180-VI added «2-1) привлечение к общественным работам» (12.07.2018 text, commit
99437a0af0791918a203673ba95ffee2862a1219), and 2018-07-23 is its earliest possible in-force date.
Arrest is in part 1 alone, for a criminal misdemeanour, in every edition read up to 16.09.2025
(commit b71affc4f3e6875437ee4a1c2aff60059082fd1b).

CC 2014 Art. 130(2) (slander in the media) is a crime of small gravity; its sanction provides
neither community service nor arrest. Art. 131(2) (insult in the media) is a criminal
misdemeanour. The expected values are the statute's, not the library's output.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg


def _check(conduct: str, act: str, decided: str, kind: str, amount: kz.Quantity) -> kz.Check:
    a = assess(Incident(act_date=act, conduct=conduct, channel="mass_media"), decided)
    assert a.governing is not None
    assert kind not in {s.kind.value for s in a.sanctions}  # the article does not provide it
    return a.check(kind, amount)


@pytest.mark.parametrize(("kind", "amount", "act", "decided"), [
    ("community_service", 100 * u.hour, "2016-05-01", "2016-09-01"),  # before Law 180-VI
    ("community_service", 100 * u.hour, "2015-01-01", "2018-07-22"),  # the last day before its earliest date
    ("arrest", 30 * u.day, "2016-05-01", "2016-09-01"),
    ("arrest", 30 * u.day, "2019-05-01", "2019-09-01"),  # arrest is never a main punishment of a crime
])
def test_a_kind_that_is_not_a_main_punishment_of_a_crime_is_not_available(kind: str, amount: kz.Quantity,
                                                                          act: str, decided: str) -> None:
    check = _check("slander", act, decided, kind, amount)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert any("not a main punishment for a crime" in r and "CC2014 40(2)" in r for r in check.reasons)


@pytest.mark.parametrize(("act", "decided"), [
    ("2019-05-01", "2019-09-01"),  # a main punishment of a crime on the act date (Law 180-VI)
    ("2016-05-01", "2018-09-01"),  # on the decision date: the later wording adds a kind, the milder law
])
def test_community_service_for_a_crime_after_law_180_vi_stays_a_milder_kind(act: str, decided: str) -> None:
    """A milder kind than the article provides: lawful only on exceptional circumstances (Art. 55(4)),
    so not certain either way; not a certain 'no such kind'."""
    check = _check("slander", act, decided, "community_service", 300 * u.hour)
    assert not check.certain
    assert not any("not a main punishment" in r for r in check.reasons)


def test_a_criminal_misdemeanour_is_not_held_to_the_main_punishments_of_a_crime() -> None:
    """Arrest is a main punishment of a criminal misdemeanour (Art. 40(1)): for an insult in the media
    the check gives the suspension of arrest (Art. 467), not Art. 40(2)."""
    check = _check("insult", "2016-05-01", "2016-09-01", "arrest", 20 * u.day)
    assert check.verdict == "kind_not_available"
    assert not any("40(2)" in r for r in check.reasons)
    assert any("467" in r for r in check.reasons)
