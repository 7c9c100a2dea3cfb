"""The evidence a scan collects, and how it is weighed into one country."""

from __future__ import annotations

from typing import NamedTuple

from bot.locate._text import Chain

# Rank (lower wins), base confidence.
RANK = {
    "self-in": (0, 0.95), "here": (0, 0.9), "leading": (0, 0.85), "dateline": (0, 0.75),
    "self-from": (1, 0.85), "flag": (2, 0.85), "demonym": (3, 0.75), "place-only": (4, 0.7),
    "hashtag": (5, 0.6), "profile": (6, 0.6), "visit": (7, 0.6),
}  # fmt: skip
REASON = {"here": "self-in", "leading": "self-in"}


class Cand(NamedTuple):
    how: str
    cc: str | None
    certainty: float


class Scan:
    def __init__(self) -> None:
        self.cands: list[Cand] = []
        self.russia = False

    def add(self, how: str, chain: Chain | None, *, ties_only: bool = False) -> None:
        if chain is None:
            return
        self.russia = self.russia or chain.russian
        if not ties_only:
            self.cands.append(Cand(how, chain.res.cc, chain.res.certainty))


def decide(cands: list[Cand]) -> tuple[str | None, float, str]:
    if not cands:
        return None, 0.0, "none"
    best = min(RANK[c.how][0] for c in cands)
    top = [c for c in cands if RANK[c.how][0] == best]
    placed = [c for c in top if c.cc]
    if not placed:
        return None, 0.0, "ambiguous"
    if len({c.cc for c in placed}) > 1:
        return None, 0.0, "conflict"
    pick = max(placed, key=lambda c: RANK[c.how][1] * c.certainty)
    confidence = round(RANK[pick.how][1] * pick.certainty, 2)
    return pick.cc, confidence, REASON.get(pick.how, pick.how)
