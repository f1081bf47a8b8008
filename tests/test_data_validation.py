"""Malformed data files must raise DataError naming the file and the record."""

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import kzspeechlaw as kz
from kzspeechlaw.law import amnesty_data, general_part, scope, sentencing_rules
from kzspeechlaw.law.loader import DATA_DIR, load
from kzspeechlaw.law.model import Penalty


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for f in DATA_DIR.glob("*.toml"):
        shutil.copy(f, tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_shipped_data_loads() -> None:
    load()


def test_overlapping_versions(data: Path) -> None:
    edit(data / "cc2014.toml", "valid_from = 2016-01-01\nvalid_to = 2020-07-10", "valid_from = 2015-06-01\nvalid_to = 2020-07-10")
    with pytest.raises(kz.DataError, match=r"cc2014\.toml: CC2014 130\(2\) from 2015-06-01: overlaps"):
        load(data)


def test_min_above_max(data: Path) -> None:
    edit(data / "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }', '{ kind = "fine", min = "2000 MCI", max = "1000 MCI" }')
    with pytest.raises(kz.DataError, match=r"cc2014\.toml: version #1 \(CC2014 130\(1\)\).*min 2000 MCI is greater than max"):
        load(data)


def test_unknown_act(data: Path) -> None:
    edit(data / "aoc2014.toml", 'act = "349-VI"', 'act = "999-IX"')
    with pytest.raises(kz.DataError, match=r"aoc2014\.toml: version #1 \(AOC2014 73-3\(1\)\): act '999-IX'"):
        load(data)


def test_unknown_element(data: Path) -> None:
    edit(data / "cc2014.toml", '"conduct:slander"', '"conduct:gossip"')
    with pytest.raises(kz.DataError, match="'gossip' is not one of"):
        load(data)


def test_wrong_unit_for_kind(data: Path) -> None:
    edit(data / "cc2014.toml", '{ kind = "imprisonment", max = "1 year" }', '{ kind = "imprisonment", max = "1 MCI" }')
    with pytest.raises(kz.DataError, match="imprisonment cannot be measured in MCI"):
        load(data)


def test_non_canonical_ref(data: Path) -> None:
    edit(data / "cc2014.toml", 'ref = "CC2014 130(1)"', 'ref = "ч. 1 ст. 130 УК РК"')
    with pytest.raises(kz.DataError, match="not canonical"):
        load(data)


def test_misspelt_key(data: Path) -> None:
    edit(data / "cc2014.toml", "verified = true", "verifed = true")
    with pytest.raises(kz.DataError, match=re.escape("version #1 (CC2014 130(1)): missing key(s) verified")):
        load(data)


def test_version_outside_code_life(data: Path) -> None:
    edit(data / "aoc2014.toml", "valid_from = 2020-07-10", "valid_from = 2014-07-10")
    with pytest.raises(kz.DataError, match="outside the code's life"):
        load(data)


def test_mci_out_of_order(data: Path) -> None:
    edit(data / "mci.toml", "valid_from = 2013-01-01", "valid_from = 2008-01-01")
    with pytest.raises(kz.DataError, match=r"mci\.toml: mci #\d+ \(2008-01-01\): values must be in date order"):
        load(data)


def test_broken_toml(data: Path) -> None:
    (data / "acts.toml").write_text("[[act]\nid=", encoding="utf-8")
    with pytest.raises(kz.DataError, match=r"acts\.toml: -: not valid TOML"):
        load(data)


def test_missing_file(data: Path) -> None:
    (data / "mci.toml").unlink()
    with pytest.raises(kz.DataError, match=r"mci\.toml: -: file not found"):
        load(data)


# The 1997 Code's fine in months of income (CC 1997 Art. 40(1)-(2)): a term, never an amount.


def test_an_income_fine_is_measured_in_months(data: Path) -> None:
    edit(data / "cc1997.toml", '{ kind = "income_fine", max = "2 month" }', '{ kind = "income_fine", max = "2 MCI" }')
    with pytest.raises(kz.DataError, match=r"cc1997\.toml: .*income_fine cannot be measured in MCI"):
        load(data)


def test_an_income_fine_may_end_in_a_year(data: Path) -> None:
    edit(data / "cc1997.toml", '{ kind = "income_fine", max = "2 month" }', '{ kind = "income_fine", max = "1 year" }')
    loaded = load(data)
    p = next(p for p in loaded.versions[kz.ref("CC1997 129(1)")] if p.valid_from == dt.date(1998, 1, 1))
    income_fines = [s for s in (*p.sanctions, *p.additional) if s.kind is Penalty.INCOME_FINE]
    assert income_fines[0].maximum == 1 * kz.ureg.year


# --- every validation rule of the loaders, one failing fixture each ------------------------------
#
# Each row: the file, the loader that reads it, an edit (``old`` -> ``new``: a plain replacement of
# the first occurrence; ``old`` starting with "re:" is a regular expression; ``old`` empty appends
# ``new`` to the file; ``old`` None replaces the whole file) and the DataError message expected.
# The rules are named as in the loaders (kzspeechlaw.law.loader, general_part, scope,
# amnesty_data, sentencing_rules); rules already tested above or in test_amnesty.py and
# test_sentencing.py are not repeated.

LOADERS: dict[str, Callable[[Path], object]] = {
    "law": load, "general": general_part.load, "scope": scope.load, "amnesty": amnesty_data.load,
    "sentencing": sentencing_rules.load,
}

SLANDER_1 = '''
[[version]]
ref = "CC2014 130"
valid_from = 2015-01-01
act = "226-V"
source = "https://zan.gov.kz/client/#!/doc/81097/rus/07.11.2014"
verified = false
elements = [["conduct:slander"]]
sanctions = [{ kind = "fine", max = "1000 MCI" }]
text = ""
'''

GENERAL_RULE = '''
[[limit]]
code = "CC2014"
kind = "fine"
applies_to = "all"
valid_from = 2015-01-01
article = "CC2014 41(2)"
act = "226-V"
source = "https://zan.gov.kz/"
verified = false
text = "t"
'''

SENTENCING_RULE = '''
[[rule]]
code = "CC2014"
name = "x"
valid_from = 2015-01-01
article = "CC2014 55(2)"
act = "226-V"
source = "https://zan.gov.kz/"
verified = false
text = "t"
'''

SANCTIONS_130_1 = ('sanctions = [\n  { kind = "fine", max = "1000 MCI" },\n  { kind = "correctional_work", max = "1000 MCI" },\n'
                   '  { kind = "restriction_of_freedom", max = "1 year" },\n  { kind = "imprisonment", max = "1 year" },\n]')
V1 = r"cc2014\.toml: version #1 \(CC2014 130\(1\)\)"

RULES: list[tuple[str, str, str, str | None, str, str]] = [
    # (rule, loader, file, old, new, message)
    # the shared record reader (kzspeechlaw.law.reader.Reader)
    ("unknown key", "law", "cc2014.toml", 'notes = "Same text', 'note = "Same text', V1 + r": unknown key\(s\) note"),
    ("value of the wrong type", "law", "cc2014.toml", "verified = true", 'verified = "yes"', V1 + ": verified must be"),
    ("date", "law", "cc2014.toml", "valid_from = 2015-01-01\nvalid_to = 2020-07-10", 'valid_from = "2015"\nvalid_to = 2020-07-10',
     V1 + ": valid_from must be a date"),
    ("title in three languages", "law", "cc2014.toml", 'title = { en = "Slander", ru = "Клевета", kk = "Жала жабу" }',
     'title = { en = "Slander", ru = "Клевета" }', r"article #1 \(130\): title must give non-empty 'en', 'ru' and 'kk'"),
    ("citation is a string", "law", "cc2014.toml", 'ref = "CC2014 130(1)"', "ref = 130", "ref must be a citation string"),
    ("citation parses", "law", "cc2014.toml", 'ref = "CC2014 130(1)"', 'ref = "CC2014 130(1"', r"version #1 \(CC2014 130\(1\): ref: "),
    # acts.toml
    ("act listed twice", "law", "acts.toml", 'id = "226-V"', 'id = "167"', r"acts\.toml: act #2 \(167\): act 167 is listed twice"),
    ("in force before adoption", "law", "acts.toml", "adopted = 2014-07-03\nin_force = 2015-01-01",
     "adopted = 2015-07-03\nin_force = 2015-01-01", r"act #2 \(226-V\): in_force 2015-01-01 is before adoption 2015-07-03"),
    # a sanction
    ("sanction is a table", "law", "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }', '"fine up to 1000 MCI"',
     V1 + r": sanctions\[0\] must be a table"),
    ("kind of punishment", "law", "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }', '{ kind = "flogging", max = "1000 MCI" }',
     V1 + r": sanctions\[0\]: kind 'flogging' is not one of"),
    ("amount or range", "law", "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }',
     '{ kind = "fine", amount = "5 MCI", max = "1000 MCI" }', r"sanctions\[0\]: give either amount .* or min/max"),
    ("amount parses", "law", "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }', '{ kind = "fine", max = "a thousand MCI" }',
     V1 + r": sanctions\[0\]: "),
    ("min and max in one unit", "law", "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }',
     '{ kind = "fine", min = "100 KZT", max = "1000 MCI" }', r"sanctions\[0\]: min and max are in different units"),
    ("subject", "law", "cc2014.toml", '{ kind = "fine", max = "1000 MCI" }', '{ kind = "fine", max = "1000 MCI", subject = "robot" }',
     r"sanctions\[0\]: subject 'robot' is not one of"),
    # a code file's head and articles
    ("code id", "law", "cc2014.toml", 'id = "CC2014"', 'id = "CC2015"', r"cc2014\.toml: \[code\]: id must be 'CC2014'"),
    ("regime", "law", "cc2014.toml", 'regime = "criminal"', 'regime = "civil"', r"\[code\]: regime must be 'criminal' or"),
    ("code's act", "law", "cc2014.toml", 'regime = "criminal"\nact = "226-V"', 'regime = "criminal"\nact = "000"',
     r"\[code\]: act '000' is not in acts\.toml"),
    ("article declared once", "law", "cc2014.toml", "", '\n[[article]]\nnumber = "130"\ntitle = { en = "x", ru = "x", kk = "x" }\n',
     r"article #\d+ \(130\): article 130 is declared twice"),
    # a version
    ("ref of the file's code", "law", "cc2014.toml", 'ref = "CC2014 130(1)"', 'ref = "CC1997 130(1)"',
     r"ref CC1997 130\(1\) belongs to CC1997, not to cc2014\.toml"),
    ("article record", "law", "cc2014.toml", 'ref = "CC2014 130(1)"', 'ref = "CC2014 999(1)"', r"article 999 has no \[\[article\]\] record"),
    ("valid_to after valid_from", "law", "cc2014.toml", "valid_from = 2015-01-01\nvalid_to = 2020-07-10",
     "valid_from = 2015-01-01\nvalid_to = 2015-01-01", V1 + ": valid_to 2015-01-01 is not after valid_from 2015-01-01"),
    ("repealing act", "law", "cc2014.toml", 'repealed_by = "349-VI"', 'repealed_by = "999-X"',
     V1 + r": repealed_by '999-X' is not in acts\.toml"),
    ("repeal needs an end", "law", "cc2014.toml", 'valid_from = 2015-01-01\nvalid_to = 2020-07-10\nact = "226-V"\nrepealed_by',
     'valid_from = 2015-01-01\nact = "226-V"\nrepealed_by', V1 + r": repealed_by needs valid_to"),
    ("elements", "law", "cc2014.toml", 'elements = [["conduct:slander"]]', "elements = []", V1 + ": elements must be a non-empty list"),
    ("an element is a string", "law", "cc2014.toml", 'elements = [["conduct:slander"]]', "elements = [[1]]", V1 + ": 1 is not a string"),
    ("sanctions", "law", "cc2014.toml", SANCTIONS_130_1, "sanctions = []", V1 + ": sanctions must list at least one"),
    ("https source", "law", "cc2014.toml", 'source = "https://zan.gov.kz/client/#!/doc/81097/rus/27.12.2019"',
     'source = "zan.gov.kz"', V1 + ": source must be an https URL"),
    ("verified carries the text", "law", "cc2014.toml", 're:text = "Клевета, то есть[^"]*"', 'text = " "',
     V1 + ": a verified version must carry the statute text"),
    # the index of versions
    ("gap names the repeal", "law", "cc2014.toml", "valid_from = 2015-01-01\nvalid_to = 2016-01-01",
     "valid_from = 2015-01-01\nvalid_to = 2015-06-01",
     r"CC2014 130\(2\) from 2015-01-01: gap until 2016-01-01 but the version names no repealed_by"),
    ("whole or in parts", "law", "cc2014.toml", "", SLANDER_1, r"CC2014 130: is modelled both whole and in parts"),
    ("absorbed part exists", "law", "cc2014.toml", 'absorbs = ["CC2014 130(1)"]', 'absorbs = ["CC2014 130(9)"]',
     r"absorbs CC2014 130\(9\) is not in the data"),
    ("successor exists", "law", "cc2014.toml", 'successor = "AOC2014 73-3(1)"', 'successor = "AOC2014 73-3(9)"',
     r"successor AOC2014 73-3\(9\) is not in the data"),
    ("an end names the repeal", "law", "cc2014.toml", 'repealed_by = "349-VI"\nsuccessor = "AOC2014 73-3(1)"',
     'successor = "AOC2014 73-3(1)"', r"CC2014 130\(1\).*ends on 2020-07-10 but names no repealed_by"),
    # mci.toml
    ("positive MCI", "law", "mci.toml", "kzt = 1273", "kzt = 0", r"mci\.toml: mci #1 \(2009-01-01\): kzt must be positive"),
    ("MCI purpose", "law", "mci.toml", 'purpose = "all"', 'purpose = "fines"', r"mci #1 .*purpose must be 'all' or 'benefits'"),
    ("MCI act", "law", "mci.toml", 'act = "96-IV"', 'act = "0-X"', r"mci #1 .*act '0-X' is not in acts\.toml"),
    ("MCI inside the coverage", "law", "mci.toml", "until = 2026-12-31", "until = 2025-12-31",
     r"mci #\d+ \(2026-01-01\): valid_from is after the coverage end 2025-12-31"),
    ("some MCI", "law", "mci.toml", None, "[coverage]\nuntil = 2026-12-31\n", r"mci\.toml: -: no \[\[mci\]\] values"),
    # scope.toml
    ("scope code id", "scope", "scope.toml", 'id = "CC1997"', 'id = "CC1959"', r"scope\.toml: code #1 \(CC1959\): id 'CC1959' is not one of"),
    ("one scope record per code", "scope", "scope.toml", 'id = "AOC2014"', 'id = "CC2014"', r"scope\.toml: \[\[code\]\]: one record per code"),
    ("entry code", "scope", "scope.toml", 'code = "CC1997"\nnumber = "129"', 'code = "CC1959"\nnumber = "129"',
     r"article #1 \(CC1959 129\): code 'CC1959' is not one of"),
    ("entry status", "scope", "scope.toml", 'number = "129"\nstatus = "modelled"', 'number = "129"\nstatus = "maybe"',
     r"article #1 \(CC1997 129\): status 'maybe' is not one of"),
    ("unmodelled entry says why", "scope", "scope.toml", 'number = "129"\nstatus = "modelled"', 'number = "129"\nstatus = "not_modelled"',
     r"article #1 \(CC1997 129\): an unmodelled article needs its title, the reason and the source"),
    ("entry conducts", "scope", "scope.toml", 'number = "129"\nstatus = "modelled"',
     'number = "129"\nstatus = "modelled"\nconducts = ["gossip"]', r"article #1 \(CC1997 129\): 'gossip' is not a valid"),
    ("required fact exists", "scope", "scope.toml", 'requires = ["link:duties"]', 'requires = ["link:nonsense"]',
     r"scope\.toml: article #\d+ .*nonsense"),
    ("required fact decides", "scope", "scope.toml", 'requires = ["link:duties"]', 'requires = ["conduct:slander"]',
     r"requires 'conduct:slander': only facts of .* may be required"),
    ("entry dates", "scope", "scope.toml", 'number = "129"\nstatus = "modelled"',
     'number = "129"\nstatus = "modelled"\nvalid_from = 2010-01-01\nvalid_to = 2009-01-01',
     r"article #1 \(CC1997 129\): valid_to 2009-01-01 is not after valid_from 2010-01-01"),
    # general.toml (a file of one rule)
    ("general: valid_to after valid_from", "general", "general.toml", None, GENERAL_RULE + "valid_to = 2014-01-01\n",
     r"general\.toml: limit #1 \(CC2014 41\(2\)\): valid_to 2014-01-01 is not after"),
    ("general: min not above max", "general", "general.toml", None, GENERAL_RULE + 'min = "20 MCI"\nmax = "10 MCI"\n',
     r"limit #1 .*: min 20 MCI is greater than max 10 MCI"),
    ("general: amounts parse", "general", "general.toml", None, GENERAL_RULE + 'min = "some MCI"\n', r"general\.toml: limit #1 .*: "),
    ("general: a limitation's period", "general", "general.toml", None,
     GENERAL_RULE.replace("[[limit]]", "[[limitation]]").replace('kind = "fine"\n', ""),
     r"limitation #1 .*: a limitation gives either a period or none = true"),
    ("general: versions do not overlap", "general", "general.toml", None, GENERAL_RULE * 2, r"general\.toml: CC2014 41\(2\) from 2015-01-01: overlaps"),
    # sentencing.toml (a file of one rule)
    ("sentencing: tables", "sentencing", "sentencing.toml", None, "[[rules]]\nx = 1\n", r"sentencing\.toml: -: unknown table 'rules'"),
    ("sentencing: valid_to after valid_from", "sentencing", "sentencing.toml", None, SENTENCING_RULE + "valid_to = 2014-01-01\n",
     r"sentencing\.toml: rule #1 \(CC2014 55\(2\)\): valid_to 2014-01-01 is not after"),
    ("sentencing: base", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'base = "all"\n', r"rule #1 .*: base must be 'most_severe' or"),
    ("sentencing: caps need a base", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'caps = { grave = "1/2" }\n',
     r"rule #1 .*: caps need a base"),
    ("sentencing: caps keys", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'base = "each_main"\ncaps = { petty = "1/2" }\n',
     r"rule #1 .*: caps key 'petty' is not a category or a stage"),
    ("sentencing: ranges by category", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'ranges = { petty = ["1 MCI", "2 MCI"] }\n',
     r"rule #1 .*: ranges\['petty'\] must be a category with \[min, max\]"),
    ("sentencing: ranges parse", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'ranges = { grave = ["one MCI", "2 MCI"] }\n',
     r"rule #1 .*: ranges\['grave'\]: "),
    ("sentencing: ranges in order", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'ranges = { grave = ["3 MCI", "2 MCI"] }\n',
     r"rule #1 .*: ranges\['grave'\]: min 3 MCI is greater than max 2 MCI"),
    ("sentencing: ratios by category", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'ratios = { grave = "x" }\n',
     r"rule #1 .*: ratios\['grave'\] must be a category with a list"),
    ("sentencing: a ratio parses", "sentencing", "sentencing.toml", None,
     SENTENCING_RULE + 'ratios = { grave = ["imprisonment for 4 MCI"] }\n', r"ratios\['grave'\]: .* is not '<kind> <amount> per <amount> MCI'"),
    ("sentencing: a ratio is per MCI", "sentencing", "sentencing.toml", None,
     SENTENCING_RULE + 'ratios = { grave = ["imprisonment 1 day per 4 KZT"] }\n', r"ratios\['grave'\]: .* must be per an amount of MCI"),
    ("sentencing: lists of strings", "sentencing", "sentencing.toml", None, SENTENCING_RULE + "kinds = [1]\n",
     r"rule #1 .*: kinds must be a list of strings"),
    ("sentencing: categories", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'categories = ["petty"]\n',
     r"rule #1 .*: categories: 'petty' is not a category"),
    ("sentencing: kinds", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'kinds = ["flogging"]\n',
     r"rule #1 .*: kinds: 'flogging' is not a kind of punishment"),
    ("sentencing: kinds are ranked", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'kinds = ["confiscation"]\n',
     r"rule #1 .*: kinds: 'confiscation' is not a main punishment of the ranking"),
    ("sentencing: excludes", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'excludes = ["petty"]\n',
     r"rule #1 .*: excludes: 'petty' is not a category, 'extremist', 'terrorist', 'criminal_group', "
     r"'legal_entity' or 'other_parts'"),
    ("sentencing: persons", "sentencing", "sentencing.toml", None, SENTENCING_RULE + 'persons = ["fathers"]\n',
     r"rule #1 .*: persons: 'fathers' is not one of pregnant_woman, "),
    ("sentencing: expedited payment names its kinds", "sentencing", "sentencing.toml", None,
     SENTENCING_RULE.replace('name = "x"', 'name = "expedited_payment"') + 'kinds = ["warning"]\n',
     r"rule #1 .*: kinds: expedited_payment needs the kinds a sanction may provide, the fine among them"),
    ("sentencing: versions do not overlap", "sentencing", "sentencing.toml", None, SENTENCING_RULE * 2,
     r"sentencing\.toml: CC2014 55\(2\) from 2015-01-01: overlaps"),
    # amnesties.toml
    ("amnesty: a definition once", "amnesty", "amnesties.toml", 'kind = "terrorist"\ncode = "CC2014"', 'kind = "extremist"\ncode = "CC2014"',
     r"amnesties\.toml: definition #2: extremist for CC2014 is defined twice"),
    ("amnesty: a listed exclusion lists its crimes", "amnesty", "amnesties.toml",
     're:(article = "Art. 5\\(11\\)"\nkind = "listed"\n(?:(?!refs )[^\n]*\n)*?)refs = [^\n]*\n', r"\1",
     r"exclusion #\d+ \(Art. 5\(11\)\): missing key\(s\) refs"),
    ("amnesty: a definition's code", "amnesty", "amnesties.toml", 'kind = "terrorist"\ncode = "CC2014"', 'kind = "terrorist"\ncode = "CC1959"',
     r"definition #2 \(terrorist\): code 'CC1959' is not one of"),
    ("amnesty: some amnesty", "amnesty", "amnesties.toml", "re:\\[\\[amnesty[\\s\\S]*", "", r"amnesties\.toml: -: no \[\[amnesty\]\] records"),
    ("amnesty: the Law's codes", "amnesty", "amnesties.toml", 'codes = ["CC1997"]\nexecution_months', 'execution_months',
     r"amnesty #1 \(521-IV\): missing key\(s\) codes"),
    ("amnesty: execution period", "amnesty", "amnesties.toml", "execution_months = 6", "execution_months = 0",
     r"amnesty #1 \(521-IV\): execution_months must be positive, got 0"),
    ("amnesty: administrative offences only", "amnesty", "amnesties.toml", 'not_listed = ["AOC2014 73-3", ',
     'not_listed = ["CC2014 174", ', r"administrative: not_listed: CC2014 174 is not an article of the Code of Administrative"),
]


def apply(path: Path, old: str | None, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old is None:
        changed = new
    elif old == "":
        changed = text + new
    elif old.startswith("re:"):
        changed, n = re.subn(old[3:], new, text, count=1)
        assert n == 1, old
    else:
        assert old in text, old
        changed = text.replace(old, new, 1)
    path.write_text(changed, encoding="utf-8")


@pytest.mark.parametrize(("loader", "file", "old", "new", "message"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_every_rule_has_a_failing_fixture(data: Path, loader: str, file: str, old: str | None, new: str,
                                          message: str) -> None:
    apply(data / file, old, new)
    with pytest.raises(kz.DataError, match=message):
        LOADERS[loader](data)


@pytest.mark.parametrize(("module", "record"), [(general_part, GENERAL_RULE), (sentencing_rules, SENTENCING_RULE)],
                         ids=["general", "sentencing"])
def test_a_general_rule_names_a_known_act(data: Path, monkeypatch: pytest.MonkeyPatch, module: ModuleType,
                                          record: str) -> None:
    """The act of a general-part or sentencing rule is checked against acts.toml when the shipped
    data is read (the loader reads its own directory then)."""
    file = "general.toml" if module is general_part else "sentencing.toml"
    (data / file).write_text(record.replace('act = "226-V"', 'act = "0-X"'), encoding="utf-8")
    monkeypatch.setattr(module, "DATA_DIR", data)
    with pytest.raises(kz.DataError, match=re.escape(file) + r": .*act '0-X' is not in acts\.toml"):
        module.load()
