"""The one converter: strict structure hooks for the model's value types, the tagged union
of events, and the translation of cattrs' detailed validation errors into
:class:`~shenpi.errors.FormatError` with a JSON path."""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from shenpi.applications import (
    Accepted,
    Decided,
    Delivered,
    Event,
    Extended,
    FeePaid,
    NotAccepted,
    OpinionGiven,
    Resumed,
    Submitted,
    Supplemented,
    SupplementRequested,
    Suspended,
    Withdrawn,
)
from shenpi.errors import FormatError, ShenpiError
from shenpi.timing.limits import TimeLimit

Hook = Callable[[Any, Any], Any]

EVENT_TAGS: Mapping[type, str] = MappingProxyType(
    {
        Submitted: "submitted",
        SupplementRequested: "supplement_requested",
        Supplemented: "supplemented",
        Accepted: "accepted",
        NotAccepted: "not_accepted",
        Suspended: "suspended",
        Resumed: "resumed",
        Extended: "extended",
        OpinionGiven: "opinion_given",
        Decided: "decided",
        FeePaid: "fee_paid",
        Delivered: "delivered",
        Withdrawn: "withdrawn",
    }
)
"""The ``"type"`` tag of each event class in serialized data (class -> tag). The tags are
part of the format: they never change within a schema version."""

EVENT_CLASSES: Mapping[str, type] = MappingProxyType({tag: cls for cls, tag in EVENT_TAGS.items()})
"""The event class of each tag (tag -> class), the inverse of :data:`EVENT_TAGS`."""

TAG_KEY = "type"

SCHEMA_VERSION: Final[int] = 1
"""The version of the formats this shenpi writes and the only one it reads."""

REFERENCE_KIND: Final = "shenpi.reference"
"""The ``kind`` of a reference data document."""

APPLICATIONS_KIND: Final = "shenpi.applications"
"""The ``kind`` in the header line of a JSON Lines file of cases."""

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$"
FRACTION_PATTERN = "^-?[0-9]+(/[0-9]+)?$"
TIME_PATTERN = "^[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"

_DATE = re.compile(DATE_PATTERN)
_DECIMAL = re.compile(DECIMAL_PATTERN)
_FRACTION = re.compile(FRACTION_PATTERN)
_TIME = re.compile(TIME_PATTERN)

_JSON_KIND = {
    type(None): ("null", "null"),
    bool: ("a JSON boolean", "JSON 布尔值"),
    int: ("a JSON number", "JSON 数字"),
    float: ("a JSON number", "JSON 数字"),
    str: ("a JSON string", "JSON 字符串"),
    list: ("a JSON array", "JSON 数组"),
    dict: ("a JSON object", "JSON 对象"),
}


def _kind(value: Any) -> tuple[str, str]:
    name = type(value).__name__
    return _JSON_KIND.get(type(value), (f"a Python {name}", f"Python {name}"))


def _wrong_type(value: Any, en: str, zh: str, hint: str | None = None) -> FormatError:
    kind_en, kind_zh = _kind(value)
    return FormatError(
        "",
        value,
        f"expected {en}, got {kind_en}.",
        f"应为{zh}，实际为 {kind_zh}。",
        hint,
    )


# ------------------------------------------------------------------ scalar hooks
def _structure_str(value: Any, _: Any) -> str:
    if value.__class__ is str:
        return value
    number = value.__class__ in (int, float)
    hint = f'write "{value}" if it is meant as text.' if number else None
    raise _wrong_type(value, "text (a JSON string)", "文本（JSON 字符串）", hint)


def _structure_int(value: Any, _: Any) -> int:
    if value.__class__ is int:
        return value
    hint = None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        hint = f"write {value.strip()} without quotes."
    raise _wrong_type(value, "a whole number (a JSON integer)", "整数（JSON 整数）", hint)


def _structure_float(value: Any, _: Any) -> float:
    if value.__class__ is float or value.__class__ is int:
        return float(value)
    raise _wrong_type(value, "a number (a JSON number)", "数字（JSON 数字）")


def _structure_bool(value: Any, _: Any) -> bool:
    if value.__class__ is bool:
        return value
    raise _wrong_type(value, "true or false", " true 或 false", "write true or false, unquoted.")


def _structure_date(value: Any, _: Any) -> _dt.date:
    if value.__class__ is not str:
        raise _wrong_type(
            value, 'a date as text "YYYY-MM-DD"', "日期文本 YYYY-MM-DD", 'e.g. "2025-03-03".'
        )
    if _DATE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise FormatError(
        "",
        value,
        "is not a date in the form YYYY-MM-DD.",
        "不是 YYYY-MM-DD 格式的有效日期。",
        'e.g. "2025-03-03".',
    )


