"""Bounds over unannounced years (``shenpi.calendar.bounds``) and the unsettled December.

The envelope is only as good as its assumption, so the assumption is tested against
history: for each published year, the envelope built as if the data ended the year
before must contain that year's real arrangement, day by day.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shenpi.calendar import (
    DayKind,
    Envelope,
    WorkCalendar,
    envelope,
    statutory_holidays,
)
from shenpi.calendar.bounds import ASSUMPTION, REST_WINDOW, WORK_WINDOW, _envelope_as_of
from shenpi.errors import InvalidType, InvalidValue

D = dt.date
DAY = dt.timedelta(days=1)
OFFICIAL = WorkCalendar.official()
HISTORY = range(2011, 2027)
NOTICE_2026 = Path(__file__).parent.parent / "examples" / "notices" / "2026.json"
# 国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知: a one-off
# holiday outside 全国年节及纪念日放假办法, and outside the assumption.
COMMEMORATION_2015 = {D(2015, 9, 3), D(2015, 9, 4), D(2015, 9, 6)}
HYPOTHETICAL_2027 = {  # an illustration, not the State Council's 2027 notice
    "year": 2027,
    "published": "2026-11-20",
    "source": "illustration",
    "holidays": [
        {
            "name": "春节",
            "from": "2027-02-05",
            "to": "2027-02-12",
            "workdays": ["2027-02-13", "2027-02-14"],
        }
    ],
}


def as_of(year: int) -> Envelope:
    """The envelope of the official calendar as if its data ended with ``year - 1``."""
    return _envelope_as_of(OFFICIAL, year - 1, year)


def span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + i * DAY for i in range((last - first).days + 1)]


# ------------------------------------------------------------------ the measurement
def measure() -> dict[str, tuple[int, int, int]]:
    """Per festival, over the arrangements of 2010-2026: the farthest weekday rest day,
    the farthest worked weekend day (natural days from the festival's nearest statutory
    date, text in force that year) and the most 调休 days in one year."""
    statutory: dict[tuple[int, str], list[dt.date]] = defaultdict(list)
    for year in range(2010, 2027):
        for day, holiday in statutory_holidays(year):
            statutory[year, holiday.zh].append(day)
    holiday_dates = {day for days in statutory.values() for day in days}
    rest: dict[str, int] = defaultdict(int)
    work: dict[str, int] = defaultdict(int)
    per_year: dict[tuple[int, str], int] = defaultdict(int)
    for info in OFFICIAL.days(D(2009, 12, 1), D(2026, 12, 31)):
        weekend = info.date.weekday() >= 5
        if info.kind is DayKind.SHIFTED_WORKDAY:
            table = work
        elif not info.is_workday and not weekend and info.date not in holiday_dates:
            table = rest
        else:
            continue
        assert info.holiday is not None
        name = info.holiday.zh
        year = info.date.year + 1 if info.date.month == 12 and name == "元旦" else info.date.year
        if info.date in COMMEMORATION_2015 or year < 2010:
            continue
        distance = min(abs((info.date - day).days) for day in statutory[year, name])
        table[name] = max(table[name], distance)
        per_year[year, name] += 1
    most: dict[str, int] = defaultdict(int)
    for (_, name), count in per_year.items():
        most[name] = max(most[name], count)
    return {name: (rest[name], work[name], most[name]) for name in most}


def test_the_windows_are_the_measured_distances() -> None:
    measured = measure()
    # The table of the module docstring and of docs/calendar.md.
    assert measured == {
        "元旦": (2, 5, 4),
        "春节": (4, 9, 6),
        "清明节": (2, 4, 4),
        "劳动节": (4, 10, 5),
        "端午节": (2, 4, 4),
        "中秋节": (2, 3, 4),
        "国庆节": (5, 11, 6),
    }
    assert max(rest for rest, _, _ in measured.values()) == REST_WINDOW == 5
    assert max(work for _, work, _ in measured.values()) == WORK_WINDOW == 11


def test_every_statutory_date_rested() -> None:
    for year in range(2010, 2027):
        for day, holiday in statutory_holidays(year):
            assert not OFFICIAL.is_workday(day), (day, holiday)


# ------------------------------------------------------------------ history
@pytest.mark.parametrize("year", HISTORY)
def test_each_years_arrangement_lies_inside_the_envelope_of_the_year_before(year: int) -> None:
    bounds = as_of(year)
    assert bounds.from_day == D(year - 1, 12, 1)
    outside = []
    for day in span(D(year - 1, 12, 1), D(year, 12, 31)):
        real = OFFICIAL.is_workday(day)
        if real and not bounds.earliest.is_workday(day):
            outside.append((day, "worked, but a rest day in earliest"))
        if not real and bounds.latest.is_workday(day):
            outside.append((day, "rested, but a working day in latest"))
    expected = (
        [
            (D(2015, 9, 3), "rested, but a working day in latest"),
            (D(2015, 9, 4), "rested, but a working day in latest"),
            (D(2015, 9, 6), "worked, but a rest day in earliest"),
        ]
        if year == 2015
        else []
    )
    assert outside == expected


def test_the_2019_notice_moved_the_december_before_it() -> None:
    bounds = as_of(2019)
    # 2018-12-29 (Saturday) was worked and 2018-12-31 (Monday) rested for 元旦 2019.
    assert bounds.earliest.is_workday(D(2018, 12, 29))
    assert not bounds.latest.is_workday(D(2018, 12, 31))
    assert not OFFICIAL.is_workday(D(2018, 12, 31))


def test_days_before_the_unsettled_december_keep_the_data() -> None:
    bounds = as_of(2020)
    for day in span(D(2019, 1, 1), D(2019, 11, 30)):
        assert bounds.earliest.is_workday(day) == OFFICIAL.is_workday(day)
        assert bounds.latest.is_workday(day) == OFFICIAL.is_workday(day)


# ------------------------------------------------------------------ properties
# 2015 is left out: its one-off commemoration lies outside the assumption (pinned above).
YEARS = st.sampled_from([year for year in HISTORY if year != 2015])
OFFSETS = st.integers(min_value=0, max_value=300)  # start days from 1 Dec of the year before
STEPS = st.integers(min_value=1, max_value=40)


@given(YEARS, OFFSETS, STEPS)
def test_adding_working_days_is_bounded(year: int, offset: int, n: int) -> None:
    bounds = as_of(year)
    d = D(year - 1, 12, 1) + offset * DAY
    earliest, latest = bounds.earliest, bounds.latest
    assert earliest.add_workdays(d, n) <= OFFICIAL.add_workdays(d, n) <= latest.add_workdays(d, n)
    # Counting backwards the roles swap.
    assert (
        earliest.add_workdays(d, -n) >= OFFICIAL.add_workdays(d, -n) >= latest.add_workdays(d, -n)
    )


@given(YEARS, OFFSETS, st.integers(min_value=0, max_value=60))
def test_counts_are_bounded(year: int, offset: int, length: int) -> None:
    bounds = as_of(year)
    a = D(year - 1, 12, 1) + offset * DAY
    b = a + length * DAY
    count = OFFICIAL.workdays_between(a, b)
    assert bounds.earliest.workdays_between(a, b) >= count >= bounds.latest.workdays_between(a, b)


@given(YEARS, st.integers(min_value=0, max_value=200), STEPS, st.integers(0, 30), STEPS)
def test_a_due_day_with_a_suspension_is_bounded(
    year: int, offset: int, before: int, paused: int, after: int
) -> None:
    # ``before`` working days run, the clock stands still ``paused`` natural days, then
    # the remaining ``after`` working days run.
    def due(cal: WorkCalendar) -> dt.date:
        start = D(year - 1, 12, 1) + offset * DAY
        return cal.add_workdays(cal.add_workdays(start, before) + paused * DAY, after)

    bounds = as_of(year)
    assert due(bounds.earliest) <= due(OFFICIAL) <= due(bounds.latest)


@given(st.dates(min_value=D(2026, 11, 1), max_value=D(2031, 10, 31)), STEPS)
def test_every_projected_day_lies_inside_the_envelope(d: dt.date, n: int) -> None:
    bounds = envelope(OFFICIAL)
    projected = WorkCalendar.official(unannounced="statutory")
    assert (
        bounds.earliest.add_workdays(d, n)
        <= projected.add_workdays(d, n)
        <= bounds.latest.add_workdays(d, n)
    )


# ------------------------------------------------------------------ envelope()
def test_the_envelope_of_the_official_data() -> None:
    bounds = envelope(OFFICIAL)
    assert bounds.from_day == OFFICIAL.unsettled_from == D(2026, 12, 1)
    assert bounds.assumption == ASSUMPTION
    assert f"within {REST_WINDOW} natural days" in bounds.assumption
    assert f"{WORK_WINDOW}日以内的周六、周日" in bounds.assumption_zh
    for cal in (bounds.earliest, bounds.latest):
        assert cal.coverage == (D(2004, 1, 1), D(2031, 12, 31))
        assert cal.provisional_from == D(2027, 1, 1)
        assert cal.unsettled_from == D(2026, 12, 1)
    for day in span(D(2026, 1, 1), D(2026, 11, 30)):
        assert bounds.earliest.is_workday(day) == bounds.latest.is_workday(day)
        assert bounds.earliest.is_workday(day) == OFFICIAL.is_workday(day)
    for day in span(D(2026, 12, 1), D(2031, 12, 31)):
        assert bounds.earliest.is_workday(day) or not bounds.latest.is_workday(day)
    for year in range(2027, 2032):
        for day, _ in statutory_holidays(year):
            assert not bounds.earliest.is_workday(day)


def test_widened_days_name_the_assumption() -> None:
    bounds = envelope(OFFICIAL)
    info = bounds.earliest.describe(D(2027, 2, 13))  # a Saturday before 春节 2027
    assert info.is_workday
    assert ASSUMPTION in info.source
    assert "(earliest)" in info.source
    info = bounds.latest.describe(D(2027, 2, 11))  # a Thursday after 春节 2027
    assert not info.is_workday
    assert WorkCalendar.official(unannounced="statutory").is_workday(D(2027, 2, 11))
    assert "(latest)" in info.source


def test_the_envelope_is_cached_per_calendar() -> None:
    assert envelope(OFFICIAL) is envelope(WorkCalendar.official())
    assert envelope(OFFICIAL, until=2028) is envelope(OFFICIAL, until=2028)
    # A provisional calendar has the same published data, so the same bounds.
    assert envelope(WorkCalendar.official(unannounced="statutory", until=2031)) == envelope(
        OFFICIAL
    )


def test_until_sets_the_last_year_bounded() -> None:
    assert envelope(OFFICIAL, until=2026).earliest.coverage[1] == D(2026, 12, 31)
    assert envelope(OFFICIAL, until=2040).latest.coverage[1] == D(2040, 12, 31)
    far = WorkCalendar.official(unannounced="statutory", until=2050)
    assert envelope(far).latest.coverage[1] == D(2050, 12, 31)


def test_a_notice_moves_the_envelope() -> None:
    cal = OFFICIAL.with_notice(HYPOTHETICAL_2027)
    bounds = envelope(cal)
    assert bounds.from_day == D(2027, 12, 1)
    assert bounds.earliest.is_workday(D(2027, 2, 13))
    assert bounds.latest.is_workday(D(2027, 2, 13))
    assert not bounds.earliest.is_workday(D(2027, 2, 10))


def test_local_acts_stand_in_the_envelope() -> None:
    closed = OFFICIAL.with_rest_days([D(2026, 3, 2)], reason="县政府通知 (illustration)")
    bounds = envelope(closed)
    assert not bounds.earliest.is_workday(D(2026, 3, 2))
    assert not bounds.latest.is_workday(D(2026, 3, 2))
    provisional = WorkCalendar.official(unannounced="statutory")
    opened = provisional.with_workdays([D(2027, 1, 1)], reason="窗口值守 (illustration)")
    bounds = envelope(opened)
    assert bounds.earliest.is_workday(D(2027, 1, 1))
    assert bounds.latest.is_workday(D(2027, 1, 1))


def test_an_envelope_pickles() -> None:
    bounds = envelope(OFFICIAL)
    assert pickle.loads(pickle.dumps(bounds)) == bounds


@pytest.mark.parametrize("bad", ["official", None, 2026])
def test_the_calendar_must_be_a_calendar(bad: object) -> None:
    with pytest.raises(InvalidType):
        envelope(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [True, 2027.0, "2027"])
def test_until_must_be_a_year(bad: object) -> None:
    with pytest.raises(InvalidType):
        envelope(OFFICIAL, until=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [2025, 2100])
def test_until_must_lie_between_the_data_and_2099(bad: int) -> None:
    with pytest.raises(InvalidValue):
        envelope(OFFICIAL, until=bad)


# ------------------------------------------------------------------ unsettled_from
def test_unsettled_from_is_1_december_of_the_last_published_year() -> None:
    assert OFFICIAL.unsettled_from == D(2026, 12, 1)


def test_unsettled_from_ignores_the_projection() -> None:
    provisional = WorkCalendar.official(unannounced="statutory")
    assert provisional.unsettled_from == D(2026, 12, 1)
    assert provisional.provisional_from is not None
    assert provisional.provisional_from > provisional.unsettled_from


def test_unsettled_from_moves_with_a_notice() -> None:
    assert OFFICIAL.with_notice(HYPOTHETICAL_2027).unsettled_from == D(2027, 12, 1)
    provisional = WorkCalendar.official(unannounced="statutory").with_notice(HYPOTHETICAL_2027)
    assert provisional.unsettled_from == D(2027, 12, 1)


def test_an_amending_notice_does_not_move_unsettled_from() -> None:
    amendment = json.loads(NOTICE_2026.read_text(encoding="utf-8"))
    amendment["amends"] = True
    assert OFFICIAL.with_notice(amendment).unsettled_from == D(2026, 12, 1)


def test_touches_unsettled() -> None:
    first = OFFICIAL.unsettled_from
    assert not OFFICIAL.touches_unsettled(D(2026, 1, 1), first - DAY)
    assert OFFICIAL.touches_unsettled(D(2026, 11, 20), first)
    assert OFFICIAL.touches_unsettled(first, D(2026, 11, 20))  # either order
    assert OFFICIAL.touches_unsettled(D(2026, 12, 31), D(2026, 12, 31))
    assert OFFICIAL.touches_unsettled(D(2027, 3, 1), D(2027, 3, 1))  # past the data
    assert not OFFICIAL.touches_provisional(D(2026, 11, 20), D(2026, 12, 31))
    late = dt.datetime(2026, 11, 30, 17, 0, tzinfo=dt.timezone.utc)  # 12/1 01:00 in Beijing
    assert OFFICIAL.touches_unsettled(late, late)


def test_touches_unsettled_refuses_what_is_not_a_date() -> None:
    with pytest.raises(InvalidType):
        OFFICIAL.touches_unsettled("2026-12-01", D(2026, 12, 1))
