"""AUTH and SEAL: authorization letters (授权委托书) and the dedicated approval seal.

Seed 六.2: the department's principal leader signs an authorization letter with the
office director, and the office exercises the department's approval power in full.
Seed 三(六): every item handled in the hall uses the dedicated approval seal (行政审批专用章),
except where a law provides otherwise; the old approval seals are abolished at once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from shenpi.applications import Decided
from shenpi.letters import AuthorizationLetter
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.seals import SealKind

LETTER_BASIS = "seed 六.2: 各部门主要领导要与审批办主任签订授权委托书"
SEAL_BASIS = "seed 三(六): 一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止"


def _covering_letter(case: CaseView, decision: Decided) -> AuthorizationLetter | None:
    item_id = case.application.item_ids[0]
    for letter in case.ctx.jurisdiction.letters_of(decision.department_id):
        if letter.grantee_id == decision.official_id and letter.covers(item_id, decision.on):
            return letter
    return None


def _lapsed(case: CaseView, decision: Decided) -> AuthorizationLetter | None:
    """The recorded letter when it was the official's but had expired or been revoked."""
    if decision.letter_id is None:
        return None
    letter = case.ctx.jurisdiction.letter(decision.letter_id)
    if letter is None or letter.grantee_id != decision.official_id:
        return None
    if letter.in_force(decision.on) or decision.on < letter.valid_from:
        return None
    return letter


@rule(
    "AUTH001",
    "decision-without-letter",
    Severity.ERROR,
    basis=LETTER_BASIS + "; 行政许可法 art. 74 (1) (超越法定职权)",
    en="decided by {official}, who held no authorization letter covering item {item} on {on}.",
    zh="{official} 作出决定时（{on}）没有覆盖事项 {item} 的授权委托书。",
)
def decision_without_letter(case: CaseView) -> Iterator[Finding]:
    """A decision by an official who held no letter covering that item on that day.

    **Why.** The office decides in the department's name only because the head
    authorised it (seed 六.2); without a letter the decision exceeds the official's
    power (行政许可法 art. 74 (1)). A letter that had expired or been revoked is AUTH004.

    **Fix.** Have the head sign a letter to the office director covering the item (all
    items, or a list), and decide under it.
    """
    for index, event in case.events_of(Decided):
        if _covering_letter(case, event) is None and _lapsed(case, event) is None:
            yield decision_without_letter.finding(
                case.at(index),
                department_id=event.department_id,
                official=event.official_id,
                item=case.application.item_ids[0],
                on=event.on,
            )


@rule(
    "AUTH002",
    "letter-not-from-head",
    Severity.ERROR,
    basis=LETTER_BASIS,
    en="letter {letter} was granted by {grantor}, not by the department's head {head}.",
    zh="授权委托书 {letter} 由 {grantor} 签发，而非部门主要领导 {head}。",
    scope="world",
)
def letter_not_from_head(ctx: Context) -> Iterator[Finding]:
    """A letter not signed by the department's head.

    **Why.** Only the principal leader (主要领导) can delegate the department's approval
    power (seed 六.2).

    **Fix.** Have the head sign the letter.
    """
    j = ctx.jurisdiction
    for letter in j.letters:
        department = j.department(letter.department_id)
        head = None if department is None else department.head_id
        if letter.grantor_id != head:
            yield letter_not_from_head.finding(
                Subject("letter", letter.id),
                department_id=letter.department_id,
                letter=letter.id,
                grantor=letter.grantor_id,
                head=head,
            )


@rule(
    "AUTH003",
    "letter-not-to-director",
    Severity.ERROR,
    basis=LETTER_BASIS,
    en="letter {letter} authorises {grantee}, not the approval office's director {director}.",
    zh="授权委托书 {letter} 授权给 {grantee}，而非审批办主任 {director}。",
    scope="world",
)
def letter_not_to_director(ctx: Context) -> Iterator[Finding]:
    """A letter in force (on ``as_of``) to someone other than the approval office's director.

    **Why.** The letter is signed "与审批办主任" (seed 六.2): it authorises the office,
    through its director, not another person.

    **Fix.** Address the letter to the office director.
    """
    j = ctx.jurisdiction
    for letter in j.letters:
        if not letter.in_force(ctx.as_of):
            continue  # a past letter went to the director of its day
        office = j.office_of(letter.department_id)
        director = None if office is None else office.director_id
        if letter.grantee_id != director:
            yield letter_not_to_director.finding(
                Subject("letter", letter.id),
                department_id=letter.department_id,
                letter=letter.id,
                grantee=letter.grantee_id,
                director=director,
            )


