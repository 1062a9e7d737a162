"""Named boundary tests of the SUP rule (监督): complaints handled in time.

Seed 三(五) builds online complaints (网上投诉) into the hall's system and 三(九) asks for
real supervision of the approval power. The limit is local: a common rule (the 12345
hotline) gives 5 working days from receipt, the project's default
(``RulePolicy.complaint_limit``); a locality may count natural days instead, and then
民法典 art. 203 applies: a period in days whose last day is a rest day ends on the first
working day after it. Working days are counted by hand from the State Council's notice
of the year (2025: 国庆、中秋 10/1-10/8, 9/28 and 10/11 调休上班).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from shenpi.calendar import WorkCalendar
from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import Finding, RulePolicy, Severity, Subject, check
from shenpi.rules.examples import tiny_world
from shenpi.timing import TimeLimit

d = dt.date
AS_OF = d(2025, 12, 31)
FIVE_NATURAL_DAYS = RulePolicy(complaint_limit=TimeLimit.natural_days(5))


def complaint(
    received: dt.date, handled: dt.date | None = None, complaint_id: str = "C1"
) -> Complaint:
    return Complaint(
        complaint_id,
        ComplaintChannel.HOTLINE,
        received,
        department_id="D1",
        summary="办理食品经营许可被要求重复提交材料",
        handled_on=handled,
    )


def world_of(*complaints: Complaint) -> Jurisdiction:
    return attrs.evolve(tiny_world(), complaints=complaints)


def run(world: Jurisdiction, *, as_of: dt.date = AS_OF, **options: Any) -> list[Finding]:
    """The findings of SUP001 on ``world``."""
    return list(check(world, as_of=as_of, select=["SUP001"], **options).findings)


def one(found: list[Finding], code: str = "SUP001", complaint_id: str = "C1") -> dict[str, Any]:
    """The facts of the single finding expected, after checking its code and subject."""
    assert [(f.code, f.subject) for f in found] == [(code, Subject("complaint", complaint_id))]
    return found[0].fact_map


def test_sup001_a_complaint_handled_on_the_fifth_working_day_is_in_time() -> None:
    """Seed 三(五), 三(九); local rule of 5 working days. From Friday 2025-09-26: 9-28
    (Sunday, 调休上班), 9-29, 9-30, 10-9, 10-10. Handled on 10-10."""
    assert run(world_of(complaint(d(2025, 9, 26), d(2025, 10, 10)))) == []


def test_sup001_a_complaint_handled_on_the_sixth_working_day_is_late() -> None:
    """Seed 三(五), 三(九): due 2025-10-10 (see above); handled on Saturday 10-11, itself a
    调休 working day, the sixth."""
    found = run(world_of(complaint(d(2025, 9, 26), d(2025, 10, 11))))
    facts = one(found)
    assert found[0].severity is Severity.WARNING
    assert (facts["received"], facts["due"], facts["state"]) == (
        "2025-09-26",
        "2025-10-10",
        "was handled on 2025-10-11",
    )


def test_sup001_a_complaint_handled_the_day_it_came_in_is_in_time() -> None:
    """Seed 三(五): handled on the day of receipt."""
    assert run(world_of(complaint(d(2025, 3, 3), d(2025, 3, 3)))) == []


def test_sup001_an_open_complaint_on_its_due_day_is_not_yet_late() -> None:
    """Seed 三(九): received 2025-09-26, due 10-10, still open on 10-10."""
    assert run(world_of(complaint(d(2025, 9, 26))), as_of=d(2025, 10, 10)) == []


def test_sup001_an_open_complaint_the_day_after_its_due_day_is_late() -> None:
    """Seed 三(九): still open on 2025-10-11."""
    facts = one(run(world_of(complaint(d(2025, 9, 26))), as_of=d(2025, 10, 11)))
    assert (facts["due"], facts["state"]) == ("2025-10-10", "was not handled by 2025-10-11")


def test_sup001_of_several_complaints_only_the_late_one_is_reported() -> None:
    """Seed 三(九): C1 handled on the fifth working day (2025-03-10, from Monday 3-03: 3-4,
    5, 6, 7, 10), C2 received the same day and handled on 3-11."""
    world = world_of(
        complaint(d(2025, 3, 3), d(2025, 3, 10)),
        complaint(d(2025, 3, 3), d(2025, 3, 11), complaint_id="C2"),
    )
    assert one(run(world), complaint_id="C2")["due"] == "2025-03-10"


def test_sup001_a_natural_day_limit_ending_on_a_working_day_is_kept_to_that_day() -> None:
    """民法典 arts. 201, 203 under a local limit of 5 natural days: from Wednesday 2025-03-05
    they end on Monday 3-10, a working day. Handled on 3-10: in time; on 3-11: late."""
    in_time = world_of(complaint(d(2025, 3, 5), d(2025, 3, 10)))
    assert run(in_time, policy=FIVE_NATURAL_DAYS) == []
    late = world_of(complaint(d(2025, 3, 5), d(2025, 3, 11)))
    assert one(run(late, policy=FIVE_NATURAL_DAYS))["due"] == "2025-03-10"


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="民法典 art. 203: a natural-day limit whose last day is a rest day ends on the "
    "next working day; SUP001 ends it on the rest day itself",
)
def test_sup001_a_natural_day_limit_ending_on_national_day_moves_to_the_next_working_day() -> None:
    """民法典 art. 203, local limit of 5 natural days: from Friday 2025-09-26 they end on
    10-01, National Day; 10-1 … 10-8 are rest days, so the limit ends on 10-09. Handled on
    10-09: in time."""
    world = world_of(complaint(d(2025, 9, 26), d(2025, 10, 9)))
    assert run(world, policy=FIVE_NATURAL_DAYS) == []


@pytest.mark.xfail(
    raises=AssertionError,
    strict=True,
    reason="民法典 art. 203: the limit ends on 2025-10-09, the first working day after the "
    "holiday; SUP001 quotes 10-01, a rest day",
)
def test_sup001_a_complaint_handled_after_the_moved_last_day_is_late() -> None:
    """民法典 art. 203: due 2025-10-09 (see above); handled on 10-10: late."""
    world = world_of(complaint(d(2025, 9, 26), d(2025, 10, 10)))
    assert one(run(world, policy=FIVE_NATURAL_DAYS))["due"] == "2025-10-09"


def test_sup001_a_complaint_in_an_unannounced_year_cannot_be_judged() -> None:
    """行政许可法 art. 82 and the State Council's notices: the working days of 2027 are not
    known to the official calendar. C1 (received 2027-02-01, before the Spring Festival,
    handled 2-12) is reported as not judged; C2, late in 2025, is still judged."""
    world = world_of(
        complaint(d(2027, 2, 1), d(2027, 2, 12)),
        complaint(d(2025, 3, 3), d(2025, 3, 11), complaint_id="C2"),
    )
    found = run(world, as_of=d(2027, 3, 31))
    assert sorted((f.code, f.subject.id) for f in found) == [("SUP001", "C2"), ("TIME000", "C1")]
    no_data = next(f for f in found if f.code == "TIME000")
    assert no_data.subject == Subject("complaint", "C1")
    assert no_data.fact_map["rule"] == "SUP001"


def test_sup001_the_statutory_projection_judges_a_complaint_of_an_unannounced_year() -> None:
    """全国年节及纪念日放假办法 art. 2 projects 2027's holidays: received Monday 2027-03-01
    (no holiday that week or the next), handled on 3-08, the fifth working day (3-2, 3, 4,
    5, 8): in time."""
    world = world_of(complaint(d(2027, 3, 1), d(2027, 3, 8)))
    projected = WorkCalendar.official(unannounced="statutory")
    assert run(world, as_of=d(2027, 3, 31), calendar=projected) == []
