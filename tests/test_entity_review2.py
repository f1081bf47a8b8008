"""Offenders and targets that are not an ordinary natural person, second pass: a reading the data
makes is shown with what the other reading gives, and where a statute's words may reach a legal
entity's act the answer is never a certain "no provision".

The expected values come from the statute texts quoted in each test (kazakhstan-law/codes, the
commits named; /work/shared/law/statutes), not from the library's output.
"""

from __future__ import annotations

import pytest

from kzspeechlaw import ureg
from kzspeechlaw.reasoning.assessment import assess
from kzspeechlaw.reasoning.incident import Incident
from kzspeechlaw.reasoning.results import Outcome

_PUBLIC = "«Публичное» may also be read as governing both nouns"


def _reading_notes(notes: tuple[str, ...] | list[str]) -> list[str]:
    return [str(n) for n in notes if _PUBLIC in str(n)]


# --- U1: «Публичное оскорбление или иное посягательство на честь и достоинство Президента» ------


@pytest.mark.parametrize(("target", "act", "special", "general"), [
    # CC 2014 Art. 375(1) (12.07.2018 text, shared/law/statutes/cc2014/375.md): «Публичное оскорбление или
    # иное посягательство на честь и достоинство Президента Республики Казахстан – наказывается ...».
    # The general slander: AOC 2014 Art. 73-3(1), inserted by Law 26.06.2020 No. 349-VI (in force
    # 2020-07-10): «Клевета, то есть распространение заведомо ложных сведений, порочащих честь и
    # достоинство другого лица или подрывающих его репутацию» (aoc2014/73-3.md).
    ("president", "2021-06-01", "CC2014 375(1)", "AOC2014 73-3(1)"),
    # Before Law 349-VI: CC 2014 Art. 130(1), the same words (cc2014/130.md).
    ("president", "2016-06-01", "CC2014 375(1)", "CC2014 130(1)"),
    # CC 1997 Art. 318(1) (cc1997/318.md): «Публичное оскорбление или иное посягательство на честь и
    # достоинство Президента Республики Казахстан»; CC 1997 Art. 129(1) (cc1997/129.md): «Клевета, то есть
    # распространение заведомо ложных сведений, порочащих честь и достоинство другого лица или подрывающих
    # его репутацию».
    ("president", "2012-06-01", "CC1997 318(1)", "CC1997 129(1)"),
    # CC 2014 Art. 373(1) (cc2014/373.md, until Law 12.07.2023 No. 23-VIII): «Публичное оскорбление или иное
    # посягательство на честь и достоинство Первого Президента Республики Казахстан – Елбасы ...».
    ("first_president", "2018-06-01", "CC2014 373(1)", "CC2014 130(1)"),
    # CC 1997 Art. 317-1(1): «Публичное оскорбление или иное посягательство на честь и достоинство Первого
    # Президента Республики Казахстан - Лидера Нации ...».
    ("first_president", "2012-06-01", "CC1997 317-1(1)", "CC1997 129(1)"),
])
def test_a_private_slander_of_the_president_shows_the_other_reading(target: str, act: str, special: str,
                                                                    general: str) -> None:
    """«Публичное» (neuter) may govern «оскорбление» alone, as the data reads it (so that «иное
    посягательство», a slander among them, need not be public), or both neuter nouns. The data's
    reading applies the special article to a private slander; the note must give the other reading's
    answer, the general slander of another person («другого лица»), naming its part."""
    a = assess(Incident(act_date=act, conduct="slander", target=target, channel="private"), act)
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and str(a.governing.ref) == special
    notes = _reading_notes(a.notes)
    assert len(notes) == 1
    assert special in notes[0] and f"gives {general} (liable" in notes[0]


