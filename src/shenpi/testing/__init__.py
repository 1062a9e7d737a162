"""Hypothesis strategies for shenpi's model: the kit integrators test their systems with.

Importing ``shenpi`` never imports Hypothesis, and importing this package is cheap too:
each name (and Hypothesis with it) is loaded on first use. Use it in tests::

    from hypothesis import given
    from shenpi import testing as shenpi_st

    @given(shenpi_st.jurisdictions(max_departments=3))
    def test_my_export_reads_back(world):
        assert my_import(my_export(world)) == world

Four kinds of tools:

- **One per model class** (:func:`items`, :func:`seals`, :func:`payments`,
  :func:`events`, :func:`tiers`, …): any value the model accepts, built constructively.
  The ids they reference need not exist unless you pass the ids to draw from
  (``department_ids=…``). Text is mostly realistic Chinese, and now and then any
  Unicode, to stress serialization.
- **Consistent worlds**: :func:`jurisdictions` builds a whole object graph in which every
  referenced id exists (``department_ids=…`` gives its departments the host's own ids);
  :func:`catalogues` draws a catalogue for given departments (``valid_only=True``: one
  that breaks no catalogue rule); :func:`applications` and :func:`histories` draw cases
  for an existing :class:`~shenpi.jurisdiction.Jurisdiction` (or for a small world drawn
  for them), for chosen departments if asked. Histories are built step by step on
  :meth:`WorkCalendar.official() <shenpi.calendar.WorkCalendar.official>`; nothing is
  filtered or rejected.
- **Targeted violations** (:mod:`shenpi.testing.mutators`): :func:`inject` breaks exactly
  one rule in a valid world (``MUTATORS`` holds one mutator per rule code), and
  :func:`violations` / :func:`worlds_with` draw such worlds::

      @given(shenpi_st.violations("SEAL002"))
      def test_my_dashboard_flags_old_seals(injection):
          report = check(injection.world, as_of=injection.as_of)
          assert [(f.code, f.subject) for f in report] == [("SEAL002", injection.subject)]

- **pytest and CI**: the pytest plugin (:mod:`shenpi.testing.pytest_plugin`, loaded
  automatically) gives the fixtures ``shenpi_example_city``, ``shenpi_example_city_paths``,
  ``shenpi_calendar`` and ``shenpi_provisional_calendar``; the Hypothesis profile
  ``shenpi-ci`` (:func:`ci_settings`) is loaded with ``pytest
  --hypothesis-profile=shenpi-ci`` or :func:`register_ci_profile`.

Every day of a case lies in the official calendar's data (2004-01-01 … 2026-12-31;
reform dates and old seals may be earlier). Cases are submitted on working days in
``[start, end]`` (default 2024-01-01 … 2026-06-30), each early enough that its last event
and every due day of its history (``intake_due`` of any event, the decision clocks under
the item's statutory and promised limits, ``delivery_due`` of any event) lie in that data:
the case's :class:`~shenpi.timeline.Timeline` on the official calendar has no problem. An item
whose longest possible history cannot end in that data gets no cases (the margin is
larger with ``valid_only=False``, whose steps may run late).

What every world from :func:`jurisdictions` holds
-------------------------------------------------

Ids are unique and readable: departments ``D0``, ``D1``, … (or some of the ids passed
as ``department_ids``, in their order); for department ``D0`` its head ``D0.head``,
approval office ``D0.office`` with director ``D0.director``, window clerks
``D0.clerk1``…, sections ``D0.sec1``… (staff ``D0.sec1.staff``), windows ``D0.win1``…,
items ``D0.item1``… (codes ``XK00001``…, from the department's place in the world),
letter ``D0.letter``, dedicated seal ``D0.seal``, old seals ``D0.oldseal1``…, fee
schedule ``D0.fees`` with standards ``D0.fee1``…; sites ``S0`` (the main hall), ``S1``…
(sub-centers), ``P0``/``M0`` (provincial and municipal halls), ``X0`` (department
premises); cases ``A0``…; complaints ``C0``….

Whatever ``valid_only`` is, every reference resolves:

- each department's ``head_id`` names its ``HEAD``; it has exactly one approval office,
  whose ``director_id`` names its ``OFFICE_DIRECTOR`` (``unit_id`` the office), exactly
  one authorization letter (grantor: the head; grantee: the director), exactly one
  ``DEDICATED_APPROVAL`` seal, one or two windows, and a fee schedule exactly when
  ``fee_powers`` is set; every official's ``unit_id`` is its own department's office or
  section; every window stands at a site of the hall;
- every item, in every catalogue version, belongs to an existing department; its
  ``fee_schedule_id`` names that department's schedule; a joint item is led by its own
  department with one or two other departments as ``co_department_ids``. Version 1 takes
  effect at the end of reform phase 4; a second version, if any, is
  ``Catalogue.apply`` of the first (cancel, delegate down, amend, add, take over) taking
  effect on a working day in ``[start, end]``; each version is published on its day;
- the reform plan is :data:`~shenpi.reform.SEED_PLAN` (moved to the year before
  ``start`` when ``start`` is not after it), and every department has one acceptance check;
- every case applies for one item of the current catalogue (joint items:
  ``lead_department_id`` is the lead); every id an event names exists: sites and windows
  of the hall, officials, office and sections of the deciding department, its letters,
  seals, fee schedule and standards, co-departments and their directors;
- histories follow the legal order: ``Submitted`` → (``SupplementRequested`` →
  ``Supplemented``)? → ``Accepted`` → (``Suspended`` → ``Resumed``){0,2} → ``Extended``? →
  ``OpinionGiven``* (one per co-department) → ``Decided`` → ``FeePaid``? → ``Delivered``,
  or a history that stops with ``NotAccepted`` (instead of acceptance) or ``Withdrawn``
  (awaiting the supplement, or before the decision); with ``valid_only=False`` the
  acceptance may be missing and there may be two extensions. Days never go backwards and
  the timeline can follow them (no history problem in its ``Timeline``);
- every complaint names an existing department and perhaps one of its cases.

What ``valid_only=True`` guarantees besides (the default)
---------------------------------------------------------

The world breaks none of the reform's rules:

1. **三进入.** Each office was established in phase 2 and its institution, staff and items
   all entered the hall in phase 4, so ``office.entered(d)`` holds for every case day;
   directors are civil servants; no section has ``SectionFunction.APPROVAL``; every
   department passed every point of the plan in an acceptance check in phase 5.
2. **Seals.** The dedicated approval seal was activated after the office was established
   and before its first entry, and is never abolished; every other seal is a
   ``SECTION_APPROVAL`` or ``OTHER_APPROVAL`` seal abolished on the day the dedicated seal
   was activated (seed 三(六): "同时废止"), so before the office entered the hall.
3. **Letters.** Full scope (``item_ids`` empty), signed by the head to the director after
   the office was established and before it entered the hall, valid from signing with no
   end, never revoked.
4. **Windows** stand at ``MAIN_HALL`` or ``SUB_CENTER`` sites, opened in phase 3, never closed.
5. **Items.** Statutory limit at most 20 working days (45 for joint items), promised
   limit in working days and no longer, so every item is a 承诺件
   (``HandlingType.PROMISED``: an instant item promises "即办", in hours); at least one
   legal basis (licensing items only ``LAW``, ``ADMINISTRATIVE_REGULATION``,
   ``STATE_COUNCIL_DECISION`` or ``LOCAL_REGULATION``, arts. 14-17), material, condition
   and procedure step; an item handled fully online requires no visit to the hall; no
   ``seal_exception``; fee items link their department's schedule.
6. **Fee standards** rest on a ``LAW`` or ``ADMINISTRATIVE_REGULATION`` (art. 58) and were
   published in phase 2.
7. **Cases** are for items active in the catalogue version in effect on the submission
   day and in every later version (cancelled or delegated items get no cases); every
   event falls on a working day; applicants' identifiers are valid (USCC or resident id
   with correct check characters, or a passport).
8. **Intake** (art. 32). At most one supplement notice, listing the item's materials, on
   or before ``intake_due(submitted_on)``; acceptance or refusal on or before the
   ``intake_due`` of the last receipt of materials (the submission or the supplement);
   acceptance at an open window of the deciding department at a ``MAIN_HALL`` or
   ``SUB_CENTER`` site, by an official of its office.
9. **Review** (arts. 42, 45). Every suspension has an art. 45 reason (``OTHER`` with a
   basis), starts on or before the due day and is resumed before anything else happens;
   at most one extension, on or before the due day, by at most 10 working days (15 for a
   joint item), approved by the department head, with reasons; so no step of the case's
   :class:`~shenpi.timeline.Timeline` has a fault. Each co-department gives its opinion
   (by its director) on or before the due day.
10. **Decision.** On or before the statutory and the promised due day of the case's
    :class:`~shenpi.timeline.Timeline` (instant items: on the acceptance day); by the
    deciding department (``department_id``), its office (``unit_id``) and director
    (``official_id``), at the site of the accepting window (a ``MAIN_HALL`` or
    ``SUB_CENTER``), under the department's letter (which ``covers`` the item that day),
    with its dedicated seal (``active`` that day). A denial carries reasons; a denying
    opinion makes the decision a denial.
11. **Fees** (arts. 58-59, 统一收费). Only after an approval, at most one payment per case,
    on or after the decision and on or before delivery; at ``HALL_CASHIER`` (``site_id`` a
    ``MAIN_HALL`` site) or ``HALL_ONLINE`` (no site); for the item's schedule and one of its
    standards, lawful and published by the day of payment, at an amount its rule
    ``allows`` for the recorded quantity; never waived.
12. **Delivery** (art. 44). Every decision is delivered on or before
    ``delivery_due(decided_on)``.
13. **Closed cases.** Every case ends in ``Delivered``, ``NotAccepted`` or ``Withdrawn``,
    so these facts hold as of any day on or after its last event.
14. **Complaints** are handled within 5 working days of receipt.

With ``valid_only=False`` the graph is as consistent, but any of those rules may be
broken: offices that never entered or entered late, old seals still active, letters
revoked or limited to some items, windows outside the hall, long or inverted limits,
instant items promising days, online items requiring visits,
unlawful or unpublished fee standards, late intake steps, no acceptance, suspensions
without reason, second, late or long extensions, late decisions outside the hall by
anyone under any letter and seal, fees collected anywhere at any amount, late delivery,
invalid identifiers, unhandled complaints.

:func:`applications` and :func:`histories` give a case for a jurisdiction the guarantees
7-13 of its own history (and withdraw a case on the day its decision would have to
break one, if the jurisdiction leaves no lawful way to decide).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from shenpi.testing._profile import CI_PROFILE, ci_settings, register_ci_profile

if TYPE_CHECKING:
    from shenpi.testing import mutators as mutators
    from shenpi.testing._common import FIRST_DAY, LAST_DAY, resident_ids, usccs
    from shenpi.testing._values import (
        DAY_UNITS,
        acceptance_checks,
        amount_rules,
        applicants,
        approval_offices,
        authorization_letters,
        catalogue_changes,
        complaints,
        days,
        departments,
        events,
        fee_schedules,
        fee_standards,
        halls,
        item_code_formats,
        items,
        legal_bases,
        materials,
        officials,
        payments,
        publications,
        reform_phases,
        reform_plans,
        seals,
        sections,
        service_sites,
        tiers,
        time_limits,
        windows,
    )
    from shenpi.testing._worlds import (
        DEFAULT_END,
        DEFAULT_START,
        applications,
        catalogues,
        histories,
        jurisdictions,
    )
    from shenpi.testing.mutators import (
        MUTATORS,
        Injection,
        Mutator,
        NoTarget,
        audit_day,
        inject,
        violations,
        worlds_with,
    )

_COMMON = "shenpi.testing._common"
_VALUES = "shenpi.testing._values"
_WORLDS = "shenpi.testing._worlds"
_MUTATORS = "shenpi.testing.mutators"

# Names are imported on first use (PEP 562): the pytest plugin lives in this package and
# is imported at every pytest start, which must not pay for Hypothesis and the kit.
_LAZY: dict[str, str] = {
    "DAY_UNITS": _VALUES,
    "DEFAULT_END": _WORLDS,
    "DEFAULT_START": _WORLDS,
    "FIRST_DAY": _COMMON,
    "LAST_DAY": _COMMON,
    "MUTATORS": _MUTATORS,
    "Injection": _MUTATORS,
    "Mutator": _MUTATORS,
    "NoTarget": _MUTATORS,
    "acceptance_checks": _VALUES,
    "amount_rules": _VALUES,
    "applicants": _VALUES,
    "applications": _WORLDS,
    "approval_offices": _VALUES,
    "audit_day": _MUTATORS,
    "authorization_letters": _VALUES,
    "catalogue_changes": _VALUES,
    "catalogues": _WORLDS,
    "complaints": _VALUES,
    "days": _VALUES,
    "departments": _VALUES,
    "events": _VALUES,
    "fee_schedules": _VALUES,
    "fee_standards": _VALUES,
    "halls": _VALUES,
    "histories": _WORLDS,
    "inject": _MUTATORS,
    "item_code_formats": _VALUES,
    "items": _VALUES,
    "jurisdictions": _WORLDS,
    "legal_bases": _VALUES,
    "materials": _VALUES,
    "officials": _VALUES,
    "payments": _VALUES,
    "publications": _VALUES,
    "reform_phases": _VALUES,
    "reform_plans": _VALUES,
    "resident_ids": _COMMON,
    "seals": _VALUES,
    "sections": _VALUES,
    "service_sites": _VALUES,
    "tiers": _VALUES,
    "time_limits": _VALUES,
    "usccs": _COMMON,
    "violations": _MUTATORS,
    "windows": _VALUES,
    "worlds_with": _MUTATORS,
}


def __getattr__(name: str) -> Any:
    if name == "mutators":
        return importlib.import_module(_MUTATORS)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'shenpi.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "mutators"})


__all__ = [
    "CI_PROFILE",
    "DAY_UNITS",
    "DEFAULT_END",
    "DEFAULT_START",
    "FIRST_DAY",
    "LAST_DAY",
    "MUTATORS",
    "Injection",
    "Mutator",
    "NoTarget",
    "acceptance_checks",
    "amount_rules",
    "applicants",
    "applications",
    "approval_offices",
    "audit_day",
    "authorization_letters",
    "catalogue_changes",
    "catalogues",
    "ci_settings",
    "complaints",
    "days",
    "departments",
    "events",
    "fee_schedules",
    "fee_standards",
    "halls",
    "histories",
    "inject",
    "item_code_formats",
    "items",
    "jurisdictions",
    "legal_bases",
    "materials",
    "officials",
    "payments",
    "publications",
    "reform_phases",
    "reform_plans",
    "register_ci_profile",
    "resident_ids",
    "seals",
    "sections",
    "service_sites",
    "tiers",
    "time_limits",
    "usccs",
    "violations",
    "windows",
    "worlds_with",
]
