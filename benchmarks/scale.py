"""Benchmark: an audit of partitioned JSON Lines exports, one process against Dask.

The cases come from the example city generator, cached as in ``benchmarks/rules.py``
(``$TMPDIR/shenpi-bench-rules``): one city generated for the largest size, whose first N
cases are cut into plain JSON Lines partition files once for each size (10^5 cases in 8
files, 10^6 in 16), all audited against that city's reference data, so that only the
number of cases changes. Each measurement runs in a fresh interpreter, the two ways
interleaved ``--repeats`` times (default 3); times are medians:

* *one process*: ``shenpi.audit.audit_files(reference, files, processes=1)``, streaming
  every file in turn;
* *Dask*: ``shenpi.dask.check(reference, files, blocksize=10 MiB)`` on a
  ``distributed.LocalCluster`` of 2 worker processes (one thread each), with Dask's
  default configuration. Each file is cut into byte ranges of at most 10 MiB, so that a
  partition holds at most about 13,000 cases at every size (10^5: 8 files of 12,500
  cases, one partition each; 10^6: 16 files x 5 = 80 partitions), which is what keeps a
  worker's memory independent of the export's size. The cluster is started before the
  timer (a cluster is long-lived); its start-up time is printed apart.

Both audits must give the same report (compared by a digest). Peak memory: each
process's own ``ru_maxrss``; for Dask, each worker's, asked of the workers after the run,
and the client's (which holds the merged report).

Targets (2-core machine): Dask at least 1.6x faster than one process at 10^6 cases, and
the peak memory of a worker at 10^6 cases at most 1.2x that at 10^5. The exit status is
1 when a measured target is not met.

    python benchmarks/scale.py                 # 10^5 and 10^6, 3 runs each (~15 min)
    python benchmarks/scale.py --sizes 1e4 1e5 --repeats 1   # quicker
"""

# ruff: noqa: E402

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.realpath(__file__))
sys.path[:] = [p for p in sys.path if os.path.realpath(p or os.curdir) != _HERE]

import argparse
import gzip
import importlib.util
import json
import platform
import resource
import statistics
import time
from pathlib import Path
from typing import Any

ROOT = Path(_HERE).parent
BLOCKSIZE = 10 * 1024 * 1024
SPEEDUP_BOUND = 1.6
MEMORY_BOUND = 1.2
MB = 1024 * 1024


