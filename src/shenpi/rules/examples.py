"""The tiny world of the rule pages: a hall with two departments that breaks no rule.

Every rule's failing and passing examples (and many tests) start from
:func:`tiny_world` and change one fact: :func:`amend` edits a record of the world,
:func:`case` builds a case of the events given, and the event helpers
(:func:`submitted`, :func:`accepted`, :func:`decided`, :func:`paid`,
:func:`delivered`) return the model's own values with the tiny world's ids filled in:

>>> from datetime import date
>>> from shenpi.rules import check
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> check(tiny_world(case(*history)), as_of=date(2025, 6, 30)).findings
()
"""

from __future__ import annotations

import datetime as _dt
import decimal
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from shenpi.applications import (
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    Event,
    FeePaid,
    IdentifierKind,
    Outcome,
    Submitted,
)
from shenpi.errors import InvalidValue
from shenpi.fees import AmountRule, CollectionPoint, FeeSchedule, FeeStandard, Payment, RuleKind
from shenpi.items import Catalogue, Item, ItemKind, LegalBasis, LegalLevel, Material, Publication
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import (
    ApprovalOffice,
    Department,
    Hall,
    Official,
    Role,
    Section,
    SectionFunction,
    ServiceSite,
    SiteKind,
    Window,
)
from shenpi.reform import SEED_PLAN, AcceptanceCheck, AcceptancePoint
from shenpi.seals import Seal, SealKind
from shenpi.timing import TimeLimit

__all__ = ["accepted", "amend", "case", "decided", "delivered", "paid", "submitted", "tiny_world"]


# ====================================================================== the tiny world
_SET_UP = _dt.date(2008, 11, 20)  # within phase 2 of the seed's plan (11-16 to 11-25)
_SIGNED = _dt.date(2008, 11, 25)
_SEALED = _dt.date(2008, 11, 28)
_WINDOWS = _dt.date(2008, 11, 30)  # phase 3 rearranges the windows
_ENTERED = _dt.date(2008, 12, 5)  # phase 4: every office enters the hall (12-01 to 12-10)
_PUBLISHED = _dt.date(2008, 12, 10)
_CHECKED = _dt.date(2008, 12, 20)  # phase 5: the acceptance check


def _office(department_id: str, name: str) -> ApprovalOffice:
    return ApprovalOffice(
        f"{department_id}.office",
        department_id,
        name,
        director_id=f"{department_id}.director",
        established_on=_SET_UP,
        institution_entered_on=_ENTERED,
        staff_entered_on=_ENTERED,
        items_entered_on=_ENTERED,
    )


def _letter(department_id: str) -> AuthorizationLetter:
    return AuthorizationLetter(
        f"{department_id}.letter",
        department_id,
        grantor_id=f"{department_id}.head",
        grantee_id=f"{department_id}.director",
        signed_on=_SIGNED,
        valid_from=_SIGNED,
    )


def _items() -> tuple[Item, ...]:
    steps = ("受理", "审查", "决定", "送达")
    return (
        Item(
            "I1",
            "XK-0001",
            "食品经营许可",
            ItemKind.LICENSING,
            "D1",
            [LegalBasis(LegalLevel.LAW, "中华人民共和国食品安全法", "第三十五条")],
            statutory_limit=TimeLimit.workdays(20),
            promised_limit=TimeLimit.workdays(10),
            materials=[Material("食品经营许可申请书"), Material("营业执照复印件")],
            conditions=["有与经营的食品品种、数量相适应的经营场所"],
            procedure=steps,
        ),
        Item(
            "I2",
            "XK-0002",
            "工业产品生产许可",
            ItemKind.LICENSING,
            "D1",
            [LegalBasis(LegalLevel.ADMINISTRATIVE_REGULATION, "工业产品生产许可证管理条例")],
            statutory_limit=TimeLimit.workdays(20),
            promised_limit=TimeLimit.workdays(15),
            materials=[Material("生产许可申请书")],
            conditions=["有与所生产产品相适应的生产条件和检验手段"],
            procedure=steps,
            fee_schedule_id="D1.fees",
        ),
        Item(
            "I3",
            "XK-0101",
            "建设工程规划许可",
            ItemKind.LICENSING,
            "D2",
            [LegalBasis(LegalLevel.LAW, "中华人民共和国城乡规划法", "第四十条")],
            statutory_limit=TimeLimit.workdays(20),
            promised_limit=TimeLimit.workdays(15),
            materials=[Material("建设工程规划许可申请表"), Material("建设工程设计方案")],
            conditions=["符合控制性详细规划和规划条件"],
            procedure=steps,
        ),
    )


