"""The legal time of a case (案件法定时间线), derived in one place.

A :class:`Timeline` reads a case's history with its governing item(s), the calendar and
the :class:`~shenpi.timing.TimePolicy`, and says, with the article behind each date:
when the application was received and answered (行政许可法 art. 32), when its decision
period really started (art. 42, or the deemed acceptance of art. 32 (4)), which
suspensions (art. 45) and extensions (art. 42) the law lets move the period, the
statutory and promised due days, whether each decision, delivery (art. 44) and open case
is on time, and which answers rest on days the calendar has not settled. Every consumer
(the rules, ``shenpi.analytics``, ``shenpi.sim``, the testing kit, the CLI) reads it;
none of them builds a clock from events. It judges nothing itself: it is the law's
arithmetic, and the rules turn its answers into findings.

The conventions, each with its article, are on the docs page ``docs/timing.md``
("The timeline of a case").
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from shenpi.applications import (
    Accepted,
    Application,
    Decided,
    Delivered,
    Event,
    Extended,
    NotAccepted,
    Outcome,
    Resumed,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import WorkCalendar
from shenpi.errors import CalendarDataMissing, InvalidType
from shenpi.items import HandlingType, Item, ItemKind
from shenpi.jurisdiction import Jurisdiction
from shenpi.timing.clock import Clock, EventKind, Moment, Suspension, suspension_founded
from shenpi.timing.limits import TimeLimit, TimeUnit
from shenpi.timing.periods import LAW, Punctuality, TimePolicy
from shenpi.timing.periods import _forward as _period_end

__all__ = [
    "ClockStep",
    "Dated",
    "DecisionTime",
    "DeliveryTime",
    "Fault",
    "Judgment",
    "OpenTime",
    "Period",
    "Problem",
    "Step",
    "Timeline",
    "Verdict",
    "lawful_clock",
]

_DAY = _dt.timedelta(days=1)
_HOURS = TimeUnit.HOURS
_WHAT = {
    "statutory": ("statutory due day (art. 42)", "法定期限（第四十二条）"),
    "promised": ("promised due day", "承诺期限"),
    "delivery": ("delivery due day (art. 44)", "送达期限（第四十四条）"),
}
_CLOSING = (Decided, NotAccepted, Withdrawn)
_ANSWERS = (Accepted, NotAccepted, SupplementRequested)
_STEPS = (Suspended, Resumed, Extended)

ART_32 = "行政许可法 art. 32 (4)"
"""The basis of receipt, the intake due day and a deemed acceptance."""
ART_34 = "行政许可法 art. 34"
"""The basis of an instant item's (即办件) same-day decision."""
ART_42 = "行政许可法 art. 42"
"""The basis of the decision period and its extension."""
ART_44 = "行政许可法 art. 44"
"""The basis of the delivery period."""
ART_45 = "行政许可法 art. 45"
"""The basis of a suspension."""
PROMISE = "seed 三(七): 兑现承诺时限"
"""The basis of a promised limit (the seed's promise, kept apart from the law's period;
the rules quote the whole sentence of the seed)."""


# ---------------------------------------------------------------------------- values
@attrs.frozen
class Dated:
    """A date of a case's legal time with the article it comes from, and whether it
    rests on a day the calendar has not settled (a projected day, or a day of the last
    published December, which the next notice may still move)."""

    on: _dt.date
    basis: str
    provisional: bool = False

    def __str__(self) -> str:
        return f"{self.on}{' (provisional)' if self.provisional else ''}"


class Fault(enum.Enum):
    """Why a step of the history does not move the period as recorded.

    Every fault but :attr:`EXCESSIVE_EXTENSION` voids the step (it credits nothing);
    an excessive extension credits the legal maximum.
    """

    UNFOUNDED_SUSPENSION = "unfounded_suspension"
    """Art. 45: no procedure of art. 45 recorded, or ``OTHER`` without its legal basis."""
    SUSPENSION_AFTER_DUE = "suspension_after_due"
    """Arts. 42, 45: the period had already run out; a procedure cannot revive it."""
    ALREADY_SUSPENDED = "already_suspended"
    """The clock was already stopped by a credited suspension."""
    ORPHAN_RESUME = "orphan_resume"
    """A resumption with no suspension before it."""
    BEFORE_START = "before_start"
    """The step is dated before the decision period started (or it never started)."""
    UNAPPROVED_EXTENSION = "unapproved_extension"
    """Art. 42: 经本行政机关负责人批准 — no approving head recorded."""
    LATE_EXTENSION = "late_extension"
    """Art. 42: extended after the period as the law left it had run out."""
    SECOND_EXTENSION = "second_extension"
    """Art. 42: one extension (``TimePolicy.extensions_allowed``); a further one credits
    nothing."""
    EXCESSIVE_EXTENSION = "excessive_extension"
    """Art. 42: longer than 10 working days (15 for joint handling); the cap is credited."""
    UNIT_MISMATCH = "unit_mismatch"
    """The extension is counted in another unit than the period."""

    @property
    def voids(self) -> bool:
        """Whether the fault voids the step."""
        return self is not Fault.EXCESSIVE_EXTENSION

    @property
    def basis(self) -> str:
        """The article the fault is judged under."""
        return _FAULT_TEXT[self][0]

    @property
    def message_en(self) -> str:
        """What is wrong with the step, in English."""
        return _FAULT_TEXT[self][1]

    @property
    def message_zh(self) -> str:
        """What is wrong with the step, in 简体中文."""
        return _FAULT_TEXT[self][2]


