"""Commands on the files maintainers edit: validate, approve, preview."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.commands._common import err, load_config
from bot.content import config as cfg
from bot.content.approval import ApproveError, approve
from bot.content.textrules import weighted_length
from bot.policy import rotation, timing
from bot.runtime.settings import load_settings
from bot.runtime.store import Store


def validate(root: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up per call, so redirection and capture work
    config, problems = cfg.check(root)
    errors = [p for p in problems if not p.warning]
    for p in problems:
        print(p.render(), file=out)
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


def approve_cmd(root: Path, item_id: str, by: str) -> int:
    try:
        result = approve(root, item_id, by)
    except ApproveError as e:
        err(e.problem.render())
        return 1
    verb = "approved" if result.changed else "already approved"
    print(f"{result.file}: {verb} '{item_id}' by {by} (sha256 {result.sha256[:12]}…)")
    return 0


def preview_rows(
    config: cfg.Config, count: int, now: dt.datetime, store: Store | None = None
) -> list[dict[str, Any]]:
    """The next `count` slot runs after `now` and the post each sends, as the daemon
    would pick it (rotation.pick), starting from the state in `store` if given."""
    sched = config.schedule
    used: dict[str, dict[str, int]] = {}
    history: list[rotation.Sent] = []
    if store is not None:
        used = {
            rotation.pool_key(s): store.rotation_used(rotation.pool_key(s)) for s in sched.slots
        }
        history = store.post_history(now.timestamp() - rotation.REPEAT_WINDOW)
    fires = sorted(
        (t, i) for i, s in enumerate(sched.slots) for t in timing.next_times(s, sched, now, count)
    )[:count]
    rows: list[dict[str, Any]] = []
    for t, i in fires:
        slot = sched.slots[i]
        pool = rotation.pool_key(slot)
        choice = rotation.pick(
            config.library.posts, slot, t.timestamp(), t.date(), used.get(pool, {}), history
        )
        used[pool] = choice.used
        post = choice.post
        if post is not None:
            history.append(rotation.Sent(t.timestamp(), post.id, post.text))
        rows.append(
            {
                "time": t.isoformat(),
                "slot": slot.name,
                "post_id": post.id if post else None,
                "category": post.category if post else None,
                "language": post.lang if post else None,
                "weighted_length": weighted_length(post.text) if post else None,
                "text": post.text if post else None,
                **({} if post else {"skipped": choice.reason}),
            }
        )
    return rows


def preview(
    root: Path, count: int, as_json: bool, state: str | None = None, now: dt.datetime | None = None
) -> int:
    config = load_config(root)
    if config is None:
        return 1
    settings, _ = load_settings(root, state)
    store = Store(settings.state_db) if settings.state_db.exists() else None
    try:
        rows = preview_rows(config, count, now or dt.datetime.now(config.schedule.tz), store)
    finally:
        if store is not None:
            store.close()
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        what = (
            f"{r['post_id']} [{r['category']}, {r['language']}, "
            f"{r['weighted_length']}/280]\n    {r['text']}"
            if r["post_id"]
            else f"(nothing: {r['skipped']})"
        )
        print(f"{r['time']}  {r['slot']}: {what}")
    return 0
