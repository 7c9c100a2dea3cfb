"""Where X sees links in a text: twitter-text's URL extraction, in pure standard library.

A port of extractUrlsWithIndices and the regular expressions under js/src/regexp/ of
https://github.com/twitter/twitter-text (Copyright 2018 Twitter, Inc., Apache-2.0), the
rules behind X's weighted length: a link counts 23 only where X itself would link it.
What the earlier simple pattern got wrong, and the conformance suite
(tests/data/twitter-text/validate.yml) checks: a host with a label over 63 characters
(after punycode) is no link, so its text counts character by character; a URL stops
where its characters stop (at CJK text, at bidi marks); a bare domain needs a TLD X knows.

    url_spans(text) -> ((start, end), ...)   code-point offsets, in order
    has_scheme(url) -> bool
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"

_INVALID = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u202a-\u202e\u061c\u200e\u200f\u2066-\u2069"
_SPACES = "\x09-\x0d\x20\x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_PUNCT = re.escape("!'#%&()*+,\\-./:;<=>?@[]^_{|}~$")
_LATIN = (
    "\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_CYRILLIC = "\u0400-\u04ff"

_DOMAIN_CHAR = f"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
# Labels are atomic (one way to match each) and at most 63 characters: twitter-text
# allows longer ones only to refuse them later, and trying them from every start was
# quadratic. A host of more than 127 labels (DNS's limit) is counted as text.
_SUBDOMAIN = f"(?>(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR}){{0,61}})?{_DOMAIN_CHAR}\\.)"
_DOMAIN_NAME = f"(?>(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR}){{0,61}})?{_DOMAIN_CHAR}\\.)"
_PUNYCODE = "(?:xn--[\\-0-9a-z]+)"
_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{_LATIN}]"
_PARENS = f"\\((?:{_PATH_CHAR}+|(?:{_PATH_CHAR}*\\({_PATH_CHAR}+\\){_PATH_CHAR}*))\\)"
_PATH_END = f"(?:[+\\-a-z{_CYRILLIC}0-9=_#/{_LATIN}]|(?:{_PARENS}))"
_PATH = f"(?:(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:@{_PATH_CHAR}+/))"
_QUERY_CHAR = "[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]"
_QUERY_END = "[a-z0-9\\-_&=#/]"
_PRECEDING = f"(?:[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^)"

_MAX_URL = 4096
_MAX_LABEL = 63
_MAX_TCO_SLUG = 40


class _Trie(dict[str, "_Trie"]):
    pass


def _alternation(words: list[str]) -> str:
    """A regex matching any of `words`, as a trie: 1,500 TLDs tried one by one were slow."""
    trie = _Trie()
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # Optional and greedy: the longer TLD first (com before co).
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=1)
def _tlds() -> list[str]:
    lines = (_DATA / "tlds.txt").read_text(encoding="utf-8").splitlines()
    return [t for t in lines if t and not t.startswith("#")]


@lru_cache(maxsize=1)
def _tld() -> str:
    # X's TLD lists end each TLD where no letter, digit, @, + or - follows. Built once:
    # up to three patterns hold it.
    return f"(?:{_alternation(_tlds())}(?=[^0-9a-zA-Z@+-]|$))"


# Each pattern holding the 1,500 TLDs takes ~0.07 s to compile, paid by every process
# that measures a text: each is compiled when first needed, and the test for whether a run
# may hold a host at all needs none of them.
@lru_cache(maxsize=2)
def _extract(shadows: bool = False) -> re.Pattern[str]:
    """twitter-text's URL pattern. It matches a host after - _ . / too, and then drops it
    when it has no scheme; trying those at every dot was quadratic on dotted runs, so the
    pattern fails them at once, and `shadows=True` gives only them (see _shadow_end)."""
    domain = f"(?:{_SUBDOMAIN}{{0,126}}{_DOMAIN_NAME}(?:{_tld()}|{_PUNYCODE}))"
    guard = "(?<=[-_./])(?!https?://)" if shadows else "(?:(?=https?://)|(?<![-_./]))"
    return re.compile(
        f"({_PRECEDING})"  # 1: the character before
        f"{guard}"
        "("  # 2: the URL
        "(https?://)?"  # 3: scheme
        f"({domain})"  # 4: host
        "(?::[0-9]+)?"
        f"(/{_PATH}*)?"  # 5: path
        f"(?:\\?{_QUERY_CHAR}*{_QUERY_END})?"
        ")",
        re.IGNORECASE,
    )


def _shadow_end(text: str, lo: int, hi: int, endpos: int) -> int | None:
    """Where twitter-text's scan resumes when, between `lo` and a match starting at `hi`,
    it first matched a host without a scheme after - _ . / and dropped it: a link inside
    that match ("e/un.org/áhttps://x.org" holds none for X). None when there is none.
    Searched only where such a character comes before the match, which no ordinary text
    has, so the pattern is compiled only for texts that need it."""
    if not any(ch in text[lo:hi] for ch in "-_./"):
        return None
    m = _extract(shadows=True).search(text, lo, endpos)
    return m.end() if m is not None and m.start() < hi else None


@lru_cache(maxsize=1)
def _ascii_domain() -> re.Pattern[str]:
    """Bare hosts (no scheme) and punycode hosts only."""
    return re.compile(f"(?:(?:[\\-a-z0-9{_LATIN}]+)\\.)+(?:{_tld()}|{_PUNYCODE})", re.IGNORECASE)


_TCO = re.compile(f"^https?://t\\.co/([a-z0-9]+)(?:\\?{_QUERY_CHAR}*{_QUERY_END})?", re.I)
# A host ends in a dot and a TLD, and every TLD (punycode's xn-- too) starts with a letter:
# a run without a dot before a letter holds no host. tests/content/test_lengths.py holds
# the TLD list to that.
_CANDIDATE = re.compile(r"\.[^\W\d_]")


def _punycode_ok(domain: str) -> int | None:
    """The host's length in punycode, or None when a label is empty or over 63."""
    if domain[:4].lower() == "xn--" and not _ascii_domain().search(domain):
        return None
    total = 0
    for label in domain.split("."):
        n = len(label) if label.isascii() else 4 + len(label.encode("punycode"))
        if not 1 <= n <= _MAX_LABEL:
            return None
        total += n
    return total + domain.count(".")


