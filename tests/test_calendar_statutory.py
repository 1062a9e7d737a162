"""The statutory projection (全国年节及纪念日放假办法) and the provisional calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shenpi.calendar import (
    CalendarDataMissing,
    DayKind,
    OverlapPolicy,
    WorkCalendar,
    statutory_holidays,
    statutory_rest_days,
)

D = dt.date
PROV = WorkCalendar.official(unannounced="statutory")
PROJECTED = st.dates(min_value=D(2027, 1, 1), max_value=D(2099, 8, 31))


def counts(year: int) -> dict[str, int]:
    result: dict[str, int] = {}
    for _, holiday in statutory_holidays(year):
        result[holiday.zh] = result.get(holiday.zh, 0) + 1
    return result


def test_the_2024_revision_gives_13_days_from_2025() -> None:
    assert counts(2027) == {
        "元旦": 1,
        "春节": 4,
        "清明节": 1,
        "劳动节": 2,
        "端午节": 1,
        "中秋节": 1,
        "国庆节": 3,
    }
    assert sum(counts(2030).values()) == 13


@pytest.mark.parametrize(("year", "total"), [(2005, 10), (2010, 11), (2020, 11), (2025, 13)])
def test_each_year_follows_the_text_in_force(year: int, total: int) -> None:
    assert sum(counts(year).values()) == total


def test_spring_festival_2027_starts_on_chuxi() -> None:
    spring = [day for day, holiday in statutory_holidays(2027) if holiday.zh == "春节"]
    assert spring == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]


def test_statutory_days_match_the_published_years(official: WorkCalendar) -> None:
    # Every art. 2 holiday of 2008-2026 is a rest day in the State Council's arrangements.
    for year in range(2008, 2027):
        for day, holiday in statutory_holidays(year):
            assert not official.is_workday(day), (day, holiday)


def test_art_6_compensation_follows_a_weekend_holiday() -> None:
    # 2027: 5/1-5/2 fall on Saturday and Sunday, so Monday 5/3 and Tuesday 5/4 are off.
    may = [item for item in statutory_rest_days(2027) if item.date.month == 5]
    assert [(item.date, item.compensation) for item in may] == [
        (D(2027, 5, 1), False),
        (D(2027, 5, 2), False),
        (D(2027, 5, 3), True),
        (D(2027, 5, 4), True),
    ]


def test_shared_holiday_days_follow_the_overlap_policy() -> None:
    # 2028: 中秋 falls on 10/3, a day of 国庆.
    compensate = {item.date for item in statutory_rest_days(2028) if item.date.month == 10}
    merge = {
        item.date
        for item in statutory_rest_days(2028, OverlapPolicy.MERGE)
        if item.date.month == 10
    }
    assert compensate - merge == {D(2028, 10, 5)}


def test_the_2020_precedent_for_the_compensate_policy(official: WorkCalendar) -> None:
    # 中秋 on 10/1/2020: the notice gave four weekdays off, as COMPENSATE would.
    weekdays_off = [
        info.date
        for info in official.days(D(2020, 10, 1), D(2020, 10, 8))
        if info.date.weekday() < 5 and not info.is_workday
    ]
    statutory_weekdays = [
        item.date
        for item in statutory_rest_days(2020)
        if item.date.month == 10 and item.date.weekday() < 5
    ]
    make_up_days = [
        info.date
        for info in official.days(D(2020, 9, 20), D(2020, 10, 15))
        if info.kind is DayKind.SHIFTED_WORKDAY
    ]
    assert len(statutory_weekdays) == len(weekdays_off) - len(make_up_days) == 4


@pytest.mark.parametrize("year", range(2027, 2036))
def test_projection_agrees_with_holidays_but_for_shared_days(year: int) -> None:
    holidays = pytest.importorskip("holidays")
    china = holidays.China(years=year)
    theirs = {day for day in china if day.year == year}
    merged = {item.date for item in statutory_rest_days(year, OverlapPolicy.MERGE)}
    compensated = {item.date for item in statutory_rest_days(year)}
    assert merged == theirs
    # The only differences: one extra day off per shared day (documented in calendar.md).
    expected_extra = {2028: {D(2028, 10, 5)}, 2031: {D(2031, 10, 6)}}.get(year, set())
    assert compensated - theirs == expected_extra
    assert theirs <= compensated


def test_the_projection_is_provisional_and_says_so() -> None:
    assert PROV.provisional_from == D(2027, 1, 1)
    assert PROV.coverage == (D(2004, 1, 1), D(2099, 12, 31))
    info = PROV.describe(D(2027, 10, 1))
    assert info.provisional
    assert info.kind is DayKind.HOLIDAY
    assert "放假办法" in info.source
    assert not PROV.describe(D(2026, 10, 1)).provisional


@given(PROJECTED, st.integers(min_value=1, max_value=60))
def test_any_result_reaching_a_projected_day_is_provisional(d: dt.date, n: int) -> None:
    trace = PROV.trace(d, n)
    assert trace.provisional
    assert PROV.is_provisional(trace.result)


@given(st.dates(min_value=D(2010, 1, 1), max_value=D(2026, 10, 1)), st.integers(1, 40))
def test_published_results_are_not_provisional(d: dt.date, n: int) -> None:
    trace = PROV.trace(d, n)
    assume(trace.result <= D(2026, 12, 31))
    assert not trace.provisional
    assert trace.result == WorkCalendar.official().add_workdays(d, n)


@given(PROJECTED, st.integers(min_value=-40, max_value=40))
def test_the_contract_holds_in_projected_years(d: dt.date, n: int) -> None:
    result = PROV.add_workdays(d, n)
    if n >= 0 or PROV.is_workday(d):
        assert PROV.workdays_between(d, result) == n
    if n:
        assert PROV.is_workday(result)


def test_no_projection_past_the_lunar_tables() -> None:
    with pytest.raises(CalendarDataMissing):
        statutory_holidays(2100)
    with pytest.raises(CalendarDataMissing):
        PROV.is_workday(D(2100, 1, 4))


def test_projection_can_stop_earlier_and_merge() -> None:
    short = WorkCalendar.official(unannounced="statutory", until=2030, overlap="merge")
    assert short.coverage[1] == D(2030, 12, 31)
    assert short.is_workday(D(2028, 10, 5))
    assert not PROV.is_workday(D(2028, 10, 5))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"unannounced": "guess"}, "unannounced"),
        ({"unannounced": "statutory", "overlap": "both"}, "overlap"),
        ({"unannounced": "statutory", "until": 2150}, "until"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match="expected") as caught:
        WorkCalendar.official(**kwargs)  # type: ignore[arg-type]
    assert getattr(caught.value, "field", None) == field
