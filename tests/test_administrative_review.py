"""Administrative checks that a review found certain and wrong, each against the statute.

AOC 2014 Art. 44(1) (``statutes/aoc2014/44.md``, 06.02.2023): an administrative fine is counted in
MCI «действующим на момент возбуждения дела». AOC 2014 Art. 73-3(2) (``statutes/aoc2014/73-3.md``,
06.02.2023): slander in the media or a telecom network «влечет штраф на физическое лицо в размере
ста восьмидесяти месячных расчетных показателей». The MCI for fines (``statutes/mci/budget-laws.md``):
3 063 tenge in 2022 (Law 77-VII), 3 450 tenge in 2023 (Law 163-VII). So 621 000 tenge is 180 MCI of
2023 (within the fine) and 202.7 MCI of 2022 (above it). The expected values are the statute's.
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg


def _slander(**facts: object) -> kz.Assessment:
    return assess(Incident(act_date="2022-12-25", conduct="slander", channel="telecom_network",  # type: ignore[arg-type]
                           allegation="none", **facts), "2023-01-20")


def test_a_fine_in_tenge_turns_on_the_day_the_case_was_opened_where_it_is_not_given() -> None:
    """Opened in 2022, 621 000 tenge is above the 180 MCI fine; opened in 2023, it is the fine."""
    check = _slander().check("fine", 621_000 * u.KZT)
    assert (check.verdict, check.certain) == ("above_maximum", False)
    assert "proceedings_date" in check.depends_on
    assert "2023-01-01" in check.reasons[-1] and "AOC2014 44(1)" in check.reasons[-1]


def test_the_day_the_case_was_opened_decides_the_tenge_check() -> None:
    opened_2022 = _slander(proceedings_date="2022-12-26").check("fine", 621_000 * u.KZT)
    opened_2023 = _slander(proceedings_date="2023-01-05").check("fine", 621_000 * u.KZT)
    assert (opened_2022.verdict, opened_2022.certain) == ("above_maximum", True)
    assert (opened_2023.verdict, opened_2023.certain) == ("within", True)


def test_a_fine_in_mci_or_in_tenge_above_every_years_maximum_stays_certain() -> None:
    """180 MCI is the fine whatever the day; 700 000 tenge is above 180 MCI of 2022 and of 2023
    (551 340 and 621 000 tenge)."""
    in_mci = _slander().check("fine", 180 * u.MCI)
    above = _slander().check("fine", 700_000 * u.KZT)
    assert (in_mci.verdict, in_mci.certain) == ("within", True)
    assert (above.verdict, above.certain, above.depends_on) == ("above_maximum", True, ())


# --- a minor under the AOC -------------------------------------------------------------------------
# AOC 2014 (kazakhstan-law/codes, 02-codes/2014/0705-ob-administrativnykh-pravonarusheniiakh-81245/rus/
# sec002-ch009.md, 16.06.2024 text, commit 21ae8644ab140631174d7da98dc263f14be5d09b; Arts. 65, 66(1), 71
# carry no amendment footnote). Art. 65(1): minors are persons «которым ко времени совершения
# административного правонарушения исполнилось шестнадцать, но не исполнилось восемнадцати лет».
# Art. 66(1): a minor's fine «не может превышать десять месячных расчетных показателей независимо от
# размера штрафа, предусмотренного статьей Особенной части». Art. 71: the periods of Art. 62 «при
# освобождении несовершеннолетних от административной ответственности ... сокращаются наполовину».
# Art. 62(1): two months from the offence. Art. 50(2) (statutes/aoc2014/50.md, 06.02.2023): arrest may
# not be imposed on «лицам, не достигшим восемнадцатилетнего возраста».


def _minor_slander(decided: str) -> kz.Assessment:
    return assess(Incident(act_date="2024-07-01", conduct="slander", channel="telecom_network",  # type: ignore[arg-type]
                           allegation="none", mitigating={"minor"}, proceedings_date="2024-07-05"), decided)


def test_a_minors_administrative_limitation_period_is_halved() -> None:
    """Two months halved: one month from 2024-07-01, so it expired on 2024-08-01; decided on
    2024-08-15 the minor is time-barred unless the period was stopped (a referral, Art. 62(5))."""
    late, early = _minor_slander("2024-08-15"), _minor_slander("2024-07-20")
    assert late.limitation is not None and early.limitation is not None
    assert (late.limitation.status, late.limitation.expires.isoformat()) == ("expired", "2024-08-01")
    assert late.outcome is kz.Outcome.TIME_BARRED_UNLESS_STOPPED
    assert (early.limitation.status, early.limitation.expires.isoformat()) == ("running", "2024-08-01")
    assert "AOC 2014 Art. 71" in early.limitation.article and "age" in early.depends_on


def test_a_minors_administrative_fine_is_at_most_ten_mci() -> None:
    a = _minor_slander("2024-07-20")
    above = a.check("fine", 180 * u.MCI)  # the article's fine for an adult
    assert (above.verdict, above.certain) == ("above_maximum", True)
    assert (a.check("fine", 11 * u.MCI).verdict, a.check("fine", 11 * u.MCI).certain) == ("above_maximum", True)
    within_cap = a.check("fine", 10 * u.MCI)
    assert within_cap.certain is False and "age" in within_cap.depends_on


def test_administrative_arrest_is_never_imposed_on_a_minor() -> None:
    a = _minor_slander("2024-07-20")
    check = a.check("arrest", 10 * u.day)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert "50(2)" in check.reasons[0]
    arrest = next(s for s in a.to_dict()["sanctions"] if s["kind"] == "arrest")
    assert arrest["imposable_maximum"] is None and any("50(2)" in r for r in arrest["imposable_rules"])


def test_a_minor_is_no_legal_entity() -> None:
    """Art. 65(1): a minor is a person of 16 or 17; CC 2014 Art. 80(1): of 14 to 17."""
    with pytest.raises(kz.InvalidIncident, match="mitigating"):
        Incident(act_date="2022-05-01", conduct="false_information", channel="mass_media",
                 offender="small_business", mitigating={"minor"})


def test_the_cap_makes_no_fine_where_the_part_has_none() -> None:
    """AOC 2014 Art. 451(3) (repeated dissemination, modelled for officials) provides no fine."""
    a = assess(Incident(act_date="2022-05-01", conduct="media_law_violation", channel="mass_media",
                        offender="official", circumstances={"repeated"}, mitigating={"minor"},
                        proceedings_date="2022-05-02"), "2022-05-20")
    assert a.governing is not None and "fine" not in {s.kind.value for s in a.sanctions}
    check = a.check("fine", 50 * u.MCI)
    assert (check.verdict, check.certain) == ("kind_not_available", True)


def test_a_minors_fine_in_tenge_at_the_cap_turns_on_the_age_and_the_day_the_case_was_opened() -> None:
    """34 500 tenge is 10 MCI of 2023 (3 450 tenge) and 11.3 MCI of 2022 (3 063 tenge)."""
    a = assess(Incident(act_date="2022-12-25", conduct="slander", channel="telecom_network", allegation="none",
                        mitigating={"minor"}), "2023-01-20")
    check = a.check("fine", 34_500 * u.KZT)
    assert check.certain is False and set(check.depends_on) == {"age", "proceedings_date"}
    opened_2023 = assess(Incident(act_date="2022-12-25", conduct="slander", channel="telecom_network",
                                  allegation="none", mitigating={"minor"}, proceedings_date="2023-01-05"),
                         "2023-01-20").check("fine", 34_500 * u.KZT)
    assert (opened_2023.verdict, opened_2023.certain, opened_2023.depends_on) == ("within", False, ("age",))


# --- knowledge of the falsity ---------------------------------------------------------------------
# AOC 2014 Art. 456-1(2) (statutes/aoc2014/456-1.md, 06.02.2023): «Размещение заведомо ложной
# информации в средствах массовой информации ... – влечет штраф на должностных лиц ... в размере
# тридцати ... месячных расчетных показателей». The facts state knowledge only with the danger of
# CC 2014 Art. 274 (knowing_and_dangerous = true, which makes the act that crime); false says the
# information was not known to be false or created no such danger, which leaves knowledge open.


def _official(knowing: bool | None) -> kz.Assessment:
    return assess(Incident(act_date="2022-05-01", conduct="false_information", channel="mass_media",
                           offender="official", knowing_and_dangerous=knowing, proceedings_date="2022-05-02"),
                  "2022-06-10")


def test_knowingly_false_is_an_element_the_facts_leave_open() -> None:
    for knowing in (False, None):
        a = _official(knowing)
        assert a.governing is not None and str(a.governing.ref) == "AOC2014 456-1(2)"
        assert "knowledge" in a.depends_on
        assert any("AOC2014 456-1(2) applies only where it is shown that the author knew" in n for n in a.notes)
        check = a.check("fine", 30 * u.MCI)
        assert (check.verdict, check.certain) == ("within", False) and "knowledge" in check.depends_on


def test_knowing_and_dangerous_settles_knowledge() -> None:
    assert "knowledge" not in _official(True).depends_on


# --- repeated petty hooliganism -------------------------------------------------------------------
# AOC 2014 Art. 434 (kazakhstan-law/codes). Part 2, «Действия, предусмотренные частью первой настоящей
# статьи, совершенные повторно в течение года после наложения административного взыскания, – влекут
# административный арест на срок до пятнадцати суток» (11.07.2017 and 06.02.2023 texts); «... от
# пятнадцати до тридцати суток» from Law 03.01.2023 No. 187-VII (01.01.2024 text); community service
# of sixty to a hundred hours as well from 01.09.2025 (Law 10.01.2025 No. 155-VIII, 31.12.2025 text).
# Part 3: «Действия, предусмотренные частью второй настоящей статьи, совершенные лицами, к которым
# административный арест в соответствии с частью второй статьи 50 настоящего Кодекса не применяется, –
# влекут штраф в размере двадцати месячных расчетных показателей». Art. 50(2) (06.02.2023): no arrest
# for «беременным женщинам и женщинам, имеющим детей в возрасте до четырнадцати лет, лицам, не
# достигшим восемнадцатилетнего возраста, лицам с инвалидностью первой и второй групп ...».


def _repeated(act: str, decided: str, **facts: object) -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="petty_hooliganism", channel="public_speech",  # type: ignore[arg-type]
                           circumstances={"repeated"}, proceedings_date=act, **facts), decided)


def test_repeated_petty_hooliganism_is_part_2_with_its_arrest() -> None:
    a = _repeated("2022-06-01", "2022-06-20")
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 434(2)"
    assert [(s.kind.value, s.describe()) for s in a.sanctions] == [("arrest", "administrative arrest up to 15 days")]
    above = a.check("arrest", 16 * u.day)
    assert (above.verdict, above.certain) == ("above_maximum", True)
    later = _repeated("2023-06-01", "2023-06-20")
    assert [s.describe() for s in later.sanctions] == ["administrative arrest 15 days to 30 days"]
    newest = _repeated("2025-10-01", "2025-10-20")
    assert [s.kind.value for s in newest.sanctions] == ["community_service", "arrest"]


def test_part_3s_fine_turns_on_whether_arrest_applies_to_the_offender() -> None:
    """A fine is part 3's, for the persons Art. 50(2) names: certain only where the facts name one."""
    unknown = _repeated("2022-06-01", "2022-06-20").check("fine", 20 * u.MCI)
    assert (unknown.verdict, unknown.certain) == ("within", False)
    assert "pregnant" in unknown.depends_on
    part_1_fine = _repeated("2022-06-01", "2022-06-20").check("fine", 5 * u.MCI)
    assert part_1_fine.verdict != "within" and part_1_fine.certain is False
    pregnant = _repeated("2022-06-01", "2022-06-20", pregnant=True)
    fine, arrest = pregnant.check("fine", 20 * u.MCI), pregnant.check("arrest", 10 * u.day)
    assert (fine.verdict, fine.certain) == ("within", True)
    assert (arrest.verdict, arrest.certain) == ("kind_not_available", True)
    assert any("20 MCI" in n for n in pregnant.notes)


