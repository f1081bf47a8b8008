"""The lex mitior comparison: written down in kzspeechlaw.reasoning.leniency, tested here on the statute."""

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law.model import CC1997_RANK, Penalty, Sanction
from kzspeechlaw.reasoning.leniency import RANK, Leniency, compare, lower, upper

MCI, YEAR = kz.ureg.MCI, kz.ureg.year


def test_adding_a_fine_to_174_1_is_mitigation() -> None:
    before = kz.provision("CC2014 174(1)", on=dt.date(2020, 1, 1))
    after = kz.provision("CC2014 174(1)", on=dt.date(2021, 1, 1))
    assert compare(before.sanctions, after.sanctions) is Leniency.MORE_LENIENT
    assert compare(after.sanctions, before.sanctions) is Leniency.MORE_SEVERE


def test_180_vi_lowered_274() -> None:
    before = kz.provision("CC2014 274(3)", on=dt.date(2017, 1, 1))
    after = kz.provision("CC2014 274(3)", on=dt.date(2019, 1, 1))
    assert compare(before.sanctions, after.sanctions) is Leniency.MORE_LENIENT


@pytest.mark.parametrize("ref", ["CC1997 129(2)", "CC1997 319(1)"])
def test_393_iv_striking_arrest_from_a_1997_part_is_mitigation_by_the_1997_order(ref: str) -> None:
    # CC 1997 Art. 39(1) lists restriction of freedom (е) before arrest (ж): arrest is the heaviest
    # kind of these parts until Law 393-IV struck it. By the 2014 order (CC 2014 Art. 40) restriction
    # of freedom is the heavier, and the change lies between the ends: not weighed.
    before = kz.provision(ref, on=dt.date(2010, 1, 1))
    after = kz.provision(ref, on=dt.date(2011, 6, 1))
    assert Penalty.ARREST in {s.kind for s in before.sanctions} - {s.kind for s in after.sanctions}
    assert compare(before.sanctions, after.sanctions, rank=CC1997_RANK) is Leniency.MORE_LENIENT
    assert compare(after.sanctions, before.sanctions, rank=CC1997_RANK) is Leniency.MORE_SEVERE
    assert compare(before.sanctions, after.sanctions) is Leniency.UNWEIGHED


def test_a_route_weighs_1997_versions_by_the_1997_order_and_two_codes_by_the_2014_order() -> None:
    # Public insult of a deputy in connection with his duties, 2005: CC 1997 Art. 319(1).
    inc = kz.Incident(act_date="2005-05-01", conduct="insult", channel="public_speech", target="deputy",
                      in_connection_with_duties=True)
    # Decided in 2012: Law 393-IV struck arrest, the heaviest kind by CC 1997 Art. 39(1): milder.
    a = kz.assess(inc, "2012-03-01")
    assert (str(a.governing.ref), a.governing.act) == ("CC1997 319(1)", "393-IV")
    # Decided in 2016: CC 2014 Art. 376(1), whose heaviest kind is arrest, against the 393-IV
    # version, whose heaviest is restriction of freedom: by the 2014 order (CC 2014 Art. 40, arrest
    # before restriction of freedom) the new Code's ends are milder. But it raised the community work
    # that both allow: «привлечением к общественным работам на срок до ста восьмидесяти часов» (CC 1997
    # Art. 319(1)) against «... на срок до двухсот сорока часов» (CC 2014 Art. 376(1), 2015 text): milder
    # in some respects and harsher in another, so the law of the act's time stays and the court
    # compares them on the facts (CC 2014 Art. 6).
    a = kz.assess(inc, "2016-06-01")
    assert str(a.governing.ref) == "CC1997 319(1)"
    assert any("376(1)" in step.what and "is mixed" in step.what for step in a.trace)


def test_wording_only_change_is_equal() -> None:
    a, b = kz.history("CC2014 130(2)")
    assert compare(a.sanctions, b.sanctions, a.additional, b.additional) is Leniency.EQUAL


def test_mixed_change() -> None:
    old = (Sanction(Penalty.FINE, None, 100 * MCI), Sanction(Penalty.IMPRISONMENT, None, 2 * YEAR))
    new = (Sanction(Penalty.IMPRISONMENT, 1 * YEAR, 1 * YEAR),)
    assert compare(old, new) is Leniency.MIXED


