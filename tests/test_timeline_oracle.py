"""``Timeline`` against the day-by-day reading of the law (``timeline_oracle``).

Random histories, lawful and not, of one-item cases whose limits are working days; and
one named example per rule, checked against the oracle and a date counted by hand on the
official calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shenpi.applications import (
    Accepted,
    Applicant,
    ApplicantType,
    Application,
    Channel,
    Decided,
    Delivered,
    Extended,
    IdentifierKind,
    NotAccepted,
    Outcome,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.calendar import WorkCalendar
from shenpi.items import Item, ItemKind
from shenpi.timeline import Judgment, Timeline, Verdict
from shenpi.timing import Punctuality, Suspension, TimeLimit
from timeline_oracle import JudgmentReading, OutsideData, Reading, read

CAL = WorkCalendar.official()
FIRST, LAST = CAL.coverage
D = dt.date
DAY = dt.timedelta(days=1)
EARLIEST = D(2005, 1, 1)
LATEST = D(2026, 10, 31)
WHO = Applicant(ApplicantType.PERSON, "张三", "X", IdentifierKind.OTHER)
BASIS = "《中华人民共和国食品安全法》第三十五条"
STEPS = (Suspended, Resumed, Extended)


@dataclass(frozen=True)
class Case:
    application: Application
    statutory: int
    promised: int
    as_of: dt.date


def item(statutory: int, promised: int) -> Item:
    return Item(
        "I1",
        "I1",
        "事项",
        ItemKind.LICENSING,
        "D1",
        (),
        TimeLimit.workdays(statutory),
        TimeLimit.workdays(promised),
    )


def case(*events: Any, as_of: dt.date, statutory: int = 20, promised: int = 12) -> Case:
    application = Application("A1", WHO, ("I1",), Channel.WINDOW, events)
    return Case(application, statutory, promised, as_of)


def timeline(c: Case) -> Timeline:
    return Timeline.for_items(
        c.application, [item(c.statutory, c.promised)], as_of=c.as_of, calendar=CAL
    )


def oracle(c: Case) -> Reading:
    return read(
        c.application.events,
        c.statutory,
        c.promised,
        as_of=c.as_of,
        is_workday=CAL.is_workday,
        first=FIRST,
        last=LAST,
    )


# ---------------------------------------------------------------------------- comparisons
def check_judgment(got: Judgment | None, want: JudgmentReading) -> None:
    assert got is not None
    assert got.on == want.on
    assert got.verdict is (Verdict.LATE if want.late else Verdict.ON_TIME), (got, want)
    if want.due is not None:
        assert got.due == want.due, (got, want)
    else:
        # A credited suspension is open: on time, whatever day the period would end.
        assert got.due is None or got.due >= want.on, (got, want)
    assert (got.late_days, got.late_workdays) == (want.late_days, want.late_workdays), (
        got,
        want,
    )


def check_intake(line: Timeline, want: Reading) -> None:
    assert line.received.on == want.received
    assert line.intake_due is not None
    assert line.intake_due.on == want.intake_due
    assert line.deemed is want.deemed
    assert (None if line.accepted is None else line.accepted.on) == want.start


def check_steps(line: Timeline, want: Reading) -> None:
    got = {s.index: (s.moves, s.credit) for s in line.steps}
    assert got == {s.index: (s.moves, s.credit) for s in want.steps}


def check_dues(line: Timeline, want: Reading) -> None:
    if want.start is None:
        assert line.statutory is None
        assert line.promised is None
        return
    assert line.statutory is not None
    assert line.promised is not None
    statutory = None if line.statutory.due is None else line.statutory.due.on
    promised = None if line.promised.due is None else line.promised.due.on
    assert (statutory, promised) == (want.statutory_due, want.promised_due)


def check_decisions(line: Timeline, want: Reading) -> None:
    assert [d.index for d in line.decisions] == [d.index for d in want.decisions]
    for got, expected in zip(line.decisions, want.decisions, strict=True):
        check_judgment(got.statutory, expected.statutory)
        check_judgment(got.promised, expected.promised)
        if expected.punctuality is None:
            assert got.punctuality in (Punctuality.EARLY, Punctuality.ON_DUE_DAY)
        else:
            assert got.punctuality is Punctuality[expected.punctuality], (got, expected)


def check_open(line: Timeline, want: Reading) -> None:
    if want.open is None:
        assert line.open is None
        return
    assert line.open is not None
    check_judgment(line.open.statutory, want.open[0])
    check_judgment(line.open.promised, want.open[1])


def check_delivery(line: Timeline, want: Reading) -> None:
    if want.delivery is None:
        assert line.delivery is None
        return
    got = line.delivery
    assert got is not None
    assert got.index == want.delivery.decision_index
    assert got.due is not None
    assert got.due.on == want.delivery.due
    assert got.delivered_index == want.delivery.delivered_index
    if want.delivery.judgment is not None:
        check_judgment(got.judgment, want.delivery.judgment)
    else:
        assert got.judgment is None


def check_all(line: Timeline, want: Reading) -> None:
    check_intake(line, want)
    check_steps(line, want)
    check_dues(line, want)
    check_decisions(line, want)
    check_open(line, want)
    check_delivery(line, want)


def both(c: Case) -> tuple[Timeline, Reading]:
    """The timeline and the oracle's reading of ``c``, agreeing in every answer."""
    line, want = timeline(c), oracle(c)
    check_all(line, want)
    return line, want


