"""The general part decides from the data: a missing record or an unranked kind is a DataError,
never a silent fallback; the time index answers by half-open intervals."""

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw.law.loader import DATA_DIR, load
from kzspeechlaw.law.timeline import Timeline, in_force, timeline


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for f in DATA_DIR.glob("*.toml"):
        shutil.copy(f, tmp_path)
    return tmp_path


def test_an_unknown_category_is_refused(data: Path) -> None:
    path = data / "general.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('category = "administrative_offence"', 'category = "not_a_category"'), encoding="utf-8")
    with pytest.raises(kz.DataError, match="not_a_category"):
        load(data)


def test_a_missing_category_record_is_refused(data: Path) -> None:
    path = data / "general.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('code = "AOC2014"\ncategory = "administrative_offence"\nvalid_from = 2015-01-01',
                                 'code = "AOC2014"\ncategory = "administrative_offence"\nvalid_from = 2030-01-01'),
                    encoding="utf-8")
    with pytest.raises(kz.DataError, match="no administrative_offence record is in force"):
        load(data)


def test_an_unranked_main_punishment_is_refused(data: Path) -> None:
    path = data / "cc2014.toml"
    text = path.read_text(encoding="utf-8")
    assert '{ kind = "fine", max = "1000 MCI" }' in text
    path.write_text(text.replace('{ kind = "fine", max = "1000 MCI" }', '{ kind = "confiscation" }', 1), encoding="utf-8")
    with pytest.raises(kz.DataError, match="confiscation has no severity rank"):
        load(data)


def test_every_main_punishment_in_the_data_is_ranked() -> None:
    from kzspeechlaw.law.model import MAIN_RANK

    kinds = {s.kind for ps in kz.law.loader.law().versions.values() for p in ps for s in p.sanctions}
    assert kinds <= set(MAIN_RANK)


def test_the_2014_bands_are_those_of_art_11() -> None:
    # CC 2014 Art. 11(2)-(4): not over 2, 5 and 12 years of imprisonment.
    from kzspeechlaw.law import general_part

    bands = {c: general_part.find("category", "CC2014", c, on=dt.date(2020, 1, 1)) for c in
             ("small_gravity", "medium_gravity", "grave", "especially_grave")}
    assert [str(b.period) if b and b.period is not None else None for b in bands.values()] == [
        "2 year", "5 year", "12 year", None]


days = st.lists(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)), max_size=8)


@given(days, st.dates(dt.date(1985, 1, 1), dt.date(2035, 1, 1)))
def test_an_interval_holds_the_same_records(changes: list[dt.date], day: dt.date) -> None:
    t = Timeline(changes)
    n = t.interval(day)
    assert t.start(n) <= day
    assert n == len(t.days) or day < t.days[n]
    for a, b in itertools.pairwise(changes):
        start, end = min(a, b), max(a, b)
        assert in_force(start, end, day) == in_force(start, end, t.start(n)) or start == end


def test_the_index_knows_every_change_day_of_the_versions() -> None:
    index = timeline()
    for versions in kz.law.loader.law().versions.values():
        for v in versions:
            assert v.valid_from in index.days
            assert v.valid_to is None or v.valid_to in index.days


def test_records_hash_by_value() -> None:
    import copy
    import pickle

    p = kz.provision("CC2014 174(1)", dt.date(2020, 1, 1))
    for twin in (copy.deepcopy(p), pickle.loads(pickle.dumps(p))):
        assert twin is not p
        assert twin == p
        assert hash(twin) == hash(p)
    assert {p: 1}[copy.deepcopy(p)] == 1


def test_answers_do_not_depend_on_classify_returning_one_object() -> None:
    from kzspeechlaw.reasoning import classification

    incident = kz.Incident(act_date="2019-05-01", conduct="insult", channel="mass_media", target="official")
    first = kz.assess(incident, decided_on="2021-03-01").to_json()
    classification._matches.cache_clear()
    again = kz.assess(incident, decided_on="2021-03-01")
    assert again.to_json() == first
