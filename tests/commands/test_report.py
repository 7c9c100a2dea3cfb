"""`closethecamps report` as a campaigner uses it: the figures, the privacy rules on a
state holding protected mentions, and every kind of bad input as one line."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.commands.report import report
from bot.runtime.schema import MIGRATIONS
from tests.support.cli import run_cli
from tests.support.paths import REPO
from tests.support.reportdb import (
    GONE,
    MONTH,
    NOW,
    POSTS,
    PROTECT_HANDLE,
    REPLY_HANDLE,
    Expected,
    fill,
)

SCHEDULE = """\
timezone: UTC
posts:
  - name: morning
    cron: "0 9 * * *"
mentions:
  every: 1m
limits:
  monthly_budget_usd: 25
"""


@pytest.fixture(scope="module")
def root_schedule() -> str:
    """`shared_valid_root` gets SCHEDULE (see conftest.py)."""
    return SCHEDULE


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Expected]:
    path = tmp_path_factory.mktemp("state") / "state.sqlite3"
    return path, fill(path)


def _both(
    root: Path, db: Path, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[dict[str, Any], str]:
    """(the JSON, the HTML) for November 2026 as of NOW."""
    page = tmp / "report.html"
    assert report(root, str(db), MONTH, html=page, json_out=True, now=NOW) == 0
    return json.loads(capsys.readouterr().out), page.read_text(encoding="utf-8")


def test_the_month_in_figures(
    shared_valid_root: Path,
    state: tuple[Path, Expected],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, want = state
    data, html = _both(shared_valid_root, db, tmp_path, capsys)
    assert data["period"] == MONTH and data["platform"] == "sandbox" and not data["empty"]
    assert len(data["posts"]) == 30
    assert sum(d["sent"] for d in data["posts"]) == want.sent
    assert sum(d["failed"] for d in data["posts"]) == want.failed == 1
    assert sum(d["unknown"] for d in data["posts"]) == want.unknown == 1
    assert [d["day"] for d in data["posts"] if d["pauses"]] == ["2026-11-07"]
    assert data["pauses"][0] | {"minutes": 0} == {
        "day": "2026-11-07",
        "endpoint": "post",
        "reason": "rate limited",
        "minutes": 0,
    }
    assert sum(d["reply"] for d in data["mentions"]) == want.replies
    skips: dict[str, int] = {}
    for d in data["mentions"]:
        for k, v in d["skip"].items():
            skips[k] = skips.get(k, 0) + v
    assert skips == {"cooldown": 4, "opt-out": 2, "asks-nothing": 3}
    # Ranked, the small countries (IS 2, NZ 1, unplaced 3) together as "other", last.
    assert data["countries"] == [
        {"label": "DE", "count": 12},
        {"label": "GB", "count": 7},
        {"label": "FR", "count": 5},
        {"label": "other", "count": 6},
    ]
    assert data["languages"] == [
        {"label": "de", "count": 12},
        {"label": "en", "count": 11},
        {"label": "fr", "count": 5},
        {"label": "other", "count": 2},
    ]
    spend = data["spend"]
    assert spend["budget_usd"] == 25 and spend["month"] == MONTH
    assert spend["month_spent_usd"] == pytest.approx(spend["period_usd"])
    # 20 of the month's 30 days minus 6 h have passed: a straight-line projection.
    assert spend["projected_usd"] == pytest.approx(spend["month_spent_usd"] * 30 / 19.75, 1e-3)
    assert spend["days"][-1]["elapsed"] is False and spend["days"][19]["elapsed"] is True
    top = {t["post_id"]: t for t in data["top_posts"]}
    assert set(top) == {*POSTS, GONE}
    assert top[GONE]["category"] is None  # shown by its id alone
    assert top[POSTS[0]]["category"] == "awareness" and top[POSTS[0]]["language"] == "en"
    assert {c["label"] for c in data["categories"]} == {"awareness", "not in messages/"}
    assert GONE in html and "not in messages/" in html
    assert html.count("<svg") == 7


def test_protected_mentions_are_one_total_and_nothing_else(
    shared_valid_root: Path,
    state: tuple[Path, Expected],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, want = state
    data, html = _both(shared_valid_root, db, tmp_path, capsys)
    assert data["protected_total"] == want.protected == 9
    text = json.dumps(data)
    for out in (text, html):
        # No handle, no mention or reply text: the stored replies all start "@handle".
        assert "@" not in out
        assert PROTECT_HANDLE not in out and REPLY_HANDLE not in out
        assert "Thank you for your message" not in out and "resources for you" not in out
        # The protected people's country and language were never stored; neither shows.
        assert not re.search(r"\bRU\b|\bru\b", out)
    # The per-day and per-country figures hold the other mentions only.
    per_day = sum(d["reply"] + sum(d["skip"].values()) for d in data["mentions"])
    assert per_day == want.replies + want.skipped
    assert sum(c["count"] for c in data["countries"]) == want.replies
    assert "protect" not in json.dumps(data["mentions"]) + json.dumps(data["countries"])
    assert "protect" not in json.dumps(data["languages"]) + json.dumps(data["spend"])


def test_moving_protected_mentions_changes_nothing_but_nothing(
    shared_valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two states that differ only in the days (and stated country) of their protected
    mentions give the same report: no figure splits them, spend per day included."""
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    fill(a)
    fill(b, protect_days=(1, 2, 4, 6, 9, 11, 12, 18, 19), protect_country="IR")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    data_a, html_a = _both(shared_valid_root, a, tmp_path / "a", capsys)
    data_b, html_b = _both(shared_valid_root, b, tmp_path / "b", capsys)
    assert data_a == data_b
    assert html_a == html_b


