"""What the evidence says about where the writer is *not*, and homes only protection uses.

Three rules over a scan's candidates before they are weighed (bot.locate._evidence):
- a phrase of living somewhere whose place the gazetteer does not know ("живея в
  Тараклия") makes a demonym or flag where the writer is from, not where they are;
- living "abroad" ("我是高雄人，現在在國外念書", "Irish but living abroad") takes origin out;
- a town opening the message, then a pause ("in Colombo. is it safe?"), is never placed,
  since it may be the news, but is a home the policy protects (Placement.homes).
"""

from __future__ import annotations

import re

from bot.locate._evidence import ORIGIN, Cand, Scan
from bot.locate._text import Chain, Text

HOME_ONLY = "home-only"  # evidence for Placement.homes, never for the country

# The words first: one set lookup, where the expression would cost every mention a search.
_ABROAD_WORDS = frozenset(
    ("abroad", "overseas", "extranjero", "exterior", "etranger", "l'etranger", "ausland")
)
_ABROAD = re.compile(
    r"\b(?:liv(?:e|ing)|based|settled|am|i'm|now)\s+(?:abroad|overseas)\b|"
    r"在國外|在国外|在海外|人在國外|人在国外|出國|出国|"
    r"\b(?:vivo|vivimos|estoy|moro|je\s+vis|j'habite|ich\s+lebe|ich\s+wohne)\s+"
    r"(?:en\s+el|no|a\s+l'|à\s+l'|im)\s*(?:extranjero|exterior|étranger|etranger|ausland)",
    re.IGNORECASE,
)


def name_like(raw: str) -> bool:
    """Capitalised, or in a script without case: could be a town's name."""
    first = raw[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


def may_be_home(t: Text, chain: Chain, scan: Scan) -> None:
    """A town (not a country, not in Russia) opening the message, then a pause."""
    if (
        not chain.russian
        and chain.end < len(t.keys)
        and t.gaps[chain.end] != "space"
        and not any(s.kind == "c" for s in chain.res.senses)
    ):
        scan.cands.append(Cand(HOME_ONLY, chain.res.cc, 0.0, chain.res.senses))


def set_aside(scan: Scan, body: str, keys: list[str]) -> list[Cand]:
    """Apply the rules above to scan.cands; return the home-only candidates taken out."""
    if scan.home_unknown:
        scan.cands[:] = [c for c in scan.cands if c.how not in ("demonym", "flag")]
    homes_only = [c for c in scan.cands if c.how == HOME_ONLY]
    if homes_only:
        scan.cands[:] = [c for c in scan.cands if c.how != HOME_ONLY]
    if (not _ABROAD_WORDS.isdisjoint(keys) or "外" in body or "出" in body) and _ABROAD.search(
        body
    ):
        scan.cands[:] = [c for c in scan.cands if c.how not in ORIGIN]
    return homes_only
