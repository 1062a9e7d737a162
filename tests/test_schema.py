"""The JSON Schemas generated from the model: valid, in step with the committed files in
docs/schema/, and satisfied by what the dumpers write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from shenpi import io
from shenpi.applications import Application
from shenpi.errors import InvalidValue
from shenpi.jurisdiction import Jurisdiction
from test_io import HEADER, refused_case, sample_case, sample_jurisdiction

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"
FILES = {"reference": "reference.schema.json", "application": "applications.schema.json"}
REGENERATE = (
    "python -c 'import json; from shenpi import io; "
    'print(json.dumps(io.json_schema("{kind}"), indent=2, ensure_ascii=False))\' '
    "> docs/schema/{file}"
)


def validator(kind: str) -> Any:
    schema = io.json_schema(kind)  # type: ignore[arg-type]
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_the_committed_schema_files_are_generated(kind: str) -> None:
    committed = json.loads((SCHEMA_DIR / FILES[kind]).read_text(encoding="utf-8"))
    assert committed == io.json_schema(kind), "regenerate with: " + REGENERATE.format(  # type: ignore[arg-type]
        kind=kind, file=FILES[kind]
    )


def test_a_dumped_reference_is_valid() -> None:
    world = sample_jurisdiction()
    validator("reference").validate(json.loads(io.dumps_reference(world)))


def test_dumped_lines_are_valid() -> None:
    lines = [io.dumps_application(case) for case in (sample_case(), refused_case())]
    check = validator("application")
    for line in lines:
        check.validate(json.loads(line))
    header = io.json_schema("application")["$defs"]["ApplicationsHeader"]
    jsonschema.Draft202012Validator(header).validate(json.loads(HEADER))


def _with_context(errors: list[Any]) -> list[Any]:
    """The errors and, for oneOf/anyOf, the errors of each branch."""
    return [e for error in errors for e in [error, *_with_context(list(error.context or []))]]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (
            lambda d: d["events"][9]["payment"].update(amount=12.5),
            ["events", 9, "payment", "amount"],
        ),
        (lambda d: d["events"][2].update(on="2025/03/06"), ["events", 2, "on"]),
        (lambda d: d["events"][1].update(type="approved"), ["events", 1]),
        (lambda d: d.update(colour="red"), []),
        (lambda d: d["applicant"].pop("name"), ["applicant"]),
        (lambda d: d.update(channel="fax"), ["channel"]),
        (lambda d: d["events"][6]["by"].update(amount=0), ["events", 6, "by", "amount"]),
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(change: Any, path: list[Any]) -> None:
    data = json.loads(io.dumps_application(sample_case()))
    change(data)
    errors = list(validator("application").iter_errors(data))
    assert errors
    assert path in [list(error.absolute_path) for error in _with_context(errors)]


def test_the_schema_follows_the_attrs_fields() -> None:
    defs = io.json_schema("application")["$defs"]
    for cls in (Application, *io.EVENT_TAGS):
        fields = [f.name for f in attrs.fields(cls)]
        properties = list(defs[cls.__name__]["properties"])
        assert properties == fields if cls is Application else ["type", *fields]
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        assert [r for r in defs[cls.__name__]["required"] if r != "type"] == required
    for cls, tag in io.EVENT_TAGS.items():
        assert defs[cls.__name__]["properties"]["type"] == {"const": tag}
    reference = io.json_schema("reference")["$defs"]["Jurisdiction"]["properties"]
    public = [f.name for f in attrs.fields(Jurisdiction) if f.init and f.name != "applications"]
    assert list(reference) == public


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(InvalidValue):
        io.json_schema("catalogue")  # type: ignore[arg-type]
