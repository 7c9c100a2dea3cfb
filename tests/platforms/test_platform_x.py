"""The X adapter against the fake X API: real HTTP through the real tweepy client."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from bot.platforms.base import (
    AuthFailed,
    Duplicate,
    KeysRejected,
    NotAllowed,
    OutOfCredits,
    PlatformError,
    RateLimited,
    Unavailable,
)
from bot.platforms.x import XPlatform
from tests.support.fakex import BOT_ID, BOT_USERNAME, X_CREDENTIALS, FakeX


def test_whoami(x_platform: XPlatform) -> None:
    me = x_platform.whoami()
    assert (me.id, me.username) == (BOT_ID, BOT_USERNAME)


def test_post_and_reply_land_on_the_timeline(fake_x: FakeX, x_platform: XPlatform) -> None:
    mention = fake_x.add_mention("@CloseTheCampsBot what can I do?", "alice")
    post_id = x_platform.post("Scheduled post")
    reply_id = x_platform.post("@alice Here is how.", reply_to=mention)
    timeline = fake_x.timeline()
    assert [(p.id, p.text, p.in_reply_to) for p in timeline] == [
        (post_id, "Scheduled post", None),
        (reply_id, "@alice Here is how.", mention),
    ]
    assert int(reply_id) > int(post_id)


def test_platform_rules_duplicate_and_reply_not_allowed(
    fake_x: FakeX, x_platform: XPlatform
) -> None:
    x_platform.post("Same words")
    with pytest.raises(Duplicate) as dup:
        x_platform.post("Same words")
    assert dup.value.endpoint == "post"
    with pytest.raises(NotAllowed):
        x_platform.post("Unsolicited reply", reply_to="12345")
    mention = fake_x.add_mention("@CloseTheCampsBot hi", "bob")
    fake_x.delete_mention(mention)
    with pytest.raises(NotAllowed):
        x_platform.post("@bob hi", reply_to=mention)
    assert [p.text for p in fake_x.timeline()] == ["Same words"]


def test_mentions_fields(fake_x: FakeX, x_platform: XPlatform) -> None:
    own = fake_x.add_mention("@CloseTheCampsBot hi", "carol", location="Paris", lang="fr")
    other = fake_x.add_mention(
        "@CloseTheCampsBot thanks", "dave", author_id="77", in_reply_to_user_id=BOT_ID
    )
    got = x_platform.mentions(since="1")
    assert [m.id for m in got] == [own, other]
    first, second = got
    assert (first.author_username, first.author_location, first.lang) == ("carol", "Paris", "fr")
    assert first.text == "@CloseTheCampsBot hi"
    assert isinstance(first.created_at, datetime) and first.created_at.tzinfo is not None
    assert abs(first.created_at.timestamp() - time.time()) < 60
    assert (second.author_id, second.author_location) == ("77", None)


def test_mentions_empty(x_platform: XPlatform) -> None:
    assert x_platform.mentions(None) == []
    assert x_platform.mentions("1") == []


def test_mentions_follow_pages_since_oldest_first(fake_x: FakeX, x_platform: XPlatform) -> None:
    ids = [fake_x.add_mention(f"@CloseTheCampsBot n{i}", f"user{i % 7}") for i in range(260)]
    got = x_platform.mentions(since=ids[9])
    assert [m.id for m in got] == ids[10:]
    pages = fake_x.requests("mentions")
    assert len(pages) == 3
    assert all(r.query["since_id"] == ids[9] for r in pages)
    assert "pagination_token" not in pages[0].query
    assert all("pagination_token" in r.query for r in pages[1:])
    assert pages[0].query["max_results"] == "100"

    newer = fake_x.add_mention("@CloseTheCampsBot later", "erin")
    assert [m.id for m in x_platform.mentions(since=got[-1].id)] == [newer]


def test_mentions_without_since_reads_every_page(fake_x: FakeX, x_platform: XPlatform) -> None:
    # On first start the engine needs them all to mark the old ones seen: a single
    # page would silently drop the rest.
    ids = [fake_x.add_mention(f"@CloseTheCampsBot n{i}", "frank") for i in range(150)]
    got = x_platform.mentions(None)
    assert [m.id for m in got] == ids
    assert len(fake_x.requests("mentions")) == 2


def test_whoami_is_cached_for_mentions(fake_x: FakeX, x_platform: XPlatform) -> None:
    x_platform.mentions(None)
    x_platform.mentions(None)
    assert len(fake_x.requests("me")) == 1


def test_every_call_is_redirected_and_user_authenticated(
    fake_x: FakeX, x_platform: XPlatform
) -> None:
    # No internet here: had anything gone to api.twitter.com the calls would fail.
    x_platform.whoami()
    x_platform.post("hello")
    x_platform.mentions(None)
    records = fake_x.requests()
    assert [(r.method, r.endpoint, r.status) for r in records] == [
        ("GET", "me", 200),
        ("POST", "post", 201),
        ("GET", "mentions", 200),
    ]
    assert records[2].path == f"/2/users/{BOT_ID}/mentions"
    assert all((r.authorization or "").startswith("OAuth ") for r in records)


def test_mention_text_is_never_logged(
    fake_x: FakeX, x_platform: XPlatform, caplog: pytest.LogCaptureFixture
) -> None:
    fake_x.add_mention("@CloseTheCampsBot private words", "gina", location="Lyon")
    with caplog.at_level(logging.DEBUG, logger="bot"):
        x_platform.mentions(None)
        x_platform.post("@gina reply", reply_to=fake_x.mentions()[0].id)
    bot_lines = [r.getMessage() for r in caplog.records if r.name.startswith("bot")]
    assert bot_lines
    assert not any("private words" in line or "Lyon" in line for line in bot_lines)


# -- error mapping -------------------------------------------------------------

ERRORS = [
    ("429_no_reset", RateLimited),
    ("401", KeysRejected),
    ("403", AuthFailed),
    ("402", OutOfCredits),
    ("403_duplicate", Duplicate),
    ("403_reply_not_allowed", NotAllowed),
    ("403_deleted", NotAllowed),
]


def _call(platform: XPlatform, endpoint: str) -> object:
    if endpoint == "post":
        return platform.post(f"text {time.monotonic()}")
    if endpoint == "mentions":
        return platform.mentions("1")
    return platform.whoami()


@pytest.mark.parametrize("endpoint", ["post", "mentions", "me"])
@pytest.mark.parametrize(("kind", "error"), ERRORS)
def test_http_errors_map_to_platform_errors(
    fake_x: FakeX, x_platform: XPlatform, endpoint: str, kind: str, error: type[PlatformError]
) -> None:
    x_platform.whoami()  # so "mentions" does not fault on the implicit whoami
    fake_x.fail(endpoint, kind)
    with pytest.raises(error) as caught:
        _call(x_platform, endpoint)
    assert type(caught.value) is error
    assert caught.value.endpoint == endpoint
    assert caught.value.__cause__ is None  # no tweepy/requests object rides along
    if isinstance(caught.value, RateLimited):
        assert caught.value.reset_at is None


def test_429_carries_reset_time(fake_x: FakeX, x_platform: XPlatform) -> None:
    fake_x.fail("post", "429", reset_in=120)
    with pytest.raises(RateLimited) as caught:
        x_platform.post("x")
    assert caught.value.reset_at is not None
    assert abs(caught.value.reset_at - (time.time() + 120)) < 3
    assert x_platform.rate_limits()["post"].remaining == 0


@pytest.mark.parametrize(
    ("kind", "stored"),
    [("500", False), ("503", False), ("store_503", True), ("malformed", True)],
)
def test_server_errors_and_bad_bodies_on_post_may_have_sent(
    fake_x: FakeX, x_platform: XPlatform, kind: str, stored: bool
) -> None:
    fake_x.fail("post", kind)
    with pytest.raises(Unavailable) as caught:
        x_platform.post("maybe")
    assert (caught.value.endpoint, caught.value.maybe_sent) == ("post", True)
    assert [p.text for p in fake_x.timeline()] == (["maybe"] if stored else [])


@pytest.mark.parametrize("endpoint", ["mentions", "me"])
@pytest.mark.parametrize("kind", ["500", "503", "malformed", "reset_before"])
def test_reads_fail_as_unavailable(
    fake_x: FakeX, x_platform: XPlatform, endpoint: str, kind: str
) -> None:
    x_platform.whoami()
    fake_x.fail(endpoint, kind)
    with pytest.raises(Unavailable) as caught:
        _call(x_platform, endpoint)
    assert caught.value.endpoint == endpoint


@pytest.mark.parametrize(("kind", "stored"), [("reset_before", False), ("reset_after", True)])
def test_connection_reset_after_sending_may_have_sent(
    fake_x: FakeX, x_platform: XPlatform, kind: str, stored: bool
) -> None:
    x_platform.post("warm the pooled connection")
    fake_x.fail("post", kind)
    with pytest.raises(Unavailable) as caught:
        x_platform.post("reset")
    assert caught.value.maybe_sent is True
    assert ("reset" in [p.text for p in fake_x.timeline()]) is stored
    assert x_platform.post("after the reset")  # the adapter recovers


def test_read_timeout_is_honoured(fake_x: FakeX, x_platform: XPlatform) -> None:
    fake_x.fail("post", "timeout", delay=3.0)
    start = time.monotonic()
    with pytest.raises(Unavailable) as caught:
        x_platform.post("slow")
    elapsed = time.monotonic() - start
    assert caught.value.maybe_sent is True
    assert 0.4 < elapsed < 1.5  # read timeout 0.5 s, not the server's 3 s
    assert [p.text for p in fake_x.timeline()] == ["slow"]


def test_deadline_caps_a_long_read_timeout(fake_x: FakeX) -> None:
    platform = XPlatform(**X_CREDENTIALS, base_url=fake_x.url, timeout=(0.5, 30.0), deadline=0.8)
    fake_x.fail("me", "timeout", delay=3.0)
    start = time.monotonic()
    with pytest.raises(Unavailable):
        platform.whoami()
    assert time.monotonic() - start < 1.5
    platform.close()


def test_connection_refused_was_not_sent() -> None:
    # Bound but never listening, and held for the whole test: connects are refused, and no
    # other test (another xdist worker) can take the port meanwhile.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        platform = XPlatform(
            **X_CREDENTIALS, base_url=f"http://127.0.0.1:{port}", timeout=(0.5, 0.5)
        )
        with pytest.raises(Unavailable) as caught:
            platform.post("never sent")
    assert (caught.value.endpoint, caught.value.maybe_sent) == ("post", False)


@pytest.fixture
def unanswered_listener() -> Iterator[int]:
    """A port whose accept queue is full, so a new connect hangs until timed out."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    fillers = []
    for _ in range(4):
        c = socket.socket()
        c.setblocking(False)
        c.connect_ex(server.getsockname())
        fillers.append(c)
    time.sleep(0.05)
    try:
        yield server.getsockname()[1]
    finally:
        for c in fillers:
            c.close()
        server.close()


