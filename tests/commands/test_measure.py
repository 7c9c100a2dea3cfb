"""`closethecamps measure` (in this process, tests/support/cli.py): one text, JSON lines from
a file and stdin."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.support.cli import run_cli
from tests.support.paths import REPO

FAMILY = "👨‍👩‍👧‍👦"


def _measure(
    *args: str, stdin: bytes = b"", root: Path = REPO
) -> subprocess.CompletedProcess[bytes]:
    done = run_cli("measure", *args, "--root", str(root), stdin=stdin, cwd=REPO)
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.encode(), done.stderr.encode()
    )


def test_one_text_as_json() -> None:
    r = _measure("Hi http://test.co " + FAMILY, "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {
        "id": "cli",
        "x": {"length": 29, "limit": 280, "ok": True},
        "mastodon": {"length": 28, "limit": 500, "ok": True},
        "bluesky": {"length": 12, "limit": 300, "ok": True, "bytes": 36, "byte_limit": 3000},
    }


def test_a_table_and_exit_1_when_a_platform_is_exceeded(tmp_path: Path) -> None:
    r = _measure("é" * 290, root=tmp_path)  # any folder: measure reads nothing from it
    out = r.stdout.decode()
    assert r.returncode == 1, r.stderr
    assert "X" in out and "290    280  NO" in out and "290    500  yes" in out
    assert "graphemes" in out and "bytes" in out


def test_jsonl_from_a_file_goes_on_after_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "Close the camps https://lgbtnet.org"}\n'
        b"not json\n"
        b"\xff\xfe\n"
        b'{"id": "b"}\n'
        b"\n"
        b'{"text": "' + ("中" * 150).encode() + b'"}\n'
    )
    r = _measure("--jsonl", str(src))
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [row["id"] for row in rows] == ["a", "6"]
    assert rows[0]["x"] == {"length": 39, "limit": 280, "ok": True}
    assert rows[1]["x"]["ok"] is False and rows[1]["bluesky"]["bytes"] == 450
    errors = r.stderr.decode().splitlines()
    assert [e.split(": ")[0] for e in errors] == [f"{src}:2", f"{src}:3", f"{src}:4"]
    assert "UTF-8" in errors[1] and "Traceback" not in r.stderr.decode()
    assert r.returncode == 1


def test_jsonl_from_stdin_exit_0_when_all_fit() -> None:
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(["a", FAMILY]))
    r = _measure("--jsonl", "-", stdin=lines.encode())
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(row["id"], row["bluesky"]["length"]) for row in rows] == [("0", 1), ("1", 1)]


def test_text_and_jsonl_together_or_neither_is_a_usage_error() -> None:
    assert _measure().returncode == 2
    assert _measure("x", "--jsonl", "-", stdin=b"").returncode == 2


def test_a_missing_file_is_one_line() -> None:
    r = _measure("--jsonl", "/nonexistent/in.jsonl")
    assert r.returncode == 1
    assert r.stderr.decode().count("\n") == 1 and "cannot read" in r.stderr.decode()
