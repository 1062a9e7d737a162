"""``guard`` and ``check`` agree, and the engine selects, orders and reports as documented.

``guard(world, case_id, event)`` judges one action before the host records it: it
reports exactly the findings about that case that ``check`` would add once the event is
recorded. The rest specifies the engine: choosing rules by code and family, the
``Report`` a host and an analyst read, local rules.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shenpi import testing as kit
from shenpi.applications import (
    Accepted,
    Application,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    NotAccepted,
    OpinionGiven,
    Outcome,
    Resumed,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.errors import InvalidType, InvalidValue
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import (
    CaseView,
    Finding,
    Report,
    Rule,
    RulePolicy,
    RuleSet,
    Severity,
    Subject,
    check,
    guard,
    rule,
)
from shenpi.timing import Suspension, TimeLimit

WORLDS = kit.jurisdictions(max_departments=3, max_applications=5, max_complaints=1)
LAST_DAY = kit.LAST_DAY
DEFAULT = RuleSet.default()


def _about(report: Report, case_id: str) -> set[Finding]:
    return {f for f in report if f.subject.kind == "application" and f.subject.id == case_id}


def _with(world: Jurisdiction, case: Application) -> Jurisdiction:
    return world.with_applications(case if a.id == case.id else a for a in world.applications)


@st.composite
def _cases(draw: st.DrawFn, world: Jurisdiction) -> tuple[Jurisdiction, Application]:
    """A case of the world (one drawn for it when it has none), cut after any of its
    events: open (cut early) or closed (whole)."""
    if not world.applications:
        world = world.with_applications([draw(kit.applications(world))])
    case = draw(st.sampled_from(world.applications))
    cut = draw(st.integers(1, len(case.events)), label="events kept")
    prefix = attrs.evolve(case, events=case.events[:cut])
    return _with(world, prefix), prefix


def _next_events(world: Jurisdiction, case: Application) -> st.SearchStrategy[Event]:
    """Any next step a host may propose, dated from the case's last event on, naming the
    world's sites, windows, officials, units, letters, seals and fee standards (or none)."""
    start = case.events[-1].on
    day = st.dates(start, min(start + dt.timedelta(days=120), LAST_DAY))

    def some(values: list[str]) -> st.SearchStrategy[str | None]:
        return st.sampled_from([*values, None])

    sites = some([s.id for s in world.hall.sites])
    windows = some([w.id for w in world.hall.windows])
    officials = some([p.id for p in world.officials])
    departments = st.sampled_from([d.id for d in world.departments])
    units = some([o.id for o in world.offices] + [s.id for s in world.sections])
    letters = some([x.id for x in world.letters])
    seals = some([x.id for x in world.seals])
    schedules = [x.id for x in world.fee_schedules] or None
    standards = [s.id for x in world.fee_schedules for s in x.standards] or None
    return st.one_of(
        st.builds(SupplementRequested, on=day, missing=st.just(("申请书",)), official_id=officials),
        st.builds(Supplemented, on=day),
        st.builds(Accepted, on=day, official_id=officials, site_id=sites, window_id=windows),
        st.builds(NotAccepted, on=day, reason=st.just("不属于本机关职权范围")),
        st.builds(
            Suspended,
            on=day,
            reason=st.none() | st.sampled_from(Suspension),
            basis=st.sampled_from(("", "《专家评审管理办法》第八条")),
        ),
        st.builds(Resumed, on=day),
        st.builds(
            Extended,
            on=day,
            by=st.integers(1, 20).map(TimeLimit.workdays),
            approved_by=officials,
            reason=st.just("情况复杂"),
        ),
        st.builds(
            OpinionGiven,
            on=day,
            department_id=departments,
            outcome=st.sampled_from(Outcome),
            official_id=officials,
        ),
        st.builds(
            Decided,
            on=day,
            outcome=st.sampled_from(Outcome),
            department_id=departments,
            official_id=officials,
            site_id=sites,
            unit_id=units,
            letter_id=letters,
            seal_id=seals,
        ),
        st.builds(
            FeePaid,
            on=day,
            payment=kit.payments(
                schedule_ids=schedules,
                standard_ids=standards,
                site_ids=[s.id for s in world.hall.sites],
            ),
        ),
        st.builds(Delivered, on=day),
        st.builds(Withdrawn, on=day),
        kit.events(start=start, end=min(start + dt.timedelta(days=120), LAST_DAY)),
    )


