"""shenpi (审批): the rules of China's one-stop administrative approval halls, executable.

Importing shenpi is cheap: calendar data is read the first time a calendar is built.
"""

from shenpi.calendar import CalendarDataMissing, WorkCalendar
from shenpi.errors import (
    CalendarConflict,
    InvalidType,
    InvalidValue,
    NoticeFormatError,
    ShenpiError,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "CalendarConflict",
    "CalendarDataMissing",
    "InvalidType",
    "InvalidValue",
    "NoticeFormatError",
    "ShenpiError",
    "WorkCalendar",
    "__version__",
]
