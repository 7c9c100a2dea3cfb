"""The evidence a scan collects, and how it is weighed into one country."""

from __future__ import annotations

from typing import NamedTuple

from bot.locate._gazetteer import Sense
from bot.locate._text import Chain

# Rank (lower wins), base confidence. Origin alone ("I'm Turkish", "I'm from Lagos") is
# weak evidence of where someone lives: diaspora say it of themselves everywhere.
RANK = {
    "self-in": (0, 0.95), "here": (0, 0.9), "leading": (0, 0.85), "dateline": (0, 0.75),
    "self-from": (1, 0.7), "flag": (2, 0.7), "demonym": (3, 0.5), "place-only": (4, 0.7),
    "hashtag": (5, 0.6), "profile": (6, 0.6), "visit": (7, 0.6),
}  # fmt: skip
REASON = {"here": "self-in", "leading": "self-in"}
# Where someone comes from, not where they live: never beats a stated residence, the
# profile location included ("I'm Turkish" from a Berlin profile is in Germany).
ORIGIN = frozenset({"self-from", "demonym", "flag"})


class Cand(NamedTuple):
    how: str
    cc: str | None
    certainty: float
    senses: tuple[Sense, ...] = ()  # of a name with no primary sense ("Georgetown")


class Scan:
    def __init__(self) -> None:
        self.cands: list[Cand] = []
        self.russia = False
        # A phrase of living somewhere named a place the gazetteer does not know
        # ("живея в Тараклия"): a demonym is then where the writer is from, not where.
        self.home_unknown = False

    def add(self, how: str, chain: Chain | None, *, ties_only: bool = False) -> None:
        if chain is None:
            return
        self.russia = self.russia or chain.russian
        if not ties_only:
            res = chain.res
            self.cands.append(Cand(how, res.cc, res.certainty, () if res.cc else res.senses))


def decide(cands: list[Cand], hint: frozenset[str] = frozenset()) -> tuple[str | None, float, str]:
    """One country from the evidence; `hint` holds the countries whose own words the
    text uses (Malay, Tagalog, Patois): it only picks among an ambiguous name's senses."""
    if not cands:
        return None, 0.0, "none"
    best = min(RANK[c.how][0] for c in cands)
    top = [c for c in cands if RANK[c.how][0] == best]
    placed = [c for c in top if c.cc]
    if not placed:
        # "Saya tinggal di Georgetown", or "Georgetown here" from a Penang profile: a
        # name several countries share is settled by the text's language or by other
        # evidence naming one of its countries, else it places nobody.
        placed = _settled(top, cands, hint)
        if not placed:
            return None, 0.0, "ambiguous"
    if len({c.cc for c in placed}) > 1:
        return None, 0.0, "conflict"
    if placed[0].how in ORIGIN:
        home = {c.cc for c in cands if c.how == "profile" and c.cc}
        if home and home != {placed[0].cc}:
            placed = [c for c in cands if c.how == "profile"]
    pick = max(placed, key=lambda c: RANK[c.how][1] * c.certainty)
    confidence = round(RANK[pick.how][1] * pick.certainty, 2)
    return pick.cc, confidence, REASON.get(pick.how, pick.how)


def _settled(top: list[Cand], cands: list[Cand], hint: frozenset[str]) -> list[Cand]:
    out = []
    others = {c.cc for c in cands if c.cc}
    for c in top:
        ccs = {s.cc for s in c.senses if s.cc}
        for pool in (others, hint):
            fit = ccs & pool
            if len(fit) == 1:
                out.append(Cand(c.how, next(iter(fit)), 0.8))
                break
    return out
