"""`route --jsonl` over inputs big enough to be split between worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import route as route_batch
from tests.support.paths import REPO
from tests.support.roots import FAST_SCHEDULE

TEXTS = [
    "I'm in Hamburg, how can I help?",
    "what can I do?",
    "я живу в Казани",
    "Perth here, any petition?",
    "stop",
    "🇨🇦 how do I help",
    "the men in Grozny",
]


@pytest.fixture(scope="module")
def root_schedule() -> str:
    """`shared_valid_root` gets the 1 s test schedule (see conftest.py)."""
    return FAST_SCHEDULE


def _route(root: Path, src: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "route", "--jsonl", str(src), *extra, "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


@pytest.mark.slow
def test_workers_give_the_same_lines_in_input_order(
    shared_valid_root: Path, tmp_path: Path
) -> None:
    n = route_batch.CHUNK * 2 + 17  # three chunks, the last one short
    lines = [json.dumps({"id": f"m{i}", "text": TEXTS[i % len(TEXTS)]}) for i in range(n)]
    lines[1500] = "not json"
    lines[1800] = "   "  # blank lines are skipped, not errors
    src = tmp_path / "big.jsonl"
    src.write_text("\n".join(lines) + "\n")
    parallel = _route(shared_valid_root, src, "--workers", "2")
    single = _route(shared_valid_root, src, "--workers", "1")
    assert parallel.returncode == single.returncode == 1
    assert parallel.stdout == single.stdout
    assert parallel.stderr == single.stderr
    assert parallel.stderr.strip().startswith(f"{src}:1501: ") and "Traceback" not in (
        parallel.stderr
    )
    ids = [json.loads(x)["id"] for x in parallel.stdout.splitlines()]
    assert ids == [f"m{i}" for i in range(n) if i not in (1500, 1800)]


def test_workers_must_be_a_positive_number(shared_valid_root: Path, tmp_path: Path) -> None:
    src = tmp_path / "one.jsonl"
    src.write_text('{"id": "a", "text": "hi"}\n')
    p = _route(shared_valid_root, src, "--workers", "0")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    assert "--workers" in p.stderr and "Traceback" not in p.stderr


def test_bad_utf8_after_the_first_chunk_is_one_line(
    shared_valid_root: Path, tmp_path: Path
) -> None:
    src = tmp_path / "late.jsonl"
    good = "".join(
        json.dumps({"id": i, "text": "hi"}) + "\n" for i in range(route_batch.CHUNK * 2 + 5)
    )
    src.write_bytes(good.encode() + b'{"id": "x", "text": "\xff"}\n')
    p = _route(shared_valid_root, src, "--workers", "2")
    assert p.returncode == 1
    # Reported at its own line; every good line before it is still routed.
    n = route_batch.CHUNK * 2 + 6
    assert p.stderr.strip().splitlines() == [f"{src}:{n}: not valid UTF-8 (save the file as UTF-8)"]
    assert p.stdout.count("\n") == n - 1