# ---------------------------------------------------------------------------- histories
def workdays_after(day: dt.date, n: int) -> dt.date:
    for _ in range(n):
        day += DAY
        while not CAL.is_workday(day):
            day += DAY
    return day


@st.composite
def histories(draw: st.DrawFn) -> Case:
    """A one-item case: submission, perhaps a supplement, an answer on time or late (or
    none), 0-3 steps lawful or not, then a decision (and delivery), a withdrawal, or
    nothing. Steps and decisions are in date order."""
    statutory = draw(st.integers(min_value=1, max_value=60))
    promised = draw(st.integers(min_value=1, max_value=statutory))
    received = draw(st.dates(min_value=EARLIEST, max_value=LATEST))
    events: list[Any] = [Submitted(received)]
    day = received
    if draw(st.booleans()):
        day = workdays_after(day, draw(st.integers(0, 12)))
        events.append(SupplementRequested(day, ("材料",)))
        if draw(st.booleans()):
            day += DAY * draw(st.integers(0, 20))
            events.append(Supplemented(day))
    answer = draw(st.sampled_from(["accepted", "accepted", "accepted", "refused", "none"]))
    if answer != "none":
        day = workdays_after(day, draw(st.integers(0, 12)))
        events.append(Accepted(day) if answer == "accepted" else NotAccepted(day, "不符合条件"))
    # Now and then the first step is dated before the answer (before the start).
    back = draw(st.one_of(st.just(0), st.integers(0, 10)))
    day = max(received, day - DAY * back)
    kind: type = Resumed
    for _ in range(draw(st.integers(0, 3))):
        day += DAY * draw(st.integers(0, 45))
        # After a suspension, a resumption is the likeliest step.
        kind = draw(st.sampled_from((Resumed, *STEPS) if kind is Suspended else STEPS))
        if kind is Suspended:
            reason = draw(st.sampled_from([None, *Suspension]))
            basis = draw(st.sampled_from(["", "  ", BASIS]))
            events.append(Suspended(day, reason, basis))
        elif kind is Resumed:
            events.append(Resumed(day))
        else:
            by = TimeLimit.workdays(draw(st.integers(1, 20)))
            events.append(Extended(day, by, draw(st.sampled_from(["H1", None]))))
    end = draw(st.sampled_from(["decided", "decided", "withdrawn", "open"]))
    if end == "decided":
        # Now and then a second decision (on review, or a new one after a denial).
        for gap in (120, 30)[: draw(st.integers(1, 2))]:
            day += DAY * draw(st.integers(0, gap))
            events.append(Decided(day, draw(st.sampled_from(Outcome)), "D1"))
            if draw(st.booleans()):
                day += DAY * draw(st.integers(0, 25))
                events.append(Delivered(day))
    elif end == "withdrawn":
        day += DAY * draw(st.integers(0, 60))
        events.append(Withdrawn(day))
    as_of = day + DAY * draw(st.integers(0, 200))
    assume(as_of <= LATEST)
    application = Application("A1", WHO, ("I1",), Channel.WINDOW, tuple(events))
    return Case(application, statutory, promised, as_of)


def compared(c: Case) -> tuple[Timeline, Reading]:
    """The timeline and the oracle's reading; cases whose reading needs days beyond the
    calendar's data are left out."""
    try:
        want = oracle(c)
    except OutsideData:
        assume(False)
        raise
    return timeline(c), want


@given(histories())
def test_intake_and_start_agree_with_the_oracle(c: Case) -> None:
    """Art. 32 (4): the intake due day, deemed acceptance, and the start of the period."""
    check_intake(*compared(c))


