"""The Bluesky adapter against a real local Bluesky network (@atproto/dev-env: PLC, PDS
and AppView). The network is shared by every test of the run: each test finds its own
posts by a unique marker and polls for what the AppView indexes."""

from __future__ import annotations

import logging
import stat
import time
import uuid
from pathlib import Path

import pytest

from bot.content.lengths import bluesky_link_text
from bot.platforms._bsky_records import tid
from bot.platforms._bsky_session import expires_at
from bot.platforms.base import KeysRejected, Mention, NotAllowed, Unavailable
from bot.platforms.bluesky import BlueskyPlatform
from tests.support.bluesky import BlueskyAccount, BlueskyNetwork
from tests.support.servers import JSON, poll, unique

# The AppView indexes within about a second; a loaded 2-core machine may take longer.
ARRIVAL = 30.0


def platform_for(
    network: BlueskyNetwork, account: BlueskyAccount | None = None, **kwargs: object
) -> BlueskyPlatform:
    who = account or network.bot
    kwargs.setdefault("deadline", 15.0)  # generous: the machine is shared and loaded
    return BlueskyPlatform(who.handle, who.password, network.service_url, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def bot(bluesky_network: BlueskyNetwork, tmp_path: Path) -> BlueskyPlatform:
    return platform_for(bluesky_network, session_file=tmp_path / "bluesky-session.json")


def mention_with_lang(network: BlueskyNetwork, text: str, lang: str) -> JSON:
    """alice's `@bot TEXT` with `langs`, straight through createRecord."""
    handle = f"@{network.bot.handle}"
    record = {
        "$type": "app.bsky.feed.post",
        "text": f"{handle} {text}",
        "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "langs": [lang],
        "facets": [
            {
                "index": {"byteStart": 0, "byteEnd": len(handle.encode())},
                "features": [{"$type": "app.bsky.richtext.facet#mention", "did": network.bot.did}],
            }
        ],
    }
    created: JSON = network.xrpc(
        network.alice,
        "POST",
        "com.atproto.repo.createRecord",
        json={"repo": network.alice.did, "collection": "app.bsky.feed.post", "record": record},
    )
    return created


def find(platform: BlueskyPlatform, uri: str, since: str | None = None) -> Mention:
    def probe() -> list[Mention]:
        return [m for m in platform.mentions(since) if m.id == uri]

    found: list[Mention] = poll(f"mention {uri} in the bot's mentions", probe, ARRIVAL)
    return found[0]


def record_of(network: BlueskyNetwork, account: BlueskyAccount, uri: str) -> JSON:
    [found] = [r for r in network.posts_of(account) if r["uri"] == uri]
    value: JSON = found["value"]
    return value


def test_whoami_is_the_bot(bluesky_network: BlueskyNetwork, bot: BlueskyPlatform) -> None:
    me = bot.whoami()
    assert (me.id, me.username) == (bluesky_network.bot.did, bluesky_network.bot.handle)


def test_post_has_facets_card_and_language(
    bluesky_network: BlueskyNetwork, bot: BlueskyPlatform
) -> None:
    marker = unique()
    url = "https://example.org/campaign/close-the-camps-now?ref=bot"
    uri = bot.post(
        f"Schließt die Lager 🏳️‍🌈 {marker} {url} #CloseTheCamps.", key=marker, language="de"
    )
    record = record_of(bluesky_network, bluesky_network.bot, uri)
    text: str = record["text"]
    shown = bluesky_link_text(url)
    assert shown == "example.org/campaign/clo…"
    assert "https://" not in text and shown in text
    raw = text.encode()
    spans = {
        f["features"][0]["$type"].rsplit("#", 1)[1]: (
            raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(),
            f["features"][0],
        )
        for f in record["facets"]
    }
    assert spans["link"][0] == shown
    assert spans["link"][1]["uri"] == url
    assert spans["tag"] == ("#CloseTheCamps", spans["tag"][1])
    assert spans["tag"][1]["tag"] == "CloseTheCamps"
    assert record["langs"] == ["de"]
    assert record["embed"]["$type"] == "app.bsky.embed.external"
    assert record["embed"]["external"]["uri"] == url


def test_a_retry_with_the_same_key_posts_once(
    bluesky_network: BlueskyNetwork, bluesky_session: Path
) -> None:
    text, key, when = f"Once only {unique()}", uuid.uuid4().hex, time.time()
    first = platform_for(bluesky_network, session_file=bluesky_session)
    uri = first.post(text, key=key, created_at=when)
    assert uri.endswith("/app.bsky.feed.post/" + tid(when, key))
    # Another process (the daemon after a crash) settling the same attempt.
    again = platform_for(bluesky_network, session_file=bluesky_session)
    assert again.post(text, key=key, created_at=when) == uri
    assert again.logins == 0
    other = again.post(text, key=uuid.uuid4().hex, created_at=when)
    assert other != uri
    assert sorted(r["uri"] for r in bluesky_network.bot_posts() if r["value"]["text"] == text) == (
        sorted([uri, other])
    )


def test_mentions_with_cursor_language_and_threaded_replies(
    bluesky_network: BlueskyNetwork, bot: BlueskyPlatform, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    net = bluesky_network
    first = mention_with_lang(net, f"was kann ich tun? {unique()}", "de")
    mention = find(bot, first["uri"])
    assert (mention.author_id, mention.author_username) == (net.alice.did, net.alice.handle)
    assert mention.lang == "de" and mention.text.startswith(f"@{net.bot.handle} was kann")
    assert mention.cursor and mention.cursor.endswith("|" + first["uri"])

    key, when = unique(), time.time()
    reply = bot.post(
        f"@{mention.author_username} so", reply_to=mention.id, key=key, created_at=when
    )
    # A retry of the same reply (after an unknown outcome) finds it.
    again = bot.post(
        f"@{mention.author_username} so", reply_to=mention.id, key=key, created_at=when
    )
    # Only this test's reply: a daemon of another test, on the same shared bot account,
    # may answer alice's mention too (it did once, with its own text).
    mine = [
        r
        for r in net.replies_to(first["uri"])
        if r["value"]["text"] == f"@{mention.author_username} so"
    ]
    assert again == reply and len(mine) == 1
    stored = record_of(net, net.bot, reply)
    ref = {"uri": first["uri"], "cid": first["cid"]}
    assert stored["reply"] == {"root": ref, "parent": ref}
    [facet] = stored["facets"]
    assert facet["features"][0] == {
        "$type": "app.bsky.richtext.facet#mention",
        "did": net.alice.did,
    }
    assert facet["index"] == {"byteStart": 0, "byteEnd": len(f"@{net.alice.handle}".encode())}

    # bob answers the bot's reply naming the bot: a mention whose root is alice's post.
    # His phone's clock runs two minutes behind, so the AppView sorts his post below
    # alice's, which the cursor has passed: reading on from it must still find him.
    [own] = [r for r in net.posts_of(net.bot) if r["uri"] == reply]
    reply_ref = {"uri": reply, "cid": own["cid"]}
    second = net.post(
        net.bob,
        f"@{net.bot.handle} and me? {unique()}",
        facets=[
            {
                "index": {"byteStart": 0, "byteEnd": len(f"@{net.bot.handle}".encode())},
                "features": [{"$type": "app.bsky.richtext.facet#mention", "did": net.bot.did}],
            }
        ],
        reply={"root": ref, "parent": reply_ref},
        written_at=time.time() - 120,
    )
    later = find(bot, second["uri"], since=mention.cursor)
    assert later.lang is None and later.author_username == net.bob.handle
    answer = bot.post(f"@{later.author_username} you too", reply_to=later.id, key=unique())
    threaded = record_of(net, net.bot, answer)["reply"]
    assert threaded == {"root": ref, "parent": {"uri": second["uri"], "cid": second["cid"]}}
    # Ids only: no mention's words reach a log.
    assert "was kann ich tun" not in caplog.text and "and me?" not in caplog.text


def test_on_page_stops_reading(bluesky_network: BlueskyNetwork, bot: BlueskyPlatform) -> None:
    pages: list[int] = []

    def first_page_only(n: int) -> bool:
        pages.append(n)
        return False

    bot.mentions(None, on_page=first_page_only)
    assert len(pages) == 1


def test_mark_as_bot_adds_the_label_once_and_keeps_the_profile(
    bluesky_network: BlueskyNetwork, tmp_path: Path
) -> None:
    # bob's account: no other test labels it, so the first call must change it.
    net, name = bluesky_network, f"Bob {unique()}"
    net.xrpc(
        net.bob,
        "POST",
        "com.atproto.repo.putRecord",
        json={
            "repo": net.bob.did,
            "collection": "app.bsky.actor.profile",
            "rkey": "self",
            "record": {"$type": "app.bsky.actor.profile", "displayName": name},
        },
    )
    bob = platform_for(net, net.bob)
    assert bob.mark_as_bot() is True
    assert bob.mark_as_bot() is False
    profile = net.xrpc(
        None,
        "GET",
        "com.atproto.repo.getRecord",
        params={"repo": net.bob.did, "collection": "app.bsky.actor.profile", "rkey": "self"},
    )["value"]
    assert profile["displayName"] == name
    assert profile["labels"]["values"] == [{"val": "bot"}]


def test_session_file_is_private_reused_and_refreshed(
    bluesky_network: BlueskyNetwork, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "state" / "bluesky-session.json"
    first = platform_for(bluesky_network, session_file=path)
    first.whoami()
    assert first.logins == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = path.read_text()
    second = platform_for(bluesky_network, session_file=path)
    second.whoami()
    assert second.logins == 0 and path.read_text() == stored
    # An access token past its time: refreshed with the refresh token, no new login.
    import json

    session = json.loads(stored)
    session["accessJwt"] = _expired_jwt()
    path.write_text(json.dumps(session))
    third = platform_for(bluesky_network, session_file=path)
    assert third.whoami().id == bluesky_network.bot.did
    assert third.logins == 0
    renewed = json.loads(path.read_text())
    assert renewed["refreshJwt"] != session["refreshJwt"]
    assert (expires_at(renewed["accessJwt"]) or 0) > time.time()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    logged = caplog.text
    for secret in (bluesky_network.bot.password, session["refreshJwt"], renewed["accessJwt"]):
        assert secret not in logged


def test_errors_map_to_the_platform_neutral_ones(
    bluesky_network: BlueskyNetwork, bot: BlueskyPlatform
) -> None:
    net = bluesky_network
    wrong = BlueskyPlatform(net.bot.handle, "not-the-password", net.service_url, deadline=15.0)
    with pytest.raises(KeysRejected):
        wrong.whoami()
    gone = f"at://{net.alice.did}/app.bsky.feed.post/{tid(time.time(), 'nothing here')}"
    with pytest.raises(NotAllowed):
        bot.post("@alice.test hi", reply_to=gone, key=unique())
    with pytest.raises(NotAllowed):
        bot.post("hi", reply_to="not a uri", key=unique())
    closed = BlueskyPlatform(net.bot.handle, net.bot.password, "http://127.0.0.1:9", deadline=15.0)
    with pytest.raises(Unavailable) as down:
        closed.post("hi", key=unique())
    assert down.value.maybe_sent is False


@pytest.fixture
def bluesky_session(tmp_path: Path) -> Path:
    return tmp_path / "session.json"


def _expired_jwt() -> str:
    import base64
    import json

    def part(value: JSON) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    claims = {"scope": "com.atproto.access", "exp": int(time.time()) - 60}
    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"
