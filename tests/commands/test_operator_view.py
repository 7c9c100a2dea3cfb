"""What the operator sees: the daemon's lock, the account, queued replies, decisions."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
from pathlib import Path

import pytest

from bot.commands.sandbox import sandbox_timeline
from bot.commands.status import daemon_running, status_info
from bot.content import config as cfg
from bot.platforms.sandbox import SandboxPlatform
from bot.runtime.engine import Engine
from bot.runtime.settings import load_settings
from bot.runtime.store import Store


def test_status_and_timeline_show_decisions_but_never_a_protected_place(
    valid_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, problems = cfg.check(valid_root)
    assert config is not None, [p.render() for p in problems]
    settings, _ = load_settings(valid_root)
    platform = SandboxPlatform(settings.sandbox_db)
    platform.inject_mention("I'm in Dublin, how can I help?", user="ana")
    platform.inject_mention("я живу в Казани, как помочь?", user="boris")
    store = Store(settings.state_db)
    engine = Engine(platform, store, config)
    engine.read_mentions()
    info = status_info(config, settings, store, dt.datetime.now(config.schedule.tz))
    store.close()
    platform.close()
    assert info["account"] == "@CloseTheCampsBot (sandbox)"
    assert info["daemon_running"] is False and info["oldest_queued_reply_s"] is None
    assert sandbox_timeline(valid_root, True, 50) == 0
    rows = json.loads(capsys.readouterr().out)
    decisions = {r["author"]: r.get("decision") for r in rows if r["author"] != "CloseTheCampsBot"}
    assert decisions["ana"] == {"policy": "reply", "reason": "country", "country": "IE"}
    assert decisions["boris"] == {"policy": "protect", "reason": "protect"}


def test_status_knows_when_a_daemon_holds_the_state(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    assert daemon_running(state) is False and not Path(f"{state}.lock").exists()
    with open(f"{state}.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert daemon_running(state) is True
    assert daemon_running(state) is False
