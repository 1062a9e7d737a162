"""The ``shenpi`` command: audit an export, explain a deadline, print a year's working days.

Commands (``shenpi COMMAND --help`` describes each, with examples)::

    shenpi check REFERENCE.json --applications CASES.jsonl.gz   # audit, like a linter
    shenpi deadline 2025-09-26 20                               # a due day, explained
    shenpi calendar 2025                                        # the year's working days
    shenpi rules                                                # every rule
    shenpi rule HALL001                                         # one rule's page
    shenpi demo                                                 # check the bundled city

This is shenpi's outer layer, the one place that reads files named on the command line,
the terminal and the clock (``check`` audits as of today in China Standard Time unless
``--as-of`` says otherwise). Exit codes: 0 done, no error found; 1 ``check`` found
findings at error severity; 2 bad input or usage, reported in one line on stderr; 130
interrupted; 141 the output pipe closed early. Heavy modules are imported inside the
commands, so ``shenpi --help`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as _dt
import difflib
import itertools
import json
import os
import re
import shlex
import sys
import time
import unicodedata
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn, TextIO

from shenpi.errors import CalendarDataMissing, ShenpiError

if TYPE_CHECKING:
    from shenpi.applications import Application
    from shenpi.calendar import DayInfo, WorkCalendar
    from shenpi.jurisdiction import Jurisdiction
    from shenpi.rules import Finding, Report, Rule, RulePolicy, RuleSet
    from shenpi.timeline import Step
    from shenpi.timing import Clock, Suspension, TimeLimit

__all__ = [
    "DEMO_AS_OF",
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN_PIPE",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "main",
]

EXIT_OK = 0
"""The command ran; ``check`` found no finding at error severity."""
EXIT_FINDINGS = 1
"""``check`` found at least one finding at error severity."""
EXIT_BAD_INPUT = 2
"""Bad input or usage: a missing or invalid file, a wrong date, an unknown rule code."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C)."""
EXIT_BROKEN_PIPE = 141
"""The output pipe closed before the output was written (``shenpi check ... | head``)."""

DEMO_AS_OF = _dt.date(2026, 12, 31)
"""The day ``shenpi demo`` audits the example city as of (fixed, so its output is too)."""

# Progress on a terminal: the first line after PROGRESS_DELAY seconds, then at most one
# update every PROGRESS_INTERVAL seconds.
PROGRESS_DELAY = 1.0
PROGRESS_INTERVAL = 0.2

_LANGS = ("en", "zh")


class BadInput(Exception):
    """Input the command refuses: reported as ``shenpi: error: <what>`` with exit code 2."""


# ============================================================================ helpers
def _t(lang: str, en: str, zh: str) -> str:
    """``zh`` when the output language is Chinese, else ``en``."""
    return zh if lang == "zh" else en


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _rjust(text: str, width: int) -> str:
    return " " * max(width - _width(text), 0) + text


def _center(text: str, width: int) -> str:
    return _pad(" " * max((width - _width(text)) // 2, 0) + text, width)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(value: Any) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _describe(error: ShenpiError) -> str:
    """A library error in one line: the field and value at fault, what is wrong, the fix."""
    if isinstance(error, CalendarDataMissing):
        text = error.message_en
        if error.hint:
            text += (
                " Fix: add the year's holiday notice with --notice FILE, or use --provisional "
                "for a projection from the statutory holidays."
            )
        return _one_line(f"{text} ({error.message_zh})")
    where = error.field if error.value is None else f"{error.field}={_short(error.value)}"
    text = f"{where}: {error.message_en}"
    if error.hint:
        text += f" Fix: {error.hint}"
    return _one_line(f"{text} ({error.message_zh})")


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})")


def _parse_date(text: str) -> _dt.date:
    if not _DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD")
    try:
        return _dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date ({exc})") from None


def _parse_moment(text: str, hours: bool) -> _dt.date | _dt.datetime:
    """A date (day limits) or a naive China Standard Time datetime (hour limits)."""
    if not hours:
        if _MOMENT.fullmatch(text):
            raise ValueError(f"{text!r}: a limit in days takes dates (YYYY-MM-DD), not times")
        return _parse_date(text)
    match = _MOMENT.fullmatch(text)
    if match is None:
        raise ValueError(
            f"{text!r}: a limit in hours starts at a time of day: YYYY-MM-DDTHH:MM "
            "(China Standard Time)"
        )
    day = _parse_date(match.group(1))
    try:
        return _dt.datetime.combine(day, _dt.time(int(match.group(2)), int(match.group(3))))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid time ({exc})") from None


