"""The data must say what the statute says: figures as in the text.

For every verified version the figures of its ``sanctions`` and ``additional`` (each ``min``,
``max`` or ``amount`` with its unit and subject) must be exactly the figures read from its
recorded statute ``text`` by :func:`kzspeechlaw.numerals.parse_amounts` — as multisets, so a
figure stated twice ("исправительными работами в том же размере") is there twice, and a figure
stated once for three subjects ("на должностных лиц, субъектов малого предпринимательства,
некоммерческие организации – в размере тридцати") is there once per subject. Equality, not
containment: a figure in the text missing from the data is as much a finding as the reverse.

That every version cites an https source, carries its text where verified and does not overlap
another is the loader's to check (each such rule has a failing fixture in test_data_validation.py).
"""

from __future__ import annotations

from collections import Counter

import pytest
from numerals import parse_amounts

from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision
from kzspeechlaw.units import Quantity

Figure = tuple[int, str, str, str | None]


VERIFIED = [p for versions in law().versions.values() for p in versions if p.verified]


def _id(p: Provision) -> str:
    return f"{p.ref} from {p.valid_from}"


def _number(q: Quantity) -> int:
    magnitude = q.magnitude
    assert float(magnitude).is_integer(), q
    return int(magnitude)


def data_figures(p: Provision) -> Counter[Figure]:
    """The figures of a version's sanctions and additional punishments, as (value, unit, bound, subject)."""
    figures: Counter[Figure] = Counter()
    for s in (*p.sanctions, *p.additional):
        subject = s.subject.value if s.subject is not None else None
        if s.fixed:
            figures[(_number(s.maximum), str(s.maximum.units), "amount", subject)] += 1
            continue
        for bound, q in (("min", s.minimum), ("max", s.maximum)):
            if q is not None:
                figures[(_number(q), str(q.units), bound, subject)] += 1
    return figures


def text_figures(text: str) -> Counter[Figure]:
    return Counter((a.value, a.unit, a.bound, a.subject) for a in parse_amounts(text))


def describe(figures: Counter[Figure]) -> str:
    return ", ".join(
        f"{n}x " * (n > 1) + (f"{v} {u}" if b == "amount" else f"{b} {v} {u}") + (f" ({s})" if s else "")
        for (v, u, b, s), n in sorted(figures.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2], str(kv[0][3])))
    )


@pytest.mark.parametrize("version", VERIFIED, ids=[_id(p) for p in VERIFIED])
def test_verified_figures_match_the_statute_text(version: Provision) -> None:
    in_data, in_text = data_figures(version), text_figures(version.text)
    missing, extra = in_text - in_data, in_data - in_text
    assert not missing and not extra, (
        f"{_id(version)}: the statute text states [{describe(missing)}] not in the data; "
        f"the data has [{describe(extra)}] not in the text"
    )


def test_there_are_verified_versions_to_check() -> None:
    assert len(VERIFIED) >= 30


# --- the number-words parser on its own ----------------------------------------------------------

