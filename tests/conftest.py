"""Shared test setup: Hypothesis profiles and the official calendar.

HYPOTHESIS_PROFILE selects the profile: ``ci`` (default, fast), ``dev`` (more examples)
or ``nightly`` (digs deep).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from shenpi.calendar import WorkCalendar

settings.register_profile("ci", max_examples=60, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=400, deadline=None)
settings.register_profile(
    "nightly", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def official() -> WorkCalendar:
    return WorkCalendar.official()


@pytest.fixture(scope="session")
def provisional() -> WorkCalendar:
    return WorkCalendar.official(unannounced="statutory")
