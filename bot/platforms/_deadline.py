"""One total deadline for a network call, and a way to abandon calls at shutdown.

Socket timeouts bound each read, not the call: a server that trickles a byte every
two seconds keeps a request alive forever. So each call runs on its own short-lived
thread and the caller waits at most `deadline` seconds for it. When the daemon stops,
`abort()` shortens every wait to a brief grace: a call still running then is given up
and reported as such, and the engine records its outcome as unknown (settled at the
next start by the platform's own duplicate check), never as sent or not sent.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# After a stop is asked for, a call in flight gets this long to finish on its own.
ABORT_GRACE = 1.0


class CallAbandoned(Exception):
    """The call did not finish within its deadline (or the stop's grace)."""

    def __init__(self, after: float, stopping: bool) -> None:
        why = "the daemon is stopping" if stopping else "past its deadline"
        super().__init__(f"call abandoned after {after:.1f} s: {why}")
        self.stopping = stopping


class Deadlines:
    """Runs calls against a total deadline; shared by one platform's calls."""

    def __init__(self, deadline: float, grace: float = ABORT_GRACE) -> None:
        self.deadline, self.grace = deadline, grace
        self._abort = threading.Event()

    def abort(self) -> None:
        self._abort.set()

    @property
    def aborted(self) -> bool:
        return self._abort.is_set()

    def run(self, fn: Callable[[], T], name: str = "call") -> T:
        if self._abort.is_set():
            raise CallAbandoned(0.0, stopping=True)
        box: dict[str, object] = {}
        done = threading.Event()

        def work() -> None:
            try:
                box["value"] = fn()
            except BaseException as e:  # handed to the caller below
                box["error"] = e
            finally:
                done.set()

        # A daemon thread: one the server never answers must not keep the process alive.
        threading.Thread(target=work, name=name, daemon=True).start()
        start = time.monotonic()
        end = start + self.deadline
        graced = False
        while not done.wait(min(0.05, max(0.0, end - time.monotonic()))):
            now = time.monotonic()
            if not graced and self._abort.is_set():
                graced = True
                end = min(end, now + self.grace)
            if now >= end:
                raise CallAbandoned(now - start, stopping=self._abort.is_set())
        if "error" in box:
            raise box["error"]  # type: ignore[misc]
        return box["value"]  # type: ignore[return-value]
