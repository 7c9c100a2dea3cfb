"""bot.content.textrules against the twitter-text-parser oracle (X's rules, config v3)."""

from __future__ import annotations

import random

import pytest

from bot.content.textrules import (
    MAX_WEIGHTED,
    hashtags,
    lenient_links,
    links,
    mentions,
    weighted_length,
)
from tests.support.oracle import oracle, oracle_urls, oracle_valid
from tests.support.paths import REPO

# Pieces that must each count exactly as X counts them.
PIECES: dict[str, str] = {
    "ascii": "Close the camps in Chechnya now.",
    "url": "https://lgbtnet.org",
    "url-path": "https://www.amnesty.org/en/latest/news/2017/04/chechnya/",
    "url-long": "https://members.parliament.uk/" + "a" * 120,
    "url-www": "www.lgbtnet.org",
    "url-upper": "HTTPS://LGBTNET.ORG/EN",
    "url-query": "https://un.org/en/about-us?lang=en&x=1",
    "bare-domain": "lgbtnet.org",
    "bare-domain-path": "amnesty.org/en",
    "bare-co-uk": "rusemb.org.uk",
    "cjk": "关闭集中营",
    "japanese": "強制収容所を閉鎖せよ",
    "korean": "수용소를 폐쇄하라",
    "cyrillic": "Закройте лагеря в Чечне",
    "greek": "Κλείστε τα στρατόπεδα",
    "arabic": "أغلقوا المعسكرات",
    "hebrew": "סגרו את המחנות",
    "devanagari": "शिविर बंद करो",
    "latin-accents": "Schließt die Lager – ça suffit, señor",
    "combining": "Cafe\u0301 nai\u0308ve",  # NFC makes them one code point each
    "combining-stack": "a\u0301\u0302\u0303",
    "emoji": "❤",
    "emoji-vs16": "❤️",
    "emoji-astral": "😀",
    "skin-tone": "👍🏽",
    "skin-tone-zwj": "👩🏽‍💻",
    "zwj-family": "👨‍👩‍👧‍👦",
    "zwj-couple": "🧑‍🤝‍🧑",
    "rainbow-flag": "🏳️‍🌈",
    "flag-gb": "🇬🇧",
    "flags-two": "🇩🇪🇫🇷",
    "tag-flag-scotland": "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "tag-flag-wales": "🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    "keycap": "1️⃣",
    "keycap-hash": "#️⃣",
    "keycap-no-vs": "5\u20e3",
    "copyright": "©",
    "trademark": "™",
    "arrow": "→",
    "ellipsis": "…",
    "curly-quotes": "“quoted” ‘single’",
    "dashes": "– —",
    "nbsp": "a\u00a0b",
    "fullwidth": "ＡＢＣ",
    "ligature": "ﬁ",
    "hashtag": "#CloseTheCamps",
    "hashtag-cyrillic": "#ЗакройтеЛагеря",
    "mention": "@someone",
    "email": "press@lgbtnet.org",
    "newline": "line one\nline two",
    "tab": "a\tb",
}

# Cases that once diverged from the oracle (links followed by punctuation, bare
# domains with any TLD X knows, a trailing '/', emoji newer than X's table).
FIXED: dict[str, str] = {
    "url-dot": "Donate: https://lgbtnet.org.",
    "bare-shortener": "Updates at t.me/closethecamps and bit.ly/x and example.xyz",
    "bare-trailing-slash": "mid.ru/en/",
    "heart-hands-tone": "🫶🏻",
}
# Emoji newer than the oracle's 2019 table: X itself may count them 2, the oracle
# counts them per code point; we must never count below the oracle (the safe side).
NEWER_EMOJI: dict[str, str] = {"trans-flag": "🏳️‍⚧️", "heart-hands-tone": "🫶🏻"}


@pytest.mark.parametrize("name", sorted(FIXED))
def test_former_divergences_match_oracle(name: str) -> None:
    text = FIXED[name]
    assert weighted_length(text) == oracle(text), text


@pytest.mark.parametrize("name", sorted(NEWER_EMOJI))
def test_newer_emoji_never_count_below_oracle(name: str) -> None:
    text = NEWER_EMOJI[name]
    assert weighted_length(text) >= oracle(text), text


