"""The public contract (``/docs/api.md``, "Bad input and limits"; the package's exported names) as
a program that imports the library sees it: precise types for ``mypy --strict``, a ``LawError`` for
every value the library cannot use, stable JSON, answers independent of call order and caches."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw import dates
from kzspeechlaw.law import facts

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2020, 6, 19)


# --- types for mypy --strict ------------------------------------------------------------------------


def test_documented_example_type_checks_under_mypy_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first example of the contract, ``kz.to_tenge(5 * kz.ureg.MCI, on=...)``, must type-check
    in a ``mypy --strict`` program, and the public quantities must be pint quantities, not ``Any``
    (``kz.mci(on) -> Quantity[KZT]``, ``Sanction.minimum`` a ``Quantity`` or ``None``)."""
    api = pytest.importorskip("mypy.api")
    monkeypatch.setenv("MYPYPATH", str(ROOT))  # this checkout's package, whatever is installed
    program = tmp_path / "user.py"
    program.write_text(textwrap.dedent("""\
        import datetime as dt
        import kzspeechlaw as kz

        on = dt.date(2020, 6, 19)
        fine = 5 * kz.ureg.MCI
        reveal_type(kz.ureg)
        reveal_type(kz.mci(on))
        reveal_type(kz.to_tenge(fine, on=on))
        reveal_type(kz.ureg.Quantity(5, "MCI"))
        reveal_type(kz.provision("CC2014 131(2)", on).sanctions[0].maximum)
    """), encoding="utf-8")
    out, err, status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(program)])
    assert status == 0 and ": error:" not in out, out + err
    revealed = [line.split('Revealed type is "', 1)[1].rstrip('"') for line in out.splitlines()
                if "Revealed type is" in line]
    assert len(revealed) == 5, out
    assert "UnitRegistry" in revealed[0]
    assert all("Quantity" in t for t in revealed[1:]), revealed
    assert all(not t.startswith("Any") for t in revealed), revealed


# --- amounts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("magnitude", [1e308, 1.5e306, float.fromhex("0x1.fffffffffffffp+1023")])
def test_to_tenge_refuses_an_amount_whose_tenge_is_infinite(magnitude: float) -> None:
    """1e308 MCI at 2,778 tenge (the MCI from 1 April 2020) is no finite float: the answer was
    ``inf KZT``, a confident number that is none. The contract: "a finite amount" or an AmountError
    naming the value."""
    with pytest.raises(kz.AmountError, match="finite") as caught:
        kz.to_tenge(magnitude * kz.ureg.MCI, on=DAY)
    assert repr(magnitude)[:6] in str(caught.value) or f"{magnitude:g}"[:4] in str(caught.value)


def test_to_tenge_keeps_large_finite_amounts_exact() -> None:
    """A large whole amount stays exact (Python's integers), a large finite float stays finite."""
    assert kz.to_tenge(10**30 * kz.ureg.MCI, on=DAY).magnitude == 2778 * 10**30
    assert math.isfinite(kz.to_tenge(1e300 * kz.ureg.MCI, on=DAY).magnitude)


# --- messages name the value as the person wrote it -------------------------------------------------


def test_cli_quotes_a_refused_decision_date_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    """``--decided-on 9999-12-31`` is refused (docs/api.md: "placeholders such as 9999-12-31 are
    refused"); the one line names the value as typed, not Python's ``datetime.date(9999, 12, 31)``."""
    from kzspeechlaw.cli.commands import main

    for lang in ("en", "ru", "kk"):
        status = main(["assess", "--act-date", "2020-01-01", "--conduct", "slander", "--decided-on", "9999-12-31",
                       "--lang", lang])
        err = capsys.readouterr().err
        assert status == 2
        assert len(err.strip().splitlines()) == 1, err
        assert "'9999-12-31'" in err and "datetime" not in err, err


def test_errors_quote_dates_and_enums_as_written() -> None:
    with pytest.raises(kz.InvalidIncident) as caught:
        kz.assess(kz.Incident(act_date="2020-01-01", conduct="slander"), dt.date(9999, 12, 31))
    assert "'9999-12-31'" in str(caught.value) and "datetime" not in str(caught.value)
    assert caught.value.value == dt.date(9999, 12, 31)  # the attribute keeps the value as given
    with pytest.raises(kz.CitationError) as wrong_code:
        kz.in_force(DAY, code=kz.Penalty.FINE)
    assert "'fine'" in str(wrong_code.value) and "<Penalty" not in str(wrong_code.value)


def test_amount_errors_write_the_quantity_not_its_repr() -> None:
    with pytest.raises(kz.AmountError) as caught:
        kz.to_tenge(-5 * kz.ureg.MCI, on=DAY)
    assert "'-5 MCI'" in str(caught.value) and "<Quantity" not in str(caught.value)


def test_reversed_dates_message_is_translatable() -> None:
    """The message of ``compare`` with reversed dates goes through the catalogues (a ``Message``)."""
    with pytest.raises(kz.DateError) as caught:
        kz.compare("CC2014 174(1)", "2021-01-01", "2020-01-01")
    assert isinstance(caught.value.args[0], kz.Message), type(caught.value.args[0])
    assert "2021-01-01" in str(caught.value) and "2020-01-01" in str(caught.value)


# --- shared values stay unchanged -------------------------------------------------------------------


def test_a_returned_quantity_cannot_change_the_law_in_place() -> None:
    """CC 2014 Art. 130(2) (2019 text): «…ограничением свободы на срок до двух лет, либо лишением
    свободы на тот же срок». A caller's ``maximum.ito("month")`` changed the quantity every later
    answer shares ("24 month"); the library's quantities refuse conversion in place."""
    provision = kz.provision("CC2014 130(2)", on="2019-03-01")
    term = next(s.maximum for s in provision.sanctions if s.kind is kz.Penalty.IMPRISONMENT)
    assert term is not None
    for method in ("ito", "ito_base_units", "ito_reduced_units", "ito_root_units"):
        with pytest.raises(kz.AmountError, match=r"in place"):
            getattr(term, method)(*(("month",) if method == "ito" else ()))
    assert term.to("month") == 24 * kz.ureg.month  # the new-quantity conversion works
    again = kz.provision("CC2014 130(2)", on="2019-03-01")
    assert [str(s.maximum) for s in again.sanctions if s.kind is kz.Penalty.IMPRISONMENT] == ["2 year"]
    assessment = kz.assess(kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network"),
                           decided_on="2019-06-01")
    fine = assessment.sanctions[0].maximum_kzt
    assert fine is not None
    with pytest.raises(kz.AmountError):
        fine.ito("KZT")
    tenge = kz.to_tenge(5 * kz.ureg.MCI, on=DAY)
    with pytest.raises(kz.AmountError):
        tenge.ito_base_units()
    assert kz.to_tenge(5 * kz.ureg.MCI, on=DAY) == 13890 * kz.ureg.KZT  # 5 × 2 778 tenge


# --- incidents: unknown fields ----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["foo", "decided_on", "facts", "conducts", "Act_date"])
def test_incident_refuses_an_unknown_field_with_invalid_incident(field: str) -> None:
    """docs/api.md: every function "given a value it cannot use, raises a kz.LawError subclass …
    InvalidIncident (with field and value) for incidents"; ``Incident(foo=1)`` raised Python's
    ``TypeError`` (``from_dict`` already named the field)."""
    with pytest.raises(kz.InvalidIncident) as caught:
        kz.Incident(act_date="2020-01-01", conduct="slander", **{field: 1})
    assert caught.value.field == field and caught.value.value == 1
    assert repr(field) in str(caught.value) and "act_date" in str(caught.value)


def test_incident_refuses_too_many_positional_values() -> None:
    with pytest.raises(kz.InvalidIncident, match="at most 24 values"):
        kz.Incident("2020-01-01", "slander", *([None] * 30))


def test_incident_still_builds_evolves_and_pickles() -> None:
    import pickle

    import attrs

    incident = kz.Incident("2020-01-01", "slander", channel="mass_media")
    assert incident == kz.Incident(act_date=dt.date(2020, 1, 1), conduct="slander", channel="mass_media")
    assert attrs.evolve(incident, channel="private").channel == "private"
    assert pickle.loads(pickle.dumps(incident)) == incident


# --- citations of a code without its year, before the codes modelled --------------------------------


@pytest.mark.parametrize(("text", "on"), [
    ("ч. 2 ст. 73-3 КоАП РК", "2014-12-31"),
    ("ч. 3 ст. 130 КоАП РК", "2010-01-01"),
    ("ӘҚБтК 73-3-бабы 2-бөлігі", "2012-06-01"),
    ("Art. 73-3(2) Administrative Offences Code", "2014-01-01"),
    ("ч. 1 ст. 129 УК РК", "1997-12-31"),
    ("УК 130", "1995-01-01"),
])
def test_a_code_without_its_year_before_the_codes_modelled_is_refused(text: str, on: str) -> None:
    """«…Уголовным кодексом Казахской ССР от 22 июля 1959 года (с изменениями и дополнениями,
    внесенными до 1 января 1998 года) и Уголовным кодексом Республики Казахстан от 16 июля 1997
    года…» (Amnesty Law of 07.12.2021 No. 81-VII): before 1998 "УК" is the 1959 code, and before
    2015-01-01 (aoc2014.toml: the 2014 Code "in force 1 January 2015") "КоАП" is the earlier Code of
    Administrative Offences. Neither is modelled; the parser read them as CC1997 and AOC2014."""
    with pytest.raises(kz.CitationError) as caught:
        kz.ref(text, on=on)
    assert repr(text) in str(caught.value) and on in str(caught.value)
    with pytest.raises(kz.CitationError):
        kz.provision(text, on=on)


def test_a_code_with_its_year_or_from_its_first_day_is_read() -> None:
    assert str(kz.ref("ч. 2 ст. 73-3 КоАП РК", on="2015-01-01")) == "AOC2014 73-3(2)"
    assert str(kz.ref("ч. 1 ст. 129 УК РК", on="1998-01-01")) == "CC1997 129(1)"
    assert str(kz.ref("ч. 1 ст. 129 УК РК 1997 года", on="1995-01-01")) == "CC1997 129(1)"
    assert str(kz.ref("AOC2014 73-3(2)", on="2010-01-01")) == "AOC2014 73-3(2)"


def test_first_days_of_the_parser_are_the_datas() -> None:
    from kzspeechlaw import refs
    from kzspeechlaw.law.loader import law

    assert {code: law().codes[code].valid_from for code in refs.CODES} == refs.FIRST_DAYS


# --- properties (hypothesis): what tests/test_fuzz_api.py does not check -----------------------------
# That file checks that every call returns or raises a LawError; these check the contract's shape:
# the same JSON keys for every outcome, ISO dates and {"value", "unit"} quantities, messages that
# quote the value without Python's reprs, shared quantities unchanged, and the CLI's one line.

props = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much], deadline=None)

UNITS = {"MCI", "KZT", "year", "month", "day", "hour"}
ISO_DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
REPRS = re.compile(r"datetime\.(date|datetime)\(|<Quantity\(|Quantity\(|<[A-Z][A-Za-z]+\.[A-Z_]+: '|\bRef\('"
                   r"|frozenset\(|Fraction\(|Decimal\(")
DATE_KEYS = ("act_date", "decided_on", "proceedings_date", "referred_on", "evaded_from", "evaded_until", "mci_date",
             "valid_from", "valid_to", "last_day_in_force", "expires")
QUANTITY_KEYS = ("minimum", "maximum", "minimum_kzt", "maximum_kzt", "imposable_minimum", "imposable_maximum", "period")


