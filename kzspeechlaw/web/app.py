"""The ASGI application: the page at ``/`` and the JSON API under ``/api/``.

Every answer comes from the library's public functions; the JSON is what the command line's
``--json`` prints. Bad input gets a 4xx with the command line's one-line message
(``{"error": "..."}``), a fault of the program a 500 with one line and no traceback. Request
bodies are limited in size; nothing is written on the server.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import warnings
from collections.abc import Iterator
from html import escape
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

import kzspeechlaw
from kzspeechlaw import export, terms, timelines
from kzspeechlaw.dates import user_date
from kzspeechlaw.errors import (
    InvalidIncident,
    InvalidParameter,
    LawError,
    NotInForce,
    RegisterWarning,
    UnknownProvision,
    message,
)
from kzspeechlaw.i18n import N_, Message, has_english, render
from kzspeechlaw.law.coverage_report import stale_message
from kzspeechlaw.law.monthly_index import PURPOSES, mci_value
from kzspeechlaw.reasoning.assessment import classification_json
from kzspeechlaw.reasoning.classification import matching_parts
from kzspeechlaw.reasoning.fields import yes_no
from kzspeechlaw.reasoning.incident import DECIDED_AFTER
from kzspeechlaw.registers import batch
from kzspeechlaw.registers import reading as register_mod
from kzspeechlaw.web import form, i18n, page

MAX_BODY = 1_048_576
"""The largest request body of ``/api/classify`` and ``/api/assess`` (1 MiB, as an incident file)."""

MAX_REGISTER = 16 * 1_048_576
"""The largest register ``/api/batch`` takes in one request (16 MiB)."""


class BodyTooLarge(Exception):
    """A request body over the limit of its route."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body larger than {limit} bytes")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _json(value: Any, warn_on: dt.date | None = None) -> JSONResponse:
    """``value`` as JSON; a decision after the data's current-to date carries the stale-data warning
    in a header (the body stays what the library returns)."""
    response = JSONResponse(value)
    message = stale_message(warn_on) if warn_on is not None else None
    if message:
        response.headers["X-Kzspeechlaw-Warning"] = _header(message)
    return response


def _header(text: str) -> str:
    """A warning as an ``X-Kzspeechlaw-Warning`` header holds it: ASCII, each other character as its
    backslash escape (a header is Latin-1; the escape keeps the text whole)."""
    return text.encode("ascii", "backslashreplace").decode("ascii")


_EXPECTED = {
    "ref": "an article part, e.g. ref=CC2014 130(2)",
    "on": "a date, YYYY-MM-DD or DD.MM.YYYY",
    "from": "a date, YYYY-MM-DD or DD.MM.YYYY",
    "to": "a date, YYYY-MM-DD or DD.MM.YYYY",
}


