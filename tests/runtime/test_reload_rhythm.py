"""Frequent reloads must not starve mention reading: an unchanged job keeps its next run."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import pytest

from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.roots import make_root

pytestmark = pytest.mark.slow

SCHEDULE = """\
timezone: UTC
posts:
  - name: daily
    cron: "0 9 * * *"
mentions:
  every: 5s
"""


def _reloaded(d: DaemonProc, times: int) -> bool:
    return sum("reloaded" in line for line in d.lines) >= times


def test_reloads_every_two_seconds_do_not_stop_mention_reads(tmp_path: Path, fake_x: FakeX) -> None:
    root = make_root(tmp_path, SCHEDULE)
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3")
    try:
        d.wait_for(lambda: d.saw("ready") and len(fake_x.requests("mentions")) >= 1)
        first = len(fake_x.requests("mentions"))
        post_file = next((root / "messages" / "posts").glob("*.yaml"))
        end = time.monotonic() + 12
        n = 0
        while time.monotonic() < end:  # a real change each time: a new comment line
            n += 1
            with post_file.open("a", encoding="utf-8") as f:
                f.write(f"# edit {n}\n")
            d.wait_for(partial(_reloaded, d, n))
        reads = len(fake_x.requests("mentions")) - first
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, d.output
    assert reads >= 2, f"{reads} mention reads in 12 s of reloads (every 5 s wanted)"