@st.composite
def incidents(draw: st.DrawFn) -> kz.Incident:
    conduct = draw(st.sampled_from(list(facts.Conduct)))
    act = draw(st.dates(dt.date(1998, 1, 1), dt.date(2026, 6, 30)))
    fields: dict[str, Any] = {
        "act_date": act, "conduct": conduct, "channel": draw(st.none() | st.sampled_from(list(facts.Channel))),
        "target": draw(st.sampled_from(list(facts.Target))),
        "circumstances": draw(st.sets(st.sampled_from(list(facts.Circumstance)), max_size=2)),
        "offender": draw(st.sampled_from(list(facts.Offender))),
    }
    if conduct is facts.Conduct.INCITEMENT_OF_DISCORD:
        fields["discord"] = draw(st.sets(st.sampled_from(list(facts.Discord)), min_size=1, max_size=2))
    if conduct is facts.Conduct.SLANDER:
        fields["allegation"] = draw(st.sampled_from(list(facts.Allegation)))
    try:
        return kz.Incident(**fields)
    except kz.InvalidIncident:  # contradictory facts
        return kz.Incident(act_date=act, conduct=conduct)


def _decision(incident: kz.Incident, days: int) -> dt.date:
    return min(incident.act_date + dt.timedelta(days=days), dates.LAST_DAY)


def _walk(value: Any, path: str = "") -> Any:
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, f"{path}[]")
    else:
        yield path, value


_KEYS: dict[str, frozenset[str]] = {}


@props
@given(incidents(), st.integers(0, 4000))
def test_assessment_json_has_one_shape(incident: kz.Incident, days: int) -> None:
    """docs/api.md: ``to_dict()`` is "JSON-ready, with a schema version key"; the same keys for
    every outcome, dates as ISO strings, quantities as ``{"value": number, "unit": name}``, and no
    Python repr in any text. It round-trips through strict JSON."""
    assessment = kz.assess(incident, _decision(incident, days))
    data = assessment.to_dict()
    assert json.loads(json.dumps(data, allow_nan=False, ensure_ascii=False)) == data
    keys = frozenset(data)
    assert _KEYS.setdefault("top", keys) == keys, sorted(keys ^ _KEYS["top"])
    assert data["outcome"] == assessment.outcome.value and data["schema"].startswith("kzspeechlaw/")
    for path, value in _walk(data):
        key = path.rsplit(".", 1)[-1]
        if isinstance(value, dict) and key in QUANTITY_KEYS:
            assert set(value) == {"value", "unit"} and value["unit"] in UNITS, (path, value)
            assert isinstance(value["value"], int | float) and not isinstance(value["value"], bool), (path, value)
            assert math.isfinite(value["value"]) and value["value"] >= 0, (path, value)
        elif key in DATE_KEYS and not isinstance(value, dict):
            assert value is None or (isinstance(value, str) and ISO_DAY.match(value)), (path, value)
        elif isinstance(value, str):
            assert not REPRS.search(value), (path, value)
    for sanction in data["sanctions"]:
        prev = _KEYS.setdefault("sanction", frozenset(sanction))
        assert frozenset(sanction) == prev, sorted(frozenset(sanction) ^ prev)


@props
@given(incidents(), st.integers(0, 4000))
def test_returned_quantities_are_unchangeable(incident: kz.Incident, days: int) -> None:
    """Every quantity an assessment hands out refuses conversion in place, and the next answer for
    the same facts is the same."""
    decided = _decision(incident, days)
    assessment = kz.assess(incident, decided)
    before = assessment.to_dict()
    quantities = [q for s in assessment.sanctions for q in (s.minimum, s.maximum, s.minimum_kzt, s.maximum_kzt)
                  if q is not None]
    if assessment.governing is not None:
        quantities += [q for s in assessment.governing.sanctions for q in (s.minimum, s.maximum) if q is not None]
    for quantity in quantities:
        with pytest.raises(kz.AmountError):
            quantity.ito_base_units()
    assert kz.assess(incident, decided).to_dict() == before