# --- a later wording that no longer covers the act ----------------------------------------------------
# AOC 2014 Art. 451(4) (statutes/aoc2014/451.md): «Распространение ... в средствах массовой информации
# или по сетям телекоммуникаций персональных и биометрических данных ... несовершеннолетнего» (06.02.2023
# text); as restated by Law 19.06.2024 No. 95-VIII (20.08.2024 text) «... в масс-медиа ...», without the
# telecommunication networks. AOC 2014 Art. 5(1) (statutes/aoc2014/5.md): a law «отменяющий
# административную ответственность ... имеет обратную силу».


def _disclosure(act: str, decided: str, channel: str) -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="disclosure_of_minor_data", channel=channel,  # type: ignore[arg-type]
                           offender="official", proceedings_date=act, referred_on=act), decided)


def test_a_wording_that_may_drop_the_channel_is_outside_the_modelled_scope() -> None:
    """Whether «масс-медиа» (Law on mass media) reaches a dissemination in a telecom network was not
    read: an act there after Law 95-VIII, and one before it decided after, get no answer; the scope
    register names the part."""
    before_the_law = _disclosure("2024-06-01", "2024-10-01", "telecom_network")
    assert before_the_law.outcome is kz.Outcome.OUTSIDE_SCOPE and before_the_law.governing is None
    assert any("95-VIII" in n and "was not read" in n for n in before_the_law.notes)
    assert _disclosure("2024-09-01", "2024-10-01", "telecom_network").outcome is kz.Outcome.OUTSIDE_SCOPE
    # the same act decided before the new wording, and an act in the mass media, stay liable
    assert _disclosure("2024-06-01", "2024-08-01", "telecom_network").outcome is kz.Outcome.LIABLE
    assert _disclosure("2024-06-01", "2024-10-01", "mass_media").outcome is kz.Outcome.LIABLE
    assert _disclosure("2024-09-01", "2024-10-01", "private").outcome is kz.Outcome.OUTSIDE_SCOPE  # Art. 79


