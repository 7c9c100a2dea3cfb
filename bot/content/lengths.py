"""How long a text is on each platform, and whether it fits: one place per rule.

    X         280 weighted characters (textrules.weighted_length: twitter-text's rules,
              every link 23, CJK and emoji 2, NFC first)
    Mastodon  max_characters (default 500) graphemes, every http(s) link counting
              characters_reserved_per_url (default 23); the adapter reads both from
              the instance at start and passes them to mastodon_limit()
    Bluesky   300 graphemes and 3,000 UTF-8 bytes of the text as posted, where each
              http(s) link shows as bluesky_link_text(url) (the full URL goes in the facet)

Graphemes are extended grapheme clusters (a ZWJ family, a flag, a skin tone, a letter
with its combining marks count one), from the pinned `regex` module: the standard
library has no grapheme segmentation. An empty text is ok nowhere.

    measure(text, limit) -> Measure          measure_all(text, limits=DEFAULT_LIMITS)
    length_problems(text, limits) -> [(what, fix)]
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

import regex

from bot.content import xurls
from bot.content.textrules import (
    MAX_WEIGHTED,
    RUN_BREAK,
    URL_WEIGHT,
    nfc,
    run_spans,
    run_weight,
    split_runs,
    url_spans,
    weighted_length,
)

_GRAPHEME = regex.compile(r"\X")
_INVALID_ON_X = frozenset("\ufffe\ufeff\uffff")
NAMES = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}


@dataclass(frozen=True)
class Limit:
    """What a platform allows: `url_length` counts for every link where set."""

    platform: str  # x, mastodon or bluesky
    max_length: int
    url_length: int | None = None
    max_bytes: int | None = None


@dataclass(frozen=True)
class Measure:
    platform: str
    length: int
    limit: int
    ok: bool
    bytes: int | None = None
    byte_limit: int | None = None

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"length": self.length, "limit": self.limit, "ok": self.ok}
        if self.bytes is not None:
            d |= {"bytes": self.bytes, "byte_limit": self.byte_limit}
        return d


X = Limit("x", MAX_WEIGHTED, URL_WEIGHT)
MASTODON = Limit("mastodon", 500, 23)
BLUESKY = Limit("bluesky", 300, None, 3000)
DEFAULT_LIMITS = (X, MASTODON, BLUESKY)


def mastodon_limit(max_characters: int = 500, characters_reserved_per_url: int = 23) -> Limit:
    """The instance's limit, from /api/v2/instance configuration.statuses."""
    return Limit("mastodon", max_characters, characters_reserved_per_url)


# A code point of these kinds may join the one before or after it; a text without any
# (most Latin and Cyrillic text) has one grapheme per code point, found 10 times faster.
_MAY_JOIN = regex.compile(
    r"[\r\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}"
    r"\p{GCB=Regional_Indicator}\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}]"
)


def graphemes(text: str) -> int:
    if text.isascii():
        return len(text) - text.count("\r\n")
    if not _MAY_JOIN.search(text):
        return len(text)
    return len(_GRAPHEME.findall(text))


SHOWN_PATH = 13


@functools.lru_cache(maxsize=4096)
def bluesky_link_text(url: str) -> str:
    """What a link shows on Bluesky: the host, then the path, query and fragment cut to 13
    characters and "…" when they are longer than 15 (the Bluesky app's own rule, with one
    "…" for its three dots). Deterministic, so measuring and posting agree."""
    parts = urlsplit(url if xurls.has_scheme(url) else "https://" + url)
    rest = (
        (parts.path if parts.path != "/" else "")
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )
    if len(rest) > SHOWN_PATH + 2:
        rest = rest[:SHOWN_PATH] + "…"
    return parts.netloc + rest


@dataclass(frozen=True)
class Posted:
    """A text as Bluesky shows it, and each link's (start, end) UTF-8 byte offsets and URL."""

    text: str
    links: tuple[tuple[int, int, str], ...]


def bluesky_text(text: str) -> Posted:
    """The text as posted on Bluesky: every http(s) link shortened by bluesky_link_text."""
    return _posted(text, _scheme_spans(text, url_spans(text)))


def _posted(text: str, spans: list[tuple[int, int]]) -> Posted:
    out: list[str] = []
    links: list[tuple[int, int, str]] = []
    pos = 0
    size = 0
    for a, b in spans:
        out.append(text[pos:a])
        size += len(text[pos:a].encode("utf-8"))
        shown = bluesky_link_text(text[a:b])
        n = len(shown.encode("utf-8"))
        links.append((size, size + n, text[a:b]))
        out.append(shown)
        size += n
        pos = b
    out.append(text[pos:])
    return Posted("".join(out), tuple(links))


def _scheme_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    # Only links written with http(s):// are linked (and shortened) on Mastodon and by
    # our Bluesky posts; a bare domain stays text there.
    return [(a, b) for a, b in spans if xurls.has_scheme(text[a:b])]


def measure(text: str, limit: Limit) -> Measure:
    return measure_all(text, (limit,))[limit.platform]


def measure_all(text: str, limits: Iterable[Limit] = DEFAULT_LIMITS) -> dict[str, Measure]:
    """Each platform's measure; the text is cut into runs once for all of them."""
    lims = tuple(limits)
    return dict(zip([lim.platform for lim in lims], _measure_texts(text, lims), strict=True))


