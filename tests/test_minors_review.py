"""A review of the answers for an offender the facts state was a minor (the mitigating circumstance
``minor``: 14 to 17 at the time of the act, CC 2014 Art. 80(1)).

CC 2014 Art. 81, read in the zan.gov.kz editions of 09.04.2016 (kazakhstan-law/codes, new layout
02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/rus/sec006.md, commit
026bf5607328af3969f8b7e9fdea1211263229cf) and 01.07.2018 (commit
d1252e4ee7ae8a52a260e4119ac4b78e09c33ed8; footnote Law 58-VI alone), parts 3-5:

    «Штраф назначается в размере от десяти до двухсот пятидесяти месячных расчетных показателей.»
    «Исправительные работы назначаются ... в размере от десяти до двухсот пятидесяти месячных
    расчетных показателей.»
    «Привлечение к общественным работам назначается на срок от сорока до ста пятидесяти часов»

and in the editions of 07.07.2020 (commit 2b775eaf4577fc3ae009b6959b3b1532dd3b3258; footnote Laws
58-VI and 180-VI) and 16.09.2025 (commit b71affc4f3e6875437ee4a1c2aff60059082fd1b):

    «Штраф назначается в размере от пяти до ста месячных расчетных показателей.»
    «Исправительные работы назначаются ... в размере от пяти до ста месячных расчетных показателей.»
    «Привлечение к общественным работам назначается на срок от десяти до семидесяти пяти часов»

and in all four, parts 6 and 7:

    «6. Ограничение свободы назначается несовершеннолетним на срок до двух лет ...»
    «7. Лишение свободы несовершеннолетним может быть назначено на срок не свыше десяти лет ...
    Несовершеннолетним, совершившим преступление небольшой тяжести или преступление средней тяжести,
    не связанное с причинением смерти, лишение свободы не назначается.»

Before this review the imposable ranges of a stated minor were an adult's (imprisonment for a slander
in the media «imposable: 6 months to 2 years», a fine of 500 to 2,000 MCI), and a check of a
sentence named the wrong deciding fact (a year's imprisonment 'within unless the harm was made
good'; a fine of 50 MCI 'below the minimum' of 500) or left open what Art. 81 settles (a fine of
1,000 MCI, 'within, not certain'). The expected values below are the statute's, counted by hand.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess
from kzspeechlaw.reasoning.sentencing.ranges import MINOR_ARTICLE_FLOOR, MINOR_DEATH, MINOR_EARNINGS

u = kz.ureg

FULL = dict(harm_compensated=False, reconciled=False, stage="completed", procedure="ordinary", aggravating=False,
            aggregate="none", pregnant=False, young_children=False)
"""Every sentencing fact stated, so that only the minor's rules leave an answer open."""


def _assess(conduct: str, act: str, decided: str, minor: bool = True, **facts: object) -> kz.Assessment:
    facts = {"channel": "mass_media", **FULL, **facts}
    return assess(Incident(act_date=act, conduct=conduct, mitigating=["minor"] if minor else ["repentance"],  # type: ignore[arg-type]
                           **facts), decided)


def _slander(act: str, decided: str, minor: bool = True) -> kz.Assessment:
    """CC 2014 Art. 130(2), slander in the media: «штрафом в размере до двух тысяч месячных расчетных
    показателей, либо исправительными работами в том же размере, либо ограничением свободы на срок до
    двух лет, либо лишением свободы на тот же срок» (2016 text): a crime of small gravity (Art. 11(2):
    imprisonment of at most two years)."""
    a = _assess("slander", act, decided, minor, allegation="none")
    assert a.governing is not None and str(a.governing.ref) == "CC2014 130(2)"
    return a


def test_no_imprisonment_for_a_minors_slander() -> None:
    """Art. 81(7): no imprisonment for a minor's crime of small gravity: a year is certainly not a
    kind the law allowed (before: 'within', the harm made good the only fact named), and the ranges
    say imprisonment is barred; an adult's year stays within the article's two."""
    minor = _slander("2017-05-01", "2017-09-01")
    check = minor.check("imprisonment", 1 * u.year)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert any("81(3)-(7)" in r for r in check.reasons)
    jail = next(s for s in minor.sanctions if s.kind.value == "imprisonment")
    assert jail.barred
    adult = _slander("2017-05-01", "2017-09-01", minor=False).check("imprisonment", 1 * u.year)
    assert adult.verdict == "within"


