"""TIME: 限时办结 — intake, supplement notices, decision, extension, suspension, delivery.

Seed 三(七): 遵守法定时限，兑现承诺时限. The periods and their articles are those of
:mod:`shenpi.timing.periods`; the numbers come from ``RulePolicy.time``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shenpi.applications import (
    Decided,
    Extended,
    NotAccepted,
    Resumed,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import (
    A32_4,
    A42_1,
    A42_EXT,
    A42_JOINT,
    A44,
    A45,
    A72_4,
    A74_2,
    A82,
    S3_7_TIME,
)
from shenpi.timeline import Fault, Judgment, Verdict
from shenpi.timing.clock import suspension_founded

FAMILY = (
    "限时办结",
    (
        "Intake, supplement notices, decision, extension, suspension and delivery, "
        "counted in working days (行政许可法 arts. 32, 42, 44, 45, 82; seed 三(七))."
    ),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

PROMISE = "seed 三(七): 遵守法定时限，兑现承诺时限"
_CLOSING = (Decided, NotAccepted, Withdrawn)


def _reason(judgment: Judgment) -> tuple[str, str]:
    return judgment.reason_en, judgment.reason_zh


def _late_facts(judgment: Judgment) -> dict[str, Any]:
    """The facts of a late judgment that every lateness finding quotes: the due day, the
    working and natural days late (they agree with that due day), and how sure the due
    day is: the latest any holiday arrangement allows (the calendar has no data yet, or
    the history leaves it open), or provisional."""
    facts: dict[str, Any] = {
        "late": judgment.late_workdays,
        "late_days": judgment.late_days,
        "due": judgment.due,
        "note": "",
        "note_zh": "",
    }
    if not judgment.certain:
        facts["note"] = (
            " (the latest due day any holiday arrangement or reading allows; provisional)"
        )
        facts["note_zh"] = "（按任何放假安排或读法下最晚的期限计，暂定）"
    elif judgment.provisional:
        facts["note"], facts["note_zh"] = " (provisional)", "（暂定）"
    return facts


def _blocked(case: CaseView) -> tuple[str, str] | None:
    """Why the case's steps cannot be judged against its due day (a history out of
    order, or a due day the calendar leaves open), or ``None``."""
    line = case.timeline
    period = line.statutory
    if period is None or period.due is not None or period.clock is not None:
        return None
    problems = line.problems
    if not problems:
        return None
    return "; ".join(p.message_en for p in problems), "；".join(p.message_zh for p in problems)


_TIME000_SELECTING = """\
TIME000 is not run like the other rules: the engine reports it for a selected rule that
could not judge a case, whatever `select` says, so that no rule passes in silence.
`select=["TIME000"]` alone reports nothing; only an explicit `ignore` (of `TIME000` or a
prefix of it) hides it:

```python
>>> check(world, as_of=date(2027, 3, 31), select=["TIME001"]).counts()
{'TIME000': 1}
>>> check(world, as_of=date(2027, 3, 31), select=["TIME001"], ignore=["TIME000"]).counts()
{}

```

Better: give the calendar the data (see above).
"""


_NOTES_TIME000 = RuleNotes(
    (A82,),
    Example(
        (
            "A case received on 1 February 2027, before the Spring Festival, and "
            "accepted on 12 February, audited with the official calendar, whose published "
            "arrangements end with 2026: under some arrangement the next notice could "
            "make the answer came in time, under another it did not. (A case answered "
            "in time, or late, under every arrangement is judged: see "
            "[the timeline](../timing.md#the-timeline-of-a-case).)"
        ),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, submitted, tiny_world
>>> world = tiny_world(case(submitted(date(2027, 2, 1)), accepted(date(2027, 2, 12))))
>>> print(check(world, as_of=date(2027, 3, 31), select=["TIME001"]).to_text())
TIME000 [info] application A1: rule TIME001 could not judge this case: intake due day (art. 32
(4)) between 2027-02-10 and 2027-02-19: no working-day data for 2027-02-01; this calendar covers
2004-01-01 to 2026-12-31. (行政许可法 art. 82)
1 finding, 0 errors
""",
    ),
    Example(
        (
            "With the statutory projection for unannounced years, the rule can judge "
            "(and the case is on time):"
        ),
        """\
>>> from shenpi.calendar import WorkCalendar
>>> projected = WorkCalendar.official(unannounced="statutory")
>>> report = check(world, as_of=date(2027, 3, 31), select=["TIME001"], calendar=projected)
>>> print(report.to_text())
0 findings, 0 errors
""",
    ),
    selecting=_TIME000_SELECTING,
)


