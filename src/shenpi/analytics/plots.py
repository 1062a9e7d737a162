"""Plots of the supervision analytics, with matplotlib (``pip install 'shenpi[analysis]'``).

Each function draws on ``ax`` (a new figure when ``None``) and returns the axes, so a
notebook can combine them. Labels are in English and ids, which every font can show.

- :func:`workdays`: working days used per department (or item) against the promised
  and statutory limits;
- :func:`workdays_histogram`: the distribution of working days used in one or several
  sets of cases (serial vs parallel approval, say), with the limits;
- :func:`on_time`: the on-time and overdue rates per month;
- :func:`outside_hall`: decisions made outside the hall per month (大厅之外无审批);
- :func:`alerts`: 预警 (warnings) and 报警 (alarms) per department;
- :func:`findings`: the rules' findings per family;
- :func:`complaint_handling`: working days taken to handle complaints, against the limit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from shenpi.analytics import Analysis, Table, family_summary, optional_module, summarize
from shenpi.errors import InvalidType
from shenpi.rules import Report

__all__ = [
    "BoundPlots",
    "alerts",
    "complaint_handling",
    "findings",
    "on_time",
    "outside_hall",
    "workdays",
    "workdays_histogram",
]


def _axes(ax: Any, size: tuple[float, float] = (7.0, 4.0)) -> Any:
    if ax is not None:
        return ax
    plt = optional_module("matplotlib.pyplot", "analysis")
    _, made = plt.subplots(figsize=size)
    return made


def _horizontal_boxes(ax: Any, data: list[list[float]], positions: list[int]) -> None:
    options: dict[str, Any] = {"positions": positions, "widths": 0.6, "showfliers": False}
    try:  # matplotlib >= 3.10 names the direction; ``vert`` is deprecated from 3.11
        ax.boxplot(data, orientation="horizontal", **options)
    except TypeError:
        ax.boxplot(data, vert=False, **options)


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def _groups(tables: Table | Mapping[str, Table]) -> dict[str, Table]:
    if isinstance(tables, Table):
        return {"cases": tables}
    if isinstance(tables, Mapping):
        return dict(tables)
    raise InvalidType("cases", tables, "expected a Table or a mapping of them.", "应为 Table。")


def workdays(
    cases: Table,
    *,
    by: str = "department_id",
    top: int = 12,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Box plots of the working days used per group (the ``top`` groups with the most
    finished cases), with each group's median promised limit (``|`` marker) and
    statutory limit (``x``) in working days.

    ``cases`` is a table of :data:`~shenpi.analytics.CASE_COLUMNS`.
    """
    used: dict[Any, list[float]] = defaultdict(list)
    promised: dict[Any, list[float]] = defaultdict(list)
    statutory: dict[Any, list[float]] = defaultdict(list)
    for row in cases:
        if row["workdays_used"] is None or row["punctuality"] is None:
            continue
        key = row[by]
        used[key].append(row["workdays_used"])
        if row["promised_total"] is not None and "working" in (row["promised_limit"] or ""):
            promised[key].append(row["promised_total"])
        if row["statutory_total"] is not None and "working" in (row["statutory_limit"] or ""):
            statutory[key].append(row["statutory_total"])
    keys = sorted(used, key=lambda k: (-len(used[k]), str(k)))[:top]
    keys.reverse()
    ax = _axes(ax, (7.0, 0.35 * len(keys) + 1.5))
    if not keys:
        ax.set_title(title or "working days used (no finished cases)")
        return ax
    positions = list(range(1, len(keys) + 1))
    _horizontal_boxes(ax, [used[k] for k in keys], positions)
    for marker, source, label in (("|", promised, "promised"), ("x", statutory, "statutory")):
        points = [(_median(source[k]), p) for k, p in zip(keys, positions, strict=True)]
        shown = [(x, y) for x, y in points if x is not None]
        if shown:
            ax.scatter(
                [x for x, _ in shown],
                [y for _, y in shown],
                marker=marker,
                s=80,
                label=f"{label} limit",
                zorder=3,
            )
    ax.set_yticks(positions)
    ax.set_yticklabels([str(k) for k in keys])
    ax.set_xlabel("working days used (acceptance to decision)")
    ax.set_title(title or f"working days used by {by}")
    ax.legend(loc="lower right", fontsize="small")
    return ax