def _as_text(number: int | float) -> str:
    return format(decimal.Decimal(repr(number)), "f")


def _structure_decimal(value: Any, _: Any) -> decimal.Decimal:
    if value.__class__ is str:
        if _DECIMAL.fullmatch(value):
            return decimal.Decimal(value)
        raise FormatError(
            "",
            value,
            "is not a decimal number such as 12.50.",
            "不是 12.50 这样的十进制数。",
            "digits with an optional decimal point, no spaces, exponents or currency signs.",
        )
    if value.__class__ in (int, float):
        raise FormatError(
            "",
            value,
            "money and other decimal amounts are written as JSON strings, never as JSON "
            "numbers (a number may pass through float rounding).",
            "金额等十进制数必须写成 JSON 字符串，不能写成 JSON 数字（避免浮点误差）。",
            f'quote it: "{_as_text(value)}".',
        )
    raise _wrong_type(value, 'a decimal as text ("12.50")', '十进制数文本（"12.50"）')


def _structure_fraction(value: Any, _: Any) -> Fraction:
    if value.__class__ is str and _FRACTION.fullmatch(value):
        try:
            return Fraction(value)
        except ZeroDivisionError:
            pass
    raise FormatError(
        "", value, 'expected a fraction as text, e.g. "4/5".', '应为分数文本，例如 "4/5"。'
    )


def _structure_time(value: Any, _: Any) -> _dt.time:
    if value.__class__ is str and _TIME.fullmatch(value):
        try:
            return _dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise FormatError(
        "", value, 'expected a time of day as text "HH:MM".', '应为 "HH:MM" 格式的时刻。'
    )


def _unstructure_decimal(value: decimal.Decimal) -> str:
    return format(value, "f")


