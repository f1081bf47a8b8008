"""Immutable records of the law: an act, a sanction, one version of one article part.

These are plain values built by :mod:`kzspeechlaw.law.loader` from the data files; nothing here reads a
file or reasons about dates beyond the version's own interval.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from kzspeechlaw.errors import InvalidIncident, LawError
from kzspeechlaw.i18n import Message
from kzspeechlaw.law.facts import ENTITIES, Offender
from kzspeechlaw.law.timeline import in_force
from kzspeechlaw.memo import Memo
from kzspeechlaw.refs import Ref
from kzspeechlaw.terms import Term
from kzspeechlaw.units import Amount, Quantity, amount_repr, as_amount, compare, quantity, unit_name


class Penalty(enum.StrEnum):
    """Kinds of punishment (CC 2014 Art. 40; CC 1997 Art. 39) and administrative penalty (AOC 2014 Art. 41).

    ``INCOME_FINE`` is the second measure of the fine under the 1997 Criminal Code (CC 1997
    Art. 40(1)-(2); struck from the speech articles by Law 09.11.2011 No. 490-IV): the wages or
    other income of the convicted person for a period, stated in months (or years), not in MCI or
    tenge.
    """

    FINE = "fine"  # штраф
    INCOME_FINE = "income_fine"  # штраф в размере заработной платы или иного дохода осужденного за период ...
    CORRECTIONAL_WORK = "correctional_work"  # исправительные работы
    COMMUNITY_SERVICE = "community_service"  # общественные работы
    ARREST = "arrest"  # арест (criminal) / административный арест
    RESTRICTION_OF_FREEDOM = "restriction_of_freedom"  # ограничение свободы
    IMPRISONMENT = "imprisonment"  # лишение свободы
    DEPRIVATION_OF_RIGHT = "deprivation_of_right"  # лишение права занимать должность / заниматься деятельностью
    WARNING = "warning"  # предупреждение
    CONFISCATION = "confiscation"  # конфискация
    EXPULSION = "expulsion"  # выдворение
    SUSPENSION_OF_ACTIVITY = "suspension_of_activity"  # приостановление деятельности
    PROHIBITION_OF_ACTIVITY = "prohibition_of_activity"  # запрещение деятельности


MAIN_RANK: Mapping[Penalty, int] = {
    Penalty.WARNING: 0,
    Penalty.FINE: 1,
    Penalty.INCOME_FINE: 1,  # a measure of the fine (CC 1997 Art. 40(1)-(2))
    Penalty.CORRECTIONAL_WORK: 2,
    Penalty.COMMUNITY_SERVICE: 3,
    Penalty.ARREST: 4,
    Penalty.SUSPENSION_OF_ACTIVITY: 4,
    Penalty.PROHIBITION_OF_ACTIVITY: 5,
    Penalty.EXPULSION: 5,
    Penalty.RESTRICTION_OF_FREEDOM: 6,
    Penalty.IMPRISONMENT: 7,
}
"""Severity rank of each kind that the data gives as a main punishment, mildest first (CC 2014
Art. 40; AOC 2014 Art. 41; the 1997 Code's income-based fine ranks as the fine it measures, CC 1997
Art. 40). The loader refuses a main sanction of a kind not ranked here, so that lex mitior never
weighs an unranked kind (confiscation and the deprivation of a right appear only as additional
punishments in the data)."""


CC1997_RANK: Mapping[Penalty, int] = {
    Penalty.FINE: 1,
    Penalty.INCOME_FINE: 1,  # a measure of the fine (CC 1997 Art. 40(1)-(2))
    Penalty.DEPRIVATION_OF_RIGHT: 2,
    Penalty.COMMUNITY_SERVICE: 3,
    Penalty.CORRECTIONAL_WORK: 4,
    Penalty.RESTRICTION_OF_FREEDOM: 5,
    Penalty.ARREST: 6,
    Penalty.IMPRISONMENT: 7,
}
"""The main punishments of the 1997 Code in the order of its Art. 39(1), mildest first: a fine,
the deprivation of the right to hold a position or to engage in an activity (item б), a main or an
additional punishment, Art. 39(3); in the data's sanctions only an additional one, so lex mitior
never weighs it, but a court may give it as a milder kind, Art. 55(1)), community service,
correctional work, restriction of freedom, arrest, imprisonment (the kinds the data does not model
left out). Read in the 08.08.2002 and 08.04.2010 texts, the same order; not
:data:`MAIN_RANK`'s, which puts correctional work before community service and arrest before
restriction of freedom (CC 2014 Art. 40). What a court weighs a milder kind than a 1997 article
provides by (CC 1997 Art. 55(1)), and lex mitior two versions of the Code by
(:mod:`kzspeechlaw.reasoning.leniency`): :func:`main_rank`.