@rule(
    "AUTH004",
    "decision-under-lapsed-letter",
    Severity.ERROR,
    basis=LETTER_BASIS,
    en="decided on {on} under letter {letter}, which had {state}.",
    zh="{on} 依据已{state_zh}的授权委托书 {letter} 作出决定。",
)
def decision_under_lapsed_letter(case: CaseView) -> Iterator[Finding]:
    """A decision that cites the official's letter after it expired or was revoked (even
    if a newer letter would have covered it: the decision must cite the letter in force).

    **Why.** A letter's authority ends with its validity or its revocation (seed 六.2).

    **Fix.** Renew the letter before it expires; decide only under a letter in force.
    """
    for index, event in case.events_of(Decided):
        letter = _lapsed(case, event)
        if letter is None:
            continue
        revoked = letter.revoked_on is not None and event.on >= letter.revoked_on
        yield decision_under_lapsed_letter.finding(
            case.at(index),
            department_id=event.department_id,
            on=event.on,
            letter=letter.id,
            state="been revoked" if revoked else "expired",
            state_zh="撤销" if revoked else "过期",
        )


def _dedicated_activation(case: CaseView, department_id: str) -> _dt.date | None:
    days = [
        seal.activated_on
        for seal in case.ctx.jurisdiction.seals_of(department_id)
        if seal.kind is SealKind.DEDICATED_APPROVAL and seal.activated_on is not None
    ]
    return min(days) if days else None


@rule(
    "SEAL001",
    "decision-without-dedicated-seal",
    Severity.ERROR,
    basis=SEAL_BASIS,
    en="decided without the department's active dedicated approval seal (seal used: {seal}).",
    zh="未使用本部门有效的行政审批专用章（所用印章：{seal}）作出决定。",
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
            activated = _dedicated_activation(case, event.department_id)
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


@rule(
    "SEAL002",
    "old-seal-after-activation",
    Severity.ERROR,
    basis=SEAL_BASIS,
    en="sealed on {on} with old seal {seal} ({kind}) after the dedicated seal was "
    "activated on {activated}.",
    zh="专用章已于 {activated} 启用，{on} 仍使用原印章 {seal}（{kind}）。",
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
        activated = _dedicated_activation(case, event.department_id)
        if activated is not None and activated <= event.on:
            yield old_seal_after_activation.finding(
                case.at(index),
                department_id=event.department_id,
                on=event.on,
                seal=seal.id,
                kind=seal.kind,
                activated=activated,
            )


@rule(
    "SEAL003",
    "another-departments-seal",
    Severity.ERROR,
    basis=SEAL_BASIS + "; 行政许可法 art. 39",
    en="decision of {department} sealed with seal {seal} of {owner}.",
    zh="{department} 的决定加盖了 {owner} 的印章 {seal}。",
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


@rule(
    "SEAL004",
    "two-dedicated-seals",
    Severity.ERROR,
    basis=SEAL_BASIS + " (one dedicated seal per department)",
    en="department {department} has {count} dedicated approval seals active on {as_of}.",
    zh="截至 {as_of}，部门 {department} 有 {count} 枚有效的行政审批专用章。",
    scope="world",
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


@rule(
    "SEAL005",
    "old-seal-not-abolished",
    Severity.WARNING,
    basis=SEAL_BASIS,
    en="old seal {seal} ({kind}) is still active on {as_of}, after the dedicated seal's "
    "activation on {activated}.",
    zh="专用章已于 {activated} 启用，原印章 {seal}（{kind}）截至 {as_of} 仍未废止。",
    scope="world",
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
        activations = [
            s.activated_on
            for s in seals
            if s.kind is SealKind.DEDICATED_APPROVAL and s.activated_on is not None
        ]
        if not activations:
            continue
        activated = min(activations)
        if activated > ctx.as_of:
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
    decision_without_letter,
    letter_not_from_head,
    letter_not_to_director,
    decision_under_lapsed_letter,
    decision_without_dedicated_seal,
    old_seal_after_activation,
    another_departments_seal,
    two_dedicated_seals,
    old_seal_not_abolished,
)
