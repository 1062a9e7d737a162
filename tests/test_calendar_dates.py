"""Dates in: date and datetime (naive = China Standard Time), nothing else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shenpi.calendar import CST, WorkCalendar, as_cst_date
from shenpi.errors import InvalidType, ShenpiError

CAL = WorkCalendar.official()
DAYS = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2026, 6, 30))


@given(DAYS, st.times())
def test_a_naive_datetime_is_its_own_day_in_china(day: dt.date, time: dt.time) -> None:
    moment = dt.datetime.combine(day, time)
    assert as_cst_date(moment, "on") == day
    assert CAL.add_workdays(moment, 3) == CAL.add_workdays(day, 3)


@given(DAYS, st.times(), st.integers(min_value=-12, max_value=14))
def test_an_aware_datetime_is_converted_to_china_time(
    day: dt.date, time: dt.time, offset: int
) -> None:
    zone = dt.timezone(dt.timedelta(hours=offset))
    moment = dt.datetime.combine(day, time, tzinfo=zone)
    assert as_cst_date(moment, "on") == moment.astimezone(CST).date()
    assert CAL.is_workday(moment) == CAL.is_workday(moment.astimezone(CST).date())


def test_evening_in_utc_is_the_next_day_in_the_hall() -> None:
    moment = dt.datetime(2025, 9, 30, 17, 0, tzinfo=dt.timezone.utc)  # 10/1 01:00 CST
    assert as_cst_date(moment, "on") == dt.date(2025, 10, 1)
    assert not CAL.is_workday(moment)


CALLS: dict[str, Callable[[object], object]] = {
    "is_workday": CAL.is_workday,
    "add_workdays": lambda bad: CAL.add_workdays(bad, 1),
    "workdays_between": lambda bad: CAL.workdays_between(dt.date(2025, 1, 1), bad),
}


@pytest.mark.parametrize("bad", ["2025-10-08", 20251008, None, 3.5, (2025, 10, 8)])
@pytest.mark.parametrize("call", sorted(CALLS))
def test_anything_but_a_date_is_a_type_error_naming_the_argument(bad: object, call: str) -> None:
    with pytest.raises(InvalidType) as caught:
        CALLS[call](bad)
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, ShenpiError)
    assert caught.value.field in {"d", "b"}
    assert caught.value.value is bad or caught.value.value == bad


@pytest.mark.parametrize("bad", [1.0, "5", True, None])
def test_a_number_of_days_must_be_a_whole_number(bad: object) -> None:
    with pytest.raises(InvalidType) as caught:
        CAL.add_workdays(dt.date(2025, 1, 2), bad)  # type: ignore[arg-type]
    assert caught.value.field == "n"


def test_numpy_integers_are_whole_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert CAL.add_workdays(dt.date(2025, 9, 30), np.int64(1)) == dt.date(2025, 10, 9)
