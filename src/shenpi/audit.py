"""Audits of exported files: the rules over JSON Lines cases, in one process or several.

The reference data (hall, catalogue, letters, seals, fees) is small and shared; each case
is judged on its own against it. So an export can be read a case at a time, and shared
between processes, with the same report as one pass over a snapshot::

    from shenpi.audit import check_files
    from shenpi.io import load_reference

    report = check_files(load_reference("reference.json"), ["cases.jsonl.gz"],
                         as_of=date(2026, 12, 31), processes=2)

This module sits above :mod:`shenpi.rules` and :mod:`shenpi.io` (it reads files and starts
processes); the rules themselves do no I/O.
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from shenpi.calendar import WorkCalendar
from shenpi.errors import InvalidType, InvalidValue
from shenpi.io import StrPath, iter_applications
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import Finding, Plan, Report, RulePolicy, RuleSet, plan

__all__ = ["check_files"]


# Each worker process's plan, set once by the pool's initializer.
_WORKER_PLAN: Plan | None = None


def _start_worker(chosen: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = chosen


def _check_shard(path: StrPath, shard: tuple[int, int]) -> list[Finding]:
    chosen = _WORKER_PLAN
    assert chosen is not None, "the pool's initializer sets the plan"
    found: list[Finding] = []
    for case in iter_applications(path, shard=shard):
        found.extend(chosen.case_findings(case))
    return found


def _check_processes(processes: int | None) -> int:
    if processes is None:
        return os.cpu_count() or 1
    if isinstance(processes, bool) or not isinstance(processes, int):
        raise InvalidType(
            "processes", processes, "expected a whole number or None.", "应为整数或 None。"
        )
    if processes < 1:
        raise InvalidValue(
            "processes", processes, "expected at least 1 process.", "进程数至少为 1。"
        )
    return processes


def check_files(
    jurisdiction: Jurisdiction,
    paths: StrPath | Sequence[StrPath],
    *,
    as_of: _dt.date,
    processes: int | None = 1,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
) -> Report:
    """Audit the reference data ``jurisdiction`` with the cases of JSON Lines files: the
    same report as :func:`~shenpi.rules.check` on a snapshot holding all those cases.

    ``paths`` is one path or several (``.jsonl``, or ``.jsonl.gz``). With
    ``processes=1`` (the default) the cases are streamed in this process, one at a time.
    With more (``None``: one per CPU), every file is shared between that many worker
    processes (:func:`~shenpi.io.iter_applications` with ``shard=``): each parses and
    judges only its share of the lines, with the plan (reference data, calendar, rules)
    sent to each worker once. The world rules run once, here; the report is sorted as
    ``check`` sorts it, so it does not depend on ``processes``.

    Raises:
        FormatError: a line of a file is not a valid case (``field`` names the line).
        InvalidValue: ``processes`` is less than 1.
    """
    files = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    workers = _check_processes(processes)
    chosen = plan(
        jurisdiction,
        as_of=as_of,
        select=select,
        ignore=ignore,
        policy=policy,
        calendar=calendar,
        rules=rules,
    )
    findings = chosen.world_findings()
    if chosen.case_rules and files:
        if workers == 1:
            for path in files:
                for case in iter_applications(path):
                    findings.extend(chosen.case_findings(case))
        else:
            findings.extend(_in_processes(chosen, files, workers))
    findings.sort(key=Finding.sort_key)
    return Report(tuple(findings), chosen.ctx.as_of)


def _in_processes(
    chosen: Plan, files: list[StrPath], workers: int, context: Any = None
) -> Iterator[Finding]:
    # Every file in ``workers`` shards, so the processes stay busy to the end whatever
    # the files' sizes. The platform's default start method unless told: the plan pickles.
    context = multiprocessing.get_context() if context is None else context
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(chosen,)
    ) as pool:
        futures = [
            pool.submit(_check_shard, path, (i, workers)) for path in files for i in range(workers)
        ]
        for future in futures:
            yield from future.result()
