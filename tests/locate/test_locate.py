"""Behaviour of bot.locate.locate: only the public function is called."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.locate import Placement, locate
from tests.support.examples import long_text_examples
from tests.support.paths import DATA, REPO

# The shared sample beside the checkout (as CI lays it out), else the copy kept here.
SAMPLE = next(
    p
    for p in (REPO.parent / "shared/samples/mentions_sample.jsonl", DATA / "mentions_sample.jsonl")
    if p.exists()
)
LABELLED = DATA / "mentions_labelled.jsonl"
# Written by a separate author from the rules in the issue alone, without seeing this
# code or the sets above, to judge the rules on mentions they were not built from.
HELDOUT = DATA / "mentions_heldout.jsonl"
# A second such set, stressing regions, nicknames, profiles and more languages. Both
# were scored before the rules were revised for what they found (148/160 and 175/200);
# they now guard those revisions.
HELDOUT2 = DATA / "mentions_heldout2.jsonl"
# A third, in the style of real replies: long, buried places, typos, lists of places.
# First score 179/200 with 3 wrong and 2 Russia ties missed.
HELDOUT3 = DATA / "mentions_heldout3.jsonl"
# 150 mentions on the protection rule alone, half of them from people who may be in
# Russia, written the same way. First score: 24 of 75 missed, 8 of 75 over-protected.
RUSSIA = DATA / "mentions_russia.jsonl"
# Written after the revisions the sets above led to, to measure them afresh. First
# scores: 140/150 with 1 wrong and no Russia tie missed; 21 of 60 not protected and 5
# protected needlessly (regions and towns beyond the campaign's, slang, VPNs).
HELDOUT4 = DATA / "mentions_heldout4.jsonl"
RUSSIA2 = DATA / "mentions_russia2.jsonl"
# And once more after those: 124/150 with 6 wrong (14 of the misses in languages with no
# patterns: Chinese, Hebrew, Hindi, Arabic, Swahili...); 9 of 60 not protected, 10 of 60
# needlessly.
HELDOUT5 = DATA / "mentions_heldout5.jsonl"
RUSSIA3 = DATA / "mentions_russia3.jsonl"
# Issue 13's world sets: 640 mentions in 32-58 languages from 85-92 countries, written from
# the rules alone. First scores (code before issue 13): A 121/220 (2 wrong), B 129/220 (4
# wrong), C 114/200 (3 wrong); C was written after the first round of new rules and never
# informed any rule, so it is the honest figure. See README, "The world sets".
WORLD = {k: DATA / f"mentions_world_{k}.jsonl" for k in "abcdefghijklmnopqrs"}


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _run(row: dict[str, Any]) -> Placement:
    return locate(row["text"], row.get("author_location"), row.get("lang"))


def _score(rows: list[dict[str, Any]]) -> tuple[float, list[str]]:
    right, wrong = 0, []
    for row in rows:
        placed = _run(row)
        got = placed.country
        # Someone who may be in Russia is right when protected, wherever placed (occupied
        # Crimea stays Ukraine: "я в Сімферополі" is UA and protected).
        if got in row["accept"] or (row.get("russia") and placed.may_be_in_russia):
            right += 1
        elif got is not None:
            wrong.append(f"{row['id']}: {row['text']!r} -> {got}, accept {row['accept']}")
    return right / len(rows), wrong


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(SAMPLE, id="sample"),
        pytest.param(LABELLED, id="labelled"),
    ],
)
def test_accuracy_and_never_wrong(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not present")
    rows = _load(path)
    accuracy, wrong = _score(rows)
    assert not wrong, "placed in a wrong country:\n" + "\n".join(wrong)
    assert accuracy >= 0.95


@pytest.mark.parametrize(
    ("path", "wrong_allowed", "least"),
    [
        # Two labels say a city shared with a bigger namesake abroad names no country
        # ("Córdoba", "San José"); the gazetteer places those by size.
        pytest.param(HELDOUT, 2, 0.98, id="heldout"),
        pytest.param(HELDOUT2, 0, 0.98, id="heldout2"),
        pytest.param(HELDOUT3, 1, 0.94, id="heldout3"),  # "lived in Paris, Rome and now Vienna"
        pytest.param(HELDOUT4, 0, 0.98, id="heldout4"),
        # Wrong: a week of sailing in Split; "half in Vienna, half in Bratislava". 0.94
        # since issue 13's languages (Hebrew, Korean, Hindi, Arabic, Swahili...) are read.
        pytest.param(HELDOUT5, 2, 0.94, id="heldout5"),
    ],
)
def test_held_out_sets(path: Path, wrong_allowed: int, least: float) -> None:
    rows = _load(path)
    accuracy, wrong = _score(rows)
    assert accuracy >= least
    assert len(wrong) <= wrong_allowed, "placed in a wrong country:\n" + "\n".join(wrong)
    exposed = [r["id"] for r in rows if r.get("russia") and not _run(r).may_be_in_russia]
    assert not exposed, f"may be in Russia but not protected: {exposed}"


@pytest.mark.parametrize(
    ("name", "least", "wrong_allowed", "russia_missed_allowed"),
    [
        pytest.param("a", 0.925, 0, 0, id="world-a"),
        # Wrong: a Turkish speaker in Vienna (README).
        pytest.param("b", 0.945, 1, 1, id="world-b"),
        # Missed Russia: "wohne und arbeite zurzeit in Perm", Krasnodar in Armenian (README).
        pytest.param("c", 0.925, 1, 2, id="world-c"),
        # D to H: written in session 5 from the rules alone. D and E guided round 1, F and
        # G round 2, H round 3 (each scored blind first: README).
        pytest.param("d", 0.945, 1, 0, id="world-d"),
        pytest.param("e", 0.975, 0, 0, id="world-e"),
        pytest.param("f", 0.94, 1, 0, id="world-f"),
        pytest.param("g", 0.935, 1, 1, id="world-g"),
        pytest.param("h", 0.935, 1, 0, id="world-h"),
        # I: written during round 3, scored blind after it (README); its protection misses
        # then widened "unsafe here".
        pytest.param("i", 0.965, 0, 0, id="world-i"),
        # J to M: written in session 6 from the rules alone and scored first; J and K again,
        # blind, after round 4, then guided round 5; L and M blind after round 5, then
        # guided round 6 (README).
        pytest.param("j", 0.955, 1, 0, id="world-j"),
        pytest.param("k", 0.99, 0, 0, id="world-k"),
        pytest.param("l", 0.96, 0, 0, id="world-l"),
        # Wrong: "Er i Aarhus til Pride i weekenden", a visit, which places the visitor.
        pytest.param("m", 0.94, 1, 0, id="world-m"),
        # N and O: written after round 6 and scored blind on it (README); round 7 then
        # took their protection misses and wrong countries.
        pytest.param("n", 0.935, 0, 0, id="world-n"),
        pytest.param("o", 0.93, 0, 1, id="world-o"),
        # P and Q: written after round 7 and scored first on it (README); round 8 then
        # took their protection misses. Wrong: "mấy anh ở Chechnya" (the men in Chechnya)
        # read as the writer's home; "из Грозного, но ... живу в Страсбурге" protected.
        pytest.param("p", 0.95, 1, 0, id="world-p"),
        pytest.param("q", 0.98, 1, 0, id="world-q"),
        # R and S: written after round 8 and scored once, blind, on it (README). Missed
        # Russia: none of R's; one on S (see the README).
        pytest.param("r", 0.96, 0, 0, id="world-r"),
        pytest.param("s", 0.965, 0, 1, id="world-s"),
    ],
)
def test_world_sets(
    name: str, least: float, wrong_allowed: int, russia_missed_allowed: int
) -> None:
    rows = _load(WORLD[name])
    accuracy, wrong = _score(rows)
    assert accuracy >= least
    assert len(wrong) <= wrong_allowed, "placed in a wrong country:\n" + "\n".join(wrong)
    missed = [r["id"] for r in rows if r.get("russia") and not _run(r).may_be_in_russia]
    assert len(missed) <= russia_missed_allowed, missed


# Coverage lists (session 6): for each of ~80 languages, 14 ways of saying where one lives
# (and two of not saying it), written without the code; the language-family rooms in
# bot/locate/_langs were fitted to them, so these are guards, not measurements.
@pytest.mark.parametrize(
    ("name", "least", "wrong_allowed"),
    [("a", 0.935, 0), ("b", 0.925, 0), ("c", 0.93, 1), ("d", 0.975, 1)],
)
def test_coverage_lists(name: str, least: float, wrong_allowed: int) -> None:
    rows = _load(DATA / f"mentions_cover_{name}.jsonl")
    accuracy, wrong = _score(rows)
    assert accuracy >= least
    assert len(wrong) <= wrong_allowed, "placed in a wrong country:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("path", "missed_allowed", "over_allowed"),
    [
        # Missed: "our city in the Caucasus". Over: "Russia, Ohio".
        pytest.param(RUSSIA, 1, 1, id="russia"),
        # Missed: Belarusian "Смаленску". Over: "Elia Kazan", "Sochi 2014", a game of
        # Risk, and three Russian speakers abroad whose city the gazetteer cannot read in
        # Cyrillic ("из Берлина", Haifa, Narva): Russian placing nobody abroad protects.
        pytest.param(RUSSIA2, 1, 6, id="russia2"),
        # Missed: Turkish "Grozni'de" (a cousin). Over: a French list opening with "Grozny,
        # Moscou", a film set near Murmansk, "Sochi 2014", "пишу из Хайфы" (as above).
        pytest.param(RUSSIA3, 1, 4, id="russia3"),
    ],
)
def test_protection_sets(path: Path, missed_allowed: int, over_allowed: int) -> None:
    rows = _load(path)
    results = [(r, _run(r).may_be_in_russia) for r in rows]
    missed = [r["id"] for r, protect in results if r["russia"] and not protect]
    over = [r["id"] for r, protect in results if protect and not r["russia"]]
    assert len(missed) <= missed_allowed, missed
    assert len(over) <= over_allowed, over


def test_labelled_set_is_big_enough() -> None:
    rows = _load(LABELLED)
    assert len(rows) >= 200
    assert sum("russia" in r for r in rows) >= 40


def test_may_be_in_russia_matches_labels() -> None:
    bad = [
        f"{r['id']}: {r['text']!r} -> {_run(r).may_be_in_russia}, want {r['russia']}"
        for r in _load(LABELLED)
        if "russia" in r and _run(r).may_be_in_russia != r["russia"]
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(
    ("text", "profile", "country"),
    [
        ("what can I do from France?", "Austin, TX", "FR"),  # text beats profile
        ("I'm in Norway but I'm from Denmark", None, "NO"),  # residence beats origin
        ("I'm from Grozny but live in Berlin", None, "DE"),
        ("what can I do", "Brisbane, QLD", "AU"),
        ("Atlanta, Georgia here", None, "US"),
        ("greetings from Batumi, Georgia", None, "GE"),
        ("Sydney, Nova Scotia here", None, "CA"),
        ("I live in Split, Croatia", None, "HR"),
    ],
)
def test_precedence_and_qualifiers(text: str, profile: str | None, country: str) -> None:
    assert locate(f"@CloseTheCampsBot {text}", profile).country == country


@pytest.mark.parametrize(
    "text",
    [
        "Russia has to stop this.",
        "the men detained in Grozny need us. what now?",
        "Turkey should speak up too. what can I do",
        "Nice thread. Any petitions?",
        "Split decision on which petition to sign lol",
        "Bath time reading about this.",
        "I'm in Georgia",
        "I'm in Europe",
    ],
)
def test_topic_common_word_and_ambiguous_give_no_country(text: str) -> None:
    result = locate(f"@CloseTheCampsBot {text}")
    assert result.country is None
    assert result.confidence == 0.0


@pytest.mark.parametrize(
    ("text", "profile", "country"),
    [
        # A negation counts only in its own clause: "no idea." negates nothing after it.
        ("I had no idea. I'm in Cardiff, what can I do?", None, "GB"),
        ("I'm not in the UK anymore, moved to Lisbon last year. What now?", None, "PT"),
        ("moved to Berlin last month, what can I do from here?", "Leeds", "DE"),
        ("the men were moved to Grozny. what can I do?", None, None),  # not the writer
        ("Novaya Gazeta's reporting from Moscow was brave. how do I help?", None, None),
        ("Austin here, how can I help?", None, None),  # may be a person called Austin
        ("what can I do?", "Paris", "FR"),
        ("what can I do?", "Berlin & Paris", None),  # two countries place nobody
        ("schreibe aus Graz, was kann ich tun?", None, "AT"),
        ("escribo desde Quito", None, "EC"),
    ],
)
def test_clauses_subjects_and_names(text: str, profile: str | None, country: str | None) -> None:
    assert locate(f"@CloseTheCampsBot {text}", profile).country == country


@pytest.mark.parametrize(
    ("text", "profile", "country"),
    [
        ("what can I do?", "Europe 🇪🇺", None),  # the EU flag names no country
        ("who should I call?", "UK/US", None),
        ("from NJ, is there a script for calling my senators?", None, "US"),
        ("over here in QLD, who do we contact?", None, "AU"),
        ("I'm in IT, how can I help?", None, None),  # a country code read as a word
        ("from the Netherlands originally but now in Spain", None, "ES"),
        ("how do I help", "somewhere in Texas", "US"),
        ("bydlím v Brně, co můžu udělat?", None, "CZ"),
        ("jsem v šoku z toho, co se děje v Čečensku", None, None),  # "I'm in shock"
        ("I'm in NJ for work but I live in Toronto", None, "CA"),
        ("Albertan here, how do I help?", None, "CA"),
        ("Amsterdammer hier, wat kan ik doen?", None, "NL"),
        ("Aotearoa here, kia ora", None, "NZ"),
        ("como posso ajudar?", "Porto Alegre, RS", "BR"),
    ],
)
def test_regions_codes_visits_and_more_languages(
    text: str, profile: str | None, country: str | None
) -> None:
    assert locate(f"@CloseTheCampsBot {text}", profile).country == country


@pytest.mark.parametrize(
    ("text", "protect"),
    [
        # Russian-language, but about a life outside Russia: not "their situation there".
        ("я живу в Берлине, чем я могу помочь?", False),
        ("я живу в Берлине, но мама в Грозном", True),  # ...unless a Russian place is named
        ("я живу в Москве", True),
        # Fear or a plea for rescue protects wherever the writer says they are.
        ("мне страшно, помогите. I live in Berlin", True),
        ("pomogite, I'm in Berlin", True),
        ("мені страшно за хлопців у Чечні", False),  # Ukrainian, afraid for others
        ("як я можу допомогти?", False),  # Ukrainian without a Ukrainian-only letter
        ("Gay here and terrified for these men", False),  # Gay is also a town in Russia
    ],
)
def test_russian_speakers_and_words(text: str, protect: bool) -> None:
    assert locate(f"@CloseTheCampsBot {text}").may_be_in_russia is protect


@pytest.mark.parametrize(
    ("text", "profile", "country", "protect"),
    [
        ("Sochi born, Brooklyn based. How can I help?", None, "US", True),
        ("my cousin was taken in Argun. I'm in Toronto, who do I contact?", None, "CA", True),
        ("born & raised in Manchester but been in Toronto 6 years now", None, "CA", False),
        ("British expat in Spain (Málaga). Who do I contact?", None, "ES", False),
        ("I'm in Riga right now for a conference. how can I help?", "Москва", "RU", True),
        ("I'm in Berlin and Munich this week, where can I protest?", None, "DE", False),
        ("us Aussies need to make some noise. who do we contact?", None, "AU", False),
        ("Greetings from rainy Bergen! What can Norwegians do?", None, "NO", False),
        ("Wij in Gent willen helpen, wat kunnen we doen?", None, "BE", False),
        ("Tokyo resident here. signed. what else?", None, "JP", False),
        ("proud Scot here, what can I actually do?", None, "GB", False),
        ("I grew up in Kazan but I've lived in Toronto for ten years now", None, "CA", True),
        ("on holiday in Crete at the moment but home is Sheffield", None, "GB", False),
        ("locuiesc în Cluj, ce pot face?", None, "RO", False),
        ("I'm a Nigerian student in Manchester, can I sign?", None, "GB", False),
        ("my students in Nairobi asked me how they can help", None, None, False),
        ("born in Moscow, live in Tel Aviv now. my family is still there", None, "IL", True),
        ("Kingston, Jamaica. Want to help. What's safe?", None, "JM", False),
        ("🇷🇺 must answer for this", None, None, False),  # the flag as the topic
        ("🇷🇺 is it safe?", None, "RU", True),
        ("mijn vriend zit in Tsjetsjenië en durft niet te bellen", None, None, True),
        ("ich bin gerade zum Studium in Sankt Petersburg", None, None, True),
        ("я из Минска, сейчас в Варшаве. чем помочь?", None, "PL", False),
        ("μένω στην Αθήνα, πώς μπορώ να βοηθήσω;", None, "GR", False),
        # Session 6: a past or planned home, a home abroad, a home the gazetteer lacks.
        ("grew up in Baku, this story hits close to home. how do I help?", None, None, False),
        ("我是高雄人，現在在國外念書，人在外面可以怎麼幫忙？", None, None, False),
        ("Φέτος το καλοκαίρι θα είμαι στη Μάλτα για το Pride", None, None, False),
        ("българка съм, живея в Сливоград. Какво да направя?", None, None, False),
        ("チューリッヒ在住の日本人です。スイスの議員に手紙を書くには", None, "CH", False),
        ("Ես ապրում եմ Ռոստովում, ինչպե՞ս օգնել", None, "RU", True),
    ],
)
def test_real_reply_styles(
    text: str, profile: str | None, country: str | None, protect: bool
) -> None:
    result = locate(f"@CloseTheCampsBot {text}", profile)
    assert (result.country, result.may_be_in_russia) == (country, protect)


@pytest.mark.parametrize(
    ("text", "profile", "protect"),
    [
        ("living in M\u043escow, what's the safest way to help?", None, True),  # Cyrillic о
        ("ya zhivu v Mosk\u200bve, kak pomoch?", None, True),  # Russian in Latin letters
        ("pomogite pozhaluysta", None, True),
        ("ya zhivu v Berline, kak pomoch?", None, False),
        ("брат живёт в Нальчике, ему угрожают", None, True),
        ("mon copain est à Grozny, j'ai peur pour lui", None, True),
        ("Mein Freund ist in Grosny und meldet sich nicht mehr.", None, True),
        ("moja siostra mieszka w Petersburgu", None, True),
        ("friends of mine in Vladikavkaz say the police are asking questions", None, True),
        ("going back to St Petersburg next week, what should I know?", None, True),
        ("bin gerade beruflich in St. Petersburg, wie kann ich helfen?", None, True),
        ("в МОСКВЕ кто-нибудь может помочь??", None, True),
        ("msk. want to donate to the network, is it safe?", None, True),
        ("hi! how do I help?", "Msk", True),
        ("Spb here, what's safe to do?", None, True),
        ("я в Крыму, можно ли подписать петицию?", None, True),  # occupied, inflected
        ("I can't say where I am but please help, I'm scared", None, True),
        ("how can I help?", "Moscow, ID", False),
        ("living in Sevastopol, Wisconsin. how do I contact my rep?", None, False),
        ("я жыву ў Мінску, як дапамагчы?", None, False),  # Belarusian
        ("In Russia, gay men are being hunted. What can I do?", None, False),  # the topic
        ("my babushka in Omsk still thinks this is propaganda", None, True),
        ("using a VPN from Kazan, will the petition site log my IP?", None, True),
        ("пишу из Уфы, чем могу помочь?", None, True),
        ("signed 🙏", "Ekb", True),
        ("what's the safest way to donate?", "RU", True),
        ("мій хлопець досі в Москві, я в Харкові", None, True),
        ("ik ga volgende maand voor werk naar Moskou", None, True),
        ("j'ai quitté Saint-Pétersbourg il y a trois semaines, je suis à Paris", None, True),
        ("the men in Grozny need us, I'm in Leeds", None, False),  # the campaign's places
        ("Je suis choqué par ce qui se passe en Tchétchénie.", None, False),
    ],
)
def test_protection_edges(text: str, profile: str | None, protect: bool) -> None:
    assert locate(f"@CloseTheCampsBot {text}", profile).may_be_in_russia is protect


def test_no_longer_there_is_still_a_tie_to_protect() -> None:
    for text in ("I'm no longer in Moscow, what can I do?", "I no longer live in Kazan"):
        result = locate(f"@CloseTheCampsBot {text}")
        assert result.country is None and result.may_be_in_russia
    assert not locate("@CloseTheCampsBot I'm not in Russia, I'm in Spain").may_be_in_russia


def test_lang_never_picks_the_country() -> None:
    for lang in ("de", "fr", "es", "pt", "ru", None):
        assert locate("@CloseTheCampsBot wie kann ich helfen?", lang=lang).country is None
    assert locate("@x Grüße aus Graz", lang="de").country == "AT"
    assert locate("@x hallo aus Bern", lang="de").country == "CH"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("я живу в Грозном", "RU"),
        ("я из Казани", "RU"),
        ("мы в Чечне", "RU"),
        ("mieszkam w Warszawie", "PL"),
        ("mieszkam w Krakowie", "PL"),
        ("asun Helsingissä", "FI"),
        ("olen Helsingistä", "FI"),
        ("ich bin aus Köln", "DE"),
        ("I'm in Ire\u200bland", "IE"),
        ("IRELANDDDD", "IE"),
        ("I live in Zurich", "CH"),
        ("I live in Zürich", "CH"),
        ("Os\u2060lo here", "NO"),  # a word joiner inside the name
        ("I'M IN PARIS WHAT DO I DO", "FR"),  # a given name that is a place, shouted
        ("i live in austin", "US"),
        ("livin in chicagooo", "US"),
        ("Piszę z Warszawy", "PL"),
        ("LONDONNNN checking in, how do i help", "GB"),
    ],
)
def test_inflection_and_normalisation(text: str, country: str) -> None:
    assert locate(f"@CloseTheCampsBot {text}").country == country


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        ("I'm from Grozny but live in Berlin", None),
        ("🇷🇺 is it safe?", None),
        ("помогите мне", None),
        ("what can I do?", "Казань"),
        ("my boyfriend is in Chechnya", None),
    ],
)
def test_protects_anyone_who_may_be_in_russia(text: str, profile: str | None) -> None:
    assert locate(f"@CloseTheCampsBot {text}", profile).may_be_in_russia


@pytest.mark.parametrize(
    "text",
    ["Russia has to stop this", "the men detained in Grozny need us", "hello from Kyiv"],
)
def test_topic_and_ukraine_are_not_russia(text: str) -> None:
    assert not locate(f"@CloseTheCampsBot {text}").may_be_in_russia


def test_confidence_ordering() -> None:
    explicit = locate("@x I'm in Hamburg")
    profile = locate("@x what can I do", "Hamburg")
    demonym = locate("@x German here")
    assert explicit.confidence >= 0.9
    assert 0 < profile.confidence < explicit.confidence
    assert 0 < demonym.confidence < explicit.confidence
    assert explicit.reason == "self-in"
    assert "hamburg" not in (explicit.reason + profile.reason).casefold()


@settings(deadline=None)  # examples: the hypothesis profile's (tests/conftest.py)
@given(st.text(), st.one_of(st.none(), st.text(max_size=200)), st.one_of(st.none(), st.text()))
def test_never_raises(text: str, profile: str | None, lang: str | None) -> None:
    result = locate(text, profile, lang)
    assert 0.0 <= result.confidence <= 1.0
    assert result.reason != "error"
    assert (result.country is None) == (result.confidence == 0.0)


# Hypothesis caps generated sizes well below 10,000 characters; tile a random
# chunk up to that length instead.
_LONG = st.text(min_size=1, max_size=300).map(lambda s: (s * (10_000 // len(s) + 1))[:10_000])


@pytest.mark.slow
@settings(max_examples=long_text_examples(), deadline=None)
@given(_LONG, st.one_of(st.none(), _LONG))
def test_never_raises_on_10k_char_text(text: str, profile: str | None) -> None:
    assert len(text) == 10_000
    assert locate(text, profile).reason != "error"


def test_long_hostile_text() -> None:
    words = "I'm in " * 3000 + "@a #b 🇷🇺 Москве " * 500
    assert locate(words).reason != "error"


@pytest.mark.parametrize(
    "phrase",
    ["love", "pain", "the same boat", "shock", "tears", "awe", "denial", "a hurry", "limbo"],
)
def test_ordinary_words_after_self_phrases_are_not_places(phrase: str) -> None:
    for template in ("I'm in {}", "I live in {}", "greetings from {}", "I am from {}"):
        result = locate("@CloseTheCampsBot " + template.format(phrase) + ", what can I do?")
        assert result.country is None, template.format(phrase)
        assert not result.may_be_in_russia
