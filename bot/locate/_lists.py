"""Helpers of the phrase scan that need nothing of it: lists of places, stays, flags."""

from __future__ import annotations

from bot.locate._gazetteer import Resolution, gazetteer
from bot.locate._patterns import LIST_WORDS, VISITING
from bot.locate._text import Chain, Text, read_place


def listed(t: Text, chain: Chain | None) -> Chain | None:
    """ "I'm in Berlin and Paris this week": two countries at once place nobody."""
    if chain is None or chain.end + 1 >= len(t.keys) or t.gaps[chain.end] != "space":
        return chain
    if t.keys[chain.end] not in LIST_WORDS:
        return chain
    other = read_place(t, chain.end + 1, context="explicit")
    if other is None or other.res.cc in (None, chain.res.cc):
        return chain
    return Chain(
        Resolution(None, 0.0, chain.res.senses + other.res.senses),
        chain.start,
        other.end,
        chain.head_key,
        chain.qualified,
        chain.occupied or other.occupied,
    )


def visiting(keys: list[str], end: int) -> bool:
    # "in Riga right now for a conference": the stay may come a word or two later.
    return any(
        tuple(keys[s : s + n]) in VISITING for s in range(end, end + 3) for n in (1, 2, 3, 4)
    )


def flag_is_decoration(t: Text, cc: str) -> bool:
    """ "Turkey 🇹🇷 should speak up": a flag next to its own country's name is a topic."""
    gaz = gazetteer()
    return any(s.cc == cc and s.kind == "c" for key in t.keys for s in gaz.senses(key))
