"""Field validators shared by the model: each refuses an impossible value with a
``ShenpiError`` naming the field, so a bad record never becomes a value.

They check only what makes a value impossible (a wrong type, an empty id, a float for
money). What makes a value *wrong for the reform* is left to the rules.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from shenpi.errors import InvalidType, InvalidValue, ShenpiError

E = TypeVar("E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _name(attribute: attrs.Attribute[Any]) -> str:
    return attribute.name


def ident(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-empty identifier without surrounding spaces."""
    if not isinstance(value, str):
        raise InvalidType(_name(attribute), value, "expected an id (text).", "应为编号（文本）。")
    if not value or value != value.strip():
        raise InvalidValue(
            _name(attribute),
            value,
            "an id must be non-empty with no surrounding spaces.",
            "编号不能为空，且首尾不能有空格。",
        )


def optional_ident(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or an identifier."""
    if value is not None:
        ident(instance, attribute, value)


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Any text (may be empty)."""
    if not isinstance(value, str):
        raise InvalidType(_name(attribute), value, "expected text.", "应为文本。")


def required_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Non-blank text."""
    text(instance, attribute, value)
    if not value.strip():
        raise InvalidValue(_name(attribute), value, "must not be blank.", "不能为空。")


def flag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A bool (not 0/1, not "yes")."""
    if not isinstance(value, bool):
        raise InvalidType(
            _name(attribute), value, "expected true or false.", "应为 true 或 false。"
        )


def count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number >= 0."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(_name(attribute), value, "expected a whole number.", "应为整数。")
    if value < 0:
        raise InvalidValue(_name(attribute), value, "must not be negative.", "不能为负数。")


def day(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A ``datetime.date`` (a ``datetime`` is refused: the model records days)."""
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidType(
            _name(attribute),
            value,
            f"expected a date, got {type(value).__name__}.",
            "应为日期。",
            "convert to the day in China Standard Time first (shenpi.calendar.as_cst_date).",
        )


def optional_day(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or a date."""
    if value is not None:
        day(instance, attribute, value)


def money(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An amount in yuan as a finite, non-negative ``Decimal`` (never a float)."""
    if not isinstance(value, decimal.Decimal):
        raise InvalidType(
            _name(attribute),
            value,
            f"money must be a decimal.Decimal in yuan, got {type(value).__name__}.",
            "金额必须为 decimal.Decimal（元），不能是浮点数。",
            "use Decimal('12.50'), never 12.5.",
        )
    if not value.is_finite() or value < 0:
        raise InvalidValue(
            _name(attribute),
            value,
            "money must be finite and not negative.",
            "金额必须为非负有限数。",
        )


def optional_money(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or money."""
    if value is not None:
        money(instance, attribute, value)


def member(kind: type[E]) -> Validator:
    """A member of the enum ``kind``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            raise InvalidType(
                _name(attribute),
                value,
                f"expected a {kind.__name__}.",
                f"应为 {kind.__name__}。",
                f"one of {', '.join(m.name for m in kind)}.",
            )

    return check


def optional_member(kind: type[E]) -> Validator:
    """``None`` or a member of ``kind``."""
    inner = member(kind)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def instance_of(kind: type | tuple[type, ...]) -> Validator:
    """An instance of ``kind`` (a model class)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            name = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise InvalidType(_name(attribute), value, f"expected {name}.", f"应为 {name}。")

    return check


def each(check: Validator) -> Validator:
    """Apply ``check`` to every element, naming the element (``materials[2]``)."""

    def run(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise InvalidType(_name(attribute), value, "expected a sequence.", "应为序列。")
        for i, element in enumerate(value):
            try:
                check(instance, attribute, element)
            except ShenpiError:
                # Checked again to name the element (``field[i]``) only when it fails.
                check(instance, _Indexed(attribute, i), element)  # type: ignore[arg-type]
                raise

    return run


class _Indexed:
    """Stands in for an attribute so element errors name ``field[i]``."""

    def __init__(self, attribute: attrs.Attribute[Any], index: int) -> None:
        self.name = f"{attribute.name}[{index}]"


def as_tuple(value: Any) -> Any:
    """Convert a list (or any non-text iterable) to a tuple; leave anything else to fail."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def unique_ids(field: str, values: Iterable[Any]) -> None:
    """Refuse two elements with the same ``id``."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value.id in seen:
            raise InvalidValue(
                f"{field}[{i}].id", value.id, "is used twice.", "编号重复。", "ids must be unique."
            )
        seen.add(value.id)
