"""Approval items (审批事项), their legal basis, and the versioned public catalogue (公开目录).

Seed 三(二): sort out every department's licensing, non-licensing approval, fee and
annual-inspection items, confirm the changes (cancelled by the State Council, delegated
down, taken over from the province) and publish the catalogue of items in the hall.
行政许可法 art. 30: the items, their basis, conditions, procedure, time limits and the
full list of materials must be public.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue
from shenpi.timing.limits import TimeLimit

__all__ = [
    "NATIONAL_ITEM_TYPES",
    "Catalogue",
    "CatalogueChange",
    "ChangeKind",
    "HandlingType",
    "Item",
    "ItemCodeFormat",
    "ItemKind",
    "ItemStatus",
    "LegalBasis",
    "LegalLevel",
    "Material",
    "Publication",
]


class ItemKind(enum.Enum):
    """The kinds of items the seed names (三(二)), plus the other national types."""

    LICENSING = "licensing"
    """行政许可"""
    NON_LICENSING = "non_licensing"
    """非行政许可审批"""
    FEE = "fee"
    """行政事业性收费"""
    ANNUAL_INSPECTION = "annual_inspection"
    """年检"""
    CONFIRMATION = "confirmation"
    """行政确认"""
    OTHER_POWER = "other_power"
    """其他行政权力"""
    PUBLIC_SERVICE = "public_service"
    """公共服务"""


NATIONAL_ITEM_TYPES: Mapping[str, tuple[str, ItemKind | None]] = MappingProxyType(
    {
        "01": ("行政许可", ItemKind.LICENSING),
        "02": ("行政处罚", None),
        "03": ("行政强制", None),
        "04": ("行政征收", ItemKind.FEE),
        "05": ("行政给付", None),
        "06": ("行政检查", ItemKind.ANNUAL_INSPECTION),
        "07": ("行政确认", ItemKind.CONFIRMATION),
        "08": ("行政奖励", None),
        "09": ("行政裁决", None),
        "10": ("其他行政权力", ItemKind.OTHER_POWER),
        "20": ("公共服务", ItemKind.PUBLIC_SERVICE),
        "99": ("其它", None),
    }
)
"""National item-type codes (事项类型) in exchange data, mapped to :class:`ItemKind` where
the hall handles them (``None``: not an approval item; local systems vary)."""


class LegalLevel(enum.Enum):
    """The rank of the act an item rests on (设定依据)."""

    LAW = "law"
    """法律"""
    ADMINISTRATIVE_REGULATION = "administrative_regulation"
    """行政法规"""
    STATE_COUNCIL_DECISION = "state_council_decision"
    """国务院决定"""
    LOCAL_REGULATION = "local_regulation"
    """地方性法规"""
    DEPARTMENT_RULE = "department_rule"
    """部门规章"""
    LOCAL_RULE = "local_rule"
    """地方政府规章"""
    NORMATIVE_DOCUMENT = "normative_document"
    """规范性文件"""


@attrs.frozen
class LegalBasis:
    """An act and article an item or fee rests on, e.g. 食品安全法 art. 35."""

    level: LegalLevel = attrs.field(validator=f.member(LegalLevel))
    title: str = attrs.field(validator=f.required_text)
    article: str = attrs.field(default="", validator=f.text)


class HandlingType(enum.Enum):
    """办件类型: 1 即办件 (decided on the spot, art. 34), 2 承诺件 (within the promise)."""

    INSTANT = "instant"
    PROMISED = "promised"


@attrs.frozen
class Material:
    """One material an applicant must submit (申请材料)."""

    name: str = attrs.field(validator=f.required_text)
    required: bool = attrs.field(default=True, validator=f.flag)
    copies: int = attrs.field(default=1, validator=f.count)


class ItemStatus(enum.Enum):
    """Whether an item is handled in the hall."""

    ACTIVE = "active"
    """在用"""
    CANCELLED = "cancelled"
    """取消 (e.g. by a State Council decision)"""
    DELEGATED = "delegated"
    """下放 to a lower level"""


def _limit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    f.instance_of(TimeLimit)(instance, attribute, value)


@attrs.frozen
class Item:
    """An approval item (审批事项) as published in the catalogue.

    ``code`` is opaque (local systems differ); check it with an :class:`ItemCodeFormat`.
    ``joint`` marks parallel or joint handling (并联审批) under ``lead_department_id``
    with ``co_department_ids``. ``seal_exception`` names the law that requires another
    seal than the dedicated approval seal (seed 三(六): "除法律、法规特别规定外").
    """

    id: str = attrs.field(validator=f.ident)
    code: str = attrs.field(validator=f.ident)
    name: str = attrs.field(validator=f.required_text)
    kind: ItemKind = attrs.field(validator=f.member(ItemKind))
    department_id: str = attrs.field(validator=f.ident)
    legal_basis: tuple[LegalBasis, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.instance_of(LegalBasis))
    )
    statutory_limit: TimeLimit = attrs.field(validator=_limit)
    promised_limit: TimeLimit = attrs.field(validator=_limit)
    handling: HandlingType = attrs.field(
        default=HandlingType.PROMISED, validator=f.member(HandlingType)
    )
    materials: tuple[Material, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Material))
    )
    conditions: tuple[str, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.required_text)
    )
    procedure: tuple[str, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.required_text)
    )
    fee_schedule_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    joint: bool = attrs.field(default=False, validator=f.flag)
    lead_department_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    co_department_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.ident)
    )
    on_site_visits: int = attrs.field(default=1, validator=f.count)
    online: bool = attrs.field(default=False, validator=f.flag)
    seal_exception: str = attrs.field(default="", validator=f.text)
    national_type: str | None = attrs.field(default=None)
    status: ItemStatus = attrs.field(default=ItemStatus.ACTIVE, validator=f.member(ItemStatus))

    @national_type.validator
    def _check_national_type(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value not in NATIONAL_ITEM_TYPES:
            raise InvalidValue(
                "national_type",
                value,
                f"is not a national item-type code ({', '.join(NATIONAL_ITEM_TYPES)}).",
                "不是国家事项类型编码。",
            )


@attrs.frozen
class ItemCodeFormat:
    """A pluggable format for item codes (事项编码): a name and a regular expression.

    >>> ItemCodeFormat("local", r"[A-Z]{2}-\\d{4}").check("XK-0001")
    True
    """

    name: str = attrs.field(validator=f.required_text)
    pattern: str = attrs.field(validator=f.required_text)
    description: str = attrs.field(default="", validator=f.text)

    def check(self, code: str) -> bool:
        """Whether ``code`` matches the whole pattern."""
        return re.fullmatch(self.pattern, code) is not None


class ChangeKind(enum.Enum):
    """How a catalogue changes (seed 三(二), 四: 清理, 下放, 承接)."""

    CANCEL = "cancel"
    """取消 (per the State Council's cancellation decisions)"""
    DELEGATE_DOWN = "delegate_down"
    """下放 to a lower level"""
    TAKE_OVER = "take_over"
    """承接 an item delegated from the province"""
    ADD = "add"
    """新增"""
    AMEND = "amend"
    """调整 (limits, materials, basis ...)"""


@attrs.frozen
class CatalogueChange:
    """One change in a change set; ``item`` is the new item for ADD, TAKE_OVER and AMEND."""

    kind: ChangeKind = attrs.field(validator=f.member(ChangeKind))
    item_id: str = attrs.field(validator=f.ident)
    basis: str = attrs.field(validator=f.required_text)
    item: Item | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        needs_item = self.kind in (ChangeKind.ADD, ChangeKind.TAKE_OVER, ChangeKind.AMEND)
        if needs_item and not isinstance(self.item, Item):
            raise InvalidValue(
                "item",
                self.item,
                f"a {self.kind.value} change carries the new item.",
                "需要新事项。",
            )
        if not needs_item and self.item is not None:
            raise InvalidValue(
                "item", self.item, f"a {self.kind.value} change carries no item.", "不应附带事项。"
            )
        if self.item is not None and self.item.id != self.item_id:
            raise InvalidValue(
                "item.id",
                self.item.id,
                f"differs from item_id={self.item_id!r}.",
                "与 item_id 不一致。",
            )


@attrs.frozen
class Publication:
    """Where and when a catalogue version was made public (行政许可法 art. 30)."""

    published_on: _dt.date = attrs.field(validator=f.day)
    where: str = attrs.field(validator=f.required_text)
    url: str = attrs.field(default="", validator=f.text)


@attrs.frozen
class Catalogue:
    """One version of the hall's public catalogue of items (行政审批项目公开目录).

    Versions are values: :meth:`apply` returns the next version. ``changes`` is the
    change set that produced this version (empty for the first).
    """

    version: int = attrs.field(validator=f.count)
    effective_on: _dt.date = attrs.field(validator=f.day)
    items: tuple[Item, ...] = attrs.field(
        converter=f.as_tuple, validator=f.each(f.instance_of(Item))
    )
    publications: tuple[Publication, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(Publication))
    )
    changes: tuple[CatalogueChange, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.instance_of(CatalogueChange))
    )

    def __attrs_post_init__(self) -> None:
        f.unique_ids("items", self.items)

    def get(self, item_id: str) -> Item | None:
        """The item with this id, or ``None``."""
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    def apply(
        self,
        changes: Iterable[CatalogueChange],
        *,
        effective_on: _dt.date,
        publications: Iterable[Publication] = (),
    ) -> Catalogue:
        """The next version: cancel and delegate set the item's status; add, take over
        and amend put the new item in place. A change to an unknown item, or adding an
        existing one, is refused naming the change."""
        items = {item.id: item for item in self.items}
        change_set = tuple(changes)
        for i, change in enumerate(change_set):
            present = change.item_id in items
            if change.kind in (ChangeKind.ADD, ChangeKind.TAKE_OVER):
                if present:
                    raise InvalidValue(
                        f"changes[{i}].item_id",
                        change.item_id,
                        "is already in the catalogue.",
                        "事项已存在。",
                    )
            elif not present:
                raise InvalidValue(
                    f"changes[{i}].item_id",
                    change.item_id,
                    "is not in the catalogue.",
                    "目录中没有该事项。",
                )
            if change.kind is ChangeKind.CANCEL:
                items[change.item_id] = attrs.evolve(
                    items[change.item_id], status=ItemStatus.CANCELLED
                )
            elif change.kind is ChangeKind.DELEGATE_DOWN:
                items[change.item_id] = attrs.evolve(
                    items[change.item_id], status=ItemStatus.DELEGATED
                )
            else:
                assert change.item is not None
                items[change.item_id] = change.item
        if effective_on < self.effective_on:
            raise InvalidValue(
                "effective_on",
                effective_on,
                f"is before version {self.version}'s.",
                "早于上一版本。",
            )
        return Catalogue(
            version=self.version + 1,
            effective_on=effective_on,
            items=tuple(items.values()),
            publications=tuple(publications),
            changes=change_set,
        )
