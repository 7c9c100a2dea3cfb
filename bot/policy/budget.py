"""Money: whether a paid call fits the monthly budget. Pure.

Only X charges (pay-per-use); the month counts from local midnight on the 1st in the
schedule's time zone (timing.month_start).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Float sums of prices like 0.015 drift by a few ulps; a call that lands exactly on the
# budget is allowed.
TOLERANCE = 1e-9


def affordable(spent: float, price: float, budget: float | None) -> bool:
    """True when a call costing `price` keeps this month's spend within `budget`."""
    return budget is None or spent + price <= budget + TOLERANCE


def stopped_kinds(spent: float, prices: Mapping[str, float], budget: float | None) -> list[str]:
    """The kinds of call the bot no longer makes this month: the next would go over."""
    return [kind for kind, price in prices.items() if not affordable(spent, price, budget)]


POST_KINDS = frozenset({"post", "post_with_url"})
DAY = 86400.0


@dataclass(frozen=True)
class Pacing:
    """Where this month's money stands and what pacing holds back."""

    spent: float
    # Month-end spend if this month's rates go on, as the bot spends: posts no faster than
    # pacing lets them, and nothing past the budget.
    projected: float
    reserve: float  # kept for replies and mention reads (they come first)
    posts_allowance: float  # what posts may have spent by now
    posts_held: bool  # a post now would run ahead of the pace
    posts_resume_at: float | None  # when the pace allows the next post, if held


def pace(
    spent_by_kind: Mapping[str, float],
    budget: float | None,
    now: float,
    month_start: float,
    month_end: float,
) -> Pacing:
    """Spread posts so the budget lasts the month, keeping replies first.

    Replies and mention reads are answers to people: they are never paced, only stopped
    at the budget. Their month-end spend is projected from this month's rate (counting at
    least one day elapsed, so one busy morning does not reserve the whole budget) and
    kept aside. Posts share the rest evenly over the month: by a quarter of the month
    they may have spent a quarter of it, plus one post's worth of running ahead.
    """
    spent = sum(spent_by_kind.values())
    posts = sum(v for k, v in spent_by_kind.items() if k in POST_KINDS)
    others = spent - posts
    length = max(month_end - month_start, DAY)
    elapsed = min(max(now - month_start, DAY), length) / length
    if budget is None:
        return Pacing(spent, spent / elapsed, 0.0, float("inf"), False, None)
    reserve = min(budget, max(others, others / elapsed))
    share = max(budget - reserve, 0.0)
    allowance = share * elapsed
    held = posts > allowance + TOLERANCE
    resume = month_start + (posts / share) * length if held and share > 0 else None
    projected = min(budget, max(spent, reserve + min(max(posts, posts / elapsed), share)))
    return Pacing(spent, projected, reserve, allowance, held, resume)
