"""`closethecamps report` on a year of a busy bot: wall time and peak RSS. Prints them;
asserts nothing.

Target (issue 14): report --html over the state of a year with 100,000 mentions and
3,000 posts in <= 5 s and <= 150 MB. The state is written with direct SQL into a
temporary database created by the real Store (so its schema is the current one); the
report runs as a whole process on the shipped messages/ and schedule.yaml.

    .venv/bin/python bench/bench_report.py [--mentions 100000] [--posts 3000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.content import config as cfg  # noqa: E402
from bot.runtime.store import Store  # noqa: E402

COUNTRIES = ["DE", "GB", "US", "FR", "NL", "CA", "AU", "SE", "ES", "IT", "PL", "IE", "AT"]
COUNTRIES += ["BE", "CH", "NO", "DK", "FI", "PT", "CZ", "NZ", "IS", "LU", "EE", None]
LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "da", "fi", "cs"]
SKIPS = ["cooldown", "opt-out", "asks-nothing", "loop", "own-post"]


def build(path: Path, mentions: int, posts: int, end: float, seed: int = 14) -> None:
    Store(path).close()  # the current schema, through the migrations
    rnd = random.Random(seed)
    config, _ = cfg.check(REPO)
    assert config is not None
    ids = [p.id for p in config.library.posts] + ["gone-1", "gone-2"]
    start = end - 365 * 86400
    db = sqlite3.connect(path)
    with db:
        db.executemany(
            "INSERT INTO attempts VALUES (?, 'post', ?, ?, NULL, ?, ?, NULL, ?, ?)",
            (
                (
                    f"post:s:{i}",
                    rnd.choice(ids),
                    f"text {i}",
                    rnd.choices(["done", "failed", "unknown"], [97, 2, 1])[0],
                    f"r{i}",
                    t,
                    t,
                )
                for i in range(posts)
                for t in [start + (end - start) * i / posts]
            ),
        )
        rows = []
        attempts = []
        spend = []
        for i in range(mentions):
            t = start + (end - start) * i / mentions + rnd.random()
            policy = rnd.choices(["reply", "protect", "skip"], [70, 10, 20])[0]
            if policy == "reply":
                rows.append(
                    (str(i), f"a{i % 20000}", t, "reply", "placed", rnd.choice(COUNTRIES),
                     f"@user{i} resources", "sent", rnd.choice(LANGS))
                )  # fmt: skip
            elif policy == "protect":
                rows.append((str(i), f"a{i}", t, "protect", "russia", None, "@u hi", "sent", None))
            else:
                rows.append(
                    (str(i), f"a{i}", t, "skip", rnd.choice(SKIPS), None, None, "none", None)
                )
            if policy != "skip":
                attempts.append((f"reply:{i}", str(i), t, t))
                spend.append((t, "reply", 0.01))
            spend.append((t, "mention_read", 0.001))
        db.executemany(
            "INSERT INTO mentions (id, author_id, seen_at, policy, reason, country, "
            "reply_text, status, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.executemany(
            "INSERT INTO attempts VALUES (?, 'reply', NULL, 'reply', ?, 'done', NULL, NULL, ?, ?)",
            attempts,
        )
        spend += [(start + (end - start) * i / posts, "post_with_url", 0.2) for i in range(posts)]
        db.executemany("INSERT INTO spend VALUES (?, ?, ?)", spend)
        db.executemany(
            "INSERT INTO pause_log VALUES (?, 'post', ?, 'rate limited')",
            ((start + d * 86400 * 7, start + d * 86400 * 7 + 900) for d in range(52)),
        )
    db.close()


def run_report(db: Path, out: Path, period: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one whole `closethecamps report` process."""
    t0 = time.monotonic()
    where = ["--root", str(REPO), "--state", str(db)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "report", *period, "--html", str(out), *where],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("report failed")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--posts", type=int, default=3_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build:
        build(args.build, args.mentions, args.posts, time.time())
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "state.sqlite3"
        t0 = time.monotonic()
        # Built by a process of its own: a child forked from a big parent would count the
        # parent's pages in its peak RSS.
        sizes = ["--mentions", str(args.mentions), "--posts", str(args.posts)]
        subprocess.run([sys.executable, __file__, "--build", str(db), *sizes], check=True)
        print(
            f"state: {args.mentions:,} mentions, {args.posts:,} posts over 365 days, "
            f"{db.stat().st_size / 1e6:.1f} MB, built in {time.monotonic() - t0:.1f} s"
        )
        month = dt.date.today().strftime("%Y-%m")
        for label, period in (
            ("the whole year", ["--days", "365"]),
            ("this month", ["--month", month]),
        ):
            for run in range(args.runs):
                wall, rss = run_report(db, Path(tmp) / "report.html", period)
                size = (Path(tmp) / "report.html").stat().st_size / 1e3
                print(
                    f"report --html, {label} (run {run + 1}): {wall:.2f} s, "
                    f"peak RSS {rss:.1f} MB, page {size:.0f} kB"
                )


if __name__ == "__main__":
    main()
