"""Citations of article parts: :class:`Ref` and a parser for English, Russian and Kazakh spellings.

The canonical form is ``CODE ARTICLE(PART)(CLAUSE)``: ``"CC2014 274(4)(2)"``,
``"AOC2014 73-3(2)"``, ``"CC1997 129(3)"``; an article without a part is ``"CC2014 130"``.

>>> parse("ч. 3 ст. 130 УК РК", on=dt.date(2019, 9, 23))
Ref('CC2014', '130', part=3)
>>> str(parse("п. 2 ч. 4 ст. 274 УК", on=dt.date(2020, 3, 26)))
'CC2014 274(4)(2)'
>>> str(parse("ҚК 174-бабы 1-бөлігі", on=dt.date(2021, 1, 1)))
'CC2014 174(1)'
>>> str(parse("Art. 73-3(2) AOC"))
'AOC2014 73-3(2)'
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from kzspeechlaw.errors import CitationError, quote
from kzspeechlaw.i18n import N_, Message

CODES = ("CC1997", "CC2014", "AOC2014")
"""The codes the library models."""

CC2014_FROM = dt.date(2015, 1, 1)
"""Criminal Code 2014 (No. 226-V) in force from 1 January 2015 (its Art. 467(1))."""

FIRST_DAYS = {"CC1997": dt.date(1998, 1, 1), "CC2014": CC2014_FROM, "AOC2014": dt.date(2015, 1, 1)}
"""The first day of each code modelled (the ``valid_from`` of its ``[code]`` record in the data; a
test checks they agree). Before it, a code named without its year is an earlier code the data does
not model: before 1998 the Criminal Code of the Kazakh SSR of 22 July 1959 («Уголовным кодексом
Казахской ССР от 22 июля 1959 года (с изменениями и дополнениями, внесенными до 1 января 1998
года)», Amnesty Law of 07.12.2021 No. 81-VII), before 2015 the Code of Administrative Offences
that the 2014 one replaced."""

MAX_CITATION = 500
"""The longest citation parsed, in characters (the longest spelling, a clause of a part of an
article of the Code of Administrative Offences named in full with its year, is about 110):
longer texts raise :class:`~kzspeechlaw.CitationError` without being read."""

MAX_DIGITS = 4
"""The most digits of an article, part or clause number (the codes modelled have fewer than 10 000
articles); longer numbers raise :class:`~kzspeechlaw.CitationError` naming them."""

_NUMBER = rf"[0-9]{{1,{MAX_DIGITS}}}"
_ARTICLE = rf"{_NUMBER}(?:-{_NUMBER})?"


def _article_key(article: str) -> tuple[int, ...]:
    return tuple(int(n) for n in article.split("-"))


def _check_code(ref: Ref, attribute: attrs.Attribute[str], value: object) -> None:
    if not (isinstance(value, str) and value in CODES):
        raise CitationError(Message("unknown code {code}: expected one of {codes}", code=quote(value),
                                    codes=", ".join(CODES)))


def _check_article(ref: Ref, attribute: attrs.Attribute[str], value: object) -> None:
    if not (isinstance(value, str) and re.fullmatch(_ARTICLE, value)):
        raise CitationError(
            f"article {quote(value)}: expected an article number such as '130' or '73-3' "
            f"(at most {MAX_DIGITS} digits on either side of the hyphen)"
        )


def _check_number(ref: Ref, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < 10**MAX_DIGITS:
        raise CitationError(
            f"{attribute.name} {quote(value)}: expected None or a whole number from 1 to {10**MAX_DIGITS - 1}"
        )


@attrs.frozen(order=False, cache_hash=True)
class Ref:
    """One article, article part or clause of a code: ``Ref('CC2014', '274', part=4, clause=2)``.

    A code outside :data:`CODES`, an article that is not ``N`` or ``N-M``, or a part or clause
    that is not a whole number from 1 raises :class:`~kzspeechlaw.CitationError`.
    """

    code: str = attrs.field(validator=_check_code)
    article: str = attrs.field(validator=_check_article)
    part: int | None = attrs.field(default=None, validator=_check_number)
    clause: int | None = attrs.field(default=None, validator=_check_number)
    _text: str = attrs.field(init=False, eq=False, repr=False)  # str(self), made once

    def __attrs_post_init__(self) -> None:
        if self.clause is not None and self.part is None:
            raise CitationError(f"{self.code} {self.article}: a clause needs a part")
        text = f"{self.code} {self.article}"
        if self.part is not None:
            text += f"({self.part})"
        if self.clause is not None:
            text += f"({self.clause})"
        object.__setattr__(self, "_text", text)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={value}"
            for name, value in (("part", self.part), ("clause", self.clause))
            if value is not None
        )
        return f"Ref({self.code!r}, {self.article!r}{extra})"

    def __lt__(self, other: Ref) -> bool:
        if not isinstance(other, Ref):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def sort_key(self) -> tuple[int, tuple[int, ...], int, int]:
        """Order by code, then article number (``73-3`` after ``73``), part and clause."""
        return (
            CODES.index(self.code),
            _article_key(self.article),
            self.part or 0,
            self.clause or 0,
        )

    @property
    def article_ref(self) -> Ref:
        """The whole article this part belongs to."""
        return Ref(self.code, self.article)

    def contains(self, other: Ref) -> bool:
        """True when ``other`` is this reference or lies inside it (an article holds its parts)."""
        return (
            self.code == other.code
            and self.article == other.article
            and (self.part is None or self.part == other.part)
            and (self.clause is None or self.clause == other.clause)
        )

    @property
    def eid(self) -> str:
        """Akoma Ntoso style identifier: ``art_274__para_4__point_2``."""
        text = f"art_{self.article.replace('-', '_')}"
        if self.part is not None:
            text += f"__para_{self.part}"
        if self.clause is not None:
            text += f"__point_{self.clause}"
        return text


# --- the parser -----------------------------------------------------------------------------

_LETTERS = r"[^\W\d_]*"  # the ending of a word (letters only: a number after it is not taken in)
_YEAR = r"(?:\s*(?:от\s*)?(?P<year>1997|2014)(?:\s*(?:года|г\.?|жылғы))?)?"
_CC = rf"(?:уголовн{_LETTERS}\s+кодекс{_LETTERS}|ук|қк|қылмыстық\s+кодекс{_LETTERS}|criminal\s+code|cc)"
_AOC = (
    rf"(?:кодекс{_LETTERS}\s+(?:республики\s+казахстан\s+)?об\s+административных\s+правонарушениях"
    rf"|коап|әқбтк|әкімшілік\s+құқық\s+бұзушылық\s+туралы\s+кодекс{_LETTERS}"
    r"|code\s+of\s+administrative\s+offen[cs]es|administrative\s+offen[cs]es\s+code|aoc)"
)
_STATE = r"(?:рк|республики\s+казахстан|қр|of\s+kazakhstan|of\s+the\s+republic\s+of\s+kazakhstan)"
_CODE = rf"(?:(?:рк|қр)\s+)?(?:(?P<cc>{_CC})|(?P<aoc>{_AOC}))(?:\s*{_STATE})?{_YEAR}"

_ANY_ARTICLE = r"[0-9]+(?:-[0-9]+)?"  # any length here: a long number is refused by name, not as unreadable
_PATTERNS = [
    # canonical and English: "CC2014 274(4)(2)", "Art. 274(4)(2) Criminal Code", "Article 130(3) of the CC"
    rf"^(?:the\s+)?{_CODE}\s*(?:art(?:icle)?\.?\s*)?(?P<article>{_ANY_ARTICLE})(?:\((?P<part>[0-9]+)\))?(?:\((?P<clause>[0-9]+)\))?$",
    rf"^art(?:icle)?\.?\s*(?P<article>{_ANY_ARTICLE})(?:\((?P<part>[0-9]+)\))?(?:\((?P<clause>[0-9]+)\))?\s*(?:of\s+)?(?:the\s+)?{_CODE}$",
    # Russian: "п. 2 ч. 4 ст. 274 УК РК", "части 3 статьи 130 УК", "ст. 73-3 ч. 2 КоАП"
    rf"^(?:(?:п\.|пункт{_LETTERS})\s*(?P<clause>[0-9]+)\s*)?(?:(?:ч\.|част{_LETTERS})\s*(?P<part>[0-9]+)\s*)?(?:ст\.|стать{_LETTERS})\s*(?P<article>{_ANY_ARTICLE})\s*{_CODE}$",
    rf"^(?:ст\.|стать{_LETTERS})\s*(?P<article>{_ANY_ARTICLE})\s*(?:(?:ч\.|част{_LETTERS})\s*(?P<part>[0-9]+)\s*)?(?:(?:п\.|пункт{_LETTERS})\s*(?P<clause>[0-9]+)\s*)?{_CODE}$",
    # Kazakh: "ҚК 174-бабы 1-бөлігі", "ҚК 274-бабының 4-бөлігінің 2-тармағы", "174-бабының 1-бөлігі ҚК"
    rf"^{_CODE}\s*(?P<article>{_ANY_ARTICLE})\s*-\s*ба[бп]{_LETTERS}(?:\s*(?P<part>[0-9]+)\s*-\s*бөлі{_LETTERS})?(?:\s*(?P<clause>[0-9]+)\s*-\s*тарма{_LETTERS})?$",
    rf"^(?P<article>{_ANY_ARTICLE})\s*-\s*ба[бп]{_LETTERS}(?:\s*(?P<part>[0-9]+)\s*-\s*бөлі{_LETTERS})?(?:\s*(?P<clause>[0-9]+)\s*-\s*тарма{_LETTERS})?\s*{_CODE}$",
]


@functools.cache
def _compiled(index: int) -> re.Pattern[str]:
    """Pattern ``index`` of :data:`_PATTERNS`, compiled when first tried (compiling them all takes
    longer than a start that reads one canonical citation)."""
    return re.compile(_PATTERNS[index], re.IGNORECASE)


_CANONICAL = re.compile(rf"({'|'.join(CODES)}) ({_ARTICLE})(?:\(({_NUMBER})\))?(?:\(({_NUMBER})\))?")
"""The canonical form (``CC2014 274(4)(2)``): read as the first of :data:`_PATTERNS` reads it."""

EXPECTED = N_(
    "a citation such as 'CC2014 130(3)', 'ч. 3 ст. 130 УК РК', 'п. 2 ч. 4 ст. 274 УК', "
    "'ч. 2 ст. 73-3 КоАП РК', 'ҚК 174-бабы 1-бөлігі' or 'Art. 274(4)(2) Criminal Code'"
)


def _normalise(text: str) -> str:
    """Spaces, dashes and commas made uniform; every step is linear in the text."""
    text = text.replace("\u00a0", " ").replace("№", "").strip().rstrip(".")
    text = re.sub(r"[–—‑]", "-", text)
    text = re.sub(r"[\s,]+", " ", text).strip()
    # "CC2014" and "AOC2014" glue the year to the code.
    return re.sub(r"^(CC|AOC)(1997|2014)\b", r"\1 \2", text, flags=re.IGNORECASE)


def parse(text: str, on: dt.date | None = None) -> Ref:
    """Parse a citation; a code named without its year is resolved by ``on``.

    The Criminal Code without a year is the 1997 code before 2015-01-01 and the 2014 code from
    then on; without ``on`` it is the code in force today. Before a code's first day
    (:data:`FIRST_DAYS`: the 1997 Criminal Code from 1998-01-01, the 2014 Code of Administrative
    Offences from 2015-01-01) a code named without its year is an earlier one, not modelled:
    :class:`CitationError`. Raises :class:`CitationError`, also for
    a text longer than :data:`MAX_CITATION` characters or a number longer than :data:`MAX_DIGITS`
    digits. Normalising is linear in the text's length and the patterns only read texts within that
    limit (word endings match letters only, so no number is read two ways): milliseconds at most.
    """
    if not isinstance(text, str):
        raise CitationError(f"citation must be a string, not {type(text).__name__}: {quote(text)}")
    if len(text) > MAX_CITATION:
        raise CitationError(
            f"citation {quote(text)} is too long: expected at most {MAX_CITATION} characters, got {len(text)}"
        )
    canonical = _CANONICAL.fullmatch(text)
    if canonical is not None:
        code, article, part, clause = canonical.groups()
        return Ref(code, article, part=int(part) if part else None, clause=int(clause) if clause else None)
    cleaned = _normalise(text)
    for index in range(len(_PATTERNS)):
        match = _compiled(index).match(cleaned)
        if match is None:
            continue
        year = match.group("year")
        if match.group("aoc"):
            if year == "1997":
                raise CitationError(
                    f"cannot parse {quote(text)}: the Code of Administrative Offences modelled is the 2014 one"
                )
            code = "AOC2014"
        elif year is not None:
            code = f"CC{year}"
        else:
            code = "CC1997" if on is not None and on < CC2014_FROM else "CC2014"
        if year is None and on is not None and on < FIRST_DAYS[code]:
            raise CitationError(Message(
                "cannot read {text} on {on}: a code named without its year means the code in force that day, an "
                "earlier code than those modelled (the {code} applies from {first}); expected a date from {first} "
                "or the code with its year", text=quote(text), on=on, code=code,
                first=FIRST_DAYS[code]))
        part, clause = match.group("part"), match.group("clause")
        for number in (*match.group("article").split("-"), part or "", clause or ""):
            if len(number) > MAX_DIGITS:
                raise CitationError(
                    f"cannot parse {quote(text)}: the number {quote(number, 20)} is too long; article, part "
                    f"and clause numbers have at most {MAX_DIGITS} digits"
                )
        return Ref(
            code,
            match.group("article"),
            part=int(part) if part else None,
            clause=int(clause) if clause else None,
        )
    raise CitationError(Message("cannot parse citation {text}: expected {expected}", text=quote(text),
                                expected=EXPECTED))


def as_ref(value: Ref | str, on: dt.date | None = None) -> Ref:
    """Accept a :class:`Ref` or a citation string."""
    return value if isinstance(value, Ref) else parse(value, on=on)
