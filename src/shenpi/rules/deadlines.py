"""TIME: 限时办结 — intake, supplement notices, decision, extension, suspension, delivery.

Seed 三(七): 遵守法定时限，兑现承诺时限. The periods and their articles are those of
:mod:`shenpi.timing.periods`; the numbers come from ``RulePolicy.time``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

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
from shenpi.items import ItemKind
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.timing import ViolationKind, decision_violations, delivery_due, intake_due
from shenpi.timing.clock import ClockViolation

PROMISE = "seed 三(七): 遵守法定时限，兑现承诺时限"
_CLOSING = (Decided, NotAccepted, Withdrawn)


def _statutory_violations(case: CaseView) -> list[tuple[int, ClockViolation]]:
    """Every violation of the statutory clock (extensions under 行政许可法 art. 42,
    suspensions under art. 45), with the case's event index of each; computed once per
    case, for the four rules that read it."""
    clock = case.statutory_clock
    if clock is None or case.item is None:
        return []
    positions = [
        i
        for i, e in enumerate(case.application.events)
        if isinstance(e, (Suspended, Resumed, Extended))
    ]
    found = decision_violations(clock, joint=case.item.joint, policy=case.ctx.policy.time)
    return [(positions[v.event_index], v) for v in found]


def _clock_violations(case: CaseView, kind: ViolationKind) -> Iterator[tuple[int, ClockViolation]]:
    """Violations of the statutory clock of one kind, with the case's event index of each."""
    for index, violation in case.memo(_statutory_violations, _statutory_violations):
        if violation.kind is kind:
            yield index, violation


def _intake_due(case: CaseView) -> _dt.date:
    """The intake due day of the case: 5 working days from the day the materials were
    received (行政许可法 art. 32 (4); ``RulePolicy.time``), computed once per submission
    day for the whole check."""
    ctx, day = case.ctx, case.application.submitted_on
    return ctx.memo(
        (intake_due, day), lambda: intake_due(day, calendar=ctx.calendar, policy=ctx.policy.time)
    )