# ====================================================================== guard = check's difference
@given(WORLDS, st.data())
def test_guard_reports_exactly_what_check_would_add_about_the_case(
    world: Jurisdiction, data: st.DataObject
) -> None:
    before, case = data.draw(_cases(world), label="case")
    event = data.draw(_next_events(before, case), label="event")
    after = _with(before, case.append(event))
    later = st.integers(0, 400).map(lambda n: min(event.on + dt.timedelta(days=n), LAST_DAY))
    as_of = data.draw(st.none() | later, label="as_of")
    day = event.on if as_of is None else as_of

    report = guard(before, case.id, event, as_of=as_of)

    added = _about(check(after, as_of=day), case.id) - _about(check(before, as_of=day), case.id)
    assert set(report) == added
    assert report.as_of == day
    assert list(report) == sorted(report, key=Finding.sort_key)


@given(WORLDS, st.data())
def test_guard_with_a_selection_reports_the_selected_rules_only(
    world: Jurisdiction, data: st.DataObject
) -> None:
    before, case = data.draw(_cases(world), label="case")
    event = data.draw(_next_events(before, case), label="event")
    family = data.draw(st.sampled_from(["HALL", "AUTH", "SEAL", "TIME", "FEE", "CAT"]))
    everything = guard(before, case.id, event)
    chosen = guard(before, case.id, event, select=[family])
    assert set(chosen) == {f for f in everything if f.code.startswith(family)}
    assert set(guard(before, case.id, event, ignore=[family])) == set(everything) - set(chosen)


@settings(max_examples=30)
@given(WORLDS, st.data())
def test_a_lawful_history_passes_guard_step_by_step(
    world: Jurisdiction, data: st.DataObject
) -> None:
    if not world.applications:
        world = world.with_applications([data.draw(kit.applications(world))])
    case = data.draw(st.sampled_from(world.applications))
    for cut in range(1, len(case.events)):
        prefix = attrs.evolve(case, events=case.events[:cut])
        report = guard(_with(world, prefix), case.id, case.events[cut])
        assert report.findings == (), (cut, report.to_text())


@settings(max_examples=10)
@given(kit.violations("HALL001"))
def test_guard_refuses_the_action_that_breaks_a_rule(injection: kit.Injection) -> None:
    case = injection.world.application(injection.subject.id)
    assert case is not None
    index = injection.subject.event_index
    assert index is not None
    prefix = attrs.evolve(case, events=case.events[:index])
    world = _with(injection.world, prefix)
    report = guard(world, case.id, case.events[index])
    assert not report.ok
    assert [(f.code, f.subject) for f in report] == [("HALL001", injection.subject)]


@settings(max_examples=5)
@given(WORLDS, st.data())
def test_guard_refuses_an_unknown_case_and_an_impossible_event(
    world: Jurisdiction, data: st.DataObject
) -> None:
    before, case = data.draw(_cases(world), label="case")
    with pytest.raises(InvalidValue) as caught:
        guard(before, "no-such-case", Withdrawn(case.events[-1].on))
    assert caught.value.field == "application_id"
    with pytest.raises(InvalidValue):
        guard(before, case.id, Withdrawn(case.submitted_on - dt.timedelta(days=1)))
    with pytest.raises(InvalidType) as wrong:
        guard(before, case.id, Withdrawn(case.events[-1].on), as_of="2025-01-01")  # type: ignore[arg-type]
    assert wrong.value.field == "as_of"


# ====================================================================== choosing rules
def _codes(rules: RuleSet) -> list[str]:
    return [r.code for r in rules]


