"""The NumPy forms give what the scalar methods give, element by element."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shenpi.calendar import CalendarDataMissing, WorkCalendar
from shenpi.errors import InvalidType

np = pytest.importorskip("numpy")

CAL = WorkCalendar.official()
PROV = WorkCalendar.official(unannounced="statutory")
DAYS = st.lists(
    st.dates(min_value=dt.date(2004, 6, 1), max_value=dt.date(2026, 6, 30)), min_size=0, max_size=50
)


def as_array(days: list[dt.date]) -> object:
    return np.array(days, dtype="datetime64[D]")


@given(DAYS, st.integers(min_value=-80, max_value=80))
def test_add_matches_scalar_for_one_n(days: list[dt.date], n: int) -> None:
    result = CAL.add_workdays_array(as_array(days), n)
    assert result.tolist() == [CAL.add_workdays(d, n) for d in days]


@given(st.data())
def test_add_matches_scalar_for_an_array_of_n(data: st.DataObject) -> None:
    days = data.draw(DAYS)
    steps = data.draw(st.lists(st.integers(-80, 80), min_size=len(days), max_size=len(days)))
    result = CAL.add_workdays_array(as_array(days), np.array(steps, dtype=np.int64))
    assert result.tolist() == [CAL.add_workdays(d, n) for d, n in zip(days, steps, strict=True)]


@given(DAYS, DAYS)
def test_between_and_is_workday_match_scalar(a: list[dt.date], b: list[dt.date]) -> None:
    size = min(len(a), len(b))
    a, b = a[:size], b[:size]
    counts = CAL.workdays_between_array(as_array(a), as_array(b))
    assert counts.tolist() == [CAL.workdays_between(x, y) for x, y in zip(a, b, strict=True)]
    assert CAL.is_workday_array(as_array(a)).tolist() == [CAL.is_workday(x) for x in a]


def test_the_provisional_calendar_vectorizes_too() -> None:
    days = as_array([dt.date(2027, 9, 30), dt.date(2040, 2, 1)])
    assert PROV.add_workdays_array(days, 5).tolist() == [
        PROV.add_workdays(dt.date(2027, 9, 30), 5),
        PROV.add_workdays(dt.date(2040, 2, 1), 5),
    ]


def test_days_outside_the_coverage_are_refused_naming_the_element() -> None:
    days = as_array([dt.date(2025, 1, 2), dt.date(2027, 1, 4)])
    with pytest.raises(CalendarDataMissing) as caught:
        CAL.add_workdays_array(days, 1)
    assert caught.value.field == "dates[1]"
    with pytest.raises(CalendarDataMissing) as beyond:
        CAL.add_workdays_array(as_array([dt.date(2025, 1, 2), dt.date(2026, 12, 30)]), 5)
    assert beyond.value.field == "dates[1]"


def test_non_dates_are_refused() -> None:
    with pytest.raises(InvalidType):
        CAL.add_workdays_array(np.array([1, 2, 3]), 1)
    with pytest.raises(InvalidType):
        CAL.add_workdays_array(as_array([dt.date(2025, 1, 2)]), 1.5)
