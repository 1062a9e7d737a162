"""Bounds over unannounced years: the earliest and the latest arrangement a notice could make.

Until the State Council publishes a year's arrangement (国务院办公厅关于X年部分节假日安排的
通知, late October to early December of the year before), nobody knows which weekdays
will rest and which weekends will be worked in that year, nor whether the notice moves
days of the December before it (the 2019 notice made Saturday 2018-12-29 a working day
and Monday 2018-12-31 a rest day). :func:`envelope` returns two real
:class:`~shenpi.calendar.WorkCalendar` objects that bound every arrangement allowed by a
stated assumption, day by day:

* ``earliest`` makes a working day of every day that is a working day under *some*
  allowed arrangement;
* ``latest`` makes a rest day of every day that is a rest day under *some* allowed
  arrangement.

Days before :attr:`WorkCalendar.unsettled_from` keep the calendar's own data. Because the
working days of ``earliest`` include those of every allowed arrangement, and those of
``latest`` are included in them, any working-day computation is bounded: ``n`` working
days after a day (``n > 0``) are reached no later on ``earliest`` and no earlier on
``latest``; a count of working days in ``(a, b]`` is at least as large on ``earliest``
and at most as large on ``latest``; a due day with suspensions (pauses of a given number
of natural days between runs of working days) is bounded the same way, step by step.
Counting backwards (``n < 0``) the roles swap.

The assumption, from the law and the data
=========================================

The law fixes the holiday dates (全国年节及纪念日放假办法 art. 2: 11 days before 2025,
13 days from 2025 under the 2024 revision, as in :mod:`shenpi.calendar.statutory`), gives
a weekday off for a holiday on a weekend (art. 6) without saying which weekday, and lets
the notice swap rest days and working days around a holiday (art. 7, 调休). How far a
notice reaches is measured here on every arrangement of 2010-2026 (chinese-calendar's
tables, through :meth:`WorkCalendar.describe`). A "调休 day" is a Saturday or Sunday made
a working day, or a weekday given as a rest day that is not itself a statutory holiday
date (a moved rest day or an art. 6 compensation day). Its distance is the number of
natural days to the nearest statutory holiday date of the festival it belongs to, in the
text of the law in force that year:

=========  ==========================  ===========================  ===============
festival   farthest weekday rest day   farthest worked weekend day  most 调休 days
                                                                     in one year
=========  ==========================  ===========================  ===============
元旦        2 (2011-01-03, 2022-01-03)  5 (2013-01-06)               4 (2013)
春节        4 (e.g. 2026-02-23)         9 (2026-02-28)               6 (2010)
清明节      2 (2014-04-07, 2020-04-06)  4 (2012-03-31)               4 (2012)
劳动节      4 (2021-05-05)              10 (2024-05-11)              5 (2021)
端午节      2 (2025-06-02)              4 (2010-06-12, 2013-06-08)   4 (2010)
中秋节      2 (2022-09-12)              3 (e.g. 2024-09-14)          4 (2010)
国庆节      5 (2025-10-08)              11 (2026-09-20)              6 (2010)
=========  ==========================  ===========================  ===============

Every statutory holiday date of 2010-2026 was a rest day. The farthest worked weekend
day has grown over the years (6 days in 2010, 8 in 2011, 9 in 2013, 10 in 2024, 11 in
2026), the farthest weekday rest day once (4 days in 2010, 5 in 2020). The windows are
the largest distances measured, :data:`REST_WINDOW` = 5 and :data:`WORK_WINDOW` = 11:

    Every statutory holiday date is a rest day. A weekday (Monday to Friday) within 5
    natural days of a statutory holiday date may be a rest day (调休 or art. 6 补假). A
    Saturday or Sunday within 11 natural days of one may be a working day (调休). Every
    other weekday is a working day and every other Saturday and Sunday a rest day.

The window is taken around every festival's dates, whichever festival a day would
belong to, so the envelope is pointwise and needs no count of days per festival (a cap
on the count could not be used by a pointwise bound). The 2015 commemoration of the
70th anniversary of the victory in the War of Resistance (3 September 2015, with
4 September off and 6 September worked) was a one-off decision of the State Council
outside the law; such a decision is outside the assumption too. The tests rebuild the
envelope as if the data ended in each year from 2010 to 2025 and check it against the
next year's real arrangement.
"""

from __future__ import annotations

import datetime as _dt
import functools

import attrs

from shenpi.calendar.core import WorkCalendar, _build, _LocalAct, _Recipe
from shenpi.calendar.days import NEW_YEAR, DayInfo, DayKind
from shenpi.calendar.statutory import LAST_PROJECTABLE_YEAR, statutory_holidays
from shenpi.errors import InvalidType, InvalidValue

