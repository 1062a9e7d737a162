"""Running scenarios and reading the results: :func:`simulate`, :func:`replicate`,
:func:`compare`."""

from __future__ import annotations

import datetime as _dt
import html
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from shenpi.analytics import Analysis, Table, analyze, summarize
from shenpi.errors import InvalidType, InvalidValue
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import Report, RulePolicy, check
from shenpi.sim.engine import LABELS, run
from shenpi.sim.scenario import Scenario

__all__ = [
    "KEY_METRICS",
    "SIM_COLUMNS",
    "Comparison",
    "Replications",
    "SimulationResult",
    "compare",
    "replicate",
    "simulate",
]

SIM_COLUMNS = (
    "id",
    "department_id",
    "item_id",
    "route",
    "handled_outside",
    "outside_reason",
    "decided_inside_hall",
    "window_wait_hours",
    "office_wait_hours",
    "extended",
    "labels",
)
"""What the simulation knows of each case beyond its history: ``route`` (``instant``,
``single``, ``parallel`` or ``serial``), ``handled_outside`` and why (``schedule``: the
department had not entered the hall; ``share``: ``Policies.outside_share``), the office
hours spent waiting for a window and for a reviewer, whether it was extended, and the
labels it carries on purpose (``|``-separated, see :data:`shenpi.sim.engine.LABELS`)."""

KEY_METRICS = (
    "cases",
    "on_time_rate",
    "early_rate",
    "overdue_rate",
    "statutory_overdue_rate",
    "mean_workdays",
    "p90_workdays",
    "warnings",
    "alarms",
    "decided_outside_hall",
    "mean_lead_days",
    "mean_window_wait_hours",
    "max_window_queue",
    "complaints",
    "complaints_late",
)
"""The metrics :meth:`SimulationResult.metrics` reports and :func:`compare` compares:
the supervision rates and working days of :func:`shenpi.analytics.summarize` over all
cases, the mean natural days from submission to decision, the mean hours waited for a
window, the longest queue seen at a window at midday, and the complaints."""