@rule(
    "TIME000",
    "cannot-judge",
    Severity.INFO,
    basis="行政许可法 art. 82",
    en="rule {rule} could not judge this case: {reason}",
    zh="规则 {rule} 无法判断：{reason_zh}",
    notes=_NOTES_TIME000,
)
def cannot_judge_case(view: CaseView) -> Iterator[Finding]:
    """A case that a rule could not judge: the working-day calendar has no data for a day the
    rule needed, or the case's history cannot be followed (a step or decision dated before
    the one recorded before it), and the act falls between the earliest and the latest due
    day the law allows. It is reported in place of that rule's finding, naming the rule and
    the reason; it is information, not an error, and it appears whenever the rule that could
    not judge is selected. Where the case can still be judged — a decision later than any
    possible due day, or earlier than every one — it is judged, and the finding says the due
    day was bounded (see [the timeline of a case](../timing.md#the-timeline-of-a-case)).

    **Why.** Art. 82 counts the agency's periods in working days, not counting statutory
    holidays, and which days those are is known only from the State Council's yearly notice:
    the official calendar holds the published arrangements only. shenpi never computes a
    deadline across days it has no data for, nor guesses the order of a history, so rather
    than pass or fail the case it says it could not judge it.

    **Fix.** Load the year's notice when it is published
    (`WorkCalendar.official().with_notice("notices/2027.json")`, see the
    [calendar](../calendar.md)) and pass the calendar to `check(..., calendar=...)`; until
    then, audit with the explicit statutory projection,
    `WorkCalendar.official(unannounced="statutory")`, whose results are marked provisional.
    """
    # Reported by the engine for the rule that could not judge (:func:`cannot_judge`),
    # never run on a case itself.
    return iter(())