def test_mandatory_ban_is_heavier_than_optional() -> None:
    main = (Sanction(Penalty.IMPRISONMENT, 5 * YEAR, 10 * YEAR),)
    optional = (Sanction(Penalty.DEPRIVATION_OF_RIGHT, None, 3 * YEAR, optional=True),)
    mandatory = (Sanction(Penalty.DEPRIVATION_OF_RIGHT, None, 3 * YEAR),)
    assert compare(main, main, mandatory, optional) is Leniency.MORE_LENIENT


kinds = st.sampled_from([Penalty.FINE, Penalty.CORRECTIONAL_WORK, Penalty.RESTRICTION_OF_FREEDOM, Penalty.IMPRISONMENT])


@st.composite
def sanction_sets(draw: st.DrawFn) -> tuple[Sanction, ...]:
    out = []
    for kind in draw(st.sets(kinds, min_size=1)):
        unit = MCI if kind in (Penalty.FINE, Penalty.CORRECTIONAL_WORK) else YEAR
        high = draw(st.integers(1, 50))
        low = draw(st.one_of(st.none(), st.integers(1, high)))
        out.append(Sanction(kind, low * unit if low else None, high * unit))
    return tuple(out)


@given(sanction_sets(), sanction_sets())
def test_comparison_is_antisymmetric(a: tuple[Sanction, ...], b: tuple[Sanction, ...]) -> None:
    mirror = {Leniency.MORE_LENIENT: Leniency.MORE_SEVERE, Leniency.MORE_SEVERE: Leniency.MORE_LENIENT}
    forward, backward = compare(a, b), compare(b, a)
    assert backward is mirror.get(forward, forward)


@given(sanction_sets())
def test_a_version_equals_itself(a: tuple[Sanction, ...]) -> None:
    assert compare(a, a) is Leniency.EQUAL


# --- the 1997 Code's fine in months of income ---------------------------------------------------

MONTH, HOUR = kz.ureg.month, kz.ureg.hour


def test_income_fine_ranks_as_a_fine() -> None:
    """CC 1997 Art. 40(1): the fine is an amount in MCI 'либо в размере заработной платы или иного
    дохода осужденного за определенный период' — one punishment, the fine, in two measures."""
    assert RANK[Penalty.INCOME_FINE] == RANK[Penalty.FINE]
    income = Sanction(Penalty.INCOME_FINE, None, 2 * MONTH)
    work = Sanction(Penalty.CORRECTIONAL_WORK, None, 1 * YEAR)
    assert compare((work,), (work, income)) is Leniency.MORE_LENIENT  # a fine-rank alternative added
    assert compare((income,), (Sanction(Penalty.IMPRISONMENT, None, 1 * YEAR),)) is Leniency.MORE_SEVERE
    # the same rank as a fine in MCI: only the measures (MCI, months) differ, and they are not weighed
    # against each other; the alternatives differ all the same, so the two are not equal
    assert compare((Sanction(Penalty.FINE, None, 100 * MCI),), (income,)) is Leniency.UNWEIGHED


def test_months_of_income_are_not_weighed_against_mci() -> None:
    fine = Sanction(Penalty.FINE, 100 * MCI, 200 * MCI)
    income = Sanction(Penalty.INCOME_FINE, 2 * MONTH, 5 * MONTH)
    cheaper = Sanction(Penalty.FINE, 50 * MCI, 200 * MCI)
    dearer_income = Sanction(Penalty.INCOME_FINE, 3 * MONTH, 5 * MONTH)
    # the income measure alone, added or removed, does not move an end: not weighed, never equal
    assert compare((fine, income), (fine,)) is Leniency.UNWEIGHED
    assert compare((fine,), (fine, income)) is Leniency.UNWEIGHED
    # each measure is weighed against itself; a year of income is twelve months
    assert compare((fine, income), (cheaper, income)) is Leniency.MORE_LENIENT
    year_of_income = Sanction(Penalty.INCOME_FINE, 2 * MONTH, 1 * YEAR)
    assert compare((fine, Sanction(Penalty.INCOME_FINE, 2 * MONTH, 12 * MONTH)), (fine, year_of_income)) is Leniency.EQUAL
    assert compare((fine, income), (fine, year_of_income)) is Leniency.MORE_SEVERE
    assert compare((fine, income), (fine, dearer_income)) is Leniency.MORE_SEVERE
    # two measures of the same end pointing different ways: mixed
    assert compare((fine, income), (cheaper, dearer_income)) is Leniency.MIXED


