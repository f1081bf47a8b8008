"""Findings of a review of acts committed and decided under the 1997 Criminal Code, against its text."""

from __future__ import annotations

import datetime as dt

from kzspeechlaw import Incident, assess
from kzspeechlaw.reasoning.results import Outcome

D = dt.date


def test_an_insult_of_the_first_president_before_art_317_1_falls_under_art_318() -> None:
    """CC 1997 Art. 318(2): «Публичное оскорбление или иное посягательство на честь и достоинство
    Президента Республики Казахстан ... совершенное с использованием средств массовой информации» -
    «лишением свободы на тот же срок» (up to three years), so medium gravity (Art. 10(3): «не
    превышает пяти лет») and a limitation of five years (Art. 69(1)(б) «пять лет»). Art. 317-1 was
    inserted only by Law 14.06.2010 No. 290-IV; before it the First President held the office of
    President, and Art. 318 protected him, not Art. 130 (small gravity, two years)."""
    a = assess(Incident(act_date=D(2009, 3, 1), conduct="insult", target="first_president",
                        channel="mass_media"), decided_on=D(2011, 6, 10))
    assert a.governing is not None
    assert str(a.governing.ref) == "CC1997 318(2)"
    # Two years after 2009-03-01 is 2011-03-01: under Art. 130(2) the act would be time-barred; under
    # Art. 318(2) the five years run to 2014-03-01.
    assert a.outcome is not Outcome.TIME_BARRED
    assert a.category == "medium_gravity"


def test_an_insult_of_a_serviceman_under_the_1997_code_is_not_answered_as_art_130() -> None:
    """CC 1997 Art. 371(1): «Оскорбление одним военнослужащим другого во время исполнения или в связи
    с исполнением обязанностей воинской службы» (a military crime, Art. 366: «совершенные
    военнослужащими»), special to Art. 130. The offender's service is not a fact of the incident, so
    an insult of a serviceman is not certainly an ordinary insult: outside the modelled scope."""
    a = assess(Incident(act_date=D(2008, 8, 1), conduct="insult", target="serviceman",
                        channel="public_speech"), decided_on=D(2009, 2, 20))
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("CC1997 371" in n for n in a.notes)
