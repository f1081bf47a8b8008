"""Findings of a review of the limitation layer, the MCI date and the Russian wording, each against
the statute text it cites (expected values from the text, not from the library's output)."""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, InvalidIncident, assess
from kzspeechlaw.i18n import render

D = dt.date


@pytest.mark.parametrize(("act", "channel", "decided"), [
    (D(2016, 3, 1), "public_speech", D(2023, 6, 1)),  # 161(1), medium gravity: 5 years would have run out
    (D(2020, 3, 1), "telecom_network", D(2031, 6, 1)),  # 161(2), grave: 10 years would have run out
])
def test_no_limitation_for_propaganda_of_aggressive_war(act: dt.date, channel: str, decided: dt.date) -> None:
    # CC 2014 Art. 71(6), both wordings: «Сроки давности не применяются к лицам, совершившим
    # преступления против мира и безопасности человечества ...»; Art. 161 stands in Chapter 4
    # «ПРЕСТУПЛЕНИЯ ПРОТИВ МИРА И БЕЗОПАСНОСТИ ЧЕЛОВЕЧЕСТВА» (12.07.2018 text, sec006-ch004.md).
    a = assess(Incident(act_date=act, conduct="call_to_aggressive_war", channel=channel), decided_on=decided)
    assert str(a.governing.ref).startswith("CC2014 161(")
    assert a.limitation is not None and a.limitation.status == "none" and a.limitation.period is None
    assert a.outcome == "liable"


def test_the_outer_period_of_a_grave_crime_stays_open_to_an_interruption() -> None:
    # CC 2014 Art. 71(4) (180-VI wording): liability lapses once the outer period has run «если со
    # времени совершения преступления давность не была прервана»; a new grave or especially grave
    # crime interrupts a grave crime's period. 274(4)(2), grave: outer period 15 years.
    a = assess(Incident(act_date=D(2019, 3, 1), conduct="false_information", knowing_and_dangerous=True,
                        circumstances=["emergency"], evaded_from=D(2019, 6, 1)), decided_on=D(2034, 3, 2))
    assert a.limitation.expired and not a.limitation.certain
    assert a.outcome == "time_barred_unless_stopped" and "interruption" in a.depends_on
    assert a.limitation.unless == "a new grave or especially grave crime interrupted the period"


def test_the_outer_period_of_a_medium_crime_bars_for_certain() -> None:
    # Only a grave or especially grave crime's period is interrupted by a new crime (Art. 71(4)): the
    # outer period of a crime of another category bars liability for certain.
    a = assess(Incident(act_date=D(2019, 3, 1), conduct="false_information", knowing_and_dangerous=True,
                        channel="mass_media", evaded_from=D(2019, 6, 1)), decided_on=D(2040, 1, 1))
    assert a.governing is not None and a.governing.category not in ("grave", "especially_grave")
    assert a.limitation.expired and a.limitation.certain and a.outcome == "time_barred"


def test_an_administrative_fine_turns_on_the_day_the_case_was_opened() -> None:
    # AOC 2014 Art. 44(1): the MCI «действующим на момент возбуждения дела»; the MCI for fines was
    # 3,063 tenge in 2022 and 3,450 in 2023 (the budget laws): 180 MCI is 551,340 or 621,000 tenge.
    slander = Incident(act_date=D(2022, 12, 20), conduct="slander", channel="telecom_network", allegation="none")
    a = assess(slander, decided_on=D(2023, 2, 1))
    assert "proceedings_date" in a.depends_on
    same_year = assess(slander, decided_on=D(2022, 12, 28))
    assert "proceedings_date" not in same_year.depends_on
    opened = Incident(act_date=D(2022, 12, 20), conduct="slander", channel="telecom_network", allegation="none",
                      proceedings_date=D(2023, 1, 5))
    b = assess(opened, decided_on=D(2023, 2, 1))
    assert "proceedings_date" not in b.depends_on
    fine = next(s for s in b.sanctions if s.sanction.kind == "fine")
    assert fine.maximum_kzt.magnitude == 180 * 3450


def test_a_case_is_not_opened_after_it_is_decided() -> None:
    opened = Incident(act_date=D(2022, 12, 20), conduct="slander", channel="telecom_network",
                      proceedings_date=D(2023, 1, 5))
    with pytest.raises(InvalidIncident, match="proceedings_date"):
        assess(opened, decided_on=D(2022, 12, 28))


def test_the_russian_limitation_note_keeps_the_condition_the_right_way_round() -> None:
    # «если только {unless}» read "provided that the case was referred": the period expired unless
    # it turns out that the case was referred in time.
    late = assess(Incident(act_date=D(2021, 3, 1), conduct="slander", channel="telecom_network", allegation="none"),
                  decided_on=D(2021, 6, 20))
    note = next(n for n in late.notes if str(n).startswith("The limitation period expired"))
    assert "если только не окажется, что дело направлено в суд" in render(note, "ru")


def test_route_status_open_says_neither_may_nor_must() -> None:
    # "open" covers a mandatory release (CC 2014 Art. 68(1): «подлежит освобождению»), which
    # «возможно» turned into "may", and a discretionary one (AOC 2014 Art. 64-1: the judge «может
    # освободить» for a trivial offence), which «основание имеется» turned into a finding.
    assert kz.i18n.pgettext("status", "open", "ru") == "применимо"


def test_the_opening_day_is_bounded_by_the_referral() -> None:
    # A case is opened before it is referred to court: referred in December 2022, it was opened with
    # the MCI of 2022, whatever the decision date.
    referred = Incident(act_date=D(2022, 12, 1), conduct="slander", channel="telecom_network", allegation="none",
                        referred_on=D(2022, 12, 20))
    assert "proceedings_date" not in assess(referred, decided_on=D(2023, 2, 1)).depends_on


def test_no_opening_day_gives_a_tenge_amount_after_the_mci_data() -> None:
    late = Incident(act_date=D(2027, 1, 5), conduct="slander", channel="telecom_network", allegation="none")
    with pytest.warns(kz.StaleDataWarning):
        a = assess(late, decided_on=D(2027, 2, 1))
    assert "proceedings_date" not in a.depends_on


def test_the_outer_period_cites_its_article() -> None:
    # The end 2034-03-01 is the outer period of Art. 71(4) (15 years for a grave crime), not the
    # ten years of 71(1)(4).
    a = assess(Incident(act_date=D(2019, 3, 1), conduct="false_information", knowing_and_dangerous=True,
                        circumstances=["emergency"], evaded_from=D(2019, 6, 1)), decided_on=D(2034, 3, 2))
    assert a.limitation.expires == D(2034, 3, 1) and "CC2014 71(4)" in a.limitation.article
