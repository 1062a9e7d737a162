"""The simulation: arrivals, queues at windows and offices, and the case histories.

Time runs in working days: ``t = k + f`` is the fraction ``f`` of the ``k``-th working
day of the scenario's calendar from the first working day of the horizon, so every
official act falls on a working day (holidays and 调休 included) and the legal clocks
count exactly what the simulation spent. Only online submissions (and the applicant's
own returns) may fall on rest days.

Where capacity matters the simulation is a discrete-event model in SimPy: each
department's windows and reviewers are ``simpy.Resource`` pools; a case holds a window
for its intake time and a reviewer for its review effort, and waits in line when all
are busy. Everything else (elapsed review time, circulation, suspensions, sign-off,
delivery, the applicant's return) is a delay that holds nobody, and the arrivals are
drawn at once with NumPy. The run then writes each case as a real
:class:`~shenpi.applications.Application`, built through the model's constructors.

Randomness: one ``numpy.random.SeedSequence(seed)`` spawns a stream for the arrivals,
one for the cases and one for the applicants. Each case draws a fixed block of numbers
whatever its route, so two scenarios with the same arrivals and seed see the same cases
with the same draws (common random numbers): serial and parallel approval differ only in
how the departments are visited.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import decimal
from collections.abc import Iterator
from typing import Any

from shenpi.analytics import optional_module
from shenpi.applications import (
    Accepted,
    Applicant,
    Application,
    Channel,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    NotAccepted,
    OpinionGiven,
    Outcome,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import CalendarDataMissing, WorkCalendar
from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.errors import InvalidType, InvalidValue
from shenpi.fees import CollectionPoint, FeeSchedule, Payment, RuleKind
from shenpi.items import Item, ItemKind, ItemStatus
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import RulePolicy
from shenpi.rules.engine import Context
from shenpi.seals import Seal, SealKind
from shenpi.sim._people import applicant_pool
from shenpi.sim.scenario import (
    ApprovalMode,
    Duration,
    DurationUnit,
    ExtensionPolicy,
    Scenario,
)
from shenpi.sim.world import Stage
from shenpi.timeline import Fault, Timeline
from shenpi.timing import TimeLimit, TimeUnit

__all__ = ["LABELS", "Run", "run"]

LABELS: dict[str, str] = {
    "late_intake": "TIME001",
    "late_promise": "TIME003",
    "late_law": "TIME004",
    "unapproved_extension": "TIME006",
    "excessive_extension": "TIME007",
    "late_extension": "TIME008",
    "second_extension": "TIME009",
    "unfounded_suspension": "TIME010",
    "late_delivery": "TIME012",
    "suspension_after_due": "TIME015",
    "outside_hall": "HALL001",
    "fee_outside_hall": "HALL002",
    "no_office": "HALL008",
    "without_letter": "AUTH001",
    "without_dedicated_seal": "SEAL001",
    "old_seal": "SEAL002",
    "complaint_late": "SUP001",
    "withdrawn_item_accepted": "CAT003",
}
"""What a simulated case (or complaint) shows on purpose, and the rule that reports it.

