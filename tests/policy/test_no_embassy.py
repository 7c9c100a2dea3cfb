"""Countries with no Russian embassy to ask (Ukraine since 2022, Georgia since 2008).

A person there must never be sent to mid.ru or told to write to Russia's embassy: every
language's reply uses parliament and the UN mission instead, and a language whose templates
all ask for the embassy falls back to English rather than to no reply.
"""

from __future__ import annotations

import re

import pytest

from bot.content.model import ReplyLibrary
from bot.policy.compose import compose
from bot.policy.decide import AuthorState, decide

NO_EMBASSY = ("UA", "GE")
# "embassy" in the languages the bot replies in (and a few more it will): none may appear.
EMBASSY_WORDS = re.compile(
    r"embass|botschaft|ambassad|embajad|ambasciat|embaixad|ambasad|посольств|посолств|"
    r"амбасад|velvyslan|veľvyslan|nagykövet|suurlähetyst|büyükelçi|πρεσβε|сольство|"
    r"سفار|שגרירות|大使館|大使馆|대사관|đại sứ|สถานทูต|kedutaan|embahada|ubalozi|"
    r"ambaixada|veleposlan|амбасада|ambasáda|ambassaden",
    re.IGNORECASE,
)


def reply_for(library: ReplyLibrary, country: str, lang: str, mention_id: str) -> str | None:
    def place(text: str, where: str | None, lg: str | None) -> _Place:
        return _Place(country)

    d = decide(
        "@CloseTheCampsBot how can I help?",
        author_handle="abcdefghij12345",
        mention_id=mention_id,
        lang=lang,
        author_location=None,
        state=AuthorState(),
        library=library,
        locator=place,
    )
    assert (d.policy, d.reason, d.country) == ("reply", "country", country)
    return d.reply


class _Place:
    def __init__(self, country: str) -> None:
        self.country = country
        self.confidence = 0.9
        self.reason = "test"
        self.may_be_in_russia = False
        self.risk_language = False
        self.homes: tuple[str, ...] = ()


def test_the_shipped_entries_say_there_is_no_embassy(library: ReplyLibrary) -> None:
    for code in NO_EMBASSY:
        assert library.countries[code].embassy is None
        assert "embassy" not in library.countries[code].values("en")


@pytest.mark.parametrize("country", NO_EMBASSY)
def test_no_language_sends_them_to_mid_ru_or_an_embassy(
    library: ReplyLibrary, country: str
) -> None:
    res = library.countries[country]
    # Every language with templates, plus the country's own (which may have none yet).
    langs = sorted({*library.templates, "uk", "ka"})
    for lang in langs:
        replies = {reply_for(library, country, lang, str(i)) for i in range(40)}
        for reply in replies:
            assert reply is not None, lang
            assert "mid.ru" not in reply, (lang, reply)
            assert not EMBASSY_WORDS.search(reply), (lang, reply)
            assert res.reps in reply or res.un in reply, (lang, reply)


def test_a_language_whose_templates_all_need_the_embassy_falls_back_to_english(
    library: ReplyLibrary,
) -> None:
    only_embassy = tuple(t for t in library.templates["de"] if "embassy" in t.fields)
    assert only_embassy
    lib = ReplyLibrary(
        library.countries,
        library.generic,
        {**library.templates, "de": only_embassy},
        library.protect,
    )
    used, reply = compose(lib, lib.countries["UA"], "de", "alice", "1")
    assert used == "en" and reply is not None and "mid.ru" not in reply
    # Where the embassy exists, German still gets German.
    used, reply = compose(lib, lib.countries["DE"], "de", "alice", "1")
    assert used == "de" and reply is not None and "germany.mid.ru" in reply
