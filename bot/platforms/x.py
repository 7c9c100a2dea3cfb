"""X (Twitter) adapter over tweepy's API v2 `Client`, OAuth 1.0a user context.

Thin on purpose: tweepy builds and signs the requests; this module adds what
tweepy lacks for a daemon (a base URL seam, a hard timeout, per-endpoint
rate-limit bookkeeping) and turns every failure into the platform-neutral
errors of `bot.platforms.base`.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests
import tweepy
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util import Timeout

from ._deadline import CallAbandoned, Deadlines
from .base import (
    Account,
    AuthFailed,
    Duplicate,
    KeysRejected,
    Mention,
    NotAllowed,
    OutOfCredits,
    PlatformError,
    RateLimited,
    Unavailable,
)

log = logging.getLogger(__name__)

# tweepy 4.17 hard-codes this host in BaseClient.request.
TWEEPY_HOST = "https://api.twitter.com"
# A page of 100 mentions with their authors is about 100 KB; anything near this is not X.
MAX_BODY = 2_000_000
# X keeps the newest 800 mentions on this endpoint: 8 pages of 100. A server offering
# more pages than that is misbehaving; the rest waits for the next read.
MAX_PAGES = 8


@dataclass(frozen=True)
class RateLimitState:
    limit: int | None
    remaining: int | None
    reset_at: float | None  # Unix seconds


def _endpoint_of(method: str, path: str) -> str | None:
    if path == "/2/users/me":
        return "me"
    if path == "/2/tweets" and method == "POST":
        return "post"
    if re.fullmatch(r"/2/users/[^/]+/mentions", path):
        return "mentions"
    return None


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError):
        return None


class _XTransport(HTTPAdapter):
    """Mounted on tweepy's session for TWEEPY_HOST.

    It rewrites the host prefix to `base_url`, imposes a timeout on every
    request (tweepy passes none, so requests would wait forever) and records
    the rate-limit headers of every response, errors included.

    The rewrite happens after requests has applied the OAuth1 auth, so the
    signature covers the canonical https://api.twitter.com URL. That is
    deliberate: the only party that verifies signatures is X, against its own
    URL, so a forwarding proxy at `base_url` keeps working; the fake server in
    the tests does not verify signatures at all.
    """

    def __init__(
        self,
        base_url: str,
        timeout: tuple[float, float],
        deadline: float | None,
        on_response: Callable[[str, Mapping[str, str]], None],
    ) -> None:
        super().__init__()
        self._base_url = base_url.rstrip("/")
        connect, read = timeout
        self._connect = connect
        self._read = read
        self._deadline = deadline
        self._on_response = on_response

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        url = request.url or ""
        if url.startswith(TWEEPY_HOST) and self._base_url != TWEEPY_HOST:
            request.url = self._base_url + url[len(TWEEPY_HOST) :]
            # Session chose proxies for api.twitter.com; choose again for the
            # real destination so NO_PROXY=127.0.0.1 and the like still apply.
            proxies = requests.utils.get_environ_proxies(request.url)
        # A fresh Timeout per request: urllib3 keeps the connect start time in it.
        # `total` bounds connect + waiting for the response head together.
        limit = Timeout(connect=self._connect, read=self._read, total=self._deadline)
        started = time.monotonic()
        response = super().send(
            request,
            stream=True,
            # requests documents urllib3 Timeout objects here; the stubs omit them.
            timeout=limit,  # type: ignore[arg-type]
            verify=verify,
            cert=cert,
            proxies=proxies,
        )
        endpoint = _endpoint_of(request.method or "", urlsplit(str(request.url)).path)
        if endpoint is not None:
            self._on_response(endpoint, response.headers)
        _read_body(response, started + (self._deadline or 60.0))
        return response


class BodyRefused(requests.exceptions.ConnectionError):
    """The response body was too big or too slow; the server may have acted."""


def _read_body(response: requests.Response, deadline: float) -> None:
    """Read the body ourselves, one socket read at a time: a size cap and a deadline that
    also cover a server trickling its answer (urllib3's timeouts bound each read only)."""
    chunks, size = [], 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise BodyRefused("response body still arriving at the deadline")
            chunk = response.raw.read1(65536, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_BODY:
                raise BodyRefused(f"response body over {MAX_BODY} bytes")
            chunks.append(chunk)
    except BodyRefused:
        response.close()
        raise
    except (urllib3.exceptions.HTTPError, OSError) as e:
        response.close()
        raise requests.exceptions.ConnectionError(f"reading the body: {e}") from None
    # requests' own attributes: the body is now in memory, as without stream=True.
    response._content = b"".join(chunks)
    response._content_consumed = True  # type: ignore[attr-defined]
    response.close()


def _maybe_sent(exc: requests.RequestException) -> bool:
    """Whether the request may have reached X before `exc`."""
    if isinstance(exc, requests.exceptions.ConnectTimeout | requests.exceptions.SSLError):
        return False
    if isinstance(exc, requests.exceptions.ProxyError):
        return False
    if isinstance(exc, requests.exceptions.ConnectionError):
        reason = exc.args[0] if exc.args else None
        if isinstance(reason, urllib3.exceptions.MaxRetryError):
            reason = reason.reason
        # Refused, unreachable, DNS failure: no byte of the request left.
        if isinstance(reason, urllib3.exceptions.NewConnectionError):
            return False
    # Read timeout, reset, truncated chunks: the server may have acted.
    return True


def _problem_text(exc: tweepy.HTTPException) -> str:
    parts = [str(m) for m in exc.api_messages]
    # A body we cannot even decode adds nothing; the status still decides.
    with contextlib.suppress(Exception):
        parts.append(exc.response.text)
    return " ".join(parts).lower()


class XPlatform:
    """The `Platform` for X. Every call is OAuth 1.0a user context."""

    name = "x"

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
            TWEEPY_HOST, _XTransport(base_url, timeout, deadline, self._record_limits)
        )
        self._lock = threading.Lock()
        self._limits: dict[str, RateLimitState] = {}
        self._me: Account | None = None
        self._deadlines = Deadlines(deadline)

    # -- Platform --------------------------------------------------------

    def whoami(self) -> Account:
        body = self._call("me", "GET", self._client.get_me, user_auth=True)
        try:
            data = body["data"]
            account = Account(id=str(data["id"]), username=str(data["username"]))
        except (KeyError, TypeError) as e:
            raise Unavailable(f"me: malformed body ({e!r})", "me", maybe_sent=True) from None
        self._me = account
        return account

    def post(self, text: str, reply_to: str | None = None) -> str:
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
            _refuse_errors_only(body)
            try:
                page, bad = _parse_mentions(body)
                token = body.get("meta", {}).get("next_token")
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                raise Unavailable(
                    f"mentions: malformed body ({type(e).__name__})", "mentions", maybe_sent=True
                ) from None
            skipped += bad
            for mention in page:
                found[mention.id] = mention
            go_on = on_page(len(page) + bad) if on_page is not None else True
            # Every page, even on first start: X keeps only the newest 800 mentions
            # here, and the caller marks the old ones seen instead of losing the rest.
            if not token or not go_on:
                break
            if pages >= MAX_PAGES:
                log.warning(
                    "x: mentions still offered more pages after %d; the rest waits for the "
                    "next read",
                    pages,
                )
                break
        if skipped:
            # Ids and field names only: a mention's text never reaches a log.
            log.warning("x: skipped %d malformed mention(s) (no numeric id or author)", skipped)
        log.debug("x: %d mentions in %d page(s) since %s", len(found), pages, since)
        return sorted(found.values(), key=lambda m: int(m.id))

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
            limit=_int_header(headers, "x-rate-limit-limit"),
            remaining=_int_header(headers, "x-rate-limit-remaining"),
            reset_at=_reset_at(headers),
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
            raise _map_http_error(e, endpoint, method) from None
        except requests.JSONDecodeError:
            # Only a 2xx body gets this far (tweepy parses error bodies itself).
            raise Unavailable(
                f"{endpoint}: unreadable response body", endpoint, maybe_sent=True
            ) from None
        except requests.RequestException as e:
            raise Unavailable(
                f"{endpoint}: {type(e).__name__}: {e}", endpoint, maybe_sent=_maybe_sent(e)
            ) from None
        except tweepy.TweepyException as e:
            # tweepy's own non-HTTP complaints (bad arguments): a bug on our side.
            raise PlatformError(f"{endpoint}: {e}", endpoint) from None
        if not isinstance(body, dict):
            raise Unavailable(f"{endpoint}: unexpected body", endpoint, maybe_sent=True)
        return body


def _reset_at(headers: Mapping[str, str]) -> float | None:
    value = _int_header(headers, "x-rate-limit-reset")
    return float(value) if value is not None else None


def _map_http_error(e: tweepy.HTTPException, endpoint: str, method: str) -> PlatformError:
    status = e.response.status_code
    text = _problem_text(e)
    codes = set(e.api_codes)
    message = f"{endpoint}: HTTP {status}: {'; '.join(map(str, e.api_messages))}"
    if status == 429:
        return _rate_limited(e, message, endpoint)
    if status == 403:
        # 187, 385 and 433 are the v1.1 codes for the same conditions.
        if "duplicate content" in text or 187 in codes:
            return Duplicate(message, endpoint)
        if (
            "reply to this conversation is not allowed" in text
            or "deleted or not visible" in text
            or codes & {385, 433}
        ):
            return NotAllowed(message, endpoint)
        return AuthFailed(message, endpoint)
    if status == 401:
        return KeysRejected(message, endpoint)
    if status == 402:
        return OutOfCredits(message, endpoint)
    if status >= 500:
        return Unavailable(message, endpoint, maybe_sent=method == "POST")
    return PlatformError(message, endpoint)


def _parse_time(value: object) -> datetime:
    if not isinstance(value, str):
        # Missing timestamps must not lose the mention; "now" is close enough
        # for the only use (ordering and age checks).
        return datetime.now(UTC)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)


