"""The public surface of ``shenpi.testing`` and the promises of its parameters.

Every model class has a strategy; the world strategies take the parameters integrators
need (size, date range, which departments, valid-only) and keep what they promise about
them; the mutators and the CI profile are public; the kit imports lazily.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import shenpi.applications
import shenpi.complaints
import shenpi.fees
import shenpi.items
import shenpi.jurisdiction
import shenpi.letters
import shenpi.organization
import shenpi.reform
import shenpi.seals
from shenpi import testing as shenpi_st
from shenpi.applications import Application, Submitted
from shenpi.errors import InvalidType, InvalidValue
from shenpi.fees import Tier
from shenpi.items import Catalogue, Item, ItemCodeFormat
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules import check
from shenpi.timing import TimeLimit

WORLDS = settings(max_examples=max(10, settings.default.max_examples // 4))
"""Whole worlds are slow to draw: a quarter of the profile's examples."""
MODEL_MODULES = (
    shenpi.organization,
    shenpi.items,
    shenpi.letters,
    shenpi.seals,
    shenpi.fees,
    shenpi.applications,
    shenpi.complaints,
    shenpi.reform,
    shenpi.jurisdiction,
)
HOST_DEPARTMENTS = ("SCJGJ", "ZJJ", "市自然资源局", "GA.01", "WJW")
"""Department ids as a host system might have them: codes, Chinese names, dots."""

T = TypeVar("T")


def _pooled(build: Callable[..., st.SearchStrategy[T]]) -> st.SearchStrategy[tuple[list[str], T]]:
    """A pool of host department ids, with what ``build(department_ids=pool)`` draws."""
    pools = st.lists(st.sampled_from(HOST_DEPARTMENTS), min_size=1, max_size=3, unique=True)
    return pools.flatmap(lambda pool: st.tuples(st.just(pool), build(department_ids=pool)))


def _model_classes() -> set[type]:
    found = {
        value
        for module in MODEL_MODULES
        for value in (getattr(module, name) for name in module.__all__)
        if isinstance(value, type) and attrs.has(value)
    }
    return found | {TimeLimit}


def _strategy_for(cls: type) -> st.SearchStrategy[Any]:
    """The kit's strategy for one model class."""
    if cls in shenpi.applications.EVENT_TYPES:
        return shenpi_st.events(cls)
    by_class: dict[type, st.SearchStrategy[Any]] = {
        shenpi.organization.ServiceSite: shenpi_st.service_sites(),
        shenpi.organization.Window: shenpi_st.windows(),
        shenpi.organization.Hall: shenpi_st.halls(),
        shenpi.organization.Department: shenpi_st.departments(),
        shenpi.organization.Section: shenpi_st.sections(),
        shenpi.organization.ApprovalOffice: shenpi_st.approval_offices(),
        shenpi.organization.Official: shenpi_st.officials(),
        shenpi.items.LegalBasis: shenpi_st.legal_bases(),
        shenpi.items.Material: shenpi_st.materials(),
        shenpi.items.Item: shenpi_st.items(),
        shenpi.items.ItemCodeFormat: shenpi_st.item_code_formats(),
        shenpi.items.CatalogueChange: shenpi_st.catalogue_changes(),
        shenpi.items.Publication: shenpi_st.publications(),
        shenpi.items.Catalogue: shenpi_st.catalogues(),
        shenpi.letters.AuthorizationLetter: shenpi_st.authorization_letters(),
        shenpi.seals.Seal: shenpi_st.seals(),
        shenpi.fees.Tier: shenpi_st.tiers(),
        shenpi.fees.AmountRule: shenpi_st.amount_rules(),
        shenpi.fees.FeeStandard: shenpi_st.fee_standards(),
        shenpi.fees.FeeSchedule: shenpi_st.fee_schedules(),
        shenpi.fees.Payment: shenpi_st.payments(),
        shenpi.applications.Applicant: shenpi_st.applicants(),
        shenpi.applications.Application: shenpi_st.applications(),
        shenpi.complaints.Complaint: shenpi_st.complaints(),
        shenpi.reform.ReformPhase: shenpi_st.reform_phases(),
        shenpi.reform.ReformPlan: shenpi_st.reform_plans(),
        shenpi.reform.AcceptanceCheck: shenpi_st.acceptance_checks(),
        shenpi.jurisdiction.Jurisdiction: shenpi_st.jurisdictions(max_applications=2),
        TimeLimit: shenpi_st.time_limits(),
    }
    return by_class[cls]


