"""Rotation: no repeats within a cycle, never the same text within 24 h, weights."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from bot.content.model import Approval, Post, Slot, text_hash
from bot.policy.rotation import choose, eligible, pool_key

TODAY = dt.date(2026, 11, 21)


def post(
    i: int,
    weight: int = 1,
    cat: str = "petition",
    lang: str = "en",
    approved: bool = True,
    expires: dt.date | None = None,
) -> Post:
    text = f"Post number {i} #CloseTheCamps"
    return Post(
        f"p{i}",
        lang,
        cat,
        text,
        None,
        expires,
        weight,
        Approval("t", text_hash(text)) if approved else None,
        "f",
        i,
    )


def slot(**kw: object) -> Slot:
    base: dict[str, object] = dict(
        name="s", cron=None, every=60.0, jitter=0.0, categories=None, language=None
    )
    base.update(kw)
    return Slot(**base)  # type: ignore[arg-type]


def run(posts: list[Post], n: int) -> list[str]:
    used: dict[str, int] = {}
    out = []
    for i in range(n):
        c = choose(posts, used, set(), seed=f"s:{i}")
        assert c.post is not None
        used = c.used
        out.append(c.post.id)
    return out


def test_no_post_repeats_until_every_eligible_post_went_out() -> None:
    posts = [post(i) for i in range(7)]
    seq = run(posts, 21)
    for k in range(3):
        assert sorted(seq[7 * k : 7 * k + 7]) == sorted(p.id for p in posts)


def test_weights_give_more_turns_per_cycle() -> None:
    posts = [post(1, weight=3), post(2), post(3)]
    counts = Counter(run(posts, 50))
    assert counts["p1"] == 30 and counts["p2"] == 10 and counts["p3"] == 10


def test_text_sent_within_24h_is_never_chosen() -> None:
    posts = [post(1), post(2)]
    c = choose(posts, {}, {posts[0].text}, seed="x")
    assert c.post is not None and c.post.id == "p2"
    none = choose(posts, {"p2": 1}, {posts[0].text}, seed="x")
    assert none.post is None and "24 h" in none.reason


def test_persisted_position_continues_the_cycle() -> None:
    posts = [post(i) for i in range(4)]
    first = choose(posts, {}, set(), seed="a")
    assert first.post is not None
    # A restart hands back the stored `used`: the chosen post is not repeated.
    seen = {first.post.id}
    used = first.used
    for i in range(3):
        c = choose(posts, used, set(), seed=f"b{i}")
        assert c.post is not None and c.post.id not in seen
        seen.add(c.post.id)
        used = c.used


def test_eligible_filters_drafts_expired_categories_and_language() -> None:
    posts = [
        post(1),
        post(2, approved=False),
        post(3, expires=dt.date(2026, 1, 1)),
        post(4, cat="awareness"),
        post(5, lang="de"),
        post(6, lang="de-AT"),
    ]
    assert [p.id for p in eligible(posts, slot(), TODAY)] == ["p1", "p4", "p5", "p6"]
    assert [p.id for p in eligible(posts, slot(categories=frozenset({"awareness"})), TODAY)] == [
        "p4"
    ]
    assert [p.id for p in eligible(posts, slot(language="de"), TODAY)] == ["p5", "p6"]


def test_same_seed_same_choice_so_preview_matches_the_run() -> None:
    posts = [post(i) for i in range(9)]
    a = choose(posts, {}, set(), seed="slot:1700000000")
    b = choose(posts, {}, set(), seed="slot:1700000000")
    assert a.post == b.post


def test_slots_with_the_same_filters_share_a_cycle() -> None:
    assert pool_key(slot(name="a")) == pool_key(slot(name="b"))
    assert pool_key(slot(language="de")) != pool_key(slot())


def test_nothing_eligible_says_why() -> None:
    c = choose([], {}, set(), seed="x")
    assert c.post is None and "no approved" in c.reason


# --- the freshness rule across slots (rotation.min_gap) ---------------------------------

DAY = 86400.0
WEEK = 7 * DAY


def test_a_post_sent_within_the_gap_waits_while_others_are_fresh() -> None:
    from bot.policy.rotation import Sent, pick

    posts = [post(i) for i in range(3)]
    history = [Sent(0.0, "p0", posts[0].text), Sent(DAY, "p1", posts[1].text)]
    for seed_time in range(3 * int(DAY), 3 * int(DAY) + 20):
        c = pick(posts, slot(), float(seed_time), TODAY, {}, history, WEEK)
        assert c.post is not None and c.post.id == "p2" and not c.crowded


def test_when_every_post_is_inside_the_gap_the_oldest_goes_and_says_so() -> None:
    from bot.policy.rotation import Sent, pick

    posts = [post(i) for i in range(3)]
    history = [Sent(2 * DAY, "p0", posts[0].text), Sent(DAY, "p1", posts[1].text),
               Sent(3 * DAY, "p2", posts[2].text)]  # fmt: skip
    c = pick(posts, slot(), 5 * DAY, TODAY, {}, history, WEEK)
    assert c.post is not None and c.post.id == "p1" and c.crowded


def test_weights_still_count_and_never_inside_the_gap() -> None:
    from bot.policy.rotation import Sent, pick

    posts = [post(1, weight=2), *(post(i) for i in range(2, 31))]
    history: list[Sent] = []
    used: dict[str, int] = {}
    for day in range(360):
        c = pick(posts, slot(), day * DAY, TODAY, used, history, WEEK)
        assert c.post is not None
        used = c.used
        history.append(Sent(day * DAY, c.post.id, c.post.text))
    last: dict[str, float] = {}
    for s in history:
        assert s.post_id is not None
        assert s.at - last.get(s.post_id, -WEEK) >= WEEK, s
        last[s.post_id] = s.at
    counts = Counter(s.post_id for s in history)
    others = [counts[f"p{i}"] for i in range(2, 31)]
    assert counts["p1"] >= 1.8 * sum(others) / len(others), counts
