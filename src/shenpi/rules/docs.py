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
from collections.abc import Iterable, Sequence
from pathlib import Path

from shenpi.rules import builtin
from shenpi.rules.builtin import FAMILIES
from shenpi.rules.engine import Rule
from shenpi.rules.notes import Example, Quote

__all__ = [
    "index_page",
    "rendered_pages",
    "rule_page",
    "write_pages",
]


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
    """``(what, why, fix)`` from the rule's docstring."""
    doc = inspect.cleandoc(rule.check.__doc__ or "")
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

    Works for any rule, local ones included: a rule without ``notes`` gets
    the header and its docstring.

    >>> from shenpi.rules import RuleSet
    >>> print(rule_page(RuleSet.default().get("HALL007")).splitlines()[0])
    # HALL007: front-shop-back-factory
    """
    notes = rule.notes
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

Everything about a family sits under the family's name: its rules, each with its
quotations and examples beside its code (`@rule(..., notes=RuleNotes(...))`), in
`src/shenpi/rules/<family>.py` (`hall.py`, `auth.py`, `seal.py`, `time.py`, `fee.py`,
`cat.py`, `reform.py`, `sup.py`); the mutators that plant each violation in a valid
world in `src/shenpi/testing/mutators/<family>.py`; its named boundary tests in
`tests/rules/test_<family>.py`. The tiny world the examples run on is
`shenpi.rules.examples`, and the quoted texts are `shenpi.rules.quotes`.

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
is its documentation, in the same **Why.** and **Fix.** sections; `notes=RuleNotes(quotes,
failing, passing)` (from `shenpi.rules.notes`) adds the quoted law and two examples to
its page:

```python
>>> from shenpi.applications import Decided, Outcome
>>> from shenpi.rules import RuleSet, Severity, rule
>>> from shenpi.rules.docs import rule_page
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


if __name__ == "__main__":
    raise SystemExit(main())