BAD_DAYS = st.dates(max_value=dt.date(1991, 12, 15)) | st.dates(min_value=dt.date(2100, 1, 1))


@props
@given(BAD_DAYS, st.sampled_from(["act", "decision"]))
def test_out_of_range_dates_are_named_in_iso(day: dt.date, which: str) -> None:
    """docs/api.md: acts and decisions lie from 1991-12-16 to 2099-12-31; the error "names the
    value and what was expected" as the person wrote it."""
    with pytest.raises(kz.InvalidIncident) as caught:
        if which == "act":
            kz.Incident(act_date=day, conduct="insult")
        else:
            kz.assess(kz.Incident(act_date="2020-01-01", conduct="insult"), day)
    message = str(caught.value)
    assert day.isoformat() in message and "1991-12-16" in message and "2099-12-31" in message, message
    assert not REPRS.search(message), message


@props
@given(st.text(min_size=1, max_size=12).filter(lambda t: t.strip().casefold() not in {m.value for m in facts.Conduct}),
       st.sampled_from(["en", "ru", "kk"]))
def test_cli_one_line_for_an_unknown_conduct(conduct: str, lang: str) -> None:
    """docs/api.md, command line: "Exit 0 on success, 2 on bad input with a one-line message on
    stderr, never a traceback", in every language."""
    import contextlib
    import io

    from kzspeechlaw.cli.commands import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(["classify", "--act-date", "2020-01-01", "--conduct", conduct, "--lang", lang])
    text = err.getvalue()
    if status == 0:  # a blank-like value some spelling reads as a known conduct
        return
    assert status == 2, text
    assert len(text.rstrip("\n").split("\n")) == 1 and "Traceback" not in text, text


# --- determinism across processes, call order and the compiled-data cache ----------------------------


_ORDER_PROGRAM = """
import datetime as dt, json, sys, warnings
warnings.simplefilter("ignore")
import kzspeechlaw as kz
cases = json.loads(sys.argv[1])
out = {}
for i in (reversed(range(len(cases))) if sys.argv[2] == "reverse" else range(len(cases))):
    incident, decided = cases[i]
    try:
        out[str(i)] = kz.assess(kz.Incident.from_dict(incident), decided).to_json()
    except kz.LawError as error:
        out[str(i)] = "error: " + str(error)
print(json.dumps(out, sort_keys=True))
"""


