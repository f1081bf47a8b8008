"""Start-up: what importing the package and running a command load, and the compiled law.

The timings are for ``benchmarks/bench.py``; these tests check the structure that makes them
(which modules a start imports, that the compiled law is used and is never older than its data).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kzspeechlaw as kz
from kzspeechlaw import export, refs, units
from kzspeechlaw.cli import parser
from kzspeechlaw.law import compiled, loader, monthly_index
from kzspeechlaw.law.model import Penalty, Sanction, Title
from kzspeechlaw.units import Amount

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pint", "matplotlib", "starlette", "numpy", "tomllib")


def loaded_after(code: str, cache_dir: Path | None = None) -> dict[str, bool]:
    """Run ``code`` in a fresh interpreter; which modules were imported at its end."""
    probe = (f"{code}\nimport sys, json\n"
             "print(json.dumps({m: m in sys.modules for m in sys.argv[1:]}))")
    names = [*HEAVY, "attrs", "kzspeechlaw.law.loader", "kzspeechlaw.reasoning.assessment",
             "kzspeechlaw.reasoning.sentencing", "kzspeechlaw.registers.batch", "kzspeechlaw.law.scope"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if cache_dir is not None:
        env["KZSPEECHLAW_CACHE_DIR"] = str(cache_dir)
    done = subprocess.run([sys.executable, "-c", probe, *names], env=env, capture_output=True, text=True,
                          check=True)
    loaded: dict[str, bool] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_import_loads_no_data_no_reasoning_no_pint() -> None:
    loaded = loaded_after("import kzspeechlaw")
    assert not any(loaded.values()), {m for m, v in loaded.items() if v}


def test_help_loads_only_the_parser() -> None:
    code = ("import contextlib, io\nfrom kzspeechlaw.cli.commands import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n    assert main(['--help']) == 0\n"
            "assert 'show' in out.getvalue()")
    loaded = loaded_after(code)
    assert not any(loaded.values()), {m for m, v in loaded.items() if v}


def test_show_reads_no_toml_and_imports_no_pint(tmp_path: Path) -> None:
    code = ("import contextlib, io\nfrom kzspeechlaw.cli.commands import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    assert main(['show', 'CC2014 130(3)', '--on', '2019-09-23']) == 0\n"
            "assert 'fine up to 3 000 MCI  [up to 7 575 000 KZT]' in out.getvalue()")
    first = loaded_after(code, tmp_path)  # no compiled law yet: the data is read (the time index's
    assert first["tomllib"]  # days include the sentencing rules', whose amounts are quantities)
    second = loaded_after(code, tmp_path)
    assert not any(second[m] for m in (*HEAVY, "kzspeechlaw.reasoning.assessment", "kzspeechlaw.registers.batch"))


def test_public_names_resolve_lazily_and_fully() -> None:
    assert set(kz.__all__) <= set(dir(kz))
    for name in kz.__all__:
        assert getattr(kz, name) is not None
    from kzspeechlaw.reasoning.assessment import assess
    from kzspeechlaw.refs import Ref

    assert kz.assess is assess and kz.Ref is Ref
    from kzspeechlaw import classify, provision  # PEP 562: from-imports go through the same path

    assert callable(classify) and callable(provision)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        kz.nothing  # noqa: B018


# --- amounts without pint -------------------------------------------------------------------------


def test_scales_agree_with_the_registry() -> None:
    for unit in units.SCALES:
        assert units.SCALES[unit] == units.registry_scale(unit)


@pytest.mark.parametrize("unit", [*units.SCALES, "tenge", "МРП", "yr", "сутки", "h"])
def test_a_quantitys_unit_name_is_what_pint_writes(unit: str) -> None:
    """The JSON forms write a quantity's unit by :func:`units.unit_name`, which reads pint's
    container of units and not its formatter: the same text, for every unit and alias."""
    for value in (3, 2.5):
        quantity = units.registry().Quantity(value, unit)
        assert units.unit_name(quantity) == str(quantity.units)
        assert export.quantity_dict(quantity) == {"value": value, "unit": str(quantity.units)}


def test_a_quantitys_unit_is_exported_by_name_whatever_pints_format() -> None:
    """A user may set pint's display format (``~``: abbreviations); the JSON keeps the unit's name."""
    formatter = units.registry().formatter
    before = formatter.default_format
    formatter.default_format = "~"
    try:
        assert str(units.registry().Quantity(2, "year").units) == "yr"
        assert export.quantity_dict(units.registry().Quantity(2, "year")) == {"value": 2, "unit": "year"}
    finally:
        formatter.default_format = before


def test_data_sanctions_make_their_quantities_when_asked() -> None:
    p = kz.provision("CC2014 130(3)", on=dt.date(2019, 9, 23))
    fine = p.sanctions[0]
    # CC 2014 Art. 130(3) (2019): "штрафом в размере до трех тысяч месячных расчетных показателей"
    assert fine.kind is Penalty.FINE and fine.minimum is None
    assert fine.maximum_amount == Amount(3000, "MCI")
    assert fine.maximum == 3000 * kz.ureg.MCI and fine.maximum is fine.maximum
    # The same sanction made from quantities is the same sanction (equal, same hash).
    again = Sanction(Penalty.FINE, None, 3000 * kz.ureg.MCI)
    assert again == fine and hash(again) == hash(fine)
    assert attrs.evolve(fine, minimum=10 * kz.ureg.MCI).minimum_amount == Amount(10, "MCI")
    assert repr(fine) == repr(again) == (
        "Sanction(kind=<Penalty.FINE: 'fine'>, minimum=None, maximum=<Quantity(3000, 'MCI')>, "
        "subject=None, optional=False)")
    assert fine.describe() == again.describe() == "fine up to 3 000 MCI"


def test_fixed_compares_across_units() -> None:
    year, month = kz.ureg.year, kz.ureg.month
    assert Sanction(Penalty.ARREST, 12 * month, 1 * year).fixed
    assert not Sanction(Penalty.ARREST, 11 * month, 1 * year).fixed
    assert Sanction(Penalty.FINE, Amount(5, "MCI"), Amount(5, "MCI")).describe() == "fine 5 MCI"


@given(st.integers(0, 10**6), st.sampled_from(sorted(units.SCALES)))
def test_amounts_read_as_quantities_are_read(number: int, unit: str) -> None:
    text = f"{number:,} {unit}".replace(",", " ")  # grouped as the library writes thousands
    value = units.parse_amount(text)
    quantity = units.amount(text)
    assert (value.magnitude, value.unit) == (quantity.magnitude, units.unit_name(quantity))
    assert units.format_quantity(value) == units.format_quantity(quantity)
    assert export.quantity_dict(value) == export.quantity_dict(quantity)


def test_tenge_bounds_are_to_tenge() -> None:
    days = [dt.date(2015, 6, 1), dt.date(2019, 9, 23), dt.date(2022, 6, 1), dt.date(2024, 2, 1)]
    checked = 0
    for versions in loader.law().versions.values():
        for p in versions:
            for s in (*p.sanctions, *p.additional):
                for day in days:
                    low, high = export.tenge_bounds(s, day)
                    if high is None:
                        assert s.maximum is None or units.unit_name(s.maximum) != "MCI"
                        continue
                    checked += 1
                    want = kz.to_tenge(s.maximum, day)
                    assert (high.magnitude, high.unit) == (want.magnitude, "KZT")
                    if s.minimum is not None:
                        assert low is not None and low.magnitude == kz.to_tenge(s.minimum, day).magnitude
    assert checked > 100


# --- citations ----------------------------------------------------------------------------------


def _by_patterns(text: str) -> refs.Ref | str:
    """What the general patterns read (the way before the canonical shortcut)."""
    cleaned = refs._normalise(text)
    for index in range(len(refs._PATTERNS)):
        match = refs._compiled(index).match(cleaned)
        if match is not None:
            return f"{match.group('article')} {match.group('part')} {match.group('clause')}"
    return "no match"


@given(st.sampled_from(refs.CODES), st.integers(1, 9999), st.none() | st.integers(1, 9999),
       st.none() | st.integers(1, 99), st.none() | st.integers(1, 99))
def test_canonical_citations_read_as_the_patterns_read_them(
        code: str, article: int, sub: int | None, part: int | None, clause: int | None) -> None:
    text = f"{code} {article}" + (f"-{sub}" if sub else "") + (f"({part})" if part else "")
    text += f"({clause})" if part and clause else ""
    ref = refs.parse(text)
    assert str(ref) == text
    assert _by_patterns(text) == f"{ref.article} {ref.part} {ref.clause}"


# --- the command line's parser --------------------------------------------------------------------


def test_parser_choices_are_their_modules() -> None:
    from kzspeechlaw.registers import reading

    assert parser._PURPOSES == monthly_index.PURPOSES
    assert parser._FORMATS == reading.FORMATS
    assert parser._ENCODINGS == reading.ENCODINGS


def test_every_command_of_the_parser_has_a_handler() -> None:
    from kzspeechlaw.cli.commands import HANDLERS

    sub = next(a for a in parser.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(HANDLERS)


# --- the compiled law -----------------------------------------------------------------------------


# The fixtures `data` (a copy of the data files) and `cache` (a cache directory of the test's
# own) are in conftest.py.


def _refuse(directory: Path) -> loader.Law:
    raise AssertionError("the data was read although its compiled form is current")


def _mci_2020(law: loader.Law) -> int:
    return next(v.kzt for v in law.mci_series if v.valid_from == dt.date(2020, 4, 1))


def test_compiled_law_is_written_then_read(data: Path, cache: Path) -> None:
    built = compiled.cached(data, loader.load, loader.Law)
    assert len(list(cache.glob("law-*.pickle"))) == 1
    again = compiled.cached(data, _refuse, loader.Law)
    assert again == built and again is not built


def test_an_edited_data_file_is_read_again(data: Path, cache: Path) -> None:
    # Law 04.12.2019 No. 276-VI, Art. 7: 2 778 tenge from 1 April 2020.
    assert _mci_2020(compiled.cached(data, loader.load, loader.Law)) == 2778
    path = data / "mci.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("kzt = 2778", "kzt = 2779"), encoding="utf-8")
    assert _mci_2020(compiled.cached(data, loader.load, loader.Law)) == 2779
    assert len(list(cache.glob("law-*.pickle"))) == 1  # the older key's file is gone


def test_the_command_line_sees_an_edited_data_file(data: Path, cache: Path) -> None:
    code = ("import sys\nfrom pathlib import Path\nfrom kzspeechlaw.law import loader\n"
            "loader.DATA_DIR = Path(sys.argv[1])\nfrom kzspeechlaw.cli.commands import main\n"
            "sys.exit(main(['mci', '2020-06-19']))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def mci() -> str:
        return subprocess.run([sys.executable, "-c", code, str(data)], env=env, capture_output=True, text=True,
                              check=True).stdout

    assert mci().startswith("1 MCI on 2020-06-19 = 2 778 KZT")
    assert mci().startswith("1 MCI on 2020-06-19 = 2 778 KZT")  # from the compiled law
    path = data / "mci.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("kzt = 2778", "kzt = 2779"), encoding="utf-8")
    assert mci().startswith("1 MCI on 2020-06-19 = 2 779 KZT")


def test_a_changed_module_or_version_gives_another_key(data: Path, tmp_path: Path) -> None:
    files = compiled._files(data)
    assert ROOT / "kzspeechlaw" / "__init__.py" in files  # the package version's one source
    assert ROOT / "kzspeechlaw" / "law" / "loader.py" in files
    edited = tmp_path / "loader.py"
    edited.write_bytes((ROOT / "kzspeechlaw" / "law" / "loader.py").read_bytes() + b"\n# changed\n")
    changed = [edited if f.name == "loader.py" else f for f in files]
    assert compiled.key(data, files) == compiled.key(data) != compiled.key(data, changed)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other key", "not a law"])
def test_a_damaged_compiled_law_is_never_trusted(data: Path, cache: Path, damage: str) -> None:
    built = compiled.cached(data, loader.load, loader.Law)
    (path,) = cache.glob("law-*.pickle")
    raw = path.read_bytes()
    head = compiled.FORMAT + compiled.key(data).encode() + b"\n"
    path.write_bytes({
        "truncated": raw[: len(raw) // 2],
        "garbage": head + b"\x80\x05not a pickle",
        "other key": raw.replace(compiled.key(data).encode(), b"0" * 64),
        "not a law": head + pickle.dumps({"versions": {}}),
    }[damage])
    again = compiled.cached(data, loader.load, loader.Law)
    assert again == built
    assert compiled.cached(data, _refuse, loader.Law) == built  # rewritten whole


def test_an_unusable_cache_directory_costs_only_time(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     recwarn: pytest.WarningsRecorder) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("KZSPEECHLAW_CACHE_DIR", str(blocker / "cache"))
    assert _mci_2020(compiled.cached(data, loader.load, loader.Law)) == 2778
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        monkeypatch.setenv("KZSPEECHLAW_CACHE_DIR", str(read_only))
        assert _mci_2020(compiled.cached(data, loader.load, loader.Law)) == 2778
        assert not list(read_only.iterdir()) or os.geteuid() == 0  # root writes anywhere
    finally:
        read_only.chmod(0o700)
    assert not recwarn.list


def test_the_cache_can_be_turned_off_or_moved(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZSPEECHLAW_CACHE_DIR", str(tmp_path / "moved"))
    monkeypatch.setenv("KZSPEECHLAW_CACHE", "0")
    assert compiled.cache_dir() is None
    compiled.cached(data, loader.load, loader.Law)
    assert not (tmp_path / "moved").exists()
    monkeypatch.delenv("KZSPEECHLAW_CACHE")
    assert compiled.cache_dir() == tmp_path / "moved"
    monkeypatch.delenv("KZSPEECHLAW_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform not in ("win32", "darwin"):
        assert compiled.cache_dir() == tmp_path / "xdg" / "kzspeechlaw"


def test_a_law_compiled_by_another_process_hashes_as_this_one(data: Path, cache: Path) -> None:
    # String hashes differ between processes: a record must not carry one over in its pickle.
    code = ("import sys\nfrom pathlib import Path\nfrom kzspeechlaw.law import compiled, loader\n"
            "compiled.cached(Path(sys.argv[1]), loader.load, loader.Law)")
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-c", code, str(data)], env=env, check=True)
    law = compiled.cached(data, _refuse, loader.Law)
    ref = refs.parse("CC2014 130(3)")
    assert law.versions[ref][0].ref == ref
    for versions in law.versions.values():
        for p in versions:
            assert hash(p.title) == hash(Title(dict(p.title)))
            assert p == attrs.evolve(p) and hash(p) == hash(attrs.evolve(p))
