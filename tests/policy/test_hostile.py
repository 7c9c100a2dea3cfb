"""Hostile mentions (property tests): routing never raises, replies never echo.

Every reply is at most 280 weighted characters, never contains the mention's text
or any handle but the author's, and every protect reply has the same body.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import config as cfg
from bot.content.model import ReplyLibrary
from bot.content.textrules import mentions, weighted_length
from bot.policy.decide import AuthorState, decide
from tests.support.examples import long_text_examples
from tests.support.paths import REPO

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
handles = st.from_regex(r"[A-Za-z0-9_]{1,15}", fullmatch=True)
markers = st.from_regex(r"[A-Za-z]{6}[0-9]{4}[A-Za-z]{4}", fullmatch=True)
pieces = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=BIDI + INVISIBLE + "abc ", max_size=40),
    handles.map(lambda h: "@" + h),
    st.sampled_from(
        [
            "https://evil.example/x",
            "www.spam.example",
            "<script>alert(1)</script>",
            "**bold** _it_ [link](http://x)",
            "&amp;&lt;",
            "#CloseTheCamps",
            "I'm in Berlin",
            "я живу в Москве",
            "🇷🇺",
            "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            "STOP",
            "\n\n\t",
        ]
    ),
)
texts = st.lists(pieces, max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def library() -> ReplyLibrary:
    config, problems = cfg.check(REPO)
    assert config is not None, [p.render() for p in problems]
    return config.replies


# Example counts come from the hypothesis profile (see tests/conftest.py).
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LONG_SETTINGS = settings(SETTINGS, max_examples=long_text_examples())


@pytest.mark.slow
@SETTINGS
@given(
    text=texts,
    marker=markers,
    author=handles,
    other=handles,
    lang=st.one_of(st.none(), st.sampled_from(["en", "de", "ru", "fr", "xx", "zh-Hant", ""])),
    where=st.one_of(st.none(), st.text(max_size=60)),
)
def test_routing_never_raises_and_never_echoes(
    library: ReplyLibrary,
    text: str,
    marker: str,
    author: str,
    other: str,
    lang: str | None,
    where: str | None,
) -> None:
    mention = f"@CloseTheCampsBot {text} {marker} @{other}"
    d = decide(
        mention,
        author_handle=author,
        mention_id=marker,
        lang=lang,
        author_location=where,
        state=AuthorState(),
        library=library,
    )
    assert d.policy in ("reply", "protect", "skip")
    if d.reply is None:
        return
    assert weighted_length(d.reply) <= 280
    assert d.reply.startswith(f"@{author} ")
    body = d.reply[len(author) + 2 :]
    assert marker not in body
    assert "@" not in body  # no handle but the author's, which leads the reply
    assert mentions(d.reply) == [author]


@pytest.mark.slow
@LONG_SETTINGS
@given(size=st.integers(min_value=5_000, max_value=10_000), seed=st.text(min_size=1, max_size=20))
def test_ten_thousand_character_mentions(library: ReplyLibrary, size: int, seed: str) -> None:
    text = (seed * (size // len(seed) + 1))[:size]
    d = decide(
        text,
        author_handle="someone",
        mention_id="1",
        lang=None,
        author_location=text,
        state=AuthorState(),
        library=library,
    )
    assert d.reply is None or weighted_length(d.reply) <= 280


RUSSIA = [
    "я живу в Грозном",
    "I'm in Moscow",
    "I live in Kazan, Russia",
    "🇷🇺 help",
    "мне страшно, помогите",
    "greetings from St Petersburg",
    "я из Чечни",
]


@pytest.mark.slow
@SETTINGS
@given(
    place=st.sampled_from(RUSSIA),
    noise=texts,
    author=handles,
    mid=markers,
    lang=st.sampled_from(["ru", "en", None]),
)
def test_all_protect_replies_have_the_same_body(
    library: ReplyLibrary, place: str, noise: str, author: str, mid: str, lang: str | None
) -> None:
    d = decide(
        f"@CloseTheCampsBot {place}. {noise[:80]}",
        author_handle=author,
        mention_id=mid,
        lang=lang,
        author_location=None,
        state=AuthorState(),
        library=library,
    )
    if d.policy != "protect":
        # Noise may turn it into an opt-out ("STOP"); it must never become a reply.
        assert d.policy == "skip"
        return
    assert d.country is None
    assert d.reply is not None
    assert d.reply == f"@{author} {library.protect}"
