"""Whether a given sentence lies within what the law allowed on the facts (:func:`check`)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from fractions import Fraction
from typing import Any

import attrs

from kzspeechlaw.errors import AmountError, quote
from kzspeechlaw.i18n import N_, OR, Code, Message, join, term
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import MAIN_RANK, Penalty, Provision, Regime, main_rank
from kzspeechlaw.law.monthly_index import mci_value
from kzspeechlaw.law.sentencing_rules import find
from kzspeechlaw.reasoning.sentencing.amounts import as_quantity, exact
from kzspeechlaw.reasoning.sentencing.ranges import STILL_APPLIES, Range, most_severe
from kzspeechlaw.terms import Cite, english, own_words
from kzspeechlaw.terms import regime as worded_by
from kzspeechlaw.units import Quantity, format_quantity, scale, unit_name

EXCEPTIONAL = "exceptional"
"""The name of the rule that lets a court, given exceptional circumstances, go below the minimum or
choose a milder kind than the article provides (CC 2014 Art. 55(4); CC 1997 Art. 55(1))."""


def exceptional_rule(code: str, on: dt.date) -> str | None:
    """The citation of ``code``'s rule on exceptional circumstances (:data:`EXCEPTIONAL`) in force on
    ``on``, the day of the general part applied; ``None`` where the data has none."""
    rule = find(code, EXCEPTIONAL, on)
    return rule.cite() if rule is not None else None


def cited_exceptional(rule: str | None) -> str:
    """The citation of the rule on exceptional circumstances (:func:`exceptional_rule`) as a reason
    writes it, or that the code has none modelled."""
    return Cite(rule) if rule is not None else N_("no such rule of the code is modelled")


def _exceptional(rule: str | None) -> str:
    """What a sentence below the minimum, or of a milder kind, rests on where no stated fact allows
    it: exceptional circumstances found by the court, under ``rule`` (:func:`exceptional_rule`)."""
    return Message("exceptional circumstances found by the court ({rule})", rule=cited_exceptional(rule))


VERDICTS = ("within", "below_minimum_allowed", "below_minimum", "above_maximum", "kind_not_available")
"""What :meth:`kzspeechlaw.Assessment.check` can say of a sentence."""

FINAL = {"CC2014": N_("whether the sentence is the final one over the aggregate of offences (CC 2014 Art. 58(1))"),
         "CC1997": N_("whether the sentence is the final one over the aggregate of offences (CC 1997 Art. 58)"),
         "AOC2014": N_("whether the penalty is the final one over several offences (AOC 2014 Art. 58)")}
"""The fact a sentence outside the offence's own sanction turns on where other offences are decided
together: each is punished separately, then the final sentence is set over them all (CC 2014
Art. 58(1); AOC 2014 Art. 58(1)-(2))."""



@attrs.frozen
class Check:
    """Whether a sentence was within what the law allowed: ``verdict`` (one of :data:`VERDICTS`),
    the ``rules`` applied, the ``reasons``; ``certain`` is false where a fact not stated decides,
    and ``depends_on`` names it."""

    kind: Penalty
    amount: Quantity
    verdict: str
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    certain: bool = True
    depends_on: tuple[str, ...] = ()
    unpaid: tuple[str, ...] = ()
    """For a criminal fine: what it is replaced with if it is not paid (CC 2014 Art. 41(6))."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"kind": self.kind.value, "amount": format_quantity(self.amount), "verdict": self.verdict,
                "rules": list(self.rules), "reasons": list(self.reasons), "certain": self.certain,
                "depends_on": list(self.depends_on), "unpaid": list(self.unpaid)}


@functools.cache
def criminal_kinds(code: str) -> frozenset[Penalty]:
    """The kinds the data gives as main punishments of the criminal code ``code``: those a court may
    choose as a milder kind than the article provides (CC 2014 Art. 55(4)), weighed by the code's
    ranking (:func:`~kzspeechlaw.law.model.main_rank`; the administrative penalties
    :data:`~kzspeechlaw.law.model.MAIN_RANK` also ranks, such as a warning, are not punishments of a
    code, nor is the 1997 Code's income fine one of the 2014 Code, whose fine is in MCI alone,
    Art. 41(1)). The 1997 Code's are its own ranking's (CC 1997 Arts. 39(1), 55(1):
    :data:`~kzspeechlaw.law.model.CC1997_RANK`, which has the deprivation of a right, a main
    punishment there that the data's sanctions give only as an additional one)."""
    return frozenset(s.kind for versions in law().versions.values() for p in versions
                     if p.regime is Regime.CRIMINAL and p.ref.code == code for s in p.sanctions)


