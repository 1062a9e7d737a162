"""pytest plugin of the shenpi testing kit: fixtures for host systems' test suites.

Installed with shenpi and loaded by pytest automatically (the ``pytest11`` entry point
``shenpi``); nothing to import or configure. It changes nothing unless a test asks for one
of its fixtures, and it imports nothing heavy until then:

- ``shenpi_example_city`` (session): the bundled example city, 青岚市, a
  :class:`~shenpi.jurisdiction.Jurisdiction` (:func:`shenpi.examples.load_example_city`);
- ``shenpi_example_city_paths`` (session): its files
  (:func:`shenpi.examples.example_city_paths`);
- ``shenpi_calendar`` (session): :meth:`WorkCalendar.official()
  <shenpi.calendar.WorkCalendar.official>`;
- ``shenpi_provisional_calendar`` (session):
  ``WorkCalendar.official(unannounced="statutory")``.

Every value is immutable, so one per session is safe to share, and session scope lets
Hypothesis tests (``@given``) use them.

The plugin also makes ``pytest --hypothesis-profile=shenpi-ci`` work: it registers the
profile (:func:`shenpi.testing.ci_settings`) just before Hypothesis loads it. It never
loads the profile by itself: the host's settings stay the host's.

To turn the plugin off: ``pytest -p no:shenpi``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from shenpi.testing._profile import CI_PROFILE, register_ci_profile

if TYPE_CHECKING:
    from shenpi.calendar import WorkCalendar
    from shenpi.examples import ExampleCityPaths
    from shenpi.jurisdiction import Jurisdiction

__all__ = [
    "pytest_configure",
    "shenpi_calendar",
    "shenpi_example_city",
    "shenpi_example_city_paths",
    "shenpi_provisional_calendar",
]


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Register the ``shenpi-ci`` profile when pytest was asked to load it, before
    Hypothesis's own plugin loads the profile named by ``--hypothesis-profile``."""
    if config.getoption("--hypothesis-profile", default=None) == CI_PROFILE:
        register_ci_profile()


@pytest.fixture(scope="session")
def shenpi_example_city() -> Jurisdiction:
    """The bundled example city, 青岚市: 47 departments, two catalogue versions, 3,000
    cases from 2024 to 2026, a few percent of which break a rule on purpose."""
    from shenpi.examples import load_example_city

    return load_example_city()


@pytest.fixture(scope="session")
def shenpi_example_city_paths() -> ExampleCityPaths:
    """The files of the bundled city: ``reference`` (JSON), ``applications`` (gzip JSON
    Lines) and ``violations`` (the answer key: which record breaks which rule)."""
    from shenpi.examples import example_city_paths

    return example_city_paths()


@pytest.fixture(scope="session")
def shenpi_calendar() -> WorkCalendar:
    """The official working-day calendar (published arrangements, 2004-2026); a day
    outside its data raises ``CalendarDataMissing``."""
    from shenpi.calendar import WorkCalendar

    return WorkCalendar.official()


@pytest.fixture(scope="session")
def shenpi_provisional_calendar() -> WorkCalendar:
    """The official calendar extended by the statutory projection of unannounced years;
    every answer that touches a projected day says it is provisional."""
    from shenpi.calendar import WorkCalendar

    return WorkCalendar.official(unannounced="statutory")
