"""Legal time (限时办结): limits, clocks and the periods of the Administrative Licensing Law.

The contract others test against::

    from shenpi.timing import TimeLimit, Clock, Suspension

    limit = TimeLimit.workdays(20)            # also natural_days(n), hours(n)
    clock = Clock.start(limit, on=accepted_on, calendar=cal)
    clock = clock.suspend(on=day, reason=Suspension.EXPERT_REVIEW)
    clock = clock.resume(on=day)
    clock = clock.extend(by=TimeLimit.workdays(10), on=day)
    clock.due                                 # last on-time day; None while suspended
    clock.remaining(on=day)                   # 0 on the due day, -1 one working day late
"""

from shenpi.timing.clock import (
    Clock,
    ClockEvent,
    ClockViolation,
    EventKind,
    Suspension,
    ViolationKind,
    suspension_founded,
)
from shenpi.timing.limits import OfficeHours, SeasonalHours, TimeLimit, TimeUnit
from shenpi.timing.periods import (
    LAW,
    Completion,
    Punctuality,
    TimePolicy,
    completion,
    decision_clock,
    decision_violations,
    deemed_accepted_on,
    delivery_due,
    hearing_due,
    hearing_notice_due,
    hearing_request_due,
    intake_due,
    preliminary_review_clock,
    renewal_application_due,
    renewal_deemed_granted,
)

__all__ = [
    "LAW",
    "Clock",
    "ClockEvent",
    "ClockViolation",
    "Completion",
    "EventKind",
    "OfficeHours",
    "Punctuality",
    "SeasonalHours",
    "Suspension",
    "TimeLimit",
    "TimePolicy",
    "TimeUnit",
    "ViolationKind",
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
    "suspension_founded",
]
