"""Length figures: every platform's length of the shipped posts, and the worst texts for
the link search (runs of dotted labels with no space, which the search tries from every
start). Prints the figures; asserts nothing.

    .venv/bin/python bench/bench_lengths.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.content import xurls  # noqa: E402
from bot.content.lengths import measure_all  # noqa: E402

# Each about 8,000 characters: one run of at most xurls.MAX_RUN, the most that is searched.
HOSTILE = {
    "dotted one-letter labels + TLD": "a." * 4000 + "com",
    "accented dotted labels + TLD": "é." * 4000 + "com",
    "one long label with _": "ab_" * 2700 + ".com",
    "non-ASCII letters + TLD": "é" * 8000 + ".com",
    "scheme + dotted labels": "http://" + "a." * 4000 + "com",
}


def _posts() -> list[str]:
    texts = []
    for f in sorted((REPO / "messages" / "posts").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        texts += [p["text"] for p in data.get("posts") or [] if isinstance(p, dict)]
    return texts


def _best(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        xurls.url_spans.cache_clear()
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times) if runs < 3 else statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    texts = _posts()
    secs = _best(lambda: [measure_all(t) for t in texts], args.runs)
    print(
        f"shipped posts: {len(texts)}, all three platforms: {secs * 1e6 / len(texts):.0f} µs/post"
    )
    for name, text in HOSTILE.items():
        secs = _best(lambda text=text: xurls.url_spans(text), args.runs)
        print(f"{name} ({len(text):,} chars): {secs * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
