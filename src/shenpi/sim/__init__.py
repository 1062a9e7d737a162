"""Scenario simulation for analysts: test a reform plan before a city lives it.

A :class:`Scenario` is data (the world, arrivals, processing times, staffing, policies,
the reform schedule); :func:`simulate` runs it into case histories in the real model,
seeded and reproducible, so that :func:`shenpi.rules.check` and the supervision
analytics (:mod:`shenpi.analytics`) read a simulated world exactly as a real one;
:func:`compare` runs two scenarios over several seeds and reports the deltas of the key
metrics with their spread.

Building scenarios needs nothing beyond shenpi; running them needs the ``sim`` extra
(SimPy, NumPy), DataFrames and plots the ``analysis`` extra (pandas, matplotlib)::

    pip install 'shenpi[sim,analysis]'

See ``docs/simulation.md`` for the model and its assumptions.
"""

from __future__ import annotations

from shenpi.sim.calibrate import from_history, history_rates, staffing_for
from shenpi.sim.engine import LABELS
from shenpi.sim.results import (
    KEY_METRICS,
    SIM_COLUMNS,
    Comparison,
    Replications,
    SimulationResult,
    compare,
    replicate,
    simulate,
)
from shenpi.sim.scenario import (
    WORKING_DAYS_PER_YEAR,
    ApprovalMode,
    Arrivals,
    Duration,
    DurationUnit,
    ExtensionPolicy,
    Policies,
    Processing,
    ReformSchedule,
    Scenario,
    Seasonality,
    Staffing,
)
from shenpi.sim.world import backdate

__all__ = [
    "KEY_METRICS",
    "LABELS",
    "SIM_COLUMNS",
    "WORKING_DAYS_PER_YEAR",
    "ApprovalMode",
    "Arrivals",
    "Comparison",
    "Duration",
    "DurationUnit",
    "ExtensionPolicy",
    "Policies",
    "Processing",
    "ReformSchedule",
    "Replications",
    "Scenario",
    "Seasonality",
    "SimulationResult",
    "Staffing",
    "backdate",
    "compare",
    "from_history",
    "history_rates",
    "replicate",
    "simulate",
    "staffing_for",
]
