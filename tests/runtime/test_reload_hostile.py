"""Hostile files (issue 11) against a running daemon: it refuses the file, keeps its last
good configuration, keeps answering mentions, and SIGTERM stops it within 5 s.

The old daemon reloaded on its main thread: a FIFO blocked it in open() for good (and
SIGTERM with it), the alias bomb took minutes and gigabytes, 30,000 levels crashed a
limitless libyaml. Each daemon runs under a 2 GB address-space cap, so a regression
fails with MemoryError instead of taking the test machine's memory.
"""

from __future__ import annotations

import signal
from functools import partial
from pathlib import Path

import pytest

from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.hostile import HAZARDS
from tests.support.roots import make_root

pytestmark = pytest.mark.slow  # every test here runs the daemon as a process

_CAPPED = (
    "import resource\n"
    "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    "from bot.cli import main\n"
    "raise SystemExit(main())\n"
)
# Every reload after the first load hangs for good, as a read of a FIFO did; the
# deadline is cut to 1 s so the test sees it reported.
_STUCK_RELOAD = (
    "import threading\n"
    "import bot.content.config as config\n"
    "import bot.runtime.daemon as daemon\n"
    "real, calls = config.check, []\n"
    "def check(*args, **kwargs):\n"
    "    calls.append(1)\n"
    "    if len(calls) > 1:\n"
    "        threading.Event().wait()\n"
    "    return real(*args, **kwargs)\n"
    "config.check = check\n"
    "daemon.RELOAD_DEADLINE = 1.0\n" + _CAPPED
)


def _refused(d: DaemonProc, target: str, words: str) -> bool:
    return any(f"{target}:1: " in ln and words in ln for ln in d.lines)


def _answers_a_mention(d: DaemonProc, fake_x: FakeX, author: str = "ally") -> None:
    # A new author each time: one person gets one reply per cooldown.
    mid = fake_x.add_mention("@CloseTheCampsBot I'm in Dublin, how can I help?", author, lang="en")
    d.wait_for(lambda: any(p.in_reply_to == mid for p in fake_x.timeline()))


def test_each_hostile_file_is_refused_and_sigterm_still_stops_the_daemon(
    tmp_path: Path, fake_x: FakeX
) -> None:
    # One daemon meets the hazards one after another, each left in place: after each
    # refusal it still answers, and SIGTERM stops it with all four under its root.
    root = make_root(tmp_path)
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3", python_args=("-c", _CAPPED))
    try:
        d.wait_for(lambda: d.saw("ready"))
        for hazard in sorted(HAZARDS):
            target = f"messages/posts/zz-{hazard}.yaml"
            words = HAZARDS[hazard](root / target)
            d.proc.send_signal(signal.SIGHUP)
            d.wait_for(partial(_refused, d, target, words), timeout=15)
            _answers_a_mention(d, fake_x, f"ally{hazard}")
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, (code, took, d.output)
    assert d.saw("reload refused")
    assert "Traceback" not in d.output


def test_a_reload_that_never_returns_is_reported_and_sigterm_still_stops(
    tmp_path: Path, fake_x: FakeX
) -> None:
    root = make_root(tmp_path)
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3", python_args=("-c", _STUCK_RELOAD))
    try:
        d.wait_for(lambda: d.saw("ready"))
        d.proc.send_signal(signal.SIGHUP)
        d.wait_for(lambda: d.saw("reload still running"), timeout=10)
        n = len(fake_x.timeline())
        d.wait_for(lambda: len(fake_x.timeline()) >= n + 2)  # still posting
        _answers_a_mention(d, fake_x)
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, (code, took, d.output)
    assert "Traceback" not in d.output
