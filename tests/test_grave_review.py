"""The grave and especially grave speech crimes: answers the statute texts read do not settle are not
given as certain.

CC 2014 Art. 256 «Пропаганда терроризма или публичные призывы к совершению акта терроризма»: part 1 reads
«наказываются лишением свободы на срок от трех до семи лет с конфискацией имущества» in the 24.11.2015 and
08.04.2016 texts (kazakhstan-law/codes, old layout rus/sec007-ch009.md, commits f8d87165… and 20aad375…) and
«от пяти до девяти лет с конфискацией имущества» in the 22.12.2016 text (commit 8a92edb8…), under a footnote
naming «Законом РК от 26.07.2016 № 12-VІ (вводится в действие по истечении двух месяцев после дня его
первого официального опубликования); от 22.12.2016 № 28-VІ (вводится в действие по истечении десяти
календарных дней после дня его первого официального опубликования)». No text between them was found: an
act after Law 12-VI could take effect (2016-09-27 at the earliest) and before Law 28-VI did may have fallen
under either sanction.

CC 1997 Art. 164(1) reads «либо лишением свободы на срок до пяти лет» on 05.08.2011 and «либо лишением
свободы на срок до семи лет» in the final 01.01.2015 text (footnote: «от 09.11.2011 № 490-IV … от
29.11.2011 № 502-IV»): which law raised it was not read, so an act between them may have fallen under seven
years.
"""

from __future__ import annotations

import io

import pytest

import kzspeechlaw as kz
from kzspeechlaw import Incident, assess, export

Y = kz.ureg.year

_SETTLED = {"mitigating": False, "aggravating": False, "procedure": "ordinary", "stage": "completed"}


def _terror(act: str, channel: str = "public_speech") -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="terrorism_propaganda", channel=channel, **_SETTLED),
                  "2017-06-01")


@pytest.mark.parametrize(("years", "verdict"), [(4, "within"), (8, "above_maximum")])
def test_a_terrorism_propaganda_sentence_between_laws_12_vi_and_28_vi_is_not_certain(years: int,
                                                                                      verdict: str) -> None:
    """Act of 2016-11-01: «от трех до семи лет» (08.04.2016) or «от пяти до девяти лет» (22.12.2016).
    Four years is within the first and below the second's minimum; eight above the first's maximum
    and within the second: neither verdict is certain."""
    check = _terror("2016-11-01").check("imprisonment", years * Y)
    assert check.verdict == verdict
    assert not check.certain
    assert "wording" in check.depends_on
    assert any("2017-01-02" in str(r) and "28-VI" in str(r) for r in check.reasons)


def test_a_sentence_within_both_wordings_stays_certain() -> None:
    """Six years lies within «от трех до семи» and «от пяти до девяти» alike."""
    check = _terror("2016-11-01").check("imprisonment", 6 * Y)
    assert check.verdict == "within" and check.certain


def test_an_act_before_law_12_vi_could_take_effect_is_certain() -> None:
    """2016-08-01 is before the earliest day Law 12-VI could take effect («по истечении двух месяцев после
    дня его первого официального опубликования», adopted 26.07.2016): the 08.04.2016 text governs."""
    a = _terror("2016-08-01")
    assert "wording" not in a.depends_on
    check = a.check("imprisonment", 4 * Y)
    assert check.verdict == "within" and check.certain


def test_the_assessment_names_the_open_wording_of_art_256() -> None:
    """Part 2 «от пяти до десяти лет» (08.04.2016) against «от семи до двенадцати лет» (22.12.2016)."""
    a = _terror("2016-11-01", channel="telecom_network")
    assert str(a.governing.ref) == "CC2014 256(2)"
    assert "wording" in a.depends_on
    assert any("TEXT NOT READ" in n for n in a.notes)


def test_the_1997_incitement_sentence_between_laws_490_iv_and_502_iv_is_not_certain() -> None:
    """Act of 2011-11-25: «до пяти лет» (05.08.2011) or «до семи лет» (01.01.2015 text); six years."""
    a = assess(Incident(act_date="2011-11-25", conduct="incitement_of_discord", discord={"national"},
                        channel="public_speech"), "2012-06-01")
    assert "wording" in a.depends_on
    check = a.check("imprisonment", 6 * Y)
    assert check.verdict == "above_maximum"
    assert not check.certain and "wording" in check.depends_on


