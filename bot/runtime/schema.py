"""The state database's schema: numbered migrations and the rows the store hands out.

A migration is appended, never edited: PRAGMA user_version records how many ran, so an
older database is brought forward step by step at open.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE attempts (
        key         TEXT PRIMARY KEY,      -- 'post:<slot>:<time>' or 'reply:<mention id>'
        kind        TEXT NOT NULL CHECK (kind IN ('post', 'reply')),
        item_id     TEXT,                  -- post or template id from messages/
        text        TEXT NOT NULL,         -- our own text, needed to resolve unknowns
        reply_to    TEXT,
        status      TEXT NOT NULL CHECK (status IN ('attempting', 'done', 'failed', 'unknown')),
        remote_id   TEXT,
        detail      TEXT,
        created_at  REAL NOT NULL,
        updated_at  REAL NOT NULL
    );
    CREATE INDEX attempts_status ON attempts (status, kind);
    CREATE INDEX attempts_created ON attempts (kind, created_at);
    CREATE TABLE mentions (
        id          TEXT PRIMARY KEY,
        author_id   TEXT NOT NULL,
        seen_at     REAL NOT NULL,
        policy      TEXT NOT NULL,         -- reply | protect | skip
        reason      TEXT NOT NULL,
        country     TEXT,                  -- always NULL under protect
        reply_text  TEXT,                  -- the reply we will send, never the mention
        status      TEXT NOT NULL          -- pending | sent | failed | none
    );
    CREATE INDEX mentions_author ON mentions (author_id, seen_at);
    CREATE INDEX mentions_status ON mentions (status, id);
    CREATE TABLE authors (
        author_id     TEXT PRIMARY KEY,
        opted_out_at  REAL,
        last_reply_at REAL
    );
    CREATE TABLE rotation (pool TEXT PRIMARY KEY, used TEXT NOT NULL);
    CREATE TABLE slots (name TEXT PRIMARY KEY, last_fire REAL NOT NULL);
    CREATE TABLE spend (at REAL NOT NULL, kind TEXT NOT NULL, amount REAL NOT NULL);
    CREATE INDEX spend_at ON spend (at);
    CREATE TABLE pauses (
        endpoint TEXT PRIMARY KEY,
        until    REAL NOT NULL,
        reason   TEXT NOT NULL,
        strikes  INTEGER NOT NULL
    );
    """,
    # 2: what `closethecamps report` reads. The reply's language (NULL when nothing or
    # the neutral message goes out: protect and skip), and a log of every pause begun,
    # since `pauses` keeps only the latest per endpoint.
    """
    ALTER TABLE mentions ADD COLUMN language TEXT;
    CREATE INDEX mentions_seen ON mentions (seen_at);
    CREATE TABLE pause_log (
        at       REAL NOT NULL,
        endpoint TEXT NOT NULL,
        until    REAL NOT NULL,
        reason   TEXT NOT NULL
    );
    CREATE INDEX pause_log_at ON pause_log (at);
    """,
    # 3: several platforms on one state. Each row says whose it is; '' is the first
    # platform (X, or the sandbox), so older rows need no rewrite. Mention, author and
    # pause keys become (platform, id): ids of two networks may be equal. Attempt keys of
    # the other platforms start with the platform's name, so they stay unique as they are.
    """
    ALTER TABLE attempts ADD COLUMN platform TEXT NOT NULL DEFAULT '';
    CREATE INDEX attempts_platform ON attempts (platform, status);
    CREATE TABLE mentions_v3 (
        platform    TEXT NOT NULL DEFAULT '',
        id          TEXT NOT NULL,
        author_id   TEXT NOT NULL,
        seen_at     REAL NOT NULL,
        policy      TEXT NOT NULL,
        reason      TEXT NOT NULL,
        country     TEXT,
        reply_text  TEXT,
        status      TEXT NOT NULL,
        language    TEXT,
        PRIMARY KEY (platform, id)
    );
    INSERT INTO mentions_v3 SELECT '', id, author_id, seen_at, policy, reason, country,
        reply_text, status, language FROM mentions;
    DROP TABLE mentions;
    ALTER TABLE mentions_v3 RENAME TO mentions;
    CREATE INDEX mentions_author ON mentions (platform, author_id, seen_at);
    CREATE INDEX mentions_status ON mentions (platform, status, id);
    CREATE INDEX mentions_seen ON mentions (seen_at);
    CREATE TABLE authors_v3 (
        platform      TEXT NOT NULL DEFAULT '',
        author_id     TEXT NOT NULL,
        opted_out_at  REAL,
        last_reply_at REAL,
        PRIMARY KEY (platform, author_id)
    );
    INSERT INTO authors_v3 SELECT '', author_id, opted_out_at, last_reply_at FROM authors;
    DROP TABLE authors;
    ALTER TABLE authors_v3 RENAME TO authors;
    CREATE TABLE pauses_v3 (
        platform TEXT NOT NULL DEFAULT '',
        endpoint TEXT NOT NULL,
        until    REAL NOT NULL,
        reason   TEXT NOT NULL,
        strikes  INTEGER NOT NULL,
        PRIMARY KEY (platform, endpoint)
    );
    INSERT INTO pauses_v3 SELECT '', endpoint, until, reason, strikes FROM pauses;
    DROP TABLE pauses;
    ALTER TABLE pauses_v3 RENAME TO pauses;
    ALTER TABLE pause_log ADD COLUMN platform TEXT NOT NULL DEFAULT '';
    ALTER TABLE spend ADD COLUMN platform TEXT NOT NULL DEFAULT '';
    """,
    # 4: what a post is sent with, kept with its attempt, so the resend that settles an
    # unknown outcome after a crash goes out the same way (a slot's `visibility: unlisted`
    # must never come back public).
    """
    ALTER TABLE attempts ADD COLUMN language TEXT;
    ALTER TABLE attempts ADD COLUMN visibility TEXT;
    """,
)


