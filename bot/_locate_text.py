"""Words, clause boundaries and place chains ("Atlanta, Georgia") for bot.locate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot._locate_gaz import MAX_WORDS, Resolution, Sense, gazetteer, qualify, resolve
from bot._locate_norm import fold, stem_key
from bot._locate_patterns import ARTICLES

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_SOFT_GAP = re.compile(r"[\s'\"“”«»#]*")
_EXTRA_UNITS = frozenset(["area", "region", "metro", "based", "city", "ish"])


@lru_cache(maxsize=65536)
def _fold_word(raw: str) -> str:
    return fold(raw)


@dataclass(frozen=True, slots=True)
class Word:
    raw: str
    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Chain:
    res: Resolution
    start: int  # word index of the head
    end: int  # word index after the last word used
    head_key: str
    qualified: bool
    occupied: bool

    @property
    def russian(self) -> bool:
        return self.res.russian or self.occupied


class Text:
    """A message as words plus the kind of gap before each word."""

    def __init__(self, body: str, *, elongated: bool = False) -> None:
        self.body = body
        self.elongated = elongated
        self.words: list[Word] = []
        self.gaps: list[str] = []  # "start", "space", "comma" or "hard"
        prev = 0
        for m in _WORD.finditer(body):
            raw = m.group().replace("’", "'")
            self.words.append(Word(raw, _fold_word(raw), m.start(), m.end()))
            self.gaps.append(_gap_kind(body[prev : m.start()], first=not self.gaps))
            prev = m.end()
        self.keys = [w.key for w in self.words]
        # Capitalisation says nothing in a shouted message ("I'M IN NICE").
        self.all_caps = body == body.upper() and len(body.lower().strip()) > 4 and (
            body != body.lower()
        )

    def word_after(self, pos: int) -> int | None:
        """Index of the word starting at pos, allowing only quotes/# in between."""
        for i, w in enumerate(self.words):
            if w.start >= pos:
                return i if _SOFT_GAP.fullmatch(self.body[pos : w.start]) else None
        return None

    def clause_starts(self) -> list[int]:
        return [i for i, g in enumerate(self.gaps) if g != "space"]


def _gap_kind(gap: str, *, first: bool) -> str:
    if first and not gap.strip(" \t,"):
        return "start"
    stripped = gap.strip()
    if not stripped:
        return "space"
    if stripped == ",":
        return "comma"
    return "hard"


def _lookup(t: Text, i: int, n: int, *, stem: str) -> tuple[Sense, ...]:
    gaz = gazetteer()
    key = " ".join(w.key for w in t.words[i : i + n])
    senses = gaz.senses(key)
    if not senses and key[:2] in ("l'", "d'"):
        senses = gaz.senses(key[2:])
    if not senses and t.elongated:
        squeezed = gaz.by_squeeze(key)
        senses = gaz.senses(squeezed) if squeezed else ()
    # Latin stems only after Polish/Finnish phrases: in English "love" -> "lov"
    # and "same" -> "sam" would hit alternate names. Cyrillic always inflects.
    cyrillic = "\u0400" <= key[:1] <= "\u04ff"
    if not senses and stem and len(key) >= 4 and (cyrillic or stem == "all"):
        senses = gaz.senses(stem_key(key)) or gaz.by_stem(key)
    return senses


def longest(
    t: Text, i: int, *, stem: str = "", kinds: str = "cstax"
) -> tuple[int, str, tuple[Sense, ...]]:
    """Longest gazetteer name starting at word i: (word count, key, senses).

    stem: "" exact names only, "cyr" also inflected Cyrillic, "all" also Latin.
    """
    gaz = gazetteer()
    first = t.keys[i]
    top = min(MAX_WORDS, len(t.words) - i, max(gaz.span(first), 1))
    # Words never continue a name across punctuation.
    for k in range(i + 1, i + top):
        if t.gaps[k] != "space":
            top = k - i
            break
    for allow_stem in ("", stem) if stem else ("",):
        for n in range(top, 0, -1):
            senses = tuple(s for s in _lookup(t, i, n, stem=allow_stem) if s.kind in kinds)
            if senses:
                return n, " ".join(w.key for w in t.words[i : i + n]), senses
    return 0, "", ()


def _qualifier(t: Text, j: int) -> tuple[int, frozenset[str], bool]:
    """A qualifier at word j: (word count, countries, given by name)."""
    word = t.words[j]
    after = t.body[word.end : word.end + 1]
    if (
        2 <= len(word.raw) <= 3
        and word.raw.isupper()
        and not t.all_caps
        and after != "?"
        and word.raw in gazetteer().codes
    ):
        return 1, gazetteer().codes[word.raw], False
    n, _, senses = longest(t, j, kinds="cs")
    if not n:
        return 0, frozenset(), False
    return n, frozenset(s.cc for s in senses), True


def read_place(t: Text, i: int, *, context: str, stem_latin: bool = False) -> Chain | None:
    """Read "Place[, Qualifier[, Qualifier]]" at word i.

    context: "explicit" (after a self-placement phrase), "profile", or "weak"
    ("X here", hashtag, a bare message). Common words ("Nice", "Bath") count
    only when explicit and capitalised, or when qualified ("Bath, UK").
    """
    gaz = gazetteer()
    if i >= len(t.words):
        return None
    explicit = context == "explicit"
    stem = ("all" if stem_latin else "cyr") if explicit else ""
    n, key, senses = longest(t, i, stem=stem)
    if not n and t.words[i].key in ARTICLES and i + 1 < len(t.words):
        i += 1
        n, key, senses = longest(t, i, stem=stem)
    if not n:
        return _unknown_head(t, i) if context != "weak" else None
    j = i + n
    quals: list[frozenset[str]] = []
    by_name = False
    head_is_country = any(s.kind == "c" for s in senses)
    while j < len(t.words) and t.gaps[j] in ("space", "comma") and len(quals) < 2:
        qn, qset, named = _qualifier(t, j)
        if not qn or (head_is_country and not qset & {s.cc for s in senses}):
            break
        quals.append(qset)
        by_name = by_name or named
        j += qn
    if quals:
        allowed = frozenset.intersection(*quals)
        res = (
            qualify(senses, allowed, by_name=by_name) if allowed else Resolution(None, 0.0, senses)
        )
    elif key in gaz.ambiguous:
        res = Resolution(None, 0.0, senses)
    else:
        res = resolve(senses)
        head = t.words[i].raw
        if key in gaz.common and not (explicit and head[:1].isupper() and not t.all_caps):
            return None
        if key in gaz.names and context == "weak":
            return None
    return Chain(res, i, j, key, bool(quals), key in gaz.occupied)


def _unknown_head(t: Text, i: int) -> Chain | None:
    """ "Smalltown, Ohio": a capitalised name we do not know, placed by its qualifier."""
    j = i
    while j < len(t.words) and j - i < 3 and t.words[j].raw[:1].isupper():
        if j > i and t.gaps[j] != "space":
            break
        j += 1
    if j == i or j >= len(t.words) or t.gaps[j] != "comma" or t.all_caps:
        return None
    qn, qset, named = _qualifier(t, j)
    if not qn or len(qset) != 1:
        return None
    # A named unit ("Ohio") or an explicit code ("TX") both say the country.
    del named
    return Chain(Resolution(next(iter(qset)), 0.8, ()), i, j + qn, "", True, False)


def covers_rest(t: Text, chain: Chain) -> bool:
    """True when nothing but filler follows the chain ("Cork, Ireland area")."""
    rest = [w.key for w in t.words[chain.end :]]
    return all(k in _EXTRA_UNITS for k in rest)
