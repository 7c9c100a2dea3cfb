"""bot.locate: a writer who says speaking up is unsafe where they are is protected.

Written for development (never from the held-out sets): one or two lines per language,
and the topic-only lines that must stay unprotected.
"""

from __future__ import annotations

import pytest

from bot.locate import locate


@pytest.mark.parametrize(
    "text",
    [
        "it's not really safe here to talk about this, what can I do quietly?",
        "I can't say more. thank you for doing this",
        "we can't talk about this openly. is there a private way to help?",
        "our republic is not a place where you say such things",
        "have to be really careful here. any safe way to sign?",
        "is it safe for me to sign the petition from here?",
        "mi cyaan chat bout dis yah, but mi sign",
        "ici c'est dangereux d'en parler, comment aider ?",
        "chez nous c'est risqué, je préfère rester discret",
        "aquí es peligroso hablar de esto",
        "hier ist es gefährlich, darüber zu reden",
        "burada bunu konuşmak tehlikeli",
        "di sini harus hati-hati, bahaya kalau ketahuan",
        "тут об этом лучше молчать",
        "у нас про таке краще мовчати",
        "тут пра гэта лепш маўчаць",
        "мұнда бұл туралы айту қауіпті",
        "այստեղ այդ մասին չեն խոսում",
        "اینجا برای ما امن نیست",
        "هنا الموضوع خطير جدا",
        "כאן זה מסוכן לדבר על זה",
        "यहाँ इस बारे में बात करना खतरनाक है",
        "yahan is baare mein baat karna safe nahi hai",
        "এখানে এসব বলা বিপজ্জনক",
        "burada bu konuyu açıkça konuşmak zor",
        "ici c'est impossible d'en parler",
        "як дапамагчы, каб не засвяціцца?",
        "bu yerda ochiq gapirish xavfli",
        "we all know that fear down here",
        "di sini seram kalau ngomongin ini",
        "à Abidjan c'est difficile d'en parler",
        "מפחדת לכתוב פה משהו",
    ],
)
def test_unsafe_here_is_protected(text: str) -> None:
    assert locate(f"@CloseTheCampsBot {text}").may_be_in_russia, text


@pytest.mark.parametrize(
    "text",
    [
        "it is not safe for gay men in Chechnya",
        "the camps are dangerous, what can we do?",
        "I live in Leeds, it's safe here, how do I help?",
        "is the Amnesty petition safe to sign?",
        "say no to the camps",
        "I signed, it was easy and safe",
        "the fear those men live in is unimaginable",
    ],
)
def test_danger_as_the_topic_is_not(text: str) -> None:
    assert not locate(f"@CloseTheCampsBot {text}").may_be_in_russia, text


@pytest.mark.parametrize(
    "text",
    ["живу в Сімферополі", "я з Горлівки", "мешкаю в Мелітополі", "I live in Berdyansk"],
)
def test_occupied_towns_in_ukrainian_are_protected(text: str) -> None:
    placed = locate(f"@CloseTheCampsBot {text}")
    assert placed.may_be_in_russia and placed.country == "UA"


@pytest.mark.parametrize("text", ["Kazan'da öğrenciyim", "вучуся ў Смаленску", "живу в Бранськ"])
def test_a_russian_town_in_turkish_belarusian_or_ukrainian_protects(text: str) -> None:
    assert locate(f"@CloseTheCampsBot {text}").may_be_in_russia, text


def test_a_district_named_like_a_russian_town_after_its_city_does_not() -> None:
    # Kazan is also a district of Ankara; Turkish names the city first.
    assert not locate("@CloseTheCampsBot Ankara Kazan'da oturuyorum").may_be_in_russia
