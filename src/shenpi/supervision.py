"""Electronic supervision (电子监察): alert levels for running cases, efficiency metrics.

An alert looks at a case's clocks on a given day. The default policy is the one deployed
systems use: 预警 (warning) once 4/5 of the promised period is used, 报警 (alarm) once it
has passed, and a separate, more severe signal once the statutory limit has passed.
Localities differ (warn at 1-2 working days left; alarm only past the statutory limit):
each is one parameter away, see :class:`AlertPolicy`.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from shenpi.errors import InvalidType, InvalidValue
from shenpi.timing.clock import Clock
from shenpi.timing.limits import TimeUnit
from shenpi.timing.periods import Completion, Punctuality

__all__ = ["Alert", "AlertLevel", "AlertPolicy", "Efficiency", "alert", "efficiency"]


class AlertLevel(enum.IntEnum):
    """How urgent a running case is; higher is worse."""

    NORMAL = 0
    """正常"""
    WARNING = 1
    """预警: the promised period is nearly used up."""
    ALARM = 2
    """报警: the promised period has passed."""
    STATUTORY_BREACH = 3
    """超过法定时限: the statutory limit has passed (行政许可法 art. 74 (2))."""

    @property
    def label_zh(self) -> str:
        """The level's name in 简体中文."""
        return ("正常", "预警", "报警", "超法定时限")[self.value]


def _ratio(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Fraction) or not 0 < value <= 1:
        raise InvalidValue(
            attribute.name,
            value,
            "expected a Fraction in (0, 1], e.g. Fraction(4, 5).",
            "应为 (0, 1] 之间的分数。",
        )


