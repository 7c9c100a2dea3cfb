"""The report as a person sees it: opened by a real headless Chromium at a phone's width.

Chromium comes from Debian's `chromium` package, which `make test` installs as root
(ci/install-test-deps.sh). Without it the test skips with a message; with CI set it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.commands.report import report
from tests.support.browser import CHROMIUM_FLAGS
from tests.support.png import colours
from tests.support.reportdb import MONTH, NOW, fill

CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
FLAGS = (*CHROMIUM_FLAGS, "--window-size=412,2000")
# Colours the charts draw with (bot/report/page.py): sent posts, replies.
SENT, REPLY = bytes((0x2B, 0x7A, 0x3D)), bytes((0x2B, 0x6C, 0xB0))


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    why = "chromium is not installed (as root, ci/install-test-deps.sh installs it)"
    if CI:
        pytest.fail(why + ": the report must be checked in a browser on CI")
    pytest.skip(why + ": the report was not opened in a browser")


def _browser(chromium: str, tmp: Path, name: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [chromium, *FLAGS, f"--user-data-dir={tmp / ('profile-' + name)}", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_the_report_opens_in_a_browser_at_phone_width(
    shared_valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chromium = _chromium()
    db = tmp_path / "state.sqlite3"
    fill(db)
    page = tmp_path / "report.html"
    assert report(shared_valid_root, str(db), MONTH, html=page, now=NOW) == 0
    png = tmp_path / "report.png"
    url = page.resolve().as_uri()
    # Both at once: the DOM as Chromium built it, and what it painted.
    dom = _browser(chromium, tmp_path, "dom", "--dump-dom", url)
    shot = _browser(chromium, tmp_path, "shot", f"--screenshot={png}", url)
    out, dom_err = dom.communicate(timeout=60)
    _, shot_err = shot.communicate(timeout=60)
    assert dom.returncode == 0, dom_err[-2000:]
    assert shot.returncode == 0 and png.is_file(), shot_err[-2000:]
    assert out.count("<svg") == 7, out[:500]
    assert "<script" not in out and "http://" not in out.replace("http://www.w3.org/", "")
    assert 'name="viewport"' in out
    seen = colours(png)
    assert len(seen) > 50, "the screenshot is blank"
    assert seen[SENT] > 200 and seen[REPLY] > 200, "the charts were not painted"
