"""Serialization at the edge: JSON for the reference data, JSON Lines for the cases.

One strict ``cattrs`` converter (:data:`converter`) turns model values into JSON-ready data
and back. The formats are described in ``docs/formats.md``:

- the *reference data* (a :class:`~shenpi.jurisdiction.Jurisdiction` without its cases) is
  one JSON document ``{"schema_version": 1, "kind": "shenpi.reference", "jurisdiction":
  {...}}``;
- the *cases* are JSON Lines: a header line ``{"schema_version": 1, "kind":
  "shenpi.applications"}``, then one :class:`~shenpi.applications.Application` per line,
  read lazily (``.jsonl`` or gzip-compressed ``.jsonl.gz``).

Dates are ``"YYYY-MM-DD"`` strings, money is a decimal string (``"12.50"``; a JSON number
is refused), enums are written by value, events carry a ``"type"`` tag, and ``None`` is
written as ``null``. Anything that does not match the model (an unknown key, a wrong
type, a missing field, a value the model refuses, invalid JSON) raises
:class:`~shenpi.errors.FormatError` whose ``field`` is the JSON path of the problem, such
as ``jurisdiction.departments[3].name`` or, in JSON Lines, ``line 12: events[2].on``.
"""

from __future__ import annotations

import gzip
import io as _io
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final, Literal, Protocol, TypeVar, cast, overload

import attrs
import cattrs

from shenpi.applications import Application
from shenpi.errors import FormatError, InvalidType, InvalidValue, ShenpiError
from shenpi.io import _converter, _schema
from shenpi.io._converter import (
    APPLICATIONS_KIND,
    EVENT_CLASSES,
    EVENT_TAGS,
    REFERENCE_KIND,
    SCHEMA_VERSION,
)
from shenpi.jurisdiction import Jurisdiction

__all__ = [
    "APPLICATIONS_KIND",
    "EVENT_CLASSES",
    "EVENT_TAGS",
    "REFERENCE_KIND",
    "SCHEMA_VERSION",
    "converter",
    "dump_applications",
    "dump_reference",
    "dumps_application",
    "dumps_reference",
    "from_data",
    "iter_applications",
    "json_schema",
    "load_jurisdiction",
    "load_reference",
    "loads_application",
    "loads_reference",
    "to_data",
]

T = TypeVar("T")
StrPath = str | os.PathLike[str]
"""A file path: text or any ``os.PathLike``."""

converter: Final[cattrs.Converter] = _converter.build()
"""The one converter of the model (strict, detailed validation). Read-only: register
nothing on it; use :func:`to_data` and :func:`from_data`."""


class TextSink(Protocol):
    """Anything with ``write(str)``: an open text file, ``io.StringIO``."""

    def write(self, text: str, /) -> object:
        """Write ``text``."""


# ------------------------------------------------------------------ values
def to_data(obj: Any) -> Any:
    """``obj`` (any model value) as JSON-ready data: dicts, lists, text, whole numbers,
    booleans and ``None``.

    >>> import datetime as dt, decimal
    >>> to_data([dt.date(2025, 3, 3), decimal.Decimal("12.50")])
    ['2025-03-03', '12.50']
    """
    return converter.unstructure(obj)


@overload
def from_data(data: Any, cls: type[T]) -> T: ...
@overload
def from_data(data: Any, cls: Any) -> Any: ...
def from_data(data: Any, cls: Any) -> Any:
    """``data`` (as parsed from JSON) structured strictly as ``cls``: a model class or a
    type built from them (``tuple[Application, ...]``, the ``Event`` union).

    Raises:
        FormatError: ``data`` does not match ``cls``; ``field`` is the path of the first
            problem (``events[2].on``) and the message lists the paths of the others.

    >>> from shenpi.timing import TimeLimit
    >>> from_data({"unit": "workdays", "amount": 20}, TimeLimit)
    TimeLimit(unit=<TimeUnit.WORKDAYS: 'workdays'>, amount=20)
    """
    return _converter.structure(converter, data, cls, "", None)