def _rate_limited(e: tweepy.HTTPException, message: str, endpoint: str) -> RateLimited:
    """Which of X's limits was hit: the plan's monthly usage cap, a 24-hour cap, or the
    15-minute window; each pauses until its own reset, not the window's."""
    headers = e.response.headers
    if "usage-capped" in _problem_type(e) or "usage cap" in _problem_text(e):
        return RateLimited(message, endpoint, _next_month(time.time()), scope="month")
    day_resets = [
        _int_header(headers, f"x-{who}-limit-24hour-reset")
        for who in ("user", "app")
        if _int_header(headers, f"x-{who}-limit-24hour-remaining") == 0
    ]
    known = [float(r) for r in day_resets if r is not None]
    if day_resets:
        return RateLimited(message, endpoint, max(known) if known else None, scope="day")
    return RateLimited(message, endpoint, _reset_at(headers))


def _problem_type(e: tweepy.HTTPException) -> str:
    with contextlib.suppress(Exception):
        body = e.response.json()
        if isinstance(body, dict):
            return str(body.get("type", "")) + " " + str(body.get("title", ""))
    return ""


def _next_month(now: float) -> float:
    today = datetime.fromtimestamp(now, UTC)
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return datetime(year, month, 1, tzinfo=UTC).timestamp()


