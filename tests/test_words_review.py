"""The words of the answers: each code's own term for a kind of punishment, English data in Russian
and Kazakh text said to be English, caveats that the text gives and the JSON must give too, and
sentences checked against the statute texts."""

from __future__ import annotations

import json
import re

import pytest

import kzspeechlaw as kz
from kzspeechlaw import export, terms
from kzspeechlaw.cli.commands import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(list(argv))
    return capsys.readouterr().out


# --- 1. the kind of punishment in its code's words -----------------------------------------------


def test_an_administrative_arrest_is_described_in_its_code_s_words() -> None:
    """AOC 2014 Art. 50 (06.02.2023 text): «Статья 50. Административный арест. 1. Административный
    арест устанавливается на срок до тридцати суток»; AOC 2014 Art. 73-3(2): «штраф на физических лиц
    в размере ста восьмидесяти ... либо административный арест на срок двадцать суток». Kazakh: AOC
    2014 Art. 14(2) «әкімшілік қамаққа алу»."""
    arrest = [s for s in kz.provision("AOC2014 73-3(2)", on="2021-03-01").sanctions if s.kind is kz.Penalty.ARREST]
    assert [s.describe("ru") for s in arrest] == ["административный арест 20 суток (физическое лицо)",
                                                  "административный арест 25 суток (должностное лицо)"]
    assert [s.describe("kk") for s in arrest] == ["әкімшілік қамаққа алу 20 тәулік (жеке тұлға)",
                                                  "әкімшілік қамаққа алу 25 тәулік (лауазымды адам)"]
    assert [str(s.describe()) for s in arrest] == ["administrative arrest 20 days (natural person)",
                                                   "administrative arrest 25 days (official)"]


def test_a_criminal_arrest_stays_arrest_in_any_block() -> None:
    """CC 2014 Art. 45: «Статья 45. Арест»; Art. 378(1): «либо арестом на срок до двадцати суток».
    A criminal sanction keeps its code's word even where an administrative one is rendered."""
    arrest = [s for s in kz.provision("CC2014 378(1)", on="2021-01-01").sanctions if s.kind is kz.Penalty.ARREST]
    with terms.regime("administrative"):
        assert [s.describe("ru") for s in arrest] == ["арест до 20 суток"]
        assert [s.describe("kk") for s in arrest] == ["қамаққа алу 20 тәулікке дейін"]
    assert [str(s.describe()) for s in arrest] == ["arrest up to 20 days"]


def test_the_json_text_of_an_administrative_arrest() -> None:
    """The JSON's ``text`` of an AOC 2014 Art. 73-3(2) arrest («административный арест», Art. 50),
    in the provision's and the assessment's form alike."""
    p = kz.provision("AOC2014 73-3(2)", on="2021-03-01")
    texts = [export.sanction_dict(s)["text"] for s in p.sanctions]
    assert "administrative arrest 20 days (natural person)" in texts and "arrest 20 days (natural person)" not in texts
    a = kz.assess(kz.Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network"),
                  decided_on="2021-04-20")
    shown = [s["text"] for s in json.loads(a.to_json())["sanctions"]]
    assert "administrative arrest 20 days (natural person)" in shown
    assert [s.describe("ru") for s in a.sanctions if s.kind is kz.Penalty.ARREST] == [
        "административный арест 20 суток (физическое лицо)"]


# --- 2. the budget law's article in Russian and Kazakh text ---------------------------------------

_LATIN_WORD = re.compile(r"\b(?![IVX]+\b)[A-Za-z]{2,}\b")
"""A word in Latin letters that is not a Roman numeral of a law's number (``77-VII``)."""


def _latin_words(text: str) -> list[str]:
    return _LATIN_WORD.findall(re.sub(r"https?://\S+", " ", text))


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize(("day", "purpose", "quoted"), [
    # Law 04.12.2019 No. 276-VI Art. 7: «Установить с 1 апреля 2020 года: ... 3) месячный расчетный
    # показатель для исчисления пособий и иных социальных выплат, а также применения штрафных санкций ...
    # – 2 778 тенге».
    ("2020-05-01", "fines", "«Установить с 1 апреля 2020 года:», подп. 3"),
    # Law 02.12.2021 No. 77-VII Art. 9 (12.05.2022 text): «Установить с 1 апреля 2022 года: ... 3)
    # месячный расчетный показатель для исчисления пособий и иных социальных выплат – 3 180 тенге»;
    # «Статья 9 с изменениями, внесенными Законом РК от 12.05.2022 № 121-VII».
    ("2022-06-01", "benefits", "с изменениями, внесенными Законом РК от 12.05.2022 № 121-VII"),
])
def test_the_mci_s_article_is_not_english_in_russian_or_kazakh(capsys: pytest.CaptureFixture[str], lang: str,
                                                               day: str, purpose: str, quoted: str) -> None:
    out = run(capsys, "mci", day, "--purpose", purpose, "--lang", lang)
    assert quoted in out
    assert _latin_words(out) == [], out


def test_every_mci_article_is_in_the_statute_s_words() -> None:
    """The ``article`` of every MCI record cites the budget law as its Russian text does («ст. 8», «ст. 10
    (в редакции Закона РК от 31.03.2014 № 182-V)»), so that no Russian or Kazakh answer shows it in
    English unmarked."""
    from kzspeechlaw.law.loader import law

    assert [(str(v.valid_from), v.article) for v in law().mci_series if _latin_words(v.article)] == []