def test_490_iv_removing_the_income_fine_is_not_mitigation() -> None:
    """Law 09.11.2011 No. 490-IV struck the income measure from CC 1997 Arts. 129-130, 318-320 and
    left the rest of the sanction: the ends weigh the same, the alternatives between them differ
    (unweighed): the later version is not taken as more lenient, so the act-time law stays."""
    for ref in ("CC1997 129(1)", "CC1997 129(2)", "CC1997 130(1)", "CC1997 130(2)", "CC1997 318(1)",
                "CC1997 318(2)", "CC1997 319(1)", "CC1997 319(2)", "CC1997 320(1)", "CC1997 320(2)"):
        before = kz.provision(ref, on=dt.date(2011, 11, 19))
        after = kz.provision(ref, on=dt.date(2011, 11, 20))
        assert any(s.kind is Penalty.INCOME_FINE for s in before.sanctions), ref
        assert not any(s.kind is Penalty.INCOME_FINE for s in after.sanctions), ref
        assert compare(before.sanctions, after.sanctions, before.additional, after.additional) is Leniency.UNWEIGHED, ref


def test_ends_keep_each_measure() -> None:
    slander = kz.provision("CC1997 129(1)", on=dt.date(2009, 1, 1)).sanctions
    assert lower(slander) == (1, {"MCI": 100.0, "month": 0.0})
    assert upper(slander) == (3, {"hour": 180.0})


measured_kinds = st.sampled_from([
    (Penalty.FINE, MCI), (Penalty.INCOME_FINE, MONTH), (Penalty.CORRECTIONAL_WORK, MCI),
    (Penalty.CORRECTIONAL_WORK, MONTH), (Penalty.COMMUNITY_SERVICE, HOUR), (Penalty.ARREST, kz.ureg.day),
    (Penalty.ARREST, MONTH), (Penalty.IMPRISONMENT, YEAR),
])


@st.composite
def measured_sets(draw: st.DrawFn) -> tuple[Sanction, ...]:
    out = []
    for kind, unit in draw(st.lists(measured_kinds, min_size=1, max_size=4, unique=True)):
        high = draw(st.integers(1, 50))
        low = draw(st.one_of(st.none(), st.integers(1, high)))
        out.append(Sanction(kind, low * unit if low else None, high * unit))
    return tuple(out)


@given(measured_sets(), measured_sets())
def test_comparison_across_measures_is_antisymmetric(a: tuple[Sanction, ...], b: tuple[Sanction, ...]) -> None:
    mirror = {Leniency.MORE_LENIENT: Leniency.MORE_SEVERE, Leniency.MORE_SEVERE: Leniency.MORE_LENIENT}
    assert compare(b, a) is mirror.get(compare(a, b), compare(a, b))


@given(measured_sets())
def test_a_version_in_several_measures_equals_itself(a: tuple[Sanction, ...]) -> None:
    assert compare(a, a) is Leniency.EQUAL


# --- alternatives that differ between the ends: not weighed ---------------------------------------


def test_community_work_added_to_aoc_434_1_is_not_weighed() -> None:
    """Law 10.01.2025 No. 155-VIII (in force 01.09.2025) worded AOC 2014 Art. 434(1) «влекут штраф в
    размере двадцати месячных расчетных показателей или привлечение к общественным работам на срок
    от двадцати до шестидесяти часов либо административный арест на срок от пяти до пятнадцати
    суток»: community work added between the fine and the arrest, both ends as before. Whether that
    «иным образом улучшающий положение лица» (AOC 2014 Art. 5(1)) is not weighed: the act-time law
    stays, the notes say so, and a sentence of community work is not certain."""
    before = kz.provision("AOC2014 434(1)", on="2025-08-31")
    after = kz.provision("AOC2014 434(1)", on="2025-09-01")
    assert "привлечение к общественным работам на срок от двадцати до шестидесяти часов" in after.text
    assert "общественным работам" not in before.text
    assert compare(before.sanctions, after.sanctions) is Leniency.UNWEIGHED
    assert compare(after.sanctions, before.sanctions) is Leniency.UNWEIGHED

    a = kz.assess(kz.Incident(act_date="2025-08-15", conduct="petty_hooliganism", channel="public_speech"),
                  decided_on="2025-09-10")
    assert a.outcome == "liable" and a.governing.valid_from == dt.date(2024, 9, 4)
    assert any("155-VIII" in step.what and "not weighed" in step.what for step in a.trace)
    assert not any("155-VIII" in step.what and "is equal" in step.what for step in a.trace)
    assert any("155-VIII" in n and "adds community service 20 hours to 60 hours" in n for n in a.notes)

    work = a.check("community_service", 40 * kz.ureg.hour)
    assert work.verdict == "kind_not_available" and not work.certain
    assert any("155-VIII" in d for d in work.depends_on)
    assert any("155-VIII" in r and "within" in r for r in work.reasons)
    fine = a.check("fine", 20 * MCI)  # the same under both laws;
    # AOC 434(2), «совершенные повторно в течение года после наложения административного взыскания», gives no
    # fine but to the persons of Art. 50(2) (part 3): the repetition the facts leave open decides
    assert fine.verdict == "within" and not fine.certain and fine.depends_on == ("repeated",)


