"""Never a traceback, never a stray file: each bad input is one line and an exit code."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.runtime.redact import RedactingFilter
from bot.runtime.settings import load_settings
from tests.support.cli import run_cli

BOT = [sys.executable, "-m", "bot"]


def run(
    *args: str, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """The command in this process (tests/support/cli.py), its output as bytes."""
    done = run_cli(*args, stdin=stdin, cwd=cwd)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.encode(), done.stderr.encode()
    )


def run_process(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The command as its own process: for the daemon, which sets up signals and logging."""
    return subprocess.run(
        [*BOT, *args], capture_output=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )  # fmt: skip


def one_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [["status"], ["preview"], ["sandbox", "timeline"], ["sandbox", "mention", "hi"],
     ["route", "hi"], ["run"], ["links"], ["links", "--check"], ["validate"],
     ["approve", "--list"], ["approve", "some-id", "--by", "me"], ["report"]],
)  # fmt: skip
def test_a_folder_without_schedule_yaml_is_said_once_and_nothing_is_created(
    tmp_path: Path, args: list[str]
) -> None:
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert one_line(proc) == "closethecamps: no schedule.yaml in . (use --root)"
    assert list(tmp_path.iterdir()) == []


def test_status_on_a_text_file_or_a_missing_state_is_one_line(
    shared_valid_root: Path, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    proc = run("status", "--root", str(shared_valid_root), "--state", str(text))
    assert proc.returncode == 1 and "not a usable state database" in one_line(proc)
    typo = tmp_path / "typo.sqlite3"
    proc = run("status", "--root", str(shared_valid_root), "--state", str(typo))
    assert proc.returncode == 0 and b"(none yet" in proc.stdout and b"Traceback" not in proc.stderr
    assert not typo.exists()


def test_a_truncated_state_database_is_one_line(shared_valid_root: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "state.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    data = db.read_bytes()
    db.write_bytes(data[:60])  # cut inside the 100-byte header
    proc = run("status", "--root", str(shared_valid_root), "--state", str(db))
    assert proc.returncode == 1 and str(db) in one_line(proc)


def test_a_state_damaged_behind_its_header_is_one_line(
    shared_valid_root: Path, tmp_path: Path
) -> None:
    import sqlite3

    from bot.runtime.store import Store

    db = tmp_path / "state.sqlite3"
    store = Store(db)
    for i in range(400):  # enough rows for several pages
        store.record_mention(str(i), "a", "skip", "opt-out", None, None, now=float(i))
    store.close()
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    data = bytearray(db.read_bytes())
    data[8192:16384] = b"\xa5" * 8192  # a page in the middle, the header intact
    db.write_bytes(bytes(data))
    proc = run("status", "--root", str(shared_valid_root), "--state", str(db))
    assert proc.returncode == 1 and "damaged" in one_line(proc)


def test_a_state_in_a_folder_that_does_not_exist_creates_no_folders(
    shared_valid_root: Path, tmp_path: Path
) -> None:
    where = tmp_path / "typo" / "deep" / "state.sqlite3"
    proc = run_process("run", "--root", str(shared_valid_root), "--state", str(where))
    assert proc.returncode == 1 and "cannot" in one_line(proc)
    assert not (tmp_path / "typo").exists()
    proc = run("status", "--root", str(shared_valid_root), "--state", "")
    assert proc.returncode == 2 and "--state is empty" in one_line(proc)


def test_route_with_a_lone_surrogate_in_a_text_routes_the_other_lines(
    shared_valid_root: Path,
) -> None:
    lines = [b'{"id": "1", "text": "hi"}', b'{"id": "2", "text": "\\udc00x"}', b'{"id": "3"}']
    lines[2] = b'{"id": "3", "text": "ok"}'
    proc = run("route", "--jsonl", "-", "--root", str(shared_valid_root),
               stdin=b"\n".join(lines) + b"\n")  # fmt: skip
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert [x.split(b'"')[3] for x in proc.stdout.splitlines()] == [b"1", b"2", b"3"]


def test_approve_refuses_a_name_with_a_line_break(shared_valid_root: Path) -> None:
    proc = run("approve", "some-id", "--by", "a\nb", "--root", str(shared_valid_root))
    assert proc.returncode != 0 and "line break" in one_line(proc)


def test_run_with_an_unwritable_state_is_one_line(shared_valid_root: Path) -> None:
    proc = run_process(
        "run", "--root", str(shared_valid_root), "--state", "/proc/none/state.sqlite3"
    )
    assert proc.returncode == 1 and "cannot write the state here" in one_line(proc)


def test_route_jsonl_reports_bad_lines_at_their_number_and_goes_on(
    shared_valid_root: Path,
) -> None:
    lines = [
        b'{"id": "\\ud800", "text": "hi, I am in Paris"}',
        b"[" * 100_000,
        b'{"id": "x", "text": "caf\xe9"}',
        b'{"id": "ok", "text": "I live in Berlin, how can I help?"}',
    ]
    proc = run("route", "--jsonl", "-", "--root", str(shared_valid_root),
               stdin=b"\n".join(lines) + b"\n")  # fmt: skip
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    assert [ln.split(":")[1] for ln in err.splitlines()] == ["1", "2", "3"]
    assert "not valid UTF-8" in err.splitlines()[2]
    assert proc.stdout.decode().count("\n") == 1 and '"id": "ok"' in proc.stdout.decode()


def test_problems_name_the_env_line_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET",
                "LOG_LEVEL"):  # fmt: skip
        monkeypatch.delenv(key, raising=False)
    (tmp_path / ".env").write_text("# keys\nSTATE_DB=var/s.sqlite3\nX_API_KEY=abcdefghijklmnop\n")
    _, problems = load_settings(tmp_path)
    assert [p.render().split(" X credentials")[0] for p in problems] == [".env:3:"]
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    _, problems = load_settings(tmp_path)
    assert any(p.render().startswith("environment: LOG_LEVEL 'LOUD'") for p in problems)


@pytest.mark.parametrize("keys", [["a", "b", "c", "d"], ["INFO", "ready", "x", "en"]])
def test_placeholder_keys_leave_the_log_readable_and_are_warned_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: list[str]
) -> None:
    # Before: "re[redacted][redacted]y", then "[redacted] platform=[redacted]". A value this
    # short is no secret of any network; the warning says so.
    flt = RedactingFilter([*keys, "realSecretValue123456789"])
    line = "INFO ready: posted a reply platform=x language=en realSecretValue123456789"
    record = logging.LogRecord("t", logging.INFO, __file__, 1, line, None, None)
    flt.filter(record)
    assert record.getMessage() == line.replace("realSecretValue123456789", "[redacted]")
    names = ["X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET"]
    for k, v in zip(names, keys, strict=True):
        monkeypatch.setenv(k, v)
    settings, _ = load_settings(tmp_path)
    assert settings.placeholder_warning and "look like placeholders" in settings.placeholder_warning
    monkeypatch.setenv("X_API_KEY", "changeme-please-0000000000")
    settings, _ = load_settings(tmp_path)
    assert settings.placeholder_warning and "X_API_KEY" in settings.placeholder_warning


