"""The AOC's modelled offences read in its 02.03.2026 edition, and the per-code stale-data
warning.

Expected values come from the statute texts read in kazakhstan-law/codes: the AOC chapter files
rus/sec002-ch012.md, -ch025.md, -ch026.md at the 02.03.2026 commit 8c3174b4 (meta.yaml caused_by
Law 30.12.2025 No. 247-VIII), not stored at the 12.06.2026 (faf97eb9) and 12.07.2026 (0369b814)
commits; rus/sec002-ch009.md (Art. 73-3) at 13.03.2025 (ba363ba7) and, old layout, 01.09.2025
(a989955d). An edition between 02.03.2026 and 12.06.2026 was not found (Chapter 43-1 changed
there), so the AOC is current to 02.03.2026, not to its newest edition of 12.07.2026.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings

import pytest

import kzspeechlaw as kz
from kzspeechlaw.law import scope
from kzspeechlaw.law.coverage_report import stale_codes, stale_message
from kzspeechlaw.law.loader import law

D = dt.date
AOC_CURRENT_TO = D(2026, 3, 2)


def _no_stale_warning(citation: str, on: dt.date) -> kz.Provision:
    with warnings.catch_warnings():
        warnings.simplefilter("error", kz.StaleDataWarning)
        return kz.provision(citation, on=on)


def test_slander_in_the_2026_text_is_the_mass_media_wording_with_its_fixed_fines() -> None:
    # 73-3(2) (13.03.2025 and 01.09.2025 texts): "совершенное публично или с использованием
    # масс-медиа или сетей телекоммуникаций, – влечет штраф на физическое лицо в размере ста
    # восьмидесяти ... или административный арест на срок двадцать суток, на должностное лицо –
    # ... шестисот пятидесяти ... либо ... двадцать пять суток".
    p = _no_stale_warning("AOC2014 73-3(2)", AOC_CURRENT_TO)
    assert "масс-медиа или сетей телекоммуникаций" in p.text
    amounts = {(s.kind.value, s.subject.value if s.subject else None, s.maximum.magnitude if s.maximum is not None else None)
               for s in p.sanctions}
    assert ("fine", "natural_person", 180) in amounts and ("fine", "official", 650) in amounts
    assert ("arrest", "natural_person", 20) in amounts and ("arrest", "official", 25) in amounts


def test_bullying_hooliganism_and_media_parts_stand_in_the_2026_text() -> None:
    # 127-2(1): "влечет предупреждение или штраф в размере десяти месячных расчетных показателей";
    # 434(1): "штраф в размере двадцати ... или привлечение к общественным работам на срок от
    # двадцати до шестидесяти часов либо административный арест на срок от пяти до пятнадцати суток";
    # 456-2(3): "на физических лиц – в размере двадцати".
    assert "десяти месячных расчетных показателей" in _no_stale_warning("AOC2014 127-2(1)", AOC_CURRENT_TO).text
    hooliganism = _no_stale_warning("AOC2014 434(1)", AOC_CURRENT_TO)
    assert "от двадцати до шестидесяти часов" in hooliganism.text
    assert {s.kind.value for s in hooliganism.sanctions} == {"fine", "community_service", "arrest"}
    false_info = _no_stale_warning("AOC2014 456-2(3)", AOC_CURRENT_TO)
    assert "пользователями онлайн-платформ" in false_info.text
    assert any(s.subject is not None and s.subject.value == "natural_person" and s.maximum is not None
               and s.maximum.magnitude == 20 for s in false_info.sanctions)


def test_the_unlawful_content_parts_of_law_247_viii_are_listed_not_modelled() -> None:
    # Law 30.12.2025 No. 247-VIII added 456-2 parts 3-1 and 7 and Art. 456-3 (02.03.2026 text).
    entries = {(e.ref, e.status): e for e in scope.register().entries if e.code == "AOC2014"}
    unlawful = entries[("AOC2014 456-2", "not_modelled")]
    assert unlawful.valid_from == D(2026, 3, 2) and not unlawful.dates_verified
    assert "3-1" in unlawful.reason and "двадцати" not in unlawful.reason
    assert ("AOC2014 456-3", "not_modelled") in entries
    parts = {str(p.ref) for p in kz.in_force(AOC_CURRENT_TO, code="AOC2014") if p.ref.article == "456-2"}
    assert parts == {f"AOC2014 456-2({n})" for n in range(1, 7)}


def test_a_query_after_a_codes_own_date_warns_for_that_code_only() -> None:
    later = D(2026, 4, 15)  # after the AOC's 02.03.2026, before CC 2014's 12.06.2026
    assert [c.id for c in stale_codes(later)] == ["AOC2014"]
    _no_stale_warning("CC2014 131(1)", later)
    with pytest.warns(kz.StaleDataWarning, match="AOC2014 current to 2026-03-02") as caught:
        kz.provision("AOC2014 73-3(1)", on=later)
    assert all("CC2014" not in str(w.message) for w in caught)
    with pytest.warns(kz.StaleDataWarning, match="CC2014 current to 2026-06-12"):
        kz.provision("CC2014 131(1)", on=D(2026, 6, 13))


def test_an_assessment_after_both_dates_names_both_codes() -> None:
    message = stale_message(D(2026, 8, 1))
    assert message is not None and "CC2014 current to 2026-06-12" in message
    assert "AOC2014 current to 2026-03-02" in message and "CC1997" not in message
    inc = kz.Incident(act_date=D(2026, 1, 10), conduct="slander", channel="telecom_network")
    with pytest.warns(kz.StaleDataWarning) as caught:
        kz.assess(inc, decided_on=D(2026, 8, 1))
    assert any("AOC2014 current to 2026-03-02" in str(w.message) for w in caught)


def test_a_closed_code_with_its_final_text_read_is_never_stale() -> None:
    # CC 1997 ended on 01.01.2015; its final text of that date is read.
    assert stale_codes(D(2099, 1, 1), ["CC1997"]) == () == stale_codes(D(2099, 1, 1), "CC1997")
    assert [c.id for c in stale_codes(D(2099, 1, 1), "AOC2014")] == ["AOC2014"]
    assert stale_message(D(2014, 6, 1)) is None


def test_the_global_date_is_the_earliest_own_date_of_the_codes_in_force() -> None:
    data = law()
    in_force = [c.current_to for c in scope.register().codes if data.codes[c.id].valid_to is None]
    assert kz.coverage().current_to == min(in_force) == D(2026, 3, 2)


def test_cli_coverage_prints_each_codes_date(capsys: pytest.CaptureFixture[str]) -> None:
    from kzspeechlaw.cli.commands import main

    assert main(["coverage", "--json"]) == 0
    codes = {c["id"]: c["current_to"] for c in json.loads(capsys.readouterr().out)["codes"]}
    assert codes == {"CC1997": "2015-01-01", "CC2014": "2026-06-12", "AOC2014": "2026-03-02"}
    assert main(["coverage"]) == 0
    assert "AOC2014  2026-03-02" in capsys.readouterr().out


def test_petty_hooliganism_takes_law_112_viii_wording_from_the_portals_05_09_2024_version() -> None:
    # 05.07.2024 text (d8b63d2a): "Мелкое хулиганство, то есть ... осквернение зданий ..."; 05.09.2024
    # text (88242bd3): "Нецензурная брань в общественных местах ... – влекут штраф в размере
    # двадцати ... либо административный арест на срок от пяти до пятнадцати суток", defilement
    # in part 4. The in-force date is not read: the act stays unverified, and its date is the earliest
    # possible (adopted 05.07.2024, sixty days after publication: 04.09.2024).
    before = kz.provision("AOC2014 434(1)", on=D(2024, 9, 3))
    after = kz.provision("AOC2014 434(1)", on=D(2024, 9, 4))
    assert before.text.startswith("Мелкое хулиганство, то есть") and "осквернение зданий" in before.text
    assert after.text.startswith("Нецензурная брань") and "осквернение" not in after.text
    assert after.act == "112-VIII" and not law().acts["112-VIII"].verified
    assert {(s.kind.value, s.minimum.magnitude if s.minimum is not None else None, s.maximum.magnitude if s.maximum is not None else None)
            for s in after.sanctions} == {("fine", 20, 20), ("arrest", 5, 15)}
    assert before.sanctions == after.sanctions
