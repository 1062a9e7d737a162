"""shenpi.sim: scenarios are data, runs are reproducible, simulated worlds are real worlds.

The invariants: every simulated case is a valid Application built by the model's own
constructors, its events in order and its official acts on working days; the rules find
in a simulated world exactly what the scenario put there on purpose; the supervision
metrics of a simulated world are those recomputed from its histories; a scenario
compared with itself has every delta 0.
"""

from __future__ import annotations

import datetime as dt
import decimal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shenpi import io
from shenpi.applications import (
    Decided,
    Extended,
    Resumed,
    Submitted,
    Supplemented,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue, MissingDependency, ShenpiError
from shenpi.fees import AmountRule, FeeSchedule, FeeStandard, RuleKind
from shenpi.items import (
    Catalogue,
    CatalogueChange,
    ChangeKind,
    HandlingType,
    Item,
    ItemKind,
    LegalBasis,
    LegalLevel,
    Material,
    Publication,
)
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import (
    ApprovalOffice,
    Department,
    Hall,
    Official,
    Role,
    ServiceSite,
    SiteKind,
    Window,
)
from shenpi.reform import SEED_PLAN, AcceptanceCheck, AcceptancePoint
from shenpi.rules import Report, check
from shenpi.seals import Seal, SealKind
from shenpi.sim import (
    ApprovalMode,
    Arrivals,
    Duration,
    ExtensionPolicy,
    Policies,
    Processing,
    ReformSchedule,
    Scenario,
    Staffing,
    backdate,
    compare,
    simulate,
)
from shenpi.supervision import Efficiency
from shenpi.timeline import Timeline
from shenpi.timing import Punctuality, TimeLimit

CAL = WorkCalendar.official()
START, END = dt.date(2025, 3, 3), dt.date(2025, 4, 30)
ENTERED = dt.date(2008, 12, 5)


# ------------------------------------------------------------------ a clean world
def _item(
    item_id: str, department: str, statutory: TimeLimit, promised: TimeLimit, **kw: Any
) -> Item:
    return Item(
        item_id,
        f"XK-{item_id}",
        f"事项{item_id}",
        ItemKind.LICENSING,
        department,
        [LegalBasis(LegalLevel.LAW, "中华人民共和国行政许可法", "第十二条")],
        statutory_limit=statutory,
        promised_limit=promised,
        materials=[Material("申请书"), Material("身份证明")],
        conditions=["符合法定条件"],
        procedure=("受理", "审查", "决定", "送达"),
        **kw,
    )


def clean_world() -> Jurisdiction:
    """Four departments in the hall since 2008, a joint item across them, no finding."""
    departments = ("D1", "D2", "D3", "D4")
    officials, offices, letters, seals, windows = [], [], [], [], []
    for n, d in enumerate(departments, start=1):
        officials += [
            Official(f"{d}.head", f"局长{n}", d, Role.HEAD),
            Official(f"{d}.director", f"主任{n}", d, Role.OFFICE_DIRECTOR, unit_id=f"{d}.office"),
            Official(f"{d}.clerk", f"科员{n}", d, Role.WINDOW_STAFF, unit_id=f"{d}.office"),
        ]
        offices.append(
            ApprovalOffice(
                f"{d}.office",
                d,
                f"部门{n}行政审批办公室",
                f"{d}.director",
                dt.date(2008, 11, 20),
                ENTERED,
                ENTERED,
                ENTERED,
            )
        )
        letters.append(
            AuthorizationLetter(f"{d}.letter", d, f"{d}.head", f"{d}.director", ENTERED, ENTERED)
        )
        seals.append(
            Seal(f"{d}.seal", d, SealKind.DEDICATED_APPROVAL, f"部门{n}专用章", "", ENTERED)
        )
        windows.append(Window(f"W{n}", "S0", d, f"{n} 号窗口", dt.date(2008, 11, 30)))
    items = [
        _item(
            "I1",
            "D1",
            TimeLimit.workdays(20),
            TimeLimit.workdays(10),
            online=True,
            on_site_visits=0,
        ),
        _item(
            "I2", "D2", TimeLimit.workdays(20), TimeLimit.workdays(15), fee_schedule_id="D2.fees"
        ),
        _item("I3", "D3", TimeLimit.natural_days(30), TimeLimit.natural_days(20)),
        _item(
            "I4", "D4", TimeLimit.workdays(20), TimeLimit.hours(1), handling=HandlingType.INSTANT
        ),
        _item(
            "J1",
            "D1",
            TimeLimit.workdays(45),
            TimeLimit.workdays(25),
            joint=True,
            lead_department_id="D1",
            co_department_ids=("D2", "D3", "D4"),
        ),
    ]
    fee = FeeStandard(
        "D2.fee1",
        "证书工本费",
        [LegalBasis(LegalLevel.ADMINISTRATIVE_REGULATION, "某条例", "第九条")],
        AmountRule(RuleKind.FIXED, amount=decimal.Decimal("10")),
    )
    return Jurisdiction(
        "某市",
        Hall(
            "H",
            "某市行政服务中心",
            [ServiceSite("S0", "某市行政服务中心", SiteKind.MAIN_HALL)],
            windows,
        ),
        departments=[
            Department(d, f"部门{d}", head_id=f"{d}.head", fee_powers=d == "D2")
            for d in departments
        ],
        offices=offices,
        officials=officials,
        catalogues=[
            Catalogue(
                1, dt.date(2008, 12, 10), items, [Publication(dt.date(2008, 12, 1), "政府网站")]
            )
        ],
        letters=letters,
        seals=seals,
        fee_schedules=[FeeSchedule("D2.fees", "D2", [fee])],
        reform_plan=SEED_PLAN,
        acceptance_checks=[
            AcceptanceCheck(d, dt.date(2008, 12, 20), tuple(AcceptancePoint)) for d in departments
        ],
    )


WORLD = clean_world()
RATES = {"I1": 600.0, "I2": 400.0, "I3": 300.0, "I4": 500.0, "J1": 300.0}
# Generous: no queues, and no step takes longer than its promise (so none can pass the law).
GENEROUS = Processing(
    review=Duration.of_promise(0.4, 0.5, maximum=0.8),
    opinion=Duration.of_promise(0.3, 0.5, maximum=0.8),
    decision=Duration.workdays(0.5, 0.5, maximum=1),
)
CALM = Policies(complaint_handling=Duration.workdays(2, 0.4, maximum=4))


def scenario(**changes: Any) -> Scenario:
    base = Scenario(WORLD, START, END, Arrivals(RATES), default_processing=GENEROUS, policies=CALM)
    return attrs.evolve(base, **changes)


def case_findings(report: Report) -> Counter[str]:
    return Counter(f.code for f in report if f.subject.kind in ("application", "complaint"))


def test_the_clean_world_breaks_no_rule() -> None:
    assert len(check(WORLD, as_of=dt.date(2025, 12, 31))) == 0


# ------------------------------------------------------------------ what the rules see
def test_a_clean_scenario_with_generous_capacity_has_no_error_findings() -> None:
    result = simulate(scenario(), seed=3)
    report = result.check()
    assert len(result.world.applications) > 200
    assert report.ok, report.errors[:3]
    assert case_findings(report) == result.expected_findings()
    assert set(result.expected_findings()) <= {"TIME003"}  # late against the promise only


def test_an_outside_share_yields_exactly_its_findings() -> None:
    result = simulate(scenario().with_policies(outside_share=0.2), seed=5)
    report = result.check()
    outside = result.labels["outside_hall"]
    assert len(outside) > 20
    assert Counter(f.subject.id for f in report.filter(code="HALL001")) == Counter(outside)
    assert Counter(f.subject.id for f in report.filter(code="HALL002")) == Counter(
        result.labels.get("fee_outside_hall", ())
    )
    assert case_findings(report) == result.expected_findings()
    assert {f.code for f in report.errors} == {"HALL001", "HALL002"}


def test_a_department_entering_late_decides_outside_the_hall_until_it_enters() -> None:
    entry = dt.date(2025, 4, 1)
    late = scenario(schedule=ReformSchedule({"D2": entry}), start=dt.date(2025, 3, 3))
    result = simulate(late, seed=2)
    report = result.check()
    assert case_findings(report) == result.expected_findings()
    outside = set(result.labels["outside_hall"])
    for application in result.world.applications:
        decision = application.decision
        if decision is None or decision.department_id != "D2":
            continue
        assert (application.id in outside) == (
            application.submitted_on < entry or decision.on < entry
        )
    assert {f.subject.id for f in report.filter(code="REFORM001")} == {"D2"}
    office = result.world.office_of("D2")
    assert office is not None
    assert office.institution_entered_on == entry
    window = result.world.window("W2")
    assert window is not None
    assert window.opened_on == entry


def test_the_example_city_simulates_with_only_its_planted_and_inherited_findings(
    city_scenario: Scenario,
) -> None:
    result = simulate(city_scenario, seed=1)
    report = result.check()
    reference = check(result.world.with_applications([]), as_of=result.as_of)
    world_findings = Counter(
        f.code for f in report if f.subject.kind not in ("application", "complaint")
    )
    assert world_findings == Counter(f.code for f in reference if f.subject.kind != "complaint")
    assert case_findings(report) == result.expected_findings()


@pytest.fixture(scope="module")
def city_scenario() -> Scenario:
    return Scenario.example_city(
        start=dt.date(2025, 6, 2), end=dt.date(2025, 7, 31), cases_per_year=6000
    )


# ------------------------------------------------------------------ reproducible
def test_the_same_scenario_and_seed_give_identical_histories() -> None:
    a, b = simulate(scenario(), seed=11), simulate(scenario(), seed=11)
    assert a.world.applications == b.world.applications
    assert a.world.complaints == b.world.complaints
    assert a.queues == b.queues
    assert a.sim == b.sim
    assert simulate(scenario(), seed=12).world.applications != a.world.applications


def test_serial_and_parallel_runs_share_their_cases_and_draws() -> None:
    parallel = simulate(scenario(), seed=4)
    serial = simulate(scenario().with_policies(approval=ApprovalMode.SERIAL), seed=4)
    assert [a.id for a in parallel.world.applications] == [a.id for a in serial.world.applications]
    same = [(a.item_ids, a.submitted_on) for a in parallel.world.applications] == [
        (a.item_ids, a.submitted_on) for a in serial.world.applications
    ]
    assert same


def test_serial_approval_of_a_four_department_item_takes_longer_than_parallel() -> None:
    results = {}
    for mode in ApprovalMode:
        run = simulate(scenario().with_policies(approval=mode), seed=8)
        used = [
            r["workdays_used"]
            for r in run.cases
            if r["item_id"] == "J1" and r["workdays_used"] is not None
        ]
        results[mode] = sum(used) / len(used)
    assert results[ApprovalMode.SERIAL] > 1.5 * results[ApprovalMode.PARALLEL]


def test_compare_a_scenario_with_itself_gives_zero_deltas() -> None:
    comparison = compare(scenario(), scenario(), seeds=2)
    for row in comparison.table:
        if row["delta"] is not None:
            assert (row["delta"], row["delta_sd"]) == (0, 0), row
    assert comparison.baseline.seeds == (0, 1)


def test_compare_reports_the_spread_across_seeds() -> None:
    tight = scenario(staffing={"D1": Staffing(windows=1, reviewers=1)}).named("tight")
    comparison = compare(scenario().named("base"), tight, seeds=[1, 2, 3])
    row = next(r for r in comparison.table if r["metric"] == "mean_window_wait_hours")
    assert row["delta"] > 0
    assert row["delta_min"] <= row["delta"] <= row["delta_max"]
    assert len(comparison.deltas("on_time_rate")) == 3
    assert "tight vs base" in comparison.table.title


# ------------------------------------------------------------------ properties
_NOT_OFFICIAL = (Submitted, Supplemented)


@settings(max_examples=25)
@given(
    seed=st.integers(0, 2**32 - 1),
    scale=st.floats(0.05, 0.3),
    approval=st.sampled_from(ApprovalMode),
    outside=st.sampled_from((0.0, 0.1)),
    suspension=st.sampled_from((0.0, 0.3)),
    supplement=st.sampled_from((0.0, 0.3)),
    reviewers=st.sampled_from((None, 1, 2)),
    windows=st.sampled_from((None, 1)),
)
def test_every_simulated_case_is_a_valid_history_the_rules_and_metrics_agree_on(
    seed: int,
    scale: float,
    approval: ApprovalMode,
    outside: float,
    suspension: float,
    supplement: float,
    reviewers: int | None,
    windows: int | None,
) -> None:
    chosen = Scenario(
        WORLD,
        dt.date(2025, 5, 6),
        dt.date(2025, 6, 20),
        Arrivals(RATES).scaled(sum(RATES.values()) * scale * 4),
        default_staffing=Staffing(windows=windows, reviewers=reviewers),
        policies=Policies(
            approval=approval,
            outside_share=outside,
            suspension_share=suspension,
            supplement_share=supplement,
        ),
    )
    result = simulate(chosen, seed=seed)
    for application in result.world.applications:
        days = [e.on for e in application.events]
        assert days == sorted(days)
        for event in application.events:
            if not isinstance(event, _NOT_OFFICIAL):
                assert CAL.is_workday(event.on), (application.id, event)
        if isinstance(application.events[0], Submitted) and application.channel.value == "window":
            assert CAL.is_workday(application.submitted_on)
    assert case_findings(result.check()) == result.expected_findings()
    # The metrics of the run are those recomputed from the histories alone, each case
    # read by its timeline; a decision's punctuality is what its labels say.
    counts: Counter[Punctuality] = Counter()
    policy = chosen.policies.time
    late_law, late_promise = (
        set(result.labels.get("late_law", ())),
        set(result.labels.get("late_promise", ())),
    )
    for application in result.world.applications:
        decision = application.decision
        if decision is None:
            continue
        line = Timeline.of(
            application, result.world, as_of=result.as_of, calendar=CAL, policy=policy
        )
        judged = next(d for d in line.decisions if d.event is decision)
        assert judged.punctuality is not None, application.id
        counts[judged.punctuality] += 1
        assert (judged.punctuality is Punctuality.LATE_AGAINST_LAW) == (application.id in late_law)
        assert (judged.punctuality is Punctuality.LATE_AGAINST_PROMISE) == (
            application.id in late_promise
        )
    expected = Efficiency(
        finished=sum(counts.values()),
        early=counts[Punctuality.EARLY],
        on_due_day=counts[Punctuality.ON_DUE_DAY],
        late_against_promise=counts[Punctuality.LATE_AGAINST_PROMISE],
        late_against_law=counts[Punctuality.LATE_AGAINST_LAW],
        mean_workdays_used=None,
    )
    metrics = result.metrics()
    assert metrics["cases"] == len(result.world.applications)
    for name in ("on_time_rate", "early_rate", "overdue_rate", "statutory_overdue_rate"):
        exact: Fraction | None = getattr(expected, name)
        assert metrics[name] == (None if exact is None else pytest.approx(float(exact)))


def test_a_simulated_world_round_trips_through_io_with_its_metrics(tmp_path: Path) -> None:
    result = simulate(scenario().with_policies(suspension_share=0.3), seed=9)
    io.dump_reference(result.world, tmp_path / "reference.json")
    io.dump_applications(result.world.applications, tmp_path / "cases.jsonl")
    loaded = io.load_reference(tmp_path / "reference.json").with_applications(
        io.iter_applications(tmp_path / "cases.jsonl")
    )
    assert loaded.applications == result.world.applications
    again = type(result)(
        result.scenario, result.seed, loaded, result.as_of, result.sim, result.queues, result.labels
    )
    assert again.metrics() == result.metrics()
    assert check(loaded, as_of=result.as_of) == result.check()


def test_extensions_are_granted_on_the_statutory_due_day_when_the_policy_says_so() -> None:
    slow = Processing(review=Duration.of_promise(2.2, 0.2))  # beyond the 20-day law
    result = simulate(scenario(default_processing=slow, arrivals=Arrivals({"I1": 400.0})), seed=1)
    extended = [a for a in result.world.applications if a.last(Extended) is not None]
    assert extended
    for application in extended:
        line = Timeline.of(application, result.world, as_of=result.as_of, calendar=CAL)
        event = application.last(Extended)
        index = application.events.index(event)
        assert event.by == TimeLimit.workdays(10)
        assert event.approved_by == "D1.head"
        step = line.step(index)
        assert step is not None
        assert step.faults == ()
        assert step.credit == 10
        # On the statutory due day of the case as it stood without the extension.
        before = attrs.evolve(
            application, events=tuple(e for e in application.events if e is not event)
        )
        without = Timeline.of(before, result.world, as_of=result.as_of, calendar=CAL)
        assert without.statutory is not None
        assert without.statutory.due is not None
        assert event.on == without.statutory.due.on
        closed = application.last(Decided) or application.last(Withdrawn)
        assert closed.on > event.on
    never = simulate(
        scenario(default_processing=slow, arrivals=Arrivals({"I1": 400.0})).with_policies(
            extension=ExtensionPolicy.NEVER
        ),
        seed=1,
    )
    assert all(a.last(Extended) is None for a in never.world.applications)
    assert len(never.labels["late_law"]) > len(result.labels.get("late_law", ()))


def test_a_late_intake_answer_is_judged_from_the_day_of_receipt_as_the_rules_judge_it() -> None:
    # One window and slow intake: answers come after 5 working days (行政许可法 art. 32 (4)).
    slow = attrs.evolve(GENEROUS, intake=Duration.hours(3, 0.5))
    busy = scenario(default_processing=slow, default_staffing=Staffing(windows=1))
    result = simulate(busy.with_policies(supplement_share=0.5, suspension_share=0.3), seed=0)
    assert case_findings(result.check()) == result.expected_findings()
    late = set(result.labels["late_intake"])
    assert len(late) > 20
    for application in result.world.applications:
        line = Timeline.of(application, result.world, as_of=result.as_of, calendar=CAL)
        assert line.deemed == (application.id in late)
        if line.deemed:
            assert line.accepted is not None
            assert line.accepted.on == application.submitted_on
    # Their periods ran from receipt, so some are late against the promise or the law too.
    lateness = set(result.labels.get("late_promise", ())) | set(result.labels.get("late_law", ()))
    assert late & lateness


def test_a_case_accepted_after_its_item_was_cancelled_carries_the_catalogue_label() -> None:
    cancelled_on = dt.date(2025, 4, 1)
    version = WORLD.catalogues[-1].apply(
        [CatalogueChange(ChangeKind.CANCEL, "I2", "国务院关于取消一批行政许可事项的决定")],
        effective_on=cancelled_on,
        publications=[Publication(dt.date(2025, 3, 20), "政府网站")],
    )
    world = attrs.evolve(WORLD, catalogues=[*WORLD.catalogues, version])
    chosen = scenario(world=world, arrivals=Arrivals({"I2": 2000.0})).with_policies(
        supplement_share=0.8, supplement_return=Duration.natural_days(14, 0.5)
    )
    result = simulate(chosen, seed=3)
    assert case_findings(result.check()) == result.expected_findings()
    labelled = result.labels["withdrawn_item_accepted"]
    assert labelled
    for application in result.world.applications:
        if application.id in labelled:
            assert application.submitted_on < cancelled_on <= application.accepted_on


def test_suspensions_are_art_45_procedures_resumed_before_the_decision() -> None:
    result = simulate(scenario().with_policies(suspension_share=1.0), seed=6)
    suspended = [a for a in result.world.applications if a.first(Suspended) is not None]
    assert suspended
    for application in suspended:
        stop, resume = application.first(Suspended), application.first(Resumed)
        assert stop.reason is not None
        assert stop.basis == "行政许可法 第四十五条"  # the legal basis only
        assert stop.reason.label_zh in stop.note
        closed = application.last(Decided) or application.last(Withdrawn)
        assert resume is not None
        assert stop.on < resume.on <= closed.on


def test_promised_limits_of_the_scenario_are_the_catalogues_of_its_world() -> None:
    result = simulate(
        scenario().with_policies(promised_limits={"I1": TimeLimit.workdays(3)}), seed=2
    )
    item = result.world.item("I1")
    assert item is not None
    assert item.promised_limit == TimeLimit.workdays(3)
    report = result.check()
    assert case_findings(report) == result.expected_findings()
    assert result.labels["late_promise"]


# ------------------------------------------------------------------ refused
@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Policies(outside_share=1.5), "outside_share"),
        (lambda: Policies(supplement_share="a lot"), "supplement_share"),
        (lambda: Duration.workdays(-1), "median"),
        (lambda: Duration.workdays(5, maximum=2), "maximum"),
        (lambda: Staffing(windows=0), "windows"),
        (lambda: Arrivals({"I1": -3.0}), "rates['I1']"),
        (lambda: scenario(arrivals=Arrivals({"NOPE": 1.0})), "arrivals.rates['NOPE']"),
        (lambda: scenario(staffing={"D9": Staffing()}), "staffing['D9']"),
        (lambda: scenario(start=dt.date(2008, 1, 1)), "start"),
        (lambda: scenario(end=dt.date(2025, 1, 1)), "end"),
        (lambda: Processing(intake=Duration.workdays(1)), "intake"),
        (lambda: ReformSchedule({"D1": "2008-12-01"}), "entries['D1']"),
    ],
)
def test_bad_scenario_data_is_refused_naming_the_field(make: Callable[[], Any], field: str) -> None:
    with pytest.raises(ShenpiError) as raised:
        make()
    assert raised.value.field == field
    assert isinstance(raised.value, (InvalidValue, InvalidType))


