"""The named periods of the Administrative Licensing Law (行政许可法), each with its article.

Every number is a field of :class:`TimePolicy`, which defaults to the law and can be
changed where a local regulation shortens a period or another law sets its own ("法律、
法规另有规定的，依照其规定", arts. 42, 43, 50).

Unit convention: art. 82 counts the periods in which *the agency* acts in working days.
The periods *the applicant* keeps (asking for a hearing, art. 47; applying for renewal,
art. 50) are not the agency's, so they default to natural days under 民法典 arts.
200-203. Each default is a policy field: change the unit there if your jurisdiction
reads art. 82 more widely.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from shenpi.calendar import WorkCalendar
from shenpi.calendar.dates import as_cst_date
from shenpi.errors import InvalidType, InvalidValue
from shenpi.timing.clock import Clock, ClockViolation, EventKind, ViolationKind, _violation
from shenpi.timing.limits import TimeLimit, TimeUnit

__all__ = [
    "LAW",
    "Completion",
    "Punctuality",
    "TimePolicy",
    "completion",
    "decision_clock",
    "decision_violations",
    "deemed_accepted_on",
    "delivery_due",
    "hearing_due",
    "hearing_notice_due",
    "hearing_request_due",
    "intake_due",
    "preliminary_review_clock",
    "renewal_application_due",
    "renewal_deemed_granted",
]

_W = TimeLimit.workdays
_N = TimeLimit.natural_days


def _day_limit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, TimeLimit):
        raise InvalidType(attribute.name, value, "expected a TimeLimit.", "应为 TimeLimit。")
    if value.unit is TimeUnit.HOURS:
        raise InvalidValue(
            attribute.name, value, "the law's periods are counted in days.", "法定期限按日计算。"
        )


def _count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValue(attribute.name, value, "expected a whole number >= 0.", "应为非负整数。")


def _multi_item(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in ("strictest", "first"):
        raise InvalidValue(
            attribute.name,
            value,
            "expected 'strictest' or 'first'.",
            "应为 'strictest' 或 'first'。",
        )


@attrs.frozen
class TimePolicy:
    """The numbers of the law's periods; the defaults are the law's (:data:`LAW`)."""

    intake: TimeLimit = attrs.field(default=_W(5), validator=_day_limit)
    """Art. 32 (4): tell the applicant everything missing within 5 working days."""
    decision: TimeLimit = attrs.field(default=_W(20), validator=_day_limit)
    """Art. 42 ¶1: decide within 20 working days of acceptance."""
    decision_extension: TimeLimit = attrs.field(default=_W(10), validator=_day_limit)
    """Art. 42 ¶1: one extension of up to 10 working days, approved by the agency head."""
    joint_decision: TimeLimit = attrs.field(default=_W(45), validator=_day_limit)
    """Art. 42 ¶2 (art. 26): unified, joint or centralised handling within 45 working days."""
    joint_extension: TimeLimit = attrs.field(default=_W(15), validator=_day_limit)
    """Art. 42 ¶2: one extension of up to 15 working days, approved by the government head."""
    preliminary_review: TimeLimit = attrs.field(default=_W(20), validator=_day_limit)
    """Art. 43: a lower-level agency's preliminary review within 20 working days."""
    delivery: TimeLimit = attrs.field(default=_W(10), validator=_day_limit)
    """Art. 44: issue and deliver the licence within 10 working days of the decision."""
    hearing_request: TimeLimit = attrs.field(default=_N(5), validator=_day_limit)
    """Art. 47: the applicant asks for a hearing within 5 days of being told of the right."""
    hearing_held: TimeLimit = attrs.field(default=_W(20), validator=_day_limit)
    """Art. 47: the agency holds the hearing within 20 days of the request."""
    hearing_notice: TimeLimit = attrs.field(default=_W(7), validator=_day_limit)
    """Art. 48 (1): notify time and place 7 days before the hearing."""
    renewal_notice: TimeLimit = attrs.field(default=_N(30), validator=_day_limit)
    """Art. 50: apply for renewal 30 days before the licence expires."""
    extensions_allowed: int = attrs.field(default=1, validator=_count)
    """Art. 42: the decision period may be extended once."""
    multi_item: str = attrs.field(default="strictest", validator=_multi_item)
    """A case of several items: ``"strictest"`` (default) — in joint handling the joint
    item governs (art. 42 ¶2 sets one period for the joint procedure); otherwise the item
    whose period ends first governs the case's statutory and promised limits, since one
    decision must meet every item's period. ``"first"`` — the first listed item governs."""
    hour_promise_days: int = attrs.field(default=0, validator=_count)
    """An hour promise (e.g. "2 小时") and an instant item (即办件, art. 34: 当场作出) are
    recorded by day: the promise is kept when the case is decided within this many
    working days after acceptance. 0 (default): on the day of acceptance. A hall that
    counts hour promises over its office hours sets ``ceil(hours / hours per day)``.
    (An instant item is always due on the day of acceptance.)"""


