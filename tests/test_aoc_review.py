"""Answers under the Code of Administrative Offences of 2014 checked against the statute texts
(shared/law/statutes/aoc2014/; kazakhstan-law/codes)."""
from __future__ import annotations

import kzspeechlaw as kz
from kzspeechlaw.units import ureg

_REPETITION = "совершенное повторно в течение года после наложения административного взыскания"


def _repetition_note(a: kz.Assessment, ref: str) -> str:
    found = [n for n in a.notes if "circumstances=repeated" in n and ref in n]
    assert len(found) == 1, a.notes
    return found[0]


def test_bullying_without_repetition_stated_names_part_2() -> None:
    """AOC 2014 Art. 127-2, 16.06.2024 text (aoc2014/127-2.md, commit 21ae8644...): part 1 «Травля
    (буллинг, кибербуллинг) несовершеннолетнего – влечет предупреждение или штраф в размере десяти
    месячных расчетных показателей»; part 2 «Действие, предусмотренное частью первой настоящей
    статьи, совершенное повторно в течение года после наложения административного взыскания, –
    влечет штраф в размере тридцати месячных расчетных показателей». Facts that do not state a
    penalty within the year leave part 2 open: the answer under part 1 names it."""
    a = kz.assess(kz.Incident(act_date="2025-03-01", conduct="bullying_of_minor", channel="telecom_network"),
                  decided_on="2025-04-01")
    assert str(a.governing.ref) == "AOC2014 127-2(1)"
    assert "repeated" in a.depends_on
    note = _repetition_note(a, "AOC2014 127-2(2)")
    assert "30 MCI" in note and _REPETITION in note
    # stated, part 2 governs and nothing about it stays open
    stated = kz.assess(kz.Incident(act_date="2025-03-01", conduct="bullying_of_minor", channel="telecom_network",
                                   circumstances={"repeated"}), decided_on="2025-04-01")
    assert str(stated.governing.ref) == "AOC2014 127-2(2)" and "repeated" not in stated.depends_on
    # AOC 2014 Art. 73-3 (20.08.2024 text, aoc2014/73-3.md) has three parts, none for repetition
    slander = kz.assess(kz.Incident(act_date="2025-03-01", conduct="slander", channel="private", allegation="none"),
                        decided_on="2025-04-01")
    assert str(slander.governing.ref) == "AOC2014 73-3(1)" and "repeated" not in slander.depends_on


def test_petty_hooliganism_arrest_check_not_certain_without_repetition() -> None:
    """AOC 2014 Art. 434 in the wording of Law 10.01.2025 No. 155-VIII («вводится в действие с
    01.09.2025»; 01.09.2025 text, old layout rus/sec002-ch025.md, commit a989955d...): part 1 «...либо
    административный арест на срок от пяти до пятнадцати суток»; part 2 «Действия, предусмотренные
    частью первой настоящей статьи, совершенные повторно в течение года после наложения
    административного взыскания, – влекут привлечение к общественным работам на срок от шестидесяти
    до ста часов либо административный арест на срок от пятнадцати до тридцати суток» (31.12.2025
    text, commit 1cb4df44...). Twenty days' arrest is above part 1 and within part 2: with the
    repetition not stated the verdict is not certain and names it."""
    a = kz.assess(kz.Incident(act_date="2025-10-01", conduct="petty_hooliganism", channel="public_speech"),
                  decided_on="2025-10-20")
    assert str(a.governing.ref) == "AOC2014 434(1)"
    assert "repeated" in a.depends_on
    assert "AOC2014 434(2)" in _repetition_note(a, "AOC2014 434(2)")
    check = a.check("arrest", 20 * ureg.day)
    assert not check.certain
    assert "repeated" in check.depends_on


def test_false_information_online_names_part_4() -> None:
    """AOC 2014 Art. 456-2 (20.08.2024 text, aoc2014/456-2.md): part 3 a fine «на физических лиц – в
    размере двадцати» MCI; part 4 «Действия, предусмотренные частью третьей настоящей статьи,
    совершенные повторно в течение года после наложения административного взыскания, – влекут штраф
    на физических лиц – в размере сорока месячных расчетных показателей либо административный арест
    на срок до десяти суток»."""
    a = kz.assess(kz.Incident(act_date="2025-03-01", conduct="false_information", channel="telecom_network",
                              knowing_and_dangerous=False), decided_on="2025-04-01")
    assert str(a.governing.ref) == "AOC2014 456-2(3)"
    assert "repeated" in a.depends_on
    assert "40 MCI" in _repetition_note(a, "AOC2014 456-2(4)")


def test_bullying_that_drove_a_minor_to_suicide_is_not_answered_under_127_2() -> None:
    """CC 2014 Art. 105 (16.09.2025 text, old layout rus/sec007.md, commit 006d21b1...): part 1
    «Доведение лица до самоубийства или до покушения на самоубийство путем угроз, жестокого
    обращения или систематического унижения человеческого достоинства потерпевшего»; part 3 «в
    отношении несовершеннолетнего, – наказываются лишением свободы на срок от пяти до девяти лет».
    A crime is not an administrative offence (AOC 2014 Art. 25(2)), and Art. 105 is not modelled: a
    bullying of a minor that caused a suicide or an attempt gets no answer under AOC Art. 127-2."""
    for outcome in ("caused_suicide", "caused_suicide_attempt"):
        a = kz.assess(kz.Incident(act_date="2025-03-01", conduct="bullying_of_minor", channel="telecom_network",
                                  circumstances={outcome}), decided_on="2025-04-01")
        assert a.outcome is kz.Outcome.OUTSIDE_SCOPE and a.governing is None
        assert any("CC2014 105" in n for n in a.notes)


