"""Benchmark: a year of the example city (10^5 cases) simulated with ``shenpi.sim``.

What is timed (``time.perf_counter``, median of ``--repeats`` runs, seeds 0, 1, ...):

* *simulate*: ``simulate(Scenario.example_city(cases_per_year=N), seed)`` for 2025: the
  arrivals, the SimPy queues at every department's windows and reviewers, and writing
  every case as a validated ``Application`` with its events, complaints and labels (read
  from each case's ``shenpi.timeline.Timeline``); the result is a ``Jurisdiction`` ready
  for the rules.

Reported once beside it: building the scenario (loading and calibrating on the city),
the supervision analytics of the run (``result.analysis``: timelines, completions and
alerts of every case) and ``result.check()`` (every rule). The target: *simulate* under
30 s on the 2-core reference machine; the exit status is 1 when it is missed.

Run it from the project root::

    python benchmarks/sim.py                    # 10^5 cases a year, 3 runs
    python benchmarks/sim.py --cases 20000 --repeats 5
    python benchmarks/sim.py --profile          # the top functions of one run
"""

# ruff: noqa: E402

from __future__ import annotations

import os
import sys

# Run as a script, this folder heads ``sys.path`` and ``benchmarks/calendar.py`` would
# shadow the standard library's ``calendar``; drop the folder before importing anything.
_HERE = os.path.dirname(os.path.realpath(__file__))
sys.path[:] = [p for p in sys.path if os.path.realpath(p or os.curdir) != _HERE]

import argparse
import cProfile
import datetime as dt
import io
import platform
import pstats
import statistics
import time

from shenpi.sim import Scenario, simulate

TARGET_SECONDS = 30.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases a year")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    started = time.perf_counter()
    scenario = Scenario.example_city(
        start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), cases_per_year=args.cases
    )
    print(f"scenario (load and calibrate the city): {time.perf_counter() - started:.2f} s")

    times = []
    counts = []
    result = None
    for seed in range(args.repeats):
        started = time.perf_counter()
        result = simulate(scenario, seed=seed)
        times.append(time.perf_counter() - started)
        counts.append(len(result.world.applications))
        print(f"  seed {seed}: {counts[-1]:,} cases in {times[-1]:.2f} s")
    assert result is not None
    median = statistics.median(times)
    per_case = statistics.median(t / n for t, n in zip(times, counts, strict=True) if n)
    print(
        f"simulate a year at {args.cases:,} cases/year: median {median:.2f} s over "
        f"{args.repeats} runs ({statistics.median(counts):,.0f} cases, "
        f"{1e6 * per_case:.0f} µs per case)"
    )

    started = time.perf_counter()
    metrics = result.metrics()
    print(
        f"analytics of the run (every case's timeline and alerts): "
        f"{time.perf_counter() - started:.2f} s; on time {metrics['on_time_rate']:.1%}"
    )
    started = time.perf_counter()
    report = result.check()
    print(
        f"check (every rule): {time.perf_counter() - started:.2f} s, "
        f"{len(report):,} findings, {len(report.errors):,} errors"
    )

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        simulate(scenario, seed=0)
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())

    met = median < TARGET_SECONDS
    print(f"target: simulate under {TARGET_SECONDS:.0f} s: {'met' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
