"""What every command shares: loading the checked configuration, printing a problem."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from bot.content import config as cfg


def err(line: str) -> None:
    print(line, file=sys.stderr)


def load_config(root: Path) -> cfg.Config | None:
    """The checked configuration, or None after printing each error to stderr."""
    config, problems = cfg.check(root)
    if config is None:
        for p in problems:
            if not p.warning:
                err(p.render())
    return config


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
