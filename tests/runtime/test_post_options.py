"""What a post goes out with (its language, its slot's Mastodon visibility) is kept with
its attempt: the resend that settles an unknown outcome goes out the same way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.content import config as cfg
from bot.platforms.mastodon import MastodonPlatform
from bot.runtime.engine import Engine
from bot.runtime.store import Store
from tests.support.recorded_mastodon import RecordedMastodon
from tests.support.roots import Clock, make_root

SCHEDULE = """\
timezone: UTC
posts:
  - name: quiet
    every: 1h
    language: de
    visibility: unlisted
mentions:
  every: 1m
limits:
  posts_per_day: 100
"""


def test_a_resend_after_an_unknown_outcome_keeps_language_and_visibility(
    tmp_path: Path,
) -> None:
    config, problems = cfg.check(make_root(tmp_path, SCHEDULE))
    assert config is not None, [p.render() for p in problems]
    server = RecordedMastodon()
    platform = MastodonPlatform(server.url, "secret-token", deadline=1.0)
    clock = Clock()
    engine = Engine(platform, Store(tmp_path / "state.sqlite3"), config, clock)
    try:
        server.hang("/api/v1/statuses")  # the first try: no answer before the deadline
        engine.run_slot(config.schedule.slots[0])
        [attempt] = engine.store.recent_attempts(10, "post")
        assert attempt.status == "unknown"
        clock.offset += 600  # past the back-off after the failure
        engine.outbox.settle("post")
        [attempt] = engine.store.recent_attempts(10, "post")
        assert attempt.status == "done"
    finally:
        engine.store.close()
        platform.close()
        server.stop()
    forms = [r[3] for r in server.state.requests if r[:2] == ("POST", "/api/v1/statuses")]
    assert len(forms) == 2
    assert all((f["visibility"], f["language"]) == (["unlisted"], ["de"]) for f in forms)
    assert len(server.state.statuses) == 1


def test_a_reply_goes_out_in_its_language(tmp_path: Path) -> None:
    config, problems = cfg.check(make_root(tmp_path, SCHEDULE))
    assert config is not None, [p.render() for p in problems]
    server = RecordedMastodon()
    now = dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")
    server.add_mention(
        1, "@campaignbot Ich wohne in Berlin. Wie kann ich helfen?", language="de", created_at=now
    )
    platform = MastodonPlatform(server.url, "secret-token", deadline=1.0)
    engine = Engine(platform, Store(tmp_path / "state.sqlite3"), config, Clock())
    try:
        engine.read_mentions()
    finally:
        engine.store.close()
        platform.close()
        server.stop()
    [form] = [r[3] for r in server.state.requests if r[:2] == ("POST", "/api/v1/statuses")]
    assert form["language"] == ["de"] and form["in_reply_to_id"]
