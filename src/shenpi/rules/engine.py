"""The rule engine: rules with stable codes, findings, reports, ``check`` and ``guard``.

A rule is a small pure function with a code (``HALL001``), a family (``HALL``), a
severity, the basis it enforces (the seed's paragraph or the law's article) and a
bilingual message. World rules look at the reference data (departments, items, letters,
seals ...); case rules look at one case at a time, through a :class:`CaseView` that
computes each derived fact (item, clocks, due days) once. ``check`` runs the selected
rules over a snapshot; ``guard`` runs the case rules on one case with a proposed event
appended and keeps what the event adds.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import html
import itertools
import json
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, TypeVar, cast, overload

import attrs

from shenpi.applications import EVENT_TYPES, Application, Event
from shenpi.calendar import CalendarDataMissing, WorkCalendar
from shenpi.errors import InvalidType, InvalidValue
from shenpi.items import Catalogue, Item
from shenpi.jurisdiction import Jurisdiction
from shenpi.rules.notes import RuleNotes
from shenpi.timeline import Timeline
from shenpi.timing import LAW, TimeLimit, TimePolicy, TimeUnit

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
    "Summable",
    "cannot_judge",
    "check",
    "check_cases",
    "guard",
    "plan",
    "rule",
]


class Severity(enum.IntEnum):
    """How serious a finding is."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label_zh(self) -> str:
        """The severity in 简体中文."""
        return ("提示", "警告", "错误")[self.value]

    def label(self, lang: Literal["en", "zh"] = "en") -> str:
        """The severity in ``lang``: ``error`` / ``错误``, and so on."""
        return self.label_zh if lang == "zh" else self.name.lower()


@attrs.frozen(order=True)
class Subject:
    """What a finding is about: a kind (``application``, ``department``, ``item``,
    ``letter``, ``seal``, ``fee_standard``, ``catalogue``, ``complaint``, ``office`` …),
    its id, and for a case the index of the event at fault."""

    kind: str
    id: str
    event_index: int | None = None

    def __str__(self) -> str:
        return self.label()

    def label(self, lang: Literal["en", "zh"] = "en") -> str:
        """``application A1 event 2`` / ``办件 A1 事件 2`` (a kind without a Chinese name
        in :data:`SUBJECT_KINDS_ZH` keeps its English one)."""
        if lang == "zh":
            text = f"{SUBJECT_KINDS_ZH.get(self.kind, self.kind)} {self.id}"
            return text if self.event_index is None else f"{text} 事件 {self.event_index}"
        text = f"{self.kind} {self.id}"
        return text if self.event_index is None else f"{text} event {self.event_index}"


SUBJECT_KINDS_ZH: Mapping[str, str] = MappingProxyType(
    {
        "application": "办件",
        "department": "部门",
        "item": "事项",
        "letter": "授权委托书",
        "seal": "印章",
        "fee_standard": "收费标准",
        "fee_schedule": "收费目录",
        "catalogue": "目录",
        "complaint": "投诉",
        "office": "审批办",
        "official": "工作人员",
        "section": "科室",
        "site": "场所",
        "window": "窗口",
        "rule": "规则",
    }
)
"""The subjects of findings in 简体中文, used wherever a report speaks Chinese."""


Fact = str | int | bool | None


