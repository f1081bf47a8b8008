"""What an assessment says beside its outcome: where its notes and trace are written as the
reasoning decides (:class:`Say`), and the notes and steps that take more than a line: the part
the act falls under, the answers for facts left open, the caveat on an inferred in-force date and
what the limitation period comes to.

The notes that set another answer beside the one given (a fact left open, an unmodelled special
article) assess the incident with that fact stated: the caller passes its ``assess``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from kzspeechlaw.i18n import N_, OR, Code, Message, join
from kzspeechlaw.law import scope
from kzspeechlaw.law.amnesty_laws import CAVEAT_WINDOW  # the one window near an inferred in-force date
from kzspeechlaw.law.facts import (
    DECIDING,
    ENTITIES,
    OPEN_ELEMENTS,
    Allegation,
    Channel,
    Circumstance,
    Conduct,
    Offender,
    Target,
)
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision, Regime
from kzspeechlaw.law.sentencing_rules import find
from kzspeechlaw.law.timeline import caveat, caveat_window, code_days, inferred_days, unread_publication_days
from kzspeechlaw.memo import Memo
from kzspeechlaw.reasoning import amnesty, penalties
from kzspeechlaw.reasoning.classification import READ_AS, Match, matching_parts, reachable
from kzspeechlaw.reasoning.incident import STATING, Incident, minor_stated, moved_before, moved_to
from kzspeechlaw.reasoning.limitation import LAST_DAYS, exemption_open, interruption_open, receipt_open
from kzspeechlaw.reasoning.results import LawAnswer, Limitation, Outcome, Step
from kzspeechlaw.reasoning.time_rules import cite
from kzspeechlaw.reasoning.unfinished import rule as unfinished_rule
from kzspeechlaw.terms import Cite, InRegime
from kzspeechlaw.units import unit_name

if TYPE_CHECKING:
    from kzspeechlaw.reasoning.assessment import Assessment

Assess = Callable[[Incident, dt.date], "Assessment"]
""":func:`kzspeechlaw.reasoning.assessment.assess`, as the notes that set another answer beside
the one given call it."""

LawOf = Callable[[Incident, dt.date], LawAnswer]
""":func:`kzspeechlaw.reasoning.assessment.law_answer`, as the notes that set the law of another date
beside the one given call it."""


class Say:
    """Where the reasoning writes as it decides: the steps of its trace and its notes (a caller
    that reads only the outcome passes none, and pays nothing for the text)."""

    def __init__(self, assess: Assess | None = None) -> None:
        self.notes: list[str] = []
        self.trace: list[Step] = []
        self.assess = assess
        """How the notes assess an incident with a fact stated otherwise (``None``: afresh); an
        assessment's own remembers the ones its ``depends_on`` made."""

    def note(self, text: str | None) -> None:
        """A note, unless empty or already said."""
        if text and text not in self.notes:
            self.notes.append(text)



OPEN_FACTS = {
    "channel": "how the act was made known (an incident field)",
    "allegation": "how grave the crime alleged was (an incident field)",
    "in_connection_with_duties": "the link to the target's duties (an incident field)",
    "knowing_and_dangerous": "knowing falsity and the danger it created (an incident field)",
    "offender": "whether a business offender is an individual entrepreneur, a natural person the Criminal Code and "
                "a part that names no legal entity reach, or a legal entity (Entrepreneurial Code Art. 24); "
                "offender=natural_person states the first; or which kind of legal entity an offender=legal_entity is, "
                "where the part fines some kinds and names no rate for another",
    "interruption": "whether a new crime interrupted the limitation period (CC 2014 Art. 71(4); "
                    "CC 1997 Art. 69(4)); not an incident field",
    "last_day": "whether the day the limitation period closes on the calendar, the decision date, still belongs to "
                "it: the Codes do not say (the procedure codes end a term counted in months or years on that day); "
                "not an incident field",
    "referral": "whether the case was referred to court in time to stop the limitation period "
                "(AOC 2014 Art. 62(5), (7)); referred_on",
    "amnesty": "a condition of an amnesty law the facts do not settle, or whether it was in force on the "
               "decision date (an in-force date inferred, not read, within 31 days before it)",
    "knowledge": "whether the author knew the information to be false, where the part requires it («заведомо»: "
                 "AOC 2014 Art. 456-1(2)); knowing_and_dangerous states it only together with the danger of "
                 "CC 2014 Art. 274",
    "in_force": "whether a law whose in-force date was inferred, not read, was in force on the act or decision "
                "date (within 31 days after the earliest day it could take effect)",
    "prior_agreement": "whether a group acted by prior agreement, which CC 2014 Arts. 274(2) and 299-1(2) (CC 1997 "
                       "Art. 242-1(2)) require where the group is what qualifies the act; not an incident field",
    "group_of_persons": "whether the act of a criminal group was committed by a group of persons, which CC 1997 "
                        "Arts. 164(2) and 233-1(2) and CC 2014 Arts. 179(2), 180(2) and 256(2) require where the "
                        "criminal group is what would qualify the act; not an incident field",
    "group_by_agreement": "whether the act of a criminal group was committed by a group of persons by prior agreement, "
                          "which CC 2014 Art. 299-1(2), item 1), requires where the criminal group is what would "
                          "qualify the act (Art. 31(2), (3) tell the forms apart); not an incident field",
    "mass_media": "whether a post in a telecommunication network was made with the use of the mass media, which CC "
                  "1997 Arts. 170(2), 233-1(2), 317-1(2), 318(2), 319(2) and 320(2) require where the network is what "
                  "would qualify the act (the 1997 Code names no networks there); not an incident field",
    "speech_work_or_media": "whether a post in a telecommunication network was contained in a public speech, a "
                            "publicly shown work or the mass media, which CC 1997 Arts. 129(2) and 130(2) require "
                            "where the network is what would qualify the slander or insult (the 1997 Code names no "
                            "networks there); not an incident field",
    "holder_resource": "whether a post in a telecommunication network was placed on the information holder's "
                       "internet resource, on the open data portal or by another means the legislation provides, "
                       "which AOC 2014 Arts. 456-1(2) and 456-2(1) require; not an incident field",
    "class_propaganda": "whether an incitement of class discord alone was propaganda of class exclusivity, "
                        "superiority or inferiority, or arousing social enmity, which CC 1997 Art. 164 requires (it "
                        "names no class discord among the kinds of enmity); not an incident field",
    "media_product": "whether a post in a telecommunication network was a mass-media product, which AOC 2014 Art. "
                     "453(2)-(3) requires (information placed on an internet resource is one under the Law on the "
                     "Mass Media of 1999); not an incident field",
    "publication": "whether materials whose publication was permitted were published, a mass-media product "
                   "disseminated, which AOC 2014 Art. 453(2)-(3) requires of a permission (CC 2014 Art. 183's act); "
                   "not an incident field",
    "harm_conditions": "whether false information on an online platform created conditions for a breach of public "
                       "order or of rights and interests, which AOC 2014 Art. 456-2(3) requires; not an incident "
                       "field",
    "repeated": "whether the act was a repetition the article's repetition part punishes more heavily: an "
                "administrative offence committed again within a year after an administrative penalty was imposed "
                "for it («совершенное повторно в течение года после наложения административного взыскания»: AOC "
                "2014 Arts. 127-2(2), 434(2), 451(3), 453(3), 456-2(2), (4), (6) ...), or a crime committed "
                "«неоднократно», two or more acts under the same article or part of it as the code defines it "
                "(CC 2014 Art. 12; CC 1997 Art. 11: CC 2014 Arts. 174(2), 299-1(2), CC 1997 Art. 164(2)); "
                "circumstances=repeated states it, circumstances=not_repeated that it was not",
    "proceedings_date": "the day the administrative case was opened, whose MCI converts a fine (AOC 2014 Art. 44(1)): "
                        "the act date's is assumed, and the MCI changes before the decision; proceedings_date",
    "target": "whether an official, prosecutor, investigator, inquiry officer or bailiff insulted was a "
              "representative of authority (CC 2014 Art. 3(9); CC 1997 Art. 320, note 1), whom CC 2014 Art. 378 "
              "(CC 1997 Art. 320) protects; target=authority_representative states it (an incident field)",
    "previous_conviction": "whether the offender had been convicted under the article before, which CC 1997 Art. "
                           "170(2) reached until Law 10.12.2009 No. 227-IV («а равно лицом, ранее судимым по "
                           "настоящей статье»; in force to 01.01.2010); not an incident field",
    "education_or_crowd": "whether drug propaganda was committed in an organisation of education or at a place of "
                          "mass gathering of people, which CC 2014 Art. 299-1(2), item 3), names («в организациях "
                          "образования, а также на объектах массового скопления людей»); not an incident field",
    "responsible_post": "whether the offender was an official holding a responsible state post, which CC 2014 Art. "
                        "161(2) names («должностным лицом, занимающим ответственную государственную должность»); "
                        "circumstance official_position (the use of one's position) does not state it; not an "
                        "incident field",
    "publicly": "whether «Публичное» in «Публичное оскорбление или иное посягательство на честь и достоинство» "
                "(CC 2014 Arts. 375(1), 373(1); CC 1997 Arts. 318(1), 317-1(1)) governs «иное посягательство» too, "
                "so that a slander or another encroachment not made publicly falls outside the part: the words do "
                "not decide it; not an incident field",
    "wording": "the wording of the governing part in force on the act date, which no text read shows (between two "
               "amending laws, where which of them changed the part is not known: CC 1997 Art. 164 between Laws "
               "490-IV and 502-IV, Art. 317 between 490-IV and 24-V, CC 2014 Art. 256 between Laws 12-VI and "
               "28-VI): the data keep the last text read, the milder, and the next text read gives other "
               "sanctions; not an incident field",
    "age": "the age of an offender the facts state was a minor: whether the offender had reached the age of "
           "liability for the part (CC 2014 and CC 1997 Art. 15, AOC 2014 Art. 28), and the rules for minors the "
           "answer does not apply (the 1997 Code's; CC 2014 Art. 81's limits are applied to the imposable ranges); "
           "not an incident field",
}
"""The names :attr:`~kzspeechlaw.reasoning.assessment.Assessment.depends_on` may give: the facts
left open on which the outcome, the governing part or the sanctions turn."""


_MATCH_STEPS = Memo(maxsize=4096)


def _match_steps(matches: tuple[Match, ...]) -> tuple[str, tuple[Step, ...]]:
    """What the first match says (its part, title and reasons) and the steps setting its rivals
    aside: the same for every incident with these matches (classify shares its answers)."""

    def make() -> tuple[str, tuple[Step, ...]]:
        first = matches[0]
        p = first.provision
        steps = tuple(Step(Message("{ref} set aside: {why}", ref=ref, why=why), str(p.ref), p.source)
                      for ref, why in first.set_aside)
        return Message("{ref} ({title}): {reasons}", ref=str(p.ref), title=p.title, reasons=join(first.reasons)), steps

    return _MATCH_STEPS.get(matches, make)


