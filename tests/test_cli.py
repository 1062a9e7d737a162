"""The ``shenpi`` command line, through its real entry points: ``main(argv)`` in process,
and ``python -m shenpi`` and the ``shenpi`` script in a subprocess.

Every bad input is one line on stderr and exit code 2, never a traceback. The outputs on
the bundled example city are compared with snapshots in ``tests/snapshots/``; after a
deliberate change of the output, regenerate them with::

    SHENPI_UPDATE_SNAPSHOTS=1 pytest tests/test_cli.py

and read the diff before committing. Snapshots replace the path of the bundled city with
``<city>`` and the version of chinese-calendar with ``<version>``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import difflib
import functools
import gzip
import io as text_io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from shenpi import cli, io
from shenpi.calendar import WorkCalendar
from shenpi.cli import main
from shenpi.examples import example_city_paths
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import RuleSet, check
from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("SHENPI_UPDATE_SNAPSHOTS") == "1"
CITY = example_city_paths()
REFERENCE = str(CITY.reference)
CASES = str(CITY.applications)
AS_OF = "2026-12-31"
COMMANDS = ["check", "deadline", "calendar", "rules", "rule", "demo"]
# The last year of published holiday data, and the first one without: the tests that need
# an unannounced year use these, so that a new chinese-calendar release does not break
# them. Snapshots of a projection use a year far ahead of any data.
LAST = WorkCalendar.official().coverage[1].year
NEXT = LAST + 1


# ====================================================================== running it
@dataclasses.dataclass(frozen=True)
class Run:
    """What one invocation printed and returned."""

    code: int
    out: str
    err: str


def shenpi(*argv: str) -> Run:
    """``main(argv)`` with stdout and stderr captured (neither is a terminal)."""
    out, err = text_io.StringIO(), text_io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Run(code, out.getvalue(), err.getvalue())


@functools.cache
def case_lines() -> list[bytes]:
    """The lines of the city's case file: the header, then one case a line."""
    return gzip.decompress(CITY.applications.read_bytes()).splitlines(keepends=True)


def normalise(text: str) -> str:
    text = text.replace(str(CITY.reference.parent), "<city>")
    return re.sub(r"chinese-calendar \d+(?:\.\d+)*", "chinese-calendar <version>", text)


def assert_snapshot(name: str, text: str) -> None:
    """``text`` equals ``tests/snapshots/<name>`` (or rewrites it, when updating)."""
    path = SNAPSHOTS / name
    text = normalise(text)
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    regenerate = "regenerate with: SHENPI_UPDATE_SNAPSHOTS=1 pytest tests/test_cli.py"
    assert path.is_file(), f"no snapshot {name}; {regenerate}"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), text.splitlines(), "snapshot", "output", lineterm=""
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(f"output differs from snapshots/{name} ({regenerate}):\n{shown}")


def transcript(commands: Iterable[list[str]]) -> str:
    """Several invocations as one text: the command, its output, its exit code."""
    parts = []
    for argv in commands:
        run = shenpi(*argv)
        parts.append(f"$ shenpi {' '.join(argv)}\n{run.out}{run.err}[exit {run.code}]\n")
    return "\n".join(parts)


def assert_refused(run: Run, *fragments: str) -> None:
    """Exit code 2, nothing on stdout, and one line on stderr naming the problem."""
    assert run.code == 2, run
    assert run.out == ""
    assert run.err.startswith("shenpi: error: "), run.err
    assert run.err.endswith("\n")
    assert run.err.count("\n") == 1, run.err
    assert "Traceback" not in run.err
    for fragment in fragments:
        assert fragment in run.err, (fragment, run.err)


# ====================================================================== fixtures
@pytest.fixture(scope="module")
def city_text() -> Run:
    return shenpi("check", REFERENCE, "--applications", CASES, "--as-of", AS_OF)


@pytest.fixture(scope="module")
def city_json() -> Run:
    return shenpi(
        "check", REFERENCE, "-a", CASES, "--as-of", AS_OF, "--select", "SEAL,FEE", "--format=json"
    )


