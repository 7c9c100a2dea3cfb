"""Crash consistency on all three platforms at once: SIGKILL at random instants while
each platform fails some posts ambiguously, then drain and count, per platform.

One daemon (a real process) posts every second to the fake X (with `chaos`, as in
test_soak.py), to snac2 as `crashbot` through a FaultProxy, and to the Bluesky dev-env
network as `crashbot.test` through a FaultProxy in front of its PDS. The proxies reset
some posts before forwarding them, forward some and then reset the connection (the
post exists, the daemon cannot know), answer 503, or answer after the adapter's
deadline. Alice and Bob mention the crash bot on each network (Dublin, Hamburg, a
Russian-language one that gets the protect reply, Cork). The daemon is killed with
SIGKILL CRASH_KILLS times (default 3) at seeded random instants after it said "ready",
restarted each time, then a last run drains with the faults off (to keep the test
short; what the kills and faults left open is settled by it).

Each platform settles an unknown outcome by its own means (X: the duplicate check;
Mastodon: the Idempotency-Key; Bluesky: the record key), so on each: no post text
twice on crashbot's timeline, at most one reply per mention, every mention whose policy
is reply or protect answered exactly once. snac ignores Idempotency-Key, so the
Mastodon proxy keeps it as Mastodon does (faultproxy.py); the test checks it answered
at least one resend from it, i.e. the daemon re-sent with the attempt's own key.
CRASH_SEED picks the seed (default 2017).
"""

from __future__ import annotations

import html
import os
import random
import re
import sqlite3
import time
from collections import Counter
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.support.bluesky import BlueskyAccount, BlueskyNetwork
from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.faultproxy import AMBIGUOUS, FaultProxy, Rule
from tests.support.roots import make_root
from tests.support.servers import unique
from tests.support.snac import SnacServer

pytestmark = pytest.mark.slow

SCHEDULE = """\
timezone: UTC
posts:
  - name: every-second
    every: 1s
mentions:
  every: 3s
  first_start_cutoff: 10m
  author_cooldown: 0s
limits:
  posts_per_day: 100000
"""

# (who, text, the policy it must get)
MENTIONS = [
    ("alice", "I live in Dublin, how can I help?", "reply"),
    ("bob", "I'm in Hamburg, what can I do?", "reply"),
    ("alice", "Я живу в Казани, как я могу помочь?", "protect"),
    ("bob", "greetings from Cork, who do I write to?", "reply"),
]
# Each fault at these rates on every post and reply; store_then_reset most often, as
# the one that proves something.
RATES = {"store_then_reset": 0.15, "reset_before": 0.05, "503": 0.05, "slow_after": 0.05}
MASTODON_POST = ("POST", "/api/v1/statuses")
BLUESKY_POST = ("POST", "/xrpc/com.atproto.repo.createRecord")


def _proxy(
    upstream: str, method: str, path: str, seed: int, idempotency: bool = False
) -> FaultProxy:
    # The first post or reply is stored and its answer lost for sure, so every seed
    # proves something; then the seeded faults.
    rules = [Rule(method, path, "store_then_reset", 1.0, times=1)]
    rules += [Rule(method, path, fault, rate) for fault, rate in RATES.items()]
    # 6 s: past the adapters' 4.5 s deadline, so the daemon gives up and records unknown.
    return FaultProxy(upstream, rules, seed=seed, slow_delay=6.0, idempotency=idempotency).start()


