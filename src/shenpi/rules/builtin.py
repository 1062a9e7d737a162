"""shenpi's built-in rules, in code order (the registry ``RuleSet.default()`` starts from)."""

from __future__ import annotations

from shenpi.rules import authority, deadlines, hall, other
from shenpi.rules.engine import _NO_DATA, Rule

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (*hall.RULES, *authority.RULES, *deadlines.RULES, *other.RULES, _NO_DATA),
        key=lambda r: (r.family, r.code),
    )
)
