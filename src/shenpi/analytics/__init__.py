"""Supervision analytics (效能监察) over real or simulated case histories.

What the supervision bureau (监察局) and the reform office (政务公开办) look at, computed
from a :class:`~shenpi.jurisdiction.Jurisdiction`'s histories with the same clocks the
rules use (:mod:`shenpi.timing`) and the same metrics as electronic supervision
(:mod:`shenpi.supervision`): per case, per department, per item and per month, the
on-time, early and overdue rates (按时 / 提前 / 超期办结率), the working days used (mean and
percentiles), the alerts each case reached (预警 / 报警), complaints and how fast they
were handled, and the rules' findings per family.

Every result is a :class:`Table` (``to_pandas()``, ``to_records()``, HTML in a
notebook); :mod:`shenpi.analytics.plots` draws them with matplotlib. pandas and
matplotlib are optional (``pip install 'shenpi[analysis]'``).

>>> import datetime as dt
>>> from shenpi.examples import load_example_city
>>> city = load_example_city()
>>> analysis = analyze(city, as_of=dt.date(2026, 12, 31), findings=False)
>>> round(analysis.overall()["on_time_rate"], 3)
0.908
>>> analysis.departments.columns[:4]
('department_id', 'cases', 'finished', 'early_rate')

Conventions where the law is silent, each explicit:

- A case is judged by its :class:`~shenpi.timeline.Timeline`, as the rules judge it: its
  governing item in the catalogue version in effect on the day its decision period
  started, its lawful steps only, dates compared (a decision after the due day is late).
- *Working days used* are counted on the promised clock (the statutory one when the
  promise is in hours), from the day after acceptance to the decision, suspensions
  (行政许可法 art. 45) excluded; only clocks in working days are averaged, as
  :func:`shenpi.supervision.efficiency` does.
- The *alert* of a case is the highest level (:class:`~shenpi.supervision.AlertLevel`)
  a daily check would have raised while it was open: on the day before its decision, and
  on the day before each extension (an extension lowers the level, art. 42).
- Percentiles are nearest-rank: the p-th percentile of n values is the ⌈p·n/100⌉-th
  smallest.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from shenpi.analytics._table import Table, optional_module
from shenpi.applications import (
    Application,
    Decided,
    Extended,
    NotAccepted,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import WorkCalendar
from shenpi.complaints import Complaint
from shenpi.errors import CalendarDataMissing, InvalidType, InvalidValue
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import Report, RulePolicy, check
from shenpi.rules.engine import Context
from shenpi.supervision import AlertLevel, AlertPolicy, alert
from shenpi.timeline import Timeline
from shenpi.timing import LAW, Clock, Punctuality, TimePolicy, TimeUnit

__all__ = [
    "CASE_COLUMNS",
    "COMPLAINT_COLUMNS",
    "SUMMARY_COLUMNS",
    "Analysis",
    "Table",
    "analyze",
    "case_records",
    "complaint_records",
    "complaint_summary",
    "family_summary",
    "optional_module",
    "percentile",
    "summarize",
]

CASE_COLUMNS = (
    "id",
    "department_id",
    "item_id",
    "joint",
    "channel",
    "state",
    "outcome",
    "submitted_on",
    "accepted_on",
    "decided_on",
    "month",
    "statutory_limit",
    "promised_limit",
    "statutory_total",
    "promised_total",
    "statutory_due",
    "promised_due",
    "used",
    "workdays_used",
    "punctuality",
    "alert",
    "suspended",
    "extended",
    "lead_days",
    "decided_inside_hall",
)
"""The columns of :func:`case_records`, one row per case:

- ``id``, ``department_id`` (the lead department, else the item's), ``item_id`` (the
  governing item), ``joint`` (并联审批), ``channel``, ``state`` and ``outcome`` of the
  last decision (``approved`` / ``denied``);
