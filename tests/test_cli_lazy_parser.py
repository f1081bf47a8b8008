"""The command line's parser builds a command's arguments only when that command is looked up: the
help lists every command without building any, a run builds the one it runs, and a documentation
tool that walks the choices gets every parser whole, in the language the parser was made in."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzspeechlaw import i18n
from kzspeechlaw.cli import parser as cli_parser
from kzspeechlaw.cli.commands import HANDLERS

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["show", "history", "mci", "compare", "classify", "assess", "check-sentence", "coverage", "timeline",
         "batch", "serve", "tally"]  # as the help lists them


def _commands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _built(parser: argparse.ArgumentParser) -> set[str]:
    choices = _commands(parser).choices
    assert isinstance(choices, cli_parser._Commands)
    return set(choices._built)


def test_the_help_lists_every_command_and_builds_none() -> None:
    parser = cli_parser.build_parser()
    with contextlib.redirect_stdout(io.StringIO()) as out, pytest.raises(SystemExit):
        parser.parse_args(["--help"])
    for name in HANDLERS:
        assert f"\n    {name} " in out.getvalue()
    assert _built(parser) == set()


def test_a_run_builds_the_command_it_runs() -> None:
    parser = cli_parser.build_parser()
    args = parser.parse_args(["show", "CC2014 130(3)", "--on", "2019-09-23", "--json"])
    assert (args.command, args.ref, args.json, args.lang) == ("show", "CC2014 130(3)", True, None)
    assert _built(parser) == {"show"}


def test_an_unknown_command_names_every_command() -> None:
    parser = cli_parser.build_parser()
    with contextlib.redirect_stderr(io.StringIO()) as err, pytest.raises(SystemExit):
        parser.parse_args(["shwo"])
    assert "invalid choice: 'shwo' (choose from " + ", ".join(repr(n) for n in ORDER) + ")" in err.getvalue()
    assert _built(parser) == set()


def test_walking_the_choices_gives_every_parser_whole() -> None:
    parser = cli_parser.build_parser()
    choices = _commands(parser).choices
    assert isinstance(choices, cli_parser._Commands)
    walked = dict(choices.items())
    assert list(walked) == ORDER and set(ORDER) == set(HANDLERS) and len(choices) == len(ORDER)
    assert all(isinstance(p, argparse.ArgumentParser) for p in walked.values())
    assert walked["check-sentence"].prog == "kzspeechlaw check-sentence"
    options = {a.dest for a in walked["check-sentence"]._actions}
    assert {"conduct", "decided_on", "sentence", "json", "lang", "young_children"} <= options
    assert choices["show"] is walked["show"]  # built once
    assert "nothing" not in choices
    with pytest.raises(KeyError):
        choices["nothing"]


def test_a_command_is_built_in_the_language_of_the_parser() -> None:
    with i18n.use("ru"):
        parser = cli_parser.build_parser()
    russian = i18n.gettext("date, YYYY-MM-DD or DD.MM.YYYY", "ru")
    assert russian != "date, YYYY-MM-DD or DD.MM.YYYY"  # translated in the catalogue
    choices = _commands(parser).choices
    assert isinstance(choices, cli_parser._Commands)
    show = choices["show"]
    assert russian in show.format_help()


def _modules_after(*argv: str) -> set[str]:
    """The package's modules, and attrs, dateutil and pint where imported, at the end of
    ``python -m kzspeechlaw ARGV`` in a fresh interpreter."""
    code = ("import atexit, json, runpy, sys\n"
            "atexit.register(lambda: print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('kzspeechlaw', 'attr', 'attrs', 'dateutil', 'pint'))), file=sys.stderr))\n"
            "sys.argv = ['kzspeechlaw', *sys.argv[1:]]\n"
            "runpy.run_module('kzspeechlaw', run_name='__main__', alter_sys=True)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True)
    found: list[str] = json.loads(done.stderr.splitlines()[-1])
    return set(found)


def test_the_help_imports_the_parser_and_the_language_alone() -> None:
    light = {"kzspeechlaw", "kzspeechlaw.cli", "kzspeechlaw.cli.commands", "kzspeechlaw.cli.parser",
             "kzspeechlaw.i18n"}
    assert _modules_after("--help") == light
    assert _modules_after("show", "--help") == light
    assert _modules_after("assess", "--help") - light == {"kzspeechlaw.law", "kzspeechlaw.law.facts"}


@pytest.mark.parametrize("stop", ["interrupted run", "ctrl-c", "fault"])
def test_main_reports_a_stop_without_the_batch_modules_at_hand(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str], stop: str) -> None:
    from kzspeechlaw.cli import batching, commands

    def stopped(args: argparse.Namespace) -> None:
        if stop == "interrupted run":
            raise batching.Interrupted("interrupted after 5 rows")
        if stop == "ctrl-c":
            raise KeyboardInterrupt
        raise RuntimeError("a fault")

    monkeypatch.setitem(commands.HANDLERS, "coverage", stopped)
    monkeypatch.delenv("KZSPEECHLAW_DEBUG", raising=False)
    code = commands.main(["coverage"])
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    if stop == "interrupted run":
        assert (code, err) == (130, "kzspeechlaw: interrupted after 5 rows\n")
    elif stop == "ctrl-c":
        assert (code, err) == (130, "kzspeechlaw: interrupted\n")
    else:
        assert code == 1 and err.startswith("kzspeechlaw: internal error (RuntimeError('a fault'))")


def test_argparse_own_words_in_the_language_asked_and_restored_after(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from kzspeechlaw.cli.commands import main

    before = argparse._  # type: ignore[attr-defined]
    assert main(["show", "--help", "--lang", "kk"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("қолданылуы: kzspeechlaw show") and "позициялық аргументтер:" in out
    assert "осы анықтаманы көрсетіп, шығу" in out and "positional" not in out
    assert main(["show", "--lang", "ru"]) == 2
    err = capsys.readouterr().err
    assert err == "kzspeechlaw: ошибка: обязательны следующие аргументы: ref, --on\n"
    assert argparse._ is before  # type: ignore[attr-defined]
    assert main(["show", "--help", "--lang", "en"]) == 0
    assert "positional arguments:" in capsys.readouterr().out