def _bench_rules() -> Any:
    """``benchmarks/rules.py`` as a module: its case cache and helpers."""
    spec = importlib.util.spec_from_file_location("shenpi_bench_rules", Path(_HERE) / "rules.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


rules = _bench_rules()


def files_for(size: int) -> int:
    return 8 if size <= 100_000 else 16


def partition(generated: Any, size: int) -> Path:
    """The first ``size`` cases of the city cut into ``files_for(size)`` plain JSON Lines
    files (cached); the folder holding them."""
    count = files_for(size)
    folder = generated.directory / f"parts-n{size}-{count}"
    done = folder / "done"
    if done.exists():
        return folder
    folder.mkdir(exist_ok=True)
    paths = [folder / f"part-{i:03d}.jsonl" for i in range(count)]
    print(f"cutting {size:,} cases into {count} files ...", file=sys.stderr, flush=True)
    with gzip.open(generated.cases, "rb") as stream:
        header = next(stream)
        per_file = -(-size // count)
        outs = [p.open("wb") for p in paths]
        try:
            for out in outs:
                out.write(header)
            for number, line in enumerate(stream):
                if number == size:
                    break
                outs[min(number // per_file, count - 1)].write(line)
        finally:
            for out in outs:
                out.close()
    done.write_text("")
    return folder


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    """This process's CPU time so far, user and system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker(mode: str, folder: Path, size: int) -> dict[str, Any]:
    """One measurement in this fresh interpreter: ``folder`` holds the partition files,
    its parent the city's reference data."""
    from shenpi import io as sio

    reference = sio.load_reference(folder.parent / "reference.json")
    calendar = rules.audit_calendar()
    paths = sorted(folder.glob("part-*.jsonl"))
    as_of = rules.AS_OF
    result: dict[str, Any] = {"files": len(paths)}
    if mode == "single":
        from shenpi.audit import audit_files

        started, cpu = time.perf_counter(), cpu_seconds()
        audit = audit_files(reference, paths, as_of=as_of, calendar=calendar, processes=1)
        result["seconds"] = time.perf_counter() - started
        result["cpu"] = cpu_seconds() - cpu
        result["peak_rss"] = peak_rss()
        result["partitions"] = len(paths)
    else:
        from distributed import Client, LocalCluster

        import shenpi.dask

        started = time.perf_counter()
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            result["cluster_start"] = time.perf_counter() - started
            before = client.run(cpu_seconds)
            started, cpu = time.perf_counter(), cpu_seconds()
            outcome = shenpi.dask.check(
                reference, paths, as_of=as_of, calendar=calendar, blocksize=BLOCKSIZE
            )
            result["seconds"] = time.perf_counter() - started
            result["cpu"] = cpu_seconds() - cpu  # the client, hosting the scheduler
            after = client.run(cpu_seconds)
            result["worker_cpu"] = sum(after[w] - before[w] for w in before)
            workers = client.run(peak_rss)
            result["worker_rss"] = sorted(workers.values())
        audit = outcome.audit
        result["peak_rss"] = peak_rss()
        result["partitions"] = outcome.partitions
    if audit.errors:
        raise SystemExit(f"{len(audit.errors)} lines not audited: {audit.errors[0]}")
    result.update(
        cases=audit.case_count, findings=len(audit.findings), digest=rules.digest(audit.findings)
    )
    return result


def measure(mode: str, folder: Path, size: int) -> dict[str, Any]:
    argv = [sys.executable, __file__, "--worker", mode, str(folder), str(size)]
    load = os.getloadavg()[0]
    out, _, _ = rules.run_child(argv)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["load"] = (load, os.getloadavg()[0])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=rules.size_arg, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=rules.DEFAULT_SEED)
    parser.add_argument("--cache", type=Path, default=rules.CACHE)
    parser.add_argument("--repeats", type=int, default=3, help="interleaved runs of each")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        mode, directory, size = args.worker
        print(json.dumps(worker(mode, Path(directory), int(size))))
        return 0

    import dask
    import distributed

    print("# shenpi audits: one process against Dask (2 worker processes)\n")
    print(f"- {rules.versions()}, dask {dask.__version__}, distributed {distributed.__version__}")
    print(f"- {platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s)")
    print(
        f"- example city, seed {args.seed}, as_of {rules.AS_OF}, every rule; plain JSON Lines "
        f"files, cut by Dask into partitions of at most {BLOCKSIZE // MB} MiB; each "
        "measurement in a fresh interpreter\n"
    )
    sizes = sorted(args.sizes)
    # One city, the largest: every size audits its first N cases against the same
    # reference data (which holds the complaints, and grows with a generated city).
    generated = rules.city(args.seed, sizes[-1], args.cache, regenerate=False)
    print(
        f"- the city generated for {sizes[-1]:,} cases; each size is its first N cases; "
        f"reference data {(generated.directory / 'reference.json').stat().st_size / MB:.1f} MB "
        "of JSON, the same for every size"
    )
    print(
        f"- {args.repeats} interleaved runs of each (one process, Dask, one process, …); "
        "times are medians, memory the largest seen\n"
    )
    rows = []
    for size in sizes:
        folder = partition(generated, size)
        singles, dasks = [], []
        for run in range(args.repeats):
            print(f"measuring {size:,} cases, run {run + 1} ...", file=sys.stderr, flush=True)
            singles.append(measure("single", folder, size))
            dasks.append(measure("dask", folder, size))
        for m in (*singles, *dasks):
            if m["cases"] != size:
                raise SystemExit(f"expected {size} cases, read {m['cases']}")
        rows.append((size, singles, dasks))

    print(
        "| cases | files | Dask partitions | one process (s) | Dask, 2 workers (s) "
        "| speedup | cluster start (s) | peak RSS one process (MB) "
        "| peak RSS per worker (MB) | client peak RSS (MB) | same report |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for size, singles, dasks in rows:
        single_s = statistics.median(m["seconds"] for m in singles)
        dask_s = statistics.median(m["seconds"] for m in dasks)
        worker_peak = max(r for m in dasks for r in m["worker_rss"])
        digests = {m["digest"] for m in (*singles, *dasks)}
        same = "yes" if len(digests) == 1 else "NO"
        print(
            f"| {size:,} | {singles[0]['files']} | {dasks[0]['partitions']} | {single_s:.1f} "
            f"| {dask_s:.1f} | {single_s / dask_s:.2f}× "
            f"| {statistics.median(m['cluster_start'] for m in dasks):.1f} "
            f"| {max(m['peak_rss'] for m in singles) / MB:,.0f} | {worker_peak / MB:,.0f} "
            f"| {max(m['peak_rss'] for m in dasks) / MB:,.0f} "
            f"| {same} ({singles[0]['findings']:,}) |"
        )
    print()
    for size, singles, dasks in rows:
        print(
            f"- {size:,} cases, each run: one process "
            + ", ".join(f"{m['seconds']:.1f}" for m in singles)
            + " s; Dask "
            + ", ".join(f"{m['seconds']:.1f}" for m in dasks)
            + " s; worker peaks "
            + ", ".join("/".join(f"{r / MB:.0f}" for r in m["worker_rss"]) for m in dasks)
            + " MB"
        )
    print(
        "\nCPU time at each size (medians): one process; the Dask workers together; the "
        "client, which hosts the LocalCluster's scheduler\n"
    )
    print("| cases | one process (s) | Dask workers (s) | workers / one process | client (s) |")
    print("|---:|---:|---:|---:|---:|")
    for size, singles, dasks in rows:
        one = statistics.median(m["cpu"] for m in singles)
        workers = statistics.median(m["worker_cpu"] for m in dasks)
        client_cpu = statistics.median(m["cpu"] for m in dasks)
        print(f"| {size:,} | {one:.1f} | {workers:.1f} | {workers / one:.2f}× | {client_cpu:.1f} |")
    loads = [x for _, singles, dasks in rows for m in (*singles, *dasks) for x in m["load"]]
    print(f"\n1-minute load average around the measurements: {min(loads):.2f} to {max(loads):.2f}")
    size, singles, _ = rows[-1]
    per_case = statistics.median(m["seconds"] for m in singles) / size
    print(
        f"\nOne process: {per_case * 1e6:.0f} µs a case at {size:,} cases; "
        f"10^8 cases would take {per_case * 1e8 / 3600:.1f} core-hours.\n"
    )

    ok = True
    print("## Targets\n")
    print("| target | measured | met |")
    print("|---|---:|---|")
    by_size = {size: (singles, dasks) for size, singles, dasks in rows}
    if 1_000_000 in by_size:
        singles, dasks = by_size[1_000_000]
        speedup = statistics.median(m["seconds"] for m in singles) / statistics.median(
            m["seconds"] for m in dasks
        )
        met = speedup >= SPEEDUP_BOUND
        ok &= met
        print(
            f"| Dask (2 workers) ≥ {SPEEDUP_BOUND}× one process at 1,000,000 cases (medians) "
            f"| {speedup:.2f}× | {'yes' if met else 'NO'} |"
        )
    if 100_000 in by_size and 1_000_000 in by_size:
        small = max(r for m in by_size[100_000][1] for r in m["worker_rss"])
        large = max(r for m in by_size[1_000_000][1] for r in m["worker_rss"])
        met = large <= MEMORY_BOUND * small
        ok &= met
        print(
            f"| peak worker memory at 10^6 ≤ {MEMORY_BOUND}× that at 10^5 "
            f"| {large / MB:,.0f} MB / {small / MB:,.0f} MB = {large / small:.2f}× "
            f"| {'yes' if met else 'NO'} |"
        )
    for _, singles, dasks in rows:
        ok &= len({m["digest"] for m in (*singles, *dasks)}) == 1
    print()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
