"""Dates in: ``datetime.date`` and ``datetime.datetime``, read as days in China Standard Time.

A naive ``datetime`` is taken to be China Standard Time (UTC+8, no daylight saving); an
aware one is converted to it first, so 2025-01-01T20:00Z is 2025-01-02 in the hall.
Anything else is refused with :class:`~shenpi.errors.InvalidType` naming the argument.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from shenpi.errors import InvalidType

__all__ = ["CST", "as_cst_date", "as_cst_datetime"]

CST = _dt.timezone(_dt.timedelta(hours=8), "CST")
"""China Standard Time, UTC+8 (中国标准时间); China has kept no daylight saving since 1991."""

_date = _dt.date
_datetime = _dt.datetime


def as_cst_date(value: Any, name: str) -> _dt.date:
    """The calendar day of ``value`` in China Standard Time.

    Args:
        value: a ``date``, or a ``datetime`` (naive = China Standard Time; aware = converted).
        name: the caller's argument name, used in the error.

    Raises:
        InvalidType: ``value`` is neither (a string, a number, ``None`` ...).

    >>> import datetime as dt
    >>> as_cst_date(dt.datetime(2025, 1, 1, 20, 0, tzinfo=dt.timezone.utc), "on")
    datetime.date(2025, 1, 2)
    """
    if isinstance(value, _datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(CST)
        return _date(value.year, value.month, value.day)
    if isinstance(value, _date):
        if type(value) is _date:
            return value
        return _date(value.year, value.month, value.day)
    raise InvalidType(
        name,
        value,
        f"expected a datetime.date or datetime.datetime, got {type(value).__name__}.",
        f"应为 datetime.date 或 datetime.datetime，实际为 {type(value).__name__}。",
        "parse strings first, e.g. datetime.date.fromisoformat('2025-10-08').",
    )


def as_cst_datetime(value: Any, name: str) -> _dt.datetime:
    """``value`` as an aware ``datetime`` in China Standard Time.

    A ``date`` alone is refused: an hour-based period needs a time of day.
    """
    if isinstance(value, _datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=CST)
        return value.astimezone(CST)
    raise InvalidType(
        name,
        value,
        f"expected a datetime.datetime, got {type(value).__name__}.",
        f"应为 datetime.datetime，实际为 {type(value).__name__}。",
        "pass a datetime with the time of day; a naive one is read as China Standard Time.",
    )
