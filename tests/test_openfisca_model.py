"""The parameters of the benchmark's OpenFisca model (``benchmarks/openfisca/parameters.py``) are
the data's: on acts the model covers (slander in the mass media, no aggravating fact, decided in
the same MCI year), its fine range in tenge is the assessment's. OpenFisca itself is not needed:
the YAML is read here."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import re
from pathlib import Path

import pytest

from kzspeechlaw import Incident, assess
from kzspeechlaw.registers.records import brief_dict

_MODEL = Path(__file__).resolve().parents[1] / "benchmarks" / "openfisca"


def _values(path: Path) -> list[tuple[dt.date, int | None]]:
    """A parameter file's dated values, as ``parameters.py`` writes them."""
    found = re.findall(r"^  (\d{4}-\d{2}-\d{2}):\n    value: (\w+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return [(dt.date.fromisoformat(day), None if value == "null" else int(value)) for day, value in found]


def _on(values: list[tuple[dt.date, int | None]], day: dt.date) -> int | None:
    return next((v for start, v in reversed(values) if start <= day), None)


@pytest.fixture(scope="module")
def parameters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("openfisca_parameters", _MODEL / "parameters.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("parameters")
    module.main(out)
    return out


@pytest.mark.parametrize(("act", "provision", "low", "high"), [
    ("2012-06-01", "cc1997_129_2", "fine_min", "fine_max"),
    ("2016-06-01", "cc2014_130_2", "fine_min", "fine_max"),
    ("2019-06-01", "cc2014_130_2", "fine_min", "fine_max"),
    ("2021-06-01", "aoc2014_73_3_2", "fine", "fine"),
])
def test_the_models_fines_are_the_assessments(parameters: Path, act: str, provision: str, low: str,
                                              high: str) -> None:
    day = dt.date.fromisoformat(act)
    node = parameters / "slander_public" / provision
    mci = _on(_values(parameters / "mci.yaml"), day)
    lowest, highest = _on(_values(node / f"{low}.yaml"), day), _on(_values(node / f"{high}.yaml"), day)
    assert mci is not None and lowest is not None and highest is not None
    record = brief_dict(assess(Incident(act_date=day, conduct="slander", channel="mass_media"),
                               day + dt.timedelta(days=30)))
    assert record["fine_kzt"] == {"min": lowest * mci, "max": highest * mci}


def test_each_provisions_values_end_where_the_next_begins(parameters: Path) -> None:
    """The model's formulas change on the first days of the provisions' parameters: each code's
    values stop (``null``) on the day the next one's start."""
    node = parameters / "slander_public"
    cc1997, cc2014 = _values(node / "cc1997_129_2" / "fine_max.yaml"), _values(node / "cc2014_130_2" / "fine_max.yaml")
    aoc = _values(node / "aoc2014_73_3_2" / "fine.yaml")
    assert cc1997[-1] == (cc2014[0][0], None) and cc2014[-1] == (aoc[0][0], None)
    assert all(a[0] < b[0] for values in (cc1997, cc2014, aoc) for a, b in itertools.pairwise(values))