_FAULT_TEXT = {
    Fault.UNFOUNDED_SUSPENSION: (
        ART_45,
        "suspended without a procedure of art. 45 or another legal basis; not counted.",
        "中止计时没有第四十五条规定的程序或其他法律依据，不予扣除。",
    ),
    Fault.SUSPENSION_AFTER_DUE: (
        "行政许可法 arts. 42, 45",
        "suspended after the period had already run out; not counted.",
        "期限届满后才中止计时，不予扣除。",
    ),
    Fault.ALREADY_SUSPENDED: (
        ART_45,
        "suspended while the clock was already stopped.",
        "计时已中止时再次中止。",
    ),
    Fault.ORPHAN_RESUME: (ART_45, "resumed a clock that was not suspended.", "恢复计时前未中止。"),
    Fault.BEFORE_START: (
        ART_42,
        "dated before the decision period started; not counted.",
        "早于审查期限起算日，不予计算。",
    ),
    Fault.UNAPPROVED_EXTENSION: (
        ART_42 + ": 经本行政机关负责人批准",
        "extended with no approval of the agency's head recorded; not counted.",
        "延期未记录负责人批准，不予延长。",
    ),
    Fault.LATE_EXTENSION: (
        ART_42,
        "extended after the due day; an extension must be approved before the deadline; "
        "not counted.",
        "在期限届满后才延期；延期须在期限内批准，不予延长。",
    ),
    Fault.SECOND_EXTENSION: (
        ART_42,
        "extended a second time; the law allows one extension; not counted.",
        "第二次延期；法律只允许延期一次，不予延长。",
    ),
    Fault.EXCESSIVE_EXTENSION: (
        ART_42,
        "extended by more than the law allows; only the legal maximum counts.",
        "延期超过法定天数，只计法定上限。",
    ),
    Fault.UNIT_MISMATCH: (
        ART_42,
        "extended in another unit than the period's; not counted.",
        "延期单位与期限单位不一致，不予延长。",
    ),
}


@attrs.frozen
class ClockStep:
    """One recorded step of a period, in the form :func:`lawful_clock` judges: a
    suspension (with its procedure and legal basis), a resumption, or an extension (with
    whether the head approved it). ``index`` is its place in the case's history."""

    index: int
    kind: EventKind
    on: Moment
    reason: Suspension | None = None
    basis: str = ""
    by: TimeLimit | None = None
    approved: bool = False

    @classmethod
    def of(cls, index: int, event: Suspended | Resumed | Extended) -> ClockStep:
        """The step of a case's event."""
        if isinstance(event, Suspended):
            return cls(index, EventKind.SUSPEND, event.on, event.reason, event.basis)
        if isinstance(event, Resumed):
            return cls(index, EventKind.RESUME, event.on)
        return cls(
            index, EventKind.EXTEND, event.on, by=event.by, approved=event.approved_by is not None
        )


@attrs.frozen
class Step:
    """A step as the law counts it: its faults, and what it credits.

    ``moves`` is true when the step moved the lawful period (a credited suspension or
    resumption, or an extension); ``credit`` is the extension credited, in the period's
    unit (0 for other steps and void extensions).
    """

    index: int
    kind: EventKind
    on: Moment
    faults: tuple[Fault, ...]
    moves: bool
    credit: int = 0

    @property
    def void(self) -> bool:
        """Whether a fault voids the step."""
        return any(f.voids for f in self.faults)


class Verdict(enum.Enum):
    """How an act (or an open case) stands against a due day."""

    ON_TIME = "on_time"
    LATE = "late"
    UNKNOWN = "unknown"
    """Cannot be judged: the history or the calendar leave the due day open, and the act
    falls between the earliest and latest possible due days."""


@attrs.frozen
class Judgment:
    """An act (a decision, a delivery) or an open case judged against one due day.

    ``due`` is the day quoted: the lawful due day, or, when it is uncertain, the latest
    possible one (a late verdict then holds under every reading) or the earliest (an on
    time verdict holds under every reading). ``late_days`` counts natural days after
    ``due`` and ``late_workdays`` the working days in ``(due, on]``: a decision on a
    Sunday after a Friday due day is 2 days late and 0 working days late — late all the
    same (民法典 art. 203: the last day ends at 24:00). ``certain`` is false when the due
    day was bounded rather than known. ``reason_en``/``reason_zh`` say why a verdict is
    :attr:`Verdict.UNKNOWN`.
    """

    on: _dt.date
    index: int | None
    due: _dt.date | None
    verdict: Verdict
    basis: str
    late_days: int = 0
    late_workdays: int = 0
    provisional: bool = False
    certain: bool = True
    reason_en: str = ""
    reason_zh: str = ""

    @property
    def late(self) -> bool:
        """Certainly late."""
        return self.verdict is Verdict.LATE


@attrs.frozen
class Problem:
    """Why part of a case cannot be judged: a broken history or a day without calendar
    data. ``index`` is the event at fault, if one is."""

    kind: str
    message_en: str
    message_zh: str
    index: int | None = None


@attrs.frozen
class Period:
    """One decision period (statutory or promised) as the law left it.

    ``clock`` is the lawful clock: the start and only the credited steps (``None`` for a
    promise that has no day clock: an instant item or an hour promise). ``due`` is the
    last on-time day, ``None`` while a credited suspension is open or when the calendar
    cannot tell; ``bounds`` then holds the earliest and latest possible due days
    (``None`` for the latest: no bound).
    """

    name: str
    limit: TimeLimit
    basis: str
    clock: Clock | None
    due: Dated | None
    bounds: tuple[_dt.date, _dt.date | None] | None = None


# ---------------------------------------------------------------------------- the law's arithmetic
def _founded(step: ClockStep) -> bool:
    """Art. 45 (:func:`shenpi.timing.clock.suspension_founded`)."""
    return suspension_founded(step.reason, step.basis)


