"""``python -m shenpi``: the ``shenpi`` command line (see :mod:`shenpi.cli`)."""

from __future__ import annotations

import sys

from shenpi.cli import main

if __name__ == "__main__":
    sys.exit(main())