@attrs.frozen
class Finding:
    """One thing wrong, with the rule, the subject, the basis and the facts behind it."""

    code: str
    severity: Severity
    subject: Subject
    message_en: str
    message_zh: str
    basis: str
    department_id: str | None = None
    facts: tuple[tuple[str, Fact], ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        # Flat fields, rebuilt by the constructor: findings cross process boundaries by
        # the hundred thousand (worker results), and this is several times cheaper than
        # pickling the attrs instances field by field.
        s = self.subject
        return (
            _finding,
            (
                self.code,
                int(self.severity),
                s.kind,
                s.id,
                s.event_index,
                self.message_en,
                self.message_zh,
                self.basis,
                self.department_id,
                self.facts,
            ),
        )

    @property
    def fact_map(self) -> dict[str, Fact]:
        """The facts as a dict (due dates, seal ids, sites ...)."""
        return dict(self.facts)

    def sort_key(self) -> tuple[Any, ...]:
        """Stable order: department, subject, event, code, then the message (a total
        order, so findings merged from any partitioning sort the same)."""
        index = -1 if self.subject.event_index is None else self.subject.event_index
        return (
            self.department_id or "",
            self.subject.kind,
            self.subject.id,
            index,
            self.code,
            self.message_en,
        )

    def to_record(self) -> dict[str, Any]:
        """A flat dict for a DataFrame or JSON."""
        record: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.name.lower(),
            "subject_kind": self.subject.kind,
            "subject_id": self.subject.id,
            "event_index": self.subject.event_index,
            "department_id": self.department_id,
            "message_en": self.message_en,
            "message_zh": self.message_zh,
            "basis": self.basis,
        }
        record.update({f"fact_{k}": v for k, v in self.facts})
        return record


def _finding(
    code: str,
    severity: int,
    kind: str,
    subject_id: str,
    event_index: int | None,
    message_en: str,
    message_zh: str,
    basis: str,
    department_id: str | None,
    facts: tuple[tuple[str, Fact], ...],
) -> Finding:
    return Finding(
        code,
        Severity(severity),
        Subject(kind, subject_id, event_index),
        message_en,
        message_zh,
        basis,
        department_id,
        facts,
    )


def _fact(value: Any) -> Fact:
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


T = TypeVar("T")
E = TypeVar("E")
_EVENT_TYPES = frozenset(EVENT_TYPES)
CaseCheck = Callable[["CaseView"], Iterable[Finding]]
WorldCheck = Callable[["Context"], Iterable[Finding]]


@attrs.frozen(eq=False)
class Rule:
    """A rule: code, name, severity, basis, messages, and the function that checks it.

    The function's docstring is the rule's documentation (what, why, how to fix).
    ``scope`` is ``"case"`` (called with a :class:`CaseView`) or ``"world"`` (called with
    the :class:`Context`).
    """

    code: str
    name: str
    severity: Severity
    basis: str
    message_en: str
    message_zh: str
    scope: Literal["case", "world"]
    check: Callable[[Any], Iterable[Finding]]
    notes: RuleNotes | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # A rule pickles by reference, as functions do: the module attribute its function
        # is declared under (``@rule`` binds the rule there), else its code in the
        # default rule set. Rules then reach worker processes under any start method.
        module = getattr(self.check, "__module__", None)
        qualname = getattr(self.check, "__qualname__", "")
        return (_rule_by_reference, (module, qualname, self.code))

    @property
    def family(self) -> str:
        """The family prefix: the code's letters (``HALL`` for ``HALL001``)."""
        return self.code.rstrip("0123456789")

    @property
    def doc(self) -> str:
        """The rule's documentation (its function's docstring)."""
        return (self.check.__doc__ or "").strip()

    def finding(
        self,
        subject: Subject,
        *,
        department_id: str | None = None,
        severity: Severity | None = None,
        **facts: Any,
    ) -> Finding:
        """A finding of this rule; ``facts`` fill the message templates."""
        values = {k: _fact(v) for k, v in facts.items()}
        return Finding(
            code=self.code,
            severity=self.severity if severity is None else severity,
            subject=subject,
            message_en=self.message_en.format(**values),
            message_zh=self.message_zh.format(**values),
            basis=self.basis,
            department_id=department_id,
            facts=tuple(values.items()),
        )