def test_a_private_encroachment_on_the_presidents_honour_shows_no_provision_on_the_other_reading() -> None:
    """An «иное посягательство» that is neither a slander nor an insult has no general article: on the
    other reading of «Публичное», a private one falls outside CC 2014 Art. 375(1) and nothing else
    names it (CC 2014 Arts. 130, 131 and AOC 2014 Art. 73-3 name only «Клевета» and «Оскорбление»)."""
    a = assess(Incident(act_date="2021-06-01", conduct="encroachment_on_honour", target="president",
                        channel="private"), "2021-06-01")
    assert a.governing is not None and str(a.governing.ref) == "CC2014 375(1)"
    notes = _reading_notes(a.notes)
    assert len(notes) == 1 and notes[0].endswith("gives no_provision.")


@pytest.mark.parametrize(("conduct", "decided"), [("slander", "2024-06-01"), ("encroachment_on_honour", "2024-06-01")])
def test_the_reading_note_says_the_act_fell_under_the_part_not_that_it_is_applied(conduct: str, decided: str) -> None:
    """CC 2014 Art. 373(1) was deleted by Law 12.07.2023 No. 23-VIII (cc2014/373.md): an act of 2021
    decided in 2024 is no longer judged under it (a slander is then the general slander's, AOC 2014
    Art. 73-3(1); another encroachment no article's). The note on «Публичное» names the part the act
    fell under on the act date; it must not say that Art. 373(1) "is applied"."""
    a = assess(Incident(act_date="2021-06-01", conduct=conduct, target="first_president", channel="private"),
               decided)
    assert a.governing is None or str(a.governing.ref) != "CC2014 373(1)"
    notes = _reading_notes(a.notes)
    assert len(notes) == 1
    assert notes[0].startswith("On 2021-06-01 the act fell under CC2014 373(1) only on reading «Публичное»")
    assert "is applied" not in notes[0]


def test_the_other_reading_names_what_the_data_does_not_model() -> None:
    """Before 2015 the administrative code in force was AOC 2001 (AOC 2014 took effect on 2015-01-01),
    which the data does not model: on the other reading of «Публичное» the same act about another
    person is outside the modelled scope, and the note names what is missing, where it gave
    ``outside_scope`` alone."""
    a = assess(Incident(act_date="2012-06-01", conduct="encroachment_on_honour", target="first_president",
                        channel="private"), "2013-06-01")
    assert a.governing is not None and str(a.governing.ref) == "CC1997 317-1(1)"
    notes = _reading_notes(a.notes)
    assert len(notes) == 1 and "gives outside_scope (AOC2001" in notes[0] and "is not modelled" in notes[0]
    # The sentence check's reason on the other reading names it too. CC 1997 Art. 317-1(1): «наказываются
    # штрафом в размере от двухсот до семисот месячных расчетных показателей» (cc1997/317-1.md).
    check = a.check("fine", 300 * ureg.MCI)
    assert check.verdict == "within" and not check.certain and "publicly" in check.depends_on
    assert any("gives outside_scope (AOC2001" in str(r) and "is not modelled" in str(r) for r in check.reasons)


@pytest.mark.parametrize(("conduct", "channel"), [("slander", "mass_media"), ("slander", "public_speech"),
                                                  ("insult", "private"), ("insult", "mass_media")])
def test_no_reading_note_where_the_words_decide(conduct: str, channel: str) -> None:
    """A public slander is within Art. 375(1) on either reading; a private insult is outside it on
    either («Публичное оскорбление»): no reading is noted."""
    a = assess(Incident(act_date="2021-06-01", conduct=conduct, target="president", channel=channel),
               "2021-06-01")
    assert not _reading_notes(a.notes)


# --- U2: an encroachment other than a slander or an insult ----------------------------------------


