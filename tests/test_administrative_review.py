"""Administrative checks that a review found certain and wrong, each against the statute.

AOC 2014 Art. 44(1) (``statutes/aoc2014/44.md``, 06.02.2023): an administrative fine is counted in
MCI «действующим на момент возбуждения дела». AOC 2014 Art. 73-3(2) (``statutes/aoc2014/73-3.md``,
06.02.2023): slander in the media or a telecom network «влечет штраф на физическое лицо в размере
ста восьмидесяти месячных расчетных показателей». The MCI for fines (``statutes/mci/budget-laws.md``):
3 063 tenge in 2022 (Law 77-VII), 3 450 tenge in 2023 (Law 163-VII). So 621 000 tenge is 180 MCI of
2023 (within the fine) and 202.7 MCI of 2022 (above it). The expected values are the statute's.
"""

from __future__ import annotations

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
    check = _minor_slander("2024-07-20").check("arrest", 10 * u.day)
    assert (check.verdict, check.certain) == ("kind_not_available", True)
    assert "AOC 2014 Art. 50(2)" in check.rules


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
