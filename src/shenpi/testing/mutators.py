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
"""

from __future__ import annotations

import datetime as _dt
import decimal
import functools
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from hypothesis import reject
from hypothesis import strategies as st

from shenpi.applications import (
    Accepted,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
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
from shenpi.calendar import CalendarDataMissing
from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.errors import InvalidType, InvalidValue
from shenpi.fees import AmountRule, CollectionPoint, FeeSchedule, FeeStandard, Payment, RuleKind
from shenpi.items import (
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
    ItemKind,
    ItemStatus,
    LegalBasis,
    LegalLevel,
)
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import Official, Role, Section, SectionFunction, ServiceSite, SiteKind
from shenpi.reform import Milestone, ReformPhase
from shenpi.rules.engine import RulePolicy, Subject
from shenpi.seals import Seal, SealKind
from shenpi.testing import _common as c
from shenpi.testing import _values as v
from shenpi.testing._worlds import jurisdictions
from shenpi.timeline import Fault, Timeline, Verdict
from shenpi.timing.clock import Suspension
from shenpi.timing.limits import TimeLimit, TimeUnit
from shenpi.timing.periods import LAW

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

T = TypeVar("T")
Data = st.DataObject | random.Random | None
"""Where a mutator's choices come from: ``st.data()``, a ``random.Random``, or ``None``
(always the first choice)."""

_DAY = _dt.timedelta(days=1)
AUDIT_AFTER = _dt.timedelta(days=60)
"""How long after a world's last dated fact :func:`audit_day` audits it."""
HOST_MARGIN = 120
"""Working days a case added to host a violation leaves before the end of the calendar's
data (room for the longest decision period, an extension, a late decision and delivery)."""
_FEE_LEVELS = (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)
_REASON = "情况复杂，经本行政机关负责人批准延长"


class NoTarget(InvalidValue):
    """The world holds nothing the violation can be injected into (and the mutator
    cannot lawfully add it): ``SEAL003`` in a world of one department, for instance."""


@attrs.frozen
class Injection:
    """A world with exactly one violation, and what the audit should report.

    ``before`` is the world the violation was injected into: the given world, or that
    world with what the mutator added to host the violation lawfully (a case, a fee
    standard, a site); it has no findings. ``world`` is ``before`` with the violation.
    Auditing ``world`` as of ``as_of`` yields exactly one finding, of ``code``, about
    ``subject``.
    """

    code: str
    before: Jurisdiction
    world: Jurisdiction
    subject: Subject
    as_of: _dt.date


Mutator = Callable[[Jurisdiction, Data], Injection]
"""A mutator: ``mutator(world, data) -> Injection``."""


# ====================================================================== choices
class _Choices:
    """A mutator's source of choices: Hypothesis draws, a seeded random, or the first."""

    def __init__(self, data: object) -> None:
        self._random: random.Random | None = None
        self._draw: Callable[[st.SearchStrategy[int]], int] | None = None
        if isinstance(data, random.Random):
            self._random = data
        elif isinstance(data, st.DataObject):
            self._draw = data.draw
        elif callable(data):
            self._draw = data
        elif data is not None:
            raise InvalidType(
                "data",
                data,
                "expected st.data(), a random.Random or None.",
                "应为 st.data()、random.Random 或 None。",
            )

    def integer(self, low: int, high: int) -> int:
        """A whole number in ``[low, high]`` (``low`` when there is no choice)."""
        if high <= low:
            return low
        if self._draw is not None:
            return self._draw(st.integers(low, high))
        if self._random is not None:
            return self._random.randint(low, high)
        return low

    def pick(self, pool: Sequence[T]) -> T:
        """One element of ``pool`` (which must not be empty)."""
        return pool[self.integer(0, len(pool) - 1)]

    def flag(self) -> bool:
        """``True`` or ``False`` (``False`` first)."""
        return self.integer(0, 1) == 1


# ====================================================================== days
def _add(day: _dt.date, n: int) -> _dt.date:
    return c.official().add_workdays(day, n)


def _fits(day: _dt.date, n: int) -> bool:
    """Whether the ``n``-th working day after ``day`` has calendar data."""
    try:
        _add(day, n)
    except CalendarDataMissing:
        return False
    return True


def _dated_facts(world: Jurisdiction) -> Iterable[_dt.date | None]:
    for case in world.applications:
        for event in case.events:
            yield event.on
    for complaint in world.complaints:
        yield complaint.received_on
        yield complaint.handled_on
    for catalogue in world.catalogues:
        yield catalogue.effective_on
        yield from (p.published_on for p in catalogue.publications)
    for letter in world.letters:
        yield from (letter.signed_on, letter.valid_from, letter.revoked_on)
    for seal in world.seals:
        yield from (seal.activated_on, seal.abolished_on)
    for office in world.offices:
        yield from (
            office.established_on,
            office.institution_entered_on,
            office.staff_entered_on,
            office.items_entered_on,
        )
    for window in world.hall.windows:
        yield from (window.opened_on, window.closed_on)
    for schedule in world.fee_schedules:
        yield from (s.published_on for s in schedule.standards)
    for check in world.acceptance_checks:
        yield check.checked_on
    if world.reform_plan is not None:
        yield from (p.ends_on for p in world.reform_plan.phases)


def audit_day(world: Jurisdiction) -> _dt.date:
    """The day to audit a world on: 60 days after its last dated fact (an event, a
    complaint, a catalogue version, a letter, a seal …), and no later than the last day
    of the official calendar's data (2026-12-31)."""
    days = [d for d in _dated_facts(world) if d is not None]
    last = max(days, default=c.FIRST_DAY)
    return min(last + AUDIT_AFTER, c.LAST_DAY)


# ====================================================================== world edits
def _free_id(prefix: str, taken: Iterable[str]) -> str:
    used = set(taken)
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def _replace(values: Sequence[T], old: T, new: T) -> tuple[T, ...]:
    return tuple(new if value is old else value for value in values)


def _with_case(world: Jurisdiction, case: Application) -> Jurisdiction:
    cases = world.applications
    if any(a.id == case.id for a in cases):
        return world.with_applications(case if a.id == case.id else a for a in cases)
    return world.with_applications((*cases, case))


def _with_events(case: Application, events: Sequence[Event]) -> Application:
    return attrs.evolve(case, events=tuple(events))


def _edit(case: Application, index: int, **changes: Any) -> Application:
    events = list(case.events)
    events[index] = attrs.evolve(events[index], **changes)
    return _with_events(case, events)


def _insert(case: Application, index: int, *new: Event) -> Application:
    events = list(case.events)
    events[index:index] = new
    return _with_events(case, events)


def _with_item(world: Jurisdiction, version: int, item: Item) -> Jurisdiction:
    """``item`` put in place (or added) in catalogue version ``version`` (an index)."""
    catalogue = world.catalogues[version]
    ids = [i.id for i in catalogue.items]
    if item.id in ids:
        items = tuple(item if i.id == item.id else i for i in catalogue.items)
    else:
        items = (*catalogue.items, item)
    catalogues = list(world.catalogues)
    catalogues[version] = attrs.evolve(catalogue, items=items)
    return attrs.evolve(world, catalogues=tuple(catalogues))


def _all_item_ids(world: Jurisdiction) -> set[str]:
    return {i.id for catalogue in world.catalogues for i in catalogue.items}


def _all_codes(world: Jurisdiction) -> set[str]:
    return {i.code for catalogue in world.catalogues for i in catalogue.items}


def _active_items(world: Jurisdiction) -> list[Item]:
    catalogue = world.catalogue
    if catalogue is None:
        return []
    return [i for i in catalogue.items if i.status is ItemStatus.ACTIVE]


def _timeline(world: Jurisdiction, case: Application, as_of: _dt.date = c.LAST_DAY) -> Timeline:
    """The case's legal time as the rules read it (:class:`~shenpi.timeline.Timeline`)."""
    return Timeline.of(case, world, as_of=as_of, calendar=c.official())


def _item_of(world: Jurisdiction, case: Application) -> Item | None:
    """The case's governing item as the rules see it (the catalogue in effect on the day
    its decision period started)."""
    return _timeline(world, case).item


def _department_of(world: Jurisdiction, case: Application) -> str | None:
    if case.lead_department_id is not None:
        return case.lead_department_id
    item = _item_of(world, case)
    return None if item is None else item.department_id


def _first(case: Application, kind: type | tuple[type, ...]) -> int | None:
    return next((i for i, e in enumerate(case.events) if isinstance(e, kind)), None)


def _all(case: Application, kind: type | tuple[type, ...]) -> list[int]:
    return [i for i, e in enumerate(case.events) if isinstance(e, kind)]


def _dues(world: Jurisdiction, case: Application) -> tuple[_dt.date, _dt.date] | None:
    """The statutory and promised due days as the law leaves them, when both periods
    count days and both due days are known."""
    line = _timeline(world, case)
    periods = (line.statutory, line.promised)
    dues = [None if p is None or p.clock is None or p.due is None else p.due.on for p in periods]
    statutory, promised = dues
    if statutory is None or promised is None:
        return None
    return statutory, promised


def _done(
    code: str,
    before: Jurisdiction,
    after: Jurisdiction,
    subject: Subject,
    as_of: _dt.date | None = None,
) -> Injection:
    day = audit_day(after) if as_of is None else as_of
    return Injection(code, before, after, subject, day)


def _no_target(code: str, what: str) -> NoTarget:
    return NoTarget("world", code, f"holds no {what} to inject {code} into.", f"无法注入 {code}。")


# ====================================================================== lawful additions
def _officials_of(world: Jurisdiction, did: str) -> list[Official]:
    return [p for p in world.officials if p.department_id == did]


def _dedicated(world: Jurisdiction, did: str, day: _dt.date) -> Seal | None:
    return next(
        (s for s in world.seals_of(did) if s.kind is SealKind.DEDICATED_APPROVAL and s.active(day)),
        None,
    )