def channel_reading(p: Provision, incident: Incident) -> str | None:
    """The 1997 Code's speech articles name no telecommunication networks: the data reads an internet
    post open to the public as made publicly or in the mass media (``cc1997.toml``, its header), an
    inference the notes state wherever it decides: where the post alone meets a clause of the part.
    Not where another fact meets that clause (CC 1997 242-1(4): «организованной группой»), nor
    where the part names the networks itself (CC 1997 242-1(2), Law 23.04.2014 No. 200-V: «3) с
    использованием средств массовой информации или информационно-коммуникационных сетей»)."""
    if p.ref.code != "CC1997" or incident.channel is not Channel.TELECOM_NETWORK or _NETWORK_WORDS in p.text:
        return None
    if any(name in _POST_ELEMENTS for name in open_elements(incident, p)):
        return None  # the part is not applied on the reading: its open element says what it turns on
    facts = incident.facts
    if not any(_POST in clause and not any(f in facts for f in clause if f != _POST) for clause in p.elements):
        return None
    return Message("The 1997 Code names no telecommunication networks: {ref} is applied here reading an internet "
                   "post open to the public as made publicly or in the mass media (an inference of the data, not a "
                   "rule of the Code); a court may have read the post otherwise.", ref=str(p.ref))


def unread_wording(p: Provision) -> Provision | None:
    """The next version of ``p``'s part where ``p``'s wording was not read (``text_read`` false: the
    data keep the last text read before its period) and that next version, whose text was read,
    gives other sanctions or another category: the other candidate for the law of the act's time.
    ``None`` where ``p``'s text was read or the next version punishes alike."""
    if p.text_read or p.valid_to is None:
        return None
    after = next((v for v in law().versions.get(p.ref, ()) if v.valid_from == p.valid_to), None)
    if after is None or (after.sanctions, after.additional, after.category) == (p.sanctions, p.additional,
                                                                              p.category):
        return None
    return after


def public_reading_open(p: Provision, incident: Incident) -> bool:
    """Whether ``p`` reaches the act only on the data's reading of «Публичное оскорбление или иное
    посягательство на честь и достоинство» (CC 2014 Arts. 375(1), 373(1); CC 1997 Arts. 318(1),
    317-1(1)): a slander or another encroachment not stated to be made publicly. The words do not
    decide whether «Публичное» governs «посягательство» too, so the answer turns on it
    (``depends_on`` names ``publicly``; :func:`public_reading` gives the other reading's answer)."""
    if incident.conduct not in _ENCROACHMENTS:
        return False
    conduct = f"conduct:{incident.conduct.value}"
    clause = next((c for c in p.elements if conduct in c and any(f.startswith("channel:") for f in c)), None)
    return clause is not None and not any(f in incident.facts for f in clause if f.startswith("channel:"))


def public_reading(p: Provision, incident: Incident, decided: dt.date, assess: Assess) -> str | None:
    """The President's and the First President's articles (CC 2014 Arts. 375(1), 373(1); CC 1997
    Arts. 318(1), 317-1(1)) read «Публичное оскорбление или иное посягательство на честь и
    достоинство Президента»: the data reads «Публичное» as qualifying the insult alone, so that
    «иное посягательство» (a slander among them) is not required to be public (the part's clause
    that names the public channels names these conducts too). «Публичное» (neuter) may also govern
    «посягательство» (neuter): the words do not decide it. Where the part is applied to such an act
    not stated to be made publicly, the note says so and gives the answer on the other reading, the
    one for the same act about another person (the general slander), with what the data does not
    model where that answer is ``outside_scope``. The note says the act *fell under* the part on the
    act date, not that the part is applied: it may since have been repealed (CC 2014 Art. 373(1),
    deleted by Law 23-VIII) and the answer be another part's or none. A note, as
    :func:`channel_reading`, but the answer names ``publicly`` in ``depends_on``
    (:func:`public_reading_open`): the outcome is the data's reading, not a certain one."""
    if not public_reading_open(p, incident):
        return None
    other = public_other(incident, decided, assess)
    return Message("On {day} the act fell under {ref} only on reading «Публичное» as qualifying the insult alone, so "
                   "that «иное посягательство на честь и достоинство» (a slander among them) need not be public: a "
                   "reading of the data, not a rule of the Code. «Публичное» may also be read as governing both "
                   "nouns; on that reading an act not made publicly falls outside {ref}, and the same act about "
                   "another person gives {answer}.", day=incident.act_date, ref=str(p.ref),
                   answer=with_scope(other, _answer(other)))


def public_other(incident: Incident, decided: dt.date, assess: Assess) -> Assessment:
    """The answer on the other reading of «Публичное» (:func:`public_reading`): the same act about
    another person, which the general slander reaches."""
    return assess(incident.varied(target=Target.PERSON, in_connection_with_duties=None), decided)


def with_scope(a: Assessment, answer: object) -> object:
    """``answer`` (a few words on ``a``), with what the data does not model where ``a`` is outside
    the modelled scope (e.g. AOC 2001, in force before 2015): a note that sets it beside another
    answer names what is missing, not ``outside_scope`` alone."""
    missing = scope.outside(a.incident) if a.outcome is Outcome.OUTSIDE_SCOPE else ()
    if not missing:  # inside the scope, or outside it for another reason (a special article that displaces it)
        return answer
    return Message("{outcome} ({why})", outcome=answer, why=join(scope.describe(e) for e in missing))


def encroachment_note(incident: Incident, decided: dt.date, assess: Assess) -> str | None:
    """For an «иное посягательство на честь и достоинство» no modelled part covers (only the
    President's and the First President's articles name it, CC 2014 Arts. 375(1), 373(1); the
    deputy's, CC 2014 Art. 376(1), despite its heading, punishes only «Публичное оскорбление»): the
    answers had the act been a slander or an insult, the two encroachments the other articles name
    (the data reads «иное посягательство» as taking in slander). The facts decide which the act
    was; the note says what each gives."""
    if incident.conduct is not Conduct.ENCROACHMENT_ON_HONOUR:
        return None
    slander, insult = (assess(incident.varied(conduct=c), decided) for c in READ_AS[Conduct.ENCROACHMENT_ON_HONOUR])
    return Message("No modelled provision names an encroachment on honour and dignity of this kind other than a "
                   "slander or an insult. Had the act been a slander (conduct=slander) it would give {slander}; had "
                   "it been an insult (conduct=insult), {insult}.", slander=_answer(slander), insult=_answer(insult))


_ENCROACHMENTS = (Conduct.SLANDER, Conduct.ENCROACHMENT_ON_HONOUR)
"""The conducts the data takes as «иное посягательство на честь и достоинство» (:func:`public_reading`)."""


_POST = f"channel:{Channel.TELECOM_NETWORK.value}"
_NETWORK_WORDS = "информационно-коммуникационн"
"""The words of a CC 1997 text that name the networks (Art. 242-1(2): «информационно-коммуникационных сетей»)."""


def falls_under_steps(matches: tuple[Match, ...], act_date: dt.date) -> tuple[Step, ...]:
    """The first steps: the part the act falls under, and the rivals it sets aside."""
    first = matches[0].provision
    falls_under, set_aside = _match_steps(matches)
    return (Step(Message("The act of {day} falls under {provision}", day=act_date, provision=falls_under), cite(first),
                 first.source), *set_aside)


_GRAVE_ALIKE = N_("an accusation of a grave crime (allegation=grave_crime; allegation=especially_grave_crime and "
                 "allegation=corruption_crime alike)")
"""The allegation's alternative where the heavier part names a grave, an especially grave and a
corruption crime alike (CC 2014 Art. 130(3)); :data:`_NOT_CORRUPTION` where it names no corruption
crime."""

_ENTREPRENEUR = N_("an individual entrepreneur, a natural person (offender=natural_person)")
"""The other value of a business offender's kind (:data:`_WHAT_IF`)."""

_AUTHORITY = N_("a representative of authority insulted in or in connection with the performance of his duties "
                "(target=authority_representative, in_connection_with_duties=true)")
"""The other value of a target who may be a representative of authority (:data:`_WHAT_IF`)."""

_MAY_BE_AUTHORITY = (Target.OFFICIAL, Target.PROSECUTOR, Target.INVESTIGATOR, Target.INQUIRY_OFFICER, Target.BAILIFF)
"""Targets who may be representatives of authority, which the insult of CC 2014 Art. 378 (CC 1997
Art. 320) requires. CC 2014 Art. 3(9): «представитель власти – лицо, находящееся на
государственной службе, наделенное в установленном законом Республики Казахстан порядке
распорядительными полномочиями в отношении лиц, не находящихся от него в служебной
зависимости, в том числе сотрудник правоохранительного или специального государственного
органа» (the same in the 07.11.2014 and 16.09.2025 texts; CC 1997 Art. 320, note 1, alike); CC
2014 Art. 3(26): an official is one who «осуществляющее функции представителя власти либо
выполняющее организационно-распорядительные или административно-хозяйственные функции». Whether
the prosecutor, investigator, inquiry officer, bailiff or official of an incident held such powers
the vocabulary does not say: a fact the incident leaves open."""


_PUBLIC_PLACE = N_("made in public, in a public place or a public speech (channel=public_speech)")
"""The channel's second alternative, given where a public speech reaches a part a post in a network
does not: AOC 2014 Art. 434(1), «нецензурная брань в общественных местах, оскорбительное приставание
к физическим лицам и другие подобные действия, ... нарушающие общественный порядок», names public
places alone (channel public_speech)."""

_MASS_MEDIA = N_("made public in the mass media (channel=mass_media)")
"""The channel's third alternative, given where the mass media reach a part that neither a post in a
network nor a public speech does: AOC 2014 Art. 451(1), «Распространение продукции средства
массовой информации без постановки на учет ...», the liability of officials and businesses for the
output of a mass medium (channel mass_media)."""

_FIXED = (_PUBLIC_PLACE, _MASS_MEDIA)
"""The channel's alternatives whose words name one value alone, not read from the part they give."""


