"""Who acted and whom a sanction is for: one vocabulary, public under both names."""

from __future__ import annotations

import kzspeechlaw as kz
from kzspeechlaw.law import facts, model


def test_one_enum_under_both_public_names() -> None:
    assert kz.Subject is kz.Offender is model.Subject is facts.Offender
    assert {o.value for o in kz.Offender} == {
        "natural_person", "official", "legal_entity", "small_business", "medium_business", "large_business",
        "non_profit_organisation"}
    assert set(kz.Offender) - {kz.Offender.NATURAL_PERSON, kz.Offender.OFFICIAL} == facts.ENTITIES
