"""What a user types back is read where the library printed it, and nothing ambiguous is: a
sentence's kind in the words the answers write it ("administrative arrest", "restriction of
freedom"), the page's and the API's parameter names in another case."""

from __future__ import annotations

from typing import Any

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli.commands import main

# --- 1. a sentence's kind in the answers' words -----------------------------------------------------

SLANDER_2021 = ["--act-date", "2021-03-01", "--conduct", "slander", "--channel", "telecom_network",
                "--allegation", "none", "--decided-on", "2021-04-01"]
"""AOC 2014 Art. 73-3(2) (Law 349-VI text): «влечет штраф на физическое лицо в размере ста восьмидесяти
месячных расчетных показателей или административный арест на срок двадцать суток»."""

JOURNALIST_2021 = ["--act-date", "2021-03-01", "--conduct", "obstructing_journalist", "--decided-on", "2021-06-01"]
"""CC 2014 Art. 158(1): «... либо привлечением к общественным работам на срок до ста двадцати часов,
либо арестом на срок до сорока пяти суток»: the Criminal Code's «арест» (Art. 40(1)(4)), not the
AOC's «Административный арест» (AOC 2014 Art. 50)."""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_the_printed_words_of_an_administrative_arrest_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    """The answer names AOC 73-3(2)'s arrest «административный арест на срок двадцать суток»
    "administrative arrest 20 days": typed back, it is the arrest of twenty days, checked as
    ``arrest`` is."""
    status, shown, _ = run(capsys, "show", "AOC2014 73-3(2)", "--on", "2021-03-01")
    assert status == 0 and "administrative arrest 20 days" in shown
    status, typed, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative arrest 20 days")
    assert status == 0 and err == ""
    assert typed.startswith("administrative arrest 20 days under AOC2014 73-3(2), decided 2021-04-01: WITHIN")
    status, plain, _ = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "arrest 20 days")
    assert typed.split(":", 1)[1] == plain.split(":", 1)[1]


@pytest.mark.parametrize("days", [15, 20, 21, 30])
def test_administrative_arrest_gives_the_verdict_of_arrest_under_the_aoc(days: int) -> None:
    """«административный арест на срок двадцать суток» (AOC 2014 Art. 73-3(2)): a fixed term, and
    the words of the answer give the same check as the code ``arrest``, any case and spacing."""
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network",
                              allegation="none"), decided_on="2021-04-01")
    expected = a.check("arrest", days * kz.ureg.day)
    for words in ("administrative arrest", "Administrative  Arrest", "administrative_arrest"):
        got = a.check(words, days * kz.ureg.day)
        assert (got.kind, got.verdict, got.certain, got.reasons, got.depends_on) == (
            expected.kind, expected.verdict, expected.certain, expected.reasons, expected.depends_on)
    assert a.check("administrative arrest", 21 * kz.ureg.day).verdict == "above_maximum"


def test_administrative_arrest_is_refused_under_a_criminal_article(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 158(1) «либо арестом на срок до сорока пяти суток» is the Criminal Code's
    «арест» (Art. 40(1)(4)); "administrative arrest" (AOC 2014 Art. 50) is not a punishment of that
    code, and no verdict is given for it: the message names the code's word."""
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="obstructing_journalist"), decided_on="2021-06-01")
    assert str(a.governing.ref) == "CC2014 158(1)"
    with pytest.raises(kz.AmountError, match=r"Criminal Code: its kind is 'arrest'"):
        a.check("administrative arrest", 20 * kz.ureg.day)
    assert a.check("arrest", 20 * kz.ureg.day).verdict == "kind_not_available"  # suspended (CC 2014 Art. 467)
    status, out, err = run(capsys, "check-sentence", *JOURNALIST_2021, "--sentence", "administrative arrest 20 days")
    assert status == 2 and out == ""
    assert "CC2014 158(1) is an article of the Criminal Code: its kind is 'arrest'" in err


@pytest.mark.parametrize("stated", [{}, {"circumstances": ["repeated"]},
                                    {"circumstances": ["repeated"], "knowing_and_dangerous": False}])
@pytest.mark.parametrize("days", [10, 11])
def test_administrative_arrest_with_a_criminal_alternative_is_never_more_certain(stated: dict[str, object],
                                                                                days: int) -> None:
    """AOC 2014 Art. 456-2(3) «влекут штраф на физических лиц – в размере двадцати», its part 4 (the
    same «совершенные повторно в течение года после наложения административного взыскания») «либо
    административный арест на срок до десяти суток», and CC 2014 Art. 274(2) where the knowing falsity
    and the danger are left open: "administrative arrest" cannot be weighed under the criminal
    alternative, and the check gives the verdict, certainty and open facts of ``arrest``."""
    a = kz.assess(kz.Incident(act_date="2024-03-01", conduct="false_information", channel="telecom_network",
                              **stated), decided_on="2024-06-01")
    plain, words = (a.check(kind, days * kz.ureg.day) for kind in ("arrest", "administrative arrest"))
    assert (words.verdict, words.certain, words.depends_on) == (plain.verdict, plain.certain, plain.depends_on)
    if "circumstances" in stated:  # part 4: «до десяти суток»
        assert words.verdict == ("within" if days == 10 else "above_maximum")


