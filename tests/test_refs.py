"""Citations: real-world spellings in three languages, canonical form, round trip."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz

R = kz.Ref


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CC2014 130(3)", R("CC2014", "130", part=3)),
        ("ч. 3 ст. 130 УК РК", R("CC2014", "130", part=3)),
        ("ч.3 ст.130 УК РК", R("CC2014", "130", part=3)),
        ("п. 2 ч. 4 ст. 274 УК", R("CC2014", "274", part=4, clause=2)),
        ("п.2 ч.4 ст.274 УК РК", R("CC2014", "274", part=4, clause=2)),
        ("ч. 2 ст. 73-3 КоАП РК", R("AOC2014", "73-3", part=2)),
        ("ч. 1 ст. 434 КоАП", R("AOC2014", "434", part=1)),
        ("части 1 статьи 174 Уголовного кодекса", R("CC2014", "174", part=1)),
        ("ст. 174 ч. 1 УК РК", R("CC2014", "174", part=1)),
        ("ч. 1 ст. 129 УК РК 1997 года", R("CC1997", "129", part=1)),
        ("ҚК 174-бабы 1-бөлігі", R("CC2014", "174", part=1)),
        ("ҚР ҚК 174-бабының 1-бөлігі", R("CC2014", "174", part=1)),
        ("ҚК 274-бабының 4-бөлігінің 2-тармағы", R("CC2014", "274", part=4, clause=2)),
        ("ӘҚБтК 73-3-бабы 2-бөлігі", R("AOC2014", "73-3", part=2)),
        ("Art. 274(4)(2) Criminal Code", R("CC2014", "274", part=4, clause=2)),
        ("Article 130(3) of the Criminal Code", R("CC2014", "130", part=3)),
        ("Art. 73-3(2) AOC", R("AOC2014", "73-3", part=2)),
        ("AOC2014 73-3(2)", R("AOC2014", "73-3", part=2)),
        ("CC1997 129(3)", R("CC1997", "129", part=3)),
        ("CC2014 130", R("CC2014", "130")),
    ],
)
def test_spellings(text: str, expected: kz.Ref) -> None:
    assert kz.ref(text) == expected


def test_code_without_year_is_resolved_by_date() -> None:
    assert kz.ref("ч. 1 ст. 129 УК РК", on=dt.date(2014, 12, 31)).code == "CC1997"
    assert kz.ref("ч. 1 ст. 129 УК РК", on=dt.date(2015, 1, 1)).code == "CC2014"
    assert kz.ref("ч. 1 ст. 129 УК РК", on="2010-05-05").code == "CC1997"


@pytest.mark.parametrize("text", ["", "ст. УК", "130(3)", "ч. 3 ст. 130 ГК РК", "CC2015 130(1)"])
def test_unparseable_citations_say_what_was_expected(text: str) -> None:
    with pytest.raises(kz.CitationError, match="expected"):
        kz.ref(text)


def test_canonical_form_and_eid() -> None:
    r = kz.ref("п. 2 ч. 4 ст. 274 УК")
    assert str(r) == "CC2014 274(4)(2)"
    assert r.eid == "art_274__para_4__point_2"
    assert repr(r) == "Ref('CC2014', '274', part=4, clause=2)"


refs = st.builds(
    lambda code, a, sub, part, clause: R(
        code, f"{a}-{sub}" if sub else str(a), part=part, clause=clause if part else None
    ),
    st.sampled_from(["CC1997", "CC2014", "AOC2014"]),
    st.integers(1, 999),
    st.one_of(st.none(), st.integers(1, 9)),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 9)),
)


@given(refs)
def test_round_trip(r: kz.Ref) -> None:
    assert kz.ref(str(r)) == r
