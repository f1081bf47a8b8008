"""A crime's «неоднократно» is a fact the incident must state, as the AOC's «повторно» is.

CC 2014 Art. 12(1) (kazakhstan-law/codes, 02-codes/2014/0703-ugolovnyi-kodeks-respubliki-kazakhstan-81097/
rus/sec002.md, commit d448f1a1730ea4b4ea5d9aacb2acf427a42e6270): «Неоднократностью уголовных
правонарушений признается совершение двух или более деяний, предусмотренных одной и той же
статьей или частью статьи Особенной части настоящего Кодекса»; Art. 12(2): «Уголовное
правонарушение не признается совершенным неоднократно, если за ранее совершенное уголовное
правонарушение лицо было осуждено либо освобождено от уголовной ответственности». CC 1997 Art.
11(1) (02-codes/1997/0715-ugolovnyi-kodeks-respubliki-kazakhstan-8/rus/sec001.md, commit
45d68aea3c5b05bd7c1f312ec3ae6cec647065b2, the text after Law 10.12.2009 No. 227-IV) alike («Неоднократностью преступлений признается совершение двух или более деяний,
предусмотренных одной и той же статьей или частью статьи Особенной части настоящего Кодекса»); its
exceptions (Art. 11(3)) were read only in the text after Law 10.12.2009 No. 227-IV, so the note asks
about the code's definition and does not restate them.
Whether the offender committed another such act is a fact about the offender, not about the act
described: a set of circumstances that leaves it out does not say there was none.

CC 2014 Art. 174(1) (Law 349-VI wording): «наказываются штрафом в размере от двух тысяч до семи
тысяч месячных расчетных показателей либо ограничением свободы на срок от двух до семи лет, либо
лишением свободы на тот же срок»; 174(2): «Те же действия, совершенные группой лиц, группой лиц по
предварительному сговору или неоднократно ... наказываются лишением свободы на срок от пяти до
десяти лет».
"""

from __future__ import annotations

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli import main
from kzspeechlaw.units import ureg

DISCORD = {"act_date": "2019-03-15", "conduct": "incitement_of_discord", "channel": "telecom_network",
           "discord": "national"}


def test_an_unstated_repetition_of_a_crime_is_named_and_its_part_given() -> None:
    a = kz.assess(kz.Incident(**DISCORD), decided_on="2021-06-01")
    assert str(a.governing.ref) == "CC2014 174(1)"
    assert "repeated" in a.depends_on
    note = next(n for n in a.notes if "«неоднократно»" in n)
    assert "CC2014 174(2)" in note and "5 years to 10 years" in note
    assert "administrative penalty" not in note  # the AOC's «повторно» is another thing


def test_stated_either_way_the_answer_does_not_turn_on_it() -> None:
    first = kz.assess(kz.Incident(**DISCORD, circumstances={"not_repeated"}), decided_on="2021-06-01")
    assert str(first.governing.ref) == "CC2014 174(1)" and "repeated" not in first.depends_on
    again = kz.assess(kz.Incident(**DISCORD, circumstances={"repeated"}), decided_on="2021-06-01")
    assert str(again.governing.ref) == "CC2014 174(2)" and "repeated" not in again.depends_on


def test_a_qualified_part_already_given_is_not_doubted() -> None:
    """A group (174(2) «группой лиц») gives part 2 whatever the repetition: nothing turns on it."""
    a = kz.assess(kz.Incident(**DISCORD, circumstances={"group"}), decided_on="2021-06-01")
    assert str(a.governing.ref) == "CC2014 174(2)" and "repeated" not in a.depends_on


def test_the_criminal_code_of_1997_alike() -> None:
    """CC 1997 Art. 164(2): «Те же действия, совершенные группой лиц или неоднократно, ...»."""
    a = kz.assess(kz.Incident(act_date="2010-03-15", conduct="incitement_of_discord", channel="mass_media",
                              discord="religious"), decided_on="2012-01-01")
    assert str(a.governing.ref) == "CC1997 164(1)" and "repeated" in a.depends_on
    assert any("CC1997 164(2)" in n and "«неоднократно»" in n for n in a.notes)


def test_a_sentence_check_under_part_one_is_not_certain_until_it_is_stated() -> None:
    """A fine of 3 000 MCI is within 174(1) («штрафом в размере от двух тысяч до семи тысяч месячных
    расчетных показателей»), and no punishment of 174(2), which names imprisonment alone: the verdict
    holds on the facts stated only, unless they say the act was not committed «неоднократно»."""
    open_ = kz.assess(kz.Incident(**DISCORD), decided_on="2021-06-01").check("fine", 3000 * ureg.MCI)
    assert open_.verdict == "within" and not open_.certain and "repeated" in open_.depends_on
    stated = kz.assess(kz.Incident(**DISCORD, circumstances={"not_repeated"}), decided_on="2021-06-01").check(
        "fine", 3000 * ureg.MCI)
    assert stated.verdict == "within" and "repeated" not in stated.depends_on


def test_russian_and_kazakh_words_are_the_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """The note speaks of «неоднократность» (ru) and «бірнеше рет жасалуы» (kk: CC 2014 Art. 12's
    heading «Қылмыстық құқық бұзушылықтардың бiрнеше рет жасалуы»), not of an administrative penalty."""
    argv = ["assess", *(f"--{k.replace('_', '-')}={v}" for k, v in DISCORD.items()), "--decided-on", "2021-06-01"]
    assert main([*argv, "--lang", "ru"]) == 0
    ru = " ".join(capsys.readouterr().out.split())
    assert "неоднократност" in ru and "административного взыскания" not in ru
    assert main([*argv, "--lang", "kk"]) == 0
    kk = " ".join(capsys.readouterr().out.split())
    assert "бірнеше рет жасал" in kk and "әкімшілік жаза" not in kk


def test_drug_propaganda_names_it_beside_item_three() -> None:
    """CC 2014 Art. 299-1 (Law 292-VI): part 1 «наказывается лишением свободы на срок до трех лет»;
    part 2 «Те же действия, совершенные: ... 2) неоднократно; ... наказываются лишением свободы на
    срок от трех до шести лет». A public speech falls under part 1, and both open facts are named."""
    a = kz.assess(kz.Incident(act_date="2021-03-15", conduct="drug_propaganda", channel="public_speech"),
                  decided_on="2021-06-01")
    assert str(a.governing.ref) == "CC2014 299-1(1)"
    assert {"repeated", "education_or_crowd"} <= set(a.depends_on)
    note = next(n for n in a.notes if "«неоднократно»" in n)
    assert "CC2014 299-1(2)" in note and "3 years to 6 years" in note


def test_the_note_does_not_restate_one_codes_exceptions_for_the_other() -> None:
    """CC 2014 Art. 12(2)'s exception («осуждено либо освобождено от уголовной ответственности») is
    not CC 1997 Art. 11's in every edition: the question names the code's definition instead."""
    for incident, decided in ((kz.Incident(**DISCORD), "2021-06-01"),
                              (kz.Incident(act_date="2008-03-15", conduct="incitement_of_discord",
                                           channel="mass_media", discord="religious"), "2009-01-01")):
        note = next(n for n in kz.assess(incident, decided_on=decided).notes if "«неоднократно»" in n)
        assert "convicted" not in note and "CC 2014 Art. 12; CC 1997 Art. 11" in note