__all__ = ["REST_WINDOW", "WORK_WINDOW", "Envelope", "envelope"]

REST_WINDOW = 5
"""A weekday within this many natural days of a statutory holiday date may be a rest day.

The largest distance measured on the arrangements of 2010-2026 (国庆节 2025: 10/8 off)."""

WORK_WINDOW = 11
"""A Saturday or Sunday within this many natural days of a statutory holiday date may be
a working day. The largest distance measured on the arrangements of 2010-2026
(国庆节 2026: Sunday 9/20 worked)."""

YEARS_AHEAD = 5
"""By default the envelope runs this many years past the published data."""

ASSUMPTION = (
    "Assumption (measured on the State Council's arrangements of 2010-2026): every "
    "statutory holiday date of 全国年节及纪念日放假办法 art. 2 is a rest day; a weekday "
    f"within {REST_WINDOW} natural days of a statutory holiday date may be a rest day "
    f"(调休 or art. 6 补假); a Saturday or Sunday within {WORK_WINDOW} natural days of one "
    "may be a working day (art. 7 调休); every other weekday is a working day and every "
    "other Saturday and Sunday a rest day. A one-off holiday decided outside the law "
    "(as on 2015-09-03) is not covered."
)
"""The assumption every envelope states, in English."""

ASSUMPTION_ZH = (
    "假设（依据2010—2026年国务院节假日安排测得）：《全国年节及纪念日放假办法》第二条规定的"
    f"法定节假日当日均为休息日；距法定节假日{REST_WINDOW}日以内的周一至周五可能调休或"
    f"依第六条补假休息；距法定节假日{WORK_WINDOW}日以内的周六、周日可能调休上班；"
    "其他周一至周五均为工作日，其他周六、周日均为休息日。"
    "法律之外临时决定的放假（如2015年9月3日）不在此列。"
)
"""The assumption every envelope states, in 简体中文."""

_WEEKEND_RANK = 5
_LOCAL_KINDS = frozenset({DayKind.LOCAL_REST, DayKind.LOCAL_WORKDAY})


@attrs.frozen
class Envelope:
    """Two calendars that bound every arrangement a future notice could make.

    Attributes:
        earliest: a working day wherever some allowed arrangement has one; a clock
            counted forward on it ends no later than under any allowed arrangement.
        latest: a rest day wherever some allowed arrangement has one; a clock counted
            forward on it ends no earlier than under any allowed arrangement.
        from_day: the first day widened (:attr:`WorkCalendar.unsettled_from`); before it
            both calendars are the calendar's own data.
        assumption: what "allowed" means, in English (:data:`ASSUMPTION`).
        assumption_zh: the same in 简体中文.
    """

    earliest: WorkCalendar
    latest: WorkCalendar
    from_day: _dt.date
    assumption: str
    assumption_zh: str


def envelope(calendar: WorkCalendar, *, until: int | None = None) -> Envelope:
    """The earliest and latest arrangements of every day from ``calendar.unsettled_from``
    to 31 December of ``until`` that a future State Council notice could make.

    The bounds rest on :data:`ASSUMPTION`, measured on the notices of 2010-2026 (see the
    module documentation): statutory holiday dates of 全国年节及纪念日放假办法 art. 2 rest;
    weekdays near them may rest (art. 6 补假, art. 7 调休), weekends near them may be
    worked; nothing else moves. Both bounds are real :class:`WorkCalendar` objects built
    on ``WorkCalendar.official(unannounced="statutory")`` with the calendar's notices and
    local acts; the widened days are local acts whose reason states the assumption.
    Results are cached per calendar.

    Args:
        calendar: the calendar whose unsettled days are bounded.
        until: the last year bounded (default: five years past the published data, or
            the calendar's own last year if later; at most 2099).

    >>> import datetime as dt
    >>> from shenpi.calendar import WorkCalendar
    >>> bounds = envelope(WorkCalendar.official())
    >>> bounds.from_day
    datetime.date(2026, 12, 1)
    >>> bounds.earliest.is_workday(dt.date(2027, 2, 13))   # a Saturday by 春节: may be worked
    True
    >>> bounds.latest.is_workday(dt.date(2027, 2, 11))     # a Thursday by 春节: may rest
    False
    """
    if not isinstance(calendar, WorkCalendar):
        raise InvalidType(
            "calendar",
            calendar,
            "expected a WorkCalendar.",
            "应为 WorkCalendar。",
        )
    last_year = calendar.unsettled_from.year
    if until is None:
        year = min(LAST_PROJECTABLE_YEAR, max(last_year + YEARS_AHEAD, calendar.coverage[1].year))
    else:
        year = _check_until(until, last_year)
    return _envelope_as_of(calendar, last_year, year)


