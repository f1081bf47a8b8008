"""Findings of a review of the sentencing of the 2014 Criminal Code's general part against the
statute texts (kazakhstan-law/codes; shared/law/statutes/cc2014/). Each expected value comes from
the text quoted beside it, never from the library's output."""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess

u = kz.ureg

# Every sentencing fact the incident has, stated: only what no incident field states stays open.
STATED = dict(mitigating=False, aggravating=True, procedure="ordinary", stage="completed", aggregate="none",
              pregnant=False, young_children=False)


@pytest.mark.parametrize(("act", "decided", "rule"), [
    # CC 2014 Art. 42(2), 09.04.2016 text (rus/sec003.md, commit 026bf5607328af3969f8b7e9fdea1211263229cf):
    # «Исправительные работы не могут быть назначены лицам, признанным нетрудоспособными, не имеющим
    # постоянной работы или обучающимся в учебных заведениях с отрывом от производства.»
    ("2016-05-01", "2016-09-01", "CC2014 42(2)"),
    # Art. 42(7) as restated by Law 180-VI, 27.12.2018 text (commit 948fb05ed2741f95c8b6f2ac8d85c35562ea75e7)
    # and 16.09.2025 text (commit 006d21b1c6f40a5a32cbf79b650b9cf72cba4aa8): «Исправительные работы не
    # назначаются лицам, признанным нетрудоспособными либо не имеющим постоянной работы или обучающимся
    # в учебных заведениях с отрывом от производства.»
    ("2021-05-01", "2021-09-01", "CC2014 42(7)"),
])
def test_correctional_work_is_not_certain_where_the_offender_may_have_no_permanent_work(
        act: str, decided: str, rule: str) -> None:
    """Insult by the media (CC 2014 Art. 131(2)) provides correctional work; 100 MCI is within its
    range, but whether the offender could be given correctional work at all (able to work, in
    permanent work, not a full-time student) is no incident field: the check was a certain
    'within'."""
    a = assess(Incident(act_date=act, conduct="insult", channel="mass_media", **STATED), decided)
    assert str(a.governing.ref) == "CC2014 131(2)"
    c = a.check("correctional_work", 100 * u.MCI)
    assert c.verdict == "within"
    assert c.certain is False
    assert any("Art. 42" in d for d in c.depends_on)
    assert any(rule in r for r in c.reasons)
    # A fine, which Art. 41 gives no such persons, stays certain.
    assert a.check("fine", 100 * u.MCI).certain is True


def test_correctional_work_persons_do_not_ask_for_pregnancy_or_children() -> None:
    """Art. 42 names no pregnant woman nor parent: leaving those facts unstated does not decide
    correctional work (only Art. 42's own persons do)."""
    facts = {k: v for k, v in STATED.items() if k not in ("pregnant", "young_children")}
    c = assess(Incident(act_date="2021-05-01", conduct="insult", channel="mass_media", **facts),
               "2021-09-01").check("correctional_work", 100 * u.MCI)
    assert "pregnant" not in c.depends_on and "young_children" not in c.depends_on
    assert c.certain is False


def test_an_unpaid_fine_is_not_replaced_by_arrest_for_a_pregnant_woman_after_law_72_viii() -> None:
    """CC 2014 Art. 41(6)(1) replaces a misdemeanour's unpaid fine with community service (1 hour per
    MCI) or arrest (one day per four MCI). From Law 15.04.2024 No. 72-VIII, Art. 45(3) reads «Арест не
    назначается и не применяется в порядке замены наказания к несовершеннолетним, беременным
    женщинам, женщинам, имеющим или воспитывающим малолетнего ребенка, ...» (16.06.2024 text,
    rus/sec003.md, commit 92f3ba3b596fa26d111eccf1124eb8ae5532663f; the same on 16.09.2025): the check
    of a pregnant woman's fine named 25 days of arrest as its replacement."""
    insult = dict(act_date="2025-10-01", conduct="insult", channel="mass_media")
    pregnant = assess(Incident(**insult, pregnant=True), "2026-02-01").check("fine", 100 * u.MCI)
    assert not any("arrest" in r for r in pregnant.unpaid)
    assert any("100 hours of community_service" in r for r in pregnant.unpaid)
    parent = assess(Incident(**insult, young_children=True), "2026-02-01").check("fine", 100 * u.MCI)
    assert not any("arrest" in r for r in parent.unpaid)
    # Not stated: the replacement the article gives (one day of arrest per four MCI).
    unstated = assess(Incident(**insult), "2026-02-01").check("fine", 100 * u.MCI)
    assert any("25 days of arrest" in r for r in unstated.unpaid)
    # ... with the persons the rule names beside it: the facts do not say the offender is none of
    # them, and a woman raising a child not her own leaves young_children unstated (review_s44b W1)
    arrest = next(r for r in unstated.unpaid if "arrest" in r)
    assert "not for a minor, a pregnant woman, a woman having or raising a young child" in arrest
    assert "CC2014 45(3)" in arrest
    # Before Law 72-VIII the article said only «Арест не назначается ...»: the replacement is not
    # weighed against it (left as the article of the fine gives it).
    before = assess(Incident(act_date="2023-10-01", conduct="insult", channel="mass_media", pregnant=True),
                    "2024-02-01").check("fine", 100 * u.MCI)
    assert any("25 days of arrest" in r for r in before.unpaid)
    assert not any("not for" in r for r in before.unpaid)
