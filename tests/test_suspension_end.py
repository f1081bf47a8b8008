"""A suspension that ends after the newest text of its code the data reads: CC 2014 Art. 467(1-1)
suspends Art. 45 (arrest) «до 1 января 2027 года» in every text read (the data's newest, 12.06.2026, and the
16.09.2025 and 08.03.2026 editions before it), and each earlier end (01.01.2020,
01.01.2022) was moved by a law in force on the day it ran out (Laws 290-VI, 88-VII). For an act and
a decision from 01.01.2027 the data cannot tell whether arrest is available: it is shown, with the
end it read and the open question, never as settled."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

import kzspeechlaw as kz
from kzspeechlaw.reasoning.sentencing.ranges import LAPSED, STILL_APPLIES

OPEN = "whether a later law extended the suspension is not known"


def _assess(act: str, decided: str, **facts: object) -> kz.Assessment:
    inc = kz.Incident(act_date=act, conduct="contempt_of_court", channel="mass_media", **facts)  # CC 2014 410(1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kz.StaleDataWarning)
        return kz.assess(inc, decided)


def test_arrest_after_the_end_read_is_shown_and_left_open() -> None:
    a = _assess("2027-01-05", "2027-03-01", pregnant=False, young_children=False)
    arrest = next(s for s in a.sanctions if s.kind.value == "arrest")
    assert arrest.available
    assert "suspended until 2027-01-01" in arrest.note and "CC2014 467(1-1)" in arrest.note and OPEN in arrest.note
    assert any(OPEN in n for n in a.notes)
    assert any(OPEN in step.what and step.citation == "CC2014 467(1-1)" for step in a.trace)  # and in the trace
    check = a.check("arrest", 20 * kz.ureg.day)
    assert (check.verdict, check.certain) == ("within", False)
    assert LAPSED in check.depends_on
    assert a.check("arrest", 200 * kz.ureg.day).verdict == "above_maximum"  # above the maximum either way


def test_an_act_while_suspended_stays_settled_whatever_the_end() -> None:
    # The act under the suspension: a later law that provides arrest does not reach it (Art. 6(3)),
    # for all but the persons the suspended article still applies to, whether or not it was extended.
    a = _assess("2026-06-01", "2027-03-01")
    arrest = next(s for s in a.sanctions if s.kind.value == "arrest")
    assert not arrest.available and OPEN not in arrest.note
    check = a.check("arrest", 20 * kz.ureg.day)
    assert check.verdict == "kind_not_available" and STILL_APPLIES in check.depends_on
    assert LAPSED not in check.depends_on


def test_an_act_before_the_suspension_decided_after_it_stays_settled() -> None:
    # An act of 2013 (CC 1997) governed by CC 2014 and decided in 2027: Art. 467 suspended arrest on
    # every day from 2015 to 2026, a milder law that reached the act (Art. 6(1)); the law that provides
    # arrest again is harsher and does not (Art. 6(3)), whether or not the suspension was extended.
    a = _assess("2013-06-01", "2027-03-01")
    assert str(a.governing.ref) == "CC2014 410(1)"
    arrest = next(s for s in a.sanctions if s.kind.value == "arrest")
    assert not arrest.available and "suspended after the act, before the decision date" in arrest.note
    assert "does not reach the act (CC 2014 Art. 6(3))" in arrest.note and OPEN not in arrest.note
    check = a.check("arrest", 20 * kz.ureg.day)
    assert (check.verdict, check.certain) == ("kind_not_available", True) and LAPSED not in check.depends_on


def test_a_suspension_for_everyone_in_between_spares_nobody() -> None:
    # An act of 2014 (CC 1997) decided in 2021 under CC 2014: on the decision date Art. 467(1-1)
    # spares military personnel and expelled foreigners, but in 2015-2016 Art. 467(1) held Art. 45
    # back for everyone («за исключением статьи 45, которая вводится в действие с 1 января 2017 года»),
    # a milder law that reached the act (Art. 6(1)): arrest is for nobody, and the check is certain.
    a = _assess("2014-06-01", "2021-06-01")
    arrest = next(s for s in a.sanctions if s.kind.value == "arrest")
    assert not arrest.available and arrest.still_for == frozenset()
    assert "between the act and the decision it was suspended for more persons" in arrest.note
    assert "CC2014 467(1)," in arrest.note and "save for" not in arrest.note
    check = a.check("arrest", 20 * kz.ureg.day)
    assert (check.verdict, check.certain) == ("kind_not_available", True) and STILL_APPLIES not in check.depends_on
    # an act under Art. 467(1-1) itself keeps the persons it spares (no day in between spared fewer)
    later = _assess("2018-06-01", "2021-06-01")
    assert next(s for s in later.sanctions if s.kind.value == "arrest").still_for == frozenset({"military"})


def test_while_the_text_read_still_suspends_arrest_nothing_is_open() -> None:
    a = _assess("2026-06-01", "2026-11-01")
    assert not any(OPEN in n for n in a.notes)
    assert LAPSED not in a.check("arrest", 20 * kz.ureg.day).depends_on


def test_an_end_the_data_reads_past_is_settled() -> None:
    # CC 1997: the kinds its commencement law put into force later (Law 16.07.1997 No. 168 Art. 4:
    # «не позднее 2003 года»; arrest from 2009) ended long before its final text (01.01.2015), which
    # the data reads: nothing is open on or after their ends.
    from kzspeechlaw.law import general_part
    from kzspeechlaw.law.model import Penalty
    from kzspeechlaw.reasoning.sentencing import lapsed

    ended = [r for key, rules in general_part.rules().items() if key[:2] == ("suspension", "CC1997") for r in rules]
    assert len(ended) == 3
    for rule in ended:
        assert rule.valid_to is not None
        assert lapsed("CC1997", Penalty(rule.key[1]), rule.valid_to, rule.valid_to) is None
    # CC 2014's end is after the data's text of the code: open on and after it, not before.
    assert lapsed("CC2014", Penalty.ARREST, dt.date(2027, 1, 1), dt.date(2027, 1, 1))
    assert lapsed("CC2014", Penalty.ARREST, dt.date(2026, 12, 31), dt.date(2026, 12, 31)) is None


@pytest.mark.parametrize(("on", "said"), [("2027-02-01", OPEN), ("2026-02-01", "suspended on")])
def test_show_says_the_end_read(on: str, said: str) -> None:
    import contextlib
    import io

    from kzspeechlaw.cli.commands import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore", kz.StaleDataWarning)
        main(["show", "CC2014 410(1)", "--on", on])
    line = next(x for x in out.getvalue().splitlines() if "arrest" in x)
    assert said in line


def test_the_sanction_itself_says_it_may_be_suspended() -> None:
    # in the sanctions list, the JSON and the web table, not only in the notes
    a = _assess("2027-01-05", "2027-03-01")
    arrest = next(s for s in a.sanctions if s.kind.value == "arrest")
    assert arrest.depends_on == (LAPSED,) and str(arrest.describe()).endswith("[may be suspended: see the notes]")
    assert arrest.describe("ru").endswith("[может не применяться: см. примечания]")
    exported = next(s for s in a.to_dict()["sanctions"] if s["kind"] == "arrest")
    assert exported["available"] is True and exported["depends_on"] == [LAPSED]
    settled = next(s for s in _assess("2026-06-01", "2026-11-01").to_dict()["sanctions"] if s["kind"] == "arrest")
    assert settled["depends_on"] == [] and not settled["available"]
    assert all(s["depends_on"] == [] for s in a.to_dict()["sanctions"] if s["kind"] != "arrest")


def test_a_kind_barred_on_the_facts_is_not_marked_as_maybe_suspended() -> None:
    # CC 2014 Art. 45(3): «Арест не назначается ... беременным женщинам»: for a pregnant woman arrest is
    # not imposable whatever a later law did with the suspension, so the sanction carries no LAPSED
    # (review_s43b N5); the note on the end read stays
    a = _assess("2027-01-05", "2027-03-01", pregnant=True)
    exported = next(s for s in a.to_dict()["sanctions"] if s["kind"] == "arrest")
    assert exported["barred"] is True and exported["depends_on"] == []
    assert "may be suspended" not in exported["text"]
    assert any(OPEN in n for n in a.notes)
    check = a.check("arrest", 20 * kz.ureg.day)
    assert (check.verdict, check.certain, check.depends_on) == ("kind_not_available", True, ())


@pytest.mark.parametrize(("lang", "said"), [("en", "may not be applicable"), ("ru", "может не применяться")])
def test_the_web_table_marks_the_sanction(lang: str, said: str) -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        from kzspeechlaw.web import app as web_app

        client = TestClient(web_app.create_app(), raise_server_exceptions=False)
        page = client.get("/", params={"act_date": "2027-01-05", "conduct": "contempt_of_court",
                                       "channel": "mass_media", "decided_on": "2027-03-01", "lang": lang}).text
    row = next(line for line in page.split("<tr") if 'data-kind="arrest"' in line)
    assert said in row
