"""`closethecamps validate`: output format, exit codes, no tracebacks.

The command runs through bot.cli.main in this process (tests/support/cli.py); one test
runs the installed console script as a process."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bot.commands.content  # noqa: F401  imported before any redirection: output must still follow it
from bot.cli import main
from tests.support.badcases import make_valid_root
from tests.support.cli import run_cli

# `file:line: what (fix)` or `file:line: warning: what (fix)`
PROBLEM_LINE = re.compile(r"^[^\s:][^:]*:\d+: .+ \(.+\)$")
# validate's one line about links waiting for a maintainer (a warning, not a problem)
LINKS_SUMMARY = re.compile(r"^validate: \d+ links unverified, \d+ checked over a year ago ")


def run_validate(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("validate", "--root", str(root), *extra)


def _assert_clean_output(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert lines, "validate printed nothing"
    for line in lines[:-1]:
        if LINKS_SUMMARY.match(line):
            continue  # the one summary line about links (tests/commands/test_links.py)
        assert PROBLEM_LINE.match(line), f"not a 'file:line: what (fix)' line: {line!r}"


def error_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """The problem lines that are errors: neither warnings nor the links summary."""
    return [
        ln
        for ln in proc.stdout.splitlines()[:-1]
        if ": warning: " not in ln and not LINKS_SUMMARY.match(ln)
    ]


def test_valid_root_exits_0_with_summary(valid_root: Path) -> None:
    proc = run_validate(valid_root)
    _assert_clean_output(proc)
    assert proc.returncode == 0, proc.stdout
    assert re.fullmatch(
        r"ok: \d+ posts ready to go out, \d+ drafts, 7 slots", proc.stdout.splitlines()[-1]
    )


def test_draft_is_a_warning_not_an_error(valid_root: Path) -> None:
    (valid_root / "messages/posts/zz-draft.yaml").write_text(
        "posts:\n  - id: a-new-draft\n    lang: en\n    category: awareness\n"
        '    text: "A new draft. #CloseTheCamps"\n',
        encoding="utf-8",
    )
    proc = run_validate(valid_root)
    _assert_clean_output(proc)
    assert proc.returncode == 0
    assert "messages/posts/zz-draft.yaml:2: warning: post 'a-new-draft' is a draft" in proc.stdout
    assert ", 1 drafts," in proc.stdout.splitlines()[-1]


def test_expired_post_is_a_warning(valid_root: Path) -> None:
    (valid_root / "messages/posts/zz-old.yaml").write_text(
        "posts:\n  - id: an-old-post\n    lang: en\n    category: awareness\n"
        '    text: "Old news. #CloseTheCamps"\n    expires: 2020-01-01\n',
        encoding="utf-8",
    )
    proc = run_validate(valid_root)
    assert proc.returncode == 0
    assert (
        "messages/posts/zz-old.yaml:6: warning: post 'an-old-post' expired on 2020-01-01"
        in proc.stdout
    )


def test_every_problem_is_one_line_and_counted(valid_root: Path) -> None:
    (valid_root / "messages/posts/zz-bad.yaml").write_text(
        "posts:\n  - id: two-problems\n    lang: english\n    category: nope\n"
        '    text: "No tag here"\n',
        encoding="utf-8",
    )
    proc = run_validate(valid_root)
    _assert_clean_output(proc)
    assert proc.returncode == 1
    errors = error_lines(proc)
    assert [ln.split(": ", 1)[0] for ln in errors] == [
        "messages/posts/zz-bad.yaml:3",
        "messages/posts/zz-bad.yaml:4",
        "messages/posts/zz-bad.yaml:5",
    ]
    assert proc.stdout.splitlines()[-1] == "3 problem(s): not publishable"


def test_problems_in_several_files_are_all_reported(valid_root: Path) -> None:
    (valid_root / "schedule.yaml").write_text(
        "timezone: Mars/Base\nposts: []\nfoo: 1\n", encoding="utf-8"
    )
    (valid_root / "messages/posts/aa-bad.yaml").write_text("posts: 5\n", encoding="utf-8")
    proc = run_validate(valid_root)
    assert proc.returncode == 1
    heads = [ln.split(": ", 1)[0] for ln in error_lines(proc)]
    assert sorted(heads) == ["messages/posts/aa-bad.yaml:1", "schedule.yaml:1", "schedule.yaml:3"]


def test_missing_schedule(valid_root: Path) -> None:
    (valid_root / "schedule.yaml").unlink()
    proc = run_validate(valid_root)
    _assert_clean_output(proc)
    assert proc.returncode == 1
    assert proc.stdout.startswith("schedule.yaml:1: schedule.yaml is missing")


def test_missing_allowlist(valid_root: Path) -> None:
    (valid_root / "messages/allowed_domains.yaml").unlink()
    proc = run_validate(valid_root)
    _assert_clean_output(proc)
    assert proc.returncode == 1
    assert "messages/allowed_domains.yaml:1: the link allowlist is missing" in proc.stdout


def test_no_post_files(valid_root: Path) -> None:
    shutil.rmtree(valid_root / "messages/posts")
    proc = run_validate(valid_root)
    _assert_clean_output(proc)
    assert proc.returncode == 1
    assert "messages/posts:1: no message files found" in proc.stdout


def test_only_drafts_is_not_publishable(tmp_path: Path) -> None:
    root = tmp_path / "r"
    make_valid_root(root)
    for f in (root / "messages/posts").glob("*.yaml"):
        f.unlink()
    (root / "messages/posts/only.yaml").write_text(
        "posts:\n  - id: only-draft\n    lang: en\n    category: awareness\n"
        '    text: "Draft. #CloseTheCamps"\n',
        encoding="utf-8",
    )
    proc = run_validate(root)
    assert proc.returncode == 1
    assert "messages/posts:1: no approved, unexpired post: nothing to post" in proc.stdout


def test_empty_folder(tmp_path: Path) -> None:
    # Not a bot folder at all: one line, as every command says it, not a list of every
    # file a bot folder holds.
    proc = run_validate(tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"closethecamps: no schedule.yaml in {tmp_path} (use --root)\n"
    assert list(tmp_path.iterdir()) == []


def test_root_not_a_folder(tmp_path: Path) -> None:
    proc = run_validate(tmp_path / "nope")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().endswith("(pass the folder holding schedule.yaml)")


def test_unknown_option_is_one_line_exit_2(tmp_path: Path) -> None:
    proc = run_validate(tmp_path, "--frobnicate")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


def test_console_script_works(valid_root: Path) -> None:
    exe = Path(sys.executable).with_name("closethecamps")
    if not exe.exists():
        pytest.skip("closethecamps console script not installed in this interpreter's venv")
    proc = subprocess.run(
        [str(exe), "validate", "--root", str(valid_root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout


def test_in_process_main_exit_codes(valid_root: Path) -> None:
    assert main(["validate", "--root", str(valid_root)]) == 0
    (valid_root / "schedule.yaml").write_text("timezone: Nowhere/Land\n", encoding="utf-8")
    assert main(["validate", "--root", str(valid_root)]) == 1


def test_validate_output_follows_redirect_stdout(valid_root: Path) -> None:
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            main(["validate", "--root", str(valid_root)])
    except ValueError:  # the import-time stream may already be closed
        pass
    assert buf.getvalue().splitlines()[-1].startswith("ok: ")


def test_x_keys_bring_x_rules_mentions_too_often_is_refused(tmp_path: Path) -> None:
    root = make_valid_root(tmp_path / "root")
    sched = root / "schedule.yaml"
    sched.write_text(re.sub(r"(?m)^(mentions:\n  every:) \S+", r"\1 2s", sched.read_text()))
    (root / ".env").write_text(
        "X_API_KEY=k1\nX_API_SECRET=s1\nX_ACCESS_TOKEN=t1\nX_ACCESS_TOKEN_SECRET=u1\n"
    )
    proc = run_validate(root)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(
        r"^schedule\.yaml:\d+: mentions\.every is 2s: more often than X", proc.stdout, re.M
    )
    (root / ".env").unlink()  # the sandbox reads as often as asked
    assert run_validate(root).returncode == 0


def test_checked_dates_after_today_are_one_line_unless_verbose(valid_root: Path) -> None:
    # A machine whose clock is behind the files: before, one warning per entry (49).
    countries = valid_root / "messages/resources/countries.yaml"
    countries.write_text(
        re.sub(r"checked: \d{4}-\d\d-\d\d", "checked: 2099-01-01", countries.read_text())
    )
    proc = run_validate(valid_root)
    assert proc.returncode == 0
    assert "is in the future" not in proc.stdout
    [summary] = [ln for ln in proc.stdout.splitlines() if "'checked' dates are after today" in ln]
    assert "clock behind" in summary
    verbose = run_validate(valid_root, "--verbose")
    assert verbose.stdout.count("is in the future") > 3


def test_a_mention_interval_x_would_refuse_is_a_warning_without_keys(valid_root: Path) -> None:
    schedule = valid_root / "schedule.yaml"
    schedule.write_text(re.sub(r"(?m)^  every: \S+", "  every: 1s", schedule.read_text(), count=1))
    proc = run_validate(valid_root)
    assert proc.returncode == 0
    assert "warning: mentions.every is 1s" in proc.stdout and "once its keys are set" in proc.stdout
