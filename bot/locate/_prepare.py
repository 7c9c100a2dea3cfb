"""A mention made ready for scanning: links and handles out, hashtags and
abbreviations evened out, flags read. Each pass runs only when its trigger is present."""

from __future__ import annotations

import re

from bot.locate._gazetteer import gazetteer
from bot.locate._text import Text

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@\w+")
_HASHTAG = re.compile(r"(?<![\w#])#(\w+)")
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_FLAG_SUBJECT = re.compile(
    # Not "is", "can", "does"...: "🇷🇺 is it safe?" is a question from Russia.
    "([\U0001f1e6-\U0001f1ff]{2})\\s*(?:must|should|needs?|has to|have to|cannot|can't|"
    "won't|wants?|keeps?)\\b",
    re.IGNORECASE,
)
_TAG_FLAG = re.compile("\U0001f3f4([\U000e0061-\U000e007a]+)\U000e007f")
_ELONG = re.compile(r"([^\W\d_])\1{2,}")
_ABBR = re.compile(r"\b([A-Za-z])\.([A-Za-z])\.(?:([A-Za-z])\.)?")
_ABBR_DOT = re.compile(r"\b(St|Ste|Mt|Ft)\.", re.IGNORECASE)
# One search that finds whatever either of the two above could (and a little more).
_ABBR_ANY = re.compile(r"\b[A-Za-z]\.[A-Za-z]\.|\b(?:St|Ste|Mt|Ft)\.", re.IGNORECASE)
_THE_US = re.compile(r"\b(the|in|from)\s+US\b", re.IGNORECASE)
_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑](?=[^\W\d_])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|_")


def body_of(raw: str) -> tuple[str, list[str]]:
    """Strip URLs and handles; hashtags inside a sentence stay as words."""
    # Each pass is skipped when its trigger character is absent: most mentions
    # are short and plain, and this function runs on every one of them.
    body = _URL.sub(" ", raw) if "http" in raw or "www." in raw else raw
    body = _HANDLE.sub(" ", body) if "@" in body else body
    tags: list[str] = []

    def tag(m: re.Match[str]) -> str:
        word = _CAMEL.sub(" ", m.group(1))
        tags.append(word)
        i = m.start() - 1  # the last non-space character before the tag, without copying
        while i >= 0 and body[i].isspace():
            i -= 1
        inline = i >= 0 and body[i].isalpha()
        return word if inline else " ¦ "

    if "#" in body:
        body = _HASHTAG.sub(tag, body)
    body = body.replace("’", "'")
    if "." in body and _ABBR_ANY.search(body):
        body = _ABBR.sub(lambda m: "".join(g for g in m.groups() if g), body)
        body = _ABBR_DOT.sub(r"\1", body)
    if "US" in body:
        body = _THE_US.sub(lambda m: f"{m.group(1)} USA", body)
    return (_HYPHEN.sub(" ", body) if "-" in body or "‐" in body or "‑" in body else body), tags


def text_of(body: str) -> Text:
    if not _ELONG.search(body):  # almost always: no new string to build
        return Text(body)
    squeezed = _ELONG.sub(r"\1", body)
    return Text(squeezed, elongated=squeezed != body)


def flags_of(raw: str) -> list[str]:
    if raw.isascii():
        return []
    # 🇪🇺 and 🇺🇳 are flags too, but of no country; "🇷🇺 must answer for this" is a flag
    # standing for the country as the topic.
    subjects = {_flag_code(m.group(1)) for m in _FLAG_SUBJECT.finditer(raw)}
    countries = gazetteer().countries
    found = [
        cc for p in _FLAG.findall(raw) if (cc := _flag_code(p)) in countries and cc not in subjects
    ]
    found += ["GB" for tag in _TAG_FLAG.findall(raw) if tag.startswith("\U000e0067\U000e0062")]
    return list(dict.fromkeys(found))


def _flag_code(pair: str) -> str:
    return chr(ord(pair[0]) - 0x1F1A5) + chr(ord(pair[1]) - 0x1F1A5)
