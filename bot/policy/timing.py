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

from bot.content.cron import cron_kwargs, shortest_gap
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


class _OncePerWallTime(BaseTrigger):  # type: ignore[misc]  # APScheduler ships no types
    """A cron slot: once per local wall time, jitter added to the wall time, never looping.

    When the clocks go back, "30 1 * * *" would otherwise fire at 01:30 summer time and
    again at 01:30 winter time; and APScheduler's own jitter, compared against jittered
    times in that repeated hour, fired a slot five times and then overflowed. So the
    nominal times come from a jitter-free CronTrigger and the jitter is added last. The
    nominal time behind a jittered previous fire is the last one at or before it, and no
    earlier than `previous - jitter`: validation keeps a slot's jitter shorter than the
    gap between its times, so there is exactly one.
    """

    def __init__(self, fields: dict[str, str], tz: ZoneInfo, jitter: int | None) -> None:
        self._cron = CronTrigger(**fields, timezone=tz)
        self._tz, self.jitter = tz, jitter

    def get_next_fire_time(
        self, previous_fire_time: dt.datetime | None, now: dt.datetime
    ) -> dt.datetime | None:
        if previous_fire_time is None:
            nominal = self._first_from(now)
        else:
            nominal = self._after(self._nominal_behind(previous_fire_time))
        fire: dt.datetime | None = self._apply_jitter(nominal, self.jitter, now)
        return fire

    def _nominal_behind(self, fired: dt.datetime) -> dt.datetime:
        """The nominal time a (jittered) fire belongs to: the last one at or before it."""
        if not self.jitter:
            return fired
        earliest = fired.astimezone(dt.UTC) - dt.timedelta(seconds=self.jitter)
        last, t = fired, self._first_from(earliest.astimezone(self._tz))
        for _ in range(512):
            if t is None or t > fired:
                break
            last, t = t, self._after(t)
        return last

    def _first_from(self, moment: dt.datetime) -> dt.datetime | None:
        """The first nominal time at or after `moment`. Searched from two hours before:
        APScheduler reads a start inside or after the spring gap by its wall time and so
        passes over a run the gap moved (02:30 that is really 03:30) to the next day's."""
        early = moment.astimezone(dt.UTC) - dt.timedelta(hours=2)
        t = self._wall(self._cron.get_next_fire_time(None, early.astimezone(self._tz)))
        for _ in range(4096):
            if t is None or t >= moment:
                return t
            t = self._after(t)
        return None

    def _after(self, last: dt.datetime) -> dt.datetime | None:
        """The first nominal time after `last` whose wall time is later too."""
        t: dt.datetime | None = last
        # Inside a repeated hour, past each time whose wall time came already: at most
        # one an hour's worth (60 for a slot every minute), once a year.
        for _ in range(4096):
            assert t is not None
            # Stepped in UTC: wall-clock arithmetic drops the fold, and 02:00 of the second
            # pass plus a microsecond would be 02:00 of the first again.
            after = t.astimezone(dt.UTC) + dt.timedelta(microseconds=1)
            t = self._wall(self._cron.get_next_fire_time(None, after.astimezone(self._tz)))
            if t is None or t.replace(tzinfo=None) > last.replace(tzinfo=None):
                return t
        return None

    def _wall(self, t: dt.datetime | None) -> dt.datetime | None:
        # The instant as this zone's clocks show it: a time in the spring gap (02:30 on
        # the day Berlin skips it) is shown as the 03:30 it really is.
        return None if t is None else dt.datetime.fromtimestamp(t.timestamp(), self._tz)

    def __str__(self) -> str:
        return f"cron[{self._cron}]"


def slot_trigger(
    slot: Slot, sched: Schedule, jitter: bool = True, start: dt.datetime | None = None
) -> BaseTrigger:
    j = int(slot.jitter) if jitter and slot.jitter else None
    if slot.cron:
        return _OncePerWallTime(cron_kwargs(slot.cron), sched.tz, j)
    assert slot.every is not None
    return IntervalTrigger(seconds=slot.every, timezone=sched.tz, jitter=j, start_date=start)


def next_times(
    slot: Slot, sched: Schedule, after: dt.datetime, n: int, phase: float | None = None
) -> list[dt.datetime]:
    """The slot's next `n` nominal fire times after `after` (no jitter); an `every` slot
    counted from `phase` (its last run, as the daemon counts it) when given."""
    start = dt.datetime.fromtimestamp(phase, sched.tz) if phase is not None else after
    trig = slot_trigger(slot, sched, jitter=False, start=start)
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


def gap(slot: Slot) -> float:
    """The closest two of the slot's nominal runs can be, in seconds."""
    return slot.every if slot.every is not None else shortest_gap(slot.cron or "* * * * *")


# Seconds between the wall clock and the monotonic one, or ahead of a stored time, that
# are drift rather than a step.
CLOCK_SLACK = 5.0


def ran_far_ahead(slot: Slot, last_run: float, now: float) -> bool:
    """A stored last run more than a run ahead of now: a clock that once ran far ahead,
    whose times are set aside (counting restarts from now). Nearer than that, the clock
    went back past the run (a correction, a VM restored from a snapshot)."""
    return last_run > now + max(CLOCK_SLACK, gap(slot))


def resume_after(slot: Slot, last_run: float | None, now: float) -> float | None:
    """Where the slot's next run must come after, when the wall clock went back past its
    last run: its trigger, rebuilt from now, would fire that run again."""
    if last_run is not None and now < last_run and not ran_far_ahead(slot, last_run, now):
        return last_run
    return None
