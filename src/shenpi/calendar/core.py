"""``WorkCalendar``: China's working days, built once into tables and then looked up in O(1).

行政许可法 art. 82: the periods of the licensing law are counted in working days, not
counting statutory holidays. A calendar is assembled from sources in a fixed order:
the official arrangements (from ``chinese-calendar``), notices added with
``with_notice``, the statutory projection for unannounced years (only if asked for), and
local adjustments. It is immutable: every ``with_*`` returns a new calendar.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from numbers import Integral
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from shenpi.calendar.dates import as_cst_date
from shenpi.calendar.days import NEW_YEAR, DayInfo, DayKind, HolidayName, holiday_named
from shenpi.calendar.notice import Notice, load_notice, parse_notice
from shenpi.calendar.statutory import (
    LAST_PROJECTABLE_YEAR,
    OverlapPolicy,
    statutory_rest_days,
)
from shenpi.errors import CalendarConflict, CalendarDataMissing, InvalidType, InvalidValue

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["WorkCalendar", "WorkdayTrace"]

_date = _dt.date
_fromordinal = _dt.date.fromordinal
_WEEKEND_RANK = 5

Unannounced = Literal["statutory"] | None


@attrs.frozen
class _Special:
    """A day that differs from the Monday-Friday default, and why."""

    kind: DayKind
    holiday: HolidayName | None
    source: str
    year: int  # the year whose arrangement placed it (元旦's December make-up day: next year)
    note: str | None = None


@attrs.frozen
class _LocalAct:
    workday: bool
    days: tuple[_date, ...]
    reason: str


@attrs.frozen
class _Recipe:
    """Everything a calendar is built from; two calendars with equal recipes are equal."""

    notices: tuple[Notice, ...] = ()
    unannounced: Unannounced = None
    overlap: OverlapPolicy = OverlapPolicy.COMPENSATE
    until: int = LAST_PROJECTABLE_YEAR
    local: tuple[_LocalAct, ...] = ()


@attrs.frozen
class WorkdayTrace:
    """``add_workdays`` with its working shown (``WorkCalendar.trace``).

    Attributes:
        start: the day counted from (it never counts itself).
        n: the number of working days added (negative: counted backwards).
        result: ``add_workdays(start, n)``.
        special_days: every day strictly between ``start`` and ``result`` (and ``result``
            itself) that is not an ordinary weekday or weekend: holidays, 调休 days,
            local acts; in date order.
        provisional: ``True`` if any day from ``start`` to ``result`` comes from the
            statutory projection rather than a published notice.
    """

    start: _date
    n: int
    result: _date
    special_days: tuple[DayInfo, ...]
    provisional: bool


def _official_specials() -> tuple[dict[int, _Special], int, int]:
    """Read chinese-calendar's tables directly (its per-day functions are slow)."""
    import chinese_calendar
    from chinese_calendar import constants

    source = f"chinese-calendar {chinese_calendar.__version__} (State Council notices)"
    names = {member.value: member for member in constants.Holiday}
    specials: dict[int, _Special] = {}

    def name_of(value: str) -> HolidayName:
        member = names[value]
        return holiday_named(member.chinese) or HolidayName(member.chinese, member.value)

    def year_of(day: _date, holiday: HolidayName) -> int:
        return day.year + 1 if day.month == 12 and holiday.zh == "元旦" else day.year

    in_lieu = constants.in_lieu_days
    for day, value in constants.holidays.items():
        holiday = name_of(value)
        kind = DayKind.SHIFTED_REST if day in in_lieu else DayKind.HOLIDAY
        specials[day.toordinal()] = _Special(kind, holiday, source, year_of(day, holiday))
    for day, value in constants.workdays.items():
        holiday = name_of(value)
        specials[day.toordinal()] = _Special(
            DayKind.SHIFTED_WORKDAY, holiday, source, year_of(day, holiday)
        )
    for day, (kind, holiday, why) in ERRATA.items():
        specials[day.toordinal()] = _Special(kind, holiday, why, year_of(day, holiday))
    years = [day.year for day in constants.holidays]
    return specials, min(years), max(years)


ERRATA: Mapping[_date, tuple[DayKind, HolidayName, str]] = MappingProxyType(
    {
        _date(2005, 12, 31): (
            DayKind.SHIFTED_WORKDAY,
            NEW_YEAR,
            "国务院办公厅关于2006年部分节假日安排的通知: 2005年12月31日（星期六）上班 "
            "(shenpi erratum: chinese-calendar 1.11.0 has this Saturday as a rest day)",
        ),
    }
)
"""Corrections shenpi applies on top of chinese-calendar's tables, each with its source."""