_WHAT_IF: tuple[tuple[str, object, Mapping[str, object], str, str, str], ...] = (
    ("channel", None, {"channel": Channel.TELECOM_NETWORK},
     N_("how the act was made known (channel not stated)"),
     N_("made public (channel=telecom_network; channel=public_speech and channel=mass_media alike)"),
     N_("takes the act as not made public")),
    ("channel", None, {"channel": Channel.PUBLIC_SPEECH},
     N_("how the act was made known (channel not stated)"),
     _PUBLIC_PLACE,
     N_("takes the act as not made public")),
    ("channel", None, {"channel": Channel.MASS_MEDIA},
     N_("how the act was made known (channel not stated)"),
     _MASS_MEDIA,
     N_("takes the act as not made public")),
    ("allegation", Allegation.CRIME, {"allegation": Allegation.GRAVE_CRIME},
     N_("how grave the crime alleged was (allegation=crime)"),
     _GRAVE_ALIKE,
     N_("takes the crime alleged as neither grave nor corruption")),
    ("allegation", None, {"allegation": Allegation.GRAVE_CRIME},
     N_("whether the slander accused anyone of a crime, and how grave (allegation not stated)"),
     _GRAVE_ALIKE,
     N_("takes it as accusing of no crime (allegation=none)")),
    ("allegation", Allegation.CORRUPTION_CRIME, {"allegation": Allegation.GRAVE_CRIME},
     N_("how grave the corruption crime alleged was (allegation=corruption_crime)"),
     N_("an accusation of a grave or especially grave crime (allegation=grave_crime)"),
     N_("takes the corruption crime alleged as neither grave nor especially grave")),
    *(("offender", kind, {"offender": Offender.NATURAL_PERSON}, what, _ENTREPRENEUR, N_("takes the offender as a legal "
                                                                                       "entity"))
      for kind, what in ((Offender.SMALL_BUSINESS, N_("whether the small business is an individual entrepreneur or a "
                                                      "legal entity (offender=small_business)")),
                         (Offender.MEDIUM_BUSINESS, N_("whether the medium business is an individual entrepreneur or "
                                                       "a legal entity (offender=medium_business)")),
                         (Offender.LARGE_BUSINESS, N_("whether the large business is an individual entrepreneur or a "
                                                      "legal entity (offender=large_business)")))),
    *(("target", target, {"target": Target.AUTHORITY_REPRESENTATIVE}, what, _AUTHORITY,
       N_("takes the target as no representative of authority"))
      for target, what in (
          (Target.OFFICIAL, N_("whether the official was a representative of authority (CC 2014 Art. 3(9), (26); "
                               "CC 1997 Art. 320, note 1) (target=official)")),
          (Target.PROSECUTOR, N_("whether the prosecutor was a representative of authority (CC 2014 Art. 3(9); "
                                 "CC 1997 Art. 320, note 1) (target=prosecutor)")),
          (Target.INVESTIGATOR, N_("whether the investigator was a representative of authority (CC 2014 Art. 3(9); "
                                   "CC 1997 Art. 320, note 1) (target=investigator)")),
          (Target.INQUIRY_OFFICER, N_("whether the inquiry officer was a representative of authority (CC 2014 Art. "
                                      "3(9); CC 1997 Art. 320, note 1) (target=inquiry_officer)")),
          (Target.BAILIFF, N_("whether the bailiff was a representative of authority (CC 2014 Art. 3(9); CC 1997 "
                              "Art. 320, note 1) (target=bailiff)")))),
)
"""Facts an incident may leave open on which the law turns: the field, the value that leaves it
open, the value whose answer the notes give, and the words of the note. A subject of small, medium
or large business may be an individual entrepreneur, a natural person, as well as a legal entity
(Entrepreneurial Code Art. 24(4)-(6): «Субъектами ... предпринимательства являются индивидуальные
предприниматели и юридические лица»): the Criminal Code reaches the first alone."""

_NOT_CORRUPTION = N_("an accusation of a grave crime (allegation=grave_crime; allegation=especially_grave_crime "
                     "alike, but not allegation=corruption_crime)")
"""The allegation's alternative where the heavier part does not name a corruption crime (CC 2014
Art. 411(3); CC 1997 Art. 129(3) before Law 484 of 2003)."""

_NOT_SPEECH = N_("made public (channel=telecom_network; channel=mass_media alike, but not channel=public_speech)")
"""The channel's alternative where the heavier part names the media and the networks but not a public
speech (CC 2014 Arts. 180(2), 274(2)(3))."""

_NETWORKS = N_("made known through telecommunication networks (channel=telecom_network)")
"""The channel's alternative where the heavier part names neither a public speech nor the media."""


_SPEECH_MEDIA_POST = N_("made public (channel=public_speech and channel=mass_media alike; channel=telecom_network "
                        "only where the post is shown to be one of the forms the part names, which depends_on then "
                        "names)")
"""The channel's alternative where the heavier part names a public speech and the mass media but no
networks, so that a post reaches it only on a reading the facts leave open (CC 1997 Arts. 129(2),
130(2): :data:`_QUALIFYING_CHANNEL`)."""

_MEDIA_POST = N_("made known through the mass media (channel=mass_media; channel=telecom_network only where the post "
                 "is shown to have been made with the use of the mass media, which depends_on then names)")
"""The channel's alternative where the heavier part names the mass media but neither a public
speech nor the networks (CC 1997 Arts. 170(2), 233-1(2), 317-1(2), 318(2)-320(2))."""


def _alternative(field: str, alternative: str, alt: Assessment) -> str:
    """The words of the other value, as the part it gives reads: the values named alike are only
    those that part names, in every wording up to the decision (a later wording may drop one: AOC
    2014 Art. 451(4) without the telecommunication networks from Law 95-VIII)."""
    if not alt.matches:
        return alternative
    first = alt.matches[0].provision
    later = [v for v in law().versions[first.ref] if first.valid_from < v.valid_from <= alt.decided_on]
    named = set.intersection(*({fact for clause in v.elements for fact in clause} for v in (first, *later)))
    if field == "allegation" and "allegation:corruption_crime" not in named and alternative == _GRAVE_ALIKE:
        return _NOT_CORRUPTION
    if field == "channel" and "channel:telecom_network" not in named:  # a wording dropped it: none alike
        return _NETWORKS
    if field == "channel" and any(n in _QUALIFYING_CHANNEL for n in open_elements(alt.incident, first)):
        # the part's words name no networks (CC 1997): a post reaches it only on a reading of the facts
        return _SPEECH_MEDIA_POST if {"channel:public_speech", "channel:mass_media"} <= named else _MEDIA_POST
    if field == "channel" and not {"channel:public_speech", "channel:mass_media"} <= named:
        return _NOT_SPEECH if "channel:mass_media" in named else _NETWORKS
    return alternative


def _answer(a: Assessment) -> str:
    """An assessment in a few words, for a note that sets it beside another: the outcome, or the
    governing part with the outcome and its sanctions as the law bounds them (a sanction's words do
    not read the range a court may impose, which is not computed for them)."""
    if a.governing is None:
        return Message("{outcome}", outcome=Code(a.outcome))
    return Message("{ref} ({outcome}: {sanctions})", ref=str(a.governing.ref), outcome=Code(a.outcome),
                   sanctions=InRegime(join(s.describe() for s in a.statutory), a.governing.regime))


def _same_answer(a: Assessment, b: Assessment) -> bool:
    """Whether :func:`_answer` says the same of both: the outcome, and the governing part with its
    sanctions as the law bounds them (compared as data, not as words)."""
    ga, gb = a.governing, b.governing
    if a.outcome is not b.outcome or ga is None or gb is None:
        return a.outcome is b.outcome and ga is gb
    return ga.ref == gb.ref and a.statutory == b.statutory


def _open_what_ifs(incident: Incident, decided: dt.date, matches: tuple[Match, ...],
                   assess: Assess, base: Assessment | None = None, barred_moot: bool = True,
                   ) -> Iterator[tuple[tuple[str, str, str, str], Assessment]]:
    """The facts of :data:`_WHAT_IF` the incident leaves open whose other value changes the part
    the act falls under and the answer: each with its words and the assessment with it stated
    (``base``: the incident's own assessment, where the caller has it). Where the act is time-barred
    either way the outcome does not turn on the fact (``barred_moot``), though the range of a
    sentence checked still does (:func:`alternatives` passes false)."""
    for field, open_value, other, what, alternative, taken in _WHAT_IF:
        if getattr(incident, field) != open_value:
            continue
        if field == "allegation" and incident.conduct is not Conduct.SLANDER:
            continue  # an allegation is a fact of a slander only (Incident refuses it otherwise)
        if field == "target":
            if incident.conduct is not Conduct.INSULT or incident.in_connection_with_duties is False:
                continue  # the insult of a representative of authority (CC 2014 Art. 378) needs the link to his duties
            other = {**other, "in_connection_with_duties": True}  # stated with it, as the alternative's words say
        stated = incident.varied(**other)
        if field != "offender":
            found = matching_parts(stated)
            part = _first_ref(found)
            if _refs(found) == _refs(matches):
                continue  # the same parts (what the assessment with it stated is matched by)
            if alternative is _PUBLIC_PLACE and part == _first_ref(matching_parts(incident.varied(
                    channel=Channel.TELECOM_NETWORK))):
                continue  # the part a post gives, which the first alternative's note names alike
            if alternative is _MASS_MEDIA and part in (_first_ref(matching_parts(incident.varied(channel=c)))
                                                      for c in (Channel.TELECOM_NETWORK, Channel.PUBLIC_SPEECH)):
                continue  # the part a post or a speech gives, which the other alternatives' notes name
        alt = assess(stated, decided)
        if field == "offender":  # a part that reaches the natural person and not the entity (a crime; AOC Art. 33(1))
            base = base or assess(incident, decided)
            if alt.governing is None or alt.outcome not in (Outcome.LIABLE, Outcome.TIME_BARRED_UNLESS_STOPPED) or (
                    base.governing is not None and (alt.governing.regime is not Regime.CRIMINAL
                                                    or base.governing.regime is Regime.CRIMINAL)):
                continue
        base = base or assess(incident, decided)
        if barred_moot and alt.outcome is base.outcome is Outcome.TIME_BARRED:
            continue  # no liability either way, whichever part's sanctions
        if not _same_answer(alt, base):  # e.g. both parts repealed since: the same answer either way
            yield (field, what, alternative if alternative in _FIXED else _alternative(field, alternative, alt),
                   taken), alt
    yield from _repetition_what_if(incident, decided, matches, assess, base, barred_moot)


_REPEATED_WHAT = N_("whether the act was committed again within a year after an administrative penalty was imposed "
                    "for it (neither circumstances=repeated nor circumstances=not_repeated is stated)")
_REPEATED_ALT = N_("committed again within a year after an administrative penalty («совершенное повторно в течение "
                   "года после наложения административного взыскания»; circumstances=repeated)")
_REPEATED_TAKEN = N_("takes the act as not repeated, which the facts do not state (circumstances=not_repeated states "
                     "it), so the answer turns on it (depends_on: repeated)")
