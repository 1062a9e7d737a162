"""Alerts (预警/报警) and efficiency metrics of electronic supervision."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue
from shenpi.supervision import AlertLevel, AlertPolicy, alert, efficiency
from shenpi.timing import Clock, Suspension, TimeLimit, completion, decision_clock

CAL = WorkCalendar.official()
D = dt.date
STATUTORY = decision_clock(D(2025, 3, 3), calendar=CAL)  # due 2025-03-31
PROMISED = STATUTORY.with_limit(TimeLimit.workdays(10))  # due 2025-03-17


def test_levels_over_the_life_of_a_case() -> None:
    def level(day: dt.date) -> AlertLevel:
        return alert(day, promised=PROMISED, statutory=STATUTORY).level

    assert PROMISED.due == D(2025, 3, 17)
    assert level(D(2025, 3, 12)) is AlertLevel.NORMAL  # 7 of 10 used
    assert level(D(2025, 3, 13)) is AlertLevel.WARNING  # 8 of 10: 4/5 used
    assert level(D(2025, 3, 17)) is AlertLevel.WARNING  # the due day: still on time
    assert level(D(2025, 3, 18)) is AlertLevel.ALARM
    assert level(D(2025, 3, 31)) is AlertLevel.ALARM
    assert level(D(2025, 4, 1)) is AlertLevel.STATUTORY_BREACH
    assert AlertLevel.STATUTORY_BREACH.label_zh == "超法定时限"


def test_a_moment_is_judged_on_its_day_in_china_standard_time() -> None:
    """民法典 art. 203 with the clock's day convention: a period due on Friday
    2025-03-14; 2025-03-14T17:00Z is 01:00 on Saturday in Beijing, the day after the due
    day (a rest day: no working day is counted, yet the period has run out)."""
    clock = Clock.start(TimeLimit.workdays(5), on=D(2025, 3, 7), calendar=CAL)
    assert clock.due == D(2025, 3, 14)
    utc = dt.timezone.utc
    late = dt.datetime(2025, 3, 14, 17, 0, tzinfo=utc)
    same_day = dt.datetime(2025, 3, 14, 15, 0, tzinfo=utc)  # 23:00 on the due day
    assert alert(late, promised=clock, statutory=clock).level is AlertLevel.STATUTORY_BREACH
    assert alert(same_day, promised=clock, statutory=clock).level is AlertLevel.WARNING
    assert clock.past_due(late) is True
    assert clock.past_due(same_day) is False
    assert clock.past_due(D(2025, 3, 14)) is False


def test_warn_at_days_left_is_one_parameter_away() -> None:
    policy = AlertPolicy(warn_used=None, warn_days_left=2)
    assert alert(D(2025, 3, 12), promised=PROMISED, policy=policy).level is AlertLevel.NORMAL
    assert alert(D(2025, 3, 13), promised=PROMISED, policy=policy).level is AlertLevel.WARNING


def test_alarm_only_past_the_statutory_limit() -> None:
    # Localities that alarm only past the law pass the statutory clock as the promise.
    assert alert(D(2025, 3, 20), promised=STATUTORY).level is AlertLevel.NORMAL
    assert alert(D(2025, 4, 1), promised=STATUTORY).level is AlertLevel.ALARM


def test_a_suspended_case_does_not_advance_towards_an_alarm() -> None:
    paused = PROMISED.suspend(on=D(2025, 3, 10), reason=Suspension.EXPERT_REVIEW)
    first = alert(D(2025, 3, 10), promised=paused)
    later = alert(D(2025, 4, 30), promised=paused)
    assert first.level is later.level is AlertLevel.NORMAL
    assert first.used == later.used == 4


def test_policies_are_validated() -> None:
    with pytest.raises(InvalidValue):
        AlertPolicy(warn_used=None, warn_days_left=None)
    with pytest.raises(InvalidValue):
        AlertPolicy(warn_used=Fraction(4, 5), warn_days_left=2)
    with pytest.raises(InvalidValue):
        AlertPolicy(warn_used=Fraction(6, 5))
    with pytest.raises(InvalidValue):
        AlertPolicy(warn_used=0.8)  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        alert(D(2025, 3, 3), promised="clock")  # type: ignore[arg-type]


def test_hour_clocks_warn_by_share_used() -> None:
    clock = Clock.start(TimeLimit.hours(2), on=dt.datetime(2025, 3, 3, 9, 0), calendar=CAL)
    assert alert(dt.datetime(2025, 3, 3, 10, 30), promised=clock).level is AlertLevel.NORMAL
    assert alert(dt.datetime(2025, 3, 3, 10, 36), promised=clock).level is AlertLevel.WARNING
    assert alert(dt.datetime(2025, 3, 3, 11, 1), promised=clock).level is AlertLevel.ALARM
    with pytest.raises(InvalidValue):
        alert(
            dt.datetime(2025, 3, 3, 10, 0),
            promised=clock,
            policy=AlertPolicy(warn_used=None, warn_days_left=1),
        )


@given(st.integers(min_value=0, max_value=40))
def test_levels_never_go_down_on_a_running_case(offset: int) -> None:
    day = D(2025, 3, 3) + dt.timedelta(days=offset)
    today = alert(day, promised=PROMISED, statutory=STATUTORY).level
    tomorrow = alert(day + dt.timedelta(days=1), promised=PROMISED, statutory=STATUTORY).level
    assert tomorrow >= today


def test_efficiency_metrics() -> None:
    finished = [
        completion(D(2025, 3, 5), statutory=STATUTORY, promised=PROMISED),  # early, 2 used
        completion(D(2025, 3, 17), statutory=STATUTORY, promised=PROMISED),  # on the day, 10
        completion(D(2025, 3, 20), statutory=STATUTORY, promised=PROMISED),  # late promise, 13
        completion(D(2025, 4, 2), statutory=STATUTORY, promised=PROMISED),  # late law, 22
    ]
    metrics = efficiency(finished)
    assert metrics.finished == 4
    assert metrics.early_rate == Fraction(1, 4)
    assert metrics.on_time_rate == Fraction(1, 2)
    assert metrics.overdue_rate == Fraction(1, 2)
    assert metrics.statutory_overdue_rate == Fraction(1, 4)
    assert metrics.mean_workdays_used == Fraction(2 + 10 + 13 + 22, 4)
    empty = efficiency([])
    assert empty.finished == 0
    assert empty.on_time_rate is None
    assert empty.mean_workdays_used is None
    with pytest.raises(InvalidType):
        efficiency([PROMISED])  # type: ignore[list-item]
