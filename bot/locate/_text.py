"""Words, clause boundaries and place chains ("Atlanta, Georgia") for bot.locate."""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.locate._gazetteer import MAX_WORDS, Resolution, Sense, gazetteer, qualify, resolve
from bot.locate._normalise import fold, stem_key
from bot.locate._patterns import ARTICLES, NEGATION, WEATHER

# A word is letters joined by "'" (never "’"); each match is the gap before a word and
# the word, and matches are contiguous from the start, so gaps need no second pass.
_GAP_WORD = re.compile(r"([\W\d_]*)([^\W\d_]+(?:'[^\W\d_]+)*)")
# The same on ASCII text, where "letter" is just A-Z: the engine tests it far faster.
_GAP_WORD_ASCII = re.compile(r"([^A-Za-z]*)([A-Za-z]+(?:'[A-Za-z]+)*)")
_SOFT_GAP = re.compile(r"[\s'\"“”«»#]*")
_NOT_LETTER = re.compile(r"[\W\d_]")
_EXTRA_UNITS = frozenset(["area", "region", "metro", "based", "city", "ish"])


_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 65536


def _fold_word(raw: str) -> str:
    # A plain dict read in Text() first: cheaper than an lru_cache call per word.
    key = fold(raw)
    if len(_FOLDED) >= _FOLDED_MAX:
        _FOLDED.clear()
    _FOLDED[raw] = key
    return key


class Word(NamedTuple):
    raw: str
    key: str
    start: int
    end: int


class Chain(NamedTuple):
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
        # One C-level pass yields (gap, word) pairs; Word objects are only built when a
        # scan needs positions, which most mentions never do.
        # The gap after the last word forms no pair, and findall would try it again from
        # each of its characters (quadratic on "!!!!..."): leave it out first.
        end = len(body)
        while end and _NOT_LETTER.match(body, end - 1):
            end -= 1
        pattern = _GAP_WORD_ASCII if body.isascii() else _GAP_WORD
        pairs: list[tuple[str, str]] = pattern.findall(body, 0, end)
        self._pairs = pairs
        self._words: list[Word] | None = None
        self.raws = raws = [w for _, w in pairs]
        folded = _FOLDED
        self.keys = [k if (k := folded.get(w)) is not None else _fold_word(w) for w in raws]
        gaps = ["space" if g == " " else _gap_kind(g, first=False) for g, _ in pairs]
        if pairs:
            gaps[0] = _gap_kind(pairs[0][0], first=True)
        self.gaps = gaps  # "start", "space", "comma" or "hard"
        # Capitalisation says nothing in a shouted message ("I'M IN NICE").
        self.all_caps = (
            body == body.upper() and len(body.lower().strip()) > 4 and (body != body.lower())
        )

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            words = []
            pos = 0
            for (gap, raw), key in zip(self._pairs, self.keys, strict=True):
                start = pos + len(gap)
                pos = start + len(raw)
                words.append(Word(raw, key, start, pos))
            self._words = words
        return self._words

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
    if stripped in (",", "،", "，", "、"):
        return "comma"
    return "hard"


def _lookup(t: Text, i: int, n: int, *, stem: str) -> tuple[Sense, ...]:
    gaz = gazetteer()
    key = " ".join(t.keys[i : i + n])
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
        senses = _inflected(key)
    if not senses and stem and "\u0370" <= key[-1:] <= "\u03ff":
        senses = gaz.senses(key + "σ")  # Greek drops the final s: "στη Λεμεσό"
    return senses


def _inflected(key: str) -> tuple[Sense, ...]:
    """Senses of `key` read as an inflected name: its stem as a name, else every name
    sharing its stem ("москве" -> Moscow, "tallinnas" -> Tallinn)."""
    gaz = gazetteer()
    return gaz.senses(stem_key(key)) or gaz.by_stem(key)


def longest(
    t: Text, i: int, *, stem: str = "", kinds: str = "cstax"
) -> tuple[int, str, tuple[Sense, ...]]:
    """Longest gazetteer name starting at word i: (word count, key, senses).

    stem: "" exact names only, "cyr" also inflected Cyrillic, "all" also Latin.
    """
    gaz = gazetteer()
    first = t.keys[i]
    # An inflected first word ("в Новом Саду") starts no name as written: try two words.
    top = min(MAX_WORDS, len(t.keys) - i, max(gaz.span(first), 2 if stem else 1))
    # Words never continue a name across punctuation.
    for k in range(i + 1, i + top):
        if t.gaps[k] != "space":
            top = k - i
            break
    for allow_stem in ("", stem) if stem else ("",):
        for n in range(top, 0, -1):
            senses = tuple(s for s in _lookup(t, i, n, stem=allow_stem) if s.kind in kinds)
            if senses:
                key = " ".join(t.keys[i : i + n])
                if stem == "all" and not allow_stem and len(key) >= 4:
                    # After an Estonian or Finnish phrase a name as written may be another
                    # name inflected ("elan Tartus": Tartu, not Syria's Tartus): both stand.
                    # Neither is preferred by size: other evidence must decide.
                    other = [s for s in _inflected(key) if s.kind in kinds and s not in senses]
                    if {s.cc for s in other} - {s.cc for s in senses}:
                        senses = tuple(s._replace(score=1.0) for s in (*senses, *other))
                return n, key, senses
    return 0, "", ()