def test_a_fine_for_petty_hooliganism_is_not_certain_while_a_repetition_is_open() -> None:
    """AOC 2014 Art. 434 (05.09.2024 text, new layout rus/sec002-ch025.md, commit 88242bd3...): part 1
    «влечет штраф в размере двадцати месячных расчетных показателей либо административный арест на
    срок от пяти до пятнадцати суток»; part 2, «совершенные повторно в течение года после наложения
    административного взыскания», «влекут административный арест на срок от пятнадцати до тридцати
    суток»; part 3 gives the fine of twenty MCI only to «лицами, к которым административный арест в
    соответствии с частью второй статьи 50 настоящего Кодекса не применяется». A fine of 20 MCI is
    lawful under part 1, and under a repetition only for those persons: not certain."""
    a = kz.assess(kz.Incident(act_date="2025-08-15", conduct="petty_hooliganism", channel="public_speech"),
                  decided_on="2025-09-10")
    check = a.check("fine", 20 * ureg.MCI)
    assert check.verdict == "within" and not check.certain
    assert check.depends_on == ("repeated",)
    assert any("AOC2014 434(2)" in r and "pregnant" in r for r in check.reasons)
    assert any("AOC2014 434(2)" in r for r in check.reasons)


def test_a_minors_bullying_names_the_parents_part() -> None:
    """AOC 2014 Art. 127-2(3) (16.06.2024 text, aoc2014/127-2.md): «Действие, предусмотренное частями
    первой или второй настоящей статьи, совершенное несовершеннолетним лицом в возрасте от двенадцати
    до шестнадцати лет, – влечет предупреждение или штраф на родителей или лиц, их заменяющих, в
    размере десяти месячных расчетных показателей». A minor under sixteen is not simply outside
    liability under the article: the answer names part 3 (not modelled)."""
    a = kz.assess(kz.Incident(act_date="2025-03-01", conduct="bullying_of_minor", channel="telecom_network",
                              mitigating={"minor"}), decided_on="2025-03-20")
    assert "age" in a.depends_on
    assert any("127-2(3)" in n and "от двенадцати до шестнадцати лет" in n and "родителей" in n for n in a.notes)


def test_petty_hooliganism_with_violence_or_damage_is_not_answered_under_434() -> None:
    """CC 2014 Art. 293(1) (19.04.2024 text, old layout rus/sec007-ch010.md, commit a7241ec5...):
    «Хулиганство, то есть особо дерзкое нарушение общественного порядка, выражающее явное неуважение к
    обществу, сопровождающееся применением насилия к гражданам либо угрозой его применения, а равно
    уничтожением или повреждением чужого имущества ...». A crime is not an administrative offence (AOC
    2014 Art. 25(2)), and Art. 293 is not modelled: no answer under AOC Art. 434."""
    for circumstance in ("violence", "property_damage"):
        a = kz.assess(kz.Incident(act_date="2025-03-01", conduct="petty_hooliganism", channel="public_speech",
                                  circumstances={circumstance}), decided_on="2025-04-01")
        assert a.outcome is kz.Outcome.OUTSIDE_SCOPE and a.governing is None
        assert any("CC2014 293" in n for n in a.notes)


def test_a_first_offence_can_be_stated_and_is_then_certain() -> None:
    """AOC 2014 Art. 434 (the 01.09.2025 wording quoted above): part 2, «совершенные повторно в
    течение года после наложения административного взыскания», punishes with arrest of fifteen to
    thirty days, part 1 with arrest of five to fifteen. ``circumstances=not_repeated`` states that
    no penalty was imposed for the same act within the year before: the answer under part 1 no
    longer turns on the repetition, and twenty days' arrest is certainly above part 1's range."""
    first = kz.Incident(act_date="2025-10-01", conduct="petty_hooliganism", channel="public_speech",
                        circumstances={"not_repeated"})
    a = kz.assess(first, decided_on="2025-10-20")
    assert str(a.governing.ref) == "AOC2014 434(1)" and "repeated" not in a.depends_on
    assert not any("circumstances=repeated" in n for n in a.notes)
    check = a.check("arrest", 20 * ureg.day)
    assert check.verdict == "above_maximum" and check.certain and "repeated" not in check.depends_on
    again = kz.assess(first.varied(circumstances={"repeated"}), decided_on="2025-10-20")
    assert str(again.governing.ref) == "AOC2014 434(2)"
    assert kz.Incident.from_dict({**first.to_dict(), "circumstances": "not_repeated;emergency"}).circumstances == {
        kz.Circumstance.NOT_REPEATED, kz.Circumstance.EMERGENCY}


def test_repeated_and_not_repeated_together_are_refused() -> None:
    try:
        kz.Incident(act_date="2025-10-01", conduct="petty_hooliganism", channel="public_speech",
                    circumstances={"repeated", "not_repeated"})
    except kz.InvalidIncident as error:
        assert error.field == "circumstances" and "not both" in str(error)
    else:
        raise AssertionError("both were accepted")
