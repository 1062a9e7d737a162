"""REFORM: the reform plan not carried out. A department that missed a dated phase (its
approval office set up late, or one of its 三进入 completed only after the phase in which
offices enter the hall), and an acceptance check (验收) that did not pass one or more of
the plan's points.
"""

from __future__ import annotations

from typing import Any

import attrs

from shenpi.jurisdiction import Jurisdiction
from shenpi.reform import Milestone
from shenpi.rules.engine import Subject
from shenpi.testing.mutators._edit import (
    _DAY,
    Injection,
    _approval_offices,
    _Choices,
    _done,
    _mutator,
    _no_target,
    _phase,
    _replace,
)


@_mutator("REFORM001")
def _missed_reform_phase(world: Jurisdiction, ch: _Choices) -> Injection:
    """A department that missed one dated phase: its office set up after the phase that
    sets offices up, or one of its 三进入 completed only after the phase in which offices
    enter the hall (but before the audit)."""
    set_up = _phase(world, Milestone.OFFICES_SET_UP)
    enter = _phase(world, Milestone.OFFICES_ENTER)
    offices = _approval_offices(world)
    if not offices or (set_up is None and enter is None):
        raise _no_target("REFORM001", "office and reform plan")
    office = ch.pick(offices)
    if enter is None or (set_up is not None and ch.flag()):
        assert set_up is not None
        late = ch.pick((None, set_up.ends_on + _DAY * ch.integer(1, 20)))
        changed = attrs.evolve(office, established_on=late)
    else:
        attribute = ch.pick(("institution_entered_on", "staff_entered_on", "items_entered_on"))
        changes: dict[str, Any] = {attribute: enter.ends_on + _DAY * ch.integer(1, 20)}
        changed = attrs.evolve(office, **changes)
    after = attrs.evolve(world, offices=_replace(world.offices, office, changed))
    return _done("REFORM001", world, after, Subject("department", office.department_id))


@_mutator("REFORM002")
def _acceptance_point_failed(world: Jurisdiction, ch: _Choices) -> Injection:
    """An acceptance check (验收) that did not pass one or more of the plan's points."""
    plan = world.reform_plan
    checks = [x for x in world.acceptance_checks if plan is not None and not x.failed(plan)]
    if plan is None or not checks or not plan.acceptance_points:
        raise _no_target("REFORM002", "passed acceptance check")
    check = ch.pick(checks)
    failed = ch.pick(plan.acceptance_points)
    # One point fails, and perhaps others with it.
    passed = tuple(p for p in check.passed if p is not failed and not ch.flag())
    changed = attrs.evolve(check, passed=passed)
    after = attrs.evolve(world, acceptance_checks=_replace(world.acceptance_checks, check, changed))
    return _done("REFORM002", world, after, Subject("department", check.department_id))
