"""A review of the provision versions against the statute texts: each version's recorded text is the
statute's text of an edition inside the version's period, and its dates are the amending law's.
Expected words and dates are the statute's (kazakhstan-law/codes, a mirror of the zan.gov.kz
consolidated texts; the path and commit are named in each test), never the library's output."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import kzspeechlaw as kz
from kzspeechlaw.cli import main
from kzspeechlaw.export import provision_dict
from kzspeechlaw.law.loader import law
from kzspeechlaw.law.model import Provision
from kzspeechlaw.refs import parse

D = dt.date


def version_on(ref: str, day: dt.date) -> Provision:
    (found,) = [v for v in law().versions[parse(ref)] if v.in_force_on(day)]
    return found


def test_cc2014_373_1_before_law_91_vi_names_the_leader_of_the_nation() -> None:
    """CC 2014 Art. 373(1) in the 24.11.2015 edition (old layout rus/sec007-ch016.md, commit
    f8d87165...): «Публичное оскорбление или иное посягательство на честь и достоинство Первого
    Президента Республики Казахстан – Лидера Нации, осквернение изображений Первого Президента
    Республики Казахстан – Лидера Нации – наказываются штрафом в размере до двух тысяч месячных
    расчетных показателей ...». «Елбасы» came with the restatement «Статья 373 в редакции Закона РК
    от 11.07.2017 № 91-VI (вводится в действие по истечении десяти календарных дней после дня его
    первого официального опубликования)» (12.07.2018 edition, commit 99437a0a...): adopted
    11.07.2017, so in force on 22.07.2017 at the earliest."""
    early = version_on("CC2014 373(1)", D(2016, 5, 1))
    assert "Лидера Нации" in early.text and "Елбасы" not in early.text
    assert early.text.startswith("Публичное оскорбление или иное посягательство на честь и достоинство "
                                 "Первого Президента Республики Казахстан – Лидера Нации, осквернение "
                                 "изображений Первого Президента Республики Казахстан – Лидера Нации – "
                                 "наказываются штрафом в размере до двух тысяч")
    assert early.act == "226-V" and early.verified
    assert early.source.endswith("/rus/24.11.2015")
    assert early.valid_to == D(2017, 7, 22)
    late = version_on("CC2014 373(1)", D(2017, 7, 22))
    assert "Елбасы" in late.text and "Лидера Нации" not in late.text
    assert late.act == "91-VI" and late.valid_to == D(2023, 7, 23)
    assert early.sanctions == late.sanctions and early.elements == late.elements


def test_law_91_vi_in_force_date_is_computed_not_read() -> None:
    """The footnote gives the rule, not the day: «вводится в действие по истечении десяти
    календарных дней после дня его первого официального опубликования»; the publication date was
    not read, so 22.07.2017 (adoption 11.07.2017 plus ten days) is the earliest possible day and
    must not be marked verified."""
    act = law().acts["91-VI"]
    assert act.adopted == D(2017, 7, 11)
    assert act.in_force == D(2017, 7, 22)
    assert not act.verified
    assert "десяти календарных дней" in act.in_force_rule


def test_cc1997_129_3_reads_ili_until_law_393_iv() -> None:
    """CC 1997 Art. 129(3), 08.07.2005 edition (rus/sec006-ch001.md, commit 08c51aae...): «Клевета,
    соединенная с обвинением лица в совершении коррупционного, тяжкого или особо тяжкого
    преступления, - наказывается ограничением свободы на срок до трех лет или лишением свободы на
    тот же срок.»; the 18.01.2011, 05.08.2011 and final 01.01.2015 editions read «... на срок до трех
    лет либо лишением свободы на тот же срок.», footnote «... от 18.01.2011 № 393-IV (вводится в
    действие по истечении десяти календарных дней после его первого официального опубликования)»."""
    mid = version_on("CC1997 129(3)", D(2005, 7, 8))
    assert "до трех лет или лишением свободы" in mid.text
    assert mid.source.endswith("/rus/08.07.2005") and mid.act == "484"
    assert mid.valid_to == D(2011, 1, 29)
    late = version_on("CC1997 129(3)", D(2011, 8, 5))
    assert "до трех лет либо лишением свободы" in late.text
    assert late.act == "393-IV" and late.valid_from == D(2011, 1, 29)
    assert mid.sanctions == late.sanctions


_OWN_START = re.compile(r"(?:valid_from (?:is|uses)|[Ss]tarts on|START:)\s*(\S+)")
_OWN_END = re.compile(r"(?:valid_to (?:is|uses)|[Ee]nds on|END:)\s*(\S+)")


def _day(word: str) -> dt.date | None:
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", word)
    if iso:
        return D(int(iso[1]), int(iso[2]), int(iso[3]))
    dotted = re.match(r"(\d{2})\.(\d{2})\.(\d{4})", word)
    return D(int(dotted[3]), int(dotted[2]), int(dotted[1])) if dotted else None


_ALL = [v for versions in law().versions.values() for v in versions]


@pytest.mark.parametrize("version", _ALL, ids=lambda v: f"{v.ref} from {v.valid_from}")
def test_the_notes_name_the_versions_own_days(version: Provision) -> None:
    """Where a version's notes name its own first or last day («valid_from is ...», «starts on
    ...», «ends on ...», «START: ...»), the day is the record's. AOC 2014 Art. 434(1) as worded by
    Law 03.01.2023 No. 187-VII said «valid_from uses 07.03.2023» and «valid_to is 05.09.2024» over
    the dates 2023-03-05 and 2024-09-04 it holds: the earliest possible in-force days of Laws
    187-VII and 112-VIII («вводится в действие по истечении шестидесяти календарных дней после дня
    его первого официального опубликования»), adopted 03.01.2023 and 05.07.2024."""
    for pattern, own in ((_OWN_START, version.valid_from), (_OWN_END, version.valid_to)):
        for found in pattern.finditer(version.notes):
            day = _day(found[1])
            assert day is None or day == own, (found[0], own)


def test_cc2014_161_is_modelled_from_the_code_s_first_day() -> None:
    """CC 2014 Art. 161, 24.11.2015 edition (old layout rus/sec007-ch003.md, commit f8d87165...;
    no footnote under the article): «1. Пропаганда или публичные призывы к развязыванию агрессивной
    войны – наказывается лишением свободы на срок до пяти лет.» «2. То же деяние, совершенное с
    использованием средств массовой информации или информационно-коммуникационных сетей либо
    должностным лицом, занимающим ответственную государственную должность, – наказывается лишением
    свободы на срок от трех до семи лет с лишением права занимать определенные должности или
    заниматься определенной деятельностью на срок до трех лет.»"""
    one = version_on("CC2014 161(1)", D(2015, 1, 1))
    assert one.act == "226-V" and one.valid_from == D(2015, 1, 1)
    two = version_on("CC2014 161(2)", D(2015, 1, 1))
    assert "информационно-коммуникационных сетей" in two.text and two.act == "226-V"
    assert two.source.endswith("/rus/24.11.2015") and two.valid_to == D(2016, 1, 1)
    (prison,) = two.sanctions
    assert (prison.minimum.magnitude, prison.maximum.magnitude) == (3, 7)  # type: ignore[union-attr]
    (ban,) = two.additional
    assert ban.maximum.magnitude == 3 and not ban.optional  # type: ignore[union-attr]
    assert "сетей телекоммуникаций" in version_on("CC2014 161(2)", D(2016, 1, 1)).text


def test_cc2014_183_before_law_180_vi() -> None:
    """CC 2014 Art. 183, 24.11.2015 edition (old layout rus/sec007-ch003.md, commit f8d87165...; no
    footnote under the article; the only later footnote is Law 12.07.2018 No. 180-VI): «Дача
    разрешения на публикацию в печати и других средствах массовой информации ... – наказывается
    штрафом в размере до пятисот месячных расчетных показателей либо исправительными работами в том
    же размере, либо привлечением к общественным работам на срок до трехсот часов, либо арестом на
    срок до девяноста суток, с лишением права занимать определенные должности или заниматься
    определенной деятельностью на срок до двух лет или без такового.»"""
    old = version_on("CC2014 183", D(2016, 8, 1))
    assert old.act == "226-V" and old.valid_from == D(2015, 1, 1) and old.valid_to == D(2018, 7, 23)
    maxima = {(s.kind.value, s.maximum.magnitude) for s in old.sanctions if s.maximum is not None}
    assert maxima == {("fine", 500), ("correctional_work", 500), ("community_service", 300), ("arrest", 90)}
    (ban,) = old.additional
    assert ban.maximum.magnitude == 2 and ban.optional  # type: ignore[union-attr]
    assert version_on("CC2014 183", D(2018, 7, 23)).act == "180-VI"


FOREIGN_FUNDS = "в том числе с использованием средств, полученных из иностранных источников"


def test_the_foreign_funding_words_come_with_law_12_vi() -> None:
    """The 08.04.2016 edition (old layout rus/sec007-ch003.md, commit 20aad375...) reads CC 2014 Art.
    179(2) «Те же действия, совершенные лицом с использованием своего служебного положения либо
    лидером общественного объединения, либо с использованием средств массовой информации или сетей
    телекоммуникаций, либо группой лиц или группой лиц по предварительному сговору, – наказываются
    лишением свободы на срок от пяти до десяти лет.», Art. 180(2) alike, and Art. 174(2) «... либо
    лидером общественного объединения, – наказываются ...»: the words «в том числе с использованием
    средств, полученных из иностранных источников» came with Law 26.07.2016 No. 12-VI, «вводится в
    действие по истечении двух месяцев после дня его первого официального опубликования»: from
    27.09.2016 at the earliest (publication not read), a date not verified."""
    act = law().acts["12-VI"]
    assert act.in_force == D(2016, 9, 27) and not act.verified
    for ref in ("CC2014 174(2)", "CC2014 179(2)", "CC2014 180(2)"):
        before = version_on(ref, D(2016, 4, 8))
        assert FOREIGN_FUNDS not in before.text and before.valid_to == D(2016, 9, 27), ref
        after = version_on(ref, D(2016, 9, 27))
        assert FOREIGN_FUNDS in after.text and after.act == "12-VI", ref
        assert before.sanctions == after.sanctions and before.elements == after.elements, ref
    assert version_on("CC2014 179(2)", D(2016, 4, 8)).text == (
        "Те же действия, совершенные лицом с использованием своего служебного положения либо лидером "
        "общественного объединения, либо с использованием средств массовой информации или сетей "
        "телекоммуникаций, либо группой лиц или группой лиц по предварительному сговору, – наказываются "
        "лишением свободы на срок от пяти до десяти лет.")


def test_cc2014_299_1_1_as_inserted_is_read() -> None:
    """CC 2014 Art. 299-1(1), 27.12.2019 edition (new layout rus/sec006-ch011.md, commit
    d448f1a1...; footnote «Кодекс дополнен статьей 299-1 в соответствии с Законом РК от 27.12.2019
    № 292-VІ»): «Пропаганда или незаконная реклама наркотических средств, психотропных веществ или
    их аналогов, прекурсоров, – наказывается лишением свободы на срок до трех лет.»"""
    v = version_on("CC2014 299-1(1)", D(2021, 1, 1))
    assert v.verified and v.act == "292-VI"
    assert v.text == ("Пропаганда или незаконная реклама наркотических средств, психотропных веществ или их "
                      "аналогов, прекурсоров, – наказывается лишением свободы на срок до трех лет.")



def test_a_part_narrowed_to_a_wording_not_modelled_is_not_said_to_be_repealed(
        capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 456-1(4) read «Деяния, предусмотренные частями первой и второй настоящей
    статьи, совершенные повторно ...» (06.02.2023 text) and, after Law 10.07.2023 No. 20-VIII,
    «Деяния, предусмотренные частью первой настоящей статьи, совершенные повторно ...» (20.08.2024
    text): the part goes on, narrowed; the repetition of part 2, the reading modelled, went to Art.
    456-2(2). Asked after the change, the part is not in force as modelled, not repealed."""
    with pytest.raises(kz.NotInForce) as raised:
        kz.provision("AOC2014 456-1(4)", on="2024-01-01")
    said = str(raised.value)
    assert said.startswith("AOC2014 456-1(4) is not in force as modelled on 2024-01-01")
    assert "Law 20-VIII narrowed the part to a wording the data does not model" in said
    assert "repealed" not in said
    old = kz.provision("AOC2014 456-1(4)", on="2020-01-01")
    assert old.narrowed and not kz.provision("AOC2014 456-1(2)", on="2020-01-01").narrowed
    assert provision_dict(old)["narrowed"] is True
    main(["timeline", "AOC2014 456-1(4)"])
    shown = capsys.readouterr().out
    assert "AOC2014 456-1(4) narrowed by Law 20-VIII from 2023-09-09 to a wording the data does not model" in shown
    assert "repealed" not in shown
