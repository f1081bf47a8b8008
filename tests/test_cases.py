"""Documented real cases, read from ``tests/cases/*.toml``: each file is a legal document of its own.

A file gives the facts as reported, the court, the decision date, the article applied, the
sentence and the sources; ``derived`` names every field inferred rather than reported (a day
chosen inside a reported period, an article read from the charge). The expected values come from
the sources, never from the library: where the library cannot model what the court did, the file
says so in ``not_modelled`` and the case is an expected failure with that reason.

Checks: the article applied (the governing part, or the part the facts fall under where the
outcome is not liability), the outcome, and that each reported sentence is one the library says
could be imposed (:meth:`kzspeechlaw.Assessment.check`): within the range, or below the minimum
through a reduction the general part allows. An aggregate sentence (several articles) is only
checked for the kind of punishment.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

import kzspeechlaw as kz
from kzspeechlaw.reasoning.assessment import Assessment, assess
from kzspeechlaw.reasoning.classification import classify
from kzspeechlaw.reasoning.incident import Incident

CASES_DIR = Path(__file__).parent / "cases"
FILES = sorted(CASES_DIR.glob("*.toml"))
KEYS = {"person", "court", "decided_on", "sources", "reported", "derived", "article", "outcome", "facts",
        "sentence", "not_modelled"}
REQUIRED = KEYS - {"sentence", "not_modelled"}
SENTENCE_KEYS = {"kind", "amount", "aggregate", "below_minimum", "rounded_to"}
# What a sentence a court actually imposed may be called by the library: possible on the facts.
IMPOSABLE = {"within", "below_minimum_allowed"}


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def field_names(case: dict[str, Any]) -> set[str]:
    return (set(case) - {"facts"}) | {f"facts.{k}" for k in case["facts"]}


def test_there_are_case_files() -> None:
    assert len(FILES) >= 14


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_case_file_is_a_document(path: Path) -> None:
    """Each file cites its sources, names its inferred fields, and says nothing the test ignores."""
    case = load(path)
    assert REQUIRED <= set(case) <= KEYS, set(case) ^ KEYS
    assert case["sources"] and all(s.startswith(("https://", "http://", "Adil Soz ")) for s in case["sources"])
    assert isinstance(case["decided_on"], dt.date) and isinstance(case["facts"]["act_date"], dt.date)
    assert set(case["derived"]) <= field_names(case), set(case["derived"]) - field_names(case)
    for s in case.get("sentence", []):
        assert {"kind", "amount"} <= set(s) <= SENTENCE_KEYS, s


def assessment(case: dict[str, Any]) -> Assessment:
    return assess(Incident(**case["facts"]), decided_on=case["decided_on"])


def applied(a: Assessment) -> str:
    """The part the library applies: the governing one, or the first match if nothing governs."""
    if a.governing is not None:
        return str(a.governing.ref)
    assert a.matches, a.notes
    return str(a.matches[0].provision.ref)


def same_article(ref: str, reported: str) -> bool:
    """``ref`` is the reported article, or a part of it where the report does not give the part."""
    return ref == reported or ref.startswith(reported + "(")


def params(*, not_modelled_fails: bool = True) -> list[Any]:
    """One parameter per case file; a case the library cannot model is an expected failure."""
    out = []
    for path in FILES:
        case = load(path)
        marks = [pytest.mark.xfail(strict=True, reason=f"not modelled: {case['not_modelled']}")] \
            if "not_modelled" in case and not_modelled_fails else []
        out.append(pytest.param(case, id=path.stem, marks=marks))
    return out


@pytest.mark.parametrize("case", params())
def test_article_and_outcome(case: dict[str, Any]) -> None:
    a = assessment(case)
    assert same_article(applied(a), case["article"]), (applied(a), case["article"], a.notes)
    assert a.outcome == case["outcome"]
    assert a.trace and all(step.what for step in a.trace)


@pytest.mark.parametrize("case", [p for p in params(not_modelled_fails=False) if "sentence" in p.values[0]])
def test_reported_sentence_is_imposable(case: dict[str, Any]) -> None:
    a = assessment(case)
    for s in case["sentence"]:
        amount = kz.ureg(s["amount"])
        if "rounded_to" in s:  # the amount as reported, rounded: its upper end
            amount = amount + kz.ureg(s["rounded_to"]) / 2
        check = a.check(s["kind"], amount)
        if s.get("aggregate"):
            assert check.verdict != "kind_not_available", check.reasons
        elif s.get("below_minimum"):
            assert check.verdict == "below_minimum_allowed", check.reasons
        else:
            assert check.verdict in IMPOSABLE, (s, check.verdict, check.reasons)


def test_insult_in_the_same_post_is_classified_apart() -> None:
    """Seed 000: Batyrbekov was convicted of slander *and insult*: insult by a Facebook post in 2019
    is CC 2014 Art. 131, public or online: part 2 (the Code's text of 131(2))."""
    inc = Incident(act_date=dt.date(2019, 1, 15), conduct="insult", channel="telecom_network")
    assert [str(m.provision.ref) for m in classify(inc)] == ["CC2014 131(2)"]


def test_tolegenov_discord_and_false_information_are_separate_articles() -> None:
    """Tolegenov (Kokshetau city court, reported 2025-11-19, RTVI:
    https://rtvi.com/news/v-kazahstane-prigovoren-izvestnyj-bloger-vystupayushhij-protiv-rusofobii/)
    was charged under Art. 174 and Art. 274 (parts not stated); his act dates are not stated, so
    this checks only that each conduct alone falls under its own article."""
    discord = Incident(act_date=dt.date(2025, 3, 1), conduct="incitement_of_discord", channel="telecom_network",
                       discord={"national"})
    false = Incident(act_date=dt.date(2025, 3, 1), conduct="false_information", channel="telecom_network",
                     knowing_and_dangerous=True)
    assert same_article(str(classify(discord)[0].provision.ref), "CC2014 174")
    assert same_article(str(classify(false)[0].provision.ref), "CC2014 274")


def fines_in(case: dict[str, Any], unit: str) -> list[Any]:
    """The fines a case reports exactly (not rounded) in ``unit``."""
    return [q for s in case.get("sentence", []) if s["kind"] == "fine" and "rounded_to" not in s
            for q in [kz.ureg(s["amount"])] if str(q.units) == unit]


@pytest.mark.parametrize("case", [p for p in params(not_modelled_fails=False)
                                  if fines_in(p.values[0], "MCI") and fines_in(p.values[0], "KZT")])
def test_a_fine_reported_in_mci_and_tenge_converts_on_the_mci_date(case: dict[str, Any]) -> None:
    """Where a source gives a fine both in MCI and in tenge (Radio Azattyq: 30 MCI = 103,500 tenge),
    the MCI of the date the library converts with gives the reported tenge."""
    a = assessment(case)
    assert a.mci_date is not None
    assert [kz.to_tenge(q, on=a.mci_date) for q in fines_in(case, "MCI")] == fines_in(case, "KZT")