def test_connect_timeout_was_not_sent(unanswered_listener: int) -> None:
    platform = XPlatform(
        **X_CREDENTIALS,
        base_url=f"http://127.0.0.1:{unanswered_listener}",
        timeout=(0.3, 0.5),
        deadline=1.0,
    )
    start = time.monotonic()
    with pytest.raises(Unavailable) as caught:
        platform.post("stuck in SYN")
    assert caught.value.maybe_sent is False
    assert time.monotonic() - start < 1.5


# -- rate-limit bookkeeping ----------------------------------------------------


def test_rate_limit_state_is_tracked_per_endpoint(fake_x: FakeX, x_platform: XPlatform) -> None:
    assert x_platform.rate_limits() == {}
    x_platform.post("one")
    x_platform.post("two")
    x_platform.mentions(None)
    limits = x_platform.rate_limits()
    assert set(limits) == {"post", "me", "mentions"}
    assert (limits["post"].limit, limits["post"].remaining) == (100, 98)
    assert (limits["mentions"].limit, limits["mentions"].remaining) == (300, 299)
    assert limits["post"].reset_at is not None and limits["post"].reset_at > time.time()


def test_enforced_limit_answers_429_until_the_window_ends(
    fake_x: FakeX, x_platform: XPlatform
) -> None:
    fake_x.limit("post", 2, window_s=1.0)
    x_platform.post("a")
    x_platform.post("b")
    with pytest.raises(RateLimited) as caught:
        x_platform.post("c")
    reset_at = caught.value.reset_at
    assert reset_at is not None and time.time() <= reset_at <= time.time() + 2
    assert x_platform.rate_limits()["post"].remaining == 0
    time.sleep(max(0.0, reset_at - time.time()) + 0.05)
    assert x_platform.post("c")
    assert [r.status for r in fake_x.requests("post")] == [201, 201, 429, 201]
