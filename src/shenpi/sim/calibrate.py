"""Scenarios calibrated on a city's own histories.

:func:`from_history` reads a :class:`~shenpi.jurisdiction.Jurisdiction` with cases and
estimates what a scenario needs that the reference data does not say:

- **arrival rates** per item: the cases that named the item first, per year of the
  time the item was active in the catalogue during the history (exposure-adjusted, so
  an item added half-way is not under-counted), plus half a case of prior for every
  active item (an item nobody applied for in the sample still gets a few a year); then
  scaled to ``cases_per_year`` if given;
- **staffing** per department: enough windows and reviewers that the expected work of
  a busy day (the seasonality's peak month and weekday) fills ``utilisation`` of their
  office hours, and never fewer than the world records (its windows; its approval
  office's staff).

Everything else (processing times, policies) is the scenario's defaults unless given:
the histories of the example city are themselves generated and say little about effort.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from shenpi.errors import InvalidType, InvalidValue
from shenpi.items import ItemStatus
from shenpi.jurisdiction import Jurisdiction
from shenpi.organization import Role
from shenpi.sim import _validate as v
from shenpi.sim.scenario import (
    WORKING_DAYS_PER_YEAR,
    Arrivals,
    Policies,
    Processing,
    Scenario,
    Seasonality,
    Staffing,
)
from shenpi.timing import TimeUnit

__all__ = ["from_history", "history_rates", "staffing_for"]

PRIOR_CASES = 0.5
"""Cases added to every active item's count before dividing by its exposure."""


def history_rates(world: Jurisdiction) -> dict[str, float]:
    """Cases a year per item, estimated from ``world``'s cases (see the module)."""
    if not isinstance(world, Jurisdiction):
        raise InvalidType("world", world, "expected a Jurisdiction.", "应为 Jurisdiction。")
    if not world.applications:
        raise InvalidValue(
            "world.applications",
            0,
            "there is no history to calibrate on.",
            "没有可用于校准的办件。",
            "pass arrival rates yourself: Scenario(world, start, end, Arrivals({...})).",
        )
    first = min(a.submitted_on for a in world.applications)
    last = max(a.submitted_on for a in world.applications)
    counts = Counter(a.item_ids[0] for a in world.applications)
    exposure: dict[str, int] = defaultdict(int)
    versions = world.catalogues
    for i, catalogue in enumerate(versions):
        begin = max(catalogue.effective_on, first)
        until = versions[i + 1].effective_on if i + 1 < len(versions) else last + _dt.timedelta(1)
        until = min(until, last + _dt.timedelta(1))
        days = (until - begin).days
        if days <= 0:
            continue
        for item in catalogue.items:
            if item.status is ItemStatus.ACTIVE:
                exposure[item.id] += days
    return {
        item_id: (counts[item_id] + PRIOR_CASES) * 365.25 / days
        for item_id, days in sorted(exposure.items())
    }


def staffing_for(
    world: Jurisdiction,
    rates: Mapping[str, float],
    *,
    processing: Mapping[str, Processing] | None = None,
    default_processing: Processing | None = None,
    policies: Policies | None = None,
    seasonality: Seasonality | None = None,
    hours_per_day: float = 7.0,
    utilisation: float = 0.7,
) -> dict[str, Staffing]:
    """Windows and reviewers per department for the load ``rates`` brings (see the
    module): ``ceil(peak-day hours / (hours_per_day × utilisation))``, at least what the
    world records."""
    v.share("utilisation", utilisation)
    if utilisation == 0:
        raise InvalidValue("utilisation", utilisation, "must be above 0.", "必须大于 0。")
    processing = processing or {}
    default = default_processing or Processing()
    policies = policies or Policies()
    season = seasonality or Seasonality()
    peak = (max(season.months) * 12 / sum(season.months)) * (
        max(season.weekdays[:5]) * 5 / sum(season.weekdays[:5])
    )
    items = {item.id: item for c in world.catalogues for item in c.items}
    window_hours: dict[str, float] = defaultdict(float)
    review_hours: dict[str, float] = defaultdict(float)
    for item_id, rate in rates.items():
        item = items.get(item_id)
        if item is None:
            continue
        daily = rate / WORKING_DAYS_PER_YEAR
        lead = item.lead_department_id or item.department_id
        p = processing.get(lead, default)
        window_hours[lead] += daily * p.intake.mean * (1 + policies.supplement_share)
        if item.promised_limit.unit is TimeUnit.HOURS and not item.joint:
            continue  # decided on the spot at the window
        review_hours[lead] += daily * p.review_effort.mean
        if item.joint:
            for other in item.co_department_ids:
                if other != lead:
                    q = processing.get(other, default)
                    review_hours[other] += daily * q.opinion_effort.mean
    recorded_windows = Counter(w.department_id for w in world.hall.windows)
    offices = {o.id: o.department_id for o in world.offices}
    recorded_staff = Counter(
        o.department_id
        for o in world.officials
        if o.role is Role.OFFICE_STAFF and o.unit_id in offices
    )
    capacity = hours_per_day * utilisation
    staffing = {}
    for department in sorted({d.id for d in world.departments}):
        windows = max(
            1, math.ceil(window_hours[department] * peak / capacity), recorded_windows[department]
        )
        reviewers = max(
            1, math.ceil(review_hours[department] * peak / capacity), recorded_staff[department]
        )
        staffing[department] = Staffing(windows=windows, reviewers=reviewers)
    return staffing


def from_history(
    world: Jurisdiction,
    *,
    start: _dt.date,
    end: _dt.date,
    cases_per_year: float | None = None,
    utilisation: float = 0.7,
    processing: Mapping[str, Processing] | None = None,
    default_processing: Processing | None = None,
    policies: Policies | None = None,
    seasonality: Seasonality | None = None,
    **options: Any,
) -> Scenario:
    """A scenario on ``world`` from ``start`` to ``end``, with arrival rates and staffing
    estimated from its cases (:func:`history_rates`, :func:`staffing_for`), scaled to
    ``cases_per_year`` if given. ``options`` go to :class:`Scenario` (``schedule``,
    ``calendar``, ``hours_per_day``, ``name`` …)."""
    rates = history_rates(world)
    arrivals = Arrivals(rates, seasonality or Seasonality())
    if cases_per_year is not None:
        arrivals = arrivals.scaled(cases_per_year)
    hours = options.get("hours_per_day", 7.0)
    staffing = staffing_for(
        world,
        arrivals.rates,
        processing=processing,
        default_processing=default_processing,
        policies=policies,
        seasonality=arrivals.seasonality,
        hours_per_day=hours,
        utilisation=utilisation,
    )
    return Scenario(
        world,
        start,
        end,
        arrivals,
        processing=processing or {},
        default_processing=default_processing or Processing(),
        staffing=staffing,
        policies=policies or Policies(),
        **options,
    )
