"""Benchmark: ``shenpi.rules.check`` with every rule over 10^4, 10^5 and 10^6 cases.

The cases come from the example city generator (``examples/make_city.py --applications N
--gzip``), generated once per seed and size into a cache under the system's temporary
folder (``shenpi-bench-rules/seed<seed>-n<size>-<generator hash>``) and reused by later
runs. Each size is then measured in fresh interpreters, so that the peak resident memory
(``ru_maxrss``) of one measurement is not that of another:

* *parse only*: ``sum(1 for _ in iter_applications(path))``, reading and validating the
  gzip JSON Lines stream and nothing else;
* *check on the stream*: ``check(reference, as_of=2026-12-31, calendar=...,
  applications=iter_applications(path))``, what a user runs on an export; the stream is
  wrapped in an iterator that adds up the time spent inside it, which splits the check
  into parsing and the rest (rules, engine, final sort);
* *check on a list*: the cases read into a list first (not timed), then ``check`` on the
  list: the cost of the rules alone, and the memory of the cases held at once. Run when
  the previous size's memory per case says the list fits in half the available memory;
* *on every core* (``--processes``, default the CPU count; 1 skips it):
  ``shenpi.audit.audit_files(reference, path, processes=N, ...)``, the same audit shared
  between N worker processes, each reading the whole file, parsing and checking every
  N-th case (``iter_applications(path, shard=(i, N))``); world rules run once, and the
  findings are sorted into the report's order.

The three checks must give the same findings (compared by a digest of the reports).

``reference.json`` is loaded before any timer starts; every rule is selected (``check``
with no ``select``), world rules included. The calendar is
``WorkCalendar.official(unannounced="statutory")``: the generated complaints run to the
last days of 2026 and SUP001 counts their 5 working days into 2027, which the default
calendar cannot answer (SUP001 would give way to a TIME000 finding, or, in engines that
do not guard world rules, ``CalendarDataMissing`` would escape ``check``); with the
projection every rule judges everything. Times are the best of ``--repeats`` runs
(default: 3 up to 10^4 cases, 1 above), ``time.perf_counter``, garbage collector as
Python leaves it.

The targets: the check on the stream grows linearly (10^6 cases at most 12x the time of
10^5), and an audit of 10^6 cases takes at most 120 s on a 2-core machine, parsing
included (``audit_files`` on the machine's cores; the single-process time is reported
beside it). The exit status is 1 when a target that was measured is not met.

``--profile`` adds, on one size (default 10^4, in memory): the top functions under cProfile
for the check and for the parsing, and the time of each rule inside the check (the rules
wrapped through ``check(rules=...)``; a rule that first asks a case for its clocks pays
for computing them, the rules after it read them from the case).

Run it from the project root::

    python benchmarks/rules.py --profile          # 10^4, 10^5, 10^6 (first run ~20 min)
    python benchmarks/rules.py --quick            # 10^3 and 10^4
    python benchmarks/rules.py --sizes 10000 100000 --processes 1
    python benchmarks/rules.py --seed 7 --regenerate
"""

# ruff: noqa: E402

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder heads ``sys.path``, and ``benchmarks/calendar.py``
# would shadow the standard-library ``calendar`` that importlib.metadata imports. Drop the
# folder before importing anything that needs it.
_HERE = os.path.dirname(os.path.realpath(__file__))
sys.path[:] = [p for p in sys.path if os.path.realpath(p or os.curdir) != _HERE]

import argparse
import cProfile
import datetime as dt
import hashlib
import importlib.metadata
import io
import json
import platform
import pstats
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(_HERE).parent
GENERATOR = ROOT / "examples" / "make_city.py"
CACHE = Path(tempfile.gettempdir()) / "shenpi-bench-rules"
DEFAULT_SEED = 2008
AS_OF = dt.date(2026, 12, 31)
FULL_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000, 10_000)
RATIO_BOUND = 12.0
SECONDS_BOUND = 120.0
BOUND_SIZE = 1_000_000
CASES = "applications.jsonl.gz"
MB = 1024 * 1024


