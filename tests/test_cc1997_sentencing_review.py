"""Findings of a review of acts under the 1997 Code at sentencing and release, against its text."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

D = dt.date


def test_an_aggregate_under_the_1997_code_leaves_a_longer_final_sentence_open() -> None:
    # CC 1997 Art. 52(2): a punishment above the article's «может быть назначено по совокупности
    # преступлений ... в соответствии со статьями 58 и 60»; Art. 58(3): up to twenty years for grave
    # crimes. 8 years against 164(1)'s 7 is not certainly unlawful as the final sentence.
    a = assess(Incident(act_date=D(2013, 5, 1), conduct="incitement_of_discord", discord=["national"],
                        channel="mass_media", aggregate="grave"), decided_on=D(2013, 10, 1))
    assert str(a.governing.ref) == "CC1997 164(1)"
    check = a.check("imprisonment", 8 * kz.ureg.year)
    assert not check.certain and check.verdict == "within"


def test_release_routes_of_the_2014_code_reach_a_1997_act_it_governs() -> None:
    # An insult of 2014 decided in 2015 under CC 2014 Art. 131(2), the milder law: Art. 68(1) (release
    # on reconciliation, «подлежит освобождению») applies from the Code's first day, 2015-01-01.
    a = assess(Incident(act_date=D(2014, 11, 1), conduct="insult", channel="mass_media", reconciled=True,
                        harm_compensated=True, complaint=True), decided_on=D(2015, 6, 1))
    assert str(a.governing.ref) == "CC2014 131(2)"
    routes = {r.route: r.status for r in a.releases}
    assert routes.get("reconciliation") == "open"


def test_a_2014_law_is_weighed_against_the_1997_floors() -> None:
    # CC 1997 Art. 40(2): a fine from 25 MCI; Art. 42(2): community service from 60 hours; Art. 43(1):
    # correctional work from two months. Against these, CC 2014 Art. 131(1) (fine 25-100 MCI, ...) is
    # not "more severe" at the lower end (it was, against a floor of nothing): the two laws differ only
    # between their ends, which is left to the court and said.
    a = assess(Incident(act_date=D(2014, 11, 1), conduct="insult", channel="private"), decided_on=D(2015, 6, 1))
    assert str(a.governing.ref) == "CC1997 130(1)"
    fine = next(s for s in a.sanctions if s.kind == "fine")
    assert fine.minimum == 25 * kz.ureg.MCI
    assert any("is not weighed here" in n and "CC2014 131(1)" in n for n in a.notes)


def test_a_sentence_in_the_contested_laws_measure_is_weighed_by_it() -> None:
    # Correctional work is a term under CC 1997 Art. 43(1) and an amount in MCI under CC 2014 Art. 42:
    # a sentence of 50 MCI cannot be weighed by the 1997 law the act keeps, but the 2014 law left to
    # the court can weigh it: not certain, naming that law (it was an error).
    a = assess(Incident(act_date=D(2014, 9, 1), conduct="insult", channel="private"), decided_on=D(2015, 6, 1))
    check = a.check("correctional_work", 50 * kz.ureg.MCI)
    assert not check.certain and check.verdict == "within"
    assert any("is milder" in str(d) for d in check.depends_on)


def test_below_a_1997_general_floor_says_the_exception_is_unsettled() -> None:
    # CC 1997 Art. 55(1) allows a sentence «ниже низшего предела, предусмотренного соответствующей
    # статьей Особенной части»; the 25 MCI of a fine under 130(1) is the general part's (Art. 40(2)).
    a = assess(Incident(act_date=D(2013, 9, 1), conduct="insult", channel="private"), decided_on=D(2014, 6, 1))
    check = a.check("fine", 10 * kz.ureg.MCI)
    assert check.verdict == "below_minimum" and not check.certain
    assert "the general part's floor" in check.reasons[0] and "not settled" in check.reasons[0]


def test_arrest_after_law_393_iv_is_certainly_not_a_punishment_of_the_1997_code() -> None:
    # Law 393-IV replaced arrest in Art. 39(1)(ж) by «содержание на гауптвахте» (05.08.2011 text);
    # Art. 55(1) chooses a milder kind among the Code's own kinds.
    a = assess(Incident(act_date=D(2013, 9, 1), conduct="incitement_of_discord", discord=["national"],
                        channel="mass_media"), decided_on=D(2014, 6, 1))
    check = a.check("arrest", 2 * kz.ureg.month)
    assert check.verdict == "kind_not_available" and check.certain


def test_no_law_weighs_a_sentence_in_a_measure_none_of_them_has() -> None:
    # Arrest is a term under CC 1997 Art. 46 (until Law 393-IV), and no later version of 164(1) has
    # it: 50 MCI of arrest is an error, not a verdict.
    a = assess(Incident(act_date=D(2010, 6, 1), conduct="incitement_of_discord", discord=["national"],
                        channel="mass_media"), decided_on=D(2014, 6, 1))
    with pytest.raises(kz.AmountError):
        a.check("arrest", 50 * kz.ureg.MCI)


def test_show_marks_a_kind_the_general_part_held_back_on_the_date() -> None:
    # Law 168 Art. 4 put arrest into force only later (the suspension records of general.toml): on
    # 2005-06-01 CC 1997 Art. 129(2)'s arrest was not applicable, and show says so beside it.
    from kzspeechlaw.cli.render import render_provision

    text = render_provision(kz.provision("CC1997 129(2)", on=D(2005, 6, 1)), "en", D(2005, 6, 1))
    arrest = next(line for line in text.splitlines() if line.strip().startswith("- arrest"))
    assert "suspended on 2005-06-01" in arrest and "Law 168 Art. 4" in arrest


def test_compare_over_the_change_of_code_does_not_read_as_a_repeal() -> None:
    # CC 2014 Art. 467(3)(1) replaced the 1997 Code on 2015-01-01: its parts end with it, their
    # conduct stays punishable under the new Code's parts (CC 2014 Art. 6), not "no successor".
    import argparse

    from kzspeechlaw.cli import commands

    text = commands._compare(argparse.Namespace(ref="CC1997 130(1)", before=D(2014, 6, 1), after=D(2015, 6, 1),
                                                json=False, lang="en"))
    assert isinstance(text, str) and "the code was replaced" in text and "no successor" not in text
