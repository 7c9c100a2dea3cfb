"""schedule.yaml -> a typed Schedule, every error naming file:line and a fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.content.checker import Checker
from bot.content.cron import cron_problem, shortest_gap
from bot.content.model import (
    DEFAULT_VISIBILITY,
    ISO_3166,
    NETWORKS,
    VISIBILITIES,
    Limits,
    MentionSettings,
    Schedule,
    Slot,
)
from bot.content.posts import CATEGORIES, LANG_RE
from bot.content.problems import Problem, display_path
from bot.content.yamlsrc import Doc, load, type_name

SCHEDULE_FILE = "schedule.yaml"
DEFAULT_PRICES = {"post": 0.015, "post_with_url": 0.20, "reply": 0.01, "mention_read": 0.001}


def _slot(r: Checker, i: int, raw: Any) -> Slot | None:
    key: tuple[str | int, ...] = ("posts", i)
    item = r.mapping(
        key,
        raw,
        "a slot",
        {"name", "cron", "every", "jitter", "categories", "language", "platforms", "visibility"},
    )
    if not item:
        if raw is not None and not isinstance(raw, dict):
            return None
        r.add(key, "empty posting slot", "give it 'cron:' or 'every:'")
        return None
    cron, every = item.get("cron"), item.get("every")
    if (cron is None) == (every is None):
        r.add(
            key,
            "a slot needs exactly one of 'cron' and 'every'",
            'write e.g. cron: "0 9 * * *" or every: 6h',
        )
        return None
    if cron is not None:
        err = (
            cron_problem(cron)
            if isinstance(cron, str)
            else f"cron must be text, not {type_name(cron)}"
        )
        if err:
            r.add(
                (*key, "cron"),
                err,
                'write 5 fields: minute hour day month weekday, e.g. "0 9 * * 1-5"',
            )
            return None
    secs = r.duration((*key, "every"), every, None, minimum=1) if every is not None else None
    if every is not None and secs is None:
        return None
    jitter = r.duration((*key, "jitter"), item.get("jitter"), 0.0) or 0.0
    gap = secs if secs is not None else shortest_gap(str(cron))
    if jitter and jitter >= gap:
        # A run's random delay must end before the next run is due: each fire is then
        # one run (the DST-safe cron trigger relies on it), and the slot keeps its rhythm.
        r.add(
            (*key, "jitter"),
            f"jitter {item.get('jitter')} is not shorter than the {_span(gap)} between runs",
            f"write a jitter under {_span(gap)}, or space the runs further apart",
        )
        jitter = 0.0
    cats = item.get("categories")
    categories: frozenset[str] | None = None
    if cats is not None:
        if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
            r.add(
                (*key, "categories"),
                "categories must be a list of names",
                "write e.g. categories: [petition, embassy]",
            )
        else:
            for c in cats:
                if c not in CATEGORIES:
                    r.add(
                        (*key, "categories"),
                        f"unknown category '{c}'",
                        f"use: {', '.join(sorted(CATEGORIES))}",
                    )
            categories = frozenset(cats)
    lang = item.get("language")
    if lang is not None and (not isinstance(lang, str) or not LANG_RE.match(lang)):
        r.add((*key, "language"), f"'{lang}' is not a language tag", "write e.g. en or de")
        lang = None
    platforms = _platforms(r, (*key, "platforms"), item.get("platforms"))
    visibility = item.get("visibility", DEFAULT_VISIBILITY)
    if visibility not in VISIBILITIES:
        r.add(
            (*key, "visibility"),
            f"unknown visibility '{visibility}'",
            f"use one of Mastodon's: {', '.join(VISIBILITIES)}",
        )
        visibility = DEFAULT_VISIBILITY
    name = item.get("name")
    if name is not None and not isinstance(name, str):
        r.add((*key, "name"), "name must be text", "quote it")
        name = None
    default_name = f"cron {cron}" if cron else f"every {every}"
    if categories:
        default_name += " " + ",".join(sorted(categories))
    if lang:
        default_name += " " + lang
    return Slot(
        name or default_name,
        cron,
        secs,
        jitter,
        categories,
        lang,
        r.doc.line(*key),
        platforms,
        visibility,
    )


PLATFORMS = NETWORKS


def _platforms(r: Checker, key: tuple[str | int, ...], raw: Any) -> frozenset[str] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or not raw or not all(isinstance(p, str) for p in raw):
        r.add(key, "platforms must be a list of names", "write e.g. platforms: [x, mastodon]")
        return None
    unknown = [p for p in raw if p not in PLATFORMS]
    if unknown:
        r.add(key, f"unknown platform '{unknown[0]}'", f"use: {', '.join(PLATFORMS)}")
        return None
    return frozenset(raw)


def parse_schedule(doc: Doc) -> tuple[Schedule | None, list[Problem]]:
    r = Checker(doc)
    top = r.mapping(
        (),
        doc.data,
        "'schedule'",
        {"timezone", "posts", "mentions", "limits", "missed_grace", "rotation"},
    )
    if doc.data is None:
        r.add((), "schedule.yaml is empty", "add at least 'timezone:' and 'posts:'")
    tzname = top.get("timezone", "UTC")
    try:
        if not isinstance(tzname, str):
            raise ZoneInfoNotFoundError
        ZoneInfo(tzname)
    except (ZoneInfoNotFoundError, ValueError):
        r.add(
            ("timezone",),
            f"unknown time zone '{tzname}'",
            "use an IANA name such as Europe/London or America/New_York",
        )
        tzname = "UTC"
    raw_slots = top.get("posts", [])
    slots: list[Slot] = []
    if not isinstance(raw_slots, list):
        r.add(
            ("posts",),
            f"'posts' must be a list of slots, not {type_name(raw_slots)}",
            "write each slot as '- cron: ...' or '- every: ...'",
        )
    else:
        for i, raw in enumerate(raw_slots):
            slot = _slot(r, i, raw)
            if slot is None:
                continue
            if any(s.name == slot.name for s in slots):
                r.add(
                    ("posts", i),
                    f"two slots are named '{slot.name}'",
                    "give each slot its own 'name:'",
                )
            slots.append(slot)
    m = r.mapping(
        ("mentions",),
        top.get("mentions"),
        "'mentions'",
        {
            "every",
            "first_start_cutoff",
            "author_cooldown",
            "protect",
            "loop_limit",
            "protect_countries",
            "reply_within",
        },
    )
    protect = m.get("protect", "neutral")
    if protect not in ("neutral", "silent"):
        r.add(
            ("mentions", "protect"),
            f"protect must be 'neutral' or 'silent', not {protect!r}",
            "neutral sends one identical safe message; silent sends nothing",
        )
        protect = "neutral"
    mentions = MentionSettings(
        every=r.duration(("mentions", "every"), m.get("every"), 120.0, minimum=1) or 120.0,
        first_start_cutoff=r.duration(
            ("mentions", "first_start_cutoff"), m.get("first_start_cutoff"), 3600.0
        )
        or 0.0,
        author_cooldown=r.duration(
            ("mentions", "author_cooldown"), m.get("author_cooldown"), 86400.0
        )
        or 0.0,
        protect=protect,
        protect_countries=_protect_countries(r, m.get("protect_countries")),
        loop_limit=int(
            r.number(("mentions", "loop_limit"), m.get("loop_limit"), 5, integer=True) or 5
        ),
        reply_within=r.duration(
            ("mentions", "reply_within"), m.get("reply_within"), 86400.0, minimum=60
        )
        or 86400.0,
        every_line=r.doc.line("mentions", "every"),
    )
    lim = r.mapping(
        ("limits",),
        top.get("limits"),
        "'limits'",
        {"posts_per_day", "monthly_budget_usd", "prices"},
    )
    prices_raw = r.mapping(("limits", "prices"), lim.get("prices"), "'prices'", set(DEFAULT_PRICES))
    prices = {
        k: r.number(("limits", "prices", k), prices_raw.get(k), v) or 0.0
        for k, v in DEFAULT_PRICES.items()
    }
    limits = Limits(
        posts_per_day=int(
            r.number(("limits", "posts_per_day"), lim.get("posts_per_day"), 12, integer=True) or 0
        ),
        monthly_budget_usd=r.number(
            ("limits", "monthly_budget_usd"), lim.get("monthly_budget_usd"), None
        ),
        prices=prices,
    )
    grace = r.duration(("missed_grace",), top.get("missed_grace"), 1800.0) or 0.0
    rot = r.mapping(("rotation",), top.get("rotation"), "'rotation'", {"min_gap"})
    min_gap = r.duration(("rotation", "min_gap"), rot.get("min_gap"), 7 * 86400.0)
    if r.problems:
        return None, r.problems
    return Schedule(tzname, tuple(slots), mentions, limits, grace, min_gap or 0.0), []


def load_schedule(root: Path) -> tuple[Schedule | None, list[Problem]]:
    path = root / SCHEDULE_FILE
    shown = display_path(path, root)
    if not os.path.lexists(path):  # a dangling or looping link is read, and refused, too
        return None, [
            Problem(shown, 1, "schedule.yaml is missing", "copy the example from the README")
        ]
    doc, problems = load(path, shown, root)
    if doc is None:
        return None, problems
    schedule, more = parse_schedule(doc)
    problems += more
    return (schedule if not problems else None), problems


def _protect_countries(r: Checker, value: Any) -> frozenset[str] | None:
    """None: the at-risk list in messages/ applies; else exactly these (none: no country)."""
    key = ("mentions", "protect_countries")
    if value is None:
        return None
    if value == "none":
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) and v in ISO_3166 for v in value):
        r.add(
            key,
            "protect_countries must be a list of country codes, or none",
            "write e.g. [IR, SA, NG], or none to protect nobody for their country",
        )
        return None
    return frozenset(value)


# How often each platform lets a bot read its mentions, and why; checked once the
# enabled platforms are known (they come from .env, not from this file).
MENTIONS_FLOOR = {"x": (3.0, "X allows 300 mention reads per 15 minutes")}


def platform_problems(schedule: Schedule, platforms: frozenset[str]) -> list[Problem]:
    """What the schedule asks of the enabled platforms that they do not allow."""
    out = []
    for name in sorted(platforms & MENTIONS_FLOOR.keys()):
        floor, why = MENTIONS_FLOOR[name]
        if schedule.mentions.every < floor:
            out.append(
                Problem(
                    SCHEDULE_FILE,
                    schedule.mentions.every_line,
                    f"mentions.every is {schedule.mentions.every:g}s: more often than {why}",
                    f"write at least {floor:g}s",
                )
            )
    return out


def _span(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"
