"""A part whose rule the repealing law restated in another part (``continued_by``): AOC 2014
Art. 456-1(2), «Размещение заведомо ложной информации в средствах массовой информации ...», inserted
by Law 16.11.2015 No. 404-V and deleted by Law 10.07.2023 No. 20-VIII, which put the rule (without
«заведомо») in the new Art. 456-2(1). The repeal does not remove liability for a 2015-2023 act
(AOC 2014 Arts. 4-5); the two laws are compared as wholes.

Expected figures from the statute text (shared/law/statutes/aoc2014/456-1.md, 06.02.2023 text):
part 2 «влечет штраф на должностных лиц, субъектов малого предпринимательства, некоммерческие
организации – в размере тридцати, на субъектов среднего предпринимательства – в размере пятидесяти,
на субъектов крупного предпринимательства – в размере ста месячных расчетных показателей»; part 4
(repetition within a year) fifty / one hundred / two hundred; Art. 456-2(1) and (2) (aoc2014/456-2.md)
the same figures. No fine for natural persons in either.
"""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law.loader import DATA_DIR, load
from kzspeechlaw.law.timeline import timeline
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident

D = dt.date
MCI = kz.ureg.MCI
ACT = D(2020, 3, 10)
REFERRED = D(2020, 4, 1)  # the case sent to court within the two months: the period stands still (AOC Art. 62(5))


def _false_information(offender: str, act_date: dt.date = ACT, **facts: object) -> Incident:
    return Incident(act_date=act_date, conduct="false_information", channel="mass_media", offender=offender,
                    referred_on=facts.pop("referred_on", REFERRED), **facts)  # type: ignore[arg-type]


def _fines(a: kz.Assessment) -> set[tuple[object, object]]:
    return {(s.minimum, s.maximum) for s in a.sanctions if s.kind is kz.Penalty.FINE}


def test_an_official_of_2020_decided_in_2021_falls_under_456_1_part_2() -> None:
    a = assess(_false_information("official"), decided_on=D(2021, 3, 1))
    assert a.outcome == "liable"
    assert str(a.governing.ref) == "AOC2014 456-1(2)"
    assert _fines(a) == {(30 * MCI, 30 * MCI)}
    assert not any("20-VIII" in s.what for s in a.trace)  # no repeal before the decision


def test_the_same_act_decided_in_2024_stays_punishable_under_the_law_of_its_time() -> None:
    a = assess(_false_information("official"), decided_on=D(2024, 3, 1))
    assert a.outcome == "liable"  # not abolished: the rule continued in Art. 456-2(1)
    assert str(a.governing.ref) == "AOC2014 456-1(2)"  # equal fines: the act-time law governs (AOC Art. 4)
    assert _fines(a) == {(30 * MCI, 30 * MCI)}
    steps = [s.what for s in a.trace]
    continued = next(s for s in a.trace if "restated its rule" in s.what)
    assert "AOC2014 456-1(2)" in continued.what and "AOC2014 456-2(1)" in continued.what
    assert "20-VIII" in continued.what and "2023-09-09" in continued.what
    assert "Law 20-VIII" in continued.citation and "AOC2014 5(1)" in continued.citation
    assert any("AOC2014 456-2(1)" in s and "is equal" in s for s in steps)  # the two laws compared
    assert not any("abolished" in s for s in steps)
    assert any("AOC2014 456-2(1)" in n and "AOC2014 456-1(2)" in n for n in a.notes)


def test_without_a_referral_the_2024_decision_is_a_matter_of_limitation_not_of_repeal() -> None:
    a = assess(_false_information("official", referred_on=None), decided_on=D(2024, 3, 1))
    assert a.outcome != "no_provision"
    assert str(a.governing.ref) == "AOC2014 456-1(2)"


def test_a_medium_business_pays_fifty_mci_before_and_after_the_repeal() -> None:
    for decided in (D(2021, 3, 1), D(2024, 3, 1)):
        a = assess(_false_information("medium_business"), decided_on=decided)
        assert a.outcome == "liable"
        assert str(a.governing.ref) == "AOC2014 456-1(2)"
        assert _fines(a) == {(50 * MCI, 50 * MCI)}


def test_a_large_business_pays_one_hundred_mci() -> None:
    a = assess(_false_information("large_business"), decided_on=D(2024, 3, 1))
    assert _fines(a) == {(100 * MCI, 100 * MCI)}


def test_an_act_of_2024_falls_under_456_2_part_1() -> None:
    a = assess(_false_information("official", act_date=D(2024, 1, 10), referred_on=D(2024, 2, 1)),
               decided_on=D(2024, 3, 1))
    assert a.outcome == "liable"
    assert str(a.governing.ref) == "AOC2014 456-2(1)"
    assert _fines(a) == {(30 * MCI, 30 * MCI)}
    assert not any("restated its rule" in s.what for s in a.trace)