@pytest.mark.parametrize(("act", "decided", "low", "high"), [
    ("2017-05-01", "2017-09-01", 10, 250),  # «от десяти до двухсот пятидесяти» (2016 and 01.07.2018 texts)
    ("2019-05-01", "2019-09-01", 5, 100),  # «от пяти до ста» (07.07.2020 and 16.09.2025 texts, Law 180-VI)
])
def test_a_minors_fine_and_correctional_work_are_art_81s(act: str, decided: str, low: int, high: int) -> None:
    """The imposable fine and correctional work of a minor are Art. 81(3)-(4)'s, not the article's
    fine up to 2,000 MCI with the general floor (Art. 41: 500 MCI in 2017, 200 MCI in 2019)."""
    a = _slander(act, decided)
    for kind in ("fine", "correctional_work"):
        s = next(s for s in a.sanctions if s.kind.value == kind)
        assert (s.imposable_minimum, s.imposable_maximum) == (low * u.MCI, high * u.MCI)


@pytest.mark.parametrize(("act", "decided", "kind", "amount"), [
    ("2017-05-01", "2017-09-01", "fine", 1000 * u.MCI),  # above 250 (was 'within, not certain')
    ("2017-05-01", "2017-09-01", "correctional_work", 600 * u.MCI),  # above 250 (was 'within, not certain')
    ("2019-05-01", "2019-09-01", "fine", 150 * u.MCI),  # above 100
    ("2017-05-01", "2017-09-01", "restriction_of_freedom", 25 * u.month),  # «до двух лет»: 24 months
    # Law 180-VI lowered the cap to 100 MCI: the milder law reaches the act of 2017 (CC 2014 Art. 6(1))
    ("2017-05-01", "2019-09-01", "fine", 200 * u.MCI),
])
def test_a_sentence_beyond_a_minors_limits_is_certainly_above_the_maximum(act: str, decided: str, kind: str,
                                                                          amount: kz.Quantity) -> None:
    """Within the article's adult range, but beyond Art. 81's limit for a minor: certainly above the
    maximum, whatever else the facts leave open (the age too: under 16 there is no liability)."""
    check = _slander(act, decided).check(kind, amount)
    assert (check.verdict, check.certain) == ("above_maximum", True)
    assert "CC2014 81(3)-(7) (unverified)" in check.rules


def test_a_fine_within_a_minors_limits_turns_on_earnings_and_age() -> None:
    """50 MCI for a minor's slander of 2017: within Art. 81(3)'s 10 to 250 MCI (before: 'below the
    minimum' of 500, Art. 55 the only fact named), lawful only with earnings or property of the
    minor's own («только при наличии у несовершеннолетнего осужденного самостоятельного заработка или
    имущества»), and only if the offender was 16 (Art. 15(1): Art. 130 is not in part 2's list)."""
    check = _slander("2017-05-01", "2017-09-01").check("fine", 50 * u.MCI)
    assert (check.verdict, check.certain) == ("within", False)
    assert MINOR_EARNINGS in check.depends_on
    assert "age" in check.depends_on


def test_community_service_for_a_minors_insult() -> None:
    """CC 2014 Art. 131(2) (insult in the media, a criminal misdemeanour) provides community service
    («привлечением к общественным работам на срок до ста восьмидесяти часов»); a minor's is «от десяти
    до семидесяти пяти часов» (Art. 81(5), 2019): 100 hours is certainly above it, and within an
    adult's 180."""
    minor = _assess("insult", "2019-05-01", "2019-09-01")
    assert minor.governing is not None and str(minor.governing.ref) == "CC2014 131(2)"
    assert (minor.check("community_service", 100 * u.hour).verdict,
            minor.check("community_service", 100 * u.hour).certain) == ("above_maximum", True)
    service = next(s for s in minor.sanctions if s.kind.value == "community_service")
    assert (service.imposable_minimum, service.imposable_maximum) == (10 * u.hour, 75 * u.hour)
    adult = _assess("insult", "2019-05-01", "2019-09-01", minor=False)
    assert adult.check("community_service", 100 * u.hour).verdict == "within"


