"""Walk one case through its legal timeline, from submission to delivery (限时办结).

A food business licence (食品经营许可) submitted just before National Day 2025, with a
supplement notice (art. 32), a testing suspension (art. 45), a promised limit of 12
working days against the statutory 20 (art. 42), and delivery (art. 44). Prints the
timeline table used in docs/timing.md — each date with the article it comes from — and
the e-supervision alert on the way; then the same case with its acceptance recorded a
week late, which the timeline does not let move the period (art. 32 (4)).

    python examples/case_timeline.py
"""

from __future__ import annotations

import datetime as dt

import attrs

from shenpi.applications import (
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    IdentifierKind,
    Outcome,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
)
from shenpi.calendar import WorkCalendar
from shenpi.items import Item, ItemKind
from shenpi.supervision import alert
from shenpi.timeline import Timeline
from shenpi.timing import Suspension, TimeLimit

D = dt.date
ITEM = Item(
    "food-licence",
    "SCJ-001",
    "食品经营许可",
    ItemKind.LICENSING,
    "scj",
    (),
    statutory_limit=TimeLimit.workdays(20),
    promised_limit=TimeLimit.workdays(12),
)
APPLICANT = Applicant(
    ApplicantType.LEGAL_PERSON, "青岚市某餐饮有限公司", "91000000MA00000000", IdentifierKind.OTHER
)
CASE = Application(
    "QL2025092400001",
    APPLICANT,
    ("food-licence",),
    Channel.WINDOW,
    (
        Submitted(D(2025, 9, 24)),
        SupplementRequested(D(2025, 9, 26), ["从业人员健康证明"]),
        Supplemented(D(2025, 9, 29)),
        Accepted(D(2025, 9, 29)),
        Suspended(D(2025, 10, 13), Suspension.TESTING, note="抽样送检"),
        Resumed(D(2025, 10, 20)),
        Decided(D(2025, 10, 28), Outcome.APPROVED, "scj"),
        Delivered(D(2025, 10, 30), "窗口领取"),
    ),
)


def rows(case: Application, cal: WorkCalendar) -> list[tuple[str, str, str]]:
    """The case's dates as its timeline derives them, each with its article."""
    line = Timeline.for_items(case, [ITEM], as_of=D(2025, 12, 31), calendar=cal)
    assert line.intake_due is not None
    assert line.accepted is not None
    assert line.statutory is not None
    assert line.promised is not None
    assert line.statutory.due is not None
    assert line.promised.due is not None
    found = [
        (str(line.received.on), "received (收件)", line.received.basis),
        (f"{line.intake_due.on}", "answer due (受理/补正告知)", line.intake_due.basis),
        (
            f"{line.accepted.on}",
            "decision period starts" + (" (deemed accepted)" if line.deemed else ""),
            line.accepted.basis,
        ),
    ]
    for step in line.steps:
        what = f"{step.kind.value}{'' if step.moves else ' (does not count)'}"
        found.append((str(step.on), what, "行政许可法 art. 45"))
    found.append((f"{line.promised.due.on}", "promised due day", line.promised.due.basis))
    found.append((f"{line.statutory.due.on}", "statutory due day", line.statutory.due.basis))
    statutory, promised = line.statutory.clock, line.promised.clock
    assert statutory is not None
    assert promised is not None
    warned = alert(D(2025, 10, 27), promised=promised, statutory=statutory)
    found.append(("2025-10-27", f"e-supervision: {warned.level.name}", "4/5 of the promise"))
    for decision in line.decisions:
        punctuality = decision.punctuality
        found.append(
            (
                str(decision.event.on),
                f"decided: {'?' if punctuality is None else punctuality.name}",
                "行政许可法 art. 42",
            )
        )
    if line.delivery is not None and line.delivery.due is not None:
        judged = line.delivery.judgment
        verdict = "" if judged is None else f": {judged.verdict.value}"
        found.append((f"{line.delivery.due.on}", f"delivery due{verdict}", line.delivery.due.basis))
    return found


def main() -> None:
    cal = WorkCalendar.official()
    print("| day | step | article |")
    print("|---|---|---|")
    for day, step, basis in rows(CASE, cal):
        print(f"| {day} | {step} | {basis} |")
    # The same case, the supplement notice never sent and the acceptance recorded a week
    # late: the application counts as accepted on the day it was received, and the
    # decision of 10/28 is judged from 9/24.
    events = [e for e in CASE.events if not isinstance(e, (SupplementRequested, Supplemented))]
    events[1] = Accepted(D(2025, 10, 9))
    late = attrs.evolve(CASE, events=events)
    line = Timeline.for_items(late, [ITEM], as_of=D(2025, 12, 31), calendar=cal)
    assert line.deemed
    assert line.accepted is not None
    assert line.promised is not None
    decision = line.decisions[0]
    print()
    print(
        f"acceptance recorded on 2025-10-09: the period runs from {line.accepted.on} "
        f"({line.accepted.basis}); decided {decision.event.on}: {decision.punctuality}"
    )


if __name__ == "__main__":
    main()