def _corpus(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    names = sorted(PIECES)
    seps = [" ", " ", " ", "\n", " - ", " | "]
    out = []
    for _ in range(n):
        parts = [PIECES[rng.choice(names)] for _ in range(rng.randint(1, 12))]
        text = ""
        for p in parts:
            text += (rng.choice(seps) if text else "") + p
        out.append(text)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_mixed_corpus_matches_oracle(seed: int) -> None:
    bad = [
        (t, weighted_length(t), oracle(t))
        for t in _corpus(150, seed)
        if weighted_length(t) != oracle(t)
    ]
    assert not bad, bad[:3]


def test_shipped_posts_match_oracle() -> None:

    import yaml

    texts = []
    for f in sorted(REPO.glob("messages/posts/*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        texts += [
            p["text"]
            for p in data.get("posts") or []
            if isinstance(p, dict) and isinstance(p.get("text"), str)
        ]
    assert texts
    assert [weighted_length(t) for t in texts] == [oracle(t) for t in texts]


@pytest.mark.parametrize("n", [279, 280, 281])
def test_limit_boundary(n: int) -> None:
    text = "é" * n
    assert weighted_length(text) == n == oracle(text)
    assert (weighted_length(text) <= MAX_WEIGHTED) == oracle_valid(text)


def test_nfc_before_counting() -> None:
    decomposed = "e\u0301" * 200
    assert weighted_length(decomposed) == 200 == oracle(decomposed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#CloseTheCamps", ["CloseTheCamps"]),
        ("a #CloseTheCamps b #EyesOnChechnya", ["CloseTheCamps", "EyesOnChechnya"]),
        ("#ЗакройтеЛагеря", ["ЗакройтеЛагеря"]),
        ("＃全角", ["全角"]),
        ("#2017", []),  # digits only is not a hashtag
        ("#2017camps", ["2017camps"]),
        ("a#b", []),  # must start a word
        ("&#39;", []),  # HTML entity, not a tag
        ("#Close_The_Camps.", ["Close_The_Camps"]),
        ("no tags here", []),
    ],
)
def test_hashtags(text: str, expected: list[str]) -> None:
    assert hashtags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@someone hi", ["someone"]),
        ("(@someone)", ["someone"]),
        ("＠fullwidth", ["fullwidth"]),
        ("press@lgbtnet.org", []),  # an e-mail address is not a mention
        ("a@b", []),
        ("@" + "x" * 20, ["x" * 15]),
        ("no mentions", []),
    ],
)
def test_mentions(text: str, expected: list[str]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Go to https://lgbtnet.org.", ["https://lgbtnet.org"]),
        ("(https://un.org/en)", ["https://un.org/en"]),
        ("«https://amnesty.org/ru/»", ["https://amnesty.org/ru/"]),
        ("see www.lgbtnet.org!", ["www.lgbtnet.org"]),
        ("http://lgbtnet.org", ["http://lgbtnet.org"]),
        ("bare lgbtnet.org here", ["lgbtnet.org"]),
        ("bare amnesty.org/en/latest, ok", ["amnesty.org/en/latest"]),
        ("https://a.org and https://b.org", ["https://a.org", "https://b.org"]),
        ("e.g. and i.e. and node.js", []),
        ("press@lgbtnet.org", []),
        # twitter-text's rules: a URL stops at CJK text, a bare domain needs ASCII.
        (
            "http://twitter.com/これは日本語です。example.com中国語",
            ["http://twitter.com/", "example.com"],
        ),
        ("\u2066http://foobar.پاکستان/\u2069", ["http://foobar.پاکستان/"]),
        ("https://" + "x" * 64 + ".com/a", []),  # a label over 63 characters
        ("https://lgbtnet.org@evil.com", []),  # X links nothing here (the oracle agrees)
    ],
)
def test_links(text: str, expected: list[str]) -> None:
    assert links(text) == expected


@pytest.mark.parametrize(
    "text", ["t.me/closethecamps", "bit.ly/abc", "see example.xyz", "amnesty.ngo"]
)
def test_links_sees_every_domain_x_links(text: str) -> None:
    assert links(text), text


def test_lenient_links_see_what_another_client_may_link() -> None:
    assert lenient_links("see https://lgbtnet.org@evil.com.") == ["https://lgbtnet.org@evil.com"]


@pytest.mark.parametrize("seed", range(2))
def test_links_match_the_oracle_on_the_mixed_corpus(seed: int) -> None:

    bad = [(t, links(t), oracle_urls(t)) for t in _corpus(150, seed) if links(t) != oracle_urls(t)]
    assert not bad, bad[:2]


@pytest.mark.parametrize("before", ["", " ", "\n", "\u3000", "\xa0", "à ", "https://a.org "])
def test_a_run_links_alike_wherever_it_stands(before: str) -> None:
    # The scanner remembers each run of non-spaces: what it finds there must not depend
    # on what came before the run, at the start of a text or after any kind of space.

    bad = [
        (p, links(before + p), oracle_urls(before + p))
        for p in PIECES.values()
        if links(before + p) != oracle_urls(before + p)
    ]
    assert not bad, bad[:2]
