"""The Bluesky adapter against answers the dev-env network cannot give: rate-limit headers
and 429s (dev-env runs with rate limits off), a server-side expired token, a fault after
the post was stored, a server that never answers, long notification feeds.

The answers are written from the platform's documented behaviour (the PDS's
`ratelimit-limit/-remaining/-reset/-policy` headers with the reset in Unix seconds,
`{"error": "RateLimitExceeded"}` on 429, `{"error": "ExpiredToken"}` with status 400 for
an access token past its time, the XRPC error body `{error, message}`), shaped like the
dev-env PDS's own answers where it gives them; a tiny HTTP server on 127.0.0.1 replays
them, so the adapter's real HTTP stack is what is tested."""

from __future__ import annotations

import base64
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from bot.platforms._bsky_records import tid
from bot.platforms.base import KeysRejected, RateLimited, Unavailable
from bot.platforms.bluesky import BlueskyPlatform

DID = "did:plc:recordedbot000000000000"
HANDLE = "campaignbot.example"
Answer = tuple[int, dict[str, str], Any]


def jwt(exp: float, scope: str = "com.atproto.access") -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    claims = {"scope": scope, "sub": DID, "exp": int(exp), "iat": int(time.time())}
    return f"{part({'typ': 'at+jwt', 'alg': 'HS256'})}.{part(claims)}.c2ln"


def session_body(n: int = 1) -> dict[str, Any]:
    return {
        "did": DID,
        "handle": HANDLE,
        "accessJwt": jwt(time.time() + 7200) + str(n),
        "refreshJwt": jwt(time.time() + 86400 * 60, "com.atproto.refresh") + str(n),
        "active": True,
    }


