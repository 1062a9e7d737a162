"""``Clock``: one legal period of a case as an immutable value (限时办结).

A clock starts on a day (or, for hour limits, at a moment), runs over working days, and
records what happens to it: suspensions for the procedures of 行政许可法 art. 45,
resumptions, extensions (art. 42). From that history it derives the due day, the time
left on any day, and the legal violations the history contains.

Conventions (documented in ``docs/timing.md``):

- The start day never counts (民法典 art. 201; 行政许可法 art. 42 counts "自受理之日起").
- A working day counts when the clock is running at its end: a suspension from day S to
  day R removes the working days S … R-1; suspending and resuming on one day changes
  nothing.
- The due day is the last day on which completion is on time.
- Impossible steps raise :class:`~shenpi.errors.TimelineError`; legal violations are
  recorded (``violations``), never raised, so audited history can be represented.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable
from typing import Any

import attrs

from shenpi.calendar import WorkCalendar
from shenpi.calendar.dates import as_cst_date, as_cst_datetime
from shenpi.errors import InvalidType, InvalidValue, TimelineError
from shenpi.timing.limits import OfficeHours, TimeLimit, TimeUnit

__all__ = [
    "Clock",
    "ClockEvent",
    "ClockViolation",
    "EventKind",
    "Suspension",
    "ViolationKind",
]

_DAY = _dt.timedelta(days=1)
Moment = _dt.date | _dt.datetime


class Suspension(enum.Enum):
    """Why a clock is suspended: the special procedures of 行政许可法 art. 45, whose time
    is not counted (the applicant is told in writing how long they take)."""

    HEARING = "hearing"
    """听证"""
    BIDDING = "bidding"
    """招标"""
    AUCTION = "auction"
    """拍卖"""
    TESTING = "testing"
    """检验"""
    INSPECTION = "inspection"
    """检测"""
    QUARANTINE = "quarantine"
    """检疫"""
    APPRAISAL = "appraisal"
    """鉴定"""
    EXPERT_REVIEW = "expert_review"
    """专家评审"""
    OTHER = "other"
    """Another procedure another law excludes from the period; must carry its legal basis."""

    @property
    def label_zh(self) -> str:
        """The procedure's name in 简体中文."""
        return _SUSPENSION_ZH[self]


def suspension_founded(reason: Suspension | None, basis: str = "") -> bool:
    """Whether a suspension rests on the law: one of the procedures of 行政许可法 art. 45,
    or another procedure (``OTHER``) whose law is named in ``basis``. Free text alone
    (or no reason) founds nothing."""
    return reason is not None and (reason is not Suspension.OTHER or bool(basis.strip()))


_SUSPENSION_ZH = {
    Suspension.HEARING: "听证",
    Suspension.BIDDING: "招标",
    Suspension.AUCTION: "拍卖",
    Suspension.TESTING: "检验",
    Suspension.INSPECTION: "检测",
    Suspension.QUARANTINE: "检疫",
    Suspension.APPRAISAL: "鉴定",
    Suspension.EXPERT_REVIEW: "专家评审",
    Suspension.OTHER: "其他法定程序",
}


class EventKind(enum.Enum):
    """What happened to a clock."""

    SUSPEND = "suspend"
    RESUME = "resume"
    EXTEND = "extend"


@attrs.frozen
class ClockEvent:
    """One step in a clock's history. ``on`` is a date (day limits) or an aware China
    Standard Time datetime (hour limits)."""

    kind: EventKind
    on: Moment
    reason: Suspension | None = None
    basis: str = ""
    by: TimeLimit | None = None


class ViolationKind(enum.Enum):
    """A legal violation a clock's history contains (recorded, never raised)."""

    LATE_EXTENSION = "late_extension"
    """Extended after the due day: art. 42 allows extending a period that is still running."""
    SECOND_EXTENSION = "second_extension"
    """Extended more than once: art. 42 allows one extension."""
    EXCESSIVE_EXTENSION = "excessive_extension"
    """Extended by more than the law allows (art. 42: 10, or 15 for joint handling)."""
    UNFOUNDED_SUSPENSION = "unfounded_suspension"
    """Suspended without an art. 45 procedure, or ``OTHER`` without its legal basis."""
    SUSPENSION_AFTER_DUE = "suspension_after_due"
    """Suspended after the period had run out; it cannot rescue a late case."""