_CRIME_REPEATED_WHAT = N_("whether the offender committed other acts under the same article or part of it that make "
                          "the act one committed «неоднократно», as the code defines it (CC 2014 Art. 12; CC 1997 "
                          "Art. 11) (neither circumstances=repeated nor circumstances=not_repeated is stated)")
_CRIME_REPEATED_ALT = N_("committed «неоднократно», two or more acts under the same article or part of it («совершение "
                         "двух или более деяний, предусмотренных одной и той же статьей или частью статьи»; "
                         "circumstances=repeated)")
_CRIME_REPEATED_TAKEN = N_("takes the act as not committed «неоднократно», which the facts do not state "
                           "(circumstances=not_repeated states it), so the answer turns on it (depends_on: repeated)")
_REPETITION = {Regime.ADMINISTRATIVE: (_REPEATED_WHAT, _REPEATED_ALT, _REPEATED_TAKEN),
               Regime.CRIMINAL: (_CRIME_REPEATED_WHAT, _CRIME_REPEATED_ALT, _CRIME_REPEATED_TAKEN)}
"""The words of the repetition a part names, by its regime: the AOC's «повторно в течение года после
наложения административного взыскания», and a crime's «неоднократно» (CC 2014 Art. 12(1) and CC 1997
Art. 11(1): «совершение двух или более деяний, предусмотренных одной и той же статьей или частью статьи
Особенной части настоящего Кодекса»). The exceptions differ by code and edition (CC 2014 Art. 12(2): not
where «за ранее совершенное уголовное правонарушение лицо было осуждено либо освобождено от уголовной
ответственности»; CC 1997 Art. 11(3) so read in its text after Law 10.12.2009 No. 227-IV, in force
01.01.2010; before it, in the 1997, 2002 and 2005 texts, a conviction did not exclude it: «если за ранее
совершенное преступление лицо было в установленном законом порядке освобождено от уголовной
ответственности, либо судимость за ранее совершенное лицом преступление была погашена или снята, или
истекли сроки давности ...» (the 2005 text, kazakhstan-law/codes, CC 1997 rus/sec001.md, commit
08c51aaef6aba738ebafa5f58455ecba645af98a; the same in the 1997 and 2002 texts), so the note asks
about the code's definition and does not restate them."""


def _repetition_what_if(incident: Incident, decided: dt.date, matches: tuple[Match, ...], assess: Assess,
                        base: Assessment | None, barred_moot: bool,
                        ) -> Iterator[tuple[tuple[str, str, str, str], Assessment]]:
    """Where the article of the part the act falls under has a heavier part for its repetition (the
    AOC's «совершенное повторно в течение года после наложения административного взыскания», AOC
    2014 Arts. 127-2(2), 434(2), 451(3), 453(3), 456-2(2), (4), (6) ...; a crime's «неоднократно»,
    CC 2014 Arts. 174(2), 299-1(2), CC 1997 Art. 164(2)): the facts leave the repetition open unless
    they state it (an empty set of circumstances does not say that no penalty was imposed within the
    year, nor that the offender committed no other act under the article), so the answer with it
    stated is given beside the one taken; the field is ``repeated`` (:data:`OPEN_FACTS`)."""
    if not matches or incident.circumstances & {Circumstance.REPEATED, Circumstance.NOT_REPEATED}:
        return  # stated either way
    words = _REPETITION.get(matches[0].provision.regime)
    if words is None:
        return
    stated = incident.varied(circumstances=incident.circumstances | {Circumstance.REPEATED})
    found = matching_parts(stated)
    first, other = matches[0].provision.ref, found[0].provision.ref if found else None
    if other is None or _refs(found) == _refs(matches) or (other.code, other.article) != (first.code, first.article):
        return  # no repetition part of the same article reaches the act
    alt = assess(stated, decided)
    base = base or assess(incident, decided)
    if barred_moot and alt.outcome is base.outcome is Outcome.TIME_BARRED:
        return
    if not _same_answer(alt, base):
        yield ("repeated", *words), alt


def _refs(matches: tuple[Match, ...]) -> tuple[object, ...]:
    """The citations of every part the facts fall under, and of those each set aside: the first alone
    may be the same with a fact stated and the rest not (a slander of the First President: CC 2014
    Art. 373(1) whatever the crime alleged, and the parts of AOC 2014 Art. 73-3, set aside beside it by
    AOC 2014 Art. 25(2), that govern once Law 23-VIII repealed it, «соединенная с обвинением лица в
    совершении ... тяжкого или особо тяжкого преступления», part 3)."""
    return tuple((m.provision.ref, tuple(ref for ref, _ in m.set_aside)) for m in matches)


def _first_ref(matches: tuple[Match, ...]) -> object:
    """The citation of the part the facts fall under first (``None`` where none)."""
    return matches[0].provision.ref if matches else None


_EARLY_ACT = "act"
"""The side of :func:`in_force_what_ifs` where the act may come after a law's real in-force date."""


def in_force_what_ifs(incident: Incident, decided: dt.date, law_of: LawOf, base: Assessment,
                      ) -> Iterator[tuple[dt.date, tuple[str, ...], bool | str | None, LawAnswer]]:
    """Where the decision, or else the act, falls within :data:`CAVEAT_WINDOW` after an inferred
    in-force date: the answer had the laws of that date taken effect after it (the decision moved to
    the day before, and the act with it where it is later; or the act alone), where it differs from
    ``base``: the day, the laws, whether it is the act's side, and that answer. The date is the
    earliest the laws could take effect; a later one the evidence may point to is not excluded
    (acts.toml). Where the date was counted from a publication date not read in a primary text
    (:func:`~kzspeechlaw.law.timeline.unread_publication_days`), it is not the earliest: a decision
    from the earliest day up to it is also given the answer had the laws already taken effect (the
    decision moved to their in-force date; side ``None``), and an act from the earliest day up to it,
    decided after it, the answer had it been done under them (the act moved to their in-force date;
    side ``"act"``)."""
    act_date = incident.act_date
    relevant = _relevant(incident.conduct.value)
    for day, _ in inferred_days():
        if day > decided:
            break
        if day not in relevant:
            continue  # nothing an answer on this conduct reads changes that day
        eve = day - dt.timedelta(days=1)
        if decided <= day + CAVEAT_WINDOW:  # the decision near the date: both dates before it
            alt = law_of(moved_before(incident, eve, decision=True), eve)
            side = False
        elif day <= act_date <= day + CAVEAT_WINDOW:
            alt = law_of(moved_before(incident, eve, decision=False), decided)
            side = True
        else:
            continue
        if not _same_law(alt, base):  # (an outcome moved with the date is not compared: see _same_law)
            moved = act_date if side else decided  # every inferred date the move crosses: their laws
            crossed = tuple(a for d, laws in inferred_days() if day <= d <= moved and d in relevant for a in laws)
            yield day, crossed, side, alt
    for day, acts, earliest in unread_publication_days():
        if day not in relevant:
            continue
        if earliest <= decided < day:  # the laws may already have been in force at the decision
            alt = law_of(incident, day)
            if not _same_law(alt, base):
                yield day, acts, None, alt
        elif earliest <= act_date < day <= decided:  # or at the act: as if done on their in-force date
            alt = law_of(moved_to(incident, day), decided)
            if not _same_law(alt, base):
                yield day, acts, _EARLY_ACT, alt


def _same_law(a: LawAnswer, b: Assessment) -> bool:
    """Whether the same law answers both: the same governing part with the same sanctions as the
    law bounds them, or no part and the same outcome. Moving a date by a few days moves the
    limitation period with it: whether it has run out is not what a law's in-force date decides."""
    ga, gb = a.governing, b.governing
    if ga is None or gb is None:
        return ga is gb and a.outcome is b.outcome
    return ga.ref == gb.ref and _bounds(a) == _bounds(b)


def _bounds(a: LawAnswer | Assessment) -> tuple[tuple[object, ...], ...]:
    """The statutory sanctions as the law bounds them, in MCI and terms (not their tenge: the MCI of
    a date moved by a few days may be another year's)."""
    return tuple((s.sanction, s.minimum, s.maximum, s.available) for s in a.statutory)


def _law_answer(a: LawAnswer) -> str:
    """What :func:`_same_law` compares, in a few words: the governing part and its sanctions, or the
    outcome."""
    if a.governing is None:
        assert a.outcome is not None  # no part governs: law_answer gives the outcome
        return Message("{outcome}", outcome=Code(a.outcome))
    return Message("{ref} ({sanctions})", ref=str(a.governing.ref),
                   sanctions=InRegime(join(s.describe() for s in a.statutory), a.governing.regime))


def _relevant(conduct: str) -> frozenset[dt.date]:
    """The days an answer on an act of ``conduct`` may change on (:func:`~kzspeechlaw.law.timeline.code_days`
    of the versions it may be read against: :func:`~kzspeechlaw.reasoning.classification.reachable`)."""
    return _RELEVANT.get(conduct, lambda: frozenset(code_days(reachable(conduct))))


_RELEVANT = Memo(maxsize=64)


def in_force_notes(say: Say, incident: Incident, decided: dt.date, law_of: LawOf, base: Assessment) -> None:
    """The answer had a law of an inferred in-force date taken effect after the act or the decision,
    where it differs (:func:`in_force_what_ifs`)."""
    answers: set[str] = set()
    for day, acts, side, alt in in_force_what_ifs(incident, decided, law_of, base):
        said = tuple(f"Had Law {a} taken effect by the decision" if side is None else
                     f"Had Law {a} taken effect by the act" if side == _EARLY_ACT else
                     f"Had Law {a} taken effect after the {'act' if side else 'decision'}" for a in acts)
        answer = str(_law_answer(alt))
        if any(str(n).startswith(said) for n in say.notes) or answer in answers:
            continue  # the part it would fall under, or the repeal that would not apply, is said already
        answers.add(answer)
        laws, answered = join(acts, ", "), _law_answer(alt)
        if side is None or side == _EARLY_ACT:
            earliest = next(e for d, _, e in unread_publication_days() if d == day)
            say.note(Message("Had Law {acts} taken effect by the decision (its in-force date {day} is counted from a "
                             "publication date not read in a primary text; published on the day it was adopted, it "
                             "would have taken effect on {earliest}), the answer would be {answer}.", acts=laws,
                             day=day, earliest=earliest, answer=answered) if side is None else
                     Message("Had Law {acts} taken effect by the act (its in-force date {day} is counted from a "
                             "publication date not read in a primary text; published on the day it was adopted, it "
                             "would have taken effect on {earliest}), the answer would be {answer}.", acts=laws,
                             day=day, earliest=earliest, answer=answered))
            continue
        say.note(_after_note(acts, day, bool(side), answered))


