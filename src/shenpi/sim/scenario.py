"""Scenarios: what a simulated hall is, as plain frozen data.

A :class:`Scenario` names the world (a :class:`~shenpi.jurisdiction.Jurisdiction`'s
reference data: departments, offices, windows, catalogue, letters, seals, fees), the
horizon, how cases arrive (:class:`Arrivals`, with :class:`Seasonality` on the working-day
calendar), how long each step takes in each department (:class:`Processing`, made of
:class:`Duration` values), how many windows and reviewers each office has
(:class:`Staffing`), the policies (:class:`Policies`: serial or parallel approval,
promised limits, supplement notices, suspensions and extensions, the share handled
outside the hall) and which departments have entered the hall by when
(:class:`ReformSchedule`). Bad values are refused with a
:class:`~shenpi.errors.ShenpiError` naming the field and the value.

Nothing here needs SimPy or NumPy: a scenario can be built, changed (``attrs.evolve`` or
the ``with_*`` methods) and compared without the ``sim`` extra; :func:`shenpi.sim.simulate`
needs it.
"""

from __future__ import annotations

import datetime as _dt
import enum
import math
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue
from shenpi.jurisdiction import Jurisdiction
from shenpi.reform import SEED_PLAN, Milestone, ReformPlan
from shenpi.sim import _validate as v
from shenpi.timing import LAW, Suspension, TimeLimit, TimePolicy

__all__ = [
    "WORKING_DAYS_PER_YEAR",
    "ApprovalMode",
    "Arrivals",
    "Duration",
    "DurationUnit",
    "ExtensionPolicy",
    "Policies",
    "Processing",
    "ReformSchedule",
    "Scenario",
    "Seasonality",
    "Staffing",
]

WORKING_DAYS_PER_YEAR = 250
"""The working days of a year when a rate is turned into a daily load (staffing
estimates; the official calendar's years have 246-251)."""


class DurationUnit(enum.Enum):
    """The unit of a :class:`Duration`."""

    HOURS = "hours"
    """Office hours of staff time (``Scenario.hours_per_day`` make a working day)."""
    WORKDAYS = "workdays"
    """Working days of the calendar (行政许可法 art. 82)."""
    NATURAL_DAYS = "natural_days"
    """Calendar days (the applicant's own time, such as bringing missing materials)."""
    PROMISE = "promise"
    """A share of the item's promised limit in the scenario's world, counted in working
    days (a natural-day promise of n days counts as n·5/7 working days): a department
    that promises 10 days for one item and 20 for another works proportionally."""


@attrs.frozen
class Duration:
    """A random duration: log-normal with ``median`` and ``spread`` (the standard
    deviation of its logarithm; 0 gives exactly the median), optionally capped at
    ``maximum``, in ``unit``.

    >>> Duration.workdays(5, spread=0).sample(1.3), Duration.hours(2, maximum=3).sample(9)
    (5.0, 3.0)
    """

    median: float = attrs.field(validator=v.field(v.positive))
    spread: float = attrs.field(default=0.5, validator=v.field(v.non_negative))
    unit: DurationUnit = attrs.field(default=DurationUnit.WORKDAYS)
    maximum: float | None = attrs.field(default=None, validator=v.field(v.optional(v.positive)))

    @unit.validator
    def _check_unit(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, DurationUnit):
            raise InvalidType("unit", value, "expected a DurationUnit.", "应为 DurationUnit。")

    def __attrs_post_init__(self) -> None:
        if self.maximum is not None and self.maximum < self.median:
            raise InvalidValue(
                "maximum", self.maximum, f"is below the median {self.median}.", "上限小于中位数。"
            )

    @classmethod
    def hours(cls, median: float, spread: float = 0.5, maximum: float | None = None) -> Duration:
        """Office hours of staff time."""
        return cls(median, spread, DurationUnit.HOURS, maximum)

    @classmethod
    def workdays(cls, median: float, spread: float = 0.5, maximum: float | None = None) -> Duration:
        """Working days."""
        return cls(median, spread, DurationUnit.WORKDAYS, maximum)

    @classmethod
    def natural_days(
        cls, median: float, spread: float = 0.5, maximum: float | None = None
    ) -> Duration:
        """Calendar days."""
        return cls(median, spread, DurationUnit.NATURAL_DAYS, maximum)

    @classmethod
    def of_promise(
        cls, share: float, spread: float = 0.5, maximum: float | None = None
    ) -> Duration:
        """A share of the item's promised limit (:attr:`DurationUnit.PROMISE`)."""
        return cls(share, spread, DurationUnit.PROMISE, maximum)

    @property
    def mean(self) -> float:
        """The mean of the log-normal, before the cap: ``median·exp(spread²/2)``."""
        return self.median * math.exp(self.spread**2 / 2)

    def sample(self, z: float) -> float:
        """The duration for a standard normal draw ``z`` (in :attr:`unit`)."""
        value = self.median * math.exp(self.spread * z)
        return value if self.maximum is None else min(value, float(self.maximum))