def test_every_rule_has_a_unique_code_a_family_and_a_documented_basis() -> None:
    codes = _codes(DEFAULT)
    assert len(codes) == len(set(codes)) == 50
    families = {r.family for r in DEFAULT}
    assert families == {"HALL", "AUTH", "SEAL", "TIME", "FEE", "CAT", "REFORM", "SUP"}
    for r in DEFAULT:
        assert r.basis.strip(), r.code
        assert r.message_en.strip(), r.code
        assert r.message_zh.strip(), r.code
        # TIME000 is the engine's own finding; every other rule documents itself.
        assert r.doc or r.code == "TIME000", r.code
        assert r.scope in ("case", "world")
        assert DEFAULT.get(r.code) is r


def test_selecting_a_family_and_ignoring_a_code_keeps_the_rest_of_the_family() -> None:
    chosen = _codes(DEFAULT.select(["HALL"], ["HALL007"]))
    assert chosen == [c for c in _codes(DEFAULT) if c.startswith("HALL") and c != "HALL007"]


def test_the_most_specific_selector_wins() -> None:
    assert _codes(DEFAULT.select(["HALL007"], ["HALL"])) == ["HALL007"]
    assert _codes(DEFAULT.select(["HALL", "HALL007"], ["HALL00"])) == ["HALL007", "HALL010"]
    assert _codes(DEFAULT.select(ignore=["TIME", "HALL", "AUTH", "SEAL", "FEE", "CAT"])) == [
        "REFORM001",
        "REFORM002",
        "SUP001",
    ]


def test_selecting_nothing_chooses_every_rule() -> None:
    assert _codes(DEFAULT.select()) == _codes(DEFAULT)
    assert _codes(DEFAULT.select([], [])) == _codes(DEFAULT)


