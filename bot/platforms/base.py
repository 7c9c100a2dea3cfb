"""The one small interface every network adapter implements.

Kept free of X-isms so Mastodon and Bluesky adapters can follow: ids are
strings, errors are the platform-neutral exceptions below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.content.lengths import Limit


@dataclass(frozen=True)
class Account:
    id: str
    username: str


@dataclass(frozen=True)
class Mention:
    id: str
    author_id: str
    author_username: str
    # Held in memory only while routing; never stored or logged.
    text: str
    created_at: datetime
    lang: str | None = None
    author_location: str | None = None
    # Where the platform's feed stands after this mention, to read on from (`since`):
    # X's mention id; a Mastodon notification id; a Bluesky notification time. None: `id`.
    cursor: str | None = None


class PlatformError(Exception):
    """Base of every adapter error. `endpoint` names the call for rate limiting."""

    endpoint: str = ""

    def __init__(self, message: str, endpoint: str = "") -> None:
        super().__init__(message)
        self.endpoint = endpoint


class RateLimited(PlatformError):
    """`scope` says which limit: "window" (minutes), "day" (a 24-hour cap) or "month"
    (the plan's usage cap, lifted only when the month turns or the plan changes)."""

    def __init__(
        self, message: str, endpoint: str, reset_at: float | None, scope: str = "window"
    ) -> None:
        super().__init__(message, endpoint)
        self.reset_at = reset_at  # Unix seconds, or None when the server did not say
        self.scope = scope


class Duplicate(PlatformError):
    """The identical text already went out from this account."""


class NotAllowed(PlatformError):
    """This reply may not be made (not mentioned by the author, post deleted)."""


class AuthFailed(PlatformError):
    """401 / 403 permission: keys wrong or revoked; a human must act."""


class KeysRejected(AuthFailed):
    """401: the keys themselves were refused. Nothing was done, so a reply stays
    queued until the keys are fixed, unlike a 403 aimed at one post."""


class OutOfCredits(PlatformError):
    """402: the account has no credits left."""


class Unavailable(PlatformError):
    """5xx, timeout, reset or unreadable body. `maybe_sent` is True when the
    request may have reached the server, so the outcome is unknown."""

    def __init__(self, message: str, endpoint: str, maybe_sent: bool) -> None:
        super().__init__(message, endpoint)
        self.maybe_sent = maybe_sent


class Platform(Protocol):
    name: str

    @property
    def limit(self) -> Limit:
        """How long a post may be here (bot.content.lengths): replies are chosen to fit."""
        ...

    def whoami(self) -> Account: ...

    def post(
        self,
        text: str,
        reply_to: str | None = None,
        key: str = "",
        created_at: float = 0.0,
        language: str | None = None,
        visibility: str | None = None,
    ) -> str:
        """Publish `text` (as a reply to post `reply_to`, a Mention.id, if given); return
        the new post's id. `language` (Mastodon's `language`, Bluesky's `langs`; readers'
        clients filter on it) and `visibility` (Mastodon's; None: public) are used where
        the platform has them.

        `key` and `created_at` are the attempt's, the same on every try of it, so a
        retry after an unknown outcome never posts twice, by the platform's own means: X
        refuses the duplicate text (Duplicate); Mastodon sends `key` as Idempotency-Key;
        Bluesky creates the record under a key derived from both, and answers the first
        post's id when it exists already."""
        ...

    def mentions(
        self, since: str | None, on_page: Callable[[int], bool] | None = None
    ) -> list[Mention]:
        """Mentions newer than id `since` (all of them when None), oldest first. Some
        read before may come again (Mastodon and Bluesky look back for mentions listed
        late), carrying `since` as their cursor: the engine skips ids it knows.

        `on_page(n)` is told of each page read (n mentions, paid for) and returns False
        to stop reading more pages now."""
        ...

    def abort(self) -> None:
        """The daemon is stopping: give up calls in flight after a short grace."""
        ...

    def mark_as_bot(self) -> bool:
        """Label the account as a bot where the platform has such a label; True when this
        call changed it (the daemon logs that once)."""
        ...
