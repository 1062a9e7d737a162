"""Round trips through ``shenpi.io``: every model value, the reference JSON, the cases'
JSON Lines (in memory, on disk, gzip-compressed) come back equal."""

from __future__ import annotations

import gzip
import io as _stdio
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shenpi import testing as kit
from shenpi.applications import Application
from shenpi.fees import RuleKind
from shenpi.items import ItemCodeFormat
from shenpi.jurisdiction import Jurisdiction

io = pytest.importorskip("shenpi.io")

WORLDS = settings(max_examples=max(10, settings.default.max_examples // 4))
"""Whole worlds are slow to draw: a quarter of the profile's examples."""
HALF = settings(max_examples=max(10, settings.default.max_examples // 2))
"""A case draws a small world, and a group draws a value of each of its strategies: half
of the profile's examples."""

VALUES: dict[str, st.SearchStrategy[Any]] = {
    "organization": st.tuples(
        kit.service_sites(),
        kit.windows(),
        kit.halls(),
        kit.departments(),
        kit.sections(),
        kit.approval_offices(),
        kit.officials(),
    ),
    "items": st.tuples(
        kit.legal_bases(),
        kit.materials(),
        kit.time_limits(),
        kit.items(),
        kit.catalogue_changes(),
        kit.publications(),
        kit.catalogues(max_items=3),
        st.builds(
            ItemCodeFormat,
            name=st.sampled_from(("国家事项编码", "local")),
            pattern=st.sampled_from((r"\d{5}", r"[A-Z]{2}-\d{4}", "XK-.*")),
            description=st.sampled_from(("", "事项编码")),
        ),
    ),
    "letters, seals and fees": st.tuples(
        kit.authorization_letters(),
        kit.seals(),
        kit.amount_rules(),
        kit.amount_rules(kinds=[RuleKind.TIERED]).map(lambda rule: rule.tiers[0]),
        kit.fee_standards(),
        kit.fee_schedules(),
        kit.payments(),
    ),
    "cases": st.tuples(
        kit.applicants(),
        kit.applicants(valid_identifiers=False),
        kit.events(),
        kit.events(),
        kit.complaints(),
    ),
    "reform": st.tuples(kit.reform_phases(), kit.reform_plans(), kit.acceptance_checks()),
}
"""Every per-class strategy, grouped (one test per group)."""


def _reference_of(j: Jurisdiction) -> Jurisdiction:
    return j.with_applications(())


@pytest.mark.parametrize("group", list(VALUES))
@HALF
@given(data=st.data())
def test_every_model_value_comes_back_from_its_data(group: str, data: st.DataObject) -> None:
    for value in data.draw(VALUES[group]):
        assert io.from_data(io.to_data(value), type(value)) == value
        # The data is JSON-ready: it survives JSON text unchanged.
        through_json = json.loads(json.dumps(io.to_data(value)))
        assert io.from_data(through_json, type(value)) == value


@WORLDS
@given(kit.jurisdictions(valid_only=False))
def test_a_whole_jurisdiction_comes_back_from_its_data(j: Jurisdiction) -> None:
    back = io.from_data(json.loads(json.dumps(io.to_data(j))), Jurisdiction)
    assert back == j
    compared = attrs.filters.exclude(attrs.fields(Jurisdiction)._index)
    assert attrs.asdict(back, filter=compared) == attrs.asdict(j, filter=compared)


@WORLDS
@given(kit.jurisdictions(valid_only=False))
def test_the_reference_json_round_trips_both_ways(j: Jurisdiction) -> None:
    text = io.dumps_reference(j)
    loaded = io.loads_reference(text)
    assert loaded == _reference_of(j)
    assert loaded.applications == ()
    assert io.dumps_reference(loaded) == text
    assert io.dumps_reference(_reference_of(j)) == text


@HALF
@given(kit.applications(valid_only=False))
def test_a_case_round_trips_through_one_json_line(case: Application) -> None:
    assert io.from_data(io.to_data(case), Application) == case
    line = io.dumps_application(case)
    assert "\n" not in line
    assert io.loads_application(line) == case
    assert io.dumps_application(io.loads_application(line)) == line


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the files each example writes over. Module-scoped: Hypothesis runs all
    examples of a test in one call, and its health check refuses a function-scoped
    ``tmp_path``."""
    return tmp_path_factory.mktemp("roundtrip")


@WORLDS
@given(kit.jurisdictions(valid_only=False))
def test_cases_round_trip_through_json_lines_in_memory(folder: Path, j: Jurisdiction) -> None:
    out = _stdio.StringIO()
    written = io.dump_applications(iter(j.applications), out)
    assert written == len(j.applications)
    header, *lines = out.getvalue().splitlines()
    assert json.loads(header) == {"schema_version": io.SCHEMA_VERSION, "kind": io.APPLICATIONS_KIND}
    assert lines == [io.dumps_application(case) for case in j.applications]
    assert list(io.iter_applications([header, *lines])) == list(j.applications)
    encoded = [line.encode("utf-8") for line in [header, "", *lines, "  "]]
    assert list(io.iter_applications(encoded)) == list(j.applications)
    path = folder / "from-memory.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert list(io.iter_applications(path)) == list(j.applications)


@WORLDS
@given(kit.jurisdictions(), st.sampled_from(["cases.jsonl", "cases.jsonl.gz"]))
def test_a_jurisdiction_round_trips_through_its_two_files(
    folder: Path, j: Jurisdiction, name: str
) -> None:
    reference, cases = folder / "reference.json", folder / name
    io.dump_reference(j, reference)
    assert io.dump_applications(j.applications, cases) == len(j.applications)
    assert list(io.iter_applications(cases)) == list(j.applications)
    assert io.load_reference(reference) == _reference_of(j)
    assert io.load_jurisdiction(reference, cases) == j
    with gzip.open(cases, "rb") if name.endswith(".gz") else cases.open("rb") as stream:
        first = stream.readline()
    assert json.loads(first) == {"schema_version": io.SCHEMA_VERSION, "kind": io.APPLICATIONS_KIND}
