"""Fault matrix: every failure X can throw at the bot, through real HTTP.

For each: the bot keeps running, logs one clear line, resumes once the fault
clears, never double-posts, and after a 429 sends nothing to that endpoint
before the reset time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.content import config as cfg
from bot.platforms.x import XPlatform
from bot.runtime.engine import Engine
from bot.runtime.store import Store
from tests.support.fakex import FakeX
from tests.support.roots import Clock, make_root


@pytest.fixture
def setup(tmp_path: Path, fake_x: FakeX) -> Iterator[tuple[Engine, Clock]]:
    root = make_root(tmp_path)
    config, problems = cfg.check(root)
    assert config is not None, problems
    platform = XPlatform(
        "key",
        "secret",
        "token",
        "token-secret",
        base_url=fake_x.url,
        timeout=(0.5, 0.4),
        deadline=0.5,
    )
    clock = Clock()
    engine = Engine(platform, Store(tmp_path / "state.sqlite3"), config, clock)
    yield engine, clock
    engine.store.close()
    platform.close()


# kind -> does the bot pause that endpoint (so no request before the pause ends)?
POST_FAULTS = {
    "429": True,
    "429_no_reset": True,
    "500": True,
    "503": True,
    "store_503": True,
    "reset_before": True,
    "reset_after": True,
    "timeout": True,
    "401": True,
    "402": True,
    "403_duplicate": False,
    "malformed": True,
    "trickle": True,
    "huge": True,
}


def loud(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "closethecamps" and r.levelno >= logging.WARNING
    ]


@pytest.mark.parametrize("kind", sorted(POST_FAULTS))
def test_post_fault(
    kind: str, setup: tuple[Engine, Clock], fake_x: FakeX, caplog: pytest.LogCaptureFixture
) -> None:
    engine, clock = setup
    slot = engine.config.schedule.slots[0]
    if kind == "403_duplicate":
        # A duplicate means the text already went out: record it as done, quietly.
        fake_x.fail("post", kind)
    else:
        fake_x.fail("post", kind, delay=1.0, reset_in=600)
    caplog.set_level(logging.INFO)
    engine.run_slot(slot)  # never raises
    sent = len(fake_x.requests("post"))
    assert sent == 1
    if kind == "403_duplicate":
        assert loud(caplog) == []
        assert any("duplicate" in r.getMessage() for r in caplog.records)
        assert engine.store.recent_attempts(1)[0].status == "done"
    else:
        assert len(loud(caplog)) == 1, loud(caplog)
    if POST_FAULTS[kind]:
        for _ in range(3):
            engine.run_slot(slot)
        assert len(fake_x.requests("post")) == sent, "called again while paused"
    clock.offset += 3700  # past every pause the bot sets
    time.sleep(1.1 if kind == "timeout" else 0)  # the late answer lands server-side
    engine.run_slot(slot)
    engine.run_slot(slot)
    posted = [p.text for p in fake_x.timeline() if not p.in_reply_to]
    assert len(posted) >= 2 and len(posted) == len(set(posted))
    assert not engine.store.unresolved()
    assert engine.store.pauses() == {} or all(
        p.until < clock() for p in engine.store.pauses().values()
    )


def test_429_reset_header_is_honoured_to_the_second(
    setup: tuple[Engine, Clock], fake_x: FakeX
) -> None:
    engine, clock = setup
    slot = engine.config.schedule.slots[0]
    fake_x.fail("post", "429", reset_in=120)
    engine.run_slot(slot)
    clock.offset = 100  # still before the reset
    engine.run_slot(slot)
    assert len(fake_x.requests("post")) == 1
    clock.offset = 125  # after it
    engine.run_slot(slot)
    assert len(fake_x.requests("post")) == 2
    assert len(fake_x.timeline()) == 1


@pytest.mark.parametrize(
    "kind",
    [
        "429",
        "429_no_reset",
        "500",
        "503",
        "reset_before",
        "timeout",
        "malformed",
        "401",
        "errors_only",
        "huge",
        "trickle",
    ],
)
def test_mentions_fault(
    kind: str, setup: tuple[Engine, Clock], fake_x: FakeX, caplog: pytest.LogCaptureFixture
) -> None:
    engine, clock = setup
    engine.read_mentions()  # the first start is behind us: no cut-off for old mentions
    fake_x.add_mention("@CloseTheCampsBot I'm in Boston, who are my reps?", "reader")
    fake_x.fail("mentions", kind, delay=1.0, reset_in=600)
    caplog.set_level(logging.INFO)
    engine.read_mentions()
    assert len(loud(caplog)) == 1, loud(caplog)
    n = len(fake_x.requests("mentions"))
    engine.read_mentions()
    assert len(fake_x.requests("mentions")) == n, "read again while paused"
    clock.offset += 3700
    engine.read_mentions()
    replies = [p for p in fake_x.timeline() if p.in_reply_to]
    assert len(replies) == 1


@pytest.mark.parametrize(
    "kind",
    [
        "store_503",
        "timeout",
        "reset_after",
        "malformed",
        "reset_before",
        "429",
        "500",
        "trickle",
        # Keys refused: nothing was done, so the reply waits for the keys, not lost.
        "401",
    ],
)
def test_reply_fault_never_replies_twice_nor_drops_the_mention(
    kind: str, setup: tuple[Engine, Clock], fake_x: FakeX
) -> None:
    engine, clock = setup
    engine.read_mentions()
    mid = fake_x.add_mention("@CloseTheCampsBot I'm in Dublin, what can I do?", "reader")
    fake_x.fail("post", kind, delay=1.0, reset_in=600)
    engine.read_mentions()
    clock.offset += 3700
    time.sleep(1.1 if kind == "timeout" else 0)
    engine.read_mentions()
    engine.read_mentions()
    replies = [p for p in fake_x.timeline() if p.in_reply_to == mid]
    if kind == "trickle":  # the first answer stored the reply; settling confirms it
        assert engine.store.recent_attempts(1)[0].status == "done"
    assert len(replies) == 1
    assert not engine.store.unresolved()


def test_reply_not_allowed_is_logged_and_final(
    setup: tuple[Engine, Clock], fake_x: FakeX, caplog: pytest.LogCaptureFixture
) -> None:
    engine, clock = setup
    engine.read_mentions()
    fake_x.add_mention("@CloseTheCampsBot I'm in Dublin, what can I do?", "reader")
    fake_x.fail("post", "403_reply_not_allowed")
    caplog.set_level(logging.INFO)
    engine.read_mentions()
    clock.offset += 3700
    engine.read_mentions()
    assert [p for p in fake_x.timeline() if p.in_reply_to] == []
    assert len(fake_x.requests("post")) == 1
    assert any("not-allowed" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("kind", "reason"), [("429_day", "daily cap"), ("429_usage_capped", "usage capped")]
)
def test_long_caps_pause_until_their_own_reset(
    kind: str,
    reason: str,
    setup: tuple[Engine, Clock],
    fake_x: FakeX,
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine, clock = setup
    slot = engine.config.schedule.slots[0]
    fake_x.fail("post", kind, reset_in=20 * 3600)
    caplog.set_level(logging.INFO)
    engine.run_slot(slot)
    pause = engine.store.pauses()["post"]
    assert pause.reason == reason
    assert pause.until > clock() + 19 * 3600 or kind == "429_usage_capped"
    assert len(loud(caplog)) == 1, loud(caplog)
    clock.offset += 3600  # a 15-minute window later: still waiting
    engine.run_slot(slot)
    assert len(fake_x.requests("post")) == 1
    clock.offset = pause.until - time.time() + 1
    engine.run_slot(slot)
    assert len(fake_x.requests("post")) == 2
