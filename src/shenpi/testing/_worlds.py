"""Consistent worlds: a jurisdiction's reference data, and cases whose histories follow
the law, built step by step on the official calendar (no filtering, no rejection)."""

from __future__ import annotations

import datetime as _dt
import decimal
from collections.abc import Mapping, Sequence
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from shenpi.applications import (
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    IdentifierKind,
    NotAccepted,
    OpinionGiven,
    Outcome,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.errors import InvalidType, InvalidValue
from shenpi.fees import (
    AmountRule,
    CollectionPoint,
    FeeSchedule,
    FeeStandard,
    Payment,
    RuleKind,
    Tier,
)
from shenpi.items import (
    Catalogue,
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
    ItemKind,
    ItemStatus,
    LegalBasis,
    LegalLevel,
    Material,
    Publication,
)
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import (
    ApprovalOffice,
    Department,
    Hall,
    Official,
    Role,
    Section,
    SectionFunction,
    ServiceSite,
    SiteKind,
    Window,
)
from shenpi.reform import SEED_PLAN, AcceptanceCheck, ReformPhase, ReformPlan
from shenpi.seals import Seal, SealKind
from shenpi.testing import _common as c
from shenpi.testing import _values as v
from shenpi.timeline import ClockStep, lawful_clock
from shenpi.timing.clock import Clock, Suspension
from shenpi.timing.limits import TimeLimit, TimeUnit
from shenpi.timing.periods import LAW

DEFAULT_START = _dt.date(2024, 1, 1)
"""The default first day a case may be submitted on."""
DEFAULT_END = _dt.date(2026, 6, 30)
"""The default last day a case may be submitted on."""

INTAKE = LAW.intake.amount
"""Working days to accept, refuse or ask for all missing materials (行政许可法 art. 32)."""
DELIVERY = LAW.delivery.amount
"""Working days from a decision to the delivered licence (art. 44)."""
EXTENSION = LAW.decision_extension.amount
"""The longest extension of a single agency's decision period (art. 42 ¶1)."""
JOINT_EXTENSION = LAW.joint_extension.amount
"""The longest extension of a joint decision period (art. 42 ¶2)."""
SUPPLEMENT_WAIT = 10
"""At most this many working days pass before the applicant brings what was missing."""
SUSPENSION = 10
"""At most this many working days per suspension (art. 45 procedure)."""
SUSPENSIONS = 2
"""At most this many suspensions per case."""
LATE = 10
"""With ``valid_only=False``: how many working days a step may come after its deadline."""
LICENSING_LEVELS = (
    LegalLevel.LAW,
    LegalLevel.ADMINISTRATIVE_REGULATION,
    LegalLevel.STATE_COUNCIL_DECISION,
    LegalLevel.LOCAL_REGULATION,
)
"""The acts that may set a licence (行政许可法 arts. 14-15; not rules or documents, art. 17)."""
FEE_LEVELS = (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)
"""The acts that may provide for a fee (art. 58)."""
_DAY = _dt.timedelta(days=1)
E = TypeVar("E")


# ====================================================================== the reform plan
def plan_before(start: _dt.date) -> ReformPlan:
    """The seed's plan, or (when ``start`` is not after it) the same plan moved back to
    the year before ``start``, so that the reform is over before the first case."""
    if start > SEED_PLAN.phases[-1].ends_on:
        return SEED_PLAN
    year = start.year - 1
    return attrs.evolve(
        SEED_PLAN,
        title=SEED_PLAN.title.replace("2008", str(year)),
        phases=[
            attrs.evolve(
                p, starts_on=p.starts_on.replace(year=year), ends_on=p.ends_on.replace(year=year)
            )
            for p in SEED_PLAN.phases
        ],
    )


def _phase(plan: ReformPlan, number: int) -> ReformPhase:
    return next(p for p in plan.phases if p.number == number)


# ====================================================================== drawing helpers
def _int(draw: st.DrawFn, least: int, most: int) -> int:
    """A whole number in ``[least, most]`` (no choice spent when there is one)."""
    return draw(st.integers(least, most)) if most > least else least


def _one(draw: st.DrawFn, pool: Sequence[E]) -> E:
    """One element of ``pool`` (no choice spent when there is one)."""
    return pool[_int(draw, 0, len(pool) - 1)]


def _workday(draw: st.DrawFn, first: _dt.date, last: _dt.date) -> _dt.date:
    """A working day in ``[first, last]``, drawn by index (``first`` if there is none)."""
    cal = c.official()
    begin = c.workday_on_or_after(first)
    if begin > last:
        return first
    return cal.add_workdays(begin, _int(draw, 0, cal.workdays_between(begin, last)))


def _cents(looks: c.Looks, most: int) -> decimal.Decimal:
    return decimal.Decimal(looks.randint(0, most * 100)).scaleb(-2)


# ====================================================================== reference data
@attrs.frozen
class _Unit:
    """One department with everything it owns, before it becomes part of a world."""

    department: Department
    office: ApprovalOffice
    sections: tuple[Section, ...]
    officials: tuple[Official, ...]
    windows: tuple[Window, ...]
    seals: tuple[Seal, ...]
    schedule: FeeSchedule | None


def _bases(looks: c.Looks, levels: Sequence[LegalLevel]) -> tuple[LegalBasis, ...]:
    return tuple(
        LegalBasis(looks.pick(levels), looks.pick(c.LAW_TITLES), f"第{looks.randint(1, 90)}条")
        for _ in range(looks.randint(1, 2))
    )


def _rule(draw: st.DrawFn, looks: c.Looks) -> AmountRule:
    kind = _one(draw, tuple(RuleKind))
    unit = looks.pick(("件", "证", "平方米"))
    if kind is RuleKind.FIXED:
        return AmountRule(kind, amount=_cents(looks, 500))
    if kind is RuleKind.PER_UNIT:
        return AmountRule(kind, rate=_cents(looks, 50), unit=unit)
    if kind is RuleKind.RANGE:
        low = _cents(looks, 200)
        return AmountRule(kind, minimum=low, maximum=low + _cents(looks, 300))
    ceilings = sorted({looks.randint(1, 500) for _ in range(looks.randint(1, 3))})
    tiers = [Tier(_cents(looks, 50), decimal.Decimal(n)) for n in ceilings]
    return AmountRule(kind, tiers=[*tiers, Tier(_cents(looks, 50))], unit=unit)


_KINDS = (
    ItemKind.LICENSING,
    ItemKind.LICENSING,
    ItemKind.NON_LICENSING,
    ItemKind.ANNUAL_INSPECTION,
    ItemKind.CONFIRMATION,
    ItemKind.PUBLIC_SERVICE,
    ItemKind.OTHER_POWER,
)


def _item(
    draw: st.DrawFn,
    looks: c.Looks,
    *,
    item_id: str,
    code: str,
    department_id: str,
    others: Sequence[str],
    schedule: FeeSchedule | None,
    free: bool,
) -> Item:
    kind = _one(draw, (*_KINDS, ItemKind.FEE) if schedule is not None else _KINDS)
    joint = bool(others) and _int(draw, 0, 3) == 0
    if free:
        statutory = TimeLimit.workdays(_int(draw, 1, 60))
        promised = TimeLimit.workdays(_int(draw, 1, 60))
    else:
        statutory = TimeLimit.workdays(_int(draw, 1, 45 if joint else 20))
        promised = TimeLimit.workdays(_int(draw, 1, statutory.amount))
    # A valid world's promises are in working days, so its items are 承诺件 (an instant
    # item, 即办件, promises "即办": an hour limit, CAT005).
    instant = free and not joint and _int(draw, 0, 4) == 0
    co = {_one(draw, others), _one(draw, others)} if joint else set()
    levels = LICENSING_LEVELS if kind is ItemKind.LICENSING and not free else tuple(LegalLevel)
    links_fee = schedule is not None and (kind is ItemKind.FEE or looks.random() < 0.5)
    steps = ("受理", "审查", *(("现场核查",) if looks.random() < 0.5 else ()), "决定", "送达")
    # 全程网办 means no visit to the hall (CAT006).
    online = looks.random() < 0.5
    return Item(
        id=item_id,
        code=code,
        name=looks.pick(c.ITEM_NAMES),
        kind=kind,
        department_id=department_id,
        legal_basis=_bases(looks, levels),
        statutory_limit=statutory,
        promised_limit=promised,
        handling=HandlingType.INSTANT if instant else HandlingType.PROMISED,
        materials=tuple(
            Material(name, required=i < 2, copies=looks.randint(1, 2))
            for i, name in enumerate(looks.some(c.MATERIAL_NAMES, 4))
        ),
        conditions=looks.some(c.CONDITIONS),
        procedure=steps,
        fee_schedule_id=schedule.id if links_fee and schedule is not None else None,
        joint=joint,
        lead_department_id=department_id if joint else None,
        co_department_ids=tuple(o for o in others if o in co),
        on_site_visits=0 if online and not free else looks.randint(0, 2),
        online=online,
        seal_exception=looks.pick(("", "", c.LAW_TITLES[1])) if free else "",
        national_type=looks.pick((v.national_type_of(kind), None)),
    )


def _person(did: str, key: str, role: Role, unit_id: str | None, looks: c.Looks) -> Official:
    return Official(f"{did}.{key}", looks.person(), did, role, unit_id=unit_id)


def _unit(
    draw: st.DrawFn,
    looks: c.Looks,
    *,
    index: int,
    did: str,
    plan: ReformPlan,
    inside: Sequence[str],
    sites: Sequence[str],
    end: _dt.date,
    free: bool,
) -> _Unit:
    p2, p3, p4 = _phase(plan, 2), _phase(plan, 3), _phase(plan, 4)
    base = c.DEPARTMENT_NAMES[index % len(c.DEPARTMENT_NAMES)]
    name = base if index < len(c.DEPARTMENT_NAMES) else f"{base}{index}"
    established = looks.day(p2.starts_on, p2.ends_on)
    first_entry = max(established, p4.starts_on)
    entered: list[_dt.date | None] = [looks.day(first_entry, p4.ends_on) for _ in range(3)]
    if free:
        entered = [_one(draw, (d, None, end)) for d in entered]
    earliest = min((d for d in entered if d is not None), default=p4.ends_on)
    office = ApprovalOffice(
        id=f"{did}.office",
        department_id=did,
        name="行政审批办公室",
        director_id=f"{did}.director",
        established_on=established,
        institution_entered_on=entered[0],
        staff_entered_on=entered[1],
        items_entered_on=entered[2],
    )
    director = _person(did, "director", Role.OFFICE_DIRECTOR, office.id, looks)
    people = [
        _person(did, "head", Role.HEAD, None, looks),
        attrs.evolve(director, civil_servant=not free or looks.random() < 0.7),
    ]
    for k in range(1, looks.randint(1, 2) + 1):
        people.append(_person(did, f"clerk{k}", Role.WINDOW_STAFF, office.id, looks))
    functions = tuple(f for f in SectionFunction if free or f is not SectionFunction.APPROVAL)
    units = []
    for k in range(1, _int(draw, 0, 2) + 1):
        section = Section(
            id=f"{did}.sec{k}",
            department_id=did,
            name=looks.pick(("综合科", "监督检查科", "政策法规科", "规划科")),
            functions=looks.some(functions),
        )
        units.append(section)
        people.append(_person(did, f"sec{k}.staff", Role.SECTION_STAFF, section.id, looks))
    counters = tuple(
        Window(
            id=f"{did}.win{k}",
            site_id=_one(draw, sites if free else inside),
            department_id=did,
            name=f"{index + 1}-{k}号窗口",
            opened_on=looks.day(p3.starts_on, p3.ends_on),
        )
        for k in range(1, _int(draw, 1, 2) + 1)
    )
    # Activated, and the old seals abolished, before the office's first entry (seed 三(六)).
    activated = looks.day(established, max(established, earliest - _DAY))
    if free:
        activated = _one(draw, (activated, end))
    seals = [
        Seal(
            id=f"{did}.seal",
            department_id=did,
            kind=SealKind.DEDICATED_APPROVAL,
            name=f"{name}行政审批专用章",
            registry_number=f"{index:04d}",
            activated_on=activated,
        )
    ]
    for k in range(1, _int(draw, 0, 2) + 1):
        seals.append(
            Seal(
                id=f"{did}.oldseal{k}",
                department_id=did,
                kind=looks.pick((SealKind.SECTION_APPROVAL, SealKind.OTHER_APPROVAL)),
                name=f"{name}审批章{k}",
                activated_on=looks.day(_dt.date(2000, 1, 1), established - _DAY),
                abolished_on=_one(draw, (activated, None)) if free else activated,
            )
        )
    schedule = None
    if draw(st.booleans()):
        standards = []
        for k in range(1, _int(draw, 1, 3) + 1):
            published: _dt.date | None = looks.day(p2.starts_on, p2.ends_on)
            if free:
                published = _one(draw, (published, None, end))
            standards.append(
                FeeStandard(
                    id=f"{did}.fee{k}",
                    name=looks.pick(("证照工本费", "登记费", "检验费")),
                    legal_basis=_bases(looks, tuple(LegalLevel) if free else FEE_LEVELS),
                    rule=_rule(draw, looks),
                    waivable=looks.random() < 0.3,
                    published_on=published,
                )
            )
        schedule = FeeSchedule(id=f"{did}.fees", department_id=did, standards=standards)
    return _Unit(
        department=Department(
            id=did,
            name=name,
            vertical=looks.random() < 0.2,
            head_id=f"{did}.head",
            approval_powers=True,
            fee_powers=schedule is not None,
        ),
        office=office,
        sections=tuple(units),
        officials=tuple(people),
        windows=counters,
        seals=tuple(seals),
        schedule=schedule,
    )


def _hall(draw: st.DrawFn, looks: c.Looks, free: bool) -> Hall:
    sites = [ServiceSite("S0", "行政服务中心", SiteKind.MAIN_HALL, "人民大街1号")]
    for k in range(1, _int(draw, 0, 2) + 1):
        name = looks.pick(("不动产登记分中心", "公安分中心", "税务分中心"))
        sites.append(ServiceSite(f"S{k}", name, SiteKind.SUB_CENTER))
    if looks.random() < 0.5:
        sites.append(ServiceSite("P0", "省政务大厅", SiteKind.PROVINCIAL_HALL))
    if looks.random() < 0.5:
        sites.append(ServiceSite("M0", "市政务大厅", SiteKind.MUNICIPAL_HALL))
    if free or looks.random() < 0.5:
        sites.append(ServiceSite("X0", "部门办公楼", SiteKind.DEPARTMENT_PREMISES))
    return Hall(id="H", name=looks.pick(("某市行政服务中心", "某县政务服务中心")), sites=sites)


def _code(index: int, number: int) -> str:
    """The code of a department's ``number``-th item (the department's ``index`` in its
    world): ``XK`` and five digits or more, unique while a department has fewer than a
    thousand items."""
    return f"XK{index:02d}{number:03d}"


def _second_catalogue(
    draw: st.DrawFn,
    looks: c.Looks,
    first: Catalogue,
    schedules: Mapping[str, FeeSchedule | None],
    effective_on: _dt.date,
    free: bool,
) -> Catalogue:
    """The next version, with a change set that cancels, delegates, amends and adds.

    ``schedules`` maps each department (in world order) to its fee schedule, if any.
    """
    choices = (None, None, ChangeKind.AMEND, ChangeKind.CANCEL, ChangeKind.DELEGATE_DOWN)
    changes = []
    counts: dict[str, int] = {}
    for index, item in enumerate(first.items):
        counts[item.department_id] = counts.get(item.department_id, 0) + 1
        # The first item stays active, so that every version has an item to apply for.
        kind = _one(draw, choices[:3] if index == 0 else choices)
        if kind is ChangeKind.AMEND:
            names = looks.some(c.MATERIAL_NAMES, 4)
            amended = attrs.evolve(item, materials=tuple(Material(n) for n in names))
            changes.append(CatalogueChange(kind, item.id, "市政府令第3号", amended))
        elif kind is not None:
            changes.append(CatalogueChange(kind, item.id, "国发〔2024〕5号"))
    ids = list(schedules)
    for _ in range(_int(draw, 0, 2)):
        index = _int(draw, 0, len(ids) - 1)
        did = ids[index]
        counts[did] = counts.get(did, 0) + 1
        kind = _one(draw, (ChangeKind.ADD, ChangeKind.TAKE_OVER))
        new = _item(
            draw,
            looks,
            item_id=f"{did}.item{counts[did]}",
            code=_code(index, counts[did]),
            department_id=did,
            others=[o for o in ids if o != did],
            schedule=schedules[did],
            free=free,
        )
        basis = "省政府下放事项的决定" if kind is ChangeKind.TAKE_OVER else "市政府令第5号"
        changes.append(CatalogueChange(kind, new.id, basis, new))
    if not changes:
        return first
    url = f"https://gov.example/catalogue/{first.version + 1}"
    where = Publication(effective_on, "政府门户网站", url)
    return first.apply(changes, effective_on=effective_on, publications=[where])


def _some(draw: st.DrawFn, pool: Sequence[E], least: int, most: int) -> list[E]:
    """``least`` … ``most`` distinct elements of ``pool``, in pool order, drawn one index at
    a time (no rejection; shrinks towards the first elements)."""
    left = list(range(len(pool)))
    chosen = [left.pop(_int(draw, 0, len(left) - 1)) for _ in range(_int(draw, least, most))]
    return [pool[i] for i in sorted(chosen)]


@st.composite
def _reference(
    draw: st.DrawFn,
    *,
    min_departments: int,
    max_departments: int,
    max_items: int,
    start: _dt.date,
    end: _dt.date,
    free: bool,
    department_ids: tuple[str, ...] | None = None,
) -> Jurisdiction:
    """The organization, catalogue, letters, seals, fees and reform data, without cases.

    The departments are ``D0``, ``D1``, …, or (with ``department_ids``) some of those ids.
    """
    looks = draw(c.looks())
    plan = plan_before(start)
    hall = _hall(draw, looks, free)
    inside = [s.id for s in hall.sites if s.kind.inside_hall]
    every = [s.id for s in hall.sites]
    if department_ids is None:
        ids = [f"D{i}" for i in range(_int(draw, min_departments, max_departments))]
    else:
        most = min(max_departments, len(department_ids))
        ids = _some(draw, department_ids, min_departments, most)
    units = [
        _unit(
            draw, looks, index=i, did=did, plan=plan, inside=inside, sites=every, end=end, free=free
        )
        for i, did in enumerate(ids)
    ]
    catalogue_items = []
    for i, unit in enumerate(units):
        did = unit.department.id
        for k in range(1, _int(draw, 1, max_items) + 1):
            catalogue_items.append(
                _item(
                    draw,
                    looks,
                    item_id=f"{did}.item{k}",
                    code=_code(i, k),
                    department_id=did,
                    others=[o for o in ids if o != did],
                    schedule=unit.schedule,
                    free=free,
                )
            )
    p4, p5 = _phase(plan, 4), _phase(plan, 5)
    first = Catalogue(
        version=1,
        effective_on=p4.ends_on,
        items=catalogue_items,
        publications=[Publication(p4.ends_on, "政府门户网站", "https://gov.example/catalogue/1")],
    )
    catalogues = [first]
    if draw(st.booleans()):
        effective = _workday(draw, start, end)
        schedules = {u.department.id: u.schedule for u in units}
        second = _second_catalogue(draw, looks, first, schedules, effective, free)
        if second is not first:
            catalogues.append(second)
    letters = []
    for unit in units:
        did, office = unit.department.id, unit.office
        dates = (office.institution_entered_on, office.staff_entered_on, office.items_entered_on)
        entries = [d for d in dates if d is not None]
        established = office.established_on or start
        last = min(entries, default=p4.ends_on) - _DAY
        signed = looks.day(established, max(established, last))
        letter = AuthorizationLetter(
            id=f"{did}.letter",
            department_id=did,
            grantor_id=f"{did}.head",
            grantee_id=f"{did}.director",
            signed_on=signed,
            valid_from=signed,
        )
        if free:
            mine = tuple(it.id for it in catalogue_items if it.department_id == did)
            letter = attrs.evolve(
                letter,
                revoked_on=_one(draw, (None, _workday(draw, max(start, signed), end))),
                item_ids=_one(draw, ((), mine[:1])),
            )
        letters.append(letter)
    points = plan.acceptance_points
    checks = tuple(
        AcceptanceCheck(
            department_id=u.department.id,
            checked_on=looks.day(p5.starts_on, p5.ends_on),
            passed=points[: _int(draw, 0, len(points))] if free else points,
        )
        for u in units
    )
    return Jurisdiction(
        name=looks.pick(("某市", "某县", "长春市", "吉林市")),
        hall=attrs.evolve(hall, windows=tuple(w for u in units for w in u.windows)),
        departments=tuple(u.department for u in units),
        offices=tuple(u.office for u in units),
        sections=tuple(s for u in units for s in u.sections),
        officials=tuple(p for u in units for p in u.officials),
        catalogues=tuple(catalogues),
        letters=tuple(letters),
        seals=tuple(s for u in units for s in u.seals),
        fee_schedules=tuple(u.schedule for u in units if u.schedule is not None),
        reform_plan=plan,
        acceptance_checks=checks,
    )


@st.composite
def _lawful_catalogues(
    draw: st.DrawFn, department_ids: tuple[str, ...], max_items: int, start: _dt.date, end: _dt.date
) -> Catalogue:
    """A catalogue as a valid world's: items made as :func:`jurisdictions` makes them,
    version 1 effective (and published) on a working day in ``[start, end]``, perhaps a
    version 2 made from it by a change set, effective and published later."""
    looks = draw(c.looks())
    effective = _workday(draw, start, end)
    counts: dict[str, int] = {}
    drawn = []
    for _ in range(_int(draw, 0, max_items)):
        index = _int(draw, 0, len(department_ids) - 1)
        did = department_ids[index]
        counts[did] = counts.get(did, 0) + 1
        drawn.append(
            _item(
                draw,
                looks,
                item_id=f"{did}.item{counts[did]}",
                code=_code(index, counts[did]),
                department_id=did,
                others=[o for o in department_ids if o != did],
                schedule=None,
                free=False,
            )
        )
    published = Publication(effective, "政府门户网站", "https://gov.example/catalogue/1")
    first = Catalogue(1, effective, drawn, publications=[published])
    if not draw(st.booleans()):
        return first
    schedules: dict[str, FeeSchedule | None] = dict.fromkeys(department_ids)
    return _second_catalogue(draw, looks, first, schedules, _workday(draw, effective, end), False)


def catalogues(
    *,
    department_ids: Sequence[str] | None = None,
    max_items: int = 5,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
    valid_only: bool = False,
) -> st.SearchStrategy[Catalogue]:
    """A :class:`~shenpi.items.Catalogue` (公开目录) for some departments: a first version,
    or the second version :meth:`~shenpi.items.Catalogue.apply` makes of it with a
    consistent change set (cancel, delegate down, amend, add, take over); every item, the
    new ones included, belongs to one of ``department_ids``.

    With ``valid_only=False`` (the default, like the other one-class strategies) the
    items are any the model accepts (ids ``I0``, ``I1``, …; limits in any day unit, any
    legal basis, awkward text now and then), dated on any days in ``[start, end]``.

    With ``valid_only=True`` the items are made as :func:`jurisdictions` makes a valid
    world's (ids ``D0.item1``…, unique codes ``XK…``), so that the catalogue breaks no
    catalogue rule (``CAT001``-``CAT008``, ``TIME005``): each has a legal basis
    (licensing items only from the acts arts. 14-17 allow), materials, conditions and a
    procedure; a promised limit in working days no longer than the statutory one (at
    most 20, 45 for a joint item led by its own department with one or two of the other
    departments); none is a fee item or links a fee schedule (a schedule belongs to a
    world: use :func:`jurisdictions` for fee items). Version 1 takes effect on a working
    day in ``[start, end]`` (``start`` if the range holds none), a version 2 on the same
    or a later one, each published on its day.

    Args:
        department_ids: the departments items belong to (default: any ids; with
            ``valid_only``, ``D0``, ``D1`` and ``D2``).
        max_items: at most this many items in the first version (the second may add two).
        start, end: the range of the effective and publication days.
        valid_only: a catalogue without violations, or any the model accepts (default).

    Raises:
        InvalidType, InvalidValue: an argument that is not of the expected type or range,
            named in the error's ``field``.
    """
    pool = None if department_ids is None else c.check_ids("department_ids", department_ids)
    _check_count("max_items", max_items)
    c.check_days(start, end)
    if not valid_only:
        return v.any_catalogues(department_ids=pool, max_items=max_items, start=start, end=end)
    return _lawful_catalogues(pool or ("D0", "D1", "D2"), max_items, start, end)


# ====================================================================== case contexts
@attrs.frozen
class _Desk:
    site_id: str
    window: Window

    def open_on(self, day: _dt.date) -> bool:
        w = self.window
        return (w.opened_on is None or w.opened_on <= day) and (
            w.closed_on is None or day < w.closed_on
        )


@attrs.frozen
class _Context:
    """What a case for one item may reference, and when it may be submitted."""

    item: Item
    department_id: str
    head_id: str | None
    office: ApprovalOffice | None
    clerks: tuple[str, ...]
    desks: tuple[_Desk, ...]
    letters: tuple[AuthorizationLetter, ...]
    seals: tuple[Seal, ...]
    staff: tuple[str, ...]
    units: tuple[str, ...]
    co_departments: tuple[tuple[str, str | None], ...]
    schedule: FeeSchedule | None
    first_day: _dt.date
    last_day: _dt.date


@attrs.frozen
class _World:
    """A jurisdiction prepared for drawing cases."""

    jurisdiction: Jurisdiction
    contexts: tuple[_Context, ...]
    sites: tuple[str, ...]
    cashier_sites: tuple[str, ...]
    free: bool


def _available_from(j: Jurisdiction, item_id: str) -> _dt.date | None:
    """The first day of the run of catalogue versions, up to the current one, in which
    the item is active (``None`` if it is not active now)."""
    first = None
    for catalogue in j.catalogues:
        found = catalogue.get(item_id)
        if found is None or found.status is not ItemStatus.ACTIVE:
            first = None
        elif first is None:
            first = catalogue.effective_on
    return first


def _span(limit: TimeLimit, free: bool) -> int:
    """Working days a case may take from submission to the last due day, at most."""
    late = LATE if free else 0
    extensions = 2 if free else 1
    base = limit.amount + (2 * INTAKE if limit.unit is TimeUnit.NATURAL_DAYS else 0)
    intake = (INTAKE + late) + (SUPPLEMENT_WAIT + late) + (INTAKE + late)
    pauses = SUSPENSIONS * (late + SUSPENSION + late)
    extended = extensions * (late + JOINT_EXTENSION + 5)
    opinions = 2 * late
    return intake + base + pauses + extended + opinions + late + DELIVERY + late + INTAKE


def _prepare(j: Jurisdiction, start: _dt.date, end: _dt.date, free: bool) -> _World:
    cal = c.official()
    last_workday = c.workday_on_or_before(c.LAST_DAY)
    catalogue = j.catalogue
    sites = {s.id: s for s in j.hall.sites}
    contexts = []
    for item in catalogue.items if catalogue is not None else ():
        statutory, promised = item.statutory_limit, item.promised_limit
        if statutory.unit not in v.DAY_UNITS or promised.unit is not statutory.unit:
            continue
        available = _available_from(j, item.id)
        if available is None:
            continue
        lead = item.lead_department_id if item.joint and item.lead_department_id else None
        did = lead or item.department_id
        department = j.department(did)
        office = j.office_of(did)
        desks = tuple(
            _Desk(w.site_id, w)
            for w in j.hall.windows
            if w.department_id == did
            and w.site_id in sites
            and (free or sites[w.site_id].kind.inside_hall)
        )
        if not desks and not free:
            continue
        span = _span(statutory, free)
        if span >= cal.workdays_between(c.FIRST_DAY, last_workday):
            continue
        latest = cal.add_workdays(last_workday, -span)
        first_day = c.workday_on_or_after(max(start, available))
        last_day = min(end, latest)
        if first_day > last_day:
            continue
        people = [p for p in j.officials if p.department_id == did]
        clerks = tuple(
            p.id
            for p in people
            if office is not None
            and p.unit_id == office.id
            and p.role in (Role.WINDOW_STAFF, Role.OFFICE_STAFF, Role.OFFICE_DIRECTOR)
        )
        co = []
        for other in item.co_department_ids:
            other_office = j.office_of(other)
            co.append((other, other_office.director_id if other_office is not None else None))
        schedule = j.fee_schedule(item.fee_schedule_id) if item.fee_schedule_id else None
        contexts.append(
            _Context(
                item=item,
                department_id=did,
                head_id=department.head_id if department is not None else None,
                office=office,
                clerks=clerks,
                desks=desks,
                letters=j.letters_of(did),
                seals=j.seals_of(did),
                staff=tuple(p.id for p in people),
                units=(
                    *((office.id,) if office is not None else ()),
                    *(s.id for s in j.sections if s.department_id == did),
                ),
                co_departments=tuple(co),
                schedule=schedule,
                first_day=first_day,
                last_day=last_day,
            )
        )
    return _World(
        jurisdiction=j,
        contexts=tuple(contexts),
        sites=tuple(sites),
        cashier_sites=tuple(s.id for s in j.hall.sites if s.kind is SiteKind.MAIN_HALL),
        free=free,
    )


# ====================================================================== one case
def _fee_eligible(standard: FeeStandard, day: _dt.date) -> bool:
    lawful = any(b.level in FEE_LEVELS for b in standard.legal_basis)
    published = standard.published_on is not None and standard.published_on <= day
    return lawful and published


_ENDINGS = ("decided", "decided", "decided", "refused", "withdrawn")
_REFUSALS = (("不属于本机关职权范围", "请向有关行政机关申请"), ("依法不需要取得行政许可", ""))
_DENIAL = "不符合法定条件；申请人可依法申请行政复议或者提起行政诉讼"


class _Story:
    """Tells one case's history, event by event, keeping its two clocks (under the
    statutory and the promised limit) as it goes, so every step can be placed on or
    before the due day."""

    def __init__(self, draw: st.DrawFn, world: _World, ctx: _Context) -> None:
        self.draw = draw
        self.looks = draw(c.looks())
        self.world = world
        self.ctx = ctx
        self.free = world.free
        self.cal = c.official()
        self.events: list[Event] = []
        self.day = ctx.first_day
        self.accepted: _dt.date | None = None
        self.steps: list[ClockStep] = []
        self.desk: _Desk | None = None

    # ------------------------------------------------------------ helpers
    def add(self, event: Event) -> None:
        self.events.append(event)
        self.day = event.on

    def later(self, most: int) -> _dt.date:
        """A working day at most ``most`` working days after the last event (``LATE``
        more when any world is wanted)."""
        extra = LATE if self.free else 0
        return self.cal.add_workdays(self.day, _int(self.draw, 0, max(0, most) + extra))

    def room(self) -> int:
        """Working days from the last event to the decision's due day as the law leaves
        it after the steps so far (0 on it, and 0 before acceptance)."""
        if self.accepted is None:
            return 0
        item = self.ctx.item
        cap = LAW.joint_extension if item.joint else LAW.decision_extension
        dues = []
        for limit in (item.statutory_limit, item.promised_limit):
            start = Clock.start(limit, on=self.accepted, calendar=self.cal)
            due = lawful_clock(start, self.steps, cap=cap)[0].due
            if isinstance(due, _dt.date):
                dues.append(due)
        return max(0, self.cal.workdays_between(self.day, min(dues))) if dues else 0

    def add_step(self, event: Suspended | Resumed | Extended) -> None:
        """Add a step of the decision period and record it (judged by
        :func:`lawful_clock`, arts. 42 and 45)."""
        self.add(event)
        if self.accepted is not None:
            self.steps.append(ClockStep.of(len(self.events) - 1, event))

    def pick(self, valid: Sequence[str | None], anything: Sequence[str | None]) -> str | None:
        """One of ``valid``; when any world is wanted, perhaps one of ``anything``."""
        if self.free and (not valid or _int(self.draw, 0, 3) == 0):
            chosen: str | None = _one(self.draw, (*anything, None))
            return chosen
        return self.looks.pick(valid) if valid else None

    def official(self) -> str | None:
        return self.pick(self.ctx.clerks, self.ctx.staff)

    def desk_on(self, day: _dt.date) -> _Desk | None:
        open_desks = [d for d in self.ctx.desks if self.free or d.open_on(day)]
        return self.looks.pick(open_desks) if open_desks else None

    # ------------------------------------------------------------ the story
    def tell(self, application_id: str) -> Application:
        ctx, item = self.ctx, self.ctx.item
        submitted = _workday(self.draw, ctx.first_day, ctx.last_day)
        self.desk = self.desk_on(submitted)
        channel = _one(self.draw, tuple(Channel)) if self.desk is not None else Channel.ONLINE
        desk = self.desk
        self.add(
            Submitted(
                submitted,
                site_id=desk.site_id if desk and channel is not Channel.ONLINE else None,
                window_id=desk.window.id if desk and channel is Channel.WINDOW else None,
            )
        )
        ending = _one(self.draw, _ENDINGS)
        if self.intake(ending):
            self.review(ending)
        valid_identifier = not self.free or self.looks.random() < 0.8
        kind = _one(self.draw, tuple(ApplicantType))
        applicant = (
            v.applicant_of(kind, self.looks)
            if valid_identifier
            else Applicant(kind, self.looks.person(), "123456", IdentifierKind.RESIDENT_ID)
        )
        return Application(
            id=application_id,
            applicant=applicant,
            item_ids=(item.id,),
            channel=channel,
            events=self.events,
            site_id=self.desk.site_id if self.desk is not None else None,
            lead_department_id=ctx.department_id if item.joint else None,
        )

    def intake(self, ending: str) -> bool:
        """Supplement, then accept or refuse; whether the case goes on to review."""
        item = self.ctx.item
        if _int(self.draw, 0, 2) == 0:
            names = [m.name for m in item.materials] or ["申请书"]
            missing = self.looks.some(names, len(names))
            self.add(SupplementRequested(self.later(INTAKE), missing, self.official()))
            if ending == "withdrawn" and self.draw(st.booleans()):
                self.add(Withdrawn(self.later(SUPPLEMENT_WAIT), "申请人未补正，撤回申请"))
                return False
            self.add(Supplemented(self.later(SUPPLEMENT_WAIT)))
        answer = self.later(INTAKE)
        if ending == "refused":
            reason, referral = self.looks.pick(_REFUSALS)
            self.add(NotAccepted(answer, reason, referral, self.official()))
            return False
        desk = self.desk_on(answer)
        if self.free and (desk is None or _int(self.draw, 0, 9) == 0):
            return True
        if desk is None:
            self.add(Withdrawn(answer, "申请人撤回"))
            return False
        self.desk = desk
        self.add(Accepted(answer, self.official(), desk.site_id, desk.window.id))
        self.accepted = answer
        return True

    def review(self, ending: str) -> None:
        item = self.ctx.item
        instant = item.handling is HandlingType.INSTANT and not self.free
        if self.accepted is not None and not instant:
            for _ in range(_int(self.draw, 0, SUSPENSIONS)):
                self.suspend()
            for _ in range(_int(self.draw, 0, 2 if self.free else 1)):
                self.extend()
        if ending == "withdrawn":
            self.add(Withdrawn(self.later(self.room()), "申请人撤回"))
            return
        denied = False
        for department_id, official_id in self.ctx.co_departments:
            outcome = _one(self.draw, (Outcome.APPROVED, Outcome.APPROVED, Outcome.DENIED))
            denied = denied or outcome is Outcome.DENIED
            self.add(OpinionGiven(self.later(self.room()), department_id, outcome, official_id))
        self.decide(self.day if instant else self.later(self.room()), denied)

    def suspend(self) -> None:
        suspended_on = self.later(self.room())
        reason: Suspension | None = _one(self.draw, tuple(Suspension))
        basis = "《专家评审管理办法》第八条" if reason is Suspension.OTHER else ""
        if self.free and _int(self.draw, 0, 3) == 0:
            reason, basis = _one(self.draw, ((None, basis), (Suspension.OTHER, "")))
        self.add_step(Suspended(suspended_on, reason, basis))
        self.add_step(Resumed(self.later(SUSPENSION)))

    def extend(self) -> None:
        assert self.accepted is not None
        allowed = JOINT_EXTENSION if self.ctx.item.joint else EXTENSION
        extended_on = self.later(self.room())
        unit = self.ctx.item.statutory_limit.unit
        by = TimeLimit(unit, _int(self.draw, 1, allowed + 5 * self.free))
        head = self.pick((self.ctx.head_id,) if self.ctx.head_id else (), self.ctx.staff)
        self.add_step(Extended(extended_on, by, head, "情况复杂，经本行政机关负责人批准延长"))

    def decide(self, day: _dt.date, denied: bool) -> None:
        ctx, item, desk = self.ctx, self.ctx.item, self.desk
        office = ctx.office
        director = office.director_id if office is not None else None
        letters = [
            x.id
            for x in ctx.letters
            if x.grantor_id == ctx.head_id and x.grantee_id == director and x.covers(item.id, day)
        ]
        seals = [x.id for x in ctx.seals if x.kind is SealKind.DEDICATED_APPROVAL and x.active(day)]
        lawful = (
            office is not None
            and office.entered(day)
            and director is not None
            and bool(letters)
            and bool(seals)
            and desk is not None
            and desk.open_on(day)
        )
        if not self.free and not lawful:
            self.add(Withdrawn(day, "申请人撤回"))
            return
        approved = not denied and _int(self.draw, 0, 4) > 0
        outcome = Outcome.APPROVED if approved else Outcome.DENIED
        self.add(
            Decided(
                day,
                outcome,
                department_id=ctx.department_id,
                official_id=self.pick((director,) if director else (), ctx.staff),
                site_id=self.pick((desk.site_id,) if desk else (), self.world.sites),
                unit_id=self.pick((office.id,) if office else (), ctx.units),
                letter_id=self.pick(letters, tuple(x.id for x in ctx.letters)),
                seal_id=self.pick(seals, tuple(x.id for x in ctx.seals)),
                reasons="" if approved else _DENIAL,
            )
        )
        delivered_on = self.cal.add_workdays(day, _int(self.draw, 0, DELIVERY + LATE * self.free))
        if approved:
            self.pay(day, delivered_on)
        self.add(Delivered(delivered_on, self.looks.pick(("窗口领取", "邮寄", "电子证照"))))

    def pay(self, decided_on: _dt.date, delivered_on: _dt.date) -> None:
        schedule = self.ctx.schedule
        if schedule is None or not self.draw(st.booleans()):
            return
        span = self.cal.workdays_between(decided_on, delivered_on)
        paid_on = self.cal.add_workdays(decided_on, _int(self.draw, 0, span))
        standards = [s for s in schedule.standards if self.free or _fee_eligible(s, paid_on)]
        if not standards:
            return
        rule = _one(self.draw, standards).rule
        standard = next(s for s in standards if s.rule is rule)
        quantity = None
        if rule.kind is RuleKind.FIXED:
            assert rule.amount is not None
            amount = rule.amount
        elif rule.kind is RuleKind.RANGE:
            assert rule.minimum is not None
            assert rule.maximum is not None
            amount = (
                rule.minimum
                + _cents(self.looks, 0)
                + (rule.maximum - rule.minimum) * (decimal.Decimal(self.looks.randint(0, 4)) / 4)
            )
        else:
            quantity = decimal.Decimal(_int(self.draw, 1, 600))
            amount = rule.charge(quantity)
        unified: tuple[CollectionPoint, ...] = (
            CollectionPoint.HALL_CASHIER,
            CollectionPoint.HALL_ONLINE,
        )
        if not self.world.cashier_sites:
            unified = (CollectionPoint.HALL_ONLINE,)
        point = _one(self.draw, tuple(CollectionPoint) if self.free else unified)
        if self.free and _int(self.draw, 0, 3) == 0:
            amount += 1
        at_cashier = point is CollectionPoint.HALL_CASHIER
        payment = Payment(
            amount=amount,
            collected_at=point,
            schedule_id=schedule.id,
            standard_id=standard.id,
            quantity=quantity,
            site_id=self.pick(self.world.cashier_sites, self.world.sites) if at_cashier else None,
            method="网上支付" if point is CollectionPoint.HALL_ONLINE else "银行卡",
            receipt=f"R{self.looks.randrange(10**8):08d}",
        )
        self.add(FeePaid(paid_on, payment))


def _draw_case(
    draw: st.DrawFn, world: _World, application_id: str, item_id: str | None = None
) -> Application:
    if item_id is None:
        ctx = _one(draw, world.contexts)
    else:
        ctx = next(x for x in world.contexts if x.item.id == item_id)
    return _Story(draw, world, ctx).tell(application_id)


def _complaints(
    draw: st.DrawFn, j: Jurisdiction, start: _dt.date, end: _dt.date, most: int, free: bool
) -> tuple[Complaint, ...]:
    cal = c.official()
    looks = draw(c.looks())
    last_workday = c.workday_on_or_before(c.LAST_DAY)
    last = cal.add_workdays(last_workday, -(INTAKE + LATE))
    found = []
    for k in range(_int(draw, 0, most)):
        case = _one(draw, (None, *j.applications))
        if case is not None:
            item = j.item(case.item_ids[0])
            department = item.department_id if item is not None else None
            received = case.events[-1].on
        else:
            department = _one(draw, [d.id for d in j.departments])
            received = _workday(draw, start, min(end, last))
        most_days = min(cal.workdays_between(received, last_workday), INTAKE + LATE * free)
        handled = cal.add_workdays(received, _int(draw, 0, max(0, most_days)))
        found.append(
            Complaint(
                id=f"C{k}",
                channel=looks.pick(tuple(ComplaintChannel)),
                received_on=received,
                department_id=department,
                application_id=case.id if case is not None else None,
                summary=looks.pick(("办理时间过长", "窗口态度不好", "答复不清楚")),
                handled_on=_one(draw, (handled, None)) if free else handled,
                outcome="已核实并答复投诉人",
            )
        )
    return tuple(found)


# ====================================================================== public strategies
def _check_count(name: str, value: object, least: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(name, value, "expected a whole number.", "应为整数。")
    if value < least:
        raise InvalidValue(name, value, f"must be at least {least}.", f"不能小于 {least}。")
    return value


@st.composite
def _jurisdictions(
    draw: st.DrawFn,
    *,
    min_departments: int,
    max_departments: int,
    max_items_per_department: int,
    min_applications: int,
    max_applications: int,
    max_complaints: int,
    start: _dt.date,
    end: _dt.date,
    free: bool,
    department_ids: tuple[str, ...] | None,
) -> Jurisdiction:
    reference = draw(
        _reference(
            min_departments=min_departments,
            max_departments=max_departments,
            max_items=max_items_per_department,
            start=start,
            end=end,
            free=free,
            department_ids=department_ids,
        )
    )
    world = _prepare(reference, start, end, free)
    if not world.contexts and min_applications:
        raise _no_time(start)
    count = _int(draw, min_applications, max_applications) if world.contexts else 0
    cases = [_draw_case(draw, world, f"A{i}") for i in range(count)]
    with_cases = reference.with_applications(cases)
    complaints = _complaints(draw, with_cases, start, end, max_complaints, free)
    return attrs.evolve(with_cases, complaints=complaints)


def _no_time(start: _dt.date) -> InvalidValue:
    return InvalidValue(
        "start",
        start,
        "leaves no working day in [start, end] on which a case can be submitted with time "
        "for its history before the end of the calendar's data.",
        "区间内没有可提交办件且在日历数据结束前办结的工作日。",
        "choose a range with working days, ending by 2026-06-30 (the default end).",
    )


def jurisdictions(
    *,
    min_departments: int = 1,
    max_departments: int = 6,
    department_ids: Sequence[str] | None = None,
    max_items_per_department: int = 4,
    min_applications: int = 0,
    max_applications: int = 20,
    max_complaints: int = 3,
    start: _dt.date = DEFAULT_START,
    end: _dt.date = DEFAULT_END,
    valid_only: bool = True,
) -> st.SearchStrategy[Jurisdiction]:
    """A whole, consistent :class:`~shenpi.jurisdiction.Jurisdiction`: every id it
    references exists, and its cases' histories are in a legal order.

    See the module documentation of :mod:`shenpi.testing` for exactly what the world
    contains and what ``valid_only=True`` guarantees.

    Args:
        min_departments: at least this many departments (at least 1).
        max_departments: at most this many departments (and no more than
            ``department_ids`` holds).
        department_ids: the ids the departments take, such as the codes of the host's
            own departments: the world's departments are ``min_departments`` …
            ``max_departments`` of them, in the order given, and every case, item,
            office, official, letter, seal and fee schedule belongs to one of those.
            Default: ``D0``, ``D1``, ….
        max_items_per_department: each department has 1 … this many items.
        min_applications, max_applications: how many cases (``A0``, ``A1``, …). The
            world has at least ``min_applications`` whenever ``[start, end]`` leaves
            time for a case before the end of the calendar's data (the default range
            always does; otherwise drawing raises ``InvalidValue`` naming ``start``).
        max_complaints: at most this many complaints (``C0``, …).
        start, end: cases are submitted on working days in ``[start, end]`` (each early
            enough that every due day of its history has official calendar data).
        valid_only: a world without reform violations (default), or one where each
            reform rule may be broken (references still resolve).

    Raises:
        InvalidType, InvalidValue: an argument that is not of the expected type or range,
            named in the error's ``field``.
    """
    _check_count("min_departments", min_departments, 1)
    _check_count("max_departments", max_departments, min_departments)
    pool = None if department_ids is None else c.check_ids("department_ids", department_ids)
    if pool is not None and min_departments > len(pool):
        raise InvalidValue(
            "min_departments",
            min_departments,
            f"is more than the {len(pool)} department_ids given.",
            "大于给定部门编号的数量。",
        )
    _check_count("max_items_per_department", max_items_per_department, 1)
    _check_count("min_applications", min_applications)
    _check_count("max_applications", max_applications, min_applications)
    _check_count("max_complaints", max_complaints)
    c.check_days(start, end)
    return _jurisdictions(
        min_departments=min_departments,
        max_departments=max_departments,
        max_items_per_department=max_items_per_department,
        min_applications=min_applications,
        max_applications=max_applications,
        max_complaints=max_complaints,
        start=start,
        end=end,
        free=not valid_only,
        department_ids=pool,
    )


@st.composite
def _cases_for(draw: st.DrawFn, world: _World, prefix: str, item_id: str | None) -> Application:
    taken = {a.id for a in world.jurisdiction.applications}
    number = draw(st.integers(0, 9_999))
    while f"{prefix}{number}" in taken:
        number += 1
    return _draw_case(draw, world, f"{prefix}{number}", item_id)


@st.composite
def _standalone_cases(
    draw: st.DrawFn,
    start: _dt.date,
    end: _dt.date,
    free: bool,
    prefix: str,
    department_ids: tuple[str, ...] | None,
) -> Application:
    reference = draw(
        _reference(
            min_departments=1,
            max_departments=2,
            max_items=2,
            start=start,
            end=end,
            free=free,
            department_ids=department_ids,
        )
    )
    world = _prepare(reference, start, end, free)
    if not world.contexts:
        raise _no_time(start)
    return _draw_case(draw, world, f"{prefix}{draw(st.integers(0, 9_999))}")


def _only(world: _World, department_ids: tuple[str, ...] | None) -> _World:
    """The world with only the contexts of items the given departments decide."""
    if department_ids is None:
        return world
    j = world.jurisdiction
    unknown = [d for d in department_ids if j.department(d) is None]
    if unknown:
        raise InvalidValue(
            "department_ids",
            department_ids,
            f"names no department of the jurisdiction: {', '.join(unknown)}.",
            "辖区中没有这些部门。",
        )
    chosen = set(department_ids)
    contexts = tuple(x for x in world.contexts if x.department_id in chosen)
    return attrs.evolve(world, contexts=contexts)


def applications(
    jurisdiction: Jurisdiction | None = None,
    *,
    item_id: str | None = None,
    department_ids: Sequence[str] | None = None,
    valid_only: bool = True,
    start: _dt.date = DEFAULT_START,
    end: _dt.date = DEFAULT_END,
    id_prefix: str = "A",
) -> st.SearchStrategy[Application]:
    """A case (:class:`~shenpi.applications.Application`) with a history in a legal order.

    With a ``jurisdiction`` the case is for one of its items (active in the catalogue
    version in effect on the submission day and in the current one) and references only
    its sites, windows, officials, letters, seals and fee schedules; its id is
    ``id_prefix`` plus a number not used by the jurisdiction's cases. Without one, the
    case belongs to a small world drawn for it and not returned.

    With ``valid_only=True`` the history keeps every time rule and decision rule listed
    in :mod:`shenpi.testing`; a case whose decision the jurisdiction cannot lawfully
    make on the drawn day (no letter in force, no active dedicated seal, an office not
    yet in the hall, no open window in the hall) is withdrawn on that day instead.

    To draw several cases for one world, draw them one by one (``st.data()``) or use
    :func:`jurisdictions` with ``min_applications``; cases drawn separately may share an
    id.

    Args:
        jurisdiction: the world the case belongs to (its own cases are kept as they are).
        item_id: the item applied for (default: drawn).
        department_ids: only items these departments accept and decide (the lead
            department of a joint item) are applied for. With a ``jurisdiction`` they
            must be its departments; without one, the small world drawn for the case is
            made of one or two of them. Default: any department.
        valid_only: keep the reform's rules (default), or break them now and then.
        start, end: the case is submitted on a working day in ``[start, end]``.
        id_prefix: the case id's prefix.

    Raises:
        InvalidType, InvalidValue: an argument that is not of the expected type or range,
            or a jurisdiction (with ``item_id`` and ``department_ids``) that leaves no
            item to apply for in ``[start, end]``, named in the error's ``field``.
    """
    c.check_days(start, end)
    if not isinstance(id_prefix, str) or not id_prefix.strip() or id_prefix != id_prefix.strip():
        raise InvalidValue("id_prefix", id_prefix, "must be non-blank text.", "不能为空。")
    pool = None if department_ids is None else c.check_ids("department_ids", department_ids)
    if jurisdiction is None:
        if item_id is not None:
            raise InvalidValue(
                "item_id", item_id, "needs a jurisdiction to look the item up in.", "需要辖区。"
            )
        return _standalone_cases(start, end, not valid_only, id_prefix, pool)
    if not isinstance(jurisdiction, Jurisdiction):
        raise InvalidType("jurisdiction", jurisdiction, "expected a Jurisdiction.", "应为辖区。")
    world = _only(_prepare(jurisdiction, start, end, not valid_only), pool)
    eligible = {x.item.id for x in world.contexts}
    if item_id is not None and item_id not in eligible:
        raise InvalidValue(
            "item_id",
            item_id,
            "is not an active item a case can be drawn for in [start, end] (day-unit limits, "
            "a window in the hall, time before the end of the calendar's data"
            f"{', decided by one of department_ids' if pool is not None else ''}).",
            "不是可生成办件的在用事项。",
        )
    if not eligible:
        raise InvalidValue(
            "department_ids" if pool is not None else "jurisdiction",
            pool if pool is not None else jurisdiction.name,
            "leaves no active item a case can be drawn for in [start, end].",
            "没有可生成办件的在用事项。",
        )
    return _cases_for(world, id_prefix, item_id)


def histories(
    jurisdiction: Jurisdiction | None = None,
    *,
    item_id: str | None = None,
    department_ids: Sequence[str] | None = None,
    valid_only: bool = True,
    start: _dt.date = DEFAULT_START,
    end: _dt.date = DEFAULT_END,
) -> st.SearchStrategy[tuple[Event, ...]]:
    """The events of a case drawn by :func:`applications`: a history beginning with its
    submission, in a legal order, ready for ``Application(events=...)``.

    Args:
        jurisdiction: the world the case belongs to (default: a small world drawn for it).
        item_id: the item applied for (default: drawn).
        department_ids: only items these departments accept and decide are applied for.
        valid_only: keep the reform's rules (default), or break them now and then.
        start, end: the history begins on a working day in ``[start, end]``.

    Raises:
        InvalidType, InvalidValue: as :func:`applications`.
    """
    cases = applications(
        jurisdiction,
        item_id=item_id,
        department_ids=department_ids,
        valid_only=valid_only,
        start=start,
        end=end,
    )
    return cases.map(lambda case: case.events)
