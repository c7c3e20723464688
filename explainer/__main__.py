"""``python -m explainer`` — see ``explainer.cli``."""

import sys

from explainer.cli import main

sys.exit(main(sys.argv[1:]))
