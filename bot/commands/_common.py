"""What every command shares: loading the checked configuration, printing a problem."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from bot.content import config as cfg
from bot.content.lengths import NAMES, measure_all
from bot.content.model import Slot
from bot.runtime.settings import Settings, load_settings


def err(line: str) -> None:
    print(line, file=sys.stderr)


def read_settings(root: Path, state: str | None) -> tuple[Settings, bool]:
    """(the settings, whether .env and the environment are fine), each problem said on
    stderr: a command that only looks goes on (and exits non-zero at the end), but never
    as if a .env it could not read were empty."""
    found, problems = load_settings(root, state)
    for p in problems:
        err(p.render())
    return found, not problems


def load_config(root: Path, *, routing: bool = False) -> cfg.Config | None:
    """The checked configuration, or None after printing each error to stderr.
    `routing`: only what route reads (cfg.check)."""
    config, problems = cfg.check(root, routing=routing)
    if config is None:
        for p in problems:
            if not p.warning:
                err(p.render())
    return config


def destinations(slot: Slot, enabled: frozenset[str]) -> list[str]:
    """Where a run of `slot` posts: the enabled networks it names (all when it names
    none, the sandbox when none is enabled), Mastodon with the slot's visibility."""
    if not enabled & NAMES.keys():
        return ["sandbox"]
    names = [n for n in NAMES if n in enabled and slot.posts_to(n)]
    return [f"mastodon ({slot.visibility})" if n == "mastodon" else n for n in names]


def lengths(text: str) -> dict[str, dict[str, object]]:
    """The text's length on each network, as `measure --json` gives it."""
    return {name: m.as_dict() for name, m in measure_all(text).items()}


def lengths_line(measured: dict[str, dict[str, object]]) -> str:
    """`lengths()` for people, e.g. "X 212/280 · Mastodon 198/500 · Bluesky 301/300 (too
    long)"."""
    return " · ".join(
        f"{NAMES[name]} {m['length']}/{m['limit']}" + ("" if m["ok"] else " (too long)")
        for name, m in measured.items()
    )


# Stands in for a line that is not UTF-8, so a command reports it at its own number.
NOT_UTF8 = "\x00not-utf-8"


def numbered_lines(source: str) -> Iterator[tuple[int, str]]:
    """Every line of a file or stdin ("-") with its number; bytes that are not UTF-8 spoil
    only their own line (it comes as NOT_UTF8)."""
    stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    try:
        for n, raw in enumerate(stream, 1):
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError:
                yield n, NOT_UTF8
    finally:
        if source != "-":
            stream.close()