def test_a_natural_person_is_not_fined_under_456_1() -> None:
    # Part 2 fines officials and organisations only; stated not knowingly false and dangerous, the
    # act is no crime of CC Art. 274 either.
    a = assess(_false_information("natural_person", knowing_and_dangerous=False), decided_on=D(2021, 3, 1))
    assert a.outcome == "no_provision"
    assert a.governing is None


def test_a_repeat_falls_under_part_4_and_continues_in_456_2_part_2() -> None:
    incident = _false_information("official", circumstances={"repeated"})
    before = assess(incident, decided_on=D(2021, 3, 1))
    assert str(before.governing.ref) == "AOC2014 456-1(4)"
    assert _fines(before) == {(50 * MCI, 50 * MCI)}
    after = assess(incident, decided_on=D(2024, 3, 1))
    assert after.outcome == "liable"
    assert str(after.governing.ref) == "AOC2014 456-1(4)"
    assert _fines(after) == {(50 * MCI, 50 * MCI)}
    assert any("AOC2014 456-2(2)" in s.what and "narrowed AOC2014 456-1(4)" in s.what
               and "restated the rule the act fell under" in s.what for s in after.trace)


@pytest.mark.parametrize(("year", "aoc"), [(2020, "AOC2014 456-1(2)"), (2024, "AOC2014 456-2(1)")])
def test_knowingly_false_and_dangerous_is_the_crime_beside_the_aoc_part(year: int, aoc: str) -> None:
    # As for Art. 456-2(1) today: the crime of CC 2014 Art. 274(2) (an official's use of the mass
    # media) governs, and sets the AOC part aside: administrative liability «наступает, если эти
    # правонарушения по своему характеру не влекут за собой в соответствии с законодательством уголовной
    # ответственности» (AOC 2014 Art. 25(2)); the trace names the part and the rule.
    a = assess(_false_information("official", act_date=D(year, 1, 10), referred_on=None, knowing_and_dangerous=True),
               decided_on=D(year, 3, 1))
    assert str(a.governing.ref) == "CC2014 274(2)"
    assert not any(n.startswith(f"The facts also fall under {aoc}") for n in a.notes)
    assert any(s.what.startswith(f"{aoc} set aside: AOC 2014 Art. 25(2)") for s in a.trace)


def test_the_criminal_article_stays_a_candidate_the_facts_decide() -> None:
    # Knowingly false and dangerous (CC 2014 Art. 274) left unstated: the notes name the deciding fact.
    a = assess(_false_information("official"), decided_on=D(2021, 3, 1))
    assert any("knowing_and_dangerous" in n for n in a.notes)


@settings(max_examples=40, deadline=None)
@given(act=st.dates(D(2015, 11, 27), D(2023, 9, 9)), later=st.integers(0, 3000),
       offender=st.sampled_from(["official", "small_business", "non_profit_organisation", "medium_business",
                                 "large_business"]))
def test_a_2015_2023_act_is_never_abolished_by_the_repeal(act: dt.date, later: int, offender: str) -> None:
    # Whatever the decision date, the rule of part 2 continued in Art. 456-2(1) with the same fines:
    # the law of the act's time governs (AOC 2014 Art. 4), never "abolished" (Art. 5(1)).
    decided = act + dt.timedelta(days=later)
    a = assess(_false_information(offender, act_date=act, referred_on=act), decided_on=decided)
    assert a.outcome not in ("no_provision", "decriminalised")
    assert a.governing is not None and str(a.governing.ref) == "AOC2014 456-1(2)"


def test_an_act_close_to_the_computed_in_force_date_is_flagged() -> None:
    a = assess(_false_information("official", act_date=D(2015, 12, 1), referred_on=D(2015, 12, 10)),
               decided_on=D(2016, 1, 10))
    assert str(a.governing.ref) == "AOC2014 456-1(2)"
    assert any("404-V" in n and "2015-11-27" in n and "inferred" in n for n in a.notes)


def test_the_versions_and_their_days() -> None:
    (part2,) = kz.history("AOC2014 456-1(2)")
    assert (part2.valid_from, part2.valid_to, part2.act, part2.repealed_by) == (
        D(2015, 11, 27), D(2023, 9, 9), "404-V", "20-VIII")
    assert str(part2.continued_by) == "AOC2014 456-2(1)" and part2.successor is None
    assert "Размещение заведомо ложной информации в средствах массовой информации" in part2.text
    (part4,) = kz.history("AOC2014 456-1(4)")
    assert str(part4.continued_by) == "AOC2014 456-2(2)"
    assert kz.provision("AOC2014 456-1(2)", "2020-01-01") == part2
    with pytest.raises(kz.NotInForce):
        kz.provision("AOC2014 456-1(2)", "2024-01-01")
    act = load().acts["404-V"]
    assert not act.verified  # the in-force date is computed, never verified
    for day in (D(2015, 11, 27), D(2023, 9, 9)):  # both are days of the time index
        assert timeline().start(timeline().interval(day)) == day


# --- the loader's validation of continued_by ----------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for f in DATA_DIR.glob("*.toml"):
        shutil.copy(f, tmp_path)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


CONTINUED = 'continued_by = "AOC2014 456-2(1)"'


