"""The house rules of bot/: pure rooms import no IO, and every module stays small."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"
PURE = [
    "bot.locate",
    "bot.policy.budget",
    "bot.policy.compose",
    "bot.policy.decide",
    "bot.policy.intent",
    "bot.policy.rotation",
    "bot.policy.timing",
    "bot.content.model",
    "bot.content.cron",
    "bot.content.textrules",
    "bot.content.xurls",
    "bot.content.lengths",
    "bot.report.figures",
    "bot.report.svg",
    "bot.report.page",
]
# What reads files, keeps state or talks to the network. (APScheduler's triggers, used by
# policy.timing as a calculator, pull in asyncio and socket as library imports; its
# schedulers are what would run anything.)
IO = [
    "yaml",
    "sqlite3",
    "requests",
    "tweepy",
    "urllib3",
    "dotenv",
    "apscheduler.schedulers",
    "multiprocessing",
    "bot.runtime",
    "bot.platforms",
    "bot.commands",
]


def test_pure_rooms_import_no_io() -> None:
    code = (
        f"import sys\nfor m in {PURE!r}: __import__(m)\n"
        f"print(','.join(m for m in {IO!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=BOT.parent
    )
    assert out.stdout.strip() == ""


def test_a_newcomer_reads_bot_from_its_rooms() -> None:
    top = [p.name for p in BOT.glob("*.py")]
    assert len(top) <= 8, top
    too_long = {
        str(p.relative_to(BOT)): n
        for p in BOT.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not too_long
