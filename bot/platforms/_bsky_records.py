"""Bluesky records: the record key of an attempt, a post's text with its facets, and
notifications read into Mentions. Pure functions over JSON-shaped dicts."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from bot.content.lengths import bluesky_text

from ._bsky_xrpc import JSON
from .base import Mention

POST = "app.bsky.feed.post"
PROFILE = "app.bsky.actor.profile"
FACET = "app.bsky.richtext.facet"
_S32 = "234567abcdefghijklmnopqrstuvwxyz"
# Bluesky's own hashtag rule, simplified: after a space or the start, not all digits,
# trailing punctuation not part of the tag, at most 64 characters.
_TAG = re.compile(r"(?<!\S)[#＃]([^\s#＃]+)")
_TAG_TRAILING = re.compile(r"[.,;:!?'\")\]}…]+$")
_HANDLE = re.compile(r"@([a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9])")


def tid(created_at: float, key: str) -> str:
    """The record key for an attempt: a TID (13 characters of base32-sortable: 53 bits
    of microseconds since the epoch, 10 bits of clock id) whose time is the attempt's
    and whose clock id comes from its key, so every try of one attempt lands on the same
    record, and two attempts in the same microsecond differ by key."""
    micros = round(created_at * 1_000_000) & ((1 << 53) - 1)
    clock = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:2], "big") & 1023
    value = (micros << 10) | clock
    return "".join(_S32[(value >> (5 * i)) & 31] for i in reversed(range(13)))


def iso(when: float) -> str:
    moment = datetime.fromtimestamp(when, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def split_uri(uri: str) -> tuple[str, str, str]:
    """(repo, collection, rkey) of at://REPO/COLLECTION/RKEY; ValueError otherwise."""
    if not uri.startswith("at://"):
        raise ValueError(uri)
    parts = uri[len("at://") :].split("/")
    if len(parts) != 3 or not all(parts):
        raise ValueError(uri)
    return parts[0], parts[1], parts[2]


def _facet(start: int, end: int, feature: JSON) -> JSON:
    return {"index": {"byteStart": start, "byteEnd": end}, "features": [feature]}


def _tags(text: str) -> list[JSON]:
    facets = []
    for m in _TAG.finditer(text):
        tag = _TAG_TRAILING.sub("", m.group(1))
        if not tag or tag.isdigit() or len(tag) > 64:
            continue
        start = len(text[: m.start()].encode("utf-8"))
        end = start + len(("#" + tag).encode("utf-8"))
        facets.append(_facet(start, end, {"$type": f"{FACET}#tag", "tag": tag}))
    return facets


def leading_handle(text: str) -> str | None:
    m = _HANDLE.match(text)
    return m.group(1) if m else None


def post_record(
    text: str,
    created_at: float,
    mention_did: str | None = None,
    reply: JSON | None = None,
    lang: str | None = None,
    link_card: bool = False,
) -> JSON:
    """The app.bsky.feed.post for `text`: links shown shortened (the full URL in the
    facet), hashtags, and the leading "@handle" as a mention of `mention_did`. Offsets
    are UTF-8 bytes, start inclusive, end exclusive."""
    posted = bluesky_text(text)
    facets = [
        _facet(start, end, {"$type": f"{FACET}#link", "uri": url})
        for start, end, url in posted.links
    ]
    facets += _tags(posted.text)
    handle = leading_handle(posted.text)
    if handle and mention_did:
        end = len(("@" + handle).encode("utf-8"))
        facets.append(_facet(0, end, {"$type": f"{FACET}#mention", "did": mention_did}))
    record: JSON = {"$type": POST, "text": posted.text, "createdAt": iso(created_at)}
    if facets:
        record["facets"] = sorted(facets, key=lambda f: int(f["index"]["byteStart"]))
    if reply:
        record["reply"] = reply
    if lang:
        record["langs"] = [lang]
    if link_card and posted.links:
        url = posted.links[0][2]
        record["embed"] = {
            "$type": "app.bsky.embed.external",
            "external": {"uri": url, "title": urlsplit(url).netloc, "description": ""},
        }
    return record


def reply_ref(parent: JSON) -> JSON:
    """Root and parent of a reply to `parent` (a post view: uri, cid, record): the root
    is the parent's own root when it is itself a reply."""
    strong = {"uri": str(parent["uri"]), "cid": str(parent["cid"])}
    root = parent.get("record", {}).get("reply", {}).get("root")
    if isinstance(root, dict) and "uri" in root and "cid" in root:
        return {"root": {"uri": str(root["uri"]), "cid": str(root["cid"])}, "parent": strong}
    return {"root": strong, "parent": strong}


def parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def position(cursor: str | None) -> tuple[datetime, str] | None:
    """Where a Mention.cursor ("indexedAt|uri") stands; None reads everything."""
    if not cursor:
        return None
    when, _, uri = cursor.partition("|")
    moment = parse_time(when)
    return (moment, uri) if moment is not None else None


def to_mention(n: Any) -> tuple[tuple[datetime, str], Mention] | None:
    """A notification of reason "mention" as (its position, a Mention); None when it is
    something else or malformed (a bad row must not cost the rest of the page)."""
    try:
        if n["reason"] != "mention":
            return None
        uri, indexed = str(n["uri"]), str(n["indexedAt"])
        split_uri(uri)
        record, author = n["record"], n["author"]
        text = record["text"]
        if not isinstance(text, str):
            return None
        moment = parse_time(indexed)
        if moment is None:
            return None
        langs = record.get("langs") or []
        lang = str(langs[0]) if isinstance(langs, list) and langs else None
        mention = Mention(
            id=uri,
            author_id=str(author["did"]),
            author_username=str(author["handle"]),
            text=text,
            created_at=parse_time(record.get("createdAt")) or moment,
            lang=lang,
            cursor=f"{indexed}|{uri}",
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return (moment, uri), mention
