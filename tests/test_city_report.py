"""The example city's report is stable, and every finding is explained by its answer key.

``violations.json`` (written by ``examples/make_city.py``) lists, for each kind of
violation the generator put into the city on purpose, the ids that carry it. Every
finding of ``check`` must be one of those; a finding nobody planted is a rule bug (or a
generator bug), and this test names it.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

import pytest

from shenpi.examples import example_city_paths, load_example_city
from shenpi.rules import Report, check

AS_OF = dt.date(2026, 12, 31)

# Which labels of the answer key explain each rule's findings (by subject id).
CASES: dict[str, tuple[str, ...]] = {
    "HALL001": ("outside_hall",),
    "HALL002": ("fee_outside_hall",),
    "HALL003": ("not_in_catalogue",),
    "HALL007": ("section_decides",),
    "HALL009": ("without_acceptance",),
    # A section's staff hold no letter: 前店后厂 decisions are also unauthorised.
    "AUTH001": ("decision_without_letter", "section_decides"),
    "AUTH004": ("expired_letter",),
    "SEAL002": ("abolished_seal",),
    "TIME003": ("late_promise",),
    "TIME004": ("late_law",),
    "TIME008": ("late_extension",),
    "TIME009": ("second_extension",),
    "TIME010": ("unfounded_suspension",),
}
REFERENCE: dict[str, tuple[str, ...]] = {
    "FEE001": ("fee_without_legal_basis",),
    "REFORM002": ("acceptance_failed",),
    "SEAL005": ("old_seal_active",),
    "SUP001": ("complaint_late",),
    "TIME005": ("promised_exceeds_statutory",),
}
# Departments outside the hall, or whose office entered only in part.
OUTSIDE = ("HALL004", "HALL005", "HALL006", "REFORM001")


@cache
def key() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_city_paths().violations.read_text("utf-8"))
    return data


@cache
def report() -> Report:
    return check(load_example_city(), as_of=AS_OF)


def test_every_rule_with_findings_is_explained() -> None:
    explained = set(CASES) | set(REFERENCE) | set(OUTSIDE) | {"TIME001"}
    assert set(report().counts()) <= explained


@pytest.mark.parametrize("code", sorted(CASES))
def test_case_findings_are_exactly_the_planted_violations(code: str) -> None:
    found = {f.subject.id for f in report() if f.code == code}
    planted: set[str] = set()
    for label in CASES[code]:
        planted |= set(key()["cases"][label])
    assert found == planted


def test_late_intake_answers_are_the_planted_ones_and_some_cases_outside_the_system() -> None:
    # A case decided outside the system was never accepted: unless a supplement notice
    # went out in time, its intake was never answered either (art. 32 (4)).
    found = {f.subject.id for f in report() if f.code == "TIME001"}
    late = set(key()["cases"]["late_supplement"])
    outside = set(key()["cases"]["without_acceptance"])
    assert late <= found <= late | outside


@pytest.mark.parametrize("code", sorted(REFERENCE))
def test_reference_findings_are_planted(code: str) -> None:
    found = {f.subject.id for f in report() if f.code == code}
    planted: set[str] = set()
    for label in REFERENCE[code]:
        planted |= set(key()["reference"][label])
    assert found
    assert found <= planted


@pytest.mark.parametrize("code", OUTSIDE)
def test_departments_outside_the_hall_are_the_planted_ones(code: str) -> None:
    reference = key()["reference"]
    offices = {office.removesuffix("-office") for office in reference["office_partly_entered"]}
    planted = set(reference["department_not_stationed"]) | offices
    found = {f.subject.id for f in report() if f.code == code}
    assert found
    assert found <= planted


def test_the_report_is_stable() -> None:
    assert report().counts() == {
        "AUTH001": 87,
        "AUTH004": 21,
        "FEE001": 2,
        "HALL001": 83,
        "HALL002": 45,
        "HALL003": 15,
        "HALL004": 13,
        "HALL005": 15,
        "HALL006": 16,
        "HALL007": 71,
        "HALL009": 51,
        "REFORM001": 22,
        "REFORM002": 21,
        "SEAL002": 34,
        "SEAL005": 5,
        "SUP001": 13,
        "TIME001": 76,
        "TIME003": 177,
        "TIME004": 81,
        "TIME005": 3,
        "TIME008": 15,
        "TIME009": 16,
        "TIME010": 35,
    }
    assert report() == check(load_example_city(), as_of=AS_OF)
