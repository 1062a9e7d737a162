"""SUP: supervision neglected. A complaint handled after its limit (the policy's
``complaint_limit``, 5 working days by default), or never handled; a complaint about a
department is added when the world has none.
"""

from __future__ import annotations

import attrs

from shenpi.complaints import Complaint, ComplaintChannel
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import RulePolicy, Subject
from shenpi.testing import _common as c
from shenpi.testing.mutators._edit import (
    _DAY,
    Injection,
    _add,
    _Choices,
    _done,
    _fits,
    _free_id,
    _host_days,
    _mutator,
    _no_target,
    _replace,
    audit_day,
)


@_mutator("SUP001")
def _complaint_not_handled_in_time(world: Jurisdiction, ch: _Choices) -> Injection:
    """A complaint handled 1-5 working days after its limit, or never handled (a
    complaint about a department is added when the world has none)."""
    limit = RulePolicy().complaint_limit.amount
    complaints = [x for x in world.complaints if _fits(x.received_on, limit + 5)]
    before = world
    if complaints and ch.flag():
        complaint = ch.pick(complaints)
    else:
        departments = [d.id for d in world.departments]
        if not departments:
            raise _no_target("SUP001", "department")
        days = _host_days(world, ch)
        if not days:
            raise _no_target("SUP001", "day with room before the end of the calendar's data")
        complaint = Complaint(
            id=_free_id("C", [x.id for x in world.complaints]),
            channel=ch.pick(tuple(ComplaintChannel)),
            received_on=days[0],
            department_id=ch.pick(departments),
            summary="办理时间过长",
            handled_on=days[0],
            outcome="已核实并答复投诉人",
        )
        before = attrs.evolve(world, complaints=(*world.complaints, complaint))
    due = _add(complaint.received_on, limit)
    handled = None if ch.flag() else _add(due, ch.integer(1, 5))
    changed = attrs.evolve(complaint, handled_on=handled)
    after = attrs.evolve(before, complaints=_replace(before.complaints, complaint, changed))
    as_of = max(audit_day(after), min(due + _DAY, c.LAST_DAY))
    return _done("SUP001", before, after, Subject("complaint", complaint.id), as_of)
