"""shenpi.io: value round trips, the two formats, JSON Lines streaming, strict errors that
name the JSON path, and fuzzing that only ever yields values or FormatError."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import gzip
import io as stdio
import itertools
import json
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shenpi import applications, complaints, fees, io, items, letters, organization, reform, seals
from shenpi.applications import (
    EVENT_TYPES,
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    IdentifierKind,
    NotAccepted,
    OpinionGiven,
    Outcome,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import DayInfo, DayKind, HolidayName
from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.errors import FormatError, InvalidType, ShenpiError
from shenpi.fees import (
    AmountRule,
    CollectionPoint,
    FeeSchedule,
    FeeStandard,
    Payment,
    RuleKind,
    Tier,
)
from shenpi.items import (
    Catalogue,
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
    ItemCodeFormat,
    ItemKind,
    ItemStatus,
    LegalBasis,
    LegalLevel,
    Material,
    Publication,
)
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
from shenpi.supervision import AlertPolicy, Efficiency
from shenpi.timing import OfficeHours, SeasonalHours, Suspension, TimeLimit

D = dt.date
HEADER = '{"schema_version":1,"kind":"shenpi.applications"}'


# ------------------------------------------------------------------ sample data
def sample_items() -> tuple[Item, ...]:
    food = Item(
        id="i1",
        code="XK-0001",
        name="食品经营许可",
        kind=ItemKind.LICENSING,
        department_id="scjg",
        legal_basis=(
            LegalBasis(LegalLevel.LAW, "中华人民共和国食品安全法", "第三十五条"),
            LegalBasis(LegalLevel.DEPARTMENT_RULE, "食品经营许可和备案管理办法"),
        ),
        statutory_limit=TimeLimit.workdays(20),
        promised_limit=TimeLimit.workdays(10),
        materials=(Material("营业执照"), Material("场所平面图", required=False, copies=2)),
        conditions=("有与经营的食品品种相适应的场所",),
        procedure=("申请", "受理", "审查", "决定"),
        fee_schedule_id="fs1",
        joint=True,
        lead_department_id="scjg",
        co_department_ids=("wsj",),
        on_site_visits=0,
        online=True,
        national_type="01",
    )
    seal_item = Item(
        id="i2",
        code="XK-0002",
        name="户外广告设置",
        kind=ItemKind.NON_LICENSING,
        department_id="cgj",
        legal_basis=(),
        statutory_limit=TimeLimit.natural_days(30),
        promised_limit=TimeLimit.hours(1.5),
        handling=HandlingType.INSTANT,
        seal_exception="城市市容和环境卫生管理条例",
        status=ItemStatus.DELEGATED,
    )
    return food, seal_item


def sample_catalogues() -> tuple[Catalogue, ...]:
    food, seal_item = sample_items()
    first = Catalogue(
        version=1,
        effective_on=D(2008, 12, 1),
        items=(food, seal_item),
        publications=(Publication(D(2008, 12, 1), "市政府门户网站", "https://example.gov.cn/ml"),),
    )
    added = attrs.evolve(food, id="i3", code="XK-0003", name="食品生产许可")
    second = first.apply(
        (
            CatalogueChange(ChangeKind.CANCEL, "i2", "国发〔2009〕1号"),
            CatalogueChange(ChangeKind.TAKE_OVER, "i3", "省政府令第5号", added),
        ),
        effective_on=D(2009, 3, 1),
    )
    return first, second


def sample_fee_schedules() -> tuple[FeeSchedule, ...]:
    basis = (LegalBasis(LegalLevel.ADMINISTRATIVE_REGULATION, "某收费条例", "第五条"),)
    return (
        FeeSchedule(
            "fs1",
            "scjg",
            (
                FeeStandard(
                    "fixed",
                    "证照工本费",
                    basis,
                    AmountRule(RuleKind.FIXED, amount=Decimal("10.00")),
                    waivable=True,
                    published_on=D(2008, 1, 1),
                ),
                FeeStandard(
                    "unit",
                    "检测费",
                    basis,
                    AmountRule(RuleKind.PER_UNIT, rate=Decimal("2.5"), unit="平方米"),
                ),
                FeeStandard(
                    "tier",
                    "登记费",
                    basis,
                    AmountRule(
                        RuleKind.TIERED,
                        tiers=(Tier(Decimal("1.00"), Decimal("100")), Tier(Decimal("0.50"))),
                        unit="件",
                    ),
                ),
                FeeStandard(
                    "range",
                    "评审费",
                    basis,
                    AmountRule(RuleKind.RANGE, minimum=Decimal("0"), maximum=Decimal("300.00")),
                ),
            ),
        ),
    )


def sample_jurisdiction() -> Jurisdiction:
    """A reference world with at least one value of every model class (no cases)."""
    hall = Hall(
        "h1",
        "某市行政服务中心",
        (
            ServiceSite("s1", "行政服务中心", SiteKind.MAIN_HALL, "人民路 1 号"),
            ServiceSite("s2", "不动产分中心", SiteKind.SUB_CENTER),
            ServiceSite("s3", "市场监管局办公楼", SiteKind.DEPARTMENT_PREMISES),
        ),
        (
            Window("w1", "s1", "scjg", "食品窗口", D(2008, 12, 1)),
            Window("w2", "s2", "cgj", opened_on=D(2008, 12, 1), closed_on=D(2010, 1, 1)),
        ),
    )
    return Jurisdiction(
        name="某市",
        hall=hall,
        departments=(
            Department("scjg", "市场监督管理局", head_id="p1", fee_powers=True),
            Department("cgj", "城市管理局", vertical=True, approval_powers=False),
        ),
        offices=(
            ApprovalOffice(
                "o1",
                "scjg",
                "市场监管局行政审批办公室",
                director_id="p2",
                established_on=D(2008, 11, 20),
                institution_entered_on=D(2008, 12, 1),
                staff_entered_on=D(2008, 12, 1),
            ),
        ),
        sections=(
            Section("k1", "scjg", "食品科", (SectionFunction.POLICY, SectionFunction.SUPERVISION)),
        ),
        officials=(
            Official("p1", "李局长", "scjg", Role.HEAD),
            Official("p2", "王主任", "scjg", Role.OFFICE_DIRECTOR, unit_id="o1"),
            Official("p3", "赵科员", "scjg", Role.WINDOW_STAFF, civil_servant=False),
        ),
        catalogues=sample_catalogues(),
        letters=(
            AuthorizationLetter(
                "l1",
                "scjg",
                "p1",
                "p2",
                D(2008, 11, 25),
                D(2008, 12, 1),
                valid_to=D(2011, 12, 31),
                item_ids=("i1",),
                revoked_on=D(2010, 6, 1),
            ),
        ),
        seals=(
            Seal(
                "seal1",
                "scjg",
                SealKind.DEDICATED_APPROVAL,
                "行政审批专用章",
                "备 0001",
                D(2008, 12, 1),
            ),
            Seal("seal0", "scjg", SealKind.SECTION_APPROVAL, "食品科审批章", "", None, None),
        ),
        fee_schedules=sample_fee_schedules(),
        complaints=(
            Complaint(
                "c1",
                ComplaintChannel.HOTLINE,
                D(2009, 1, 5),
                department_id="scjg",
                application_id="a1",
                summary="窗口推诿",
                handled_on=D(2009, 1, 9),
                outcome="已整改",
            ),
        ),
        reform_plan=SEED_PLAN,
        acceptance_checks=(
            AcceptanceCheck("scjg", D(2008, 12, 20), (AcceptancePoint.SEAL,), remarks="印章待备案"),
        ),
    )


APPLICANT = Applicant(
    ApplicantType.LEGAL_PERSON, "某某餐饮有限公司", "91110000600037341L", IdentifierKind.USCC
)


def sample_case(case_id: str = "a1") -> Application:
    """A case whose history holds one event of every type."""
    return Application(
        id=case_id,
        applicant=APPLICANT,
        item_ids=("i1", "i3"),
        channel=Channel.WINDOW,
        site_id="s1",
        lead_department_id="scjg",
        events=(
            Submitted(D(2025, 3, 3), site_id="s1", window_id="w1"),
            SupplementRequested(D(2025, 3, 4), ("场所平面图", "健康证明"), official_id="p3"),
            Supplemented(D(2025, 3, 6)),
            Accepted(D(2025, 3, 6), official_id="p3", site_id="s1", window_id="w1"),
            Suspended(D(2025, 3, 10), Suspension.EXPERT_REVIEW, "专家评审"),
            Resumed(D(2025, 3, 14)),
            Extended(D(2025, 3, 20), TimeLimit.workdays(10), approved_by="p1", reason="复杂"),
            OpinionGiven(D(2025, 3, 21), "wsj", Outcome.APPROVED, official_id="p9"),
            Decided(
                D(2025, 3, 24),
                Outcome.APPROVED,
                "scjg",
                official_id="p2",
                site_id="s1",
                unit_id="o1",
                letter_id="l1",
                seal_id="seal1",
                reasons="符合条件",
            ),
            FeePaid(
                D(2025, 3, 24),
                Payment(
                    Decimal("12.50"),
                    CollectionPoint.HALL_CASHIER,
                    schedule_id="fs1",
                    standard_id="unit",
                    quantity=Decimal("5"),
                    site_id="s1",
                    method="银联",
                    receipt="R-0001",
                ),
            ),
            Delivered(D(2025, 3, 25), "邮寄"),
        ),
    )


def refused_case(case_id: str = "a2") -> Application:
    """A short case with the other outcomes: not accepted, withdrawn."""
    return Application(
        case_id,
        Applicant(ApplicantType.PERSON, "张三", "110101199003070035", IdentifierKind.RESIDENT_ID),
        ["i2"],
        Channel.ONLINE,
        [
            Submitted(D(2025, 4, 1)),
            NotAccepted(D(2025, 4, 2), "不属于本机关职权", referral="区城管局"),
            Suspended(D(2025, 4, 3), None),
            Withdrawn(D(2025, 4, 3), "改日再办"),
        ],
    )


def minimal_case(number: int) -> Application:
    return Application(
        f"m{number:05d}",
        APPLICANT,
        ["i1"],
        Channel.SELF_SERVICE,
        [Submitted(D(2025, 1, 2)), Accepted(D(2025, 1, 3))],
    )


def other_values() -> list[Any]:
    """Model values that live outside a jurisdiction."""
    session = (dt.time(8, 30), dt.time(12, 0))
    return [
        TimeLimit.hours(2),
        ItemCodeFormat("local", r"[A-Z]{2}-\d{4}", "本地编码"),
        HolidayName("春节", "Spring Festival"),
        DayInfo(
            D(2025, 1, 28), DayKind.HOLIDAY, HolidayName("春节", "Spring Festival"), False, "国办发"
        ),
        OfficeHours(
            seasons=(SeasonalHours((5, 1), (9, 30), (session, (dt.time(14, 30), dt.time(18, 0)))),)
        ),
        AlertPolicy(),
        AlertPolicy(warn_used=None, warn_days_left=2),
        Efficiency(10, 3, 4, 2, 1, Fraction(37, 3)),
        Efficiency(0, 0, 0, 0, 0, None),
    ]


def all_values() -> list[Any]:
    j = sample_jurisdiction()
    return [j, j.with_applications([sample_case(), refused_case()]), *other_values()]


# ------------------------------------------------------------------ helpers
def _json_ready(data: Any) -> bool:
    if data is None or isinstance(data, (bool, int, str)):
        return True
    if isinstance(data, list):
        return all(_json_ready(x) for x in data)
    if isinstance(data, dict):
        return all(isinstance(k, str) and _json_ready(v) for k, v in data.items())
    return False


def _classes(value: Any, found: set[type]) -> set[type]:
    if attrs.has(type(value)):
        found.add(type(value))
        for field in attrs.fields(type(value)):
            if field.init:
                _classes(getattr(value, field.name), found)
    elif isinstance(value, tuple):
        for element in value:
            _classes(element, found)
    return found


def _model_classes() -> set[type]:
    modules = (applications, items, organization, letters, seals, fees, complaints, reform)
    found = {
        getattr(module, name)
        for module in modules
        for name in module.__all__
        if isinstance(getattr(module, name), type) and attrs.has(getattr(module, name))
    }
    return found | {Jurisdiction, TimeLimit, OfficeHours, SeasonalHours}


def refusal(call: Callable[[], Any]) -> FormatError:
    with pytest.raises(FormatError) as caught:
        call()
    return caught.value


def case_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(io.dumps_application(sample_case()))
    return data


def reference_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(io.dumps_reference(sample_jurisdiction()))
    return data


# ------------------------------------------------------------------ round trips
def test_the_samples_cover_every_model_class() -> None:
    found: set[type] = set()
    for value in all_values():
        _classes(value, found)
    assert _model_classes() <= found


@pytest.mark.parametrize("value", all_values(), ids=lambda v: type(v).__name__)
def test_every_value_round_trips_through_json_ready_data(value: Any) -> None:
    data = io.to_data(value)
    assert _json_ready(data)
    assert io.from_data(json.loads(json.dumps(data)), type(value)) == value


def test_every_event_type_round_trips_under_its_tag() -> None:
    events = sample_case().events + refused_case().events
    assert {type(e) for e in events} == set(EVENT_TYPES)
    for event in events:
        data = io.to_data(event)
        assert next(iter(data)) == "type"
        assert data["type"] == io.EVENT_TAGS[type(event)]
        assert io.from_data(data, Event) == event
        assert io.from_data(data, type(event)) == event


def test_the_event_tags_are_the_documented_ones() -> None:
    assert set(io.EVENT_TAGS) == set(EVENT_TYPES) == set(typing.get_args(Event))
    assert dict(io.EVENT_TAGS) == {
        Submitted: "submitted",
        SupplementRequested: "supplement_requested",
        Supplemented: "supplemented",
        Accepted: "accepted",
        NotAccepted: "not_accepted",
        Suspended: "suspended",
        Resumed: "resumed",
        Extended: "extended",
        OpinionGiven: "opinion_given",
        Decided: "decided",
        FeePaid: "fee_paid",
        Delivered: "delivered",
        Withdrawn: "withdrawn",
    }
    assert {tag: cls for cls, tag in io.EVENT_TAGS.items()} == dict(io.EVENT_CLASSES)


def test_scalars_are_written_as_documented() -> None:
    data = case_data()
    assert data["channel"] == "window"
    assert data["events"][0] == {
        "type": "submitted",
        "on": "2025-03-03",
        "site_id": "s1",
        "window_id": "w1",
    }
    assert data["events"][6]["by"] == {"unit": "workdays", "amount": 10}
    payment = data["events"][9]["payment"]
    assert (payment["amount"], payment["quantity"]) == ("12.50", "5")
    assert io.to_data(TimeLimit.hours(1.5)) == {"unit": "hours", "amount": 90}
    assert io.to_data(Fraction(4, 5)) == "4/5"
    assert io.to_data(dt.time(9, 30)) == "09:30"
    assert io.to_data(Decimal("1E+2")) == "100"
    assert io.to_data(HolidayName("春节", "Spring Festival")) == {
        "zh": "春节",
        "en": "Spring Festival",
    }


def test_optional_fields_are_written_as_null_and_may_be_omitted() -> None:
    data = case_data()
    assert data["events"][2] == {"type": "supplemented", "on": "2025-03-06"}
    assert data["events"][7]["official_id"] == "p9"
    assert json.loads(io.dumps_application(refused_case()))["site_id"] is None
    minimal = {
        "id": "a9",
        "applicant": data["applicant"],
        "item_ids": ["i1"],
        "channel": "mail",
        "events": [{"type": "submitted", "on": "2025-03-03"}],
    }
    case = io.from_data(minimal, Application)
    assert case.site_id is None
    assert case.events == (Submitted(D(2025, 3, 3)),)


def test_an_application_is_one_compact_line_and_texts_round_trip() -> None:
    text = io.dumps_application(sample_case())
    assert "\n" not in text
    assert ": " not in text.replace('"', "")
    assert "某某餐饮有限公司" in text
    assert io.loads_application(text) == sample_case()
    assert io.dumps_application(io.loads_application(text)) == text
    assert io.loads_application(text.encode()) == sample_case()


def test_the_reference_holds_everything_but_the_cases() -> None:
    world = sample_jurisdiction().with_applications([sample_case()])
    text = io.dumps_reference(world)
    data = json.loads(text)
    assert list(data) == ["schema_version", "kind", "jurisdiction"]
    assert (data["schema_version"], data["kind"]) == (1, "shenpi.reference")
    assert "applications" not in data["jurisdiction"]
    assert not any("index" in key for key in data["jurisdiction"])
    loaded = io.loads_reference(text)
    assert loaded == sample_jurisdiction()
    assert loaded.applications == ()
    assert loaded.item("i3") is not None
    assert io.dumps_reference(loaded) == text


def test_reference_and_cases_load_together(tmp_path: Path) -> None:
    world = sample_jurisdiction().with_applications([sample_case(), refused_case()])
    io.dump_reference(world, tmp_path / "ref.json")
    assert io.dump_applications(world.applications, tmp_path / "cases.jsonl") == 2
    assert io.load_reference(tmp_path / "ref.json") == sample_jurisdiction()
    assert io.load_jurisdiction(tmp_path / "ref.json", tmp_path / "cases.jsonl") == world
    assert io.load_jurisdiction(str(tmp_path / "ref.json")) == sample_jurisdiction()


def test_a_case_id_used_twice_is_reported_at_its_line(tmp_path: Path) -> None:
    io.dump_reference(sample_jurisdiction(), tmp_path / "ref.json")
    (tmp_path / "cases.jsonl").write_text(
        "\n".join(
            [HEADER, io.dumps_application(sample_case()), "", io.dumps_application(sample_case())]
        )
        + "\n",
        encoding="utf-8",
    )
    error = refusal(lambda: io.load_jurisdiction(tmp_path / "ref.json", tmp_path / "cases.jsonl"))
    assert error.field == "line 4: id"
    assert error.value == "a1"


# ------------------------------------------------------------------ JSON Lines
def test_json_lines_round_trip_through_a_text_file() -> None:
    cases = [sample_case(), refused_case()]
    out = stdio.StringIO()
    assert io.dump_applications(iter(cases), out) == 2
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert text.endswith("\n")
    assert list(io.iter_applications(text.splitlines(keepends=True))) == cases
    assert list(io.iter_applications(stdio.StringIO(text))) == cases
    assert list(io.iter_applications(stdio.BytesIO(text.encode()))) == cases


def test_json_lines_read_from_a_generator_skip_blank_lines() -> None:
    def lines() -> Iterator[str]:
        yield ""
        yield HEADER
        yield "   \n"
        yield io.dumps_application(refused_case())

    assert list(io.iter_applications(lines())) == [refused_case()]


def test_reading_is_lazy() -> None:
    endless = itertools.chain([HEADER], itertools.repeat(io.dumps_application(sample_case())))
    cases = io.iter_applications(endless)
    assert next(cases) == sample_case()
    assert next(cases) == sample_case()


def test_gzip_files_are_written_and_read(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl.gz"
    cases = [sample_case(), refused_case()]
    assert io.dump_applications(cases, path) == 2
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    assert gzip.decompress(path.read_bytes()).decode().splitlines()[0] == HEADER
    assert list(io.iter_applications(path)) == cases
    assert list(io.iter_applications(str(path))) == cases


def test_ten_thousand_lines_stream_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "year.jsonl"
    assert io.dump_applications((minimal_case(n) for n in range(10_000)), path) == 10_000
    cases = io.iter_applications(path)
    assert next(cases) == minimal_case(0)
    assert sum(1 for _ in cases) == 9_999


def test_lines_must_be_text() -> None:
    with pytest.raises(InvalidType):
        list(io.iter_applications([HEADER, {"id": "a1"}]))  # type: ignore[arg-type]


def test_only_applications_are_dumped() -> None:
    with pytest.raises(InvalidType):
        io.dumps_application(sample_jurisdiction())  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        io.dumps_reference(sample_case())  # type: ignore[arg-type]


# ------------------------------------------------------------------ refusals
def _mutated(change: Callable[[dict[str, Any]], object]) -> str:
    data = case_data()
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _line(change: Callable[[dict[str, Any]], object]) -> FormatError:
    lines = [HEADER, io.dumps_application(refused_case()), _mutated(change)]
    return refusal(lambda: list(io.iter_applications(lines)))


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a leaf given as ``a.b[2].c`` (a value of ``...`` deletes it)."""
    keys: list[Any] = [
        int(k) if k.isdigit() else k for k in path.replace("[", ".").replace("]", "").split(".")
    ]

    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in keys[:-1]:
            node = node[key]
        if value is ...:
            del node[keys[-1]]
        else:
            node[keys[-1]] = value

    return change


