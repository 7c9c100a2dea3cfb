"""Every link the bot can send, where each is written, and what the files say about it.

    inventory(root, today) -> ([Link], [Problem])
    record_checked(root, entries, day) -> [Problem]

A link is a URL in a post's or a reply template's `text`, or a resource's `url`. Its
`verified` and `checked` come from the nearest mapping around it that has them (a
resource section's `verified`, its country entry's `checked`; the protect message's
`verified`); a link with no `verified` of its own takes the status of its row in
messages/posts/FACTS.md, the project's record of how each post link was checked.

The files are read as written, whatever validate would say about them (an http link, a
domain off the allowlist): listing and opening links is how a maintainer finds out.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content.files import read_content
from bot.content.model import Post
from bot.content.posts import POSTS_DIR
from bot.content.problems import Problem, display_path
from bot.content.textrules import lenient_links, links
from bot.content.yamlsrc import Doc, Key, load, parse

LINK_DIRS = ("messages/posts", "messages/replies", "messages/resources")
FACTS_FILE = "messages/posts/FACTS.md"
# A FACTS.md status is "verified ..." or "host verified ..."; these words in it mean the
# exact URL still waits for a maintainer.
_FACTS_DOUBT = re.compile(r"please (?:re-)?check|not independently verified", re.IGNORECASE)
_FACTS_URL = re.compile(r"https?://[^\s,|`]+")
_CHECKED_VALUE = re.compile(r"(\bchecked:\s*['\"]?)(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Use:
    """One place a link is written."""

    file: str
    line: int
    item: str  # the post or template id, or the resource entry and section ("US embassy")
    verified: bool | None  # None: the file says nothing
    checked: dt.date | None
    note: str | None = None  # the FACTS.md status, when that is where `verified` came from
    # Where the `checked` date sits (file and key path), for --record.
    checked_at: tuple[str, Key] | None = None


@dataclass(frozen=True)
class Link:
    url: str
    uses: tuple[Use, ...]

    @property
    def verified(self) -> bool | None:
        """False when any use says so (someone must open it), True when some use says
        so and none says otherwise, None when no file says anything."""
        marks = {u.verified for u in self.uses} - {None}
        return None if not marks else all(marks)

    @property
    def checked(self) -> dt.date | None:
        """The oldest date any of its uses was checked."""
        dates = [u.checked for u in self.uses if u.checked is not None]
        return min(dates) if dates else None

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "verified": self.verified,
            "checked": self.checked.isoformat() if self.checked else None,
            "uses": [
                {
                    "file": u.file,
                    "line": u.line,
                    "item": u.item,
                    "verified": u.verified,
                    "checked": u.checked.isoformat() if u.checked else None,
                    **({"note": u.note} if u.note else {}),
                }
                for u in self.uses
            ],
        }


def link_files(root: Path) -> list[Path]:
    out: list[Path] = []
    for d in LINK_DIRS:
        folder = root / d
        if folder.is_dir():
            out += sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return out


def facts_status(root: Path) -> dict[str, tuple[bool, str]]:
    """URL -> (verified, status) from the links table of messages/posts/FACTS.md."""
    path = root / FACTS_FILE
    raw, _ = read_content(path, root, FACTS_FILE) if os.path.lexists(path) else (None, None)
    if raw is None:
        return {}
    out: dict[str, tuple[bool, str]] = {}
    for line in raw.decode("utf-8", errors="replace").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0].startswith("http"):
            continue
        status = cells[-1]
        ok = status.lower().startswith(("verified", "host verified"))
        ok = ok and not _FACTS_DOUBT.search(status)
        for url in _FACTS_URL.findall(cells[0]):
            out[url] = (ok, status)
    return out


def _label(data: Any, key: Key) -> str:
    """The id of the post or template, or the entry's code and section."""
    node, path = data, []
    name = ""
    for k in key:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            return str(node["id"])
        if isinstance(node, dict) and isinstance(node.get("code"), str):
            name = node["code"]
        if isinstance(k, str) and k not in (
            "countries",
            "posts",
            "replies",
            "protect",
            "url",
            "text",
        ):
            path.append(k)
        node = node[k]
    parts = [name, *path[-1:]] if name else path
    return " ".join(parts)


def _nearest(doc: Doc, key: Key, field: str) -> tuple[Any, Key] | None:
    """The value of `field` in the innermost mapping around `key` that has it."""
    nodes: list[tuple[Any, Key]] = [(doc.data, ())]
    for i, k in enumerate(key[:-1]):
        nodes.append((nodes[-1][0][k], key[: i + 1]))
    for node, at in reversed(nodes):
        if isinstance(node, dict) and field in node:
            return node[field], (*at, field)
    return None