def test_393_iv_struck_arrest_from_164_1_which_is_not_weighed() -> None:
    """Law 18.01.2011 No. 393-IV struck arrest from CC 1997 Art. 164(1) and left the fine up to
    1,000 MCI and imprisonment up to five years (final text: «наказываются штрафом в размере до
    одной тысячи месячных расчетных показателей либо исправительными работами на срок до двух лет,
    либо лишением свободы», without arrest). The ends are the same: the removal is not weighed, and a
    sentence of arrest for an earlier act is not certain."""
    before = kz.provision("CC1997 164(1)", on="2011-01-28")
    after = kz.provision("CC1997 164(1)", on="2011-01-29")
    assert any(s.kind is Penalty.ARREST for s in before.sanctions)
    assert not any(s.kind is Penalty.ARREST for s in after.sanctions)
    assert compare(before.sanctions, after.sanctions) is Leniency.UNWEIGHED

    a = kz.assess(kz.Incident(act_date="2010-06-01", conduct="incitement_of_discord", channel="mass_media",
                              discord=["national"]), decided_on="2011-06-01")
    assert a.governing.valid_from < dt.date(2011, 1, 29)
    assert any("393-IV" in n and "removes arrest 1 month to 6 months" in n for n in a.notes)  # Art. 46(2): 1 to 6
    arrest = a.check("arrest", 4 * MONTH)
    assert not arrest.certain and any("393-IV" in d for d in arrest.depends_on)


def test_a_more_lenient_law_is_taken_without_the_note() -> None:
    """Law 180-VI lowered the sanction of knowingly false information in an emergency (CC 2014 Art.
    274(4)(2)): the later law governs, and nothing is left unweighed."""
    a = kz.assess(kz.Incident(act_date="2017-06-01", conduct="false_information", channel="mass_media",
                              circumstances=["emergency"]), decided_on="2019-01-10")
    assert str(a.governing.ref) == "CC2014 274(4)(2)" and a.governing.valid_from == dt.date(2018, 7, 23)
    assert not any("not weighed" in n for n in a.notes)
    assert not any("not weighed" in step.what for step in a.trace)


ranked_kinds = [Penalty.FINE, Penalty.CORRECTIONAL_WORK, Penalty.COMMUNITY_SERVICE, Penalty.RESTRICTION_OF_FREEDOM,
                Penalty.IMPRISONMENT]
UNITS = {Penalty.FINE: MCI, Penalty.CORRECTIONAL_WORK: MCI, Penalty.COMMUNITY_SERVICE: HOUR,
         Penalty.RESTRICTION_OF_FREEDOM: YEAR, Penalty.IMPRISONMENT: YEAR}


@given(st.lists(st.sampled_from(ranked_kinds), min_size=2, max_size=5, unique=True), st.data())
def test_an_alternative_between_the_ends_is_never_equal(kinds: list[Penalty], data: st.DataObject) -> None:
    """Adding or removing an alternative that ranks strictly between the mildest and the heaviest
    leaves both ends as they were: never 'equal', never taken as milder."""
    ranks = sorted(RANK[k] for k in kinds)
    middle = [k for k in ranked_kinds if ranks[0] < RANK[k] < ranks[-1] and k not in kinds]
    if not middle:
        return
    base = tuple(Sanction(k, None, data.draw(st.integers(1, 50)) * UNITS[k]) for k in kinds)
    extra = data.draw(st.sampled_from(middle))
    wider = (*base, Sanction(extra, None, data.draw(st.integers(1, 50)) * UNITS[extra]))
    assert compare(base, wider) is Leniency.UNWEIGHED
    assert compare(wider, base) is Leniency.UNWEIGHED


