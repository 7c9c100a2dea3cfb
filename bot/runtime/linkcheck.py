"""Open links and say which are dead, moved or slow.

    check_links(urls, timeout, concurrency, on_done) -> {url: Outcome}

One link at a time is: HEAD; then GET when HEAD does not give a 2xx or 3xx answer
(many servers refuse HEAD with 405 or 501, or answer it wrongly with 403 or 404); each
following redirects (10 at most). Each attempt has one deadline, `timeout` seconds, for
everything it does: name lookup, connecting, TLS, every request, every redirect and
reading the body. requests' timeouts are per socket operation, so a server trickling a
byte a second would hold a link for ever; here the socket is ours, and a watchdog shuts
it at the deadline, and the name is looked up on a thread we stop waiting for.

Retry policy: a 5xx, 408 or 429 answer, a reset connection or a timeout gets one more
attempt after RETRY_PAUSE seconds (a server restarting, a brief overload); a 404, 410 or
any other 4xx, a name that does not resolve, a refused connection or a bad certificate
is final at once. No cookies are ever kept or sent; the User-Agent names the project.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

USER_AGENT = "closethecamps-linkcheck/0.1 (the #CloseTheCamps awareness bot's link check)"
SLOW_AFTER = 3.0  # seconds for an attempt that answered: worth a look, not dead
RETRY_PAUSE = 1.0
MAX_REDIRECTS = 10
BODY_CAP = 256 * 1024  # enough to know the page arrives; we never need all of it
_RETRY_STATUS = frozenset({408, 429})


@dataclass(frozen=True)
class Outcome:
    url: str
    status: int | None  # the final HTTP status, None when nothing answered
    final_url: str
    seconds: float  # of the last attempt
    error: str | None = None  # "timeout after 10 s", "DNS failure", "connection reset"...
    method: str = "HEAD"  # what gave the final answer
    attempts: int = 1

    @property
    def dead(self) -> bool:
        return self.error is not None or self.status is None or self.status >= 400

    @property
    def moved(self) -> bool:
        return not self.dead and self.final_url != self.url

    @property
    def slow(self) -> bool:
        return not self.dead and self.seconds > SLOW_AFTER

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": self.status,
            "final_url": self.final_url,
            "seconds": round(self.seconds, 3),
            "error": self.error,
            "method": self.method,
            "attempts": self.attempts,
            "dead": self.dead,
            "moved": self.moved,
            "slow": self.slow,
        }


class _Timeout(Exception):
    pass


def _resolve(host: str, port: int, deadline: float) -> list[Any]:
    """getaddrinfo within the deadline: it cannot be interrupted, so it runs on a
    daemon thread we stop waiting for."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["addrs"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as e:
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(max(0.0, deadline - time.monotonic()))
    if t.is_alive():
        raise _Timeout
    if "error" in box:
        raise box["error"]
    return list(box["addrs"])


class _Watchdog:
    """Shuts the connection at the deadline, whatever it is doing.

    It holds a duplicate of the socket's descriptor: TLS takes the socket object over,
    and http.client lets go of it once the headers are read, but shutting down any
    descriptor of a connection ends every read on it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fd: int | None = None

    def hold(self, sock: socket.socket) -> None:
        with self._lock:
            self._release()
            self._fd = os.dup(sock.fileno())

    def cut(self) -> None:
        with self._lock:
            if self._fd is not None:
                s = socket.socket(fileno=self._fd)
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.detach()

    def _release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def release(self) -> None:
        with self._lock:
            self._release()


def _connector(deadline: float, watch: _Watchdog) -> Callable[..., socket.socket]:
    def connect(address: tuple[str, int], *_: Any, **__: Any) -> socket.socket:
        last: OSError | None = None
        for family, kind, proto, _name, addr in _resolve(*address, deadline):
            sock = socket.socket(family, kind, proto)
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            watch.hold(sock)
            try:
                sock.connect(addr)
                return sock
            except OSError as e:
                sock.close()
                last = e
        raise last or OSError("no address")

    return connect


def _request(url: str, method: str, deadline: float) -> tuple[int, str | None]:
    """(status, Location) of one request, the body read (up to BODY_CAP) for a GET."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    remaining = max(0.01, deadline - time.monotonic())
    conn: http.client.HTTPConnection
    if parts.scheme == "https":
        ctx = ssl.create_default_context()
        conn = http.client.HTTPSConnection(host, parts.port, timeout=remaining, context=ctx)
    elif parts.scheme == "http":
        conn = http.client.HTTPConnection(host, parts.port, timeout=remaining)
    else:
        raise ValueError(f"cannot open a {parts.scheme or 'schemeless'} link")
    watch = _Watchdog()
    conn._create_connection = _connector(deadline, watch)  # type: ignore[attr-defined]
    timer = threading.Timer(remaining, watch.cut)
    timer.daemon = True
    timer.start()
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request(
            method,
            path,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "*/*",
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
        )
        resp = conn.getresponse()
        try:
            if method == "GET" and not 300 <= resp.status < 400:
                resp.read(BODY_CAP)
            return resp.status, resp.getheader("Location")
        finally:
            resp.close()
    finally:
        timer.cancel()
        conn.close()
        watch.release()


