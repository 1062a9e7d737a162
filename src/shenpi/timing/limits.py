"""Time limits (法定时限, 承诺时限) and the office hours that hour limits are counted in.

A ``TimeLimit`` is an amount and a unit: working days (行政许可法 art. 82, the unit of the
licensing law's periods), natural days (民法典 arts. 200-203, for periods other laws or
the applicant keep), or office hours (the hall's 即办件 promises such as "2 hours").
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from shenpi.errors import InvalidType, InvalidValue

__all__ = ["OfficeHours", "SeasonalHours", "TimeLimit", "TimeUnit"]


class TimeUnit(enum.Enum):
    """The unit a limit is counted in."""

    WORKDAYS = "workdays"
    """Working days (工作日), not counting rest days and holidays (行政许可法 art. 82)."""
    NATURAL_DAYS = "natural_days"
    """Calendar days (自然日); a last day that is a rest day moves to the next working day
    (民法典 art. 203)."""
    HOURS = "hours"
    """Office hours on working days (the hall's published hours)."""

    @property
    def label_zh(self) -> str:
        """The unit's name in 简体中文."""
        return {"workdays": "个工作日", "natural_days": "日", "hours": "小时"}[self.value]


def _positive_amount(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(
            name, value, "expected a whole number.", "应为整数。", "e.g. TimeLimit.workdays(20)."
        )
    if value <= 0:
        raise InvalidValue(
            name,
            value,
            "a time limit must be positive.",
            "时限必须为正数。",
            "a case with no time to decide is an instant case (即办件): use hours, e.g. "
            "TimeLimit.hours(2).",
        )
    return value


@attrs.frozen(order=False)
class TimeLimit:
    """A positive time limit: ``TimeLimit.workdays(20)``, ``natural_days(30)``, ``hours(2)``.

    For hours, ``amount`` is in minutes (``TimeLimit.hours(1.5).amount == 90``), so half
    hours are exact; the other units count whole days.
    """

    unit: TimeUnit = attrs.field()
    amount: int = attrs.field()

    @unit.validator
    def _check_unit(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, TimeUnit):
            raise InvalidType("unit", value, "expected a TimeUnit.", "应为 TimeUnit。")

    @amount.validator
    def _check_amount(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        _positive_amount(value, "amount")

    @classmethod
    def workdays(cls, n: int) -> TimeLimit:
        """``n`` working days (行政许可法 art. 82)."""
        return cls(TimeUnit.WORKDAYS, _positive_amount(n, "n"))

    @classmethod
    def natural_days(cls, n: int) -> TimeLimit:
        """``n`` natural (calendar) days (民法典 art. 201, 203)."""
        return cls(TimeUnit.NATURAL_DAYS, _positive_amount(n, "n"))

    @classmethod
    def hours(cls, n: float) -> TimeLimit:
        """``n`` office hours; fractions down to whole minutes (``hours(0.5)``)."""
        if isinstance(n, bool) or not isinstance(n, (int, float)):
            raise InvalidType("n", n, "expected a number of hours.", "应为小时数。")
        minutes = n * 60
        if minutes != int(minutes):
            raise InvalidValue(
                "n", n, "must be a whole number of minutes.", "必须为整数分钟。", "e.g. hours(1.5)."
            )
        return cls(TimeUnit.HOURS, _positive_amount(int(minutes), "n"))

    @property
    def days(self) -> int:
        """The amount in days, for day units; ``InvalidValue`` for an hour limit."""
        if self.unit is TimeUnit.HOURS:
            raise InvalidValue(
                "limit", self, "an hour limit has no amount in days.", "小时时限没有天数。"
            )
        return self.amount

    def __add__(self, other: object) -> TimeLimit:
        if not isinstance(other, TimeLimit):
            return NotImplemented
        if other.unit is not self.unit:
            raise InvalidValue(
                "by",
                other,
                f"cannot add {other.unit.value} to a limit in {self.unit.value}.",
                "时限单位不一致，不能相加。",
            )
        return TimeLimit(self.unit, self.amount + other.amount)

    def __str__(self) -> str:
        if self.unit is TimeUnit.HOURS:
            hours, minutes = divmod(self.amount, 60)
            return f"{hours} h" + (f" {minutes} min" if minutes else "")
        return f"{self.amount} {'working days' if self.unit is TimeUnit.WORKDAYS else 'days'}"


Session = tuple[_dt.time, _dt.time]


def _check_sessions(sessions: tuple[Session, ...], field: str) -> None:
    if not sessions:
        raise InvalidValue(field, sessions, "needs at least one session.", "至少需要一个时段。")
    previous_end: _dt.time | None = None
    for i, session in enumerate(sessions):
        if (
            not isinstance(session, tuple)
            or len(session) != 2
            or not all(type(t) is _dt.time and t.tzinfo is None for t in session)
        ):
            raise InvalidType(
                f"{field}[{i}]",
                session,
                "expected a pair of naive datetime.time (China Standard Time).",
                "应为两个不带时区的 datetime.time。",
            )
        opens, closes = session
        if not opens < closes:
            raise InvalidValue(f"{field}[{i}]", session, "opens after it closes.", "开始晚于结束。")
        if previous_end is not None and opens < previous_end:
            raise InvalidValue(
                f"{field}[{i}]", session, "overlaps the session before it.", "与前一时段重叠。"
            )
        previous_end = closes


@attrs.frozen
class SeasonalHours:
    """Office hours for part of the year, e.g. summer hours from 5/1 to 9/30.

    ``first`` and ``last`` are ``(month, day)`` pairs, both included; a season may wrap
    the new year (``first=(11, 1), last=(2, 28)``).
    """

    first: tuple[int, int]
    last: tuple[int, int]
    sessions: tuple[Session, ...]

    def __attrs_post_init__(self) -> None:
        for field, (month, day) in (("first", self.first), ("last", self.last)):
            try:
                _dt.date(2024, month, day)  # a leap year accepts 2/29
            except (TypeError, ValueError):
                raise InvalidValue(
                    field, (month, day), "is not a (month, day) pair.", "不是有效的月日。"
                ) from None
        _check_sessions(self.sessions, "sessions")

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day`` falls in this season."""
        key = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= key <= self.last
        return key >= self.first or key <= self.last


_T = _dt.time


@attrs.frozen
class OfficeHours:
    """The hall's office hours, in China Standard Time, that hour limits are counted in.

    The law sets none; the default is the common hall schedule 9:00-12:00 and
    13:30-17:30. ``seasons`` override it for parts of the year (first match wins).
    """

    sessions: tuple[Session, ...] = ((_T(9, 0), _T(12, 0)), (_T(13, 30), _T(17, 30)))
    seasons: tuple[SeasonalHours, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_sessions(self.sessions, "sessions")

    def sessions_on(self, day: _dt.date) -> tuple[Session, ...]:
        """The sessions that apply on ``day`` (whether it is a working day is not asked)."""
        for season in self.seasons:
            if season.covers(day):
                return season.sessions
        return self.sessions
