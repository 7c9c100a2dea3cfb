"""The daemon as a process while its wall clock steps (libfaketime moves it at run time)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import FakeX
from tests.support.roots import make_root

pytestmark = pytest.mark.slow

FAKETIME = next(
    Path(f"/usr/lib/{arch}-linux-gnu/faketime/libfaketime.so.1")
    for arch in ("x86_64", "aarch64", os.uname().machine)
    if Path(f"/usr/lib/{arch}-linux-gnu/faketime/libfaketime.so.1").exists()
    or arch == os.uname().machine
)


def set_offset(rc: Path, offset: str) -> None:
    """Replace the offset in one step: libfaketime reading a half-written file saw no
    offset, and the daemon's clock flipped back and forth an hour (a test artefact: a real
    clock steps once)."""
    tmp = rc.with_suffix(".tmp")
    tmp.write_text(offset + "\n")
    os.replace(tmp, rc)


def _faketime(tmp: Path, offset: str) -> tuple[Path, dict[str, str]]:
    if not FAKETIME.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{FAKETIME} missing: ci/install-test-deps.sh installs Debian's faketime")
        pytest.skip("Debian's faketime is not installed (ci/install-test-deps.sh does it as root)")
    rc = tmp / "faketime.rc"
    set_offset(rc, offset)
    env = {
        "LD_PRELOAD": str(FAKETIME),
        "FAKETIME_TIMESTAMP_FILE": str(rc),
        # Re-read at most once a second: re-reading at every call of time() made every
        # log line and query crawl under load.
        "FAKETIME_CACHE_DURATION": "1",
        # Only the wall clock steps, as when NTP or an operator sets it.
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }
    return rc, env


def test_a_clock_stepped_back_an_hour_does_not_stall_mentions(
    tmp_path: Path, fake_x: FakeX
) -> None:
    rc, env = _faketime(tmp_path, "+0")
    d = DaemonProc(make_root(tmp_path), fake_x.url, tmp_path / "state.sqlite3", extra_env=env)
    try:
        d.wait_for(lambda: d.saw("ready") and len(fake_x.requests("mentions")) >= 2)
        set_offset(rc, "-1h")
        d.wait_for(lambda: d.saw("the wall clock stepped"))
        mid = fake_x.add_mention("@CloseTheCampsBot I live in Dublin, what can I do?", "reader")
        d.wait_for(lambda: any(p.in_reply_to == mid for p in fake_x.timeline()), timeout=15)
        posts = len([p for p in fake_x.timeline() if not p.in_reply_to])
        d.wait_for(lambda: len([p for p in fake_x.timeline() if not p.in_reply_to]) > posts)
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, d.output
    assert "Traceback" not in d.output


def test_after_a_run_a_day_ahead_every_slots_post_again(tmp_path: Path, fake_x: FakeX) -> None:
    root, state = make_root(tmp_path), tmp_path / "state.sqlite3"
    _, env = _faketime(tmp_path, "+1d")
    d = DaemonProc(root, fake_x.url, state, extra_env=env)
    try:
        d.wait_for(lambda: len(fake_x.timeline()) >= 2)
    finally:
        d.stop()
    before = len(fake_x.timeline())
    d = DaemonProc(root, fake_x.url, state)  # the clock is right again
    try:
        d.wait_for(lambda: len(fake_x.timeline()) >= before + 2, timeout=15)
        assert d.saw("a stored time lies in the future")
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, d.output
    posted = [p.text for p in fake_x.timeline()]
    assert len(posted) == len(set(posted))


def _cron_root(tmp: Path, zone: str, cron: str, jitter: str) -> Path:
    return make_root(
        tmp,
        f'timezone: {zone}\nposts:\n  - name: daily\n    cron: "{cron}"\n'
        f"    jitter: {jitter}\nmentions:\n  every: 3s\n",
    )


def test_a_cron_slot_does_not_post_again_when_the_clock_goes_back_past_it(
    tmp_path: Path, fake_x: FakeX
) -> None:
    rc, env = _faketime(tmp_path, "@2026-12-07 10:25:52")
    root = _cron_root(tmp_path, "UTC", "26 10 * * *", "0s")
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3", extra_env=env)
    try:
        d.wait_for(lambda: any(not p.in_reply_to for p in fake_x.timeline()), timeout=30)
        set_offset(rc, "@2026-12-07 10:25:50")  # back past 10:26:00, which comes again
        d.wait_for(lambda: d.saw("its next run comes after it"), timeout=30)
        d.wait_for(lambda: len(fake_x.requests("mentions")) >= 8, timeout=40)  # past 10:26
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, d.output
    assert len([p for p in fake_x.timeline() if not p.in_reply_to]) == 1, d.output


def test_a_cron_run_the_clock_jumps_over_is_caught_up(tmp_path: Path, fake_x: FakeX) -> None:
    """Before: a step forward over a due run (10:29:40 to 10:30:20) lost that day's post
    without a word; a restart would have caught it up."""
    rc, env = _faketime(tmp_path, "@2026-12-07 10:29:40")
    root = _cron_root(tmp_path, "UTC", "30 10 * * *", "0s")
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3", extra_env=env)
    try:
        d.wait_for(lambda: d.saw("ready"))
        set_offset(rc, "@2026-12-07 10:30:25")
        d.wait_for(lambda: any(not p.in_reply_to for p in fake_x.timeline()), timeout=30)
    finally:
        code, took = d.stop()
    assert code == 0 and took < 5.0, d.output
    assert d.saw("missed slot: posting it now")
    assert len([p for p in fake_x.timeline() if not p.in_reply_to]) == 1, d.output