def _plain_words(text: str) -> str:
    """``text`` as the kind's words are compared: case-folded, ``_`` read as a space, spaces collapsed,
    «ё» read as «е» and a Latin «i» within Cyrillic words as the Kazakh «і» (as they are typed)."""
    plain = " ".join(text.replace("_", " ").split()).casefold().replace("ё", "е")
    return _LATIN_I.sub("і", plain)


_LATIN_I = re.compile(r"(?<=[а-яәғқңөұүһі])i|i(?=[а-яәғқңөұүһі])")
"""A Latin «i» next to a Cyrillic letter: the Kazakh «і» typed on a Latin layout."""


@functools.cache
def kind_words() -> dict[str, tuple[Penalty, Regime | None]]:
    """The words a sentence may name its kind by, each with its kind and the one code whose penalty
    the words name (``None``: any code's): the kind's code (``correctional_work``) and its words as
    the answers write them in English, Russian and Kazakh («correctional work», «исправительные
    работы», «түзеу жұмыстары»; the Criminal Code's «привлечение к общественным работам», CC 2014
    Art. 40(1)(3), too), and the words a code gives its own penalty: "administrative arrest", the
    Code of Administrative Offences' «Административный арест» (AOC 2014 Art. 50), never the
    Criminal Code's «арест» (CC 2014 Art. 40(1)(4)). Keys as :func:`_plain_words` writes them; no
    words name two kinds."""
    words: dict[str, tuple[Penalty, Regime | None]] = {}

    def add(said: str, penalty: Penalty, regime: Regime | None) -> None:
        key = _plain_words(said)
        if words.setdefault(key, (penalty, regime)) != (penalty, regime):
            raise AssertionError(f"the words {said!r} name two kinds of punishment")

    for penalty in Penalty:
        add(penalty.value, penalty, None)
        add(english("penalty", penalty.value), penalty, None)
        for lang in ("ru", "kk"):
            add(term(penalty, lang), penalty, None)
    add("привлечение к общественным работам", Penalty.COMMUNITY_SERVICE, None)
    for regime_ in Regime:
        for code, said in own_words(regime_, "penalty").items():
            add(said, Penalty(code), regime_)
            with worded_by(regime_):
                for lang in ("ru", "kk"):
                    add(term(Penalty(code), lang), Penalty(code), regime_)
    return words


def accepted_kinds() -> Message:
    """The words :func:`as_penalty` accepts, for an error message: each kind's code, its words where
    they differ, and a code's own words for it, marked with that code (the words are English, the
    text around them in the language asked), then that the Russian and Kazakh words are accepted."""
    own = {Penalty(code): (said, regime) for regime in Regime for code, said in own_words(regime, "penalty").items()}
    shown: list[str] = []
    for penalty in Penalty:
        words = english("penalty", penalty.value)
        shown.append(penalty.value if words == penalty.value else join((penalty.value, f"'{words}'"), OR))
        if penalty in own:  # an entry of its own: the code's words bind, not the kind's
            said, regime = own[penalty]
            shown.append(Message("{words} ({only})", words=f"'{said}'", only=_CODE_ONLY[regime]))
    shown.append(N_("or a kind as the answers write it in Russian or Kazakh (e.g. 'лишение свободы', "
                    "'бас бостандығынан айыру')"))
    return join(shown, "; ")


_CODE_ONLY = {Regime.ADMINISTRATIVE: N_("AOC articles only"), Regime.CRIMINAL: N_("Criminal Code articles only")}


