"""Allow ``python -m customs_facilitation``."""

import sys

from .cli import main

sys.exit(main())
