"""Audits of exported files: the rules over JSON Lines cases, in one process or many.

The reference data (hall, catalogue, letters, seals, fees) is small and shared; each case
is judged on its own against it. So an export can be read a case at a time, split into
partitions checked anywhere, and the partial results merged, with the same report as one
pass over a snapshot::

    from shenpi.audit import audit_files
    from shenpi.io import load_reference

    audit = audit_files(load_reference("reference.json"), ["cases.jsonl.gz"],
                        as_of=date(2026, 12, 31), processes=2)
    audit.report            # the findings, as check() reports them
    audit.errors            # lines that are not valid cases, with file and line
    audit.departments()     # per-department counts, one dict per department

The pieces, for running the same audit in another engine (Dask: :mod:`shenpi.dask`;
Spark: ``mapPartitions``, see the scale page of the docs):

1. :func:`~shenpi.rules.plan` once, on the driver: reference data, calendar, policy and
   the chosen rules. It pickles; ship it to the workers once (broadcast).
2. :func:`audit_partition` on each partition's lines (a pure function: no global state,
   nothing read but the lines it is given): an :class:`Audit` of that partition.
3. :meth:`Audit.merge` (or ``sum``) of the partitions' audits, in any grouping and order,
   and :func:`world_audit` once for the world rules.
4. :meth:`Audit.finish` once, after the last merge: the one check that needs more than
   one case, a case id used on two lines, is split in two steps: each partition counts
   its case ids (``Audit.ids``), and the merged ids name those read twice.

This module sits above :mod:`shenpi.rules` and :mod:`shenpi.io` (it reads files and starts
processes); the rules themselves do no I/O.
"""

from __future__ import annotations

import datetime as _dt
import glob
import html
import itertools
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs

from shenpi.calendar import WorkCalendar
from shenpi.errors import FormatError, InvalidType, InvalidValue
from shenpi.io import StrPath, iter_applications
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.engine import (
    Finding,
    Plan,
    Report,
    RulePolicy,
    RuleSet,
    Severity,
    Summable,
    plan,
)

__all__ = [
    "DEPARTMENT_COLUMNS",
    "Audit",
    "LineError",
    "audit_files",
    "audit_partition",
    "audit_tasks",
    "duplicate_ids",
    "partitions",
    "world_audit",
]

_UNKNOWN = ""  # the department of a case whose item is unknown

DEPARTMENT_COLUMNS = (
    "department_id",
    "cases",
    "cases_with_errors",
    "share_with_errors",
    "findings",
    "error",
    "warning",
    "info",
)
"""The first columns of :meth:`Audit.departments` (one per family follows)."""


@attrs.frozen
class LineError:
    """A line of an export that could not be audited, recorded instead of stopping the
    audit: not a valid case (``field`` is its path, ``line N: events[2].on``), or a case
    id used on more than one line (``field`` is ``id``, ``line`` is ``None``).
    """

    source: str
    """The file (or partition) the line came from."""
    line: int | None
    """The line number in ``source``, from 1 (``None`` for a duplicate id)."""
    field: str
    value: str | None
    message_en: str
    message_zh: str

    @classmethod
    def from_error(cls, source: str, error: FormatError) -> LineError:
        """The record of a ``FormatError`` raised reading ``source``."""
        line = None
        head = error.field.split(":", 1)[0].split(",", 1)[0]
        if head.startswith("line ") and head[5:].strip().isdigit():
            line = int(head[5:].strip())
        value = None if error.value is None else str(error.value)
        return cls(source, line, error.field, value, error.message_en, error.message_zh)

    def sort_key(self) -> tuple[Any, ...]:
        """Order: source, line (duplicate ids last), field, value."""
        line = -1 if self.line is None else self.line
        return (self.source, self.line is None, line, self.field, self.value or "")

    def to_record(self) -> dict[str, Any]:
        """A flat dict for a DataFrame or JSON."""
        return {
            "source": self.source,
            "line": self.line,
            "field": self.field,
            "value": self.value,
            "message_en": self.message_en,
            "message_zh": self.message_zh,
        }

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.field}: {self.message_en}"


