"""Crash consistency: SIGKILL at random instants while X fails, then drain and count.

The daemon runs against the fake X API with a one-second posting slot and
SOAK_MENTIONS mentions from distinct authors, is killed with SIGKILL at random
instants SOAK_KILLS times and restarted each time, while the fake server stores
some posts and replies but answers 503, drops the connection or times out. After
the queue drains: no mention has two replies, no post went out twice, and every
mention is answered unless its policy says not to.

`make test` runs it with 4 kills and 100 mentions (~20 s; every kill lands while
replies are still going out, and 503s, a dropped connection, a timeout and
store-then-503 are all injected); `make soak` runs it alone with 30 kills and 200
mentions (SOAK_KILLS=30 SOAK_MENTIONS=200, a few minutes). SOAK_SEED picks the seed.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.roots import make_root

SCHEDULE = """\
timezone: UTC
posts:
  - name: every-second
    every: 1s
mentions:
  every: 3s
  first_start_cutoff: 1h
limits:
  posts_per_day: 100000
"""

PLACES = [
    "I'm in Hamburg",
    "I live in Lyon",
    "from Cork 🇮🇪",
    "American here",
    "I'm in Vancouver",
    "Perth here",
    "in Boston",
    "ich bin aus Köln",
    "vivo en Madrid",
    "I'm in Toronto",
    "greetings from Oslo",
    "I'm in Melbourne",
    "Dutch here",
    "I live in Bath, UK",
    "I'm in Moscow",
    "я живу в Грозном",
    "hello from Kyiv",
]
ASKS = ["how can I help?", "what can I do?", "who do I write to?", "any petitions?"]
NON_ASKS = ["thanks!", "stop", "🙏🙏"]


def mention_text(i: int, rng: random.Random) -> str:
    if i % 25 == 0:
        return "@CloseTheCampsBot " + rng.choice(NON_ASKS)
    return f"@CloseTheCampsBot {rng.choice(PLACES)}, {rng.choice(ASKS)}"


@pytest.mark.soak
@pytest.mark.slow
def test_kill_9_at_random_instants_never_double_posts_or_replies(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("SOAK_SEED", "2017")))
    kills = int(os.environ.get("SOAK_KILLS", "4"))
    n_mentions = int(os.environ.get("SOAK_MENTIONS", "100"))
    root = make_root(tmp_path, SCHEDULE)
    state = tmp_path / "state.sqlite3"
    fake = FakeX(timeout_delay=5.0).start()
    try:
        ids = [fake.add_mention(mention_text(i, rng), f"reader{i:03d}") for i in range(n_mentions)]
        for kind, rate in (
            ("store_503", 0.03),
            ("reset_after", 0.015),
            ("timeout", 0.01),
            ("503", 0.015),
            ("reset_before", 0.01),
        ):
            fake.chaos("post", kind, rate, seed=rng.randrange(10**6))
        fake.chaos("mentions", "503", 0.05, seed=rng.randrange(10**6))
        for _ in range(kills):
            d = DaemonProc(root, fake.url, state)
            time.sleep(rng.uniform(1.0, 4.0))
            d.kill()
        # The faults stay on while the last run drains the queue.
        d = DaemonProc(root, fake.url, state)
        try:
            d.wait_for(lambda: _drained(state, len(ids)), timeout=240)
        finally:
            code, _ = d.terminate()
        assert code == 0
        faults = Counter(r.fault for r in fake.requests() if r.fault)

        timeline = fake.timeline()
        per_mention = Counter(p.in_reply_to for p in timeline if p.in_reply_to)
        posts = [p.text for p in timeline if not p.in_reply_to]
        assert [m for m, n in per_mention.items() if n > 1] == []  # no double reply
        assert len(posts) == len(set(posts))  # no double post
        db = sqlite3.connect(state)
        rows = dict(db.execute("SELECT id, policy FROM mentions").fetchall())
        db.close()
        unanswered = [m for m in ids if rows.get(m) in ("reply", "protect") and per_mention[m] != 1]
        assert unanswered == []  # all answered
        assert all(per_mention[m] == 0 for m in ids if rows.get(m) == "skip")
        assert set(rows) >= set(ids)
        print(
            f"\nsoak: {kills} SIGKILLs, faults injected {dict(faults)}, {len(posts)} posts, "
            f"{sum(per_mention.values())} replies, "
            f"{sum(1 for m in ids if rows[m] == 'skip')} skipped by policy"
        )
    finally:
        fake.stop()


def _drained(state: Path, n: int) -> bool:
    if not state.exists():
        return False
    try:
        db = sqlite3.connect(state, timeout=1)
        try:
            decided = db.execute("SELECT COUNT(*) FROM mentions WHERE author_id != ''").fetchone()[
                0
            ]
            pending = db.execute(
                "SELECT COUNT(*) FROM mentions WHERE status = 'pending'"
            ).fetchone()[0]
            open_ = db.execute(
                "SELECT COUNT(*) FROM attempts WHERE status IN ('attempting', 'unknown')"
            ).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return bool(decided >= n and pending == 0 and open_ == 0)
