"""Each CLI command as a plain function returning its exit code (sqlite-utils style)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from bot.content import config as cfg
from bot.content.approval import ApproveError, approve
from bot.content.textrules import weighted_length
from bot.platforms.sandbox import SandboxPlatform
from bot.policy import rotation
from bot.runtime.settings import load_settings
from bot.runtime.store import Store


def _err(line: str) -> None:
    print(line, file=sys.stderr)


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
        print(f"ok: {live} posts ready to go out, {drafts} drafts, "
              f"{len(config.schedule.slots)} slots", file=out)
    else:
        print(f"{len(errors)} problem(s): not publishable", file=out)
    return 0 if config is not None else 1


def approve_cmd(root: Path, item_id: str, by: str) -> int:
    try:
        result = approve(root, item_id, by)
    except ApproveError as e:
        _err(e.problem.render())
        return 1
    verb = "approved" if result.changed else "already approved"
    print(f"{result.file}: {verb} '{item_id}' by {by} (sha256 {result.sha256[:12]}…)")
    return 0


def _load(root: Path) -> cfg.Config | None:
    config, problems = cfg.check(root)
    if config is None:
        for p in problems:
            if not p.warning:
                _err(p.render())
    return config


def preview(root: Path, count: int, as_json: bool, state: str | None = None,
            now: dt.datetime | None = None) -> int:
    from bot.runtime.daemon import next_times  # APScheduler only for the commands that need it

    config = _load(root)
    if config is None:
        return 1
    sched = config.schedule
    now = now or dt.datetime.now(sched.tz)
    settings, _ = load_settings(root, state)
    used: dict[str, dict[str, int]] = {}
    recent: list[tuple[float, str]] = []
    if settings.state_db.exists():
        store = Store(settings.state_db)
        used = {rotation.pool_key(s): store.rotation_used(rotation.pool_key(s))
                for s in sched.slots}
        recent = [(a.created_at, a.text) for a in store.recent_attempts(200, "post")
                  if a.status != "failed"]
        store.close()
    fires = sorted((t, i) for i, s in enumerate(sched.slots)
                   for t in next_times(s, sched, now, count))[:count]
    rows: list[dict[str, Any]] = []
    for t, i in fires:
        slot = sched.slots[i]
        pool = rotation.pool_key(slot)
        ts = t.timestamp()
        texts = {text for at, text in recent if ts - at < rotation.REPEAT_WINDOW}
        choice = rotation.choose(rotation.eligible(config.library.posts, slot, t.date()),
                                 used.get(pool, {}), texts, seed=f"{slot.name}:{int(ts)}")
        used[pool] = choice.used
        post = choice.post
        if post is not None:
            recent.append((ts, post.text))
        rows.append({"time": t.isoformat(), "slot": slot.name,
                     "post_id": post.id if post else None,
                     "category": post.category if post else None,
                     "language": post.lang if post else None,
                     "weighted_length": weighted_length(post.text) if post else None,
                     "text": post.text if post else None,
                     **({} if post else {"skipped": choice.reason})})
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            what = f"{r['post_id']} [{r['category']}, {r['language']}, " \
                   f"{r['weighted_length']}/280]\n    {r['text']}" if r["post_id"] \
                else f"(nothing: {r['skipped']})"
            print(f"{r['time']}  {r['slot']}: {what}")
    return 0


def status(root: Path, state: str | None = None, as_json: bool = False) -> int:
    from bot.runtime.daemon import next_times

    config = _load(root)
    if config is None:
        return 1
    settings, _ = load_settings(root, state)
    store = Store(settings.state_db)
    sched = config.schedule
    now = dt.datetime.now(sched.tz)
    month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    spent = store.spent_since(month.timestamp())
    info: dict[str, Any] = {
        "platform": "x" if settings.has_x else "sandbox",
        "state_db": str(settings.state_db),
        "latest": [{"key": a.key, "kind": a.kind, "item": a.item_id, "status": a.status,
                    "remote_id": a.remote_id, "detail": a.detail,
                    "at": dt.datetime.fromtimestamp(a.created_at, sched.tz).isoformat()}
                   for a in store.recent_attempts(10)],
        "next_runs": [{"slot": s.name, "at": t.isoformat()} for s in sched.slots
                      for t in next_times(s, sched, now, 1)],
        "budget": {"month": month.strftime("%Y-%m"), "spent_usd": round(spent, 4),
                   "limit_usd": sched.limits.monthly_budget_usd,
                   # Kinds of call the bot no longer makes this month: the next would
                   # take the spend over the budget.
                   "stopped": [k for k, price in sched.limits.prices.items()
                               if sched.limits.monthly_budget_usd is not None
                               and spent + price > sched.limits.monthly_budget_usd + 1e-9]},
        "pauses": {k: {"until": dt.datetime.fromtimestamp(p.until, sched.tz).isoformat(),
                       "reason": p.reason} for k, p in store.pauses().items()
                   if p.until > now.timestamp()},
        "rate_limits": json.loads(store.get_meta("rate_limits") or "{}"),
        "mentions": store.mention_counts(),
    }
    unresolved = store.unresolved()
    info["unresolved"] = len(unresolved)
    store.close()
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"platform: {info['platform']}   state: {info['state_db']}")
    b = info["budget"]
    limit = f"${b['limit_usd']:.2f}" if b["limit_usd"] is not None else "no limit"
    print(f"budget {b['month']}: ${b['spent_usd']:.3f} of {limit}")
    if b["stopped"]:
        print(f"budget reached: no more {', '.join(b['stopped'])} calls this month")
    for k, p in info["pauses"].items():
        print(f"paused: {k} until {p['until']} ({p['reason']})")
    for k, rl in info["rate_limits"].items():
        print(f"rate limit {k}: {rl.get('remaining')}/{rl.get('limit')} left")
    print(f"unresolved outcomes: {info['unresolved']}")
    print("next runs:")
    for r in sorted(info["next_runs"], key=lambda r: str(r["at"])):
        print(f"  {r['at']}  {r['slot']}")
    print("latest:")
    for a in info["latest"]:
        print(f"  {a['at']}  {a['kind']:<5} {a['status']:<10} {a['item'] or ''} "
              f"{a['remote_id'] or ''} {a['detail'] or ''}".rstrip())
    counts = ", ".join(f"{k}={v}" for k, v in sorted(info["mentions"].items()))
    print(f"mentions: {counts or 'none yet'}")
    return 0


def route(root: Path, text: str | None, lang: str | None, location: str | None,
          as_json: bool, jsonl: str | None, workers: int = 1) -> int:
    from bot.commands import route_batch  # the gazetteer and locate only for this command

    config = _load(root)
    if config is None:
        return 1
    if jsonl is not None:
        return route_batch.run(config, jsonl, workers)
    r = route_batch.route_one(config, "cli", text or "", lang, location)
    if as_json:
        print(json.dumps(r, ensure_ascii=False))
    else:
        print(f"country: {r['country'] or '-'} (confidence {r['confidence']})")
        print(f"policy:  {r['policy']}   language: {r['language']}")
        print(f"reply:   {r['reply'] or '(none)'}")
    return 0


def sandbox_mention(root: Path, text: str, user: str, location: str | None,
                    lang: str | None, state: str | None = None) -> int:
    settings, _ = load_settings(root, state)
    sb = SandboxPlatform(settings.sandbox_db)
    mid = sb.inject_mention(text, user=user, location=location, lang=lang)
    sb.close()
    print(f"mention {mid} from @{user} added to the sandbox; the bot reads mentions every "
          "mentions.every (see schedule.yaml)")
    return 0


def sandbox_timeline(root: Path, as_json: bool, limit: int, state: str | None = None) -> int:
    settings, _ = load_settings(root, state)
    sb = SandboxPlatform(settings.sandbox_db)
    entries = sb.timeline(limit)
    sb.close()
    if as_json:
        print(json.dumps([e.__dict__ for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("the bot has not posted on the sandbox yet")
    for e in entries:
        when = dt.datetime.fromtimestamp(e.created_at).strftime("%Y-%m-%d %H:%M:%S")
        kind = f"reply to {e.in_reply_to}" if e.in_reply_to else "post"
        print(f"{when}  #{e.id} {kind}\n    {e.text}")
    return 0
