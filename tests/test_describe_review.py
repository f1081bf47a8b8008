"""The descriptive commands (show, history, timeline, compare, coverage, mci) against the statutes."""

import json

import pytest

from kzspeechlaw.cli.commands import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_compare_does_not_say_no_change_across_an_amending_law(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 1997 Art. 164, footnote of the final text: «Статья 164 с изменениями, внесенными законами
    РК ... от 09.11.2011 № 490-IV». The text of the period the Law opened was not read, so a compare
    across it names the new version and does not say «no change»."""
    code, out = run(capsys, "compare", "CC1997 164(3)", "2011-01-01", "2011-12-01")
    assert code == 0
    assert "no change" not in out
    assert "new version from 2011-11-20, given by Law 490-IV" in out
    assert "text was not read, so what the law changed is not known" in " ".join(out.split())
    _, out = run(capsys, "compare", "CC1997 164(3)", "2011-01-01", "2011-12-01", "--json")
    data = json.loads(out)
    assert data["changed"] is True
    assert [d["field"] for d in data["differences"]] == ["version"]


def test_compare_names_the_change_of_category(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 274(3) as worded by Law 180-VI: «наказываются штрафом в размере до пяти тысяч
    ... либо лишением свободы на тот же срок» (up to five years); Art. 11(3): «Преступлениями средней
    тяжести признаются умышленные деяния, за совершение которых максимальное наказание ... не превышает
    пяти лет лишения свободы». The earlier wording reached seven years (Art. 11(4), «тяжкими»)."""
    _, out = run(capsys, "compare", "CC2014 274(3)", "2018-07-01", "2018-08-01")
    assert "  category:\n    before: grave\n    after:  medium gravity" in out
    _, out = run(capsys, "compare", "CC2014 274(3)", "2018-07-01", "2018-08-01", "--json")
    assert {"field": "category", "before": "grave", "after": "medium_gravity"} in json.loads(out)["differences"]


def test_compare_names_where_a_deleted_part_continues(capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 456-2 was «Inserted into Глава 26 by Закон РК от 10.07.2023 № 20-VIII ... the
    same law deleted ч. 2 of ст. 456-1 ("Размещение заведомо ложной информации в средствах массовой
    информации, на интернет-ресурсе обладателя информации …")»; Art. 456-2(1): «Размещение,
    распространение ложной информации в масс-медиа, на интернет-ресурсе обладателя информации».
    compare says where the rule continues, as show does, not «no successor in the data»."""
    _, out = run(capsys, "compare", "AOC2014 456-1(2)", "2023-01-01", "2024-01-01")
    assert "no successor" not in out
    assert "repealed by Law 20-VIII; its rule continues in AOC2014 456-2(1)" in out
    _, out = run(capsys, "compare", "AOC2014 456-1(2)", "2023-01-01", "2024-01-01", "--json")
    assert json.loads(out)["before_version"]["continued_by"] == "AOC2014 456-2(1)"


def test_timeline_marks_a_computed_repeal_date(capsys: pytest.CaptureFixture[str]) -> None:
    """CC 2014 Art. 130 was repealed by Law 26.06.2020 No. 349-VI, «вводится в действие по истечении
    десяти календарных дней после дня его первого официального опубликования»: 2020-07-10 is computed
    from that rule, not read, and the timeline says so, as show and compare do."""
    _, out = run(capsys, "timeline", "CC2014 130(3)")
    assert "CC2014 130(3) repealed by Law 349-VI from 2020-07-10 (a date inferred, not read)" in out
    _, out = run(capsys, "timeline", "CC2014 130(3)", "--json")
    first = json.loads(out)[0]
    assert (first["verified"], first["dates_read"]) == (True, False)


def test_timeline_says_where_a_deleted_part_continues(capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 456-1(2) deleted by Law 20-VIII, which inserted Art. 456-2 («Размещение,
    распространение ложной информации в масс-медиа, на интернет-ресурсе обладателя информации»):
    the timeline goes on into 456-2(1) and its note says so."""
    _, out = run(capsys, "timeline", "AOC2014 456-1(2)")
    assert "repealed by Law 20-VIII from 2023-09-09 (a date inferred, not read); its rule continues in " \
        "AOC2014 456-2(1)" in out


def test_compare_before_a_part_existed_does_not_say_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 456-2: «Глава 26 дополнена статьей 456-2 в соответствии с Законом РК от
    10.07.2023 № 20-VIII»: in 2020-2021 the part did not exist, which compare says, not «no change»."""
    _, out = run(capsys, "compare", "AOC2014 456-2(1)", "2020-01-01", "2021-12-01")
    assert out.strip() == "AOC2014 456-2(1): not in force on 2020-01-01, nor on 2021-12-01, nor in between"


def test_compare_across_a_whole_version_marks_its_computed_dates(capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 456-1(2), deleted by Law 10.07.2023 No. 20-VIII («вводится в действие по
    истечении шестидесяти календарных дней после дня его первого официального опубликования»): the
    last day is computed from that rule, and a compare over the whole span says so."""
    _, out = run(capsys, "compare", "AOC2014 456-1(2)", "2015-01-01", "2024-01-01")
    assert "in force only in between:" in out
    assert "to 2023-09-08 (Law 404-V); repealed by Law 20-VIII (dates inferred, not read)" in out


def test_compare_does_not_say_a_narrowed_part_left_force(capsys: pytest.CaptureFixture[str]) -> None:
    """AOC 2014 Art. 456-1(4) in the 20.08.2024 text: «4. Деяния, предусмотренные частью первой
    настоящей статьи, совершенные повторно в течение года ...» (06.02.2023: «частями первой и второй»)
    — Law 20-VIII narrowed the part, it did not repeal it: compare says the part is no longer in force
    as modelled, as show does."""
    _, out = run(capsys, "compare", "AOC2014 456-1(4)", "2023-01-01", "2024-01-01")
    assert "no longer in force as modelled: last day 2023-09-08" in out
    assert "no longer in force:" not in out
