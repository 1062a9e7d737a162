"""The legal timeline of a case (shenpi.timeline), point by point from the law's text.

The day-by-day agreement with an independent oracle is in ``test_timeline_oracle.py``;
here each point of the law's reading has a named test (the article in its name), and the
properties hold across the rules, the analytics and the CLI: the same case gives the
same dates wherever it is read, lateness agrees with the due day a finding quotes, and a
late step never makes a case less late.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shenpi import testing as kit
from shenpi.analytics import case_records
from shenpi.applications import (
    Application,
    Extended,
    Outcome,
    Resumed,
    Suspended,
)
from shenpi.calendar import WorkCalendar
from shenpi.cli import main as cli_main
from shenpi.examples import load_example_city
from shenpi.items import HandlingType, Item
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import check
from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
from shenpi.supervision import AlertLevel, AlertPolicy, alert
from shenpi.timeline import Fault, Timeline, Verdict
from shenpi.timing import Suspension, TimeLimit, TimePolicy

D = dt.date
CAL = WorkCalendar.official()
AS_OF = D(2025, 12, 31)
CLOCK_RULES = ("TIME003", "TIME004", "TIME013", "TIME014")


def _world(*cases: Application, items: dict[str, Item] | None = None) -> Jurisdiction:
    world = tiny_world(*cases)
    if not items:
        return world
    catalogue = world.catalogues[-1]
    changed = tuple(items.get(i.id, i) for i in catalogue.items)
    return attrs.evolve(world, catalogues=(attrs.evolve(catalogue, items=changed),))


def _codes(world: Jurisdiction, as_of: dt.date = AS_OF, **options: object) -> list[str]:
    return [f.code for f in check(world, as_of=as_of, select=["TIME"], **options)]  # type: ignore[arg-type]


def _line(world: Jurisdiction, as_of: dt.date = AS_OF) -> Timeline:
    return Timeline.of(world.applications[0], world, as_of=as_of, calendar=CAL)


# ============================================================ 1. art. 32 (4)
def test_art_32_4_a_late_acceptance_does_not_erase_statutory_lateness() -> None:
    # Received 3/3; accepted 3/17 (after the 5 working days); decided 4/10: against the
    # recorded acceptance it would be on time (due 4/15), against the law it is late.
    world = _world(
        case(
            submitted(D(2025, 3, 3)),
            accepted(D(2025, 3, 17)),
            decided(D(2025, 4, 10)),
            delivered(D(2025, 4, 10)),
        )
    )
    assert _codes(world) == ["TIME001", "TIME004"]
    finding = check(world, as_of=AS_OF, select=["TIME004"]).findings[0]
    assert finding.fact_map["due"] == "2025-03-31"


def test_art_32_4_a_case_never_answered_is_open_against_the_law_after_its_period() -> None:
    world = _world(case(submitted(D(2025, 3, 3))))
    assert _codes(world, D(2025, 3, 31)) == ["TIME001", "TIME013"]  # promise: 10 days
    assert _codes(world, D(2025, 4, 1)) == ["TIME001", "TIME014"]  # law: 20 days, 3/31


# ============================================================ 2. arts. 42, 45
def test_art_42_an_extension_without_the_heads_approval_moves_nothing() -> None:
    history = case(
        submitted(D(2025, 3, 3)),
        accepted(D(2025, 3, 3)),
        Extended(D(2025, 3, 28), TimeLimit.workdays(10)),
        decided(D(2025, 4, 10)),
        delivered(D(2025, 4, 10)),
    )
    assert _codes(_world(history)) == ["TIME006", "TIME004"]


def test_art_45_a_suspension_whose_note_names_no_law_moves_nothing() -> None:
    history = case(
        submitted(D(2025, 3, 3)),
        accepted(D(2025, 3, 3)),
        Suspended(D(2025, 3, 10), Suspension.OTHER, note="等待申请人补充说明"),
        Resumed(D(2025, 3, 24)),
        decided(D(2025, 4, 2)),
        delivered(D(2025, 4, 2)),
    )
    line = _line(_world(history))
    assert line.steps[0].faults == (Fault.UNFOUNDED_SUSPENSION,)
    assert _codes(_world(history)) == ["TIME010", "TIME004"]


# ============================================================ 3. 民法典 arts. 201-203
def test_civil_code_art_203_a_decision_on_a_rest_day_after_the_due_day_is_late() -> None:
    # Due Monday 3/31 (20 working days from 3/3); decided Saturday 4/5 (清明 weekend).
    world = _world(case(submitted(D(2025, 3, 3)), accepted(D(2025, 3, 3)), decided(D(2025, 4, 5))))
    finding = check(world, as_of=AS_OF, select=["TIME004"]).findings[0]
    assert finding.fact_map["late_days"] == 5
    assert finding.fact_map["late"] == 3  # 4/1, 4/2, 4/3 (4/4 清明)


def test_civil_code_art_203_an_alert_past_the_due_day_on_a_rest_day_is_an_alarm() -> None:
    line = _line(_world(case(submitted(D(2025, 3, 3)), accepted(D(2025, 3, 3)))))
    assert line.promised is not None
    assert line.statutory is not None
    promised, statutory = line.promised.clock, line.statutory.clock
    assert promised is not None
    assert statutory is not None
    assert line.promised.due is not None
    assert str(line.promised.due) == "2025-03-17"
    # Saturday 3/22 is after the promised due day, with no working day counted since.
    level = alert(D(2025, 3, 22), promised=promised, statutory=statutory).level
    assert level is AlertLevel.ALARM
    assert alert(D(2025, 4, 5), promised=promised, statutory=statutory).level is (
        AlertLevel.STATUTORY_BREACH
    )


# ============================================================ 4. never silent
def test_an_out_of_order_history_is_reported_as_cannot_judge_by_each_clock_rule() -> None:
    # The resumption is dated before its suspension: the period cannot be followed, and
    # the decision lies between the earliest and the latest possible due day.
    history = case(
        submitted(D(2025, 3, 3)),
        accepted(D(2025, 3, 3)),
        Suspended(D(2025, 3, 20), Suspension.TESTING),
        Resumed(D(2025, 3, 10)),
        decided(D(2025, 4, 10)),
    )
    report = check(_world(history), as_of=AS_OF, select=["TIME"])
    could_not = sorted(f.fact_map["rule"] for f in report if f.code == "TIME000")
    assert could_not == ["TIME003", "TIME004", "TIME015"]
    assert "dated before" in str(report.findings[0].fact_map["reason"])


def test_a_decision_past_every_possible_due_day_is_judged_despite_a_broken_history() -> None:
    history = case(
        submitted(D(2025, 3, 3)),
        accepted(D(2025, 3, 3)),
        Extended(D(2025, 3, 20), TimeLimit.workdays(10), approved_by="D1.head"),
        Extended(D(2025, 3, 10), TimeLimit.workdays(10), approved_by="D1.head"),
        decided(D(2025, 8, 1)),
    )
    report = check(_world(history), as_of=AS_OF, select=["TIME004"])
    late = [f for f in report if f.code == "TIME004"]
    assert len(late) == 1
    assert "the latest due day" in late[0].message_en


# ============================================================ 5. provisional
def test_a_due_day_in_the_last_published_december_is_provisional() -> None:
    # 2026 is the last published year: its December may still move (the 2019 notice
    # made 2018-12-29 a working day).
    line = _line(_world(case(submitted(D(2026, 11, 20)), accepted(D(2026, 11, 20)))), AS_OF)
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on.month == 12
    assert line.statutory.due.provisional
    assert line.provisional
    earlier = _line(_world(case(submitted(D(2026, 3, 2)), accepted(D(2026, 3, 2)))))
    assert not earlier.provisional


def test_a_finding_on_an_unsettled_day_says_it_is_provisional() -> None:
    world = _world(
        case(submitted(D(2026, 11, 2)), accepted(D(2026, 11, 2)), decided(D(2026, 12, 10)))
    )
    finding = check(world, as_of=D(2026, 12, 31), select=["TIME004"]).findings[0]
    assert "(provisional)" in finding.message_en
    assert "暂定" in finding.message_zh


# ============================================================ 6. bounds before the notice
def test_before_the_notice_a_decision_after_the_latest_possible_due_day_is_late() -> None:
    history = case(submitted(D(2026, 12, 21)), accepted(D(2026, 12, 21)), decided(D(2027, 3, 1)))
    report = check(_world(history), as_of=D(2027, 3, 31), select=["TIME004"])
    assert [f.code for f in report] == ["TIME004"]
    assert "any holiday arrangement" in report.findings[0].message_en


def test_before_the_notice_a_decision_before_the_earliest_due_day_is_on_time() -> None:
    history = case(
        submitted(D(2026, 12, 21)),
        accepted(D(2026, 12, 21)),
        decided(D(2026, 12, 28)),
        delivered(D(2026, 12, 29)),
    )
    assert _codes(_world(history), D(2027, 3, 31)) == []


# ============================================================ 7. instant items, hours
def test_art_34_an_instant_item_decided_on_a_later_working_day_is_late() -> None:
    world = tiny_world()
    instant = attrs.evolve(
        world.item("I1"), handling=HandlingType.INSTANT, promised_limit=TimeLimit.hours(2)
    )
    history = case(
        submitted(D(2025, 3, 3)),
        accepted(D(2025, 3, 3)),
        decided(D(2025, 3, 4)),
        delivered(D(2025, 3, 4)),
    )
    assert _codes(_world(history, items={"I1": instant})) == ["TIME003"]
    same_day = case(
        submitted(D(2025, 3, 3)),
        accepted(D(2025, 3, 3)),
        decided(D(2025, 3, 3)),
        delivered(D(2025, 3, 3)),
    )
    assert _codes(_world(same_day, items={"I1": instant})) == []


def test_an_hour_promise_may_run_over_office_hours_when_the_policy_says_so() -> None:
    world = tiny_world()
    hours = attrs.evolve(world.item("I1"), promised_limit=TimeLimit.hours(4))
    history = case(submitted(D(2025, 3, 3)), accepted(D(2025, 3, 3)), decided(D(2025, 3, 4)))
    policy = TimePolicy(hour_promise_days=1)
    line = Timeline.of(
        history, _world(history, items={"I1": hours}), as_of=AS_OF, calendar=CAL, policy=policy
    )
    assert line.decisions[0].promised is not None
    assert line.decisions[0].promised.verdict is Verdict.ON_TIME


# ============================================================ 8. which item governs
def test_art_42_the_strictest_of_several_items_governs_the_case() -> None:
    # I1 promises 10 working days, I2 15: a case for both must keep the 10.
    history = attrs.evolve(
        case(
            submitted(D(2025, 3, 3)),
            accepted(D(2025, 3, 3)),
            decided(D(2025, 3, 20)),
            delivered(D(2025, 3, 20)),
        ),
        item_ids=("I2", "I1"),
    )
    line = _line(_world(history))
    assert line.item is not None
    assert line.promised is not None
    assert line.promised.due is not None
    assert line.promised.due.on == D(2025, 3, 17)
    assert _codes(_world(history)) == ["TIME003"]
    first = TimePolicy(multi_item="first")
    line = Timeline.of(history, _world(history), as_of=AS_OF, calendar=CAL, policy=first)
    assert line.promised is not None
    assert line.promised.due is not None
    assert line.promised.due.on == D(2025, 3, 24)


def test_art_32_1_the_catalogue_in_effect_on_the_day_of_acceptance_governs() -> None:
    world = tiny_world()
    catalogue = world.catalogues[-1]
    shorter = attrs.evolve(world.item("I1"), promised_limit=TimeLimit.workdays(5))
    v2 = attrs.evolve(
        catalogue,
        version=catalogue.version + 1,
        effective_on=D(2025, 3, 5),
        items=tuple(shorter if i.id == "I1" else i for i in catalogue.items),
    )
    history = case(submitted(D(2025, 3, 3)), accepted(D(2025, 3, 6)))
    changed = attrs.evolve(world, catalogues=(catalogue, v2), applications=(history,))
    line = _line(changed)
    assert line.item == shorter


# ============================================================ 9. warnings in time
@pytest.mark.parametrize("days", [1, 2, 3, 4])
def test_a_short_promise_warns_a_working_day_before_its_due_day(days: int) -> None:
    promise = TimeLimit.workdays(days)
    world = tiny_world()
    short = attrs.evolve(world.item("I1"), promised_limit=promise)
    history = case(submitted(D(2025, 3, 3)), accepted(D(2025, 3, 3)))
    line = _line(_world(history, items={"I1": short}))
    assert line.promised is not None
    clock = line.promised.clock
    assert clock is not None
    due = clock.due
    assert isinstance(due, dt.date)
    eve = CAL.add_workdays(due, -1)
    assert alert(eve, promised=clock).level is AlertLevel.WARNING
    plain = AlertPolicy(warn_used=Fraction(4, 5), warn_ahead=None)
    assert alert(eve, promised=clock, policy=plain).level is (
        AlertLevel.WARNING if (days - 1) * 5 >= 4 * days else AlertLevel.NORMAL
    )


# ============================================================ properties
@given(kit.jurisdictions(valid_only=False, max_applications=6))
def test_lateness_agrees_with_the_due_day_each_finding_quotes(world: Jurisdiction) -> None:
    as_of = kit.audit_day(world)
    for finding in check(world, as_of=as_of, select=list(CLOCK_RULES)):
        if finding.code not in CLOCK_RULES:
            continue
        facts = finding.fact_map
        due = D.fromisoformat(str(facts["due"]))
        on = D.fromisoformat(str(facts["on"] if "on" in facts else facts["as_of"]))
        assert on > due
        assert facts["late_days"] == (on - due).days
        assert facts["late"] == CAL.workdays_between(due, on)


@given(kit.applications(valid_only=False), st.integers(1, 10), st.booleans())
def test_a_late_step_never_makes_a_case_less_late(
    application: Application, after: int, extend: bool
) -> None:
    """Arts. 42 and 45: a step taken after the period ran out moves nothing, wherever it
    falls in the history (before or after the decision, among other steps)."""
    world = kit.mutators._with_case(tiny_world(), application)
    line = Timeline.of(application, world, as_of=kit.LAST_DAY, calendar=CAL)
    assume(line.statutory is not None and line.statutory.due is not None)
    assert line.statutory is not None
    assert line.statutory.due is not None
    due = line.statutory.due.on
    day = CAL.add_workdays(due, after)
    assume(day <= kit.LAST_DAY)
    step: Extended | Suspended = (
        Extended(day, TimeLimit.workdays(10), approved_by="D1.head")
        if extend
        else Suspended(day, Suspension.TESTING)
    )
    events = list(application.events)
    at = next((i for i, e in enumerate(events) if e.on > day), len(events))
    events.insert(at, step)
    later = Timeline.of(
        attrs.evolve(application, events=events), world, as_of=kit.LAST_DAY, calendar=CAL
    )
    assert later.statutory is not None
    assert later.statutory.due == line.statutory.due


def test_the_example_city_gives_the_same_due_days_to_the_rules_and_the_analytics() -> None:
    city = load_example_city()
    rows = {r["id"]: r for r in case_records(city, as_of=AS_OF)}
    report = check(city, as_of=AS_OF, select=["TIME004", "TIME003"])
    assert len(report) > 100
    for finding in report:
        row = rows[finding.subject.id]
        column = "statutory_due" if finding.code == "TIME004" else "promised_due"
        assert str(row[column]) == finding.fact_map["due"]
        late = "late_against_law" if finding.code == "TIME004" else "late_against_promise"
        assert row["punctuality"] == late


def test_the_cli_deadline_gives_the_timelines_due_day(capsys: pytest.CaptureFixture[str]) -> None:
    history = case(
        submitted(D(2025, 9, 26)),
        accepted(D(2025, 9, 26)),
        Suspended(D(2025, 10, 13), Suspension.TESTING),
        Resumed(D(2025, 10, 20)),
        Extended(D(2025, 10, 21), TimeLimit.workdays(10), approved_by="D1.head"),
    )
    line = _line(_world(history))
    assert line.statutory is not None
    assert line.statutory.due is not None
    argv = [
        "deadline",
        "2025-09-26",
        "20",
        "--suspend",
        "2025-10-13:2025-10-20:testing",
        "--extend",
        "10",
        "--extend-on",
        "2025-10-21",
    ]
    assert cli_main(argv) == 0
    assert f"Due: {line.statutory.due.on}" in capsys.readouterr().out


def test_a_decided_case_keeps_the_outcome_the_analytics_report() -> None:
    world = _world(case(submitted(D(2025, 3, 3)), accepted(D(2025, 3, 3)), decided(D(2025, 3, 14))))
    row = case_records(world, as_of=AS_OF).to_records()[0]
    assert row["punctuality"] == "early"
    assert row["statutory_due"] == D(2025, 3, 31)
    assert world.applications[0].decision is not None
    assert world.applications[0].decision.outcome is Outcome.APPROVED
