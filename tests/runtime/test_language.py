"""bot.runtime.language: the reply language when the platform gives none."""

from __future__ import annotations

import pytest

from bot.runtime.language import choose, detect


@pytest.mark.parametrize(
    "text", ["rani f Wahran khouya, kifach n3awnou?", "ana 3ayech f Tunis, chnowa na7ki?"]
)
def test_arabic_in_latin_letters_is_arabic(text: str) -> None:
    # The model never saw Arabizi and calls it German or Dutch.
    assert detect(text) == "ar"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("I live in Leeds, how do I help?", "en"), ("Ich wohne in Graz, wie kann ich helfen?", "de")],
)
def test_plain_text_is_detected(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_a_meaningful_platform_tag_wins_and_und_does_not() -> None:
    assert choose("fr", "I live in Leeds, how do I help?") == ("fr", False)
    assert choose("und", "I live in Leeds, how do I help?") == ("en", True)
    assert choose(None, "✊✊") == (None, False)
