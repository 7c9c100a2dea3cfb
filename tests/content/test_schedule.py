"""bot.content.schedule and cron: the schedule.yaml format, cron and duration parsing, defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.checker import parse_duration
from bot.content.cron import cron_kwargs, cron_problem
from bot.content.model import Schedule
from bot.content.schedule import DEFAULT_PRICES, load_schedule
from tests.support.paths import REPO


def load(tmp_path: Path, body: str) -> tuple[Schedule | None, list[str]]:
    (tmp_path / "schedule.yaml").write_text(body, encoding="utf-8")
    sched, problems = load_schedule(tmp_path)
    return sched, [f"{p.line}: {p.what}" for p in problems]


def test_shipped_schedule_loads() -> None:
    sched, problems = load_schedule(REPO)
    assert problems == []
    assert sched is not None
    assert sched.timezone == "Europe/London"
    assert len(sched.slots) == 7
    assert len({s.name for s in sched.slots}) == 7


def test_full_schedule(tmp_path: Path) -> None:
    sched, problems = load(
        tmp_path,
        """\
timezone: America/New_York
posts:
  - name: am
    cron: "30 8 * * 1-5"
    jitter: 90s
    categories: [petition, un]
    language: en
  - every: 6h
mentions:
  every: 2m
  first_start_cutoff: 0
  author_cooldown: 1d
  protect: silent
  loop_limit: 3
limits:
  posts_per_day: 4
  monthly_budget_usd: 12.5
  prices: {post: 0.02}
missed_grace: 1.5h
""",
    )
    assert problems == [] and sched is not None
    am, every = sched.slots
    assert (am.name, am.cron, am.every, am.jitter) == ("am", "30 8 * * 1-5", None, 90.0)
    assert am.categories == frozenset({"petition", "un"}) and am.language == "en"
    assert (every.name, every.cron, every.every, every.jitter) == ("every 6h", None, 21600.0, 0)
    m = sched.mentions
    assert (m.every, m.first_start_cutoff, m.author_cooldown, m.protect, m.loop_limit) == (
        120.0,
        0.0,
        86400.0,
        "silent",
        3,
    )
    assert sched.limits.posts_per_day == 4 and sched.limits.monthly_budget_usd == 12.5
    assert sched.limits.prices == {**DEFAULT_PRICES, "post": 0.02}
    assert sched.missed_grace == 5400.0
    assert str(sched.tz) == "America/New_York"


def test_defaults(tmp_path: Path) -> None:
    sched, problems = load(tmp_path, "posts:\n  - cron: '0 9 * * *'\n")
    assert problems == [] and sched is not None
    assert sched.timezone == "UTC"
    assert sched.mentions.every == 120.0 and sched.mentions.protect == "neutral"
    assert sched.mentions.loop_limit == 5
    assert sched.limits.posts_per_day == 12 and sched.limits.monthly_budget_usd is None
    assert sched.missed_grace == 1800.0
    assert sched.slots[0].name == "cron 0 9 * * *"


def test_default_slot_names_include_filters(tmp_path: Path) -> None:
    sched, _ = load(
        tmp_path, "posts:\n  - every: 1h\n    categories: [un, donate]\n    language: de\n"
    )
    assert sched is not None and sched.slots[0].name == "every 1h donate,un de"


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    sched, problems = load(
        tmp_path,
        """\
timezone: Nowhere/City
posts:
  - cron: "61 * * * *"
  - every: soon
mentions:
  protect: loud
limits:
  posts_per_day: -1
