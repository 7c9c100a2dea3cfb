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
    LATIN_ENDING              optional: a word ending that lets them run too ("-dayım")
Families never decide a country: they only say which words put the writer somewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from bot.locate._cue_kit import Cue
from bot.locate._langs import east_asia_africa, europe_north, europe_south, west_asia
from bot.locate._normalise import fold

_FAMILIES: tuple[ModuleType, ...] = (europe_north, europe_south, west_asia, east_asia_africa)

RESIDENCE: list[str] = [p for m in _FAMILIES for p in m.RESIDENCE]
ORIGIN: list[str] = [p for m in _FAMILIES for p in m.ORIGIN]
TIES: list[str] = [p for m in _FAMILIES for p in m.TIES]
SETS: dict[str, str] = {k: v for m in _FAMILIES for k, v in m.SETS.items()}
SCRIPTS: dict[str, re.Pattern[str]] = {k: v for m in _FAMILIES for k, v in m.SCRIPTS.items()}


@dataclass(frozen=True)
class LatinCues:
    """One family's Latin-script cues and their gate: most mentions are in Latin script,
    so each family's cues run only on a text holding one of its words (or ending)."""

    words: frozenset[str]  # folded
    ending: re.Pattern[str] | None
    cues: tuple[Cue, ...]

    def may_match(self, body: str, keys: list[str]) -> bool:
        return not self.words.isdisjoint(keys) or bool(self.ending and self.ending.search(body))


def _cues() -> dict[str, tuple[Cue, ...]]:
    out: dict[str, tuple[Cue, ...]] = {}
    for m in _FAMILIES:
        for group, cues in m.CUES.items():
            if group != "latin":
                out[group] = out.get(group, ()) + cues
    return out


CUES = _cues()
LATIN: tuple[LatinCues, ...] = tuple(
    LatinCues(
        frozenset(fold(w) for w in m.LATIN_WORDS.split()),
        getattr(m, "LATIN_ENDING", None),
        m.CUES["latin"],
    )
    for m in _FAMILIES
    if m.CUES.get("latin")
)
