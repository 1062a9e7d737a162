"""Importing shenpi is cheap: no calendar data, no NumPy, no lunar tables at import."""

from __future__ import annotations

import subprocess
import sys


def test_import_reads_no_calendar_data() -> None:
    code = (
        "import sys, shenpi, shenpi.calendar\n"
        "heavy = {'chinese_calendar', 'lunardate', 'numpy', 'holidays', 'cattrs'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_public_names_are_reexported() -> None:
    import shenpi
    import shenpi.calendar

    for name in shenpi.__all__:
        assert hasattr(shenpi, name), name
    for name in shenpi.calendar.__all__:
        assert hasattr(shenpi.calendar, name), name
