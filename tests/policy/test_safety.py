"""The safety rules of the mention policy, each on mentions a person would write.

Driven through route_one (locate, language choice and decide on the shipped, approved
library), so each test checks what the bot would really do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.commands.route import route_one
from bot.content import config as cfg
from tests.support.paths import DATA, REPO


@pytest.fixture(scope="module")
def config() -> cfg.Config:
    config, problems = cfg.check(REPO)
    assert config is not None, [p.render() for p in problems]
    return config


def route(
    config: cfg.Config, text: str, lang: str | None = None, location: str | None = None
) -> dict[str, Any]:
    return route_one(config, "m1", "@CloseTheCampsBot " + text, lang, location)


PROTECTED = [
    # 1. Russian (or a North Caucasus language) placing the writer nowhere outside Russia.
    "Как помочь?",
    "Где подписать петицию?",
    "а что делает посольство Германии?",
    "Салам. Со Нохчийчохь веха. ХIинца хIун хуьлу?",
    "Со Соьлжа-Г1алара ву",
    "Ассалам Ӏалайкум. Со Шела ву.",
    # 2. Every town of the North Caucasus, inflected, in any script.
    "Mieszkam w Majkopie. Jak mogę pomóc?",
    "я в Урус-Мартане, что делать?",
    "Baksan'da yaşıyorum, nasıl yardım edebilirim?",
    "I live in Nazran, how can I help?",
    "Saludos desde Jasaviurt. ¿Qué puedo hacer?",
    "v Makhachkale seichas, kak pomoch?",
    "Greetings from Kurchaloy",
    "Je suis à Magas depuis un an pour le travail.",
    # 3. Censorship.
    "using a vpn bc twitter is blocked here. how can i help quietly?",
    "РКН blocked everything again, writing via vpn. what do you need?",
    "Roskomnadzor will probably block this account too. any safe channels?",
    "Je ne peux pas dire où je suis, mais je veux aider.",
    "Muss VPN benutzen, Twitter ist hier gesperrt. Wie kann ich helfen?",
    # 4. A campaign place with a self-placement phrase, in any supported language.
    "je suis étudiante à Moscou, est-ce que je peux aider discrètement ?",
    "ich wohne in Sankt Petersburg, was kann ich tun?",
    "vivo en Moscú, ¿qué hago?",
    "Moskova'da yaşıyorum, nasıl destek olabilirim?",
    "Ik zit voor mijn werk in Grozny",
    # 5. A country that criminalises same-sex relations, or its language with no place.
    "I live in Lagos. How can I support?",
    "Kampala here, how do I help?",
    "سلام، من در تهران زندگی می‌کنم. چطور می‌توانم کمک کنم؟",
    "Saya tinggal di Kuala Lumpur. Macam mana saya boleh bantu?",
    "Habari, ninaishi Nairobi. Ninawezaje kusaidia?",
]


@pytest.mark.parametrize("text", PROTECTED)
def test_who_may_be_in_danger_gets_the_one_neutral_message(config: cfg.Config, text: str) -> None:
    r = route(config, text)
    assert r["policy"] == "protect", r
    assert config.replies.protect and r["reply"] == "@someone " + config.replies.protect


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Russian speakers who say where they live abroad are answered with that country.
        ("я живу в Берлине, как помочь?", "DE"),
        ("я из Алматы, пишу по-русски. как помочь?", "KZ"),
        # Other Cyrillic languages are not protected for their language alone.
        ("Я жыву ў Мінску. Чым можна дапамагчы?", "BY"),
        ("Живея в София. Как мога да помогна?", "BG"),
        ("Живим у Београду. Како могу да помогнем?", "RS"),
        ("Мен Бишкекте жашайм, кантип жардам берсем болот?", "KG"),
        ("як я можу допомогти?", None),
        # A VPN for another reason, from somewhere they name.
        ("I'm in Toronto and use a VPN for work, what can I do?", "CA"),
        # Campaign places as the topic.
        ("I live in Leeds. What is happening in Grozny is horrifying, how can I help?", "GB"),
        # Thanks with a question still gets an answer.
        ("thanks! I'm in Oslo, what can I do?", "NO"),
    ],
)
def test_ordinary_people_get_their_countrys_reply(
    config: cfg.Config, text: str, country: str | None
) -> None:
    r = route(config, text)
    assert (r["policy"], r["country"]) == ("reply", country), r


def test_the_at_risk_list_can_be_overridden_or_switched_off(config: cfg.Config) -> None:
    from dataclasses import replace

    off = replace(config, replies=replace(config.replies, at_risk=frozenset()))
    assert route(off, "I live in Lagos. How can I support?")["policy"] == "reply"
    only_ng = replace(config, replies=replace(config.replies, at_risk=frozenset({"NG"})))
    assert route(only_ng, "I live in Lagos. How can I support?")["policy"] == "protect"
    assert route(only_ng, "I live in Kampala. How can I support?")["policy"] == "reply"


def test_a_home_that_may_be_at_risk_protects(config: cfg.Config) -> None:
    # Placed nowhere, but one of the homes the evidence allows criminalises: protect.
    assert route(config, "How can I support?", "en", "Lagos | London")["policy"] == "protect"
    assert route(config, "How can I support?", "en", "Oslo | London")["policy"] == "reply"
    # A profile home beats an origin: a Nigerian in London gets the UK's reply.
    r = route(config, "I'm Nigerian. How can I support?", "en", "London, UK")
    assert (r["policy"], r["country"]) == ("reply", "GB"), r


def test_route_still_shows_an_at_risk_country(config: cfg.Config) -> None:
    r = route(config, "I live in Lagos. How can I support?")
    assert (r["policy"], r["country"]) == ("protect", "NG")


REFUSALS = [
    "don't tag me",
    "no thanks",
    "remove me from this",
    "leave me out of this",
    "please stop mentioning me",
    "stop tagging me pls",
    "not interested",
    "bitte markiert mich nicht mehr",
    "lasst mich da raus",
    "nein danke",
    "ne me mentionnez plus svp",
    "non merci",
    "retirez-moi de ce fil",
    "no me etiquetes, gracias",
    "sácame de esto por favor",
    "no gracias",
    "non taggarmi per favore",
    "tag me niet aub",
    "nie oznaczaj mnie",
    "para de me marcar",
    "sluta tagga mig",
    "не отмечайте меня",
]


@pytest.mark.parametrize("text", REFUSALS)
def test_refusals_opt_out(config: cfg.Config, text: str) -> None:
    from bot.policy.decide import AuthorState, decide

    d = decide(
        "@CloseTheCampsBot " + text,
        author_handle="someone",
        mention_id="1",
        lang=None,
        author_location=None,
        state=AuthorState(),
        library=config.replies,
    )
    assert (d.policy, d.reason, d.opt_out) == ("skip", "opt-out", True)


@pytest.mark.parametrize(
    "text",
    [
        "stop the camps",
        "how do I stop this?",
        "no thanks to Putin, what can I do?",
        "stop this madness, what can I do?",
    ],
)
def test_a_call_to_action_is_not_a_refusal(config: cfg.Config, text: str) -> None:
    assert route(config, text)["policy"] == "reply"


@pytest.mark.parametrize(
    "text",
    [
        "thank you for doing this 🏳️‍🌈",
        "🙏🙏",
        "respect 👏👏 keep going",
        "merci ❤️",
        "danke für eure Arbeit",
        "gracias por todo 👏",
        "grazie mille",
        "bedankt, mooi werk",
        "dziękuję bardzo",
        "obrigada por esse trabalho ❤️❤️",
        "tack för att ni finns",
        "amazing work, thank you all",
    ],
)
def test_thanks_praise_or_emoji_alone_are_skipped(config: cfg.Config, text: str) -> None:
    assert route(config, text)["policy"] == "skip"


@pytest.mark.parametrize(
    ("text", "lang", "want", "detected"),
    [
        ("Ich wohne in Leipzig, wie kann ich helfen?", None, "de", "de"),
        ("Ich wohne in Leipzig, wie kann ich helfen?", "und", "de", "de"),
        ("j'habite à Lyon, comment aider ?", "zxx", "fr", "fr"),
        # The platform's own tag wins when it means a language.
        ("Ich wohne in Leipzig, wie kann ich helfen?", "en", "en", None),
    ],
)
def test_reply_language_is_detected_when_the_platform_gives_none(
    config: cfg.Config, text: str, lang: str | None, want: str, detected: str | None
) -> None:
    r = route(config, text, lang=lang)
    assert (r["language"], r["language_detected"]) == (want, detected)


def _rows(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize(
    ("name", "missed_allowed", "needless_allowed", "unanswered_allowed"),
    [
        # Written from the rules alone by helpers who never saw this code. A and B
        # came first. First scores (before these rules): A missed 36 of 70 protection cases
        # and 21 of 30 skips, protected 3 of 60 needlessly; B missed 25 of 50 and 22 of 25,
        # protected 11 of 85 needlessly. C and D were written after the rules, to measure
        # them: C first missed 6 of 55 (Kampala, Uzbek Cyrillic, Jamaican patois, Ghanaian
        # Pidgin, Russian in Latin letters, "ekb"), needlessly protected 4 of 70, answered 6
        # of 25 skips; D (weighted to Russian speakers abroad) first missed 1 of 15 and
        # needlessly protected 25 of 125. Needless now: Russian speakers abroad with a tie to
        # Russia or whose city the gazetteer cannot read in Cyrillic; Arabic, Persian and Urdu
        # writers abroad whose city it could not read in their script (it can since issue
        # 13, with Kazakh, Kyrgyz, Georgian, Armenian, Macedonian and Russian "переехал в",
        # "Таллин. Живу здесь": needless A 5 -> 1, B 16 -> 9, C 4 -> 3, D 24 -> 14).
        ("mentions_safety_a.jsonl", 0, 1, 0),
        ("mentions_safety_b.jsonl", 0, 8, 0),
        ("mentions_safety_c.jsonl", 0, 2, 0),
        # D's one miss at first, "karachi se hoon" (romanised Urdu), is now read.
        ("mentions_safety_d.jsonl", 0, 13, 0),
    ],
)
def test_fresh_safety_sets(
    config: cfg.Config,
    name: str,
    missed_allowed: int,
    needless_allowed: int,
    unanswered_allowed: int,
) -> None:
    missed, needless, wrong_skip = [], [], []
    for row in _rows(name):
        r = route_one(config, row["id"], row["text"], row.get("lang"), row.get("author_location"))
        if row["expect"] == "protect" and r["policy"] != "protect":
            missed.append(row["id"])
        elif row["expect"] == "reply" and r["policy"] == "protect":
            needless.append(row["id"])
        elif row["expect"] == "skip" and r["policy"] != "skip":
            wrong_skip.append(row["id"])
    assert len(missed) <= missed_allowed, missed
    assert len(needless) <= needless_allowed, needless
    assert len(wrong_skip) <= unanswered_allowed, wrong_skip


@pytest.mark.parametrize(
    ("name", "public_allowed"),
    [
        # Answered publicly (a reply with resources) though labelled in Russia or in a
        # country of at_risk.yaml. C: four people in Russia whose town the rules do not
        # reach (README).
        ("a", 1), ("b", 1), ("c", 4), ("d", 0), ("e", 0), ("f", 1), ("g", 0), ("h", 1), ("i", 1),
        # J: Jerusalem as a profile, placed in Israel (the label also allows Palestine).
        ("j", 1), ("k", 0), ("l", 0), ("m", 0), ("n", 0), ("o", 0),
        ("p", 0), ("q", 0), ("r", 0), ("s", 0),
    ],
)  # fmt: skip
def test_world_sets_answer_few_who_may_be_at_risk_publicly(
    config: cfg.Config, name: str, public_allowed: int
) -> None:
    at_risk = config.replies.at_risk
    public = []
    for row in _rows(f"mentions_world_{name}.jsonl"):
        if not (row.get("russia") or at_risk & {a for a in row["accept"] if a}):
            continue
        r = route_one(config, row["id"], row["text"], row.get("lang"), row.get("author_location"))
        if r["policy"] == "reply":
            public.append(row["id"])
    assert len(public) <= public_allowed, public


def test_the_daemon_never_logs_or_stores_where_a_protected_person_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging
    import sqlite3

    from bot.platforms.sandbox import SandboxPlatform
    from bot.runtime.engine import Engine
    from bot.runtime.store import Store
    from tests.support.roots import make_root

    root = make_root(tmp_path)
    config, problems = cfg.check(root)
    assert config is not None, [p.render() for p in problems]
    platform = SandboxPlatform(tmp_path / "sandbox.sqlite3")
    for i, (text, loc) in enumerate(
        [
            ("I live in Lagos. How can I support?", None),
            ("how can I help?", "Tehran, Iran"),
            ("я живу в Казани, как помочь?", None),
        ]
    ):
        platform.inject_mention("@CloseTheCampsBot " + text, user=f"u{i}", location=loc)
    engine = Engine(platform, Store(tmp_path / "state.sqlite3"), config)
    with caplog.at_level(logging.DEBUG):
        engine.read_mentions()
    engine.store.close()
    platform.close()
    db = sqlite3.connect(tmp_path / "state.sqlite3")
    rows = db.execute("SELECT policy, country FROM mentions").fetchall()
    assert rows == [("protect", None)] * 3
    logged = " ".join(f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in caplog.records)
    for place in ("NG", "IR", "RU", "Lagos", "Tehran", "Казан"):
        assert place not in logged


@pytest.mark.parametrize(
    "text",
    [
        # A town in a country of at_risk.yaml opening the message: not placed (it may be
        # the news), but a home the policy protects (session 6's set O).
        "in Colombo. is it safe to even retweet this?",
        "Tashkent. how can I help?",
        "gue anak Bandung, mau ikut tanda tangan petisi dong",
    ],
)
def test_a_town_at_risk_opening_the_message_is_protected(config: cfg.Config, text: str) -> None:
    r = route_one(config, "1", f"@CloseTheCampsBot {text}", None, None)
    assert r["policy"] == "protect", r