LAW = TimePolicy()
"""The Administrative Licensing Law's own numbers."""


def _forward(start: _dt.date, limit: TimeLimit, calendar: WorkCalendar) -> _dt.date:
    """The last day of a day period with no step, counted from ``start`` by
    :class:`~shenpi.timing.clock.Clock`: working days not counting holidays (行政许可法
    art. 82), natural days ending on a working day (民法典 art. 203)."""
    return Clock.start(limit, on=start, calendar=calendar).due  # type: ignore[return-value]


def intake_due(received_on: Any, *, calendar: WorkCalendar, policy: TimePolicy = LAW) -> _dt.date:
    """Last day to answer an application: accept, refuse, or tell *all* that is missing
    (一次性告知). 行政许可法 art. 32 (4): on the spot or within 5 working days."""
    return _forward(as_cst_date(received_on, "received_on"), policy.intake, calendar)


def deemed_accepted_on(
    received_on: Any,
    *,
    notified_on: Any | None,
    as_of: Any,
    calendar: WorkCalendar,
    policy: TimePolicy = LAW,
) -> _dt.date | None:
    """The day an application counts as accepted because the supplement notice was late.

    行政许可法 art. 32 (4): if the applicant is not told within the intake period what
    is missing, the application is accepted as from the day the materials were received.
    Returns ``received_on`` when that has happened by ``as_of`` (no notice, or a notice
    after the due day), else ``None`` (told in time, or the period still runs).
    """
    received = as_cst_date(received_on, "received_on")
    today = as_cst_date(as_of, "as_of")
    due = intake_due(received, calendar=calendar, policy=policy)
    if notified_on is not None:
        notified = as_cst_date(notified_on, "notified_on")
        return received if notified > due else None
    return received if today > due else None


def decision_clock(
    accepted_on: Any,
    *,
    calendar: WorkCalendar,
    joint: bool = False,
    limit: TimeLimit | None = None,
    policy: TimePolicy = LAW,
) -> Clock:
    """The decision period from acceptance (行政许可法 art. 42).

    20 working days, or 45 for unified, joint or centralised handling (``joint=True``,
    art. 42 ¶2 with art. 26). ``limit`` sets an item's own statutory limit where another
    law provides one ("法律、法规另有规定的，依照其规定").
    """
    chosen = limit if limit is not None else (policy.joint_decision if joint else policy.decision)
    return Clock.start(chosen, on=accepted_on, calendar=calendar)


def preliminary_review_clock(
    accepted_on: Any, *, calendar: WorkCalendar, policy: TimePolicy = LAW
) -> Clock:
    """A lower-level agency's preliminary review (行政许可法 art. 43): 20 working days
    from its acceptance, after which it sends its opinion and all materials up (art. 35)."""
    return Clock.start(policy.preliminary_review, on=accepted_on, calendar=calendar)