@pytest.mark.parametrize(("new", "error"), [
    ('continued_by = "CC2014 274(1)"', r"AOC2014 456-1\(2\) from 2015-11-27: continued_by CC2014 274\(1\) is not a "
                                       r"part of AOC2014"),
    ('continued_by = "AOC2014 456-2(9)"', r"continued_by AOC2014 456-2\(9\) is not another part in the data"),
    ('continued_by = "AOC2014 456-2"', r"continued_by AOC2014 456-2 is not another part in the data"),
    ('continued_by = "AOC2014 456-1(2)"', r"continued_by AOC2014 456-1\(2\) is not another part in the data"),
    ('continued_by = "AOC2014 456-1(4)"', r"continued_by AOC2014 456-1\(4\) is not in force on 2023-09-09"),
    ('continued_by = "AOC2014 456-2(1)"\nsuccessor = "AOC2014 456-2(1)"', r"exclude each other"),
    ('continued_by = "ст. 456-2 КоАП"', r"continued_by .* is not canonical|continued_by: "),
])
def test_a_bad_continued_by_is_refused(data: Path, new: str, error: str) -> None:
    _edit(data / "aoc2014.toml", CONTINUED, new)
    with pytest.raises(kz.DataError, match=error):
        load(data)


def test_continued_by_needs_a_repealed_part(data: Path) -> None:
    # On a version still in force (AOC 2014 Art. 73-3(1)), continued_by has nothing to continue.
    _edit(data / "aoc2014.toml", 'ref = "AOC2014 73-3(1)"\nvalid_from = 2020-07-10\n',
          'ref = "AOC2014 73-3(1)"\nvalid_from = 2020-07-10\ncontinued_by = "AOC2014 73-3(2)"\n')
    with pytest.raises(kz.DataError, match=r"AOC2014 73-3\(1\) from 2020-07-10: continued_by AOC2014 73-3\(2\) needs "
                                           r"the last version of a repealed part"):
        load(data)


def test_a_milder_continuing_part_governs(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The route's own rule, on data made for it: were Art. 456-2(1) milder for an official (20 MCI
    # instead of 30), it would reach the 2020 act retroactively (AOC 2014 Art. 5(1)).
    from kzspeechlaw.memo import Memo
    from kzspeechlaw.reasoning import route
    from kzspeechlaw.reasoning.classification import classify

    text = (data / "aoc2014.toml").read_text(encoding="utf-8")
    start = text.index('ref = "AOC2014 456-2(1)"')
    old = '{ kind = "fine", amount = "30 MCI", subject = "official" }'
    at = text.index(old, start)
    (data / "aoc2014.toml").write_text(text[:at] + old.replace("30 MCI", "20 MCI") + text[at + len(old):],
                                       encoding="utf-8")
    milder = load(data)
    incident = _false_information("official")
    matches = classify(incident)
    monkeypatch.setattr(route, "law", lambda: milder)
    monkeypatch.setattr(route, "_ROUTES", Memo())
    way = route.find(matches, incident, D(2024, 3, 1))
    assert way.outcome == "liable"
    assert way.governing is not None and str(way.governing.ref) == "AOC2014 456-2(1)"
    assert way.governing.valid_from == D(2023, 9, 9)
    assert any("AOC2014 456-2(1)" in s.what and "more lenient: it applies retroactively" in s.what for s in way.steps)
    assert ("20-VIII", D(2023, 9, 9)) in way.boundaries


def test_the_step_and_the_note_in_russian_and_kazakh() -> None:
    a = assess(_false_information("official"), decided_on=D(2024, 3, 1))
    step = next(s for s in a.trace if "restated its rule" in s.what)
    note = next(n for n in a.notes if "restated its rule" in n)
    ru, kk = kz.render(step.what, "ru"), kz.render(step.what, "kk")
    assert "утратила силу по Закону 20-VIII" in ru and "изложил её норму" in ru and "restated" not in ru
    assert "20-VIII Заңмен" in kk and "restated" not in kk
    assert "restated" not in kz.render(note, "ru") and "restated" not in kz.render(note, "kk")


def test_the_continuation_is_shown_exported_followed_and_named_when_the_part_is_gone() -> None:
    # Law 10.07.2023 No. 20-VIII deleted AOC 2014 Art. 456-1(2) and put its rule in Art. 456-2(1).
    from kzspeechlaw import export
    from kzspeechlaw.timelines import timeline as versions

    before = kz.provision("AOC2014 456-1(2)", on=D(2020, 1, 1))
    assert export.provision_dict(before)["continued_by"] == "AOC2014 456-2(1)"
    refs = [str(p.provision.ref) for p in versions("AOC2014 456-1(2)")]
    assert refs[0] == "AOC2014 456-1(2)" and "AOC2014 456-2(1)" in refs
    with pytest.raises(kz.NotInForce, match=r"its rule continues in AOC2014 456-2\(1\)"):
        kz.provision("AOC2014 456-1(2)", on=D(2024, 1, 1))
