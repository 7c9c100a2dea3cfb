"""A fake X API v2 server: real HTTP on 127.0.0.1, programmable, thread-safe.

In-process (pytest)::

    fx = FakeX().start()          # fx.url -> "http://127.0.0.1:<port>"
    fx.add_mention("hi @CloseTheCampsBot", "alice", location="Berlin")
    fx.fail("post", "503")        # next POST /2/tweets answers 503
    ...
    fx.stop()

Standalone, for daemon / kill -9 tests::

    python -m tests.support.fakex --port 0     # prints "FAKEX_URL=http://127.0.0.1:<port>"

then drive it through the JSON control endpoints under /_control/ (see
`_Handler._control`). Control requests are not API traffic: they are not
logged, counted or faulted.

Endpoint names ("me", "post", "mentions") match the adapter's error
`endpoint`s. Fault kinds: see FAULT_KINDS.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import random
import re
import signal
import socket
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT_ID = "1600000000000000001"
BOT_USERNAME = "CloseTheCampsBot"
BOT_NAME = "#CloseTheCamps bot"

# Fake credentials for the adapter and daemon under test. Distinctive so a leak is easy to grep.
# The four OAuth 1.0a keys, typed so they can be spread into XPlatform(**X_CREDENTIALS).
X_CREDENTIALS: dict[str, Any] = {
    "api_key": "fakeApiKey7Qm2ZK",
    "api_secret": "fakeApiSecret+Xy9/Lp0=",
    "access_token": "160000-fakeAccessTokenR4nd",
    "access_token_secret": "fakeAccessTokenSecret&k3Y",
}

ENDPOINTS = ("me", "post", "mentions")
# Real per-user limits from X's docs: (requests, window seconds). Reported in
# headers always, enforced only after `limit()`.
DEFAULT_LIMITS = {"me": (75, 900), "post": (100, 900), "mentions": (300, 900)}

FAULT_KINDS = frozenset(
    {
        "429",  # Too Many Requests, x-rate-limit-reset `reset_in` s ahead
        "429_no_reset",  # Too Many Requests without x-rate-limit-reset
        "500",
        "503",
        "401",
        "402",  # credits depleted
        "403",  # app permission problem (not duplicate, not reply rule)
        "403_duplicate",
        "403_reply_not_allowed",
        "403_deleted",
        "malformed",  # 200/201 with a truncated JSON body; a POST IS stored
        "reset_before",  # connection closed without answer; nothing stored
        "reset_after",  # a POST is stored, then the connection is closed
        "timeout",  # a POST is stored; answer only after `delay` s
        "store_503",  # a POST is stored, the answer is 503
        "trickle",  # the full answer (a POST is stored), its body one byte every `delay` s
        "huge",  # 200 with a 50 MB body (a POST is stored)
        "endless",  # a mentions page that always offers a next page
        "bad_rows",  # a mentions page with malformed rows beside the real ones
        "only_bad_rows",  # a mentions page of malformed rows only, newer than any real one
        "errors_only",  # 200 with only an `errors` array (the bot's account not found)
        "429_day",  # the 24-hour cap: x-user-limit-24hour-* say 0 left, reset `reset_in` ahead
        "429_usage_capped",  # the plan's monthly usage cap
    }
)
_STORING_KINDS = frozenset(
    {
        "malformed",
        "reset_after",
        "timeout",
        "store_503",
        "trickle",
        "huge",
        "endless",
        "bad_rows",
        "only_bad_rows",
    }
)
HUGE_BODY = 50_000_000

DUPLICATE_DETAIL = "You are not allowed to create a Tweet with duplicate content."
REPLY_NOT_ALLOWED_DETAIL = (
    "Reply to this conversation is not allowed because you have not been mentioned "
    "or otherwise engaged by the author of the post you are replying to."
)
DELETED_DETAIL = "You attempted to reply to a Tweet that is deleted or not visible to you."
PERMISSION_DETAIL = (
    "Your client app is not configured with the appropriate oauth1 app permissions "
    "for this endpoint."
)


def _problem(status: int, title: str, detail: str, type_: str = "about:blank") -> dict[str, Any]:
    return {"detail": detail, "type": type_, "title": title, "status": status}


_FAULT_BODIES: dict[str, tuple[int, dict[str, Any]]] = {
    "429": (429, _problem(429, "Too Many Requests", "Too Many Requests")),
    "429_no_reset": (429, _problem(429, "Too Many Requests", "Too Many Requests")),
    "500": (500, _problem(500, "Internal Server Error", "Internal Server Error")),
    "503": (503, _problem(503, "Service Unavailable", "Service Unavailable")),
    "store_503": (503, _problem(503, "Service Unavailable", "Service Unavailable")),
    "401": (401, _problem(401, "Unauthorized", "Unauthorized")),
    "402": (
        402,
        _problem(
            402,
            "Payment Required",
            "credits depleted",
            "https://api.x.com/2/problems/credits-depleted",
        ),
    ),
    "403": (403, _problem(403, "Forbidden", PERMISSION_DETAIL)),
    "403_duplicate": (403, _problem(403, "Forbidden", DUPLICATE_DETAIL)),
    "403_reply_not_allowed": (403, _problem(403, "Forbidden", REPLY_NOT_ALLOWED_DETAIL)),
    "403_deleted": (403, _problem(403, "Forbidden", DELETED_DETAIL)),
    "429_day": (429, _problem(429, "Too Many Requests", "Too Many Requests")),
    "429_usage_capped": (
        429,
        _problem(
            429,
            "UsageCapExceeded",
            "Usage cap exceeded: Monthly product cap",
            "https://api.twitter.com/2/problems/usage-capped",
        ),
    ),
}


@dataclass(frozen=True)
class Post:
    id: str
    text: str
    in_reply_to: str | None
    time: float


@dataclass
class StoredMention:
    id: str
    text: str
    author_id: str
    author_username: str
    location: str | None
    lang: str | None
    in_reply_to_user_id: str | None
    created_at: float
    deleted: bool = False


@dataclass
class RequestRecord:
    method: str
    path: str
    endpoint: str | None
    time: float  # arrival, Unix seconds
    query: dict[str, str]
    body: Any
    fault: str | None = None
    status: int | None = None  # None: connection dropped, or still in flight
    # What the client sent, for the secret-filter tests; kept out of repr so
    # a failing assertion that prints records does not print credentials.
    authorization: str | None = field(default=None, repr=False)

    def to_json(self, with_auth: bool = False) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        if not with_auth:
            out.pop("authorization")
        return out


@dataclass
class _Fault:
    kind: str
    delay: float | None
    reset_in: float


@dataclass
class _Chaos:
    kind: str
    rate: float
    rng: random.Random
    delay: float | None
    reset_in: float


@dataclass
class _Window:
    limit: int
    window_s: float
    enforced: bool
    start: float | None = None
    count: int = 0

    def roll(self, now: float) -> None:
        if self.start is None or now >= self.start + self.window_s:
            self.start, self.count = now, 0

    def reset_at(self) -> int:
        assert self.start is not None
        return math.ceil(self.start + self.window_s)


@dataclass
class _Outcome:
    status: int | None  # None: drop the connection without answering
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (or dropping)
    trickle: float = 0.0  # seconds between the body's bytes


class FakeX:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        bot_id: str = BOT_ID,
        bot_username: str = BOT_USERNAME,
        timeout_delay: float = 5.0,
        require_oauth: bool = True,
    ) -> None:
        """`timeout_delay`: default wait of the "timeout" fault; keep it above
        the client's read timeout. `require_oauth`: answer 401 to requests
        without an OAuth 1.0a header (catches tweepy's `Bearer None`)."""
        self.host, self.port = host, port
        self.bot_id, self.bot_username = bot_id, bot_username
        self.timeout_delay = timeout_delay
        self.require_oauth = require_oauth
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.reset()

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> FakeX:
        server = _Server((self.host, self.port), _Handler)
        server.fake = self
        self._server = server
        self.port = server.server_address[1]
        self._stopping.clear()
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a "timeout" fault
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeX:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # -- state for tests ---------------------------------------------------

    def reset(self) -> None:
        """Forget posts, mentions, faults, limits and the request log."""
        with self._lock:
            self._posts: list[Post] = []
            self._mentions: dict[str, StoredMention] = {}
            self._user_ids: dict[str, str] = {}
            self._requests: list[RequestRecord] = []
            self._faults: dict[str, deque[_Fault]] = {e: deque() for e in ENDPOINTS}
            self._chaos: dict[str, list[_Chaos]] = {e: [] for e in ENDPOINTS}
            self._windows = {e: _Window(n, w, False) for e, (n, w) in DEFAULT_LIMITS.items()}
            self._last_id = 0

    def add_mention(
        self,
        text: str,
        author_username: str,
        location: str | None = None,
        lang: str | None = None,
        author_id: str | None = None,
        in_reply_to_user_id: str | None = None,
    ) -> str:
        """Store a post by `author_username` that mentions the bot; return its id."""
        with self._lock:
            if author_id is None:
                author_id = self._user_ids.setdefault(
                    author_username, str(10_000 + len(self._user_ids))
                )
            mention = StoredMention(
                id=self._next_id(),
                text=text,
                author_id=author_id,
                author_username=author_username,
                location=location,
                lang=lang,
                in_reply_to_user_id=in_reply_to_user_id,
                created_at=time.time(),
            )
            self._mentions[mention.id] = mention
            return mention.id

    def delete_mention(self, mention_id: str) -> None:
        """The author deleted it: hidden from reads, replies get 403 deleted."""
        with self._lock:
            self._mentions[mention_id].deleted = True

    def timeline(self) -> list[Post]:
        """The bot's stored posts, oldest first."""
        with self._lock:
            return list(self._posts)

    def mentions(self) -> list[StoredMention]:
        with self._lock:
            return [dataclasses.replace(m) for m in self._mentions.values()]

    def requests(self, endpoint: str | None = None) -> list[RequestRecord]:
        """API requests in arrival order (copies), optionally for one endpoint."""
        with self._lock:
            return [
                dataclasses.replace(r)
                for r in self._requests
                if endpoint is None or r.endpoint == endpoint
            ]

    # -- faults and limits -------------------------------------------------

    def fail(
        self,
        endpoint: str,
        kind: str,
        times: int = 1,
        *,
        delay: float | None = None,
        reset_in: float = 60.0,
    ) -> None:
        """Queue `times` faults: the next `times` requests to `endpoint` get
        `kind`, whatever they are. `delay` (kind "timeout"): seconds before the
        answer, default `timeout_delay`. `reset_in` (kind "429"): how far ahead
        x-rate-limit-reset points."""
        self._check(endpoint, kind)
        with self._lock:
            self._faults[endpoint].extend(_Fault(kind, delay, reset_in) for _ in range(times))

    def chaos(
        self,
        endpoint: str,
        kind: str,
        rate: float,
        seed: int = 0,
        *,
        delay: float | None = None,
        reset_in: float = 60.0,
    ) -> None:
        """From now on each request to `endpoint` gets `kind` with probability
        `rate` (reproducible for a given seed and request order). Queued
        `fail()`s go first."""
        self._check(endpoint, kind)
        with self._lock:
            self._chaos[endpoint].append(_Chaos(kind, rate, random.Random(seed), delay, reset_in))

    def limit(self, endpoint: str, n: int, window_s: float) -> None:
        """Enforce a real fixed-window limit: after `n` requests in the window,
        429 with x-rate-limit-reset at the window's end (rejections not counted)."""
        self._check(endpoint, None)
        with self._lock:
            self._windows[endpoint] = _Window(n, window_s, True)

    def clear_faults(self, endpoint: str | None = None) -> None:
        """Drop queued faults, chaos rules and enforced limits."""
        with self._lock:
            for e in [endpoint] if endpoint else ENDPOINTS:
                self._faults[e].clear()
                self._chaos[e].clear()
                n, w = DEFAULT_LIMITS[e]
                self._windows[e] = _Window(n, w, False)

    @staticmethod
    def _check(endpoint: str, kind: str | None) -> None:
        if endpoint not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {endpoint!r}; one of {ENDPOINTS}")
        if kind is not None and kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {sorted(FAULT_KINDS)}")

    # -- request handling (called from handler threads) --------------------

    def _next_id(self) -> str:
        # Snowflake-like: milliseconds since X's epoch << 22, strictly increasing.
        candidate = (int(time.time() * 1000) - 1288834974657) << 22
        self._last_id = max(self._last_id + 1, candidate)
        return str(self._last_id)

    def _handle(
        self, method: str, path: str, query: dict[str, str], raw_body: bytes, auth: str | None
    ) -> tuple[RequestRecord, _Outcome]:
        now = time.time()
        endpoint = _endpoint_of(method, path)
        try:
            body: Any = json.loads(raw_body) if raw_body else None
        except ValueError:
            body = raw_body.decode("utf-8", "replace")
        record = RequestRecord(method, path, endpoint, now, query, body, authorization=auth)
        with self._lock:
            self._requests.append(record)
            if endpoint is None:
                return record, _json(404, _problem(404, "Not Found Error", f"{method} {path}"))
            if self.require_oauth and not (auth or "").startswith("OAuth "):
                return record, _json(401, _problem(401, "Unauthorized", "Unauthorized"))
            fault = self._take_fault(endpoint)
            window = self._windows[endpoint]
            window.roll(now)
            if fault is None and window.enforced and window.count >= window.limit:
                headers = self._limit_headers(endpoint, remaining=0)
                out = _json(429, _FAULT_BODIES["429"][1], headers)
                record.fault = "limit"
                return record, out
            window.count += 1
            headers = self._limit_headers(endpoint)
            record.fault = fault.kind if fault else None
            out = self._answer(endpoint, method, path, query, body, fault, headers, now)
            return record, out

    def _take_fault(self, endpoint: str) -> _Fault | None:
        if self._faults[endpoint]:
            return self._faults[endpoint].popleft()
        for rule in self._chaos[endpoint]:
            if rule.rng.random() < rule.rate:
                return _Fault(rule.kind, rule.delay, rule.reset_in)
        return None

    def _limit_headers(self, endpoint: str, remaining: int | None = None) -> dict[str, str]:
        w = self._windows[endpoint]
        left = max(0, w.limit - w.count) if remaining is None else remaining
        return {
            "x-rate-limit-limit": str(w.limit),
            "x-rate-limit-remaining": str(left),
            "x-rate-limit-reset": str(w.reset_at()),
        }

    def _answer(
        self,
        endpoint: str,
        method: str,
        path: str,
        query: dict[str, str],
        body: Any,
        fault: _Fault | None,
        headers: dict[str, str],
        now: float,
    ) -> _Outcome:
        kind = fault.kind if fault else None
        if kind == "reset_before":
            return _Outcome(None)
        if kind == "errors_only":
            error = {
                "title": "Not Found Error",
                "detail": f"Could not find user with id: [{self.bot_id}].",
                "type": "https://api.twitter.com/2/problems/resource-not-found",
            }
            return _json(200, {"errors": [error]}, headers)
        if kind in _FAULT_BODIES and kind not in _STORING_KINDS:
            assert fault is not None and kind is not None
            status, problem = _FAULT_BODIES[kind]
            if kind == "429":
                headers = {
                    **headers,
                    "x-rate-limit-remaining": "0",
                    "x-rate-limit-reset": str(math.ceil(now + fault.reset_in)),
                }
            elif kind == "429_day":
                day_reset = str(math.ceil(now + fault.reset_in))
                headers = {
                    **headers,
                    "x-user-limit-24hour-limit": "17",
                    "x-user-limit-24hour-remaining": "0",
                    "x-user-limit-24hour-reset": day_reset,
                    "x-app-limit-24hour-limit": "1667",
                    "x-app-limit-24hour-remaining": "1600",
                    "x-app-limit-24hour-reset": day_reset,
                }
            elif kind == "429_no_reset":
                headers = {k: v for k, v in headers.items() if k != "x-rate-limit-reset"}
                headers["x-rate-limit-remaining"] = "0"
            return _json(status, problem, headers)

        if endpoint == "me":
            result = _json(
                200,
                {"data": {"id": self.bot_id, "name": BOT_NAME, "username": self.bot_username}},
                headers,
            )
        elif endpoint == "post":
            result = self._create_post(body, headers, now)
        else:
            result = self._read_mentions(path, query, headers)

        if kind is None or result.status not in (200, 201):
            return result  # a platform rule refused the request: no post, no fault effect
        assert fault is not None
        if kind == "malformed":
            return _Outcome(result.status, b'{"data": {"id": "', headers)
        if kind == "reset_after":
            return _Outcome(None)
        if kind == "trickle":
            result.trickle = fault.delay if fault.delay is not None else 2.0
            return result
        if kind == "huge":
            return _Outcome(200, b'{"data": [], "pad": "' + b" " * HUGE_BODY + b'"}', headers)
        if kind in ("endless", "bad_rows", "only_bad_rows"):
            page = json.loads(result.body)
            if kind == "endless":
                page.setdefault("meta", {})["next_token"] = f"p{self._next_id()}"
            elif kind == "bad_rows":
                page.setdefault("data", []).extend(
                    [
                        {"id": "not-a-number", "text": "bad row", "author_id": "1"},
                        {"id": self._next_id(), "text": "no author"},
                        # Longer than Python converts to int, and longer than X's ids.
                        {"id": "9" * 5000, "text": "huge id", "author_id": "1"},
                        {"id": "9" * 30, "text": "30 digits", "author_id": "1"},
                    ]
                )
                # A user entry without an id beside the real ones.
                page.setdefault("includes", {}).setdefault("users", []).append({"name": "x"})
            else:
                page["data"] = [{"id": self._next_id(), "text": "no author"} for _ in range(3)]
                page["meta"] = {"newest_id": page["data"][-1]["id"], "result_count": 3}
            return _json(200, page, headers)
        if kind == "store_503":
            status, problem = _FAULT_BODIES["503"]
            return _json(status, problem, headers)
        # "timeout": the full answer, too late for the client.
        result.delay = fault.delay if fault.delay is not None else self.timeout_delay
        return result

    def _create_post(self, body: Any, headers: dict[str, str], now: float) -> _Outcome:
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return _json(400, _problem(400, "Invalid Request", "text is required"), headers)
        text: str = body["text"]
        reply = body.get("reply") or {}
        reply_to = reply.get("in_reply_to_tweet_id") if isinstance(reply, dict) else None
        if any(p.text == text for p in self._posts):
            return _json(403, _FAULT_BODIES["403_duplicate"][1], headers)
        if reply_to is not None:
            reply_to = str(reply_to)
            mention = self._mentions.get(reply_to)
            own = any(p.id == reply_to for p in self._posts)
            if mention is not None and mention.deleted:
                return _json(403, _FAULT_BODIES["403_deleted"][1], headers)
            if mention is None and not own:
                return _json(403, _FAULT_BODIES["403_reply_not_allowed"][1], headers)
        post = Post(self._next_id(), text, reply_to, now)
        self._posts.append(post)
        data = {"id": post.id, "text": text, "edit_history_tweet_ids": [post.id]}
        return _json(201, {"data": data}, headers)

    def _read_mentions(self, path: str, query: dict[str, str], headers: dict[str, str]) -> _Outcome:
        user_id = path.split("/")[3]
        try:
            max_results = int(query.get("max_results", "10"))
            since = int(query["since_id"]) if "since_id" in query else None
            token = query.get("pagination_token")
            until = int(token[1:]) if token is not None else None
            if token is not None and not token.startswith("p"):
                raise ValueError(token)
        except ValueError:
            return _json(400, _problem(400, "Invalid Request", "bad query parameter"), headers)
        if not 5 <= max_results <= 100:
            detail = "The `max_results` query parameter value is not between 5 and 100"
            return _json(400, _problem(400, "Invalid Request", detail), headers)
        found = sorted(
            (
                m
                for m in self._mentions.values()
                if user_id == self.bot_id
                and not m.deleted
                and (since is None or int(m.id) > since)
                and (until is None or int(m.id) < until)
            ),
            key=lambda m: int(m.id),
            reverse=True,
        )
        page, more = found[:max_results], len(found) > max_results
        if not page:
            return _json(200, {"meta": {"result_count": 0}}, headers)
        tweet_fields = set(query.get("tweet.fields", "").split(","))
        user_fields = set(query.get("user.fields", "").split(","))
        data = [_tweet_json(m, tweet_fields) for m in page]
        meta: dict[str, Any] = {
            "result_count": len(page),
            "newest_id": page[0].id,
            "oldest_id": page[-1].id,
        }
        if more:
            meta["next_token"] = f"p{page[-1].id}"
        out: dict[str, Any] = {"data": data}
        if "author_id" in query.get("expansions", "").split(","):
            users = {m.author_id: _user_json(m, user_fields) for m in page}
            out["includes"] = {"users": list(users.values())}
        out["meta"] = meta
        return _json(200, out, headers)


def _endpoint_of(method: str, path: str) -> str | None:
    if method == "GET" and path == "/2/users/me":
        return "me"
    if method == "POST" and path == "/2/tweets":
        return "post"
    if method == "GET" and re.fullmatch(r"/2/users/[0-9]+/mentions", path):
        return "mentions"
    return None


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + (
        f"{int(ts * 1000) % 1000:03d}Z"
    )


def _tweet_json(m: StoredMention, fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": m.id, "text": m.text, "edit_history_tweet_ids": [m.id]}
    if "created_at" in fields:
        out["created_at"] = _iso(m.created_at)
    if "author_id" in fields:
        out["author_id"] = m.author_id
    if "lang" in fields:
        out["lang"] = m.lang or "und"
    if "in_reply_to_user_id" in fields and m.in_reply_to_user_id is not None:
        out["in_reply_to_user_id"] = m.in_reply_to_user_id
    return out


def _user_json(m: StoredMention, fields: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": m.author_id,
        "name": m.author_username,
        "username": m.author_username,
    }
    if "location" in fields and m.location is not None:
        out["location"] = m.location
    return out


def _json(status: int, obj: Any, headers: dict[str, str] | None = None) -> _Outcome:
    return _Outcome(status, json.dumps(obj).encode(), dict(headers or {}))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeX

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The client gave up (read timeout) or we dropped the socket on purpose.
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real API
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle plus the
        # client's delayed ACK adds ~40 ms to every call.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # stay off stderr; tests read the request log instead

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        fake = self.server.fake
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if parts.path.startswith("/_control/"):
            self._control(fake, method, parts.path, query, raw)
            return
        record, out = fake._handle(
            method, parts.path, query, raw, self.headers.get("Authorization")
        )
        if out.delay and fake._stopping.wait(out.delay):
            out = _Outcome(None)  # server stopping: do not answer
        if out.status is None:
            self.close_connection = True
            # shutdown, not close: rfile/wfile still hold the socket open.
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        with fake._lock:
            record.status = out.status
        if out.trickle:
            self._trickle(fake, out)
            return
        self._send(out.status, out.body, out.headers)

    def _trickle(self, fake: FakeX, out: _Outcome) -> None:
        assert out.status is not None
        self.send_response(out.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(out.body)))
        for name, value in out.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()
        with contextlib.suppress(OSError):
            for i in range(len(out.body)):
                if fake._stopping.wait(out.trickle):
                    break
                self.wfile.write(out.body[i : i + 1])
                self.wfile.flush()
        self.close_connection = True

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _control(
        self, fake: FakeX, method: str, path: str, query: dict[str, str], raw: bytes
    ) -> None:
        """Test-only JSON API:

        POST /_control/mention  {text, author_username, location?, lang?, author_id?,
                                 in_reply_to_user_id?}            -> {"id": ...}
        POST /_control/delete   {id}
        POST /_control/fail     {endpoint, kind, times?, delay?, reset_in?}
        POST /_control/chaos    {endpoint, kind, rate, seed?, delay?, reset_in?}
        POST /_control/limit    {endpoint, n, window_s}
        POST /_control/clear    {endpoint?}    (faults, chaos, limits)
        POST /_control/reset                   (everything)
        GET  /_control/timeline                -> [{id, text, in_reply_to, time}]
        GET  /_control/mentions                -> [{id, text, author_id, ...}]
        GET  /_control/requests?endpoint=&auth=1 -> [{method, path, endpoint, time,
                                 query, body, fault, status[, authorization]}]
        """
        try:
            args: dict[str, Any] = json.loads(raw) if raw else {}
            name = path.removeprefix("/_control/")
            result: Any = {"ok": True}
            if method == "POST" and name == "mention":
                result = {"id": fake.add_mention(**args)}
            elif method == "POST" and name == "delete":
                fake.delete_mention(str(args["id"]))
            elif method == "POST" and name == "fail":
                fake.fail(**args)
            elif method == "POST" and name == "chaos":
                fake.chaos(**args)
            elif method == "POST" and name == "limit":
                fake.limit(**args)
            elif method == "POST" and name == "clear":
                fake.clear_faults(args.get("endpoint"))
            elif method == "POST" and name == "reset":
                fake.reset()
            elif method == "GET" and name == "timeline":
                result = [dataclasses.asdict(p) for p in fake.timeline()]
            elif method == "GET" and name == "mentions":
                result = [dataclasses.asdict(m) for m in fake.mentions()]
            elif method == "GET" and name == "requests":
                with_auth = query.get("auth") == "1"
                result = [
                    r.to_json(with_auth) for r in fake.requests(query.get("endpoint") or None)
                ]
            else:
                self._send(404, json.dumps({"error": f"no control {method} {name}"}).encode())
                return
        except (TypeError, ValueError, KeyError) as e:
            self._send(400, json.dumps({"error": repr(e)}).encode())
            return
        self._send(200, json.dumps(result).encode())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake X API v2 server for tests.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--bot-id", default=BOT_ID)
    parser.add_argument("--bot-username", default=BOT_USERNAME)
    parser.add_argument("--timeout-delay", type=float, default=5.0)
    opts = parser.parse_args(argv)
    fake = FakeX(
        opts.host,
        opts.port,
        bot_id=opts.bot_id,
        bot_username=opts.bot_username,
        timeout_delay=opts.timeout_delay,
    ).start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    print(f"FAKEX_URL={fake.url}", flush=True)
    done.wait()
    fake.stop()


if __name__ == "__main__":
    main()