@attrs.frozen
class ClockViolation:
    """A violation found in a clock's history: which step, when, and why it is one."""

    kind: ViolationKind
    event_index: int
    on: Moment
    basis: str
    message_en: str
    message_zh: str


def _check_calendar(calendar: Any) -> WorkCalendar:
    if not isinstance(calendar, WorkCalendar):
        raise InvalidType(
            "calendar",
            calendar,
            "expected a shenpi.calendar.WorkCalendar.",
            "应为 WorkCalendar。",
            "pass WorkCalendar.official() (or one with a notice added).",
        )
    return calendar


@attrs.frozen
class Clock:
    """A legal period with its history. Build it with :meth:`start`; every step returns a
    new clock.

    >>> import datetime as dt
    >>> from shenpi.calendar import WorkCalendar
    >>> cal = WorkCalendar.official()
    >>> clock = Clock.start(TimeLimit.workdays(20), on=dt.date(2025, 9, 26), calendar=cal)
    >>> clock.due                                  # 国庆 + 中秋 do not count
    datetime.date(2025, 10, 30)
    >>> clock.suspend(on=dt.date(2025, 10, 13), reason=Suspension.EXPERT_REVIEW).due is None
    True
    """

    limit: TimeLimit
    started: Moment
    calendar: WorkCalendar
    events: tuple[ClockEvent, ...] = ()
    office_hours: OfficeHours | None = None

    # ------------------------------------------------------------------ building
    @classmethod
    def start(
        cls,
        limit: TimeLimit,
        *,
        on: Any,
        calendar: WorkCalendar,
        office_hours: OfficeHours | None = None,
    ) -> Clock:
        """Start a clock for ``limit`` on ``on`` (the day of acceptance, which never counts).

        For an hour limit ``on`` must be a ``datetime`` (naive = China Standard Time) and
        ``office_hours`` defaults to :class:`OfficeHours`'s 9:00-12:00, 13:30-17:30.
        """
        if not isinstance(limit, TimeLimit):
            raise InvalidType(
                "limit",
                limit,
                "expected a TimeLimit.",
                "应为 TimeLimit。",
                "TimeLimit.workdays(20).",
            )
        cal = _check_calendar(calendar)
        if limit.unit is TimeUnit.HOURS:
            started: Moment = as_cst_datetime(on, "on")
            hours = office_hours if office_hours is not None else OfficeHours()
            if not isinstance(hours, OfficeHours):
                raise InvalidType(
                    "office_hours", hours, "expected OfficeHours.", "应为 OfficeHours。"
                )
            cal.is_workday(started)  # refuse a start outside the data up front
            return cls(limit, started, cal, (), hours)
        if office_hours is not None:
            raise InvalidValue(
                "office_hours",
                office_hours,
                "only hour limits are counted in office hours.",
                "只有小时时限按办公时间计算。",
            )
        day = as_cst_date(on, "on")
        cal.is_workday(day)
        return cls(limit, day, cal)

    def _moment(self, on: Any, step: str) -> Moment:
        moment: Moment
        if self.limit.unit is TimeUnit.HOURS:
            moment = as_cst_datetime(on, "on")
        else:
            moment = as_cst_date(on, "on")
        if moment < self.started:
            raise TimelineError(
                step,
                on,
                f"is before the clock's start ({self.started}).",
                f"早于计时起点（{self.started}）。",
            )
        if self.events and moment < self.events[-1].on:
            last = self.events[-1]
            raise TimelineError(
                step,
                on,
                f"is before the previous step ({last.kind.value} on {last.on}); "
                "record steps in the order they happened.",
                f"早于上一步（{last.on}），请按发生顺序记录。",
            )
        return moment

    @property
    def suspended(self) -> bool:
        """Whether the clock is suspended at the end of its history."""
        for event in reversed(self.events):
            if event.kind is EventKind.SUSPEND:
                return True
            if event.kind is EventKind.RESUME:
                return False
        return False

    def suspend(self, *, on: Any, reason: Suspension | None, basis: str = "") -> Clock:
        """Stop the clock from ``on`` (art. 45). ``reason=None`` or ``OTHER`` without a
        ``basis`` is recorded as an :attr:`ViolationKind.UNFOUNDED_SUSPENSION`."""
        moment = self._moment(on, "suspend")
        if self.suspended:
            raise TimelineError(
                "suspend",
                on,
                "the clock is already suspended.",
                "计时已经中止。",
                "resume it first.",
            )
        if reason is not None and not isinstance(reason, Suspension):
            raise InvalidType("reason", reason, "expected a Suspension.", "应为 Suspension。")
        if not isinstance(basis, str):
            raise InvalidType("basis", basis, "expected text.", "应为文本。")
        event = ClockEvent(EventKind.SUSPEND, moment, reason, basis)
        return attrs.evolve(self, events=(*self.events, event))

    def resume(self, *, on: Any) -> Clock:
        """Restart a suspended clock; the day ``on`` counts again (if a working day)."""
        moment = self._moment(on, "resume")
        if not self.suspended:
            raise TimelineError(
                "resume", on, "the clock is not suspended.", "计时未中止，无法恢复。"
            )
        return attrs.evolve(self, events=(*self.events, ClockEvent(EventKind.RESUME, moment)))

    def extend(self, *, by: TimeLimit, on: Any, basis: str = "") -> Clock:
        """Extend the period by ``by`` (art. 42: once, approved before the deadline).

        A late or second extension is recorded and reported in :attr:`violations`.
        """
        moment = self._moment(on, "extend")
        if not isinstance(by, TimeLimit):
            raise InvalidType("by", by, "expected a TimeLimit.", "应为 TimeLimit。")
        if by.unit is not self.limit.unit:
            raise InvalidValue(
                "by",
                by,
                f"the clock counts {self.limit.unit.value}; extend it in the same unit.",
                "延期单位必须与时限单位一致。",
            )
        event = ClockEvent(EventKind.EXTEND, moment, None, basis, by)
        return attrs.evolve(self, events=(*self.events, event))

    def with_limit(self, limit: TimeLimit) -> Clock:
        """The same history under another limit: the promised clock of a statutory one."""
        if not isinstance(limit, TimeLimit) or limit.unit is not self.limit.unit:
            raise InvalidValue(
                "limit",
                limit,
                f"expected a TimeLimit in {self.limit.unit.value}.",
                "时限单位必须一致。",
            )
        return attrs.evolve(self, limit=limit)

    # ------------------------------------------------------------------ reading
    def total(self, on: Any = None) -> int:
        """The limit plus the extensions granted (up to ``on``), in days or minutes."""
        cutoff = None if on is None else self._as_of(on)
        return self.limit.amount + sum(
            event.by.amount
            for event in self.events
            if event.kind is EventKind.EXTEND
            and event.by is not None
            and (cutoff is None or event.on <= cutoff)
        )

    @property
    def due(self) -> Moment | None:
        """The last day (hour limits: the moment) on which completion is on time; ``None``
        while the clock is suspended with the due day not yet reached."""
        return self._due(self.events)

    def past_due(self, on: Any) -> bool | None:
        """Whether ``on`` falls after the due day. The last day ends at 24:00 (民法典
        arts. 201-203): completion at any hour of it is on time, and any day after it, a
        rest day included, is late. Days are compared in China Standard Time (hour
        limits: moments). ``None`` while the clock stands suspended with no due day."""
        due = self.due
        if due is None:
            return None
        if isinstance(due, _dt.datetime):
            return as_cst_datetime(on, "on") > due
        return as_cst_date(on, "on") > due

    def remaining(self, *, on: Any) -> Any:
        """Time left after ``on``, in the limit's unit, as the history stood on ``on``.

        Working-day limits: working days still to count after ``on`` (0 on the due day,
        -1 one counted working day late; flat while suspended). Natural-day limits:
        days from ``on`` to the due day. Hour limits: a ``timedelta`` of office time.
        """
        cutoff = self._as_of(on)
        if self.limit.unit is TimeUnit.HOURS:
            return _dt.timedelta(minutes=self.total(cutoff)) - self.used(on=cutoff)
        if self.limit.unit is TimeUnit.WORKDAYS:
            return self.total(cutoff) - self.used(on=cutoff)
        events = tuple(e for e in self.events if e.on <= cutoff)
        if self._open_suspension(events):
            # As if resumed the next day: the days suspended so far do not count.
            events = (*events, ClockEvent(EventKind.RESUME, cutoff + _DAY))
        due = self._due(events)
        assert isinstance(due, _dt.date)
        return (due - cutoff).days

    def used(self, *, on: Any) -> Any:
        """Time counted from the start up to ``on``: working days (or natural days) in
        ``(start, on]`` while running, or a ``timedelta`` of office time for hours."""
        cutoff = self._as_of(on)
        intervals = self._intervals(self.events, cutoff)
        if self.limit.unit is TimeUnit.HOURS:
            assert isinstance(cutoff, _dt.datetime)
            return self._office_time(self.started, cutoff, intervals)  # type: ignore[arg-type]
        count = self._counter()
        counted = count(self.started, cutoff)
        for suspended, resumed in intervals:
            last = cutoff if resumed is None else min(resumed - _DAY, cutoff)
            first_excluded = max(suspended - _DAY, self.started)
            if last > first_excluded:
                counted -= count(first_excluded, last)
        return counted

    @property
    def provisional(self) -> bool:
        """Whether the due day, or any day of the history, comes from a provisional
        (projected) calendar day rather than a published notice."""
        last: Moment = self.started
        if self.events:
            last = max(last, self.events[-1].on)
        due = self.due
        if due is not None:
            last = max(last, due)
        return self.calendar.touches_provisional(self.started, last)

    @property
    def violations(self) -> tuple[ClockViolation, ...]:
        """Legal violations in the history: late, second extensions; suspensions without
        an art. 45 reason or after the period ran out. Each step is read against the clock
        as recorded, which every step moves; the period as the law leaves it is
        :func:`shenpi.timeline.lawful_clock`."""
        found: list[ClockViolation] = []
        extended = False
        for index, event in enumerate(self.events):
            due_before = self._due(self.events[:index])
            late = due_before is not None and event.on > due_before
            if event.kind is EventKind.EXTEND:
                if extended:
                    found.append(_violation(ViolationKind.SECOND_EXTENSION, index, event.on))
                if late:
                    found.append(_violation(ViolationKind.LATE_EXTENSION, index, event.on))
                extended = True
            elif event.kind is EventKind.SUSPEND:
                if not suspension_founded(event.reason, event.basis):
                    found.append(_violation(ViolationKind.UNFOUNDED_SUSPENSION, index, event.on))
                if late:
                    found.append(_violation(ViolationKind.SUSPENSION_AFTER_DUE, index, event.on))
        return tuple(found)

    # ------------------------------------------------------------------ internals
    def _as_of(self, on: Any) -> Moment:
        if self.limit.unit is TimeUnit.HOURS:
            moment: Moment = as_cst_datetime(on, "on")
        else:
            moment = as_cst_date(on, "on")
        if moment < self.started:
            raise TimelineError(
                "on", on, f"is before the clock's start ({self.started}).", "早于计时起点。"
            )
        return moment

    @staticmethod
    def _open_suspension(events: tuple[ClockEvent, ...]) -> bool:
        for event in reversed(events):
            if event.kind is not EventKind.EXTEND:
                return event.kind is EventKind.SUSPEND
        return False

    @staticmethod
    def _intervals(
        events: tuple[ClockEvent, ...], cutoff: Moment | None = None
    ) -> list[tuple[Any, Any]]:
        """Suspensions as (suspended on, resumed on or None), as known at ``cutoff``."""
        intervals: list[tuple[Any, Any]] = []
        for event in events:
            if cutoff is not None and event.on > cutoff:
                break
            if event.kind is EventKind.SUSPEND:
                intervals.append((event.on, None))
            elif event.kind is EventKind.RESUME:
                intervals[-1] = (intervals[-1][0], event.on)
        return intervals

    def _counter(self) -> Callable[[Any, Any], int]:
        if self.limit.unit is TimeUnit.WORKDAYS:
            return self.calendar.workdays_between
        return lambda a, b: (b - a).days

    def _advance(self) -> Callable[[Any, int], Any]:
        if self.limit.unit is TimeUnit.WORKDAYS:
            return self.calendar.add_workdays
        return lambda day, n: day + n * _DAY

    def _due(self, events: tuple[ClockEvent, ...]) -> Moment | None:
        total = self.limit.amount + sum(
            e.by.amount for e in events if e.kind is EventKind.EXTEND and e.by is not None
        )
        intervals = self._intervals(events)
        if self.limit.unit is TimeUnit.HOURS:
            return self._due_in_office_hours(total, intervals)
        count, advance = self._counter(), self._advance()
        position: Any = self.started
        left = total
        for suspended, resumed in intervals:
            available = count(position, suspended - _DAY) if suspended - _DAY > position else 0
            if left <= available:
                break
            left -= available
            if resumed is None:
                return None
            position = max(position, resumed - _DAY)
        due = advance(position, left)
        if self.limit.unit is TimeUnit.NATURAL_DAYS and not self.calendar.is_workday(due):
            # 民法典 art. 203: a last day that is a rest day moves to the next working day.
            due = self.calendar.add_workdays(due, 1)
        result: Moment = due
        return result

    # --- hour limits: office time on working days, minus suspensions
    def _office_pieces(
        self, begin: _dt.datetime, intervals: list[tuple[Any, Any]], stop: _dt.datetime
    ) -> Any:
        """Yield running office-time pieces ``(from, to)`` from ``begin`` to ``stop``."""
        assert self.office_hours is not None
        tz = begin.tzinfo
        day = begin.date()
        while day <= stop.date():
            if self.calendar.is_workday(day):
                for opens, closes in self.office_hours.sessions_on(day):
                    start = max(begin, _dt.datetime.combine(day, opens, tz))
                    end = _dt.datetime.combine(day, closes, tz)
                    if start >= end:
                        continue
                    yield from _subtract(start, end, intervals)
            day += _DAY

    def _due_in_office_hours(
        self, minutes: int, intervals: list[tuple[Any, Any]]
    ) -> _dt.datetime | None:
        started = self.started
        assert isinstance(started, _dt.datetime)
        left = _dt.timedelta(minutes=minutes)
        # With an open suspension nothing runs after it starts; otherwise run until due
        # (the calendar raises CalendarDataMissing at the end of its data).
        open_from = intervals[-1][0] if intervals and intervals[-1][1] is None else None
        stop = (
            open_from if open_from is not None else _dt.datetime.max.replace(tzinfo=started.tzinfo)
        )
        for piece_start, piece_end in self._office_pieces(started, intervals, stop):
            length = piece_end - piece_start
            if left <= length:
                due: _dt.datetime = piece_start + left
                return due
            left -= length
        return None

    def _office_time(
        self, begin: _dt.datetime, end: _dt.datetime, intervals: list[tuple[Any, Any]]
    ) -> _dt.timedelta:
        total = _dt.timedelta(0)
        for piece_start, piece_end in self._office_pieces(begin, intervals, end):
            if piece_start >= end:
                break
            total += min(piece_end, end) - piece_start
        return total