def _after_note(acts: tuple[str, ...], day: dt.date, on_act: bool, answer: object) -> str:
    """The answer had ``acts`` taken effect after the act (``on_act``) or the decision, their
    in-force date ``day`` being inferred: the earliest possible where it is counted from the
    adoption, or counted from a publication date not read (:func:`counted_from_unread`), which
    may have been earlier."""
    laws = join(acts, ", ")
    if len(acts) > 1:  # the laws' common earliest day: each took effect then at the earliest
        return (Message("Had Laws {acts} taken effect after the act (their in-force date {day} is the earliest "
                        "possible, their publication not read), the answer would be {answer}.", acts=laws, day=day,
                        answer=answer) if on_act else
                Message("Had Laws {acts} taken effect after the decision (their in-force date {day} is the earliest "
                        "possible, their publication not read), the answer would be {answer}.", acts=laws, day=day,
                        answer=answer))
    if counted_from_unread(day):  # not the earliest: it may have been earlier (or later)
        return (Message("Had Law {acts} taken effect after the act (its in-force date {day} is counted from a "
                        "publication date not read in a primary text), the answer would be {answer}.", acts=laws,
                        day=day, answer=answer) if on_act else
                Message("Had Law {acts} taken effect after the decision (its in-force date {day} is counted from a "
                        "publication date not read in a primary text), the answer would be {answer}.", acts=laws,
                        day=day, answer=answer))
    return (Message("Had Law {acts} taken effect after the act (its in-force date {day} is the earliest possible, its "
                    "publication not read), the answer would be {answer}.", acts=laws, day=day, answer=answer)
            if on_act else
            Message("Had Law {acts} taken effect after the decision (its in-force date {day} is the earliest possible, "
                    "its publication not read), the answer would be {answer}.", acts=laws, day=day, answer=answer))


def counted_from_unread(day: dt.date) -> bool:
    """Whether ``day`` is an in-force date counted from a publication date not read in a primary text
    (:func:`~kzspeechlaw.law.timeline.unread_publication_days`): not the earliest the law could take
    effect, which a date counted from the adoption is (Law 349-VI: 10.07.2020 from a publication of
    29.06.2020 that a secondary report gives; 07.07.2020 had it been published when adopted)."""
    return any(d == day for d, _, _ in unread_publication_days())


def classification_in_force(incident: Incident, on: dt.date | None = None) -> tuple[str, ...]:
    """What a classification of the act would be had a law whose in-force date was not read taken
    effect on the other side of the act (the act's side of :func:`in_force_what_ifs`), where the
    parts differ: the notes :func:`in_force_notes` gives, with the parts for the answer. A slander
    of 08.07.2020 falls under CC 2014 Art. 130(2), but under AOC 2014 Art. 73-3(2) had Law 349-VI
    been published on the day it was adopted (in force 07.07.2020). With ``on``, another day than the
    act's, the same for the classification by the law of ``on`` (``classify --on``): where ``on``
    falls within :data:`CAVEAT_WINDOW` after an inferred in-force date, or from the earliest day a
    law counted from an unread publication could have taken effect up to its in-force date."""
    at = incident.act_date if on is None else on
    own = at == incident.act_date  # the act's own day: the notes speak of the act
    relevant = _relevant(incident.conduct.value)

    def parts(day: dt.date) -> tuple[str, ...]:
        return tuple(str(m.provision.ref) for m in matching_parts(incident, on=day))

    def answer(refs: tuple[str, ...]) -> str:
        return join(refs, ", ") if refs else Message("{outcome}", outcome=Code(Outcome.NO_PROVISION))

    found = parts(at)
    out: list[str] = []
    for day, acts in inferred_days():
        if day in relevant and day <= at <= day + CAVEAT_WINDOW and (other := parts(day - dt.timedelta(days=1))
                                                                        ) != found:
            out.append(_after_note(acts, day, True, answer(other)) if own else _after_on_note(acts, day, at,
                                                                                               answer(other)))
    for day, acts, earliest in unread_publication_days():
        if day in relevant and earliest <= at < day and (other := parts(day)) != found:
            out.append(Message("Had Law {acts} taken effect by the act (its in-force date {day} is counted from a "
                               "publication date not read in a primary text; published on the day it was adopted, it "
                               "would have taken effect on {earliest}), the answer would be {answer}.",
                               acts=join(acts, ", "), day=day, earliest=earliest, answer=answer(other)) if own else
                       Message("Had Law {acts} taken effect by {on} (its in-force date {day} is counted from a "
                               "publication date not read in a primary text; published on the day it was adopted, "
                               "it would have taken effect on {earliest}), the law of {on} would give {answer}.",
                               acts=join(acts, ", "), on=at, day=day, earliest=earliest, answer=answer(other)))
    return tuple(out)


def _after_on_note(acts: tuple[str, ...], day: dt.date, on: dt.date, answer: str) -> Message:
    """The classification by the law of ``on`` had the laws ``acts``, in force from ``day`` by the
    data, taken effect after ``on``: ``answer`` (:func:`classification_in_force`)."""
    if counted_from_unread(day):
        return Message("Had Law {acts} taken effect after {on} (its in-force date {day} is counted from a "
                       "publication date not read in a primary text), the law of {on} would give {answer}.",
                       acts=join(acts, ", "), on=on, day=day, answer=answer)
    if len(acts) > 1:
        return Message("Had Laws {acts} taken effect after {on} (their in-force date {day} is the earliest "
                       "possible, their publication not read), the law of {on} would give {answer}.",
                       acts=join(acts, ", "), on=on, day=day, answer=answer)
    return Message("Had Law {acts} taken effect after {on} (its in-force date {day} is the earliest "
                   "possible, its publication not read), the law of {on} would give {answer}.",
                   acts=join(acts, ", "), on=on, day=day, answer=answer)


def alternatives(a: Assessment, assess: Assess) -> Iterator[tuple[str, str, Assessment]]:
    """The facts ``a`` leaves open on which the part that governs turns (those of the what-if and the
    undecided notes, and those the act is time-barred under either way: a sentence checked is weighed
    against the part's range all the same): each field, the value stated for it, and the assessment
    with it stated."""
    for (field, *_), alt in _open_what_ifs(a.incident, a.decided_on, a.matches, assess, a, barred_moot=False):
        if field == "repeated":  # a member of the set of circumstances, not a field of its own
            yield field, "circumstances=repeated", alt
            continue
        value = getattr(alt.incident, field)
        yield field, f"{field}={getattr(value, 'value', value)}", alt
    for fields in _undecided(a.matches):
        names = [STATING[f] for f in fields]
        for value, alt in zip((True, False), _stated_both_ways(a.incident, a.decided_on, fields, assess), strict=True):
            yield ", ".join(names), ", ".join(f"{n}={str(value).lower()}" for n in names), alt


def what_if_notes(say: Say, incident: Incident, decided: dt.date, matches: tuple[Match, ...],
                  assess: Assess) -> None:
    """Where a fact the law turns on is left open (no channel; a crime alleged without its gravity),
    the answer had it been the other way, beside the one given."""
    for (_, what, alternative, taken), alt in _open_what_ifs(incident, decided, matches, assess):
        say.note(Message("The facts do not say {what}, and the law turns on it: {alternative} it gives {answer}. "
                         "The assessment above {taken}.", what=what, alternative=alternative,
                         answer=_answer(alt), taken=taken))


def _undecided(matches: tuple[Match, ...]) -> tuple[tuple[str, ...], ...]:
    """The groups of deciding facts the matches leave open (``Match.undecided_by``), once each."""
    return tuple(dict.fromkeys(m.undecided_by for m in matches if m.undecided_by))


def _unstated(incident: Incident, entry: scope.Entry) -> list[str]:
    """The incident fields an unmodelled special article requires that the incident leaves unstated."""
    return [STATING[f.partition(":")[0]] for f in entry.requires if f.partition(":")[0] in STATING
            and getattr(incident, STATING[f.partition(":")[0]]) is None]


def _stated_both_ways(incident: Incident, decided: dt.date, fields: tuple[str, ...],
                      assess: Assess) -> tuple[Assessment, Assessment]:
    """The assessments with the deciding ``fields`` stated true and stated false."""
    names = [STATING[f] for f in fields]
    yes, no = (assess(incident.varied(**dict.fromkeys(names, value)), decided) for value in (True, False))
    return yes, no


def _moot(alts: tuple[Assessment, Assessment]) -> bool:
    """Whether the law does not turn on a deciding fact after all: no part governs whichever way it
    is stated, and the outcome is the same (a legal entity's false information, which CC 2014
    Art. 274 decides by knowing_and_dangerous and the Criminal Code does not reach)."""
    yes, no = alts
    return yes.governing is None and no.governing is None and yes.outcome is no.outcome


def undecided_notes(say: Say, incident: Incident, decided: dt.date, matches: tuple[Match, ...],
                    assess: Assess) -> None:
    """For each deciding fact the incident leaves unstated (``Match.undecided_by``): the candidates
    side by side, each with its consequence, and the fact that decides between them."""
    for fields in _undecided(matches):
        names = [STATING[f] for f in fields]
        alts = _stated_both_ways(incident, decided, fields, assess)
        if _moot(alts):
            continue  # no part governs either way (a legal entity the criminal parts do not reach)
        outcomes = []
        for value, alt in zip((True, False), alts, strict=True):
            stated_as = ", ".join(f"{n}={str(value).lower()}" for n in names)
            outcomes.append(Message("{facts} gives {answer}", facts=stated_as, answer=_answer(alt)))
        asks = join((DECIDING[f] for f in fields), "; ")
        if matches[0].undecided_by == fields:  # no part holds on the stated facts alone: the first candidate is taken
            say.note(Message("The facts do not say whether {asks} ({names} not stated), and the law turns on it: "
                             "{first}; {second}. The assessment above takes {ref}, which applies only if that is so "
                             "(depends_on names the fact).", asks=asks, names=", ".join(names),
                             first=outcomes[0], second=outcomes[1], ref=str(matches[0].provision.ref)))
            continue
        say.note(Message("The facts do not say whether {asks} ({names} not stated), and the law turns on it: "
                         "{first}; {second}. The assessment above takes only the facts stated.",
                         asks=asks, names=", ".join(names), first=outcomes[0], second=outcomes[1]))


