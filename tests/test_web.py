"""The JSON API and the page through Starlette's test client (the ``web`` extra).

Expected figures are the statute's: CC 2014 Art. 130(2) in the wording of Law 419-V (a fine of up
to 2 000 MCI; imprisonment up to 2 years), the floor of 200 MCI of Art. 41(2), the MCI of 2019
(2 525 tenge), the repeal of Art. 130 by Law No. 349-VI from 10.07.2020. Where the API must answer
as the library does, the test compares the two.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # newer Starlette prefers httpx2 for its test client
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import kzspeechlaw as kz
from kzspeechlaw import export
from kzspeechlaw.cli import commands as cli
from kzspeechlaw.registers import batch
from kzspeechlaw.registers import reading as register_mod
from kzspeechlaw.web import app as web_app
from kzspeechlaw.web import form, i18n, page

SLANDER = {"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network"}


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(web_app.create_app(), raise_server_exceptions=False)


def _cli_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(argv) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("kzspeechlaw: error: ")
    return line.removeprefix("kzspeechlaw: error: ")


# --- lookups -----------------------------------------------------------------------------------


def test_provision_in_force_with_tenge(client: TestClient) -> None:
    r = client.get("/api/provision", params={"ref": "ч. 2 ст. 130 УК РК", "on": "2019-03-15"})
    assert r.status_code == 200
    data = r.json()
    assert data["ref"] == "CC2014 130(2)" and data["act"] == "419-V" and data["repealed_by"] == "349-VI"
    fine = data["sanctions"][0]
    assert fine["kind"] == "fine" and fine["maximum"] == {"value": 2000, "unit": "MCI"}
    assert fine["maximum_kzt"] == {"value": 2000 * 2525, "unit": "KZT"}
    library = export.provision_dict(kz.provision("CC2014 130(2)", "2019-03-15"), mci_date=dt.date(2019, 3, 15))
    assert data == {**library, "on": "2019-03-15", "schema": export.SCHEMA}


def test_lookups_answer_as_the_command_line(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    for url, argv in [
        ("/api/provision?ref=CC2014 130(2)&on=2019-03-15", ["show", "CC2014 130(2)", "--on", "2019-03-15"]),
        ("/api/history?ref=CC2014 130(2)", ["history", "CC2014 130(2)"]),
        ("/api/compare?ref=CC2014 130(2)&from=2019-01-01&to=2020-08-01",
         ["compare", "CC2014 130(2)", "2019-01-01", "2020-08-01"]),
        ("/api/mci?on=2019-03-15", ["mci", "2019-03-15"]),
        ("/api/coverage", ["coverage"]),
        ("/api/timeline?ref=CC2014 130(2)", ["timeline", "CC2014 130(2)"]),
    ]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text)
        assert cli.main([*argv, "--json"]) == 0
        assert r.json() == json.loads(capsys.readouterr().out), url


def test_statute_figures_through_the_api(client: TestClient) -> None:
    assert client.get("/api/mci", params={"on": "2019-03-15"}).json()["kzt"] == 2525
    history = client.get("/api/history", params={"ref": "CC2014 130(2)"}).json()
    assert history[0]["valid_from"] == "2015-01-01"  # the Criminal Code 2014 took effect on 1 January 2015
    assert history[-1]["valid_to"] == "2020-07-10"  # repealed by Law No. 349-VI from 10.07.2020
    change = client.get("/api/compare", params={"ref": "CC2014 130(2)", "from": "2019-01-01", "to": "2021-01-01"})
    assert change.json()["differences"] == [{"field": "in force", "before": "yes", "after": "no"}]
    r = client.get("/api/provision", params={"ref": "CC2014 130(2)", "on": "2021-01-01"})
    assert r.status_code == 404 and "AOC2014 73-3(2)" in r.json()["error"]  # where the conduct went
    timeline = client.get("/api/timeline", params={"ref": "CC2014 130(2)"}).json()
    assert timeline[-1]["ref"] == "AOC2014 73-3(2)" and timeline[-1]["successor_of"] == "CC2014 130(2)"


@pytest.mark.parametrize(("url", "status", "argv"), [
    ("/api/provision?ref=CC2014 130(2)&on=2019-02-30", 400, ["show", "CC2014 130(2)", "--on", "2019-02-30"]),
    ("/api/provision?ref=CC2014 999(9)&on=2019-03-15", 404, ["show", "CC2014 999(9)", "--on", "2019-03-15"]),
    ("/api/provision?ref=CC2014 130(2)&on=2021-03-15", 404, ["show", "CC2014 130(2)", "--on", "2021-03-15"]),
    ("/api/history?ref=not a citation", 400, ["history", "not a citation"]),
    ("/api/mci?on=1990-01-01", 400, ["mci", "1990-01-01"]),
])
def test_bad_lookups_get_the_command_line_message(
    client: TestClient, capsys: pytest.CaptureFixture[str], url: str, status: int, argv: list[str]
) -> None:
    r = client.get(url)
    assert r.status_code == status
    message = r.json()["error"]
    assert "\n" not in message
    if argv[0] == "show" and "02-30" in argv[-1]:  # the same words; the API names its parameter
        assert cli.main(argv) == 2
        assert message.startswith("on must be ") and message.removeprefix("on ") in capsys.readouterr().err
        return
    assert message == _cli_error(argv, capsys)


def test_missing_parameter_is_named(client: TestClient) -> None:
    r = client.get("/api/provision", params={"ref": "CC2014 130(2)"})
    assert r.status_code == 400 and "'on'" in r.json()["error"]


@pytest.mark.parametrize(("url", "words"), [
    ("/api/compare", ["/api/compare", "'ref' is missing", "CC2014 130(2)"]),
    ("/api/compare?ref=CC2014 130(2)&to=2019-01-01", ["/api/compare", "'from' is missing", "YYYY-MM-DD"]),
    ("/api/compare?ref=CC2014 130(2)&first=2019-01-01", ["/api/compare", "'first' is '2019-01-01'",
                                                         "one of the parameters ref, from, to"]),
    ("/api/timeline", ["/api/timeline", "'ref' is missing"]),
    ("/api/mci?on=2020-01-01&purpose=rent", ["/api/mci", "'purpose' is 'rent'", "fines"]),
    ("/api/classify?lang=de", ["/api/classify", "'lang' is 'de'", "ru"]),
])
def test_a_query_parameter_is_never_called_an_incident_field(client: TestClient, url: str, words: list[str]) -> None:
    r = client.post(url, json=SLANDER) if "classify" in url else client.get(url)
    message = r.json()["error"]
    assert r.status_code == 400 and "incident" not in message
    assert all(word in message for word in words), message


@pytest.mark.parametrize(("method", "url", "words"), [
    # a misspelt decision date is refused, not ignored (the document's own date would answer)
    ("post", "/api/assess?decided=2021-01-01", ["/api/assess", "'decided' is '2021-01-01'", "decided_on"]),
    ("post", "/api/classify?on=2019-03-15&on=2021-01-01", ["'on' is '2019-03-15, 2021-01-01'", "one value"]),
    ("get", "/api/provision?ref=CC2014 130(2)&on=2019-09-23&lang=ru", ["'lang' is 'ru'", "ref, on"]),
    ("get", "/api/coverage?on=2019-09-23", ["/api/coverage", "'on'", "no query parameter"]),
    ("post", "/api/batch?full=on", ["/api/batch", "'full' is 'on'", "true or false"]),
])
def test_a_query_parameter_the_route_does_not_take_is_refused(
    client: TestClient, method: str, url: str, words: list[str]
) -> None:
    r = client.post(url, json={**SLANDER, "decided_on": "2019-09-23"}) if method == "post" else client.get(url)
    message = r.json()["error"]
    assert r.status_code == 400 and "\n" not in message
    assert all(word in message for word in words), message


def test_every_route_takes_the_parameters_its_description_lists(client: TestClient) -> None:
    assert client.head("/api/provision?ref=CC2014 130(2)&on=2019-09-23").status_code == 200
    r = client.post("/api/batch?full=no&decided_on=2019-09-23&format=jsonl&encoding=utf-8",
                    content=json.dumps({**SLANDER, "id": 1}).encode())
    assert r.status_code == 200 and "trace" not in json.loads(r.text)
    r = client.post("/api/classify?on=2019-03-15&lang=kk", json=SLANDER)
    assert r.status_code == 200


def test_the_api_answers_under_a_path_prefix() -> None:
    # Behind a reverse proxy (uvicorn --root-path /kz) or mounted in another application, a route's
    # parameters are still its own: the prefix is not part of the route's path.
    from starlette.applications import Starlette
    from starlette.routing import Mount

    query = {"ref": "CC2014 130(2)", "on": "2019-09-23"}
    for app, url in ((Starlette(routes=[Mount("/kz", app=web_app.create_app())]), "/kz/api/provision"),
                     (web_app.create_app(), "/api/provision")):
        with TestClient(app, root_path="/kz" if url.startswith("/api") else "") as prefixed:
            r = prefixed.get(url, params=query)
            assert r.status_code == 200 and r.json()["ref"] == "CC2014 130(2)"
            r = prefixed.get(url, params={**query, "lang": "ru"})
            assert r.status_code == 400 and "'lang'" in r.json()["error"]


# --- documents ---------------------------------------------------------------------------------


def test_classify_and_assess_a_2019_slander(client: TestClient) -> None:
    matches = client.post("/api/classify", params={"lang": "ru"}, json=SLANDER).json()
    assert [m["ref"] for m in matches] == ["CC2014 130(2)"] and matches[0]["title"] == "Клевета"
    decided_2019 = client.post("/api/assess", json={**SLANDER, "decided_on": "2019-09-23"}).json()
    assert decided_2019["outcome"] == "liable" and decided_2019["governing"] == "CC2014 130(2)"
    fine = decided_2019["sanctions"][0]
    assert (fine["kind"], fine["minimum_kzt"]["value"], fine["maximum_kzt"]["value"]) == ("fine", 505_000, 5_050_000)
    decided_2021 = client.post("/api/assess", params={"decided_on": "2021-09-23"}, json=SLANDER).json()
    assert decided_2021["outcome"] == "decriminalised" and decided_2021["governing"] is None


@pytest.mark.parametrize("document", [
    {"act_date": "1995-03-12", "conduct": "slander", "channel": "mass_media"},
    {"act_date": "2025-03-12", "conduct": "disclosure_of_minor_data", "channel": "private", "target": "president",
     "offender": "official"},
    {"act_date": "2021-03-15", "conduct": "incitement_of_discord", "channel": "private", "discord": ["national"]},
])
def test_classify_outside_the_scope_answers_as_the_command_line(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], document: dict[str, Any]
) -> None:
    """``/api/classify`` and ``classify --json`` share one form: an object naming why outside the
    modelled scope, the list (here empty: no modelled provision) inside it."""
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert cli.main(["classify", "--file", str(path), "--json"]) == 0
    command = json.loads(capsys.readouterr().out)
    assert client.post("/api/classify", json=document).json() == command
    assert (command == []) is (document["conduct"] == "incitement_of_discord")


def test_assess_answers_as_the_library_and_the_command_line(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = {**SLANDER, "decided_on": "2019-09-23", "id": "case 1"}
    r = client.post("/api/assess", content=json.dumps(document).encode("utf-8"))
    library = kz.assess(kz.Incident.from_dict(SLANDER), "2019-09-23").to_dict()
    assert r.json() == library
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert cli.main(["assess", "--file", str(path), "--json"]) == 0
    assert r.json() == json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("document", [
    {**SLANDER, "conduct": "gossip", "decided_on": "2019-09-23"},
    {**SLANDER, "mood": "angry", "decided_on": "2019-09-23"},
    {**SLANDER, "decided_on": 2019},
    SLANDER,  # no decision date anywhere
    [1, 2],
])
def test_bad_documents_get_a_400_with_one_line(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any
) -> None:
    r = client.post("/api/assess", content=json.dumps(document).encode("utf-8"))
    assert r.status_code == 400
    message = r.json()["error"]
    assert "\n" not in message and "Traceback" not in message
    if isinstance(document, dict) and "decided_on" in document:  # the command line reads the same file
        path = tmp_path / "incident.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert message == _cli_error(["assess", "--file", str(path)], capsys)


def test_not_json_and_too_large_bodies(client: TestClient) -> None:
    r = client.post("/api/assess", content=b"{not json")
    assert r.status_code == 400 and r.json()["error"].startswith("invalid incident field 'body'")
    r = client.post("/api/assess", content=b" " * (web_app.MAX_BODY + 1))
    assert r.status_code == 413 and str(web_app.MAX_BODY) in r.json()["error"]
    r = client.post("/api/classify", content=b"{}", headers={"content-length": str(10 * web_app.MAX_BODY)})
    assert r.status_code in (400, 413)


def test_an_unexpected_error_is_a_500_without_traceback(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(web_app.kzspeechlaw, "assess", broken)
    r = client.post("/api/assess", json={**SLANDER, "decided_on": "2019-09-23"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error (RuntimeError('boom')); please report it"}
    r = client.get("/", params={**SLANDER, "decided_on": "2019-09-23"})
    assert r.status_code == 500 and "Traceback" not in r.text and "boom" in r.text


def test_batch_streams_one_record_per_row_as_the_command_line(
    client: TestClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = ("id,act_date,conduct,channel,decided_on\n"
                "A,2019-03-15,slander,telecom_network,2019-09-23\n"
                "B,2019-03-15,slander,telecom_network,2021-09-23\n"
                "C,not a date,slander,,\n")
    r = client.post("/api/batch", content=register.encode("utf-8"), params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in r.text.splitlines()]
    assert [rec["id"] for rec in records] == ["A", "B", "C"]
    assert [rec.get("outcome") for rec in records] == ["liable", "decriminalised", None]
    assert records[0]["fine_kzt"] == {"min": 505_000, "max": 5_050_000}
    assert records[2]["error"]["field"] == "act_date"
    path = tmp_path / "register.csv"
    path.write_text(register, encoding="utf-8")
    assert cli.main(["batch", str(path), "--workers", "1"]) == 0
    assert r.text == capsys.readouterr().out
    library = b"".join(c.output for c in batch.run(register_mod.read_register(io.BytesIO(register.encode()))))
    assert r.content == library


def test_batch_full_records_and_a_bad_header(client: TestClient) -> None:
    line = json.dumps({**SLANDER, "id": 7})
    r = client.post("/api/batch", content=line.encode(), params={"full": "true", "decided_on": "2019-09-23"})
    record = json.loads(r.text)
    assert (record["id"], record["outcome"]) == (7, "liable") and record["trace"]
    r = client.post("/api/batch", content=b"id,when,conduct\n1,2019-03-15,slander\n")  # no act_date column
    assert r.status_code == 400 and r.json()["error"].startswith("invalid incident field 'column': 'act_date'")


def test_openapi_describes_every_route_with_the_shipped_incident_schema(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == {"/api/provision", "/api/history", "/api/timeline", "/api/compare", "/api/mci",
                                 "/api/coverage", "/api/classify", "/api/assess", "/api/batch"}
    shipped = json.loads((Path(kz.__file__).parent / "law" / "data" / "incident.schema.json").read_text("utf-8"))
    shipped.pop("$schema")
    assert doc["components"]["schemas"]["Incident"] == shipped


def test_nothing_is_written_on_the_server(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    client.post("/api/batch", content=b"id,act_date,conduct\n1,2019-03-15,insult\n", params={"decided_on": "2019-09-23"})
    client.post("/api/assess", json={**SLANDER, "decided_on": "2019-09-23"})
    client.get("/", params={**SLANDER, "decided_on": "2019-09-23", "compare_on": "2021-09-23"})
    assert list(tmp_path.iterdir()) == []


def test_a_decision_after_the_data_carries_the_stale_data_warning(client: TestClient) -> None:
    current_to = kz.coverage().current_to
    later = (current_to + dt.timedelta(days=30)).isoformat()
    r = client.post("/api/assess", json={**SLANDER, "decided_on": later})
    assert r.status_code == 200 and current_to.isoformat() in r.headers["x-kzspeechlaw-warning"]
    r = client.post("/api/assess", json={**SLANDER, "decided_on": "2019-09-23"})
    assert "x-kzspeechlaw-warning" not in r.headers
    text = client.get("/", params={**SLANDER, "decided_on": later}).text
    assert 'class="warn"' in text and f"current to {current_to.isoformat()}" in text


# --- the page ----------------------------------------------------------------------------------


def test_page_form_and_result_in_three_languages(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and '<html lang="en">' in r.text and 'for="act_date"' in r.text
    assert "script-src" not in r.headers["content-security-policy"] and "<script" not in r.text
    query = {**SLANDER, "decided_on": "2019-09-23"}
    en = client.get("/", params=query).text
    assert 'data-outcome="liable"' in en and "505\u00a0000 KZT – 5\u00a0050\u00a0000 KZT" in en
    # Art. 130(2) was last in force on 9 July 2020: Law No. 349-VI repealed it from 10 July 2020.
    assert "version in force from 2016-01-01 to 2020-07-09; Law 419-V" in en
    assert 'href="https://zan.gov.kz/' in en
    ru = client.get("/", params={**query, "lang": "ru"}).text
    assert "Ответственность наступает" in ru and "исправительные работы" in ru and "лишение свободы" in ru
    kk = client.get("/", params={**query, "lang": "kk"}).text
    assert "Жауаптылық туындайды" in kk and "айыппұл" in kk and "бас бостандығынан айыру" in kk


def test_page_compare_and_permalink(client: TestClient) -> None:
    query = {**SLANDER, "decided_on": "2019-09-23", "compare_on": "2021-09-23", "lang": "ru"}
    text = client.get("/", params=query).text
    assert 'id="outcome-1" data-outcome="liable"' in text and 'id="outcome-2" data-outcome="decriminalised"' in text
    assert "<svg" in text
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    link = form.permalink({k: [v] for k, v in query.items()})
    assert client.get(link).text == text


def test_page_errors_are_shown_in_words_with_a_400(client: TestClient) -> None:
    r = client.get("/", params={**SLANDER, "conduct": "gossip", "decided_on": "2019-09-23"})
    assert r.status_code == 400 and "invalid incident field &#x27;conduct&#x27;" in r.text
    r = client.get("/", params=SLANDER)
    assert r.status_code == 400 and "decided_on" in r.text


def test_an_outcome_the_page_does_not_know_is_shown_by_its_code() -> None:
    result = kz.assess(kz.Incident.from_dict(SLANDER), "2019-09-23").to_dict() | {"outcome": "undetermined_kind"}
    html = page.render({}, [result], None, "ru")
    assert 'data-outcome="undetermined_kind"' in html and ">undetermined kind<" in html
    assert i18n.outcome("undetermined_kind", "kk") == "undetermined kind"


def test_every_outcome_kind_and_category_has_words_in_every_language() -> None:
    from kzspeechlaw.law.model import Category, Penalty
    from kzspeechlaw.reasoning.results import Outcome

    for lang in ("ru", "kk"):  # a word of its own, not the code name
        for code in Outcome:
            assert i18n.outcome(code, lang) not in (code, code.replace("_", " "), i18n.outcome(code, "en"))
        for kind in Penalty:
            assert i18n.penalty(kind.value, lang) not in (kind.value.replace("_", " "), i18n.penalty(kind.value, "en"))
        for cat in Category:
            assert i18n.category(cat.value, lang) not in (cat.value.replace("_", " "), i18n.category(cat.value, "en"))


@pytest.mark.parametrize(("number", "unit", "lang", "text"), [
    (1, "year", "ru", "1 год"), (2, "year", "ru", "2 года"), (5, "year", "ru", "5 лет"), (21, "year", "ru", "21 год"),
    (11, "month", "ru", "11 месяцев"), (6, "month", "ru", "6 месяцев"), (20, "day", "kk", "20 тәулік"),
    (505000, "KZT", "en", "505\u00a0000 KZT"), (2, "year", "en", "2 years"), (1, "hour", "en", "1 hour"),
])
def test_amounts_in_words(number: int, unit: str, lang: str, text: str) -> None:
    assert i18n.amount(number, unit, lang) == text


# --- the command line --------------------------------------------------------------------------


def test_serve_is_a_command_and_importing_the_cli_stays_light() -> None:
    code = ("import sys, kzspeechlaw.cli.commands, kzspeechlaw.cli.parser as c; "
            "c.build_parser().parse_args(['serve', '--port', '8123']); "
            "assert not any(m.split('.')[0] in ('starlette', 'uvicorn', 'httpx') or m.startswith('kzspeechlaw.web') "
            "for m in sys.modules), sorted(m for m in sys.modules if 'web' in m or 'star' in m)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_serve_without_the_extra_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert cli.main(["serve", "--port", "8123"]) == 2
    assert capsys.readouterr().err.strip() == (
        "kzspeechlaw: error: serving needs the 'web' extra: pip install 'kzspeechlaw[web]'")


def test_serve_passes_host_and_port(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(kwargs))
    assert cli.main(["serve"]) == 0
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "9000"]) == 0
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 9000)


def test_the_sentencing_facts_move_the_range_on_the_page(client: TestClient) -> None:
    # Mambetalin (CC 2014 174(1), decided 2016-03-30): with a mitigating and no aggravating
    # circumstance, Art. 55(6) allows restriction of freedom below its 2-year minimum.
    query = {"act_date": "2015-10-01", "conduct": "incitement_of_discord", "discord": "national",
             "channel": "telecom_network", "decided_on": "2016-03-30", "mitigating": "yes", "aggravating": "no",
             "lang": "ru"}
    html = client.get("/", params=query).text
    assert "Смягчающие обстоятельства" in html and "Что суд вправе назначить" in html
    assert "CC2014 55(6)" in html and 'data-route="reconciliation"' in html
    assert "Что суд вправе назначить" not in client.get("/", params={**query, "mitigating": ""}).text
