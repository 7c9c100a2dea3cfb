"""Who may be in Russia, beyond a place the writer puts themself in (for bot.locate).

These signals protect without placing anyone: text in Russian or a language of the North
Caucasus, censorship (a VPN, "blocked here", Roskomnadzor, "can't say where I am"),
fear or a plea for rescue, and any Russian town or region other than the campaign's own
places. The first two give way when the writer places themself outside Russia.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bot.locate._gazetteer import gazetteer
from bot.locate._normalise import CYRILLIC, fold, folded_words, stem_key
from bot.locate._text import Chain, Text, qualifier

_split = str.split
# Russian speaking about their own situation; protect even with no place given.
RU_FIRST_PERSON = folded_words(
    "я мне меня мной мы нас нам нами мой моя моё мое мои моих моего моей наш наша наше наши "
    "нашего нашей помогите помоги спасите живу нахожусь боюсь прячусь"
)  # fmt: skip
# Ukrainian words with no Ukrainian-only letter ("як я можу допомогти?"): Ukrainian,
# so not a Russian-language message.
UK_WORDS = folded_words(
    "що як можу допомогти допоможіть зробити мені дякую з дзякуй магу дапамагчы дапамажыце"
)  # fmt: skip
# Russian written in Latin letters: words no other language here uses.
RU_LATIN_FIRST_PERSON = frozenset(_split(
    "pomogite pomogi spasite menya mne zhivu boyus strashno pozhaluysta pozhalujsta "
    "ishchut ishut pryachus"
))  # fmt: skip
# Russian in Latin letters without a first person: two of these make a Russian message.
RU_LATIN_WORDS = frozenset(_split(
    "chto shto gde mozhno kak pomoch pomoch' eto pravda vsekh vseh spasibo privet seychas "
    "seichas nichego tozhe kogda pochemu nuzhno khochu hochu znayu podskazhite skazhite "
    "normalno normal'no pochitat pochitat' ssylku novosti"
))  # fmt: skip
# Someone saying they are in danger, whatever the language of the rest: the neutral
# protect reply (the Russian LGBT Network's own site) is the right answer anyway.
DANGER = [tuple(fold(w) for w in p.split()) for p in (
    "i'm scared", "i am scared", "im scared", "i'm in danger", "i am in danger",
    "they're looking for me", "they are looking for me", "i'm hiding", "i am hiding",
    "in hiding", "can't say where i am", "cannot say where i am", "people are disappearing",
)]  # fmt: skip
# Words of fear or of asking to be rescued, in Russian (Cyrillic or Latin letters):
# with these, a Russian-language message is protected wherever it says the writer is.
RU_DISTRESS = folded_words(
    "помогите помоги спасите спасти боюсь страшно прячусь ищут угрожают задержали забрали "
    "pomogite pomogi spasite boyus strashno pryachus ishchut ishut"
)  # fmt: skip
# City shorthands only Russians use, typed in any case ("both in ekb").
_RU_SHORTHAND = frozenset(_split("msk spb ekb yekb nsk piter novosib"))
UKR_ONLY = frozenset("іїєґІЇЄҐўЎ")  # letters Russian never uses
# Letters of other Cyrillic languages: Serbian and Macedonian, Kazakh, Uzbek, Tajik,
# Kyrgyz and Mongolian. Tatar (җ) and Bashkir (ҙ ҫ ҡ) are languages of Russia's own
# republics, so their letters count as Russian here.
_OTHER_CYRILLIC = frozenset("јљњћђџѓќѕұқғӣӯҷҳңөүЈЉЊЋЂЏЃЌЅҰҚҒӢӮҶҲҢӨҮ")
_OF_RUSSIA = frozenset("җҙҫҡәҖҘҪҠӘ")
# The palochka (Ӏ) of Chechen, Ingush, Avar and the other North Caucasus languages,
# typed as a capital I, a 1 or a small l between Cyrillic letters ("хIун", "Г1ала").
_PALOCHKA = re.compile(
    "[Ӏӏ]|(?<=[\u0400-\u04ff])[I1l](?=[\u0400-\u04ff])|"
    "(?<=[\u0400-\u04ff])[I1]\b|(?<![\\w])[I1](?=[а-яё])"
)
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]{2,}")
_RUSSIAN_ONLY = frozenset("ыэёЫЭЁ")  # none of Bulgarian, Serbian, Macedonian has these
_CENSORED = re.compile(
    "\\bvpn|впн|\\bркн\\b|роскомнадзор|roskomnadzor|\\brkn\\b|"
    "(?:blocked|banned|censored|restricted) (?:here|in my country|where i (?:live|am))|"
    "\\b(?:twitter|x) is (?:blocked|banned)|заблокир|блокиру|"
    "(?:can'?t|cannot|can not|won'?t|unable to) (?:say|tell you|share|reveal|disclose) "
    "(?:where|my location)|не могу (?:сказать|написать|говорить),? где|"
    "ne (?:peux|peut|puis) pas (?:dire|révéler) où|kann (?:nicht|nich) sagen,? wo|"
    "no puedo decir d[oó]nde|n[ãa]o posso dizer onde|nie mog[eę] powiedzie[cć],? gdzie|"
    "non posso dire dove|kan niet zeggen waar|kan inte säga var|"
    "(?:hier|ici|aquí|aqui|qui|tutaj|här) (?:ist |est |está |esta |è |jest |är )?"
    "(?:alles )?(?:gesperrt|bloqu[ée]|bloqueado|bloccato|zablokowan|blockerat|tá bloqueado)|"
    "gesperrt|bloqu[ée]e? ici|(?:tá|ta|está) bloqueado|"
    "(?:can'?t|cannot) (?:even )?(?:talk|speak) (?:about|of) (?:this|it) (?:here|openly)"
)
# Every alternative of _CENSORED holds one of these: a mention without any skips it.
_CENSORED_GATE = (
    "vpn", "впн", "ркн", "роскомнадзор", "roskomnadzor", "rkn", "blocked", "banned",
    "censored", "restricted", "блок", "where", "location", "где", "pas", "sagen", "decir",
    "dizer", "gdzie", "dove", "zeggen", "säga", "gesperrt", "bloqu", "blocc", "zablok",
    "blocker", "talk", "speak",
)  # fmt: skip
# Words of Cyrillic languages other than Russian that carry no letter of their own:
# Bulgarian, Serbian, Macedonian, Kyrgyz, Kazakh, Uzbek and Mongolian.
_NOT_RUSSIAN_WORDS = frozenset(
    fold(w)
    for w in _split(
        "съм сме сте живея живеем мога можем къде какво ще тук сега благодаря искам "
        "трябва има няма хора днес помогна помогнем нещо какъв како живим живимо шта овде "
        "хвала помогнем живеам можам каде благодарам мен биз сиз кантип жардам берсем "
        "болот жашайм калай рахмат яшайман ёрдам би байна баярлалаа"
    )
)
_DANGER_FIRST = frozenset(p[0] for p in DANGER)


def russian_first_person(t: Text) -> bool:
    if not RU_LATIN_FIRST_PERSON.isdisjoint(t.keys):
        return True  # "pomogite", "mne strashno": Russian in Latin letters
    if len(RU_LATIN_WORDS.intersection(t.keys)) >= 2:
        return True  # "eto pravda? gde mozhno pochitat'": Russian in Latin letters
    if not CYRILLIC.search(t.body) or _ukrainian_or_belarusian(t):
        return False
    return not RU_FIRST_PERSON.isdisjoint(t.keys)


def writes_russian(t: Text) -> bool:
    """Written in Russian, or in a language of the North Caucasus or of Russia's other
    republics: told apart from Ukrainian, Belarusian, Bulgarian, Serbian, Kazakh,
    Kyrgyz... by their letters and words."""
    body = t.body
    if not _CYRILLIC_WORD.search(body):
        return False  # one look-alike letter in a Latin word is not Cyrillic text
    if _PALOCHKA.search(body) or not _OF_RUSSIA.isdisjoint(body):
        return True
    if _ukrainian_or_belarusian(t) or not _OTHER_CYRILLIC.isdisjoint(body):
        return False
    return not (_RUSSIAN_ONLY.isdisjoint(body) and not _NOT_RUSSIAN_WORDS.isdisjoint(t.keys))


def censored(t: Text) -> bool:
    """A VPN, "blocked here", Roskomnadzor, "can't say where I am": a sign of writing
    from somewhere that censors, and a reason not to be seen talking to a campaign."""
    text = t.body.casefold()
    return any(w in text for w in _CENSORED_GATE) and bool(_CENSORED.search(text))


# Turkish has no self-placement patterns yet; its locative suffix on a campaign place
# with a first-person verb ("Moskova'da yaşıyorum") is enough to protect.
_TR_CAMPAIGN = re.compile(
    "(?:moskova|moskva|grozni|groznı|groznıy|soçi|sochi|çeçenistan|cecenistan|çeçenya|"
    "argun|petersburg|st\\.? ?petersburg)[’']?(?:da|de|ta|te|dayım|deyim|dan|den)\\b"
    ".{0,60}?(?:yaşıyorum|yasiyorum|oturuyorum|kalıyorum|kaliyorum|çalışıyorum|okuyorum|"
    "bulunuyorum|yaşıyoruz|oturuyoruz)",
    re.IGNORECASE,
)


def campaign_place_in_turkish(body: str) -> bool:
    # Every verb _TR_CAMPAIGN needs ends in "yorum" or "yoruz" (or "yım"): most mentions
    # hold none and skip the search.
    lower = body.lower()
    if "yor" not in lower and "yım" not in lower:
        return False
    return bool(_TR_CAMPAIGN.search(body))


def in_distress(t: Text) -> bool:
    """Fear or a plea for rescue: protect wherever the writer says they are."""
    if _in_danger(t.keys):
        return True
    return not RU_DISTRESS.isdisjoint(t.keys) and not _ukrainian_or_belarusian(t)


def mentions_russian_place(t: Text) -> bool:
    """A Russian town or region other than the campaign's own places, named anywhere.

    "my babushka in Omsk", "using a VPN from Kazan", "Arkhangelsk guy here": nobody
    names Omsk in a #CloseTheCamps mention as the topic, so it is taken as a tie.
    Grozny, Moscow or Chechnya named without a personal phrase stay the topic.
    """
    gaz = gazetteer()
    places = gaz.russian_places
    keys, raws = t.keys, t.raws
    for i, key in enumerate(keys):
        # A Latin-script place name is capitalised; Cyrillic ones are taken in any case,
        # and in any case form ("из Уфы"), Latin ones only as written.
        cyrillic = "\u0400" <= key[:1] <= "\u04ff"
        if not (cyrillic or raws[i][:1].isupper() or key in _RU_SHORTHAND):
            continue
        if key in places and not _qualified_abroad(t, i):
            return True
        # Turkish and Finnish write the case ending after an apostrophe: "Kazan'da";
        # Turkish names the bigger place first: "Ankara Kazan'da" is a district of Ankara.
        if (
            "'" in key
            and key.partition("'")[0] in places
            and not _qualified_abroad(t, i)
            and not (i and _abroad(keys[i - 1]))
        ):
            return True
        if i + 1 < len(keys) and f"{key} {keys[i + 1]}" in places:
            return True
        if cyrillic and len(key) >= 3 and stem_key(key) in gaz.russian_stems:
            return True
        if not cyrillic and (
            _finnic_case(key, places) or (_wordlike_town(keys, i) and not _qualified_abroad(t, i))
        ):
            return True
    return False


# Finnish and Estonian glue the case to the name: "Murmanskiin" (to), "Tomskissa" (in),
# "Kaasanis"; a consonant-final name takes a linking "i" first. One pattern: the lazy stem
# leaves the longest ending, as trying the endings longest first would.
_FINNIC_CASE = re.compile(
    r"(.{4,}?)(?:iin|issa|issä|ista|istä|ille|illa|ilta|isse|ist|is|ssa|ssä|sta|stä|aan|ään)"
)
# Towns the gazetteer keeps out of russian_places because their names are also words or
# people ("perm", "Samara", "Vladimir"), after a preposition of place: "in Perm", "w
# Samarze" is the town, unless it is Vladimir Putin.
_WORDLIKE_TOWNS = frozenset(_split("perm samara samare samarze vladimir vladimire orel miass"))
_AT = frozenset(_split("in im w we v ve vo à a en em i u"))


def _finnic_case(key: str, places: frozenset[str]) -> bool:
    found = _FINNIC_CASE.fullmatch(key) if key[-1:] in _CASE_ENDS else None
    if found is None:
        return False
    stem = found.group(1)
    return stem in places or (stem.endswith("i") and stem[:-1] in places)


_CASE_ENDS = frozenset("naäest")


def _wordlike_town(keys: list[str], i: int) -> bool:
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    return (
        bool(i)
        and keys[i - 1] in _AT
        and keys[i] in _WORDLIKE_TOWNS
        and not nxt.startswith("putin")
    )


# Scripts whose words the tokeniser cannot give whole: no spaces (Chinese, Japanese,
# Thai), endings glued on (Korean), vowel signs (Devanagari, Bengali), prepositions
# glued on (Arabic, Hebrew). Read as runs of letters; a Russian place anywhere in a run
# ("我的朋友在海参崴", "사할린에", "בקאזאן") counts as in mentions_russian_place.
_RUNS = re.compile(
    "[\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0e7f\uac00-\ud7af]+|"
    "[\u0590-\u05ff\u0600-\u06ff\u0900-\u09ff]+"
)
_UNSPACED = re.compile("[\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0e7f\uac00-\ud7af]")
# One-letter prepositions and conjunctions glued to a name, and the Arabic article.
_GLUED = re.compile("^(?:[בלמוהשכ]|[وفبلك]?ال|[وفبلك])")


def names_russian_place_in_other_scripts(body: str) -> bool:
    gaz = gazetteer()
    places = gaz.russian_places
    runs = _RUNS.findall(body)
    for i, run in enumerate(runs):
        if _UNSPACED.match(run):
            n = len(run)
            if any(run[a:b] in places for a in range(n) for b in range(a + 2, min(n, a + 12) + 1)):
                return True
            continue
        key = fold(run)
        pair = f"{key} {fold(runs[i + 1])}" if i + 1 < len(runs) else ""
        for word in (key, pair) if pair else (key,):
            if word in places or _GLUED.sub("", word) in places:
                return True
    return False


# Every settlement of the seven North Caucasus republics, whatever its size, with its
# Latin, Russian and local names (data/north_caucasus.tsv, reviewed by hand). The campaign's
# own places (Grozny, Argun, Chechnya) are not in it: they need a self-placement phrase.
_NC_PATH = Path(__file__).resolve().parent / "data" / "north_caucasus.tsv"
_CAMPAIGN_LINES = ("CE*", "Grozny|", "Argun|")
# Endings a name takes in the languages people write it in: Russian cases ("в Шали",
# "из Назрани"), Polish locatives ("w Majkopie"), Turkish suffixes ("Baksan'da").
_ENDINGS = frozenset(
    _split(
        "a e i y u o ie ye om em oj oy ej iu yu ja ya 'da 'de 'ta 'te da de ta te dan den "
        "'dan 'den 'dayim 'deyim а е у и ы о ой ей ом ем ю я ью ого ому"
    )
) | {""}
_VOWELS = frozenset("aeiouyаеиоуыэюяьй")


@cache
def _caucasus() -> tuple[dict[str, list[tuple[str, ...]]], frozenset[tuple[str, ...]]]:
    """({first word: [names as word tuples]}, the names that must match exactly)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    exact: set[tuple[str, ...]] = set()
    for line in _NC_PATH.read_text(encoding="utf-8").splitlines()[1:]:
        ambiguous = line.startswith("#AMBIG ")
        fields = line.removeprefix("#AMBIG ").split("\t")
        if (
            len(fields) != 4
            or fields[0].startswith(_CAMPAIGN_LINES)
            or fields[1].startswith(_CAMPAIGN_LINES[1:])
        ):
            continue
        for name in "|".join(fields[1:]).split("|"):
            words = tuple(fold(name.replace("-", " ")).split())
            if not words:
                continue
            by_first.setdefault(words[0], []).append(words)
            if ambiguous or len(words[-1]) < 5:
                exact.add(words)
    return by_first, frozenset(exact)


