"""Named boundary tests of the TIME rules (限时办结), written from the law's text.

Every period here is counted by hand from the State Council's holiday notice of its
year (国务院办公厅关于2025年部分节假日安排的通知: 清明 4/4-4/6; 劳动节 5/1-5/5, 4/27 调休上班;
国庆、中秋 10/1-10/8, 9/28 and 10/11 调休上班), following 行政许可法 art. 82 (working days,
statutory holidays excluded) and 民法典 art. 201 (the start day does not count). Each test
builds the tiny world of the rule pages, changes one fact, and runs one rule through
``check(..., select=[code])``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from shenpi.applications import (
    Application,
    Extended,
    NotAccepted,
    Outcome,
    Resumed,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import WorkCalendar
from shenpi.items import HandlingType, ItemKind
from shenpi.jurisdiction import Jurisdiction
from shenpi.organization import Department, Official, Role
from shenpi.rules import Finding, Severity, Subject, check
from shenpi.rules.examples import accepted, amend, case, decided, delivered, submitted, tiny_world
from shenpi.timing import Suspension, TimeLimit

d = dt.date
AS_OF = d(2025, 12, 31)
MONDAY = d(2025, 3, 3)
TEN = TimeLimit.workdays(10)


def run(world: Jurisdiction, code: str, *, as_of: dt.date = AS_OF, **options: Any) -> list[Finding]:
    """The findings of one rule on ``world``."""
    return list(check(world, as_of=as_of, select=[code], **options).findings)


def one(found: list[Finding], code: str, event: int | None) -> dict[str, Any]:
    """The facts of the single finding expected, after checking its code and subject."""
    assert [(f.code, f.subject) for f in found] == [(code, Subject("application", "A1", event))]
    return found[0].fact_map


def several(*item_ids: str, events: list[Any]) -> Application:
    """One case applying for several items at once."""
    return attrs.evolve(case(*events), item_ids=item_ids)


def joint_world(*applications: Application) -> Jurisdiction:
    """The tiny world with I1 handled jointly (art. 26, art. 42 ¶2: 45 working days) under
    D1 with D2, and the city government ``G0`` whose head is ``G0.mayor``."""
    world = amend(
        tiny_world(*applications),
        "items",
        "I1",
        joint=True,
        lead_department_id="D1",
        co_department_ids=["D2"],
        statutory_limit=TimeLimit.workdays(45),
        promised_limit=TimeLimit.workdays(30),
    )
    return attrs.evolve(
        world,
        departments=[
            *world.departments,
            Department("G0", "青岚市人民政府", head_id="G0.mayor", approval_powers=False),
        ],
        officials=[*world.officials, Official("G0.mayor", "陈市长", "G0", Role.HEAD)],
    )


def extended(on: dt.date, by: TimeLimit = TEN, approved_by: str | None = "D1.head") -> Extended:
    return Extended(on, by, approved_by=approved_by, reason="需现场核查")


# ============================================================================ TIME000
def test_time000_intake_over_an_unannounced_spring_festival_cannot_be_judged() -> None:
    """行政许可法 art. 82: the periods are working days, known only from the State Council's
    notice of the year. Received 2027-02-01, before the 2027 Spring Festival, accepted
    2027-02-12: the official calendar (published arrangements to 2026-12-31) cannot say
    whether 2-12 is within 5 working days, so TIME001 is reported as not judged."""
    world = tiny_world(case(submitted(d(2027, 2, 1)), accepted(d(2027, 2, 12))))
    report = check(world, as_of=d(2027, 3, 31), select=["TIME001"])
    facts = one(list(report.findings), "TIME000", None)
    assert report.findings[0].severity is Severity.INFO
    assert facts["rule"] == "TIME001"
    assert "2027" in str(facts["reason"])
    assert report.ok


def test_time000_the_statutory_projection_judges_the_same_intake() -> None:
    """Art. 82 with 全国年节及纪念日放假办法 art. 2: with the statutory projection of 2027's
    holidays the same case is judged, and found in time: no TIME000, no TIME001."""
    world = tiny_world(case(submitted(d(2027, 2, 1)), accepted(d(2027, 2, 12))))
    projected = WorkCalendar.official(unannounced="statutory")
    assert run(world, "TIME001", as_of=d(2027, 3, 31), calendar=projected) == []


def test_time000_an_answer_the_next_day_is_in_time_under_any_arrangement() -> None:
    """Art. 32 (4), art. 82: received Monday 2027-03-01 and accepted 3-02, the first day
    after receipt: in time whatever the 2027 notice says, so it is judged (no TIME000)."""
    world = tiny_world(case(submitted(d(2027, 3, 1)), accepted(d(2027, 3, 2))))
    assert run(world, "TIME001", as_of=d(2027, 6, 30)) == []


def test_time000_a_decision_four_months_after_acceptance_is_late_under_any_arrangement() -> None:
    """Art. 42 ¶1, art. 82: accepted 2027-03-01, decided 2027-06-30. No holiday
    arrangement stretches 20 working days over four months: TIME004 is reported, on the
    latest possible due day and marked provisional, not TIME000."""
    world = tiny_world(
        case(submitted(d(2027, 3, 1)), accepted(d(2027, 3, 1)), decided(d(2027, 6, 30)))
    )
    found = run(world, "TIME004", as_of=d(2027, 12, 31))
    one(found, "TIME004", 2)
    assert "provisional" in found[0].message_en


def test_time000_a_decision_before_the_unannounced_year_is_on_time_whatever_comes() -> None:
    """Art. 42 ¶1, art. 82: accepted 2026-12-15, the 20 working days reach into 2027 (no
    notice yet); decided 2026-12-28, the ninth working day (12-16, 17, 18, 21, 22, 23, 24,
    25, 28): on time under any arrangement, neither TIME004 nor TIME000."""
    world = tiny_world(
        case(submitted(d(2026, 12, 15)), accepted(d(2026, 12, 15)), decided(d(2026, 12, 28)))
    )
    assert run(world, "TIME004", as_of=d(2026, 12, 31)) == []


def test_time000_is_not_run_alone_and_an_explicit_ignore_hides_it() -> None:
    """Art. 82: TIME000 stands in for a rule that could not judge; selected alone it has
    nothing to stand in for, and ``ignore`` hides it."""
    world = tiny_world(case(submitted(d(2027, 2, 1)), accepted(d(2027, 2, 12))))
    assert run(world, "TIME000", as_of=d(2027, 3, 31)) == []
    report = check(world, as_of=d(2027, 3, 31), select=["TIME001"], ignore=["TIME000"])
    assert report.findings == ()


# ============================================================================ TIME001
def test_time001_answer_on_the_fifth_working_day_is_in_time() -> None:
    """行政许可法 art. 32 (4): tell everything missing on the spot or within 5 working days.
    5 working days from 2025-09-24: 9-25, 9-26, 9-28 (Sunday, 调休上班), 9-29, 9-30. A
    supplement notice on 9-30 is in time."""
    history = [submitted(d(2025, 9, 24)), SupplementRequested(d(2025, 9, 30), ["营业执照复印件"])]
    assert run(tiny_world(case(*history)), "TIME001") == []


def test_time001_answer_on_the_sixth_working_day_is_late_and_deemed_accepted_on_receipt() -> None:
    """Art. 32 (4): not told in time, the application counts as accepted from the day the
    materials were received. Due 2025-09-30 (see above); 10-1 to 10-8 are 国庆/中秋 rest
    days, so 10-09 is the sixth working day: late, deemed accepted on 9-24."""
    history = [submitted(d(2025, 9, 24)), SupplementRequested(d(2025, 10, 9), ["营业执照复印件"])]
    facts = one(run(tiny_world(case(*history)), "TIME001"), "TIME001", 1)
    assert (facts["answered"], facts["due"], facts["deemed"]) == (
        "2025-10-09",
        "2025-09-30",
        "2025-09-24",
    )


def test_time001_acceptance_on_the_fifth_working_day_across_national_day_is_in_time() -> None:
    """Art. 32 (4), art. 82: 5 working days from 2025-09-29: 9-30, 10-9, 10-10, 10-11
    (Saturday, 调休上班), 10-13. Accepted on 10-13: in time."""
    history = [submitted(d(2025, 9, 29)), accepted(d(2025, 10, 13))]
    assert run(tiny_world(case(*history)), "TIME001") == []


def test_time001_acceptance_the_day_after_the_fifth_working_day_across_national_day_is_late() -> (
    None
):
    """Art. 32 (4): due 2025-10-13 (see above); accepted 10-14: late."""
    history = [submitted(d(2025, 9, 29)), accepted(d(2025, 10, 14))]
    facts = one(run(tiny_world(case(*history)), "TIME001"), "TIME001", 1)
    assert (facts["answered"], facts["due"], facts["deemed"]) == (
        "2025-10-14",
        "2025-10-13",
        "2025-09-29",
    )


def test_time001_acceptance_on_the_day_of_receipt_is_in_time() -> None:
    """Art. 32 (5): complete materials are accepted; on the day of receipt is on the spot."""
    history = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 3))]
    assert run(tiny_world(case(*history)), "TIME001") == []


def test_time001_an_unanswered_case_is_not_late_on_the_fifth_working_day() -> None:
    """Art. 32 (4): 5 working days from Monday 2025-03-03 end on 3-10 (3-4, 5, 6, 7, 10);
    audited on 3-10 with no answer yet, the period has not run out."""
    world = tiny_world(case(submitted(d(2025, 3, 3))))
    assert run(world, "TIME001", as_of=d(2025, 3, 10)) == []


def test_time001_an_unanswered_case_is_deemed_accepted_the_day_after_the_fifth_working_day() -> (
    None
):
    """Art. 32 (4): audited on 2025-03-11 with no answer, the case counts as accepted on
    the day of receipt, 3-03; the finding is about the case, not an event."""
    world = tiny_world(case(submitted(d(2025, 3, 3))))
    facts = one(run(world, "TIME001", as_of=d(2025, 3, 11)), "TIME001", None)
    assert (facts["due"], facts["deemed"]) == ("2025-03-10", "2025-03-03")


def test_time001_a_notice_in_time_answers_intake_however_long_the_applicant_takes() -> None:
    """Art. 32 (4)-(5): the notice on 2025-03-04 answers intake; the applicant brings the
    materials on 3-20 and is accepted that day. The applicant's time is not the agency's."""
    history = [
        submitted(d(2025, 3, 3)),
        SupplementRequested(d(2025, 3, 4), ["营业执照复印件"]),
        Supplemented(d(2025, 3, 20)),
        accepted(d(2025, 3, 20)),
    ]
    assert run(tiny_world(case(*history)), "TIME001") == []


def test_time001_an_on_the_spot_decision_answers_intake() -> None:
    """行政许可法 art. 34 ¶2: complete materials that can be decided on the spot are decided
    on the spot, in writing. Received and decided on 2025-03-03 with no separate
    acceptance: intake was answered on the spot."""
    world = amend(
        tiny_world(
            case(submitted(d(2025, 3, 3)), decided(d(2025, 3, 3)), delivered(d(2025, 3, 3)))
        ),
        "items",
        "I1",
        handling=HandlingType.INSTANT,
        promised_limit=TimeLimit.hours(2),
    )
    assert run(world, "TIME001") == []


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 34 ¶2: a decision answers intake; TIME001 reports a decision on the sixth "
    "working day with no separate answer as a case not yet answered, about the case "
    "instead of the decision",
)
def test_time001_a_decision_on_the_sixth_working_day_is_the_late_answer() -> None:
    """Arts. 32 (4), 34 ¶2: received Monday 2025-03-03 (answer due 3-10, see above),
    decided on 3-11 with no acceptance recorded. The decision is the first answer, and it
    is late: the finding names it and its day."""
    world = tiny_world(case(submitted(d(2025, 3, 3)), decided(d(2025, 3, 11))))
    facts = one(run(world, "TIME001"), "TIME001", 1)
    assert (facts["answered"], facts["due"]) == ("2025-03-11", "2025-03-10")


def test_time001_a_refusal_on_the_day_of_receipt_for_another_agencys_matter_is_in_time() -> None:
    """行政许可法 art. 32 (2): a matter outside the agency's powers is refused at once, and
    the applicant referred to the competent agency. Refused the day it was received."""
    refusal = NotAccepted(d(2025, 3, 3), "申请事项不属于本机关职权范围", referral="市自然资源局")
    assert run(tiny_world(case(submitted(d(2025, 3, 3)), refusal)), "TIME001") == []


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 32 (2): a matter outside the agency's powers is refused 即时 (at once); "
    "TIME001 allows every refusal the 5 working days of art. 32 (4)",
)
def test_time001_a_refusal_for_another_agencys_matter_two_days_later_is_late() -> None:
    """Art. 32 (2): 应当即时作出不予受理的决定. Received 2025-03-03, refused and referred on
    3-05, the second working day: the law gives no 5 days for this, it is late."""
    refusal = NotAccepted(d(2025, 3, 5), "申请事项不属于本机关职权范围", referral="市自然资源局")
    facts = one(run(tiny_world(case(submitted(d(2025, 3, 3)), refusal)), "TIME001"), "TIME001", 1)
    assert facts["answered"] == "2025-03-05"


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 32 (1): a matter needing no licence is refused 即时 (at once); TIME001 "
    "allows every refusal the 5 working days of art. 32 (4)",
)
def test_time001_a_refusal_of_a_matter_needing_no_licence_two_days_later_is_late() -> None:
    """Art. 32 (1): 申请事项依法不需要取得行政许可的，应当即时告知申请人不受理. Received
    2025-03-03, told on 3-05: late."""
    refusal = NotAccepted(d(2025, 3, 5), "申请事项依法不需要取得行政许可（第三十二条第一项）")
    facts = one(run(tiny_world(case(submitted(d(2025, 3, 3)), refusal)), "TIME001"), "TIME001", 1)
    assert facts["answered"] == "2025-03-05"


# ============================================================================ TIME002
def test_time002_a_second_notice_naming_an_original_material_breaks_the_one_time_notice() -> None:
    """行政许可法 art. 32 (4), art. 72 (4): tell everything to supplement at one time. The
    first notice (3-04) asks for the licence copy; after supplementing, a second notice
    (3-07) asks for a floor plan the first could have named."""
    history = [
        submitted(d(2025, 3, 3)),
        SupplementRequested(d(2025, 3, 4), ["营业执照复印件"]),
        Supplemented(d(2025, 3, 6)),
        SupplementRequested(d(2025, 3, 7), ["经营场所平面图"]),
        Supplemented(d(2025, 3, 10)),
        accepted(d(2025, 3, 10)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME002"), "TIME002", 3)
    assert facts["count"] == 2


def test_time002_one_notice_listing_everything_missing_is_lawful() -> None:
    """Art. 32 (4): one notice naming both missing materials."""
    history = [
        submitted(d(2025, 3, 3)),
        SupplementRequested(d(2025, 3, 4), ["营业执照复印件", "经营场所平面图"]),
        Supplemented(d(2025, 3, 7)),
        accepted(d(2025, 3, 7)),
    ]
    assert run(tiny_world(case(*history)), "TIME002") == []


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 32 (4) binds the notice about the materials first received; a second "
    "notice about the supplemented materials themselves is lawful, but TIME002 flags "
    "every second notice",
)
def test_time002_a_second_notice_about_the_supplemented_material_itself_is_lawful() -> None:
    """Art. 32 (4): the one-time notice covers what was wrong with the materials received.
    The licence copy asked for on 3-04 comes back illegible on 3-06; asking again for that
    same material on 3-07 tells nothing the first notice could have told."""
    history = [
        submitted(d(2025, 3, 3)),
        SupplementRequested(d(2025, 3, 4), ["营业执照复印件"]),
        Supplemented(d(2025, 3, 6)),
        SupplementRequested(d(2025, 3, 7), ["营业执照复印件"]),
        Supplemented(d(2025, 3, 10)),
        accepted(d(2025, 3, 10)),
    ]
    assert run(tiny_world(case(*history)), "TIME002") == []


def test_time002_a_second_notice_adding_an_original_material_to_the_supplemented_one() -> None:
    """Art. 32 (4), art. 72 (4): the second notice asks again for the supplemented copy and
    also for the floor plan, which was missing from the start: the one-time notice was
    broken all the same."""
    history = [
        submitted(d(2025, 3, 3)),
        SupplementRequested(d(2025, 3, 4), ["营业执照复印件"]),
        Supplemented(d(2025, 3, 6)),
        SupplementRequested(d(2025, 3, 7), ["营业执照复印件", "经营场所平面图"]),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME002"), "TIME002", 3)
    assert facts["count"] == 2


def test_time002_three_notices_give_a_finding_at_the_second_and_the_third() -> None:
    """Art. 32 (4), art. 72 (4): three notices, each naming a material of the original
    submission: the second and the third each break the one-time notice."""
    history = [
        submitted(d(2025, 3, 3)),
        SupplementRequested(d(2025, 3, 4), ["营业执照复印件"]),
        Supplemented(d(2025, 3, 5)),
        SupplementRequested(d(2025, 3, 6), ["经营场所平面图"]),
        Supplemented(d(2025, 3, 7)),
        SupplementRequested(d(2025, 3, 10), ["法定代表人身份证明"]),
    ]
    found = run(tiny_world(case(*history)), "TIME002")
    assert [(f.code, f.subject.event_index, f.fact_map["count"]) for f in found] == [
        ("TIME002", 3, 3),
        ("TIME002", 5, 3),
    ]


# ============================================================================ TIME003
def promised_case(decided_on: dt.date, accepted_on: dt.date = MONDAY) -> Jurisdiction:
    return tiny_world(
        case(submitted(accepted_on), accepted(accepted_on), decided(decided_on)),
    )


def test_time003_decision_on_the_tenth_working_day_keeps_the_promise() -> None:
    """Seed 三(七): 兑现承诺时限. I1 promises 10 working days; from Monday 2025-03-03:
    3-4, 5, 6, 7, 10, 11, 12, 13, 14, 17. Decided on 3-17: kept."""
    assert run(promised_case(d(2025, 3, 17)), "TIME003") == []


def test_time003_decision_on_the_eleventh_working_day_breaks_the_promise() -> None:
    """Seed 三(七): due 2025-03-17 (see above); decided on 3-18, within the law's 20."""
    facts = one(run(promised_case(d(2025, 3, 18)), "TIME003"), "TIME003", 2)
    assert (facts["due"], facts["late"], facts["late_days"]) == ("2025-03-17", 1, 1)