def _unit_in(*units: DurationUnit) -> v.Check:
    def run(name: str, value: Any) -> None:
        v.instance(Duration)(name, value)
        if value.unit not in units:
            wanted = " or ".join(u.value for u in units)
            raise InvalidValue(
                name, value, f"expected a duration in {wanted}.", f"单位应为 {wanted}。"
            )

    return run


_STAFF_TIME = v.field(_unit_in(DurationUnit.HOURS))
_ELAPSED = v.field(_unit_in(DurationUnit.WORKDAYS, DurationUnit.PROMISE))


@attrs.frozen
class Processing:
    """How long each step of a case takes in one department.

    Staff time (``intake``, ``review_effort``, ``opinion_effort``, in office hours) holds
    a window or a reviewer, so it queues when capacity is short; elapsed time
    (``review``, ``opinion``, ``decision``: circulation, site visits, sign-off) passes
    without holding anyone.

    - ``intake``: a window checks the materials and accepts (受理), or tells what is
      missing (一次性告知, art. 32), or refuses.
    - ``review_effort`` and ``review``: the office reviews (审查) the case it leads.
    - ``opinion_effort`` and ``opinion``: a co-department reviews a joint case and gives
      its opinion (并联审批).
    - ``decision``: the office director signs the decision (决定).
    - ``delivery``: the licence reaches the applicant (送达; art. 44 allows 10 working
      days, the default never takes longer).

    The defaults are shenpi's assumptions (documented in ``docs/simulation.md``), not
    measurements: calibrate them from a city's own histories.
    """

    intake: Duration = attrs.field(default=Duration.hours(0.3, 0.4), validator=_STAFF_TIME)
    review_effort: Duration = attrs.field(default=Duration.hours(1.0, 0.5), validator=_STAFF_TIME)
    review: Duration = attrs.field(default=Duration.of_promise(0.4, 0.5), validator=_ELAPSED)
    opinion_effort: Duration = attrs.field(default=Duration.hours(0.5, 0.5), validator=_STAFF_TIME)
    opinion: Duration = attrs.field(default=Duration.of_promise(0.25, 0.5), validator=_ELAPSED)
    decision: Duration = attrs.field(default=Duration.workdays(0.5, 0.5), validator=_ELAPSED)
    delivery: Duration = attrs.field(
        default=Duration.workdays(1.0, 0.8, maximum=10),
        validator=v.field(_unit_in(DurationUnit.WORKDAYS)),
    )


@attrs.frozen
class Staffing:
    """An office's capacity: ``windows`` serving intake (窗口), ``reviewers`` reviewing
    (审批办公室工作人员); ``None`` is unlimited (no queue).

    >>> Staffing(windows=2, reviewers=5).reviewers
    5
    """

    windows: int | None = attrs.field(
        default=None, validator=v.field(v.optional(lambda n, x: v.whole(n, x, 1)))
    )
    reviewers: int | None = attrs.field(
        default=None, validator=v.field(v.optional(lambda n, x: v.whole(n, x, 1)))
    )