The scenario puts these in: late cases (capacity, long draws), cases handled outside
the hall (the reform schedule, ``outside_share``), and the consequences of the world's
own reference data (a department without an approval office, an authorization letter or
an active dedicated seal on the day, a catalogue change between receipt and acceptance).
The labels of a case's legal time, and CAT003's, are read from its
:class:`~shenpi.timeline.Timeline`, as the rules read them; the simulation counts no
time itself."""

_CLOCK_LABELS = {
    Fault.UNAPPROVED_EXTENSION: "unapproved_extension",
    Fault.EXCESSIVE_EXTENSION: "excessive_extension",
    Fault.LATE_EXTENSION: "late_extension",
    Fault.SECOND_EXTENSION: "second_extension",
    Fault.UNFOUNDED_SUSPENSION: "unfounded_suspension",
    Fault.SUSPENSION_AFTER_DUE: "suspension_after_due",
}
"""The faults a :class:`~shenpi.timeline.Timeline` finds in a case's steps, and the label
each earns (the rule reporting it is in :data:`LABELS`)."""

MAX_TASKS = 8
"""Departments in one case with their own draws (a joint item with more shares them)."""
_U = 18  # uniform draws per case (see _Case)
_Z = 7 + 2 * MAX_TASKS  # standard normal draws per case

_DAY = _dt.timedelta(days=1)
_REFUSALS = (
    "申请事项依法不需要取得行政许可（行政许可法 第三十二条第一款第一项）",
    "申请事项不属于本机关职权范围（行政许可法 第三十二条第一款第二项）",
)
_DELIVERY = ("窗口领取", "邮寄送达", "电子证照")
_ART_45 = "行政许可法 第四十五条"
_EXTENDABLE = (TimeUnit.WORKDAYS, TimeUnit.HOURS)


class _Case:
    """One case while it runs: its draws, its route, and the times it reached."""

    __slots__ = (
        "accepted_t",
        "applicant",
        "back_frac",
        "back_k",
        "day",
        "decided_t",
        "decision",
        "department",
        "departments",
        "efforts",
        "first_t",
        "index",
        "instant",
        "intake",
        "item",
        "joint",
        "k0",
        "latencies",
        "office_wait",
        "online",
        "outside",
        "refused",
        "resume_k",
        "return_days",
        "supplement",
        "suspend_days",
        "suspended_t",
        "t0",
        "task_end",
        "u",
        "version",
        "window_wait",
        "z",
    )
    index: int
    day: _dt.date
    version: int
    item: Item
    department: str
    departments: list[str]
    joint: bool
    online: bool
    k0: int
    t0: float
    outside: bool
    intake: tuple[float, float]
    refused: bool
    supplement: bool
    return_days: int
    back_frac: float
    instant: bool
    efforts: list[float]
    latencies: list[float]
    task_end: list[float]
    suspend_days: int
    decision: float
    applicant: Applicant
    u: list[float]
    z: list[float]
    first_t: float
    accepted_t: float
    decided_t: float
    suspended_t: float
    back_k: int
    resume_k: int
    window_wait: float
    office_wait: float

    def __init__(self) -> None:
        self.first_t = self.accepted_t = self.decided_t = self.suspended_t = -1.0
        self.back_k = self.resume_k = -1
        self.window_wait = self.office_wait = 0.0


class Run:
    """What :func:`run` produced: the cases, complaints, labels and queue samples."""

    def __init__(self) -> None:
        self.applications: list[Application] = []
        self.complaints: list[Complaint] = []
        self.labels: dict[str, list[str]] = {label: [] for label in LABELS}
        self.sim_rows: list[tuple[Any, ...]] = []
        self.queue_rows: list[tuple[Any, ...]] = []
        self.last_day: _dt.date | None = None


def _working_days(cal: WorkCalendar, start: _dt.date) -> list[_dt.date]:
    last = min(cal.coverage[1], start + _dt.timedelta(days=6 * 366))
    days = []
    day = start
    while day <= last:
        if cal.is_workday(day):
            days.append(day)
        day += _DAY
    return days


class _Reading:
    """What the simulation takes from a case's timeline: its labels, and the day an
    ``ExtensionPolicy.WHEN_LATE`` extension would be granted (its statutory due day;
    ``None`` when the case cannot be extended so) with the extension's length."""

    __slots__ = ("extend_by", "extend_on", "labels")

    def __init__(
        self, labels: tuple[str, ...], extend_on: _dt.date | None, extend_by: TimeLimit
    ) -> None:
        self.labels = labels
        self.extend_on = extend_on
        self.extend_by = extend_by


class _Timelines:
    """The legal time of the simulated cases, read from :class:`~shenpi.timeline.Timeline`
    as the rules read it: items through ``Jurisdiction.item_on`` (the catalogue
    version in effect on the day the decision period started), due days shared through
    ``Context.memo``, the scenario's :class:`~shenpi.timing.TimePolicy`, the run's
    calendar. Nothing here counts time."""

    def __init__(self, cal: WorkCalendar, scenario: Scenario, world: Jurisdiction) -> None:
        self.cal = cal
        self.policy = scenario.policies.time
        self.ctx = Context(
            world,
            as_of=scenario.end,
            policy=RulePolicy(time=self.policy),
            calendar=cal,
        )

    def of(self, application: Application) -> Timeline:
        """The timeline of a finished case as of its last event (every case the
        simulation writes is closed and its licence delivered, so a later audit day, such
        as the result's ``as_of``, reads the same)."""
        return self.ctx.timeline(application, as_of=application.events[-1].on)

    def read(self, application: Application) -> _Reading:
        """What the simulation takes from the case's timeline."""
        return self._read(self.of(application))

    def _read(self, line: Timeline) -> _Reading:
        statutory, promised = line.statutory, line.promised
        extend_on = None
        if (
            statutory is not None
            and statutory.due is not None
            and statutory.limit.unit is TimeUnit.WORKDAYS
            and (promised is None or promised.limit.unit in _EXTENDABLE)
        ):
            extend_on = statutory.due.on
        by = self.policy.joint_extension if line.joint else self.policy.decision_extension
        return _Reading(tuple(_labels(line)), extend_on, by)