# ---------------------------------------------------------------------- results
@dataclass
class Generated:
    """One cached city: where it is and what generating it cost (once)."""

    directory: Path
    seconds: float
    peak_rss: int
    cached: bool

    @property
    def cases(self) -> Path:
        return self.directory / CASES


@dataclass
class Size:
    """Everything measured for one number of cases."""

    size: int
    generated: Generated
    parse: dict[str, Any] = field(default_factory=dict)
    stream: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] | None = None
    memory_skipped: str = ""
    sharded: dict[str, Any] | None = None


# ---------------------------------------------------------------------- the cases
def generator_hash() -> str:
    """The first 10 hex digits of the generator's SHA-256: a new generator, a new cache."""
    return hashlib.sha256(GENERATOR.read_bytes()).hexdigest()[:10]


def run_child(argv: Sequence[str]) -> tuple[str, int, float]:
    """Run ``argv``; its standard output, its own peak RSS (bytes) and its wall time."""
    started = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.PIPE, cwd=ROOT, text=True) as child:
        assert child.stdout is not None
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)} failed with exit code {child.returncode}")
    return out, usage.ru_maxrss * 1024, seconds


def city(seed: int, size: int, cache: Path, regenerate: bool) -> Generated:
    """The cached city of ``seed`` and ``size``, generated with the example generator if
    missing (written to a scratch folder, moved into place when complete)."""
    directory = cache / f"seed{seed}-n{size}-{generator_hash()}"
    meta = directory / "generated.json"
    if regenerate and directory.exists():
        shutil.rmtree(directory)
    if meta.exists() and (directory / CASES).exists():
        data = json.loads(meta.read_text())
        return Generated(directory, data["seconds"], data["peak_rss"], cached=True)
    cache.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f"{directory.name}.", suffix=".partial", dir=cache))
    print(f"generating {size:,} cases (seed {seed}) ...", file=sys.stderr, flush=True)
    argv = [sys.executable, str(GENERATOR), "--seed", str(seed), "--applications", str(size)]
    try:
        _, peak, seconds = run_child([*argv, "--gzip", "--out", str(scratch)])
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    (scratch / "generated.json").write_text(
        json.dumps({"seed": seed, "applications": size, "seconds": seconds, "peak_rss": peak})
    )
    if directory.exists():
        shutil.rmtree(directory)
    scratch.rename(directory)
    return Generated(directory, seconds, peak, cached=False)


# ---------------------------------------------------------------------- the workers
class Timed:
    """An iterator that adds up the time spent producing its items."""

    def __init__(self, items: Iterable[Any]) -> None:
        self._items = iter(items)
        self.seconds = 0.0
        self.count = 0

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        started = time.perf_counter()
        try:
            item = next(self._items)
        finally:
            self.seconds += time.perf_counter() - started
        self.count += 1
        return item


def audit_calendar() -> Any:
    """The official calendar, projecting the statutory holidays after its last year: a
    complaint received in the last days of 2026 has its due day in 2027 (SUP001)."""
    from shenpi.calendar import WorkCalendar

    return WorkCalendar.official(unannounced="statutory")


def peak_rss() -> int:
    """This process's peak resident memory so far, in bytes (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def digest(findings: Iterable[Any]) -> str:
    """A short fingerprint of a report's findings, to compare the ways of running."""
    sha = hashlib.sha256()
    for finding in findings:
        sha.update(repr(finding).encode())
    return sha.hexdigest()[:12]


