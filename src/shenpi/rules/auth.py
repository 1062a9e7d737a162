"""AUTH: 授权委托书 — the head's authorization letter to the approval office's director, and
the decisions made under it (seed 六.2; 行政许可法 art. 74).
"""

from __future__ import annotations

from collections.abc import Iterator

from shenpi.applications import Decided
from shenpi.letters import AuthorizationLetter
from shenpi.rules.engine import CaseView, Context, Finding, Severity, Subject, rule
from shenpi.rules.notes import Example, RuleNotes
from shenpi.rules.quotes import A74_1, S6_2

FAMILY = (
    "授权委托书",
    (
        "The head's authorization letter to the approval office's director, and the "
        "decisions made under it (seed 六.2; 行政许可法 art. 74)."
    ),
)
"""The family's name in Chinese and what its rules watch (the index of the rule pages)."""

LETTER_BASIS = "seed 六.2: 各部门主要领导要与审批办主任签订授权委托书"


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


_NOTES_AUTH001 = RuleNotes(
    (S6_2, A74_1),
    Example(
        "The window clerk `D1.clerk`, who holds no letter, decides:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), official_id="D1.clerk", letter_id=None),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["AUTH001"]).to_text())
AUTH001 [error] application A1 event 2: decided by D1.clerk, who held no authorization letter
covering item I1 on 2025-03-12. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书; 行政许可法
art. 74 (1) (超越法定职权))
1 finding, 1 error
""",
    ),
    Example(
        "The director decides under the head's letter `D1.letter`:",
        """\
>>> history[2] = decided(date(2025, 3, 12), official_id="D1.director", letter_id="D1.letter")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["AUTH001"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "AUTH001",
    "decision-without-letter",
    Severity.ERROR,
    basis=LETTER_BASIS + "; 行政许可法 art. 74 (1) (超越法定职权)",
    en="decided by {official}, who held no authorization letter covering item {item} on {on}.",
    zh="{official} 作出决定时（{on}）没有覆盖事项 {item} 的授权委托书。",
    notes=_NOTES_AUTH001,
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


_NOTES_AUTH002 = RuleNotes(
    (S6_2,),
    Example(
        "D1's letter is signed by the deputy head:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "letters", "D1.letter", grantor_id="D1.deputy")
>>> print(check(world, as_of=as_of, select=["AUTH002"]).to_text())
AUTH002 [error] letter D1.letter: letter D1.letter was granted by D1.deputy, not by the
department's head D1.head. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书)
1 finding, 1 error
""",
    ),
    Example(
        "Signed by the head, `D1.head`:",
        """\
>>> world = amend(world, "letters", "D1.letter", grantor_id="D1.head")
>>> print(check(world, as_of=as_of, select=["AUTH002"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "AUTH002",
    "letter-not-from-head",
    Severity.ERROR,
    basis=LETTER_BASIS,
    en="letter {letter} was granted by {grantor}, not by the department's head {head}.",
    zh="授权委托书 {letter} 由 {grantor} 签发，而非部门主要领导 {head}。",
    scope="world",
    notes=_NOTES_AUTH002,
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


_NOTES_AUTH003 = RuleNotes(
    (S6_2,),
    Example(
        "D1's letter authorises the window clerk:",
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "letters", "D1.letter", grantee_id="D1.clerk")
>>> print(check(world, as_of=as_of, select=["AUTH003"]).to_text())
AUTH003 [error] letter D1.letter: letter D1.letter authorises D1.clerk, not the approval office's
director D1.director. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书)
1 finding, 1 error
""",
    ),
    Example(
        "Addressed to the office director, `D1.director`:",
        """\
>>> world = amend(world, "letters", "D1.letter", grantee_id="D1.director")
>>> print(check(world, as_of=as_of, select=["AUTH003"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "AUTH003",
    "letter-not-to-director",
    Severity.ERROR,
    basis=LETTER_BASIS,
    en="letter {letter} authorises {grantee}, not the approval office's director {director}.",
    zh="授权委托书 {letter} 授权给 {grantee}，而非审批办主任 {director}。",
    scope="world",
    notes=_NOTES_AUTH003,
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


_NOTES_AUTH004 = RuleNotes(
    (S6_2,),
    Example(
        ("D1's letter expired at the end of 2024; a decision in March 2025 still cites it:"),
        """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, amend, case, decided
>>> from shenpi.rules.examples import delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), letter_id="D1.letter"),
...     delivered(date(2025, 3, 13)),
... ]
>>> world = amend(tiny_world(case(*history)), "letters", "D1.letter", valid_to=date(2024, 12, 31))
>>> print(check(world, as_of=as_of, select=["AUTH004"]).to_text())
AUTH004 [error] application A1 event 2: decided on 2025-03-12 under letter D1.letter, which had
expired. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书)
1 finding, 1 error
""",
    ),
    Example(
        ("The head renewed the letter before it expired, and the decision cites the new one:"),
        """\
>>> import attrs
>>> from shenpi.letters import AuthorizationLetter
>>> renewed = AuthorizationLetter(
...     "D1.letter2", "D1", "D1.head", "D1.director",
...     signed_on=date(2024, 12, 20), valid_from=date(2025, 1, 1),
... )
>>> history[2] = decided(date(2025, 3, 12), letter_id="D1.letter2")
>>> world = attrs.evolve(world, letters=[*world.letters, renewed], applications=[case(*history)])
>>> print(check(world, as_of=as_of, select=["AUTH004"]).to_text())
0 findings, 0 errors
""",
    ),
)


@rule(
    "AUTH004",
    "decision-under-lapsed-letter",
    Severity.ERROR,
    basis=LETTER_BASIS,
    en="decided on {on} under letter {letter}, which had {state}.",
    zh="{on} 依据已{state_zh}的授权委托书 {letter} 作出决定。",
    notes=_NOTES_AUTH004,
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


RULES = (
    decision_without_letter,
    letter_not_from_head,
    letter_not_to_director,
    decision_under_lapsed_letter,
)
"""The family's rules."""
