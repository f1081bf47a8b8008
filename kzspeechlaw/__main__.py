"""``python -m kzspeechlaw``: the command line."""

import sys

from kzspeechlaw.cli.commands import main

sys.exit(main())
