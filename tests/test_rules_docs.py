"""The rule pages in docs/rules: one per rule, equal to what shenpi.rules.docs renders.

The examples on the pages run as doctests when pytest collects ``docs/``; these tests make
sure every rule has a page, that no page is stale, and that each page's examples show
what they claim (the failing one a finding of its rule, the passing one none).
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import attrs
import pytest

from shenpi.applications import Event
from shenpi.errors import InvalidValue
from shenpi.rules import CaseView, Finding, RuleSet, Severity, check, rule
from shenpi.rules.builtin import FAMILIES, RULES
from shenpi.rules.docs import index_page, rendered_pages, rule_page
from shenpi.rules.examples import (
    accepted,
    amend,
    case,
    decided,
    delivered,
    paid,
    submitted,
    tiny_world,
)
from shenpi.rules.notes import RuleNotes

PAGES = Path(__file__).resolve().parents[1] / "docs" / "rules"
REGENERATE = "regenerate with: python -m shenpi.rules.docs docs/rules"
CODES = [r.code for r in RULES]
NOTES: dict[str, RuleNotes] = {r.code: r.notes for r in RULES if r.notes is not None}


def _outputs(example: str) -> str:
    return "".join(e.want for e in doctest.DocTestParser().get_examples(example))


def test_every_rule_has_notes_and_no_notes_are_orphaned() -> None:
    assert set(NOTES) == set(CODES)


def test_every_builtin_family_is_described() -> None:
    assert {r.family for r in RULES} == set(FAMILIES)


@pytest.mark.parametrize("name", ["index.md", *(f"{code}.md" for code in CODES)])
def test_committed_page_equals_the_rendered_page(name: str) -> None:
    path = PAGES / name
    assert path.is_file(), f"docs/rules/{name} is missing; {REGENERATE}"
    assert path.read_text(encoding="utf-8") == rendered_pages()[name], (
        f"docs/rules/{name} is stale; {REGENERATE}"
    )


def test_no_page_for_a_rule_that_does_not_exist() -> None:
    committed = {p.name for p in PAGES.glob("*.md")}
    assert committed == set(rendered_pages()), REGENERATE


@pytest.mark.parametrize("code", CODES)
def test_failing_example_shows_a_finding_of_its_rule(code: str) -> None:
    shown = _outputs(NOTES[code].failing.doctest)
    assert f"{code} [" in shown
    assert "\n0 findings" not in f"\n{shown}"


@pytest.mark.parametrize("code", CODES)
def test_passing_example_shows_no_finding(code: str) -> None:
    shown = _outputs(NOTES[code].passing.doctest)
    assert shown.strip().endswith("0 findings, 0 errors")
    assert f"{code} [" not in shown


@pytest.mark.parametrize("code", CODES)
def test_page_has_every_section_and_quote(code: str) -> None:
    page = rendered_pages()[f"{code}.md"]
    for heading in ("## What it does", "## Why", "## Example", "## How to fix", "## Selecting it"):
        assert f"\n{heading}\n" in page
    assert NOTES[code].quotes
    for quote in NOTES[code].quotes:
        assert quote.zh in page
        assert quote.en in page


@pytest.mark.parametrize("code", CODES)
def test_page_header_matches_the_rule(code: str) -> None:
    r = RuleSet.default().get(code)
    page = rule_page(r)
    assert page.startswith(f"# {code}: {r.name}\n")
    assert f"| Severity | {r.severity.name.lower()} ({r.severity.label_zh}) |" in page
    assert f"| Message | `{r.message_en}` |" in page
    assert f"| 消息 | `{r.message_zh}` |" in page
    assert r.basis in page


def test_index_links_every_rule_once() -> None:
    index = index_page()
    for code in CODES:
        assert index.count(f"| [{code}]({code}.md) |") == 1


def test_tiny_world_with_a_lawful_case_breaks_no_rule() -> None:
    history: list[Event] = [
        submitted(date(2025, 3, 3)),
        accepted(date(2025, 3, 3)),
        decided(date(2025, 3, 12)),
        paid(date(2025, 3, 12)),
        delivered(date(2025, 3, 13)),
    ]
    world = tiny_world(case(*history, item="I2"), case(*history[:3], history[4], id="A2"))
    assert check(world, as_of=date(2025, 6, 30)).findings == ()


def test_amend_changes_the_record_it_names() -> None:
    world = amend(tiny_world(), "items", "I1", code="XK-9999")
    item = world.item("I1")
    assert item is not None
    assert item.code == "XK-9999"
    assert tiny_world().item("I2") == world.item("I2")


def test_amend_refuses_an_id_that_matches_nothing() -> None:
    with pytest.raises(InvalidValue, match="W9"):
        amend(tiny_world(), "windows", "W9", name="窗口")


def test_rule_page_of_a_local_rule_has_its_header_and_docstring() -> None:
    @rule("QL001", "local-check", Severity.WARNING, basis="青岚市规定", en="x.", zh="x。")
    def local_check(view: CaseView) -> Iterator[Finding]:
        """Something local.

        **Why.** Because.

        **Fix.** Do it.
        """
        yield from ()

    page = rule_page(local_check)
    assert page.startswith("# QL001: local-check\n")
    assert "## Why\n\nBecause." in page
    assert "## How to fix\n\nDo it." in page
    assert "## Example" not in page


def test_page_links_the_rules_its_docstring_names() -> None:
    page = rule_page(RuleSet.default().get("SEAL001"))
    assert "[SEAL002](SEAL002.md)" in page
    assert "[SEAL001](SEAL001.md)" not in page


def test_notes_are_frozen_values() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        NOTES["HALL001"].failing.caption = ""  # type: ignore[misc]


def test_chinese_labels_live_once_and_reports_speak_them() -> None:
    """The severity and subject labels in 简体中文 come from the engine: the report's text
    and the command line print the same words."""
    from shenpi import cli
    from shenpi.rules import Subject
    from shenpi.rules.engine import SUBJECT_KINDS_ZH

    history = [
        submitted(date(2025, 3, 3)),
        accepted(date(2025, 3, 3)),
        decided(date(2025, 3, 12), site_id="X1"),
        delivered(date(2025, 3, 13)),
    ]
    report = check(tiny_world(case(*history)), as_of=date(2025, 6, 30), select=["HALL001"])
    (finding,) = report.findings
    line = report.to_text("zh").splitlines()[0]
    assert line.startswith("HALL001 [错误] 办件 A1 事件 2：")
    assert line.endswith("（seed 二: 实现“大厅之外无审批、大厅之外无收费”）")
    assert finding.message_zh in line
    assert cli._subject(finding, "zh") == "办件 A1 事件 2" == finding.subject.label("zh")
    assert cli._severity_label(2, "zh") == Severity.ERROR.label("zh") == "错误"
    assert report.to_text().splitlines()[0].startswith("HALL001 [error] application A1 event 2: ")
    for kind, zh in SUBJECT_KINDS_ZH.items():
        assert Subject(kind, "X").label("zh") == f"{zh} X"
    assert Subject("something_new", "X").label("zh") == "something_new X"
