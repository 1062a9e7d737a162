"""TIME: the licensing law's periods broken (行政许可法 arts. 32, 42, 44, 45). A late intake
answer and a second supplement notice, decisions after the promised or the statutory due
day, a promise longer than the law, extensions unapproved, too long, too late or twice,
suspensions without a legal reason, never resumed or too late, a late or missing
delivery, cases left open past their due days, and a case whose intake period runs past
the calendar's data (TIME000). Each reads the case's due days from its
:class:`~shenpi.timeline.Timeline`, as the rules do, and checks its edit with it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from shenpi.applications import (
    Accepted,
    Application,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    NotAccepted,
    OpinionGiven,
    Resumed,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.items import HandlingType, Item, ItemKind, ItemStatus
from shenpi.jurisdiction import Jurisdiction
from shenpi.testing import _common as c
from shenpi.testing.mutators._edit import (
    _DAY,
    Injection,
    _accepted,
    _active_items,
    _add,
    _approved_delivered,
    _case_subject,
    _Choices,
    _current_item,
    _decided,
    _decision,
    _desk,
    _done,
    _dues,
    _edit,
    _first,
    _fits,
    _free_id,
    _head,
    _insert,
    _item_injection,
    _item_of,
    _lawful_case,
    _listing,
    _materials,
    _mutator,
    _no_target,
    _punctual,
    _target,
    _timeline,
    _with_case,
    _with_events,
    _with_item,
    audit_day,
)
from shenpi.timeline import Fault, Verdict
from shenpi.timing.clock import Suspension
from shenpi.timing.limits import TimeLimit, TimeUnit
from shenpi.timing.periods import LAW

_REASON = "情况复杂，经本行政机关负责人批准延长"


def _all(case: Application, kind: type | tuple[type, ...]) -> list[int]:
    return [i for i, e in enumerate(case.events) if isinstance(e, kind)]


def _department_of(world: Jurisdiction, case: Application) -> str | None:
    """The case's deciding department as the rules see it
    (:attr:`~shenpi.rules.CaseView.department_id`)."""
    return _timeline(world, case).department_id


def _head_of(world: Jurisdiction, case: Application) -> str | None:
    did = _department_of(world, case)
    return None if did is None else _head(world, did)


def _withdrawn_after_acceptance(world: Jurisdiction, case: Application) -> bool:
    return (
        _accepted(world, case)
        and _first(case, Decided) is None
        and isinstance(case.events[-1], Withdrawn)
    )


def _clocked(world: Jurisdiction, case: Application) -> bool:
    return _accepted(world, case) and _dues(world, case) is not None


# ====================================================================== intake (art. 32)
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


# ====================================================================== decisions (art. 42)
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
    listing = _listing(world, case)
    if listing is None:
        return world
    version, item = listing
    if item.joint or not ch.flag():
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


@_mutator("TIME005")
def _promise_longer_than_law(world: Jurisdiction, ch: _Choices) -> Injection:
    """An item in the current catalogue that promises more than its statutory limit."""
    item = _current_item(world, ch, "TIME005")
    longer = TimeLimit(item.statutory_limit.unit, item.statutory_limit.amount + ch.integer(1, 10))
    return _item_injection("TIME005", world, item, promised_limit=longer)


# ====================================================================== extensions and suspensions
def _extension_room(world: Jurisdiction, case: Application) -> int:
    """The longest extension art. 42 allows the case: 15 working days in joint handling
    (as its timeline reads it), else 10."""
    joint = _timeline(world, case).joint
    return (LAW.joint_extension if joint else LAW.decision_extension).amount


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


# ====================================================================== delivery (art. 44)
def _delivery_due(world: Jurisdiction, case: Application) -> _dt.date | None:
    """The art. 44 due day of the case's licence, as its timeline reads it (none for a
    fee item, which issues no document)."""
    delivery = _timeline(world, case).delivery
    return None if delivery is None or delivery.due is None else delivery.due.on


@_mutator("TIME012")
def _late_delivery(world: Jurisdiction, ch: _Choices) -> Injection:
    """An approved licence delivered 1-5 working days after art. 44's 10, or never
    delivered (audited after the period)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
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


# ====================================================================== open cases
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


# ====================================================================== no calendar data
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
