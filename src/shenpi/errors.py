"""The one exception hierarchy of shenpi, rooted at :class:`ShenpiError`.

A host catches ``ShenpiError`` at one level. Each error also subclasses the builtin it is
a kind of (``ValueError``, ``TypeError``, ``LookupError``), names the offending field and
value, says how to fix it, and carries its message in English and 简体中文.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CalendarConflict",
    "CalendarDataMissing",
    "FormatError",
    "InvalidType",
    "InvalidValue",
    "MissingDependency",
    "NoticeFormatError",
    "ShenpiError",
    "TimelineError",
]


class ShenpiError(Exception):
    """Root of every error shenpi raises on purpose.

    Attributes:
        field: the argument or data field at fault (``"d"``, ``"holidays[2].to"``).
        value: the offending value, as given.
        message_en: what is wrong, in English.
        message_zh: what is wrong, in 简体中文.
        hint: how to fix it (English), or ``None``.
    """

    def __init__(
        self,
        field: str,
        value: Any,
        message_en: str,
        message_zh: str,
        hint: str | None = None,
    ) -> None:
        self.field = field
        self.value = value
        self.message_en = message_en
        self.message_zh = message_zh
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"{self.field}={self.value!r}: {self.message_en}"
        if self.hint:
            text += f" Fix: {self.hint}"
        return f"{text} ({self.message_zh})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep errors picklable (worker processes re-raise them) despite the custom init.
        return (
            _rebuild,
            (type(self), self.field, self.value, self.message_en, self.message_zh, self.hint),
        )


def _rebuild(
    cls: type[ShenpiError],
    field: str,
    value: Any,
    message_en: str,
    message_zh: str,
    hint: str | None,
) -> ShenpiError:
    return cls(field, value, message_en, message_zh, hint)


class InvalidValue(ShenpiError, ValueError):
    """A value of the right type that the domain refuses (a negative limit, an unknown code)."""


class InvalidType(ShenpiError, TypeError):
    """A value of the wrong type (a string where a date is required)."""


class CalendarDataMissing(ShenpiError, LookupError):
    """The calendar has no data for a day the question needs.

    Raised instead of guessing: outside the published arrangements the answer is unknown
    until the State Council's notice for that year is loaded (``with_notice``) or the
    caller asks for a provisional projection (``unannounced="statutory"``).
    """


class CalendarConflict(ShenpiError, ValueError):
    """Calendar data that overlaps or contradicts what the calendar already holds."""


class NoticeFormatError(InvalidValue):
    """A holiday notice (JSON/TOML/mapping) that does not follow the documented format.

    ``field`` is the path to the bad entry, such as ``holidays[1].workdays[0]``.
    """


class TimelineError(InvalidValue):
    """A step that cannot happen on a clock: resuming a running clock, suspending twice,
    any step before the start or before the step that precedes it.

    ``field`` names the step (``"resume"``, ``"suspend"``, ``"extend"``). Legal
    *violations* (a late or second extension, a suspension without a legal reason) are
    not impossible: the clock records and reports them instead of raising.
    """


class FormatError(InvalidValue):
    """Serialized data (JSON, JSON Lines) that does not match the model.

    ``field`` is the path to the bad value, such as ``applications[3].events[2].on``,
    prefixed with the line number for JSON Lines (``line 12: events[2].on``).
    """


class MissingDependency(ShenpiError, ImportError):
    """An optional dependency is not installed: ``field`` is the module, ``value`` the
    extra that installs it (``pip install 'shenpi[dask]'``).

    ``MissingDependency.of("dask", "dask")`` builds it with the messages and the hint;
    ``MissingDependency.require("dask", "dask")`` imports the module or raises it.
    """

    @classmethod
    def require(cls, module: str, extra: str) -> Any:
        """Import ``module``, an optional dependency installed by shenpi's ``extra``.

        Raises:
            MissingDependency: it is not installed; the error names the extra.
        """
        import importlib

        try:
            return importlib.import_module(module)
        except ImportError as exc:
            raise cls.of(module, extra) from exc

    @classmethod
    def of(cls, module: str, extra: str) -> MissingDependency:
        """The error for ``module``, installed by shenpi's ``extra``."""
        return cls(
            module,
            extra,
            f"this needs the optional package {module!r}, which is not installed.",
            f"需要安装可选依赖 {module!r}。",
            f"pip install 'shenpi[{extra}]'",
        )