From Law 18.01.2011 No. 393-IV item ж) and Art. 46 read «содержание на гауптвахте», for convicted
service members alone (05.08.2011 text): arrest was no longer a punishment of the Code, and the
data's sanctions no longer provide it. The kinds the Code's commencement law put into force later
(Law 16.07.1997 No. 168 Art. 4: community service from 2000, restriction of freedom from 2003,
arrest not before 2009) are the general part's ``suspension`` records of CC1997."""


def main_rank(code: str) -> Mapping[Penalty, int]:
    """The ranking of main punishments by which ``code`` weighs a milder kind than an article
    provides: :data:`CC1997_RANK` for the 1997 Code, :data:`MAIN_RANK` for the others."""
    return CC1997_RANK if code == "CC1997" else MAIN_RANK


NOT_FOR_ENTITIES: frozenset[Penalty] = frozenset({Penalty.COMMUNITY_SERVICE, Penalty.ARREST, Penalty.EXPULSION})
"""The administrative penalties a legal entity cannot be given: AOC 2014 Art. 41(2) allows it those
of Art. 41(1) items 1)-5) and 7) (warning, fine, confiscation, deprivation of a special right or of a
permit, demolition) and the suspension or prohibition of its activity, not community work (item 7-1),
arrest (8) or expulsion (9). A sanction that names no subject is read without them for an entity."""

Subject = Offender
"""Who a sanction is for, where the code sets different amounts (AOC 2014 Art. 44(2)): the same
seven values as who committed the act, :class:`~kzspeechlaw.law.facts.Offender`, under the name the
records use."""


class Regime(enum.StrEnum):
    """Criminal (the Criminal Code) or administrative (the Code of Administrative Offences)."""

    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"


class Category(enum.StrEnum):
    """Gravity of an offence (CC 2014 Arts. 10-11; CC 1997 Art. 10), or an administrative offence."""

    CRIMINAL_MISDEMEANOUR = "criminal_misdemeanour"  # уголовный проступок
    SMALL_GRAVITY = "small_gravity"  # небольшой тяжести
    MEDIUM_GRAVITY = "medium_gravity"  # средней тяжести
    GRAVE = "grave"  # тяжкое
    ESPECIALLY_GRAVE = "especially_grave"  # особо тяжкое
    ADMINISTRATIVE_OFFENCE = "administrative_offence"  # административное правонарушение


@attrs.frozen
class Act:
    """A code or an amending law: its number, dates and where its text is."""

    id: str
    title: str
    adopted: dt.date
    in_force: dt.date | None
    in_force_rule: str
    published: dt.date | None
    source: str
    verified: bool
    notes: str = ""
    published_read: bool = True
    """Whether ``published`` was read in a primary text; where not (a secondary report), an in-force
    date counted from it is not the earliest the act could take effect."""


class Title(Mapping[str, str]):
    """A provision's title by language (``en``, ``ru``, ``kk``): an immutable mapping, hashable by
    value, in the order given."""

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[str, str]) -> None:
        self._items = dict(items)
        self._hash = hash(tuple(self._items.items()))

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type[Title], tuple[dict[str, str]]]:
        # Pickled as its items: the hash of strings differs from one process to the next.
        return Title, (self._items,)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Title):
            return self._items == other._items
        return self._items == other if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return repr(self._items)