@pytest.mark.parametrize(
    ("select", "ignore", "field"),
    [(["HAL1"], [], "select"), (["HALL"], ["XYZ"], "ignore"), (["hall"], [], "select")],
)
def test_a_selector_that_matches_no_rule_is_refused(
    select: list[str], ignore: list[str], field: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        DEFAULT.select(select, ignore)
    assert caught.value.field == field
    assert "HALL" in (caught.value.hint or "")


def test_a_selector_must_be_text() -> None:
    with pytest.raises(InvalidType) as caught:
        DEFAULT.select([1])  # type: ignore[list-item]
    assert caught.value.field == "select"


def test_an_unknown_code_is_refused_by_get() -> None:
    with pytest.raises(InvalidValue) as caught:
        DEFAULT.get("HALL999")
    assert caught.value.field == "code"


# ====================================================================== local rules
@rule(
    "LOCAL001",
    "withdrawn-case",
    Severity.WARNING,
    basis="local rule: every withdrawal is reviewed",
    en="withdrawn on {on}.",
    zh="{on} 撤回。",
)
def withdrawn_case(case: CaseView) -> Iterator[Finding]:
    """A withdrawn case, for the hall's own review."""
    for index, event in case.events_of(Withdrawn):
        yield withdrawn_case.finding(case.at(index), on=event.on)


@rule(
    "LOCAL002",
    "world-size",
    Severity.INFO,
    basis="local statistics",
    en="{count} departments.",
    zh="共 {count} 个部门。",
    scope="world",
)
def world_size(ctx: Any) -> Iterator[Finding]:
    """The number of departments, as one informational finding."""
    yield world_size.finding(
        Subject("hall", ctx.jurisdiction.hall.id), count=len(ctx.jurisdiction.departments)
    )


@settings(max_examples=20)
@given(WORLDS)
def test_local_rules_run_with_the_built_in_ones(world: Jurisdiction) -> None:
    rules = RuleSet.default().with_rules(withdrawn_case, world_size)
    as_of = kit.audit_day(world)
    report = check(world, as_of=as_of, rules=rules)
    withdrawn = [
        (a.id, i)
        for a in world.applications
        for i, e in enumerate(a.events)
        if isinstance(e, Withdrawn)
    ]
    local = report.filter(code="LOCAL001")
    assert [(f.subject.id, f.subject.event_index) for f in local] == sorted(withdrawn)
    assert all(f.severity is Severity.WARNING and f.message_zh.endswith("撤回。") for f in local)
    (size,) = report.filter(code="LOCAL002")
    assert size.fact_map == {"count": len(world.departments)}
    assert report.ok
    assert check(world, as_of=as_of, rules=rules, select=["LOCAL"]).findings == report.findings
    assert check(world, as_of=as_of, rules=rules, ignore=["LOCAL"]).findings == ()
    assert withdrawn_case.family == "LOCAL"
    assert withdrawn_case.doc == "A withdrawn case, for the hall's own review."


def test_a_rule_set_refuses_a_second_rule_with_a_code_already_taken() -> None:
    @rule("HALL001", "shadow", Severity.INFO, basis="-", en="-", zh="-")
    def shadow(case: CaseView) -> Iterator[Finding]:
        """A rule reusing a built-in code."""
        yield from ()

    with pytest.raises(InvalidValue) as caught:
        RuleSet.default().with_rules(shadow)
    assert (caught.value.field, caught.value.value) == ("rules", "HALL001")
    with pytest.raises(InvalidValue):
        RuleSet.default().with_rules(withdrawn_case, withdrawn_case)


def test_a_rule_set_holds_rules_only() -> None:
    with pytest.raises(InvalidType) as caught:
        RuleSet((withdrawn_case, "LOCAL003"))  # type: ignore[arg-type]
    assert caught.value.field == "rules"


@pytest.mark.parametrize("code", ["", "001", "LOCAL"])
def test_a_rule_code_is_letters_then_digits(code: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        rule(code, "bad", Severity.INFO, basis="-", en="-", zh="-")
    assert caught.value.field == "code"


# ====================================================================== check's arguments
@settings(max_examples=5)
@given(WORLDS)
def test_check_needs_a_jurisdiction_and_a_day(world: Jurisdiction) -> None:
    with pytest.raises(TypeError):
        check(world)  # type: ignore[call-arg]
    with pytest.raises(InvalidType) as caught:
        check(world, as_of=dt.datetime(2025, 1, 1, 9))
    assert caught.value.field == "as_of"
    with pytest.raises(InvalidType) as wrong:
        check("world", as_of=dt.date(2025, 1, 1))  # type: ignore[arg-type]
    assert wrong.value.field == "jurisdiction"


@settings(max_examples=10)
@given(WORLDS)
def test_check_on_a_stream_of_cases_equals_check_on_the_snapshot(world: Jurisdiction) -> None:
    as_of = kit.audit_day(world)
    reference = world.with_applications(())
    stream = iter(world.applications)
    assert check(reference, as_of=as_of, applications=stream) == check(world, as_of=as_of)


# ====================================================================== reports
@st.composite
def _messy_worlds(draw: st.DrawFn) -> tuple[Jurisdiction, dt.date]:
    """A world with several violations: injections stacked one on another."""
    injection = draw(kit.violations("SEAL001"))
    world = injection.world
    for code in draw(
        st.lists(st.sampled_from(["CAT006", "HALL007", "SUP001", "TIME005", "AUTH002"]), max_size=4)
    ):
        world = kit.inject(world, code, random.Random(draw(st.integers(0, 99)))).world
    return world, kit.audit_day(world)


@settings(max_examples=20)
@given(_messy_worlds(), st.randoms(use_true_random=False))
def test_findings_come_in_a_stable_order(
    messy: tuple[Jurisdiction, dt.date], shuffle: random.Random
) -> None:
    world, as_of = messy
    report = check(world, as_of=as_of)
    assert list(report) == sorted(report, key=Finding.sort_key)
    cases = list(world.applications)
    shuffle.shuffle(cases)
    assert check(world.with_applications(cases), as_of=as_of) == report
    rules = RuleSet(tuple(reversed(RuleSet.default().rules)))
    assert check(world, as_of=as_of, rules=rules) == report


@settings(max_examples=20)
@given(_messy_worlds())
def test_a_report_filters_by_code_severity_subject_and_department(
    messy: tuple[Jurisdiction, dt.date],
) -> None:
    world, as_of = messy
    report = check(world, as_of=as_of)
    assert len(report) == len(report.findings) >= 1
    assert report.filter(code="SEAL").findings == tuple(
        f for f in report if f.code.startswith("SEAL")
    )
    warnings = report.filter(severity=Severity.WARNING)
    assert all(f.severity is Severity.WARNING for f in warnings)
    assert report.filter(subject_kind="application").findings == tuple(
        f for f in report if f.subject.kind == "application"
    )
    for department in {f.department_id for f in report}:
        assert all(f.department_id == department for f in report.filter(department_id=department))
    assert report.filter().findings == report.findings
    assert report.filter(code="SEAL").as_of == as_of
    assert report.counts() == {
        code: sum(f.code == code for f in report) for code in sorted({f.code for f in report})
    }


def _finding(
    code: str, severity: Severity, kind: str = "application", index: int | None = 1
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        subject=Subject(kind, "A<1>", index),
        message_en="decided at <b>X0</b> & more.",
        message_zh="在“X0”作出决定。",
        basis="seed 二",
        department_id="D0",
        facts=(("site", "X0"), ("late", 3), ("open", True), ("none", None)),
    )


def test_a_report_is_ok_unless_a_finding_is_an_error() -> None:
    warning, error = _finding("CAT006", Severity.WARNING), _finding("HALL001", Severity.ERROR)
    assert Report(()).ok
    assert Report((warning,)).ok
    assert Report((warning,)).errors == ()
    assert not Report((warning, error)).ok
    assert Report((warning, error)).errors == (error,)


def test_a_report_converts_to_records_and_json() -> None:
    report = Report((_finding("HALL001", Severity.ERROR),), dt.date(2026, 3, 1))
    (record,) = report.to_records()
    assert record == {
        "code": "HALL001",
        "severity": "error",
        "subject_kind": "application",
        "subject_id": "A<1>",
        "event_index": 1,
        "department_id": "D0",
        "message_en": "decided at <b>X0</b> & more.",
        "message_zh": "在“X0”作出决定。",
        "basis": "seed 二",
        "fact_site": "X0",
        "fact_late": 3,
        "fact_open": True,
        "fact_none": None,
    }
    text = report.to_json()
    assert "在“X0”作出决定" in text  # not escaped to \\u sequences
    assert json.loads(text) == {"as_of": "2026-03-01", "findings": [record]}
    assert json.loads(Report(()).to_json()) == {"as_of": None, "findings": []}


def test_a_report_prints_one_line_per_finding_and_a_summary() -> None:
    report = Report(
        (_finding("HALL001", Severity.ERROR), _finding("CAT006", Severity.WARNING, "item", None))
    )
    lines = report.to_text().splitlines()
    assert lines == [
        "HALL001 [error] application A<1> event 1: decided at <b>X0</b> & more. (seed 二)",
        "CAT006 [warning] item A<1>: decided at <b>X0</b> & more. (seed 二)",
        "2 findings, 1 error",
    ]
    assert report.to_text("zh").splitlines()[-1] == "共 2 项发现，其中错误 1 项"
    assert "在“X0”作出决定。" in report.to_text("zh")
    assert Report(()).to_text() == "0 findings, 0 errors"


def test_a_report_shows_as_an_escaped_html_table_in_a_notebook() -> None:
    report = Report((_finding("HALL001", Severity.ERROR),))
    page = report._repr_html_()
    assert page.startswith("<p>1 finding, 1 error</p><table>")
    assert html.escape("decided at <b>X0</b> & more.") in page
    assert "<b>X0</b>" not in page
    assert page.count("<tr>") == 2
    many = Report(tuple(_finding("HALL001", Severity.ERROR) for _ in range(503)))
    assert many._repr_html_().count("<tr>") == 501
    assert "… 3 more" in many._repr_html_()


def test_severities_and_subjects_read_as_people_write_them() -> None:
    assert [s.label_zh for s in Severity] == ["提示", "警告", "错误"]
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert str(Subject("application", "A1", 2)) == "application A1 event 2"
    assert str(Subject("seal", "D0.seal")) == "seal D0.seal"


def test_a_rule_fills_its_messages_with_its_facts() -> None:
    found = DEFAULT.get("HALL001").finding(
        Subject("application", "A1", 3), department_id="D0", site="X0", site_kind="other"
    )
    assert found.message_en.startswith("decided at X0 (other)")
    assert "X0" in found.message_zh
    assert found.fact_map == {"site": "X0", "site_kind": "other"}
    assert found.sort_key() == ("D0", "application", "A1", 3, "HALL001", found.message_en)
    assert isinstance(DEFAULT.get("HALL001"), Rule)


# ------------------------------------------------------------------ policy and no data


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("time", "LAW", InvalidType),
        ("complaint_limit", 5, InvalidType),
        ("complaint_limit", TimeLimit.hours(4), InvalidValue),
        ("max_open_suspension", TimeLimit.workdays(60), InvalidValue),
    ],
)
def test_a_policy_refuses_a_value_its_rules_cannot_count(
    field: str, value: Any, error: type
) -> None:
    with pytest.raises(error) as raised:
        RulePolicy(**{field: value})
    assert raised.value.field == field


