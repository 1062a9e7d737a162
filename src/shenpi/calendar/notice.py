"""A year's holiday notice as data (国务院办公厅关于X年部分节假日安排的通知).

The State Council publishes each year's arrangement between late October and early
December, and has amended one mid-year (2020-01-27, Spring Festival extended to
2 February). A user can write the notice down the day it is published, as JSON or TOML,
and load it with ``WorkCalendar.with_notice``:

.. code-block:: json

    {
      "year": 2026,
      "title": "国务院办公厅关于2026年部分节假日安排的通知",
      "document": "国办发明电〔2025〕7号",
      "published": "2025-11-04",
      "source": "https://www.gov.cn/...",
      "holidays": [
        {"name": "元旦", "from": "2026-01-01", "to": "2026-01-03", "workdays": ["2026-01-04"]}
      ]
    }

``amends: true`` marks an amending notice: each holiday it lists replaces that holiday's
arrangement for the year (its rest days and make-up working days), nothing else changes.
Reading a file is the only I/O here and happens only when a path is passed.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import attrs

from shenpi.calendar.days import HolidayName, holiday_named
from shenpi.errors import InvalidType, NoticeFormatError

__all__ = ["HolidayArrangement", "Notice", "load_notice", "parse_notice"]

_DAY = _dt.timedelta(days=1)
_FIELDS = {"year", "title", "document", "published", "source", "amends", "holidays", "note"}
_ENTRY_FIELDS = {"name", "name_en", "from", "to", "workdays"}


@attrs.frozen
class HolidayArrangement:
    """One holiday's arrangement in a notice: its rest period and make-up working days."""

    holiday: HolidayName
    first: _dt.date
    last: _dt.date
    workdays: tuple[_dt.date, ...] = ()

    @property
    def rest_days(self) -> tuple[_dt.date, ...]:
        """Every day from ``first`` to ``last``, both included."""
        count = (self.last - self.first).days + 1
        return tuple(self.first + i * _DAY for i in range(count))


@attrs.frozen
class Notice:
    """A State Council holiday notice (or an amendment of one), as validated data."""

    year: int
    published: _dt.date
    source: str
    holidays: tuple[HolidayArrangement, ...]
    title: str = ""
    document: str = ""
    amends: bool = False
    note: str = ""

    @property
    def label(self) -> str:
        """How results cite this notice: its document number, else its title, else source."""
        name = self.document or self.title or self.source
        kind = "amending notice" if self.amends else "notice"
        return f"{kind} {name} (published {self.published.isoformat()})"


def _fail(field: str, value: Any, en: str, zh: str, hint: str | None = None) -> NoReturn:
    raise NoticeFormatError(field, value, en, zh, hint)