def test_time003_promise_across_national_day_is_kept_on_the_tenth_working_day() -> None:
    """Seed 三(七), art. 82: 10 working days from 2025-09-29: 9-30, 10-9, 10-10, 10-11
    (调休上班), 10-13, 14, 15, 16, 17, 20. Decided on 10-20: kept."""
    assert run(promised_case(d(2025, 10, 20), d(2025, 9, 29)), "TIME003") == []


def test_time003_promise_across_national_day_is_broken_on_the_eleventh_working_day() -> None:
    """Seed 三(七): due 2025-10-20 (see above); decided on 10-21."""
    facts = one(run(promised_case(d(2025, 10, 21), d(2025, 9, 29)), "TIME003"), "TIME003", 2)
    assert (facts["due"], facts["late"]) == ("2025-10-20", 1)


def test_time003_a_decision_on_the_saturday_after_the_due_friday_is_late() -> None:
    """Seed 三(七); 民法典 art. 203: the last day ends at 24:00. 10 working days from Friday
    2025-02-28: 3-3 … 3-7, 3-10 … 3-14; due Friday 3-14. Decided on Saturday 3-15: one day
    late, no working day late, late all the same."""
    facts = one(run(promised_case(d(2025, 3, 15), d(2025, 2, 28)), "TIME003"), "TIME003", 2)
    assert (facts["due"], facts["late_days"], facts["late"]) == ("2025-03-14", 1, 0)


