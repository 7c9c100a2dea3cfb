"""When things happen: slot fire times, missed slots, and the day and month a limit counts.

Pure: APScheduler's triggers are used only as calculators of fire times, so the
daemon, `preview` and `status` agree on every time they show or act on.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.content.cron import cron_kwargs
from bot.content.model import Schedule, Slot


def day_start(ts: float, tz: ZoneInfo) -> float:
    """Local midnight before `ts`: the daily post limit counts from here."""
    now = dt.datetime.fromtimestamp(ts, tz)
    return now.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def month_start(ts: float, tz: ZoneInfo) -> float:
    """The first local midnight of the month of `ts`: the budget counts from here."""
    now = dt.datetime.fromtimestamp(ts, tz)
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0).timestamp()


def month_end(ts: float, tz: ZoneInfo) -> float:
    """The first local midnight of the next month: where this month's budget ends."""
    now = dt.datetime.fromtimestamp(ts, tz)
    year, month = (now.year + 1, 1) if now.month == 12 else (now.year, now.month + 1)
    return dt.datetime(year, month, 1, tzinfo=tz).timestamp()


class _OncePerWallTime(CronTrigger):  # type: ignore[misc]  # APScheduler ships no types
    """A cron trigger that fires once per local wall time: when the clocks go back, "30 1
    * * *" would otherwise fire at 01:30 summer time and again at 01:30 winter time (and
    APScheduler 3, asked for the time after the second, answers the second again)."""

    def get_next_fire_time(
        self, previous_fire_time: dt.datetime | None, now: dt.datetime
    ) -> dt.datetime | None:
        t: dt.datetime | None = super().get_next_fire_time(previous_fire_time, now)
        step = dt.timedelta(minutes=1)
        while (
            t is not None
            and previous_fire_time is not None
            and t.replace(tzinfo=None) <= previous_fire_time.replace(tzinfo=None)
        ):
            t = super().get_next_fire_time(t, t + step)
            step *= 2  # past the repeated hour in a few asks, whatever the zone's fold
        return t


def slot_trigger(
    slot: Slot, sched: Schedule, jitter: bool = True, start: dt.datetime | None = None
) -> BaseTrigger:
    j = int(slot.jitter) if jitter and slot.jitter else None
    if slot.cron:
        return _OncePerWallTime(**cron_kwargs(slot.cron), timezone=sched.tz, jitter=j)
    assert slot.every is not None
    return IntervalTrigger(seconds=slot.every, timezone=sched.tz, jitter=j, start_date=start)


def next_times(slot: Slot, sched: Schedule, after: dt.datetime, n: int) -> list[dt.datetime]:
    """The slot's next `n` nominal fire times after `after` (no jitter)."""
    trig = slot_trigger(slot, sched, jitter=False, start=after)
    out: list[dt.datetime] = []
    prev: dt.datetime | None = None
    now = after + dt.timedelta(microseconds=1)
    while len(out) < n:
        t = trig.get_next_fire_time(prev, now)
        if t is None:
            break
        if t > after:
            out.append(t)
        prev, now = t, t + dt.timedelta(microseconds=1)
    return out


def missed_since(
    slot: Slot, sched: Schedule, last: float, now: dt.datetime
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(first due time missed since `last`, the latest one inside the grace period).

    After a long outage it is the latest due time that counts: it posts if it is
    recent enough, however long ago the first missed one was.
    """
    tz = sched.tz
    if slot.every:
        n = int((now.timestamp() - last) // slot.every)
        if n < 1:
            return None, None
        first = dt.datetime.fromtimestamp(last + slot.every, tz)
        latest = dt.datetime.fromtimestamp(last + n * slot.every, tz)
        recent = latest if (now - latest).total_seconds() <= sched.missed_grace else None
        return first, recent
    missed = next_times(slot, sched, dt.datetime.fromtimestamp(last, tz), 1)
    if not missed or missed[0] > now:
        return None, None
    window = max(last, now.timestamp() - sched.missed_grace)
    near = next_times(slot, sched, dt.datetime.fromtimestamp(window, tz), 1)
    return missed[0], (near[0] if near and near[0] <= now else None)
