"""Bluesky adapter: XRPC through atproto's HTTP layer, a kept session, exactly-once posts.

Mentions are notifications of reason "mention" (a reply that names the bot arrives as
one); a reply to the bot's post that does not name it (reason "reply") is not a mention
and is left alone, as are likes, reposts and quotes. Their cursor is the notification's
"indexedAt|uri". The AppView sorts by the earlier of indexing time and the post's own
createdAt, so a post from a client whose clock runs behind lands below mentions read
before it: each read goes on LATE past the cursor, and the engine skips ids it knows.

Thin like the X adapter: _bsky_xrpc talks HTTP and maps failures, _bsky_session keeps
the login (createSession is scarce), _bsky_records builds records and reads
notifications. This module adds what a daemon needs: one total deadline per call
(`Deadlines`), rate-limit bookkeeping, a page cap, and exactly-once posting by a record
key fixed by the attempt (a second try finds the first post and answers its uri).

    BlueskyPlatform(handle, app_password, service="https://bsky.social",
                    session_file=None, timeout=(3.05, 4.0), deadline=4.5, link_cards=True)
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from bot.content.lengths import BLUESKY

from ._bsky_records import (
    POST,
    PROFILE,
    leading_handle,
    position,
    post_record,
    reply_ref,
    split_uri,
    tid,
    to_mention,
)
from ._bsky_session import Session, Sessions
from ._bsky_xrpc import JSON, RateLimitState, Xrpc, XrpcFailure, limit_state, platform_error
from ._deadline import CallAbandoned, Deadlines
from .base import Account, Mention, NotAllowed, PlatformError, Unavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

# 50 notifications a page (the server's default): a bot answering mentions every 20 s
# rarely needs a second page; more than 10 means a flood, and the rest waits.
PAGE_SIZE = 50
MAX_PAGES = 10
# How far behind its indexing a post's createdAt may be and still be answered: phones
# and laptops whose clocks drift by seconds or minutes, not backdated imports.
LATE = timedelta(minutes=10)
SELF_LABELS = "com.atproto.label.defs#selfLabels"

__all__ = ["BlueskyPlatform", "RateLimitState"]


@dataclass
class _Progress:
    """Whether a call has begun the request that changes something (the outcome of an
    abandoned call is unknown only from then on)."""

    writing: bool = False


class BlueskyPlatform:
    """The `Platform` for Bluesky, logged in with an app password."""

    name = "bluesky"
    limit = BLUESKY

    def __init__(
        self,
        handle: str,
        app_password: str,
        service: str = "https://bsky.social",
        session_file: Path | None = None,
        timeout: tuple[float, float] = (3.05, 4.0),
        deadline: float = 4.5,
        link_cards: bool = True,
    ) -> None:
        """`session_file` keeps the login across restarts (mode 0600; None: in memory
        only). `timeout` is (connect, read) per socket operation; `deadline` caps each
        call as a whole, and `abort()` cuts it to about a second."""
        self._lock = threading.Lock()
        self._limits: dict[str, RateLimitState] = {}
        self._xrpc = Xrpc(service, timeout, self._record_limits)
        self._sessions = Sessions(self._xrpc, handle, app_password, session_file)
        self._deadlines = Deadlines(deadline)
        self._link_cards = link_cards
        self._capped_once = False

    # -- Platform --------------------------------------------------------

    def whoami(self) -> Account:
        def op(_: _Progress) -> Account:
            body = self._authed("GET", "com.atproto.server.getSession")
            return Account(id=str(body["did"]), username=str(body["handle"]))

        return self._run("me", op)

    def post(
        self,
        text: str,
        reply_to: str | None = None,
        key: str = "",
        created_at: float = 0.0,
        language: str | None = None,  # the record's `langs`
        visibility: str | None = None,  # every Bluesky post is public
    ) -> str:
        # Without the attempt's key and time (a caller outside the engine) every call is
        # a new attempt.
        when = created_at or time.time()
        rkey = tid(when, key or uuid.uuid4().hex)

        def op(progress: _Progress) -> str:
            me = self._sessions.current()
            # First, before anything that may fail since (the post replied to deleted):
            # an earlier try of this attempt may have posted.
            existing = self._own_post(me, rkey)
            if existing is not None:
                log.info("bluesky: %s was posted already (record %s)", existing, rkey)
                return existing
            reply, mention_did = self._reply_to(reply_to, text) if reply_to else (None, None)
            if reply_to is None and leading_handle(text):
                mention_did = self._resolve(leading_handle(text) or "")
            record = post_record(text, when, mention_did, reply, language, self._link_cards)
            body = {"repo": me.did, "collection": POST, "rkey": rkey, "record": record}
            progress.writing = True
            try:
                created = self._authed("POST", "com.atproto.repo.createRecord", body=body)
            except XrpcFailure as f:
                # A clash with an existing key answers a bare 500 like any fault (dev-env's
                # PDS): whether the post exists is read back, not guessed from the error.
                if 0 < f.status < 500 or not f.sent:
                    raise
                try:
                    existing = self._own_post(me, rkey)
                except XrpcFailure:
                    raise f from None  # the create's failure says whether it may have posted
                if existing is None:
                    raise
                return existing
            return str(created["uri"])

        uri = self._run("post", op)
        log.info("bluesky: posted %s%s", uri, f" in reply to {reply_to}" if reply_to else "")
        return uri

    def mentions(
        self, since: str | None, on_page: Callable[[int], bool] | None = None
    ) -> list[Mention]:
        after = position(since)
        floor = (after[0] - LATE, "") if after is not None else None
        found: dict[str, tuple[tuple[datetime, str], Mention]] = {}
        cursor: str | None = None
        pages = skipped = 0
        while True:
            params: dict[str, object] = {"limit": PAGE_SIZE}
            if cursor:
                params["cursor"] = cursor
            body = self._run("mentions", partial(self._notifications, params))
            pages += 1
            notes = body.get("notifications")
            if not isinstance(notes, list):
                raise Unavailable("mentions: malformed body", "mentions", maybe_sent=False)
            reached = False
            count = 0
            for n in notes:
                # Newest first: the first one (of any reason) LATE before `since` ends it.
                if floor is not None and self._older(n, floor):
                    reached = True
                    break
                parsed = to_mention(n)
                if parsed is None:
                    skipped += isinstance(n, dict) and n.get("reason") == "mention"
                    continue
                if after is not None and parsed[0] <= after:
                    # Read again or sorted late: reading on from it must not go back.
                    parsed = (parsed[0], dataclasses.replace(parsed[1], cursor=since))
                found[parsed[1].id] = parsed
                count += 1
            go_on = on_page(count) if on_page is not None else True
            raw_cursor = body.get("cursor")
            cursor = raw_cursor if isinstance(raw_cursor, str) else None
            if reached or not cursor or not notes or not go_on:
                break
            if pages >= MAX_PAGES:
                self._log_capped(pages)
                break
        if skipped:
            log.warning("bluesky: skipped %d malformed mention notification(s)", skipped)
        log.debug("bluesky: %d mentions in %d page(s)", len(found), pages)
        return [m for _, m in sorted(found.values(), key=lambda pair: pair[0])]

    def mark_as_bot(self) -> bool:
        def op(progress: _Progress) -> bool:
            me = self._sessions.current()
            current = self._get_record(me.did, PROFILE, "self")
            value: JSON = dict(current["value"]) if current else {"$type": PROFILE}
            labels = value.get("labels")
            values = labels.get("values") if isinstance(labels, dict) else None
            values = [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []
            if any(v.get("val") == "bot" for v in values):
                return False
            value["labels"] = {"$type": SELF_LABELS, "values": [*values, {"val": "bot"}]}
            body: JSON = {"repo": me.did, "collection": PROFILE, "rkey": "self", "record": value}
            if current is not None:
                # Someone editing the profile meanwhile makes this fail, not lose their edit.
                body["swapRecord"] = str(current["cid"])
            progress.writing = True
            self._authed("POST", "com.atproto.repo.putRecord", body=body)
            log.info("bluesky: %s now carries the bot label", me.did)
            return True

        return self._run("profile", op)

    def abort(self) -> None:
        self._deadlines.abort()

    # -- extras ------------------------------------------------------------

    def rate_limits(self) -> dict[str, RateLimitState]:
        """Latest rate-limit headers seen per XRPC method ("createRecord", ...)."""
        with self._lock:
            return dict(self._limits)

    @property
    def logins(self) -> int:
        """Password logins (createSession) made by this instance; refreshes do not count."""
        return self._sessions.logins

    def close(self) -> None:
        self._xrpc.close()

    # -- internals ---------------------------------------------------------

    def _run(self, endpoint: str, op: Callable[[_Progress], T]) -> T:
        """op under one total deadline, its failures as the platform-neutral errors."""
        progress = _Progress()
        try:
            return self._deadlines.run(lambda: op(progress), name=f"bluesky:{endpoint}")
        except CallAbandoned as e:
            raise Unavailable(f"{endpoint}: {e}", endpoint, maybe_sent=progress.writing) from None
        except XrpcFailure as f:
            raise platform_error(f, endpoint, "POST" if progress.writing else "GET") from None
        except PlatformError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise Unavailable(
                f"{endpoint}: malformed body ({type(e).__name__})",
                endpoint,
                maybe_sent=progress.writing,
            ) from None

    def _authed(
        self,
        method: str,
        nsid: str,
        params: Mapping[str, object] | None = None,
        body: JSON | None = None,
    ) -> JSON:
        return self._sessions.authed(
            lambda s: self._xrpc.call(method, nsid, token=s.access, params=params, body=body)
        )

    def _get_record(self, repo: str, collection: str, rkey: str) -> JSON | None:
        params = {"repo": repo, "collection": collection, "rkey": rkey}
        try:
            return self._authed("GET", "com.atproto.repo.getRecord", params=params)
        except XrpcFailure as f:
            if f.error == "RecordNotFound" or (f.status == 400 and "not found" in f.message):
                return None
            raise

    def _own_post(self, me: Session, rkey: str) -> str | None:
        found = self._get_record(me.did, POST, rkey)
        return str(found["uri"]) if found is not None else None

    def _reply_to(self, uri: str, text: str) -> tuple[JSON, str | None]:
        """The reply ref for a reply to `uri`, and the DID the leading @handle names."""
        try:
            author = split_uri(uri)[0]
        except ValueError:
            raise NotAllowed(f"post: not a post to reply to: {uri[:80]}", "post") from None
        body = self._authed("GET", "app.bsky.feed.getPosts", params={"uris": [uri]})
        posts = body.get("posts")
        if not isinstance(posts, list) or not posts:
            # Deleted, or hidden from the bot (a block): nothing to answer.
            raise NotAllowed(f"post: {uri} is gone or not visible", "post")
        parent: Any = posts[0]
        handle = leading_handle(text)
        if handle is None:
            return reply_ref(parent), None
        by = parent.get("author", {})
        if str(by.get("handle", "")).lower() != handle.lower():
            # The reply names someone other than the author: look that handle up.
            return reply_ref(parent), self._resolve(handle)
        did = author if author.startswith("did:") else str(by.get("did", "")) or None
        return reply_ref(parent), did

    def _resolve(self, handle: str) -> str | None:
        """A handle's DID for a mention facet; the post goes out as text without one."""
        try:
            body = self._authed(
                "GET", "com.atproto.identity.resolveHandle", params={"handle": handle}
            )
        except XrpcFailure as f:
            if f.status == 0 or f.status >= 500 or f.status == 429:
                raise
            return None
        did = body.get("did")
        return did if isinstance(did, str) else None

    def _notifications(self, params: Mapping[str, object], _: _Progress) -> JSON:
        return self._authed("GET", "app.bsky.notification.listNotifications", params=params)

    @staticmethod
    def _older(n: Any, after: tuple[datetime, str]) -> bool:
        where = position(f"{n.get('indexedAt')}|{n.get('uri')}") if isinstance(n, dict) else None
        return where is not None and where <= after

    def _log_capped(self, pages: int) -> None:
        if self._capped_once:
            log.debug("bluesky: mentions page cap (%d) hit again", pages)
            return
        self._capped_once = True
        log.warning(
            "bluesky: mentions still offered more pages after %d; the rest waits for the next read",
            pages,
        )

    def _record_limits(self, endpoint: str, headers: Mapping[str, str]) -> None:
        state = limit_state(headers)
        if state is not None:
            with self._lock:
                self._limits[endpoint] = state
