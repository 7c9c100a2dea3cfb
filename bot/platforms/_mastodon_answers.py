"""Reading Mastodon's answers: a status's HTML as text, notification pages as Mentions,
a reply's visibility. Pure functions over the parsed JSON Mastodon.py hands back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from bot.content.model import VISIBILITIES

from .base import Mention


def reply_visibility(wanted: str, parent: object) -> str:
    """The narrower of the bot's own visibility and the mention's (VISIBILITIES is widest
    first): a reply is never seen by more people than the mention it answers. A
    visibility we do not know (a fork's "limited", a missing field) is treated as the
    narrowest, direct."""
    rank = {v: i for i, v in enumerate(VISIBILITIES)}
    last = len(VISIBILITIES) - 1
    return VISIBILITIES[
        max(rank.get(wanted, last), rank.get(parent, last) if isinstance(parent, str) else last)
    ]


class _Text(HTMLParser):
    """Status HTML to plain text: <br> a line break, a new paragraph a blank line. Link
    parts Mastodon hides (`invisible`, `ellipsis` spans) are kept: the text is the
    whole link, as its author wrote it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._paragraphs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p":
            if self._paragraphs:
                self.parts.append("\n\n")
            self._paragraphs += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts).strip()


def parse_time(value: object) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    # A missing time must not lose the mention; "now" serves its uses (order, age).
    return datetime.now(UTC)


def local_acct(acct: str, domain: str) -> str:
    """The acct a reply starts with after "@": Mastodon gives local users as NAME and
    others as NAME@DOMAIN; snac writes its own domain even for local users, and cannot
    read a mention with a port in it, so our own domain is dropped."""
    name, _, host = acct.partition("@")
    return name if host and host.lower() == domain.lower() else acct


def parse_notification(n: Mapping[str, Any], domain: str) -> Mention | None:
    """The Mention in one notification; None when it is not a mention. Raises KeyError,
    TypeError or ValueError on a malformed one."""
    if n.get("type") != "mention":
        return None
    status = n["status"]
    account = status.get("account") or n["account"]
    status_id, author_id, cursor = str(status["id"]), str(account["id"]), str(n["id"])
    if not (status_id and author_id and cursor):
        raise ValueError("empty id")
    acct = str(account.get("acct") or account["username"])
    lang = status.get("language")
    return Mention(
        id=status_id,
        author_id=author_id,
        author_username=local_acct(acct, domain),
        text=html_to_text(str(status.get("content") or "")),
        created_at=parse_time(status.get("created_at") or n.get("created_at")),
        lang=str(lang) if lang else None,
        author_location=None,  # no profile location on Mastodon
        cursor=cursor,
    )


def id_key(value: str) -> tuple[int, str]:
    """Order of Mastodon ids: numeric strings (snowflakes), compared as numbers."""
    return (int(value), "") if value.isascii() and value.isdigit() else (-1, value)


def newer(cursor: str, since: str | None) -> bool:
    """Whether notification `cursor` is after `since`: snac ignores `since_id`, and an
    id we cannot compare is kept (the engine skips mentions it already knows)."""
    if since is None:
        return True
    a, b = id_key(cursor), id_key(since)
    return a > b if a[0] >= 0 and b[0] >= 0 else True


def oldest_first(mentions: Iterable[Mention]) -> list[Mention]:
    """By notification id where every id is numeric; else by time, keeping the order read
    (each page newest first, so reversed) among equal times."""
    found = list(mentions)
    if all(id_key(m.cursor or "")[0] >= 0 for m in found):
        return sorted(found, key=lambda m: id_key(m.cursor or ""))
    return sorted(reversed(found), key=lambda m: m.created_at)
