"""Shared pytest fixtures. Keep each fixture small and documented; others add theirs here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.platforms.x import XPlatform
from tests.support.fakex import X_CREDENTIALS, FakeX


@pytest.fixture
def fake_x() -> Iterator[FakeX]:
    """A fresh fake X API server on a free 127.0.0.1 port, stopped afterwards.

    Its "timeout" fault waits 5 s by default: longer than the adapter's default
    4.5 s deadline, so a daemon run with default timeouts really times out.
    """
    server = FakeX().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def x_platform(fake_x: FakeX) -> Iterator[XPlatform]:
    """The real X adapter pointed at `fake_x`, with short timeouts for fast tests."""
    platform = XPlatform(**X_CREDENTIALS, base_url=fake_x.url, timeout=(0.5, 0.5), deadline=1.0)
    try:
        yield platform
    finally:
        platform.close()
