"""Benchmark: "+20 working days" with ``shenpi.calendar`` against its peers.

What it measures, all in one run on the same seeded start dates (uniform in
2010-01-01..2026-10-31, so that +20 working days stays inside the 2026 data):

* scalar, per call: ``WorkCalendar.add_workdays(d, 20)`` (the baseline) against a naive
  day-by-day loop over ``chinese_calendar.is_workday``, ``holidays.China`` (built once) and its
  ``get_nth_working_day``, ``workalendar.asia.China().add_working_days`` (only on start dates
  in 2018-01-01..2023-11-30, the years it knows) and ``numpy.busday_offset`` with a prebuilt
  ``numpy.busdaycalendar`` whose holidays are every rest day of the calendar (weekmask
  ``1111111``: the only way NumPy can express 调休, make-up working Saturdays);
* vectorized, per call on 1,000,000 dates: ``WorkCalendar.add_workdays_array(arr, 20)``
  against ``numpy.busday_offset(arr, 20, ...)`` with the same busdaycalendar.

Correctness comes first: before any timing every peer's answers are compared with shenpi's,
and disagreements are counted, printed and traced back to the days on which the two
calendars' data differ.

Timing: batches over the whole list of start dates (repeated within a batch until it lasts
about 20 ms), ``time.perf_counter_ns``, garbage collector off during a batch; the repeats of
the implementations are interleaved round-robin so machine noise hits them alike; the
figure reported is the median over repeats of batch time / calls.

Run it from the project root::

    python benchmarks/calendar.py            # full run (about 10 s on 2 cores)
    python benchmarks/calendar.py --quick    # fewer dates and repeats
    python benchmarks/calendar.py --seed 7   # other start dates
"""

# ruff: noqa: E402

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder heads ``sys.path`` and the file, named ``calendar.py``,
# would shadow the standard-library ``calendar`` that importlib.metadata, holidays and
# workalendar import. Drop the folder before importing any of them.
_HERE = os.path.dirname(os.path.realpath(__file__))
sys.path[:] = [p for p in sys.path if os.path.realpath(p or os.curdir) != _HERE]

import argparse
import datetime as dt
import gc
import importlib.metadata
import math
import platform
import statistics
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import chinese_calendar
import holidays
import numpy as np
from workalendar.asia import China as WorkalendarChina

from shenpi.calendar import WorkCalendar

STEPS = 20
FIRST_START = dt.date(2010, 1, 1)
LAST_START = dt.date(2026, 10, 31)
WORKALENDAR_FIRST = dt.date(2018, 1, 1)
WORKALENDAR_LAST = dt.date(2023, 11, 30)
WORKALENDAR_DATA = (dt.date(2018, 1, 1), dt.date(2023, 12, 31))
CHINESE_CALENDAR = "chinese_calendar.is_workday"
HOLIDAYS = "holidays China.is_working_day"
WORKALENDAR = "workalendar China.is_working_day"
MAKEUP_SATURDAY = dt.date(2025, 10, 11)  # worked, for the National Day holiday of 2025
BATCH_TARGET_NS = 20_000_000
VECTOR_SAMPLE = 10_000
ONE_DAY = dt.timedelta(days=1)

Batch = Callable[[Sequence[Any]], None]
Answer = Callable[[Any], dt.date]


@dataclass(frozen=True)
class Config:
    """Sizes of one run."""

    scalar_dates: int
    naive_dates: int
    array_size: int
    repeats: int
    vector_repeats: int


FULL = Config(scalar_dates=2000, naive_dates=200, array_size=1_000_000, repeats=7, vector_repeats=7)
QUICK = Config(scalar_dates=300, naive_dates=40, array_size=100_000, repeats=3, vector_repeats=3)


@dataclass(frozen=True)
class Scalar:
    """One scalar implementation: its timed loop, its answer for one date, and its inputs."""

    name: str
    scope: str
    starts: Sequence[dt.date]
    inputs: Sequence[Any]
    answer: Answer
    batch: Batch
    # The day-by-day comparison that explains disagreements; None when the peer is built
    # from the same data as shenpi, so that any disagreement is a failure.
    data: str | None


@dataclass(frozen=True)
class Agreement:
    """Answers compared with shenpi's; each disagreement is (start, shenpi, peer)."""

    total: int
    differ: list[tuple[dt.date, dt.date, dt.date]]

    def __str__(self) -> str:
        same, differ = self.total - len(self.differ), len(self.differ)
        return f"{same}/{self.total} agree" + (f", {differ} differ" if differ else "")


