"""What the bot does on each tick, wired from small parts (no scheduler here).

    Engine(platform, store, config, clock)
        .run_slot(slot)      posting.run_slot: one approved post for a slot
        .read_mentions()     mentions.read_mentions, then send_pending
        .send_pending()      mentions.send_pending: queued replies go out

All IO goes through the Platform (via the CallGuard) and the Store; the clock is
injected, so every rule can be tested end to end at any time of day or month.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from bot.content.config import Config
from bot.content.model import Slot
from bot.platforms.base import Account, Platform
from bot.runtime import mentions, posting
from bot.runtime.guard import CallGuard
from bot.runtime.outbox import Outbox
from bot.runtime.schema import Attempt
from bot.runtime.spending import Spending
from bot.runtime.store import Store


class Engine:
    def __init__(
        self,
        platform: Platform,
        store: Store,
        config: Config,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.platform, self.config, self.clock = platform, config, clock
        self.store = store.for_platform(platform.name)
        self.stopping = threading.Event()
        self.guard = CallGuard(platform, self.store, clock)
        self.outbox = Outbox(platform, self.store, self.guard, clock, self.stopping)
        self.spending = Spending(self.store, clock, paid=not self.store.platform)
        # One send at a time on this platform: a resend that settles an unknown outcome
        # must never race a fresh call for the same text.
        self.send_lock = threading.Lock()
        self._me: Account | None = None
        # Slots already said to have too few posts for rotation.min_gap (said once a run).
        self.said_crowded: set[str] = set()

    def me(self) -> Account:
        if self._me is None:
            self._me = self.guard.call("me", self.platform.whoami)
            # For `status`: which account this state posts as.
            self.store.set_meta("account", f"@{self._me.username} ({self.platform.name})")
        return self._me

    def key(self, key: str) -> str:
        """An attempt key of this platform: the others' start with their name."""
        return f"{self.store.platform}:{key}" if self.store.platform else key

    def price(self, kind: str) -> float:
        """What a call costs here: only X (and the sandbox, which stands in for it)
        charges; Mastodon and Bluesky cost nothing."""
        return 0.0 if self.store.platform else self.config.schedule.limits.prices[kind]

    def run_slot(self, slot: Slot) -> None:
        posting.run_slot(self, slot)

    def send_attempt(self, attempt: Attempt) -> None:
        with self.send_lock:
            # Another slot run's settle may have sent this attempt while we waited for
            # the lock (it was open in the store): sending it again could post twice.
            stored = self.store.attempt(attempt.key)
            if stored is not None and stored.status != "attempting":
                return
            self.outbox.send(attempt)

    def read_mentions(self) -> None:
        try:
            mentions.read_mentions(self)
        finally:
            # Queued replies and unknown outcomes are settled even when reading fails.
            self.send_pending()

    def send_pending(self) -> None:
        with self.send_lock:
            mentions.send_pending(self)