def _optional(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    return value.strip() if value is not None and value.strip() else None


def _param(request: Request, name: str) -> str:
    value = _optional(request, name)
    if value is None:
        raise InvalidParameter(request.url.path, name, None, _EXPECTED.get(name, "a value"))
    return value


def _date_param(request: Request, name: str) -> dt.date:
    return user_date(_param(request, name), name)


def _optional_date(request: Request, name: str) -> dt.date | None:
    value = _optional(request, name)
    return user_date(value, name) if value is not None else None


def known_names(path: str) -> tuple[str, ...]:
    """The query parameters of the route at ``path`` (under no prefix): the page's fields
    (:data:`~kzspeechlaw.web.form.PAGE_FIELDS`), an API route's as its OpenAPI description lists
    them; none for another path."""
    if path == "/":
        return form.PAGE_FIELDS
    methods = openapi_document()["paths"].get(path)
    if not methods:
        return ()
    return tuple(p["name"] for operation in methods.values() for p in operation.get("parameters", ()))


def canonical_query(path: str, query: bytes) -> bytes:
    """``query`` (a URL's query string) with each parameter named as its route names it where it is
    written in other letter case (``Lang=ru`` is ``lang=ru``, ``Decided_On`` is ``decided_on``): no
    two names of a route differ in case alone (a test checks), so the case never decides between
    two. Only ASCII names are read so: a look-alike letter outside ASCII is not a case (the page
    refuses it as a field it resembles, the API as an unknown parameter). The query as it is where
    no name is renamed."""
    from urllib.parse import parse_qsl, urlencode

    names = {name.lower(): name for name in known_names(path)}
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    renamed = [(names.get(name.lower(), name) if name.isascii() else name, value) for name, value in pairs]
    return query if renamed == pairs else urlencode(renamed).encode("latin-1")


class _CanonicalNames:
    """Names each query parameter as its route names it, whatever its letter case
    (:func:`canonical_query`), before the route reads it: the page and the API alike."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            path, root = scope["path"], scope.get("root_path", "")
            if root and path.startswith(root + "/"):  # served under a prefix (a proxy's root path, a Mount)
                path = path[len(root):]
            scope = {**scope, "query_string": canonical_query(path, scope["query_string"])}
        await self.app(scope, receive, send)


def _only_known(request: Request) -> None:
    """Refuse a query parameter the route does not take, or one given twice (a misspelt
    ``decided_on`` would otherwise be ignored, and the answer given for another date): the
    route's parameters are those its OpenAPI description lists (:func:`openapi_document`)."""
    path, root = request.scope["path"], request.scope.get("root_path", "")
    if root and path.startswith(root + "/"):  # served under a prefix (a proxy's root path, a Mount)
        path = path[len(root):]
    (operation,) = openapi_document()["paths"][path].values()  # one method a route (GET answers HEAD too)
    names = [p["name"] for p in operation.get("parameters", ())]
    for name in dict.fromkeys(request.query_params.keys()):
        values = request.query_params.getlist(name)
        if name not in names:
            raise InvalidParameter(path, name, values[0], f"one of the parameters {', '.join(names)}" if names
                                   else "no query parameter")
        if len(values) > 1:
            raise InvalidParameter(path, name, ", ".join(values), "one value")


def _flag_param(request: Request, name: str) -> bool:
    """A yes/no query parameter, in the words a register's cell takes (:func:`~kzspeechlaw.reasoning.
    fields.yes_no`: ``true``, ``1``, ``да`` ...); absent, no."""
    value = _optional(request, name)
    found = yes_no(value) if value is not None else False
    if found is None:
        raise InvalidParameter(request.url.path, name, value, "true or false")
    return found


def _lang(request: Request) -> str:
    value = request.query_params.get("lang", "en")
    if value not in i18n.LANGS:
        raise InvalidParameter(request.url.path, "lang", value, f"one of {', '.join(i18n.LANGS)}")
    return value


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes, before or while it is read."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _document(raw: bytes) -> dict[str, Any]:
    """An incident document read as the command line reads ``--file``."""
    text = register_mod.decode_document(raw, "body")
    data = register_mod.decode("jsonl", (), text.replace("\n", " ").replace("\r", " "))
    if isinstance(data, register_mod.Unreadable):
        raise InvalidIncident("body", "<request body>", f"a JSON object with the incident's fields ({data.message})")
    assert isinstance(data, dict)
    return data


# --- the page ----------------------------------------------------------------------------------


def home(request: Request) -> HTMLResponse:
    """The form and, when the facts are given, the assessment (or two, to compare)."""
    query = {name: request.query_params.getlist(name) for name in form.PAGE_FIELDS}
    lang = i18n.lang_of(form.first(query, "lang"))
    results: list[dict[str, Any]] = []
    error = None
    if form.first(query, "act_date") or form.first(query, "conduct"):
        try:
            form.check_read(list(request.query_params.multi_items()))
            incident = kzspeechlaw.Incident.from_dict(form.incident_data(query))
            query = form.as_assessed(query, incident)  # the form and the links state the facts as assessed
            days = [form.first(query, "decided_on")]
            if not days[0]:
                raise InvalidIncident("decided_on", None, N_("a decision date (YYYY-MM-DD)"))
            if form.first(query, "compare_on"):
                days.append(form.first(query, "compare_on"))
            for name, day in zip(("decided_on", "compare_on"), days, strict=False):
                try:
                    results.append(_for_page(kzspeechlaw.assess(incident, user_date(day, name)), lang))
                except InvalidIncident as bad:  # the date of the second decision: named as its field
                    if name == "decided_on":
                        raise
                    if bad.field == "decided_on":
                        raise InvalidIncident(name, bad.value, bad.expected) from None
                    if bad.field in DECIDED_AFTER:  # a case opened or referred after the second decision
                        raise InvalidIncident(name, day, Message("a date on or after {field} {value}",
                                                                 field=bad.field, value=bad.value)) from None
                    raise
        except LawError as law_error:
            error, results = message(law_error, lang), []
    html = page.render(query, results, error, lang)
    return HTMLResponse(html, status_code=400 if error else 200, headers=PAGE_HEADERS)


def _for_page(a: kzspeechlaw.Assessment, lang: str) -> dict[str, Any]:
    """The assessment's JSON form with its notes and steps written in ``lang`` (the API's JSON
    keeps them in English): each as ``{"text", "lang", "english"}`` under ``notes_shown`` and
    ``trace_shown``, ``lang`` being ``"en"`` where a text has no translation yet, ``english`` true
    where it holds English in another language (untranslated, or with English data in it:
    :func:`kzspeechlaw.i18n.has_english`)."""
    d = a.to_dict()

    def shown(text: str) -> dict[str, Any]:
        said = render(text, lang)
        whole = said == text and lang != "en"
        return {"text": terms.citation(said, lang), "lang": "en" if whole else lang,
                "english": lang != "en" and (whole or has_english(said))}

    d["notes_shown"] = [shown(n) for n in a.notes]
    d["trace_shown"] = [shown(step.what) for step in a.trace]
    return d


PAGE_HEADERS = {
    # The page loads nothing from elsewhere and runs no script; it can only send its form to itself.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


# --- the API -----------------------------------------------------------------------------------


def api_provision(request: Request) -> JSONResponse:
    """``GET /api/provision?ref=&on=``: the version in force, sanctions in tenge with the MCI of ``on``."""
    _only_known(request)
    ref, on = _param(request, "ref"), _date_param(request, "on")
    out = export.provision_dict(kzspeechlaw.provision(ref, on), mci_date=on)
    out["on"] = on.isoformat()
    out["schema"] = export.SCHEMA
    return _json(out, on)


def api_history(request: Request) -> JSONResponse:
    """``GET /api/history?ref=``: every version, oldest first."""
    _only_known(request)
    ref = _param(request, "ref")
    return _json([export.provision_dict(p) for p in kzspeechlaw.history(ref)])


def api_timeline(request: Request) -> JSONResponse:
    """``GET /api/timeline?ref=&lang=``: the versions with their fines and custody, then the
    successor's, as ``timeline REF --json`` gives them; with ``lang``, each with the part's
    ``title`` in that language (checked as ``/api/classify`` checks it)."""
    _only_known(request)
    ref = _param(request, "ref")
    lang = _lang(request) if "lang" in request.query_params else None
    periods = timelines.timeline(ref)
    if lang is None:
        return _json([period.to_dict() for period in periods])
    return _json([{**period.to_dict(), "title": period.provision.title[lang]} for period in periods])


def api_compare(request: Request) -> JSONResponse:
    """``GET /api/compare?ref=&from=&to=``: what changed in a part between two dates."""
    _only_known(request)
    ref, before, after = _param(request, "ref"), _date_param(request, "from"), _date_param(request, "to")
    return _json(kzspeechlaw.compare(ref, before, after).to_dict())


def api_mci(request: Request) -> JSONResponse:
    """``GET /api/mci?on=&purpose=``: the MCI in tenge on a date, with the budget law that set it."""
    _only_known(request)
    on = _date_param(request, "on")
    purpose = request.query_params.get("purpose", "fines")
    if purpose not in PURPOSES:
        raise InvalidParameter(request.url.path, "purpose", purpose, f"one of {', '.join(PURPOSES)}")
    return _json(mci_value(on, purpose).to_dict(on, purpose))


def api_coverage(request: Request) -> JSONResponse:
    """``GET /api/coverage``: every modelled part and version, and the data's dates."""
    _only_known(request)
    return _json(kzspeechlaw.coverage().to_dict())


async def api_classify(request: Request) -> JSONResponse:
    """``POST /api/classify?on=&lang=``: the provisions an incident document falls under; outside
    the modelled scope an object naming why (:func:`~kzspeechlaw.reasoning.assessment.classification_json`)."""
    _only_known(request)
    data = _document(await _body(request, MAX_BODY))
    on = _optional_date(request, "on")
    lang = _lang(request)
    data.pop("decided_on", None)
    data.pop("id", None)
    incident = kzspeechlaw.Incident.from_dict(data)
    matches = matching_parts(incident, on=on)  # kz.classify's answer; outside the data, the object says why
    return _json(classification_json(incident, matches, on or incident.act_date, lang))


async def api_assess(request: Request) -> JSONResponse:
    """``POST /api/assess?decided_on=``: the assessment of an incident document (its own
    ``decided_on`` where the query gives none), as :meth:`kzspeechlaw.Assessment.to_dict`."""
    _only_known(request)
    data = _document(await _body(request, MAX_BODY))
    decided_on = _optional_date(request, "decided_on")
    day = data.pop("decided_on", None)
    data.pop("id", None)
    if decided_on is None and day is not None:
        if not isinstance(day, str):
            raise InvalidIncident("decided_on", day, "a date (YYYY-MM-DD)")
        decided_on = user_date(day, "decided_on")
    incident = kzspeechlaw.Incident.from_dict(data)
    if decided_on is None:
        raise InvalidIncident("decided_on", None, "a decision date (decided_on in the document or the query)")
    return _json(kzspeechlaw.assess(incident, decided_on).to_dict(), decided_on)


async def api_batch(request: Request) -> Response:
    """``POST /api/batch?format=&encoding=&decided_on=&full=``: a register (CSV or JSON Lines), one
    JSON Lines record per row, streamed in order, as ``kzspeechlaw batch`` writes them. The register's
    warnings (columns left out, rows that repeat an id: :func:`kzspeechlaw.registers.batch.
    repeated_ids`, the register read once more before its rows are assessed) come first, each in an
    ``X-Kzspeechlaw-Warning`` header."""
    _only_known(request)
    raw = await _body(request, MAX_REGISTER)
    fmt = _optional(request, "format")
    encoding = _optional(request, "encoding")
    if encoding is not None and encoding not in register_mod.ENCODINGS:
        raise InvalidParameter(request.url.path, "encoding", encoding, f"one of {', '.join(register_mod.ENCODINGS)}")
    decided_on = _optional_date(request, "decided_on")
    full = _flag_param(request, "full")
    with warnings.catch_warnings(record=True) as caught:  # the register's warnings: in a header, before the records
        warnings.simplefilter("always", RegisterWarning)
        register = register_mod.read_register(io.BytesIO(raw), fmt, encoding)
        repeated = batch.repeated_ids(register_mod.read_register(io.BytesIO(raw), fmt, encoding))
    said = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, RegisterWarning)))
    for w in caught:
        if not issubclass(w.category, RegisterWarning):
            warnings.warn(w.message, w.category, stacklevel=2)
    chunks = batch.run(register, decided_on, output="full" if full else "brief", workers=1, check_ids=False)

    def records() -> Iterator[bytes]:
        try:
            for chunk in chunks:
                yield chunk.output
        except Exception as error:  # the status is sent: the stream ends with one error record
            yield (json.dumps({"error": batch.internal_error(error)}, ensure_ascii=False) + "\n").encode()

    response = StreamingResponse(records(), media_type="application/x-ndjson")
    for text in [*said, *([str(repeated)] if repeated is not None else [])]:
        response.headers.append("X-Kzspeechlaw-Warning", _header(text))
    return response


