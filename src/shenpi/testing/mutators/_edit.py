"""What every family of mutators shares: the registry and the public entry points, the
source of choices, and the helpers that edit a world and add lawful facts to it.

A family module (:mod:`~shenpi.testing.mutators.hall`, …) registers each of its mutators
with ``@_mutator(code)``; :data:`MUTATORS` lists them in rule-code order. The helpers read
a case's legal time from its :class:`~shenpi.timeline.Timeline` (:func:`_timeline`), as the
rules do, and add to a world only what a lawful world could hold (:func:`_host`: a lawful
case decided in the hall, with a lawful fee if asked; :func:`_with_payable_schedule`: a
lawful, published fee standard).
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
    FeePaid,
    NotAccepted,
    OpinionGiven,
    Outcome,
    Submitted,
    Withdrawn,
)
from shenpi.calendar import CalendarDataMissing
from shenpi.errors import InvalidType, InvalidValue
from shenpi.fees import AmountRule, CollectionPoint, FeeSchedule, FeeStandard, Payment, RuleKind
from shenpi.items import Catalogue, Item, ItemStatus, LegalBasis, LegalLevel
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import ApprovalOffice, Official, Role
from shenpi.reform import Milestone, ReformPhase
from shenpi.rules.engine import Subject
from shenpi.seals import Seal, SealKind
from shenpi.testing import _common as c
from shenpi.testing import _values as v
from shenpi.testing._worlds import jurisdictions
from shenpi.timeline import Fault, Timeline, Verdict
from shenpi.timing.limits import TimeUnit

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


def _fresh_item(world: Jurisdiction, base: Item, **changes: Any) -> Item:
    """``base`` under an id and a code no catalogue version uses, with ``changes``."""
    return attrs.evolve(
        base,
        id=_free_id(f"{base.department_id}.item", _all_item_ids(world)),
        code=_free_id(f"{base.code}-", _all_codes(world)),
        **changes,
    )


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


# ====================================================================== a case as the rules read it
def _timeline(world: Jurisdiction, case: Application, as_of: _dt.date = c.LAST_DAY) -> Timeline:
    """The case's legal time as the rules read it (:class:`~shenpi.timeline.Timeline`)."""
    return Timeline.of(case, world, as_of=as_of, calendar=c.official())


def _item_of(world: Jurisdiction, case: Application) -> Item | None:
    """The case's governing item as the rules see it (the catalogue in effect on the day
    its decision period started)."""
    return _timeline(world, case).item


def _listing(world: Jurisdiction, case: Application) -> tuple[Catalogue, Item] | None:
    """The catalogue version the case's governing item comes from, and the item: the
    version in effect on the day the decision period started (else on the submission
    day), as the timeline reads it; ``None`` when that version does not list the item."""
    line = _timeline(world, case)
    item = line.item
    version = world.catalogue_on(case.submitted_on if line.accepted is None else line.accepted.on)
    if version is None or item is None or version.get(item.id) != item:
        return None
    return version, item


def _first(case: Application, kind: type | tuple[type, ...]) -> int | None:
    return next((i for i, e in enumerate(case.events) if isinstance(e, kind)), None)


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


def _materials(world: Jurisdiction, case: Application) -> tuple[str, ...]:
    """The materials a supplement notice for the case lists: its governing item's (an
    application form when it lists none)."""
    item = _item_of(world, case)
    names = tuple(m.name for m in item.materials) if item is not None else ()
    return names or ("申请书",)


# ====================================================================== lawful additions
def _head(world: Jurisdiction, did: str) -> str | None:
    department = world.department(did)
    return None if department is None else department.head_id


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
    head = _head(world, did)
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


def _online_payment(
    world: Jurisdiction, schedule_id: str, day: _dt.date, receipt: str
) -> Payment | None:
    """A lawful fee of the schedule (:func:`_payable` on ``day``) paid online."""
    found = _payable(world, schedule_id, day)
    if found is None:
        return None
    standard, amount, quantity = found
    return Payment(
        amount=amount,
        collected_at=CollectionPoint.HALL_ONLINE,
        schedule_id=schedule_id,
        standard_id=standard.id,
        quantity=quantity,
        method="网上支付",
        receipt=receipt,
    )


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
    item = _fresh_item(world, base, **changes)
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
            if item.fee_schedule_id is None:
                return None
            receipt = f"R{looks.randrange(10**8):08d}"
            payment = _online_payment(world, item.fee_schedule_id, decided_on, receipt)
            if payment is None:
                return None
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


def _collected(event: Event) -> bool:
    """A fee actually collected: a payment of a positive amount, not waived."""
    return isinstance(event, FeePaid) and event.payment.amount > 0 and not event.payment.waived


def _paid(world: Jurisdiction, case: Application) -> bool:
    return any(_collected(e) for e in case.events)


def _payment(case: Application) -> tuple[int, FeePaid]:
    """The first fee the case collected (see :func:`_paid`), and where."""
    index = next(i for i, e in enumerate(case.events) if _collected(e))
    event = case.events[index]
    assert isinstance(event, FeePaid)
    return index, event


def _decision(case: Application) -> tuple[int, Decided]:
    index = _first(case, Decided)
    assert index is not None
    event = case.events[index]
    assert isinstance(event, Decided)
    return index, event


def _case_subject(case: Application, index: int | None = None) -> Subject:
    return Subject("application", case.id, index)


# ====================================================================== reform and items
def _phase(world: Jurisdiction, milestone: Milestone) -> ReformPhase | None:
    plan = world.reform_plan
    if plan is None:
        return None
    return next((p for p in plan.phases if p.milestone is milestone), None)


def _approval_offices(world: Jurisdiction) -> list[ApprovalOffice]:
    """The approval office of every department with approval or fee powers."""
    return [
        o
        for o in world.offices
        if (d := world.department(o.department_id)) is not None
        and (d.approval_powers or d.fee_powers)
        and world.office_of(d.id) is o
    ]


def _current_item(world: Jurisdiction, ch: _Choices, code: str) -> Item:
    items = _active_items(world)
    if not items:
        raise _no_target(code, "active item in the current catalogue")
    return ch.pick(items)


def _item_injection(code: str, world: Jurisdiction, item: Item, **changes: Any) -> Injection:
    changed = attrs.evolve(item, **changes)
    after = _with_item(world, len(world.catalogues) - 1, changed)
    return _done(code, world, after, Subject("item", item.id))


# ====================================================================== the registry
_REGISTRY: dict[str, Mutator] = {}
_RAW: dict[str, Callable[[Jurisdiction, _Choices], Injection]] = {}

MUTATORS: Mapping[str, Mutator] = MappingProxyType(_REGISTRY)
"""One mutator per built-in rule code, in rule-code order: ``MUTATORS["HALL001"](world,
data) -> Injection``. Each mutator's docstring says what it changes."""


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
        # Kept in rule-code order, whatever order the family modules register in.
        for key in sorted(_REGISTRY):
            _REGISTRY[key] = _REGISTRY.pop(key)
        _RAW[code] = func
        return mutate

    return register


# ====================================================================== public API
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