def _discord(**facts: object) -> kz.Assessment:
    return _assess("incitement_of_discord", "2021-05-01", "2021-09-01", discord=["national"],
                   channel="telecom_network", **facts)


def test_a_minors_imprisonment_is_at_most_ten_years() -> None:
    """CC 2014 Art. 174(3) (with grave consequences), 2020 text: «наказываются лишением свободы на срок
    от двенадцати до двадцати лет». Art. 81(7): «не свыше десяти лет»; 11 years is certainly above a
    minor's maximum; 8 years is below the article's own twelve, and whether a minor's punishment may
    go below it to Art. 81's limits is left open."""
    a = _discord(circumstances=["grave_consequences"])
    assert a.governing is not None and str(a.governing.ref) == "CC2014 174(3)"
    above = a.check("imprisonment", 11 * u.year)
    assert (above.verdict, above.certain) == ("above_maximum", True)
    inside = a.check("imprisonment", 8 * u.year)
    assert not inside.certain
    assert MINOR_ARTICLE_FLOOR in inside.depends_on


def test_a_minors_fine_below_the_articles_own_minimum_is_left_open() -> None:
    """CC 2014 Art. 174(1), 2020 text: «штрафом в размере от двух тысяч до семи тысяч месячных расчетных
    показателей»: above a minor's 100 MCI (Art. 81(3)). 50 MCI is not certainly lawful nor unlawful;
    500 MCI is above 100, certainly."""
    a = _discord()
    assert a.governing is not None and str(a.governing.ref) == "CC2014 174(1)"
    low = a.check("fine", 50 * u.MCI)
    assert not low.certain
    assert MINOR_ARTICLE_FLOOR in low.depends_on and MINOR_EARNINGS in low.depends_on
    high = a.check("fine", 500 * u.MCI)
    assert (high.verdict, high.certain) == ("above_maximum", True)


def test_a_minors_imprisonment_for_a_crime_that_caused_a_suicide_is_left_open() -> None:
    """CC 2014 Art. 313-1(3) (propaganda of suicide «повлекшее самоубийство лица»: «лишением свободы на
    срок от трех до пяти лет», a crime of medium gravity, Art. 11(3)): whether it is «связанное с
    причинением смерти», for which Art. 81(7) does not bar imprisonment, is not read: open."""
    a = _assess("suicide_propaganda", "2025-05-01", "2025-09-01", channel="telecom_network",
                circumstances=["caused_suicide"])
    assert a.governing is not None and str(a.governing.ref) == "CC2014 313-1(3)"
    check = a.check("imprisonment", 2 * u.year)  # below three years, as Art. 55(2) lets a mitigated sentence go
    assert not check.certain
    assert MINOR_DEATH in check.depends_on
    assert not next(s for s in a.sanctions if s.kind.value == "imprisonment").barred


def test_the_age_note_says_the_minors_ranges_are_applied() -> None:
    """The note no longer says that a minor's punishments (Art. 81) are not applied under the 2014
    Code; the age of liability (Art. 15(1): 16 for slander) still decides."""
    note = next(n for n in _slander("2017-05-01", "2017-09-01").notes if "was a minor" in n)
    assert "not applied" not in note and "Art. 81" in note and "16" in note