def test_a_mixed_later_law_is_checked_against_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later law milder in some respects and harsher in others is left to the court (CC 2014
    Art. 6; the note says so): a sentence whose verdict differs under it is not certain either.
    No pair of versions in the data is mixed, so the comparison is made to find AOC 434(1) of
    Law 155-VIII mixed here."""
    from kzspeechlaw.memo import Memo
    from kzspeechlaw.reasoning import leniency, route

    real = leniency.compare

    def mixed(*args: Any) -> Leniency:
        found = real(*args)
        return Leniency.MIXED if found is Leniency.UNWEIGHED else found

    monkeypatch.setattr(leniency, "compare", mixed)
    monkeypatch.setattr(route, "_ROUTES", Memo())
    monkeypatch.setattr(route, "_WHOLE_VERDICTS", Memo())
    a = kz.assess(kz.Incident(act_date="2025-08-15", conduct="petty_hooliganism", channel="public_speech"),
                  decided_on="2025-09-10")
    assert any("milder in some respects and harsher in others" in n for n in a.notes)
    assert not any("not weighed" in n for n in a.notes)
    work = a.check("community_service", 40 * kz.ureg.hour)
    assert work.verdict == "kind_not_available" and not work.certain
    assert any("155-VIII" in d and "as a whole" in d for d in work.depends_on)
    # the same under both laws; only the repetition the facts leave open (AOC 434(2)-(3)) decides
    assert a.check("fine", 20 * MCI).depends_on == ("repeated",)


def test_188_vii_raising_the_maxima_of_372_between_its_ends_is_more_severe() -> None:
    """Law 188-VII (2023) worded CC 2014 Art. 372 «наказывается штрафом в размере до трех тысяч
    месячных расчетных показателей либо исправительными работами в том же размере, либо привлечением
    к общественным работам на срок до девятисот часов» (it was «до двух тысяч» and «до шестисот
    часов»): both ends as before, every alternative between them the same or heavier. It increases
    the punishment and has no retroactive force (CC 2014 Art. 6(3)): more severe, not unweighed."""
    before = kz.provision("CC2014 372", on="2023-03-04")  # 188-VII: 03.01.2023 + 60 days at the earliest
    after = kz.provision("CC2014 372", on="2023-03-05")
    assert compare(before.sanctions, after.sanctions) is Leniency.MORE_SEVERE
    assert compare(after.sanctions, before.sanctions) is Leniency.MORE_LENIENT
    a = kz.assess(kz.Incident(act_date="2019-01-21", conduct="desecration_of_state_symbols"), decided_on="2023-04-02")
    assert a.governing.valid_from == dt.date(2018, 7, 23)
    fine = a.check("fine", 2500 * MCI)
    assert fine.verdict == "above_maximum" and fine.certain


def test_131_vii_adding_optional_confiscation_to_299_1_is_more_severe() -> None:
    """Law 131-VII (2022) added «с конфискацией имущества или без таковой» to CC 2014 Art. 299-1:
    the court may now add a punishment it could not before, and nothing is milder: more severe."""
    before = kz.provision("CC2014 299-1(1)", on="2022-08-30")  # 131-VII: 01.07.2022 + 60 days at the earliest
    after = kz.provision("CC2014 299-1(1)", on="2022-08-31")
    assert not before.additional and all(s.optional for s in after.additional)
    assert compare(before.sanctions, after.sanctions, before.additional, after.additional) is Leniency.MORE_SEVERE
    assert compare(after.sanctions, before.sanctions, after.additional, before.additional) is Leniency.MORE_LENIENT


def test_180_vi_lowering_the_floor_of_restriction_of_freedom_is_more_lenient() -> None:
    """Law 180-VI (2018) changed CC 2014 Art. 44(1) from «на срок от одного года до семи лет» to
    «на срок от шести месяцев до семи лет»: for CC 2014 Art. 179(1), whose restriction of freedom
    is «до семи лет», the general part of 2018 lowers a bound between the ends and moves nothing
    else: milder (CC 2014 Art. 6(1)), and it governs an act of 2015 decided after it."""
    a = kz.assess(kz.Incident(act_date="2015-10-15", conduct="call_to_seize_power"), decided_on="2018-10-19")
    assert str(a.governing.ref) == "CC2014 179(1)"
    assert any("general part" in step.what and "more lenient" in step.what for step in a.trace)
    freedom = next(s for s in a.sanctions if s.kind is Penalty.RESTRICTION_OF_FREEDOM)
    assert (freedom.minimum, freedom.maximum) == (6 * MONTH, 7 * YEAR)
    assert a.check("restriction_of_freedom", 9 * MONTH).verdict == "within"


def test_a_doubt_of_the_part_other_facts_give_is_kept() -> None:
    """Insult of the President, channel not stated, in December 2010, decided in February 2011:
    CC 1997 Art. 318(1) has no restriction of freedom; with channel=telecom_network the part is
    318(2), which Law 393-IV gave restriction of freedom up to three years in place of arrest (not
    weighed). The verdict is the same under the act-time 318(2), but not certain: it names both."""
    a = kz.assess(kz.Incident(act_date="2010-12-30", conduct="insult", target="president"), decided_on="2011-02-28")
    check = a.check("restriction_of_freedom", 1 * YEAR)
    assert check.verdict == "kind_not_available" and not check.certain
    assert "channel" in check.depends_on and any("393-IV" in d for d in check.depends_on)


@given(st.lists(st.sampled_from(ranked_kinds), min_size=3, max_size=5, unique=True), st.data())
def test_moves_between_the_ends_are_weighed_by_direction(kinds: list[Penalty], data: st.DataObject) -> None:
    """With both ends as they were, a bound between them that rises makes the later law more
    severe, one that falls more lenient, and both together mixed."""
    kinds = sorted(kinds, key=RANK.__getitem__)
    top = {k: data.draw(st.integers(2, 50)) for k in kinds}
    base = tuple(Sanction(k, None, top[k] * UNITS[k]) for k in kinds)
    middle = kinds[1:-1]

    def moved(kind: Penalty, by: int) -> tuple[Sanction, ...]:
        return tuple(Sanction(s.kind, None, (top[s.kind] + by) * UNITS[s.kind]) if s.kind is kind else s for s in base)

    kind = data.draw(st.sampled_from(middle))
    assert compare(base, moved(kind, 1)) is Leniency.MORE_SEVERE
    assert compare(base, moved(kind, -1)) is Leniency.MORE_LENIENT
    if len(middle) > 1:
        other = data.draw(st.sampled_from([k for k in middle if k is not kind]))
        both = tuple(Sanction(s.kind, None, (top[s.kind] + (1 if s.kind is kind else -1)) * UNITS[s.kind])
                     if s.kind in (kind, other) else s for s in base)
        assert compare(base, both) is Leniency.MIXED


def _hooliganism_with_time_barred(monkeypatch: pytest.MonkeyPatch, version_from: dt.date) -> Any:
    """Petty hooliganism of 2025-08-15 decided 2025-09-10 (AOC 434(1): the act-time version from
    2024-09-04 (Law 112-VIII at the earliest), the contested one of Law 155-VIII from 2025-09-01), with the outcome under the
    version from ``version_from`` made time-barred."""
    from kzspeechlaw.reasoning import assessment

    real = assessment._outcome

    def outcome(governing: Any, incident: Any, decided: Any, matches: Any = ()) -> Any:
        period, found = real(governing, incident, decided, matches)
        return (period, kz.Outcome.TIME_BARRED) if governing.valid_from == version_from else (period, found)

    monkeypatch.setattr(assessment, "_outcome", outcome)
    return kz.assess(kz.Incident(act_date="2025-08-15", conduct="petty_hooliganism", channel="public_speech"),
                     decided_on="2025-09-10")


def test_a_contested_law_under_which_the_outcome_differs_makes_the_check_uncertain(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence within the governing law's range is not certain where, under a later law the
    comparison leaves to the court, no sentence would be due (no such case is in the data since
    a crime that became an administrative offence is weighed as more lenient: the outcome under the
    AOC 434(1) of Law 155-VIII is made time-barred here)."""
    a = _hooliganism_with_time_barred(monkeypatch, dt.date(2025, 9, 1))
    assert a.outcome == "liable"
    fine = a.check("fine", 20 * MCI)
    assert fine.verdict == "within" and not fine.certain
    assert any("155-VIII" in r and "time_barred" in r for r in fine.reasons)


