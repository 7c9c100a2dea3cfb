"""A misbehaving upstream (issue 11): what each fault costs the X adapter and the daemon.

Against the fake X over real HTTP: a body trickled a byte every 2 s (the adapter's
deadline, and SIGTERM to exit for a daemon whose post is in flight), a 50 MB body (peak
RSS of the adapter's process), endless next_tokens (requests per read), a 24-hour cap
(how long posting pauses). Prints the figures; asserts nothing.

    .venv/bin/python bench/bench_upstream.py [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.platforms.base import PlatformError  # noqa: E402
from bot.platforms.x import XPlatform  # noqa: E402
from tests.support.daemon_proc import DaemonProc  # noqa: E402
from tests.support.fakex import X_CREDENTIALS, FakeX  # noqa: E402
from tests.support.roots import make_root  # noqa: E402


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    with contextlib.suppress(PlatformError):
        fn()
    return time.perf_counter() - t0


HUGE_READ = """
import sys
from bot.platforms.base import Unavailable
from bot.platforms.x import XPlatform
from tests.support.fakex import X_CREDENTIALS
x = XPlatform(**X_CREDENTIALS, base_url=sys.argv[1])
x.whoami()
def hwm():  # VmHWM: unlike ru_maxrss it starts afresh at exec, not at the parent's peak
    line = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
    return int(line.split()[1]) / 1024
base = hwm()
try:
    x.mentions(None)
except Unavailable:
    pass
print(base, hwm())
"""


def huge_rss(url: str) -> tuple[float, float]:
    """(peak RSS before, after) the read of a 50 MB body, in its own process, in MB."""
    out = subprocess.run(
        [sys.executable, "-c", HUGE_READ, url], capture_output=True, text=True, cwd=REPO
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    runs = ap.parse_args().runs
    with FakeX() as fake:
        x = XPlatform(**X_CREDENTIALS, base_url=fake.url)  # the daemon's defaults
        x.whoami()
        trickle, huge, pages = [], [], []
        for _ in range(runs):
            fake.fail("post", "trickle", delay=2.0)
            trickle.append(timed(lambda: x.post(f"trickled {time.time()}")))
            fake.fail("mentions", "huge")
            huge.append(timed(lambda: x.mentions(None)))
            fake.chaos("mentions", "endless", rate=1.0)
            before = len(fake.requests("mentions"))
            x.mentions(None)
            pages.append(len(fake.requests("mentions")) - before)
            fake.clear_faults("mentions")
        fake.fail("mentions", "huge")
        before, after = huge_rss(fake.url)
        print(f"trickled body, adapter gives up after: {min(trickle):.2f}-{max(trickle):.2f} s")
        print(f"50 MB body refused after: {min(huge):.2f}-{max(huge):.2f} s")
        print(f"peak RSS of a process reading it: {before:.0f} MB before, {after:.0f} MB after")
        print(f"endless next_token: {min(pages)}-{max(pages)} requests per read")
        stops = []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                fake.reset()
                fake.fail("post", "trickle", delay=2.0)
                d = DaemonProc(make_root(Path(tmp)), fake.url, Path(tmp) / "state.sqlite3")
                d.wait_for(lambda: len(fake.requests("post")) >= 1)
                _, took = d.stop()
                stops.append(took)
        print(
            f"SIGTERM with a trickled post in flight, to exit: {min(stops):.2f}-{max(stops):.2f} s"
        )
        x.close()


if __name__ == "__main__":
    main()