def _title(value: Mapping[str, str]) -> Title:
    return value if isinstance(value, Title) else Title(value)


def amount_key(quantity: Quantity | Amount | None) -> tuple[object, str] | None:
    """A quantity as its number and unit name: what records compare and hash by. pint compares and
    hashes quantities slowly (through their units), and the data writes each kind of amount in one
    unit, so two amounts are the same amount exactly when their keys are equal. An
    :class:`~kzspeechlaw.units.Amount` is its own key."""
    if quantity is None or isinstance(quantity, Amount):
        return quantity
    return (quantity.magnitude, unit_name(quantity))


def quantity_of(value: Quantity | Amount | None) -> Quantity | None:
    """The pint quantity of a stored amount (built for an :class:`~kzspeechlaw.units.Amount`)."""
    if isinstance(value, Amount):
        return quantity(value.magnitude, value.unit)
    return value


def amount_of(value: Quantity | Amount | None) -> Amount | None:
    """The :class:`~kzspeechlaw.units.Amount` of a stored amount (read from a quantity)."""
    return None if value is None else as_amount(value)


def stored_quantity(stored: str, doc: str) -> functools.cached_property[Quantity | None]:
    """A property giving the pint quantity of the amount kept in the field ``stored``, made when
    first asked for (records keep :class:`~kzspeechlaw.units.Amount`, so reading needs no pint)."""
    def get(record: Any) -> Quantity | None:
        return quantity_of(getattr(record, stored))

    get.__doc__ = doc
    return functools.cached_property(get)


def stored_amount(stored: str) -> property:
    """A property giving the amount kept in the field ``stored`` as an
    :class:`~kzspeechlaw.units.Amount` (no pint)."""
    def get(record: Any) -> Amount | None:
        return amount_of(getattr(record, stored))

    return property(get, doc=f"``{stored[1:]}`` as an :class:`~kzspeechlaw.units.Amount` (no pint).")


def record_repr(record: Any) -> str:
    """``Class(field=value, ...)`` as attrs writes it, each field under its argument name
    (``minimum``, not the stored ``_minimum``) and amounts written as quantities, without pint."""
    parts = [f"{f.alias}={amount_repr(value) if isinstance(value := getattr(record, f.name), Amount) else repr(value)}"
             for f in attrs.fields(type(record)) if f.repr]
    return f"{type(record).__name__}({', '.join(parts)})"


_TEXTS = Memo(maxsize=4096)
"""The English text of each sanction met (:meth:`Sanction.describe`)."""