def as_penalty(kind: Penalty | str, governing: Provision | None = None) -> Penalty:
    """``kind`` as a :class:`~kzspeechlaw.Penalty`: a member, its code or its words
    (:func:`kind_words`: ``"correctional work"``, ``"administrative arrest"``; any case, ``_`` or
    spaces). Words that name one code's penalty ("administrative arrest") are refused for a
    ``governing`` provision of another code: under a criminal article an arrest is the Criminal
    Code's «арест» (CC 2014 Art. 40(1)(4)), another punishment than the AOC's «административный
    арест» (AOC 2014 Art. 50). An unknown kind, or such words, raise :class:`AmountError` naming the
    accepted words."""
    found = kind_words().get(_plain_words(kind)) if isinstance(kind, str) else None
    if found is None and isinstance(kind, str) and not kind.strip():
        raise AmountError(Message("no kind of punishment before the amount: expected one of {kinds}, then the amount "
                                  "(e.g. 'fine 500 MCI', 'administrative arrest 20 days')", kinds=accepted_kinds()))
    joined = _JOINED.fullmatch(kind.strip()) if found is None and isinstance(kind, str) else None
    if joined is not None and _plain_words(joined["kind"]) in kind_words():  # "fine2 MCI"
        raise AmountError(Message("unknown kind of punishment {kind}: expected a space between the kind {words} and "
                                  "the amount {amount}", kind=quote(kind), words=quote(joined["kind"]),
                                  amount=quote(joined["amount"])))
    if found is None:
        raise AmountError(Message("unknown kind of punishment {kind}: expected one of {kinds}", kind=quote(kind),
                                  kinds=accepted_kinds()))
    penalty, regime = found
    if regime is not None and governing is not None and governing.regime is not regime:
        raise AmountError(Message(
            "{kind} names a penalty of the Code of Administrative Offences (AOC 2014 Art. 50), and {ref} is an "
            "article of the Criminal Code, whose arrest is written {plain}", kind=quote(kind), ref=str(governing.ref),
            plain=quote(_criminal_words(kind, penalty, regime))))
    return penalty


def _criminal_words(kind: str, penalty: Penalty, regime: Regime) -> str:
    """The words of the Criminal Code's ``penalty`` in the language ``kind`` names the ``regime``'s
    own penalty in («административный арест»: «арест»), else its code."""
    for lang in ("ru", "kk"):
        with worded_by(regime):
            own = term(penalty, lang)
        if _plain_words(own) == _plain_words(kind):
            return term(penalty, lang)
    return penalty.value


_JOINED = re.compile(r"(?P<kind>\D+?)(?<!\s)(?P<amount>[-+]?\d.*)", re.DOTALL)
"""A kind's words run into the amount, with no space between them (``fine2 MCI``; matched on the
stripped text)."""

_NUMBER = re.compile(r"(?<!\S)[-+]?\d")
"""Where an amount begins: a word that begins with a number."""

_DIGIT = re.compile(r"\d")


def split_sentence(text: str) -> tuple[str, str]:
    """A sentence as a person writes it, ``"administrative arrest 20 days"``, as its kind's words
    and its amount (``("administrative arrest", "20 days")``): the kind is the longest run of the
    first words that names one (:func:`kind_words`), else the words before the first that begins
    with a number, and the amount the rest; where a kind's words run into the amount ("fine2 MCI"),
    all of the text is the kind's, which :func:`as_penalty` refuses asking for the space. Neither
    part is checked here (:func:`as_penalty`,
    :func:`kzspeechlaw.units.amount`), so that the error names the part that is wrong.

    >>> split_sentence("restriction of freedom 1 year"), split_sentence("fine 1 000 MCI")
    (('restriction of freedom', '1 year'), ('fine', '1 000 MCI'))
    >>> split_sentence("fine five MCI"), split_sentence("administrative detention 20 days")
    (('fine', 'five MCI'), ('administrative detention', '20 days'))
    """
    words = text.split()
    known = kind_words()
    for count in range(min(len(words), max(len(k.split()) for k in known)), 0, -1):
        if _plain_words(" ".join(words[:count])) in known:
            return " ".join(words[:count]), " ".join(words[count:])
        glued = _JOINED.fullmatch(words[count - 1])
        if glued is not None and _plain_words(" ".join([*words[:count - 1], glued["kind"]])) in known:
            return text.strip(), ""  # a kind run into its amount: all of it the kind's (as_penalty says so)
    number = _NUMBER.search(text)
    kind = text if number is None else text[:number.start()]
    if _DIGIT.search(kind):  # a number within a word before the amount ("fine2 MCI"): all of it the kind's
        return text.strip(), ""
    return kind.strip(), "" if number is None else text[number.start():]


