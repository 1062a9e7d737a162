"""HALL: 大厅之外无审批 — where decisions are made and fees collected, which unit decides,
the three entries (三进入), and histories kept whole in the hall's system.
"""

from __future__ import annotations

from collections.abc import Iterator

from shenpi.applications import (
    Accepted,
    Decided,
    Delivered,
    FeePaid,
    NotAccepted,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.rules.engine import CaseView, Context, Finding, Rule, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import A30, S2, S3_2, S3_3, S3_5_NET, S3_7_ENTER, S3_7_MODEL

FAMILY = (
    "大厅之外无审批",
    (
        "Approvals and fees inside the hall: where decisions are made and fees "
        "collected, which unit decides, the three entries (三进入), and histories kept "
        "whole in the hall's system (seed 二, 三(二)-(七))."
    ),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

SEED_NO_APPROVAL = "seed 二: 实现“大厅之外无审批、大厅之外无收费”"
SEED_THREE_ENTRIES = "seed 三(七): 审批机构、工作人员和审批项目“三进入”"


_NOTES_HALL001 = RuleNotes(
    (S2,),
    Example(
        ("Case `A1` is decided in the department's own building (site `X1`), outside the hall:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), site_id="X1"),  # D1's own building
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL001"]).to_text())
HALL001 [error] application A1 event 2: decided at X1 (department_premises), outside the hall and
its sub-centers. (seed 二: 实现“大厅之外无审批、大厅之外无收费”)
1 finding, 1 error
""",
    ),
    Example(
        "Decided at the sub-center `S1`, which counts as inside the hall:",
        """\
>>> history[2] = decided(date(2025, 3, 12), site_id="S1")  # a sub-center of the hall
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL001",
    "decision-outside-hall",
    Severity.ERROR,
    basis=SEED_NO_APPROVAL,
    en="decided at {site} ({site_kind}), outside the hall and its sub-centers.",
    zh="在大厅及分中心之外（{site}，{site_kind}）作出审批决定。",
    notes=_NOTES_HALL001,
)
def decision_outside_hall(case: CaseView) -> Iterator[Finding]:
    """A decision made anywhere but the hall or one of its sub-centers.

    **Why.** The seed's goal (二) is "大厅之外无审批" — no approval outside the hall:
    every approval is accepted, handled and decided in the administrative service center
    (including its sub-centers, 三(六)).

    **Fix.** Decide in the hall: the approval office stationed there decides and records
    the hall's site on the decision.
    """
    j = case.ctx.jurisdiction
    for index, event in case.events_of(Decided):
        site = None if event.site_id is None else j.site(event.site_id)
        if site is None:
            yield decision_outside_hall.finding(
                case.at(index),
                department_id=event.department_id,
                site=event.site_id,
                site_kind="unknown site",
            )
        elif not site.kind.inside_hall:
            yield decision_outside_hall.finding(
                case.at(index), department_id=event.department_id, site=site.id, site_kind=site.kind
            )


_NOTES_HALL002 = RuleNotes(
    (S2,),
    Example(
        "The fee for item `I2` is collected by the department itself:",
        """\
>>> from datetime import date
>>> from shenpi.fees import CollectionPoint
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12), collected_at=CollectionPoint.DEPARTMENT, site_id="X1"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["HALL002"]).to_text())
HALL002 [error] application A1 event 3: fee of 10 yuan collected at department, not by the hall's
unified cashier. (seed 二: 实现“大厅之外无审批、大厅之外无收费”; 统一收费)
1 finding, 1 error
""",
    ),
    Example(
        "Paid through the hall's unified online payment:",
        """\
>>> history[3] = paid(date(2025, 3, 12), collected_at=CollectionPoint.HALL_ONLINE, site_id=None)
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["HALL002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL002",
    "fee-outside-hall",
    Severity.ERROR,
    basis=SEED_NO_APPROVAL + "; 统一收费",
    en="fee of {amount} yuan collected at {collected_at}, not by the hall's unified cashier.",
    zh="费用 {amount} 元由 {collected_at} 收取，未经大厅统一收费。",
    notes=_NOTES_HALL002,
)
def fee_outside_hall(case: CaseView) -> Iterator[Finding]:
    """A fee collected anywhere but the hall's unified cashier (or its unified online payment).

    **Why.** "大厅之外无收费" and "统一收费" (seed 二): fees are collected in one place.

    **Fix.** Collect at the hall's cashier (``CollectionPoint.HALL_CASHIER``) or through the
    hall's unified online payment.
    """
    for index, event in case.events_of(FeePaid):
        if not event.payment.collected_at.unified:
            yield fee_outside_hall.finding(
                case.at(index),
                department_id=case.department_id,
                amount=event.payment.amount,
                collected_at=event.payment.collected_at,
            )


_NOTES_HALL003 = RuleNotes(
    (S3_2, A30),
    Example(
        ("A case for item `I9`, which no catalogue version lists, is accepted and decided:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I9")), as_of=as_of, select=["HALL003"]).to_text())
HALL003 [error] application A1: item I9 is not in the published catalogue in effect on 2025-03-03.
(seed 三(二): 明确公布进入行政服务中心审批、收费项目目录)
1 finding, 1 error
""",
    ),
    Example(
        "The hall refuses the case at intake instead (or publishes the item first):",
        """\
>>> from shenpi.applications import NotAccepted
>>> refused = [submitted(date(2025, 3, 3)), NotAccepted(date(2025, 3, 3), "申请事项不在公开目录中")]
>>> print(check(tiny_world(case(*refused, item="I9")), as_of=as_of, select=["HALL003"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL003",
    "item-not-in-catalogue",
    Severity.ERROR,
    basis="seed 三(二): 明确公布进入行政服务中心审批、收费项目目录",
    en="item {item} is not in the published catalogue in effect on {on}.",
    zh="事项 {item} 不在 {on} 有效的公开目录中。",
    notes=_NOTES_HALL003,
)
def item_not_in_catalogue(case: CaseView) -> Iterator[Finding]:
    """A case accepted or decided for an item that is not in the published catalogue in
    effect on the day of acceptance (行政许可法 art. 32 (1): acceptance is judged by the
    law as it stands when the application is accepted; a deemed acceptance, art. 32 (4),
    counts from the day the materials were received).

    **Why.** Only the items of the published catalogue (seed 三(二)) are handled in the
    hall; an item outside it has no published basis, conditions or limits (行政许可法
    art. 30). Its decision is judged against the law's own period (art. 42).

    **Fix.** Publish the item in the catalogue (a catalogue change), or refuse the case.
    """
    if not case.events_of((Accepted, Decided)):
        return
    app = case.application
    accepted = case.timeline.accepted
    day = app.submitted_on if accepted is None else accepted.on
    items = case.ctx.catalogue_items_on(day) or {}
    for item_id in app.item_ids:
        if item_id not in items:
            yield item_not_in_catalogue.finding(
                case.subject, department_id=case.department_id, item=item_id, on=day
            )


def _entry_rule(
    code: str, name: str, what_en: str, what_zh: str, attribute: str, notes: RuleNotes
) -> Rule:
    @rule(
        code,
        name,
        Severity.ERROR,
        basis=SEED_THREE_ENTRIES,
        en=f"department {{department}} has approval or fee powers but its office's {what_en} "
        "had not entered the hall by {as_of}.",
        zh=f"部门 {{department}} 具有审批或收费职能，"
        f"但截至 {{as_of}} 其审批办公室{what_zh}未进入大厅。",
        scope="world",
        notes=notes,
    )
    def check(ctx: Context) -> Iterator[Finding]:
        j = ctx.jurisdiction
        for department in j.departments:
            if not (department.approval_powers or department.fee_powers):
                continue
            office = j.office_of(department.id)
            if office is None:
                if attribute != "institution_entered_on":
                    continue  # no office at all is reported once, as the institution
            else:
                entered = getattr(office, attribute)
                if entered is not None and entered <= ctx.as_of:
                    continue
            yield check.finding(
                Subject("department", department.id),
                department_id=department.id,
                department=department.id,
                as_of=ctx.as_of,
            )

    return check


_NOTES_HALL004 = RuleNotes(
    (S3_7_ENTER, S2),
    Example(
        "D2's approval office is set up but, as an institution, never entered the hall:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", institution_entered_on=None)
>>> print(check(world, as_of=as_of, select=["HALL004"]).to_text())
HALL004 [error] department D2: department D2 has approval or fee powers but its office's
institution had not entered the hall by 2025-06-30. (seed 三(七):
审批机构、工作人员和审批项目“三进入”)
1 finding, 1 error
""",
    ),
    Example(
        "Entered in phase 4 of the plan, as recorded in the tiny world:",
        """\
>>> world = amend(world, "offices", "D2.office", institution_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["HALL004"]).to_text())
0 findings, 0 errors
""",
    ),
)


_NOTES_HALL005 = RuleNotes(
    (S3_7_ENTER, S2),
    Example(
        "D2's approval office is set up, but its staff never entered the hall:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", staff_entered_on=None)
>>> print(check(world, as_of=as_of, select=["HALL005"]).to_text())
HALL005 [error] department D2: department D2 has approval or fee powers but its office's staff had
not entered the hall by 2025-06-30. (seed 三(七): 审批机构、工作人员和审批项目“三进入”)
1 finding, 1 error
""",
    ),
    Example(
        "Entered in phase 4 of the plan, as recorded in the tiny world:",
        """\
>>> world = amend(world, "offices", "D2.office", staff_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["HALL005"]).to_text())
0 findings, 0 errors
""",
    ),
)


_NOTES_HALL006 = RuleNotes(
    (S3_7_ENTER, S2),
    Example(
        "D2's approval office is set up, but its items never entered the hall:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", items_entered_on=None)
>>> print(check(world, as_of=as_of, select=["HALL006"]).to_text())
HALL006 [error] department D2: department D2 has approval or fee powers but its office's items had
not entered the hall by 2025-06-30. (seed 三(七): 审批机构、工作人员和审批项目“三进入”)
1 finding, 1 error
""",
    ),
    Example(
        "Entered in phase 4 of the plan, as recorded in the tiny world:",
        """\
>>> world = amend(world, "offices", "D2.office", items_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["HALL006"]).to_text())
0 findings, 0 errors
""",
    ),
)


HALL004 = _entry_rule(
    "HALL004",
    "institution-not-in-hall",
    "institution",
    "机构",
    "institution_entered_on",
    _NOTES_HALL004,
)
"""HALL004: the approval office has entered the hall as an institution (seed 三(七) 三进入)."""
HALL005 = _entry_rule(
    "HALL005", "staff-not-in-hall", "staff", "人员", "staff_entered_on", _NOTES_HALL005
)
"""HALL005: the approval office's staff have entered the hall (seed 三(七) 三进入)."""
HALL006 = _entry_rule(
    "HALL006", "items-not-in-hall", "items", "审批项目", "items_entered_on", _NOTES_HALL006
)
"""HALL006: the department's items have entered the hall (seed 三(七) 三进入)."""
HALL004.check.__doc__ = """A department with approval or fee powers whose approval office, as an
institution, has not entered the hall (or which has no approval office at all).

**Why.** Seed 三(七): the office enters the hall as an institution (成建制进入), with its
staff and its items: 三进入. Seed 二: every department with approval or fee powers,
vertical ones included.

**Fix.** Establish the office and station it in the hall; record ``institution_entered_on``.
"""
HALL005.check.__doc__ = """A department with approval or fee powers whose approval office's staff
have not entered the hall.

**Why.** Seed 三(七): 三进入 includes the staff (工作人员).

**Fix.** Station the office's staff in the hall; record ``staff_entered_on``.
"""
HALL006.check.__doc__ = """A department with approval or fee powers whose items have not entered
the hall.

**Why.** Seed 三(七): 三进入 includes the items (审批项目).

**Fix.** Move every item of the department into the hall; record ``items_entered_on``.
"""


_NOTES_HALL007 = RuleNotes(
    (S3_7_MODEL,),
    Example(
        "The window accepts, but the section `D1.sec1` decides:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), unit_id="D1.sec1", official_id="D1.sec1.staff"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL007"]).to_text())
HALL007 [error] application A1 event 2: accepted at the hall but decided by section D1.sec1 of the
department (前店后厂). (seed 三(七): 杜绝“前店后厂”)
1 finding, 1 error
""",
    ),
    Example(
        "The approval office decides, through its director:",
        """\
>>> history[2] = decided(date(2025, 3, 12), unit_id="D1.office", official_id="D1.director")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL007"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL007",
    "front-shop-back-factory",
    Severity.ERROR,
    basis="seed 三(七): 杜绝“前店后厂”",
    en="accepted at the hall but decided by section {unit} of the department (前店后厂).",
    zh="大厅窗口受理，却由部门科室 {unit} 作出决定（前店后厂）。",
    notes=_NOTES_HALL007,
)
def front_shop_back_factory(case: CaseView) -> Iterator[Finding]:
    """前店后厂: the window accepts, but a section (the "back factory") decides.

    **Why.** Seed 三(七): the approval office is the department's window, platform and
    exit in one (受理窗口、办理平台、办结出口一体化); seed 三(四): after the reform sections
    plan and supervise, they do not approve. A window that only forwards is 前店后厂.

    **Fix.** Let the approval office decide, under the head's letter.
    """
    j = case.ctx.jurisdiction
    for index, event in case.events_of(Decided):
        if event.unit_id is not None and j.section(event.unit_id) is not None:
            yield front_shop_back_factory.finding(
                case.at(index), department_id=event.department_id, unit=event.unit_id
            )


