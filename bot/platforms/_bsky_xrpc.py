"""How the Bluesky adapter talks XRPC: atproto's own HTTP layer (`atproto_client.request`,
httpx underneath) with per-socket timeouts, every answer's rate-limit headers recorded,
and every failure turned into the platform-neutral errors of `bot.platforms.base`.

Not atproto's high-level `Client`: it logs in with createSession whenever it is not
handed a session (createSession is limited to 30 per 5 min and 300 per day), refreshes
on its own schedule, and its typed methods drop the response headers, which carry the
account's point budget. The low-level `Request` keeps them and still raises atproto's
own errors, which are read here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from atproto_client.exceptions import RequestErrorBase

from .base import (
    AuthFailed,
    KeysRejected,
    NotAllowed,
    PlatformError,
    RateLimited,
    Unavailable,
)

JSON = dict[str, Any]
# A day-long policy ("300;w=86400" for createSession) pauses until its own reset.
DAY = 86_400
# The server's answers for an access token past its time (or revoked with its session):
# refresh, then try again once.
EXPIRED = frozenset({"ExpiredToken", "InvalidToken"})
# The account itself is barred: a human must act, whatever the call.
ACCOUNT_BARRED = frozenset({"AccountTakedown", "AccountDeactivated", "AccountSuspended"})


@dataclass(frozen=True)
class RateLimitState:
    limit: int | None
    remaining: int | None
    reset_at: float | None  # Unix seconds
    policy: str | None = None  # e.g. "5000;w=3600"


class XrpcFailure(Exception):
    """An XRPC answer other than 2xx, or no answer. `status` 0: none arrived."""

    def __init__(
        self,
        status: int,
        error: str,
        message: str,
        headers: Mapping[str, str],
        sent: bool = True,
    ) -> None:
        super().__init__(f"HTTP {status}: {error}: {message}"[:300] if status else message)
        self.status, self.error, self.message = status, error, message
        self.headers = headers
        self.sent = sent  # False: no byte of the request left this machine


def int_header(headers: Mapping[str, str], name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError, TypeError):
        return None


def limit_state(headers: Mapping[str, str]) -> RateLimitState | None:
    if "ratelimit-remaining" not in headers and "ratelimit-reset" not in headers:
        return None
    reset = int_header(headers, "ratelimit-reset")
    return RateLimitState(
        limit=int_header(headers, "ratelimit-limit"),
        remaining=int_header(headers, "ratelimit-remaining"),
        reset_at=float(reset) if reset is not None else None,
        policy=headers.get("ratelimit-policy"),
    )


def window_of(policy: str | None) -> int | None:
    """The window in seconds of a "LIMIT;w=SECONDS" policy header."""
    for part in (policy or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name == "w" and value.isdigit():
            return int(value)
    return None


class Xrpc:
    """One service's XRPC endpoints; `on_headers(endpoint, headers)` sees every answer."""

    def __init__(
        self,
        service: str,
        timeout: tuple[float, float],
        on_headers: Callable[[str, Mapping[str, str]], None],
    ) -> None:
        # Imported here, not with the module: atproto_client loads every generated model
        # (~2 s of CPU), and only a process that talks to Bluesky needs it.
        from atproto_client.exceptions import RequestErrorBase
        from atproto_client.request import Request

        self._errors = RequestErrorBase
        connect, read = timeout
        self._base = service.rstrip("/") + "/xrpc/"
        self._request = Request(
            timeout=httpx.Timeout(connect=connect, read=read, write=read, pool=connect)
        )
        self._on_headers = on_headers

    def close(self) -> None:
        self._request.close()

    def call(
        self,
        method: str,
        nsid: str,
        token: str | None = None,
        params: Mapping[str, object] | None = None,
        body: JSON | None = None,
    ) -> JSON:
        """The answer's JSON object; raises XrpcFailure for anything else."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        url = self._base + nsid
        endpoint = nsid.rsplit(".", 1)[-1]
        try:
            if method == "GET":
                response = self._request.get(url, params=dict(params or {}), headers=headers)
            elif body is None:
                # A procedure without input (refreshSession) refuses any body, even {}.
                response = self._request.post(url, headers=headers)
            else:
                headers["Content-Type"] = "application/json"
                response = self._request.post(url, content=json.dumps(body), headers=headers)
        except self._errors as e:
            raise self._failure(endpoint, e) from None
        except httpx.HTTPError as e:
            # Raised past atproto's mapping (protocol errors, a broken body): it arrived.
            raise XrpcFailure(0, type(e).__name__, f"{type(e).__name__}: {e}", {}) from None
        except ValueError:
            # A 2xx labelled JSON that is not: the server may have acted.
            raise XrpcFailure(0, "BadBody", "unreadable response body", {}) from None
        self._on_headers(endpoint, response.headers)
        if not isinstance(response.content, dict):
            raise XrpcFailure(0, "BadBody", "response body is not a JSON object", response.headers)
        return response.content

    def _failure(self, endpoint: str, e: RequestErrorBase) -> XrpcFailure:
        answer = e.response
        if answer is None:
            cause = e.__cause__
            # Refused, unreachable, no pool slot: the request never left.
            sent = not isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout)
            sent = sent and not isinstance(cause, httpx.PoolTimeout)
            what = type(cause).__name__ if cause is not None else type(e).__name__
            return XrpcFailure(0, what, f"{what}: {cause or e}", {}, sent=sent)
        self._on_headers(endpoint, answer.headers)
        content = answer.content
        error = str(getattr(content, "error", "") or "")
        message = str(getattr(content, "message", "") or "")
        return XrpcFailure(answer.status_code, error, message, answer.headers)


def platform_error(f: XrpcFailure, endpoint: str, method: str) -> PlatformError:
    """What an XrpcFailure means to the engine."""
    text = f"{endpoint}: {f}"
    if f.status == 0:
        return Unavailable(text, endpoint, maybe_sent=method == "POST" and f.sent)
    if f.status == 429:
        state = limit_state(f.headers)
        reset = state.reset_at if state else None
        window = window_of(state.policy if state else None)
        scope = "day" if window is not None and window >= DAY else "window"
        return RateLimited(text, endpoint, reset, scope=scope)
    if f.status == 401 or (f.status == 400 and f.error in {"InvalidToken", "AuthMissing"}):
        return KeysRejected(text, endpoint)
    if f.error in ACCOUNT_BARRED:
        return AuthFailed(text, endpoint)
    if f.status == 403:
        # Refused for this one post (a blocked author, a reply gate) versus the app
        # password lacking the right for the call itself.
        return NotAllowed(text, endpoint) if endpoint == "post" else AuthFailed(text, endpoint)
    if f.status >= 500 or f.status in {409, 413}:
        return Unavailable(text, endpoint, maybe_sent=method == "POST")
    return PlatformError(text, endpoint)
