"""Run the test suite of a fictional host system written with shenpi's testing kit.

``examples/host_system`` is a tiny e-government system (``hall_desk.py``: a monthly
export, a confirm button, a deadline display) and its tests (``test_host.py``), which use
the kit's fixtures and strategies for three stories: the export is valid, the UI refuses
what ``guard`` refuses, the deadline display agrees with shenpi. See ``docs/testing.md``.

    python examples/testing_kit.py

runs them as a host's CI would, with the kit's Hypothesis profile, and exits with
pytest's status.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HOST = Path(__file__).resolve().parent / "host_system"


def main() -> int:
    """Run the host's tests with the ``shenpi-ci`` profile; pytest's exit status."""
    return int(pytest.main(["-q", "--hypothesis-profile=shenpi-ci", str(HOST)]))


if __name__ == "__main__":
    sys.exit(main())
