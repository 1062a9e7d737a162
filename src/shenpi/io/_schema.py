"""JSON Schema (draft 2020-12) of the formats, generated from the attrs model.

The walk follows the attrs fields and their types, as the converter does: classes become
objects with ``additionalProperties: false``, fields without a default are required,
optional fields accept ``null``, tuples are arrays, enums list their values, events carry
their ``"type"`` tag. What only the model's validators know (a non-blank name, ids
unique in a list) is left to the loaders.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import inspect
import types
import typing
from collections.abc import Callable
from fractions import Fraction
from typing import Any, Literal

import attrs
import cattrs

from shenpi.applications import Application, Event
from shenpi.errors import InvalidValue
from shenpi.io import _converter as c
from shenpi.jurisdiction import Jurisdiction
from shenpi.timing.limits import TimeLimit

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_URL = "https://shenpi.readthedocs.io/en/latest/schema/"

Schema = dict[str, Any]

_NAMED: dict[Any, tuple[str, Schema]] = {
    _dt.date: (
        "Date",
        {
            "description": 'A day as text "YYYY-MM-DD" (ISO 8601).',
            "type": "string",
            "format": "date",
            "pattern": c.DATE_PATTERN,
        },
    ),
    decimal.Decimal: (
        "Decimal",
        {
            "description": 'A decimal amount (money in yuan) as text, e.g. "12.50"; never a '
            "JSON number.",
            "type": "string",
            "pattern": c.DECIMAL_PATTERN,
        },
    ),
    Fraction: (
        "Fraction",
        {
            "description": 'An exact fraction as text, e.g. "4/5".',
            "type": "string",
            "pattern": c.FRACTION_PATTERN,
        },
    ),
    _dt.time: (
        "Time",
        {
            "description": 'A time of day in China Standard Time as text "HH:MM".',
            "type": "string",
            "pattern": c.TIME_PATTERN,
        },
    ),
}

_PLAIN: dict[Any, Schema] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    Any: {},
}

_EXTRA: dict[tuple[type, str], Schema] = {
    (TimeLimit, "amount"): {
        "minimum": 1,
        "description": "Whole days, or minutes for the unit hours.",
    },
}
"""Constraints the converter adds beyond the types (the model leaves them to factories)."""


def _summary(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n")[0].split())


class _Builder:
    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.defs: dict[str, Schema] = {}
        self._owners: dict[str, Any] = {}

    def _define(self, name: str, owner: Any, make: Callable[[], Schema]) -> Schema:
        known = self._owners.setdefault(name, owner)
        if known is not owner:
            raise TypeError(f"two types share the schema name {name!r}: {known} and {owner}")
        if name not in self.defs:
            self.defs[name] = {}
            self.defs[name] = make()
        return {"$ref": f"#/$defs/{name}"}

    def of(self, kind: Any) -> Schema:
        if kind in _PLAIN:
            return dict(_PLAIN[kind])
        if kind in _NAMED:
            name, schema = _NAMED[kind]
            return self._define(name, kind, lambda: dict(schema))
        if kind == Event:
            return self._define("Event", kind, self._event)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return self._define(kind.__name__, kind, lambda: self._enum(kind))
        if attrs.has(kind):
            return self._define(kind.__name__, kind, lambda: self.object(kind))
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin in (typing.Union, types.UnionType):
            options = [self.of(arg) for arg in args if arg is not type(None)]
            nullable = len(options) < len(args)
            if nullable and len(options) == 1:
                if list(options[0]) == ["type"]:
                    return {"type": [options[0]["type"], "null"]}
                return {"anyOf": [options[0], {"type": "null"}]}
            return {"anyOf": options + ([{"type": "null"}] if nullable else [])}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.of(arg) for arg in args],
                "items": False,
                "minItems": len(args),
            }
        raise TypeError(f"no JSON Schema for {kind!r}")

    def _enum(self, kind: type[enum.Enum]) -> Schema:
        values = [member.value for member in kind]
        schema: Schema = {"title": kind.__name__, "description": _summary(kind)}
        if all(isinstance(v, str) for v in values):
            schema["type"] = "string"
        schema["enum"] = values
        return schema

    def _event(self) -> Schema:
        return {
            "title": "Event",
            "description": 'One event of a case, tagged by "type".',
            "oneOf": [self.of(cls) for cls in c.EVENT_TAGS],
        }

    def object(self, cls: type, exclude: frozenset[str] = frozenset()) -> Schema:
        hints = typing.get_type_hints(cls)
        tag = c.EVENT_TAGS.get(cls)
        properties: dict[str, Schema] = {}
        required: list[str] = []
        if tag is not None:
            properties[c.TAG_KEY] = {"const": tag}
            required.append(c.TAG_KEY)
        for field in attrs.fields(cls):
            if not field.init or field.name in exclude:
                continue
            schema = self.of(hints[field.name])
            schema.update(_EXTRA.get((cls, field.name), {}))
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                schema["default"] = self.converter.unstructure(field.default)
            properties[field.name] = schema
        return {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def generate(kind: Literal["reference", "application"], converter: cattrs.Converter) -> Schema:
    """The schema of ``kind`` (see :func:`shenpi.io.json_schema`)."""
    builder = _Builder(converter)
    if kind == "reference":
        body = builder.object(Jurisdiction, exclude=frozenset({"applications"}))
        body["description"] += " The cases are not part of the reference data."
        builder.defs["Jurisdiction"] = body
        root: Schema = {
            "$schema": DIALECT,
            "$id": BASE_URL + "reference.schema.json",
            "$comment": "Generated by shenpi.io.json_schema('reference'); do not edit.",
            "title": "shenpi reference data",
            "description": "A jurisdiction's reference data (everything but its cases).",
            "type": "object",
            "properties": {
                "schema_version": {"const": c.SCHEMA_VERSION},
                "kind": {"const": c.REFERENCE_KIND},
                "jurisdiction": {"$ref": "#/$defs/Jurisdiction"},
            },
            "required": ["schema_version", "kind", "jurisdiction"],
            "additionalProperties": False,
        }
    elif kind == "application":
        builder.of(Application)
        builder.defs["ApplicationsHeader"] = {
            "title": "ApplicationsHeader",
            "description": "The first line of a JSON Lines file of cases.",
            "type": "object",
            "properties": {
                "schema_version": {"const": c.SCHEMA_VERSION},
                "kind": {"const": c.APPLICATIONS_KIND},
            },
            "required": ["schema_version", "kind"],
            "additionalProperties": False,
        }
        root = {
            "$schema": DIALECT,
            "$id": BASE_URL + "applications.schema.json",
            "$comment": "Generated by shenpi.io.json_schema('application'); do not edit.",
            "title": "shenpi application",
            "description": "One case (办件): each line of a JSON Lines file of cases after "
            "its header line, which follows $defs/ApplicationsHeader.",
            "$ref": "#/$defs/Application",
        }
    else:
        raise InvalidValue(
            "kind",
            kind,
            "expected 'reference' or 'application'.",
            "应为 'reference' 或 'application'。",
        )
    root["$defs"] = dict(sorted(builder.defs.items()))
    return root