_NOTES_HALL008 = RuleNotes(
    (S3_3,),
    Example(
        ("The decision is recorded for the bureau `D1` itself rather than its approval office:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), unit_id="D1"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL008"]).to_text())
HALL008 [error] application A1 event 2: decided by D1, not by the department's approval office
D1.office. (seed 三(三): 所有审批、收费等项目全部集中到行政审批办公室)
1 finding, 1 error
""",
    ),
    Example(
        "Recorded for the approval office `D1.office`:",
        """\
>>> history[2] = decided(date(2025, 3, 12), unit_id="D1.office")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL008"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL008",
    "decision-not-by-office",
    Severity.ERROR,
    basis="seed 三(三): 所有审批、收费等项目全部集中到行政审批办公室",
    en="decided by {unit}, not by the department's approval office {office}.",
    zh="由 {unit} 而非本部门行政审批办公室 {office} 作出决定。",
    notes=_NOTES_HALL008,
)
def decision_not_by_office(case: CaseView) -> Iterator[Finding]:
    """A decision recorded for a unit other than the department's approval office (and
    not a section, which is HALL007).

    **Why.** Seed 三(三): every approval of the department is concentrated in its
    approval office.

    **Fix.** Record the approval office as the deciding unit.
    """
    j = case.ctx.jurisdiction
    for index, event in case.events_of(Decided):
        if event.unit_id is not None and j.section(event.unit_id) is not None:
            continue
        office = j.office_of(event.department_id)
        if office is None or event.unit_id != office.id:
            yield decision_not_by_office.finding(
                case.at(index),
                department_id=event.department_id,
                unit=event.unit_id,
                office=None if office is None else office.id,
            )