def _letter_for(
    world: Jurisdiction, did: str, official_id: str, item_id: str, day: _dt.date
) -> AuthorizationLetter | None:
    department = world.department(did)
    head = None if department is None else department.head_id
    return next(
        (
            x
            for x in world.letters_of(did)
            if x.grantor_id == head and x.grantee_id == official_id and x.covers(item_id, day)
        ),
        None,
    )


def _payable(
    world: Jurisdiction, schedule_id: str | None, day: _dt.date
) -> tuple[FeeStandard, decimal.Decimal, decimal.Decimal | None] | None:
    """A lawful standard of the schedule, published by ``day``, with a positive amount
    its rule allows (and the quantity it is for)."""
    schedule = None if schedule_id is None else world.fee_schedule(schedule_id)
    for standard in () if schedule is None else schedule.standards:
        lawful = any(b.level in _FEE_LEVELS for b in standard.legal_basis)
        if not lawful or standard.published_on is None or standard.published_on > day:
            continue
        rule = standard.rule
        if rule.kind is RuleKind.FIXED and rule.amount:
            return standard, rule.amount, None
        if rule.kind is RuleKind.RANGE and rule.maximum:
            return standard, rule.maximum, None
        if rule.kind in (RuleKind.PER_UNIT, RuleKind.TIERED):
            for n in (1, 10, 100, 1000):
                quantity = decimal.Decimal(n)
                if rule.charge(quantity) > 0:
                    return standard, rule.charge(quantity), quantity
    return None


def _earliest(world: Jurisdiction) -> _dt.date:
    """A day on which every lawful fee standard the mutators add is already published."""
    return world.catalogues[0].effective_on if world.catalogues else c.FIRST_DAY


def _with_payable_schedule(world: Jurisdiction, did: str) -> tuple[Jurisdiction, str]:
    """The department's fee schedule, given a lawful, published fixed fee if it has no
    payable standard (and created if the department has none)."""
    published = _earliest(world)
    schedule = next((s for s in world.fee_schedules if s.department_id == did), None)
    if schedule is not None and _payable(world, schedule.id, published) is not None:
        return world, schedule.id
    standard = FeeStandard(
        id=_free_id(
            f"{did}.fee",
            [s.id for x in world.fee_schedules for s in x.standards],
        ),
        name="证照工本费",
        legal_basis=(LegalBasis(LegalLevel.LAW, c.LAW_TITLES[0], "第五十八条"),),
        rule=AmountRule(RuleKind.FIXED, amount=decimal.Decimal("10.00")),
        published_on=published,
    )
    if schedule is None:
        taken = [s.id for s in world.fee_schedules]
        new = FeeSchedule(
            id=f"{did}.fees" if f"{did}.fees" not in taken else _free_id(f"{did}.fees", taken),
            department_id=did,
            standards=(standard,),
        )
        department = world.department(did)
        departments = world.departments
        if department is not None:
            departments = _replace(
                departments, department, attrs.evolve(department, fee_powers=True)
            )
        world = attrs.evolve(
            world, fee_schedules=(*world.fee_schedules, new), departments=departments
        )
        return world, new.id
    grown = attrs.evolve(schedule, standards=(*schedule.standards, standard))
    return attrs.evolve(
        world, fee_schedules=_replace(world.fee_schedules, schedule, grown)
    ), grown.id


def _derive_item(world: Jurisdiction, base: Item, **changes: Any) -> tuple[Jurisdiction, Item]:
    """A new item in the current catalogue: ``base`` with a new id and code and
    ``changes``."""
    did = base.department_id
    item_id = _free_id(f"{did}.item", _all_item_ids(world))
    code = _free_id(f"{base.code}-", _all_codes(world))
    item = attrs.evolve(base, id=item_id, code=code, **changes)
    return _with_item(world, len(world.catalogues) - 1, item), item


@attrs.frozen
class _Desk:
    did: str
    site_id: str
    window_id: str
    clerk: str
    director: str
    office_id: str
    letter_id: str
    seal_id: str
    co: tuple[tuple[str, str], ...]


def _desk(world: Jurisdiction, item: Item, day: _dt.date) -> _Desk | None:
    """Everything a lawful case for ``item`` needs on ``day``, if the world has it."""
    did = item.lead_department_id if item.joint and item.lead_department_id else item.department_id
    office = world.office_of(did)
    if office is None or office.director_id is None or not office.entered(day):
        return None
    windows = [
        w
        for w in world.hall.windows
        if w.department_id == did
        and w.open_on(day)
        and (site := world.site(w.site_id)) is not None
        and site.kind.inside_hall
    ]
    clerks = [
        p.id
        for p in _officials_of(world, did)
        if p.unit_id == office.id
        and p.role in (Role.WINDOW_STAFF, Role.OFFICE_STAFF, Role.OFFICE_DIRECTOR)
    ]
    letter = _letter_for(world, did, office.director_id, item.id, day)
    seal = _dedicated(world, did, day)
    co = []
    for other in item.co_department_ids:
        other_office = world.office_of(other)
        if other_office is None or other_office.director_id is None:
            return None
        co.append((other, other_office.director_id))
    if not windows or not clerks or letter is None or seal is None:
        return None
    return _Desk(
        did=did,
        site_id=windows[0].site_id,
        window_id=windows[0].id,
        clerk=clerks[-1],
        director=office.director_id,
        office_id=office.id,
        letter_id=letter.id,
        seal_id=seal.id,
        co=tuple(co),
    )


def _host_days(world: Jurisdiction, ch: _Choices) -> list[_dt.date]:
    """Submission days for a case added to host a violation: after every catalogue
    version took effect, with ``HOST_MARGIN`` working days of data after it; the first
    one drawn, then the following working days."""
    cal = c.official()
    reference = attrs.evolve(world, applications=(), complaints=(), acceptance_checks=())
    facts = [d for d in _dated_facts(reference) if d is not None]
    low = c.workday_on_or_after(max(facts, default=c.FIRST_DAY) + _DAY)
    high = _add(c.workday_on_or_before(c.LAST_DAY), -HOST_MARGIN)
    if low > high:
        return []
    first = _add(low, ch.integer(0, min(cal.workdays_between(low, high), 400)))
    return [_add(first, k) for k in range(20) if _add(first, k) <= high]


def _host(
    world: Jurisdiction,
    ch: _Choices,
    code: str,
    shape: str,
    *,
    item_ok: Callable[[Jurisdiction, Item], bool] = lambda w, i: True,
    derive: Callable[[Jurisdiction, Item], Mapping[str, Any]] | None = None,
    pay: bool = False,
    ok: Callable[[Jurisdiction, Application], bool] = lambda w, a: True,
) -> tuple[Jurisdiction, Application]:
    """A lawful case of ``shape`` added to the world: ``decided`` (accepted, decided and
    delivered in the hall, perhaps paying a lawful fee), ``withdrawn`` (accepted, then
    withdrawn) or ``submitted`` (received online, nothing else). Its item passes
    ``item_ok`` (else an item ``derive``-d from one that can host a case is added) and
    the case passes ``ok``."""
    days = _host_days(world, ch)
    if not days:
        raise _no_target(code, "day with room before the end of the calendar's data")
    hostable = [i for i in _active_items(world) if _desk(world, i, days[0]) is not None]
    items = [i for i in hostable if item_ok(world, i)]
    if not items and derive is not None and hostable:
        base = ch.pick(hostable)
        world, derived = _derive_item(world, base, **derive(world, base))
        items = [derived] if item_ok(world, derived) else []
    if not items:
        raise _no_target(code, "item a lawful case can be decided for")
    item = ch.pick(items)
    if pay:
        world, schedule_id = _with_payable_schedule(world, item.department_id)
        if item.fee_schedule_id != schedule_id:
            linked = attrs.evolve(item, fee_schedule_id=schedule_id)
            world = _with_item(world, len(world.catalogues) - 1, linked)
            item = linked
    case_id = _free_id("A", [a.id for a in world.applications])
    for day in days:
        case = _lawful_case(world, ch, item, day, case_id, shape, pay)
        if case is not None and ok(world, case):
            return _with_case(world, case), case
    raise _no_target(code, "day a lawful case can host the violation on")


def _lawful_case(
    world: Jurisdiction,
    ch: _Choices,
    item: Item,
    day: _dt.date,
    case_id: str,
    shape: str,
    pay: bool,
) -> Application | None:
    desk = _desk(world, item, day)
    if desk is None:
        return None
    looks = c.Looks(ch.integer(0, 2**16))
    applicant = v.applicant_of(ApplicantType.LEGAL_PERSON, looks)
    lead = desk.did if item.joint else None
    if shape == "submitted":
        events: list[Event] = [Submitted(day)]
        return Application(case_id, applicant, (item.id,), Channel.ONLINE, events, None, lead)
    events = [
        Submitted(day, site_id=desk.site_id, window_id=desk.window_id),
        Accepted(day, desk.clerk, desk.site_id, desk.window_id),
    ]
    if shape == "withdrawn":
        events.append(Withdrawn(day, "申请人撤回"))
    else:
        # An hour promise (即办件) is kept on the day of acceptance (TimePolicy).
        hours = item.promised_limit.unit is TimeUnit.HOURS
        decided_on = day if hours else _add(day, 1)
        events.extend(OpinionGiven(day, other, Outcome.APPROVED, who) for other, who in desk.co)
        events.append(
            Decided(
                decided_on,
                Outcome.APPROVED,
                department_id=desk.did,
                official_id=desk.director,
                site_id=desk.site_id,
                unit_id=desk.office_id,
                letter_id=desk.letter_id,
                seal_id=desk.seal_id,
            )
        )
        if pay:
            found = _payable(world, item.fee_schedule_id, decided_on)
            if found is None or item.fee_schedule_id is None:
                return None
            standard, amount, quantity = found
            payment = Payment(
                amount=amount,
                collected_at=CollectionPoint.HALL_ONLINE,
                schedule_id=item.fee_schedule_id,
                standard_id=standard.id,
                quantity=quantity,
                method="网上支付",
                receipt=f"R{looks.randrange(10**8):08d}",
            )
            events.append(FeePaid(decided_on, payment))
        events.append(Delivered(decided_on, "窗口领取"))
    return Application(case_id, applicant, (item.id,), Channel.WINDOW, events, desk.site_id, lead)


