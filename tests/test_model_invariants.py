"""Impossible values are refused at construction, naming the field; bad worlds are not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from shenpi.applications import (
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    IdentifierKind,
    Outcome,
    Submitted,
    SupplementRequested,
)
from shenpi.errors import InvalidType, InvalidValue, ShenpiError
from shenpi.fees import AmountRule, CollectionPoint, Payment, RuleKind, Tier
from shenpi.items import Catalogue, CatalogueChange, ChangeKind, Item, ItemKind, ItemStatus
from shenpi.letters import AuthorizationLetter
from shenpi.organization import Hall, ServiceSite, SiteKind
from shenpi.reform import SEED_PLAN
from shenpi.seals import Seal, SealKind
from shenpi.timing import TimeLimit

D = dt.date
APPLICANT = Applicant(
    ApplicantType.LEGAL_PERSON, "某公司", "91110000600037341L", IdentifierKind.USCC
)


def item(item_id: str = "i1", **changes: object) -> Item:
    fields: dict[str, object] = {
        "id": item_id,
        "code": f"XK-{item_id}",
        "name": "食品经营许可",
        "kind": ItemKind.LICENSING,
        "department_id": "scjg",
        "legal_basis": (),
        "statutory_limit": TimeLimit.workdays(20),
        "promised_limit": TimeLimit.workdays(12),
    }
    fields.update(changes)
    return Item(**fields)  # type: ignore[arg-type]


def test_an_event_before_submission_is_impossible() -> None:
    case = Application("a1", APPLICANT, ["i1"], Channel.WINDOW, [Submitted(D(2025, 3, 3))])
    with pytest.raises(InvalidValue) as caught:
        case.append(Accepted(D(2025, 3, 2)))
    assert caught.value.field == "events[1].on"


@pytest.mark.parametrize(
    ("item_ids", "field", "error"),
    [
        (["i1", " i2"], "item_ids[1]", InvalidValue),
        (["i1", "i2", 3], "item_ids[2]", InvalidType),
        ([""], "item_ids[0]", InvalidValue),
    ],
)
def test_a_bad_element_is_named_by_its_index(
    item_ids: list[object], field: str, error: type[ShenpiError]
) -> None:
    with pytest.raises(error) as caught:
        Application("a1", APPLICANT, item_ids, Channel.WINDOW, [Submitted(D(2025, 3, 3))])  # type: ignore[arg-type]
    assert caught.value.field == field
    assert caught.value.value == item_ids[-1]


def test_a_case_begins_with_its_submission() -> None:
    with pytest.raises(InvalidValue) as caught:
        Application("a1", APPLICANT, ["i1"], Channel.WINDOW, [Accepted(D(2025, 3, 3))])
    assert caught.value.field == "events[0]"


def test_a_decision_with_no_acceptance_is_a_bad_world_not_an_impossible_one() -> None:
    decided = Decided(D(2025, 3, 5), Outcome.APPROVED, department_id="scjg")
    case = Application("a1", APPLICANT, ["i1"], Channel.WINDOW, [Submitted(D(2025, 3, 3)), decided])
    assert case.accepted_on is None
    assert case.state == "decided"


def test_a_promised_limit_must_be_a_positive_time_limit() -> None:
    with pytest.raises(InvalidValue):
        item(promised_limit=TimeLimit.workdays(-2))
    with pytest.raises(InvalidType) as caught:
        item(promised_limit=12)
    assert caught.value.field == "promised_limit"


def test_a_letter_cannot_end_before_it_begins() -> None:
    with pytest.raises(InvalidValue) as caught:
        AuthorizationLetter(
            "l1", "scjg", "head", "director", D(2025, 1, 1), D(2025, 1, 1), valid_to=D(2024, 12, 31)
        )
    assert caught.value.field == "valid_to"


def test_money_is_a_decimal_never_a_float() -> None:
    with pytest.raises(InvalidType) as caught:
        Payment(12.5, CollectionPoint.HALL_CASHIER)  # type: ignore[arg-type]
    assert caught.value.field == "amount"
    assert "Decimal" in str(caught.value)
    with pytest.raises(InvalidValue):
        Payment(Decimal("-1"), CollectionPoint.HALL_CASHIER)
    with pytest.raises(InvalidValue):
        Payment(Decimal("NaN"), CollectionPoint.HALL_CASHIER)


def test_a_supplement_notice_lists_what_is_missing() -> None:
    with pytest.raises(InvalidValue) as caught:
        SupplementRequested(D(2025, 3, 4), missing=[])
    assert caught.value.field == "missing"


def test_fee_rules_carry_exactly_their_fields() -> None:
    assert AmountRule(RuleKind.FIXED, amount=Decimal("50")).allows(Decimal("50"))
    with pytest.raises(InvalidValue):
        AmountRule(RuleKind.FIXED, rate=Decimal("2"))
    tiered = AmountRule(
        RuleKind.TIERED,
        tiers=[Tier(Decimal("2"), up_to=Decimal("100")), Tier(Decimal("1"))],
        unit="m2",
    )
    assert tiered.charge(Decimal("150")) == Decimal("250")
    with pytest.raises(InvalidValue):
        AmountRule(RuleKind.TIERED, tiers=[Tier(Decimal("1")), Tier(Decimal("2"), Decimal("5"))])
    with pytest.raises(InvalidValue):
        AmountRule(RuleKind.RANGE, minimum=Decimal("10"), maximum=Decimal("5"))


def test_catalogue_versions_apply_change_sets() -> None:
    first = Catalogue(1, D(2024, 1, 1), [item("i1"), item("i2")])
    second = first.apply(
        [
            CatalogueChange(ChangeKind.CANCEL, "i1", "国发〔2024〕1号"),
            CatalogueChange(ChangeKind.TAKE_OVER, "i3", "省政府令", item("i3")),
            CatalogueChange(
                ChangeKind.AMEND, "i2", "市政府令", item("i2", promised_limit=TimeLimit.workdays(8))
            ),
        ],
        effective_on=D(2024, 7, 1),
    )
    assert second.version == 2
    assert second.get("i1").status is ItemStatus.CANCELLED  # type: ignore[union-attr]
    assert second.get("i3") is not None
    assert second.get("i2").promised_limit == TimeLimit.workdays(8)  # type: ignore[union-attr]
    assert first.get("i3") is None
    with pytest.raises(InvalidValue) as caught:
        first.apply([CatalogueChange(ChangeKind.CANCEL, "zz", "x")], effective_on=D(2024, 7, 1))
    assert caught.value.field == "changes[0].item_id"


def test_ids_are_unique_and_never_blank() -> None:
    site = ServiceSite("main", "大厅", SiteKind.MAIN_HALL)
    with pytest.raises(InvalidValue) as caught:
        Hall("h", "中心", [site, site])
    assert caught.value.field == "sites[1].id"
    with pytest.raises(InvalidValue):
        ServiceSite(" main", "大厅", SiteKind.MAIN_HALL)


def test_a_seal_cannot_be_abolished_before_it_was_activated() -> None:
    with pytest.raises(ShenpiError):
        Seal("s1", "scjg", SealKind.DEDICATED_APPROVAL, "专用章", "", D(2025, 1, 2), D(2025, 1, 1))
    seal = Seal("s1", "scjg", SealKind.DEPARTMENT, "公章", "", D(2000, 1, 1), D(2008, 12, 1))
    assert seal.active(D(2008, 11, 30))
    assert not seal.active(D(2008, 12, 1))


def test_the_seed_plan_is_bundled() -> None:
    assert SEED_PLAN.departments_total == 47
    assert SEED_PLAN.departments_in_hall_at_start == 34
    assert next(p.starts_on for p in SEED_PLAN.phases) == D(2008, 10, 24)
    assert SEED_PLAN.phase_on(D(2008, 12, 5)).number == 4  # type: ignore[union-attr]
    assert SEED_PLAN.phases[-1].ends_on == D(2008, 12, 30)
