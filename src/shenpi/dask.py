"""Audits on Dask: a folder of partitioned JSON Lines exports, one report, any scheduler.

Needs the ``dask`` extra (``pip install 'shenpi[dask]'``: dask, distributed, pandas)::

    from distributed import Client
    import shenpi.dask
    from shenpi.io import load_reference

    client = Client("tcp://scheduler:8786")          # or none: Dask's default scheduler
    result = shenpi.dask.check(load_reference("reference.json"), "cases/*.jsonl",
                               as_of=date(2026, 12, 31))
    result.report                 # every finding, as shenpi.rules.check reports them
    result.errors                 # lines that are not valid cases, with file and line
    result.departments            # a pandas DataFrame, one row per department

The pipeline is :mod:`shenpi.audit`'s, run by Dask: the plan (reference data, calendar,
policy, rules) is built once and shipped to the workers once (scattered with
``broadcast=True`` to a distributed cluster, a single graph key otherwise); each
partition (a file, or one of ``splits`` shares of a file) is audited by
:func:`shenpi.audit.audit_partition` on a worker; the partial audits are gathered as
they finish and merged where :func:`check` was called, so no worker ever holds more than
its own partition's result. :func:`audits` gives the same pipeline as a lazy Dask bag
of partial audits, to fold or write out on the cluster.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from shenpi.audit import (
    DEPARTMENT_COLUMNS,
    Audit,
    LineError,
    audit_tasks,
    partitions,
    world_audit,
)
from shenpi.calendar import WorkCalendar
from shenpi.errors import MissingDependency
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import Plan, Report, RulePolicy, RuleSet, plan

__all__ = ["DaskAudit", "audits", "check", "partitions"]


@attrs.frozen
class DaskAudit:
    """The result of :func:`check`: the merged :class:`~shenpi.audit.Audit` and its
    per-department table as a pandas DataFrame."""

    audit: Audit
    departments: Any
    """``pandas.DataFrame`` of :meth:`Audit.departments` (one row per department)."""
    partitions: int
    """How many partitions were audited."""

    @property
    def report(self) -> Report:
        """Every finding, in the report's order."""
        return self.audit.report

    @property
    def errors(self) -> tuple[LineError, ...]:
        """The lines not audited (bad lines, case ids used twice)."""
        return self.audit.errors

    def _repr_html_(self) -> str:
        return self.audit._repr_html_()


def _audit(
    chosen: Plan, path: str, shard: tuple[int, int], fail_fast: bool, duplicates: bool
) -> Audit:
    (audit,) = audit_tasks(chosen, [(path, shard)], fail_fast=fail_fast, count_ids=duplicates)
    return audit


def _audit_part(
    part: tuple[str, tuple[int, int]], chosen: Plan, fail_fast: bool, duplicates: bool
) -> Audit:
    return _audit(chosen, part[0], part[1], fail_fast, duplicates)


def _world(chosen: Plan) -> list[Audit]:
    return [world_audit(chosen)]


def audits(
    jurisdiction: Jurisdiction,
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    as_of: _dt.date,
    splits: int = 1,
    blocksize: int | None = None,
    fail_fast: bool = False,
    duplicates: bool = True,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
) -> Any:
    """The audit as a lazy ``dask.bag.Bag`` of partial :class:`~shenpi.audit.Audit`
    values, for pipelines of your own: the world audit (the reference data's findings)
    in the first bag partition, then one audit per partition of the files (``paths``,
    ``splits`` and ``blocksize`` as in :func:`check`). Nothing runs until it is
    computed. The plan is one key of the graph, sent to each worker that needs it.

    ``bag.fold(Audit.merge).compute().finish()`` is :func:`check`'s audit, merged in a
    tree on the workers. At a size where the findings are too many to gather, keep them
    on the cluster: ``bag.map(lambda a: a.report.to_records()).flatten()`` is a bag of
    finding records to write out from the workers (``.map(json.dumps).to_textfiles(...)``),
    ``bag.map(Audit.departments).flatten()`` the per-department rows, small enough to
    gather and add up, and ``bag.map(lambda a: a.ids).flatten().frequencies()`` counts the
    case ids for the duplicate-id check (see ``docs/scale.md``).

    Raises:
        MissingDependency: dask is not installed.
        InvalidValue: as :func:`shenpi.audit.partitions`.
    """
    MissingDependency.require("dask", "dask")
    chosen = plan(
        jurisdiction,
        as_of=as_of,
        select=select,
        ignore=ignore,
        policy=policy,
        calendar=calendar,
        rules=rules,
    )
    return _bag(chosen, partitions(paths, splits, blocksize=blocksize), fail_fast, duplicates)


