"""Auditing exported files: ``check_files`` in one process or several, ``check_cases``,
``iter_applications(shard=...)``, and the pickling that carries a check to workers."""

from __future__ import annotations

import datetime as dt
import gzip
import multiprocessing
import pickle
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shenpi import testing as kit
from shenpi.audit import check_files
from shenpi.calendar import WorkCalendar
from shenpi.errors import FormatError, InvalidType, InvalidValue
from shenpi.examples import example_city_paths, load_example_city
from shenpi.io import dump_applications, iter_applications, load_reference
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import Finding, Report, RuleSet, check, check_cases, plan

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


@pytest.mark.parametrize("shard", [(2, 2), (-1, 2), (0, 0), (0,), (0.0, 1), (True, 2), [0, 1]])
def test_a_bad_shard_is_refused_at_the_call(shard: object) -> None:
    with pytest.raises(InvalidValue) as raised:
        iter_applications([], shard=shard)  # type: ignore[arg-type]
    assert raised.value.field == "shard"


# ------------------------------------------------------------------ check_files


@pytest.mark.parametrize("processes", [1, 2])
def test_check_files_gives_the_report_check_gives(processes: int) -> None:
    paths = example_city_paths()
    report = check_files(
        load_reference(paths.reference), paths.applications, as_of=AS_OF, processes=processes
    )
    assert report == city_report()
    assert report.findings  # the city has planted violations


def test_check_files_over_several_files_with_a_selection(tmp_path: Path) -> None:
    cases = city().applications
    parts = [tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz", tmp_path / "empty.jsonl"]
    dump_applications(cases[:1000], parts[0])
    dump_applications(cases[1000:], parts[1])
    dump_applications((), parts[2])
    reference = load_reference(example_city_paths().reference)
    for processes in (1, 3):
        report = check_files(
            reference, parts, as_of=AS_OF, processes=processes, select=["TIME", "SEAL"]
        )
        assert report == check(city(), as_of=AS_OF, select=["TIME", "SEAL"])


def test_check_files_reports_a_bad_line_from_a_worker(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    lines = _lines(example_city_paths().applications)[:10]
    lines[7] = b'{"id": 1}\n'
    path.write_bytes(b"".join(lines))
    reference = load_reference(example_city_paths().reference)
    for processes in (1, 2):
        with pytest.raises(FormatError) as raised:
            check_files(reference, path, as_of=AS_OF, processes=processes)
        assert raised.value.field.startswith("line 8")


@pytest.mark.parametrize(("processes", "error"), [(0, InvalidValue), (1.5, InvalidType)])
def test_check_files_refuses_a_bad_process_count(processes: object, error: type) -> None:
    with pytest.raises(error) as raised:
        check_files(city(), [], as_of=AS_OF, processes=processes)  # type: ignore[arg-type]
    assert raised.value.field == "processes"


def test_check_files_under_the_spawn_start_method(tmp_path: Path) -> None:
    """Where workers are spawned (macOS, Windows), the plan travels by pickle."""
    from shenpi import audit

    path = tmp_path / "cases.jsonl"
    dump_applications(city().applications[:200], path)
    reference = load_reference(example_city_paths().reference)
    expected = check(reference.with_applications(city().applications[:200]), as_of=AS_OF)
    chosen = plan(reference, as_of=AS_OF)
    found = list(
        audit._in_processes(chosen, [path], 2, context=multiprocessing.get_context("spawn"))
    )
    found += chosen.world_findings()
    found.sort(key=Finding.sort_key)
    assert tuple(found) == expected.findings


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
