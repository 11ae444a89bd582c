"""``python -m budget``: the command line (see budget/application/cli.py)."""

import sys

from budget.application.cli import main

if __name__ == "__main__":
    sys.exit(main())