def test_a_horizon_before_the_catalogue_says_how_to_date_the_world_back() -> None:
    with pytest.raises(InvalidValue) as raised:
        scenario(start=dt.date(2008, 1, 2))
    assert "backdate" in (raised.value.hint or "")


def test_seeds_must_be_whole_and_not_negative() -> None:
    with pytest.raises(InvalidValue):
        simulate(scenario(), seed=-1)


def test_simulating_past_the_calendar_data_names_the_fix() -> None:
    late = scenario(start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 20))
    with pytest.raises(ShenpiError) as raised:
        simulate(late)
    assert "statutory" in (raised.value.hint or "")
    provisional = attrs.evolve(
        late, end=dt.date(2026, 12, 31), calendar=WorkCalendar.official(unannounced="statutory")
    )
    assert simulate(provisional).as_of > dt.date(2027, 1, 4)


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "simpy", None)
    with pytest.raises(MissingDependency) as raised:
        simulate(scenario())
    assert raised.value.field == "simpy"
    assert "shenpi[sim]" in (raised.value.hint or "")


def test_importing_the_simulation_imports_no_heavy_dependency() -> None:
    code = (
        "import sys, shenpi.sim, shenpi.analytics\n"
        "heavy = {'simpy', 'numpy', 'pandas', 'matplotlib'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------------ the example city
def test_backdate_dates_the_first_catalogue_and_letters_back() -> None:
    from shenpi.examples import load_example_city

    city = load_example_city()
    old = backdate(city, to=dt.date(2008, 10, 24))
    assert old.catalogues[0].effective_on == dt.date(2008, 10, 24)
    assert old.catalogues[1] == city.catalogues[1]
    departments = {letter.department_id for letter in city.letters}
    for department in departments:
        first = min(old.letters_of(department), key=lambda letter: letter.valid_from)
        assert first.in_force(dt.date(2008, 12, 15)) or first.revoked_on is not None


def test_calibration_follows_the_history(city_scenario: Scenario) -> None:
    rates = city_scenario.arrivals.rates
    assert sum(rates.values()) == pytest.approx(6000)
    assert all(r > 0 for r in rates.values())
    windows = Counter(w.department_id for w in city_scenario.world.hall.windows)
    for department, staffing in city_scenario.staffing.items():
        assert staffing.windows is not None
        assert staffing.windows >= windows[department]
        assert staffing.reviewers is not None
        assert staffing.reviewers >= 1


def test_the_plots_of_runs_and_comparisons_draw() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tight = scenario(staffing={"D1": Staffing(windows=1, reviewers=1)}).named("tight")
    comparison = compare(scenario().named("base"), tight, seeds=2)
    result = comparison.variant.results[0]
    try:
        for axes in (
            result.plot.queues(),
            result.plot.workdays(),
            result.plot.on_time(),
            result.plot.alerts(),
            result.plot.findings(),
            comparison.plot.deltas(),
            comparison.plot.workdays(item_id="J1"),
            comparison.plot.on_time(),
        ):
            assert axes.get_title()
    finally:
        plt.close("all")
    assert "<table>" in comparison._repr_html_()
    assert "<table>" in result._repr_html_()
    assert len(comparison.to_pandas()) == len(comparison.table)
    assert len(result.cases.to_pandas()) == len(result.world.applications)