class SimulationResult:
    """One run of a scenario: the simulated world, the queues, and what was put in.

    ``world`` is a :class:`~shenpi.jurisdiction.Jurisdiction` whose cases and complaints
    are the simulated ones, over the reference data the scenario staged; ``as_of`` is the
    day after the last event, so every case is closed. Everything else is computed from
    them on demand: :attr:`analysis` (the supervision analytics), :attr:`cases` (per
    case, with the simulation's own columns), :meth:`metrics`, :meth:`check`.
    """

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        world: Jurisdiction,
        as_of: _dt.date,
        sim: Table,
        queues: Table,
        labels: dict[str, tuple[str, ...]],
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.world = world
        self.as_of = as_of
        self.sim = sim
        self.queues = queues
        self.labels = labels
        self._analysis: Analysis | None = None
        self._report: Report | None = None
        self._metrics: dict[str, Any] | None = None

    @property
    def analysis(self) -> Analysis:
        """:func:`shenpi.analytics.analyze` of the simulated world as of :attr:`as_of`
        (its ``report`` is the rules' findings once :meth:`check` has run)."""
        if self._analysis is None:
            self._analysis = analyze(
                self.world,
                as_of=self.as_of,
                calendar=self.scenario.work_calendar,
                rule_policy=self.rule_policy,
                findings=False,
            )
        if self._report is not None and self._analysis.report is None:
            self._analysis.report = self._report
        return self._analysis

    @property
    def rule_policy(self) -> RulePolicy:
        """The rules' policy with the scenario's legal periods."""
        return RulePolicy(time=self.scenario.policies.time)

    @property
    def cases(self) -> Table:
        """One row per case: :data:`~shenpi.analytics.CASE_COLUMNS`, then the simulation's
        own columns (:data:`SIM_COLUMNS`, without the repeated keys)."""
        records = self.analysis.cases
        extra = [c for c in self.sim.columns if c not in records.columns]
        index = [self.sim.columns.index(c) for c in extra]
        rows = [
            (*a, *(s[i] for i in index)) for a, s in zip(records.rows, self.sim.rows, strict=True)
        ]
        return Table((*records.columns, *extra), rows, "simulated cases")

    @property
    def departments(self) -> Table:
        """The supervision table per department (:attr:`Analysis.departments`)."""
        return self.analysis.departments

    def check(self, **options: Any) -> Report:
        """:func:`shenpi.rules.check` of the simulated world as of :attr:`as_of`, with the
        scenario's calendar and legal periods (``options`` go to ``check``)."""
        options.setdefault("calendar", self.scenario.work_calendar)
        options.setdefault("policy", self.rule_policy)
        report = check(self.world, as_of=self.as_of, **options)
        if not options.get("select") and not options.get("ignore"):
            self._report = report
            if self._analysis is not None:
                self._analysis.report = report
        return report

    @property
    def report(self) -> Report:
        """The full :meth:`check` report (computed once)."""
        if self._report is None:
            self.check()
        assert self._report is not None
        return self._report

    def expected_findings(self) -> Counter[str]:
        """The findings the scenario put into the cases and complaints on purpose, by rule
        code (in code order): what ``check`` reports about them, world rules aside."""
        found: Counter[str] = Counter()
        for label, subjects in self.labels.items():
            found[LABELS[label]] += len(subjects)
        return Counter({code: found[code] for code in sorted(found) if found[code]})

    def metrics(self) -> dict[str, Any]:
        """The :data:`KEY_METRICS` of this run."""
        if self._metrics is None:
            overall = next(iter(summarize(self.analysis.cases, ())))
            lead = [d for d in self.analysis.cases.column("lead_days") if d is not None]
            waits = self.sim.column("window_wait_hours")
            queues = self.queues.column("waiting")
            complaints = self.analysis.complaints
            metrics = {k: overall[k] for k in overall if k in KEY_METRICS}
            metrics["mean_lead_days"] = sum(lead) / len(lead) if lead else None
            metrics["mean_window_wait_hours"] = sum(waits) / len(waits) if waits else None
            metrics["max_window_queue"] = max(queues) if queues else 0
            metrics["complaints"] = len(complaints)
            metrics["complaints_late"] = sum(1 for r in complaints if r["late"])
            self._metrics = {k: metrics.get(k) for k in KEY_METRICS}
        return dict(self._metrics)

    @property
    def plot(self) -> Any:
        """Plots of this run (:mod:`shenpi.sim.plots`): ``result.plot.queues()``,
        ``result.plot.workdays()`` …"""
        from shenpi.sim.plots import ResultPlots

        return ResultPlots(self)

    def __repr__(self) -> str:
        return (
            f"<SimulationResult {self.scenario.name!r} seed={self.seed}: "
            f"{len(self.world.applications)} cases, as of {self.as_of}>"
        )

    def _repr_html_(self) -> str:
        m = self.metrics()
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td>{html.escape(_fmt(m[k]))}</td></tr>"
            for k in KEY_METRICS
        )
        title = html.escape(f"{self.scenario.name} (seed {self.seed})")
        return (
            f"<p><b>{title}</b>: {len(self.world.applications)} cases from "
            f"{self.scenario.start} to {self.scenario.end}, as of {self.as_of}</p>"
            f"<table><tr><th>metric</th><th>value</th></tr>{rows}</table>"
        )


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def simulate(scenario: Scenario, seed: int = 0) -> SimulationResult:
    """Run ``scenario`` once with ``seed``: the same scenario and seed give the same
    histories, byte for byte.

    Needs the ``sim`` extra (SimPy, NumPy): ``pip install 'shenpi[sim]'``.
    """
    stage, produced = run(scenario, seed)
    world = stage.world.with_applications(produced.applications)
    from attrs import evolve

    world = evolve(world, complaints=produced.complaints)
    last = produced.last_day or scenario.start
    as_of = last + _dt.timedelta(days=1)
    sim = Table(SIM_COLUMNS, produced.sim_rows, "simulation")
    queues = Table(
        ("date", "department_id", "waiting", "in_service"), produced.queue_rows, "window queues"
    )
    labels = {k: tuple(v) for k, v in produced.labels.items() if v}
    return SimulationResult(scenario, seed, world, as_of, sim, queues, labels)


def _seeds(seeds: Iterable[int] | int) -> tuple[int, ...]:
    if isinstance(seeds, bool):
        raise InvalidType("seeds", seeds, "expected a number or seeds.", "应为种子数或种子。")
    if isinstance(seeds, int):
        if seeds < 1:
            raise InvalidValue("seeds", seeds, "run at least one replication.", "至少运行一次。")
        return tuple(range(seeds))
    found = tuple(seeds)
    if not found:
        raise InvalidValue("seeds", found, "run at least one replication.", "至少运行一次。")
    if len(set(found)) != len(found):
        raise InvalidValue("seeds", found, "seeds must differ.", "随机种子不能重复。")
    return found


