"""SQLite state: attempts and outcomes, handled mentions, authors, cursors, pauses.

Plain SQL with numbered migrations (PRAGMA user_version). Every post or reply is
written as 'attempting' before the call and committed, so a kill -9 at any
instant leaves a record that the next start resolves instead of re-posting.
Mention text is never stored: only ids, the routing decision and the outcome.
The store reads no clock: every write is given its time (`now`) by the caller,
and each decision (an attempt with its spend and rotation state) is one transaction.
Rows come out as the dataclasses below, never as sqlite3.Row.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.policy.rotation import Sent
from bot.runtime._mention_rows import MentionRows
from bot.runtime.schema import Attempt, Pause, open_database


@dataclass(frozen=True)
class PostTarget:
    """One platform's share of a slot run: its attempt key, spend kind and price."""

    platform: str
    key: str
    spend_kind: str
    price: float


# The platforms whose rows are the unnamed ones ('') of a state older than migration 3.
FIRST_PLATFORMS = frozenset({"x", "sandbox"})


class Store(MentionRows):
    def __init__(self, path: Path, create: bool = True) -> None:
        """Open (or, with `create`, make) the state at `path`; StoreError when it is not a
        state database, cannot be written, or is missing and `create` is False."""
        self.path = path
        self._lock = threading.RLock()
        self._db = open_database(path, create)
        # Whose rows this view reads and writes: '' is the first platform (X or the
        # sandbox); for_platform() gives the others their own view of the same database.
        self.platform = ""

    def for_platform(self, name: str) -> Store:
        """The same database and lock, reading and writing the rows of platform `name`.
        Rotation, slots and meta are shared by every platform."""
        view = copy.copy(self)
        # X and the sandbox keep the unnamed rows of states older than several platforms.
        view.platform = "" if name in FIRST_PLATFORMS else name
        return view

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _q(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Read-only SQL for reports and the operator's views: plain tuples."""
        with self._lock:
            return [tuple(r) for r in self._db.execute(sql, args).fetchall()]

    # -- meta / cursors
    def _meta_key(self, key: str) -> str:
        # The first platform's keys keep their names (older states); the others' are
        # "<platform>:<key>": cursors, the account and rate limits are each platform's own.
        return f"{self.platform}:{key}" if self.platform else key

    def get_meta(self, key: str) -> str | None:
        rows = self._q("SELECT value FROM meta WHERE key = ?", (self._meta_key(key),))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value",
                (self._meta_key(key), value),
            )

    # -- attempts
    def begin_attempt(
        self,
        key: str,
        kind: str,
        item_id: str | None,
        text: str,
        reply_to: str | None = None,
        *,
        now: float,
    ) -> bool:
        """Record the intent before the call; False if this key was ever attempted."""
        with self.tx() as db:
            return self._insert_attempt(db, key, kind, item_id, text, reply_to, now)

    def begin_posts(
        self,
        targets: list[PostTarget],
        item_id: str,
        text: str,
        pool: str,
        used: dict[str, int],
        *,
        now: float,
        language: str | None = None,
        visibility: str | None = None,
    ) -> list[Attempt]:
        """A slot run's decision in one transaction: an attempt and its spend on each
        platform, and the rotation's state after this pick, so a crash leaves all or none."""
        with self.tx() as db:
            for t in targets:
                self.for_platform(t.platform)._insert_attempt(
                    db, t.key, "post", item_id, text, None, now, language, visibility
                )
                if t.price:
                    self.for_platform(t.platform)._spend(db, t.spend_kind, t.price, now)
            db.execute(
                "INSERT INTO rotation VALUES (?, ?) ON CONFLICT(pool) DO UPDATE SET "
                "used = excluded.used",
                (pool, json.dumps(used, sort_keys=True)),
            )
        return [
            self.for_platform(t.platform)._opened(
                t.key, "post", item_id, text, None, now, language, visibility
            )
            for t in targets
        ]

    def begin_reply(
        self,
        key: str,
        text: str,
        reply_to: str,
        price: float,
        *,
        now: float,
        language: str | None = None,
    ) -> Attempt | None:
        """The attempt and its spend in one transaction; None if `key` was ever attempted."""
        with self.tx() as db:
            if not self._insert_attempt(db, key, "reply", None, text, reply_to, now, language):
                return None
            if price:
                self._spend(db, "reply", price, now)
        return self._opened(key, "reply", None, text, reply_to, now, language)

    def _opened(
        self,
        key: str,
        kind: str,
        item_id: str | None,
        text: str,
        reply_to: str | None,
        now: float,
        language: str | None = None,
        visibility: str | None = None,
    ) -> Attempt:
        """The attempt _insert_attempt records, as the store hands it out."""
        return Attempt(
            key, kind, item_id, text, reply_to, "attempting", None, None, now, now,
            self.platform, language, visibility,
        )  # fmt: skip

    def _insert_attempt(
        self,
        db: sqlite3.Connection,
        key: str,
        kind: str,
        item_id: str | None,
        text: str,
        reply_to: str | None,
        now: float,
        language: str | None = None,
        visibility: str | None = None,
    ) -> bool:
        cur = db.execute(
            "INSERT OR IGNORE INTO attempts (key, kind, item_id, text, reply_to, status, "
            "created_at, updated_at, platform, language, visibility) "
            "VALUES (?, ?, ?, ?, ?, 'attempting', ?, ?, ?, ?, ?)",
            (key, kind, item_id, text, reply_to, now, now, self.platform, language, visibility),
        )
        return cur.rowcount == 1

    def finish_attempt(
        self,
        key: str,
        status: str,
        remote_id: str | None = None,
        detail: str | None = None,
        *,
        now: float,
    ) -> None:
        """Record the outcome; a reply's mention follows in the same transaction, so a
        crash can never leave a sent reply's mention looking unanswered."""
        with self.tx() as db:
            db.execute(
                "UPDATE attempts SET status = ?, remote_id = COALESCE(?, remote_id), "
                "detail = ?, updated_at = ? WHERE key = ?",
                (status, remote_id, detail, now, key),
            )
            mention_status = {"done": "sent", "failed": "failed"}.get(status)
            if mention_status:
                db.execute(
                    "UPDATE mentions SET status = ? WHERE platform = ? AND id = (SELECT "
                    "reply_to FROM attempts WHERE key = ? AND kind = 'reply')",
                    (mention_status, self.platform, key),
                )

    def align_mention(self, key: str) -> None:
        """Bring a reply's mention in line with its settled attempt (after a crash between
        the two writes of an older version)."""
        with self.tx() as db:
            db.execute(
                "UPDATE mentions SET status = CASE a.status WHEN 'done' THEN 'sent' "
                "ELSE 'failed' END FROM attempts a WHERE a.key = ? AND a.kind = 'reply' "
                "AND a.status IN ('done', 'failed') AND mentions.id = a.reply_to "
                "AND mentions.platform = a.platform",
                (key,),
            )

    def release_attempt(self, key: str) -> None:
        """Only for a call the platform provably refused before acting (nothing went
        out): drop the attempt so a later tick may try again."""
        with self.tx() as db:
            db.execute("DELETE FROM attempts WHERE key = ?", (key,))

    def attempt(self, key: str) -> Attempt | None:
        rows = self._q("SELECT * FROM attempts WHERE key = ?", (key,))
        return Attempt(**dict(rows[0])) if rows else None

    def unresolved(self, kind: str | None = None) -> list[Attempt]:
        """Attempts whose outcome is not known: a crash mid-call or a timeout/5xx."""
        sql = "SELECT * FROM attempts WHERE status IN ('attempting', 'unknown') AND platform = ?"
        args: tuple[Any, ...] = (self.platform,)
        if kind:
            sql += " AND kind = ?"
            args = (self.platform, kind)
        return [Attempt(**dict(r)) for r in self._q(sql + " ORDER BY created_at", args)]

    def recent_attempts(self, limit: int = 20, kind: str | None = None) -> list[Attempt]:
        """The latest attempts of every platform (the operator's view)."""
        sql = "SELECT * FROM attempts"
        args: tuple[Any, ...] = ()
        if kind:
            sql += " WHERE kind = ?"
            args = (kind,)
        rows = self._q(sql + " ORDER BY created_at DESC, rowid DESC LIMIT ?", (*args, limit))
        return [Attempt(**dict(r)) for r in rows]

    def post_history(self, since: float) -> list[Sent]:
        """Posts that went out (or may have) on any platform since `since`, oldest first."""
        rows = self._q(
            "SELECT created_at, item_id, text FROM attempts WHERE kind = 'post' AND "
            "created_at >= ? AND status != 'failed' ORDER BY created_at",
            (since,),
        )
        return [Sent(r["created_at"], r["item_id"], r["text"]) for r in rows]

    def count_not_failed(self, kind: str, since: float, until: float | None = None) -> int:
        """Attempts from `since` to `until` that went out or may have: what a daily limit
        counts. Attempts dated after `until` (now) come from a clock that ran ahead and
        would hold the limit reached for days."""
        rows = self._q(
            "SELECT COUNT(*) AS n FROM attempts WHERE kind = ? AND created_at >= ? "
            "AND created_at <= ? AND status != 'failed' AND platform = ?",
            (kind, since, float("inf") if until is None else until, self.platform),
        )
        return int(rows[0]["n"])

    def clear_pauses(self, reasons: tuple[str, ...]) -> list[str]:
        """Drop pauses a person fixes outside the bot (keys, credits): a restart retries."""
        marks = ",".join("?" * len(reasons))
        with self.tx() as db:
            rows = db.execute(
                f"SELECT endpoint FROM pauses WHERE reason IN ({marks})", reasons
            ).fetchall()
            db.execute(f"DELETE FROM pauses WHERE reason IN ({marks})", reasons)
        return [r[0] for r in rows]

    # -- rotation and slots
    def rotation_used(self, pool: str) -> dict[str, int]:
        rows = self._q("SELECT used FROM rotation WHERE pool = ?", (pool,))
        return dict(json.loads(rows[0]["used"])) if rows else {}

    def set_rotation_used(self, pool: str, used: dict[str, int]) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO rotation VALUES (?, ?) ON CONFLICT(pool) DO UPDATE SET "
                "used = excluded.used",
                (pool, json.dumps(used, sort_keys=True)),
            )

    def last_fire(self, slot: str) -> float | None:
        rows = self._q("SELECT last_fire FROM slots WHERE name = ?", (slot,))
        return float(rows[0]["last_fire"]) if rows else None

    def set_last_fire(self, slot: str, at: float) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO slots VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET "
                "last_fire = excluded.last_fire",
                (slot, at),
            )

    # -- money and pauses
    def spend(self, kind: str, amount: float, *, now: float) -> None:
        if amount:
            with self.tx() as db:
                self._spend(db, kind, amount, now)

    def _spend(self, db: sqlite3.Connection, kind: str, amount: float, now: float) -> None:
        db.execute(
            "INSERT INTO spend (at, kind, amount, platform) VALUES (?, ?, ?, ?)",
            (now, kind, amount, self.platform),
        )

    def spent_since(self, since: float) -> float:
        """This platform's spend since `since`: each platform has its own budget."""
        rows = self._q(
            "SELECT COALESCE(SUM(amount), 0) AS s FROM spend WHERE at >= ? AND platform = ?",
            (since, self.platform),
        )
        return float(rows[0]["s"])

    def spent_by_kind(self, since: float) -> dict[str, float]:
        rows = self._q(
            "SELECT kind, SUM(amount) AS s FROM spend WHERE at >= ? AND platform = ? GROUP BY kind",
            (since, self.platform),
        )
        return {r["kind"]: float(r["s"]) for r in rows}

    def pause(self, endpoint: str, until: float, reason: str, *, now: float) -> Pause:
        with self.tx() as db:
            db.execute(
                "INSERT INTO pause_log (at, endpoint, until, reason, platform) "
                "VALUES (?, ?, ?, ?, ?)",
                (now, endpoint, until, reason, self.platform),
            )
            db.execute(
                "INSERT INTO pauses (platform, endpoint, until, reason, strikes) "
                "VALUES (?, ?, ?, ?, 1) ON CONFLICT(platform, endpoint) DO UPDATE "
                "SET until = excluded.until, reason = excluded.reason, "
                "strikes = strikes + 1",
                (self.platform, endpoint, until, reason),
            )
        return self.pauses()[endpoint]

    def clear_pause(self, endpoint: str) -> None:
        with self.tx() as db:
            db.execute(
                "DELETE FROM pauses WHERE platform = ? AND endpoint = ?", (self.platform, endpoint)
            )

    def pauses(self) -> dict[str, Pause]:
        rows = self._q("SELECT * FROM pauses WHERE platform = ?", (self.platform,))
        return {r["endpoint"]: Pause(**dict(r)) for r in rows}
