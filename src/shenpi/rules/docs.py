"""Rule pages: every rule's documentation, rendered from the rule and its examples.

:func:`rule_page` renders one rule's page (the text a ``shenpi rule CODE`` command
prints): a header from the rule's metadata, what it checks, why and how to fix it from its
docstring, the seed's sentence or the law's article it enforces (in Chinese, with a
translation), and a failing and a passing example that run as doctests.
:func:`index_page` renders the table of every rule; ``python -m shenpi.rules.docs``
writes both into ``docs/rules/``, and a test keeps the files equal to what is rendered.

The examples run on the tiny world of :mod:`shenpi.rules.examples`, a hall with two
departments that breaks no rule, changed one fact at a time.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

import attrs

from shenpi.rules import builtin
from shenpi.rules.engine import Rule

__all__ = [
    "FAMILIES",
    "NOTES",
    "Example",
    "Quote",
    "RuleNotes",
    "index_page",
    "rendered_pages",
    "rule_page",
    "write_pages",
]


# ====================================================================== page sources
@attrs.frozen
class Quote:
    """A sentence of the seed or an article of the law, in Chinese with a translation.

    The seed (the 2008 reform plan) is written in traditional characters; its sentences
    are quoted in simplified characters, like all of shenpi's Chinese. The law is quoted
    verbatim from the 2019 text.
    """

    source: str
    zh: str
    en: str


@attrs.frozen
class Example:
    """A runnable example: what it shows, and a doctest (source with its output)."""

    caption: str
    doctest: str


@attrs.frozen
class RuleNotes:
    """What a rule's page adds to the rule: quotes and a failing and a passing example.

    ``doc`` stands in for the docstring of a rule that has none (TIME000, which the
    engine emits); ``selecting`` replaces the usual note on selecting the rule.
    """

    quotes: tuple[Quote, ...]
    failing: Example
    passing: Example
    doc: str = ""
    selecting: str = ""


FAMILIES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "HALL": (
            "大厅之外无审批",
            "Approvals and fees inside the hall: where decisions are made and fees "
            "collected, which unit decides, the three entries (三进入), and histories kept "
            "whole in the hall's system (seed 二, 三(二)-(七)).",
        ),
        "AUTH": (
            "授权委托书",
            "The head's authorization letter to the approval office's director, and the "
            "decisions made under it (seed 六.2; 行政许可法 art. 74).",
        ),
        "SEAL": (
            "行政审批专用章",
            "The dedicated approval seal, and the old approval seals it abolishes "
            "(seed 三(六); art. 39).",
        ),
        "TIME": (
            "限时办结",
            "Intake, supplement notices, decision, extension, suspension and delivery, "
            "counted in working days (行政许可法 arts. 32, 42, 44, 45, 82; seed 三(七)).",
        ),
        "FEE": (
            "收费",
            "Fees only where a law or an administrative regulation provides them, at the "
            "published standard, with a receipt (arts. 58-59).",
        ),
        "CAT": (
            "公开目录",
            "The public catalogue: legal basis, codes, cancelled items, what must be "
            "displayed, and consistency (seed 三(二); art. 30).",
        ),
        "REFORM": (
            "改革步骤与验收",
            "The reform plan's dated phases and its acceptance check (seed 五).",
        ),
        "SUP": ("监督", "Supervision: complaints handled in time (seed 三(五), 三(九))."),
    }
)
"""The built-in families in the order the pages list them: ``{family: (中文, what it covers)}``."""


# ====================================================================== rendering
_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([^`]+)`")
_CODE = re.compile(r"(?<![\w`\[/])([A-Z]+[0-9]{3})(?![\w`\]])")
_INDEX_PAGE = "index.md"


def _markdown(text: str, *, own: str) -> str:
    """Docstring text as Markdown: RST literals and roles as code, other rules' codes as links."""
    text = _ROLE.sub(r"`\1`", text).replace("``", "`")
    codes = {r.code for r in builtin.RULES}

    def link(match: re.Match[str]) -> str:
        code = match.group(1)
        return f"[{code}]({code}.md)" if code in codes and code != own else code

    return "\n".join(
        line if line.startswith("    ") else _CODE.sub(link, line) for line in text.splitlines()
    )


