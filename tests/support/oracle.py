"""X's own counting, from twitter-text-parser: the oracle the length tests compare with.

Imported on first use: with pkg_resources and its emoji tables it costs about a second
of CPU, and the files that use it most run on one worker (ONE_WORKER, tests/conftest.py).

    oracle(text) -> int              X's weighted length
    oracle_valid(text) -> bool       whether X would accept the text
    oracle_urls(text) -> [str]       the URLs X links
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any


@functools.cache
def _parser() -> tuple[Callable[[str], Any], Callable[[str], list[str]]]:
    with warnings.catch_warnings():  # the oracle imports pkg_resources, which warns
        warnings.simplefilter("ignore")
        from twitter_text import parse_tweet
        from twitter_text.extract_urls import extract_urls
    return parse_tweet, extract_urls


def oracle(text: str) -> int:
    return int(_parser()[0](text).weightedLength)


def oracle_valid(text: str) -> bool:
    return bool(_parser()[0](text).valid)


def oracle_urls(text: str) -> list[str]:
    return list(_parser()[1](text))