def _value(q: Quantity, like: Quantity, mci_date: dt.date | None) -> Fraction:
    """``q`` as an exact number in the base unit of ``like``; tenge against MCI with the MCI of
    ``mci_date``."""
    unit, value = exact(q)
    want, _ = scale(unit_name(like))
    if unit == want:
        return value
    if unit == "KZT" and want == "MCI" and mci_date is not None:
        return value / mci_value(mci_date).kzt
    raise AmountError(f"cannot compare {format_quantity(q)} with {format_quantity(like)}: expected an amount "
                      f"in {unit_name(like)}" + (" or KZT" if want == "MCI" else ""))


def check(ranges: tuple[Range, ...], kind: Penalty | str, sentence: Quantity, mci_date: dt.date | None,
          governing: Provision, on: dt.date, extra: tuple[str, ...] = ()) -> Check:
    """Whether ``sentence`` of ``kind`` lies within ``ranges``, the ranges of the ``governing``
    provision with the general part of ``on`` (see :class:`Check`). A criminal sentence below the
    minimum, or of a milder kind than the article provides (weighed by the code's ranking,
    :func:`~kzspeechlaw.law.model.main_rank`), rests on the code's rule on exceptional
    circumstances (:func:`exceptional_rule`)."""
    regime, exceptional = governing.regime, exceptional_rule(governing.ref.code, on)
    rank = main_rank(governing.ref.code)
    final = FINAL.get(governing.ref.code, FINAL["CC2014"])
    penalty = as_penalty(kind, governing)
    if not hasattr(sentence, "magnitude") or not hasattr(sentence, "unit_items"):
        raise AmountError(f"the sentence {sentence!r} is not an amount: expected e.g. 1 * kz.ureg.year")
    found = [r for r in ranges if r.kind is penalty]
    available = [r for r in found if r.available]
    if not available:
        harsher = most_severe((r.kind for r in ranges), rank)  # a kind not in force bounds "milder" too
        if found:
            said = [reason for r in found for reason in r.reasons]
            why = Message("{kind} is not available on these facts: {why}", kind=Code(penalty),
                          why=join(said, "; ") if said else N_("suspended by the general part"))
            depends = tuple(dict.fromkeys(d for r in found for d in r.kind_depends))  # a suspension save for some
            spared = next((r for r in found if STILL_APPLIES in r.kind_depends), None)  # for the persons it spares
            if spared is not None:
                theirs = _check_one(attrs.evolve(spared, available=True), penalty, sentence, mci_date, regime,
                                    exceptional, (), final)
                if theirs.verdict == "above_maximum" and theirs.certain:  # unlawful for them too
                    return Check(penalty, sentence, "kind_not_available", theirs.rules, (
                        why, Message("For the persons it still applies to: {text}", text=theirs.reasons[0]), *extra))
            return Check(penalty, sentence, "kind_not_available", (), (why, *extra), certain=not depends,
                         depends_on=depends)
        kinds_of_code = rank if rank is not MAIN_RANK else criminal_kinds(governing.ref.code)  # CC1997: its own
        milder = (harsher is not None and penalty in kinds_of_code and penalty in rank
                  and rank[penalty] < rank[harsher])
        why = Message("The sanction has no {kind}; it provides {kinds}.", kind=Code(penalty),
                      kinds=join(map(Code, dict.fromkeys(r.kind for r in ranges)), ", ") if ranges else N_("nothing"))
        added = _as_additional(governing, penalty)
        if milder and regime is Regime.CRIMINAL:
            return Check(penalty, sentence, "kind_not_available", (), (
                why, Message("A milder kind than the article provides is lawful only where the court found "
                             "exceptional circumstances ({rule}).", rule=cited_exceptional(exceptional)),
                *((added,) if added else ()), *extra),
                certain=False, depends_on=(_exceptional(exceptional), *((AS_ADDITIONAL,) if added else ())))
        if regime is Regime.CRIMINAL and any(r.aggregate for r in ranges):  # the final sentence may be of
            # another offence's kind (CC 2014 Art. 58(1)); AOC 2014 Art. 58(1) keeps each offence's penalty apart
            return Check(penalty, sentence, "kind_not_available", (), (
                why, N_("Where other offences are decided together, the final sentence may be of a kind another "
                        "offence's sanction provides."), *((added,) if added else ()), *extra),
                certain=False, depends_on=(final, *((AS_ADDITIONAL,) if added else ())))
        if added:
            return Check(penalty, sentence, "kind_not_available", (), (why, added, *extra), certain=False,
                         depends_on=(AS_ADDITIONAL,))
        return Check(penalty, sentence, "kind_not_available", (), (why, *extra))
    best: tuple[Check, Range] | None = None
    for r in available:
        result = _check_one(r, penalty, sentence, mci_date, regime, exceptional, extra, final)
        if best is None or _rank(result) < _rank(best[0]):
            best = (result, r)
    assert best is not None
    result, r = best
    if r.kind_depends and result.verdict != "above_maximum":
        result = attrs.evolve(result, certain=False, depends_on=(*result.depends_on, *r.kind_depends))
    if r.unpaid and r.maximum is not None:
        mci = _value(sentence, r.maximum, mci_date)
        result = attrs.evolve(result, unpaid=tuple(
            Message("{amount} of {kind} ({rule}; {bar})", amount=_replacement(size, per, mci), kind=Code(kind),
                    rule=Cite(r.unpaid_rule), bar=r.unpaid_bar)
            if kind is Penalty.ARREST and r.unpaid_bar else
            Message("{amount} of {kind} ({rule})", amount=_replacement(size, per, mci), kind=Code(kind),
                    rule=Cite(r.unpaid_rule))
            for kind, size, per in r.unpaid))
    return result


