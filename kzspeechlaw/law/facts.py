"""The fact vocabulary shared by incidents and by the elements of provisions in the data.

An element in the data is a ``field:value`` string (``"channel:mass_media"``); the values of each
field are the members of the enum below. Adding a value here is all a new article needs.
"""

from __future__ import annotations

import enum

from kzspeechlaw.i18n import N_


class Conduct(enum.StrEnum):
    """What the speech act does."""

    SLANDER = "slander"  # клевета: knowingly false information defaming another
    INSULT = "insult"  # оскорбление: humiliating honour and dignity in an indecent form
    ENCROACHMENT_ON_HONOUR = "encroachment_on_honour"  # иное посягательство на честь и достоинство
    DESECRATION_OF_IMAGE = "desecration_of_image"  # осквернение изображений (First President)
    INCITEMENT_OF_DISCORD = "incitement_of_discord"  # возбуждение / разжигание розни
    FALSE_INFORMATION = "false_information"  # заведомо ложная информация
    CALL_TO_SEIZE_POWER = "call_to_seize_power"  # пропаганда или призывы к захвату власти
    CALL_TO_SEPARATISM = "call_to_separatism"  # призывы к нарушению унитарности и целостности
    TERRORISM_PROPAGANDA = "terrorism_propaganda"  # пропаганда терроризма, публичные призывы
    CALL_TO_MASS_RIOTS = "call_to_mass_riots"  # призывы к массовым беспорядкам
    CALL_TO_VIOLENCE = "call_to_violence"  # призывы к насилию над гражданами (CC 2014 Art. 272(3))
    OBSTRUCTING_JOURNALIST = "obstructing_journalist"  # воспрепятствование деятельности журналиста
    DESECRATION_OF_STATE_SYMBOLS = "desecration_of_state_symbols"  # надругательство над символами
    PETTY_HOOLIGANISM = "petty_hooliganism"  # мелкое хулиганство
    MEDIA_LAW_VIOLATION = "media_law_violation"  # нарушение законодательства о масс-медиа
    DISCLOSURE_OF_MINOR_DATA = "disclosure_of_minor_data"  # личность несовершеннолетнего (AOC 451(4))
    CONTEMPT_OF_COURT = "contempt_of_court"  # неуважение к суду
    # Conducts of articles added with the scope register (data/scope.toml); where no modelled part
    # covers the act date, an incident with one of them is answered `outside_scope`.
    CALL_TO_AGGRESSIVE_WAR = "call_to_aggressive_war"  # призывы к развязыванию агрессивной войны
    DRUG_PROPAGANDA = "drug_propaganda"  # пропаганда наркотических средств, психотропных веществ
    SUICIDE_PROPAGANDA = "suicide_propaganda"  # пропаганда самоубийства
    BULLYING_OF_MINOR = "bullying_of_minor"  # травля (буллинг, кибербуллинг) несовершеннолетнего
    AUTHORISING_EXTREMIST_PUBLICATION = "authorising_extremist_publication"  # дача разрешения на публикацию


class Channel(enum.StrEnum):
    """How the speech reached its audience."""

    PRIVATE = "private"
    PUBLIC_SPEECH = "public_speech"  # публично
    MASS_MEDIA = "mass_media"  # средства массовой информации / масс-медиа
    TELECOM_NETWORK = "telecom_network"  # сети телекоммуникаций, онлайн-платформы, internet
    PUBLIC_WORK = "public_work"  # публично демонстрирующееся произведение, литература


class Target(enum.StrEnum):
    """Whom the speech is about."""

    PERSON = "person"
    OFFICIAL = "official"
    AUTHORITY_REPRESENTATIVE = "authority_representative"  # представитель власти
    JUDGE = "judge"
    JUROR = "juror"
    PROSECUTOR = "prosecutor"
    INVESTIGATOR = "investigator"
    INQUIRY_OFFICER = "inquiry_officer"  # лицо, производящее дознание
    EXPERT = "expert"
    BAILIFF = "bailiff"  # судебный пристав / судебный исполнитель
    ADVOCATE = "advocate"
    PRESIDENT = "president"
    FIRST_PRESIDENT = "first_president"  # Первый Президент – Елбасы
    DEPUTY = "deputy"  # депутат Парламента
    JOURNALIST = "journalist"
    SERVICEMAN = "serviceman"  # военнослужащий (AOC 2014 Art. 652; CC 2014 Art. 440)
    FAMILY_MEMBER = "family_member"  # лицо, состоящее в семейно-бытовых отношениях (AOC 2014 Art. 73)
    MEDICAL_WORKER = "medical_worker"  # медицинский или фармацевтический работник (AOC 2014 Art. 80-1)
    CANDIDATE = "candidate"  # кандидат, политическая партия на выборах (AOC 2014 Arts. 104, 112)
    LEGAL_ENTITY = "legal_entity"
    STATE = "state"
    PUBLIC = "public"