def test_an_empty_period_says_so(
    shared_valid_root: Path,
    state: tuple[Path, Expected],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = state
    page = tmp_path / "r.html"
    assert report(shared_valid_root, str(db), "2025-01", None, page, True, now=NOW) == 0
    assert json.loads(capsys.readouterr().out)["empty"] is True
    html = page.read_text(encoding="utf-8")
    assert "Nothing was recorded in this period" in html and "<svg" not in html


def test_last_n_days(
    shared_valid_root: Path, state: tuple[Path, Expected], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = state
    assert report(shared_valid_root, str(db), days=7, json_out=True, now=NOW) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["day"] for d in data["posts"]][::6] == ["2026-11-14", "2026-11-20"]
    # The month so far carries into the first day shown.
    assert data["spend"]["days"][0]["month_to_date_usd"] > data["spend"]["days"][0]["posts_usd"]


def test_an_older_state_is_migrated_first(
    shared_valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as con:
        con.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        con.execute(
            "INSERT INTO mentions VALUES ('9', 'a', ?, 'reply', 'placed', 'DE', '@a x', 'sent')",
            (NOW.timestamp() - 3600,),
        )
    con.close()
    assert report(shared_valid_root, str(db), MONTH, json_out=True, now=NOW) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["languages"] == [{"label": "other", "count": 1}]
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    con.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("report", *args, cwd=REPO)


@pytest.mark.parametrize("content", [b"this is not a database at all\n" * 40, b""])
def test_a_file_that_is_not_a_state_is_refused_in_one_line(
    shared_valid_root: Path, tmp_path: Path, content: bytes
) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(content)
    p = _cli("--json", "--root", str(shared_valid_root), "--state", str(db))
    # (SQLite reads an empty file as an empty database: not the bot's either.)
    assert p.returncode == 1, p.stderr
    assert p.stderr.startswith(f"{db}: ") and p.stderr.count("\n") == 1
    assert "Traceback" not in p.stderr and p.stdout == ""
    assert db.read_bytes() == content  # never touched


def test_another_sqlite_file_and_a_missing_one_are_refused(
    shared_valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as con:
        con.execute("CREATE TABLE notes (x)")
    con.close()
    for db in (other, tmp_path / "missing.sqlite3"):
        assert report(shared_valid_root, str(db), json_out=True) == 1
        out = capsys.readouterr()
        assert out.err.startswith(f"{db}: ") and out.err.count("\n") == 1 and out.out == ""
    assert not (tmp_path / "missing.sqlite3").exists()
    with sqlite3.connect(other) as con:
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master")] == ["notes"]
    con.close()


def test_an_unwritable_file_is_one_line(
    shared_valid_root: Path,
    state: tuple[Path, Expected],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = state
    for target in (tmp_path / "no-such-dir" / "r.html", tmp_path):
        assert report(shared_valid_root, str(db), MONTH, html=target, now=NOW) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"{target}: cannot write") and err.count("\n") == 1


@pytest.mark.parametrize("bad", ["2026-13", "2026-1", "nov", "2026-11-01", "0000-01", "9999-12"])
def test_a_bad_month_is_one_line_and_exit_2(
    shared_valid_root: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        main(["report", "--json", "--month", bad, "--root", str(shared_valid_root)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "YYYY-MM" in err and err.count("\n") == 1
    assert report(shared_valid_root, month=bad, json_out=True) == 2


def test_too_many_days_is_one_line_and_exit_2(
    shared_valid_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report(shared_valid_root, days=800_000, json_out=True) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_json_prints_only_json(shared_valid_root: Path, state: tuple[Path, Expected]) -> None:
    db, _ = state
    p = _cli("--json", "--days", "3", "--root", str(shared_valid_root), "--state", str(db))
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)["posts"]) == 3


def test_neither_html_nor_json_is_a_usage_error(shared_valid_root: Path) -> None:
    p = _cli("--root", str(shared_valid_root))
    assert p.returncode == 2 and p.stderr.count("\n") == 1
