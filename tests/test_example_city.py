"""The bundled example city (青岚市) has the seed's shape, the violations it claims, and is
exactly what ``examples/make_city.py`` generates.

Violations are found here by reading the data directly (clocks, letters, seals, sites),
independently of the generator's own labels, and must equal the labels in
``violations.json`` case for case.
"""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from shenpi import io
from shenpi.applications import (
    EVENT_TYPES,
    Accepted,
    FeePaid,
    NotAccepted,
    OpinionGiven,
    SupplementRequested,
    Suspended,
)
from shenpi.calendar import WorkCalendar
from shenpi.examples import example_city_paths, load_example_city
from shenpi.items import ChangeKind, HandlingType, ItemKind, LegalLevel
from shenpi.jurisdiction import Jurisdiction
from shenpi.organization import SectionFunction, SiteKind
from shenpi.seals import SealKind
from shenpi.timeline import Timeline
from shenpi.timing import TimeUnit
from timeline_oracle import read

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "examples" / "city"
D = dt.date


def _load_generator() -> ModuleType:
    path = ROOT / "examples" / "make_city.py"
    spec = importlib.util.spec_from_file_location("make_city", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_city"] = module
    spec.loader.exec_module(module)
    return module


make_city = _load_generator()


@pytest.fixture(scope="module")
def city() -> Jurisdiction:
    return load_example_city()


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_city_paths().violations.read_text("utf-8"))
    return data


def detect(j: Jurisdiction) -> dict[str, set[str]]:
    """Each case violation, read from the data the way a rule would."""
    cal = WorkCalendar.official()
    listed = {item.id for catalogue in j.catalogues for item in catalogue.items}
    sections = {section.id for section in j.sections}
    found: dict[str, set[str]] = {kind: set() for kind in make_city.CASE_VIOLATIONS}
    first, last = cal.coverage
    for case in j.applications:
        start = catalogue = None
        if any(isinstance(e, Suspended) and e.reason is None for e in case.events):
            found["unfounded_suspension"].add(case.id)
        for event in case.events:
            if isinstance(event, FeePaid) and not event.payment.collected_at.unified:
                found["fee_outside_hall"].add(case.id)
        decision = case.decision
        if any(item_id not in listed for item_id in case.item_ids):
            found["not_in_catalogue"].add(case.id)
        elif case.accepted_on is not None or decision is not None:
            # The day-by-day oracle (tests/timeline_oracle.py), independent of the
            # timeline: first the start of the decision period, then the limits of the
            # item that governs it in the catalogue in effect that day (art. 32 (1);
            # the joint item in joint handling, art. 42 ¶2).
            def reading(
                limits: tuple[int, int], units: tuple[str, str], cap: int, events: Any = case.events
            ) -> Any:
                return read(
                    events,
                    *limits,
                    as_of=dt.date(2026, 12, 31),
                    is_workday=cal.is_workday,
                    first=first,
                    last=last,
                    units=units,
                    cap=cap,
                )

            start = reading((1, 1), ("workdays", "workdays"), 10).start
            answer = next(
                (
                    e
                    for e in case.events
                    if isinstance(e, (Accepted, NotAccepted, SupplementRequested))
                ),
                None,
            )
            intake = reading((1, 1), ("workdays", "workdays"), 10).intake_due
            if isinstance(answer, SupplementRequested) and answer.on > intake:
                found["late_supplement"].add(case.id)
            catalogue = None if start is None else j.catalogue_on(start)
        if start is not None and catalogue is not None:
            items = [catalogue.get(i) for i in case.item_ids]
            joint = [i for i in items if i is not None and i.joint]
            item = (joint or items)[0]
            assert item is not None
            s, p = item.statutory_limit, item.promised_limit
            law = reading((s.amount, p.amount), (s.unit.value, p.unit.value), 15 if joint else 10)
            extensions = [st for st in law.steps if st.kind == "extend"]
            if extensions and not extensions[0].moves:
                found["late_extension"].add(case.id)
            if len(extensions) > 1:
                found["second_extension"].add(case.id)
            for judged in law.decisions:
                if judged.statutory.late:
                    found["late_law"].add(case.id)
                elif judged.promised.late:
                    found["late_promise"].add(case.id)
        if decision is None:
            continue
        if case.accepted_on is None:
            found["without_acceptance"].add(case.id)
        assert decision.site_id is not None
        site = j.site(decision.site_id)
        assert site is not None
        if not site.kind.inside_hall:
            found["outside_hall"].add(case.id)
        if decision.unit_id in sections:
            found["section_decides"].add(case.id)
        letter = None if decision.letter_id is None else j.letter(decision.letter_id)
        if decision.letter_id is None:
            found["decision_without_letter"].add(case.id)
        elif letter is None or not letter.in_force(decision.on):
            found["expired_letter"].add(case.id)
        seal = None if decision.seal_id is None else j.seal(decision.seal_id)
        if seal is None or not seal.active(decision.on):
            found["abolished_seal"].add(case.id)
    return found


