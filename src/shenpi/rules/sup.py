"""SUP: 电子监察 — supervision: complaints handled within their limit (seed 三(五), 三(九))."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from shenpi.calendar import CalendarDataMissing
from shenpi.rules.engine import Context, Finding, Severity, Subject, cannot_judge, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import S3_5_NET, S3_9
from shenpi.timing import TimeUnit

FAMILY = (
    "监督",
    ("Supervision: complaints handled in time (seed 三(五), 三(九))."),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

_NOTES_SUP001 = RuleNotes(
    (S3_5_NET, S3_9),
    Example(
        (
            "A hotline complaint received on 3 March 2025 is handled on 12 March, "
            "the seventh working day:"
        ),
        """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.complaints import Complaint, ComplaintChannel
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import tiny_world
>>> as_of = date(2025, 6, 30)
>>> complaint = Complaint(
...     "C1",
...     ComplaintChannel.HOTLINE,
...     date(2025, 3, 3),
...     department_id="D1",
...     summary="办理食品经营许可被要求重复提交材料",
...     handled_on=date(2025, 3, 12),
... )
>>> world = attrs.evolve(tiny_world(), complaints=[complaint])
>>> print(check(world, as_of=as_of, select=["SUP001"]).to_text())
SUP001 [warning] complaint C1: complaint received on 2025-03-03 was handled on 2025-03-12; due by
2025-03-10. (seed 三(五) 网上投诉, 三(九) 监督; local rule: 5 working days
(RulePolicy.complaint_limit))
1 finding, 0 errors
""",
    ),
    Example(
        "Handled within 5 working days (the limit is `RulePolicy.complaint_limit`):",
        """\
>>> world = attrs.evolve(world, complaints=[attrs.evolve(complaint, handled_on=date(2025, 3, 10))])
>>> print(check(world, as_of=as_of, select=["SUP001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "SUP001",
    "complaint-not-handled-in-time",
    Severity.WARNING,
    basis="seed 三(五) 网上投诉, 三(九) 监督; "
    "local rule: 5 working days (RulePolicy.complaint_limit)",
    en="complaint received on {received} {state}; due by {due}.",
    zh="{received} 收到的投诉{state_zh}；应于 {due} 前办理。",
    scope="world",
    notes=_NOTES_SUP001,
)
def complaint_not_handled_in_time(ctx: Context) -> Iterator[Finding]:
    """A complaint not handled within its limit (``RulePolicy.complaint_limit``, by
    default 5 working days, a common local rule).

    **Why.** Seed 三(五) builds online complaints into the system and 三(九) asks for real
    supervision; a complaint left unanswered is neither.

    **Fix.** Handle and record it within the limit.
    """
    limit = ctx.policy.complaint_limit
    for complaint in ctx.jurisdiction.complaints:
        subject = Subject("complaint", complaint.id)
        if limit.unit is TimeUnit.WORKDAYS:
            try:
                due = ctx.calendar.add_workdays(complaint.received_on, limit.amount)
            except CalendarDataMissing as missing:
                # This complaint cannot be judged; the others still are.
                yield cannot_judge(
                    complaint_not_handled_in_time,
                    subject,
                    missing,
                    department_id=complaint.department_id,
                )
                continue
        else:  # natural days (RulePolicy admits no other unit)
            due = complaint.received_on + _dt.timedelta(days=limit.amount)
        if complaint.handled_on is not None:
            if complaint.handled_on <= due:
                continue
            state, state_zh = (
                f"was handled on {complaint.handled_on}",
                f"于 {complaint.handled_on} 办理",
            )
        elif ctx.as_of > due:
            state, state_zh = f"was not handled by {ctx.as_of}", f"截至 {ctx.as_of} 未办理"
        else:
            continue
        yield complaint_not_handled_in_time.finding(
            subject,
            department_id=complaint.department_id,
            received=complaint.received_on,
            state=state,
            state_zh=state_zh,
            due=due,
        )


RULES = (complaint_not_handled_in_time,)
"""The family's rules."""