def special_unmodelled(say: Say, incident: Incident, decided: dt.date, first: Provision,
                       special: tuple[scope.Entry, ...], assess: Assess) -> None:
    """Why no answer is given: an unmodelled special article may displace ``first``; and what the
    answer is where the fact it requires is stated false."""
    for entry in special:
        why, ref = scope.describe(entry), str(first.ref)
        if entry.code == first.ref.code:
            step = Message("A special article may displace {ref}: {why}", ref=ref, why=why)
            note = Message("Outside the modelled scope: the special article {why}. If it applies, it displaces "
                           "{ref}; the library gives no answer.", why=why, ref=ref)
        else:  # an article of the other code: which of the two applies is not modelled
            step = Message("An article of another code may apply instead of {ref}: {why}", ref=ref, why=why)
            note = Message("Outside the modelled scope: the article {why}. It may apply to these facts instead of "
                           "{ref}; which of the two applies is not modelled, and the library gives no answer.",
                           why=why, ref=ref)
        say.trace.append(Step(step, f"{entry.ref} (not modelled)"))
        say.notes.append(note)
        for name in _unstated(incident, entry):
            alt = assess(incident.varied(**{name: False}), decided)
            say.notes.append(Message("If {name}=false, {ref} cannot apply and the answer is {outcome} under "
                                     "{governing}.", name=name, ref=entry.ref, outcome=Code(alt.outcome),
                                     governing=str(alt.governing.ref))
                             if alt.governing else
                             Message("If {name}=false, {ref} cannot apply and the answer is {outcome}.", name=name,
                                     ref=entry.ref, outcome=Code(alt.outcome)))


_OPEN_AMNESTY = (amnesty.Status.MAY_REACH, amnesty.Status.CONDITIONAL)
"""What an amnesty finding says when the facts do not settle whether it releases the act."""

_NO_RELEASE = (amnesty.Status.EXCLUDED, amnesty.Status.NOT_COVERED, amnesty.Status.REFUSED)
"""What a Law that may reach the act (``may_reach``) would do that releases nothing either way."""


def unmodelled_amnesty_open(p: Provision, incident: Incident, decided: dt.date, outcome: Outcome) -> bool:
    """Whether an amnesty law the data does not hold may have released a criminal act found liable
    (or time-barred unless the period was stopped):
    :meth:`~kzspeechlaw.law.amnesty_laws.Amnesties.unmodelled_may_reach`."""
    return (p.regime is Regime.CRIMINAL and outcome in (Outcome.LIABLE, Outcome.TIME_BARRED_UNLESS_STOPPED)
            and amnesty.amnesties().unmodelled_may_reach(incident.act_date, decided))


def unmodelled_amnesty_note(p: Provision, incident: Incident, decided: dt.date, outcome: Outcome) -> str | None:
    """The note where :func:`unmodelled_amnesty_open`."""
    data = amnesty.amnesties()
    if data.unmodelled is None or not unmodelled_amnesty_open(p, incident, decided, outcome):
        return None
    return Message("Amnesty laws adopted before {day} are not modelled, and not all of them were found. Those read "
                   "(Laws {laws}) ended pending cases on crimes punishable by up to five years' imprisonment or by a "
                   "punishment not custodial, committed before they took effect: whether an amnesty released this act "
                   "is not answered (depends_on: amnesty).",
                   day=data.unmodelled.before, laws=", ".join(data.unmodelled.laws))


def open_elements(incident: Incident, *parts: Provision) -> tuple[str, ...]:
    """The elements of ``parts`` the facts leave open (:attr:`~kzspeechlaw.law.model.Provision.open_elements`):
    the author's knowledge unless ``knowing_and_dangerous`` states it (with the danger); a prior
    agreement where the circumstance ``group`` alone satisfies its clause."""
    return tuple(dict.fromkeys(name for p in parts for name in p.open_elements if _open(name, incident, p)))


def _open(name: str, incident: Incident, p: Provision) -> bool:
    if name == "knowledge":
        return incident.knowing_and_dangerous is not True
    if name == "media_product":  # open only for a post in a network, not for the mass media named
        return incident.channel is Channel.TELECOM_NETWORK
    if name == "propaganda":  # open only where the act is not stated to be public: a call must be public
        return incident.channel in (None, Channel.PRIVATE)
    if name == "publication":  # open only for a permission to publish, not for the act of publishing itself
        return incident.conduct is Conduct.AUTHORISING_EXTREMIST_PUBLICATION
    if name == "class_propaganda":  # open only where class is the one kind of discord stated
        return _CLASS in incident.facts and not any(
            f in incident.facts for c in p.elements if _CLASS in c for f in c if f != _CLASS)
    if name == "prior_agreement":
        return _alone(_GROUP, incident, p)
    if name in ("group_of_persons", "group_by_agreement"):  # open only where the criminal group alone satisfies
        return _alone(_CRIMINAL_GROUP, incident, p)  # the part's clause
    if name in _POST_ELEMENTS:  # open only where a post in a network alone satisfies the clause
        return _alone(_NETWORK, incident, p)
    return True


def _alone(fact: str, incident: Incident, p: Provision) -> bool:
    """Whether ``fact`` is stated and is the one fact of ``p``'s clause naming it that the incident has."""
    clause = next((c for c in p.elements if fact in c), ())
    return fact in incident.facts and not any(f in incident.facts for f in clause if f != fact)


_GROUP = "circumstance:group"
_CRIMINAL_GROUP = "circumstance:criminal_group"
_NETWORK = "channel:telecom_network"
_CLASS = "discord:class"
_POST_ELEMENTS = ("mass_media", "speech_work_or_media", "holder_resource")
"""Open elements a post in a telecommunication network leaves open where it alone satisfies their clause."""

_QUALIFYING_CHANNEL = ("mass_media", "speech_work_or_media")
"""Open elements whose clause raises a basic part to a qualified one (CC 1997 Arts. 129(2), 130(2),
170(2), 233-1(2), 317-1(2), 318(2), 319(2), 320(2)): where they are not shown, the basic part the
qualified one absorbs is what the facts meet."""


def concurrent_unmodelled_notes(incident: Incident, p: Provision) -> tuple[str, ...]:
    """Unmodelled articles of the same code of administrative offences that the facts fit beside the
    administrative part they fall under (the scope register's entries naming no target: those that do
    may displace the part and are :func:`special_unmodelled`): each offence is penalised separately
    (AOC 2014 Art. 58(1): «При совершении одним лицом двух или более административных правонарушений
    административное взыскание налагается за каждое правонарушение в отдельности»), so the part's
    sanctions may not be the whole consequence. AOC 2014 Art. 490(2) fines «на юридических лиц» an
    insult of religious feelings beside Art. 453(2)'s mass-media products inciting religious discord."""
    if p.regime is not Regime.ADMINISTRATIVE:
        return ()
    return tuple(Message("The facts may also fall under an article the data does not model: {why}. Each "
                         "administrative offence is penalised separately (AOC 2014 Art. 58(1)): the sanctions of "
                         "{ref} may not be the whole consequence.", why=scope.describe(e), ref=str(p.ref))
                 for e in scope.unmodelled_on(incident, incident.act_date)
                 if e.code == p.ref.code and not e.targets and e.number != p.ref.article)


def open_element_notes(incident: Incident, p: Provision) -> tuple[str, ...]:
    """What the part the act falls under requires that the facts leave open (:func:`open_elements`)."""
    return tuple(Message("{ref} applies only where it is shown {what}; the facts do not state it, and without it the "
                         "part does not reach the act.", ref=str(p.ref), what=OPEN_ELEMENTS[name])
                 for name in open_elements(incident, p))


def open_element_fallback(incident: Incident, matches: tuple[Match, ...]) -> str | None:
    """What the act falls under where the open element of the first match is not shown: the basic
    parts it absorbs that the facts meet (its ``set_aside``), e.g. CC 1997 Art. 170(1) beside 170(2)
    for a post that may not have been made «с использованием средств массовой информации» (only the
    elements of :data:`_QUALIFYING_CHANNEL`)."""
    p = matches[0].provision
    if not any(name in _QUALIFYING_CHANNEL for name in open_elements(incident, p)):
        return None
    absorbed = {str(r) for r in p.absorbs}
    refs = [ref for ref, _ in matches[0].set_aside if ref in absorbed]
    if not refs:
        return None
    return Message("If that is not shown, the facts fall under {refs} instead of {ref} (set aside above as "
                   "absorbed by it).", refs=join(refs, OR), ref=str(p.ref))


_CONVICTED_WORDS = "ранее судимым по настоящей статье"
"""The words of a CC 1997 text that reach a person previously convicted under the article (Art.
170(2) until Law 10.12.2009 No. 227-IV, in force from 01.01.2010: «а равно лицом, ранее судимым по
настоящей статье»)."""

UNSTATED_ALTERNATIVES: dict[str, tuple[str, str]] = {
    "previous_conviction": (_CONVICTED_WORDS, ""),
    "education_or_crowd": (
        "в организациях образования, а также на объектах массового скопления людей",
        N_("where the act was committed in an organisation of education or at a place of mass gathering of people "
           "(«в организациях образования, а также на объектах массового скопления людей»)")),
    "responsible_post": (
        "должностным лицом, занимающим ответственную государственную должность",
        N_("where the offender was an official holding a responsible state post («должностным лицом, занимающим "
           "ответственную государственную должность»), which the circumstance official_position, the use of "
           "one's official position, does not say")),
}
"""Alternatives of a qualified part that no incident field states (names of :data:`OPEN_FACTS`):
the words of the part's text that give each, and what the note says of it (the previous conviction
has a note of its own). CC 2014 Art. 299-1(2), item 3); CC 2014 Art. 161(2); CC 1997 Art. 170(2)
until 2010."""


def unstated_alternative_parts(incident: Incident, p: Provision, decided: dt.date,
                              name: str = "previous_conviction") -> tuple[Provision, ...]:
    """The parts that absorb ``p`` and also reach the act on the alternative ``name`` of
    :data:`UNSTATED_ALTERNATIVES` (by default a person previously convicted under the article,
    :data:`_CONVICTED_WORDS`), in force on the act date and, so worded, still on ``decided``: the
    facts cannot state it, so an answer under ``p`` turns on it. Not where the words are gone by
    ``decided`` (Law 227-IV removed the previous conviction): a later law that improves the
    offender's position has retroactive force (CC 1997 Art. 5, «Обратная сила уголовного закона»;
    CC 2014 Art. 6; their texts are not in the data)."""
    if p.regime is not Regime.CRIMINAL or incident.offender in ENTITIES:
        return ()  # not a crime, or an offender the Criminal Code does not reach (taken as a legal entity)
    words = UNSTATED_ALTERNATIVES[name][0]
    found = []
    for versions in _ABSORBING_WITH.get((p.ref, words), lambda: _absorbing_with(p, words)):
        at_act = next((v for v in versions if v.in_force_on(incident.act_date)), None)
        at_decision = next((v for v in versions if v.in_force_on(decided)), None)
        if at_act is not None and at_decision is not None and all(
                words in v.text for v in (at_act, at_decision)):
            found.append(at_act)
    return tuple(found)


_ABSORBING_WITH = Memo(maxsize=4096)


