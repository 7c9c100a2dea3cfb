"""Throw-away bot roots for tests: the shipped content, approved, with a test schedule."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from bot.content.model import text_hash
from tests.support.badcases import make_valid_root
from tests.support.paths import REPO

FAST_SCHEDULE = """\
timezone: UTC
posts:
  - name: fast
    every: 1s
mentions:
  every: 3s  # X allows 300 mention reads per 15 min: at least 3 s
  first_start_cutoff: 1h
limits:
  posts_per_day: 1000
"""


def make_root(tmp: Path, schedule: str = FAST_SCHEDULE) -> Path:
    """The shipped messages/, publishable, in tmp/root with `schedule` as schedule.yaml."""
    root = make_valid_root(tmp / "root")
    (root / "schedule.yaml").write_text(schedule, encoding="utf-8")
    return root


def copy_messages(dest: Path) -> Path:
    """The shipped messages/ (drafts stay drafts) copied to dest/messages; returns dest."""
    shutil.copytree(REPO / "messages", dest / "messages")
    return dest


def approve_all(root: Path, only: str | None = None) -> None:
    """What `closethecamps approve` does, for every template in a test copy (or in the
    one file `only`, relative to root)."""
    paths = [root / only] if only else (root / "messages/replies").glob("*.yaml")
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for items in data.values():
            for item in items:
                item["approval"] = {"by": "tester", "sha256": text_hash(item["text"])}
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8"
        )


@functools.lru_cache(maxsize=1)
def _approved_messages() -> Path:
    base = Path(tempfile.mkdtemp(prefix="ctc-approved-"))
    atexit.register(shutil.rmtree, base, True)
    approve_all(copy_messages(base))
    return base / "messages"


def approved_copy(dest: Path) -> Path:
    """`copy_messages` with every reply template approved; returns dest. The approved copy
    is made once per process (a YAML round trip of every file) and copied."""
    shutil.copytree(_approved_messages(), dest / "messages")
    return dest


class Clock:
    """Wall time plus an offset a test can move forward (past pauses, cut-offs)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset
