"""One strategy per model class: any value the model accepts, drawn constructively.

These values stand alone: the ids they reference need not exist anywhere unless the
caller passes the ids to draw from (``department_ids=...``). For a consistent world use
:func:`shenpi.testing.jurisdictions`.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import functools
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import attrs
from hypothesis import strategies as st

from shenpi.applications import (
    EVENT_TYPES,
    Accepted,
    Applicant,
    ApplicantType,
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
from shenpi.errors import InvalidValue
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
    NATIONAL_ITEM_TYPES,
    Catalogue,
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
    ItemCodeFormat,
    ItemKind,
    ItemStatus,
    LegalBasis,
    LegalLevel,
    Material,
    Publication,
)
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
from shenpi.reform import AcceptanceCheck, AcceptancePoint, ReformPhase, ReformPlan
from shenpi.seals import Seal, SealKind
from shenpi.testing import _common as c
from shenpi.timing.clock import Suspension
from shenpi.timing.limits import TimeLimit, TimeUnit

Ids = Sequence[str] | None
F = TypeVar("F", bound=Callable[..., Any])
E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")

DAY_UNITS = (TimeUnit.WORKDAYS, TimeUnit.NATURAL_DAYS)
"""The units a case's history can be counted in (an hour limit needs times of day)."""

_MEMO_SIZE = 512


def _key(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_key(v) for v in value)
    hash(value)
    return value


def memo(factory: F) -> F:
    """Reuse the strategy a factory built for the same arguments (lists count as tuples).

    Hypothesis validates every new strategy object; building the same one on every draw
    of a composite would cost more than the drawing.
    """
    cache: OrderedDict[Any, Any] = OrderedDict()

    @functools.wraps(factory)
    def build(*args: Any, **kwargs: Any) -> Any:
        try:
            key = (_key(args), _key(tuple(sorted(kwargs.items()))))
        except TypeError:
            return factory(*args, **kwargs)
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        strategy = factory(*args, **kwargs)
        cache[key] = strategy
        if len(cache) > _MEMO_SIZE:
            cache.popitem(last=False)
        return strategy

    return cast("F", build)


@memo
def _among(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@memo
def _lists(
    strategy: st.SearchStrategy[Any], least: int = 0, most: int = 3, unique: bool = False
) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, min_size=least, max_size=most, unique=unique)


@memo
def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``None`` or a value of ``strategy``."""
    return st.none() | strategy


@memo
def _or_empty(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``""`` or a text of ``strategy``."""
    return st.just("") | strategy


def _kinds(chosen: Sequence[E] | None, every: type[E]) -> st.SearchStrategy[E]:
    values: tuple[E, ...] = tuple(chosen) if chosen else tuple(every)
    if not values:
        raise InvalidValue(every.__name__, values, "give at least one member.", "至少一个。")
    strategy: st.SearchStrategy[E] = _among(values)
    return strategy


def _perhaps(draw: st.DrawFn, value: T) -> T | None:
    """``value`` or ``None``."""
    return value if draw(st.booleans()) else None


@memo
def _ordered_days(first: _dt.date, last: _dt.date) -> st.SearchStrategy[tuple[_dt.date, _dt.date]]:
    """Two days ``a <= b`` in ``[first, last]``, drawn without rejection."""
    span = (last - first).days

    def pair(offsets: tuple[int, int]) -> tuple[_dt.date, _dt.date]:
        a, b = sorted(offsets)
        return first + _dt.timedelta(days=a), first + _dt.timedelta(days=b)

    return st.tuples(st.integers(0, span), st.integers(0, span)).map(pair)


_WINDOW_NAMES = st.integers(1, 60).map(lambda n: f"{n}号窗口")
_ARTICLES = st.integers(1, 120).map(lambda n: f"第{n}条")
_CODES = st.integers(0, 99_999).map(lambda n: f"XK-{n:05d}")
_URLS = st.integers(1, 9999).map(lambda n: f"https://gov.example/{n}")
_RECEIPTS = st.integers(0, 10**8).map(lambda n: f"R{n:08d}")
_REGISTRY = st.integers(0, 10**6).map(str)


