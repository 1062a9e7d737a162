"""The periods of the Administrative Licensing Law, article by article."""

from __future__ import annotations

import datetime as dt

import pytest

from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue
from shenpi.timing import (
    LAW,
    Clock,
    Punctuality,
    Suspension,
    TimeLimit,
    TimePolicy,
    ViolationKind,
    completion,
    decision_clock,
    decision_violations,
    deemed_accepted_on,
    delivery_due,
    hearing_due,
    hearing_notice_due,
    hearing_request_due,
    intake_due,
    preliminary_review_clock,
    renewal_application_due,
    renewal_deemed_granted,
)

CAL = WorkCalendar.official()
D = dt.date


def test_art_32_intake_answer_within_five_working_days() -> None:
    # Received Thursday 2025-09-25: 9/26, 9/28 (make-up Sunday), 9/29, 9/30, 10/9.
    assert intake_due(D(2025, 9, 25), calendar=CAL) == D(2025, 10, 9)


def test_art_32_a_late_supplement_notice_means_accepted_on_the_day_of_receipt() -> None:
    received = D(2025, 9, 25)
    assert (
        deemed_accepted_on(
            received, notified_on=D(2025, 10, 9), as_of=D(2025, 10, 20), calendar=CAL
        )
        is None
    )
    assert (
        deemed_accepted_on(
            received, notified_on=D(2025, 10, 10), as_of=D(2025, 10, 20), calendar=CAL
        )
        == received
    )
    assert (
        deemed_accepted_on(received, notified_on=None, as_of=D(2025, 10, 9), calendar=CAL) is None
    )
    assert (
        deemed_accepted_on(received, notified_on=None, as_of=D(2025, 10, 10), calendar=CAL)
        == received
    )


def test_art_42_decision_20_working_days_and_45_for_joint_handling() -> None:
    accepted = D(2025, 3, 3)
    assert decision_clock(accepted, calendar=CAL).due == CAL.add_workdays(accepted, 20)
    assert decision_clock(accepted, calendar=CAL, joint=True).due == CAL.add_workdays(accepted, 45)
    own = decision_clock(accepted, calendar=CAL, limit=TimeLimit.workdays(30))
    assert own.due == CAL.add_workdays(accepted, 30)


def test_art_42_one_extension_of_at_most_ten_or_fifteen() -> None:
    clock = decision_clock(D(2025, 3, 3), calendar=CAL)
    ok = clock.extend(by=TimeLimit.workdays(10), on=D(2025, 3, 28))
    assert decision_violations(ok) == ()
    too_long = clock.extend(by=TimeLimit.workdays(11), on=D(2025, 3, 28))
    assert [v.kind for v in decision_violations(too_long)] == [ViolationKind.EXCESSIVE_EXTENSION]
    joint = decision_clock(D(2025, 3, 3), calendar=CAL, joint=True)
    assert (
        decision_violations(joint.extend(by=TimeLimit.workdays(15), on=D(2025, 3, 28)), joint=True)
        == ()
    )
    twice = ok.extend(by=TimeLimit.workdays(2), on=D(2025, 4, 1))
    assert [v.kind for v in decision_violations(twice)] == [ViolationKind.SECOND_EXTENSION]
    lenient = TimePolicy(extensions_allowed=2)
    assert decision_violations(twice, policy=lenient) == ()


def test_art_43_preliminary_review_and_art_44_delivery() -> None:
    assert preliminary_review_clock(D(2025, 3, 3), calendar=CAL).due == CAL.add_workdays(
        D(2025, 3, 3), 20
    )
    # Decided Monday 2025-09-22: 10 working days include two make-up days (Sunday 9/28,
    # Saturday 10/11), and the 10th is Saturday 10/11.
    assert delivery_due(D(2025, 9, 22), calendar=CAL) == D(2025, 10, 11)


def test_arts_47_48_hearing_periods() -> None:
    # Told of the right on Tuesday 2025-09-30: 5 natural days end on 10/5, a holiday,
    # so the last day moves to the first working day after it (民法典 art. 203).
    assert hearing_request_due(D(2025, 9, 30), calendar=CAL) == D(2025, 10, 9)
    assert hearing_due(D(2025, 3, 3), calendar=CAL) == CAL.add_workdays(D(2025, 3, 3), 20)
    # A hearing on Friday 2025-03-14: notice at least 7 working days before, by 3/5.
    assert hearing_notice_due(D(2025, 3, 14), calendar=CAL) == D(2025, 3, 5)
    natural = TimePolicy(hearing_notice=TimeLimit.natural_days(7))
    assert hearing_notice_due(D(2025, 3, 14), calendar=CAL, policy=natural) == D(2025, 3, 7)


