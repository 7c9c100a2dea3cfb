"""messages/schema/*.schema.json must describe exactly what the code accepts.

Editors (yaml-language-server) use these schemas for completion and early warnings;
`closethecamps validate` stays the authority. These tests keep the two from drifting:
shipped files pass the schema, broken files fail it, and every key the schema allows is
a key the code accepts (and vice versa).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from bot.content.model import VISIBILITIES
from bot.content.posts import CATEGORIES, ID_RE, KEYS, LANG_RE, load_library
from bot.content.schedule import DEFAULT_PRICES, PLATFORMS, load_schedule
from tests.support.badcases import iter_cases, make_valid_root
from tests.support.paths import REPO

SCHEMA_DIR = REPO / "messages/schema"


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


POSTS = validator("posts")
SCHEDULE = validator("schedule")


def as_json(value: Any) -> Any:
    """YAML data as an editor's YAML server sees it: dates are strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(v: Draft202012Validator, text: str) -> list[str]:
    return [e.message for e in v.iter_errors(as_json(yaml.safe_load(text)))]


def test_schemas_are_valid_draft_2020_12() -> None:
    for name in ("posts", "schedule"):
        schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(
    "path", sorted((REPO / "messages/posts").glob("*.yaml")), ids=lambda p: p.name
)
def test_shipped_posts_match_schema(path: Path) -> None:
    assert schema_errors(POSTS, path.read_text(encoding="utf-8")) == []


def test_shipped_schedule_matches_schema() -> None:
    assert schema_errors(SCHEDULE, (REPO / "schedule.yaml").read_text(encoding="utf-8")) == []


def test_approved_posts_match_schema(tmp_path: Path) -> None:
    root = make_valid_root(tmp_path / "r")
    for path in sorted((root / "messages/posts").glob("*.yaml")):
        assert schema_errors(POSTS, path.read_text(encoding="utf-8")) == [], path.name


# Bad files the schema can see (no cross-file, text-length or link rules).
SCHEMA_REJECTS = {
    "03-top-is-list",
    "04-unknown-top-key",
    "05-unknown-post-key",
    "06-missing-text",
    "07-id-wrong-type",
    "08-posts-not-list",
    "09-post-not-mapping",
    "18-approval-malformed",
    "19-approval-unknown-key",
    "20-approval-not-mapping",
    "26-empty-text",
    "27-bad-weight",
    "28-weight-not-number",
    "29-date-not-date",
    "32-unknown-category",
    "33-bad-lang",
    "34-bad-id",
    "41-top-is-list",
    "42-unknown-top-key",
    "43-unknown-slot-key",
    "44-unknown-mentions-key",
    "45-unknown-limits-key",
    "46-unknown-prices-key",
    "47-cron-field-count",
    "49-cron-garbage",
    "50-cron-not-text",
    "52-timezone-not-text",
    "53-bad-duration",
    "54-bad-jitter",
    "56-cron-and-every",
    "57-slot-without-time",
    "58-posts-wrong-type",
    "59-slot-unknown-category",
    "61-slot-bad-language",
    "62-protect-value",
    "63-posts-per-day-type",
    "66-categories-not-list",
    "67-mentions-not-mapping",
    "71-unknown-top-key-block",
}


@pytest.mark.parametrize(
    "case", [c for c in iter_cases() if c.name in SCHEMA_REJECTS], ids=lambda c: c.name
)
def test_bad_files_rejected_by_schema(case: Any) -> None:
    v = SCHEDULE if case.kind == "schedule" else POSTS
    assert schema_errors(v, case.source.read_text(encoding="utf-8")), case.name


def test_schema_enums_and_patterns_follow_the_code() -> None:
    post = POSTS.schema["$defs"]["post"]
    assert set(post["properties"]) == KEYS
    assert set(post["required"]) == {"id", "lang", "category", "text"}
    assert set(post["properties"]["category"]["enum"]) == CATEGORIES
    assert post["properties"]["id"]["pattern"] == ID_RE.pattern
    assert post["properties"]["lang"]["pattern"] == LANG_RE.pattern
    slot = SCHEDULE.schema["$defs"]["slot"]
    assert set(slot["properties"]["categories"]["items"]["enum"]) == CATEGORIES
    assert slot["properties"]["language"]["pattern"] == LANG_RE.pattern
    assert tuple(slot["properties"]["visibility"]["enum"]) == VISIBILITIES
    assert tuple(slot["properties"]["platforms"]["items"]["enum"]) == PLATFORMS
    prices = SCHEDULE.schema["properties"]["limits"]["properties"]["prices"]["properties"]
    assert set(prices) == set(DEFAULT_PRICES)


