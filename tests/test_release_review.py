"""Review of the release routes: a route is open only where the law gives it and every condition
the statute sets is stated; a condition no incident field states leaves it depending.

Expected values come from the statute texts quoted in each docstring (shared/law/statutes/),
never from the library's output.
"""

from __future__ import annotations

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess


def _routes(a: kz.Assessment) -> dict[str, kz.reasoning.sentencing.Release]:
    return {r.route: r for r in a.releases}


# --- CC 2014 Art. 68(2): a first grave crime -------------------------------------------------------

def _grave_false_information(**facts: object) -> kz.Assessment:
    # before Law 292-VI, so Art. 68(4)(8) (an earlier release on reconciliation) is not yet a bar
    return assess(Incident(act_date="2019-03-10", conduct="false_information", channel="mass_media",
                           knowing_and_dangerous=True, circumstances={"emergency"}, **facts), "2019-06-01")


def test_art_68_2_needs_a_first_grave_crime_which_no_field_states() -> None:
    """CC 2014 Art. 274(4) (12.07.2018 text): «Деяния, предусмотренные частями первой, второй или
    третьей ..., совершенные: ... 2) в условиях чрезвычайного положения ... – наказываются
    ограничением свободы на срок от трех до семи лет либо лишением свободы на тот же срок»: seven
    years is over five («не превышает пяти лет», Art. 11(3)) and within twelve («не превышает
    двенадцати лет», Art. 11(4)): a grave crime. Art. 68(2) (09.04.2016 and 12.07.2018 texts):
    «Несовершеннолетние, беременные женщины, ..., впервые совершившие тяжкое преступление, ... могут
    быть освобождены от уголовной ответственности, если они примирились с потерпевшим ... и
    загладили причиненный вред». A pregnant woman who reconciled and made good the harm: the route
    still turns on whether the grave crime is her first, which the incident does not say."""
    a = _grave_false_information(pregnant=True, reconciled=True, harm_compensated=True)
    assert a.governing is not None and a.governing.category.value == "grave"
    route = _routes(a)["reconciliation_grave"]
    assert route.status == "depends"
    assert any("first grave crime" in why for why in route.reasons)
    # not reconciled: «если они примирились» fails, closed for certain
    assert _routes(_grave_false_information(pregnant=True, reconciled=False))["reconciliation_grave"].status == "closed"


def test_art_68_2_is_never_open() -> None:
    """Art. 68(2) as above, in the 27.12.2019 and 16.09.2025 texts too («впервые совершившие тяжкое
    преступление» in each): whatever the facts state, the first grave crime is not among them."""
    for act, decided in (("2019-03-10", "2019-06-01"), ("2021-03-10", "2021-06-01"), ("2025-10-01", "2026-01-15")):
        for person in ({"pregnant": True}, {"young_children": True}):
            a = assess(Incident(act_date=act, conduct="false_information", channel="mass_media",
                                knowing_and_dangerous=True, circumstances={"emergency"}, reconciled=True,
                                harm_compensated=True, **person), decided)
            assert _routes(a)["reconciliation_grave"].status == "depends", (act, person)


def test_art_68_2_names_a_woman_raising_a_young_child_from_law_210_viii() -> None:
    """Art. 68(2) from Law 210-VIII (16.09.2025 text): «Несовершеннолетние, беременные женщины, женщины,
    имеющие или воспитывающие малолетнего ребенка, мужчины, воспитывающие в одиночку малолетнего
    ребенка, ...»; before it (09.04.2016 text): «женщины, имеющие малолетних детей»."""
    def condition(act: str, decided: str) -> str:
        a = assess(Incident(act_date=act, conduct="false_information", channel="mass_media",
                            knowing_and_dangerous=True, circumstances={"emergency"}), decided)
        return str(_routes(a)["reconciliation_grave"].conditions[0])

    assert "a woman having or raising a young child" in condition("2025-10-01", "2026-01-15")
    assert "a woman with young children" in condition("2019-03-10", "2019-06-01")


# --- AOC 2014 Art. 64(1-1): a first offence --------------------------------------------------------

def _slander(decided: str = "2021-04-20", **facts: object) -> kz.Assessment:
    return assess(Incident(act_date="2021-03-01", conduct="slander", channel="telecom_network", allegation="none",
                           proceedings_date="2021-03-10", **facts), decided)


