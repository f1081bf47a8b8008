"""Invariants of the law that an answer must keep whatever the facts, each found broken by the sweep
``tests/sweep_invariants.py`` and fixed at the root. Expected values come from the statute texts in
``/work/shared/law/statutes/``."""

from __future__ import annotations

import warnings

import pytest

import kzspeechlaw as kz
from kzspeechlaw.errors import StaleDataWarning

pytestmark = pytest.mark.filterwarnings("ignore::kzspeechlaw.errors.StaleDataWarning")


def governing(a: kz.Assessment) -> str:
    """The governing part's reference, where one governs."""
    assert a.governing is not None
    return str(a.governing.ref)


def test_an_unpunished_attempt_names_the_reading_that_would_punish_it() -> None:
    """A private slander of the President accusing him of an especially grave crime, attempted in 2017.

    CC 2014 Art. 375(1) (statutes/cc2014/375.md): «Публичное оскорбление или иное посягательство на
    честь и достоинство Президента Республики Казахстан» (small gravity, imprisonment up to one year);
    the data reads «Публичное» as qualifying the insult alone, so that a private slander falls under it.
    An attempt at a crime of small gravity is not punished (Art. 24(4): «Уголовная ответственность
    наступает за покушение на преступление средней тяжести, тяжкое или особо тяжкое преступление»).
    On the other reading («Публичное» governs «посягательство» too) the act is a slander under Art.
    130(3) (statutes/cc2014/130.md, «соединенные с обвинением лица в совершении ... особо тяжкого
    преступления», «лишением свободы на срок до трех лет»: medium gravity, Art. 11(3)), an attempt at
    which is punished. The outcome turns on the reading: ``depends_on`` must name ``publicly``, as it
    does for the completed act.
    """
    attempt = kz.Incident(act_date="2017-08-16", conduct="slander", channel="private", target="president",
                          allegation="especially_grave_crime", stage="attempt")
    a = kz.assess(attempt, decided_on="2018-03-04")
    assert a.outcome == "no_provision"
    other = kz.assess(attempt.varied(target="person"), decided_on="2018-03-04")
    assert governing(other) == "CC2014 130(3)" and other.outcome == "liable"
    assert "publicly" in a.depends_on
    assert "publicly" in kz.assess(attempt.varied(stage=None), decided_on="2018-03-04").depends_on