- ``submitted_on``, ``accepted_on``, ``decided_on`` and the decision's ``month``
  (``"2025-03"``);
- ``statutory_limit`` and ``promised_limit`` as text; ``statutory_total`` and
  ``promised_total``: the limits in their unit with the extension granted; the due days;
- ``used``: time counted on the promised (else statutory) clock at the decision, in its
  unit; ``workdays_used``: the same when that unit is working days, else empty;
- ``punctuality``: ``early``, ``on_due_day``, ``late_against_promise`` or
  ``late_against_law`` (:class:`~shenpi.timing.Punctuality`), empty until decided;
- ``alert``: the highest alert level reached while open (``normal``, ``warning`` 预警,
  ``alarm`` 报警, ``statutory_breach``);
- ``suspended`` and ``extended`` (art. 45, art. 42), ``lead_days``: natural days from
  submission to decision, ``decided_inside_hall``: the decision's site is the hall or a
  sub-center (大厅之外无审批).
"""

COMPLAINT_COLUMNS = (
    "id",
    "department_id",
    "application_id",
    "channel",
    "received_on",
    "handled_on",
    "due",
    "workdays_to_handle",
    "late",
)
"""The columns of :func:`complaint_records`: ``due`` is the last day to handle the
complaint under ``RulePolicy.complaint_limit`` (5 working days by default, the rule
SUP001 applies), ``workdays_to_handle`` the working days from receipt to handling, and
``late`` whether it was handled after ``due`` (or not at all by ``as_of``)."""

SUMMARY_COLUMNS = (
    "cases",
    "finished",
    "early_rate",
    "on_time_rate",
    "overdue_rate",
    "statutory_overdue_rate",
    "mean_workdays",
    "p50_workdays",
    "p90_workdays",
    "warnings",
    "alarms",
    "statutory_breaches",
    "decided_outside_hall",
)
"""The columns :func:`summarize` computes for each group (after the group's key):
``finished`` counts the decided cases judged against their limits; the rates are shares
of ``finished`` (:class:`~shenpi.supervision.Efficiency`); the working days are over the
finished cases whose clock counts working days; ``warnings`` counts the cases that
reached 预警 or worse, ``alarms`` 报警 or worse, ``statutory_breaches`` the statutory
limit; ``decided_outside_hall`` the decisions made outside the hall and its sub-centers."""

_LEVEL_NAMES = {level: level.name.lower() for level in AlertLevel}
_LEVEL_OF = {name: level for level, name in _LEVEL_NAMES.items()}


# ------------------------------------------------------------------------ per case
def _highest_alert(
    statutory: Clock, promised: Clock, days: Iterable[_dt.date], policy: AlertPolicy
) -> AlertLevel:
    level = AlertLevel.NORMAL
    for day in days:
        if day < statutory.started:
            continue
        found = alert(day, promised=promised, statutory=statutory, policy=policy).level
        level = max(level, found)
    return level


_DAY = _dt.timedelta(days=1)


def _case_row(line: Timeline, world: Jurisdiction, policy: AlertPolicy) -> tuple[Any, ...]:
    """One row of :data:`CASE_COLUMNS`, read from the case's timeline (its lawful clocks,
    due days and punctuality: the rules read the same)."""
    application, item, as_of = line.application, line.item, line.as_of
    department = application.lead_department_id or (item.department_id if item else None)
    decision = application.decision
    decided_on = None if decision is None else decision.on
    closing = next(
        (e for e in application.events if isinstance(e, (Decided, NotAccepted, Withdrawn))),
        None,
    )
    statutory = None if line.statutory is None else line.statutory.clock
    promised = None if line.promised is None else line.promised.clock
    punctuality = used = workdays = level = None
    statutory_due = promised_due = statutory_total = promised_total = None
    if line.statutory is not None and line.statutory.due is not None:
        statutory_due = line.statutory.due.on
    if line.promised is not None and line.promised.due is not None:
        promised_due = line.promised.due.on
    if statutory is not None:
        statutory_total = statutory.total()
    if promised is not None:
        promised_total = promised.total()
    last = next((d for d in reversed(line.decisions) if d.event is decision), None)
    if last is not None and last.punctuality is not None:
        punctuality = last.punctuality.value
        counted = promised if promised is not None else statutory
        if counted is not None and decided_on is not None:
            used = counted.used(on=decided_on)
            if counted.limit.unit is TimeUnit.WORKDAYS:
                workdays = used
    if statutory is not None:
        days: list[_dt.date] = [e.on - _DAY for e in application.events if isinstance(e, Extended)]
        days.append(as_of if closing is None else closing.on - _DAY)
        watched = promised if promised is not None else statutory
        try:
            level = _LEVEL_NAMES[_highest_alert(statutory, watched, days, policy)]
        except CalendarDataMissing:
            level = None  # a day past the calendar's data: not judged, as the rules say
    inside = None
    if decision is not None:
        site = None if decision.site_id is None else world.site(decision.site_id)
        inside = site is not None and site.kind.inside_hall
    return (
        application.id,
        department,
        None if item is None else item.id,
        line.joint,
        application.channel.value,
        application.state,
        None if decision is None else decision.outcome.value,
        application.submitted_on,
        application.accepted_on,
        decided_on,
        None if decided_on is None else f"{decided_on:%Y-%m}",
        None if item is None else str(item.statutory_limit),
        None if item is None else str(item.promised_limit),
        statutory_total,
        promised_total,
        statutory_due,
        promised_due,
        used,
        workdays,
        punctuality,
        level,
        any(isinstance(e, Suspended) for e in application.events),
        any(isinstance(e, Extended) for e in application.events),
        None if decided_on is None else (decided_on - application.submitted_on).days,
        inside,
    )


def _check_world(world: Any, as_of: Any) -> None:
    if not isinstance(world, Jurisdiction):
        raise InvalidType("world", world, "expected a Jurisdiction.", "应为 Jurisdiction。")
    if isinstance(as_of, _dt.datetime) or not isinstance(as_of, _dt.date):
        raise InvalidType("as_of", as_of, "expected a datetime.date.", "应为日期。")


def case_records(
    world: Jurisdiction,
    *,
    as_of: _dt.date,
    calendar: WorkCalendar | None = None,
    alert_policy: AlertPolicy | None = None,
    applications: Iterable[Application] | None = None,
    time_policy: TimePolicy = LAW,
) -> Table:
    """One row per case (:data:`CASE_COLUMNS`), judged as of ``as_of`` from its
    :class:`~shenpi.timeline.Timeline` (``time_policy``: the law's periods, as
    ``RulePolicy.time`` gives them to the rules).

    ``applications`` replaces the world's cases (a stream from
    :func:`shenpi.io.iter_applications`, say). Nothing reads the clock.
    """
    _check_world(world, as_of)
    cal = calendar if calendar is not None else WorkCalendar.official()
    policy = alert_policy if alert_policy is not None else AlertPolicy()
    cases = world.applications if applications is None else applications
    ctx = Context(world, as_of=as_of, policy=RulePolicy(time=time_policy), calendar=cal)
    rows = [
        _case_row(
            ctx.timeline(a),
            world,
            policy,
        )
        for a in cases
    ]
    return Table(CASE_COLUMNS, rows, "cases")


def complaint_records(
    world: Jurisdiction,
    *,
    as_of: _dt.date,
    calendar: WorkCalendar | None = None,
    policy: RulePolicy | None = None,
) -> Table:
    """One row per complaint (:data:`COMPLAINT_COLUMNS`), judged as of ``as_of`` under
    ``policy.complaint_limit`` (SUP001's limit)."""
    _check_world(world, as_of)
    cal = calendar if calendar is not None else WorkCalendar.official()
    limit = (policy if policy is not None else RulePolicy()).complaint_limit
    rows = [_complaint_row(c, cal, limit, as_of) for c in world.complaints]
    return Table(COMPLAINT_COLUMNS, rows, "complaints")


def _complaint_row(
    complaint: Complaint, cal: WorkCalendar, limit: Any, as_of: _dt.date
) -> tuple[Any, ...]:
    due: _dt.date | None
    try:
        if limit.unit is TimeUnit.WORKDAYS:
            due = cal.add_workdays(complaint.received_on, limit.amount)
        else:
            due = complaint.received_on + _dt.timedelta(days=limit.amount)
    except LookupError:
        due = None
    handled = complaint.handled_on
    took = None
    if handled is not None:
        try:
            took = cal.workdays_between(complaint.received_on, handled)
        except LookupError:
            took = None
    late = None
    if due is not None:
        late = handled > due if handled is not None else as_of > due
    return (
        complaint.id,
        complaint.department_id,
        complaint.application_id,
        complaint.channel.value,
        complaint.received_on,
        handled,
        due,
        took,
        late,
    )


# ------------------------------------------------------------------------ summaries
def percentile(values: Sequence[float], p: float) -> float | None:
    """The nearest-rank ``p``-th percentile of ``values`` (``None`` when empty).

    >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), percentile([], 50)
    (9, None)
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p * len(ordered) / 100))
    return ordered[min(rank, len(ordered)) - 1]


def _rate(count: int, total: int) -> float | None:
    return None if total == 0 else count / total


def _summary(rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    punctual = Counter(r["punctuality"] for r in rows if r["punctuality"] is not None)
    finished = sum(punctual.values())
    early = punctual[Punctuality.EARLY.value]
    on_day = punctual[Punctuality.ON_DUE_DAY.value]
    late_promise = punctual[Punctuality.LATE_AGAINST_PROMISE.value]
    late_law = punctual[Punctuality.LATE_AGAINST_LAW.value]
    workdays = [
        r["workdays_used"]
        for r in rows
        if r["punctuality"] is not None and r["workdays_used"] is not None
    ]
    levels = [_LEVEL_OF[r["alert"]] for r in rows if r["alert"] is not None]
    return (
        len(rows),
        finished,
        _rate(early, finished),
        _rate(early + on_day, finished),
        _rate(late_promise + late_law, finished),
        _rate(late_law, finished),
        sum(workdays) / len(workdays) if workdays else None,
        percentile(workdays, 50),
        percentile(workdays, 90),
        sum(1 for v in levels if v >= AlertLevel.WARNING),
        sum(1 for v in levels if v >= AlertLevel.ALARM),
        sum(1 for v in levels if v >= AlertLevel.STATUTORY_BREACH),
        sum(1 for r in rows if r["decided_inside_hall"] is False),
    )


def summarize(cases: Table, by: str | Sequence[str] = "department_id") -> Table:
    """Per group of ``cases`` (from :func:`case_records`): the key column(s) ``by``,
    then :data:`SUMMARY_COLUMNS`. ``by=()`` gives one row for all cases.

    Groups are sorted by key; a ``None`` key (a case with no known item) sorts first.
    """
    keys = (by,) if isinstance(by, str) else tuple(by)
    for key in keys:
        cases.column(key)  # refuses an unknown column
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in cases:
        groups[tuple(row[k] for k in keys)].append(row)
    if not keys and not groups:
        groups[()] = []
    rows = [
        (*key, *_summary(groups[key]))
        for key in sorted(groups, key=lambda k: tuple((v is not None, v) for v in k))
    ]
    title = "cases by " + ", ".join(keys) if keys else "all cases"
    return Table((*keys, *SUMMARY_COLUMNS), rows, title)


def complaint_summary(complaints: Table, by: str = "department_id") -> Table:
    """Per group of ``complaints`` (from :func:`complaint_records`): how many, how many
    handled, late (after the limit, or unhandled past it), and the mean and 90th
    percentile working days to handle."""
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in complaints:
        groups[row[by]].append(row)
    rows = []
    for key in sorted(groups, key=lambda k: (k is not None, k)):
        found = groups[key]
        took = [r["workdays_to_handle"] for r in found if r["workdays_to_handle"] is not None]
        rows.append(
            (
                key,
                len(found),
                sum(1 for r in found if r["handled_on"] is not None),
                sum(1 for r in found if r["late"]),
                sum(took) / len(took) if took else None,
                percentile(took, 90),
            )
        )
    columns = (by, "complaints", "handled", "late", "mean_workdays_to_handle", "p90_workdays")
    return Table(columns, rows, "complaints by " + by)


def family_summary(report: Report, by: str | None = "department_id") -> Table:
    """Findings per rule family (HALL, AUTH, SEAL, TIME, FEE, CAT, REFORM, SUP), with the
    errors and warnings among them; per department with ``by="department_id"``, else one
    row per family (``by=None``)."""
    if not isinstance(report, Report):
        raise InvalidType("report", report, "expected a Report.", "应为 Report。")
    if by not in (None, "department_id"):
        raise InvalidValue("by", by, "expected 'department_id' or None.", "应为 department_id。")
    if by is None:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for f in report:
            family = f.code.rstrip("0123456789")
            counts[family]["findings"] += 1
            counts[family][f.severity.name.lower()] += 1
        totals: list[tuple[Any, ...]] = [
            (k, c["findings"], c["error"], c["warning"], c["info"])
            for k, c in sorted(counts.items())
        ]
        return Table(("family", "findings", "error", "warning", "info"), totals, "findings")
    families = sorted({f.code.rstrip("0123456789") for f in report})
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for f in report:
        per[f.department_id or ""][f.code.rstrip("0123456789")] += 1
        per[f.department_id or ""][f.severity.name.lower()] += 1
    rows: list[tuple[Any, ...]] = [
        (d, sum(c[k] for k in families), c["error"], c["warning"], *(c[k] for k in families))
        for d, c in sorted(per.items())
    ]
    return Table(("department_id", "findings", "error", "warning", *families), rows, "findings")


# ------------------------------------------------------------------------ the bundle
class Analysis:
    """Supervision analytics of one world as of one day: the tables a notebook shows.

    Built by :func:`analyze`. ``cases`` and ``complaints`` are the per-record tables;
    ``departments``, ``items`` and ``months`` summarize them; ``report`` holds the rules'
    findings (``None`` when ``analyze(findings=False)``) and ``families`` counts them.
    """

    def __init__(
        self,
        world: Jurisdiction,
        as_of: _dt.date,
        cases: Table,
        complaints: Table,
        report: Report | None,
    ) -> None:
        self.world = world
        self.as_of = as_of
        self.cases = cases
        self.complaints = complaints
        self._report = report
        self._cache: dict[str, Table] = {}

    @property
    def report(self) -> Report | None:
        """The rules' findings on the world, if checked."""
        return self._report

    @report.setter
    def report(self, report: Report | None) -> None:
        self._report = report
        self._cache.clear()

    def _memo(self, key: str, make: Callable[[], Table]) -> Table:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def items(self) -> Table:
        """:func:`summarize` per item."""
        return self._memo("items", lambda: summarize(self.cases, ("department_id", "item_id")))

    @property
    def months(self) -> Table:
        """:func:`summarize` per month of decision (on-time rate over time)."""
        return self._memo("months", lambda: summarize(self.cases.where(_decided), "month"))

    @property
    def families(self) -> Table:
        """Findings per rule family (empty without a report)."""
        report = self.report if self.report is not None else Report(())
        return self._memo("families", lambda: family_summary(report, by=None))

    @property
    def departments(self) -> Table:
        """One row per department: :func:`summarize`'s columns, then the complaints
        (``complaints``, ``complaints_late``, ``mean_workdays_to_handle``) and the
        findings (``findings``, ``errors``)."""
        return self._memo("departments", self._departments)

    def _departments(self) -> Table:
        cases = summarize(self.cases, "department_id")
        complaints = {r["department_id"]: r for r in complaint_summary(self.complaints)}
        findings: dict[Any, Counter[str]] = defaultdict(Counter)
        for f in self.report or ():
            findings[f.department_id]["findings"] += 1
            findings[f.department_id]["errors"] += f.severity.name == "ERROR"
        rows = []
        for row in cases:
            key = row["department_id"]
            c = complaints.get(key, {})
            rows.append(
                (
                    *row.values(),
                    c.get("complaints", 0),
                    c.get("late", 0),
                    c.get("mean_workdays_to_handle"),
                    findings[key]["findings"],
                    findings[key]["errors"],
                )
            )
        columns = (
            *cases.columns,
            "complaints",
            "complaints_late",
            "mean_workdays_to_handle",
            "findings",
            "errors",
        )
        return Table(columns, rows, "departments")

    def overall(self) -> dict[str, Any]:
        """The headline numbers over all cases: :data:`SUMMARY_COLUMNS` as a dict, plus
        ``complaints``, ``complaints_late`` and, with a report, ``findings`` and
        ``errors``."""
        row = next(iter(summarize(self.cases, ())))
        row["complaints"] = len(self.complaints)
        row["complaints_late"] = sum(1 for r in self.complaints if r["late"])
        if self.report is not None:
            row["findings"] = len(self.report)
            row["errors"] = len(self.report.errors)
        return row

    @property
    def plot(self) -> Any:
        """The plotting functions of :mod:`shenpi.analytics.plots`, bound to this
        analysis: ``analysis.plot.workdays()``, ``analysis.plot.on_time()`` …"""
        from shenpi.analytics.plots import BoundPlots

        return BoundPlots(self)

    def _repr_html_(self) -> str:
        o = self.overall()

        def pct(v: Any) -> str:
            return "–" if v is None else f"{100 * v:.1f}%"

        head = (
            f"<p><b>{self.world.name}</b> as of {self.as_of}: {o['cases']} cases, "
            f"{o['finished']} finished; on time {pct(o['on_time_rate'])}, early "
            f"{pct(o['early_rate'])}, overdue {pct(o['overdue_rate'])} (past the law "
            f"{pct(o['statutory_overdue_rate'])}); 预警 {o['warnings']}, 报警 {o['alarms']}; "
            f"complaints {o['complaints']} ({o['complaints_late']} late)"
        )
        if self.report is not None:
            head += f"; findings {o['findings']} ({o['errors']} errors)"
        return head + "</p>" + self.departments._repr_html_()


def _decided(row: Mapping[str, Any]) -> bool:
    return row["decided_on"] is not None


def analyze(
    world: Jurisdiction,
    *,
    as_of: _dt.date,
    calendar: WorkCalendar | None = None,
    alert_policy: AlertPolicy | None = None,
    rule_policy: RulePolicy | None = None,
    findings: bool = True,
    report: Report | None = None,
) -> Analysis:
    """Supervision analytics of ``world`` as of ``as_of``: the case and complaint tables,
    their summaries and (unless ``findings=False``) the rules' findings, checked with
    :func:`shenpi.rules.check` unless a ``report`` is given."""
    cal = calendar if calendar is not None else WorkCalendar.official()
    time = LAW if rule_policy is None else rule_policy.time
    cases = case_records(
        world, as_of=as_of, calendar=cal, alert_policy=alert_policy, time_policy=time
    )
    complaints = complaint_records(world, as_of=as_of, calendar=cal, policy=rule_policy)
    if report is None and findings:
        report = check(world, as_of=as_of, calendar=cal, policy=rule_policy)
    return Analysis(world, as_of, cases, complaints, report)
