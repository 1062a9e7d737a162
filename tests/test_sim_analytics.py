"""shenpi.analytics: supervision tables over real histories agree with shenpi.supervision
and the rules; tables convert to DataFrames; the plots draw."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

import pytest

from shenpi.analytics import (
    CASE_COLUMNS,
    SUMMARY_COLUMNS,
    Analysis,
    Table,
    analyze,
    complaint_summary,
    family_summary,
    percentile,
    summarize,
)
from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidValue, MissingDependency
from shenpi.examples import load_example_city
from shenpi.supervision import efficiency
from shenpi.timeline import Timeline
from shenpi.timing import completion

AS_OF = dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(load_example_city(), as_of=AS_OF)


def test_the_overall_rates_are_those_of_electronic_supervision(analysis: Analysis) -> None:
    cal = WorkCalendar.official()
    city = analysis.world
    done = []
    for application in city.applications:
        decision = application.decision
        line = Timeline.of(application, city, as_of=AS_OF, calendar=cal)
        statutory = None if line.statutory is None else line.statutory.clock
        if decision is None or statutory is None or decision.on < statutory.started:
            continue
        promised = None if line.promised is None else line.promised.clock
        done.append(completion(decision.on, statutory=statutory, promised=promised))
    expected = efficiency(done)
    overall = analysis.overall()
    assert overall["finished"] == expected.finished
    for name, exact in (
        ("on_time_rate", expected.on_time_rate),
        ("overdue_rate", expected.overdue_rate),
        ("mean_workdays", expected.mean_workdays_used),
    ):
        assert exact is not None
        assert overall[name] == pytest.approx(float(exact))


def test_late_cases_and_alerts_agree_with_the_rules(analysis: Analysis) -> None:
    report = analysis.report
    assert report is not None
    by_case = {r["id"]: r for r in analysis.cases}
    late_law = {f.subject.id for f in report.filter(code="TIME004")}
    late_promise = {f.subject.id for f in report.filter(code="TIME003")}
    assert late_law == {k for k, r in by_case.items() if r["punctuality"] == "late_against_law"}
    assert late_promise == {
        k for k, r in by_case.items() if r["punctuality"] == "late_against_promise"
    }
    for row in by_case.values():
        if row["punctuality"] in ("late_against_promise", "late_against_law"):
            assert row["alert"] in ("warning", "alarm", "statutory_breach")


def test_decisions_outside_the_hall_are_those_hall001_reports(analysis: Analysis) -> None:
    assert analysis.report is not None
    reported = {f.subject.id for f in analysis.report.filter(code="HALL001")}
    outside = {r["id"] for r in analysis.cases if r["decided_inside_hall"] is False}
    assert outside == reported


def test_late_complaints_are_those_sup001_reports(analysis: Analysis) -> None:
    assert analysis.report is not None
    reported = {f.subject.id for f in analysis.report.filter(code="SUP001")}
    assert {r["id"] for r in analysis.complaints if r["late"]} == reported
    table = complaint_summary(analysis.complaints)
    assert sum(table.column("complaints")) == len(analysis.world.complaints)


def test_summaries_add_up(analysis: Analysis) -> None:
    departments = analysis.departments
    assert departments.columns[: 1 + len(SUMMARY_COLUMNS)] == ("department_id", *SUMMARY_COLUMNS)
    assert sum(departments.column("cases")) == len(analysis.world.applications)
    assert sum(departments.column("findings")) == len(analysis.report or ())
    items = analysis.items
    assert sum(items.column("cases")) == len(analysis.world.applications)
    months = analysis.months
    assert sum(months.column("finished")) == analysis.overall()["finished"]
    assert list(months.column("month")) == sorted(months.column("month"))


def test_findings_per_family_count_the_report(analysis: Analysis) -> None:
    assert analysis.report is not None
    families = family_summary(analysis.report, by=None)
    counts: Counter[str] = Counter()
    for code, n in analysis.report.counts().items():
        counts[code.rstrip("0123456789")] += n
    assert dict(zip(families.column("family"), families.column("findings"), strict=True)) == counts
    per_department = family_summary(analysis.report)
    assert sum(per_department.column("findings")) == len(analysis.report)


def test_tables_convert_to_dataframes_and_html(analysis: Analysis) -> None:
    frame = analysis.cases.to_pandas()
    assert list(frame.columns) == list(CASE_COLUMNS)
    assert len(frame) == len(analysis.world.applications)
    departments = analysis.departments.to_pandas()
    assert departments["on_time_rate"].dtype.kind == "f"
    assert "<table>" in analysis.departments._repr_html_()
    assert "on time" in analysis._repr_html_()
    assert analysis.cases.to_records()[0]["id"] == analysis.world.applications[0].id


def test_table_basics() -> None:
    table = Table(("a", "b"), [(1, None), (3, 2.5), (2, 1.0)], "t")
    assert table.sorted_by("b").column("a") == (2, 3, 1)
    assert table.where(lambda r: r["a"] > 1).column("a") == (3, 2)
    assert table.head(1).rows == ((1, None),)
    assert "a  b" in table.to_text()
    with pytest.raises(InvalidValue) as raised:
        table.column("c")
    assert raised.value.field == "column"
    with pytest.raises(InvalidValue):
        Table(("a",), [(1, 2)])
    with pytest.raises(InvalidValue):
        Table(("a", "a"), [])


def test_percentiles_are_nearest_rank() -> None:
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([5], 90) == 5
    assert percentile(list(range(1, 101)), 90) == 90


def test_summarize_with_no_key_is_one_row(analysis: Analysis) -> None:
    one = summarize(analysis.cases, ())
    assert len(one) == 1
    assert one.column("cases") == (len(analysis.world.applications),)
    empty = summarize(Table(CASE_COLUMNS, []), ())
    assert empty.column("finished") == (0,)
    assert empty.column("on_time_rate") == (None,)


def test_dataframes_need_the_analysis_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependency) as raised:
        Table(("a",), [(1,)]).to_pandas()
    assert "shenpi[analysis]" in (raised.value.hint or "")


def test_the_plots_draw(analysis: Analysis) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from shenpi.analytics import plots, summarize

    try:
        for axes in (
            analysis.plot.workdays(),
            analysis.plot.on_time(),
            analysis.plot.alerts(),
            analysis.plot.findings(),
            analysis.plot.complaints(),
            plots.workdays_histogram({"all": analysis.cases}, item_id="scj-010"),
            plots.workdays(analysis.cases, by="item_id", top=5),
        ):
            assert axes.get_title()
        # The monthly lines plot the per-month summary of the decided cases.
        decided = analysis.cases.where(lambda r: r["decided_on"] is not None)
        months = list(summarize(decided, "month"))
        (line,) = plots.outside_hall(analysis.cases).get_lines()
        assert list(line.get_ydata()) == [r["decided_outside_hall"] for r in months]
        (line,) = plots.on_time({"a": analysis.cases}).get_lines()
        rated = [r for r in months if r["on_time_rate"] is not None]
        assert list(line.get_xdata()) == [r["month"] for r in rated]
        assert list(line.get_ydata()) == [100 * r["on_time_rate"] for r in rated]
    finally:
        plt.close("all")
