"""Findings of a review of the page as a lawyer reads it: nothing the library leaves open may look
settled on the page."""

from __future__ import annotations

import warnings
from html import unescape

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from kzspeechlaw.web import app as web_app


def page(query: str) -> str:
    client = TestClient(web_app.create_app(), raise_server_exceptions=False)
    response = client.get("/?" + query)
    assert response.status_code in (200, 400)  # 400: the facts cannot be assessed, the form kept
    return unescape(response.text)


def test_the_facts_an_outcome_turns_on_are_shown_under_it() -> None:
    # A slander of 2015 in the media: time-barred if it alleged no grave crime, liable under CC 2014
    # Art. 130(3) if it did; the library names `allegation`.
    text = page("act_date=2015-03-15&conduct=slander&channel=mass_media&decided_on=2018-09-23&lang=ru")
    assert "Зависит от (не указано): в чём обвиняет клевета" in text


def test_the_limitation_shows_its_status_and_what_would_undo_it() -> None:
    # AOC 2014 Art. 62: two months, expired on 2021-05-01 unless the case was referred in time.
    text = page("act_date=2021-03-01&conduct=slander&channel=telecom_network&allegation=none"
                "&decided_on=2021-06-20&lang=ru")
    assert "истекает 2021-05-01 (истёк, если только не окажется, что дело направлено в суд" in text


def test_an_article_the_facts_do_not_decide_is_not_shown_as_the_one_the_act_fell_under() -> None:
    # CC 2014 Art. 378(2) needs the link to the official's duties, not stated: the act fell under 131(2).
    text = page("act_date=2019-03-15&conduct=insult&channel=telecom_network&target=authority_representative"
                "&decided_on=2019-09-23&lang=ru")
    assert "378(2)" not in text.split("Ход рассуждения")[0].split("Примечания")[0]


def test_a_kind_barred_on_the_facts_says_so() -> None:
    # AOC 2014 Art. 50(2): no administrative arrest for a pregnant woman.
    text = page("act_date=2023-03-15&conduct=petty_hooliganism&channel=public_speech&pregnant=yes"
                "&decided_on=2023-06-01&lang=ru")
    assert "административный арест: не может быть назначено при этих обстоятельствах" in text


def test_a_date_typed_the_kazakh_way_stays_in_the_form() -> None:
    text = page("act_date=15.03.2019&conduct=insult&channel=telecom_network&decided_on=23.09.2019"
                "&proceedings_date=01.04.2019&lang=ru")
    assert 'name="act_date" value="2019-03-15"' in text and 'name="proceedings_date" value="2019-04-01"' in text


def test_an_error_is_said_in_the_language_of_the_page() -> None:
    text = page("act_date=2019-03-15&conduct=insult&channel=mass_media&decided_on=2019-01-01&lang=ru")
    assert "ожидается дата не ранее даты деяния 2019-03-15" in text


def test_a_bad_second_decision_date_is_named_as_its_field() -> None:
    text = page("act_date=2019-03-15&conduct=insult&channel=mass_media&decided_on=2019-09-23"
                "&compare_on=2019-01-01&lang=en")
    assert "invalid incident field 'compare_on'" in text