def _follow(url: str, method: str, deadline: float) -> tuple[int, str]:
    """(final status, final URL) after redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        status, location = _request(url, method, deadline)
        if status in (301, 302, 303, 307, 308) and location:
            url = urljoin(url, location)
            continue
        return status, url
    raise ValueError(f"more than {MAX_REDIRECTS} redirects")


def _describe(e: BaseException, timeout: float, late: bool) -> tuple[str, bool]:
    """(what went wrong, worth one more attempt)."""
    if late or isinstance(e, _Timeout | TimeoutError):
        return f"timeout after {timeout:g} s", True
    if isinstance(e, socket.gaierror):
        return "DNS failure (the name does not resolve)", False
    if isinstance(e, ssl.SSLCertVerificationError):
        return f"TLS certificate refused ({e.verify_message})", False
    if isinstance(e, ConnectionRefusedError):
        return "connection refused", False
    if isinstance(e, ConnectionError | http.client.RemoteDisconnected | http.client.BadStatusLine):
        return "connection reset", True
    if isinstance(e, ValueError):
        return str(e), False
    return f"{type(e).__name__}: {e}", False


def _attempt(url: str, timeout: float) -> tuple[Outcome, bool]:
    """One attempt (HEAD, then GET if needed) and whether it is worth retrying."""
    start = time.monotonic()
    deadline = start + timeout
    target = url if "://" in url else "https://" + url
    outcome: Outcome | None = None
    for method in ("HEAD", "GET"):
        try:
            status, final = _follow(target, method, deadline)
            if time.monotonic() >= deadline:  # the watchdog cut a body short
                raise _Timeout
        except Exception as e:
            what, again = _describe(e, timeout, time.monotonic() >= deadline)
            outcome = Outcome(url, None, url, time.monotonic() - start, what, method)
            if not again or what.startswith("timeout") or method == "GET":
                return outcome, again
            continue  # a reset HEAD: some servers only drop HEAD
        outcome = Outcome(url, status, final, time.monotonic() - start, None, method)
        if status < 400:
            return outcome, False
    assert outcome is not None and outcome.status is not None
    code = outcome.status
    return outcome, code >= 500 or code in _RETRY_STATUS


def check_link(url: str, timeout: float, retry_pause: float = RETRY_PAUSE) -> Outcome:
    outcome, again = _attempt(url, timeout)
    if again:
        time.sleep(retry_pause)
        outcome, _ = _attempt(url, timeout)
        outcome = replace(outcome, attempts=2)
    return outcome


def check_links(
    urls: Iterable[str],
    timeout: float,
    concurrency: int,
    on_done: Callable[[Outcome], None] | None = None,
) -> dict[str, Outcome]:
    """Every link's outcome; `on_done` is called (on this thread) as each finishes."""
    out: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(check_link, u, timeout) for u in urls]
        for f in as_completed(futures):
            outcome = f.result()
            out[outcome.url] = outcome
            if on_done is not None:
                on_done(outcome)
    return out
