"""Cases (办件): the applicant, the items, and an ordered, append-only history of events.

Seed 二: one window accepts (一门受理), departments approve in parallel (并联审批), fees are
collected in one place (统一收费), every case finishes in time (限时办结). A case is its
history: its state is derived from the events, and its clocks and due days by
``shenpi.timeline``, never stored beside them. The history may show what the reform
forbids (a decision with no acceptance, a decision outside the hall): the model holds
it, the rules report it. Only what cannot happen at all is refused: an event dated
before the submission, a case that does not begin with its submission.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue
from shenpi.fees import Payment
from shenpi.timing.clock import Suspension
from shenpi.timing.limits import TimeLimit

__all__ = [
    "Accepted",
    "Applicant",
    "ApplicantType",
    "Application",
    "Channel",
    "Decided",
    "Delivered",
    "Event",
    "Extended",
    "FeePaid",
    "IdentifierKind",
    "NotAccepted",
    "OpinionGiven",
    "Outcome",
    "Resumed",
    "Submitted",
    "SupplementRequested",
    "Supplemented",
    "Suspended",
    "Withdrawn",
]


class ApplicantType(enum.Enum):
    """申请人类型"""

    PERSON = "person"
    """自然人"""
    LEGAL_PERSON = "legal_person"
    """法人"""
    OTHER_ORGANIZATION = "other_organization"
    """其他组织"""


class IdentifierKind(enum.Enum):
    """The kind of the applicant's identifier (证件类型)."""

    USCC = "uscc"
    """统一社会信用代码 (GB 32100-2015), checked with python-stdnum."""
    RESIDENT_ID = "resident_id"
    """居民身份证号码 (GB 11643), checked with python-stdnum."""
    PASSPORT = "passport"
    OTHER = "other"


@attrs.frozen
class Applicant:
    """Who applies. ``identifier_valid`` checks the identifier's check digit where one
    exists; an invalid one is kept (the rules report it), not refused."""

    type: ApplicantType = attrs.field(validator=f.member(ApplicantType))
    name: str = attrs.field(validator=f.required_text)
    identifier: str = attrs.field(validator=f.text)
    identifier_kind: IdentifierKind = attrs.field(validator=f.member(IdentifierKind))

    @property
    def identifier_valid(self) -> bool | None:
        """``True``/``False`` for a USCC or resident id; ``None`` where no check exists."""
        if self.identifier_kind is IdentifierKind.USCC:
            from stdnum.cn import uscc

            return bool(uscc.is_valid(self.identifier))
        if self.identifier_kind is IdentifierKind.RESIDENT_ID:
            from stdnum.cn import ric

            return bool(ric.is_valid(self.identifier))
        return None


class Channel(enum.Enum):
    """How an application came in (行政许可法 art. 29 ¶3 allows remote channels)."""

    WINDOW = "window"
    """窗口"""
    ONLINE = "online"
    """网上申请"""
    MAIL = "mail"
    """信函"""
    SELF_SERVICE = "self_service"
    """自助终端"""


class Outcome(enum.Enum):
    """A decision's outcome."""

    APPROVED = "approved"
    """准予许可"""
    DENIED = "denied"
    """不予许可 (with reasons and the right to review or sue, art. 38)"""


@attrs.frozen
class Submitted:
    """收件: the materials were received (the first event of every case)."""

    on: _dt.date = attrs.field(validator=f.day)
    site_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    window_id: str | None = attrs.field(default=None, validator=f.optional_ident)


@attrs.frozen
class SupplementRequested:
    """补正告知: the applicant is told, in one notice, everything missing (art. 32 (4))."""

    on: _dt.date = attrs.field(validator=f.day)
    missing: tuple[str, ...] = attrs.field(converter=f.as_tuple, validator=f.each(f.required_text))
    official_id: str | None = attrs.field(default=None, validator=f.optional_ident)

    def __attrs_post_init__(self) -> None:
        if not self.missing:
            raise InvalidValue(
                "missing", self.missing, "list every missing material.", "须列明全部需补正材料。"
            )


@attrs.frozen
class Supplemented:
    """The applicant brought the missing materials."""

    on: _dt.date = attrs.field(validator=f.day)


@attrs.frozen
class Accepted:
    """受理: accepted at a window of the hall (the decision period starts, art. 42)."""

    on: _dt.date = attrs.field(validator=f.day)
    official_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    site_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    window_id: str | None = attrs.field(default=None, validator=f.optional_ident)


@attrs.frozen
class NotAccepted:
    """不予受理: refused at intake, with the reason and, where the matter belongs to
    another agency, the referral (art. 32 (1)-(2))."""

    on: _dt.date = attrs.field(validator=f.day)
    reason: str = attrs.field(validator=f.required_text)
    referral: str = attrs.field(default="", validator=f.text)
    official_id: str | None = attrs.field(default=None, validator=f.optional_ident)


@attrs.frozen
class Suspended:
    """The clock stops for a procedure of art. 45 (``reason=None``: no reason recorded).

    ``basis`` is the legal basis only (the law and article that exclude the procedure's
    time; required for ``Suspension.OTHER``); ``note`` is free text (what is being
    tested, the expert panel …) and never founds a suspension.
    """

    on: _dt.date = attrs.field(validator=f.day)
    reason: Suspension | None = attrs.field(validator=f.optional_member(Suspension))
    basis: str = attrs.field(default="", validator=f.text)
    note: str = attrs.field(default="", validator=f.text)


@attrs.frozen
class Resumed:
    """The clock runs again."""

    on: _dt.date = attrs.field(validator=f.day)


