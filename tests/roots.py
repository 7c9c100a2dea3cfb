"""Throw-away bot roots for tests: the shipped content, approved, with a test schedule."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from bot.approve import approve

REPO = Path(__file__).resolve().parent.parent
_ID_RE = re.compile(r"^\s*-?\s*id:\s*['\"]?([a-z0-9-]+)", re.MULTILINE)

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


def make_root(tmp: Path, schedule: str = FAST_SCHEDULE, approve_drafts: bool = True) -> Path:
    """Copy messages/ into tmp/root and write `schedule` there."""
    root = tmp / "root"
    shutil.copytree(REPO / "messages", root / "messages")
    (root / "schedule.yaml").write_text(schedule, encoding="utf-8")
    if approve_drafts:
        for d in ("posts", "replies"):
            for f in sorted((root / "messages" / d).glob("*.yaml")):
                text = f.read_text(encoding="utf-8")
                for item_id in _ID_RE.findall(text):
                    approve(root, item_id, "test-suite")
    return root


class Clock:
    """Wall time plus an offset a test can move forward (past pauses, cut-offs)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset
