"""Fixed places in the repository, wherever a test module sits under tests/."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
DATA = TESTS / "data"  # labelled mention sets (other branches add files here)
BADFILES = TESTS / "badfiles"  # the broken-file corpus, see tests/support/badcases.py
