"""AUTH, rule by rule: the boundaries of the head's authorization letter (授权委托书).

Seed 六.2: "各部门主要领导要与审批办主任签订授权委托书,由审批办全权行使本部门的审批权". Each
test starts from the tiny world of the rule pages (``D1.head`` authorises ``D1.director``
by the full-scope letter ``D1.letter``, signed and in force from 2008-11-25), changes one
fact and names the case. A test marked ``xfail`` states what the seed says where the
rule does not yet follow it.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from shenpi.applications import Application, Decided
from shenpi.jurisdiction import Jurisdiction
from shenpi.letters import AuthorizationLetter
from shenpi.organization import Official, Role
from shenpi.rules import check
from shenpi.rules.examples import accepted, amend, case, decided, delivered, submitted, tiny_world

AS_OF = dt.date(2025, 6, 30)
RECEIVED = dt.date(2025, 3, 3)
DECIDED = dt.date(2025, 3, 12)
DELIVERED = dt.date(2025, 3, 13)
DAY = dt.timedelta(days=1)
SIGNED = dt.date(2008, 11, 25)  # D1.letter: signed and in force from that day


def _found(world: Jurisdiction, *codes: str, as_of: dt.date = AS_OF) -> list[str]:
    """The findings of the rules ``codes`` as ``"CODE subject"``, in the report's order."""
    return [f"{f.code} {f.subject}" for f in check(world, as_of=as_of, select=codes)]


def _decided_case(decision: Decided, *items: str) -> Application:
    """Received and accepted on 2025-03-03, ``decision``, delivered on 2025-03-13; for the
    items ``items`` (I1 when none is given)."""
    history = (submitted(RECEIVED), accepted(RECEIVED), decision, delivered(DELIVERED))
    return attrs.evolve(case(*history), item_ids=items or ("I1",))


def _world(decision: Decided, *items: str, **letter: object) -> Jurisdiction:
    """The tiny world with one case (``decision``) and D1's letter changed by ``letter``."""
    world = tiny_world(_decided_case(decision, *items))
    return amend(world, "letters", "D1.letter", **letter) if letter else world


def _letter(
    letter_id: str,
    grantee: str,
    *,
    signed_on: dt.date = SIGNED,
    valid_from: dt.date = SIGNED,
    valid_to: dt.date | None = None,
    revoked_on: dt.date | None = None,
) -> AuthorizationLetter:
    """Another full-scope letter of D1's head, to ``grantee``."""
    return AuthorizationLetter(
        letter_id,
        "D1",
        "D1.head",
        grantee,
        signed_on=signed_on,
        valid_from=valid_from,
        valid_to=valid_to,
        revoked_on=revoked_on,
    )


def _new_head(world: Jurisdiction) -> Jurisdiction:
    """``world`` after D1's head changed: ``D1.head2`` is the head now; the letter that
    ``D1.head`` signed in 2008, while in office, was never revoked."""
    successor = Official("D1.head2", "陈局长", "D1", Role.HEAD)
    world = attrs.evolve(world, officials=[*world.officials, successor])
    return amend(world, "departments", "D1", head_id="D1.head2")


# ============================================================== AUTH001
def test_auth001_director_deciding_under_the_heads_letter_is_authorised() -> None:
    """Seed 六.2: the head signs the letter with the office's director, who then exercises
    the department's approval power (审批办全权行使本部门的审批权)."""
    assert _found(_world(decided(DECIDED)), "AUTH001") == []


def test_auth001_official_holding_no_letter_is_not_authorised() -> None:
    """Seed 六.2; 行政许可法 art. 74 (1): "超越法定职权作出准予行政许可决定" — the window clerk
    holds no letter."""
    world = _world(decided(DECIDED, official_id="D1.clerk", letter_id=None))
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


def test_auth001_letter_expiring_on_the_decision_day_still_covers_it() -> None:
    """Seed 六.2: a letter valid through 2025-03-12 authorises a decision made that day."""
    assert _found(_world(decided(DECIDED), valid_to=DECIDED), "AUTH001") == []


def test_auth001_letter_expired_the_day_before_covers_no_decision() -> None:
    """Seed 六.2: a letter valid through 2025-03-11 gives no power on 03-12; the decision
    cites no letter at all."""
    world = _world(decided(DECIDED, letter_id=None), valid_to=DECIDED - DAY)
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


