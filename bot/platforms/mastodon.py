"""Mastodon adapter over Mastodon.py, with a user's access token.

Thin on purpose: Mastodon.py builds the requests; this module adds what a daemon needs
(a total deadline per call, rate-limit bookkeeping per endpoint, a page cap, the
instance's length limit) and turns every failure into the platform-neutral errors of
`bot.platforms.base`. The HTTP seam and the error mapping are in _mastodon_http, the
reading of Mastodon's answers in _mastodon_answers.

Exactly-once: every post sends the attempt's key as `Idempotency-Key`; Mastodon keeps
it about an hour and answers a repeat with the first status instead of a second one.

Late mentions: a notification id is fixed before the notification can be listed (snac
lists one only once it holds the author's profile; a database may commit ids out of
order), so a mention can appear below the cursor after newer ones were read. Each read
also looks at the page just below the cursor for mentions notified in the last LATE.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import requests
from mastodon import Mastodon, MastodonError

from bot.content.lengths import Limit, mastodon_limit
from bot.content.model import DEFAULT_VISIBILITY, VISIBILITIES

from ._deadline import CallAbandoned, Deadlines
from ._mastodon_answers import (
    id_key,
    newer,
    oldest_first,
    parse_notification,
    parse_time,
    reply_visibility,
)
from ._mastodon_http import WRITES, MastodonTransport, RateLimitState, map_error, rate_state
from .base import Account, Mention, PlatformError, Unavailable

log = logging.getLogger(__name__)

# 10 pages of 40 mentions: 400 at one read. More waits for the next read.
MAX_PAGES = 10
PAGE = 40
DEFAULT_MAX_CHARACTERS, DEFAULT_URL_LENGTH = 500, 23
# How long after its notification was made a mention may still become visible and be
# answered: a server fetching the author's profile, not a backlog of hours.
LATE = 10 * 60.0


class MastodonPlatform:
    """The `Platform` for one Mastodon account (any server with Mastodon's client API).

    post()'s `visibility` (public, unlisted, private or direct; default public) is that of
    the bot's own post, from its slot; a reply takes the narrower of it and the
    mention's. Its `language` (an ISO 639-1 code, or None: unset) is sent as the post's
    `language`. `limit` is the instance's length limit.
    """

    name = "mastodon"
    # The outbox gives up settling an unknown outcome after this long: Mastodon remembers
    # an Idempotency-Key for about an hour, and a resend after that could post twice.
    settle_within = 50 * 60.0

    def __init__(
        self,
        base_url: str,
        access_token: str,
        timeout: tuple[float, float] = (3.05, 4.0),
        deadline: float = 4.5,
    ) -> None:
        """`timeout` is (connect, read) per socket operation; `deadline` caps the whole
        call, body included, so a call in flight ends within `deadline` seconds, and
        within about a second of `abort()`."""
        self.base_url = base_url.rstrip("/")
        self._session = requests.Session()
        # One connection per call: a server that closed a kept-alive connection makes
        # the next request on it fail with a reset, which for a post would look like
        # an unknown outcome (snac does this on its own schedule). We call a few times
        # a minute, so the handshakes cost nothing that matters.
        self._session.headers["Connection"] = "close"
        self._session.mount(
            self.base_url, MastodonTransport(timeout, deadline, self._record_limits)
        )
        self._api = Mastodon(
            access_token=access_token,
            api_base_url=self.base_url,
            session=self._session,
            # Raise on 429 instead of sleeping inside the call (the guard pauses), and
            # never ask the server for its version (a call we do not need).
            ratelimit_method="throw",
            version_check_mode="none",
            request_timeout=deadline,
        )
        self._lock = threading.Lock()
        self._limits: dict[str, RateLimitState] = {}
        self._deadlines = Deadlines(deadline)
        self._limit: Limit | None = None
        self._domain = urlsplit(self.base_url).netloc

    # -- Platform --------------------------------------------------------

    def whoami(self) -> Account:
        self._read_instance()
        me = self._call("me", "GET", self._api.account_verify_credentials)
        try:
            return Account(id=str(me["id"]), username=str(me["username"]))
        except (KeyError, TypeError) as e:
            raise Unavailable(f"me: malformed body ({e!r})", "me", maybe_sent=False) from None

    def post(
        self,
        text: str,
        reply_to: str | None = None,
        key: str = "",
        created_at: float = 0.0,
        language: str | None = None,
        visibility: str | None = None,
    ) -> str:
        visibility = visibility or DEFAULT_VISIBILITY
        if visibility not in VISIBILITIES:
            raise PlatformError(f"post: unknown visibility {visibility!r}", "post")
        if reply_to is not None:
            # Read the mention now rather than remember it: a restart between reading
            # and replying would forget a direct mention's visibility.
            parent = self._call("post", "GET", lambda: self._api.status(reply_to), reply=True)
            visibility = reply_visibility(visibility, _field(parent, "visibility"))
        status = self._call(
            "post",
            "POST",
            lambda: self._api.status_post(
                text,
                in_reply_to_id=reply_to,
                visibility=visibility,
                language=language,
                idempotency_key=key or None,
            ),
            reply=reply_to is not None,
        )
        post_id = _field(status, "id")
        if not post_id:
            # A 2xx: the post most likely exists; say so.
            raise Unavailable("post: malformed body (no id)", "post", maybe_sent=True)
        log.info(
            "mastodon: posted %s (%s)%s",
            post_id,
            visibility,
            f" in reply to {reply_to}" if reply_to else "",
        )
        return str(post_id)

    def mentions(
        self, since: str | None, on_page: Callable[[int], bool] | None = None
    ) -> list[Mention]:
        """Newer than notification id `since`: pages forward from it with `min_id` (the
        page right after it, as Mastodon's Link rel="prev" does). With no `since`, the
        newest pages backward with `max_id` (rel="next"), so the caller sees what is
        there now and reads on from the newest. Late ones below `since` come too (_late)."""
        self._read_instance()
        found: dict[str, Mention] = {}
        cursor, pages, skipped = since, 0, 0
        while True:
            params: dict[str, Any] = {"types": ["mention"], "limit": PAGE}
            if since is not None:
                params["min_id"] = cursor
            elif cursor is not None:
                params["max_id"] = cursor
            page = self._call("mentions", "GET", partial(self._api.notifications, **params))
            pages += 1
            if not isinstance(page, list):
                raise Unavailable("mentions: malformed body", "mentions", maybe_sent=False)
            ids: list[str] = []
            for n in page:
                try:
                    ids.append(str(n["id"]))
                    mention = parse_notification(n, self._domain)
                except (KeyError, TypeError, ValueError, AttributeError):
                    skipped += 1
                    continue
                if mention is not None and newer(mention.cursor or "", since):
                    found[mention.cursor or mention.id] = mention
            go_on = on_page(len(page)) if on_page is not None else True
            nxt = _link_cursor(page, forward=since is not None) or _next_cursor(
                ids, forward=since is not None
            )
            if not go_on or len(page) < PAGE or nxt is None or nxt == cursor:
                break
            if pages >= MAX_PAGES:
                log.warning(
                    "mastodon: mentions still offered more pages after %d; the rest waits "
                    "for the next read",
                    pages,
                )
                break
            cursor = nxt
        if since is not None and go_on:
            found.update(self._late(since, on_page))
        if skipped:
            log.warning("mastodon: skipped %d malformed notification(s)", skipped)
        log.debug("mastodon: %d mentions in %d page(s) since %s", len(found), pages, since)
        return oldest_first(found.values())

    def _late(self, since: str, on_page: Callable[[int], bool] | None) -> dict[str, Mention]:
        """Mentions below `since` notified within LATE. Each carries `since` as its
        cursor, so reading on from it never goes back (the engine skips known ids)."""
        params: dict[str, Any] = {"types": ["mention"], "limit": PAGE, "max_id": since}
        page = self._call("mentions", "GET", partial(self._api.notifications, **params))
        if not isinstance(page, list):
            raise Unavailable("mentions: malformed body", "mentions", maybe_sent=False)
        if on_page is not None:
            on_page(len(page))
        floor, late = time.time() - LATE, {}
        for n in page:
            try:
                mention = parse_notification(n, self._domain)
                notified = parse_time(n.get("created_at")).timestamp()
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # counted as malformed when the forward read met it
            if mention is not None and notified >= floor and not newer(mention.cursor or "", since):
                late[mention.cursor or mention.id] = dataclasses.replace(mention, cursor=since)
        return late

    def mark_as_bot(self) -> bool:
        me = self._call("me", "GET", self._api.account_verify_credentials)
        if _field(me, "bot") is True:
            return False
        self._call("bot", "PATCH", lambda: self._api.account_update_credentials(bot=True))
        log.info("mastodon: account marked as a bot")
        return True

    def abort(self) -> None:
        self._deadlines.abort()

    # -- extras ------------------------------------------------------------

    @property
    def limit(self) -> Limit:
        """The instance's status length limit (read once; defaults 500 and 23)."""
        self._read_instance()
        return self._limit or mastodon_limit(DEFAULT_MAX_CHARACTERS, DEFAULT_URL_LENGTH)

    def rate_limits(self) -> dict[str, RateLimitState]:
        """Latest X-RateLimit-* headers seen per endpoint ("post", "mentions", "me"...)."""
        with self._lock:
            return dict(self._limits)

    def close(self) -> None:
        self._session.close()

    # -- internals ---------------------------------------------------------

    def _read_instance(self) -> None:
        """max_characters and characters_reserved_per_url from /api/v2/instance, else
        v1 (snac has only v1), else the defaults. Plain requests on the same session:
        Mastodon.py's instance calls get 404 from snac. A server that cannot be reached
        leaves the question open for the next call."""
        if self._limit is not None:
            return
        for path in ("/api/v2/instance", "/api/v1/instance"):
            try:
                body = self._deadlines.run(partial(self._get_json, path), name="mastodon:inst")
            except requests.HTTPError:
                continue  # answered: not there (snac has no v2)
            except (CallAbandoned, requests.RequestException):
                return  # not reached: ask again at the next call
            except ValueError:
                continue
            found = _instance_limits(body)
            if found is not None:
                (chars, per_url), domain = found, _instance_domain(body)
                self._limit = mastodon_limit(chars, per_url)
                self._domain = domain or self._domain
                log.info("mastodon: %d characters a status, links count %d", chars, per_url)
                return
        self._limit = mastodon_limit(DEFAULT_MAX_CHARACTERS, DEFAULT_URL_LENGTH)

    def _get_json(self, path: str) -> Any:
        response = self._session.get(self.base_url + path)
        response.raise_for_status()
        return response.json()

    def _record_limits(self, endpoint: str, headers: Mapping[str, str]) -> None:
        state = rate_state(headers)
        with self._lock:
            self._limits[endpoint] = state

    def _call(
        self, endpoint: str, method: str, call: Callable[[], Any], reply: bool = False
    ) -> Any:
        try:
            return self._deadlines.run(call, name=f"mastodon:{endpoint}")
        except CallAbandoned as e:
            # A write may have been acted on: the outcome is unknown, settled later.
            raise Unavailable(f"{endpoint}: {e}", endpoint, maybe_sent=method in WRITES) from None
        except MastodonError as e:
            with self._lock:
                seen = self._limits.get(endpoint)
            reset = seen.reset_at if seen else None
            raise map_error(e, endpoint, method, reset, reply) from None


def _field(obj: Any, name: str) -> Any:
    try:
        return obj[name]
    except (KeyError, TypeError, IndexError):
        return None


def _link_cursor(page: object, forward: bool) -> str | None:
    """The next page's cursor from the Link header, as Mastodon.py read it: rel="prev"
    (min_id) reading forward, rel="next" (max_id) backward. Works for ids that are not
    numbers (GoToSocial's ULIDs)."""
    info = getattr(page, "_pagination_prev" if forward else "_pagination_next", None)
    value = info.get("min_id" if forward else "max_id") if isinstance(info, dict) else None
    return str(value) if value is not None else None


def _next_cursor(ids: list[str], forward: bool) -> str | None:
    """The page's newest id (reading forward) or oldest (backward). Mastodon's Link
    header says the same; snac sends none, so it is taken from the page itself."""
    numeric = [i for i in ids if id_key(i)[0] >= 0]
    if not numeric:
        return None
    return (max if forward else min)(numeric, key=id_key)


def _instance_limits(body: Any) -> tuple[int, int] | None:
    try:
        statuses = body["configuration"]["statuses"]
        chars, per_url = (
            int(statuses["max_characters"]),
            int(statuses.get("characters_reserved_per_url", DEFAULT_URL_LENGTH)),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return (chars, per_url) if chars > 0 and per_url > 0 else None


def _instance_domain(body: Any) -> str | None:
    # v2 has `domain`; v1 `uri` (a domain, or on some servers a URL).
    value = _field(body, "domain") or _field(body, "uri")
    if not isinstance(value, str) or not value:
        return None
    return urlsplit(value).netloc if "://" in value else value
