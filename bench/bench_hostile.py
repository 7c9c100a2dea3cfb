"""Hostile files (issue 11): what each costs `validate` and a running daemon.

For a valid root and for each hazard of tests/support/hostile.py dropped into
messages/posts/: `closethecamps validate` wall time and peak RSS; then a daemon on the
fake X with the hazard dropped in: SIGHUP to the refusal, a new mention to its reply,
SIGTERM to exit. Prints the figures; asserts nothing.

    .venv/bin/python bench/bench_hostile.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.badcases import make_valid_root  # noqa: E402
from tests.support.daemon_proc import DaemonProc  # noqa: E402
from tests.support.fakex import FakeX  # noqa: E402
from tests.support.hostile import HAZARDS  # noqa: E402
from tests.support.roots import make_root  # noqa: E402

TARGET = "messages/posts/zz-hostile.yaml"


def validate(root: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one `closethecamps validate` process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "validate", "--root", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t0, usage.ru_maxrss / 1024, proc.returncode


def daemon(tmp: Path, hazard: str) -> str:
    with FakeX() as fake_x:
        root = make_root(tmp)
        d = DaemonProc(root, fake_x.url, tmp / "state.sqlite3")
        try:
            d.wait_for(lambda: d.saw("ready"))
            HAZARDS[hazard](root / TARGET)
            t0 = time.monotonic()
            d.proc.send_signal(signal.SIGHUP)
            d.wait_for(lambda: d.saw("reload refused"), timeout=30)
            refused = time.monotonic() - t0
            mid = fake_x.add_mention(
                "@CloseTheCampsBot I'm in Dublin, what can I do?", "a", lang="en"
            )
            t0 = time.monotonic()
            d.wait_for(lambda: any(p.in_reply_to == mid for p in fake_x.timeline()))
            replied = time.monotonic() - t0
        finally:
            code, took = d.stop()
    return (
        f"refused {refused:.2f} s after SIGHUP, mention answered {replied:.2f} s later, "
        f"SIGTERM to exit {code} in {took:.2f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for name in ["valid", *sorted(HAZARDS)]:
            root = make_valid_root(Path(tmp) / name)
            if name != "valid":
                HAZARDS[name](root / TARGET)
            runs = [validate(root) for _ in range(args.runs)]
            secs = sorted(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            print(
                f"validate {name:5}: {secs[0]:.2f}-{secs[-1]:.2f} s, peak RSS {rss:.1f} MB, "
                f"exit {runs[0][2]}"
            )
        for name in sorted(HAZARDS):
            print(f"daemon {name:5}: {daemon(Path(tmp) / f'd-{name}', name)}")


if __name__ == "__main__":
    main()
