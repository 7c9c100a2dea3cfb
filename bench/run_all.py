"""Run every benchmark in bench/ and print its figures (`make bench`). Asserts nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = [
    ["bench_validate.py"],
    ["bench_hostile.py"],
    ["bench_upstream.py"],
    ["bench_daemon.py", "--idle", "30", "--runs", "2"],
    ["bench_daemon.py", "--idle", "30", "--runs", "2", "--x"],
    ["bench_locate.py", "--n", "20000"],
    ["bench_route.py", "--n", "20000", "--runs", "3"],
    ["bench_redact.py"],
    ["bench_lengths.py"],
    ["bench_report.py"],
]


def main() -> int:
    failed = 0
    for args in RUNS:
        print(f"\n== {' '.join(args)}", flush=True)
        failed += (
            subprocess.run(
                [sys.executable, str(HERE / args[0]), *args[1:]], cwd=HERE.parent
            ).returncode
            != 0
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