def openapi(request: Request) -> JSONResponse:
    """``GET /openapi.json``: the OpenAPI description of the API."""
    return JSONResponse(openapi_document())


@functools.cache
def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description, with the shipped incident JSON Schema."""
    schema = json.loads(resources.files("kzspeechlaw").joinpath("law/data/incident.schema.json").read_text("utf-8"))
    schema.pop("$schema", None)

    def query(name: str, description: str, required: bool = True, fmt: str | None = None) -> dict[str, Any]:
        sch: dict[str, Any] = {"type": "string"}
        if fmt:
            sch["format"] = fmt
        return {"name": name, "in": "query", "required": required, "description": description, "schema": sch}

    errors = {
        "400": {"description": "bad input: {\"error\": one line, as the command line prints it}",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "500": {"description": "a fault of the program: one line, no traceback",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    }
    found = {"200": {"description": "JSON, as the command line's --json prints it",
                     "content": {"application/json": {}}}, **errors}
    lookup = {**found, "404": {"description": "a part not modelled, or not in force on the date",
                               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    ref = query("ref", "a citation: 'CC2014 130(2)' or 'ч. 2 ст. 130 УК РК'")
    incident_body = {"required": True, "description": f"an incident document (at most {MAX_BODY} bytes)",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Incident"}}}}
    too_large = {"413": {"description": "request body too large",
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "kzspeechlaw", "version": kzspeechlaw.__version__,
                 "description": "Kazakhstan's speech-related law by date: provisions, sanctions in MCI and "
                 "tenge, lex mitior. The answers are the library's, as `kzspeechlaw ... --json` prints them."},
        "paths": {
            "/api/provision": {"get": {"summary": "the version of a part in force on a date",
                                       "parameters": [ref, query("on", "date, YYYY-MM-DD", fmt="date")],
                                       "responses": lookup}},
            "/api/history": {"get": {"summary": "every version of a part, oldest first",
                                     "parameters": [ref], "responses": lookup}},
            "/api/timeline": {"get": {"summary": "a part's versions with fines and custody, then its successor's",
                                      "parameters": [ref, query("lang", "en, ru or kk: adds each version's title "
                                                                "in that language", required=False)],
                                      "responses": lookup}},
            "/api/compare": {"get": {"summary": "what changed in a part between two dates",
                                     "parameters": [ref, query("from", "the earlier date", fmt="date"),
                                                    query("to", "the later date", fmt="date")],
                                     "responses": lookup}},
            "/api/mci": {"get": {"summary": "the MCI in tenge on a date",
                                 "parameters": [query("on", "date, YYYY-MM-DD", fmt="date"),
                                                query("purpose", "fines (default) or benefits", required=False)],
                                 "responses": found}},
            "/api/coverage": {"get": {"summary": "every modelled part and version", "responses": found}},
            "/api/classify": {"post": {"summary": "the provisions an incident falls under",
                                       "parameters": [query("on", "date of the law (default: the act date)",
                                                            required=False, fmt="date"),
                                                      query("lang", "en, ru or kk: language of titles",
                                                            required=False)],
                                       "requestBody": incident_body, "responses": {**found, **too_large}}},
            "/api/assess": {"post": {"summary": "the legal consequence decided on a date",
                                     "parameters": [query("decided_on", "the decision date (or decided_on in "
                                                          "the document)", required=False, fmt="date")],
                                     "requestBody": incident_body, "responses": {**found, **too_large}}},
            "/api/batch": {"post": {
                "summary": "assess a register: one JSON Lines record per row, in order",
                "parameters": [query("format", "csv or jsonl (default: from the first line)", required=False),
                               query("encoding", "utf-8, cp1251 or latin-1", required=False),
                               query("decided_on", "decision date for rows without one", required=False,
                                     fmt="date"),
                               query("full", "true: whole assessments", required=False)],
                "requestBody": {"required": True, "description": f"a register (at most {MAX_REGISTER} bytes)",
                                "content": {"text/csv": {}, "application/x-ndjson": {}}},
                "responses": {"200": {"description": "JSON Lines, one record per row",
                                      "content": {"application/x-ndjson": {}}}, **errors, **too_large}}},
        },
        "components": {"schemas": {
            "Incident": schema,
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
        }},
    }


# --- errors ------------------------------------------------------------------------------------


async def _law_error(request: Request, exc: Exception) -> Response:
    status = 404 if isinstance(exc, UnknownProvision | NotInForce) else 400
    return _error(status, str(exc))


async def _too_large(request: Request, exc: Exception) -> Response:
    return _error(413, str(exc))


async def _internal(request: Request, exc: Exception) -> Response:
    message = batch.internal_error(exc)
    if request.url.path.startswith("/api/"):
        return _error(500, message)
    return HTMLResponse(f"<!doctype html><title>500</title><p>{escape(message)}</p>", status_code=500)


def create_app() -> Starlette:
    """The application: the page, the API and the OpenAPI description."""
    routes = [
        Route("/", home),
        Route("/api/provision", api_provision),
        Route("/api/history", api_history),
        Route("/api/timeline", api_timeline),
        Route("/api/compare", api_compare),
        Route("/api/mci", api_mci),
        Route("/api/coverage", api_coverage),
        Route("/api/classify", api_classify, methods=["POST"]),
        Route("/api/assess", api_assess, methods=["POST"]),
        Route("/api/batch", api_batch, methods=["POST"]),
        Route("/openapi.json", openapi),
    ]
    return Starlette(routes=routes, middleware=[Middleware(_CanonicalNames)], exception_handlers={
        LawError: _law_error, BodyTooLarge: _too_large, Exception: _internal,
    })


app = create_app()
"""The application, for an ASGI server: ``uvicorn kzspeechlaw.web.app:app``."""