# ---------------------------------------------------------------------- start dates
def draw_starts(rng: np.random.Generator, size: int) -> list[dt.date]:
    """``size`` dates drawn uniformly in FIRST_START..LAST_START."""
    ordinals = rng.integers(FIRST_START.toordinal(), LAST_START.toordinal() + 1, size=size)
    return [dt.date.fromordinal(int(o)) for o in ordinals]


def draw_array(rng: np.random.Generator, size: int) -> np.ndarray:
    """``size`` dates as ``datetime64[D]``, same distribution as :func:`draw_starts`."""
    first, last = np.datetime64(FIRST_START, "D"), np.datetime64(LAST_START, "D")
    days = rng.integers(first.astype(np.int64), last.astype(np.int64) + 1, size=size)
    return days.astype("datetime64[D]")


# ---------------------------------------------------------------------- the peers
def naive_add_workdays(d: dt.date, n: int) -> dt.date:
    """The n-th working day strictly after ``d``, one ``chinese_calendar.is_workday`` a day."""
    counted = 0
    while counted < n:
        d += ONE_DAY
        if chinese_calendar.is_workday(d):
            counted += 1
    return d


def rest_day_calendar(cal: WorkCalendar) -> np.busdaycalendar:
    """Every day of the coverage a busday except the calendar's rest days (so 调休 works)."""
    first, last = cal.coverage
    days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    rest = [d for d in days if not cal.is_workday(d)]
    return np.busdaycalendar(weekmask="1111111", holidays=np.array(rest, dtype="datetime64[D]"))


def shenpi_batch(cal: WorkCalendar) -> Batch:
    add = cal.add_workdays

    def run(dates: Sequence[dt.date]) -> None:
        for d in dates:
            add(d, STEPS)

    return run


def naive_batch() -> Batch:
    def run(dates: Sequence[dt.date]) -> None:
        for d in dates:
            naive_add_workdays(d, STEPS)

    return run


def holidays_batch(china: holidays.HolidayBase) -> Batch:
    nth = china.get_nth_working_day

    def run(dates: Sequence[dt.date]) -> None:
        for d in dates:
            nth(d, STEPS)

    return run


def workalendar_batch(china: WorkalendarChina) -> Batch:
    add = china.add_working_days

    def run(dates: Sequence[dt.date]) -> None:
        for d in dates:
            add(d, STEPS)

    return run


def numpy_batch(bc: np.busdaycalendar) -> Batch:
    offset = np.busday_offset

    def run(dates: Sequence[np.datetime64]) -> None:
        for d in dates:
            offset(d, STEPS, roll="backward", busdaycal=bc)

    return run


def numpy_answer(bc: np.busdaycalendar) -> Answer:
    def answer(d: np.datetime64) -> dt.date:
        result: dt.date = np.busday_offset(d, STEPS, roll="backward", busdaycal=bc).item()
        return result

    return answer


def build_scalars(
    cal: WorkCalendar,
    starts: list[dt.date],
    naive_count: int,
    china_h: holidays.HolidayBase,
    china_w: WorkalendarChina,
    bc: np.busdaycalendar,
) -> list[Scalar]:
    """The five implementations, each with the start dates it is timed on."""
    naive = starts[:naive_count]
    known = [d for d in starts if WORKALENDAR_FIRST <= d <= WORKALENDAR_LAST]
    as64 = [np.datetime64(d, "D") for d in starts]
    every = f"all {len(starts)}"
    return [
        Scalar(
            "shenpi `cal.add_workdays(d, 20)`",
            every,
            starts,
            starts,
            lambda d: cal.add_workdays(d, STEPS),
            shenpi_batch(cal),
            data=None,
        ),
        Scalar(
            "naive loop over `chinese_calendar.is_workday`",
            f"first {len(naive)}",
            naive,
            naive,
            lambda d: naive_add_workdays(d, STEPS),
            naive_batch(),
            data=None,
        ),
        Scalar(
            "holidays `China(years=2004..2026).get_nth_working_day(d, 20)`",
            every,
            starts,
            starts,
            lambda d: china_h.get_nth_working_day(d, STEPS),
            holidays_batch(china_h),
            data=HOLIDAYS,
        ),
        Scalar(
            "workalendar `China().add_working_days(d, 20)`",
            f"{len(known)} in {WORKALENDAR_FIRST}..{WORKALENDAR_LAST}",
            known,
            known,
            lambda d: china_w.add_working_days(d, STEPS),
            workalendar_batch(china_w),
            data=WORKALENDAR,
        ),
        Scalar(
            "numpy `busday_offset(d, 20, roll='backward', busdaycal=bc)`",
            every,
            starts,
            as64,
            numpy_answer(bc),
            numpy_batch(bc),
            data=None,
        ),
    ]


