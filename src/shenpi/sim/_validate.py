"""Validators for scenario data: each refuses a value with a ``ShenpiError`` naming the
field (down to the mapping key: ``staffing['zjj'].reviewers``) and the value."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from shenpi.errors import InvalidType, InvalidValue

Check = Callable[[str, Any], None]


def number(name: str, value: Any) -> None:
    """A finite real number (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidType(name, value, "expected a number.", "应为数值。")
    if not math.isfinite(value):
        raise InvalidValue(name, value, "must be finite.", "必须为有限数。")


def positive(name: str, value: Any) -> None:
    """A finite number > 0."""
    number(name, value)
    if value <= 0:
        raise InvalidValue(name, value, "must be greater than 0.", "必须大于 0。")


def non_negative(name: str, value: Any) -> None:
    """A finite number >= 0."""
    number(name, value)
    if value < 0:
        raise InvalidValue(name, value, "must not be negative.", "不能为负数。")


def share(name: str, value: Any) -> None:
    """A share in [0, 1]."""
    number(name, value)
    if not 0 <= value <= 1:
        raise InvalidValue(
            name, value, "must be a share between 0 and 1.", "应为 0 到 1 之间的比例。"
        )


def whole(name: str, value: Any, minimum: int = 0) -> None:
    """A whole number >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(name, value, "expected a whole number.", "应为整数。")
    if value < minimum:
        raise InvalidValue(name, value, f"must be at least {minimum}.", f"不能小于 {minimum}。")


def day(name: str, value: Any) -> None:
    """A ``datetime.date`` (not a datetime)."""
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidType(name, value, "expected a datetime.date.", "应为日期。")


def field(check: Check) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator running ``check`` under the attribute's name."""

    def run(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        check(attribute.name, value)

    return run


def frozen_mapping(value: Any) -> Any:
    """A read-only copy of a mapping; anything else is left for the validator to refuse."""
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def mapping_of(check: Check, key: Check | None = None) -> Callable[[Any, Any, Any], None]:
    """An attrs validator for a mapping whose values pass ``check`` (and keys ``key``),
    naming the key at fault: ``rates['scj-001']``."""

    def run(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, Mapping):
            raise InvalidType(attribute.name, value, "expected a mapping.", "应为映射。")
        for k, v in value.items():
            if not isinstance(k, str) or not k:
                raise InvalidType(f"{attribute.name} key", k, "expected an id.", "应为编号。")
            if key is not None:
                key(f"{attribute.name}[{k!r}]", k)
            check(f"{attribute.name}[{k!r}]", v)

    return run


def instance(kind: type | tuple[type, ...]) -> Check:
    """An instance of ``kind``."""

    def run(name: str, value: Any) -> None:
        if not isinstance(value, kind):
            what = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise InvalidType(name, value, f"expected {what}.", f"应为 {what}。")

    return run


def optional(check: Check) -> Check:
    """``None`` or a value that passes ``check``."""

    def run(name: str, value: Any) -> None:
        if value is not None:
            check(name, value)

    return run
