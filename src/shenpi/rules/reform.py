"""REFORM: 实施步骤 — the reform's dated phases done on time and its acceptance check
passed (seed 五).
"""

from __future__ import annotations

from collections.abc import Iterator

from shenpi.reform import Milestone
from shenpi.rules.engine import Context, Finding, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import S5_2, S5_4, S5_5

FAMILY = (
    "改革步骤与验收",
    ("The reform plan's dated phases and its acceptance check (seed 五)."),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

_NOTES_REFORM001 = RuleNotes(
    (S5_2, S5_4),
    Example(
        ("D2's staff entered the hall on 15 December 2008, after phase 4 ended on the 10th:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", staff_entered_on=date(2008, 12, 15))
>>> print(check(world, as_of=as_of, select=["REFORM001"]).to_text())
REFORM001 [error] department D2: department D2 missed phase 4 (offices_enter, due 2008-12-10).
(seed 五: 工作步骤 (five dated phases))
1 finding, 1 error
""",
    ),
    Example(
        "Entered within phase 4:",
        """\
>>> world = amend(world, "offices", "D2.office", staff_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["REFORM001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "REFORM001",
    "missed-reform-phase",
    Severity.ERROR,
    basis="seed 五: 工作步骤 (five dated phases)",
    en="department {department} missed phase {phase} ({milestone}, due {due}).",
    zh="部门 {department} 未按期完成第 {phase} 阶段（{milestone}，截止 {due}）。",
    scope="world",
    notes=_NOTES_REFORM001,
)
def missed_reform_phase(ctx: Context) -> Iterator[Finding]:
    """A department that missed a dated phase of the reform plan: its office set up
    after the phase that sets offices up, or not fully in the hall (三进入) by the end of
    the phase in which offices enter.

    **Why.** Seed 五: the reform runs in five dated phases; phase 2 sets the offices up,
    phase 4 (2008-12-01 to 12-10) moves every office into the hall.

    **Fix.** Complete the step; the plan's acceptance check follows.
    """
    plan = ctx.jurisdiction.reform_plan
    if plan is None:
        return
    j = ctx.jurisdiction
    for phase in plan.phases:
        if phase.milestone not in (Milestone.OFFICES_SET_UP, Milestone.OFFICES_ENTER):
            continue
        if ctx.as_of <= phase.ends_on:
            continue
        for department in j.departments:
            if not (department.approval_powers or department.fee_powers):
                continue
            office = j.office_of(department.id)
            if phase.milestone is Milestone.OFFICES_SET_UP:
                done = (
                    office is not None
                    and office.established_on is not None
                    and office.established_on <= phase.ends_on
                )
            else:
                done = office is not None and office.entered(phase.ends_on)
            if not done:
                yield missed_reform_phase.finding(
                    Subject("department", department.id),
                    department_id=department.id,
                    department=department.id,
                    phase=phase.number,
                    milestone=phase.milestone,
                    due=phase.ends_on,
                )


_NOTES_REFORM002 = RuleNotes(
    (S5_5,),
    Example(
        "D1's acceptance check failed the seal point:",
        """\
>>> from datetime import date
>>> from shenpi.reform import AcceptancePoint
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> passed = [p for p in AcceptancePoint if p is not AcceptancePoint.SEAL]
>>> world = amend(tiny_world(), "acceptance_checks", "D1", passed=passed)
>>> print(check(world, as_of=as_of, select=["REFORM002"]).to_text())
REFORM002 [error] department D1: the acceptance check of 2008-12-20 did not pass: seal. (seed
五.5: 验收内容：机构、人员、职能职责、项目、审批专用章落实情况；简化后的审批流程和相关制度)
1 finding, 1 error
""",
    ),
    Example(
        "The check passed every point of the plan:",
        """\
>>> world = amend(world, "acceptance_checks", "D1", passed=list(AcceptancePoint))
>>> print(check(world, as_of=as_of, select=["REFORM002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "REFORM002",
    "acceptance-point-failed",
    Severity.ERROR,
    basis="seed 五.5: 验收内容：机构、人员、职能职责、项目、审批专用章落实情况；"
    "简化后的审批流程和相关制度",
    en="the acceptance check of {checked} did not pass: {failed}.",
    zh="{checked} 验收未通过：{failed}。",
    scope="world",
    notes=_NOTES_REFORM002,
)
def acceptance_point_failed(ctx: Context) -> Iterator[Finding]:
    """An acceptance check (验收) that did not pass every point of the plan.

    **Why.** Seed 五.5: the leading group checks institution, staff, functions, items,
    seal, the simplified procedure and the rules.

    **Fix.** Remedy the failed points and check again.
    """
    plan = ctx.jurisdiction.reform_plan
    if plan is None:
        return
    for check in ctx.jurisdiction.acceptance_checks:
        failed = check.failed(plan)
        if failed:
            yield acceptance_point_failed.finding(
                Subject("department", check.department_id),
                department_id=check.department_id,
                checked=check.checked_on,
                failed=", ".join(point.value for point in failed),
            )


RULES = (
    missed_reform_phase,
    acceptance_point_failed,
)
"""The family's rules."""
