"""The public contract (``/docs/api.md``, "Bad input and limits"; the package's exported names) as
a program that imports the library sees it: precise types for ``mypy --strict``, a ``LawError`` for
every value the library cannot use, stable JSON, answers independent of call order and caches."""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from pathlib import Path

import pytest

import kzspeechlaw as kz

ROOT = Path(__file__).resolve().parents[1]
DAY = dt.date(2020, 6, 19)


# --- types for mypy --strict ------------------------------------------------------------------------


def test_documented_example_type_checks_under_mypy_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first example of the contract, ``kz.to_tenge(5 * kz.ureg.MCI, on=...)``, must type-check
    in a ``mypy --strict`` program, and the public quantities must be pint quantities, not ``Any``
    (``kz.mci(on) -> Quantity[KZT]``, ``Sanction.minimum`` a ``Quantity`` or ``None``)."""
    api = pytest.importorskip("mypy.api")
    monkeypatch.setenv("MYPYPATH", str(ROOT))  # this checkout's package, whatever is installed
    program = tmp_path / "user.py"
    program.write_text(textwrap.dedent("""\
        import datetime as dt
        import kzspeechlaw as kz

        on = dt.date(2020, 6, 19)
        fine = 5 * kz.ureg.MCI
        reveal_type(kz.ureg)
        reveal_type(kz.mci(on))
        reveal_type(kz.to_tenge(fine, on=on))
        reveal_type(kz.ureg.Quantity(5, "MCI"))
        reveal_type(kz.provision("CC2014 131(2)", on).sanctions[0].maximum)
    """), encoding="utf-8")
    out, err, status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(program)])
    assert status == 0 and ": error:" not in out, out + err
    revealed = [line.split('Revealed type is "', 1)[1].rstrip('"') for line in out.splitlines()
                if "Revealed type is" in line]
    assert len(revealed) == 5, out
    assert "UnitRegistry" in revealed[0]
    assert all("Quantity" in t for t in revealed[1:]), revealed
    assert all(not t.startswith("Any") for t in revealed), revealed


# --- amounts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("magnitude", [1e308, 1.5e306, float.fromhex("0x1.fffffffffffffp+1023")])
def test_to_tenge_refuses_an_amount_whose_tenge_is_infinite(magnitude: float) -> None:
    """1e308 MCI at 2,778 tenge (the MCI from 1 April 2020) is no finite float: the answer was
    ``inf KZT``, a confident number that is none. The contract: "a finite amount" or an AmountError
    naming the value."""
    with pytest.raises(kz.AmountError, match="finite") as caught:
        kz.to_tenge(magnitude * kz.ureg.MCI, on=DAY)
    assert repr(magnitude)[:6] in str(caught.value) or f"{magnitude:g}"[:4] in str(caught.value)


def test_to_tenge_keeps_large_finite_amounts_exact() -> None:
    """A large whole amount stays exact (Python's integers), a large finite float stays finite."""
    assert kz.to_tenge(10**30 * kz.ureg.MCI, on=DAY).magnitude == 2778 * 10**30
    assert math.isfinite(kz.to_tenge(1e300 * kz.ureg.MCI, on=DAY).magnitude)
