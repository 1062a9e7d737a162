"""The ``shenpi-ci`` Hypothesis profile: settings for host test suites that run in CI.

Importing this module imports nothing heavy (Hypothesis is imported when the settings are
built), so that the pytest plugin can name the profile at every pytest start for free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis import settings

CI_PROFILE = "shenpi-ci"
"""The name of the profile: ``pytest --hypothesis-profile=shenpi-ci``."""
CI_MAX_EXAMPLES = 50
"""Examples per test in the profile: enough to find the usual bugs in a host's mapping
and display code, few enough that a suite of world-drawing tests stays fast."""


def ci_settings() -> settings:
    """The settings of the ``shenpi-ci`` profile, as a ``hypothesis.settings`` object.

    Built on Hypothesis's ``default`` profile (not on whichever profile is loaded):

    - ``max_examples=50`` (:data:`CI_MAX_EXAMPLES`);
    - ``deadline=None``: drawing a whole world takes a few milliseconds, more on a busy
      CI machine, and the time is not the host's;
    - ``derandomize=True`` and ``database=None``: the same examples on every run, so a
      red build is never a matter of luck, and no example database left on the runner;
    - ``print_blob=True``: a failure prints the ``@reproduce_failure`` line to replay it;
    - the ``too_slow`` health check is suppressed: world strategies make many choices
      per example by design.

    Use it as a decorator (``@shenpi_st.ci_settings()``) or as the parent of a host's own
    profile (``settings.register_profile("ci", ci_settings(), max_examples=200)``).
    """
    from hypothesis import HealthCheck
    from hypothesis import settings as _settings

    return _settings(
        _settings.get_profile("default"),
        max_examples=CI_MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow],
    )


def register_ci_profile() -> str:
    """Register the ``shenpi-ci`` profile with Hypothesis (again, harmlessly, if it is
    registered) and return its name, without loading it.

    The pytest plugin registers it by itself when pytest runs with
    ``--hypothesis-profile=shenpi-ci``; call this to load it from a ``conftest.py``::

        settings.load_profile(shenpi_st.register_ci_profile())
    """
    from hypothesis import settings as _settings

    _settings.register_profile(CI_PROFILE, ci_settings())
    return CI_PROFILE
