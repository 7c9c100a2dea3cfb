"""Every platform call goes through the guard: pauses, back-off and rate-limit state.

A refusal (rate limit, bad keys, no credits, an outage) becomes a pause in the store
and one log line; later ticks see the pause and make no call until it ends.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from typing import TypeVar

from bot.platforms.base import (
    AuthFailed,
    OutOfCredits,
    Platform,
    RateLimited,
    Unavailable,
)
from bot.runtime.logs import event, iso
from bot.runtime.store import Store

T = TypeVar("T")
# The pause key for failures that stop every call, whatever its endpoint (keys rejected).
EVERY_CALL = "all"
# Pause reasons that only the operator can end (outside the bot), so a restart clears them.
USAGE_CAPPED = "usage capped"
CLEARED_AT_START = ("credentials rejected", "out of credits", USAGE_CAPPED)


class CallGuard:
    def __init__(self, platform: Platform, store: Store, clock: Callable[[], float]) -> None:
        self.platform, self.store, self.clock = platform, store, clock

    def paused(self, endpoint: str) -> bool:
        now = self.clock()
        pauses = self.store.pauses()
        return any(p.until > now for p in (pauses.get(endpoint), pauses.get(EVERY_CALL)) if p)

    def call(self, endpoint: str, fn: Callable[[], T]) -> T:
        """Run one platform call, turning its failures into pauses and one log line."""
        try:
            result = fn()
        except RateLimited as e:
            now = self.clock()
            strikes = self.store.pauses().get(endpoint)
            backoff = min(900.0, 60.0 * 2 ** (strikes.strikes if strikes else 0))
            until = e.reset_at if e.reset_at and e.reset_at > now else now + backoff
            if e.scope == "month":
                self.store.pause(endpoint, until, USAGE_CAPPED, now=now)
                event(
                    logging.ERROR,
                    f"{self.platform.name}'s monthly usage cap is reached: {endpoint} calls "
                    "paused until the month turns (raise the cap, then restart the bot)",
                    endpoint=endpoint,
                    until=iso(until),
                )
                raise
            if e.scope == "day" and e.reset_at is None:
                until = now + 24 * 3600  # the 24-hour cap without its reset: a day at most
            self.store.pause(
                endpoint, until, "daily cap" if e.scope == "day" else "rate limited", now=now
            )
            event(
                logging.WARNING,
                "daily cap reached: waiting" if e.scope == "day" else "rate limited: waiting",
                endpoint=endpoint,
                until=iso(until),
                reset_header=e.reset_at is not None,
            )
            raise
        except AuthFailed:
            now = self.clock()
            held = self.store.pauses().get(EVERY_CALL)
            if held is not None and held.until > now and held.reason == "credentials rejected":
                raise  # a call that started beside the one refused first: said once
            self.store.pause(EVERY_CALL, now + 1800, "credentials rejected", now=now)
            event(
                logging.ERROR,
                f"{self.platform.name} rejected the credentials: check its keys "
                "in .env and the app's read+write permission; pausing all calls for 30 min",
                endpoint=endpoint,
            )
            raise
        except OutOfCredits:
            now = self.clock()
            for key in {"post", endpoint}:  # reading mentions is paid for too
                self.store.pause(key, now + 3600, "out of credits", now=now)
            event(
                logging.ERROR,
                f"{self.platform.name} says the account is out of credits "
                "(402): posting paused for 1 h; add credits in the developer console",
                endpoint=endpoint,
            )
            raise
        except Unavailable as e:
            p = self.store.pauses().get(endpoint)
            backoff = min(300.0, 2.0 * 2 ** (p.strikes if p else 0))
            now = self.clock()
            self.store.pause(endpoint, now + backoff, "unavailable", now=now)
            event(
                logging.WARNING,
                "platform unavailable: backing off",
                endpoint=endpoint,
                seconds=round(backoff),
                outcome="unknown" if e.maybe_sent else "not sent",
                error=str(e)[:120],
            )
            raise
        if endpoint in self.store.pauses():
            self.store.clear_pause(endpoint)
        self._save_rate_limits()
        return result

    def _save_rate_limits(self) -> None:
        get = getattr(self.platform, "rate_limits", None)
        if get is not None:
            state = {k: asdict(v) for k, v in get().items()}
            self.store.set_meta("rate_limits", json.dumps(state))
