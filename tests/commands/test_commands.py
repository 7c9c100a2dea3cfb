"""The CLI commands as a maintainer uses them: preview, status, route, sandbox, approve."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands import content
from bot.content import config as cfg
from bot.platforms.sandbox import SandboxPlatform
from tests.support.cli import run_cli
from tests.support.roots import approve_all, make_root

SCHEDULE = """\
timezone: Europe/Berlin
posts:
  - name: morning
    cron: "0 9 * * 1-5"
    language: en
  - name: weekend
    cron: "30 11 * * 0"
    categories: [awareness]
mentions:
  every: 1m
limits:
  monthly_budget_usd: 10
"""


@pytest.fixture(scope="module")
def root_schedule() -> str:
    """`valid_root` gets SCHEDULE (see conftest.py)."""
    return SCHEDULE


def test_preview_json_lists_the_next_posts_in_the_schedule_time_zone(
    valid_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Friday 2026-11-20 08:00 in Berlin: next come Fri 09:00, Sun 11:30, Mon 09:00.
    now = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert content.preview(valid_root, 3, True, str(valid_root / "none.sqlite3"), now=now) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["time"] for r in rows] == [
        "2026-11-20T09:00:00+01:00",
        "2026-11-22T11:30:00+01:00",
        "2026-11-23T09:00:00+01:00",
    ]
    assert set(rows[0]) >= {"time", "post_id", "category", "language", "weighted_length", "text"}
    assert rows[0]["language"] == "en" and rows[1]["category"] == "awareness"
    assert all(r["weighted_length"] <= 280 and "#CloseTheCamps" in r["text"] for r in rows)
    assert len({r["post_id"] for r in rows}) == 3


def test_preview_says_where_each_run_goes_and_how_long_it_is_there(
    valid_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config, _ = cfg.check(valid_root)
    assert config is not None
    now = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
    rows = content.preview_rows(config, 2, now, None, frozenset({"x", "mastodon"}))
    assert all(r["platforms"] == ["x", "mastodon (public)"] for r in rows)
    assert set(rows[0]["lengths"]) == {"x", "mastodon", "bluesky"}
    assert rows[0]["lengths"]["x"]["length"] == rows[0]["weighted_length"]
    # With no network's keys, the sandbox stands in for them all.
    assert content.preview_rows(config, 1, now)[0]["platforms"] == ["sandbox"]
    content.preview(valid_root, 1, False, str(valid_root / "none.sqlite3"), now=now)
    out = capsys.readouterr().out
    assert "-> sandbox:" in out and "X " in out and "/280 · Mastodon " in out and "/300" in out


def test_preview_text_and_dst(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Across the end of summer time (25 Oct 2026) the slot stays at 09:00 local.
    now = dt.datetime(2026, 10, 23, 10, 0, tzinfo=dt.UTC)
    content.preview(valid_root, 2, True, str(valid_root / "none.sqlite3"), now=now)
    times = [r["time"] for r in json.loads(capsys.readouterr().out) if r["slot"] == "morning"]
    assert times[0] == "2026-10-26T09:00:00+01:00"


def test_preview_json_prints_only_json(valid_root: Path) -> None:
    out = run_cli(
        "preview", "--count", "4", "--json",
        "--root", str(valid_root), "--state", str(valid_root / "s.sqlite3"),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == 4


def test_status_json_on_a_fresh_state(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "status",
                "--json",
                "--root",
                str(valid_root),
                "--state",
                str(valid_root / "s.sqlite3"),
            ]
        )
        == 0
    )
    info = json.loads(capsys.readouterr().out)
    assert info["platform"] == "sandbox"
    assert info["budget"]["limit_usd"] == 10 and info["budget"]["spent_usd"] == 0
    assert {r["slot"] for r in info["next_runs"]} == {"morning", "weekend"}
    assert info["latest"] == [] and info["unresolved"] == 0


def test_route_one_mention(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["route", "I'm in Hamburg, how can I help?", "--json", "--root", str(valid_root)]) == 0
    )
    r = json.loads(capsys.readouterr().out)
    assert r["country"] == "DE" and r["policy"] == "reply" and r["language"] == "en"
    assert "germany.mid.ru" in r["reply"] or "bundestag.de" in r["reply"]


def test_route_jsonl_from_a_file_and_stdin(valid_root: Path, tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "ich bin aus Köln, was kann ich tun?", "lang": "de", "extra": 1},
        {"id": "b", "text": "я живу в Грозном", "lang": "ru"},
        {"id": "c", "text": "what can I do", "author_location": "Brisbane, QLD"},
        {"id": "d", "text": "stop"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    for args, stdin in ((["--jsonl", str(src)], None), (["--jsonl", "-"], src.read_text())):
        p = run_cli("route", *args, "--root", str(valid_root), stdin=stdin or "")
        assert p.returncode == 0, p.stderr
        out = [json.loads(x) for x in p.stdout.splitlines()]
        assert [o["id"] for o in out] == ["a", "b", "c", "d"]
        assert all(
            set(o) == {"id", "country", "confidence", "policy", "language", "reply"} for o in out
        )
        a, b, c, d = out
        assert (a["country"], a["policy"], a["language"]) == ("DE", "reply", "de")
        assert b["policy"] == "protect" and "Грозн" not in (b["reply"] or "")
        assert c["country"] == "AU"
        assert d["policy"] == "skip" and d["reply"] is None
        assert 0 <= a["confidence"] <= 1


def test_route_reads_no_posts_and_never_shows_a_reply_that_does_not_fit(
    valid_root: Path,
) -> None:
    """route composes replies only: a broken post file is validate's business, and an
    over-long template is skipped when composing rather than shown."""
    (valid_root / "messages" / "posts" / "broken.yaml").write_text("posts: [\n")
    replies = valid_root / "messages" / "replies" / "en.yaml"
    replies.write_text(
        replies.read_text().replace('text: "', 'text: "' + "Please, " * 40, 1), encoding="utf-8"
    )
    approve_all(valid_root, only="messages/replies/en.yaml")
    p = run_cli("route", "I'm in Hamburg, how can I help?", "--json", "--root", str(valid_root))
    assert p.returncode == 0, p.stderr
    r = json.loads(p.stdout)
    assert r["country"] == "DE" and r["policy"] == "reply"
    assert r["reply"] and "Please, Please" not in r["reply"]
    assert run_cli("validate", "--root", str(valid_root)).returncode == 1


def test_route_jsonl_bad_line_is_one_clear_line(valid_root: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok", "text": "hi, how can I help?"}\nnot json\n')
    p = run_cli("route", "--jsonl", str(src), "--root", str(valid_root))
    assert p.returncode == 1
    assert p.stderr.strip().startswith(f"{src}:2: ")
    assert "Traceback" not in p.stderr and len(p.stdout.splitlines()) == 1


def test_sandbox_mention_and_timeline(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = str(valid_root / "var" / "state.sqlite3")
    assert (
        main(
            [
                "sandbox",
                "mention",
                "hello",
                "--user",
                "ann",
                "--root",
                str(valid_root),
                "--state",
                state,
            ]
        )
        == 0
    )
    assert main(["sandbox", "timeline", "--json", "--root", str(valid_root), "--state", state]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out[out.index("[") :])
    # The mention is there, not yet read (no decision); the bot has posted nothing yet.
    assert [(r["author"], "decision" in r) for r in rows] == [("ann", False)]
    # A post of the bot's shows its length on each network the sandbox stands in for.
    sandbox = SandboxPlatform(valid_root / "var" / "sandbox.sqlite3")
    sandbox.post("Close the camps " + "é" * 290 + " #CloseTheCamps")
    sandbox.close()
    assert main(["sandbox", "timeline", "--root", str(valid_root), "--state", state]) == 0
    assert "Bluesky 321/300 (too long)" in capsys.readouterr().out


def test_root_that_is_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "--root is not a folder" in err and err.count("\n") == 1


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "x"]) == 2  # no --by
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit) as e:
        main(["preview", "--count", "x"])
    assert e.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_preview_shows_the_daily_cap_and_the_jitter_range(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Five slots a day, a cap of three: the daemon posts three; preview must say so.
    root = make_root(
        tmp_path,
        "timezone: UTC\nposts:\n"
        + "".join(f'  - cron: "0 {h} * * *"\n    jitter: 10m\n' for h in (8, 10, 12, 14, 16))
        + "limits:\n  posts_per_day: 3\n",
    )
    now = dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.UTC)
    assert content.preview(root, 10, True, str(tmp_path / "none.sqlite3"), now=now) == 0
    rows = json.loads(capsys.readouterr().out)
    first_day = [r for r in rows if r["time"].startswith("2026-11-20")]
    assert [r["post_id"] is not None for r in first_day] == [True, True, True, False, False]
    assert first_day[3]["skipped"] == "daily post limit reached (3)"
    assert rows[0]["latest"] == "2026-11-20T08:10:00+00:00"
    assert content.preview(root, 2, False, str(tmp_path / "none.sqlite3"), now=now) == 0
    assert "2026-11-20T08:00:00+00:00 to 2026-11-20T08:10:00+00:00" in capsys.readouterr().out


def test_preview_and_status_show_what_pacing_holds_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """$12 of replies and $0.20 of posts by the 5th of a $25 month: the daemon holds posts
    back so the budget lasts. Before: preview listed posts at every slot as if nothing
    held them, and status projected $78 by month end, more than the bot can spend."""
    from bot.commands.status import status_info
    from bot.runtime.settings import load_settings
    from bot.runtime.store import Store

    root = make_root(
        tmp_path,
        'timezone: UTC\nposts:\n  - cron: "0 9 * * *"\nlimits:\n  monthly_budget_usd: 25\n',
    )
    db = tmp_path / "state.sqlite3"
    store = Store(db)
    now = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
    store.spend("reply", 12.0, now=now.timestamp() - 3600)
    store.spend("post", 0.2, now=now.timestamp() - 3600)
    store.close()
    assert content.preview(root, 3, True, str(db), now=now) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(r["post_id"] is None and r["skipped"].startswith("pacing:") for r in rows[:2])
    config = cfg.check(root)[0]
    assert config is not None
    settings, _ = load_settings(root, str(db))
    store = Store(db)
    budget = status_info(config.schedule, settings, store, now)["budget"]
    store.close()
    assert budget["projected_usd"] == 25.0 and budget["pacing_holds_posts"]


def test_preview_jitter_windows_are_real_time_across_dst(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the spring window "02:30+01:00 to 03:15+02:00" ended before it began, and the
    # autumn one spanned 1 h 45 min of real time for a 45-minute jitter.
    root = make_root(
        tmp_path,
        'timezone: Europe/Berlin\nposts:\n  - cron: "30 2 * * *"\n    jitter: 45m\n',
    )
    for start in (
        dt.datetime(2026, 3, 28, 12, tzinfo=dt.UTC),
        dt.datetime(2026, 10, 24, 12, tzinfo=dt.UTC),
    ):
        assert content.preview(root, 2, True, str(tmp_path / "none.sqlite3"), now=start) == 0
        for r in json.loads(capsys.readouterr().out):
            span = dt.datetime.fromisoformat(r["latest"]) - dt.datetime.fromisoformat(r["time"])
            assert span == dt.timedelta(minutes=45), r
