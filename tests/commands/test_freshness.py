"""Followers see variety: no post again within rotation.min_gap, across every slot."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest

from bot.commands.content import preview_rows, preview_stats, validate
from bot.content import config as cfg
from bot.platforms.sandbox import SandboxPlatform
from bot.runtime.engine import Engine
from bot.runtime.store import Store
from tests.support.cli import run_cli
from tests.support.paths import REPO
from tests.support.roots import make_root

WEEK = dt.timedelta(days=7)


def test_the_shipped_library_sends_no_post_twice_within_a_week() -> None:
    config, problems = cfg.check(REPO)
    assert config is not None, [p.render() for p in problems]
    start = dt.datetime(2027, 3, 1, 6, 0, tzinfo=config.schedule.tz)
    rows = preview_rows(config, 200, start)
    last: dict[str, dt.datetime] = {}
    for r in rows:
        t = dt.datetime.fromisoformat(r["time"])
        assert r["post_id"] is not None, r
        assert t - last.get(r["post_id"], t - WEEK) >= WEEK, r
        last[r["post_id"]] = t
    stats = preview_stats(rows)
    assert sum(s["times"] for s in stats) == 200
    assert min(s["shortest_gap_days"] for s in stats if s["shortest_gap_days"]) >= 7


def test_preview_stats_prints_json_for_programs(shared_valid_root: Path) -> None:
    root, state = str(shared_valid_root), str(shared_valid_root / "n.sqlite3")
    done = run_cli(
        "preview", "--count", "30", "--stats", "--json", "--root", root, "--state", state
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    stats = json.loads(out)
    assert {"post_id", "times", "shortest_gap_days"} == set(stats[0])
    assert sum(s["times"] for s in stats) == 30


GREEDY = """\
timezone: UTC
posts:
  - name: hourly-russian
    every: 1h
    language: ru
mentions:
  every: 1m
"""


def test_validate_warns_when_a_slot_cannot_keep_the_gap(tmp_path: Path) -> None:
    root = make_root(tmp_path, GREEDY)
    out = io.StringIO()
    assert validate(root, out) == 0  # a warning, not an error
    lines = [ln for ln in out.getvalue().splitlines() if "rotation.min_gap" in ln]
    assert len(lines) == 1 and lines[0].startswith("schedule.yaml:3: warning: slot ")
    assert "'hourly-russian' fires" in lines[0] and "approve at least" in lines[0]


TINY_GAP_YEAR = GREEDY.replace("mentions:", "rotation:\n  min_gap: 365d\nmentions:")


def test_the_daemon_says_once_when_the_library_is_too_small(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_root(tmp_path, TINY_GAP_YEAR)
    config, problems = cfg.check(root)
    assert config is not None, [p.render() for p in problems]
    clock = [dt.datetime(2027, 1, 1, tzinfo=dt.UTC).timestamp()]
    platform = SandboxPlatform(tmp_path / "sandbox.sqlite3")
    engine = Engine(platform, Store(tmp_path / "state.sqlite3"), config, lambda: clock[0])
    n_posts = len([p for p in config.library.posts if p.lang == "ru"])
    with caplog.at_level(logging.INFO):
        for _ in range(n_posts + 3):
            engine.run_slot(config.schedule.slots[0])
            clock[0] += 86400 + 60  # a day and a minute: outside the 24-hour text rule
    ids = [a.item_id for a in reversed(engine.store.recent_attempts(100, "post"))]
    engine.store.close()
    platform.close()
    said = [r for r in caplog.records if "library too small" in r.getMessage()]
    assert len(said) == 1
    # Once every post is inside the gap, the one out longest ago goes again, in order.
    assert len(ids) == n_posts + 3 and ids[n_posts:] == ids[:3]