def lawful_clock(
    clock: Clock,
    steps: Iterable[ClockStep],
    *,
    cap: TimeLimit,
    extensions_allowed: int = 1,
) -> tuple[Clock, tuple[Step, ...]]:
    """The clock as the law leaves it after ``steps``, and each step's faults.

    Only lawful steps move the period: a suspension for a procedure of 行政许可法 art. 45
    (or ``OTHER`` with another law named) that starts on or before the due day as it
    stands; its resumption; an extension (art. 42) approved by the head, the first
    ``extensions_allowed`` of them, on or before the due day, credited up to ``cap``
    (10 working days; 15 for joint handling). Steps must be in date order (a
    :class:`~shenpi.errors.TimelineError` otherwise): check the order first.
    Raises :class:`~shenpi.errors.CalendarDataMissing` when a due day needs a day
    without data.
    """
    judged: list[Step] = []
    extensions = 0
    recorded_open = False
    for step in steps:
        faults: list[Fault] = []
        if step.on < clock.started:
            faults.append(Fault.BEFORE_START)
        if step.kind is EventKind.SUSPEND:
            if clock.suspended:
                faults.append(Fault.ALREADY_SUSPENDED)
            if not _founded(step):
                faults.append(Fault.UNFOUNDED_SUSPENSION)
            if Fault.BEFORE_START not in faults and not clock.suspended:
                due = clock.due
                if due is not None and step.on > due:
                    faults.append(Fault.SUSPENSION_AFTER_DUE)
            moves = not faults
            if moves:
                clock = clock.suspend(on=step.on, reason=step.reason, basis=step.basis)
            recorded_open = True
            judged.append(Step(step.index, step.kind, step.on, tuple(faults), moves))
        elif step.kind is EventKind.RESUME:
            moves = False
            if clock.suspended and not faults:
                clock = clock.resume(on=step.on)
                moves = True
            elif not recorded_open:
                faults.append(Fault.ORPHAN_RESUME)
            recorded_open = False
            judged.append(Step(step.index, step.kind, step.on, tuple(faults), moves))
        else:
            extensions += 1
            by = step.by
            if not step.approved:
                faults.append(Fault.UNAPPROVED_EXTENSION)
            if extensions > extensions_allowed:
                faults.append(Fault.SECOND_EXTENSION)
            if Fault.BEFORE_START not in faults:
                due = clock.due
                if due is not None and step.on > due:
                    faults.append(Fault.LATE_EXTENSION)
            credit = 0
            if by is None or by.unit is not clock.limit.unit:
                faults.append(Fault.UNIT_MISMATCH)
            else:
                credit = by.amount
                if cap.unit is by.unit and by.amount > cap.amount:
                    faults.append(Fault.EXCESSIVE_EXTENSION)
                    credit = cap.amount
            if any(f.voids for f in faults):
                credit = 0
            else:
                clock = clock.extend(by=TimeLimit(clock.limit.unit, credit), on=step.on)
            judged.append(Step(step.index, step.kind, step.on, tuple(faults), credit > 0, credit))
    return clock, tuple(judged)


def _apply(clock: Clock, steps: Sequence[Step], by_index: Mapping[int, ClockStep]) -> Clock:
    """Apply the credited steps of another period (the promise follows the law's
    reading of each step); an extension in another unit than this clock's, or after this
    clock's own due day (a promise already broken), is skipped."""
    for step in steps:
        if not step.moves:
            continue
        raw = by_index[step.index]
        if step.kind is EventKind.SUSPEND:
            clock = clock.suspend(on=step.on, reason=raw.reason, basis=raw.basis)
        elif step.kind is EventKind.RESUME:
            if clock.suspended:
                clock = clock.resume(on=step.on)
        elif raw.by is not None and raw.by.unit is clock.limit.unit:
            # An extension cannot revive a promise that had already run out.
            due = clock.due
            if due is None or step.on <= due:
                clock = clock.extend(by=TimeLimit(clock.limit.unit, step.credit), on=step.on)
    return clock


# ---------------------------------------------------------------------------- items
ItemsOn = Callable[[str, _dt.date], Item | None]
"""``items_on(item_id, day)``: the item as the catalogue of ``day`` lists it, or ``None``
(:meth:`~shenpi.jurisdiction.Jurisdiction.item_on`)."""


# ---------------------------------------------------------------------------- the timeline
class _Scan:
    """What the timeline needs of a history, found in one pass over its events."""

    __slots__ = (
        "answer",
        "closed",
        "decided",
        "delivered",
        "ends",
        "first_accepted",
        "granted",
        "steps",
        "withdrawn",
    )

    def __init__(self, events: tuple[Event, ...]) -> None:
        self.answer: int | None = None
        self.first_accepted: _dt.date | None = None
        self.ends: _dt.date | None = None
        self.closed = self.withdrawn = False
        self.decided: list[int] = []
        self.granted: int | None = None
        self.delivered: list[int] = []
        self.steps: list[int] = []
        for index, event in enumerate(events):
            kind = type(event)
            on = event.on
            if kind in _ANSWER_KINDS:
                if self.answer is None:
                    self.answer = index
                if kind is Accepted and self.first_accepted is None:
                    self.first_accepted = on
                if kind is NotAccepted:
                    self.closed = True
            elif kind is Decided:
                self.decided.append(index)
                self.closed = True
                if event.outcome is Outcome.APPROVED:  # type: ignore[union-attr]
                    self.granted = index
            elif kind is Withdrawn:
                self.closed = self.withdrawn = True
            elif kind in _STEP_KINDS:
                self.steps.append(index)
                continue
            elif kind is Delivered:
                self.delivered.append(index)
                continue
            else:
                continue
            if self.ends is None or on < self.ends:
                self.ends = on


_ANSWER_KINDS = frozenset(_ANSWERS)
_STEP_KINDS = frozenset(_STEPS)


