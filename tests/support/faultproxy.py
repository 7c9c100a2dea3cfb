"""A real HTTP proxy on 127.0.0.1 in front of one upstream server, that fails some
requests on purpose: the Mastodon and Bluesky counterpart of fakex.py's `chaos`.

Every request (method, path, query, headers, body) is forwarded and the upstream's
answer sent back, one connection per request. A request matching a `Rule` (method and
path) may instead, at the rule's seeded rate, meet one fault:

  reset_before      the connection is reset; nothing reaches the upstream
  store_then_reset  forwarded, the upstream acts, then the connection is reset with no
                    answer: the client cannot tell whether its post exists
  503               answered 503 without forwarding
  slow_after        forwarded, answered only after `slow_delay` seconds (longer than
                    the adapter's deadline, so the client gives up first)

With `idempotency=True` the proxy also does what Mastodon does with an
`Idempotency-Key` header (docs.joinmastodon.org, methods/statuses#create; kept about an
hour) and snac 2.75 does not (tests/platforms/test_servers_smoke.py): a POST repeating
the key of one the upstream answered with a 2xx, with the same Authorization, gets that
first answer again and is not forwarded. Without it, no client could settle an unknown
outcome on snac without risking a second post; with it, a client that re-sends with a
new key still posts twice, which is what a test should catch.

    proxy = FaultProxy(upstream_url, [Rule("POST", "/api/v1/statuses", "503", 0.1)],
                       seed=7).start()
    ... proxy.url ...; proxy.injected  # Counter of faults; proxy.stop()
"""

from __future__ import annotations

import http.client
import random
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = ("reset_before", "store_then_reset", "503", "slow_after")
# The faults after which the upstream may have acted while the client saw no answer.
AMBIGUOUS = frozenset({"store_then_reset", "slow_after"})
# Headers about one connection, not the message: never forwarded either way.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "host",
        "content-length",
    }
)
UPSTREAM_TIMEOUT = 30.0


@dataclass(frozen=True)
class Rule:
    """Requests with this method and path (the query aside) meet `fault` at `rate`,
    at most `times` times (None: no limit). Rule("POST", p, f, 1.0, times=1) makes the
    first matching request meet `f` for sure."""

    method: str
    path: str
    fault: str
    rate: float
    times: int | None = None

    def __post_init__(self) -> None:
        if self.fault not in FAULTS:
            raise ValueError(f"unknown fault {self.fault!r}; use one of {FAULTS}")


class FaultProxy:
    def __init__(
        self,
        upstream: str,
        rules: list[Rule],
        seed: int = 0,
        slow_delay: float = 6.0,
        idempotency: bool = False,
    ) -> None:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"upstream must be http://host:port, not {upstream!r}")
        self.upstream_host, self.upstream_port = parts.hostname, parts.port or 80
        self.rules = list(rules)
        self.slow_delay = slow_delay
        self.injected: Counter[str] = Counter()  # (fault) over every rule
        self._fired: Counter[int] = Counter()  # (rule's index) injections
        self.forwarded = 0
        self.replayed = 0  # POSTs answered from a repeated Idempotency-Key
        self.enabled = True
        self.idempotency = idempotency
        self._answers: dict[tuple[str, str], tuple[int, str, list[tuple[str, str]], bytes]] = {}
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; a `slow_after` still waiting is woken and drops its answer."""
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def fault_for(self, method: str, path: str) -> str | None:
        """The fault this request meets, if any; one draw per matching rule, in order."""
        with self._lock:
            if not self.enabled:
                return None
            for i, rule in enumerate(self.rules):
                if rule.method != method or rule.path != path:
                    continue
                if rule.times is not None and self._fired[i] >= rule.times:
                    continue
                if self._rng.random() < rule.rate:
                    self._fired[i] += 1
                    self.injected[rule.fault] += 1
                    return rule.fault
            return None

    def forward(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        """The upstream's answer, or with `idempotency` the first answer to this key."""
        found = {k.lower(): v for k, v in headers}
        key = (found.get("authorization", ""), found.get("idempotency-key", ""))
        remember = self.idempotency and method == "POST" and bool(key[1])
        if remember:
            with self._lock:
                first = self._answers.get(key)
                if first is not None:
                    self.replayed += 1
                    return first
        answer = self._upstream(method, target, headers, body)
        if remember and 200 <= answer[0] < 300:
            with self._lock:
                self._answers.setdefault(key, answer)
        return answer

    def _upstream(
        self, method: str, target: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(
            self.upstream_host, self.upstream_port, timeout=UPSTREAM_TIMEOUT
        )
        try:
            sent = [(k, v) for k, v in headers if k.lower() not in HOP_BY_HOP]
            conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", f"{self.upstream_host}:{self.upstream_port}")
            for k, v in sent:
                conn.putheader(k, v)
            conn.putheader("Content-Length", str(len(body)))
            conn.putheader("Connection", "close")
            conn.endheaders(body)
            answer = conn.getresponse()
            data = answer.read()
            back = [(k, v) for k, v in answer.getheaders() if k.lower() not in HOP_BY_HOP]
            with self._lock:
                self.forwarded += 1
            return answer.status, answer.reason, back, data
        finally:
            conn.close()


def _handler(proxy: FaultProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0 answers: one request per connection, so a fault never reaches a
        # request the client sent on a kept-alive connection after it.
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the test prints its own summary

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            fault = proxy.fault_for(self.command, urlsplit(self.path).path)
            if fault == "reset_before":
                self._reset()
                return
            if fault == "503":
                self._answer(503, "Service Unavailable", [("Content-Type", "text/plain")], b"")
                return
            try:
                status, reason, headers, data = proxy.forward(
                    self.command, self.path, list(self.headers.items()), body
                )
            except OSError:
                self._answer(502, "Bad Gateway", [("Content-Type", "text/plain")], b"")
                return
            if fault == "store_then_reset":
                self._reset()
                return
            if fault == "slow_after" and proxy._stopping.wait(proxy.slow_delay):
                return
            self._answer(status, reason, headers, data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _any

        def _answer(
            self, status: int, reason: str, headers: list[tuple[str, str]], data: bytes
        ) -> None:
            try:
                self.send_response(status, reason)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
            except OSError:
                pass  # the client gave up (after a slow_after): nothing to tell it

        def _reset(self) -> None:
            # SO_LINGER 0: close() sends a RST, the client sees "connection reset".
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True

    return Handler
