"""The 1997 Criminal Code's fine in months of the convicted person's wages or other income.

Until Law 09.11.2011 No. 490-IV most fines of the 1997 Code read "штрафом в размере от ... до ...
месячных расчетных показателей или в размере заработной платы или иного дохода осужденного за
период ...": the second measure is its own alternative of kind ``income_fine``, in months (CC 1997
Art. 40(1)-(2)).
"""

import datetime as dt
import json
import re

import pytest

import kzspeechlaw as kz
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Penalty, Provision, Sanction
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.leniency import Leniency, compare
from kzspeechlaw.registers.batch import fine_range

D = dt.date
MCI, MONTH, YEAR = kz.ureg.MCI, kz.ureg.month, kz.ureg.year
INCOME = re.compile(r"или в размере заработной платы или иного дохода осужденного за период")
CC1997 = [p for ref, versions in law().versions.items() if ref.code == "CC1997" for p in versions]


def income_fines(p: Provision) -> list[Sanction]:
    return [s for s in (*p.sanctions, *p.additional) if s.kind is Penalty.INCOME_FINE]


def test_the_kind_and_its_description() -> None:
    assert Penalty("income_fine") is Penalty.INCOME_FINE
    assert Sanction(Penalty.INCOME_FINE, None, 2 * MONTH).describe() == "income fine up to 2 months"
    assert Sanction(Penalty.INCOME_FINE, 5 * MONTH, 1 * YEAR).describe() == "income fine 5 months to 1 year"


@pytest.mark.parametrize("version", CC1997, ids=[f"{p.ref} from {p.valid_from}" for p in CC1997])
def test_a_version_has_the_income_fine_exactly_where_its_text_does(version: Provision) -> None:
    stated = len(INCOME.findall(version.text))
    assert len(income_fines(version)) == stated
    if stated:
        # right after the MCI fine it measures, as the statute writes it
        kinds = [s.kind for s in version.sanctions]
        assert kinds[kinds.index(Penalty.INCOME_FINE) - 1] is Penalty.FINE


def window(p: Provision) -> bool:
    """CC 1997 Art. 164 between Laws 490-IV and 502-IV, whose text was not read."""
    return p.valid_from == D(2011, 11, 20) and p.valid_to == D(2011, 12, 10) and p.ref.article == "164"


def not_read(p: Provision) -> bool:
    """A version whose own text was not read and keeps the last text read (CC 1997 Art. 164 between
    Laws 490-IV and 502-IV, Art. 317 between Laws 490-IV and 24-V)."""
    return not p.verified and "TEXT NOT READ" in p.notes


def test_versions_with_the_income_fine_are_verified() -> None:
    with_income = [p for p in CC1997 if income_fines(p) and not not_read(p)]
    # 129, 130, 164, 318-320: 22; 170 (6), 317 (2), 317-1 (4), 342 (2), 343 (2): 16 more
    assert len(with_income) == 38
    assert all(p.verified for p in with_income), [f"{p.ref} from {p.valid_from}" for p in with_income if not p.verified]
    assert all(p.valid_to is not None and p.valid_to <= D(2011, 11, 20) for p in with_income)


def test_placeholder_window_stays_unverified_and_keeps_the_milder_text() -> None:
    """CC 1997 Art. 164 between Laws 490-IV and 502-IV: the text of that window was not read, so
    it keeps the last text read, which is milder than the final one (no harsher law too early)."""
    for ref in ("CC1997 164(1)", "CC1997 164(2)", "CC1997 164(3)"):
        p = kz.provision(ref, on=D(2011, 12, 1))
        assert window(p) and not p.verified and "TEXT NOT READ" in p.notes
        before, after = kz.provision(ref, on=D(2011, 11, 19)), kz.provision(ref, on=D(2011, 12, 10))
        assert p.sanctions == before.sanctions and p.text == before.text
        assert compare(p.sanctions, after.sanctions, p.additional, after.additional) is Leniency.MORE_SEVERE


def test_2009_insult_decided_in_2010_lists_the_income_fine() -> None:
    inc = Incident(act_date=D(2009, 5, 4), conduct="insult", channel="private")
    a = assess(inc, decided_on=D(2010, 3, 1))
    assert a.outcome == "liable" and str(a.governing.ref) == "CC1997 130(1)" and a.governing.verified
    by_kind = {s.kind: s for s in a.sanctions}
    assert [s.kind.value for s in a.sanctions] == ["fine", "income_fine", "community_service", "correctional_work"]
    income = by_kind[Penalty.INCOME_FINE]
    assert (income.minimum, income.maximum) == (None, 1 * MONTH)
    assert income.minimum_kzt is None and income.maximum_kzt is None  # months of income have no tenge figure
    assert income.available and income.describe() == "income fine up to 1 month"
    fine = by_kind[Penalty.FINE]
    assert fine.maximum == 100 * MCI and fine.maximum_kzt is not None
    # not verified notes are for unverified versions only
    assert not any("not verified" in n for n in a.notes)
    data = json.loads(a.to_json())
    entry = next(s for s in data["sanctions"] if s["kind"] == "income_fine")
    assert entry["maximum"] == {"value": 1, "unit": "month"} and entry["maximum_kzt"] is None
    assert entry["minimum"] is None and entry["text"] == "income fine up to 1 month"
    # the fine range of a register counts the MCI fine only
    # converted with the MCI of the sentencing (decision) date, CC 1997 Art. 40(1): 1,413 KZT in 2010
    assert a.mci_date == D(2010, 3, 1)
    # and from 25 MCI, the floor of CC 1997 Art. 40(2) («в пределах от двадцати пяти до двадцати тысяч»)
    assert fine_range(a) == (25, 100, 25 * 1413, 100 * 1413)


def test_2009_public_slander_decided_after_490_iv_is_governed_by_the_393_iv_version() -> None:
    inc = Incident(act_date=D(2009, 5, 4), conduct="slander", channel="mass_media")
    a = assess(inc, decided_on=D(2012, 3, 1))
    # CC 1997 Art. 69(1)(а): two years for a crime of small gravity, run out on 2011-05-04
    assert a.outcome == "time_barred" and a.limitation.expires == D(2011, 5, 4)
    assert str(a.governing.ref) == "CC1997 129(2)"
    # Law 393-IV struck arrest, the heaviest kind of the part by CC 1997 Art. 39(1)'s order (arrest
    # after restriction of freedom): milder, it reaches the act; Law 490-IV's removal of the income
    # fine, a measure of the mildest kind that the other measure keeps, is not weighed
    assert a.governing.valid_from == D(2011, 1, 29) and a.governing.act == "393-IV"
    income = next(s for s in a.sanctions if s.kind is Penalty.INCOME_FINE)
    assert (income.minimum, income.maximum) == (2 * MONTH, 5 * MONTH)
    assert any("490-IV" in step.what and "not weighed" in step.what for step in a.trace)
