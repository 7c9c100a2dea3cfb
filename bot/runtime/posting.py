"""Use case: a slot fires and one approved post goes out (or the reason it does not)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from bot.content.model import Slot
from bot.content.textrules import links
from bot.policy import rotation
from bot.policy.timing import day_start
from bot.runtime.logs import event

if TYPE_CHECKING:
    from bot.runtime.engine import Engine


def run_slot(e: Engine, slot: Slot) -> None:
    if e.stopping.is_set():
        return  # a slot that was waiting for the lock when SIGTERM came
    now = e.clock()
    sched = e.config.schedule
    e.store.set_last_fire(slot.name, now)
    if not e.outbox.settle("post"):
        event(
            logging.WARNING,
            "slot skipped: an earlier post's outcome is still unknown",
            slot=slot.name,
        )
        return
    if e.guard.paused("post"):
        event(logging.INFO, "slot skipped: posting is paused", slot=slot.name)
        return
    limit = sched.limits.posts_per_day
    if limit and e.store.count_not_failed("post", day_start(now, sched.tz)) >= limit:
        event(logging.INFO, "slot skipped: daily post limit reached", slot=slot.name, limit=limit)
        return
    pool = rotation.pool_key(slot)
    choice = rotation.pick(
        e.config.library.posts,
        slot,
        now,
        dt.datetime.fromtimestamp(now, sched.tz).date(),
        e.store.rotation_used(pool),
        e.store.post_history(rotation.history_since(now, sched.min_gap)),
        sched.min_gap,
    )
    if choice.crowded and slot.name not in e.said_crowded:
        e.said_crowded.add(slot.name)  # once per slot and run: the library will not grow
        event(
            logging.WARNING,
            "library too small for rotation.min_gap: the post out longest ago goes again",
            slot=slot.name,
        )
    post = choice.post
    if post is None:
        event(logging.INFO, "slot skipped: " + choice.reason, slot=slot.name)
        return
    if e.stopping.is_set():
        return
    kind = "post_with_url" if links(post.text) else "post"
    if not e.spending.afford(sched, kind):
        return
    # The attempt, the rotation's new state and the spend are one decision: one transaction.
    attempt = e.store.begin_post(
        f"post:{slot.name}:{now:.6f}",
        post.id,
        post.text,
        pool,
        choice.used,
        kind,
        sched.limits.prices[kind],
        now=now,
    )
    e.outbox.send(attempt)
