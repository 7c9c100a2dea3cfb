"""Two small things the daemon's jobs and start need: a job wrapper that turns a bug into
one log line, and the lock that keeps a second daemon off the same state."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Callable
from pathlib import Path
from typing import IO

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
    daemons on one state would both post."""
    # One level only (var/ in a fresh bot folder): a typo in --state must not leave a
    # tree of new folders behind; the open below then says where it cannot write.
    state_db.parent.mkdir(exist_ok=True)
    f = open(f"{state_db}.lock", "w")  # noqa: SIM115 - held open until exit
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        return None
    return f