def _target(
    world: Jurisdiction,
    ch: _Choices,
    code: str,
    ok: Callable[[Jurisdiction, Application], bool],
    shape: str,
    **host: Any,
) -> tuple[Jurisdiction, Application]:
    """A case of the world that passes ``ok``, else a lawful case added to host it."""
    found = [case for case in world.applications if ok(world, case)]
    if found:
        return world, ch.pick(found)
    return _host(world, ch, code, shape, ok=ok, **host)


# ====================================================================== case predicates
def _decided(world: Jurisdiction, case: Application) -> bool:
    accepted, decided = _first(case, Accepted), _first(case, Decided)
    return accepted is not None and decided is not None and accepted < decided


def _approved_delivered(world: Jurisdiction, case: Application) -> bool:
    decision = case.decision
    return (
        _decided(world, case)
        and decision is not None
        and decision.outcome is Outcome.APPROVED
        and isinstance(case.events[-1], Delivered)
    )


def _accepted(world: Jurisdiction, case: Application) -> bool:
    return _first(case, Accepted) is not None and _first(case, NotAccepted) is None


def _withdrawn_after_acceptance(world: Jurisdiction, case: Application) -> bool:
    return (
        _accepted(world, case)
        and _first(case, Decided) is None
        and isinstance(case.events[-1], Withdrawn)
    )


def _paid(world: Jurisdiction, case: Application) -> bool:
    return any(
        isinstance(e, FeePaid) and e.payment.amount > 0 and not e.payment.waived
        for e in case.events
    )


def _no_seal_exception(world: Jurisdiction, case: Application) -> bool:
    item = _item_of(world, case)
    return item is None or not item.seal_exception


def _both(
    *checks: Callable[[Jurisdiction, Application], bool],
) -> Callable[[Jurisdiction, Application], bool]:
    return lambda world, case: all(check(world, case) for check in checks)


def _decision(case: Application) -> tuple[int, Decided]:
    index = _first(case, Decided)
    assert index is not None
    event = case.events[index]
    assert isinstance(event, Decided)
    return index, event


def _case_subject(case: Application, index: int | None = None) -> Subject:
    return Subject("application", case.id, index)


# ====================================================================== the registry
_REGISTRY: dict[str, Mutator] = {}
_RAW: dict[str, Callable[[Jurisdiction, _Choices], Injection]] = {}


def _mutator(code: str) -> Callable[[Callable[[Jurisdiction, _Choices], Injection]], Mutator]:
    def register(func: Callable[[Jurisdiction, _Choices], Injection]) -> Mutator:
        @functools.wraps(func)
        def mutate(world: Jurisdiction, data: Data = None) -> Injection:
            if not isinstance(world, Jurisdiction):
                raise InvalidType("world", world, "expected a Jurisdiction.", "应为 Jurisdiction。")
            return func(world, _Choices(data))

        mutate.__name__ = f"inject_{code}"
        mutate.__qualname__ = mutate.__name__
        _REGISTRY[code] = mutate
        _RAW[code] = func
        return mutate

    return register


