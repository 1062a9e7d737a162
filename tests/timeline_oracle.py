"""A day-by-day reading of a case's legal time: the test oracle for ``shenpi.timeline``.

It applies the written rules literally and shares no code with the timeline or the
clocks: it asks the calendar only whether a day is a working day, and walks forward one
day at a time.

- Counting (行政许可法 arts. 42, 82; 民法典 art. 201): N working days from day S end on
  the N-th working day strictly after S; a working day counts when the clock is running
  at its end.
- Intake (art. 32 (4)): due on the 5th working day after receipt; an application still
  unanswered after that day is accepted as from the day of receipt.
- Suspensions (art. 45) and one extension (art. 42, at most 10 working days) move the
  period only when lawful, and on or before the due day as it stands.
- A decision after the due day is late, even on a rest day (民法典 art. 203).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from shenpi.applications import (
    Accepted,
    Decided,
    Delivered,
    Extended,
    NotAccepted,
    Outcome,
    Resumed,
    SupplementRequested,
    Suspended,
    Withdrawn,
)

DAY = dt.timedelta(days=1)
INTAKE = 5
"""行政许可法 art. 32 (4): working days to answer an application."""
EXTENSION_CAP = 10
"""行政许可法 art. 42: an extension of at most 10 working days (not joint handling)."""
DELIVERY = 10
"""行政许可法 art. 44: working days to issue and deliver a granted licence."""

IsWorkday = Callable[[dt.date], bool]


class OutsideData(Exception):
    """The walk needs a day beyond the days the oracle was given."""


@dataclass(frozen=True)
class StepReading:
    """One step (Suspended, Resumed, Extended) as the law counts it."""

    index: int
    kind: str
    moves: bool
    credit: int = 0


@dataclass(frozen=True)
class JudgmentReading:
    """An act or an audit day against a due day.

    ``due`` is ``None`` when a credited suspension is open: the act is then on time and
    the rules name no due day.
    """

    on: dt.date
    due: dt.date | None
    late: bool
    late_days: int = 0
    late_workdays: int = 0


@dataclass(frozen=True)
class DecisionReading:
    index: int
    on: dt.date
    statutory: JudgmentReading
    promised: JudgmentReading
    punctuality: str | None
    """The name of a ``Punctuality`` member; ``None`` when the promise has no due day
    (a credited suspension open): then EARLY or ON_DUE_DAY."""


@dataclass(frozen=True)
class DeliveryReading:
    decision_index: int
    due: dt.date
    delivered_index: int | None
    judgment: JudgmentReading | None


@dataclass(frozen=True)
class Reading:
    """A case's legal time as the oracle reads it."""

    received: dt.date
    intake_due: dt.date
    deemed: bool
    start: dt.date | None
    steps: tuple[StepReading, ...]
    statutory_due: dt.date | None
    promised_due: dt.date | None
    plain_statutory_due: dt.date | None
    """The statutory due day with no step credited (``None`` without a clock)."""
    decisions: tuple[DecisionReading, ...]
    open: tuple[JudgmentReading, JudgmentReading] | None
    delivery: DeliveryReading | None