# ---------------------------------------------------------------------- correctness
def day_differences(
    cal: WorkCalendar, is_working: Callable[[dt.date], bool], first: dt.date, last: dt.date
) -> list[dt.date]:
    """Days in first..last on which a peer's working-day flag differs from shenpi's."""
    days = (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
    return [d for d in days if bool(is_working(d)) != cal.is_workday(d)]


def agreement(cal: WorkCalendar, impl: Scalar) -> Agreement:
    differ = []
    for start, given in zip(impl.starts, impl.inputs, strict=True):
        ours, theirs = cal.add_workdays(start, STEPS), impl.answer(given)
        if ours != theirs:
            differ.append((start, ours, theirs))
    return Agreement(len(impl.starts), differ)


def check_explained(agreed: Agreement, data_diffs: Sequence[dt.date], name: str) -> None:
    """Every disagreement must span a day on which the two calendars' data differ."""
    for start, ours, theirs in agreed.differ:
        end = max(ours, theirs)
        if not any(start < day <= end for day in data_diffs):
            raise AssertionError(f"{name}: {start} + {STEPS} gives {theirs}, shenpi {ours}")


def check_vectorized(cal: WorkCalendar, arr: np.ndarray, bc: np.busdaycalendar) -> int:
    """shenpi's array result equals numpy's everywhere and its own scalar one on a sample."""
    ours = cal.add_workdays_array(arr, STEPS)
    theirs = np.busday_offset(arr, STEPS, roll="backward", busdaycal=bc)
    assert ours.dtype == np.dtype("datetime64[D]"), ours.dtype
    assert np.array_equal(ours, theirs), "add_workdays_array differs from numpy.busday_offset"
    sample = min(VECTOR_SAMPLE, arr.size)
    for day, got in zip(arr[:sample].tolist(), ours[:sample].tolist(), strict=True):
        assert cal.add_workdays(day, STEPS) == got, (day, got)
    return sample


def print_data_differences(cal: WorkCalendar, china_h: Any, china_w: Any) -> dict[str, list]:
    first, last = cal.coverage
    peers = {
        CHINESE_CALENDAR: (chinese_calendar.is_workday, first, last),
        HOLIDAYS: (china_h.is_working_day, first, last),
        WORKALENDAR: (china_w.is_working_day, *WORKALENDAR_DATA),
    }
    print("## Day-by-day data compared with `cal.is_workday`\n")
    found = {}
    for name, (is_working, lo, hi) in peers.items():
        diffs = day_differences(cal, is_working, lo, hi)
        found[name] = diffs
        print(f"- {name}, {lo}..{hi}: {len(diffs)} day(s) differ" + (":" if diffs else ""))
        for d in diffs:
            ours = "working" if cal.is_workday(d) else "rest"
            theirs = "working" if is_working(d) else "rest"
            print(f"  - {d} ({d:%a}): shenpi {ours} day, peer {theirs} day")
    saturday = {
        "shenpi": cal.is_workday(MAKEUP_SATURDAY),
        "holidays": china_h.is_working_day(MAKEUP_SATURDAY),
        "chinese_calendar": chinese_calendar.is_workday(MAKEUP_SATURDAY),
    }
    print(f"- make-up Saturday {MAKEUP_SATURDAY} is a working day for: {saturday}\n")
    assert all(saturday.values()), saturday
    return found


def print_agreement(cal: WorkCalendar, impls: Sequence[Scalar], diffs: dict[str, list]) -> None:
    print(f"## Agreement with shenpi on +{STEPS} working days (checked before timing)\n")
    for impl in impls[1:]:
        agreed = agreement(cal, impl)
        print(f"- {impl.name}: {agreed}")
        for start, ours, theirs in agreed.differ[:5]:
            print(f"  - {start} + {STEPS}: shenpi {ours}, peer {theirs}")
        if impl.data is None:
            assert not agreed.differ, f"{impl.name} disagrees with shenpi"
            continue
        check_explained(agreed, diffs[impl.data], impl.name)
        if agreed.differ:
            print("  - every disagreement spans a day listed above (data, not arithmetic)")
    print()


# ---------------------------------------------------------------------- timing
def time_batch(batch: Batch, inputs: Sequence[Any], loops: int) -> float:
    """Nanoseconds per call of one batch: ``loops`` passes over ``inputs``, gc off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter_ns()
        for _ in range(loops):
            batch(inputs)
        elapsed = time.perf_counter_ns() - start
    finally:
        if enabled:
            gc.enable()
    return elapsed / (loops * len(inputs))


def calibrate(batch: Batch, inputs: Sequence[Any]) -> int:
    """Passes per batch so that a batch lasts about BATCH_TARGET_NS."""
    once = time_batch(batch, inputs, 1) * len(inputs)
    return max(1, math.ceil(BATCH_TARGET_NS / max(once, 1.0)))


def round_robin(jobs: Sequence[Callable[[], float]], repeats: int) -> list[list[float]]:
    """Run the jobs' repeats interleaved, starting each round one job later."""
    samples: list[list[float]] = [[] for _ in jobs]
    for r in range(repeats):
        for k in range(len(jobs)):
            i = (r + k) % len(jobs)
            samples[i].append(jobs[i]())
    return samples


def time_scalars(impls: Sequence[Scalar], repeats: int) -> list[float]:
    """Median ns per call of each implementation."""
    loops = [calibrate(impl.batch, impl.inputs) for impl in impls]
    jobs = [
        (lambda impl=impl, n=n: time_batch(impl.batch, impl.inputs, n))
        for impl, n in zip(impls, loops, strict=True)
    ]
    return [statistics.median(s) for s in round_robin(jobs, repeats)]


def time_vectorized(
    cal: WorkCalendar, arr: np.ndarray, bc: np.busdaycalendar, repeats: int
) -> tuple[float, float]:
    """Median ns per whole-array call: shenpi, then numpy."""

    def ours() -> float:
        return time_batch(lambda a: cal.add_workdays_array(a[0], STEPS), [arr], 1)

    def theirs() -> float:
        return time_batch(
            lambda a: np.busday_offset(a[0], STEPS, roll="backward", busdaycal=bc), [arr], 1
        )

    ours()
    theirs()
    shenpi_ns, numpy_ns = (statistics.median(s) for s in round_robin([ours, theirs], repeats))
    return shenpi_ns, numpy_ns


# ---------------------------------------------------------------------- report
def versions() -> str:
    names = ["numpy", "chinese-calendar", "holidays", "workalendar", "shenpi"]
    found = ", ".join(f"{n} {importlib.metadata.version(n)}" for n in names)
    return f"Python {platform.python_version()}, {found}"


def print_scalar_table(impls: Sequence[Scalar], medians: Sequence[float]) -> None:
    base = medians[0]
    print(f"## Scalar: +{STEPS} working days, one call per start date\n")
    print("| implementation | start dates timed | per-call median (µs) | peer / shenpi |")
    print("|---|---|---:|---:|")
    for impl, ns in zip(impls, medians, strict=True):
        print(f"| {impl.name} | {impl.scope} | {ns / 1000:.3f} | {ns / base:,.1f}× |")
    print(
        f"\nworkalendar supports 2018-2023 only: its start dates are restricted to "
        f"{WORKALENDAR_FIRST}..{WORKALENDAR_LAST}. Ratios divide by shenpi's median over all "
        "start dates (its cost does not depend on the date).\n"
    )


def print_vector_table(size: int, shenpi_ns: float, numpy_ns: float) -> None:
    print(f"## Vectorized: +{STEPS} working days on {size:,} dates (datetime64[D])\n")
    print("| implementation | per-call median (ms) | per element (ns) | peer / shenpi |")
    print("|---|---:|---:|---:|")
    rows = [
        ("shenpi `cal.add_workdays_array(arr, 20)`", shenpi_ns),
        ("numpy `busday_offset(arr, 20, roll='backward', busdaycal=bc)`", numpy_ns),
    ]
    for name, ns in rows:
        print(f"| {name} | {ns / 1e6:.2f} | {ns / size:.2f} | {ns / shenpi_ns:,.1f}× |")
    print()


def print_targets(medians: Sequence[float], shenpi_ns: float, numpy_ns: float) -> None:
    shenpi, naive, numpy_scalar = medians[0], medians[1], medians[4]
    targets = [
        ("scalar: shenpi ≥ 5× faster than numpy prebuilt busdaycalendar", numpy_scalar / shenpi, 5),
        ("scalar: shenpi ≥ 500× faster than naive chinese_calendar loop", naive / shenpi, 500),
        ("vectorized: shenpi ≥ 10× faster than numpy.busday_offset", numpy_ns / shenpi_ns, 10),
    ]
    print("## Targets\n")
    print("| target | measured | met |")
    print("|---|---:|---|")
    for name, ratio, goal in targets:
        print(f"| {name} | {ratio:,.1f}× | {'yes' if ratio >= goal else 'NO'} |")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer dates and repeats")
    parser.add_argument("--seed", type=int, default=20250101, help="seed of the start dates")
    return parser.parse_args(argv)


_COLD_PROBE = """
import time
t0 = time.perf_counter()
import shenpi
t1 = time.perf_counter()
from shenpi.calendar import WorkCalendar
t2 = time.perf_counter()
WorkCalendar.official()
t3 = time.perf_counter()
WorkCalendar.official()
t4 = time.perf_counter()
print(t1 - t0, t3 - t2, t4 - t3)
"""


def measure_cold_start(runs: int) -> tuple[float, float, float]:
    """Median ms over fresh interpreters: ``import shenpi``, first ``official()``, cached."""
    import subprocess

    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _COLD_PROBE], capture_output=True, text=True, check=True
        )
        samples.append([float(x) * 1000 for x in out.stdout.split()])
    columns = list(zip(*samples, strict=True))
    return (
        statistics.median(columns[0]),
        statistics.median(columns[1]),
        statistics.median(columns[2]),
    )


