"""`closethecamps report`: a month (or the last N days) of the bot, from the state
database alone, as one self-contained HTML page and/or JSON.

`report_info` is the data (a `Report`, see bot/report/figures.py for its privacy rules);
`report` is the command: it refuses a file that is not a state database with one line,
and never creates one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from bot.commands._common import err, load_config, read_settings
from bot.content import config as cfg
from bot.report import figures as fg
from bot.report.page import render
from bot.runtime import stats
from bot.runtime.settings import Settings
from bot.runtime.store import Store

MONTH_RE = re.compile(r"^(2\d{3})-(0[1-9]|1[0-2])$")
MAX_DAYS = 3660  # ten years: more is a typo, and dates far back do not exist


def parse_month(value: str) -> tuple[int, int] | None:
    """(year, month) from YYYY-MM, or None."""
    m = MONTH_RE.match(value)
    return (int(m.group(1)), int(m.group(2))) if m else None


def period_for(
    config: cfg.Config, now: dt.datetime, month: tuple[int, int] | None, days: int | None
) -> fg.Period:
    """The month asked for, the last `days` days, or else this month."""
    tz = config.schedule.tz
    local = now.astimezone(tz)
    if days is not None:
        return fg.days_period(days, local.date(), tz)
    year, mon = month or (local.year, local.month)
    return fg.month_period(year, mon, tz)


def report_info(
    config: cfg.Config, settings: Settings, store: Store, period: fg.Period, now: dt.datetime
) -> fg.Report:
    posts = {p.id: (p.category, p.lang) for p in config.library.posts}
    return stats.collect(
        store,
        period,
        now.timestamp(),
        config.schedule.limits.monthly_budget_usd,
        posts,
        "x" if settings.has_x else "sandbox",
    )


def as_json(report: fg.Report) -> dict[str, Any]:
    return {**dataclasses.asdict(report), "empty": report.empty}


def _not_a_state(db: Path) -> str | None:
    """Why `db` is not a state database this bot can read, or None. Read-only: a file
    that is not ours is never touched (Store would add its tables to it)."""
    if not db.is_file():
        return "no state database here (pass --state DB, or run the bot first)"
    try:
        probe = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master")}
        finally:
            probe.close()
    except sqlite3.Error as e:
        return f"not a readable SQLite state database ({e})"
    # Every state the bot ever opened has user_version 1 or more.
    if version == 0 or not {"attempts", "mentions"} <= tables:
        return "empty, or an SQLite file of another program: not the bot's state database"
    return None


def report(
    root: Path,
    state: str | None = None,
    month: str | None = None,
    days: int | None = None,
    html: Path | None = None,
    json_out: bool = False,
    now: dt.datetime | None = None,
) -> int:
    ym = parse_month(month) if month is not None else None
    if month is not None and ym is None:
        err(f"closethecamps report: --month {month!r} is not YYYY-MM (e.g. 2027-03)")
        return 2
    if days is not None and not 1 <= days <= MAX_DAYS:
        err(f"closethecamps report: --days {days} is not between 1 and {MAX_DAYS}")
        return 2
    config = load_config(root)
    if config is None:
        return 1
    settings, _ = read_settings(root, state)
    db = settings.state_db
    why = _not_a_state(db)
    if why:
        err(f"{db}: {why}")
        return 1
    now = now or dt.datetime.now(config.schedule.tz)
    period = period_for(config, now, ym, days)
    try:
        store = Store(db)  # brings an older state forward (numbered migrations)
        try:
            info = report_info(config, settings, store, period, now)
        finally:
            store.close()
    except sqlite3.Error as e:
        err(f"{db}: cannot read the state database ({e})")
        return 1
    if html is not None:
        try:
            html.write_text(render(info), encoding="utf-8")
        except OSError as e:
            err(f"{html}: cannot write the report ({e.strerror or e})")
            return 1
    if json_out:
        print(json.dumps(as_json(info), ensure_ascii=False, indent=2))
    elif html is not None:
        print(f"report for {info.period} written to {html}")
    return 0
