"""Accent folding for Latin and Greek letters, so "tesekkurler", "prestan" and "σταματα"
match the "teşekkürler", "přestaň" and "σταμάτα" people write when their keyboard allows.

Only letters of the Latin and Greek blocks lose their marks: the vowel signs of Devanagari,
Bengali or Thai and the breve of Cyrillic "й" are letters, not decoration.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.content.textrules import nfc

# Letters with no decomposition that people still type without their mark.
_EXTRA = {"ı": "i", "đ": "d", "ł": "l", "ς": "σ"}
# Romanian is written with the comma below (ș ț) and, on older keyboards, the cedilla.
_TWIN = {"ș": "ş", "ş": "ș", "ț": "ţ", "ţ": "ț"}


@lru_cache(maxsize=4096)
def base(c: str) -> str:
    """The letter under c's marks, for Latin and Greek letters; else c itself."""
    if c in _EXTRA:
        return _EXTRA[c]
    d = unicodedata.normalize("NFD", c)[0]
    return d if d != c and d.isalpha() and ord(d) < 0x400 else c


def bare(s: str) -> str:
    if s.isascii():
        return s
    return "".join(base(c) for c in s)


def loose(pattern: str) -> str:
    """The regex `pattern` with every marked Latin or Greek letter also matching its bare
    letter: "přestaň" becomes "p[řr]esta[ňn]". Character classes get the bare letter added."""
    out: list[str] = []
    in_class = escaped = False
    for c in pattern:
        b = base(c)
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif in_class:
            out.append(c if b == c else c + _TWIN.get(c, "") + b)
            in_class = c != "]"
        elif c == "[":
            out.append(c)
            in_class = True
        else:
            out.append(c if b == c else f"[{c}{_TWIN.get(c, '')}{b}]")
    return "".join(out)


# (the letters of its script that the patterns use, or None for Latin; the patterns)
Gated = tuple[frozenset[str] | None, re.Pattern[str]]


def by_script(patterns: list[str]) -> list[Gated]:
    """The patterns compiled (loosened) as one regex per script, each but the Latin one
    behind the set of letters it spells: a mention without any of them skips it,
    which keeps most mentions from paying for thirty languages' refusals."""
    groups: dict[str, list[str]] = {}
    for p in patterns:
        letters = [c for c in p if c.isalpha() and not c.isascii()]
        scripts = {unicodedata.name(c, "?").split()[0] for c in letters} - {"LATIN"}
        groups.setdefault(min(scripts) if scripts else "LATIN", []).append(loose(nfc(p)))
    out: list[Gated] = []
    for script, group in groups.items():
        letters = sorted({c for p in group for c in p if c.isalpha() and not c.isascii()})
        gate = None if script == "LATIN" else frozenset(letters)
        out.append((gate, re.compile("|".join(group))))
    return out