AS_ADDITIONAL = N_("whether the sentence is an additional punishment (the check weighs the main punishments alone; "
                   "an additional one is not modelled)")
"""What decides a kind a court may give as an additional punishment (:func:`_as_additional`)."""

_ADDITIONAL = {("CC2014", Penalty.DEPRIVATION_OF_RIGHT): ("CC 2014 Art. 50(3)", True),
               ("CC1997", Penalty.DEPRIVATION_OF_RIGHT): ("CC 1997 Art. 41(3)", True),
               ("CC2014", Penalty.CONFISCATION): ("CC 2014 Art. 40(3)(1), 48", False),
               ("CC2014", Penalty.EXPULSION): ("CC 2014 Art. 40(3)(4), 51(2)", False)}
"""The additional punishments a court may give where the article does not provide them, with the
rule, and whether the rule says so in words (``True``) or only does not ask the article to provide
it (``False``). The deprivation of the right to hold a position or to engage in an activity: CC 2014
Art. 50(3) (09.04.2016 text, rus/sec003.md, commit 026bf5607328af3969f8b7e9fdea1211263229cf), CC 1997
Art. 41(3) (08.04.2010 text, rus/sec003.md, commit 45d68aea3c5b05bd7c1f312ec3ae6cec647065b2). The 2014
Code's confiscation of property (Art. 48: property gained by the offence or its instrument) and
expulsion of a foreigner or a stateless person, which «может быть назначено в качестве
дополнительного вида наказания» (Art. 51(2)), both in the 09.04.2016 text; whether a court may add
them to any offence is not modelled. The 1997 Code's confiscation only where the article provides it
(Art. 51(2), 08.04.2010 text), and the AOC's penalties on the Special Part's grounds (AOC Arts. 45(4),
51(1)): none here."""


