"""Hostile files (issue 11): what a bad edit or a stray `mkfifo`/`ln -s` can put under --root.

Each maker writes one hazard at `dest` and returns the words the refusal must contain.
"""

from __future__ import annotations

import os
from pathlib import Path

DEEP_LEVELS = 30_000


def deep(dest: Path, levels: int = DEEP_LEVELS) -> str:
    """`posts: [[[[...]]]]`: 60 KB at 30,000 levels, which crashes a limitless libyaml."""
    dest.write_text("posts: " + "[" * levels + "]" * levels + "\n", encoding="utf-8")
    return "nested deeper than"


# "Billion laughs": 9 levels of 9 aliases each, 9**9 paths to walk from a few hundred bytes.
BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "posts: *i",
        "",
    ]
)


def bomb(dest: Path) -> str:
    dest.write_text(BOMB, encoding="utf-8")
    return "anchor '&a'"


def fifo(dest: Path) -> str:
    os.mkfifo(dest)
    return "named pipe"


def zero(dest: Path) -> str:
    """A link to /dev/zero, which never ends: read to the end, it eats all memory."""
    dest.symlink_to("/dev/zero")
    return "outside the bot's folder"


HAZARDS = {"deep": deep, "bomb": bomb, "fifo": fifo, "zero": zero}
