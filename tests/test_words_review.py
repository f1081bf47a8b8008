"""The words of the answers: each code's own term for a kind of punishment, English data in Russian
and Kazakh text said to be English, caveats that the text gives and the JSON must give too, and
sentences checked against the statute texts."""

from __future__ import annotations

import json

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
