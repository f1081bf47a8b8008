"""The ``kzspeechlaw`` command line."""

from kzspeechlaw.cli.commands import build_parser, main

__all__ = ["build_parser", "main"]
