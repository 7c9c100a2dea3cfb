"""`closethecamps sandbox`: the embedded platform a newcomer runs the bot against."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from bot.commands._common import lengths, lengths_line, read_settings
from bot.platforms.sandbox import BOT_USERNAME, SandboxPlatform, TimelineEntry
from bot.runtime.store import Store


def sandbox_mention(
    root: Path,
    text: str,
    user: str,
    location: str | None,
    lang: str | None,
    state: str | None = None,
) -> int:
    settings, _ = read_settings(root, state)
    sb = SandboxPlatform(settings.sandbox_db)
    mid = sb.inject_mention(text, user=user, location=location, lang=lang)
    sb.close()
    print(
        f"mention {mid} from @{user} added to the sandbox; the bot reads mentions every "
        "mentions.every (see schedule.yaml)"
    )
    return 0


HIDDEN = "(not shown: this person may be at risk)"


def sandbox_timeline(root: Path, as_json: bool, limit: int, state: str | None = None) -> int:
    """The sandbox's posts, replies and mentions; each mention beside what the bot
    decided (policy and reason; a country only for a reply, never for protect)."""
    settings, _ = read_settings(root, state)
    entries: list[TimelineEntry] = []
    if settings.sandbox_db.is_file():  # looking must not create the sandbox
        sb = SandboxPlatform(settings.sandbox_db)
        entries = sb.timeline(limit, everyone=True)
        sb.close()
    decided = _decisions(settings.state_db, [e.id for e in entries if e.author != BOT_USERNAME])
    # The sandbox stands in for every network: each of the bot's posts shows how long it
    # is on each, and whether it would fit there.
    # A protected person's own words may say where they are: the timeline never shows
    # them, as the log never does.
    entries = [
        dataclasses.replace(e, text=HIDDEN)
        if decided.get(e.id, {}).get("policy") == "protect"
        else e
        for e in entries
    ]
    rows = [{**e.__dict__, **({"decision": decided[e.id]} if e.id in decided else {}),
             **({"lengths": lengths(e.text)} if e.author == BOT_USERNAME else {})}
            for e in entries]  # fmt: skip
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("the bot has not posted on the sandbox yet")
    for e, row in zip(entries, rows, strict=True):
        when = dt.datetime.fromtimestamp(e.created_at).strftime("%Y-%m-%d %H:%M:%S")
        if e.author != BOT_USERNAME:
            d = decided.get(e.id)
            what = (
                "not read yet"
                if d is None
                else " ".join(
                    # "protect protect" says nothing twice: a reason equal to its policy
                    # is left out.
                    str(v)
                    for v in (
                        d["policy"],
                        d["reason"] if d["reason"] != d["policy"] else None,
                        d.get("country"),
                    )
                    if v
                )
            )
            print(f"{when}  #{e.id} mention from @{e.author} -> {what}\n    {e.text}")
            continue
        kind = f"reply to {e.in_reply_to}" if e.in_reply_to else "post"
        print(f"{when}  #{e.id} {kind}  [{lengths_line(row['lengths'])}]\n    {e.text}")
    return 0


def _decisions(state_db: Path, ids: list[str]) -> dict[str, dict[str, str]]:
    if not ids or not state_db.is_file():
        return {}
    store = Store(state_db, create=False)
    try:
        marks = ",".join("?" * len(ids))
        rows = store.query(
            f"SELECT id, policy, reason, country FROM mentions WHERE id IN ({marks})", tuple(ids)
        )
    finally:
        store.close()
    # A protected person's country is never stored; the policy alone is shown for them.
    return {
        r[0]: {"policy": r[1], "reason": r[2], **({"country": r[3]} if r[3] else {})} for r in rows
    }
