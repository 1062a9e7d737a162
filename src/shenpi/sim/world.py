"""The simulated world's reference data: the scenario's world with its policies and
reform schedule applied, and :func:`backdate` for an era before a city's records.

The simulated cases live in a real :class:`~shenpi.jurisdiction.Jurisdiction`, so the
rules and the analytics read them exactly as they read a real export. What the scenario
changes is written into that world, where a rule can see it:

- promised limits (``Policies.promised_limits``) into every catalogue version;
- the reform schedule into the approval offices (三进入 days), the windows (a
  scheduled department's windows open on its entry day; one is added in the main hall
  if it has none; a department scheduled to stay out has none) and the seals (a
  department entering before its dedicated approval seal's activation activates it on
  entry and abolishes its old approval seals with it, seed 三(六));
- a site for each department's own premises where cases may be handled outside the
  hall (an existing ``DEPARTMENT_PREMISES`` site whose id names the department, such as
  ``site-zjj-premises``, else ``sim-premises-zjj``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from shenpi.errors import InvalidType, InvalidValue
from shenpi.items import Catalogue
from shenpi.jurisdiction import Jurisdiction
from shenpi.organization import ApprovalOffice, Role, ServiceSite, SiteKind, Window
from shenpi.seals import Seal, SealKind
from shenpi.sim.scenario import Scenario
from shenpi.timing import TimeLimit

__all__ = ["Stage", "backdate", "stage"]


def backdate(world: Jurisdiction, *, to: _dt.date) -> Jurisdiction:
    """``world`` with its first catalogue and each department's first authorization
    letter dated back to ``to``: for simulating an era before the city's records begin.

    The bundled city's catalogue starts in 2024 and its letters in 2016; to simulate the
    reform months of 2008 (the seed's plan) its current catalogue and letters are taken
    to have been in force since ``to``. This is an explicit modelling assumption: the
    2008 city worked with the catalogue it has today. Offices, windows and seals keep
    their own dates (the city's are the reform's, 2008), and nothing else changes.

    >>> import datetime as dt
    >>> from shenpi.examples import load_example_city
    >>> old = backdate(load_example_city(), to=dt.date(2008, 10, 24))
    >>> old.catalogues[0].effective_on, old.catalogue_on(dt.date(2009, 1, 5)).version
    (datetime.date(2008, 10, 24), 1)
    """
    if not isinstance(world, Jurisdiction):
        raise InvalidType("world", world, "expected a Jurisdiction.", "应为 Jurisdiction。")
    if isinstance(to, _dt.datetime) or not isinstance(to, _dt.date):
        raise InvalidType("to", to, "expected a datetime.date.", "应为日期。")
    catalogues = list(world.catalogues)
    if catalogues and catalogues[0].effective_on > to:
        first = catalogues[0]
        publications = [
            attrs.evolve(p, published_on=min(p.published_on, to)) for p in first.publications
        ]
        catalogues[0] = attrs.evolve(first, effective_on=to, publications=publications)
    letters = list(world.letters)
    earliest: dict[str, int] = {}
    for i, letter in enumerate(letters):
        j = earliest.get(letter.department_id)
        if j is None or letter.valid_from < letters[j].valid_from:
            earliest[letter.department_id] = i
    for i in earliest.values():
        letter = letters[i]
        if letter.valid_from > to:
            letters[i] = attrs.evolve(letter, signed_on=min(letter.signed_on, to), valid_from=to)
    return attrs.evolve(world, catalogues=catalogues, letters=letters)


class Stage:
    """The reference data of a simulated world and the look-ups the engine needs."""

    def __init__(self, scenario: Scenario) -> None:
        base = scenario.world
        policies = scenario.policies
        schedule = {} if scenario.schedule is None else dict(scenario.schedule.entries)
        self.base_catalogues = base.catalogues
        catalogues = (
            tuple(_promise(c, policies.promised_limits) for c in base.catalogues)
            if policies.promised_limits
            else base.catalogues
        )
        offices = [_enter(o, schedule) for o in base.offices]
        names = {d.id: d.name for d in base.departments}
        for department, day in schedule.items():
            if day is not None and not any(o.department_id == department for o in offices):
                offices.append(
                    ApprovalOffice(
                        f"sim-office-{department}",
                        department,
                        f"{names[department]}行政审批办公室",
                        established_on=day,
                        institution_entered_on=day,
                        staff_entered_on=day,
                        items_entered_on=day,
                    )
                )
        hall = base.hall
        main = next(
            (s for s in hall.sites if s.kind is SiteKind.MAIN_HALL),
            next((s for s in hall.sites if s.kind.inside_hall), None),
        )
        if main is None:
            raise InvalidValue(
                "world.hall.sites",
                [s.id for s in hall.sites],
                "the hall has no main hall or sub-center to place windows in.",
                "大厅没有主厅或分中心。",
            )
        self.main_site = main.id
        windows: list[Window] = []
        for window in hall.windows:
            if window.department_id not in schedule:
                windows.append(window)
            elif schedule[window.department_id] is not None:
                windows.append(
                    attrs.evolve(window, opened_on=schedule[window.department_id], closed_on=None)
                )
        for department, day in schedule.items():
            if day is not None and not any(w.department_id == department for w in windows):
                windows.append(
                    Window(
                        f"SIM-{department}", main.id, department, f"{names[department]}窗口", day
                    )
                )
        self.entered: dict[str, _dt.date | None] = {d.id: None for d in base.departments}
        self.office: dict[str, str | None] = dict.fromkeys(self.entered)
        self.director: dict[str, str | None] = dict.fromkeys(self.entered)
        for office in reversed(offices):  # the first office of a department wins
            self.entered[office.department_id] = office.institution_entered_on
            self.office[office.department_id] = office.id
            self.director[office.department_id] = office.director_id
        sites = list(hall.sites)
        self.premises: dict[str, str] = {}
        for record in base.departments:
            site = next(
                (
                    s
                    for s in sites
                    if s.kind is SiteKind.DEPARTMENT_PREMISES
                    and record.id in s.id.replace("_", "-").split("-")
                ),
                None,
            )
            if site is None:
                site = ServiceSite(
                    f"sim-premises-{record.id}",
                    f"{record.name}机关办公楼",
                    SiteKind.DEPARTMENT_PREMISES,
                )
                if self._may_leave_hall(record.id, scenario):
                    sites.append(site)
            self.premises[record.id] = site.id
        self.world = attrs.evolve(
            base,
            hall=attrs.evolve(hall, sites=sites, windows=windows),
            offices=offices,
            seals=_seals(base.seals, schedule),
            catalogues=catalogues,
            applications=(),
            complaints=(),
        )
        self.windows: dict[str, list[Window]] = {d: [] for d in self.entered}
        for window in windows:
            self.windows.setdefault(window.department_id, []).append(window)
        staff: dict[str, dict[Role, list[str]]] = {}
        for official in base.officials:
            staff.setdefault(official.department_id, {}).setdefault(official.role, []).append(
                official.id
            )
        self.clerks: dict[str, tuple[str, ...]] = {}
        for department in self.entered:
            roles = staff.get(department, {})
            found = roles.get(Role.WINDOW_STAFF) or roles.get(Role.OFFICE_STAFF) or []
            director = self.director[department]
            self.clerks[department] = tuple(found) or ((director,) if director else ())
        self.heads = {d.id: d.head_id for d in base.departments}

    def _may_leave_hall(self, department: str, scenario: Scenario) -> bool:
        entered = self.entered[department]
        return (
            entered is None
            or entered > scenario.start
            or scenario.policies.outside_share_of(department) > 0
        )

    def in_hall(self, department: str, on: _dt.date) -> bool:
        """Whether the department's office (the institution) had entered the hall by ``on``."""
        entered = self.entered.get(department)
        return entered is not None and entered <= on


def _promise(catalogue: Catalogue, limits: Mapping[str, TimeLimit]) -> Catalogue:
    items = [
        attrs.evolve(item, promised_limit=limits[item.id]) if item.id in limits else item
        for item in catalogue.items
    ]
    return attrs.evolve(catalogue, items=items)


def _enter(office: ApprovalOffice, schedule: Mapping[str, _dt.date | None]) -> ApprovalOffice:
    if office.department_id not in schedule:
        return office
    day = schedule[office.department_id]
    established = office.established_on
    if day is not None and (established is None or established > day):
        established = day
    return attrs.evolve(
        office,
        established_on=established,
        institution_entered_on=day,
        staff_entered_on=day,
        items_entered_on=day,
    )


def _seals(seals: tuple[Seal, ...], schedule: Mapping[str, _dt.date | None]) -> list[Seal]:
    """A department scheduled to enter before its dedicated seal's activation activates
    it on entry, and abolishes the old approval seals that went with it the same day
    (seed 三(六): 一律启用 … 专用章，原使用的行政审批用章同时废止)."""
    moved: dict[str, tuple[_dt.date | None, _dt.date]] = {}
    found = list(seals)
    for i, seal in enumerate(found):
        day = schedule.get(seal.department_id)
        if day is None or seal.kind is not SealKind.DEDICATED_APPROVAL:
            continue
        if seal.activated_on is None or seal.activated_on > day:
            moved[seal.department_id] = (seal.activated_on, day)
            found[i] = attrs.evolve(seal, activated_on=day)
    for i, seal in enumerate(found):
        if seal.department_id not in moved or seal.kind not in _OLD_SEALS:
            continue
        before, day = moved[seal.department_id]
        if seal.abolished_on is not None and seal.abolished_on == before:
            found[i] = attrs.evolve(seal, abolished_on=max(day, seal.activated_on or day))
    return found


_OLD_SEALS = (SealKind.DEPARTMENT, SealKind.SECTION_APPROVAL)


def stage(scenario: Scenario) -> Stage:
    """The simulated world's reference data for ``scenario``."""
    return Stage(scenario)
