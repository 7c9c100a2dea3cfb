"""Who may be in Russia, beyond a place the writer puts themself in (for bot.locate).

These signals protect without placing anyone: Russian first-person text, fear or a plea
for rescue, and any Russian town or region other than the campaign's own places.
"""

from __future__ import annotations

from bot.locate._gazetteer import gazetteer
from bot.locate._normalise import CYRILLIC, stem_key
from bot.locate._patterns import (
    DANGER,
    RU_DISTRESS,
    RU_FIRST_PERSON,
    RU_LATIN_FIRST_PERSON,
    UK_WORDS,
)
from bot.locate._text import Chain, Text, qualifier

UKR_ONLY = frozenset("іїєґІЇЄҐўЎ")  # letters Russian never uses
_DANGER_FIRST = frozenset(p[0] for p in DANGER)


def russian_first_person(t: Text) -> bool:
    if not RU_LATIN_FIRST_PERSON.isdisjoint(t.keys):
        return True  # "pomogite", "mne strashno": Russian in Latin letters
    if not CYRILLIC.search(t.body) or _ukrainian_or_belarusian(t):
        return False
    return not RU_FIRST_PERSON.isdisjoint(t.keys)


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
        if not (cyrillic or raws[i][:1].isupper()):
            continue
        if key in places and not _qualified_abroad(t, i):
            return True
        if i + 1 < len(keys) and f"{key} {keys[i + 1]}" in places:
            return True
        if cyrillic and len(key) >= 3 and stem_key(key) in gaz.russian_stems:
            return True
    return False


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


def _in_danger(keys: list[str]) -> bool:
    return any(
        tuple(keys[i : i + len(p)]) == p
        for i, k in enumerate(keys) if k in _DANGER_FIRST
        for p in DANGER if p[0] == k
    )
