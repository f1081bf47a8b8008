"""Test configuration for every test path (tests, the docs' and the README's examples): the text
output in English, whatever the locale or KZSPEECHLAW_LANG of the machine running them, so that
the examples read as written. Subprocesses inherit it; a test of the language choice sets its own."""

import os

os.environ["KZSPEECHLAW_LANG"] = "en"
