"""How the Mastodon adapter talks HTTP, and what its failures mean.

Mastodon.py makes the requests through a `requests` session we hand it; the transport
mounted on that session adds what a daemon needs and the library lacks: a timeout on
every request, a body size cap and a deadline that also covers a server trickling its
answer (shared with the X adapter's transport), and the rate-limit headers of every
response recorded per endpoint. `map_error` turns Mastodon.py's exceptions into the
platform-neutral errors of `bot.platforms.base`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from mastodon import (
    MastodonAPIError,
    MastodonError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonUnauthorizedError,
)
from requests.adapters import HTTPAdapter
from urllib3.util import Retry, Timeout

from ._x_transport import int_header, maybe_sent, read_body
from .base import (
    AuthFailed,
    KeysRejected,
    NotAllowed,
    PlatformError,
    RateLimited,
    Unavailable,
)

RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
# Calls that change something on the server: a lost answer leaves the outcome unknown.
WRITES = frozenset({"POST", "PATCH", "PUT", "DELETE"})


@dataclass(frozen=True)
class RateLimitState:
    """The X adapter's shape, so the guard stores both alike."""

    limit: int | None
    remaining: int | None
    reset_at: float | None  # Unix seconds


def endpoint_of(method: str, path: str) -> str | None:
    """The name under which a request's rate-limit headers are kept."""
    if path.endswith("/api/v1/statuses") and method == "POST":
        return "post"
    if re.search(r"/api/v1/statuses/[^/]+$", path):
        return "status"
    if path.endswith("/api/v1/notifications"):
        return "mentions"
    if path.endswith("/api/v1/accounts/verify_credentials"):
        return "me"
    if path.endswith("/api/v1/accounts/update_credentials"):
        return "bot"
    if re.search(r"/api/v[12]/instance$", path):
        return "instance"
    return None


def parse_reset(value: str | None) -> float | None:
    """X-RateLimit-Reset: Mastodon sends an ISO 8601 time, GoToSocial Unix seconds."""
    if not value:
        return None
    try:
        return float(int(value))
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


class MastodonTransport(HTTPAdapter):
    """Mounted on the session Mastodon.py uses, for the instance's base URL."""

    def __init__(
        self,
        timeout: tuple[float, float],
        deadline: float,
        on_response: Callable[[str, Mapping[str, str]], None],
    ) -> None:
        # A reset before any answer is retried where that cannot act twice: a refused
        # connection (nothing sent) and a read (GET). snac resets a connection now and
        # then; a POST is never re-sent here (the outbox settles it with its key).
        super().__init__(
            max_retries=Retry(
                total=2,
                connect=2,
                read=1,
                status=0,
                other=0,
                redirect=0,
                allowed_methods=frozenset({"GET"}),
                raise_on_status=False,
            )
        )
        self._connect, self._read = timeout
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
        # A fresh Timeout per request: urllib3 keeps the connect start time in it.
        limit = Timeout(connect=self._connect, read=self._read, total=self._deadline)
        started = time.monotonic()
        response = super().send(
            request,
            stream=True,
            timeout=limit,  # type: ignore[arg-type]  # requests accepts urllib3 Timeouts
            verify=verify,
            cert=cert,
            proxies=proxies,
        )
        path = urlsplit(str(request.url)).path
        endpoint = endpoint_of(request.method or "", path)
        if endpoint is not None and any(h in response.headers for h in RATE_HEADERS):
            self._on_response(endpoint, dict(response.headers))
        # Mastodon.py keeps its own rate-limit state from these headers and raises
        # MastodonRatelimitError on a *successful* answer whose reset time it cannot
        # parse: a post that went out would look rate-limited. We keep the state
        # ourselves (above), so the library never sees them.
        for name in RATE_HEADERS:
            response.headers.pop(name, None)
        read_body(response, started + self._deadline)
        return response


def map_error(
    e: MastodonError, endpoint: str, method: str, reset_at: float | None, reply: bool = False
) -> PlatformError:
    """One of base.py's errors for a Mastodon.py exception. `reset_at` is the reset time
    the transport saw on this endpoint's last answer (Mastodon.py's 429 carries none);
    `reply` says the call is part of answering a post (reading it, or the reply)."""
    writes = method in WRITES
    if isinstance(e, MastodonRatelimitError):
        return RateLimited(f"{endpoint}: HTTP 429 rate limited", endpoint, reset_at)
    if isinstance(e, MastodonNetworkError):
        cause = e.__context__
        sent = writes and (not isinstance(cause, requests.RequestException) or maybe_sent(cause))
        return Unavailable(f"{endpoint}: {type(cause).__name__}: {cause}", endpoint, sent)
    status, detail = http_status(e)
    message = f"{endpoint}: HTTP {status}: {detail}"[:300]
    if isinstance(e, MastodonUnauthorizedError):
        return KeysRejected(message, endpoint)
    if status == 422 and endpoint in ("me", "bot"):
        # snac answers 422 where Mastodon answers 401 to a token it does not know.
        return KeysRejected(message, endpoint)
    if isinstance(e, MastodonServerError) or (status is not None and status >= 500):
        return Unavailable(message, endpoint, maybe_sent=writes)
    if status is None:
        # A 2xx answer whose body is not JSON: the call may well have been acted on.
        return Unavailable(f"{endpoint}: unreadable response body", endpoint, maybe_sent=True)
    if status == 403:
        lowered = detail.lower()
        # The token lacks a scope or the account is disabled: a person must act. Else a
        # 403 on a reply concerns that one post (its author's settings, a block).
        scope = any(w in lowered for w in ("scope", "disabled", "suspended", "login", "token"))
        return (
            NotAllowed(message, endpoint) if reply and not scope else AuthFailed(message, endpoint)
        )
    if isinstance(e, MastodonNotFoundError) and reply:
        return NotAllowed(message, endpoint)  # the post answered is deleted or hidden
    return PlatformError(message, endpoint)


def http_status(e: MastodonError) -> tuple[int | None, str]:
    """(status, the server's `error` text) of an HTTP error; (None, ...) for a body
    Mastodon.py could not parse. Its HTTP errors carry (message, status, reason, error)."""
    args = e.args
    if isinstance(e, MastodonAPIError) and len(args) >= 2 and isinstance(args[1], int):
        detail = args[3] if len(args) > 3 and args[3] else (args[2] if len(args) > 2 else "")
        return args[1], str(detail)
    return None, type(e).__name__


def rate_state(headers: Mapping[str, str]) -> RateLimitState:
    lowered = {k.lower(): v for k, v in headers.items()}
    return RateLimitState(
        int_header(lowered, "x-ratelimit-limit"),
        int_header(lowered, "x-ratelimit-remaining"),
        parse_reset(lowered.get("x-ratelimit-reset")),
    )
