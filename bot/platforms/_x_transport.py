"""How the X adapter talks HTTP: tweepy's session, pointed at a base URL, with timeouts,
a body size cap and a deadline that also covers a server trickling its answer."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util import Timeout

# tweepy 4.17 hard-codes this host in BaseClient.request.
TWEEPY_HOST = "https://api.twitter.com"
# A page of 100 mentions with their authors is about 100 KB; anything near this is not X.
MAX_BODY = 2_000_000


def endpoint_of(method: str, path: str) -> str | None:
    if path == "/2/users/me":
        return "me"
    if path == "/2/tweets" and method == "POST":
        return "post"
    if re.fullmatch(r"/2/users/[^/]+/mentions", path):
        return "mentions"
    return None


def int_header(headers: Mapping[str, str], name: str) -> int | None:
    try:
        return int(headers[name])
    except (KeyError, ValueError):
        return None


class XTransport(HTTPAdapter):
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
        endpoint = endpoint_of(request.method or "", urlsplit(str(request.url)).path)
        if endpoint is not None:
            self._on_response(endpoint, response.headers)
        read_body(response, started + (self._deadline or 60.0))
        return response


class BodyRefused(requests.exceptions.ConnectionError):
    """The response body was too big or too slow; the server may have acted."""


def read_body(response: requests.Response, deadline: float) -> None:
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


def maybe_sent(exc: requests.RequestException) -> bool:
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