def json_schema(kind: Literal["reference", "application"]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a format, generated from the attrs model.

    ``"reference"``: the reference JSON document. ``"application"``: one case, that is
    each line of a JSON Lines file after its header line (the header's own schema is
    ``$defs/ApplicationsHeader``). The files ``docs/schema/reference.schema.json`` and
    ``docs/schema/applications.schema.json`` hold the same schemas.

    The loaders check more than a schema can (ids unique, dates in order, everything the
    model's validators refuse): data valid under the schema may still be refused with a
    :class:`~shenpi.errors.FormatError`.

    >>> schema = json_schema("application")
    >>> schema["$ref"]
    '#/$defs/Application'
    """
    return _schema.generate(kind, converter)


# ------------------------------------------------------------------ JSON text
def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


_decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_reject_constant)


def _parse(text: str | bytes, line: int | None) -> Any:
    """Parse JSON text strictly: no NaN or Infinity, no key given twice."""
    where = "$" if line is None else f"line {line}"
    try:
        if isinstance(text, bytes | bytearray):
            text = text.decode("utf-8-sig")
        return _decoder.decode(text[1:] if text.startswith("\ufeff") else text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno if line is None else line}, column {exc.colno}"
        excerpt = exc.doc[max(exc.pos - 20, 0) : exc.pos + 20]
        raise FormatError(
            at, excerpt, f"is not valid JSON: {exc.msg}.", f"不是有效的 JSON：{exc.msg}。"
        ) from None
    except _DuplicateKey as exc:
        raise FormatError(
            where,
            exc.key,
            f"a JSON object gives the key {exc.key!r} twice.",
            f"JSON 对象中字段 {exc.key!r} 出现了两次。",
            "keep one of them.",
        ) from None
    except UnicodeDecodeError as exc:
        raise FormatError(
            where,
            exc.object[max(exc.start - 20, 0) : exc.end + 20],
            f"is not UTF-8 text ({exc.reason} at byte {exc.start}).",
            f"不是 UTF-8 文本（第 {exc.start} 字节）。",
        ) from None
    except ValueError as exc:
        raise FormatError(
            where, None, f"is not valid JSON: {exc}.", f"不是有效的 JSON：{exc}。"
        ) from None
    except RecursionError:
        raise FormatError(
            where, None, "is nested too deeply to be read.", "嵌套层数过多，无法读取。"
        ) from None


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _check_envelope(data: Any, kind: str, keys: frozenset[str], line: int | None) -> None:
    """Check the ``schema_version`` and ``kind`` of a document or header line."""
    loc = _converter.locate
    if kind == APPLICATIONS_KIND:
        expected_en = f"the first line is the header {_HEADER}"
        expected_zh = f"第一行应为标题行 {_HEADER}"
    else:
        document = f'{{"schema_version": {SCHEMA_VERSION}, "kind": "{kind}", "jurisdiction": ...}}'
        expected_en = f"reference data is {document}"
        expected_zh = f"参考数据应为 {document}"
    if not isinstance(data, dict):
        raise FormatError(
            loc("", line),
            data,
            f"expected a JSON object: {expected_en}.",
            f"应为 JSON 对象：{expected_zh}。",
        )
    found = data.get("kind")
    if found != kind:
        other = APPLICATIONS_KIND if kind == REFERENCE_KIND else REFERENCE_KIND
        if found == other:
            reader = "iter_applications" if other == APPLICATIONS_KIND else "load_reference"
            hint = f"this is a {other} document: read it with {reader}."
        else:
            hint = f'write "kind": "{kind}".'
        missing = "kind" not in data
        raise FormatError(
            loc("kind", line),
            found,
            f"is missing: {expected_en}." if missing else f"expected {kind!r}.",
            f"缺少 kind：{expected_zh}。" if missing else f"kind 应为 {kind!r}。",
            hint,
        )
    version = data.get("schema_version")
    if version.__class__ is not int or version != SCHEMA_VERSION:
        newer = version.__class__ is int and version > SCHEMA_VERSION
        raise FormatError(
            loc("schema_version", line),
            version,
            f"this shenpi reads schema version {SCHEMA_VERSION} only"
            + (" (the data is newer)." if newer else "."),
            f"本版本 shenpi 只能读取第 {SCHEMA_VERSION} 版格式"
            + ("（数据版本更新）。" if newer else "。"),
            "upgrade shenpi to read it." if newer else f'write "schema_version": {SCHEMA_VERSION}.',
        )
    extra = sorted(set(data) - keys)
    if extra:
        raise FormatError(
            loc(extra[0], line),
            data[extra[0]],
            f"unknown key ({', '.join(extra)}).",
            f"未知字段（{', '.join(extra)}）。",
            f"the keys are {', '.join(sorted(keys))}.",
        )


# ------------------------------------------------------------- reference data
_REFERENCE_KEYS = frozenset({"schema_version", "kind", "jurisdiction"})
_HEADER_KEYS = frozenset({"schema_version", "kind"})


def dumps_reference(j: Jurisdiction) -> str:
    """The reference data of ``j`` (everything but its applications) as JSON text
    (indented, UTF-8 characters kept, ending with a newline)."""
    if not isinstance(j, Jurisdiction):
        raise InvalidType("j", j, "expected a Jurisdiction.", "应为 Jurisdiction。")
    data = converter.unstructure(attrs.evolve(j, applications=()))
    del data["applications"]
    document = {"schema_version": SCHEMA_VERSION, "kind": REFERENCE_KIND, "jurisdiction": data}
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def loads_reference(text: str | bytes) -> Jurisdiction:
    """The :class:`~shenpi.jurisdiction.Jurisdiction` in reference JSON ``text``, with no
    applications (they are read from JSON Lines, see :func:`load_jurisdiction`).

    Raises:
        FormatError: invalid JSON, another ``kind`` or ``schema_version``, or data that
            does not match the model (``field`` like ``jurisdiction.hall.sites[1].id``).
    """
    data = _parse(text, None)
    _check_envelope(data, REFERENCE_KIND, _REFERENCE_KEYS, None)
    if "jurisdiction" not in data:
        raise FormatError(
            "jurisdiction", None, "is missing: the field is required.", "缺少必填字段。"
        )
    body = data["jurisdiction"]
    if isinstance(body, dict) and "applications" in body:
        raise FormatError(
            "jurisdiction.applications",
            body["applications"],
            "the reference data holds no cases.",
            "参考数据不含办件。",
            f'write the cases to a JSON Lines file ("{APPLICATIONS_KIND}") with '
            "dump_applications and load both with load_jurisdiction.",
        )
    value: Jurisdiction = _converter.structure(converter, body, Jurisdiction, "jurisdiction", None)
    return value


def dump_reference(j: Jurisdiction, path: StrPath) -> None:
    """Write :func:`dumps_reference` of ``j`` to the file ``path`` (UTF-8)."""
    Path(path).write_text(dumps_reference(j), encoding="utf-8", newline="\n")


def load_reference(path: StrPath) -> Jurisdiction:
    """The reference data in the file ``path`` (see :func:`loads_reference`)."""
    return loads_reference(Path(path).read_bytes())


# ------------------------------------------------------------------- cases
_HEADER = _compact({"schema_version": SCHEMA_VERSION, "kind": APPLICATIONS_KIND})


def dumps_application(a: Application) -> str:
    """``a`` as one compact JSON object on one line (no newline at the end)."""
    if not isinstance(a, Application):
        raise InvalidType("a", a, "expected an Application.", "应为 Application。")
    return _compact(converter.unstructure(a))


def loads_application(line: str | bytes) -> Application:
    """The :class:`~shenpi.applications.Application` in one JSON object ``line``.

    Raises:
        FormatError: ``field`` is the path of the problem, such as ``events[2].on``.
    """
    value: Application = _converter.structure(converter, _parse(line, None), Application, "", None)
    return value


def _is_gzip(path: StrPath) -> bool:
    return os.fspath(path).endswith(".gz")


def _read_lines(path: StrPath) -> Iterator[bytes]:
    with gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb") as stream:
        yield from stream


def _numbered(
    source: StrPath | Iterable[str] | Iterable[bytes],
    shard: tuple[int, int] = (0, 1),
    on_error: Callable[[FormatError], object] | None = None,
) -> Iterator[tuple[int, Application]]:
    if isinstance(source, str | os.PathLike):
        lines: Iterable[str | bytes] = _read_lines(source)
    else:
        lines = source
    header_seen = False
    number = 0
    position = -1  # the case lines seen, counted from 0
    which, shards = shard
    iterator = iter(lines)
    while True:
        try:
            line = next(iterator)
        except StopIteration:
            break
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise FormatError(
                f"line {number + 1}",
                None,
                f"the compressed file is damaged ({exc}).",
                "压缩文件已损坏。",
            ) from None
        number += 1
        if not isinstance(line, str | bytes | bytearray):
            raise InvalidType(
                "source", line, "expected lines of text.", "应为文本行。", "pass a path or lines."
            )
        if not line or line.isspace():
            continue
        if header_seen:
            position += 1
            if position % shards != which:
                continue  # another shard's case: not even parsed
        if not header_seen:
            _check_envelope(_parse(line, number), APPLICATIONS_KIND, _HEADER_KEYS, number)
            header_seen = True
            continue
        if on_error is None:
            yield number, _case(line, number)
            continue
        try:
            case = _case(line, number)
        except FormatError as exc:
            on_error(exc)  # reported; the rest of the file is still read
            continue
        yield number, case
    if not header_seen:
        raise _empty_file()


def _case(line: str | bytes, number: int) -> Application:
    """The case on line ``number`` (which only errors name)."""
    value: Application = _converter.structure(
        converter, _parse(line, number), Application, "", number
    )
    return value


def _empty_file() -> FormatError:
    return FormatError(
        "line 1",
        None,
        "the file is empty: a JSON Lines file of cases begins with its header line.",
        "文件为空：办件 JSON Lines 文件应以标题行开始。",
        f"the first line is {_HEADER}.",
    )


def _lines_before(path: StrPath, offset: int) -> int:
    """How many lines of the file ``path`` end before byte ``offset`` (counted in C)."""
    count = 0
    with open(path, "rb") as stream:
        while offset > 0:
            chunk = stream.read(min(offset, 1 << 20))
            if not chunk:
                break
            count += chunk.count(b"\n")
            offset -= len(chunk)
    return count


def _byte_range(
    path: StrPath,
    shard: tuple[int, int],
    on_error: Callable[[FormatError], object] | None,
) -> Iterator[Application]:
    """Share ``i`` of ``n`` of a plain JSON Lines file: the cases whose lines *start* in
    the ``i``-th ``n``-th of the bytes after the header. The reader seeks to its range
    and reads only it (and the header); the line numbers that errors name are counted
    from the start of the file only when a line is bad."""
    which, shares = shard
    with open(path, "rb") as stream:
        number = 0
        position = 0
        while True:  # the header: the first non-blank line, read by every share
            line = stream.readline()
            if not line:
                raise _empty_file()
            number += 1
            position += len(line)
            if not line.isspace():
                _check_envelope(_parse(line, number), APPLICATIONS_KIND, _HEADER_KEYS, number)
                break
        body = os.fstat(stream.fileno()).st_size - position
        start = position + body * which // shares
        end = position + body * (which + 1) // shares
        known: int | None = number  # the line number just before ``start``, once known
        if start > position:
            # The line that began before ``start`` belongs to the share before.
            stream.seek(start - 1)
            start += len(stream.readline()) - 1
            known = None
        position = start
        read = 0  # lines read in this range
        while position < end:
            line = stream.readline()
            if not line:
                break
            position += len(line)
            read += 1
            if line.isspace():
                continue
            if known is None:
                try:
                    case = _case(line, 0)
                except FormatError:
                    known = _lines_before(path, start)  # then read again, numbered
                else:
                    yield case
                    continue
            if on_error is None:
                yield _case(line, known + read)
                continue
            try:
                case = _case(line, known + read)
            except FormatError as exc:
                on_error(exc)
                continue
            yield case


def iter_applications(
    source: StrPath | Iterable[str] | Iterable[bytes],
    *,
    shard: tuple[int, int] | None = None,
    on_error: Callable[[FormatError], object] | None = None,
) -> Iterator[Application]:
    """The cases in a JSON Lines ``source``, one at a time (the file is never read whole).

    ``source`` is a path (``.jsonl``, or ``.jsonl.gz`` for gzip) or an iterable of lines
    (an open file, a list, a generator). The first non-blank line is the header; blank
    lines are skipped.

    ``shard=(i, n)`` yields the ``i``-th (counted from 0) of ``n`` shares of the cases:
    ``n`` readers with ``i = 0 … n-1`` share a file between them, each case read by
    exactly one, and errors still name the file's own line numbers. How a share is cut:

    * a plain (not gzip) file's path: the cases whose lines start in the ``i``-th
      ``n``-th of the file's bytes after the header, in file order. The reader seeks to
      its range and reads only it and the header, so ``n`` shares cost one reading of
      the file;
    * a gzip file, a pipe or an iterable of lines, which cannot be entered in the
      middle: every ``n``-th case, starting with the ``i``-th. Each reader reads all the
      lines and parses only its own.

    ``on_error``, when given, is called with the ``FormatError`` of each case line that
    is not a valid case, and reading goes on with the next line (a damaged header, an
    empty file or a damaged gzip stream still raise: nothing after them can be trusted).
    Without it the first bad line raises.

    Raises:
        FormatError: ``field`` is ``line N: path``, such as ``line 12: events[2].on``.
        InvalidValue: ``shard`` is not two integers with ``0 <= i < n``.
    """
    chosen = (0, 1) if shard is None else _check_shard(shard)
    if on_error is not None and not callable(on_error):
        raise InvalidType(
            "on_error", on_error, "expected a function of the error.", "应为可调用对象。"
        )
    if (
        chosen[1] > 1
        and isinstance(source, str | os.PathLike)
        and not _is_gzip(source)
        and os.path.isfile(source)  # a regular file, which can be entered by seeking
    ):
        return _byte_range(source, chosen, on_error)
    return (application for _, application in _numbered(source, chosen, on_error))


def _check_shard(shard: Any) -> tuple[int, int]:
    valid = (
        isinstance(shard, tuple)
        and len(shard) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in shard)
        and 0 <= shard[0] < shard[1]
    )
    if not valid:
        raise InvalidValue(
            "shard",
            shard,
            "expected (i, n) with 0 <= i < n: this reader's share of n.",
            "应为 (i, n)，且 0 <= i < n。",
        )
    return cast(tuple[int, int], shard)


def _open_for_writing(path: StrPath) -> IO[str]:
    if _is_gzip(path):
        raw = gzip.GzipFile(path, "wb", mtime=0)
        return _io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
    return open(path, "w", encoding="utf-8", newline="\n")


def _write(applications: Iterable[Application], out: TextSink) -> int:
    out.write(_HEADER + "\n")
    count = 0
    for application in applications:
        out.write(dumps_application(application) + "\n")
        count += 1
    return count


def dump_applications(
    applications: Iterable[Application], path_or_textfile: StrPath | TextSink
) -> int:
    """Write the header line and one line per case to a path (gzip when it ends in
    ``.gz``) or an open text file; return the number of cases written.

    ``applications`` may be any iterable, a generator included: it is consumed once.
    """
    if isinstance(path_or_textfile, str | os.PathLike):
        with _open_for_writing(path_or_textfile) as out:
            return _write(applications, out)
    return _write(applications, path_or_textfile)


def load_jurisdiction(
    reference_path: StrPath, applications_path: StrPath | None = None
) -> Jurisdiction:
    """The reference data in ``reference_path`` with the cases in ``applications_path``
    (a JSON Lines file; none when ``None``).

    Raises:
        FormatError: in either file; a case id used twice is reported at its line.
    """
    reference = load_reference(reference_path)
    if applications_path is None:
        return reference
    lines: list[int] = []
    cases: list[Application] = []
    for number, application in _numbered(applications_path):
        lines.append(number)
        cases.append(application)
    try:
        return reference.with_applications(cases)
    except ShenpiError as exc:
        raise _at_line(exc, lines) from exc


def _at_line(exc: ShenpiError, lines: list[int]) -> FormatError:
    """Report an error about ``applications[i]...`` at the line case ``i`` came from."""
    field = exc.field
    prefix = "applications["
    if field.startswith(prefix) and "]" in field:
        index, _, rest = field[len(prefix) :].partition("]")
        if index.isdigit() and int(index) < len(lines):
            field = _converter.locate(rest.lstrip("."), lines[int(index)])
    return FormatError(field, exc.value, exc.message_en, exc.message_zh, exc.hint)
