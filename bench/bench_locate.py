#!/usr/bin/env python3
"""Throughput of bot.locate.locate against geotext's country extraction.

    .venv/bin/pip install geotext==0.4.0      # or: pip install -e '.[bench]'
    .venv/bin/python bench/bench_locate.py [--n 20000]

Both run over the same N mentions (the labelled sets, repeated and varied with
a counter so no cache can serve a repeat verbatim). Prints mentions/s for each,
the one-off import and first-call (gazetteer load) cost, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = [
    ROOT / "tests" / "data" / "mentions_labelled.jsonl",
    ROOT / "tests" / "data" / "mentions_sample.jsonl",  # copy of ../shared/samples/
]


def mentions(n: int) -> list[tuple[str, str | None]]:
    rows = [
        json.loads(line)
        for path in SOURCES
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    return [
        (f"{rows[i % len(rows)]['text']} #{i}", rows[i % len(rows)].get("author_location"))
        for i in range(n)
    ]


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    args = parser.parse_args()
    data = mentions(args.n)

    t0 = time.perf_counter()
    from bot.locate import locate

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    locate("warm-up: I'm in Berlin")
    t_first = time.perf_counter() - t0

    t0 = time.perf_counter()
    for text, profile in data:
        locate(text, profile)
    t_locate = time.perf_counter() - t0
    rss_locate = peak_rss_mb()
    print(
        f"bot.locate: import {t_import * 1000:.1f} ms, first call (gazetteer load) "
        f"{t_first * 1000:.0f} ms"
    )
    print(
        f"bot.locate: {len(data) / t_locate:,.0f} mentions/s "
        f"({t_locate * 1e6 / len(data):.0f} us each), peak RSS {rss_locate:.0f} MB"
    )

    try:
        from geotext import GeoText
    except ImportError:
        print("geotext not installed: pip install geotext==0.4.0")
        return 0
    GeoText("warm-up Berlin")
    t0 = time.perf_counter()
    for text, _ in data:
        g = GeoText(text)
        _ = g.country_mentions, g.cities
    t_geo = time.perf_counter() - t0
    print(
        f"geotext:    {len(data) / t_geo:,.0f} mentions/s "
        f"({t_geo * 1e6 / len(data):.0f} us each), peak RSS {peak_rss_mb():.0f} MB (cumulative)"
    )
    print(f"ratio: bot.locate is {t_geo / t_locate:.1f}x geotext's speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