def _unknown_keys(problems: list[Any]) -> list[str]:
    return [p.what for p in problems if "unknown" in p.what and "key" in p.what]


def test_every_schedule_key_in_the_schema_is_accepted_by_the_code(tmp_path: Path) -> None:
    """A schedule using every key the schema allows loads without 'unknown key'."""
    props = SCHEDULE.schema["properties"]
    slot_keys = set(SCHEDULE.schema["$defs"]["slot"]["properties"]) - {"every"}
    body = {
        "timezone": "UTC",
        "posts": [
            {
                k: {
                    "name": "n",
                    "cron": "0 9 * * *",
                    "jitter": "1m",
                    "categories": ["un"],
                    "language": "en",
                    "platforms": ["x", "mastodon"],
                    "visibility": "unlisted",
                }[k]
                for k in slot_keys
            },
            {"every": "1h"},
        ],
        "mentions": {
            k: {"protect": "silent", "loop_limit": 3, "protect_countries": ["IR", "SA"]}.get(
                k, "1m"
            )
            for k in props["mentions"]["properties"]
        },
        "limits": {
            "posts_per_day": 3,
            "monthly_budget_usd": 5,
            "prices": dict.fromkeys(props["limits"]["properties"]["prices"]["properties"], 0.1),
        },
        "missed_grace": "5m",
        "rotation": {"min_gap": "3d"},
    }
    assert set(body) == set(props)
    assert set(body["limits"]) == set(props["limits"]["properties"])
    text = yaml.safe_dump(body)
    assert schema_errors(SCHEDULE, text) == []
    (tmp_path / "schedule.yaml").write_text(text, encoding="utf-8")
    sched, problems = load_schedule(tmp_path)
    assert [p.render() for p in problems] == [] and sched is not None


@pytest.mark.parametrize("where", ["top", "slot", "mentions", "limits", "prices"])
def test_keys_outside_the_schema_are_rejected_by_both(tmp_path: Path, where: str) -> None:
    body: dict[str, Any] = {"posts": [{"every": "1h"}], "mentions": {}, "limits": {"prices": {}}}
    target = {
        "top": body,
        "slot": body["posts"][0],
        "mentions": body["mentions"],
        "limits": body["limits"],
        "prices": body["limits"]["prices"],
    }[where]
    target["surplus"] = 1
    text = yaml.safe_dump(body)
    assert schema_errors(SCHEDULE, text)
    (tmp_path / "schedule.yaml").write_text(text, encoding="utf-8")
    _, problems = load_schedule(tmp_path)
    assert _unknown_keys(problems) == ["unknown key 'surplus'"]


def test_every_post_key_in_the_schema_is_accepted_by_the_code(tmp_path: Path) -> None:
    (tmp_path / "messages/posts").mkdir(parents=True)
    shutil.copy2(REPO / "messages/allowed_domains.yaml", tmp_path / "messages")
    text = "x #CloseTheCamps"
    from bot.content.model import text_hash

    values = {
        "id": "p-1",
        "lang": "en",
        "category": "un",
        "text": text,
        "starts": dt.date(2026, 1, 1),
        "expires": dt.date(2026, 12, 31),
        "weight": 2,
        "approval": {"by": "A", "sha256": text_hash(text)},
    }
    assert set(values) == set(POSTS.schema["$defs"]["post"]["properties"])
    src = yaml.safe_dump({"posts": [values]}, allow_unicode=True)
    assert schema_errors(POSTS, src) == []
    (tmp_path / "messages/posts/en.yaml").write_text(src, encoding="utf-8")
    _, problems = load_library(tmp_path, dt.date(2026, 6, 1))
    assert [p.render() for p in problems] == []
    bad = src.replace("weight: 2", "weight: 2\n  surplus: 1")
    assert schema_errors(POSTS, bad)
    (tmp_path / "messages/posts/en.yaml").write_text(bad, encoding="utf-8")
    _, problems = load_library(tmp_path, dt.date(2026, 6, 1))
    assert _unknown_keys(problems) == ["unknown key 'surplus'"]


def test_vscode_settings_map_the_schemas() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./messages/schema/posts.schema.json"] == [
        "messages/posts/*.yaml",
        "messages/posts/*.yml",
    ]
    assert mapping["./messages/schema/schedule.schema.json"] == ["schedule.yaml"]
