"""A place opening a clause, for bot.locate: "Perth here", "brissie local, ...", a
dateline "Wellington, NZ — ...", a message that is only a place."""

from __future__ import annotations

from bot.locate._evidence import Scan
from bot.locate._gazetteer import gazetteer
from bot.locate._patterns import (
    ARTICLES,
    BORN_WORDS,
    CHECKING_IN,
    FIRST_PERSON,
    HERE_WORDS,
    ID_AT,
    RAW_HERE,
    RESIDENT_NOUNS,
)
from bot.locate._russia import russian_town
from bot.locate._text import Chain, Text, covers_rest, read_place


def scan_clauses(t: Text, scan: Scan) -> None:
    """ "Perth here", a dateline "Wellington, NZ — ...", a place-only message."""
    for s in t.clause_starts():
        if not _may_name(t, s) and not (t.keys[s] in ARTICLES and _may_name(t, s + 1)):
            continue  # a weak read finds exact names only: none can start here
        chain = read_place(t, s, context="weak")
        if chain is None:
            continue
        e = chain.end
        resident = e < len(t.keys) and t.keys[e] in RESIDENT_NOUNS
        if resident and e + 1 < len(t.keys) and t.gaps[e + 1] == "space":
            e += 1  # "Tokyo resident here", "Brum lad here"
        if (
            e < len(t.keys)
            and t.gaps[e] != "hard"
            and (
                t.keys[e] in HERE_WORDS
                or t.raws[e].casefold() in RAW_HERE
                # Danish and Norwegian "Trondheim her.", never English "her" before a noun.
                or (t.keys[e] == "her" and (e + 1 == len(t.keys) or t.gaps[e + 1] != "space"))
                or (t.keys[e] in CHECKING_IN and e + 1 < len(t.keys) and t.keys[e + 1] == "in")
                or (t.keys[e] in ID_AT and t.keys[e + 1 : e + 2] == ["sini"])
            )
        ):
            scan.add("here", chain)
        elif resident and (e + 1 >= len(t.keys) or t.gaps[e + 1] != "space"):
            scan.add("here", chain)  # "brissie local, who's my MP?"
        elif e < len(t.keys) and t.gaps[e] == "space" and t.keys[e] in BORN_WORDS:
            scan.add("self-from", chain)
        elif s == 0 and covers_rest(t, chain):
            scan.add("place-only", chain)
        elif s == 0 and t.gaps[e] != "space" and russian_town(chain):
            scan.add("dateline", chain, ties_only=True)  # "msk. is it safe to donate?"
        elif s == 0 and t.gaps[e] != "space" and (chain.qualified or followed_by_self(t, chain)):
            # "Kingston, Jamaica. Want to help.": a qualified place opening the message.
            country_only = all(x.kind == "c" for x in chain.res.senses)
            if chain.qualified or not country_only:
                # The campaign's own topic: "Grozny — what can we do?" is as
                # likely about Grozny as from it. Protect, but do not place.
                scan.add("dateline", chain, ties_only=chain.russian)


def followed_by_self(t: Text, chain: Chain) -> bool:
    if chain.end >= len(t.keys):
        return True
    nxt = t.keys[chain.end]
    if nxt in HERE_WORDS or nxt in FIRST_PERSON:
        return True
    if t.gaps[chain.end] == "space":
        return False
    for k in range(chain.end, len(t.keys)):
        if k > chain.end and t.gaps[k] == "hard":
            return False
        if t.keys[k] in FIRST_PERSON:
            return True
    return False


def _may_name(t: Text, i: int) -> bool:
    """Could an exact (or elongated) gazetteer name start at word i?"""
    keys = t.keys
    if i >= len(keys):
        return False
    if t.elongated:
        return True
    gaz = gazetteer()
    key = keys[i]
    nxt = keys[i + 1] if i + 1 < len(keys) else None
    return gaz.may_start(key, nxt) or (key[:2] in ("l'", "d'") and gaz.may_start(key[2:], nxt))
