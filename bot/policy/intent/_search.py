"""How a list of phrase patterns is searched: for whether any is there, never which.

    any_of(patterns, flags=0) -> re.Pattern    .search() is not None iff one matches

A mention is searched for some hundred refusal and no-contact phrases. Most start at a
word boundary (r"\\b..."); grouped under one leading \\b, the search tries them only
where a word starts and skips every other position at once: half the time of trying
each phrase at each character. Patterns that do not start so (Arabic particles, Russian
"не" written onto the verb) are tried everywhere, as before. Which phrase matched, and
where, may differ from the plain alternation; whether one matched does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def any_of(patterns: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    bounded: list[str] = []
    free: list[str] = []
    for p in patterns:
        (bounded if p.startswith(r"\b") and not _has_top_level_bar(p) else free).append(p)
    parts = [r"\b(?:" + "|".join(bounded) + ")"] if bounded else []
    return re.compile("|".join(parts + free), flags)


def _has_top_level_bar(pattern: str) -> bool:
    """Whether `pattern` is itself an alternation ("\\bfoo|bar"): grouped whole under a
    \\b it would make "bar" need one too."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": the first ] is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False
