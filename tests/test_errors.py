"""The error hierarchy: one root, the matching builtin, field, value, bilingual message."""

from __future__ import annotations

import pickle

import pytest

from shenpi.errors import (
    CalendarConflict,
    CalendarDataMissing,
    InvalidType,
    InvalidValue,
    NoticeFormatError,
    ShenpiError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (InvalidValue, ValueError),
        (InvalidType, TypeError),
        (CalendarDataMissing, LookupError),
        (CalendarConflict, ValueError),
        (NoticeFormatError, ValueError),
    ],
)
def test_every_error_is_a_shenpi_error_and_its_builtin(
    error: type[ShenpiError], builtin: type[Exception]
) -> None:
    instance = error("limit", -3, "must be positive.", "必须为正数。", "pass a positive number.")
    assert isinstance(instance, ShenpiError)
    assert isinstance(instance, builtin)


def test_the_message_names_field_value_fix_and_speaks_chinese() -> None:
    error = InvalidValue("limit", -3, "must be positive.", "必须为正数。", "pass 20.")
    text = str(error)
    assert text.startswith("limit=-3: must be positive.")
    assert "Fix: pass 20." in text
    assert "必须为正数。" in text
    assert (error.field, error.value, error.hint) == ("limit", -3, "pass 20.")


def test_errors_survive_pickling() -> None:
    error = CalendarDataMissing("d", "2027-01-04", "no data.", "无数据。", "load the notice.")
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is CalendarDataMissing
    assert (clone.field, clone.value, clone.hint, str(clone)) == (
        error.field,
        error.value,
        error.hint,
        str(error),
    )