CASE_REFUSALS = [
    ("unknown key", "events[1].colour", "red", "events[1].colour", "no field colour"),
    ("unknown top key", "priority", 1, "priority", "no field priority"),
    ("int for text", "id", 1, "id", "expected text"),
    ("text for int", "events[6].by.amount", "10", "events[6].by.amount", "whole number"),
    ("bool for int", "events[6].by.amount", True, "events[6].by.amount", "whole number"),
    ("float for int", "events[6].by.amount", 10.0, "events[6].by.amount", "whole number"),
    ("zero limit", "events[6].by.amount", 0, "events[6].by.amount", "positive"),
    ("int for bool", "events[9].payment.waived", 0, "events[9].payment.waived", "true or false"),
    ("text for bool", "events[9].payment.waived", "false", "events[9].payment.waived", "true"),
    ("text for list", "item_ids", "i1", "item_ids", "a list"),
    ("object for list", "events", {}, "events", "a list"),
    ("list for object", "applicant", [], "applicant", "a JSON object"),
    ("int in a list", "item_ids[1]", 3, "item_ids[1]", "expected text"),
    ("missing field", "applicant.name", ..., "applicant.name", "missing"),
    ("missing event date", "events[3].on", ..., "events[3].on", "missing"),
    ("float money", "events[9].payment.amount", 12.5, "events[9].payment.amount", "quote it"),
    ("int money", "events[9].payment.amount", 12, "events[9].payment.amount", "JSON string"),
    ("money text", "events[9].payment.amount", "¥12", "events[9].payment.amount", "decimal"),
    ("exponent", "events[9].payment.quantity", "1e3", "events[9].payment.quantity", "decimal"),
    ("newline money", "events[9].payment.amount", "12.50\n", "events[9].payment.amount", "12.50"),
    ("bad date", "events[2].on", "2025-02-30", "events[2].on", "YYYY-MM-DD"),
    ("newline date", "events[2].on", "2025-03-06\n", "events[2].on", "YYYY-MM-DD"),
    ("slashed date", "events[2].on", "2025/03/06", "events[2].on", "YYYY-MM-DD"),
    ("compact date", "events[2].on", "20250306", "events[2].on", "YYYY-MM-DD"),
    ("week date", "events[2].on", "2025-W10-4", "events[2].on", "YYYY-MM-DD"),
    ("numeric date", "events[2].on", 20250306, "events[2].on", "YYYY-MM-DD"),
    ("bad enum", "channel", "fax", "channel", "'window', 'online'"),
    ("enum by name", "channel", "WINDOW", "channel", "not a Channel"),
    ("bad suspension", "events[4].reason", "holiday", "events[4].reason", "Suspension"),
    ("bad event tag", "events[1].type", "approved", "events[1].type", "not an event type"),
    ("missing tag", "events[1].type", ..., "events[1].type", "names its type"),
    ("event not an object", "events[1]", "accepted", "events[1]", "an event"),
    ("before submission", "events[3].on", "2025-03-01", "events[3].on", "before the submission"),
    ("blank name", "applicant.name", " ", "applicant.name", "blank"),
    ("empty id", "events[7].department_id", "", "events[7].department_id", "non-empty"),
    ("no items", "item_ids", [], "item_ids", "at least one"),
    ("no events", "events", [], "events[0]", "begins with its submission"),
]


