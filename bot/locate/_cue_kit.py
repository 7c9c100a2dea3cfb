"""What a cue is, and the character classes cue tables are written with.

Shared by _cue_table (the first tables) and the language families in _langs, so that a
family module needs nothing else to write its cues.
"""

from __future__ import annotations

import re
import unicodedata


class Cue:
    """A first-person phrase as a regular expression, compiled on first use: most runs
    meet a few scripts, and compiling every family's cues at start-up cost 0.2 s."""

    __slots__ = ("_flags", "_regex", "_source", "capital", "how", "side")

    def __init__(self, how: str, source: str, side: str, capital: bool, flags: int) -> None:
        self.how = how  # "self-in" or "self-from"
        self.side = side  # "after", "before" or "exact"
        self.capital = capital  # Latin script: the place must be capitalised
        self._source, self._flags = source, flags
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:  # two threads compiling at once get equal patterns
            self._regex = re.compile(self._source, self._flags)
        return self._regex


def cue(how: str, side: str, pattern: str, *, capital: bool = False, flags: int = 0) -> Cue:
    """A cue whose group "p" holds the text the place starts ("after") or ends ("before")
    in, or is exactly ("exact")."""
    # The text is NFKC-normalised before it meets a cue (Thai "ทำ" becomes "ทํา"): the
    # cue's own letters must be too, or they never match.
    return Cue(how, unicodedata.normalize("NFKC", pattern), side, capital, flags)


W = r"[^\W\d_]+"  # a word of letters (marks excluded: fine for Latin, Turkish, Hungarian)
S = r"[^\s,.!?;:،؟。，！？、()\"“”]+"  # a word in scripts with vowel signs
HAN = "[\u4e00-\u9fff]"
THAI = "[\u0e00-\u0e7f]"
P2 = rf"(?P<p>{S}(?:\s{S})?)"  # a place of one or two words
P3 = rf"(?P<p>{S}(?:[\s،,]\s*{S}){{0,2}})"  # up to three: "عمّان، الأردن"
