"""Fire times across daylight-saving changes: one run per wall time, never stuck."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.content.model import Limits, MentionSettings, Schedule, Slot
from bot.policy.timing import next_times


def schedule(cron: str) -> tuple[Slot, Schedule]:
    slot = Slot("s", cron, None, 0.0, None, None)
    sched = Schedule(
        "Europe/London", (slot,), MentionSettings(60, 0, 0, "neutral", 5), Limits(8, None, {}), 0
    )
    return slot, sched


@pytest.mark.parametrize(
    ("cron", "start", "want"),
    [
        # Autumn: 01:00-02:00 happens twice; "30 1 * * *" still runs once that night.
        ("30 1 * * *", dt.datetime(2026, 10, 24, 23), ["25 01:30", "26 01:30", "27 01:30"]),
        ("0 * * * *", dt.datetime(2026, 10, 25, 0), ["25 01:00", "25 02:00", "25 03:00"]),
        # Spring: 01:00-02:00 does not happen; the day still gets its one run.
        ("30 1 * * *", dt.datetime(2027, 3, 27, 23), ["28 01:30", "29 01:30", "30 01:30"]),
        ("0 * * * *", dt.datetime(2027, 3, 28, 0), ["28 02:00", "28 03:00", "28 04:00"]),
    ],
)
def test_one_run_per_wall_time_across_dst(cron: str, start: dt.datetime, want: list[str]) -> None:
    slot, sched = schedule(cron)
    got = next_times(slot, sched, start.replace(tzinfo=sched.tz), 3)
    assert [t.strftime("%d %H:%M") for t in got] == want
    assert len({t.timestamp() for t in got}) == 3