@pytest.mark.parametrize(
    ("path", "value", "field", "words"),
    [case[1:] for case in CASE_REFUSALS],
    ids=[case[0] for case in CASE_REFUSALS],
)
def test_a_bad_case_is_refused_naming_its_path(
    path: str, value: Any, field: str, words: str
) -> None:
    error = refusal(lambda: io.loads_application(_mutated(_set(path, value))))
    assert isinstance(error, ShenpiError)
    assert isinstance(error, ValueError)
    assert error.field == field
    assert words in str(error)
    assert error.message_zh
    assert _line(_set(path, value)).field == f"line 3: {field}"
    assert (
        refusal(lambda: io.from_data(json.loads(_mutated(_set(path, value))), Application)).field
        == field
    )


def test_every_problem_is_reported_not_only_the_first() -> None:
    def change(data: dict[str, Any]) -> None:
        data["applicant"]["name"] = 5
        data["events"][1]["on"] = None
        data["events"][9]["payment"]["amount"] = 1.5
        data["extra"] = True

    error = refusal(lambda: io.loads_application(_mutated(change)))
    assert error.field == "applicant.name"
    assert "3 more problems" in error.message_en
    for path in ("events[1].on", "events[9].payment.amount", "extra"):
        assert path in error.message_en
        assert path in error.message_zh


