"""Findings of the sweep for answers settled on an unstated field (``tests/sweep_unstated.py``)."""

from __future__ import annotations

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg


def test_check_near_an_unread_in_force_date_ends() -> None:
    """A sentence check of a decision between the earliest day Law 349-VI could take effect
    (07.07.2020) and its counted in-force date (10.07.2020) weighs the law as if it had taken
    effect, and that what-if does not weigh the law's doubt back again (it asked it without end, a
    RecursionError). CC 2014 Art. 411(3), the slander of a judge «соединенные с обвинением лица в
    совершении тяжкого или особо тяжкого преступления»: «наказываются штрафом в размере до четырех
    тысяч месячных расчетных показателей»: 4 000 MCI is within, 4 001 above it."""
    inc = Incident(act_date="2020-07-09", conduct="slander", channel="private", target="judge",
                   offender="official", allegation="grave_crime", in_connection_with_duties=True)
    a = assess(inc, "2020-07-09")
    assert str(a.governing.ref) == "CC2014 411(3)"
    assert a.check("fine", 4000 * u.MCI).verdict == "within"
    assert a.check("fine", 4001 * u.MCI).verdict == "above_maximum"


def test_check_with_an_alternative_near_an_unread_in_force_date_ends() -> None:
    """The same what-ifs reached from an unstated fact: the slander of a judge by an official on
    10.08.2020, the allegation and the link unstated, weighs CC 2014 Art. 411(3) (a check made
    there, as if the act of the day before Law 349-VI). The check ends and, the stated facts
    leaving the part open, is not certain."""
    inc = Incident(act_date="2020-08-10", conduct="slander", channel="private", target="judge", offender="official")
    check = assess(inc, "2020-08-10").check("fine", 550 * u.MCI)
    assert not check.certain
    assert {"allegation", "in_connection_with_duties"} <= set(check.depends_on)


def test_media_law_violation_with_channel_unstated_names_the_channel() -> None:
    """An official's breach of the media law with no channel stated: AOC 2014 Art. 451(1) reaches
    the output of a mass medium alone («Распространение продукции средства массовой информации без
    постановки на учет ... – влечет штраф на должностных лиц в размере десяти ... месячных расчетных
    показателей»), so ``no_provision`` holds only if the act was not in the mass media: the answer
    names the channel (it was given as settled)."""
    facts = dict(act_date="2023-03-01", conduct="media_law_violation", offender="official")
    unstated = assess(Incident(**facts), "2023-04-01")
    assert unstated.outcome.value == "no_provision"
    assert "channel" in unstated.depends_on
    assert any("channel=mass_media" in note and "AOC2014 451(1)" in note for note in unstated.notes)
    media = assess(Incident(**facts, channel="mass_media"), "2023-04-01")
    assert str(media.governing.ref) == "AOC2014 451(1)"
    assert [(s.sanction.kind.value, s.maximum) for s in media.statutory] == [("fine", 10 * u.MCI)]


def test_slander_of_first_president_requalified_names_the_allegation() -> None:
    """A slander of the First President by an official in January 2022, decided in January 2025:
    CC 2014 Art. 373(1) whatever crime was alleged, and after Law 23-VIII repealed it, AOC 2014 Art.
    73-3, whose part 3 («соединенные с обвинением лица в совершении коррупционного, тяжкого или
    особо тяжкого преступления») sets for an official «штраф в размере семисот пятидесяти месячных
    расчетных показателей либо административный арест на срок тридцать суток» against part 1's
    «пятисот пятидесяти ... либо административный арест на срок двадцать суток». With the
    allegation unstated the answer under part 1 names it (the first part matched was the same
    either way, so the allegation was not weighed), and a check of 30 days' arrest, above part 1's
    20 days and within part 3's 30, is not certain."""
    facts = dict(act_date="2022-01-07", conduct="slander", target="first_president", offender="official")
    unstated = assess(Incident(**facts), "2025-01-07")
    assert str(unstated.governing.ref) == "AOC2014 73-3(1)"
    assert "allegation" in unstated.depends_on
    check = unstated.check("arrest", 30 * u.day)
    assert check.verdict == "above_maximum"
    assert not check.certain and "allegation" in check.depends_on
    grave = assess(Incident(**facts, allegation="grave_crime"), "2025-01-07")
    assert str(grave.governing.ref) == "AOC2014 73-3(3)"
    assert [(s.sanction.kind.value, s.maximum) for s in grave.statutory] == [("fine", 750 * u.MCI), ("arrest", 30 * u.day)]
    stated = assess(Incident(**facts, allegation="none"), "2025-01-07")
    assert "allegation" not in stated.depends_on
    assert stated.check("arrest", 30 * u.day).certain


def test_check_of_a_time_barred_insult_names_the_channel() -> None:
    """An insult of 2016 decided in 2026 is time-barred whether or not it was public, so the outcome
    does not turn on the channel; the range a sentence is checked against does: CC 2014 Art. 131(1)
    «наказывается штрафом в размере до ста месячных расчетных показателей», Art. 131(2) («То же
    деяние, совершенное публично или с использованием средств массовой информации ...») «до двухсот».
    A fine of 150 MCI, above the first and within the second, is not certain with the channel
    unstated (it was, «above_maximum»); 250 MCI, above both, is."""
    unstated = assess(Incident(act_date="2016-03-01", conduct="insult"), "2026-03-01")
    assert unstated.outcome.value == "time_barred"
    assert str(unstated.governing.ref) == "CC2014 131(1)"
    check = unstated.check("fine", 150 * u.MCI)
    assert check.verdict == "above_maximum"
    assert not check.certain and "channel" in check.depends_on
    assert unstated.check("fine", 250 * u.MCI).certain
    private = assess(Incident(act_date="2016-03-01", conduct="insult", channel="private"), "2026-03-01")
    assert private.check("fine", 150 * u.MCI).certain
