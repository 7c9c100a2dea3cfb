"""What the policy tests share: the shipped reply library, every template approved."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.content.model import ReplyLibrary
from bot.content.templates import load_reply_library
from tests.support.roots import approved_copy


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> ReplyLibrary:
    lib, _ = load_reply_library(approved_copy(tmp_path_factory.mktemp("lib")), dt.date(2026, 12, 5))
    assert lib is not None
    return lib
