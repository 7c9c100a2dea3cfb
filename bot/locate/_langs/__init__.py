"""Self-placement tables by language family, one module each, merged here.

Each family module holds, for its languages:
    RESIDENCE, ORIGIN, TIES   word patterns in _patterns' grammar (where the writer is,
                              where they come from, a personal tie only)
    SETS                      named word sets its patterns use ("@NAME"), names prefixed
                              with the family
    CUES                      regular-expression cues by script group, for glued words
    SCRIPTS                   new script groups' detectors (a cue group runs only on text
                              in its script)
    LATIN_WORDS               the words its Latin-script cues need (their cheap gate)
Families never decide a country: they only say which words put the writer somewhere.
"""

from __future__ import annotations

import re
from types import ModuleType

from bot.locate._cue_kit import Cue
from bot.locate._langs import east_asia_africa, europe_north, europe_south, west_asia

_FAMILIES: tuple[ModuleType, ...] = (europe_north, europe_south, west_asia, east_asia_africa)

RESIDENCE: list[str] = [p for m in _FAMILIES for p in m.RESIDENCE]
ORIGIN: list[str] = [p for m in _FAMILIES for p in m.ORIGIN]
TIES: list[str] = [p for m in _FAMILIES for p in m.TIES]
SETS: dict[str, str] = {k: v for m in _FAMILIES for k, v in m.SETS.items()}
SCRIPTS: dict[str, re.Pattern[str]] = {k: v for m in _FAMILIES for k, v in m.SCRIPTS.items()}
LATIN_WORDS: str = " ".join(m.LATIN_WORDS for m in _FAMILIES)


def _cues() -> dict[str, tuple[Cue, ...]]:
    out: dict[str, tuple[Cue, ...]] = {}
    for m in _FAMILIES:
        for group, cues in m.CUES.items():
            out[group] = out.get(group, ()) + cues
    return out


CUES = _cues()