def _unstructure_time(value: _dt.time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _enum_structure(cls: type[enum.Enum]) -> Hook:
    by_value = {(type(m.value), m.value): m for m in cls}
    names = ", ".join(repr(m.value) for m in cls)

    def structure(value: Any, _: Any) -> enum.Enum:
        try:
            return by_value[(value.__class__, value)]
        except (KeyError, TypeError):
            raise FormatError(
                "",
                value,
                f"is not a {cls.__name__}; expected one of {names}.",
                f"不是有效的 {cls.__name__}，应为以下之一：{names}。",
            ) from None

    return structure


def _enum_unstructure(cls: type[enum.Enum]) -> Callable[[Any], Any]:
    def unstructure(value: enum.Enum) -> Any:
        return value.value

    return unstructure


def _is_optional(cls: Any) -> bool:
    args = typing.get_args(cls)
    return (
        typing.get_origin(cls) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _optional_structure(cls: Any, conv: cattrs.Converter) -> Hook:
    kind = next(arg for arg in typing.get_args(cls) if arg is not type(None))
    if kind is str:

        def structure_text(value: Any, _: Any) -> str | None:
            if value is None or value.__class__ is str:
                return value
            return _structure_str(value, str)

        return structure_text
    hook = conv.get_structure_hook(kind)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else hook(value, kind)

    return structure


# ---------------------------------------------------------------- tuple hooks
def _is_sequence(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_fixed_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple and not _is_sequence(cls)


def _is_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple


def _not_a_list(value: Any) -> FormatError:
    return _wrong_type(value, "a list (a JSON array)", "列表（JSON 数组）")


def _structure_elements(
    value: list[Any], hooks: list[tuple[Hook, Any]], cls: Any
) -> tuple[Any, ...]:
    out = []
    errors: list[Exception] = []
    for index, (element, (hook, kind)) in enumerate(zip(value, hooks, strict=True)):
        try:
            out.append(hook(element, kind))
        except Exception as exc:
            note = IterableValidationNote(f"Structuring {cls} @ index {index}", index, kind)
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {cls}", errors, cls)
    return tuple(out)


def _sequence_structure(cls: Any, conv: cattrs.Converter) -> Hook:
    kind = typing.get_args(cls)[0]
    hook = conv.get_structure_hook(kind)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise _not_a_list(value)
        try:
            return tuple([hook(element, kind) for element in value])
        except Exception:
            return _structure_elements(value, [(hook, kind)] * len(value), cls)

    return structure


def _fixed_tuple_structure(cls: Any, conv: cattrs.Converter) -> Hook:
    kinds = typing.get_args(cls)
    hooks = [(conv.get_structure_hook(kind), kind) for kind in kinds]

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise _not_a_list(value)
        if len(value) != len(kinds):
            raise FormatError(
                "",
                value,
                f"expected a list of exactly {len(kinds)} elements.",
                f"应为恰好 {len(kinds)} 个元素的列表。",
            )
        return _structure_elements(value, hooks, cls)

    return structure


def _tuple_unstructure(cls: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    args = typing.get_args(cls)
    kinds = args[:1] if _is_sequence(cls) else args
    if all(kind in (str, int, bool) for kind in kinds):
        return list
    if _is_sequence(cls):
        hook = conv.get_unstructure_hook(kinds[0])
        return lambda value: [hook(element) for element in value]
    hooks = [conv.get_unstructure_hook(kind) for kind in kinds]
    return lambda value: [h(element) for h, element in zip(hooks, value, strict=True)]


# ---------------------------------------------------------------- class hooks
def _not_an_object(cls: type, value: Any) -> FormatError:
    return _wrong_type(value, f"a JSON object ({cls.__name__})", f" JSON 对象（{cls.__name__}）")


def _positive_limit(limit: TimeLimit) -> TimeLimit:
    if limit.amount <= 0:
        raise FormatError(
            "amount",
            limit.amount,
            "a time limit must be positive.",
            "时限必须为正数。",
            "for hours the amount is in minutes (90 = 1.5 hours).",
        )
    return limit


def unknown_keys(cls: type, keys: Iterable[str], data: Any) -> FormatError:
    """The error for keys of ``data`` that are not fields of ``cls`` (named by the first)."""
    names = sorted(keys, key=str)
    known = [a.name for a in attrs.fields(cls) if a.init]
    if cls in EVENT_TAGS:
        known.insert(0, TAG_KEY)
    listed = ", ".join(map(str, names))
    return FormatError(
        str(names[0]),
        data.get(names[0]) if isinstance(data, dict) else None,
        f"unknown key: {cls.__name__} has no field {listed}.",
        f"未知字段：{cls.__name__} 没有字段 {listed}。",
        f"remove it or correct its spelling; the fields are {', '.join(known)}.",
    )


def _attrs_structure(cls: type, conv: cattrs.Converter) -> Hook:
    tag = EVENT_TAGS.get(cls)
    generated: Callable[..., Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=tag is None
    )
    allowed = frozenset([TAG_KEY, *(a.name for a in attrs.fields(cls) if a.init)])

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _not_an_object(cls, value)
        if tag is not None:
            if value.get(TAG_KEY) != tag:
                raise FormatError(
                    TAG_KEY,
                    value.get(TAG_KEY),
                    f'a {cls.__name__} event has "type": "{tag}".',
                    f'{cls.__name__} 事件的 "type" 应为 "{tag}"。',
                )
            if not allowed.issuperset(value):
                raise unknown_keys(cls, set(value) - allowed, value)
        try:
            return generated(value, cls)
        except ClassValidationError as exc:
            exc.data = value
            raise

    if cls is TimeLimit:
        return lambda value, _: _positive_limit(structure(value, _))
    return structure


def _attrs_unstructure(cls: type, conv: cattrs.Converter) -> Callable[[Any], Any]:
    generated: Callable[[Any], Any] = make_dict_unstructure_fn(cls, conv)
    tag = EVENT_TAGS.get(cls)
    if tag is None:
        return generated
    return lambda value: {TAG_KEY: tag, **generated(value)}


def _event_structure(conv: cattrs.Converter) -> Hook:
    hooks = {tag: (conv.get_structure_hook(cls), cls) for tag, cls in EVENT_CLASSES.items()}
    tags = ", ".join(EVENT_CLASSES)

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _wrong_type(value, "an event (a JSON object)", "事件（JSON 对象）")
        tag = value.get(TAG_KEY)
        found = hooks.get(tag) if tag.__class__ is str else None
        if found is None:
            if TAG_KEY not in value:
                raise FormatError(
                    TAG_KEY,
                    None,
                    "an event names its type.",
                    "事件须注明类型（type）。",
                    f"one of {tags}.",
                )
            raise FormatError(
                TAG_KEY,
                tag,
                "is not an event type.",
                "不是有效的事件类型。",
                f"one of {tags}.",
            )
        hook, cls = found
        return hook(value, cls)

    return structure


def _event_unstructure(conv: cattrs.Converter) -> Callable[[Any], Any]:
    hooks = {cls: conv.get_unstructure_hook(cls) for cls in EVENT_TAGS}

    def unstructure(value: Any) -> Any:
        return hooks[value.__class__](value)

    return unstructure


def _runtime_sequence(conv: cattrs.Converter) -> Callable[[Any], Any]:
    return lambda value: [conv.unstructure(element) for element in value]


def build() -> cattrs.Converter:
    """The converter, configured once."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind, structure in (
        (str, _structure_str),
        (int, _structure_int),
        (float, _structure_float),
        (bool, _structure_bool),
        (_dt.date, _structure_date),
        (decimal.Decimal, _structure_decimal),
        (Fraction, _structure_fraction),
        (_dt.time, _structure_time),
    ):
        conv.register_structure_hook(kind, structure)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    conv.register_unstructure_hook(decimal.Decimal, _unstructure_decimal)
    conv.register_unstructure_hook(Fraction, str)
    conv.register_unstructure_hook(_dt.time, _unstructure_time)
    conv.register_unstructure_hook(tuple, _runtime_sequence(conv))
    conv.register_unstructure_hook(list, _runtime_sequence(conv))
    conv.register_structure_hook_factory(_is_enum, _enum_structure)
    conv.register_unstructure_hook_factory(_is_enum, _enum_unstructure)
    conv.register_structure_hook_factory(_is_optional, _optional_structure)
    conv.register_structure_hook_factory(_is_sequence, _sequence_structure)
    conv.register_structure_hook_factory(_is_fixed_tuple, _fixed_tuple_structure)
    conv.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure)
    conv.register_structure_hook_factory(attrs.has, _attrs_structure)
    conv.register_unstructure_hook_factory(attrs.has, _attrs_unstructure)
    conv.register_structure_hook_func(lambda cls: cls == Event, _event_structure(conv))
    conv.register_unstructure_hook_func(lambda cls: cls == Event, _event_unstructure(conv))
    return conv


# ------------------------------------------------------------- error paths
def join(path: str, field: str) -> str:
    """``path`` extended by ``field`` (``"events[2]"`` + ``"on"`` -> ``"events[2].on"``)."""
    if not field:
        return path
    if not path or field.startswith("["):
        return path + field
    return f"{path}.{field}"


def locate(path: str, line: int | None) -> str:
    """The ``field`` of a :class:`FormatError`: ``line 12: events[2].on``, or the path."""
    if line is None:
        return path or "$"
    return f"line {line}: {path}" if path else f"line {line}"


def _leaves(exc: BaseException, path: str) -> Iterator[tuple[str, BaseException]]:
    if isinstance(exc, ClassValidationError):
        named, unnamed = exc.group_exceptions()
        for sub, attribute in named:
            yield from _leaves(sub, join(path, attribute.name))
        for sub in unnamed:
            if isinstance(sub, ForbiddenExtraKeysError):
                sub = unknown_keys(sub.cl, sub.extra_fields, getattr(exc, "data", None))
            yield from _leaves(sub, path)
    elif isinstance(exc, IterableValidationError):
        indexed, unindexed = exc.group_exceptions()
        for sub, element in indexed:
            yield from _leaves(sub, f"{path}[{element.index}]")
        for sub in unindexed:
            yield from _leaves(sub, path)
    else:
        yield path, exc


Problem = tuple[str, Any, str, str, str | None]


def _describe(path: str, exc: BaseException) -> Problem:
    if isinstance(exc, ShenpiError):
        return join(path, exc.field), exc.value, exc.message_en, exc.message_zh, exc.hint
    if isinstance(exc, KeyError):
        return (
            path,
            None,
            "is missing: the field is required.",
            "缺少必填字段。",
            "add the field (null is written explicitly where allowed).",
        )
    return (
        path,
        None,
        f"could not be read ({type(exc).__name__}: {exc}).",
        f"无法读取（{type(exc).__name__}: {exc}）。",
        None,
    )


def format_error(exc: BaseException, root: str = "", line: int | None = None) -> FormatError:
    """One :class:`FormatError` for everything ``exc`` reports, naming the first problem's
    path in ``field`` and listing the paths of the others in the message."""
    problems = [_describe(path, leaf) for path, leaf in _leaves(exc, root)]
    path, value, message_en, message_zh, hint = problems[0]
    others = [locate(p[0], None) for p in problems[1:]]
    if others:
        shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
        message_en += f" ({len(others)} more problem{'s' if len(others) > 1 else ''}: {shown})"
        message_zh += f"（另有 {len(others)} 处问题：{shown}）"
    return FormatError(locate(path, line), value, message_en, message_zh, hint)


def structure(converter: cattrs.Converter, data: Any, cls: Any, root: str, line: int | None) -> Any:
    """``data`` structured as ``cls``; any failure becomes a :class:`FormatError`."""
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        error = format_error(exc, root, line)
    # Raised outside the handler, with no chained cattrs exception group: the error names
    # every problem itself, and must pickle whole (worker processes, Dask's tblib).
    raise error