class Allegation(enum.StrEnum):
    """What a slander accuses its target of; not stated (``None``) leaves it open."""

    NONE = "none"
    """No crime: the slander alleges something else."""
    CRIME = "crime"
    CORRUPTION_CRIME = "corruption_crime"
    GRAVE_CRIME = "grave_crime"
    ESPECIALLY_GRAVE_CRIME = "especially_grave_crime"


class Discord(enum.StrEnum):
    """The kind of discord (рознь) an incitement aims at."""

    SOCIAL = "social"
    NATIONAL = "national"
    CLAN = "clan"
    RACIAL = "racial"
    CLASS = "class"  # сословная
    RELIGIOUS = "religious"


class Circumstance(enum.StrEnum):
    """Qualifying circumstances named by the statutes."""

    EMERGENCY = "emergency"  # чрезвычайное положение
    MARTIAL_LAW = "martial_law"  # военное положение / военное время
    ARMED_CONFLICT = "armed_conflict"  # боевая обстановка
    MASS_RIOTS = "mass_riots"
    PUBLIC_EVENT = "public_event"  # массовые мероприятия
    GROUP = "group"  # группой лиц / по предварительному сговору
    CRIMINAL_GROUP = "criminal_group"  # преступной группой
    REPEATED = "repeated"  # неоднократно / повторно
    NOT_REPEATED = "not_repeated"  # neither «повторно» (AOC) nor «неоднократно» (CC 2014 Art. 12; CC 1997 Art. 11)
    OFFICIAL_POSITION = "official_position"  # с использованием служебного положения
    PUBLIC_ASSOCIATION_LEADER = "public_association_leader"  # лидером общественного объединения
    VIOLENCE = "violence"  # с применением насилия или угрозой его применения
    PROPERTY_DAMAGE = "property_damage"  # с повреждением или уничтожением имущества (CC 2014 Art. 158(2))
    FOREIGN_FUNDING = "foreign_funding"  # средства из иностранных источников
    SUBSTANTIAL_HARM = "substantial_harm"  # существенный вред
    MAJOR_DAMAGE = "major_damage"  # крупный ущерб
    GRAVE_CONSEQUENCES = "grave_consequences"  # тяжкие последствия
    FOREIGN_PUBLICATION = "foreign_publication"
    INFLUENCER = "influencer"  # совершено инфлюенсером (блогером) (AOC 456-2(5))
    CAUSED_SUICIDE_ATTEMPT = "caused_suicide_attempt"  # повлекшее покушение на самоубийство (CC 2014 Art. 313-1(2))
    CAUSED_SUICIDE = "caused_suicide"  # повлекшее самоубийство лица (CC 2014 Art. 313-1(3))


class Link(enum.StrEnum):
    """Whether the act was connected with the target's office, as the special articles require.

    The statutes' words: "при исполнении им депутатских (служебных) обязанностей или в связи с их
    исполнением" (CC 2014 Arts. 376, 378; CC 1997 Arts. 319, 320); "в связи с рассмотрением дел или
    материалов в суде", "в связи с осуществлением досудебного (производством предварительного)
    расследования, проведением судебной экспертизы либо исполнением приговора, решения суда или
    иного судебного акта" (CC 2014 Art. 411; CC 1997 Art. 343). An incident that does not state it
    leaves the choice between the special and the general article open (see :data:`DECIDING`).
    """

    DUTIES = "duties"  # at or in connection with the performance of the target's duties
    NONE = "none"  # stated: no such connection (private matters)


