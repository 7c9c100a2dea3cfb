"""Commands on the files maintainers edit: validate, approve, preview."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any, TextIO

from bot.commands._common import (
    destinations,
    err,
    lengths,
    lengths_line,
    load_config,
    read_settings,
)
from bot.commands.links import link_warnings
from bot.content import config as cfg
from bot.content.approval import ApproveError, approve, list_ids
from bot.content.model import NETWORKS, Schedule
from bot.content.problems import Problem
from bot.content.schedule import SCHEDULE_FILE, platform_problems
from bot.policy import rotation, timing
from bot.runtime.spending import month_pacing
from bot.runtime.store import Store


def validate(root: Path, out: TextIO | None = None, verbose: bool = False) -> int:
    out = out or sys.stdout  # looked up per call, so redirection and capture work
    settings, _ = read_settings(root, None)  # the enabled platforms' rules apply too
    config, problems = cfg.check(root, platforms=settings.platforms)
    errors = [p for p in problems if not p.warning]
    if config is not None:
        problems += gap_problems(config, dt.datetime.now(config.schedule.tz))
        # The networks not enabled here (CI has no keys): what their daemon would refuse,
        # said now as a warning rather than at the first start with keys.
        later = frozenset(NETWORKS) - settings.platforms
        problems += [
            replace(p, what=f"{p.what} (refused once its keys are set)", warning=True)
            for p in platform_problems(config.schedule, later)
        ]
    # A clock behind the dates in the files makes every 'checked' date look future: one
    # line for them all, as for unverified links; each with --verbose.
    future = [p for p in problems if p.warning and p.what.endswith("is in the future")]
    for p in problems:
        if verbose or len(future) < 3 or p not in future:
            print(p.render(), file=out)
    if future and not verbose and len(future) >= 3:
        print(
            f"validate: {len(future)} 'checked' dates are after today: is this machine's "
            "clock behind? (--verbose for each)",
            file=out,
        )
    # Links a maintainer should open: one summary line, each with --verbose. Warnings
    # only: an unopened link is a task, not a reason to stop the bot.
    posts = config.library.posts if config is not None else None
    summary, detail = link_warnings(root, dt.date.today(), posts)
    for p in detail if verbose else []:
        print(p.render(), file=out)
    if summary:
        print(summary, file=out)
    if config is not None:
        today = dt.date.today()
        live = len(config.library.live(today))
        drafts = sum(1 for p in config.library.posts if p.approval is None)
        print(
            f"ok: {live} posts ready to go out, {drafts} drafts, "
            f"{len(config.schedule.slots)} slots",
            file=out,
        )
    else:
        print(f"{len(errors)} problem(s): not publishable", file=out)
    return 0 if config is not None else 1


def gap_problems(config: cfg.Config, now: dt.datetime) -> list[Problem]:
    """A warning for each slot that fires more often within rotation.min_gap than it has
    eligible posts: for it the gap cannot hold, and the oldest post will repeat."""
    sched = config.schedule
    gap = sched.min_gap
    posts = config.library.posts
    runs: dict[str, int] = {}
    for slot in sched.slots:
        most = len(rotation.eligible(posts, slot, now.date())) + 1  # enough to tell
        if slot.every:
            runs[slot.name] = min(most, int(gap // slot.every))
        else:
            end = now + dt.timedelta(seconds=gap)
            runs[slot.name] = sum(1 for t in timing.next_times(slot, sched, now, most) if t < end)
    return [
        Problem(
            SCHEDULE_FILE,
            s.slot.line,
            f"slot '{s.slot.name}' fires {s.runs} times within rotation.min_gap but has "
            f"{s.posts} eligible posts: some will repeat sooner",
            f"approve at least {s.runs - s.posts} more posts for it, or lower min_gap",
            warning=True,
        )
        for s in rotation.shortfalls(runs, posts, sched.slots, now.date())
    ]


def approve_cmd(root: Path, item_id: str, by: str) -> int:
    try:
        result = approve(root, item_id, by)
    except ApproveError as e:
        err(e.problem.render())
        return 1
    verb = "approved" if result.changed else "already approved"
    print(f"{result.file}: {verb} '{item_id}' by {by} (sha256 {result.sha256[:12]}…)")
    return 0


def list_cmd(root: Path) -> int:
    """`approve --list`: every post and template id, where it is, approved or not."""
    for item in list_ids(root):
        print(f"{item.file}:{item.line}: {item.id} ({item.state})")
    return 0


def preview_rows(
    config: cfg.Config,
    count: int,
    now: dt.datetime,
    store: Store | None = None,
    enabled: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """The next `count` slot runs after `now` and the post each sends, as the daemon
    would pick it (rotation.pick), starting from the state in `store` if given; each
    with where it goes (the `enabled` networks the slot names) and its length on each."""
    sched = config.schedule
    used: dict[str, dict[str, int]] = {}
    history: list[rotation.Sent] = []
    if store is not None:
        used = {
            rotation.pool_key(s): store.rotation_used(rotation.pool_key(s)) for s in sched.slots
        }
        history = store.post_history(rotation.history_since(now.timestamp(), sched.min_gap))
    fires = sorted(
        (t, i) for i, s in enumerate(sched.slots) for t in timing.next_times(s, sched, now, count)
    )[:count]
    rows: list[dict[str, Any]] = []
    # The daemon's daily cap, counted per local day as it counts it (timing.day_start).
    limit = sched.limits.posts_per_day
    per_day: dict[float, int] = {}
    if store is not None and limit:
        today = timing.day_start(now.timestamp(), sched.tz)
        per_day[today] = store.count_not_failed("post", today, now.timestamp())
    # The daemon's pacing, from the month's spend so far: posts wait until it allows one.
    held_until = _paced_until(sched, store, now.timestamp())
    for t, i in fires:
        slot = sched.slots[i]
        when = _when(t, slot.jitter)
        day = timing.day_start(t.timestamp(), sched.tz)
        skipped = None
        if held_until is not None and t.timestamp() < held_until:
            resume = dt.datetime.fromtimestamp(held_until, sched.tz).isoformat(timespec="minutes")
            skipped = f"pacing: posts wait until {resume} so the budget lasts"
        elif limit and per_day.get(day, 0) >= limit:
            skipped = f"daily post limit reached ({limit})"
        if skipped:
            rows.append(
                {
                    **when,
                    "slot": slot.name,
                    "platforms": destinations(slot, enabled),
                    "post_id": None,
                    "category": None,
                    "language": None,
                    "weighted_length": None,
                    "text": None,
                    "skipped": skipped,
                }
            )
            continue
        pool = rotation.pool_key(slot)
        choice = rotation.pick(
            config.library.posts,
            slot,
            t.timestamp(),
            t.date(),
            used.get(pool, {}),
            history,
            sched.min_gap,
        )
        used[pool] = choice.used
        post = choice.post
        measured = lengths(post.text) if post else None
        if post is not None:
            history.append(rotation.Sent(t.timestamp(), post.id, post.text))
            per_day[day] = per_day.get(day, 0) + 1
        rows.append(
            {
                **when,
                "slot": slot.name,
                "platforms": destinations(slot, enabled),
                "post_id": post.id if post else None,
                "category": post.category if post else None,
                "language": post.lang if post else None,
                "weighted_length": measured["x"]["length"] if measured else None,
                "lengths": measured,
                "text": post.text if post else None,
                **({} if post else {"skipped": choice.reason}),
            }
        )
    return rows


def _paced_until(sched: Schedule, store: Store | None, now: float) -> float | None:
    """When pacing lets the next post out (the month's end: not this month), or None if
    it holds nothing; as the daemon's Spending.pacing reads the same state."""
    if store is None or sched.limits.monthly_budget_usd is None:
        return None
    p = month_pacing(store, sched, now)
    if not p.posts_held:
        return None
    return p.posts_resume_at if p.posts_resume_at is not None else timing.month_end(now, sched.tz)


def _when(t: dt.datetime, jitter: float) -> dict[str, Any]:
    """The nominal time, and with jitter the latest the daemon may post (it adds 0 to
    `jitter` seconds at random)."""
    out: dict[str, Any] = {"time": t.isoformat()}
    if jitter:
        # Counted in real time, not on the wall clock: across a DST change the window is
        # still `jitter` long (02:30+01:00 plus 45 min is 04:15+02:00 in spring).
        out["latest"] = dt.datetime.fromtimestamp(t.timestamp() + jitter, t.tzinfo).isoformat()
    return out


def preview_stats(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per post in the previewed window: how often it goes out and the shortest gap
    between two of its postings, in days (None when it goes out once)."""
    times: dict[str, list[dt.datetime]] = {}
    for r in rows:
        if r["post_id"]:
            times.setdefault(r["post_id"], []).append(dt.datetime.fromisoformat(r["time"]))
    out = []
    for post_id, ts in times.items():
        gaps = [(b - a).total_seconds() / 86400 for a, b in pairwise(ts)]
        out.append(
            {
                "post_id": post_id,
                "times": len(ts),
                "shortest_gap_days": round(min(gaps), 2) if gaps else None,
            }
        )
    return sorted(out, key=lambda r: (-r["times"], r["post_id"]))


def preview(
    root: Path,
    count: int,
    as_json: bool,
    state: str | None = None,
    now: dt.datetime | None = None,
    stats: bool = False,
) -> int:
    config = load_config(root)
    if config is None:
        return 1
    settings, env_ok = read_settings(root, state)
    store = Store(settings.state_db, create=False) if settings.state_db.exists() else None
    try:
        start = now or dt.datetime.now(config.schedule.tz)
        rows = preview_rows(config, count, start, store, settings.platforms)
    finally:
        if store is not None:
            store.close()
    data: list[dict[str, Any]] = preview_stats(rows) if stats else rows
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0 if env_ok else 1
    if stats:
        print(f"{'post':<40} {'times':>5}  shortest gap (days)")
        for r in data:
            gap = "-" if r["shortest_gap_days"] is None else f"{r['shortest_gap_days']:.2f}"
            print(f"{r['post_id']:<40} {r['times']:>5}  {gap}")
        return 0 if env_ok else 1
    for r in rows:
        what = (
            f"{r['post_id']} [{r['category']}, {r['language']}]\n"
            f"    {lengths_line(r['lengths'])}\n    {r['text']}"
            if r["post_id"]
            else f"(nothing: {r['skipped']})"
        )
        when = f"{r['time']} to {r['latest']}" if "latest" in r else r["time"]
        print(f"{when}  {r['slot']} -> {', '.join(r['platforms'])}: {what}")
    return 0 if env_ok else 1
