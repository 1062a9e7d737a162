"""Plots of simulation runs and comparisons, with matplotlib (``pip install
'shenpi[analysis]'``).

- :func:`queues`: people waiting at each department's windows at midday;
- :func:`deltas`: a comparison's deltas with their spread across seeds;
- :class:`ResultPlots` and :class:`ComparisonPlots`: the same and the supervision plots
  of :mod:`shenpi.analytics.plots`, bound to a result (``result.plot``) or a comparison
  (``comparison.plot``): serial vs parallel is ``comparison.plot.workdays(item_id=...)``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from shenpi.analytics import Table, summarize
from shenpi.analytics import plots as supervision
from shenpi.analytics.plots import _axes
from shenpi.errors import InvalidValue

if TYPE_CHECKING:
    from shenpi.sim.results import Comparison, SimulationResult

__all__ = ["ComparisonPlots", "ResultPlots", "deltas", "queues"]

RATE_METRICS = ("on_time_rate", "early_rate", "overdue_rate", "statutory_overdue_rate")
"""The metrics :func:`deltas` shows by default (in percentage points)."""


def queues(
    result: SimulationResult,
    *,
    departments: Sequence[str] | None = None,
    top: int = 5,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """People waiting at each department's windows at midday, per working day of the
    horizon (the ``top`` departments with the longest queues, or ``departments``)."""
    series: dict[str, list[tuple[Any, int]]] = defaultdict(list)
    for row in result.queues:
        series[row["department_id"]].append((row["date"], row["waiting"]))
    if departments is None:
        chosen = sorted(series, key=lambda d: (-sum(n for _, n in series[d]), d))[:top]
    else:
        chosen = list(departments)
    ax = _axes(ax)
    for department in chosen:
        points = series.get(department, [])
        ax.plot([d for d, _ in points], [n for _, n in points], label=department, linewidth=1)
    ax.set_ylabel("waiting at midday")
    ax.set_title(title or "queues at the windows")
    ax.tick_params(axis="x", labelrotation=30, labelsize="small")
    if chosen:
        ax.legend(fontsize="small")
    return ax


def deltas(
    comparison: Comparison,
    *,
    metrics: Sequence[str] = RATE_METRICS,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """The mean delta (variant − baseline) of each metric with its range across seeds
    (error bars from the smallest to the largest delta); rates in percentage points."""
    table = {r["metric"]: r for r in comparison.table}
    for metric in metrics:
        if metric not in table:
            raise InvalidValue("metrics", metric, "not a key metric.", "不是关键指标。")
    ax = _axes(ax, (7.0, 0.45 * len(metrics) + 1.5))
    rates = all(m.endswith("_rate") for m in metrics)
    scale = 100.0 if rates else 1.0
    rows = [table[m] for m in metrics]
    means = [scale * (r["delta"] or 0.0) for r in rows]
    low = [scale * ((r["delta"] or 0.0) - (r["delta_min"] or 0.0)) for r in rows]
    high = [scale * ((r["delta_max"] or 0.0) - (r["delta"] or 0.0)) for r in rows]
    positions = list(range(len(rows)))
    ax.barh(positions, means, xerr=[low, high], capsize=4, alpha=0.8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(positions)
    ax.set_yticklabels(list(metrics))
    unit = "percentage points" if rates else "difference"
    ax.set_xlabel(
        f"{comparison.variant.scenario.name} − {comparison.baseline.scenario.name} ({unit})"
    )
    n = len(comparison.baseline.seeds)
    ax.set_title(title or f"deltas over {n} seeds (bars: mean; whiskers: min-max)")
    return ax


class ResultPlots:
    """The plots of one :class:`~shenpi.sim.SimulationResult` (``result.plot``)."""

    def __init__(self, result: SimulationResult) -> None:
        self.result = result

    def queues(self, **options: Any) -> Any:
        """:func:`queues`."""
        return queues(self.result, **options)

    def workdays(self, **options: Any) -> Any:
        """Working days used per department against the limits."""
        return supervision.workdays(self.result.cases, **options)

    def on_time(self, **options: Any) -> Any:
        """The on-time rate per month."""
        return supervision.on_time(self.result.cases, **options)

    def alerts(self, **options: Any) -> Any:
        """Warnings and alarms per department."""
        return supervision.alerts(self.result.departments, **options)

    def outside_hall(self, **options: Any) -> Any:
        """Decisions outside the hall per month."""
        return supervision.outside_hall(self.result.cases, **options)

    def findings(self, **options: Any) -> Any:
        """Findings per rule family (runs the rules once)."""
        return supervision.findings(self.result.report, **options)


class ComparisonPlots:
    """The plots of a :class:`~shenpi.sim.Comparison` (``comparison.plot``); cases are
    pooled over the seeds."""

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def _sides(self) -> dict[str, Table]:
        b, v = self.comparison.baseline, self.comparison.variant
        return {b.scenario.name: b.cases, v.scenario.name: v.cases}

    def deltas(self, **options: Any) -> Any:
        """:func:`deltas`."""
        return deltas(self.comparison, **options)

    def workdays(self, **options: Any) -> Any:
        """Working days used under both scenarios (``item_id=`` for one item)."""
        return supervision.workdays_histogram(self._sides(), **options)

    def on_time(self, **options: Any) -> Any:
        """The on-time rate per month under both scenarios."""
        return supervision.on_time(self._sides(), **options)

    def outside_hall(self, *, ax: Any = None, title: str | None = None) -> Any:
        """Decisions outside the hall per month under both scenarios (mean over the
        seeds)."""
        ax = _axes(ax)
        for side in (self.comparison.baseline, self.comparison.variant):
            months: dict[str, float] = defaultdict(float)
            for result in side.results:
                decided = result.cases.where(lambda r: r["decided_on"] is not None)
                for row in summarize(decided, "month"):
                    months[row["month"]] += row["decided_outside_hall"] / len(side.results)
            keys = sorted(months)
            ax.plot(keys, [months[k] for k in keys], marker="o", label=side.scenario.name)
        ax.set_ylabel("decisions outside the hall (mean per seed)")
        ax.set_xlabel("month of decision")
        ax.set_title(title or "decisions outside the hall")
        ax.tick_params(axis="x", labelrotation=60, labelsize="small")
        ax.legend(fontsize="small")
        return ax
