"""bot.content.lengths: each platform's length, and X's against twitter-text's own suite."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.content.lengths import (
    BLUESKY,
    MASTODON,
    X,
    bluesky_link_text,
    bluesky_text,
    graphemes,
    length_problems,
    mastodon_limit,
    measure,
    measure_all,
)
from bot.content.textrules import nfc, run_weight, url_spans
from tests.support.oracle import oracle
from tests.support.paths import DATA, REPO

# The v3 weighted-length sections of twitter-text's conformance/validate.yml (Apache-2.0,
# see tests/data/twitter-text/NOTICE): twitter-text runs both with its default config, v3.
# (WeightedTweetsCounterTest is config v2, which does not discount emoji sequences.)
V3_SECTIONS = (
    "WeightedTweetsWithDiscountedEmojiCounterTest",
    "UnicodeDirectionalMarkerCounterTest",
)


def _cases() -> list[Any]:
    suite = yaml.safe_load((DATA / "twitter-text" / "validate.yml").read_text(encoding="utf-8"))
    return [
        pytest.param(case, id=f"{section}-{i}")
        for section in V3_SECTIONS
        for i, case in enumerate(suite["tests"][section])
    ]


def test_the_suite_holds_the_24_v3_cases() -> None:
    assert len(_cases()) == 24


@pytest.mark.parametrize("case", _cases())
def test_x_length_passes_twitter_text_conformance(case: dict[str, Any]) -> None:
    m = measure(case["text"], X)
    assert m.length == case["expected"]["weightedLength"], case["description"]
    assert m.ok is case["expected"]["valid"], case["description"]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("👨‍👩‍👧‍👦", 1),  # ZWJ family
        ("👩🏽‍💻", 1),  # skin tone and ZWJ
        ("👍🏽", 1),
        ("🇬🇧🇩🇪", 2),  # two flags
        ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 1),  # tag flag
        ("🏳️‍⚧️", 1),
        ("1️⃣", 1),
        ("e\u0301\u0302", 1),  # combining marks
        ("각", 1),
        ("\r\n", 1),
        ("Close", 5),
    ],
)
def test_graphemes_are_extended_clusters(text: str, n: int) -> None:
    assert graphemes(text) == n
    assert measure(text, BLUESKY).length == n


@pytest.mark.parametrize(("n", "ok"), [(300, True), (301, False)])
def test_bluesky_grapheme_limit(n: int, ok: bool) -> None:
    m = measure("é" * n, BLUESKY)
    assert (m.length, m.ok) == (n, ok)


def test_bluesky_byte_limit_holds_when_graphemes_fit() -> None:
    family = "👨‍👩‍👧‍👦"  # 25 bytes, one grapheme
    m = measure(family * 121, BLUESKY)
    assert (m.length, m.bytes, m.byte_limit, m.ok) == (121, 3025, 3000, False)
    assert measure(family * 120, BLUESKY).ok


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://lgbtnet.org", "lgbtnet.org"),
        ("https://lgbtnet.org/", "lgbtnet.org"),
        ("https://www.amnesty.org/en/", "www.amnesty.org/en/"),
        ("https://un.org/12345678901234", "un.org/12345678901234"),  # 15: kept whole
        ("https://un.org/123456789012345", "un.org/123456789012…"),  # 16: 13 and …
        ("https://change.org/p/close?x=1&y=22", "change.org/p/close?x=1&…"),
        ("https://un.org/a#b", "un.org/a#b"),
    ],
)
def test_bluesky_link_text(url: str, shown: str) -> None:
    assert bluesky_link_text(url) == shown


def test_bluesky_measures_the_text_as_posted_with_byte_offsets() -> None:
    url = "https://www.amnesty.org/en/latest/news/2017/04/chechnya/"
    text = f"Read «this» {url} #CloseTheCamps"
    posted = bluesky_text(text)
    shown = "www.amnesty.org/en/latest/ne…"
    assert posted.text == f"Read «this» {shown} #CloseTheCamps"
    ((start, end, full),) = posted.links
    assert posted.text.encode("utf-8")[start:end].decode("utf-8") == shown and full == url
    assert measure(text, BLUESKY).length == graphemes(posted.text) < len(text)


def test_a_bare_domain_is_text_on_bluesky_and_mastodon() -> None:
    assert bluesky_text("see lgbtnet.org").links == ()
    assert measure("see lgbtnet.org", MASTODON).length == 15
    assert measure("see lgbtnet.org", X).length == 27


def test_a_link_ending_in_any_tld_x_knows_is_a_link() -> None:
    # The scanner looks for hosts only where a dot comes before a letter.
    lines = (REPO / "bot/content/data/tlds.txt").read_text(encoding="utf-8").splitlines()
    tlds = [t for t in lines if t and not t.startswith("#")]
    assert len(tlds) > 1000
    for tld in tlds:
        for host in (f"example.{tld}", f"example.{tld.upper()}"):
            text = f"see https://{host}/a now"
            assert url_spans(text) == ((4, 4 + len(host) + 10),), tld


def test_mastodon_counts_every_link_as_reserved() -> None:
    long = "https://members.parliament.uk/" + "a" * 200
    assert measure(f"Write {long} now", MASTODON).length == 6 + 23 + 4
    assert measure(f"Write {long} now", mastodon_limit(1000, 30)).length == 6 + 30 + 4
    assert measure("👨‍👩‍👧‍👦 ok", MASTODON).length == 4  # graphemes, not code points
    assert measure("x" * 500, MASTODON).ok and not measure("x" * 501, MASTODON).ok
    assert not measure("x" * 401, mastodon_limit(400)).ok


def test_empty_fits_nowhere() -> None:
    assert not any(m.ok for m in measure_all("").values())


def test_problems_name_the_platform() -> None:
    text = "é" * 312
    problems = length_problems(text)
    assert problems == [
        (
            "text is 312 weighted characters, over X's 280",
            "shorten it by 32 (each link counts 23, emoji and CJK 2)",
        ),
        (
            "text is 312 graphemes, over Bluesky's 300",
            "shorten it by 12 (each link shows as its host and 13 characters)",
        ),
    ]
    assert length_problems(text, [MASTODON]) == []
    too_heavy = length_problems("👨‍👩‍👧‍👦" * 121, [BLUESKY])
    assert [w for w, _ in too_heavy] == ["text is 3025 bytes of UTF-8, over Bluesky's 3000"]


# Pieces that join or split graphemes and links at a space or a line break.
_TRICKY = [
    " ",
    " ",
    "\n",
    "\r",
    "\r\n",
    "\u0301",
    "\u0600",
    "\u200d",
    "\u0903",
    "e",
    "é",
    "ب",
    "👨‍👩‍👧‍👦",
    "🇺🇦",
    "🇺",
    "각",
    "ᄀ",
    "あ",
    "https://lgbtnet.org/ru/very-long-path-here",
    "lgbtnet.org",
    "https://un.org/a\u0301",
    "(",
    "):",
    "…",
    "#CloseTheCamps",
    "\u3000",
]


@given(st.lists(st.sampled_from(_TRICKY), max_size=24).map("".join))
def test_measuring_run_by_run_is_measuring_the_whole_text(text: str) -> None:
    # The reference: each platform's rule applied to the whole text at once.
    links = [text[a:b] for a, b in url_spans(text) if text[a:b].lower().startswith("http")]
    mastodon = graphemes(text) + sum(23 - graphemes(u) for u in links)
    posted = bluesky_text(text).text
    got = measure_all(text)
    assert got["mastodon"].length == mastodon
    # X: the whole text weighed as one run, and never below the oracle (where they differ
    # we count more: tests/content/test_textrules.py holds the known cases).
    assert got["x"].length == run_weight(nfc(text), True) >= oracle(text)
    assert (got["bluesky"].length, got["bluesky"].bytes) == (
        graphemes(posted),
        len(posted.encode("utf-8")),
    )