@pytest.mark.parametrize(("conduct", "act", "fine"), [
    ("petty_hooliganism", "2026-01-10", 20),  # AOC 2014 Art. 434(1): «штраф в размере двадцати месячных расчетных показателей»
    ("slander", "2022-01-10", 180),  # Art. 73-3(2): a natural person's fine of 180 MCI
])
def test_a_minors_administrative_fine_is_shown_at_most_ten_mci(conduct: str, act: str, fine: int) -> None:
    """AOC 2014 Art. 66(1): «Размер административного штрафа, налагаемого на несовершеннолетнего, не может
    превышать десять месячных расчетных показателей независимо от размера штрафа, предусмотренного
    статьей Особенной части». The check weighed it; the sanctions shown said «imposable on these
    facts: 14 MCI to 20 MCI» (70 % of 20, Arts. 819(2), 829-11(2)). Now at most 10 MCI, with no floor,
    the article's being above the cap; the statutory fine is still the article's."""
    a = assess(Incident(act_date=act, conduct=conduct, channel="telecom_network" if conduct == "slander" else
                        "public_speech", mitigating=["minor"], proceedings_date=act[:-2] + "12"), act[:-5] + "02-01")
    assert a.governing is not None and a.governing.ref.code == "AOC2014"
    s = next(s for s in a.sanctions if s.kind.value == "fine")
    assert s.maximum == fine * u.MCI
    assert (s.imposable_minimum, s.imposable_maximum) == (None, 10 * u.MCI)
    assert "AOC 2014 Art. 66(1)" in s.imposable_rules
    assert next(x for x in a.sanctions if x.kind.value == "arrest").barred  # Art. 50(2): «к лицам, не достигшим
    # восемнадцатилетнего возраста»


@pytest.mark.parametrize(("conduct", "act", "decided", "facts", "kind", "amount"), [
    # Art. 81(5), 09.04.2016 text: «от сорока до ста пятидесяти часов»; Art. 130(2) provides no community service
    ("slander", "2016-05-01", "2016-09-01", {"allegation": "none"}, "community_service", 200 * u.hour),
    # Art. 81(6): «на срок до двух лет»; Art. 174(2) (2020 text) provides imprisonment alone
    ("incitement_of_discord", "2021-05-01", "2021-09-01", {"discord": ["national"], "circumstances": ["violence"]},
     "restriction_of_freedom", 3 * u.year),
])
def test_a_milder_kind_beyond_a_minors_limit_is_certainly_above_the_maximum(
        conduct: str, act: str, decided: str, facts: dict[str, object], kind: str, amount: kz.Quantity) -> None:
    """A kind the article does not provide is lawful only as a milder kind on exceptional
    circumstances (Art. 55(4)): not certain for an adult. For a minor, an amount beyond Art. 81's
    limit of the kind is unlawful either way: certainly above the maximum."""
    minor = _assess(conduct, act, decided, **facts)
    assert kind not in {s.kind.value for s in minor.sanctions}
    check = minor.check(kind, amount)
    assert (check.verdict, check.certain) == ("above_maximum", True)
    adult = _assess(conduct, act, decided, minor=False, **facts).check(kind, amount)
    assert not adult.certain


def test_a_minors_final_sentence_over_an_especially_grave_aggregate_is_not_held_to_ten_years() -> None:
    """Art. 81(7): «а за убийство при отягчающих обстоятельствах или акт терроризма либо по совокупности
    уголовных правонарушений, одним из которых является убийство при отягчающих обстоятельствах или акт
    терроризма, – двенадцати лет»: with an especially grave crime decided together (which may be one
    of those), 11 years as the final sentence is not certainly above a minor's maximum."""
    a = _discord(circumstances=["violence"], aggregate="especially_grave")
    assert a.governing is not None and str(a.governing.ref) == "CC2014 174(2)"
    check = a.check("imprisonment", 11 * u.year)
    assert not (check.verdict == "above_maximum" and check.certain)


def test_the_age_note_of_a_1997_act_the_2014_code_governs() -> None:
    """An insult in the media of 2014 (CC 1997 Art. 130(2)) decided in 2016 under the 2014 Code (Art.
    131(2), the milder law): the age of liability is the 1997 Code's (Art. 15, 16 for insult), and
    the ranges are the 2014 Code's for a minor: Art. 81(3), 09.04.2016 text, «от десяти до двухсот
    пятидесяти» MCI, so the fine of up to 200 MCI is imposable from 10 MCI. The note said the 1997
    Code's rules for minors were not applied, as though the ranges were an adult's."""
    a = _assess("insult", "2014-06-01", "2016-03-01")
    assert a.governing is not None and str(a.governing.ref) == "CC2014 131(2)"
    fine = next(s for s in a.sanctions if s.kind.value == "fine")
    assert (fine.imposable_minimum, fine.imposable_maximum) == (10 * u.MCI, 200 * u.MCI)
    note = next(n for n in a.notes if "was a minor" in n)
    assert "CC1997 15(1)-(2)" in note and "Art. 81" in note and "not modelled" not in note