@pytest.mark.parametrize("offender", ["official", "natural_person"])
def test_a_crime_that_became_an_administrative_offence_is_no_longer_a_crime(offender: str) -> None:
    """Slander of the First President by telecom in August 2022 was CC 2014 Art. 373(2); Law
    23-VIII repealed Art. 373 from 2023-07-23, and the facts fall under AOC 2014 Art. 73-3(2).
    «Закон, устраняющий преступность ... деяния ... имеет обратную силу» (CC 2014 Art. 6(1)): the
    administrative law is the milder, whatever its fine weighs against the criminal one. For an
    official the comparison found the two mixed and kept the crime ("liable" under CC 373(2), a
    repealed article). Under the AOC the two months of Art. 62(1) ran out in October 2022; «В случае
    прекращения уголовного дела ... лицо может быть привлечено к административной ответственности
    не позднее трех месяцев со дня поступления решения о его прекращении» (Art. 62(6)) is not
    modelled, nor whether the AOC reaches an act that was a crime when committed: the notes say so."""
    incident = kz.Incident(act_date="2022-08-24", conduct="slander", channel="telecom_network",
                           target="first_president", offender=offender)
    a = kz.assess(incident, decided_on="2025-08-28")
    assert str(a.governing.ref) == "AOC2014 73-3(2)" and a.category is kz.Category.ADMINISTRATIVE_OFFENCE
    assert a.outcome == "time_barred_unless_stopped" and a.limitation.expires == dt.date(2022, 10, 24)
    step = next(s for s in a.trace if "Law 23-VIII" in s.what)
    assert "no longer a crime" in step.what and step.citation == "CC2014 6(1)"
    assert any("62(6)" in n and "three months" in n and "not settled by the texts" in n for n in a.notes)
    # Art. 25(2): «наступает, если эти правонарушения по своему характеру не влекут за собой ...
    # уголовной ответственности»: when committed, the act entailed it.
    assert any("Art. 25(2)" in n and "not settled by the texts" in n for n in a.notes)
    before = kz.assess(incident, decided_on="2023-07-22")
    assert str(before.governing.ref) == "CC2014 373(2)" and before.outcome == "liable"


