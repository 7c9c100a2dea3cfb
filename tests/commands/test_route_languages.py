"""`route` end to end in every reply language: a mention tagged with a language that has a
file in messages/replies/ gets its reply in that language, from the shipped approvals."""

from __future__ import annotations

from functools import cache

import pytest

from bot.commands._common import load_config
from bot.commands.route import route_one
from bot.content import config as cfg
from tests.support.paths import REPO

REPLY_LANGUAGES = sorted(
    f.stem for f in (REPO / "messages/replies").glob("*.yaml") if f.stem != "protect"
)
# "How can I help? I live in Berlin." as people write it. Words that mark a language of
# the at-risk countries ("saya", "tinggal", "boleh"...) would rightly get the protect
# message, so the Indonesian, Malay and Swahili lines avoid them. A language without a
# line here is routed with a bare "Berlin?": the tag alone must choose the language.
MENTIONS = {
    "en": "I live in Berlin, how can I help?",
    "de": "Ich wohne in Berlin, wie kann ich helfen?",
    "zh": "我住在柏林，我能做些什么？",
    "ja": "ベルリンに住んでいます。何ができますか？",
    "ko": "저는 베를린에 살아요. 어떻게 도울 수 있나요?",
    "vi": "Tôi sống ở Berlin, tôi có thể giúp gì?",
    "th": "ฉันอยู่ที่เบอร์ลิน ช่วยอะไรได้บ้าง",
    "id": "Aku di Berlin, apa yang bisa kubantu?",
    "ms": "Aku di Berlin, apa yang patut aku buat?",
    "tl": "Nakatira ako sa Berlin, paano ako makakatulong?",
    "sw": "Niko Berlin, nifanye nini?",
    "ca": "Visc a Berlín, com puc ajudar?",
    "da": "Jeg bor i Berlin, hvordan kan jeg hjælpe?",
    "no": "Jeg bor i Berlin, hvordan kan jeg hjelpe?",
    "cs": "Bydlím v Berlíně, jak můžu pomoct?",
    "ro": "Locuiesc în Berlin, cum pot ajuta?",
}


@cache
def shipped() -> cfg.Config:
    config = load_config(REPO)
    assert config is not None
    return config


def test_every_new_language_has_a_file() -> None:
    assert set(MENTIONS) <= set(REPLY_LANGUAGES)


@pytest.mark.parametrize("lang", REPLY_LANGUAGES)
def test_a_mention_tagged_with_a_reply_language_gets_a_reply_in_it(lang: str) -> None:
    config = shipped()
    text = "@CloseTheCampsBot " + MENTIONS.get(lang, "Berlin?")
    r = route_one(config, "1", text, lang, "Berlin, Germany")
    assert (r["country"], r["policy"], r["language"]) == ("DE", "reply", lang), r
    germany = config.replies.countries["DE"]
    bodies = {t.render(germany, "someone") for t in config.replies.templates[lang]}
    assert r["reply"] in bodies
