"""``python -m resumefmt``: the same as the ``resumefmt`` command."""

import sys

from resumefmt.cli import main

sys.exit(main())
