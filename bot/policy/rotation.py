"""Which approved post goes out next. Pure: library + history + clock -> choice.

A cycle holds every eligible post `weight` times. No post repeats until the
cycle is spent, a text is never repeated within 24 h, and the draw inside a
cycle is weighted by what each post has left, from a seed made of the slot and
the time. `pick` is the one entry point: the daemon posts what it returns and
`preview` shows what it returns, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from bot.content.model import Post, Slot

# A text that went out within this many seconds is not chosen again.
REPEAT_WINDOW = 86400.0


@dataclass(frozen=True)
class Sent:
    """One post that went out, or may have (an unknown outcome counts as out)."""

    at: float
    post_id: str | None
    text: str


@dataclass(frozen=True)
class Choice:
    post: Post | None
    used: dict[str, int]  # the pool's cycle state after this choice
    reason: str  # why nothing was chosen, when post is None


def pool_key(slot: Slot) -> str:
    """Slots with the same filters share one cycle, so they do not repeat each other."""
    cats = ",".join(sorted(slot.categories)) if slot.categories else "*"
    return f"{cats}|{slot.language or '*'}"


def eligible(posts: Iterable[Post], slot: Slot, today: dt.date) -> list[Post]:
    return [
        p
        for p in posts
        if p.live(today)
        and (slot.categories is None or p.category in slot.categories)
        and (
            slot.language is None
            or p.lang == slot.language
            or p.lang.split("-")[0] == slot.language
        )
    ]


def choose(
    candidates: list[Post], used: dict[str, int], recent_texts: set[str], seed: str
) -> Choice:
    if not candidates:
        return Choice(None, used, "no approved, unexpired post matches this slot")
    ids = {p.id for p in candidates}
    # Posts deleted or edited out of the pool no longer count towards the cycle.
    used = {k: v for k, v in used.items() if k in ids}
    left = {p.id: p.weight - used.get(p.id, 0) for p in candidates}
    if all(n <= 0 for n in left.values()):
        used, left = {}, {p.id: p.weight for p in candidates}
    pool = [p for p in candidates if left[p.id] > 0 and p.text not in recent_texts]
    if not pool:
        return Choice(None, used, "every remaining post went out within the last 24 h")
    rng = random.Random(seed)
    post = rng.choices(pool, weights=[left[p.id] for p in pool], k=1)[0]
    new_used = dict(used)
    new_used[post.id] = new_used.get(post.id, 0) + 1
    return Choice(post, new_used, "")


def pick(
    posts: Iterable[Post],
    slot: Slot,
    at: float,
    today: dt.date,
    used: dict[str, int],
    history: Iterable[Sent],
) -> Choice:
    """The post `slot` sends at time `at`, given the pool's cycle state and what went out.

    `today` is the local date of `at` in the schedule's time zone (posts' date windows).
    """
    recent = {s.text for s in history if at - s.at <= REPEAT_WINDOW}
    return choose(eligible(posts, slot, today), used, recent, seed=f"{slot.name}:{int(at)}")
