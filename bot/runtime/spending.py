"""The month's spend against the budget, said once in the log when it stops a call."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.content.model import Schedule
from bot.policy.budget import affordable
from bot.policy.timing import month_start
from bot.runtime.logs import event
from bot.runtime.store import Store


class Spending:
    def __init__(self, store: Store, clock: Callable[[], float]) -> None:
        self.store, self.clock = store, clock
        self._said: set[str] = set()

    def afford(self, schedule: Schedule, kind: str) -> bool:
        """True when one call of `kind` fits this month's budget."""
        budget = schedule.limits.monthly_budget_usd
        if budget is None:
            return True
        spent = self.store.spent_since(month_start(self.clock(), schedule.tz))
        if affordable(spent, schedule.limits.prices[kind], budget):
            self._said.discard(kind)
            return True
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