def _rule_by_reference(module: str | None, qualname: str, code: str) -> Rule:
    import importlib

    found: Any = None
    if module is not None and "<" not in qualname:
        found = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part, None)
    if isinstance(found, Rule) and found.code == code:
        return found
    if code == _NO_DATA_CODE:
        return _no_data()
    return RuleSet.default().get(code)


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    basis: str,
    en: str,
    zh: str,
    scope: Literal["case", "world"] = "case",
    notes: RuleNotes | None = None,
) -> Callable[[Callable[[Any], Iterable[Finding]]], Rule]:
    """Declare a rule: ``@rule("HALL001", "decision-outside-hall", Severity.ERROR, ...)``.

    ``notes`` (:class:`~shenpi.rules.notes.RuleNotes`) gives the rule's page the law it
    quotes and a failing and a passing example, declared beside the rule's code.

    Third parties use the same decorator for local rules and pass them to
    ``RuleSet.default().with_rules(...)`` (or publish them under the ``shenpi.rules``
    entry point group).
    """
    if not code or not code.rstrip("0123456789") or code == code.rstrip("0123456789"):
        raise InvalidValue(
            "code", code, "expected letters then digits, e.g. LOCAL001.", "编码格式错误。"
        )

    def wrap(func: Callable[[Any], Iterable[Finding]]) -> Rule:
        return Rule(code, name, severity, basis, en, zh, scope, func, notes)

    return wrap


_FIVE_WORKDAYS = TimeLimit.workdays(5)
_NINETY_DAYS = TimeLimit.natural_days(90)


