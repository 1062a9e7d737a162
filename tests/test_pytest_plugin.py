"""The pytest plugin, as a host's test suite meets it: installed, it gives the fixtures with
no configuration, registers the ``shenpi-ci`` profile on request, and changes nothing else.

Each test writes a tiny host project with ``pytester`` and runs pytest on it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from shenpi.calendar import WorkCalendar
from shenpi.examples import ExampleCityPaths
from shenpi.jurisdiction import Jurisdiction

pytest_plugins = ["pytester"]

THREE_LINES = """
from hypothesis import given
from shenpi import testing as shenpi_st


@given(shenpi_st.jurisdictions(max_departments=2, max_applications=3))
def test_every_case_names_an_item_of_the_catalogue(world):
    items = {item.id for item in world.catalogue.items}
    assert all(case.item_ids[0] in items for case in world.applications)


def test_the_example_city_is_there(shenpi_example_city, shenpi_example_city_paths):
    assert len(shenpi_example_city.applications) == 3000
    assert shenpi_example_city_paths.reference.name == "reference.json"


def test_the_calendars_are_there(shenpi_calendar, shenpi_provisional_calendar):
    import datetime as dt

    assert str(shenpi_calendar.add_workdays(dt.date(2025, 9, 30), 1)) == "2025-10-09"
    assert shenpi_provisional_calendar.trace(dt.date(2026, 12, 20), 20).provisional
"""


def _host(pytester: pytest.Pytester, source: str) -> None:
    pytester.makepyfile(test_host=source)


def test_a_host_suite_uses_the_kit_with_nothing_but_an_import(pytester: pytest.Pytester) -> None:
    _host(pytester, THREE_LINES)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_the_fixtures_are_listed_with_session_scope(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--fixtures", "-p", "no:cacheprovider")
    for name in (
        "shenpi_example_city",
        "shenpi_example_city_paths",
        "shenpi_calendar",
        "shenpi_provisional_calendar",
    ):
        result.stdout.fnmatch_lines([f"{name} [[]session scope[]]*"])


def test_a_fixture_is_built_once_per_session(pytester: pytest.Pytester) -> None:
    _host(
        pytester,
        """
        seen = []

        def test_first(shenpi_example_city):
            seen.append(shenpi_example_city)

        def test_second(shenpi_example_city):
            assert seen[0] is shenpi_example_city
        """,
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_a_hosts_own_fixture_of_the_same_name_wins(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        """
        import pytest

        @pytest.fixture
        def shenpi_calendar():
            return "the host"
        """
    )
    _host(pytester, "def test_it(shenpi_calendar):\n    assert shenpi_calendar == 'the host'\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    _host(pytester, "def test_it(shenpi_calendar):\n    pass\n")
    result = pytester.runpytest("-p", "no:shenpi", "-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'shenpi_calendar' not found*"])


def test_the_ci_profile_is_loaded_when_pytest_is_asked_for_it(pytester: pytest.Pytester) -> None:
    _host(
        pytester,
        """
        from hypothesis import HealthCheck, settings

        def test_profile():
            assert settings.get_current_profile_name() == "shenpi-ci"
            assert settings.default.max_examples == 50
            assert settings.default.derandomize
            assert HealthCheck.too_slow in settings.default.suppress_health_check
        """,
    )
    # A subprocess: loading a profile changes Hypothesis's global settings.
    result = pytester.runpytest_subprocess(
        "--hypothesis-profile=shenpi-ci", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=1)


def test_the_plugin_loads_no_profile_by_itself(pytester: pytest.Pytester) -> None:
    _host(
        pytester,
        """
        from hypothesis import settings

        def test_profile():
            assert settings.get_current_profile_name() != "shenpi-ci"
        """,
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_starting_pytest_imports_neither_hypothesis_nor_the_model(tmp_path: Path) -> None:
    code = (
        "import sys, pytest\n"
        "HEAVY = {'hypothesis', 'shenpi.jurisdiction', 'shenpi.calendar', 'shenpi.examples'}\n"
        "class Spy:\n"
        "    def pytest_collection_finish(self, session):\n"
        "        plugin = session.config.pluginmanager.has_plugin('shenpi')\n"
        "        print('SPY', plugin, sorted(HEAVY & set(sys.modules)))\n"
        "pytest.main(['--co', '-q', '-p', 'no:cacheprovider'], plugins=[Spy()])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert "SPY True []" in out.stdout.splitlines()


# ====================================================================== in this very suite
def test_the_fixtures_give_the_documented_values(
    shenpi_example_city: Jurisdiction,
    shenpi_example_city_paths: ExampleCityPaths,
    shenpi_calendar: WorkCalendar,
    shenpi_provisional_calendar: WorkCalendar,
) -> None:
    assert shenpi_example_city.name == "青岚市"
    assert shenpi_example_city_paths.applications.is_file()
    assert shenpi_calendar.coverage == WorkCalendar.official().coverage
    assert shenpi_calendar.add_workdays(dt.date(2025, 9, 30), 1) == dt.date(2025, 10, 9)
    day = shenpi_provisional_calendar.add_workdays(dt.date(2026, 12, 20), 20)
    assert day > dt.date(2026, 12, 31)
