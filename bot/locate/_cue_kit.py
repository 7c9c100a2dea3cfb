"""What a cue is, and the character classes cue tables are written with.

Shared by _cue_table (the first tables) and the language families in _langs, so that a
family module needs nothing else to write its cues.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


class Cue(NamedTuple):
    how: str  # "self-in" or "self-from"
    regex: re.Pattern[str]
    side: str  # "after", "before" or "exact"
    capital: bool = False  # Latin script: the place must be capitalised


def cue(how: str, side: str, pattern: str, *, capital: bool = False, flags: int = 0) -> Cue:
    """A cue whose group "p" holds the text the place starts ("after") or ends ("before")
    in, or is exactly ("exact")."""
    # The text is NFKC-normalised before it meets a cue (Thai "ทำ" becomes "ทํา"): the
    # cue's own letters must be too, or they never match.
    return Cue(how, re.compile(unicodedata.normalize("NFKC", pattern), flags), side, capital)


W = r"[^\W\d_]+"  # a word of letters (marks excluded: fine for Latin, Turkish, Hungarian)
S = r"[^\s,.!?;:،؟。，！？、()\"“”]+"  # a word in scripts with vowel signs
HAN = "[\u4e00-\u9fff]"
THAI = "[\u0e00-\u0e7f]"
P2 = rf"(?P<p>{S}(?:\s{S})?)"  # a place of one or two words
P3 = rf"(?P<p>{S}(?:[\s،,]\s*{S}){{0,2}})"  # up to three: "عمّان، الأردن"
