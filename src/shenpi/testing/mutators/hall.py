"""HALL: the hall's own rules broken. A decision made or a fee collected outside the hall,
a case for an item no catalogue lists, an approval office whose institution, staff or
items never entered the hall, a decision taken by a section (前店后厂) or by no office at
all, a case decided before the hall's system accepted it, and a step recorded after a
case was closed.
"""

from __future__ import annotations

from typing import Any

import attrs

from shenpi.applications import (
    Accepted,
    Application,
    Delivered,
    Event,
    NotAccepted,
    Supplemented,
    SupplementRequested,
    Withdrawn,
)
from shenpi.fees import CollectionPoint
from shenpi.jurisdiction import Jurisdiction
from shenpi.organization import Section, SectionFunction, ServiceSite, SiteKind
from shenpi.reform import Milestone
from shenpi.rules.engine import Subject
from shenpi.testing.mutators._edit import (
    _DAY,
    Injection,
    _accepted,
    _all_item_ids,
    _approval_offices,
    _case_subject,
    _Choices,
    _decided,
    _decision,
    _done,
    _edit,
    _first,
    _free_id,
    _materials,
    _mutator,
    _no_target,
    _paid,
    _payment,
    _phase,
    _punctual,
    _replace,
    _target,
    _with_case,
    _with_events,
    audit_day,
)


