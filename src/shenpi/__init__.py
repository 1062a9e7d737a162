"""shenpi (审批): the rules of China's one-stop administrative approval halls, executable.

The common names are importable from here::

    from shenpi import WorkCalendar, TimeLimit, Clock, Item, Application, Jurisdiction

Importing shenpi is cheap: each name is loaded on first use, calendar data is read the
first time a calendar is built, and Hypothesis is imported only by ``shenpi.testing``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shenpi.applications import (
        Accepted,
        Applicant,
        ApplicantType,
        Application,
        Channel,
        Decided,
        Delivered,
        Extended,
        FeePaid,
        IdentifierKind,
        NotAccepted,
        OpinionGiven,
        Outcome,
        Resumed,
        Submitted,
        Supplemented,
        SupplementRequested,
        Suspended,
        Withdrawn,
    )
    from shenpi.calendar import CalendarDataMissing, WorkCalendar
    from shenpi.complaints import Complaint, ComplaintChannel
    from shenpi.errors import (
        CalendarConflict,
        FormatError,
        InvalidType,
        InvalidValue,
        NoticeFormatError,
        ShenpiError,
        TimelineError,
    )
    from shenpi.fees import AmountRule, CollectionPoint, FeeSchedule, FeeStandard, Payment, RuleKind
    from shenpi.items import (
        Catalogue,
        CatalogueChange,
        ChangeKind,
        HandlingType,
        Item,
        ItemKind,
        ItemStatus,
        LegalBasis,
        LegalLevel,
        Material,
        Publication,
    )
    from shenpi.jurisdiction import Jurisdiction
    from shenpi.letters import AuthorizationLetter
    from shenpi.organization import (
        ApprovalOffice,
        Department,
        Hall,
        Official,
        Role,
        Section,
        SectionFunction,
        ServiceSite,
        SiteKind,
        Window,
    )
    from shenpi.reform import SEED_PLAN, AcceptanceCheck, AcceptancePoint, ReformPhase, ReformPlan
    from shenpi.seals import Seal, SealKind
    from shenpi.timeline import Timeline
    from shenpi.timing import Clock, Suspension, TimeLimit

__version__ = "0.1.0.dev0"

# Names are imported on first use (PEP 562), so ``import shenpi`` builds no classes and
# reads no data until a name is asked for.
_LAZY: dict[str, str] = {
    "AcceptanceCheck": "shenpi.reform",
    "AcceptancePoint": "shenpi.reform",
    "Accepted": "shenpi.applications",
    "AmountRule": "shenpi.fees",
    "Applicant": "shenpi.applications",
    "ApplicantType": "shenpi.applications",
    "Application": "shenpi.applications",
    "ApprovalOffice": "shenpi.organization",
    "AuthorizationLetter": "shenpi.letters",
    "CalendarConflict": "shenpi.errors",
    "CalendarDataMissing": "shenpi.calendar",
    "Catalogue": "shenpi.items",
    "CatalogueChange": "shenpi.items",
    "ChangeKind": "shenpi.items",
    "Channel": "shenpi.applications",
    "Clock": "shenpi.timing",
    "CollectionPoint": "shenpi.fees",
    "Complaint": "shenpi.complaints",
    "ComplaintChannel": "shenpi.complaints",
    "Decided": "shenpi.applications",
    "Delivered": "shenpi.applications",
    "Department": "shenpi.organization",
    "Extended": "shenpi.applications",
    "FeePaid": "shenpi.applications",
    "FeeSchedule": "shenpi.fees",
    "FeeStandard": "shenpi.fees",
    "FormatError": "shenpi.errors",
    "Hall": "shenpi.organization",
    "HandlingType": "shenpi.items",
    "IdentifierKind": "shenpi.applications",
    "InvalidType": "shenpi.errors",
    "InvalidValue": "shenpi.errors",
    "MissingDependency": "shenpi.errors",
    "Item": "shenpi.items",
    "ItemKind": "shenpi.items",
    "ItemStatus": "shenpi.items",
    "Jurisdiction": "shenpi.jurisdiction",
    "LegalBasis": "shenpi.items",
    "LegalLevel": "shenpi.items",
    "Material": "shenpi.items",
    "NotAccepted": "shenpi.applications",
    "NoticeFormatError": "shenpi.errors",
    "Official": "shenpi.organization",
    "OpinionGiven": "shenpi.applications",
    "Outcome": "shenpi.applications",
    "Payment": "shenpi.fees",
    "Publication": "shenpi.items",
    "ReformPhase": "shenpi.reform",
    "ReformPlan": "shenpi.reform",
    "Resumed": "shenpi.applications",
    "Role": "shenpi.organization",
    "RuleKind": "shenpi.fees",
    "SEED_PLAN": "shenpi.reform",
    "Seal": "shenpi.seals",
    "SealKind": "shenpi.seals",
    "Section": "shenpi.organization",
    "SectionFunction": "shenpi.organization",
    "ServiceSite": "shenpi.organization",
    "ShenpiError": "shenpi.errors",
    "SiteKind": "shenpi.organization",
    "Submitted": "shenpi.applications",
    "SupplementRequested": "shenpi.applications",
    "Supplemented": "shenpi.applications",
    "Suspended": "shenpi.applications",
    "Suspension": "shenpi.timing",
    "TimeLimit": "shenpi.timing",
    "Timeline": "shenpi.timeline",
    "TimelineError": "shenpi.errors",
    "Window": "shenpi.organization",
    "Withdrawn": "shenpi.applications",
    "WorkCalendar": "shenpi.calendar",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'shenpi' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "SEED_PLAN",
    "AcceptanceCheck",
    "AcceptancePoint",
    "Accepted",
    "AmountRule",
    "Applicant",
    "ApplicantType",
    "Application",
    "ApprovalOffice",
    "AuthorizationLetter",
    "CalendarConflict",
    "CalendarDataMissing",
    "Catalogue",
    "CatalogueChange",
    "ChangeKind",
    "Channel",
    "Clock",
    "CollectionPoint",
    "Complaint",
    "ComplaintChannel",
    "Decided",
    "Delivered",
    "Department",
    "Extended",
    "FeePaid",
    "FeeSchedule",
    "FeeStandard",
    "FormatError",
    "Hall",
    "HandlingType",
    "IdentifierKind",
    "InvalidType",
    "InvalidValue",
    "Item",
    "ItemKind",
    "ItemStatus",
    "Jurisdiction",
    "LegalBasis",
    "LegalLevel",
    "Material",
    "MissingDependency",
    "NotAccepted",
    "NoticeFormatError",
    "Official",
    "OpinionGiven",
    "Outcome",
    "Payment",
    "Publication",
    "ReformPhase",
    "ReformPlan",
    "Resumed",
    "Role",
    "RuleKind",
    "Seal",
    "SealKind",
    "Section",
    "SectionFunction",
    "ServiceSite",
    "ShenpiError",
    "SiteKind",
    "Submitted",
    "SupplementRequested",
    "Supplemented",
    "Suspended",
    "Suspension",
    "TimeLimit",
    "Timeline",
    "TimelineError",
    "Window",
    "Withdrawn",
    "WorkCalendar",
    "__version__",
]
