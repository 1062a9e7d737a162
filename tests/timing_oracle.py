"""A day-by-day simulation of a clock: the test oracle for ``Clock.due`` and ``remaining``.

It walks the calendar one day at a time and applies the written rule literally: after
the day's events, a working day counts if the clock is running.
"""

from __future__ import annotations

import datetime as dt

from shenpi.calendar import WorkCalendar
from shenpi.timing import Clock, EventKind, TimeUnit

DAY = dt.timedelta(days=1)


def simulate(clock: Clock, horizon: int = 800) -> tuple[dt.date | None, dict[dt.date, int]]:
    """Return (due, remaining by day) for a day-based clock by walking day by day."""
    cal: WorkCalendar = clock.calendar
    start = clock.started
    assert isinstance(start, dt.date)
    by_day: dict[dt.date, list] = {}
    for event in clock.events:
        by_day.setdefault(event.on, []).append(event)
    running = True
    total = clock.limit.amount
    counted = 0
    remaining: dict[dt.date, int] = {}
    due: dt.date | None = None
    last_event = clock.events[-1].on if clock.events else start
    day = start
    final_total = clock.total()
    for step in range(horizon):
        if step:
            day = day + DAY
        for event in by_day.get(day, []):
            if event.kind is EventKind.SUSPEND:
                running = False
            elif event.kind is EventKind.RESUME:
                running = True
            else:
                total += event.by.amount
        counts = day > start and (
            cal.is_workday(day) if clock.limit.unit is TimeUnit.WORKDAYS else True
        )
        if counts and running:
            counted += 1
            if counted == final_total and due is None:
                due = day
        remaining[day] = total - counted
        if due is not None and day > last_event:
            break
        if not running and day > last_event:
            break
    if due is not None and clock.limit.unit is TimeUnit.NATURAL_DAYS and not cal.is_workday(due):
        due = cal.add_workdays(due, 1)
    return due, remaining