def _absorbing_with(p: Provision, words: str = _CONVICTED_WORDS) -> tuple[tuple[Provision, ...], ...]:
    """The versions of each part of ``p``'s article that absorbs ``p`` and has a version with
    ``words`` (by default those reaching a person previously convicted, :data:`_CONVICTED_WORDS`):
    the same for every incident."""
    return tuple(versions for ref, versions in law().versions.items()
                 if ref.code == p.ref.code and ref.article == p.ref.article
                 and any(p.ref in v.absorbs and words in v.text for v in versions))


def unstated_alternatives(incident: Incident, p: Provision, decided: dt.date) -> tuple[str, ...]:
    """The names of :data:`UNSTATED_ALTERNATIVES` on which an answer under ``p`` turns."""
    return tuple(name for name in UNSTATED_ALTERNATIVES if unstated_alternative_parts(incident, p, decided, name))


def unpunished_stage_alternatives(incident: Incident, p: Provision, decided: dt.date) -> tuple[str, ...]:
    """The names of :data:`UNSTATED_ALTERNATIVES` on which an unfinished act that ``p`` leaves
    unpunished turns: the qualified part the alternative gives is of a category whose preparation or
    attempt the 2014 Code punishes (CC 2014 Art. 24(2): «Уголовная ответственность наступает за
    приготовление к тяжкому или особо тяжкому преступлению»; Art. 24(4), an attempt), as CC 2014 Art.
    161(2) (grave) is where Art. 161(1) (medium gravity) is not."""
    stage = incident.stage
    return tuple(name for name in UNSTATED_ALTERNATIVES
                 if stage is not None and any(q.ref.code == "CC2014" and unfinished_rule(q, stage, decided) is None
                                              for q in unstated_alternative_parts(incident, p, decided, name)))


def unstated_alternative_notes(incident: Incident, p: Provision, decided: dt.date) -> tuple[str, ...]:
    """The notes where :func:`unstated_alternative_parts` finds a part, for each alternative of
    :data:`UNSTATED_ALTERNATIVES`."""
    notes = [Message("{ref} also reaches the act where the offender had been convicted under the article before "
                     "(«а равно лицом, ранее судимым по настоящей статье»): the facts cannot state a previous "
                     "conviction, and the assessment above under {basic} takes none (depends_on: "
                     "previous_conviction).", ref=str(q.ref), basic=str(p.ref))
             for q in unstated_alternative_parts(incident, p, decided)]
    notes += (Message("{ref} also reaches the act {what}: no incident field states it, and the assessment above "
                      "under {basic} takes it as not so (depends_on: {name}).",
                      ref=str(q.ref), what=what, basic=str(p.ref), name=name)
              for name, (_, what) in UNSTATED_ALTERNATIVES.items() if name != "previous_conviction"
              for q in unstated_alternative_parts(incident, p, decided, name))
    return tuple(notes)


ENTITY_KINDS = (Offender.SMALL_BUSINESS, Offender.MEDIUM_BUSINESS, Offender.LARGE_BUSINESS,
                 Offender.NON_PROFIT_ORGANISATION)
"""The kinds of legal entity the AOC's sanctions name (a legal entity of unstated kind is any of them)."""


def entity_kind_open(g: Provision, incident: Incident) -> bool:
    """Whether the answer for a legal entity of unstated kind turns on its kind because ``g``, an
    administrative part, fines some kinds and names no rate for another (AOC 2014 Art. 451(1) fines
    «субъектов малого предпринимательства», «среднего», «крупного», not a non-profit organisation):
    for that kind whether and how it is liable is not modelled (AOC 2014 Art. 33(1))."""
    if incident.offender is not Offender.LEGAL_ENTITY or g.regime is not Regime.ADMINISTRATIVE:
        return False
    return any(not penalties.sanctions_for(g, kind.value) for kind in ENTITY_KINDS)


def opening_mci_open(a: Assessment) -> bool:
    """Whether the tenge of an administrative fine turns on the day the case was opened, which the
    facts do not give: AOC 2014 Art. 44(1) converts a fine with the MCI «действующим на момент
    возбуждения дела об административном правонарушении», the act date's is assumed, and the MCI
    changes after the act, up to the last day the case can have been opened, or that day is after
    the data's MCI (:func:`~kzspeechlaw.reasoning.penalties.opening_days`). Not where the act is
    after the data's MCI: no day gives a tenge amount then."""
    g, inc = a.governing, a.incident
    if g is None or g.regime is not Regime.ADMINISTRATIVE or inc.proceedings_date is not None or a.mci_date is None:
        return False
    if a.outcome not in (Outcome.LIABLE, Outcome.TIME_BARRED_UNLESS_STOPPED) or a.mci_date > law().mci_until:
        return False  # no fine to convert, or none in tenge whatever the day
    if not any(s.maximum is not None and unit_name(s.maximum) == "MCI" for s in a.statutory):
        return False
    days, beyond = penalties.opening_days(inc, a.mci_date, a.decided_on)
    return len(days) > 1 or beyond


def open_facts(a: Assessment, assess: Assess, law_of: LawOf) -> tuple[str, ...]:
    """The facts left open on which ``a`` turns (names of :data:`OPEN_FACTS`), decided by the same
    tests as the notes that give each answer, without writing them."""
    inc, decided, found = a.incident, a.decided_on, []
    if a.matches or a.outcome is not Outcome.OUTSIDE_SCOPE:
        found += [what[0] for what, _ in _open_what_ifs(inc, decided, a.matches, assess, a)]
    found += [STATING[f] for fields in _undecided(a.matches)
              if a.governing is not None or not _moot(_stated_both_ways(inc, decided, fields, assess))
              for f in fields]
    if a.matches and a.outcome is Outcome.OUTSIDE_SCOPE and a.governing is None:
        found += [name for entry in scope.special_unmodelled(inc) for name in _unstated(inc, entry)]
    if any(True for _ in in_force_what_ifs(inc, decided, law_of, a)):
        found.append("in_force")  # a law of an inferred date may not yet have been in force
    g, lim = a.governing, a.limitation
    if g is not None:
        found += open_elements(inc, a.matches[0].provision, g)
    if g is not None and minor_stated(inc):
        found.append("age")
    if g is not None and lim is not None and lim.expired and not lim.certain:
        if lim.last_day:
            found.append("last_day")
        if g.regime is Regime.ADMINISTRATIVE:
            found.append("referral")
        elif interruption_open(lim):  # a grave crime's period a new crime may have interrupted
            found.append("interruption")
        if exemption_open(lim):  # a no-limitation rule of an unread in-force date may already have reached the act
            found.append("in_force")
        if receipt_open(lim):  # the wording that lets the period run again may not yet have been in force
            found.append("in_force")
    if g is not None and a.matches:
        found += unstated_alternatives(inc, a.matches[0].provision, decided)
    elif a.matches and inc.stage is not None and a.outcome is Outcome.NO_PROVISION:
        found += unpunished_stage_alternatives(inc, a.matches[0].provision, decided)
    if g is not None and a.matches and g.ref == a.matches[0].provision.ref and public_reading_open(g, inc):
        found.append("publicly")  # the other reading of «Публичное» takes the act outside the governing part
    elif g is None and a.matches and public_reading_open(a.matches[0].provision, inc) and (
            public_other(inc, decided, assess).outcome is not a.outcome):
        found.append("publicly")  # e.g. an attempt the part's category leaves unpunished, the general part's not
    if g is not None and unread_wording(g) is not None:
        found.append("wording")  # the sanctions shown are the last text read; the next one read may have governed
    if g is not None and entity_kind_open(g, inc):
        found.append("offender")  # a kind of legal entity the part names no rate for
    if g is not None and opening_mci_open(a):
        found.append("proceedings_date")
    if g is not None and unmodelled_amnesty_open(g, inc, decided, a.outcome):
        found.append("amnesty")  # an amnesty law the data does not hold may have released it
    if g is not None and a.outcome in (Outcome.LIABLE, Outcome.TIME_BARRED_UNLESS_STOPPED, Outcome.AMNESTIED):
        findings = amnesty.findings(g, inc.act_date, decided, amnesty.facts_of(inc),
                                    committed=amnesty.committed_part(a.matches, g))
        if a.outcome is not Outcome.AMNESTIED and any(f.status in _OPEN_AMNESTY and f.would not in _NO_RELEASE
                                                      for f in findings):
            found.append("amnesty")
        if a.outcome is Outcome.AMNESTIED and any(  # released by a Law whose in-force date was inferred
                f.releases and f.amnesty.in_force_uncertain_on(decided) for f in findings):
            found.append("amnesty")
    return tuple(dict.fromkeys(found))




def date_caveat(act_id: str | None, day: dt.date | None, *near: dt.date) -> str | None:
    """A note where a boundary date near ``near`` rests on an act whose in-force date was not read."""
    found = caveat(act_id, day)
    if found is None or not any(found[1].holds(d) for d in near):
        return None
    act = found[0]
    return Message("The in-force date {day} of Law {act} is inferred, not read in a primary text ({rule}); a date "
                   "close to it needs checking.", day=day, act=act.id, rule=act.in_force_rule)


def other_side(incident: Incident, decided: dt.date, matches: tuple[Match, ...], act_id: str | None,
               day: dt.date | None) -> str | None:
    """Where the act falls under a version whose first day ``day`` is an in-force date not read
    (:func:`caveat_window`; the act date within its window), the part the act would fall under had
    the Law taken effect after the act: as the part stood the day before, with its category and
    sanctions, where its version, category or sanctions differ. Said only where that candidate is
    plain: a part the stated facts fall under, with a sanction for the offender, still in force at
    the decision (not one the same Law repealed), a criminal part not for a legal entity; else the
    caveat stands alone. The other direction is not said: an inferred date is the earliest the Law
    could take effect."""
    window = caveat_window(act_id, day)
    if window is None or day is None or not matches or not window.holds(incident.act_date):
        return None
    mine = matches[0].provision
    if incident.act_date < day or mine.valid_from != day or mine.act != act_id:  # the Law of the act's own version
        return None
    on = day - dt.timedelta(days=1)
    found = matching_parts(incident, on=on)
    other = found[0].provision if found and not found[0].undecided_by else None
    if other is None or (other.ref, other.category, other.sanctions) == (mine.ref, mine.category, mine.sanctions):
        return None
    own = other.sanctions_for(incident.offender)
    if not own or not other.reaches(incident.offender) or (
            other.valid_to is not None and other.valid_to <= decided and other.repealed_by is not None):
        return None
    return Message("Had Law {act} taken effect after the act, the act would fall under {ref} as worded on {day} "
                   "({category}; {sanctions}).", act=act_id, ref=str(other.ref), day=on, category=other.category,
                   sanctions=join((s.describe() for s in own), OR))