def test_time003_a_natural_day_promise_ending_on_national_day_moves_to_the_next_working_day() -> (
    None
):
    """Seed 三(七); 民法典 art. 203: a period in days whose last day is a rest day ends on
    the first working day after it. I1 promises 30 natural days (its law, 60): from
    2025-09-01 they end on 10-01, National Day; 10-1 … 10-8 are rest days, so the promise
    ends on 10-09. Decided 10-09: kept; 10-10: broken."""

    def world(decided_on: dt.date) -> Jurisdiction:
        return amend(
            promised_case(decided_on, d(2025, 9, 1)),
            "items",
            "I1",
            statutory_limit=TimeLimit.natural_days(60),
            promised_limit=TimeLimit.natural_days(30),
        )

    assert run(world(d(2025, 10, 9)), "TIME003") == []
    facts = one(run(world(d(2025, 10, 10)), "TIME003"), "TIME003", 2)
    assert (facts["due"], facts["late_days"]) == ("2025-10-09", 1)


def test_time003_a_decision_late_against_the_law_is_not_reported_as_a_broken_promise() -> None:
    """Seed 三(七), art. 42: decided 2025-04-01, past the law's 3-31 (TIME004's case): the
    promise is not reported again."""
    found = check(promised_case(d(2025, 4, 1)), as_of=AS_OF, select=["TIME003", "TIME004"])
    assert [f.code for f in found] == ["TIME004"]