@attrs.frozen
class RulePolicy:
    """The numbers a locality may change, defaulting to the law.

    ``time`` holds the licensing law's periods (:class:`~shenpi.timing.TimePolicy`);
    ``complaint_limit`` is the time to handle a complaint (a common local rule: 5
    working days; working or natural days, counted from the day it was received);
    ``max_open_suspension`` is how long a suspension may stay open before it is
    reported as never resumed (natural days). Other values are refused with the field
    named.
    """

    time: TimePolicy = attrs.field(default=LAW)
    complaint_limit: TimeLimit = attrs.field(default=_FIVE_WORKDAYS)
    max_open_suspension: TimeLimit = attrs.field(default=_NINETY_DAYS)

    @time.validator
    def _check_time(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, TimePolicy):
            raise InvalidType("time", value, "expected a TimePolicy.", "应为 TimePolicy。")

    @complaint_limit.validator
    def _check_complaint_limit(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        _check_limit("complaint_limit", value, (TimeUnit.WORKDAYS, TimeUnit.NATURAL_DAYS))

    @max_open_suspension.validator
    def _check_max_open_suspension(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        _check_limit("max_open_suspension", value, (TimeUnit.NATURAL_DAYS,))


def _check_limit(name: str, value: Any, units: tuple[TimeUnit, ...]) -> None:
    if not isinstance(value, TimeLimit):
        raise InvalidType(name, value, "expected a TimeLimit.", "应为 TimeLimit。")
    if value.unit not in units:
        wanted = " or ".join(u.value for u in units)
        raise InvalidValue(
            name,
            value,
            f"expected a limit in {wanted}: this period counts from a day.",
            f"时限单位应为 {wanted}。",
        )


def _prefix_length(code: str, selectors: Sequence[str]) -> int:
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


@attrs.frozen
class RuleSet:
    """An immutable set of rules. ``RuleSet.default()`` holds shenpi's rules and those
    published under the ``shenpi.rules`` entry point group; ``with_rules`` adds local ones."""

    rules: tuple[Rule, ...]

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for r in self.rules:
            if not isinstance(r, Rule):
                raise InvalidType("rules", r, "expected Rule values (use @rule).", "应为 Rule。")
            if r.code in seen:
                raise InvalidValue("rules", r.code, "two rules share this code.", "规则编码重复。")
            seen.add(r.code)

    @classmethod
    def default(cls) -> RuleSet:
        """shenpi's built-in rules plus any registered through entry points."""
        return _default_rules()

    def with_rules(self, *rules: Rule) -> RuleSet:
        """A new set with ``rules`` added."""
        return RuleSet((*self.rules, *rules))

    def get(self, code: str) -> Rule:
        """The rule with this code; ``InvalidValue`` if there is none."""
        for r in self.rules:
            if r.code == code:
                return r
        raise InvalidValue("code", code, "no rule has this code.", "没有该编码的规则。")

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> RuleSet:
        """The rules chosen by code or family prefix, as Ruff does: a rule is chosen when
        its most specific matching ``select`` is more specific than its most specific
        matching ``ignore`` (``select=["HALL"], ignore=["HALL007"]``)."""
        chosen_select = list(select) or [""]
        chosen_ignore = list(ignore)
        for field, selectors in (("select", chosen_select), ("ignore", chosen_ignore)):
            for selector in selectors:
                if not isinstance(selector, str):
                    raise InvalidType(
                        field, selector, "expected a code or prefix.", "应为编码或前缀。"
                    )
                if selector and not any(r.code.startswith(selector) for r in self.rules):
                    raise InvalidValue(
                        field,
                        selector,
                        "matches no rule code or family.",
                        "不匹配任何规则编码或类别。",
                        f"families: {', '.join(sorted({r.family for r in self.rules}))}.",
                    )
        return RuleSet(
            tuple(
                r
                for r in self.rules
                if _prefix_length(r.code, chosen_select) > _prefix_length(r.code, chosen_ignore)
            )
        )

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


@functools.lru_cache(maxsize=1)
def _default_rules() -> RuleSet:
    from importlib.metadata import entry_points

    from shenpi.rules import builtin

    rules = list(builtin.RULES)
    for entry in entry_points(group="shenpi.rules"):
        loaded = entry.load()
        rules.extend(loaded if isinstance(loaded, (list, tuple)) else [loaded])
    return RuleSet(tuple(rules))


class Context:
    """What a rule sees of the world: the snapshot, ``as_of``, the policy and calendar,
    and look-ups built once (catalogue versions as dicts)."""

    def __init__(
        self,
        jurisdiction: Jurisdiction,
        *,
        as_of: _dt.date,
        policy: RulePolicy,
        calendar: WorkCalendar,
    ) -> None:
        self.jurisdiction = jurisdiction
        self.as_of = as_of
        self.policy = policy
        self.calendar = calendar
        self._memo: dict[Hashable, Any] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Ship what defines the context, not what it has memoized.
        return (
            _context,
            (self.jurisdiction, self.as_of, self.policy, self.calendar),
        )

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per check for each ``key``: a fact that depends
        only on the key, the calendar and the policy, such as the intake due day of a
        submission day (``("intake_due", day)``), which thousands of cases share. An
        exception (``CalendarDataMissing``) is raised again on the next call, not kept."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def timeline(self, application: Application, *, as_of: _dt.date | None = None) -> Timeline:
        """The case's legal time as the rules read it (:class:`~shenpi.timeline.Timeline`):
        items from the catalogue of the day the decision period started
        (:meth:`Jurisdiction.item_on`), the check's calendar and time policy, due days
        shared through :meth:`memo`; as of the check's day unless ``as_of`` is given."""
        return Timeline(
            application,
            self.jurisdiction.item_on,
            as_of=self.as_of if as_of is None else as_of,
            calendar=self.calendar,
            policy=self.policy.time,
            memo=self.memo,
        )

    def catalogue_items_on(self, on: _dt.date) -> Mapping[str, Item] | None:
        """The catalogue in effect on ``on`` as ``{item id: item}``; ``None`` before the
        first (:meth:`Jurisdiction.catalogue_items_on`)."""
        return self.jurisdiction.catalogue_items_on(on)

    def current_catalogue(self) -> Catalogue | None:
        """The latest catalogue version."""
        return self.jurisdiction.catalogue


def _context(
    jurisdiction: Jurisdiction, as_of: _dt.date, policy: RulePolicy, calendar: WorkCalendar
) -> Context:
    return Context(jurisdiction, as_of=as_of, policy=policy, calendar=calendar)


class CaseView:
    """One case as the case rules see it, with derived facts computed once."""

    def __init__(self, ctx: Context, application: Application) -> None:
        self.ctx = ctx
        self.application = application
        self.subject = Subject("application", application.id)
        self._events: dict[Any, tuple[tuple[int, Any], ...]] = {}
        self._groups: dict[type, list[tuple[int, Any]]] | None = None
        self._plain = True
        self._memo: dict[Hashable, Any] = {}

    def memo(self, key: Hashable, compute: Callable[[CaseView], T]) -> T:
        """``compute(self)``, computed once per case for each ``key``: for a fact several
        rules need (the statutory clock's violations, each decision's lateness). Keys
        are the computing function itself or a tuple starting with it."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            value = self._memo[key] = compute(self)
            return value

    def at(self, index: int) -> Subject:
        """The subject for the event at ``index``."""
        return Subject("application", self.application.id, index)

    @functools.cached_property
    def timeline(self) -> Timeline:
        """The case's legal time (:class:`~shenpi.timeline.Timeline`): clock start, lawful
        steps, due days, lateness; computed once, for every rule that reads it."""
        return self.ctx.timeline(self.application)

    @property
    def item(self) -> Item | None:
        """The case's governing item, as the catalogue in effect on the day its decision
        period started (art. 32 (1)), else on the submission day, lists it."""
        return self.timeline.item

    @functools.cached_property
    def department_id(self) -> str | None:
        """The deciding department (:attr:`Timeline.department_id`: the lead department,
        else the governing item's)."""
        return self.timeline.department_id

    def cannot_judge(self, rule: Rule, reason: tuple[str, str]) -> Finding:
        """The TIME000 finding for ``rule`` on this case, with the timeline's reason."""
        return cannot_judge(rule, self.subject, reason, department_id=self.department_id)

    @overload
    def events_of(self, kind: type[E]) -> tuple[tuple[int, E], ...]: ...
    @overload
    def events_of(self, kind: tuple[type, ...]) -> tuple[tuple[int, Any], ...]: ...
    def events_of(self, kind: type | tuple[type, ...]) -> tuple[tuple[int, Any], ...]:
        """``(index, event)`` for every event of the given type(s) (subclasses included),
        in history order; computed once per kind, since many rules ask the same question
        of one case (an immutable tuple: shared, never copied)."""
        found = self._events.get(kind)
        if found is None:
            groups = self._groups
            if groups is None:
                # One pass sorts the history by exact type; a model event type is then
                # a look-up (the model's event types do not derive from one another).
                groups = self._groups = {}
                for pair in enumerate(self.application.events):
                    group = groups.get(type(pair[1]))
                    if group is None:
                        groups[type(pair[1])] = [pair]
                    else:
                        group.append(pair)
                self._plain = all(t in _EVENT_TYPES for t in groups)
            if self._plain and kind in _EVENT_TYPES:
                found = tuple(groups.get(kind, ()))
            else:
                chosen = [p for t, g in groups.items() if issubclass(t, kind) for p in g]
                found = tuple(sorted(chosen, key=_first))
            self._events[kind] = found
        return found


def _first(pair: tuple[int, Any]) -> int:
    return pair[0]


class Summable:
    """``a + b`` and ``sum(parts)`` for a value with ``merge(*others)``: the partial
    results of a check (:class:`Report`, :class:`shenpi.audit.Audit`)."""

    __slots__ = ()

    def merge(self, *others: Any) -> Any:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def __add__(self, other: object) -> Any:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.merge(other)

    def __radd__(self, other: object) -> Any:
        # ``sum(parts)`` starts from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented


@attrs.frozen
class Report(Summable):
    """The findings of a check, in a stable order: iterable, filterable, printable."""

    findings: tuple[Finding, ...]
    as_of: _dt.date | None = None

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def merge(self, *others: Report) -> Report:
        """One report of this one's findings and the others', in the report's order.

        Merging is associative and commutative (``Finding.sort_key`` is a total order),
        so reports of any partitioning of the cases merge into the report of one pass:
        ``sum(parts, Report(()))`` or ``a + b`` do the same. Reports of different audit
        days are refused.
        """
        as_of = self.as_of
        for other in others:
            if not isinstance(other, Report):
                raise InvalidType("other", other, "expected a Report.", "应为 Report。")
            if as_of is None:
                as_of = other.as_of
            elif other.as_of is not None and other.as_of != as_of:
                raise InvalidValue(
                    "as_of",
                    other.as_of,
                    f"cannot merge a report as of {other.as_of} into one as of {as_of}.",
                    f"不能合并不同审计日（{other.as_of} 与 {as_of}）的报告。",
                )
        parts = [self.findings, *(o.findings for o in others)]
        merged = sorted(itertools.chain.from_iterable(parts), key=Finding.sort_key)
        return Report(tuple(merged), as_of)

    @property
    def ok(self) -> bool:
        """``True`` when no finding is an error."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings at error severity."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    def filter(
        self,
        *,
        code: str | None = None,
        severity: Severity | None = None,
        subject_kind: str | None = None,
        department_id: str | None = None,
    ) -> Report:
        """The findings matching every given criterion (``code`` matches as a prefix)."""
        kept = tuple(
            f
            for f in self.findings
            if (code is None or f.code.startswith(code))
            and (severity is None or f.severity is severity)
            and (subject_kind is None or f.subject.kind == subject_kind)
            and (department_id is None or f.department_id == department_id)
        )
        return Report(kept, self.as_of)

    def counts(self) -> dict[str, int]:
        """Number of findings per code."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        return dict(sorted(counts.items()))

    def to_records(self) -> list[dict[str, Any]]:
        """Plain dicts, one per finding (``pandas.DataFrame(report.to_records())``)."""
        return [f.to_record() for f in self.findings]

    def to_json(self) -> str:
        """The report as JSON: ``{"as_of": ..., "findings": [...]}``."""
        return json.dumps(
            {
                "as_of": None if self.as_of is None else self.as_of.isoformat(),
                "findings": self.to_records(),
            },
            ensure_ascii=False,
            indent=1,
        )

    def to_text(self, lang: Literal["en", "zh"] = "en") -> str:
        """One line per finding and a summary line."""
        lines = []
        for f in self.findings:
            severity, subject = f.severity.label(lang), f.subject.label(lang)
            if lang == "zh":
                lines.append(f"{f.code} [{severity}] {subject}：{f.message_zh}（{f.basis}）")
            else:
                lines.append(f"{f.code} [{severity}] {subject}: {f.message_en} ({f.basis})")
        n, e = len(self.findings), len(self.errors)
        summary = (
            f"{n} finding{'' if n == 1 else 's'}, {e} error{'' if e == 1 else 's'}"
            if lang == "en"
            else f"共 {len(self.findings)} 项发现，其中错误 {len(self.errors)} 项"
        )
        lines.append(summary)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (f.code, f.severity.name.lower(), f.subject, f.message_en, f.basis)
            )
            + "</tr>"
            for f in self.findings[:500]
        )
        more = "" if len(self.findings) <= 500 else f"<p>… {len(self.findings) - 500} more</p>"
        n, e = len(self.findings), len(self.errors)
        return (
            f"<p>{n} finding{'' if n == 1 else 's'}, {e} error{'' if e == 1 else 's'}</p><table>"
            "<tr><th>code</th><th>severity</th><th>subject</th><th>message</th><th>basis</th></tr>"
            f"{rows}</table>{more}"
        )


def _check_date(value: Any, name: str) -> _dt.date:
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise InvalidType(
            name, value, "expected a datetime.date.", "应为日期。", "as_of is required."
        )
    return value


def _reason(missing: CalendarDataMissing) -> dict[str, Any]:
    """The calendar's own words for what it could not answer (the day, or how far past
    its data a count of working days ran)."""
    return {"reason": missing.message_en, "reason_zh": missing.message_zh}


def _run_case(rules: Sequence[Rule], view: CaseView, report_missing: bool) -> list[Finding]:
    """The findings of ``rules`` on one case, in rule order. A rule that lets
    ``CalendarDataMissing`` escape gives TIME000 in place of what it had found."""
    found: list[Finding] = []
    extend = found.extend
    for r in rules:
        before = len(found)
        try:
            extend(r.check(view))
        except CalendarDataMissing as missing:
            del found[before:]
            found.append(cannot_judge(r, view.subject, missing, department_id=view.department_id))
    return found if report_missing else _judged(found)


def _run_world(rules: Sequence[Rule], ctx: Context, report_missing: bool) -> Iterator[Finding]:
    for r in rules:
        try:
            found = list(r.check(ctx))
        except CalendarDataMissing as missing:
            found = [cannot_judge(r, Subject("rule", r.code), missing)]
        yield from found if report_missing else _judged(found)


def _judged(findings: list[Finding]) -> list[Finding]:
    """The findings without TIME000 (when it is ignored)."""
    return [f for f in findings if f.code != _NO_DATA_CODE]


def cannot_judge(
    rule: Rule,
    subject: Subject,
    missing: CalendarDataMissing | tuple[str, str],
    *,
    department_id: str | None = None,
) -> Finding:
    """The TIME000 finding for a ``rule`` that could not judge ``subject``: the calendar
    had no data for a day it needed (``missing`` says which), or the case's timeline
    gave a reason (``(english, chinese)``: a history the period cannot follow, a due day
    only bounded).

    The engine makes it for a rule that lets ``CalendarDataMissing`` escape (the subject
    is then the case, or the rule for a world rule). A rule judging many subjects, like a
    world rule over every complaint, catches the error per subject and yields this
    finding instead, so that the others are still judged. Ignoring ``TIME000`` drops
    these findings whoever made them.
    """
    facts: dict[str, Any]
    if isinstance(missing, tuple):
        facts = {"reason": missing[0], "reason_zh": missing[1]}
    else:
        facts = _reason(missing)
    return _no_data().finding(subject, department_id=department_id, rule=rule.code, **facts)


@attrs.frozen
class Plan:
    """What one check runs: the context, the world and case rules chosen, and whether
    TIME000 is reported. Built once by :func:`plan`; it pickles, so it can be shipped to
    worker processes once and reused for every case they check."""

    ctx: Context
    world_rules: tuple[Rule, ...]
    case_rules: tuple[Rule, ...]
    report_missing: bool

    def world_findings(self) -> list[Finding]:
        """The findings of the world rules (the reference data), unsorted."""
        return list(_run_world(self.world_rules, self.ctx, self.report_missing))

    def case_findings(self, application: Application) -> list[Finding]:
        """The findings of the case rules on one case, unsorted."""
        return self.judge(application)[1]

    def judge(self, application: Application) -> tuple[CaseView, list[Finding]]:
        """The case as the rules saw it (its department, item, clocks) and the findings
        of the case rules on it, unsorted."""
        view = CaseView(self.ctx, application)
        if not self.case_rules:
            return view, []
        return view, _run_case(self.case_rules, view, self.report_missing)


def plan(
    jurisdiction: Jurisdiction,
    *,
    as_of: _dt.date,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
) -> Plan:
    """Validate a check's arguments and choose its rules (see :func:`check`)."""
    if not isinstance(jurisdiction, Jurisdiction):
        raise InvalidType(
            "jurisdiction", jurisdiction, "expected a Jurisdiction.", "应为 Jurisdiction。"
        )
    day = _check_date(as_of, "as_of")
    select, ignore = list(select), list(ignore)
    chosen = (rules if rules is not None else RuleSet.default()).select(select, ignore)
    ctx = Context(
        jurisdiction,
        as_of=day,
        policy=policy if policy is not None else RulePolicy(),
        calendar=calendar if calendar is not None else WorkCalendar.official(),
    )
    # TIME000 (no calendar data) is reported whatever is selected, unless it is ignored:
    # a rule that could not judge must not pass in silence.
    return Plan(
        ctx,
        tuple(r for r in chosen if r.scope == "world"),
        tuple(r for r in chosen if r.scope == "case"),
        _prefix_length(_NO_DATA_CODE, ignore) < 0,
    )


def check(
    jurisdiction: Jurisdiction,
    *,
    as_of: _dt.date,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
    applications: Iterable[Application] | None = None,
) -> Report:
    """Audit a snapshot: run the selected rules and return the findings in a stable order.

    ``as_of`` is the day of the audit (open cases are judged as of it); nothing reads the
    clock. ``applications`` replaces the snapshot's cases with any iterable (a stream from
    ``shenpi.io.iter_applications``), so a large export need not sit in memory.
    """
    chosen = plan(
        jurisdiction,
        as_of=as_of,
        select=select,
        ignore=ignore,
        policy=policy,
        calendar=calendar,
        rules=rules,
    )
    findings = chosen.world_findings()
    if chosen.case_rules:
        cases = jurisdiction.applications if applications is None else applications
        for application in cases:
            findings.extend(chosen.case_findings(application))
    findings.sort(key=Finding.sort_key)
    return Report(tuple(findings), chosen.ctx.as_of)


def check_cases(
    jurisdiction: Jurisdiction,
    cases: Iterable[Application],
    *,
    as_of: _dt.date,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
) -> Iterator[Finding]:
    """The case rules' findings on each of ``cases``, case after case, as they come.

    Nothing is kept between cases, so ``cases`` may be a stream of any length. The world
    rules (the reference data) are not run: :func:`~shenpi.rules.check` runs both and
    sorts the report. Arguments are those of :func:`~shenpi.rules.check`, checked before
    the first case is read.
    """
    chosen = plan(
        jurisdiction,
        as_of=as_of,
        select=select,
        ignore=ignore,
        policy=policy,
        calendar=calendar,
        rules=rules,
    )
    return (finding for case in cases for finding in chosen.case_findings(case))


def guard(
    jurisdiction: Jurisdiction,
    application_id: str,
    event: Event,
    *,
    as_of: _dt.date | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    policy: RulePolicy | None = None,
    calendar: WorkCalendar | None = None,
    rules: RuleSet | None = None,
) -> Report:
    """Judge one action before the host records it.

    Appends ``event`` to the case (an impossible event raises, as the model does), runs
    the case rules on the case before and after, and reports the findings the event
    adds. ``as_of`` defaults to the event's day. A host refuses the action when
    ``report.ok`` is false.
    """
    if as_of is None:
        # The event's own day; an event without one is refused by ``append`` below.
        as_of = getattr(event, "on", None)
        if not isinstance(as_of, _dt.date):
            as_of = _dt.date.min
    chosen = plan(
        jurisdiction,
        as_of=as_of,
        select=select,
        ignore=ignore,
        policy=policy,
        calendar=calendar,
        rules=rules,
    )
    case = jurisdiction.application(application_id)
    if case is None:
        raise InvalidValue(
            "application_id", application_id, "no case has this id.", "没有该编号的办件。"
        )
    after = case.append(event)
    before = set(chosen.case_findings(case))
    added = [f for f in chosen.case_findings(after) if f not in before]
    added.sort(key=Finding.sort_key)
    return Report(tuple(added), chosen.ctx.as_of)


_NO_DATA_CODE = "TIME000"


def _no_data() -> Rule:
    """TIME000, declared with the TIME family (:mod:`shenpi.rules.time`)."""
    from shenpi.rules.time import cannot_judge_case

    return cannot_judge_case
