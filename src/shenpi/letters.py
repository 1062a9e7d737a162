"""Authorization letters (授权委托书): the department head authorises the approval office.

Seed 六.2: after the office is formed, each department's principal leader signs an
authorization letter with the office director, so that the office exercises the
department's approval power in full (审批办全权行使本部门的审批权).
"""

from __future__ import annotations

import datetime as _dt

import attrs

from shenpi import _fields as f
from shenpi.errors import InvalidValue

__all__ = ["AuthorizationLetter"]


@attrs.frozen
class AuthorizationLetter:
    """A letter by which ``grantor_id`` (the department head) authorises ``grantee_id``
    (the office director) to exercise the department's approval powers.

    ``item_ids`` empty means every item of the department (全权); otherwise the letter
    covers the listed items only. The letter is valid from ``valid_from`` through
    ``valid_to`` (``None``: no end) unless revoked.
    """

    id: str = attrs.field(validator=f.ident)
    department_id: str = attrs.field(validator=f.ident)
    grantor_id: str = attrs.field(validator=f.ident)
    grantee_id: str = attrs.field(validator=f.ident)
    signed_on: _dt.date = attrs.field(validator=f.day)
    valid_from: _dt.date = attrs.field(validator=f.day)
    valid_to: _dt.date | None = attrs.field(default=None, validator=f.optional_day)
    item_ids: tuple[str, ...] = attrs.field(
        default=(), converter=f.as_tuple, validator=f.each(f.ident)
    )
    revoked_on: _dt.date | None = attrs.field(default=None, validator=f.optional_day)

    def __attrs_post_init__(self) -> None:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise InvalidValue(
                "valid_to",
                self.valid_to,
                f"is before valid_from={self.valid_from}.",
                f"早于生效日期 {self.valid_from}。",
            )
        if self.revoked_on is not None and self.revoked_on < self.signed_on:
            raise InvalidValue(
                "revoked_on",
                self.revoked_on,
                f"is before signed_on={self.signed_on}.",
                "早于签署日期。",
            )

    @property
    def full_scope(self) -> bool:
        """Whether the letter covers every item of the department."""
        return not self.item_ids

    def in_force(self, on: _dt.date) -> bool:
        """Whether the letter is valid on ``on``: signed, begun, not ended, not revoked."""
        if on < self.valid_from or on < self.signed_on:
            return False
        if self.valid_to is not None and on > self.valid_to:
            return False
        return self.revoked_on is None or on < self.revoked_on

    def covers(self, item_id: str, on: _dt.date) -> bool:
        """Whether the letter authorises deciding ``item_id`` on ``on``."""
        return self.in_force(on) and (self.full_scope or item_id in self.item_ids)
