"""``python -m framelab``: the command line."""

import sys

from framelab.cli import main

sys.exit(main())
