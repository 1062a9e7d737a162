"""Worked legal cases: deadlines across the holidays a hall actually meets."""

from __future__ import annotations

import datetime as dt

import pytest

from shenpi.calendar import DayKind, WorkCalendar

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.official()


def test_an_application_accepted_on_a_holiday_counts_from_the_next_working_day(
    cal: WorkCalendar,
) -> None:
    # Accepted online on 2025-10-03 (国庆): the start day never counts (民法典 art. 201);
    # the first working day after it is 10/9, so 20 working days end on 2025-11-04.
    assert cal.add_workdays(D(2025, 10, 3), 1) == D(2025, 10, 9)
    # 10/9, 10/10, 10/11 (make-up Saturday), 10/13 ... : the 20th is 11/4.
    assert cal.add_workdays(D(2025, 10, 3), 20) == D(2025, 11, 4)


def test_twenty_working_days_across_spring_festival_2025(cal: WorkCalendar) -> None:
    # 2025 春节: 1/28-2/4 off, 1/26 (Sunday) and 2/8 (Saturday) are working days.
    assert cal.is_workday(D(2025, 1, 26))
    assert cal.describe(D(2025, 1, 26)).kind is DayKind.SHIFTED_WORKDAY
    assert not cal.is_workday(D(2025, 2, 3))
    assert cal.describe(D(2025, 2, 3)).kind is DayKind.SHIFTED_REST
    # Accepted Friday 1/24: 1/26, 1/27, then 2/5, 2/6, 2/7, 2/8 (Saturday), 2/10 ...
    # the 20th working day is 2/27.
    assert cal.add_workdays(D(2025, 1, 24), 20) == D(2025, 2, 27)
    assert cal.workdays_between(D(2025, 1, 24), D(2025, 2, 27)) == 20


def test_national_day_2025_with_mid_autumn(cal: WorkCalendar) -> None:
    # 10/1-10/8 off (国庆 + 中秋 on 10/6); 9/28 (Sunday) and 10/11 (Saturday) worked.
    days = {info.date: info for info in cal.days(D(2025, 9, 27), D(2025, 10, 12))}
    assert [d for d, info in days.items() if info.is_workday] == [
        D(2025, 9, 28),
        D(2025, 9, 29),
        D(2025, 9, 30),
        D(2025, 10, 9),
        D(2025, 10, 10),
        D(2025, 10, 11),
    ]
    assert days[D(2025, 10, 1)].holiday is not None
    assert days[D(2025, 10, 1)].holiday.zh == "国庆节"
    assert cal.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)


def test_the_2020_spring_festival_extension_is_in_the_data(cal: WorkCalendar) -> None:
    # The 2020-01-27 amendment extended 春节 to 2 February: 1/31 became a rest day and
    # Saturday 2/1 no longer a make-up working day.
    assert not cal.is_workday(D(2020, 1, 31))
    assert not cal.is_workday(D(2020, 2, 1))
    assert cal.add_workdays(D(2020, 1, 23), 1) == D(2020, 2, 3)


def test_a_make_up_saturday_counts_as_a_working_day(cal: WorkCalendar) -> None:
    saturday = D(2025, 10, 11)
    assert saturday.weekday() == 5
    assert cal.is_workday(saturday)
    assert cal.add_workdays(D(2025, 10, 10), 1) == saturday
    assert cal.workdays_between(D(2025, 10, 10), D(2025, 10, 13)) == 2


def test_a_deadline_counted_back_from_a_make_up_day(cal: WorkCalendar) -> None:
    # Art. 32: the supplement notice is due within 5 working days; counted backwards
    # from the due day we must land on the acceptance day again.
    due = cal.add_workdays(D(2026, 2, 12), 5)
    assert due == D(2026, 2, 26)  # 2/13, 2/14 (Saturday, worked); 2/15-2/23 off; 2/24-2/26
    assert cal.add_workdays(due, -5) == D(2026, 2, 12)


def test_trace_names_the_holidays_crossed(cal: WorkCalendar) -> None:
    trace = cal.trace(D(2025, 9, 30), 3)
    assert trace.result == D(2025, 10, 11)
    kinds = {info.kind for info in trace.special_days}
    assert DayKind.SHIFTED_WORKDAY in kinds
    assert DayKind.HOLIDAY in kinds
    assert not trace.provisional
    assert all(D(2025, 9, 30) < info.date <= trace.result for info in trace.special_days)


def test_trace_backwards_covers_the_span_before_the_start(cal: WorkCalendar) -> None:
    trace = cal.trace(D(2025, 10, 9), -1)
    assert trace.result == D(2025, 9, 30)
    assert trace.special_days[0].date == D(2025, 10, 1)
    assert all(info.date < D(2025, 10, 9) for info in trace.special_days)
