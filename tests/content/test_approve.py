"""`closethecamps approve`: writes exactly the approval lines, keeps everything else."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.content.approval import ApproveError, approve
from bot.content.model import text_hash
from bot.content.posts import load_library
from tests.support.paths import REPO

TODAY = dt.date(2026, 6, 15)

SOURCE = """\
# English posts: a comment the maintainer wrote
posts:
  # ---- awareness
  - id: first
    lang: en
    category: awareness
    text: >-
      Folded text that spans
      two lines. #CloseTheCamps   # not a comment inside a block scalar

  - id: second   # trailing comment
    lang: en
    category: awareness
    text: "Quoted text. #CloseTheCamps"
  - id: third
    lang: en
    category: awareness
    text: 'Last one, no newline at end. #CloseTheCamps'"""


@pytest.fixture
def source_root(empty_root: Path) -> Path:
    """`empty_root` with SOURCE as messages/posts/en.yaml."""
    (empty_root / "messages/posts/en.yaml").write_text(SOURCE, encoding="utf-8")
    return empty_root


def posts_file(root: Path) -> Path:
    return root / "messages/posts/en.yaml"


def loaded(root: Path) -> dict[str, dict[str, object]]:
    data = yaml.safe_load(posts_file(root).read_text(encoding="utf-8"))
    return {p["id"]: p for p in data["posts"]}


@pytest.mark.parametrize("pid", ["first", "second", "third"])
def test_approve_adds_only_the_approval_lines(source_root: Path, pid: str) -> None:
    before = posts_file(source_root).read_text(encoding="utf-8")
    result = approve(source_root, pid, "  Alex Doe  ")
    after = posts_file(source_root).read_text(encoding="utf-8")
    text = str(loaded(source_root)[pid]["text"])
    assert result.changed and result.id == pid and result.file == "messages/posts/en.yaml"
    assert result.sha256 == text_hash(text)
    added = [ln for ln in after.splitlines() if ln not in before.splitlines()]
    assert added == ["    approval:", '      by: "Alex Doe"', f"      sha256: {result.sha256}"]
    # Everything that was there is still there, in order.
    kept = [ln for ln in after.splitlines() if ln not in added]
    assert kept == before.splitlines()
    assert loaded(source_root)[pid]["approval"] == {"by": "Alex Doe", "sha256": result.sha256}


def test_approved_post_is_live(source_root: Path) -> None:
    for pid in ("first", "second", "third"):
        approve(source_root, pid, "Alex")
    lib, problems = load_library(source_root, TODAY)
    assert [p.render() for p in problems] == []
    assert [p.id for p in lib.live(TODAY)] == ["first", "second", "third"]


def test_approve_is_idempotent(source_root: Path) -> None:
    approve(source_root, "second", "Alex")
    once = posts_file(source_root).read_bytes()
    again = approve(source_root, "second", "Alex")
    assert not again.changed
    assert posts_file(source_root).read_bytes() == once


def test_reapprove_after_edit_replaces_the_block(source_root: Path) -> None:
    approve(source_root, "second", "Alex")
    p = posts_file(source_root)
    p.write_text(
        p.read_text(encoding="utf-8").replace("Quoted text.", "Edited text."), encoding="utf-8"
    )
    lib, problems = load_library(source_root, TODAY)
    assert any("does not match its text" in x.what for x in problems)
    res = approve(source_root, "second", "Sam")
    assert res.changed
    src = p.read_text(encoding="utf-8")
    assert src.count("approval:") == 1 and "Alex" not in src and '"Sam"' in src
    lib, _ = load_library(source_root, TODAY)
    assert lib.by_id("second").approved  # type: ignore[union-attr]


def test_replaces_a_flow_style_approval(source_root: Path) -> None:
    p = posts_file(source_root)
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            '    text: "Quoted text. #CloseTheCamps"\n',
            '    text: "Quoted text. #CloseTheCamps"\n    approval: {by: old, sha256: "00"}\n',
        ),
        encoding="utf-8",
    )
    approve(source_root, "second", "Alex")
    assert loaded(source_root)["second"]["approval"] == {
        "by": "Alex",
        "sha256": text_hash("Quoted text. #CloseTheCamps"),
    }
    assert loaded(source_root)["third"].get("approval") is None


def test_names_are_quoted_safely(source_root: Path) -> None:
    by = 'Ann "the reviewer": #1, O\'Brien'
    approve(source_root, "second", by)
    assert loaded(source_root)["second"]["approval"] == {
        "by": by,
        "sha256": text_hash("Quoted text. #CloseTheCamps"),
    }


def test_unknown_id(source_root: Path) -> None:
    with pytest.raises(ApproveError) as e:
        approve(source_root, "nope", "Alex")
    assert e.value.problem.render() == (
        "closethecamps approve: no post or template with id 'nope' "
        "(list every id with: closethecamps approve --list)"
    )


def test_prefix_of_an_id_is_not_a_match(source_root: Path) -> None:
    with pytest.raises(ApproveError):
        approve(source_root, "fir", "Alex")


def test_empty_name(source_root: Path) -> None:
    before = posts_file(source_root).read_bytes()
    with pytest.raises(ApproveError) as e:
        approve(source_root, "first", "   ")
    assert "the approver's name is empty" in e.value.problem.what
    assert posts_file(source_root).read_bytes() == before


def test_empty_text_is_refused(source_root: Path) -> None:
    p = posts_file(source_root)
    p.write_text(
        p.read_text(encoding="utf-8").replace('"Quoted text. #CloseTheCamps"', '""'),
        encoding="utf-8",
    )
    with pytest.raises(ApproveError) as e:
        approve(source_root, "second", "Alex")
    assert e.value.problem.line == 14 and "has no text to approve" in e.value.problem.what


def test_file_with_syntax_error_elsewhere_is_skipped(source_root: Path) -> None:
    (source_root / "messages/posts/aa-broken.yaml").write_text("posts: [first\n", encoding="utf-8")
    assert approve(source_root, "first", "Alex").file == "messages/posts/en.yaml"


def test_cli_approve(source_root: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [
        sys.executable,
        "-m",
        "bot",
        "approve",
        "second",
        "--by",
        "Alex",
        "--root",
        str(source_root),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("messages/posts/en.yaml: approved 'second' by Alex (sha256 ")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    assert "already approved" in proc.stdout
    bad = subprocess.run(
        [*cmd[:4], "nope", *cmd[5:]], capture_output=True, text=True, timeout=60, env=env
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("closethecamps approve: no post or template with id 'nope'")


FLOW = (
    'posts:\n  - {id: flow-1, lang: en, category: awareness, text: "Flow. #CloseTheCamps"}\n'
    "  - id: flow-2\n    lang: en\n    category: awareness\n"
    '    text: "Block. #CloseTheCamps"\n'
)


def test_flow_style_post_never_damages_the_file(source_root: Path) -> None:
    p = source_root / "messages/posts/flow.yaml"
    p.write_text(FLOW, encoding="utf-8")
    try:
        approve(source_root, "flow-1", "Alex")
    except ApproveError as e:
        assert e.problem.render().startswith("messages/posts/flow.yaml:2: ")
        assert p.read_text(encoding="utf-8") == FLOW
    else:
        assert yaml.safe_load(p.read_text(encoding="utf-8"))["posts"][0]["approval"]


@pytest.mark.xfail(
    strict=True,
    reason="bug: approve cannot approve a flow-style post "
    "('- {id: ..., text: ...}'): it refuses with 'could not place the approval "
    "safely' instead of writing approval inside the braces",
)
def test_flow_style_post_can_be_approved(source_root: Path) -> None:
    p = source_root / "messages/posts/flow.yaml"
    p.write_text(FLOW, encoding="utf-8")
    approve(source_root, "flow-1", "Alex")
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    assert data["posts"][0]["approval"]["by"] == "Alex"


def test_crlf_file_keeps_its_line_endings(source_root: Path) -> None:
    p = posts_file(source_root)
    p.write_bytes(SOURCE.replace("\n", "\r\n").encode())
    approve(source_root, "second", "Alex")
    raw = p.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")


def test_approval_follows_a_folded_text_directly(source_root: Path) -> None:
    approve(source_root, "first", "Alex")
    lines = posts_file(source_root).read_text(encoding="utf-8").splitlines()
    i = lines.index("    approval:")
    assert lines[i - 1].strip().endswith("block scalar")
    assert lines[i + 3] == ""  # the blank line still separates the posts


def test_reapprove_keeps_the_next_post(source_root: Path) -> None:
    approve(source_root, "first", "Alex")
    p = posts_file(source_root)
    p.write_text(p.read_text(encoding="utf-8").replace("two lines.", "2 lines."), encoding="utf-8")
    approve(source_root, "first", "Sam")
    assert list(loaded(source_root)) == ["first", "second", "third"]
    lib, _ = load_library(source_root, TODAY)
    assert lib.by_id("first").approved  # type: ignore[union-attr]
