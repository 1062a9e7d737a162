"""A fictional host system: the case desk of a city's approval hall (审批大厅办件台).

It stands for the e-government system a developer builds on shenpi. Its records are
shenpi's model (a real system maps its own tables onto it), and it has three features
that ``test_host.py`` tests with shenpi's testing kit:

- :func:`export_month`: the monthly export of cases to the provincial e-supervision
  platform, in shenpi's JSON Lines format;
- :func:`confirm`: the officer's "确认" button, which records an action only if shenpi's
  ``guard`` finds no error in it;
- :func:`deadline_label`: the promised deadline a case's page shows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from shenpi import io
from shenpi.applications import Application, Event
from shenpi.calendar import WorkCalendar
from shenpi.errors import ShenpiError
from shenpi.items import Item
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import guard
from shenpi.timeline import Timeline

CLOSED = ("decided", "delivered", "not_accepted", "withdrawn")
"""Case states in which the decision clock no longer matters to the applicant."""


# ---------------------------------------------------------------- the monthly export
def export_month(world: Jurisdiction, year: int, month: int) -> str:
    """The cases submitted in ``year``-``month``, as the provincial platform takes them:
    shenpi's JSON Lines (a header line, then one case a line), oldest submission first."""
    in_month = [
        a for a in world.applications if a.submitted_on.strftime("%Y%m") == f"{year}{month:02d}"
    ]
    cases = sorted(in_month, key=lambda a: (a.submitted_on, a.id))
    header = json.dumps({"schema_version": io.SCHEMA_VERSION, "kind": io.APPLICATIONS_KIND})
    return "".join(line + "\n" for line in (header, *map(io.dumps_application, cases)))


# ---------------------------------------------------------------- the confirm button
@dataclass(frozen=True)
class Verdict:
    """What the officer sees after pressing "确认"."""

    allowed: bool
    """Whether the action is recorded."""
    messages: tuple[str, ...]
    """The reasons shown, in Chinese: each finding, or why the action is impossible."""


def confirm(world: Jurisdiction, case_id: str, event: Event) -> Verdict:
    """Judge a proposed action on a case before recording it.

    Refused, with the reasons, when shenpi's ``guard`` reports an error; allowed, with any
    warnings shown, otherwise. An action the case cannot take at all (dated before its last
    step, on a case that does not exist) is refused with the model's reason, never a crash.
    """
    try:
        report = guard(world, case_id, event)
    except ShenpiError as impossible:
        return Verdict(False, (f"无法办理：{impossible.message_zh}",))
    return Verdict(report.ok, tuple(f"[{f.code}] {f.message_zh}" for f in report))


# ---------------------------------------------------------------- the deadline display
def deadline_label(case: Application, item: Item, calendar: WorkCalendar, today: dt.date) -> str:
    """The promised deadline (承诺时限) as the case's page shows it on ``today``.

    ``待受理`` before acceptance, ``已办结`` once decided or closed, ``暂停计时`` while a
    suspension (art. 45) runs; otherwise the due day and the working days left (or
    overdue), counted as the law counts them (行政许可法 art. 82).
    """
    if case.state in CLOSED:
        return "已办结"
    # The legal time comes from shenpi's timeline: an application not answered within 5
    # working days counts as accepted on the day it was received (行政许可法 art. 32 (4)).
    promised = Timeline.for_items(case, [item], as_of=today, calendar=calendar).promised
    clock = None if promised is None else promised.clock
    if clock is None:
        return "待受理"
    if clock.suspended:
        return "暂停计时（特别程序）"
    left = clock.remaining(on=today)
    status = f"剩余 {left}" if left >= 0 else f"已超期 {-left}"
    return f"承诺办结期限：{clock.due:%Y-%m-%d}（{status} 个工作日）"
