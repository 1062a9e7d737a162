"""Every rule can be found from the folder names alone.

A family's rules live in ``src/shenpi/rules/<family>.py``, the mutators that plant its
violations in ``src/shenpi/testing/mutators/<family>.py``, its boundary tests in
``tests/rules/test_<family>.py``; each rule has a page in ``docs/rules/``, its quoted law
and a failing and a passing example beside its code, and at least one named boundary
test (``test_<code>_...``). This test fails when any of these is missing.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from shenpi.rules.builtin import FAMILIES, RULES
from shenpi.testing.mutators import MUTATORS

ROOT = Path(__file__).resolve().parents[2]
CODES = [r.code for r in RULES]


def _tests_of(family: str) -> set[str]:
    path = ROOT / "tests" / "rules" / f"test_{family.lower()}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_a_family_has_its_rule_module_mutator_module_and_test_module(family: str) -> None:
    name = family.lower()
    rules = importlib.import_module(f"shenpi.rules.{name}")
    assert {r.code for r in rules.RULES} == {r.code for r in RULES if r.family == family}
    mutators = importlib.import_module(f"shenpi.testing.mutators.{name}")
    assert mutators.__doc__
    assert (ROOT / "tests" / "rules" / f"test_{name}.py").is_file()


@pytest.mark.parametrize("code", CODES)
def test_a_rule_has_a_page_notes_and_a_boundary_test(code: str) -> None:
    rule = next(r for r in RULES if r.code == code)
    assert (ROOT / "docs" / "rules" / f"{code}.md").is_file()
    assert rule.notes is not None
    assert rule.notes.quotes
    assert rule.notes.failing.doctest.strip()
    assert rule.notes.passing.doctest.strip()
    assert any(t.startswith(f"test_{code.lower()}_") for t in _tests_of(rule.family)), (
        f"no test_{code.lower()}_... in tests/rules/test_{rule.family.lower()}.py"
    )


@pytest.mark.parametrize("code", [c for c in CODES if c != "TIME000"])
def test_a_rule_has_a_mutator_in_its_familys_module(code: str) -> None:
    """TIME000 is reported for a rule that could not judge; it has no violation to plant."""
    family = code.rstrip("0123456789").lower()
    module = importlib.import_module(f"shenpi.testing.mutators.{family}")
    assert code in MUTATORS
    assert MUTATORS[code].__module__ == module.__name__
