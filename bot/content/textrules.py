"""Pure text rules shared by posts and replies: X's weighted length, hashtags, links."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from bot.content import xurls

MAX_WEIGHTED = 280

# Hashtags and mentions as X recognises them closely enough for linting our own text.
HASHTAG_RE = re.compile(r"(?<![\w&])[#＃](\w*[^\W\d_]\w*)")
MENTION_RE = re.compile(r"(?<![\w@!#$%&*])[@＠](\w{1,15})")
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _known_emoji() -> frozenset[str]:
    lines = (DATA / "emoji_known.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        "".join(chr(int(c, 16)) for c in line.split())
        for line in lines
        if line and not line.startswith("#")
    )


@lru_cache(maxsize=256)
def url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where X sees links (twitter-text's rules: bot.content.xurls). The last few texts
    are remembered: checking one post asks for its links several times."""
    return xurls.url_spans(text)


# Punctuation that ends a sentence, not a link.
_URL_TRAILING = ".,;:!?'\"»”’)]"


def lenient_links(text: str) -> list[str]:
    """Every http(s):// or www. run up to a space, less the sentence punctuation after it
    (a ')' stays when it closes one): what a lenient client may link, beyond what X does
    ("https://lgbtnet.org@evil.com" is no link on X, a link to evil.com elsewhere)."""
    out = []
    for m in URL_RE.finditer(text):
        url = m.group(0)
        while url and url[-1] in _URL_TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        out.append(url)
    return out


def bare_domains(text: str) -> list[str]:
    """Links written without https:// (X links them; we ask for them in full)."""
    return [u for u in links(text) if not xurls.has_scheme(u)]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


URL_WEIGHT = 23
# One emoji "unit" (a ZWJ family, flag, keycap or tag sequence) weighs 2 in total.
_EMOJI_RE = re.compile(
    "(?:[\U0001f1e6-\U0001f1ff]{2})"  # regional-indicator flag
    "|(?:\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)"  # tag flag (England, Scotland, Wales)
    "|(?:[0-9#*]\ufe0f?\u20e3)"  # keycap
    "|(?:[\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*"
    "(?:\u200d[\u2600-\u27bf\U0001f000-\U0001faff][\ufe0f\U0001f3fb-\U0001f3ff]*)*)"
)


# No link, emoji or normalisation spans a space or a line break, so a text's weight is the
# sum of its runs' and one per break. Runs are remembered: replies share their words and
# links, and the template check renders every template for every country.
RUN_BREAK = re.compile("[ \n]")


def split_runs(text: str) -> list[str]:
    """The text cut at every space and line break (str.split: ten times re.split's speed)."""
    return text.replace("\n", " ").split(" ")


def run_spans(run: str, first: bool) -> tuple[tuple[int, int], ...]:
    """Where X sees links in a run as it stands in a text: `first` at the text's start, or
    after a break (at the start a first character may be taken as the one before a link,
    "\u0301lgbtnet.org"; after a break the space is)."""
    if first:
        return url_spans(run)
    return tuple((a - 1, b - 1) for a, b in url_spans(" " + run))


def weighted_length(text: str) -> int:
    """Length as X counts it: NFC first, every URL 23, CJK and emoji 2.

    Our own implementation of X's published rules: twitter-text-parser imports
    pkg_resources (half a second at start-up, and gone from new setuptools); the
    tests use it as the oracle instead.
    """
    parts = split_runs(nfc(text))
    rest = sum(run_weight(p, False) for p in parts[1:]) if len(parts) > 1 else 0
    return run_weight(parts[0], True) + rest + len(parts) - 1


@lru_cache(maxsize=65536)
def run_weight(run: str, first: bool) -> int:
    """X's weight of a run (see run_spans for `first`)."""
    total = 0
    pos = 0
    for start, end in run_spans(run, first):
        if start < pos:
            continue
        total += _plain_weight(run[pos:start]) + URL_WEIGHT
        pos = end
    return total + _plain_weight(run[pos:])


# X's counting config v3: code points in these ranges weigh 1, all others 2.
_HEAVY_RE = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


def _naive_weight(chunk: str) -> int:
    # One pass in C instead of a Python call per character.
    return len(chunk) + len(_HEAVY_RE.findall(chunk))


# Characters an emoji unit can start with (or a keycap's mark): without one, skip the
# emoji scan, as nearly all non-ASCII text (accents, Cyrillic, CJK) does.
_EMOJI_HINT_RE = re.compile("[\u00a9\u00ae\u203c-\u3299\u20e3\U0001f000-\U0001faff]")


def _plain_weight(chunk: str) -> int:
    if chunk.isascii():
        return len(chunk)
    if not _EMOJI_HINT_RE.search(chunk):
        return _naive_weight(chunk)
    total = 0
    pos = 0
    for m in _EMOJI_RE.finditer(chunk):
        unit = m.group(0)
        known = unit in _known_emoji() or unit.replace("\ufe0f", "") in _known_emoji()
        # An emoji newer than X's table counts per code point: never below X's count.
        total += _naive_weight(chunk[pos : m.start()]) + (2 if known else _naive_weight(unit))
        pos = m.end()
    return total + _naive_weight(chunk[pos:])


def hashtags(text: str) -> list[str]:
    return HASHTAG_RE.findall(text)


def mentions(text: str) -> list[str]:
    return MENTION_RE.findall(text)


def links(text: str) -> list[str]:
    return [text[a:b] for a, b in url_spans(text)]
