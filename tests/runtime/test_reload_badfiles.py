"""A running daemon keeps its last good configuration when a broken file lands under it.

Every case of the bad-file corpus (tests/badfiles/) is dropped into the running
daemon's root in turn; each is refused with its file:line in the log, the daemon
keeps posting approved posts only, and takes the good files back afterwards.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.badcases import iter_cases
from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.roots import make_root

pytestmark = pytest.mark.slow


def test_every_broken_file_is_refused_and_the_last_good_config_keeps_running(
    tmp_path: Path, fake_x: FakeX
) -> None:
    root = make_root(tmp_path)
    good_texts = set()
    import yaml

    for f in (root / "messages" / "posts").glob("*.yaml"):
        good_texts |= {p["text"] for p in yaml.safe_load(f.read_text())["posts"]}
    good_schedule = (root / "schedule.yaml").read_text()
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3")
    cases = list(iter_cases())
    assert len(cases) >= 25
    try:
        d.wait_for(lambda: d.saw("ready"))
        previous = None
        for case in cases:
            # One reload per case: the last case's file goes as this one's comes.
            if previous is not None:
                previous.uninstall(root)
                (root / "schedule.yaml").write_text(good_schedule)  # ours, not the shipped one
            refused = sum("reload refused" in line for line in d.lines)
            start = len(d.lines)
            case.install(root)
            d.proc.send_signal(signal.SIGHUP)
            d.wait_for(_more(d.lines, "reload refused", refused))
            assert any(case.target + ":" in ln for ln in d.lines[start:]), case.name
            previous = case
        # The good files back: taken at once.
        reloaded = sum(" reloaded" in line for line in d.lines)
        if previous is not None:
            previous.uninstall(root)
            (root / "schedule.yaml").write_text(good_schedule)
        time.sleep(0.01)
        d.proc.send_signal(signal.SIGHUP)
        d.wait_for(_more(d.lines, " reloaded", reloaded))
        # Still working: a new mention is answered (posts alone could run out here: on a
        # loaded machine the 1 s slot can send the whole library within the 24 h rule).
        mid = fake_x.add_mention("@CloseTheCampsBot I live in Dublin, how can I help?", "late")
        d.wait_for(lambda: any(p.in_reply_to == mid for p in fake_x.timeline()))
    finally:
        code, _ = d.terminate()
    assert code == 0
    assert "Traceback" not in d.output
    assert {p.text for p in fake_x.timeline() if not p.in_reply_to} <= good_texts


def _more(lines: list[str], word: str, than: int) -> Callable[[], bool]:
    """True once more than `than` log lines hold `word`."""
    return lambda: sum(word in ln for ln in lines) > than
