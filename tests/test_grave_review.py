"""The grave and especially grave speech crimes: answers the statute texts read do not settle are not
given as certain.

CC 2014 Art. 256 «Пропаганда терроризма или публичные призывы к совершению акта терроризма»: part 1 reads
«наказываются лишением свободы на срок от трех до семи лет с конфискацией имущества» in the 24.11.2015 and
08.04.2016 texts (kazakhstan-law/codes, old layout rus/sec007-ch009.md, commits f8d87165… and 20aad375…) and
«от пяти до девяти лет с конфискацией имущества» in the 22.12.2016 text (commit 8a92edb8…), under a footnote
naming «Законом РК от 26.07.2016 № 12-VІ (вводится в действие по истечении двух месяцев после дня его
первого официального опубликования); от 22.12.2016 № 28-VІ (вводится в действие по истечении десяти
календарных дней после дня его первого официального опубликования)». No text between them was found: an
act after Law 12-VI could take effect (2016-09-27 at the earliest) and before Law 28-VI did may have fallen
under either sanction.

CC 1997 Art. 164(1) reads «либо лишением свободы на срок до пяти лет» on 05.08.2011 and «либо лишением
свободы на срок до семи лет» in the final 01.01.2015 text (footnote: «от 09.11.2011 № 490-IV … от
29.11.2011 № 502-IV»): which law raised it was not read, so an act between them may have fallen under seven
years.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

Y = kz.ureg.year

_SETTLED = {"mitigating": False, "aggravating": False, "procedure": "ordinary", "stage": "completed"}


def _terror(act: str, channel: str = "private") -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="terrorism_propaganda", channel=channel, **_SETTLED),
                  "2017-06-01")


@pytest.mark.parametrize(("years", "verdict"), [(4, "within"), (8, "above_maximum")])
def test_a_terrorism_propaganda_sentence_between_laws_12_vi_and_28_vi_is_not_certain(years: int,
                                                                                      verdict: str) -> None:
    """Act of 2016-11-01: «от трех до семи лет» (08.04.2016) or «от пяти до девяти лет» (22.12.2016).
    Four years is within the first and below the second's minimum; eight above the first's maximum
    and within the second: neither verdict is certain."""
    check = _terror("2016-11-01").check("imprisonment", years * Y)
    assert check.verdict == verdict
    assert not check.certain
    assert "wording" in check.depends_on
    assert any("2017-01-02" in str(r) and "28-VI" in str(r) for r in check.reasons)


def test_a_sentence_within_both_wordings_stays_certain() -> None:
    """Six years lies within «от трех до семи» and «от пяти до девяти» alike."""
    check = _terror("2016-11-01").check("imprisonment", 6 * Y)
    assert check.verdict == "within" and check.certain


def test_an_act_before_law_12_vi_could_take_effect_is_certain() -> None:
    """2016-08-01 is before the earliest day Law 12-VI could take effect («по истечении двух месяцев после
    дня его первого официального опубликования», adopted 26.07.2016): the 08.04.2016 text governs."""
    a = _terror("2016-08-01")
    assert "wording" not in a.depends_on
    check = a.check("imprisonment", 4 * Y)
    assert check.verdict == "within" and check.certain


def test_the_assessment_names_the_open_wording_of_art_256() -> None:
    """Part 2 «от пяти до десяти лет» (08.04.2016) against «от семи до двенадцати лет» (22.12.2016)."""
    a = _terror("2016-11-01", channel="telecom_network")
    assert str(a.governing.ref) == "CC2014 256(2)"
    assert "wording" in a.depends_on
    assert any("TEXT NOT READ" in n for n in a.notes)


def test_the_1997_incitement_sentence_between_laws_490_iv_and_502_iv_is_not_certain() -> None:
    """Act of 2011-11-25: «до пяти лет» (05.08.2011) or «до семи лет» (01.01.2015 text); six years."""
    a = assess(Incident(act_date="2011-11-25", conduct="incitement_of_discord", discord={"national"},
                        channel="public_speech"), "2012-06-01")
    assert "wording" in a.depends_on
    check = a.check("imprisonment", 6 * Y)
    assert check.verdict == "above_maximum"
    assert not check.certain and "wording" in check.depends_on


def test_the_1997_incitement_read_before_law_490_iv_is_certain() -> None:
    """2011-11-10, before Law 490-IV could take effect: «до пяти лет» read on 05.08.2011 governs."""
    a = assess(Incident(act_date="2011-11-10", conduct="incitement_of_discord", discord={"national"},
                        channel="public_speech"), "2011-11-15")
    assert "wording" not in a.depends_on
    check = a.check("imprisonment", 6 * Y)
    assert check.verdict == "above_maximum" and "wording" not in check.depends_on