def _default_kind(ordinal: int) -> DayKind:
    # date.fromordinal(1) is a Monday, so (ordinal - 1) % 7 is the weekday.
    return DayKind.WEEKEND if (ordinal - 1) % 7 >= _WEEKEND_RANK else DayKind.WORKDAY


class WorkCalendar:
    """China's working days (工作日), with holidays, 调休 and the data behind each answer.

    Build one with :meth:`official` (cached), then ask it questions. All counting follows
    行政许可法 art. 82 and 民法典 art. 201: the start day never counts.

    >>> import datetime as dt
    >>> cal = WorkCalendar.official()
    >>> cal.add_workdays(dt.date(2025, 9, 30), 1)   # 国庆 and 中秋: 10/1-10/8 off
    datetime.date(2025, 10, 9)
    >>> cal.workdays_between(dt.date(2025, 9, 30), dt.date(2025, 10, 11))  # 10/11 is 调休上班
    3
    """

    __slots__ = (
        "_cb",
        "_first",
        "_isw",
        "_last",
        "_ndays",
        "_np",
        "_origin",
        "_prov_from",
        "_recipe",
        "_specials",
        "_work",
    )

    _origin: int
    _ndays: int
    _cb: list[int]
    _isw: bytes
    _work: list[_date]
    _specials: dict[int, _Special]
    _prov_from: int | None
    _first: _date
    _last: _date
    _recipe: _Recipe
    _np: Any

    # ----------------------------------------------------------------- construction
    def __init__(self) -> None:
        raise InvalidType(
            "WorkCalendar",
            None,
            "is not built directly.",
            "不能直接构造。",
            "use WorkCalendar.official(), then with_notice / with_rest_days / with_workdays.",
        )

    @classmethod
    def official(
        cls,
        unannounced: Unannounced = None,
        *,
        overlap: OverlapPolicy | str = OverlapPolicy.COMPENSATE,
        until: int = LAST_PROJECTABLE_YEAR,
    ) -> WorkCalendar:
        """The calendar of the State Council's published arrangements (cached, built once).

        Args:
            unannounced: ``None`` (default): days after the published data raise
                :class:`CalendarDataMissing`. ``"statutory"``: project the statutory
                holidays of 全国年节及纪念日放假办法 (art. 2, with art. 6 补假) for the
                following years, with no 调休; every projected day is provisional.
            overlap: with ``"statutory"``, what a day shared by two holidays gives
                (:class:`OverlapPolicy`; default: each holiday its own day off).
            until: with ``"statutory"``, the last projected year (at most 2099).
        """
        if unannounced not in (None, "statutory"):
            raise InvalidValue(
                "unannounced",
                unannounced,
                "expected None or 'statutory'.",
                "应为 None 或 'statutory'。",
            )
        try:
            policy = OverlapPolicy(overlap)
        except ValueError:
            raise InvalidValue(
                "overlap",
                overlap,
                "expected 'compensate' or 'merge'.",
                "应为 'compensate' 或 'merge'。",
            ) from None
        if type(until) is not int or not 2000 <= until <= LAST_PROJECTABLE_YEAR:
            raise InvalidValue(
                "until",
                until,
                f"expected a year up to {LAST_PROJECTABLE_YEAR}.",
                f"应为不晚于 {LAST_PROJECTABLE_YEAR} 的年份。",
            )
        if unannounced is None:
            return _build_cached(_Recipe())
        return _build_cached(_Recipe(unannounced=unannounced, overlap=policy, until=until))

    def with_notice(
        self, notice: Notice | Mapping[str, Any] | str | os.PathLike[str]
    ) -> WorkCalendar:
        """A new calendar with a year's notice added (or a year amended).

        ``notice`` is a :class:`Notice`, a mapping in the notice format, or the path of a
        ``.json`` / ``.toml`` file (see :mod:`shenpi.calendar.notice`). A new notice must
        be for the year right after the published data; an amending one (``amends``) for a
        year already covered. Overlapping or contradictory days raise
        :class:`CalendarConflict`. The noticed year replaces any projection of it.
        """
        if isinstance(notice, Notice):
            parsed = notice
        elif isinstance(notice, Mapping):
            parsed = parse_notice(notice)
        elif isinstance(notice, (str, os.PathLike)):
            parsed = load_notice(notice)
        else:
            raise InvalidType(
                "notice",
                notice,
                "expected a Notice, a mapping or a path to a .json/.toml file.",
                "应为 Notice、映射或 .json/.toml 文件路径。",
            )
        recipe = attrs.evolve(self._recipe, notices=(*self._recipe.notices, parsed))
        return _build(recipe)

    def with_rest_days(self, days: Iterable[Any], reason: str) -> WorkCalendar:
        """A new calendar in which ``days`` are the site's own rest days (kind ``LOCAL_REST``).

        Each day must lie in the coverage and be a working day now; ``reason`` (the local
        act that declares it) is required and becomes the days' source.
        """
        return self._with_local(days, reason, workday=False)

    def with_workdays(self, days: Iterable[Any], reason: str) -> WorkCalendar:
        """A new calendar in which ``days`` are the site's own working days (``LOCAL_WORKDAY``).

        Each day must lie in the coverage and be a rest day now; ``reason`` is required.
        """
        return self._with_local(days, reason, workday=True)

    def _with_local(self, days: Iterable[Any], reason: str, *, workday: bool) -> WorkCalendar:
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidValue(
                "reason",
                reason,
                "name the local act that makes these days different.",
                "请注明作出调整的本地文件。",
            )
        if isinstance(days, (str, bytes)) or not isinstance(days, Iterable):
            raise InvalidType("days", days, "expected an iterable of dates.", "应为日期序列。")
        dates = tuple(as_cst_date(day, f"days[{i}]") for i, day in enumerate(days))
        if not dates:
            raise InvalidValue("days", days, "is empty.", "日期列表为空。")
        act = _LocalAct(workday, dates, reason)
        return _build(attrs.evolve(self._recipe, local=(*self._recipe.local, act)))

    # ------------------------------------------------------------------ the contract
    @property
    def coverage(self) -> tuple[_date, _date]:
        """First and last day the calendar has data for (published or, if asked, projected)."""
        return self._first, self._last

    def is_workday(self, d: Any) -> bool:
        """Whether ``d`` is a working day. O(1)."""
        day: _date = d if type(d) is _date else as_cst_date(d, "d")
        i = day.toordinal() - self._origin
        if i < 0 or i >= self._ndays:
            raise self._missing("d", day)
        return self._isw[i] == 1

    def add_workdays(self, d: Any, n: int) -> _date:
        """The ``n``-th working day strictly after ``d`` (``n > 0``), strictly before it
        (``n < 0``), or ``d`` itself (``n == 0``). ``d`` need not be a working day. O(1).

        Raises :class:`CalendarDataMissing` if ``d`` or the answer lies outside the coverage.
        """
        day: _date = d if type(d) is _date else as_cst_date(d, "d")
        if type(n) is not int:
            n = _as_int(n, "n")
        i = day.toordinal() - self._origin
        if i < 0 or i >= self._ndays:
            raise self._missing("d", day)
        if n > 0:
            k = self._cb[i + 1] + n - 1
            if k >= len(self._work):
                raise self._beyond(day, n)
            return self._work[k]
        if n < 0:
            k = self._cb[i] + n
            if k < 0:
                raise self._beyond(day, n)
            return self._work[k]
        return day

    def workdays_between(self, a: Any, b: Any) -> int:
        """Working days in the half-open interval ``(a, b]``; negative if ``b < a``. O(1).

        ``workdays_between(d, add_workdays(d, n)) == n`` for every ``n``.
        """
        first: _date = a if type(a) is _date else as_cst_date(a, "a")
        second: _date = b if type(b) is _date else as_cst_date(b, "b")
        i = first.toordinal() - self._origin
        j = second.toordinal() - self._origin
        if i < 0 or i >= self._ndays:
            raise self._missing("a", first)
        if j < 0 or j >= self._ndays:
            raise self._missing("b", second)
        return self._cb[j + 1] - self._cb[i + 1]

    # ------------------------------------------------------------------ beyond it
    def describe(self, d: Any) -> DayInfo:
        """Everything known about ``d``: kind, holiday name (zh/en), source, provisional."""
        day = as_cst_date(d, "d")
        ordinal = day.toordinal()
        i = ordinal - self._origin
        if i < 0 or i >= self._ndays:
            raise self._missing("d", day)
        provisional = self._prov_from is not None and ordinal >= self._prov_from
        special = self._specials.get(ordinal)
        if special is None:
            source = _PROJECTION if provisional else _ORDINARY
            return DayInfo(day, _default_kind(ordinal), None, provisional, source)
        return DayInfo(
            day, special.kind, special.holiday, provisional, special.source, special.note
        )

    def days(self, first: Any, last: Any) -> Iterator[DayInfo]:
        """``describe`` for every day from ``first`` to ``last``, both included."""
        start = as_cst_date(first, "first")
        end = as_cst_date(last, "last")
        for ordinal in range(start.toordinal(), end.toordinal() + 1):
            yield self.describe(_fromordinal(ordinal))

    def is_provisional(self, d: Any) -> bool:
        """Whether ``d`` comes from the statutory projection (no published notice yet)."""
        day = as_cst_date(d, "d")
        i = day.toordinal() - self._origin
        if i < 0 or i >= self._ndays:
            raise self._missing("d", day)
        return self._prov_from is not None and day.toordinal() >= self._prov_from

    @property
    def provisional_from(self) -> _date | None:
        """The first projected day, or ``None`` if every day has published data."""
        return None if self._prov_from is None else _fromordinal(self._prov_from)

    def touches_provisional(self, a: Any, b: Any) -> bool:
        """Whether any day from ``a`` to ``b`` (either order, both included) is provisional.

        A result computed over that span (a deadline, a count) is then provisional too.
        """
        first = as_cst_date(a, "a").toordinal()
        second = as_cst_date(b, "b").toordinal()
        return self._prov_from is not None and max(first, second) >= self._prov_from

    @property
    def unsettled_from(self) -> _date:
        """The first day whose arrangement may still change: 1 December of the last year
        with published data (the official data or a notice added with :meth:`with_notice`).

        A year's notice can move days of the December before it: the 2019 notice
        (国务院办公厅关于2019年部分节假日安排的通知) made Saturday 2018-12-29 a working day
        and Monday 2018-12-31 a rest day for 元旦. So the last published December is not
        settled until the next notice is loaded, and every projected day (statutory
        projection) comes after this day. See :func:`shenpi.calendar.bounds.envelope`
        for the earliest and latest arrangement a future notice could make.
        """
        if self._prov_from is not None:
            last_published = _fromordinal(self._prov_from).year - 1
        else:
            last_published = self._last.year
        return _date(last_published, 12, 1)

    def touches_unsettled(self, a: Any, b: Any) -> bool:
        """Whether any day from ``a`` to ``b`` (either order, both included) is on or after
        :attr:`unsettled_from`.

        A result computed over that span (a deadline, a count) may then change when the
        next notice is published, even if every day of the span has published data: the
        2019 notice changed 2018-12-29 and 2018-12-31, a year after the 2018 notice.
        """
        first = as_cst_date(a, "a").toordinal()
        second = as_cst_date(b, "b").toordinal()
        return max(first, second) >= self.unsettled_from.toordinal()

    def trace(self, d: Any, n: int) -> WorkdayTrace:
        """``add_workdays(d, n)`` with the holidays and 调休 days it crossed, and whether
        the answer is provisional."""
        start = as_cst_date(d, "d")
        result = self.add_workdays(start, n)
        # Forward the span is (start, result]; backward it is [result, start).
        s, r = start.toordinal(), result.toordinal()
        span = range(s + 1, r + 1) if r >= s else range(r, s)
        special = tuple(self.describe(_fromordinal(o)) for o in span if o in self._specials)
        provisional = self.touches_provisional(start, result)
        return WorkdayTrace(start, _as_int(n, "n"), result, special, provisional)

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The notices added with :meth:`with_notice`, in order."""
        return self._recipe.notices

    # ------------------------------------------------------------------ vectorized
    def is_workday_array(self, dates: npt.ArrayLike) -> np.ndarray:
        """Vectorized :meth:`is_workday` over ``datetime64[D]`` values (extra ``numpy``)."""
        from shenpi.calendar import vectorized

        return vectorized.is_workday(self, dates)

    def add_workdays_array(self, dates: npt.ArrayLike, n: npt.ArrayLike) -> np.ndarray:
        """Vectorized :meth:`add_workdays`: ``datetime64[D]`` in, ``datetime64[D]`` out."""
        from shenpi.calendar import vectorized

        return vectorized.add_workdays(self, dates, n)

    def workdays_between_array(self, a: npt.ArrayLike, b: npt.ArrayLike) -> np.ndarray:
        """Vectorized :meth:`workdays_between` (``int64`` counts of ``(a, b]``)."""
        from shenpi.calendar import vectorized

        return vectorized.workdays_between(self, a, b)

    # ------------------------------------------------------------------ plumbing
    def _missing(self, field: str, day: _date) -> CalendarDataMissing:
        hint = (
            f"load the State Council's notice for {day.year} with .with_notice(...), or use "
            "WorkCalendar.official(unannounced='statutory') for a provisional answer."
            if day > self._last
            else "this calendar has no data before its coverage."
        )
        return CalendarDataMissing(
            field,
            day,
            f"no working-day data for {day}; this calendar covers {self._first} to {self._last}.",
            f"{day} 没有工作日数据；本日历覆盖 {self._first} 至 {self._last}。",
            hint,
        )

    def _beyond(self, d: _date, n: int) -> CalendarDataMissing:
        side = "after" if n > 0 else "before"
        edge = self._last if n > 0 else self._first
        return CalendarDataMissing(
            "n",
            n,
            f"the {abs(n)}th working day {side} {d} lies beyond {edge}, "
            f"the {'last' if n > 0 else 'first'} day with data ({self._first} to {self._last}).",
            f"{d} {'之后' if n > 0 else '之前'}第 {abs(n)} 个工作日超出日历数据范围"
            f"（{self._first} 至 {self._last}）。",
            "load the next year's notice with .with_notice(...), or use "
            "WorkCalendar.official(unannounced='statutory') for a provisional answer."
            if n > 0
            else None,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return self._recipe == other._recipe

    def __hash__(self) -> int:
        return hash(self._recipe)

    def __reduce__(self) -> tuple[Any, ...]:
        # Ship the recipe, not the tables: workers rebuild (and cache) in milliseconds.
        return (_build_cached, (self._recipe,))

    def __repr__(self) -> str:
        extra = ""
        if self._recipe.notices:
            extra += f", notices={len(self._recipe.notices)}"
        if self._prov_from is not None:
            extra += f", provisional_from={_fromordinal(self._prov_from)}"
        if self._recipe.local:
            extra += f", local_acts={len(self._recipe.local)}"
        return f"<WorkCalendar {self._first}..{self._last}{extra}>"


_PROJECTION = "全国年节及纪念日放假办法 (statutory projection, no 调休 known)"


_ORDINARY = "Monday-Friday working week (no holiday or 调休 on this day)"


_NOT_COUNTS: frozenset[type] = frozenset({bool})


def _as_int(value: object, name: str) -> int:
    # bool is an int to Python, but True working days is a bug, not a count.
    if isinstance(value, Integral) and type(value) not in _NOT_COUNTS:
        return int(value)
    raise InvalidType(
        name,
        value,
        f"expected a whole number of working days, got {type(value).__name__}.",
        f"应为整数个工作日，实际为 {type(value).__name__}。",
    )


@functools.lru_cache(maxsize=32)
def _build_cached(recipe: _Recipe) -> WorkCalendar:
    return _build(recipe)


def _statutory_map(year: int, overlap: OverlapPolicy) -> dict[_date, bool]:
    """Statutory rest days of ``year`` mapped to whether each is an art. 6 compensation."""
    try:
        return {item.date: item.compensation for item in statutory_rest_days(year, overlap)}
    except CalendarDataMissing:
        return {}


def _apply_notice(
    specials: dict[int, _Special], notice: Notice, last_year: int, overlap: OverlapPolicy
) -> int:
    """Add one notice's days to ``specials``; return the new last covered year."""
    year = notice.year
    if notice.amends:
        if year > last_year:
            raise CalendarConflict(
                "notice.year",
                year,
                f"an amending notice must amend a covered year (data ends {last_year}).",
                f"修订通知只能修订已覆盖的年度（数据止于 {last_year} 年）。",
                "load the original notice first.",
            )
        for arrangement in notice.holidays:
            for ordinal in [
                o
                for o, s in specials.items()
                if s.year == year and s.holiday == arrangement.holiday
            ]:
                del specials[ordinal]
    elif year != last_year + 1:
        covered = year <= last_year
        raise CalendarConflict(
            "notice.year",
            year,
            f"the calendar already covers {year}; set amends: true to amend it."
            if covered
            else f"the calendar's data ends in {last_year}; a notice for {year} would leave a gap.",
            f"日历已覆盖 {year} 年；如为修订请设置 amends: true。"
            if covered
            else f"日历数据止于 {last_year} 年，{year} 年的通知会留下空缺。",
            None if covered else f"load the notice for {last_year + 1} first.",
        )
    statutory = _statutory_map(year, overlap)
    for arrangement in notice.holidays:
        for day in arrangement.rest_days:
            if day.weekday() >= _WEEKEND_RANK or day in statutory:
                kind = DayKind.HOLIDAY
                note = "补假 (art. 6)" if statutory.get(day) else None
            else:
                kind = DayKind.SHIFTED_REST
                note = None
            _place(specials, day, _Special(kind, arrangement.holiday, notice.label, year, note))
        for day in arrangement.workdays:
            _place(
                specials,
                day,
                _Special(DayKind.SHIFTED_WORKDAY, arrangement.holiday, notice.label, year),
            )
    return max(last_year, year)


