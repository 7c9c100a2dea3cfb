"""Text normalisation shared by bot.locate and tools/build_gazetteer.py.

The gazetteer keys are produced with `fold()` at build time and looked up with
the same function at runtime, so the two can never drift apart.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width, word joiners, bidi controls, BOM and soft hyphen: invisible, but they split words
# ("Ire\u200bland") and are a cheap way to dodge keyword filters.
_INVISIBLE = dict.fromkeys(
    [
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
        0x180E,
        0xFEFF,
        0x00AD,
        # Arabic vowel marks and tatweel, Hebrew points: optional in writing, and not
        # letters to the tokeniser, so "عمّان" would split in two.
        *range(0x064B, 0x0660),
        0x0670,
        0x0640,
        *range(0x0591, 0x05BE),
        0x05BF,
        0x05C1,
        0x05C2,
        0x05C4,
        0x05C5,
        0x05C7,
    ]
)

_ANY_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u180e\ufeff\u00ad"
    "\u064b-\u065f\u0670\u0640\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]"
)

# Letters NFD cannot take apart but people routinely type without the stroke.
_TRANSLIT = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "’": "'", "ʼ": "'",
     # Arabic spellings that vary from writer to writer: hamza seats, alif maqsura,
     # ta marbuta ("الإسكندرية", "الاسكندريه").
     "أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"}
)  # fmt: skip

_MARKS = re.compile("[\u0300-\u036f]")
_SPACES = re.compile(r"[\s\-‐‑‒_]+")
_DOTS = re.compile(r"\.")

# Case endings, longest first. Applied to one word at a time, on both sides
# (gazetteer and text), so "Москва"/"Москве"/"Москвы" all meet at "москв" and
# "Warszawa"/"Warszawie" at "warszaw". Finnish locatives strip to the bare
# stem, which the gazetteer carries as a hand alias where gradation bites.
# Written naturally here and folded below, because keys are folded ("й" -> "и").
_CYR_ENDINGS_TEXT = (
    "иями ями ами ией ием иях ого его ому ему ыми ими ая яя ое ее ой ей ий ый ых их ом ем "
    "ам ям ах ях ию ия ии ью ье ья ы и а я е у ю о ь й і ї"
)
# Polish, Finnish (inessive, elative, adessive, ablative, illative), Estonian, Baltic.
_LAT_ENDINGS_TEXT = (
    "iach ach issa ista ssa sta lla lta lle aan iin een zie ie iu ii ia ja ji je em a e i u y s"
)
_MIN_STEM = 3


def clean(text: str) -> str:
    """NFKC and drop invisible characters; case and accents are kept."""
    if text.isascii():  # NFKC leaves ASCII as it is, and every invisible is non-ASCII
        return text
    text = unicodedata.normalize("NFKC", text)
    if "عمّان" in text:
        # The shadda, dropped below, tells Amman (عمّان) from Oman (عمان): say which, as
        # "Amman, Jordan" would.
        text = text.replace("عمّان", "عمان الأردن")
    # translate() looks up every character; one search first skips that for most texts.
    return text.translate(_INVISIBLE) if _ANY_INVISIBLE.search(text) else text


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


def fold(text: str) -> str:
    """Lookup key: casefolded, accent-free, hyphens as spaces, no dots."""
    text = strip_marks(clean(text).casefold()).translate(_TRANSLIT)
    text = _DOTS.sub("", text)
    words = _SPACES.sub(" ", text).strip().split(" ")
    # "St Petersburg", "St. Louis", "Saint-Étienne" must all meet.
    return " ".join("st" if w == "saint" else _one_script(w) for w in words)


def folded_words(words: str) -> frozenset[str]:
    """A whitespace-separated word list as the folded keys Text.keys holds."""
    return frozenset(fold(w) for w in words.split())


# Latin and Cyrillic letters that look alike. "Mоscow" with a Cyrillic "о" reads as
# Moscow to a person and must to us too: a word mixing both scripts is folded into
# the script most of its letters are in.
_CYR_TO_LAT = str.maketrans("аеорсухкмтнвіјѕ", "aeopcyxkmthbijs")
_LAT_TO_CYR = str.maketrans("aeopcyxkmthbij", "аеорсухкмтнвій")
_LATIN = re.compile("[a-z]")
CYRILLIC = re.compile("[\u0400-\u04ff]")  # also used by bot.locate


def _one_script(word: str) -> str:
    if word.isascii():
        return word
    latin, cyrillic = len(_LATIN.findall(word)), len(CYRILLIC.findall(word))
    if not latin or not cyrillic:
        return word
    return word.translate(_CYR_TO_LAT if latin >= cyrillic else _LAT_TO_CYR)


def _endings(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """Endings grouped by length, longest first: one set lookup per length."""
    folded = {strip_marks(e.casefold()) for e in text.split()}
    top = max(len(e) for e in folded)
    groups = ((n, frozenset(e for e in folded if len(e) == n)) for n in range(top, 0, -1))
    return tuple((n, group) for n, group in groups if group)


_CYR_ENDINGS = _endings(_CYR_ENDINGS_TEXT)
_LAT_ENDINGS = _endings(_LAT_ENDINGS_TEXT)


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"


def stem_word(word: str) -> str:
    groups = _CYR_ENDINGS if _is_cyrillic(word) else _LAT_ENDINGS
    size = len(word)
    for n, group in groups:
        if size - n >= _MIN_STEM and word[-n:] in group:
            return word[:-n]
    return word


def stem_key(key: str) -> str:
    return " ".join(stem_word(w) for w in key.split(" "))


_DOUBLES = re.compile(r"(.)\1+")


def squeeze(key: str) -> str:
    """Collapse doubled letters, for matching elongated words ("Tallinnnn")."""
    return _DOUBLES.sub(r"\1", key)
