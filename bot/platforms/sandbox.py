"""The embedded default platform: a local timeline in SQLite, no account needed.

It keeps X's rules that shape the bot (duplicate text rejected, replies only to
posts that mention the bot) so behaviour seen here carries over.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.content.lengths import X
from bot.content.model import SANDBOX

from .base import Account, Duplicate, Mention, NotAllowed

BOT_ID = "1"
BOT_USERNAME = "CloseTheCampsBot"
DUPLICATE_WINDOW = 24 * 3600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY, username TEXT UNIQUE NOT NULL, location TEXT
);
CREATE TABLE IF NOT EXISTS posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id TEXT NOT NULL, text TEXT NOT NULL, lang TEXT,
    in_reply_to INTEGER, created_at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    author: str
    text: str
    in_reply_to: str | None
    created_at: float


class SandboxPlatform:
    name = SANDBOX
    limit = X  # the sandbox stands in for X

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            str(path), check_same_thread=False, isolation_level=None, timeout=10
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        with self._lock:
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    self._db.execute(stmt)
            self._db.execute(
                "INSERT OR IGNORE INTO users VALUES (?, ?, NULL)", (BOT_ID, BOT_USERNAME)
            )

    def close(self) -> None:
        self._db.close()

    def whoami(self) -> Account:
        return Account(BOT_ID, BOT_USERNAME)

    def post(
        self,
        text: str,
        reply_to: str | None = None,
        key: str = "",
        created_at: float = 0.0,
        language: str | None = None,  # the sandbox keeps neither
        visibility: str | None = None,
    ) -> str:
        now = time.time()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                dup = self._db.execute(
                    "SELECT 1 FROM posts WHERE author_id = ? AND text = ? AND created_at >= ?",
                    (BOT_ID, text, now - DUPLICATE_WINDOW),
                ).fetchone()
                if dup:
                    raise Duplicate(
                        "You are not allowed to create a Tweet with duplicate content.", "post"
                    )
                if reply_to is not None:
                    row = self._db.execute(
                        "SELECT text, author_id FROM posts WHERE id = ?", (int(reply_to),)
                    ).fetchone()
                    if row is None or f"@{BOT_USERNAME.lower()}" not in row[0].lower():
                        raise NotAllowed(
                            "Reply to this conversation is not allowed because "
                            "you have not been mentioned by the author.",
                            "post",
                        )
                cur = self._db.execute(
                    "INSERT INTO posts (author_id, text, in_reply_to, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (BOT_ID, text, int(reply_to) if reply_to else None, now),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return str(cur.lastrowid)

    def mentions(
        self, since: str | None, on_page: Callable[[int], bool] | None = None
    ) -> list[Mention]:
        with self._lock:
            rows = self._db.execute(
                "SELECT p.id, p.author_id, u.username, p.text, p.created_at, p.lang, u.location "
                "FROM posts p JOIN users u ON u.id = p.author_id "
                "WHERE p.author_id != ? AND p.id > ? AND instr(lower(p.text), ?) > 0 "
                "ORDER BY p.id",
                (BOT_ID, int(since or 0), f"@{BOT_USERNAME.lower()}"),
            ).fetchall()
        if on_page is not None and rows:
            on_page(len(rows))
        return [
            Mention(
                id=str(r[0]),
                author_id=r[1],
                author_username=r[2],
                text=r[3],
                created_at=dt.datetime.fromtimestamp(r[4], dt.UTC),
                lang=r[5],
                author_location=r[6],
            )
            for r in rows
        ]

    def mark_as_bot(self) -> bool:
        return False  # no such label on X's API

    def abort(self) -> None:
        pass  # local SQLite calls finish at once

    # -- for `closethecamps sandbox ...` and the tests
    def inject_mention(
        self,
        text: str,
        user: str = "newcomer",
        location: str | None = None,
        lang: str | None = None,
    ) -> str:
        if f"@{BOT_USERNAME.lower()}" not in text.lower():
            text = f"@{BOT_USERNAME} {text}"
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute("SELECT id FROM users WHERE username = ?", (user,)).fetchone()
            if row:
                uid = row[0]
                if location is not None:
                    self._db.execute("UPDATE users SET location = ? WHERE id = ?", (location, uid))
            else:
                uid = str(1000 + self._db.execute("SELECT COUNT(*) FROM users").fetchone()[0])
                self._db.execute("INSERT INTO users VALUES (?, ?, ?)", (uid, user, location))
            cur = self._db.execute(
                "INSERT INTO posts (author_id, text, lang, created_at) VALUES (?, ?, ?, ?)",
                (uid, text, lang, time.time()),
            )
            self._db.execute("COMMIT")
        return str(cur.lastrowid)

    def timeline(self, limit: int = 50, everyone: bool = False) -> list[TimelineEntry]:
        """The bot's posts and replies, oldest first; with `everyone`, the mentions too."""
        who = "" if everyone else "WHERE p.author_id = ? "
        with self._lock:
            rows = self._db.execute(
                "SELECT p.id, u.username, p.text, p.in_reply_to, p.created_at FROM posts p "
                f"JOIN users u ON u.id = p.author_id {who}ORDER BY p.id DESC LIMIT ?",
                (limit,) if everyone else (BOT_ID, limit),
            ).fetchall()
        return [
            TimelineEntry(str(r[0]), r[1], r[2], str(r[3]) if r[3] else None, r[4])
            for r in reversed(rows)
        ]