def migrate(db: sqlite3.Connection) -> None:
    """Bring `db` forward from its PRAGMA user_version; the caller holds the transaction."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for i, script in enumerate(MIGRATIONS[version:], start=version + 1):
        for stmt in script.split(";"):
            if stmt.strip():
                db.execute(stmt)
        db.execute(f"PRAGMA user_version = {i}")


@dataclass(frozen=True)
class Attempt:
    key: str
    kind: str
    item_id: str | None
    text: str
    reply_to: str | None
    status: str
    remote_id: str | None
    detail: str | None
    created_at: float
    updated_at: float
    platform: str = ""
    language: str | None = None  # the post's, for Mastodon's `language`, Bluesky's `langs`
    visibility: str | None = None  # Mastodon's, from the slot; None: the platform's default


@dataclass(frozen=True)
class Pause:
    endpoint: str
    until: float
    reason: str
    strikes: int
    platform: str = ""


@dataclass(frozen=True)
class PendingReply:
    mention_id: str
    author_id: str
    reply_text: str
    opted_out: bool
    seen_at: float
    language: str | None = None  # the reply's, for Mastodon's `language`, Bluesky's `langs`


class StoreError(Exception):
    """The state database cannot be opened: one line saying which file and what to do."""


def open_database(path: Path, create: bool) -> sqlite3.Connection:
    """A connection to the state at `path`, migrated to the latest schema."""
    if not create and os.path.lexists(path) and not path.is_file():
        raise StoreError(
            f"{path}: not a state database but a folder or a device (point --state or "
            "STATE_DB at the bot's state file)"
        )
    if not create and not path.is_file():
        raise StoreError(
            f"{path}: no state database here yet (the daemon creates it on its first "
            "run; check --state or STATE_DB)"
        )
    try:
        if str(path) != ":memory:":
            # One level only (var/ in a fresh bot folder): a typo in --state must not
            # leave a tree of new folders behind.
            path.parent.mkdir(exist_ok=True)
        db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(
            f"{path}: cannot open the state database ({_reason(e)}; choose a writable "
            "place with --state or STATE_DB)"
        ) from None
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        # FULL: the 'attempting' row must be on disk before the network call.
        db.execute("PRAGMA synchronous=FULL")
        _migrate(db)
        db.execute("SELECT COUNT(*) FROM attempts").fetchone()
        # A page damaged behind an intact header opens fine and fails later, in every
        # job; quick_check finds it now (74 ms for 100,000 mentions, a 31 MB state).
        damage = [str(r[0]) for r in db.execute("PRAGMA quick_check(3)")]
        if damage != ["ok"]:
            raise sqlite3.DatabaseError(f"damaged: {'; '.join(damage)[:160]}")
    except sqlite3.Error as e:
        db.close()
        raise StoreError(
            f"{path}: not a usable state database ({_reason(e)}; point --state at the "
            "bot's state file, or move this one away so a new one is made)"
        ) from None
    return db


def _migrate(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        migrate(db)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _reason(e: Exception) -> str:
    return getattr(e, "strerror", None) or str(e) or type(e).__name__