def test_time003_the_shortest_promise_of_several_items_governs() -> None:
    """Seed 三(七): one decision for a case of I2 (promise 15) and I1 (promise 10) must keep
    both promises: due 2025-03-17, the tenth working day; decided on 3-18."""
    events = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 3)), decided(d(2025, 3, 18))]
    facts = one(run(tiny_world(several("I2", "I1", events=events)), "TIME003"), "TIME003", 2)
    assert facts["due"] == "2025-03-17"


def test_time003_several_items_decided_on_the_shortest_promise_are_in_time() -> None:
    """Seed 三(七): the same case decided on 2025-03-17 keeps both promises."""
    events = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 3)), decided(d(2025, 3, 17))]
    assert run(tiny_world(several("I2", "I1", events=events)), "TIME003") == []


def test_time003_a_testing_suspension_moves_the_promise() -> None:
    """Art. 45: testing time is not counted. Suspended 2025-03-10, resumed 3-17: 3-10 … 3-14
    do not count, so the promise (3-17) moves five working days: 3-18, 19, 20, 21, 24."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.TESTING),
        Resumed(d(2025, 3, 17)),
        decided(d(2025, 3, 25)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME003"), "TIME003", 4)
    assert facts["due"] == "2025-03-24"
    history[-1] = decided(d(2025, 3, 24))
    assert run(tiny_world(case(*history)), "TIME003") == []


def test_time003_a_late_acceptance_does_not_move_the_promise() -> None:
    """Art. 32 (4): received 2025-03-03, accepted only on 3-11 (the intake answer was due
    3-10): the case counts as accepted on 3-03, so the promise ends on 3-17, not 3-25."""
    history = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 11)), decided(d(2025, 3, 18))]
    facts = one(run(tiny_world(case(*history)), "TIME003"), "TIME003", 2)
    assert facts["due"] == "2025-03-17"


# ============================================================================ TIME004
def test_time004_decision_on_the_twentieth_working_day_is_in_time() -> None:
    """行政许可法 art. 42 ¶1: 20 working days from Monday 2025-03-03: 3-4 … 3-7 (4), 3-10 …
    3-14 (9), 3-17 … 3-21 (14), 3-24 … 3-28 (19), 3-31 (20). Decided on 3-31."""
    assert run(promised_case(d(2025, 3, 31)), "TIME004") == []


def test_time004_decision_on_the_twenty_first_working_day_is_late() -> None:
    """Art. 42 ¶1, art. 74 (2): due 2025-03-31; decided on 4-01."""
    facts = one(run(promised_case(d(2025, 4, 1)), "TIME004"), "TIME004", 2)
    assert (facts["due"], facts["late"], facts["late_days"]) == ("2025-03-31", 1, 1)


def test_time004_a_sunday_made_a_working_day_can_be_the_last_day() -> None:
    """Art. 42 ¶1, art. 82: 20 working days from 2025-09-01: 9-2 … 9-5 (4), 9-8 … 9-12 (9),
    9-15 … 9-19 (14), 9-22 … 9-26 (19), Sunday 9-28 (调休上班, 20). Decided on 9-28: in
    time; on 9-29: late."""
    assert run(promised_case(d(2025, 9, 28), d(2025, 9, 1)), "TIME004") == []
    facts = one(run(promised_case(d(2025, 9, 29), d(2025, 9, 1)), "TIME004"), "TIME004", 2)
    assert facts["due"] == "2025-09-28"


def test_time004_a_decision_on_a_rest_day_after_the_due_day_is_late() -> None:
    """Art. 42 ¶1; 民法典 art. 203: the last day ends at 24:00. 20 working days from
    2025-09-03: 9-4, 9-5 (2), 9-8 … 9-12 (7), 9-15 … 9-19 (12), 9-22 … 9-26 (17), 9-28
    (调休上班, 18), 9-29 (19), 9-30 (20). Decided on 10-01, National Day: late by one day
    and no working day."""
    facts = one(run(promised_case(d(2025, 10, 1), d(2025, 9, 3)), "TIME004"), "TIME004", 2)
    assert (facts["due"], facts["late_days"], facts["late"]) == ("2025-09-30", 1, 0)


def test_time004_a_natural_day_period_ending_on_labour_day_moves_to_the_next_working_day() -> None:
    """Art. 42 ¶1 (法律、法规另有规定的，依照其规定); 民法典 art. 203. Another law gives I1
    30 natural days: from 2025-04-01 they end on 5-01, 劳动节; 5-1 … 5-5 are rest days, so
    the period ends on 5-06. Decided 5-06: in time; 5-07: late."""

    def world(decided_on: dt.date) -> Jurisdiction:
        return amend(
            promised_case(decided_on, d(2025, 4, 1)),
            "items",
            "I1",
            statutory_limit=TimeLimit.natural_days(30),
            promised_limit=TimeLimit.natural_days(20),
        )

    assert run(world(d(2025, 5, 6)), "TIME004") == []
    facts = one(run(world(d(2025, 5, 7)), "TIME004"), "TIME004", 2)
    assert (facts["due"], facts["late_days"]) == ("2025-05-06", 1)


def test_time004_an_extension_approved_on_the_last_day_moves_the_due_day() -> None:
    """Art. 42 ¶1: extended by 10 working days on 2025-03-31, the last day, with the head's
    approval: 4-1, 4-2, 4-3 (清明 4-4 … 4-6), 4-7 … 4-11, 4-14, 4-15. Decided 4-15: in
    time; 4-16: late."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 31)),
        decided(d(2025, 4, 15)),
    ]
    assert run(tiny_world(case(*history)), "TIME004") == []
    history[-1] = decided(d(2025, 4, 16))
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 3)
    assert facts["due"] == "2025-04-15"


def test_time004_an_extension_approved_the_day_after_the_due_day_moves_nothing() -> None:
    """Art. 42 ¶1: 二十日内不能作出决定的 … 可以延长: the period is extended while it runs.
    Extended on 2025-04-01, after 3-31: the decision on 4-15 is ten working days late (4-1,
    2, 3, 7, 8, 9, 10, 11, 14, 15)."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 4, 1)),
        decided(d(2025, 4, 15)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 3)
    assert (facts["due"], facts["late"], facts["late_days"]) == ("2025-03-31", 10, 15)


def test_time004_an_unapproved_extension_moves_nothing() -> None:
    """Art. 42 ¶1: 经本行政机关负责人批准. Extended on 2025-03-28 with no approval: the
    decision on 4-10 is measured against 3-31."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 28), approved_by=None),
        decided(d(2025, 4, 10)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 3)
    assert facts["due"] == "2025-03-31"


