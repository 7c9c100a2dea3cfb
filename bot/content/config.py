"""Everything the daemon reads from --root, loaded and checked as one unit.

A reload swaps in a new Config only when every file in it is valid, so a bad
edit never replaces the last good version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from bot.content.at_risk import load_at_risk
from bot.content.files import fingerprint, stamp
from bot.content.model import EVERYWHERE, NETWORKS, Library, Reach, ReplyLibrary, Schedule
from bot.content.posts import load_library
from bot.content.problems import Problem
from bot.content.schedule import SCHEDULE_FILE, load_schedule, platform_problems
from bot.content.templates import load_reply_library

WATCHED_DIRS = ("messages",)


@dataclass(frozen=True)
class Config:
    schedule: Schedule
    library: Library
    replies: ReplyLibrary


def check(
    root: Path,
    today: dt.date | None = None,
    platforms: frozenset[str] = frozenset(),
    *,
    routing: bool = False,
) -> tuple[Config | None, list[Problem]]:
    """(config or None, every problem). None whenever any problem is an error.
    `platforms`: the enabled networks, whose own rules the schedule must also meet.
    `routing`: only what composing replies reads (route): no posts, and the templates'
    fit with every country left to validate (see load_reply_library)."""
    schedule, problems = load_schedule(root)
    if schedule is not None:
        problems += platform_problems(schedule, platforms)
    enabled = platforms & set(NETWORKS) or frozenset(NETWORKS)  # the sandbox: all three
    reach = Reach(schedule.slots, enabled) if schedule is not None else EVERYWHERE
    library, more = load_library(root, today, reach) if not routing else (Library(()), [])
    problems += more
    replies, more = load_reply_library(root, prove_fit=not routing)
    problems += more
    at_risk, more = load_at_risk(root, today or dt.date.today())
    # Posts and templates both read the allowlist: report its problems once.
    problems = list(dict.fromkeys(problems + more))
    if (
        any(not p.warning for p in problems)
        or schedule is None
        or replies is None
        or at_risk is None
    ):
        return None, problems
    override = schedule.mentions.protect_countries
    replies = replace(replies, at_risk=at_risk if override is None else override)
    return Config(schedule, library, replies), problems


def signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap fingerprint of every watched file: a change means 'reload'.

    Only lstat/stat: a FIFO or a link out of root dropped in here must not hang the
    daemon's watch nor make it look outside its folder.
    """
    out = [s for s in [stamp(root / SCHEDULE_FILE, root)] if s is not None]
    for d in WATCHED_DIRS:
        out += fingerprint(root, root / d)
    return tuple(out)