def _merge_counts(*parts: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    total: Counter[str] = Counter()
    for part in parts:
        total.update(dict(part))
    return tuple(sorted(total.items()))


_chain = itertools.chain.from_iterable


def _repeated(ids: Sequence[str]) -> dict[str, int]:
    """``{id: times}`` for each id that a sorted sequence holds more than once."""
    found: dict[str, int] = {}
    for a, b in itertools.pairwise(ids):
        if a == b:
            found[a] = found.get(a, 1) + 1
    return found


@attrs.frozen
class Audit(Summable):
    """The result of auditing some cases (a partition, a file, a whole export): the
    findings, the lines that could not be read, and how many cases each department had.

    Audits merge (:meth:`merge`, ``a + b``, ``sum(audits)``) associatively and
    commutatively, so any partitioning gives the audit of one pass.
    """

    as_of: _dt.date
    findings: tuple[Finding, ...] = ()
    """In the report's order (``Finding.sort_key``)."""
    errors: tuple[LineError, ...] = ()
    """In order of source and line."""
    cases: tuple[tuple[str, int], ...] = ()
    """``(department id, cases read)`` by department (``""``: the case's item is
    unknown), sorted."""
    ids: tuple[str, ...] = attrs.field(default=(), repr=False)
    """The case id of every case read, sorted (an id read twice is there twice): the
    per-partition step of the duplicate-id check, kept until :meth:`finish` turns ids
    used twice into errors (empty when the partition was audited with
    ``count_ids=False``)."""
    flagged: tuple[tuple[str, int], ...] = ()
    """``(department id, cases with at least one finding at error severity)`` by
    department, sorted: the per-partition step of each department's share of cases with
    errors (:meth:`departments` divides once the counts are added up)."""

    @property
    def report(self) -> Report:
        """The findings as a :class:`~shenpi.rules.Report`."""
        return Report(self.findings, self.as_of)

    @property
    def case_count(self) -> int:
        """The number of cases read."""
        return sum(n for _, n in self.cases)

    @property
    def ok(self) -> bool:
        """No finding at error severity and no line left unread."""
        return not self.errors and self.report.ok

    def merge(self, *others: Audit) -> Audit:
        """One audit of this one's cases and the others'."""
        for other in others:
            if not isinstance(other, Audit):
                raise InvalidType("other", other, "expected an Audit.", "应为 Audit。")
            if other.as_of != self.as_of:
                raise InvalidValue(
                    "as_of",
                    other.as_of,
                    f"cannot merge an audit as of {other.as_of} into one as of {self.as_of}.",
                    f"不能合并不同审计日（{other.as_of} 与 {self.as_of}）的结果。",
                )
        everything = (self, *others)
        # Sorting the concatenated sorted runs is a k-way merge (Timsort finds the runs),
        # in C: cheaper than a merge in Python where the parts of a large audit meet.
        return Audit(
            self.as_of,
            tuple(sorted(_chain(a.findings for a in everything), key=Finding.sort_key)),
            tuple(sorted(_chain(a.errors for a in everything), key=LineError.sort_key)),
            _merge_counts(*(a.cases for a in everything)),
            tuple(sorted(_chain(a.ids for a in everything))),
            _merge_counts(*(a.flagged for a in everything)),
        )

    def finish(self) -> Audit:
        """The combine step of the duplicate-id check, once every partition is merged:
        each case id used on more than one line becomes a :class:`LineError` (a case id
        names one case; the model refuses a snapshot that uses one twice), and the id
        counts are dropped."""
        found = duplicate_ids(_repeated(self.ids))
        errors = tuple(sorted((*self.errors, *found), key=LineError.sort_key))
        return attrs.evolve(self, errors=errors, ids=())

    def departments(self) -> list[dict[str, Any]]:
        """One dict per department, sorted by department: ``department_id``; ``cases``;
        ``cases_with_errors``, the cases with at least one finding at error severity, and
        ``share_with_errors``, that number over ``cases`` (``None`` without cases); then
        ``findings``, the findings by severity (``error``, ``warning``, ``info``) and by
        family (``HALL``, ``TIME`` …; every family with a finding anywhere is a key of
        every row). ``pandas.DataFrame(audit.departments())`` makes the table.

        Every column but the share adds up across partitions; to combine the rows of
        partial audits, add the counts and divide again (or merge the audits first)."""
        families = sorted({f.code.rstrip("0123456789") for f in self.findings})
        rows: dict[str, dict[str, Any]] = {}

        def row(department: str) -> dict[str, Any]:
            if department not in rows:
                rows[department] = {
                    **dict.fromkeys(DEPARTMENT_COLUMNS, 0),
                    "department_id": department,
                    **dict.fromkeys(families, 0),
                }
            return rows[department]

        for department, n in self.cases:
            row(department)["cases"] = n
        for department, n in self.flagged:
            row(department)["cases_with_errors"] = n
        for f in self.findings:
            r = row(f.department_id or _UNKNOWN)
            r["findings"] += 1
            r[f.severity.name.lower()] += 1
            r[f.code.rstrip("0123456789")] += 1
        for r in rows.values():
            r["share_with_errors"] = r["cases_with_errors"] / r["cases"] if r["cases"] else None
        return [rows[k] for k in sorted(rows)]

    def to_text(self, lang: str = "en") -> str:
        """The report's text, then one line per unread line."""
        text = self.report.to_text("zh" if lang == "zh" else "en")
        if not self.errors:
            return text
        lines = [str(e) for e in self.errors]
        n = len(self.errors)
        lines.append(f"{n} line{'' if n == 1 else 's'} not audited")
        return text + "\n" + "\n".join(lines)

    def _repr_html_(self) -> str:
        n, e = len(self.findings), len(self.report.errors)
        head = (
            f"<p>{self.case_count:,} cases: {n:,} finding{'' if n == 1 else 's'}, "
            f"{e:,} error{'' if e == 1 else 's'}; {len(self.errors):,} line(s) not audited</p>"
        )
        rows = self.departments()
        if not rows:
            return head
        keys = list(rows[0])
        table = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(r[k]))}</td>" for k in keys) + "</tr>"
            for r in rows
        )
        header = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
        return f"{head}<table><tr>{header}</tr>{table}</table>"