def test_the_error_message_reads_well() -> None:
    error = refusal(lambda: io.loads_application(_mutated(_set("events[2].on", "2025-3-6"))))
    assert str(error) == (
        "events[2].on='2025-3-6': is not a date in the form YYYY-MM-DD. "
        'Fix: e.g. "2025-03-03". (不是 YYYY-MM-DD 格式的有效日期。)'
    )


REFERENCE_REFUSALS = [
    (
        "unknown key",
        "jurisdiction.departments[1].colour",
        "red",
        "jurisdiction.departments[1].colour",
    ),
    (
        "text for bool",
        "jurisdiction.departments[0].vertical",
        "yes",
        "jurisdiction.departments[0].vertical",
    ),
    (
        "text for int",
        "jurisdiction.catalogues[0].items[0].materials[1].copies",
        "2",
        "jurisdiction.catalogues[0].items[0].materials[1].copies",
    ),
    ("missing name", "jurisdiction.hall.name", ..., "jurisdiction.hall.name"),
    (
        "duplicate site",
        "jurisdiction.hall.sites[1].id",
        "s1",
        "jurisdiction.hall.sites[1].id",
    ),
    (
        "float money",
        "jurisdiction.fee_schedules[0].standards[0].rule.amount",
        10.0,
        "jurisdiction.fee_schedules[0].standards[0].rule.amount",
    ),
    (
        "rule without amount",
        "jurisdiction.fee_schedules[0].standards[0].rule.amount",
        None,
        "jurisdiction.fee_schedules[0].standards[0].rule.amount",
    ),
    (
        "overlapping phases",
        "jurisdiction.reform_plan.phases[1].starts_on",
        "2008-11-01",
        "jurisdiction.reform_plan.phases[1].starts_on",
    ),
    (
        "change without item",
        "jurisdiction.catalogues[1].changes[1].item",
        None,
        "jurisdiction.catalogues[1].changes[1].item",
    ),
    (
        "bad level",
        "jurisdiction.catalogues[0].items[0].legal_basis[0].level",
        "constitution",
        "jurisdiction.catalogues[0].items[0].legal_basis[0].level",
    ),
    (
        "bad national type",
        "jurisdiction.catalogues[0].items[0].national_type",
        "42",
        "jurisdiction.catalogues[0].items[0].national_type",
    ),
    ("cases inside", "jurisdiction.applications", [], "jurisdiction.applications"),
    ("no jurisdiction", "jurisdiction", ..., "jurisdiction"),
    ("jurisdiction a list", "jurisdiction", [], "jurisdiction"),
    ("newer version", "schema_version", 2, "schema_version"),
    ("text version", "schema_version", "1", "schema_version"),
    ("bool version", "schema_version", True, "schema_version"),
    ("no version", "schema_version", ..., "schema_version"),
    ("wrong kind", "kind", "shenpi.applications", "kind"),
    ("no kind", "kind", ..., "kind"),
    ("extra envelope key", "comment", "hi", "comment"),
]


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [case[1:] for case in REFERENCE_REFUSALS],
    ids=[case[0] for case in REFERENCE_REFUSALS],
)
def test_bad_reference_data_is_refused_naming_its_path(path: str, value: Any, field: str) -> None:
    data = reference_data()
    _set(path, value)(data)
    error = refusal(lambda: io.loads_reference(json.dumps(data)))
    assert error.field == field