def test_kill_9_on_three_platforms_never_double_posts_or_replies(
    tmp_path: Path, snac_server: SnacServer, bluesky_network: BlueskyNetwork
) -> None:
    snac, bsky = snac_server, bluesky_network
    rng = random.Random(int(os.environ.get("CRASH_SEED", "2017")))
    kills = int(os.environ.get("CRASH_KILLS", "3"))
    t0 = time.monotonic()
    root = make_root(tmp_path, SCHEDULE)
    state = tmp_path / "state.sqlite3"
    stack = ExitStack()
    fake = FakeX(timeout_delay=5.0).start()
    stack.callback(fake.stop)
    # Mastodon's own means is the Idempotency-Key, which snac ignores: the proxy keeps
    # it as Mastodon does (see faultproxy.py), so a resend with the attempt's key is
    # answered with the first status, and one with any other key posts again.
    m_proxy = _proxy(snac.base_url, *MASTODON_POST, seed=rng.randrange(10**6), idempotency=True)
    stack.callback(m_proxy.stop)
    b_proxy = _proxy(bsky.service_url, *BLUESKY_POST, seed=rng.randrange(10**6))
    stack.callback(b_proxy.stop)
    env = {
        "MASTODON_BASE_URL": m_proxy.url,
        "MASTODON_ACCESS_TOKEN": snac.crashbot.token,
        "BLUESKY_HANDLE": bsky.crashbot.handle,
        "BLUESKY_APP_PASSWORD": bsky.crashbot.password,
        "BLUESKY_SERVICE": b_proxy.url,
    }
    with stack:
        for kind, rate in (
            ("store_503", 0.05),
            ("reset_after", 0.03),
            ("timeout", 0.02),
            ("503", 0.03),
            ("reset_before", 0.02),
        ):
            fake.chaos("post", kind, rate, seed=rng.randrange(10**6))
        fake.chaos("mentions", "503", 0.05, seed=rng.randrange(10**6))
        tag = unique("crash")
        snac_people = {"alice": snac.alice, "bob": snac.bob}
        bsky_people = {"alice": bsky.alice, "bob": bsky.bob}
        expected: dict[tuple[str, str], str] = {}
        for who, text, policy in MENTIONS:
            said = f"{text} {tag}"
            expected["", fake.add_mention(f"@CloseTheCampsBot {said}", f"x_{who}")] = policy
            status = snac.mention_bot(said, by=snac_people[who], to=snac.crashbot)
            expected["mastodon", str(status["id"])] = policy
            ref = bsky.mention_bot(said, by=bsky_people[who], to=bsky.crashbot)
            expected["bluesky", str(ref["uri"])] = policy

        for _ in range(kills):
            d = DaemonProc(root, fake.url, state, extra_env=env)
            d.wait_for(partial(d.saw, "ready"), timeout=60)
            time.sleep(rng.uniform(0.5, 3.0))
            d.kill()
            _keep_log(tmp_path, d)
            assert "Traceback" not in d.output, d.output
        # The last run drains with the faults off, to keep the test short: what the
        # kills and faults left open (attempting or unknown) is settled by it.
        fake.clear_faults()
        m_proxy.enabled = b_proxy.enabled = False
        drain = time.monotonic()
        d = DaemonProc(root, fake.url, state, extra_env=env)
        try:
            # "ready" first: the kills may have left nothing to drain, and a SIGTERM
            # before the daemon's handlers are in place would end it with -15.
            d.wait_for(partial(d.saw, "ready"), timeout=60)
            d.wait_for(lambda: _drained(state, set(expected)), timeout=180)
        finally:
            code, _ = d.stop()
            _keep_log(tmp_path, d)
        assert code == 0, d.output
        assert "Traceback" not in d.output, d.output
        wall, drain = time.monotonic() - t0, time.monotonic() - drain

        policies = _policies(state)
        x_posts = [(p.text, p.in_reply_to) for p in fake.timeline()]
        timelines = {
            "": x_posts,
            "mastodon": [(str(s["content"]), s.get("in_reply_to_id")) for s in _statuses(snac)],
            "bluesky": [
                (str(r["value"]["text"]), r["value"].get("reply", {}).get("parent", {}).get("uri"))
                for r in _records(bsky, bsky.crashbot)
            ],
        }
        summary = []
        for platform, timeline in timelines.items():
            name = platform or "x"
            posts = [text for text, parent in timeline if not parent]
            replies = Counter(parent for _, parent in timeline if parent)
            twice = [t for t, n in Counter(posts).items() if n > 1]
            assert twice == [], _posted_twice(name, twice, platform, state, tmp_path)
            ours = {mid: p for (pf, mid), p in expected.items() if pf == platform}
            assert [m for m in ours if replies[m] > 1] == [], f"{name}: replied twice"
            assert {m: policies.get((platform, m)) for m in ours} == ours, name
            unanswered = [m for m in ours if replies[m] != 1]
            assert unanswered == [], f"{name}: not answered exactly once: {unanswered}"
            summary.append(f"{name} {len(posts)} posts {sum(replies[m] for m in ours)} replies")
        faults = {
            "x": dict(Counter(r.fault for r in fake.requests() if r.fault)),
            "mastodon": dict(m_proxy.injected),
            "bluesky": dict(b_proxy.injected),
        }
        for name, proxy in (("mastodon", m_proxy), ("bluesky", b_proxy)):
            assert sum(proxy.injected[f] for f in AMBIGUOUS) >= 1, f"{name}: {proxy.injected}"
        assert m_proxy.replayed >= 1  # a resend carried its attempt's Idempotency-Key
        print(
            f"\ncrash: seed {os.environ.get('CRASH_SEED', '2017')}, {kills} SIGKILLs, "
            f"faults {faults}; {'; '.join(summary)}; "
            f"{m_proxy.replayed} Mastodon resends answered from their key; "
            f"{wall:.1f} s ({drain:.1f} s draining)"
        )


