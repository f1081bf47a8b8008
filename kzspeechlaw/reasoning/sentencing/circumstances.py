"""The sentencing facts of an incident: circumstances (CC 2014 Arts. 53-54), the procedure, the
offences decided together, and the three-valued logic of facts not stated (``None``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from kzspeechlaw.law.facts import Offender
from kzspeechlaw.law.model import Provision
from kzspeechlaw.law.sentencing_rules import Stage

__all__ = ["Aggravating", "Aggregate", "Circumstances", "Facts", "Mitigating", "Procedure", "Stage", "all_of", "any_of",
           "counted_aggravating", "offence_features", "present"]


class Mitigating(enum.StrEnum):
    """Mitigating circumstances, the items of CC 2014 Art. 53(1) (and ``other``, Art. 53(2))."""

    FIRST_TIME_BY_CHANCE = "first_time_by_chance"  # 1) впервые ... вследствие случайного стечения
    MINOR = "minor"  # 2) несовершеннолетие
    PREGNANCY = "pregnancy"  # 3) беременность
    YOUNG_CHILD = "young_child"  # 4) наличие малолетнего ребенка
    AID_TO_VICTIM = "aid_to_victim"  # 5) оказание помощи потерпевшему
    HARM_MADE_GOOD = "harm_made_good"  # 6) добровольное возмещение ущерба, заглаживание вреда
    HARDSHIP = "hardship"  # 7) стечение тяжелых обстоятельств, сострадание
    COERCION = "coercion"  # 8) принуждение, зависимость
    JUSTIFICATION_EXCEEDED = "justification_exceeded"  # 9) нарушение условий правомерности
    VICTIM_MISCONDUCT = "victim_misconduct"  # 10) противоправность поведения потерпевшего
    REPENTANCE = "repentance"  # 11) чистосердечное раскаяние, явка с повинной, содействие
    OTHER = "other"  # ч.2: иные обстоятельства


class Aggravating(enum.StrEnum):
    """Aggravating circumstances, the closed list of CC 2014 Art. 54(1)."""

    REPETITION = "repetition"  # 1) неоднократность, рецидив
    GRAVE_CONSEQUENCES = "grave_consequences"  # 2) тяжкие последствия
    GROUP = "group"  # 3) группа лиц, преступная группа
    ACTIVE_ROLE = "active_role"  # 4) особо активная роль
    INVOLVING_INCAPABLE = "involving_incapable"  # 5) привлечение невменяемых, малолетних
    HATRED_MOTIVE = "hatred_motive"  # 6) мотив ненависти, мести, сокрытия
    VULNERABLE_VICTIM = "vulnerable_victim"  # 7) беременная, малолетний, беспомощный
    VICTIM_DUTY = "victim_duty"  # 8) в связи с выполнением служебного, общественного долга
    CRUELTY = "cruelty"  # 9) особая жестокость
    WEAPONS = "weapons"  # 10) оружие, принуждение, общеопасный способ
    EMERGENCY = "emergency"  # 11) чрезвычайное положение, массовые беспорядки
    INTOXICATION = "intoxication"  # 12) опьянение
    OATH = "oath"  # 13) нарушение присяги
    TRUST = "trust"  # 14) использование доверия
    UNIFORM = "uniform"  # 15) форменная одежда представителя власти
    OFFICER = "officer"  # 16) сотрудник правоохранительного органа, судья


class Procedure(enum.StrEnum):
    """The procedure of the case (CC 2014 Art. 55(3))."""

    ORDINARY = "ordinary"
    ACCELERATED = "accelerated"  # ускоренное досудебное расследование
    PLEA_AGREEMENT = "plea_agreement"  # процессуальное соглашение, все условия выполнены
    ORDER = "order"  # приказное производство


class Aggregate(enum.StrEnum):
    """Other offences decided together with this one (CC 2014 Art. 58; AOC 2014 Art. 58): ``none``,
    or the gravest category among them (``administrative_offence``: other administrative offences
    heard by the same judge or body)."""

    NONE = "none"
    CRIMINAL_MISDEMEANOUR = "criminal_misdemeanour"
    SMALL_GRAVITY = "small_gravity"
    MEDIUM_GRAVITY = "medium_gravity"
    GRAVE = "grave"
    ESPECIALLY_GRAVE = "especially_grave"
    ADMINISTRATIVE_OFFENCE = "administrative_offence"

_FEATURES = {"emergency": Aggravating.EMERGENCY, "mass_riots": Aggravating.EMERGENCY, "group": Aggravating.GROUP,
             "criminal_group": Aggravating.GROUP, "repeated": Aggravating.REPETITION,
             "grave_consequences": Aggravating.GRAVE_CONSEQUENCES}
"""Qualifying circumstances of the special part that are aggravating circumstances of CC Art. 54(1)."""



Circumstances = bool | frozenset[Any] | None
"""``True``/``False`` (present or absent), a set of kinds (an empty set is ``False``), or ``None``."""


@attrs.frozen
class Facts:
    """The sentencing facts of an incident; ``None`` is "not stated"."""

    mitigating: Circumstances = None
    aggravating: Circumstances = None
    stage: Stage | None = None
    procedure: Procedure | None = None
    reconciled: bool | None = None
    harm_compensated: bool | None = None
    complaint: bool | None = None
    court: bool | None = None
    """A court decided the case: ``True`` where the incident gives the day an administrative case
    was sent to court (``referred_on``), else not stated."""
    aggregate: Aggregate | None = None
    """The other offences decided together (CC 2014 Art. 58; AOC 2014 Art. 58)."""
    pregnant: bool | None = None
    """The convicted person is a pregnant woman (CC 2014 Arts. 43(3), 45(3), 74(1); AOC 2014 Arts. 49-1(7),
    50(2))."""
    young_children: bool | None = None
    """The convicted person is a woman having a child under fourteen, or a man raising one alone (the
    same articles; :data:`~kzspeechlaw.reasoning.incident.YOUNG_CHILDREN`)."""
    criminal_group: bool = False
    """The offence was committed by a criminal group (the incident's circumstance)."""
    offender: Offender = Offender.NATURAL_PERSON
    """Who committed the act (the incident's ``offender``: AOC 2014 Art. 810(1) before Law 127-VI reached
    a natural person alone)."""
    circumstances: frozenset[str] = frozenset()
    """The incident's circumstances (``group``, ``emergency``, ...): some are aggravating circumstances
    of AOC 2014 Art. 57 too (a group of persons, Art. 57(8))."""

    @classmethod
    def of(cls, incident: Any) -> Facts:
        """The sentencing facts of an :class:`~kzspeechlaw.Incident`."""
        i = incident
        return cls(i.mitigating, i.aggravating, i.stage, i.procedure, i.reconciled, i.harm_compensated,
                   i.complaint, True if i.referred_on is not None else None, i.aggregate, i.pregnant,
                   i.young_children, "criminal_group" in i.circumstances, i.offender,
                   frozenset(c.value for c in i.circumstances))


def names_minor(mitigating: Circumstances) -> bool:
    """Whether mitigating circumstances name the offender's minority (:attr:`Mitigating.MINOR`: 14 to
    17 at the time of the act, CC 2014 Art. 80(1))."""
    return isinstance(mitigating, frozenset) and Mitigating.MINOR in mitigating


def present(value: Circumstances) -> bool | None:
    """Whether circumstances are present: ``True``, ``False``, or ``None`` (not stated)."""
    if value is None or isinstance(value, bool):
        return value
    return bool(value)


def all_of(*values: bool | None) -> bool | None:
    """All hold: ``False`` if one is false, ``True`` if all are true, else ``None`` (not settled)."""
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


def any_of(*values: bool | None) -> bool | None:
    """One holds: ``True`` if one is true, ``False`` if all are false, else ``None`` (not settled)."""
    if any(v is True for v in values):
        return True
    return False if all(v is False for v in values) else None


def offence_features(p: Provision, circumstances: Iterable[str]) -> frozenset[Aggravating]:
    """The aggravating circumstances that are features of the offence as charged (CC Art. 54(2))."""
    elements = {e for alternative in p.elements for e in alternative}
    return frozenset(_FEATURES[c] for c in circumstances if c in _FEATURES and f"circumstance:{c}" in elements)


def counted_aggravating(facts: Facts, features: frozenset[Aggravating]) -> bool | None:
    """Aggravating circumstances that count: a feature of the offence is not counted again (Art. 54(2))."""
    value = facts.aggravating
    if isinstance(value, frozenset):
        return bool(value - features)
    return value
