"""The daemon as a real process: schedule, reload, signals, catch-up, sandbox."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from bot.runtime.store import Store
from tests.support.cli import run_cli
from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.roots import make_root

pytestmark = pytest.mark.slow  # every test here runs the daemon as a process


def test_posts_on_schedule_and_stops_cleanly_on_sigterm(tmp_path: Path, fake_x: FakeX) -> None:
    root = make_root(tmp_path)
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3")
    try:
        d.wait_for(lambda: len(fake_x.timeline()) >= 3)
        assert d.saw("ready")
    finally:
        code, took = d.terminate()
    assert code == 0 and took < 5.0, d.output
    posted = [p.text for p in fake_x.timeline()]
    assert len(posted) == len(set(posted))
    assert "Traceback" not in d.output


def test_bad_edit_keeps_the_last_good_config_then_reloads(tmp_path: Path, fake_x: FakeX) -> None:
    root = make_root(tmp_path)
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3")
    try:
        d.wait_for(lambda: len(fake_x.timeline()) >= 1)
        good = (root / "schedule.yaml").read_text()
        (root / "schedule.yaml").write_text(
            good.replace("every: 1s\nmentions", "every: soon\nmentions")
        )
        d.wait_for(lambda: d.saw("reload refused"))
        assert d.saw("schedule.yaml:")
        n = len(fake_x.timeline())
        d.wait_for(lambda: len(fake_x.timeline()) >= n + 2)  # still posting
        (root / "schedule.yaml").write_text(
            good.replace("every: 1s\nmentions", "every: 2s\nmentions")
        )
        d.proc.send_signal(signal.SIGHUP)
        d.wait_for(lambda: d.saw("reloaded"))
    finally:
        code, _ = d.terminate()
    assert code == 0


def _set_last_fire(state: Path, slot: str, at: float) -> None:
    db = sqlite3.connect(state)
    db.execute("INSERT OR REPLACE INTO slots VALUES (?, ?)", (slot, at))
    db.commit()
    db.close()


HOURLY = """\
timezone: UTC
posts:
  - name: hourly
    every: 1h
mentions:
  every: 1h
missed_grace: {grace}
"""


def test_missed_slot_posts_once_within_grace_else_skips(tmp_path: Path, fake_x: FakeX) -> None:
    state = tmp_path / "state.sqlite3"
    root = make_root(tmp_path, HOURLY.format(grace="30m"))
    Store(state).close()  # the state a daemon that ran before would have left
    _set_last_fire(state, "hourly", time.time() - 3600 - 300)  # due five minutes ago
    d = DaemonProc(root, fake_x.url, state)
    try:
        d.wait_for(lambda: len(fake_x.timeline()) == 1)
        assert d.saw("missed slot: posting it now")
    finally:
        d.terminate()
    (root / "schedule.yaml").write_text(HOURLY.format(grace="1m"))
    _set_last_fire(state, "hourly", time.time() - 3600 - 300)
    d = DaemonProc(root, fake_x.url, state)
    try:
        d.wait_for(lambda: d.saw("missed slot skipped"))
        time.sleep(1)
    finally:
        d.terminate()
    assert len(fake_x.timeline()) == 1


def test_refuses_to_start_on_invalid_files_with_one_line_each(tmp_path: Path) -> None:
    root = make_root(tmp_path, "timezone: Mars/Olympus\nposts: []\n")
    d = DaemonProc(root, None, tmp_path / "state.sqlite3")
    code = d.proc.wait(timeout=20)
    d._reader.join(timeout=2)
    assert code == 1
    assert "schedule.yaml:1: unknown time zone 'Mars/Olympus'" in d.output
    assert "Traceback" not in d.output


def test_sandbox_newcomer_sees_a_post_and_a_reply(tmp_path: Path) -> None:
    # The slot names a network: the sandbox stands in for every one, so it still posts.
    schedule = HOURLY.format(grace="30m").replace("every: 1h\nmissed", "every: 1s\nmissed")
    root = make_root(tmp_path, schedule.replace("every: 1h\n", "every: 1h\n    platforms: [x]\n"))
    state = tmp_path / "var" / "state.sqlite3"
    d = DaemonProc(root, None, state)
    try:
        d.wait_for(lambda: d.saw("posted"))
        said = run_cli(
            "sandbox", "mention", "I'm in Dublin, how can I help?", "--user", "newcomer",
            "--root", str(root), "--state", str(state),
        )  # fmt: skip
        assert said.returncode == 0, said.stderr
        d.wait_for(lambda: d.saw("replied"))
    finally:
        code, _ = d.terminate()
    shown = run_cli("sandbox", "timeline", "--root", str(root), "--state", str(state))
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "#CloseTheCamps" in out and "@newcomer" in out
    assert code == 0


def test_after_a_long_outage_the_latest_due_time_decides() -> None:
    import datetime as dt

    from bot.content.model import Limits, MentionSettings, Schedule, Slot
    from bot.policy.timing import missed_since

    def sched(slot: Slot) -> Schedule:
        return Schedule(
            "UTC",
            (slot,),
            MentionSettings(60, 3600, 86400, "neutral", 5),
            Limits(10, None, {}),
            missed_grace=1800,
        )

    now = dt.datetime(2026, 11, 21, 8, 40, tzinfo=dt.UTC)
    daily = Slot("daily", "30 8 * * *", None, 0, None, None)
    # Down since Monday 08:00: Tuesday's 08:30 is a day late, today's only 10 min.
    first, recent = missed_since(daily, sched(daily), now.timestamp() - 2 * 86400 - 2400, now)
    assert first is not None and recent == dt.datetime(2026, 11, 21, 8, 30, tzinfo=dt.UTC)
    hourly = Slot("hourly", None, 3600.0, 0, None, None)
    last = now.timestamp() - 72 * 3600 - 600
    first, recent = missed_since(hourly, sched(hourly), last, now)
    assert recent is not None and (now - recent).total_seconds() == 600
    first, recent = missed_since(hourly, sched(hourly), now.timestamp() - 3000, now)
    assert first is None and recent is None


def test_a_second_daemon_on_the_same_state_refuses_to_start(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    state = tmp_path / "var" / "state.sqlite3"
    first = DaemonProc(root, None, state)
    try:
        first.wait_for(lambda: first.saw("ready"))
        second = DaemonProc(root, None, state)
        assert second.proc.wait(timeout=20) == 1
        second._reader.join(timeout=2)
        assert "another closethecamps daemon is running" in second.output
        assert len(second.lines) == 1
    finally:
        first.terminate()
