"""What the bot does on each tick: post a slot, read mentions, resolve unknowns.

No scheduler here (bot.daemon wires APScheduler); all IO goes through the
Platform and the Store, so the rules stay readable and testable end to end.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from bot.content.config import Config
from bot.content.model import Slot
from bot.content.textrules import links
from bot.platforms.base import (
    Account,
    AuthFailed,
    Duplicate,
    Mention,
    NotAllowed,
    OutOfCredits,
    Platform,
    PlatformError,
    RateLimited,
    Unavailable,
)
from bot.policy import rotation
from bot.policy.replies import AuthorState, decide
from bot.runtime.logs import event
from bot.runtime.store import Attempt, Store

T = TypeVar("T")
# An outcome still unknown after this long is not re-sent: X's duplicate check may
# have forgotten the text by then, and a double post is worse than a missing one.
GIVE_UP_UNKNOWN = 12 * 3600.0
ALL = "all"  # pause key for failures that stop every call (bad keys)


class Engine:
    def __init__(self, platform: Platform, store: Store, config: Config,
                 clock: Callable[[], float] = time.time) -> None:
        self.platform = platform
        self.store = store
        self.config = config
        self.clock = clock
        self.stopping = threading.Event()
        # One send at a time: a resend that resolves an unknown outcome must never
        # race a fresh call for the same text.
        self._send_lock = threading.Lock()
        self._me: Account | None = None
        self._budget_logged: set[str] = set()

    # -- calls, pauses, budget
    def _paused(self, endpoint: str) -> bool:
        now = self.clock()
        for key in (endpoint, ALL):
            p = self.store.pauses().get(key)
            if p and p.until > now:
                return True
        return False

    def _call(self, endpoint: str, fn: Callable[[], T]) -> T:
        """Run one platform call, turning its failures into pauses and one log line."""
        try:
            result = fn()
        except RateLimited as e:
            now = self.clock()
            strikes = self.store.pauses().get(endpoint)
            backoff = min(900.0, 60.0 * 2 ** (strikes.strikes if strikes else 0))
            until = e.reset_at if e.reset_at and e.reset_at > now else now + backoff
            self.store.pause(endpoint, until, "rate limited")
            event(logging.WARNING, "rate limited: waiting", endpoint=endpoint,
                  until=_iso(until), reset_header=e.reset_at is not None)
            raise
        except AuthFailed:
            self.store.pause(ALL, self.clock() + 1800, "credentials rejected")
            event(logging.ERROR, "X rejected the credentials: check the four X_ keys and the "
                  "app's read+write permission; pausing all calls for 30 min", endpoint=endpoint)
            raise
        except OutOfCredits:
            for key in {"post", endpoint}:  # reading mentions is paid for too
                self.store.pause(key, self.clock() + 3600, "out of credits")
            event(logging.ERROR, "X says the account is out of credits (402): posting paused "
                  "for 1 h; add credits in the developer console", endpoint=endpoint)
            raise
        except Unavailable as e:
            p = self.store.pauses().get(endpoint)
            backoff = min(300.0, 2.0 * 2 ** (p.strikes if p else 0))
            self.store.pause(endpoint, self.clock() + backoff, "unavailable")
            event(logging.WARNING, "platform unavailable: backing off", endpoint=endpoint,
                  seconds=round(backoff), outcome="unknown" if e.maybe_sent else "not sent",
                  error=str(e)[:120])
            raise
        else:
            if endpoint in self.store.pauses():
                self.store.clear_pause(endpoint)
            self._save_rate_limits()
            return result

    def _save_rate_limits(self) -> None:
        get = getattr(self.platform, "rate_limits", None)
        if get is not None:
            state = {k: asdict(v) for k, v in get().items()}
            self.store.set_meta("rate_limits", json.dumps(state))

    def month_start(self) -> float:
        now = dt.datetime.fromtimestamp(self.clock(), self.config.schedule.tz)
        return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0).timestamp()

    def _afford(self, kind: str, price: float) -> bool:
        budget = self.config.schedule.limits.monthly_budget_usd
        if budget is None:
            return True
        spent = self.store.spent_since(self.month_start())
        if spent + price <= budget + 1e-9:
            self._budget_logged.discard(kind)
            return True
        if kind not in self._budget_logged:  # say it once, not on every tick
            self._budget_logged.add(kind)
            event(logging.WARNING, "monthly budget reached: not making this kind of call",
                  kind=kind, spent_usd=round(spent, 3), budget_usd=budget)
        return False

    def me(self) -> Account:
        if self._me is None:
            self._me = self._call("me", self.platform.whoami)
        return self._me

    # -- unknown outcomes
    def resolve(self, kind: str) -> bool:
        """Settle every attempt whose outcome is unknown; True when none is left.

        Re-sends the identical text: the platform rejects a duplicate, which tells
        us the first one went out. Never sends different text.
        """
        for a in self.store.unresolved(kind):
            if self.stopping.is_set() or self._paused("post"):
                return False
            if self.clock() - a.created_at > GIVE_UP_UNKNOWN:
                self._finish(a, "failed", None, "outcome unknown too long; not re-sent")
                continue
            if a.kind == "reply" and a.reply_to and self.store.reply_opted_out(a.reply_to):
                self._finish(a, "failed", None, "author opted out; not re-sent")
                continue
            send = _poster(self.platform, a.text, a.reply_to)
            try:
                rid = self._call("post", send)
            except Duplicate:
                self._finish(a, "done", None, "confirmed: already posted")
            except NotAllowed as e:
                self._finish(a, "failed", None, f"not allowed: {e}"[:200])
            except PlatformError:
                return False
            else:
                self._finish(a, "done", rid, "resent after unknown outcome")
        return True

    def _finish(self, a: Attempt, status: str, remote_id: str | None, detail: str) -> None:
        self.store.finish_attempt(a.key, status, remote_id, detail)
        event(logging.INFO, f"{a.kind} {status}", key=a.key, item=a.item_id,
              remote_id=remote_id or "", detail=detail)

    # -- posting
    def run_slot(self, slot: Slot) -> None:
        with self._send_lock:
            self._run_slot(slot)

    def _run_slot(self, slot: Slot) -> None:
        if self.stopping.is_set():
            return  # a slot that was waiting for the lock when SIGTERM came
        now = self.clock()
        self.store.set_last_fire(slot.name, now)
        limits = self.config.schedule.limits
        if not self.resolve("post"):
            event(logging.WARNING, "slot skipped: an earlier post's outcome is still unknown",
                  slot=slot.name)
            return
        if self._paused("post"):
            event(logging.INFO, "slot skipped: posting is paused", slot=slot.name)
            return
        day_start = dt.datetime.fromtimestamp(now, self.config.schedule.tz).replace(
            hour=0, minute=0, second=0, microsecond=0).timestamp()
        if limits.posts_per_day and self.store.count_done("post", day_start) >= \
                limits.posts_per_day:
            event(logging.INFO, "slot skipped: daily post limit reached", slot=slot.name,
                  limit=limits.posts_per_day)
            return
        today = dt.datetime.fromtimestamp(now, self.config.schedule.tz).date()
        pool = rotation.pool_key(slot)
        choice = rotation.choose(
            rotation.eligible(self.config.library.posts, slot, today),
            self.store.rotation_used(pool),
            self.store.texts_since(now - rotation.REPEAT_WINDOW),
            seed=f"{slot.name}:{int(now)}",
        )
        post = choice.post
        if post is None:
            event(logging.INFO, "slot skipped: " + choice.reason, slot=slot.name)
            return
        if self.stopping.is_set():
            return
        prices = limits.prices
        price = prices["post_with_url"] if links(post.text) else prices["post"]
        if not self._afford("post", price):
            return
        key = f"post:{slot.name}:{now:.6f}"
        self.store.begin_attempt(key, "post", post.id, post.text, now=now)
        self.store.set_rotation_used(pool, choice.used)
        self.store.spend("post", price)
        self._send(key, "post", post.id, post.text, None)

    def _send(self, key: str, kind: str, item_id: str | None, text: str,
              reply_to: str | None) -> str:
        """Make the call recorded under `key`; return its outcome.

        'done', 'duplicate' (went out earlier), 'not-allowed', 'unknown' (may have
        gone out: resolve() settles it), 'not-sent' (safe to try again) or 'failed'.
        """
        try:
            rid = self._call("post", lambda: self.platform.post(text, reply_to))
        except Duplicate:
            self.store.finish_attempt(key, "done", None, "duplicate: the text already went out")
            outcome = "duplicate"
        except NotAllowed as e:
            self.store.finish_attempt(key, "failed", None, str(e)[:200])
            outcome = "not-allowed"
        except Unavailable as e:
            if e.maybe_sent:
                self.store.finish_attempt(key, "unknown", None, str(e)[:200])
                outcome = "unknown"
            else:
                outcome = self._not_sent(key, kind, str(e)[:200])
        except AuthFailed as e:
            # A reply refused with an unrecognised 403 (the author blocked the bot, say)
            # must not come back first in the queue after every pause: it fails.
            self.store.finish_attempt(key, "failed", None, type(e).__name__)
            outcome = "failed"
        except (RateLimited, OutOfCredits) as e:
            # The platform refused before acting: nothing went out.
            outcome = self._not_sent(key, kind, type(e).__name__)
        except PlatformError as e:
            self.store.finish_attempt(key, "failed", None, type(e).__name__)
            outcome = "failed"
        else:
            self.store.finish_attempt(key, "done", rid)
            event(logging.INFO, "posted" if kind == "post" else "replied", item=item_id or "",
                  remote_id=rid, **({"in_reply_to": reply_to} if reply_to else {}))
            return "done"
        event(logging.INFO, f"{kind} {outcome}", key=key, item=item_id or "")
        return outcome

    def _not_sent(self, key: str, kind: str, detail: str) -> str:
        if kind == "reply":
            self.store.release_attempt(key)  # the mention stays pending for a later tick
        else:
            self.store.finish_attempt(key, "failed", None, detail)  # this slot is lost
        return "not-sent"

    # -- mentions
    def read_mentions(self) -> None:
        try:
            self._read_mentions()
        finally:
            # Queued replies and unknown outcomes are settled even when reading fails.
            self.send_pending()

    def _read_mentions(self) -> None:
        if self.stopping.is_set() or self._paused("mentions") or self._paused("me"):
            return
        prices = self.config.schedule.limits.prices
        if not self._afford("mention_read", prices["mention_read"]):
            return
        try:
            me = self.me()
            cursor = self.store.get_meta("mentions_since")
            first = self.store.get_meta("mentions_started") is None
            batch = self._call("mentions", lambda: self.platform.mentions(cursor))
        except PlatformError:
            return
        now = self.clock()
        self.store.spend("mention_read", prices["mention_read"] * len(batch))
        for m in batch:
            if self.store.mention_known(m.id):
                continue
            try:
                self._handle(m, me, first, now)
            except Exception as e:
                # One mention that trips a bug must not block every later one; it gets
                # no reply, and the reason says so.
                self.store.record_mention(m.id, m.author_id, "skip", "error", None, None)
                event(logging.ERROR, "mention not handled", mention=m.id,
                      error=type(e).__name__)
        if batch:
            self.store.set_meta("mentions_since", max(batch, key=lambda m: int(m.id)).id
                                if all(m.id.isdigit() for m in batch) else batch[-1].id)
        if first:
            self.store.set_meta("mentions_started", str(now))

    def _handle(self, m: Mention, me: Account, first: bool, now: float) -> None:
        ms = self.config.schedule.mentions
        if m.author_id == me.id:
            self.store.record_mention(m.id, m.author_id, "skip", "own-post", None, None)
            return
        if first and m.created_at.timestamp() < now - ms.first_start_cutoff:
            self.store.record_mention(m.id, m.author_id, "skip", "before-first-start",
                                      None, None)
            return
        opted, cooling, looping = self.store.author_state(
            m.author_id, now, ms.author_cooldown, ms.loop_limit)
        d = decide(m.text, author_handle=m.author_username, mention_id=m.id, lang=m.lang,
                   author_location=m.author_location,
                   state=AuthorState(opted, cooling, looping),
                   library=self.config.replies,
                   protect_mode="silent" if ms.protect == "silent" else "neutral")
        self.store.record_mention(m.id, m.author_id, d.policy, d.reason, d.country,
                                  d.reply, d.opt_out, now=now)
        fields: dict[str, Any] = {"mention": m.id, "policy": d.policy, "reason": d.reason}
        if d.policy == "reply":  # a protected person's location is never logged
            fields.update(country=d.country or "", language=d.language)
        event(logging.INFO, "mention", **fields)

    def send_pending(self) -> None:
        with self._send_lock:
            if self.stopping.is_set() or not self.resolve("reply"):
                return
            price = self.config.schedule.limits.prices["reply"]
            for row in self.store.pending_replies():
                if self.stopping.is_set() or self._paused("post"):
                    return
                if row["opted_out"]:
                    # An opt-out is honoured at once, also for replies still queued.
                    self.store.drop_pending(row["id"])
                    continue
                if not self._afford("reply", price):
                    return
                key = f"reply:{row['id']}"
                if not self.store.begin_attempt(key, "reply", None, row["reply_text"],
                                                reply_to=row["id"], now=self.clock()):
                    # Attempted before: settled ones only need the mention brought in
                    # line; open ones belong to resolve().
                    a = self.store.attempt(key)
                    if a and a.status in ("done", "failed"):
                        self.store.finish_attempt(key, a.status, a.remote_id, a.detail)
                    continue
                self.store.spend("reply", price)
                if self._send(key, "reply", None, row["reply_text"], row["id"]) in (
                        "not-sent", "unknown") or self._paused("post"):
                    return  # the endpoint is paused now; the rest waits for a later tick


def _poster(platform: Platform, text: str, reply_to: str | None) -> Callable[[], str]:
    return lambda: platform.post(text, reply_to)


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
