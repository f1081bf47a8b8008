"""An amnesty that releases by category is not relied on where the wording that sets the category
was not read.

Law 28.12.2011 No. 521-IV Art. 4: «Уголовные дела и дела, не рассмотренные судами, о преступлениях
небольшой и средней тяжести, совершенных до введения в действие настоящего Закона, за которые
предусмотрено наказание до пяти лет лишения свободы или наказание, не связанное с лишением свободы,
подлежат отказу в возбуждении и прекращению производством». It releases by category and sanction, so
the wording of the act's part decides. CC 1997 Art. 164(1) read on 05.08.2011: «... либо лишением
свободы на срок до пяти лет» (medium gravity); read on 01.01.2015: «... либо лишением свободы на срок
до семи лет» (grave: outside Art. 4). CC 1997 Art. 10(3): «Преступлениями средней тяжести признаются
умышленные деяния, за совершение которых максимальное наказание ... не превышает пяти лет лишения
свободы»; 10(4): «Тяжкими преступлениями признаются умышленные деяния, за совершение которых максимальное
наказание ... не превышает двенадцати лет лишения свободы». The change came by Law 09.11.2011 No. 490-IV or Law 29.11.2011
No. 502-IV, which one was not read: for an act of late November 2011 the seven-year term may already
have governed, and Art. 4 then does not release it. The wording of 05.08.2011 was read: an act of
early November 2011 stays released.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess


def _incitement(act: str) -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="incitement_of_discord", channel="public_speech",
                           discord={"national"}), "2012-03-01")


@pytest.mark.parametrize("act", ["2011-11-25", "2011-12-05"])
def test_an_act_under_the_unread_wording_is_not_said_amnestied(act: str) -> None:
    """The wording between Laws 490-IV and 502-IV was not read: seven years (grave) may apply."""
    a = _incitement(act)
    assert a.outcome is not kz.Outcome.AMNESTIED
    assert "amnesty" in a.depends_on


def test_an_act_under_the_wording_read_is_amnestied() -> None:
    """Read on 05.08.2011: «лишением свободы на срок до пяти лет», medium gravity, under Art. 4."""
    assert _incitement("2011-11-10").outcome is kz.Outcome.AMNESTIED