@given(histories())
def test_credited_steps_agree_with_the_oracle(c: Case) -> None:
    """Arts. 42, 45: which suspensions, resumptions and extensions move the period."""
    check_steps(*compared(c))


@given(histories())
def test_due_days_agree_with_the_oracle(c: Case) -> None:
    """Art. 42 and the promise: the due days after the credited steps."""
    check_dues(*compared(c))


@given(histories())
def test_decisions_agree_with_the_oracle(c: Case) -> None:
    """Each decision against the law and the promise, and its punctuality."""
    check_decisions(*compared(c))


@given(histories())
def test_open_cases_agree_with_the_oracle(c: Case) -> None:
    """An open case audited on ``as_of`` against both due days."""
    check_open(*compared(c))


@given(histories())
def test_delivery_agrees_with_the_oracle(c: Case) -> None:
    """Art. 44: the licence is delivered within 10 working days of the grant."""
    check_delivery(*compared(c))


@st.composite
def steps_near_the_due_day(draw: st.DrawFn) -> Case:
    """An accepted case with a lawful suspension or extension (or a suspension, then an
    extension while it lasts) dated a few days either side of the plain due day (the
    boundary of arts. 42, 45), perhaps a resumption, then a decision or nothing."""
    statutory = draw(st.integers(min_value=1, max_value=30))
    promised = draw(st.integers(min_value=1, max_value=statutory))
    start = draw(st.dates(min_value=EARLIEST, max_value=D(2026, 6, 30)))
    day = workdays_after(start, statutory) + DAY * draw(st.integers(-3, 3))
    day = max(start, day)
    events: list[Any] = [Submitted(start), Accepted(start)]
    suspend = draw(st.booleans())
    if suspend:
        events.append(Suspended(day, draw(st.sampled_from(Suspension)), BASIS))
    if not suspend or draw(st.booleans()):
        day += DAY * draw(st.integers(0, 10 if suspend else 0))
        events.append(Extended(day, TimeLimit.workdays(draw(st.integers(1, 20))), "H1"))
    if suspend and draw(st.booleans()):
        day += DAY * draw(st.integers(0, 20))
        events.append(Resumed(day))
    if draw(st.booleans()):
        day += DAY * draw(st.integers(0, 30))
        events.append(Decided(day, Outcome.APPROVED, "D1"))
    as_of = day + DAY * draw(st.integers(0, 40))
    application = Application("A1", WHO, ("I1",), Channel.WINDOW, tuple(events))
    return Case(application, statutory, promised, as_of)


@given(steps_near_the_due_day())
def test_steps_on_either_side_of_the_due_day_agree_with_the_oracle(c: Case) -> None:
    """Arts. 42, 45: a step on the due day as it stands still moves the period; a step
    the day after does not."""
    check_all(*compared(c))


def in_date_order(events: tuple[Any, ...]) -> tuple[Any, ...]:
    """The history with its steps and decisions sorted by date in their own places."""
    places = [i for i, e in enumerate(events) if isinstance(e, (*STEPS, Decided))]
    ordered = sorted((events[i] for i in places), key=lambda e: e.on)
    result = list(events)
    for place, event in zip(places, ordered, strict=True):
        result[place] = event
    return tuple(result)


@given(histories(), st.data())
def test_out_of_order_history_is_reported_and_judged_only_within_bounds(
    c: Case, data: st.DataObject
) -> None:
    """Steps out of date order: the period cannot be followed. The timeline says so, and
    a decision it still judges is judged so under the history read in date order too
    (decisions alone out of order change nothing: they are judged with certainty)
    (the law's due day lies between the uncredited one and the one with every lawful
    step credited)."""
    events = c.application.events
    places = [i for i, e in enumerate(events) if isinstance(e, (*STEPS, Decided))]
    assume(len(places) >= 2)
    i, j = sorted(data.draw(st.lists(st.sampled_from(places), min_size=2, max_size=2, unique=True)))
    assume(events[i].on < events[j].on)
    swapped = list(events)
    swapped[i], swapped[j] = events[j], events[i]
    shuffled = Case(
        Application("A1", WHO, ("I1",), Channel.WINDOW, tuple(swapped)),
        c.statutory,
        c.promised,
        c.as_of,
    )
    sorted_case = Case(
        Application("A1", WHO, ("I1",), Channel.WINDOW, in_date_order(tuple(swapped))),
        c.statutory,
        c.promised,
        c.as_of,
    )
    _, want = compared(sorted_case)
    line = timeline(shuffled)
    # With no suspension or extension the order moves nothing: each decision is judged
    # against the plain period, with certainty, and no problem is reported.
    steps = any(isinstance(e, STEPS) for e in events)
    assert bool(line.problems) is steps
    by_index = {d.on: d for d in want.decisions}
    for decision in line.decisions:
        got = decision.statutory
        assert got is not None
        assert got.verdict is Verdict.UNKNOWN or not got.certain or not steps, got
        expected = by_index.get(decision.event.on)
        if expected is not None and got.verdict is not Verdict.UNKNOWN:
            assert got.late is expected.statutory.late, (got, expected)