def test_the_1997_incitement_read_before_law_490_iv_is_certain() -> None:
    """2011-11-10, before Law 490-IV could take effect: «до пяти лет» read on 05.08.2011 governs."""
    a = assess(Incident(act_date="2011-11-10", conduct="incitement_of_discord", discord={"national"},
                        channel="public_speech"), "2011-11-15")
    assert "wording" not in a.depends_on
    check = a.check("imprisonment", 6 * Y)
    assert check.verdict == "above_maximum" and "wording" not in check.depends_on


# CC 1997 Art. 69(6) on terrorist crimes. The 26.03.2007 text (rus/sec005.md, commit e2e334ce…): «6. К лицам,
# совершившим преступления против мира и безопасности человечества, сроки давности не применяются.»; the
# 08.04.2010 text (commit 45d68aea…, footnote Laws 210, 175-IV, 266-IV): «… а также террористические
# преступления, сроки давности не применяются.». Art. 233-1 (propaganda of terrorism) is a terrorist crime
# (Art. 233, note 2, 05.08.2011 text). When the words took effect was not read: an act of 2007-2011 may
# have fallen under them, and its period may never have run.


def _propaganda_1997(act: str, decided: str, **facts: object) -> kz.Assessment:
    return assess(Incident(act_date=act, conduct="terrorism_propaganda", **facts), decided)  # type: ignore[arg-type]


def test_an_expired_period_of_1997_terrorism_propaganda_may_not_have_run() -> None:
    """Art. 233-1(2) (05.08.2011 text: «лишением свободы на срок от трех до восьми лет», grave): fifteen
    years (Art. 69(1)(в)) ran out on 2024-10-01 for an act of 2009-10-01, unless Art. 69(6) already
    covered terrorist crimes then."""
    a = _propaganda_1997("2009-10-01", "2025-09-01", channel="mass_media", circumstances={"official_position"})
    assert a.outcome is kz.Outcome.TIME_BARRED_UNLESS_STOPPED
    assert a.limitation is not None and not a.limitation.certain
    assert "69(6)" in a.limitation.unless
    assert "in_force" in a.depends_on


def test_a_medium_1997_terrorism_propaganda_is_not_said_certainly_time_barred() -> None:
    """Art. 233-1(1) (05.08.2011 text: «лишением свободы на срок до пяти лет», medium): five years ran out
    on 2015-06-01 for an act of 2010-06-01, unless Art. 69(6) covered it; not a certain time bar."""
    a = _propaganda_1997("2010-06-01", "2016-06-01", channel="public_speech")
    assert a.outcome is not kz.Outcome.TIME_BARRED
    assert a.limitation is not None and a.limitation.expired and not a.limitation.certain
    assert "in_force" in a.depends_on


def test_an_act_before_the_last_text_without_the_words_keeps_a_certain_time_bar() -> None:
    """2006-06-01: the 26.03.2007 text still lacks «террористические преступления» in Art. 69(6)."""
    a = _propaganda_1997("2006-06-01", "2016-06-01", channel="public_speech")
    assert a.outcome is kz.Outcome.TIME_BARRED and a.limitation is not None and a.limitation.certain
    assert "in_force" not in a.depends_on


# «Пропаганда или публичные призывы к нарушению унитарности и целостности Республики Казахстан ...»
# (CC 2014 Art. 180(1), 24.11.2015 and 16.09.2025 texts; Art. 179(1) «Пропаганда или публичные призывы к
# насильственному захвату власти ...»; Art. 161(1) «Пропаганда или публичные призывы к развязыванию
# агрессивной войны»; Art. 256(1) «Пропаганда терроризма или публичные призывы к совершению акта
# терроризма»): a call is a crime only if public; a call made privately reaches the part only as propaganda
# (or the dissemination of materials the part names), which the facts do not state.


@pytest.mark.parametrize(("conduct", "part"), [("call_to_separatism", "CC2014 180(1)"),
                                               ("call_to_seize_power", "CC2014 179(1)"),
                                               ("call_to_aggressive_war", "CC2014 161(1)"),
                                               ("terrorism_propaganda", "CC2014 256(1)")])
