"""shenpi's built-in rules, in code order (the registry ``RuleSet.default()`` starts from).

One module per family, named after it: :mod:`~shenpi.rules.hall`,
:mod:`~shenpi.rules.auth`, :mod:`~shenpi.rules.seal`, :mod:`~shenpi.rules.time`,
:mod:`~shenpi.rules.fee`, :mod:`~shenpi.rules.cat`, :mod:`~shenpi.rules.reform`,
:mod:`~shenpi.rules.sup`. Each holds its rules with their quotations and examples
(``notes``), its ``RULES`` and its ``FAMILY``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from shenpi.rules import auth, cat, fee, hall, reform, seal, sup, time
from shenpi.rules.engine import Rule

_MODULES = (hall, auth, seal, time, fee, cat, reform, sup)

FAMILIES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {m.__name__.rsplit(".", 1)[1].upper(): m.FAMILY for m in _MODULES}
)
"""Per family, in the order of the pages: its name in Chinese and what its rules watch."""

RULES: tuple[Rule, ...] = tuple(
    sorted((r for m in _MODULES for r in m.RULES), key=lambda r: (r.family, r.code))
)
