"""``python -m kzspeechlaw``: the command line."""

import sys

from kzspeechlaw.cli import main

sys.exit(main())