""",
    )
    assert sched is None
    assert [p.split(":")[0] for p in problems] == ["1", "3", "4", "6", "8"]


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("90s", 90.0),
        ("10m", 600.0),
        ("6h", 21600.0),
        ("1d", 86400.0),
        ("1.5h", 5400.0),
        (" 5 m ", 300.0),
        (30, None),  # no unit: seconds or minutes?
        (2.5, None),
        (0, 0.0),
        ("10", None),
        ("10 minutes", None),
        ("1w", None),
        ("-5m", None),
        (-1, None),
        (True, None),
        (None, None),
        ([1], None),
        ("", None),
        ("1h30m", None),
    ],
)
def test_parse_duration(value: object, seconds: float | None) -> None:
    assert parse_duration(value) == seconds


def test_parse_duration_rejects_infinity() -> None:
    assert parse_duration(float("inf")) is None


@pytest.mark.parametrize(
    "expr",
    [
        "* * * * *",
        "0 9 * * *",
        "30 8 * * 1-5",
        "*/15 * * * *",
        "0 0 1 1 *",
        "59 23 31 12 7",
        "0 9 * * 0,6",
        "0 8-18/2 * * *",
        "5,10,15 * * * *",
        "0 12 1-7 * 1",
        "0 9 * * 5/1",
    ],
)
def test_cron_accepts(expr: str) -> None:
    assert cron_problem(expr) is None


@pytest.mark.parametrize(
    ("expr", "fragment"),
    [
        ("0 9 * *", "has 4 fields, not 5"),
        ("0 0 9 * * *", "has 6 fields, not 5"),
        ("", "has 0 fields, not 5"),
        ("60 * * * *", "bad minute field '60'"),
        ("0 24 * * *", "bad hour field '24'"),
        ("0 0 0 * *", "bad day field '0'"),
        ("0 0 32 * *", "bad day field '32'"),
        ("0 0 * 13 *", "bad month field '13'"),
        ("0 0 * * 8", "bad day of week field '8'"),
        ("*/0 * * * *", "bad minute field '*/0'"),
        ("5-1 * * * *", "bad minute field '5-1'"),
        ("a b c d e", "bad minute field 'a'"),
        ("0 9 * * mon", "bad day of week field 'mon'"),
        ("0 9 * * 1-", "bad day of week field '1-'"),
        ("1,,2 * * * *", "bad minute field '1,,2'"),
    ],
)
def test_cron_rejects(expr: str, fragment: str) -> None:
    err = cron_problem(expr)
    assert err is not None and fragment in err


@pytest.mark.parametrize(
    ("expr", "dow"),
    [
        ("0 9 * * 1-5", "mon,tue,wed,thu,fri"),
        ("0 9 * * 0", "sun"),
        ("0 9 * * 7", "sun"),
        ("0 9 * * 0,7", "sun"),
        ("0 9 * * 6,0", "sun,sat"),
        ("0 9 * * *", None),
    ],
)
def test_cron_kwargs_weekdays_from_sunday(expr: str, dow: str | None) -> None:
    kw = cron_kwargs(expr)
    assert kw["minute"] == "0" and kw["hour"] == "9"
    assert kw.get("day_of_week") == dow


def test_missing_file(tmp_path: Path) -> None:
    sched, problems = load_schedule(tmp_path)
    assert sched is None
    assert [p.render() for p in problems] == [
        "schedule.yaml:1: schedule.yaml is missing (copy the example from the README)"
    ]


def test_slot_can_be_null(tmp_path: Path) -> None:
    sched, problems = load(tmp_path, "posts:\n  -\n  - every: 1h\n")
    assert sched is None and problems == ["2: empty posting slot"]


def test_slot_must_be_mapping(tmp_path: Path) -> None:
    sched, problems = load(tmp_path, "posts:\n  - '0 9 * * *'\n")
    assert sched is None and len(problems) == 1
    # (the message names the list index, "'0' must be a mapping": see the report)
    assert problems[0].startswith("2: ") and problems[0].endswith("must be a mapping, not text")


def test_every_below_one_second(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "posts:\n  - every: 0.5s\n")
    assert problems == ["2: '0.5s' is not a valid duration for 'every'"]


def test_unknown_language_filter_rejected(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "posts:\n  - every: 1h\n    language: 5\n")
    assert problems == ["3: '5' is not a language tag"]


def test_a_slot_names_its_mastodon_visibility(tmp_path: Path) -> None:
    sched, problems = load(
        tmp_path, "posts:\n  - every: 1h\n    visibility: unlisted\n  - every: 2h\n"
    )
    assert problems == [] and sched is not None
    assert [s.visibility for s in sched.slots] == ["unlisted", "public"]
    _, problems = load(tmp_path, "posts:\n  - every: 1h\n    visibility: friends\n")
    assert problems == ["3: unknown visibility 'friends'"]


def test_a_duration_without_a_unit_is_refused_at_its_line(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "posts:\n  - cron: '0 9 * * *'\nmentions:\n  every: 20\n")
    assert problems == ["4: '20' has no unit for 'every'"]


def test_mentions_more_often_than_x_allows_is_refused_when_x_is_enabled(tmp_path: Path) -> None:
    from bot.content.schedule import platform_problems

    sched, _ = load(tmp_path, "posts:\n  - cron: '0 9 * * *'\nmentions:\n  every: 2s\n")
    assert sched is not None
    assert platform_problems(sched, frozenset({"sandbox"})) == []
    [p] = platform_problems(sched, frozenset({"x"}))
    assert p.render() == (
        "schedule.yaml:4: mentions.every is 2s: more often than X allows 300 mention reads "
        "per 15 minutes (write at least 3s)"
    )