def _subtract(start: _dt.datetime, end: _dt.datetime, intervals: list[tuple[Any, Any]]) -> Any:
    """The parts of ``[start, end)`` outside every suspension ``[s, r)`` (open: r = None)."""
    pieces = [(start, end)]
    for suspended, resumed in intervals:
        next_pieces = []
        for a, b in pieces:
            if (resumed is not None and resumed <= a) or suspended >= b:
                next_pieces.append((a, b))
                continue
            if suspended > a:
                next_pieces.append((a, suspended))
            if resumed is not None and resumed < b:
                next_pieces.append((resumed, b))
        pieces = next_pieces
    yield from pieces


_VIOLATION_TEXT = {
    ViolationKind.LATE_EXTENSION: (
        "行政许可法 art. 42",
        "extended after the due day; an extension must be approved before the deadline.",
        "在期限届满后才延期；延期须在期限内批准。",
    ),
    ViolationKind.SECOND_EXTENSION: (
        "行政许可法 art. 42",
        "extended a second time; the law allows one extension.",
        "第二次延期；法律只允许延期一次。",
    ),
    ViolationKind.EXCESSIVE_EXTENSION: (
        "行政许可法 art. 42",
        "extended by more than the law allows.",
        "延期超过法定天数。",
    ),
    ViolationKind.UNFOUNDED_SUSPENSION: (
        "行政许可法 art. 45",
        "suspended without a procedure of art. 45 or another legal basis.",
        "中止计时没有第四十五条规定的程序或其他法律依据。",
    ),
    ViolationKind.SUSPENSION_AFTER_DUE: (
        "行政许可法 arts. 42, 45",
        "suspended after the period had already run out.",
        "期限届满后才中止计时。",
    ),
}


def _violation(kind: ViolationKind, index: int, on: Moment) -> ClockViolation:
    basis, en, zh = _VIOLATION_TEXT[kind]
    return ClockViolation(kind, index, on, basis, en, zh)
