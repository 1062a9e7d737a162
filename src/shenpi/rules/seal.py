"""SEAL: 行政审批专用章 — the dedicated approval seal, and the old approval seals it
abolishes (seed 三(六); 行政许可法 art. 39).
"""

from __future__ import annotations

from collections.abc import Iterator

from shenpi.applications import Decided
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import A39, S3_6
from shenpi.seals import SealKind

FAMILY = (
    "行政审批专用章",
    (
        "The dedicated approval seal, and the old approval seals it abolishes "
        "(seed 三(六); art. 39)."
    ),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

SEAL_BASIS = "seed 三(六): 一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止"


_NOTES_SEAL001 = RuleNotes(
    (S3_6,),
    Example(
        "The decision records no seal:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), seal_id=None),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL001"]).to_text())
SEAL001 [error] application A1 event 2: decided without the department's active dedicated approval
seal (seal used: none recorded). (seed 三(六):
一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止)
1 finding, 1 error
""",
    ),
    Example(
        "Sealed with D1's dedicated approval seal:",
        """\
>>> history[2] = decided(date(2025, 3, 12), seal_id="D1.seal")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "SEAL001",
    "decision-without-dedicated-seal",
    Severity.ERROR,
    basis=SEAL_BASIS,
    en="decided without the department's active dedicated approval seal (seal used: {seal}).",
    zh="未使用本部门有效的行政审批专用章（所用印章：{seal}）作出决定。",
    notes=_NOTES_SEAL001,
)
def decision_without_dedicated_seal(case: CaseView) -> Iterator[Finding]:
    """A decision without the department's dedicated approval seal, where the item's law
    does not require another (``Item.seal_exception``).

    **Why.** Seed 三(六): every item handled in the hall uses the dedicated approval seal,
    "除法律、法规特别规定外". An old seal used after the dedicated one was activated is
    SEAL002; another department's seal is SEAL003.

    **Fix.** Seal the decision with the department's active dedicated approval seal.
    """
    j = case.ctx.jurisdiction
    if case.item is not None and case.item.seal_exception:
        return
    for index, event in case.events_of(Decided):
        seal = None if event.seal_id is None else j.seal(event.seal_id)
        if seal is not None and seal.department_id != event.department_id:
            continue  # SEAL003
        if seal is not None and seal.kind is not SealKind.DEDICATED_APPROVAL:
            activated = case.ctx.jurisdiction.dedicated_seal_since(event.department_id)
            if activated is not None and activated <= event.on:
                continue  # SEAL002
        if (
            seal is None
            or seal.kind is not SealKind.DEDICATED_APPROVAL
            or not seal.active(event.on)
        ):
            yield decision_without_dedicated_seal.finding(
                case.at(index),
                department_id=event.department_id,
                seal=event.seal_id or "none recorded",
            )


_NOTES_SEAL002 = RuleNotes(
    (S3_6,),
    Example(
        "Sealed in 2025 with the section's old approval seal:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), seal_id="D1.oldseal"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL002"]).to_text())
SEAL002 [error] application A1 event 2: sealed on 2025-03-12 with old seal D1.oldseal
(section_approval) after the dedicated seal was activated on 2008-11-28. (seed 三(六):
一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止)
1 finding, 1 error
""",
    ),
    Example(
        "Sealed with the dedicated seal that replaced it:",
        """\
>>> history[2] = decided(date(2025, 3, 12), seal_id="D1.seal")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "SEAL002",
    "old-seal-after-activation",
    Severity.ERROR,
    basis=SEAL_BASIS,
    en="sealed on {on} with old seal {seal} ({kind}) after the dedicated seal was "
    "activated on {activated}.",
    zh="专用章已于 {activated} 启用，{on} 仍使用原印章 {seal}（{kind}）。",
    notes=_NOTES_SEAL002,
)
def old_seal_after_activation(case: CaseView) -> Iterator[Finding]:
    """An old approval seal used after the department's dedicated seal was activated.

    **Why.** Seed 三(六): activating the dedicated seal abolishes the old approval seals
    "同时" — at the same time.

    **Fix.** Use the dedicated seal; abolish and hand in the old ones.
    """
    j = case.ctx.jurisdiction
    if case.item is not None and case.item.seal_exception:
        return
    for index, event in case.events_of(Decided):
        seal = None if event.seal_id is None else j.seal(event.seal_id)
        if seal is None or seal.department_id != event.department_id:
            continue
        if seal.kind is SealKind.DEDICATED_APPROVAL:
            continue
        activated = case.ctx.jurisdiction.dedicated_seal_since(event.department_id)
        if activated is not None and activated <= event.on:
            yield old_seal_after_activation.finding(
                case.at(index),
                department_id=event.department_id,
                on=event.on,
                seal=seal.id,
                kind=seal.kind,
                activated=activated,
            )


_NOTES_SEAL003 = RuleNotes(
    (S3_6, A39),
    Example(
        "D1's decision bears D2's dedicated seal:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), seal_id="D2.seal"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL003"]).to_text())
SEAL003 [error] application A1 event 2: decision of D1 sealed with seal D2.seal of D2. (seed
三(六): 一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止; 行政许可法 art. 39)
1 finding, 1 error
""",
    ),
    Example(
        "Sealed with D1's own:",
        """\
