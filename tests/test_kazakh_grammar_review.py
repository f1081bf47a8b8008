"""The Kazakh a lawyer reads: amounts before «бастап» and «дейін» take the case the postposition
governs, as the codes' own Kazakh texts write their ranges, and the page puts its verbs and law
numbers where Kazakh puts them. Russian and English stay as they were.

The Kazakh texts quoted are those of ``kazakhstan-law/codes``:
CC 2014 ``02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/kaz/sec003.md`` at commit
d1252e4ee7ae8a52a260e4119ac4b78e09c33ed8 (Arts. 41-46), ``kaz/sec006-ch004.md`` at commit
8607f20f58b98ae0cfbb68d4b58b902fd2574ba3 (Art. 174), ``kaz/sec005.md`` at commit
49c11fd4b34954ddc5c3f61b786e0fe966fa4e7c (Art. 69); AOC 2014
``02-codes/2014/0705-ob-administrativnykh-pravonarusheniiakh-81245/kaz/sec002-ch026.md`` at commit
c8795e65ccd7e615a33f0d6dbd036184780f6a50 (Art. 456-2).
"""

from __future__ import annotations

import datetime as dt

import pytest

import kzspeechlaw as kz
from kzspeechlaw.i18n import Message
from kzspeechlaw.units import quantity

INCITEMENT_2021 = kz.Incident(act_date="2021-05-10", conduct="incitement_of_discord", discord=["national"],
                              channel="telecom_network")
SLANDER_2019 = kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network")


def test_a_range_of_years_in_the_ablative_and_the_dative() -> None:
    """CC 2014 Art. 174(1) (Kazakh, 349-VI wording): «екі жылдан жеті жылға дейiнгi мерзiмге бас
    бостандығын шектеуге» (Russian: «ограничением свободы на срок от двух до семи лет»)."""
    a = kz.assess(INCITEMENT_2021, "2021-12-01")
    restriction = a.sanctions[1].describe("kk")
    assert restriction.startswith("бас бостандығын шектеу 2 жылдан ")
    assert restriction.endswith(" 7 жылға дейін")
    assert "жыл бастап" not in restriction and "жыл дейін" not in restriction
    # Russian and English as they were: «ограничением свободы на срок от двух до семи лет»
    assert a.sanctions[1].describe("ru") == "ограничение свободы от 2 лет до 7 лет"
    assert a.sanctions[1].describe() == "restriction of freedom 2 years to 7 years"
    assert a.sanctions[0].describe("ru").startswith("штраф от 2 000 МРП до 7 000 МРП")


def test_a_range_of_mci_and_of_tenge() -> None:
    """CC 2014 Art. 174(1): «екі мыңнан жеті мыңға дейінгі айлық есептік көрсеткіш мөлшеріндегі
    айыппұл» (Russian: «штрафом в размере от двух тысяч до семи тысяч месячных расчетных
    показателей»); the abbreviation АЕК takes its ending after a hyphen, by its last vowel «е» and its
    final «к»: «АЕК-тен», «АЕК-ке»; «теңге» ends in a front vowel: «теңгеден», «теңгеге»."""
    fine = kz.assess(INCITEMENT_2021, "2021-12-01").sanctions[0].describe("kk")
    assert fine.startswith("айыппұл 2 000 АЕК-тен ")
    assert " 7 000 АЕК-ке дейін (5 834 000 теңгеден " in fine  # the MCI of 2021 is 2 917 tenge
    assert fine.endswith(" 20 419 000 теңгеге дейін)")