OPEN_ELEMENTS: dict[str, str] = {
    "knowledge": N_("that the author knew the information to be false («заведомо»), which the facts state only "
                    "together with the danger of CC 2014 Art. 274 (knowing_and_dangerous)"),
    "prior_agreement": N_("that the group acted by prior agreement («группой лиц по предварительному сговору»), which "
                          "the circumstance group, a group of persons with or without it, does not say"),
    "group_of_persons": N_("that the criminal group's act was committed by a group of persons («группой лиц»), which "
                           "the part names without the criminal group: the Criminal Codes tell the forms apart (CC "
                           "1997 Art. 31: «группой лиц, если в его совершении совместно участвовали два или более "
                           "исполнителей без предварительного сговора», and the organized group «устойчивой группой "
                           "лиц, заранее объединившихся»), and the circumstance criminal_group alone does not say"),
    "group_by_agreement": N_("that the criminal group's act was committed by a group of persons by prior agreement "
                             "(«группой лиц по предварительному сговору»), which the part names without the criminal "
                             "group: the Criminal Code tells the forms apart (CC 2014 Art. 31(2): «группой лиц по "
                             "предварительному сговору, если в нем участвовали лица, заранее договорившиеся о "
                             "совместном совершении уголовного правонарушения»; (3): the criminal group, "
                             "«организованной группой, преступной организацией, преступным сообществом, ...»), and "
                             "the circumstance "
                             "criminal_group alone does not say"),
    "mass_media": N_("that the post in a telecommunication network was made with the use of the mass media («с "
                     "использованием средств массовой информации»): the 1997 Code names no telecommunication "
                     "networks, whether an internet resource was a mass medium turns on the Law on the Mass Media "
                     "of 1999 as in force at the time, and the channel alone does not say"),
    "speech_work_or_media": N_("that the post in a telecommunication network was contained in a public speech, a "
                               "publicly shown work or the mass media («содержащаяся в публичном выступлении, либо в "
                               "публично демонстрирующемся произведении, либо в средствах массовой информации»): the "
                               "1997 Code names no telecommunication networks there, whether an internet resource "
                               "was a mass medium turns on the Law on the Mass Media of 1999 as in force at the "
                               "time, and the channel alone does not say"),
    "holder_resource": N_("that the post in a telecommunication network was placed on the information holder's "
                          "internet resource, on the open data portal or by another means the legislation "
                          "provides («на интернет-ресурсе обладателя информации, на интернет-портале открытых "
                          "данных или иными способами, предусмотренными законодательством Республики Казахстан»): "
                          "a post on an account of one's own, such as an official's personal social-media page, "
                          "may be none of them, and the channel alone does not say"),
    "class_propaganda": N_("that the act, as to class, was propaganda of the exclusivity, superiority or inferiority "
                           "of citizens by their class belonging («пропаганда исключительности, превосходства либо "
                           "неполноценности граждан по признаку их ... сословной ... принадлежности»), or arousing "
                           "social enmity: the 1997 Code does not name class discord among the kinds of enmity whose "
                           "arousing it punishes, and the discord kind class alone does not say"),
    "media_product": N_("that the post in a telecommunication network was a mass-media product («продукции средств "
                        "массовой информации», from Law 19.06.2024 No. 95-VIII «продукции масс-медиа»): the Law on "
                        "the Mass Media of 1999 counts internet resources among the mass media and information "
                        "placed on an internet resource among their products, and the channel alone does not say"),
    "publication": N_("that the materials whose publication was permitted were published, so that a mass-media product "
                      "containing them was disseminated («Распространение ... продукции средств массовой информации, "
                      "содержащей сведения и материалы, направленные на пропаганду или агитацию ...»): the permission "
                      "alone does not say"),
    "propaganda": N_("that the act not made public was propaganda (or, where the part names them, the making, keeping "
                     "for dissemination or dissemination of materials of that content), which the part punishes "
                     "beside public calls («Пропаганда или публичные призывы ...»): a call itself must be public, "
                     "and a channel not public, or not stated, does not say which the act was"),
    "harm_conditions": N_("that the false information created conditions for a breach of public order, of the rights "
                          "and lawful interests of citizens or organisations, or of the interests of society or the "
                          "state («создающей условия нарушения ...»)"),
}
"""Elements a part may have that the facts cannot state (a version's ``open_elements``), and what each is."""


