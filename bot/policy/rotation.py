"""Which approved post goes out next. Pure: library + history + clock -> choice.

A cycle holds every eligible post `weight` times. No post repeats until the
cycle is spent, a text is never repeated within 24 h, and the draw inside a
cycle is weighted by what each post has left, from a seed made of the slot and
the time. Across every slot, a post does not go out again within `min_gap` (7 days
by default) of its last posting: when the cycle's remaining posts are all that
recent, one that is not borrows a turn from the next cycle; when every eligible post is that
recent, the one posted longest ago goes out and the choice says the library is too
small for the gap. `pick` is the one entry point: the daemon posts what it returns and
`preview` shows what it returns, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping
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


# A post does not go out again within this long of its last posting, whichever slot.
DEFAULT_MIN_GAP = 7 * 86400.0
_NEVER = float("-inf")


@dataclass(frozen=True)
class Choice:
    post: Post | None
    used: dict[str, int]  # the pool's cycle state after this choice
    reason: str  # why nothing was chosen, when post is None
    # True when every eligible post went out within the gap: the oldest was taken.
    crowded: bool = False


def pool_key(slot: Slot) -> str:
    """Slots with the same filters share one cycle, so they do not repeat each other."""
    cats = ",".join(sorted(slot.categories)) if slot.categories else "*"
    return f"{cats}|{slot.language or '*'}"


def eligible(posts: Iterable[Post], slot: Slot, today: dt.date) -> list[Post]:
    return [p for p in posts if p.live(today) and slot.takes(p.lang, p.category)]


def choose(
    candidates: list[Post],
    used: dict[str, int],
    recent_texts: set[str],
    seed: str,
    last_sent: Mapping[str, float] | None = None,
    at: float = 0.0,
    min_gap: float = 0.0,
) -> Choice:
    if not candidates:
        return Choice(None, used, "no approved, unexpired post matches this slot")
    last = last_sent or {}
    ids = {p.id for p in candidates}
    # Posts deleted or edited out of the pool no longer count towards the cycle.
    used = {k: v for k, v in used.items() if k in ids}
    left = {p.id: p.weight - used.get(p.id, 0) for p in candidates}
    if all(n <= 0 for n in left.values()):
        used, left = {}, {p.id: p.weight for p in candidates}
    allowed = [p for p in candidates if p.text not in recent_texts]
    cycle = [p for p in allowed if left[p.id] > 0]
    if not cycle:
        return Choice(None, used, "every remaining post went out within the last 24 h")
    pool = [p for p in cycle if at - last.get(p.id, _NEVER) >= min_gap]
    weights = [left[p.id] for p in pool]
    if not pool:
        # What the cycle has left went out within the gap: borrow a turn from the next
        # cycle for a post that did not, and keep the cycle's own turns for later.
        pool = [p for p in allowed if at - last.get(p.id, _NEVER) >= min_gap]
        weights = [p.weight for p in pool]
    crowded = not pool
    if pool:
        post = random.Random(seed).choices(pool, weights=weights, k=1)[0]
    else:
        post = min(allowed, key=lambda p: (last.get(p.id, _NEVER), p.id))
    new_used = dict(used)
    new_used[post.id] = new_used.get(post.id, 0) + 1
    return Choice(post, new_used, "", crowded)


def pick(
    posts: Iterable[Post],
    slot: Slot,
    at: float,
    today: dt.date,
    used: dict[str, int],
    history: Iterable[Sent],
    min_gap: float = DEFAULT_MIN_GAP,
) -> Choice:
    """The post `slot` sends at time `at`, given the pool's cycle state and what went out
    (on this platform, from every slot, at least `min_gap` back).

    `today` is the local date of `at` in the schedule's time zone (posts' date windows).
    """
    recent: set[str] = set()
    last: dict[str, float] = {}
    for s in history:
        if at - s.at <= REPEAT_WINDOW:
            recent.add(s.text)
        if s.post_id is not None:
            last[s.post_id] = max(last.get(s.post_id, _NEVER), s.at)
    return choose(
        eligible(posts, slot, today), used, recent, f"{slot.name}:{int(at)}", last, at, min_gap
    )


def history_since(at: float, min_gap: float) -> float:
    """How far back pick needs to see what went out."""
    return at - max(REPEAT_WINDOW, min_gap)


@dataclass(frozen=True)
class Shortfall:
    slot: Slot
    runs: int  # times the slot fires within one gap
    posts: int  # eligible posts it can choose from


def shortfalls(
    runs_in_gap: Mapping[str, int], posts: Iterable[Post], slots: Iterable[Slot], today: dt.date
) -> list[Shortfall]:
    """Slots that fire more often within one gap than they have eligible posts: the gap
    cannot hold for them (validate warns)."""
    everything = list(posts)
    out = []
    for slot in slots:
        n = len(eligible(everything, slot, today))
        if n < runs_in_gap.get(slot.name, 0):
            out.append(Shortfall(slot, runs_in_gap[slot.name], n))
    return out