# ---------------------------------------------------------------------------- named examples
# March 2025 has no holiday: Mon 3 … Fri 28 and Mon 31 are working days; Qingming
# (清明) rests Fri 4 … Sun 6 April.
AUDIT = D(2025, 12, 1)


def march(day: int) -> dt.date:
    return D(2025, 3, day)


def april(day: int) -> dt.date:
    return D(2025, 4, day)


def accepted_on_the_third(*events: Any, as_of: dt.date = AUDIT) -> Case:
    """Received and accepted Mon 3 March 2025: 20 working days end Mon 31 March."""
    return case(Submitted(march(3)), Accepted(march(3)), *events, as_of=as_of)


def test_art_32_deemed_acceptance_when_the_acceptance_is_recorded_late() -> None:
    """Art. 32 (4): received Mon 3 March, intake due Mon 10 March, accepted Tue 11 March:
    accepted as from 3 March, so the 20 working days end Mon 31 March."""
    c = case(Submitted(march(3)), Accepted(march(11)), as_of=AUDIT)
    line, want = both(c)
    assert line.intake_due is not None
    assert line.intake_due.on == march(10)
    assert line.deemed is want.deemed is True
    assert line.accepted is not None
    assert line.accepted.on == want.start == march(3)
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == march(31)


def test_art_32_42_never_answered_case_is_late_after_5_plus_20_working_days() -> None:
    """Arts. 32 (4), 42: never answered, the case is accepted as from receipt (3 March)
    and due Mon 31 March; audited on the 25th working day after receipt (Tue 8 April,
    Qingming resting 4-6 April) it is open and 5 working days late."""
    c = case(Submitted(march(3)), as_of=april(8))
    line, want = both(c)
    assert line.open is not None
    got = line.open.statutory
    assert got is not None
    assert got.verdict is Verdict.LATE
    assert got.due == march(31)
    assert (got.late_days, got.late_workdays) == (8, 5)
    assert want.open is not None
    assert want.open[0].late_workdays == 5


def test_art_42_unapproved_extension_credits_nothing() -> None:
    """Art. 42 (经本行政机关负责人批准): no approving head, no extension."""
    c = accepted_on_the_third(Extended(march(20), TimeLimit.workdays(5), None))
    line, want = both(c)
    step = line.step(2)
    assert step is not None
    assert (step.moves, step.credit) == (False, 0)
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == march(31)


def test_art_42_second_extension_credits_nothing() -> None:
    """Art. 42 (可以延长十日): one extension; 20 + 5 working days end Tue 8 April."""
    c = accepted_on_the_third(
        Extended(march(10), TimeLimit.workdays(5), "H1"),
        Extended(march(20), TimeLimit.workdays(5), "H1"),
    )
    line, want = both(c)
    assert [(s.moves, s.credit) for s in line.steps] == [(True, 5), (False, 0)]
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == april(8)


def test_art_42_extension_of_15_credits_10() -> None:
    """Art. 42: at most 10 working days; 20 + 10 working days end Tue 15 April."""
    c = accepted_on_the_third(Extended(march(20), TimeLimit.workdays(15), "H1"))
    line, want = both(c)
    step = line.step(2)
    assert step is not None
    assert (step.moves, step.credit) == (True, 10)
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == april(15)


def test_art_42_extension_after_the_due_day_credits_nothing() -> None:
    """Art. 42: the period ran out on Mon 31 March; an extension on 1 April is void."""
    c = accepted_on_the_third(Extended(april(1), TimeLimit.workdays(5), "H1"))
    line, want = both(c)
    step = line.step(2)
    assert step is not None
    assert (step.moves, step.credit) == (False, 0)
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == march(31)


def test_art_45_suspension_without_a_reason_credits_nothing() -> None:
    """Art. 45: a suspension with no procedure of art. 45 recorded does not stop the
    clock; the period still ends Mon 31 March."""
    c = accepted_on_the_third(Suspended(march(10), None), Resumed(march(17)))
    line, want = both(c)
    assert [s.moves for s in line.steps] == [False, False]
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == march(31)


