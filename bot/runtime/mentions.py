"""Use cases: read new mentions and decide each once; send the queued replies.

A mention's text lives only in memory while it is decided: the store keeps its id, the
decision and the reply we will send, and the log never shows where a protected person is.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.platforms.base import Account, Mention, PlatformError
from bot.policy.decide import AuthorState, decide
from bot.runtime import language
from bot.runtime.logs import event

if TYPE_CHECKING:
    from bot.runtime.engine import Engine


def read_mentions(e: Engine) -> None:
    if e.stopping.is_set() or e.guard.paused("mentions") or e.guard.paused("me"):
        return
    sched = e.config.schedule
    if not e.spending.afford(sched, "mention_read"):
        return
    price = e.price("mention_read")

    def on_page(n: int) -> bool:
        # Each page is paid for as it arrives, so a read cut short still counts, and the
        # budget can stop a long read between pages.
        e.store.spend("mention_read", price * n, now=e.clock())
        return not e.stopping.is_set() and e.spending.afford(sched, "mention_read")

    try:
        me = e.me()
        cursor = e.store.get_meta("mentions_since")
        first = e.store.get_meta("mentions_started") is None
        batch = e.guard.call("mentions", lambda: e.platform.mentions(cursor, on_page))
    except PlatformError:
        return
    now = e.clock()
    for m in batch:
        if e.store.mention_known(m.id):
            continue
        try:
            _decide(e, m, me, first, now)
        except Exception as exc:
            # One mention that trips a bug must not block every later one; it gets
            # no reply, and the reason says so.
            e.store.record_mention(m.id, m.author_id, "skip", "error", None, None, now=now)
            event(logging.ERROR, "mention not handled", mention=m.id, error=type(exc).__name__)
    if batch:
        last = batch[-1]
        e.store.set_meta(
            "mentions_since",
            last.cursor
            or (
                # Numeric order without int(): an id of thousands of digits is refused by
                # int(), and would stop every later read.
                max(batch, key=lambda m: (len(m.id), m.id)).id
                if all(m.id.isascii() and m.id.isdigit() for m in batch)
                else last.id
            ),
        )
    if first:
        e.store.set_meta("mentions_started", str(now))


def _decide(e: Engine, m: Mention, me: Account, first: bool, now: float) -> None:
    ms = e.config.schedule.mentions
    if m.author_id == me.id:
        e.store.record_mention(m.id, m.author_id, "skip", "own-post", None, None, now=now)
        return
    if first and m.created_at.timestamp() < now - ms.first_start_cutoff:
        e.store.record_mention(m.id, m.author_id, "skip", "before-first-start", None, None, now=now)
        return
    opted, cooling, looping = e.store.author_state(
        m.author_id, now, ms.author_cooldown, ms.loop_limit
    )
    lang, _ = language.choose(m.lang, m.text)
    d = decide(
        m.text,
        author_handle=m.author_username,
        mention_id=m.id,
        lang=lang,
        author_location=m.author_location,
        state=AuthorState(opted, cooling, looping),
        library=e.config.replies,
        protect_mode="silent" if ms.protect == "silent" else "neutral",
        limit=e.platform.limit,
    )
    age = now - m.created_at.timestamp()
    if d.reply is not None and age > ms.reply_within:
        # Read only now (an outage, a failing endpoint): answering a days-old mention looks
        # broken, so it gets what a reply queued that long gets. An opt-out still counts.
        e.store.record_mention(m.id, m.author_id, "skip", "expired", None, None, d.opt_out, now=now)
        event(
            logging.INFO,
            "mention too old to answer",
            mention=m.id,
            age=_span(age),
            reply_within=_span(ms.reply_within),
        )
        return
    e.store.record_mention(
        m.id,
        m.author_id,
        d.policy,
        d.reason,
        d.country,
        d.reply,
        d.opt_out,
        now=now,
        language=d.language,
    )
    fields: dict[str, Any] = {"mention": m.id, "policy": d.policy, "reason": d.reason}
    if d.policy == "reply":  # a protected person's location is never logged
        fields.update(country=d.country or "", language=d.language)
    event(logging.INFO, "mention", **fields)


def send_pending(e: Engine) -> None:
    sched = e.config.schedule
    if e.stopping.is_set() or not e.outbox.settle("reply", sched.mentions.reply_within):
        return
    for row in e.store.pending_replies():
        if e.stopping.is_set() or e.guard.paused("post"):
            return
        if row.opted_out:
            # An opt-out is honoured at once, also for replies still queued.
            e.store.drop_pending(row.mention_id)
            continue
        waited = e.clock() - row.seen_at
        if waited > sched.mentions.reply_within:
            # After a long outage or a budget raise, a burst of day-old replies would
            # look broken and may reach people who have moved on.
            e.store.drop_pending(row.mention_id, "expired")
            event(
                logging.INFO,
                "queued reply dropped: waited too long",
                mention=row.mention_id,
                waited=_span(waited),
                reply_within=_span(sched.mentions.reply_within),
            )
            continue
        if not e.spending.afford(sched, "reply"):
            return
        attempt = e.store.begin_reply(
            e.key(f"reply:{row.mention_id}"),
            row.reply_text,
            row.mention_id,
            e.price("reply"),
            now=e.clock(),
            language=row.language,
        )
        if attempt is None:
            # Attempted before: a settled one only needs its mention brought in line;
            # an open one belongs to settle().
            e.store.align_mention(e.key(f"reply:{row.mention_id}"))
            continue
        if e.outbox.send(attempt) in ("not-sent", "unknown") or e.guard.paused("post"):
            return  # the endpoint is paused now; the rest waits for a later tick


def _span(seconds: float) -> str:
    """ "45s", "12m", "3.5h", "2.1d": a log field a person reads at a glance."""
    if seconds < 120:
        return f"{seconds:.0f}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f}m"
    if seconds < 172800:
        return f"{seconds / 3600:.1f}h"
    return f"{seconds / 86400:.1f}d"
