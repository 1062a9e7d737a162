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
from shenpi.timeline import Fault, Judgment, Step, Verdict

PROMISE = "seed 三(七): 遵守法定时限，兑现承诺时限"
_CLOSING = (Decided, NotAccepted, Withdrawn)


def _reason(judgment: Judgment) -> tuple[str, str]:
    return judgment.reason_en, judgment.reason_zh


def _note(judgment: Judgment) -> dict[str, Any]:
    """How sure the quoted due day is: the latest any holiday arrangement allows (the
    calendar has no data yet, or the history leaves it open), or provisional."""
    if not judgment.certain:
        return {
            "note": " (the latest due day any holiday arrangement or reading allows; provisional)",
            "note_zh": "（按任何放假安排或读法下最晚的期限计，暂定）",
        }
    if judgment.provisional:
        return {"note": " (provisional)", "note_zh": "（暂定）"}
    return {"note": "", "note_zh": ""}


def _step_faults(case: CaseView, fault: Fault) -> Iterator[Step]:
    """The case's steps with ``fault``, as the timeline judged them."""
    yield from case.timeline.faults(fault)


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


@rule(
    "TIME001",
    "late-intake-answer",
    Severity.ERROR,
    basis="行政许可法 art. 32 (4)",
    en="answered on {answered} but due by {due}; the case counts as accepted on {deemed}.",
    zh="应于 {due} 前答复，实际 {answered}；依法自收到材料之日（{deemed}）起视为受理。",
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


@rule(
    "TIME002",
    "second-supplement-notice",
    Severity.ERROR,
    basis="行政许可法 art. 32 (4), art. 72 (4): 一次告知",
    en="a second supplement notice ({count} in all): everything missing must be told at once.",
    zh="第二次补正告知（共 {count} 次）：须一次性告知需补正的全部内容。",
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


@rule(
    "TIME003",
    "late-against-promise",
    Severity.WARNING,
    basis=PROMISE,
    en="decided on {on}, {late_days} day(s) ({late} working day(s)) after the promised due "
    "day {due}{note} (within the law).",
    zh="{on} 作出决定，超过承诺期限 {due}{note_zh} {late_days} 日（{late} 个工作日），"
    "尚在法定时限内。",
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
                late=promised.late_workdays,
                late_days=promised.late_days,
                due=promised.due,
                **_note(promised),
            )


@rule(
    "TIME004",
    "late-against-law",
    Severity.ERROR,
    basis="行政许可法 art. 42, art. 74 (2)",
    en="decided on {on}, {late_days} day(s) ({late} working day(s)) after the statutory due "
    "day {due}{note}.",
    zh="{on} 作出决定，超过法定期限 {due}{note_zh} {late_days} 日（{late} 个工作日）。",
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
                late=statutory.late_workdays,
                late_days=statutory.late_days,
                due=statutory.due,
                **_note(statutory),
            )


@rule(
    "TIME005",
    "promise-longer-than-law",
    Severity.ERROR,
    basis=PROMISE,
    en="item {item} promises {promised}, longer than its statutory {statutory}.",
    zh="事项 {item} 承诺时限 {promised} 长于法定时限 {statutory}。",
    scope="world",
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


@rule(
    "TIME006",
    "extension-not-approved",
    Severity.ERROR,
    basis="行政许可法 art. 42: 经本行政机关负责人批准",
    en="extended by {by} with no approval recorded.",
    zh="延期 {by} 未记录负责人批准。",
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


@rule(
    "TIME007",
    "extension-too-long",
    Severity.ERROR,
    basis="行政许可法 art. 42: 可以延长十日 (joint: 十五日)",
    en="extended by {by}, more than the law allows.",
    zh="延期 {by}，超过法定可延长期限。",
)
def extension_too_long(case: CaseView) -> Iterator[Finding]:
    """An extension longer than 10 working days (15 for joint handling).

    **Why.** Art. 42 caps the extension.

    **Fix.** Extend by at most the legal number of days.
    """
    for step in _step_faults(case, Fault.EXCESSIVE_EXTENSION):
        event = case.application.events[step.index]
        yield extension_too_long.finding(
            case.at(step.index),
            department_id=case.department_id,
            by=getattr(event, "by", None),
            credited=step.credit,
        )


@rule(
    "TIME008",
    "extension-after-deadline",
    Severity.ERROR,
    basis="行政许可法 art. 42: 二十日内不能作出决定的 … 可以延长",
    en="extended on {on}, after the period had run out.",
    zh="期限届满后（{on}）才延期。",
)
def extension_after_deadline(case: CaseView) -> Iterator[Finding]:
    """An extension approved after the deadline.

    **Why.** Art. 42 lets a period that cannot be met be extended: before it ends.

    **Fix.** Approve extensions on or before the due day.
    """
    blocked = _blocked(case)
    if blocked is not None and case.events_of(Extended):
        yield case.cannot_judge(extension_after_deadline, blocked)
    for step in _step_faults(case, Fault.LATE_EXTENSION):
        yield extension_after_deadline.finding(
            case.at(step.index), department_id=case.department_id, on=step.on
        )


@rule(
    "TIME009",
    "second-extension",
    Severity.ERROR,
    basis="行政许可法 art. 42: 可以延长十日 (once)",
    en="extended again on {on}; the law allows one extension.",
    zh="{on} 再次延期；法律只允许延期一次。",
)
def second_extension(case: CaseView) -> Iterator[Finding]:
    """More extensions than allowed (the law: one).

    **Why.** Art. 42 allows one extension.

    **Fix.** Extend once, by the time needed, within the cap.
    """
    for step in _step_faults(case, Fault.SECOND_EXTENSION):
        yield second_extension.finding(
            case.at(step.index), department_id=case.department_id, on=step.on
        )


@rule(
    "TIME010",
    "unfounded-suspension",
    Severity.ERROR,
    basis="行政许可法 art. 45",
    en="suspended on {on} without a procedure of art. 45 or another legal basis.",
    zh="{on} 中止计时，无第四十五条规定的程序或其他法律依据。",
)
def unfounded_suspension(case: CaseView) -> Iterator[Finding]:
    """A suspension with no art. 45 reason (or ``OTHER`` without its legal basis).

    **Why.** Only hearing, bidding, auction, testing, inspection, quarantine, appraisal
    and expert review are not counted (art. 45), or what another law provides.

    **Fix.** Record the procedure (``Suspension``), or keep the clock running.
    """
    for index, event in case.events_of(Suspended):
        reason = event.reason
        if reason is None or (reason.value == "other" and not event.basis.strip()):
            yield unfounded_suspension.finding(
                case.at(index), department_id=case.department_id, on=event.on
            )


@rule(
    "TIME011",
    "suspension-never-resumed",
    Severity.ERROR,
    basis="行政许可法 art. 45: 所需时间书面告知申请人",
    en="suspended on {on} and {problem}.",
    zh="{on} 中止计时后{problem_zh}。",
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


@rule(
    "TIME012",
    "late-delivery",
    Severity.ERROR,
    basis="行政许可法 art. 44",
    en="licence {state}; due by {due} (10 working days after the decision on {decided}).",
    zh="许可证件{state_zh}；应于 {due} 前送达（决定日 {decided} 起十个工作日）。",
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


@rule(
    "TIME013",
    "open-case-past-promise",
    Severity.WARNING,
    basis=PROMISE,
    en="still open on {as_of}, {late_days} day(s) ({late} working day(s)) past the promised "
    "due day {due}{note}.",
    zh="截至 {as_of} 仍未办结，已超过承诺期限 {due}{note_zh} {late_days} 日（{late} 个工作日）。",
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
            late=promised.late_workdays,
            late_days=promised.late_days,
            due=promised.due,
            **_note(promised),
        )


@rule(
    "TIME014",
    "open-case-past-law",
    Severity.ERROR,
    basis="行政许可法 art. 42, art. 74 (2)",
    en="still open on {as_of}, {late_days} day(s) ({late} working day(s)) past the statutory "
    "due day {due}{note}.",
    zh="截至 {as_of} 仍未办结，已超过法定期限 {due}{note_zh} {late_days} 日（{late} 个工作日）。",
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
            late=statutory.late_workdays,
            late_days=statutory.late_days,
            due=statutory.due,
            **_note(statutory),
        )


@rule(
    "TIME015",
    "suspension-after-deadline",
    Severity.ERROR,
    basis="行政许可法 arts. 42, 45",
    en="suspended on {on}, after the period had run out.",
    zh="期限届满后（{on}）才中止计时。",
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
    for step in _step_faults(case, Fault.SUSPENSION_AFTER_DUE):
        yield suspension_after_deadline.finding(
            case.at(step.index), department_id=case.department_id, on=step.on
        )


RULES = (
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