def test_a_newer_schema_version_says_to_upgrade() -> None:
    data = reference_data()
    data["schema_version"] = 2
    error = refusal(lambda: io.loads_reference(json.dumps(data)))
    assert error.value == 2
    assert error.hint is not None
    assert "upgrade" in error.hint


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ('{"schema_version":2,"kind":"shenpi.applications"}', "line 1: schema_version"),
        ('{"kind":"shenpi.applications"}', "line 1: schema_version"),
        ('{"schema_version":1,"kind":"shenpi.reference"}', "line 1: kind"),
        ('{"schema_version":1}', "line 1: kind"),
        ('{"schema_version":1,"kind":"shenpi.applications","x":1}', "line 1: x"),
        ("[1]", "line 1"),
        ("{", "line 1, column 2"),
    ],
)
def test_a_bad_header_is_refused(header: str, field: str) -> None:
    lines = [header, io.dumps_application(refused_case())]
    assert refusal(lambda: list(io.iter_applications(lines))).field == field


def test_a_case_without_a_header_is_refused() -> None:
    error = refusal(lambda: list(io.iter_applications([io.dumps_application(refused_case())])))
    assert error.field == "line 1: kind"


@pytest.mark.parametrize("source", [[], [""], ["\n", "  \n"]])
def test_an_empty_file_is_refused(source: list[str], tmp_path: Path) -> None:
    assert refusal(lambda: list(io.iter_applications(source))).field == "line 1"
    path = tmp_path / "empty.jsonl"
    path.write_text("".join(source))
    assert refusal(lambda: list(io.iter_applications(path))).field == "line 1"
    assert refusal(lambda: io.loads_reference("".join(source))).field.startswith("line ")


