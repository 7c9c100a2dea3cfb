"""`closethecamps sandbox`: the embedded platform a newcomer runs the bot against."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bot.platforms.sandbox import SandboxPlatform
from bot.runtime.settings import load_settings


def sandbox_mention(
    root: Path,
    text: str,
    user: str,
    location: str | None,
    lang: str | None,
    state: str | None = None,
) -> int:
    settings, _ = load_settings(root, state)
    sb = SandboxPlatform(settings.sandbox_db)
    mid = sb.inject_mention(text, user=user, location=location, lang=lang)
    sb.close()
    print(
        f"mention {mid} from @{user} added to the sandbox; the bot reads mentions every "
        "mentions.every (see schedule.yaml)"
    )
    return 0


def sandbox_timeline(root: Path, as_json: bool, limit: int, state: str | None = None) -> int:
    settings, _ = load_settings(root, state)
    if not settings.sandbox_db.is_file():
        entries = []  # looking must not create the sandbox
    else:
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
