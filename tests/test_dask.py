"""``shenpi.dask``: partitioned exports audited on Dask give the report of one check."""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import shenpi.dask as sd
from shenpi import testing as kit
from shenpi.audit import Audit
from shenpi.errors import FormatError, InvalidType, InvalidValue, MissingDependency
from shenpi.examples import example_city_paths, load_example_city
from shenpi.io import dump_applications, dump_reference, load_reference
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import Report, check

AS_OF = dt.date(2026, 12, 31)


@cache
def city() -> Jurisdiction:
    return load_example_city()


@cache
def city_report() -> Report:
    return check(city(), as_of=AS_OF)


def _write_parts(folder: Path, world: Jurisdiction, cuts: list[int], gz: bool = False) -> None:
    cases = world.applications
    bounds = [0, *sorted(cuts), len(cases)]
    for i, (a, b) in enumerate(itertools.pairwise(bounds)):
        dump_applications(cases[a:b], folder / f"part-{i:03d}.jsonl{'.gz' if gz else ''}")


# ------------------------------------------------------------------ the property


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kit.jurisdictions(max_departments=3), st.data())
def test_any_partitioning_gives_the_report_of_check(
    tmp_path_factory: pytest.TempPathFactory, world: Jurisdiction, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("parts")
    n = len(world.applications)
    cuts = data.draw(st.lists(st.integers(0, n), max_size=5), label="cuts")
    splits = data.draw(st.integers(1, 3), label="splits")
    blocksize = data.draw(st.none() | st.integers(1, 4000), label="blocksize")
    _write_parts(folder, world, cuts)
    result = sd.check(
        world.with_applications(()),
        str(folder / "part-*.jsonl"),
        as_of=AS_OF,
        splits=1 if blocksize else splits,
        blocksize=blocksize,
        scheduler="sync",
    )
    assert result.report == check(world, as_of=AS_OF)
    assert result.errors == ()
    if blocksize is None:
        assert result.partitions == (len(cuts) + 1) * splits
    else:
        sizes = [f.stat().st_size for f in folder.glob("part-*.jsonl")]
        assert result.partitions == sum(-(-size // blocksize) for size in sizes)
    assert int(result.departments["cases"].sum()) == n


# ------------------------------------------------------------------ a real cluster


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def test_a_local_cluster_of_two_worker_processes_audits_the_city(
    client: object, tmp_path: Path
) -> None:
    _write_parts(tmp_path, city(), [700, 1500, 2300], gz=True)
    reference = load_reference(example_city_paths().reference)
    result = sd.check(reference, [tmp_path / "part-*.jsonl.gz"], as_of=AS_OF, splits=2)
    assert result.report == city_report()
    assert result.partitions == 8
    assert result.errors == ()
    frame = result.departments
    assert int(frame["cases"].sum()) == len(city().applications)
    assert int(frame["findings"].sum()) == len(city_report())
    assert "<table>" in result._repr_html_()


def test_on_a_cluster_a_bad_line_is_recorded_and_the_partition_goes_on(
    client: object, tmp_path: Path
) -> None:
    _write_parts(tmp_path, city(), [1000, 2000])
    bad = tmp_path / "part-001.jsonl"
    lines = bad.read_bytes().splitlines(keepends=True)
    lines[10] = b'{"id": "A-broken"}\n'  # line 11
    bad.write_bytes(b"".join(lines))
    reference = load_reference(example_city_paths().reference)
    result = sd.check(reference, str(tmp_path / "part-*.jsonl"), as_of=AS_OF)
    assert [(e.source, e.line) for e in result.errors] == [(str(bad), 11)]
    assert result.audit.case_count == len(city().applications) - 1
    with pytest.raises(FormatError) as raised:
        sd.check(reference, str(tmp_path / "part-*.jsonl"), as_of=AS_OF, fail_fast=True)
    assert raised.value.field.startswith("line 11")


def test_on_a_cluster_a_case_id_in_two_partitions_is_reported(
    client: object, tmp_path: Path
) -> None:
    cases = city().applications
    dump_applications(cases[:20], tmp_path / "a.jsonl")
    dump_applications(cases[15:30], tmp_path / "b.jsonl")
    reference = load_reference(example_city_paths().reference)
    result = sd.check(reference, str(tmp_path / "*.jsonl"), as_of=AS_OF, select=["HALL001"])
    assert [e.value for e in result.errors] == sorted(c.id for c in cases[15:20])


def test_on_a_cluster_a_bag_of_audits_folds_on_the_workers(client: object, tmp_path: Path) -> None:
    _write_parts(tmp_path, city(), [900, 2000])
    reference = load_reference(example_city_paths().reference)
    bag = sd.audits(reference, str(tmp_path / "*.jsonl"), as_of=AS_OF, blocksize=300_000)
    folded = bag.fold(Audit.merge).compute()
    assert folded.finish().report == city_report()


# ------------------------------------------------------------------ other schedulers


def test_a_bag_of_audits_composes_into_the_report_and_its_records(tmp_path: Path) -> None:
    _write_parts(tmp_path, city(), [1200])
    reference = load_reference(example_city_paths().reference)
    paths = str(tmp_path / "*.jsonl")
    bag = sd.audits(reference, paths, as_of=AS_OF, blocksize=250_000)
    assert bag.npartitions == len(sd.partitions(paths, blocksize=250_000)) + 1 > 3
    folded = bag.fold(Audit.merge).compute(scheduler="sync").finish()
    assert folded.report == city_report()
    records = bag.map(lambda a: a.report.to_records()).flatten().compute(scheduler="sync")
    assert sorted(r["code"] for r in records) == sorted(f.code for f in city_report())
    counts = bag.map(lambda a: a.case_count).sum().compute(scheduler="sync")
    assert counts == len(city().applications)


def test_the_bag_recipes_of_the_scale_page_write_and_count(tmp_path: Path) -> None:
    """docs/scale.md: findings written from the workers, departments and repeated ids
    counted on the cluster."""
    import json

    import dask
    import pandas as pd

    cases = city().applications
    dump_applications(cases[:1500], tmp_path / "a.jsonl")
    dump_applications(cases[1490:], tmp_path / "b.jsonl")  # ten ids in both files
    reference = load_reference(example_city_paths().reference)
    bag = sd.audits(reference, str(tmp_path / "*.jsonl"), as_of=AS_OF, blocksize=400_000)
    records = bag.map(lambda a: a.report.to_records()).flatten()
    written = records.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(
        str(tmp_path / "findings" / "*.jsonl"), compute=False
    )
    dask.compute(written, scheduler="sync")
    lines = [
        json.loads(line)
        for path in sorted((tmp_path / "findings").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    whole = sd.check(reference, str(tmp_path / "*.jsonl"), as_of=AS_OF, scheduler="sync")
    assert sorted(r["code"] for r in lines) == sorted(f.code for f in whole.report)
    rows = bag.map(Audit.departments).flatten().compute(scheduler="sync")
    departments = pd.DataFrame(rows).fillna(0).groupby("department_id").sum()
    departments["share_with_errors"] = departments["cases_with_errors"] / departments["cases"]
    assert int(departments["cases"].sum()) == len(cases) + 10
    expected = whole.departments.set_index("department_id")
    for column in ("cases", "cases_with_errors", "findings", "error"):
        assert departments[column].to_dict() == expected[column].to_dict()
    with_cases = expected["cases"] > 0
    assert (
        departments["share_with_errors"][with_cases].to_dict()
        == expected["share_with_errors"][with_cases].to_dict()
    )
    repeated = bag.map(lambda a: a.ids).flatten().frequencies().filter(lambda kv: kv[1] > 1)
    assert sorted(repeated.compute(scheduler="sync")) == [(c.id, 2) for c in cases[1490:1500]]


def test_the_threads_and_processes_schedulers_give_the_same_report(tmp_path: Path) -> None:
    _write_parts(tmp_path, city(), [1500])
    reference = load_reference(example_city_paths().reference)
    for scheduler in ("threads", "processes"):
        result = sd.check(reference, str(tmp_path / "*.jsonl"), as_of=AS_OF, scheduler=scheduler)
        assert result.report == city_report()


# ------------------------------------------------------------------ bad input


def test_partitions_are_the_sorted_files_and_their_shares(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.jsonl", "c.txt"):
        (tmp_path / name).write_text("")
    assert sd.partitions(str(tmp_path / "*.jsonl"), splits=2) == [
        (str(tmp_path / "a.jsonl"), (0, 2)),
        (str(tmp_path / "a.jsonl"), (1, 2)),
        (str(tmp_path / "b.jsonl"), (0, 2)),
        (str(tmp_path / "b.jsonl"), (1, 2)),
    ]


def test_blocksize_cuts_plain_files_by_their_size(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b"x" * 100)
    (tmp_path / "b.jsonl").write_bytes(b"x" * 250)
    (tmp_path / "c.jsonl.gz").write_bytes(b"x" * 1000)  # cannot be entered mid-file
    (tmp_path / "d.jsonl").write_bytes(b"")
    parts = sd.partitions(sorted(str(p) for p in tmp_path.iterdir()), blocksize=100)
    assert [(Path(f).name, share) for f, share in parts] == [
        ("a.jsonl", (0, 1)),
        ("b.jsonl", (0, 3)),
        ("b.jsonl", (1, 3)),
        ("b.jsonl", (2, 3)),
        ("c.jsonl.gz", (0, 1)),
        ("d.jsonl", (0, 1)),
    ]


@pytest.mark.parametrize(
    ("splits", "blocksize", "error", "field"),
    [
        (1, 0, InvalidValue, "blocksize"),
        (1, 2.5, InvalidType, "blocksize"),
        (1, True, InvalidType, "blocksize"),
        (2, 100, InvalidValue, "splits"),
    ],
)
def test_bad_blocksizes_are_refused(
    tmp_path: Path, splits: int, blocksize: object, error: type, field: str
) -> None:
    (tmp_path / "a.jsonl").write_text("")
    with pytest.raises(error) as raised:
        sd.partitions(str(tmp_path / "a.jsonl"), splits, blocksize=blocksize)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert str(blocksize if field == "blocksize" else splits) in str(raised.value)


@pytest.mark.parametrize(
    ("paths", "splits", "error", "field"),
    [
        ("nowhere/*.jsonl", 1, InvalidValue, "paths"),
        ("missing.jsonl", 1, InvalidValue, "paths"),
        (".", 1, InvalidValue, "paths"),
        ("*.toml", 0, InvalidValue, "splits"),
        ("*.toml", 1.5, InvalidType, "splits"),
    ],
)
def test_bad_partitions_are_refused(paths: str, splits: object, error: type, field: str) -> None:
    with pytest.raises(error) as raised:
        sd.partitions(paths, splits)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(MissingDependency) as raised:
        sd.check(city(), [], as_of=AS_OF)
    assert raised.value.hint == "pip install 'shenpi[dask]'"
    assert isinstance(raised.value, ImportError)


def test_a_reference_file_round_trip_feeds_the_pipeline(tmp_path: Path) -> None:
    """The reference is read once on the client; nothing else of it is needed."""
    dump_reference(city().with_applications(()), tmp_path / "reference.json")
    dump_applications(city().applications, tmp_path / "cases.jsonl.gz")
    result = sd.check(
        load_reference(tmp_path / "reference.json"),
        tmp_path / "cases.jsonl.gz",
        as_of=AS_OF,
        scheduler="sync",
    )
    assert result.report == city_report()