def test_a_damaged_gzip_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl.gz"
    io.dump_applications([sample_case()] * 50, path)
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(FormatError):
        list(io.iter_applications(path))
    path.write_bytes(b"not gzip at all")
    assert refusal(lambda: list(io.iter_applications(path))).field == "line 1"


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ('{"id": "a1",\n  "channel": }', "line 2, column 14", "not valid JSON"),
        ("", "line 1, column 1", "not valid JSON"),
        ('{"id": NaN}', "$", "NaN"),
        ('{"id": Infinity}', "$", "Infinity"),
        ('{"id": "a", "id": "b"}', "$", "twice"),
        (b"\xff\xfe{}", "$", "UTF-8"),
        ("[1, 2]", "$", "a JSON object"),
        ("[" * 100_000, "$", "deeply"),
    ],
)
def test_text_that_is_not_json_is_refused(text: str | bytes, field: str, words: str) -> None:
    error = refusal(lambda: io.loads_application(text))
    assert error.field == field
    assert words in str(error)


def test_invalid_json_in_a_line_names_the_line_and_column() -> None:
    lines = [HEADER, io.dumps_application(refused_case()), '{"id": "a3",}']
    error = refusal(lambda: list(io.iter_applications(lines)))
    assert error.field == "line 3, column 13"