def decision_violations(
    clock: Clock, *, joint: bool = False, policy: TimePolicy = LAW
) -> tuple[ClockViolation, ...]:
    """The clock's own violations plus extensions beyond art. 42's 10 (joint: 15) days.

    A second extension is judged against ``policy.extensions_allowed``. This reads the
    steps one by one against the clock as recorded; which steps the law lets move the
    period (an unapproved, second, late or over-long extension and an unfounded or late
    suspension move nothing) is :func:`shenpi.timeline.lawful_clock`, and a case's legal
    time is :class:`shenpi.timeline.Timeline`, which the rules read.
    """
    allowed = policy.joint_extension if joint else policy.decision_extension
    # The clock judges "one extension" by the law; the policy may allow another number.
    found = [v for v in clock.violations if v.kind is not ViolationKind.SECOND_EXTENSION]
    count = 0
    for index, event in enumerate(clock.events):
        if event.kind is not EventKind.EXTEND or event.by is None:
            continue
        count += 1
        if count > policy.extensions_allowed:
            found.append(_violation(ViolationKind.SECOND_EXTENSION, index, event.on))
        if event.by.amount > allowed.amount:
            found.append(_violation(ViolationKind.EXCESSIVE_EXTENSION, index, event.on))
    return tuple(sorted(found, key=lambda v: v.event_index))


def delivery_due(decided_on: Any, *, calendar: WorkCalendar, policy: TimePolicy = LAW) -> _dt.date:
    """Last day to issue and deliver the licence (行政许可法 art. 44): 10 working days
    from the decision granting it."""
    return _forward(as_cst_date(decided_on, "decided_on"), policy.delivery, calendar)


def hearing_request_due(
    informed_on: Any, *, calendar: WorkCalendar, policy: TimePolicy = LAW
) -> _dt.date:
    """Last day for the applicant or an interested party to ask for a hearing
    (行政许可法 art. 47): 5 days after being told of the right (natural days by default;
    a last day on a rest day moves to the next working day, 民法典 art. 203)."""
    return _forward(as_cst_date(informed_on, "informed_on"), policy.hearing_request, calendar)


def hearing_due(requested_on: Any, *, calendar: WorkCalendar, policy: TimePolicy = LAW) -> _dt.date:
    """Last day to hold a requested hearing (行政许可法 art. 47): within 20 days."""
    return _forward(as_cst_date(requested_on, "requested_on"), policy.hearing_held, calendar)


def hearing_notice_due(
    hearing_on: Any, *, calendar: WorkCalendar, policy: TimePolicy = LAW
) -> _dt.date:
    """Last day to notify the parties of a hearing's time and place (行政许可法 art. 48
    (1)): 7 days before it. Counted backwards from the hearing day, which does not count."""
    hearing = as_cst_date(hearing_on, "hearing_on")
    limit = policy.hearing_notice
    if limit.unit is TimeUnit.WORKDAYS:
        return calendar.add_workdays(hearing, -limit.amount)
    return hearing - _dt.timedelta(days=limit.amount)


def renewal_application_due(
    expires_on: Any, *, calendar: WorkCalendar | None = None, policy: TimePolicy = LAW
) -> _dt.date:
    """Last day to apply for renewal (行政许可法 art. 50 ¶1): 30 days before expiry.

    Counted backwards in natural days; a last day that is a rest day is *not* moved
    (moving it later would shorten the 30 days the agency has, moving it earlier is
    not in the law): the law is silent and shenpi keeps the plain count. With a
    working-day policy, ``calendar`` is required.
    """
    expires = as_cst_date(expires_on, "expires_on")
    limit = policy.renewal_notice
    if limit.unit is TimeUnit.WORKDAYS:
        if calendar is None:
            raise InvalidValue(
                "calendar", None, "a working-day renewal period needs a calendar.", "需要日历。"
            )
        return calendar.add_workdays(expires, -limit.amount)
    return expires - _dt.timedelta(days=limit.amount)