@pytest.fixture(scope="module")
def city() -> Jurisdiction:
    """The example city, read by the library rather than the command line."""
    return io.load_jurisdiction(REFERENCE, CASES)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A hall that breaks no rule; one case closed, one accepted late in the last year
    with holiday data."""
    folder = tmp_path_factory.mktemp("tiny")
    reference, cases = folder / "reference.json", folder / "cases.jsonl"
    io.dump_reference(tiny_world(), reference)
    closed = case(
        submitted(dt.date(2025, 3, 3)),
        accepted(dt.date(2025, 3, 3)),
        decided(dt.date(2025, 3, 12)),
        delivered(dt.date(2025, 3, 13)),
    )
    late_in_year = case(submitted(dt.date(LAST, 12, 21)), accepted(dt.date(LAST, 12, 21)), id="A2")
    io.dump_applications([closed, late_in_year], cases)
    return {"reference": str(reference), "cases": str(cases)}


# ====================================================================== help
@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["shenpi", *COMMANDS])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    run = shenpi(*command, "--help")
    assert run.code == 0
    assert run.out.startswith(f"usage: shenpi {' '.join(command)}".rstrip())
    assert "\nexamples:\n" in run.out
    assert run.err == ""


def test_version() -> None:
    run = shenpi("--version")
    assert run.code == 0
    assert run.out.startswith("shenpi ")


def test_check_help_says_as_of_defaults_to_today_in_china() -> None:
    assert "today in China Standard Time" in " ".join(shenpi("check", "--help").out.split())


# ====================================================================== check
def test_check_on_the_city_exits_1_and_matches_the_snapshot(city_text: Run) -> None:
    assert city_text.code == 1
    assert city_text.err == ""
    assert_snapshot("check_city.txt", city_text.out)


def test_check_text_groups_by_department_then_severity(city_text: Run) -> None:
    lines = city_text.out.splitlines()
    start = lines.index(next(x for x in lines if x.startswith("scj ")))
    assert lines[start] == "scj 青岚市市场监督管理局: 106 findings (76 errors, 30 warnings)"
    block = lines[start + 1 : lines.index("", start)]
    assert block[0] == "  error"
    assert block.index("  warning") == 77  # 76 errors, then the warnings
    assert (
        lines[-1]
        == "917 findings (722 errors, 195 warnings) in 3,000 cases; 23 rules found something"
    )


def test_check_agrees_with_the_library(city_text: Run, city: Jurisdiction) -> None:
    report = check(city, as_of=dt.date(2026, 12, 31))
    for code, n in report.counts().items():
        assert re.search(rf"^  {code} +\w+ +{n:,}  ", city_text.out, re.M), code


def test_check_in_chinese() -> None:
    run = shenpi(
        "check",
        REFERENCE,
        "-a",
        CASES,
        "--as-of",
        AS_OF,
        "--select",
        "SEAL,SUP,REFORM",
        "--lang",
        "zh",
    )
    assert run.code == 1
    assert_snapshot("check_city_zh.txt", run.out)
    assert run.out.splitlines()[-1].startswith("共 ")


def test_check_json_is_the_documented_document(city_json: Run, city: Jurisdiction) -> None:
    assert city_json.code == 1
    document = json.loads(city_json.out)
    assert list(document) == [
        "kind",
        "schema_version",
        "jurisdiction",
        "as_of",
        "summary",
        "select",
        "ignore",
        "calendar",
        "policy",
        "findings",
    ]
    assert document["kind"] == "shenpi.check"
    assert document["as_of"] == AS_OF
    summary = document["summary"]
    assert summary == {
        "ok": False,
        "cases": 3000,
        "rules": 9,
        "findings": 41,
        "errors": 36,
        "warnings": 5,
        "info": 0,
        "by_code": {"FEE001": 2, "SEAL002": 34, "SEAL005": 5},
    }
    expected = check(city, as_of=dt.date(2026, 12, 31), select=["SEAL", "FEE"]).to_records()
    assert document["findings"] == expected
    assert_snapshot("check_city.json", city_json.out)


def test_check_jsonl_is_one_record_per_line(city_json: Run) -> None:
    run = shenpi(
        "check",
        REFERENCE,
        "-a",
        CASES,
        "--as-of",
        AS_OF,
        "--select",
        "SEAL,FEE",
        "--format",
        "jsonl",
    )
    assert run.code == 1
    records = [json.loads(line) for line in run.out.splitlines()]
    assert records == json.loads(city_json.out)["findings"]


def test_check_exits_0_without_errors(tiny: dict[str, str]) -> None:
    run = shenpi("check", tiny["reference"], "-a", tiny["cases"], "--as-of", f"{LAST}-12-22")
    assert run.code == 0
    assert run.out.splitlines()[-1] == "no findings in 2 cases (50 rules)"


def test_check_of_the_reference_data_alone(tiny: dict[str, str]) -> None:
    run = shenpi("check", tiny["reference"], "--as-of", f"{LAST}-12-22", "--lang", "zh")
    assert run.code == 0
    assert "审查参考数据（未提供办件）" in run.out


def test_check_exits_0_when_only_info_findings_and_says_what_to_do(tiny: dict[str, str]) -> None:
    # On 12 January the case's due days lie between the earliest and the latest any
    # arrangement of the unannounced year allows: it cannot be judged yet.
    run = shenpi("check", tiny["reference"], "-a", tiny["cases"], "--as-of", f"{NEXT}-01-12")
    assert run.code == 0
    assert "TIME000" in run.out
    assert "--notice FILE, or use --provisional" in run.out


def test_check_judges_a_case_past_every_possible_due_day_before_the_notice(
    tiny: dict[str, str],
) -> None:
    # On 1 February the statutory period has run out under any arrangement of the
    # unannounced year (the latest possible due day is in January): late for certain.
    run = shenpi("check", tiny["reference"], "-a", tiny["cases"], "--as-of", f"{NEXT}-02-01")
    assert run.code == 1
    assert "TIME014 application A2" in run.out
    assert "the latest due day any holiday arrangement or reading allows" in run.out
    assert "TIME000" not in run.out


def test_check_provisional_judges_the_unannounced_year_and_says_so(tiny: dict[str, str]) -> None:
    argv = ["check", tiny["reference"], "-a", tiny["cases"], "--as-of", f"{NEXT}-02-01"]
    run = shenpi(*argv, "--provisional")
    assert run.code == 1
    assert "TIME000" not in run.out
    assert "TIME014 application A2" in run.out
    assert "projected from the statutory holidays (provisional)" in run.out
    document = json.loads(shenpi(*argv, "--provisional", "--format", "json").out)
    assert document["calendar"]["provisional_from"] == f"{NEXT}-01-01"


def test_check_with_a_notice(tiny: dict[str, str], tmp_path: Path) -> None:
    notice = tmp_path / "next.json"
    notice.write_text(
        json.dumps(
            {
                "year": NEXT,
                "published": f"{LAST}-11-20",
                "source": "illustration",
                "holidays": [{"name": "元旦", "from": f"{NEXT}-01-01", "to": f"{NEXT}-01-01"}],
            }
        ),
        encoding="utf-8",
    )
    argv = ["check", tiny["reference"], "-a", tiny["cases"], "--as-of", f"{NEXT}-02-01"]
    run = shenpi(*argv, "--notice", str(notice), "--format", "json")
    document = json.loads(run.out)
    assert document["calendar"]["notices"] == [
        {"year": NEXT, "source": "illustration", "amends": False}
    ]
    assert document["summary"]["by_code"] == {"TIME014": 1}


def test_check_as_of_defaults_to_today_in_china(
    tiny: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_today", lambda: dt.date(2025, 12, 22))
    document = json.loads(shenpi("check", tiny["reference"], "--format", "json").out)
    assert document["as_of"] == "2025-12-22"


def test_today_is_the_day_in_china_standard_time() -> None:
    china = dt.timezone(dt.timedelta(hours=8))
    assert cli._today() in {
        dt.datetime.now(china).date(),
        (dt.datetime.now(china) - dt.timedelta(seconds=5)).date(),
    }


def test_select_and_ignore_work_as_in_ruff() -> None:
    argv = ["check", REFERENCE, "-a", CASES, "--as-of", AS_OF, "--format", "json"]
    document = json.loads(
        shenpi(*argv, "--select", "HALL", "--select", "TIME00", "--ignore", "HALL00,TIME004").out
    )
    assert set(document["summary"]["by_code"]) == {
        "TIME001",
        "TIME003",
        "TIME005",
        "TIME008",
        "TIME009",
    }
    assert document["select"] == ["HALL", "TIME00"]
    assert document["ignore"] == ["HALL00", "TIME004"]


def test_check_streams_the_cases(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The cases reach the rules as an iterator read one case at a time, from several
    # files (plain and gzip), never as a list.
    seen: dict[str, Any] = {}

    def spy(jurisdiction: Any, **options: Any) -> Any:
        cases = options["applications"]
        seen["type"] = type(cases)
        seen["first"] = next(iter(cases)).id
        return check(jurisdiction, **options)

    monkeypatch.setattr("shenpi.rules.check", spy)
    lines = case_lines()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    first.write_bytes(b"".join(lines[:101]))
    second.write_bytes(gzip.compress(b"".join(lines[:1] + lines[101:201])))
    run = shenpi(
        "check",
        REFERENCE,
        "-a",
        str(first),
        "-a",
        str(second),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    )
    assert seen["type"] is cli._Cases
    assert seen["first"] == "QL202401020000001"
    # the spy took the first case: the rest were checked
    assert json.loads(run.out)["summary"]["cases"] == 200


def test_check_reads_cases_from_stdin() -> None:
    cases = b"".join(case_lines()[:201])
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "shenpi",
            "check",
            REFERENCE,
            "-a",
            "-",
            "--as-of",
            AS_OF,
            "--select",
            "SEAL002",
            "--format",
            "json",
        ],
        input=cases,
        capture_output=True,
        check=False,
    )
    summary = json.loads(done.stdout)["summary"]
    assert summary["cases"] == 200
    assert done.returncode == (0 if summary["ok"] else 1), done.stderr


def test_check_shows_progress_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(text_io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0.0)
    monkeypatch.setattr(cli, "PROGRESS_INTERVAL", 0.0)
    out, err = text_io.StringIO(), Terminal()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", REFERENCE, "-a", CASES, "--as-of", AS_OF, "--select", "SEAL002"])
    assert code == 1
    progress = err.getvalue()
    assert "shenpi: reading applications.jsonl.gz" in progress
    assert "2,816 cases" in progress  # updated every 256 cases
    assert progress.endswith("\r\x1b[K")  # the line is cleared at the end
    assert "\r" not in out.getvalue()
    # not a terminal: quiet
    assert (
        shenpi("check", REFERENCE, "-a", CASES, "--as-of", AS_OF, "--select", "SEAL002").err == ""
    )


# ---------------------------------------------------------------------- the policy file
def test_policy_file_in_toml_changes_the_periods(tmp_path: Path) -> None:
    policy = tmp_path / "local.toml"
    policy.write_text(
        'complaint_limit = "10 workdays"\n[time]\nintake = { unit = "workdays", amount = 3 }\n',
        encoding="utf-8",
    )
    argv = [
        "check",
        REFERENCE,
        "-a",
        CASES,
        "--as-of",
        AS_OF,
        "--select",
        "SUP,TIME001",
        "--format",
        "json",
    ]
    default = json.loads(shenpi(*argv).out)
    changed = json.loads(shenpi(*argv, "--policy", str(policy)).out)
    assert default["summary"]["by_code"] == {"SUP001": 13, "TIME001": 76}
    assert changed["summary"]["by_code"] == {"SUP001": 8, "TIME001": 168}
    assert changed["policy"]["complaint_limit"] == {"unit": "workdays", "amount": 10}
    assert changed["policy"]["time"]["intake"] == {"unit": "workdays", "amount": 3}
    assert changed["policy"]["time"]["decision"] == {"unit": "workdays", "amount": 20}


def test_policy_file_in_json_reads_its_own_output(tmp_path: Path) -> None:
    argv = ["check", REFERENCE, "--as-of", AS_OF, "--select", "SUP", "--format", "json"]
    policy = json.loads(shenpi(*argv).out)["policy"]
    policy["complaint_limit"] = "7 days"
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(policy), encoding="utf-8")
    document = json.loads(shenpi(*argv, "--policy", str(path)).out)
    assert document["policy"]["complaint_limit"] == {"unit": "natural_days", "amount": 7}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            'complaint_limit = "10 weeks"',
            "complaint_limit='10 weeks': expected a period such as \"5 workdays\"",
        ),
        ("complaint_limit = 10", 'complaint_limit=10: give the unit, e.g. "10 workdays"'),
        ('complaint_limit = "2 hours"', "complaint_limit='2 hours'"),
        ('complaint_limit = { unit = "hours", amount = 3 }', "counted in days"),
        ('complaint_limit = "0 days"', "at least one day"),
        ('[time]\ndecisionx = "5 workdays"', "time.decisionx='5 workdays': unknown key"),
        ("colour = 1", "colour=1: unknown key: RulePolicy has no field colour"),
        (
            '[time]\nextensions_allowed = "two"',
            "time.extensions_allowed='two': expected a whole number",
        ),
        ("x = [", "is not valid TOML"),
        ("", "the file is empty"),
    ],
)
def test_bad_policy_files_are_refused_naming_the_key(
    tmp_path: Path, text: str, fragment: str
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(text + "\n" if text else "", encoding="utf-8")
    assert_refused(shenpi("check", REFERENCE, "--policy", str(policy)), str(policy), fragment)


def test_policy_file_must_be_toml_or_json(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("a: 1\n", encoding="utf-8")
    assert_refused(shenpi("check", REFERENCE, "--policy", str(policy)), ".toml or .json")


# ---------------------------------------------------------------------- bad input
@pytest.fixture
def bad(tmp_path: Path) -> dict[str, str]:
    files = {
        "empty.json": b"",
        "blank.json": b"  \n",
        "invalid.json": b'{"schema_version": 1,',
        "empty.jsonl": b"",
        "header.jsonl": b'{"schema_version":1,"kind":"shenpi.applications"}\n',
        "bad-date.jsonl": b'{"schema_version":1,"kind":"shenpi.applications"}\n'
        b'{"id":"a1","applicant":{"type":"person","name":"Z","identifier":"","identifier_kind":"other"},'
        b'"item_ids":["i1"],"channel":"window","events":[{"type":"submitted","on":"2025-02-30"}]}\n',
        "latin1.json": '{"name": "caf\xe9"}'.encode("latin-1"),
        "notice.toml": b"year = \n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = {name: str(tmp_path / name) for name in files}
    paths["missing"] = str(tmp_path / "missing.json")
    paths["folder"] = str(tmp_path)
    return paths


def test_a_missing_reference_file(bad: dict[str, str]) -> None:
    assert_refused(shenpi("check", bad["missing"]), bad["missing"], "No such file")


def test_a_folder_for_a_file(bad: dict[str, str]) -> None:
    assert_refused(shenpi("check", bad["folder"]), "is a directory")
    assert_refused(shenpi("check", REFERENCE, "-a", bad["folder"]), "is a directory")


@pytest.mark.parametrize("name", ["empty.json", "blank.json"])
def test_an_empty_reference_file(bad: dict[str, str], name: str) -> None:
    assert_refused(shenpi("check", bad[name]), bad[name], "the file is empty")


def test_an_invalid_json_reference(bad: dict[str, str]) -> None:
    assert_refused(shenpi("check", bad["invalid.json"]), "is not valid JSON")


def test_a_reference_that_is_not_utf8(bad: dict[str, str]) -> None:
    assert_refused(shenpi("check", bad["latin1.json"]), "is not UTF-8 text")


def test_a_file_of_cases_given_as_the_reference(tmp_path: Path) -> None:
    assert_refused(shenpi("check", CASES), "gzip-compressed", "--applications")
    plain = tmp_path / "cases.jsonl"
    plain.write_bytes(gzip.decompress(CITY.applications.read_bytes()))
    assert_refused(shenpi("check", str(plain)), "this is a file of cases", "-a")


def test_reference_data_given_as_cases(tmp_path: Path) -> None:
    one_line = tmp_path / "reference.jsonl"
    one_line.write_text(json.dumps(json.loads(CITY.reference.read_text("utf-8"))) + "\n", "utf-8")
    assert_refused(
        shenpi("check", REFERENCE, "-a", str(one_line)), "this is reference data", "REFERENCE"
    )


def test_an_empty_file_of_cases(bad: dict[str, str]) -> None:
    assert_refused(
        shenpi("check", REFERENCE, "-a", bad["empty.jsonl"]),
        bad["empty.jsonl"],
        "line 1: the file is empty",
    )


def test_a_file_of_cases_with_only_its_header_is_no_cases(bad: dict[str, str]) -> None:
    run = shenpi("check", REFERENCE, "-a", bad["header.jsonl"], "--as-of", AS_OF, "--select", "SUP")
    assert run.code == 0
    assert run.out.splitlines()[-1].endswith("in 0 cases; 1 rule found something")


def test_a_bad_case_names_its_file_line_and_field(bad: dict[str, str]) -> None:
    assert_refused(
        shenpi("check", REFERENCE, "-a", bad["bad-date.jsonl"]),
        "bad-date.jsonl: line 2: events[0].on='2025-02-30'",
    )


def test_a_bad_case_is_found_whichever_rules_run(bad: dict[str, str]) -> None:
    # World rules alone do not read the cases; the command still reads every file.
    assert_refused(
        shenpi("check", REFERENCE, "-a", bad["bad-date.jsonl"], "--select", "REFORM"), "line 2"
    )


def test_a_case_id_twice(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_bytes(b"".join(case_lines()[:2]))
    run = shenpi("check", REFERENCE, "-a", str(one), "-a", str(one))
    assert_refused(run, "line 2: id='QL202401020000001': another case has this id")


def test_a_damaged_gzip_file(tmp_path: Path) -> None:
    damaged = tmp_path / "cases.jsonl.gz"
    damaged.write_bytes(CITY.applications.read_bytes()[:5000])
    assert_refused(shenpi("check", REFERENCE, "-a", str(damaged)), "damaged")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--as-of", "2025-02-30"], "argument --as-of: '2025-02-30' is not a valid date"),
        (["--as-of", "20250301"], "is not a date in the form YYYY-MM-DD"),
        (["--as-of", "yesterday"], "is not a date in the form YYYY-MM-DD"),
        (["--select", "XYZ"], "--select 'XYZ': matches no rule code or family"),
        (["--select", "hall"], "codes are upper case: HALL"),
        (["--ignore", "HALL099"], "--ignore 'HALL099'"),
        (["--select", "HALL,"], "--select: empty rule code"),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["-a", "-", "-a", "-"], "stdin (-) can be read once"),
    ],
)
def test_bad_check_options(argv: list[str], fragment: str) -> None:
    assert_refused(shenpi("check", REFERENCE, *argv), fragment)


def test_no_command_or_an_unknown_one() -> None:
    assert_refused(shenpi(), "required: COMMAND")
    assert_refused(shenpi("chek"), "invalid choice: 'chek'")
    assert_refused(shenpi("check"), "required: REFERENCE", "see 'shenpi check --help'")


def test_a_bad_notice(bad: dict[str, str]) -> None:
    assert_refused(shenpi("calendar", "2025", "--notice", bad["missing"]), "No such file")
    assert_refused(
        shenpi("calendar", "2025", "--notice", bad["notice.toml"]), "is not valid JSON/TOML"
    )
    notice = str(ROOT / "examples" / "notices" / "2026.json")
    assert_refused(shenpi("calendar", "2025", "--notice", notice), "already covers 2026")


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_rules", interrupted)
    run = shenpi("rules")
    assert (run.code, run.out, run.err) == (130, "", "shenpi: interrupted\n")


def test_a_library_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from shenpi.errors import InvalidValue

    def refuses(*args: Any) -> int:
        raise InvalidValue("field", "x\ny", "is wrong\nhere.", "错误。", "do this.")

    monkeypatch.setattr(cli, "_cmd_rules", refuses)
    assert_refused(shenpi("rules"), "field='x\\ny': is wrong here. Fix: do this. (错误。)")


# ====================================================================== deadline
def test_deadlines_match_the_snapshot() -> None:
    text = transcript(
        [
            ["deadline", "2025-09-26", "20"],
            ["deadline", "2025-09-29", "12", "--suspend", "2025-10-13:2025-10-20:testing"],
            [
                "deadline",
                "2025-09-29",
                "12",
                "--suspend",
                "2025-10-13:2025-10-20:testing",
                "--lang",
                "zh",
            ],
            ["deadline", "2025-03-03", "20", "--extend", "10"],
            ["deadline", "2025-03-03", "20", "--extend", "10", "--extend-on", "2025-04-10"],
            ["deadline", "2025-09-01", "30", "--unit", "days"],
            ["deadline", "2025-09-30T16:45", "2", "--unit", "hours"],
            ["deadline", "2025-09-29", "12", "--suspend", "2025-10-13"],
            ["deadline", "2034-12-15", "20", "--provisional"],
            ["deadline", "2025-06-03", "5"],
        ]
    )
    assert_snapshot("deadline.txt", text)


@pytest.mark.parametrize(
    ("argv", "due"),
    [
        (["2025-09-26", "20"], "2025-10-30"),  # docs/timing.md: 国庆 + 中秋 do not count
        (["2025-03-03", "20", "--suspend", "2025-03-10:2025-03-17:expert_review"], "2025-04-08"),
        (
            [
                "2025-03-03",
                "20",
                "--suspend",
                "2025-03-10/2025-03-17",
                "--extend",
                "10",
                "--extend-on",
                "2025-04-01",
            ],
            "2025-04-22",
        ),
        (["2025-09-01", "30", "--unit", "days"], "2025-10-09"),
        (["2025-09-30T16:45", "2", "--unit", "hours"], "2025-10-09 10:15"),
        (["2025-09-30T16:45", "1.5", "--unit", "hours"], "2025-10-09 09:45"),
    ],
)
def test_deadline_due_days_agree_with_the_timing_docs(argv: list[str], due: str) -> None:
    run = shenpi("deadline", *argv)
    assert run.code == 0, run.err
    assert run.out.startswith(f"Due: {due} (")


def test_deadline_into_an_unannounced_year() -> None:
    assert_refused(
        shenpi("deadline", f"{LAST}-12-15", "20"),
        f"lies beyond {LAST}-12-31",
        "--notice FILE, or use --provisional",
    )
    run = shenpi("deadline", f"{LAST}-12-15", "20", "--provisional")
    assert run.out.startswith(f"Due: {NEXT}-01-")
    assert "provisional:" in run.out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["2025-13-01", "20"], "'2025-13-01' is not a valid date"),
        (["next monday", "20"], "is not a date in the form YYYY-MM-DD"),
        (["2025-10-01", "abc"], "LIMIT 'abc': expected a whole number of workdays"),
        (["2025-10-01", "0"], "LIMIT '0': a period is at least 1 workday"),
        (["2025-10-01", "1.5"], "LIMIT '1.5'"),
        (["2025-10-01", "2", "--unit", "hours"], "a limit in hours starts at a time of day"),
        (["2025-10-01T09:00", "2"], "a limit in days takes dates"),
        (["2025-10-01T09:00", "0.001", "--unit", "hours"], "at least one minute"),
        (["2025-10-01", "2", "--unit", "weeks"], "argument --unit: invalid choice: 'weeks'"),
        (["2025-10-01", "20", "--suspend", "soon"], "--suspend 'soon': expected S:R[:REASON]"),
        (
            ["2025-10-01", "20", "--suspend", "2025-10-13:2025-10-20:nap"],
            "'nap' is not a procedure",
        ),
        (["2025-10-01", "20", "--suspend", "2025-10-20:2025-10-13"], "resumes before it stops"),
        (["2025-10-01", "20", "--suspend", "2025-09-20:2025-10-13"], "before the clock's start"),
        (
            [
                "2025-10-01",
                "20",
                "--suspend",
                "2025-10-13:2025-10-20",
                "--suspend",
                "2025-10-15:2025-10-22",
            ],
            "overlap",
        ),
        (["2025-10-01", "20", "--extend-on", "2025-10-20"], "--extend-on needs --extend N"),
        (["2025-10-01", "20", "--extend", "x"], "--extend 'x'"),
        (["2025-10-01", "20", "--suspend", "2025-10-13", "--extend", "10"], "still suspended"),
        (["1990-10-01", "20"], "no working-day data for 1990-10-01"),
    ],
)
def test_bad_deadline_input(argv: list[str], fragment: str) -> None:
    assert_refused(shenpi("deadline", *argv), fragment)


# ====================================================================== calendar
def test_calendar_snapshots() -> None:
    assert_snapshot("calendar_2025.txt", shenpi("calendar", "2025").out)
    assert_snapshot("calendar_2026_zh.txt", shenpi("calendar", "2026", "--lang", "zh").out)
    assert_snapshot(
        "calendar_2035_provisional.txt", shenpi("calendar", "2035", "--provisional").out
    )


def test_calendar_marks_rest_and_make_up_days() -> None:
    run = shenpi("calendar", "2025")
    assert run.code == 0
    lines = run.out.splitlines()
    october = next(i for i, line in enumerate(lines) if "October 2025" in line)
    # October is the first grid of its row: columns 0-20.
    assert lines[october + 2][:21].rstrip() == "       1* 2* 3* 4* 5*"
    assert lines[october + 3][:21].rstrip() == " 6* 7* 8* 9 10 11+12"
    assert "  国庆节 National Day" in run.out
    assert "Data: chinese-calendar" in run.out
    assert "248 working days, 117 rest days." in run.out


def test_calendar_with_a_notice(tmp_path: Path) -> None:
    # An illustration, not a real notice: a week off, paid for by the weekend before it.
    monday = dt.date(NEXT, 2, 8) + dt.timedelta(days=-dt.date(NEXT, 2, 8).weekday() % 7)
    saturday, sunday = monday - dt.timedelta(days=2), monday - dt.timedelta(days=1)
    friday = monday + dt.timedelta(days=4)
    notice = tmp_path / "next.toml"
    notice.write_text(
        f'year = {NEXT}\npublished = {LAST}-11-20\nsource = "illustration"\n'
        f'[[holidays]]\nname = "春节"\nfrom = {monday}\nto = {friday}\n'
        f"workdays = [{saturday}, {sunday}]\n",
        encoding="utf-8",
    )
    run = shenpi("calendar", str(NEXT), "--notice", str(notice))
    assert run.code == 0
    assert "春节 Spring Festival" in run.out
    assert f"rest {monday:%m-%d} … {friday:%m-%d} (5 days)" in run.out
    assert f"working {saturday:%m-%d} (Sat), {sunday:%m-%d} (Sun)" in run.out
    assert f"Data: notice illustration (published {LAST}-11-20)." in run.out


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        ([str(NEXT)], f"no working-day data for {NEXT}: the calendar's data ends on {LAST}-12-31"),
        (["1999"], "no working-day data for 1999: the calendar's data starts on 2004-01-01"),
        (["2100", "--provisional"], "the projection stops there"),
        (["25"], "argument YEAR: '25' is not a year"),
        (["twenty"], "is not a year"),
        ([], "required: YEAR"),
    ],
)
def test_bad_calendar_input(argv: list[str], fragment: str) -> None:
    assert_refused(shenpi("calendar", *argv), fragment)


# ====================================================================== rules
def test_rules_list_matches_the_snapshot() -> None:
    run = shenpi("rules")
    assert run.code == 0
    assert_snapshot("rules.txt", run.out)
    assert len(run.out.splitlines()) == 1 + len(RuleSet.default()) + 2


def test_rules_as_json_and_selected() -> None:
    records = json.loads(shenpi("rules", "--format", "json").out)
    assert [r["code"] for r in records][:2] == ["HALL001", "HALL002"]
    assert len(records) == len(RuleSet.default())
    assert set(records[0]) == {
        "code",
        "name",
        "family",
        "severity",
        "scope",
        "basis",
        "message_en",
        "message_zh",
    }
    chosen = json.loads(
        shenpi("rules", "--select", "TIME", "--ignore", "TIME000", "--format", "json").out
    )
    assert [r["code"] for r in chosen] == [f"TIME{n:03}" for n in range(1, 16)]
    assert_refused(shenpi("rules", "--select", "NOPE"), "matches no rule code")


def test_rule_page_is_the_documented_page() -> None:
    run = shenpi("rule", "HALL001")
    assert run.code == 0
    assert run.out == (ROOT / "docs" / "rules" / "HALL001.md").read_text(encoding="utf-8")
    assert shenpi("rule", "time004").out.startswith("# TIME004: late-against-law\n")


def test_unknown_rule_codes() -> None:
    assert_refused(shenpi("rule", "XYZ"), "no rule has the code 'XYZ'", "'shenpi rules' lists them")
    assert_refused(shenpi("rule", "HALL099"), "did you mean HALL009")
    assert_refused(shenpi("rule", "HALL"), "'HALL' is a family of 10 rules")
    assert_refused(shenpi("rule"), "required: CODE")


# ====================================================================== demo
@pytest.fixture(scope="module")
def demo() -> Run:
    return shenpi("demo")


def test_demo_exits_0_and_matches_the_snapshot(demo: Run) -> None:
    assert demo.code == 0
    assert demo.err == ""
    assert_snapshot("demo.txt", demo.out)
    assert "917 findings (722 errors, 195 warnings) in 3,000 cases" in demo.out
    assert f"--as-of {AS_OF}" in demo.out


def test_demo_in_chinese() -> None:
    run = shenpi("demo", "--lang", "zh")
    assert run.code == 0
    assert_snapshot("demo_zh.txt", run.out)


def test_demo_points_to_a_check_that_runs(demo: Run) -> None:
    command = next(line for line in demo.out.splitlines() if "shenpi check " in line)
    argv = command.split()[2:]  # after "shenpi check"
    run = shenpi("check", *argv, "--format", "json")
    assert json.loads(run.out)["summary"]["findings"] == 917


# ====================================================================== real processes
def _script() -> Path:
    folder = Path(sys.executable).parent
    for name in ("shenpi", "shenpi.exe"):
        if (folder / name).is_file():
            return folder / name
    pytest.skip("the shenpi script is not installed beside this Python")


def test_python_dash_m_runs_the_demo(demo: Run) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "shenpi", "demo"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == demo.out


def test_the_script_exits_with_the_codes() -> None:
    script = str(_script())
    ok = subprocess.run(
        [script, "rules", "--select", "SUP"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0
    assert "SUP001" in ok.stdout
    refused = subprocess.run([script, "rule", "XYZ"], capture_output=True, text=True, check=False)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr.startswith("shenpi: error: no rule has the code 'XYZ'")
    findings = subprocess.run(
        [
            script,
            "check",
            REFERENCE,
            "--as-of",
            AS_OF,
            "--select",
            "FEE",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert findings.returncode == 1
    assert len(findings.stdout.splitlines()) == 2


def test_a_closed_pipe_is_not_a_traceback() -> None:
    # The reader is gone before the command writes (``shenpi rules | true``).
    with subprocess.Popen(
        [sys.executable, "-m", "shenpi", "rules"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        error = process.stderr.read()
        process.wait()
    assert process.returncode == 141
    assert error == b""


def test_a_closed_pipe_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(text_io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = text_io.StringIO()
    with contextlib.redirect_stdout(Closed()), contextlib.redirect_stderr(err):
        assert main(["rules"]) == 141
    assert err.getvalue() == ""


def test_importing_the_command_line_is_light() -> None:
    code = (
        "import sys, shenpi.cli\n"
        "heavy = {'chinese_calendar', 'lunardate', 'numpy', 'cattrs', 'hypothesis',\n"
        "         'shenpi.rules'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