def _refusal(action: Callable[[], object]) -> InvalidValue | None:
    """The ``InvalidValue`` the action raises, or ``None`` if it succeeds."""
    try:
        action()
    except InvalidValue as refused:
        return refused
    return None


def _deciding_department(world: Jurisdiction, case: Application) -> str:
    item = world.catalogues[-1].get(case.item_ids[0])
    assert item is not None
    return item.lead_department_id or item.department_id


def _references(world: Jurisdiction) -> set[str]:
    """Every department id any record of the world names."""
    named = {
        *(o.department_id for o in world.offices),
        *(s.department_id for s in world.sections),
        *(p.department_id for p in world.officials),
        *(w.department_id for w in world.hall.windows),
        *(x.department_id for x in world.letters),
        *(x.department_id for x in world.seals),
        *(f.department_id for f in world.fee_schedules),
        *(a.department_id for a in world.acceptance_checks),
        *(c.department_id for c in world.complaints if c.department_id is not None),
    }
    for catalogue in world.catalogues:
        for item in catalogue.items:
            named |= {item.department_id, *item.co_department_ids}
            if item.lead_department_id is not None:
                named.add(item.lead_department_id)
    return named


# ====================================================================== the public surface
def test_every_public_name_is_exported_and_documented() -> None:
    for name in shenpi_st.__all__:
        value = getattr(shenpi_st, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            assert (inspect.getdoc(value) or "").strip(), name
    public = {
        name
        for name in dir(shenpi_st)
        if not name.startswith("_") and not inspect.ismodule(getattr(shenpi_st, name))
    }
    assert public - {"annotations", "TYPE_CHECKING", "Any"} == set(shenpi_st.__all__)


def test_the_mutators_are_public_under_the_kit() -> None:
    from shenpi.testing import mutators

    for name in ("inject", "MUTATORS", "violations", "worlds_with", "Injection", "NoTarget"):
        assert name in shenpi_st.__all__
        assert getattr(shenpi_st, name) is getattr(mutators, name)
    assert shenpi_st.mutators is mutators


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_strategy"):
        shenpi_st.no_such_strategy  # noqa: B018


def test_importing_the_kit_and_its_plugin_imports_neither_hypothesis_nor_the_model() -> None:
    code = (
        "import sys, shenpi.testing, shenpi.testing.pytest_plugin\n"
        "heavy = {'hypothesis', 'shenpi.jurisdiction', 'shenpi.calendar', 'shenpi.examples'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_model_class_has_a_strategy() -> None:
    for cls in _model_classes():
        assert isinstance(_strategy_for(cls), st.SearchStrategy), cls.__name__


@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_model_strategy_draws_its_class(data: st.DataObject) -> None:
    for cls in sorted(_model_classes(), key=lambda c: c.__name__):
        assert isinstance(data.draw(_strategy_for(cls), label=cls.__name__), cls)


# ====================================================================== one-class additions
@given(shenpi_st.tiers(ceiling=True), shenpi_st.tiers(ceiling=False), shenpi_st.tiers())
def test_tiers_have_a_ceiling_exactly_when_asked(with_: Tier, without: Tier, any_: Tier) -> None:
    assert with_.up_to is not None
    assert with_.up_to > 0
    assert without.up_to is None
    assert attrs.evolve(any_) == any_


@given(shenpi_st.item_code_formats(), shenpi_st.items())
def test_item_code_formats_hold_valid_patterns(fmt: ItemCodeFormat, item: Item) -> None:
    re.compile(fmt.pattern)
    assert attrs.evolve(fmt) == fmt
    assert ItemCodeFormat("kit", r"XK-\d{5}").check(item.code)


# ====================================================================== which departments
@WORLDS
@given(data=st.data())
def test_a_world_with_department_ids_is_made_of_those_departments_only(
    data: st.DataObject,
) -> None:
    pool = data.draw(
        st.lists(st.sampled_from(HOST_DEPARTMENTS), min_size=1, max_size=4, unique=True),
        label="department_ids",
    )
    least = data.draw(st.integers(1, len(pool)), label="min_departments")
    most = data.draw(st.integers(least, 6), label="max_departments")
    world = data.draw(
        shenpi_st.jurisdictions(
            department_ids=pool,
            min_departments=least,
            max_departments=most,
            max_applications=4,
            max_complaints=2,
        ),
        label="world",
    )
    ids = [d.id for d in world.departments]
    assert least <= len(ids) <= min(most, len(pool))
    assert ids == [d for d in pool if d in ids]  # in the order given
    assert _references(world) <= set(ids)
    assert {_deciding_department(world, case) for case in world.applications} <= set(ids)
    # Host ids change nothing of validity.
    assert check(world, as_of=shenpi_st.audit_day(world)).findings == ()


@WORLDS
@given(shenpi_st.jurisdictions(max_applications=0, max_complaints=0), st.data())
def test_cases_drawn_for_some_departments_are_decided_by_them(
    world: Jurisdiction, data: st.DataObject
) -> None:
    ids = [d.id for d in world.departments]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True), label="chosen")
    refused = _refusal(lambda: shenpi_st.applications(world, department_ids=chosen))
    if refused is not None:
        # Items added late, or cancelled, may leave a department nothing to apply for;
        # the first item of the first version always has room, so its department does.
        assert refused.field == "department_ids"
        assert world.catalogues[0].items[0].department_id not in chosen
        return
    case = data.draw(shenpi_st.applications(world, department_ids=chosen), label="case")
    assert _deciding_department(world, case) in chosen
    whole = world.with_applications([case])
    assert check(whole, as_of=shenpi_st.audit_day(whole)).findings == ()
    events = data.draw(shenpi_st.histories(world, department_ids=chosen), label="history")
    assert isinstance(events[0], Submitted)
    assert shenpi_st.DEFAULT_START <= events[0].on <= shenpi_st.DEFAULT_END