def test_a_private_call_is_not_certainly_the_crime_of_public_calls(conduct: str, part: str) -> None:
    a = assess(Incident(act_date="2021-01-10", conduct=conduct, channel="private", **_SETTLED), "2021-06-01")
    assert str(a.governing.ref) == part
    assert "propaganda" in a.depends_on
    assert any("публичные призывы" in n for n in a.notes)
    check = a.check("imprisonment", 6 * Y)
    assert not check.certain and "propaganda" in check.depends_on


def test_a_private_call_by_an_official_under_part_2_is_not_certain_either() -> None:
    """Art. 180(2): «Те же действия, совершенные лицом с использованием своего служебного положения …»."""
    a = assess(Incident(act_date="2021-01-10", conduct="call_to_separatism", channel="private",
                        circumstances={"official_position"}), "2021-06-01")
    assert str(a.governing.ref) == "CC2014 180(2)" and "propaganda" in a.depends_on


def test_a_public_call_is_the_crime() -> None:
    a = assess(Incident(act_date="2021-01-10", conduct="call_to_separatism", channel="public_speech"), "2021-06-01")
    assert str(a.governing.ref) == "CC2014 180(1)" and "propaganda" not in a.depends_on


def test_a_private_call_to_terrorism_under_the_1997_code_is_not_certain() -> None:
    """CC 1997 Art. 233-1(1) (final text): «Пропаганда терроризма либо экстремизма или публичные призывы к
    совершению акта терроризма либо экстремизма, а равно распространение материалов указанного содержания»."""
    a = assess(Incident(act_date="2013-05-01", conduct="terrorism_propaganda", channel="private"), "2014-03-01")
    assert str(a.governing.ref) == "CC1997 233-1(1)" and "propaganda" in a.depends_on


# Additional punishments. CC 2014 Art. 161(2): «наказывается лишением свободы на срок от трех до семи лет с
# лишением права занимать определенные должности или заниматься определенной деятельностью на срок до трех
# лет» (mandatory: no «или без такового»); Art. 256(1): «… с конфискацией имущества» (mandatory); Art.
# 174(2): «… на срок до трех лет или без такового» (optional). The answer listed the main punishments alone.


@pytest.mark.parametrize(("facts", "part", "said"), [
    ({"conduct": "call_to_aggressive_war", "channel": "mass_media"}, "CC2014 161(2)",
     "deprivation of right up to 3 years (mandatory)"),
    ({"conduct": "terrorism_propaganda", "channel": "public_speech"}, "CC2014 256(1)", "confiscation (mandatory)"),
    ({"conduct": "incitement_of_discord", "discord": {"national"}, "channel": "mass_media",
      "circumstances": {"group"}}, "CC2014 174(2)", "deprivation of right up to 3 years (optional)"),
])
def test_the_additional_punishment_of_the_sanction_is_stated(facts: dict[str, object], part: str,
                                                              said: str) -> None:
    a = assess(Incident(act_date="2021-01-10", **facts), "2021-06-01")  # type: ignore[arg-type]
    assert str(a.governing.ref) == part
    assert any(said in n and part in n for n in a.notes), a.notes


def test_no_additional_punishment_is_stated_where_the_sanction_has_none() -> None:
    """Art. 174(1): «наказываются штрафом … либо ограничением свободы …, либо лишением свободы на тот же срок»."""
    a = assess(Incident(act_date="2021-01-10", conduct="incitement_of_discord", discord={"national"},
                        channel="mass_media"), "2021-06-01")
    assert not any("Besides the main punishment" in n for n in a.notes)


def test_the_keyed_batch_path_keeps_acts_either_side_of_may_start_apart() -> None:
    """A register's rows of one key share answers within an interval of the data's change days: the
    day from which Art. 69(6) may already have reached an act (2007-03-27) is one of them."""
    from kzspeechlaw.registers import batch
    from kzspeechlaw.registers.reading import read_register

    text = "act_date,conduct,channel,decided_on\n" + "".join(
        f"{day},terrorism_propaganda,public_speech,2016-06-01\n"
        for day in ("2007-03-20", "2007-03-26", "2007-03-27", "2007-04-02", "2006-12-01", "2008-01-10"))

    def records(keyed: bool) -> list[str]:
        chunks = batch.run(read_register(io.StringIO(text)), None, output="brief", chunk_size=100, keyed=keyed)
        return b"".join(chunk.output for chunk in chunks).decode("utf-8").splitlines()

    fast, reference = records(True), records(False)
    assert fast == reference
    assert '"in_force"' in reference[2] and '"in_force"' not in reference[1]