def test_art_45_other_procedure_with_its_legal_basis_credits() -> None:
    """Art. 45 (法律、法规另有规定): OTHER with the law named stops the clock 10-14 March
    (5 working days), so the period ends Tue 8 April."""
    c = accepted_on_the_third(Suspended(march(10), Suspension.OTHER, BASIS), Resumed(march(17)))
    line, want = both(c)
    assert [s.moves for s in line.steps] == [True, True]
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == april(8)


def test_art_45_suspension_after_the_due_day_credits_nothing() -> None:
    """Arts. 42, 45: the period ran out Mon 31 March; a hearing from 1 April cannot
    revive it."""
    c = accepted_on_the_third(Suspended(april(1), Suspension.HEARING), Resumed(april(10)))
    line, want = both(c)
    assert [s.moves for s in line.steps] == [False, False]
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == march(31)


def test_civil_code_art_203_decision_on_the_saturday_after_a_friday_due_day_is_late() -> None:
    """民法典 art. 203 (the last day ends at 24:00): accepted Fri 28 February 2025, the 20
    working days end Fri 28 March; a decision on Sat 29 March is 1 day and 0 working days
    late."""
    c = case(
        Submitted(D(2025, 2, 28)),
        Accepted(D(2025, 2, 28)),
        Decided(march(29), Outcome.APPROVED, "D1"),
        as_of=AUDIT,
    )
    line, want = both(c)
    got = line.decisions[0].statutory
    assert got is not None
    assert got.verdict is Verdict.LATE
    assert got.due == want.statutory_due == march(28)
    assert (got.late_days, got.late_workdays) == (1, 0)
    assert line.decisions[0].punctuality is Punctuality.LATE_AGAINST_LAW


def test_art_45_decision_during_an_open_credited_suspension_is_on_time() -> None:
    """Art. 45: an expert review from 20 March (before the due day, Mon 31 March) stops
    the clock; a decision on 20 May, never resumed before it, is on time."""
    c = accepted_on_the_third(
        Suspended(march(20), Suspension.EXPERT_REVIEW),
        Decided(D(2025, 5, 20), Outcome.DENIED, "D1"),
    )
    line, want = both(c)
    assert want.plain_statutory_due == march(31)
    assert line.statutory is not None
    assert line.statutory.due is None
    got = line.decisions[0].statutory
    assert got is not None
    assert got.verdict is Verdict.ON_TIME
    assert (got.late_days, got.late_workdays) == (0, 0)


def test_art_42_45_suspension_before_the_acceptance_credits_nothing() -> None:
    """Arts. 42, 45: the period starts on acceptance (Wed 5 March, in time); a hearing
    recorded from 4 March to 12 March cannot stop a period that had not begun, so 20
    working days from 5 March end Wed 2 April."""
    c = case(
        Submitted(march(3)),
        Suspended(march(4), Suspension.HEARING),
        Accepted(march(5)),
        Resumed(march(12)),
        as_of=AUDIT,
    )
    line, want = both(c)
    assert line.deemed is False
    assert [s.moves for s in line.steps] == [False, False]
    assert line.statutory is not None
    assert line.statutory.due is not None
    assert line.statutory.due.on == want.statutory_due == april(2)


def test_art_44_delivery_before_the_last_grant_does_not_deliver_it() -> None:
    """Art. 44: the licence of the last grant (Mon 10 March, due by Mon 24 March) must be
    delivered after it; a delivery of an earlier grant does not count."""
    c = accepted_on_the_third(
        Decided(march(5), Outcome.APPROVED, "D1"),
        Delivered(march(6)),
        Decided(march(10), Outcome.APPROVED, "D1"),
        Delivered(march(25)),
    )
    line, want = both(c)
    assert line.delivery is not None
    assert line.delivery.index == 4
    assert line.delivery.due is not None
    assert line.delivery.due.on == march(24)
    assert line.delivery.delivered_index == 5
    got = line.delivery.judgment
    assert got is not None
    assert got.verdict is Verdict.LATE
    assert (got.late_days, got.late_workdays) == (1, 1)
    assert want.delivery is not None
    assert want.delivery.delivered_index == 5


@pytest.mark.parametrize(
    ("accepted", "deemed"),
    [(march(10), False), (march(11), True)],
)
def test_art_32_intake_due_day_is_the_fifth_working_day(accepted: dt.date, deemed: bool) -> None:
    """Art. 32 (4): an acceptance on the 5th working day after receipt is in time; the
    next day is too late."""
    line, want = both(case(Submitted(march(3)), Accepted(accepted), as_of=AUDIT))
    assert line.deemed is want.deemed is deemed
