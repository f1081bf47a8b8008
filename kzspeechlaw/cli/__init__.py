"""The ``kzspeechlaw`` command line."""

from kzspeechlaw.cli.commands import main
from kzspeechlaw.cli.parser import build_parser

__all__ = ["build_parser", "main"]
