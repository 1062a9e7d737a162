"""Rules that say what is wrong with a hall and its cases, and stop it before it happens.

Every rule has a stable code (``HALL001`` …), a family (HALL, AUTH, SEAL, TIME, FEE,
CAT, REFORM, SUP), a severity, the seed's paragraph or the law's article it enforces, a
bilingual message and a page in ``docs/rules/``. Two ways in, one implementation::

    from shenpi.rules import check, guard

    report = check(jurisdiction, as_of=date(2026, 11, 1), select=["HALL"], ignore=["HALL010"])
    report = guard(jurisdiction, "A123", Decided(...))   # before the host records it
    if not report.ok:
        ...                                               # refuse the action

Local rules: declare them with :func:`rule` and pass ``rules=RuleSet.default().with_rules(...)``,
or publish them under the ``shenpi.rules`` entry point group.
"""

from shenpi.rules.engine import (
    CaseView,
    Context,
    Finding,
    Plan,
    Report,
    Rule,
    RulePolicy,
    RuleSet,
    Severity,
    Subject,
    cannot_judge,
    check,
    check_cases,
    guard,
    plan,
    rule,
)

__all__ = [
    "CaseView",
    "Context",
    "Finding",
    "Plan",
    "Report",
    "Rule",
    "RulePolicy",
    "RuleSet",
    "Severity",
    "Subject",
    "cannot_judge",
    "check",
    "check_cases",
    "guard",
    "plan",
    "rule",
]
