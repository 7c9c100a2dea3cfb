"""Reading X's answers: error statuses to platform-neutral errors, mention pages to
Mentions. Pure functions over tweepy's exceptions and parsed JSON bodies."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import tweepy

from ._x_transport import int_header
from .base import (
    AuthFailed,
    Duplicate,
    KeysRejected,
    Mention,
    NotAllowed,
    OutOfCredits,
    PlatformError,
    RateLimited,
    Unavailable,
)

log = logging.getLogger(__name__)


def problem_text(exc: tweepy.HTTPException) -> str:
    parts = [str(m) for m in exc.api_messages]
    # A body we cannot even decode adds nothing; the status still decides.
    with contextlib.suppress(Exception):
        parts.append(exc.response.text)
    return " ".join(parts).lower()


def reset_at(headers: Mapping[str, str]) -> float | None:
    value = int_header(headers, "x-rate-limit-reset")
    return float(value) if value is not None else None


def map_http_error(e: tweepy.HTTPException, endpoint: str, method: str) -> PlatformError:
    status = e.response.status_code
    text = problem_text(e)
    codes = set(e.api_codes)
    message = f"{endpoint}: HTTP {status}: {'; '.join(map(str, e.api_messages))}"
    if status == 429:
        return rate_limited(e, message, endpoint)
    if status == 403:
        # 187, 385 and 433 are the v1.1 codes for the same conditions.
        if "duplicate content" in text or 187 in codes:
            return Duplicate(message, endpoint)
        if (
            "reply to this conversation is not allowed" in text
            or "deleted or not visible" in text
            or codes & {385, 433}
        ):
            return NotAllowed(message, endpoint)
        return AuthFailed(message, endpoint)
    if status == 401:
        return KeysRejected(message, endpoint)
    if status == 402:
        return OutOfCredits(message, endpoint)
    if status >= 500:
        return Unavailable(message, endpoint, maybe_sent=method == "POST")
    return PlatformError(message, endpoint)


def parse_time(value: object) -> datetime:
    if not isinstance(value, str):
        # Missing timestamps must not lose the mention; "now" is close enough
        # for the only use (ordering and age checks).
        return datetime.now(UTC)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)


def rate_limited(e: tweepy.HTTPException, message: str, endpoint: str) -> RateLimited:
    """Which of X's limits was hit: the plan's monthly usage cap, a 24-hour cap, or the
    15-minute window; each pauses until its own reset, not the window's."""
    headers = e.response.headers
    if "usage-capped" in problem_type(e) or "usage cap" in problem_text(e):
        return RateLimited(message, endpoint, next_month(time.time()), scope="month")
    day_resets = [
        int_header(headers, f"x-{who}-limit-24hour-reset")
        for who in ("user", "app")
        if int_header(headers, f"x-{who}-limit-24hour-remaining") == 0
    ]
    known = [float(r) for r in day_resets if r is not None]
    if day_resets:
        return RateLimited(message, endpoint, max(known) if known else None, scope="day")
    return RateLimited(message, endpoint, reset_at(headers))


def problem_type(e: tweepy.HTTPException) -> str:
    with contextlib.suppress(Exception):
        body = e.response.json()
        if isinstance(body, dict):
            return str(body.get("type", "")) + " " + str(body.get("title", ""))
    return ""


def next_month(now: float) -> float:
    today = datetime.fromtimestamp(now, UTC)
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return datetime(year, month, 1, tzinfo=UTC).timestamp()


def refuse_errors_only(body: dict[str, Any], endpoint: str = "mentions") -> None:
    """A 200 holding `errors` and no data (the bot's own account not found or suspended)
    is not an empty page: reading it as "no mentions" would hide the problem for good,
    whatever `meta` says beside it."""
    errors = body.get("errors")
    if errors is None or body.get("data"):
        return
    if not isinstance(errors, list):
        raise Unavailable(f"{endpoint}: malformed body (errors)", endpoint, maybe_sent=False)
    if errors:
        titles = sorted(
            {str(err.get("title", "?")) for err in errors if isinstance(err, dict)} or {"?"}
        )
        raise Unavailable(
            f"{endpoint}: X answered only errors: {', '.join(titles)[:120]}",
            endpoint,
            maybe_sent=False,
        )


# X's ids are 64-bit integers written in decimal: at most 19 digits. A longer "id" is not
# X's, and as a cursor it would ask for mentions newer than any there will ever be.
_MAX_ID = 2**63 - 1


def valid_id(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= 19
        and value.isascii()
        and value.isdigit()
        and int(value) <= _MAX_ID
    )


def id_order(value: str) -> tuple[int, str]:
    """Sort key for valid ids, numeric without int() (equal length: text order)."""
    return len(value), value


def parse_mentions(body: dict[str, Any]) -> tuple[list[Mention], int, str | None]:
    """The page's mentions, how many were skipped for lacking a valid id or an author (one
    bad row must not cost the rest of the batch), and the newest valid id on the page,
    malformed rows included, so a page of bad rows is not read again and again."""
    data = body.get("data") or []
    if not isinstance(data, list):
        raise TypeError("data")
    included = body.get("includes", {}).get("users", [])
    users = {
        str(u["id"]): u for u in included if isinstance(u, dict) and isinstance(u.get("id"), str)
    }
    mentions, bad, newest = [], 0, None
    meta_newest = body.get("meta", {}).get("newest_id")
    for tweet_id in [meta_newest, *(t.get("id") for t in data if isinstance(t, dict))]:
        if valid_id(tweet_id) and (newest is None or id_order(tweet_id) > id_order(newest)):
            newest = tweet_id
    for tweet in data:
        try:
            tweet_id, author_id = tweet["id"], tweet["author_id"]
            if not (valid_id(tweet_id) and valid_id(author_id)):
                raise ValueError("id")
            author = users.get(author_id, {})
            mentions.append(
                Mention(
                    id=tweet_id,
                    author_id=author_id,
                    author_username=str(author.get("username", "")),
                    text=str(tweet["text"]),
                    created_at=parse_time(tweet.get("created_at")),
                    lang=tweet.get("lang") if isinstance(tweet.get("lang"), str) else None,
                    author_location=(
                        author.get("location") if isinstance(author.get("location"), str) else None
                    ),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            bad += 1
    return mentions, bad, newest