def _check_until(until: object, last_year: int) -> int:
    if type(until) is not int:
        raise InvalidType(
            "until",
            until,
            f"expected a year (int), got {type(until).__name__}.",
            f"应为年份（整数），实际为 {type(until).__name__}。",
        )
    if not last_year <= until <= LAST_PROJECTABLE_YEAR:
        raise InvalidValue(
            "until",
            until,
            f"expected a year from {last_year} (the last published year) "
            f"to {LAST_PROJECTABLE_YEAR}.",
            f"应为 {last_year}（最后公布年度）至 {LAST_PROJECTABLE_YEAR} 之间的年份。",
        )
    return until


@functools.lru_cache(maxsize=16)
def _envelope_as_of(calendar: WorkCalendar, last_year: int, until: int) -> Envelope:
    """The envelope of ``calendar`` as if its published data ended with ``last_year``.

    ``envelope`` passes the calendar's real last published year. The tests pass earlier
    years to check the assumption against the arrangements published since: the
    calendar's data after ``last_year`` is then ignored, and so are its December days of
    ``last_year`` placed by the next year's notice (元旦 make-up and rest days).
    """
    from_day = _dt.date(last_year, 12, 1)
    end = _dt.date(until, 12, 31)
    published_end = calendar.unsettled_from.year
    recipe: _Recipe = calendar._recipe
    last_covered = _dt.date(max(until, published_end), 12, 31)
    local: list[_LocalAct] = []
    for act in recipe.local:
        days = tuple(day for day in act.days if day <= last_covered)
        if days:
            local.append(_LocalAct(act.workday, days, act.reason))
    base_recipe = attrs.evolve(recipe, unannounced="statutory", until=until, local=tuple(local))
    base = _build(base_recipe)

    statutory = _statutory_ordinals(last_year, until)
    rest_zone = _zone(statutory, REST_WINDOW)
    work_zone = _zone(statutory, WORK_WINDOW)
    # Per side: days to make working, days to make rest (relative to ``base``).
    changes: tuple[tuple[list[_dt.date], list[_dt.date]], ...] = (([], []), ([], []))
    for ordinal in range(from_day.toordinal(), end.toordinal() + 1):
        day = _dt.date.fromordinal(ordinal)
        now = base.describe(day)
        if now.kind in _LOCAL_KINDS:
            continue  # the site's own act stands whatever the notice says
        if ordinal in statutory:
            early, late = False, False
        elif (ordinal - 1) % 7 < _WEEKEND_RANK:  # fromordinal(1) is a Monday
            early, late = True, ordinal not in rest_zone
        else:
            early, late = ordinal in work_zone, False
        if day.year == last_year and not _placed_by_next(now, last_year):
            # A published day may also stay as it is.
            early, late = early or now.is_workday, late and now.is_workday
        for (to_work, to_rest), working in zip(changes, (early, late), strict=True):
            if working and not now.is_workday:
                to_work.append(day)
            elif not working and now.is_workday:
                to_rest.append(day)

    def side(name: str, to_work: list[_dt.date], to_rest: list[_dt.date]) -> WorkCalendar:
        reason = (
            f"shenpi.calendar.bounds envelope ({name}), from {from_day} to {end}: "
            f"the {name} arrangement a future notice could make. {ASSUMPTION}"
        )
        acts = [_LocalAct(True, tuple(to_work), reason)] if to_work else []
        if to_rest:
            acts.append(_LocalAct(False, tuple(to_rest), reason))
        return _build(attrs.evolve(base_recipe, local=(*base_recipe.local, *acts)))

    (early_work, early_rest), (late_work, late_rest) = changes
    return Envelope(
        side("earliest", early_work, early_rest),
        side("latest", late_work, late_rest),
        from_day,
        ASSUMPTION,
        ASSUMPTION_ZH,
    )


def _placed_by_next(info: DayInfo, last_year: int) -> bool:
    """Whether a December day of ``last_year`` was arranged by the next year's notice."""
    return info.date.year == last_year and info.date.month == 12 and info.holiday == NEW_YEAR


def _statutory_ordinals(first_year: int, last_year: int) -> frozenset[int]:
    """The statutory holiday dates (art. 2, text in force each year) of ``first_year`` to
    ``last_year``, and 1 January of the year after (元旦 is fixed)."""
    days = {_dt.date(last_year + 1, 1, 1).toordinal()}
    for year in range(first_year, last_year + 1):
        days.update(day.toordinal() for day, _ in statutory_holidays(year))
    return frozenset(days)


def _zone(ordinals: frozenset[int], window: int) -> frozenset[int]:
    """Every day within ``window`` natural days of one of ``ordinals``."""
    return frozenset(o + k for o in ordinals for k in range(-window, window + 1))