def test_approve_lists_ids_and_never_says_to_write_by_hand(shared_valid_root: Path) -> None:
    proc = run("approve", "--list", "--root", str(shared_valid_root))
    out = proc.stdout.decode().splitlines()
    assert proc.returncode == 0 and out and all("(approved)" in ln for ln in out)
    assert out[0].startswith("messages/")
    bad = run("approve", "nope", "--by", "me", "--root", str(shared_valid_root))
    line = one_line(bad)
    assert line.startswith("closethecamps approve: ") and "approve --list" in line
    assert "by hand" not in line


def test_preview_rejects_a_negative_count(shared_valid_root: Path) -> None:
    proc = run("preview", "--count", "-3", "--root", str(shared_valid_root))
    assert proc.returncode == 2 and "at least 1" in one_line(proc)


@pytest.mark.parametrize(
    "make", ["fifo", "too-big", "not-utf8", "unparsable", "spaced", "nul", "bad-url"]
)
def test_a_hostile_or_broken_env_file_is_one_line_and_never_the_sandbox(
    valid_root: Path, make: str
) -> None:
    """Before: a FIFO or a device as .env was skipped without a word (the daemon started
    on the sandbox), a 600 MB .env took 29 s and 1.27 GB, invalid UTF-8 was a traceback,
    and a line python-dotenv could not read was reported in its words, not ours."""
    env = valid_root / ".env"
    if make == "fifo":
        os.mkfifo(env)
    elif make == "too-big":
        with open(env, "wb") as f:
            f.truncate(600_000_000)
    elif make == "not-utf8":
        env.write_bytes(b"X_API_KEY=caf\xe9\n")
    elif make == "unparsable":
        env.write_text("# keys\nX_API_KEY abc\n")
    elif make == "nul":
        env.write_bytes(b"# state\nSTATE_DB=var/\x00x.db\n")
    elif make == "bad-url":
        env.write_text("X_API_BASE_URL=http://[::1\n")
    else:  # spaces around '=': python-dotenv reads it; the line number must be right
        env.write_text("# keys\n\nX_API_KEY = abcdefghijklmnopqrstuvwxyz\n")
    proc = run_process("run", "--root", str(valid_root))
    want = {
        "fifo": ".env:1: not a regular file but a named pipe (FIFO)",
        "too-big": ".env:1: the file is 600,000,000 bytes",
        "not-utf8": ".env:1: not valid UTF-8",
        "unparsable": ".env:2: not a setting",
        "spaced": ".env:3: X credentials incomplete",
        "nul": ".env:2: STATE_DB holds a NUL byte",
        "bad-url": ".env:1: X_API_BASE_URL is not an http(s) address",
    }[make]
    assert proc.returncode == 2 and one_line(proc).startswith(want), proc.stderr


def test_route_names_a_line_with_a_number_of_thousands_of_digits(
    shared_valid_root: Path,
) -> None:
    lines = [b'{"id": ' + b"9" * 5000 + b', "text": "hi"}', b'{"id": "2", "text": "ok"}']
    proc = run("route", "--jsonl", "-", "--root", str(shared_valid_root),
               stdin=b"\n".join(lines) + b"\n")  # fmt: skip
    # Before: Python's own "Exceeds the limit (4300 digits) ... use sys.set_int_max_str_d",
    # cut mid-word.
    assert "a number of thousands of digits" in one_line(proc)
    assert proc.stdout.count(b"\n") == 1


def test_sigterm_while_the_daemon_starts_is_exit_0_and_one_line(
    shared_valid_root: Path, tmp_path: Path
) -> None:
    """Before: a SIGTERM in the first second or so killed the process by signal (-15)."""
    import signal
    import time

    proc = subprocess.Popen(
        [*BOT, "run", "--root", str(shared_valid_root), "--state", str(tmp_path / "s.db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )  # fmt: skip
    time.sleep(0.4)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert b"Traceback" not in out + err