@pytest.mark.parametrize(("sentence", "kind", "amount"), [
    ("restriction of freedom 1 year", "restriction of freedom", "1 year"),
    ("correctional_work 200 MCI", "correctional_work", "200 MCI"),
    ("  community service   120 hours", "community service", "120 hours"),
    ("administrative arrest 20 days", "administrative arrest", "20 days"),
    ("fine 1 000 MCI", "fine", "1 000 MCI"),
    ("20 days", "", "20 days"),
    ("warning", "warning", ""),
    ("fine five MCI", "fine", "five MCI"),  # a kind, and an amount that does not read: the amount's error
    ("fine -5 MCI", "fine", "-5 MCI"),
    ("fine in wages or other income 2 months", "fine in wages or other income", "2 months"),
])
def test_a_sentence_is_split_at_its_amount(sentence: str, kind: str, amount: str) -> None:
    """The kind is the words before the amount's number, in any of the answers' spellings."""
    from kzspeechlaw.reasoning.sentencing import split_sentence

    assert split_sentence(sentence) == (kind, amount)


def test_the_answers_words_of_a_criminal_kind_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 130(2) (27.12.2019 text): «наказывается штрафом в размере до двух тысяч месячных
    расчетных показателей либо исправительными работами в том же размере, либо ограничением свободы на
    срок до двух лет, либо лишением свободы на тот же срок»: the answer writes "restriction of
    freedom up to 2 years", and "restriction of freedom 1 year" typed back is within it, as
    ``restriction_of_freedom 1 year`` is."""
    facts = ["--act-date", "2019-03-15", "--conduct", "slander", "--channel", "telecom_network",
             "--allegation", "none", "--decided-on", "2019-09-23"]
    _, shown, _ = run(capsys, "show", "CC2014 130(2)", "--on", "2019-03-15")
    assert "restriction of freedom up to 2 years" in shown and "correctional work up to 2 000 MCI" in shown
    status, words, err = run(capsys, "check-sentence", *facts, "--sentence", "restriction of freedom 1 year")
    assert status == 0 and err == ""
    _, code, _ = run(capsys, "check-sentence", *facts, "--sentence", "restriction_of_freedom 1 year")
    assert words.split(":", 1)[1] == code.split(":", 1)[1] and ": WITHIN" in words.splitlines()[0]
    status, words, err = run(capsys, "check-sentence", *facts, "--sentence", "correctional work 2 001 MCI")
    assert status == 0 and ": ABOVE MAXIMUM" in words.splitlines()[0]


def test_a_bad_amount_after_the_answers_words_is_named_as_the_amount(capsys: pytest.CaptureFixture[str]) -> None:
    """"administrative arrest twenty days": the kind is read, the amount is what does not read."""
    status, _, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative arrest twenty days")
    assert status == 2 and "cannot read amount 'twenty days'" in err


def test_an_unknown_kind_is_refused_naming_the_accepted_words(capsys: pytest.CaptureFixture[str]) -> None:
    """A kind the answers never write is refused, and the message lists the words read, the AOC's
    «административный арест» among them with its code."""
    status, out, err = run(capsys, "check-sentence", *SLANDER_2021, "--sentence", "administrative detention 20 days")
    assert status == 2 and out == ""
    assert "unknown kind of punishment 'administrative detention'" in err
    assert "arrest or 'administrative arrest' (AOC articles only)" in err and "'restriction of freedom'" in err
    with pytest.raises(kz.AmountError, match="'correctional work'"):
        kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network"),
                  decided_on="2021-04-01").check("flogging", 20 * kz.ureg.day)


# --- 2. the page's and the API's parameter names in another case --------------------------------------


@pytest.fixture
def client() -> Any:
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from starlette.testclient import TestClient

    from kzspeechlaw.web import app as web_app

    return TestClient(web_app.create_app(), raise_server_exceptions=False)


def test_no_two_names_of_a_route_differ_in_case_alone() -> None:
    """What makes a name in another case safe to read as the name: it can stand for one alone."""
    pytest.importorskip("starlette")
    from kzspeechlaw.web import app as web_app

    for path in ["/", *web_app.openapi_document()["paths"]]:
        names = web_app.known_names(path)
        assert len({n.lower() for n in names}) == len(names), path


def test_the_page_reads_lang_in_another_case(client: Any) -> None:
    """``Lang=ru`` gives the page in Russian, as ``lang=ru`` does (it was read as no language)."""
    assert '<html lang="ru">' in client.get("/", params={"Lang": "ru"}).text
    facts = {"act_date": "2019-03-15", "conduct": "slander", "channel": "telecom_network", "decided_on": "2019-09-23"}
    plain = client.get("/", params={**facts, "lang": "ru"})
    cased = client.get("/", params={**{k.upper(): v for k, v in facts.items()}, "LANG": "ru"})
    assert plain.status_code == cased.status_code == 200 and '<html lang="ru">' in cased.text
    assert plain.text == cased.text  # the same facts assessed, the same permalinks


def test_the_api_reads_a_name_in_another_case_and_refuses_one_given_twice(client: Any) -> None:
    """The API reads ``Ref`` and ``ON`` as ``ref`` and ``on``; ``lang`` and ``Lang`` together are one
    parameter given twice; a name the route does not take is refused in any case, as written; a
    look-alike letter outside ASCII is not a case (KELVIN SIGN; a Cyrillic «о» in ``оn``)."""
    plain = client.get("/api/provision", params={"ref": "CC2014 130(2)", "on": "2019-03-15"})
    cased = client.get("/api/provision", params={"Ref": "CC2014 130(2)", "ON": "2019-03-15"})
    assert plain.status_code == cased.status_code == 200 and plain.json() == cased.json()
    r = client.get("/api/timeline", params=[("ref", "CC2014 130(2)"), ("lang", "ru"), ("Lang", "kk")])
    assert r.status_code == 400 and "'lang' is 'ru, kk'; expected one value" in r.json()["error"]
    r = client.get("/api/mci", params={"on": "2019-01-01", "Lang": "ru"})
    assert r.status_code == 400 and "'Lang' is 'ru'" in r.json()["error"]
    r = client.get("/api/provision", params={"ref": "CC2014 130(2)", "\u212a": "x", "оn": "2019-03-15"})
    assert r.status_code == 400
