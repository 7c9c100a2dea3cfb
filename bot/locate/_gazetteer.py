"""Lazy gazetteer access and the primary-sense rule for bot.locate."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from bot.locate._normalise import squeeze, stem_key

_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.json"

# A namesake must be this many times smaller before the bigger one is assumed
# ("Perth" -> AU, "Manchester" -> GB, "Barcelona" -> ES; "Cambridge" stays open,
# and namesakes the numbers get wrong are listed as ambiguous in the builder).
DOMINANCE = 2.0
MAX_WORDS = 5


# NamedTuples rather than frozen dataclasses: these are built by the thousand per
# second, and a frozen dataclass's __init__ costs several times a tuple's.
class Sense(NamedTuple):
    cc: str  # "" for regions that name no single country ("Europe")
    kind: str  # c country, s subdivision, t town, a town by alternate name, x region
    score: float


class Resolution(NamedTuple):
    cc: str | None
    certainty: float  # 1.0 unique, lower when a primary-sense or qualifier rule decided
    senses: tuple[Sense, ...]

    @property
    def russian(self) -> bool:
        if self.cc is not None:
            return self.cc == "RU"
        return any(s.cc == "RU" for s in self.senses)


class Gazetteer:
    def __init__(self, raw: dict[str, object]) -> None:
        self._places = _str_dict(raw["places"])
        codes = raw["codes"]
        assert isinstance(codes, dict)
        self.codes: dict[str, frozenset[str]] = {str(k): frozenset(v) for k, v in codes.items()}
        self.demonyms = _str_dict(raw["demonyms"])
        self.ambiguous = _word_set(raw["ambiguous"])
        self.common = _word_set(raw["common"])
        self.given = _word_set(raw["given_names"])  # a subset of common
        self.countries = _word_set(raw["countries"])  # ISO 3166-1 alpha-2
        self.names = _word_set(raw["names"])
        self.occupied = _word_set(raw["occupied"])
        # Inflected forms meet the stems ("в Крыму", "з Криму").
        self.occupied_stems = frozenset(stem_key(o) for o in self.occupied if not o.isascii())
        # Russian towns and regions other than the campaign's own places (see the build
        # script); their stems are made on first need, as only Cyrillic text uses them.
        self.russian_places = _word_set(raw["russian_places"])
        self._russian_stems: frozenset[str] | None = None
        self._stems: dict[str, dict[str, list[str]]] = {}
        self._by_first: dict[str, list[str]] | None = None
        self._span: dict[str, int] | None = None
        self._pairs: frozenset[str] | None = None
        self._demonym_heads: frozenset[str] | None = None

    def senses(self, key: str) -> tuple[Sense, ...]:
        raw = self._places.get(key)
        return _parse(raw) if raw else ()

    def span(self, first_word: str) -> int:
        """How many words the longest name starting with this word has (0: none)."""
        if self._span is None:
            span: dict[str, int] = {}
            for name in self._places:
                head, _, _ = name.partition(" ")
                span[head] = max(span.get(head, 0), name.count(" ") + 1)
            self._span = span
        return self._span.get(first_word, 0)

    def has(self, key: str) -> bool:
        return key in self._places

    def may_start(self, key: str, nxt: str | None) -> bool:
        """False only if no exact name starts with `key` (followed by `nxt`, if any).

        A cheap necessary condition for longest() to find anything at a word: a
        one-word name is the key itself, a longer one begins with its first two words.
        """
        if key in self._places:
            return True
        if nxt is None:
            return False
        if self._pairs is None:
            self._pairs = frozenset(
                " ".join(name.split(" ", 2)[:2]) for name in self._places if " " in name
            )
        return key + " " + nxt in self._pairs

    @property
    def demonym_heads(self) -> frozenset[str]:
        if self._demonym_heads is None:
            self._demonym_heads = frozenset(d.partition(" ")[0] for d in self.demonyms)
        return self._demonym_heads

    @property
    def russian_stems(self) -> frozenset[str]:
        """Stems of the Cyrillic names in russian_places, for "из Уфы", "в Нальчике"."""
        if self._russian_stems is None:
            self._russian_stems = frozenset(
                stem_key(k) for k in self.russian_places if len(k) >= 3 and not k.isascii()
            )
        return self._russian_stems

    def by_stem(self, key: str) -> tuple[Sense, ...]:
        """Senses of every name sharing this inflection stem ("москве" -> Moscow)."""
        if not key:
            return ()
        # Stemming keeps a word's first letter, so only names with the same first letter
        # can share a stem. Indexing one letter at a time, on demand, avoids stemming all
        # 50,000 names (a third of a second) before the first answer.
        stems = self._stems.get(key[0])
        if stems is None:
            stems = {}
            for name in self._starting(key[0]):
                stems.setdefault(stem_key(name), []).append(name)
            self._stems[key[0]] = stems
        names = stems.get(stem_key(key), [])
        return tuple(s for name in names for s in self.senses(name))

    def by_squeeze(self, key: str) -> str | None:
        """The name whose doubled letters collapse as the key's do ("Tallinnnn"); the
        first in sort order when several do. Squeezing keeps the first letter."""
        if not key:
            return None
        wanted = squeeze(key)
        return min((n for n in self._starting(key[0]) if squeeze(n) == wanted), default=None)

    def _starting(self, letter: str) -> list[str]:
        """Names by first letter, indexed once: stemming and squeezing each look at the
        names of one letter, not at all 70,000 of them every time."""
        if self._by_first is None:
            by_first: dict[str, list[str]] = {}
            for name in self._places:
                by_first.setdefault(name[0], []).append(name)
            self._by_first = by_first
        return self._by_first.get(letter, [])


def _str_dict(value: object) -> dict[str, str]:
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}


def _word_set(value: object) -> frozenset[str]:
    assert isinstance(value, list)
    return frozenset(str(v) for v in value)


@cache
def _parse(raw: str) -> tuple[Sense, ...]:
    out = []
    for token in raw.split(" "):
        cc = "" if token[:2] == "--" else token[:2]
        out.append(Sense(cc, token[2], float(token[3:])))
    return tuple(out)


@cache
def gazetteer() -> Gazetteer:
    # Loaded on first use, not at import: importing bot.locate must stay cheap.
    with _PATH.open(encoding="utf-8") as fh:
        return Gazetteer(json.load(fh))


def resolve(senses: Iterable[Sense]) -> Resolution:
    """Pick the country a bare name means, or None when it has no primary sense."""
    senses = tuple(senses)
    real = [s for s in senses if s.kind != "x"]
    if not real:
        return Resolution(None, 0.0, senses)
    countries = {s.cc for s in real if s.kind == "c"}
    if countries:
        # A country's own name beats any namesake town ("Armenia", "Mexico").
        cc = next(iter(countries)) if len(countries) == 1 else None
        return Resolution(cc, 1.0 if cc else 0.0, senses)
    best: dict[str, float] = {}
    for s in real:
        best[s.cc] = max(best.get(s.cc, 0.0), s.score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1:
        return Resolution(ranked[0][0], 1.0, senses)
    if ranked[0][1] >= DOMINANCE * ranked[1][1]:
        return Resolution(ranked[0][0], 0.85, senses)
    return Resolution(None, 0.0, senses)


def qualify(head: tuple[Sense, ...], qual: frozenset[str], *, by_name: bool) -> Resolution:
    """Apply a qualifier ("Sydney, Nova Scotia", "Austin, TX") to a head name.

    A named qualifier wins even if the head town is too small for the gazetteer
    ("Paris, Texas"); a bare code only narrows, because "OK"/"IN" can be words.
    """
    inside = tuple(s for s in head if s.cc in qual)
    if inside:
        res = resolve(inside)
        if res.cc is None and len(qual) == 1:
            return Resolution(next(iter(qual)), 0.9, head)
        return res
    if by_name and len(qual) == 1 and not any(s.kind == "c" for s in head):
        return Resolution(next(iter(qual)), 0.9, head)
    return Resolution(None, 0.0, head)
