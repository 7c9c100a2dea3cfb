"""The daemon as a process against a server that trickles its answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.roots import make_root

pytestmark = pytest.mark.slow


def test_sigterm_abandons_a_trickling_call_and_the_next_start_settles_it(
    tmp_path: Path, fake_x: FakeX
) -> None:
    root = make_root(tmp_path)
    state = tmp_path / "state.sqlite3"
    fake_x.fail("post", "trickle", delay=2.0)  # one byte every 2 s: never a read timeout
    d = DaemonProc(root, fake_x.url, state)
    try:
        d.wait_for(lambda: len(fake_x.requests("post")) >= 1)
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, d.output
    with sqlite3.connect(state) as db:
        statuses = [r[0] for r in db.execute("SELECT status FROM attempts")]
    assert statuses == ["unknown"], d.output  # neither "sent" nor "not sent": unknown

    d = DaemonProc(root, fake_x.url, state)
    try:
        d.wait_for(lambda: len(fake_x.timeline()) >= 3)
    finally:
        code, took = d.stop()
    posted = [p.text for p in fake_x.timeline()]
    assert len(posted) == len(set(posted)), "posted twice"
    assert "Traceback" not in d.output