def tiny_world(*applications: Application) -> Jurisdiction:
    """A hall that breaks no rule, with ``applications`` as its cases.

    Two departments: ``D1`` (市场监督管理局, with fee powers) and ``D2`` (自然资源局).
    Each has its head ``D1.head``, its approval office ``D1.office`` (set up in phase 2
    of the seed's plan and wholly in the hall in phase 4), the office's director
    ``D1.director``, a full-scope authorization letter ``D1.letter`` from the head to the
    director, and its dedicated approval seal ``D1.seal``. ``D1`` also has a deputy head
    ``D1.deputy``, a window clerk ``D1.clerk``, a section ``D1.sec1`` (staff
    ``D1.sec1.staff``), an old section seal ``D1.oldseal`` abolished the day the
    dedicated seal was activated, and a fee schedule ``D1.fees`` whose one standard
    ``D1.fee1`` charges 10 yuan under an administrative regulation.

    Sites: ``S0`` the main hall, ``S1`` a sub-center, ``X1`` D1's own building (outside
    the hall); windows ``W1`` (D1) and ``W2`` (D2) stand in the main hall. The published
    catalogue (version 1, effective 2008-12-10) holds ``I1`` 食品经营许可 (D1, free;
    20 working days by law, 10 promised), ``I2`` 工业产品生产许可 (D1, with the fee; 20
    and 15) and ``I3`` 建设工程规划许可 (D2; 20 and 15). The reform plan is the seed's
    (:data:`~shenpi.reform.SEED_PLAN`), and both departments passed every point of its
    acceptance check.
    """
    d1, d2 = "市市场监督管理局", "市自然资源局"
    hall = Hall(
        "H0",
        "青岚市政务服务中心",
        sites=[
            ServiceSite("S0", "青岚市政务服务中心", SiteKind.MAIN_HALL),
            ServiceSite("S1", "青岚市不动产登记分中心", SiteKind.SUB_CENTER),
            ServiceSite("X1", "市市场监督管理局办公楼", SiteKind.DEPARTMENT_PREMISES),
        ],
        windows=[
            Window("W1", "S0", "D1", "市场监管窗口", opened_on=_WINDOWS),
            Window("W2", "S0", "D2", "自然资源窗口", opened_on=_WINDOWS),
        ],
    )
    officials = [
        Official("D1.head", "张局长", "D1", Role.HEAD),
        Official("D1.deputy", "李副局长", "D1", Role.DEPUTY_HEAD),
        Official("D1.director", "王主任", "D1", Role.OFFICE_DIRECTOR, unit_id="D1.office"),
        Official("D1.clerk", "赵科员", "D1", Role.WINDOW_STAFF, unit_id="D1.office"),
        Official("D1.sec1.staff", "钱科员", "D1", Role.SECTION_STAFF, unit_id="D1.sec1"),
        Official("D2.head", "孙局长", "D2", Role.HEAD),
        Official("D2.director", "周主任", "D2", Role.OFFICE_DIRECTOR, unit_id="D2.office"),
    ]
    fee = FeeStandard(
        "D1.fee1",
        "生产许可证书工本费",
        [LegalBasis(LegalLevel.ADMINISTRATIVE_REGULATION, "工业产品生产许可证管理条例")],
        AmountRule(RuleKind.FIXED, amount=decimal.Decimal("10")),
        published_on=_SET_UP,
    )
    return Jurisdiction(
        "青岚市",
        hall,
        departments=[
            Department("D1", d1, head_id="D1.head", fee_powers=True),
            Department("D2", d2, head_id="D2.head"),
        ],
        offices=[_office("D1", f"{d1}行政审批办公室"), _office("D2", f"{d2}行政审批办公室")],
        sections=[
            Section(
                "D1.sec1",
                "D1",
                "食品经营监管科",
                [SectionFunction.POLICY, SectionFunction.SUPERVISION],
            )
        ],
        officials=officials,
        catalogues=[
            Catalogue(
                1,
                _PUBLISHED,
                _items(),
                publications=[Publication(_PUBLISHED, "青岚市人民政府网站")],
            )
        ],
        letters=[_letter("D1"), _letter("D2")],
        seals=[
            Seal(
                "D1.seal",
                "D1",
                SealKind.DEDICATED_APPROVAL,
                f"{d1}行政审批专用章",
                activated_on=_SEALED,
            ),
            Seal(
                "D1.oldseal",
                "D1",
                SealKind.SECTION_APPROVAL,
                "食品经营监管科审批章",
                activated_on=_dt.date(2001, 6, 1),
                abolished_on=_SEALED,
            ),
            Seal(
                "D2.seal",
                "D2",
                SealKind.DEDICATED_APPROVAL,
                f"{d2}行政审批专用章",
                activated_on=_SEALED,
            ),
        ],
        fee_schedules=[FeeSchedule("D1.fees", "D1", [fee])],
        applications=applications,
        reform_plan=SEED_PLAN,
        acceptance_checks=[
            AcceptanceCheck("D1", _CHECKED, passed=tuple(AcceptancePoint)),
            AcceptanceCheck("D2", _CHECKED, passed=tuple(AcceptancePoint)),
        ],
    )