@settings(max_examples=20)
@given(_pooled(shenpi_st.applications))
def test_a_case_without_a_world_belongs_to_the_departments_given(
    drawn: tuple[list[str], Application],
) -> None:
    pool, case = drawn
    assert case.item_ids[0].rsplit(".item", 1)[0] in pool


def test_department_ids_are_checked_naming_the_argument() -> None:
    with pytest.raises(InvalidType) as typed:
        shenpi_st.jurisdictions(department_ids="D0")
    assert typed.value.field == "department_ids"
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.jurisdictions(department_ids=[])
    assert caught.value.field == "department_ids"
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.jurisdictions(department_ids=["A", "B", "A"])
    assert caught.value.field == "department_ids"
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.catalogues(department_ids=["A", " B"])
    assert caught.value.field == "department_ids[1]"
    with pytest.raises(InvalidType) as typed:
        shenpi_st.applications(department_ids=[1])  # type: ignore[list-item]
    assert typed.value.field == "department_ids[0]"
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.jurisdictions(department_ids=["A", "B"], min_departments=3, max_departments=4)
    assert caught.value.field == "min_departments"
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.jurisdictions(min_applications=3, max_applications=2)
    assert caught.value.field == "max_applications"
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.catalogues(max_items=-1)
    assert caught.value.field == "max_items"


@settings(max_examples=5)
@given(shenpi_st.jurisdictions(max_applications=0, max_complaints=0))
def test_cases_for_departments_the_world_lacks_are_refused(world: Jurisdiction) -> None:
    with pytest.raises(InvalidValue) as caught:
        shenpi_st.applications(world, department_ids=["no-such-department"])
    assert caught.value.field == "department_ids"


# ====================================================================== size and date range
@WORLDS
@given(st.integers(0, 4), st.data())
def test_a_world_has_at_least_min_applications(least: int, data: st.DataObject) -> None:
    worlds = shenpi_st.jurisdictions(
        min_applications=least, max_applications=least + 2, max_departments=2
    )
    world = data.draw(worlds, label="world")
    assert least <= len(world.applications) <= least + 2
    assert len({a.id for a in world.applications}) == len(world.applications)


@st.composite
def _ranges(draw: st.DrawFn) -> tuple[dt.date, dt.date]:
    """A date range in the calendar's data, from one day to a little over a year."""
    start = draw(st.dates(dt.date(2010, 1, 1), dt.date(2026, 3, 31)), label="start")
    end = draw(st.dates(start, min(start + dt.timedelta(days=400), dt.date(2026, 6, 30))))
    return start, end


