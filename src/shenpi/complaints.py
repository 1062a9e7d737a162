"""Complaints (投诉) received by the supervision system (网上投诉, 12345 hotline ...).

Seed 三(五): the network of online consultation, acceptance, approval, supervision and
complaints (网上投诉); 三(九): supervision of how approval power is used.
"""

from __future__ import annotations

import datetime as _dt
import enum

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue

__all__ = ["Complaint", "ComplaintChannel"]


class ComplaintChannel(enum.Enum):
    """How a complaint came in."""

    HOTLINE = "hotline"
    """12345 热线"""
    ONLINE = "online"
    """网上投诉"""
    WINDOW = "window"
    """现场 (at the hall)"""
    LETTER = "letter"
    """来信"""
    RATING = "rating"
    """差评 (a bad rating of a service)"""


@attrs.frozen
class Complaint:
    """A complaint about a department or a case, and when it was handled."""

    id: str = attrs.field(validator=f.ident)
    channel: ComplaintChannel = attrs.field(validator=f.member(ComplaintChannel))
    received_on: _dt.date = attrs.field(validator=f.day)
    department_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    application_id: str | None = attrs.field(default=None, validator=f.optional_ident)
    summary: str = attrs.field(default="", validator=f.text)
    handled_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    outcome: str = attrs.field(default="", validator=f.text)

    def __attrs_post_init__(self) -> None:
        if self.handled_on is not None and self.handled_on < self.received_on:
            raise InvalidValue(
                "handled_on",
                self.handled_on,
                f"is before received_on={self.received_on}.",
                "处理日期早于受理日期。",
            )