def _date_arg(text: str) -> _dt.date:
    try:
        return _parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year_arg(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year such as 2025")
    return int(text)


def _today() -> _dt.date:
    """Today in China Standard Time: the command line is the one place that reads the clock."""
    from shenpi.calendar.dates import CST

    return _dt.datetime.now(CST).date()


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _check_readable(path: str) -> None:
    """Refuse a missing file, a folder or an unreadable file before any work starts."""
    if path == "-":
        return
    if os.path.isdir(path):
        raise BadInput(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise BadInput(f"{path}: {exc.strerror or exc}") from None


def _read_bytes(path: str) -> bytes:
    _check_readable(path)
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as exc:
        raise BadInput(f"{path}: {exc.strerror or exc}") from None


# ============================================================================ parser
class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (``BadInput``), not usage + exit."""

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{message}; see '{self.prog} --help'")


_FORMATTER = argparse.RawDescriptionHelpFormatter


def _wrap(text: str) -> str:
    """A description, wrapped (the help formatter keeps descriptions as written)."""
    import textwrap

    return textwrap.fill(text, width=79)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("shenpi")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=_LANGS,
        default="en",
        help="language of the output: en (default) or zh (简体中文)",
    )


def _add_calendar_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("working-day calendar")
    group.add_argument(
        "--provisional",
        action="store_true",
        help="project the years whose State Council notice is not in the data from the "
        "statutory holidays (全国年节及纪念日放假办法, no 调休); the output says when a "
        "result depends on a projected day",
    )
    group.add_argument(
        "--notice",
        metavar="FILE",
        action="append",
        help="add a year's holiday notice (JSON or TOML, see docs/calendar.md); repeat for "
        "several years, in order",
    )


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select",
        metavar="CODES",
        action="append",
        help="run only these rules: codes or prefixes (a family such as HALL, or part of "
        "a code such as TIME01), comma-separated or repeated",
    )
    parser.add_argument(
        "--ignore",
        metavar="CODES",
        action="append",
        help="leave out these rules (codes or prefixes); the most specific of --select "
        "and --ignore wins, as in Ruff",
    )


_MAIN_EPILOG = """\
examples:
  shenpi demo                                      check the bundled example city
  shenpi check reference.json -a cases.jsonl.gz    audit an export
  shenpi deadline 2025-09-26 20                    20 working days after 26 Sep
  shenpi calendar 2026                             the working days of 2026
  shenpi rules                                     list the rules
  shenpi rule HALL001                              one rule's page

exit codes: 0 no error found, 1 check found errors, 2 bad input or usage,
130 interrupted.
"""

_CHECK_EPILOG = """\
examples:
  shenpi check reference.json --applications cases-2025.jsonl.gz
  shenpi check reference.json -a 2025.jsonl -a 2026.jsonl.gz --as-of 2026-12-31
  shenpi check reference.json -a cases.jsonl --select HALL,TIME --ignore TIME013
  shenpi check reference.json -a cases.jsonl --format jsonl > findings.jsonl
  shenpi check reference.json -a cases.jsonl --policy local.toml --lang zh
  zcat cases.jsonl.gz | shenpi check reference.json -a -

The cases are read one at a time (a file of a million cases never sits in memory
at once), and every case file is read whole, whichever rules run. On a terminal,
stderr shows the progress of a long run.

exit codes: 0 no finding at error severity, 1 at least one, 2 bad input.
"""

_DEADLINE_EPILOG = """\
examples:
  shenpi deadline 2025-09-26 20                       decision: 20 working days
  shenpi deadline 2025-09-29 12 --suspend 2025-10-13:2025-10-20:testing
  shenpi deadline 2025-03-03 20 --extend 10           one extension (art. 42)
  shenpi deadline 2025-09-01 30 --unit days           30 natural days
  shenpi deadline 2025-09-30T16:45 2 --unit hours     2 office hours
  shenpi deadline 2026-12-15 20 --provisional         into a year not yet announced

The start day never counts. A suspension S:R stops the clock from day S; it runs
again on day R (R left out: still suspended). REASON is one of the procedures of
行政许可法 art. 45: hearing, bidding, auction, testing, inspection, quarantine,
appraisal, expert_review, other.
"""

_CALENDAR_EPILOG = """\
examples:
  shenpi calendar 2025
  shenpi calendar 2026 --lang zh
  shenpi calendar 2027 --provisional                 a projection, marked as one
  shenpi calendar 2027 --notice notices/2027.json    once the notice is out

In the grids, * marks a rest day of a holiday period or a weekday made a rest
day by 调休; + marks a Saturday or Sunday made a working day (调休上班).
"""

_RULES_EPILOG = """\
examples:
  shenpi rules
  shenpi rules --select TIME --ignore TIME000
  shenpi rules --format json
"""

_RULE_EPILOG = """\
examples:
  shenpi rule HALL001
  shenpi rule time004
"""

_DEMO_EPILOG = """\
The example city, 青岚市, is fictional: 47 departments and 3,000 cases from
2024 to 2026, some of which break the rules on purpose. The demo checks it as of
2026-12-31 with every rule and prints a summary; it exits 0 whenever it ran,
although the city's findings include errors.

examples:
  shenpi demo
  shenpi demo --lang zh
"""


def _parser() -> _Parser:
    parser = _Parser(
        prog="shenpi",
        description=_wrap(
            "The rules of China's one-stop administrative approval halls "
            "(行政审批), executable: audit an export, explain a legal deadline, print a "
            "year's working days, read the rules."
        ),
        epilog=_MAIN_EPILOG,
        formatter_class=_FORMATTER,
    )
    parser.add_argument("--version", action="version", version=f"shenpi {_version()}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, title="commands"
    )

    check = commands.add_parser(
        "check",
        help="audit reference data and cases, like a linter",
        description=_wrap(
            "Run the rules over a jurisdiction's reference data (JSON) and its "
            "cases (JSON Lines, .gz allowed) and print the findings, grouped by department "
            "and severity."
        ),
        epilog=_CHECK_EPILOG,
        formatter_class=_FORMATTER,
    )
    check.add_argument("reference", metavar="REFERENCE", help="the reference data (JSON)")
    check.add_argument(
        "-a",
        "--applications",
        metavar="CASES",
        action="append",
        help="a file of cases (JSON Lines, .jsonl or .jsonl.gz; - reads stdin); repeatable",
    )
    check.add_argument(
        "--as-of",
        metavar="DATE",
        type=_date_arg,
        help="the day of the audit, YYYY-MM-DD: open cases are judged as of it "
        "(default: today in China Standard Time)",
    )
    _add_selection(check)
    check.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text (default): grouped by department; json: one document with a "
        "summary; jsonl: one finding per line",
    )
    _add_lang(check)
    check.add_argument(
        "--policy",
        metavar="FILE",
        help="a TOML or JSON file that changes the rules' periods (see docs/cli.md)",
    )
    _add_calendar_options(check)
    check.set_defaults(run=_cmd_check)

    deadline = commands.add_parser(
        "deadline",
        help="a legal deadline, with the holidays and make-up days it crossed",
        description=_wrap(
            "Print the due day of a period started on START (the last day on "
            "which completion is on time) and how it was counted."
        ),
        epilog=_DEADLINE_EPILOG,
        formatter_class=_FORMATTER,
    )
    deadline.add_argument(
        "start",
        metavar="START",
        help="the start day, YYYY-MM-DD (hours: YYYY-MM-DDTHH:MM, China Standard Time); "
        "it never counts",
    )
    deadline.add_argument(
        "limit", metavar="LIMIT", help="the period in --unit: a whole number (hours: also 1.5)"
    )
    deadline.add_argument(
        "--unit",
        choices=("workdays", "days", "hours"),
        default="workdays",
        help="workdays (default; 行政许可法 art. 82), days (natural days; a last day that "
        "is a rest day moves to the next working day) or hours (office hours)",
    )
    deadline.add_argument(
        "--suspend",
        metavar="S:R[:REASON]",
        action="append",
        help="the clock stops on S and runs again on R (行政许可法 art. 45); repeatable",
    )
    deadline.add_argument(
        "--extend",
        metavar="N",
        help="extend the period once by N more units (行政许可法 art. 42)",
    )
    deadline.add_argument(
        "--extend-on",
        metavar="DATE",
        help="the day the extension is approved (default: the due day it extends, the last "
        "day it may be approved)",
    )
    _add_lang(deadline)
    _add_calendar_options(deadline)
    deadline.set_defaults(run=_cmd_deadline)

    calendar = commands.add_parser(
        "calendar",
        help="a year's working-day calendar and where its data comes from",
        description=_wrap(
            "Print a year's months with the rest days and make-up working days "
            "of its holiday arrangement marked, the list of its holidays, and the source of "
            "the data."
        ),
        epilog=_CALENDAR_EPILOG,
        formatter_class=_FORMATTER,
    )
    calendar.add_argument("year", metavar="YEAR", type=_year_arg, help="the year, e.g. 2025")
    _add_lang(calendar)
    _add_calendar_options(calendar)
    calendar.set_defaults(run=_cmd_calendar)

    rules = commands.add_parser(
        "rules",
        help="list the rules: code, family, severity, basis",
        description=_wrap(
            "List the rules with their code, family, severity, scope, name and "
            "the seed's sentence or the law's article they enforce."
        ),
        epilog=_RULES_EPILOG,
        formatter_class=_FORMATTER,
    )
    _add_selection(rules)
    rules.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    _add_lang(rules)
    rules.set_defaults(run=_cmd_rules)

    rule = commands.add_parser(
        "rule",
        help="print one rule's page",
        description=_wrap(
            "Print a rule's page (Markdown): what it checks, why, a failing and a "
            "passing example, how to fix what it finds."
        ),
        epilog=_RULE_EPILOG,
        formatter_class=_FORMATTER,
    )
    rule.add_argument("code", metavar="CODE", help="the rule's code, e.g. HALL001")
    rule.set_defaults(run=_cmd_rule)

    demo = commands.add_parser(
        "demo",
        help="check the bundled example city and summarise the findings",
        description=_wrap("Run `shenpi check` on the bundled example city and print a summary."),
        epilog=_DEMO_EPILOG,
        formatter_class=_FORMATTER,
    )
    _add_lang(demo)
    demo.set_defaults(run=_cmd_demo)
    return parser


# ============================================================================ main
def main(argv: list[str] | None = None) -> int:
    """Run the ``shenpi`` command line (also ``python -m shenpi``).

    Bad input of any kind (a missing or empty file, invalid JSON, a wrong date, an
    unknown rule code) is reported as one line, ``shenpi: error: <what>``, on stderr.

    Args:
        argv: the arguments after the program name; ``None`` reads ``sys.argv[1:]``.

    Returns:
        The exit code: 0 when the command ran and ``check`` found no error, 1 when
        ``check`` found findings at error severity, 2 for bad input or usage, 130 when
        interrupted, 141 when the output pipe closed early.
    """
    out, err = sys.stdout, sys.stderr
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as done:  # --help and --version
            return done.code if isinstance(done.code, int) else EXIT_OK
        run: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.run
        code = run(args, out, err)
        out.flush()  # a closed pipe shows here, not at exit
        return code
    except BadInput as exc:
        return _fail(err, str(exc))
    except ShenpiError as exc:
        return _fail(err, _describe(exc))
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(err, f"{where}{exc.strerror or exc}")
    except UnicodeEncodeError as exc:
        return _fail(
            err,
            f"cannot write the output in the terminal's encoding ({exc.encoding}); "
            "set PYTHONIOENCODING=utf-8",
        )
    except UnicodeDecodeError as exc:
        return _fail(err, f"the input is not UTF-8 text ({exc.reason} at byte {exc.start})")
    except KeyboardInterrupt:
        err.write("shenpi: interrupted\n")
        return EXIT_INTERRUPTED


def _fail(err: TextIO, message: str) -> int:
    err.write(f"shenpi: error: {_one_line(message)}\n")
    err.flush()
    return EXIT_BAD_INPUT


# ============================================================================ the calendar used
def _calendar(args: argparse.Namespace) -> WorkCalendar:
    """The official calendar, projected if ``--provisional``, with each ``--notice``."""
    from shenpi.calendar import WorkCalendar

    calendar = WorkCalendar.official(unannounced="statutory" if args.provisional else None)
    for path in args.notice or ():
        _check_readable(path)
        try:
            calendar = calendar.with_notice(path)
        except ShenpiError as exc:
            if exc.field == "path":  # the file itself: its name is said already
                raise BadInput(f"{path}: {exc.message_en} ({exc.message_zh})") from None
            raise BadInput(f"{path}: {_describe(exc)}") from None
        except UnicodeDecodeError as exc:
            raise BadInput(
                f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from None
    return calendar


def _calendar_note(calendar: WorkCalendar, lang: str) -> str | None:
    """A line saying the calendar holds projected days or added notices, if it does."""
    parts = []
    if calendar.notices:
        years = ", ".join(str(n.year) for n in calendar.notices)
        parts.append(_t(lang, f"with the notices for {years}", f"含 {years} 年通知"))
    start = calendar.provisional_from
    if start is not None:
        parts.append(
            _t(
                lang,
                f"days from {start} projected from the statutory holidays (provisional)",
                f"{start} 起按法定节假日推算（暂定）",
            )
        )
    if not parts:
        return None
    return _t(lang, "calendar: official data", "日历：官方数据") + "".join(
        _t(lang, f", {part}", f"，{part}") for part in parts
    )


# ============================================================================ check
def _selectors(values: Sequence[str] | None, option: str, rules: RuleSet) -> list[str]:
    """The codes and prefixes of ``--select`` / ``--ignore``, each checked against the rules."""
    codes = sorted(r.code for r in rules)
    chosen: list[str] = []
    for value in values or ():
        for part in value.split(","):
            selector = part.strip()
            if not selector:
                raise BadInput(f"{option}: empty rule code in {value!r}")
            if not any(code.startswith(selector) for code in codes):
                families = sorted({r.family for r in rules})
                if any(code.startswith(selector.upper()) for code in codes):
                    hint = f"codes are upper case: {selector.upper()}"
                else:
                    near = difflib.get_close_matches(selector, codes + families, n=1)
                    hint = f"did you mean {near[0]}? " if near else ""
                    hint += f"families: {', '.join(families)}"
                raise BadInput(f"{option} {selector!r}: matches no rule code or family ({hint})")
            chosen.append(selector)
    return chosen


def _refused_kind(path: str, error: ShenpiError, expected: str) -> str | None:
    """A clearer message when a file of the other kind was passed."""
    from shenpi.io import APPLICATIONS_KIND, REFERENCE_KIND

    if not error.field.endswith("kind"):
        return None
    if expected == REFERENCE_KIND and error.value == APPLICATIONS_KIND:
        return f"{path}: this is a file of cases ({APPLICATIONS_KIND}): pass it with --applications"
    if expected == APPLICATIONS_KIND and error.value == REFERENCE_KIND:
        return f"{path}: this is reference data ({REFERENCE_KIND}): pass it as REFERENCE"
    return None


def _load_reference(path: str) -> Jurisdiction:
    from shenpi import io

    data = _read_bytes(path)
    if not data.strip():
        raise BadInput(
            f"{path}: the file is empty; reference data is one JSON document "
            f'{{"schema_version": {io.SCHEMA_VERSION}, "kind": "{io.REFERENCE_KIND}", '
            '"jurisdiction": ...}'
        )
    if data[:2] == b"\x1f\x8b":
        raise BadInput(
            f"{path}: is gzip-compressed; reference data is plain JSON (a file of cases "
            "goes with --applications)"
        )
    try:
        return io.loads_reference(data)
    except ShenpiError as exc:
        refused = _refused_kind(path, exc, io.REFERENCE_KIND)
        if refused is None and _looks_like_cases(data):
            refused = f"{path}: this is a file of cases ({io.APPLICATIONS_KIND}): pass it with -a"
        raise BadInput(refused or f"{path}: {_describe(exc)}") from None


def _looks_like_cases(data: bytes) -> bool:
    """Whether ``data`` begins with the header line of a JSON Lines file of cases."""
    from shenpi.io import APPLICATIONS_KIND

    first = data.lstrip().split(b"\n", 1)[0]
    try:
        header = json.loads(first)
    except ValueError:
        return False
    return isinstance(header, dict) and header.get("kind") == APPLICATIONS_KIND


class _Lines:
    """Lines of a file, counting them (the number of the line last read)."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self._lines = iter(lines)
        self.number = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> bytes:
        line = next(self._lines)
        self.number += 1
        return line


@contextlib.contextmanager
def _open_cases(path: str) -> Iterator[tuple[IO[bytes] | None, Iterable[bytes], int]]:
    """``(raw file, lines, size)`` of a case file; ``-`` is stdin, ``.gz`` is gunzipped."""
    if path == "-":
        yield None, sys.stdin.buffer, 0
        return
    import gzip

    with open(path, "rb") as raw:
        size = os.fstat(raw.fileno()).st_size
        if path.endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield raw, unzipped, size
        else:
            yield raw, raw, size


class _Cases:
    """The cases of JSON Lines files, one at a time: counted, their ids checked unique
    across the files, the progress shown on a terminal."""

    def __init__(self, paths: Sequence[str], progress: TextIO | None) -> None:
        self.paths = list(paths)
        self.count = 0
        self._ids: set[str] = set()
        self._progress = progress
        self._started = time.monotonic()
        self._last = 0.0
        self._shown = False
        self._iterator = self._read()

    def __iter__(self) -> Iterator[Application]:
        return self._iterator

    def drain(self) -> None:
        """Read what the rules did not: every case file is validated whole."""
        for _ in self._iterator:
            pass

    def close(self) -> None:
        """Stop reading and clear the progress line."""
        self._iterator.close()
        if self._shown and self._progress is not None:
            self._progress.write("\r\x1b[K")
            self._progress.flush()
            self._shown = False

    def _read(self) -> Generator[Application, None, None]:
        from shenpi import io

        for path in self.paths:
            name = "<stdin>" if path == "-" else path
            try:
                with _open_cases(path) as (raw, lines, size):
                    counted = _Lines(lines)
                    for case in io.iter_applications(counted):
                        if case.id in self._ids:
                            raise BadInput(
                                f"{name}: line {counted.number}: id={case.id!r}: another case "
                                "has this id (each case is checked once)"
                            )
                        self._ids.add(case.id)
                        self.count += 1
                        if self._progress is not None and not self.count & 255:
                            self._tick(name, raw, size)
                        yield case
            except ShenpiError as exc:
                refused = _refused_kind(name, exc, io.APPLICATIONS_KIND)
                raise BadInput(refused or f"{name}: {_describe(exc)}") from None
            except OSError as exc:
                raise BadInput(f"{name}: {exc.strerror or exc}") from None

    def _tick(self, name: str, raw: IO[bytes] | None, size: int) -> None:
        assert self._progress is not None
        now = time.monotonic()
        if now - self._started < PROGRESS_DELAY or now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        share = ""
        if raw is not None and size:
            share = f" {min(raw.tell() * 100 // size, 100)}%"
        rate = self.count / max(now - self._started, 1e-9)
        self._progress.write(
            f"\r\x1b[Kshenpi: reading {os.path.basename(name)}{share}, "
            f"{self.count:,} cases ({rate:,.0f}/s)"
        )
        self._progress.flush()
        self._shown = True


# ---------------------------------------------------------------------- the policy file
_LIMIT_TEXT = re.compile(r"\s*(\d+)\s*(\S.*?)\s*")
_POLICY_UNITS = {
    "workdays": "workdays",
    "workday": "workdays",
    "working days": "workdays",
    "working day": "workdays",
    "工作日": "workdays",
    "个工作日": "workdays",
    "days": "natural_days",
    "day": "natural_days",
    "natural days": "natural_days",
    "natural_days": "natural_days",
    "日": "natural_days",
    "天": "natural_days",
    "自然日": "natural_days",
}


def _is_limit(data: Any) -> bool:
    return isinstance(data, dict) and set(data) == {"unit", "amount"}


def _policy_limit(value: Any, path: str, where: str) -> Any:
    """A period of the policy file as the model's ``{"unit": ..., "amount": ...}``."""
    example = '"5 workdays" or "90 days"'
    if isinstance(value, str):
        match = _LIMIT_TEXT.fullmatch(value)
        unit = _POLICY_UNITS.get(match.group(2).lower()) if match else None
        if match is None or unit is None:
            raise BadInput(
                f"{path}: {where}={value!r}: expected a period such as {example} "
                "(workdays: working days; days: natural days)"
            )
        value = {"unit": unit, "amount": int(match.group(1))}
    elif isinstance(value, int) and not isinstance(value, bool):
        raise BadInput(f'{path}: {where}={value!r}: give the unit, e.g. "{value} workdays"')
    if isinstance(value, dict):
        if value.get("unit") == "hours":
            raise BadInput(
                f"{path}: {where}.unit='hours': the policy's periods are counted in days; "
                "use workdays or natural_days"
            )
        amount = value.get("amount")
        if isinstance(amount, int) and not isinstance(amount, bool) and amount <= 0:
            raise BadInput(f"{path}: {where}={amount}: a period must be at least one day")
    return value


def _merge_policy(defaults: dict[str, Any], data: dict[str, Any], path: str, prefix: str) -> Any:
    merged = dict(defaults)
    for key, value in data.items():
        where = f"{prefix}{key}"
        default = defaults.get(key)
        if _is_limit(default):
            merged[key] = _policy_limit(value, path, where)
        elif isinstance(default, dict) and isinstance(value, dict):
            merged[key] = _merge_policy(default, value, path, f"{where}.")
        else:
            merged[key] = value  # unknown keys and wrong types: the converter names them
    return merged


def _load_policy(path: str) -> RulePolicy:
    """A ``RulePolicy`` from a TOML or JSON file of the values to change."""
    from shenpi import io
    from shenpi.rules import RulePolicy

    raw = _read_bytes(path)
    if not raw.strip():
        raise BadInput(
            f'{path}: the file is empty; write the values to change, e.g. complaint_limit = "10 '
            'workdays"'
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    suffix = os.path.splitext(path)[1].lower()
    data: Any
    if suffix == ".toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except ValueError as exc:
            raise BadInput(f"{path}: is not valid TOML: {exc}") from None
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise BadInput(f"{path}: is not valid JSON: {exc}") from None
    else:
        raise BadInput(f"{path}: a policy file is .toml or .json")
    if not isinstance(data, dict):
        raise BadInput(f"{path}: expected a table (JSON object) of policy values")
    defaults: dict[str, Any] = io.to_data(RulePolicy())
    merged = _merge_policy(defaults, data, path, "")
    try:
        policy: RulePolicy = io.from_data(merged, RulePolicy)
    except ShenpiError as exc:
        raise BadInput(f"{path}: {_describe(exc)}") from None
    return policy


# ---------------------------------------------------------------------- the audit
@dataclasses.dataclass(frozen=True)
class _Audit:
    """A check's report with what the output says about it."""

    jurisdiction: Jurisdiction
    report: Report
    rules: RuleSet
    cases: int | None  # None: no case file was given
    calendar: WorkCalendar
    policy: RulePolicy
    select: list[str]
    ignore: list[str]

    @property
    def codes(self) -> dict[str, Rule]:
        return {r.code: r for r in self.rules}

    def rules_run(self) -> int:
        return len(self.rules.select(self.select, self.ignore))


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``shenpi check``: the rules over reference data and streamed cases."""
    from shenpi.rules import RulePolicy, RuleSet, check

    rules = RuleSet.default()
    select = _selectors(args.select, "--select", rules)
    ignore = _selectors(args.ignore, "--ignore", rules)
    paths = args.applications or []
    if paths.count("-") > 1:
        raise BadInput("--applications: stdin (-) can be read once")
    for path in (args.reference, *paths, *(args.notice or ()), args.policy):
        if path is not None:
            _check_readable(path)
    calendar = _calendar(args)
    policy = _load_policy(args.policy) if args.policy else None
    reference = _load_reference(args.reference)
    as_of = args.as_of if args.as_of is not None else _today()
    cases = _Cases(paths, err if _isatty(err) else None)
    try:
        report = check(
            reference,
            as_of=as_of,
            select=select,
            ignore=ignore,
            policy=policy,
            calendar=calendar,
            applications=cases,
        )
        cases.drain()
    finally:
        cases.close()
    audit = _Audit(
        reference,
        report,
        rules,
        cases.count if paths else None,
        calendar,
        policy if policy is not None else RulePolicy(),
        select,
        ignore,
    )
    if args.format == "json":
        out.write(_json_report(audit) + "\n")
    elif args.format == "jsonl":
        for record in report.to_records():
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    else:
        out.write(_text_report(audit, args.lang))
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _severity_label(level: int, lang: str) -> str:
    from shenpi.rules import Severity

    return Severity(level).label("zh" if lang == "zh" else "en")


def _severity_counts(findings: Sequence[Finding], lang: str) -> str:
    from shenpi.rules import Severity

    counts = [0, 0, 0]
    for f in findings:
        counts[int(f.severity)] += 1
    parts = []
    for level in (2, 1, 0):
        n = counts[level]
        if n:
            if lang == "zh":
                parts.append(f"{Severity(level).label_zh} {n:,}")
            else:
                name = Severity(level).label()
                parts.append(f"{n:,} info" if level == 0 else _plural(n, name))
    return _t(lang, ", ", "，").join(parts)


def _subject(finding: Finding, lang: str) -> str:
    return finding.subject.label("zh" if lang == "zh" else "en")


def _message(finding: Finding, lang: str) -> str:
    return finding.message_zh if lang == "zh" else finding.message_en


def _department(jurisdiction: Jurisdiction, department_id: str | None, lang: str) -> str:
    if department_id is None:
        return _t(lang, "(no department)", "（未归属部门）")
    department = jurisdiction.department(department_id)
    return department_id if department is None else f"{department_id} {department.name}"


def _by_department(report: Report) -> list[tuple[str | None, list[Finding]]]:
    groups: dict[str | None, list[Finding]] = {}
    for f in report:
        groups.setdefault(f.department_id, []).append(f)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))


def _rule_table(audit: _Audit, lang: str) -> list[str]:
    """``code  severity  count  name`` for every rule that found something."""
    counts = audit.report.counts()
    if not counts:
        return []
    worst: dict[str, int] = {}
    for f in audit.report:
        worst[f.code] = max(worst.get(f.code, 0), int(f.severity))
    codes = audit.codes
    width = max(len(code) for code in counts) + 2
    lines = [
        _t(lang, "Findings by rule:", "按规则统计："),
        "  "
        + _pad(_t(lang, "code", "编码"), width)
        + _pad(_t(lang, "severity", "级别"), 9)
        + _rjust(_t(lang, "count", "数量"), 6)
        + _t(lang, "  name", "  名称"),
    ]
    for code, n in counts.items():
        rule = codes.get(code)
        lines.append(
            "  "
            + _pad(code, width)
            + _pad(_severity_label(worst[code], lang), 9)
            + f"{n:>6,}  {rule.name if rule is not None else ''}".rstrip()
        )
    return lines


def _summary(audit: _Audit, lang: str) -> str:
    findings = audit.report.findings
    n, k = len(findings), len(audit.report.counts())
    if audit.cases is None:
        where = _t(lang, "in the reference data (no cases given)", "审查参考数据（未提供办件）")
    else:
        where = _t(lang, f"in {_plural(audit.cases, 'case')}", f"审查办件 {audit.cases:,} 件")
    if n == 0:
        rules = audit.rules_run()
        return _t(
            lang,
            f"no findings {where} ({_plural(rules, 'rule')})",
            f"未发现问题：{where}，规则 {rules} 条",
        )
    return _t(
        lang,
        f"{_plural(n, 'finding')} ({_severity_counts(findings, lang)}) {where}; "
        f"{_plural(k, 'rule')} found something",
        f"共 {n:,} 项发现（{_severity_counts(findings, lang)}），{where}；{k} 条规则有发现",
    )


def _notes(audit: _Audit, lang: str) -> list[str]:
    notes = []
    missing = audit.report.counts().get("TIME000", 0)
    if missing:
        notes.append(
            _t(
                lang,
                f"note: {_plural(missing, 'TIME000 finding')}: rules could not judge days "
                "without working-day data; add the year's notice with --notice FILE, or use "
                "--provisional.",
                f"注意：TIME000 共 {missing:,} 项，即规则因缺少工作日数据而无法判断；"
                "请用 --notice FILE 加载当年通知，或使用 --provisional。",
            )
        )
    start = audit.calendar.provisional_from
    if start is not None:
        notes.append(
            _t(
                lang,
                f"note: days from {start} are projected from the statutory holidays "
                "(--provisional); findings that depend on them may change when the State "
                "Council publishes the year's notice.",
                f"注意：{start} 起的日期按法定节假日推算（--provisional），相关发现可能在"
                "国务院发布当年通知后改变。",
            )
        )
    return notes


def _text_report(audit: _Audit, lang: str) -> str:
    report = audit.report
    colon = _t(lang, ": ", "：")
    rules = audit.rules_run()
    header = _t(
        lang,
        f"{audit.jurisdiction.name}: checked as of {report.as_of} with {_plural(rules, 'rule')}",
        f"{audit.jurisdiction.name}：审查日 {report.as_of}，规则 {rules} 条",
    )
    lines = [header]
    note = _calendar_note(audit.calendar, lang)
    if note:
        lines.append(note)
    lines.append("")
    for department_id, findings in _by_department(report):
        label = _department(audit.jurisdiction, department_id, lang)
        counts = _severity_counts(findings, lang)
        lines.append(
            _t(
                lang,
                f"{label}: {_plural(len(findings), 'finding')} ({counts})",
                f"{label}：{len(findings):,} 项（{counts}）",
            )
        )
        for level in (2, 1, 0):
            chosen = [f for f in findings if int(f.severity) == level]
            if chosen:
                lines.append(f"  {_severity_label(level, lang)}")
                lines.extend(
                    f"    {f.code} {_subject(f, lang)}{colon}{_message(f, lang)}" for f in chosen
                )
        lines.append("")
    table = _rule_table(audit, lang)
    if table:
        lines += [*table, ""]
    notes = _notes(audit, lang)
    if notes:
        lines += [*notes, ""]
    lines.append(_summary(audit, lang))
    return "\n".join(lines) + "\n"


def _json_report(audit: _Audit) -> str:
    """The documented JSON document of ``shenpi check --format json`` (docs/cli.md)."""
    from shenpi import io

    report = audit.report
    findings = report.findings
    counts = [0, 0, 0]
    for f in findings:
        counts[int(f.severity)] += 1
    start = audit.calendar.provisional_from
    document = {
        "kind": "shenpi.check",
        "schema_version": 1,
        "jurisdiction": audit.jurisdiction.name,
        "as_of": None if report.as_of is None else report.as_of.isoformat(),
        "summary": {
            "ok": report.ok,
            "cases": audit.cases,
            "rules": audit.rules_run(),
            "findings": len(findings),
            "errors": counts[2],
            "warnings": counts[1],
            "info": counts[0],
            "by_code": report.counts(),
        },
        "select": audit.select,
        "ignore": audit.ignore,
        "calendar": {
            "provisional_from": None if start is None else start.isoformat(),
            "notices": [
                {"year": n.year, "source": n.source, "amends": n.amends}
                for n in audit.calendar.notices
            ],
        },
        "policy": io.to_data(audit.policy),
        "findings": report.to_records(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


# ============================================================================ demo
def _cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``shenpi demo``: ``check`` on the bundled city as of :data:`DEMO_AS_OF`, summarised."""
    from shenpi.calendar import WorkCalendar
    from shenpi.examples import example_city_paths, load_example_city
    from shenpi.rules import RulePolicy, RuleSet, check
    from shenpi.rules.builtin import FAMILIES

    lang = args.lang
    city = load_example_city()
    rules = RuleSet.default()
    calendar = WorkCalendar.official()
    report = check(city, as_of=DEMO_AS_OF, calendar=calendar)
    audit = _Audit(city, report, rules, len(city.applications), calendar, RulePolicy(), [], [])
    first = min(a.submitted_on for a in city.applications)
    last = max(a.submitted_on for a in city.applications)
    items = len(city.catalogue.items) if city.catalogue is not None else 0
    cases = len(city.applications)
    lines = [
        _t(
            lang,
            f"shenpi demo: {city.name}, the example city that ships with shenpi (fictional)",
            f"shenpi 演示：{city.name}，shenpi 附带的示例城市（虚构）",
        ),
        _t(
            lang,
            f"  {len(city.departments)} departments, {items} items in the catalogue, "
            f"{cases:,} cases submitted from {first} to {last}",
            f"  部门 {len(city.departments)} 个，目录事项 {items} 项，办件 {cases:,} 件"
            f"（{first} 至 {last} 提交）",
        ),
        _t(
            lang,
            f"  checked as of {DEMO_AS_OF} with all {len(rules)} rules and the official "
            "working-day calendar",
            f"  审查日 {DEMO_AS_OF}，全部 {len(rules)} 条规则，官方工作日日历",
        ),
        _t(
            lang,
            "  some cases break the rules on purpose: violations.json beside the data lists them",
            "  部分办件故意违反规则，数据旁的 violations.json 列出了它们",
        ),
        "",
        *_rule_table(audit, lang),
        "",
        _t(lang, "Departments with the most findings:", "发现最多的部门："),
    ]
    groups = [(d, fs) for d, fs in _by_department(report) if d is not None]
    groups.sort(key=lambda item: (-len(item[1]), item[0] or ""))
    top = groups[:5]
    width = max((_width(_department(city, d, lang)) for d, _ in top), default=0) + 2
    for department_id, findings in top:
        lines.append(
            f"  {_pad(_department(city, department_id, lang), width)}"
            f"{len(findings):>5,}  ({_severity_counts(findings, lang)})"
        )
    lines += ["", _t(lang, "One finding of each family:", "每类规则一例：")]
    for family in FAMILIES:
        found = next((f for f in report if f.code.rstrip("0123456789") == family), None)
        if found is not None:
            where = f" [{found.department_id}]" if found.department_id else ""
            lines.append(
                f"  {found.code}{where} {_subject(found, lang)}{_t(lang, ': ', '：')}"
                f"{_message(found, lang)}"
            )
    lines += ["", _summary(audit, lang), "", _t(lang, "Next:", "接下来：")]
    try:
        paths = example_city_paths()
    except ShenpiError:
        full = "shenpi check REFERENCE.json --applications CASES.jsonl.gz"
    else:
        full = (
            f"shenpi check {shlex.quote(str(paths.reference))} "
            f"--applications {shlex.quote(str(paths.applications))} --as-of {DEMO_AS_OF}"
        )
    steps = [
        (_t(lang, "the full report, grouped by department:", "完整报告（按部门分组）："), full),
        (
            _t(lang, "what a rule checks, why, how to fix:", "规则的内容、依据与整改："),
            "shenpi rule HALL001",
        ),
        (
            _t(lang, "a deadline across National Day:", "跨国庆假期的期限："),
            "shenpi deadline 2025-09-26 20",
        ),
        (_t(lang, "a year's working days:", "一年的工作日："), "shenpi calendar 2026"),
    ]
    for text, command in steps:
        lines += [f"  {text}", f"    {command}"]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


# ============================================================================ rules
def _ordered(rules: Iterable[Rule]) -> list[Rule]:
    from shenpi.rules.builtin import FAMILIES

    order = {family: i for i, family in enumerate(FAMILIES)}
    return sorted(rules, key=lambda r: (order.get(r.family, len(order)), r.family, r.code))


def _cmd_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``shenpi rules``: the rules as a table or JSON records."""
    from shenpi.rules import RuleSet

    rules = RuleSet.default()
    select = _selectors(args.select, "--select", rules)
    ignore = _selectors(args.ignore, "--ignore", rules)
    chosen = _ordered(rules.select(select, ignore))
    if args.format == "json":
        records = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family,
                "severity": r.severity.name.lower(),
                "scope": r.scope,
                "basis": r.basis,
                "message_en": r.message_en,
                "message_zh": r.message_zh,
            }
            for r in chosen
        ]
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lang = args.lang
    columns: list[tuple[str, list[str]]] = [
        (_t(lang, "code", "编码"), [r.code for r in chosen]),
        (_t(lang, "family", "类别"), [r.family for r in chosen]),
        (_t(lang, "severity", "级别"), [_severity_label(int(r.severity), lang) for r in chosen]),
        (_t(lang, "scope", "范围"), [r.scope for r in chosen]),
        (_t(lang, "name", "名称"), [r.name for r in chosen]),
    ]
    widths = [max(_width(title), *(_width(v) for v in values)) + 2 for title, values in columns]
    basis = _t(lang, "basis", "依据")
    lines = ["".join(_pad(title, w) for (title, _), w in zip(columns, widths, strict=True)) + basis]
    for i, r in enumerate(chosen):
        cells = "".join(_pad(values[i], w) for (_, values), w in zip(columns, widths, strict=True))
        lines.append(cells + r.basis)
    families = len({r.family for r in chosen})
    lines += [
        "",
        _t(
            lang,
            f"{_plural(len(chosen), 'rule')} in {families} "
            f"{'family' if families == 1 else 'families'}; `shenpi rule CODE` prints a rule's "
            "page.",
            f"共 {len(chosen)} 条规则，{families} 个类别；`shenpi rule CODE` 显示规则说明。",
        ),
    ]
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _cmd_rule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``shenpi rule CODE``: one rule's page, rendered by ``shenpi.rules.docs``."""
    from shenpi.rules import RuleSet
    from shenpi.rules.docs import rule_page

    rules = RuleSet.default()
    wanted = args.code.strip()
    by_code = {r.code.upper(): r for r in rules}
    rule = by_code.get(wanted.upper())
    if rule is None:
        families = sorted({r.family for r in rules})
        if wanted.upper() in families:
            n = sum(r.family == wanted.upper() for r in rules)
            raise BadInput(
                f"{wanted!r} is a family of {n} rules, not a rule; "
                f"'shenpi rules --select {wanted.upper()}' lists them"
            )
        near = difflib.get_close_matches(wanted.upper(), sorted(by_code), n=3)
        hint = f"did you mean {' or '.join(near)}? " if near else ""
        raise BadInput(f"no rule has the code {wanted!r} ({hint}'shenpi rules' lists them)")
    out.write(rule_page(rule).rstrip("\n") + "\n")
    return EXIT_OK


# ============================================================================ deadline
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_ZH = ("一", "二", "三", "四", "五", "六", "日")
_SUSPENSION = re.compile(
    r"(?P<start>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?)"
    r"(?:(?::|/|\.\.)(?P<end>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?)?)?"
    r"(?::(?P<reason>[A-Za-z_]+))?"
)


def _weekday(day: _dt.date, lang: str, short: bool = False) -> str:
    if lang == "zh":
        return ("周" if short else "星期") + _WEEKDAYS_ZH[day.weekday()]
    name = _WEEKDAYS_EN[day.weekday()]
    return name[:3] if short else name


def _limit(text: str, unit: str, option: str) -> TimeLimit:
    from shenpi.timing import TimeLimit

    if unit == "hours":
        if not re.fullmatch(r"\d+(\.\d+)?", text):
            raise BadInput(f"{option} {text!r}: expected a number of hours, such as 2 or 1.5")
        if float(text) * 60 < 1:
            raise BadInput(f"{option} {text!r}: a period is at least one minute")
        return TimeLimit.hours(float(text) if "." in text else int(text))
    if not re.fullmatch(r"\d+", text):
        raise BadInput(f"{option} {text!r}: expected a whole number of {unit}")
    if int(text) == 0:
        raise BadInput(f"{option} {text!r}: a period is at least 1 {unit.rstrip('s')}")
    return (
        TimeLimit.workdays(int(text)) if unit == "workdays" else TimeLimit.natural_days(int(text))
    )


@dataclasses.dataclass(frozen=True)
class _Stop:
    start: _dt.date | _dt.datetime
    end: _dt.date | _dt.datetime | None
    reason: Suspension | None


def _stop(text: str, hours: bool) -> _Stop:
    from shenpi.timing import Suspension

    match = _SUSPENSION.fullmatch(text.strip())
    if match is None:
        raise BadInput(
            f"--suspend {text!r}: expected S:R[:REASON], e.g. 2025-10-13:2025-10-20:testing"
        )
    try:
        start = _parse_moment(match.group("start"), hours)
        end = _parse_moment(match.group("end"), hours) if match.group("end") else None
    except ValueError as exc:
        raise BadInput(f"--suspend: {exc}") from None
    reason = None
    if match.group("reason"):
        try:
            reason = Suspension(match.group("reason").lower())
        except ValueError:
            names = ", ".join(s.value for s in Suspension)
            raise BadInput(
                f"--suspend {text!r}: {match.group('reason')!r} is not a procedure of "
                f"行政许可法 art. 45 ({names})"
            ) from None
    if end is not None and end < start:
        raise BadInput(f"--suspend {text!r}: the clock resumes before it stops")
    return _Stop(start, end, reason)


def _moment_text(moment: _dt.date | _dt.datetime) -> str:
    if isinstance(moment, _dt.datetime):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()


def _runs(days: Sequence[DayInfo]) -> list[list[DayInfo]]:
    """Consecutive days that are all rest days or all working days."""
    runs: list[list[DayInfo]] = []
    for info in days:
        if (
            runs
            and (info.date - runs[-1][-1].date).days == 1
            and info.is_workday == runs[-1][-1].is_workday
        ):
            runs[-1].append(info)
        else:
            runs.append([info])
    return runs


def _holiday_names(days: Iterable[DayInfo], lang: str) -> str:
    names: dict[str, str] = {}
    for info in days:
        if info.holiday is not None:
            names[info.holiday.zh] = info.holiday.en
    if lang == "zh":
        return "、".join(names)
    return ", ".join(f"{zh} {en}" for zh, en in names.items())


def _crossed(special: Sequence[DayInfo], lang: str) -> list[str]:
    lines = []
    for run in _runs(special):
        first, last = run[0].date, run[-1].date
        if first == last:
            when = f"{first} {_weekday(first, lang, short=True)}"
        else:
            when = f"{first} … {last}"
        if run[0].is_workday:
            what = _t(
                lang,
                "make-up working day" + ("s" if len(run) > 1 else ""),
                "调休上班",
            )
        else:
            what = _t(lang, f"rest, {_plural(len(run), 'day')}", f"休息 {len(run)} 天")
        lines.append(f"    {_pad(when, 26)}{_pad(what, 22)}{_holiday_names(run, lang)}".rstrip())
    return lines


def _sources(days: Iterable[DayInfo]) -> list[str]:
    return list(dict.fromkeys(info.source for info in days))


def _explain_deadline(
    clock: Clock,
    steps: Sequence[Step],
    start: _dt.date | _dt.datetime,
    stops: Sequence[_Stop],
    extension: TimeLimit | None,
    calendar: WorkCalendar,
    unit: str,
    lang: str,
) -> list[str]:
    """The due day of ``clock`` and how it was counted: the limit, the suspensions and the
    extension, the violations, the holidays and 调休 days crossed, the data's source."""
    from shenpi.calendar import DayKind
    from shenpi.timing import EventKind

    limit = clock.limit
    due = clock.due
    lines: list[str] = []
    if due is None:
        since = stops[-1].start
        lines.append(
            _t(
                lang,
                f"Due: not known while the clock is suspended (since {_moment_text(since)}).",
                f"截止日：计时自 {_moment_text(since)} 中止，恢复前无法确定。",
            )
        )
    else:
        day = due.date() if isinstance(due, _dt.datetime) else due
        lines.append(
            _t(
                lang,
                f"Due: {_moment_text(due)} ({_weekday(day, lang)}), the last day on which "
                "completion is on time.",
                f"截止日：{_moment_text(due)}（{_weekday(day, lang)}），即按时办结的最后一天。",
            )
        )
    begun, n = _moment_text(start), limit.amount
    how = {
        "workdays": _t(
            lang,
            f"  {_plural(n, 'working day')} after {begun}: the start day does not count "
            "(民法典 art. 201), and only working days do (行政许可法 art. 82).",
            f"  自 {begun} 起 {n} 个工作日：起算日不计入（民法典第二百零一条），"
            "只计工作日（行政许可法第八十二条）。",
        ),
        "days": _t(
            lang,
            f"  {_plural(n, 'day')} after {begun}: the start day does not count (民法典 art. "
            "201); a last day that is a rest day moves to the next working day (民法典 art. 203).",
            f"  自 {begun} 起 {n} 日：起算日不计入（民法典第二百零一条）；最后一日是法定休假日"
            "的，以其结束的次日为最后一日（民法典第二百零三条）。",
        ),
        "hours": _t(
            lang,
            f"  {limit} of office hours from {begun} (民法典 art. 201 ¶2), counted on working "
            "days, 09:00-12:00 and 13:30-17:30 China Standard Time.",
            f"  自 {begun} 起办公时间 {limit}（民法典第二百零一条第二款），"
            "按工作日 09:00-12:00、13:30-17:30（北京时间）计算。",
        ),
    }
    lines.append(how[unit])
    for stop in stops:
        reason = (
            ""
            if stop.reason is None
            else _t(
                lang,
                f" ({stop.reason.label_zh} {stop.reason.value.replace('_', ' ')})",
                f"（{stop.reason.label_zh}）",
            )
        )
        if stop.end is None:
            lines.append(
                _t(
                    lang,
                    f"  suspended from {_moment_text(stop.start)}{reason}, not resumed "
                    "(行政许可法 art. 45).",
                    f"  {_moment_text(stop.start)} 起中止计时{reason}，"
                    "尚未恢复（行政许可法第四十五条）。",
                )
            )
            continue
        if isinstance(stop.start, _dt.datetime):
            lost = ""
        else:
            assert not isinstance(stop.end, _dt.datetime)
            n = calendar.workdays_between(
                stop.start - _dt.timedelta(days=1), stop.end - _dt.timedelta(days=1)
            )
            lost = _t(
                lang,
                f": {_plural(n, 'working day')} not counted",
                f"：不计 {n} 个工作日",
            )
            if unit == "days":
                n = (stop.end - stop.start).days
                lost = _t(lang, f": {_plural(n, 'day')} not counted", f"：不计 {n} 日")
        lines.append(
            _t(
                lang,
                f"  suspended {_moment_text(stop.start)}, resumed {_moment_text(stop.end)}"
                f"{reason}{lost} (行政许可法 art. 45).",
                f"  {_moment_text(stop.start)} 中止、{_moment_text(stop.end)} 恢复{reason}{lost}"
                "（行政许可法第四十五条）。",
            )
        )
    for step in steps:
        if step.kind is EventKind.EXTEND and extension is not None:
            lines.append(
                _t(
                    lang,
                    f"  extended by {extension} on {_moment_text(step.on)} (行政许可法 art. 42).",
                    f"  {_moment_text(step.on)} 延长 {extension}（行政许可法第四十二条）。",
                )
            )
    for step in steps:
        for fault in step.faults:
            message = fault.message_zh if lang == "zh" else fault.message_en
            lines.append(_t(lang, "  warning: ", "  警告：") + f"{message} ({fault.basis})")
    if due is not None:
        start_day = start.date() if isinstance(start, _dt.datetime) else start
        due_day = due.date() if isinstance(due, _dt.datetime) else due
        if unit == "days" and not stops and extension is None:
            end = start_day + _dt.timedelta(days=limit.amount)
            if end != due_day:
                lines.append(
                    _t(
                        lang,
                        f"  {end} ({_weekday(end, lang)}) is a rest day: the period ends on the "
                        "next working day.",
                        f"  {end}（{_weekday(end, lang)}）是休息日，期间顺延至下一个工作日。",
                    )
                )
        trace = calendar.trace(start_day, calendar.workdays_between(start_day, due_day))
        special: Sequence[DayInfo] = trace.special_days
        if trace.result != due_day:  # pragma: no cover - a due day is always a working day
            special = [
                d
                for d in calendar.days(start_day + _dt.timedelta(days=1), due_day)
                if d.kind not in (DayKind.WORKDAY, DayKind.WEEKEND)
            ]
        if special:
            lines.append(_t(lang, "  holidays and 调休 days crossed:", "  跨越的节假日和调休："))
            lines += _crossed(special, lang)
            sources = _t(lang, "; ", "；").join(_sources(special))
            lines.append(_t(lang, f"  data: {sources}.", f"  数据来源：{sources}。"))
        else:
            lines.append(
                _t(lang, "  no holiday or 调休 day in between.", "  期间没有节假日或调休。")
            )
        if clock.provisional:
            first = calendar.provisional_from
            lines.append(
                _t(
                    lang,
                    f"  provisional: counts days from {first} projected from the statutory "
                    "holidays (no 调休 known); check again when the State Council publishes "
                    "the year's notice.",
                    f"  暂定：{first} 起的日期按法定节假日推算（未知调休），"
                    "国务院发布当年通知后请重新计算。",
                )
            )
    return lines


def _cmd_deadline(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``shenpi deadline``: a clock from the arguments, its due day, explained."""
    from shenpi.errors import TimelineError
    from shenpi.timeline import ClockStep, lawful_clock
    from shenpi.timing import Clock, EventKind, Suspension, TimeLimit

    lang = args.lang
    unit: str = args.unit
    hours = unit == "hours"
    limit = _limit(args.limit, unit, "LIMIT")
    try:
        start = _parse_moment(args.start, hours)
        extend_on = _parse_moment(args.extend_on, hours) if args.extend_on else None
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    if args.extend_on and not args.extend:
        raise BadInput("--extend-on needs --extend N")
    stops = sorted((_stop(text, hours) for text in args.suspend or ()), key=lambda s: s.start)
    for before, after in itertools.pairwise(stops):
        if before.end is None or after.start < before.end:
            raise BadInput(
                f"--suspend: the suspensions from {_moment_text(before.start)} and from "
                f"{_moment_text(after.start)} overlap; the clock is stopped once at a time"
            )
    calendar = _calendar(args)
    # The steps are judged as the law judges a case's (shenpi.timeline.lawful_clock): a
    # suspension given here is taken as founded (its procedure is the user's to state),
    # an extension as approved by the head, with no cap (joint handling allows 15
    # working days, others 10: `shenpi check` judges the cap); what is late does not count.
    no_cap = TimeLimit(limit.unit, 10**9)
    raw: list[ClockStep] = []
    for stop in stops:
        if stop.start < start:
            raise TimelineError(
                "suspend",
                stop.start,
                f"is before the clock's start ({_moment_text(start)}).",
                f"早于计时起点（{_moment_text(start)}）。",
            )
        reason = stop.reason if stop.reason is not None else Suspension.OTHER
        basis = "" if stop.reason is not None else "(given on the command line)"
        raw.append(ClockStep(len(raw), EventKind.SUSPEND, stop.start, reason, basis))
        if stop.end is not None:
            raw.append(ClockStep(len(raw), EventKind.RESUME, stop.end))
    clock, steps = lawful_clock(Clock.start(limit, on=start, calendar=calendar), raw, cap=no_cap)
    extension = _limit(args.extend, unit, "--extend") if args.extend else None
    if extension is not None:
        on = extend_on if extend_on is not None else clock.due
        if on is None:
            raise BadInput("--extend: the clock is still suspended; give the day with --extend-on")
        if raw and on < raw[-1].on:
            on = raw[-1].on
        raw.append(ClockStep(len(raw), EventKind.EXTEND, on, by=extension, approved=True))
        clock, steps = lawful_clock(
            Clock.start(limit, on=start, calendar=calendar), raw, cap=no_cap
        )
    lines = _explain_deadline(clock, steps, start, stops, extension, calendar, unit, lang)
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


# ============================================================================ calendar command
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_GRID = 21  # seven columns of three


def _mark(info: DayInfo) -> str:
    from shenpi.calendar import DayKind

    if info.kind in (DayKind.WORKDAY, DayKind.WEEKEND):
        return " "
    return "+" if info.is_workday else "*"


def _month(year: int, month: int, infos: dict[_dt.date, DayInfo], lang: str) -> list[str]:
    title = _t(lang, f"{_MONTHS_EN[month - 1]} {year}", f"{year}年{month}月")
    names = _WEEKDAYS_ZH if lang == "zh" else ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
    lines = [_center(title, _GRID), "".join(_pad(name, 3) for name in names)]
    day = _dt.date(year, month, 1)
    cells = ["   "] * day.weekday()
    while day.month == month:
        cells.append(f"{day.day:>2}{_mark(infos[day])}")
        day += _dt.timedelta(days=1)
    lines += ["".join(cells[i : i + 7]) for i in range(0, len(cells), 7)]
    lines += [""] * (8 - len(lines))
    return [_pad(line, _GRID) for line in lines]


def _day_text(day: _dt.date, lang: str) -> str:
    return f"{day:%m-%d}" if lang != "zh" else f"{day.month}月{day.day}日"


def _holiday_lines(special: Sequence[DayInfo], lang: str) -> list[str]:
    groups: dict[str, list[DayInfo]] = {}
    labels: dict[str, str] = {}
    for info in special:
        key = info.holiday.zh if info.holiday is not None else info.source
        groups.setdefault(key, []).append(info)
        if info.holiday is not None:
            labels[key] = _t(lang, f"{info.holiday.zh} {info.holiday.en}", info.holiday.zh)
        else:
            labels[key] = info.kind.label_zh if lang == "zh" else info.kind.value.replace("_", " ")
    width = max((_width(label) for label in labels.values()), default=0) + 2
    lines = []
    for key, days in groups.items():
        parts = []
        rest = [d for d in days if not d.is_workday]
        work = [d for d in days if d.is_workday]
        if rest:
            spans = []
            for run in _runs(rest):
                first, last = run[0].date, run[-1].date
                if first == last:
                    spans.append(f"{_day_text(first, lang)} ({_weekday(first, lang, True)})")
                else:
                    spans.append(
                        _t(
                            lang,
                            f"{_day_text(first, lang)} … {_day_text(last, lang)} "
                            f"({_plural(len(run), 'day')})",
                            f"{_day_text(first, lang)}—{_day_text(last, lang)}（{len(run)} 天）",
                        )
                    )
            parts.append(_t(lang, "rest ", "休 ") + _t(lang, ", ", "、").join(spans))
        if work:
            made = [f"{_day_text(d.date, lang)} ({_weekday(d.date, lang, True)})" for d in work]
            parts.append(_t(lang, "working ", "上班 ") + _t(lang, ", ", "、").join(made))
        text = _t(lang, "; ", "；").join(parts)
        if lang == "zh":
            text = text.replace(" (", "（").replace(")", "）")
        lines.append(f"  {_pad(labels[key], width)}{text}")
    return lines


def _cmd_calendar(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``shenpi calendar YEAR``: month grids, the holidays, the source of the data."""
    lang = args.lang
    year: int = args.year
    calendar = _calendar(args)
    first, last = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    covered_from, covered_to = calendar.coverage
    if last > covered_to:
        hint = (
            "use --provisional for a projection from the statutory holidays, or --notice FILE "
            "with the State Council's notice for the year"
            if not args.provisional
            else "the projection stops there"
        )
        raise BadInput(
            f"no working-day data for {year}: the calendar's data ends on {covered_to}; {hint}"
        )
    if first < covered_from:
        raise BadInput(
            f"no working-day data for {year}: the calendar's data starts on {covered_from}"
        )
    infos = {info.date: info for info in calendar.days(first, last)}
    special = [info for info in infos.values() if _mark(info) != " "]
    provisional = any(info.provisional for info in infos.values())
    title = _t(lang, f"Working days in {year} (工作日)", f"{year} 年工作日")
    if provisional:
        title += _t(lang, ", provisional", "（暂定）")
    lines = [title, ""]
    gutter = "  "
    for quarter in range(4):
        months = [_month(year, quarter * 3 + m, infos, lang) for m in (1, 2, 3)]
        for row in zip(*months, strict=True):
            line = gutter.join(row).rstrip()
            if line or row[0].strip():
                lines.append(line)
        lines.append("")
    while lines[-1] == "" and lines[-2] == "":
        lines.pop()
    lines += [
        _t(
            lang,
            "  * rest day of a holiday period, or a weekday made a rest day by 调休",
            "  * 节假日或调休休息日",
        ),
        _t(
            lang,
            "  + Saturday or Sunday made a working day by 调休 (调休上班)",
            "  + 调休上班的周六或周日",
        ),
        "",
        _t(lang, f"Holidays in {year}:", f"{year} 年节假日安排："),
        *_holiday_lines(special, lang),
        "",
    ]
    working = sum(info.is_workday for info in infos.values())
    rest = len(infos) - working
    lines.append(
        _t(
            lang,
            f"{working} working days, {rest} rest days.",
            f"工作日 {working} 天，休息日 {rest} 天。",
        )
    )
    sources = _t(lang, "; ", "；").join(_sources(special))
    if provisional:
        lines.append(
            _t(
                lang,
                f"Provisional: {sources}. The State Council's notice for {year} is not in the "
                "data: it will add 调休 and may arrange the days otherwise. Add it with "
                "--notice FILE once published.",
                f"暂定：{sources}。数据中没有国务院 {year} 年通知，通知将安排调休，放假日期也可能"
                "不同；通知发布后请用 --notice FILE 加载。",
            )
        )
    else:
        lines.append(_t(lang, f"Data: {sources}.", f"数据来源：{sources}。"))
    out.write("\n".join(lines) + "\n")
    return EXIT_OK
