"""Vectorized working-day arithmetic over NumPy ``datetime64[D]`` arrays (extra ``numpy``).

The same tables as the scalar methods, as NumPy arrays built once per calendar: each
operation is a few index look-ups over the whole array, with no Python loop. Results
match the scalar methods element by element; days outside the coverage raise
:class:`~shenpi.errors.CalendarDataMissing` naming the first offending element.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from shenpi.errors import InvalidType, InvalidValue

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from shenpi.calendar.core import WorkCalendar

__all__ = ["add_workdays", "is_workday", "workdays_between"]

# datetime64[D] counts days from 1970-01-01; date.toordinal() counts from 0001-01-01.
_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()


def _numpy() -> Any:
    try:
        import numpy
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise InvalidValue(
            "numpy",
            None,
            "the vectorized calendar needs NumPy.",
            "向量化日历需要 NumPy。",
            "pip install 'shenpi[numpy]'.",
        ) from None
    return numpy


class _Tables:
    __slots__ = ("base", "cb", "isw", "work")

    def __init__(self, cal: WorkCalendar) -> None:
        xp = _numpy()
        self.base = cal._origin - _EPOCH_ORDINAL  # day number of coverage[0] in datetime64[D]
        self.cb = xp.asarray(cal._cb, dtype=xp.int64)
        self.isw = xp.frombuffer(cal._isw, dtype=xp.uint8).astype(bool)
        self.work = xp.asarray([d.toordinal() - _EPOCH_ORDINAL for d in cal._work], dtype=xp.int64)


def _tables(cal: WorkCalendar) -> _Tables:
    # Built on first use and kept on the (otherwise immutable) calendar.
    if cal._np is None:
        cal._np = _Tables(cal)
    tables: _Tables = cal._np
    return tables


def _index(cal: WorkCalendar, tables: _Tables, values: npt.ArrayLike, name: str) -> Any:
    xp = _numpy()
    array = xp.asarray(values)
    if array.dtype.kind != "M":
        raise InvalidType(
            name,
            array.dtype,
            "expected datetime64 values (e.g. numpy.array([...], dtype='datetime64[D]')).",
            "应为 datetime64 数组。",
        )
    days = array.astype("datetime64[D]").astype(xp.int64)
    index = days - tables.base
    bad = (index < 0) | (index >= cal._ndays)
    if bad.any():
        first_bad = int(xp.flatnonzero(bad.ravel())[0])
        day = _dt.date.fromordinal(int(days.ravel()[first_bad]) + _EPOCH_ORDINAL)
        raise cal._missing(f"{name}[{first_bad}]", day)
    return index


def is_workday(cal: WorkCalendar, dates: npt.ArrayLike) -> np.ndarray:
    """Element-wise ``cal.is_workday``; returns a boolean array of the same shape."""
    tables = _tables(cal)
    result: np.ndarray = tables.isw[_index(cal, tables, dates, "dates")]
    return result


def add_workdays(cal: WorkCalendar, dates: npt.ArrayLike, n: npt.ArrayLike) -> np.ndarray:
    """Element-wise ``cal.add_workdays(d, n)``; ``n`` is a whole number or an integer array
    broadcast against ``dates``. Returns ``datetime64[D]``."""
    xp = _numpy()
    tables = _tables(cal)
    index = _index(cal, tables, dates, "dates")
    steps = xp.asarray(n)
    if steps.dtype.kind not in "iu":
        raise InvalidType("n", steps.dtype, "expected integers.", "应为整数。")
    if steps.ndim == 0:
        return _add_scalar(cal, tables, index, int(steps))
    steps = steps.astype(xp.int64)
    index, steps = xp.broadcast_arrays(index, steps)
    # Forward: workdays up to and including d, plus n - 1. Backward: workdays before d, plus n.
    k = xp.where(steps > 0, tables.cb[index + 1] + steps - 1, tables.cb[index] + steps)
    zero = steps == 0
    bad = ~zero & ((k < 0) | (k >= tables.work.size))
    if bad.any():
        first_bad = int(xp.flatnonzero(bad.ravel())[0])
        raise _beyond(cal, index, first_bad, int(steps.ravel()[first_bad]))
    out = tables.work[xp.clip(k, 0, tables.work.size - 1)]
    out = xp.where(zero, index + tables.base, out)
    result: np.ndarray = out.astype("datetime64[D]")
    return result


def _add_scalar(cal: WorkCalendar, tables: _Tables, index: Any, n: int) -> np.ndarray:
    """The common case, one ``n`` for every date: two gathers and no masks."""
    if n == 0:
        same: np.ndarray = (index + tables.base).astype("datetime64[D]")
        return same
    k = tables.cb[index + 1] + (n - 1) if n > 0 else tables.cb[index] + n
    if k.size:
        low, high = int(k.min()), int(k.max())
        if low < 0 or high >= tables.work.size:
            first_bad = int(((k < 0) | (k >= tables.work.size)).ravel().argmax())
            raise _beyond(cal, index, first_bad, n)
    result: np.ndarray = tables.work[k].astype("datetime64[D]")
    return result


def _beyond(cal: WorkCalendar, index: Any, position: int, n: int) -> Exception:
    day = _dt.date.fromordinal(int(index.ravel()[position]) + cal._origin)
    error = cal._beyond(day, n)
    error.field = f"dates[{position}]"
    return error


def workdays_between(cal: WorkCalendar, a: npt.ArrayLike, b: npt.ArrayLike) -> np.ndarray:
    """Element-wise ``cal.workdays_between(a, b)``: working days in ``(a, b]`` (``int64``)."""
    tables = _tables(cal)
    i = _index(cal, tables, a, "a")
    j = _index(cal, tables, b, "b")
    result: np.ndarray = tables.cb[j + 1] - tables.cb[i + 1]
    return result
