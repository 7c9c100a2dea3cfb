"""Make docs/report.png: three weeks of a sandbox bot, then its report, photographed by
headless Chromium at a phone's width.

The real engine runs on the real sandbox platform with the shipped messages/ and
schedule.yaml; only the clock is simulated (1-20 November 2026, Europe/London). Each
slot fires at its scheduled times; mentions are lines of the labelled sets in
tests/data/ (some from people who may be in Russia, so protected), posted to the
sandbox by a few hundred made-up users and read every half hour.

    .venv/bin/python tools/demo_report.py [--out docs/report.png] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.commands.report import report  # noqa: E402
from bot.content import config as cfg  # noqa: E402
from bot.platforms.sandbox import SandboxPlatform  # noqa: E402
from bot.policy import timing  # noqa: E402
from bot.runtime.engine import Engine  # noqa: E402
from bot.runtime.store import Store  # noqa: E402
from tests.support.browser import CHROMIUM_FLAGS  # noqa: E402

SETS = ("mentions_heldout4.jsonl", "mentions_heldout5.jsonl", "mentions_russia.jsonl")
START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)


def simulate(state: Path, seed: int = 2017) -> None:
    config, _ = cfg.check(REPO)
    assert config is not None
    rnd = random.Random(seed)
    lines = [
        json.loads(x)
        for name in SETS
        for x in (REPO / "tests/data" / name).read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    clock = [START.timestamp()]
    sandbox = SandboxPlatform(state.parent / "sandbox.sqlite3")
    store = Store(state)
    store.set_meta("platform", sandbox.name)
    engine = Engine(sandbox, store, config, clock=lambda: clock[0])
    sched = config.schedule
    fires = sorted(
        (t.timestamp(), slot.name)
        for slot in sched.slots
        for t in timing.next_times(slot, sched, START, 200)
        if t < NOW
    )
    slots = {s.name: s for s in sched.slots}
    t = START.timestamp()
    while t < NOW.timestamp():
        while fires and fires[0][0] <= t:
            clock[0] = fires[0][0]
            engine.run_slot(slots[fires.pop(0)[1]])
        clock[0] = t
        for _ in range(rnd.choices([0, 1, 2, 3], [50, 30, 15, 5])[0]):
            line = rnd.choice(lines)
            sandbox.inject_mention(
                line["text"],
                f"user{rnd.randrange(400)}",
                line.get("author_location"),
                line.get("lang"),
            )
        engine.read_mentions()
        t += 1800
    store.close()
    sandbox.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs/report.png")
    ap.add_argument("--keep", type=Path, help="leave the state and the page in DIR")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        state = work / "state.sqlite3"
        simulate(state)
        page = work / "report.html"
        report(REPO, str(state), "2026-11", html=page, now=NOW)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "chromium",
                *CHROMIUM_FLAGS,
                "--hide-scrollbars",
                f"--user-data-dir={work / 'profile'}",
                f"--screenshot={args.out.resolve()}",
                "--window-size=412,3500",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