def world_audit(chosen: Plan) -> Audit:
    """The audit of the reference data alone: the world rules' findings, no case. Run it
    once, wherever the partitions are merged."""
    found = sorted(chosen.world_findings(), key=Finding.sort_key)
    return Audit(chosen.ctx.as_of, tuple(found))


def audit_partition(
    chosen: Plan,
    lines: Iterable[str] | Iterable[bytes] | StrPath,
    *,
    source: str,
    fail_fast: bool = False,
    shard: tuple[int, int] | None = None,
    count_ids: bool = True,
) -> Audit:
    """Audit one partition of an export: the case rules of ``chosen`` over each case of
    ``lines`` (a JSON Lines file's path, or its lines, header first).

    A pure function of its arguments, for any engine's workers: Dask's ``map_partitions``,
    Spark's ``mapPartitions``, a process pool. A line that is not a valid case becomes a
    :class:`LineError` naming ``source`` and the line, and the rest of the partition is
    still audited; with ``fail_fast=True`` it raises the ``FormatError`` instead. A damaged
    header or gzip stream always raises. ``shard=(i, n)`` audits every ``n``-th case only
    (see :func:`~shenpi.io.iter_applications`). ``count_ids`` keeps the partition's case
    ids for the duplicate-id check (:meth:`Audit.finish` after merging).
    """
    errors: list[LineError] = []

    def record(error: FormatError) -> None:
        errors.append(LineError.from_error(source, error))

    on_error: Callable[[FormatError], object] | None = None if fail_fast else record
    findings: list[Finding] = []
    cases: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    ids: list[str] = []
    for case in iter_applications(lines, shard=shard, on_error=on_error):
        view, found = chosen.judge(case)
        department = view.department_id or _UNKNOWN
        cases[department] += 1
        if found and any(f.severity is Severity.ERROR for f in found):
            flagged[department] += 1
        if count_ids:
            ids.append(case.id)
        findings.extend(found)
    findings.sort(key=Finding.sort_key)
    errors.sort(key=LineError.sort_key)
    return Audit(
        chosen.ctx.as_of,
        tuple(findings),
        tuple(errors),
        tuple(sorted(cases.items())),
        tuple(sorted(ids)),
        tuple(sorted(flagged.items())),
    )


