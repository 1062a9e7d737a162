"""CAT: 审批目录 — the catalogue of items: each with its legal basis, a unique code, public,
its handling type and its changes published (seed 三(二); 行政许可法 art. 30).
"""

from __future__ import annotations

from collections.abc import Iterator

from shenpi.applications import Accepted
from shenpi.items import HandlingType, Item, ItemKind, ItemStatus
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import A30, A33, A34_2, A59_STD, S3_2, S3_5_ITEMS, S3_5_NET
from shenpi.timing import TimeUnit

FAMILY = (
    "公开目录",
    (
        "The public catalogue: legal basis, codes, cancelled items, what must be "
        "displayed, and consistency (seed 三(二); art. 30)."
    ),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

CAT_BASIS = "seed 三(二); 行政许可法 art. 30"


def _active_items(ctx: Context) -> list[Item]:
    catalogue = ctx.current_catalogue()
    return (
        [] if catalogue is None else [i for i in catalogue.items if i.status is ItemStatus.ACTIVE]
    )


def _catalogue_rule_item(item_id: str) -> Subject:
    return Subject("item", item_id)


_NOTES_CAT001 = RuleNotes(
    (S3_5_ITEMS, A30),
    Example(
        "Item `I1` is published without its legal basis:",
        """\
>>> from datetime import date
>>> from shenpi.items import LegalBasis, LegalLevel
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", legal_basis=[])
>>> print(check(world, as_of=as_of, select=["CAT001"]).to_text())
CAT001 [error] item I1: item I1 lists no legal basis. (seed 三(二); 行政许可法 art. 30 (设定依据))
1 finding, 1 error
""",
    ),
    Example(
        "With the act and article:",
        """\
>>> food_safety_law = LegalBasis(LegalLevel.LAW, "中华人民共和国食品安全法", "第三十五条")
>>> world = amend(world, "items", "I1", legal_basis=[food_safety_law])
>>> print(check(world, as_of=as_of, select=["CAT001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT001",
    "item-without-legal-basis",
    Severity.ERROR,
    basis=CAT_BASIS + " (设定依据)",
    en="item {item} lists no legal basis.",
    zh="事项 {item} 没有设定依据。",
    scope="world",
    notes=_NOTES_CAT001,
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


_NOTES_CAT002 = RuleNotes(
    (S3_5_ITEMS,),
    Example(
        "Items `I1` and `I2` share the code `XK-0001`:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I2", code="XK-0001")
>>> print(check(world, as_of=as_of, select=["CAT002"]).to_text())
CAT002 [error] item I2: item I2 has code XK-0001, already used by I1. (seed 三(二); 行政许可法
art. 30)
1 finding, 1 error
""",
    ),
    Example(
        "Each item has its own code:",
        """\
>>> world = amend(world, "items", "I2", code="XK-0002")
>>> print(check(world, as_of=as_of, select=["CAT002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT002",
    "duplicate-item-code",
    Severity.ERROR,
    basis=CAT_BASIS,
    en="item {item} has code {code}, already used by {other}.",
    zh="事项 {item} 的编码 {code} 与 {other} 重复。",
    scope="world",
    notes=_NOTES_CAT002,
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


_NOTES_CAT003 = RuleNotes(
    (S3_2,),
    Example(
        (
            "Version 2 of the catalogue cancels item `I2` from 2025; a case for it "
            "is accepted in March:"
        ),
        """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.items import CatalogueChange, ChangeKind, Publication
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = tiny_world()
>>> version2 = world.catalogues[-1].apply(
...     [CatalogueChange(ChangeKind.CANCEL, "I2", "国务院关于取消一批行政许可事项的决定")],
...     effective_on=date(2025, 1, 1),
...     publications=[Publication(date(2024, 12, 20), "青岚市人民政府网站")],
... )
>>> world = attrs.evolve(world, catalogues=[*world.catalogues, version2])
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> cases = [case(*history, item="I2")]
>>> print(check(world.with_applications(cases), as_of=as_of, select=["CAT003"]).to_text())
CAT003 [error] application A1 event 1: accepted for item I2, which was cancelled in the catalogue
in effect. (seed 三(二): 根据国务院取消行政审批项目方案要求 … 对项目变动情况予以确认)
1 finding, 1 error
""",
    ),
    Example(
        "The window refuses it, saying the licence is no longer needed:",
        """\
>>> from shenpi.applications import NotAccepted
>>> refused = [submitted(date(2025, 3, 3)), NotAccepted(date(2025, 3, 3), "该许可事项已取消")]
>>> cases = [case(*refused, item="I2")]
>>> print(check(world.with_applications(cases), as_of=as_of, select=["CAT003"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT003",
    "withdrawn-item-accepted",
    Severity.ERROR,
    basis="seed 三(二): 根据国务院取消行政审批项目方案要求 … 对项目变动情况予以确认",
    en="accepted for item {item}, which was {status} in the catalogue in effect.",
    zh="受理了目录中已{status_zh}的事项 {item}。",
    notes=_NOTES_CAT003,
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


_NOTES_CAT004 = RuleNotes(
    (A30,),
    Example(
        "Item `I1` publishes neither its conditions nor its procedure:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", conditions=[], procedure=[])
>>> print(check(world, as_of=as_of, select=["CAT004"]).to_text())
CAT004 [warning] item I1: item I1 does not publish its conditions, procedure. (行政许可法 art. 30)
1 finding, 0 errors
""",
    ),
    Example(
        "Both published:",
        """\
>>> world = amend(
...     world,
...     "items",
...     "I1",
...     conditions=["有与经营的食品品种、数量相适应的经营场所"],
...     procedure=["受理", "审查", "决定", "送达"],
... )
>>> print(check(world, as_of=as_of, select=["CAT004"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT004",
    "item-not-public",
    Severity.WARNING,
    basis="行政许可法 art. 30",
    en="item {item} does not publish its {missing}.",
    zh="事项 {item} 未公示{missing_zh}。",
    scope="world",
    notes=_NOTES_CAT004,
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


_NOTES_CAT005 = RuleNotes(
    (A34_2,),
    Example(
        "Item `I1` is marked 即办件 but promises 10 working days:",
        """\
>>> from datetime import date
>>> from shenpi.items import HandlingType
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", handling=HandlingType.INSTANT)
>>> print(check(world, as_of=as_of, select=["CAT005"]).to_text())
CAT005 [warning] item I1: item I1 is an instant item but promises 10 working days. (national
catalogue checks: 承诺时限“即办”须为即办件，其他为承诺件)
1 finding, 0 errors
""",
    ),
    Example(
        "An instant item promises hours (or a promised item promises days):",
        """\
>>> world = amend(world, "items", "I1", promised_limit=TimeLimit.hours(2))
>>> print(check(world, as_of=as_of, select=["CAT005"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT005",
    "handling-type-mismatch",
    Severity.WARNING,
    basis="national catalogue checks: 承诺时限“即办”须为即办件，其他为承诺件",
    en="item {item} is {handling} but promises {promised}.",
    zh="事项 {item} 办件类型为{handling_zh}，承诺时限却为 {promised}。",
    scope="world",
    notes=_NOTES_CAT005,
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


_NOTES_CAT006 = RuleNotes(
    (A33, S3_5_NET),
    Example(
        "Item `I1` is handled fully online but still asks for one visit:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", online=True, on_site_visits=1)
>>> print(check(world, as_of=as_of, select=["CAT006"]).to_text())
CAT006 [warning] item I1: item I1 is handled fully online but requires 1 on-site visit(s).
(national catalogue checks: 全程网办须到现场次数为 0)
1 finding, 0 errors
""",
    ),
    Example(
        "Zero visits:",
        """\
>>> world = amend(world, "items", "I1", on_site_visits=0)
>>> print(check(world, as_of=as_of, select=["CAT006"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT006",
    "online-item-with-visits",
    Severity.WARNING,
    basis="national catalogue checks: 全程网办须到现场次数为 0",
    en="item {item} is handled fully online but requires {visits} on-site visit(s).",
    zh="事项 {item} 为全程网办，却要求到现场 {visits} 次。",
    scope="world",
    notes=_NOTES_CAT006,
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


_NOTES_CAT007 = RuleNotes(
    (A59_STD, A30),
    Example(
        "A fee item (行政事业性收费) with no fee schedule:",
        """\
>>> from datetime import date
>>> from shenpi.items import ItemKind
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I2", kind=ItemKind.FEE, fee_schedule_id=None)
>>> print(check(world, as_of=as_of, select=["CAT007"]).to_text())
CAT007 [warning] item I2: item I2 is a fee item but links no fee schedule. (行政许可法 art. 30,
59; national catalogue checks: 是否收费=是 须有收费依据)
1 finding, 0 errors
""",
    ),
    Example(
        "Linked to D1's published schedule:",
        """\
>>> world = amend(world, "items", "I2", fee_schedule_id="D1.fees")
>>> print(check(world, as_of=as_of, select=["CAT007"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "CAT007",
    "fee-item-without-schedule",
    Severity.WARNING,
    basis="行政许可法 art. 30, 59; national catalogue checks: 是否收费=是 须有收费依据",
    en="item {item} is a fee item but links no fee schedule.",
    zh="事项 {item} 为收费事项，却未关联收费标准。",
    scope="world",
    notes=_NOTES_CAT007,
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


_NOTES_CAT008 = RuleNotes(
    (S3_2, A30),
    Example(
        "Version 2 cancels item `I2` but was never published:",
        """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.items import CatalogueChange, ChangeKind, Publication
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = tiny_world()
>>> cancel = CatalogueChange(ChangeKind.CANCEL, "I2", "国务院关于取消一批行政许可事项的决定")
>>> version2 = world.catalogues[-1].apply([cancel], effective_on=date(2025, 1, 1))
>>> changed = attrs.evolve(world, catalogues=[*world.catalogues, version2])
>>> print(check(changed, as_of=as_of, select=["CAT008"]).to_text())
CAT008 [error] catalogue 2: catalogue version 2 (1 change(s), effective 2025-01-01) was never
published. (seed 三(二): 明确公布 … 项目目录; 行政许可法 art. 30)
1 finding, 1 error
""",
    ),
    Example(
        "Published, with where and when:",
        """\
>>> published = [Publication(date(2024, 12, 20), "青岚市人民政府网站")]
>>> version2 = world.catalogues[-1].apply(
...     [cancel], effective_on=date(2025, 1, 1), publications=published
... )
>>> changed = attrs.evolve(world, catalogues=[*world.catalogues, version2])
>>> print(check(changed, as_of=as_of, select=["CAT008"]).to_text())
0 findings, 0 errors
""",
    ),
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
    notes=_NOTES_CAT008,
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


RULES = (
    item_without_legal_basis,
    duplicate_item_code,
    withdrawn_item_accepted,
    item_not_public,
    handling_type_mismatch,
    online_item_with_visits,
    fee_item_without_schedule,
    catalogue_change_not_published,
)
"""The family's rules."""
