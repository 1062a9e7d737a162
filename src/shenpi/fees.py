"""Fees (行政事业性收费): schedules, standards and payments, collected in one place.

行政许可法 art. 58: no fee unless a law or administrative regulation provides one;
art. 59: only the published items at the published standards, all paid to the treasury.
Seed 二: 统一收费, "大厅之外无收费". Money is ``decimal.Decimal`` in yuan, never a float.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue
from shenpi.items import LegalBasis

__all__ = [
    "AmountRule",
    "CollectionPoint",
    "FeeSchedule",
    "FeeStandard",
    "Payment",
    "RuleKind",
    "Tier",
]


class RuleKind(enum.Enum):
    """How a standard sets the amount."""

    FIXED = "fixed"
    """A fixed amount per case."""
    PER_UNIT = "per_unit"
    """A rate per unit (per square metre, per certificate ...)."""
    TIERED = "tiered"
    """Rates by tiers of quantity."""
    RANGE = "range"
    """Any amount between a minimum and a maximum (浮动标准)."""


@attrs.frozen
class Tier:
    """One tier: ``rate`` per unit for quantities up to ``up_to`` (``None``: no ceiling)."""

    rate: decimal.Decimal = attrs.field(validator=f.money)
    up_to: decimal.Decimal | None = attrs.field(default=None, validator=f.optional_money)


@attrs.frozen
class AmountRule:
    """The amount rule of a fee standard; which fields are set depends on ``kind``.

    ``FIXED``: ``amount``. ``PER_UNIT``: ``rate`` and ``unit``. ``TIERED``: ``tiers``
    (ceilings increasing, the last without one) and ``unit``. ``RANGE``: ``minimum`` and
    ``maximum``.
    """

    kind: RuleKind = attrs.field(validator=f.member(RuleKind))
    amount: decimal.Decimal | None = attrs.field(default=None, validator=f.optional_money)
    rate: decimal.Decimal | None = attrs.field(default=None, validator=f.optional_money)
    unit: str = attrs.field(default="", validator=f.text)
    tiers: tuple[Tier, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Tier))
    )
    minimum: decimal.Decimal | None = attrs.field(default=None, validator=f.optional_money)
    maximum: decimal.Decimal | None = attrs.field(default=None, validator=f.optional_money)

    def __attrs_post_init__(self) -> None:
        wanted = {
            RuleKind.FIXED: {"amount"},
            RuleKind.PER_UNIT: {"rate"},
            RuleKind.TIERED: {"tiers"},
            RuleKind.RANGE: {"minimum", "maximum"},
        }[self.kind]
        present = {
            name
            for name in ("amount", "rate", "tiers", "minimum", "maximum")
            if getattr(self, name) not in (None, ())
        }
        if present != wanted:
            field = sorted(wanted ^ present)[0]
            raise InvalidValue(
                field,
                getattr(self, field),
                f"a {self.kind.value} rule sets exactly {', '.join(sorted(wanted))}.",
                f"{self.kind.value} 规则只设置 {', '.join(sorted(wanted))}。",
            )
        if self.kind is RuleKind.RANGE:
            assert self.minimum is not None
            assert self.maximum is not None
            if self.maximum < self.minimum:
                raise InvalidValue("maximum", self.maximum, "is below minimum.", "上限低于下限。")
        if self.kind is RuleKind.TIERED:
            ceilings = [tier.up_to for tier in self.tiers]
            if ceilings[-1] is not None or any(c is None for c in ceilings[:-1]):
                raise InvalidValue(
                    "tiers",
                    self.tiers,
                    "only the last tier has no ceiling.",
                    "只有最后一档无上限。",
                )
            bounded = [c for c in ceilings[:-1] if c is not None]
            if bounded != sorted(set(bounded)):
                raise InvalidValue(
                    "tiers", self.tiers, "ceilings must increase.", "各档上限须递增。"
                )

    def allows(self, amount: decimal.Decimal, quantity: decimal.Decimal | None = None) -> bool:
        """Whether ``amount`` is what this rule charges (for ``quantity`` units)."""
        if self.kind is RuleKind.FIXED:
            return amount == self.amount
        if self.kind is RuleKind.RANGE:
            assert self.minimum is not None
            assert self.maximum is not None
            return self.minimum <= amount <= self.maximum
        if quantity is None:
            return False
        return amount == self.charge(quantity)

    def charge(self, quantity: decimal.Decimal) -> decimal.Decimal:
        """The amount for ``quantity`` units under a per-unit or tiered rule."""
        if self.kind is RuleKind.PER_UNIT:
            assert self.rate is not None
            return self.rate * quantity
        if self.kind is not RuleKind.TIERED:
            raise InvalidValue(
                "kind",
                self.kind,
                "only per-unit and tiered rules charge by quantity.",
                "只有按量规则可计算。",
            )
        total = decimal.Decimal(0)
        floor = decimal.Decimal(0)
        for tier in self.tiers:
            ceiling = quantity if tier.up_to is None else min(tier.up_to, quantity)
            if ceiling > floor:
                total += (ceiling - floor) * tier.rate
            if tier.up_to is None or quantity <= tier.up_to:
                break
            floor = tier.up_to
        return total


@attrs.frozen
class FeeStandard:
    """A published fee standard (收费标准) with the law it rests on (arts. 58-59)."""

    id: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    legal_basis: tuple[LegalBasis, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.instance_of(LegalBasis))
    )
    rule: AmountRule = attrs.field(validator=f.instance_of(AmountRule))
    waivable: bool = attrs.field(default=False, validator=f.flag)
    published_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)


@attrs.frozen
class FeeSchedule:
    """A department's fee schedule: the standards an item may charge (``Item.fee_schedule_id``)."""

    id: str = attrs.field(validator=f.ident)
    department_id: str = attrs.field(validator=f.ident)
    standards: tuple[FeeStandard, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.instance_of(FeeStandard))
    )

    def __attrs_post_init__(self) -> None:
        f.unique_ids("standards", self.standards)

    def standard(self, standard_id: str) -> FeeStandard | None:
        """The standard with this id, or ``None``."""
        return next((s for s in self.standards if s.id == standard_id), None)


class CollectionPoint(enum.Enum):
    """Where a fee was collected (seed 二: 统一收费 at the hall)."""

    HALL_CASHIER = "hall_cashier"
    """The hall's unified cashier (统一收费窗口)."""
    HALL_ONLINE = "hall_online"
    """The hall's unified online payment (网上统一支付)."""
    DEPARTMENT = "department"
    """Collected by the department itself: outside the hall."""
    OTHER = "other"
    """Anywhere else: outside the hall."""

    @property
    def unified(self) -> bool:
        """Whether this is the hall's unified collection."""
        return self in (CollectionPoint.HALL_CASHIER, CollectionPoint.HALL_ONLINE)


@attrs.frozen
class Payment:
    """A fee paid: how much (``Decimal`` yuan), where and through what, with the receipt."""

    amount: decimal.Decimal = attrs.field(validator=f.money)
    collected_at: CollectionPoint = attrs.field(validator=f.member(CollectionPoint))
    schedule_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    standard_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    quantity: decimal.Decimal | None = attrs.field(default=None, validator=f.optional_money)
    site_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    method: str = attrs.field(default="", validator=f.text)
    receipt: str = attrs.field(default="", validator=f.text)
    waived: bool = attrs.field(default=False, validator=f.flag)
