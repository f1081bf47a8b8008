"""The package's layers import only downward (the architecture in docs/api.md and the README).

From the bottom: the foundation (errors, units, citations, dates, caches, output files, the
message catalogues and the vocabulary's words), the law
as data (``law/``), the JSON forms (``export``), the reasoning over facts (``reasoning/``), many
incidents at once (``registers/``), charts (``charts/``), the web page (``web/``) and the command
line (``cli/``, which may start the web server); the last three may use the package's public
names. A module may import its own layer or lower ones,
anywhere in the module (imports inside functions too); imports only for type checking are exempt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kzspeechlaw"
LAYERS = {
    "errors": 0, "units": 0, "refs": 0, "dates": 0, "memo": 0, "outfile": 0, "i18n": 0, "terms": 0,
    "law": 1, "export": 2, "timelines": 2, "reasoning": 3, "registers": 4, "charts": 5, "web": 6, "cli": 7,
}


PUBLIC_API = 4.5
"""The names of ``kzspeechlaw/__init__.py``, which gathers the layers up to ``registers``: the
charts, the web page and the command line sit on it."""


def layer(module: str) -> float | None:
    """The layer of ``kzspeechlaw.<first part>...`` (a public name of the package: :data:`PUBLIC_API`)."""
    parts = module.split(".")
    if parts[0] != "kzspeechlaw" or len(parts) == 1:
        return None
    return LAYERS.get(parts[1], PUBLIC_API)


def runtime_imports(path: Path) -> list[str]:
    """The ``kzspeechlaw`` modules a file imports outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
               for child in node.body for n in ast.walk(child)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kzspeechlaw"):
            found += [f"{node.module}.{a.name}" if node.module == "kzspeechlaw" else node.module for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("kzspeechlaw")]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py" and p != PACKAGE / "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_imports_go_down(path: Path) -> None:
    own = layer("kzspeechlaw." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert own is not None
    upward = [m for m in runtime_imports(path) if (layer(m) or 0) > own]
    assert not upward, f"{path.relative_to(PACKAGE)} (layer {own}) imports upward: {upward}"


def test_every_module_is_in_a_layer() -> None:
    assert {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES} <= set(LAYERS)
