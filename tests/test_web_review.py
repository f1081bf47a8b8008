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


SAID = [
    # A slander of 2015 in the media: time-barred if it alleged no grave crime, liable under CC 2014
    # Art. 130(3) if it did; the library names `allegation`, and so does the page under the outcome.
    ("act_date=2015-03-15&conduct=slander&channel=mass_media&decided_on=2018-09-23&lang=ru",
     "Зависит от (не указано): в чём обвиняет клевета"),
    # AOC 2014 Art. 62: two months, expired on 2021-05-01 unless the case was referred in time.
    ("act_date=2021-03-01&conduct=slander&channel=telecom_network&allegation=none&decided_on=2021-06-20&lang=ru",
     "истекает 01.05.2021 (истёк, если только не окажется, что дело направлено в суд"),
    # AOC 2014 Art. 50(2): no administrative arrest for a pregnant woman (the range was empty).
    ("act_date=2023-03-15&conduct=petty_hooliganism&channel=public_speech&pregnant=yes&decided_on=2023-06-01"
     "&lang=ru", "административный арест: не может быть назначено при этих обстоятельствах"),
    # A date typed the Kazakh way stays in the form (a date field cannot hold it as typed).
    ("act_date=15.03.2019&conduct=insult&channel=telecom_network&decided_on=23.09.2019"
     "&proceedings_date=01.04.2019&lang=ru", 'name="proceedings_date" value="2019-04-01"'),
    # An error in the page's language.
    ("act_date=2019-03-15&conduct=insult&channel=mass_media&decided_on=2019-01-01&lang=ru",
     "ожидается дата не ранее даты деяния 15.03.2019"),
    # A second decision before the case was opened: named as the second decision's date.
    ("act_date=2019-03-15&conduct=insult&channel=mass_media&decided_on=2019-09-23&proceedings_date=2019-06-01"
     "&compare_on=2019-04-01&lang=en", "invalid incident field 'compare_on': '2019-04-01'"),
    # A bad second decision date, named as its field.
    ("act_date=2019-03-15&conduct=insult&channel=mass_media&decided_on=2019-09-23&compare_on=2019-01-01&lang=en",
     "invalid incident field 'compare_on'"),
]


@pytest.mark.parametrize(("query", "said"), SAID)
def test_the_page_says_what_the_library_leaves_open(query: str, said: str) -> None:
    assert said in page(query)


def test_an_article_the_facts_do_not_decide_is_not_shown_as_the_one_the_act_fell_under() -> None:
    # CC 2014 Art. 378(2) needs the link to the official's duties, not stated: the act fell under 131(2).
    text = page("act_date=2019-03-15&conduct=insult&channel=telecom_network&target=authority_representative"
                "&decided_on=2019-09-23&lang=ru")
    assert "378(2)" not in text.split("Ход рассуждения")[0].split("Примечания")[0]


@pytest.mark.parametrize("query", [
    "act_date=2019-03-01&conduct=insult&channel=mass_media&offender=legal_entity&decided_on=2019-06-01",
    "act_date=2019-03-01&conduct=insult&channel=public_speech&target=serviceman&decided_on=2019-06-01",
])
def test_no_fell_under_where_the_library_gives_no_answer(query: str) -> None:
    # a legal entity does not commit an insult under CC 2014 131(2); for a serviceman an unmodelled
    # article (CC 2014 Art. 440) may displace it: the command line names no part, nor does the page
    html = page(query)
    assert 'id="fell-under' not in html


def test_an_open_answer_is_not_coloured_as_settled() -> None:
    # a small business may be an individual entrepreneur (depends_on: offender): "no provision" is
    # not shown in the settled colour
    html = page("act_date=2019-03-15&conduct=slander&channel=telecom_network&offender=small_business"
                "&allegation=none&decided_on=2019-09-23&lang=ru")
    assert 'class="outcome outcome-no_provision outcome-open"' in html