@_mutator("HALL001")
def _decision_outside_hall(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision recorded at a site outside the hall (the department's premises, a
    provincial or municipal hall; the department's premises are added as a site when
    the hall lists none)."""
    world, case = _target(world, ch, "HALL001", _decided, "decided")
    outside = [s for s in world.hall.sites if not s.kind.inside_hall]
    if not outside:
        site_id = _free_id("X", [s.id for s in world.hall.sites])
        premises = ServiceSite(site_id, "部门办公楼", SiteKind.DEPARTMENT_PREMISES)
        hall = attrs.evolve(world.hall, sites=(*world.hall.sites, premises))
        world = attrs.evolve(world, hall=hall)
        outside = [premises]
    index, _ = _decision(case)
    after = _with_case(world, _edit(case, index, site_id=ch.pick(outside).id))
    return _done("HALL001", world, after, _case_subject(case, index))


@_mutator("HALL002")
def _fee_outside_hall(world: Jurisdiction, ch: _Choices) -> Injection:
    """A fee collected by the department itself (or elsewhere), not by the hall's
    unified cashier or online payment."""
    world, case = _target(world, ch, "HALL002", _paid, "decided", pay=True)
    index, event = _payment(case)
    point = ch.pick((CollectionPoint.DEPARTMENT, CollectionPoint.OTHER))
    payment = attrs.evolve(event.payment, collected_at=point, site_id=None)
    after = _with_case(world, _edit(case, index, payment=payment))
    return _done("HALL002", world, after, _case_subject(case, index))


@_mutator("HALL003")
def _item_not_in_catalogue(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case accepted (and perhaps decided) for an item that no catalogue version
    lists."""
    taken = _all_item_ids(world)

    def unlisted(case: Application) -> Application:
        free = _free_id(f"{case.item_ids[0]}.unlisted", taken)
        return attrs.evolve(case, item_ids=(free, *case.item_ids[1:]))

    def ok(w: Jurisdiction, case: Application) -> bool:
        # An unlisted item is judged against the law's own period (art. 42).
        return _accepted(w, case) and _punctual(w, unlisted(case))

    world, case = _target(world, ch, "HALL003", ok, "decided")
    after = _with_case(world, unlisted(case))
    return _done("HALL003", world, after, _case_subject(case))


def _entry_mutator(code: str, attribute: str, what: str) -> None:
    def mutate(world: Jurisdiction, ch: _Choices) -> Injection:
        offices = _approval_offices(world)
        if not offices:
            raise _no_target(code, "approval office")
        office = ch.pick(offices)
        # After the phase in which offices enter the hall, an office still outside is
        # also a missed phase (REFORM001): audit on that phase's last day.
        phase = _phase(world, Milestone.OFFICES_ENTER)
        as_of = audit_day(world) if phase is None else phase.ends_on
        late = None if not ch.flag() else as_of + _DAY * ch.integer(1, 30)
        changes: dict[str, Any] = {attribute: late}
        changed = attrs.evolve(office, **changes)
        after = attrs.evolve(world, offices=_replace(world.offices, office, changed))
        return _done(code, world, after, Subject("department", office.department_id), as_of)

    mutate.__doc__ = (
        f"A department whose approval office's {what} had not entered the hall (never, or "
        "not yet), audited on the last day of the phase in which offices enter it."
    )
    _mutator(code)(mutate)


_entry_mutator("HALL004", "institution_entered_on", "institution")
_entry_mutator("HALL005", "staff_entered_on", "staff")
_entry_mutator("HALL006", "items_entered_on", "items")


def _sections_of(world: Jurisdiction, did: str) -> list[Section]:
    return [s for s in world.sections if s.department_id == did]


@_mutator("HALL007")
def _front_shop_back_factory(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision recorded for a section of the department (前店后厂); a planning section
    is added when the department has none."""
    world, case = _target(world, ch, "HALL007", _decided, "decided")
    index, decision = _decision(case)
    sections = _sections_of(world, decision.department_id)
    if not sections:
        section = Section(
            _free_id(f"{decision.department_id}.sec", [s.id for s in world.sections]),
            decision.department_id,
            "规划科",
            (SectionFunction.PLANNING,),
        )
        world = attrs.evolve(world, sections=(*world.sections, section))
        sections = [section]
    after = _with_case(world, _edit(case, index, unit_id=ch.pick(sections).id))
    return _done("HALL007", world, after, _case_subject(case, index))


@_mutator("HALL008")
def _decision_not_by_office(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision recorded for no unit, or for a unit that is neither the department's
    approval office nor one of its sections."""
    world, case = _target(world, ch, "HALL008", _decided, "decided")
    index, decision = _decision(case)
    units = {o.id for o in world.offices} | {s.id for s in world.sections}
    unit = ch.pick((None, _free_id(f"{decision.department_id}.team", units)))
    after = _with_case(world, _edit(case, index, unit_id=unit))
    return _done("HALL008", world, after, _case_subject(case, index))


@_mutator("HALL009")
def _outside_the_system(world: Jurisdiction, ch: _Choices) -> Injection:
    """A case decided before the hall's system accepted it: the acceptance is recorded
    only after the decision (补录). Intake stays in time: where no supplement notice
    answered the submission, a notice takes the acceptance's place."""
    world, case = _target(world, ch, "HALL009", _decided, "decided")
    accepted_at = _first(case, Accepted)
    assert accepted_at is not None
    acceptance = case.events[accepted_at]
    assert isinstance(acceptance, Accepted)
    index, decision = _decision(case)
    events = list(case.events)
    events.insert(index + 1, attrs.evolve(acceptance, on=decision.on))
    if _first(case, SupplementRequested) is None:
        events[accepted_at] = SupplementRequested(
            acceptance.on, _materials(world, case), acceptance.official_id
        )
    else:
        del events[accepted_at]
        index -= 1
    after = _with_case(world, _with_events(case, events))
    return _done("HALL009", world, after, _case_subject(case, index))


@_mutator("HALL010")
def _broken_history(world: Jurisdiction, ch: _Choices) -> Injection:
    """A step recorded after the case was closed (delivered, not accepted, withdrawn): a
    withdrawal or a supplement."""

    def closed(w: Jurisdiction, case: Application) -> bool:
        return isinstance(case.events[-1], (Delivered, NotAccepted, Withdrawn))

    world, case = _target(world, ch, "HALL010", closed, "decided")
    last = case.events[-1].on
    closings: tuple[Event, ...] = (Withdrawn(last, "申请人撤回"), Supplemented(last))
    event = ch.pick(closings)
    after = _with_case(world, case.append(event))
    return _done("HALL010", world, after, _case_subject(case, len(case.events)))