class Replications:
    """Runs of one scenario with several seeds (:func:`replicate`)."""

    def __init__(self, scenario: Scenario, results: Sequence[SimulationResult]) -> None:
        self.scenario = scenario
        self.results = tuple(results)

    @property
    def seeds(self) -> tuple[int, ...]:
        """The seeds, in order."""
        return tuple(r.seed for r in self.results)

    @property
    def cases(self) -> Table:
        """Every run's cases in one table (:attr:`SimulationResult.cases`), with the
        ``seed`` first: the pooled sample for distributions and per-item summaries."""
        first = self.results[0].cases
        rows = [(r.seed, *row) for r in self.results for row in r.cases.rows]
        return Table(("seed", *first.columns), rows, f"{self.scenario.name}: cases")

    @property
    def metrics(self) -> Table:
        """One row per seed: ``seed`` then :data:`KEY_METRICS`."""
        rows = [(r.seed, *r.metrics().values()) for r in self.results]
        return Table(("seed", *KEY_METRICS), rows, f"{self.scenario.name}: metrics per seed")

    def summary(self) -> Table:
        """Per metric: the mean, standard deviation, minimum and maximum across seeds."""
        rows = []
        for metric in KEY_METRICS:
            values = [r.metrics()[metric] for r in self.results]
            rows.append((metric, *_spread([x for x in values if x is not None])))
        return Table(("metric", "mean", "sd", "min", "max"), rows, self.scenario.name)

    def _repr_html_(self) -> str:
        return self.summary()._repr_html_()


def replicate(scenario: Scenario, seeds: Iterable[int] | int = 5) -> Replications:
    """Run ``scenario`` once per seed (``seeds=5``: seeds 0-4)."""
    return Replications(scenario, [simulate(scenario, s) for s in _seeds(seeds)])


def _spread(values: Sequence[float]) -> tuple[float | None, ...]:
    if not values:
        return (None, None, None, None)
    mean = sum(values) / len(values)
    sd = (
        math.sqrt(sum((x - mean) ** 2 for x in values) / (len(values) - 1))
        if len(values) > 1
        else 0.0
    )
    return (mean, sd, min(values), max(values))


class Comparison:
    """Two scenarios run with the same seeds, and the deltas of their metrics.

    ``table`` has one row per metric: the baseline's and the variant's means, then the
    delta (variant − baseline, computed seed by seed: both runs of a seed share their
    arrivals and draws) with its mean, standard deviation, minimum and maximum.
    """

    def __init__(self, baseline: Replications, variant: Replications) -> None:
        if baseline.seeds != variant.seeds:
            raise InvalidValue(
                "variant",
                variant.seeds,
                f"was run with other seeds than the baseline {baseline.seeds}.",
                "两个情景的随机种子不同。",
            )
        self.baseline = baseline
        self.variant = variant

    def deltas(self, metric: str) -> tuple[float | None, ...]:
        """Variant − baseline for ``metric``, one per seed."""
        if metric not in KEY_METRICS:
            raise InvalidValue("metric", metric, "not a key metric.", "不是关键指标。")
        found = []
        for b, v in zip(self.baseline.results, self.variant.results, strict=True):
            x, y = b.metrics()[metric], v.metrics()[metric]
            found.append(None if x is None or y is None else y - x)
        return tuple(found)

    @property
    def table(self) -> Table:
        """The comparison, one row per metric."""
        rows = []
        for metric in KEY_METRICS:
            b = [r.metrics()[metric] for r in self.baseline.results]
            v = [r.metrics()[metric] for r in self.variant.results]
            d = [x for x in self.deltas(metric) if x is not None]
            rows.append(
                (
                    metric,
                    _spread([x for x in b if x is not None])[0],
                    _spread([x for x in v if x is not None])[0],
                    *_spread(d),
                )
            )
        columns = ("metric", "baseline", "variant", "delta", "delta_sd", "delta_min", "delta_max")
        names = f"{self.variant.scenario.name} vs {self.baseline.scenario.name}"
        title = f"{names}, seeds {list(self.baseline.seeds)}"
        return Table(columns, rows, title)

    def to_pandas(self) -> Any:
        """:attr:`table` as a DataFrame (needs the ``analysis`` extra)."""
        return self.table.to_pandas()

    @property
    def plot(self) -> Any:
        """Plots of the comparison (:mod:`shenpi.sim.plots`)."""
        from shenpi.sim.plots import ComparisonPlots

        return ComparisonPlots(self)

    def _repr_html_(self) -> str:
        return self.table._repr_html_()


def compare(
    baseline: Scenario | Replications,
    variant: Scenario | Replications,
    *,
    seeds: Iterable[int] | int = 5,
) -> Comparison:
    """Run both scenarios with the same ``seeds`` (several replications, not one lucky
    run) and compare their :data:`KEY_METRICS`.

    Either side may be :class:`Replications` already run (their seeds are then used).
    With common random numbers, ``compare(s, s)`` has every delta exactly 0.
    """
    chosen: tuple[int, ...] | None = None
    for name, side in (("baseline", baseline), ("variant", variant)):
        if isinstance(side, Replications):
            chosen = side.seeds
        elif not isinstance(side, Scenario):
            raise InvalidType(
                name,
                side,
                "expected a Scenario or Replications.",
                "应为 Scenario 或 Replications。",
            )
    chosen = chosen if chosen is not None else _seeds(seeds)

    def run_side(side: Scenario | Replications) -> Replications:
        return side if isinstance(side, Replications) else replicate(side, chosen)

    return Comparison(run_side(baseline), run_side(variant))
