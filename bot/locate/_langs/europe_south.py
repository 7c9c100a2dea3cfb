"""Self-placement in the Southern and Western European languages, Ukrainian, Belarusian,
Georgian and Armenian (Macedonian, Albanian, Greek, Maltese, Catalan, Basque, Galician,
Italian, Portuguese, Spanish, French, Dutch, German, English).

See bot/locate/_langs/__init__.py for what each table holds.
"""

from __future__ import annotations

import re

from bot.locate._cue_kit import Cue

RESIDENCE: list[str] = []
ORIGIN: list[str] = []
TIES: list[str] = []
SETS: dict[str, str] = {}
CUES: dict[str, tuple[Cue, ...]] = {}
SCRIPTS: dict[str, re.Pattern[str]] = {}
LATIN_WORDS = ""