def _date(value: Any, field: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        _fail(field, value, "expected a date, not a date and time.", "应为日期，而非日期时间。")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    _fail(
        field,
        value,
        "expected an ISO date such as 2027-01-01.",
        "应为 ISO 格式日期，例如 2027-01-01。",
    )


def _text(data: Mapping[str, Any], key: str, path: str, *, required: bool) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        _fail(f"{path}{key}", value, "expected text.", "应为文本。")
    if required and not value.strip():
        _fail(f"{path}{key}", value, "is required and must not be empty.", "为必填项，不能为空。")
    return value


def _arrangement(entry: Any, path: str, year: int) -> HolidayArrangement:
    if not isinstance(entry, Mapping):
        _fail(path, entry, "expected a table/object for one holiday.", "每个节日应为一个对象。")
    unknown = sorted(set(entry) - _ENTRY_FIELDS)
    if unknown:
        _fail(
            f"{path}.{unknown[0]}",
            entry[unknown[0]],
            f"unknown field; allowed: {', '.join(sorted(_ENTRY_FIELDS))}.",
            "未知字段。",
        )
    name = _text(entry, "name", f"{path}.", required=True)
    name_en = _text(entry, "name_en", f"{path}.", required=False)
    known = holiday_named(name)
    if known is not None and not name_en:
        holiday = known
    elif name_en:
        holiday = HolidayName(known.zh if known else name, name_en)
    else:
        _fail(
            f"{path}.name",
            name,
            "is not one of the statutory holidays; give its English name in name_en.",
            "不是法定节日名称；请在 name_en 中给出英文名称。",
        )
    first = _date(entry.get("from"), f"{path}.from")
    last = _date(entry.get("to"), f"{path}.to")
    if last < first:
        _fail(f"{path}.to", last.isoformat(), f"is before from={first}.", "早于起始日期。")
    raw_workdays = entry.get("workdays", [])
    if isinstance(raw_workdays, str) or not isinstance(raw_workdays, Sequence):
        _fail(f"{path}.workdays", raw_workdays, "expected a list of dates.", "应为日期列表。")
    workdays = tuple(_date(w, f"{path}.workdays[{i}]") for i, w in enumerate(raw_workdays))
    # A notice for year Y may touch December of Y-1 (元旦 2012 had 2011-12-31 as a make-up day).
    lowest, highest = _dt.date(year - 1, 12, 1), _dt.date(year, 12, 31)
    for field, day in [("from", first), ("to", last)] + [
        (f"workdays[{i}]", w) for i, w in enumerate(workdays)
    ]:
        if not lowest <= day <= highest:
            _fail(
                f"{path}.{field}",
                day.isoformat(),
                f"lies outside the notice's year {year} (allowed {lowest} to {highest}).",
                f"超出通知年度 {year} 的范围。",
            )
    for i, work in enumerate(workdays):
        if work.weekday() < 5:
            _fail(
                f"{path}.workdays[{i}]",
                work.isoformat(),
                "a make-up working day (调休上班) must be a Saturday or Sunday; this is a weekday.",
                "调休上班日必须是周六或周日。",
            )
        if first <= work <= last:
            _fail(
                f"{path}.workdays[{i}]",
                work.isoformat(),
                "lies inside the holiday's own rest period.",
                "位于该节日的放假期间之内。",
            )
    if len(set(workdays)) != len(workdays):
        _fail(f"{path}.workdays", raw_workdays, "lists a day twice.", "重复列出同一天。")
    return HolidayArrangement(holiday, first, last, tuple(sorted(workdays)))


def parse_notice(data: Mapping[str, Any]) -> Notice:
    """Validate a notice given as a mapping (parsed JSON or TOML) and return a :class:`Notice`.

    Raises :class:`NoticeFormatError` naming the path of the first bad field, such as
    ``holidays[1].workdays[0]``; overlapping entries are refused.
    """
    if not isinstance(data, Mapping):
        raise InvalidType(
            "notice", data, "expected a mapping (parsed JSON/TOML).", "应为映射对象。"
        )
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        _fail(
            unknown[0],
            data[unknown[0]],
            f"unknown field; allowed: {', '.join(sorted(_FIELDS))}.",
            "未知字段。",
        )
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 < year < 10000:
        _fail("year", year, "expected the year the notice arranges, e.g. 2027.", "应为年份。")
    published = _date(data.get("published"), "published")
    source = _text(data, "source", "", required=True)
    amends = data.get("amends", False)
    if not isinstance(amends, bool):
        _fail("amends", amends, "expected true or false.", "应为 true 或 false。")
    raw = data.get("holidays")
    if isinstance(raw, str) or not isinstance(raw, Sequence) or not raw:
        _fail("holidays", raw, "expected a non-empty list of holidays.", "应为非空的节日列表。")
    entries = tuple(_arrangement(entry, f"holidays[{i}]", year) for i, entry in enumerate(raw))
    seen: dict[_dt.date, str] = {}
    names: set[HolidayName] = set()
    for i, entry in enumerate(entries):
        if entry.holiday in names:
            _fail(
                f"holidays[{i}].name",
                entry.holiday.zh,
                "is listed twice.",
                "重复列出同一节日。",
            )
        names.add(entry.holiday)
        for day in entry.rest_days + entry.workdays:
            if day in seen:
                _fail(
                    f"holidays[{i}]",
                    day.isoformat(),
                    f"this day is already arranged by {seen[day]}.",
                    f"该日期已由 {seen[day]} 安排。",
                )
            seen[day] = f"holidays[{i}]"
    return Notice(
        year=year,
        published=published,
        source=source,
        holidays=entries,
        title=_text(data, "title", "", required=False),
        document=_text(data, "document", "", required=False),
        amends=amends,
        note=_text(data, "note", "", required=False),
    )


def load_notice(path: str | os.PathLike[str]) -> Notice:
    """Read a notice from a ``.json`` or ``.toml`` file and validate it (:func:`parse_notice`)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise NoticeFormatError(
            "path", str(file), f"cannot be read: {exc.strerror}.", "无法读取该文件。"
        ) from exc
    try:
        if file.suffix.lower() == ".toml":
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover
                import tomli as tomllib
            data: Any = tomllib.loads(text)
        else:
            data = json.loads(text)
    except ValueError as exc:
        raise NoticeFormatError(
            "path", str(file), f"is not valid JSON/TOML: {exc}.", "不是有效的 JSON/TOML 文件。"
        ) from exc
    return parse_notice(data)
