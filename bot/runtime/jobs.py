"""Small things the daemon's jobs and start need: a job wrapper that turns a bug into one
log line, the lock that keeps a second daemon off the same state, and the words for runs
APScheduler skipped."""

from __future__ import annotations

import fcntl
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobEvent

from bot.runtime.logs import event


def guarded(job: str, fn: Callable[[], None]) -> None:
    """A bug in one tick is one log line, and the next tick runs as usual.

    Only the exception type and where it happened: an exception's message may
    quote a mention, which must never reach a log.
    """
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb else "?"
        event(
            logging.ERROR,
            "job failed; will run again on schedule",
            job=job,
            error=type(e).__name__,
            at=where,
        )


def single_instance(state_db: Path) -> IO[str] | None:
    """Hold an exclusive lock beside the state database for the daemon's lifetime: two
    daemons on one state would both post. None, after one line on stderr, when another
    daemon holds it or the place cannot be written."""
    try:
        # One level only (var/ in a fresh bot folder): a typo in --state must not leave a
        # tree of new folders behind; the open below then says where it cannot write.
        state_db.parent.mkdir(exist_ok=True)
        f = open(f"{state_db}.lock", "w")  # noqa: SIM115 - held open until exit
    except OSError as e:
        print(
            f"{state_db}: cannot write the state here ({e.strerror}; choose a writable "
            "place with --state or STATE_DB)",
            file=sys.stderr,
        )
        return None
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        print(
            f"{state_db}: another closethecamps daemon is running on this state (stop it "
            "first, or give this one its own STATE_DB)",
            file=sys.stderr,
        )
        return None
    return f


class SkippedRuns:
    """APScheduler's listener for runs it skipped, said in the bot's words (APScheduler's
    own warnings are kept out of the log), at most once a minute per job."""

    def __init__(self) -> None:
        self._said: dict[str, float] = {}

    def __call__(self, ev: JobEvent) -> None:
        now = time.monotonic()
        if now - self._said.get(ev.job_id, -60.0) < 60.0:
            return
        self._said[ev.job_id] = now
        if ev.code == EVENT_JOB_MAX_INSTANCES:
            event(logging.WARNING, "a run was skipped: the last one is still going", job=ev.job_id)
        else:
            event(
                logging.INFO,
                "a run came over a minute late and was passed over (a clock step, or the "
                "machine was busy or asleep); a missed post is caught up within missed_grace",
                job=ev.job_id,
            )