def _as_additional(governing: Provision, penalty: Penalty) -> str | None:
    """Why a sentence of ``penalty``, which ``governing`` does not provide as a main punishment, may
    still be lawful as an additional one: the article provides it so, or the code lets a court add it
    (:data:`_ADDITIONAL`); ``None`` where neither."""
    if any(s.kind is penalty for s in governing.additional):
        return Message("{ref} provides {kind} as an additional punishment: the check weighs the main punishments "
                       "alone.", ref=str(governing.ref), kind=Code(penalty))
    found = _ADDITIONAL.get((governing.ref.code, penalty))
    if found is None:
        return None
    rule, in_words = found
    if in_words:
        return Message("A court may add {kind} as an additional punishment though the article does not provide it "
                       "({rule}): the check weighs the main punishments alone.", kind=Code(penalty), rule=rule)
    return Message("{kind} is an additional punishment of the Code ({rule}): the check weighs the main "
                   "punishments alone.", kind=Code(penalty), rule=rule)


def _replacement(size: Quantity, per: Quantity, mci: Fraction) -> Quantity:
    """What ``mci`` unpaid MCI become at ``size`` per ``per`` MCI (CC 2014 Art. 41(6))."""
    unit, value = exact(size)
    return as_quantity(unit, value * mci / exact(per)[1])


def _rank(c: Check) -> tuple[int, int]:
    order = ("within", "below_minimum_allowed", "below_minimum", "above_maximum", "kind_not_available")
    return (0 if c.certain else 1, order.index(c.verdict))


def _check_one(r: Range, penalty: Penalty, sentence: Quantity, mci_date: dt.date | None, regime: Regime,
               exceptional: str | None, extra: tuple[str, ...], final: str) -> Check:
    like = r.maximum if r.maximum is not None else r.statutory_minimum
    if like is None:
        return Check(penalty, sentence, "within", r.rules, (N_("The sanction sets no amount for this kind."), *extra))
    value = _value(sentence, like, mci_date)
    text = Message("{amount}", amount=sentence)
    reasons = (*r.reasons, *extra)
    if r.maximum is not None and value > _value(r.maximum, like, mci_date) and r.aggregate:
        return _aggregate_check(r, penalty, sentence, value, like, mci_date, reasons, final)
    if r.maximum is not None and value > _value(r.maximum, like, mci_date):
        return Check(penalty, sentence, "above_maximum", r.rules, (
            Message("{sentence} is above the maximum {maximum} that the law allowed on these facts.", sentence=text,
                    maximum=r.maximum),
            *reasons))
    if (r.maximum is not None and r.minimum is not None
            and _value(r.minimum, like, mci_date) > _value(r.maximum, like, mci_date)):  # and value within the cap
        return Check(penalty, sentence, "below_minimum", r.rules, (
            Message("The caps bring the maximum {maximum} below the minimum {minimum}: {sentence} is within the cap "
                    "and below the minimum, and how the Code resolves it is not modelled.", maximum=r.maximum,
                    minimum=r.minimum, sentence=text), *reasons),
            certain=False, depends_on=(N_("a maximum the caps bring below the minimum (not modelled)"),))
    minimum = r.statutory_minimum
    below_minimum = minimum is not None and value < _value(minimum, like, mci_date)
    if r.lowest_maximum is not None and value > _value(r.lowest_maximum, like, mci_date):
        if not below_minimum:
            return Check(penalty, sentence, "within", r.rules, (
                Message("{sentence} is within the maximum {maximum} on the stated facts, but above {lowest}, the "
                        "maximum if the facts not stated ({facts}) bring a cap: it would then be above the maximum.",
                        sentence=text, maximum=r.maximum, lowest=r.lowest_maximum, facts=join(r.depends_on, ", ")),
                *reasons),
                certain=False, depends_on=r.depends_on)
        # below the article's minimum and above the lowest cap: the minimum's verdict, which such a cap
        # would turn into one above the maximum (CC 2014 Art. 55(6) allows going below the minimum only
        # with the circumstances of its parts 2-3; a sentence below it is never "within" the range)
        found = _below_or_within(r, penalty, sentence, value, like, mci_date, regime, exceptional, reasons)
        return attrs.evolve(found, certain=False, depends_on=tuple(dict.fromkeys((*found.depends_on, *r.depends_on))),
                            reasons=(*found.reasons, Message(
                                "{sentence} is also above {lowest}, the maximum if the facts not stated ({facts}) "
                                "bring a cap: it would then be above the maximum.", sentence=text,
                                lowest=r.lowest_maximum, facts=join(r.depends_on, ", "))))
    return _below_or_within(r, penalty, sentence, value, like, mci_date, regime, exceptional, reasons)


