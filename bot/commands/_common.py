"""What every command shares: loading the checked configuration, printing a problem."""

from __future__ import annotations

import sys
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