def workdays_histogram(
    cases: Table | Mapping[str, Table],
    *,
    item_id: str | None = None,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Histograms of the working days used, one per labelled table (``{"serial": ...,
    "parallel": ...}``), restricted to ``item_id`` if given, with vertical lines at the
    promised and statutory limits shared by the cases."""
    groups = _groups(cases)
    ax = _axes(ax)
    values: dict[str, list[float]] = {}
    promised: set[Any] = set()
    statutory: set[Any] = set()
    for label, table in groups.items():
        found = []
        for row in table:
            if item_id is not None and row["item_id"] != item_id:
                continue
            if row["workdays_used"] is None or row["punctuality"] is None:
                continue
            found.append(row["workdays_used"])
            if not row["extended"]:
                promised.add(row["promised_total"])
                statutory.add(row["statutory_total"])
        values[label] = found
    top = max([max(v) for v in values.values() if v] + [1])
    bins = list(range(int(top) + 2))
    for label, found in values.items():
        ax.hist(found, bins=bins, alpha=0.55, label=f"{label} (n={len(found)})")
    for limits, style, name in ((promised, "--", "promised"), (statutory, ":", "statutory")):
        limits.discard(None)
        if len(limits) == 1:
            (limit,) = limits
            ax.axvline(limit, linestyle=style, color="black", label=f"{name} limit ({limit})")
    ax.set_xlabel("working days used (acceptance to decision)")
    ax.set_ylabel("cases")
    ax.set_title(title or (f"working days used: {item_id}" if item_id else "working days used"))
    ax.legend(fontsize="small")
    return ax


def on_time(
    cases: Table | Mapping[str, Table],
    *,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """The on-time rate (按时办结率) per month of decision, one line per labelled table."""

    def percent(rows: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
        rated = [r for r in rows if r["on_time_rate"] is not None]
        return [r["month"] for r in rated], [100 * r["on_time_rate"] for r in rated]

    return _monthly(cases, percent, ax, "on time (%)", title or "on-time rate over time")


def outside_hall(
    cases: Table | Mapping[str, Table],
    *,
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Decisions made outside the hall and its sub-centers (HALL001) per month of
    decision, one line per labelled table."""

    def counts(rows: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
        return [r["month"] for r in rows], [r["decided_outside_hall"] for r in rows]

    label = "decisions outside the hall"
    return _monthly(cases, counts, ax, label, title or label)


def _monthly(
    cases: Table | Mapping[str, Table],
    points: Callable[[list[dict[str, Any]]], tuple[list[Any], list[Any]]],
    ax: Any,
    ylabel: str,
    title: str,
) -> Any:
    """One line per labelled table of ``points`` (x and y) from its per-month summary of
    decided cases."""
    groups = _groups(cases)
    ax = _axes(ax)
    for label, table in groups.items():
        months = summarize(table.where(lambda r: r["decided_on"] is not None), "month")
        xs, ys = points(list(months))
        ax.plot(xs, ys, marker="o", label=label)
    ax.set_ylabel(ylabel)
    ax.set_xlabel("month of decision")
    ax.set_title(title)
    ax.tick_params(axis="x", labelrotation=60, labelsize="small")
    if len(groups) > 1:
        ax.legend(fontsize="small")
    return ax


def alerts(departments: Table, *, top: int = 12, ax: Any = None, title: str | None = None) -> Any:
    """Cases that reached 预警 (warning) and 报警 (alarm) per department, stacked, for the
    ``top`` departments with the most; ``departments`` is a :func:`summarize` table."""
    rows = sorted(departments, key=lambda r: (-r["warnings"], str(r["department_id"])))[:top]
    ax = _axes(ax)
    names = [str(r["department_id"]) for r in rows]
    alarms = [r["alarms"] for r in rows]
    warnings_only = [r["warnings"] - r["alarms"] for r in rows]
    ax.bar(names, alarms, label="alarm (past the promise)")
    ax.bar(names, warnings_only, bottom=alarms, label="warning only (4/5 of the promise used)")
    ax.set_ylabel("cases")
    ax.set_title(title or "alerts per department")
    ax.tick_params(axis="x", labelrotation=60, labelsize="small")
    ax.legend(fontsize="small")
    return ax


def findings(report: Report | Table, *, ax: Any = None, title: str | None = None) -> Any:
    """The rules' findings per family, errors and warnings stacked (a
    :class:`~shenpi.rules.Report` or a :func:`family_summary` table with ``by=None``)."""
    table = family_summary(report, by=None) if isinstance(report, Report) else report
    ax = _axes(ax)
    names = [r["family"] for r in table]
    errors = [r["error"] for r in table]
    warnings_ = [r["warning"] + r["info"] for r in table]
    ax.bar(names, errors, label="error")
    ax.bar(names, warnings_, bottom=errors, label="warning / info")
    ax.set_ylabel("findings")
    ax.set_title(title or "findings per rule family")
    ax.legend(fontsize="small")
    return ax


def complaint_handling(
    complaints: Table, *, limit: int = 5, ax: Any = None, title: str | None = None
) -> Any:
    """Working days taken to handle each complaint, with the limit (SUP001: 5 by default)."""
    took = [r["workdays_to_handle"] for r in complaints if r["workdays_to_handle"] is not None]
    ax = _axes(ax)
    top = max([*took, limit]) + 2
    ax.hist(took, bins=list(range(top)), alpha=0.7)
    ax.axvline(limit + 0.5, linestyle="--", color="black", label=f"limit ({limit} working days)")
    ax.set_xlabel("working days to handle")
    ax.set_ylabel("complaints")
    ax.set_title(title or f"complaints handled ({len(took)})")
    ax.legend(fontsize="small")
    return ax


class BoundPlots:
    """The plots of one :class:`~shenpi.analytics.Analysis` (``analysis.plot``)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis

    def workdays(self, **options: Any) -> Any:
        """:func:`workdays` of the analysis's cases."""
        return workdays(self.analysis.cases, **options)

    def on_time(self, **options: Any) -> Any:
        """:func:`on_time` of the analysis's cases."""
        return on_time(self.analysis.cases, **options)

    def outside_hall(self, **options: Any) -> Any:
        """:func:`outside_hall` of the analysis's cases."""
        return outside_hall(self.analysis.cases, **options)

    def alerts(self, **options: Any) -> Any:
        """:func:`alerts` per department."""
        return alerts(self.analysis.departments, **options)

    def findings(self, **options: Any) -> Any:
        """:func:`findings` of the analysis's report (needs one)."""
        report = self.analysis.report
        return findings(report if report is not None else Report(()), **options)

    def complaints(self, **options: Any) -> Any:
        """:func:`complaint_handling` of the analysis's complaints."""
        return complaint_handling(self.analysis.complaints, **options)