def test_auth001_letter_taking_effect_on_the_decision_day_covers_it() -> None:
    """Seed 六.2: a letter in force from 2025-03-12 authorises a decision made that day."""
    assert _found(_world(decided(DECIDED), valid_from=DECIDED), "AUTH001") == []


def test_auth001_letter_taking_effect_the_day_after_the_decision_does_not_cover_it() -> None:
    """Seed 六.2; 行政许可法 art. 74 (1): a letter in force only from 2025-03-13 gave no
    power on 03-12."""
    world = _world(decided(DECIDED), valid_from=DECIDED + DAY)
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="seed 六.2 / art. 74 (1): a letter signed after the decision gave no power when it "
    "was made, whatever day it says it is valid from; the rule reports it as AUTH004 (a "
    "letter that had 'expired') instead of a decision with no letter",
)
def test_auth001_letter_signed_the_day_after_the_decision_does_not_cover_it() -> None:
    """Seed 六.2: the head "签订授权委托书" — authority starts with the signature. A letter
    signed on 2025-03-13 (backdated to 2008) did not exist when the decision was made."""
    world = _world(decided(DECIDED), signed_on=DECIDED + DAY)
    assert _found(world, "AUTH001", "AUTH004") == ["AUTH001 application A1 event 2"]


def test_auth001_letter_listing_the_item_covers_it() -> None:
    """Seed 六.2: a letter may list the items it delegates; I1 is listed."""
    assert _found(_world(decided(DECIDED), item_ids=("I1",)), "AUTH001") == []


def test_auth001_letter_listing_other_items_does_not_cover_this_one() -> None:
    """Seed 六.2; 行政许可法 art. 74 (1): the letter lists only I2, the case is for I1."""
    world = _world(decided(DECIDED), item_ids=("I2",))
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


def test_auth001_letter_listing_every_item_of_a_case_covers_the_case() -> None:
    """Seed 六.2: a case for I1 and I2, both listed in the letter."""
    world = _world(decided(DECIDED), "I1", "I2", item_ids=("I1", "I2"))
    assert _found(world, "AUTH001") == []


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="seed 六.2 / art. 74 (1): every item decided needs the letter's authority; a case "
    "for I1 and I2 under a letter listing only I1 decides I2 without it; AUTH001 looks at the "
    "case's first item only",
)
def test_auth001_letter_covering_only_the_first_item_of_a_case_leaves_the_second() -> None:
    """Seed 六.2; 行政许可法 art. 74 (1): one case for I1 and I2; the letter lists only I1,
    so the decision on I2 exceeds the director's power."""
    world = _world(decided(DECIDED), "I1", "I2", item_ids=("I1",))
    report = check(world, as_of=AS_OF, select=["AUTH001"])
    assert [(f"{f.code} {f.subject}", f.fact_map["item"]) for f in report] == [
        ("AUTH001 application A1 event 2", "I2")
    ]


def test_auth001_letter_to_the_director_does_not_authorise_the_deputy() -> None:
    """Seed 六.2: the letter is signed "与审批办主任"; the deputy head deciding under the
    director's letter holds no letter of his own."""
    world = _world(decided(DECIDED, official_id="D1.deputy"))
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


def test_auth001_another_departments_letter_gives_no_power_over_this_ones_items() -> None:
    """Seed 六.2: "由审批办全权行使本部门的审批权" — D2's letter to D2's director gives no
    power to decide D1's item I1."""
    by_d2 = decided(DECIDED, official_id="D2.director", letter_id="D2.letter")
    assert _found(_world(by_d2), "AUTH001") == ["AUTH001 application A1 event 2"]


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="seed 六.2: only the principal leader (主要领导) can delegate; a decision under a "
    "letter signed by the deputy head has no authority (the letter's own defect is AUTH002), "
    "but AUTH001 accepts any letter to the deciding official",
)
def test_auth001_decision_under_a_letter_not_signed_by_the_head_is_unauthorised() -> None:
    """Seed 六.2: "各部门主要领导要与审批办主任签订授权委托书" — a letter from the deputy head
    delegates nothing, so the decision made under it exceeds the director's power
    (行政许可法 art. 74 (1))."""
    world = _world(decided(DECIDED), grantor_id="D1.deputy")
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="seed 六.2: the letter authorises the office through its director; a decision by "
    "the window clerk under a letter addressed to him has no authority (the letter's own "
    "defect is AUTH003), but AUTH001 accepts any letter to the deciding official",
)
def test_auth001_decision_under_a_letter_to_someone_other_than_the_director_is_unauthorised() -> (
    None
):
    """Seed 六.2: "与审批办主任签订授权委托书" — a letter to the window clerk does not make the
    clerk the office, so the clerk's decision under it exceeds his power (行政许可法
    art. 74 (1))."""
    world = _world(decided(DECIDED, official_id="D1.clerk"), grantee_id="D1.clerk")
    assert _found(world, "AUTH001") == ["AUTH001 application A1 event 2"]


