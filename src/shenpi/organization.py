"""The organization of the hall (行政服务中心): sites, windows, departments, offices, people.

Seed 三(一): one comprehensive hall connected to the provincial and municipal halls;
三(三)-(四): each department concentrates its approvals in one approval office
(行政审批办公室), and its sections turn to planning, policy and supervision; 三(七): the
office's institution, staff and items all enter the hall (三进入).
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from shenpi import _fields as f

__all__ = [
    "ApprovalOffice",
    "Department",
    "Hall",
    "Official",
    "Role",
    "Section",
    "SectionFunction",
    "ServiceSite",
    "SiteKind",
    "Window",
]


class SiteKind(enum.Enum):
    """Where a site stands relative to the hall."""

    MAIN_HALL = "main_hall"
    """行政服务中心 (大厅): the hall itself."""
    SUB_CENTER = "sub_center"
    """分中心: a sub-center; counts as inside the hall."""
    PROVINCIAL_HALL = "provincial_hall"
    """省政务大厅: the provincial hall the city's hall connects to."""
    MUNICIPAL_HALL = "municipal_hall"
    """市政务大厅: a municipal hall the hall connects to (for a county)."""
    DEPARTMENT_PREMISES = "department_premises"
    """The department's own building: outside the hall."""
    OTHER = "other"
    """Anywhere else: outside the hall."""

    @property
    def inside_hall(self) -> bool:
        """Whether approvals made here are "inside the hall" (大厅之内): main hall or sub-center."""
        return self in (SiteKind.MAIN_HALL, SiteKind.SUB_CENTER)


@attrs.frozen
class ServiceSite:
    """A place where approvals may be accepted or decided (大厅, 分中心, or elsewhere)."""

    id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    kind: SiteKind = attrs.field(validator=f.member(SiteKind))
    address: str = attrs.field(default="", validator=f.text)


@attrs.frozen
class Window:
    """A counter (窗口) at a site, staffed by a department's approval office."""

    id: str = attrs.field(validator=f.ident)
    site_id: str = attrs.field(validator=f.ident)
    department_id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(default="", validator=f.text)
    opened_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    closed_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)

    def __attrs_post_init__(self) -> None:
        _ordered(self.opened_on, self.closed_on, "closed_on")

    def open_on(self, on: _dt.date) -> bool:
        """Whether the window is open on ``on``: opened by then (or no date recorded) and
        not yet closed (closed on its ``closed_on`` day, like an abolished seal)."""
        if self.opened_on is not None and on < self.opened_on:
            return False
        return self.closed_on is None or on < self.closed_on


@attrs.frozen
class Hall:
    """The administrative service center: its sites and windows.

    ``sites`` includes the main hall, its sub-centers, and the provincial or municipal
    halls it connects to (seed 三(一)); departments' own premises may be listed too, so
    that a decision recorded there can name its site.
    """

    id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    sites: tuple[ServiceSite, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.instance_of(ServiceSite))
    )
    windows: tuple[Window, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Window))
    )

    def __attrs_post_init__(self) -> None:
        f.unique_ids("sites", self.sites)
        f.unique_ids("windows", self.windows)


class SectionFunction(enum.Enum):
    """What an internal section (内设科室) does; after the reform, not approval (seed 三(四))."""

    PLANNING = "planning"
    """制定规划"""
    RESEARCH = "research"
    """调查研究"""
    POLICY = "policy"
    """拟订政策措施"""
    SUPERVISION = "supervision"
    """监督检查"""
    IMPLEMENTATION = "implementation"
    """落实各项工作"""
    APPROVAL = "approval"
    """审批: what sections did before the reform; a rule flags it after."""


@attrs.frozen
class Section:
    """An internal section (内设科室) of a department."""

    id: str = attrs.field(validator=f.ident)
    department_id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    functions: tuple[SectionFunction, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.member(SectionFunction))
    )


@attrs.frozen
class ApprovalOffice:
    """A department's approval office (行政审批办公室), and its 三进入 (seed 三(七)).

    ``institution_entered_on``, ``staff_entered_on`` and ``items_entered_on`` are the days
    the office as an institution, its staff, and its items entered the hall (``None``:
    not yet).
    """

    id: str = attrs.field(validator=f.ident)
    department_id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    director_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    established_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    institution_entered_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    staff_entered_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    items_entered_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)

    def entered(self, on: _dt.date) -> bool:
        """Whether institution, staff and items had all entered the hall by ``on``."""
        days = (self.institution_entered_on, self.staff_entered_on, self.items_entered_on)
        return all(d is not None and d <= on for d in days)


@attrs.frozen
class Department:
    """A department (部门) with approval or fee powers; ``vertical`` for 垂直部门 (seed 二:
    vertical departments are included too)."""

    id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    vertical: bool = attrs.field(default=False, validator=f.flag)
    head_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    approval_powers: bool = attrs.field(default=True, validator=f.flag)
    fee_powers: bool = attrs.field(default=False, validator=f.flag)


class Role(enum.Enum):
    """An official's role."""

    HEAD = "head"
    """部门主要领导 (grants the authorization letter)."""
    DEPUTY_HEAD = "deputy_head"
    """副职领导 (may direct the office where approvals are few; seed 六.3)."""
    OFFICE_DIRECTOR = "office_director"
    """审批办主任"""
    OFFICE_STAFF = "office_staff"
    """审批办工作人员"""
    WINDOW_STAFF = "window_staff"
    """窗口工作人员"""
    SECTION_STAFF = "section_staff"
    """科室工作人员"""
    OTHER = "other"


@attrs.frozen
class Official:
    """A person who acts for a department (seed 六.3: directors should be civil servants)."""

    id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    department_id: str = attrs.field(validator=f.ident)
    role: Role = attrs.field(validator=f.member(Role))
    civil_servant: bool = attrs.field(default=True, validator=f.flag)
    unit_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    """The office or section the official works in."""


def _ordered(first: _dt.date | None, last: _dt.date | None, field: str) -> None:
    from shenpi.errors import InvalidValue

    if first is not None and last is not None and last < first:
        raise InvalidValue(field, last, f"is before {first}.", f"早于 {first}。")
