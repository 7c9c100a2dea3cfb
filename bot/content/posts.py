"""The message library: posts under messages/posts/*.yaml, loaded and validated.

Content lives in files reviewed in git; this module only reads and checks them.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.content.allowlist import link_problem, load_allowlist
from bot.content.approval import parse_approval
from bot.content.checker import Checker
from bot.content.lengths import DEFAULT_LIMITS, Limit, length_problems
from bot.content.model import EVERYWHERE, Library, Post, Reach
from bot.content.problems import Problem, display_path
from bot.content.textrules import (
    URL_RE,
    bare_domains,
    hashtags,
    lenient_links,
    links,
    mentions,
)
from bot.content.yamlsrc import Doc, load, type_name

POSTS_DIR = "messages/posts"
CATEGORIES = frozenset(
    {
        "awareness",
        "petition",
        "donate",
        "embassy",
        "representatives",
        "un",
        "safety",
        "dating-apps",
        "stay-informed",
    }
)
REQUIRED_HASHTAG = "CloseTheCamps"
MAX_HASHTAGS = 3
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
# BCP 47 as we use it: language, optional script/region/variants.
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-[A-Za-z0-9]{5,8})*$")
REQUIRED = frozenset({"id", "lang", "category", "text"})
KEYS = REQUIRED | {"starts", "expires", "weight", "approval"}


def text_problems(
    text: str, domains: frozenset[str], limits: Iterable[Limit] = DEFAULT_LIMITS
) -> list[tuple[str, str]]:
    """(what, fix) for each rule a post text breaks, its length checked on each platform
    of `limits` (every platform until slots name theirs); shared with reply templates."""
    out: list[tuple[str, str]] = []
    if not text.strip():
        return [("the text is empty", "write the post's text")]
    out += length_problems(text, limits)
    for handle in mentions(text):
        out.append(
            (f"text mentions @{handle}", "remove it: the bot never mentions anyone unsolicited")
        )
    bare = bare_domains(text)
    strict = links(text)
    for url in strict:
        if url in bare:
            out.append((f"link '{url}' is not written in full", "write it as https://" + url))
        elif URL_RE.match(url):
            bad = link_problem(url, domains)
            if bad:
                out.append(bad)
    # What another platform's client may link beyond X's rules is checked too.
    for url in lenient_links(text):
        if url not in strict and url not in bare and url.lower().startswith("http"):
            bad = link_problem(url, domains)
            if bad and bad not in out:
                out.append(bad)
    return out


def _post_problems(
    doc: Doc, i: int, item: Any, domains: frozenset[str], today: dt.date, reach: Reach
) -> tuple[Post | None, list[Problem]]:
    key = ("posts", i)
    c = Checker(doc)
    if not isinstance(item, dict):
        c.keys(key, item, "a post", KEYS, fix="start each post with '- id: ...'")
        return None, c.problems
    c.keys(key, item, "a post", KEYS, REQUIRED)
    for k in sorted(REQUIRED & item.keys()):
        if not isinstance(item[k], str):
            c.add(
                (*key, k),
                f"'{k}' must be text, not {type_name(item[k])}",
                f"quote the value of '{k}'",
            )
    if c.problems:
        return None, c.problems
    probs: list[Problem] = []
    pid, lang, cat, text = item["id"], item["lang"], item["category"], item["text"]
    if not ID_RE.match(pid):
        probs.append(
            doc.problem(
                (*key, "id"),
                f"id '{pid}' is not a valid id",
                "use lowercase letters, digits and hyphens",
            )
        )
    if not LANG_RE.match(lang):
        probs.append(
            doc.problem(
                (*key, "lang"), f"'{lang}' is not a BCP 47 language tag", "write e.g. en, de, pt-BR"
            )
        )
    if cat not in CATEGORIES:
        probs.append(
            doc.problem(
                (*key, "category"),
                f"unknown category '{cat}'",
                f"use one of: {', '.join(sorted(CATEGORIES))}",
            )
        )
    # Measured on each network this post may go to: those of the slots that take it.
    limits = [lim for lim in DEFAULT_LIMITS if lim.platform in reach.of(lang, cat)]
    for what, fix in text_problems(text, domains, limits):
        probs.append(doc.problem((*key, "text"), what, fix))
    tags = hashtags(text)
    if REQUIRED_HASHTAG not in tags:
        probs.append(
            doc.problem(
                (*key, "text"), "text lacks #CloseTheCamps", "add the hashtag #CloseTheCamps"
            )
        )
    if len(tags) > MAX_HASHTAGS:
        probs.append(
            doc.problem(
                (*key, "text"), f"text has {len(tags)} hashtags", f"keep at most {MAX_HASHTAGS}"
            )
        )
    dates: dict[str, dt.date | None] = {}
    for k in ("starts", "expires"):
        v = item.get(k)
        if v is not None and (not isinstance(v, dt.date) or isinstance(v, dt.datetime)):
            probs.append(
                doc.problem(
                    (*key, k), f"'{k}' must be a date, not {type_name(v)}", "write it as YYYY-MM-DD"
                )
            )
            v = None
        dates[k] = v
    starts, expires = dates["starts"], dates["expires"]
    if starts and expires and expires < starts:
        probs.append(
            doc.problem((*key, "expires"), "expires before it starts", "correct the dates")
        )
    weight = item.get("weight", 1)
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 10:
        probs.append(
            doc.problem(
                (*key, "weight"),
                f"weight must be a whole number 1 to 10, not {weight!r}",
                "write e.g. 'weight: 2'",
            )
        )
        weight = 1
    approval = parse_approval(item.get("approval"))
    if isinstance(approval, str):
        probs.append(
            doc.problem((*key, "approval"), approval, f"run: closethecamps approve {pid} --by NAME")
        )
        approval = None
    post = Post(pid, lang, cat, text, starts, expires, weight, approval, doc.shown, doc.line(*key))
    if approval is None:
        probs.append(
            doc.problem(
                key,
                f"post '{pid}' is a draft: it will not be posted",
                f"review it, then run: closethecamps approve {pid} --by NAME",
                warning=True,
            )
        )
    elif not post.approved:
        probs.append(
            doc.problem(
                (*key, "approval"),
                f"approval of '{pid}' does not match its text (edited since)",
                f"review the new text, then run: closethecamps approve {pid} --by NAME",
            )
        )
    if expires and expires < today:
        probs.append(
            doc.problem(
                (*key, "expires"),
                f"post '{pid}' expired on {expires}",
                "remove it or move its expiry date",
                warning=True,
            )
        )
    return post, probs


def _load_file(
    path: Path, root: Path, domains: frozenset[str], today: dt.date, reach: Reach
) -> tuple[list[Post], list[Problem]]:
    """Every post of one file with its problems; ids across files are checked later."""
    doc, problems = load(path, display_path(path, root), root)
    if doc is None:
        return [], problems
    data = doc.data
    if data is None:
        return [], [
            *problems,
            doc.problem(
                (), "the file is empty", "add 'posts:' with a list of posts, or delete the file"
            ),
        ]
    if not isinstance(data, dict) or "posts" not in data:
        return [], [
            *problems,
            doc.problem(
                (), "expected a mapping with a 'posts:' list", "start the file with 'posts:'"
            ),
        ]
    for k in data:
        if k != "posts":
            problems.append(
                doc.problem(
                    (k,), f"unknown top-level key '{k}'", "only 'posts:' belongs at the top"
                )
            )
    items = data["posts"]
    if not isinstance(items, list):
        return [], [
            *problems,
            doc.problem(
                ("posts",),
                f"'posts' must be a list, not {type_name(items)}",
                "write each post as '- id: ...'",
            ),
        ]
    posts: list[Post] = []
    for i, item in enumerate(items):
        post, probs = _post_problems(doc, i, item, domains, today, reach)
        problems += probs
        if post is not None:
            posts.append(post)
    return posts, problems


def _load_files(
    args: tuple[list[Path], Path, frozenset[str], dt.date, Reach],
) -> list[tuple[list[Post], list[Problem]]]:
    paths, root, domains, today, reach = args
    return [_load_file(p, root, domains, today, reach) for p in paths]


# Above this much YAML, a single-threaded process (the validate command, a benchmark)
# parses on every core; the shipped library is far below it, and a process with other
# threads (the daemon) never forks.
PARALLEL_BYTES = 1_000_000


def _per_file(
    paths: list[Path], root: Path, domains: frozenset[str], today: dt.date, reach: Reach
) -> list[tuple[list[Post], list[Problem]]]:
    cores = min(os.cpu_count() or 1, len(paths))
    size = sum(p.stat().st_size for p in paths if p.is_file())
    if (
        cores < 2
        or size < PARALLEL_BYTES
        or threading.active_count() > 1
        or "fork" not in mp.get_all_start_methods()
    ):
        return _load_files((paths, root, domains, today, reach))
    chunks = [paths[i::cores] for i in range(cores)]
    with mp.get_context("fork").Pool(cores) as pool:
        parts = pool.map(_load_files, [(c, root, domains, today, reach) for c in chunks])
    by_path = {
        id(p): r for c, rs in zip(chunks, parts, strict=True) for p, r in zip(c, rs, strict=True)
    }
    return [by_path[id(p)] for p in paths]


def load_posts(
    paths: Iterable[Path],
    root: Path,
    domains: frozenset[str],
    today: dt.date,
    reach: Reach = EVERYWHERE,
) -> tuple[list[Post], list[Problem]]:
    posts: list[Post] = []
    problems: list[Problem] = []
    first: dict[str, Post] = {}
    for file_posts, probs in _per_file(list(paths), root, domains, today, reach):
        problems += probs
        for post in file_posts:
            if post.id in first:
                other = first[post.id]
                problems.append(
                    Problem(
                        post.file,
                        post.line,
                        f"duplicate id '{post.id}' (also {other.file}:{other.line})",
                        "give each post its own id",
                    )
                )
                continue
            first[post.id] = post
            posts.append(post)
    return posts, problems


def post_files(root: Path) -> list[Path]:
    d = root / POSTS_DIR
    return sorted([*d.glob("*.yaml"), *d.glob("*.yml")]) if d.is_dir() else []


def load_library(
    root: Path, today: dt.date | None = None, reach: Reach = EVERYWHERE
) -> tuple[Library, list[Problem]]:
    """Every post and every problem; callers decide whether errors are fatal. `reach`
    says where each post may go (default: every network), and so which lengths apply."""
    today = today or dt.date.today()
    domains, problems = load_allowlist(root)
    files = post_files(root)
    folder = root / POSTS_DIR
    if os.path.lexists(folder) and not folder.is_dir():
        problems.append(
            Problem(POSTS_DIR, 1, "not a folder", f"make {POSTS_DIR} a folder of YAML files")
        )
    elif not files:
        problems.append(
            Problem(POSTS_DIR, 1, "no message files found", f"add YAML files under {POSTS_DIR}/")
        )
    posts, probs = load_posts(files, root, domains, today, reach)
    problems += probs
    if posts and not any(p.live(today) for p in posts):
        problems.append(
            Problem(
                POSTS_DIR,
                1,
                "no approved, unexpired post: nothing to post",
                "approve at least one post",
            )
        )
    return Library(tuple(posts)), problems
