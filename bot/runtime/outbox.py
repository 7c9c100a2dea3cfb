"""The outbox: every post and reply is an attempt recorded before its call.

An attempt ends 'done', 'failed' or 'unknown'. An unknown one (a timeout, a 5xx after
the request was sent, a crash mid-call) is settled before anything else is sent, by
re-sending the identical text: the platform rejects a duplicate, which tells us the
first one went out. Different text is never sent to settle one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Literal

from bot.platforms.base import (
    AuthFailed,
    Duplicate,
    KeysRejected,
    NotAllowed,
    OutOfCredits,
    Platform,
    PlatformError,
    RateLimited,
    Unavailable,
)
from bot.runtime.guard import CallGuard
from bot.runtime.logs import event
from bot.runtime.schema import Attempt
from bot.runtime.store import Store

# An outcome still unknown after this long is not re-sent: X's duplicate check may
# have forgotten the text by then, and a double post is worse than a missing one.
GIVE_UP_UNKNOWN = 12 * 3600.0

Outcome = Literal["done", "duplicate", "not-allowed", "unknown", "not-sent", "failed"]


class Outbox:
    def __init__(
        self,
        platform: Platform,
        store: Store,
        guard: CallGuard,
        clock: Callable[[], float],
        stopping: threading.Event,
    ) -> None:
        self.platform, self.store, self.guard = platform, store, guard
        self.clock, self.stopping = clock, stopping

    def settle(self, kind: str, reply_within: float | None = None) -> bool:
        """Settle every attempt of `kind` whose outcome is unknown; True when none is left.
        A reply is not re-sent once older than `reply_within`, as a queued one is not sent."""
        for a in self.store.unresolved(kind):
            if self.stopping.is_set() or self.guard.paused("post"):
                return False
            # Mastodon keeps an Idempotency-Key about an hour: past that a resend could
            # post twice, so its adapter asks to give up sooner.
            give_up = getattr(self.platform, "settle_within", GIVE_UP_UNKNOWN)
            if self.clock() - a.created_at > give_up:
                self._finish(a, "failed", None, "outcome unknown too long; not re-sent")
                continue
            too_old = reply_within is not None and self.clock() - a.created_at > reply_within
            if a.kind == "reply" and too_old:
                self._finish(a, "failed", None, "reply too old to re-send")
                continue
            if a.kind == "reply" and a.reply_to and self.store.reply_opted_out(a.reply_to):
                self._finish(a, "failed", None, "author opted out; not re-sent")
                continue
            try:
                rid = self.guard.call("post", _poster(self.platform, a))
            except Duplicate:
                self._finish(a, "done", None, "confirmed: already posted")
            except NotAllowed as e:
                self._finish(a, "failed", None, f"not allowed: {e}"[:200])
            except PlatformError:
                return False
            else:
                self._finish(a, "done", rid, "resent after unknown outcome")
        return True

    def send(self, a: Attempt) -> Outcome:
        """Make the call recorded as attempt `a` and record how it ended."""
        try:
            rid = self.guard.call("post", _poster(self.platform, a))
        except Duplicate:
            self._end(a, "done", None, "duplicate: the text already went out")
            outcome: Outcome = "duplicate"
        except NotAllowed as e:
            self._end(a, "failed", None, str(e)[:200])
            outcome = "not-allowed"
        except Unavailable as e:
            if e.maybe_sent:
                self._end(a, "unknown", None, str(e)[:200])
                outcome = "unknown"
            else:
                outcome = self._not_sent(a, str(e)[:200])
        except KeysRejected as e:
            # 401: nothing was done; a reply stays queued until the keys are fixed.
            outcome = self._not_sent(a, type(e).__name__)
        except AuthFailed as e:
            # A reply refused with an unrecognised 403 (the author blocked the bot, say)
            # must not come back first in the queue after every pause: it fails.
            self._end(a, "failed", None, type(e).__name__)
            outcome = "failed"
        except (RateLimited, OutOfCredits) as e:
            # The platform refused before acting: nothing went out.
            outcome = self._not_sent(a, type(e).__name__)
        except PlatformError as e:
            self._end(a, "failed", None, type(e).__name__)
            outcome = "failed"
        else:
            self._end(a, "done", rid, None)
            event(
                logging.INFO,
                "posted" if a.kind == "post" else "replied",
                # A reply's template is chosen per mention and not kept: it has no item.
                **({"item": a.item_id} if a.item_id else {}),
                remote_id=rid,
                **({"in_reply_to": a.reply_to} if a.reply_to else {}),
            )
            return "done"
        event(logging.INFO, f"{a.kind} {outcome}", key=a.key, item=a.item_id or "")
        return outcome

    def _end(self, a: Attempt, status: str, remote_id: str | None, detail: str | None) -> None:
        self.store.finish_attempt(a.key, status, remote_id, detail, now=self.clock())

    def _finish(self, a: Attempt, status: str, remote_id: str | None, detail: str) -> None:
        self._end(a, status, remote_id, detail)
        event(
            logging.INFO,
            f"{a.kind} {status}",
            key=a.key,
            item=a.item_id,
            remote_id=remote_id or "",
            detail=detail,
        )

    def _not_sent(self, a: Attempt, detail: str) -> Outcome:
        if a.kind == "reply":
            self.store.release_attempt(a.key)  # the mention stays pending for a later tick
        else:
            self._end(a, "failed", None, detail)  # this slot is lost
        return "not-sent"


def _poster(platform: Platform, a: Attempt) -> Callable[[], str]:
    # The attempt's own key and time on every try: each platform's exactly-once rests on them.
    return lambda: platform.post(
        a.text,
        a.reply_to,
        key=a.key,
        created_at=a.created_at,
        language=a.language,
        visibility=a.visibility,
    )
