"""Bad input through the library API: each case answers correctly or raises a LawError subclass
naming the value and what was expected (never another exception, never a slow parse)."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import kzspeechlaw as kz
from kzspeechlaw import dates, export, refs, units
from kzspeechlaw.errors import QUOTE_LIMIT, quote

D = dt.date
ALMATY = ZoneInfo("Asia/Almaty")


def slander_online(act_date: Any) -> kz.Incident:
    return kz.Incident(act_date=act_date, conduct="slander", channel="telecom_network")


# --- dates outside the range the library assesses ------------------------------------------------


@pytest.mark.parametrize("day", ["9999-01-01", "9999-12-31", "2999-12-31", "2100-01-01", D(9990, 1, 1)])
def test_placeholder_act_dates_far_in_the_future_are_refused(day: Any) -> None:
    with pytest.raises(kz.InvalidIncident, match=r"'act_date'.*1991-12-16 to 2099-12-31") as info:
        slander_online(day)
    assert info.value.field == "act_date" and info.value.value == day


def test_placeholder_decision_dates_are_refused() -> None:
    with pytest.raises(kz.InvalidIncident, match=r"'decided_on': '9999-12-31'") as info:
        kz.assess(slander_online("2019-03-15"), "9999-12-31")
    assert info.value.field == "decided_on"


def test_acts_before_independence_are_refused() -> None:
    with pytest.raises(kz.InvalidIncident, match="1991-12-16"):
        slander_online(D(1991, 12, 15))
    with pytest.raises(kz.InvalidIncident, match="proceedings_date"):
        kz.Incident(act_date="2021-01-01", conduct="slander", proceedings_date="9999-01-01")


def test_the_last_day_is_assessed_with_its_limitation() -> None:
    # CC 2014 130(2) was last in force on 2020-07-09 (Law 349-VI): an act on the last supported
    # day falls under AOC 2014 73-3(2), with the two months of AOC Art. 62(1) ("по истечении двух
    # месяцев со дня совершения"), running into 2100 (not a leap year).
    a = kz.assess(slander_online(dates.LAST_DAY), dates.LAST_DAY)
    assert a.outcome == "liable" and str(a.governing.ref) == "AOC2014 73-3(2)"
    assert a.limitation is not None and a.limitation.expires == D(2100, 2, 28)


def test_assess_many_gives_an_error_row_for_a_placeholder_date() -> None:
    rows = [{"id": "a", "act_date": "9999-01-01", "conduct": "slander", "decided_on": "9999-06-01"},
            {"id": "b", "act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}]
    results = list(kz.assess_many(rows, decided_on="2019-09-23"))
    assert [r.ok for r in results] == [False, True]
    assert results[0].error.field == "act_date"


# --- citations: long numbers, long texts, linear time ---------------------------------------------


@pytest.mark.parametrize("text", [
    "CC2014 130(" + "9" * 5000 + ")",
    "CC2014 " + "9" * 5000 + "(1)",
    "CC2014 130(" + "9" * 400 + ")",
    "ч. " + "1" * 300 + " ст. 130 УК РК",
    "CC2014 130(3)(" + "7" * 5 + ")",
    "CC2014 1-" + "2" * 5,
], ids=lambda text: text[:20])
def test_long_numbers_are_citation_errors(text: str) -> None:
    with pytest.raises(kz.CitationError):
        kz.ref(text)
    for call in (lambda: kz.history(text), lambda: kz.provision(text, "2020-01-01"),
                 lambda: kz.compare(text, "2019-01-01", "2021-01-01")):
        with pytest.raises(kz.CitationError):
            call()


def test_a_citation_too_long_is_refused_by_its_length() -> None:
    with pytest.raises(kz.CitationError, match=f"at most {refs.MAX_CITATION} characters, got 100002"):
        kz.ref("a" + " " * 100000 + "b")


def test_separators_are_still_folded() -> None:
    assert kz.ref(" ч. 3 ,  ст. 130 ,УК РК. ") == kz.Ref("CC2014", "130", part=3)


@pytest.mark.parametrize("make", [
    lambda n: "a" + " " * n + "b",
    lambda n: "ст." + "1" * n,
    lambda n: "пункт" + "1" * n,
    lambda n: "ч. 1" + " ," * (n // 2),
    lambda n: "1-бап" + "1" * n + "-",
    lambda n: "уголовн" + "ы" * n,
    lambda n: "стать" + "1" * n + "баб",
    lambda n: "пункт" + "1п.1 " * (n // 5) + "пункт",
])
def test_parsing_is_fast_at_and_beyond_the_size_limit(make: Any) -> None:
    # A generous bound: quadratic parsing of a 1 MB text took minutes; linear parsing takes
    # milliseconds. Texts just under the limit exercise the patterns themselves.
    started = time.perf_counter()
    for n in (refs.MAX_CITATION - 10, 1_000_000):
        with pytest.raises(kz.CitationError):
            kz.ref(make(n))
    assert time.perf_counter() - started < 1.0


# --- values of the wrong type ---------------------------------------------------------------------


@pytest.mark.parametrize(("call", "error"), [
    (lambda: kz.ref([1, 2]), kz.CitationError),
    (lambda: kz.ref(None), kz.CitationError),
    (lambda: kz.history({}), kz.CitationError),
    (lambda: kz.compare([], "2019-01-01", "2021-01-01"), kz.CitationError),
    (lambda: kz.provision(130, "2020-01-01"), kz.CitationError),
    (lambda: kz.in_force("2020-01-01", code="XX"), kz.CitationError),
    (lambda: kz.in_force("2020-01-01", code=["CC2014"]), kz.CitationError),
    (lambda: kz.Ref("XX", "1"), kz.CitationError),
    (lambda: kz.Ref("CC2014", "1" * 5000), kz.CitationError),
    (lambda: kz.Ref("CC2014", 130), kz.CitationError),
    (lambda: kz.Ref("CC2014", "130", part="3"), kz.CitationError),
    (lambda: kz.Ref("CC2014", "130", part=0), kz.CitationError),
    (lambda: kz.Ref("CC2014", "130", part=True), kz.CitationError),
    (lambda: kz.Incident.from_dict({1: "a"}), kz.InvalidIncident),
    (lambda: kz.Incident.from_dict({1: "a", "b": 2}), kz.InvalidIncident),
    (lambda: kz.Incident.from_dict(None), kz.InvalidIncident),
    (lambda: kz.Incident.from_dict([("act_date", "2020-01-01")]), kz.InvalidIncident),
    (lambda: kz.assess(None, D(2021, 1, 1)), kz.InvalidIncident),
    (lambda: kz.assess({"act_date": "2020-01-01", "conduct": "slander"}, D(2021, 1, 1)), kz.InvalidIncident),
    (lambda: kz.classify(None), kz.InvalidIncident),
])
def test_wrong_types_raise_law_errors(call: Any, error: type[kz.LawError]) -> None:
    with pytest.raises(error):
        call()


def test_citation_error_stays_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown code 'XX'"):
        kz.Ref("XX", "1")


def test_a_key_that_is_not_text_is_named() -> None:
    with pytest.raises(kz.InvalidIncident, match="field '1': 'a'") as info:
        kz.Incident.from_dict({1: "a"})
    assert info.value.field == "1"


# --- sets written as mappings --------------------------------------------------------------------


def false_information(circumstances: Any) -> kz.Incident:
    return kz.Incident.from_dict({"act_date": "2020-03-26", "conduct": "false_information",
                                  "channel": "telecom_network", "circumstances": circumstances})


def test_a_circumstance_mapped_to_false_is_absent() -> None:
    # CC 2014 Art. 274(2)(3): by telecommunication networks; 274(4)(2): under a state of emergency.
    absent = kz.assess(false_information({"emergency": False}), "2020-06-22")
    present = kz.assess(false_information({"emergency": True}), "2020-06-22")
    assert str(absent.governing.ref) == "CC2014 274(2)"
    assert str(present.governing.ref) == "CC2014 274(4)(2)"
    assert false_information({"emergency": True, "group": False}).circumstances == {kz.Circumstance.EMERGENCY}


@pytest.mark.parametrize("flag", [0, 1, "false", "true", None, [], float("nan")])
def test_a_circumstance_mapped_to_anything_but_a_boolean_is_refused(flag: Any) -> None:
    with pytest.raises(kz.InvalidIncident, match="true or false for 'emergency'") as info:
        false_information({"emergency": flag})
    assert info.value.field == "circumstances"


def test_an_unknown_circumstance_in_a_mapping_is_refused_even_when_false() -> None:
    with pytest.raises(kz.InvalidIncident, match="'circumstances': 'emergncy'"):
        false_information({"emergncy": False})


# --- time zones ----------------------------------------------------------------------------------


def test_an_instant_counts_by_its_day_in_kazakhstan() -> None:
    # CC 2014 130(2) was last in force on 2020-07-09 (Law 349-VI); from 2020-07-10 slander online
    # is AOC 2014 73-3(2), which does reach acts from that day.
    almaty = dt.datetime(2020, 7, 10, 1, 0, tzinfo=ALMATY)
    utc = dt.datetime(2020, 7, 9, 19, 0, tzinfo=dt.UTC)
    assert almaty == utc
    for instant in (almaty, utc, dt.datetime(2020, 7, 9, 21, tzinfo=dt.timezone(dt.timedelta(hours=2)))):
        inc = slander_online(instant)
        assert inc.act_date == D(2020, 7, 10)
        a = kz.assess(inc, "2020-08-01")  # within the two months of AOC 2014 Art. 62(1)
        assert (a.outcome, str(a.governing.ref)) == ("liable", "AOC2014 73-3(2)")
    # The evening before in Almaty is the last day of the criminal article: decriminalised in 2021.
    evening = dt.datetime(2020, 7, 9, 17, 0, tzinfo=dt.UTC)  # 23:00 in Almaty (UTC+6 in 2020)
    assert kz.assess(slander_online(evening), "2021-01-01").outcome == "decriminalised"


def test_naive_datetimes_are_their_own_date() -> None:
    assert dates.as_date(dt.datetime(2020, 7, 9, 23, 59)) == D(2020, 7, 9)


def test_almaty_follows_the_single_zone_from_march_2024() -> None:
    # From 2024-03-01 the whole country keeps UTC+5: 19:30 UTC is 00:30 the next day.
    assert dates.as_date(dt.datetime(2024, 6, 1, 19, 30, tzinfo=dt.UTC)) == D(2024, 6, 2)
    assert dates.as_date(dt.datetime(2024, 6, 1, 18, 30, tzinfo=dt.UTC)) == D(2024, 6, 1)


def test_instants_at_the_calendar_edges_are_date_errors() -> None:
    with pytest.raises(kz.DateError, match="outside the calendar"):
        dates.as_date(dt.datetime.max.replace(tzinfo=dt.UTC))
    with pytest.raises(kz.DateError, match="outside the calendar"):
        dates.as_date(dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=23))))


# --- values that are not dates; long values in messages -------------------------------------------


@pytest.mark.parametrize("value", [None, 12345, 2020.5, [2020, 7, 10], {"y": 2020}, True, b"2020-07-10",
                                   float("nan"), 10**5000, dt.time(1, 0)], ids=lambda v: type(v).__name__)
def test_anything_but_a_date_is_a_date_error(value: Any) -> None:
    with pytest.raises(kz.DateError, match="decided_on must be a date") as info:
        dates.as_date(value, "decided_on")
    assert len(str(info.value)) < 2 * QUOTE_LIMIT
    with pytest.raises(kz.DateError):
        kz.assess(slander_online("2019-03-15"), value)


def test_a_huge_bad_value_gives_a_short_message_and_keeps_the_value() -> None:
    value = "x" * 10_000_000
    with pytest.raises(kz.InvalidIncident) as info:
        kz.Incident(act_date=value, conduct="slander")
    assert len(str(info.value)) < 2 * QUOTE_LIMIT
    assert "(10000002 characters)" in str(info.value)
    assert info.value.value is value


def test_quote_never_raises() -> None:
    nested: list[Any] = []
    for _ in range(100_000):
        nested = [nested]

    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert quote(nested) == "<list object>"
    assert quote(Broken()) == "<Broken object>"
    assert quote(-(10**5000)) == "<an integer of 5001 digits>"
    assert quote(10**4299) == repr(10**4299)[:QUOTE_LIMIT] + "… (4300 characters)"


# --- strict JSON out of any value -----------------------------------------------------------------


def strict_loads(text: str) -> Any:
    """Parse as a strict parser does: no NaN or Infinity, and the text must be valid UTF-8."""
    text.encode("utf-8")

    def refuse(constant: str) -> Any:
        raise ValueError(f"not strict JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


class Opaque:
    def __str__(self) -> str:
        return "opaque"


class Broken:
    def __str__(self) -> str:
        raise RuntimeError("no")

    __repr__ = __str__


def nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(("value", "expected"), [
    (float("nan"), "NaN"),
    ([float("inf"), -float("inf"), 1.5], ["Infinity", "-Infinity", 1.5]),
    ({"value": float("nan")}, {"value": "NaN"}),
    ({float("nan"): 1, None: 2, True: 3, 4: 5}, {"NaN": 1, "null": 2, "true": 3, "4": 5}),
    ("\ud800", "\ud800"),
    ({"\udfff": ["a\ud800b"]}, {"\udfff": ["a\ud800b"]}),
    (10**5000, "<an integer of 5001 digits>"),
    (Opaque(), "opaque"),
    ({"id": Opaque(), ("a", 1): 2}, {"id": "opaque", "('a', 1)": 2}),
    (Broken(), "<Broken object>"),
    ({3, 1, 2}, [1, 2, 3]),
    (dt.date(2020, 7, 10), "2020-07-10"),
], ids=lambda v: type(v).__name__)
def test_dumps_writes_strict_utf8_json_of_anything(value: Any, expected: Any) -> None:
    assert strict_loads(export.dumps(value)) == expected


def test_dumps_of_ordinary_values_is_json_dumps() -> None:
    value = {"ref": "CC2014 130(3)", "title": "Клевета", "n": [1, 2.5, None, True]}
    assert export.dumps(value) == json.dumps(value, ensure_ascii=False)


def test_dumps_cuts_deep_and_circular_containers() -> None:
    text = export.dumps(nested(100_000))
    assert text.count("[") == export.MAX_DEPTH and "nested deeper" in text
    loop: list[Any] = []
    loop.append(loop)
    assert strict_loads(export.dumps({"a": loop})) == {"a": ["<a container inside itself>"]}


def test_error_rows_echo_bad_values_as_strict_json() -> None:
    rows = [
        {"id": float("nan"), "act_date": float("inf"), "conduct": "slander"},
        {"id": "\ud800", "act_date": "2019-03-15", "conduct": "\udc80"},
        {"id": Opaque(), "act_date": "x" * 1_000_000, "conduct": "slander"},
        {"id": 10**5000, "act_date": "2019-03-15", "conduct": "slander", "circumstances": {"emergency": float("nan")}},
    ]
    results = list(kz.assess_many(rows, decided_on="2021-01-01"))
    records = [strict_loads(r.to_json()) for r in results]
    assert [r["error"]["field"] for r in records] == ["act_date", "conduct", "act_date", "circumstances"]
    # A NaN id states no id (a blank cell of a table): the row's position stands for it.
    assert [r["id"] for r in records] == [1, "\ud800", "opaque", "<an integer of 5001 digits>"]
    assert records[0]["error"]["value"] == "Infinity"
    assert len(records[2]["error"]["message"]) < 2 * QUOTE_LIMIT


# --- amounts --------------------------------------------------------------------------------------


def test_amounts_are_read_in_linear_time_within_a_size_limit() -> None:
    assert units.amount(" 2 000\tMCI ") == 2000 * kz.ureg.MCI
    assert units.amount("1,000,000 KZT") == 1000000 * kz.ureg.KZT
    started = time.perf_counter()
    for text in ("1" + " " * (units.MAX_AMOUNT - 3) + "!", "1" + " " * 1_000_000 + "!", "9" * 5000 + " MCI"):
        with pytest.raises(kz.AmountError):
            units.amount(text)
    assert time.perf_counter() - started < 1.0
    with pytest.raises(kz.AmountError, match="at most 100 characters"):
        units.amount(None)  # type: ignore[arg-type]


def test_sanctions_for_an_unknown_subject_is_a_law_error() -> None:
    version = kz.provision("CC2014 130(3)", "2019-09-23")
    with pytest.raises(kz.InvalidIncident, match="'subject': 'judge'"):
        version.sanctions_for("judge")


def test_a_json_member_given_twice_is_an_error_record_not_the_last_value() -> None:
    """JSON keeps the last of two members of one name: a row with ``conduct`` twice would be
    assessed on one of its two values, silently. It is an error record naming the member."""
    import io

    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers.reading import read_register

    text = ('{"id": "A", "act_date": "2019-03-15", "conduct": "slander", "conduct": "insult"}\n'
            '{"id": "B", "act_date": "2019-03-15", "conduct": "insult"}\n')
    for keyed in (True, False):
        records = [r for c in batch.run(read_register(io.StringIO(text), "jsonl"), "2019-12-01", keyed=keyed)
                   for r in c.output.decode().splitlines()]
        assert len(records) == 2
        assert '"error"' in records[0] and "'conduct' is given twice" in records[0]
        assert '"CC2014 131(1)"' in records[1]


@pytest.mark.parametrize("incidents", [None, 5, "register.csv", {"act_date": "2019-03-15"}])
def test_assess_many_refuses_what_is_not_an_iterable_of_incidents(incidents: Any) -> None:
    """A text or a single mapping is iterable too (by character, by key): each would give rows of
    nonsense, one per character or key; it is refused at once, as a value that is not iterable."""
    with pytest.raises(kz.InvalidIncident):
        kz.assess_many(incidents, decided_on="2019-09-23")


def test_a_record_is_one_line_to_a_reader_that_splits_lines_as_python_does() -> None:
    """U+0085, U+2028 and U+2029 end a line for ``str.splitlines`` but are raw in JSON: an id or a
    quoted cell holding one is written escaped, so each record stays one line."""
    import io

    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers.reading import read_register

    text = 'id,act_date,conduct\n"A\x85x",2019-03-15,slander\n"B\u2028y",2019-03-15,insult\nC,2019-03-15,gossip\u2029\n'
    for keyed in (True, False):
        out = b"".join(c.output for c in batch.run(read_register(io.StringIO(text)), "2019-12-01", keyed=keyed))
        lines = out.decode().splitlines()
        assert len(lines) == 3 and all(json.loads(line) for line in lines)
        assert json.loads(lines[0])["id"] == "A\x85x"


def test_a_json_number_too_large_for_a_float_is_an_error_record() -> None:
    """``1e400`` reads as infinity and would be written back as ``"Infinity"``: an id that no longer
    joins its row. The row is an error record naming the number."""
    import io

    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers.reading import read_register

    text = '{"id": 1e400, "act_date": "2019-03-15", "conduct": "slander"}\n'
    out = b"".join(c.output for c in batch.run(read_register(io.StringIO(text), "jsonl"), "2019-12-01")).decode()
    assert '"error"' in out and "1e400 is too large" in out