def test_aoc_64_1_1_needs_a_first_offence_which_no_field_states() -> None:
    """AOC 2014 Art. 64(1-1) (06.02.2023 text, with Law 349-VI): «Лица, впервые совершившие
    административные правонарушения, предусмотренные статьями 73, 73-1, 73-2 и 73-3 настоящего
    Кодекса, могут быть освобождены судом от административной ответственности, если они
    примирились с потерпевшими, заявителями ... и загладили причиненный вред». Reconciled and harm
    made good, the release still needs a first offence: not stated, so the route depends. Part 1
    («подлежат прекращению за примирением его с лицом, совершившим административное
    правонарушение») is mandatory and needs no first offence: open."""
    routes = _routes(_slander(reconciled=True, harm_compensated=True))
    assert routes["court_reconciliation"].status == "depends"
    assert any("first offence" in why for why in routes["court_reconciliation"].reasons)
    assert routes["reconciliation"].status == "open"
    assert _routes(_slander(reconciled=True, harm_compensated=False))["court_reconciliation"].status == "closed"


# --- CPC 2014 Art. 32(4): the prosecutor may start a private case without a complaint --------------

def test_no_complaint_is_not_certain_for_a_private_prosecution() -> None:
    """CPC 2014 Art. 32(2) (26.06.2020 text): insult (Art. 131) «считаются делами частного
    обвинения. Производство по этим делам начинается не иначе как по жалобе потерпевшего»; but
    Art. 32(4): «Прокурор начинает либо продолжает производство по делу частного и
    частно-публичного обвинения и при отсутствии жалобы потерпевшего, если деяние затрагивает
    интересы лица, находящегося в беспомощном или зависимом состоянии либо по другим причинам не
    способного самостоятельно воспользоваться принадлежащими ему правами». No complaint made: no
    case unless the victim is such a person, which the incident does not say."""
    inc = dict(act_date="2021-03-01", conduct="insult", channel="private")
    route = _routes(assess(Incident(**inc, complaint=False), "2021-06-01"))["no_complaint"]
    assert route.status == "depends" and route.article.startswith("CPC2014 32(2)")
    assert any("32(4)" in why for why in route.reasons)
    assert _routes(assess(Incident(**inc, complaint=True), "2021-06-01"))["no_complaint"].status == "closed"


def test_no_complaint_closes_an_administrative_case_for_certain() -> None:
    """AOC 2014 Art. 64(1) (06.02.2023 text): cases under Art. 73-3 «возбуждаются не иначе как по
    заявлению потерпевшего»; the article (read to its 12.07.2026 text) has no exception like
    CPC Art. 32(4): no complaint, no case."""
    route = _routes(_slander(complaint=False))["no_complaint"]
    assert route.status == "open" and route.article.startswith("AOC2014 64(1)")


# --- AOC 2014 Art. 64-1: a trivial offence --------------------------------------------------------

def test_a_trivial_offence_release_depends_on_the_offence_being_trivial() -> None:
    """AOC 2014 Art. 64-1 (12.07.2026 text): «При малозначительности совершенного административного
    правонарушения судья, орган (должностное лицо) ... может освободить лицо ... от
    административной ответственности, ограничившись устным замечанием»; its note: «учитываются
    конкретные обстоятельства совершения административного правонарушения, в том числе личность
    правонарушителя, а также объект посягательства, а при наличии вреда – его размер». Triviality
    is a condition of the release no incident field states: not open for certain."""
    route = _routes(_slander())["trivial_offence"]
    assert route.status == "depends" and route.article.startswith("AOC2014 64-1")


def test_the_trivial_offence_release_reaches_an_earlier_act() -> None:
    """Art. 64-1 was inserted by Law 28.12.2017 No. 127-VI («вводится в действие по истечении
    десяти календарных дней после дня его первого официального опубликования»: not before
    08.01.2018). AOC Art. 5(1) (28.12.2017 text): «Закон, ... либо иным образом улучшающий
    положение лица, совершившего административное правонарушение, имеет обратную силу, то есть
    распространяется на правонарушение, совершенное до введения этого закона в действие». An act
    of 20.12.2017 decided on 30.12.2017 has no such release (the Law cannot be in force yet);
    decided on 01.02.2018 (within the two months of Art. 62(1), to 20.02.2018) it has, depending on
    triviality as above. Whether 127-VI was in force on 01.02.2018 rests on the earliest possible
    day the data takes (its publication date was not read); the route is never certain either way."""
    inc = Incident(act_date="2017-12-20", conduct="petty_hooliganism", channel="public_speech")
    assert "trivial_offence" not in _routes(assess(inc, "2017-12-30"))
    later = assess(inc, "2018-02-01")
    assert later.governing is not None and str(later.governing.ref).startswith("AOC2014 434")
    assert _routes(later)["trivial_offence"].status == "depends"


def test_the_year_bar_of_aoc_64_1_1_is_a_condition_only_from_its_wording() -> None:
    """Art. 64(1-1) in the 06.02.2023 text (as in the 07.07.2020 and 03.03.2023 texts the data
    quotes) ends with «... и загладили причиненный вред.» and has no second paragraph; the
    12.07.2026 (and 16.06.2024) text adds «Положения настоящей части не распространяются на лиц,
    освобожденных в течение года от административной ответственности в связи с примирением сторон
    по статье 73 настоящего Кодекса.» An act of 2021 is not subject to that bar; one of 2025 is."""
    year = "no release under AOC Art. 73 on reconciliation within the year"
    assert year not in _routes(_slander())["court_reconciliation"].conditions
    later = assess(Incident(act_date="2025-06-15", conduct="slander", channel="telecom_network", allegation="none",
                            proceedings_date="2025-06-20"), "2025-07-20")
    assert year in _routes(later)["court_reconciliation"].conditions