def test_time004_an_extension_beyond_ten_days_credits_only_ten() -> None:
    """Art. 42 ¶1: 可以延长十日. Extended by 15 on 2025-03-28: only 10 count, due 4-15
    (see above); decided 4-16: late."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 28), TimeLimit.workdays(15)),
        decided(d(2025, 4, 16)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 3)
    assert facts["due"] == "2025-04-15"


def test_time004_a_late_acceptance_does_not_move_the_decision_period() -> None:
    """Art. 32 (4), art. 42: received 2025-03-03, acceptance recorded only on 3-17: the case
    counts as accepted on 3-03, and the 20 working days end on 3-31. Decided 4-01: late."""
    history = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 17)), decided(d(2025, 4, 1))]
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 2)
    assert facts["due"] == "2025-03-31"


def test_time004_testing_time_is_not_counted() -> None:
    """Art. 45: 检验 … 所需时间不计算在本节规定的期限内. Suspended for testing on 2025-03-10,
    resumed 3-17: 3-10 … 3-14 do not count, so 3-31 moves five working days: 4-1, 4-2, 4-3,
    4-7, 4-8. Decided 4-08: in time; 4-09: late."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.TESTING),
        Resumed(d(2025, 3, 17)),
        decided(d(2025, 4, 8)),
    ]
    assert run(tiny_world(case(*history)), "TIME004") == []
    history[-1] = decided(d(2025, 4, 9))
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 4)
    assert facts["due"] == "2025-04-08"


def test_time004_a_suspension_without_an_article_45_procedure_is_counted() -> None:
    """Art. 45 lists the procedures whose time is not counted; a stop with no reason is
    counted. Stopped 2025-03-10 … 3-17 with no reason, decided 4-08: due 3-31, late."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), None),
        Resumed(d(2025, 3, 17)),
        decided(d(2025, 4, 8)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME004"), "TIME004", 4)
    assert facts["due"] == "2025-03-31"


def test_time004_another_laws_shorter_period_governs_a_case_of_several_items() -> None:
    """Art. 42 ¶1: 法律、法规另有规定的，依照其规定. I2's law sets 15 working days; a case of
    I1 and I2 is decided once, within both: from 2025-03-03, 15 working days end on 3-24
    (3-4 … 3-7, 3-10 … 3-14, 3-17 … 3-21, 3-24). Decided 3-24: in time; 3-25: late."""
    events = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 3)), decided(d(2025, 3, 24))]

    def world(events: list[Any]) -> Jurisdiction:
        return amend(
            tiny_world(several("I1", "I2", events=events)),
            "items",
            "I2",
            statutory_limit=TimeLimit.workdays(15),
            promised_limit=TimeLimit.workdays(10),
        )

    assert run(world(events), "TIME004") == []
    events[-1] = decided(d(2025, 3, 25))
    facts = one(run(world(events), "TIME004"), "TIME004", 2)
    assert facts["due"] == "2025-03-24"


def test_time004_joint_handling_has_forty_five_working_days() -> None:
    """Art. 42 ¶2, art. 26: 45 working days. From 2025-03-03: 20 to 3-31, 4-1 … 4-3 (23),
    4-7 … 4-11 (28), 4-14 … 4-18 (33), 4-21 … 4-25 (38), Sunday 4-27 (调休上班, 39), 4-28 …
    4-30 (42), 劳动节 5-1 … 5-5, 5-6, 5-7, 5-8 (45). Decided 5-08: in time; 5-09: late."""
    history = [submitted(d(2025, 3, 3)), accepted(d(2025, 3, 3)), decided(d(2025, 5, 8))]
    assert run(joint_world(case(*history)), "TIME004") == []
    history[-1] = decided(d(2025, 5, 9))
    facts = one(run(joint_world(case(*history)), "TIME004"), "TIME004", 2)
    assert facts["due"] == "2025-05-08"


def test_time004_joint_handling_extends_by_fifteen_days() -> None:
    """Art. 42 ¶2: 经本级人民政府负责人批准，可以延长十五日. Due 2025-05-08 (see above),
    extended on 5-08 by the mayor: 5-9, 5-12 … 5-16, 5-19 … 5-23, 5-26 … 5-29 (15). Decided
    5-29: in time; 5-30: late."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 5, 8), TimeLimit.workdays(15), approved_by="G0.mayor"),
        decided(d(2025, 5, 29)),
    ]
    assert run(joint_world(case(*history)), "TIME004") == []
    history[-1] = decided(d(2025, 5, 30))
    facts = one(run(joint_world(case(*history)), "TIME004"), "TIME004", 3)
    assert facts["due"] == "2025-05-29"


# ============================================================================ TIME005
def test_time005_a_promise_longer_than_the_law_is_reported() -> None:
    """Seed 三(七): 遵守法定时限，兑现承诺时限 — the promise can only shorten the law. I1
    promises 21 working days against the law's 20."""
    world = amend(tiny_world(), "items", "I1", promised_limit=TimeLimit.workdays(21))
    found = run(world, "TIME005")
    assert [(f.code, f.subject) for f in found] == [("TIME005", Subject("item", "I1"))]
    assert (found[0].fact_map["promised"], found[0].fact_map["statutory"]) == (
        "21 working days",
        "20 working days",
    )


def test_time005_a_promise_equal_to_the_law_is_allowed() -> None:
    """Seed 三(七): 承诺时限 ≤ 法定时限; 20 working days promised against 20."""
    world = amend(tiny_world(), "items", "I1", promised_limit=TimeLimit.workdays(20))
    assert run(world, "TIME005") == []


def test_time005_an_hour_promise_is_shorter_than_working_days() -> None:
    """Seed 三(七), art. 34: a two-hour promise on an instant item is shorter than 20
    working days."""
    world = amend(
        tiny_world(),
        "items",
        "I1",
        handling=HandlingType.INSTANT,
        promised_limit=TimeLimit.hours(2),
    )
    assert run(world, "TIME005") == []


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="seed 三(七): a promise may only shorten the law; 60 natural days always hold "
    "more than 20 working days, but TIME005 compares limits of one unit only",
)
def test_time005_sixty_natural_days_promised_against_twenty_working_days_is_longer() -> None:
    """Seed 三(七), art. 82: any 60 natural days hold at most 18 Saturdays and Sundays and
    at most about ten weekday rest days of holidays, so at least 30 working days: a 60-day
    promise is longer than the law's 20 working days."""
    world = amend(tiny_world(), "items", "I1", promised_limit=TimeLimit.natural_days(60))
    found = run(world, "TIME005")
    assert [(f.code, f.subject) for f in found] == [("TIME005", Subject("item", "I1"))]


# ============================================================================ TIME006
def extension_case(approved_by: str | None) -> Application:
    return case(
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 28), approved_by=approved_by),
        decided(d(2025, 4, 10)),
    )


def test_time006_an_extension_with_no_approval_is_reported() -> None:
    """行政许可法 art. 42 ¶1: 经本行政机关负责人批准，可以延长十日."""
    facts = one(run(tiny_world(extension_case(None)), "TIME006"), "TIME006", 2)
    assert facts["by"] == "10 working days"


def test_time006_an_extension_approved_by_the_head_is_lawful() -> None:
    """Art. 42 ¶1: approved by D1's head (张局长)."""
    assert run(tiny_world(extension_case("D1.head")), "TIME006") == []


