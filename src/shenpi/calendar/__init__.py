"""Working days in China (工作日): holidays, 调休, notices, projections, O(1) look-ups.

The contract others test against::

    from shenpi.calendar import WorkCalendar, CalendarDataMissing

    cal = WorkCalendar.official()
    cal.is_workday(d)
    cal.add_workdays(d, n)        # n-th working day strictly after d (n < 0: before; 0: d)
    cal.workdays_between(a, b)    # working days in (a, b]
    cal.coverage                  # (first, last) day with published data
"""

from shenpi.calendar.bounds import Envelope, envelope
from shenpi.calendar.core import WorkCalendar, WorkdayTrace
from shenpi.calendar.dates import CST, as_cst_date, as_cst_datetime
from shenpi.calendar.days import KNOWN_HOLIDAYS, DayInfo, DayKind, HolidayName, holiday_named
from shenpi.calendar.notice import HolidayArrangement, Notice, load_notice, parse_notice
from shenpi.calendar.statutory import (
    OverlapPolicy,
    StatutoryDay,
    statutory_holidays,
    statutory_rest_days,
)
from shenpi.errors import CalendarConflict, CalendarDataMissing, NoticeFormatError

__all__ = [
    "CST",
    "KNOWN_HOLIDAYS",
    "CalendarConflict",
    "CalendarDataMissing",
    "DayInfo",
    "DayKind",
    "Envelope",
    "HolidayArrangement",
    "HolidayName",
    "Notice",
    "NoticeFormatError",
    "OverlapPolicy",
    "StatutoryDay",
    "WorkCalendar",
    "WorkdayTrace",
    "as_cst_date",
    "as_cst_datetime",
    "envelope",
    "holiday_named",
    "load_notice",
    "parse_notice",
    "statutory_holidays",
    "statutory_rest_days",
]
