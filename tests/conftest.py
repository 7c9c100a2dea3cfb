"""Shared pytest fixtures. Keep each fixture small and documented; others add theirs here."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from xdist.scheduler import LoadScopeScheduling

from bot.platforms.x import XPlatform
from tests.support.badcases import make_valid_root
from tests.support.bluesky import BlueskyNetwork, bluesky_from, node22, start_bluesky
from tests.support.fakex import X_CREDENTIALS, FakeX
from tests.support.paths import REPO
from tests.support.servers import (
    Prestart,
    cache_dir,
    shared_root,
    shared_server,
    stop_leftovers,
    unavailable,
)
from tests.support.snac import SnacServer, snac_from, start_snac

# --- hypothesis profiles ---------------------------------------------------------------
# Property tests take their example counts from the profile; the ones whose every
# example is a 5,000-10,000-character text take a tenth (tests/support/examples.py).
#
#   ci   300 examples, 30 for the long-text tests. 300 is what the suite ran before the
#        profiles; the short-text properties cost 2-25 ms an example (about 7 s for the
#        costliest, routing in test_hostile). The long-text tests cost ~0.5 s an example
#        on average and up to 4 s (bot/locate's word scan is quadratic on long runs of
#        non-letters), so 30 each is ~15 s, and as many as test_locate always ran.
#        Used when CI is set (CI sets CI=true): a fresh clone has no example database,
#        so every run explores anew; print_blob says how to replay a failure.
#   dev  100 examples (Hypothesis's own default), 10 for the long-text tests: the
#        property tests then take ~10 s of a local `make test` instead of ~30 s.
#        The default; the example database in .hypothesis/ replays past failures first.
#
# HYPOTHESIS_PROFILE=ci|dev picks one explicitly. No deadline in either: every property
# test already ran without one, and two xdist workers on two cores make timings noisy.
settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=100, deadline=None)
_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _CI else "dev"))


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


# --- real local servers (tests/support/servers.py) -------------------------------------
# One of each per test run, shared by the xdist workers and stopped after the last test
# that uses it; ci/install-test-servers.sh installs them. Missing: skipped, failed in CI.


@pytest.fixture(scope="session")
def snac_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SnacServer]:
    """snac2, a real ActivityPub server with the Mastodon client API, on 127.0.0.1:
    the bot's account and two people's, each with an OAuth token."""
    if shutil.which("snac") is None:
        unavailable("snac2 is not installed")
    with shared_server(shared_root(tmp_path_factory) / "snac", start_snac) as info:
        yield snac_from(info)


@pytest.fixture(scope="session")
def bluesky_network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BlueskyNetwork]:
    """A local Bluesky network (@atproto/dev-env: PLC, PDS, AppView) on 127.0.0.1, with
    PostgreSQL and Redis: the bot's account and two people's, with passwords."""
    missing = [
        what
        for what, there in (
            ("node 22 and @atproto/dev-env", node22().exists()),
            ("redis-server", shutil.which("redis-server") is not None),
            ("PostgreSQL", any(Path("/usr/lib/postgresql").glob("*/bin/postgres"))),
        )
        if not there
    ]
    if missing:
        unavailable(f"not installed: {', '.join(missing)} (looked in {cache_dir()})")
    early = _PRESTARTED.get("bluesky")
    if early is not None:
        yield bluesky_from(early.get())
        return
    with shared_server(shared_root(tmp_path_factory) / "bluesky", start_bluesky) as info:
        yield bluesky_from(info)


_PRESTARTED: dict[str, Prestart] = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the Bluesky network (~12 s of CPU) in the background as soon as the tests
    to run are known and one of them needs it; the tests using it are not marked slow,
    so other tests run meanwhile. Only when installed: otherwise the fixture skips."""
    needs = any("bluesky_network" in getattr(item, "fixturenames", ()) for item in session.items)
    factory = getattr(session.config, "_tmp_path_factory", None)
    if needs and node22().exists() and isinstance(factory, pytest.TempPathFactory):
        _PRESTARTED["bluesky"] = Prestart(shared_root(factory) / "bluesky", start_bluesky)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Give back what this process started early; then, in the process that ran the
    session (xdist's controller, or the only one), stop any shared server a crashed
    worker left running."""
    while _PRESTARTED:
        _PRESTARTED.popitem()[1].close()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    factory = getattr(session.config, "_tmp_path_factory", None)
    if isinstance(factory, pytest.TempPathFactory):
        stop_leftovers(shared_root(factory))


# Test files whose tests all run on one worker, a worker per group: each imports something
# heavy that the other workers then never load (atproto, ~2 s of CPU, when an adapter is
# built; the twitter-text oracle, ~1 s).
ONE_WORKER = {
    "tests/platforms/test_platform_bluesky.py": "atproto",
    "tests/platforms/test_platform_bluesky_recorded.py": "atproto",
    "tests/content/test_lengths.py": "twitter-text",
    "tests/content/test_textrules.py": "twitter-text",
}


class _GroupedLoad(LoadScopeScheduling):  # type: ignore[misc]  # xdist is untyped to mypy here
    """xdist's --dist load (one test at a time to whichever worker is free, in collection
    order with --no-loadscope-reorder), except that a group in ONE_WORKER is one unit.
    Not xdist's own loadgroup: it stopped grouping with pytest 9.2 (pytest-xdist#1386)."""

    def _split_scope(self, nodeid: str) -> str:
        return ONE_WORKER.get(nodeid.split("::", 1)[0], nodeid)


# optional: `-p no:xdist` (one process, for debugging) must still collect.
@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> LoadScopeScheduling | None:
    return _GroupedLoad(config, log) if config.getoption("dist") == "load" else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow first; each group keeps its order (a stable sort).

    xdist hands tests out one at a time (--maxschedchunk 1 in pyproject.toml), so the
    long ones start early, one per free worker, and the many short ones fill in around
    them instead of one long test ending the run on one core while the other idles.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# --- bot roots -------------------------------------------------------------------------
# A root is a folder `closethecamps --root` reads: messages/ and schedule.yaml.


@pytest.fixture
def empty_root(tmp_path: Path) -> Path:
    """A root with an empty messages/posts/ and the shipped allowlist, for tests that
    write their own posts files. No schedule.yaml."""
    (tmp_path / "messages/posts").mkdir(parents=True)
    shutil.copy2(REPO / "messages/allowed_domains.yaml", tmp_path / "messages")
    return tmp_path


@pytest.fixture(scope="module")
def root_schedule() -> str | None:
    """The schedule.yaml that `valid_root` and `shared_valid_root` put in place; None
    keeps the shipped one. A module overrides it with a fixture of the same name."""
    return None


@pytest.fixture
def valid_root(tmp_path: Path, root_schedule: str | None) -> Path:
    """tmp_path/root: the shipped content, approved so `validate` accepts it (a copy of
    one template built per session), with `root_schedule`. Each test gets its own copy
    and may change it."""
    root = make_valid_root(tmp_path / "root")
    if root_schedule is not None:
        (root / "schedule.yaml").write_text(root_schedule, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def shared_valid_root(tmp_path_factory: pytest.TempPathFactory, root_schedule: str | None) -> Path:
    """Like `valid_root`, but one copy for the whole module: only for tests that read it."""
    root = make_valid_root(tmp_path_factory.mktemp("shared") / "root")
    if root_schedule is not None:
        (root / "schedule.yaml").write_text(root_schedule, encoding="utf-8")
    return root