def names_caucasus_place(t: Text) -> bool:
    """A town or village of the North Caucasus republics, in any case form."""
    by_first, exact = _caucasus()
    heads = _caucasus_heads()
    keys, raws = t.keys, t.raws
    for i, key in enumerate(keys):
        # Every base of a word shares its first three letters (stems keep four or more):
        # a word whose first three start no name is none of them.
        if key[:3] not in heads:
            continue
        for base in _bases(key):
            for name in by_first.get(base, ()):
                if _nc_match(keys, raws, i, name, name in exact, inflected=base != key):
                    return True
    return False


@cache
def _caucasus_heads() -> frozenset[str]:
    return frozenset(first[:3] for first in _caucasus()[0])


def _bases(word: str) -> set[str]:
    """The forms `word` may have had before a case ending: "makhachkale" may be
    "makhachkala", "majkopie" "majkop", "baksan'da" "baksan"."""
    out = {word}
    if len(word) < 5:
        return out
    for cut in range(1, 5):
        stem, ending = word[:-cut], word[-cut:]
        if ending in _ENDINGS and len(stem) >= 4:
            out.add(stem)
            out.update(stem + v for v in "aeiyoаеиыяо" if stem[-1] not in _VOWELS)
    return out


def _nc_match(
    keys: list[str], raws: list[str], i: int, name: tuple[str, ...], exact: bool, inflected: bool
) -> bool:
    n = len(name)
    if n == 1:
        if exact:
            # An ambiguous or short name counts only as written and capitalised ("Shali",
            # not "шали", shawls).
            # Not all capitals either: "ENEM" is a Brazilian exam, not Enem in Adygea.
            raw = raws[i]
            return not inflected and raw[:1].isupper() and not raw.isupper()
        return True
    if inflected or tuple(keys[i : i + n - 1]) != name[:-1] or i + n > len(keys):
        return False
    last = keys[i + n - 1]
    return last == name[-1] or (not exact and name[-1] in _bases(last))


def russian_town(chain: Chain) -> bool:
    return not chain.qualified and any(
        s.cc == "RU" and s.kind in ("t", "a") for s in chain.res.senses
    )


def _ukrainian_or_belarusian(t: Text) -> bool:
    # Russian has none of these letters or words.
    return bool(set(t.body) & UKR_ONLY) or not UK_WORDS.isdisjoint(t.keys)


def _qualified_abroad(t: Text, i: int) -> bool:
    """ "Tula, Hidalgo", "Siberia, Indiana": qualified, as read_place reads it, by a
    place outside Russia."""
    j = i + 1
    if j >= len(t.keys) or t.gaps[j] != "comma":
        return False
    n, ccs, _ = qualifier(t, j)
    return bool(n) and "RU" not in ccs


def _abroad(key: str) -> bool:
    senses = gazetteer().senses(key)
    return bool(senses) and all(s.cc not in ("RU", "") for s in senses)


def _in_danger(keys: list[str]) -> bool:
    return any(
        tuple(keys[i : i + len(p)]) == p
        for i, k in enumerate(keys)
        if k in _DANGER_FIRST
        for p in DANGER
        if p[0] == k
    )