def test_an_encroachment_on_a_deputys_honour_says_what_slander_and_insult_give() -> None:
    """CC 2014 Art. 376 is headed «Посягательство на честь и достоинство депутата», but part 1 punishes
    only «Публичное оскорбление депутата Парламента Республики Казахстан при исполнении им депутатских
    обязанностей или в связи с их исполнением» and part 2 «То же деяние, совершенное с использованием
    средств массовой информации или сетей телекоммуникаций» (12.07.2018 text, cc2014/376.md); a slander of
    a deputy is the general slander, AOC 2014 Art. 73-3(2) «То же деяние, совершенное публично или с
    использованием средств массовой информации или сетей телекоммуникаций» (aoc2014/73-3.md). No article
    names another encroachment: "no provision", with a note giving the answers for a slander and an
    insult."""
    a = assess(Incident(act_date="2021-06-01", conduct="encroachment_on_honour", target="deputy",
                        channel="mass_media", in_connection_with_duties=True), "2021-06-01")
    assert a.outcome is Outcome.NO_PROVISION
    notes = [str(n) for n in a.notes if "(conduct=slander)" in str(n)]
    assert len(notes) == 1
    assert "AOC2014 73-3(2)" in notes[0] and "CC2014 376(2)" in notes[0]


def test_an_encroachment_on_a_persons_honour_says_what_slander_and_insult_give() -> None:
    """CC 2014 Art. 131(1) (cc2014/131.md): «Оскорбление, то есть унижение чести и достоинства другого
    лица, выраженное в неприличной форме»; AOC 2014 Art. 73-3(1): «Клевета ...»."""
    a = assess(Incident(act_date="2021-06-01", conduct="encroachment_on_honour", channel="private"),
               "2021-06-01")
    assert a.outcome is Outcome.NO_PROVISION
    notes = [str(n) for n in a.notes if "(conduct=slander)" in str(n)]
    assert len(notes) == 1
    assert "AOC2014 73-3(1)" in notes[0] and "CC2014 131(1)" in notes[0]


# --- U3: a legal entity's drug advertising --------------------------------------------------------


@pytest.mark.parametrize("offender", ["legal_entity", "small_business", "large_business"])
@pytest.mark.parametrize("act", ["2021-06-01", "2023-06-01"])
def test_a_legal_entitys_drug_propaganda_names_aoc_455(offender: str, act: str) -> None:
    """AOC 2014 Art. 455(1) (05.11.2022 text, old layout rus/sec002-ch025.md at commit
    d421797fea6d8e049b672d6b10ae9e8109d1baba; 'в редакции Закона РК от 08.01.2019 № 215-VІ'):
    «Производство, распространение, размещение и использование рекламы товаров (работ, услуг),
    запрещенных к рекламе законами Республики Казахстан, – влекут штраф ... на субъектов малого
    предпринимательства или некоммерческие организации – в размере ста двадцати, на субъектов среднего
    предпринимательства – в размере ста семидесяти, на субъектов крупного предпринимательства – в размере
    четырехсот пятидесяти месячных расчетных показателей». The Law on narcotic drugs (10.07.1998
    No. 279-I), Art. 24(2), as restated by Law 27.12.2019 No. 292-VI (03-laws/1998/0710-...-1021/rus.md at
    commit 0f7fb467fd4bf71ce2daa925367e0708a53b3ca3): «Реклама наркотических средств и психотропных
    веществ, их аналогов, внесенных в Список ... (Таблица I), а также прекурсоров (Таблица IV) ...
    запрещена». CC 2014 Art. 299-1 does not reach a legal entity: outside the modelled scope, naming
    AOC 2014 Art. 455, not a certain "no provision"."""
    a = assess(Incident(act_date=act, conduct="drug_propaganda", channel="mass_media", offender=offender), act)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2014 455" in str(n) for n in a.notes)


def test_a_natural_persons_drug_propaganda_stays_a_crime() -> None:
    """CC 2014 Art. 299-1 («Пропаганда или незаконная реклама наркотических средств ...», inserted by Law
    292-VI): the entry for legal entities does not touch a natural person's act."""
    a = assess(Incident(act_date="2021-06-01", conduct="drug_propaganda", channel="mass_media"), "2021-06-01")
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and a.governing.ref.article == "299-1"


