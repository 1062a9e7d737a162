"""Print the legal deadlines of a few cases accepted in the hall (行政许可法 arts. 32, 42, 44).

Runs on the bundled data only: the official working-day calendar (2004-2026) and, for a
case accepted late in 2026, the provisional statutory projection, which says so.

    python examples/deadlines.py
"""

from __future__ import annotations

import datetime as dt

from shenpi.calendar import CalendarDataMissing, WorkCalendar

# (case, accepted on, working days, what the period is for, article)
CASES = [
    ("办件 A 食品经营许可", dt.date(2025, 9, 26), 20, "decision", "行政许可法 art. 42 ¶1"),
    ("办件 B 建设工程规划许可 (并联)", dt.date(2025, 12, 30), 45, "joint decision", "art. 42 ¶2"),
    ("办件 C 补正告知", dt.date(2026, 2, 12), 5, "supplement notice", "art. 32 (4)"),
    ("办件 D 证照送达", dt.date(2026, 4, 30), 10, "licence delivery", "art. 44"),
    ("办件 E 年底受理", dt.date(2026, 12, 10), 20, "decision", "art. 42 ¶1"),
]


def main() -> None:
    official = WorkCalendar.official()
    provisional = WorkCalendar.official(unannounced="statutory")
    print(f"Official data: {official.coverage[0]} to {official.coverage[1]}\n")
    for case, accepted, days, purpose, article in CASES:
        try:
            trace = official.trace(accepted, days)
        except CalendarDataMissing:
            print(f"{case}: beyond the published data; asking for a provisional answer")
            trace = provisional.trace(accepted, days)
        holidays = sorted({info.holiday.zh for info in trace.special_days if info.holiday})
        crossed = "、".join(holidays) if holidays else "no holiday"
        flag = "  [PROVISIONAL: no notice published yet]" if trace.provisional else ""
        print(
            f"{case}: accepted {accepted} -> {purpose} due {trace.result} "
            f"({days} working days, {article}; crosses {crossed}){flag}"
        )


if __name__ == "__main__":
    main()
