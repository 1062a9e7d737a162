"""The host system's tests, written with shenpi's testing kit.

Nothing to set up: installing shenpi installs its pytest plugin (the fixtures
``shenpi_example_city``, ``shenpi_calendar`` … need no import), and one import gives the
strategies. Run in CI with ``pytest --hypothesis-profile=shenpi-ci``.

Three stories: the export is valid, the UI refuses what ``guard`` refuses, and the
deadline display agrees with shenpi.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re

import attrs
import hall_desk
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shenpi import io
from shenpi import testing as shenpi_st
from shenpi.applications import Application
from shenpi.calendar import WorkCalendar
from shenpi.errors import ShenpiError
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import guard
from shenpi.timeline import Timeline


def _cut(world: Jurisdiction, case: Application, keep: int) -> tuple[Jurisdiction, Application]:
    """The world with the case as it stood after its first ``keep`` events."""
    prefix = attrs.evolve(case, events=case.events[:keep])
    cases = [prefix if a.id == case.id else a for a in world.applications]
    return world.with_applications(cases), prefix


# ====================================================================== 1. the export
@functools.cache
def _case_schema() -> jsonschema.protocols.Validator:
    schema = io.json_schema("application")
    return jsonschema.Draft202012Validator(schema)


@given(shenpi_st.jurisdictions(max_applications=8, valid_only=False), st.data())
def test_the_monthly_export_holds_the_months_cases_in_shenpis_format(
    world: Jurisdiction, data: st.DataObject
) -> None:
    months = sorted({(a.submitted_on.year, a.submitted_on.month) for a in world.applications})
    year, month = data.draw(st.sampled_from(months or [(2025, 1)]), label="month")

    lines = hall_desk.export_month(world, year, month).splitlines()

    assert json.loads(lines[0]) == {"schema_version": 1, "kind": "shenpi.applications"}
    for line in lines[1:]:
        _case_schema().validate(json.loads(line))
    read = {case.id: case for case in io.iter_applications(lines)}
    submitted = {a.id: a.submitted_on for a in world.applications}
    in_month = [i for i, day in submitted.items() if (day.year, day.month) == (year, month)]
    assert read == {i: world.application(i) for i in in_month}


def test_a_month_of_the_example_city_reads_back(shenpi_example_city: Jurisdiction) -> None:
    lines = hall_desk.export_month(shenpi_example_city, 2025, 10).splitlines()
    read = list(io.iter_applications(lines))
    assert len(read) == len(lines) - 1 > 0
    assert all(case == shenpi_example_city.application(case.id) for case in read)
    assert [c.submitted_on for c in read] == sorted(c.submitted_on for c in read)


# ====================================================================== 2. the confirm button
ONE_ACTION_ERRORS = (
    "HALL001",
    "HALL002",
    "HALL008",
    "AUTH001",
    "SEAL002",
    "TIME004",
    "TIME009",
    "FEE002",
)
"""Error rules broken by one action (a decision outside the hall, by a section, without a
letter, with an old seal, late, a second extension, a wrong fee amount)."""


@pytest.mark.parametrize("code", ONE_ACTION_ERRORS)
@given(data=st.data())
def test_the_desk_refuses_the_action_that_breaks_a_rule(code: str, data: st.DataObject) -> None:
    injection = data.draw(shenpi_st.violations(code), label="injection")
    case = injection.world.application(injection.subject.id)
    index = injection.subject.event_index
    assert case is not None
    assert index is not None
    before, _ = _cut(injection.world, case, index)

    verdict = hall_desk.confirm(before, case.id, case.events[index])

    assert not verdict.allowed
    assert any(message.startswith(f"[{code}]") for message in verdict.messages)


@given(shenpi_st.jurisdictions(min_applications=1, max_applications=3), st.data())
def test_the_desk_allows_every_step_of_a_lawful_case(
    world: Jurisdiction, data: st.DataObject
) -> None:
    case = data.draw(st.sampled_from(world.applications), label="case")
    for keep in range(1, len(case.events)):
        before, _ = _cut(world, case, keep)
        assert hall_desk.confirm(before, case.id, case.events[keep]).allowed


@given(shenpi_st.jurisdictions(min_applications=1, max_applications=3), st.data())
def test_the_desk_refuses_exactly_what_guard_refuses(
    world: Jurisdiction, data: st.DataObject
) -> None:
    case = data.draw(st.sampled_from(world.applications), label="case")
    before, open_case = _cut(world, case, data.draw(st.integers(1, len(case.events)), label="keep"))
    last = open_case.events[-1].on
    event = data.draw(
        shenpi_st.events(start=last - dt.timedelta(days=5), end=last + dt.timedelta(days=60))
    )

    verdict = hall_desk.confirm(before, case.id, event)

    try:
        report = guard(before, case.id, event)
    except ShenpiError:  # an action the case cannot take (dated before its last step ...)
        assert not verdict.allowed
    else:
        assert verdict.allowed == report.ok
        assert len(verdict.messages) == len(report.findings)


# ====================================================================== 3. the deadline
LABEL = re.compile(r"承诺办结期限：(\d{4}-\d\d-\d\d)（(剩余|已超期) (\d+) 个工作日）")


@given(shenpi_st.jurisdictions(min_applications=1, max_applications=3), st.data())
def test_the_deadline_shown_is_shenpis(
    shenpi_calendar: WorkCalendar, world: Jurisdiction, data: st.DataObject
) -> None:
    whole = data.draw(st.sampled_from(world.applications), label="case")
    # The case as it stood on some day, mostly while open (accepted, perhaps suspended).
    cuts = range(1, len(whole.events) + 1)
    open_cuts = [k for k in cuts if _cut(world, whole, k)[1].state in ("accepted", "suspended")]
    keep = data.draw(st.sampled_from(open_cuts or list(cuts)), label="keep")
    _, case = _cut(world, whole, keep)
    item = world.item(case.item_ids[0])
    assert item is not None
    last = case.events[-1].on
    later = min(last + dt.timedelta(days=45), shenpi_st.LAST_DAY)
    today = data.draw(st.dates(last, later), label="today")

    label = hall_desk.deadline_label(case, item, shenpi_calendar, today)

    line = Timeline.for_items(case, [item], as_of=today, calendar=shenpi_calendar)
    clock = None if line.promised is None else line.promised.clock
    if case.state in hall_desk.CLOSED:
        assert label == "已办结"
    elif clock is None:
        assert label == "待受理"
    elif clock.suspended:
        assert label.startswith("暂停计时")
    else:
        shown = LABEL.fullmatch(label)
        assert shown is not None, label
        due = dt.date.fromisoformat(shown[1])
        left = int(shown[3]) * (1 if shown[2] == "剩余" else -1)
        assert due == clock.due
        assert shenpi_calendar.is_workday(due)
        # Working days, not calendar days: what the calendar counts from today to the due day.
        assert left == shenpi_calendar.workdays_between(today, due)