def _floats(value: Any) -> Any:
    return tuple(value) if isinstance(value, (list, tuple)) else value


def _factors(count: int) -> v.Check:
    def run(name: str, value: Any) -> None:
        if not isinstance(value, tuple) or len(value) != count:
            raise InvalidValue(name, value, f"expected {count} factors.", f"应为 {count} 个系数。")
        for i, factor in enumerate(value):
            v.non_negative(f"{name}[{i}]", factor)
        if not any(value):
            raise InvalidValue(
                name, value, "at least one factor must be positive.", "系数不能全为零。"
            )

    return run


@attrs.frozen
class Seasonality:
    """How arrivals vary over the year and the week.

    ``months`` (January first) and ``weekdays`` (Monday first; Saturday and Sunday apply
    to weekends made working days by 调休) are relative factors, normalized to a mean of 1
    (the weekdays over Monday-Friday). On rest days only items handled online (全程网办)
    receive cases, at ``rest_day`` times a working day's. Working days and rest days are
    the scenario's :class:`~shenpi.calendar.WorkCalendar`'s, holidays and 调休 included.

    The defaults are the example city's: a dip in February around the Spring Festival,
    more cases early in the week.
    """

    months: tuple[float, ...] = attrs.field(
        default=(0.9, 0.8, 1.1, 1.1, 1.0, 1.05, 0.95, 0.9, 1.05, 0.95, 1.05, 1.1),
        converter=_floats,
        validator=v.field(_factors(12)),
    )
    weekdays: tuple[float, ...] = attrs.field(
        default=(1.15, 1.05, 1.0, 1.0, 0.9, 1.0, 1.0),
        converter=_floats,
        validator=v.field(_factors(7)),
    )
    rest_day: float = attrs.field(default=0.06, validator=v.field(v.non_negative))

    @classmethod
    def flat(cls) -> Seasonality:
        """The same rate every working day, nothing on rest days."""
        return cls((1.0,) * 12, (1.0,) * 7, 0.0)

    def factor(self, day: _dt.date, workday: bool, online: bool) -> float:
        """The relative rate of ``day`` (0 on a rest day unless ``online``)."""
        month = self.months[day.month - 1] * 12 / sum(self.months)
        if not workday:
            return month * self.rest_day if online else 0.0
        weekday = self.weekdays[day.weekday()] * 5 / (sum(self.weekdays[:5]) or 5)
        return month * weekday


def _item_ids(value: Any) -> tuple[str, ...]:
    return tuple(value) if not isinstance(value, str) else (value,)


@attrs.frozen
class Arrivals:
    """How many cases arrive for each item: ``rates`` maps an item id to its expected
    cases in a calendar year, spread over the year's days by ``seasonality`` (each day's
    share is its weight over the year's total); the number on a day is Poisson. An item
    receives cases only while it is active in the catalogue version in effect.

    ``online_share`` of the working-day cases of an item handled online (全程网办) come
    in online; its rest-day cases all do.
    """

    rates: Mapping[str, float] = attrs.field(
        converter=v.frozen_mapping, validator=v.mapping_of(v.non_negative)
    )
    seasonality: Seasonality = attrs.field(
        factory=Seasonality, validator=v.field(v.instance(Seasonality))
    )
    online_share: float = attrs.field(default=0.3, validator=v.field(v.share))

    @property
    def total(self) -> float:
        """The expected cases a year over all items."""
        return float(sum(self.rates.values()))

    def scaled(self, total: float) -> Arrivals:
        """The same mix of items at ``total`` cases a year."""
        v.non_negative("total", total)
        if self.total == 0:
            raise InvalidValue(
                "total", total, "there are no rates to scale.", "没有可缩放的到达率。"
            )
        factor = total / self.total
        return attrs.evolve(self, rates={k: r * factor for k, r in self.rates.items()})

    def only(self, item_ids: Iterable[str]) -> Arrivals:
        """Only these items' arrivals (the others' rates dropped)."""
        keep = set(_item_ids(item_ids))
        return attrs.evolve(self, rates={k: r for k, r in self.rates.items() if k in keep})