# Remembered whole: the template check renders every template with every country's links
# (about 8,000 texts), and an edit to one country or one template changes only its own.
@functools.lru_cache(maxsize=16384)
def _measure_texts(text: str, limits: tuple[Limit, ...]) -> tuple[Measure, ...]:
    runs = split_runs(text)
    parts = [_run(runs[0], True), *map(_run, runs[1:], itertools.repeat(False))]
    # Column sums in C: this runs for every template with every country's links.
    cols = _Run(*map(sum, zip(*parts, strict=True)))
    return tuple(_measure(text, runs, cols, lim) for lim in limits)


def _measure(text: str, runs: list[str], cols: _Run, limit: Limit) -> Measure:
    breaks = len(runs) - 1
    if limit.platform == "x":
        normal = nfc(text)
        # X counts the text in NFC; most texts already are, and then their runs are too.
        n = cols.x_weight + breaks if normal == text else weighted_length(text)
        valid = bool(text) and not any(ch in normal for ch in _INVALID_ON_X)
        return Measure("x", n, limit.max_length, valid and 0 < n <= limit.max_length)
    # In ASCII only CR before LF joins a break; elsewhere ask each run.
    joins = "\r\n" in text if text.isascii() else bool(cols.joins)
    if limit.platform == "mastodon":
        url = limit.url_length if limit.url_length is not None else 23
        n = cols.graphemes + url * cols.links - cols.link_graphemes + breaks
        if joins:
            n -= _joins(text, runs)
        return Measure("mastodon", n, limit.max_length, 0 < n <= limit.max_length)
    if limit.platform == "bluesky":
        n = cols.posted_graphemes + breaks
        if joins:
            n -= _joins(text, [_posted_run(r, i == 0) for i, r in enumerate(runs)])
        size = cols.posted_bytes + breaks
        max_bytes = limit.max_bytes if limit.max_bytes is not None else 3000
        ok = 0 < n <= limit.max_length and size <= max_bytes
        return Measure("bluesky", n, limit.max_length, ok, size, max_bytes)
    raise ValueError(f"unknown platform {limit.platform!r}")


# Graphemes are counted run by run (textrules.split_runs: cut at spaces and line breaks), each
# run remembered. A break is one grapheme unless it joins a neighbour: a mark after a
# space (" \u0301"), a prepended sign before one, CR before LF. Those joins depend only on
# the two characters either side, so they are found and subtracted pair by pair.


class _Run(NamedTuple):
    """One run's measures; all numbers, so a text's are the sums of its runs'."""

    x_weight: int  # X's weight of the run, when it is in NFC
    graphemes: int
    links: int  # http(s) links: Mastodon counts each as the instance's url length
    link_graphemes: int
    posted_graphemes: int  # as Bluesky shows it (_posted_run)
    posted_bytes: int
    joins: int  # 1 when an edge may join a neighbouring break


@functools.lru_cache(maxsize=65536)
def _run(run: str, first: bool) -> _Run:
    """A run's measures as it stands in a text (textrules.run_spans for `first`)."""
    spans = _scheme_spans(run, run_spans(run, first))
    links = [run[a:b] for a, b in spans]
    posted = _posted(run, spans).text
    return _Run(
        run_weight(run, first),
        graphemes(run),
        len(links),
        sum(map(graphemes, links)),
        graphemes(posted),
        len(posted.encode("utf-8")),
        int(_edge_may_join(run) or _edge_may_join(posted)),
    )


@functools.lru_cache(maxsize=65536)
def _posted_run(run: str, first: bool) -> str:
    return _posted(run, _scheme_spans(run, run_spans(run, first))).text


def _edge_may_join(run: str) -> bool:
    return bool(run) and (_joined(run[-1] + " ") or run[-1] == "\r" or _joined(" " + run[0]))


@functools.lru_cache(maxsize=4096)
def _joined(pair: str) -> bool:
    return graphemes(pair) == 1


def _joins(text: str, runs: list[str]) -> int:
    """How many of `text`'s breaks join the run before or after them."""
    n = 0
    for i, brk in enumerate(RUN_BREAK.findall(text)):
        left, right = runs[i], runs[i + 1]
        n += bool(left) and _joined(left[-1] + brk)
        n += bool(right) and _joined(brk + right[0])
    return n


_UNITS = {"x": "weighted characters", "mastodon": "characters", "bluesky": "graphemes"}
_HOW = {
    "x": "each link counts 23, emoji and CJK 2",
    "mastodon": "each link counts {url}",
    "bluesky": "each link shows as its host and 13 characters",
}


def length_problems(
    text: str, limits: Iterable[Limit] = DEFAULT_LIMITS, context: str = "text is"
) -> list[tuple[str, str]]:
    """(what, fix) for each platform the text is too long for; `context` begins `what`."""
    out: list[tuple[str, str]] = []
    limits = list(limits)
    measured = measure_all(text, limits)  # one cut into runs for every platform
    for lim in limits:
        m = measured[lim.platform]
        name = NAMES[lim.platform]
        how = _HOW[lim.platform].format(url=lim.url_length)
        if m.length > m.limit:
            over = m.length - m.limit
            out.append(
                (
                    f"{context} {m.length} {_UNITS[lim.platform]}, over {name}'s {m.limit}",
                    f"shorten it by {over} ({how})",
                )
            )
        if m.bytes is not None and m.byte_limit is not None and m.bytes > m.byte_limit:
            out.append(
                (
                    f"{context} {m.bytes} bytes of UTF-8, over {name}'s {m.byte_limit}",
                    f"shorten it by {m.bytes - m.byte_limit} bytes (non-Latin letters take 2-4)",
                )
            )
    return out