# ====================================================================== HALL
@_mutator("HALL001")
def _decision_outside_hall(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision recorded at a site outside the hall (the department's premises, a
    provincial or municipal hall; the department's premises are added as a site when
    the hall lists none)."""
    world, case = _target(world, ch, "HALL001", _decided, "decided")
    outside = [s for s in world.hall.sites if not s.kind.inside_hall]
    if not outside:
        site_id = _free_id("X", [s.id for s in world.hall.sites])
        premises = ServiceSite(site_id, "部门办公楼", SiteKind.DEPARTMENT_PREMISES)
        hall = attrs.evolve(world.hall, sites=(*world.hall.sites, premises))
        world = attrs.evolve(world, hall=hall)
        outside = [premises]
    index, _ = _decision(case)
    after = _with_case(world, _edit(case, index, site_id=ch.pick(outside).id))
    return _done("HALL001", world, after, _case_subject(case, index))


@_mutator("HALL002")
def _fee_outside_hall(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee collected by the department itself (or elsewhere), not by the hall's
    unified cashier or online payment."""
    world, case = _target(world, ch, "HALL002", _paid, "decided", pay=True)
    index = next(i for i in _all(case, FeePaid) if _paid_at(case, i))
    event = case.events[index]
    assert isinstance(event, FeePaid)
    point = ch.pick((CollectionPoint.DEPARTMENT, CollectionPoint.OTHER))
    payment = attrs.evolve(event.payment, collected_at=point, site_id=None)
    after = _with_case(world, _edit(case, index, payment=payment))
    return _done("HALL002", world, after, _case_subject(case, index))


def _paid_at(case: Application, index: int) -> bool:
    event = case.events[index]
    return isinstance(event, FeePaid) and event.payment.amount > 0 and not event.payment.waived


@_mutator("HALL003")
def _item_not_in_catalogue(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case accepted (and perhaps decided) for an item that no catalogue version
    lists."""
    taken = _all_item_ids(world)

    def unlisted(case: Application) -> Application:
        free = _free_id(f"{case.item_ids[0]}.unlisted", taken)
        return attrs.evolve(case, item_ids=(free, *case.item_ids[1:]))

    def ok(w: Jurisdiction, case: Application) -> bool:
        # An unlisted item is judged against the law's own period (art. 42).
        return _accepted(w, case) and _punctual(w, unlisted(case))

    world, case = _target(world, ch, "HALL003", ok, "decided")
    after = _with_case(world, unlisted(case))
    return _done("HALL003", world, after, _case_subject(case))


def _phase(world: Jurisdiction, milestone: Milestone) -> ReformPhase | None:
    plan = world.reform_plan
    if plan is None:
        return None
    return next((p for p in plan.phases if p.milestone is milestone), None)


def _entry_mutator(code: str, attribute: str, what: str) -> None:
    def mutate(world: Jurisdiction, ch: _Choices) -> Injection:
        offices = [
            o
            for o in world.offices
            if (d := world.department(o.department_id)) is not None
            and (d.approval_powers or d.fee_powers)
            and world.office_of(d.id) is o
        ]
        if not offices:
            raise _no_target(code, "approval office")
        office = ch.pick(offices)
        # After the phase in which offices enter the hall, an office still outside is
        # also a missed phase (REFORM001): audit on that phase's last day.
        phase = _phase(world, Milestone.OFFICES_ENTER)
        as_of = audit_day(world) if phase is None else phase.ends_on
        late = None if not ch.flag() else as_of + _DAY * ch.integer(1, 30)
        changes: dict[str, Any] = {attribute: late}
        changed = attrs.evolve(office, **changes)
        after = attrs.evolve(world, offices=_replace(world.offices, office, changed))
        return _done(code, world, after, Subject("department", office.department_id), as_of)

    mutate.__doc__ = (
        f"A department whose approval office's {what} had not entered the hall (never, or "
        "not yet), audited on the last day of the phase in which offices enter it."
    )
    _mutator(code)(mutate)


_entry_mutator("HALL004", "institution_entered_on", "institution")
_entry_mutator("HALL005", "staff_entered_on", "staff")
_entry_mutator("HALL006", "items_entered_on", "items")


def _sections_of(world: Jurisdiction, did: str) -> list[Section]:
    return [s for s in world.sections if s.department_id == did]


@_mutator("HALL007")
def _front_shop_back_factory(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision recorded for a section of the department (前店后厂); a planning section
    is added when the department has none."""
    world, case = _target(world, ch, "HALL007", _decided, "decided")
    index, decision = _decision(case)
    sections = _sections_of(world, decision.department_id)
    if not sections:
        section = Section(
            _free_id(f"{decision.department_id}.sec", [s.id for s in world.sections]),
            decision.department_id,
            "规划科",
            (SectionFunction.PLANNING,),
        )
        world = attrs.evolve(world, sections=(*world.sections, section))
        sections = [section]
    after = _with_case(world, _edit(case, index, unit_id=ch.pick(sections).id))
    return _done("HALL007", world, after, _case_subject(case, index))


@_mutator("HALL008")
def _decision_not_by_office(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision recorded for no unit, or for a unit that is neither the department's
    approval office nor one of its sections."""
    world, case = _target(world, ch, "HALL008", _decided, "decided")
    index, decision = _decision(case)
    units = {o.id for o in world.offices} | {s.id for s in world.sections}
    unit = ch.pick((None, _free_id(f"{decision.department_id}.team", units)))
    after = _with_case(world, _edit(case, index, unit_id=unit))
    return _done("HALL008", world, after, _case_subject(case, index))


@_mutator("HALL009")
def _outside_the_system(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case decided before the hall's system accepted it: the acceptance is recorded
    only after the decision (补录). Intake stays in time: where no supplement notice
    answered the submission, a notice takes the acceptance's place."""
    world, case = _target(world, ch, "HALL009", _decided, "decided")
    accepted_at = _first(case, Accepted)
    assert accepted_at is not None
    acceptance = case.events[accepted_at]
    assert isinstance(acceptance, Accepted)
    index, decision = _decision(case)
    events = list(case.events)
    events.insert(index + 1, attrs.evolve(acceptance, on=decision.on))
    if _first(case, SupplementRequested) is None:
        item = _item_of(world, case)
        missing = tuple(m.name for m in item.materials) if item is not None else ()
        events[accepted_at] = SupplementRequested(
            acceptance.on, missing or ("申请书",), acceptance.official_id
        )
    else:
        del events[accepted_at]
        index -= 1
    after = _with_case(world, _with_events(case, events))
    return _done("HALL009", world, after, _case_subject(case, index))


@_mutator("HALL010")
def _broken_history(world: Jurisdiction, ch: _Choices) -> Injection:
    """A step recorded after the case was closed (delivered, not accepted, withdrawn): a
    withdrawal or a supplement."""

    def closed(w: Jurisdiction, case: Application) -> bool:
        return isinstance(case.events[-1], (Delivered, NotAccepted, Withdrawn))

    world, case = _target(world, ch, "HALL010", closed, "decided")
    last = case.events[-1].on
    closings: tuple[Event, ...] = (Withdrawn(last, "申请人撤回"), Supplemented(last))
    event = ch.pick(closings)
    after = _with_case(world, case.append(event))
    return _done("HALL010", world, after, _case_subject(case, len(case.events)))


# ====================================================================== AUTH
def _department_letters(world: Jurisdiction) -> list[AuthorizationLetter]:
    found = []
    for letter in world.letters:
        department = world.department(letter.department_id)
        if department is not None and letter.grantor_id == department.head_id:
            found.append(letter)
    return found


def _someone_else(world: Jurisdiction, ch: _Choices, did: str, *not_ids: str | None) -> str:
    others = [p.id for p in _officials_of(world, did) if p.id not in not_ids]
    return ch.pick(others) if others else _free_id(f"{did}.deputy", [p.id for p in world.officials])


@_mutator("AUTH001")
def _decision_without_letter(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision by an official of the department who holds no authorization letter
    (a clerk, a section's staff, or no official recorded)."""
    world, case = _target(world, ch, "AUTH001", _decided, "decided")
    index, decision = _decision(case)
    grantees = {x.grantee_id for x in world.letters_of(decision.department_id)}
    choices: list[str | None] = [
        p.id for p in _officials_of(world, decision.department_id) if p.id not in grantees
    ]
    official = ch.pick([*choices, None])
    after = _with_case(world, _edit(case, index, official_id=official))
    return _done("AUTH001", world, after, _case_subject(case, index))


@_mutator("AUTH002")
def _letter_not_from_head(world: Jurisdiction, ch: _Choices) -> Injection:
    """An authorization letter signed by someone other than the department's head."""
    letters = list(world.letters)
    if not letters:
        raise _no_target("AUTH002", "authorization letter")
    letter = ch.pick(letters)
    department = world.department(letter.department_id)
    head = None if department is None else department.head_id
    grantor = _someone_else(world, ch, letter.department_id, head)
    after = attrs.evolve(
        world, letters=_replace(world.letters, letter, attrs.evolve(letter, grantor_id=grantor))
    )
    return _done("AUTH002", world, after, Subject("letter", letter.id))


@_mutator("AUTH003")
def _letter_not_to_director(world: Jurisdiction, ch: _Choices) -> Injection:
    """A further letter from the head to someone other than the office director (a
    clerk, a section's staff)."""
    letters = _department_letters(world)
    if not letters:
        raise _no_target("AUTH003", "letter signed by a department head")
    letter = ch.pick(letters)
    office = world.office_of(letter.department_id)
    director = None if office is None else office.director_id
    department = world.department(letter.department_id)
    head = None if department is None else department.head_id
    grantee = _someone_else(world, ch, letter.department_id, director, head)
    new = attrs.evolve(
        letter,
        id=_free_id(f"{letter.department_id}.letter", [x.id for x in world.letters]),
        grantee_id=grantee,
    )
    after = attrs.evolve(world, letters=(*world.letters, new))
    return _done("AUTH003", world, after, Subject("letter", new.id))


def _lapsable(world: Jurisdiction, case: Application) -> bool:
    """A decision under its official's letter, the only decision of its department that
    day, that a letter lapsing the day before and renewed the day after would leave
    uncovered."""
    if not _decided(world, case):
        return False
    _, decision = _decision(case)
    letter = None if decision.letter_id is None else world.letter(decision.letter_id)
    if letter is None or letter.grantee_id != decision.official_id:
        return False
    if letter.valid_from >= decision.on or letter.signed_on >= decision.on:
        return False
    if not letter.in_force(decision.on):
        return False
    others = [
        x
        for x in world.letters_of(decision.department_id)
        if x is not letter and x.grantee_id == decision.official_id and x.in_force(decision.on)
    ]
    same_day = [
        a
        for a in world.applications
        for e in a.events
        if isinstance(e, Decided)
        and e.department_id == decision.department_id
        and e.on == decision.on
    ]
    return not others and len(same_day) <= (1 if case in world.applications else 0)


@_mutator("AUTH004")
def _decision_under_lapsed_letter(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision under a letter that had expired the day before (or was revoked that
    day); the head signed its renewal only the day after."""
    world, case = _target(world, ch, "AUTH004", _lapsable, "decided")
    _, decision = _decision(case)
    assert decision.letter_id is not None
    letter = world.letter(decision.letter_id)
    assert letter is not None
    if ch.flag():
        lapsed = attrs.evolve(letter, revoked_on=decision.on, valid_to=None)
    else:
        lapsed = attrs.evolve(letter, valid_to=decision.on - _DAY, revoked_on=None)
    renewal = attrs.evolve(
        letter,
        id=_free_id(f"{letter.department_id}.letter", [x.id for x in world.letters]),
        signed_on=decision.on + _DAY,
        valid_from=decision.on + _DAY,
        valid_to=None,
        revoked_on=None,
    )
    # Later decisions cite the renewal, the letter in force on their day.
    recited = tuple(
        attrs.evolve(
            a,
            events=tuple(
                attrs.evolve(e, letter_id=renewal.id)
                if isinstance(e, Decided) and e.letter_id == letter.id and e.on > decision.on
                else e
                for e in a.events
            ),
        )
        for a in world.applications
    )
    after = attrs.evolve(
        world,
        letters=(*_replace(world.letters, letter, lapsed), renewal),
        applications=recited,
    )
    index, _ = _decision(case)
    return _done("AUTH004", world, after, _case_subject(case, index))


# ====================================================================== SEAL
@_mutator("SEAL001")
def _decision_without_dedicated_seal(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision sealed with no seal, or with a seal the world does not know."""
    ok = _both(_decided, _no_seal_exception)
    world, case = _target(world, ch, "SEAL001", ok, "decided")
    index, decision = _decision(case)
    unknown = _free_id(f"{decision.department_id}.stamp", [s.id for s in world.seals])
    after = _with_case(world, _edit(case, index, seal_id=ch.pick((None, unknown))))
    return _done("SEAL001", world, after, _case_subject(case, index))


def _activation(world: Jurisdiction, did: str) -> _dt.date | None:
    days = [
        s.activated_on
        for s in world.seals_of(did)
        if s.kind is SealKind.DEDICATED_APPROVAL and s.activated_on is not None
    ]
    return min(days, default=None)


@_mutator("SEAL002")
def _old_seal_after_activation(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision sealed with one of the department's old approval seals after its
    dedicated seal was activated (an old seal, abolished on that day, is added when the
    department has none)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        if not (_decided(w, case) and _no_seal_exception(w, case)):
            return False
        _, decision = _decision(case)
        activated = _activation(w, decision.department_id)
        return activated is not None and activated <= decision.on

    world, case = _target(world, ch, "SEAL002", ok, "decided")
    index, decision = _decision(case)
    did = decision.department_id
    old = [s for s in world.seals_of(did) if s.kind is not SealKind.DEDICATED_APPROVAL]
    if not old:
        activated = _activation(world, did)
        assert activated is not None
        seal = Seal(
            id=_free_id(f"{did}.oldseal", [s.id for s in world.seals]),
            department_id=did,
            kind=ch.pick((SealKind.SECTION_APPROVAL, SealKind.OTHER_APPROVAL, SealKind.DEPARTMENT)),
            name="审批科专用章",
            activated_on=activated - _dt.timedelta(days=365),
            abolished_on=activated,
        )
        world = attrs.evolve(world, seals=(*world.seals, seal))
        old = [seal]
    after = _with_case(world, _edit(case, index, seal_id=ch.pick(old).id))
    return _done("SEAL002", world, after, _case_subject(case, index))


@_mutator("SEAL003")
def _another_departments_seal(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision sealed with another department's seal."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        if not _decided(w, case):
            return False
        _, decision = _decision(case)
        return any(s.department_id != decision.department_id for s in w.seals)

    if len({s.department_id for s in world.seals}) < 2:
        raise _no_target("SEAL003", "second department with a seal")
    world, case = _target(world, ch, "SEAL003", ok, "decided")
    index, decision = _decision(case)
    seals = [s for s in world.seals if s.department_id != decision.department_id]
    after = _with_case(world, _edit(case, index, seal_id=ch.pick(seals).id))
    return _done("SEAL003", world, after, _case_subject(case, index))


@_mutator("SEAL004")
def _two_dedicated_seals(world: Jurisdiction, ch: _Choices) -> Injection:
    """A second dedicated approval seal activated for a department and never abolished."""
    dedicated = [
        s
        for s in world.seals
        if s.kind is SealKind.DEDICATED_APPROVAL
        and s.activated_on is not None
        and world.department(s.department_id) is not None
    ]
    if not dedicated:
        raise _no_target("SEAL004", "dedicated approval seal")
    seal = ch.pick(dedicated)
    assert seal.activated_on is not None
    second = attrs.evolve(
        seal,
        id=_free_id(f"{seal.department_id}.seal", [s.id for s in world.seals]),
        registry_number=f"{seal.registry_number}-2",
        activated_on=seal.activated_on + _DAY * ch.integer(0, 400),
        abolished_on=None,
    )
    after = attrs.evolve(world, seals=(*world.seals, second))
    return _done("SEAL004", world, after, Subject("department", seal.department_id))


@_mutator("SEAL005")
def _old_seal_not_abolished(world: Jurisdiction, ch: _Choices) -> Injection:
    """An old approval seal never abolished after the dedicated seal's activation (an
    old seal is added when no department has one)."""
    old = [
        s
        for s in world.seals
        if s.kind is not SealKind.DEDICATED_APPROVAL
        and s.activated_on is not None
        and _activation(world, s.department_id) is not None
    ]
    before = world
    if old:
        seal = ch.pick(old)
        kept = attrs.evolve(seal, abolished_on=None)
        after = attrs.evolve(world, seals=_replace(world.seals, seal, kept))
    else:
        dedicated = [
            s
            for s in world.seals
            if s.kind is SealKind.DEDICATED_APPROVAL and s.activated_on is not None
        ]
        if not dedicated:
            raise _no_target("SEAL005", "dedicated approval seal")
        anchor = ch.pick(dedicated)
        assert anchor.activated_on is not None
        kept = Seal(
            id=_free_id(f"{anchor.department_id}.oldseal", [s.id for s in world.seals]),
            department_id=anchor.department_id,
            kind=ch.pick((SealKind.SECTION_APPROVAL, SealKind.DEPARTMENT)),
            name="审批科专用章",
            activated_on=anchor.activated_on - _dt.timedelta(days=365),
        )
        after = attrs.evolve(world, seals=(*world.seals, kept))
    return _done("SEAL005", before, after, Subject("seal", kept.id))


# ====================================================================== TIME
def _answered(world: Jurisdiction, case: Application) -> bool:
    return _first(case, (Accepted, NotAccepted, SupplementRequested)) is not None


def _outlasts_intake(w: Jurisdiction, item: Item) -> bool:
    """Both limits count working days and outlast the intake period by a few days."""
    s, p = item.statutory_limit, item.promised_limit
    room = LAW.intake.amount + 3
    return s.unit is p.unit is TimeUnit.WORKDAYS and p.amount >= room and s.amount >= room


def _longer_promise(w: Jurisdiction, item: Item) -> Mapping[str, Any]:
    statutory = max(20, item.statutory_limit.amount)
    return {
        "statutory_limit": TimeLimit.workdays(statutory),
        "promised_limit": TimeLimit.workdays(statutory - 5),
        "handling": HandlingType.PROMISED,
    }


@_mutator("TIME001")
def _late_intake_answer(world: Jurisdiction, ch: _Choices) -> Injection:
    """The first intake answer (acceptance, refusal or supplement notice) given more
    than 5 working days after the submission: the submission is dated earlier. Or a
    case submitted and never answered, audited after the intake period."""
    # Either way the application counts as accepted on the day it was received (art. 32
    # (4)): its decision periods run from there and must still be kept, so the host item
    # promises enough working days to outlast the intake period.
    roomy = {"item_ok": _outlasts_intake, "derive": _longer_promise}

    def unanswered(w: Jurisdiction, case: Application) -> _dt.date | None:
        """The first working day after the intake period, if the case, never answered,
        is still within its decision periods then."""
        only = _with_events(case, case.events[:1])
        intake = _timeline(w, only).intake_due
        if intake is None or _add(intake.on, 1) > c.LAST_DAY:
            return None
        as_of = _add(intake.on, 1)
        opened = _timeline(w, only, as_of).open
        if opened is None or not all(
            j is not None and j.verdict is Verdict.ON_TIME
            for j in (opened.statutory, opened.promised)
        ):
            return None
        return as_of

    if ch.flag():
        world, case = _target(
            world, ch, "TIME001", lambda w, a: unanswered(w, a) is not None, "decided", **roomy
        )
        as_of = unanswered(world, case)
        assert as_of is not None
        after = _with_case(world, _with_events(case, case.events[:1]))
        return _done("TIME001", world, after, _case_subject(case), as_of)

    def earlier(w: Jurisdiction, case: Application) -> _dt.date | None:
        index = _first(case, (Accepted, NotAccepted, SupplementRequested))
        if index is None:
            return None
        day = _add(case.events[index].on, -(LAW.intake.amount + 1))
        item = _item_of(w, case)
        version = w.catalogue_on(day)
        found = None if version is None else version.get(case.item_ids[0])
        if item is None or found is None or found.status is not ItemStatus.ACTIVE:
            return None
        # The decision period now runs from the earlier receipt (art. 32 (4)): the
        # decision must still be on time from there.
        return day if _punctual(w, _edit(case, 0, on=day)) else None

    world, case = _target(
        world, ch, "TIME001", lambda w, a: earlier(w, a) is not None, "decided", **roomy
    )
    day = earlier(world, case)
    assert day is not None
    index = _first(case, (Accepted, NotAccepted, SupplementRequested))
    after = _with_case(world, _edit(case, 0, on=day))
    return _done("TIME001", world, after, _case_subject(case, index))


def _materials(world: Jurisdiction, case: Application) -> tuple[str, ...]:
    item = _item_of(world, case)
    names = tuple(m.name for m in item.materials) if item is not None else ()
    return names or ("申请书",)


@_mutator("TIME002")
def _second_supplement_notice(world: Jurisdiction, ch: _Choices) -> Injection:
    """A second supplement notice right after the first (or two notices on the day of
    submission, where there was none)."""
    world, case = _target(world, ch, "TIME002", lambda w, a: True, "decided")
    missing = _materials(world, case)
    first = _first(case, SupplementRequested)
    if first is None:
        day = case.submitted_on
        notices = (SupplementRequested(day, missing[:1]), SupplementRequested(day, missing))
        after_case, index = _insert(case, 1, *notices), 2
    else:
        notice = case.events[first]
        assert isinstance(notice, SupplementRequested)
        again = SupplementRequested(notice.on, missing, notice.official_id)
        after_case, index = _insert(case, first + 1, again), first + 1
    after = _with_case(world, after_case)
    return _done("TIME002", world, after, _case_subject(case, index))


def _move_decision(case: Application, day: _dt.date) -> Application:
    """The decision moved to ``day``, and the payment and delivery after it too."""
    index, _ = _decision(case)
    events = list(case.events)
    for i in range(index, len(events)):
        if isinstance(events[i], (Decided, FeePaid, Delivered)):
            events[i] = attrs.evolve(events[i], on=max(events[i].on, day))
    events[index] = attrs.evolve(events[index], on=day)
    return _with_events(case, events)


def _late_window(world: Jurisdiction, case: Application) -> tuple[_dt.date, _dt.date] | None:
    """The working days after the promised due day and up to the statutory one."""
    dues = _dues(world, case)
    if dues is None:
        return None
    statutory, promised = dues
    first = _add(promised, 1)
    if first > statutory or not _fits(statutory, LAW.delivery.amount):
        return None
    return first, statutory


def _gap(w: Jurisdiction, item: Item) -> bool:
    s, p = item.statutory_limit, item.promised_limit
    return s.unit is p.unit is TimeUnit.WORKDAYS and p.amount < s.amount


def _shorter_promise(w: Jurisdiction, item: Item) -> Mapping[str, Any]:
    statutory = max(2, item.statutory_limit.amount)
    return {
        "statutory_limit": TimeLimit.workdays(statutory),
        "promised_limit": TimeLimit.workdays(statutory - 1),
        "handling": HandlingType.PROMISED,
    }


@_mutator("TIME003")
def _late_against_promise(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision after the promised due day yet within the statutory limit (its payment
    and delivery moved with it)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        return _decided(w, case) and _late_window(w, case) is not None

    world, case = _target(
        world, ch, "TIME003", ok, "decided", item_ok=_gap, derive=_shorter_promise
    )
    window = _late_window(world, case)
    assert window is not None
    first, last = window
    day = _add(first, ch.integer(0, c.official().workdays_between(first, last)))
    index, _ = _decision(case)
    after = _with_case(world, _move_decision(case, day))
    return _done("TIME003", world, after, _case_subject(case, index))


def _past_law(world: Jurisdiction, case: Application) -> _dt.date | None:
    dues = _dues(world, case)
    due = None if dues is None else dues[0]
    if due is None or not _fits(due, 5 + LAW.delivery.amount):
        return None
    return due


def _instant(world: Jurisdiction, ch: _Choices, case: Application) -> Jurisdiction:
    """Perhaps the case's item made an instant item (即办件) that promises office hours,
    lawfully (CAT005): its statutory limit still binds."""
    accepted = _timeline(world, case).accepted
    version = None if accepted is None else world.catalogue_on(accepted.on)
    item = None if version is None else version.get(case.item_ids[0])
    if version is None or item is None or item.joint or not ch.flag():
        return world
    if any(other is not case for other in world.applications_for(item.id)):
        return world  # its other cases would then break their promise of hours
    instant = attrs.evolve(
        item, handling=HandlingType.INSTANT, promised_limit=TimeLimit.hours(ch.integer(1, 4))
    )
    return _with_item(world, world.catalogues.index(version), instant)


@_mutator("TIME004")
def _late_against_law(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision 1-5 working days after the statutory due day (its payment and delivery
    moved with it); the item may be an instant one, promising hours."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        return _decided(w, case) and _past_law(w, case) is not None

    world, case = _target(world, ch, "TIME004", ok, "decided")
    due = _past_law(world, case)
    assert due is not None
    index, _ = _decision(case)
    hosted = _instant(world, ch, case)
    after = _with_case(hosted, _move_decision(case, _add(due, ch.integer(1, 5))))
    return _done("TIME004", world, after, _case_subject(case, index))


def _current_item(world: Jurisdiction, ch: _Choices, code: str) -> Item:
    items = _active_items(world)
    if not items:
        raise _no_target(code, "active item in the current catalogue")
    return ch.pick(items)


def _item_injection(code: str, world: Jurisdiction, item: Item, **changes: Any) -> Injection:
    changed = attrs.evolve(item, **changes)
    after = _with_item(world, len(world.catalogues) - 1, changed)
    return _done(code, world, after, Subject("item", item.id))


@_mutator("TIME005")
def _promise_longer_than_law(world: Jurisdiction, ch: _Choices) -> Injection:
    """An item in the current catalogue that promises more than its statutory limit."""
    item = _current_item(world, ch, "TIME005")
    longer = TimeLimit(item.statutory_limit.unit, item.statutory_limit.amount + ch.integer(1, 10))
    return _item_injection("TIME005", world, item, promised_limit=longer)


def _extension_room(world: Jurisdiction, case: Application) -> int:
    item = _item_of(world, case)
    joint = item is not None and item.joint
    return (LAW.joint_extension if joint else LAW.decision_extension).amount


def _head_of(world: Jurisdiction, case: Application) -> str | None:
    did = _department_of(world, case)
    department = None if did is None else world.department(did)
    return None if department is None else department.head_id


def _clocked(world: Jurisdiction, case: Application) -> bool:
    return _accepted(world, case) and _dues(world, case) is not None


def _without(*kinds: type) -> Callable[[Jurisdiction, Application], bool]:
    return lambda w, case: all(_first(case, kind) is None for kind in kinds)


@_mutator("TIME006")
def _extension_not_approved(world: Jurisdiction, ch: _Choices) -> Injection:
    """An extension with no approving official: the case's extension loses its
    approval, or an unapproved one is recorded on the acceptance day."""

    def unapproved(case: Application) -> tuple[Application, int]:
        index = _first(case, Extended)
        if index is not None:
            return _edit(case, index, approved_by=None), index
        accepted = _first(case, Accepted)
        assert accepted is not None
        extension = Extended(case.events[accepted].on, TimeLimit.workdays(1), None, _REASON)
        return _insert(case, accepted + 1, extension), accepted + 1

    def ok(w: Jurisdiction, case: Application) -> bool:
        # The extension then credits nothing (art. 42): the case must be on time without.
        return _clocked(w, case) and _punctual(w, unapproved(case)[0], Fault.UNAPPROVED_EXTENSION)

    world, case = _target(world, ch, "TIME006", ok, "decided")
    after_case, index = unapproved(case)
    after = _with_case(world, after_case)
    return _done("TIME006", world, after, _case_subject(case, index))


@_mutator("TIME007")
def _extension_too_long(world: Jurisdiction, ch: _Choices) -> Injection:
    """An extension 1-5 working days longer than art. 42 allows (10, joint: 15)."""
    world, case = _target(world, ch, "TIME007", _clocked, "decided")
    by = TimeLimit.workdays(_extension_room(world, case) + ch.integer(1, 5))
    index = _first(case, Extended)
    if index is not None:
        after_case = _edit(case, index, by=by)
    else:
        accepted = _first(case, Accepted)
        assert accepted is not None
        extension = Extended(case.events[accepted].on, by, _head_of(world, case), _REASON)
        index = accepted + 1
        after_case = _insert(case, index, extension)
    after = _with_case(world, after_case)
    return _done("TIME007", world, after, _case_subject(case, index))


def _after_due(world: Jurisdiction, case: Application) -> _dt.date | None:
    """1-5 working days after the statutory due day of a case withdrawn after
    acceptance, as the history stood before the withdrawal."""
    if not _withdrawn_after_acceptance(world, case):
        return None
    open_case = _with_events(case, case.events[:-1])
    dues = _dues(world, open_case)
    due = None if dues is None else dues[0]
    if due is None:
        return None
    day = max(due, open_case.events[-1].on)
    return day if _fits(day, 5 + LAW.delivery.amount) else None


def _before_withdrawal(world: Jurisdiction, case: Application, *new: Event) -> Jurisdiction:
    day = new[-1].on
    events = [*case.events[:-1], *new, attrs.evolve(case.events[-1], on=day)]
    return _with_case(world, _with_events(case, events))


@_mutator("TIME008")
def _extension_after_deadline(world: Jurisdiction, ch: _Choices) -> Injection:
    """An extension approved 1-5 working days after the statutory period ran out (in a
    case then withdrawn)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        return _first(case, Extended) is None and _after_due(w, case) is not None

    world, case = _target(world, ch, "TIME008", ok, "withdrawn")
    due = _after_due(world, case)
    assert due is not None
    day = _add(due, ch.integer(1, 5))
    extension = Extended(day, TimeLimit.workdays(1), _head_of(world, case), _REASON)
    after = _before_withdrawal(world, case, extension)
    return _done("TIME008", world, after, _case_subject(case, len(case.events) - 1))


@_mutator("TIME009")
def _second_extension(world: Jurisdiction, ch: _Choices) -> Injection:
    """A second extension, on the day of the first (two on the acceptance day where
    there was none), each within art. 42's length."""
    world, case = _target(world, ch, "TIME009", _clocked, "decided")
    head = _head_of(world, case)
    first = _first(case, Extended)
    if first is not None:
        extension = case.events[first]
        assert isinstance(extension, Extended)
        by = TimeLimit.workdays(ch.integer(1, 5))
        index = first + 1
        after_case = _insert(case, index, Extended(extension.on, by, head, _REASON))
    else:
        accepted = _first(case, Accepted)
        assert accepted is not None
        day = case.events[accepted].on
        one = TimeLimit.workdays(1)
        index = accepted + 2
        after_case = _insert(
            case, accepted + 1, Extended(day, one, head, _REASON), Extended(day, one, head, _REASON)
        )
    after = _with_case(world, after_case)
    return _done("TIME009", world, after, _case_subject(case, index))


@_mutator("TIME010")
def _unfounded_suspension(world: Jurisdiction, ch: _Choices) -> Injection:
    """A suspension with no reason, or ``OTHER`` with no legal basis (a same-day
    suspension and resumption is recorded on the acceptance day where there was none)."""

    def unfounded(
        case: Application, reason: Suspension | None = None, basis: str = ""
    ) -> tuple[Application, int]:
        index = _first(case, Suspended)
        if index is not None:
            return _edit(case, index, reason=reason, basis=basis), index
        accepted = _first(case, Accepted)
        assert accepted is not None
        day = case.events[accepted].on
        return _insert(case, accepted + 1, Suspended(day, reason, basis), Resumed(day)), (
            accepted + 1
        )

    def ok(w: Jurisdiction, case: Application) -> bool:
        # The suspension then credits nothing (art. 45): the case must be on time without.
        return _clocked(w, case) and _punctual(w, unfounded(case)[0], Fault.UNFOUNDED_SUSPENSION)

    world, case = _target(world, ch, "TIME010", ok, "decided")
    reason, basis = ch.pick(((None, ""), (Suspension.OTHER, "")))
    after_case, index = unfounded(case, reason, basis)
    after = _with_case(world, after_case)
    return _done("TIME010", world, after, _case_subject(case, index))


@_mutator("TIME011")
def _suspension_never_resumed(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case closed while suspended: its last resumption is not recorded (or a
    suspension on the acceptance day is never resumed, where there was none)."""

    def closing(w: Jurisdiction, case: Application) -> bool:
        return _clocked(w, case) and isinstance(case.events[-1], (Delivered, Withdrawn))

    world, case = _target(world, ch, "TIME011", closing, "decided")
    suspensions = _all(case, Suspended)
    if suspensions:
        index = suspensions[-1]
        resumed = next(
            i for i in range(index, len(case.events)) if isinstance(case.events[i], Resumed)
        )
        after_case = _with_events(case, [e for i, e in enumerate(case.events) if i != resumed])
    else:
        accepted = _first(case, Accepted)
        assert accepted is not None
        day = case.events[accepted].on
        reason = ch.pick(tuple(s for s in Suspension if s is not Suspension.OTHER))
        index = accepted + 1
        after_case = _insert(case, index, Suspended(day, reason))
    after = _with_case(world, after_case)
    return _done("TIME011", world, after, _case_subject(case, index))


def _punctual(world: Jurisdiction, case: Application, *allowed: Fault) -> bool:
    """The case as the timeline reads it breaks no time rule but those of ``allowed``:
    every decision on time against both periods, no step at fault otherwise, the
    delivery not late. A mutator that edits a history checks the edit with it, so that
    the edit injects its own violation and no other (an unapproved extension credits
    nothing, art. 42: the decision must be on time without it)."""
    line = _timeline(world, case)
    if any(set(step.faults) - set(allowed) for step in line.steps):
        return False
    delivered = None if line.delivery is None else line.delivery.judgment
    if delivered is not None and delivered.verdict is not Verdict.ON_TIME:
        return False
    return all(
        j is None or j.verdict is Verdict.ON_TIME
        for d in line.decisions
        for j in (d.statutory, d.promised)
    )


def _delivery_due(world: Jurisdiction, case: Application) -> _dt.date | None:
    delivery = _timeline(world, case).delivery
    return None if delivery is None or delivery.due is None else delivery.due.on


@_mutator("TIME012")
def _late_delivery(world: Jurisdiction, ch: _Choices) -> Injection:
    """An approved licence delivered 1-5 working days after art. 44's 10, or never
    delivered (audited after the period)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        item = w.item(case.item_ids[0])
        if item is None or item.kind is ItemKind.FEE:
            return False  # a fee item issues no document to deliver
        if not _approved_delivered(w, case):
            return False
        due = _delivery_due(w, case)
        return due is not None and _fits(due, 5)

    world, case = _target(
        world,
        ch,
        "TIME012",
        ok,
        "decided",
        item_ok=lambda w, i: i.kind is not ItemKind.FEE,
        # a world of fee items only: host the case on a licence item made from one
        derive=lambda w, i: {"kind": ItemKind.LICENSING, "fee_schedule_id": None},
    )
    index, _ = _decision(case)
    due = _delivery_due(world, case)
    assert due is not None
    last = len(case.events) - 1
    if ch.flag():
        after = _with_case(world, _with_events(case, case.events[:-1]))
        as_of = max(audit_day(after), min(due + _DAY, c.LAST_DAY))
        return _done("TIME012", world, after, _case_subject(case, index), as_of)
    after = _with_case(world, _edit(case, last, on=_add(due, ch.integer(1, 5))))
    return _done("TIME012", world, after, _case_subject(case, last))


def _open(case: Application) -> Application:
    """The case as it stood before its decision (or withdrawal): still open."""
    accepted = _first(case, Accepted)
    assert accepted is not None
    cut = next(
        (
            i
            for i in range(accepted + 1, len(case.events))
            if isinstance(case.events[i], (OpinionGiven, Decided, FeePaid, Delivered, Withdrawn))
        ),
        len(case.events),
    )
    return _with_events(case, case.events[:cut])


def _open_window(world: Jurisdiction, case: Application) -> tuple[_dt.date, _dt.date] | None:
    if not _accepted(world, case):
        return None
    opened = _open(case)
    dues = _dues(world, opened)
    if dues is None:
        return None
    statutory, promised = dues
    first = max(_add(promised, 1), opened.events[-1].on)
    return (first, statutory) if first <= statutory else None


@_mutator("TIME013")
def _open_case_past_promise(world: Jurisdiction, ch: _Choices) -> Injection:
    """An accepted case left open, audited after its promised due day but within the
    statutory limit."""
    world, case = _target(
        world,
        ch,
        "TIME013",
        lambda w, a: _open_window(w, a) is not None,
        "decided",
        item_ok=_gap,
        derive=_shorter_promise,
    )
    window = _open_window(world, case)
    assert window is not None
    first, last = window
    as_of = first + _DAY * ch.integer(0, (last - first).days)
    after = _with_case(world, _open(case))
    return _done("TIME013", world, after, _case_subject(case), as_of)


def _past_statutory(world: Jurisdiction, case: Application) -> _dt.date | None:
    if not _accepted(world, case):
        return None
    dues = _dues(world, _open(case))
    due = None if dues is None else dues[0]
    if due is None or not _fits(due, 1):
        return None
    return _add(due, 1)


@_mutator("TIME014")
def _open_case_past_law(world: Jurisdiction, ch: _Choices) -> Injection:
    """An accepted case left open, audited after its statutory due day; the item may be
    an instant one, promising hours."""
    world, case = _target(
        world, ch, "TIME014", lambda w, a: _past_statutory(w, a) is not None, "decided"
    )
    first = _past_statutory(world, case)
    assert first is not None
    after = _with_case(_instant(world, ch, case), _open(case))
    as_of = max(audit_day(after), first)
    return _done("TIME014", world, after, _case_subject(case), as_of)


@_mutator("TIME015")
def _suspension_after_deadline(world: Jurisdiction, ch: _Choices) -> Injection:
    """A suspension (for an art. 45 procedure, resumed the same day) 1-5 working days
    after the statutory period ran out, in a case then withdrawn."""
    world, case = _target(
        world, ch, "TIME015", lambda w, a: _after_due(w, a) is not None, "withdrawn"
    )
    due = _after_due(world, case)
    assert due is not None
    day = _add(due, ch.integer(1, 5))
    reason = ch.pick(tuple(s for s in Suspension if s is not Suspension.OTHER))
    after = _before_withdrawal(world, case, Suspended(day, reason), Resumed(day))
    return _done("TIME015", world, after, _case_subject(case, len(case.events) - 1))


@_mutator("TIME000")
def _no_calendar_data(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case received online on the last working day of the official calendar's data,
    so that its intake period runs past the data, audited while its end is still open
    (the engine's TIME000 stands for the rule, TIME001, that could not judge it)."""
    last = c.workday_on_or_before(c.LAST_DAY)
    items = [i for i in _active_items(world) if _desk(world, i, last) is not None]
    if not items:
        raise _no_target("TIME000", "active item")
    item = ch.pick(items)
    case_id = _free_id("A", [a.id for a in world.applications])
    case = _lawful_case(world, ch, item, last, case_id, "submitted", False)
    assert case is not None
    after = _with_case(world, case)
    # Audited the day after the earliest end of its intake period under any arrangement
    # the next notice could make, and before the latest: whether it was answered in time
    # is not known yet (shenpi.calendar.bounds).
    bounds = _timeline(after, case).intake_bounds
    assert bounds is not None
    as_of = bounds[0] + _DAY
    assert as_of <= bounds[1]
    return _done("TIME000", world, after, _case_subject(case), as_of)


# ====================================================================== FEE
@_mutator("FEE001")
def _fee_without_legal_basis(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee standard resting only on a rule or a normative document, or on nothing (a
    lawful standard is added first when the world has none)."""
    standards = [(x, s) for x in world.fee_schedules for s in x.standards]
    before = world
    if not standards:
        departments = [d.id for d in world.departments]
        if not departments:
            raise _no_target("FEE001", "department")
        before, schedule_id = _with_payable_schedule(world, ch.pick(departments))
        schedule = before.fee_schedule(schedule_id)
        assert schedule is not None
        standards = [(schedule, s) for s in schedule.standards]
    schedule, standard = ch.pick(standards)
    level = ch.pick(
        (LegalLevel.DEPARTMENT_RULE, LegalLevel.LOCAL_RULE, LegalLevel.NORMATIVE_DOCUMENT)
    )
    basis = ch.pick(((), (LegalBasis(level, "收费管理办法", "第三条"),)))
    changed = attrs.evolve(
        schedule,
        standards=_replace(schedule.standards, standard, attrs.evolve(standard, legal_basis=basis)),
    )
    after = attrs.evolve(before, fee_schedules=_replace(before.fee_schedules, schedule, changed))
    return _done("FEE001", before, after, Subject("fee_standard", standard.id))


@_mutator("FEE002")
def _amount_differs_from_standard(world: Jurisdiction, ch: _Choices) -> Injection:
    """A payment of an amount its standard does not allow, or citing no standard."""
    world, case = _target(world, ch, "FEE002", _paid, "decided", pay=True)
    index = next(i for i in _all(case, FeePaid) if _paid_at(case, i))
    event = case.events[index]
    assert isinstance(event, FeePaid)
    payment = event.payment
    if ch.flag():
        changed = attrs.evolve(payment, standard_id=None)
    else:
        schedule = None if payment.schedule_id is None else world.fee_schedule(payment.schedule_id)
        standard = None if schedule is None else schedule.standard(payment.standard_id or "")
        extra = decimal.Decimal("1.00")
        if standard is not None and standard.rule.kind is RuleKind.RANGE:
            assert standard.rule.maximum is not None
            extra += standard.rule.maximum - payment.amount
        changed = attrs.evolve(payment, amount=payment.amount + extra)
    after = _with_case(world, _edit(case, index, payment=changed))
    return _done("FEE002", world, after, _case_subject(case, index))


def _free_item(w: Jurisdiction, item: Item) -> bool:
    return item.fee_schedule_id is None


@_mutator("FEE003")
def _fee_on_free_item(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee charged, at a lawful standard of the department, for an item the catalogue
    marks free (a lawful standard is added when the department has none)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        item = _item_of(w, case)
        return _approved_delivered(w, case) and item is not None and item.fee_schedule_id is None

    world, case = _target(
        world,
        ch,
        "FEE003",
        ok,
        "decided",
        item_ok=_free_item,
        derive=lambda w, i: {
            "fee_schedule_id": None,
            "kind": ItemKind.LICENSING if i.kind is ItemKind.FEE else i.kind,
        },
    )
    _, decision = _decision(case)
    world, schedule_id = _with_payable_schedule(world, decision.department_id)
    found = _payable(world, schedule_id, decision.on)
    assert found is not None
    standard, amount, quantity = found
    payment = Payment(
        amount=amount,
        collected_at=CollectionPoint.HALL_ONLINE,
        schedule_id=schedule_id,
        standard_id=standard.id,
        quantity=quantity,
        method="网上支付",
        receipt=f"R{ch.integer(0, 10**8 - 1):08d}",
    )
    at = len(case.events) - 1
    after = _with_case(world, _insert(case, at, FeePaid(decision.on, payment)))
    return _done("FEE003", world, after, _case_subject(case, at))


@_mutator("FEE004")
def _fee_without_receipt(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee collected with no receipt recorded."""
    world, case = _target(world, ch, "FEE004", _paid, "decided", pay=True)
    index = next(i for i in _all(case, FeePaid) if _paid_at(case, i))
    event = case.events[index]
    assert isinstance(event, FeePaid)
    receipt = ch.pick(("", "  "))
    after = _with_case(
        world, _edit(case, index, payment=attrs.evolve(event.payment, receipt=receipt))
    )
    return _done("FEE004", world, after, _case_subject(case, index))


# ====================================================================== CAT
@_mutator("CAT001")
def _item_without_legal_basis(world: Jurisdiction, ch: _Choices) -> Injection:
    """An active item of the current catalogue that lists no legal basis."""
    item = _current_item(world, ch, "CAT001")
    return _item_injection("CAT001", world, item, legal_basis=())


@_mutator("CAT002")
def _duplicate_item_code(world: Jurisdiction, ch: _Choices) -> Injection:
    """Two active items sharing a code: one of two items takes the other's code, or the
    catalogue lists an item again under a new id. The later item in the catalogue is the
    duplicate."""
    items = _active_items(world)
    if not items:
        raise _no_target("CAT002", "active item in the current catalogue")
    if len(items) > 1 and ch.flag():
        first = ch.integer(0, len(items) - 2)
        second = ch.integer(first + 1, len(items) - 1)
        earlier, later = items[first], items[second]
        taker, code = (later, earlier.code) if ch.flag() else (earlier, later.code)
        changed = attrs.evolve(taker, code=code)
        after = _with_item(world, len(world.catalogues) - 1, changed)
        return _done("CAT002", world, after, Subject("item", later.id))
    base = ch.pick(items)
    copy = attrs.evolve(base, id=_free_id(f"{base.department_id}.item", _all_item_ids(world)))
    after = _with_item(world, len(world.catalogues) - 1, copy)
    return _done("CAT002", world, after, Subject("item", copy.id))


@_mutator("CAT003")
def _withdrawn_item_accepted(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case accepted for an item the catalogue in effect lists as cancelled or
    delegated down: the item itself, when no other case applied for it in that version,
    else a cancelled listing of it under a new id."""
    world, case = _target(world, ch, "CAT003", _accepted, "decided")
    version = world.catalogue_on(case.submitted_on)
    if version is None:
        raise _no_target("CAT003", "case submitted under a catalogue")
    position = world.catalogues.index(version)
    item = version.get(case.item_ids[0])
    assert item is not None
    status = ch.pick((ItemStatus.CANCELLED, ItemStatus.DELEGATED))
    sharing = [
        a
        for a in world.applications
        if a.id != case.id
        and a.item_ids[0] == item.id
        and world.catalogue_on(a.submitted_on) is version
    ]
    if sharing:
        new_id = _free_id(f"{item.id}.", _all_item_ids(world))
        listed = attrs.evolve(item, id=new_id, code=_free_id(f"{item.code}-", _all_codes(world)))
        after = _with_item(world, position, attrs.evolve(listed, status=status))
        mutated = attrs.evolve(case, item_ids=(new_id, *case.item_ids[1:]))
    else:
        after = _with_item(world, position, attrs.evolve(item, status=status))
        mutated = case
    after = _with_case(after, mutated)
    index = _first(case, Accepted)
    return _done("CAT003", world, after, _case_subject(case, index))


@_mutator("CAT004")
def _item_not_public(world: Jurisdiction, ch: _Choices) -> Injection:
    """An active item that publishes no conditions, materials or procedure (one or more
    of them)."""
    item = _current_item(world, ch, "CAT004")
    fields = ("conditions", "materials", "procedure")
    chosen = [f for f in fields if ch.flag()] or [ch.pick(fields)]
    return _item_injection("CAT004", world, item, **dict.fromkeys(chosen, ()))


@_mutator("CAT005")
def _handling_type_mismatch(world: Jurisdiction, ch: _Choices) -> Injection:
    """An item that promises working days but is marked instant (即办件), or promises
    hours but is marked 承诺件."""
    item = _current_item(world, ch, "CAT005")
    if item.promised_limit.unit is TimeUnit.HOURS:
        handling = HandlingType.PROMISED
    else:
        handling = HandlingType.INSTANT
    if item.handling is handling:
        raise _no_target("CAT005", "item whose handling type can be made to mismatch")
    return _item_injection("CAT005", world, item, handling=handling)


@_mutator("CAT006")
def _online_item_with_visits(world: Jurisdiction, ch: _Choices) -> Injection:
    """An item handled fully online that requires 1-3 visits to the hall."""
    item = _current_item(world, ch, "CAT006")
    return _item_injection("CAT006", world, item, online=True, on_site_visits=ch.integer(1, 3))


@_mutator("CAT007")
def _fee_item_without_schedule(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee item (行政事业性收费) that links no fee schedule: a free item reclassified as
    a fee item, or a new fee item listed without its schedule."""
    free = [i for i in _active_items(world) if i.fee_schedule_id is None]
    if free:
        return _item_injection("CAT007", world, ch.pick(free), kind=ItemKind.FEE)
    base = _current_item(world, ch, "CAT007")
    after, item = _derive_item(world, base, kind=ItemKind.FEE, fee_schedule_id=None)
    return _done("CAT007", world, after, Subject("item", item.id))


@_mutator("CAT008")
def _catalogue_change_not_published(world: Jurisdiction, ch: _Choices) -> Injection:
    """A catalogue version made by a change set but never published: the latest
    version's publication is dropped, or a new version adding an item is never
    published."""
    catalogue = world.catalogue
    if catalogue is None:
        raise _no_target("CAT008", "catalogue")
    if catalogue.changes and ch.flag():
        unpublished = attrs.evolve(catalogue, publications=())
    else:
        base = _current_item(world, ch, "CAT008")
        new = attrs.evolve(
            base,
            id=_free_id(f"{base.department_id}.item", _all_item_ids(world)),
            code=_free_id(f"{base.code}-", _all_codes(world)),
        )
        effective = catalogue.effective_on + _DAY * ch.integer(0, 30)
        unpublished = catalogue.apply(
            [CatalogueChange(ChangeKind.ADD, new.id, "市政府令第9号", new)],
            effective_on=min(effective, c.LAST_DAY),
        )
        after = attrs.evolve(world, catalogues=(*world.catalogues, unpublished))
        return _done("CAT008", world, after, Subject("catalogue", str(unpublished.version)))
    catalogues = (*world.catalogues[:-1], unpublished)
    after = attrs.evolve(world, catalogues=catalogues)
    return _done("CAT008", world, after, Subject("catalogue", str(unpublished.version)))


# ====================================================================== REFORM, SUP
@_mutator("REFORM001")
def _missed_reform_phase(world: Jurisdiction, ch: _Choices) -> Injection:
    """A department that missed one dated phase: its office set up after the phase that
    sets offices up, or one of its 三进入 completed only after the phase in which offices
    enter the hall (but before the audit)."""
    set_up = _phase(world, Milestone.OFFICES_SET_UP)
    enter = _phase(world, Milestone.OFFICES_ENTER)
    offices = [
        o
        for o in world.offices
        if (d := world.department(o.department_id)) is not None
        and (d.approval_powers or d.fee_powers)
        and world.office_of(d.id) is o
    ]
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


@_mutator("SUP001")
def _complaint_not_handled_in_time(world: Jurisdiction, ch: _Choices) -> Injection:
    """A complaint handled 1-5 working days after its limit, or never handled (a
    complaint about a department is added when the world has none)."""
    limit = RulePolicy().complaint_limit.amount
    complaints = [x for x in world.complaints if _fits(x.received_on, limit + 5)]
    before = world
    if complaints and ch.flag():
        complaint = ch.pick(complaints)
    else:
        departments = [d.id for d in world.departments]
        if not departments:
            raise _no_target("SUP001", "department")
        days = _host_days(world, ch)
        if not days:
            raise _no_target("SUP001", "day with room before the end of the calendar's data")
        complaint = Complaint(
            id=_free_id("C", [x.id for x in world.complaints]),
            channel=ch.pick(tuple(ComplaintChannel)),
            received_on=days[0],
            department_id=ch.pick(departments),
            summary="办理时间过长",
            handled_on=days[0],
            outcome="已核实并答复投诉人",
        )
        before = attrs.evolve(world, complaints=(*world.complaints, complaint))
    due = _add(complaint.received_on, limit)
    handled = None if ch.flag() else _add(due, ch.integer(1, 5))
    changed = attrs.evolve(complaint, handled_on=handled)
    after = attrs.evolve(before, complaints=_replace(before.complaints, complaint, changed))
    as_of = max(audit_day(after), min(due + _DAY, c.LAST_DAY))
    return _done("SUP001", before, after, Subject("complaint", complaint.id), as_of)


# ====================================================================== public API
MUTATORS: Mapping[str, Mutator] = MappingProxyType(dict(sorted(_REGISTRY.items())))
"""One mutator per built-in rule code: ``MUTATORS["HALL001"](world, data) -> Injection``.
Each mutator's docstring says what it changes."""


def _check_code(code: object) -> str:
    if not isinstance(code, str) or code not in MUTATORS:
        raise InvalidValue(
            "code",
            code,
            "no mutator injects this code.",
            "没有注入该编码的变换。",
            f"codes: {', '.join(MUTATORS)}.",
        )
    return code


def inject(world: Jurisdiction, code: str, data: Data = None) -> Injection:
    """Inject one violation of rule ``code`` into ``world`` (a world with no findings).

    ``data`` supplies the choices (which case, which day, which variant): ``st.data()``
    in a Hypothesis test, a ``random.Random``, or ``None`` for the first of each. Raises
    :class:`NoTarget` when the world holds nothing to break and nothing can lawfully be
    added to host the violation, and ``InvalidValue`` for a code with no mutator.
    """
    return MUTATORS[_check_code(code)](world, data)


_WORLD_OPTIONS: Mapping[str, Any] = MappingProxyType(
    {
        "max_departments": 3,
        "max_items_per_department": 3,
        "max_applications": 5,
        "max_complaints": 2,
    }
)
_NEEDS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {"SEAL003": MappingProxyType({"min_departments": 2})}
)


@st.composite
def _violations(draw: st.DrawFn, code: str, worlds: st.SearchStrategy[Jurisdiction]) -> Injection:
    world = draw(worlds)
    try:
        return _RAW[code](world, _Choices(draw))
    except NoTarget:
        reject()


def violations(code: str, **options: Any) -> st.SearchStrategy[Injection]:
    """An :class:`Injection` of rule ``code``: a valid world drawn by
    :func:`jurisdictions`, the same world with exactly that violation, its subject and
    the day to audit on.

    ``options`` go to :func:`jurisdictions` (default: small worlds of up to 3
    departments and 5 cases; ``SEAL003`` draws at least 2 departments). A world the
    mutator cannot use is rejected.
    """
    chosen = _check_code(code)
    kwargs = {**_WORLD_OPTIONS, **_NEEDS.get(chosen, {}), **options}
    return _violations(chosen, jurisdictions(**kwargs))


def worlds_with(code: str, **options: Any) -> st.SearchStrategy[Jurisdiction]:
    """A world with exactly one violation of rule ``code`` (the ``world`` of
    :func:`violations`, with the same ``options``)."""
    return violations(code, **options).map(lambda injection: injection.world)