def print_cold_start(runs: int) -> tuple[float, float]:
    import_ms, build_ms, cached_ms = measure_cold_start(runs)
    print(f"## Cold start (median of {runs} fresh interpreters)\n")
    print("| step | median (ms) |")
    print("|---|---:|")
    print(f"| `import shenpi` (reads no calendar data) | {import_ms:.1f} |")
    print(
        "| first `WorkCalendar.official()` (reads chinese-calendar, builds tables) "
        f"| {build_ms:.1f} |"
    )
    print(f"| second `WorkCalendar.official()` (cached) | {cached_ms * 1000:.1f} µs |")
    print()
    return import_ms, build_ms


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    config = QUICK if args.quick else FULL
    warnings.filterwarnings("ignore", category=UserWarning, module=r"workalendar\b")
    rng = np.random.default_rng(args.seed)
    starts = draw_starts(rng, config.scalar_dates)
    arr = draw_array(rng, config.array_size)

    cal = WorkCalendar.official()
    china_h = holidays.China(years=range(2004, 2027))
    china_w = WorkalendarChina()
    bc = rest_day_calendar(cal)
    impls = build_scalars(cal, starts, config.naive_dates, china_h, china_w, bc)

    print(f"# shenpi.calendar: +{STEPS} working days\n")
    print(f"- {versions()}")
    print(f"- {platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s)")
    print(
        f"- seed {args.seed}; start dates uniform in {FIRST_START}..{LAST_START}; "
        f"calendar coverage {cal.coverage[0]}..{cal.coverage[1]}; {config.repeats} repeats "
        f"(vectorized {config.vector_repeats}), round-robin, median of batch time / calls\n"
    )
    diffs = print_data_differences(cal, china_h, china_w)
    print_agreement(cal, impls, diffs)
    sampled = check_vectorized(cal, arr, bc)
    print(
        f"- vectorized: `add_workdays_array` equals `numpy.busday_offset` on all {arr.size:,} "
        f"dates and `add_workdays` on the first {sampled:,}\n"
    )

    medians = time_scalars(impls, config.repeats)
    shenpi_ns, numpy_ns = time_vectorized(cal, arr, bc, config.vector_repeats)
    print_scalar_table(impls, medians)
    print_vector_table(arr.size, shenpi_ns, numpy_ns)
    _, build_ms = print_cold_start(3 if args.quick else 9)
    print_targets(medians, shenpi_ns, numpy_ns)
    met = "yes" if build_ms < 20 else "NO"
    print(f"| first `WorkCalendar.official()` under 20 ms | {build_ms:.1f} ms | {met} |")


if __name__ == "__main__":
    main()