@attrs.frozen
class Extended:
    """延期: the period is extended (art. 42), approved by ``approved_by``."""

    on: _dt.date = attrs.field(validator=f.day)
    by: TimeLimit = attrs.field(validator=f.instance_of(TimeLimit))
    approved_by: str | None = attrs.field(default=None, validator=f.optional_ident)
    reason: str = attrs.field(default="", validator=f.text)


@attrs.frozen
class OpinionGiven:
    """A co-department's opinion in a parallel case (并联审批)."""

    on: _dt.date = attrs.field(validator=f.day)
    department_id: str = attrs.field(validator=f.ident)
    outcome: Outcome = attrs.field(validator=f.member(Outcome))
    official_id: str | None = attrs.field(default=None, validator=f.optional_ident)


@attrs.frozen
class Decided:
    """决定: approved or denied; by whom, where, under which letter, with which seal."""

    on: _dt.date = attrs.field(validator=f.day)
    outcome: Outcome = attrs.field(validator=f.member(Outcome))
    department_id: str = attrs.field(validator=f.ident)
    official_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    site_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    unit_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    """The office or section that decided (a section deciding is 前店后厂)."""
    letter_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    seal_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    reasons: str = attrs.field(default="", validator=f.text)


@attrs.frozen
class FeePaid:
    """A fee was paid (统一收费)."""

    on: _dt.date = attrs.field(validator=f.day)
    payment: Payment = attrs.field(validator=f.instance_of(Payment))


@attrs.frozen
class Delivered:
    """送达: the licence was issued and delivered (art. 44)."""

    on: _dt.date = attrs.field(validator=f.day)
    method: str = attrs.field(default="", validator=f.text)


@attrs.frozen
class Withdrawn:
    """撤回: the applicant withdrew."""

    on: _dt.date = attrs.field(validator=f.day)
    reason: str = attrs.field(default="", validator=f.text)


Event = (
    Submitted
    | SupplementRequested
    | Supplemented
    | Accepted
    | NotAccepted
    | Suspended
    | Resumed
    | Extended
    | OpinionGiven
    | Decided
    | FeePaid
    | Delivered
    | Withdrawn
)
EVENT_TYPES: tuple[type, ...] = (
    Submitted,
    SupplementRequested,
    Supplemented,
    Accepted,
    NotAccepted,
    Suspended,
    Resumed,
    Extended,
    OpinionGiven,
    Decided,
    FeePaid,
    Delivered,
    Withdrawn,
)


def _events(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    f.each(f.instance_of(EVENT_TYPES))(instance, attribute, value)
    if not value or not isinstance(value[0], Submitted):
        raise InvalidValue(
            "events[0]",
            value[0] if value else None,
            "a case begins with its submission (Submitted).",
            "办件历史须以收件开始。",
        )
    submitted = value[0].on
    for i, event in enumerate(value[1:], start=1):
        if event.on < submitted:
            raise InvalidValue(
                f"events[{i}].on",
                event.on,
                f"is before the submission on {submitted}.",
                f"早于收件日期 {submitted}。",
            )


@attrs.frozen
class Application:
    """One case (办件) and its history.

    ``item_ids`` are the items applied for (several in a parallel case, under
    ``lead_department_id``). ``events`` is append-only: use :meth:`append`.
    """

    id: str = attrs.field(validator=f.ident)
    applicant: Applicant = attrs.field(validator=f.instance_of(Applicant))
    item_ids: tuple[str, ...] = attrs.field(converter=f.as_tuple, validator=f.each(f.ident))
    channel: Channel = attrs.field(validator=f.member(Channel))
    events: tuple[Event, ...] = attrs.field(converter=f.as_tuple, validator=_events)
    site_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    lead_department_id: str | None = attrs.field(default=None, validator=f.optional_ident)

    def __attrs_post_init__(self) -> None:
        if not self.item_ids:
            raise InvalidValue(
                "item_ids", self.item_ids, "name at least one item.", "至少一个事项。"
            )

    def append(self, event: Event) -> Application:
        """The same case with ``event`` appended (validated like every event)."""
        return attrs.evolve(self, events=(*self.events, event))

    @property
    def submitted_on(self) -> _dt.date:
        """The day the materials were received."""
        return self.events[0].on

    def first(self, kind: type) -> Any:
        """The first event of type ``kind`` (e.g. ``Accepted``), or ``None``."""
        return next((e for e in self.events if isinstance(e, kind)), None)

    def last(self, kind: type) -> Any:
        """The last event of type ``kind``, or ``None``."""
        return next((e for e in reversed(self.events) if isinstance(e, kind)), None)

    @property
    def accepted_on(self) -> _dt.date | None:
        """The day of acceptance (受理), if any."""
        event = self.first(Accepted)
        return None if event is None else event.on

    @property
    def decision(self) -> Decided | None:
        """The (last) decision, if any."""
        decided: Decided | None = self.last(Decided)
        return decided

    @property
    def state(self) -> str:
        """The case's state, derived from its history: ``submitted``, ``awaiting_supplement``,
        ``accepted``, ``suspended``, ``not_accepted``, ``decided``, ``delivered``,
        ``withdrawn``."""
        state = "submitted"
        for event in self.events:
            if isinstance(event, SupplementRequested):
                state = "awaiting_supplement"
            elif isinstance(event, Supplemented):
                state = "submitted"
            elif isinstance(event, (Accepted, Resumed)):
                state = "accepted"
            elif isinstance(event, Suspended):
                state = "suspended"
            elif isinstance(event, NotAccepted):
                state = "not_accepted"
            elif isinstance(event, Decided):
                state = "decided"
            elif isinstance(event, Delivered):
                state = "delivered"
            elif isinstance(event, Withdrawn):
                state = "withdrawn"
        return state
