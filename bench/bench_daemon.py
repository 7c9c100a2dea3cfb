"""Daemon figures: start to ready, idle RSS, idle CPU. Prints them; asserts nothing.

Targets (issue 3): idle RSS <= 60 MB; idle CPU <= 1% of a core; start to ready <= 1 s.
Runs the real daemon on the sandbox with the shipped messages/ and schedule.yaml.

    .venv/bin/python bench/bench_daemon.py [--idle 30]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def rss_kb(pid: int) -> tuple[int, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        k, _, v = line.partition(":")
        fields[k] = v.strip()
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def cpu_seconds(pid: int) -> float:
    parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def one_run(root: Path, idle: float, x_url: str | None) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("X_")}
    env.update(STATE_DB=str(root / "var" / "state.sqlite3"), PYTHONUNBUFFERED="1")
    if x_url:
        env.update(
            X_API_KEY="k",
            X_API_SECRET="s",
            X_ACCESS_TOKEN="t",
            X_ACCESS_TOKEN_SECRET="ts",
            X_API_BASE_URL=x_url,
        )
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None
    ready = None
    internal = ""
    for line in proc.stdout:
        if " ready " in line:
            ready = time.monotonic() - t0
            internal = line.split("startup_ms=")[-1].strip()
            break
    assert ready is not None, "daemon never became ready"
    # One mention answered, so the gazetteer and reply library are loaded as in real use.
    subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", "mention", "I'm in Berlin", "--root", str(root)],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    time.sleep(25)  # the shipped schedule reads mentions every 20 s
    c0, w0 = cpu_seconds(proc.pid), time.monotonic()
    time.sleep(idle)
    c1, w1 = cpu_seconds(proc.pid), time.monotonic()
    rss, hwm = rss_kb(proc.pid)
    proc.send_signal(signal.SIGTERM)
    t_stop = time.monotonic()
    proc.wait(timeout=15)
    stop = time.monotonic() - t_stop
    return {
        "ready_s": ready,
        "internal_ms": float(internal or 0),
        "rss_mb": rss / 1024,
        "peak_mb": hwm / 1024,
        "cpu_pct": 100 * (c1 - c0) / (w1 - w0),
        "stop_s": stop,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--idle", type=float, default=30.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--x", action="store_true", help="against the fake X API (tweepy loaded)")
    args = ap.parse_args()
    fake = None
    if args.x:
        sys.path.insert(0, str(REPO))
        from tests.support.fakex import FakeX

        fake = FakeX().start()
    results = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            shutil.copytree(REPO / "messages", root / "messages")
            shutil.copy(REPO / "schedule.yaml", root / "schedule.yaml")
            if fake is not None:
                fake.add_mention("@CloseTheCampsBot I'm in Berlin", "bench_user")
            results.append(one_run(root, args.idle, fake.url if fake else None))
    if fake is not None:
        fake.stop()
    for r in results:
        print(
            f"start->ready {r['ready_s']:.3f} s (in-process set-up {r['internal_ms']:.0f} ms)"
            f"  idle RSS {r['rss_mb']:.1f} MB (peak {r['peak_mb']:.1f} MB)"
            f"  idle CPU {r['cpu_pct']:.2f}% over {args.idle:.0f} s"
            f"  SIGTERM->exit {r['stop_s']:.2f} s"
        )
    best = min(r["ready_s"] for r in results)
    print(f"platform: {'fake X API through tweepy' if args.x else 'sandbox'}")
    print(
        f"best start->ready {best:.3f} s; worst idle RSS "
        f"{max(r['rss_mb'] for r in results):.1f} MB; worst idle CPU "
        f"{max(r['cpu_pct'] for r in results):.2f}%"
    )


if __name__ == "__main__":
    main()
