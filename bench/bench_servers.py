"""Test-server figures: start to ready, resident memory of the whole process group and
time to stop, for each server the platform tests start
(tests/support/servers.py). Prints them; asserts nothing.

    .venv/bin/python bench/bench_servers.py [--runs 3] [--only snac|bluesky]

Needs ci/install-test-servers.sh to have run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.bluesky import start_bluesky
from tests.support.servers import group_members, stop_group
from tests.support.snac import start_snac


def group_rss_mb(pgid: int) -> float:
    total = 0
    for pid in group_members(pgid):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def one(start: Callable[[Path], dict[str, Any]]) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        began = time.monotonic()
        info = start(Path(tmp))
        ready = time.monotonic() - began
        time.sleep(1)  # let start-up work settle before reading memory
        rss = group_rss_mb(info["pgid"])
        began = time.monotonic()
        stop_group(info["pgid"])
        stopped = time.monotonic() - began
        return ready, rss, stopped


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("snac", "bluesky"))
    args = parser.parse_args()
    servers = {"snac": start_snac, "bluesky": start_bluesky}
    for name, start in servers.items():
        if args.only and name != args.only:
            continue
        for run in range(1, args.runs + 1):
            ready, rss, stopped = one(start)
            print(
                f"{name} run {run}: ready {ready:.1f} s, RSS {rss:.0f} MB (process group), "
                f"stop {stopped:.1f} s, load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