def duplicate_ids(counts: Mapping[str, int], *, source: str = "*") -> tuple[LineError, ...]:
    """A :class:`LineError` for each case id that ``counts`` (``{case id: lines}``)
    gives more than once."""
    return tuple(
        LineError(
            source,
            None,
            "id",
            case_id,
            f"case id {case_id!r} is used by {n} lines; each case has its own id.",
            f"办件编号 {case_id!r} 被 {n} 行使用；每个办件应有唯一编号。",
        )
        for case_id, n in sorted(counts.items())
        if n > 1
    )


def partitions(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    splits: int = 1,
    *,
    blocksize: int | None = None,
) -> list[tuple[str, tuple[int, int]]]:
    """The partitions of an export: ``(file, (i, n))`` for each file matched by ``paths``
    (a path, a glob such as ``"cases/*.jsonl"``, or a list of them), in sorted order, and
    each of its ``n`` shares (``i`` from 0; read with
    ``iter_applications(file, shard=(i, n))``).

    ``splits`` shares every file between that many partitions. ``blocksize`` (bytes)
    instead cuts each plain JSON Lines file into shares of about that many bytes, as many
    as its size needs; a gzip file, which cannot be entered in the middle, stays one
    partition (split the export into more files to get more). A plain file's share reads
    only its own bytes; a gzip file's share reads the whole file and parses its own lines.

    Raises:
        InvalidValue: a pattern matches no file, ``splits`` is less than 1, ``blocksize``
            is less than 1, or both are given.
    """
    if isinstance(splits, bool) or not isinstance(splits, int):
        raise InvalidType("splits", splits, "expected a whole number.", "应为整数。")
    if splits < 1:
        raise InvalidValue("splits", splits, "expected at least 1.", "至少为 1。")
    if blocksize is not None:
        if isinstance(blocksize, bool) or not isinstance(blocksize, int):
            raise InvalidType(
                "blocksize", blocksize, "expected a number of bytes or None.", "应为字节数或 None。"
            )
        if blocksize < 1:
            raise InvalidValue(
                "blocksize", blocksize, "expected at least 1 byte.", "至少为 1 字节。"
            )
        if splits != 1:
            raise InvalidValue(
                "splits",
                splits,
                "is given with blocksize: give one way to cut the files.",
                "与 blocksize 同时给出：只能选择一种切分方式。",
            )
    patterns = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files: list[str] = []
    for pattern in patterns:
        text = os.fspath(pattern)
        matched = sorted(glob.glob(text)) if glob.has_magic(text) else [text]
        matched = [m for m in matched if os.path.isfile(m)]
        if not matched:
            raise InvalidValue(
                "paths",
                text,
                "matches no file.",
                "没有匹配的文件。",
                "give a JSON Lines file, or a pattern such as cases/*.jsonl.",
            )
        files.extend(matched)
    tasks: list[tuple[str, tuple[int, int]]] = []
    for f in files:
        n = splits
        if blocksize is not None:
            n = 1 if f.endswith(".gz") else max(1, -(-os.path.getsize(f) // blocksize))
        tasks.extend((f, (i, n)) for i in range(n))
    return tasks


def audit_tasks(
    chosen: Plan,
    tasks: Iterable[tuple[str, tuple[int, int]]],
    *,
    fail_fast: bool = False,
    count_ids: bool = True,
) -> Iterator[Audit]:
    """One :class:`Audit` per task ``(path, (i, n))`` (from :func:`partitions`): the
    function a Spark job maps over the partitions of its task list
    (``rdd.mapPartitions(lambda tasks: audit_tasks(plan.value, tasks))``), and what
    :mod:`shenpi.dask` runs on each worker. A file's cases are read from ``path`` on the
    worker; only the audits travel back.
    """
    for path, shard in tasks:
        # A share's errors name the file and the file's own line: the same records
        # whatever the number of shares.
        yield audit_partition(
            chosen, path, source=path, fail_fast=fail_fast, shard=shard, count_ids=count_ids
        )


# Each worker process's plan, set once by the pool's initializer.
_WORKER_PLAN: Plan | None = None


def _start_worker(chosen: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = chosen


def _audit_shard(path: str, shard: tuple[int, int], fail_fast: bool, duplicates: bool) -> Audit:
    chosen = _WORKER_PLAN
    assert chosen is not None, "the pool's initializer sets the plan"
    (audit,) = audit_tasks(chosen, [(path, shard)], fail_fast=fail_fast, count_ids=duplicates)
    return audit


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


def audit_files(
    jurisdiction: Jurisdiction,
    paths: StrPath | Sequence[StrPath],
    *,
    as_of: _dt.date,
    processes: int | None = 1,
    fail_fast: bool = False,
    duplicates: bool = True,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
) -> Audit:
    """Audit the reference data ``jurisdiction`` with the cases of JSON Lines files.

    ``audit.report`` is the report :func:`~shenpi.rules.check` gives on a snapshot
    holding all those cases. ``paths`` is one path or several (``.jsonl``, or
    ``.jsonl.gz``). With ``processes=1`` (the default) the cases are streamed in this
    process, one at a time. With more (``None``: one per CPU), every file is shared
    between that many worker processes: each parses and judges only its share of the
    lines, with the plan (reference data, calendar, rules) sent to each worker once.
    The world rules run once, here.

    A line that is not a valid case is recorded in ``audit.errors`` with its file and
    line, and the rest is audited; ``fail_fast=True`` raises its ``FormatError``
    instead. ``duplicates=True`` also reports each case id used on more than one line
    (it keeps every case id until the end: about 100 bytes a case in this process).

    Raises:
        FormatError: with ``fail_fast``, or a file whose header or gzip stream is damaged.
        InvalidValue: ``processes`` is less than 1.
    """
    files = [os.fspath(p) for p in ([paths] if isinstance(paths, str | os.PathLike) else paths)]
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
    parts: list[Audit] = []
    if workers == 1:
        parts.append(world_audit(chosen))
        tasks = [(path, (0, 1)) for path in files]
        parts.extend(audit_tasks(chosen, tasks, fail_fast=fail_fast, count_ids=duplicates))
    else:
        parts.extend(_in_processes(chosen, files, workers, fail_fast, duplicates))
    return parts[0].merge(*parts[1:]).finish()


def _in_processes(
    chosen: Plan,
    files: list[str],
    workers: int,
    fail_fast: bool,
    duplicates: bool,
    context: Any = None,
) -> Iterator[Audit]:
    # The world audit, then every file in ``workers`` shards, so that the processes stay
    # busy to the end whatever the files' sizes. The platform's default start method
    # unless told: the plan pickles.
    context = multiprocessing.get_context() if context is None else context
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(chosen,)
    ) as pool:
        futures = [
            pool.submit(_audit_shard, path, (i, workers), fail_fast, duplicates)
            for path, i in itertools.product(files, range(workers))
        ]
        yield world_audit(chosen)  # here, while the workers read the cases
        for future in futures:
            yield future.result()