# ------------------------------------------------------------------ shape
def test_the_city_has_47_departments_34_in_the_hall_and_vertical_ones(city: Jurisdiction) -> None:
    assert len(city.departments) == 47
    entered = [o for o in city.offices if o.institution_entered_on is not None]
    with_windows = {w.department_id for w in city.hall.windows}
    assert len(entered) == len(with_windows) == 34
    vertical = {d.name for d in city.departments if d.vertical}
    assert {"国家税务总局青岚市税务局", "青岚市气象局", "青岚市烟草专卖局"} <= vertical
    assert any(d.vertical and d.id in with_windows for d in city.departments)
    assert any(d.vertical and d.id not in with_windows for d in city.departments)


def test_some_offices_entered_the_hall_only_in_part(city: Jurisdiction) -> None:
    partly = [
        o
        for o in city.offices
        if o.institution_entered_on is not None and not o.entered(D(2026, 12, 31))
    ]
    assert any(o.items_entered_on is None for o in partly)
    assert any(o.staff_entered_on is None for o in partly)


def test_the_hall_has_sub_centers_and_connects_to_other_halls(city: Jurisdiction) -> None:
    kinds = Counter(site.kind for site in city.hall.sites)
    assert kinds[SiteKind.MAIN_HALL] == 1
    assert 3 <= kinds[SiteKind.SUB_CENTER] <= 4
    assert kinds[SiteKind.PROVINCIAL_HALL] == 1
    assert kinds[SiteKind.DEPARTMENT_PREMISES] > 0


