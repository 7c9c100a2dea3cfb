"""The store's mention and author rows: one decision per mention, opt-outs, cooldowns.

A mixin of Store (bot/runtime/store.py), apart only to keep each module short. Every
query reads and writes the rows of the store's own platform.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import Any

from bot.runtime.schema import PendingReply


class MentionRows:
    platform: str

    def _q(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError  # Store's

    def tx(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # Store's

    def mention_known(self, mention_id: str) -> bool:
        return bool(
            self._q(
                "SELECT 1 FROM mentions WHERE platform = ? AND id = ?", (self.platform, mention_id)
            )
        )

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
                "INSERT OR IGNORE INTO mentions (platform, id, author_id, seen_at, policy, "
                "reason, country, reply_text, status, language) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.platform,
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
                    "INSERT INTO authors (platform, author_id, opted_out_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(platform, author_id) DO UPDATE SET opted_out_at = "
                    "COALESCE(opted_out_at, excluded.opted_out_at)",
                    (self.platform, author_id, now),
                )
            if cur.rowcount and reply_text:
                # The cooldown starts at the decision, so a burst of mentions gets one reply.
                db.execute(
                    "INSERT INTO authors (platform, author_id, last_reply_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(platform, author_id) DO UPDATE SET last_reply_at = "
                    "excluded.last_reply_at",
                    (self.platform, author_id, now),
                )
            return cur.rowcount == 1

    def pending_replies(self) -> list[PendingReply]:
        rows = self._q(
            "SELECT m.id, m.author_id, m.reply_text, m.seen_at, m.language, "
            "a.opted_out_at IS NOT NULL AS opted_out "
            "FROM mentions m LEFT JOIN authors a ON a.platform = m.platform "
            "AND a.author_id = m.author_id "
            "WHERE m.platform = ? AND m.status = 'pending' ORDER BY m.seen_at, m.id",
            (self.platform,),
        )
        return [
            PendingReply(
                r["id"],
                r["author_id"],
                r["reply_text"],
                bool(r["opted_out"]),
                r["seen_at"],
                r["language"],
            )
            for r in rows
        ]

    def drop_pending(self, mention_id: str, reason: str = "opted-out") -> None:
        """A queued reply that must not go out: the author opted out meanwhile, or it
        waited past mentions.reply_within ("expired")."""
        with self.tx() as db:
            db.execute(
                "UPDATE mentions SET status = 'none', reason = ? "
                "WHERE platform = ? AND id = ? AND status = 'pending'",
                (reason, self.platform, mention_id),
            )

    def reply_opted_out(self, mention_id: str) -> bool:
        return bool(
            self._q(
                "SELECT 1 FROM mentions m JOIN authors a ON a.platform = m.platform AND "
                "a.author_id = m.author_id WHERE m.platform = ? AND m.id = ? "
                "AND a.opted_out_at IS NOT NULL",
                (self.platform, mention_id),
            )
        )

    def author_state(
        self, author_id: str, now: float, cooldown: float, loop_limit: int
    ) -> tuple[bool, bool, bool]:
        """(opted_out, in_cooldown, looping) for one author."""
        rows = self._q(
            "SELECT opted_out_at, last_reply_at FROM authors WHERE platform = ? AND author_id = ?",
            (self.platform, author_id),
        )
        opted = bool(rows and rows[0]["opted_out_at"] is not None)
        last = rows[0]["last_reply_at"] if rows else None
        # A reply dated in the future comes from a clock that ran ahead: it would hold
        # the author in cooldown for as long, so it is not counted.
        cooling = last is not None and 0 <= now - last < cooldown
        n = self._q(
            "SELECT COUNT(*) AS n FROM mentions WHERE platform = ? AND author_id = ? "
            "AND seen_at >= ? AND seen_at <= ?",
            (self.platform, author_id, now - 3600, now),
        )[0]["n"]
        return opted, cooling, loop_limit > 0 and n >= loop_limit

    def mention_counts(self) -> dict[str, int]:
        rows = self._q(
            "SELECT policy || ':' || status AS k, COUNT(*) AS n FROM mentions GROUP BY k"
        )
        return {r["k"]: int(r["n"]) for r in rows}
