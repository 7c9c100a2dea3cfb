"""What `closethecamps report` reads from the state database: one period's rows, handed
to the pure `bot/report/figures.py`.

Protected mentions are read only as one COUNT for the whole period: no query here
groups them, or returns them row by row, so no figure can split them. Mention and reply
text, handles and author ids are never selected.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Any

from bot.policy import timing
from bot.report import figures as fg
from bot.runtime.store import Store

NO_LANGUAGE = "not recorded"  # replies recorded before the language was kept


def _per_day(store: Store, period: fg.Period, sql: str) -> list[tuple[Any, ...]]:
    """`sql` run for each local day ([start, end) as its two parameters), each row led
    by the day's start. One indexed range a day is faster and far smaller in memory
    than reading a year's rows, or grouping them by an expression."""
    bounds = [*period.day_starts(), period.end]
    rows: list[tuple[Any, ...]] = []
    for start, end in itertools.pairwise(bounds):
        rows += [(start, *r) for r in store.query(sql, (start, end))]
    return rows


def collect(
    store: Store,
    period: fg.Period,
    now: float,
    budget: float | None,
    posts: Mapping[str, tuple[str, str]],
    platform: str,
) -> fg.Report:
    """The period's figures. posts: post id -> (category, language) from messages/;
    platform: the name to show when the state does not record one."""
    span = (period.start, period.end)
    tz = period.tz
    post_rows = _per_day(
        store,
        period,
        "SELECT status, COUNT(*) FROM attempts WHERE kind = 'post' "
        "AND created_at >= ? AND created_at < ? GROUP BY status",
    )
    in_force = store.query(
        "SELECT at, until, reason FROM pause_log WHERE at < ? AND until > ?", span[::-1]
    )
    begun = store.query(
        "SELECT at, endpoint, until, reason FROM pause_log WHERE at >= ? AND at < ? ORDER BY at",
        span,
    )
    mention_rows = _per_day(
        store,
        period,
        "SELECT policy, reason, COUNT(*) FROM mentions WHERE seen_at >= ? AND seen_at < ? "
        "AND policy != 'protect' GROUP BY policy, reason",
    )
    protected = store.query(
        "SELECT COUNT(*) FROM mentions WHERE policy = 'protect' AND seen_at >= ? AND seen_at < ?",
        span,
    )[0][0]
    countries = store.query(
        "SELECT country, COUNT(*) FROM mentions WHERE policy = 'reply' "
        "AND seen_at >= ? AND seen_at < ? GROUP BY country",
        span,
    )
    languages = store.query(
        "SELECT language, COUNT(*) FROM mentions WHERE policy = 'reply' "
        "AND seen_at >= ? AND seen_at < ? GROUP BY language",
        span,
    )
    spend_rows = _per_day(
        store,
        period,
        "SELECT kind, SUM(amount) FROM spend WHERE at >= ? AND at < ? GROUP BY kind",
    )
    # The month the projection is for: the one holding the period's last elapsed moment.
    ref = max(period.start, min(now, period.end - 1))
    m0 = timing.month_start(ref, tz)
    m1 = timing.month_start(m0 + 32 * 86400, tz)
    month_spent = store.query(
        "SELECT COALESCE(SUM(amount), 0) FROM spend WHERE at >= ? AND at < ?",
        (m0, min(now, m1)),
    )[0][0]
    carry = store.query(
        "SELECT COALESCE(SUM(amount), 0) FROM spend WHERE at >= ? AND at < ?",
        (timing.month_start(period.start, tz), period.start),
    )[0][0]
    sent = store.query(
        "SELECT item_id, COUNT(*) FROM attempts WHERE kind = 'post' AND status != 'failed' "
        "AND item_id IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY item_id",
        span,
    )
    days, reasons = fg.mention_days(period, mention_rows)
    top, categories, post_languages = fg.top_posts({str(i): int(n) for i, n in sent}, posts)
    return fg.Report(
        period=period.label,
        timezone=str(tz),
        platform=store.get_meta("platform") or platform,
        generated_at=dt.datetime.fromtimestamp(now, tz).isoformat(timespec="seconds"),
        posts=fg.post_days(period, post_rows, in_force),
        pauses=fg.pause_rows(period, begun),
        mentions=days,
        protected_total=int(protected),
        countries=fg.ranked(dict(countries)),
        languages=fg.ranked(dict(languages), NO_LANGUAGE),
        spend=fg.spend_days(
            period,
            spend_rows,
            now,
            budget,
            float(month_spent),
            (m0, m1),
            dt.datetime.fromtimestamp(m0, tz).strftime("%Y-%m"),
            float(carry),
        ),
        top_posts=top,
        categories=categories,
        post_languages=post_languages,
        skip_reasons=reasons,
    )
