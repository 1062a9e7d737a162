"""A year's notice as data: format, validation, amendments, conflicts, local acts."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from shenpi.calendar import (
    CalendarConflict,
    CalendarDataMissing,
    DayKind,
    NoticeFormatError,
    WorkCalendar,
    load_notice,
    parse_notice,
)

D = dt.date
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "notices"

# A made-up notice for 2027, shaped like the real ones (NOT the State Council's text).
HYPOTHETICAL_2027: dict[str, Any] = {
    "year": 2027,
    "title": "Hypothetical 2027 arrangement used in tests",
    "published": "2026-11-20",
    "source": "tests/test_calendar_notice.py (hypothetical)",
    "holidays": [
        {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
        {
            "name": "春节",
            "from": "2027-02-05",
            "to": "2027-02-12",
            "workdays": ["2027-02-13", "2027-02-14"],
        },
        {"name": "国庆节", "from": "2027-10-01", "to": "2027-10-07", "workdays": ["2027-10-09"]},
    ],
}


def notice(**changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(HYPOTHETICAL_2027))
    data.update(changes)
    return data


def test_a_new_years_notice_extends_the_coverage(official: WorkCalendar) -> None:
    cal = official.with_notice(HYPOTHETICAL_2027)
    assert cal.coverage == (official.coverage[0], D(2027, 12, 31))
    assert official.coverage[1] == D(2026, 12, 31)  # the original is unchanged
    assert cal.is_workday(D(2027, 2, 13))  # make-up Saturday
    assert cal.describe(D(2027, 2, 13)).kind is DayKind.SHIFTED_WORKDAY
    assert not cal.is_workday(D(2027, 2, 12))
    assert cal.describe(D(2027, 1, 4)).kind is DayKind.WORKDAY
    assert not cal.is_provisional(D(2027, 6, 1))
    assert "Hypothetical" in cal.describe(D(2027, 2, 10)).source


def test_kinds_inside_a_noticed_period(official: WorkCalendar) -> None:
    cal = official.with_notice(HYPOTHETICAL_2027)
    # 春节 2027: 除夕 2/5 (Fri) and 初一-初三 2/6-2/8 are statutory (2025 text); 2/6-2/7
    # fall on the weekend, so art. 6 gives 2/9 and 2/10; 2/11-2/12 are moved rest days.
    kinds = {d: cal.describe(D(2027, 2, d)) for d in range(5, 13)}
    assert kinds[5].kind is DayKind.HOLIDAY
    assert kinds[8].kind is DayKind.HOLIDAY
    assert kinds[9].kind is DayKind.HOLIDAY
    assert kinds[9].note == "补假 (art. 6)"
    assert kinds[11].kind is DayKind.SHIFTED_REST
    assert kinds[12].kind is DayKind.SHIFTED_REST
    assert kinds[6].holiday is not None
    assert kinds[6].holiday.en == "Spring Festival"


def test_a_notice_replaces_the_projection_of_its_year(provisional: WorkCalendar) -> None:
    assert provisional.is_provisional(D(2027, 3, 1))
    cal = provisional.with_notice(HYPOTHETICAL_2027)
    assert not cal.is_provisional(D(2027, 3, 1))
    assert cal.is_workday(D(2027, 2, 13))  # projected as a weekend, noticed as worked
    assert cal.provisional_from == D(2028, 1, 1)
    assert cal.is_provisional(D(2028, 1, 3))


def test_notices_load_from_json_and_toml_files(tmp_path: Path, official: WorkCalendar) -> None:
    json_file = tmp_path / "2027.json"
    json_file.write_text(json.dumps(HYPOTHETICAL_2027), encoding="utf-8")
    toml_file = tmp_path / "2027.toml"
    toml_file.write_text(
        "\n".join(
            [
                "year = 2027",
                "published = 2026-11-20",
                'source = "hypothetical"',
                "[[holidays]]",
                'name = "元旦"',
                "from = 2027-01-01",
                "to = 2027-01-03",
                "[[holidays]]",
                'name = "春节"',
                "from = 2027-02-05",
                "to = 2027-02-12",
                "workdays = [2027-02-13, 2027-02-14]",
                "[[holidays]]",
                'name = "国庆节"',
                "from = 2027-10-01",
                "to = 2027-10-07",
                "workdays = [2027-10-09]",
            ]
        ),
        encoding="utf-8",
    )
    from_json = official.with_notice(json_file)
    from_toml = official.with_notice(str(toml_file))
    for day in from_json.days(D(2027, 1, 1), D(2027, 12, 31)):
        assert from_toml.is_workday(day.date) == day.is_workday
    assert load_notice(json_file).holidays == load_notice(toml_file).holidays


def test_the_bundled_2026_notice_amends_to_the_same_days(official: WorkCalendar) -> None:
    data = json.loads((EXAMPLES / "2026.json").read_text(encoding="utf-8"))
    data["amends"] = True
    cal = official.with_notice(data)
    for info in official.days(D(2025, 12, 1), D(2026, 12, 31)):
        assert cal.is_workday(info.date) == info.is_workday, info


def test_the_2020_amendment_as_data(official: WorkCalendar) -> None:
    # Undo the extension to recreate the original 2020 arrangement, then amend it again.
    original = {
        "year": 2020,
        "published": "2019-11-21",
        "source": "2020 notice (original 春节 arrangement)",
        "amends": True,
        "holidays": [
            {
                "name": "春节",
                "from": "2020-01-24",
                "to": "2020-01-30",
                "workdays": ["2020-01-19", "2020-02-01"],
            }
        ],
    }
    before = official.with_notice(original)
    assert before.is_workday(D(2020, 1, 31))
    assert before.is_workday(D(2020, 2, 1))
    extension = {
        "year": 2020,
        "published": "2020-01-27",
        "source": "国务院办公厅关于延长2020年春节假期的通知",
        "amends": True,
        "holidays": [
            {"name": "春节", "from": "2020-01-24", "to": "2020-02-02", "workdays": ["2020-01-19"]}
        ],
    }
    after = before.with_notice(extension)
    assert not after.is_workday(D(2020, 1, 31))
    assert not after.is_workday(D(2020, 2, 1))
    assert after.add_workdays(D(2020, 1, 23), 1) == D(2020, 2, 3)
    assert before.add_workdays(D(2020, 1, 23), 1) == D(2020, 1, 31)


def test_a_second_notice_for_a_covered_year_is_refused(official: WorkCalendar) -> None:
    with pytest.raises(CalendarConflict) as caught:
        official.with_notice(
            notice(year=2026, holidays=[{"name": "元旦", "from": "2026-01-01", "to": "2026-01-01"}])
        )
    assert "amends" in str(caught.value)


def test_a_notice_that_leaves_a_gap_is_refused(official: WorkCalendar) -> None:
    data = notice(year=2028, holidays=[{"name": "元旦", "from": "2028-01-01", "to": "2028-01-03"}])
    with pytest.raises(CalendarConflict) as caught:
        official.with_notice(data)
    assert "2027" in str(caught.value)


def test_an_amendment_must_not_collide_with_another_holiday(official: WorkCalendar) -> None:
    data = {
        "year": 2025,
        "published": "2025-01-01",
        "source": "hypothetical",
        "amends": True,
        "holidays": [{"name": "元旦", "from": "2025-01-01", "to": "2025-01-29"}],
    }
    with pytest.raises(CalendarConflict) as caught:
        official.with_notice(data)
    assert "春节" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"year": "2027"}, "year"),
        ({"published": "20 Nov 2026"}, "published"),
        ({"source": ""}, "source"),
        ({"holidays": []}, "holidays"),
        ({"extra": 1}, "extra"),
        (
            {"holidays": [{"name": "元旦", "from": "2027-01-03", "to": "2027-01-01"}]},
            "holidays[0].to",
        ),
        (
            {
                "holidays": [
                    {
                        "name": "元旦",
                        "from": "2027-01-01",
                        "to": "2027-01-01",
                        "workdays": ["2027-01-04"],
                    }
                ]
            },
            "holidays[0].workdays[0]",
        ),
        (
            {"holidays": [{"name": "圣诞", "from": "2027-12-25", "to": "2027-12-25"}]},
            "holidays[0].name",
        ),
        (
            {"holidays": [{"name": "元旦", "from": "2028-01-01", "to": "2028-01-01"}]},
            "holidays[0].from",
        ),
        (
            {
                "holidays": [
                    {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
                    {"name": "春节", "from": "2027-01-03", "to": "2027-01-05"},
                ]
            },
            "holidays[1]",
        ),
    ],
)
def test_bad_notices_name_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(NoticeFormatError) as caught:
        parse_notice(notice(**change))
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)


def test_an_unknown_holiday_needs_its_english_name() -> None:
    data = notice(
        holidays=[
            {
                "name": "特别纪念日",
                "name_en": "Special Day",
                "from": "2027-09-03",
                "to": "2027-09-03",
            }
        ]
    )
    parsed = parse_notice(data)
    assert parsed.holidays[0].holiday.en == "Special Day"


def test_unreadable_and_invalid_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NoticeFormatError):
        load_notice(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(NoticeFormatError) as caught:
        load_notice(broken)
    assert caught.value.field == "path"


def test_local_rest_and_work_days(official: WorkCalendar) -> None:
    cal = official.with_rest_days([D(2026, 3, 2)], reason="县政府令 (hypothetical): hall closed")
    assert not cal.is_workday(D(2026, 3, 2))
    assert cal.describe(D(2026, 3, 2)).kind is DayKind.LOCAL_REST
    assert cal.add_workdays(D(2026, 2, 28), 1) == D(2026, 3, 3)  # 2/28 is a make-up Saturday
    reopened = cal.with_workdays([D(2026, 3, 7)], reason="weekend opening (hypothetical)")
    assert reopened.describe(D(2026, 3, 7)).kind is DayKind.LOCAL_WORKDAY
    assert reopened.is_workday(D(2026, 3, 7))
    assert official.is_workday(D(2026, 3, 2))  # unchanged


def test_local_acts_refuse_contradictions(official: WorkCalendar) -> None:
    with pytest.raises(CalendarConflict):
        official.with_rest_days([D(2026, 10, 1)], reason="already a holiday")
    with pytest.raises(CalendarConflict):
        official.with_workdays([D(2026, 3, 2)], reason="already a working day")
    with pytest.raises(CalendarDataMissing):
        official.with_rest_days([D(2030, 3, 1)], reason="beyond coverage")
    with pytest.raises(ValueError, match="reason"):
        official.with_rest_days([D(2026, 3, 2)], reason=" ")


def test_calendars_compare_by_what_they_are_built_from(official: WorkCalendar) -> None:
    a = official.with_notice(HYPOTHETICAL_2027)
    b = official.with_notice(HYPOTHETICAL_2027)
    assert a == b
    assert hash(a) == hash(b)
    assert a != official
    clone = pickle.loads(pickle.dumps(a))
    assert clone == a
    assert clone.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 13)
