"""Every rule, specified by its violation: a valid world yields no finding of any rule, and
a targeted mutation that introduces exactly one rule's violation yields exactly that
rule's finding, about the right subject, and no other.

The mutators are the kit's (``shenpi.testing.MUTATORS``); a new rule without a mutator
fails ``test_every_rule_has_a_mutator`` and its case of the parametrized tests.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shenpi import testing as kit
from shenpi.applications import Accepted, Decided, Outcome, Submitted
from shenpi.calendar import WorkCalendar
from shenpi.calendar.bounds import envelope
from shenpi.errors import InvalidType, InvalidValue
from shenpi.items import ItemKind
from shenpi.jurisdiction import Jurisdiction
from shenpi.reform import Milestone
from shenpi.rules import RuleSet, Severity, Subject, check

CODES = [r.code for r in RuleSet.default()]
LAST_DAY = kit.LAST_DAY
PER_RULE = settings(max_examples=12)
SMALL_WORLDS = kit.jurisdictions(max_departments=3, max_applications=5, max_complaints=2)


def _findings(world: Jurisdiction, as_of: dt.date, **options: object) -> list[tuple[str, Subject]]:
    return [(f.code, f.subject) for f in check(world, as_of=as_of, **options)]  # type: ignore[arg-type]


# ====================================================================== the registry
def test_every_rule_has_a_mutator() -> None:
    assert sorted(kit.MUTATORS) == sorted(CODES)


def test_every_mutator_says_what_it_changes() -> None:
    for code, mutator in kit.MUTATORS.items():
        assert (mutator.__doc__ or "").strip(), code
        assert mutator.__name__ == f"inject_{code}"


# ====================================================================== valid worlds
@given(kit.jurisdictions(), st.data())
def test_a_valid_world_has_no_finding_of_any_rule(world: Jurisdiction, data: st.DataObject) -> None:
    days = [kit.audit_day(world), LAST_DAY]
    assert world.reform_plan is not None
    days += [p.ends_on for p in world.reform_plan.phases if p.milestone is Milestone.OFFICES_ENTER]
    days += [e.on for case in world.applications for e in case.events]
    as_of = data.draw(st.sampled_from(days), label="as_of")
    assert check(world, as_of=as_of).findings == ()


@settings(max_examples=20)
@given(SMALL_WORLDS)
def test_the_audit_day_follows_every_dated_fact(world: Jurisdiction) -> None:
    day = kit.audit_day(world)
    assert day <= LAST_DAY
    events = [e.on for case in world.applications for e in case.events]
    assert all(on <= day for on in events)
    assert day == LAST_DAY or day - max([*events, world.catalogues[-1].effective_on]) >= (
        kit.mutators.AUDIT_AFTER
    )


# ====================================================================== one violation each
@pytest.mark.parametrize("code", CODES)
@PER_RULE
@given(data=st.data())
def test_injecting_a_violation_yields_exactly_its_finding(code: str, data: st.DataObject) -> None:
    injection = data.draw(kit.violations(code), label="injection")
    assert injection.code == code
    # The world it was injected into (with what the mutator added to host it) is clean.
    assert check(injection.before, as_of=injection.as_of).findings == ()
    assert _findings(injection.world, injection.as_of) == [(code, injection.subject)]


@pytest.mark.parametrize("code", CODES)
@settings(max_examples=3)
@given(world=SMALL_WORLDS, seed=st.integers(0, 2**16))
def test_a_mutator_works_from_a_seed_and_from_no_choice_at_all(
    code: str, world: Jurisdiction, seed: int
) -> None:
    for data in (random.Random(seed), None):
        try:
            injection = kit.inject(world, code, data)
        except kit.NoTarget:
            assert code == "SEAL003"
            assert len(world.departments) == 1
            continue
        assert _findings(injection.world, injection.as_of) == [(code, injection.subject)]
        again = kit.inject(world, code, random.Random(seed) if data is not None else None)
        assert again == injection


@PER_RULE
@given(kit.violations("HALL007"))
def test_selecting_or_ignoring_the_rule_keeps_or_drops_its_finding(
    injection: kit.Injection,
) -> None:
    world, as_of = injection.world, injection.as_of
    assert _findings(world, as_of, select=["HALL007"]) == [("HALL007", injection.subject)]
    assert _findings(world, as_of, select=["HALL"], ignore=["HALL007"]) == []
    assert _findings(world, as_of, ignore=["HALL"]) == []


@PER_RULE
@given(kit.worlds_with("SEAL002"))
def test_worlds_with_a_code_hold_exactly_that_violation(world: Jurisdiction) -> None:
    assert [f.code for f in check(world, as_of=kit.audit_day(world))] == ["SEAL002"]


@PER_RULE
@given(kit.violations("HALL004"), kit.violations("TIME013"))
def test_a_violation_visible_on_one_day_only_comes_with_that_day(
    entry: kit.Injection, open_case: kit.Injection
) -> None:
    # An office outside the hall after the entering phase is also REFORM001's (a missed
    # phase): the injection audits on that phase's last day, when only HALL004 applies.
    plan = entry.world.reform_plan
    assert plan is not None
    (phase,) = [p for p in plan.phases if p.milestone is Milestone.OFFICES_ENTER]
    assert entry.as_of == phase.ends_on
    office = next(o for o in entry.world.offices if o.department_id == entry.subject.id)
    later = kit.audit_day(entry.world)
    if office.institution_entered_on is None:
        # Still outside when audited later: both the state and the missed phase.
        expected = [("HALL004", entry.subject), ("REFORM001", entry.subject)]
    else:
        # Entered late, before the later audit: only the missed phase remains.
        expected = [("REFORM001", entry.subject)]
    assert _findings(entry.world, later) == expected
    # An open case is late against the promise only until the statutory due day passes.
    assert open_case.as_of <= LAST_DAY
    assert _findings(open_case.world, open_case.as_of) == [("TIME013", open_case.subject)]


# ====================================================================== misuse
ONE_DEPARTMENT = kit.jurisdictions(max_departments=1, max_applications=3, max_complaints=1)


@settings(max_examples=5)
@given(ONE_DEPARTMENT)
def test_a_code_without_a_mutator_is_refused(world: Jurisdiction) -> None:
    with pytest.raises(InvalidValue) as caught:
        kit.inject(world, "HALL999")
    assert caught.value.field == "code"
    with pytest.raises(InvalidValue):
        kit.violations("NOPE")


@settings(max_examples=5)
@given(ONE_DEPARTMENT)
def test_choices_come_from_data_a_random_or_nothing(world: Jurisdiction) -> None:
    with pytest.raises(InvalidType) as caught:
        kit.inject(world, "CAT001", data=7)  # type: ignore[arg-type]
    assert caught.value.field == "data"
    with pytest.raises(InvalidType):
        kit.MUTATORS["CAT001"]("world", None)  # type: ignore[arg-type]


@settings(max_examples=5)
@given(ONE_DEPARTMENT)
def test_another_departments_seal_needs_another_department(world: Jurisdiction) -> None:
    with pytest.raises(kit.NoTarget) as caught:
        kit.inject(world, "SEAL003")
    assert caught.value.value == "SEAL003"


# ====================================================================== TIME000
# TIME000 is the engine's: a case rule that needs a working day the calendar has no data
# for is reported as TIME000 naming that rule. The official calendar ends on 2026-12-31;
# a case received on its last working day has an intake period that runs past it.
@settings(max_examples=5)
@given(SMALL_WORLDS)
def test_a_case_past_the_calendars_data_is_reported_as_no_data(world: Jurisdiction) -> None:
    injection = kit.inject(world, "TIME000")
    (finding,) = check(injection.world, as_of=injection.as_of)
    assert (finding.code, finding.subject) == ("TIME000", injection.subject)
    assert finding.severity is Severity.INFO
    assert finding.fact_map["rule"] == "TIME001"
    case = injection.world.application(injection.subject.id)
    assert case is not None
    assert [type(e) for e in case.events] == [Submitted]
    assert case.submitted_on == WorkCalendar.official().coverage[1]


@settings(max_examples=5)
@given(SMALL_WORLDS)
def test_a_calendar_that_projects_the_next_year_judges_the_same_case(
    world: Jurisdiction,
) -> None:
    injection = kit.inject(world, "TIME000")
    provisional = WorkCalendar.official(unannounced="statutory")
    assert check(injection.world, as_of=injection.as_of, calendar=provisional).findings == ()
    later = dt.date(2027, 11, 1)
    findings = check(injection.world, as_of=later, calendar=provisional)
    # Never answered, the application counts as accepted on the day it was received
    # (行政许可法 art. 32 (4)); ten months later its decision period (art. 42) has run
    # out too, whatever the item's limit.
    assert [(f.code, f.subject) for f in findings] == [
        ("TIME001", injection.subject),
        ("TIME014", injection.subject),
    ]


@settings(max_examples=5)
@given(SMALL_WORLDS)
def test_no_data_is_reported_for_each_rule_that_could_not_judge(world: Jurisdiction) -> None:
    injection = kit.inject(world, "TIME000")
    case = injection.world.application(injection.subject.id)
    assert case is not None
    # Answered and decided on a day, and audited on a day, that fall between the earliest
    # and the latest end of the intake and delivery periods under the arrangements the
    # next notice could make: neither can be judged yet.
    bounds = envelope(WorkCalendar.official())
    day = bounds.earliest.add_workdays(case.submitted_on, 5) + dt.timedelta(days=1)
    assert day <= bounds.latest.add_workdays(case.submitted_on, 5)
    decided = case.append(Accepted(day)).append(Decided(day, Outcome.APPROVED, "D0"))
    after = kit.mutators._with_case(injection.world, decided)
    as_of = bounds.earliest.add_workdays(day, 10) + dt.timedelta(days=1)
    assert as_of <= bounds.latest.add_workdays(day, 10)
    report = check(after, as_of=as_of).filter(code="TIME000")
    item = after.item(case.item_ids[0])
    # TIME012 judges delivery only for items that issue a document (not fee items).
    delivers = item is not None and item.kind is not ItemKind.FEE
    expected = ["TIME001", "TIME012"] if delivers else ["TIME001"]
    assert sorted(f.fact_map["rule"] for f in report) == expected
    assert {f.subject for f in report} == {injection.subject}