def _sections(rule: Rule) -> tuple[str, str, str]:
    """``(what, why, fix)`` from the rule's docstring (or its notes' ``doc``)."""
    notes = NOTES.get(rule.code)
    doc = inspect.cleandoc(rule.check.__doc__ or (notes.doc if notes else ""))
    what, _, rest = doc.partition("**Why.**")
    why, _, fix = rest.partition("**Fix.**")
    return (
        _markdown(what.strip(), own=rule.code),
        _markdown(why.strip(), own=rule.code),
        _markdown(fix.strip(), own=rule.code),
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _scope(rule: Rule) -> str:
    if rule.scope == "case":
        return (
            "case: judged on each case by `check`, and on a proposed event by `guard` "
            "before the host records it"
        )
    return "world: judged on the reference data by `check` (`guard` does not run it)"


def _family(rule: Rule) -> str:
    if rule.family in FAMILIES:
        zh, _ = FAMILIES[rule.family]
        return f"[{rule.family}]({_INDEX_PAGE}#{rule.family.lower()}) ({zh})"
    return rule.family


def _quote(quote: Quote) -> list[str]:
    return [f"{quote.source}:", "", f"> {quote.zh}", ">", f"> {quote.en}", ""]


def _example(example: Example) -> list[str]:
    return [example.caption, "", "```python", example.doctest.rstrip("\n"), "", "```", ""]


def rule_page(rule: Rule) -> str:
    """The rule's page in Markdown: header, what it does, why (with the seed's sentence or
    the law's article), a failing and a passing example, how to fix it.

    Works for any rule, local ones included: a rule without notes in :data:`NOTES` gets
    the header and its docstring.

    >>> from shenpi.rules import RuleSet
    >>> print(rule_page(RuleSet.default().get("HALL007")).splitlines()[0])
    # HALL007: front-shop-back-factory
    """
    notes = NOTES.get(rule.code)
    what, why, fix = _sections(rule)
    lines = [
        f"# {rule.code}: {rule.name}",
        "",
        "| | |",
        "|---|---|",
        f"| Code | `{rule.code}` |",
        f"| Name | `{rule.name}` |",
        f"| Family | {_family(rule)} |",
        f"| Severity | {rule.severity.name.lower()} ({rule.severity.label_zh}) |",
        f"| Scope | {_scope(rule)} |",
        f"| Basis | {_cell(rule.basis)} |",
        f"| Message | `{_cell(rule.message_en)}` |",
        f"| 消息 | `{_cell(rule.message_zh)}` |",
        "",
        "## What it does",
        "",
        what,
        "",
    ]
    if why or notes:
        lines += ["## Why", ""]
        lines += [why, ""] if why else []
        for quote in notes.quotes if notes else ():
            lines += _quote(quote)
    if notes:
        lines += ["## Example", ""]
        lines += _example(notes.failing) + _example(notes.passing)
    if fix:
        lines += ["## How to fix", "", fix, ""]
    selecting = (
        notes.selecting.rstrip("\n")
        if notes and notes.selecting
        else f'`select=["{rule.code}"]` runs this rule alone and `select=["{rule.family}"]` '
        f'its family; `ignore=["{rule.code}"]` turns it off '
        f"([selecting rules]({_INDEX_PAGE}#selecting-rules))."
    )
    lines += ["## Selecting it", "", selecting, ""]
    return "\n".join(lines)


def _ordered(rules: Iterable[Rule]) -> list[Rule]:
    order = {family: i for i, family in enumerate(FAMILIES)}
    return sorted(rules, key=lambda r: (order.get(r.family, len(order)), r.family, r.code))


def index_page(rules: Iterable[Rule] = ()) -> str:
    """The index of the rules in Markdown: a table of every code (linked to its page) with
    its family, name, severity, scope and basis, then how to select rules, change the
    policy and add local rules. ``rules`` defaults to shenpi's built-in rules."""
    chosen = _ordered(tuple(rules) or builtin.RULES)
    table = [
        "| code | family | name | severity | scope | basis |",
        "|---|---|---|---|---|---|",
        *(
            f"| [{r.code}]({r.code}.md) | {r.family} | `{r.name}` | "
            f"{r.severity.name.lower()} | {r.scope} | {_cell(r.basis)} |"
            for r in chosen
        ),
    ]
    counts = {family: sum(r.family == family for r in chosen) for family in FAMILIES}
    families = [
        "| family | 中文 | rules | what it covers |",
        "|---|---|---|---|",
        *(
            f'| <a id="{family.lower()}"></a>{family} | {zh} | {counts[family]} | {what} |'
            for family, (zh, what) in FAMILIES.items()
        ),
    ]
    return (
        _INDEX.replace("{count}", str(len(chosen)))
        .replace("{table}", "\n".join(table))
        .replace("{families}", "\n".join(families))
    )


def rendered_pages(rules: Iterable[Rule] = ()) -> dict[str, str]:
    """``{file name: Markdown}`` for the index and every rule's page."""
    chosen = tuple(rules) or builtin.RULES
    pages = {"index.md": index_page(chosen)}
    pages.update((f"{r.code}.md", rule_page(r)) for r in chosen)
    return pages


_PAGE_NAME = re.compile(r"[A-Z]+[0-9]{3}\.md")


def write_pages(folder: Path | str, rules: Iterable[Rule] = ()) -> list[Path]:
    """Write the index and every rule's page into ``folder`` (``docs/rules``), removing the
    pages of rules that no longer exist; returns the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    pages = rendered_pages(rules)
    for stale in target.iterdir():
        if _PAGE_NAME.fullmatch(stale.name) and stale.name not in pages:
            stale.unlink()
    written = []
    for name, text in pages.items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m shenpi.rules.docs [FOLDER]``: write the pages (default ``docs/rules``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    written = write_pages(args[0] if args else "docs/rules")
    print(f"wrote {len(written)} pages to {written[0].parent}")
    return 0


_INDEX = '''\
# Rules

shenpi has {count} rules. Each has a stable code (its family's letters and three digits,
`HALL001`), a name, a severity, the basis it enforces (the seed's paragraph or the law's
article) and a message in English and 简体中文. Each has a page: what it checks, why (the
seed's sentence or the law's article, in Chinese with a translation), a failing and a
passing example that run as tests, and how to fix it. `shenpi.rules.docs.rule_page(rule)`
renders the same page for any rule, local ones included.

{table}

A *case* rule judges one case at a time; `check` runs it over every case of a snapshot,
and `guard` runs it on one case with a proposed event appended. A *world* rule judges the
reference data (departments, letters, seals, the catalogue, the reform plan, complaints);
only `check` runs it.

## Families

{families}

## Running the rules

`check` audits a snapshot as of a day; nothing reads the clock. `guard` judges one action
before the host records it, and reports only what the action would add:

```python
>>> from datetime import date
>>> from shenpi.rules import check, guard
>>> from shenpi.rules.examples import accepted, case, decided, submitted, tiny_world
>>> world = tiny_world(case(submitted(date(2025, 3, 3)), accepted(date(2025, 3, 3))))
>>> report = guard(world, "A1", decided(date(2025, 3, 12), site_id="X1"))
>>> report.ok, report.counts()
(False, {'HALL001': 1})
>>> guard(world, "A1", decided(date(2025, 3, 12))).ok
True
>>> check(world, as_of=date(2025, 3, 20)).counts()
{'TIME013': 1}

```

A report iterates over its findings in a stable order; `report.ok` is false when one is an
error; `filter`, `counts`, `to_records` (for a DataFrame), `to_json` and `to_text("zh")`
present it.

## Selecting rules

`select` and `ignore` take codes or prefixes (a family, or part of a code), as Ruff does.
A rule runs when its most specific matching `select` is more specific than its most
specific matching `ignore`; with no `select`, every rule is selected. A selector that
matches no rule is refused: a typo is an error, not a silent change of what runs.

```python
>>> from shenpi.rules import RuleSet
>>> rules = RuleSet.default()
>>> [r.code for r in rules.select(["HALL"], ignore=["HALL007"])]
['HALL001', 'HALL002', 'HALL003', 'HALL004', 'HALL005', 'HALL006', 'HALL008', 'HALL009',
 'HALL010']
>>> [r.code for r in rules.select(["SEAL004", "AUTH"], ignore=["SEAL", "AUTH00"])]
['SEAL004']
>>> [r.code for r in rules.select(["TIME01"], ignore=["TIME011"])]
['TIME010', 'TIME012', 'TIME013', 'TIME014', 'TIME015']
>>> rules.select(["HAL1"])
Traceback (most recent call last):
...
shenpi.errors.InvalidValue: select='HAL1': matches no rule code or family. ...

```

`check(..., select=..., ignore=...)` and `guard` take the same arguments.

## Numbers a locality may change: `RulePolicy`

The rules take their numbers from a `RulePolicy`, which defaults to the law: `time` holds
the licensing law's periods (`shenpi.timing.TimePolicy`), `complaint_limit` the time to
handle a complaint (a local rule; 5 working days by default) and `max_open_suspension`
how long a suspension may stay open before TIME011 reports it (90 days).

```python
>>> import attrs
>>> from shenpi.complaints import Complaint, ComplaintChannel
>>> from shenpi.rules import RulePolicy
>>> from shenpi.timing import TimeLimit
>>> complaint = Complaint(
...     "C1", ComplaintChannel.HOTLINE, date(2025, 3, 3), department_id="D1",
...     handled_on=date(2025, 3, 12),
... )
>>> world = attrs.evolve(tiny_world(), complaints=[complaint])
>>> check(world, as_of=date(2025, 6, 30), select=["SUP"]).counts()
{'SUP001': 1}
>>> ten_days = RulePolicy(complaint_limit=TimeLimit.workdays(10))
>>> check(world, as_of=date(2025, 6, 30), select=["SUP"], policy=ten_days).counts()
{}

```

## Local rules

A locality adds its own rules with the same decorator. A rule is a function of a case
(`scope="case"`, the default; it receives a `CaseView`) or of the world
(`scope="world"`; it receives the `Context`), and yields findings made with
`rule.finding(subject, **facts)`, the facts filling the message templates. Its docstring
is its documentation, in the same **Why.** and **Fix.** sections:

```python
>>> from shenpi.applications import Decided, Outcome
>>> from shenpi.rules import RuleSet, Severity, rule
>>> from shenpi.rules.examples import rule_page
>>> @rule(
...     "QL001",
...     "denial-without-reasons",
...     Severity.ERROR,
...     basis="行政许可法 art. 38 ¶2",
...     en="denied on {on} without reasons.",
...     zh="{on} 作出不予许可决定但未说明理由。",
... )
... def denial_without_reasons(view):
...     """A denial that states no reasons.
...
...     **Why.** Art. 38 ¶2: a written denial states its reasons and the applicant's
...     right to review or sue.
...
...     **Fix.** Record the reasons (``Decided.reasons``).
...     """
...     for index, event in view.events_of(Decided):
...         if event.outcome is Outcome.DENIED and not event.reasons.strip():
...             yield denial_without_reasons.finding(
...                 view.at(index), department_id=event.department_id, on=event.on
...             )
>>> local = RuleSet.default().with_rules(denial_without_reasons)
>>> denied = decided(date(2025, 3, 12), outcome=Outcome.DENIED)
>>> world = tiny_world(case(submitted(date(2025, 3, 3)), accepted(date(2025, 3, 3)), denied))
>>> print(check(world, as_of=date(2025, 6, 30), rules=local, select=["QL"]).to_text())
QL001 [error] application A1 event 2: denied on 2025-03-12 without reasons. (行政许可法 art.
38 ¶2)
1 finding, 1 error
>>> print(rule_page(denial_without_reasons).splitlines()[0])
# QL001: denial-without-reasons

```

To make local rules part of `RuleSet.default()` wherever a package is installed, publish
them under the `shenpi.rules` entry point group, as one rule or a list of rules:

```toml
[project.entry-points."shenpi.rules"]
qinglan = "qinglan_rules:RULES"
```

## The tiny world

Every example on these pages runs on `shenpi.rules.examples.tiny_world()`, a hall that breaks
no rule: two departments, `D1` (市场监督管理局, with fee powers) and `D2` (自然资源局),
each with its head (`D1.head`), its approval office (`D1.office`, set up and in the hall
within the seed's phases), the office's director (`D1.director`), a full-scope
authorization letter from the head to the director (`D1.letter`) and a dedicated approval
seal (`D1.seal`). D1 also has a deputy head `D1.deputy`, a window clerk `D1.clerk`, a
section `D1.sec1` (staff `D1.sec1.staff`), an old section seal `D1.oldseal` abolished the
day the dedicated seal was activated, and a fee schedule `D1.fees` whose standard
`D1.fee1` charges 10 yuan. Sites: `S0` the main hall, `S1` a sub-center, `X1` D1's own
building. The catalogue holds `I1` 食品经营许可 (D1, free; 20 working days by law, 10
promised), `I2` 工业产品生产许可 (D1, with the fee; 20 and 15) and `I3` 建设工程规划许可 (D2).

The examples build their cases with `case(*events, id="A1", item="I1")` and the event
helpers `submitted`, `accepted`, `decided` (a lawful approval by D1's director in the main
hall, under D1's letter and seal), `paid` (the 10-yuan fee at the hall's cashier, with a
receipt) and `delivered`; each takes the day and returns the model's own event, with any
field changed by keyword. `amend(world, "offices", "D1.office", staff_entered_on=None)`
changes one record of the world.

## Quotations

The seed, the 2008 reform plan, is written in traditional characters; the pages quote its
sentences in simplified characters, like all of shenpi's Chinese. The law is quoted from
the text of the 行政许可法 as amended on 2019-04-23. The English translations are
shenpi's.
'''


# ====================================================================== the notes


_S2 = Quote(
    "Seed 二 (工作目标)",
    (
        "承担行政审批事项的各部门(含垂直部门)的行政许可、非行政许可、行政审批和行政事业性收费"
        "项目要全部进入行政服务中心,按照“一门受理、并联审批、统一收费、限时办结”的行政审批模"
        "式进行,实现“大厅之外无审批、大厅之外无收费”"
    ),
    (
        "Every department that handles approval items (vertical departments included) brings "
        "all its licensing, non-licensing approval and administrative fee items into the "
        'administrative service center, to be handled on the model of "one window accepts, '
        "departments approve in parallel, fees are collected in one place, every case is "
        'finished in time", so that there is "no approval outside the hall, no fee outside '
        'the hall".'
    ),
)


_S3_2 = Quote(
    "Seed 三(二)",
    (
        "根据国务院取消行政审批项目方案要求和省、市政府关于减放权工作的具体要求,进一步梳理清"
        "理各部门现行的行政许可、非许可审批、收费、年检项目,对项目变动情况予以确认,明确公布进"
        "入行政服务中心审批、收费项目目录。"
    ),
    (
        "Following the State Council's plans for cancelling approval items and the "
        "province's and city's requirements for reducing and delegating powers, sort out "
        "every department's current licensing, non-licensing approval, fee and "
        "annual-inspection items, confirm the changes, and publish the catalogue of approval "
        "and fee items handled in the administrative service center."
    ),
)


_S3_3 = Quote(
    "Seed 三(三)",
    ("将本部门各科室所承担的所有审批、收费等项目全部集中到行政审批办公室,集中到行政大厅统一办理。"),
    (
        "All the approval, fee and other items that the department's sections handle are "
        "concentrated in the approval office, and handled together in the hall."
    ),
)


_S3_5_ITEMS = Quote(
    "Seed 三(五)",
    (
        "各部门(含分中心)应按要求把全市审批收费项目、办事流程、政策法律依据、审批时限及时报送"
        "行政服务中心,以便统一编程,适应新的审批模式,保证与中心网络平台互联互通、信息共享"
    ),
    (
        "Every department (sub-centers included) reports the city's approval and fee items, "
        "their procedures, their policy and legal basis and their time limits to the "
        "administrative service center in time, so that they can be programmed uniformly for "
        "the new model of approval, and connected to the center's network platform and "
        "shared with it."
    ),
)


_S3_5_NET = Quote(
    "Seed 三(五)",
    "打造全市网上咨询、网上受理、网上审批、网上监察、网上投诉的网络体系。",
    (
        "Build a city-wide network for online consultation, online acceptance, online "
        "approval, online supervision and online complaints."
    ),
)


_S3_6 = Quote(
    "Seed 三(六)",
    (
        "各部门行政审批办公室组建获批后,凡进入行政服务中心(含分中心)办理的审批项目,除法律、法"
        "规特别规定外,一律启用部门“行政审批专用章”,原使用的行政审批用章同时废止。"
    ),
    (
        "Once a department's approval office is approved, every approval item handled in the "
        "administrative service center (sub-centers included) uses the department's "
        '"dedicated approval seal", except where a law or regulation provides otherwise; the '
        "approval seals used before are abolished at the same time."
    ),
)


_S3_7_ENTER = Quote(
    "Seed 三(七)",
    (
        "各部门行政审批办公室组建后,要成建制进入行政服务中心,实现审批机构、工作人员和审批项目"
        "“三进入”"
    ),
    (
        "Once formed, each department's approval office enters the administrative service "
        "center as a whole unit, so that the approval institution, its staff and its "
        'approval items all enter (the "three entries").'
    ),
)


_S3_7_MODEL = Quote(
    "Seed 三(七)",
    (
        "使审批办公室成为本部门受理窗口、办理平台、办结出口一体化的实质性工作机构,杜绝“体外循"
        "环”、“前店后厂”等现象"
    ),
    (
        "Make the approval office a working body in substance, in which the department's "
        "window of acceptance, platform of handling and exit of completion are one, and put "
        'an end to "circulation outside the system", "a shop in front and a factory behind" '
        "and the like."
    ),
)


_S3_7_TIME = Quote(
    "Seed 三(七)",
    "简化审批程序,减少审批环节,遵守法定时限,兑现承诺时限,提高办事效率。",
    (
        "Simplify the approval procedure, cut the steps of approval, keep the statutory time "
        "limits, honour the promised time limits, and work more efficiently."
    ),
)


_S3_9 = Quote(
    "Seed 三(九)",
    (
        "在对行政审批办公室充分授权的基础上,切实加强对行政审批权行使的监督和制约,加大对滥用职"
        "权、以权谋私的监督力度。"
    ),
    (
        "On the basis of full authorization of the approval office, truly strengthen the "
        "supervision and restraint of how the approval power is used, and supervise abuse of "
        "power and its use for private gain more closely."
    ),
)


_S5_2 = Quote(
    "Seed 五, phase 2",
    (
        "2、2008年11月16日—11月25日 在市编办的指导下,完成行政审批办公室职能、人员编制的调整和"
        "核定工作"
    ),
    (
        "2. 16-25 November 2008: under the guidance of the city's staffing office, complete "
        "the adjustment and approval of the approval offices' functions and staffing."
    ),
)


_S5_4 = Quote(
    "Seed 五, phase 4",
    "4、2008年12月1日—12月10日 各部门行政审批办公室全部进入行政服务中心。",
    (
        "4. 1-10 December 2008: every department's approval office enters the administrative "
        "service center."
    ),
)


_S5_5 = Quote(
    "Seed 五, phase 5",
    (
        "行政审批权相对集中改革工作领导小组组织验收。验收内容:机构、人员、职能职责、项目、审"
        "批专用章落实情况;简化后的审批流程和相关制度制定情况。"
    ),
    (
        "The leading group of the reform organises the acceptance check. It checks that the "
        "institution, the staff, the functions and duties, the items and the dedicated "
        "approval seal are in place, and that the simplified approval procedure and the "
        "rules that go with it have been made."
    ),
)


_S6_2 = Quote(
    "Seed 六.2",
    (
        "行政审批办公室组建完成后,要按照确定的职能、人员编制调整实施,各部门主要领导要与审批办"
        "主任签订授权委托书,由审批办全权行使本部门的审批权,纳入行政服务中心集中办公"
    ),
    (
        "Once the approval office is formed, the adjustment is carried out according to the "
        "functions and staffing decided; the principal leader of each department signs an "
        "authorization letter with the director of the approval office, so that the office "
        "exercises the department's approval power in full, working together in the "
        "administrative service center."
    ),
)


_A30 = Quote(
    "行政许可法 art. 30 ¶1",
    (
        "行政机关应当将法律、法规、规章规定的有关行政许可的事项、依据、条件、数量、程序、期限"
        "以及需要提交的全部材料的目录和申请书示范文本等在办公场所公示。"
    ),
    (
        "An administrative agency shall display at its office the licensing items provided "
        "by laws, regulations and rules, with their basis, conditions, number, procedure and "
        "time limits, the list of all the materials to be submitted, model application forms "
        "and the like."
    ),
)


_A32_4 = Quote(
    "行政许可法 art. 32 (4)",
    (
        "申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部"
        "内容，逾期不告知的，自收到申请材料之日起即为受理；"
    ),
    (
        "Where the materials are incomplete or not in the legal form, the agency shall tell "
        "the applicant, on the spot or within five days and at one time, everything that "
        "must be supplemented; if it does not tell in time, the application counts as "
        "accepted from the day the materials were received."
    ),
)


_A33 = Quote(
    "行政许可法 art. 33",
    (
        "行政机关应当建立和完善有关制度，推行电子政务，在行政机关的网站上公布行政许可事项，方"
        "便申请人采取数据电文等方式提出行政许可申请；"
    ),
    (
        "Administrative agencies shall set up and improve the systems for it, promote "
        "e-government, publish licensing items on their websites, and make it easy for "
        "applicants to apply by data messages and other means."
    ),
)


_A34_2 = Quote(
    "行政许可法 art. 34 ¶2",
    (
        "申请人提交的申请材料齐全、符合法定形式，行政机关能够当场作出决定的，应当当场作出书面"
        "的行政许可决定。"
    ),
    (
        "Where the applicant's materials are complete and in the legal form and the agency "
        "can decide on the spot, it shall make the written licensing decision on the spot."
    ),
)


_A39 = Quote(
    "行政许可法 art. 39 ¶1",
    (
        "行政机关作出准予行政许可的决定，需要颁发行政许可证件的，应当向申请人颁发加盖本行政机"
        "关印章的下列行政许可证件："
    ),
    (
        "Where an agency grants a licence that calls for a licence document, it shall issue "
        "the applicant one of the following documents bearing the agency's own seal:"
    ),
)


_A42_1 = Quote(
    "行政许可法 art. 42 ¶1",
    (
        "除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政"
        "许可决定。"
    ),
    (
        "Except where a licensing decision can be made on the spot, the agency shall decide "
        "within twenty days of accepting the application."
    ),
)


_A42_EXT = Quote(
    "行政许可法 art. 42 ¶1",
    (
        "二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由"
        "告知申请人。"
    ),
    (
        "Where it cannot decide within twenty days, it may, with the approval of the "
        "agency's head, extend the period by ten days, and shall tell the applicant why."
    ),
)


_A42_JOINT = Quote(
    "行政许可法 art. 42 ¶2",
    (
        "四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理"
        "由告知申请人。"
    ),
    (
        "(Joint handling:) where it cannot be finished within forty-five days, it may be "
        "extended by fifteen days with the approval of the head of the government at the "
        "same level, and the applicant shall be told why."
    ),
)


_A44 = Quote(
    "行政许可法 art. 44",
    (
        "行政机关作出准予行政许可的决定，应当自作出决定之日起十日内向申请人颁发、送达行政许可"
        "证件，或者加贴标签、加盖检验、检测、检疫印章。"
    ),
    (
        "Where an agency grants a licence, it shall issue and deliver the licence document "
        "to the applicant, or affix the label or the seal of testing, inspection or "
        "quarantine, within ten days of the decision."
    ),
)


_A45 = Quote(
    "行政许可法 art. 45",
    (
        "行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审"
        "的，所需时间不计算在本节规定的期限内。行政机关应当将所需时间书面告知申请人。"
    ),
    (
        "Where a licensing decision requires by law a hearing, bidding, auction, testing, "
        "inspection, quarantine, appraisal or expert review, the time it takes is not "
        "counted in the periods of this section. The agency shall tell the applicant in "
        "writing how long it takes."
    ),
)


_A58 = Quote(
    "行政许可法 art. 58 ¶1",
    (
        "行政机关实施行政许可和对行政许可事项进行监督检查，不得收取任何费用。但是，法律、行政"
        "法规另有规定的，依照其规定。"
    ),
    (
        "An administrative agency shall charge no fee for implementing a licence or for "
        "supervising licensed matters, except where a law or an administrative regulation "
        "provides otherwise."
    ),
)


_A59_STD = Quote(
    "行政许可法 art. 59",
    "行政机关实施行政许可，依照法律、行政法规收取费用的，应当按照公布的法定项目和标准收费；",
    (
        "Where an agency charges a fee for a licence under a law or an administrative "
        "regulation, it shall charge by the published statutory items and standards;"
    ),
)


_A59_TREASURY = Quote(
    "行政许可法 art. 59",
    "所收取的费用必须全部上缴国库，任何机关或者个人不得以任何形式截留、挪用、私分或者变相私分。",
    (
        "every fee collected shall be paid in full to the treasury, and no agency or person "
        "may withhold, misappropriate or divide it up in any form."
    ),
)


_A72_4 = Quote(
    "行政许可法 art. 72 (4)",
    "申请人提交的申请材料不齐全、不符合法定形式，不一次告知申请人必须补正的全部内容的；",
    (
        "(one of the acts the article sanctions:) where the applicant's materials are "
        "incomplete or not in the legal form, not telling the applicant at one time "
        "everything that must be supplemented;"
    ),
)


_A74_1 = Quote(
    "行政许可法 art. 74 (1)",
    "对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的；",
    (
        "(one of the acts the article sanctions:) granting a licence to an applicant who "
        "does not meet the legal conditions, or granting a licence beyond one's legal powers;"
    ),
)


_A74_2 = Quote(
    "行政许可法 art. 74 (2)",
    "对符合法定条件的申请人不予行政许可或者不在法定期限内作出准予行政许可决定的；",
    (
        "(one of the acts the article sanctions:) refusing a licence to an applicant who "
        "meets the legal conditions, or not granting it within the legal time limit;"
    ),
)


_A75 = Quote(
    "行政许可法 art. 75 ¶1",
    (
        "行政机关实施行政许可，擅自收费或者不按照法定项目和标准收费的，由其上级行政机关或者监"
        "察机关责令退还非法收取的费用；"
    ),
    (
        "Where an agency charges fees for a licence without authority, or not by the "
        "statutory items and standards, its superior agency or the supervisory authority "
        "orders the illegal fees refunded;"
    ),
)


_A82 = Quote(
    "行政许可法 art. 82",
    "本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。",
    (
        "The periods this law sets for agencies implementing licences are counted in working "
        "days, not including statutory holidays."
    ),
)


_TIME000_DOC = """\
A case that a rule could not judge: the working-day calendar has no data for a day the
rule needed, or the case's history cannot be followed (a step or decision dated before
the one recorded before it), and the act falls between the earliest and the latest due
day the law allows. It is reported in place of that rule's finding, naming the rule and
the reason; it is information, not an error, and it appears whenever the rule that could
not judge is selected. Where the case can still be judged — a decision later than any
possible due day, or earlier than every one — it is judged, and the finding says the due
day was bounded (see [the timeline of a case](../timing.md#the-timeline-of-a-case)).

**Why.** Art. 82 counts the agency's periods in working days, not counting statutory
holidays, and which days those are is known only from the State Council's yearly notice:
the official calendar holds the published arrangements only. shenpi never computes a
deadline across days it has no data for, nor guesses the order of a history, so rather
than pass or fail the case it says it could not judge it.

**Fix.** Load the year's notice when it is published
(`WorkCalendar.official().with_notice("notices/2027.json")`, see the
[calendar](../calendar.md)) and pass the calendar to `check(..., calendar=...)`; until
then, audit with the explicit statutory projection,
`WorkCalendar.official(unannounced="statutory")`, whose results are marked provisional.
"""

_TIME000_SELECTING = """\
TIME000 is not run like the other rules: the engine reports it for a selected rule that
could not judge a case, whatever `select` says, so that no rule passes in silence.
`select=["TIME000"]` alone reports nothing; only an explicit `ignore` (of `TIME000` or a
prefix of it) hides it:

```python
>>> check(world, as_of=date(2027, 3, 31), select=["TIME001"]).counts()
{'TIME000': 1}
>>> check(world, as_of=date(2027, 3, 31), select=["TIME001"], ignore=["TIME000"]).counts()
{}

```

Better: give the calendar the data (see above).
"""


NOTES: Mapping[str, RuleNotes] = MappingProxyType(
    {
        "HALL001": RuleNotes(
            (_S2,),
            Example(
                (
                    "Case `A1` is decided in the department's own building (site `X1`), "
                    "outside the hall:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), site_id="X1"),  # D1's own building
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL001"]).to_text())
HALL001 [error] application A1 event 2: decided at X1 (department_premises), outside the hall and
its sub-centers. (seed 二: 实现“大厅之外无审批、大厅之外无收费”)
1 finding, 1 error
""",
            ),
            Example(
                "Decided at the sub-center `S1`, which counts as inside the hall:",
                """\
>>> history[2] = decided(date(2025, 3, 12), site_id="S1")  # a sub-center of the hall
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL002": RuleNotes(
            (_S2,),
            Example(
                "The fee for item `I2` is collected by the department itself:",
                """\
>>> from datetime import date
>>> from shenpi.fees import CollectionPoint
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12), collected_at=CollectionPoint.DEPARTMENT, site_id="X1"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["HALL002"]).to_text())
HALL002 [error] application A1 event 3: fee of 10 yuan collected at department, not by the hall's
unified cashier. (seed 二: 实现“大厅之外无审批、大厅之外无收费”; 统一收费)
1 finding, 1 error
""",
            ),
            Example(
                "Paid through the hall's unified online payment:",
                """\
