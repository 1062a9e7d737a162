"""What a day is: its kind (工作日, 周末, 节假日, 调休) and, for holiday days, which holiday.

Plain frozen records shared by every calendar source (official data, notices, projection,
local adjustments). Nothing here computes; :class:`~shenpi.calendar.WorkCalendar` does.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

__all__ = ["KNOWN_HOLIDAYS", "DayInfo", "DayKind", "HolidayName", "holiday_named"]


class DayKind(enum.Enum):
    """The kind of a calendar day, as the State Council's arrangement makes it.

    Only ``WORKDAY``, ``SHIFTED_WORKDAY`` and ``LOCAL_WORKDAY`` are working days (工作日)
    in the sense of 行政许可法 art. 82.
    """

    WORKDAY = "workday"
    """An ordinary Monday-Friday working day (工作日)."""
    WEEKEND = "weekend"
    """An ordinary Saturday or Sunday rest day (周末)."""
    HOLIDAY = "holiday"
    """A rest day of a holiday period (法定节假日): the statutory days of 全国年节及纪念日放假办法
    art. 2, their art. 6 compensation days (补假), and the weekend days inside the period."""
    SHIFTED_REST = "shifted_rest"
    """A weekday made a rest day by 调休 (moved rest day), paid for by a make-up working day."""
    SHIFTED_WORKDAY = "shifted_workday"
    """A Saturday or Sunday made a working day by 调休 (调休上班日, make-up working day)."""
    LOCAL_REST = "local_rest"
    """A day a site declared a rest day of its own (``with_rest_days``)."""
    LOCAL_WORKDAY = "local_workday"
    """A rest day a site declared a working day of its own (``with_workdays``)."""

    @property
    def is_workday(self) -> bool:
        """Whether a day of this kind counts as a working day."""
        return self in _WORKING

    @property
    def label_zh(self) -> str:
        """The kind's name in 简体中文."""
        return _LABEL_ZH[self]


_WORKING = frozenset({DayKind.WORKDAY, DayKind.SHIFTED_WORKDAY, DayKind.LOCAL_WORKDAY})
_LABEL_ZH = {
    DayKind.WORKDAY: "工作日",
    DayKind.WEEKEND: "周末",
    DayKind.HOLIDAY: "节假日",
    DayKind.SHIFTED_REST: "调休休息日",
    DayKind.SHIFTED_WORKDAY: "调休上班日",
    DayKind.LOCAL_REST: "本地休息日",
    DayKind.LOCAL_WORKDAY: "本地工作日",
}


@attrs.frozen
class HolidayName:
    """A holiday's name in 简体中文 and English, e.g. ``HolidayName("春节", "Spring Festival")``."""

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} ({self.en})"


NEW_YEAR = HolidayName("元旦", "New Year's Day")
SPRING_FESTIVAL = HolidayName("春节", "Spring Festival")
QINGMING = HolidayName("清明节", "Qingming Festival")
LABOUR_DAY = HolidayName("劳动节", "Labour Day")
DRAGON_BOAT = HolidayName("端午节", "Dragon Boat Festival")
MID_AUTUMN = HolidayName("中秋节", "Mid-Autumn Festival")
NATIONAL_DAY = HolidayName("国庆节", "National Day")
VICTORY_70 = HolidayName(
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    "70th Anniversary of the Victory of the War of Resistance",
)

KNOWN_HOLIDAYS: tuple[HolidayName, ...] = (
    NEW_YEAR,
    SPRING_FESTIVAL,
    QINGMING,
    LABOUR_DAY,
    DRAGON_BOAT,
    MID_AUTUMN,
    NATIONAL_DAY,
    VICTORY_70,
)
"""The holidays of 全国年节及纪念日放假办法 art. 2, plus the one-off 2015 commemoration."""

_BY_NAME: dict[str, HolidayName] = {}
for _h in KNOWN_HOLIDAYS:
    _BY_NAME[_h.zh] = _h
    _BY_NAME[_h.en.casefold()] = _h
# Common short forms used in notices and in chinese-calendar.
_BY_NAME.update({"清明": QINGMING, "端午": DRAGON_BOAT, "中秋": MID_AUTUMN, "国庆": NATIONAL_DAY})
_BY_NAME.update({"劳动": LABOUR_DAY, "五一": LABOUR_DAY, "十一": NATIONAL_DAY})
_BY_NAME.update(
    {
        "tomb-sweeping day": QINGMING,
        "labor day": LABOUR_DAY,
        "anti-fascist 70th day": VICTORY_70,
        "抗战胜利70周年纪念日": VICTORY_70,
    }
)


def holiday_named(name: str) -> HolidayName | None:
    """The known holiday with this Chinese or English name (any common form), or ``None``."""
    return _BY_NAME.get(name) or _BY_NAME.get(name.casefold())


@attrs.frozen
class DayInfo:
    """Everything the calendar knows about one day (``WorkCalendar.describe``).

    Attributes:
        date: the day.
        kind: its :class:`DayKind`.
        holiday: the holiday it belongs to (rest days of a holiday period, and make-up
            working days, which belong to the holiday they pay for), else ``None``.
        provisional: ``True`` when the day comes from the statutory projection of a year
            whose notice is not yet published; ``False`` for published data.
        source: where the answer comes from (a notice, the official data, a local act).
        note: a detail such as ``"补假 (art. 6)"`` for a compensation day, else ``None``.
    """

    date: _dt.date
    kind: DayKind
    holiday: HolidayName | None
    provisional: bool
    source: str
    note: str | None = None

    @property
    def is_workday(self) -> bool:
        """Whether the day counts as a working day (行政许可法 art. 82)."""
        return self.kind.is_workday
