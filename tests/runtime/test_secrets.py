"""Secrets never reach the output, even at DEBUG where tweepy logs request headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.runtime.settings import load_settings
from tests.support.daemon_proc import DaemonProc
from tests.support.fakex import X_CREDENTIALS, FakeX
from tests.support.roots import make_root


@pytest.mark.slow
def test_debug_logging_leaks_no_credential_nor_signature(tmp_path: Path, fake_x: FakeX) -> None:
    root = make_root(tmp_path)
    fake_x.add_mention("@CloseTheCampsBot I'm in Leeds, who do I write to?", "leeds_reader")
    fake_x.fail("post", "503")  # error paths log too
    d = DaemonProc(root, fake_x.url, tmp_path / "state.sqlite3", extra_env={"LOG_LEVEL": "DEBUG"})
    try:
        d.wait_for(
            lambda: len(fake_x.timeline()) >= 3 and any(p.in_reply_to for p in fake_x.timeline())
        )
    finally:
        d.terminate()
    out = d.output
    assert "urllib3" in out or "tweepy" in out or "requests" in out.lower(), (
        "DEBUG output should include the HTTP libraries' lines this test guards"
    )
    for value in X_CREDENTIALS.values():
        assert value not in out
    signatures = set()
    for r in fake_x.requests():
        m = re.search(r'oauth_signature="([^"]+)"', r.authorization or "")
        if m:
            signatures.add(m.group(1))
    assert signatures
    for sig in signatures:
        assert sig not in out
    assert 'oauth_signature="' not in out
    assert "Leeds" not in out  # the mention's text is not logged either


def test_env_file_readable_by_others_gets_a_warning(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    env = root / ".env"
    env.write_text("LOG_LEVEL=INFO\n")
    env.chmod(0o644)
    settings, _ = load_settings(root)
    assert settings.env_warning and "chmod 600" in settings.env_warning
    env.chmod(0o600)
    settings, _ = load_settings(root)
    assert settings.env_warning is None


def test_daemon_warns_at_start_about_a_readable_env(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    (root / ".env").write_text("LOG_FORMAT=json\n")
    (root / ".env").chmod(0o640)
    d = DaemonProc(root, None, tmp_path / "var" / "state.sqlite3")
    try:
        d.wait_for(lambda: d.saw('"ready"') or d.saw("ready"))
    finally:
        d.terminate()
    assert d.saw("readable by group or others")
    assert d.lines[0].startswith("{")  # LOG_FORMAT from .env took effect: JSON lines


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"X_API_KEY": "only-this-one"}, "X credentials incomplete"),
        ({"MASTODON_ACCESS_TOKEN": "only-this-one"}, "MASTODON_BASE_URL not set"),
        ({"BLUESKY_HANDLE": "only-this-one"}, "BLUESKY_APP_PASSWORD not set"),
    ],
)
def test_partial_credentials_are_refused_in_one_line(
    tmp_path: Path, env: dict[str, str], says: str
) -> None:
    root = make_root(tmp_path)
    d = DaemonProc(root, None, tmp_path / "state.sqlite3", extra_env=env)
    code = d.proc.wait(timeout=20)
    d._reader.join(timeout=2)
    assert code == 2
    assert len(d.lines) == 1 and says in d.lines[0]
    assert "only-this-one" not in d.output