def test_mandatory_additional_punishments_are_weighed_between_equal_ends() -> None:
    main = (Sanction(Penalty.FINE, None, 100 * MCI), Sanction(Penalty.IMPRISONMENT, None, 2 * YEAR))
    ban = Sanction(Penalty.DEPRIVATION_OF_RIGHT, None, 3 * YEAR)
    floored = Sanction(Penalty.DEPRIVATION_OF_RIGHT, 1 * YEAR, 3 * YEAR)
    assert compare(main, main, (ban,), (floored,)) is Leniency.MORE_SEVERE
    assert compare(main, main, (floored,), (ban,)) is Leniency.MORE_LENIENT
    # one mandatory additional punishment in place of another, neither with an amount: not weighed
    confiscation = Sanction(Penalty.CONFISCATION, None, None)
    any_ban = Sanction(Penalty.DEPRIVATION_OF_RIGHT, None, None)
    assert compare(main, main, (confiscation,), (any_ban,)) is Leniency.UNWEIGHED


def test_alternatives_of_one_kind_are_paired_by_their_bounds_not_their_order() -> None:
    work = Penalty.CORRECTIONAL_WORK
    a = (Sanction(work, 100 * MCI, 100 * MCI), Sanction(work, 100 * MCI, 200 * MCI))
    assert compare(a, a[::-1]) is Leniency.EQUAL


def test_a_contested_law_that_would_revive_liability_raises_no_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the governing law already spares the offender more (time-barred), a later law under
    which they would be liable cannot be the milder: the check is not made uncertain by it."""
    a = _hooliganism_with_time_barred(monkeypatch, dt.date(2024, 9, 4))
    assert a.outcome == "time_barred"
    work = a.check("community_service", 40 * kz.ureg.hour)
    # uncertain only by the repetition the facts leave open (AOC 434(2): «совершенные повторно в течение
    # года после наложения административного взыскания»), not by the later law
    assert work.depends_on == ("repeated",)