>>> history[2] = decided(date(2025, 3, 12), seal_id="D1.seal")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL003"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "SEAL003",
    "another-departments-seal",
    Severity.ERROR,
    basis=SEAL_BASIS + "; 行政许可法 art. 39",
    en="decision of {department} sealed with seal {seal} of {owner}.",
    zh="{department} 的决定加盖了 {owner} 的印章 {seal}。",
    notes=_NOTES_SEAL003,
)
def another_departments_seal(case: CaseView) -> Iterator[Finding]:
    """A decision sealed with another department's seal.

    **Why.** A licence bears the seal of the agency that decides it (行政许可法 art. 39);
    each department has its own dedicated seal (seed 三(六)).

    **Fix.** Seal with the deciding department's dedicated seal.
    """
    j = case.ctx.jurisdiction
    for index, event in case.events_of(Decided):
        seal = None if event.seal_id is None else j.seal(event.seal_id)
        if seal is not None and seal.department_id != event.department_id:
            yield another_departments_seal.finding(
                case.at(index),
                department_id=event.department_id,
                department=event.department_id,
                seal=seal.id,
                owner=seal.department_id,
            )


_NOTES_SEAL004 = RuleNotes(
    (S3_6,),
    Example(
        "A second dedicated seal was made for D1 in 2020 and never abolished:",
        """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> from shenpi.seals import Seal, SealKind
>>> as_of = date(2025, 6, 30)
>>> second = Seal(
...     "D1.seal2", "D1", SealKind.DEDICATED_APPROVAL, "市市场监督管理局行政审批专用章（二）",
...     activated_on=date(2020, 7, 1),
... )
>>> world = tiny_world()
>>> world = attrs.evolve(world, seals=[*world.seals, second])
>>> print(check(world, as_of=as_of, select=["SEAL004"]).to_text())
SEAL004 [error] department D1: department D1 has 2 dedicated approval seals active on 2025-06-30.
(seed 三(六): 一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止 (one dedicated seal per
department))
1 finding, 1 error
""",
    ),
    Example(
        "The second seal is abolished:",
        """\
>>> world = amend(world, "seals", "D1.seal2", abolished_on=date(2020, 7, 31))
>>> print(check(world, as_of=as_of, select=["SEAL004"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "SEAL004",
    "two-dedicated-seals",
    Severity.ERROR,
    basis=SEAL_BASIS + " (one dedicated seal per department)",
    en="department {department} has {count} dedicated approval seals active on {as_of}.",
    zh="截至 {as_of}，部门 {department} 有 {count} 枚有效的行政审批专用章。",
    scope="world",
    notes=_NOTES_SEAL004,
)
def two_dedicated_seals(ctx: Context) -> Iterator[Finding]:
    """Two dedicated approval seals active at once for one department.

    **Why.** The department stamps "with one dedicated approval seal" (seed 三(六)); two
    active at once make its decisions ambiguous.

    **Fix.** Abolish all but one.
    """
    j = ctx.jurisdiction
    for department in j.departments:
        active = [
            s
            for s in j.seals_of(department.id)
            if s.kind is SealKind.DEDICATED_APPROVAL and s.active(ctx.as_of)
        ]
        if len(active) > 1:
            yield two_dedicated_seals.finding(
                Subject("department", department.id),
                department_id=department.id,
                department=department.id,
                count=len(active),
                as_of=ctx.as_of,
            )


_NOTES_SEAL005 = RuleNotes(
    (S3_6,),
    Example(
        "The section's old seal was never abolished:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "seals", "D1.oldseal", abolished_on=None)
>>> print(check(world, as_of=as_of, select=["SEAL005"]).to_text())
SEAL005 [warning] seal D1.oldseal: old seal D1.oldseal (section_approval) is still active on
2025-06-30, after the dedicated seal's activation on 2008-11-28. (seed 三(六):
一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止)
1 finding, 0 errors
""",
    ),
    Example(
        "Abolished the day the dedicated seal was activated:",
        """\
>>> world = amend(world, "seals", "D1.oldseal", abolished_on=date(2008, 11, 28))
>>> print(check(world, as_of=as_of, select=["SEAL005"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "SEAL005",
    "old-seal-not-abolished",
    Severity.WARNING,
    basis=SEAL_BASIS,
    en="old seal {seal} ({kind}) is still active on {as_of}, after the dedicated seal's "
    "activation on {activated}.",
    zh="专用章已于 {activated} 启用，原印章 {seal}（{kind}）截至 {as_of} 仍未废止。",
    scope="world",
    notes=_NOTES_SEAL005,
)
def old_seal_not_abolished(ctx: Context) -> Iterator[Finding]:
    """An old approval seal still active after the department's dedicated seal was
    activated (seals of kind ``OTHER_APPROVAL`` that an item's law requires are exempt
    when some item of the department names a seal exception).

    **Why.** Seed 三(六): "原使用的行政审批用章同时废止".

    **Fix.** Record the old seal's abolition on the day the dedicated seal was activated.
    """
    j = ctx.jurisdiction
    for department in j.departments:
        seals = j.seals_of(department.id)
        activated = j.dedicated_seal_since(department.id)
        if activated is None or activated > ctx.as_of:
            continue
        exempt = any(item.seal_exception for item in j.items_of(department.id))
        for seal in seals:
            if seal.kind is SealKind.DEDICATED_APPROVAL or not seal.active(ctx.as_of):
                continue
            if exempt and seal.kind is SealKind.OTHER_APPROVAL:
                continue
            yield old_seal_not_abolished.finding(
                Subject("seal", seal.id),
                department_id=department.id,
                seal=seal.id,
                kind=seal.kind,
                as_of=ctx.as_of,
                activated=activated,
            )


RULES = (
    decision_without_dedicated_seal,
    old_seal_after_activation,
    another_departments_seal,
    two_dedicated_seals,
    old_seal_not_abolished,
)
"""The family's rules."""
