"""A SIGTERM while the daemon starts (imports, the configuration check, the account call)
ends the start with exit 0 and one line, as a stop does later, not with a kill by signal.
Kept apart from the daemon's module so the handlers are in place before its imports."""

from __future__ import annotations

import signal
from types import FrameType


class StoppedWhileStarting(BaseException):
    """Raised in the main thread by SIGTERM or SIGINT until the daemon's own handlers
    replace these (Daemon.run)."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise StoppedWhileStarting


def guard_start() -> None:
    for name in ("SIGTERM", "SIGINT"):
        signal.signal(getattr(signal, name), _stop)
