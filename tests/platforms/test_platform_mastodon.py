"""The Mastodon adapter against snac2 (a real server with Mastodon's client API) and, for
what snac cannot show (500/23 limits, rate-limit headers and 429, Idempotency-Key), a
small server answering as real Mastodon documents (tests/support/recorded_mastodon.py)."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.content.lengths import mastodon_limit
from bot.platforms.base import (
    AuthFailed,
    KeysRejected,
    Mention,
    NotAllowed,
    RateLimited,
    Unavailable,
)
from bot.platforms.mastodon import MAX_PAGES, MastodonPlatform
from tests.support.recorded_mastodon import RESET, RecordedMastodon
from tests.support.servers import poll, unique
from tests.support.snac import SnacServer

# --- snac2 --------------------------------------------------------------------------


@pytest.fixture
def snac_bot(snac_server: SnacServer) -> Iterator[MastodonPlatform]:
    platform = MastodonPlatform(snac_server.base_url, snac_server.bot.token)
    yield platform
    platform.close()


def _counting(pages: list[int]) -> Callable[[int], bool]:
    def on_page(n: int) -> bool:
        pages.append(n)
        return True

    return on_page


def _arrived(platform: MastodonPlatform, marker: str, since: str | None = None) -> list[Mention]:
    return [m for m in platform.mentions(since) if marker in m.text]


def test_whoami_and_the_instance_limit(snac_bot: MastodonPlatform, snac_server: SnacServer) -> None:
    me = snac_bot.whoami()
    assert (me.id, me.username) == (snac_server.account_id(snac_server.bot), "campaignbot")
    # snac has no /api/v2/instance: v1's figures, not the 500/23 defaults.
    assert snac_bot.limit == mastodon_limit(100000, 32)


def test_post_reads_back(snac_bot: MastodonPlatform, snac_server: SnacServer) -> None:
    text = f"Close the camps {unique()} #CloseTheCamps"
    post_id = snac_bot.post(text, key=unique("key"), language="de")
    [status] = [s for s in snac_server.bot_posts() if s["id"] == post_id]
    assert status["visibility"] == "public"
    assert status["in_reply_to_id"] is None


def test_a_post_goes_out_with_its_slots_visibility(
    snac_bot: MastodonPlatform, snac_server: SnacServer
) -> None:
    # snac keeps public, private and direct (it has no unlisted: the recorded tests below
    # cover that one); followers-only is the one a campaign may want for a quiet slot.
    post_id = snac_bot.post(f"Followers {unique()} #CloseTheCamps", visibility="private")
    status = snac_server.api(snac_server.bot, "GET", f"/api/v1/statuses/{post_id}")
    assert status["visibility"] == "private"


def test_mention_and_reply_thread_with_the_mentions_visibility(
    snac_bot: MastodonPlatform, snac_server: SnacServer, caplog: pytest.LogCaptureFixture
) -> None:
    marker = unique()
    sent = snac_server.mention_bot(
        f"what can I do?<br> {marker} & more", visibility="direct", language="fr"
    )
    with caplog.at_level(logging.DEBUG):
        [mention] = poll("the direct mention", lambda: _arrived(snac_bot, marker), 90)
    assert mention.id == sent["id"]
    # snac gives its own users' acct with its domain; a reply must start with "@alice".
    assert mention.author_username == "alice"
    assert mention.author_id == snac_server.account_id(snac_server.alice)
    assert mention.text.startswith("@campaignbot")
    assert mention.text.endswith(f"{marker} & more")
    assert "<" not in mention.text
    assert mention.lang  # snac's status.language (it reports "en" whatever was sent)
    assert mention.author_location is None
    assert mention.cursor and mention.cursor != mention.id
    assert marker not in caplog.text and snac_server.bot.token not in caplog.text

    reply_id = snac_bot.post(f"@{mention.author_username} here is how", reply_to=mention.id)
    # A direct status is in no account timeline: read it by its id.
    reply = snac_server.api(snac_server.bot, "GET", f"/api/v1/statuses/{reply_id}")
    assert reply["in_reply_to_id"] == mention.id
    # snac stores a direct status as private (the recorded tests show direct -> direct).
    seen = snac_server.api(snac_server.bot, "GET", f"/api/v1/statuses/{mention.id}")
    assert reply["visibility"] == seen["visibility"] == "private"  # never wider


def test_mentions_read_on_from_the_cursor(
    snac_bot: MastodonPlatform, snac_server: SnacServer
) -> None:
    # Both mentions are sent at once (snac delivers every ~3 s, in either order): a read
    # from the cursor of the one that arrived first holds the other and not it.
    first, second = unique(), unique()
    snac_server.mention_bot(f"one {first}")
    snac_server.mention_bot(f"two {second}")
    poll("both mentions", lambda: _arrived(snac_bot, first) and _arrived(snac_bot, second), 90)
    pages: list[int] = []
    batch = snac_bot.mentions(None, on_page=_counting(pages))
    assert pages and batch[-1].cursor
    older, newer = sorted(
        (m for m in batch if first in m.text or second in m.text), key=batch.index
    )

    # What reads on from a cursor is what came after it; anything at or below it comes
    # only as a late arrival, with that same cursor (the engine skips ids it knows).
    def after(cursor: str | None) -> set[str]:
        return {m.id for m in snac_bot.mentions(cursor) if m.cursor != cursor}

    assert older.id not in after(older.cursor) and newer.id in after(older.cursor)
    assert {older.id, newer.id}.isdisjoint(after(batch[-1].cursor))


def test_mark_as_bot_once(snac_bot: MastodonPlatform, snac_server: SnacServer) -> None:
    snac_server.api(
        snac_server.bot, "PATCH", "/api/v1/accounts/update_credentials", data={"bot": "false"}
    )
    assert snac_bot.mark_as_bot() is True
    me = snac_server.api(snac_server.bot, "GET", "/api/v1/accounts/verify_credentials")
    assert me["bot"] is True
    assert snac_bot.mark_as_bot() is False


def test_bad_token_is_keys_rejected(snac_server: SnacServer) -> None:
    platform = MastodonPlatform(snac_server.base_url, "not-a-token")
    with pytest.raises(KeysRejected) as me:
        platform.whoami()  # snac: 422, Mastodon: 401
    assert "not-a-token" not in str(me.value)
    with pytest.raises(KeysRejected):
        platform.mentions(None)


def test_reply_to_a_missing_post_is_not_allowed(snac_bot: MastodonPlatform) -> None:
    with pytest.raises(NotAllowed):
        snac_bot.post("@alice hi", reply_to="no-such-status")


def test_unreachable_server_nothing_sent() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    platform = MastodonPlatform(f"http://127.0.0.1:{port}", "token")
    with pytest.raises(Unavailable) as e:
        platform.post("hello", key="k")
    assert e.value.maybe_sent is False
    assert platform.limit == mastodon_limit(500, 23)  # defaults, asked again next time


# --- recorded answers of real Mastodon ------------------------------------------------


@pytest.fixture
def recorded() -> Iterator[RecordedMastodon]:
    server = RecordedMastodon()
    yield server
    server.stop()


@pytest.fixture
def masto(recorded: RecordedMastodon) -> Iterator[MastodonPlatform]:
    platform = MastodonPlatform(recorded.url, "secret-token", deadline=2.0)
    yield platform
    platform.close()


def _posts(recorded: RecordedMastodon) -> list[dict[str, Any]]:
    return [r[3] for r in recorded.state.requests if r[:2] == ("POST", "/api/v1/statuses")]


def test_limit_from_instance_v2(masto: MastodonPlatform) -> None:
    assert masto.limit == mastodon_limit(500, 23)


def test_same_key_answers_the_first_status(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    first = masto.post("Close the camps", key="attempt-1")
    again = masto.post("Close the camps", key="attempt-1")
    other = masto.post("Close the camps", key="attempt-2")
    assert first == again != other
    assert len(recorded.state.statuses) == 2
    sent = [r[2].get("Idempotency-Key") for r in recorded.state.requests if r[1].endswith("es")]
    assert sent == ["attempt-1", "attempt-1", "attempt-2"]


def test_language_and_visibility_are_sent(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    masto.post("Schließt die Lager", key="k1", language="de", visibility="unlisted")
    [form] = _posts(recorded)
    assert (form["language"], form["visibility"]) == (["de"], ["unlisted"])


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ("public", "public", "public"),
        ("public", "unlisted", "unlisted"),
        ("public", "private", "private"),
        ("public", "direct", "direct"),
        ("unlisted", "public", "unlisted"),
        ("public", "limited", "direct"),  # unknown: the narrowest
    ],
)
def test_reply_never_wider_than_the_mention(
    masto: MastodonPlatform, recorded: RecordedMastodon, mine: str, theirs: str, expected: str
) -> None:
    recorded.add_mention(1, "@campaignbot hi", visibility=theirs)
    masto.post("@alice@other.social hello", reply_to="900001", key="r1", visibility=mine)
    [form] = _posts(recorded)
    assert (form["visibility"], form["in_reply_to_id"]) == ([expected], ["900001"])


def test_rate_limit_headers_and_429(masto: MastodonPlatform, recorded: RecordedMastodon) -> None:
    masto.post("one", key="a")
    state = masto.rate_limits()["post"]
    assert (state.limit, state.reset_at) == (300, RESET.timestamp())
    assert state.remaining is not None and state.remaining < 300
    recorded.fail("/api/v1/statuses", 429, '{"error":"Too many requests"}')
    with pytest.raises(RateLimited) as e:
        masto.post("two", key="b")
    assert (e.value.endpoint, e.value.reset_at) == ("post", RESET.timestamp())
    assert masto.rate_limits()["post"].remaining == 0


@pytest.mark.parametrize(
    ("path", "code", "body", "call", "error", "maybe_sent"),
    [
        ("/api/v1/statuses", 500, "{}", "post", Unavailable, True),
        ("/api/v1/statuses", 502, "<html>bad gateway</html>", "post", Unavailable, True),
        ("/api/v1/statuses", 200, "{not json", "post", Unavailable, True),
        ("/api/v1/notifications", 503, "{}", "mentions", Unavailable, False),
        (
            "/api/v1/statuses",
            401,
            '{"error":"The access token is invalid"}',
            "post",
            KeysRejected,
            None,
        ),
        ("/api/v1/accounts/verify_credentials", 401, "{}", "whoami", KeysRejected, None),
        ("/api/v1/statuses", 404, '{"error":"Record not found"}', "reply", NotAllowed, None),
        (
            "/api/v1/statuses",
            403,
            '{"error":"This action is not allowed"}',
            "post",
            AuthFailed,
            None,
        ),
        (
            "/api/v1/statuses",
            403,
            '{"error":"This action is outside the authorized scopes"}',
            "reply",
            AuthFailed,
            None,
        ),
        (
            "/api/v1/statuses",
            403,
            '{"error":"This action is not allowed"}',
            "reply",
            NotAllowed,
            None,
        ),
    ],
)
def test_failures_map_to_platform_errors(
    masto: MastodonPlatform,
    recorded: RecordedMastodon,
    path: str,
    code: int,
    body: str,
    call: str,
    error: type[Exception],
    maybe_sent: bool | None,
) -> None:
    recorded.add_mention(1, "@campaignbot hi")
    masto.limit  # noqa: B018  (read the instance first, so the fault hits the call)
    recorded.fail(path, code, body)  # the exact path: a reply's parent read passes
    actions = {
        "post": lambda: masto.post("hello", key="k"),
        "reply": lambda: masto.post("@alice hello", reply_to="900001", key="k"),
        "mentions": lambda: masto.mentions(None),
        "whoami": masto.whoami,
    }
    with pytest.raises(error) as e:
        actions[call]()
    if maybe_sent is not None:
        assert isinstance(e.value, Unavailable) and e.value.maybe_sent is maybe_sent
    assert "secret-token" not in str(e.value)


def test_a_post_past_its_deadline_may_have_been_sent(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    masto.limit  # noqa: B018
    recorded.hang("/api/v1/statuses")
    with pytest.raises(Unavailable) as e:
        masto.post("hello", key="k")
    assert e.value.maybe_sent is True


def test_abort_gives_up_the_call_in_flight(
    recorded: RecordedMastodon,
) -> None:
    platform = MastodonPlatform(recorded.url, "t", timeout=(3.05, 60.0), deadline=60.0)
    platform.limit  # noqa: B018
    recorded.hang("/api/v1/notifications")

    # Asked to stop once the call is in flight (the server has the request).
    def stop_once_sent() -> None:
        poll("the request", lambda: len(recorded.state.requests) > 1, 30)
        platform.abort()

    stopper = threading.Thread(target=stop_once_sent)
    stopper.start()
    with pytest.raises(Unavailable) as e:
        platform.mentions(None)
    stopper.join()
    assert e.value.maybe_sent is False
    assert "stopping" in str(e.value)


def test_mentions_page_forward_from_the_cursor_oldest_first(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    for i in range(1, 86):
        recorded.add_mention(i, f"@campaignbot hi {i}", language="uk")
    pages: list[int] = []
    batch = masto.mentions("0", on_page=_counting(pages))
    assert [m.cursor for m in batch] == [str(i) for i in range(1, 86)]
    assert pages == [40, 40, 5, 0]  # and the page below the cursor, for late ones
    assert {m.lang for m in batch} == {"uk"}
    assert batch[0].author_username == "alice@other.social"
    assert masto.mentions(batch[-1].cursor) == []
    assert [m.cursor for m in masto.mentions("80")] == ["81", "82", "83", "84", "85"]
    # on_page False stops after the page it was told of.
    assert len(masto.mentions("0", on_page=lambda n: False)) == 40


def test_a_mention_listed_late_below_the_cursor_is_still_read(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    just_now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    recorded.add_mention(1, "@campaignbot hi 1")  # hours ago
    recorded.add_mention(2, "@campaignbot hi 2")
    recorded.add_mention(4, "@campaignbot hi 4", created_at=just_now)
    [*_, newest] = masto.mentions(None)
    # Notification 3 was numbered before 4 but listed only now (snac waits for its
    # author's profile): it comes with 4's cursor, so reading on never goes back.
    recorded.add_mention(3, "@campaignbot hi 3", created_at=just_now)
    late = masto.mentions(newest.cursor)
    assert [(m.text, m.cursor) for m in late] == [("@campaignbot hi 3", "4")]
    # 1 and 2, notified hours ago, are not read again; 5 is simply new.
    recorded.add_mention(5, "@campaignbot hi 5", created_at=just_now)
    assert [(m.text, m.cursor) for m in masto.mentions("4")] == [
        ("@campaignbot hi 3", "4"),
        ("@campaignbot hi 5", "5"),
    ]


def test_first_read_takes_the_newest_pages(
    masto: MastodonPlatform, recorded: RecordedMastodon, caplog: pytest.LogCaptureFixture
) -> None:
    for i in range(1, 40 * (MAX_PAGES + 2)):
        recorded.add_mention(i, f"@campaignbot hi {i}")
    with caplog.at_level(logging.WARNING):
        batch = masto.mentions(None)
    assert len(batch) == 40 * MAX_PAGES
    assert batch[-1].cursor == str(40 * (MAX_PAGES + 2) - 1)  # read on from the newest
    assert [m.cursor for m in batch] == sorted((m.cursor or "" for m in batch), key=int)
    assert caplog.text.count("more pages") == 1


def test_html_becomes_text_with_its_line_breaks(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    recorded.add_mention(
        1,
        '<span class="h-card"><a href="https://m.example/@campaignbot">@<span>campaignbot'
        "</span></a></span> Tom &amp; Jerry<br />line two</p><p>para two "
        '<a href="https://example.org/a/long/path"><span class="invisible">https://</span>'
        '<span class="ellipsis">example.org/a/lo</span><span class="invisible">ng/path'
        "</span></a>",
    )
    [m] = masto.mentions(None)
    assert m.text == (
        "@campaignbot Tom & Jerry\nline two\n\npara two https://example.org/a/long/path"
    )


def test_mark_as_bot_sets_the_flag_once(
    masto: MastodonPlatform, recorded: RecordedMastodon
) -> None:
    assert masto.mark_as_bot() is True
    assert recorded.state.bot["bot"] is True
    assert masto.mark_as_bot() is False