def test_time006_an_extension_approved_by_a_deputy_head_is_lawful() -> None:
    """Art. 42 ¶1: 本行政机关负责人 covers the agency's deputy heads too (最高人民法院关于适用
    《中华人民共和国行政诉讼法》的解释 reads 行政机关负责人 as 正职、副职负责人以及其他参与分管
    的负责人). Approved by 李副局长."""
    assert run(tiny_world(extension_case("D1.deputy")), "TIME006") == []


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 42 ¶1: the extension is approved by the agency's head (本行政机关负责人); "
    "TIME006 accepts any recorded approver, here a window clerk",
)
def test_time006_an_extension_approved_by_a_window_clerk_is_not_approved() -> None:
    """Art. 42 ¶1: a window clerk (赵科员) is no head of the agency."""
    facts = one(run(tiny_world(extension_case("D1.clerk")), "TIME006"), "TIME006", 2)
    assert facts["by"] == "10 working days"


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 42 ¶1: the head of *this* agency approves; TIME006 accepts the head of "
    "another department",
)
def test_time006_an_extension_approved_by_another_departments_head_is_not_approved() -> None:
    """Art. 42 ¶1: 本行政机关负责人 — D2's head (孙局长) cannot extend D1's case."""
    one(run(tiny_world(extension_case("D2.head")), "TIME006"), "TIME006", 2)


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="art. 42 ¶2: in joint handling the head of the same-level government approves; "
    "TIME006 accepts a department head",
)
def test_time006_a_joint_extension_approved_by_a_department_head_is_not_approved() -> None:
    """Art. 42 ¶2: 经本级人民政府负责人批准，可以延长十五日. I1 is handled jointly; its
    extension approved by D1's head, not the government's."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 5, 8), TimeLimit.workdays(15), approved_by="D1.head"),
        decided(d(2025, 5, 20)),
    ]
    one(run(joint_world(case(*history)), "TIME006"), "TIME006", 2)


def test_time006_a_joint_extension_approved_by_the_mayor_is_lawful() -> None:
    """Art. 42 ¶2: approved by the city's mayor (陈市长), the same-level government's head."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 5, 8), TimeLimit.workdays(15), approved_by="G0.mayor"),
        decided(d(2025, 5, 20)),
    ]
    assert run(joint_world(case(*history)), "TIME006") == []


# ============================================================================ TIME007
def test_time007_an_extension_of_ten_working_days_is_the_most_allowed() -> None:
    """行政许可法 art. 42 ¶1: 可以延长十日."""
    world = tiny_world(extension_case("D1.head"))
    assert run(world, "TIME007") == []


def test_time007_an_extension_of_eleven_working_days_is_too_long() -> None:
    """Art. 42 ¶1: eleven is one more than the law allows."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 28), TimeLimit.workdays(11)),
        decided(d(2025, 4, 10)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME007"), "TIME007", 2)
    assert facts["by"] == "11 working days"


def test_time007_a_joint_extension_of_fifteen_working_days_is_allowed() -> None:
    """Art. 42 ¶2: joint handling may be extended by 15."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 5, 8), TimeLimit.workdays(15), approved_by="G0.mayor"),
        decided(d(2025, 5, 20)),
    ]
    assert run(joint_world(case(*history)), "TIME007") == []


def test_time007_a_joint_extension_of_sixteen_working_days_is_too_long() -> None:
    """Art. 42 ¶2: sixteen is one more than the joint procedure allows."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 5, 8), TimeLimit.workdays(16), approved_by="G0.mayor"),
        decided(d(2025, 5, 20)),
    ]
    facts = one(run(joint_world(case(*history)), "TIME007"), "TIME007", 2)
    assert facts["by"] == "16 working days"


# ============================================================================ TIME008
def late_extension_case(extended_on: dt.date, accepted_on: dt.date = MONDAY) -> Application:
    return case(
        submitted(accepted_on),
        accepted(accepted_on),
        extended(extended_on),
        decided(extended_on + dt.timedelta(days=7)),
    )


def test_time008_an_extension_approved_on_the_last_day_is_in_time() -> None:
    """行政许可法 art. 42 ¶1: 二十日内不能作出决定的 … 可以延长. 20 working days from
    2025-03-03 end on 3-31 (see TIME004); extended on 3-31."""
    assert run(tiny_world(late_extension_case(d(2025, 3, 31))), "TIME008") == []


def test_time008_an_extension_approved_the_day_after_the_last_day_is_too_late() -> None:
    """Art. 42 ¶1: extended on 2025-04-01, the period having ended on 3-31."""
    facts = one(run(tiny_world(late_extension_case(d(2025, 4, 1))), "TIME008"), "TIME008", 2)
    assert facts["on"] == "2025-04-01"


def test_time008_an_extension_on_the_holiday_after_the_last_day_is_too_late() -> None:
    """Art. 42 ¶1; 民法典 art. 203: the last day ends at 24:00. From 2025-09-03 the 20
    working days end on 9-30 (see TIME004); extended on 10-01, National Day."""
    world = tiny_world(late_extension_case(d(2025, 10, 1), d(2025, 9, 3)))
    facts = one(run(world, "TIME008"), "TIME008", 2)
    assert facts["on"] == "2025-10-01"


def test_time008_a_testing_suspension_moves_the_last_day_to_extend() -> None:
    """Arts. 42, 45: testing 2025-03-10 … 3-17 moves the last day to 4-08 (see TIME004).
    Extended on 4-08: in time; on 4-09: too late."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.TESTING),
        Resumed(d(2025, 3, 17)),
        extended(d(2025, 4, 8)),
        decided(d(2025, 4, 15)),
    ]
    assert run(tiny_world(case(*history)), "TIME008") == []
    history[4] = extended(d(2025, 4, 9))
    facts = one(run(tiny_world(case(*history)), "TIME008"), "TIME008", 4)
    assert facts["on"] == "2025-04-09"


# ============================================================================ TIME009
def test_time009_a_second_extension_is_reported_even_within_ten_days_in_all() -> None:
    """行政许可法 art. 42 ¶1: 可以延长十日 — one extension. Two of five working days each."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 27), TimeLimit.workdays(5)),
        extended(d(2025, 4, 3), TimeLimit.workdays(5)),
        decided(d(2025, 4, 14)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME009"), "TIME009", 3)
    assert facts["on"] == "2025-04-03"


def test_time009_one_extension_is_lawful() -> None:
    """Art. 42 ¶1: one extension of ten working days."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 27)),
        decided(d(2025, 4, 14)),
    ]
    assert run(tiny_world(case(*history)), "TIME009") == []