>>> history[3] = paid(date(2025, 3, 12), collected_at=CollectionPoint.HALL_ONLINE, site_id=None)
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["HALL002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL003": RuleNotes(
            (_S3_2, _A30),
            Example(
                (
                    "A case for item `I9`, which no catalogue version lists, is accepted and "
                    "decided:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I9")), as_of=as_of, select=["HALL003"]).to_text())
HALL003 [error] application A1: item I9 is not in the published catalogue in effect on 2025-03-03.
(seed 三(二): 明确公布进入行政服务中心审批、收费项目目录)
1 finding, 1 error
""",
            ),
            Example(
                "The hall refuses the case at intake instead (or publishes the item first):",
                """\
>>> from shenpi.applications import NotAccepted
>>> refused = [submitted(date(2025, 3, 3)), NotAccepted(date(2025, 3, 3), "申请事项不在公开目录中")]
>>> print(check(tiny_world(case(*refused, item="I9")), as_of=as_of, select=["HALL003"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL004": RuleNotes(
            (_S3_7_ENTER, _S2),
            Example(
                "D2's approval office is set up but, as an institution, never entered the hall:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", institution_entered_on=None)
>>> print(check(world, as_of=as_of, select=["HALL004"]).to_text())
HALL004 [error] department D2: department D2 has approval or fee powers but its office's
institution had not entered the hall by 2025-06-30. (seed 三(七):
审批机构、工作人员和审批项目“三进入”)
1 finding, 1 error
""",
            ),
            Example(
                "Entered in phase 4 of the plan, as recorded in the tiny world:",
                """\
>>> world = amend(world, "offices", "D2.office", institution_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["HALL004"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL005": RuleNotes(
            (_S3_7_ENTER, _S2),
            Example(
                "D2's approval office is set up, but its staff never entered the hall:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", staff_entered_on=None)
>>> print(check(world, as_of=as_of, select=["HALL005"]).to_text())
HALL005 [error] department D2: department D2 has approval or fee powers but its office's staff had
not entered the hall by 2025-06-30. (seed 三(七): 审批机构、工作人员和审批项目“三进入”)
1 finding, 1 error
""",
            ),
            Example(
                "Entered in phase 4 of the plan, as recorded in the tiny world:",
                """\
>>> world = amend(world, "offices", "D2.office", staff_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["HALL005"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL006": RuleNotes(
            (_S3_7_ENTER, _S2),
            Example(
                "D2's approval office is set up, but its items never entered the hall:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", items_entered_on=None)
>>> print(check(world, as_of=as_of, select=["HALL006"]).to_text())
HALL006 [error] department D2: department D2 has approval or fee powers but its office's items had
not entered the hall by 2025-06-30. (seed 三(七): 审批机构、工作人员和审批项目“三进入”)
1 finding, 1 error
""",
            ),
            Example(
                "Entered in phase 4 of the plan, as recorded in the tiny world:",
                """\
>>> world = amend(world, "offices", "D2.office", items_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["HALL006"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL007": RuleNotes(
            (_S3_7_MODEL,),
            Example(
                "The window accepts, but the section `D1.sec1` decides:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), unit_id="D1.sec1", official_id="D1.sec1.staff"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL007"]).to_text())
HALL007 [error] application A1 event 2: accepted at the hall but decided by section D1.sec1 of the
department (前店后厂). (seed 三(七): 杜绝“前店后厂”)
1 finding, 1 error
""",
            ),
            Example(
                "The approval office decides, through its director:",
                """\
>>> history[2] = decided(date(2025, 3, 12), unit_id="D1.office", official_id="D1.director")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL007"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL008": RuleNotes(
            (_S3_3,),
            Example(
                (
                    "The decision is recorded for the bureau `D1` itself rather than its "
                    "approval office:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), unit_id="D1"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL008"]).to_text())
HALL008 [error] application A1 event 2: decided by D1, not by the department's approval office
D1.office. (seed 三(三): 所有审批、收费等项目全部集中到行政审批办公室)
1 finding, 1 error
""",
            ),
            Example(
                "Recorded for the approval office `D1.office`:",
                """\
>>> history[2] = decided(date(2025, 3, 12), unit_id="D1.office")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL008"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL009": RuleNotes(
            (_S3_7_MODEL,),
            Example(
                "A decision and a delivery with no acceptance before them:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL009"]).to_text())
HALL009 [error] application A1 event 1: decision recorded with no acceptance in the hall's system
(体外循环). (seed 三(七): 杜绝“体外循环”)
1 finding, 1 error
""",
            ),
            Example(
                "Accepted at the window first:",
                """\
>>> history.insert(1, accepted(date(2025, 3, 3)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL009"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "HALL010": RuleNotes(
            (_S3_5_NET,),
            Example(
                "The clock is resumed, but its suspension was never recorded:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Resumed(date(2025, 3, 10)),
...     decided(date(2025, 3, 14)),
...     delivered(date(2025, 3, 17)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL010"]).to_text())
HALL010 [warning] application A1 event 2: event 2 (Resumed) resumes a clock that was not
suspended. (seed 三(五): 网上受理、网上审批、网上监察 — the record must be whole)
1 finding, 0 errors
""",
            ),
            Example(
                "The suspension (an expert review) is recorded when it happens:",
                """\
>>> history.insert(2, Suspended(date(2025, 3, 5), Suspension.EXPERT_REVIEW))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["HALL010"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "AUTH001": RuleNotes(
            (_S6_2, _A74_1),
            Example(
                "The window clerk `D1.clerk`, who holds no letter, decides:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), official_id="D1.clerk", letter_id=None),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["AUTH001"]).to_text())
AUTH001 [error] application A1 event 2: decided by D1.clerk, who held no authorization letter
covering item I1 on 2025-03-12. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书; 行政许可法
art. 74 (1) (超越法定职权))
1 finding, 1 error
""",
            ),
            Example(
                "The director decides under the head's letter `D1.letter`:",
                """\
>>> history[2] = decided(date(2025, 3, 12), official_id="D1.director", letter_id="D1.letter")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["AUTH001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "AUTH002": RuleNotes(
            (_S6_2,),
            Example(
                "D1's letter is signed by the deputy head:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "letters", "D1.letter", grantor_id="D1.deputy")
>>> print(check(world, as_of=as_of, select=["AUTH002"]).to_text())
AUTH002 [error] letter D1.letter: letter D1.letter was granted by D1.deputy, not by the
department's head D1.head. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书)
1 finding, 1 error
""",
            ),
            Example(
                "Signed by the head, `D1.head`:",
                """\
>>> world = amend(world, "letters", "D1.letter", grantor_id="D1.head")
>>> print(check(world, as_of=as_of, select=["AUTH002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "AUTH003": RuleNotes(
            (_S6_2,),
            Example(
                "D1's letter authorises the window clerk:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "letters", "D1.letter", grantee_id="D1.clerk")
>>> print(check(world, as_of=as_of, select=["AUTH003"]).to_text())
AUTH003 [error] letter D1.letter: letter D1.letter authorises D1.clerk, not the approval office's
director D1.director. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书)
1 finding, 1 error
""",
            ),
            Example(
                "Addressed to the office director, `D1.director`:",
                """\
>>> world = amend(world, "letters", "D1.letter", grantee_id="D1.director")
>>> print(check(world, as_of=as_of, select=["AUTH003"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "AUTH004": RuleNotes(
            (_S6_2,),
            Example(
                (
                    "D1's letter expired at the end of 2024; a decision in March 2025 still "
                    "cites it:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, amend, case, decided
>>> from shenpi.rules.examples import delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), letter_id="D1.letter"),
...     delivered(date(2025, 3, 13)),
... ]
>>> world = amend(tiny_world(case(*history)), "letters", "D1.letter", valid_to=date(2024, 12, 31))
>>> print(check(world, as_of=as_of, select=["AUTH004"]).to_text())
AUTH004 [error] application A1 event 2: decided on 2025-03-12 under letter D1.letter, which had
expired. (seed 六.2: 各部门主要领导要与审批办主任签订授权委托书)
1 finding, 1 error
""",
            ),
            Example(
                (
                    "The head renewed the letter before it expired, and the decision cites "
                    "the new one:"
                ),
                """\
>>> import attrs
>>> from shenpi.letters import AuthorizationLetter
>>> renewed = AuthorizationLetter(
...     "D1.letter2", "D1", "D1.head", "D1.director",
...     signed_on=date(2024, 12, 20), valid_from=date(2025, 1, 1),
... )
>>> history[2] = decided(date(2025, 3, 12), letter_id="D1.letter2")
>>> world = attrs.evolve(world, letters=[*world.letters, renewed], applications=[case(*history)])
>>> print(check(world, as_of=as_of, select=["AUTH004"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "SEAL001": RuleNotes(
            (_S3_6,),
            Example(
                "The decision records no seal:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), seal_id=None),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL001"]).to_text())
SEAL001 [error] application A1 event 2: decided without the department's active dedicated approval
seal (seal used: none recorded). (seed 三(六):
一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止)
1 finding, 1 error
""",
            ),
            Example(
                "Sealed with D1's dedicated approval seal:",
                """\
>>> history[2] = decided(date(2025, 3, 12), seal_id="D1.seal")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "SEAL002": RuleNotes(
            (_S3_6,),
            Example(
                "Sealed in 2025 with the section's old approval seal:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), seal_id="D1.oldseal"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL002"]).to_text())
SEAL002 [error] application A1 event 2: sealed on 2025-03-12 with old seal D1.oldseal
(section_approval) after the dedicated seal was activated on 2008-11-28. (seed 三(六):
一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止)
1 finding, 1 error
""",
            ),
            Example(
                "Sealed with the dedicated seal that replaced it:",
                """\
>>> history[2] = decided(date(2025, 3, 12), seal_id="D1.seal")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "SEAL003": RuleNotes(
            (_S3_6, _A39),
            Example(
                "D1's decision bears D2's dedicated seal:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12), seal_id="D2.seal"),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL003"]).to_text())
SEAL003 [error] application A1 event 2: decision of D1 sealed with seal D2.seal of D2. (seed
三(六): 一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止; 行政许可法 art. 39)
1 finding, 1 error
""",
            ),
            Example(
                "Sealed with D1's own:",
                """\
>>> history[2] = decided(date(2025, 3, 12), seal_id="D1.seal")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["SEAL003"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "SEAL004": RuleNotes(
            (_S3_6,),
            Example(
                "A second dedicated seal was made for D1 in 2020 and never abolished:",
                """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> from shenpi.seals import Seal, SealKind
>>> as_of = date(2025, 6, 30)
>>> second = Seal(
...     "D1.seal2", "D1", SealKind.DEDICATED_APPROVAL, "市市场监督管理局行政审批专用章（二）",
...     activated_on=date(2020, 7, 1),
... )
>>> world = tiny_world()
>>> world = attrs.evolve(world, seals=[*world.seals, second])
>>> print(check(world, as_of=as_of, select=["SEAL004"]).to_text())
SEAL004 [error] department D1: department D1 has 2 dedicated approval seals active on 2025-06-30.
(seed 三(六): 一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止 (one dedicated seal per
department))
1 finding, 1 error
""",
            ),
            Example(
                "The second seal is abolished:",
                """\
>>> world = amend(world, "seals", "D1.seal2", abolished_on=date(2020, 7, 31))
>>> print(check(world, as_of=as_of, select=["SEAL004"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "SEAL005": RuleNotes(
            (_S3_6,),
            Example(
                "The section's old seal was never abolished:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "seals", "D1.oldseal", abolished_on=None)
>>> print(check(world, as_of=as_of, select=["SEAL005"]).to_text())
SEAL005 [warning] seal D1.oldseal: old seal D1.oldseal (section_approval) is still active on
2025-06-30, after the dedicated seal's activation on 2008-11-28. (seed 三(六):
一律启用部门“行政审批专用章”，原使用的行政审批用章同时废止)
1 finding, 0 errors
""",
            ),
            Example(
                "Abolished the day the dedicated seal was activated:",
                """\
>>> world = amend(world, "seals", "D1.oldseal", abolished_on=date(2008, 11, 28))
>>> print(check(world, as_of=as_of, select=["SEAL005"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME000": RuleNotes(
            (_A82,),
            Example(
                (
                    "A case received on 1 February 2027, before the Spring Festival, and "
                    "accepted on 12 February, audited with the official calendar, whose published "
                    "arrangements end with 2026: under some arrangement the next notice could "
                    "make the answer came in time, under another it did not. (A case answered "
                    "in time, or late, under every arrangement is judged: see "
                    "[the timeline](../timing.md#the-timeline-of-a-case).)"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, submitted, tiny_world
>>> world = tiny_world(case(submitted(date(2027, 2, 1)), accepted(date(2027, 2, 12))))
>>> print(check(world, as_of=date(2027, 3, 31), select=["TIME001"]).to_text())
TIME000 [info] application A1: rule TIME001 could not judge this case: intake due day (art. 32
(4)) between 2027-02-10 and 2027-02-19: no working-day data for 2027-02-01; this calendar covers
2004-01-01 to 2026-12-31. (行政许可法 art. 82)
1 finding, 0 errors
""",
            ),
            Example(
                (
                    "With the statutory projection for unannounced years, the rule can judge "
                    "(and the case is on time):"
                ),
                """\
>>> from shenpi.calendar import WorkCalendar
>>> projected = WorkCalendar.official(unannounced="statutory")
>>> report = check(world, as_of=date(2027, 3, 31), select=["TIME001"], calendar=projected)
>>> print(report.to_text())
0 findings, 0 errors
""",
            ),
            doc=_TIME000_DOC,
            selecting=_TIME000_SELECTING,
        ),
        "TIME001": RuleNotes(
            (_A32_4,),
            Example(
                "Received on Monday 3 March 2025, accepted on the sixth working day after:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 11)),
...     decided(date(2025, 3, 20)),
...     delivered(date(2025, 3, 21)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME001"]).to_text())
TIME001 [error] application A1 event 1: answered on 2025-03-11 but due by 2025-03-10; the case
counts as accepted on 2025-03-03. (行政许可法 art. 32 (4))
1 finding, 1 error
""",
            ),
            Example(
                "Accepted on the fifth working day:",
                """\
>>> history[1] = accepted(date(2025, 3, 10))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME002": RuleNotes(
            (_A32_4, _A72_4),
            Example(
                (
                    "Two supplement notices, the second asking for a material the first "
                    "could have named:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.applications import Supplemented, SupplementRequested
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     SupplementRequested(date(2025, 3, 4), ["营业执照复印件"]),
...     Supplemented(date(2025, 3, 6)),
...     SupplementRequested(date(2025, 3, 7), ["经营场所平面图"]),
...     Supplemented(date(2025, 3, 10)),
...     accepted(date(2025, 3, 10)),
...     decided(date(2025, 3, 19)),
...     delivered(date(2025, 3, 20)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME002"]).to_text())
TIME002 [error] application A1 event 3: a second supplement notice (2 in all): everything missing
must be told at once. (行政许可法 art. 32 (4), art. 72 (4): 一次告知)
1 finding, 1 error
""",
            ),
            Example(
                "One notice that lists everything missing:",
                """\
>>> history[1:5] = [
...     SupplementRequested(date(2025, 3, 4), ["营业执照复印件", "经营场所平面图"]),
...     Supplemented(date(2025, 3, 7)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME003": RuleNotes(
            (_S3_7_TIME,),
            Example(
                (
                    "Item `I1` promises 10 working days (the law allows 20); accepted on 3 "
                    "March, decided on 24 March:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 24)),
...     delivered(date(2025, 3, 25)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME003"]).to_text())
TIME003 [warning] application A1 event 2: decided on 2025-03-24, 7 day(s) (5 working day(s))
after the promised due day 2025-03-17 (within the law). (seed 三(七): 遵守法定时限，兑现承诺时限)
1 finding, 0 errors
""",
            ),
            Example(
                "Decided on the promised due day:",
                """\
>>> history[2] = decided(date(2025, 3, 17))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME003"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME004": RuleNotes(
            (_A42_1, _A74_2),
            Example(
                (
                    "Accepted on 3 March 2025; the 20 working days end on 31 March; decided "
                    "on 2 April:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 4, 2)),
...     delivered(date(2025, 4, 3)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME004"]).to_text())
TIME004 [error] application A1 event 2: decided on 2025-04-02, 2 day(s) (2 working day(s)) after
the statutory due day 2025-03-31. (行政许可法 art. 42, art. 74 (2))
1 finding, 1 error
""",
            ),
            Example(
                "The head approved a 10-day extension before the deadline, with reasons:",
                """\
>>> from shenpi.applications import Extended
>>> from shenpi.timing import TimeLimit
>>> extension = Extended(
...     date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head", reason="需现场核查"
... )
>>> history.insert(2, extension)
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME004"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME005": RuleNotes(
            (_S3_7_TIME,),
            Example(
                "Item `I1` promises 30 working days; the law allows 20:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", promised_limit=TimeLimit.workdays(30))
>>> print(check(world, as_of=as_of, select=["TIME005"]).to_text())
TIME005 [error] item I1: item I1 promises 30 working days, longer than its statutory 20 working
days. (seed 三(七): 遵守法定时限，兑现承诺时限)
1 finding, 1 error
""",
            ),
            Example(
                "A promise shorter than the law:",
                """\
>>> world = amend(world, "items", "I1", promised_limit=TimeLimit.workdays(15))
>>> print(check(world, as_of=as_of, select=["TIME005"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME006": RuleNotes(
            (_A42_EXT,),
            Example(
                "An extension with no approving official recorded:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 3, 28), TimeLimit.workdays(10), reason="需现场核查"),
...     decided(date(2025, 4, 10)),
...     delivered(date(2025, 4, 11)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME006"]).to_text())
TIME006 [error] application A1 event 2: extended by 10 working days with no approval recorded.
(行政许可法 art. 42: 经本行政机关负责人批准)
1 finding, 1 error
""",
            ),
            Example(
                "Approved by the head of the department:",
                """\
>>> history[2] = Extended(
...     date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head", reason="需现场核查"
... )
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME006"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME007": RuleNotes(
            (_A42_EXT, _A42_JOINT),
            Example(
                "A single department's item extended by 15 working days:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 3, 28), TimeLimit.workdays(15), approved_by="D1.head"),
...     decided(date(2025, 4, 10)),
...     delivered(date(2025, 4, 11)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME007"]).to_text())
TIME007 [error] application A1 event 2: extended by 15 working days, more than the law allows.
(行政许可法 art. 42: 可以延长十日 (joint: 十五日))
1 finding, 1 error
""",
            ),
            Example(
                "By 10, the most the law allows (15 for joint handling):",
                """\
>>> history[2] = Extended(date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME007"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME008": RuleNotes(
            (_A42_EXT,),
            Example(
                "The period ended on 31 March; the extension was approved on 2 April:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 4, 2), TimeLimit.workdays(10), approved_by="D1.head"),
...     decided(date(2025, 4, 10)),
...     delivered(date(2025, 4, 11)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME008"]).to_text())
TIME008 [error] application A1 event 2: extended on 2025-04-02, after the period had run out.
(行政许可法 art. 42: 二十日内不能作出决定的 … 可以延长)
1 finding, 1 error
""",
            ),
            Example(
                "Approved before the period ran out:",
                """\
>>> history[2] = Extended(date(2025, 3, 28), TimeLimit.workdays(10), approved_by="D1.head")
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME008"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME009": RuleNotes(
            (_A42_EXT,),
            Example(
                "Two extensions of 5 working days each:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Extended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Extended(date(2025, 3, 27), TimeLimit.workdays(5), approved_by="D1.head"),
...     Extended(date(2025, 4, 3), TimeLimit.workdays(5), approved_by="D1.head"),
...     decided(date(2025, 4, 14)),
...     delivered(date(2025, 4, 15)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME009"]).to_text())
TIME009 [error] application A1 event 3: extended again on 2025-04-03; the law allows one
extension. (行政许可法 art. 42: 可以延长十日 (once))
1 finding, 1 error
""",
            ),
            Example(
                "One extension of 10:",
                """\
>>> history[2:4] = [Extended(date(2025, 3, 27), TimeLimit.workdays(10), approved_by="D1.head")]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME009"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME010": RuleNotes(
            (_A45,),
            Example(
                "The clock is stopped for a week with no reason recorded:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Suspended(date(2025, 3, 10), None),
...     Resumed(date(2025, 3, 17)),
...     decided(date(2025, 3, 25)),
...     delivered(date(2025, 3, 26)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME010"]).to_text())
TIME010 [error] application A1 event 2: suspended on 2025-03-10 without a procedure of art. 45 or
another legal basis. (行政许可法 art. 45)
1 finding, 1 error
""",
            ),
            Example(
                "Stopped for an expert review (专家评审), a procedure of art. 45:",
                """\
>>> history[2] = Suspended(date(2025, 3, 10), Suspension.EXPERT_REVIEW)
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME010"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME011": RuleNotes(
            (_A45,),
            Example(
                "Suspended for an expert review, then decided with the clock still stopped:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Suspended(date(2025, 3, 10), Suspension.EXPERT_REVIEW),
...     decided(date(2025, 3, 20)),
...     delivered(date(2025, 3, 21)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME011"]).to_text())
TIME011 [error] application A1 event 2: suspended on 2025-03-10 and the case closed while
suspended. (行政许可法 art. 45: 所需时间书面告知申请人)
1 finding, 1 error
""",
            ),
            Example(
                "The resumption is recorded when the review ends:",
                """\
>>> history.insert(3, Resumed(date(2025, 3, 17)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME011"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME012": RuleNotes(
            (_A44,),
            Example(
                "Approved on 10 March, the licence delivered on 25 March:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 10)),
...     delivered(date(2025, 3, 25)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME012"]).to_text())
TIME012 [error] application A1 event 3: licence delivered on 2025-03-25; due by 2025-03-24 (10
working days after the decision on 2025-03-10). (行政许可法 art. 44)
1 finding, 1 error
""",
            ),
            Example(
                "Delivered on the tenth working day:",
                """\
>>> history[3] = delivered(date(2025, 3, 24))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME012"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME013": RuleNotes(
            (_S3_7_TIME,),
            Example(
                (
                    "Accepted on 3 March and still open on 20 March; the promise (10 working "
                    "days) ran out on 17 March:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, submitted, tiny_world
>>> as_of = date(2025, 3, 20)
>>> history = [submitted(date(2025, 3, 3)), accepted(date(2025, 3, 3))]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME013"]).to_text())
TIME013 [warning] application A1: still open on 2025-03-20, 3 day(s) (3 working day(s)) past the
promised due day 2025-03-17. (seed 三(七): 遵守法定时限，兑现承诺时限)
1 finding, 0 errors
""",
            ),
            Example(
                "Decided within the promise:",
                """\
>>> history.append(decided(date(2025, 3, 14)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME013"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME014": RuleNotes(
            (_A42_1, _A74_2),
            Example(
                (
                    "Accepted on 3 March and still open on 2 April; the 20 working days ran "
                    "out on 31 March:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, submitted, tiny_world
>>> as_of = date(2025, 4, 2)
>>> history = [submitted(date(2025, 3, 3)), accepted(date(2025, 3, 3))]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME014"]).to_text())
TIME014 [error] application A1: still open on 2025-04-02, 2 day(s) (2 working day(s)) past the
statutory due day 2025-03-31. (行政许可法 art. 42, art. 74 (2))
1 finding, 1 error
""",
            ),
            Example(
                "Decided within the period:",
                """\
>>> history.append(decided(date(2025, 3, 28)))
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME014"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "TIME015": RuleNotes(
            (_A42_1, _A45),
            Example(
                "The period ended on 31 March; an expert review is started on 2 April:",
                """\
>>> from datetime import date
>>> from shenpi.applications import Resumed, Suspended
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> from shenpi.timing import Suspension
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     Suspended(date(2025, 4, 2), Suspension.EXPERT_REVIEW),
...     Resumed(date(2025, 4, 10)),
...     decided(date(2025, 4, 11)),
...     delivered(date(2025, 4, 14)),
... ]
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME015"]).to_text())
TIME015 [error] application A1 event 2: suspended on 2025-04-02, after the period had run out.
(行政许可法 arts. 42, 45)
1 finding, 1 error
""",
            ),
            Example(
                "Started while the period was still running:",
                """\
>>> history[2] = Suspended(date(2025, 3, 28), Suspension.EXPERT_REVIEW)
>>> print(check(tiny_world(case(*history)), as_of=as_of, select=["TIME015"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "FEE001": RuleNotes(
            (_A58,),
            Example(
                "D1's fee standard rests on a local government rule:",
                """\
>>> from datetime import date
>>> from shenpi.items import LegalBasis, LegalLevel
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> local_rule = LegalBasis(LegalLevel.LOCAL_RULE, "青岚市工业产品生产许可收费管理办法")
>>> world = amend(tiny_world(), "standards", "D1.fee1", legal_basis=[local_rule])
>>> print(check(world, as_of=as_of, select=["FEE001"]).to_text())
FEE001 [error] fee_standard D1.fee1: fee standard D1.fee1 rests on no law or administrative
regulation. (行政许可法 art. 58: 法律、行政法规另有规定的，依照其规定)
1 finding, 1 error
""",
            ),
            Example(
                "It cites the administrative regulation that provides the fee:",
                """\
>>> regulation = LegalBasis(LegalLevel.ADMINISTRATIVE_REGULATION, "工业产品生产许可证管理条例")
>>> world = amend(world, "standards", "D1.fee1", legal_basis=[regulation])
>>> print(check(world, as_of=as_of, select=["FEE001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "FEE002": RuleNotes(
            (_A59_STD, _A75),
            Example(
                "Standard `D1.fee1` sets 10 yuan; the case is charged 20:",
                """\
>>> from datetime import date
>>> from decimal import Decimal
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12), amount=Decimal("20")),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE002"]).to_text())
FEE002 [error] application A1 event 3: charged 20 yuan; standard D1.fee1 does not allow that
amount. (行政许可法 art. 59: 按照公布的法定项目和标准收费)
1 finding, 1 error
""",
            ),
            Example(
                "Charged what the standard sets:",
                """\
>>> history[3] = paid(date(2025, 3, 12), amount=Decimal("10"))
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "FEE003": RuleNotes(
            (_A58,),
            Example(
                "Item `I1` has no fee in the catalogue, yet the case pays 10 yuan:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I1")), as_of=as_of, select=["FEE003"]).to_text())
FEE003 [error] application A1 event 3: charged 10 yuan for item I1, which has no fee in the
catalogue. (行政许可法 art. 58)
1 finding, 1 error
""",
            ),
            Example(
                "No fee:",
                """\
>>> del history[3]
>>> print(check(tiny_world(case(*history, item="I1")), as_of=as_of, select=["FEE003"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "FEE004": RuleNotes(
            (_A59_TREASURY,),
            Example(
                "The fee is collected without a receipt:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered
>>> from shenpi.rules.examples import paid, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     paid(date(2025, 3, 12), receipt=""),
...     delivered(date(2025, 3, 13)),
... ]
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE004"]).to_text())
FEE004 [error] application A1 event 3: 10 yuan collected without a receipt. (行政许可法 art. 59:
全部上缴国库)
1 finding, 1 error
""",
            ),
            Example(
                "With the receipt's number recorded:",
                """\
>>> history[3] = paid(date(2025, 3, 12), receipt="QL-2025-000123")
>>> print(check(tiny_world(case(*history, item="I2")), as_of=as_of, select=["FEE004"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT001": RuleNotes(
            (_S3_5_ITEMS, _A30),
            Example(
                "Item `I1` is published without its legal basis:",
                """\
>>> from datetime import date
>>> from shenpi.items import LegalBasis, LegalLevel
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", legal_basis=[])
>>> print(check(world, as_of=as_of, select=["CAT001"]).to_text())
CAT001 [error] item I1: item I1 lists no legal basis. (seed 三(二); 行政许可法 art. 30 (设定依据))
1 finding, 1 error
""",
            ),
            Example(
                "With the act and article:",
                """\
>>> food_safety_law = LegalBasis(LegalLevel.LAW, "中华人民共和国食品安全法", "第三十五条")
>>> world = amend(world, "items", "I1", legal_basis=[food_safety_law])
>>> print(check(world, as_of=as_of, select=["CAT001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT002": RuleNotes(
            (_S3_5_ITEMS,),
            Example(
                "Items `I1` and `I2` share the code `XK-0001`:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I2", code="XK-0001")
>>> print(check(world, as_of=as_of, select=["CAT002"]).to_text())
CAT002 [error] item I2: item I2 has code XK-0001, already used by I1. (seed 三(二); 行政许可法
art. 30)
1 finding, 1 error
""",
            ),
            Example(
                "Each item has its own code:",
                """\
>>> world = amend(world, "items", "I2", code="XK-0002")
>>> print(check(world, as_of=as_of, select=["CAT002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT003": RuleNotes(
            (_S3_2,),
            Example(
                (
                    "Version 2 of the catalogue cancels item `I2` from 2025; a case for it "
                    "is accepted in March:"
                ),
                """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.items import CatalogueChange, ChangeKind, Publication
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import accepted, case, decided, delivered, submitted, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = tiny_world()
>>> version2 = world.catalogues[-1].apply(
...     [CatalogueChange(ChangeKind.CANCEL, "I2", "国务院关于取消一批行政许可事项的决定")],
...     effective_on=date(2025, 1, 1),
...     publications=[Publication(date(2024, 12, 20), "青岚市人民政府网站")],
... )
>>> world = attrs.evolve(world, catalogues=[*world.catalogues, version2])
>>> history = [
...     submitted(date(2025, 3, 3)),
...     accepted(date(2025, 3, 3)),
...     decided(date(2025, 3, 12)),
...     delivered(date(2025, 3, 13)),
... ]
>>> cases = [case(*history, item="I2")]
>>> print(check(world.with_applications(cases), as_of=as_of, select=["CAT003"]).to_text())
CAT003 [error] application A1 event 1: accepted for item I2, which was cancelled in the catalogue
in effect. (seed 三(二): 根据国务院取消行政审批项目方案要求 … 对项目变动情况予以确认)
1 finding, 1 error
""",
            ),
            Example(
                "The window refuses it, saying the licence is no longer needed:",
                """\
>>> from shenpi.applications import NotAccepted
>>> refused = [submitted(date(2025, 3, 3)), NotAccepted(date(2025, 3, 3), "该许可事项已取消")]
>>> cases = [case(*refused, item="I2")]
>>> print(check(world.with_applications(cases), as_of=as_of, select=["CAT003"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT004": RuleNotes(
            (_A30,),
            Example(
                "Item `I1` publishes neither its conditions nor its procedure:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", conditions=[], procedure=[])
>>> print(check(world, as_of=as_of, select=["CAT004"]).to_text())
CAT004 [warning] item I1: item I1 does not publish its conditions, procedure. (行政许可法 art. 30)
1 finding, 0 errors
""",
            ),
            Example(
                "Both published:",
                """\
>>> world = amend(
...     world,
...     "items",
...     "I1",
...     conditions=["有与经营的食品品种、数量相适应的经营场所"],
...     procedure=["受理", "审查", "决定", "送达"],
... )
>>> print(check(world, as_of=as_of, select=["CAT004"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT005": RuleNotes(
            (_A34_2,),
            Example(
                "Item `I1` is marked 即办件 but promises 10 working days:",
                """\
>>> from datetime import date
>>> from shenpi.items import HandlingType
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> from shenpi.timing import TimeLimit
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", handling=HandlingType.INSTANT)
>>> print(check(world, as_of=as_of, select=["CAT005"]).to_text())
CAT005 [warning] item I1: item I1 is an instant item but promises 10 working days. (national
catalogue checks: 承诺时限“即办”须为即办件，其他为承诺件)
1 finding, 0 errors
""",
            ),
            Example(
                "An instant item promises hours (or a promised item promises days):",
                """\
>>> world = amend(world, "items", "I1", promised_limit=TimeLimit.hours(2))
>>> print(check(world, as_of=as_of, select=["CAT005"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT006": RuleNotes(
            (_A33, _S3_5_NET),
            Example(
                "Item `I1` is handled fully online but still asks for one visit:",
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I1", online=True, on_site_visits=1)
>>> print(check(world, as_of=as_of, select=["CAT006"]).to_text())
CAT006 [warning] item I1: item I1 is handled fully online but requires 1 on-site visit(s).
(national catalogue checks: 全程网办须到现场次数为 0)
1 finding, 0 errors
""",
            ),
            Example(
                "Zero visits:",
                """\
>>> world = amend(world, "items", "I1", on_site_visits=0)
>>> print(check(world, as_of=as_of, select=["CAT006"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT007": RuleNotes(
            (_A59_STD, _A30),
            Example(
                "A fee item (行政事业性收费) with no fee schedule:",
                """\
>>> from datetime import date
>>> from shenpi.items import ItemKind
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "items", "I2", kind=ItemKind.FEE, fee_schedule_id=None)
>>> print(check(world, as_of=as_of, select=["CAT007"]).to_text())
CAT007 [warning] item I2: item I2 is a fee item but links no fee schedule. (行政许可法 art. 30,
59; national catalogue checks: 是否收费=是 须有收费依据)
1 finding, 0 errors
""",
            ),
            Example(
                "Linked to D1's published schedule:",
                """\
>>> world = amend(world, "items", "I2", fee_schedule_id="D1.fees")
>>> print(check(world, as_of=as_of, select=["CAT007"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "CAT008": RuleNotes(
            (_S3_2, _A30),
            Example(
                "Version 2 cancels item `I2` but was never published:",
                """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.items import CatalogueChange, ChangeKind, Publication
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = tiny_world()
>>> cancel = CatalogueChange(ChangeKind.CANCEL, "I2", "国务院关于取消一批行政许可事项的决定")
>>> version2 = world.catalogues[-1].apply([cancel], effective_on=date(2025, 1, 1))
>>> changed = attrs.evolve(world, catalogues=[*world.catalogues, version2])
>>> print(check(changed, as_of=as_of, select=["CAT008"]).to_text())
CAT008 [error] catalogue 2: catalogue version 2 (1 change(s), effective 2025-01-01) was never
published. (seed 三(二): 明确公布 … 项目目录; 行政许可法 art. 30)
1 finding, 1 error
""",
            ),
            Example(
                "Published, with where and when:",
                """\
>>> published = [Publication(date(2024, 12, 20), "青岚市人民政府网站")]
>>> version2 = world.catalogues[-1].apply(
...     [cancel], effective_on=date(2025, 1, 1), publications=published
... )
>>> changed = attrs.evolve(world, catalogues=[*world.catalogues, version2])
>>> print(check(changed, as_of=as_of, select=["CAT008"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "REFORM001": RuleNotes(
            (_S5_2, _S5_4),
            Example(
                (
                    "D2's staff entered the hall on 15 December 2008, after phase 4 ended on "
                    "the 10th:"
                ),
                """\
>>> from datetime import date
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> world = amend(tiny_world(), "offices", "D2.office", staff_entered_on=date(2008, 12, 15))
>>> print(check(world, as_of=as_of, select=["REFORM001"]).to_text())
REFORM001 [error] department D2: department D2 missed phase 4 (offices_enter, due 2008-12-10).
(seed 五: 工作步骤 (five dated phases))
1 finding, 1 error
""",
            ),
            Example(
                "Entered within phase 4:",
                """\
>>> world = amend(world, "offices", "D2.office", staff_entered_on=date(2008, 12, 5))
>>> print(check(world, as_of=as_of, select=["REFORM001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "REFORM002": RuleNotes(
            (_S5_5,),
            Example(
                "D1's acceptance check failed the seal point:",
                """\
>>> from datetime import date
>>> from shenpi.reform import AcceptancePoint
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import amend, tiny_world
>>> as_of = date(2025, 6, 30)
>>> passed = [p for p in AcceptancePoint if p is not AcceptancePoint.SEAL]
>>> world = amend(tiny_world(), "acceptance_checks", "D1", passed=passed)
>>> print(check(world, as_of=as_of, select=["REFORM002"]).to_text())
REFORM002 [error] department D1: the acceptance check of 2008-12-20 did not pass: seal. (seed
五.5: 验收内容：机构、人员、职能职责、项目、审批专用章落实情况；简化后的审批流程和相关制度)
1 finding, 1 error
""",
            ),
            Example(
                "The check passed every point of the plan:",
                """\
>>> world = amend(world, "acceptance_checks", "D1", passed=list(AcceptancePoint))
>>> print(check(world, as_of=as_of, select=["REFORM002"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
        "SUP001": RuleNotes(
            (_S3_5_NET, _S3_9),
            Example(
                (
                    "A hotline complaint received on 3 March 2025 is handled on 12 March, "
                    "the seventh working day:"
                ),
                """\
>>> from datetime import date
>>> import attrs
>>> from shenpi.complaints import Complaint, ComplaintChannel
>>> from shenpi.rules import check
>>> from shenpi.rules.examples import tiny_world
>>> as_of = date(2025, 6, 30)
>>> complaint = Complaint(
...     "C1",
...     ComplaintChannel.HOTLINE,
...     date(2025, 3, 3),
...     department_id="D1",
...     summary="办理食品经营许可被要求重复提交材料",
...     handled_on=date(2025, 3, 12),
... )
>>> world = attrs.evolve(tiny_world(), complaints=[complaint])
>>> print(check(world, as_of=as_of, select=["SUP001"]).to_text())
SUP001 [warning] complaint C1: complaint received on 2025-03-03 was handled on 2025-03-12; due by
2025-03-10. (seed 三(五) 网上投诉, 三(九) 监督; local rule: 5 working days
(RulePolicy.complaint_limit))
1 finding, 0 errors
""",
            ),
            Example(
                "Handled within 5 working days (the limit is `RulePolicy.complaint_limit`):",
                """\
>>> world = attrs.evolve(world, complaints=[attrs.evolve(complaint, handled_on=date(2025, 3, 10))])
>>> print(check(world, as_of=as_of, select=["SUP001"]).to_text())
0 findings, 0 errors
""",
            ),
        ),
    }
)
"""Per rule code: the quotes and the two examples its page shows."""


if __name__ == "__main__":
    raise SystemExit(main())