# --- U4: a legal entity's calls to violence or to mass riots --------------------------------------


@pytest.mark.parametrize("conduct", ["call_to_violence", "call_to_mass_riots"])
@pytest.mark.parametrize("channel", ["mass_media", "public_work", "telecom_network"])
@pytest.mark.parametrize("act", ["2016-06-01", "2021-06-01"])
def test_a_legal_entitys_call_to_violence_names_aoc_453(conduct: str, channel: str, act: str) -> None:
    """AOC 2014 Art. 453 (05.11.2022 text, same file and commit; no footnote under the article): part 1
    «Изготовление, хранение, ввоз, перевозка на территории Республики Казахстан продукции средств массовой
    информации, содержащей сведения и материалы, направленные на пропаганду или агитацию ... подрыва
    безопасности государства, ... культа жестокости, насилия и порнографии»; part 2 «Распространение ...
    продукции средств массовой информации, содержащей сведения и материалы, направленные на пропаганду или
    агитацию ... подрыва безопасности государства ...»; part 4 the same for «иной продукции, не относящейся к
    средствам массовой информации», dissemination included; each fines legal entities («на субъектов малого
    предпринимательства или некоммерческие организации – в размере пятидесяти ...»). A call may be such
    propaganda or agitation: outside the modelled scope, naming AOC 2014 Art. 453."""
    a = assess(Incident(act_date=act, conduct=conduct, channel=channel, offender="legal_entity"), act)
    assert a.outcome is Outcome.OUTSIDE_SCOPE
    assert any("AOC2014 453" in str(n) for n in a.notes)


def test_a_natural_persons_call_to_violence_stays_a_crime() -> None:
    """CC 2014 Art. 272(3) (cc2014/272.md): «... а равно призывы к насилию над гражданами» in the mass media: a crime;
    AOC 453(2) and (4) apply only «если эти действия не содержат признаков уголовно наказуемого деяния»."""
    a = assess(Incident(act_date="2021-06-01", conduct="call_to_violence", channel="mass_media"), "2021-06-01")
    assert a.outcome is Outcome.LIABLE
    assert a.governing is not None and str(a.governing.ref) == "CC2014 272(3)"


# --- U6: a deciding fact on which nothing turns ---------------------------------------------------


@pytest.mark.parametrize(("act", "channel"), [("2021-06-01", "public_speech"), ("2015-03-01", "mass_media")])
def test_knowing_and_dangerous_is_not_named_where_no_part_reaches_the_entity(act: str, channel: str) -> None:
    """CC 2014 Art. 274 («Распространение заведомо ложной информации, создающей опасность нарушения
    общественного порядка ...», cc2014/274.md) turns on knowledge and danger, but punishes natural persons
    only (CC 2014 Art. 15(1): «Уголовной ответственности подлежит вменяемое физическое лицо»); AOC 2014
    Art. 456-1(2) names «в средствах массовой информации, на интернет-ресурсе обладателя информации ...»
    and was inserted by Law 16.11.2015 No. 404-V only (aoc2014/456-1.md). For a legal entity's statement
    in a public speech, or in the mass media before that law, either value gives the same answer: the
    fact is not one the answer depends on."""
    a = assess(Incident(act_date=act, conduct="false_information", channel=channel, offender="legal_entity"), act)
    assert a.outcome is Outcome.NO_PROVISION
    assert "knowing_and_dangerous" not in a.depends_on
    assert not any("knowing_and_dangerous=true gives" in str(n) for n in a.notes)


def test_knowing_and_dangerous_stays_named_for_a_natural_person() -> None:
    """The same statement by a natural person: CC 2014 Art. 274(1) applies only to knowingly false
    information creating a danger, which the facts leave open."""
    a = assess(Incident(act_date="2021-06-01", conduct="false_information", channel="public_speech"),
               "2021-06-01")
    assert "knowing_and_dangerous" in a.depends_on
