"""The statutory holidays of 全国年节及纪念日放假办法, year by year, and their art. 6 compensation.

This is the law, not an arrangement: it says which days are holidays for all citizens
(art. 2) and that one falling on a Saturday or Sunday gives a weekday off (art. 6). It
does not say how rest days are swapped (调休); only each year's State Council notice does.
shenpi uses it to project years whose notice is not yet published (provisional mode) and
to tell, inside a published holiday period, statutory days from moved rest days.

Versions of art. 2 (holidays for all citizens):

=================  ===================================================  ====
in force           days                                                 total
=================  ===================================================  ====
1999-09-18         元旦 1; 春节 初一–初三; 劳动节 5/1–5/3; 国庆节 10/1–10/3     10
2008-01-01         元旦 1; 春节 除夕–初二; 清明 1; 劳动节 5/1; 端午 1;              11
                   中秋 1; 国庆节 10/1–10/3
2014-01-01         as 2008, but 春节 初一–初三                                    11
2025-01-01         元旦 1; 春节 除夕–初三; 清明 1; 劳动节 5/1–5/2; 端午 1;          13
                   中秋 1; 国庆节 10/1–10/3
=================  ===================================================  ====

Lunar dates come from ``lunardate`` (a small, pure-Python, table-based converter for
1900-2099 with no dependencies); the 清明 solar term from ``chinese-calendar``'s
``get_solar_terms``, which the project already depends on.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterator

import attrs

from shenpi.calendar.days import (
    DRAGON_BOAT,
    LABOUR_DAY,
    MID_AUTUMN,
    NATIONAL_DAY,
    NEW_YEAR,
    QINGMING,
    SPRING_FESTIVAL,
    HolidayName,
)
from shenpi.errors import CalendarDataMissing

__all__ = [
    "FIRST_PROJECTABLE_YEAR",
    "LAST_PROJECTABLE_YEAR",
    "OverlapPolicy",
    "StatutoryDay",
    "statutory_holidays",
    "statutory_rest_days",
]

FIRST_PROJECTABLE_YEAR = 2000
"""Earliest year ``statutory_holidays`` answers for (the 1999 text was in force)."""
LAST_PROJECTABLE_YEAR = 2099
"""Last year the lunar tables of ``lunardate`` cover."""

_DAY = _dt.timedelta(days=1)


class OverlapPolicy(enum.Enum):
    """What a projection does when two statutory holidays fall on the same day.

    The law is silent. ``COMPENSATE`` (the default) gives each holiday its own day off:
    the second holiday on a shared day yields one more weekday off after the period, as
    the 2020 notice did when 中秋 fell on 国庆 (1 October 2020: four weekdays off for
    国庆 3 + 中秋 1). ``MERGE`` counts the shared day once, as the ``holidays`` package
    projects 2028.
    """

    COMPENSATE = "compensate"
    MERGE = "merge"


@attrs.frozen
class StatutoryDay:
    """One rest day the law gives: a holiday day of art. 2 or an art. 6 compensation day."""

    date: _dt.date
    holiday: HolidayName
    compensation: bool = False
    """``True`` for a weekday off given by art. 6 for a holiday on a weekend (补假), or,
    under :attr:`OverlapPolicy.COMPENSATE`, for a holiday sharing its day with another."""


def _lunar(year: int, month: int, day: int) -> _dt.date:
    from lunardate import LunarDate

    solar: _dt.date = LunarDate(year, month, day).to_solar_date()
    return solar


def _qingming(year: int) -> _dt.date:
    from chinese_calendar import get_solar_terms

    for day, name in get_solar_terms(_dt.date(year, 4, 1), _dt.date(year, 4, 30)):
        if name == "清明":
            found: _dt.date = day
            return found
    raise AssertionError(f"no 清明 solar term in April {year}")  # pragma: no cover


def _holiday_days(year: int) -> Iterator[tuple[_dt.date, HolidayName]]:
    """The art. 2 holiday days of ``year`` under the version in force that year."""
    yield _dt.date(year, 1, 1), NEW_YEAR
    new_year = _lunar(year, 1, 1)  # 正月初一
    if year >= 2025 or 2008 <= year < 2014:
        yield new_year - _DAY, SPRING_FESTIVAL  # 除夕
    last_offset = 1 if 2008 <= year < 2014 else 2
    for offset in range(last_offset + 1):
        yield new_year + offset * _DAY, SPRING_FESTIVAL
    if year >= 2008:
        yield _qingming(year), QINGMING
    labour_days = 3 if year < 2008 else (1 if year < 2025 else 2)
    for offset in range(labour_days):
        yield _dt.date(year, 5, 1 + offset), LABOUR_DAY
    if year >= 2008:
        yield _lunar(year, 5, 5), DRAGON_BOAT
        yield _lunar(year, 8, 15), MID_AUTUMN
    for offset in range(3):
        yield _dt.date(year, 10, 1 + offset), NATIONAL_DAY


def statutory_holidays(year: int) -> list[tuple[_dt.date, HolidayName]]:
    """The holiday days of 全国年节及纪念日放假办法 art. 2 for ``year``, in date order.

    A day shared by two holidays appears twice. Raises :class:`CalendarDataMissing`
    outside :data:`FIRST_PROJECTABLE_YEAR` … :data:`LAST_PROJECTABLE_YEAR`.
    """
    if not FIRST_PROJECTABLE_YEAR <= year <= LAST_PROJECTABLE_YEAR:
        raise CalendarDataMissing(
            "year",
            year,
            f"statutory holidays can be computed for {FIRST_PROJECTABLE_YEAR}"
            f"-{LAST_PROJECTABLE_YEAR} only (lunar tables).",
            f"法定节假日只能计算 {FIRST_PROJECTABLE_YEAR}-{LAST_PROJECTABLE_YEAR} 年"
            "（农历数据范围）。",
        )
    return sorted(_holiday_days(year), key=lambda pair: pair[0])


def statutory_rest_days(
    year: int, overlap: OverlapPolicy = OverlapPolicy.COMPENSATE
) -> list[StatutoryDay]:
    """Every rest day the law itself gives in ``year``: art. 2 holidays plus art. 6 补假.

    Art. 6: a holiday for all citizens that falls on a Saturday or Sunday gives a weekday
    off. shenpi gives it on the first weekday after that day which is neither a holiday
    day nor already given as compensation (so a holiday block's compensation follows the
    block, as in every notice). A day shared by two holidays is handled by ``overlap``.
    Compensation may spill into the next year (元旦 never does; nothing else is near it).
    """
    days = statutory_holidays(year)
    holiday_dates = {day for day, _ in days}
    taken: set[_dt.date] = set()
    rest: list[StatutoryDay] = []
    for day, holiday in days:
        weekend = day.weekday() >= 5
        shared = day in taken
        if shared and overlap is OverlapPolicy.MERGE:
            continue
        if not shared:
            taken.add(day)
            rest.append(StatutoryDay(day, holiday))
        if weekend or shared:
            off = day + _DAY
            while off.weekday() >= 5 or off in holiday_dates or off in taken:
                off += _DAY
            taken.add(off)
            rest.append(StatutoryDay(off, holiday, compensation=True))
    rest.sort(key=lambda item: item.date)
    return rest