_NOTES_HALL009 = RuleNotes(
    (S3_7_MODEL,),
    Example(
        "A decision and a delivery with no acceptance before them:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL009"]).to_text())
HALL009 [error] application A1 event 1: decision recorded with no acceptance in the hall's system
(体外循环). (seed 三(七): 杜绝“体外循环”)
1 finding, 1 error
""",
    ),
    Example(
        "Accepted at the window first:",
        """\
>>> history.insert(1, accepted(date(2025, 3, 3)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL009"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL009",
    "outside-the-system",
    Severity.ERROR,
    basis="seed 三(七): 杜绝“体外循环”",
    en="{what} recorded with no acceptance in the hall's system (体外循环).",
    zh="未经大厅系统受理即有{what_zh}记录（体外循环）。",
    notes=_NOTES_HALL009,
)
def outside_the_system(case: CaseView) -> Iterator[Finding]:
    """体外循环: a decision, payment or delivery with no acceptance before it (reported
    once per case, at the first such step).

    **Why.** Seed 三(七): approvals go through the hall's system from acceptance to
    exit; a decision, fee or licence that appears without an acceptance was handled
    outside it.

    **Fix.** Accept the case at the hall's window first; never decide, collect or deliver
    what the system did not accept.
    """
    # Reported once per case, at the first step taken outside the system.
    for index, event in enumerate(case.application.events):
        if isinstance(event, Accepted):
            return
        if isinstance(event, (Decided, FeePaid, Delivered)):
            what = {Decided: "decision", FeePaid: "payment", Delivered: "delivery"}[type(event)]
            what_zh = {Decided: "决定", FeePaid: "收费", Delivered: "送达"}[type(event)]
            yield outside_the_system.finding(
                case.at(index), department_id=case.department_id, what=what, what_zh=what_zh
            )
            return


_AFTER_ACCEPTANCE = (Suspended, Resumed, Decided, Delivered)
_BEFORE_ACCEPTANCE = (SupplementRequested, Supplemented)


_NOTES_HALL010 = RuleNotes(
    (S3_5_NET,),
    Example(
        "The clock is resumed, but its suspension was never recorded:",
        """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Resumed(date(2025, 3, 10)),
...     decided(date(2025, 3, 14)),
...     delivered(date(2025, 3, 17)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL010"]).to_text())
HALL010 [warning] application A1 event 2: event 2 (Resumed) resumes a clock that was not
suspended. (seed 三(五): 网上受理、网上审批、网上监察 — the record must be whole)
1 finding, 0 errors
""",
    ),
    Example(
        "The suspension (an expert review) is recorded when it happens:",
        """\
>>> history.insert(2, Suspended(date(2025, 3, 5), Suspension.EXPERT_REVIEW))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL010"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "HALL010",
    "broken-history",
    Severity.WARNING,
    basis="seed 三(五): 网上受理、网上审批、网上监察 — the record must be whole",
    en="event {index} ({event}) {problem}.",
    zh="第 {index} 个事件（{event}）{problem_zh}。",
    notes=_NOTES_HALL010,
)
def broken_history(case: CaseView) -> Iterator[Finding]:
    """A history whose events are out of order or have gaps: dated before the event
    before it, a resumption with no suspension, a delivery with no decision, or anything
    after the case was closed (not accepted, withdrawn, delivered).

    **Why.** Electronic supervision (seed 三(五)) can only watch a complete record; gaps
    and disorder are how cases leave the system.

    **Fix.** Record every step, in order, when it happens.
    """
    events = case.application.events
    suspended = False
    decided = False
    closed_by: str | None = None
    for index, event in enumerate(events):
        name = type(event).__name__
        problem = problem_zh = None
        if index and event.on < events[index - 1].on:
            problem, problem_zh = "is dated before the event before it", "日期早于前一事件"
        elif closed_by is not None and not isinstance(event, Submitted):
            problem, problem_zh = (
                f"comes after the case was closed ({closed_by})",
                "发生在办件办结之后",
            )
        elif isinstance(event, Resumed) and not suspended:
            problem, problem_zh = "resumes a clock that was not suspended", "恢复计时前未中止"
        elif isinstance(event, Suspended) and suspended:
            problem, problem_zh = "suspends a clock already suspended", "重复中止计时"
        elif isinstance(event, Delivered) and not decided:
            problem, problem_zh = "delivers a licence with no decision", "未作决定即送达"
        if problem is not None:
            yield broken_history.finding(
                case.at(index),
                department_id=case.department_id,
                index=index,
                event=name,
                problem=problem,
                problem_zh=problem_zh,
            )
        if isinstance(event, Suspended):
            suspended = True
        elif isinstance(event, Resumed):
            suspended = False
        elif isinstance(event, Decided):
            decided = True
        elif isinstance(event, (NotAccepted, Withdrawn, Delivered)):
            closed_by = name


RULES = (
    decision_outside_hall,
    fee_outside_hall,
    item_not_in_catalogue,
    front_shop_back_factory,
    decision_not_by_office,
    outside_the_system,
    broken_history,
    HALL004,
    HALL005,
    HALL006,
)
"""The family's rules."""