# CC 2014 Art. 183 «Дача разрешения на публикацию в средствах массовой информации экстремистских
# материалов» (a criminal misdemeanour: «штрафом в размере до двухсот месячных расчетных показателей …
# либо арестом на срок до пятидесяти суток»). The amnesty lists read in full do not name it: 2016 Art. 5(12)
# «государственная измена (статья 175); шпионаж (статья 176); грабеж (часть четвертая статьи 191)»; 2021
# Art. 4(13) «… (статья 179); вооруженный мятеж (статья 181); диверсия (статья 184); …»; 2025 Art. 4(15) and
# 2026 Art. 3(16) «шпионаж (статья 176); незаконное собирание … (… статьи 185); …». The 2016 Law excludes
# «лиц, совершивших экстремистские преступления» (CC 2014 Art. 3(39), which does not list 183) and releases
# «по уголовным проступкам» (Art. 6(1)); from 2021 the Laws also exclude «преступления, содержащие признаки
# экстремизма», which the 2014 Code does not define and an offence about extremist materials may well be.


def test_the_2016_amnesty_releases_permitting_an_extremist_publication() -> None:
    a = assess(Incident(act_date="2016-05-01", conduct="authorising_extremist_publication", channel="mass_media"),
               "2017-01-15")
    assert a.outcome is kz.Outcome.AMNESTIED
    assert "amnesty" not in a.depends_on


@pytest.mark.parametrize(("act", "decided", "law"), [("2021-05-01", "2022-01-15", "81-VII"),
                                                     ("2025-03-01", "2025-08-15", "195-VIII"),
                                                     ("2026-03-01", "2026-08-15", "329-VIII")])
def test_the_later_amnesties_leave_the_signs_of_extremism_open_for_art_183(act: str, decided: str,
                                                                           law: str) -> None:
    a = assess(Incident(act_date=act, conduct="authorising_extremist_publication", channel="mass_media"), decided)
    assert a.outcome is kz.Outcome.LIABLE and "amnesty" in a.depends_on
    (note,) = [n for n in a.notes if f"Law {law}" in n and "if the act contains no signs of extremism" in n]
    assert "shortened" not in note


@pytest.mark.parametrize("fine", [800, 1500])
def test_a_1997_desecration_of_state_symbols_in_the_unread_window_weighs_both_texts(fine: int) -> None:
    # CC 1997 Art. 317 between Law 490-IV and Law 24-V (2011-11-20 to 2012-07-09): no text of the period was
    # read. The last text read (05.08.2011): «наказывается штрафом в размере от двухсот до одной тысячи месячных
    # расчетных показателей ...»; the next (28.06.2012, Law 24-V): «наказывается штрафом в размере от одной
    # тысячи до двух тысяч месячных расчетных показателей». 800 MCI is within the first and below the second;
    # 1,500 above the first and within the second: neither verdict is certain, and the wording is named.
    a = assess(Incident(act_date="2012-01-15", conduct="desecration_of_state_symbols",
                        channel="public_speech"), "2012-06-01")
    assert str(a.governing.ref) == "CC1997 317" and "wording" in a.depends_on
    assert not a.check("fine", fine * kz.ureg.MCI).certain


def test_a_version_whose_wording_was_not_read_says_so_in_its_json() -> None:
    # CC 1997 Art. 317 from 20.11.2011 to 09.07.2012: no text of that period was read (the data's
    # text_read = false); a tool reading the JSON of the version must see it, as an answer names it.
    unread = export.provision_dict(kz.provision("CC1997 317", "2012-01-10"))
    assert (unread["verified"], unread["text_read"]) == (False, False)
    assert export.provision_dict(kz.provision("CC2014 130(2)", "2019-03-15"))["text_read"] is True
