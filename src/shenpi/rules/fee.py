"""FEE: 统一收费 — fees with a lawful basis, at the standard, on the items that carry one,
against a receipt (行政许可法 arts. 58-59).
"""

from __future__ import annotations

from collections.abc import Iterator

from shenpi.applications import FeePaid
from shenpi.fees import FeeStandard
from shenpi.items import LegalLevel
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import A58, A59_STD, A59_TREASURY, A75

FAMILY = (
    "收费",
    (
        "Fees only where a law or an administrative regulation provides them, at the "
        "published standard, with a receipt (arts. 58-59)."
    ),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

FEE_BASIS = "行政许可法 arts. 58-59"
_FEE_LEVELS = (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)


_NOTES_FEE001 = RuleNotes(
    (A58,),
    Example(
        "D1's fee standard rests on a local government rule:",
        """\
>>> from datetime import date
>>> from shenpi.items import LegalBasis, LegalLevel
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> local_rule = LegalBasis(LegalLevel.LOCAL_RULE, "青岚市工业产品生产许可收费管理办法")
>>> world = amend(tiny_world(), "standards", "D1.fee1", legal_basis=[local_rule])
>>> print(check(world, as_of=as_of, select=["FEE001"]).to_text())
FEE001 [error] fee_standard D1.fee1: fee standard D1.fee1 rests on no law or administrative
regulation. (行政许可法 art. 58: 法律、行政法规另有规定的，依照其规定)
1 finding, 1 error
""",
    ),
    Example(
        "It cites the administrative regulation that provides the fee:",
        """\
>>> regulation = LegalBasis(LegalLevel.ADMINISTRATIVE_REGULATION, "工业产品生产许可证管理条例")
>>> world = amend(world, "standards", "D1.fee1", legal_basis=[regulation])
>>> print(check(world, as_of=as_of, select=["FEE001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "FEE001",
    "fee-without-legal-basis",
    Severity.ERROR,
    basis="行政许可法 art. 58: 法律、行政法规另有规定的，依照其规定",
    en="fee standard {standard} rests on no law or administrative regulation.",
    zh="收费标准 {standard} 没有法律或行政法规依据。",
    scope="world",
    notes=_NOTES_FEE001,
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


_NOTES_FEE002 = RuleNotes(
    (A59_STD, A75),
    Example(
        "Standard `D1.fee1` sets 10 yuan; the case is charged 20:",
        """\
>>> from datetime import date
>>> from decimal import Decimal
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12), amount=Decimal("20")),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE002"]).to_text())
FEE002 [error] application A1 event 3: charged 20 yuan; standard D1.fee1 does not allow that
amount. (行政许可法 art. 59: 按照公布的法定项目和标准收费)
1 finding, 1 error
""",
    ),
    Example(
        "Charged what the standard sets:",
        """\
>>> history[3] = paid(date(2025, 3, 12), amount=Decimal("10"))
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "FEE002",
    "amount-differs-from-standard",
    Severity.ERROR,
    basis="行政许可法 art. 59: 按照公布的法定项目和标准收费",
    en="charged {amount} yuan; standard {standard} does not allow that amount.",
    zh="收取 {amount} 元，与收费标准 {standard} 不符。",
    notes=_NOTES_FEE002,
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


_NOTES_FEE003 = RuleNotes(
    (A58,),
    Example(
        "Item `I1` has no fee in the catalogue, yet the case pays 10 yuan:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I1")), as_of=as_of, select=["FEE003"]).to_text())
FEE003 [error] application A1 event 3: charged 10 yuan for item I1, which has no fee in the
catalogue. (行政许可法 art. 58)
1 finding, 1 error
""",
    ),
    Example(
        "No fee:",
        """\
>>> del history[3]
>>> print(check(tiny_world(case(*history, item="I1")), as_of=as_of, select=["FEE003"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "FEE003",
    "fee-on-free-item",
    Severity.ERROR,
    basis="行政许可法 art. 58",
    en="charged {amount} yuan for item {item}, which has no fee in the catalogue.",
    zh="对目录中无收费的事项 {item} 收取 {amount} 元。",
    notes=_NOTES_FEE003,
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


_NOTES_FEE004 = RuleNotes(
    (A59_TREASURY,),
    Example(
        "The fee is collected without a receipt:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12), receipt=""),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE004"]).to_text())
FEE004 [error] application A1 event 3: 10 yuan collected without a receipt. (行政许可法 art. 59:
全部上缴国库)
1 finding, 1 error
""",
    ),
    Example(
        "With the receipt's number recorded:",
        """\
>>> history[3] = paid(date(2025, 3, 12), receipt="QL-2025-000123")
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE004"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "FEE004",
    "fee-without-receipt",
    Severity.ERROR,
    basis="行政许可法 art. 59: 全部上缴国库",
    en="{amount} yuan collected without a receipt.",
    zh="收取 {amount} 元未出具票据。",
    notes=_NOTES_FEE004,
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


RULES = (
    fee_without_legal_basis,
    amount_differs_from_standard,
    fee_on_free_item,
    fee_without_receipt,
)
"""The family's rules."""
