"""Throw-away bot roots for tests: the shipped content, approved, with a test schedule."""

from __future__ import annotations

import time
from pathlib import Path

from tests.support.badcases import make_valid_root

FAST_SCHEDULE = """\
timezone: UTC
posts:
  - name: fast
    every: 1s
mentions:
  every: 1s
  first_start_cutoff: 1h
limits:
  posts_per_day: 1000
"""


def make_root(tmp: Path, schedule: str = FAST_SCHEDULE) -> Path:
    """The shipped messages/, publishable, in tmp/root with `schedule` as schedule.yaml."""
    root = make_valid_root(tmp / "root")
    (root / "schedule.yaml").write_text(schedule, encoding="utf-8")
    return root


class Clock:
    """Wall time plus an offset a test can move forward (past pauses, cut-offs)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset
