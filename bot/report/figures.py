"""The report's figures, built from plain rows: pure, no IO.

The privacy rules live here, in one place, so the HTML and the JSON cannot differ on
them:

- protected mentions are ONE total for the period, never split by day, country,
  language or reason (the rows handed in for the per-day and per-country figures hold
  no protected mention at all; `bot/runtime/stats.py` reads them apart);
- a country or reply language with fewer than `SMALL` replies is counted in "other";
- what mentions cost (reading them, replying) is spread evenly over the days of each
  month in the period: its daily figure would tell how many protected people wrote
  that day. Posting costs stay on their day, and every month's total stays exact;
- no text and no handle: the rows carry ids, decisions, codes and amounts only.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

SMALL = 5  # fewer replies than this from one country (or in one language) go to "other"
OTHER = "other"
NOT_PLACED = "not placed"
TOP_POSTS = 10
POST_KINDS = frozenset({"post", "post_with_url"})


@dataclass(frozen=True)
class Period:
    """[start, end) in the schedule's time zone, cut into local days."""

    label: str
    tz: ZoneInfo
    days: tuple[dt.date, ...]
    start: float
    end: float

    def day_starts(self) -> list[float]:
        return [local_midnight(d, self.tz) for d in self.days]


def local_midnight(day: dt.date, tz: ZoneInfo) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def month_period(year: int, month: int, tz: ZoneInfo) -> Period:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    days = tuple(first + dt.timedelta(n) for n in range((nxt - first).days))
    return Period(
        f"{year:04d}-{month:02d}", tz, days, local_midnight(first, tz), local_midnight(nxt, tz)
    )


def days_period(n: int, today: dt.date, tz: ZoneInfo) -> Period:
    """The last `n` local days, today included."""
    days = tuple(today - dt.timedelta(n - 1 - i) for i in range(n))
    end = today + dt.timedelta(1)
    label = f"{days[0].isoformat()} to {today.isoformat()}"
    return Period(label, tz, days, local_midnight(days[0], tz), local_midnight(end, tz))


@dataclass(frozen=True)
class DayPosts:
    day: str
    sent: int
    failed: int
    unknown: int  # still attempting, or the outcome was never learnt
    pauses: tuple[str, ...]  # reasons of the pauses in force on that day


@dataclass(frozen=True)
class DayMentions:
    day: str
    reply: int
    skip: Mapping[str, int]  # reason -> count


@dataclass(frozen=True)
class Share:
    label: str
    count: int


@dataclass(frozen=True)
class DaySpend:
    day: str
    posts_usd: float
    mentions_usd: float  # the month's mention costs spread evenly over its days so far
    month_to_date_usd: float
    elapsed: bool  # False for days still to come


@dataclass(frozen=True)
class PauseRow:
    day: str
    endpoint: str
    reason: str
    minutes: int


@dataclass(frozen=True)
class TopPost:
    post_id: str
    category: str | None  # None: no longer in messages/
    language: str | None
    count: int


@dataclass(frozen=True)
class Spend:
    budget_usd: float | None
    month: str
    month_spent_usd: float
    projected_usd: float
    period_usd: float
    days: tuple[DaySpend, ...]


@dataclass(frozen=True)
class Report:
    period: str
    timezone: str
    platform: str
    generated_at: str
    posts: tuple[DayPosts, ...]
    pauses: tuple[PauseRow, ...]
    mentions: tuple[DayMentions, ...]
    protected_total: int
    countries: tuple[Share, ...]
    languages: tuple[Share, ...]
    spend: Spend
    top_posts: tuple[TopPost, ...]
    categories: tuple[Share, ...]
    post_languages: tuple[Share, ...]
    skip_reasons: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (
            any(d.sent or d.failed or d.unknown for d in self.posts)
            or any(d.reply or d.skip for d in self.mentions)
            or self.protected_total
            or self.pauses
            or self.spend.period_usd
        )


def _bucket(starts: Sequence[float], at: float) -> int:
    """Index of the day holding `at` (the caller only passes times inside the period)."""
    return max(0, bisect.bisect_right(starts, at) - 1)


def post_days(
    period: Period,
    attempts: Iterable[tuple[float, str, int]],
    pauses: Iterable[tuple[float, float, str]],
) -> tuple[DayPosts, ...]:
    """attempts: (created_at, status, how many) of posts; pauses: (at, until, reason)."""
    starts = period.day_starts()
    counts = [Counter[str]() for _ in starts]
    for at, status, n in attempts:
        counts[_bucket(starts, at)][status] += n
    marks: list[set[str]] = [set() for _ in starts]
    bounds = [*starts, period.end]
    for at, until, reason in pauses:
        for i in range(len(starts)):
            if at < bounds[i + 1] and until > bounds[i]:
                marks[i].add(reason)
    return tuple(
        DayPosts(
            d.isoformat(),
            c["done"],
            c["failed"],
            c["attempting"] + c["unknown"],
            tuple(sorted(m)),
        )
        for d, c, m in zip(period.days, counts, marks, strict=True)
    )