def test_time009_three_extensions_give_a_finding_at_the_second_and_the_third() -> None:
    """Art. 42 ¶1: everything after the first extension is one too many."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 27), TimeLimit.workdays(3)),
        extended(d(2025, 4, 1), TimeLimit.workdays(3)),
        extended(d(2025, 4, 7), TimeLimit.workdays(3)),
        decided(d(2025, 4, 14)),
    ]
    found = run(tiny_world(case(*history)), "TIME009")
    assert [(f.code, f.subject.event_index) for f in found] == [("TIME009", 3), ("TIME009", 4)]


# ============================================================================ TIME010
def suspension_case(suspension: Suspended) -> Application:
    return case(
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        suspension,
        Resumed(d(2025, 3, 17)),
        decided(d(2025, 3, 25)),
    )


def test_time010_a_suspension_with_no_reason_is_unfounded() -> None:
    """行政许可法 art. 45: only the time of the listed procedures is not counted."""
    world = tiny_world(suspension_case(Suspended(d(2025, 3, 10), None)))
    facts = one(run(world, "TIME010"), "TIME010", 2)
    assert facts["on"] == "2025-03-10"


@pytest.mark.parametrize(
    "procedure",
    [
        Suspension.HEARING,
        Suspension.BIDDING,
        Suspension.AUCTION,
        Suspension.TESTING,
        Suspension.INSPECTION,
        Suspension.QUARANTINE,
        Suspension.APPRAISAL,
        Suspension.EXPERT_REVIEW,
    ],
)
def test_time010_each_procedure_of_article_45_founds_a_suspension(procedure: Suspension) -> None:
    """Art. 45: 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审."""
    world = tiny_world(suspension_case(Suspended(d(2025, 3, 10), procedure)))
    assert run(world, "TIME010") == []


def test_time010_another_procedure_with_the_law_that_excludes_it_is_founded() -> None:
    """Art. 42 ¶1 (法律、法规另有规定的，依照其规定), art. 45: another law that excludes a
    procedure's time, named in the record."""
    suspension = Suspended(
        d(2025, 3, 10), Suspension.OTHER, basis="中华人民共和国食品安全法实施条例 第二十条"
    )
    assert run(tiny_world(suspension_case(suspension)), "TIME010") == []


def test_time010_another_procedure_with_only_a_note_is_unfounded() -> None:
    """Art. 45: a free-text note (等待申请人补充说明) names no law that excludes the time."""
    suspension = Suspended(d(2025, 3, 10), Suspension.OTHER, note="等待申请人补充说明")
    one(run(tiny_world(suspension_case(suspension)), "TIME010"), "TIME010", 2)


# ============================================================================ TIME011
def test_time011_a_case_decided_while_suspended_was_never_resumed() -> None:
    """行政许可法 art. 45: the procedure's time is excluded and told in writing; the clock
    stopped for an expert review on 2025-03-10 and the case was decided on 3-20 without
    its resumption."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.EXPERT_REVIEW),
        decided(d(2025, 3, 20)),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME011"), "TIME011", 2)
    assert facts["problem"] == "the case closed while suspended"


def test_time011_a_suspension_resumed_before_the_decision_is_lawful() -> None:
    """Art. 45: resumed on 2025-03-17 when the review ended, decided on 3-20."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.EXPERT_REVIEW),
        Resumed(d(2025, 3, 17)),
        decided(d(2025, 3, 20)),
    ]
    assert run(tiny_world(case(*history)), "TIME011") == []


def test_time011_an_open_suspension_of_ninety_days_is_not_yet_reported() -> None:
    """Art. 45 with ``RulePolicy.max_open_suspension`` (90 natural days): stopped on
    2025-03-10; 6-08 is the 90th day (3-10 → 4-10: 31, → 5-10: 61, → 6-08: 90)."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.EXPERT_REVIEW),
    ]
    assert run(tiny_world(case(*history)), "TIME011", as_of=d(2025, 6, 8)) == []


def test_time011_an_open_suspension_of_ninety_one_days_is_reported() -> None:
    """Art. 45 with the 90-day policy: on 2025-06-09 the clock has stood 91 days."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        Suspended(d(2025, 3, 10), Suspension.EXPERT_REVIEW),
    ]
    facts = one(run(tiny_world(case(*history)), "TIME011", as_of=d(2025, 6, 9)), "TIME011", 2)
    assert facts["on"] == "2025-03-10"
    assert "2025-06-09" in str(facts["problem"])


# ============================================================================ TIME012
def delivery_case(decided_on: dt.date, delivered_on: dt.date | None = None, **kw: Any) -> Any:
    events = [submitted(decided_on), accepted(decided_on), decided(decided_on, **kw)]
    if delivered_on is not None:
        events.append(delivered(delivered_on))
    return case(*events)


def test_time012_delivery_on_the_tenth_working_day_is_in_time() -> None:
    """行政许可法 art. 44: deliver within 10 working days of the decision. From Monday
    2025-03-10: 3-11 … 3-14 (4), 3-17 … 3-21 (9), 3-24 (10). Delivered 3-24."""
    assert run(tiny_world(delivery_case(d(2025, 3, 10), d(2025, 3, 24))), "TIME012") == []


def test_time012_delivery_on_the_eleventh_working_day_is_late() -> None:
    """Art. 44: due 2025-03-24 (see above); delivered 3-25."""
    world = tiny_world(delivery_case(d(2025, 3, 10), d(2025, 3, 25)))
    facts = one(run(world, "TIME012"), "TIME012", 3)
    assert (facts["due"], facts["decided"]) == ("2025-03-24", "2025-03-10")


def test_time012_delivery_across_national_day_on_the_tenth_working_day_is_in_time() -> None:
    """Art. 44, art. 82: 10 working days from Friday 2025-09-26: 9-28 (调休上班), 9-29, 9-30,
    10-9, 10-10, 10-11 (调休上班), 10-13, 10-14, 10-15, 10-16. Delivered 10-16: in time;
    10-17: late."""
    assert run(tiny_world(delivery_case(d(2025, 9, 26), d(2025, 10, 16))), "TIME012") == []
    world = tiny_world(delivery_case(d(2025, 9, 26), d(2025, 10, 17)))
    assert one(run(world, "TIME012"), "TIME012", 3)["due"] == "2025-10-16"


def test_time012_a_delivery_on_the_holiday_after_the_due_day_is_late() -> None:
    """Art. 44; 民法典 art. 203: 10 working days from 2025-09-17: 9-18, 9-19, 9-22 … 9-26,
    9-28 (调休上班), 9-29, 9-30. Delivered by post on 10-01: late."""
    world = tiny_world(delivery_case(d(2025, 9, 17), d(2025, 10, 1)))
    assert one(run(world, "TIME012"), "TIME012", 3)["due"] == "2025-09-30"


def test_time012_an_undelivered_licence_is_not_late_on_the_tenth_working_day() -> None:
    """Art. 44: decided 2025-03-10, nothing delivered, audited on the due day 3-24."""
    world = tiny_world(delivery_case(d(2025, 3, 10)))
    assert run(world, "TIME012", as_of=d(2025, 3, 24)) == []


def test_time012_an_undelivered_licence_is_late_the_day_after() -> None:
    """Art. 44: audited on 2025-03-25 with nothing delivered: the finding is at the
    decision."""
    world = tiny_world(delivery_case(d(2025, 3, 10)))
    facts = one(run(world, "TIME012", as_of=d(2025, 3, 25)), "TIME012", 2)
    assert facts["due"] == "2025-03-24"
    assert "not delivered" in str(facts["state"])


def test_time012_a_denial_issues_no_licence() -> None:
    """Art. 44 binds 准予行政许可的决定; a denial (art. 38 ¶2) has no licence to deliver."""
    world = tiny_world(
        delivery_case(d(2025, 3, 10), outcome=Outcome.DENIED, reasons="不符合法定条件")
    )
    assert run(world, "TIME012") == []