def _place(specials: dict[int, _Special], day: _date, special: _Special) -> None:
    ordinal = day.toordinal()
    existing = specials.get(ordinal)
    if existing is not None:
        what = existing.holiday.zh if existing.holiday else existing.kind.value
        raise CalendarConflict(
            "notice",
            day,
            f"{day} is already arranged ({existing.kind.value}, {what}) by {existing.source}.",
            f"{day} 已由 {existing.source} 安排（{existing.kind.label_zh}，{what}）。",
            "an amending notice (amends: true) replaces a holiday's whole arrangement.",
        )
    specials[ordinal] = special


def _build(recipe: _Recipe) -> WorkCalendar:
    specials, first_year, last_year = _official_specials_cached()
    specials = dict(specials)
    for notice in recipe.notices:
        last_year = _apply_notice(specials, notice, last_year, recipe.overlap)
    prov_from: int | None = None
    end_year = last_year
    if recipe.unannounced == "statutory" and recipe.until > last_year:
        prov_from = _date(last_year + 1, 1, 1).toordinal()
        end_year = recipe.until
        end = _date(end_year, 12, 31)
        for year in range(last_year + 1, end_year + 1):
            for item in statutory_rest_days(year, recipe.overlap):
                if item.date > end:
                    continue
                note = "补假 (art. 6)" if item.compensation else None
                specials[item.date.toordinal()] = _Special(
                    DayKind.HOLIDAY, item.holiday, _PROJECTION, year, note
                )
    origin = _date(first_year, 1, 1).toordinal()
    last = _date(end_year, 12, 31)
    ndays = last.toordinal() - origin + 1
    for act in recipe.local:
        _apply_local(specials, act, origin, ndays)

    isw = bytearray(ndays)
    cb = [0] * (ndays + 1)
    work: list[_date] = []
    count = 0
    weekday = (origin - 1) % 7
    get = specials.get
    for i in range(ndays):
        special = get(origin + i)
        if weekday < _WEEKEND_RANK if special is None else special.kind.is_workday:
            isw[i] = 1
            count += 1
            work.append(_fromordinal(origin + i))
        cb[i + 1] = count
        weekday = weekday + 1 if weekday < 6 else 0

    cal = object.__new__(WorkCalendar)
    cal._origin = origin
    cal._ndays = ndays
    cal._cb = cb
    cal._isw = bytes(isw)
    cal._work = work
    cal._specials = specials
    cal._prov_from = prov_from
    cal._first = _fromordinal(origin)
    cal._last = last
    cal._recipe = recipe
    cal._np = None
    return cal