def _keep_log(tmp_path: Path, d: DaemonProc) -> None:
    """Every run's output in one file, for a failure to point at."""
    with (tmp_path / "runs.log").open("a", encoding="utf-8") as out:
        out.write(d.output + "\n----- end of run -----\n")


def _posted_twice(name: str, texts: list[str], platform: str, state: Path, tmp: Path) -> str:
    """What the state says of each text posted twice: its attempts and how they ended."""
    lines = [f"{name}: posted twice (daemon output: {tmp / 'runs.log'}):"]
    with sqlite3.connect(state) as db:
        for text in texts:
            lines.append(f"  {text[:60]!r}")
            plain = html.unescape(re.sub(r"<[^>]+>", "", text))  # Mastodon's is HTML
            rows = db.execute(
                "SELECT key, status, remote_id, detail FROM attempts WHERE text LIKE ? "
                "AND platform = ? ORDER BY created_at",
                (plain[:30].replace("%", "") + "%", platform),
            ).fetchall()
            lines += [f"    {row}" for row in rows]
    return "\n".join(lines)


def _policies(state: Path) -> dict[tuple[str, str], str]:
    with sqlite3.connect(state) as db:
        rows = db.execute("SELECT platform, id, policy FROM mentions").fetchall()
    return {(str(p), str(i)): str(policy) for p, i, policy in rows}


def _drained(state: Path, wanted: set[tuple[str, str]]) -> bool:
    """Every mention decided and none waiting, and no post or reply of unknown outcome."""
    if not state.exists():
        return False
    try:
        db = sqlite3.connect(state, timeout=1)
        try:
            rows = db.execute("SELECT platform, id, status FROM mentions").fetchall()
            open_ = db.execute(
                "SELECT COUNT(*) FROM attempts WHERE status IN ('attempting', 'unknown')"
            ).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return False
    status = {(str(p), str(i)): s for p, i, s in rows}
    decided = all(key in status and status[key] != "pending" for key in wanted)
    return bool(decided and open_ == 0)


def _statuses(snac: SnacServer) -> list[dict[str, Any]]:
    """Every status of crashbot (pages of 40, older by `max_id`)."""
    account = snac.account_id(snac.crashbot)
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 40}
    while True:
        page = snac.api(snac.crashbot, "GET", f"/api/v1/accounts/{account}/statuses", params=params)
        fresh = [s for s in page if s["id"] not in {f["id"] for f in found}]
        if not fresh:
            return found
        found += fresh
        params["max_id"] = fresh[-1]["id"]


def _records(bsky: BlueskyNetwork, account: BlueskyAccount) -> list[dict[str, Any]]:
    """Every app.bsky.feed.post record in `account`'s repository."""
    found: list[dict[str, Any]] = []
    params: dict[str, Any] = {
        "repo": account.did,
        "collection": "app.bsky.feed.post",
        "limit": 100,
    }
    while True:
        page = bsky.xrpc(None, "GET", "com.atproto.repo.listRecords", params=params)
        found += page["records"]
        if not page.get("cursor") or not page["records"]:
            return found
        params["cursor"] = page["cursor"]
