"""A state database for `closethecamps report`, written through the real Store API.

November 2026 (UTC) of a small bot: posts (sent, failed, one outcome unknown, one post
no longer in messages/), a rate-limit pause, replies from countries big and small,
skips, and protected mentions whose stored reply text carries a handle, so the tests
can show that none of it leaks.

    from tests.support.reportdb import fill, MONTH
    expected = fill(tmp_path / "state.sqlite3")
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot.runtime.store import Store

MONTH = "2026-11"
START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)
POSTS = ("en-awareness-first-report-1", "en-awareness-argun-1", "de-awareness-first-report-1")
GONE = "gone-post-1"  # sent once, since deleted from messages/
# Replies: country, language, how many. IS, NZ and the unplaced are under 5: "other".
REPLIES = (
    ("DE", "de", 12),
    ("GB", "en", 7),
    ("FR", "fr", 5),
    ("IS", "is", 2),
    ("NZ", "en", 1),
    (None, "en", 3),
)
SKIPS = (("cooldown", 4), ("opt-out", 2), ("asks-nothing", 3))
PROTECT_HANDLE = "protected_person_"  # + n: in the stored reply text of protected mentions
REPLY_HANDLE = "reply_person_"


@dataclass(frozen=True)
class Expected:
    sent: int
    failed: int
    unknown: int
    replies: int
    skipped: int
    protected: int


def at(day: int, hour: float = 12.0) -> float:
    return (START + dt.timedelta(days=day - 1, hours=hour)).timestamp()


def fill(
    path: Path,
    protect_days: tuple[int, ...] = (3, 3, 8, 15, 15, 15, 16, 19, 20),
    protect_country: str = "RU",
) -> Expected:
    """Write the month into a fresh state at `path`; `protect_days` places the protected
    mentions (the report must not change when they move)."""
    store = Store(path)
    try:
        store.set_meta("platform", "sandbox")
        sent = failed = unknown = 0
        for day in range(1, 21):
            for n, pid in enumerate(POSTS):
                key = f"post:s{n}:{day}"
                t = at(day, 8 + n * 4)
                store.begin_attempt(key, "post", pid, f"text of {pid}", now=t)
                store.spend("post_with_url", 0.2, now=t)
                status = "failed" if (day, n) == (5, 1) else "done"
                if (day, n) == (6, 2):
                    unknown += 1  # left 'attempting', as a crash leaves it
                    continue
                store.finish_attempt(key, status, f"r{day}{n}", now=t + 1)
                sent += status == "done"
                failed += status == "failed"
        store.begin_attempt("post:old:1", "post", GONE, "an older text", now=at(2, 6))
        store.finish_attempt("post:old:1", "done", "r-old", now=at(2, 6))
        sent += 1
        store.pause("post", at(7, 11), "rate limited", now=at(7, 10))
        mid = 0
        replies = 0
        for country, lang, count in REPLIES:
            for _ in range(count):
                mid += 1
                t = at(1 + mid % 20, 13)
                text = f"@{REPLY_HANDLE}{mid} the resources for you"
                store.record_mention(
                    str(mid), f"a{mid}", "reply", "placed", country, text, now=t, language=lang
                )
                store.begin_reply(f"reply:{mid}", text, str(mid), 0.01, now=t)
                store.finish_attempt(f"reply:{mid}", "done", f"rr{mid}", now=t + 1)
                store.spend("mention_read", 0.001, now=t)
                replies += 1
        skipped = 0
        for reason, count in SKIPS:
            for _ in range(count):
                mid += 1
                t = at(1 + mid % 20, 14)
                store.record_mention(
                    str(mid), f"a{mid}", "skip", reason, "DE", None, now=t, language="de"
                )
                store.spend("mention_read", 0.001, now=t)
                skipped += 1
        for n, day in enumerate(protect_days):
            mid += 1
            t = at(day, 15 + n % 3)
            text = f"@{PROTECT_HANDLE}{n} Thank you for your message."
            store.record_mention(
                str(mid), f"p{n}", "protect", "russia", protect_country, text, now=t, language="ru"
            )
            store.begin_reply(f"reply:{mid}", text, str(mid), 0.01, now=t)
            store.finish_attempt(f"reply:{mid}", "done", f"rp{mid}", now=t + 1)
            store.spend("mention_read", 0.001, now=t)
        return Expected(sent, failed, unknown, replies, skipped, len(protect_days))
    finally:
        store.close()
