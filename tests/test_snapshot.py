"""Every modelled part's sanctions on the first day of every month 1998-2026, against the committed
snapshot ``tests/snapshots/sanctions.json`` (written by ``tests/snapshots/make.py``).

A difference is either a mistake or a deliberate change of the data: after a deliberate change,
regenerate the snapshot and review its diff with the change.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).parent / "snapshots"
HOW = "PYTHONPATH=$PWD python tests/snapshots/make.py"


def make() -> ModuleType:
    spec = importlib.util.spec_from_file_location("snapshot_make", HERE / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sanctions_match_the_snapshot() -> None:
    committed = json.loads((HERE / "sanctions.json").read_text(encoding="utf-8"))
    script = make()
    current = json.loads(script.dumps(script.runs()))
    changed = sorted(ref for ref in committed.keys() | current.keys() if committed.get(ref) != current.get(ref))
    assert not changed, (
        f"the sanctions of {len(changed)} part(s) differ from tests/snapshots/sanctions.json: "
        f"{', '.join(changed[:10])}{' ...' if len(changed) > 10 else ''}. If the data changed on purpose, "
        f"regenerate the snapshot with `{HOW}` and review its diff; otherwise the change is a mistake."
    )


def test_snapshot_covers_every_code_and_the_whole_period() -> None:
    """The snapshot is not empty and spans 1998-2026: every code, the 1997 Code from the first month."""
    committed = json.loads((HERE / "sanctions.json").read_text(encoding="utf-8"))
    assert {ref.split()[0] for ref in committed} == {"CC1997", "CC2014", "AOC2014"}
    assert all(runs[0][0] == "1998-01" for runs in committed.values())
    assert any(runs[0][1] is not None for ref, runs in committed.items() if ref.startswith("CC1997"))