_RECORDS = {
    "sites": ("hall", "sites"),
    "windows": ("hall", "windows"),
    "items": ("catalogues", "items"),
    "standards": ("fee_schedules", "standards"),
}


def _key(record: Any) -> Any:
    return getattr(record, "id", getattr(record, "department_id", None))


def _amend_all(records: Iterable[Any], record_id: str, changes: Mapping[str, Any]) -> list[Any]:
    return [attrs.evolve(r, **changes) if _key(r) == record_id else r for r in records]


def amend(world: Jurisdiction, records: str, record_id: str, **changes: Any) -> Jurisdiction:
    """``world`` with one record changed: ``amend(world, "offices", "D1.office",
    staff_entered_on=None)``.

    ``records`` names a field of :class:`~shenpi.jurisdiction.Jurisdiction`
    (``"offices"``, ``"letters"``, ``"seals"`` …; acceptance checks are found by their
    ``department_id``), or ``"sites"`` and ``"windows"`` (of the hall), ``"items"`` (in
    every catalogue version) or ``"standards"`` (in every fee schedule). A record id that
    matches nothing is refused, so an example cannot change nothing by mistake.
    """
    outer, inner = _RECORDS.get(records, (records, ""))
    value = getattr(world, outer, None)
    if not isinstance(value, (tuple, Hall)) or (outer == "catalogues" and not inner):
        raise InvalidValue("records", records, "is not a kind of record.", "不是记录类别。")
    new: Any
    if isinstance(value, Hall):
        found = [r for r in getattr(value, inner) if _key(r) == record_id]
        amended: dict[str, Any] = {inner: _amend_all(getattr(value, inner), record_id, changes)}
        new = attrs.evolve(value, **amended)
    elif inner:
        found = [r for c in value for r in getattr(c, inner) if _key(r) == record_id]
        new = [
            attrs.evolve(c, **{inner: _amend_all(getattr(c, inner), record_id, changes)})
            for c in value
        ]
    else:
        found = [r for r in value if _key(r) == record_id]
        new = _amend_all(value, record_id, changes)
    if not found:
        raise InvalidValue(
            "record_id", record_id, f"no record in {records} has this id.", "没有该编号的记录。"
        )
    return attrs.evolve(world, **{outer: new})


def case(*events: Event, id: str = "A1", item: str = "I1") -> Application:
    """A case (办件) for ``item`` with this history, applied for at the main hall by a
    company with a valid 统一社会信用代码."""
    applicant = Applicant(
        ApplicantType.LEGAL_PERSON,
        "青岚市好味餐饮有限公司",
        "91110108551385082Q",
        IdentifierKind.USCC,
    )
    return Application(id, applicant, [item], Channel.WINDOW, events, site_id="S0")


def submitted(on: _dt.date) -> Submitted:
    """收件 at window ``W1`` of the main hall."""
    return Submitted(on, site_id="S0", window_id="W1")


def accepted(on: _dt.date, **changes: Any) -> Accepted:
    """受理 at window ``W1`` of the main hall by D1's clerk; ``changes`` override fields."""
    return attrs.evolve(
        Accepted(on, official_id="D1.clerk", site_id="S0", window_id="W1"), **changes
    )


def decided(on: _dt.date, **changes: Any) -> Decided:
    """A lawful approval by D1: its office's director, in the main hall, under D1's letter,
    with D1's dedicated seal; ``changes`` override fields (``site_id="X1"`` …)."""
    decision = Decided(
        on,
        Outcome.APPROVED,
        department_id="D1",
        official_id="D1.director",
        site_id="S0",
        unit_id="D1.office",
        letter_id="D1.letter",
        seal_id="D1.seal",
    )
    return attrs.evolve(decision, **changes)


def paid(on: _dt.date, **changes: Any) -> FeePaid:
    """The 10-yuan fee of standard ``D1.fee1`` paid at the hall's cashier, with a
    receipt; ``changes`` override the payment's fields (``amount=``, ``receipt=`` …)."""
    payment = Payment(
        decimal.Decimal("10"),
        CollectionPoint.HALL_CASHIER,
        schedule_id="D1.fees",
        standard_id="D1.fee1",
        site_id="S0",
        receipt="QL-2025-000123",
    )
    return FeePaid(on, attrs.evolve(payment, **changes))


def delivered(on: _dt.date) -> Delivered:
    """送达 at the window."""
    return Delivered(on, method="窗口领取")
