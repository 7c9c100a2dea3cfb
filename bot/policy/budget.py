"""Money: whether a paid call fits the monthly budget. Pure.

Only X charges (pay-per-use); the month counts from local midnight on the 1st in the
schedule's time zone (timing.month_start).
"""

from __future__ import annotations

from collections.abc import Mapping

# Float sums of prices like 0.015 drift by a few ulps; a call that lands exactly on the
# budget is allowed.
TOLERANCE = 1e-9


def affordable(spent: float, price: float, budget: float | None) -> bool:
    """True when a call costing `price` keeps this month's spend within `budget`."""
    return budget is None or spent + price <= budget + TOLERANCE


def stopped_kinds(spent: float, prices: Mapping[str, float], budget: float | None) -> list[str]:
    """The kinds of call the bot no longer makes this month: the next would go over."""
    return [kind for kind, price in prices.items() if not affordable(spent, price, budget)]
