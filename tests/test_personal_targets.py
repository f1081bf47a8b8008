"""A slander or an insult is of another person: «порочащих честь и достоинство другого лица или
подрывающих его репутацию» (CC 2014 Art. 130(1), AOC 2014 Art. 73-3(1), CC 1997 Art. 129(1); texts in
the shared statute extracts cc2014/130.md, aoc2014/73-3.md, cc1997/129.md), «унижение чести и
достоинства другого лица» (CC 2014 Art. 131(1), CC 1997 Art. 130(1)). The state or the public is not
one: a review found a slander "about the state" liable under AOC 73-3(2) with no hedge. Nor is
the answer a settled "no provision": the statements may fall under other articles.
"""

from __future__ import annotations

import pytest

from kzspeechlaw import Incident, Outcome, assess, classify


@pytest.mark.parametrize("target", ["state", "public"])
@pytest.mark.parametrize(("conduct", "act", "decided", "extra"), [
    ("slander", "2023-05-01", "2023-06-01", {"allegation": "none", "proceedings_date": "2023-05-05"}),  # AOC 73-3
    ("slander", "2017-05-01", "2017-06-01", {"allegation": "none"}),  # CC 2014 130
    ("slander", "2010-05-01", "2010-06-01", {"allegation": "none"}),  # CC 1997 129
    ("insult", "2017-05-01", "2017-06-01", {}),  # CC 2014 131
    ("insult", "2010-05-01", "2010-06-01", {}),  # CC 1997 130
])
def test_the_state_or_the_public_is_not_another_person(target: str, conduct: str, act: str, decided: str,
                                                       extra: dict[str, str]) -> None:
    inc = Incident(act_date=act, conduct=conduct, channel="mass_media", target=target, **extra)  # type: ignore[arg-type]
    assert classify(inc) == ()
    a = assess(inc, decided)
    # not a settled "no provision": an insult of national honour or religious feelings may be CC 2014
    # Art. 174(1) («на оскорбление национальной чести и достоинства либо религиозных чувств граждан»),
    # false statements may be false information (a later review)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("«другого лица»" in note and "false_information" in note and "174(1)" in note for note in a.notes)


def test_a_person_and_a_named_target_still_fall_under_their_parts() -> None:
    person = assess(Incident(act_date="2023-05-01", conduct="slander", channel="mass_media", allegation="none",
                             proceedings_date="2023-05-05"), "2023-06-01")
    assert str(person.governing.ref) == "AOC2014 73-3(2)"  # type: ignore[union-attr]
    president = classify(Incident(act_date="2017-05-01", conduct="insult", channel="mass_media", target="president"))
    assert [str(m.provision.ref) for m in president][:1] == ["CC2014 375(2)"]  # in the mass media


def test_classify_says_what_assess_says() -> None:
    # the command line's classify --json reads outside_scope as assess does, not [] (no provision)
    import contextlib
    import io
    import json

    from kzspeechlaw.cli.commands import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["classify", "--act-date", "2023-05-01", "--conduct", "slander", "--channel", "mass_media",
              "--target", "state", "--json"])
    found = json.loads(out.getvalue())
    assert found["matches"] == [] and "«другого лица»" in found["outside_scope"][0]["why"]