def pause_rows(
    period: Period, pauses: Iterable[tuple[float, str, float, str]]
) -> tuple[PauseRow, ...]:
    """pauses: (at, endpoint, until, reason), each one begun inside the period."""
    return tuple(
        PauseRow(
            dt.datetime.fromtimestamp(at, period.tz).date().isoformat(),
            endpoint,
            reason,
            max(1, round((until - at) / 60)),
        )
        for at, endpoint, until, reason in pauses
    )


def mention_days(
    period: Period, rows: Iterable[tuple[float, str, str, int]]
) -> tuple[tuple[DayMentions, ...], tuple[str, ...]]:
    """rows: (seen_at, policy, reason, how many) of mentions NOT protected. Protect rows
    are refused."""
    starts = period.day_starts()
    replies = [0] * len(starts)
    skips = [Counter[str]() for _ in starts]
    for at, policy, reason, n in rows:
        if policy == "protect":
            raise ValueError("protected mentions are never split by day")
        i = _bucket(starts, at)
        if policy == "reply":
            replies[i] += n
        else:
            skips[i][reason] += n
    reasons = sorted({r for c in skips for r in c})
    days = tuple(
        DayMentions(d.isoformat(), r, dict(sorted(s.items())))
        for d, r, s in zip(period.days, replies, skips, strict=True)
    )
    return days, tuple(reasons)


def ranked(counts: Mapping[str | None, int], missing: str = NOT_PLACED) -> tuple[Share, ...]:
    """Largest first; every label under SMALL goes into one "other" (itself last)."""
    shares: list[Share] = []
    other = 0
    for label, n in counts.items():
        if n < SMALL:
            other += n
        else:
            shares.append(Share(label or missing, n))
    shares.sort(key=lambda s: (-s.count, s.label))
    if other:
        shares.append(Share(OTHER, other))
    return tuple(shares)


def spend_days(
    period: Period,
    rows: Iterable[tuple[float, str, float]],
    now: float,
    budget: float | None,
    month_spent: float,
    month_bounds: tuple[float, float],
    month_label: str,
    carry: float = 0.0,
) -> Spend:
    """rows: (at, kind, amount) inside the period; carry: what the period's first month
    spent before the period began. month_*: the month the projection is for (the one
    holding the period's last elapsed moment) and its spend up to `now`."""
    starts = period.day_starts()
    posts = [0.0] * len(starts)
    by_month: dict[tuple[int, int], float] = {}
    for at, kind, amount in rows:
        i = _bucket(starts, at)
        if kind in POST_KINDS:
            posts[i] += amount
        else:
            d = period.days[i]
            by_month[(d.year, d.month)] = by_month.get((d.year, d.month), 0.0) + amount
    # The days each month's mention costs are spread over: those begun by `now`.
    elapsed: Counter[tuple[int, int]] = Counter(
        (d.year, d.month) for d, s in zip(period.days, starts, strict=True) if s <= now
    )
    out: list[DaySpend] = []
    running = carry
    for d, s, p in zip(period.days, starts, posts, strict=True):
        key = (d.year, d.month)
        if d.day == 1:
            running = 0.0
        share = by_month.get(key, 0.0) / elapsed[key] if s <= now and elapsed[key] else 0.0
        running += p + share
        out.append(
            DaySpend(d.isoformat(), round(p, 4), round(share, 4), round(running, 4), s <= now)
        )
    m0, m1 = month_bounds
    done = min(max(now, m0), m1)
    fraction = (done - m0) / (m1 - m0)
    projected = month_spent / fraction if fraction > 0 else 0.0
    return Spend(
        budget,
        month_label,
        round(month_spent, 4),
        round(projected, 4),
        round(sum(posts) + sum(by_month.values()), 4),
        tuple(out),
    )


def top_posts(
    counts: Mapping[str, int], posts: Mapping[str, tuple[str, str]]
) -> tuple[tuple[TopPost, ...], tuple[Share, ...], tuple[Share, ...]]:
    """counts: post id -> times it went out; posts: id -> (category, language) as loaded.
    (the most sent posts, sends by category, sends by language); a post no longer in
    messages/ is shown by its id alone."""
    rows = []
    for pid, n in counts.items():
        known = posts.get(pid)
        rows.append(TopPost(pid, known[0] if known else None, known[1] if known else None, n))
    rows.sort(key=lambda r: (-r.count, r.post_id))
    cats: Counter[str] = Counter()
    langs: Counter[str] = Counter()
    for r in rows:
        cats[r.category or "not in messages/"] += r.count
        langs[r.language or "not in messages/"] += r.count
    return tuple(rows[:TOP_POSTS]), _largest_first(cats), _largest_first(langs)


def _largest_first(counts: Counter[str]) -> tuple[Share, ...]:
    return tuple(Share(k, n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
