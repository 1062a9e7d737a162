"""Seals: the dedicated approval seal (行政审批专用章) and the seals it replaces.

Seed 三(六): once a department's approval office is approved, every item handled in the
hall (sub-centers included) uses the department's dedicated approval seal, except where
a law or regulation provides otherwise, and the approval seals used before are
abolished at the same time (原使用的行政审批用章同时废止).
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue

__all__ = ["Seal", "SealKind"]


class SealKind(enum.Enum):
    """What a seal is."""

    DEDICATED_APPROVAL = "dedicated_approval"
    """行政审批专用章: the one seal approvals use after the reform."""
    DEPARTMENT = "department"
    """部门公章: the department's official seal, used for approvals before the reform."""
    SECTION_APPROVAL = "section_approval"
    """科室审批章: a section's approval seal, replaced by the dedicated seal."""
    OTHER_APPROVAL = "other_approval"
    """Any other seal once used for approvals."""


@attrs.frozen
class Seal:
    """A seal with its registry number (备案号) and the days it was activated and abolished."""

    id: str = attrs.field(validator=f.ident)
    department_id: str = attrs.field(validator=f.ident)
    kind: SealKind = attrs.field(validator=f.member(SealKind))
    name: str = attrs.field(validator=f.required_text)
    registry_number: str = attrs.field(default="", validator=f.text)
    activated_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    abolished_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)

    def __attrs_post_init__(self) -> None:
        if (
            self.activated_on is not None
            and self.abolished_on is not None
            and self.abolished_on < self.activated_on
        ):
            raise InvalidValue(
                "abolished_on",
                self.abolished_on,
                f"is before activated_on={self.activated_on}.",
                "废止日期早于启用日期。",
            )

    def active(self, on: _dt.date) -> bool:
        """Whether the seal may be used on ``on``: activated by then and not yet abolished."""
        if self.activated_on is None or on < self.activated_on:
            return False
        return self.abolished_on is None or on < self.abolished_on
