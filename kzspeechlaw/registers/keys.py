"""The table of a register's keys: what a date is keyed by, and each key's answer.

:mod:`kzspeechlaw.registers.keyed` says what a key is and why it decides a row's record; this
module holds the time indexes the dates are keyed by (:func:`act_index`, :func:`decision_index`),
the deadlines they are compared with (:func:`terms`), the dates of the law's data a record may
hold (:func:`~kzspeechlaw.law.timeline.data_dates`), the table of answers of one register in one process
(:class:`Table`), and the templates the answers are written from (:func:`template`,
:func:`aligned`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
import string
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from kzspeechlaw.dates import change_days, out_of_range, user_date
from kzspeechlaw.errors import LawError
from kzspeechlaw.law import general_part, scope
from kzspeechlaw.law.amnesty_laws import Window
from kzspeechlaw.law.facts import Conduct
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision
from kzspeechlaw.law.timeline import Timeline, act_days, data_dates, decision_days
from kzspeechlaw.reasoning import amnesty, classification, fields
from kzspeechlaw.reasoning.assessment import Assessment, date_windows
from kzspeechlaw.reasoning.fields import is_blank
from kzspeechlaw.reasoning.sentencing import ranges
from kzspeechlaw.registers import rows
from kzspeechlaw.registers.tally import Digest

DATED = ("proceedings_date", "referred_on", "evaded_from", "evaded_until")
"""Fields holding dates the reasoning compares with the deadlines: a row stating one is keyed by
its exact act and decision dates."""

EXACT_FACTS = "minor"
"""Fact cells that name a minor (the mitigating circumstance ``minor``; to be safe, any cell with
the word) are keyed by their rows' exact dates: a minor's limitation periods are halved (CC 2014
Art. 88, :func:`~kzspeechlaw.reasoning.limitation.halved`), deadlines :func:`terms` does not count
(counting them for every row would split every register's keys by them)."""

MAX_KEYS = 50_000
"""The most keys remembered per process; the table starts afresh when full (memory stays bounded
whatever the register's length)."""

SHARED_KEYS = MAX_KEYS // 2
"""The most keys a register's worker processes learn in all for its rows to go in runs, and the
most answers and fact combinations a table holds for the answers another process learned to be
added to it (:meth:`Table.preload`): a process sent rows in runs meets every key of the register,
and a table starts afresh past :data:`MAX_KEYS`, losing what it learned."""

MAX_TEXT = 64 << 20
"""The most text of templates remembered per process: the characters of short templates and the
bytes of long ones' pieces, each piece counted once however many templates share it (a whole
assessment is about 9 KB, most of it shared with other keys' records)."""

_DAY = dt.timedelta(days=1)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dates(text: str) -> list[re.Match[str]]:
    """The matches of :data:`~kzspeechlaw.law.timeline.ISO_DATE` in ``text``, found from its hyphens
    (the regular expression alone tries every position of a whole assessment's text, 30 times
    slower)."""
    found = []
    end = 0
    at = text.find("-", 4)
    while at != -1:
        start = at - 4
        m = _DATE.match(text, start) if start >= end else None
        if m is not None and not (start and text[start - 1].isdecimal()) and not (
                m.end() < len(text) and text[m.end()].isdecimal()):
            found.append(m)
            end = m.end()
            at = text.find("-", end)
        else:
            at = text.find("-", at + 1)
    return found


# --- what a date is keyed by -------------------------------------------------------------------


@functools.cache
def act_index(conduct: str | None = None) -> Timeline:
    """The days an act date is keyed by: the reasoning's days that it compares an act date with
    (:func:`kzspeechlaw.law.timeline.act_days`: versions, general part, sentencing rules, MCI, the
    bounds of the acts an amnesty reaches), with the periods of the scope register's entries and
    of the codes: whether an incident is outside the modelled scope
    (:func:`kzspeechlaw.law.scope.outside`, :func:`~kzspeechlaw.law.scope.special_unmodelled`)
    turns on them, and they are not days of the reasoning's index. Given a ``conduct``, the days
    of the versions an act of it may be read against alone
    (:func:`kzspeechlaw.reasoning.classification.reachable`), and of the register's entries that
    name it: an entry fits no act of a conduct it does not name (:meth:`~kzspeechlaw.law.scope.
    Entry.fits`). A conduct's act also assessed as another in a note (an encroachment on honour as
    a slander and as an insult: :func:`~kzspeechlaw.reasoning.classification.read_as`) is keyed by
    that conduct's days too."""
    days = set(act_days(_versions(conduct)))
    named = None if conduct is None else {Conduct(c) for c in classification.read_as(conduct)}
    for entry in scope.register().entries:
        if named is None or named.intersection(entry.conducts):
            days |= {d for d in (entry.valid_from, entry.valid_to) if d is not None}
    for other in scope.register().others:  # a code the data does not model (scope.unmodelled_codes)
        days |= {other.valid_from, other.valid_to}
    return Timeline((*days, *change_days(law().codes.values())))


@functools.cache
def decision_index(conduct: str | None = None) -> Timeline:
    """The days a decision date is keyed by: the reasoning's days that it compares a decision date
    with (:func:`kzspeechlaw.law.timeline.decision_days`: versions, general part, sentencing
    rules, MCI, the amnesties' entry into force and execution), the codes' periods, and the day
    after each window of an amnesty's unread entry into force (a brief record's ``depends_on``
    names the amnesty for a release decided in it:
    :func:`~kzspeechlaw.reasoning.explanation.open_facts`). What a whole assessment says of dates
    near an unread date of a law is keyed by :class:`Windows`. Given a ``conduct``, as
    :func:`act_index` says."""
    days = set(decision_days(_versions(conduct)))
    for a in amnesty.amnesties().laws:
        if a.uncertain_window is not None:
            days.add(a.uncertain_window.last + _DAY)
    return Timeline((*days, *change_days(law().codes.values())))


def _versions(conduct: str | None) -> tuple[Provision, ...] | None:
    """The versions an act of ``conduct`` may be read against, in its own answer or in a note's
    answer for another conduct it is also assessed as (``None``: every version), with every part
    of their articles: an administrative fine's expedited payment reads the kinds of penalty the
    article's other parts provide («санкцией статьи», AOC 2014 Art. 810(2)(1) before Law 155-VIII:
    :func:`~kzspeechlaw.reasoning.sentencing.ranges.article_versions`), whatever conduct they name."""
    if conduct is None:
        return None
    articles = dict.fromkeys((v.ref.code, v.ref.article) for c in classification.read_as(conduct)
                             for v in classification.reachable(c))
    return tuple(v for code, article in articles for v in ranges.article_versions(code, article))


class ConductMaps(NamedTuple):
    """Each conduct's number (by its value; 0 for a cell that reads as no conduct), and, by that
    number, the interval of :func:`act_index` (and of :func:`decision_index`) of the conduct for
    each interval of the whole index (number 0: the same interval). A row's key holds its dates'
    intervals in its conduct's index: the days of the versions an act of another conduct falls
    under bear on none of its answers, and keying by them made a third of a register's keys."""

    numbers: dict[str, int]
    acts: tuple[tuple[int, ...], ...]
    decisions: tuple[tuple[int, ...], ...]
    routes: tuple[tuple[int, ...], tuple[int, ...]]
    """The interval of the index of the days common to every conduct's (of the acts, of the
    decisions) for each interval of the whole index: every row of a key has the same, whatever its
    conduct (the rows of a key go to one process by them: :meth:`Table.part`)."""


@functools.cache
def conduct_maps() -> ConductMaps:
    """The maps of :class:`ConductMaps`, one per conduct of the vocabulary."""
    acts, decisions = [_identity(act_index())], [_identity(decision_index())]
    numbers: dict[str, int] = {}
    for conduct in Conduct:
        numbers[conduct.value] = len(acts)
        acts.append(_coarser(act_index(), act_index(conduct.value)))
        decisions.append(_coarser(decision_index(), decision_index(conduct.value)))
    routes = tuple(_coarser(whole, Timeline(set.intersection(*(set(index(c.value).days) for c in Conduct))))
                   for whole, index in ((act_index(), act_index), (decision_index(), decision_index)))
    return ConductMaps(numbers, tuple(acts), tuple(decisions), (routes[0], routes[1]))


def _identity(index: Timeline) -> tuple[int, ...]:
    return tuple(range(len(index.days) + 1))


def _coarser(whole: Timeline, part: Timeline) -> tuple[int, ...]:
    """The interval of ``part`` (whose days are some of ``whole``'s) each interval of ``whole`` is in."""
    if not set(part.days) <= set(whole.days):
        raise AssertionError("a conduct's index has a day the whole index lacks")
    return (0, *(part.interval(day) for day in whole.days))


@functools.lru_cache(maxsize=1024)
def conduct_number(cell: Any) -> int:
    """The number of the conduct a fact cell reads as (:func:`kzspeechlaw.reasoning.fields.conduct`,
    as the incident reads it), in :func:`conduct_maps`; 0 where it reads as none."""
    try:
        return conduct_maps().numbers[fields.conduct(cell).value]
    except (LawError, KeyError, TypeError, AttributeError):
        return 0


@functools.cache
def terms() -> tuple[relativedelta, ...]:
    """Every limitation period and outer period of the general part, as calendar terms, shortest
    first (the deadlines a decision date is compared with)."""
    found: set[tuple[int, int]] = set()
    for rules in general_part.rules().values():
        for rule in rules:
            if rule.table != "limitation":
                continue
            for q in (rule.period_amount, rule.maximum_amount):  # amounts: no pint needed to key a date
                if q is not None and q.unit in ("year", "month"):
                    found.add((0, int(q.magnitude)) if q.unit == "year" else (1, int(q.magnitude)))
    steps = sorted(found, key=lambda t: t[1] * (12 if t[0] == 0 else 1))
    return tuple(relativedelta(years=n) if unit == 0 else relativedelta(months=n) for unit, n in steps)


class ActDay(NamedTuple):
    """What a row's key and record take from its act date (the hot loop of
    :mod:`~kzspeechlaw.registers.keyed` reads the fields by position: their order is kept)."""

    day: dt.date
    ordinal: int
    iso: str
    month: str
    when: int  # the interval of :func:`act_index` the act date is in
    deadlines: tuple[int, ...]  # ordinals of the act date and each deadline, in order
    slots: tuple[str, ...]  # the act date and each deadline as ISO text
    mcode: int  # the month, as :func:`month_code` counts it
    encoded: tuple[bytes, ...]  # ``iso`` and ``slots`` as bytes (for :func:`_pieces`)
    route: int  # the interval of the index common to every conduct (:attr:`ConductMaps.routes`)


class DecisionDay(NamedTuple):
    """What a row's key and record take from its decision date (read by position too)."""

    day: dt.date
    ordinal: int
    iso: str
    when: int  # the interval of :func:`decision_index` the decision date is in
    encoded: bytes  # ``iso`` as bytes
    route: int  # as :attr:`ActDay.route`


class Windows(NamedTuple):
    """A key's entry for whole assessments: the windows in which its rows' act and decision dates
    change the notes (:func:`~kzspeechlaw.reasoning.assessment.date_windows`, the same for every
    row of the key). A row's answer is keyed by the key and its dates' places in them."""

    acts: tuple[Window, ...]
    decisions: tuple[Window, ...]
    act_days: frozenset[int]  # the ordinals of the days in the act windows
    decision_days: frozenset[int]
    outside: tuple[None, ...]  # the places of dates in none of them

    @staticmethod
    def of(a: Assessment) -> Windows:
        return _windows(*date_windows(a))

    def pins_act(self, place: tuple[int | None, ...]) -> bool:
        """Whether the act date of a row at ``place`` is one day: a counted place in an act window."""
        return any(p is not None and w.counted for w, p in zip(self.acts, place, strict=False))

    def place(self, act: ActDay, decided: DecisionDay) -> tuple[int | None, ...]:
        """Where the dates are in the windows (:meth:`~kzspeechlaw.law.amnesty_laws.Window.place`)."""
        if act.ordinal not in self.act_days and decided.ordinal not in self.decision_days:
            return self.outside
        a, d = act.day, decided.day
        return (*(w.place(a) for w in self.acts), *(w.place(d) for w in self.decisions))


@functools.lru_cache(maxsize=1024)
def _windows(acts: tuple[Window, ...], decisions: tuple[Window, ...]) -> Windows:
    """The keys' entry for these windows, one object for the many keys that read the same ones."""
    return Windows(acts, decisions, _days(acts), _days(decisions), (None,) * (len(acts) + len(decisions)))


@functools.lru_cache(maxsize=256)
def _days(windows: tuple[Window, ...]) -> frozenset[int]:
    """The ordinals of the days in ``windows`` (few sets of windows recur over a register's keys)."""
    return frozenset(n for w in windows for n in range(w.first.toordinal(), w.last.toordinal() + 1))


# --- the table of keys -------------------------------------------------------------------------


class Answer(NamedTuple):
    """A key's answer: its record as a ``str.format`` template (``{0}`` the id's JSON text, ``{1}``
    the act date, ``{2}`` the decision date, ``{3}``... the act date and the deadlines in order;
    ``None`` for output ``none``), its digest (without the month, which is the row's) and the
    digest's code in this process's table (:meth:`Table.code`)."""

    template: str | None
    digest: Digest
    code: int = 0
    write: Callable[[str, ActDay, DecisionDay], rows.Written] | None = None
    """The template as a function of the id's JSON text and the row's dates (:func:`writer`: the
    record's text, or for a long template its bytes in pieces; ``None`` for output ``none``). The
    table keeps the writer alone."""
    pieces: tuple[str, str, int, str] | None = None
    """A short template of the brief record's form as its text before the id, between the id and
    the date field, the field (``-1`` for none) and the text after it (:func:`pieces`: what
    :mod:`~kzspeechlaw.registers.columns` writes rows from); ``None`` for any other."""


PIECES = 2048
"""The longest template :func:`writer` keeps as its own text (a brief record is about 350
characters); a longer one, a whole assessment, is cut into pieces the table keeps once each."""

_CUTS = tuple(f', "{name}": ' for name in (
    "incident", "matches", "governing_version", "sanctions", "limitation", "releases", "notes", "trace"))
"""Where a whole assessment's text is cut into pieces: before its large fields (a piece such as the
governing version's text is the same in many keys' records)."""


_CUT = re.compile(', "(?:' + "|".join(c[3:-3] for c in _CUTS) + ')": ')
"""Any of :data:`_CUTS` (their common start lets the pattern be looked for at C speed; one without
it, tried at every position, took a fifth of a millisecond on a whole assessment)."""


def _cut(text: str) -> list[str]:
    """``text`` cut before each of :data:`_CUTS` in it (but at its start)."""
    ends = [m.start() for m in _CUT.finditer(text, 1)]
    return [text[a:b] for a, b in zip([0, *ends], [*ends, len(text)], strict=True) if a < b]


def writer(template: str, keep: Callable[[bytes], bytes] | None = None) -> Callable[
        [str, ActDay, DecisionDay], rows.Written]:
    """A function writing what ``template.format(ident, act.iso, decided.iso, *act.slots)`` writes
    (``str.format`` reads its template on every call: this reads it once). A template longer than
    :data:`PIECES` is cut into pieces (:data:`_CUTS`), each passed through ``keep`` (the table's
    :meth:`Table.keep`, so that a piece met in many records is held once)."""
    parsed = _parsed(template)
    if parsed is None:
        return lambda ident, act, decided: template.format(ident, act.iso, decided.iso, *act.slots)
    literals, fields = parsed
    if len(template) > PIECES and keep is not None:
        return _pieces(literals, fields, keep)
    if fields == [0]:
        head, tail = literals

        def only_id(ident: str, act: ActDay, decided: DecisionDay) -> str:
            return head + ident + tail

        return only_id
    if len(fields) == 2 and fields[0] == 0:  # the id and one date (the brief record's MCI date)
        l0, l1, l2 = literals
        n = fields[1]
        if n == 1:
            return lambda ident, act, decided: "".join((l0, ident, l1, act.iso, l2))
        if n == 2:
            return lambda ident, act, decided: "".join((l0, ident, l1, decided.iso, l2))
        if n > 2:
            n -= 3
            return lambda ident, act, decided: "".join((l0, ident, l1, act.slots[n], l2))
    pairs = tuple(zip(fields, literals[1:], strict=True))
    first = literals[0]

    def many(ident: str, act: ActDay, decided: DecisionDay) -> str:
        values = (ident, act.iso, decided.iso, *act.slots)
        out = [first]
        for field, literal in pairs:
            out += (values[field], literal)
        return "".join(out)

    return many


def _parsed(template: str) -> tuple[list[str], list[int]] | None:
    """A template's literal text before each field and after the last, and its fields' numbers;
    ``None`` where a field is not a bare number (no format spec or conversion)."""
    literals: list[str] = []
    fields: list[int] = []
    text: list[str] = []  # a doubled brace comes as a piece of its own
    for literal, field, spec, conversion in string.Formatter().parse(template):
        text.append(literal)
        if field is not None:
            if spec or conversion or not field.isdigit():
                return None
            fields.append(int(field))
            literals.append("".join(text))
            text = []
    literals.append("".join(text))
    return literals, fields


def pieces(template: str) -> tuple[str, str, int, str] | None:
    """A template's :attr:`Answer.pieces`: where it holds the id (``{0}``) and at most one date
    field after it, and is no longer than :data:`PIECES`."""
    parsed = _parsed(template) if len(template) <= PIECES else None
    if parsed is None:
        return None
    literals, fields = parsed
    if fields == [0]:
        return literals[0], literals[1], -1, ""
    if len(fields) == 2 and fields[0] == 0 and fields[1] > 0:
        return literals[0], literals[1], fields[1], literals[2]
    return None


def _pieces(literals: list[str], fields: list[int], keep: Callable[[bytes], bytes]) -> Callable[
        [str, ActDay, DecisionDay], list[bytes]]:
    """The writer of a long template: its literal text cut into pieces, encoded
    (:func:`~kzspeechlaw.registers.rows.encoded`: a whole assessment is mostly Cyrillic, and
    encoding it row by row would cost more than writing it) and each kept by ``keep``, with an
    empty piece where each field goes (numbered as in :func:`writer`), filled in a copy for each
    row. It writes the record's bytes as these pieces, joined with the chunk's other records
    (:func:`~kzspeechlaw.registers.rows.joined`: whole assessments are copied once)."""
    pieces: list[bytes] = []
    slots: list[tuple[int, int]] = []  # where in the pieces each field's value goes, and the field
    for n, literal in enumerate(literals):
        pieces += [keep(rows.encoded(piece)) for piece in _cut(literal)]
        if n < len(fields):
            slots.append((len(pieces), fields[n]))
            pieces.append(b"")
    filled = tuple(slots)

    def write(ident: str, act: ActDay, decided: DecisionDay) -> list[bytes]:
        dates = act.encoded
        values = (rows.encoded(ident), dates[0], decided.encoded, *dates[1:])
        out = pieces.copy()
        for at, field in filled:
            out[at] = values[field]
        return out

    return write


DECIDED_BITS = 10
"""A pair of the intervals of a row's act and decision dates as a number (what
:class:`~kzspeechlaw.registers.keyed.Router` routes by): the act's shifted by this many bits, plus
the decision's (the time index has fewer than ``2 ** 10`` intervals)."""

MONTH_BITS = 18
"""A row's count code: its digest's number shifted by this many bits, plus its month's code."""

_MONTHS = (1 << MONTH_BITS) - 1


def month_code(month: str | None) -> int:
    """A month ``YYYY-MM`` as a number below ``2 ** MONTH_BITS`` (0 for none)."""
    return 0 if month is None else int(month[:4]) * 16 + int(month[5:7])


@functools.lru_cache(maxsize=4096)
def month_name(code: int) -> str | None:
    """The month of a count code (:func:`month_code`)."""
    month = code & _MONTHS
    return None if month == 0 else f"{month >> 4:04d}-{month & 15:02d}"


EXACT = "exact"
"""A key's entry where its rows are keyed by their exact dates."""


class Table:
    """The keys of one register in one process, with the dates already read."""

    def __init__(self, token: object, full: bool) -> None:
        self.token = token
        self.full = full
        self.act_index = act_index()
        self.decision_index = decision_index()
        self.terms = terms()
        self.months = tuple(12 * t.years + t.months for t in self.terms)
        self.answers: dict[tuple[Any, ...], Answer | Windows | str] = {}
        self.text = 0  # characters of the templates and pieces kept
        self.pieces: dict[bytes, bytes] = {}  # see :meth:`keep`
        self.writers: dict[str, tuple[Callable[[str, ActDay, DecisionDay], rows.Written],
                                      tuple[str, str, int, str] | None]] = {}  # see :meth:`answer`
        self.acts: dict[Any, ActDay | None] = {}
        self.decisions: dict[Any, DecisionDay | None] = {}
        self.facts: dict[Any, int] = {}  # see :meth:`number`
        self.names: list[Any] = []  # the fact cells of each number
        self.maps: list[tuple[tuple[int, ...], tuple[int, ...], int]] = []  # their conduct's maps and number
        self.exact_facts: set[int] = set()  # the numbers keyed by their rows' exact dates (:data:`EXACT_FACTS`)
        self.conduct: Callable[[Any], Any] = _no_cell  # the conduct's cell of a row's fact cells (set by the caller)
        self.kind: str | None = None  # the name of the keys, where they are kept between runs
        self.kept: list[tuple[Any, ...]] | None = None  # answers learned, to keep (:mod:`.learned`)
        self.taught: list[tuple[Any, ...]] | None = None  # answers learned, for the other processes
        self.digest: str | None = None  # the digest they are kept under
        self.prepared = False  # whether kept answers were looked for
        self.digests: list[Digest] = []  # by number (the count codes of the rows)
        self.numbers: dict[Digest, int] = {}
        self.generation = 0  # how many times the answers started afresh
        self.columns: Any = None  # what :mod:`.columns` keeps of the dates and answers between chunks

    def code(self, d: Digest) -> int:
        """The count code of digest ``d`` (without its month: :func:`month_code` is added)."""
        n = self.numbers.get(d)
        if n is None:
            n = self.numbers[d] = len(self.digests)
            self.digests.append(d)
        return n << MONTH_BITS

    def answer(self, template: str | None, d: Digest) -> Answer:
        """A key's answer with its digest's code and its writer (one per short template: many keys
        share their record's text)."""
        write = shape = None
        if template is not None:
            found = self.writers.get(template)
            if found is None:
                found = writer(template, self.keep), pieces(template)
                if len(template) <= PIECES:
                    self.writers[template] = found
            write, shape = found
        return Answer(template, d, self.code(d), write, shape)

    def keep(self, piece: bytes) -> bytes:
        """A piece of a long template, held once however many templates hold it."""
        found = self.pieces.get(piece)
        if found is None:
            found = self.pieces[piece] = piece
            self.text += len(piece)
        return found

    def _afresh(self) -> None:
        self.generation += 1  # what was kept beside the answers (:mod:`.columns`) is stale
        self.answers.clear()
        self.pieces.clear()
        self.writers.clear()
        self.text = 0

    def fresh(self) -> None:
        """Start afresh where the digests have grown past :data:`MAX_KEYS` (between chunks: the
        codes of a chunk's rows stay good)."""
        if len(self.digests) > MAX_KEYS:
            self._afresh()
            self.digests.clear()
            self.numbers.clear()

    def act(self, value: Any) -> ActDay | None:
        """The act date a cell gives, as the incident reads it (``None``: the row's error is the
        reference's)."""
        if value in self.acts:
            return self.acts[value]
        day = _day(value, "act_date")
        made = None if day is None else self._act_day(day)
        if len(self.acts) < MAX_KEYS:
            self.acts[value] = made
        return made

    def _act_day(self, day: dt.date) -> ActDay | None:
        try:
            deadlines = [day, *[plus_months(day, n) for n in self.months]]
        except ValueError:  # a deadline past the calendar's end
            return None
        deadlines.sort()
        iso = day.isoformat()
        slots = tuple(map(dt.date.isoformat, deadlines))
        when = self.act_index.interval(day)
        return ActDay(day, day.toordinal(), iso, iso[:7], when, tuple(map(dt.date.toordinal, deadlines)), slots,
                      month_code(iso[:7]), tuple(map(str.encode, (iso, *slots))), conduct_maps().routes[0][when])

    def decision(self, value: Any, default: dt.date | None) -> DecisionDay | None:
        """The decision date a cell (or, blank, the default) gives, as the reference reads it."""
        if value in self.decisions:
            return self.decisions[value]
        day = _decided_day(value, default)
        made = None
        if day is not None:
            when = self.decision_index.interval(day)
            made = DecisionDay(day, day.toordinal(), day.isoformat(), when, day.isoformat().encode(),
                               conduct_maps().routes[1][when])
        if len(self.decisions) < MAX_KEYS:
            self.decisions[value] = made
        return made

    def remember(self, key: tuple[Any, ...], answer: Answer | Windows | str) -> None:
        """Keep a key's answer as its writer alone (the writer holds a short template's text, or
        a long one's pieces, counted by :meth:`keep`); where the table keeps what it learns
        (:attr:`kept`) or teaches it to the other processes (:attr:`taught`), note the answer of
        a key of split fact cells (their text) by interval, as :meth:`preload` reads it."""
        if len(key) == 5 and (self.kept is not None or self.taught is not None) and type(self.names[key[0]]) is str:
            entry = ((self.names[key[0]], key[1:], answer.template, answer.digest) if isinstance(answer, Answer)
                     else (self.names[key[0]], key[1:], EXACT, None) if answer == EXACT else None)
            for notes in (self.kept, self.taught):
                if entry is not None and notes is not None and len(notes) < MAX_KEYS:
                    notes.append(entry)
        size = len(answer.template or "") if isinstance(answer, Answer) else 0
        if size > PIECES:
            size = 0
        if len(self.answers) >= MAX_KEYS or self.text + size > MAX_TEXT:
            self._afresh()
        self.answers[key] = answer._replace(template=None) if isinstance(answer, Answer) else answer
        self.text += size

    def number(self, facts: Any) -> int:
        """This process's number for a row's fact cells (what the keys hold: a small number hashes
        and compares faster than the cells). Past :data:`MAX_KEYS` combinations the numbers start
        afresh, and so do the answers keyed by them."""
        found = self.facts.get(facts)
        if found is not None:
            return found
        if len(self.facts) >= MAX_KEYS:
            self.facts.clear()
            self.names.clear()
            self.exact_facts.clear()
            self.maps.clear()
            self._afresh()
        found = self.facts[facts] = len(self.facts)
        self.names.append(facts)
        if EXACT_FACTS in repr(facts).lower():
            self.exact_facts.add(found)
        maps, n = conduct_maps(), conduct_number(self.conduct(facts))
        self.maps.append((maps.acts[n], maps.decisions[n], n))  # (:func:`conduct_maps`)
        return found

    def key(self, number: int, act: ActDay, decided: DecisionDay) -> tuple[int, int, int, int, int]:
        """The key of a row of fact cells ``number`` and these dates (not keyed by its exact dates;
        :mod:`~kzspeechlaw.registers.keyed` says what it holds)."""
        acts, decisions, _ = self.maps[number]
        at = decided.ordinal
        return (number, acts[act.when], decisions[decided.when], bisect.bisect_left(act.deadlines, at, 0, 1),
                bisect.bisect_right(act.deadlines, at) + bisect.bisect_left(act.deadlines, at))

    def preload(self, entries: Iterable[tuple[Any, ...]], bound: int = MAX_KEYS) -> None:
        """Remember answers kept by earlier runs or learned by another process (as
        :meth:`remember` notes them), not noted again, while the table holds fewer than ``bound``
        answers and fact combinations (so that they never start it afresh)."""
        kept, taught, self.kept, self.taught = self.kept, self.taught, None, None
        try:
            for facts, when, template, found in entries:
                if len(self.answers) >= bound or len(self.facts) >= bound:
                    break
                answer = EXACT if template == EXACT else self.answer(template, found)
                self.remember((self.number(facts), *when), answer)
        finally:
            self.kept, self.taught = kept, taught

    @staticmethod
    def part(act: ActDay | None, decided: DecisionDay | None, offset: int, parts: int) -> int:
        """Which of ``parts`` processes assesses a row: by the intervals of its act and decision
        dates, which every row of a key shares (so no key is learned twice), or, for a row whose
        dates do not read, by its position in the chunk."""
        if act is None or decided is None:
            return offset % parts
        return (act.route * 31 + decided.route) % parts


def _no_cell(facts: Any) -> None:
    return None


def plus_months(day: dt.date, months: int) -> dt.date:
    """``day + relativedelta(months=months)`` (a term of :func:`terms` has no days: years are 12
    months), a day past the month's end moved back to its last day; five times faster. Raises
    ``ValueError`` past the calendar's end."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day(value: Any, field: str) -> dt.date | None:
    """A date cell read as :class:`~kzspeechlaw.Incident` reads it, or ``None`` where it does not
    read (the reference path then gives the error)."""
    if not isinstance(value, str | dt.date) or is_blank(value):
        return None
    try:
        day = user_date(value, field)
    except LawError:
        return None
    return day if out_of_range(day) is None else None


def _decided_day(value: Any, default: dt.date | None) -> dt.date | None:
    """A decision date cell (blank: ``default``) read as the reference path reads it, or ``None``
    where it does not read."""
    try:
        day = rows._decided(value, default)
    except LawError:
        return None
    return day if out_of_range(day) is None else None


def route(value: Any, decision: bool, default: dt.date | None = None) -> int:
    """The interval of the act date, or of the ``decision`` date (blank: ``default``), a cell gives
    in the index of the days every conduct's holds (:attr:`ActDay.route`), read as the rows read
    it but without its deadlines; ``-1`` where it does not read. What the parent routes rows by
    (:class:`~kzspeechlaw.registers.keyed.Router`)."""
    if decision:
        day, index, routes = _decided_day(value, default), decision_index(), conduct_maps().routes[1]
    else:
        day, index, routes = _day(value, "act_date"), act_index(), conduct_maps().routes[0]
    return -1 if day is None else routes[index.interval(day)]


_TABLE: Table | None = None


def current() -> Table | None:
    """This process's table, if any."""
    return _TABLE


def table(token: object, full: bool) -> Table:
    """This process's table for the register ``token`` (a new one for a new register)."""
    global _TABLE
    if _TABLE is None or _TABLE.token != token or _TABLE.full != full:
        _TABLE = Table(token, full)
    return _TABLE


def escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _joined(literals: list[str], cuts: list[int]) -> str:
    """Literal text and slots in turn, as a ``str.format`` template."""
    out = []
    for n, literal in enumerate(literals):
        out.append(escaped(literal))
        if n < len(cuts):
            out.append(f"{{{cuts[n]}}}")
    return "".join(out)


def templated(body: str, slots: Sequence[str], fixed: frozenset[str], row_dates: bool = False) -> str | None:
    """The record's text with the row's dates as slots (``{1}``...), braces doubled; ``None``
    where a date of the row in it is also a date of the data (unless ``row_dates``: every date the
    record holds is one of the row's, as a brief record's one date, its MCI date, always is:
    :func:`~kzspeechlaw.reasoning.penalties.mci_date`); :data:`EXACT` where it holds a date that
    is neither. Dates in ``fixed`` are the same for every row of the key: text."""
    constants = data_dates()
    where: dict[str, int] = {}
    for n, s in enumerate(slots, 1):
        if s not in fixed:
            where.setdefault(s, n)
    literals: list[str] = []
    cuts: list[int] = []
    last = 0
    for m in _dates(body):
        text = m.group()
        if text in where:
            if text in constants and not row_dates:
                return None  # a date of the row that is also one of the data's
            literals.append(body[last:m.start()])
            cuts.append(where[text])
            last = m.end()
        elif text not in constants and text not in fixed:
            return EXACT
    literals.append(body[last:])
    rest = "\n".join(literals)  # a record holds no raw line feed
    if any(s in rest for s in where):
        return EXACT  # a date of the row inside other text: no slot for it
    return _joined(literals, cuts)


def aligned(body: str, other: str, slots: Sequence[str], moved: Sequence[str]) -> str:
    """The template of two records of one key whose rows' dates differ (``slots`` and ``moved``):
    the same text around their dates, a date the same in both is text, a date that differs is the
    slot whose values the two rows give it; :data:`EXACT` where they do not line up so."""
    mine, theirs = _dates(body), _dates(other)
    if len(mine) != len(theirs):
        return EXACT
    literals: list[str] = []
    cuts: list[int] = []
    last = last_other = 0
    for m, t in zip(mine, theirs, strict=True):
        if body[last:m.start()] != other[last_other:t.start()]:
            return EXACT
        if m.group() == t.group():
            continue  # the data's date: stays in the text
        slot = next((n for n, (a, b) in enumerate(zip(slots, moved, strict=True), 1)
                     if a == m.group() and b == t.group()), None)
        if slot is None:
            return EXACT
        literals.append(body[last:m.start()])
        cuts.append(slot)
        last, last_other = m.end(), t.end()
    if body[last:] != other[last_other:]:
        return EXACT
    literals.append(body[last:])
    return _joined(literals, cuts)