def _apply_local(specials: dict[int, _Special], act: _LocalAct, origin: int, ndays: int) -> None:
    for i, day in enumerate(act.days):
        ordinal = day.toordinal()
        if not 0 <= ordinal - origin < ndays:
            raise CalendarDataMissing(
                f"days[{i}]",
                day,
                "lies outside the calendar's coverage; a local act can only change covered days.",
                "超出日历覆盖范围，本地调整只能作用于已覆盖的日期。",
            )
        existing = specials.get(ordinal)
        kind = existing.kind if existing else _default_kind(ordinal)
        if kind.is_workday == act.workday:
            state = "a working day" if act.workday else "a rest day"
            raise CalendarConflict(
                f"days[{i}]",
                day,
                f"is already {state} ({kind.value}); the local act would change nothing.",
                f"该日已是{'工作日' if act.workday else '休息日'}（{kind.label_zh}），调整无效。",
            )
        new_kind = DayKind.LOCAL_WORKDAY if act.workday else DayKind.LOCAL_REST
        holiday = existing.holiday if existing else None
        year = existing.year if existing else day.year
        specials[ordinal] = _Special(new_kind, holiday, act.reason, year)


@functools.lru_cache(maxsize=1)
def _official_specials_cached() -> tuple[dict[int, _Special], int, int]:
    return _official_specials()
