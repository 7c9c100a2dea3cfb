"""Pure text rules shared by posts and replies: X's weighted length, hashtags, links."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_WEIGHTED = 280

# Hashtags and mentions as X recognises them closely enough for linting our own text.
HASHTAG_RE = re.compile(r"(?<![\w&])[#＃](\w*[^\W\d_]\w*)")
MENTION_RE = re.compile(r"(?<![\w@!#$%&*])[@＠](\w{1,15})")
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
# A bare domain such as example.org/path counts as a link on X too.
BARE_DOMAIN_RE = re.compile(
    r"(?<![\w@/.])((?:[a-z0-9-]+\.)+(?:org|com|net|de|fr|uk|ru|es|ie|ca|au|eu|int|io|info|gov|ch|at|it|nl|se))"
    r"(?:/[^\s]*)?\b",
    re.IGNORECASE,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# X's counting config v3: code points in these ranges weigh 1, all others 2.
_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
URL_WEIGHT = 23
# One emoji "unit" (a ZWJ family, flag, keycap or tag sequence) weighs 2 in total.
_EMOJI_RE = re.compile(
    "(?:[\U0001F1E6-\U0001F1FF]{2})"  # regional-indicator flag
    "|(?:\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F)"  # tag flag (England, Scotland, Wales)
    "|(?:[0-9#*]\uFE0F?\u20E3)"  # keycap
    "|(?:[\u00A9\u00AE\u203C-\u3299\U0001F000-\U0001FAFF]"
    "[\uFE0F\U0001F3FB-\U0001F3FF]*"
    "(?:\u200D[\u2600-\u27BF\U0001F000-\U0001FAFF][\uFE0F\U0001F3FB-\U0001F3FF]*)*)"
)


def _char_weight(cp: int) -> int:
    for lo, hi in _LIGHT:
        if lo <= cp <= hi:
            return 1
    return 2


@lru_cache(maxsize=8192)
def weighted_length(text: str) -> int:
    """Length as X counts it: NFC first, every URL 23, CJK and emoji 2.

    Our own implementation of X's published rules: twitter-text-parser imports
    pkg_resources (half a second at start-up, and gone from new setuptools); the
    tests use it as the oracle instead.
    """
    text = nfc(text)
    total = 0
    pos = 0
    spans = sorted(
        [m.span() for m in URL_RE.finditer(text)] + _bare_domain_spans(text)
    )
    for start, end in spans:
        if start < pos:
            continue
        total += _plain_weight(text[pos:start]) + URL_WEIGHT
        pos = end
    return total + _plain_weight(text[pos:])


def _plain_weight(chunk: str) -> int:
    if chunk.isascii():
        return len(chunk)
    total = 0
    pos = 0
    for m in _EMOJI_RE.finditer(chunk):
        total += sum(_char_weight(ord(c)) for c in chunk[pos : m.start()]) + 2
        pos = m.end()
    return total + sum(_char_weight(ord(c)) for c in chunk[pos:])


def _bare_domain_spans(text: str) -> list[tuple[int, int]]:
    url_spans = [m.span() for m in URL_RE.finditer(text)]
    return [m.span() for m in BARE_DOMAIN_RE.finditer(text)
            if not any(a <= m.start() < b for a, b in url_spans)]


def hashtags(text: str) -> list[str]:
    return HASHTAG_RE.findall(text)


def mentions(text: str) -> list[str]:
    return MENTION_RE.findall(text)


def links(text: str) -> list[str]:
    found = [u.rstrip(".,;:!?)»”") for u in URL_RE.findall(text)]
    spans = [m.span() for m in URL_RE.finditer(text)]
    for m in BARE_DOMAIN_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            found.append(m.group(0).rstrip(".,;:!?)»”"))
    return found