def _below_or_within(r: Range, penalty: Penalty, sentence: Quantity, value: Fraction, like: Quantity,
                     mci_date: dt.date | None, regime: Regime, exceptional: str | None,
                     reasons: tuple[Any, ...]) -> Check:
    """The verdict on ``sentence`` at or below the maximum of ``r``, against the article's minimum and
    the rules that allow going below it."""
    text = Message("{amount}", amount=sentence)
    minimum = r.statutory_minimum
    if (minimum is None or value >= _value(minimum, like, mci_date)) and not r.modelled:
        return Check(penalty, sentence, "within", r.rules, (  # within the article's own range, no more
            Message("{sentence} is within the sanction's range.", sentence=text), *reasons), certain=False,
            depends_on=(N_("the code's sentencing rules, which may lower the maximum on the facts (not modelled)"),))
    if minimum is None or value >= _value(minimum, like, mci_date):
        return Check(penalty, sentence, "within", r.rules, (
            Message("{sentence} is within the range the law allowed on these facts.", sentence=text), *reasons))
    below = Message("{sentence} is below the sanction's minimum {minimum}", sentence=text, minimum=minimum)
    if not r.modelled and regime is Regime.CRIMINAL and exceptional is not None:  # the code's Art. 55 alone read
        return Check(penalty, sentence, "below_minimum", r.rules, (
            Message("{text}, the general part's floor for this kind: whether exceptional circumstances ({rule}), which "
                    "allow a sentence below the article's lowest limit, reach below it is not settled; the code's "
                    "other rules for a sentence below the minimum are not modelled.", text=below,
                    rule=cited_exceptional(exceptional)) if r.floor is not None and r.floor == minimum else
            Message("{text}: allowed where the court found exceptional circumstances ({rule}); the code's other "
                    "rules for a sentence below the minimum are not modelled.", text=below,
                    rule=cited_exceptional(exceptional)),
            *reasons), certain=False, depends_on=(
            _exceptional(exceptional), N_("the code's other rules for a sentence below the minimum (not modelled)")))
    if not r.modelled:
        return Check(penalty, sentence, "below_minimum", r.rules, (Message("{text}.", text=below), *reasons),
                     certain=False,
                     depends_on=(N_("the code's rules for a sentence below the minimum (not modelled)"),))
    if r.below_minimum is not False and r.floor is not None and value < _value(r.floor, like, mci_date):
        why = (Message("{text}, the lowest the general part allows for this kind.", text=below) if r.floor == minimum
               else Message("{text} and below {floor}, the lowest the general part allows for this kind.",
                            text=below, floor=r.floor))
        if penalty in _BELOW_FLOOR and regime is Regime.CRIMINAL:
            return Check(penalty, sentence, "below_minimum", r.rules, (why, *reasons), certain=False,
                         depends_on=(_BELOW_FLOOR[penalty],))
        return Check(penalty, sentence, "below_minimum", r.rules, (why, *reasons))
    rules = join(map(Cite, r.below_rules), ", ")
    if r.below_minimum is True:
        return Check(penalty, sentence, "below_minimum_allowed", r.below_rules, (
            Message("{text}, which {rules} allowed on these facts.", text=below, rules=rules), *reasons))
    if r.below_minimum is None and r.minimum is not None and value >= _value(r.minimum, like, mci_date):
        # a route open on the facts reaches it; a lower one turns on facts not stated (AOC Arts. 810, 819(2))
        return Check(penalty, sentence, "below_minimum_allowed", r.rules, (
            Message("{text}, which {rules} allowed on these facts.", text=below,
                    rules=join(map(Cite, r.rules), ", ")), *reasons))
    if r.below_minimum is None:
        facts = join(r.below_depends, ", ")
        return Check(penalty, sentence, "below_minimum_allowed", r.below_rules, (
            Message("{text}: allowed if the facts not stated ({facts}) bring the case under {rules}, or if the court "
                    "found exceptional circumstances ({rule}).", text=below, facts=facts, rules=rules,
                    rule=cited_exceptional(exceptional))
            if regime is Regime.CRIMINAL else
            Message("{text}: allowed if the facts not stated ({facts}) bring the case under {rules}.", text=below,
                    facts=facts, rules=rules),
            *reasons), certain=False, depends_on=r.below_depends)
    if regime is Regime.CRIMINAL:
        return Check(penalty, sentence, "below_minimum", r.rules, (
            Message("{text}; on the stated facts only exceptional circumstances found by the court ({rule}) "
                    "allow it.", text=below, rule=cited_exceptional(exceptional)), *reasons),
            certain=False, depends_on=(_exceptional(exceptional),))
    return Check(penalty, sentence, "below_minimum", r.rules, (Message("{text}.", text=below), *reasons))