def test_people_sections_letters_seals_and_fees_include_the_bad_ones(
    city: Jurisdiction,
) -> None:
    directors = [o for o in city.officials if o.id in {f.director_id for f in city.offices}]
    assert any(not d.civil_servant for d in directors)
    assert sum(d.civil_servant for d in directors) > 40
    assert any(SectionFunction.APPROVAL in s.functions for s in city.sections)
    assert {d.id for d in city.departments} - {letter.department_id for letter in city.letters}
    assert any(letter.revoked_on is not None for letter in city.letters)
    assert any(not letter.full_scope for letter in city.letters)
    assert any(
        letter.valid_to is not None and letter.valid_to < D(2024, 1, 1) for letter in city.letters
    )
    dedicated = [s for s in city.seals if s.kind is SealKind.DEDICATED_APPROVAL]
    assert len(dedicated) == 47
    old = [s for s in city.seals if s.kind in (SealKind.DEPARTMENT, SealKind.SECTION_APPROVAL)]
    assert sum(s.abolished_on is None for s in old) in range(1, len(old) // 4)
    rules = {std.rule.kind for schedule in city.fee_schedules for std in schedule.standards}
    assert len(rules) == 4
    assert any(
        not any(
            b.level in (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)
            for b in std.legal_basis
        )
        for schedule in city.fee_schedules
        for std in schedule.standards
    )


def test_the_catalogue_has_two_versions_made_by_apply(city: Jurisdiction) -> None:
    first, second = city.catalogues
    assert 300 <= len(first.items) <= 400
    assert 300 <= len(second.items) <= 400
    assert {c.kind for c in second.changes} == set(ChangeKind)
    assert first.publications
    assert second.publications
    redone = first.apply(
        second.changes, effective_on=second.effective_on, publications=second.publications
    )
    assert redone == second


def test_the_catalogue_has_every_kind_and_its_irregular_items(city: Jurisdiction) -> None:
    items = [item for catalogue in city.catalogues for item in catalogue.items]
    assert {item.kind for item in items} == set(ItemKind)
    kinds = Counter(item.kind for item in city.catalogues[0].items)
    assert kinds.most_common(1)[0][0] is ItemKind.LICENSING
    joint = [item for item in items if item.joint]
    assert joint
    assert all(i.statutory_limit.amount == 45 and i.co_department_ids for i in joint)
    instant = [item for item in items if item.handling is HandlingType.INSTANT]
    assert all(item.promised_limit.unit is TimeUnit.HOURS for item in instant)
    assert 0 < len({item.id for item in instant}) < len(city.catalogues[0].items) // 10
    assert any(item.seal_exception for item in items)
    assert any(item.fee_schedule_id for item in items)
    over = [
        item
        for item in items
        if item.promised_limit.unit is item.statutory_limit.unit
        and item.promised_limit.amount > item.statutory_limit.amount
    ]
    assert 0 < len({item.id for item in over}) <= 5
    fee_items = [item for item in items if item.kind is ItemKind.FEE]
    strong = (LegalLevel.LAW, LegalLevel.ADMINISTRATIVE_REGULATION)
    unfounded = [i for i in fee_items if not any(b.level in strong for b in i.legal_basis)]
    assert 0 < len(unfounded) < len(fee_items) // 3


# ------------------------------------------------------------------ cases
def test_applicants_carry_valid_identifiers(city: Jurisdiction) -> None:
    assert all(case.applicant.identifier_valid for case in city.applications)
    assert len({case.applicant.type for case in city.applications}) == 3


def test_every_event_type_and_channel_occur(city: Jurisdiction) -> None:
    seen = {type(event) for case in city.applications for event in case.events}
    assert seen == set(EVENT_TYPES)
    assert len({case.channel for case in city.applications}) >= 2


def test_cases_stay_inside_the_window_and_the_calendar(city: Jurisdiction) -> None:
    cal = WorkCalendar.official()
    assert len(city.applications) == 3000
    for case in city.applications:
        assert D(2024, 1, 1) <= case.submitted_on <= D(2026, 10, 31)
        assert all(event.on <= D(2026, 12, 31) for event in case.events)
        line = Timeline.of(case, city, as_of=D(2026, 12, 31), calendar=cal)
        if line.item is not None and line.statutory is not None:
            assert line.statutory.due is not None
            assert line.statutory.due.on <= D(2026, 12, 31)


def test_parallel_cases_carry_every_co_departments_opinion(city: Jurisdiction) -> None:
    parallel = [case for case in city.applications if case.lead_department_id is not None]
    assert len(parallel) > 20
    for case in parallel:
        item = city.catalogues[-1].get(case.item_ids[0]) or city.catalogues[0].get(case.item_ids[0])
        assert item is not None
        assert item.joint
        given = {e.department_id for e in case.events if isinstance(e, OpinionGiven)}
        if case.decision is not None:
            assert given == set(item.co_department_ids)
            assert all(e.on <= case.decision.on for e in case.events if isinstance(e, OpinionGiven))


def test_fewer_cases_arrive_around_the_spring_festival(city: Jurisdiction) -> None:
    def arrivals(first: dt.date, last: dt.date) -> int:
        return sum(first <= case.submitted_on <= last for case in city.applications)

    festival = arrivals(D(2025, 1, 20), D(2025, 2, 9))
    march = arrivals(D(2025, 3, 3), D(2025, 3, 23))
    assert festival < march * 0.6


# ------------------------------------------------------------------ violations
def test_each_violation_kind_occurs_and_equals_its_label(
    city: Jurisdiction, manifest: dict[str, Any]
) -> None:
    found = detect(city)
    for kind, ids in found.items():
        assert ids, f"no case shows {kind}"
        assert ids == set(manifest["cases"][kind]), kind
        assert len(ids) < len(city.applications) * 0.06, kind


def test_the_reference_violations_are_listed(manifest: dict[str, Any]) -> None:
    assert set(manifest["reference"]) == set(make_city.REFERENCE_VIOLATIONS)
    assert all(manifest["reference"].values())


def test_most_cases_break_no_rule(city: Jurisdiction, manifest: dict[str, Any]) -> None:
    flagged = {case_id for ids in manifest["cases"].values() for case_id in ids}
    assert 0.6 * len(city.applications) < len(city.applications) - len(flagged)


# ------------------------------------------------------------------ reproducibility
def _dumped(j: Jurisdiction) -> str:
    return io.dumps_reference(j) + "".join(io.dumps_application(a) for a in j.applications)


def test_the_generator_is_deterministic() -> None:
    first = make_city.build_city(seed=11, applications=50)
    second = make_city.build_city(seed=11, applications=50)
    assert first == second
    assert _dumped(first) == _dumped(second)
    assert make_city.build_city(seed=12, applications=50) != first


def test_the_bundled_city_is_what_the_generator_makes(city: Jurisdiction) -> None:
    fresh = make_city.build_city()
    assert fresh == city, "the bundled city is stale: run python examples/make_city.py --bundle"


def test_the_package_copy_equals_the_examples_copy() -> None:
    paths = example_city_paths()
    for name, path in (("reference.json", paths.reference), ("violations.json", paths.violations)):
        assert path.read_bytes() == (EXAMPLE_DIR / name).read_bytes(), name
    packaged = gzip.decompress(paths.applications.read_bytes())
    assert packaged == (EXAMPLE_DIR / "applications.jsonl").read_bytes()


def test_the_cases_stream_through_io_in_submission_order() -> None:
    days = [case.submitted_on for case in io.iter_applications(example_city_paths().applications)]
    assert len(days) == 3000
    assert days == sorted(days)
