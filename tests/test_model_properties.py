"""The model's invariants as properties, and the promises of the ``shenpi.testing`` kit.

Every strategy draws values the model accepts; consistent worlds resolve every reference;
``valid_only=True`` worlds keep every rule the kit's documentation lists.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from shenpi import testing as kit
from shenpi.applications import (
    Accepted,
    Applicant,
    Application,
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
from shenpi.calendar import WorkCalendar
from shenpi.complaints import Complaint
from shenpi.errors import InvalidType, InvalidValue
from shenpi.fees import AmountRule, CollectionPoint, FeeSchedule, FeeStandard, Payment, RuleKind
from shenpi.items import (
    Catalogue,
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
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
from shenpi.reform import AcceptanceCheck, ReformPhase, ReformPlan
from shenpi.seals import Seal, SealKind
from shenpi.timeline import Dated, Timeline, Verdict
from shenpi.timing import (
    Suspension,
    TimeLimit,
    TimeUnit,
    delivery_due,
    intake_due,
)

CAL = WorkCalendar.official()
FEE_LEVELS = (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)
LICENSING_LEVELS = (
    LegalLevel.LAW,
    LegalLevel.ADMINISTRATIVE_REGULATION,
    LegalLevel.STATE_COUNCIL_DECISION,
    LegalLevel.LOCAL_REGULATION,
)
WORLDS = settings(max_examples=max(10, settings.default.max_examples // 4))
"""Whole worlds are slow to draw: a quarter of the profile's examples."""
CASES = settings(max_examples=max(10, settings.default.max_examples // 2))
"""Single cases draw a small world each, and each smoke example draws a value of every
strategy in its group: half of the profile's examples."""

STRATEGIES: dict[str, list[tuple[st.SearchStrategy[Any], type]]] = {
    "organization": [
        (kit.service_sites(), ServiceSite),
        (kit.windows(), Window),
        (kit.halls(), Hall),
        (kit.departments(), Department),
        (kit.sections(), Section),
        (kit.approval_offices(), ApprovalOffice),
        (kit.officials(), Official),
    ],
    "items": [
        (kit.legal_bases(), LegalBasis),
        (kit.materials(), Material),
        (kit.time_limits(), TimeLimit),
        (kit.items(), Item),
        (kit.catalogue_changes(), CatalogueChange),
        (kit.publications(), Publication),
    ],
    "letters and seals": [
        (kit.authorization_letters(), AuthorizationLetter),
        (kit.seals(), Seal),
    ],
    "fees": [
        (kit.amount_rules(), AmountRule),
        (kit.fee_standards(), FeeStandard),
        (kit.fee_schedules(), FeeSchedule),
        (kit.payments(), Payment),
    ],
    "cases": [
        (kit.applicants(), Applicant),
        (kit.applicants(valid_identifiers=False), Applicant),
        (kit.complaints(), Complaint),
    ],
    "reform": [
        (kit.reform_phases(), ReformPhase),
        (kit.reform_plans(), ReformPlan),
        (kit.acceptance_checks(), AcceptanceCheck),
    ],
}
"""Every per-class strategy, grouped by model module (one test per group)."""
EVENT_CODES = {
    Submitted: "S",
    SupplementRequested: "Q",
    Supplemented: "P",
    Accepted: "A",
    NotAccepted: "N",
    Suspended: "U",
    Resumed: "R",
    Extended: "X",
    OpinionGiven: "O",
    Decided: "D",
    FeePaid: "F",
    Delivered: "V",
    Withdrawn: "W",
}
VALID_ORDER = re.compile(r"S(?:QW|(?:QP)?(?:N|W|A(?:UR){0,2}X?O*(?:W|DF?V)))")
"""The legal order of a valid history (one letter per event type, see EVENT_CODES)."""
ANY_ORDER = re.compile(r"S(?:QW|(?:QP)?(?:N|W|A?(?:UR){0,2}X{0,2}O*(?:W|DF?V)))")
"""The order of a history in any world: acceptance may be missing, extensions repeat."""


# ====================================================================== every strategy
@pytest.mark.parametrize("group", list(STRATEGIES))
@CASES
@given(data=st.data())
def test_every_strategy_draws_values_the_model_accepts(group: str, data: st.DataObject) -> None:
    strategies = STRATEGIES[group]
    values = data.draw(st.tuples(*(strategy for strategy, _ in strategies)))
    for value, (_, kind) in zip(values, strategies, strict=True):
        assert isinstance(value, kind)
        # Building the value again runs every validator again.
        assert attrs.evolve(value) == value


@CASES
@given(kit.catalogues())
def test_catalogues_are_versions_the_model_accepts(catalogue: Catalogue) -> None:
    assert attrs.evolve(catalogue) == catalogue
    assert {change.item_id for change in catalogue.changes} <= {i.id for i in catalogue.items}
    assert all(p.published_on <= catalogue.effective_on for p in catalogue.publications)
    for item in catalogue.items:
        # Items promise no more than the law allows, in the law's unit.
        assert item.promised_limit.unit is item.statutory_limit.unit
        assert item.promised_limit.amount <= item.statutory_limit.amount


@given(st.lists(st.sampled_from(list(EVENT_CODES)), min_size=1, max_size=3), st.data())
def test_events_draws_only_the_types_asked_for(
    kinds: list[type[Event]], data: st.DataObject
) -> None:
    event = data.draw(kit.events(*kinds, start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31)))
    assert type(event) in kinds
    assert attrs.evolve(event) == event
    assert dt.date(2020, 1, 1) <= event.on <= dt.date(2020, 12, 31)


def test_events_refuses_what_is_not_an_event_type() -> None:
    with pytest.raises(InvalidValue) as caught:
        kit.events(Item)  # type: ignore[arg-type]
    assert caught.value.field == "types"


@given(kit.usccs(), kit.usccs("12", "51"), kit.resident_ids())
def test_identifiers_carry_valid_check_characters(
    company: str, institution: str, person: str
) -> None:
    assert uscc.is_valid(company)
    assert uscc.is_valid(institution)
    assert institution[:2] in ("12", "51")
    assert ric.is_valid(person)


@given(kit.applicants())
def test_applicants_have_valid_identifiers_by_default(applicant: Any) -> None:
    assert applicant.identifier_valid is not False
    if applicant.identifier_kind in (IdentifierKind.USCC, IdentifierKind.RESIDENT_ID):
        assert applicant.identifier_valid is True


@given(kit.time_limits([TimeUnit.HOURS], max_hours=2))
def test_time_limits_keep_to_their_units_and_bounds(limit: TimeLimit) -> None:
    assert limit.unit is TimeUnit.HOURS
    assert 1 <= limit.amount <= 120


@given(kit.days(dt.date(2025, 10, 1), dt.date(2025, 10, 12), workdays_only=True))
def test_days_can_be_working_days_only(day: dt.date) -> None:
    assert CAL.is_workday(day)


def test_kit_arguments_are_checked_naming_the_argument() -> None:
    with pytest.raises(InvalidValue) as caught:
        kit.jurisdictions(start=dt.date(2025, 1, 1), end=dt.date(2024, 1, 1))
    assert caught.value.field == "end"
    with pytest.raises(InvalidValue) as caught:
        kit.jurisdictions(end=dt.date(2027, 1, 1))
    assert caught.value.field == "end"
    with pytest.raises(InvalidValue) as caught:
        kit.jurisdictions(min_departments=3, max_departments=2)
    assert caught.value.field == "max_departments"
    with pytest.raises(InvalidType) as typed:
        kit.jurisdictions(max_applications=2.5)  # type: ignore[arg-type]
    assert typed.value.field == "max_applications"
    with pytest.raises(InvalidValue) as caught:
        kit.applications(item_id="D0.item1")
    assert caught.value.field == "item_id"


def test_importing_shenpi_does_not_import_hypothesis() -> None:
    code = "import sys, shenpi, shenpi.timing; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ====================================================================== model invariants
@CASES
@given(kit.applications(), st.data())
def test_an_event_before_the_submission_is_always_refused(
    case: Application, data: st.DataObject
) -> None:
    days_before = data.draw(st.integers(1, (case.submitted_on - kit.FIRST_DAY).days))
    event = attrs.evolve(
        data.draw(kit.events()), on=case.submitted_on - dt.timedelta(days=days_before)
    )
    with pytest.raises(InvalidValue) as caught:
        case.append(event)
    assert caught.value.field == f"events[{len(case.events)}].on"


@CASES
@given(kit.catalogues(max_items=3), st.data())
def test_applying_changes_makes_the_next_version_and_leaves_the_old_alone(
    catalogue: Catalogue, data: st.DataObject
) -> None:
    before = attrs.asdict(catalogue, recurse=True)
    present = [item.id for item in catalogue.items]
    changes = []
    for item_id in data.draw(st.lists(st.sampled_from(present), unique=True)) if present else []:
        kinds = [ChangeKind.CANCEL, ChangeKind.DELEGATE_DOWN, ChangeKind.AMEND]
        changes.append(data.draw(kit.catalogue_changes(item_ids=[item_id], kinds=kinds)))
    added = data.draw(st.integers(0, 2))
    for k in range(added):
        kinds = [ChangeKind.ADD, ChangeKind.TAKE_OVER]
        changes.append(data.draw(kit.catalogue_changes(item_ids=[f"new{k}"], kinds=kinds)))
    effective = catalogue.effective_on + dt.timedelta(days=data.draw(st.integers(0, 400)))
    following = catalogue.apply(changes, effective_on=effective)
    assert following.version == catalogue.version + 1
    assert following.changes == tuple(changes)
    assert attrs.asdict(catalogue, recurse=True) == before
    assert len(following.items) == len(catalogue.items) + added
    changed = {change.item_id: change for change in changes}
    for item in catalogue.items:
        now = following.get(item.id)
        change = changed.get(item.id)
        if change is None:
            assert now == item
        elif change.kind is ChangeKind.CANCEL:
            assert now == attrs.evolve(item, status=ItemStatus.CANCELLED)
        elif change.kind is ChangeKind.DELEGATE_DOWN:
            assert now == attrs.evolve(item, status=ItemStatus.DELEGATED)
        else:
            assert now == change.item


@given(kit.authorization_letters(), st.data())
def test_a_revoked_letter_covers_nothing_from_its_revocation_on(
    letter: AuthorizationLetter, data: st.DataObject
) -> None:
    after_signing, after_revoking = sorted(data.draw(st.integers(0, 9_000)) for _ in range(2))
    revoked_on = letter.signed_on + dt.timedelta(days=after_signing)
    revoked = attrs.evolve(letter, revoked_on=revoked_on)
    day = letter.signed_on + dt.timedelta(days=after_revoking)
    item_id = data.draw(st.sampled_from((*letter.item_ids, "any-item")))
    assert not revoked.in_force(day)
    assert not revoked.covers(item_id, day)


@given(kit.seals(), kit.days(), kit.days(), kit.days())
def test_a_seal_is_active_on_one_unbroken_run_of_days(
    seal: Seal, a: dt.date, b: dt.date, c: dt.date
) -> None:
    first, middle, last = sorted((a, b, c))
    if seal.active(first) and seal.active(last):
        assert seal.active(middle)
    if seal.active(middle):
        assert seal.activated_on is not None
        assert seal.activated_on <= middle
        assert seal.abolished_on is None or middle < seal.abolished_on


@given(
    kit.amount_rules(kinds=[RuleKind.PER_UNIT, RuleKind.TIERED]),
    st.decimals(min_value=0, max_value=10_000, places=2),
    st.decimals(min_value=0, max_value=10_000, places=2),
)
def test_charges_grow_with_the_quantity(rule: AmountRule, p: Decimal, q: Decimal) -> None:
    small, large = sorted((p, q))
    assert rule.charge(Decimal(0)) == 0
    assert rule.charge(small) <= rule.charge(large)
    assert rule.allows(rule.charge(large), large)


@WORLDS
@given(kit.jurisdictions(valid_only=False), st.data())
def test_jurisdiction_indexes_agree_with_linear_scans(j: Jurisdiction, data: st.DataObject) -> None:
    # Worlds with violations resolve every reference too.
    assert_references_resolve(j)
    items = j.catalogue.items if j.catalogue is not None else ()
    known = [
        *(d.id for d in j.departments),
        *(i.id for i in items),
        *(p.id for p in j.officials),
        *(s.id for s in j.hall.sites),
        *(w.id for w in j.hall.windows),
        *(letter.id for letter in j.letters),
        *(s.id for s in j.seals),
        *(f.id for f in j.fee_schedules),
        *(a.id for a in j.applications),
        *(s.id for s in j.sections),
    ]
    key = data.draw(st.sampled_from([*known, "no-such-id"]))

    def scan(values: Any, attribute: str = "id") -> Any:
        return next((v for v in values if getattr(v, attribute) == key), None)

    assert j.department(key) == scan(j.departments)
    assert j.item(key) == scan(items)
    assert j.official(key) == scan(j.officials)
    assert j.site(key) == scan(j.hall.sites)
    assert j.window(key) == scan(j.hall.windows)
    assert j.section(key) == scan(j.sections)
    assert j.letter(key) == scan(j.letters)
    assert j.seal(key) == scan(j.seals)
    assert j.fee_schedule(key) == scan(j.fee_schedules)
    assert j.application(key) == scan(j.applications)
    assert j.office_of(key) == scan(j.offices, "department_id")
    assert j.items_of(key) == tuple(i for i in items if i.department_id == key)
    assert j.letters_of(key) == tuple(x for x in j.letters if x.department_id == key)
    assert j.seals_of(key) == tuple(s for s in j.seals if s.department_id == key)
    assert j.applications_for(key) == tuple(a for a in j.applications if key in a.item_ids)
    day = data.draw(kit.days())
    effective = [cat for cat in j.catalogues if cat.effective_on <= day]
    assert j.catalogue_on(day) == (effective[-1] if effective else None)


# ====================================================================== consistent worlds
def _deciding_department(j: Jurisdiction, case: Application) -> str:
    item = j.item(case.item_ids[0])
    assert item is not None
    return item.lead_department_id if item.joint and item.lead_department_id else item.department_id


def assert_references_resolve(j: Jurisdiction) -> None:
    """Everything the kit promises of every world, valid or not."""
    departments = {d.id: d for d in j.departments}
    sites = {s.id: s for s in j.hall.sites}
    windows = {w.id: w for w in j.hall.windows}
    assert j.catalogue is not None
    for d in j.departments:
        head = j.official(d.head_id or "")
        assert head is not None
        assert (head.role, head.department_id) == (Role.HEAD, d.id)
        offices = [o for o in j.offices if o.department_id == d.id]
        assert len(offices) == 1
        director = j.official(offices[0].director_id or "")
        assert director is not None
        assert (director.role, director.department_id) == (Role.OFFICE_DIRECTOR, d.id)
        assert director.unit_id == offices[0].id
        (letter,) = j.letters_of(d.id)
        assert (letter.grantor_id, letter.grantee_id) == (head.id, director.id)
        dedicated = [s for s in j.seals_of(d.id) if s.kind is SealKind.DEDICATED_APPROVAL]
        assert len(dedicated) == 1
        assert 1 <= len([w for w in windows.values() if w.department_id == d.id]) <= 2
        schedules = [f for f in j.fee_schedules if f.department_id == d.id]
        assert len(schedules) == int(d.fee_powers)
    units = {o.id: o.department_id for o in j.offices} | {s.id: s.department_id for s in j.sections}
    for official in j.officials:
        assert official.department_id in departments
        assert official.unit_id is None or units[official.unit_id] == official.department_id
    for window in windows.values():
        assert window.site_id in sites
        assert window.department_id in departments
    for version, catalogue in enumerate(j.catalogues, start=1):
        assert catalogue.version == version
        assert [p.published_on for p in catalogue.publications] == [catalogue.effective_on]
        if version > 1:
            remade = j.catalogues[version - 2].apply(
                catalogue.changes,
                effective_on=catalogue.effective_on,
                publications=catalogue.publications,
            )
            assert remade == catalogue
        for item in catalogue.items:
            assert item.department_id in departments
            if item.fee_schedule_id is not None:
                schedule = j.fee_schedule(item.fee_schedule_id)
                assert schedule is not None
                assert schedule.department_id == item.department_id
            if item.joint:
                assert item.lead_department_id == item.department_id
                assert 1 <= len(item.co_department_ids) <= 2
                assert set(item.co_department_ids) <= set(departments) - {item.department_id}
    assert j.reform_plan is not None
    assert sorted(c.department_id for c in j.acceptance_checks) == sorted(departments)
    for case in j.applications:
        assert_case_references_resolve(j, case)
    for complaint in j.complaints:
        assert complaint.department_id in departments
        if complaint.application_id is not None:
            case = j.application(complaint.application_id)
            assert case is not None
            item = j.item(case.item_ids[0])
            assert item is not None
            assert item.department_id == complaint.department_id


def assert_case_references_resolve(j: Jurisdiction, case: Application) -> None:
    """Every id a case names exists, in the right department; its order is legal and its
    clocks can be computed."""
    (item_id,) = case.item_ids
    item = j.item(item_id)
    assert item is not None
    did = _deciding_department(j, case)
    assert case.lead_department_id == (did if item.joint else None)
    staff = {p.id for p in j.officials if p.department_id == did}
    sites = {s.id for s in j.hall.sites}
    windows = {w.id for w in j.hall.windows if w.department_id == did}
    units = {o.id for o in j.offices if o.department_id == did} | {
        s.id for s in j.sections if s.department_id == did
    }
    assert case.site_id is None or case.site_id in sites
    order = "".join(EVENT_CODES[type(e)] for e in case.events)
    assert ANY_ORDER.fullmatch(order), order
    days = [e.on for e in case.events]
    assert days == sorted(days)
    for event in case.events:
        if isinstance(event, (Submitted, Accepted)):
            assert event.site_id is None or event.site_id in sites
            assert event.window_id is None or event.window_id in windows
        if isinstance(event, (SupplementRequested, NotAccepted, Accepted)):
            assert event.official_id is None or event.official_id in staff
        if isinstance(event, Extended):
            assert event.approved_by is None or event.approved_by in staff
        if isinstance(event, OpinionGiven):
            assert event.department_id in item.co_department_ids
            office = j.office_of(event.department_id)
            assert office is not None
            assert event.official_id == office.director_id
        if isinstance(event, Decided):
            assert event.department_id == did
            assert event.official_id is None or event.official_id in staff
            assert event.site_id is None or event.site_id in sites
            assert event.unit_id is None or event.unit_id in units
            assert event.letter_id is None or event.letter_id in {x.id for x in j.letters_of(did)}
            assert event.seal_id is None or event.seal_id in {x.id for x in j.seals_of(did)}
        if isinstance(event, FeePaid):
            payment = event.payment
            assert payment.schedule_id == item.fee_schedule_id
            schedule = j.fee_schedule(payment.schedule_id or "")
            assert schedule is not None
            assert schedule.standard(payment.standard_id or "") is not None
            assert payment.site_id is None or payment.site_id in sites
    line = Timeline.for_items(case, [item], as_of=case.events[-1].on, calendar=CAL)
    assert line.problems == ()
    for period in (line.statutory, line.promised):
        assert period is None or isinstance(period.due, Dated) or period.clock.suspended
    for event in case.events:
        # Every due day a rule may ask for has official calendar data.
        assert intake_due(event.on, calendar=CAL) > event.on
        assert delivery_due(event.on, calendar=CAL) > event.on


def assert_valid(j: Jurisdiction, start: dt.date, end: dt.date) -> None:
    """Everything ``valid_only=True`` guarantees (the kit's documentation, 1-14)."""
    plan = j.reform_plan
    assert plan is not None
    phase = {p.number: p for p in plan.phases}

    def within(day: dt.date | None, number: int) -> bool:
        return day is not None and phase[number].starts_on <= day <= phase[number].ends_on

    for office in j.offices:
        entries = (office.institution_entered_on, office.staff_entered_on, office.items_entered_on)
        assert within(office.established_on, 2)
        assert all(within(day, 4) for day in entries)
        director = j.official(office.director_id or "")
        assert director is not None
        assert director.civil_servant
        first_entry = min(d for d in entries if d is not None)
        (dedicated,) = [
            s for s in j.seals_of(office.department_id) if s.kind is SealKind.DEDICATED_APPROVAL
        ]
        assert dedicated.activated_on is not None
        assert office.established_on is not None
        assert office.established_on <= dedicated.activated_on < first_entry
        assert dedicated.abolished_on is None
        for seal in j.seals_of(office.department_id):
            if seal is not dedicated:
                assert seal.kind in (SealKind.SECTION_APPROVAL, SealKind.OTHER_APPROVAL)
                assert seal.abolished_on == dedicated.activated_on
        (letter,) = j.letters_of(office.department_id)
        assert letter.item_ids == ()
        assert office.established_on <= letter.signed_on == letter.valid_from < first_entry
        assert letter.valid_to is None
        assert letter.revoked_on is None
    assert all(SectionFunction.APPROVAL not in s.functions for s in j.sections)
    for check in j.acceptance_checks:
        assert within(check.checked_on, 5)
        assert check.failed(plan) == ()
    for window in j.hall.windows:
        site = j.site(window.site_id)
        assert site is not None
        assert site.kind.inside_hall
        assert within(window.opened_on, 3)
        assert window.closed_on is None
    for catalogue in j.catalogues:
        for item in catalogue.items:
            assert item.statutory_limit.unit is TimeUnit.WORKDAYS
            assert item.statutory_limit.amount <= (45 if item.joint else 20)
            assert item.promised_limit.unit is TimeUnit.WORKDAYS
            assert item.promised_limit.amount <= item.statutory_limit.amount
            assert item.legal_basis
            assert item.materials
            assert item.conditions
            assert item.procedure
            assert item.seal_exception == ""
            if item.kind is ItemKind.LICENSING:
                assert all(b.level in LICENSING_LEVELS for b in item.legal_basis)
            if item.kind is ItemKind.FEE:
                assert item.fee_schedule_id is not None
    for schedule in j.fee_schedules:
        for standard in schedule.standards:
            assert any(b.level in FEE_LEVELS for b in standard.legal_basis)
            assert within(standard.published_on, 2)
    for case in j.applications:
        assert_valid_case(j, case, start, end)
    for complaint in j.complaints:
        assert complaint.handled_on is not None
        assert complaint.handled_on <= CAL.add_workdays(complaint.received_on, 5)


def assert_valid_case(j: Jurisdiction, case: Application, start: dt.date, end: dt.date) -> None:
    """Guarantees 7-13 for one case."""
    item = j.item(case.item_ids[0])
    assert item is not None
    did = _deciding_department(j, case)
    office = j.office_of(did)
    department = j.department(did)
    assert office is not None
    assert department is not None
    order = "".join(EVENT_CODES[type(e)] for e in case.events)
    assert VALID_ORDER.fullmatch(order), order
    # 7. the item, the days, the applicant
    submitted = case.submitted_on
    assert start <= submitted <= end
    versions = [c for c in j.catalogues if c.effective_on <= submitted]
    assert versions
    for catalogue in j.catalogues[len(versions) - 1 :]:
        found = catalogue.get(item.id)
        assert found is not None
        assert found.status is ItemStatus.ACTIVE
    assert all(CAL.is_workday(e.on) for e in case.events)
    assert case.applicant.identifier_valid is not False
    assert case.state in ("delivered", "not_accepted", "withdrawn")
    # 8. intake
    requests = [e for e in case.events if isinstance(e, SupplementRequested)]
    assert len(requests) <= 1
    for request in requests:
        assert request.on <= intake_due(submitted, calendar=CAL)
        assert set(request.missing) <= {m.name for m in item.materials}
    received = case.last(Supplemented).on if case.first(Supplemented) else submitted
    answer = case.first(Accepted) or case.first(NotAccepted)
    if answer is not None:
        assert answer.on <= intake_due(received, calendar=CAL)
    accepted = case.first(Accepted)
    if accepted is not None:
        window = j.window(accepted.window_id or "")
        site = j.site(accepted.site_id or "")
        assert window is not None
        assert site is not None
        assert window.department_id == did
        assert window.site_id == site.id
        assert site.kind.inside_hall
        clerk = j.official(accepted.official_id or "")
        assert clerk is not None
        assert clerk.unit_id == office.id
    # 9-10. review and decision
    decision = case.decision
    line = Timeline.for_items(case, [item], as_of=case.events[-1].on, calendar=CAL)
    assert all(step.faults == () for step in line.steps)
    for event in case.events:
        if isinstance(event, Suspended):
            assert event.reason is not None
            assert event.reason is not Suspension.OTHER or event.basis.strip()
        if isinstance(event, Extended):
            assert event.approved_by == department.head_id
            assert event.reason.strip()
    if decision is None:
        return
    assert accepted is not None
    assert line.accepted is not None
    assert line.accepted.on == accepted.on
    assert line.decisions
    for judged in line.decisions:
        assert judged.statutory is not None
        assert judged.statutory.verdict is Verdict.ON_TIME
        assert judged.promised is None or judged.promised.verdict is Verdict.ON_TIME
    if item.handling is HandlingType.INSTANT:
        assert decision.on == accepted.on
    opinions = [e for e in case.events if isinstance(e, OpinionGiven)]
    assert sorted(o.department_id for o in opinions) == sorted(item.co_department_ids)
    if any(o.outcome is Outcome.DENIED for o in opinions):
        assert decision.outcome is Outcome.DENIED
    if decision.outcome is Outcome.DENIED:
        assert decision.reasons.strip()
    assert (decision.department_id, decision.unit_id) == (did, office.id)
    assert decision.official_id == office.director_id
    assert decision.site_id == accepted.site_id
    assert office.entered(decision.on)
    letter = j.letter(decision.letter_id or "")
    seal = j.seal(decision.seal_id or "")
    assert letter is not None
    assert seal is not None
    assert letter.department_id == did
    assert letter.covers(item.id, decision.on)
    assert (seal.department_id, seal.kind) == (did, SealKind.DEDICATED_APPROVAL)
    assert seal.active(decision.on)
    # 11-12. fees and delivery
    delivered = case.last(Delivered)
    assert delivered is not None
    assert delivered.on <= delivery_due(decision.on, calendar=CAL)
    payments = [e for e in case.events if isinstance(e, FeePaid)]
    assert len(payments) <= (1 if decision.outcome is Outcome.APPROVED else 0)
    for paid in payments:
        payment = paid.payment
        assert decision.on <= paid.on <= delivered.on
        assert payment.collected_at.unified
        if payment.collected_at is CollectionPoint.HALL_CASHIER:
            cashier = j.site(payment.site_id or "")
            assert cashier is not None
            assert cashier.kind is SiteKind.MAIN_HALL
        else:
            assert payment.site_id is None
        schedule = j.fee_schedule(payment.schedule_id or "")
        assert schedule is not None
        standard = schedule.standard(payment.standard_id or "")
        assert standard is not None
        assert standard.rule.allows(payment.amount, payment.quantity)
        assert not payment.waived
        assert standard.published_on is not None
        assert standard.published_on <= paid.on


@WORLDS
@given(kit.jurisdictions())
def test_a_valid_world_keeps_every_promise_of_valid_only(j: Jurisdiction) -> None:
    assert_references_resolve(j)
    assert_valid(j, kit.DEFAULT_START, kit.DEFAULT_END)


@WORLDS
@given(
    kit.jurisdictions(
        max_departments=2,
        max_applications=3,
        start=dt.date(2005, 3, 1),
        end=dt.date(2005, 12, 31),
    )
)
def test_a_world_before_the_seed_plan_moves_the_plan_before_its_cases(j: Jurisdiction) -> None:
    assert j.reform_plan is not None
    assert j.reform_plan.phases[-1].ends_on < dt.date(2005, 3, 1)
    assert_references_resolve(j)
    assert_valid(j, dt.date(2005, 3, 1), dt.date(2005, 12, 31))


@WORLDS
@given(kit.jurisdictions(max_applications=0, max_complaints=0), st.data())
def test_cases_drawn_for_an_existing_world_keep_its_promises(
    j: Jurisdiction, data: st.DataObject
) -> None:
    eligible = [i for i in j.catalogue.items if i.status is ItemStatus.ACTIVE]  # type: ignore[union-attr]
    cases = []
    for _ in range(3):
        case = data.draw(kit.applications(j, id_prefix="X"))
        if case.id not in {c.id for c in cases}:
            cases.append(case)
    world = j.with_applications(cases)
    assert all(c.id.startswith("X") and c.item_ids[0] in {i.id for i in eligible} for c in cases)
    with pytest.raises(InvalidValue) as caught:
        kit.applications(j, item_id="no-such-item")
    assert caught.value.field == "item_id"
    assert_references_resolve(world)
    assert_valid(world, kit.DEFAULT_START, kit.DEFAULT_END)


@CASES
@given(kit.histories())
def test_histories_begin_with_the_submission_and_follow_the_legal_order(
    events: tuple[Event, ...],
) -> None:
    assert isinstance(events[0], Submitted)
    assert VALID_ORDER.fullmatch("".join(EVENT_CODES[type(e)] for e in events))


@CASES
@given(kit.applications(valid_only=False))
def test_any_case_keeps_an_order_its_clocks_can_follow(case: Application) -> None:
    assert ANY_ORDER.fullmatch("".join(EVENT_CODES[type(e)] for e in case.events))
    line = Timeline.for_items(case, [None], as_of=case.events[-1].on, calendar=CAL)
    assert [p for p in line.problems if p.kind == "history"] == []