def test_a_complaint_past_the_calendars_data_does_not_stop_the_others_being_judged() -> None:
    """SUP001 judges every complaint it can; one whose 5 working days run past the
    calendar's data is reported as TIME000 about that complaint."""
    from shenpi.calendar import WorkCalendar
    from shenpi.examples import load_example_city

    city = load_example_city()
    late = attrs.evolve(
        city.complaints[0], id="C-LATE", received_on=dt.date(2026, 12, 28), handled_on=None
    )
    city = attrs.evolve(city, complaints=(*city.complaints, late))
    day = dt.date(2026, 12, 31)
    official = check(city, as_of=day, select=["SUP001"])
    projected = check(
        city, as_of=day, select=["SUP001"], calendar=WorkCalendar.official(unannounced="statutory")
    )
    no_data = [f for f in official if f.code == "TIME000"]
    assert [(f.subject.kind, f.subject.id, f.fact_map["rule"]) for f in no_data] == [
        ("complaint", "C-LATE", "SUP001")
    ]
    judged = [f for f in official if f.code == "SUP001"]
    assert judged, "the city has complaints handled late"
    unjudged = {f.subject.id for f in no_data}
    assert judged == [f for f in projected if f.subject.id not in unjudged]
    ignored = check(city, as_of=day, select=["SUP001"], ignore=["TIME000"])
    assert list(ignored) == judged


