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

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.policy.rotation import Sent
from bot.runtime.schema import Attempt, Pause, PendingReply, open_database


class Store:
    def __init__(self, path: Path, create: bool = True) -> None:
        """Open (or, with `create`, make) the state at `path`; StoreError when it is not a
        state database, cannot be written, or is missing and `create` is False."""
        self.path = path
        self._lock = threading.RLock()
        self._db = open_database(path, create)

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
    def get_meta(self, key: str) -> str | None:
        rows = self._q("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value",
                (key, value),
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

    def begin_post(
        self,
        key: str,
        item_id: str,
        text: str,
        pool: str,
        used: dict[str, int],
        spend_kind: str,
        price: float,
        *,
        now: float,
    ) -> Attempt:
        """A slot's decision in one transaction: the attempt, the rotation's state after
        this pick and the spend, so a crash leaves all three or none."""
        with self.tx() as db:
            self._insert_attempt(db, key, "post", item_id, text, None, now)
            db.execute(
                "INSERT INTO rotation VALUES (?, ?) ON CONFLICT(pool) DO UPDATE SET "
                "used = excluded.used",
                (pool, json.dumps(used, sort_keys=True)),
            )
            if price:
                db.execute("INSERT INTO spend VALUES (?, ?, ?)", (now, spend_kind, price))
        return Attempt(key, "post", item_id, text, None, "attempting", None, None, now, now)

    def begin_reply(
        self, key: str, text: str, reply_to: str, price: float, *, now: float
    ) -> Attempt | None:
        """The attempt and its spend in one transaction; None if `key` was ever attempted."""
        with self.tx() as db:
            if not self._insert_attempt(db, key, "reply", None, text, reply_to, now):
                return None
            if price:
                db.execute("INSERT INTO spend VALUES (?, ?, ?)", (now, "reply", price))
        return Attempt(key, "reply", None, text, reply_to, "attempting", None, None, now, now)

    @staticmethod
    def _insert_attempt(
        db: sqlite3.Connection,
        key: str,
        kind: str,
        item_id: str | None,
        text: str,
        reply_to: str | None,
        now: float,
    ) -> bool:
        cur = db.execute(
            "INSERT OR IGNORE INTO attempts VALUES (?, ?, ?, ?, ?, 'attempting', NULL, NULL, ?, ?)",
            (key, kind, item_id, text, reply_to, now, now),
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
                    "UPDATE mentions SET status = ? WHERE id = (SELECT reply_to FROM "
                    "attempts WHERE key = ? AND kind = 'reply')",
                    (mention_status, key),
                )

    def align_mention(self, key: str) -> None:
        """Bring a reply's mention in line with its settled attempt (after a crash between
        the two writes of an older version)."""
        with self.tx() as db:
            db.execute(
                "UPDATE mentions SET status = CASE a.status WHEN 'done' THEN 'sent' "
                "ELSE 'failed' END FROM attempts a WHERE a.key = ? AND a.kind = 'reply' "
                "AND a.status IN ('done', 'failed') AND mentions.id = a.reply_to",
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
        sql = "SELECT * FROM attempts WHERE status IN ('attempting', 'unknown')"
        args: tuple[Any, ...] = ()
        if kind:
            sql += " AND kind = ?"
            args = (kind,)
        return [Attempt(**dict(r)) for r in self._q(sql + " ORDER BY created_at", args)]

    def recent_attempts(self, limit: int = 20, kind: str | None = None) -> list[Attempt]:
        sql = "SELECT * FROM attempts"
        args: tuple[Any, ...] = ()
        if kind:
            sql += " WHERE kind = ?"
            args = (kind,)
        rows = self._q(sql + " ORDER BY created_at DESC, rowid DESC LIMIT ?", (*args, limit))
        return [Attempt(**dict(r)) for r in rows]

    def post_history(self, since: float) -> list[Sent]:
        """Posts that went out (or may have) since `since`, oldest first."""
        rows = self._q(
            "SELECT created_at, item_id, text FROM attempts WHERE kind = 'post' AND "
            "created_at >= ? AND status != 'failed' ORDER BY created_at",
            (since,),
        )
        return [Sent(r["created_at"], r["item_id"], r["text"]) for r in rows]

    def count_not_failed(self, kind: str, since: float) -> int:
        """Attempts since `since` that went out or may have: what a daily limit counts."""
        rows = self._q(
            "SELECT COUNT(*) AS n FROM attempts WHERE kind = ? AND created_at >= ? "
            "AND status != 'failed'",
            (kind, since),
        )
        return int(rows[0]["n"])

    # -- mentions and authors
    def mention_known(self, mention_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM mentions WHERE id = ?", (mention_id,)))

    def record_mention(
        self,
        mention_id: str,
        author_id: str,
        policy: str,
        reason: str,
        country: str | None,
        reply_text: str | None,
        opt_out: bool = False,
        *,
        now: float,
        language: str | None = None,
    ) -> bool:
        """Record the decision once; False if this mention was already handled. Country
        and language are kept for replies only: never where a protected person is."""
        status = "pending" if reply_text else "none"
        with self.tx() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO mentions (id, author_id, seen_at, policy, reason, "
                "country, reply_text, status, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    mention_id,
                    author_id,
                    now,
                    policy,
                    reason,
                    None if policy == "protect" else country,
                    reply_text,
                    status,
                    language if policy == "reply" else None,
                ),
            )
            if cur.rowcount and opt_out:
                db.execute(
                    "INSERT INTO authors (author_id, opted_out_at) VALUES (?, ?) "
                    "ON CONFLICT(author_id) DO UPDATE SET opted_out_at = "
                    "COALESCE(opted_out_at, excluded.opted_out_at)",
                    (author_id, now),
                )
            if cur.rowcount and reply_text:
                # The cooldown starts at the decision, so a burst of mentions gets one reply.
                db.execute(
                    "INSERT INTO authors (author_id, last_reply_at) VALUES (?, ?) "
                    "ON CONFLICT(author_id) DO UPDATE SET last_reply_at = "
                    "excluded.last_reply_at",
                    (author_id, now),
                )
            return cur.rowcount == 1

    def pending_replies(self) -> list[PendingReply]:
        rows = self._q(
            "SELECT m.id, m.author_id, m.reply_text, m.seen_at, "
            "a.opted_out_at IS NOT NULL AS opted_out "
            "FROM mentions m LEFT JOIN authors a ON a.author_id = m.author_id "
            "WHERE m.status = 'pending' ORDER BY m.seen_at, m.id"
        )
        return [
            PendingReply(
                r["id"], r["author_id"], r["reply_text"], bool(r["opted_out"]), r["seen_at"]
            )
            for r in rows
        ]

    def drop_pending(self, mention_id: str, reason: str = "opted-out") -> None:
        """A queued reply that must not go out: the author opted out meanwhile, or it
        waited past mentions.reply_within ("expired")."""
        with self.tx() as db:
            db.execute(
                "UPDATE mentions SET status = 'none', reason = ? "
                "WHERE id = ? AND status = 'pending'",
                (reason, mention_id),
            )

    def reply_opted_out(self, mention_id: str) -> bool:
        return bool(
            self._q(
                "SELECT 1 FROM mentions m JOIN authors a ON a.author_id = "
                "m.author_id WHERE m.id = ? AND a.opted_out_at IS NOT NULL",
                (mention_id,),
            )
        )

    def clear_pauses(self, reasons: tuple[str, ...]) -> list[str]:
        """Drop pauses a person fixes outside the bot (keys, credits): a restart retries."""
        marks = ",".join("?" * len(reasons))
        with self.tx() as db:
            rows = db.execute(
                f"SELECT endpoint FROM pauses WHERE reason IN ({marks})", reasons
            ).fetchall()
            db.execute(f"DELETE FROM pauses WHERE reason IN ({marks})", reasons)
        return [r[0] for r in rows]

    def author_state(
        self, author_id: str, now: float, cooldown: float, loop_limit: int
    ) -> tuple[bool, bool, bool]:
        """(opted_out, in_cooldown, looping) for one author."""
        rows = self._q(
            "SELECT opted_out_at, last_reply_at FROM authors WHERE author_id = ?", (author_id,)
        )
        opted = bool(rows and rows[0]["opted_out_at"] is not None)
        last = rows[0]["last_reply_at"] if rows else None
        cooling = last is not None and now - last < cooldown
        n = self._q(
            "SELECT COUNT(*) AS n FROM mentions WHERE author_id = ? AND seen_at >= ?",
            (author_id, now - 3600),
        )[0]["n"]
        return opted, cooling, loop_limit > 0 and n >= loop_limit

    def mention_counts(self) -> dict[str, int]:
        rows = self._q(
            "SELECT policy || ':' || status AS k, COUNT(*) AS n FROM mentions GROUP BY k"
        )
        return {r["k"]: int(r["n"]) for r in rows}

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
                db.execute("INSERT INTO spend VALUES (?, ?, ?)", (now, kind, amount))

    def spent_since(self, since: float) -> float:
        return float(
            self._q("SELECT COALESCE(SUM(amount), 0) AS s FROM spend WHERE at >= ?", (since,))[0][
                "s"
            ]
        )

    def spent_by_kind(self, since: float) -> dict[str, float]:
        rows = self._q(
            "SELECT kind, SUM(amount) AS s FROM spend WHERE at >= ? GROUP BY kind", (since,)
        )
        return {r["kind"]: float(r["s"]) for r in rows}

    def pause(self, endpoint: str, until: float, reason: str, *, now: float) -> Pause:
        with self.tx() as db:
            db.execute("INSERT INTO pause_log VALUES (?, ?, ?, ?)", (now, endpoint, until, reason))
            db.execute(
                "INSERT INTO pauses VALUES (?, ?, ?, 1) ON CONFLICT(endpoint) DO UPDATE "
                "SET until = excluded.until, reason = excluded.reason, "
                "strikes = strikes + 1",
                (endpoint, until, reason),
            )
        return self.pauses()[endpoint]

    def clear_pause(self, endpoint: str) -> None:
        with self.tx() as db:
            db.execute("DELETE FROM pauses WHERE endpoint = ?", (endpoint,))

    def pauses(self) -> dict[str, Pause]:
        return {r["endpoint"]: Pause(**dict(r)) for r in self._q("SELECT * FROM pauses")}