def _days_left(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValue(attribute.name, value, "expected a whole number >= 0.", "应为非负整数。")


@attrs.frozen
class AlertPolicy:
    """When a running case raises 预警 and 报警.

    ``AlertPolicy()`` warns when 4/5 of the promised period is used;
    ``AlertPolicy(warn_used=None, warn_days_left=2)`` warns with 2 days left instead.
    Alarm: past the promised due day. To alarm only past the statutory limit, pass the
    statutory clock as the promised one to :func:`alert`.
    """

    warn_used: Fraction | None = attrs.field(default=Fraction(4, 5), validator=_ratio)
    """Warn once this share of the (extended) promised period is used."""
    warn_days_left: int | None = attrs.field(default=None, validator=_days_left)
    """Warn once this many days (in the clock's unit) or fewer are left."""
    warn_ahead: int | None = attrs.field(default=1, validator=_days_left)
    """With ``warn_used``: warn no later than this many working days before the due day
    (default 1). 4/5 of a promise of 1-4 working days falls on the due day itself, too
    late for a warning to help; ``None`` keeps the plain share."""

    def __attrs_post_init__(self) -> None:
        if (self.warn_used is None) == (self.warn_days_left is None):
            raise InvalidValue(
                "warn_used",
                self.warn_used,
                "set exactly one of warn_used and warn_days_left.",
                "warn_used 与 warn_days_left 须且只能设置一个。",
            )


@attrs.frozen
class Alert:
    """A case's alert on one day, with the numbers behind it."""

    on: Any
    level: AlertLevel
    used: Any
    total: Any
    remaining: Any
    statutory_remaining: Any | None
    provisional: bool


def alert(
    on: Any,
    *,
    promised: Clock,
    statutory: Clock | None = None,
    policy: AlertPolicy | None = None,
) -> Alert:
    """The alert level of a running case on ``on`` (电子监察).

    ``promised`` is the clock under the hall's promised limit (承诺时限); ``statutory``
    the clock under the law's limit (法定时限), checked for the more severe signal.
    """
    rules = policy if policy is not None else AlertPolicy()
    for name, clock in (("promised", promised), ("statutory", statutory)):
        if clock is not None and not isinstance(clock, Clock):
            raise InvalidType(name, clock, "expected a Clock.", "应为 Clock。")
    remaining = promised.remaining(on=on)
    used = promised.used(on=on)
    hours = promised.limit.unit is TimeUnit.HOURS
    total: Any = promised.total(on)
    if hours:
        total = _dt.timedelta(minutes=total)
    statutory_left = None if statutory is None else statutory.remaining(on=on)
    zero: Any = _dt.timedelta(0) if hours else 0
    # Past the due day is past it, on a rest day too (民法典 art. 203: the last day
    # ends at 24:00): never a mere warning.
    if (statutory_left is not None and statutory_left < _zero_like(statutory_left)) or (
        statutory is not None and _past_due(on, statutory)
    ):
        level = AlertLevel.STATUTORY_BREACH
    elif remaining < zero or _past_due(on, promised):
        level = AlertLevel.ALARM
    elif _warns(rules, used, total, remaining, hours):
        level = AlertLevel.WARNING
    else:
        level = AlertLevel.NORMAL
    provisional = promised.provisional or (statutory is not None and statutory.provisional)
    return Alert(on, level, used, total, remaining, statutory_left, provisional)


def _past_due(on: Any, clock: Clock) -> bool:
    """Whether ``on`` is after a day clock's due day (:meth:`Clock.past_due`: 民法典
    art. 203, days in China Standard Time); ``False`` for an hour clock, and while the
    clock stands suspended."""
    if clock.limit.unit is TimeUnit.HOURS:
        return False
    return clock.past_due(on) is True


def _zero_like(value: Any) -> Any:
    return _dt.timedelta(0) if isinstance(value, _dt.timedelta) else 0


def _warns(policy: AlertPolicy, used: Any, total: Any, remaining: Any, hours: bool) -> bool:
    if policy.warn_used is not None:
        if not hours and policy.warn_ahead is not None and remaining <= policy.warn_ahead:
            return True
        # Exact: used / total >= 4/5, with no float rounding.
        if hours:
            used, total = used // _dt.timedelta(minutes=1), total // _dt.timedelta(minutes=1)
        return bool(used * policy.warn_used.denominator >= policy.warn_used.numerator * total)
    assert policy.warn_days_left is not None
    if hours:
        raise InvalidValue(
            "policy.warn_days_left",
            policy.warn_days_left,
            "an hour limit has no days left; use warn_used for hour limits.",
            "小时时限不能按剩余天数预警。",
        )
    return bool(remaining <= policy.warn_days_left)


@attrs.frozen
class Efficiency:
    """Efficiency metrics over finished cases (the dashboards of e-supervision).

    Rates are ``Fraction`` (exact) of ``finished``; ``None`` when nothing finished.
    """

    finished: int
    early: int
    on_due_day: int
    late_against_promise: int
    late_against_law: int
    mean_workdays_used: Fraction | None

    @property
    def on_time_rate(self) -> Fraction | None:
        """按时办结率: finished within the promise / finished."""
        return self._rate(self.early + self.on_due_day)

    @property
    def early_rate(self) -> Fraction | None:
        """提前办结率: finished before the promised due day / finished."""
        return self._rate(self.early)

    @property
    def overdue_rate(self) -> Fraction | None:
        """超期办结率: finished after the promised due day / finished."""
        return self._rate(self.late_against_promise + self.late_against_law)

    @property
    def statutory_overdue_rate(self) -> Fraction | None:
        """Finished after the statutory limit / finished."""
        return self._rate(self.late_against_law)

    def _rate(self, count: int) -> Fraction | None:
        return None if self.finished == 0 else Fraction(count, self.finished)


def efficiency(completions: Iterable[Completion]) -> Efficiency:
    """Metrics over finished cases judged with :func:`~shenpi.timing.periods.completion`.

    ``mean_workdays_used`` averages the working days counted on the cases whose
    (promised) clock is in working days.
    """
    counts = dict.fromkeys(Punctuality, 0)
    used_total = 0
    used_cases = 0
    for item in completions:
        if not isinstance(item, Completion):
            raise InvalidType(
                "completions", item, "expected Completion values.", "应为 Completion。"
            )
        counts[item.punctuality] += 1
        clock = item.promised if item.promised is not None else item.statutory
        if clock.limit.unit is TimeUnit.WORKDAYS:
            used_total += item.used
            used_cases += 1
    finished = sum(counts.values())
    return Efficiency(
        finished=finished,
        early=counts[Punctuality.EARLY],
        on_due_day=counts[Punctuality.ON_DUE_DAY],
        late_against_promise=counts[Punctuality.LATE_AGAINST_PROMISE],
        late_against_law=counts[Punctuality.LATE_AGAINST_LAW],
        mean_workdays_used=Fraction(used_total, used_cases) if used_cases else None,
    )