def repeal_side(incident: Incident, outcome: Outcome, act_id: str | None, day: dt.date | None,
                decided: dt.date) -> str | None:
    """Where a repeal removed liability (``outcome``) from a ``day`` whose in-force date was not read
    and the decision date is near it (:func:`caveat_window`): the part that would still have applied
    on the decision date had the Law taken effect after it (the part the facts fell under the day
    before), the other answer the unread date decides; ``None`` elsewhere."""
    window = caveat_window(act_id, day)
    if window is None or day is None or decided < day or not window.holds(decided):
        return None
    found = matching_parts(incident, on=day - dt.timedelta(days=1))
    if not found:
        return None
    ref = str(found[0].provision.ref)
    if outcome is Outcome.DECRIMINALISED:
        return Message("Had Law {act} taken effect after the decision date, {ref} would still have applied on it: "
                       "the act would not be decriminalised.", act=act_id, ref=ref)
    if outcome is Outcome.NO_PROVISION:
        return Message("Had Law {act} taken effect after the decision date, {ref} would still have applied on it: "
                       "the offence would not be abolished.", act=act_id, ref=ref)
    return None


def liable_from_14(p: Provision, incident: Incident) -> bool:
    """Whether ``p`` is one of the offences for which the age-of-liability rule of the act date (the
    rule ``liability_age``: CC 2014 and CC 1997 Art. 15(2)) makes a person liable from 14."""
    rule = find(p.ref.code, "liability_age", incident.act_date)
    return rule is not None and (str(p.ref) in rule.articles or f"{p.ref.code} {p.ref.article}" in rule.articles)


_YOUNGER_MINORS = {
    ("AOC2014", "127-2"): N_(
        "A younger minor is not outside the article: AOC 2014 Art. 127-2(3), which the library does not model, "
        "reads «Действие, предусмотренное частями первой или второй настоящей статьи, совершенное "
        "несовершеннолетним лицом в возрасте от двенадцати до шестнадцати лет, – влечет предупреждение или штраф "
        "на родителей или лиц, их заменяющих, в размере десяти месячных расчетных показателей» (16.06.2024 text): "
        "for a minor of 12 to 15 the parents answer, with a warning or a fine of 10 MCI."),
}
"""Parts for an act by a minor below the age of liability that the data do not model, by article:
where the facts state a minor, the age note names them (AOC 2014 Art. 127-2(3), Law 73-VIII)."""


def age_note(p: Provision, incident: Incident, governing: Provision | None = None) -> str | None:
    """Where the facts state that the offender was a minor, what the answer leaves open
    (``depends_on``: age): whether the offender had reached the age of liability for ``p``, the part
    the act fell under when committed (the rule ``liability_age`` of the act date: CC 2014 and
    CC 1997 Art. 15, 16 or for the crimes part 2 lists 14; AOC 2014 Art. 28, 16 by the end of the
    offence), and the rules for minors: the 1997 Code's are not applied; where the 2014 Code governs
    (``governing``, by default ``p``), the ranges are a minor's (Art. 81, the rule ``minor_limits``)."""
    if not minor_stated(incident):
        return None
    rule = find(p.ref.code, "liability_age", incident.act_date)
    if rule is None:
        return Message("The facts state that the offender was a minor: whether the offender had reached the age of "
                       "liability under {code} at the time of the act, and the code's rules for minors, are not "
                       "modelled: the answer assumes an offender liable and sentenced as an adult (depends_on: age).",
                       code=p.ref.code)
    if not rule.articles:
        said = Message("The facts state that the offender was a minor: {rule} makes a person liable from 16. Whether "
                       "the offender was 16 when the offence ended or was stopped decides whether there is liability "
                       "at all (depends_on: age). For a minor of 16 or 17 the limitation period is halved (AOC 2014 "
                       "Art. 71), as counted here; the fine is at most 10 MCI (Art. 66(1)) and arrest is not imposed "
                       "(Art. 50(2)), which a check of a sentence weighs and the imposable ranges show; the sanctions "
                       "listed are the article's.",
                       rule=Cite(rule.cite()))
        younger = _YOUNGER_MINORS.get((p.ref.code, p.ref.article))
        return said if younger is None else Message("{said} {younger}", said=said, younger=younger)
    if (governing or p).ref.code == "CC2014":
        minors = N_("the imposable ranges are a minor's (CC 2014 Art. 81: the kinds it bars, its limits; a fine or "
                    "correctional work only with the minor's own earnings or property), and the sanctions listed are "
                    "the article's")
        if liable_from_14(p, incident):
            return Message("The facts state that the offender was a minor: {rule} makes a person liable for {ref} from "
                           "14, and whether the offender was 14 at the time of the act decides whether there is "
                           "liability at all; {minors} (depends_on: age).", rule=Cite(rule.cite()), ref=str(p.ref),
                           minors=minors)
        return Message("The facts state that the offender was a minor: {rule} makes a person liable from 16, and from "
                       "14 only for the offences it lists, which {ref} is not. Whether the offender was 16 at the time "
                       "of the act decides whether there is liability at all; {minors} (depends_on: age).",
                       rule=Cite(rule.cite()), ref=str(p.ref), minors=minors)
    minors = N_("the code's rules for minors, not modelled")
    if liable_from_14(p, incident):
        return Message("The facts state that the offender was a minor: {rule} makes a person liable for {ref} from "
                       "14. The rules for minors are not applied: {minors} (depends_on: age).", rule=Cite(rule.cite()),
                       ref=str(p.ref), minors=minors)
    return Message("The facts state that the offender was a minor: {rule} makes a person liable from 16, and from 14 "
                   "only for the offences it lists, which {ref} is not. Whether the offender was 16 at the time of the "
                   "act decides whether there is liability at all; nor are the rules for minors applied: {minors} "
                   "(depends_on: age).", rule=Cite(rule.cite()), ref=str(p.ref), minors=minors)


def limitation_note(p: Provision, incident: Incident, lim: Limitation) -> str:
    """What the notes say of the limitation period (empty where none applies). The rule that governs
    may be a later code's (:func:`kzspeechlaw.reasoning.limitation.for_act`): its article names the
    code and, for CC 2014 Art. 71(1)(1), a criminal misdemeanour."""
    if lim.status == "none":
        return ""
    code = lim.article.split()[0]
    if lim.status == "suspended":
        if p.regime is Regime.ADMINISTRATIVE:
            return Message("The limitation period ({article}) stands still from the referral of the case to court on "
                           "{day} (AOC 2014 Art. 62(5)).", article=lim.article, day=incident.referred_on)
        lapse = (Message("liability lapses on {day} at the latest", day=lim.expires) if lim.expires is not None
                 else Message("no outer limit is established in the data"))
        return Message("The limitation period ({article}) stands still while the person evades (from {day}); it runs "
                       "again from the arrest or surrender (give evaded_until), and {lapse} ({rule}).",
                       article=lim.article, day=incident.evaded_from, lapse=lapse,
                       rule=_EVASION_ARTICLE.get(code, code))
    if not lim.expired:
        return Message("The limitation period runs to {day} ({article}).", day=lim.expires, article=lim.article)
    if lim.certain:
        if lim.article.startswith("CC2014 71(1)(1)"):
            return Message("The limitation period expired on {day} ({article}); it is never suspended or "
                           "interrupted for a criminal misdemeanour (CC 2014 Art. 71(3)).",
                           day=lim.expires, article=lim.article)
        if incident.evaded_from is not None:
            return Message("The limitation period expired on {day} ({article}), the evasion notwithstanding.",
                           day=lim.expires, article=lim.article)
        return Message("The limitation period expired on {day} ({article}); the facts give no evasion that "
                       "would have suspended it (give evaded_from where the person evaded the investigation or the "
                       "court).", day=lim.expires, article=lim.article)
    if p.regime is Regime.ADMINISTRATIVE:
        if incident.referred_on is None:
            return Message("The limitation period expired on {day} ({article}) unless {unless} (AOC 2014 Art. 62(5), "
                           "(7)). Liability stays open until that is known.", day=lim.expires, article=lim.article,
                           unless=lim.unless)
        if lim.last_day and incident.referred_on == lim.expires:
            return Message("The limitation period ({article}) closes on {day}, the day the case was referred to court: "
                           "it expired unless {unless} (AOC 2014 Art. 62(5), (7)). Liability stays open until that is "
                           "known.", day=lim.expires, article=lim.article, unless=lim.unless)
        if lim.expires is not None and incident.referred_on < lim.expires and receipt_open(lim):
            return Message("The limitation period expired on {day} ({article}) unless {unless} (AOC 2014 Art. "
                           "62(5), (7)). The case was referred to court on {referred}, within the period, which ran "
                           "again once the court received the case where the wording that says so governs. Liability "
                           "stays open until that is known.", day=lim.expires, article=lim.article, unless=lim.unless,
                           referred=incident.referred_on)
        if lim.expires is not None and incident.referred_on < lim.expires:  # the wording that resumes on receipt
            return Message("The limitation period expired on {day} ({article}) unless {unless} (AOC 2014 Art. "
                           "62(5), (7)). The case was referred to court on {referred}, within the period, which ran "
                           "again once the court received the case. Liability stays open until that is known.",
                           day=lim.expires, article=lim.article, unless=lim.unless, referred=incident.referred_on)
        return Message("The limitation period expired on {day} ({article}) unless {unless} (AOC 2014 Art. 62(5), "
                       "(7)). The case was referred to court on {referred}, after the period. Liability stays open "
                       "until that is known.", day=lim.expires, article=lim.article, unless=lim.unless,
                       referred=incident.referred_on)
    if lim.last_day and LAST_DAYS[1] in lim.unless:  # the evasion began on the closing day
        return Message("The limitation period ({article}) closes on {day}, the day the evasion began: it expired "
                       "unless {unless}; liability stays open.", day=lim.expires, article=lim.article,
                       unless=lim.unless)
    if lim.last_day:
        return Message("The limitation period ({article}) closes on the decision date, {day}: it expired unless "
                       "{unless}; liability stays open.", day=lim.expires, article=lim.article, unless=lim.unless)
    if not interruption_open(lim):  # the expiry turns on when a no-limitation rule took effect alone
        return Message("The limitation period expired on {day} ({article}) unless {unless}; the texts read do not "
                       "say, so liability stays open.", day=lim.expires, article=lim.article, unless=lim.unless)
    return Message("The limitation period expired on {day} ({article}) unless {unless} ({rule}); the facts given do "
                   "not say, so liability stays open.", day=lim.expires, article=lim.article, unless=lim.unless,
                   rule=_INTERRUPTION_ARTICLE.get(code, code))


_EVASION_ARTICLE = {"CC2014": "CC 2014 Art. 71(4)", "CC1997": "CC 1997 Art. 69(3)"}
_INTERRUPTION_ARTICLE = {"CC2014": "CC 2014 Art. 71(4)", "CC1997": "CC 1997 Art. 69(4)"}
