"""The command line's memo shows the range a court may impose on the sentencing facts, and the
release routes (CC 2014 Arts. 55, 63, 68)."""

import pytest

from kzspeechlaw.cli import main

MAMBETALIN = ["assess", "--act-date", "2015-10-01", "--conduct", "incitement_of_discord", "--discord", "national",
              "--channel", "telecom_network", "--decided-on", "2016-03-30"]


def test_assess_shows_the_imposable_range_and_the_release_routes(capsys: pytest.CaptureFixture[str]) -> None:
    # CC 2014 174(1): restriction of freedom 2 to 7 years; with a mitigating circumstance and no
    # aggravating one, Art. 55(6) allows going below the minimum, down to the general part's one
    # year (Art. 44(1), 2015 wording: «от одного года до семи лет»).
    assert main([*MAMBETALIN, "--mitigating", "repentance", "--aggravating", "no"]) == 0
    out = capsys.readouterr().out
    assert "  - restriction of freedom 2 years to 7 years\n    imposable on these facts: 1 year to 7 years" in out
    assert "CC2014 55(6)" in out
    # An extremist crime: no release on reconciliation (Art. 68(4)), no conditional sentence (Art. 63(6)).
    assert "  - reconciliation: closed" in out and "  - conditional sentence: closed" in out


def test_without_the_facts_the_statutory_range_stands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(MAMBETALIN) == 0
    out = capsys.readouterr().out
    assert "  - restriction of freedom 2 years to 7 years\n" in out
    assert "imposable on these facts: 1 year" not in out
