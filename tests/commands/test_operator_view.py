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
    info = status_info(config.schedule, settings, store, dt.datetime.now(config.schedule.tz))
    store.close()
    platform.close()
    assert info["account"] == "@CloseTheCampsBot (sandbox)"
    assert info["daemon_running"] is False and info["oldest_queued_reply_s"] is None
    assert sandbox_timeline(valid_root, True, 50) == 0
    rows = json.loads(capsys.readouterr().out)
    decisions = {r["author"]: r.get("decision") for r in rows if r["author"] != "CloseTheCampsBot"}
    assert decisions["ana"] == {"policy": "reply", "reason": "country", "country": "IE"}
    assert decisions["boris"] == {"policy": "protect", "reason": "protect"}
    # Nor the protected person's own words, which name the place (before: shown whole).
    texts = {r["author"]: r["text"] for r in rows}
    assert "Dublin" in texts["ana"] and "Казан" not in texts["boris"]
    assert sandbox_timeline(valid_root, False, 50) == 0
    assert "Казан" not in capsys.readouterr().out


def test_status_knows_when_a_daemon_holds_the_state(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    assert daemon_running(state) is False and not Path(f"{state}.lock").exists()
    with open(f"{state}.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert daemon_running(state) is True
    assert daemon_running(state) is False


def test_status_shows_the_state_while_a_bad_edit_is_in_place(valid_root: Path) -> None:
    """The daemon keeps its last good version through a bad edit, which is when the
    operator most needs status. Before: exit 1 with the error line and nothing else."""
    from tests.support.cli import run_cli

    settings, _ = load_settings(valid_root)
    Store(settings.state_db).close()
    (valid_root / "messages/posts/aa-bad.yaml").write_text("posts: [\n")
    p = run_cli("status", "--root", str(valid_root))
    assert p.returncode == 1 and "messages/posts/aa-bad.yaml:" in p.stderr
    assert "daemon: not running" in p.stdout and "next runs:" in p.stdout
    schedule = valid_root / "schedule.yaml"
    schedule.write_text(schedule.read_text().replace("every: ", "every: 4x #", 1))
    p = run_cli("status", "--root", str(valid_root), "--json")
    assert p.returncode == 1 and "schedule.yaml:" in p.stderr and "times in UTC" in p.stderr
    info = json.loads(p.stdout)
    assert info["files_ok"] is False and info["daemon_running"] is False


def test_status_counts_an_every_slot_from_its_last_run_as_the_daemon_does(
    valid_root: Path,
) -> None:
    (valid_root / "schedule.yaml").write_text(
        "timezone: UTC\nposts:\n  - name: often\n    every: 2h\n"
    )
    config, problems = cfg.check(valid_root)
    assert config is not None, [p.render() for p in problems]
    [slot] = config.schedule.slots
    assert slot.every is not None
    settings, _ = load_settings(valid_root)
    store = Store(settings.state_db)
    now = dt.datetime.now(config.schedule.tz)
    last = now.timestamp() - slot.every * 0.75  # a quarter of a run to go
    store.set_last_fire(slot.name, last)
    info = status_info(config.schedule, settings, store, now)
    store.close()
    [run] = [r for r in info["next_runs"] if r["slot"] == slot.name]
    # Before: always now + every.
    assert dt.datetime.fromisoformat(run["at"]).timestamp() == pytest.approx(
        last + slot.every, abs=1
    )
