"""What the store keeps for `report`: the reply language (never a protected person's),
every pause begun, and an older state brought forward by migration 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.runtime.schema import MIGRATIONS
from bot.runtime.store import Store


def _language(path: Path, mention_id: str) -> object:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT language FROM mentions WHERE id = ?", (mention_id,)).fetchone()[0]


def test_reply_language_is_kept_for_replies_only(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    store.record_mention("1", "a", "reply", "placed", "DE", "@a hi", now=1.0, language="de")
    store.record_mention("2", "b", "protect", "russia", "RU", "@b hello", now=2.0, language="ru")
    store.record_mention("3", "c", "skip", "cooldown", "FR", None, now=3.0, language="fr")
    store.close()
    assert _language(path, "1") == "de"
    assert _language(path, "2") is None and _language(path, "3") is None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT country FROM mentions WHERE id = '2'").fetchone()[0] is None


def test_every_pause_is_logged_with_its_start(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    store.pause("post", 200.0, "rate limited", now=100.0)
    store.pause("post", 500.0, "unavailable", now=400.0)
    rows = store.query("SELECT at, endpoint, until, reason FROM pause_log ORDER BY at")
    assert rows == [(100.0, "post", 200.0, "rate limited"), (400.0, "post", 500.0, "unavailable")]
    assert store.pauses()["post"].strikes == 2
    store.close()


def test_an_older_state_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        db.execute(
            "INSERT INTO mentions VALUES ('9', 'a', 1.0, 'reply', 'placed', 'DE', '@a x', 'sent')"
        )
    db.close()
    store = Store(path)
    assert store.query("PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert store.query("SELECT id, country, language FROM mentions") == [("9", "DE", None)]
    store.close()


def test_the_daemon_records_its_platform_for_the_report(valid_root: Path) -> None:
    from bot.content import config as cfg
    from bot.runtime.daemon import Daemon
    from bot.runtime.settings import load_settings

    settings, _ = load_settings(valid_root, str(valid_root / "var" / "state.sqlite3"))
    config, _ = cfg.check(valid_root)
    assert config is not None
    daemon = Daemon(valid_root, settings, config)
    try:
        assert daemon.store.get_meta("platform") == "sandbox"
    finally:
        daemon.store.close()
        getattr(daemon.platform, "close", lambda: None)()
