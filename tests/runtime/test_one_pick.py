"""`preview` and the daemon's engine share one pick: what preview lists is what goes out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.commands.content import preview_rows
from bot.content import config as cfg
from bot.platforms.sandbox import SandboxPlatform
from bot.runtime.engine import Engine
from bot.runtime.store import Store
from tests.support.roots import make_root

SCHEDULE = """\
timezone: Europe/London
posts:
  - name: morning
    cron: "30 8 * * *"
    categories: [petition, embassy, representatives, un, donate]
  - name: evening
    cron: "0 19 * * 1-5"
  - name: steady
    every: 7h
mentions:
  every: 1m
limits:
  posts_per_day: 100
"""


class FixedClock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_the_engine_posts_exactly_what_preview_lists(tmp_path: Path) -> None:
    root = make_root(tmp_path, SCHEDULE)
    config, problems = cfg.check(root)
    assert config is not None, [p.render() for p in problems]
    start = dt.datetime(2027, 3, 24, 6, 0, tzinfo=config.schedule.tz)  # spans the DST change
    rows = preview_rows(config, 40, start)
    assert len({r["post_id"] for r in rows}) > 10

    clock = FixedClock(start.timestamp())
    platform = SandboxPlatform(tmp_path / "sandbox.sqlite3")
    engine = Engine(platform, Store(tmp_path / "state.sqlite3"), config, clock)
    slots = {s.name: s for s in config.schedule.slots}
    try:
        for row in rows:
            clock.t = dt.datetime.fromisoformat(row["time"]).timestamp()
            engine.run_slot(slots[row["slot"]])
        posted = [a.item_id for a in reversed(engine.store.recent_attempts(100, "post"))]
    finally:
        engine.store.close()
        platform.close()
    assert posted == [r["post_id"] for r in rows]