class ApprovalMode(enum.Enum):
    """How the departments of a joint item (``Item.joint``) review it."""

    PARALLEL = "parallel"
    """并联审批 (seed 二): one window accepts, the lead and the co-departments review at
    once, the lead decides when every opinion is in."""
    SERIAL = "serial"
    """串联审批: the lead reviews, then each co-department in turn, then the lead decides."""


class ExtensionPolicy(enum.Enum):
    """What an office does when a case is still open on its statutory due day."""

    NEVER = "never"
    """No extension: the case is decided late (TIME004)."""
    WHEN_LATE = "when_late"
    """Extend once, on the due day, by the law's amount, approved by the department's
    head (行政许可法 art. 42: +10 working days, +15 for joint handling); only when the
    statutory limit counts working days and the promise working days or hours. The due
    day is the one the case's :class:`~shenpi.timeline.Timeline` gives (from the day of
    receipt when the intake answer came late, art. 32 (4); credited suspensions
    included)."""


_SUSPENSIONS = (
    Suspension.TESTING,
    Suspension.INSPECTION,
    Suspension.APPRAISAL,
    Suspension.EXPERT_REVIEW,
)


def _limit_check(name: str, value: Any) -> None:
    v.instance(TimeLimit)(name, value)


@attrs.frozen
class Policies:
    """The rules of the game where a scenario may differ from another.

    Shares are probabilities per case. The law fixes what it fixes (the periods of
    ``time``, by default :data:`shenpi.timing.LAW`); the rest are documented choices:

    - ``approval``: :class:`ApprovalMode` for joint items (default parallel, the seed's
      并联审批).
    - ``promised_limits``: item id → the promised limit (承诺时限) the hall publishes in
      this scenario; the catalogue of the simulated world carries it, so the rules
      judge cases against it. How long work takes does not change with the promise.
    - ``supplement_share`` of cases are told at intake to supplement (一次性告知,
      art. 32 (4)); the applicant returns after ``supplement_return``.
    - ``refusal_share`` are not accepted (不予受理, art. 32); ``withdrawal_share`` are
      withdrawn before the decision; ``denial_share`` are denied (不予许可, art. 38).
    - ``suspension_share`` of reviewed cases need a procedure of art. 45 (testing,
      inspection, appraisal, expert review) lasting ``suspension`` working days, which
      do not count.
    - ``extension``: :class:`ExtensionPolicy` (art. 42).
    - ``outside_share`` of the cases of a department in the hall are handled outside it
      anyway (体外循环: accepted and decided at the department's premises, fees collected
      there): ``outside_shares`` per department overrides it. Handled outside the hall,
      elapsed times are ``outside_slowdown`` times longer (files travel between sections:
      the delay the seed's 三进入 removes).
    - ``complaint_share`` of closed cases (``late_complaint_share`` of those decided late
      against the promise) bring a complaint, handled after ``complaint_handling``
      working days.
    """

    approval: ApprovalMode = attrs.field(default=ApprovalMode.PARALLEL)
    promised_limits: Mapping[str, TimeLimit] = attrs.field(
        factory=dict, converter=v.frozen_mapping, validator=v.mapping_of(_limit_check)
    )
    supplement_share: float = attrs.field(default=0.08, validator=v.field(v.share))
    supplement_return: Duration = attrs.field(
        default=Duration.natural_days(5, 0.6, maximum=60),
        validator=v.field(_unit_in(DurationUnit.NATURAL_DAYS)),
    )
    refusal_share: float = attrs.field(default=0.03, validator=v.field(v.share))
    withdrawal_share: float = attrs.field(default=0.01, validator=v.field(v.share))
    denial_share: float = attrs.field(default=0.03, validator=v.field(v.share))
    suspension_share: float = attrs.field(default=0.05, validator=v.field(v.share))
    suspension: Duration = attrs.field(
        default=Duration.workdays(8, 0.5, maximum=60),
        validator=v.field(_unit_in(DurationUnit.WORKDAYS)),
    )
    extension: ExtensionPolicy = attrs.field(default=ExtensionPolicy.WHEN_LATE)
    outside_share: float = attrs.field(default=0.0, validator=v.field(v.share))
    outside_shares: Mapping[str, float] = attrs.field(
        factory=dict, converter=v.frozen_mapping, validator=v.mapping_of(v.share)
    )
    outside_slowdown: float = attrs.field(default=1.5, validator=v.field(v.positive))
    complaint_share: float = attrs.field(default=0.003, validator=v.field(v.share))
    late_complaint_share: float = attrs.field(default=0.15, validator=v.field(v.share))
    complaint_handling: Duration = attrs.field(
        default=Duration.workdays(2, 0.4), validator=v.field(_unit_in(DurationUnit.WORKDAYS))
    )
    time: TimePolicy = attrs.field(default=LAW, validator=v.field(v.instance(TimePolicy)))

    @approval.validator
    def _check_approval(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, ApprovalMode):
            raise InvalidType("approval", value, "expected an ApprovalMode.", "应为 ApprovalMode。")

    @extension.validator
    def _check_extension(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, ExtensionPolicy):
            raise InvalidType(
                "extension", value, "expected an ExtensionPolicy.", "应为 ExtensionPolicy。"
            )

    def outside_share_of(self, department_id: str) -> float:
        """The share of this department's cases handled outside the hall."""
        return self.outside_shares.get(department_id, self.outside_share)

    @property
    def suspension_reasons(self) -> tuple[Suspension, ...]:
        """The art. 45 procedures a suspension is drawn from (equally likely)."""
        return _SUSPENSIONS


