"""Shell commands shown in ```sh blocks of docs/*.md run as shown.

Python examples in the docs run as doctests (pytest --doctest-glob); commands a reader types at
a shell are checked here: `kzspeechlaw ...` through the CLI's entry point, `python
examples/...` as a subprocess. Install and site-building commands (pip, mkdocs) are what CI
runs (.ci/run), so they are only checked to be of that kind.
"""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from kzspeechlaw.cli.commands import main

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def commands() -> list[tuple[str, str]]:
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                command = line.split("  #", 1)[0].strip()
                if command:
                    found.append((page.name, command))
    return found


COMMANDS = commands()


def test_the_docs_have_shell_commands() -> None:
    assert any(c.startswith("kzspeechlaw ") for _, c in COMMANDS)


@pytest.mark.parametrize(("page", "command"), COMMANDS, ids=[f"{p}: {c}" for p, c in COMMANDS])
def test_command(page: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:
    argv = shlex.split(command)
    if argv[0] == "kzspeechlaw":
        if "--plot" in argv:
            pytest.importorskip("matplotlib")
        monkeypatch.chdir(tmp_path)  # files a command writes land in a scratch directory
        assert main(argv[1:]) == 0, capsys.readouterr().err
    elif argv[:2] == ["python", "examples/" + Path(argv[1]).name]:
        done = subprocess.run([sys.executable, str(ROOT / argv[1]), *argv[2:]], capture_output=True,
                              text=True, timeout=120, check=False, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    else:
        assert argv[0] in ("pip", "mkdocs"), f"{page}: no test runs {command!r}"
