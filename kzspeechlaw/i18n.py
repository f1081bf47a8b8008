"""The library's words in English, Russian and Kazakh: gettext catalogues and the current language.

Everything a person reads (the command line's text, :meth:`~kzspeechlaw.Sanction.describe`, the
notes and trace of an assessment, errors' messages, the web page) is written in English in the
code and translated through one catalogue per language, ``kzspeechlaw/locale/<lang>/LC_MESSAGES/
kzspeechlaw.po`` (compiled to ``.mo`` beside it). JSON output, keys and enum values stay English.
A date a person reads is written by :func:`local_date`: ``DD.MM.YYYY`` in Russian and Kazakh, as
the codes and the courts write it, ISO in English (and in JSON, registers and fields typed back).

The language is chosen by :func:`choose`: an explicit argument, else ``KZSPEECHLAW_LANG``, else
the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. :func:`use` sets
it for a block (a context variable, so threads and tasks each keep their own); :func:`gettext`
and :func:`render` translate into it.

A text built while the answer is computed (a note, a trace step) is a :class:`Message`: a ``str``
holding the English text, as stored and exported, that remembers its template and values so that
:func:`render` can write it in another language later.

>>> from kzspeechlaw.law.model import Penalty
>>> m = Message("{kind} up to {maximum}", kind=Penalty.CORRECTIONAL_WORK, maximum="2 000 MCI")
>>> m
'correctional work up to 2 000 MCI'
>>> with use("ru"):
...     render(m)
'исправительные работы до 2 000 MCI'
>>> render(m, "kk")
'түзеу жұмыстары 2 000 MCI дейін'
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import gettext as _gettext
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

LANGS = ("en", "ru", "kk")
"""The languages, the first the default (the language the code is written in)."""

LANG_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
"""Each language's name in itself."""

DOMAIN = "kzspeechlaw"
LOCALE_DIR = Path(__file__).parent / "locale"
"""Where the catalogues are: ``<lang>/LC_MESSAGES/kzspeechlaw.mo``."""

ENV = "KZSPEECHLAW_LANG"
"""The environment variable that chooses the language when no argument does."""

_LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's own order

_current: contextvars.ContextVar[str] = contextvars.ContextVar("kzspeechlaw_lang", default=LANGS[0])


def lang_of(value: str | None) -> str | None:
    """The supported language ``value`` names (``"ru"``, ``"ru_RU.UTF-8"``, ``"kk-KZ"``), or ``None``.

    >>> lang_of("ru_RU.UTF-8"), lang_of("kk"), lang_of("C"), lang_of("de_DE")
    ('ru', 'kk', None, None)
    """
    if not value:
        return None
    code = value.strip().split(":")[0].split(".")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGS else None


