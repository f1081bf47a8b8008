"""Reads the figures of a Russian sanction text: every amount with its unit, bound and subject.

The statute states its penalties in words ("до одной тысячи месячных расчетных показателей",
"на срок от двух до семи лет"). :func:`parse_amounts` turns such a text into :class:`Amount`
records so that the figures in the data files can be checked against the statute's own words
(``tests/test_statute_figures.py``).

What it reads:

- number words in any case ("одной тысячи", "ста шестидесяти", "тысячи пятисот") and digits;
- the unit that follows: месячных расчетных показателей (MCI), тенге (KZT), год/лет (year),
  месяц (month), сутки (day), час (hour);
- the bound: "до X" is ``max``, "от X до Y" is ``min`` and ``max`` (also "от трех до семи
  тысяч", where the first number takes the thousands of the second), anything else ``amount``;
- "в том же размере" and "на тот же срок" repeat the figure (or range) before them;
- the elliptical lists of the Code of Administrative Offences ("на должностных лиц в размере
  десяти, на субъектов малого предпринимательства – в размере двадцати ... месячных расчетных
  показателей"): a number after "в размере" with no unit takes the next unit stated;
- the subjects a figure is for ("на физических лиц", "на должностных лиц, субъектов малого
  предпринимательства, некоммерческие организации – в размере тридцати"): one :class:`Amount`
  per subject named; the subjects hold until the next "на <subject>" or an additional penalty
  ("с приостановлением выпуска ... на срок до трех месяцев"), which is for anyone.

A number with no unit that is not in such a construction ("1) преступной группой", "статьи 50")
is not a figure and is dropped.

>>> [str(a) for a in parse_amounts("наказывается штрафом в размере до одной тысячи месячных "
...     "расчетных показателей либо исправительными работами в том же размере, либо ограничением "
...     "свободы на срок до одного года, либо лишением свободы на тот же срок")]
['max 1000 MCI', 'max 1000 MCI', 'max 1 year', 'max 1 year']
>>> [str(a) for a in parse_amounts("штрафом в размере от двух тысяч до семи тысяч месячных "
...     "расчетных показателей либо ограничением свободы на срок от двух до семи лет")]
['min 2000 MCI', 'max 7000 MCI', 'min 2 year', 'max 7 year']
>>> [str(a) for a in parse_amounts("штраф на физическое лицо в размере ста шестидесяти месячных "
...     "расчетных показателей или административный арест на срок пятнадцать суток")]
['160 MCI (natural_person)', '15 day (natural_person)']
>>> [str(a) for a in parse_amounts("привлечением к общественным работам на срок до ста двадцати "
...     "часов, с лишением права ... на срок до трех лет или без такового")]
['max 120 hour', 'max 3 year']
>>> [str(a) for a in parse_amounts("за период до шести месяцев; штрафом в размере 20 месячных "
...     "расчетных показателей; 1) группой лиц")]
['max 6 month', '20 MCI']
>>> [str(a) for a in parse_amounts("штрафом в размере от трех до семи тысяч месячных расчетных "
...     "показателей либо исправительными работами на срок от одного года до двух лет")]
['min 3000 MCI', 'max 7000 MCI', 'min 1 year', 'max 2 year']
>>> [str(a) for a in parse_amounts("влечет штраф на должностных лиц, субъектов малого "
...     "предпринимательства, некоммерческие организации – в размере тридцати, на субъектов "
...     "крупного предпринимательства – в размере тысячи пятисот месячных расчетных показателей")]
['30 MCI (official)', '30 MCI (small_business)', '30 MCI (non_profit_organisation)', '1500 MCI (large_business)']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

Bound = Literal["min", "max", "amount"]

__all__ = ["Amount", "Bound", "parse_amounts", "parse_number"]


@dataclass(frozen=True)
class Amount:
    """One figure of a sanction text: ``value`` in ``unit``, as a ``bound``, for ``subject``.

    ``unit`` is one of ``MCI``, ``KZT``, ``year``, ``month``, ``day``, ``hour`` (the units of
    :mod:`kzspeechlaw.units`); ``subject`` is a :class:`kzspeechlaw.law.model.Subject` value or
    ``None`` where the text names no subject.
    """

    value: int
    unit: str
    bound: Bound
    subject: str | None = None

    def __str__(self) -> str:
        text = f"{self.value} {self.unit}" if self.bound == "amount" else f"{self.bound} {self.value} {self.unit}"
        return text if self.subject is None else f"{text} ({self.subject})"


# --- number words ----------------------------------------------------------------------------------
# Every case form used in the codes; ordinals ("первой", "четвертой") are deliberately absent.

_WORDS: dict[int, tuple[str, ...]] = {
    1: ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трёх", "трем", "трём", "тремя"),
    4: ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи", "семью"),
    8: ("восемь", "восьми", "восемью"),
    9: ("девять", "девяти", "девятью"),
    10: ("десять", "десяти", "десятью"),
    11: ("одиннадцать", "одиннадцати"),
    12: ("двенадцать", "двенадцати"),
    13: ("тринадцать", "тринадцати"),
    14: ("четырнадцать", "четырнадцати"),
    15: ("пятнадцать", "пятнадцати"),
    16: ("шестнадцать", "шестнадцати"),
    17: ("семнадцать", "семнадцати"),
    18: ("восемнадцать", "восемнадцати"),
    19: ("девятнадцать", "девятнадцати"),
    20: ("двадцать", "двадцати"),
    30: ("тридцать", "тридцати"),
    40: ("сорок", "сорока"),
    50: ("пятьдесят", "пятидесяти"),
    60: ("шестьдесят", "шестидесяти"),
    70: ("семьдесят", "семидесяти"),
    80: ("восемьдесят", "восьмидесяти"),
    90: ("девяносто", "девяноста"),
    100: ("сто", "ста", "сотни"),
    200: ("двести", "двухсот", "двумстам"),
    300: ("триста", "трехсот", "трёхсот"),
    400: ("четыреста", "четырехсот", "четырёхсот"),
    500: ("пятьсот", "пятисот"),
    600: ("шестьсот", "шестисот"),
    700: ("семьсот", "семисот"),
    800: ("восемьсот", "восьмисот"),
    900: ("девятьсот", "девятисот"),
}
_NUMBER = {form: value for value, forms in _WORDS.items() for form in forms}
_THOUSAND = ("тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами")

_UNIT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("месячн", "MCI"),  # месячных расчетных показателей
    ("мрп", "MCI"),
    ("тенге", "KZT"),
    ("лет", "year"),
    ("год", "year"),
    ("месяц", "month"),
    ("сут", "day"),  # суток, сутки
    ("дн", "day"),  # дней, дня
    ("день", "day"),
    ("час", "hour"),  # часов, часа
)
_YEAR_FORMS = {"год", "года", "году", "годом", "лет"}

_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("физическ", "natural_person"),
    ("должностн", "official"),
    ("малого", "small_business"),
    ("среднего", "medium_business"),
    ("крупного", "large_business"),
    ("некоммерческ", "non_profit_organisation"),
    ("юридическ", "legal_entity"),
)

# Additional penalties ("с конфискацией ...", "с лишением права ...") follow the subject list
# but apply whoever the offender is.
_ADDITIONAL = ("приостановлени", "конфискаци", "лишени", "запрещени", "выдворени")

_TOKEN = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|\d+|[а-яё]+", re.IGNORECASE)


def _unit(word: str) -> str | None:
    for prefix, unit in _UNIT_PREFIXES:
        if word.startswith(prefix):
            if unit == "year" and word not in _YEAR_FORMS:
                return None  # "годовой", "лето" and the like are not terms
            if unit == "day" and prefix == "дн" and word not in ("дней", "дня", "дням"):
                return None
            return unit
    return None


def _subject(word: str) -> str | None:
    return next((subject for prefix, subject in _SUBJECTS if word.startswith(prefix)), None)


def _is_number_token(word: str) -> bool:
    return word[0].isdigit() or word in _NUMBER or word in _THOUSAND


def parse_number(words: Sequence[str]) -> tuple[int, bool]:
    """The value of a run of number tokens, and whether it was stated in thousands.

    >>> parse_number(["одной", "тысячи", "двухсот"])
    (1200, True)
    >>> parse_number(["тысячи", "пятисот"])
    (1500, True)
    >>> parse_number(["ста", "шестидесяти"])
    (160, False)
    >>> parse_number(["2 000"])
    (2000, False)
    """
    total, current, thousands = 0, 0, False
    for word in words:
        if word[0].isdigit():
            current += int(re.sub(r"\D", "", word))
        elif word in _THOUSAND:
            total += (current or 1) * 1000
            current, thousands = 0, True
        else:
            current += _NUMBER[word]
    return total + current, thousands


@dataclass
class _Pending:
    value: int
    thousands: bool
    bound: Bound
    subjects: tuple[str | None, ...]


def parse_amounts(text: str) -> list[Amount]:
    """Every figure stated in a Russian sanction ``text``, in the order of the text.

    See the module docstring for what is read. A figure for several subjects at once gives one
    :class:`Amount` per subject.

    >>> [str(a) for a in parse_amounts("влечет штраф в размере пяти месячных расчетных показателей "
    ...     "либо административный арест на срок до десяти суток")]
    ['5 MCI', 'max 10 day']
    >>> [str(a) for a in parse_amounts("штраф на должностных лиц в размере сорока, на субъектов "
    ...     "крупного предпринимательства – в размере одной тысячи месячных расчетных показателей, с "
    ...     "приостановлением выпуска на срок до трех месяцев")]
    ['40 MCI (official)', '1000 MCI (large_business)', 'max 3 month']
    >>> parse_amounts("совершенные повторно в течение года после наложения взыскания")
    []
    """
    words = [w.lower() for w in _TOKEN.findall(text)]
    found: list[Amount] = []
    pending: list[_Pending] = []  # numbers waiting for the unit stated after them
    last_group: list[Amount] = []  # the last figure or range, for "в том же размере"
    subjects: tuple[str | None, ...] = (None,)
    i = 0

    def emit(value: int, unit: str, bound: Bound, for_subjects: tuple[str | None, ...]) -> list[Amount]:
        made = [Amount(value, unit, bound, s) for s in for_subjects]
        found.extend(made)
        return made

    while i < len(words):
        word = words[i]

        # "на должностных лиц, субъектов малого предпринимательства ... – в размере": new subjects
        if word == "на" and i + 1 < len(words) and (
            _subject(words[i + 1]) is not None or words[i + 1].startswith("субъект")
        ):
            named: list[str] = []
            j = i + 1
            while j < len(words) and words[j] not in ("размере", "штраф", "арест") and not _is_number_token(words[j]):
                subject = _subject(words[j])
                if subject is not None and subject not in named:
                    named.append(subject)
                j += 1
            subjects = tuple(named)
            i = j
            continue

        # ", с приостановлением ... на срок до трех месяцев": an additional penalty is for every subject
        if word == "с" and i + 1 < len(words) and words[i + 1].startswith(_ADDITIONAL):
            subjects = (None,)
            i += 1
            continue

        # "в том же размере", "на тот же срок": repeat the previous figure or range
        if word in ("том", "тот") and i + 2 < len(words) and words[i + 1] == "же" and words[i + 2] in (
            "размере", "срок"
        ):
            if last_group:
                repeated = [replace(a) for a in last_group]
                found.extend(repeated)
            i += 3
            continue

        if not _is_number_token(word):
            i += 1
            continue

        # a run of number tokens
        j = i
        while j < len(words) and _is_number_token(words[j]):
            j += 1
        value, thousands = parse_number(words[i:j])
        before = words[i - 1] if i > 0 else ""
        unit = _unit(words[j]) if j < len(words) else None
        bound: Bound = "max" if before == "до" else "min" if before == "от" else "amount"

        if unit is None:
            # only "от X до ..." and "в размере X, ..." wait for a later unit; anything else is not a figure
            if before in ("от", "размере") or (before == "до" and words[i - 2 : i - 1] == ["размере"]):
                pending.append(_Pending(value, thousands, bound, subjects))
            i = j
            continue

        previous = found[-1] if found else None
        made: list[Amount] = []
        for p in pending:
            pvalue = p.value
            if p.bound == "min" and thousands and not p.thousands and pvalue < 1000 and pvalue * 1000 <= value:
                pvalue *= 1000  # "от трех до семи тысяч": 3 000 to 7 000
            made += emit(pvalue, unit, p.bound, p.subjects)
        opened_here = bool(pending) and pending[-1].bound == "min"
        pending = []
        made += emit(value, unit, bound, subjects)
        if bound == "max" and not opened_here and previous is not None and previous.bound == "min" and last_group:
            last_group = last_group + made  # "от одного года до двух лет": one range
        else:
            last_group = made
        i = j + 1
    return found
