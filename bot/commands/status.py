"""`closethecamps status`: what the bot did lately and what it will do next."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
from pathlib import Path
from typing import Any

from bot.commands._common import err, read_settings
from bot.content import config as cfg
from bot.content.model import Limits, MentionSettings, Schedule, Slot
from bot.content.schedule import load_schedule
from bot.policy import timing
from bot.policy.budget import stopped_kinds
from bot.runtime.settings import Settings
from bot.runtime.spending import month_pacing
from bot.runtime.store import Store
from bot.runtime.wiring import ORDER


def status_info(
    sched: Schedule, settings: Settings, store: Store, now: dt.datetime
) -> dict[str, Any]:
    month = timing.month_start(now.timestamp(), sched.tz)
    spent = store.spent_since(month)
    budget = sched.limits.monthly_budget_usd
    p = month_pacing(store, sched, now.timestamp())
    return {
        "platform": ",".join(_names(settings)),
        "state_db": str(settings.state_db),
        "latest": [
            {
                "key": a.key,
                "kind": a.kind,
                "item": a.item_id,
                "status": a.status,
                "remote_id": a.remote_id,
                "detail": a.detail,
                "at": dt.datetime.fromtimestamp(a.created_at, sched.tz).isoformat(),
            }
            for a in store.recent_attempts(10)
        ],
        "next_runs": [
            {"slot": s.name, "at": t.isoformat()}
            for s in sched.slots
            for t in timing.next_times(s, sched, now, 1, phase=_phase(store, s, now))
        ],
        "budget": {
            "month": dt.datetime.fromtimestamp(month, sched.tz).strftime("%Y-%m"),
            "spent_usd": round(spent, 4),
            "limit_usd": budget,
            "stopped": stopped_kinds(spent, sched.limits.prices, budget),
            "projected_usd": round(p.projected, 4),
            "reserved_for_replies_usd": round(p.reserve, 4) if budget is not None else None,
            "pacing_holds_posts": p.posts_held,
            # To the minute: it moves with every reply spent, not by the second.
            "posts_resume": (
                dt.datetime.fromtimestamp(round(p.posts_resume_at / 60) * 60, sched.tz).isoformat()
                if p.posts_resume_at
                else None
            ),
        },
        "pauses": {
            k: {
                "until": dt.datetime.fromtimestamp(p.until, sched.tz).isoformat(),
                "reason": p.reason,
            }
            for k, p in store.pauses().items()
            if p.until > now.timestamp()
        },
        "rate_limits": json.loads(store.get_meta("rate_limits") or "{}"),
        "mentions": store.mention_counts(),
        "unresolved": len(store.unresolved()),
        "daemon_running": daemon_running(settings.state_db),
        "account": store.get_meta("account"),
        "oldest_queued_reply_s": _oldest_queued(store, now),
        # Each enabled network's own account, pauses, rate limits and unknown outcomes.
        "platforms": {
            name: _platform_info(store.for_platform(name), sched.tz, now)
            for name in _names(settings)
        },
    }


def _phase(store: Store, slot: Slot, now: dt.datetime) -> float | None:
    """Where the daemon counts an `every` slot from: its last run, unless the daemon sets
    it aside (timing.ran_far_ahead)."""
    last = store.last_fire(slot.name)
    if slot.every is None or last is None or timing.ran_far_ahead(slot, last, now.timestamp()):
        return None
    return last


def _names(settings: Settings) -> list[str]:
    """The enabled platforms in the order the daemon builds them."""
    return sorted(settings.platforms, key=(*ORDER, "sandbox").index)


def _platform_info(view: Store, tz: Any, now: dt.datetime) -> dict[str, Any]:
    return {
        "account": view.get_meta("account"),
        "pauses": {
            k: {"until": dt.datetime.fromtimestamp(p.until, tz).isoformat(), "reason": p.reason}
            for k, p in view.pauses().items()
            if p.until > now.timestamp()
        },
        "rate_limits": json.loads(view.get_meta("rate_limits") or "{}"),
        "unresolved": len(view.unresolved()),
        "queued_replies": len(view.pending_replies()),
    }


def _held(info: dict[str, Any]) -> str:
    """What keeps the next runs from posting, said beside them."""
    said = [f"posting paused until {p['until']}" for k, p in info["pauses"].items() if k == "post"]
    if info["budget"]["pacing_holds_posts"]:
        said.append(f"pacing holds posts until {info['budget']['posts_resume'] or 'next month'}")
    return f" (they post nothing: {'; '.join(said)})" if said else ""


def _ran_on(account: str | None) -> str | None:
    """The platform named in the stored account, "@name (x)" -> "x"."""
    if not account or not account.endswith(")") or " (" not in account:
        return None
    return account.rsplit(" (", 1)[1][:-1]


def daemon_running(state_db: Path) -> bool:
    """Whether a daemon holds the lock beside this state (run takes it for its lifetime)."""
    lock = Path(f"{state_db}.lock")
    if not lock.is_file():
        return False
    with open(lock) as f:  # never created here: looking changes nothing
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
    return False


def _oldest_queued(store: Store, now: dt.datetime) -> int | None:
    rows = store.query("SELECT MIN(seen_at) FROM mentions WHERE status = 'pending'")
    oldest = rows[0][0] if rows else None
    return None if oldest is None else max(0, round(now.timestamp() - float(oldest)))


# What status reads the state with when schedule.yaml itself cannot be read: times in UTC,
# no slots, no budget.
_BARE = Schedule(
    "UTC", (), MentionSettings(20.0, 3600.0, 0.0, "neutral", 0), Limits(0, None, {}), 0
)


def status(root: Path, state: str | None = None, as_json: bool = False) -> int:
    config, problems = cfg.check(root)
    sched = config.schedule if config is not None else None
    if config is None:
        # A bad edit is when the operator most needs to see the running bot: the daemon
        # keeps its last good version, so show the state after saying what is wrong.
        for p in problems:
            if not p.warning:
                err(p.render())
        sched, _ = load_schedule(root)
        err(
            "status: the files above have errors (a running daemon keeps its last good "
            "version); the state as it stands"
            + ("" if sched is not None else ", times in UTC")
            + ":"
        )
    sched = sched or _BARE
    settings, env_ok = read_settings(root, state)
    fresh = not settings.state_db.exists()
    # Looking must not create a state: before the first run (or after a typo in --state)
    # status shows the schedule against an empty state held in memory.
    store = Store(Path(":memory:")) if fresh else Store(settings.state_db, create=False)
    try:
        info = status_info(sched, settings, store, dt.datetime.now(sched.tz))
    finally:
        store.close()
    info["files_ok"] = config is not None
    code = 0 if config is not None and env_ok else 1
    if fresh:
        info["state_db"] += " (none yet: the daemon creates it on its first run)"
    if as_json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return code
    print(f"platform: {info['platform']}   state: {info['state_db']}")
    running = "running" if info["daemon_running"] else "not running"
    print(f"daemon: {running}   account: {info['account'] or 'not signed in yet'}")
    ran_on = _ran_on(info["account"])
    if ran_on and ran_on not in info["platform"].split(","):
        # The keys come from --root's .env and the environment: a shell without them sees
        # the sandbox, while the state was written by a daemon on a real network.
        print(
            f"note: this state was written by a daemon on {ran_on}, but no {ran_on} keys "
            f"are set here (.env in --root, or the environment)"
        )
    if info["oldest_queued_reply_s"] is not None:
        print(f"oldest queued reply: {info['oldest_queued_reply_s']} s old")
    b = info["budget"]
    limit = usd(b["limit_usd"]) if b["limit_usd"] is not None else "no limit"
    print(
        f"budget {b['month']}: {usd(b['spent_usd'])} spent of {limit}, "
        f"{usd(b['projected_usd'])} by month end at this month's rates"
    )
    if b["pacing_holds_posts"]:
        resume = b["posts_resume"] or "next month"
        print(f"pacing: posts wait until {resume} so the budget lasts (replies go on)")
    if b["stopped"]:
        print(f"budget reached: no more {', '.join(b['stopped'])} calls this month")
    for k, p in info["pauses"].items():
        print(f"paused: {k} until {p['until']} ({p['reason']})")
    for k, rl in info["rate_limits"].items():
        print(f"rate limit {k}: {rl.get('remaining')}/{rl.get('limit')} left")
    print(f"unresolved outcomes: {info['unresolved']}")
    if len(info["platforms"]) > 1:
        for name, p in info["platforms"].items():
            print(
                f"{name}: {p['account'] or 'not signed in yet'}, {p['queued_replies']} queued "
                f"replies, {p['unresolved']} unresolved"
            )
            for k, pause in p["pauses"].items():
                print(f"  paused: {k} until {pause['until']} ({pause['reason']})")
    print("next runs:" + _held(info))
    for r in sorted(info["next_runs"], key=lambda r: str(r["at"])):
        print(f"  {r['at']}  {r['slot']}")
    print("latest:")
    for a in info["latest"]:
        print(
            f"  {a['at']}  {a['kind']:<5} {a['status']:<10} {a['item'] or ''} "
            f"{a['remote_id'] or ''} {a['detail'] or ''}".rstrip()
        )
    counts = ", ".join(f"{k}={v}" for k, v in sorted(info["mentions"].items()))
    print(f"mentions: {counts or 'none yet'}")
    return code


def usd(amount: float) -> str:
    """Dollars to the cent, or to the tenth of a cent below a dollar when cents would
    hide it ($0.005 is not $0.01)."""
    text = f"${amount:.2f}"
    return f"${amount:.4f}".rstrip("0") if abs(amount - round(amount, 2)) > 1e-9 else text
