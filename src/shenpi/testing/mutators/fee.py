"""FEE: fees the law does not allow (行政许可法 arts. 58-59). A fee standard resting on no
law or administrative regulation, a payment of an amount its standard does not allow (or
citing no standard), a fee charged for an item the catalogue marks free, and a fee
collected with no receipt.
"""

from __future__ import annotations

import decimal

import attrs

from shenpi.applications import Application, FeePaid
from shenpi.fees import RuleKind
from shenpi.items import Item, ItemKind, LegalBasis, LegalLevel
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import Subject
from shenpi.testing.mutators._edit import (
    Injection,
    _approved_delivered,
    _case_subject,
    _Choices,
    _decision,
    _done,
    _edit,
    _insert,
    _item_of,
    _mutator,
    _no_target,
    _online_payment,
    _paid,
    _payment,
    _replace,
    _target,
    _with_case,
    _with_payable_schedule,
)


@_mutator("FEE001")
def _fee_without_legal_basis(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee standard resting only on a rule or a normative document, or on nothing (a
    lawful standard is added first when the world has none)."""
    standards = [(x, s) for x in world.fee_schedules for s in x.standards]
    before = world
    if not standards:
        departments = [d.id for d in world.departments]
        if not departments:
            raise _no_target("FEE001", "department")
        before, schedule_id = _with_payable_schedule(world, ch.pick(departments))
        schedule = before.fee_schedule(schedule_id)
        assert schedule is not None
        standards = [(schedule, s) for s in schedule.standards]
    schedule, standard = ch.pick(standards)
    level = ch.pick(
        (LegalLevel.DEPARTMENT_RULE, LegalLevel.LOCAL_RULE, LegalLevel.NORMATIVE_DOCUMENT)
    )
    basis = ch.pick(((), (LegalBasis(level, "收费管理办法", "第三条"),)))
    changed = attrs.evolve(
        schedule,
        standards=_replace(schedule.standards, standard, attrs.evolve(standard, legal_basis=basis)),
    )
    after = attrs.evolve(before, fee_schedules=_replace(before.fee_schedules, schedule, changed))
    return _done("FEE001", before, after, Subject("fee_standard", standard.id))


@_mutator("FEE002")
def _amount_differs_from_standard(world: Jurisdiction, ch: _Choices) -> Injection:
    """A payment of an amount its standard does not allow, or citing no standard."""
    world, case = _target(world, ch, "FEE002", _paid, "decided", pay=True)
    index, event = _payment(case)
    payment = event.payment
    if ch.flag():
        changed = attrs.evolve(payment, standard_id=None)
    else:
        schedule = None if payment.schedule_id is None else world.fee_schedule(payment.schedule_id)
        standard = None if schedule is None else schedule.standard(payment.standard_id or "")
        extra = decimal.Decimal("1.00")
        if standard is not None and standard.rule.kind is RuleKind.RANGE:
            assert standard.rule.maximum is not None
            extra += standard.rule.maximum - payment.amount
        changed = attrs.evolve(payment, amount=payment.amount + extra)
    after = _with_case(world, _edit(case, index, payment=changed))
    return _done("FEE002", world, after, _case_subject(case, index))


def _free_item(w: Jurisdiction, item: Item) -> bool:
    return item.fee_schedule_id is None


@_mutator("FEE003")
def _fee_on_free_item(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee charged, at a lawful standard of the department, for an item the catalogue
    marks free (a lawful standard is added when the department has none)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        item = _item_of(w, case)
        return _approved_delivered(w, case) and item is not None and item.fee_schedule_id is None

    world, case = _target(
        world,
        ch,
        "FEE003",
        ok,
        "decided",
        item_ok=_free_item,
        derive=lambda w, i: {
            "fee_schedule_id": None,
            "kind": ItemKind.LICENSING if i.kind is ItemKind.FEE else i.kind,
        },
    )
    _, decision = _decision(case)
    world, schedule_id = _with_payable_schedule(world, decision.department_id)
    receipt = f"R{ch.integer(0, 10**8 - 1):08d}"
    payment = _online_payment(world, schedule_id, decision.on, receipt)
    assert payment is not None
    at = len(case.events) - 1
    after = _with_case(world, _insert(case, at, FeePaid(decision.on, payment)))
    return _done("FEE003", world, after, _case_subject(case, at))


@_mutator("FEE004")
def _fee_without_receipt(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee collected with no receipt recorded."""
    world, case = _target(world, ch, "FEE004", _paid, "decided", pay=True)
    index, event = _payment(case)
    receipt = ch.pick(("", "  "))
    after = _with_case(
        world, _edit(case, index, payment=attrs.evolve(event.payment, receipt=receipt))
    )
    return _done("FEE004", world, after, _case_subject(case, index))