def _delivery_due(case: CaseView, decided_on: _dt.date) -> _dt.date:
    """The delivery due day of a decision on ``decided_on``: 10 working days after it
    (行政许可法 art. 44; ``RulePolicy.time``), computed once per decision day for the
    whole check."""
    ctx = case.ctx
    return ctx.memo(
        (delivery_due, decided_on),
        lambda: delivery_due(decided_on, calendar=ctx.calendar, policy=ctx.policy.time),
    )


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
    app = case.application
    due = _intake_due(case)
    answers = case.events_of((Accepted, NotAccepted, SupplementRequested))
    if answers:
        index, event = answers[0]
        if event.on > due:
            yield late_intake_answer.finding(
                case.at(index),
                department_id=case.department_id,
                answered=event.on,
                due=due,
                deemed=app.submitted_on,
            )
    elif case.ctx.as_of > due and not case.events_of(Withdrawn):
        yield late_intake_answer.finding(
            case.subject,
            department_id=case.department_id,
            answered="(not yet)",
            due=due,
            deemed=app.submitted_on,
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


def _decision_lateness(case: CaseView) -> list[tuple[int, Decided, int, int | None]]:
    """Each decision with the working days left on the statutory and promised clocks
    (``None`` for a promise with no day clock: an instant item promises hours). The law's
    limit binds whatever the hall promised (art. 42). Computed once per case: TIME003
    and TIME004 both read it."""
    return case.memo(_compute_decision_lateness, _compute_decision_lateness)


def _compute_decision_lateness(case: CaseView) -> list[tuple[int, Decided, int, int | None]]:
    """What :func:`_decision_lateness` memoizes. A decision made before the statutory
    clock started (before acceptance, art. 32 and art. 42) is not judged against it."""
    statutory, promised = case.statutory_clock, case.promised_clock
    if statutory is None:
        return []
    found = []
    for index, event in case.events_of(Decided):
        if event.on < statutory.started:
            continue
        promised_left = None if promised is None else promised.remaining(on=event.on)
        found.append((index, event, statutory.remaining(on=event.on), promised_left))
    return found


@rule(
    "TIME003",
    "late-against-promise",
    Severity.WARNING,
    basis=PROMISE,
    en="decided {late} working day(s) after the promised due day {due} (within the law).",
    zh="超过承诺时限 {late} 个工作日（承诺期限 {due}），尚在法定时限内。",
)
def late_against_promise(case: CaseView) -> Iterator[Finding]:
    """Decided after the hall's promised limit (承诺时限), though within the statutory one.

    **Why.** Seed 三(七): "兑现承诺时限" — keep the promise the hall published.

    **Fix.** Decide within the promise; if the promise cannot be kept, say why before it
    runs out.
    """
    promised = case.promised_clock
    for index, event, statutory_left, promised_left in _decision_lateness(case):
        if statutory_left >= 0 and promised_left is not None and promised_left < 0:
            yield late_against_promise.finding(
                case.at(index),
                department_id=event.department_id,
                late=-promised_left,
                due=None if promised is None else promised.due,
            )


@rule(
    "TIME004",
    "late-against-law",
    Severity.ERROR,
    basis="行政许可法 art. 42, art. 74 (2)",
    en="decided {late} working day(s) after the statutory due day {due}.",
    zh="超过法定时限 {late} 个工作日（法定期限 {due}）作出决定。",
)
def late_against_law(case: CaseView) -> Iterator[Finding]:
    """Decided after the statutory limit (法定时限), extensions included.

    **Why.** Art. 42 sets the limit (20 working days, 45 for joint handling, plus one
    extension); art. 74 (2) sanctions not deciding within it.

    **Fix.** Decide in time; extend once, with approval, before the deadline if needed.
    """
    statutory = case.statutory_clock
    for index, event, statutory_left, _ in _decision_lateness(case):
        if statutory_left < 0:
            yield late_against_law.finding(
                case.at(index),
                department_id=event.department_id,
                late=-statutory_left,
                due=None if statutory is None else statutory.due,
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
    for index, _ in _clock_violations(case, ViolationKind.EXCESSIVE_EXTENSION):
        event = case.application.events[index]
        yield extension_too_long.finding(
            case.at(index), department_id=case.department_id, by=getattr(event, "by", None)
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
    for index, violation in _clock_violations(case, ViolationKind.LATE_EXTENSION):
        yield extension_after_deadline.finding(
            case.at(index), department_id=case.department_id, on=violation.on
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
    for index, violation in _clock_violations(case, ViolationKind.SECOND_EXTENSION):
        yield second_extension.finding(
            case.at(index), department_id=case.department_id, on=violation.on
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
    if case.item is None or case.item.kind is ItemKind.FEE:
        return  # a fee item (行政事业性收费) issues no document to deliver
    decisions = [(i, e) for i, e in case.events_of(Decided) if e.outcome is Outcome.APPROVED]
    if not decisions:
        return
    index, decision = decisions[-1]
    due = _delivery_due(case, decision.on)
    delivered = [(i, e) for i, e in case.events_of(Delivered) if i > index]
    if delivered:
        at, event = delivered[0]
        if event.on > due:
            yield late_delivery.finding(
                case.at(at),
                department_id=decision.department_id,
                state=f"delivered on {event.on}",
                state_zh=f"于 {event.on} 送达",
                due=due,
                decided=decision.on,
            )
    elif case.ctx.as_of > due and not case.events_of(Withdrawn):
        yield late_delivery.finding(
            case.at(index),
            department_id=decision.department_id,
            state=f"not delivered by {case.ctx.as_of}",
            state_zh=f"截至 {case.ctx.as_of} 未送达",
            due=due,
            decided=decision.on,
        )


def _open_remaining(case: CaseView) -> tuple[int, int | None] | None:
    """Working days left as of ``as_of`` on the statutory and promised clocks of an open
    case (``None`` for a promise with no day clock)."""
    if case.events_of(_CLOSING):
        return None
    statutory, promised = case.statutory_clock, case.promised_clock
    if statutory is None:
        return None
    as_of: _dt.date = case.ctx.as_of
    if as_of < statutory.started:
        return None
    promised_left = None if promised is None else promised.remaining(on=as_of)
    return statutory.remaining(on=as_of), promised_left


@rule(
    "TIME013",
    "open-case-past-promise",
    Severity.WARNING,
    basis=PROMISE,
    en="still open on {as_of}, {late} working day(s) past the promised due day {due}.",
    zh="截至 {as_of} 仍未办结，已超过承诺期限 {due} {late} 个工作日。",
)
def open_case_past_promise(case: CaseView) -> Iterator[Finding]:
    """An open case past its promised due day as of ``as_of`` (报警), still within the law.

    **Why.** Seed 三(七): keep the promise; e-supervision alarms once it has passed.

    **Fix.** Decide the case now.
    """
    remaining = _open_remaining(case)
    if (
        remaining is not None
        and remaining[0] >= 0
        and remaining[1] is not None
        and remaining[1] < 0
    ):
        promised = case.promised_clock
        yield open_case_past_promise.finding(
            case.subject,
            department_id=case.department_id,
            as_of=case.ctx.as_of,
            late=-remaining[1],
            due=None if promised is None else promised.due,
        )


@rule(
    "TIME014",
    "open-case-past-law",
    Severity.ERROR,
    basis="行政许可法 art. 42, art. 74 (2)",
    en="still open on {as_of}, {late} working day(s) past the statutory due day {due}.",
    zh="截至 {as_of} 仍未办结，已超过法定期限 {due} {late} 个工作日。",
)
def open_case_past_law(case: CaseView) -> Iterator[Finding]:
    """An open case past its statutory due day as of ``as_of``.

    **Why.** Art. 42 sets the limit; art. 74 (2) sanctions missing it.

    **Fix.** Decide the case now.
    """
    remaining = _open_remaining(case)
    if remaining is not None and remaining[0] < 0:
        statutory = case.statutory_clock
        yield open_case_past_law.finding(
            case.subject,
            department_id=case.department_id,
            as_of=case.ctx.as_of,
            late=-remaining[0],
            due=None if statutory is None else statutory.due,
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
    for index, violation in _clock_violations(case, ViolationKind.SUSPENSION_AFTER_DUE):
        yield suspension_after_deadline.finding(
            case.at(index), department_id=case.department_id, on=violation.on
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