def _entry(name: str, value: Any) -> None:
    if value is not None:
        v.day(name, value)


@attrs.frozen
class ReformSchedule:
    """Which departments' approval offices enter the hall, and when (seed 五, phase 4:
    "各部门行政审批办公室全部进入行政服务中心", 2008-12-01 to 12-10).

    ``entries`` maps a department id to the day its office enters the hall with its
    institution, staff and items (三进入), or to ``None``: it stays outside during the
    horizon. Departments not listed keep the dates their office has in the world. A
    department handles its cases in the hall from the day its office entered, at its
    own premises before (HALL001: 大厅之外无审批).

    >>> import datetime as dt
    >>> phase_4 = (dt.date(2008, 12, 1), dt.date(2008, 12, 10))
    >>> planned = ReformSchedule.spread(["a", "b", "c"], *phase_4)
    >>> ", ".join(str(day) for day in planned.entries.values())
    '2008-12-01, 2008-12-05, 2008-12-10'
    """

    entries: Mapping[str, _dt.date | None] = attrs.field(
        converter=v.frozen_mapping, validator=v.mapping_of(_entry)
    )

    @classmethod
    def spread(
        cls,
        departments: Iterable[str],
        first: _dt.date,
        last: _dt.date,
        *,
        calendar: WorkCalendar | None = None,
    ) -> ReformSchedule:
        """``departments`` entering one after another on the working days from ``first``
        to ``last``, evenly spread, in the order given."""
        v.day("first", first)
        v.day("last", last)
        if last < first:
            raise InvalidValue("last", last, f"is before first={first}.", "结束早于开始。")
        cal = calendar if calendar is not None else WorkCalendar.official()
        days = [
            first + _dt.timedelta(days=i)
            for i in range((last - first).days + 1)
            if cal.is_workday(first + _dt.timedelta(days=i))
        ]
        if not days:
            raise InvalidValue("first", first, "no working day until last.", "期间没有工作日。")
        ids = list(_item_ids(departments))
        n = len(ids)
        return cls(
            {
                d: days[0 if n == 1 else round(i * (len(days) - 1) / (n - 1))]
                for i, d in enumerate(ids)
            }
        )

    def with_entries(
        self, entries: ReformSchedule | Mapping[str, _dt.date | None]
    ) -> ReformSchedule:
        """This schedule with ``entries`` replacing the listed departments' days."""
        more = entries.entries if isinstance(entries, ReformSchedule) else entries
        return ReformSchedule({**self.entries, **more})

    def late(self, plan: ReformPlan = SEED_PLAN) -> tuple[str, ...]:
        """The listed departments that enter after the plan's phase of entry ends (or
        never): those the rule REFORM001 reports."""
        phase = next(p for p in plan.phases if p.milestone is Milestone.OFFICES_ENTER)
        return tuple(
            d for d, day in sorted(self.entries.items()) if day is None or day > phase.ends_on
        )