@attrs.frozen
class _LateDecision(Decided):
    """A host's own event type derived from a model one."""


@given(kit.applications(valid_only=False), st.data())
def test_events_of_is_the_isinstance_scan(case: Application, data: st.DataObject) -> None:
    """``CaseView.events_of`` answers, for one type, a tuple of types, a base class and a
    host's subclass, exactly what an ``isinstance`` scan of the history in order does."""
    from shenpi.applications import EVENT_TYPES
    from shenpi.calendar import WorkCalendar
    from shenpi.rules.engine import Context

    if data.draw(st.booleans(), label="a host's subclass of Decided"):
        extra = _LateDecision(case.events[-1].on, Outcome.APPROVED, "D1")
        case = attrs.evolve(case, events=(*case.events, extra))
    world = Jurisdiction(name="某市", hall=data.draw(kit.halls()))
    context = Context(world, as_of=LAST_DAY, policy=RulePolicy(), calendar=WorkCalendar.official())
    view = CaseView(context, case)
    kinds: list[Any] = [
        *EVENT_TYPES,
        (Accepted, Decided),
        (Suspended, Extended, Resumed),
        object,
        _LateDecision,
    ]
    for kind in data.draw(st.permutations(kinds)):
        expected = tuple((i, e) for i, e in enumerate(case.events) if isinstance(e, kind))
        assert view.events_of(kind) == expected, kind
        assert view.events_of(kind) is view.events_of(kind)  # computed once
