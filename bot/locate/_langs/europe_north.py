"""Self-placement in the Nordic, Baltic, Central European and Balkan languages (Norwegian,
Danish, Swedish, Finnish, Icelandic, Estonian, Latvian, Lithuanian, Polish, Czech, Slovak,
Hungarian, Romanian, Bulgarian, Serbian, Croatian, Bosnian, Slovenian).

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
