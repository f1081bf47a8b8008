"""The speech articles added from the statute texts, the facts that decide between a special and a
general article, and the scope register. Expected figures are the statutes' own (texts quoted in
the data and in the shared statute extracts), never the library's output."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law import scope
from kzspeechlaw.law.loader import law

D = dt.date


def refs(inc: kz.Incident, on: dt.date | None = None) -> list[str]:
    return [str(m.provision.ref) for m in kz.classify(inc, on=on)]


def maxima(p: kz.Provision) -> dict[str, str]:
    return {s.kind.value: f"{s.maximum.magnitude:g} {s.maximum.units}" for s in p.sanctions if s.maximum is not None}


# --- CC 2014 Art. 372: desecration of state symbols ----------------------------------------------


def test_desecration_of_state_symbols_in_2018_is_372() -> None:
    # "Надругательство над государственными символами Республики Казахстан – наказывается штрафом
    # в размере до двух тысяч месячных расчетных показателей ... либо лишением свободы на тот же
    # срок" (до двух лет), 24.11.2015 text.
    inc = kz.Incident(act_date=D(2018, 3, 1), conduct="desecration_of_state_symbols", channel="public_speech")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 372"
    a = kz.assess(inc, decided_on=D(2018, 6, 1))
    assert a.outcome == "liable"
    assert a.governing is not None and maxima(a.governing)["fine"] == "2000 MCI"
    assert maxima(a.governing)["imprisonment"] == "2 year"


def test_372_after_law_188_vii_fines_up_to_3000_mci() -> None:
    inc = kz.Incident(act_date=D(2024, 3, 1), conduct="desecration_of_state_symbols")
    (match,) = kz.classify(inc)
    assert maxima(match.provision)["fine"] == "3000 MCI"
    assert maxima(match.provision)["community_service"] == "900 hour"


# --- CC 2014 Art. 376: a deputy's honour and dignity ---------------------------------------------


def test_insult_of_a_deputy_by_telecom_in_2020_is_376_2() -> None:
    # 376(2): "То же деяние, совершенное с использованием средств массовой информации или сетей
    # телекоммуникаций, – наказывается штрафом в размере до двух тысяч ... либо лишением свободы
    # на тот же срок" (до двух лет).
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="insult", channel="telecom_network", target="deputy",
                      in_connection_with_duties=True)
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 376(2)"
    assert "CC2014 131(2)" in dict(match.set_aside)
    a = kz.assess(inc, decided_on=D(2020, 9, 1))
    assert a.governing is not None and str(a.governing.ref) == "CC2014 376(2)"
    assert maxima(a.governing) == {"fine": "2000 MCI", "correctional_work": "2000 MCI",
                                   "restriction_of_freedom": "2 year", "imprisonment": "2 year"}


def test_insult_of_a_deputy_unconnected_with_duties_is_131() -> None:
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="insult", channel="telecom_network", target="deputy",
                      in_connection_with_duties=False)
    assert refs(inc) == ["CC2014 131(2)"]


def test_insult_of_a_deputy_without_the_link_gives_both_and_the_deciding_fact() -> None:
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="insult", channel="telecom_network", target="deputy")
    matches = kz.classify(inc)
    assert [str(m.provision.ref) for m in matches] == ["CC2014 131(2)", "CC2014 376(2)"]
    assert matches[0].undecided_by == ()
    assert matches[1].undecided_by == ("link",)
    notes = " ".join(kz.assess(inc, decided_on=D(2020, 9, 1)).notes)
    assert "CC2014 376(2)" in notes and "do not say" in notes


def test_the_link_is_read_from_a_csv_cell() -> None:
    assert kz.Incident(act_date="2020-05-01", conduct="insult", in_connection_with_duties="yes").in_connection_with_duties
    assert kz.Incident(act_date="2020-05-01", conduct="insult", in_connection_with_duties="").in_connection_with_duties is None


# --- CC 2014 Art. 411: the link to judicial or investigative activity ----------------------------


def test_slander_of_a_prosecutor_about_private_matters_is_130_before_2020() -> None:
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="slander", channel="mass_media", target="prosecutor",
                      in_connection_with_duties=False)
    assert refs(inc) == ["CC2014 130(2)"]


def test_slander_of_a_prosecutor_about_private_matters_is_aoc_73_3_after_2020() -> None:
    inc = kz.Incident(act_date=D(2022, 5, 1), conduct="slander", channel="mass_media", target="prosecutor",
                      in_connection_with_duties=False)
    assert refs(inc)[0].startswith("AOC2014 73-3")


def test_slander_of_a_prosecutor_without_the_link_gives_130_and_411_with_the_deciding_fact() -> None:
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="slander", channel="mass_media", target="prosecutor",
                      allegation="none")
    matches = kz.classify(inc)
    assert [str(m.provision.ref) for m in matches] == ["CC2014 130(2)", "CC2014 411(2)"]
    assert [m.undecided_by for m in matches] == [(), ("link",)]
    a = kz.assess(inc, decided_on=D(2019, 9, 1))
    note = next(n for n in a.notes if "do not say" in n)
    assert a.depends_on == ("in_connection_with_duties",)
    # 411(2): штраф до двух тысяч МРП ... лишение свободы на срок до двух лет.
    assert "in_connection_with_duties=true gives CC2014 411(2)" in note
    assert "in_connection_with_duties=false gives CC2014 130(2)" in note


def test_slander_of_a_prosecutor_in_connection_with_the_investigation_is_411_2() -> None:
    inc = kz.Incident(act_date=D(2022, 5, 1), conduct="slander", channel="mass_media", target="prosecutor",
                      in_connection_with_duties=True)
    assert refs(inc)[0] == "CC2014 411(2)"


# --- CC 1997: Arts 170, 233-1, 317-1, 342, 343 ---------------------------------------------------


def test_insult_of_the_first_president_in_the_media_2012_is_317_1_2() -> None:
    # 317-1(2), final text: "штрафом в размере от пятисот до одной тысячи ... либо лишением
    # свободы на тот же срок" (до трех лет).
    inc = kz.Incident(act_date=D(2012, 5, 1), conduct="insult", channel="mass_media", target="first_president")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC1997 317-1(2)"
    assert {"CC1997 130(2)", "CC1997 317-1(1)"} <= dict(match.set_aside).keys()
    assert maxima(match.provision)["imprisonment"] == "3 year"
    assert maxima(match.provision)["fine"] == "1000 MCI"


def test_insult_of_the_first_president_in_2010_has_the_original_sanctions() -> None:
    # 29.12.2010 text: "... либо арестом на срок до пяти месяцев, либо лишением свободы на срок до одного года".
    inc = kz.Incident(act_date=D(2010, 9, 1), conduct="insult", channel="public_speech", target="first_president")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC1997 317-1(1)"
    assert maxima(match.provision)["arrest"] == "5 month"


def test_terrorism_propaganda_in_2012_is_233_1_three_to_seven_years() -> None:
    inc = kz.Incident(act_date=D(2012, 5, 1), conduct="terrorism_propaganda", channel="public_speech")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC1997 233-1(1)"
    (term,) = match.provision.sanctions
    assert (term.minimum.magnitude, term.maximum.magnitude, str(term.maximum.units)) == (3, 7, "year")
    a = kz.assess(inc, decided_on=D(2013, 1, 10))
    assert a.outcome == "liable"
    assert not any("not retroactive" in n for n in a.notes)


def test_terrorism_propaganda_in_the_media_2012_is_233_1_2() -> None:
    inc = kz.Incident(act_date=D(2012, 5, 1), conduct="terrorism_propaganda", channel="mass_media")
    assert refs(inc) == ["CC1997 233-1(2)"]


def test_public_calls_to_seize_power_in_2011_are_170() -> None:
    # 170(2): "с использованием средств массовой информации или организованной группой" –
    # штраф от одной до пяти тысяч МРП ... либо лишение свободы от трех до семи лет.
    inc = kz.Incident(act_date=D(2011, 8, 1), conduct="call_to_seize_power", channel="mass_media")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC1997 170(2)"
    assert maxima(match.provision)["imprisonment"] == "7 year"
    assert maxima(match.provision)["fine"] == "5000 MCI"


def test_slander_of_a_judge_in_2012_without_the_link_gives_129_and_343() -> None:
    inc = kz.Incident(act_date=D(2012, 5, 1), conduct="slander", channel="mass_media", target="judge")
    matches = kz.classify(inc)
    assert [(str(m.provision.ref), m.undecided_by) for m in matches] == [
        ("CC1997 129(2)", ()), ("CC1997 343(1)", ("link",))]
    linked = kz.Incident(act_date=D(2012, 5, 1), conduct="slander", channel="mass_media", target="judge",
                         in_connection_with_duties=True)
    assert refs(linked) == ["CC1997 343(1)"]


def test_contempt_of_court_by_insulting_a_judge_is_342_2() -> None:
    inc = kz.Incident(act_date=D(2012, 5, 1), conduct="contempt_of_court", target="judge")
    assert refs(inc) == ["CC1997 342(2)"]


# --- CC 2014 Art. 274 against AOC 2014 Art. 456-2 -------------------------------------------------


def test_false_information_not_knowingly_false_is_aoc_456_2_3_not_274() -> None:
    # AOC 456-2(3): "... если эти действия не содержат признаков уголовно наказуемого деяния, –
    # влекут штраф на физических лиц – в размере двадцати ... месячных расчетных показателей".
    inc = kz.Incident(act_date=D(2024, 5, 1), conduct="false_information", channel="telecom_network",
                      knowing_and_dangerous=False)
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "AOC2014 456-2(3)"
    a = kz.assess(inc, decided_on=D(2024, 5, 20))
    assert a.outcome == "liable" and [s.sanction.maximum.magnitude for s in a.sanctions] == [20]


def test_knowingly_false_and_dangerous_information_is_274_which_displaces_456_2() -> None:
    inc = kz.Incident(act_date=D(2024, 5, 1), conduct="false_information", channel="telecom_network",
                      knowing_and_dangerous=True)
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 274(2)"
    assert "AOC2014 456-2(3)" in dict(match.set_aside)


def test_false_information_unstated_gives_both_with_the_deciding_fact() -> None:
    inc = kz.Incident(act_date=D(2024, 5, 1), conduct="false_information", channel="telecom_network")
    assert [(str(m.provision.ref), m.undecided_by) for m in kz.classify(inc)] == [
        ("AOC2014 456-2(3)", ()), ("CC2014 274(2)", ("falsity",))]
    note = next(n for n in kz.assess(inc, decided_on=D(2024, 5, 20)).notes
                if "do not say" in n and "knowing_and_dangerous" in n)  # another says what a repetition gives
    assert "knowing_and_dangerous=true gives CC2014 274(2)" in note
    assert "knowing_and_dangerous=false gives AOC2014 456-2(3)" in note


def test_cli_classify_marks_the_part_the_facts_do_not_decide(capsys: pytest.CaptureFixture[str]) -> None:
    from kzspeechlaw.cli.commands import main

    assert main(["classify", "--act-date", "2020-05-01", "--conduct", "insult", "--channel", "telecom_network",
                 "--target", "deputy"]) == 0
    out = capsys.readouterr().out
    assert "CC2014 131(2)" in out and "CC2014 376(2)" in out and "the facts do not say" in out
    assert main(["classify", "--act-date", "2020-05-01", "--conduct", "insult", "--channel", "telecom_network",
                 "--target", "deputy", "--in-connection-with-duties", "yes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CC2014 376(2)") and "do not say" not in out


# --- The scope register ---------------------------------------------------------------------------

ENTRIES = scope.register().entries


def _article_versions(code: str, number: str) -> list[kz.Provision]:
    return [v for ref, vs in law().versions.items() if ref.code == code and ref.article == number for v in vs]


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.ref} {e.status}" for e in ENTRIES])
def test_every_speech_article_in_the_register_is_modelled_or_listed_with_why_not(entry: scope.Entry) -> None:
    versions = _article_versions(entry.code, entry.number)
    if entry.status == "modelled":
        assert versions, f"{entry.ref} is marked modelled but has no version in the data"
        return
    assert entry.reason and entry.title and entry.source
    if not entry.conducts:
        return  # listed only (an element without vocabulary, possibly of a modelled article)
    # an unmodelled period with facts never overlaps a modelled version of the same article that the
    # same facts could meet (its conduct, and its channel where the entry names channels)
    start = entry.valid_from or law().codes[entry.code].valid_from
    end = entry.valid_to or dt.date.max

    def meets(v: kz.Provision) -> bool:
        clauses = [set(c) for c in v.elements]
        conduct = any(f"conduct:{c.value}" in clause for c in entry.conducts for clause in clauses)
        channel_clauses = [c for c in clauses if any(o.startswith("channel:") for o in c)]
        channel = not entry.channels or not channel_clauses or any(
            f"channel:{ch.value}" in clause for ch in entry.channels for clause in channel_clauses)
        return conduct and channel

    assert not [v for v in versions if v.valid_from < end and (v.valid_to is None or v.valid_to > start) and meets(v)]


def test_every_modelled_article_is_in_the_register() -> None:
    modelled = {(e.code, e.number) for e in ENTRIES if e.status == "modelled"}
    in_data = {(ref.code, ref.article) for ref in law().versions}
    assert in_data == modelled


def test_every_code_has_its_current_to_date() -> None:
    # AOC: the portal's version of 02.03.2026 (meta.yaml version_date 2026-03-02, caused_by Law
    # 30.12.2025 No. 247-VIII), in which its modelled chapters were read; CC 2014: 12.06.2026 (old
    # layout, rus.md «source: https://zan.gov.kz/client/#!/doc/81097/rus/12.06.2026»), in which
    # every modelled article and the footnotes of each were read.
    assert {c.id: c.current_to for c in scope.register().codes} == {
        "CC1997": D(2015, 1, 1), "CC2014": D(2026, 6, 12), "AOC2014": D(2026, 3, 2)}
    cc = next(c for c in scope.register().codes if c.id == "CC2014")
    assert "af5927f75284aa7ea25f7f312e8ababbf11b745a" in cc.edition


def test_the_global_current_to_is_the_earliest_code_in_force() -> None:
    # CC 2014 is current to its 12.06.2026 version, the AOC to its 02.03.2026 version (commit
    # 8c3174b4), where its modelled chapters were read: not to 12.07.2026, since an edition
    # between 02.03.2026 and 12.06.2026 was not found. CC 1997 ended on 01.01.2015.
    assert kz.coverage().current_to == D(2026, 3, 2)
    aoc = next(c for c in scope.register().codes if c.id == "AOC2014")
    assert aoc.current_to == D(2026, 3, 2) and "8c3174b492545560d703dff472505f046a6484ef" in aoc.edition


WITH_FACTS = [e for e in ENTRIES if e.status == "not_modelled" and e.conducts]


@st.composite
def unmodelled_incidents(draw: st.DrawFn) -> kz.Incident:
    entry = draw(st.sampled_from(WITH_FACTS))
    code = law().codes.get(entry.code)  # None: a code the data does not model, its entries dated
    start = entry.valid_from or code.valid_from  # type: ignore[union-attr]
    end = min(entry.valid_to or D(2026, 7, 1), (code.valid_to if code else None) or D(2026, 7, 1))
    conduct = draw(st.sampled_from(entry.conducts))
    required = [draw(st.sampled_from(clause)).partition(":") for clause in entry.facts]  # one fact of each clause
    discord = {value for field, _, value in required if field == "discord"}
    return kz.Incident(
        act_date=draw(st.dates(min_value=start, max_value=end - dt.timedelta(days=1))),
        conduct=conduct,
        channel=draw(st.sampled_from([None, *(c.value for c in entry.channels)] if entry.channels else
                                     [None, "private", "public_speech", "mass_media", "telecom_network"])),
        target=draw(st.sampled_from(entry.targets or (kz.Target.PERSON, kz.Target.PUBLIC, kz.Target.STATE))),
        discord=(discord or {"national"}) if conduct == "incitement_of_discord" else (),
        circumstances={value for field, _, value in required if field == "circumstance"},
        in_connection_with_duties=draw(st.sampled_from([None, True, False])),
        knowing_and_dangerous=draw(st.sampled_from([None, True, False])),
    )


@settings(max_examples=150, deadline=None)
@given(unmodelled_incidents(), st.integers(0, 3000))
def test_the_facts_of_an_unmodelled_article_never_give_no_provision(inc: kz.Incident, days: int) -> None:
    a = kz.assess(inc, decided_on=inc.act_date + dt.timedelta(days=days))
    assert a.outcome != "no_provision", (inc, a.notes)
    if a.outcome == "outside_scope":
        assert a.notes and all("not retroactive" not in n for n in a.notes)


def test_a_conduct_no_modelled_article_deals_with_is_outside_scope() -> None:
    # Propaganda of drugs before CC 2014 Art. 299-1 (inserted by Law 292-VI, 2020): no modelled
    # article deals with it, and the register names none.
    a = kz.assess(kz.Incident(act_date=D(2016, 5, 1), conduct="drug_propaganda"), D(2016, 9, 1))
    assert a.outcome == "outside_scope"
    assert any("drug_propaganda" in n for n in a.notes)


def test_no_provision_stays_where_the_facts_are_inside_the_modelled_scope() -> None:
    # Knowingly false information before CC 1997 Art. 242-1 (2014) by a private person, not
    # dangerous: inside the scope (Art. 242-1 is modelled), and no provision applies.
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="false_information", channel="private",
                      knowing_and_dangerous=False, offender="natural_person")
    assert kz.classify(inc) == ()


def test_cli_coverage_shows_the_scope_register_and_each_codes_current_to(capsys: pytest.CaptureFixture[str]) -> None:
    from kzspeechlaw.cli.commands import main

    assert main(["coverage"]) == 0
    out = capsys.readouterr().out
    assert "CC2014   2026-06-12" in out and "CC1997   2015-01-01" in out
    assert "CC2014 380       NOT MODELLED" in out and "CC2014 376       modelled" in out
    assert main(["coverage", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["id"] for c in data["codes"]} == {"CC1997", "CC2014", "AOC2014"}
    assert {e["status"] for e in data["scope"] if e["article"] == "CC2014 375"} == {"modelled", "not_modelled"}


# --- CC 2014 Arts 161, 313-1; AOC 2014 Art. 127-2 -------------------------------------------------


def test_war_propaganda_online_2020_is_161_2_three_to_seven_years_with_a_ban() -> None:
    # 161(2): "наказывается лишением свободы на срок от трех до семи лет с лишением права ...
    # на срок до трех лет".
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="call_to_aggressive_war", channel="telecom_network")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 161(2)"
    assert maxima(match.provision) == {"imprisonment": "7 year"}
    (ban,) = match.provision.additional
    assert (ban.maximum.magnitude, str(ban.maximum.units), ban.optional) == (3, "year", False)


def test_war_propaganda_in_2015_is_161_1_up_to_five_years() -> None:
    # 161(1), 24.11.2015 text (old layout rus/sec007-ch003.md, commit f8d87165...): «Пропаганда или
    # публичные призывы к развязыванию агрессивной войны – наказывается лишением свободы на срок до
    # пяти лет.»
    a = kz.assess(kz.Incident(act_date=D(2015, 5, 1), conduct="call_to_aggressive_war"), D(2015, 9, 1))
    assert a.outcome == "liable"
    assert a.governing is not None and str(a.governing.ref) == "CC2014 161(1)"
    assert maxima(a.governing) == {"imprisonment": "5 year"}


def test_propaganda_of_suicide_causing_a_suicide_is_313_1_3() -> None:
    inc = kz.Incident(act_date=D(2025, 1, 10), conduct="suicide_propaganda", channel="telecom_network",
                      circumstances={"caused_suicide"})
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 313-1(3)"
    (term,) = match.provision.sanctions
    assert (term.minimum.magnitude, term.maximum.magnitude) == (3, 5)


def test_repeated_bullying_of_a_minor_is_aoc_127_2_2_thirty_mci() -> None:
    inc = kz.Incident(act_date=D(2025, 1, 10), conduct="bullying_of_minor", channel="telecom_network",
                      circumstances={"repeated"})
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "AOC2014 127-2(2)"
    (fine,) = match.provision.sanctions
    assert (fine.minimum.magnitude, str(fine.minimum.units)) == (30, "MCI")


def test_permitting_an_extremist_publication_in_2020_is_183() -> None:
    # "... наказывается штрафом в размере до двухсот месячных расчетных показателей ... либо арестом
    # на срок до пятидесяти суток, с лишением права ... на срок до двух лет или без такового".
    inc = kz.Incident(act_date=D(2020, 5, 1), conduct="authorising_extremist_publication", channel="mass_media")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 183"
    assert maxima(match.provision)["fine"] == "200 MCI" and maxima(match.provision)["arrest"] == "50 day"
    (ban,) = match.provision.additional
    assert ban.optional and ban.maximum.magnitude == 2


# --- Dates that were not read are never counted as verified ---------------------------------------


def test_a_version_on_a_computed_in_force_date_counts_only_as_text_read() -> None:
    from kzspeechlaw.law.coverage_report import coverage, dates_read

    on_180_vi = kz.provision("CC2014 372", on=D(2019, 1, 1))  # starts on Law 180-VI's computed date
    assert on_180_vi.verified and not law().acts["180-VI"].verified and not dates_read(on_180_vi)
    original = kz.provision("CC2014 376(2)", on=D(2015, 6, 1))  # 2015-01-01 to 2016-01-01 (Law 419-V)
    assert dates_read(original)
    cov = coverage()
    assert cov.verified_share < cov.text_verified_share
    assert cov.verified_share == sum(v.verified and dates_read(v) for v in cov.versions) / len(cov.versions)


def test_slander_of_a_judge_before_2011_is_outside_scope_unless_unconnected_with_the_case() -> None:
    # CC 1997 Art. 343 before Law 393-IV is not modelled; it would displace Art. 129.
    inc = kz.Incident(act_date=D(2009, 5, 1), conduct="slander", channel="mass_media", target="judge")
    a = kz.assess(inc, decided_on=D(2009, 9, 1))
    assert a.outcome == "outside_scope" and a.governing is None
    assert any("CC1997 343" in n for n in a.notes)
    assert any(n.startswith("If in_connection_with_duties=false") for n in a.notes)
    private = kz.Incident(act_date=D(2009, 5, 1), conduct="slander", channel="mass_media", target="judge",
                          in_connection_with_duties=False)
    b = kz.assess(private, decided_on=D(2009, 9, 1))
    assert b.outcome == "liable" and str(b.governing.ref) == "CC1997 129(2)"


def test_drug_propaganda_online_in_2023_is_299_1_2_with_optional_confiscation() -> None:
    # 299-1(2), 03.09.2022 text: "наказываются лишением свободы на срок от трех до шести лет с
    # конфискацией имущества или без таковой".
    inc = kz.Incident(act_date=D(2023, 3, 1), conduct="drug_propaganda", channel="telecom_network")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 299-1(2)"
    (term,) = match.provision.sanctions
    assert (term.minimum.magnitude, term.maximum.magnitude) == (3, 6)
    (confiscation,) = match.provision.additional
    assert confiscation.optional


def test_desecration_of_the_flag_in_2009_is_cc1997_317_with_the_original_sanctions() -> None:
    # 1997 text: "... либо арестом на срок от трех до шести месяцев, либо лишением свободы на срок
    # до одного года".
    inc = kz.Incident(act_date=D(2009, 5, 1), conduct="desecration_of_state_symbols")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC1997 317" and match.provision.verified
    assert maxima(match.provision)["imprisonment"] == "1 year" and maxima(match.provision)["arrest"] == "6 month"
    window = kz.provision("CC1997 317", on=D(2012, 1, 10))
    assert not window.verified and "TEXT NOT READ" in window.notes


def test_public_calls_to_seize_power_in_1999_have_the_original_sanction() -> None:
    # 15.07.1997 text, part 1: "... либо лишением свободы на срок до трех лет".
    inc = kz.Incident(act_date=D(1999, 5, 1), conduct="call_to_seize_power", channel="public_speech")
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC1997 170(1)" and maxima(match.provision)["imprisonment"] == "3 year"


def test_insult_of_a_judge_about_the_case_in_2019_is_410_2_not_131() -> None:
    # 410(2), 12.07.2018 text: "То же деяние, выразившееся в оскорблении судьи и (или) присяжного
    # заседателя, – наказывается штрафом в размере до двухсот ... либо арестом на срок до пятидесяти суток".
    inc = kz.Incident(act_date=D(2019, 5, 1), conduct="insult", channel="public_speech", target="judge",
                      in_connection_with_duties=True)
    (match,) = kz.classify(inc)
    assert str(match.provision.ref) == "CC2014 410(2)"
    assert "CC2014 131(2)" in dict(match.set_aside)
    assert maxima(match.provision)["fine"] == "200 MCI" and maxima(match.provision)["arrest"] == "50 day"
    unstated = kz.Incident(act_date=D(2019, 5, 1), conduct="insult", channel="public_speech", target="judge")
    assert [(str(m.provision.ref), m.undecided_by) for m in kz.classify(unstated)] == [
        ("CC2014 131(2)", ()), ("CC2014 410(2)", ("link",))]
