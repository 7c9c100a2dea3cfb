"""Fire times across daylight-saving changes: one run per wall time, never stuck."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.content.cron import cron_kwargs, cron_problem
from bot.content.model import Limits, MentionSettings, Schedule, Slot
from bot.policy.timing import _OncePerWallTime, next_times, resume_after


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
        # Spring: 01:00-02:00 does not happen; the day still gets its one run, shown as the
        # 02:30 (BST) it really is.
        ("30 1 * * *", dt.datetime(2027, 3, 27, 23), ["28 02:30", "29 01:30", "30 01:30"]),
        ("0 * * * *", dt.datetime(2027, 3, 28, 0), ["28 02:00", "28 03:00", "28 04:00"]),
    ],
)
def test_one_run_per_wall_time_across_dst(cron: str, start: dt.datetime, want: list[str]) -> None:
    slot, sched = schedule(cron)
    got = next_times(slot, sched, start.replace(tzinfo=sched.tz), 3)
    assert [t.strftime("%d %H:%M") for t in got] == want
    assert len({t.timestamp() for t in got}) == 3


@pytest.mark.parametrize(
    ("zone", "cron", "start"),
    [
        ("Europe/Berlin", "30 2 * * *", dt.datetime(2026, 10, 24, 12)),
        ("America/New_York", "30 1 * * *", dt.datetime(2026, 10, 31, 12)),
        ("Europe/Berlin", "30 2 * * *", dt.datetime(2026, 3, 28, 12)),
        ("America/New_York", "30 2 * * *", dt.datetime(2026, 3, 7, 12)),
        ("Europe/Berlin", "*/20 * * * *", dt.datetime(2026, 10, 25, 1, 30)),
        ("Australia/Lord_Howe", "15 1 * * *", dt.datetime(2026, 4, 4, 12)),  # a 30-min fold
    ],
)
@pytest.mark.parametrize("jitter", [0, 30, 600, 1199])
def test_a_jittered_cron_slot_fires_once_per_wall_time_across_dst(
    zone: str, cron: str, start: dt.datetime, jitter: int
) -> None:
    """Driven as APScheduler drives it (each next time asked after the jittered one
    before). Before: a 10-minute jitter fired a daily slot five times in Berlin's repeated
    hour, then the search for the next time overflowed and the scheduler thread died."""
    tz = ZoneInfo(zone)
    random.seed(f"{zone}{cron}{jitter}")
    trig = _OncePerWallTime(cron_kwargs(cron), tz, jitter or None)
    walls: list[str] = []
    for t in _fires(trig, start.replace(tzinfo=tz), 12):
        # The one nominal run this fire belongs to: within `jitter` before it (in UTC:
        # wall-clock arithmetic loses the fold).
        earliest = (t.astimezone(dt.UTC) - dt.timedelta(seconds=jitter)).astimezone(tz)
        walls += _nominal_walls(cron, tz, earliest, t)
    assert len(walls) == len(set(walls)), walls


def _fires(trig: Any, now: dt.datetime, n: int) -> list[dt.datetime]:
    """The runs APScheduler 3.11 makes of a job with this trigger (add_job, then at each
    wake 50 ms after a run time: Job._get_run_times, coalesced, and the next time)."""
    fires: list[dt.datetime] = []
    nxt = trig.get_next_fire_time(None, now)
    while nxt is not None and len(fires) < n:
        now = nxt + dt.timedelta(milliseconds=50)
        run_times, t = [], nxt
        while t is not None and t <= now:
            run_times.append(t)
            t = trig.get_next_fire_time(t, now)
        assert not fires or run_times[-1] > fires[-1]
        fires.append(run_times[-1])
        nxt = trig.get_next_fire_time(run_times[-1], now)
    assert len(fires) == n
    return fires


def _nominal_walls(cron: str, tz: ZoneInfo, lo: dt.datetime, hi: dt.datetime) -> list[str]:
    """Wall times of the nominal runs between lo and hi: exactly one when jitter < gap."""
    trig = _OncePerWallTime(cron_kwargs(cron), tz, None)
    t = trig.get_next_fire_time(None, lo)
    out: list[str] = []
    while t is not None and t <= hi:
        out.append(t.strftime("%m-%d %H:%M"))
        t = trig.get_next_fire_time(t, t)
    assert len(out) == 1, (lo, hi, out)
    return out


def test_a_cron_that_never_fires_is_refused() -> None:
    assert (
        cron_problem("0 0 30 2 *") == "cron '0 0 30 2 *' never fires: none of its months has day 30"
    )
    assert cron_problem("0 0 29 2 *") is None  # leap years
    assert cron_problem("0 0 31 4,6 *") is not None and cron_problem("0 0 31 4,7 *") is None


def test_after_the_clock_went_back_past_a_run_the_next_comes_after_it() -> None:
    daily = Slot("d", "26 19 * * *", None, 600.0, None, None)
    assert resume_after(daily, last_run=1000.0, now=1000.0 - 90) == 1000.0  # back 90 s
    assert resume_after(daily, last_run=1000.0, now=1000.0 - 3600) == 1000.0  # an hour
    assert resume_after(daily, last_run=1000.0, now=1000.0 + 30) is None  # time went on
    # A clock that ran a day ahead once: no reason to wait for that day.
    assert resume_after(daily, last_run=1000.0 + 86400 + 60, now=1000.0) is None
    assert resume_after(daily, last_run=None, now=1000.0) is None