def test_auth001_letter_from_the_head_then_in_office_still_covers_after_a_new_head() -> None:
    """Seed 六.2: the letter is the department's act, signed by its head of the day; a new
    head does not undo it unless he revokes it."""
    world = _new_head(_world(decided(DECIDED)))
    assert _found(world, "AUTH001") == []


# ============================================================== AUTH002
def test_auth002_letter_signed_by_the_deputy_head_is_not_from_the_head() -> None:
    """Seed 六.2: "各部门主要领导 … 签订授权委托书" — the deputy is not the principal leader."""
    world = amend(tiny_world(), "letters", "D1.letter", grantor_id="D1.deputy")
    assert _found(world, "AUTH002") == ["AUTH002 letter D1.letter"]


def test_auth002_letter_signed_by_the_head_is_valid() -> None:
    """Seed 六.2: the head (D1.head) signs D1's letter."""
    assert _found(tiny_world(), "AUTH002") == []


def test_auth002_letter_signed_by_another_departments_head_is_not_from_the_head() -> None:
    """Seed 六.2: "各部门主要领导" — each department's own head; D2's head cannot delegate D1's
    power."""
    world = amend(tiny_world(), "letters", "D1.letter", grantor_id="D2.head")
    assert _found(world, "AUTH002") == ["AUTH002 letter D1.letter"]


def test_auth002_letter_signed_by_the_new_head_after_a_change_is_valid() -> None:
    """Seed 六.2: after a change of head, the new head renews the letter."""
    world = amend(_new_head(tiny_world()), "letters", "D1.letter", grantor_id="D1.head2")
    assert _found(world, "AUTH002") == []


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="seed 六.2: a letter signed by the head in office when it was signed stays valid "
    "after a change of head unless revoked; AUTH002 compares the grantor with today's head "
    "(the model records only the current head of a department)",
)
def test_auth002_letter_from_the_head_then_in_office_stays_valid_after_a_new_head() -> None:
    """Seed 六.2: "各部门主要领导要与审批办主任签订授权委托书" — D1.head was the head when he
    signed on 2008-11-25; D1.head2 succeeded him and did not revoke the letter."""
    assert _found(_new_head(tiny_world()), "AUTH002") == []


# ============================================================== AUTH003
def test_auth003_letter_to_the_window_clerk_is_not_to_the_director() -> None:
    """Seed 六.2: the letter is signed "与审批办主任"."""
    world = amend(tiny_world(), "letters", "D1.letter", grantee_id="D1.clerk")
    assert _found(world, "AUTH003") == ["AUTH003 letter D1.letter"]


def test_auth003_letter_to_the_office_director_is_valid() -> None:
    """Seed 六.2: D1.letter authorises D1.director, the office's director."""
    assert _found(tiny_world(), "AUTH003") == []


def test_auth003_letter_to_a_deputy_head_who_directs_the_office_is_valid() -> None:
    """Seed 六.3: "审批业务少的部门也可以由一名副职领导兼任审批办主任" — the deputy head who
    directs the office is its director."""
    world = amend(tiny_world(), "offices", "D1.office", director_id="D1.deputy")
    world = amend(world, "letters", "D1.letter", grantee_id="D1.deputy")
    assert _found(world, "AUTH003") == []


def test_auth003_letter_to_a_deputy_head_who_does_not_direct_the_office_is_not_valid() -> None:
    """Seed 六.2 and 六.3: only a deputy who directs the office (兼任审批办主任) may hold the
    letter; here the office has its own director."""
    world = amend(tiny_world(), "letters", "D1.letter", grantee_id="D1.deputy")
    assert _found(world, "AUTH003") == ["AUTH003 letter D1.letter"]


def test_auth003_letter_to_a_former_director_still_in_force_on_the_audit_day_is_found() -> None:
    """Seed 六.2: a letter to the former director, valid through the audit day, still
    authorises someone who no longer directs the office."""
    old = _letter("D1.letter0", "D1.former", valid_to=AS_OF)
    world = attrs.evolve(tiny_world(), letters=[*tiny_world().letters, old])
    assert _found(world, "AUTH003") == ["AUTH003 letter D1.letter0"]