def _bag(
    chosen: Plan, parts: list[tuple[str, tuple[int, int]]], fail_fast: bool, duplicates: bool
) -> Any:
    dask = MissingDependency.require("dask", "dask")
    bag = MissingDependency.require("dask.bag", "dask")
    shared = dask.delayed(chosen, pure=True)
    world = bag.from_delayed([dask.delayed(_world, pure=True)(shared)])
    cases = bag.from_sequence(parts, npartitions=len(parts)).map(
        _audit_part, shared, fail_fast, duplicates
    )
    return bag.concat([world, cases])


def _active_client() -> Any:
    try:
        from distributed import get_client
    except ImportError:
        return None
    try:
        return get_client()
    except ValueError:  # no client: Dask's default scheduler
        return None


def check(
    jurisdiction: Jurisdiction,
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    as_of: _dt.date,
    splits: int = 1,
    blocksize: int | None = None,
    fail_fast: bool = False,
    duplicates: bool = True,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
    scheduler: str | None = None,
) -> DaskAudit:
    """Audit partitioned JSON Lines exports on Dask: the same report as
    :func:`shenpi.rules.check` on one snapshot holding every case.

    ``paths``: files or glob patterns (``"cases/*.jsonl"``, gzip too; see
    :func:`shenpi.audit.partitions`). Each file is one partition, or ``splits`` of them,
    or, with ``blocksize`` (bytes), as many as a plain file needs for shares of about that
    size (each reads only its own bytes): keep partitions small when files are large, as
    a worker holds a partition's findings until it is done.
    ``scheduler`` is passed to ``dask.compute`` (``"threads"``, ``"processes"``,
    ``"sync"``); with a ``distributed.Client`` active, the cluster runs it. Bad lines,
    ``fail_fast`` and ``duplicates`` behave as in :func:`shenpi.audit.audit_files`.

    Raises:
        MissingDependency: dask (or pandas) is not installed.
        InvalidValue: a pattern matches no file; ``splits`` or ``blocksize`` is less
            than 1, or both are given.
        FormatError: with ``fail_fast``, the first bad line met.
    """
    MissingDependency.require("dask", "dask")
    pandas = MissingDependency.require("pandas", "dask")
    chosen = plan(
        jurisdiction,
        as_of=as_of,
        select=select,
        ignore=ignore,
        policy=policy,
        calendar=calendar,
        rules=rules,
    )
    parts = partitions(paths, splits, blocksize=blocksize)
    client = _active_client() if scheduler is None else None
    if client is not None:
        from distributed import as_completed

        finished: Any = as_completed
        shared = client.scatter(chosen, broadcast=True, hash=False)
        futures = [
            client.submit(_audit, shared, path, shard, fail_fast, duplicates, pure=False)
            for path, shard in parts
        ]
        # The world rules run here while the workers start on the partitions.
        found = [world_audit(chosen)]
        for future in finished(futures):
            # Gather each result as soon as it is ready, so that a worker holds no more
            # than the partition it is on; merge once at the end (one k-way merge).
            found.append(future.result())
            future.release()
    else:
        found = _bag(chosen, parts, fail_fast, duplicates).compute(scheduler=scheduler)
    final = found[0].merge(*found[1:]).finish()
    rows = final.departments()
    columns = list(rows[0]) if rows else list(DEPARTMENT_COLUMNS)
    return DaskAudit(final, pandas.DataFrame(rows, columns=columns), len(parts))