def _labels(line: Timeline) -> list[str]:
    """The labels a case's timeline earns, read as the rules read it: a late intake
    answer (deemed acceptance, art. 32 (4), TIME001), each decision late against the law
    (TIME004) or, within the law, against the promise (TIME003), a late delivery (art.
    44, TIME012), the faults of its steps (arts. 42, 45), and an acceptance for an item
    the catalogue in effect that day had cancelled or delegated (CAT003)."""
    labels = []
    if line.intake_due is not None and line.deemed:
        labels.append("late_intake")
    for decision in line.decisions:
        statutory, promised = decision.statutory, decision.promised
        if statutory is None:
            continue
        if statutory.late:
            labels.append("late_law")
        elif promised is not None and promised.late:
            labels.append("late_promise")
    delivery = line.delivery
    if delivery is not None and delivery.judgment is not None and delivery.judgment.late:
        labels.append("late_delivery")
    for step in line.steps:
        for fault in step.faults:
            label = _CLOCK_LABELS.get(fault)
            if label is not None:
                labels.append(label)
    item = line.item
    if (
        item is not None
        and item.status is not ItemStatus.ACTIVE
        and any(isinstance(e, Accepted) for e in line.application.events)
    ):
        labels.append("withdrawn_item_accepted")
    return list(dict.fromkeys(labels))


def _year_weights(cal: WorkCalendar, seasonality: Any, year: int) -> tuple[float, float]:
    """The seasonal weights of a calendar year's working days and rest days (days past the
    calendar's data count as working days Monday to Friday)."""
    on_workdays = on_rest_days = 0.0
    day = _dt.date(year, 1, 1)
    while day.year == year:
        try:
            workday = cal.is_workday(day)
        except CalendarDataMissing:
            workday = day.weekday() < 5
        if workday:
            on_workdays += seasonality.factor(day, True, True)
        else:
            on_rest_days += seasonality.factor(day, False, True)
        day += _DAY
    return on_workdays, on_rest_days


def _promise_days(item: Item, hours_per_day: float) -> float:
    """The promised limit in working days (natural days at 5/7, hours at the office day)."""
    limit = item.promised_limit
    if limit.unit is TimeUnit.WORKDAYS:
        return float(limit.amount)
    if limit.unit is TimeUnit.NATURAL_DAYS:
        return limit.amount * 5 / 7
    return limit.amount / 60 / hours_per_day


def _days(duration: Duration, z: float, promise_days: float, hours_per_day: float) -> float:
    """A duration drawn with ``z``, in working days."""
    value = duration.sample(z)
    if duration.unit is DurationUnit.HOURS:
        return value / hours_per_day
    if duration.unit is DurationUnit.PROMISE:
        return value * promise_days
    return value


