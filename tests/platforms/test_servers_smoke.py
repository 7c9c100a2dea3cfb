"""The real local servers the platform adapters are tested against answer as the
adapters will need: snac2's Mastodon client API and dev-env's Bluesky network."""

from __future__ import annotations

import random
import time

import pytest
import requests

from tests.support.bluesky import BlueskyNetwork
from tests.support.servers import poll, unique
from tests.support.snac import SnacServer

# --- snac2 (Mastodon client API) -------------------------------------------------------


def test_snac_post_with_the_bot_token_reads_back(snac_server: SnacServer) -> None:
    text = f"Close the camps {unique()} #CloseTheCamps"
    status = snac_server.post(snac_server.bot, text, visibility="public", language="en")
    # snac's acct is NAME@localhost:PORT even for its own users (Mastodon: NAME).
    assert status["account"]["username"] == snac_server.bot.name
    assert status["id"] in {s["id"] for s in snac_server.bot_posts()}


def test_snac_ignores_idempotency_key(snac_server: SnacServer) -> None:
    """Real Mastodon returns the first status for a repeated Idempotency-Key; snac 2.75
    posts twice. So the Mastodon adapter's exactly-once must be tested against recorded
    responses of real Mastodon, not snac. This test says when that changes."""
    key = unique("key")
    first = snac_server.post(snac_server.bot, f"once {key}", headers={"Idempotency-Key": key})
    again = snac_server.post(snac_server.bot, f"once {key}", headers={"Idempotency-Key": key})
    assert again["id"] != first["id"]


def test_snac_mention_becomes_a_notification_and_a_reply_reads_back(
    snac_server: SnacServer,
) -> None:
    marker = unique()
    mention = snac_server.mention_bot(f"what can I do? {marker}")

    def arrived() -> list[dict[str, object]]:
        return [
            n
            for n in snac_server.notifications(snac_server.bot)
            if marker in n["status"]["content"]
        ]

    # snac's delivery queue ticks every ~3 s: a local mention takes several seconds.
    [notification] = poll("the mention as the bot's notification", arrived)
    assert notification["type"] == "mention"
    assert notification["account"]["username"] == snac_server.alice.name
    seen_by_bot = notification["status"]["id"]
    reply = snac_server.post(
        snac_server.bot, f"@{snac_server.alice.name} here is how", in_reply_to_id=seen_by_bot
    )
    assert reply["in_reply_to_id"] == seen_by_bot
    assert mention["id"]


def test_snac_refuses_a_bad_token(snac_server: SnacServer) -> None:
    """snac answers 422 where Mastodon answers 401: an adapter must treat any 4xx on
    verify_credentials as bad credentials."""
    response = requests.get(
        f"{snac_server.base_url}/api/v1/accounts/verify_credentials",
        headers={"Authorization": "Bearer not-a-token"},
        timeout=10,
    )
    assert 400 <= response.status_code < 500


def test_snac_limits_come_from_instance_v1_only(snac_server: SnacServer) -> None:
    """Mastodon's adapter reads max_characters and characters_reserved_per_url from
    /api/v2/instance; snac has only v1, with its own figures (not Mastodon's 500/23)."""
    v2 = requests.get(f"{snac_server.base_url}/api/v2/instance", timeout=10)
    assert v2.status_code == 404
    v1 = requests.get(f"{snac_server.base_url}/api/v1/instance", timeout=10)
    statuses = v1.json()["configuration"]["statuses"]
    assert (statuses["max_characters"], statuses["characters_reserved_per_url"]) == (100000, 32)


# --- Bluesky (@atproto/dev-env) --------------------------------------------------------


def test_bluesky_session_and_a_chosen_record_key_posts_once(
    bluesky_network: BlueskyNetwork,
) -> None:
    """A second createRecord with the same rkey fails, but as a bare 500
    InternalServerError (the PDS does not catch the clash), the same answer as any
    server fault: an adapter settles an unknown outcome by reading the record back
    (com.atproto.repo.getRecord with that rkey), not by reading the error."""
    session = bluesky_network.xrpc(
        None,
        "POST",
        "com.atproto.server.createSession",
        json={"identifier": bluesky_network.bot.handle, "password": bluesky_network.bot.password},
    )
    assert session["did"] == bluesky_network.bot.did
    rkey = _tid()
    text = f"Close the camps {unique()}"
    first = bluesky_network.post(bluesky_network.bot, text, rkey=rkey)
    assert first["uri"].endswith(f"/app.bsky.feed.post/{rkey}")
    with pytest.raises(requests.HTTPError) as again:
        bluesky_network.post(bluesky_network.bot, text, rkey=rkey)
    assert again.value.response.status_code == 500
    assert again.value.response.json()["error"] == "InternalServerError"
    stored = bluesky_network.xrpc(
        None,
        "GET",
        "com.atproto.repo.getRecord",
        params={"repo": bluesky_network.bot.did, "collection": "app.bsky.feed.post", "rkey": rkey},
    )
    assert (stored["uri"], stored["cid"]) == (first["uri"], first["cid"])
    assert [r["uri"] for r in bluesky_network.bot_posts() if r["value"]["text"] == text] == [
        first["uri"]
    ]


def test_bluesky_mention_reaches_list_notifications(bluesky_network: BlueskyNetwork) -> None:
    marker = unique()
    mention = bluesky_network.mention_bot(f"what can I do? {marker}")

    def arrived() -> list[dict[str, object]]:
        return [
            n
            for n in bluesky_network.notifications(bluesky_network.bot)
            if n["uri"] == mention["uri"]
        ]

    [notification] = poll("alice's mention in the bot's notifications", arrived)
    assert notification["reason"] == "mention"
    assert notification["author"]["did"] == bluesky_network.alice.did
    ref = {"uri": notification["uri"], "cid": notification["cid"]}
    reply = bluesky_network.post(
        bluesky_network.bot, "here is how", reply={"root": ref, "parent": ref}
    )
    assert [r["uri"] for r in bluesky_network.replies_to(mention["uri"])] == [reply["uri"]]


def _tid() -> str:
    """A fresh TID (the record key Bluesky clients use): microseconds since the epoch
    and a clock id, in base32-sortable."""
    alphabet = "234567abcdefghijklmnopqrstuvwxyz"
    value = (time.time_ns() // 1000) << 10 | random.randrange(1024)
    return "".join(alphabet[(value >> (5 * i)) & 31] for i in reversed(range(13)))