_NOTES_TIME001 = RuleNotes(
    (A32_4,),
    Example(
        "Received on Monday 3 March 2025, accepted on the sixth working day after:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 11)),
...     decided(date(2025, 3, 20)),
...     delivered(date(2025, 3, 21)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME001"]).to_text())
TIME001 [error] application A1 event 1: answered on 2025-03-11 but due by 2025-03-10; the case
counts as accepted on 2025-03-03. (行政许可法 art. 32 (4))
1 finding, 1 error
""",
    ),
    Example(
        "Accepted on the fifth working day:",
        """\
>>> history[1] = accepted(date(2025, 3, 10))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME001",
    "late-intake-answer",
    Severity.ERROR,
    basis="行政许可法 art. 32 (4)",
    en="answered on {answered} but due by {due}; the case counts as accepted on {deemed}.",
    zh="应于 {due} 前答复，实际 {answered}；依法自收到材料之日（{deemed}）起视为受理。",
    notes=_NOTES_TIME001,
)
def late_intake_answer(case: CaseView) -> Iterator[Finding]:
    """Intake answered (accepted, refused, or a supplement notice) after 5 working days.

    **Why.** Art. 32 (4): incomplete materials must be notified on the spot or within
    five working days; if not, the application counts as accepted from the day the
    materials were received — the finding reports that deemed acceptance day.

    **Fix.** Answer at the window, or send the one-time supplement notice within 5
    working days.
    """
    line = case.timeline
    if line.intake_unknown:
        problem = next(p for p in line.problems if p.kind == "calendar")
        yield case.cannot_judge(late_intake_answer, (problem.message_en, problem.message_zh))
        return
    if not line.deemed:
        return
    # Over days without data the latest due day any arrangement allows (then certain).
    if line.intake_due is not None:
        due = line.intake_due.on
    else:
        assert line.intake_bounds is not None
        due = line.intake_bounds[1]
    answer = line.intake_answer
    events = case.application.events
    if answer is not None and events[answer].on > due:
        yield late_intake_answer.finding(
            case.at(answer),
            department_id=case.department_id,
            answered=events[answer].on,
            due=due,
            deemed=line.received.on,
        )
    else:
        yield late_intake_answer.finding(
            case.subject,
            department_id=case.department_id,
            answered="(not yet)",
            due=due,
            deemed=line.received.on,
        )


_NOTES_TIME002 = RuleNotes(
    (A32_4, A72_4),
    Example(
        ("Two supplement notices, the second asking for a material the first could have named:"),
        """\
>>> from datetime import date
>>> from shenpi.applications import Supplemented, SupplementRequested
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     SupplementRequested(date(2025, 3, 4), ["营业执照复印件"]),
...     Supplemented(date(2025, 3, 6)),
...     SupplementRequested(date(2025, 3, 7), ["经营场所平面图"]),
...     Supplemented(date(2025, 3, 10)),
...     accepted(date(2025, 3, 10)),
...     decided(date(2025, 3, 19)),
...     delivered(date(2025, 3, 20)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME002"]).to_text())
TIME002 [error] application A1 event 3: a second supplement notice (2 in all): everything missing
must be told at once. (行政许可法 art. 32 (4), art. 72 (4): 一次告知)
1 finding, 1 error
""",
    ),
    Example(
        "One notice that lists everything missing:",
        """\
>>> history[1:5] = [
...     SupplementRequested(date(2025, 3, 4), ["营业执照复印件", "经营场所平面图"]),
...     Supplemented(date(2025, 3, 7)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME002",
    "second-supplement-notice",
    Severity.ERROR,
    basis="行政许可法 art. 32 (4), art. 72 (4): 一次告知",
    en="a second supplement notice ({count} in all): everything missing must be told at once.",
    zh="第二次补正告知（共 {count} 次）：须一次性告知需补正的全部内容。",
    notes=_NOTES_TIME002,
)
def second_supplement_notice(case: CaseView) -> Iterator[Finding]:
    """More than one supplement notice (一次性告知 broken).

    **Why.** Art. 32 (4) requires telling the applicant *all* that is missing in one
    notice; art. 72 (4) sanctions not doing so.

    **Fix.** Check every material at once and list everything in the first notice.
    """
    notices = case.events_of(SupplementRequested)
    for index, _ in notices[1:]:
        yield second_supplement_notice.finding(
            case.at(index), department_id=case.department_id, count=len(notices)
        )


_NOTES_TIME003 = RuleNotes(
    (S3_7_TIME,),
    Example(
        (
            "Item `I1` promises 10 working days (the law allows 20); accepted on 3 "
            "March, decided on 24 March:"
        ),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 24)),
...     delivered(date(2025, 3, 25)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME003"]).to_text())
TIME003 [warning] application A1 event 2: decided on 2025-03-24, 7 day(s) (5 working day(s))
after the promised due day 2025-03-17 (within the law). (seed 三(七): 遵守法定时限，兑现承诺时限)
1 finding, 0 errors
""",
    ),
    Example(
        "Decided on the promised due day:",
        """\
>>> history[2] = decided(date(2025, 3, 17))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME003"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME003",
    "late-against-promise",
    Severity.WARNING,
    basis=PROMISE,
    en="decided on {on}, {late_days} day(s) ({late} working day(s)) after the promised due "
    "day {due}{note} (within the law).",
    zh="{on} 作出决定，超过承诺期限 {due}{note_zh} {late_days} 日（{late} 个工作日），"
    "尚在法定时限内。",
    notes=_NOTES_TIME003,
)
def late_against_promise(case: CaseView) -> Iterator[Finding]:
    """Decided after the hall's promised limit (承诺时限), though within the statutory one.

    **Why.** Seed 三(七): "兑现承诺时限" — keep the promise the hall published.

    **Fix.** Decide within the promise; if the promise cannot be kept, say why before it
    runs out.
    """
    for decision in case.timeline.decisions:
        statutory, promised = decision.statutory, decision.promised
        if statutory is None or statutory.late or promised is None:
            continue
        if promised.verdict is Verdict.UNKNOWN:
            yield case.cannot_judge(late_against_promise, _reason(promised))
        elif promised.late:
            yield late_against_promise.finding(
                case.at(decision.index),
                department_id=decision.event.department_id,
                on=promised.on,
                **_late_facts(promised),
            )


_NOTES_TIME004 = RuleNotes(
    (A42_1, A74_2),
    Example(
        ("Accepted on 3 March 2025; the 20 working days end on 31 March; decided on 2 April:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 4, 2)),
...     delivered(date(2025, 4, 3)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME004"]).to_text())
TIME004 [error] application A1 event 2: decided on 2025-04-02, 2 day(s) (2 working day(s)) after
the statutory due day 2025-03-31. (行政许可法 art. 42, art. 74 (2))
1 finding, 1 error
""",
    ),
    Example(
        "The head approved a 10-day extension before the deadline, with reasons:",
        """\
>>> from shenpi.applications import Extended
>>> from shenpi.timing import TimeLimit
>>> extension = Extended(
...     date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head", reason="需现场核查"
... )
>>> history.insert(2, extension)
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME004"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME004",
    "late-against-law",
    Severity.ERROR,
    basis="行政许可法 art. 42, art. 74 (2)",
    en="decided on {on}, {late_days} day(s) ({late} working day(s)) after the statutory due "
    "day {due}{note}.",
    zh="{on} 作出决定，超过法定期限 {due}{note_zh} {late_days} 日（{late} 个工作日）。",
    notes=_NOTES_TIME004,
)
def late_against_law(case: CaseView) -> Iterator[Finding]:
    """Decided after the statutory limit (法定时限), extensions included.

    **Why.** Art. 42 sets the limit (20 working days, 45 for joint handling, plus one
    extension); art. 74 (2) sanctions not deciding within it.

    **Fix.** Decide in time; extend once, with approval, before the deadline if needed.
    """
    for decision in case.timeline.decisions:
        statutory = decision.statutory
        if statutory is None:
            continue
        if statutory.verdict is Verdict.UNKNOWN:
            yield case.cannot_judge(late_against_law, _reason(statutory))
        elif statutory.late:
            yield late_against_law.finding(
                case.at(decision.index),
                department_id=decision.event.department_id,
                on=statutory.on,
                **_late_facts(statutory),
            )


_NOTES_TIME005 = RuleNotes(
    (S3_7_TIME,),
    Example(
        "Item `I1` promises 30 working days; the law allows 20:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", promised_limit=TimeLimit.workdays(30))
>>> print(check(world, as_of=as_of, select=["TIME005"]).to_text())
TIME005 [error] item I1: item I1 promises 30 working days, longer than its statutory 20 working
days. (seed 三(七): 遵守法定时限，兑现承诺时限)
1 finding, 1 error
""",
    ),
    Example(
        "A promise shorter than the law:",
        """\
>>> world = amend(world, "items", "I1", promised_limit=TimeLimit.workdays(15))
>>> print(check(world, as_of=as_of, select=["TIME005"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME005",
    "promise-longer-than-law",
    Severity.ERROR,
    basis=PROMISE,
    en="item {item} promises {promised}, longer than its statutory {statutory}.",
    zh="事项 {item} 承诺时限 {promised} 长于法定时限 {statutory}。",
    scope="world",
    notes=_NOTES_TIME005,
)
def promise_longer_than_law(ctx: Context) -> Iterator[Finding]:
    """An item whose promised limit is longer than its statutory limit.

    **Why.** The promise can only shorten the law (承诺时限 ≤ 法定时限).

    **Fix.** Shorten the promise in the catalogue.
    """
    catalogue = ctx.current_catalogue()
    for item in () if catalogue is None else catalogue.items:
        s, p = item.statutory_limit, item.promised_limit
        if s.unit is p.unit and p.amount > s.amount:
            yield promise_longer_than_law.finding(
                Subject("item", item.id),
                department_id=item.department_id,
                item=item.id,
                promised=p,
                statutory=s,
            )


_NOTES_TIME006 = RuleNotes(
    (A42_EXT,),
    Example(
        "An extension with no approving official recorded:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 3, 28), TimeLimit.workdays(10), reason="需现场核查"),
...     decided(date(2025, 4, 10)),
...     delivered(date(2025, 4, 11)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME006"]).to_text())
TIME006 [error] application A1 event 2: extended by 10 working days with no approval recorded.
(行政许可法 art. 42: 经本行政机关负责人批准)
1 finding, 1 error
""",
    ),
    Example(
        "Approved by the head of the department:",
        """\
>>> history[2] = Extended(
...     date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head", reason="需现场核查"
... )
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME006"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME006",
    "extension-not-approved",
    Severity.ERROR,
    basis="行政许可法 art. 42: 经本行政机关负责人批准",
    en="extended by {by} with no approval recorded.",
    zh="延期 {by} 未记录负责人批准。",
    notes=_NOTES_TIME006,
)
def extension_not_approved(case: CaseView) -> Iterator[Finding]:
    """An extension with no approving official.

    **Why.** Art. 42: an extension needs the approval of the agency's head (joint
    handling: the head of the government).

    **Fix.** Record who approved it (``Extended.approved_by``).
    """
    for index, event in case.events_of(Extended):
        if event.approved_by is None:
            yield extension_not_approved.finding(
                case.at(index), department_id=case.department_id, by=event.by
            )


_NOTES_TIME007 = RuleNotes(
    (A42_EXT, A42_JOINT),
    Example(
        "A single department's item extended by 15 working days:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 3, 28), TimeLimit.workdays(15), approved_by="D1.head"),
...     decided(date(2025, 4, 10)),
...     delivered(date(2025, 4, 11)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME007"]).to_text())
TIME007 [error] application A1 event 2: extended by 15 working days, more than the law allows.
(行政许可法 art. 42: 可以延长十日 (joint: 十五日))
1 finding, 1 error
""",
    ),
    Example(
        "By 10, the most the law allows (15 for joint handling):",
        """\
>>> history[2] = Extended(date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME007"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME007",
    "extension-too-long",
    Severity.ERROR,
    basis="行政许可法 art. 42: 可以延长十日 (joint: 十五日)",
    en="extended by {by}, more than the law allows.",
    zh="延期 {by}，超过法定可延长期限。",
    notes=_NOTES_TIME007,
)
def extension_too_long(case: CaseView) -> Iterator[Finding]:
    """An extension longer than 10 working days (15 for joint handling).

    **Why.** Art. 42 caps the extension.

    **Fix.** Extend by at most the legal number of days.
    """
    for step in case.timeline.faults(Fault.EXCESSIVE_EXTENSION):
        event = case.application.events[step.index]
        yield extension_too_long.finding(
            case.at(step.index),
            department_id=case.department_id,
            by=getattr(event, "by", None),
            credited=step.credit,
        )


_NOTES_TIME008 = RuleNotes(
    (A42_EXT,),
    Example(
        "The period ended on 31 March; the extension was approved on 2 April:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 4, 2), TimeLimit.workdays(10), approved_by="D1.head"),
...     decided(date(2025, 4, 10)),
...     delivered(date(2025, 4, 11)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME008"]).to_text())
TIME008 [error] application A1 event 2: extended on 2025-04-02, after the period had run out.
(行政许可法 art. 42: 二十日内不能作出决定的 … 可以延长)
1 finding, 1 error
""",
    ),
    Example(
        "Approved before the period ran out:",
        """\
>>> history[2] = Extended(date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME008"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME008",
    "extension-after-deadline",
    Severity.ERROR,
    basis="行政许可法 art. 42: 二十日内不能作出决定的 … 可以延长",
    en="extended on {on}, after the period had run out.",
    zh="期限届满后（{on}）才延期。",
    notes=_NOTES_TIME008,
)
def extension_after_deadline(case: CaseView) -> Iterator[Finding]:
    """An extension approved after the deadline.

    **Why.** Art. 42 lets a period that cannot be met be extended: before it ends.

    **Fix.** Approve extensions on or before the due day.
    """
    blocked = _blocked(case)
    if blocked is not None and case.events_of(Extended):
        yield case.cannot_judge(extension_after_deadline, blocked)
    for step in case.timeline.faults(Fault.LATE_EXTENSION):
        yield extension_after_deadline.finding(
            case.at(step.index), department_id=case.department_id, on=step.on
        )


_NOTES_TIME009 = RuleNotes(
    (A42_EXT,),
    Example(
        "Two extensions of 5 working days each:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 3, 27), TimeLimit.workdays(5), approved_by="D1.head"),
...     Extended(date(2025, 4, 3), TimeLimit.workdays(5), approved_by="D1.head"),
...     decided(date(2025, 4, 14)),
...     delivered(date(2025, 4, 15)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME009"]).to_text())
TIME009 [error] application A1 event 3: extended again on 2025-04-03; the law allows one
extension. (行政许可法 art. 42: 可以延长十日 (once))
1 finding, 1 error
""",
    ),
    Example(
        "One extension of 10:",
        """\
>>> history[2:4] = [Extended(date(2025, 3, 27), TimeLimit.workdays(10), approved_by="D1.head")]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME009"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME009",
    "second-extension",
    Severity.ERROR,
    basis="行政许可法 art. 42: 可以延长十日 (once)",
    en="extended again on {on}; the law allows one extension.",
    zh="{on} 再次延期；法律只允许延期一次。",
    notes=_NOTES_TIME009,
)
def second_extension(case: CaseView) -> Iterator[Finding]:
    """More extensions than allowed (the law: one).

    **Why.** Art. 42 allows one extension.

    **Fix.** Extend once, by the time needed, within the cap.
    """
    for step in case.timeline.faults(Fault.SECOND_EXTENSION):
        yield second_extension.finding(
            case.at(step.index), department_id=case.department_id, on=step.on
        )


_NOTES_TIME010 = RuleNotes(
    (A45,),
    Example(
        "The clock is stopped for a week with no reason recorded:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Suspended(date(2025, 3, 10), None),
...     Resumed(date(2025, 3, 17)),
...     decided(date(2025, 3, 25)),
...     delivered(date(2025, 3, 26)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME010"]).to_text())
TIME010 [error] application A1 event 2: suspended on 2025-03-10 without a procedure of art. 45 or
another legal basis. (行政许可法 art. 45)
1 finding, 1 error
""",
    ),
    Example(
        "Stopped for an expert review (专家评审), a procedure of art. 45:",
        """\
>>> history[2] = Suspended(date(2025, 3, 10), Suspension.EXPERT_REVIEW)
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME010"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME010",
    "unfounded-suspension",
    Severity.ERROR,
    basis="行政许可法 art. 45",
    en="suspended on {on} without a procedure of art. 45 or another legal basis.",
    zh="{on} 中止计时，无第四十五条规定的程序或其他法律依据。",
    notes=_NOTES_TIME010,
)
def unfounded_suspension(case: CaseView) -> Iterator[Finding]:
    """A suspension with no art. 45 reason (or ``OTHER`` without its legal basis).

    **Why.** Only hearing, bidding, auction, testing, inspection, quarantine, appraisal
    and expert review are not counted (art. 45), or what another law provides.

    **Fix.** Record the procedure (``Suspension``), or keep the clock running.
    """
    for index, event in case.events_of(Suspended):
        if not suspension_founded(event.reason, event.basis):
            yield unfounded_suspension.finding(
                case.at(index), department_id=case.department_id, on=event.on
            )


_NOTES_TIME011 = RuleNotes(
    (A45,),
    Example(
        "Suspended for an expert review, then decided with the clock still stopped:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Suspended(date(2025, 3, 10), Suspension.EXPERT_REVIEW),
...     decided(date(2025, 3, 20)),
...     delivered(date(2025, 3, 21)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME011"]).to_text())
TIME011 [error] application A1 event 2: suspended on 2025-03-10 and the case closed while
suspended. (行政许可法 art. 45: 所需时间书面告知申请人)
1 finding, 1 error
""",
    ),
    Example(
        "The resumption is recorded when the review ends:",
        """\
>>> history.insert(3, Resumed(date(2025, 3, 17)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME011"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME011",
    "suspension-never-resumed",
    Severity.ERROR,
    basis="行政许可法 art. 45: 所需时间书面告知申请人",
    en="suspended on {on} and {problem}.",
    zh="{on} 中止计时后{problem_zh}。",
    notes=_NOTES_TIME011,
)
def suspension_never_resumed(case: CaseView) -> Iterator[Finding]:
    """A suspension never resumed: the case closed while suspended, or the clock has
    stood longer than ``RulePolicy.max_open_suspension`` as of ``as_of``.

    **Why.** Art. 45 excludes the time of a procedure whose length the applicant was
    told in writing; a clock left stopped hides an overdue case.

    **Fix.** Record the resumption when the procedure ends.
    """
    events = case.application.events
    for index, event in case.events_of(Suspended):
        later = events[index + 1 :]
        resumed_at = next((i for i, e in enumerate(later) if isinstance(e, Resumed)), None)
        closing = next((i for i, e in enumerate(later) if isinstance(e, _CLOSING)), None)
        if closing is not None and (resumed_at is None or closing < resumed_at):
            yield suspension_never_resumed.finding(
                case.at(index),
                department_id=case.department_id,
                on=event.on,
                problem="the case closed while suspended",
                problem_zh="未恢复即办结",
            )
        elif resumed_at is None and closing is None:
            limit = case.ctx.policy.max_open_suspension
            if (case.ctx.as_of - event.on).days > limit.days:
                yield suspension_never_resumed.finding(
                    case.at(index),
                    department_id=case.department_id,
                    on=event.on,
                    problem=f"was still suspended on {case.ctx.as_of} (more than {limit})",
                    problem_zh=f"截至 {case.ctx.as_of} 仍未恢复（超过 {limit.days} 日）",
                )


_NOTES_TIME012 = RuleNotes(
    (A44,),
    Example(
        "Approved on 10 March, the licence delivered on 25 March:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 10)),
...     delivered(date(2025, 3, 25)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME012"]).to_text())
TIME012 [error] application A1 event 3: licence delivered on 2025-03-25; due by 2025-03-24 (10
working days after the decision on 2025-03-10). (行政许可法 art. 44)
1 finding, 1 error
""",
    ),
    Example(
        "Delivered on the tenth working day:",
        """\
>>> history[3] = delivered(date(2025, 3, 24))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME012"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME012",
    "late-delivery",
    Severity.ERROR,
    basis="行政许可法 art. 44",
    en="licence {state}; due by {due} (10 working days after the decision on {decided}).",
    zh="许可证件{state_zh}；应于 {due} 前送达（决定日 {decided} 起十个工作日）。",
    notes=_NOTES_TIME012,
)
def late_delivery(case: CaseView) -> Iterator[Finding]:
    """A licence or approval document delivered more than 10 working days after the
    decision granting it, or not delivered by then as of ``as_of``. Fee items
    (行政事业性收费) issue no document and are not judged.

    **Why.** Art. 44: issue and deliver within 10 working days of the decision.

    **Fix.** Deliver within the period (post or online delivery count).
    """
    delivery = case.timeline.delivery
    if delivery is None or delivery.judgment is None:
        return
    judgment, decision = delivery.judgment, delivery.decision
    if judgment.verdict is Verdict.UNKNOWN:
        yield case.cannot_judge(late_delivery, _reason(judgment))
    elif judgment.late:
        # At the late delivery, or at the decision when nothing was delivered by as_of.
        delivered = delivery.delivered_index is not None
        yield late_delivery.finding(
            case.at(
                delivery.index if delivery.delivered_index is None else delivery.delivered_index
            ),
            department_id=decision.department_id,
            state=f"delivered on {judgment.on}" if delivered else f"not delivered by {judgment.on}",
            state_zh=f"于 {judgment.on} 送达" if delivered else f"截至 {judgment.on} 未送达",
            due=judgment.due,
            decided=decision.on,
            late_days=judgment.late_days,
        )


_NOTES_TIME013 = RuleNotes(
    (S3_7_TIME,),
    Example(
        (
            "Accepted on 3 March and still open on 20 March; the promise (10 working "
            "days) ran out on 17 March:"
        ),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, submitted, tiny_world
>>> as_of = date(2025, 3, 20)
>>> history = [submitted(date(2025, 3, 3)), accepted(date(2025, 3, 3))]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME013"]).to_text())
TIME013 [warning] application A1: still open on 2025-03-20, 3 day(s) (3 working day(s)) past the
promised due day 2025-03-17. (seed 三(七): 遵守法定时限，兑现承诺时限)
1 finding, 0 errors
""",
    ),
    Example(
        "Decided within the promise:",
        """\
>>> history.append(decided(date(2025, 3, 14)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME013"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME013",
    "open-case-past-promise",
    Severity.WARNING,
    basis=PROMISE,
    en="still open on {as_of}, {late_days} day(s) ({late} working day(s)) past the promised "
    "due day {due}{note}.",
    zh="截至 {as_of} 仍未办结，已超过承诺期限 {due}{note_zh} {late_days} 日（{late} 个工作日）。",
    notes=_NOTES_TIME013,
)
def open_case_past_promise(case: CaseView) -> Iterator[Finding]:
    """An open case past its promised due day as of ``as_of`` (报警), still within the law.

    **Why.** Seed 三(七): keep the promise; e-supervision alarms once it has passed.

    **Fix.** Decide the case now.
    """
    open_case = case.timeline.open
    if open_case is None or open_case.statutory is None or open_case.statutory.late:
        return
    promised = open_case.promised
    if promised is None:
        return
    if promised.verdict is Verdict.UNKNOWN:
        yield case.cannot_judge(open_case_past_promise, _reason(promised))
    elif promised.late:
        yield open_case_past_promise.finding(
            case.subject,
            department_id=case.department_id,
            as_of=open_case.on,
            **_late_facts(promised),
        )


_NOTES_TIME014 = RuleNotes(
    (A42_1, A74_2),
    Example(
        ("Accepted on 3 March and still open on 2 April; the 20 working days ran out on 31 March:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, submitted, tiny_world
>>> as_of = date(2025, 4, 2)
>>> history = [submitted(date(2025, 3, 3)), accepted(date(2025, 3, 3))]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME014"]).to_text())
TIME014 [error] application A1: still open on 2025-04-02, 2 day(s) (2 working day(s)) past the
statutory due day 2025-03-31. (行政许可法 art. 42, art. 74 (2))
1 finding, 1 error
""",
    ),
    Example(
        "Decided within the period:",
        """\
>>> history.append(decided(date(2025, 3, 28)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME014"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME014",
    "open-case-past-law",
    Severity.ERROR,
    basis="行政许可法 art. 42, art. 74 (2)",
    en="still open on {as_of}, {late_days} day(s) ({late} working day(s)) past the statutory "
    "due day {due}{note}.",
    zh="截至 {as_of} 仍未办结，已超过法定期限 {due}{note_zh} {late_days} 日（{late} 个工作日）。",
    notes=_NOTES_TIME014,
)
def open_case_past_law(case: CaseView) -> Iterator[Finding]:
    """An open case past its statutory due day as of ``as_of``.

    **Why.** Art. 42 sets the limit; art. 74 (2) sanctions missing it.

    **Fix.** Decide the case now.
    """
    open_case = case.timeline.open
    if open_case is None or open_case.statutory is None:
        return
    statutory = open_case.statutory
    if statutory.verdict is Verdict.UNKNOWN:
        yield case.cannot_judge(open_case_past_law, _reason(statutory))
    elif statutory.late:
        yield open_case_past_law.finding(
            case.subject,
            department_id=case.department_id,
            as_of=open_case.on,
            **_late_facts(statutory),
        )


_NOTES_TIME015 = RuleNotes(
    (A42_1, A45),
    Example(
        "The period ended on 31 March; an expert review is started on 2 April:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Suspended(date(2025, 4, 2), Suspension.EXPERT_REVIEW),
...     Resumed(date(2025, 4, 10)),
...     decided(date(2025, 4, 11)),
...     delivered(date(2025, 4, 14)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME015"]).to_text())
TIME015 [error] application A1 event 2: suspended on 2025-04-02, after the period had run out.
(行政许可法 arts. 42, 45)
1 finding, 1 error
""",
    ),
    Example(
        "Started while the period was still running:",
        """\
>>> history[2] = Suspended(date(2025, 3, 28), Suspension.EXPERT_REVIEW)
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME015"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "TIME015",
    "suspension-after-deadline",
    Severity.ERROR,
    basis="行政许可法 arts. 42, 45",
    en="suspended on {on}, after the period had run out.",
    zh="期限届满后（{on}）才中止计时。",
    notes=_NOTES_TIME015,
)
def suspension_after_deadline(case: CaseView) -> Iterator[Finding]:
    """A suspension after the statutory period had already run out.

    **Why.** A procedure of art. 45 pauses a running period; it cannot revive one that
    has ended (arts. 42, 45).

    **Fix.** Start the procedure in time, or decide.
    """
    blocked = _blocked(case)
    if blocked is not None and case.events_of(Suspended):
        yield case.cannot_judge(suspension_after_deadline, blocked)
    for step in case.timeline.faults(Fault.SUSPENSION_AFTER_DUE):
        yield suspension_after_deadline.finding(
            case.at(step.index), department_id=case.department_id, on=step.on
        )


RULES = (
    cannot_judge_case,
    late_intake_answer,
    second_supplement_notice,
    late_against_promise,
    late_against_law,
    promise_longer_than_law,
    extension_not_approved,
    extension_too_long,
    extension_after_deadline,
    second_extension,
    unfounded_suspension,
    suspension_never_resumed,
    late_delivery,
    open_case_past_promise,
    open_case_past_law,
    suspension_after_deadline,
)
"""The family's rules."""