def test_auth003_letter_to_a_former_director_ended_the_day_before_the_audit_is_past() -> None:
    """Seed 六.2: a letter that ended the day before the audit went to the director of its
    day and authorises no one now."""
    old = _letter("D1.letter0", "D1.former", valid_to=AS_OF - DAY)
    world = attrs.evolve(tiny_world(), letters=[*tiny_world().letters, old])
    assert _found(world, "AUTH003") == []


def test_auth003_letter_to_a_former_director_revoked_on_the_audit_day_is_past() -> None:
    """Seed 六.2: the head revoked the former director's letter on the audit day; from that
    day it authorises no one."""
    old = _letter("D1.letter0", "D1.former", revoked_on=AS_OF)
    world = attrs.evolve(tiny_world(), letters=[*tiny_world().letters, old])
    assert _found(world, "AUTH003") == []


def test_auth003_letter_to_a_former_director_revoked_the_day_after_the_audit_is_found() -> None:
    """Seed 六.2: revoked only the day after the audit, the letter still stood that day."""
    old = _letter("D1.letter0", "D1.former", revoked_on=AS_OF + DAY)
    world = attrs.evolve(tiny_world(), letters=[*tiny_world().letters, old])
    assert _found(world, "AUTH003") == ["AUTH003 letter D1.letter0"]


# ============================================================== AUTH004
def test_auth004_decision_under_a_letter_expired_the_day_before_is_found() -> None:
    """Seed 六.2: the letter's authority ends with its validity; valid through 2025-03-11,
    it no longer stood on 03-12."""
    world = _world(decided(DECIDED), valid_to=DECIDED - DAY)
    assert _found(world, "AUTH004") == ["AUTH004 application A1 event 2"]


def test_auth004_decision_under_a_letter_expiring_that_day_is_not_found() -> None:
    """Seed 六.2: valid through 2025-03-12, the letter covers a decision made that day."""
    assert _found(_world(decided(DECIDED), valid_to=DECIDED), "AUTH004") == []


def test_auth004_decision_under_a_letter_revoked_that_day_is_found() -> None:
    """Seed 六.2: revoked on 2025-03-12, the letter no longer authorises a decision that day
    (like a seal abolished that day)."""
    world = _world(decided(DECIDED), revoked_on=DECIDED)
    report = check(world, as_of=AS_OF, select=["AUTH004"])
    assert [(f"{f.code} {f.subject}", f.fact_map["state"]) for f in report] == [
        ("AUTH004 application A1 event 2", "been revoked")
    ]


def test_auth004_decision_under_a_letter_revoked_the_day_after_is_not_found() -> None:
    """Seed 六.2: revoked on 2025-03-13, the letter still stood on 03-12."""
    assert _found(_world(decided(DECIDED), revoked_on=DECIDED + DAY), "AUTH004") == []


def test_auth004_decision_under_the_renewed_letter_is_not_found() -> None:
    """Seed 六.2: the head renewed the letter before the old one expired; the decision
    cites the new letter, in force."""
    renewed = _letter(
        "D1.letter2", "D1.director", signed_on=dt.date(2024, 12, 20), valid_from=dt.date(2025, 1, 1)
    )
    world = _world(decided(DECIDED, letter_id="D1.letter2"), valid_to=dt.date(2024, 12, 31))
    world = attrs.evolve(world, letters=[*world.letters, renewed])
    assert _found(world, "AUTH004") == []


def test_auth004_decision_under_an_expired_letter_is_found_once_as_lapsed() -> None:
    """Seed 六.2; 行政许可法 art. 74 (1): a decision under an expired letter is one wrong,
    reported as a lapsed letter and not again as a decision with no letter."""
    world = _world(decided(DECIDED), valid_to=DECIDED - DAY)
    assert _found(world, "AUTH001", "AUTH004") == ["AUTH004 application A1 event 2"]


def test_auth004_letter_not_yet_in_force_has_not_lapsed() -> None:
    """Seed 六.2: a letter in force only from 2025-03-13 never stood on 03-12: the decision
    had no letter (AUTH001), not a lapsed one."""
    world = _world(decided(DECIDED), valid_from=DECIDED + DAY)
    assert _found(world, "AUTH001", "AUTH004") == ["AUTH001 application A1 event 2"]