def _world(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Jurisdiction):
        raise InvalidType("world", value, "expected a Jurisdiction.", "应为 Jurisdiction。")


@attrs.frozen(eq=False)
class Scenario:
    """A what-if: a world, a horizon, arrivals, processing, staffing and policies.

    ``world`` supplies the reference data (its cases and complaints are not used: the
    simulation makes its own). Cases arrive from ``start`` to ``end`` (both included)
    and every case is followed to its end, so the last events fall after ``end``.
    Departments missing from ``processing`` and ``staffing`` get ``default_processing``
    and ``default_staffing`` (unlimited by default). ``calendar`` defaults to
    :meth:`WorkCalendar.official() <shenpi.calendar.WorkCalendar.official>`; pass
    ``WorkCalendar.official(unannounced="statutory")`` to simulate past its data.
    ``hours_per_day`` is the office time of a working day (7 h: 9:00-12:00 and
    13:30-17:30, :class:`~shenpi.timing.OfficeHours`).

    Scenarios compare by identity (they hold a whole world); change one with
    :func:`attrs.evolve` or the ``with_*`` methods.
    """

    world: Jurisdiction = attrs.field(validator=_world)
    start: _dt.date = attrs.field(validator=v.field(v.day))
    end: _dt.date = attrs.field(validator=v.field(v.day))
    arrivals: Arrivals = attrs.field(validator=v.field(v.instance(Arrivals)))
    processing: Mapping[str, Processing] = attrs.field(
        factory=dict, converter=v.frozen_mapping, validator=v.mapping_of(v.instance(Processing))
    )
    default_processing: Processing = attrs.field(
        factory=Processing, validator=v.field(v.instance(Processing))
    )
    staffing: Mapping[str, Staffing] = attrs.field(
        factory=dict, converter=v.frozen_mapping, validator=v.mapping_of(v.instance(Staffing))
    )
    default_staffing: Staffing = attrs.field(
        factory=Staffing, validator=v.field(v.instance(Staffing))
    )
    policies: Policies = attrs.field(factory=Policies, validator=v.field(v.instance(Policies)))
    schedule: ReformSchedule | None = attrs.field(
        default=None, validator=v.field(v.optional(v.instance(ReformSchedule)))
    )
    calendar: WorkCalendar | None = attrs.field(
        default=None, validator=v.field(v.optional(v.instance(WorkCalendar)))
    )
    hours_per_day: float = attrs.field(default=7.0, validator=v.field(v.positive))
    name: str = attrs.field(default="scenario", validator=v.field(v.instance(str)))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValue("end", self.end, f"is before start={self.start}.", "结束早于开始。")
        world = self.world
        if not world.catalogues:
            raise InvalidValue(
                "world.catalogues", (), "the world has no catalogue.", "没有事项目录。"
            )
        first = world.catalogues[0].effective_on
        if self.start < first:
            raise InvalidValue(
                "start",
                self.start,
                f"is before the world's first catalogue ({first}): no item could be applied for.",
                f"早于首版目录生效日（{first}）。",
                "date the world's records back with shenpi.sim.backdate(world, to=start).",
            )
        items = {item.id for c in world.catalogues for item in c.items}
        departments = {d.id for d in world.departments}
        checks: tuple[tuple[str, Iterable[str], set[str], str], ...] = (
            ("arrivals.rates", self.arrivals.rates, items, "item"),
            ("policies.promised_limits", self.policies.promised_limits, items, "item"),
            ("policies.outside_shares", self.policies.outside_shares, departments, "department"),
            ("processing", self.processing, departments, "department"),
            ("staffing", self.staffing, departments, "department"),
            (
                "schedule.entries",
                () if self.schedule is None else self.schedule.entries,
                departments,
                "department",
            ),
        )
        for name, keys, known, kind in checks:
            for key in keys:
                if key not in known:
                    raise InvalidValue(
                        f"{name}[{key!r}]",
                        key,
                        f"the world has no {kind} with this id.",
                        "世界中没有该编号。",
                    )

    # ------------------------------------------------------------ look-ups
    @property
    def work_calendar(self) -> WorkCalendar:
        """The calendar the scenario runs on."""
        return self.calendar if self.calendar is not None else WorkCalendar.official()

    def processing_of(self, department_id: str) -> Processing:
        """The department's processing times."""
        return self.processing.get(department_id, self.default_processing)

    def staffing_of(self, department_id: str) -> Staffing:
        """The department's windows and reviewers."""
        return self.staffing.get(department_id, self.default_staffing)

    # ------------------------------------------------------------ what-ifs
    def named(self, name: str) -> Scenario:
        """The same scenario under another name (for comparisons and plots)."""
        return attrs.evolve(self, name=name)

    def with_policies(self, **changes: Any) -> Scenario:
        """The scenario with some policies changed: ``with_policies(approval=SERIAL)``."""
        return attrs.evolve(self, policies=attrs.evolve(self.policies, **changes))

    def with_staffing(self, staffing: Mapping[str, Staffing]) -> Scenario:
        """The scenario with these departments' staffing replaced."""
        return attrs.evolve(self, staffing={**self.staffing, **staffing})

    def with_processing(self, processing: Mapping[str, Processing]) -> Scenario:
        """The scenario with these departments' processing times replaced."""
        return attrs.evolve(self, processing={**self.processing, **processing})

    def with_schedule(self, schedule: ReformSchedule | None) -> Scenario:
        """The scenario under another reform schedule."""
        return attrs.evolve(self, schedule=schedule)

    def with_arrivals(self, arrivals: Arrivals) -> Scenario:
        """The scenario with other arrivals."""
        return attrs.evolve(self, arrivals=arrivals)

    # ------------------------------------------------------------ constructors
    @classmethod
    def from_history(
        cls,
        world: Jurisdiction,
        *,
        start: _dt.date,
        end: _dt.date,
        cases_per_year: float | None = None,
        utilisation: float = 0.7,
        **options: Any,
    ) -> Scenario:
        """A scenario calibrated on ``world``'s own cases (see
        :func:`shenpi.sim.calibrate.from_history`)."""
        from shenpi.sim.calibrate import from_history

        return from_history(
            world,
            start=start,
            end=end,
            cases_per_year=cases_per_year,
            utilisation=utilisation,
            **options,
        )

    @classmethod
    def example_city(
        cls,
        *,
        start: _dt.date = _dt.date(2025, 1, 1),
        end: _dt.date = _dt.date(2025, 12, 31),
        cases_per_year: float = 100_000,
        **options: Any,
    ) -> Scenario:
        """A year of the bundled example city (青岚市) at ``cases_per_year``, calibrated on
        its 3,000 cases (:meth:`from_history`)."""
        from shenpi.examples import load_example_city

        return cls.from_history(
            load_example_city(), start=start, end=end, cases_per_year=cases_per_year, **options
        )
