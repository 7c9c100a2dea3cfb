"""`closethecamps links`, `links --check [--record]` and validate's link warnings.

The shipped links are https on real domains; these tests build a root whose posts,
replies and resources link to a server on 127.0.0.1 (tests/support/linkserver.py).
`links` reads the files as written (validate alone enforces https and the allowlist),
so the test root needs no seam in production code.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.commands.links import _Progress
from bot.runtime.linkcheck import Outcome, check_link
from tests.support.cli import run_cli
from tests.support.linkserver import LinkServer

ALIVE = ("/ok", "/moved", "/nohead")
DEAD = ("/gone404", "/gone410", "/reset", "/sleep")


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with LinkServer() as s:
        yield s


def _resources(server: LinkServer, a: tuple[str, ...], b: tuple[str, ...]) -> str:
    return f"""\
# Test resources: the comments and layout must survive --record.
generic:
  name: Anywhere else
  embassy:
    url: {server.url(a[0])}
    verified: true   # opened by a maintainer
  representatives:
    url: {server.url(a[1])}
    how:
      en: find your parliament
  un_mission:
    url: {server.url(a[2])}
    verified: false
  source: "a test"
  checked: 2020-01-01   # keep this comment

countries:
  - code: NO
    name: Norway
    embassy:
      url: {server.url(b[0])}
      verified: false
    representatives:
      url: {server.url(b[1])}
      how: {{en: look it up}}
    un_mission:
      url: {server.url(b[2])}
    organisation:
      name: Someone
      url: {server.url(b[3])}
    source: "a test"
    checked: 2020-01-01