class Timeline:
    """The legal time of one case, computed once (see the module docstring).

    Build it with :meth:`of` (from a :class:`~shenpi.jurisdiction.Jurisdiction`, whose
    catalogue in effect on the day of acceptance gives the items, art. 32 (1)) or
    :meth:`for_items` (items given). The constructor itself takes ``items_on(item_id,
    day)`` and an optional ``memo(key, compute)``: a cache for facts that depend only on
    the key, the calendar and the policy (due days of plain periods, shared by thousands
    of cases in one check; the rules pass ``Context.memo``). Everything is computed on
    construction; reading is free.

    >>> import datetime as dt
    >>> from shenpi.applications import Accepted, Applicant, Application, Channel, Submitted
    >>> from shenpi.applications import ApplicantType, IdentifierKind, Decided, Outcome
    >>> from shenpi.items import Item, ItemKind
    >>> from shenpi.timing import TimeLimit
    >>> item = Item("I1", "I1", "许可", ItemKind.LICENSING, "D1", (),
    ...             TimeLimit.workdays(20), TimeLimit.workdays(12))
    >>> who = Applicant(ApplicantType.PERSON, "张三", "X", IdentifierKind.OTHER)
    >>> case = Application("A1", who, ("I1",), Channel.WINDOW, (
    ...     Submitted(dt.date(2025, 9, 1)),
    ...     Accepted(dt.date(2025, 9, 10)),          # after the 5 working days of art. 32
    ...     Decided(dt.date(2025, 10, 10), Outcome.APPROVED, "D1")))
    >>> line = Timeline.for_items(case, [item], as_of=dt.date(2025, 12, 1))
    >>> line.deemed, line.accepted.on, line.accepted.basis
    (True, datetime.date(2025, 9, 1), '行政许可法 art. 32 (4)')
    >>> line.statutory.due.on                 # 20 working days from 9/1 (9/28 调休上班)
    datetime.date(2025, 9, 28)
    >>> line.decisions[0].statutory.verdict, line.decisions[0].statutory.late_workdays
    (<Verdict.LATE: 'late'>, 4)
    """

    application: Application
    """The case."""
    items: tuple[Item | None, ...]
    """Its items, one per ``item_ids``, as the catalogue of the day of acceptance lists
    them (``None``: not found)."""
    item: Item | None
    """The item whose statutory limit governs (``TimePolicy.multi_item``)."""
    promised_item: Item | None
    """The item whose promise governs."""
    calendar: WorkCalendar
    """The working-day calendar."""
    policy: TimePolicy
    """The law's numbers."""
    as_of: _dt.date
    """The day the case is read as of."""
    received: Dated
    """The day the materials were received (art. 32)."""
    intake_due: Dated | None
    """The last day to answer intake (art. 32 (4)); ``None`` over days without data."""
    intake_bounds: tuple[_dt.date, _dt.date] | None
    """The earliest and latest intake due day over days without data."""
    intake_unknown: bool = False
    """Whether the bounds could not decide a deemed acceptance."""
    intake_answer: int | None
    """The index of the first intake answer."""
    deemed: bool
    """Whether the application counts as accepted on receipt (art. 32 (4))."""
    accepted: Dated | None
    """The day the decision period starts (recorded or deemed acceptance)."""
    steps: tuple[Step, ...]
    """Every suspension, resumption and extension, judged (arts. 42, 45)."""
    statutory: Period | None
    """The law's decision period (art. 42)."""
    promised: Period | None
    """The promised period, if the item promises one."""
    decisions: tuple[DecisionTime, ...]
    """Each decision judged against both periods."""
    open: OpenTime | None
    """An open case judged as of ``as_of``."""
    delivery: DeliveryTime | None
    """The delivery of a granted licence (art. 44)."""
    problems: tuple[Problem, ...]
    """What leaves part of the case unjudged."""

    # ------------------------------------------------------------ construction
    @classmethod
    def of(
        cls,
        application: Application,
        world: Jurisdiction,
        *,
        as_of: _dt.date,
        calendar: WorkCalendar | None = None,
        policy: TimePolicy = LAW,
    ) -> Timeline:
        """The timeline of ``application`` with its items from ``world``'s catalogue in
        effect on the day the decision period starts (else the submission day), else the
        current catalogue."""
        if not isinstance(world, Jurisdiction):
            raise InvalidType("world", world, "expected a Jurisdiction.", "应为 Jurisdiction。")
        return cls(application, world.item_on, as_of=as_of, calendar=calendar, policy=policy)

    @classmethod
    def for_items(
        cls,
        application: Application,
        items: Sequence[Item | None],
        *,
        as_of: _dt.date,
        calendar: WorkCalendar | None = None,
        policy: TimePolicy = LAW,
    ) -> Timeline:
        """The timeline of ``application`` with its items given, one per ``item_ids``
        (``None`` for an item not found)."""
        given = list(items)
        if len(given) != len(application.item_ids) or not all(
            i is None or isinstance(i, Item) for i in given
        ):
            raise InvalidType(
                "items",
                items,
                f"expected {len(application.item_ids)} Item (or None) values, one per item id.",
                "应为与事项编号一一对应的 Item（或 None）。",
            )
        found = dict(zip(application.item_ids, given, strict=True))
        return cls(
            application,
            lambda item_id, day: found.get(item_id),
            as_of=as_of,
            calendar=calendar,
            policy=policy,
        )

    def __init__(
        self,
        application: Application,
        items_on: ItemsOn,
        *,
        as_of: _dt.date,
        calendar: WorkCalendar | None = None,
        policy: TimePolicy = LAW,
        memo: Callable[[Any, Callable[[], Any]], Any] | None = None,
    ) -> None:
        if not isinstance(application, Application):
            raise InvalidType(
                "application", application, "expected an Application.", "应为 Application。"
            )
        if isinstance(as_of, _dt.datetime) or not isinstance(as_of, _dt.date):
            raise InvalidType("as_of", as_of, "expected a datetime.date.", "应为日期。")
        if not isinstance(policy, TimePolicy):
            raise InvalidType("policy", policy, "expected a TimePolicy.", "应为 TimePolicy。")
        cal = calendar if calendar is not None else WorkCalendar.official()
        if not isinstance(cal, WorkCalendar):
            raise InvalidType("calendar", cal, "expected a WorkCalendar.", "应为 WorkCalendar。")
        self.application = application
        self.calendar = cal
        self.policy = policy
        self.as_of = as_of
        self._memo = memo if memo is not None else (lambda key, compute: compute())
        # The first unsettled day (the last published December, projected days): every
        # date is compared with it, so it is read once (and once per check with a memo).
        self._unsettled_ord: int = self._memo(
            ("unsettled_from",), lambda: cal.unsettled_from.toordinal()
        )
        self._problems: list[Problem] = []
        events = application.events
        self._scan = _Scan(events)
        self.received = Dated(application.submitted_on, ART_32, self._unsettled(events[0].on))
        self._intake()
        self.deemed = self._deemed()
        self.accepted = self._start()
        day = self.accepted.on if self.accepted is not None else application.submitted_on
        self.items = tuple([items_on(item_id, day) for item_id in application.item_ids])
        self._order_problem = self._check_order(events)
        self.steps = ()
        self._joint = False
        self.statutory = self.promised = None
        self.item = self.promised_item = None
        for found in self.items:
            if found is not None:
                self.item = self.promised_item = found
                break
        self._periods(events)
        self.decisions = tuple(self._decisions(events))
        self.open = self._open()
        self.delivery = self._delivery(events)
        self.problems = tuple(self._problems)

    def __repr__(self) -> str:
        start = None if self.accepted is None else self.accepted.on
        due = None if self.statutory is None or self.statutory.due is None else self.statutory.due
        return (
            f"Timeline({self.application.id!r}, accepted={start}, statutory_due={due}, "
            f"problems={len(self.problems)})"
        )

    # ------------------------------------------------------------ helpers
    def _unsettled(self, a: _dt.date, b: _dt.date | None = None) -> bool:
        """Whether a day from ``a`` to ``b`` is unsettled (``WorkCalendar.touches_unsettled``)."""
        last = a if b is None or b < a else b
        return last.toordinal() >= self._unsettled_ord

    def _missing(self, what: tuple[str, str], missing: CalendarDataMissing) -> Problem:
        problem = Problem(
            "calendar",
            f"{what[0]}: {missing.message_en}",
            f"{what[1]}：{missing.message_zh}",
        )
        if problem not in self._problems:
            self._problems.append(problem)
        return problem

    def _forward(self, start: _dt.date, limit: TimeLimit) -> _dt.date:
        """The end of a day period from ``start`` with no step (arts. 82, 203:
        :func:`shenpi.timing.periods._forward`), once per check for each start and limit."""

        def compute() -> _dt.date:
            return _period_end(start, limit, self.calendar)

        found: _dt.date = self._memo(("due", start, limit.unit._value_, limit.amount), compute)
        return found

    # ------------------------------------------------------------ intake (art. 32)
    def _intake(self) -> None:
        self.intake_answer = self._scan.answer
        received = self.received.on
        self.intake_bounds = None
        self._intake_missing: CalendarDataMissing | None = None
        try:
            due = self._forward(received, self.policy.intake)
        except CalendarDataMissing as missing:
            self.intake_due = None
            self._intake_missing = missing
            self.intake_bounds = self._forward_bounds(received, self.policy.intake)
            return
        self.intake_due = Dated(due, ART_32, self._unsettled(received, due))

    def _forward_bounds(
        self, start: _dt.date, limit: TimeLimit
    ) -> tuple[_dt.date, _dt.date] | None:
        """The earliest and latest end of a plain period from ``start`` over days without
        calendar data (:func:`shenpi.calendar.bounds.envelope`); ``None`` if even the
        envelope has no data."""
        from shenpi.calendar.bounds import envelope

        try:
            bounds = envelope(self.calendar)
            earliest = Clock.start(limit, on=start, calendar=bounds.earliest).due
            latest = Clock.start(limit, on=start, calendar=bounds.latest).due
        except CalendarDataMissing:
            return None
        assert isinstance(earliest, _dt.date)
        assert isinstance(latest, _dt.date)
        return earliest, latest

    def _deemed(self) -> bool:
        """行政许可法 art. 32 (4): not told within the intake period, the application is
        accepted as from the day the materials were received. The period ran out while
        the case waited when no answer, withdrawal or decision came by the due day and
        one came after it, or none came and ``as_of`` is past it."""
        ends = self._scan.ends
        waited_until = ends if ends is not None else self.as_of
        if self.intake_due is not None:
            return waited_until > self.intake_due.on
        # No calendar data for the intake period: decided by its bounds where they can.
        bounds = self.intake_bounds
        if bounds is not None and waited_until > bounds[1]:
            return True
        if bounds is not None and waited_until <= bounds[0]:
            return False
        assert self._intake_missing is not None
        what = ("intake due day (art. 32 (4))", "受理期限（第三十二条）")
        if bounds is not None:
            what = (
                f"intake due day (art. 32 (4)) between {bounds[0]} and {bounds[1]}",
                f"受理期限（第三十二条）在 {bounds[0]} 至 {bounds[1]} 之间",
            )
        self._missing(what, self._intake_missing)
        self.intake_unknown = True
        return False

    def _start(self) -> Dated | None:
        if self.deemed:
            return Dated(self.received.on, ART_32, self.received.provisional)
        accepted = self._scan.first_accepted
        if accepted is None:
            return None
        return Dated(accepted, ART_42, self._unsettled(accepted))

    def _check_order(self, events: tuple[Event, ...]) -> Problem | None:
        """The steps and decisions must be in date order for the period to be followed
        (with no step, decisions out of order are each judged against the plain period)."""
        last: tuple[int, _dt.date] | None = None
        scan = self._scan
        if not scan.steps or len(scan.steps) + len(scan.decided) < 2:
            return None  # with no step, the order of the decisions moves nothing
        for index in sorted((*scan.steps, *scan.decided)):
            event = events[index]
            if last is not None and event.on < last[1]:
                problem = Problem(
                    "history",
                    f"event {index} ({type(event).__name__}, {event.on}) is dated before "
                    f"event {last[0]} ({last[1]}); the period cannot be followed",
                    f"第 {index} 个事件（{event.on}）早于第 {last[0]} 个事件（{last[1]}），"
                    "无法推算期限",
                    index,
                )
                self._problems.append(problem)
                return problem
            last = (index, event.on)
        return None

    # ------------------------------------------------------------ periods (arts. 42, 45)
    def _limits(self, start: _dt.date) -> tuple[TimeLimit, TimeLimit | None, str, bool]:
        """The governing statutory and promised limits (``TimePolicy.multi_item``).

        ``"strictest"`` (default): in unified, joint or centralised handling (an item
        marked ``joint``: 行政许可法 art. 42 ¶2 with art. 26) the joint item(s) govern, since
        the law sets one period for the joint procedure; otherwise the item whose period
        ends first, counted from ``start``, governs each limit (one decision must meet
        every item's period). ``"first"``: the first listed item governs. Where no item
        is known, the law's own period (art. 42: 20 working days, 45 for joint handling)
        and no promise."""
        items = self.items
        if len(items) == 1 and items[0] is not None:
            # One item (the common case): it governs both limits.
            only = self.item = self.promised_item = items[0]
            basis = ART_34 if only.handling is HandlingType.INSTANT else PROMISE
            return only.statutory_limit, only.promised_limit, basis, only.joint
        known = [i for i in items if i is not None]
        joint_items = [i for i in known if i.joint]
        joint = bool(joint_items) or (
            len(self.application.item_ids) > 1 and self.application.lead_department_id is not None
        )
        if not known:
            law = self.policy.joint_decision if joint else self.policy.decision
            return law, None, PROMISE, joint
        chosen = known[:1] if self.policy.multi_item == "first" else (joint_items or known)
        if len(chosen) == 1:
            statutory_item = promised_item = chosen[0]
        else:
            statutory_item = min(chosen, key=lambda i: self._end(i.statutory_limit, start))
            promised_item = min(chosen, key=lambda i: self._end(i.promised_limit, start))
        self.item = statutory_item
        self.promised_item = promised_item
        instant = promised_item.handling is HandlingType.INSTANT
        basis = ART_34 if instant else PROMISE
        return statutory_item.statutory_limit, promised_item.promised_limit, basis, joint

    def _end(self, limit: TimeLimit, start: _dt.date) -> tuple[int, int]:
        """Where a limit ends counted from ``start``, to compare limits of different
        units: hour limits first, then day limits by their plain due day (by amount when
        the calendar has no data)."""
        if limit.unit is TimeUnit.HOURS:
            return (0, limit.amount)
        try:
            return (1, self._forward(start, limit).toordinal())
        except CalendarDataMissing:
            return (2, limit.amount)

    def _periods(self, events: tuple[Event, ...]) -> None:
        if self.accepted is None:
            return
        start = self.accepted.on
        statutory_limit, promised_limit, promised_basis, joint = self._limits(start)
        self._joint = joint
        if (
            not self._scan.steps
            and statutory_limit.unit is not _HOURS
            and (promised_limit is None or promised_limit.unit is not _HOURS)
        ):
            # The common case, no suspension and no extension: plain periods, their due
            # days looked up once per check.
            try:
                self.statutory = self._plain_period("statutory", statutory_limit, ART_42, start)
                if promised_limit is not None:
                    self.promised = self._plain_period(
                        "promised", promised_limit, promised_basis, start
                    )
                return
            except CalendarDataMissing:
                self.statutory = self.promised = None  # followed below, with bounds
        raw = [ClockStep.of(i, events[i]) for i in self._scan.steps]  # type: ignore[arg-type]
        self.steps = tuple(
            Step(
                s.index, s.kind, s.on, _static_faults(s, raw, self.policy.extensions_allowed), False
            )
            for s in raw
        )
        cap = self.policy.joint_extension if joint else self.policy.decision_extension
        limits = {"statutory": (statutory_limit, ART_42)}
        if promised_limit is not None:
            limits["promised"] = (promised_limit, promised_basis)
        days = {name: limit for name, (limit, _) in limits.items() if limit.unit is not _HOURS}
        found: dict[str, Period] = {}
        for name, (limit, basis) in limits.items():
            if limit.unit is _HOURS:
                # The events record days: see _hour_period.
                found[name] = self._hour_period(name, limit, basis)
        if days and statutory_limit.unit is _HOURS:
            # A law's hour limit: the steps cannot be weighed against it.
            days = {}
        if days and self._order_problem is not None:
            for name, limit in days.items():
                found[name] = self._bounded_period(name, limit, limits[name][1], raw, cap)
        elif days:
            try:
                if not raw:  # no step moves a day period: plain periods, shared per check
                    for name, limit in days.items():
                        found[name] = self._plain_period(name, limit, limits[name][1], start)
                else:
                    steps, clocks = self._lawful_on(self.calendar, start, raw, cap, days)
                    self.steps = steps
                    for name, clock in clocks.items():
                        found[name] = self._period(
                            name, limits[name][0], limits[name][1], clock, clock.due
                        )
            except CalendarDataMissing as missing:
                self._missing(("due day (art. 42)", "办理期限（第四十二条）"), missing)
                found.update(self._enveloped(start, raw, cap, days, limits))
        self.statutory = found.get("statutory")
        self.promised = found.get("promised")

    def _plain_period(self, name: str, limit: TimeLimit, basis: str, start: _dt.date) -> Period:
        """A period with no step: it depends on its start, limit and basis alone, so one
        value serves every case of the check that shares them."""

        def compute() -> Period:
            due = self._forward(start, limit)
            return Period(
                name,
                limit,
                basis,
                Clock(limit, start, self.calendar),
                Dated(due, basis, due.toordinal() >= self._unsettled_ord),
            )

        key = ("plain", name, basis, start, limit.unit._value_, limit.amount)
        found: Period = self._memo(key, compute)
        return found

    def _lawful_on(
        self,
        calendar: WorkCalendar,
        start: _dt.date,
        raw: Sequence[ClockStep],
        cap: TimeLimit,
        limits: Mapping[str, TimeLimit],
    ) -> tuple[tuple[Step, ...], dict[str, Clock]]:
        """The lawful clocks of the day periods on ``calendar``: the statutory period
        judges the steps (:func:`lawful_clock`); the promise follows its reading of each."""
        clocks: dict[str, Clock] = {}
        steps: tuple[Step, ...] = ()
        if "statutory" in limits:
            clock = Clock.start(limits["statutory"], on=start, calendar=calendar)
            clock, steps = lawful_clock(
                clock, raw, cap=cap, extensions_allowed=self.policy.extensions_allowed
            )
            clocks["statutory"] = clock
        if "promised" in limits:
            clock = Clock.start(limits["promised"], on=start, calendar=calendar)
            clocks["promised"] = _apply(clock, steps, {s.index: s for s in raw})
        return steps, clocks

    def _instant(self) -> bool:
        item = self.promised_item
        return item is not None and item.handling is HandlingType.INSTANT

    def _period(
        self, name: str, limit: TimeLimit, basis: str, clock: Clock, due: Moment | None
    ) -> Period:
        if due is None:
            return Period(name, limit, basis, clock, None)
        assert isinstance(due, _dt.date)
        started = clock.started
        assert isinstance(started, _dt.date)
        return Period(name, limit, basis, clock, Dated(due, basis, self._unsettled(started, due)))

    def _hour_period(self, name: str, limit: TimeLimit, basis: str) -> Period:
        """An hour limit: an instant item (即办件, art. 34: decided on the spot) or another
        hour promise. The events record days, so the period ends
        ``TimePolicy.hour_promise_days`` working days after the start (0: the day of
        acceptance); an instant item's always ends on the day of acceptance. (An item
        marked instant that promises days keeps its published promise; CAT005 reports the
        mismatch.)"""
        assert self.accepted is not None
        start = self.accepted.on
        days = 0 if self._instant() and name == "promised" else self.policy.hour_promise_days
        try:
            due = self.calendar.add_workdays(start, days) if days else start
        except CalendarDataMissing as missing:
            self._missing(_WHAT[name], missing)
            return Period(name, limit, basis, None, None)
        return Period(name, limit, basis, None, Dated(due, basis, self._unsettled(start, due)))

    def _bounded_period(
        self,
        name: str,
        limit: TimeLimit,
        basis: str,
        raw: Sequence[ClockStep],
        cap: TimeLimit,
    ) -> Period:
        """A period whose history cannot be followed (steps out of order): the earliest
        due day credits no step; the latest credits one extension at the cap, and has no
        bound if any founded suspension is recorded (its length is unknown)."""
        assert self.accepted is not None
        start = self.accepted.on
        try:
            clock = Clock.start(limit, on=start, calendar=self.calendar)
            earliest = clock.due
            latest: Any = None
            if not any(s.kind is EventKind.SUSPEND and _founded(s) for s in raw):
                latest = earliest
                if any(s.kind is EventKind.EXTEND and s.approved for s in raw):
                    extra = TimeLimit(limit.unit, cap.amount) if cap.unit is limit.unit else None
                    if extra is not None:
                        latest = clock.extend(by=extra, on=start).due
        except CalendarDataMissing as missing:
            self._missing(_WHAT[name], missing)
            return Period(name, limit, basis, None, None)
        assert isinstance(earliest, _dt.date)
        return Period(name, limit, basis, None, None, (earliest, latest))

    def _enveloped(
        self,
        start: _dt.date,
        raw: Sequence[ClockStep],
        cap: TimeLimit,
        days: Mapping[str, TimeLimit],
        limits: Mapping[str, tuple[TimeLimit, str]],
    ) -> dict[str, Period]:
        """The day periods over days the calendar has no data for: their due days under
        the earliest and the latest arrangement a future notice could make
        (:func:`shenpi.calendar.bounds.envelope`). A step at fault under the latest
        arrangement is at fault under every one, so the steps reported are those."""
        from shenpi.calendar.bounds import envelope

        unknown = {
            name: Period(name, limit, limits[name][1], None, None) for name, limit in days.items()
        }
        try:
            bounds = envelope(self.calendar)
            _, early = self._lawful_on(bounds.earliest, start, raw, cap, days)
            late_steps, late = self._lawful_on(bounds.latest, start, raw, cap, days)
            found = {}
            for name, limit in days.items():
                earliest, latest = early[name].due, late[name].due
                if not isinstance(earliest, _dt.date):
                    return unknown
                found[name] = Period(
                    name,
                    limit,
                    limits[name][1],
                    None,
                    None,
                    (earliest, latest if isinstance(latest, _dt.date) else None),
                )
        except CalendarDataMissing:
            return unknown
        self.steps = late_steps
        return found

    # ------------------------------------------------------------ judgments
    def _judge(
        self,
        period: Period | None,
        on: _dt.date,
        index: int | None,
        *,
        closing: bool,
    ) -> Judgment | None:
        """``on`` against ``period``: a decision (``closing``) or the audit day of an open
        case. A decision made while a credited suspension is open is judged as if the
        clock resumed that day (the period stood still until then)."""
        if period is None:
            return None
        due = period.due
        if due is not None:  # the common case, first
            return self._against(due, on, index)
        if period.clock is not None and period.clock.suspended:
            # Standing still (a credited suspension not yet resumed).
            if not closing:
                return Judgment(on, index, None, Verdict.ON_TIME, period.basis)
            resumed = period.clock.resume(on=max(on, _last_on(period.clock)))
            try:
                found = resumed.due
            except CalendarDataMissing as missing:
                self._missing(_WHAT[period.name], missing)
                return self._unknown(on, index, period, None, None)
            assert isinstance(found, _dt.date)
            return self._judge(
                attrs.evolve(period, due=Dated(found, period.basis, False)),
                on,
                index,
                closing=closing,
            )
        if period.bounds is None:
            return self._unknown(on, index, period, None, None)
        earliest, latest = period.bounds
        if on <= earliest:
            return Judgment(
                on, index, earliest, Verdict.ON_TIME, period.basis, provisional=True, certain=False
            )
        if latest is not None and on > latest:
            return Judgment(
                on,
                index,
                latest,
                Verdict.LATE,
                period.basis,
                (on - latest).days,
                self._count(latest, on),
                provisional=True,
                certain=False,
            )
        return self._unknown(on, index, period, earliest, latest)

    def _count(self, a: _dt.date, b: _dt.date) -> int:
        """Working days in ``(a, b]``; over days without data, the fewest any arrangement
        gives (the latest envelope), so a count of days late is never overstated."""
        try:
            return self.calendar.workdays_between(a, b)
        except CalendarDataMissing:
            from shenpi.calendar.bounds import envelope

            try:
                return envelope(self.calendar).latest.workdays_between(a, b)
            except CalendarDataMissing:
                return 0

    def _unknown(
        self,
        on: _dt.date,
        index: int | None,
        period: Period,
        earliest: _dt.date | None,
        latest: _dt.date | None,
    ) -> Judgment:
        reasons_en = [p.message_en for p in self._problems] or ["the due day is not known"]
        reasons_zh = [p.message_zh for p in self._problems] or ["期限无法确定"]
        if earliest is not None:
            span = "no later bound" if latest is None else f"at the latest {latest}"
            span_zh = "无上限" if latest is None else f"最晚 {latest}"
            reasons_en.append(f"the {period.name} due day is at the earliest {earliest}, {span}")
            reasons_zh.append(f"{_WHAT[period.name][1]}最早 {earliest}，{span_zh}")
        return Judgment(
            on,
            index,
            None,
            Verdict.UNKNOWN,
            period.basis,
            provisional=True,
            certain=False,
            reason_en="; ".join(reasons_en),
            reason_zh="；".join(reasons_zh),
        )

    def _decisions(self, events: tuple[Event, ...]) -> list[DecisionTime]:
        found: list[DecisionTime] = []
        if self.accepted is None:
            return found
        start = self.accepted.on
        for index in self._scan.decided:
            event = events[index]
            assert isinstance(event, Decided)
            if event.on < start:
                continue
            statutory = self._judge(self.statutory, event.on, index, closing=True)
            promised = self._judge(self.promised, event.on, index, closing=True)
            found.append(DecisionTime(index, event, statutory, promised))
        return found

    def _open(self) -> OpenTime | None:
        if self.accepted is None or self._scan.closed:
            return None
        if self.as_of < self.accepted.on:
            return None
        statutory = self._judge(self.statutory, self.as_of, None, closing=False)
        promised = self._judge(self.promised, self.as_of, None, closing=False)
        return OpenTime(self.as_of, statutory, promised)

    def _delivery(self, events: tuple[Event, ...]) -> DeliveryTime | None:
        """行政许可法 art. 44: the licence of the last decision granting it is issued and
        delivered within 10 working days. Fee items (行政事业性收费) issue none."""
        if self.item is not None and self.item.kind is ItemKind.FEE:
            return None
        scan = self._scan
        if scan.granted is None:
            return None
        index = scan.granted
        decision = events[index]
        assert isinstance(decision, Decided)
        at = next((i for i in scan.delivered if i > index), None)
        delivered = None if at is None else (at, events[at])
        try:
            due = self._delivery_due(decision.on)
        except CalendarDataMissing as missing:
            # Judged against the earliest and latest due day where they decide it.
            bounds = self._forward_bounds(decision.on, self.policy.delivery)
            if delivered is not None:
                on, at = delivered[1].on, delivered[0]
            elif scan.withdrawn or (bounds is not None and self.as_of <= bounds[0]):
                return DeliveryTime(index, decision, None, None, None)
            else:
                on, at = self.as_of, None
            period = Period("delivery", self.policy.delivery, ART_44, None, None, bounds)
            judged = self._judge(period, on, at, closing=True)
            if judged is not None and judged.verdict is Verdict.UNKNOWN:
                self._missing(_WHAT["delivery"], missing)  # the reason the judgment names
                judged = self._unknown(on, at, period, *(bounds or (None, None)))
            return DeliveryTime(index, decision, None, at, judged)
        if delivered is not None:
            at, event = delivered
            judgment = self._against(due, event.on, at)
            return DeliveryTime(index, decision, due, at, judgment)
        if self.as_of > due.on and not scan.withdrawn:
            return DeliveryTime(index, decision, due, None, self._against(due, self.as_of, None))
        return DeliveryTime(index, decision, due, None, None)

    def _delivery_due(self, decided_on: _dt.date) -> Dated:
        """The art. 44 due day of a decision made on ``decided_on``, once per check."""

        def compute() -> Dated:
            due = self._forward(decided_on, self.policy.delivery)
            return Dated(due, ART_44, self._unsettled(decided_on, due))

        limit = self.policy.delivery
        key = ("delivery_due", decided_on, limit.unit._value_, limit.amount)
        found: Dated = self._memo(key, compute)
        return found

    def _against(self, due: Dated, on: _dt.date, index: int | None) -> Judgment:
        """``on`` against a known due day: on time up to and on it, late from the next day
        whatever the day (民法典 arts. 201-203: a period's last day ends at 24:00), with
        the days and working days late (art. 82)."""
        provisional = due.provisional or self._unsettled(due.on, on)
        if on <= due.on:
            return Judgment(on, index, due.on, Verdict.ON_TIME, due.basis, 0, 0, provisional)
        return Judgment(
            on,
            index,
            due.on,
            Verdict.LATE,
            due.basis,
            (on - due.on).days,
            self._count(due.on, on),
            provisional,
        )

    # ------------------------------------------------------------ reading
    @property
    def department_id(self) -> str | None:
        """The department that decides: the lead department of unified or joint handling
        (行政许可法 art. 26), else the governing item's department."""
        if self.application.lead_department_id is not None:
            return self.application.lead_department_id
        return None if self.item is None else self.item.department_id

    @property
    def joint(self) -> bool:
        """Unified, joint or centralised handling (art. 42 ¶2 with art. 26)."""
        return self._joint

    @property
    def provisional(self) -> bool:
        """Whether any date of the timeline rests on an unsettled calendar day."""
        dates: list[Any] = [self.received, self.intake_due, self.accepted]
        for period in (self.statutory, self.promised):
            if period is not None:
                dates.append(period.due)
                if period.bounds is not None:
                    return True
        if any(d is not None and d.provisional for d in dates):
            return True
        judgments = [j for d in self.decisions for j in (d.statutory, d.promised)]
        if self.open is not None:
            judgments += [self.open.statutory, self.open.promised]
        if self.delivery is not None:
            judgments.append(self.delivery.judgment)
        return any(j is not None and j.provisional for j in judgments)

    def step(self, index: int) -> Step | None:
        """The judged step at event ``index``, if that event is a step."""
        return next((s for s in self.steps if s.index == index), None)

    def faults(self, fault: Fault) -> list[Step]:
        """The steps with ``fault``."""
        return [s for s in self.steps if fault in s.faults]


