"""AUTH: decisions without the head's authorization. A decision by an official who holds
no authorization letter, a letter signed by someone other than the department's head, a
letter from the head to someone other than the approval office's director, and a
decision under a letter that had lapsed (renewed only the day after).
"""

from __future__ import annotations

import attrs

from shenpi.applications import Application, Decided
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.rules.engine import Subject
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
    _head,
    _mutator,
    _no_target,
    _officials_of,
    _replace,
    _target,
    _with_case,
)


def _department_letters(world: Jurisdiction) -> list[AuthorizationLetter]:
    found = []
    for letter in world.letters:
        department = world.department(letter.department_id)
        if department is not None and letter.grantor_id == department.head_id:
            found.append(letter)
    return found


def _someone_else(world: Jurisdiction, ch: _Choices, did: str, *not_ids: str | None) -> str:
    others = [p.id for p in _officials_of(world, did) if p.id not in not_ids]
    return ch.pick(others) if others else _free_id(f"{did}.deputy", [p.id for p in world.officials])


@_mutator("AUTH001")
def _decision_without_letter(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision by an official of the department who holds no authorization letter
    (a clerk, a section's staff, or no official recorded)."""
    world, case = _target(world, ch, "AUTH001", _decided, "decided")
    index, decision = _decision(case)
    grantees = {x.grantee_id for x in world.letters_of(decision.department_id)}
    choices: list[str | None] = [
        p.id for p in _officials_of(world, decision.department_id) if p.id not in grantees
    ]
    official = ch.pick([*choices, None])
    after = _with_case(world, _edit(case, index, official_id=official))
    return _done("AUTH001", world, after, _case_subject(case, index))


@_mutator("AUTH002")
def _letter_not_from_head(world: Jurisdiction, ch: _Choices) -> Injection:
    """An authorization letter signed by someone other than the department's head."""
    letters = list(world.letters)
    if not letters:
        raise _no_target("AUTH002", "authorization letter")
    letter = ch.pick(letters)
    grantor = _someone_else(world, ch, letter.department_id, _head(world, letter.department_id))
    after = attrs.evolve(
        world, letters=_replace(world.letters, letter, attrs.evolve(letter, grantor_id=grantor))
    )
    return _done("AUTH002", world, after, Subject("letter", letter.id))


@_mutator("AUTH003")
def _letter_not_to_director(world: Jurisdiction, ch: _Choices) -> Injection:
    """A further letter from the head to someone other than the office director (a
    clerk, a section's staff)."""
    letters = _department_letters(world)
    if not letters:
        raise _no_target("AUTH003", "letter signed by a department head")
    letter = ch.pick(letters)
    office = world.office_of(letter.department_id)
    director = None if office is None else office.director_id
    head = _head(world, letter.department_id)
    grantee = _someone_else(world, ch, letter.department_id, director, head)
    new = attrs.evolve(
        letter,
        id=_free_id(f"{letter.department_id}.letter", [x.id for x in world.letters]),
        grantee_id=grantee,
    )
    after = attrs.evolve(world, letters=(*world.letters, new))
    return _done("AUTH003", world, after, Subject("letter", new.id))


def _lapsable(world: Jurisdiction, case: Application) -> bool:
    """A decision under its official's letter, the only decision of its department that
    day, that a letter lapsing the day before and renewed the day after would leave
    uncovered."""
    if not _decided(world, case):
        return False
    _, decision = _decision(case)
    letter = None if decision.letter_id is None else world.letter(decision.letter_id)
    if letter is None or letter.grantee_id != decision.official_id:
        return False
    if letter.valid_from >= decision.on or letter.signed_on >= decision.on:
        return False
    if not letter.in_force(decision.on):
        return False
    others = [
        x
        for x in world.letters_of(decision.department_id)
        if x is not letter and x.grantee_id == decision.official_id and x.in_force(decision.on)
    ]
    same_day = [
        a
        for a in world.applications
        for e in a.events
        if isinstance(e, Decided)
        and e.department_id == decision.department_id
        and e.on == decision.on
    ]
    return not others and len(same_day) <= (1 if case in world.applications else 0)


@_mutator("AUTH004")
def _decision_under_lapsed_letter(world: Jurisdiction, ch: _Choices) -> Injection:
    """A decision under a letter that had expired the day before (or was revoked that
    day); the head signed its renewal only the day after."""
    world, case = _target(world, ch, "AUTH004", _lapsable, "decided")
    _, decision = _decision(case)
    assert decision.letter_id is not None
    letter = world.letter(decision.letter_id)
    assert letter is not None
    if ch.flag():
        lapsed = attrs.evolve(letter, revoked_on=decision.on, valid_to=None)
    else:
        lapsed = attrs.evolve(letter, valid_to=decision.on - _DAY, revoked_on=None)
    renewal = attrs.evolve(
        letter,
        id=_free_id(f"{letter.department_id}.letter", [x.id for x in world.letters]),
        signed_on=decision.on + _DAY,
        valid_from=decision.on + _DAY,
        valid_to=None,
        revoked_on=None,
    )
    # Later decisions cite the renewal, the letter in force on their day.
    recited = tuple(
        attrs.evolve(
            a,
            events=tuple(
                attrs.evolve(e, letter_id=renewal.id)
                if isinstance(e, Decided) and e.letter_id == letter.id and e.on > decision.on
                else e
                for e in a.events
            ),
        )
        for a in world.applications
    )
    after = attrs.evolve(
        world,
        letters=(*_replace(world.letters, letter, lapsed), renewal),
        applications=recited,
    )
    index, _ = _decision(case)
    return _done("AUTH004", world, after, _case_subject(case, index))