# --- CC 2014 Art. 81(7): no imprisonment for a minor's small or medium crime -----------------------

def test_a_minors_medium_crime_has_no_conditional_sentence_for_certain() -> None:
    """CC 2014 Art. 81(7) (09.04.2016, 07.07.2020 and 16.09.2025 texts): «Несовершеннолетним,
    совершившим преступление небольшой тяжести или преступление средней тяжести, не связанное с
    причинением смерти, лишение свободы не назначается». Art. 63(1): «Если, назначив наказание в
    виде лишения свободы, суд придет к выводу ..., он постановляет считать назначенное наказание
    условным». Slander with an accusation of a grave crime, Art. 130(3): «наказываются ...
    ограничением свободы на срок до трех лет, либо лишением свободы на тот же срок»: three years is
    within five («не превышает пяти лет», Art. 11(3)), a crime of
    medium gravity. For a minor it gives no imprisonment, so no conditional sentence unless joined
    with other crimes or an earlier sentence (Art. 63(3): «при повторном совершении преступления
    небольшой или средней тяжести в период пробационного контроля»), which the incident does not
    state: never open. An adult's stays open (Art. 63(6) bars none of it)."""
    inc = dict(act_date="2019-03-10", conduct="slander", channel="mass_media", allegation="grave_crime")
    minor = assess(Incident(**inc, mitigating={"minor"}), "2019-06-01")
    assert minor.governing is not None and minor.governing.category.value == "medium_gravity"
    route = _routes(minor)["conditional_sentence"]
    assert route.status == "depends" and any("81(7)" in why for why in route.reasons)
    assert _routes(assess(Incident(**inc, mitigating=False), "2019-06-01"))["conditional_sentence"].status == "open"


# --- CC 2014 Art. 83: release of a minor -----------------------------------------------------------

def test_a_minor_may_be_released_under_art_83_on_a_finding_no_field_states() -> None:
    """CC 2014 Art. 83(1) (09.04.2016, 07.07.2020 and 16.09.2025 texts): «Несовершеннолетний,
    совершивший уголовный проступок или преступление небольшой тяжести либо впервые совершивший
    преступление средней тяжести, может быть освобожден судом от уголовной ответственности, если
    установлено, что его исправление возможно без привлечения к уголовной ответственности»; (2) from
    punishment one «впервые осужденный» for such an offence. Slander 130(3), up to three years: a
    medium crime (Art. 11(3)); the court's finding is not stated, so the route depends. A grave
    crime (274(4), up to seven years, Art. 11(4)) is not in parts 1-2: closed there, and part 3
    sends a first grave crime to Art. 68(2), whose persons begin «Несовершеннолетние»."""
    medium = assess(Incident(act_date="2019-03-10", conduct="slander", channel="mass_media", allegation="grave_crime",
                             mitigating={"minor"}), "2019-06-01")
    assert _routes(medium)["minor_release"].status == "depends"
    adult = assess(Incident(act_date="2019-03-10", conduct="slander", channel="mass_media", allegation="grave_crime"),
                   "2019-06-01")
    assert "minor_release" not in _routes(adult)
    grave = _grave_false_information(mitigating={"minor"}, reconciled=True, harm_compensated=True)
    routes = _routes(grave)
    assert routes["minor_release"].status == "closed"
    # the minor is one of the persons of Art. 68(2): only the first grave crime is left unstated
    assert routes["reconciliation_grave"].status == "depends"
    assert any("first grave crime only" in why for why in routes["reconciliation_grave"].reasons)


def test_the_release_on_a_change_of_situation_is_named_as_not_modelled() -> None:
    # CC 2014 Art. 70 (unchanged since 2014, 16.09.2025 text): «Лицо, совершившее уголовное правонарушение,
    # подлежит освобождению судом от уголовной ответственности, если будет признано, что ко времени
    # рассмотрения дела в суде вследствие изменения обстановки совершенное им деяние перестало быть общественно
    # опасным» — a mandatory release on the court's finding, which no incident field states: the routes must
    # name it rather than leave the list looking complete.
    a = kz.assess(kz.Incident(act_date="2019-03-01", conduct="insult", channel="mass_media"), decided_on="2019-06-01")
    found = [r for r in a.releases if r.route == "change_of_situation"]
    assert len(found) == 1 and found[0].status == "not_modelled" and found[0].article == "CC2014 70"