def worker(mode: str, directory: Path, repeats: int, processes: int) -> dict[str, Any]:
    """One measurement in this (fresh) interpreter; the result as a JSON-ready dict."""
    from shenpi import io as sio
    from shenpi.rules import RuleSet, check

    path = directory / CASES
    reference = sio.load_reference(directory / "reference.json")
    calendar = audit_calendar()
    result: dict[str, Any] = {"rss_reference": peak_rss(), "rules": len(RuleSet.default())}
    times: list[float] = []
    report: Any = None
    if mode == "parse":
        for _ in range(repeats):
            started = time.perf_counter()
            result["cases"] = sum(1 for _ in sio.iter_applications(path))
            times.append(time.perf_counter() - started)
    elif mode == "stream":
        parse_times: list[float] = []
        for _ in range(repeats):
            report = None
            stream = Timed(sio.iter_applications(path))
            started = time.perf_counter()
            report = check(reference, as_of=AS_OF, calendar=calendar, applications=stream)
            times.append(time.perf_counter() - started)
            parse_times.append(stream.seconds)
            result["cases"] = stream.count
        result["parse_in_check"] = parse_times[times.index(min(times))]
    elif mode == "memory":
        cases = list(sio.iter_applications(path))
        result.update(cases=len(cases), rss_loaded=peak_rss())
        for _ in range(repeats):
            report = None
            started = time.perf_counter()
            report = check(reference, as_of=AS_OF, calendar=calendar, applications=cases)
            times.append(time.perf_counter() - started)
    elif mode == "sharded":
        from shenpi.audit import audit_files

        for _ in range(repeats):
            report = None
            started = time.perf_counter()
            audit = audit_files(
                reference, path, as_of=AS_OF, calendar=calendar, processes=processes
            )
            times.append(time.perf_counter() - started)
            report = audit.report
            if audit.errors:
                raise SystemExit(f"{len(audit.errors)} lines not audited: {audit.errors[0]}")
        result["processes"] = processes
        result["rss_child"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    else:
        raise SystemExit(f"unknown worker mode {mode!r}")
    result["seconds"] = min(times)
    result["peak_rss"] = peak_rss()
    if report is not None:
        result.update(
            findings=len(report), codes=len(report.counts()), digest=digest(report.findings)
        )
    return result


def measure(mode: str, generated: Generated, repeats: int, processes: int = 1) -> dict[str, Any]:
    """Run one worker; its result, with the 1-minute load average before and after it
    (other work on the machine shows there)."""
    argv = [sys.executable, __file__, "--worker", mode, str(generated.directory)]
    load = os.getloadavg()[0]
    out, _, _ = run_child([*argv, "--repeats", str(repeats), "--processes", str(processes)])
    result: dict[str, Any] = json.loads(out)
    result["load"] = (load, os.getloadavg()[0])
    return result


# ---------------------------------------------------------------------- memory guard
def available_memory() -> int:
    """``MemAvailable`` from /proc/meminfo in bytes (0 when unknown)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def memory_fits(size: int, done: Sequence[Size]) -> tuple[bool, str]:
    """Whether holding ``size`` cases in a list is expected to fit in half the available
    memory, judged from the largest smaller size measured in memory."""
    measured = [s for s in done if s.memory is not None and s.size < size]
    if not measured:
        return size <= 100_000, "no smaller size measured in memory"
    last = measured[-1]
    assert last.memory is not None
    per_case = (last.memory["peak_rss"] - last.memory["rss_reference"]) / last.size
    expected = last.memory["rss_reference"] + per_case * size
    budget = available_memory() / 2
    why = (
        f"expected peak {expected / MB:,.0f} MB ({per_case / 1024:.1f} KiB a case at "
        f"{last.size:,}) against half the available memory, {budget / MB:,.0f} MB"
    )
    return expected <= budget, why


# ---------------------------------------------------------------------- profile
def profile(generated: Generated, top: int) -> None:
    """cProfile of the check and of the parsing, and each rule's time inside the check."""
    import attrs

    from shenpi import io as sio
    from shenpi.rules import RuleSet, check

    reference = sio.load_reference(generated.directory / "reference.json")
    calendar = audit_calendar()
    cases = list(sio.iter_applications(generated.cases))
    check(reference, as_of=AS_OF, calendar=calendar, applications=cases[:100])
    size = len(cases)

    def stats(profiler: cProfile.Profile, title: str, total: float) -> None:
        for order in ("tottime", "cumulative"):
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(top)
            body = text.getvalue()
            lines = body[body.index("   ncalls") :].rstrip().splitlines()
            lines = [line.replace(str(ROOT) + "/", "") for line in lines]
            print(f"### {title}: top {top} by {order} (unprofiled {total:.2f} s)\n")
            print("```text")
            print("\n".join(lines))
            print("```\n")

    started = time.perf_counter()
    check(reference, as_of=AS_OF, calendar=calendar, applications=cases)
    plain = unprofiled = time.perf_counter() - started
    profiler = cProfile.Profile()
    profiler.runcall(check, reference, as_of=AS_OF, calendar=calendar, applications=cases)
    print(f"## Profile: check on {size:,} cases in a list\n")
    stats(profiler, "check", unprofiled)

    started = time.perf_counter()
    sum(1 for _ in sio.iter_applications(generated.cases))
    unprofiled = time.perf_counter() - started
    profiler = cProfile.Profile()
    profiler.runcall(lambda: sum(1 for _ in sio.iter_applications(generated.cases)))
    print(f"## Profile: iter_applications on {size:,} cases (gzip)\n")
    stats(profiler, "parse", unprofiled)

    def timed(
        spent: dict[str, float], code: str, func: Callable[[Any], Iterable[Any]]
    ) -> Callable[[Any], list[Any]]:
        def run(view: Any) -> list[Any]:
            started = time.perf_counter()
            try:
                return list(func(view))
            finally:
                spent[code] = spent.get(code, 0.0) + time.perf_counter() - started

        run.__doc__ = func.__doc__
        return run

    def timed_run(ruleset: Any) -> tuple[float, Any]:
        check(reference, as_of=AS_OF, calendar=calendar, applications=cases[:100], rules=ruleset)
        started = time.perf_counter()
        report = check(reference, as_of=AS_OF, calendar=calendar, applications=cases, rules=ruleset)
        return time.perf_counter() - started, report

    def nothing(_: Any) -> tuple[()]:
        return ()

    builtin = RuleSet.default()
    spent: dict[str, float] = {}
    bias: dict[str, float] = {}
    rules = RuleSet(tuple(attrs.evolve(r, check=timed(spent, r.code, r.check)) for r in builtin))
    idle = RuleSet(tuple(attrs.evolve(r, check=timed(bias, r.code, nothing)) for r in builtin))
    engine, _ = timed_run(RuleSet(tuple(attrs.evolve(r, check=nothing) for r in builtin)))
    timed_run(idle)
    bias.clear()
    timed_run(idle)
    timed_run(rules)
    spent.clear()
    total, report = timed_run(rules)
    counts = report.counts()
    print(f"## Time of each rule inside check ({size:,} cases in a list)\n")
    print(
        f"check: {plain:.2f} s without timers, {total:.2f} s with each rule wrapped in one. "
        "A rule's time is its timer's total less what the same timer reports around a rule "
        "that does nothing; the engine's is the time of check with every rule doing nothing "
        f"({engine:.2f} s: the views, a generator and a list per rule and case, the sort).\n"
    )
    print("| rule | scope | time (ms) | µs per case | share of check | findings |")
    print("|---|---|---:|---:|---:|---:|")
    scope = {r.code: r.scope for r in builtin}
    net = {code: max(seconds - bias.get(code, 0.0), 0.0) for code, seconds in spent.items()}
    rows = [*sorted(net.items(), key=lambda kv: -kv[1]), ("engine", engine)]
    for code, seconds in rows:
        print(
            f"| {code} | {scope.get(code, '')} | {seconds * 1000:,.1f} "
            f"| {seconds / size * 1e6:.2f} | {seconds / plain:.1%} "
            f"| {counts.get(code, 0) if code in scope else ''} |"
        )
    print(
        f"| sum | | {sum(net.values()) * 1000 + engine * 1000:,.1f} "
        f"| {(sum(net.values()) + engine) / size * 1e6:.2f} "
        f"| {(sum(net.values()) + engine) / plain:.1%} | |\n"
    )


# ---------------------------------------------------------------------- report
def versions() -> str:
    names = ["shenpi", "attrs", "cattrs", "chinese-calendar"]
    found = ", ".join(f"{n} {importlib.metadata.version(n)}" for n in names)
    return f"Python {platform.python_version()}, {found}"


def ratio(current: float, previous: float | None) -> str:
    return "" if previous is None else f"{current / previous:.2f}×"


def same(result: dict[str, Any], stream: dict[str, Any]) -> str:
    if result["digest"] == stream["digest"]:
        return f"yes ({result['findings']:,})"
    return f"NO ({result['findings']:,} against {stream['findings']:,})"


def print_tables(results: Sequence[Size]) -> None:
    print("## check on the stream (every rule, parse included)\n")
    print(
        "| cases | generate (s, once) | parse only (s) | check on stream (s) "
        "| of which parsing (s) | rules and engine (s) | µs per case | peak RSS (MB) "
        "| × previous size | findings |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    previous: float | None = None
    for r in results:
        g, s = r.generated, r.stream
        rules_s = s["seconds"] - s["parse_in_check"]
        cached = " (cached)" if g.cached else ""
        print(
            f"| {r.size:,} | {g.seconds:.1f}{cached} | {r.parse['seconds']:.2f} "
            f"| {s['seconds']:.2f} | {s['parse_in_check']:.2f} | {rules_s:.2f} "
            f"| {s['seconds'] / r.size * 1e6:.1f} | {s['peak_rss'] / MB:,.0f} "
            f"| {ratio(s['seconds'], previous)} | {s['findings']:,} |"
        )
        previous = s["seconds"]
    print()
    print("## check on a list (cases read first, not timed)\n")
    print(
        "| cases | RSS with cases loaded (MB) | check on list (s) | µs per case "
        "| peak RSS (MB) | × previous size | same findings as the stream |"
    )
    print("|---:|---:|---:|---:|---:|---:|---|")
    previous = None
    for r in results:
        m = r.memory
        if m is None:
            print(f"| {r.size:,} | not run: {r.memory_skipped} | | | | | |")
            previous = None
            continue
        print(
            f"| {r.size:,} | {m['rss_loaded'] / MB:,.0f} | {m['seconds']:.2f} "
            f"| {m['seconds'] / r.size * 1e6:.1f} | {m['peak_rss'] / MB:,.0f} "
            f"| {ratio(m['seconds'], previous)} | {same(m, r.stream)} |"
        )
        previous = m["seconds"]
    print()
    sharded = [r for r in results if r.sharded is not None]
    if sharded:
        count = sharded[0].sharded["processes"] if sharded[0].sharded else 0
        print(f"## audit_files over {count} processes (parse included)\n")
        print(
            "| cases | audit_files (s) | µs per case | × previous size "
            "| single process / sharded | peak RSS, largest process (MB) "
            "| same findings as the stream |"
        )
        print("|---:|---:|---:|---:|---:|---:|---|")
        previous = None
        for r in sharded:
            h = r.sharded
            assert h is not None
            largest = max(h["peak_rss"], h["rss_child"])
            print(
                f"| {r.size:,} | {h['seconds']:.2f} | {h['seconds'] / r.size * 1e6:.1f} "
                f"| {ratio(h['seconds'], previous)} | {r.stream['seconds'] / h['seconds']:.2f}× "
                f"| {largest / MB:,.0f} | {same(h, r.stream)} |"
            )
            previous = h["seconds"]
        print()
    last = results[-1]
    print(
        f"Sanity: {last.stream['rules']} rules selected; at {last.size:,} cases, "
        f"{last.stream['codes']} rule codes have findings. Generator peak RSS: "
        + ", ".join(f"{r.size:,}: {r.generated.peak_rss / MB:,.0f} MB" for r in results)
        + ".\n"
    )
    runs = [m for r in results for m in (r.parse, r.stream, r.memory, r.sharded) if m]
    loads = [x for m in runs for x in m["load"]]
    print(
        f"1-minute load average around the measurements: {min(loads):.2f} to {max(loads):.2f} "
        "(a long single-process measurement takes it towards 1, the sharded check towards 2; "
        "more means other work shared the machine).\n"
    )


def print_targets(results: Sequence[Size]) -> bool:
    by_size = {r.size: r for r in results}
    rows: list[tuple[str, str, bool | None]] = []
    for r in results:
        smaller = by_size.get(r.size // 10)
        if r.size % 10 or smaller is None:
            continue
        growth = r.stream["seconds"] / smaller.stream["seconds"]
        rows.append(
            (
                f"check on stream: {r.size:,} ≤ {RATIO_BOUND:g}× {smaller.size:,}",
                f"{growth:.2f}×",
                growth <= RATIO_BOUND,
            )
        )
    big = by_size.get(BOUND_SIZE)
    bound = f"{BOUND_SIZE:,} cases ≤ {SECONDS_BOUND:g} s"
    if big is None:
        rows.append((f"audit of {bound}", "not run", None))
    else:
        if big.sharded is not None:
            processes = big.sharded["processes"]
            seconds = big.sharded["seconds"]
            rows.append(
                (
                    f"audit of {bound} (audit_files, {processes} processes, parse included)",
                    f"{seconds:.1f} s",
                    seconds <= SECONDS_BOUND,
                )
            )
        else:
            rows.append((f"audit of {bound} (audit_files on the CPUs)", "not run", None))
        seconds = big.stream["seconds"]
        rows.append(
            (
                f"(information) one process, check on stream, {bound}",
                f"{seconds:.1f} s",
                seconds <= SECONDS_BOUND,
            )
        )
        rules_s = seconds - big.stream["parse_in_check"]
        rows.append(
            (
                f"(information) one process, rules and engine alone, {bound}",
                f"{rules_s:.1f} s",
                rules_s <= SECONDS_BOUND,
            )
        )
    print("## Targets\n")
    print("| target | measured | met |")
    print("|---|---:|---|")
    for name, value, met in rows:
        print(f"| {name} | {value} | {'—' if met is None else 'yes' if met else 'NO'} |")
    print()
    return all(met is not False for name, _, met in rows if not name.startswith("(information)"))


# ---------------------------------------------------------------------- main
def size_arg(text: str) -> int:
    """A number of cases: ``100000``, ``100_000`` or ``1e5``."""
    value = float(text.replace("_", ""))
    if value != int(value) or value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text}")
    return int(value)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^3 and 10^4 cases only")
    parser.add_argument("--sizes", type=size_arg, nargs="+", help="numbers of cases")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the city")
    parser.add_argument("--repeats", type=int, help="runs per measurement (best is kept)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where generated cases live")
    parser.add_argument("--regenerate", action="store_true", help="ignore cached cases")
    parser.add_argument(
        "--profile",
        type=size_arg,
        nargs="?",
        const=10_000,
        metavar="SIZE",
        help="profile check and parsing on SIZE cases (default 10^4)",
    )
    parser.add_argument("--top", type=int, default=20, help="profile entries to show")
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="processes of the sharded check (default: the CPUs; 1: skip it)",
    )
    parser.add_argument("--worker", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        mode, directory = args.worker
        print(json.dumps(worker(mode, Path(directory), args.repeats or 1, args.processes)))
        return 0
    sizes = sorted(set(args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)))

    print("# shenpi.rules.check: time and memory by number of cases\n")
    print(f"- {versions()}")
    memory = available_memory()
    print(
        f"- {platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s), "
        f"{memory / 2**30:.1f} GiB available"
    )
    print(
        f"- example city, seed {args.seed}, gzip JSON Lines cached in {args.cache}; "
        f"as_of {AS_OF}; every rule selected; each measurement in a fresh interpreter\n"
    )
    results: list[Size] = []
    for size in sizes:
        repeats = args.repeats or (3 if size <= 10_000 else 1)
        generated = city(args.seed, size, args.cache, args.regenerate)
        result = Size(size, generated)
        print(f"measuring {size:,} cases ...", file=sys.stderr, flush=True)
        result.parse = measure("parse", generated, repeats)
        result.stream = measure("stream", generated, repeats)
        fits, why = memory_fits(size, results)
        if fits:
            result.memory = measure("memory", generated, repeats)
        else:
            result.memory_skipped = why
        if args.processes > 1:
            result.sharded = measure("sharded", generated, repeats, args.processes)
        if result.parse["cases"] != size or result.stream["cases"] != size:
            raise SystemExit(f"expected {size} cases, read {result.stream['cases']}")
        results.append(result)
    print_tables(results)
    met = print_targets(results)
    if args.profile:
        generated = city(args.seed, args.profile, args.cache, regenerate=False)
        profile(generated, args.top)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