class Falsity(enum.StrEnum):
    """What makes false information a crime rather than an administrative offence.

    CC 2014 Art. 274 and CC 1997 Art. 242-1: "Распространение заведомо ложной информации, создающей
    опасность нарушения общественного порядка или причинения существенного вреда правам и законным
    интересам граждан или организаций либо охраняемым законом интересам общества или государства";
    AOC 2014 Art. 456-2(3): false information "создающей условия нарушения ..., если эти действия не
    содержат признаков уголовно наказуемого деяния" (no knowledge of the falsity required).
    """

    KNOWING_DANGEROUS = "knowing_dangerous"  # заведомо ложная и создающая опасность (CC Art. 274)
    OTHER = "other"  # stated: not known to be false, or creating no such danger


class Offender(enum.StrEnum):
    """Who committed the act, and who a sanction is for where the code sets different amounts (AOC
    2014 Art. 44(2)): an incident's ``offender`` selects the per-subject sanctions of that subject
    (:attr:`kzspeechlaw.Sanction.subject`; ``kzspeechlaw.Subject`` is this enum under that name)."""

    NATURAL_PERSON = "natural_person"  # физическое лицо
    OFFICIAL = "official"  # должностное лицо
    LEGAL_ENTITY = "legal_entity"  # юридическое лицо; of unstated kind: every entity rate of the article applies
    SMALL_BUSINESS = "small_business"  # субъект малого предпринимательства
    MEDIUM_BUSINESS = "medium_business"  # субъект среднего предпринимательства
    LARGE_BUSINESS = "large_business"  # субъект крупного предпринимательства
    NON_PROFIT_ORGANISATION = "non_profit_organisation"  # некоммерческая организация


ENTITIES = frozenset(
    {
        Offender.LEGAL_ENTITY,
        Offender.SMALL_BUSINESS,
        Offender.MEDIUM_BUSINESS,
        Offender.LARGE_BUSINESS,
        Offender.NON_PROFIT_ORGANISATION,
    }
)
"""Offenders (and sanction subjects) that are legal entities (an element ``offender:legal_entity``
holds for each)."""

ENTREPRENEURS = frozenset({Offender.SMALL_BUSINESS, Offender.MEDIUM_BUSINESS, Offender.LARGE_BUSINESS})
"""Offenders that may be individual entrepreneurs, natural persons, as well as legal entities
(Entrepreneurial Code Art. 24(4)-(6): «Субъектами ... предпринимательства являются индивидуальные
предприниматели и юридические лица»): taken as legal entities, with the difference named where it
decides."""


FIELDS: dict[str, type[enum.StrEnum]] = {
    "conduct": Conduct,
    "channel": Channel,
    "target": Target,
    "allegation": Allegation,
    "discord": Discord,
    "circumstance": Circumstance,
    "link": Link,
    "falsity": Falsity,
    "offender": Offender,
}
"""Element fields and the enum of values each takes."""


DECIDING: dict[str, str] = {
    "link": N_("the act was connected with the target's duties (при исполнении обязанностей или в связи с их "
               "исполнением; в связи с рассмотрением дел, досудебным расследованием, экспертизой или исполнением "
               "судебного акта)"),
    "falsity": N_("the offender knew the information to be false and it created a danger of a breach of public "
                  "order or of substantial harm (заведомо ложная информация, создающая опасность ...: CC 2014 "
                  "Art. 274)"),
}
"""Element fields an incident may leave unstated, with what each asks. A part whose only unmet
clauses are in such fields is a candidate that the facts do not decide (``Match.undecided_by``),
never a silent match or a silent miss."""


def check_fact(fact: str) -> str | None:
    """Return why ``fact`` is not a known ``field:value`` element, or ``None`` when it is."""
    field, sep, value = fact.partition(":")
    if not sep or field not in FIELDS:
        return f"element {fact!r} must be 'field:value' with field one of {sorted(FIELDS)}"
    allowed = FIELDS[field]
    if value not in allowed._value2member_map_:
        return f"element {fact!r}: {value!r} is not one of {sorted(m.value for m in allowed)}"
    return None