def _strings(data: Any, key: Key = ()) -> list[tuple[Key, str]]:
    """Every `text` and `url` value: what the bot sends."""
    out: list[tuple[Key, str]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if k in ("text", "url") and isinstance(v, str):
                out.append(((*key, k), v))
            else:
                out += _strings(v, (*key, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _strings(v, (*key, i))
    return out


def _url_line(lines: list[str], start: int, url: str) -> int:
    """The line (1-based) at or after `start` where `url` is written: a folded text
    runs over several lines, and a URL has no spaces to be folded at."""
    for n in range(start - 1, len(lines)):
        if url in lines[n]:
            return n + 1
    return start


def _uses(doc: Doc, lines: list[str], facts: dict[str, tuple[bool, str]]) -> list[tuple[str, Use]]:
    out: list[tuple[str, Use]] = []
    for key, value in _strings(doc.data):
        for url in _every_link(value):
            found = _nearest(doc, key, "verified")
            verified = found[0] if found and isinstance(found[0], bool) else None
            note = None
            if verified is None and url in facts:
                verified, note = facts[url]
            when = _nearest(doc, key, "checked")
            checked = when[0] if when and type(when[0]) is dt.date else None
            at = (doc.shown, when[1]) if when and checked else None
            line = _url_line(lines, doc.line(*key), url)
            out.append(
                (url, Use(doc.shown, line, _label(doc.data, key), verified, checked, note, at))
            )
    return out


def _post_uses(
    root: Path, posts: Sequence[Post], facts: dict[str, tuple[bool, str]]
) -> list[tuple[str, Use]]:
    """The uses in posts already loaded (validate has them): no second parse."""
    out: list[tuple[str, Use]] = []
    lines: dict[str, list[str]] = {}
    for post in posts:
        for url in _every_link(post.text):
            if post.file not in lines:
                text = (root / post.file).read_text(encoding="utf-8", errors="replace")
                lines[post.file] = text.splitlines()
            verified, note = facts.get(url, (None, None))
            line = _url_line(lines[post.file], post.line, url)
            out.append((url, Use(post.file, line, post.id, verified, None, note)))
    return out


def inventory(root: Path, posts: Sequence[Post] | None = None) -> tuple[list[Link], list[Problem]]:
    """Every distinct link with all its uses, in the order first written; and the
    problems of files that could not be read at all. Given `posts` (already loaded and
    checked), their files are not read again."""
    facts = facts_status(root)
    by_url: dict[str, list[Use]] = {}
    problems: list[Problem] = []
    if posts is not None:
        for url, use in _post_uses(root, posts, facts):
            by_url.setdefault(url, []).append(use)
    facts_key = tuple(sorted(facts.items()))
    for path in link_files(root):
        if posts is not None and path.parent == root / POSTS_DIR:
            continue
        shown = display_path(path, root)
        raw, refused = read_content(path, root, shown)
        if raw is None:
            problems += [refused] if refused and not refused.warning else []
            continue
        uses, probs = _file_uses(raw, path, shown, facts, facts_key)
        problems += probs
        for url, use in uses:
            by_url.setdefault(url, []).append(use)
    return [Link(u, tuple(uses)) for u, uses in by_url.items()], problems


# (file, its bytes' digest, FACTS.md's statuses) -> its uses and problems. validate
# lists links after its check, and most of the files are the same from run to run.
_FILE_USES: dict[tuple[str, bytes, tuple[Any, ...]], tuple[list[tuple[str, Use]], list[Problem]]]
_FILE_USES = {}


def _file_uses(
    raw: bytes,
    path: Path,
    shown: str,
    facts: dict[str, tuple[bool, str]],
    facts_key: tuple[Any, ...],
) -> tuple[list[tuple[str, Use]], list[Problem]]:
    key = (shown, hashlib.sha256(raw).digest(), facts_key)
    if key in _FILE_USES:
        return _FILE_USES[key]
    doc, probs = parse(raw, path, shown)
    uses: list[tuple[str, Use]] = []
    if doc is not None:
        uses = _uses(doc, raw.decode("utf-8", errors="replace").splitlines(), facts)
    found = (uses, [p for p in probs if not p.warning])
    if len(_FILE_USES) >= 512:
        _FILE_USES.clear()
    _FILE_USES[key] = found
    return found


def record_checked(root: Path, places: set[tuple[str, Key]], day: dt.date) -> list[Problem]:
    """Set each `checked:` at `places` (file, key path) to `day`, editing only its line
    so comments and layout stay as the maintainer wrote them."""
    problems: list[Problem] = []
    by_file: dict[str, list[Key]] = {}
    for shown, key in places:
        by_file.setdefault(shown, []).append(key)
    for shown, keys in sorted(by_file.items()):
        path = root / shown
        doc, probs = load(path, shown, root)
        if doc is None:
            problems += probs
            continue
        source = path.read_bytes().decode("utf-8")
        lines = source.splitlines(keepends=True)
        for key in sorted(keys, key=str):
            n = doc.line(*key) - 1
            new, count = _CHECKED_VALUE.subn(
                lambda m: m.group(1) + day.isoformat(), lines[n], count=1
            )
            if count != 1:
                problems.append(
                    Problem(
                        shown,
                        n + 1,
                        "could not find the 'checked:' date to update",
                        "write it as 'checked: YYYY-MM-DD' on one line",
                    )
                )
                continue
            lines[n] = new
        new_source = "".join(lines)
        if new_source != source and not _only_dates_changed(doc.data, new_source, keys, day):
            problems.append(
                Problem(
                    shown,
                    1,
                    "recording the checked dates would have changed more than the dates",
                    "write each 'checked: YYYY-MM-DD' on a line of its own, then run again",
                )
            )
        elif new_source != source:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(new_source)
    return problems


def _only_dates_changed(before: Any, new_source: str, keys: list[Key], day: dt.date) -> bool:
    """A safety net before writing: the new file parses to the old data with exactly
    the dates at `keys` changed."""
    try:
        after = yaml.load(new_source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return False
    expected = copy.deepcopy(before)
    for key in keys:
        node = expected
        for k in key[:-1]:
            node = node[k]
        node[key[-1]] = day
    return bool(after == expected)


def _every_link(text: str) -> list[str]:
    """What X links and what a lenient client (Mastodon, Bluesky, a browser) would: a
    reader may follow either."""
    return list(dict.fromkeys(links(text) + lenient_links(text)))