class Walker:
    """Day-by-day counting over a calendar known up to ``last``."""

    def __init__(self, is_workday: IsWorkday, first: dt.date, last: dt.date) -> None:
        self._is_workday = is_workday
        self.first = first
        self.last = last

    def workday(self, day: dt.date) -> bool:
        if day < self.first or day > self.last:
            raise OutsideData(day)
        return self._is_workday(day)

    def after(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day strictly after ``start`` (``start`` itself if 0)."""
        day, counted = start, 0
        while counted < n:
            day += DAY
            if self.workday(day):
                counted += 1
        return day

    def between(self, a: dt.date, b: dt.date) -> int:
        """Working days in ``(a, b]``."""
        count, day = 0, a
        while day < b:
            day += DAY
            if self.workday(day):
                count += 1
        return count

    def due(
        self,
        start: dt.date,
        total: int,
        stops: Sequence[tuple[dt.date, dt.date | None]],
        unit: str = "workdays",
    ) -> dt.date | None:
        """The day the count from ``start`` reaches ``total``: a working day (for
        ``unit="natural_days"``, any day) counts when no stop ``(s, r)`` covers its end
        (``s <= day < r``; ``r is None``: still open). ``None`` when an open stop begins
        before the count is reached. A natural-day period whose last day is a rest day
        ends on the next working day (民法典 art. 203); an hour promise (``"hours"``) is
        due on the day it starts."""
        if unit == "hours":
            return start
        counted, day = 0, start
        while counted < total:
            day += DAY
            stopped = False
            for begin, end in stops:
                if begin <= day and (end is None or day < end):
                    stopped = True
                    if end is None:
                        return None
            if not stopped and (unit == "natural_days" or self.workday(day)):
                counted += 1
        while unit == "natural_days" and not self.workday(day):
            day += DAY
        return day


def _founded(event: Suspended) -> bool:
    """Art. 45: a procedure is recorded, and ``OTHER`` names its legal basis."""
    if event.reason is None:
        return False
    return event.reason.value != "other" or event.basis.strip() != ""


def _judge(walker: Walker, on: dt.date, due: dt.date | None) -> JudgmentReading:
    if due is None or on <= due:
        return JudgmentReading(on, due, False)
    return JudgmentReading(on, due, True, (on - due).days, walker.between(due, on))


def _punctuality(
    decided: dt.date, statutory: JudgmentReading, promised: JudgmentReading
) -> str | None:
    if statutory.late:
        return "LATE_AGAINST_LAW"
    if promised.late:
        return "LATE_AGAINST_PROMISE"
    if promised.due is None:
        return None
    return "EARLY" if decided < promised.due else "ON_DUE_DAY"


def read(
    events: Sequence[Any],
    statutory: int,
    promised: int,
    *,
    as_of: dt.date,
    is_workday: IsWorkday,
    first: dt.date,
    last: dt.date,
    units: tuple[str, str] = ("workdays", "workdays"),
    cap: int = EXTENSION_CAP,
) -> Reading:
    """The legal time of a case whose governing limits are ``statutory`` and ``promised``
    (in ``units``: ``"workdays"``, ``"natural_days"``, or ``"hours"`` for a promise kept
    on the day of acceptance), with the calendar's ``is_workday`` known from ``first`` to
    ``last``; an extension credits at most ``cap`` (10; 15 for joint handling) and only
    on a working-day period.

    Raises :class:`OutsideData` when a date it needs lies outside ``first`` … ``last``.
    """
    law_unit, promise_unit = units
    walker = Walker(is_workday, first, last)
    received = events[0].on
    intake_due = walker.after(received, INTAKE)
    answers = (Accepted, NotAccepted, SupplementRequested)
    ends = [e.on for e in events if isinstance(e, (*answers, Withdrawn, Decided))]
    waited_until = min(ends) if ends else as_of
    deemed = waited_until > intake_due
    accepted = next((e.on for e in events if isinstance(e, Accepted)), None)
    start = received if deemed else accepted

    steps: list[StepReading] = []
    stops: list[tuple[dt.date, dt.date | None]] = []
    extra = promised_extra = 0
    extensions = 0
    statutory_due = promised_due = plain = None
    if start is not None:
        plain = walker.due(start, statutory, (), law_unit)
        for index, event in enumerate(events):
            suspended = bool(stops) and stops[-1][1] is None
            if isinstance(event, Suspended):
                credited = _founded(event) and event.on >= start and not suspended
                if credited:
                    standing = walker.due(start, statutory + extra, stops, law_unit)
                    credited = standing is not None and event.on <= standing
                if credited:
                    stops.append((event.on, None))
                steps.append(StepReading(index, "suspend", credited))
            elif isinstance(event, Resumed):
                if suspended:
                    stops[-1] = (stops[-1][0], event.on)
                steps.append(StepReading(index, "resume", suspended))
            elif isinstance(event, Extended):
                extensions += 1
                credited = (
                    event.approved_by is not None
                    and extensions == 1
                    and event.on >= start
                    and event.by.unit.value == law_unit == "workdays"
                )
                if credited:
                    standing = walker.due(start, statutory + extra, stops, law_unit)
                    credited = standing is None or event.on <= standing
                credit = min(event.by.amount, cap) if credited else 0
                if credit and promise_unit == "workdays":
                    # The promise follows the law's reading, unless it had already run out.
                    promised_standing = walker.due(start, promised + promised_extra, stops)
                    if promised_standing is None or event.on <= promised_standing:
                        promised_extra += credit
                extra += credit
                steps.append(StepReading(index, "extend", credit > 0, credit))
        statutory_due = walker.due(start, statutory + extra, stops, law_unit)
        promised_due = walker.due(start, promised + promised_extra, stops, promise_unit)

    decisions: list[DecisionReading] = []
    if start is not None:
        for index, event in enumerate(events):
            if isinstance(event, Decided) and event.on >= start:
                law = _judge(walker, event.on, statutory_due)
                promise = _judge(walker, event.on, promised_due)
                decisions.append(
                    DecisionReading(
                        index, event.on, law, promise, _punctuality(event.on, law, promise)
                    )
                )

    open_reading = None
    closed = any(isinstance(e, (Decided, NotAccepted, Withdrawn)) for e in events)
    if start is not None and not closed and as_of >= start:
        open_reading = (
            _judge(walker, as_of, statutory_due),
            _judge(walker, as_of, promised_due),
        )

    delivery = None
    granted = [
        i for i, e in enumerate(events) if isinstance(e, Decided) and e.outcome is Outcome.APPROVED
    ]
    if granted:
        decision_index = granted[-1]
        due = walker.after(events[decision_index].on, DELIVERY)
        delivered = next(
            (i for i, e in enumerate(events) if i > decision_index and isinstance(e, Delivered)),
            None,
        )
        withdrawn = any(isinstance(e, Withdrawn) for e in events)
        if delivered is not None:
            judgment = _judge(walker, events[delivered].on, due)
        elif as_of > due and not withdrawn:  # not delivered, and the period has run out
            judgment = _judge(walker, as_of, due)
        else:
            judgment = None
        delivery = DeliveryReading(decision_index, due, delivered, judgment)

    return Reading(
        received,
        intake_due,
        deemed,
        start,
        tuple(steps),
        statutory_due,
        promised_due,
        plain,
        tuple(decisions),
        open_reading,
        delivery,
    )
