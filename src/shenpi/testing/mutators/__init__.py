"""Targeted violations: one mutator per rule code, and strategies for worlds that break one rule.

A mutator takes a world with no findings (one drawn by :func:`jurisdictions`) and makes
the smallest change that breaks exactly its rule: auditing the result yields exactly one
finding, of that code, about the subject the :class:`Injection` names, and no finding of
any other rule::

    from shenpi.rules import check
    from shenpi.testing import inject, violations

    injection = inject(world, "SEAL002", random.Random(7))
    report = check(injection.world, as_of=injection.as_of)
    assert [(f.code, f.subject) for f in report] == [("SEAL002", injection.subject)]

    @given(violations("TIME004"))
    def test_my_dashboard_shows_late_decisions(injection): ...

Where the world holds nothing to break (no decided case, no fee payment, no old seal),
the mutator first adds what a lawful world could hold (a lawful case decided in the hall,
a lawful fee standard, an old seal abolished on time) and reports that world as
:attr:`Injection.before`, which still has no findings. A mutator that cannot inject into
a world at all (``SEAL003`` needs two departments) raises :class:`NoTarget`.

Choices (which case, which day, which variant) come from ``data``: a Hypothesis
``st.data()`` object inside a test, a ``random.Random``, or ``None`` for the first of
every choice.

The package mirrors the rule families: one module per family holds its mutators
(:mod:`~shenpi.testing.mutators.hall`, :mod:`~shenpi.testing.mutators.auth`,
:mod:`~shenpi.testing.mutators.seal`, :mod:`~shenpi.testing.mutators.time`,
:mod:`~shenpi.testing.mutators.fee`, :mod:`~shenpi.testing.mutators.cat`,
:mod:`~shenpi.testing.mutators.reform`, :mod:`~shenpi.testing.mutators.sup`) and the
helpers only that family uses; ``_edit`` holds what they share (the registry,
:func:`inject` and the strategies, the source of choices, the helpers that edit a world,
read a case's :class:`~shenpi.timeline.Timeline` and add lawful facts to host a
violation). Importing the package registers every mutator; :data:`MUTATORS` lists them in
rule-code order.
"""

from __future__ import annotations

# Importing the family modules registers their mutators.
from shenpi.testing.mutators import auth, cat, fee, hall, reform, seal, sup, time  # noqa: F401

# The public names (``__all__``), and, importable as before: the constants, the type of
# ``data`` and the helper that puts a case into a world.
from shenpi.testing.mutators._edit import AUDIT_AFTER as AUDIT_AFTER
from shenpi.testing.mutators._edit import HOST_MARGIN as HOST_MARGIN
from shenpi.testing.mutators._edit import (
    MUTATORS,
    Injection,
    Mutator,
    NoTarget,
    audit_day,
    inject,
    violations,
    worlds_with,
)
from shenpi.testing.mutators._edit import Data as Data
from shenpi.testing.mutators._edit import _with_case as _with_case

__all__ = [
    "MUTATORS",
    "Injection",
    "Mutator",
    "NoTarget",
    "audit_day",
    "inject",
    "violations",
    "worlds_with",
]
