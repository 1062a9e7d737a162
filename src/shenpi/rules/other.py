"""FEE, CAT, REFORM and SUP: fees with a legal basis, a public and consistent catalogue,
the reform schedule and its acceptance check, and complaints handled in time."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from shenpi.applications import Accepted, FeePaid
from shenpi.calendar import CalendarDataMissing
from shenpi.fees import FeeStandard
from shenpi.items import HandlingType, ItemKind, ItemStatus, LegalLevel
from shenpi.reform import Milestone
from shenpi.rules.engine import (
    CaseView,
    Context,
    Finding,
    Severity,
    Subject,
    cannot_judge,
    rule,
)
from shenpi.timing import TimeUnit

FEE_BASIS = "行政许可法 arts. 58-59"
CAT_BASIS = "seed 三(二); 行政许可法 art. 30"
_FEE_LEVELS = (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)


@rule(
    "FEE001",
    "fee-without-legal-basis",
    Severity.ERROR,
    basis="行政许可法 art. 58: 法律、行政法规另有规定的，依照其规定",
    en="fee standard {standard} rests on no law or administrative regulation.",
    zh="收费标准 {standard} 没有法律或行政法规依据。",
    scope="world",
)
def fee_without_legal_basis(ctx: Context) -> Iterator[Finding]:
    """A fee standard with no basis in a law or an administrative regulation.

    **Why.** Art. 58: implementing a licence is free unless a law or an administrative
    regulation provides a fee; a rule or a normative document is not enough.

    **Fix.** Cite the law or regulation, or stop charging.
    """
    for schedule in ctx.jurisdiction.fee_schedules:
        for standard in schedule.standards:
            if not any(basis.level in _FEE_LEVELS for basis in standard.legal_basis):
                yield fee_without_legal_basis.finding(
                    Subject("fee_standard", standard.id),
                    department_id=schedule.department_id,
                    standard=standard.id,
                )


def _standard(
    case: CaseView, schedule_id: str | None, standard_id: str | None
) -> FeeStandard | None:
    j = case.ctx.jurisdiction
    schedule = None if schedule_id is None else j.fee_schedule(schedule_id)
    if schedule is None and case.item is not None and case.item.fee_schedule_id is not None:
        schedule = j.fee_schedule(case.item.fee_schedule_id)
    if schedule is None or standard_id is None:
        return None
    return schedule.standard(standard_id)


@rule(
    "FEE002",
    "amount-differs-from-standard",
    Severity.ERROR,
    basis="行政许可法 art. 59: 按照公布的法定项目和标准收费",
    en="charged {amount} yuan; standard {standard} does not allow that amount.",
    zh="收取 {amount} 元，与收费标准 {standard} 不符。",
)
def amount_differs_from_standard(case: CaseView) -> Iterator[Finding]:
    """An amount that differs from the published standard (or cites no standard).

    **Why.** Art. 59: only the published items at the published standards; art. 75
    orders illegal fees refunded.

    **Fix.** Charge what the standard sets (``AmountRule``), and record the standard.
    """
    for index, event in case.events_of(FeePaid):
        payment = event.payment
        if payment.waived:
            continue
        standard = _standard(case, payment.schedule_id, payment.standard_id)
        if standard is None or not standard.rule.allows(payment.amount, payment.quantity):
            yield amount_differs_from_standard.finding(
                case.at(index),
                department_id=case.department_id,
                amount=payment.amount,
                standard=payment.standard_id,
            )


@rule(
    "FEE003",
    "fee-on-free-item",
    Severity.ERROR,
    basis="行政许可法 art. 58",
    en="charged {amount} yuan for item {item}, which has no fee in the catalogue.",
    zh="对目录中无收费的事项 {item} 收取 {amount} 元。",
)
def fee_on_free_item(case: CaseView) -> Iterator[Finding]:
    """A fee on an item the catalogue marks free (no fee schedule).

    **Why.** Art. 58: free unless a law provides otherwise; art. 30: fees are public.

    **Fix.** Refund, or publish the fee with its legal basis.
    """
    if case.item is None or case.item.fee_schedule_id is not None:
        return
    for index, event in case.events_of(FeePaid):
        if event.payment.amount > 0 and not event.payment.waived:
            yield fee_on_free_item.finding(
                case.at(index),
                department_id=case.department_id,
                amount=event.payment.amount,
                item=case.item.id,
            )


@rule(
    "FEE004",
    "fee-without-receipt",
    Severity.ERROR,
    basis="行政许可法 art. 59: 全部上缴国库",
    en="{amount} yuan collected without a receipt.",
    zh="收取 {amount} 元未出具票据。",
)
def fee_without_receipt(case: CaseView) -> Iterator[Finding]:
    """A fee collected without a receipt.

    **Why.** Every fee goes to the treasury (art. 59); a fee without a receipt cannot be
    traced there.

    **Fix.** Issue and record the receipt (``Payment.receipt``).
    """
    for index, event in case.events_of(FeePaid):
        payment = event.payment
        if payment.amount > 0 and not payment.waived and not payment.receipt.strip():
            yield fee_without_receipt.finding(
                case.at(index), department_id=case.department_id, amount=payment.amount
            )


def _active_items(ctx: Context) -> list:  # type: ignore[type-arg]
    catalogue = ctx.current_catalogue()
    return (
        [] if catalogue is None else [i for i in catalogue.items if i.status is ItemStatus.ACTIVE]
    )


def _catalogue_rule_item(item_id: str) -> Subject:
    return Subject("item", item_id)


@rule(
    "CAT001",
    "item-without-legal-basis",
    Severity.ERROR,
    basis=CAT_BASIS + " (设定依据)",
    en="item {item} lists no legal basis.",
    zh="事项 {item} 没有设定依据。",
    scope="world",
)
def item_without_legal_basis(ctx: Context) -> Iterator[Finding]:
    """An item without a legal basis.

    **Why.** Seed 三(二) asks for every item's policy and legal basis (政策法律依据, 三(五));
    an approval without one has no right to exist.

    **Fix.** Record the act and article, or cancel the item.
    """
    for item in _active_items(ctx):
        if not item.legal_basis:
            yield item_without_legal_basis.finding(
                _catalogue_rule_item(item.id), department_id=item.department_id, item=item.id
            )


@rule(
    "CAT002",
    "duplicate-item-code",
    Severity.ERROR,
    basis=CAT_BASIS,
    en="item {item} has code {code}, already used by {other}.",
    zh="事项 {item} 的编码 {code} 与 {other} 重复。",
    scope="world",
)
def duplicate_item_code(ctx: Context) -> Iterator[Finding]:
    """Two items with one code.

    **Why.** The code identifies the item in exchange data and supervision (三(五)).

    **Fix.** Give each item its own code.
    """
    seen: dict[str, str] = {}
    for item in _active_items(ctx):
        if item.code in seen:
            yield duplicate_item_code.finding(
                _catalogue_rule_item(item.id),
                department_id=item.department_id,
                item=item.id,
                code=item.code,
                other=seen[item.code],
            )
        else:
            seen[item.code] = item.id


@rule(
    "CAT003",
    "withdrawn-item-accepted",
    Severity.ERROR,
    basis="seed 三(二): 根据国务院取消行政审批项目方案要求 … 对项目变动情况予以确认",
    en="accepted for item {item}, which was {status} in the catalogue in effect.",
    zh="受理了目录中已{status_zh}的事项 {item}。",
)
def withdrawn_item_accepted(case: CaseView) -> Iterator[Finding]:
    """A case accepted for an item cancelled (取消) or delegated away (下放).

    **Why.** Seed 三(二): cancelled items are gone; delegated items belong to the lower
    level now.

    **Fix.** Refuse the case (not accepted), referring the applicant where the item went.
    """
    item = case.item
    if item is None or item.status is ItemStatus.ACTIVE:
        return
    for index, _ in case.events_of(Accepted):
        yield withdrawn_item_accepted.finding(
            case.at(index),
            department_id=case.department_id,
            item=item.id,
            status=item.status,
            status_zh="取消" if item.status is ItemStatus.CANCELLED else "下放",
        )


@rule(
    "CAT004",
    "item-not-public",
    Severity.WARNING,
    basis="行政许可法 art. 30",
    en="item {item} does not publish its {missing}.",
    zh="事项 {item} 未公示{missing_zh}。",
    scope="world",
)
def item_not_public(ctx: Context) -> Iterator[Finding]:
    """An item missing what art. 30 requires to be public: conditions, materials,
    procedure.

    **Why.** Art. 30: the items, their basis, conditions, number, procedure, time limits
    and the full list of materials must be displayed.

    **Fix.** Complete the catalogue entry.
    """
    names = (("conditions", "条件"), ("materials", "材料目录"), ("procedure", "程序"))
    for item in _active_items(ctx):
        missing = [(en, zh) for en, zh in names if not getattr(item, en)]
        if missing:
            yield item_not_public.finding(
                _catalogue_rule_item(item.id),
                department_id=item.department_id,
                item=item.id,
                missing=", ".join(en for en, _ in missing),
                missing_zh="、".join(zh for _, zh in missing),
            )


@rule(
    "CAT005",
    "handling-type-mismatch",
    Severity.WARNING,
    basis="national catalogue checks: 承诺时限“即办”须为即办件，其他为承诺件",
    en="item {item} is {handling} but promises {promised}.",
    zh="事项 {item} 办件类型为{handling_zh}，承诺时限却为 {promised}。",
    scope="world",
)
def handling_type_mismatch(ctx: Context) -> Iterator[Finding]:
    """An instant item (即办件) promising days, or a promised item (承诺件) promising hours.

    **Why.** Catalogue consistency as exchange systems check it: "即办" goes with 即办件,
    any other promise with 承诺件.

    **Fix.** Make the handling type match the promise.
    """
    for item in _active_items(ctx):
        hours = item.promised_limit.unit is TimeUnit.HOURS
        instant = item.handling is HandlingType.INSTANT
        if hours != instant:
            yield handling_type_mismatch.finding(
                _catalogue_rule_item(item.id),
                department_id=item.department_id,
                item=item.id,
                handling="an instant item" if instant else "a promised item",
                handling_zh="即办件" if instant else "承诺件",
                promised=item.promised_limit,
            )


@rule(
    "CAT006",
    "online-item-with-visits",
    Severity.WARNING,
    basis="national catalogue checks: 全程网办须到现场次数为 0",
    en="item {item} is handled fully online but requires {visits} on-site visit(s).",
    zh="事项 {item} 为全程网办，却要求到现场 {visits} 次。",
    scope="world",
)
def online_item_with_visits(ctx: Context) -> Iterator[Finding]:
    """An item handled fully online that still requires visits to the hall.

    **Why.** 全程网办 means zero visits; exchange systems reject the contradiction.

    **Fix.** Set ``on_site_visits`` to 0 or unmark ``online``.
    """
    for item in _active_items(ctx):
        if item.online and item.on_site_visits > 0:
            yield online_item_with_visits.finding(
                _catalogue_rule_item(item.id),
                department_id=item.department_id,
                item=item.id,
                visits=item.on_site_visits,
            )


@rule(
    "CAT007",
    "fee-item-without-schedule",
    Severity.WARNING,
    basis="行政许可法 art. 30, 59; national catalogue checks: 是否收费=是 须有收费依据",
    en="item {item} is a fee item but links no fee schedule.",
    zh="事项 {item} 为收费事项，却未关联收费标准。",
    scope="world",
)
def fee_item_without_schedule(ctx: Context) -> Iterator[Finding]:
    """A fee item (行政事业性收费) with no published fee schedule.

    **Why.** Fees are charged only by published standards (art. 59).

    **Fix.** Link the item to its fee schedule.
    """
    for item in _active_items(ctx):
        if item.kind is ItemKind.FEE and item.fee_schedule_id is None:
            yield fee_item_without_schedule.finding(
                _catalogue_rule_item(item.id), department_id=item.department_id, item=item.id
            )


@rule(
    "CAT008",
    "catalogue-change-not-published",
    Severity.ERROR,
    basis="seed 三(二): 明确公布 … 项目目录; 行政许可法 art. 30",
    en="catalogue version {version} ({changes} change(s), effective {effective}) "
    "was never published.",
    zh="目录第 {version} 版（{changes} 项变动，{effective} 生效）未公布。",
    scope="world",
)
def catalogue_change_not_published(ctx: Context) -> Iterator[Finding]:
    """A catalogue version made by a change set but with no publication record.

    **Why.** Seed 三(二): confirm the changes and publish the catalogue.

    **Fix.** Publish it and record where and when (``Publication``).
    """
    for catalogue in ctx.jurisdiction.catalogues:
        if catalogue.changes and not catalogue.publications:
            yield catalogue_change_not_published.finding(
                Subject("catalogue", str(catalogue.version)),
                version=catalogue.version,
                changes=len(catalogue.changes),
                effective=catalogue.effective_on,
            )


@rule(
    "REFORM001",
    "missed-reform-phase",
    Severity.ERROR,
    basis="seed 五: 工作步骤 (five dated phases)",
    en="department {department} missed phase {phase} ({milestone}, due {due}).",
    zh="部门 {department} 未按期完成第 {phase} 阶段（{milestone}，截止 {due}）。",
    scope="world",
)
def missed_reform_phase(ctx: Context) -> Iterator[Finding]:
    """A department that missed a dated phase of the reform plan: its office set up
    after the phase that sets offices up, or not fully in the hall (三进入) by the end of
    the phase in which offices enter.

    **Why.** Seed 五: the reform runs in five dated phases; phase 2 sets the offices up,
    phase 4 (2008-12-01 to 12-10) moves every office into the hall.

    **Fix.** Complete the step; the plan's acceptance check follows.
    """
    plan = ctx.jurisdiction.reform_plan
    if plan is None:
        return
    j = ctx.jurisdiction
    for phase in plan.phases:
        if phase.milestone not in (Milestone.OFFICES_SET_UP, Milestone.OFFICES_ENTER):
            continue
        if ctx.as_of <= phase.ends_on:
            continue
        for department in j.departments:
            if not (department.approval_powers or department.fee_powers):
                continue
            office = j.office_of(department.id)
            if phase.milestone is Milestone.OFFICES_SET_UP:
                done = (
                    office is not None
                    and office.established_on is not None
                    and office.established_on <= phase.ends_on
                )
            else:
                done = office is not None and office.entered(phase.ends_on)
            if not done:
                yield missed_reform_phase.finding(
                    Subject("department", department.id),
                    department_id=department.id,
                    department=department.id,
                    phase=phase.number,
                    milestone=phase.milestone,
                    due=phase.ends_on,
                )


@rule(
    "REFORM002",
    "acceptance-point-failed",
    Severity.ERROR,
    basis="seed 五.5: 验收内容：机构、人员、职能职责、项目、审批专用章落实情况；"
    "简化后的审批流程和相关制度",
    en="the acceptance check of {checked} did not pass: {failed}.",
    zh="{checked} 验收未通过：{failed}。",
    scope="world",
)
def acceptance_point_failed(ctx: Context) -> Iterator[Finding]:
    """An acceptance check (验收) that did not pass every point of the plan.

    **Why.** Seed 五.5: the leading group checks institution, staff, functions, items,
    seal, the simplified procedure and the rules.

    **Fix.** Remedy the failed points and check again.
    """
    plan = ctx.jurisdiction.reform_plan
    if plan is None:
        return
    for check in ctx.jurisdiction.acceptance_checks:
        failed = check.failed(plan)
        if failed:
            yield acceptance_point_failed.finding(
                Subject("department", check.department_id),
                department_id=check.department_id,
                checked=check.checked_on,
                failed=", ".join(point.value for point in failed),
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


RULES = (
    fee_without_legal_basis,
    amount_differs_from_standard,
    fee_on_free_item,
    fee_without_receipt,
    item_without_legal_basis,
    duplicate_item_code,
    withdrawn_item_accepted,
    item_not_public,
    handling_type_mismatch,
    online_item_with_visits,
    fee_item_without_schedule,
    catalogue_change_not_published,
    missed_reform_phase,
    acceptance_point_failed,
    complaint_not_handled_in_time,
)
