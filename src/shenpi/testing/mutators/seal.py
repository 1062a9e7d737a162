"""SEAL: decisions without the dedicated approval seal. A decision sealed with no seal or
an unknown one, with an old approval seal after the dedicated seal was activated, or with
another department's seal; a second dedicated seal; and an old seal never abolished.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

import attrs

from shenpi.applications import Application
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import Subject
from shenpi.seals import Seal, SealKind
from shenpi.testing.mutators._edit import (
    _DAY,
    Injection,
    _case_subject,
    _Choices,
    _decided,
    _decision,
    _done,
    _edit,
    _free_id,
    _item_of,
    _mutator,
    _no_target,
    _replace,
    _target,
    _with_case,
)


def _no_seal_exception(world: Jurisdiction, case: Application) -> bool:
    item = _item_of(world, case)
    return item is None or not item.seal_exception


def _both(
    *checks: Callable[[Jurisdiction, Application], bool],
) -> Callable[[Jurisdiction, Application], bool]:
    return lambda world, case: all(check(world, case) for check in checks)


@_mutator("SEAL001")
def _decision_without_dedicated_seal(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision sealed with no seal, or with a seal the world does not know."""
    ok = _both(_decided, _no_seal_exception)
    world, case = _target(world, ch, "SEAL001", ok, "decided")
    index, decision = _decision(case)
    unknown = _free_id(f"{decision.department_id}.stamp", [s.id for s in world.seals])
    after = _with_case(world, _edit(case, index, seal_id=ch.pick((None, unknown))))
    return _done("SEAL001", world, after, _case_subject(case, index))


@_mutator("SEAL002")
def _old_seal_after_activation(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision sealed with one of the department's old approval seals after its
    dedicated seal was activated (an old seal, abolished on that day, is added when the
    department has none)."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        if not (_decided(w, case) and _no_seal_exception(w, case)):
            return False
        _, decision = _decision(case)
        activated = w.dedicated_seal_since(decision.department_id)
        return activated is not None and activated <= decision.on

    world, case = _target(world, ch, "SEAL002", ok, "decided")
    index, decision = _decision(case)
    did = decision.department_id
    old = [s for s in world.seals_of(did) if s.kind is not SealKind.DEDICATED_APPROVAL]
    if not old:
        activated = world.dedicated_seal_since(did)
        assert activated is not None
        seal = Seal(
            id=_free_id(f"{did}.oldseal", [s.id for s in world.seals]),
            department_id=did,
            kind=ch.pick((SealKind.SECTION_APPROVAL, SealKind.OTHER_APPROVAL, SealKind.DEPARTMENT)),
            name="审批科专用章",
            activated_on=activated - _dt.timedelta(days=365),
            abolished_on=activated,
        )
        world = attrs.evolve(world, seals=(*world.seals, seal))
        old = [seal]
    after = _with_case(world, _edit(case, index, seal_id=ch.pick(old).id))
    return _done("SEAL002", world, after, _case_subject(case, index))


@_mutator("SEAL003")
def _another_departments_seal(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision sealed with another department's seal."""

    def ok(w: Jurisdiction, case: Application) -> bool:
        if not _decided(w, case):
            return False
        _, decision = _decision(case)
        return any(s.department_id != decision.department_id for s in w.seals)

    if len({s.department_id for s in world.seals}) < 2:
        raise _no_target("SEAL003", "second department with a seal")
    world, case = _target(world, ch, "SEAL003", ok, "decided")
    index, decision = _decision(case)
    seals = [s for s in world.seals if s.department_id != decision.department_id]
    after = _with_case(world, _edit(case, index, seal_id=ch.pick(seals).id))
    return _done("SEAL003", world, after, _case_subject(case, index))


@_mutator("SEAL004")
def _two_dedicated_seals(world: Jurisdiction, ch: _Choices) -> Injection:
    """A second dedicated approval seal activated for a department and never abolished."""
    dedicated = [
        s
        for s in world.seals
        if s.kind is SealKind.DEDICATED_APPROVAL
        and s.activated_on is not None
        and world.department(s.department_id) is not None
    ]
    if not dedicated:
        raise _no_target("SEAL004", "dedicated approval seal")
    seal = ch.pick(dedicated)
    assert seal.activated_on is not None
    second = attrs.evolve(
        seal,
        id=_free_id(f"{seal.department_id}.seal", [s.id for s in world.seals]),
        registry_number=f"{seal.registry_number}-2",
        activated_on=seal.activated_on + _DAY * ch.integer(0, 400),
        abolished_on=None,
    )
    after = attrs.evolve(world, seals=(*world.seals, second))
    return _done("SEAL004", world, after, Subject("department", seal.department_id))


@_mutator("SEAL005")
def _old_seal_not_abolished(world: Jurisdiction, ch: _Choices) -> Injection:
    """An old approval seal never abolished after the dedicated seal's activation (an
    old seal is added when no department has one)."""
    old = [
        s
        for s in world.seals
        if s.kind is not SealKind.DEDICATED_APPROVAL
        and s.activated_on is not None
        and world.dedicated_seal_since(s.department_id) is not None
    ]
    before = world
    if old:
        seal = ch.pick(old)
        kept = attrs.evolve(seal, abolished_on=None)
        after = attrs.evolve(world, seals=_replace(world.seals, seal, kept))
    else:
        dedicated = [
            s
            for s in world.seals
            if s.kind is SealKind.DEDICATED_APPROVAL and s.activated_on is not None
        ]
        if not dedicated:
            raise _no_target("SEAL005", "dedicated approval seal")
        anchor = ch.pick(dedicated)
        assert anchor.activated_on is not None
        kept = Seal(
            id=_free_id(f"{anchor.department_id}.oldseal", [s.id for s in world.seals]),
            department_id=anchor.department_id,
            kind=ch.pick((SealKind.SECTION_APPROVAL, SealKind.DEPARTMENT)),
            name="审批科专用章",
            activated_on=anchor.activated_on - _dt.timedelta(days=365),
        )
        after = attrs.evolve(world, seals=(*world.seals, kept))
    return _done("SEAL005", before, after, Subject("seal", kept.id))
