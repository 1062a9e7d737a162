"""Auditing exported files: ``audit_files`` in one process or several, ``check_cases``,
``iter_applications(shard=...)``, and the pickling that carries a check to workers."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import multiprocessing
import os
import pickle
import threading
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shenpi import testing as kit
from shenpi.audit import Audit, LineError, audit_files, audit_partition, world_audit
from shenpi.calendar import WorkCalendar
from shenpi.errors import FormatError, InvalidType, InvalidValue
from shenpi.examples import example_city_paths, load_example_city
from shenpi.io import dump_applications, iter_applications, load_reference
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import Finding, Report, RuleSet, Severity, check, check_cases, plan

AS_OF = dt.date(2026, 12, 31)


@cache
def city() -> Jurisdiction:
    return load_example_city()


@cache
def city_report() -> Report:
    return check(city(), as_of=AS_OF)


def _lines(path: Path) -> list[bytes]:
    return gzip.decompress(path.read_bytes()).splitlines(keepends=True)


# ------------------------------------------------------------------ shards of a file


@settings(max_examples=20)
@given(st.integers(1, 7), st.integers(0, 2))
def test_shards_of_a_file_hold_every_case_once_in_order(n: int, blanks: int) -> None:
    lines = _lines(example_city_paths().applications)[:60]
    # Blank lines anywhere do not shift the shares.
    lines = [lines[0], *([b"\n"] * blanks), *lines[1:]]
    whole = [a.id for a in iter_applications(lines)]
    shares = [[a.id for a in iter_applications(lines, shard=(i, n))] for i in range(n)]
    assert sorted(x for share in shares for x in share) == sorted(whole)
    for i, share in enumerate(shares):
        assert share == whole[i::n]


def test_a_shard_names_the_files_own_line_numbers() -> None:
    lines = _lines(example_city_paths().applications)[:6]
    lines[4] = b'{"not": "a case"}\n'  # the 4th case, on line 5
    assert [a.id for a in iter_applications(lines, shard=(0, 2))]  # cases 1 and 3 only
    with pytest.raises(FormatError) as raised:
        list(iter_applications(lines, shard=(1, 2)))
    assert raised.value.field.startswith("line 5")


def _write_lines(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(lines))
    return path


@settings(max_examples=40)
@given(
    n=st.integers(1, 12),
    count=st.integers(0, 25),
    blanks=st.lists(st.integers(0, 30), max_size=6),
    crlf=st.booleans(),
    last_newline=st.booleans(),
)
def test_byte_range_shares_of_a_plain_file_hold_every_case_once_in_file_order(
    tmp_path_factory: pytest.TempPathFactory,
    n: int,
    count: int,
    blanks: list[int],
    crlf: bool,
    last_newline: bool,
) -> None:
    lines = _lines(example_city_paths().applications)[: count + 1]
    for at in blanks:  # blank lines anywhere, before the header too
        lines.insert(min(at, len(lines)), b"  \n")
    if crlf:
        lines = [line[:-1] + b"\r\n" for line in lines]
    if not last_newline:
        lines[-1] = lines[-1].rstrip(b"\r\n")
    path = _write_lines(tmp_path_factory.mktemp("shares") / "cases.jsonl", lines)
    whole = [a.id for a in iter_applications(path)]
    assert len(whole) == count
    shares = [[a.id for a in iter_applications(path, shard=(i, n))] for i in range(n)]
    assert [x for share in shares for x in share] == whole


@settings(max_examples=30)
@given(n=st.integers(2, 9), bad=st.sets(st.integers(1, 30), max_size=6))
def test_byte_range_shares_name_the_files_own_line_numbers(
    tmp_path_factory: pytest.TempPathFactory, n: int, bad: set[int]
) -> None:
    lines = _lines(example_city_paths().applications)[:31]
    lines.insert(5, b"\n")
    for at in bad:  # damage line ``at + 1`` (line 1 is the header)
        lines[at] = b'{"id": "damaged"}\n' if at % 2 else b"not json\n"
    path = _write_lines(tmp_path_factory.mktemp("bad") / "cases.jsonl", lines)
    whole: list[FormatError] = []
    cases = [a.id for a in iter_applications(path, on_error=whole.append)]
    expected = sorted(k + 1 for k in bad if lines[k] != b"\n")
    assert [int(e.field.split(":")[0].split()[1].rstrip(",")) for e in whole] == expected
    ids: list[str] = []
    shared: list[FormatError] = []
    for i in range(n):
        errors: list[FormatError] = []
        ids.extend(a.id for a in iter_applications(path, shard=(i, n), on_error=errors.append))
        shared.extend(errors)
        if errors:  # without on_error, the share raises its first bad line
            with pytest.raises(FormatError) as raised:
                list(iter_applications(path, shard=(i, n)))
            assert str(raised.value) == str(errors[0])
    assert ids == cases
    assert [str(e) for e in shared] == [str(e) for e in whole]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_cannot_be_entered_by_seeking_so_its_shares_are_every_nth_case(
    tmp_path: Path,
) -> None:
    lines = _lines(example_city_paths().applications)[:9]
    whole = [a.id for a in iter_applications(lines)]
    pipe = tmp_path / "cases.jsonl"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_bytes, args=(b"".join(lines),))
    writer.start()
    try:
        assert [a.id for a in iter_applications(pipe, shard=(1, 3))] == whole[1::3]
    finally:
        writer.join()


@pytest.mark.parametrize("n", [1, 3])
def test_every_share_of_an_empty_or_headless_file_raises(tmp_path: Path, n: int) -> None:
    empty = _write_lines(tmp_path / "empty.jsonl", [b"\n", b"  \n"])
    headless = _write_lines(
        tmp_path / "headless.jsonl", _lines(example_city_paths().applications)[1:4]
    )
    for i in range(n):
        with pytest.raises(FormatError, match="empty"):
            list(iter_applications(empty, shard=(i, n)))
        with pytest.raises(FormatError):
            list(iter_applications(headless, shard=(i, n)))


@pytest.mark.parametrize("shard", [(2, 2), (-1, 2), (0, 0), (0,), (0.0, 1), (True, 2), [0, 1]])
def test_a_bad_shard_is_refused_at_the_call(shard: object) -> None:
    with pytest.raises(InvalidValue) as raised:
        iter_applications([], shard=shard)  # type: ignore[arg-type]
    assert raised.value.field == "shard"


# ------------------------------------------------------------------ audit_files


@pytest.mark.parametrize("processes", [1, 2])
def test_audit_files_gives_the_report_check_gives(processes: int) -> None:
    paths = example_city_paths()
    audit = audit_files(
        load_reference(paths.reference), paths.applications, as_of=AS_OF, processes=processes
    )
    assert audit.report == city_report()
    assert audit.report.findings  # the city has planted violations
    assert audit.errors == ()
    assert audit.case_count == len(city().applications)
    assert audit.ids == ()  # consumed by finish()


def test_audit_files_over_several_files_with_a_selection(tmp_path: Path) -> None:
    cases = city().applications
    parts = [tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz", tmp_path / "empty.jsonl"]
    dump_applications(cases[:1000], parts[0])
    dump_applications(cases[1000:], parts[1])
    dump_applications((), parts[2])
    reference = load_reference(example_city_paths().reference)
    for processes in (1, 3):
        audit = audit_files(
            reference, parts, as_of=AS_OF, processes=processes, select=["TIME", "SEAL"]
        )
        assert audit.report == check(city(), as_of=AS_OF, select=["TIME", "SEAL"])


def test_a_bad_line_is_recorded_and_the_rest_is_audited(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    lines = _lines(example_city_paths().applications)[:10]
    lines[7] = b'{"id": 1}\n'
    lines[3] = b"not json\n"
    path.write_bytes(b"".join(lines))
    reference = load_reference(example_city_paths().reference)
    good = [lines[i] for i in range(10) if i not in (3, 7)]
    expected = check(reference.with_applications(iter_applications(good)), as_of=AS_OF)
    for processes in (1, 2):
        audit = audit_files(reference, path, as_of=AS_OF, processes=processes)
        assert [(e.source, e.line) for e in audit.errors] == [(str(path), 4), (str(path), 8)]
        assert audit.errors[1].field.startswith("line 8")
        assert audit.report == expected
        assert audit.case_count == 7
        assert not audit.ok
        with pytest.raises(FormatError) as raised:
            audit_files(reference, path, as_of=AS_OF, processes=processes, fail_fast=True)
        assert raised.value.field.startswith("line 4")


def test_a_case_id_on_two_lines_is_reported_once_whatever_the_partitioning(
    tmp_path: Path,
) -> None:
    lines = _lines(example_city_paths().applications)[:9]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_bytes(b"".join(lines[:6]))
    second.write_bytes(b"".join([lines[0], lines[3], *lines[6:]]))  # case on line 4 again
    reference = load_reference(example_city_paths().reference)
    for processes in (1, 2, 3):
        audit = audit_files(reference, [first, second], as_of=AS_OF, processes=processes)
        case_id = next(iter_applications([lines[0], lines[3]])).id
        assert [(e.field, e.value, e.line) for e in audit.errors] == [("id", case_id, None)]
        assert "2 lines" in audit.errors[0].message_en
        clean = audit_files(
            reference, [first, second], as_of=AS_OF, processes=processes, duplicates=False
        )
        assert clean.errors == ()


@pytest.mark.parametrize(("processes", "error"), [(0, InvalidValue), (1.5, InvalidType)])
def test_audit_files_refuses_a_bad_process_count(processes: object, error: type) -> None:
    with pytest.raises(error) as raised:
        audit_files(city(), [], as_of=AS_OF, processes=processes)  # type: ignore[arg-type]
    assert raised.value.field == "processes"


def test_audit_files_under_the_spawn_start_method(tmp_path: Path) -> None:
    """Where workers are spawned (macOS, Windows), the plan travels by pickle."""
    from shenpi import audit

    path = tmp_path / "cases.jsonl"
    dump_applications(city().applications[:200], path)
    reference = load_reference(example_city_paths().reference)
    expected = check(reference.with_applications(city().applications[:200]), as_of=AS_OF)
    chosen = plan(reference, as_of=AS_OF)
    context = multiprocessing.get_context("spawn")
    parts = list(audit._in_processes(chosen, [str(path)], 2, False, True, context=context))
    assert sum(parts).finish().report == expected


# ------------------------------------------------------------------ merging


@settings(max_examples=15)
@given(kit.jurisdictions(max_departments=3), st.data())
def test_any_partitioning_merges_into_the_report_of_check(
    world: Jurisdiction, data: st.DataObject
) -> None:
    from shenpi.io import dumps_application

    day = dt.date(2026, 12, 31)
    header = next(iter(_lines(example_city_paths().applications)))
    lines = [dumps_application(a) + "\n" for a in world.applications]
    cuts = sorted(data.draw(st.lists(st.integers(0, len(lines)), max_size=4)))
    bounds = [0, *cuts, len(lines)]
    chosen = plan(world, as_of=day)
    parts = [
        audit_partition(chosen, [header, *lines[a:b]], source=f"part{i}")
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
    ]
    order = data.draw(st.permutations(parts))
    merged = sum(order, world_audit(chosen)).finish()
    assert merged.report == check(world, as_of=day)
    one_pass = audit_partition(chosen, [header, *lines], source="part0")
    assert merged == (world_audit(chosen) + one_pass).finish()  # per-department counts too
    assert merged.departments() == one_pass.merge(world_audit(chosen)).departments()
    assert merged.case_count == len(world.applications)
    assert merged.errors == ()
    # associative: grouping does not matter
    if len(parts) >= 3:
        a, b, c = parts[:3]
        assert (a + b) + c == a + (b + c)


def test_a_department_without_cases_has_no_share_with_errors() -> None:
    world = world_audit(plan(city(), as_of=AS_OF))  # the reference data's findings only
    rows = world.departments()
    assert rows  # the city has planted world findings
    assert all(r["cases"] == 0 and r["share_with_errors"] is None for r in rows)
    assert sum(r["findings"] for r in rows) == len(world.findings)


def test_audits_of_different_days_do_not_merge() -> None:
    with pytest.raises(InvalidValue):
        Audit(AS_OF) + Audit(AS_OF - dt.timedelta(days=1))
    with pytest.raises(InvalidValue):
        Report((), AS_OF).merge(Report((), AS_OF - dt.timedelta(days=1)))
    assert sum([Report((), AS_OF), Report(())]) == Report((), AS_OF)


def test_an_audit_tabulates_departments_and_prints() -> None:
    paths = example_city_paths()
    audit = audit_files(load_reference(paths.reference), paths.applications, as_of=AS_OF)
    rows = audit.departments()
    assert sum(r["cases"] for r in rows) == len(city().applications)
    assert sum(r["findings"] for r in rows) == len(audit.findings)
    assert sum(r["error"] for r in rows) == len(audit.report.errors)
    flagged = {
        f.subject.id
        for f in audit.findings
        if f.subject.kind == "application" and f.severity is Severity.ERROR
    }
    assert sum(r["cases_with_errors"] for r in rows) == len(flagged) > 0
    for r in rows:
        share = r["cases_with_errors"] / r["cases"] if r["cases"] else None
        assert r["share_with_errors"] == share
        assert r["cases_with_errors"] <= r["cases"]
    families = {f.code.rstrip("0123456789") for f in audit.findings}
    assert all(sum(r[family] for r in rows) > 0 for family in families)
    assert [r["department_id"] for r in rows] == sorted(r["department_id"] for r in rows)
    assert audit.to_text().splitlines()[-1] == audit.report.to_text().splitlines()[-1]
    assert "<table>" in audit._repr_html_()
    error = LineError("a.jsonl", 3, "line 3: id", "1", "is not text.", "不是文本。")
    assert str(error) == "a.jsonl:3: line 3: id: is not text."
    assert error.to_record()["line"] == 3


# ------------------------------------------------------------------ check_cases


@settings(max_examples=10)
@given(kit.jurisdictions(max_departments=3))
def test_check_cases_yields_the_case_findings_of_check(world: Jurisdiction) -> None:
    day = dt.date(2026, 12, 31)
    cases = sorted(check_cases(world, iter(world.applications), as_of=day), key=Finding.sort_key)
    world_only = check(world, as_of=day, applications=())
    assert sorted((*cases, *world_only), key=Finding.sort_key) == list(check(world, as_of=day))


def test_check_cases_checks_its_arguments_before_reading_a_case() -> None:
    def never() -> object:
        raise AssertionError("read")
        yield

    with pytest.raises(InvalidType):
        check_cases(city(), never(), as_of="2026-12-31")  # type: ignore[arg-type]


# ------------------------------------------------------------------ pickling


def test_what_a_check_needs_pickles() -> None:
    calendar = WorkCalendar.official(unannounced="statutory")
    chosen = plan(city(), as_of=AS_OF, calendar=calendar, select=["TIME", "HALL001"])
    again = pickle.loads(pickle.dumps(chosen))
    assert again.ctx.jurisdiction == city()
    assert again.case_rules == chosen.case_rules
    assert all(a is b for a, b in zip(again.case_rules, chosen.case_rules, strict=True))
    assert again.report_missing
    case = city().applications[5]
    assert again.case_findings(case) == chosen.case_findings(case)
    default = RuleSet.default()
    assert pickle.loads(pickle.dumps(default)) == default


def test_the_spark_pattern_gives_the_report_of_check(tmp_path: Path) -> None:
    """What a Spark job does (docs/scale.md): broadcast the plan, parallelize the task
    list, ``mapPartitions(audit_tasks)``, ``treeReduce(Audit.merge)``, then the world
    rules and ``finish`` on the driver. Simulated here with plain lists and pickling."""
    from functools import reduce

    from shenpi.audit import audit_tasks, partitions

    cases = city().applications
    for i in range(3):
        dump_applications(cases[i * 1000 : (i + 1) * 1000], tmp_path / f"part-{i}.jsonl")
    reference = load_reference(example_city_paths().reference)
    broadcast = pickle.dumps(plan(reference, as_of=AS_OF))  # sc.broadcast(...)
    tasks = partitions(str(tmp_path / "part-*.jsonl"), splits=2)
    slices = [tasks[0:1], tasks[1:4], tasks[4:6]]  # sc.parallelize(tasks, numSlices=3)
    per_slice = [pickle.dumps(list(audit_tasks(pickle.loads(broadcast), iter(s)))) for s in slices]
    audits = [a for blob in per_slice for a in pickle.loads(blob)]
    merged = reduce(Audit.merge, audits)  # treeReduce: any grouping
    final = world_audit(pickle.loads(broadcast)).merge(merged).finish()
    assert final.report == city_report()
    assert final.case_count == len(cases)
