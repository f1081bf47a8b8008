"""Lex mitior over the whole law: the special-part version with the general part in force with it
(CC 2014 Arts. 5-6). A later general part that mitigates reaches earlier acts; the parts of two
dates are never combined.

Figures from the statute texts: Law 12.07.2018 No. 180-VI set the floors for crimes at 200 MCI for
fines (CC 2014 Art. 41(2): "за преступления – в пределах от двухсот до десяти тысяч") and
correctional work (Art. 42(3)), six months for restriction of freedom (Art. 44(1): "на срок от
шести месяцев до семи лет") and 200 hours of community service for crimes of small and medium
gravity (Art. 43(2)); before it the floors were 500 MCI (Arts. 41(2), 42(1)) and one year
(Art. 44(1): "на срок от одного года до семи лет"); imprisonment starts at six months throughout
(Art. 46(3)). MCI of the offence date: 2 269 tenge in 2017 (Law 29.11.2016 No. 25-VI, Art. 7).
"""

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law.model import Regime, Sanction
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.leniency import Leniency, compare
from kzspeechlaw.reasoning.penalties import general_limit
from kzspeechlaw.units import lesser

D = dt.date
MCI, KZT, YEAR, MONTH, HOUR = kz.ureg.MCI, kz.ureg.KZT, kz.ureg.year, kz.ureg.month, kz.ureg.hour


def bounds(a: Any) -> dict[str, tuple[Any, Any]]:
    return {s.kind.value: (s.minimum, s.maximum) for s in a.sanctions}


CORRUPTION_SLANDER = Incident(act_date=D(2017, 6, 1), conduct="slander", channel="telecom_network",
                              allegation="corruption_crime")


def test_slander_of_2017_decided_in_2019_takes_the_milder_general_part() -> None:
    a = assess(CORRUPTION_SLANDER, decided_on=D(2019, 1, 10))
    assert str(a.governing.ref) == "CC2014 130(3)" and a.governing.valid_from == D(2015, 1, 1)
    # 130(3): "штрафом в размере до трех тысяч ... исправительными работами в том же размере, либо
    # ограничением свободы на срок до трех лет, либо лишением свободы на тот же срок"
    assert bounds(a) == {
        "fine": (200 * MCI, 3000 * MCI),
        "correctional_work": (200 * MCI, 3000 * MCI),
        "restriction_of_freedom": (6 * MONTH, 3 * YEAR),
        "imprisonment": (6 * MONTH, 3 * YEAR),
    }
    fine = next(s for s in a.sanctions if s.kind.value == "fine")
    assert fine.minimum_kzt == 200 * 2269 * KZT  # MCI of the offence date (Art. 41(1))
    assert a.general_day == D(2018, 7, 23)  # the earliest possible in-force date of Law 180-VI
    step = next(s for s in a.trace if "general part as amended" in s.what)
    assert "180-VI" in step.what and "more lenient" in step.what and step.citation == "CC2014 6(1)"
    governing = next(s for s in a.trace if s.what.startswith("Governing law"))
    assert "general part in force on 2018-07-23" in governing.what and "Arts. 5-6" in governing.what


def test_before_the_milder_general_part_the_act_time_floors_apply() -> None:
    a = assess(CORRUPTION_SLANDER, decided_on=D(2018, 7, 1))
    assert bounds(a)["fine"] == (500 * MCI, 3000 * MCI)
    assert bounds(a)["restriction_of_freedom"] == (1 * YEAR, 3 * YEAR)
    assert a.general_day == CORRUPTION_SLANDER.act_date


def test_false_information_of_2015_decided_in_2019_takes_one_whole_later_law() -> None:
    inc = Incident(act_date=D(2015, 10, 1), conduct="false_information", channel="mass_media", knowing_and_dangerous=True,
                   circumstances={"major_damage"})
    a = assess(inc, decided_on=D(2019, 1, 10))
    # 274(3) as worded by Law 180-VI: "штрафом в размере до пяти тысяч ... исправительными работами в
    # том же размере, либо привлечением к общественным работам на срок до одной тысячи двухсот часов,
    # либо ограничением свободы на срок до пяти лет, либо лишением свободы на тот же срок",
    # with the floors of the general part as worded by the same law.
    assert str(a.governing.ref) == "CC2014 274(3)" and a.governing.valid_from == D(2018, 7, 23)
    assert bounds(a) == {
        "fine": (200 * MCI, 5000 * MCI),
        "correctional_work": (200 * MCI, 5000 * MCI),
        "community_service": (200 * HOUR, 1200 * HOUR),
        "restriction_of_freedom": (6 * MONTH, 5 * YEAR),
        "imprisonment": (6 * MONTH, 5 * YEAR),
    }
    assert a.general_day == a.governing.valid_from


# --- properties -------------------------------------------------------------------------------


@st.composite
def incidents(draw: st.DrawFn) -> Incident:
    conduct = draw(st.sampled_from(["slander", "insult", "false_information", "incitement_of_discord"]))
    return Incident(
        act_date=draw(st.dates(min_value=D(1998, 1, 1), max_value=D(2026, 12, 31))),
        conduct=conduct,
        channel=draw(st.sampled_from([None, "private", "mass_media", "telecom_network"])),
        target=draw(st.sampled_from(["person", "official", "first_president", "judge"])),
        allegation=draw(st.sampled_from([None, "corruption_crime", "grave_crime"])) if conduct == "slander" else None,
        discord=draw(st.sets(st.sampled_from(["social", "national", "religious"]), min_size=1))
        if conduct == "incitement_of_discord" else (),
        circumstances=draw(st.sets(st.sampled_from(["emergency", "major_damage", "grave_consequences"]))),
        offender=draw(st.sampled_from(["natural_person", "official", "legal_entity"])),
    )


def act_time_law(a: Any) -> tuple[Sanction, ...]:
    """The act-time version's alternatives with the act-time general part's floors."""
    first = a.matches[0].provision
    out = []
    for s in first.sanctions_for(a.incident.offender.value):
        rule = general_limit(first, s, a.incident.act_date) if first.regime is Regime.CRIMINAL else None
        if (rule is not None and rule.minimum is not None and s.minimum is None and s.maximum is not None
                and rule.minimum.dimensionality == s.maximum.dimensionality):
            s = Sanction(s.kind, lesser(rule.minimum, s.maximum), s.maximum, s.subject, s.optional)
        out.append(s)
    return tuple(out)


@given(incidents(), st.integers(0, 4000))
def test_the_governing_law_is_never_harsher_than_the_act_time_law(inc: Incident, days: int) -> None:
    a = assess(inc, decided_on=inc.act_date + dt.timedelta(days=days))
    if a.governing is None:
        return
    governing = tuple(Sanction(s.kind, s.minimum, s.maximum, s.sanction.subject, s.sanction.optional)
                      for s in a.sanctions)
    first = a.matches[0].provision
    verdict = compare(act_time_law(a), governing, first.additional, a.governing.additional)
    assert verdict in (Leniency.EQUAL, Leniency.MORE_LENIENT)


@given(incidents(), st.integers(0, 4000))
def test_the_special_and_general_parts_that_govern_are_of_one_date(inc: Incident, days: int) -> None:
    a = assess(inc, decided_on=inc.act_date + dt.timedelta(days=days))
    if a.governing is None:
        return
    assert a.general_day is not None and inc.act_date <= a.general_day <= a.decided_on
    assert a.governing.in_force_on(a.general_day)
