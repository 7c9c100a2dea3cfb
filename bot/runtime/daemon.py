"""APScheduler 3.x wiring, signals and reload. No business logic lives here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.content import config as cfg
from bot.content.model import Slot
from bot.platforms.sandbox import SandboxPlatform
from bot.policy import timing
from bot.runtime import logs, posting
from bot.runtime.engine import Engine
from bot.runtime.guard import CLEARED_AT_START
from bot.runtime.jobs import SkippedRuns, guarded, single_instance
from bot.runtime.logs import event, iso
from bot.runtime.settings import Settings, load_settings
from bot.runtime.store import Store
from bot.runtime.wiring import make_platforms

WATCH_EVERY = 2.0
# A reload of the largest library allowed takes well under a second on a small machine.
RELOAD_DEADLINE = 30.0
# How often the main thread looks at the signal flags: the longest a stop waits to begin.
POLL = 0.2


class Daemon:
    def __init__(self, root: Path, settings: Settings, config: cfg.Config) -> None:
        self.root = root
        self.settings = settings
        self.platforms = make_platforms(settings)
        self.platform = self.platforms[0]
        self.store = Store(settings.state_db)
        # Which networks this state belongs to, for `report`.
        self.store.set_meta("platform", ",".join(p.name for p in self.platforms))
        self.engines = [Engine(p, self.store, config) for p in self.platforms]
        self.engine = self.engines[0]  # reads the configuration every engine shares
        self.scheduler = BackgroundScheduler(
            timezone=config.schedule.tz,
            executors={"default": ThreadPoolExecutor(4 + 2 * len(self.platforms))},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        )
        # APScheduler says these in its own words (logs.setup keeps it to errors); an
        # operator reads them as the bot's lines, once a minute at most per job.
        self.scheduler.add_listener(SkippedRuns(), EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
        self.stop = threading.Event()
        self.reload_requested = threading.Event()
        # Set on SIGHUP so the reload thread acts at once, not at its next poll.
        self.reload_wake = threading.Event()
        self._stop_signal = self._hup_signal = False
        self._swap = threading.Lock()
        self._busy_since: float | None = None
        self._overdue_said = False
        self._sig = cfg.signature(root)
        self._specs: dict[str, object] = {}
        self._tick = threading.Event()  # never set: the main loop's pause

    # -- jobs
    def _schedule_jobs(self, first: bool = False, force: bool = False) -> None:
        """Bring the scheduler's jobs in line with the configuration.

        Every trigger is built and asked for its next time before any job is touched, so
        a failure leaves the running jobs as they were. A job whose settings did not
        change keeps its next run (frequent reloads must not starve mention reading);
        `force` (after a wall-clock step) recomputes them all from now.
        """
        sched = self.engine.config.schedule
        now = dt.datetime.now(sched.tz)
        wanted: dict[str, tuple[object, BaseTrigger, Callable[..., None], list[str]]] = {}
        resume: dict[str, dt.datetime] = {}
        for slot in sched.slots:
            last = self._last_fire(slot, now.timestamp())
            # An `every` slot keeps its phase across reloads: next = last fire + k*every.
            start = dt.datetime.fromtimestamp(last, sched.tz) if last and slot.every else None
            trigger = timing.slot_trigger(slot, sched, start=start)
            trigger.get_next_fire_time(None, now)  # fails here, before any job is touched
            after = timing.resume_after(slot, last, now.timestamp())
            if after is not None:
                # The clock went back past the last run: the next run comes after it, not
                # that run again.
                later = dt.datetime.fromtimestamp(after + 0.001, sched.tz)
                resume[f"slot:{slot.name}"] = trigger.get_next_fire_time(None, later)
                event(
                    logging.INFO,
                    "the clock went back past a slot's last run: its next run comes after it",
                    slot=slot.name,
                    last_run=iso(after),
                )
            spec = (dataclasses.replace(slot, line=0), str(sched.tz))
            wanted[f"slot:{slot.name}"] = (spec, trigger, self._slot_job, [slot.name])
        # One mentions job per platform: one that is slow or down delays no other.
        for e in self.engines:
            job_id = "mentions" if e is self.engine else f"mentions:{e.platform.name}"
            wanted[job_id] = (
                (sched.mentions.every, str(sched.tz)),
                IntervalTrigger(seconds=sched.mentions.every, timezone=sched.tz),
                self._mentions_job,
                [e.platform.name],
            )
        for job in self.scheduler.get_jobs():
            if job.id not in wanted and not job.id.startswith(("catch-up:", "first-post")):
                job.remove()
        for job_id, (settings, trigger, fn, args) in wanted.items():
            if not force and self._specs.get(job_id) == settings and self.scheduler.get_job(job_id):
                continue
            extra = {"next_run_time": now} if first and job_id.startswith("mentions") else {}
            if job_id in resume:
                extra = {"next_run_time": resume[job_id]}
            self.scheduler.add_job(
                fn,
                trigger,
                args=args,
                id=job_id,
                name=args[0] if args else job_id,
                replace_existing=True,
                **extra,
            )
            self._specs[job_id] = settings

    def _last_fire(self, slot: Slot, now: float) -> float | None:
        """The slot's last fire, unless the clock once ran far ahead of now
        (timing.ran_far_ahead): that must not silence the slot until the wall clock
        catches up. Nearer than that, the clock went back, and _schedule_jobs puts the
        slot's next run after it (timing.resume_after)."""
        last = self.store.last_fire(slot.name)
        if last is not None and timing.ran_far_ahead(slot, last, now):
            event(
                logging.WARNING,
                "a stored time lies in the future (was the clock ahead?): counting from now",
                slot=slot.name,
                stored=iso(last),
            )
            self.store.set_last_fire(slot.name, now)
            return now
        return last

    def _slot_job(self, name: str) -> None:
        slot = next((s for s in self.engine.config.schedule.slots if s.name == name), None)
        if slot is not None and not self.stop.is_set():
            # One pick for the slot run, sent to every platform the slot names.
            engines = [e for e in self.engines if slot.posts_to(e.platform.name)]
            guarded(f"slot {name}", lambda: posting.run_slot_on(engines, slot))

    def _mentions_job(self, platform: str) -> None:
        engine = next(e for e in self.engines if e.platform.name == platform)
        if not self.stop.is_set():
            guarded(f"mentions {platform}", engine.read_mentions)

    def _catch_up(self) -> None:
        """A slot missed while we were down posts once if within the grace period."""
        sched = self.engine.config.schedule
        now = dt.datetime.now(sched.tz)
        for slot in sched.slots:
            last = self.store.last_fire(slot.name)
            if last is None:
                # The slot exists from now on: a later outage can be measured against it.
                self.store.set_last_fire(slot.name, now.timestamp())
                if isinstance(self.platform, SandboxPlatform) and slot is sched.slots[0]:
                    # A newcomer on the sandbox sees the bot act at once.
                    self.scheduler.add_job(self._slot_job, args=[slot.name], id="first-post")
                continue
            missed, recent = timing.missed_since(slot, sched, last, now)
            if missed is None:
                continue
            if recent is not None:
                event(
                    logging.INFO,
                    "missed slot: posting it now",
                    slot=slot.name,
                    due=recent.isoformat(),
                    late_s=round((now - recent).total_seconds()),
                )
                self.scheduler.add_job(
                    self._slot_job,
                    args=[slot.name],
                    id=f"catch-up:{slot.name}",
                    replace_existing=True,
                )
            else:
                event(
                    logging.INFO,
                    "missed slot skipped: beyond the grace period",
                    slot=slot.name,
                    due=missed.isoformat(),
                    grace_s=round(sched.missed_grace),
                )
                self.store.set_last_fire(slot.name, now.timestamp())

    # -- reload
    # Reloads run on their own thread, so the main thread only waits for signals: whatever
    # a file does to the loader (a hang, a slow parse), SIGTERM still stops the daemon at
    # once and the jobs keep running with the last good configuration.
    def _reload_loop(self) -> None:
        while not self.stop.is_set():
            self.reload_wake.wait(WATCH_EVERY)
            self.reload_wake.clear()
            if self.stop.is_set():
                return
            self._busy_since = time.monotonic()
            try:
                self._maybe_reload()
            except Exception as e:  # a reload must never take the daemon down
                event(logging.ERROR, "reload failed", error=repr(e)[:200])
            finally:
                self._busy_since = None

    def _maybe_reload(self) -> None:
        sig = cfg.signature(self.root)
        if sig == self._sig and not self.reload_requested.is_set():
            return
        self.reload_requested.clear()
        self._sig = sig
        new, problems = cfg.check(self.root, platforms=self.settings.platforms)
        if new is None:
            for p in problems:
                if not p.warning:
                    event(logging.ERROR, "invalid change: " + p.render())
            event(logging.ERROR, "reload refused: keeping the last good configuration")
            return
        with self._swap:
            if self.stop.is_set():
                return
            for e in self.engines:
                e.config = new
            self._schedule_jobs()
        event(
            logging.INFO,
            "reloaded",
            slots=len(new.schedule.slots),
            live_posts=len(new.library.live(dt.date.today())),
        )

    def _watch_reload(self) -> None:
        """Say once when a reload runs past its deadline; the jobs are not waiting on it."""
        since = self._busy_since
        if since is None:
            self._overdue_said = False
        elif not self._overdue_said and time.monotonic() - since > RELOAD_DEADLINE:
            self._overdue_said = True
            event(
                logging.ERROR,
                "reload still running: keeping the last good configuration",
                after_s=round(time.monotonic() - since),
            )

    # -- lifecycle
    def run(self) -> int:
        started = time.monotonic()
        for endpoint in self.store.clear_pauses(CLEARED_AT_START):
            # Keys or credits are fixed outside the bot, then it is restarted: try again.
            event(logging.INFO, "cleared a pause from the last run", endpoint=endpoint)
        for name in ("SIGTERM", "SIGINT"):
            signal.signal(getattr(signal, name), self._on_stop)
        signal.signal(signal.SIGHUP, self._on_hup)
        self._schedule_jobs(first=True)
        self._catch_up()
        self.scheduler.start()
        # A daemon thread: one stuck in a read must not keep the process alive at exit.
        reloader = threading.Thread(target=self._reload_loop, name="reload", daemon=True)
        reloader.start()
        event(
            logging.INFO,
            "ready",
            platform=",".join(p.name for p in self.platforms),
            account=" ".join(self._account(e) for e in self.engines),
            slots=len(self.engine.config.schedule.slots),
            startup_ms=round((time.monotonic() - started) * 1000),
        )
        clock = (time.time(), time.monotonic())
        while not self._stop_signal:
            # An Event's wait, not time.sleep: the same pause, and it also runs under
            # libfaketime, which the clock-step tests use (its nanosleep fails there).
            self._tick.wait(POLL)
            clock = self._watch_clock(clock)
            if self._hup_signal:
                self._hup_signal = False
                self.reload_requested.set()
                self.reload_wake.set()
            self._watch_reload()
        self.stop.set()
        event(logging.INFO, "stopping: finishing the call in flight")
        # A call still running after a short grace is given up and recorded as unknown,
        # to be settled at the next start: a server that never answers cannot hold us.
        for p in self.platforms:
            p.abort()
        self.reload_wake.set()
        # Not while a reload swaps the jobs; a reload still parsing never gets to swap.
        with self._swap:
            for e in self.engines:
                e.stopping.set()
            self.scheduler.shutdown(wait=True)
        reloader.join(timeout=1.0)
        self.store.close()
        event(logging.INFO, "stopped")
        return 0

    def _watch_clock(self, last: tuple[float, float]) -> tuple[float, float]:
        """APScheduler waits on wall-clock times: after the clock steps (back an hour, or
        back from a day ahead) its waits are wrong by the step. The monotonic clock tells
        a step from elapsed time; on one, every job is rescheduled from now."""
        wall, mono = time.time(), time.monotonic()
        step = (wall - last[0]) - (mono - last[1])
        if abs(step) > timing.CLOCK_SLACK:
            event(
                logging.WARNING, "the wall clock stepped: rescheduling from now", by_s=round(step)
            )
            with self._swap:
                if not self.stop.is_set():
                    self._schedule_jobs(force=True)
                    if step > 0:
                        # A slot due in the time the clock jumped over is caught up as at a
                        # restart (within missed_grace), not lost without a word.
                        self._catch_up()
        return wall, mono

    def _account(self, e: Engine) -> str:
        """The account the bot posts as on `e`'s platform, for the ready line; a failure
        here is logged by the guard and the mentions job retries it. On the way, the
        account is labelled a bot where the platform has such a label (said once)."""
        try:
            account = "@" + e.me().username
        except Exception:
            return f"unknown on {e.platform.name} (see the line above)"
        try:
            if e.guard.call("me", e.platform.mark_as_bot):
                event(logging.INFO, "labelled the account as a bot", platform=e.platform.name)
        except Exception:
            event(logging.WARNING, "could not label the account as a bot", platform=e.platform.name)
        return account

    # Handlers only set a flag: Event.set() here could deadlock on the lock Event.wait()
    # holds on this same thread when the signal lands inside it.
    def _on_stop(self, signum: int, frame: FrameType | None) -> None:
        self._stop_signal = True

    def _on_hup(self, signum: int, frame: FrameType | None) -> None:
        self._hup_signal = True


def run(root: Path, state: str | None = None) -> int:
    """The daemon, until a stop. bot.cli guards the start (bot.runtime.starting) before
    importing this module; Daemon.run puts the daemon's own signal handlers in place."""
    settings, problems = load_settings(root, state)
    if problems:
        for p in problems:
            print(p.render(), file=sys.stderr)
        # A problem in .env or the environment is a usage error (2), like a bad option.
        return 2
    logs.setup(settings.log_level, settings.log_format, settings.secrets())
    for warning in (settings.env_warning, settings.placeholder_warning):
        if warning:
            event(logging.WARNING, warning)
    config, problems = cfg.check(root, platforms=settings.platforms)
    if config is None:
        for p in problems:
            if not p.warning:
                print(p.render(), file=sys.stderr)
        print(
            "closethecamps: not starting: fix the problems above "
            "(closethecamps validate lists them)",
            file=sys.stderr,
        )
        return 1
    lock = single_instance(settings.state_db)
    if lock is None:
        return 1
    try:
        return Daemon(root, settings, config).run()
    finally:
        lock.close()