def run(scenario: Scenario, seed: int) -> tuple[Stage, Run]:
    """Simulate ``scenario`` with ``seed``: the staged world and the run's records."""
    if not isinstance(scenario, Scenario):
        raise InvalidType("scenario", scenario, "expected a Scenario.", "应为 Scenario。")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidValue("seed", seed, "expected a whole number >= 0.", "应为非负整数。")
    np = optional_module("numpy", "sim")
    simpy = optional_module("simpy", "sim")
    cal = scenario.work_calendar
    stage = Stage(scenario)
    workdays = _working_days(cal, scenario.start)
    if not workdays or workdays[0] > scenario.end:
        raise InvalidValue(
            "end", scenario.end, "the horizon has no working day.", "期间没有工作日。"
        )
    index_of = {d: k for k, d in enumerate(workdays)}
    streams = np.random.SeedSequence(seed).spawn(3)
    arrival_rng, case_rng, people_rng = (np.random.default_rng(s) for s in streams)

    # ---------------------------------------------------------------- arrivals
    catalogues = stage.world.catalogues
    effective = [c.effective_on for c in catalogues]
    staged_items = [{item.id: item for item in c.items} for c in catalogues]
    base_items = [{item.id: item for item in c.items} for c in scenario.world.catalogues]
    item_ids = sorted(i for i, r in scenario.arrivals.rates.items() if r > 0)
    horizon = [scenario.start + _DAY * i for i in range((scenario.end - scenario.start).days + 1)]
    if horizon[-1] > cal.coverage[1]:
        raise CalendarDataMissing(
            "end",
            scenario.end,
            f"the calendar has no data after {cal.coverage[1]}.",
            "日历数据不足。",
            "simulate within the data, or pass calendar=WorkCalendar.official("
            "unannounced='statutory').",
        )
    seasonality = scenario.arrivals.seasonality
    rates = np.array([scenario.arrivals.rates[i] for i in item_ids], dtype=float)
    versions = [bisect.bisect_right(effective, d) - 1 for d in horizon]
    masks: dict[tuple[int, bool], Any] = {}
    online: dict[int, Any] = {}
    for v in set(versions):
        items = staged_items[v]
        online[v] = np.array([1.0 if i in items and items[i].online else 0.0 for i in item_ids])
        for workday in (True, False):
            masks[v, workday] = np.array(
                [
                    1.0
                    if i in items
                    and items[i].status is ItemStatus.ACTIVE
                    and (workday or items[i].online)
                    else 0.0
                    for i in item_ids
                ]
            )
    years = {year: _year_weights(cal, seasonality, year) for year in {d.year for d in horizon}}
    lam = np.empty((len(horizon), len(item_ids)))
    for d, (day, v) in enumerate(zip(horizon, versions, strict=True)):
        workday = cal.is_workday(day)
        # An item's rate is its expected cases in a calendar year: each day's share is
        # its seasonal weight over the year's total (rest days count for online items).
        on_workdays, on_rest_days = years[day.year]
        lam[d] = (
            rates
            * masks[v, workday]
            * seasonality.factor(day, workday, True)
            / (on_workdays + online[v] * on_rest_days)
        )
    counts = arrival_rng.poisson(lam).ravel()
    flat = np.repeat(np.arange(counts.size), counts)
    day_of_case = flat // max(len(item_ids), 1)
    item_of_case = flat % max(len(item_ids), 1)
    order = np.lexsort((arrival_rng.random(flat.size), day_of_case))
    day_of_case = day_of_case[order].tolist()
    item_of_case = item_of_case[order].tolist()
    n = len(day_of_case)
    uniforms = case_rng.random((n, _U)).tolist()
    normals = case_rng.standard_normal((n, _Z)).tolist()
    applicants = applicant_pool(people_rng, scenario.world.name)

    # ---------------------------------------------------------------- cases
    hours = scenario.hours_per_day
    policies = scenario.policies
    serial = policies.approval is ApprovalMode.SERIAL
    cases: list[_Case] = []
    for index in range(n):
        c = _Case()
        c.index = index
        day = horizon[day_of_case[index]]
        v = versions[day_of_case[index]]
        item = staged_items[v][item_ids[item_of_case[index]]]
        base_item = base_items[v].get(item.id, item)
        u, z = uniforms[index], normals[index]
        c.u, c.z, c.day, c.version, c.item = u, z, day, v, item
        lead = item.lead_department_id or item.department_id
        c.department = lead
        c.joint = item.joint
        departments = [lead]
        if item.joint:
            departments += [d for d in item.co_department_ids if d != lead]
        c.departments = departments
        workday = cal.is_workday(day)
        c.online = (not workday) or (item.online and u[0] < scenario.arrivals.online_share)
        k0 = index_of.get(day)
        if k0 is None:  # a rest day: the case waits for the next working day
            k0 = bisect.bisect_left(workdays, day)
        c.k0 = k0
        c.t0 = k0 + (u[9] if workday else 0.25 * u[9])
        in_hall = stage.in_hall(lead, day)
        c.outside = (not in_hall) or u[3] < policies.outside_share_of(lead)
        slowdown = policies.outside_slowdown if c.outside else 1.0
        processing = scenario.processing_of(lead)
        promise = _promise_days(base_item, hours)
        c.intake = (
            _days(processing.intake, z[0], promise, hours),
            _days(processing.intake, z[1], promise, hours),
        )
        c.refused = u[2] < policies.refusal_share
        c.supplement = not c.refused and u[1] < policies.supplement_share
        c.return_days = max(1, round(policies.supplement_return.sample(z[2])))
        c.back_frac = u[16]
        c.instant = item.promised_limit.unit is TimeUnit.HOURS and not item.joint
        efforts: list[float] = []
        latencies: list[float] = []
        for k, department in enumerate(departments):
            slot = 7 + 2 * (k % MAX_TASKS)
            p = scenario.processing_of(department)
            if k == 0:
                effort, elapsed = p.review_effort, p.review
            else:
                effort, elapsed = p.opinion_effort, p.opinion
            efforts.append(_days(effort, z[slot], promise, hours))
            latencies.append(_days(elapsed, z[slot + 1], promise, hours) * slowdown)
        c.efforts, c.latencies = efforts, latencies
        c.task_end = [-1.0] * len(departments)
        c.suspend_days = (
            max(1, round(policies.suspension.sample(z[3])))
            if not c.instant and u[4] < policies.suspension_share
            else 0
        )
        c.decision = _days(processing.decision, z[4], promise, hours) * slowdown
        c.applicant = applicants[int(u[12] * len(applicants))]
        cases.append(c)

    # ---------------------------------------------------------------- queues (SimPy)
    env = simpy.Environment()
    windows: dict[str, Any] = {}
    reviewers: dict[str, Any] = {}
    for department in stage.entered:
        staffing = scenario.staffing_of(department)
        if staffing.windows is not None:
            windows[department] = simpy.Resource(env, capacity=staffing.windows)
        if staffing.reviewers is not None:
            reviewers[department] = simpy.Resource(env, capacity=staffing.reviewers)
    last_workday = bisect.bisect_right(workdays, scenario.end) - 1
    result = Run()

    def intake(c: _Case, duration: float) -> Iterator[Any]:
        pool = windows.get(c.department)
        if pool is None:
            yield env.timeout(duration)
            return
        began = env.now
        request = pool.request()
        yield request
        c.window_wait += env.now - began
        yield env.timeout(duration)
        pool.release(request)

    def task(c: _Case, k: int) -> Iterator[Any]:
        pool = reviewers.get(c.departments[k])
        if pool is None:
            yield env.timeout(c.efforts[k] + c.latencies[k])
        else:
            began = env.now
            request = pool.request()
            yield request
            c.office_wait += env.now - began
            yield env.timeout(c.efforts[k])
            pool.release(request)
            yield env.timeout(c.latencies[k])
        c.task_end[k] = env.now

    def case(c: _Case) -> Iterator[Any]:
        yield from intake(c, c.intake[0])
        c.first_t = env.now
        if c.refused:
            return
        if c.supplement:
            back = workdays[int(env.now)] + _DAY * c.return_days
            c.back_k = bisect.bisect_left(workdays, back)
            yield env.timeout(c.back_k + c.back_frac - env.now)
            yield from intake(c, c.intake[1])
        c.accepted_t = env.now
        if c.instant:
            c.decided_t = env.now
            return
        if len(c.departments) == 1:
            yield from task(c, 0)
        elif serial:
            for k in range(len(c.departments)):
                yield from task(c, k)
        else:
            yield env.all_of([env.process(task(c, k)) for k in range(len(c.departments))])
        if c.suspend_days:
            c.suspended_t = env.now
            c.resume_k = int(env.now) + c.suspend_days
            yield env.timeout(c.resume_k - env.now)
        yield env.timeout(c.decision)
        c.decided_t = env.now

    def source() -> Iterator[Any]:
        for c in sorted(cases, key=lambda c: c.t0):
            if c.t0 > env.now:
                yield env.timeout(c.t0 - env.now)
            env.process(case(c))

    def monitor(department: str, pool: Any) -> Iterator[Any]:
        for k in range(last_workday + 1):
            yield env.timeout(k + 0.5 - env.now)
            result.queue_rows.append((workdays[k], department, len(pool.queue), pool.count))

    env.process(source())
    for department in sorted({c.department for c in cases} & set(windows)):
        env.process(monitor(department, windows[department]))
    env.run()
    latest = max(
        (max(c.decided_t, c.accepted_t, c.first_t, c.resume_k, c.back_k) for c in cases),
        default=0.0,
    )
    if latest >= len(workdays) - 15:
        raise CalendarDataMissing(
            "end",
            scenario.end,
            "the cases run past the calendar's data.",
            "办件超出日历数据范围。",
            "end the horizon earlier, or pass calendar=WorkCalendar.official("
            "unannounced='statutory').",
        )
    _Writer(scenario, stage, cal, workdays, result).write(cases)
    return stage, result