def qualifier(t: Text, j: int) -> tuple[int, frozenset[str], bool]:
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
    if i >= len(t.keys):
        return None
    explicit = context == "explicit"
    stem = ("all" if stem_latin else "cyr") if explicit else ""
    n, key, senses = longest(t, i, stem=stem)
    for _ in range(2):  # "the rainy north", "mji wa Arusha"
        if (
            n
            or not (t.keys[i] in ARTICLES or (explicit and t.keys[i] in WEATHER))
            or i + 1 >= len(t.keys)
        ):
            break
        i += 1
        n, key, senses = longest(t, i, stem=stem)
    if not n:
        if context == "weak":
            return None
        return _region_code(t, i) or _unknown_head(t, i)
    j = i + n
    quals: list[frozenset[str]] = []
    by_name = False
    head_is_country = any(s.kind == "c" for s in senses)
    while j < len(t.keys) and t.gaps[j] in ("space", "comma") and len(quals) < 2:
        qn, qset, named = qualifier(t, j)
        if not qn or (head_is_country and not qset & {s.cc for s in senses}):
            break
        quals.append(qset)
        by_name = by_name or named
        j += qn
    occupied = key in gaz.occupied or stem_key(key) in gaz.occupied_stems
    if quals:
        allowed = frozenset.intersection(*quals)
        res = (
            qualify(senses, allowed, by_name=by_name) if allowed else Resolution(None, 0.0, senses)
        )
        # "Moscow, ID", "Sevastopol, Wisconsin": a qualifier that rules Russia out.
        if "RU" not in allowed:
            res = res._replace(senses=tuple(s for s in res.senses if s.cc != "RU"))
        occupied = occupied and "UA" in allowed
    elif key in gaz.ambiguous:
        res = Resolution(None, 0.0, senses)
    else:
        res = resolve(senses)
        head = t.raws[i]
        if key in gaz.common:
            name_ok = key in gaz.given and context in ("explicit", "profile")
            if not (name_ok or (explicit and head[:1].isupper() and not t.all_caps)):
                return None
        if key in gaz.names and context == "weak":
            return None
    return Chain(res, i, j, key, bool(quals), occupied)


def _region_code(t: Text, i: int) -> Chain | None:
    """ "from NJ", "I'm in QLD": a state or province code after a self-placement phrase.

    Only codes that are not also a country's own code ("IN", "HR", "PR" read as words
    too often) and that belong to one country, written in capitals in a text that is
    not all capitals.
    """
    raw = t.raws[i]
    if not (2 <= len(raw) <= 3 and raw.isupper()) or t.all_caps:
        return None
    gaz = gazetteer()
    ccs = gaz.codes.get(raw, frozenset())
    if len(ccs) != 1 or raw in gaz.countries:
        return None
    return Chain(Resolution(next(iter(ccs)), 0.8, ()), i, i + 1, "", True, False)


def _unknown_head(t: Text, i: int) -> Chain | None:
    """ "Smalltown, Ohio": a capitalised name we do not know, placed by its qualifier."""
    j = i
    while j < len(t.keys) and j - i < 3 and t.raws[j][:1].isupper():
        if j > i and t.gaps[j] != "space":
            break
        j += 1
    if j == i or j >= len(t.keys) or t.gaps[j] != "comma" or t.all_caps:
        return None
    qn, qset, named = qualifier(t, j)
    if not qn or len(qset) != 1:
        return None
    # A named unit ("Ohio") or an explicit code ("TX") both say the country.
    del named
    return Chain(Resolution(next(iter(qset)), 0.8, ()), i, j + qn, "", True, False)


def covers_rest(t: Text, chain: Chain) -> bool:
    """True when nothing but filler follows the chain ("Cork, Ireland area")."""
    rest = t.keys[chain.end :]
    return all(k in _EXTRA_UNITS for k in rest)


def district_tail(t: Text, chain: Chain) -> bool:
    """A profile's town followed by a district, state code or postal area the gazetteer
    does not know ("Odense C", "Siliguri, WB", "Bandung, Jawa Barat", "서울 마포구"):
    the town still says where they are, if it names one country."""
    rest = t.keys[chain.end :]
    gaz = gazetteer()
    return (
        chain.res.cc is not None
        and chain.res.certainty == 1.0
        and 0 < len(rest) <= 2
        and not any(gaz.has(k) or k in gaz.codes for k in rest)
        # After a comma anything; after a space only a code or another script's district
        # ("Paris Hilton fan" is not a district of Paris).
        and (t.gaps[chain.end] != "space" or all(len(k) <= 3 or not k.isascii() for k in rest))
    )


def negated(t: Text, start: int) -> bool:
    """A negation in the two words before `start`, in the same clause."""
    lo = start
    while lo > max(0, start - 2) and t.gaps[lo] == "space":
        lo -= 1
    before = t.keys[lo:start]
    if before[-1:] == ["ne"] and t.keys[start].endswith(("jme", "im")):
        return False  # Albanian "ne jetojmë" is "we live", not Slavic "ne" (not)
    return any(k in NEGATION or k.endswith("n't") for k in before) or before == ["no", "longer"]


def contiguous(t: Text, start: int, end: int) -> bool:
    """No punctuation inside the phrase nor between it and the place at `end`."""
    return all(t.gaps[k] == "space" for k in range(start + 1, end + 1))