def choose(lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to write in: ``lang`` if given, else ``KZSPEECHLAW_LANG``, else the locale's
    language where it is one of :data:`LANGS`, else English.

    An unsupported ``lang`` raises :class:`~kzspeechlaw.UnknownLanguage`; an unsupported value of
    the environment variable or the locale is passed over (the next one decides).

    >>> choose("kk"), choose(None, {"KZSPEECHLAW_LANG": "ru"}), choose(None, {"LANG": "kk_KZ.UTF-8"})
    ('kk', 'ru', 'kk')
    >>> choose(None, {"KZSPEECHLAW_LANG": "de", "LANG": "C.UTF-8"})
    'en'
    """
    if lang is not None:
        if lang not in LANGS:
            raise _unknown(lang)
        return lang
    env = os.environ if environ is None else environ
    for name in (ENV, *_LOCALE_VARS):
        found = lang_of(env.get(name))
        if found is not None:
            return found
        if name != ENV and env.get(name):  # the first locale variable set decides, as in gettext
            break
    return LANGS[0]


@functools.cache
def translation(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``: English is the code's own text; Kazakh falls back to Russian,
    then English, for a message not yet translated (Russian is also a language of the courts)."""
    if lang not in LANGS:
        raise _unknown(lang)
    if lang == LANGS[0]:
        return _gettext.NullTranslations()
    catalogue = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    if lang == "kk":
        catalogue.add_fallback(_OnFirstUse("ru"))
    return catalogue


class _OnFirstUse(_gettext.NullTranslations):
    """The catalogue of ``lang`` as a fallback, read when first asked for a message: only for a
    message the first catalogue has not translated (a Kazakh text reads no Russian catalogue)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def gettext(self, message: str) -> str:
        return translation(self.lang).gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return translation(self.lang).ngettext(msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        return translation(self.lang).pgettext(context, message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return translation(self.lang).npgettext(context, msgid1, msgid2, n)


def _unknown(lang: str) -> Exception:
    from kzspeechlaw.errors import UnknownLanguage  # here: errors' messages are Messages of this module

    return UnknownLanguage(lang)


def current() -> str:
    """The language set by :func:`use` (English outside it)."""
    return _current.get()


@contextlib.contextmanager
def use(lang: str) -> Iterator[str]:
    """Write in ``lang`` within the block (``with use("ru"): ...``)."""
    if lang not in LANGS:
        raise _unknown(lang)
    token = _current.set(lang)
    try:
        yield lang
    finally:
        _current.reset(token)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (for tables of words)."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark ``message`` in ``context`` for the catalogue without translating it."""
    return message


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the current language); itself where not translated."""
    return translation(lang or current()).gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The form of a message for the number ``n`` in ``lang`` (Russian has three)."""
    return translation(lang or current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """``message`` in ``context`` (e.g. ``"penalty"``), in ``lang``."""
    return translation(lang or current()).pgettext(context, message)


class Message(str):
    """A text in English that can be written in another language: ``str(message)`` is the English
    text (what is stored, compared and exported); :func:`render` translates its ``template`` and
    fills in its ``values`` in the language asked.

    Values are rendered by kind: a :class:`Message` in the same language, an enum of the vocabulary
    as its term (:data:`TERM_CONTEXTS`), a quantity in the language's units, a date as :func:`local_date` writes it,
    a ``str`` through the catalogue where it holds that exact text.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        text = template.format_map({k: _english(v) for k, v in values.items()}) if values else template
        self = super().__new__(cls, text)
        self.template = template
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_message, (self.template, self.values))

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        lang = lang or current()
        if lang == LANGS[0]:
            return str(self)
        template = translation(lang).gettext(self.template) if self.template else ""
        if not self.values:
            return template
        if lang == "kk":
            template = cased(template, self.values)
        dates = LANGS[0] if _untranslated(template, self.template) else lang  # English text, English dates
        return template.format_map({k: _local(v, lang, dates) for k, v in self.values.items()})


def _untranslated(template: str, english: str) -> bool:
    """Whether ``template`` is the English ``english`` itself, words and all (no catalogue has it):
    shown in English, its dates stay ISO. A template of values alone (``join``'s) is no English."""
    return template == english and _WORDS.search(_PLACEHOLDER.sub("", template)) is not None


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_WORDS = re.compile(r"[A-Za-z]{2,}")


def _message(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


class Code(str):
    """An enum member written as its code name (``correctional_work``) in English, as its term in
    another language: for a text that has always shown the code name."""

    member: enum.Enum

    def __new__(cls, member: enum.Enum) -> Code:
        self = super().__new__(cls, str(member.value))
        self.member = member
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Code, (self.member,))


OR = N_(" or ")
"""The separator of alternatives in a text (``join(clause, OR)``)."""


def join(items: Iterable[Any], separator: str = "; ") -> Message:
    """``separator.join(items)`` as a :class:`Message`: each item is rendered in the language asked,
    and so is the separator where the catalogue has it (``N_(" or ")``)."""
    values = list(items)
    names = [f"i{n}" for n in range(len(values))]
    template = "{sep}".join("{" + n + "}" for n in names)
    return Message(template, sep=separator, **dict(zip(names, values, strict=True)))


_NOT_PROSE = re.compile(r"https?://\S+|\b(?:CC|AOC|CPC)\d{4}\b|\b[a-z_]+[:=][a-z_]+\b")
_ENGLISH_PHRASE = re.compile(r"(?:\b[A-Za-z]{2,}\b[\s,;:'()-]*){4,}")


def has_english(text: str) -> bool:
    """Whether ``text`` holds a phrase in English: four Latin words or more in a row, the library's
    references (``CC2014 130(2)``), addresses and facts as typed (``conduct:slander``,
    ``allegation=none``) aside. A note rendered in Russian or Kazakh may carry English data (the
    scope register's reason, a version's note): the reader is told it is shown in English.

    >>> has_english("Деяние подпадает под CC2014 130(2): conduct:slander удовлетворяет признаку conduct:slander")
    False
    >>> has_english("Не моделируется: propaganda of and public calls to unleash an aggressive war")
    True
    """
    return _ENGLISH_PHRASE.search(_NOT_PROSE.sub(" ", text)) is not None


def render(text: object, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the current language): a :class:`Message` rendered, another
    ``str`` through the catalogue where it holds that exact text (a constant note), else as it is;
    an amount (``2 * kz.ureg.year``) or a code of the vocabulary (``kz.Penalty.FINE``) in words.

    >>> render("No limitation period applies to this offence", "ru")
    'К этому правонарушению сроки давности не применяются'
    """
    lang = lang or current()
    if isinstance(text, Message):
        return text.render(lang)
    if not isinstance(text, str) or isinstance(text, enum.Enum):
        return str(_local(text, lang))
    if lang == LANGS[0] or not text:
        return str(text)
    return translation(lang).gettext(text)


TERM_CONTEXTS: dict[str, str] = {
    "Penalty": "penalty",
    "Category": "category",
    "Subject": "subject",
    "Conduct": "conduct",
    "Channel": "channel",
    "Target": "target",
    "Offender": "subject",
    "Outcome": "outcome",
    "Stage": "stage",
}
"""The table of :mod:`kzspeechlaw.terms` (and message context) of each enum written as a term."""


def term(value: enum.Enum, lang: str | None = None) -> str:
    """A code of the vocabulary as the law's term in ``lang``: ``Penalty.CORRECTIONAL_WORK`` is
    «исправительные работы», «түзеу жұмыстары» (CC 2014 Art. 40 in Russian and in Kazakh).

    >>> from kzspeechlaw.law.model import Penalty
    >>> term(Penalty.CORRECTIONAL_WORK, "ru"), term(Penalty.CORRECTIONAL_WORK, "kk")
    ('исправительные работы', 'түзеу жұмыстары')
    """
    from kzspeechlaw import terms

    lang = lang or current()
    context = TERM_CONTEXTS.get(type(value).__name__)
    if context is None or lang == LANGS[0]:  # English: the code name in words, as in str(Message)
        return str(value.value).replace("_", " ")
    return terms.word(context, str(value.value), lang)


def _is_amount(value: Any) -> bool:
    """A pint quantity or a :class:`kzspeechlaw.units.Amount` (a number and a unit name). A
    quantity's ``units`` is looked for on its class: on the quantity, pint makes a unit each time."""
    return hasattr(value, "magnitude") and (hasattr(type(value), "units") or hasattr(value, "unit"))


def _english(value: Any) -> str:
    if type(value) is str:  # the most common value, and not a Code (a str of another type)
        return value
    if type(value) is Message or isinstance(value, Code):  # a message's English text is its own
        return str.__str__(value)
    if isinstance(value, enum.Enum):
        return str(value.value).replace("_", " ")
    if _is_amount(value):
        from kzspeechlaw.units import format_quantity

        return format_quantity(value)
    if isinstance(value, Mapping) and LANGS[0] in value:  # a title by language (an ABC: checked last)
        return str(value[LANGS[0]])
    return str(value)


class _Plain(str):
    """A value's text in a message: a format spec meant for quantities (``:gen``) leaves it as it is."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return str(self)


def _local(value: Any, lang: str, dates: str | None = None) -> object:
    """``value`` as a message writes it in ``lang``; a date in ``dates`` where given (an English
    text keeps its ISO dates: :func:`_untranslated`)."""
    if isinstance(value, Code):
        return _Plain(term(value.member, lang))
    if isinstance(value, Mapping) and LANGS[0] in value:
        return _Plain(value.get(lang) or value[LANGS[0]])
    if isinstance(value, enum.Enum):
        return _Plain(term(value, lang))
    if isinstance(value, str):
        return _Plain(render(value, lang))
    if _is_amount(value):
        return localized(value, lang)
    import datetime as dt  # here: `kzspeechlaw --help` imports this module, and no dates

    if isinstance(value, dt.date):
        return _Plain(local_date(value, dates or lang))
    return _Plain(str(value))


_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def local_date(value: dt.date | str, lang: str | None = None) -> str:
    """A date as a reader of ``lang`` reads it: ``DD.MM.YYYY`` in Russian and Kazakh, as the codes
    and the courts write one («01.07.2018 бастап қолданысқа енгізіледі», «ҚР 26.06.2020 № 349-VI
    ... Заңымен», CC 2014 Art. 174, note), ISO ``YYYY-MM-DD`` in English (and in JSON, registers and
    anything typed back, which never pass through here). The one place a date is written for a
    reader: an ISO string (a date of the JSON form) is read as its day; another text is left as it is.

    >>> import datetime as dt
    >>> local_date(dt.date(2022, 3, 1), "ru"), local_date("2020-07-10", "kk"), local_date(dt.date(2022, 3, 1), "en")
    ('01.03.2022', '10.07.2020', '2022-03-01')
    >>> local_date("-", "ru"), local_date("2022-03-01", "en")
    ('-', '2022-03-01')
    """
    lang = lang or current()
    text = value if isinstance(value, str) else value.isoformat()  # a datetime is not given here: its day
    if lang == LANGS[0]:
        return text
    day = _ISO_DAY.fullmatch(text)
    return f"{day[3]}.{day[2]}.{day[1]}" if day else text


_GENITIVE = {"year": ("года", "лет"), "month": ("месяца", "месяцев"), "day": ("суток", "суток"),
             "hour": ("часа", "часов")}
"""Russian genitive singular and plural, for an amount after «до», «от» (``{maximum:gen}``)."""

_UNIT_FORMS = {
    # English singular/plural (the plural twice); Russian one/few/many; Kazakh does not inflect.
    "MCI": {"en": ("MCI", "MCI", "MCI"), "ru": ("МРП", "МРП", "МРП"), "kk": ("АЕК", "АЕК", "АЕК")},
    "KZT": {"en": ("KZT", "KZT", "KZT"), "ru": ("тенге", "тенге", "тенге"), "kk": ("теңге", "теңге", "теңге")},
    "year": {"en": ("year", "years", "years"), "ru": ("год", "года", "лет"), "kk": ("жыл", "жыл", "жыл")},
    "month": {"en": ("month", "months", "months"), "ru": ("месяц", "месяца", "месяцев"), "kk": ("ай", "ай", "ай")},
    "day": {"en": ("day", "days", "days"), "ru": ("сутки", "суток", "суток"), "kk": ("тәулік", "тәулік", "тәулік")},
    "hour": {"en": ("hour", "hours", "hours"), "ru": ("час", "часа", "часов"), "kk": ("сағат", "сағат", "сағат")},
}
"""Units in words. Russian «сутки» and Kazakh «тәулік» are the codes' words for days of arrest
(CC 2014 Art. 45); «МРП» / «АЕК» the monthly calculation index (Art. 41, «айлық есептiк көрсеткiш»)."""


def amount(value: float, unit: str, lang: str | None = None, space: str = " ", case: str = "") -> str:
    """``"505 000 тенге"``, ``"2 года"``: thousands separated by ``space``, the unit in the
    language's grammatical number.

    ``case="gen"`` gives the Russian genitive, as after «до» and «от»; ``case="abl"`` and
    ``case="dat"`` the Kazakh ablative and dative, as before «бастап» and «дейін» (:func:`kk_case`).
    A language ignores the cases it does not have.

    >>> amount(2, "year", "ru"), amount(5, "year", "ru"), amount(21, "day", "ru"), amount(1000, "MCI", "kk")
    ('2 года', '5 лет', '21 сутки', '1 000 АЕК')
    >>> amount(1, "year", "ru", case="gen"), amount(3, "year", "ru", case="gen"), amount(6, "month", "ru", case="gen")
    ('1 года', '3 лет', '6 месяцев')
    >>> amount(200, "MCI", "kk", case="abl"), amount(3000, "MCI", "kk", case="dat"), amount(7, "year", "kk", case="dat")
    ('200 АЕК-тен', '3 000 АЕК-ке', '7 жылға')
    """
    lang = lang or current()
    number = int(value) if float(value).is_integer() else value
    text = _digits(number, lang, space)
    if lang == "ru" and case == "gen" and unit in _GENITIVE:
        one = not isinstance(number, int) or (number % 10 == 1 and number % 100 != 11)
        return f"{text} {_GENITIVE[unit][0 if one else 1]}"
    forms = _UNIT_FORMS.get(unit, {}).get(lang)
    if forms is None:
        return f"{text} {unit}"
    word = forms[_plural(number, lang)]
    if lang == "kk" and case in KK_CASES:
        word = kk_case(word, case)
    return f"{text} {word}"


KK_CASES = ("abl", "dat")
"""The Kazakh cases an amount takes before a postposition: the ablative (шығыс септік) and the dative
(барыс септік)."""

_KK_FRONT = frozenset("әеөүіiэи")
_KK_VOWELS = frozenset("аәеөүұіiыиоуэюяё")
_KK_HARD = frozenset("кқпстфхцчшщбвгғд")
"""Final sounds after which a suffix starts with a voiceless consonant (-тан/-тен, -қа/-ке)."""
_KK_NASAL = frozenset("мнң")


def kk_case(word: str, case: str) -> str:
    """``word`` in the Kazakh ablative (``"abl"``) or dative (``"dat"``), its ending chosen by the
    vowel harmony of its last vowel and by its final sound; an abbreviation (``АЕК``) takes the
    ending after a hyphen. Another ``case`` leaves the word as it is.

    The codes write ranges so: «екі жылдан жеті жылға дейiнгi мерзiмге» (CC 2014 Art. 174(1)),
    «алпыс сағаттан үш жүз сағатқа дейiн» (Art. 43(2)), «отыз тәуліктен тоқсан тәулікке дейінгі
    мерзімге» (Art. 45(2)), «алты айдан он бес жылға дейiнгі» (Art. 46(3)), «екі мыңнан жеті мыңға
    дейінгі» (Art. 174(1)).

    >>> [kk_case(w, "abl") for w in ("жыл", "ай", "тәулік", "сағат", "теңге", "АЕК", "мың")]
    ['жылдан', 'айдан', 'тәуліктен', 'сағаттан', 'теңгеден', 'АЕК-тен', 'мыңнан']
    >>> [kk_case(w, "dat") for w in ("жыл", "ай", "тәулік", "сағат", "теңге", "АЕК", "мың")]
    ['жылға', 'айға', 'тәулікке', 'сағатқа', 'теңгеге', 'АЕК-ке', 'мыңға']
    """
    if case not in KK_CASES or not word:
        return word
    lower = word.lower()
    vowels = [c for c in lower if c in _KK_VOWELS]
    front = bool(vowels) and vowels[-1] in _KK_FRONT
    last = lower[-1]
    if case == "abl":
        first = "т" if last in _KK_HARD else "н" if last in _KK_NASAL else "д"
        ending = first + ("ен" if front else "ан")
    else:
        ending = ("к" if front else "қ") if last in _KK_HARD else ("г" if front else "ғ")
        ending += "е" if front else "а"
    abbreviation = len(word) > 1 and word.isupper()
    return f"{word}-{ending}" if abbreviation else word + ending


_KK_GOVERNED = re.compile(
    r"\{(\w+)\}(?=\s+(?:(?P<dat>дейін|дейiн|шейін)|(?P<abl>бастап(?![а-яәіңғүұқөһi])|астам|аспай|асатын|"
    r"асырылмай|(?:төмен|жоғары|артық|кем)(?![а-яәіңғүұқөһi])|\{\w+(?::\w+)?\}\s+(?:дейін|дейiн|шейін))))")
"""A value written just before a Kazakh postposition that governs its case: «дейін» (and «дейінгі»)
the dative; «бастап», «астам», «аспайды», «төмен», «жоғары» the ablative («бiр жылдан астам
мерзiмге», «он жылдан аспайды», CC 2014 Art. 46(3), (5)); so is the first of two values before
«дейін», a range as the codes write it («екі жылдан жеті жылға дейiнгi», Art. 174(1))."""


def cased(template: str, values: Mapping[str, Any]) -> str:
    """A Kazakh ``template`` with the case each postposition governs asked of the amounts in
    ``values`` (``{maximum} дейін`` becomes ``{maximum:dat} дейін``): a translation need not
    know which values are amounts, and a date or a word before «бастап» stays as it is, as the
    codes write a date («01.07.2018 бастап қолданысқа енгізіледі»).

    >>> cased("{kind} {minimum} бастап {maximum} дейін", {"kind": "айыппұл", "minimum": Localized(None, "kk"),
    ...       "maximum": Localized(None, "kk")})
    '{kind} {minimum:abl} бастап {maximum:dat} дейін'
    >>> cased("{minimum} {maximum} дейін", {"minimum": Localized(None, "kk"), "maximum": Localized(None, "kk")})
    '{minimum:abl} {maximum:dat} дейін'
    >>> cased("{day} бастап күшінде", {"day": "2020-07-10"})
    '{day} бастап күшінде'
    """
    names = frozenset(k for k, v in values.items() if isinstance(v, Localized) or _is_amount(v))
    return _cased(template, names) if names else template


@functools.lru_cache(maxsize=1024)
def _cased(template: str, names: frozenset[str]) -> str:
    def spec(m: re.Match[str]) -> str:
        if m.group(1) not in names:
            return m.group(0)
        return "{" + m.group(1) + (":dat}" if m.group("dat") else ":abl}")

    return _KK_GOVERNED.sub(spec, template)


_DECIMAL_COMMA = frozenset({"ru", "kk"})
"""The languages that write a decimal comma (``13,5``): a point there reads as a thousands mark."""


def _digits(number: float, lang: str, space: str) -> str:
    """``number`` as :func:`kzspeechlaw.units.digits` writes it, with the decimal comma of Russian
    and Kazakh.

    >>> _digits(4666.666666666667, "ru", " "), _digits(13.5, "kk", " "), _digits(369.2, "en", " ")
    ('≈4 666,67', '13,5', '369.2')
    """
    from kzspeechlaw.units import digits

    return digits(number, space, "," if lang in _DECIMAL_COMMA else ".")


class Localized:
    """A quantity to be put into a message in ``lang``: ``{maximum}`` writes it as :func:`amount`
    does, ``{maximum:gen}`` in the Russian genitive (a translation's choice: «до {maximum:gen}»)."""

    __slots__ = ("lang", "space", "value")

    def __init__(self, value: Any, lang: str, space: str = " ") -> None:
        self.value = value
        self.lang = lang
        self.space = space

    def __format__(self, spec: str) -> str:
        from kzspeechlaw.units import format_quantity, unit_name

        if self.lang == LANGS[0] and self.space == " ":
            return format_quantity(self.value)
        return amount(self.value.magnitude, unit_name(self.value), self.lang, self.space, case=spec)

    def __str__(self) -> str:
        return format(self, "")


def localized(value: Any, lang: str | None = None, space: str = " ") -> Localized:
    """A pint quantity for a message in ``lang`` (see :class:`Localized`)."""
    return Localized(value, lang or current(), space)


def quantity(value: Any, lang: str | None = None, space: str = " ") -> str:
    """A pint quantity as :func:`amount` writes it (``"3 000 МРП"``); in English exactly as
    :func:`kzspeechlaw.units.format_quantity` does."""
    return str(localized(value, lang, space))


def _plural(number: float, lang: str) -> int:
    if not isinstance(number, int):
        return 1 if lang == "ru" else 2
    if lang == "ru":
        if number % 10 == 1 and number % 100 != 11:
            return 0
        if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
            return 1
        return 2
    return 0 if number == 1 else 2
