"""``Table``: named columns and rows of plain values, for notebooks and DataFrames.

The analytics and the simulation return their tables as this small immutable value so
that the core needs no pandas: ``table.to_pandas()`` gives a DataFrame when pandas is
installed (``pip install 'shenpi[analysis]'``), ``table.to_records()`` plain dicts for
anything else, and a notebook shows it as HTML.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from shenpi.errors import InvalidType, InvalidValue, MissingDependency

__all__ = ["Table", "optional_module"]


def optional_module(module: str, extra: str) -> Any:
    """Import ``module``, an optional dependency installed by shenpi's ``extra``.

    Raises:
        MissingDependency: it is not installed; the error names the extra to install.
    """
    return MissingDependency.require(module, extra)


def _columns(value: Iterable[Any]) -> tuple[str, ...]:
    names = tuple(value)
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name:
            raise InvalidType(f"columns[{i}]", name, "expected a column name.", "应为列名。")
    if len(set(names)) != len(names):
        raise InvalidValue("columns", names, "column names must be unique.", "列名不能重复。")
    return names


def _rows(rows: Iterable[Iterable[Any]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(row) for row in rows)


@attrs.frozen
class Table:
    """Rows of values under named columns; immutable, iterable as dicts.

    >>> t = Table(("department_id", "cases"), [("scj", 12), ("zjj", 3)])
    >>> len(t), t.column("cases"), t.to_records()[0]
    (2, (12, 3), {'department_id': 'scj', 'cases': 12})
    """

    columns: tuple[str, ...] = attrs.field(converter=_columns)
    rows: tuple[tuple[Any, ...], ...] = attrs.field(converter=_rows)
    title: str = ""

    def __attrs_post_init__(self) -> None:
        width = len(self.columns)
        for i, row in enumerate(self.rows):
            if len(row) != width:
                raise InvalidValue(
                    f"rows[{i}]",
                    row,
                    f"has {len(row)} values for {width} columns.",
                    "值的个数与列数不符。",
                )

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], columns: Sequence[str], title: str = ""
    ) -> Table:
        """A table of ``columns`` from dicts (a missing key gives ``None``)."""
        return cls(tuple(columns), [tuple(r.get(c) for c in columns) for r in records], title)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.columns, row, strict=True))

    def column(self, name: str) -> tuple[Any, ...]:
        """The values of one column."""
        try:
            index = self.columns.index(name)
        except ValueError:
            raise InvalidValue(
                "column",
                name,
                "no such column.",
                "没有该列。",
                f"columns: {', '.join(self.columns)}.",
            ) from None
        return tuple(row[index] for row in self.rows)

    def where(self, predicate: Callable[[dict[str, Any]], bool]) -> Table:
        """The rows for which ``predicate(row_as_dict)`` is true."""
        kept = [row for row in self.rows if predicate(dict(zip(self.columns, row, strict=True)))]
        return Table(self.columns, kept, self.title)

    def sorted_by(self, name: str, *, reverse: bool = False) -> Table:
        """The rows ordered by one column (``None`` last)."""
        self.column(name)  # refuses an unknown column, naming the known ones
        index = self.columns.index(name)
        present = [r for r in self.rows if r[index] is not None]
        missing = [r for r in self.rows if r[index] is None]
        present.sort(key=lambda r: r[index], reverse=reverse)
        return Table(self.columns, [*present, *missing], self.title)

    def head(self, n: int = 10) -> Table:
        """The first ``n`` rows."""
        return Table(self.columns, self.rows[:n], self.title)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per row (``pandas.DataFrame(table.to_records())`` works too)."""
        return list(self)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with these columns (needs the ``analysis`` extra).

        Exact fractions become floats; days stay ``datetime.date`` values.
        """
        pandas = optional_module("pandas", "analysis")
        rows = [tuple(_plain(v) for v in row) for row in self.rows]
        return pandas.DataFrame.from_records(rows, columns=list(self.columns))

    def to_text(self, limit: int = 20) -> str:
        """The table as aligned text (the first ``limit`` rows)."""
        shown = [tuple(_cell(v) for v in row) for row in self.rows[:limit]]
        widths = [max([len(c), *(len(r[i]) for r in shown)]) for i, c in enumerate(self.columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths, strict=True))]
        lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in shown]
        if len(self.rows) > limit:
            lines.append(f"... {len(self.rows) - limit} more rows")
        return "\n".join(line.rstrip() for line in lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        limit = 20
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
            for row in self.rows[:limit]
        )
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        more = (
            f"<p>… {len(self.rows) - limit} more rows of {len(self.rows)}</p>"
            if len(self.rows) > limit
            else ""
        )
        return f"<table>{caption}<tr>{head}</tr>{body}</table>{more}"


def _plain(value: Any) -> Any:
    return float(value) if isinstance(value, Fraction) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value == value else "nan"
    if isinstance(value, Fraction):
        return _cell(float(value))
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)
