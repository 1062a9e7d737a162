"""The reform plan: its phases and dates, and the acceptance check (验收) at its end.

Seed 五: 47 departments with approval or fee powers, 34 of them already (partly) in the
hall; five phases from 2008-10-24 to 2008-12-30, the last being the leading group's
acceptance check of institution, staff, functions, items and the dedicated seal, and of
the simplified procedure and the rules made for it.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue

__all__ = [
    "SEED_PLAN",
    "AcceptanceCheck",
    "AcceptancePoint",
    "Milestone",
    "ReformPhase",
    "ReformPlan",
]


class Milestone(enum.Enum):
    """What a phase must have achieved by its last day (the rules check these)."""

    PLANS_FILED = "plans_filed"
    """各部门改革方案报送"""
    OFFICES_SET_UP = "offices_set_up"
    """审批办公室职能、编制核定 (office established)"""
    WINDOWS_READY = "windows_ready"
    """窗口调整"""
    OFFICES_ENTER = "offices_enter"
    """审批办公室全部进入行政服务中心 (三进入 complete)"""
    ACCEPTANCE = "acceptance"
    """验收"""


class AcceptancePoint(enum.Enum):
    """What the acceptance check (验收) looks at (seed 五.5)."""

    INSTITUTION = "institution"
    """机构"""
    STAFF = "staff"
    """人员"""
    FUNCTIONS = "functions"
    """职能职责"""
    ITEMS = "items"
    """项目"""
    SEAL = "seal"
    """审批专用章"""
    PROCEDURE = "procedure"
    """简化后的审批流程"""
    RULES = "rules"
    """相关制度"""


@attrs.frozen
class ReformPhase:
    """One dated phase of the plan, both days included."""

    number: int = attrs.field(validator=f.count)
    starts_on: _dt.date = attrs.field(validator=f.day)
    ends_on: _dt.date = attrs.field(validator=f.day)
    task_zh: str = attrs.field(validator=f.required_text)
    task_en: str = attrs.field(validator=f.required_text)
    milestone: Milestone | None = attrs.field(default=None, validator=f.optional_member(Milestone))

    def __attrs_post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise InvalidValue("ends_on", self.ends_on, "is before starts_on.", "结束早于开始。")


@attrs.frozen
class ReformPlan:
    """A reform plan: its phases, the departments it covers, and the acceptance points."""

    title: str = attrs.field(validator=f.required_text)
    phases: tuple[ReformPhase, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.instance_of(ReformPhase))
    )
    departments_total: int = attrs.field(validator=f.count)
    departments_in_hall_at_start: int = attrs.field(validator=f.count)
    acceptance_points: tuple[AcceptancePoint, ...] = attrs.field(
        default=tuple(AcceptancePoint),
        converter=f.as_tuple,
        validator=f.each(f.member(AcceptancePoint)),
    )

    def __attrs_post_init__(self) -> None:
        for i, (before, after) in enumerate(zip(self.phases, self.phases[1:], strict=False)):
            if after.starts_on <= before.ends_on:
                raise InvalidValue(
                    f"phases[{i + 1}].starts_on",
                    after.starts_on,
                    "overlaps the phase before it.",
                    "与前一阶段重叠。",
                )
        if self.departments_in_hall_at_start > self.departments_total:
            raise InvalidValue(
                "departments_in_hall_at_start",
                self.departments_in_hall_at_start,
                "exceeds departments_total.",
                "超过部门总数。",
            )

    def phase_on(self, on: _dt.date) -> ReformPhase | None:
        """The phase under way on ``on``, if any."""
        return next((p for p in self.phases if p.starts_on <= on <= p.ends_on), None)


@attrs.frozen
class AcceptanceCheck:
    """The acceptance check of one department: each point passed or not, on a day."""

    department_id: str = attrs.field(validator=f.ident)
    checked_on: _dt.date = attrs.field(validator=f.day)
    passed: tuple[AcceptancePoint, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.member(AcceptancePoint))
    )
    remarks: str = attrs.field(default="", validator=f.text)

    def failed(self, plan: ReformPlan) -> tuple[AcceptancePoint, ...]:
        """The plan's points this check did not pass."""
        return tuple(p for p in plan.acceptance_points if p not in self.passed)


def _phase(
    number: int,
    start: tuple[int, int],
    end: tuple[int, int],
    zh: str,
    en: str,
    milestone: Milestone,
) -> Any:
    return ReformPhase(number, _dt.date(2008, *start), _dt.date(2008, *end), zh, en, milestone)


SEED_PLAN = ReformPlan(
    title="行政审批权相对集中改革工作实施方案 (2008)",
    departments_total=47,
    departments_in_hall_at_start=34,
    phases=(
        _phase(
            1,
            (10, 24),
            (11, 15),
            "制定本部门改革工作方案，11月15日前报市政府政务公开办",
            "each department drafts its reform plan and files it by 15 November",
            Milestone.PLANS_FILED,
        ),
        _phase(
            2,
            (11, 16),
            (11, 25),
            "完成审批办公室职能、人员编制调整核定；完成项目进厅审核和流程再造",
            "office functions and staffing approved; items reviewed and procedures redesigned",
            Milestone.OFFICES_SET_UP,
        ),
        _phase(
            3,
            (11, 26),
            (11, 30),
            "政务公开办调整行政服务中心窗口",
            "the hall's windows rearranged for the offices",
            Milestone.WINDOWS_READY,
        ),
        _phase(
            4,
            (12, 1),
            (12, 10),
            "各部门行政审批办公室全部进入行政服务中心",
            "every department's approval office enters the hall",
            Milestone.OFFICES_ENTER,
        ),
        _phase(
            5,
            (12, 11),
            (12, 30),
            "领导小组组织验收",
            "the leading group's acceptance check",
            Milestone.ACCEPTANCE,
        ),
    ),
)
"""The seed's plan: 47 departments, 34 in the hall at the start, five phases in 2008."""