def renewal_deemed_granted(expires_on: Any, *, decided_on: Any | None, as_of: Any) -> bool:
    """Whether a renewal counts as granted because no decision came before expiry
    (行政许可法 art. 50 ¶2: 逾期未作决定的，视为准予延续).

    The licence is valid through its expiry day, so a decision on that day is in time.
    ``True`` once ``as_of`` is past expiry with no decision by then.
    """
    expires = as_cst_date(expires_on, "expires_on")
    today = as_cst_date(as_of, "as_of")
    if decided_on is not None and as_cst_date(decided_on, "decided_on") <= expires:
        return False
    return today > expires


class Punctuality(enum.Enum):
    """How a finished case stands against its promised and statutory limits."""

    EARLY = "early"
    """提前办结: finished before the promised due day."""
    ON_DUE_DAY = "on_due_day"
    """Finished on the promised due day."""
    LATE_AGAINST_PROMISE = "late_against_promise"
    """超承诺时限: later than promised, yet within the statutory limit."""
    LATE_AGAINST_LAW = "late_against_law"
    """超法定时限: later than the law allows (行政许可法 art. 74 (2))."""


@attrs.frozen
class Completion:
    """A finished case judged against its limits (:func:`completion`)."""

    completed_on: Any
    statutory: Clock
    promised: Clock | None
    statutory_remaining: Any
    promised_remaining: Any

    @property
    def within_law(self) -> bool:
        """Finished within the statutory limit: on or before its due day (民法典 art. 203:
        the last day ends at 24:00, so a completion on a rest day after the due day is
        late although no working day was counted)."""
        return _within(self.completed_on, self.statutory, self.statutory_remaining)

    @property
    def within_promise(self) -> bool:
        """Finished within the promised limit (the statutory one if none was promised)."""
        clock = self.promised if self.promised is not None else self.statutory
        return _within(self.completed_on, clock, self.promised_remaining)

    @property
    def punctuality(self) -> Punctuality:
        """EARLY, ON_DUE_DAY, LATE_AGAINST_PROMISE or LATE_AGAINST_LAW."""
        if not self.within_law:
            return Punctuality.LATE_AGAINST_LAW
        if not self.within_promise:
            return Punctuality.LATE_AGAINST_PROMISE
        clock = self.promised if self.promised is not None else self.statutory
        due = clock.due
        if due is not None and self.completed_on == due:
            return Punctuality.ON_DUE_DAY
        if due is None and self.promised_remaining <= _zero(self.promised_remaining):
            return Punctuality.ON_DUE_DAY
        return Punctuality.EARLY

    @property
    def used(self) -> Any:
        """Time counted on the promised (else statutory) clock up to completion."""
        clock = self.promised if self.promised is not None else self.statutory
        return clock.used(on=self.completed_on)


def _within(completed_on: Any, clock: Clock, remaining: Any) -> bool:
    """On or before the clock's due day (:meth:`Clock.past_due`, 民法典 art. 203);
    while the clock stands suspended (no due day), by the time counted."""
    past = clock.past_due(completed_on)
    if past is None:
        return bool(remaining >= _zero(remaining))
    return not past


def _zero(value: Any) -> Any:
    return _dt.timedelta(0) if isinstance(value, _dt.timedelta) else 0


def completion(completed_on: Any, *, statutory: Clock, promised: Clock | None = None) -> Completion:
    """Judge a case finished on ``completed_on`` against the law and the hall's promise.

    "遵守法定时限，兑现承诺时限": a case can be late against its promise (承诺时限) yet
    within the law (法定时限); :attr:`Completion.punctuality` tells the two apart.
    """
    if not isinstance(statutory, Clock) or (
        promised is not None and not isinstance(promised, Clock)
    ):
        raise InvalidType("statutory", statutory, "expected Clock values.", "应为 Clock。")
    statutory_left = statutory.remaining(on=completed_on)
    promised_left = statutory_left if promised is None else promised.remaining(on=completed_on)
    return Completion(completed_on, statutory, promised, statutory_left, promised_left)