def limits(limit: int, remaining: int, window: int) -> dict[str, str]:
    return {
        "ratelimit-limit": str(limit),
        "ratelimit-remaining": str(remaining),
        "ratelimit-reset": str(int(time.time()) + window // 2),
        "ratelimit-policy": f"{limit};w={window}",
    }


@dataclass
class Recorded:
    """nsid -> answers, given out in order (the last one repeats); a callable answer is
    called with the request's query string."""

    answers: dict[str, list[Answer | Callable[[str], Answer]]] = field(default_factory=dict)
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (method, nsid, auth)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def on(self, nsid: str, *answers: Answer | Callable[[str], Answer]) -> None:
        self.answers[nsid] = list(answers)

    def calls(self, nsid: str) -> int:
        return sum(1 for _, n, _ in self.seen if n == nsid)

    def answer(self, method: str, path: str, auth: str) -> Answer:
        nsid, _, query = path.removeprefix("/xrpc/").partition("?")
        self.seen.append((method, nsid, auth))
        queue = self.answers.get(nsid)
        if not queue:
            return 501, {}, {"error": "MethodNotImplemented", "message": nsid}
        given = queue.pop(0) if len(queue) > 1 else queue[0]
        return given(query) if callable(given) else given

    def hang(self, _: str) -> Answer:
        """A server that takes the request and never answers (until the test ends)."""
        self.release.wait(30)
        return 500, {}, {"error": "InternalServerError", "message": "too late"}


@pytest.fixture
def recorded() -> Iterator[Recorded]:
    rec = Recorded()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._reply()

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._reply()

        def _reply(self) -> None:
            auth = self.headers.get("Authorization", "")
            status, headers, body = rec.answer(self.command, self.path, auth)
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rec.url = f"http://127.0.0.1:{server.server_address[1]}"
    rec.on("com.atproto.server.createSession", (200, limits(30, 29, 300), session_body()))
    try:
        yield rec
    finally:
        rec.release.set()
        server.shutdown()
        server.server_close()


def platform(rec: Recorded, deadline: float = 10.0) -> BlueskyPlatform:
    return BlueskyPlatform(HANDLE, "app-pass-word-here", rec.url, deadline=deadline)


def created() -> Answer:
    uri = f"at://{DID}/app.bsky.feed.post/3lrecorded2222"
    return 200, limits(5000, 4997, 3600), {"uri": uri, "cid": "bafyreirecorded"}


NOT_FOUND: Answer = (400, {}, {"error": "RecordNotFound", "message": "Could not locate record"})


def test_rate_limit_headers_are_kept_per_method_and_429_says_until_when(
    recorded: Recorded,
) -> None:
    recorded.on("com.atproto.repo.getRecord", NOT_FOUND)
    recorded.on(
        "com.atproto.repo.createRecord",
        created(),
        (429, limits(5000, 0, 3600), {"error": "RateLimitExceeded", "message": "Rate Limit"}),
    )
    bsky = platform(recorded)
    bsky.post("first", key="a", created_at=1_700_000_000.0)
    state = bsky.rate_limits()["createRecord"]
    assert (state.limit, state.remaining, state.policy) == (5000, 4997, "5000;w=3600")
    assert bsky.rate_limits()["createSession"].remaining == 29
    with pytest.raises(RateLimited) as limited:
        bsky.post("second", key="b", created_at=1_700_000_001.0)
    reset = bsky.rate_limits()["createRecord"].reset_at
    assert limited.value.reset_at == reset and reset is not None and reset > time.time()
    assert (limited.value.scope, limited.value.endpoint) == ("window", "post")


def test_the_daily_login_limit_is_a_day_long_pause(recorded: Recorded) -> None:
    recorded.on(
        "com.atproto.server.createSession",
        (429, limits(300, 0, 86400), {"error": "RateLimitExceeded", "message": "Rate Limit"}),
    )
    with pytest.raises(RateLimited) as limited:
        platform(recorded).whoami()
    assert limited.value.scope == "day"


def test_an_expired_token_is_refreshed_not_logged_in_again(recorded: Recorded) -> None:
    expired: Answer = (400, {}, {"error": "ExpiredToken", "message": "Token has expired"})
    me: Answer = (200, {}, {"did": DID, "handle": HANDLE})
    recorded.on("com.atproto.server.getSession", me, expired, me)
    recorded.on("com.atproto.server.refreshSession", (200, {}, session_body(2)))
    bsky = platform(recorded)
    bsky.whoami()
    assert bsky.whoami().id == DID
    assert recorded.calls("com.atproto.server.createSession") == 1
    assert recorded.calls("com.atproto.server.refreshSession") == 1
    # The retry carried the new access token.
    # The retry carried the refreshed access token (session_body(2)'s end in "2").
    assert recorded.seen[-1][2].endswith("2")


def test_a_refused_refresh_logs_in_and_a_refused_login_is_keys_rejected(
    recorded: Recorded,
) -> None:
    expired: Answer = (400, {}, {"error": "ExpiredToken", "message": "Token has expired"})
    recorded.on("com.atproto.server.getSession", (200, {}, {"did": DID, "handle": HANDLE}), expired)
    recorded.on(
        "com.atproto.server.refreshSession",
        (400, {}, {"error": "ExpiredToken", "message": "Token has expired"}),
    )
    recorded.on(
        "com.atproto.server.createSession",
        (200, {}, session_body()),
        (401, {}, {"error": "AuthenticationRequired", "message": "Invalid identifier or password"}),
    )
    bsky = platform(recorded)
    bsky.whoami()
    with pytest.raises(KeysRejected):
        bsky.whoami()
    assert recorded.calls("com.atproto.server.createSession") == 2


def test_a_fault_after_the_post_was_stored_answers_the_stored_post(recorded: Recorded) -> None:
    uri = f"at://{DID}/app.bsky.feed.post/3lrecorded2222"
    recorded.on(
        "com.atproto.repo.getRecord",
        NOT_FOUND,
        (200, {}, {"uri": uri, "cid": "bafyreirecorded", "value": {"text": "x"}}),
    )
    recorded.on(
        "com.atproto.repo.createRecord",
        (500, {}, {"error": "InternalServerError", "message": "Internal Server Error"}),
    )
    assert platform(recorded).post("x", key="k", created_at=1_700_000_000.0) == uri


def test_a_fault_with_no_stored_post_is_an_unknown_outcome(recorded: Recorded) -> None:
    recorded.on("com.atproto.repo.getRecord", NOT_FOUND)
    recorded.on(
        "com.atproto.repo.createRecord",
        (502, {}, {"error": "UpstreamFailure", "message": "Bad Gateway"}),
    )
    with pytest.raises(Unavailable) as failed:
        platform(recorded).post("x", key="k", created_at=1_700_000_000.0)
    assert failed.value.maybe_sent is True


def test_a_failed_read_back_keeps_the_outcome_unknown(recorded: Recorded) -> None:
    recorded.on(
        "com.atproto.repo.getRecord",
        NOT_FOUND,
        (503, {}, {"error": "ServiceUnavailable", "message": "down"}),
    )
    recorded.on(
        "com.atproto.repo.createRecord",
        (500, {}, {"error": "InternalServerError", "message": "Internal Server Error"}),
    )
    with pytest.raises(Unavailable) as failed:
        platform(recorded).post("x", key="k", created_at=1_700_000_000.0)
    assert failed.value.maybe_sent is True
    assert recorded.calls("com.atproto.repo.getRecord") == 2


def test_a_post_the_server_never_answers_is_abandoned_as_maybe_sent(recorded: Recorded) -> None:
    recorded.on("com.atproto.repo.getRecord", NOT_FOUND)
    recorded.on("com.atproto.repo.createRecord", recorded.hang)
    bsky = platform(recorded, deadline=60.0)
    outcome: list[BaseException] = []

    def post() -> None:
        try:
            bsky.post("x", key="k", created_at=1_700_000_000.0)
        except BaseException as e:
            outcome.append(e)

    worker = threading.Thread(target=post)
    worker.start()
    end = time.monotonic() + 30
    while recorded.calls("com.atproto.repo.createRecord") == 0 and time.monotonic() < end:
        time.sleep(0.05)
    bsky.abort()
    worker.join(30)
    [error] = outcome
    assert isinstance(error, Unavailable) and error.maybe_sent is True
    assert "stopping" in str(error)


def test_a_read_the_server_never_answers_is_not_maybe_sent(recorded: Recorded) -> None:
    recorded.on("app.bsky.notification.listNotifications", recorded.hang)
    with pytest.raises(Unavailable) as failed:
        platform(recorded, deadline=1.0).mentions(None)
    assert failed.value.maybe_sent is False


def test_a_malformed_answer_is_unavailable(recorded: Recorded) -> None:
    recorded.on("app.bsky.notification.listNotifications", (200, {}, {"notifications": 7}))
    recorded.on("com.atproto.server.getSession", (200, {}, b"<html>oops</html>"))
    bsky = platform(recorded)
    with pytest.raises(Unavailable):
        bsky.mentions(None)
    with pytest.raises(Unavailable):
        bsky.whoami()


def notification(i: int, reason: str = "mention", minute: int | None = None) -> dict[str, Any]:
    """Notification i, sorted at minute i (or `minute`) past 2026-12-01 10:00."""
    at = datetime(2026, 12, 1, 10, tzinfo=UTC) + timedelta(minutes=i if minute is None else minute)
    return {
        "uri": f"at://did:plc:alice/app.bsky.feed.post/3lpost{i:07d}",
        "cid": f"bafy{i}",
        "author": {"did": "did:plc:alice", "handle": "alice.example"},
        "reason": reason,
        "record": {"text": f"@{HANDLE} n{i}", "createdAt": "2026-12-01T10:00:00.000Z"},
        "isRead": False,
        "indexedAt": at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }


def feed(newest: int, per_page: int = 50) -> Callable[[str], Answer]:
    """Notifications newest-first from `newest` down to 0, every third a like."""

    def page(query: str) -> Answer:
        params = dict(p.split("=", 1) for p in query.split("&") if "=" in p)
        top = int(params.get("cursor", newest))
        items = [
            notification(i, "like" if i % 3 == 0 else "mention")
            for i in range(top, max(top - per_page, -1), -1)
        ]
        rest = top - per_page
        return 200, {}, {"notifications": items, **({"cursor": str(rest)} if rest >= 0 else {})}

    return page


def test_mentions_page_back_to_the_cursor_and_come_oldest_first(recorded: Recorded) -> None:
    recorded.on("app.bsky.notification.listNotifications", feed(120))
    bsky = platform(recorded)
    pages: list[int] = []

    def every_page(n: int) -> bool:
        pages.append(n)
        return True

    everything = bsky.mentions(None, on_page=every_page)
    assert len(everything) == 80 and len(pages) == 3
    assert [m.id for m in everything] == [notification(i)["uri"] for i in range(121) if i % 3]
    # Reading on from minute 14 comes back to minute 4: the ten minutes before a cursor
    # are read again for posts sorted late (the engine skips the ones it knows).
    # Those come with the cursor read from, so reading on never goes back.
    since = everything[9].cursor
    assert everything[9].id == notification(14)["uri"]
    again = bsky.mentions(since)
    assert [m.id for m in again] == [m.id for m in everything[2:]]
    assert [m.cursor for m in again[:8]] == [since] * 8 and again[8:] == everything[10:]
    assert [m.id for m in bsky.mentions(everything[-1].cursor)] == [
        notification(i)["uri"] for i in range(109, 121) if i % 3
    ]


def test_a_mention_sorted_below_the_cursor_is_still_read(recorded: Recorded) -> None:
    # A client whose clock runs 3 minutes behind: the AppView sorts its post by that
    # createdAt, below the mention the cursor stands on.
    items = [notification(30), notification(31, minute=27), notification(29), notification(5)]
    recorded.on("app.bsky.notification.listNotifications", (200, {}, {"notifications": items}))
    got = platform(recorded).mentions(f"{items[0]['indexedAt']}|{items[0]['uri']}")
    assert [m.id for m in got] == [items[i]["uri"] for i in (1, 2, 0)]


def test_mentions_stop_at_the_page_cap(
    recorded: Recorded, caplog: pytest.LogCaptureFixture
) -> None:
    recorded.on("app.bsky.notification.listNotifications", feed(2000))
    got = platform(recorded).mentions(None)
    assert recorded.calls("app.bsky.notification.listNotifications") == 10
    assert len(got) == sum(1 for i in range(1501, 2001) if i % 3)
    assert "still offered more pages" in caplog.text


def test_record_keys_are_tids_fixed_by_the_attempt() -> None:
    """13 characters of base32-sortable, first one 2-j (the top bit is 0), ordered by
    time; the same attempt always gives the same key, another attempt another one."""
    a = tid(1_764_000_000.123456, "attempt-1")
    assert re.fullmatch(r"[2-7a-j][2-7a-z]{12}", a)
    assert a == tid(1_764_000_000.123456, "attempt-1") != tid(1_764_000_000.123456, "attempt-2")
    assert tid(1_764_000_000.0, "z") < tid(1_764_000_000.000001, "a") < tid(1_800_000_000.0, "a")
    # The time part is the microseconds: decoding gives them back.
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    value = 0
    for ch in a:
        value = value * 32 + alphabet.index(ch)
    assert value >> 10 == 1_764_000_000_123_456