_WORK = N_("a fine or correctional work below the general minimum where Art. 55 applies (CC 2014 Arts. 41(7), 42; "
           "not modelled)")
_TERM = N_("a term below the general minimum where a milder punishment than the article's is imposed or the crime "
           "was unfinished (CC 2014 Arts. 43(2-2), 44(4); not modelled)")
_BELOW_FLOOR = {Penalty.FINE: _WORK, Penalty.CORRECTIONAL_WORK: _WORK, Penalty.COMMUNITY_SERVICE: _TERM,
                Penalty.RESTRICTION_OF_FREEDOM: _TERM}
"""The kinds the 2014 Code lets go below its own minimum «При назначении более мягкого наказания, чем
предусмотрено за данное уголовное правонарушение, назначении наказания за неоконченное преступление»
(Art. 41(7) for a fine, 43(2-2) for community service, 44(4) for restriction of freedom; 16.09.2025,
01.01.2023 and 27.12.2018 texts of Art. 44, statutes/cc2014/44.md): a sentence below the floor is not
certainly unlawful. Before Law 180-VI only a substituted restriction of freedom could go lower (Art.
44(1), 09.04.2016 text); the check is not certain then either (whether a milder punishment or an
unfinished crime brings it is not a fact the incident states)."""


def _aggregate_check(r: Range, penalty: Penalty, sentence: Quantity, value: Fraction, like: Quantity,
                     mci_date: dt.date | None, reasons: tuple[str, ...], final: str) -> Check:
    """A sentence above the offence's own maximum where other offences are decided together: lawful
    only as the final sentence over the aggregate, within its bound (CC 2014 Art. 58)."""
    rules = (*r.rules, *r.aggregate_rules)
    own = Message("{sentence} is above the maximum {maximum} for this offence alone", sentence=sentence,
                  maximum=r.maximum if r.maximum is not None else "-")
    cited = join(map(Cite, r.aggregate_rules), ", ")
    top = r.aggregate_maximum
    if top is not None and value > _value(top, like, mci_date):
        return Check(penalty, sentence, "above_maximum", rules, (
            Message("{text}, and above {maximum}, the most the final sentence over the aggregate may reach "
                    "({rules}).", text=own, maximum=top, rules=cited), *reasons))
    depends: tuple[str, ...] = (final,)
    lowest = r.aggregate_lowest
    above_lowest = lowest is None or value > _value(lowest, like, mci_date)
    if above_lowest:
        depends += r.aggregate_depends
    if top is not None and lowest is not None and above_lowest:  # above the usual bound: the facts decide
        said = Message("{text}; as the final sentence over the aggregate, whether it is within the law turns on "
                       "{facts}: at most {maximum} if so, else at most {lowest} ({rules}).", text=own,
                       facts=join(r.aggregate_depends, ", "), maximum=top, lowest=lowest, rules=cited)
    elif top is not None:
        said = Message("{text}; as the final sentence over the aggregate it is within the law (at most {maximum}, "
                       "{rules}).", text=own, maximum=top if above_lowest else lowest, rules=cited)
    elif r.aggregate_rules:
        said = Message("{text}; as the final sentence over the aggregate it is within the law if {facts} allow it "
                       "({rules}).", text=own, facts=join(r.aggregate_depends, ", "), rules=cited)
    else:
        said = Message("{text}; as the final sentence over the aggregate it is within the law if {facts} allow it.",
                       text=own, facts=join(r.aggregate_depends, ", "))
    return Check(penalty, sentence, "within", rules, (said, *reasons), certain=False, depends_on=depends)