def test_a_minors_fine_above_the_articles_own_is_above_the_maximum() -> None:
    """AOC 2014 Art. 434(1) (06.02.2023): «влечет штраф в размере пяти месячных расчетных показателей»;
    Art. 66(1) caps a minor's fine at ten MCI, so a minor's fine is at most five. Not certain: part 2
    («совершенные повторно в течение года после наложения административного взыскания») gives a minor,
    to whom arrest does not apply, part 3's fine («штраф в размере двадцати месячных расчетных
    показателей»), capped at ten, and the facts do not say whether the act was repeated."""
    def check(mci: int) -> kz.Check:
        return assess(Incident(act_date="2022-06-01", conduct="petty_hooliganism", channel="public_speech",
                               mitigating={"minor"}, proceedings_date="2022-06-01"), "2022-06-20").check("fine",
                                                                                                       mci * u.MCI)
    assert (check(8).verdict, check(8).certain) == ("above_maximum", False)
    assert "repeated" in check(8).depends_on
    assert (check(5).verdict, check(5).certain) == ("within", False)


def test_a_person_arrest_does_not_apply_to_gets_part_3s_fine_alone() -> None:
    """From 01.09.2025 part 2 gives community service or arrest; part 3 a fine alone."""
    a = _repeated("2025-10-01", "2025-10-20", young_children=True)
    service = a.check("community_service", 80 * u.hour)
    assert (service.verdict, service.certain) == ("kind_not_available", True)
    assert (a.check("fine", 20 * u.MCI).verdict, a.check("fine", 20 * u.MCI).certain) == ("within", True)


def test_part_3s_fine_is_not_certain_while_the_exemption_rests_on_an_inferred_date() -> None:
    """Before Law 127-VI (in force 2018-01-08 at the earliest, inferred) Art. 50(2) named women with
    children under fourteen only: a man raising them alone was not exempt."""
    a = _repeated("2017-12-20", "2018-01-12", young_children=True, referred_on="2017-12-20")
    fine = a.check("fine", 20 * u.MCI)
    assert fine.certain is False and any("127-VI" in d for d in fine.depends_on)


def test_a_disclosure_outside_the_media_is_outside_the_modelled_scope() -> None:
    """AOC 2014 Art. 79(1) (16.06.2024 text, rus/sec002-ch009.md, commit
    21ae8644ab140631174d7da98dc263f14be5d09b): «Незаконные сбор и (или) обработка персональных данных,
    если эти деяния не содержат признаков уголовно наказуемого деяния» may reach it; not modelled."""
    a = _disclosure("2022-06-01", "2022-07-01", "public_speech")
    assert a.outcome is kz.Outcome.OUTSIDE_SCOPE and any("AOC2014 79" in n for n in a.notes)
    assert _disclosure("2022-06-01", "2022-07-01", "mass_media").outcome is kz.Outcome.LIABLE