@WORLDS
@given(_ranges(), st.data())
def test_every_case_of_a_world_is_submitted_within_start_and_end(
    range_: tuple[dt.date, dt.date], data: st.DataObject
) -> None:
    start, end = range_
    worlds = shenpi_st.jurisdictions(start=start, end=end, max_departments=2, max_applications=6)
    world = data.draw(worlds, label="world")
    assert all(start <= case.submitted_on <= end for case in world.applications)


@settings(max_examples=20)
@given(_ranges(), st.booleans(), st.data())
def test_every_history_begins_within_start_and_end(
    range_: tuple[dt.date, dt.date], valid_only: bool, data: st.DataObject
) -> None:
    start, end = range_
    histories = shenpi_st.histories(start=start, end=end, valid_only=valid_only)
    drawn: list[tuple[Any, ...]] = []
    refused = _refusal(lambda: drawn.append(data.draw(histories, label="history")))
    if refused is not None:
        # A range of rest days holds no day to submit on, and a late one may leave no
        # room for a history before the end of the calendar's data.
        assert refused.field == "start"
        return
    assert start <= drawn[0][0].on <= end


def test_a_range_that_leaves_no_time_for_a_case_is_refused_when_cases_are_required() -> None:
    late = shenpi_st.jurisdictions(
        start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 31), min_applications=1
    )

    @settings(max_examples=1, database=None, phases=[Phase.generate])
    @given(late)
    def draw(world: Jurisdiction) -> None:
        raise AssertionError("a world was drawn")

    with pytest.raises(InvalidValue) as caught:
        draw()
    assert caught.value.field == "start"


# ====================================================================== catalogues
@WORLDS
@given(shenpi_st.jurisdictions(max_applications=0, max_complaints=0), st.data())
def test_a_valid_catalogue_for_a_worlds_departments_keeps_every_rule(
    world: Jurisdiction, data: st.DataObject
) -> None:
    ids = [d.id for d in world.departments]
    start, end = data.draw(_ranges(), label="range")
    catalogue = data.draw(
        shenpi_st.catalogues(department_ids=ids, valid_only=True, start=start, end=end),
        label="catalogue",
    )
    assert start <= catalogue.effective_on <= end
    assert [p.published_on for p in catalogue.publications] == [catalogue.effective_on]
    for item in catalogue.items:
        assert {item.department_id, *item.co_department_ids} <= set(ids)
        assert item.fee_schedule_id is None
    assert len({i.code for i in catalogue.items}) == len(catalogue.items)
    replaced = attrs.evolve(world, catalogues=(catalogue,))
    assert check(replaced, as_of=shenpi_st.audit_day(replaced)).findings == ()


@settings(max_examples=30)
@given(_pooled(shenpi_st.catalogues))
def test_any_catalogue_belongs_to_the_departments_given(
    drawn: tuple[list[str], Catalogue],
) -> None:
    pool, catalogue = drawn
    for item in catalogue.items:
        assert {item.department_id, *item.co_department_ids} <= set(pool)
        assert item.lead_department_id is None or item.lead_department_id in pool


# ====================================================================== the CI profile
def test_the_ci_profile_is_fast_repeatable_and_reproducible() -> None:
    ci = shenpi_st.ci_settings()
    assert ci.max_examples == 50
    assert ci.deadline is None
    assert ci.derandomize
    assert ci.database is None
    assert ci.print_blob
    assert HealthCheck.too_slow in ci.suppress_health_check


def test_registering_the_ci_profile_does_not_load_it() -> None:
    current = settings.get_current_profile_name()
    assert shenpi_st.register_ci_profile() == shenpi_st.CI_PROFILE == "shenpi-ci"
    assert settings.get_profile("shenpi-ci").max_examples == 50
    assert settings.get_current_profile_name() == current


# ====================================================================== the docs page
ROOT = Path(__file__).resolve().parents[1]
EXCERPT = re.compile(r"```python\n# (examples/\S+)\n(.*?)```", re.DOTALL)


def test_the_docs_quote_the_worked_example_as_it_is() -> None:
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    excerpts = EXCERPT.findall(page)
    assert len(excerpts) >= 4
    for path, code in excerpts:
        assert code in (ROOT / path).read_text(encoding="utf-8"), path
