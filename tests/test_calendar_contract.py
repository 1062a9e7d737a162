"""The working-day contract of DESIGN.md, as properties over the whole published range."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shenpi.calendar import CalendarDataMissing, DayKind, WorkCalendar
from shenpi.calendar.core import ERRATA

CAL = WorkCalendar.official()
FIRST, LAST = CAL.coverage
# Start days far enough from the edges that +/-120 working days stay inside the data.
SAFE = st.dates(min_value=FIRST + dt.timedelta(days=200), max_value=LAST - dt.timedelta(days=200))
STEPS = st.integers(min_value=-60, max_value=60)
POSITIVE = st.integers(min_value=1, max_value=60)


def test_coverage_is_derived_from_the_published_data() -> None:
    years = [day.year for day in chinese_calendar.holidays]
    assert CAL.coverage == (dt.date(min(years), 1, 1), dt.date(max(years), 12, 31))


@given(SAFE, st.integers(min_value=0, max_value=60))
def test_counting_what_was_added_gives_n(d: dt.date, n: int) -> None:
    assert CAL.workdays_between(d, CAL.add_workdays(d, n)) == n


@given(SAFE, st.integers(min_value=-60, max_value=-1))
def test_counting_back_from_a_working_day_gives_n(d: dt.date, n: int) -> None:
    assume(CAL.is_workday(d))
    assert CAL.workdays_between(d, CAL.add_workdays(d, n)) == n


@given(SAFE, st.integers(min_value=-60, max_value=-1))
def test_counting_back_from_a_rest_day_misses_only_the_rest_day(d: dt.date, n: int) -> None:
    # (a, b] is half-open: going back from a rest day d, the interval (result, d] holds
    # |n| - 1 working days, since d itself is not one.
    assume(not CAL.is_workday(d))
    assert CAL.workdays_between(d, CAL.add_workdays(d, n)) == n + 1


@given(SAFE, POSITIVE, POSITIVE)
def test_adding_composes(d: dt.date, a: int, b: int) -> None:
    assert CAL.add_workdays(CAL.add_workdays(d, a), b) == CAL.add_workdays(d, a + b)


@given(SAFE, STEPS, STEPS)
def test_add_is_monotone_in_n(d: dt.date, m: int, n: int) -> None:
    assume(m < n)
    assert CAL.add_workdays(d, m) <= CAL.add_workdays(d, n)
    if m != 0 and n != 0:
        assert CAL.add_workdays(d, m) < CAL.add_workdays(d, n)


@given(SAFE, st.integers(min_value=0, max_value=30), STEPS)
def test_add_is_monotone_in_the_start(d: dt.date, later: int, n: int) -> None:
    e = d + dt.timedelta(days=later)
    assert CAL.add_workdays(d, n) <= CAL.add_workdays(e, n)


@given(SAFE, STEPS)
def test_the_result_of_a_nonzero_step_is_a_working_day(d: dt.date, n: int) -> None:
    assume(n != 0)
    assert CAL.is_workday(CAL.add_workdays(d, n))


@given(SAFE, POSITIVE)
def test_the_nth_working_day_after_has_exactly_n_working_days_up_to_it(d: dt.date, n: int) -> None:
    result = CAL.add_workdays(d, n)
    days = [d + dt.timedelta(days=i) for i in range(1, (result - d).days + 1)]
    assert sum(CAL.is_workday(day) for day in days) == n
    assert result > d


@given(SAFE)
def test_zero_steps_is_the_day_itself_even_on_a_rest_day(d: dt.date) -> None:
    assert CAL.add_workdays(d, 0) == d


@given(SAFE, SAFE)
def test_between_is_half_open_and_antisymmetric(a: dt.date, b: dt.date) -> None:
    assert CAL.workdays_between(a, b) == -CAL.workdays_between(b, a)
    assert CAL.workdays_between(a, a) == 0
    step = dt.timedelta(days=1)
    assert CAL.workdays_between(a - step, a) == int(CAL.is_workday(a))


def published_days() -> list[dt.date]:
    return [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


def test_every_published_day_agrees_with_chinese_calendar_but_for_the_errata() -> None:
    disagreements = [
        day for day in published_days() if CAL.is_workday(day) != chinese_calendar.is_workday(day)
    ]
    assert disagreements == sorted(ERRATA)


def test_every_published_day_agrees_with_holidays() -> None:
    # The independent second source; it also has the 2005-12-31 make-up Saturday.
    holidays = pytest.importorskip("holidays")
    china = holidays.China(years=range(FIRST.year, LAST.year + 1))
    for day in published_days():
        assert CAL.is_workday(day) == china.is_working_day(day), day


def test_the_2006_new_year_make_up_saturday_is_a_working_day() -> None:
    info = CAL.describe(dt.date(2005, 12, 31))
    assert info.is_workday
    assert info.kind is DayKind.SHIFTED_WORKDAY
    assert "2006" in info.source


@given(st.dates(min_value=LAST + dt.timedelta(days=1), max_value=dt.date(2200, 12, 31)))
def test_nothing_beyond_coverage_answers(d: dt.date) -> None:
    with pytest.raises(CalendarDataMissing):
        CAL.is_workday(d)
    with pytest.raises(CalendarDataMissing):
        CAL.add_workdays(d, 1)
    with pytest.raises(CalendarDataMissing):
        CAL.workdays_between(FIRST, d)
    with pytest.raises(CalendarDataMissing):
        CAL.describe(d)


@given(st.dates(max_value=FIRST - dt.timedelta(days=1)))
def test_nothing_before_coverage_answers(d: dt.date) -> None:
    with pytest.raises(CalendarDataMissing):
        CAL.is_workday(d)
    with pytest.raises(CalendarDataMissing):
        CAL.add_workdays(d, -1)


@given(st.dates(min_value=LAST - dt.timedelta(days=40), max_value=LAST), st.integers(30, 400))
def test_an_answer_that_would_need_next_years_notice_is_refused(d: dt.date, n: int) -> None:
    with pytest.raises(CalendarDataMissing) as caught:
        CAL.add_workdays(d, n)
    assert caught.value.field == "n"
    assert "with_notice" in str(caught.value)


def test_missing_data_is_a_lookup_error_naming_the_field_and_a_fix() -> None:
    with pytest.raises(LookupError) as caught:
        CAL.add_workdays(dt.date(2027, 3, 1), 5)
    error = caught.value
    assert isinstance(error, CalendarDataMissing)
    assert error.field == "d"
    assert error.value == dt.date(2027, 3, 1)
    assert "unannounced='statutory'" in str(error)
    assert error.message_zh


def test_the_official_calendar_is_built_once() -> None:
    assert WorkCalendar.official() is WorkCalendar.official()
