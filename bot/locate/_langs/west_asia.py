"""Self-placement in the Turkic, Mongolian, Arabic, Hebrew, Iranian and North Indian languages
(Turkish, Azerbaijani, Kazakh, Uzbek, Kyrgyz, Mongolian, Arabic and its dialects, Hebrew,
Persian, Dari, Urdu, Hindi, Hinglish, Bengali, Nepali).

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
