"""The bundled example city, 青岚市 (Qinglan, fictional), ready to audit or explore.

The city is what ``examples/make_city.py`` generates for seed 2008: 47 departments (34
stationed in the hall), a catalogue of a few hundred items in two versions, letters,
seals, fee schedules, the seed's reform plan with its acceptance checks, and 3,000 cases
from 2024 to 2026, a few percent of which break a rule of the seed or the law. It ships
in ``shenpi/data/city``:

- ``reference.json``: the reference data (:func:`shenpi.io.load_reference`);
- ``applications.jsonl.gz``: the cases (:func:`shenpi.io.iter_applications`);
- ``violations.json``: which case (or department, item, seal ...) breaks which rule,
  with a definition of each kind: an answer key for rule engines.

:func:`load_example_city` is the one function of shenpi's core that reads files: I/O at
the edge, kept here so that everything else stays pure.

>>> city = load_example_city()
>>> len(city.departments), len(city.catalogues), len(city.applications)
(47, 2, 3000)
"""

from __future__ import annotations

import gzip
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from shenpi import io
from shenpi.errors import InvalidValue
from shenpi.jurisdiction import Jurisdiction

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

__all__ = ["ExampleCityPaths", "example_city_paths", "load_example_city"]

REFERENCE = "reference.json"
APPLICATIONS = "applications.jsonl.gz"
VIOLATIONS = "violations.json"


class ExampleCityPaths(NamedTuple):
    """The files of the bundled city."""

    reference: Path
    """The reference data (JSON)."""
    applications: Path
    """The cases (gzip-compressed JSON Lines)."""
    violations: Path
    """The violation manifest (JSON)."""


def _folder() -> Traversable:
    return resources.files("shenpi") / "data" / "city"


def example_city_paths() -> ExampleCityPaths:
    """The paths of the bundled city's files, e.g. to open them with :mod:`shenpi.io` or
    to read ``violations.json``.

    Raises:
        InvalidValue: shenpi is installed in a way that keeps its data off the file
            system (a zip file); use :func:`load_example_city`, which reads it anyway.

    >>> example_city_paths().applications.name
    'applications.jsonl.gz'
    """
    folder = _folder()
    if not isinstance(folder, Path):
        raise InvalidValue(
            "shenpi.data.city",
            str(folder),
            "the bundled city is not on the file system.",
            "示例城市数据不在文件系统中。",
            "use load_example_city(), which reads it from the package.",
        )
    return ExampleCityPaths(folder / REFERENCE, folder / APPLICATIONS, folder / VIOLATIONS)


def load_example_city() -> Jurisdiction:
    """The bundled city as one :class:`~shenpi.jurisdiction.Jurisdiction`, cases included.

    Reads the package data (I/O at the edge) with :mod:`shenpi.io`; each call reads it
    afresh and returns an equal value (about a quarter of a second).
    """
    folder = _folder()
    reference = io.loads_reference((folder / REFERENCE).read_bytes())
    lines = gzip.decompress((folder / APPLICATIONS).read_bytes()).splitlines(keepends=True)
    return reference.with_applications(io.iter_applications(lines))