@attrs.frozen(eq=False, repr=False)
class Sanction:
    """One alternative of a sanction ("либо"): a kind with a minimum and a maximum.

    ``minimum`` is ``None`` where the statute gives only "up to" (the general part then sets the
    floor); a fixed amount has ``minimum == maximum``. ``subject`` is ``None`` for anyone.
    For an additional punishment ``optional`` says whether the court may leave it out
    ("или без такового").

    ``minimum`` and ``maximum`` are pint quantities. The data's sanctions keep their amounts as
    :class:`~kzspeechlaw.units.Amount` (``minimum_amount``, ``maximum_amount``) and make each
    quantity when it is first asked for, so that reading and showing the law needs no pint.
    Sanctions compare and hash by their amounts' numbers and unit names.
    """

    kind: Penalty
    _minimum: Quantity | Amount | None
    _maximum: Quantity | Amount | None
    subject: Offender | None = None
    optional: bool = False
    regime: Regime | None = attrs.field(default=None, kw_only=True, repr=False)
    """The code whose sanction it is, which words its kind (:meth:`describe`): an arrest under the
    Code of Administrative Offences is «административный арест» (AOC 2014 Art. 50), under the
    Criminal Code «арест» (CC 2014 Art. 45). ``None`` for a sanction of no code (words the kind as
    the code of the block it is rendered in, :func:`kzspeechlaw.terms.regime`). Not compared: a
    sanction is its kind and amounts, and its repr does not show it."""

    minimum = stored_quantity("_minimum", "The least amount (a pint quantity), or ``None`` where the statute "
                                          "gives only a maximum.")
    maximum = stored_quantity("_maximum", "The greatest amount (a pint quantity), or ``None`` where the "
                                          "statute gives none.")
    minimum_amount = stored_amount("_minimum")
    maximum_amount = stored_amount("_maximum")

    @functools.cached_property
    def _key(self) -> tuple[object, ...]:
        return (self.kind, amount_key(self._minimum), amount_key(self._maximum), self.subject, self.optional)

    def __eq__(self, other: object) -> bool:
        return self._key == other._key if isinstance(other, Sanction) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

    def __repr__(self) -> str:
        return record_repr(self)

    @property
    def fixed(self) -> bool:
        """True where the statute sets one amount, not a range."""
        low, high = self.minimum_amount, self.maximum_amount
        if low is None or high is None:
            return False
        if low == high:
            return True
        try:
            return compare(low, high) == 0
        except LawError:  # amounts of different dimensions: not one amount
            return False

    def describe(self, lang: str | None = None) -> str:
        """A short description in words, e.g. ``"fine up to 1000 MCI"``, ``"correctional work up
        to 2000 MCI"``, ``"administrative arrest 20 days (natural person)"`` (its code's words,
        :attr:`regime`); in ``lang`` where given (the codes'
        terms: ``"штраф до 1 000 МРП"``), else in English as a :class:`~kzspeechlaw.i18n.Message`
        that :func:`kzspeechlaw.i18n.render` writes in any language."""
        text = _TEXTS.get((self, self.regime), self._english)
        return text if lang is None else text.render(lang)

    def _english(self) -> Message:
        low, high = self.minimum_amount, self.maximum_amount
        kind: object = self.kind if self.regime is None else Term(self.kind, self.regime)
        if self.fixed:
            text = Message("{kind} {amount}", kind=kind, amount=low)
        elif low is None and high is None:  # a kind with no amount (a warning, confiscation)
            text = Message("{kind}", kind=kind)
        elif low is None:
            text = Message("{kind} up to {maximum}", kind=kind, maximum=high if high is not None else "-")
        elif high is None:
            text = Message("{kind} from {minimum}", kind=kind, minimum=low)
        else:
            text = Message("{kind} {minimum} to {maximum}", kind=kind, minimum=low, maximum=high)
        if self.subject is not None:
            text = Message("{text} ({subject})", text=text, subject=self.subject)
        if self.optional:
            text = Message("{text} (optional)", text=text)
        return text