def test_the_codes_range_without_bastap() -> None:
    """A range as the codes write it, with no «бастап»: «алты айдан бір жылға дейін», «бір жылдан
    екі жылға дейін» (CC 2014 Art. 69(3)), «отыз тәуліктен тоқсан тәулікке дейінгі» (Art. 45(2)),
    «алпыс сағаттан үш жүз сағатқа дейiн» (Art. 43(2)): the first of two amounts before «дейін» is
    in the ablative."""
    def range_kk(low: float, high: float, unit: str) -> str:
        return Message("{minimum} {maximum} дейін", minimum=quantity(low, unit), maximum=quantity(high, unit)
                       ).render("kk")

    assert range_kk(6, 1, "month").startswith("6 айдан ")
    assert range_kk(1, 2, "year") == "1 жылдан 2 жылға дейін"
    assert range_kk(30, 90, "day") == "30 тәуліктен 90 тәулікке дейін"
    assert range_kk(60, 300, "hour") == "60 сағаттан 300 сағатқа дейін"
    assert range_kk(1000, 2000, "KZT") == "1 000 теңгеден 2 000 теңгеге дейін"
    # a date stays as the codes' notes write it before «бастап»: «ҚР 10.01.2018 № 132-VI (01.07.2018
    # бастап қолданысқа енгізіледі)» (CC 2014 Art. 42, note)
    assert Message("in force from {day}", day=dt.date(2020, 7, 10)).render("kk").startswith("10.07.2020 бастап")


def test_up_to_an_amount_in_the_dative() -> None:
    """AOC 2014 Art. 456-2(4): «он тәулікке дейінгі мерзімге әкімшілік қамаққа алуға»; CC 2014
    Art. 43(2): «үш жүз сағатқа дейiн»; Art. 174(2): «үш жылға дейiнгi мерзiмге»."""
    arrest = kz.provision("AOC2014 456-2(4)", on="2024-01-15").sanctions[1].describe("kk")
    assert arrest.startswith("әкімшілік қамаққа алу 10 тәулікке дейін")
    community = kz.provision("CC2014 131(1)", on="2019-09-23").sanctions[2].describe("kk")
    assert community == "қоғамдық жұмыстар 120 сағатқа дейін"
    fine = kz.provision("CC2014 131(1)", on="2019-09-23").sanctions[0].describe("kk")
    assert fine == "айыппұл 100 АЕК-ке дейін"


def test_the_memo_and_show_in_kazakh(capsys: pytest.CaptureFixture[str]) -> None:
    """The memo of a 2019 slander (CC 2014 Art. 130(2) with the general part's floors, Arts. 41(2),
    46(3): «алты айдан») and ``show``'s tenge amounts; the imprisonment line of Art. 174(1):
    «екі жылдан жеті жылға дейiнгi мерзiмге ... бас бостандығынан айыруға»."""
    from kzspeechlaw.cli import main

    main(["assess", "--act-date", "2019-03-15", "--conduct", "slander", "--channel", "telecom_network",
          "--decided-on", "2019-09-23", "--lang", "kk"])
    lines = capsys.readouterr().out.splitlines()
    imprisonment = next(x for x in lines if x.startswith("  - бас бостандығынан айыру "))
    assert imprisonment.startswith("  - бас бостандығынан айыру 6 айдан ") and imprisonment.endswith(" 2 жылға дейін")
    main(["show", "CC2014 130(3)", "--on", "2019-09-23", "--lang", "kk"])
    out = capsys.readouterr().out
    assert "  - айыппұл 3 000 АЕК-ке дейін  [7 575 000 теңгеге дейін]" in out


def test_the_page_in_kazakh() -> None:
    """The page: «дейін» after an amount in the dative (AOC 2014 Art. 456-2(4): «он тәулікке
    дейінгі»); the verb last, as the memo's own text has it («{period}, {day} өтеді»); a law's number
    before «Заң», as the codes cite a law («ҚР 26.06.2020 № 349-VI ... Заңымен», CC 2014 Art. 174)."""
    from kzspeechlaw.web import page

    assert page._range(None, {"value": 10, "unit": "day"}, "kk") == "10 тәулікке дейін"
    assert page._range(None, {"value": 10, "unit": "day"}, "ru") == "до 10 суток"
    assert page._act("349-VI", "kk") == "349-VI Заң" and page._act("349-VI", "en") == "Law 349-VI"
    d = {"limitation": {"period": {"value": 2, "unit": "year"}, "expires": "2021-03-15", "status": "running",
                        "article": "CC2014 71(1)(2)"}}
    assert "2 жыл, 15.03.2021 өтеді (" in page._limitation(d, "kk")
    assert "2 года, истекает 15.03.2021 (" in page._limitation(d, "ru")
