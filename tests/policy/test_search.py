"""bot.policy.intent._search: one search for any of many phrases, as the plain alternation."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.policy.intent._search import any_of

PATTERNS = [
    r"\bstop (?:me|us)\b",
    r"\bno\b",
    r"\bab|ba",  # an alternation of its own: "ba" needs no word boundary
    r"не пиши",  # Russian "не" written onto the verb: tried everywhere
    r"\b[]a]x",  # a class holding "]"
    r"\b(?:x|y)z",
    r"\bq\|",  # an escaped bar is no alternation
]


@given(
    st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=5, unique=True),
    st.text(st.sampled_from("abstopmeunxyzq| не пиши]"), max_size=30),
)
def test_finds_one_exactly_when_the_plain_alternation_does(patterns: list[str], text: str) -> None:
    plain = re.compile("|".join(patterns))
    assert (any_of(patterns).search(text) is None) == (plain.search(text) is None)


def test_a_phrase_inside_a_word_is_still_found_only_where_its_pattern_allows() -> None:
    found = any_of([r"\bstop (?:me|us)\b", r"\bab|ba"])
    assert found.search("please stop me")
    assert not found.search("nonstop me")
    assert found.search("xba")  # the second branch of "\bab|ba" has no \b
