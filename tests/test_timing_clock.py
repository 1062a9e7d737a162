"""Clock properties against the day-by-day oracle, and its impossible steps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue, ShenpiError, TimelineError
from shenpi.timing import Clock, EventKind, Suspension, TimeLimit, ViolationKind
from timing_oracle import simulate

CAL = WorkCalendar.official()
PROV = WorkCalendar.official(unannounced="statutory")
D = dt.date
STARTS = st.dates(min_value=D(2005, 1, 1), max_value=D(2024, 6, 30))
REASONS = st.sampled_from(list(Suspension))


@st.composite
def clocks(draw: st.DrawFn, unit: str = "workdays", allow_open: bool = True) -> Clock:
    """A clock with a valid random history: suspensions, resumptions, extensions."""
    make = TimeLimit.workdays if unit == "workdays" else TimeLimit.natural_days
    limit = make(draw(st.integers(min_value=1, max_value=45)))
    clock = Clock.start(limit, on=draw(STARTS), calendar=CAL)
    day = clock.started
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        day = day + dt.timedelta(days=draw(st.integers(min_value=0, max_value=25)))
        if clock.suspended:
            clock = clock.resume(on=day)
        elif draw(st.booleans()):
            clock = clock.suspend(on=day, reason=draw(REASONS), basis="basis")
        else:
            clock = clock.extend(by=make(draw(st.integers(1, 15))), on=day)
    if clock.suspended and not allow_open:
        clock = clock.resume(on=day + dt.timedelta(days=draw(st.integers(0, 10))))
    return clock


@given(clocks())
def test_due_equals_the_day_by_day_simulation(clock: Clock) -> None:
    due, _ = simulate(clock)
    assert clock.due == due


@given(clocks(unit="natural"))
def test_natural_day_due_equals_the_simulation_and_is_a_working_day(clock: Clock) -> None:
    due, _ = simulate(clock)
    assert clock.due == due
    if clock.due is not None:
        assert CAL.is_workday(clock.due)


@given(clocks(), st.integers(min_value=0, max_value=60))
def test_remaining_equals_the_simulation(clock: Clock, offset: int) -> None:
    _, remaining = simulate(clock)
    day = clock.started + dt.timedelta(days=offset)
    assume(day in remaining)
    assert clock.remaining(on=day) == remaining[day]


@given(clocks(), st.integers(min_value=0, max_value=80))
def test_remaining_drops_by_one_per_counted_day_and_is_flat_while_suspended(
    clock: Clock, offset: int
) -> None:
    day = clock.started + dt.timedelta(days=offset)
    nxt = day + dt.timedelta(days=1)
    granted = sum(e.by.amount for e in clock.events if e.kind is EventKind.EXTEND and e.on == nxt)
    counted = clock.used(on=nxt) - clock.used(on=day)
    assert counted in (0, 1)
    assert clock.remaining(on=day) - clock.remaining(on=nxt) == counted - granted
    running = not clock.with_limit(clock.limit)._open_suspension(
        tuple(e for e in clock.events if e.on <= nxt)
    )
    if not running or not CAL.is_workday(nxt):
        assert counted == 0


@given(clocks(allow_open=False), st.integers(0, 40), st.integers(0, 40), REASONS)
def test_a_suspension_never_brings_the_deadline_earlier(
    clock: Clock, gap: int, length: int, reason: Suspension
) -> None:
    last = clock.events[-1].on if clock.events else clock.started
    suspended_on = last + dt.timedelta(days=gap)
    paused = clock.suspend(on=suspended_on, reason=reason)
    resumed = paused.resume(on=suspended_on + dt.timedelta(days=length))
    assert clock.due is not None
    assert resumed.due is not None
    assert resumed.due >= clock.due


@given(clocks(allow_open=False), st.integers(1, 15), st.data())
def test_an_extension_moves_the_deadline_by_exactly_its_working_days(
    clock: Clock, days: int, data: st.DataObject
) -> None:
    due = clock.due
    assert due is not None
    last = clock.events[-1].on if clock.events else clock.started
    assume(last <= due)
    on = data.draw(st.dates(min_value=last, max_value=due))
    extended = clock.extend(by=TimeLimit.workdays(days), on=on)
    assert extended.due == CAL.add_workdays(due, days)


@given(clocks(allow_open=False))
def test_a_same_day_suspend_and_resume_changes_nothing(clock: Clock) -> None:
    last = clock.events[-1].on if clock.events else clock.started
    both = clock.suspend(on=last, reason=Suspension.TESTING).resume(on=last)
    assert both.due == clock.due


def test_a_suspension_removes_the_days_from_suspension_to_the_day_before_resumption() -> None:
    start = D(2025, 3, 3)  # Monday
    clock = Clock.start(TimeLimit.workdays(5), on=start, calendar=CAL)
    assert clock.due == D(2025, 3, 10)
    # Suspended Wednesday 3/5, resumed Friday 3/7: 3/5 and 3/6 do not count, 3/7 does.
    paused = clock.suspend(on=D(2025, 3, 5), reason=Suspension.INSPECTION).resume(on=D(2025, 3, 7))
    assert paused.due == D(2025, 3, 12)
    assert paused.used(on=D(2025, 3, 7)) == 2  # 3/4 and 3/7


def test_due_is_none_while_suspended_before_the_deadline() -> None:
    clock = Clock.start(TimeLimit.workdays(5), on=D(2025, 3, 3), calendar=CAL)
    paused = clock.suspend(on=D(2025, 3, 5), reason=Suspension.HEARING)
    assert paused.due is None
    assert paused.suspended
    assert paused.remaining(on=D(2025, 3, 20)) == paused.remaining(on=D(2025, 3, 5)) == 4


@pytest.mark.parametrize(
    ("step", "build"),
    [
        ("resume", lambda c: c.resume(on=D(2025, 3, 4))),
        (
            "suspend",
            lambda c: c.suspend(on=D(2025, 3, 4), reason=Suspension.TESTING).suspend(
                on=D(2025, 3, 5), reason=Suspension.TESTING
            ),
        ),
        ("suspend", lambda c: c.suspend(on=D(2025, 3, 1), reason=Suspension.TESTING)),
        ("extend", lambda c: c.extend(by=TimeLimit.workdays(5), on=D(2025, 2, 28))),
        (
            "extend",
            lambda c: c.suspend(on=D(2025, 3, 10), reason=Suspension.TESTING).extend(
                by=TimeLimit.workdays(5), on=D(2025, 3, 9)
            ),
        ),
    ],
)
def test_impossible_steps_raise_naming_the_step(step: str, build: object) -> None:
    clock = Clock.start(TimeLimit.workdays(20), on=D(2025, 3, 3), calendar=CAL)
    with pytest.raises(TimelineError) as caught:
        build(clock)  # type: ignore[operator]
    assert caught.value.field == step
    assert isinstance(caught.value, ShenpiError)


@pytest.mark.parametrize("bad", [0, -5])
def test_limits_must_be_positive(bad: int) -> None:
    with pytest.raises(InvalidValue):
        TimeLimit.workdays(bad)
    with pytest.raises(InvalidValue):
        TimeLimit.natural_days(bad)
    with pytest.raises(InvalidValue):
        TimeLimit.hours(bad)


def test_bad_arguments_are_type_errors() -> None:
    with pytest.raises(InvalidType):
        TimeLimit.workdays(2.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        Clock.start(TimeLimit.workdays(5), on="2025-03-03", calendar=CAL)
    with pytest.raises(InvalidType):
        Clock.start(TimeLimit.workdays(5), on=D(2025, 3, 3), calendar="official")  # type: ignore[arg-type]
    clock = Clock.start(TimeLimit.workdays(5), on=D(2025, 3, 3), calendar=CAL)
    with pytest.raises(InvalidValue):
        clock.extend(by=TimeLimit.natural_days(5), on=D(2025, 3, 4))
    with pytest.raises(InvalidType):
        clock.suspend(on=D(2025, 3, 4), reason="expert review")  # type: ignore[arg-type]


def test_violations_are_recorded_not_raised() -> None:
    clock = Clock.start(TimeLimit.workdays(20), on=D(2025, 3, 3), calendar=CAL)
    assert clock.due == D(2025, 3, 31)
    late = clock.extend(by=TimeLimit.workdays(10), on=D(2025, 4, 1))
    assert [v.kind for v in late.violations] == [ViolationKind.LATE_EXTENSION]
    assert late.due == D(2025, 4, 15)  # recorded history keeps the extension's effect
    twice = clock.extend(by=TimeLimit.workdays(5), on=D(2025, 3, 10)).extend(
        by=TimeLimit.workdays(5), on=D(2025, 3, 11)
    )
    assert [v.kind for v in twice.violations] == [ViolationKind.SECOND_EXTENSION]
    assert twice.violations[0].event_index == 1
    unfounded = clock.suspend(on=D(2025, 3, 5), reason=None)
    other = clock.suspend(on=D(2025, 3, 5), reason=Suspension.OTHER)
    founded = clock.suspend(on=D(2025, 3, 5), reason=Suspension.OTHER, basis="某法 第十条")
    assert [v.kind for v in unfounded.violations] == [ViolationKind.UNFOUNDED_SUSPENSION]
    assert [v.kind for v in other.violations] == [ViolationKind.UNFOUNDED_SUSPENSION]
    assert founded.violations == ()
    after = clock.suspend(on=D(2025, 4, 2), reason=Suspension.APPRAISAL)
    assert [v.kind for v in after.violations] == [ViolationKind.SUSPENSION_AFTER_DUE]
    assert after.due == clock.due  # a suspension after the due day cannot rescue it
    assert all(v.basis.startswith("行政许可法") and v.message_zh for v in late.violations)


def test_extension_approved_on_the_last_day_is_in_time() -> None:
    clock = Clock.start(TimeLimit.workdays(20), on=D(2025, 3, 3), calendar=CAL)
    extended = clock.extend(by=TimeLimit.workdays(10), on=clock.due)
    assert extended.violations == ()
    assert extended.due == CAL.add_workdays(D(2025, 3, 31), 10)


def test_remaining_on_the_due_day_is_zero_and_minus_one_a_working_day_late() -> None:
    clock = Clock.start(TimeLimit.workdays(20), on=D(2025, 9, 26), calendar=CAL)
    assert clock.due == D(2025, 10, 30)
    assert clock.remaining(on=D(2025, 10, 30)) == 0
    assert clock.remaining(on=D(2025, 10, 31)) == -1
    assert clock.remaining(on=D(2025, 11, 1)) == -1  # Saturday: not a working day
    assert clock.remaining(on=D(2025, 9, 26)) == 20
    with pytest.raises(TimelineError):
        clock.remaining(on=D(2025, 9, 25))


def test_a_clock_crossing_into_an_unannounced_year_says_it_is_provisional() -> None:
    with pytest.raises(LookupError):
        Clock.start(TimeLimit.workdays(20), on=D(2026, 12, 15), calendar=CAL).due  # noqa: B018
    clock = Clock.start(TimeLimit.workdays(20), on=D(2026, 12, 15), calendar=PROV)
    assert clock.due == D(2027, 1, 13)
    assert clock.provisional
    assert not Clock.start(TimeLimit.workdays(5), on=D(2026, 11, 2), calendar=PROV).provisional


def test_clocks_are_values() -> None:
    a = Clock.start(TimeLimit.workdays(20), on=D(2025, 3, 3), calendar=CAL)
    b = Clock.start(TimeLimit.workdays(20), on=dt.datetime(2025, 3, 3, 15, 0), calendar=CAL)
    assert a == b
    assert a.suspend(on=D(2025, 3, 4), reason=Suspension.TESTING) != a
    with pytest.raises(AttributeError):
        a.limit = TimeLimit.workdays(5)  # type: ignore[misc]


def test_accepted_on_a_holiday_counts_from_the_first_working_day_after() -> None:
    # Accepted online on 2025-10-03 (国庆): the first counted day is 10/9.
    clock = Clock.start(TimeLimit.workdays(1), on=D(2025, 10, 3), calendar=CAL)
    assert clock.due == D(2025, 10, 9)
    assert clock.used(on=D(2025, 10, 8)) == 0


def test_an_hour_clock_suspended_and_resumed_skips_the_suspended_office_time() -> None:
    start = dt.datetime(2025, 3, 3, 9, 0)
    clock = Clock.start(TimeLimit.hours(3), on=start, calendar=CAL)
    assert clock.due is not None
    assert clock.due.replace(tzinfo=None) == dt.datetime(2025, 3, 3, 12, 0)
    paused = clock.suspend(on=dt.datetime(2025, 3, 3, 10, 0), reason=Suspension.TESTING)
    assert paused.due is None
    assert paused.remaining(on=dt.datetime(2025, 3, 4, 9, 0)) == dt.timedelta(hours=2)
    resumed = paused.resume(on=dt.datetime(2025, 3, 4, 14, 0))
    assert resumed.due is not None
    assert resumed.due.replace(tzinfo=None) == dt.datetime(2025, 3, 4, 16, 0)
    with pytest.raises(InvalidType):
        clock.suspend(on=D(2025, 3, 3), reason=Suspension.TESTING)  # hours need a time
