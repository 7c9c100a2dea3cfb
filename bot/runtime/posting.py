"""Use case: a slot fires and one approved post goes out on every platform it names (or
the reason it does not).

One pick per slot run, whatever the number of platforms: the rotation's state, every
platform's attempt and their spend are one transaction, so a crash leaves all or none.
Then each platform sends on its own thread, so one that is down or slow delays no other.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING

from bot.content.model import Post, Slot
from bot.content.textrules import links
from bot.policy import rotation
from bot.policy.timing import day_start
from bot.runtime.logs import event
from bot.runtime.store import PostTarget

if TYPE_CHECKING:
    from bot.runtime.engine import Engine

# From the pick to its attempts, one slot run at a time: two at once (a missed slot
# caught up beside the regular run, or two slots sharing a cycle) would read the same
# rotation state and spend, pick the same post in the same second, and send it twice
# under two attempt keys (X refuses the second; Mastodon and Bluesky would post it).
_DECIDING = threading.Lock()


def run_slot(e: Engine, slot: Slot) -> None:
    """One platform's slot run (the single-platform case of run_slot_on)."""
    run_slot_on([e], slot)


def run_slot_on(engines: list[Engine], slot: Slot) -> None:
    """The slot's run on `engines` (each holds its own send lock while it sends)."""
    if not engines or engines[0].stopping.is_set():
        return  # a slot that was waiting for the lock when SIGTERM came
    lead = engines[0]
    now = lead.clock()
    lead.store.set_last_fire(slot.name, now)
    ready = [e for e in engines if _ready(e, slot, now)]
    if not ready:
        return
    with _DECIDING:
        picked = _pick(lead, slot, now)
        if picked is None or lead.stopping.is_set():
            return
        post, used = picked
        kind = "post_with_url" if links(post.text) else "post"
        paying = [e for e in ready if e.spending.afford(e.config.schedule, kind)]
        if not paying:
            return
        targets = [
            PostTarget(e.store.platform, e.key(f"post:{slot.name}:{now:.6f}"), kind, e.price(kind))
            for e in paying
        ]
        attempts = lead.store.begin_posts(
            targets,
            post.id,
            post.text,
            rotation.pool_key(slot),
            used,
            now=now,
            language=post.lang,
            visibility=slot.visibility,
        )
    if len(paying) == 1:
        paying[0].send_attempt(attempts[0])
        return
    threads = [
        threading.Thread(target=e.send_attempt, args=(a,), name=f"post:{e.platform.name}")
        for e, a in zip(paying, attempts, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _ready(e: Engine, slot: Slot, now: float) -> bool:
    """Whether this platform may post now: earlier outcomes settled, not paused, under
    the daily limit."""
    name = e.platform.name
    with e.send_lock:
        if not e.outbox.settle("post"):
            event(
                logging.WARNING,
                "slot skipped: an earlier post's outcome is still unknown",
                slot=slot.name,
                platform=name,
            )
            return False
    if e.guard.paused("post"):
        event(logging.INFO, "slot skipped: posting is paused", slot=slot.name, platform=name)
        return False
    limit = e.config.schedule.limits.posts_per_day
    today = day_start(now, e.config.schedule.tz)
    if limit and e.store.count_not_failed("post", today, now) >= limit:
        event(
            logging.INFO,
            "slot skipped: daily post limit reached",
            slot=slot.name,
            limit=limit,
            platform=name,
        )
        return False
    return True


def _pick(e: Engine, slot: Slot, now: float) -> tuple[Post, dict[str, int]] | None:
    sched = e.config.schedule
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
    if choice.post is None:
        event(logging.INFO, "slot skipped: " + choice.reason, slot=slot.name)
        return None
    return choice.post, choice.used