@attrs.frozen
class DecisionTime:
    """A decision judged against the statutory and promised periods, and its
    punctuality (``None`` when either judgment is unknown or missing)."""

    index: int
    event: Decided
    statutory: Judgment | None
    promised: Judgment | None

    @property
    def punctuality(self) -> Punctuality | None:
        """EARLY, ON_DUE_DAY, LATE_AGAINST_PROMISE or LATE_AGAINST_LAW (dates compared:
        a decision after the due day is late even on a rest day)."""
        s, p = self.statutory, self.promised
        if s is None or s.verdict is Verdict.UNKNOWN:
            return None
        if s.late:
            return Punctuality.LATE_AGAINST_LAW
        watched = p if p is not None else s
        if watched.verdict is Verdict.UNKNOWN or watched.due is None:
            return None
        if watched.late:
            return Punctuality.LATE_AGAINST_PROMISE
        if watched.on < watched.due:
            return Punctuality.EARLY
        return Punctuality.ON_DUE_DAY


@attrs.frozen
class OpenTime:
    """An open case judged as of the audit day against both periods."""

    on: _dt.date
    statutory: Judgment | None
    promised: Judgment | None


@attrs.frozen
class DeliveryTime:
    """The delivery of a granted licence (行政许可法 art. 44): the decision, the due day,
    the delivery's event index, and its judgment (``None`` while the period runs)."""

    index: int
    decision: Decided
    due: Dated | None
    delivered_index: int | None
    judgment: Judgment | None


def _static_faults(step: ClockStep, raw: Sequence[ClockStep], allowed: int) -> tuple[Fault, ...]:
    """The faults a step has whatever the due day: no art. 45 reason, no approval, a
    second extension. (Faults that depend on the due day need the period followed.)"""
    if step.kind is EventKind.SUSPEND:
        return () if _founded(step) else (Fault.UNFOUNDED_SUSPENSION,)
    if step.kind is not EventKind.EXTEND:
        return ()
    faults = [] if step.approved else [Fault.UNAPPROVED_EXTENSION]
    earlier = [s for s in raw if s.kind is EventKind.EXTEND and s.index < step.index]
    if len(earlier) >= allowed:
        faults.append(Fault.SECOND_EXTENSION)
    return tuple(faults)


def _last_on(clock: Clock) -> Any:
    return clock.events[-1].on if clock.events else clock.started