"""


def make_link_root(
    tmp: Path, server: LinkServer, a: tuple[str, ...] = ALIVE, b: tuple[str, ...] = DEAD
) -> Path:
    """A root whose posts, replies and resources link to `server`: the generic entry to
    `a`, Norway's to `b`; a post and the protect message reuse two of `a`."""
    root = tmp / "root"
    for d in ("posts", "replies", "resources"):
        (root / "messages" / d).mkdir(parents=True)
    (root / "schedule.yaml").write_text("timezone: UTC\n", encoding="utf-8")
    (root / "messages/posts/en.yaml").write_text(
        "posts:\n"
        "  # a comment between posts\n"
        "  - id: en-test-1\n"
        "    lang: en\n"
        "    category: awareness\n"
        "    text: >-\n"
        "      A folded text over\n"
        f"      lines, linking {server.url(a[0])} #CloseTheCamps\n",
        encoding="utf-8",
    )
    (root / "messages/replies/protect.yaml").write_text(
        "protect:\n"
        "  - id: protect-en\n"
        f'    text: "Thank you. See {server.url(a[2])}"\n'
        "    verified: false\n",
        encoding="utf-8",
    )
    (root / "messages/resources/countries.yaml").write_text(
        _resources(server, a, b), encoding="utf-8"
    )
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("links", "--root", str(root), *args)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_links_lists_each_url_once_with_every_use(
    tmp_path: Path, server: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_link_root(tmp_path, server)
    assert main(["links", "--root", str(root), "--json"]) == 0
    rows = {r["url"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {server.url(p) for p in ALIVE + DEAD}
    ok = rows[server.url("/ok")]
    # The post's URL is on the second line of its folded text; the resource's at its url.
    assert [(u["file"], u["line"], u["item"]) for u in ok["uses"]] == [
        ("messages/posts/en.yaml", 8, "en-test-1"),
        ("messages/resources/countries.yaml", 5, "generic embassy"),
    ]
    assert [u["verified"] for u in ok["uses"]] == [None, True]
    assert ok["verified"] is True and ok["checked"] == "2020-01-01"
    # Any use marked unverified makes the link unverified; the entry's date covers it.
    nohead = rows[server.url("/nohead")]
    assert nohead["verified"] is False
    assert {(u["file"], u["line"]) for u in nohead["uses"]} == {
        ("messages/replies/protect.yaml", 3),
        ("messages/resources/countries.yaml", 12),
    }
    assert rows[server.url("/moved")]["verified"] is None
    assert rows[server.url("/gone410")]["checked"] == "2020-01-01"
    assert server.requests == []  # listing opens nothing


def test_links_table_is_one_row_per_url(tmp_path: Path, server: LinkServer) -> None:
    root = make_link_root(tmp_path, server)
    proc = _run(root)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1 + len(ALIVE + DEAD) + 1
    assert re.match(r"^yes +2020-01-01 +http://127\.0\.0\.1:\d+/ok  \(messages/posts", lines[1])
    assert lines[-1] == "7 links: 1 verified, 2 unverified, 4 with no mark"


@pytest.mark.slow
def test_check_reports_dead_moved_and_exits_1(tmp_path: Path, server: LinkServer) -> None:
    root = make_link_root(tmp_path, server)
    before = _snapshot(root)
    proc = _run(root, "--check", "--timeout", "1", "--concurrency", "8", "--json")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""  # no progress bar when stderr is not a terminal
    got: dict[str, dict[str, Any]] = {
        r["url"].rsplit("/", 1)[1]: r for r in json.loads(proc.stdout)
    }
    assert {k for k, r in got.items() if r["dead"]} == {"gone404", "gone410", "reset", "sleep"}
    assert got["ok"]["status"] == 200 and not got["ok"]["moved"]
    assert got["moved"]["moved"] and got["moved"]["final_url"] == server.url("/ok")
    assert got["nohead"]["status"] == 200 and got["nohead"]["method"] == "GET"
    # A 404 and a 410 are final at once (HEAD, then GET); a reset and a timeout are
    # tried once more.
    assert (got["gone404"]["status"], got["gone404"]["attempts"]) == (404, 1)
    assert (got["gone410"]["status"], got["gone410"]["attempts"]) == (410, 1)
    assert got["reset"]["error"] == "connection reset" and got["reset"]["attempts"] == 2
    assert got["sleep"]["error"] == "timeout after 1 s" and got["sleep"]["attempts"] == 2
    assert got["ok"]["uses"][0]["file"] == "messages/posts/en.yaml"
    # Nothing written without --record; never a cookie; a User-Agent naming the project.
    assert _snapshot(root) == before
    assert server.requests
    for _, _, headers in server.requests:
        assert "Cookie" not in headers
        assert headers["User-Agent"].startswith("closethecamps-linkcheck/")
    assert [m for m, p, _ in server.requests if p == "/nohead"][:2] == ["HEAD", "GET"]


def test_check_human_report_and_exit_0_when_all_answer(tmp_path: Path, server: LinkServer) -> None:
    root = make_link_root(tmp_path, server, b=("/ok", "/flaky", "/nohead", "/moved"))
    proc = _run(root, "--check", "--timeout", "5")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert not [ln for ln in lines if ln.startswith("dead")]
    moved = [ln for ln in lines if ln.startswith("moved")]
    assert moved == [
        f"moved  {server.url('/moved')} -> {server.url('/ok')}  "
        "(messages/resources/countries.yaml:8, messages/resources/countries.yaml:30)"
    ]
    assert re.fullmatch(
        r"checked 4 links in [\d.]+ s: 4 answered \(1 moved, \d slower than 3 s\), 0 dead",
        lines[-1],
    )
    # A 503 is tried again, and a link that answers then is alive.
    assert [p for _, p, _ in server.requests].count("/flaky") >= 2


@pytest.mark.slow
def test_record_edits_only_the_checked_lines_of_entries_that_answered(
    tmp_path: Path, server: LinkServer
) -> None:
    root = make_link_root(tmp_path, server)
    path = root / "messages/resources/countries.yaml"
    old = path.read_bytes().splitlines(keepends=True)
    others = {p: b for p, b in _snapshot(root).items() if p != str(path)}
    proc = _run(root, "--check", "--timeout", "1", "--record")
    assert proc.returncode == 1  # Norway's links are dead
    new = path.read_bytes().splitlines(keepends=True)
    today = dt.date.today().isoformat()
    changed = [(i + 1, a, b) for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    # The generic entry answered: its one line changes, its comment kept. Norway's did
    # not: its date stays. Every other byte of every file is the same.
    assert changed == [
        (
            15,
            b"  checked: 2020-01-01   # keep this comment\n",
            f"  checked: {today}   # keep this comment\n".encode(),
        )
    ]
    assert {p: b for p, b in _snapshot(root).items() if p != str(path)} == others
    assert f"recorded checked: {today} for 1 entries" in proc.stdout


def test_record_needs_check(tmp_path: Path, server: LinkServer) -> None:
    root = make_link_root(tmp_path, server)
    proc = _run(root, "--record")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "closethecamps links: --record needs --check"


def test_unreadable_file_is_one_line_and_exit_1(tmp_path: Path, server: LinkServer) -> None:
    root = make_link_root(tmp_path, server)
    (root / "messages/posts/bad.yaml").write_text("posts: [\n", encoding="utf-8")
    proc = _run(root)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert re.fullmatch(r"messages/posts/bad\.yaml:\d+: .+ \(.+\)\n", proc.stderr)


def test_progress_bar_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    outcome = Outcome("https://example.org/", 200, "https://example.org/", 0.1)
    for stream, drawn in ((Tty(), True), (io.StringIO(), False)):
        bar = _Progress(2, stream)
        bar.step(outcome)
        bar.step(outcome)
        bar.end()
        assert ("[" + "#" * 30 + "] 2/2" in stream.getvalue()) is drawn
        assert bool(stream.getvalue()) is drawn


# --- validate ------------------------------------------------------------------------

SUMMARY = re.compile(
    r"^validate: (\d+) links unverified, (\d+) checked over a year ago "
    r"\(closethecamps links; --verbose for each\)$",
    re.MULTILINE,
)


def _validate(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("validate", "--root", str(root), *extra)


def test_validate_warns_in_one_line_and_verbose_gives_each(valid_root: Path) -> None:
    path = valid_root / "messages/resources/countries.yaml"
    text = path.read_text(encoding="utf-8")
    # Two entries checked long ago: a warning each, never a failure.
    path.write_text(text.replace("checked: 2026-11-21", "checked: 2024-01-02", 2), "utf-8")
    proc = _validate(valid_root)
    assert proc.returncode == 0, proc.stdout
    found = SUMMARY.search(proc.stdout)
    assert found, proc.stdout
    unverified, stale = int(found[1]), int(found[2])
    assert unverified >= 37 and stale >= 2
    assert not [ln for ln in proc.stdout.splitlines() if ": warning: link " in ln]
    verbose = _validate(valid_root, "--verbose")
    assert verbose.returncode == 0
    each = [ln for ln in verbose.stdout.splitlines() if ": warning: link " in ln]
    assert len(each) == unverified + stale
    assert all(re.match(r"^messages/[^:]+:\d+: warning: link https://", ln) for ln in each)
    assert any("over a year ago" in ln for ln in each)
    assert verbose.stdout.splitlines()[-1].startswith("ok: ")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--check", "--timeout", "soon"], "expected seconds between 0 and 600, not 'soon'"),
        (["--check", "--timeout", "0"], "expected seconds between 0 and 600, not '0'"),
        (["--check", "--concurrency", "0"], "expected a whole number of at least 1, not '0'"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(
    tmp_path: Path, server: LinkServer, args: list[str], said: str
) -> None:
    proc = _run(make_link_root(tmp_path, server), *args)
    assert proc.returncode == 2
    assert said in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert server.requests == []


@pytest.mark.parametrize("path", ["/trickle-head", "/trickle-body"])
def test_one_deadline_covers_the_whole_answer(server: LinkServer, path: str) -> None:
    # Every read gets a byte well within the timeout; only a deadline for the whole
    # attempt (headers and body) stops it. Without one this would "answer" in 8 s.
    outcome = check_link(server.url(path), timeout=1.0, retry_pause=0.0)
    assert outcome.dead
    assert outcome.error == "timeout after 1 s"
    assert outcome.attempts == 2
