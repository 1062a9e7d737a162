"""Walk one case through the hall's clocks, from submission to delivery (限时办结).

A food business licence (食品经营许可) submitted just before National Day 2025, with a
supplement notice (art. 32), a testing suspension (art. 45), a promised limit of 12
working days against the statutory 20 (art. 42), and delivery (art. 44). Prints the
timeline table used in docs/timing.md, and the e-supervision alert on each step.

    python examples/case_timeline.py
"""

from __future__ import annotations

import datetime as dt

from shenpi.calendar import WorkCalendar
from shenpi.supervision import alert
from shenpi.timing import (
    Suspension,
    TimeLimit,
    completion,
    decision_clock,
    deemed_accepted_on,
    delivery_due,
    intake_due,
)

D = dt.date


def main() -> None:
    cal = WorkCalendar.official()
    received = D(2025, 9, 24)
    notice_by = intake_due(received, calendar=cal)
    notified = D(2025, 9, 26)
    assert deemed_accepted_on(received, notified_on=notified, as_of=notified, calendar=cal) is None
    accepted = D(2025, 9, 29)  # the applicant brought the missing materials

    statutory = decision_clock(accepted, calendar=cal)
    promised = statutory.with_limit(TimeLimit.workdays(12))
    rows = [
        ("2025-09-24", "submitted (收件)", f"answer due {notice_by} (art. 32)"),
        ("2025-09-26", "supplement notice (一次性告知)", "in time: not deemed accepted"),
        (
            "2025-09-29",
            "accepted (受理)",
            f"promised due {promised.due}, statutory due {statutory.due}",
        ),
    ]
    on = D(2025, 10, 13)
    level = alert(on, promised=promised, statutory=statutory)
    rows.append(
        (str(on), "samples sent for testing (检验)", f"{level.used} used, {level.level.name}")
    )
    statutory = statutory.suspend(on=on, reason=Suspension.TESTING)
    promised = promised.suspend(on=on, reason=Suspension.TESTING)
    resumed = D(2025, 10, 20)
    statutory = statutory.resume(on=resumed)
    promised = promised.resume(on=resumed)
    rows.append(
        (
            str(resumed),
            "test report received, clock resumed",
            f"promised due {promised.due}, statutory due {statutory.due}",
        )
    )
    warn_day = D(2025, 10, 27)
    warning = alert(warn_day, promised=promised, statutory=statutory)
    rows.append(
        (
            str(warn_day),
            "e-supervision check",
            f"{warning.used} of {warning.total} used: {warning.level.name}",
        )
    )
    decided = D(2025, 10, 28)
    result = completion(decided, statutory=statutory, promised=promised)
    rows.append(
        (
            str(decided),
            "decision: granted (准予许可)",
            f"{result.used} working days used: {result.punctuality.name}",
        )
    )
    deliver_by = delivery_due(decided, calendar=cal)
    rows.append((str(D(2025, 10, 30)), "licence delivered (送达)", f"due {deliver_by} (art. 44)"))

    print("| day | step | clocks |")
    print("|---|---|---|")
    for day, step, note in rows:
        print(f"| {day} | {step} | {note} |")


if __name__ == "__main__":
    main()