_UNITS_GEN = ["", "одного", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"]
_TEENS_GEN = ["десяти", "одиннадцати", "двенадцати", "тринадцати", "четырнадцати", "пятнадцати",
              "шестнадцати", "семнадцати", "восемнадцати", "девятнадцати"]
_TENS_GEN = ["", "", "двадцати", "тридцати", "сорока", "пятидесяти", "шестидесяти", "семидесяти",
             "восьмидесяти", "девяноста"]
_HUNDREDS_GEN = ["", "ста", "двухсот", "трехсот", "четырехсот", "пятисот", "шестисот", "семисот",
                 "восьмисот", "девятисот"]


def genitive(n: int) -> str:
    """``n`` (1..999 999) in words, genitive case, as the codes write it ("одной тысячи двухсот")."""
    words = []
    thousands, rest = divmod(n, 1000)
    if thousands:
        head = genitive(thousands).split()
        if thousands % 10 == 1 and thousands % 100 != 11:
            head[-1] = "одной"
        words += [*head, "тысячи" if thousands % 10 == 1 and thousands % 100 != 11 else "тысяч"]
    hundreds, tail = divmod(rest, 100)
    if hundreds:
        words.append(_HUNDREDS_GEN[hundreds])
    if 10 <= tail < 20:
        words.append(_TEENS_GEN[tail - 10])
    else:
        if tail >= 20:
            words.append(_TENS_GEN[tail // 10])
        if tail % 10:
            words.append(_UNITS_GEN[tail % 10])
    return " ".join(words)


@pytest.mark.parametrize("n", [1, 2, 5, 11, 15, 40, 45, 80, 90, 100, 120, 160, 180, 240, 250, 300, 600, 1000,
                               1200, 1500, 2000, 3000, 4000, 7000, 10000, 21000])
def test_number_words_read_back(n: int) -> None:
    assert [str(a) for a in parse_amounts(f"штрафом в размере до {genitive(n)} месячных расчетных показателей")] == [
        f"max {n} MCI"
    ]


def test_number_words_read_back_for_every_value_below_ten_thousand() -> None:
    wrong = [n for n in range(1, 10000) if [(a.value, a.unit) for a in parse_amounts(f"на срок {genitive(n)} часов")] != [(n, "hour")]]
    assert not wrong, wrong[:10]


def test_digits_and_units() -> None:
    found = [str(a) for a in parse_amounts("штраф в размере 2 000 МРП либо арест на срок 15 суток, 1) группой лиц")]
    assert found == ["2000 MCI", "15 day"]


def test_same_term_repeats_a_whole_range() -> None:
    found = [str(a) for a in parse_amounts("ограничением свободы на срок от трех до семи лет либо лишением свободы на тот же срок")]
    assert found == ["min 3 year", "max 7 year", "min 3 year", "max 7 year"]


def test_ordinals_are_not_figures() -> None:
    assert parse_amounts("Деяния, предусмотренные частями первой, второй, третьей или четвертой настоящей статьи") == []


def test_income_measure_of_a_1997_fine() -> None:
    """CC 1997: "или в размере заработной платы или иного дохода осужденного за период ..." is a term
    in months (or a year), read as the figures of the ``income_fine`` alternative."""
    found = [str(a) for a in parse_amounts(
        "штрафом в размере от пятисот до трех тысяч месячных расчетных показателей или в размере заработной "
        "платы или иного дохода осужденного за период от пяти месяцев до одного года, либо ограничением "
        "свободы на срок до четырех лет")]
    assert found == ["min 500 MCI", "max 3000 MCI", "min 5 month", "max 1 year", "max 4 year"]
    found = [str(a) for a in parse_amounts("или в размере заработной платы или иного дохода осужденного за период до одного месяца")]
    assert found == ["max 1 month"]


def test_cc1997_164_names_class_discord_only_in_its_propaganda_limb() -> None:
    # CC 1997 Art. 164(1), final text (statutes/cc1997/164.md, commit 8c7ac3b3...): «Умышленные
    # действия, направленные на возбуждение социальной, национальной, родовой, расовой, религиозной
    # вражды или розни, ... а равно пропаганда исключительности, превосходства либо неполноценности
    # граждан по признаку их отношения к религии, сословной, национальной, родовой или расовой
    # принадлежности». Class («сословной») discord is not among the kinds whose arousing it punishes
    # (CC 2014 Art. 174 adds it: «сословной или религиозной розни»). An incitement of class discord
    # alone was a certain "liable" under 164(1); it turns on whether it was such propaganda.
    import kzspeechlaw as kz

    inc = kz.Incident(act_date="2012-06-01", conduct="incitement_of_discord", discord={"class"},
                      channel="public_speech")
    a = kz.assess(inc, decided_on="2013-01-10")
    assert a.governing is not None and str(a.governing.ref) == "CC1997 164(1)"
    assert "class_propaganda" in a.depends_on
    # another kind stated beside it settles the clause: no doubt
    both = kz.assess(kz.Incident(act_date="2012-06-01", conduct="incitement_of_discord",
                                 discord={"class", "social"}, channel="public_speech"), decided_on="2013-01-10")
    assert "class_propaganda" not in both.depends_on
    # the 2014 Code names it: «разжигание социальной, национальной, родовой, расовой, сословной или
    # религиозной розни»
    later = kz.assess(kz.Incident(act_date="2016-06-01", conduct="incitement_of_discord", discord={"class"},
                                  channel="public_speech"), decided_on="2017-01-10")
    assert later.governing is not None and str(later.governing.ref) == "CC2014 174(1)"
    assert "class_propaganda" not in later.depends_on