def url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where X sees links, as twitter-text's extractUrlsWithIndices finds them."""
    if "." not in text:
        return ()
    spans: list[tuple[int, int]] = []
    # No part of a URL is a space, so each run of non-spaces is searched on its own, from
    # the space before it. What a run holds depends only on the run and on whether the
    # text starts with it, so it is remembered: rendered replies share their words and
    # links, and the template check renders each template for every country.
    for run in _DOTTED_RUN_RE.finditer(text):
        a, b = run.span()
        if b - a <= MAX_RUN:
            spans += [(a + x, a + y) for x, y in _spans_in_run(run.group(), a == 0)]
    return tuple(spans)


@lru_cache(maxsize=16384)
def _spans_in_run(run: str, at_start: bool) -> tuple[tuple[int, int], ...]:
    """The spans in one run, relative to its start. Only a run holding something that can
    end a host is searched: the search tries up to 127 labels from every start. Any space
    before the run acts alike (it ends no host and starts no URL), so one stands for all."""
    if not _CANDIDATE.search(run):
        return ()
    if at_start:
        return tuple(_run_spans(run, 0, len(run)))
    return tuple((x - 1, y - 1) for x, y in _run_spans(" " + run, 0, len(run) + 1))


# A run of non-spaces holding a dot: a host needs one, and the regex finds such runs in C.
_DOTTED_RUN_RE = re.compile(f"(?<![^{_SPACES}])[^{_SPACES}.]*\\.[^{_SPACES}]*")
# A run of more characters than this without a space is counted as text, links and all:
# it is over every platform's limit anyway (unless it is links of thousands of
# characters each), and searching it costs up to seconds.
MAX_RUN = 8192


def _run_spans(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pattern = _extract()
    while m := pattern.search(text, pos, endpos):
        shadow = _shadow_end(text, pos, m.start(), endpos)
        if shadow is not None:
            pos = shadow
            continue
        pos = m.end()
        before, url, scheme, domain, path = m.group(1, 2, 3, 4, 5)
        end = m.end()
        start = end - len(url)
        encoded = _punycode_ok(domain)
        if encoded is None or len(scheme or "https://") + len(url) - len(domain) + encoded > (
            _MAX_URL
        ):
            continue
        if not scheme:
            if before and before[-1] in "-_./":
                continue
            found = [(start + a.start(), start + a.end()) for a in _ascii_domain().finditer(domain)]
            if not found:
                continue
            if path:
                found[-1] = (found[-1][0], end)
            spans += found
            continue
        short = _TCO.match(url)
        if short:
            if len(short.group(1)) > _MAX_TCO_SLUG:
                continue
            end = start + len(short.group(0))
        spans.append((start, end))
    return spans


def has_scheme(url: str) -> bool:
    return url[:8].lower().startswith(("http://", "https://"))