def test_answers_do_not_depend_on_order_or_the_data_cache() -> None:
    """The same facts give the same JSON whether assessed first or last, in this process or a new
    one, with the compiled data cache or without it (``KZSPEECHLAW_CACHE=0``)."""
    import os
    import subprocess
    import sys

    cases: list[tuple[dict[str, Any], str]] = [
        ({"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}, "2021-06-01"),
        ({"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}, "2019-06-01"),
        ({"act_date": "2020-03-26", "conduct": "false_information", "channel": "telecom_network",
          "circumstances": ["emergency"]}, "2020-06-22"),
        ({"act_date": "2010-05-05", "conduct": "insult", "channel": "mass_media"}, "2012-01-01"),
        ({"act_date": "2021-02-01", "conduct": "incitement_of_discord", "discord": ["national"],
          "channel": "telecom_network"}, "2022-02-01"),
        ({"act_date": "2023-09-01", "conduct": "insult", "target": "authority_representative"}, "2024-01-10"),
        ({"act_date": "2016-05-05", "conduct": "slander", "target": "judge", "allegation": "grave_crime"},
         "2025-01-01"),
        ({"act_date": "2020-07-09", "conduct": "slander", "channel": "mass_media"}, "2020-07-10"),
    ]
    here = {str(i): kz.assess(kz.Incident.from_dict(inc), on).to_json() for i, (inc, on) in enumerate(cases)}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = []
    for order, cache in (("forward", "1"), ("reverse", "1"), ("reverse", "0")):
        done = subprocess.run([sys.executable, "-c", _ORDER_PROGRAM, json.dumps(cases), order],
                              env={**env, "KZSPEECHLAW_CACHE": cache}, capture_output=True, text=True, timeout=300,
                              check=True)
        runs.append(json.loads(done.stdout))
    for run in runs:
        assert run == here


# --- Assessment.check: amounts no sentence can have --------------------------------------------------


@pytest.mark.parametrize("magnitude", [-5, -0.5, float("nan"), float("inf"), 10**5000, 1j],
                         ids=["-5", "-0.5", "nan", "inf", "10**5000", "1j"])
def test_check_refuses_an_amount_no_sentence_can_have(magnitude: Any) -> None:
    """``Assessment.check(kind, amount)`` answered ``below_minimum`` for a fine of -5 MCI and raised
    Python's ValueError/OverflowError for NaN, infinity and a 5001-digit number. docs/api.md: a value
    the library cannot use raises ``AmountError`` naming it."""
    assessment = kz.assess(kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network"),
                           decided_on="2019-06-01")
    with pytest.raises(kz.AmountError, match="the sentence") as caught:
        assessment.check("fine", kz.ureg.Quantity(magnitude, "MCI"))
    assert "MCI" in str(caught.value) and "<Quantity" not in str(caught.value)


def test_check_still_weighs_real_sentences() -> None:
    """CC 2014 Art. 130(2) (2019 text): «…наказывается штрафом в размере до двух тысяч месячных
    расчетных показателей … либо лишением свободы на срок до двух лет»."""
    assessment = kz.assess(kz.Incident(act_date="2019-03-15", conduct="slander", channel="telecom_network"),
                           decided_on="2019-06-01")
    assert assessment.check("imprisonment", 1 * kz.ureg.year).verdict == "within"
    assert assessment.check("fine", 3000 * kz.ureg.MCI).verdict == "above_maximum"
    assert assessment.check("fine", 0 * kz.ureg.MCI).verdict == "below_minimum"


# --- classify outside the data ----------------------------------------------------------------------


@pytest.mark.parametrize("on", ["1800-01-01", "1995-03-15", "1997-12-31"])
def test_classify_before_the_data_begins_is_no_answer(on: str) -> None:
    """Before 1998-01-01 no code the data models was in force («…Уголовным кодексом Казахской ССР
    от 22 июля 1959 года (с изменениями и дополнениями, внесенными до 1 января 1998 года)…»,
    Amnesty Law of 07.12.2021 No. 81-VII): ``kz.classify`` answered ``()``, which reads as "no
    provision covers the facts"; ``kz.assess`` already says ``outside_scope``."""
    incident = kz.Incident(act_date="2019-03-15", conduct="slander", channel="mass_media")
    with pytest.raises(kz.OutOfCoverage, match="1998-01-01") as caught:
        kz.classify(incident, on=on)
    assert on in str(caught.value)
    early = kz.Incident(act_date=on, conduct="slander", channel="mass_media") if on >= "1991-12-16" else None
    if early is not None:
        with pytest.raises(kz.OutOfCoverage):
            kz.classify(early)
        assert kz.assess(early, decided_on="1999-01-01").outcome == "outside_scope"


def test_classify_after_the_data_is_current_warns() -> None:
    """As ``kz.provision`` does for a date after the data's current-to date."""
    incident = kz.Incident(act_date="2019-03-15", conduct="slander", channel="mass_media")
    with pytest.warns(kz.StaleDataWarning):
        found = kz.classify(incident, on="2090-01-01")
    assert [str(m.provision.ref) for m in found] == ["AOC2014 73-3(2)"]


def test_classify_from_the_first_day_of_the_data() -> None:
    """CC 1997 Art. 129(2): «Клевета, содержащаяся в публичном выступлении, … либо в средствах массовой
    информации» (statutes/cc1997/129.md)."""
    incident = kz.Incident(act_date="1998-01-01", conduct="slander", channel="mass_media")
    assert [str(m.provision.ref) for m in kz.classify(incident)] == ["CC1997 129(2)"]