# ------------------------------------------------------------------ organization
@memo
def service_sites(
    *, kinds: Sequence[SiteKind] | None = None, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[ServiceSite]:
    """A :class:`~shenpi.organization.ServiceSite`.

    Args:
        kinds: the site kinds to draw from (default: all; pass
            ``(SiteKind.MAIN_HALL, SiteKind.SUB_CENTER)`` for sites inside the hall).
        ids: the ids to draw (default: ``"S"`` plus a number, or an awkward text).
    """
    return st.builds(
        ServiceSite,
        id=ids if ids is not None else c.ids("S"),
        name=c.names(("行政服务中心", "政务服务大厅", "不动产登记分中心", "公安分中心")),
        kind=_kinds(kinds, SiteKind),
        address=_or_empty(c.free_text()),
    )


@memo
@st.composite
def windows(
    draw: st.DrawFn,
    *,
    site_ids: Ids = None,
    department_ids: Ids = None,
    ids: st.SearchStrategy[str] | None = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> Window:
    """A :class:`~shenpi.organization.Window` (窗口), opened and perhaps closed in
    ``[start, end]``.

    Args:
        site_ids, department_ids: the ids to reference (default: any ids).
        ids: the window ids to draw.
    """
    opened, closed = draw(_ordered_days(start, end))
    return Window(
        id=draw(ids if ids is not None else c.ids("W")),
        site_id=draw(c.id_from(site_ids, "S")),
        department_id=draw(c.id_from(department_ids, "D")),
        name=draw(_or_empty(_WINDOW_NAMES)),
        opened_on=_perhaps(draw, opened),
        closed_on=_perhaps(draw, closed),
    )


@memo
@st.composite
def halls(
    draw: st.DrawFn,
    *,
    max_sites: int = 4,
    max_windows: int = 6,
    department_ids: Ids = None,
) -> Hall:
    """A :class:`~shenpi.organization.Hall` whose first site is the main hall, with
    windows at its own sites (site ids ``S0``… and window ids ``W0``…, unique).

    Args:
        max_sites: at most this many sites (at least one: the main hall).
        max_windows: at most this many windows.
        department_ids: the departments windows belong to (default: any ids).
    """
    extra = draw(_lists(_among(tuple(SiteKind)), 0, max(0, max_sites - 1)))
    kinds = (SiteKind.MAIN_HALL, *extra)
    sites = tuple(
        attrs.evolve(draw(service_sites(kinds=(kind,))), id=f"S{i}") for i, kind in enumerate(kinds)
    )
    count = draw(st.integers(0, max_windows))
    counters = tuple(
        attrs.evolve(
            draw(windows(department_ids=department_ids)),
            id=f"W{i}",
            site_id=sites[draw(st.integers(0, len(sites) - 1))].id,
        )
        for i in range(count)
    )
    return Hall(
        id=draw(c.ids("H")),
        name=draw(c.names(("某市行政服务中心", "某县政务服务中心"))),
        sites=sites,
        windows=counters,
    )


@memo
def departments(
    *, ids: st.SearchStrategy[str] | None = None, head_ids: Ids = None
) -> st.SearchStrategy[Department]:
    """A :class:`~shenpi.organization.Department` (部门), perhaps vertical (垂直部门).

    Args:
        ids: the department ids to draw.
        head_ids: the heads to reference (default: any id, or no head).
    """
    return st.builds(
        Department,
        id=ids if ids is not None else c.ids("D"),
        name=c.names(c.DEPARTMENT_NAMES),
        vertical=st.booleans(),
        head_id=_maybe(c.id_from(head_ids, "P")),
        approval_powers=st.booleans(),
        fee_powers=st.booleans(),
    )


@memo
def sections(*, department_ids: Ids = None, approval: bool = True) -> st.SearchStrategy[Section]:
    """A :class:`~shenpi.organization.Section` (内设科室).

    Args:
        department_ids: the departments to reference.
        approval: whether ``SectionFunction.APPROVAL`` (what the reform ends) may appear.
    """
    functions = tuple(f for f in SectionFunction if approval or f is not SectionFunction.APPROVAL)
    return st.builds(
        Section,
        id=c.ids("K"),
        department_id=c.id_from(department_ids, "D"),
        name=c.names(("综合科", "审批科", "监督检查科", "政策法规科", "规划科")),
        functions=_lists(_among(functions), 0, 3, True),
    )


@memo
@st.composite
def approval_offices(
    draw: st.DrawFn,
    *,
    department_ids: Ids = None,
    director_ids: Ids = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> ApprovalOffice:
    """An :class:`~shenpi.organization.ApprovalOffice` (行政审批办公室) whose 三进入 dates
    are each unset or in ``[start, end]``."""
    day = _maybe(c.days_between(start, end))
    return ApprovalOffice(
        id=draw(c.ids("O")),
        department_id=draw(c.id_from(department_ids, "D")),
        name=draw(c.names(("行政审批办公室", "审批办"))),
        director_id=draw(_maybe(c.id_from(director_ids, "P"))),
        established_on=draw(day),
        institution_entered_on=draw(day),
        staff_entered_on=draw(day),
        items_entered_on=draw(day),
    )


@memo
def officials(
    *, department_ids: Ids = None, roles: Sequence[Role] | None = None, unit_ids: Ids = None
) -> st.SearchStrategy[Official]:
    """An :class:`~shenpi.organization.Official`.

    Args:
        department_ids: the departments to reference.
        roles: the roles to draw from (default: all).
        unit_ids: the offices or sections the official may work in (default: any id or none).
    """
    return st.builds(
        Official,
        id=c.ids("P"),
        name=c.person_names() | c.free_text(),
        department_id=c.id_from(department_ids, "D"),
        role=_kinds(roles, Role),
        civil_servant=st.booleans(),
        unit_id=_maybe(c.id_from(unit_ids, "O")),
    )


# ------------------------------------------------------------------ items
@memo
def legal_bases(*, levels: Sequence[LegalLevel] | None = None) -> st.SearchStrategy[LegalBasis]:
    """A :class:`~shenpi.items.LegalBasis` (设定依据).

    Args:
        levels: the ranks to draw from (default: all).
    """
    return st.builds(
        LegalBasis,
        level=_kinds(levels, LegalLevel),
        title=c.names(c.LAW_TITLES),
        article=_or_empty(_ARTICLES),
    )


@memo
def materials() -> st.SearchStrategy[Material]:
    """A :class:`~shenpi.items.Material` (申请材料)."""
    return st.builds(
        Material,
        name=c.names(c.MATERIAL_NAMES),
        required=st.booleans(),
        copies=st.integers(0, 3),
    )


@memo
def time_limits(
    units: Sequence[TimeUnit] = tuple(TimeUnit),
    *,
    max_days: int = 60,
    max_hours: int = 8,
) -> st.SearchStrategy[TimeLimit]:
    """A positive :class:`~shenpi.timing.TimeLimit`.

    Args:
        units: the units to draw from (``DAY_UNITS`` for limits a case history can be
            counted in; hour limits are in whole minutes).
        max_days: the largest amount for day units.
        max_hours: the largest hour limit.
    """
    chosen = tuple(units)
    if not chosen:
        raise InvalidValue("units", chosen, "give at least one unit.", "至少给出一个单位。")
    options = []
    for unit in chosen:
        top = max_hours * 60 if unit is TimeUnit.HOURS else max_days
        options.append(st.builds(TimeLimit, st.just(unit), st.integers(1, max(1, top))))
    return st.one_of(options)


def national_type_of(kind: ItemKind) -> str | None:
    """The national item-type code (事项类型) of ``kind``, if it has one."""
    return next((code for code, (_, k) in NATIONAL_ITEM_TYPES.items() if k is kind), None)


@memo
@st.composite
def items(
    draw: st.DrawFn,
    *,
    department_ids: Ids = None,
    ids: st.SearchStrategy[str] | None = None,
    units: Sequence[TimeUnit] = DAY_UNITS,
    kinds: Sequence[ItemKind] | None = None,
    fee_schedule_ids: Ids = None,
    statuses: Sequence[ItemStatus] = (ItemStatus.ACTIVE,),
) -> Item:
    """An :class:`~shenpi.items.Item` (审批事项) whose promised limit is in the statutory
    limit's unit and no longer than it.

    Args:
        department_ids: the departments to draw the owner, lead and co-departments from.
        ids: the item ids to draw.
        units: the units of the limits (default: working and natural days).
        kinds: the item kinds to draw from (default: all).
        fee_schedule_ids: the fee schedules an item may link to (default: any id or none).
        statuses: the statuses to draw from (default: active).
    """
    kind = draw(_kinds(kinds, ItemKind))
    statutory = draw(time_limits(units))
    promised = TimeLimit(statutory.unit, draw(st.integers(1, statutory.amount)))
    department = c.id_from(department_ids, "D")
    joint = draw(st.booleans())
    return Item(
        id=draw(ids if ids is not None else c.ids("I")),
        code=draw(_CODES),
        name=draw(c.names(c.ITEM_NAMES)),
        kind=kind,
        department_id=draw(department),
        legal_basis=draw(_lists(legal_bases(), 0, 2)),
        statutory_limit=statutory,
        promised_limit=promised,
        handling=draw(_kinds(None, HandlingType)),
        materials=draw(_lists(materials(), 0, 4)),
        conditions=draw(_lists(c.names(c.CONDITIONS), 0, 2)),
        procedure=draw(_lists(c.names(c.PROCEDURE_STEPS), 0, 3)),
        fee_schedule_id=draw(_maybe(c.id_from(fee_schedule_ids, "F"))),
        joint=joint,
        lead_department_id=draw(department) if joint else None,
        co_department_ids=draw(_lists(department, 0, 2)) if joint else (),
        on_site_visits=draw(st.integers(0, 3)),
        online=draw(st.booleans()),
        seal_exception=draw(_or_empty(c.names(c.LAW_TITLES))),
        national_type=_perhaps(draw, national_type_of(kind)),
        status=draw(_kinds(statuses, ItemStatus)),
    )


@memo
def publications(
    *, start: _dt.date = c.FIRST_DAY, end: _dt.date = c.LAST_DAY
) -> st.SearchStrategy[Publication]:
    """A :class:`~shenpi.items.Publication` of a catalogue version, in ``[start, end]``."""
    return st.builds(
        Publication,
        published_on=c.days_between(start, end),
        where=c.names(("政府门户网站", "行政服务中心公告栏", "政府公报")),
        url=_or_empty(_URLS),
    )


CODE_PATTERNS = (
    r"XK-\d{5}",
    r"XK\d{5,}",
    r"[A-Z]{2}-\d{4}",
    r"\d{5}",
    r"[0-9A-Z]{8,32}",
    r".+",
)
"""Regular expressions an :class:`~shenpi.items.ItemCodeFormat` may hold; the first two
match the codes :func:`items` and the consistent worlds draw."""


@memo
def item_code_formats() -> st.SearchStrategy[ItemCodeFormat]:
    """An :class:`~shenpi.items.ItemCodeFormat` (事项编码规则) whose pattern is a valid
    regular expression: one of a few realistic ones, among them ``XK-\\d{5}``, which
    every code :func:`items` draws matches."""
    return st.builds(
        ItemCodeFormat,
        name=c.names(("local", "市级事项编码", "省级事项编码")),
        pattern=_among(CODE_PATTERNS),
        description=_or_empty(c.free_text()),
    )


@memo
@st.composite
def catalogue_changes(
    draw: st.DrawFn,
    *,
    item_ids: Ids = None,
    kinds: Sequence[ChangeKind] | None = None,
    department_ids: Ids = None,
) -> CatalogueChange:
    """A :class:`~shenpi.items.CatalogueChange`; add, take-over and amend changes carry an
    item with the change's ``item_id``.

    Args:
        item_ids: the items to change (default: any id).
        kinds: the change kinds to draw from (default: all).
        department_ids: the departments a carried item belongs to.
    """
    kind = draw(_kinds(kinds, ChangeKind))
    item_id = draw(c.id_from(item_ids, "I"))
    carried = None
    if kind in (ChangeKind.ADD, ChangeKind.TAKE_OVER, ChangeKind.AMEND):
        carried = attrs.evolve(draw(items(department_ids=department_ids)), id=item_id)
    return CatalogueChange(
        kind=kind,
        item_id=item_id,
        basis=draw(c.names(("国发〔2024〕5号", "吉政发〔2008〕24号", "市政府令第3号"))),
        item=carried,
    )


@memo
@st.composite
def any_catalogues(
    draw: st.DrawFn,
    *,
    department_ids: Ids = None,
    max_items: int = 5,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> Catalogue:
    """A :class:`~shenpi.items.Catalogue` the model accepts: a first version (items ``I0``,
    ``I1``, …), and sometimes the second version :meth:`~shenpi.items.Catalogue.apply`
    makes of it with a consistent change set (``catalogues(valid_only=False)``).

    Args:
        department_ids: the departments items belong to.
        max_items: at most this many items in the first version.
        start, end: the range of effective and publication days.
    """
    first_day, second_day = draw(_ordered_days(start, end))
    count = draw(st.integers(0, max_items))
    drawn = [draw(items(department_ids=department_ids)) for _ in range(count)]
    first = Catalogue(
        version=draw(st.integers(1, 3)),
        effective_on=first_day,
        items=[attrs.evolve(item, id=f"I{i}") for i, item in enumerate(drawn)],
        publications=draw(_lists(publications(start=start, end=first_day), 0, 2)),
    )
    if not draw(st.booleans()):
        return first
    changes = []
    for i in range(count):
        kind = draw(_among((None, ChangeKind.CANCEL, ChangeKind.DELEGATE_DOWN, ChangeKind.AMEND)))
        if kind is not None:
            change = catalogue_changes(
                item_ids=(f"I{i}",), kinds=(kind,), department_ids=department_ids
            )
            changes.append(draw(change))
    for i in range(draw(st.integers(0, 2))):
        kinds = (ChangeKind.ADD, ChangeKind.TAKE_OVER)
        change = catalogue_changes(
            item_ids=(f"I{count + i}",), kinds=kinds, department_ids=department_ids
        )
        changes.append(draw(change))
    return first.apply(
        changes,
        effective_on=second_day,
        publications=draw(_lists(publications(start=first_day, end=second_day), 0, 1)),
    )


# ------------------------------------------------------------------ letters, seals
@memo
@st.composite
def authorization_letters(
    draw: st.DrawFn,
    *,
    department_ids: Ids = None,
    grantor_ids: Ids = None,
    grantee_ids: Ids = None,
    item_ids: Ids = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> AuthorizationLetter:
    """An :class:`~shenpi.letters.AuthorizationLetter` (授权委托书): full scope or listing
    items, perhaps ending, perhaps revoked, every day in ``[start, end]``.

    Args:
        department_ids, grantor_ids, grantee_ids, item_ids: the ids to reference.
    """
    signed, valid_from = draw(_ordered_days(start, end))
    _, valid_to = draw(_ordered_days(valid_from, end))
    _, revoked = draw(_ordered_days(signed, end))
    return AuthorizationLetter(
        id=draw(c.ids("L")),
        department_id=draw(c.id_from(department_ids, "D")),
        grantor_id=draw(c.id_from(grantor_ids, "P")),
        grantee_id=draw(c.id_from(grantee_ids, "P")),
        signed_on=signed,
        valid_from=valid_from,
        valid_to=_perhaps(draw, valid_to),
        item_ids=draw(_lists(c.id_from(item_ids, "I"), 0, 3, True)),
        revoked_on=_perhaps(draw, revoked),
    )


@memo
@st.composite
def seals(
    draw: st.DrawFn,
    *,
    department_ids: Ids = None,
    kinds: Sequence[SealKind] | None = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> Seal:
    """A :class:`~shenpi.seals.Seal`, activated and perhaps abolished in ``[start, end]``.

    Args:
        department_ids: the departments to reference.
        kinds: the seal kinds to draw from (default: all).
    """
    activated, abolished = draw(_ordered_days(start, end))
    return Seal(
        id=draw(c.ids("Z")),
        department_id=draw(c.id_from(department_ids, "D")),
        kind=draw(_kinds(kinds, SealKind)),
        name=draw(c.names(("行政审批专用章", "公章", "审批科专用章"))),
        registry_number=draw(_or_empty(_REGISTRY)),
        activated_on=_perhaps(draw, activated),
        abolished_on=_perhaps(draw, abolished),
    )


# ------------------------------------------------------------------ fees
@st.composite
def _tiers(draw: st.DrawFn) -> tuple[Tier, ...]:
    steps = draw(_lists(c.positive_money(1_000), 0, 3))
    ceilings: list[decimal.Decimal] = []
    for step in steps:
        ceilings.append((ceilings[-1] if ceilings else decimal.Decimal(0)) + step)
    rates = [draw(c.money(500)) for _ in range(len(ceilings) + 1)]
    return (*(Tier(r, u) for r, u in zip(rates, ceilings, strict=False)), Tier(rates[-1]))


_TIERS = _tiers()


@memo
def tiers(*, ceiling: bool | None = None) -> st.SearchStrategy[Tier]:
    """One :class:`~shenpi.fees.Tier` of a tiered fee: a rate per unit (``Decimal`` yuan)
    up to a ceiling, or with no ceiling (the last tier of a rule).

    Args:
        ceiling: ``True`` for a tier with a ceiling, ``False`` for one without, ``None``
            (default) for either.
    """
    ceilings: st.SearchStrategy[decimal.Decimal | None] = c.positive_money(1_000)
    if ceiling is None:
        ceilings = _maybe(ceilings)
    elif not ceiling:
        ceilings = st.none()
    return st.builds(Tier, rate=c.money(500), up_to=ceilings)


_UNITS = ("", "平方米", "件", "证")


@memo
@st.composite
def amount_rules(draw: st.DrawFn, *, kinds: Sequence[RuleKind] | None = None) -> AmountRule:
    """An :class:`~shenpi.fees.AmountRule` of any kind, its fields set as the kind wants.

    Args:
        kinds: the rule kinds to draw from (default: all).
    """
    kind = draw(_kinds(kinds, RuleKind))
    unit = draw(_among(_UNITS))
    if kind is RuleKind.FIXED:
        return AmountRule(kind, amount=draw(c.money(10_000)))
    if kind is RuleKind.PER_UNIT:
        return AmountRule(kind, rate=draw(c.money(500)), unit=unit)
    if kind is RuleKind.TIERED:
        return AmountRule(kind, tiers=draw(_TIERS), unit=unit)
    low = draw(c.money(5_000))
    return AmountRule(kind, minimum=low, maximum=low + draw(c.money(5_000)))


@memo
def fee_standards(
    *,
    ids: st.SearchStrategy[str] | None = None,
    levels: Sequence[LegalLevel] | None = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> st.SearchStrategy[FeeStandard]:
    """A :class:`~shenpi.fees.FeeStandard` (收费标准).

    Args:
        ids: the standard ids to draw.
        levels: the ranks of its legal basis (pass ``(LegalLevel.LAW,
            LegalLevel.ADMINISTRATIVE_REGULATION)`` for fees art. 58 allows).
        start, end: the range of the publication day.
    """
    return st.builds(
        FeeStandard,
        id=ids if ids is not None else c.ids("T"),
        name=c.names(("证照工本费", "登记费", "检验费", "评审费")),
        legal_basis=_lists(legal_bases(levels=levels), 0, 2),
        rule=amount_rules(),
        waivable=st.booleans(),
        published_on=_maybe(c.days_between(start, end)),
    )


@memo
@st.composite
def fee_schedules(
    draw: st.DrawFn, *, department_ids: Ids = None, max_standards: int = 3
) -> FeeSchedule:
    """A :class:`~shenpi.fees.FeeSchedule` with standards ``T0``, ``T1``, … (unique).

    Args:
        department_ids: the departments to reference.
        max_standards: at most this many standards.
    """
    count = draw(st.integers(0, max_standards))
    return FeeSchedule(
        id=draw(c.ids("F")),
        department_id=draw(c.id_from(department_ids, "D")),
        standards=[attrs.evolve(draw(fee_standards()), id=f"T{i}") for i in range(count)],
    )


@memo
def payments(
    *,
    collection_points: Sequence[CollectionPoint] | None = None,
    schedule_ids: Ids = None,
    standard_ids: Ids = None,
    site_ids: Ids = None,
) -> st.SearchStrategy[Payment]:
    """A :class:`~shenpi.fees.Payment` (amounts are ``Decimal`` yuan, never floats).

    Args:
        collection_points: where it may be collected (default: anywhere; the reform
            wants ``CollectionPoint.HALL_CASHIER`` or ``HALL_ONLINE``).
        schedule_ids, standard_ids, site_ids: the ids to reference (default: any or none).
    """
    return st.builds(
        Payment,
        amount=c.money(10_000),
        collected_at=_kinds(collection_points, CollectionPoint),
        schedule_id=_maybe(c.id_from(schedule_ids, "F")),
        standard_id=_maybe(c.id_from(standard_ids, "T")),
        quantity=_maybe(c.money(1_000)),
        site_id=_maybe(c.id_from(site_ids, "S")),
        method=_among(("", "现金", "银行卡", "网上支付")),
        receipt=_or_empty(_RECEIPTS),
        waived=st.booleans(),
    )


# ------------------------------------------------------------------ cases
@memo
@st.composite
def applicants(
    draw: st.DrawFn,
    *,
    types: Sequence[ApplicantType] | None = None,
    valid_identifiers: bool = True,
) -> Applicant:
    """An :class:`~shenpi.applications.Applicant`.

    With ``valid_identifiers=True`` (default) a person carries a resident identity
    number (or now and then a passport) and an organization a unified social credit
    code, each with its correct check character, so ``identifier_valid`` is never
    ``False``. With ``False`` the identifier is any text of any kind.

    Args:
        types: the applicant types to draw from (default: all).
        valid_identifiers: whether identifiers carry valid check characters.
    """
    kind = draw(_kinds(types, ApplicantType))
    if not valid_identifiers:
        return Applicant(
            type=kind,
            name=draw(c.free_text()),
            identifier=draw(_IDENTIFIER_TEXT),
            identifier_kind=draw(_kinds(None, IdentifierKind)),
        )
    return applicant_of(kind, draw(c.looks()))


_IDENTIFIER_TEXT = st.text(max_size=20)


def applicant_of(kind: ApplicantType, looks: c.Looks) -> Applicant:
    """An applicant of type ``kind`` with a valid identifier, its details from ``looks``."""
    if kind is ApplicantType.PERSON:
        if looks.randrange(10) == 0:
            return Applicant(
                kind, looks.person(), f"E{looks.randrange(10**7, 10**8)}", IdentifierKind.PASSPORT
            )
        return Applicant(kind, looks.person(), looks.resident_id(), IdentifierKind.RESIDENT_ID)
    town = looks.pick(("长春", "吉林", "四平", "通化", "延边"))
    if kind is ApplicantType.LEGAL_PERSON:
        name = f"{town}{looks.pick(c.ITEM_NAMES)[:2]}有限公司"
    else:
        name = f"{town}{looks.pick(('农民专业合作社', '个体工商户', '业主委员会'))}"
    return Applicant(kind, name, looks.uscc(c.USCC_PREFIXES[kind.value]), IdentifierKind.USCC)


@memo
def _event_strategy(kind: type, start: _dt.date, end: _dt.date) -> st.SearchStrategy[Any]:
    day = c.days_between(start, end)
    ident = _maybe(c.ids("X"))
    reasons = _or_empty(c.free_text())
    builders: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
        Submitted: lambda: st.builds(Submitted, on=day, site_id=ident, window_id=ident),
        SupplementRequested: lambda: st.builds(
            SupplementRequested,
            on=day,
            missing=_lists(c.names(c.MATERIAL_NAMES), 1, 3),
            official_id=ident,
        ),
        Supplemented: lambda: st.builds(Supplemented, on=day),
        Accepted: lambda: st.builds(
            Accepted, on=day, official_id=ident, site_id=ident, window_id=ident
        ),
        NotAccepted: lambda: st.builds(
            NotAccepted,
            on=day,
            reason=c.names(("不属于本机关职权范围", "申请事项依法不需要取得行政许可")),
            referral=reasons,
            official_id=ident,
        ),
        Suspended: lambda: st.builds(
            Suspended, on=day, reason=_maybe(_kinds(None, Suspension)), basis=reasons
        ),
        Resumed: lambda: st.builds(Resumed, on=day),
        Extended: lambda: st.builds(
            Extended, on=day, by=time_limits(), approved_by=ident, reason=reasons
        ),
        OpinionGiven: lambda: st.builds(
            OpinionGiven,
            on=day,
            department_id=c.ids("D"),
            outcome=_kinds(None, Outcome),
            official_id=ident,
        ),
        Decided: lambda: st.builds(
            Decided,
            on=day,
            outcome=_kinds(None, Outcome),
            department_id=c.ids("D"),
            official_id=ident,
            site_id=ident,
            unit_id=ident,
            letter_id=ident,
            seal_id=ident,
            reasons=reasons,
        ),
        FeePaid: lambda: st.builds(FeePaid, on=day, payment=payments()),
        Delivered: lambda: st.builds(
            Delivered, on=day, method=_among(("", "窗口领取", "邮寄", "电子证照"))
        ),
        Withdrawn: lambda: st.builds(Withdrawn, on=day, reason=reasons),
    }
    return builders[kind]()


@memo
def events(
    *types: type[Event], start: _dt.date = c.FIRST_DAY, end: _dt.date = c.LAST_DAY
) -> st.SearchStrategy[Event]:
    """One event of a case, of any of ``types`` (default: every event type), dated in
    ``[start, end]``: ``events(Decided)``, ``events(Suspended, Resumed)``.

    The events stand alone; for a history in a legal order use
    :func:`shenpi.testing.histories`.
    """
    c.check_days(start, end)
    chosen = types or EVENT_TYPES
    unknown = [t for t in chosen if t not in EVENT_TYPES]
    if unknown:
        raise InvalidValue(
            "types",
            unknown,
            f"not event types (expected some of {', '.join(t.__name__ for t in EVENT_TYPES)}).",
            "不是办件事件类型。",
        )
    return cast(
        "st.SearchStrategy[Event]", st.one_of([_event_strategy(t, start, end) for t in chosen])
    )


@memo
@st.composite
def complaints(
    draw: st.DrawFn,
    *,
    department_ids: Ids = None,
    application_ids: Ids = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> Complaint:
    """A :class:`~shenpi.complaints.Complaint` received (and perhaps handled) in
    ``[start, end]``.

    Args:
        department_ids, application_ids: the ids to reference (default: any or none).
    """
    received, handled = draw(_ordered_days(start, end))
    return Complaint(
        id=draw(c.ids("C")),
        channel=draw(_kinds(None, ComplaintChannel)),
        received_on=received,
        department_id=draw(_maybe(c.id_from(department_ids, "D"))),
        application_id=draw(_maybe(c.id_from(application_ids, "A"))),
        summary=draw(_or_empty(c.free_text())),
        handled_on=_perhaps(draw, handled),
        outcome=draw(_or_empty(c.free_text())),
    )


# ------------------------------------------------------------------ reform
@memo
@st.composite
def reform_phases(
    draw: st.DrawFn,
    *,
    number: int | None = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> ReformPhase:
    """A :class:`~shenpi.reform.ReformPhase` inside ``[start, end]``.

    Args:
        number: the phase number (default: drawn).
    """
    first, last = draw(_ordered_days(start, end))
    return ReformPhase(
        number=draw(st.integers(1, 9)) if number is None else number,
        starts_on=first,
        ends_on=last,
        task_zh=draw(c.names(("制定改革工作方案", "窗口调整", "审批办公室进入中心", "验收"))),
        task_en=draw(_among(("plan", "windows", "offices enter the hall", "check"))),
    )


@memo
@st.composite
def reform_plans(
    draw: st.DrawFn,
    *,
    max_phases: int = 5,
    start: _dt.date = _dt.date(2008, 1, 1),
    end: _dt.date = _dt.date(2009, 12, 31),
) -> ReformPlan:
    """A :class:`~shenpi.reform.ReformPlan` with consecutive, non-overlapping phases
    numbered from 1, all inside ``[start, end]``.

    Args:
        max_phases: at most this many phases.
    """
    span = (end - start).days + 1
    count = draw(st.integers(0, min(max_phases, span // 2)))
    budget = span // max(1, 2 * count)
    day = start
    phases = []
    for i in range(count):
        first = day + _dt.timedelta(days=draw(st.integers(0, budget - 1)))
        last = first + _dt.timedelta(days=draw(st.integers(0, budget - 1)))
        phases.append(
            attrs.evolve(draw(reform_phases()), number=i + 1, starts_on=first, ends_on=last)
        )
        day = last + _dt.timedelta(days=1)
    total = draw(st.integers(0, 60))
    return ReformPlan(
        title=draw(c.names(("行政审批权相对集中改革工作实施方案",))),
        phases=phases,
        departments_total=total,
        departments_in_hall_at_start=draw(st.integers(0, total)),
        acceptance_points=draw(_lists(_kinds(None, AcceptancePoint), 1, 7, True)),
    )


@memo
def acceptance_checks(
    *,
    department_ids: Ids = None,
    start: _dt.date = c.FIRST_DAY,
    end: _dt.date = c.LAST_DAY,
) -> st.SearchStrategy[AcceptanceCheck]:
    """An :class:`~shenpi.reform.AcceptanceCheck` (验收) of one department on a day in
    ``[start, end]``, passing any subset of the points."""
    return st.builds(
        AcceptanceCheck,
        department_id=c.id_from(department_ids, "D"),
        checked_on=c.days_between(start, end),
        passed=_lists(_kinds(None, AcceptancePoint), 0, 7, True),
        remarks=_or_empty(c.free_text()),
    )


@memo
def days(
    start: _dt.date = c.FIRST_DAY, end: _dt.date = c.LAST_DAY, *, workdays_only: bool = False
) -> st.SearchStrategy[_dt.date]:
    """A day in ``[start, end]`` (default: the official calendar's whole coverage);
    with ``workdays_only`` a working day of the official calendar, drawn by index."""
    c.check_days(start, end)
    if not workdays_only:
        return c.days_between(start, end)
    if c.workday_on_or_after(start) > end:
        raise InvalidValue("end", end, "leaves no working day after start.", "区间内没有工作日。")
    return c.workdays_between(start, end)
