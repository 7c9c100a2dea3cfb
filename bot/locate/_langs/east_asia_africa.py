"""Self-placement in the South, East and South-East Asian and African languages (Tamil,
Sinhala, Chinese, Cantonese, Japanese, Korean, Vietnamese, Thai, Khmer, Burmese, Indonesian,
Malay, Tagalog, Swahili, Amharic, Yoruba, Hausa, Afrikaans, Zulu).

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
