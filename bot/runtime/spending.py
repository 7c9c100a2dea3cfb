"""The month's spend against the budget, said once in the log when it stops a call."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.content.model import Schedule
from bot.policy.budget import POST_KINDS, Pacing, affordable, pace
from bot.policy.timing import month_end, month_start
from bot.runtime.logs import event, iso
from bot.runtime.store import Store


class Spending:
    def __init__(self, store: Store, clock: Callable[[], float], paid: bool = True) -> None:
        """`paid`: whether this platform charges (only X does); a free one is never
        stopped nor paced by the budget."""
        self.store, self.clock, self.paid = store, clock, paid
        self._said: set[str] = set()

    def afford(self, schedule: Schedule, kind: str) -> bool:
        """True when one call of `kind` fits this month's budget."""
        budget = schedule.limits.monthly_budget_usd
        if budget is None or not self.paid:
            return True
        spent = self.store.spent_since(month_start(self.clock(), schedule.tz))
        if affordable(spent, schedule.limits.prices[kind], budget):
            self._said.discard(kind)
            return kind not in POST_KINDS or not self._held(schedule)
        if kind not in self._said:  # say it once, not on every tick
            self._said.add(kind)
            event(
                logging.WARNING,
                "monthly budget reached: not making this kind of call",
                kind=kind,
                spent_usd=round(spent, 3),
                budget_usd=budget,
            )
        return False

    def pacing(self, schedule: Schedule) -> Pacing:
        return month_pacing(self.store, schedule, self.clock())

    def _held(self, schedule: Schedule) -> bool:
        p = self.pacing(schedule)
        if p.posts_held and "pacing" not in self._said:
            self._said.add("pacing")  # once per spell of holding
            event(
                logging.INFO,
                "pacing: posts wait so the budget lasts the month (replies go on)",
                spent_usd=round(p.spent, 3),
                posts_allowance_usd=round(p.posts_allowance, 3),
                resume=iso(p.posts_resume_at) if p.posts_resume_at else "next month",
            )
        elif not p.posts_held:
            self._said.discard("pacing")
        return p.posts_held


def month_pacing(store: Store, schedule: Schedule, now: float) -> Pacing:
    """This month's pacing from the spend in `store`: what the daemon acts on, and what
    `status` and `preview` show."""
    start = month_start(now, schedule.tz)
    return pace(
        store.spent_by_kind(start),
        schedule.limits.monthly_budget_usd,
        now,
        start,
        month_end(now, schedule.tz),
    )