def test_art_50_renewal() -> None:
    assert renewal_application_due(D(2026, 6, 30)) == D(2026, 5, 31)
    expires = D(2026, 6, 30)
    assert not renewal_deemed_granted(expires, decided_on=D(2026, 6, 30), as_of=D(2026, 7, 5))
    assert renewal_deemed_granted(expires, decided_on=None, as_of=D(2026, 7, 1))
    assert renewal_deemed_granted(expires, decided_on=D(2026, 7, 2), as_of=D(2026, 7, 3))
    assert not renewal_deemed_granted(expires, decided_on=None, as_of=D(2026, 6, 30))
    with pytest.raises(InvalidValue):
        renewal_application_due(expires, policy=TimePolicy(renewal_notice=TimeLimit.workdays(20)))
    by_workdays = TimePolicy(renewal_notice=TimeLimit.workdays(20))
    assert renewal_application_due(expires, calendar=CAL, policy=by_workdays) == CAL.add_workdays(
        expires, -20
    )


def test_late_against_the_promise_yet_within_the_law() -> None:
    statutory = decision_clock(D(2025, 3, 3), calendar=CAL)
    promised = statutory.with_limit(TimeLimit.workdays(12))
    on_time = completion(promised.due, statutory=statutory, promised=promised)
    assert on_time.punctuality is Punctuality.ON_DUE_DAY
    early = completion(D(2025, 3, 5), statutory=statutory, promised=promised)
    assert early.punctuality is Punctuality.EARLY
    late_promise = completion(
        CAL.add_workdays(promised.due, 1), statutory=statutory, promised=promised
    )
    assert late_promise.punctuality is Punctuality.LATE_AGAINST_PROMISE
    assert late_promise.within_law
    assert not late_promise.within_promise
    late_law = completion(
        CAL.add_workdays(statutory.due, 1), statutory=statutory, promised=promised
    )
    assert late_law.punctuality is Punctuality.LATE_AGAINST_LAW
    assert late_law.used == 21


def test_suspension_across_spring_festival() -> None:
    # Accepted 2026-01-26; expert review from 2/9 to 3/2 spans the whole festival.
    clock = decision_clock(D(2026, 1, 26), calendar=CAL)
    assert clock.due == D(2026, 2, 28)  # a make-up Saturday
    reviewed = clock.suspend(on=D(2026, 2, 9), reason=Suspension.EXPERT_REVIEW).resume(
        on=D(2026, 3, 2)
    )
    # Counted before: 1/27-1/30, 2/2-2/6 = 9; then from 3/2 on: 11 more.
    assert reviewed.used(on=D(2026, 2, 27)) == 9
    assert reviewed.due == CAL.add_workdays(D(2026, 3, 1), 11)
    assert reviewed.due == D(2026, 3, 16)


def test_policy_fields_are_day_limits() -> None:
    with pytest.raises(InvalidValue):
        TimePolicy(decision=TimeLimit.hours(2))
    with pytest.raises(InvalidType):
        TimePolicy(decision=20)  # type: ignore[arg-type]
    assert TimePolicy() == LAW


def test_hour_limits_count_office_hours_on_working_days() -> None:
    # 2 hours from 16:45 on the eve of 国庆 2025: 45 minutes, then 75 on 10/9.
    clock = Clock.start(TimeLimit.hours(2), on=dt.datetime(2025, 9, 30, 16, 45), calendar=CAL)
    assert clock.due is not None
    assert clock.due.replace(tzinfo=None) == dt.datetime(2025, 10, 9, 10, 15)
    assert clock.remaining(on=dt.datetime(2025, 10, 9, 10, 15)) == dt.timedelta(0)
    assert clock.remaining(on=dt.datetime(2025, 10, 9, 10, 20)) == -dt.timedelta(minutes=5)
    # Accepted during lunch: counting starts at 13:30.
    lunch = Clock.start(TimeLimit.hours(1), on=dt.datetime(2025, 3, 3, 12, 10), calendar=CAL)
    assert lunch.due.replace(tzinfo=None) == dt.datetime(2025, 3, 3, 14, 30)  # type: ignore[union-attr]
    # An aware UTC start is converted to China time: 01:00Z is 09:00 CST.
    utc = dt.datetime(2025, 3, 3, 1, 0, tzinfo=dt.timezone.utc)
    assert Clock.start(TimeLimit.hours(0.5), on=utc, calendar=CAL).due.hour == 9  # type: ignore[union-attr]