def test_an_unpunished_attempt_names_the_reading_where_the_outcomes_differ() -> None:
    """The same attempt decided in 2022: Art. 130 was deleted by Law 26.06.2020 No. 349-VI («Статья 130
    исключена»), so on the other reading the act is decriminalised, on the data's it is an attempt at a
    crime of small gravity, which carries no liability (Art. 24(4)). The outcomes differ in kind, and a
    count tells them apart: the reading is named."""
    attempt = kz.Incident(act_date="2017-08-16", conduct="slander", channel="private", target="president",
                          allegation="especially_grave_crime", stage="attempt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StaleDataWarning)
        a = kz.assess(attempt, decided_on="2022-01-10")
    other = kz.assess(attempt.varied(target="person"), decided_on="2022-01-10")
    assert a.outcome == "no_provision" and other.outcome == "decriminalised"
    assert "publicly" in a.depends_on


def test_an_unpunished_preparation_names_the_unstated_alternative_that_punishes_it() -> None:
    """Propaganda of aggressive war in a publicly shown work, prepared in 2020 (statutes/cc2014/161.md,
    12.07.2018 text). Art. 161(1) «Пропаганда или публичные призывы к развязыванию агрессивной войны –
    наказывается лишением свободы на срок до пяти лет» is of medium gravity (Art. 11(3)), and «Уголовная
    ответственность наступает за приготовление к тяжкому или особо тяжкому преступлению» (Art. 24(2)):
    no liability. But Art. 161(2) reaches the same act «должностным лицом, занимающим ответственную
    государственную должность» with «лишением свободы на срок от трех до семи лет» (grave, Art. 11(4)),
    whose preparation is punished; no incident field states that post. The note already says
    "(depends_on: responsible_post)": ``depends_on`` must say it too, as it does for the completed act."""
    prepared = kz.Incident(act_date="2020-02-07", conduct="call_to_aggressive_war", channel="public_work",
                           stage="preparation")
    a = kz.assess(prepared, decided_on="2021-03-13")
    assert a.outcome == "no_provision"
    assert any("depends_on: responsible_post" in n for n in a.notes)
    assert "responsible_post" in a.depends_on
    assert "responsible_post" in kz.assess(prepared.varied(stage=None), decided_on="2021-03-13").depends_on


def test_an_unpunished_preparation_names_the_place_that_makes_it_grave() -> None:
    """Drug propaganda prepared in April 2022 (statutes/cc2014/299-1.md, 27.12.2019 text): Art. 299-1(1)
    «наказывается лишением свободы на срок до трех лет» (medium gravity) against Art. 299-1(2), «3) в
    организациях образования, а также на объектах массового скопления людей» – «лишением свободы на срок
    от трех до шести лет» (grave, Art. 11(4)), whose preparation Art. 24(2) punishes. No field states the
    place: ``depends_on`` names ``education_or_crowd``."""
    prepared = kz.Incident(act_date="2022-04-01", conduct="drug_propaganda", channel="public_speech",
                           stage="preparation")
    a = kz.assess(prepared, decided_on="2022-06-01")
    assert a.outcome == "no_provision"
    assert "education_or_crowd" in a.depends_on


def test_an_attempt_the_code_punishes_anyway_is_unchanged() -> None:
    """An attempt at Art. 161(1) (medium gravity) is punished (Art. 24(4)): the answer is liable under it,
    and the responsible post is named as before."""
    attempt = kz.Incident(act_date="2020-02-07", conduct="call_to_aggressive_war", channel="public_work",
                          stage="attempt")
    a = kz.assess(attempt, decided_on="2021-03-13")
    assert a.outcome == "liable" and governing(a) == "CC2014 161(1)"
    assert a.depends_on == ("responsible_post",)


def test_no_sentence_is_not_certain_where_an_open_fact_gives_a_governing_part() -> None:
    """A slander of a judge in a network accusing a grave crime, November 2019, decided January 2021, the
    link to the judge's work not stated. Art. 130 was deleted by Law 349-VI («Статья 130 исключена»), so on
    the stated facts the act is decriminalised; but in connection with the judge's work it is CC 2014 Art.
    411(3) (statutes/cc2014/411.md: «Клевета в отношении судьи ... в связи с рассмотрением дел», «соединенные
    с обвинением лица в совершении тяжкого ... преступления» – «лишением свободы на тот же срок», up to four
    years), in force throughout, under which a year's imprisonment is within the range. A check of that
    sentence on the facts stated must not be certain that no sentence is due: ``depends_on`` names the link."""
    slander = kz.Incident(act_date="2019-11-27", conduct="slander", channel="telecom_network", target="judge",
                          allegation="grave_crime")
    a = kz.assess(slander, decided_on="2021-01-10")
    assert a.outcome == "decriminalised" and a.depends_on == ("in_connection_with_duties",)
    linked = kz.assess(slander.varied(in_connection_with_duties=True), decided_on="2021-01-10")
    assert governing(linked) == "CC2014 411(3)"
    assert linked.check("imprisonment", 1 * kz.ureg.year).verdict == "within"
    check = a.check("imprisonment", 1 * kz.ureg.year)
    assert check.verdict == "kind_not_available"
    assert not check.certain and check.depends_on == ("in_connection_with_duties",)


def test_no_sentence_stays_certain_where_nothing_is_open() -> None:
    """The same slander stated to be unconnected with the judge's work (``in_connection_with_duties=False``):
    only Art. 130(3) reached it, deleted by Law 349-VI: no sentence, certainly."""
    slander = kz.Incident(act_date="2019-11-27", conduct="slander", channel="telecom_network", target="judge",
                          allegation="grave_crime", in_connection_with_duties=False)
    a = kz.assess(slander, decided_on="2021-01-10")
    assert a.outcome == "decriminalised" and a.depends_on == ()
    check = a.check("imprisonment", 1 * kz.ureg.year)
    assert (check.verdict, check.certain) == ("kind_not_available", True)


def test_a_fine_on_a_legal_entity_of_unstated_kind_is_weighed_against_each_kind() -> None:
    """Distribution of media products calling for separatism, by a legal entity of unstated kind, 2021.
    AOC 2014 Art. 453(2) (statutes/aoc2014/453.md, 06.02.2023 text): «влечет штраф ... на субъектов малого
    предпринимательства или некоммерческие организации – в размере пятидесяти, на субъектов среднего
    предпринимательства – в размере ста, на субъектов крупного предпринимательства – в размере двухсот
    месячных расчетных показателей». These are not alternatives a court chooses between: a fine of 100 MCI
    is the medium business's, above a small business's 50 and below a large one's 200. Which kind the
    entity is decides, and the facts do not say it: the check is not certain and names ``offender``. A fine
    above every rate is above the maximum whatever the kind, and the reasons give each kind's maximum (not
    the small business's 50 MCI alone)."""
    a = kz.assess(kz.Incident(act_date="2021-12-08", conduct="call_to_separatism", channel="mass_media",
                              offender="legal_entity"), decided_on="2021-12-08")
    assert governing(a) == "AOC2014 453(2)"
    middle = a.check("fine", 100 * kz.ureg.MCI)
    assert not middle.certain and "offender" in middle.depends_on
    top = a.check("fine", 200 * kz.ureg.MCI)
    assert not top.certain and "offender" in top.depends_on
    above = a.check("fine", 250 * kz.ureg.MCI)
    # above part 2's every rate; part 3 («совершенные повторно в течение года после наложения
    # административного взыскания») fines more, and the facts leave the repetition open
    assert above.verdict == "above_maximum" and "offender" not in above.depends_on
    assert not above.certain and "repeated" in above.depends_on
    assert "200 MCI" in above.reasons[0] and "50 MCI" in above.reasons[0]
    medium = kz.assess(kz.Incident(act_date="2021-12-08", conduct="call_to_separatism", channel="mass_media",
                                   offender="medium_business"), decided_on="2021-12-08")
    assert medium.check("fine", 100 * kz.ureg.MCI).verdict == "within"


def test_a_non_profit_organisation_the_part_names_no_rate_for_is_not_certainly_liable() -> None:
    """Distribution of a media outlet's products without registration, 2016. AOC 2014 Art. 451(1)
    (statutes/aoc2014/451.md): «влечет штраф на должностных лиц в размере десяти, на субъектов малого
    предпринимательства – в размере двадцати, на субъектов среднего предпринимательства – в размере
    пятидесяти, на субъектов крупного предпринимательства – в размере трехсот месячных расчетных
    показателей»: no rate for a non-profit organisation, and a legal entity is liable only «в случаях,
    предусмотренных Особенной частью» (Art. 33(1)). Whether and how a non-profit organisation is liable
    the library does not model (its own note said so), so the outcome is not ``liable`` with no sanction
    but ``outside_scope``; and for a legal entity of unstated kind, which may be a non-profit
    organisation, ``depends_on`` names ``offender``."""
    npo = kz.assess(kz.Incident(act_date="2016-09-28", conduct="media_law_violation", channel="mass_media",
                                offender="non_profit_organisation"), decided_on="2016-10-20")
    assert npo.outcome == "outside_scope" and npo.governing is None and npo.sanctions == ()
    assert not npo.check("fine", 20 * kz.ureg.MCI).certain
    entity = kz.assess(kz.Incident(act_date="2016-09-28", conduct="media_law_violation", channel="mass_media",
                                   offender="legal_entity"), decided_on="2016-10-20")
    assert entity.outcome == "liable" and governing(entity) == "AOC2014 451(1)"
    assert "offender" in entity.depends_on
    small = kz.assess(kz.Incident(act_date="2016-09-28", conduct="media_law_violation", channel="mass_media",
                                  offender="small_business"), decided_on="2016-10-20")
    assert small.outcome == "liable" and [s.minimum.magnitude for s in small.sanctions] == [20]


def test_a_legal_entity_of_unstated_kind_under_a_part_naming_every_kind_names_nothing() -> None:
    """AOC 2014 Art. 453(2) names every kind (small business or non-profit organisation, medium, large):
    the kind changes the rate shown, not the answer; ``depends_on`` names only the repetition the facts
    leave open (part 3: «совершенные повторно в течение года после наложения административного взыскания»)."""
    a = kz.assess(kz.Incident(act_date="2021-12-08", conduct="call_to_separatism", channel="mass_media",
                              offender="legal_entity"), decided_on="2021-12-08")
    assert a.depends_on == ("repeated",)