def _refuse_errors_only(body: dict[str, Any]) -> None:
    """A 200 holding only `errors` (the bot's own account not found or suspended) is not
    an empty page: reading it as "no mentions" would hide the problem for good."""
    errors = body.get("errors")
    if errors and "data" not in body and "meta" not in body:
        titles = sorted(
            {str(err.get("title", "?")) for err in errors if isinstance(err, dict)} or {"?"}
        )
        raise Unavailable(
            f"mentions: X answered only errors: {', '.join(titles)[:120]}",
            "mentions",
            maybe_sent=False,
        )


def _parse_mentions(body: dict[str, Any]) -> tuple[list[Mention], int]:
    """The page's mentions, and how many were skipped for lacking a numeric id or an author:
    one bad row must not cost the rest of the batch."""
    data = body.get("data") or []
    users = {str(u["id"]): u for u in body.get("includes", {}).get("users", [])}
    mentions, bad = [], 0
    for tweet in data:
        try:
            tweet_id, author_id = str(tweet["id"]), str(tweet["author_id"])
            if not (tweet_id.isascii() and tweet_id.isdigit() and author_id.isascii()):
                raise ValueError(tweet_id)
            if not author_id.isdigit():
                raise ValueError(tweet_id)
            author = users.get(author_id, {})
            mentions.append(
                Mention(
                    id=tweet_id,
                    author_id=author_id,
                    author_username=str(author.get("username", "")),
                    text=str(tweet["text"]),
                    created_at=_parse_time(tweet.get("created_at")),
                    lang=tweet.get("lang"),
                    author_location=author.get("location"),
                )
            )
        except (KeyError, TypeError, ValueError):
            bad += 1
    return mentions, bad