class _Writer:
    """Turns the runs into applications, complaints and the answer key."""

    def __init__(
        self,
        scenario: Scenario,
        stage: Stage,
        cal: WorkCalendar,
        workdays: list[_dt.date],
        result: Run,
    ) -> None:
        self.scenario = scenario
        self.stage = stage
        self.world = stage.world
        self.cal = cal
        self.workdays = workdays
        self.result = result
        self.timelines = _Timelines(cal, scenario, self.world)
        self.policies = scenario.policies
        self.rule_policy = RulePolicy(time=scenario.policies.time)
        self.sites = {s.id: s for s in self.world.hall.sites}
        self._authority: dict[Any, tuple[str | None, str | None]] = {}
        self._seals: dict[Any, tuple[str | None, str | None]] = {}
        self._fees: dict[str, Any] = {}
        self._windows: dict[Any, list[Any]] = {}

    def day(self, t: float) -> _dt.date:
        return self.workdays[int(t)]

    def authority(
        self, department: str, item_id: str, on: _dt.date
    ) -> tuple[str | None, str | None]:
        """The deciding official and the letter covering the item that day (seed 六.2);
        the head, with no letter, when none covers it."""
        key = (department, item_id, on)
        found = self._authority.get(key)
        if found is None:
            found = (self.stage.heads.get(department), None)
            for letter in self.world.letters_of(department):
                if letter.covers(item_id, on):
                    found = (letter.grantee_id, letter.id)
                    break
            self._authority[key] = found
        return found

    def seal(self, department: str, on: _dt.date, exception: bool) -> tuple[str | None, str | None]:
        """The seal used and the label it earns: the department's active dedicated
        approval seal (seed 三(六)); for an item whose law names another seal, that one;
        else the old approval seal still active, else none."""
        key = (department, on, exception)
        found = self._seals.get(key)
        if found is None:
            found = self._seal(self.world.seals_of(department), on, exception)
            self._seals[key] = found
        return found

    @staticmethod
    def _seal(
        seals: tuple[Seal, ...], on: _dt.date, exception: bool
    ) -> tuple[str | None, str | None]:
        active = [s for s in seals if s.active(on)]
        if exception:
            other = [s for s in active if s.kind is SealKind.OTHER_APPROVAL]
            dedicated = [s for s in active if s.kind is SealKind.DEDICATED_APPROVAL]
            chosen = other or dedicated or active
            return (chosen[0].id if chosen else None), None
        dedicated = [s for s in active if s.kind is SealKind.DEDICATED_APPROVAL]
        if dedicated:
            return dedicated[0].id, None
        old = list(active)
        if not old:
            return None, "without_dedicated_seal"
        activations = [
            s.activated_on
            for s in seals
            if s.kind is SealKind.DEDICATED_APPROVAL and s.activated_on is not None
        ]
        if activations and min(activations) <= on:
            return old[0].id, "old_seal"
        return old[0].id, "without_dedicated_seal"

    def fee(self, item: Item) -> Any:
        """The fee schedule's first standard for the item, or ``None``."""
        if item.fee_schedule_id is None:
            return None
        if item.fee_schedule_id not in self._fees:
            schedule: FeeSchedule | None = self.world.fee_schedule(item.fee_schedule_id)
            found = None
            if schedule is not None and schedule.standards:
                found = (schedule.id, schedule.standards[0])
            self._fees[item.fee_schedule_id] = found
        return self._fees[item.fee_schedule_id]

    def open_windows(self, department: str, on: _dt.date) -> list[Any]:
        key = (department, on)
        found = self._windows.get(key)
        if found is None:
            found = [w for w in self.stage.windows.get(department, ()) if w.open_on(on)]
            self._windows[key] = found
        return found

    def write(self, cases: list[_Case]) -> None:
        last = self.workdays[0]
        for c in cases:
            application, labels, row = self.case(c)
            self.result.applications.append(application)
            for label in labels:
                self.result.labels[label].append(application.id)
            closed = application.events[-1].on
            last = max(last, closed)
            late = "late_promise" in labels or "late_law" in labels
            complaint = self.complaint(c, application, late)
            if complaint is not None:
                self.result.complaints.append(complaint)
                assert complaint.handled_on is not None
                last = max(last, complaint.handled_on)
            self.result.sim_rows.append(row)
        self.result.last_day = last

    def case(self, c: _Case) -> tuple[Application, list[str], tuple[Any, ...]]:
        stage, policies, u = self.stage, self.policies, c.u
        item, department = c.item, c.department
        labels: list[str] = []
        clerks = stage.clerks.get(department, ())
        clerk = clerks[int(u[13] * len(clerks))] if clerks else None
        # Where the case is received: a window of the hall, or the department's premises.
        if c.outside:
            site, window = stage.premises[department], None
        else:
            open_windows = self.open_windows(department, self.day(c.first_t))
            if open_windows:
                chosen = open_windows[int(u[8] * len(open_windows))]
                site, window = chosen.site_id, chosen.id
            else:
                site, window = stage.main_site, None
        events: list[tuple[_dt.date, int, Event]] = []
        if c.online:
            events.append((c.day, 0, Submitted(c.day)))
        else:
            events.append((c.day, 0, Submitted(c.day, site, window)))
        first_answer = self.day(c.first_t)
        if c.refused:
            refusal = _REFUSALS[int(u[14] * len(_REFUSALS))]
            events.append((first_answer, 3, NotAccepted(first_answer, refusal, "", clerk)))
        else:
            if c.supplement:
                names = [m.name for m in item.materials] or ["申请材料"]
                missing = names[int(u[17] * len(names))]
                events.append(
                    (first_answer, 1, SupplementRequested(first_answer, [missing], clerk))
                )
                back = self.workdays[c.back_k]
                events.append((back, 2, Supplemented(back)))
            accepted = self.day(c.accepted_t)
            events.append((accepted, 3, Accepted(accepted, clerk, site, window)))
        decided = withdrawn = None
        outcome = Outcome.APPROVED
        if not c.refused:
            decided = self.day(c.decided_t)
            if c.suspend_days:
                stop = self.day(c.suspended_t)
                reason = policies.suspension_reasons[int(u[14] * len(policies.suspension_reasons))]
                note = f"{reason.label_zh}，所需时间已书面告知申请人"
                events.append((stop, 4, Suspended(stop, reason, _ART_45, note)))
                resumed = self.workdays[c.resume_k]
                events.append((resumed, 5, Resumed(resumed)))
            for k, other in enumerate(c.departments[1:], start=1):
                on = self.day(c.task_end[k])
                official, _ = self.authority(other, item.id, on)
                events.append((on, 7, OpinionGiven(on, other, Outcome.APPROVED, official)))
            if not c.instant and u[5] < policies.withdrawal_share:
                withdrawn, decided = decided, None
            elif u[6] < policies.denial_share:
                outcome = Outcome.DENIED
        if withdrawn is not None:
            events.append((withdrawn, 11, Withdrawn(withdrawn, "申请人主动撤回申请")))
        decision_inside: bool | None = None
        if decided is not None:
            decision_inside = self.decide(c, events, decided, outcome, labels)
        application = self.application(c, events, site)
        reading = self.timelines.read(application)
        closed = decided if decided is not None else withdrawn
        extension = None
        if (
            closed is not None
            and self.policies.extension is ExtensionPolicy.WHEN_LATE
            and reading.extend_on is not None
            and closed > reading.extend_on
        ):
            extension = self.extension(c, reading)
            events.append((extension.on, 6, extension))
            application = self.application(c, events, site)
            reading = self.timelines.read(application)
        labels.extend(reading.labels)
        route = (
            "instant"
            if c.instant
            else (self.policies.approval.value if len(c.departments) > 1 else "single")
        )
        hours = self.scenario.hours_per_day
        row = (
            application.id,
            department,
            item.id,
            route,
            c.outside,
            None
            if not c.outside
            else ("schedule" if not stage.in_hall(department, c.day) else "share"),
            decision_inside,
            round(c.window_wait * hours, 4),
            round(c.office_wait * hours, 4),
            extension is not None,
            "|".join(sorted(labels)),
        )
        return application, labels, row

    def application(
        self, c: _Case, events: list[tuple[_dt.date, int, Event]], site: str
    ) -> Application:
        """The case's history as a model :class:`~shenpi.applications.Application`."""
        ordered = sorted(events, key=lambda e: (e[0], e[1]))
        item = c.item
        return Application(
            f"SIM{c.day:%Y%m%d}{c.index + 1:07d}",
            c.applicant,
            (item.id,),
            Channel.ONLINE if c.online else Channel.WINDOW,
            tuple(e for _, _, e in ordered),
            site_id=None if c.online else site,
            lead_department_id=c.department if item.joint else None,
        )

    def extension(self, c: _Case, reading: _Reading) -> Extended:
        """The head's extension (art. 42) on the statutory due day of a case still open
        then (``ExtensionPolicy.WHEN_LATE``): once, by 10 working days (15 for joint
        handling), when its statutory limit counts working days and its promise working
        days or hours (:attr:`_Reading.extend_on`).

        ``reading`` is that of the case's timeline without the extension. Its statutory
        due day is the one the case stood at on that day: a later step credits nothing
        (a procedure starting after the due day cannot revive the period, art. 45), and a
        decision does not move the period."""
        assert reading.extend_on is not None
        head = self.stage.heads.get(c.department) or self.stage.director.get(c.department)
        reason = "经负责人批准延长期限（行政许可法 第四十二条）"
        return Extended(reading.extend_on, reading.extend_by, head, reason)

    def decide(
        self,
        c: _Case,
        events: list[tuple[_dt.date, int, Event]],
        decided: _dt.date,
        outcome: Outcome,
        labels: list[str],
    ) -> bool:
        """The decision, the fee and the delivery; returns whether decided in the hall."""
        stage, item, department, u = self.stage, c.item, c.department, c.u
        inside = not c.outside and stage.in_hall(department, decided)
        if inside:
            open_windows = self.open_windows(department, decided)
            site = (
                open_windows[int(u[8] * len(open_windows))].site_id
                if open_windows
                else stage.main_site
            )
        else:
            site = stage.premises[department]
            labels.append("outside_hall")
        official, letter = self.authority(department, item.id, decided)
        if letter is None:
            labels.append("without_letter")
        seal, seal_label = self.seal(department, decided, bool(item.seal_exception))
        if seal_label is not None:
            labels.append(seal_label)
        office = stage.office.get(department)
        if office is None:
            labels.append("no_office")
        reasons = ""
        if outcome is Outcome.DENIED:
            first = item.legal_basis[0] if item.legal_basis else None
            basis = "法定" if first is None else f"《{first.title}》{first.article}"
            reasons = f"不符合{basis}规定的条件，依法不予许可（行政许可法 第三十八条）"
        events.append(
            (
                decided,
                8,
                Decided(
                    decided, outcome, department, official, site, office, letter, seal, reasons
                ),
            )
        )
        if outcome is not Outcome.APPROVED:
            return inside
        fee = self.fee(item)
        if fee is not None:
            schedule_id, standard = fee
            rule = standard.rule
            quantity = None
            if rule.kind is RuleKind.FIXED:
                amount = rule.amount
            elif rule.kind is RuleKind.RANGE:
                amount = rule.minimum
            else:
                quantity = decimal.Decimal(1 + int(u[10] * 20))
                amount = rule.charge(quantity)
            if inside:
                point, where, method = CollectionPoint.HALL_CASHIER, site, "统一收费窗口"
            else:
                point, where, method = CollectionPoint.DEPARTMENT, site, "部门自行收取"
                labels.append("fee_outside_hall")
            receipt = f"SIMFS{decided:%Y}{c.index + 1:08d}"
            payment = Payment(
                amount, point, schedule_id, standard.id, quantity, where, method, receipt
            )
            events.append((decided, 9, FeePaid(decided, payment)))
        if item.kind is not ItemKind.FEE:
            lag = max(0, round(self.scenario.processing_of(department).delivery.sample(c.z[5])))
            k = int(c.decided_t) + lag
            delivered = self.workdays[min(k, len(self.workdays) - 1)]
            events.append((delivered, 10, Delivered(delivered, _DELIVERY[c.index % 3])))
        return inside

    def complaint(self, c: _Case, application: Application, late: bool) -> Complaint | None:
        """A complaint about the case, drawn after it closed (seed 三(五) 网上投诉)."""
        policies, u = self.policies, c.u
        share = policies.late_complaint_share if late else policies.complaint_share
        if u[7] >= share:
            return None
        received = application.events[-1].on + _DAY * (1 + int(u[11] * 30))
        took = max(1, round(policies.complaint_handling.sample(c.z[6])))
        try:
            handled = self.cal.add_workdays(received, took)
            limit = self.rule_policy.complaint_limit
            if limit.unit is TimeUnit.WORKDAYS:
                due = self.cal.add_workdays(received, limit.amount)
            else:
                due = received + _DAY * limit.amount
        except CalendarDataMissing:
            return None  # past the calendar's data: not judged, not drawn
        complaint = Complaint(
            f"TS-{application.id}",
            list(ComplaintChannel)[int(u[15] * len(ComplaintChannel))],
            received,
            c.department,
            application.id,
            "办件超过承诺时限仍未办结" if late else "对办理过程有意见",
            handled,
            "已核实并答复投诉人",
        )
        if handled > due:
            self.result.labels["complaint_late"].append(complaint.id)
        return complaint