def test_a_bad_reference_names_the_line_of_the_syntax_error() -> None:
    text = io.dumps_reference(sample_jurisdiction()).replace('"name": "某市",', '"name": "某市"', 1)
    error = refusal(lambda: io.loads_reference(text))
    assert error.field == "line 6, column 5"


def test_a_utf8_bom_is_accepted() -> None:
    text = io.dumps_reference(sample_jurisdiction())
    assert io.loads_reference(b"\xef\xbb\xbf" + text.encode()) == sample_jurisdiction()


# ------------------------------------------------------------------ fuzzing
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _settles(call: Callable[[], Any]) -> None:
    """``call`` returns a value or raises FormatError, never anything else."""
    with contextlib.suppress(FormatError):
        call()


def _loaders(text: str, data: Any) -> list[Callable[[], Any]]:
    return [
        lambda: io.loads_application(text),
        lambda: io.loads_reference(text),
        lambda: io.from_data(data, Application),
        lambda: io.from_data(data, Jurisdiction),
        lambda: list(io.iter_applications([HEADER, text])),
        lambda: list(io.iter_applications([text])),
    ]


@given(JSON)
def test_arbitrary_json_yields_a_value_or_a_format_error(value: Any) -> None:
    for call in _loaders(json.dumps(value), value):
        _settles(call)


def _leaf_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            paths += _leaf_paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            paths += _leaf_paths(value, (*prefix, index))
    return paths


CASE_DATA = case_data()
REFERENCE_DATA = reference_data()


@given(st.data(), JSON, st.sampled_from(["replace", "delete", "add"]))
def test_mutated_documents_yield_a_value_or_a_format_error(
    data: st.DataObject, replacement: Any, how: str
) -> None:
    for original in (CASE_DATA, REFERENCE_DATA):
        document = copy.deepcopy(original)
        path = data.draw(st.sampled_from(_leaf_paths(document)[1:]))
        parent: Any = document
        for key in path[:-1]:
            parent = parent[key]
        if how == "replace":
            parent[path[-1]] = replacement
        elif how == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = replacement
        else:
            parent.append(replacement)
        text = json.dumps(document)
        for call in _loaders(text, document):
            _settles(call)