def test_time012_a_fee_item_issues_no_licence() -> None:
    """Art. 44 binds licences; a fee item (行政事业性收费) decides no licence to deliver."""
    world = amend(
        tiny_world(
            case(
                submitted(d(2025, 3, 10)),
                accepted(d(2025, 3, 10)),
                decided(d(2025, 3, 10)),
                id="A1",
                item="I2",
            )
        ),
        "items",
        "I2",
        kind=ItemKind.FEE,
    )
    assert run(world, "TIME012") == []


# ============================================================================ TIME013
def open_world(accepted_on: dt.date | None = MONDAY, *more: Any) -> Jurisdiction:
    events: list[Any] = [submitted(d(2025, 3, 3))]
    if accepted_on is not None:
        events.append(accepted(accepted_on))
    return tiny_world(case(*events, *more))


def test_time013_an_open_case_on_the_promised_due_day_is_not_yet_past_it() -> None:
    """Seed 三(七): the promise (10 working days from 2025-03-03) ends on 3-17."""
    assert run(open_world(), "TIME013", as_of=d(2025, 3, 17)) == []


def test_time013_an_open_case_the_day_after_the_promised_due_day_is_past_it() -> None:
    """Seed 三(七): still open on 2025-03-18, one working day past the promise."""
    facts = one(run(open_world(), "TIME013", as_of=d(2025, 3, 18)), "TIME013", None)
    assert (facts["due"], facts["late"], facts["as_of"]) == ("2025-03-17", 1, "2025-03-18")


def test_time013_an_open_case_on_the_saturday_after_the_promised_friday_is_past_it() -> None:
    """Seed 三(七); 民法典 art. 203: accepted Friday 2025-02-28, promise due Friday 3-14
    (see TIME003); still open on Saturday 3-15: one day past, no working day."""
    world = tiny_world(case(submitted(d(2025, 2, 28)), accepted(d(2025, 2, 28))))
    facts = one(run(world, "TIME013", as_of=d(2025, 3, 15)), "TIME013", None)
    assert (facts["due"], facts["late_days"], facts["late"]) == ("2025-03-14", 1, 0)


def test_time013_an_open_case_past_the_law_is_not_reported_as_past_the_promise() -> None:
    """Seed 三(七), art. 42: still open on 2025-04-01, past the law's 3-31: TIME014 only."""
    found = check(open_world(), as_of=d(2025, 4, 1), select=["TIME013", "TIME014"])
    assert [f.code for f in found] == ["TIME014"]


def test_time013_a_case_stopped_for_testing_is_not_past_its_promise() -> None:
    """Art. 45: stopped for testing on 2025-03-10 and still stopped on 3-20; the promise
    stands still."""
    world = open_world(d(2025, 3, 3), Suspended(d(2025, 3, 10), Suspension.TESTING))
    assert run(world, "TIME013", as_of=d(2025, 3, 20)) == []


def test_time013_an_unanswered_case_runs_its_promise_from_receipt() -> None:
    """Art. 32 (4): never answered, the case counts as accepted on 2025-03-03; its promise
    ended on 3-17, so on 3-18 it is past it."""
    facts = one(run(open_world(None), "TIME013", as_of=d(2025, 3, 18)), "TIME013", None)
    assert facts["due"] == "2025-03-17"


# ============================================================================ TIME014
def test_time014_an_open_case_on_the_twentieth_working_day_is_in_time() -> None:
    """行政许可法 art. 42 ¶1: 20 working days from 2025-03-03 end on 3-31."""
    assert run(open_world(), "TIME014", as_of=d(2025, 3, 31)) == []


def test_time014_an_open_case_on_the_twenty_first_working_day_is_past_the_law() -> None:
    """Art. 42 ¶1, art. 74 (2): still open on 2025-04-01."""
    facts = one(run(open_world(), "TIME014", as_of=d(2025, 4, 1)), "TIME014", None)
    assert (facts["due"], facts["late"]) == ("2025-03-31", 1)


def test_time014_a_lawful_extension_keeps_an_open_case_in_time_to_its_new_last_day() -> None:
    """Art. 42 ¶1: extended on 2025-03-31 by 10 with the head's approval: due 4-15 (see
    TIME004). Open on 4-15: in time; on 4-16: past the law."""
    world = open_world(d(2025, 3, 3), extended(d(2025, 3, 31)))
    assert run(world, "TIME014", as_of=d(2025, 4, 15)) == []
    assert one(run(world, "TIME014", as_of=d(2025, 4, 16)), "TIME014", None)["due"] == (
        "2025-04-15"
    )


def test_time014_an_unanswered_case_is_past_the_law_twenty_working_days_after_receipt() -> None:
    """Art. 32 (4), art. 42: never answered, accepted by law on 2025-03-03; open on 4-01."""
    facts = one(run(open_world(None), "TIME014", as_of=d(2025, 4, 1)), "TIME014", None)
    assert facts["due"] == "2025-03-31"


def test_time014_a_withdrawn_case_is_not_open() -> None:
    """Art. 42: the applicant withdrew on 2025-03-20; nothing is left to decide."""
    world = open_world(d(2025, 3, 3), Withdrawn(d(2025, 3, 20), "申请人撤回"))
    assert run(world, "TIME014", as_of=d(2025, 4, 1)) == []


# ============================================================================ TIME015
def late_suspension_case(on: dt.date, accepted_on: dt.date = MONDAY) -> Application:
    return case(
        submitted(accepted_on),
        accepted(accepted_on),
        Suspended(on, Suspension.EXPERT_REVIEW),
        Resumed(on + dt.timedelta(days=7)),
        decided(on + dt.timedelta(days=8)),
    )


def test_time015_a_procedure_started_on_the_last_day_stops_the_clock() -> None:
    """行政许可法 arts. 42, 45: 20 working days from 2025-03-03 end on 3-31; an expert review
    started on 3-31 is within the period."""
    assert run(tiny_world(late_suspension_case(d(2025, 3, 31))), "TIME015") == []


def test_time015_a_procedure_started_the_day_after_the_last_day_cannot_revive_the_period() -> None:
    """Arts. 42, 45: started on 2025-04-01, the period having ended on 3-31."""
    facts = one(run(tiny_world(late_suspension_case(d(2025, 4, 1))), "TIME015"), "TIME015", 2)
    assert facts["on"] == "2025-04-01"


def test_time015_a_procedure_started_on_the_holiday_after_the_last_day_is_too_late() -> None:
    """Arts. 42, 45; 民法典 art. 203: from 2025-09-03 the period ends on 9-30 (see TIME004);
    started on 10-01, National Day."""
    world = tiny_world(late_suspension_case(d(2025, 10, 1), d(2025, 9, 3)))
    assert one(run(world, "TIME015"), "TIME015", 2)["on"] == "2025-10-01"


def test_time015_a_procedure_within_a_lawfully_extended_period_stops_the_clock() -> None:
    """Arts. 42, 45: extended on 2025-03-31 to 4-15 (see TIME004); an expert review started
    on 4-14 is within the extended period."""
    history = [
        submitted(d(2025, 3, 3)),
        accepted(d(2025, 3, 3)),
        extended(d(2025, 3, 31)),
        Suspended(d(2025, 4, 14), Suspension.EXPERT_REVIEW),
        Resumed(d(2025, 4, 21)),
        decided(d(2025, 4, 22)),
    ]
    assert run(tiny_world(case(*history)), "TIME015") == []
