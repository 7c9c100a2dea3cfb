"""X (Twitter) adapter over tweepy's API v2 `Client`, OAuth 1.0a user context.

Thin on purpose: tweepy builds and signs the requests; this module adds what
tweepy lacks for a daemon (a total deadline per call, per-endpoint rate-limit
bookkeeping, a page cap) and turns every failure into the platform-neutral
errors of `bot.platforms.base`. The HTTP seam is in _x_transport, the reading
of X's answers in _x_answers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
import tweepy

from bot.content.lengths import X

from ._deadline import CallAbandoned, Deadlines
from ._x_answers import (
    id_order,
    map_http_error,
    parse_mentions,
    refuse_errors_only,
    reset_at,
    valid_id,
)
from ._x_transport import TWEEPY_HOST, XTransport, int_header, maybe_sent
from .base import (
    Account,
    Mention,
    PlatformError,
    Unavailable,
)

log = logging.getLogger(__name__)

# X keeps the newest 800 mentions on this endpoint: 8 pages of 100. A server offering
# more pages than that is misbehaving, and nothing X keeps lies beyond them.
MAX_PAGES = 8


@dataclass(frozen=True)
class RateLimitState:
    limit: int | None
    remaining: int | None
    reset_at: float | None  # Unix seconds


class XPlatform:
    """The `Platform` for X. Every call is OAuth 1.0a user context."""

    name = "x"
    limit = X

    def __init__(
        self,
        api_key: str,
        api_secret: str,
        access_token: str,
        access_token_secret: str,
        base_url: str = TWEEPY_HOST,
        timeout: tuple[float, float] = (3.05, 4.0),
        deadline: float = 4.5,
    ) -> None:
        """`timeout` is (connect, read) per socket operation; `deadline` caps the
        whole call, body included, so a call in flight ends within `deadline`
        seconds, and within about a second of `abort()`."""
        self._client = tweepy.Client(
            consumer_key=api_key,
            consumer_secret=api_secret,
            access_token=access_token,
            access_token_secret=access_token_secret,
            # Dicts, not tweepy models: we validate the shape ourselves and a
            # malformed body becomes Unavailable instead of a stray KeyError.
            return_type=dict,
            # tweepy would sleep inside the call, blocking the scheduler.
            wait_on_rate_limit=False,
        )
        self._client.session.mount(
            TWEEPY_HOST, XTransport(base_url, timeout, deadline, self._record_limits)
        )
        self._lock = threading.Lock()
        self._limits: dict[str, RateLimitState] = {}
        self._me: Account | None = None
        self._deadlines = Deadlines(deadline)
        # The newest id read in this run, malformed rows included: the engine's cursor
        # moves only with a mention it can decide, and a page of bad rows read again at
        # every tick would be paid for again at every tick.
        self._read_up_to: str | None = None

    # -- Platform --------------------------------------------------------

    def whoami(self) -> Account:
        body = self._call("me", "GET", self._client.get_me, user_auth=True)
        refuse_errors_only(body, "me")
        try:
            data = body["data"]
            account = Account(id=str(data["id"]), username=str(data["username"]))
        except (KeyError, TypeError) as e:
            raise Unavailable(f"me: malformed body ({e!r})", "me", maybe_sent=True) from None
        self._me = account
        return account

    def post(
        self,
        text: str,
        reply_to: str | None = None,
        key: str = "",
        created_at: float = 0.0,
        language: str | None = None,  # X detects a post's language itself
        visibility: str | None = None,  # every post on X is public
    ) -> str:
        body = self._call(
            "post",
            "POST",
            self._client.create_tweet,
            text=text,
            in_reply_to_tweet_id=reply_to,
            user_auth=True,
        )
        try:
            post_id = str(body["data"]["id"])
        except (KeyError, TypeError) as e:
            # X answered 2xx, so the post most likely exists; say so.
            raise Unavailable(f"post: malformed body ({e!r})", "post", maybe_sent=True) from None
        log.info("x: posted %s%s", post_id, f" in reply to {reply_to}" if reply_to else "")
        return post_id

    def mentions(
        self, since: str | None, on_page: Callable[[int], bool] | None = None
    ) -> list[Mention]:
        me = self._me or self.whoami()
        found: dict[str, Mention] = {}
        token: str | None = None
        pages = skipped = 0
        if not valid_id(since):
            since = None
        if since is None or (
            self._read_up_to is not None and id_order(self._read_up_to) > id_order(since)
        ):
            since = self._read_up_to or since
        while True:
            body = self._call(
                "mentions",
                "GET",
                self._client.get_users_mentions,
                id=me.id,
                since_id=since,
                max_results=100,
                pagination_token=token,
                expansions=["author_id"],
                tweet_fields=["created_at", "lang", "author_id"],
                user_fields=["location", "username"],
                user_auth=True,
            )
            pages += 1
            try:
                refuse_errors_only(body)
                page, bad, newest = parse_mentions(body)
                token = body.get("meta", {}).get("next_token")
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                raise Unavailable(
                    f"mentions: malformed body ({type(e).__name__})", "mentions", maybe_sent=True
                ) from None
            skipped += bad
            if newest is not None and (
                self._read_up_to is None or id_order(newest) > id_order(self._read_up_to)
            ):
                self._read_up_to = newest
            for mention in page:
                found[mention.id] = mention
            go_on = on_page(len(page) + bad) if on_page is not None else True
            # Every page, even on first start: X keeps only the newest 800 mentions
            # here, and the caller marks the old ones seen instead of losing the rest.
            if not token or not go_on:
                break
            if pages >= MAX_PAGES:
                log.warning(
                    "x: mentions still offered more pages after %d (X keeps 800 mentions); "
                    "stopped reading there",
                    pages,
                )
                break
        if skipped:
            # Ids and field names only: a mention's text never reaches a log.
            log.warning("x: skipped %d malformed mention(s) (no numeric id or author)", skipped)
        log.debug("x: %d mentions in %d page(s) since %s", len(found), pages, since)
        return sorted(found.values(), key=lambda m: id_order(m.id))

    def mark_as_bot(self) -> bool:
        return False  # no such label on X's API

    def abort(self) -> None:
        self._deadlines.abort()

    # -- extras ------------------------------------------------------------

    def rate_limits(self) -> dict[str, RateLimitState]:
        """Latest rate-limit headers seen per endpoint ("post", "mentions", "me")."""
        with self._lock:
            return dict(self._limits)

    def close(self) -> None:
        self._client.session.close()

    # -- internals ---------------------------------------------------------

    def _record_limits(self, endpoint: str, headers: Mapping[str, str]) -> None:
        if "x-rate-limit-remaining" not in headers and "x-rate-limit-reset" not in headers:
            return
        state = RateLimitState(
            limit=int_header(headers, "x-rate-limit-limit"),
            remaining=int_header(headers, "x-rate-limit-remaining"),
            reset_at=reset_at(headers),
        )
        with self._lock:
            self._limits[endpoint] = state

    def _call(
        self, endpoint: str, method: str, call: Callable[..., Any], **kwargs: Any
    ) -> dict[str, Any]:
        try:
            body = self._deadlines.run(lambda: call(**kwargs), name=f"x:{endpoint}")
        except CallAbandoned as e:
            # A POST may have been acted on: the outcome is unknown, settled later.
            raise Unavailable(f"{endpoint}: {e}", endpoint, maybe_sent=method == "POST") from None
        except tweepy.HTTPException as e:
            raise map_http_error(e, endpoint, method) from None
        except requests.JSONDecodeError:
            # Only a 2xx body gets this far (tweepy parses error bodies itself).
            raise Unavailable(
                f"{endpoint}: unreadable response body", endpoint, maybe_sent=True
            ) from None
        except requests.RequestException as e:
            raise Unavailable(
                f"{endpoint}: {type(e).__name__}: {e}", endpoint, maybe_sent=maybe_sent(e)
            ) from None
        except tweepy.TweepyException as e:
            # tweepy's own non-HTTP complaints (bad arguments): a bug on our side.
            raise PlatformError(f"{endpoint}: {e}", endpoint) from None
        if not isinstance(body, dict):
            raise Unavailable(f"{endpoint}: unexpected body", endpoint, maybe_sent=True)
        return body
