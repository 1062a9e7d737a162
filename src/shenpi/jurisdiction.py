"""``Jurisdiction``: the snapshot of one city's or county's hall that the rules look at.

It holds the organization, the catalogue versions, letters, seals, fee schedules,
complaints, the reform plan and the cases, with indexes (by id, by department, by item)
built once at construction. It may hold a bad world: dangling references and reform
violations are for the rules to report, not for the model to refuse.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from shenpi import _fields as f
from shenpi.applications import Application
from shenpi.complaints import Complaint
from shenpi.errors import InvalidValue
from shenpi.fees import FeeSchedule
from shenpi.items import Catalogue, Item
from shenpi.letters import AuthorizationLetter
from shenpi.organization import (
    ApprovalOffice,
    Department,
    Hall,
    Official,
    Section,
    ServiceSite,
    Window,
)
from shenpi.reform import AcceptanceCheck, ReformPlan
from shenpi.seals import Seal, SealKind

__all__ = ["Jurisdiction"]


class _Index:
    """Look-up tables built once per snapshot (read-only views)."""

    def __init__(self, j: Jurisdiction) -> None:
        def by_id(values: Iterable[Any]) -> Any:
            return MappingProxyType({v.id: v for v in values})

        def group(values: Iterable[Any], key: str) -> Any:
            groups: dict[Any, list[Any]] = defaultdict(list)
            for value in values:
                groups[getattr(value, key)].append(value)
            return MappingProxyType({k: tuple(v) for k, v in groups.items()})

        items = j.catalogues[-1].items if j.catalogues else ()
        self.departments = by_id(j.departments)
        self.offices = by_id(j.offices)
        self.sections = by_id(j.sections)
        self.officials = by_id(j.officials)
        self.sites = by_id(j.hall.sites)
        self.windows = by_id(j.hall.windows)
        self.items = by_id(items)
        self.letters = by_id(j.letters)
        self.seals = by_id(j.seals)
        self.fee_schedules = by_id(j.fee_schedules)
        self.complaints = by_id(j.complaints)
        self.applications = by_id(j.applications)
        self.items_by_department = group(items, "department_id")
        self.offices_by_department = group(j.offices, "department_id")
        self.letters_by_department = group(j.letters, "department_id")
        self.seals_by_department = group(j.seals, "department_id")
        self.officials_by_department = group(j.officials, "department_id")
        self.windows_by_department = group(j.hall.windows, "department_id")
        by_item: dict[str, list[Application]] = defaultdict(list)
        for application in j.applications:
            for item_id in application.item_ids:
                by_item[item_id].append(application)
        self.applications_by_item = MappingProxyType({k: tuple(v) for k, v in by_item.items()})
        self.catalogue_days = [c.effective_on for c in j.catalogues]
        self.catalogue_items = tuple(by_id(c.items) for c in j.catalogues)


@attrs.frozen
class Jurisdiction:
    """Everything about one hall's world at one moment.

    ``catalogues`` are the catalogue's versions in order; the last is current.
    """

    name: str = attrs.field(validator=f.required_text)
    hall: Hall = attrs.field(validator=f.instance_of(Hall))
    departments: tuple[Department, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Department))
    )
    offices: tuple[ApprovalOffice, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(ApprovalOffice))
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Section))
    )
    officials: tuple[Official, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Official))
    )
    catalogues: tuple[Catalogue, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Catalogue))
    )
    letters: tuple[AuthorizationLetter, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(AuthorizationLetter))
    )
    seals: tuple[Seal, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Seal))
    )
    fee_schedules: tuple[FeeSchedule, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(FeeSchedule))
    )
    complaints: tuple[Complaint, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Complaint))
    )
    applications: tuple[Application, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Application))
    )
    reform_plan: ReformPlan | None = attrs.field(
        default=None, validator=attrs.validators.optional(f.instance_of(ReformPlan))
    )
    acceptance_checks: tuple[AcceptanceCheck, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(AcceptanceCheck))
    )
    _index: _Index = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for field in (
            "departments",
            "offices",
            "sections",
            "officials",
            "letters",
            "seals",
            "fee_schedules",
            "complaints",
            "applications",
        ):
            f.unique_ids(field, getattr(self, field))
        for i, (before, after) in enumerate(
            zip(self.catalogues, self.catalogues[1:], strict=False), start=1
        ):
            if after.version <= before.version or after.effective_on < before.effective_on:
                raise InvalidValue(
                    f"catalogues[{i}].version",
                    after.version,
                    "catalogue versions must be in order.",
                    "目录版本须按顺序排列。",
                )
        object.__setattr__(self, "_index", _Index(self))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle the fields only: the indexes (read-only views, which do not pickle) are
        # rebuilt on the other side, as on any construction.
        fields = {a.name: getattr(self, a.name) for a in attrs.fields(type(self)) if a.init}
        return (_restore, (fields,))

    # --------------------------------------------------------------- look-ups
    @property
    def catalogue(self) -> Catalogue | None:
        """The current (latest) catalogue version."""
        return self.catalogues[-1] if self.catalogues else None

    def catalogue_on(self, on: _dt.date) -> Catalogue | None:
        """The catalogue version in effect on ``on`` (``None`` before the first)."""
        version = bisect.bisect_right(self._index.catalogue_days, on) - 1
        return self.catalogues[version] if version >= 0 else None

    def catalogue_items_on(self, on: _dt.date) -> Mapping[str, Item] | None:
        """The catalogue version in effect on ``on`` as ``{item id: item}`` (``None``
        before the first)."""
        version = bisect.bisect_right(self._index.catalogue_days, on) - 1
        found: Mapping[str, Item] | None = (
            self._index.catalogue_items[version] if version >= 0 else None
        )
        return found

    def item_on(self, item_id: str, on: _dt.date) -> Item | None:
        """The item as the catalogue version in effect on ``on`` lists it, else as the
        current catalogue does, else ``None``. The timeline asks it for the day the
        decision period starts: a case is accepted for what the catalogue of that day
        lists (行政许可法 art. 32 (1))."""
        items = self.catalogue_items_on(on)
        found = None if items is None else items.get(item_id)
        return found if found is not None else self.item(item_id)

    def department(self, department_id: str) -> Department | None:
        """The department with this id."""
        value: Department | None = self._index.departments.get(department_id)
        return value

    def office_of(self, department_id: str) -> ApprovalOffice | None:
        """The department's approval office (the first, if several are recorded)."""
        offices = self._index.offices_by_department.get(department_id, ())
        return offices[0] if offices else None

    def item(self, item_id: str) -> Item | None:
        """The item with this id in the current catalogue."""
        value: Item | None = self._index.items.get(item_id)
        return value

    def items_of(self, department_id: str) -> tuple[Item, ...]:
        """The department's items in the current catalogue."""
        items: tuple[Item, ...] = self._index.items_by_department.get(department_id, ())
        return items

    def official(self, official_id: str) -> Official | None:
        """The official with this id."""
        value: Official | None = self._index.officials.get(official_id)
        return value

    def site(self, site_id: str) -> ServiceSite | None:
        """The site with this id."""
        value: ServiceSite | None = self._index.sites.get(site_id)
        return value

    def window(self, window_id: str) -> Window | None:
        """The window with this id."""
        value: Window | None = self._index.windows.get(window_id)
        return value

    def section(self, section_id: str) -> Section | None:
        """The section with this id."""
        value: Section | None = self._index.sections.get(section_id)
        return value

    def letter(self, letter_id: str) -> AuthorizationLetter | None:
        """The authorization letter with this id."""
        value: AuthorizationLetter | None = self._index.letters.get(letter_id)
        return value

    def letters_of(self, department_id: str) -> tuple[AuthorizationLetter, ...]:
        """The department's authorization letters."""
        letters: tuple[AuthorizationLetter, ...] = self._index.letters_by_department.get(
            department_id, ()
        )
        return letters

    def seal(self, seal_id: str) -> Seal | None:
        """The seal with this id."""
        value: Seal | None = self._index.seals.get(seal_id)
        return value

    def seals_of(self, department_id: str) -> tuple[Seal, ...]:
        """The department's seals."""
        seals: tuple[Seal, ...] = self._index.seals_by_department.get(department_id, ())
        return seals

    def dedicated_seal_since(self, department_id: str) -> _dt.date | None:
        """The day the department first activated a dedicated approval seal
        (行政审批专用章), from which its old approval seals are abolished (seed 三(六));
        ``None`` if it has none with an activation day."""
        return min(
            (
                s.activated_on
                for s in self.seals_of(department_id)
                if s.kind is SealKind.DEDICATED_APPROVAL and s.activated_on is not None
            ),
            default=None,
        )

    def fee_schedule(self, schedule_id: str) -> FeeSchedule | None:
        """The fee schedule with this id."""
        value: FeeSchedule | None = self._index.fee_schedules.get(schedule_id)
        return value

    def application(self, application_id: str) -> Application | None:
        """The case with this id."""
        value: Application | None = self._index.applications.get(application_id)
        return value

    def applications_for(self, item_id: str) -> tuple[Application, ...]:
        """The cases that applied for ``item_id``."""
        cases: tuple[Application, ...] = self._index.applications_by_item.get(item_id, ())
        return cases

    def with_applications(self, applications: Iterable[Application]) -> Jurisdiction:
        """The same reference data with another set of cases (indexes rebuilt)."""
        return attrs.evolve(self, applications=tuple(applications))


def _restore(fields: dict[str, Any]) -> Jurisdiction:
    return Jurisdiction(**fields)