@attrs.frozen(cache_hash=True)
class Provision:
    """One version of one article part, in force on ``[valid_from, valid_to)``.

    ``elements`` are the facts it requires, as clauses that must all hold, each satisfied by any
    one of its facts (``"conduct:slander"``, ``"channel:mass_media"``). ``absorbs`` lists the
    basic parts a qualified part absorbs, ``displaces`` the general articles a special one
    displaces. ``successor`` names where the conduct moved when the part was repealed: new
    liability, which does not reach acts committed before the repeal (AOC 2014 Art. 5(2); CC 2014
    Art. 6(3)). ``continued_by`` names, instead, the part of the same code in which the repealing law
    restated the rule the same day (AOC 2014 Art. 456-1(2) in Art. 456-2(1), Law 10.07.2023
    No. 20-VIII): the repeal does not remove liability, and the act-time part and the continuing one
    are compared as whole laws (AOC 2014 Arts. 4-5; CC 2014 Arts. 5-6).
    """

    ref: Ref
    title: Title = attrs.field(converter=_title)
    regime: Regime
    valid_from: dt.date
    valid_to: dt.date | None
    sanctions: tuple[Sanction, ...]
    additional: tuple[Sanction, ...]
    elements: tuple[tuple[str, ...], ...]
    act: str
    source: str
    verified: bool
    category: Category
    notes: str = attrs.field(default="", repr=False)
    absorbs: tuple[Ref, ...] = ()
    displaces: tuple[Ref, ...] = ()
    repealed_by: str | None = None
    narrowed: bool = False
    """The ``repealed_by`` Law did not repeal the part: it narrowed its wording to one the data does
    not model (AOC 2014 Art. 456-1(4) by Law 20-VIII: «частью первой» alone), so the modelled
    wording ended and the part goes on (the texts say so, not "repealed")."""
    successor: Ref | None = None
    continued_by: Ref | None = None
    extremist: bool = False
    text: str = attrs.field(default="", repr=False)
    exempt_sanctions: tuple[Sanction, ...] = ()
    """The sanction the article's next part gives instead to the persons to whom administrative arrest
    does not apply (AOC 2014 Art. 50(2); Art. 434(3): a fine of twenty MCI), where the part's sanction
    is arrest: not a part of its own, since the facts cannot state who is exempt (a check weighs it)."""
    unless_crime: bool = False
    """The part applies only where the act is not a crime («если эти действия не содержат признаков
    уголовно наказуемого деяния», AOC 2014 Art. 453(2), (4)): a criminal part the facts meet sets it
    aside for an offender the Criminal Code reaches."""
    open_elements: tuple[str, ...] = ()
    """Elements of the part that the facts cannot state (keys of
    :data:`~kzspeechlaw.law.facts.OPEN_ELEMENTS`, e.g. ``knowledge`` for «заведомо»): an answer
    under the part leaves them open."""
    text_read: bool = True
    """Whether the wording in force in this version's period was read. ``False`` for a period whose
    text no portal version shows (between two amending laws, where which of them changed the part
    is not known): the record keeps the last text read before it, the milder, and the next
    version's text, read, may have governed instead; an answer under it says so (``wording``)."""

    def in_force_on(self, on: dt.date) -> bool:
        """True when ``on`` lies in ``[valid_from, valid_to)``."""
        return in_force(self.valid_from, self.valid_to, on)

    def reaches(self, offender: Offender | str) -> bool:
        """Whether the part can make ``offender`` liable. A legal entity is not a subject of criminal
        liability (the Criminal Code punishes natural persons), and is liable for an administrative
        offence only in the cases the Special Part provides for (AOC 2014 Art. 33(1)): where a
        sanction of the part names legal entities, or its elements do (AOC 451(3), a ban on the
        outlet's output). A sanction that names no subject does not (AOC 434(1): «штраф в размере
        двадцати месячных расчетных показателей либо административный арест», petty hooliganism; AOC
        73-3 names natural persons and officials alone)."""
        if offender not in ENTITIES:
            return True
        return self.regime is not Regime.CRIMINAL and (
            any(s.subject in ENTITIES for s in self.sanctions)
            or any("offender:legal_entity" in clause for clause in self.elements))

    def sanctions_for(self, subject: Offender | str | None) -> tuple[Sanction, ...]:
        """The alternatives that apply to ``subject`` (those for anyone, plus its own).

        A legal entity of unstated kind gets every entity rate (small, medium, large business,
        non-profit organisation), each labelled with its subject. Another ``subject`` raises
        :class:`~kzspeechlaw.InvalidIncident`.
        """
        try:
            wanted = Offender(subject) if subject is not None else None
        except ValueError:
            allowed = ", ".join(repr(s.value) for s in Offender)
            raise InvalidIncident("subject", subject, f"one of {allowed} or None") from None
        accepted = ENTITIES if wanted is Offender.LEGAL_ENTITY else {wanted}
        return tuple(s for s in self.sanctions if (s.subject is None or s.subject in accepted)
                     and not (wanted in ENTITIES and self.regime is Regime.ADMINISTRATIVE
                              and s.kind in NOT_FOR_ENTITIES))

    def barred_for(self, subject: Offender | str) -> tuple[Sanction, ...]:
        """The alternatives that name no subject but cannot be imposed on ``subject``, a legal
        entity, under the administrative code (:data:`NOT_FOR_ENTITIES`, AOC 2014 Art. 41(2))."""
        if subject not in ENTITIES or self.regime is not Regime.ADMINISTRATIVE:
            return ()
        return tuple(s for s in self.sanctions if s.subject is None and s.kind in NOT_FOR_ENTITIES)
